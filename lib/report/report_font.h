/*
 * report_font.h - a CJK OpenType/CFF font prepared once per process for
 * the report layer's own PDF writer (issue 15, deliver 4): Unicode to
 * glyph, advance widths, vertical metrics, and a per-document subsetter
 * of CID-keyed CFF whose work per document is copying cached glyphs.
 *
 * Internal to the report layer (and its tests and benchmarks).  A
 * struct jx_pfont is made by jx_pfont_open (or _open_mem) and freed by
 * jx_pfont_free; its caller owns it.  The lookups (gid, advance,
 * metrics) only read and may be called from any thread; the glyph
 * cache behind jx_pfont_glyph and jx_pfont_subset is guarded by the
 * font's own mutex.  Errors are returned as -1 / NULL with a static
 * English message in *err (never printed here).
 */
#ifndef JIXIAO_REPORT_FONT_H
#define JIXIAO_REPORT_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "jixiao/base.h"

struct jx_pfont;

/* The font's vertical metrics in font units. */
struct jx_pfont_metrics {
    unsigned units_per_em; /* head.unitsPerEm */
    int ascender;          /* OS/2 sTypoAscender, else hhea ascender */
    int descender;         /* OS/2 sTypoDescender, else hhea (negative) */
    int line_ascender;     /* hhea ascender: the line box a text layout */
    int line_descender;    /* uses (negative), as FreeType and pango */
    int line_gap;          /* hhea lineGap */
    unsigned nglyphs;      /* charstrings in the CFF table */
    int bbox[4];           /* head xMin yMin xMax yMax */
};

/* Map the font file at path read-only and parse face face_index of it
 * (0 for a plain .otf; the TTC's face otherwise).  NULL with *err set
 * when the file cannot be read or any table is damaged. */
struct jx_pfont *jx_pfont_open(const char *path, unsigned face_index,
                               const char **err);

/* As jx_pfont_open on len bytes at data, which are not copied: the
 * caller keeps them alive and unchanged until jx_pfont_free. */
struct jx_pfont *jx_pfont_open_mem(const void *data, size_t len,
                                   unsigned face_index, const char **err);

/* Free the font, its caches and its mapping; NULL is ignored. */
void jx_pfont_free(struct jx_pfont *f);

/* The glyph of Unicode code point cp, 0 (.notdef) when the font has
 * none.  O(1) for the BMP, O(log n) above. */
uint32_t jx_pfont_gid(const struct jx_pfont *f, uint32_t cp);

/* The advance width of glyph gid in font units (hmtx); 0 for a gid
 * out of range. */
unsigned jx_pfont_advance(const struct jx_pfont *f, uint32_t gid);

/* The font's metrics. */
struct jx_pfont_metrics jx_pfont_metrics(const struct jx_pfont *f);

/* The face's PostScript name (the name table's ID 6, else the CFF Name
 * INDEX's first entry; printable ASCII, NUL-terminated, owned by f):
 * also the name inside the subsets. */
const char *jx_pfont_name(const struct jx_pfont *f);

/* The flattened Type 2 charstring of glyph gid (subroutines inlined,
 * hints dropped, width kept), made on the first call and cached for
 * the life of f: *cs points into f's cache.  -1 with *err on a damaged
 * glyph or a gid out of range. */
int jx_pfont_glyph(struct jx_pfont *f, uint32_t gid, const uint8_t **cs,
                   size_t *len, const char **err);

/* Flatten the charstring cs[0..n) as a glyph of font dict fd (its local
 * subrs and the global subrs of f) and append it to out: what
 * jx_pfont_glyph caches, open for tests.  -1 with *err on a damaged
 * charstring (stack over 48, subr nesting over 10, unknown operator,
 * subr out of range, no endchar). */
int jx_pfont_flatten(const struct jx_pfont *f, unsigned fd,
                     const uint8_t *cs, size_t n, struct jx_buf *out,
                     const char **err);

/* Number of global subrs, and global subr i's bytes (pointing into the
 * font's data) for tests; -1 when i is out of range. */
int jx_pfont_gsubr(const struct jx_pfont *f, unsigned i,
                   const uint8_t **p, size_t *len);

/* Append to out a complete CID-keyed CFF font (for a PDF's FontFile3
 * /Subtype /CIDFontType0C) holding .notdef and the glyphs gids[0..n)
 * renumbered 1..n in the order given, CID = new glyph index, an
 * FDArray of the font dicts used (Private DICTs without Subrs), no
 * global subrs.  Glyphs not cached yet are flattened first.  -1 with
 * *err on a damaged glyph, a gid out of range, or n over 65534; out is
 * then left as it was. */
int jx_pfont_subset(struct jx_pfont *f, const uint32_t *gids, size_t n,
                    struct jx_buf *out, const char **err);

#endif
