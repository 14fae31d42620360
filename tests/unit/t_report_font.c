/*
 * t_report_font.c - tests of the fonts prepared once per process and the
 * CID-keyed CFF subsetter (lib/report/report_font.c): the installed Noto
 * Sans CJK SC (face 2 of the TTC; the cases are skipped without it)
 * opened with its exact metrics and mappings; a subset of 30 glyphs read
 * back with FreeType, every outline and advance equal to the original
 * face's; damaged fonts and charstrings refused; and a one-page PDF with
 * the subset embedded by the report layer's PDF objects (report_pdfobj.h:
 * FontFile3, Identity-H, /W, ToUnicode) whose text poppler reads back as
 * written.
 */
#include "harness.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/base.h"
#include "report/report_font.h"
#include "report/report_pdfobj.h"

#define NOTO "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
#define NOTO_FACE 2

/* The text of the cases: CJK, ASCII digits and punctuation, 30 distinct
 * characters (made up; not from any document). */
static const char sample_text[] =
    "甲乙单位2031年度绩效：完成率87.6%，指标（二）已达成。";

/* The distinct code points of s in order of first use into cp (at most
 * max); their number. */
static size_t distinct_cps(const char *s, uint32_t *cp, size_t max)
{
    size_t n = 0, len = strlen(s), i = 0;
    while (i < len) {
        int32_t c32;
        int k = jx_utf8_decode(s + i, len - i, &c32);
        if (k <= 0) {
            break;
        }
        i += (size_t)k;
        uint32_t c = (uint32_t)c32;
        size_t j = 0;
        while (j < n && cp[j] != c) {
            j++;
        }
        if (j == n && n < max) {
            cp[n++] = c;
        }
    }
    return n;
}

/* Open the Noto font, or NULL after noting the skip. */
static struct jx_pfont *open_noto(void)
{
    const char *err = NULL;
    struct jx_pfont *f = jx_pfont_open(NOTO, NOTO_FACE, &err);
    if (!f) {
        jx_test_skip("Noto Sans CJK (fonts-noto-cjk) not installed");
    }
    return f;
}

/* The installed font's facts: name, metrics, a few mappings and
 * advances, and a code point it lacks. */
static void font_open(void)
{
    struct jx_pfont *f = open_noto();
    if (!f) {
        return;
    }
    struct jx_pfont_metrics m = jx_pfont_metrics(f);
    CHECK_INT(m.units_per_em, 1000);
    CHECK_INT(m.ascender, 880);
    CHECK_INT(m.descender, -120);
    CHECK_INT(m.nglyphs, 65535);
    CHECK_STR(jx_pfont_name(f), "NotoSansCJKsc-Regular");
    CHECK_INT(jx_pfont_gid(f, '0'), 17);
    CHECK_INT(jx_pfont_advance(f, jx_pfont_gid(f, '0')), 555);
    CHECK_INT(jx_pfont_advance(f, jx_pfont_gid(f, 0x7ee9)), 1000); /* 绩 */
    CHECK_INT(jx_pfont_advance(f, jx_pfont_gid(f, 0xff0c)), 1000); /* ， */
    CHECK(jx_pfont_gid(f, 0x7ee9) != 0);
    CHECK_INT(jx_pfont_gid(f, 0x2000b), 59477); /* above the BMP */
    CHECK_INT(jx_pfont_gid(f, 0x1f100), 59218);
    CHECK_INT(jx_pfont_gid(f, 0x20000), 0);
    CHECK_INT(jx_pfont_gid(f, 0xe000), 0); /* private use: none */
    CHECK_INT(jx_pfont_advance(f, 70000), 0);
    const uint8_t *cs;
    size_t len;
    const char *err = NULL;
    CHECK_INT(jx_pfont_glyph(f, 65535, &cs, &len, &err), -1);
    CHECK_STR(err, "glyph out of range");
    jx_pfont_free(f);
}

/* Outline equality of glyph a of face fa and glyph b of face fb,
 * unscaled and unhinted; the advance of b is also returned. */
static bool same_outline(FT_Face fa, unsigned a, FT_Face fb, unsigned b,
                         long *adv_b)
{
    FT_Int32 fl = FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING;
    if (FT_Load_Glyph(fa, a, fl) != 0) {
        return false;
    }
    FT_Outline oa = fa->glyph->outline;
    long na = oa.n_points, ca = oa.n_contours;
    FT_Vector *pa = malloc(sizeof *pa * (size_t)(na ? na : 1));
    char *ta = malloc((size_t)(na ? na : 1));
    short *xa = malloc(sizeof *xa * (size_t)(ca ? ca : 1));
    if (!pa || !ta || !xa) {
        free(pa), free(ta), free(xa);
        return false;
    }
    memcpy(pa, oa.points, sizeof *pa * (size_t)na);
    memcpy(ta, oa.tags, (size_t)na);
    memcpy(xa, oa.contours, sizeof *xa * (size_t)ca);
    bool ok = FT_Load_Glyph(fb, b, fl) == 0;
    if (ok) {
        FT_Outline ob = fb->glyph->outline;
        *adv_b = fb->glyph->advance.x;
        ok = ob.n_points == na && ob.n_contours == ca &&
             memcmp(ob.points, pa, sizeof *pa * (size_t)na) == 0 &&
             memcmp(ob.tags, ta, (size_t)na) == 0 &&
             memcmp(ob.contours, xa, sizeof *xa * (size_t)ca) == 0;
    }
    free(pa), free(ta), free(xa);
    return ok;
}

/* A subset of the sample's 30 glyphs read back with FreeType: 31
 * glyphs, each outline equal to the original's and its advance to
 * hmtx's; a second subset (cached glyphs) is byte for byte the first. */
static void font_subset_freetype(void)
{
    struct jx_pfont *f = open_noto();
    if (!f) {
        return;
    }
    uint32_t cp[64], gid[64];
    size_t n = distinct_cps(sample_text, cp, 64);
    CHECK_INT(n, 30);
    for (size_t i = 0; i < n; i++) {
        gid[i] = jx_pfont_gid(f, cp[i]);
        CHECK(gid[i] != 0);
    }
    /* the cmap as FreeType reads it */
    FT_Library lib;
    FT_Face orig, sub;
    CHECK_INT(FT_Init_FreeType(&lib), 0);
    CHECK_INT(FT_New_Face(lib, NOTO, NOTO_FACE, &orig), 0);
    size_t cmap_ok = 0;
    for (uint32_t c = 0x20; c < 0x30000; c += 97) {
        cmap_ok += FT_Get_Char_Index(orig, c) == jx_pfont_gid(f, c);
    }
    CHECK_INT(cmap_ok, (0x30000 - 0x20 + 96) / 97);
    struct jx_buf out, again;
    jx_buf_init(&out, 1 << 24);
    jx_buf_init(&again, 1 << 24);
    const char *err = NULL;
    CHECK_INT(jx_pfont_subset(f, gid, n, &out, &err), 0);
    CHECK_INT(jx_pfont_subset(f, gid, n, &again, &err), 0);
    CHECK_INT(again.len, out.len);
    CHECK(memcmp(again.p, out.p, out.len) == 0);
    CHECK(out.len > 1000 && out.len < 40000);

    CHECK_INT(FT_New_Memory_Face(lib, (const FT_Byte *)out.p,
                                 (FT_Long)out.len, 0, &sub),
              0);
    CHECK_INT(sub->num_glyphs, 31);
    size_t same = 0, adv_ok = 0;
    long adv = -1;
    for (size_t i = 0; i <= n; i++) {
        unsigned g = i == 0 ? 0 : gid[i - 1];
        if (same_outline(orig, g, sub, (unsigned)i, &adv)) {
            same++;
        } else {
            jx_test_fail(__FILE__, __LINE__, "glyph %u differs", g);
        }
        if (adv == (long)jx_pfont_advance(f, g)) {
            adv_ok++;
        }
    }
    CHECK_INT(same, 31);
    CHECK_INT(adv_ok, 31);
    /* an empty subset is .notdef alone */
    jx_buf_reset(&again);
    CHECK_INT(jx_pfont_subset(f, gid, 0, &again, &err), 0);
    FT_Face one;
    CHECK_INT(FT_New_Memory_Face(lib, (const FT_Byte *)again.p,
                                 (FT_Long)again.len, 0, &one),
              0);
    CHECK_INT(one->num_glyphs, 1);
    FT_Done_Face(one);
    FT_Done_Face(sub);
    FT_Done_Face(orig);
    FT_Done_FreeType(lib);
    jx_buf_release(&out);
    jx_buf_release(&again);
    jx_pfont_free(f);
}

/* Read the whole file at path (malloc'd) or NULL. */
static uint8_t *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        return NULL;
    }
    fseek(fp, 0, SEEK_END);
    long sz = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    uint8_t *p = sz > 0 ? malloc((size_t)sz) : NULL;
    if (p && fread(p, 1, (size_t)sz, fp) != (size_t)sz) {
        free(p);
        p = NULL;
    }
    fclose(fp);
    *n = (size_t)sz;
    return p;
}

/* Write big-endian 32-bit v at p. */
static void wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

/* Damaged input is refused: the CFF table cut short (its length in the
 * table directory), a global subr calling itself, 49 operands, a
 * callsubr out of range, a charstring without endchar; the undamaged
 * copy opens. */
static void font_damaged(void)
{
    size_t n;
    uint8_t *d = slurp(NOTO, &n);
    if (!d) {
        jx_test_skip("Noto Sans CJK (fonts-noto-cjk) not installed");
        return;
    }
    const char *err = NULL;
    struct jx_pfont *f = jx_pfont_open_mem(d, n, NOTO_FACE, &err);
    CHECK(f != NULL);
    jx_pfont_free(f);
    /* face 2's table directory; find the CFF record and cut it */
    size_t dir = ((size_t)d[12 + 8] << 24 | (size_t)d[13 + 8] << 16 |
                  (size_t)d[14 + 8] << 8 | d[15 + 8]);
    unsigned nt = (unsigned)(d[dir + 4] << 8 | d[dir + 5]);
    uint8_t *rec = NULL;
    for (unsigned k = 0; k < nt; k++) {
        if (memcmp(d + dir + 12 + k * 16, "CFF ", 4) == 0) {
            rec = d + dir + 12 + k * 16;
        }
    }
    CHECK(rec != NULL);
    if (rec) {
        uint8_t saved[4];
        memcpy(saved, rec + 12, 4);
        wr32(rec + 12, 100000); /* the CharStrings lie beyond */
        err = NULL;
        CHECK(jx_pfont_open_mem(d, n, NOTO_FACE, &err) == NULL);
        CHECK_STR(err, "CharStrings or FDArray damaged");
        wr32(rec + 12, 3); /* shorter than the header */
        CHECK(jx_pfont_open_mem(d, n, NOTO_FACE, &err) == NULL);
        CHECK_STR(err, "CFF header damaged");
        memcpy(rec + 12, saved, 4);
        wr32(rec + 8, (uint32_t)n - 10); /* the table past the file */
        CHECK(jx_pfont_open_mem(d, n, NOTO_FACE, &err) == NULL);
        CHECK_STR(err, "table outside the file");
    }
    free(d);
    d = slurp(NOTO, &n);
    f = d ? jx_pfont_open_mem(d, n, NOTO_FACE, &err) : NULL;
    CHECK(f != NULL);
    if (!f) {
        free(d);
        return;
    }
    struct jx_buf out;
    jx_buf_init(&out, 1 << 20);
    /* global subr 0 (bias 1131: operand -1131 = bytes 254 255) made to
     * call itself: the nesting limit stops it */
    const uint8_t *g0;
    size_t g0n;
    CHECK_INT(jx_pfont_gsubr(f, 0, &g0, &g0n), 0);
    CHECK(g0n >= 3);
    uint8_t *w = (uint8_t *)(uintptr_t)g0; /* our own copy of the file */
    w[0] = 254, w[1] = 255, w[2] = 29;
    static const uint8_t loop[] = {254, 255, 29, 14};
    CHECK_INT(jx_pfont_flatten(f, 0, loop, sizeof loop, &out, &err), -1);
    CHECK_STR(err, "subroutine nesting over 10");
    CHECK_INT(out.len, 0);
    /* 49 operands */
    uint8_t many[52];
    memset(many, 139, 49);
    many[49] = 5, many[50] = 14;
    CHECK_INT(jx_pfont_flatten(f, 0, many, 51, &out, &err), -1);
    CHECK_STR(err, "argument stack over 48");
    /* global subr 5000 does not exist (5000 - 1131 = 3869: 28 15 29) */
    static const uint8_t far[] = {28, 0x0f, 0x1d, 29, 14};
    CHECK_INT(jx_pfont_flatten(f, 0, far, sizeof far, &out, &err), -1);
    CHECK_STR(err, "subr number out of range");
    /* no endchar; then a well-formed one: width 500 - nominal, a box */
    static const uint8_t open_end[] = {139, 139, 21};
    CHECK_INT(jx_pfont_flatten(f, 0, open_end, sizeof open_end, &out, &err),
              -1);
    CHECK_STR(err, "charstring without endchar");
    /* 10 20 hstem, 30 40 rmoveto, 50 hlineto, endchar: the hint is
     * dropped, the rest kept */
    static const uint8_t hinted[] = {149, 159, 1, 169, 179, 21,
                                     189, 6, 14};
    CHECK_INT(jx_pfont_flatten(f, 0, hinted, sizeof hinted, &out, &err), 0);
    static const uint8_t flat[] = {169, 179, 21, 189, 6, 14};
    CHECK_INT(out.len, sizeof flat);
    CHECK(memcmp(out.p, flat, sizeof flat) == 0);
    /* 7 (width) 10 20 hstem hintmask (1 byte), 30 40 rmoveto, endchar:
     * the width moves onto rmoveto */
    jx_buf_reset(&out);
    static const uint8_t wmask[] = {146, 149, 159, 1, 19, 0x80,
                                    169, 179, 21, 14};
    CHECK_INT(jx_pfont_flatten(f, 0, wmask, sizeof wmask, &out, &err), 0);
    static const uint8_t wflat[] = {146, 169, 179, 21, 14};
    CHECK_INT(out.len, sizeof wflat);
    CHECK(memcmp(out.p, wflat, sizeof wflat) == 0);
    jx_buf_release(&out);
    jx_pfont_free(f);
    free(d);
}

/* The UTF-8 bytes of code point c in u; their number. */
static size_t utf8_encode(uint32_t c, char *u)
{
    if (c < 0x80) {
        u[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        u[0] = (char)(0xc0 | c >> 6);
        u[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c < 0x10000) {
        u[0] = (char)(0xe0 | c >> 12);
        u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        u[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    u[0] = (char)(0xf0 | c >> 18);
    u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
    u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
    u[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

/* A one-page PDF showing text (code points cp[0..n) in order, all
 * distinct) with the subset font, written by the report layer's PDF
 * objects (report_pdfobj.h): Type0 / CIDFontType0 / FontFile3
 * CIDFontType0C, Identity-H, /W, ToUnicode.  Appended to pdf; the codes
 * given are 1..n in order. */
static void tiny_pdf(struct jx_pfont *f, const uint32_t *cp, size_t n,
                     struct jx_buf *pdf)
{
    struct jx_pdf_fontuse u;
    jx_pdf_fontuse_init(&u, f);
    struct jx_buf s;
    jx_buf_init(&s, 1 << 20);
    jx_buf_adds(&s, "BT /F1 12 Tf 10 40 Td <");
    for (size_t i = 0; i < n; i++) {
        unsigned code = jx_pdf_fontuse_code(&u, cp[i]);
        CHECK_INT(code, (long)i + 1);
        jx_buf_addf(&s, "%04X", code);
    }
    jx_buf_adds(&s, "> Tj ET\n");
    struct jx_pdfobj w;
    jx_pdfobj_begin(&w, pdf);
    int cat = jx_pdfobj_reserve(&w), pages = jx_pdfobj_reserve(&w);
    int page = jx_pdfobj_reserve(&w), font = jx_pdfobj_reserve(&w);
    int content = jx_pdfobj_reserve(&w);
    jx_pdfobj_open(&w, cat);
    jx_buf_addf(pdf, "<< /Type /Catalog /Pages %d 0 R >>", pages);
    jx_pdfobj_end(&w);
    jx_pdfobj_open(&w, pages);
    jx_buf_addf(pdf, "<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page);
    jx_pdfobj_end(&w);
    jx_pdfobj_open(&w, page);
    jx_buf_addf(pdf, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 400 100] "
                     "/Resources << /Font << /F1 %d 0 R >> >> /Contents "
                     "%d 0 R >>",
                pages, font, content);
    jx_pdfobj_end(&w);
    jx_pdfobj_stream(&w, content, "", s.p, s.len, 1);
    const char *err = NULL;
    CHECK_INT(jx_pdf_fontuse_write(&w, &u, font, "JXAAAA", &err), 0);
    jx_pdfobj_finish(&w, cat, 0);
    jx_buf_release(&s);
    jx_pdf_fontuse_release(&u);
}

/* The chain to PDF: the subset embedded in a one-page PDF; poppler
 * reads the line back as written. */
static void font_pdf_text(void)
{
    struct jx_pfont *f = open_noto();
    if (!f) {
        return;
    }
    uint32_t cp[64];
    size_t n = distinct_cps(sample_text, cp, 64);
    struct jx_buf pdf;
    jx_buf_init(&pdf, 1 << 24);
    tiny_pdf(f, cp, n, &pdf);
    GBytes *bytes = g_bytes_new(pdf.p, pdf.len);
    GError *gerr = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL,
                                                           &gerr);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(poppler_document_get_n_pages(doc), 1);
        PopplerPage *pg = poppler_document_get_page(doc, 0);
        char *text = pg ? poppler_page_get_text(pg) : NULL;
        /* sample_text has no repeated character except those the
         * distinct list drops: the line is the distinct characters */
        struct jx_buf want;
        jx_buf_init(&want, 1 << 16);
        for (size_t i = 0; i < n; i++) {
            char u[4];
            size_t k = utf8_encode(cp[i], u);
            jx_buf_add(&want, u, k);
        }
        CHECK_STR(text, want.p);
        jx_buf_release(&want);
        g_free(text);
        if (pg) {
            g_object_unref(pg);
        }
        g_object_unref(doc);
    } else {
        g_error_free(gerr);
    }
    g_bytes_unref(bytes);
    jx_buf_release(&pdf);
    jx_pfont_free(f);
}

const struct jx_test t_report_font[] = {
    {"font_open", font_open},
    {"font_subset_freetype", font_subset_freetype},
    {"font_damaged", font_damaged},
    {"font_pdf_text", font_pdf_text},
    {NULL, NULL},
};
