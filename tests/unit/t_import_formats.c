/*
 * t_import_formats.c - tests of the importers of PDF, HTML and .xls,
 * and of telling them (and .doc) apart by content: exact documents
 * from small inputs built here, and the limits and guards on hostile
 * ones.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "jixiao/import.h"
#include "jixiao/report.h"
#include "import/import_formats.h"

/* Build a one-page PDF with Helvetica text at the given places (text
 * is ASCII) after the drawing operators draw (or NULL); when xref is
 * false, startxref points past the table.  extra is one more object
 * (or NULL).  Returns a malloc'd buffer. */
static char *make_pdf_drawn(const char *const *text, const int *xy,
                            size_t n, bool xref, const char *extra,
                            const char *draw, size_t *len)
{
    struct jx_buf content, out;
    jx_buf_init(&content, 1u << 20);
    jx_buf_init(&out, 1u << 20);
    if (draw) {
        jx_buf_adds(&content, draw);
    }
    jx_buf_adds(&content, "BT /F1 10 Tf\n");
    for (size_t i = 0; i < n; i++) {
        jx_buf_addf(&content, "1 0 0 1 %d %d Tm (%s) Tj\n", xy[2 * i],
                    xy[2 * i + 1], text[i]);
    }
    jx_buf_adds(&content, "ET\n");
    const char *objs[6];
    char *stream = NULL;
    objs[0] = "<< /Type /Catalog /Pages 2 0 R >>";
    objs[1] = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
    objs[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
              "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>";
    objs[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
    struct jx_buf sb;
    jx_buf_init(&sb, 1u << 20);
    jx_buf_addf(&sb, "<< /Length %zu >>\nstream\n%sendstream", content.len,
                content.p);
    stream = sb.p;
    objs[4] = stream;
    size_t nobj = 5;
    if (extra) {
        objs[nobj++] = extra;
    }
    size_t offs[6];
    jx_buf_adds(&out, "%PDF-1.4\n");
    for (size_t i = 0; i < nobj; i++) {
        offs[i] = out.len;
        jx_buf_addf(&out, "%zu 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
    size_t xo = out.len;
    jx_buf_addf(&out, "xref\n0 %zu\n0000000000 65535 f \n", nobj + 1);
    for (size_t i = 0; i < nobj; i++) {
        jx_buf_addf(&out, "%010zu 00000 n \n", offs[i]);
    }
    jx_buf_addf(&out, "trailer\n<< /Size %zu /Root 1 0 R >>\nstartxref\n%zu\n"
                      "%%%%EOF\n",
                nobj + 1, xref ? xo : xo + 7);
    jx_buf_release(&sb);
    jx_buf_release(&content);
    return jx_buf_detach(&out, len);
}

/* make_pdf_drawn without drawing. */
static char *make_pdf(const char *const *text, const int *xy, size_t n,
                      bool xref, const char *extra, size_t *len)
{
    return make_pdf_drawn(text, xy, n, xref, extra, NULL, len);
}

/* The dump of a document (or "NULL") in the arena. */
static const char *dump(struct jx_arena *a, const struct jx_doc *doc)
{
    if (!doc) {
        return "NULL";
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_doc_dump(doc, &b);
    const char *s = jx_strdup(a, b.p);
    jx_buf_release(&b);
    return s;
}

/* Kinds from content: PDF, OLE2 (Word, workbook, other), HTML. */
static void detection(void)
{
    CHECK_INT(jx_detect("%PDF-1.7\n", 9), JX_IN_PDF);
    CHECK_INT(jx_detect("\xEF\xBB\xBF%PDF-1.4\n", 12), JX_IN_PDF);
    static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    char buf[64];
    memset(buf, 0, sizeof buf);
    memcpy(buf, ole, 8);
    memcpy(buf + 20, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
    CHECK_INT(jx_detect(buf, sizeof buf), JX_IN_DOC);
    memset(buf + 20, 0, 24);
    memcpy(buf + 20, "W\0o\0r\0k\0b\0o\0o\0k\0", 16);
    CHECK_INT(jx_detect(buf, sizeof buf), JX_IN_XLS);
    memset(buf + 20, 0, 24);
    CHECK_INT(jx_detect(buf, sizeof buf), JX_IN_OLE);
    CHECK_INT(jx_detect("<!DOCTYPE html><p>a", 19), JX_IN_HTML);
    CHECK_INT(jx_detect("\n  <HTML><body>", 15), JX_IN_HTML);
    CHECK_INT(jx_detect("<table><tr><td>1", 16), JX_IN_HTML);
    CHECK_INT(jx_detect("<p>预算</p>", 13), JX_IN_TEXT);
    CHECK_INT(jx_detect("<?xml version=\"1.0\"?>\n<html>", 28), JX_IN_HTML);
    CHECK_INT(jx_detect("<?xml version=\"1.0\"?>\n<a/>", 26), JX_IN_TEXT);
    CHECK_INT(jx_detect("<!-- saved from url -->\n<html>", 30), JX_IN_HTML);
    CHECK_INT(jx_detect("{\"a\":1}", 7), JX_IN_JSON);
    CHECK_STR(jx_input_kind_name(JX_IN_PDF), "pdf");
    CHECK_STR(jx_input_kind_name(JX_IN_HTML), "html");
    CHECK_STR(jx_input_kind_name(JX_IN_XLS), "xls");
    CHECK_STR(jx_input_kind_name(JX_IN_DOC), "doc");
}

/* A PDF table from word positions: columns from x-gaps, rows from
 * baselines, a paragraph below. */
static void pdf_table(void)
{
    static const char *const t[] = {
        "Project", "Budget", "Spent", "Rate",    "Roads", "100.00",
        "98.00",   "98.00%", "Lights", "50.00",  "50.00", "100.00%",
        "A paragraph below the table."};
    static const int xy[] = {72,  760, 300, 760, 400, 760, 500, 760, 72,
                             745, 300, 745, 400, 745, 500, 745, 72,  730,
                             300, 730, 400, 730, 500, 730, 72,  700};
    size_t len;
    char *pdf = make_pdf(t, xy, 13, true, NULL, &len);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    enum jx_input_kind k;
    struct jx_doc *doc = jx_import_doc(a, "t.pdf", pdf, len, &lim, &d, &k);
    CHECK_INT(k, JX_IN_PDF);
    CHECK_INT(d.n, 0);
    CHECK_STR(dump(a, doc), "T1 3x4\n"
                            "T1 0,0 +1,1: Project\n"
                            "T1 0,1 +1,1: Budget\n"
                            "T1 0,2 +1,1: Spent\n"
                            "T1 0,3 +1,1: Rate\n"
                            "T1 1,0 +1,1: Roads\n"
                            "T1 1,1 +1,1: 100.00\n"
                            "T1 1,2 +1,1: 98.00\n"
                            "T1 1,3 +1,1: 98.00%\n"
                            "T1 2,0 +1,1: Lights\n"
                            "T1 2,1 +1,1: 50.00\n"
                            "T1 2,2 +1,1: 50.00\n"
                            "T1 2,3 +1,1: 100.00%\n"
                            "P0 A paragraph below the table.\n");
    free(pdf);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A table drawn with rules: a cell merged over two rows, a cell
 * merged over two columns, text wrapped in a cell, an empty cell. */
static void pdf_ruled(void)
{
    /* rows at y 800-780-760-740, columns at x 50-150-250-350 */
    static const char draw[] =
        "1 w 50 800 m 350 800 l S 50 780 m 350 780 l S "
        "150 760 m 350 760 l S 50 740 m 350 740 l S "
        "50 740 m 50 800 l S 150 740 m 150 800 l S "
        "250 740 m 250 780 l S 350 740 m 350 800 l S\n";
    static const char *const t[] = {"Name", "Budget and spent", "Roads",
                                    "100.00", "98.00", "long text",
                                    "wrapped", "A paragraph."};
    static const int xy[] = {55,  786, 155, 786, 55,  766, 155, 766,
                             255, 766, 155, 752, 155, 743, 55,  700};
    size_t len;
    char *pdf = make_pdf_drawn(t, xy, 8, true, NULL, draw, &len);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = jx_import_doc(a, "r.pdf", pdf, len, NULL, &d, NULL);
    CHECK_INT(d.n, 0);
    CHECK_STR(dump(a, doc), "T1 3x3\n"
                            "T1 0,0 +1,1: Name\n"
                            "T1 0,1 +1,2: Budget and spent\n"
                            "T1 1,0 +2,1: Roads\n"
                            "T1 1,1 +1,1: 100.00\n"
                            "T1 1,2 +1,1: 98.00\n"
                            "T1 2,1 +1,1: long text wrapped\n"
                            "T1 2,2 +1,1: \n"
                            "P0 A paragraph.\n");
    /* a cell's provenance made from its table and place: page, table
       number, 1-based row and column */
    const struct jx_doc_table *tb =
        doc && doc->nblocks ? doc->blocks[0].table : NULL;
    const struct jx_doc_cell *c98 = tb ? jx_doc_cell_at(tb, 1, 2) : NULL;
    CHECK(c98 != NULL);
    if (c98) {
        struct jx_prov p = jx_doc_cell_prov(a, doc, tb, c98);
        CHECK_STR(p.file, "r.pdf");
        CHECK_INT(p.line, 1);
        CHECK_INT(p.table, 1);
        CHECK_INT(p.row, 2);
        CHECK_INT(p.column, 3);
        CHECK(p.cell == NULL);
    }
    free(pdf);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A small report of made-up content with jixiao's generated blocks
 * (a generated paragraph with a word longer than a line, and a chart
 * with a label too long for its column, cut with "…") between the
 * unit's own, as jixiao's PDF (malloc'd, *len). */
static char *own_pdf(struct jx_arena *a, size_t *len)
{
    struct jx_report_doc *d = jx_report_new(a, "");
    jx_report_heading(d, 1, "一、基本情况");
    jx_report_para(d, JX_RS_BODY, "东湖街道负责辖区公共服务。");
    jx_report_para(d, JX_RS_BODY,
                   "复核结果：合计 12.50 万元。"
                   "ABCDEFGHIJKLMNOPQRSTABCDEFGHIJKLMNOPQRSTABCDEFGHIJKLMNOPQRST"
                   "ABCDEFGHIJKLMNOPQRSTABCDEFGHIJKLMNOPQRSTABCDEFGHIJKLMNOPQRST");
    d->blocks[d->nblocks - 1].generated = true;
    struct jx_rchart *c = jx_report_chart(d, JX_CHART_BARS, 2);
    c->title = "得分图";
    c->unit = "分";
    c->series[0] = "得分";
    c->labels[0] = "产出";
    c->labels[1] = "效益指标中社会效益经济效益生态效益可持续影响各项合计"
                   "得分及其说明文字，长得一栏放不下，末尾用省略号截断";
    c->values[0][0] = jx_rat_int(40);
    c->values[0][1] = jx_rat_int(25);
    jx_report_heading(d, 1, "二、存在的问题");
    jx_report_para(d, JX_RS_BODY, "宣传不够。");
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_pdf(d, &b, &dg), 0);
    jx_diags_release(&dg);
    return jx_buf_detach(&b, len);
}

/* Replace the first occurrence of from by to (same length) in pdf;
 * whether it was there. */
static bool patch(char *pdf, size_t len, const char *from, const char *to)
{
    size_t m = strlen(from);
    for (size_t i = 0; i + m <= len; i++) {
        if (memcmp(pdf + i, from, m) == 0) {
            memcpy(pdf + i, to, m);
            return true;
        }
    }
    return false;
}

/* The document of pdf and the codes of its diagnostics (" I508"...). */
static const char *import_codes(struct jx_arena *a, const char *pdf,
                                size_t len, const char **codes)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = jx_import_doc(a, "own.pdf", pdf, len, NULL, &d, NULL);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (size_t i = 0; i < d.n; i++) {
        jx_buf_addf(&b, " %s", d.a[i].code);
    }
    *codes = jx_strdup(a, b.p ? b.p : "");
    jx_buf_release(&b);
    jx_diags_release(&d);
    return dump(a, doc);
}

/* jixiao's own PDF: the regions of its generated blocks are listed in
 * the Keywords (one region: the paragraph and the chart after it) and
 * left out on import; the same PDF under another Creator keeps them
 * (a user's PDF); a region whose characters differ from the record, or
 * a record that does not parse, keeps them with I508. */
static void pdf_generated(void)
{
    struct jx_arena *a = jx_arena_new();
    size_t len;
    char *pdf = own_pdf(a, &len);
    char *probe = malloc(len);
    memcpy(probe, pdf, len);
    CHECK(patch(probe, len, "/Keywords (" JX_PDF_GENERATED_TAG " 1:",
                "/Keywords (" JX_PDF_GENERATED_TAG " 1:"));
    free(probe);
    const char *codes;
    static const char own[] = "P0 一、基本情况\n"
                              "P0 东湖街道负责辖区公共服务。\n"
                              "P0 二、存在的问题\n"
                              "P0 宣传不够。\n";
    CHECK_STR(import_codes(a, pdf, len, &codes), own);
    CHECK_STR(codes, "");

    /* another Creator: a user's PDF, read whole */
    char *user = malloc(len);
    memcpy(user, pdf, len);
    CHECK(patch(user, len, "/Creator (jixiao)", "/Creator (jixiaX)"));
    const char *all = import_codes(a, user, len, &codes);
    CHECK_STR(codes, "");
    CHECK(strstr(all, "复核结果") != NULL);
    CHECK(strstr(all, "得分图") != NULL);
    CHECK(strstr(all, "宣传不够。") != NULL);

    /* the record's character count changed: the region is read */
    memcpy(user, pdf, len);
    char *kw = NULL;
    for (size_t i = 0; i + 10 < len && !kw; i++) {
        if (memcmp(user + i, "/Keywords (", 11) == 0) {
            kw = user + i;
        }
    }
    CHECK(kw != NULL);
    if (kw) {
        /* the last hex digit of the hash before ")" */
        char *e = memchr(kw, ')', (size_t)(user + len - kw));
        CHECK(e != NULL);
        if (e) {
            e[-1] = e[-1] == '0' ? '1' : '0';
        }
    }
    all = import_codes(a, user, len, &codes);
    CHECK_STR(codes, " I508");
    CHECK(strstr(all, "复核结果") != NULL);
    CHECK(strstr(all, "宣传不够。") != NULL);

    /* a record naming a page the PDF does not have: all read, I508 */
    memcpy(user, pdf, len);
    CHECK(patch(user, len, JX_PDF_GENERATED_TAG " 1:",
                JX_PDF_GENERATED_TAG " 9:"));
    all = import_codes(a, user, len, &codes);
    CHECK_STR(codes, " I508");
    CHECK(strstr(all, "复核结果") != NULL);
    free(user);
    free(pdf);
    jx_arena_free(a);
}

/* Paragraphs indented on their first line only: an indented line after
 * a one-line paragraph that ran to the right margin starts a new
 * paragraph; without such paragraphs seen, it continues (a block
 * indented as a whole). */
static void pdf_first_indent(void)
{
    static const char *const t[] = {
        "Aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaa.",
        "Bbbb bbbb.",
        "Cccc cccc cccc cccc cccc cccc cccc cccc cccc cccc cccc cccc ccc.",
        "Dddd dddd."};
    /* the first and third lines end at the same x (same width) */
    static const int xy[] = {92, 760, 72, 746, 92, 732, 92, 718};
    size_t len;
    char *pdf = make_pdf(t, xy, 4, true, NULL, &len);
    struct jx_arena *a = jx_arena_new();
    const char *codes;
    CHECK_STR(import_codes(a, pdf, len, &codes),
              "P0 Aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa "
              "aaaa aaa. Bbbb bbbb.\n"
              "P0 Cccc cccc cccc cccc cccc cccc cccc cccc cccc cccc cccc "
              "cccc ccc.\n"
              "P0 Dddd dddd.\n");
    free(pdf);
    /* no first-line-indented paragraph before: an indented block */
    static const int xy2[] = {92, 760, 92, 746};
    pdf = make_pdf(t + 2, xy2, 2, true, NULL, &len);
    CHECK_STR(import_codes(a, pdf, len, &codes),
              "P0 Cccc cccc cccc cccc cccc cccc cccc cccc cccc cccc cccc "
              "cccc ccc. Dddd dddd.\n");
    free(pdf);
    jx_arena_free(a);
}

/* Import data as the kind it is; the first finding's code (or ""). */
static const char *first_code(struct jx_arena *a, const char *data,
                              size_t len, const struct jx_limits *lim)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = jx_import_doc(a, "x", data, len, lim, &d, NULL);
    const char *c = d.n ? jx_strdup(a, d.a[0].code) : "";
    CHECK(doc == NULL || d.n == 0);
    jx_diags_release(&d);
    return c;
}

/* Hostile and broken PDFs: refused by the byte guards with their
 * codes. */
static void pdf_guards(void)
{
    static const char *const t[] = {"x"};
    static const int xy[] = {72, 700};
    struct jx_arena *a = jx_arena_new();
    struct jx_limits lim;
    jx_limits_default(&lim);
    size_t len;
    char *pdf = make_pdf(t, xy, 1, false, NULL, &len);
    CHECK_STR(first_code(a, pdf, len, &lim), "I503");
    free(pdf);
    char deep[300];
    memset(deep, '[', 150);
    memset(deep + 150, ']', 150);
    deep[299] = '\0';
    deep[149] = ' ';
    pdf = make_pdf(t, xy, 1, true, deep, &len);
    CHECK_STR(first_code(a, pdf, len, &lim), "I504");
    free(pdf);
    pdf = make_pdf(t, xy, 1, true, NULL, &len);
    lim.max_pdf_objects = 4;
    CHECK_STR(first_code(a, pdf, len, &lim), "I505");
    jx_limits_default(&lim);
    lim.max_page_words = 0;
    CHECK_STR(first_code(a, pdf, len, &lim), "I507");
    jx_limits_default(&lim);
    CHECK_STR(first_code(a, pdf, 200, &lim), "I503"); /* truncated */
    free(pdf);
    const char *junk = "%PDF-1.4\nxref\njunk\nstartxref\n9\n%%EOF";
    CHECK_STR(first_code(a, junk, strlen(junk), &lim), "I501");
    jx_arena_free(a);
}

/* HTML: the charset from the meta tag, spans on a grid, dropped
 * elements, a details cell, headings, line breaks. */
static void html_tables(void)
{
    /* "预算" and "执行率" in GB18030 */
    static const char page[] =
        "<html><head><meta charset=\"gb2312\"><title>t</title>"
        "<script>var x = '<table>';</script></head><body>\n"
        "<h2>\xD4\xA4\xCB\xE3</h2><p>a<br>b</p>\n"
        "<table><tr><th rowspan=\"2\">A</th><th colspan=\"2\">B</th></tr>"
        "<tr><td>c</td><td>d</td></tr>"
        "<tr><td>e</td><td> 1 &amp; 2 </td><td><details><summary>98%<sup>1"
        "</sup></summary>note</details></td></tr></table>\n"
        "<p class=\"print-only\">hidden</p>"
        "<div class=\"jx-generated\"><p>generated</p></div>"
        "<p>\xD6\xB4\xD0\xD0\xC2\xCA</p></body></html>";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    enum jx_input_kind k;
    struct jx_doc *doc =
        jx_import_doc(a, "t.html", page, sizeof page - 1, NULL, &d, &k);
    CHECK_INT(k, JX_IN_HTML);
    CHECK_INT(d.n, 0);
    CHECK_STR(dump(a, doc), "P2 预算\n"
                            "P0 a\n"
                            "P0 b\n"
                            "T1 3x3\n"
                            "T1 0,0 +2,1: A\n"
                            "T1 0,1 +1,2: B\n"
                            "T1 1,1 +1,1: c\n"
                            "T1 1,2 +1,1: d\n"
                            "T1 2,0 +1,1: e\n"
                            "T1 2,1 +1,1: 1 & 2\n"
                            "T1 2,2 +1,1: 98%\n"
                            "P0 执行率\n");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A table with one very wide row and many rows after it: the row spans
 * are kept per column (a cell spanning down takes its column until its
 * last row), whatever the width any row reached. */
static void html_wide_rows(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_buf_adds(&b, "<table><tr><td colspan=\"3000\">宽</td></tr>");
    for (int r = 1; r <= 2000; r++) {
        if (r % 2) {
            jx_buf_addf(&b, "<tr><td rowspan=\"2\">丙%d</td><td>%d</td></tr>",
                        r, r);
        } else {
            jx_buf_addf(&b, "<tr><td>%d</td></tr>", r);
        }
    }
    jx_buf_adds(&b, "</table>");
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = jx_import_doc(a, "w.html", b.p, b.len, NULL, &d, NULL);
    CHECK_INT(d.n, 0);
    CHECK(doc && doc->nblocks == 1 && doc->blocks[0].table);
    if (doc && doc->nblocks == 1 && doc->blocks[0].table) {
        const struct jx_doc_table *t = doc->blocks[0].table;
        CHECK_INT(t->nrows, 2001);
        CHECK_INT(t->ncols, 2);
        CHECK_INT((long)t->ncells, 3001);
        CHECK_STR(jx_doc_text_at(t, 0, 1), "宽");
        CHECK_STR(jx_doc_text_at(t, 1999, 0), "丙1999");
        CHECK_STR(jx_doc_text_at(t, 1999, 1), "1999");
        CHECK_STR(jx_doc_text_at(t, 2000, 0), "丙1999");
        CHECK_STR(jx_doc_text_at(t, 2000, 1), "2000");
    }
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A table whose spans ask for a grid far larger than its cells (every
 * row spanning 1000 columns, one cell spanning 400 rows): the columns
 * and rows in which no cell starts are merged away, so the grid has the
 * size of what was written (3 x 300, not 1002 x 300); a small
 * table with a column no cell starts in keeps it. */
static void html_span_grid(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_buf_adds(&b, "<html><body><table><tr><td rowspan=\"400\">头</td>"
                    "<td colspan=\"1000\">甲</td><td>1</td></tr>");
    for (int r = 1; r < 300; r++) {
        jx_buf_addf(&b, "<tr><td colspan=\"1000\">乙%d</td><td>%d</td></tr>",
                    r, r + 1);
    }
    jx_buf_adds(&b, "</table></body></html>");
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = jx_import_doc(a, "g.html", b.p, b.len, NULL, &d, NULL);
    CHECK_INT(d.n, 0);
    CHECK(doc && doc->nblocks == 1 && doc->blocks[0].table);
    if (doc && doc->nblocks == 1 && doc->blocks[0].table) {
        const struct jx_doc_table *t = doc->blocks[0].table;
        CHECK_INT(t->nrows, 300);
        CHECK_INT(t->ncols, 3);
        CHECK_INT((long)t->ncells, 601);
        CHECK_INT(t->cells[0].rowspan, 300);
        CHECK_INT(t->cells[1].colspan, 1);
        CHECK_STR(jx_doc_text_at(t, 299, 0), "头");
        CHECK_STR(jx_doc_text_at(t, 299, 1), "乙299");
        CHECK_STR(jx_doc_text_at(t, 299, 2), "300");
        /* the provenance keeps the HTML's row and column */
        struct jx_prov p600 = jx_doc_cell_prov(a, doc, t, &t->cells[600]);
        CHECK_INT(p600.row, 300);
        CHECK_INT(p600.column, 1002);
        CHECK_INT(p600.table, 1);
    }
    jx_buf_release(&b);
    const char *small = "<table><tr><td colspan=\"3\">a</td><td>b</td></tr>"
                        "<tr><td colspan=\"3\">c</td><td>d</td></tr></table>";
    jx_diags_init(&d, a);
    doc = jx_import_doc(a, "s.html", small, strlen(small), NULL, &d, NULL);
    CHECK_STR(dump(a, doc), "T1 2x4\nT1 0,0 +1,3: a\nT1 0,3 +1,1: b\n"
                            "T1 1,0 +1,3: c\nT1 1,3 +1,1: d\n");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* HTML limits: tags counted before parsing, nesting while walking; a
 * table of tables, or of one column of paragraphs, is layout, read as
 * blocks. */
static void html_limits(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_html_nodes = 10;
    const char *many = "<html><p>1</p><p>2</p><p>3</p><p>4</p><p>5</p>";
    CHECK_STR(first_code(a, many, strlen(many), &lim), "I522");
    jx_limits_default(&lim);
    lim.max_html_depth = 5;
    const char *deep = "<html><body><div><div><div><div><div><div>x";
    CHECK_STR(first_code(a, deep, strlen(deep), &lim), "I523");
    const char *layout = "<table><tr><td><table><tr><td>1</td><td>2</td>"
                         "</tr></table></td></tr></table>";
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc =
        jx_import_doc(a, "l", layout, strlen(layout), NULL, &d, NULL);
    CHECK_STR(dump(a, doc), "T1 1x2\nT1 0,0 +1,1: 1\nT1 0,1 +1,1: 2\n");
    const char *frame = "<table><tr><td><p>title</p><p>text</p></td></tr>"
                        "</table><table><tr><td>one cell</td></tr></table>";
    doc = jx_import_doc(a, "f", frame, strlen(frame), NULL, &d, NULL);
    CHECK_STR(dump(a, doc), "P0 title\nP0 text\nT1 1x1\n"
                            "T1 0,0 +1,1: one cell\n");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* An .xls made by LibreOffice from an example's XLSX: numbers as
 * decimals, percentages in their format, formulas' cached values,
 * merged cells (needs the fuzz corpus under JX_SRCDIR). */
static void xls_sheet(void)
{
    if (!jx_test_srcdir) {
        jx_test_skip("JX_SRCDIR not set");
        return;
    }
    struct jx_arena *a = jx_arena_new();
    char *path = jx_sprintf(a, "%s/fuzz/corpus/xls/forms.xls", jx_test_srcdir);
    char *data;
    size_t len;
    if (jx_read_file(path, 1u << 24, &data, &len) != 0) {
        jx_test_skip("fuzz/corpus/xls/forms.xls not found");
        jx_arena_free(a);
        return;
    }
    struct jx_diags d;
    jx_diags_init(&d, a);
    enum jx_input_kind k;
    struct jx_doc *doc = jx_import_doc(a, "f.xls", data, len, NULL, &d, &k);
    CHECK_INT(k, JX_IN_XLS);
    CHECK_INT(d.n, 0);
    CHECK(doc != NULL);
    if (doc && doc->nblocks >= 2 && doc->blocks[1].kind == JX_DOC_TABLE) {
        const struct jx_doc_table *t = doc->blocks[1].table;
        CHECK_STR(t->name, "附件2 整体支出自评表");
        CHECK_STR(jx_doc_text_at(t, 4, 4), "2000");
        CHECK_STR(jx_doc_text_at(t, 4, 7), "98.00%");  /* formula, 0.00% */
        CHECK_STR(jx_doc_text_at(t, 4, 8), "9.8");     /* formula */
        const struct jx_doc_cell *c = jx_doc_cell_at(t, 20, 0);
        CHECK(c != NULL && c->row == 13 && c->rowspan == 13);
        CHECK_STR(jx_doc_text_at(t, 20, 0), "绩效指标");
    } else {
        CHECK(false);
    }
    free(data);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Little-endian stores for the BIFF and CFB builders below. */
static void put16(unsigned char *p, unsigned v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

static void put32(unsigned char *p, unsigned long v)
{
    put16(p, (unsigned)(v & 0xFFFF));
    put16(p + 2, (unsigned)(v >> 16));
}

/* Appends one BIFF record (type, body of len bytes) at w + *n. */
static void biff_rec(unsigned char *w, size_t *n, unsigned type,
                     const unsigned char *body, unsigned len)
{
    put16(w + *n, type);
    put16(w + *n + 2, len);
    if (len) {
        memcpy(w + *n + 4, body, len);
    }
    *n += 4 + len;
}

/*
 * A whole .xls in a fresh malloc'd buffer (*len bytes): the BIFF8
 * stream w[0..n) as the "Workbook" stream of a version 3 compound file
 * (512-byte sectors: FAT in sector 0, directory in 1, the stream from
 * 2).  n must pass 4096 so that the stream is not in the mini stream.
 */
static unsigned char *cfb_wrap(const unsigned char *w, size_t n, size_t *len)
{
    size_t ns = (n + 511) / 512;
    *len = 512 + (2 + ns) * 512;
    unsigned char *f = calloc(1, *len);
    static const unsigned char sig[] = {0xD0, 0xCF, 0x11, 0xE0,
                                        0xA1, 0xB1, 0x1A, 0xE1};
    memcpy(f, sig, 8);
    put16(f + 0x18, 0x3E);
    put16(f + 0x1A, 3);
    put16(f + 0x1C, 0xFFFE);
    put16(f + 0x1E, 9);
    put16(f + 0x20, 6);
    put32(f + 0x2C, 1);          /* FAT sectors */
    put32(f + 0x30, 1);          /* directory */
    put32(f + 0x38, 4096);       /* mini stream cutoff */
    put32(f + 0x3C, 0xFFFFFFFE); /* no mini FAT */
    put32(f + 0x44, 0xFFFFFFFE); /* no DIFAT */
    memset(f + 0x4C, 0xFF, 109 * 4);
    put32(f + 0x4C, 0);
    unsigned char *fat = f + 512;
    memset(fat, 0xFF, 512);
    put32(fat, 0xFFFFFFFD);
    put32(fat + 4, 0xFFFFFFFE);
    for (size_t k = 0; k < ns; k++) {
        put32(fat + 4 * (2 + k), k + 1 < ns ? 3 + k : 0xFFFFFFFE);
    }
    unsigned char *dir = f + 1024;
    for (int e = 0; e < 4; e++) {
        memset(dir + e * 128 + 0x44, 0xFF, 12); /* no siblings, child */
    }
    static const char root[] = "Root Entry", book[] = "Workbook";
    for (size_t c = 0; c < sizeof root - 1; c++) {
        dir[2 * c] = (unsigned char)root[c];
    }
    put16(dir + 0x40, sizeof root * 2);
    dir[0x42] = 5;
    put32(dir + 0x4C, 1);
    put32(dir + 0x74, 0xFFFFFFFE);
    for (size_t c = 0; c < sizeof book - 1; c++) {
        dir[128 + 2 * c] = (unsigned char)book[c];
    }
    put16(dir + 128 + 0x40, sizeof book * 2);
    dir[128 + 0x42] = 2;
    put32(dir + 128 + 0x74, 2);
    put32(dir + 128 + 0x78, n);
    memcpy(f + 1536, w, n);
    return f;
}

/*
 * A BIFF8 workbook: globals (BOF, a 4,400-byte record FreeXL ignores,
 * one BOUNDSHEET per sheet named S1, S2, ...) then per sheet a BOF,
 * the DIMENSIONS dims[k] times (rows x cols) and a NUMBER 2000 at A1.
 * A sheet's BOUNDSHEET points at its BOF, or at off[k] when nonzero.
 */
static unsigned char *biff_book(int nsheets, const int *dims,
                                const unsigned long *off, unsigned long rows,
                                unsigned cols, size_t *len)
{
    static unsigned char w[16384];
    unsigned char body[4400];
    size_t n = 0, bs_at[4];
    memset(body, 0, sizeof body);
    put16(body, 0x0600);
    put16(body + 2, 0x0005);
    biff_rec(w, &n, 0x0809, body, 16);
    memset(body, 0, sizeof body);
    biff_rec(w, &n, 0x00EB, body, sizeof body);
    for (int k = 0; k < nsheets; k++) {
        unsigned char bs[10] = {0, 0, 0, 0, 0, 0, 2, 0, 'S',
                                (unsigned char)('1' + k)};
        bs_at[k] = n + 4;
        biff_rec(w, &n, 0x0085, bs, sizeof bs);
    }
    biff_rec(w, &n, 0x000A, NULL, 0);
    for (int k = 0; k < nsheets; k++) {
        put32(w + bs_at[k], off[k] ? off[k] : n);
        memset(body, 0, 16);
        put16(body, 0x0600);
        put16(body + 2, 0x0010);
        biff_rec(w, &n, 0x0809, body, 16);
        for (int d = 0; d < dims[k]; d++) {
            memset(body, 0, 14);
            put32(body + 4, rows);
            put16(body + 10, cols);
            biff_rec(w, &n, 0x0200, body, 14);
        }
        memset(body, 0, 14);
        body[11] = 0x40; /* 2000.0, the double 0x409F400000000000 */
        body[12] = 0x9F;
        body[13] = 0x40;
        biff_rec(w, &n, 0x0203, body, 14);
        biff_rec(w, &n, 0x000A, NULL, 0);
    }
    return cfb_wrap(w, n, len);
}

/* Reads an .xls built by biff_book with the FreeXL reader; returns the first finding's code
 * (or "") and the dump of the document in *out. */
static const char *xls_try(struct jx_arena *a, int nsheets, const int *dims,
                           const unsigned long *off, unsigned long rows,
                           unsigned cols, const char **out)
{
    size_t len;
    unsigned char *f = biff_book(nsheets, dims, off, rows, cols, &len);
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    /* the reader itself: jx_import_doc would hand a refused workbook
     * on to LibreOffice when it is installed */
    struct jx_doc *doc =
        jx_import_xls(a, "b.xls", (const char *)f, len, &lim, &d);
    free(f);
    *out = doc ? dump(a, doc) : "";
    const char *code = d.n ? jx_strdup(a, d.a[0].code) : "";
    jx_diags_release(&d);
    return code;
}

/* Workbooks FreeXL would leak on while opening (a sheet given two
 * DIMENSIONS, a sheet given none), allocate a huge grid for, or whose
 * sheet claims more rows than any Excel has are refused before FreeXL
 * sees them; the same workbook done right is read. */
static void xls_freexl_guards(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *out;
    int one[2] = {1, 1}, two[1] = {2}, none[2] = {1, 0};
    unsigned long at[2] = {0, 0};
    CHECK_STR(xls_try(a, 2, one, at, 1, 1, &out), "");
    CHECK_STR(out, "T1 S11x1\nT1 0,0 +1,1: 2000\nT2 S21x1\n"
                   "T2 0,0 +1,1: 2000\n");
    CHECK_STR(xls_try(a, 1, two, at, 1, 1, &out), "I541");
    CHECK_STR(xls_try(a, 2, none, at, 1, 1, &out), "I541");
    unsigned long bogus[2] = {0, 5000};
    CHECK_STR(xls_try(a, 2, one, bogus, 1, 1, &out), "I541");
    CHECK_STR(xls_try(a, 1, one, at, 65536, 16, &out), "");
    CHECK_STR(xls_try(a, 1, one, at, 65536, 17, &out), "I541");
    /* rows past any Excel's with no columns: no cell to hold, but the
       sheet's walk would take the rows one by one (a 24 KB file with
       2,667,577,371 of them took minutes) */
    CHECK_STR(xls_try(a, 1, one, at, 1048576, 1, &out), "");
    CHECK_STR(xls_try(a, 1, one, at, 2667577371UL, 0, &out), "I541");
    CHECK_STR(xls_try(a, 1, one, at, 1048577, 0, &out), "I541");
    jx_arena_free(a);
}

/* A .doc without LibreOffice: I561 naming what to install. */
static void doc_without_soffice(void)
{
    static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    char buf[64];
    memset(buf, 0, sizeof buf);
    memcpy(buf, ole, 8);
    memcpy(buf + 20, "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
    const char *old = getenv("JIXIAO_SOFFICE");
    char *saved = old ? strdup(old) : NULL;
    setenv("JIXIAO_SOFFICE", "/nonexistent/soffice", 1);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = jx_import_doc(a, "x.doc", buf, sizeof buf, NULL, &d,
                                       NULL);
    CHECK(doc == NULL);
    CHECK_INT(d.n, 1);
    if (d.n) {
        CHECK_STR(d.a[0].code, "I561");
        CHECK(strstr(d.a[0].msg, "libreoffice-writer-nogui") != NULL);
    }
    if (saved) {
        setenv("JIXIAO_SOFFICE", saved, 1);
        free(saved);
    } else {
        unsetenv("JIXIAO_SOFFICE");
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* jx_import_scratch_file: the bytes exactly (NULs included), mode 0600,
 * and never over a file that is there (O_EXCL: a planted link or file in
 * the directory is refused, not written through). */
static void scratch_file(void)
{
    char *dir = jx_import_tmpdir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/in.xls", dir);
    static const char bytes[] = {'a', '\0', 'b', '\xff', '\n'};
    CHECK_INT(jx_import_scratch_file(path, bytes, sizeof bytes), 0);
    char *got = NULL;
    size_t n = 0;
    CHECK_INT(jx_read_file(path, 1024, &got, &n), 0);
    CHECK_INT((long)n, (long)sizeof bytes);
    CHECK(got && memcmp(got, bytes, sizeof bytes) == 0);
    free(got);
    struct stat st;
    CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
    errno = 0;
    CHECK_INT(jx_import_scratch_file(path, "x", 1), -1);
    CHECK_INT(errno, EEXIST);
    char empty[4096];
    snprintf(empty, sizeof empty, "%s/empty", dir);
    CHECK_INT(jx_import_scratch_file(empty, "", 0), 0);
    CHECK(stat(empty, &st) == 0 && st.st_size == 0);
    jx_import_rmtree(dir);
}

const struct jx_test t_import_formats[] = {
    {"import_formats.scratch_file", scratch_file},
    {"import_formats.detection", detection},
    {"import_formats.html_span_grid", html_span_grid},
    {"import_formats.html_wide_rows", html_wide_rows},
    {"import_formats.pdf_table", pdf_table},
    {"import_formats.pdf_ruled", pdf_ruled},
    {"import_formats.pdf_guards", pdf_guards},
    {"import_formats.pdf_generated", pdf_generated},
    {"import_formats.pdf_first_indent", pdf_first_indent},
    {"import_formats.html_tables", html_tables},
    {"import_formats.html_limits", html_limits},
    {"import_formats.xls_sheet", xls_sheet},
    {"import_formats.xls_freexl_guards", xls_freexl_guards},
    {"import_formats.doc_without_soffice", doc_without_soffice},
    {NULL, NULL},
};
