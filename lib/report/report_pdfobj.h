/*
 * report_pdfobj.h - the PDF objects of jixiao's own PDF writer (issue 15,
 * deliver 4): numbered objects written in any order into a jx_buf,
 * streams (deflated or not), the cross-reference table and trailer, PDF
 * text strings, and a Type0 font (CIDFontType0, FontFile3
 * CIDFontType0C, Identity-H, /W, ToUnicode) holding the subset of a
 * struct jx_pfont that one document used.
 *
 * Internal to the report layer (report_pdf.c) and its tests.  A struct
 * jx_pdfobj writes into a buffer its caller owns; a struct jx_pdf_fontuse
 * is owned by its caller (init / reset per document / release) and
 * borrows its jx_pfont.  Errors: the buffer's toobig flag (its max was
 * passed) and -1 with a static English message from the font subset.
 */
#ifndef JIXIAO_REPORT_PDFOBJ_H
#define JIXIAO_REPORT_PDFOBJ_H

#include <stddef.h>
#include <stdint.h>

#include "jixiao/base.h"
#include "report/report_font.h"

/* A PDF file being written: its bytes go to out; off[n] is the offset of
 * object n (0: not written yet). */
struct jx_pdfobj {
    struct jx_buf *out;
    size_t start;   /* out->len when the file began */
    size_t *off;    /* malloc'd, cap entries */
    int n, cap;     /* objects reserved (1..n), slots */
    void *z;        /* the deflate stream reused by every stream of the
                       file (a z_stream, malloc'd on first use) */
    int zlevel;     /* its level */
    unsigned char *zbuf; /* its output (malloc'd), zcap bytes */
    size_t zcap;
};

/* Start a PDF file at the end of out (the header). */
void jx_pdfobj_begin(struct jx_pdfobj *w, struct jx_buf *out);

/* Reserve the next object number. */
int jx_pdfobj_reserve(struct jx_pdfobj *w);

/* Start object num ("num 0 obj\n"); the caller appends its body to
 * w->out and ends it with jx_pdfobj_end. */
void jx_pdfobj_open(struct jx_pdfobj *w, int num);

/* End the object opened last ("\nendobj\n"). */
void jx_pdfobj_end(struct jx_pdfobj *w);

/* Write object num as a stream of data[0..len) with the dictionary
 * entries dict (may be "" or NULL) and /Length; deflated at zlib level
 * level when level > 0 (and /Filter /FlateDecode added). */
void jx_pdfobj_stream(struct jx_pdfobj *w, int num, const char *dict,
                      const void *data, size_t len, int level);

/* End the file: the cross-reference table and the trailer naming root
 * and info (0: none).  Frees w's table and deflate stream. */
void jx_pdfobj_finish(struct jx_pdfobj *w, int root, int info);

/* Free w's table and deflate stream without finishing (after an
 * error). */
void jx_pdfobj_abandon(struct jx_pdfobj *w);

/* Append s (UTF-8; invalid bytes as U+FFFD) as a PDF text string:
 * <FEFF...> UTF-16BE hex. */
void jx_pdf_text_string(struct jx_buf *b, const char *s);

/* The code points one document shows in one font: code k (1..n) shows
 * cp[k-1] with glyph gid[k-1] (0, .notdef, for a code point the font
 * lacks).  One code per code point, so the ToUnicode CMap gives every
 * glyph its own text back exactly. */
struct jx_pdf_fontuse {
    struct jx_pfont *pf;  /* borrowed */
    uint16_t *bmp[256];   /* codes by BMP code point (0: none), in
                             blocks of 256 made on first use */
    uint32_t *cp, *gid;   /* per code, malloc'd */
    size_t n, cap;
};

/* Initialise u for font pf (no code yet). */
void jx_pdf_fontuse_init(struct jx_pdf_fontuse *u, struct jx_pfont *pf);

/* Forget the codes (for the next document), keeping the memory. */
void jx_pdf_fontuse_reset(struct jx_pdf_fontuse *u);

/* Free u's memory. */
void jx_pdf_fontuse_release(struct jx_pdf_fontuse *u);

/* The code of code point cp in u, given one on its first use; 0 when
 * the font already has 65534 codes (shown as nothing). */
unsigned jx_pdf_fontuse_code(struct jx_pdf_fontuse *u, uint32_t cp);

/* Write the Type0 font of u as object num (with its descendant font,
 * descriptor, FontFile3 subset and ToUnicode as new objects), its
 * subset named with the tag (6 capital letters).  -1 with *err when the
 * subset cannot be made. */
int jx_pdf_fontuse_write(struct jx_pdfobj *w, struct jx_pdf_fontuse *u,
                         int num, const char *tag, const char **err);

#endif
