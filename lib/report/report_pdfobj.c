/*
 * report_pdfobj.c - the PDF objects of jixiao's own PDF writer
 * (report_pdfobj.h): numbered objects, streams, xref and trailer, text
 * strings, and the Type0 font of a document's subset of a prepared CJK
 * font (report_font.h).
 *
 * The font: Type0 with /Encoding /Identity-H over a CIDFontType0 whose
 * FontFile3 (/Subtype /CIDFontType0C) is jx_pfont_subset's CID-keyed CFF
 * of the glyphs used, CID k = code k = the k-th code point the document
 * showed in that font.  The FontFile3 is stored uncompressed: deflate
 * costs about 100 times the subset for a 10% saving (bench/RESULTS.md,
 * "fonts prepared once: the CFF subsetter").  /W gives each CID its
 * advance; the ToUnicode CMap maps each code to its code point, so a
 * reader gets the text back exactly, also for a character the font
 * lacks (drawn as .notdef).
 */
#include "report/report_pdfobj.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Start a PDF file at the end of out (report_pdfobj.h). */
void jx_pdfobj_begin(struct jx_pdfobj *w, struct jx_buf *out)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->start = out->len;
    jx_buf_adds(out, "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
}

/* Reserve the next object number. */
int jx_pdfobj_reserve(struct jx_pdfobj *w)
{
    if (w->n + 1 >= w->cap) {
        int cap = w->cap ? 2 * w->cap : 64;
        size_t *off = realloc(w->off, (size_t)cap * sizeof *off);
        if (!off) {
            jx_oom();
        }
        memset(off + w->cap, 0, (size_t)(cap - w->cap) * sizeof *off);
        w->off = off;
        w->cap = cap;
    }
    return ++w->n;
}

/* Start object num. */
void jx_pdfobj_open(struct jx_pdfobj *w, int num)
{
    w->off[num] = w->out->len - w->start;
    jx_buf_addf(w->out, "%d 0 obj\n", num);
}

/* End the object opened last. */
void jx_pdfobj_end(struct jx_pdfobj *w)
{
    jx_buf_adds(w->out, "\nendobj\n");
}

/* Deflate data[0..len) at level with w's reused stream into w->zbuf;
 * the compressed length, 0 when deflate fails. */
static size_t zdeflate(struct jx_pdfobj *w, const void *data, size_t len,
                       int level)
{
    z_stream *z = w->z;
    if (z && w->zlevel != level) {
        deflateEnd(z);
        free(z);
        z = w->z = NULL;
    }
    if (!z) {
        z = calloc(1, sizeof *z);
        if (!z) {
            jx_oom();
        }
        if (deflateInit(z, level) != Z_OK) {
            free(z);
            return 0;
        }
        w->z = z;
        w->zlevel = level;
    } else if (deflateReset(z) != Z_OK) {
        return 0;
    }
    size_t need = deflateBound(z, (uLong)len);
    if (need > w->zcap) {
        free(w->zbuf);
        w->zcap = need + need / 2;
        w->zbuf = malloc(w->zcap);
        if (!w->zbuf) {
            jx_oom();
        }
    }
    z->next_in = (Bytef *)(uintptr_t)data;
    z->avail_in = (uInt)len;
    z->next_out = w->zbuf;
    z->avail_out = (uInt)w->zcap;
    if (deflate(z, Z_FINISH) != Z_STREAM_END) {
        return 0;
    }
    return w->zcap - z->avail_out;
}

/* Write object num as a stream (deflated at level when level > 0). */
void jx_pdfobj_stream(struct jx_pdfobj *w, int num, const char *dict,
                      const void *data, size_t len, int level)
{
    size_t zlen = level > 0 && len > 0 && len < (1u << 30)
                      ? zdeflate(w, data, len, level)
                      : 0;
    jx_pdfobj_open(w, num);
    jx_buf_addf(w->out, "<< %s%s/Length %zu >>\nstream\n", dict ? dict : "",
                zlen ? "/Filter /FlateDecode " : "", zlen ? zlen : len);
    if (zlen) {
        jx_buf_add(w->out, w->zbuf, zlen);
    } else {
        jx_buf_add(w->out, data, len);
    }
    jx_buf_adds(w->out, "\nendstream");
    jx_pdfobj_end(w);
}

/* End the file: xref and trailer; frees w's table. */
void jx_pdfobj_finish(struct jx_pdfobj *w, int root, int info)
{
    struct jx_buf *o = w->out;
    size_t xref = o->len - w->start;
    jx_buf_addf(o, "xref\n0 %d\n0000000000 65535 f \n", w->n + 1);
    for (int i = 1; i <= w->n; i++) {
        if (w->off[i]) {
            jx_buf_addf(o, "%010zu 00000 n \n", w->off[i]);
        } else {
            jx_buf_adds(o, "0000000000 65535 f \n");
        }
    }
    jx_buf_addf(o, "trailer\n<< /Size %d /Root %d 0 R", w->n + 1, root);
    if (info) {
        jx_buf_addf(o, " /Info %d 0 R", info);
    }
    jx_buf_addf(o, " >>\nstartxref\n%zu\n%%%%EOF\n", xref);
    jx_pdfobj_abandon(w);
}

/* Free w's table and deflate stream. */
void jx_pdfobj_abandon(struct jx_pdfobj *w)
{
    free(w->off);
    w->off = NULL;
    w->cap = w->n = 0;
    if (w->z) {
        deflateEnd(w->z);
        free(w->z);
        w->z = NULL;
    }
    free(w->zbuf);
    w->zbuf = NULL;
    w->zcap = 0;
}

/* Append the UTF-16BE hex of code point c to b. */
static void utf16_hex(struct jx_buf *b, uint32_t c)
{
    if (c >= 0x10000) {
        c -= 0x10000;
        jx_buf_addf(b, "%04X%04X", (unsigned)(0xd800 + (c >> 10)),
                    (unsigned)(0xdc00 + (c & 0x3ff)));
    } else {
        jx_buf_addf(b, "%04X", (unsigned)c);
    }
}

/* Append s as a PDF text string <FEFF...>. */
void jx_pdf_text_string(struct jx_buf *b, const char *s)
{
    size_t n = strlen(s), i = 0;
    jx_buf_adds(b, "<FEFF");
    while (i < n) {
        int32_t c;
        int k = jx_utf8_decode(s + i, n - i, &c);
        if (k <= 0) {
            c = 0xfffd;
            k = 1;
        }
        i += (size_t)k;
        utf16_hex(b, (uint32_t)c);
    }
    jx_buf_adds(b, ">");
}

/* Initialise u for font pf. */
void jx_pdf_fontuse_init(struct jx_pdf_fontuse *u, struct jx_pfont *pf)
{
    memset(u, 0, sizeof *u);
    u->pf = pf;
}

/* Forget the codes, keeping the memory: only the entries used are
 * cleared. */
void jx_pdf_fontuse_reset(struct jx_pdf_fontuse *u)
{
    for (size_t i = 0; i < u->n; i++) {
        if (u->cp[i] < 65536) {
            u->bmp[u->cp[i] >> 8][u->cp[i] & 255] = 0;
        }
    }
    u->n = 0;
}

/* Free u's memory. */
void jx_pdf_fontuse_release(struct jx_pdf_fontuse *u)
{
    for (size_t i = 0; i < 256; i++) {
        free(u->bmp[i]);
    }
    free(u->cp);
    free(u->gid);
    memset(u, 0, sizeof *u);
}

/* The code of cp in u, given one on first use. */
unsigned jx_pdf_fontuse_code(struct jx_pdf_fontuse *u, uint32_t cp)
{
    uint16_t *blk = NULL;
    if (cp < 65536) {
        blk = u->bmp[cp >> 8];
        if (!blk) {
            blk = u->bmp[cp >> 8] = calloc(256, sizeof *blk);
            if (!blk) {
                jx_oom();
            }
        }
        if (blk[cp & 255]) {
            return blk[cp & 255];
        }
    } else {
        for (size_t i = 0; i < u->n; i++) {
            if (u->cp[i] == cp) {
                return (unsigned)i + 1;
            }
        }
    }
    if (u->n >= 65534) {
        return 0;
    }
    if (u->n == u->cap) {
        u->cap = u->cap ? 2 * u->cap : 256;
        u->cp = realloc(u->cp, u->cap * sizeof *u->cp);
        u->gid = realloc(u->gid, u->cap * sizeof *u->gid);
        if (!u->cp || !u->gid) {
            jx_oom();
        }
    }
    u->cp[u->n] = cp;
    u->gid[u->n] = jx_pfont_gid(u->pf, cp);
    u->n++;
    if (blk) {
        blk[cp & 255] = (uint16_t)u->n;
    }
    return (unsigned)u->n;
}

/* Write the Type0 font of u as object num and its parts. */
int jx_pdf_fontuse_write(struct jx_pdfobj *w, struct jx_pdf_fontuse *u,
                         int num, const char *tag, const char **err)
{
    struct jx_buf cff;
    jx_buf_init(&cff, (size_t)1 << 30);
    if (jx_pfont_subset(u->pf, u->gid, u->n, &cff, err) < 0) {
        jx_buf_release(&cff);
        return -1;
    }
    const char *name = jx_pfont_name(u->pf);
    struct jx_pfont_metrics m = jx_pfont_metrics(u->pf);
    unsigned upem = m.units_per_em ? m.units_per_em : 1000;
    int cid = jx_pdfobj_reserve(w), desc = jx_pdfobj_reserve(w);
    int file = jx_pdfobj_reserve(w), tou = jx_pdfobj_reserve(w);
    struct jx_buf *o = w->out;

    jx_pdfobj_open(w, num);
    jx_buf_addf(o, "<< /Type /Font /Subtype /Type0 /BaseFont /%s+%s "
                   "/Encoding /Identity-H /DescendantFonts [%d 0 R] "
                   "/ToUnicode %d 0 R >>",
                tag, name, cid, tou);
    jx_pdfobj_end(w);

    jx_pdfobj_open(w, cid);
    jx_buf_addf(o, "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /%s+%s "
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering "
                   "(Identity) /Supplement 0 >> /FontDescriptor %d 0 R "
                   "/DW 1000 /W [",
                tag, name, desc);
    if (u->n) {
        jx_buf_adds(o, "1 [");
        for (size_t i = 0; i < u->n; i++) {
            unsigned long a = jx_pfont_advance(u->pf, u->gid[i]);
            a = (a * 1000 + upem / 2) / upem;
            char t[24];
            size_t k = sizeof t;
            do {
                t[--k] = (char)('0' + a % 10);
                a /= 10;
            } while (a);
            if (i) {
                t[--k] = ' ';
            }
            jx_buf_add(o, t + k, sizeof t - k);
        }
        jx_buf_adds(o, "]");
    }
    jx_buf_adds(o, "] >>");
    jx_pdfobj_end(w);

    jx_pdfobj_open(w, desc);
    jx_buf_addf(o, "<< /Type /FontDescriptor /FontName /%s+%s /Flags 4 "
                   "/FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d "
                   "/Descent %d /CapHeight %d /StemV 80 /FontFile3 %d 0 R >>",
                tag, name, m.bbox[0], m.bbox[1], m.bbox[2], m.bbox[3],
                m.line_ascender, m.line_descender, m.ascender, file);
    jx_pdfobj_end(w);

    jx_pdfobj_stream(w, file, "/Subtype /CIDFontType0C ", cff.p, cff.len, 0);
    jx_buf_release(&cff);

    struct jx_buf s;
    jx_buf_init(&s, (size_t)1 << 28);
    jx_buf_adds(&s, "/CIDInit /ProcSet findresource begin\n12 dict begin\n"
                    "begincmap\n/CIDSystemInfo << /Registry (Adobe) "
                    "/Ordering (UCS) /Supplement 0 >> def\n/CMapName "
                    "/Adobe-Identity-UCS def\n/CMapType 2 def\n"
                    "1 begincodespacerange\n<0000> <FFFF>\n"
                    "endcodespacerange\n");
    for (size_t i = 0; i < u->n; i += 100) {
        size_t k = u->n - i < 100 ? u->n - i : 100;
        jx_buf_addf(&s, "%zu beginbfchar\n", k);
        for (size_t j = i; j < i + k; j++) {
            static const char hex[] = "0123456789ABCDEF";
            uint32_t c = u->cp[j];
            size_t code = j + 1;
            char t[32] = {'<', hex[code >> 12 & 15], hex[code >> 8 & 15],
                          hex[code >> 4 & 15], hex[code & 15], '>', ' ',
                          '<'};
            size_t tn = 8;
            uint32_t unit[2] = {c, 0};
            size_t nu = 1;
            if (c >= 0x10000) {
                unit[0] = 0xd800 + ((c - 0x10000) >> 10);
                unit[1] = 0xdc00 + ((c - 0x10000) & 0x3ff);
                nu = 2;
            }
            for (size_t q = 0; q < nu; q++) {
                t[tn++] = hex[unit[q] >> 12 & 15];
                t[tn++] = hex[unit[q] >> 8 & 15];
                t[tn++] = hex[unit[q] >> 4 & 15];
                t[tn++] = hex[unit[q] & 15];
            }
            t[tn++] = '>';
            t[tn++] = '\n';
            jx_buf_add(&s, t, tn);
        }
        jx_buf_adds(&s, "endbfchar\n");
    }
    jx_buf_adds(&s, "endcmap\nCMapName currentdict /CMap defineresource "
                    "pop\nend\nend\n");
    jx_pdfobj_stream(w, tou, "", s.p, s.len, 0);
    jx_buf_release(&s);
    return 0;
}
