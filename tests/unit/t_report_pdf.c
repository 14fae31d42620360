/*
 * t_report_pdf.c - tests of the PDF writer (lib/report/report_pdf.c): the
 * sample document gives a well-formed PDF of several pages with its
 * metadata; limits and unprintable cells are reported with their codes.
 * The writer's own text layout breaks lines by the Chinese rules and a
 * character the font lacks is reported (R408) and read back, both
 * through poppler.  The fonts and rendering are checked by
 * tests/report/pdf-check.
 */
#include "harness.h"

#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "jixiao/report.h"
#include "report_sample.h"

/* LeakSanitizer's built-in suppressions for the unit tests (read only
 * under -fsanitize=address): fontconfig keeps its configuration for the
 * process once poppler looks up a font; not jixiao's memory (no deeper
 * stack than the library: no frame pointers in Debian's builds, so the
 * library is named).  cairo is not suppressed: the PDF writer no longer
 * uses it, and the PDF reader's own cairo calls (a page rendered to find
 * its ruling lines) must not leak. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

/* Number of occurrences of needle in the first n bytes of hay. */
static size_t count_mem(const char *hay, size_t n, const char *needle)
{
    size_t k = 0, m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        if (memcmp(hay + i, needle, m) == 0) {
            k++;
        }
    }
    return k;
}

/* Number of page objects ("/Type /Page", not "/Type /Pages"). */
static size_t count_pages(const struct jx_buf *b)
{
    return count_mem(b->p, b->len, "/Type /Page") -
           count_mem(b->p, b->len, "/Type /Pages");
}

/* True when a diagnostic with code is in dg. */
static bool has_code(const struct jx_diags *dg, const char *code)
{
    for (size_t i = 0; i < dg->n; i++) {
        if (strcmp(dg->a[i].code, code) == 0) {
            return true;
        }
    }
    return false;
}

/* The sample document: "%PDF-" ... "%%EOF", at least 3 pages (the long
 * table spans pages), the creator in the metadata, no diagnostics. */
static void pdf_sample(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    CHECK_INT(dg.n, 0);
    CHECK(b.len > 1000);
    CHECK(b.len >= 5 && memcmp(b.p, "%PDF-", 5) == 0);
    size_t end = b.len;
    while (end > 0 && (b.p[end - 1] == '\n' || b.p[end - 1] == '\r')) {
        end--;
    }
    CHECK(end >= 5 && memcmp(b.p + end - 5, "%%EOF", 5) == 0);
    size_t pages = count_pages(&b);
    CHECK(pages >= 3);
    CHECK(pages <= 12);
    CHECK(count_mem(b.p, b.len, "/Creator (jixiao)") == 1);
    CHECK(count_mem(b.p, b.len, "/FontFile3") >= 2); /* fonts embedded */
    jx_buf_release(&b);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* An empty document is one page; a page break on an empty page adds
 * none, and a second paragraph after a break starts page 2. */
static void pdf_pages(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_report_doc *d = jx_report_new(a, "");
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    CHECK_INT(count_pages(&b), 1);
    jx_report_pagebreak(d);
    jx_report_para(d, JX_RS_BODY, "第一页");
    jx_report_pagebreak(d);
    jx_report_para(d, JX_RS_LIST, "第二页");
    jx_buf_reset(&b);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    CHECK_INT(count_pages(&b), 2);
    CHECK_INT(dg.n, 0);
    jx_buf_release(&b);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Output past the buffer's cap: R403, -1, the buffer left as it was. */
static void pdf_too_big(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    jx_buf_adds(&b, "kept");
    CHECK_INT(jx_report_pdf(d, &b, &dg), -1);
    CHECK(has_code(&dg, "R403"));
    CHECK_STR(b.p, "kept");
    CHECK(!b.toobig);
    jx_buf_release(&b);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Overlapping cells and cells outside the grid are skipped with R406;
 * a table wider than 64 columns is refused with R407; invalid UTF-8 is
 * printed replaced (R406). */
static void pdf_bad_tables(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_report_doc *d = jx_report_new(a, "表格");
    struct jx_rtable *t = jx_report_table(d, 2, 1);
    jx_rtable_cell(d, t, 0, 0, 1, 2, "合并");
    jx_rtable_cell(d, t, 0, 1, 1, 1, "重叠");
    jx_rtable_cell(d, t, 1, 0, 1, 1, "甲");
    struct jx_rcell *c = jx_rtable_cell(d, t, 1, 1, 1, 1, "1.00");
    c->rowspan = 5; /* past the last row */
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    CHECK(has_code(&dg, "R406"));
    CHECK_INT(dg.n, 2);
    CHECK_INT(dg.a[0].loc.table, 1);
    CHECK_INT(dg.a[0].loc.row, 1);
    CHECK_INT(dg.a[0].loc.column, 2);

    jx_report_para(d, JX_RS_BODY, "坏\xff字节");
    struct jx_rtable *w = jx_report_table(d, 65, 0);
    jx_rtable_cell(d, w, 0, 0, 1, 1, "宽");
    jx_buf_reset(&b);
    jx_diags_release(&dg);
    jx_diags_init(&dg, a);
    CHECK_INT(jx_report_pdf(d, &b, &dg), -1);
    CHECK(has_code(&dg, "R407"));
    CHECK_INT(dg.count[JX_SEV_WARNING], 3);
    CHECK_INT(b.len, 0);
    jx_buf_release(&b);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A group of rows held together by a merged cell taller than a page is
 * split between rows; a single row taller than a page is cut (R405);
 * charts with no data, negative values and many labels still render. */
static void pdf_extremes(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_report_doc *d = jx_report_new(a, "极端情况");
    d->header = "页眉";
    struct jx_rtable *t = jx_report_table(d, 3, 1);
    jx_rtable_cell(d, t, 0, 0, 1, 3, "表头");
    jx_rtable_cell(d, t, 1, 0, 80, 1, "跨八十行");
    for (int r = 1; r <= 80; r++) {
        jx_rtable_cell(d, t, r, 1, 1, 1, "行");
    }
    struct jx_buf big;
    jx_buf_init(&big, 1u << 16);
    for (int i = 1; i <= 600; i++) {
        jx_buf_adds(&big, i % 10 ? "很长" : "很长\n");
    }
    jx_rtable_cell(d, t, 81, 2, 1, 1, big.p);
    jx_buf_release(&big);
    struct jx_rchart *c0 = jx_report_chart(d, JX_CHART_BARS, 0);
    c0->title = "空";
    struct jx_rchart *c1 = jx_report_chart(d, JX_CHART_PAIRS, 30);
    c1->unit = "万元";
    for (size_t i = 0; i < 30; i++) {
        c1->labels[i] = "一个很长的标签名称需要折行";
        jx_rat_make((int64_t)i * 7 - 100, 3, &c1->values[0][i]);
        jx_rat_make((int64_t)i * 1000, 1, &c1->values[1][i]);
    }
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    CHECK(has_code(&dg, "R405"));
    CHECK(count_pages(&b) >= 3);
    jx_buf_release(&b);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* b without its /CreationDate and /ModDate values (times of writing),
 * into out (arena). */
static char *undated(struct jx_arena *a, const struct jx_buf *b, size_t *n)
{
    char *o = jx_alloc(a, b->len + 1);
    size_t k = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (b->p[i] == '/' && (b->len - i > 13) &&
            (memcmp(b->p + i, "/CreationDate", 13) == 0 ||
             memcmp(b->p + i, "/ModDate", 8) == 0)) {
            while (i < b->len && b->p[i] != ')') {
                i++;
            }
            continue;
        }
        o[k++] = b->p[i];
    }
    *n = k;
    return o;
}

/* One fonts object for many PDFs (jx_report_pdf_with): each PDF the same
 * bytes (but its dates) as jx_report_pdf's, the second through the
 * object as the first; exactly two faces embedded, Noto Sans CJK
 * Regular and Bold. */
static void pdf_shared_fonts(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf b[3];
    struct jx_pdf_fonts *f = jx_pdf_fonts_new();
    for (int i = 0; i < 3; i++) {
        jx_buf_init(&b[i], JX_REPORT_MAX_BYTES);
    }
    CHECK_INT(jx_report_pdf(d, &b[0], &dg), 0);
    CHECK_INT(jx_report_pdf_with(f, d, &b[1], &dg), 0);
    CHECK_INT(jx_report_pdf_with(f, d, &b[2], &dg), 0);
    CHECK_INT(dg.n, 0);
    size_t n0, n1, n2;
    char *u0 = undated(a, &b[0], &n0);
    char *u1 = undated(a, &b[1], &n1);
    char *u2 = undated(a, &b[2], &n2);
    CHECK(n0 == n1 && memcmp(u0, u1, n0) == 0);
    CHECK(n0 == n2 && memcmp(u0, u2, n0) == 0);
    CHECK_INT(count_mem(b[2].p, b[2].len, "/FontFile3"), 2);
    CHECK(count_mem(b[2].p, b[2].len, "NotoSansCJKsc-Regular") > 0);
    CHECK(count_mem(b[2].p, b[2].len, "NotoSansCJKsc-Bold") > 0);
    CHECK_INT(count_mem(b[2].p, b[2].len, "NotoSerifCJK"), 0);
    jx_pdf_fonts_free(f);
    for (int i = 0; i < 3; i++) {
        jx_buf_release(&b[i]);
    }
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* The text poppler reads from page 1 of the PDF in b (g_malloc'd), or
 * NULL. */
static char *page_text(const struct jx_buf *b)
{
    GBytes *bytes = g_bytes_new(b->p, b->len);
    GError *gerr = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL,
                                                           &gerr);
    char *text = NULL;
    if (doc) {
        PopplerPage *pg = poppler_document_get_page(doc, 0);
        if (pg) {
            text = poppler_page_get_text(pg);
            g_object_unref(pg);
        }
        g_object_unref(doc);
    } else {
        g_error_free(gerr);
    }
    g_bytes_unref(bytes);
    return text;
}

/* n copies of s (arena). */
static char *rep(struct jx_arena *a, const char *s, int n, const char *tail)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    for (int i = 0; i < n; i++) {
        jx_buf_adds(&b, s);
    }
    jx_buf_adds(&b, tail);
    char *r = jx_strdup(a, b.p);
    jx_buf_release(&b);
    return r;
}

/* Line breaking by the Chinese rules: a body paragraph's first line
 * (indented two characters) holds 34 characters of 12 pt; closing
 * punctuation never starts a line (the character before goes down with
 * it), opening punctuation never ends one, a Latin word and a number
 * stay whole; '\n' breaks. */
static void pdf_line_breaking(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_report_doc *d = jx_report_new(a, "");
    jx_report_para(d, JX_RS_BODY, rep(a, "甲", 34, "乙丙"));
    jx_report_para(d, JX_RS_BODY, rep(a, "丁", 33, "乙，丙丁"));
    jx_report_para(d, JX_RS_BODY, rep(a, "戊", 33, "（乙）丙"));
    jx_report_para(d, JX_RS_BODY, rep(a, "己", 32, "Budget2031"));
    jx_report_para(d, JX_RS_BODY, rep(a, "庚", 32, "4700.25万元"));
    jx_report_para(d, JX_RS_LIST, "上行\n下行");
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    CHECK_INT(dg.n, 0);
    char *text = page_text(&b);
    CHECK(text != NULL);
    if (text) {
        CHECK(strstr(text, rep(a, "甲", 34, "\n乙丙\n")) != NULL);
        CHECK(strstr(text, rep(a, "丁", 33, "\n乙，丙丁\n")) != NULL);
        CHECK(strstr(text, rep(a, "戊", 33, "\n（乙）丙\n")) != NULL);
        CHECK(strstr(text, rep(a, "己", 32, "\nBudget2031\n")) != NULL);
        CHECK(strstr(text, rep(a, "庚", 32, "\n4700.25万元\n")) != NULL);
        CHECK(strstr(text, "\n上行\n下行\n") != NULL);
    }
    g_free(text);
    jx_buf_release(&b);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Characters the font lacks: drawn as .notdef, reported once per
 * document (R408, each named once), and read back from the PDF as
 * written. */
static void pdf_missing_glyphs(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_report_doc *d = jx_report_new(a, "");
    jx_report_para(d, JX_RS_LIST, "甲\xe0\xb8\x81乙");
    jx_report_para(d, JX_RS_LIST, "丙\xe0\xb8\x81\xe0\xb8\x82丁");
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    CHECK_INT(dg.n, 1);
    if (dg.n == 1) {
        CHECK_STR(dg.a[0].code, "R408");
        CHECK_INT(dg.a[0].severity, JX_SEV_WARNING);
        CHECK_STR(dg.a[0].msg,
                  "字体“Noto Sans CJK SC”缺少 2 个字符（“\xe0\xb8\x81”（U+0E01）、"
                  "“\xe0\xb8\x82”（U+0E02）），PDF 中以空框打印，文本照原样保留");
    }
    char *text = page_text(&b);
    CHECK(text != NULL);
    if (text) {
        CHECK(strstr(text, "甲\xe0\xb8\x81乙\n丙\xe0\xb8\x81\xe0\xb8\x82丁") !=
              NULL);
    }
    g_free(text);
    jx_buf_release(&b);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* The number of pages poppler reads from the PDF in b (-1: it cannot
 * open it). */
static int poppler_pages(const struct jx_buf *b)
{
    GBytes *bytes = g_bytes_new(b->p, b->len);
    GError *gerr = NULL;
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL,
                                                           &gerr);
    int n = -1;
    if (doc) {
        n = poppler_document_get_n_pages(doc);
        g_object_unref(doc);
    } else {
        g_error_free(gerr);
    }
    g_bytes_unref(bytes);
    return n;
}

/* Hostile text through the writer: invalid UTF-8 (R406 once, printed
 * with U+FFFD), a 100,000-character word with no break (broken
 * anywhere), a cell of 50,000 characters in a table of 64 columns (its
 * row taller than a page: cut, R405), control characters (drawn as
 * nothing, no diagnostic): the PDF is written, with exactly those two
 * diagnostics, and poppler opens it with the pages the writer made. */
static void pdf_hostile(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_report_doc *d = jx_report_new(a, "异常文本\x01");
    jx_report_para(d, JX_RS_BODY, "坏\xc3\x28字\xff\xfe节");
    jx_report_para(d, JX_RS_BODY, "控制\x01\x07\x1b\x7f\r字符\t结束");
    jx_report_para(d, JX_RS_BODY, rep(a, "Q", 100000, ""));
    struct jx_rtable *t = jx_report_table(d, 64, 1);
    for (int c = 0; c < 64; c++) {
        char h[16];
        snprintf(h, sizeof h, "列%d", c + 1);
        jx_rtable_cell(d, t, 0, c, 1, 1, jx_strdup(a, h))->header = true;
        jx_rtable_cell(d, t, 1, c, 1, 1, c == 5 ? "12,345.67\x02" : "8.5");
        if (c != 7) {
            jx_rtable_cell(d, t, 2, c, 1, 1, "末");
        }
    }
    jx_rtable_cell(d, t, 2, 7, 1, 1, rep(a, "长", 50000, ""));
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    CHECK_INT(dg.n, 2);
    CHECK(has_code(&dg, "R406"));
    CHECK(has_code(&dg, "R405"));
    CHECK_INT(dg.count[JX_SEV_ERROR], 0);
    for (size_t i = 0; i < dg.n; i++) {
        if (strcmp(dg.a[i].code, "R405") == 0) {
            CHECK_INT(dg.a[i].loc.table, 1);
            CHECK_INT(dg.a[i].loc.row, 3);
        }
    }
    CHECK(b.len > 0 && memcmp(b.p, "%PDF-", 5) == 0);
    int pages = (int)count_pages(&b);
    CHECK(pages >= 20);
    CHECK_INT(poppler_pages(&b), pages);
    char *text = page_text(&b);
    CHECK(text != NULL);
    if (text) {
        CHECK(strstr(text, "坏\xef\xbf\xbd(字\xef\xbf\xbd\xef\xbf\xbd节") !=
              NULL);
        CHECK(strstr(text, "控制字符 结束") != NULL);
    }
    g_free(text);
    jx_buf_release(&b);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

const struct jx_test t_report_pdf[] = {
    {"report_pdf_sample", pdf_sample},
    {"report_pdf_pages", pdf_pages},
    {"report_pdf_shared_fonts", pdf_shared_fonts},
    {"report_pdf_too_big", pdf_too_big},
    {"report_pdf_bad_tables", pdf_bad_tables},
    {"report_pdf_extremes", pdf_extremes},
    {"report_pdf_line_breaking", pdf_line_breaking},
    {"report_pdf_missing_glyphs", pdf_missing_glyphs},
    {"report_pdf_hostile", pdf_hostile},
    {NULL, NULL},
};
