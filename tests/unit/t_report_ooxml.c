/*
 * t_report_ooxml.c - tests of the DOCX and XLSX report writers
 * (lib/report/report_docx.c, lib/report/report_xlsx.c) on the sample report document
 * (report_sample.c): the package's parts and the WordprocessingML that
 * matters (repeated header rows, merged cells, East Asian fonts, page
 * size, page-number fields), the DOCX and the workbook read back by
 * jixiao's own importers (merged header cells, values, formulas with
 * cached values, print titles), and every diagnostic the writers give:
 * repaired text, overlapping cells, tables too large, illegal or
 * duplicate sheet names, an unwritable path.
 */
#include "harness.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "import/import_zip.h"
#include "jixiao/import.h"
#include "import/import_formats.h"
#include "report/report_xlsx.h"
#include "report_sample.h"

/* ---- helpers ---------------------------------------------------------- */

/* Number of times needle occurs in hay. */
static int occurs(const char *hay, const char *needle)
{
    int n = 0;
    size_t k = strlen(needle);
    for (const char *p = hay; p && (p = strstr(p, needle)) != NULL; p += k) {
        n++;
    }
    return n;
}

/* Number of diagnostics with code. */
static int count(const struct jx_diags *d, const char *code)
{
    int n = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            n++;
        }
    }
    return n;
}

/* The message of the first diagnostic with code (or ""). */
static const char *msg(const struct jx_diags *d, const char *code)
{
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            return d->a[i].msg;
        }
    }
    return "";
}

/* Entry name of the ZIP data[0..len), malloc'd and NUL-terminated, or
 * NULL (a failure is recorded). */
static char *entry(const char *data, size_t len, const char *name)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_zip *z = jx_zip_open(data, len, NULL, "t.zip", &d);
    char *s = NULL;
    size_t n = 0;
    if (z) {
        s = jx_zip_read(z, name, &n);
    }
    if (!s) {
        jx_test_fail(__FILE__, __LINE__, "no ZIP entry %s", name);
    }
    jx_zip_close(z);
    jx_diags_release(&d);
    jx_arena_free(a);
    return s;
}

/* The i-th (1-based) table of doc, or NULL. */
static const struct jx_doc_table *nth_table(const struct jx_doc *doc, int i)
{
    int seen = 0;
    for (size_t k = 0; k < doc->nblocks; k++) {
        if (doc->blocks[k].kind == JX_DOC_TABLE && ++seen == i) {
            return doc->blocks[k].table;
        }
    }
    return NULL;
}

/* The cell of table t at XLSX reference ref, or NULL. */
static const struct jx_doc_cell *at_ref(const struct jx_doc_table *t,
                                        const char *ref)
{
    for (size_t k = 0; t && k < t->ncells; k++) {
        char a1[16];
        int c = t->cells[k].col + 1, n = 0;
        char rev[8];
        while (c > 0 && n < 7) {
            rev[n++] = (char)('A' + (c - 1) % 26);
            c = (c - 1) / 26;
        }
        for (int i = 0; i < n; i++) {
            a1[i] = rev[n - 1 - i];
        }
        snprintf(a1 + n, sizeof a1 - (size_t)n, "%d", t->cells[k].row + 1);
        if ((t->where & JX_DOC_AT_SHEET) && strcmp(a1, ref) == 0) {
            return &t->cells[k];
        }
    }
    return NULL;
}

/* The text of the cell of t at ref ("(none)" when there is none). */
static const char *text_at(const struct jx_doc_table *t, const char *ref)
{
    const struct jx_doc_cell *c = at_ref(t, ref);
    return c ? c->text : "(none)";
}

/* A fresh temporary directory (static buffer) or NULL. */
static const char *tmpdir(void)
{
    static char dir[256];
    const char *base = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/jx-rooxml-XXXXXX", base ? base : "/tmp");
    return mkdtemp(dir);
}

/* Render d as DOCX into out (initialised here, JX_REPORT_MAX_BYTES). */
static int docx(const struct jx_report_doc *d, struct jx_buf *out,
                struct jx_diags *dg)
{
    jx_buf_init(out, JX_REPORT_MAX_BYTES);
    return jx_report_docx(d, out, dg);
}

/* ---- DOCX ------------------------------------------------------------- */

/* The sample as DOCX: a package with every part, the WordprocessingML
 * the layout needs, and no diagnostic. */
static void docx_sample(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    CHECK_INT(docx(d, &out, &dg), 0);
    CHECK_INT(dg.n, 0);
    CHECK(out.len > 1000);
    CHECK(memcmp(out.p, "PK", 2) == 0);
    CHECK_INT(jx_detect(out.p, out.len), JX_IN_DOCX);
    static const char *const parts[] = {
        "[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
        "docProps/app.xml", "word/_rels/document.xml.rels",
        "word/styles.xml", "word/settings.xml", "word/header1.xml",
        "word/footer1.xml"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        free(entry(out.p, out.len, parts[i]));
    }
    char *doc = entry(out.p, out.len, "word/document.xml");
    if (doc) {
        CHECK(strstr(doc, d->title) != NULL);
        /* 基础数据表: 2 header rows; charts are jixiao's (generated)
         * and stay out of the DOCX */
        CHECK_INT(occurs(doc, "<w:tblHeader/>"), 2);
        CHECK_INT(occurs(doc, "<w:gridSpan w:val=\"3\"/>"), 1);
        CHECK_INT(occurs(doc, "<w:vMerge w:val=\"restart\"/>"), 2);
        CHECK_INT(occurs(doc, "<w:vMerge/>"), 2);
        CHECK_INT(occurs(doc, "<w:tbl>"), 1);
        /* 2 + 120 rows */
        CHECK_INT(occurs(doc, "<w:tr>"), 122);
        CHECK_INT(occurs(doc, "<w:cantSplit/>"), 122);
        CHECK(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != NULL);
        CHECK(strstr(doc, "<w:br w:type=\"page\"/>") != NULL);
        CHECK(strstr(doc, "<w:headerReference w:type=\"default\" "
                          "r:id=\"rId3\"/>") != NULL);
        /* first data row: 100.00 right-aligned; its rate 91.67% */
        CHECK(strstr(doc, "<w:jc w:val=\"right\"/></w:pPr><w:r><w:t "
                          "xml:space=\"preserve\">100.00</w:t>") != NULL);
        CHECK(strstr(doc, ">91.67%<") != NULL);
        /* the flagged cell: shaded, marked, and the legend */
        CHECK_INT(occurs(doc, "w:fill=\"FFE699\""), 1);
        CHECK_INT(occurs(doc, "<w:shd w:val=\"clear\" w:color=\"auto\" "
                              "w:fill=\"FFE699\"/>"), 1);
        CHECK(strstr(doc, "<w:tcPr><w:tcW w:w=\"") != NULL);
        CHECK_INT(occurs(doc, "<w:tcW w:w=\""), occurs(doc, "<w:tc>"));
        CHECK_INT(occurs(doc, "▲ </w:t>"), 1);
        CHECK(strstr(doc, "注：标“▲”的单元格") != NULL);
        /* the lines above the table: left, a tab, right */
        CHECK(strstr(doc, "示例市清河区城市管理局</w:t></w:r><w:r><w:tab/>"
                          "</w:r><w:r><w:t xml:space=\"preserve\">单位：万元"
                          "</w:t>") != NULL);
        /* details: the summary in bold, lines in their own style */
        CHECK(strstr(doc, "<w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">"
                          "执行率得分的计算过程") != NULL);
        CHECK_INT(occurs(doc, "<w:pStyle w:val=\"JxDetail\"/>"), 2);
        /* the charts are not in the document the unit hands in */
        CHECK(strstr(doc, "各项支出预算数与执行数") == NULL);
        CHECK_INT(occurs(doc, "<w:pStyle w:val=\"Heading1\"/>"), 2);
        CHECK_INT(occurs(doc, "<w:pStyle w:val=\"Heading2\"/>"), 1);
        CHECK_INT(occurs(doc, "<w:pStyle w:val=\"JxRight\"/>"), 1);
    }
    free(doc);
    char *sty = entry(out.p, out.len, "word/styles.xml");
    if (sty) {
        CHECK(strstr(sty, "w:eastAsia=\"仿宋_GB2312\"") != NULL);
        CHECK(strstr(sty, "w:ascii=\"Times New Roman\"") != NULL);
        CHECK(strstr(sty, "w:eastAsia=\"黑体\"") != NULL);
        CHECK(strstr(sty, "w:eastAsia=\"楷体_GB2312\"") != NULL);
        CHECK(strstr(sty, "w:firstLineChars=\"200\"") != NULL);
        CHECK(strstr(sty, "<w:sz w:val=\"32\"/>") != NULL);
        CHECK(strstr(sty, "w:styleId=\"Title\"") != NULL);
    }
    free(sty);
    char *ftr = entry(out.p, out.len, "word/footer1.xml");
    if (ftr) {
        CHECK(strstr(ftr, "jixiao 生成") != NULL);
        CHECK(strstr(ftr, ">第 <") != NULL);
        CHECK(strstr(ftr, "> PAGE <") != NULL);
        CHECK(strstr(ftr, "> 页 共 <") != NULL);
        CHECK(strstr(ftr, "> NUMPAGES <") != NULL);
    }
    free(ftr);
    char *hdr = entry(out.p, out.len, "word/header1.xml");
    if (hdr) {
        CHECK(strstr(hdr, d->header) != NULL);
    }
    free(hdr);
    char *core = entry(out.p, out.len, "docProps/core.xml");
    if (core) {
        CHECK(strstr(core, "<dc:title>示例市清河区城市管理局2024年度部门整体"
                           "支出绩效自评报告</dc:title>") != NULL);
    }
    free(core);
    /* the same document gives the same bytes */
    struct jx_buf again;
    CHECK_INT(docx(d, &again, &dg), 0);
    CHECK(again.len == out.len && memcmp(again.p, out.p, out.len) == 0);
    jx_buf_release(&again);
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* The sample's DOCX read back by jixiao's DOCX importer: headings,
 * the table with its merged header cells and values. */
static void docx_import(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    CHECK_INT(docx(d, &out, &dg), 0);
    struct jx_doc *doc =
        jx_import_docx(a, "s.docx", out.p, out.len, NULL, &dg);
    CHECK(doc != NULL);
    CHECK_INT(dg.n, 0);
    if (doc) {
        CHECK_INT(doc->ntables, 1); /* the charts are not written */
        CHECK(doc->blocks[0].kind == JX_DOC_PARA);
        CHECK_STR(doc->blocks[0].para.text, d->title);
        int h1 = 0;
        for (size_t i = 0; i < doc->nblocks; i++) {
            if (doc->blocks[i].kind == JX_DOC_PARA &&
                doc->blocks[i].para.heading == 1) {
                h1++;
            }
        }
        CHECK_INT(h1, 2);
        const struct jx_doc_table *t = nth_table(doc, 3);
        if (t) {
            CHECK_INT(t->nrows, 2 + JX_SAMPLE_ROWS);
            CHECK_INT(t->ncols, 5);
            const struct jx_doc_cell *c = jx_doc_cell_at(t, 0, 0);
            CHECK(c && c->rowspan == 2 && strcmp(c->text, "项目") == 0);
            c = jx_doc_cell_at(t, 0, 2);
            CHECK(c && c->col == 1 && c->colspan == 3 &&
                  strcmp(c->text, "经费控制情况") == 0);
            CHECK_STR(jx_doc_text_at(t, 1, 3), "2024年决算数");
            CHECK_STR(jx_doc_text_at(t, 2, 1), "100.00");
            CHECK_STR(jx_doc_text_at(t, 2, 4), "91.67%");
            CHECK_STR(jx_doc_text_at(t, 5, 4), "▲ 91.70%");
            CHECK_STR(jx_doc_text_at(t, 121, 0),
                      "120、专项资金第 120 项（含运行维护）");
        }
    }
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Markup characters are escaped; invalid UTF-8 and control characters
 * are repaired with one warning (R106), and the XML stays readable. */
static void docx_text_repair(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "标题 <&> \"'");
    jx_report_para(d, JX_RS_BODY, "a<b&c>\"d\xff\x01" "e\tf\r\ng");
    jx_report_heading(d, 1, "一、]]> &amp;");
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    CHECK_INT(docx(d, &out, &dg), 0);
    CHECK_INT(count(&dg, "R106"), 1);
    CHECK_STR(msg(&dg, "R106"),
              "文字中有 2 个无效字符（不是有效的 UTF-8，或是 XML 不允许的"
              "控制字符），已替换为 U+FFFD 或删去");
    char *doc = entry(out.p, out.len, "word/document.xml");
    if (doc) {
        CHECK(strstr(doc, "a&lt;b&amp;c&gt;&quot;d\xEF\xBF\xBD" "e</w:t><w:tab/>"
                          "<w:t xml:space=\"preserve\">f</w:t>") != NULL);
        CHECK(strstr(doc, "]]&gt; &amp;amp;") != NULL);
    }
    free(doc);
    struct jx_diags d2;
    jx_diags_init(&d2, a);
    struct jx_doc *back = jx_import_docx(a, "t.docx", out.p, out.len, NULL,
                                         &d2);
    CHECK(back != NULL);
    if (back) {
        CHECK_INT(d2.n, 0);
        CHECK_INT(back->nblocks, 4);
        CHECK_STR(back->blocks[0].para.text, "标题 <&> \"'");
        CHECK_STR(back->blocks[1].para.text, "a<b&c>\"d\xEF\xBF\xBD" "e\tf");
        CHECK_STR(back->blocks[2].para.text, "g");
        CHECK_STR(back->blocks[3].para.text, "一、]]> &amp;");
        CHECK_INT(back->blocks[3].para.heading, 1);
    }
    jx_diags_release(&d2);
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Overlapping cells are dropped (R103), columns past Word's 63 are cut
 * (R104), a table too large fails (R105), and so does output past the
 * buffer's limit (R102). */
static void docx_limits(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "t");
    struct jx_rtable *t = jx_report_table(d, 2, 1);
    jx_rtable_cell(d, t, 0, 0, 2, 2, "大");
    jx_rtable_cell(d, t, 1, 1, 1, 1, "重叠");
    struct jx_rtable *w = jx_report_table(d, 70, 0);
    jx_rtable_cell(d, w, 0, 69, 1, 1, "远");
    jx_rtable_cell(d, w, 0, 60, 1, 5, "跨");
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    CHECK_INT(docx(d, &out, &dg), 0);
    CHECK_INT(count(&dg, "R103"), 1);
    CHECK_STR(msg(&dg, "R103"), "表格 1 第 2 行第 2 列的单元格与其他单元格重叠，已略去");
    CHECK_INT(dg.a[0].loc.table, 1);
    CHECK_INT(count(&dg, "R104"), 1);
    CHECK_STR(msg(&dg, "R104"), "表格 2 有 70 列，超过 Word 的上限 63 列，超出部分已略去");
    char *doc = entry(out.p, out.len, "word/document.xml");
    if (doc) {
        CHECK(strstr(doc, "重叠") == NULL);
        CHECK(strstr(doc, "远") == NULL);
        CHECK(strstr(doc, ">跨<") != NULL);
        CHECK_INT(occurs(doc, "<w:gridCol "), 2 + 63);
    }
    free(doc);
    jx_buf_release(&out);

    /* a buffer too small for the package */
    jx_diags_release(&dg);
    jx_diags_init(&dg, a);
    jx_buf_init(&out, 1000);
    CHECK_INT(jx_report_docx(d, &out, &dg), -1);
    CHECK_INT(count(&dg, "R102"), 1);
    CHECK_STR(msg(&dg, "R102"), "DOCX 过大：超过 1000 字节的上限");
    CHECK_INT(out.len, 0);
    jx_buf_release(&out);

    /* 2,000,000 rows × 3 columns */
    struct jx_report_doc *big = jx_report_new(a, "t");
    struct jx_rtable *bt = jx_report_table(big, 3, 0);
    jx_rtable_cell(big, bt, 1999999, 0, 1, 1, "x");
    jx_diags_release(&dg);
    jx_diags_init(&dg, a);
    CHECK_INT(docx(big, &out, &dg), -1);
    CHECK_INT(count(&dg, "R105"), 1);
    CHECK_STR(msg(&dg, "R105"),
              "表格 1 过大：2000000 行 × 3 列，超过 4000000 个格子的上限");
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A document with nothing but its title, and empty tables and charts,
 * still makes a valid package. */
static void docx_minimal(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "");
    jx_report_table(d, 3, 1);
    jx_report_chart(d, JX_CHART_BARS, 0);
    jx_report_details(d, "", 0);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    CHECK_INT(docx(d, &out, &dg), 0);
    CHECK_INT(dg.n, 0);
    struct jx_doc *back = jx_import_docx(a, "m.docx", out.p, out.len, NULL,
                                         &dg);
    CHECK(back != NULL);
    CHECK_INT(dg.n, 0);
    char *doc = entry(out.p, out.len, "word/document.xml");
    if (doc) {
        /* the empty table is left out; the chart is jixiao's */
        CHECK_INT(occurs(doc, "<w:tbl>"), 0);
        CHECK(strstr(doc, "<w:sectPr>") != NULL);
    }
    free(doc);
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* One thread's DOCX of the sample (docx_threads): written four times,
 * ok when every copy has the bytes of want. */
struct docx_job {
    const struct jx_buf *want;
    int ok;
};

/* Thread body of docx_threads: its own arena and sample document. */
static void *docx_job_run(void *arg)
{
    struct docx_job *j = arg;
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    j->ok = 1;
    for (int i = 0; i < 4; i++) {
        struct jx_buf out;
        if (docx(d, &out, &dg) != 0 || out.len != j->want->len ||
            memcmp(out.p, j->want->p, out.len) != 0) {
            j->ok = 0;
        }
        jx_buf_release(&out);
    }
    jx_diags_release(&dg);
    jx_arena_free(a);
    return NULL;
}

/* The fixed parts are copied compressed from a template built once per
 * process: they read back as the exact constants, and threads writing
 * at the same time get the same bytes as one thread alone. */
static void docx_threads(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf want;
    CHECK_INT(docx(d, &want, &dg), 0);
    char *app = entry(want.p, want.len, "docProps/app.xml");
    if (app) {
        CHECK_STR(app,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\" "
                  "standalone=\"yes\"?>\n<Properties xmlns=\"http://"
                  "schemas.openxmlformats.org/officeDocument/2006/"
                  "extended-properties\"><Application>jixiao</Application>"
                  "</Properties>");
    }
    free(app);
    char *rels = entry(want.p, want.len, "word/_rels/document.xml.rels");
    if (rels) {
        CHECK_INT(occurs(rels, "<Relationship "), 4);
        CHECK(strstr(rels, "Target=\"footer1.xml\"/></Relationships>") !=
              NULL);
    }
    free(rels);
    /* every central directory entry: deflated (8) with the "maximum
     * compression" flag (bit 1) libzip's level 9 sets, whether the part
     * came from the template, from one zlib state per document, or not */
    int entries = 0;
    for (size_t i = 0; i + 12 <= want.len; i++) {
        const unsigned char *q = (const unsigned char *)want.p + i;
        if (memcmp(q, "PK\x01\x02", 4) == 0) {
            entries++;
            CHECK_INT(q[8] | q[9] << 8, 2);
            CHECK_INT(q[10] | q[11] << 8, 8);
        }
    }
    CHECK_INT(entries, 10);
    struct docx_job jobs[3];
    pthread_t t[3];
    for (int i = 0; i < 3; i++) {
        jobs[i].want = &want;
        jobs[i].ok = 0;
        CHECK(pthread_create(&t[i], NULL, docx_job_run, &jobs[i]) == 0);
    }
    for (int i = 0; i < 3; i++) {
        CHECK(pthread_join(t[i], NULL) == 0);
        CHECK_INT(jobs[i].ok, 1);
    }
    jx_buf_release(&want);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* The little-endian 32-bit number at q. */
static unsigned long le32(const unsigned char *q)
{
    return (unsigned long)q[0] | (unsigned long)q[1] << 8 |
           (unsigned long)q[2] << 16 | (unsigned long)q[3] << 24;
}

/* A part far larger than the chunks libxml2 hands over (some 4 KB) is
 * deflated as it is written: it reads back whole, its CRC-32 and size
 * in the central directory are those of the XML read back, and the
 * same document written again (the thread's deflate state reused)
 * gives the same bytes. */
static void docx_streamed(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "长文");
    char line[64];
    for (int i = 1; i <= 3000; i++) {
        snprintf(line, sizeof line, "第%d段：预算执行率按年末数计算。", i);
        jx_report_para(d, JX_RS_BODY, line);
    }
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out, again;
    CHECK_INT(docx(d, &out, &dg), 0);
    CHECK_INT(docx(d, &again, &dg), 0);
    CHECK_INT(dg.n, 0);
    CHECK(out.len == again.len && memcmp(out.p, again.p, out.len) == 0);
    char *doc = entry(out.p, out.len, "word/document.xml");
    if (doc) {
        size_t n = strlen(doc);
        CHECK(n > 400000);
        CHECK_INT(occurs(doc, "预算执行率按年末数计算"), 3000);
        CHECK(strstr(doc, ">第1段：") != NULL);
        CHECK(strstr(doc, ">第3000段：") != NULL);
        CHECK(strstr(doc, "</w:body></w:document>") != NULL);
        int found = 0;
        for (size_t i = 0; i + 46 + 17 <= out.len; i++) {
            const unsigned char *q = (const unsigned char *)out.p + i;
            if (memcmp(q, "PK\x01\x02", 4) == 0 &&
                (q[28] | q[29] << 8) == 17 &&
                memcmp(q + 46, "word/document.xml", 17) == 0) {
                found = 1;
                CHECK(le32(q + 16) ==
                      crc32(crc32(0, Z_NULL, 0), (const Bytef *)doc,
                            (uInt)n));
                CHECK(le32(q + 24) == n);
                CHECK(le32(q + 20) < n / 5);
            }
        }
        CHECK_INT(found, 1);
    }
    free(doc);
    jx_buf_release(&out);
    jx_buf_release(&again);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A run whose text is all dropped (control characters) still writes
 * its w:t, empty, as an open and a close tag. */
static void docx_empty_text(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "题");
    jx_report_para(d, JX_RS_BODY, "\x01\x02");
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    CHECK_INT(docx(d, &out, &dg), 0);
    CHECK_INT(count(&dg, "R106"), 1);
    char *doc = entry(out.p, out.len, "word/document.xml");
    if (doc) {
        CHECK_INT(occurs(doc, "<w:r><w:t xml:space=\"preserve\"></w:t>"
                              "</w:r>"), 1);
    }
    free(doc);
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A row taller than half a page may split across pages (else it would
 * be cut at the page's bottom); short rows and header rows may not. */
static void docx_long_row(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "t");
    struct jx_rtable *t = jx_report_table(d, 2, 1);
    jx_rtable_cell(d, t, 0, 0, 1, 1, "指标");
    jx_rtable_cell(d, t, 0, 1, 1, 1, "偏差原因分析及改进措施");
    jx_rtable_cell(d, t, 1, 0, 1, 1, "短");
    struct jx_buf longs;
    jx_buf_init(&longs, 1u << 20);
    for (int i = 0; i < 2000; i++) {
        jx_buf_adds(&longs, "字");
    }
    jx_rtable_cell(d, t, 1, 1, 1, 1, longs.p);
    jx_rtable_cell(d, t, 2, 0, 1, 1, "短");
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    CHECK_INT(docx(d, &out, &dg), 0);
    char *doc = entry(out.p, out.len, "word/document.xml");
    if (doc) {
        CHECK_INT(occurs(doc, "<w:tr>"), 3);
        CHECK_INT(occurs(doc, "<w:cantSplit/>"), 2);
        CHECK(strstr(doc, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>"
                          "</w:trPr>") != NULL);
        CHECK(strstr(doc, "<w:tr><w:trPr/>") != NULL);
        CHECK(strstr(doc, longs.p) != NULL);
    }
    free(doc);
    jx_buf_release(&longs);
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A form with an inner header row, a vertical merge, a total row and a
 * line below: two tables (the second's first row the repeated header),
 * w:vMerge restart/continue, keepNext on the rows kept together; read
 * back, the merge is a row span. */
static void docx_form(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "t");
    struct jx_rtable *t = jx_report_table(d, 2, 0);
    jx_rtable_cell(d, t, 0, 0, 1, 1, "名称");
    jx_rtable_cell(d, t, 0, 1, 1, 1, "某单位");
    jx_rtable_cell(d, t, 1, 0, 1, 1, "一级指标")->header = true;
    jx_rtable_cell(d, t, 1, 1, 1, 1, "得分")->header = true;
    jx_rtable_cell(d, t, 2, 0, 2, 1, "产出指标");
    jx_rtable_cell(d, t, 2, 1, 1, 1, "10.00");
    jx_rtable_cell(d, t, 3, 1, 1, 1, "5.00");
    jx_rtable_cell(d, t, 4, 0, 1, 1, "总分");
    jx_rtable_cell(d, t, 4, 1, 1, 1, "15.00");
    t->subhead_row = 1;
    t->below = "填表人：某";
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    CHECK_INT(docx(d, &out, &dg), 0);
    CHECK_INT(dg.n, 0);
    char *doc = entry(out.p, out.len, "word/document.xml");
    if (doc) {
        CHECK_INT(occurs(doc, "<w:tbl>"), 2);
        CHECK_INT(occurs(doc, "<w:tblHeader/>"), 1);
        const char *second = strstr(strstr(doc, "</w:tbl>"), "<w:tbl>");
        CHECK(second && strstr(second, "<w:tr><w:trPr><w:cantSplit/>"
                                       "<w:tblHeader/></w:trPr>") ==
                            strstr(second, "<w:tr>"));
        CHECK_INT(occurs(doc, "<w:vMerge w:val=\"restart\"/>"), 1);
        CHECK_INT(occurs(doc, "<w:vMerge/>"), 1);
        /* the gap, row 0 (before the second part), the header row, the
         * row before the total and the total (before the line below):
         * 1 + 4 × 2 paragraphs */
        CHECK_INT(occurs(doc, "<w:pStyle w:val=\"JxTable\"/><w:keepNext/>"),
                  9);
    }
    free(doc);
    struct jx_doc *back = jx_import_docx(a, "f.docx", out.p, out.len, NULL,
                                         &dg);
    CHECK(back != NULL);
    const struct jx_doc_table *t2 = back ? nth_table(back, 2) : NULL;
    CHECK(t2 != NULL);
    if (t2) {
        const struct jx_doc_cell *c = jx_doc_cell_at(t2, 1, 0);
        CHECK(c != NULL);
        CHECK_STR(c ? c->text : "", "产出指标");
        CHECK_INT(c ? c->rowspan : 0, 2);
    }
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* ---- XLSX ------------------------------------------------------------- */

/* Write d as XLSX into dir/name and read it back (malloc'd), or NULL. */
static char *xlsx(const struct jx_report_doc *d, const char *dir,
                  const char *name, struct jx_diags *dg, size_t *len,
                  int *rc)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    *rc = jx_report_xlsx(d, path, dg);
    char *p = NULL;
    if (jx_read_file(path, 64u << 20, &p, len) < 0) {
        p = NULL;
    }
    unlink(path);
    return p;
}

/* The sample as XLSX: one sheet 基础数据表 in the layout of
 * JX_REPORT_XLSX_TOP, read back by jixiao's importer; formulas with
 * cached values, merges, print titles and area, frozen header. */
static void xlsx_sample(void)
{
    const char *dir = tmpdir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    size_t len = 0;
    int rc = -1;
    char *data = xlsx(d, dir, "s.xlsx", &dg, &len, &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(dg.n, 0);
    CHECK(data != NULL);
    struct jx_doc *doc =
        data ? jx_import_xlsx(a, "s.xlsx", data, len, NULL, &dg) : NULL;
    CHECK(doc != NULL);
    if (doc) {
        /* libxlsxwriter prints doubles with 16 digits (0.9168 as
         * 0.9167999999999999); the writer rewrites each number as its
         * exact decimal, so nothing is rounded on reading back */
        CHECK_INT(count(&dg, "I306"), 0);
        CHECK_INT(dg.count[JX_SEV_ROUNDING], 0);
        CHECK_INT(dg.n, 0);
        CHECK_STR(text_at(nth_table(doc, 1), "E6"), "91.68%");
        CHECK_INT(doc->ntables, 1);
        const struct jx_doc_table *t = nth_table(doc, 1);
        CHECK_STR(t ? t->name : NULL, "基础数据表");
        CHECK_STR(text_at(t, "A1"), "预算单位整体支出绩效评价基础数据表");
        CHECK_INT(at_ref(t, "A1") ? at_ref(t, "A1")->colspan : 0, 5);
        CHECK_STR(text_at(t, "A2"), "预算单位名称：示例市清河区城市管理局");
        CHECK_STR(text_at(t, "E2"), "单位：万元");
        CHECK_STR(text_at(t, "A3"), "项目");
        CHECK_INT(at_ref(t, "A3") ? at_ref(t, "A3")->rowspan : 0, 2);
        CHECK_STR(text_at(t, "B3"), "经费控制情况");
        CHECK_INT(at_ref(t, "B3") ? at_ref(t, "B3")->colspan : 0, 3);
        CHECK_STR(text_at(t, "E3"), "执行率");
        CHECK_STR(text_at(t, "D4"), "2024年决算数");
        CHECK_STR(text_at(t, "A5"), "1、专项资金第 1 项（含运行维护）");
        CHECK_STR(text_at(t, "B5"), "100");
        CHECK_STR(text_at(t, "C5"), "120");
        CHECK_STR(text_at(t, "D5"), "110");
        CHECK_STR(text_at(t, "E5"), "91.67%");
        CHECK_STR(text_at(t, "B124"), "144.03");
        CHECK_STR(text_at(t, "A125"),
                  "填表人：王晓明　　联系电话：0999-6123456　　单位负责人：陈立新");
        CHECK_INT(t->nrows, 125);
    }
    char *sheet = data ? entry(data, len, "xl/worksheets/sheet1.xml") : NULL;
    if (sheet) {
        CHECK(strstr(sheet, "<f>ROUND(D5/C5,4)</f><v>0.9167</v>") != NULL);
        /* exact decimals, never libxlsxwriter's 16-digit text */
        CHECK(strstr(sheet, "<v>0.9168</v>") != NULL);
        CHECK(strstr(sheet, "0.9167999") == NULL);
        CHECK(strstr(sheet, "000000") == NULL);
        CHECK(strstr(sheet, "999999") == NULL);
        CHECK_INT(occurs(sheet, "<f>"), JX_SAMPLE_ROWS);
        CHECK(strstr(sheet, "<mergeCell ref=\"B3:D3\"/>") != NULL);
        CHECK(strstr(sheet, "<mergeCell ref=\"A3:A4\"/>") != NULL);
        CHECK(strstr(sheet, "<mergeCell ref=\"A1:E1\"/>") != NULL);
        CHECK(strstr(sheet, "ySplit=\"4\" topLeftCell=\"A5\"") != NULL);
        CHECK(strstr(sheet, "<pageSetUpPr fitToPage=\"1\"/>") != NULL);
        CHECK(strstr(sheet, "paperSize=\"9\"") != NULL);
        CHECK(strstr(sheet, "&amp;C第 &amp;P 页 共 &amp;N 页") != NULL);
    }
    free(sheet);
    char *wb = data ? entry(data, len, "xl/workbook.xml") : NULL;
    if (wb) {
        CHECK(strstr(wb, "_xlnm.Print_Titles") != NULL);
        CHECK(strstr(wb, "'基础数据表'!$1:$4") != NULL);
        CHECK(strstr(wb, "'基础数据表'!$A$1:$E$125") != NULL);
    }
    free(wb);
    char *core = data ? entry(data, len, "docProps/core.xml") : NULL;
    if (core) {
        CHECK(strstr(core, d->title) != NULL);
    }
    free(core);
    /* the flagged cell's comment and a derivation */
    char *com = data ? entry(data, len, "xl/comments1.xml") : NULL;
    if (com) {
        CHECK(strstr(com, "填报数与复核计算结果不一致") != NULL);
        CHECK(strstr(com, "执行率 = 本年决算数 ÷ 本年预算数 = 91.67%") != NULL);
    }
    free(com);
    free(data);
    jx_diags_release(&dg);
    jx_arena_free(a);
    rmdir(dir);
}

/* Sheet names: illegal characters replaced, cut to 31, duplicates
 * numbered (without regard to case), reserved names replaced; each
 * change reported (R302).  Tables without a sheet name are skipped. */
static void xlsx_names(void)
{
    const char *dir = tmpdir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    static const char *const want[] = {
        "a/b:c", "A_B_C", "'引号'", "History",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二",
        "", NULL};
    static const char *const got[] = {
        "a_b_c", "A_B_C (2)", "引号", "表4",
        "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一",
        "表6", NULL, "表7"};
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "名称");
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        struct jx_rtable *t = jx_report_table(d, 1, 0);
        t->sheet = want[i];
        jx_rtable_cell(d, t, 0, 0, 1, 1, "x");
    }
    jx_report_table(d, 1, 0)->sheet = "表7";
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    size_t len = 0;
    int rc = -1;
    char *data = xlsx(d, dir, "n.xlsx", &dg, &len, &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(count(&dg, "R302"), 6);
    CHECK_STR(msg(&dg, "R302"),
              "工作表名称“a/b:c”不合法或与其他工作表重复，改为“a_b_c”");
    struct jx_doc *doc =
        data ? jx_import_xlsx(a, "n.xlsx", data, len, NULL, &dg) : NULL;
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(doc->ntables, 7);
        int k = 0;
        for (size_t i = 0; i < sizeof got / sizeof got[0]; i++) {
            if (!got[i]) {
                continue; /* the table without a sheet name */
            }
            const struct jx_doc_table *t = nth_table(doc, ++k);
            CHECK_STR(t ? t->name : NULL, got[i]);
        }
    }
    free(data);
    jx_diags_release(&dg);
    jx_arena_free(a);
    rmdir(dir);
}

/* A document without sheets gets one sheet with its title; an
 * unwritable path fails with the system's reason (R301). */
static void xlsx_title_and_io(void)
{
    const char *dir = tmpdir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "审核意见");
    jx_report_para(d, JX_RS_BODY, "正文不写入工作簿。");
    jx_report_table(d, 2, 1); /* no sheet name */
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    size_t len = 0;
    int rc = -1;
    char *data = xlsx(d, dir, "t.xlsx", &dg, &len, &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(dg.n, 0);
    struct jx_doc *doc =
        data ? jx_import_xlsx(a, "t.xlsx", data, len, NULL, &dg) : NULL;
    CHECK(doc != NULL);
    if (doc) {
        const struct jx_doc_table *t = nth_table(doc, 1);
        CHECK_STR(t ? t->name : NULL, "说明");
        CHECK_STR(text_at(t, "A1"), "审核意见");
        CHECK_INT(doc->ntables, 1);
    }
    free(data);
    CHECK_INT(jx_report_xlsx(d, "/nonexistent-dir/x/t.xlsx", &dg), -1);
    CHECK_INT(count(&dg, "R301"), 1);
    CHECK_STR(msg(&dg, "R301"), "无法写入 XLSX 文件：文件或目录不存在");
    /* a temporary file's failure names the file the user asked for */
    jx_diags_release(&dg);
    jx_diags_init(&dg, a);
    CHECK_INT(jx_report_xlsx_as(d, "/nonexistent-dir/x/out.xlsx.tmp.1",
                                "报告/out.xlsx", &dg),
              -1);
    CHECK_INT(dg.n, 1);
    CHECK_STR(dg.n ? dg.a[0].loc.file : NULL, "报告/out.xlsx");
    CHECK_STR(msg(&dg, "R301"), "无法写入 XLSX 文件：文件或目录不存在");
    jx_diags_release(&dg);
    jx_arena_free(a);
    rmdir(dir);
}

/* Overlapping cells are dropped (R304), long text is cut (R303), bad
 * text repaired (R306); a table past a sheet's size fails and leaves
 * no file (R305). */
static void xlsx_limits(void)
{
    const char *dir = tmpdir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "t");
    struct jx_rtable *t = jx_report_table(d, 2, 1);
    t->sheet = "表";
    jx_rtable_cell(d, t, 0, 0, 2, 2, "大\xff");
    jx_rtable_cell(d, t, 1, 1, 1, 1, "重叠");
    char *longs = malloc(40001);
    memset(longs, 'x', 40000);
    longs[40000] = '\0';
    jx_rtable_cell(d, t, 2, 0, 1, 1, longs);
    free(longs);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    size_t len = 0;
    int rc = -1;
    char *data = xlsx(d, dir, "l.xlsx", &dg, &len, &rc);
    CHECK_INT(rc, 0);
    CHECK_INT(count(&dg, "R304"), 1);
    CHECK_STR(msg(&dg, "R304"),
              "表格 1 第 2 行第 2 列的单元格与其他单元格重叠，已略去");
    CHECK_INT(count(&dg, "R303"), 1);
    CHECK_STR(msg(&dg, "R303"), "文字超过 Excel 的上限 32767 个字符，已截断");
    for (size_t i = 0; i < dg.n; i++) {
        if (strcmp(dg.a[i].code, "R303") == 0) {
            CHECK_STR(dg.a[i].loc.sheet, "表");
            CHECK_STR(dg.a[i].loc.cell, "A5");
        }
    }
    CHECK_INT(count(&dg, "R306"), 1);
    struct jx_doc *doc =
        data ? jx_import_xlsx(a, "l.xlsx", data, len, NULL, &dg) : NULL;
    if (doc) {
        const struct jx_doc_table *tb = nth_table(doc, 1);
        CHECK_STR(text_at(tb, "A3"), "大\xEF\xBF\xBD");
        CHECK_INT(strlen(text_at(tb, "A5")), 32767);
    }
    free(data);

    struct jx_report_doc *big = jx_report_new(a, "t");
    struct jx_rtable *bt = jx_report_table(big, 1, 0);
    bt->sheet = "大表";
    jx_rtable_cell(big, bt, 1048575, 0, 1, 1, "x");
    jx_diags_release(&dg);
    jx_diags_init(&dg, a);
    char path[512];
    snprintf(path, sizeof path, "%s/big.xlsx", dir);
    CHECK_INT(jx_report_xlsx(big, path, &dg), -1);
    CHECK_INT(count(&dg, "R305"), 1);
    CHECK_INT(access(path, F_OK), -1);
    jx_diags_release(&dg);
    jx_arena_free(a);
    rmdir(dir);
}

/* The number text of a worksheet: "%.16G" output rounded to 15
 * significant digits, plain notation, trailing zeros dropped. */
static void xlsx_number_text(void)
{
    static const struct {
        const char *in, *out;
    } ok[] = {
        {"9.800000000000001", "9.8"},
        {"78.09999999999999", "78.1"},
        {"0.9167999999999999", "0.9168"},
        {"0.4864683819073893", "0.486468381907389"},
        {"9.999999999999999", "10"},
        {"-99.59999999999999", "-99.6"},
        {"-12.5", "-12.5"},
        {"100", "100"},
        {"0", "0"},
        {"-0", "0"},
        {"0.00", "0"},
        {"1E-05", "0.00001"},
        {"2.5E+2", "250"},
        {"1.5E+25", "1.5E+25"},
        {"1.234E-25", "1.234E-25"},
        {"123456789012345678", "123456789012346000"},
        {"0.0001234", "0.0001234"},
        {"+7", "7"},
    };
    static const char *const bad[] = {"", "-", "abc", "1e", "1.2.3", "1E+",
                                      "12a", ".", "1 "};
    struct jx_buf b;
    jx_buf_init(&b, 1024);
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        jx_buf_reset(&b);
        CHECK(jx_xlsx_number_text(ok[i].in, strlen(ok[i].in), &b));
        CHECK_STR(b.p, ok[i].out);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        jx_buf_reset(&b);
        CHECK(!jx_xlsx_number_text(bad[i], strlen(bad[i]), &b));
        CHECK_INT(b.len, 0);
    }
    /* numeric cells rewritten; strings, formula text, booleans and
     * empty cells kept */
    const char *xml =
        "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>9.800000000000001</v></c>"
        "<c r=\"B1\" t=\"s\"><v>3</v></c>"
        "<c r=\"C1\" s=\"2\"><f>ROUND(A1,2)</f>"
        "<v>0.9167999999999999</v></c>"
        "<c r=\"D1\" t=\"str\"><f>\"1.000000000000001\"</f>"
        "<v>1.000000000000001</v></c>"
        "<c r=\"E1\" s=\"1\"/><c r=\"F1\" t=\"n\"><v>2.50</v></c>"
        "<c r=\"G1\" t=\"b\"><v>1</v></c><c r=\"H1\"><v>15</v></c></row>";
    jx_buf_reset(&b);
    CHECK_INT(jx_xlsx_sheet_numbers(xml, strlen(xml), &b), 3);
    CHECK_STR(b.p,
              "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>9.8</v></c>"
              "<c r=\"B1\" t=\"s\"><v>3</v></c>"
              "<c r=\"C1\" s=\"2\"><f>ROUND(A1,2)</f><v>0.9168</v></c>"
              "<c r=\"D1\" t=\"str\"><f>\"1.000000000000001\"</f>"
              "<v>1.000000000000001</v></c>"
              "<c r=\"E1\" s=\"1\"/><c r=\"F1\" t=\"n\"><v>2.5</v></c>"
              "<c r=\"G1\" t=\"b\"><v>1</v></c><c r=\"H1\"><v>15</v></c>"
              "</row>");
    jx_buf_release(&b);
}

const struct jx_test t_report_ooxml[] = {
    {"report_ooxml.docx_sample", docx_sample},
    {"report_ooxml.docx_import", docx_import},
    {"report_ooxml.docx_text_repair", docx_text_repair},
    {"report_ooxml.docx_limits", docx_limits},
    {"report_ooxml.docx_minimal", docx_minimal},
    {"report_ooxml.docx_threads", docx_threads},
    {"report_ooxml.docx_streamed", docx_streamed},
    {"report_ooxml.docx_empty_text", docx_empty_text},
    {"report_ooxml.docx_long_row", docx_long_row},
    {"report_ooxml.docx_form", docx_form},
    {"report_ooxml.xlsx_sample", xlsx_sample},
    {"report_ooxml.xlsx_names", xlsx_names},
    {"report_ooxml.xlsx_title_and_io", xlsx_title_and_io},
    {"report_ooxml.xlsx_limits", xlsx_limits},
    {"report_ooxml.xlsx_number_text", xlsx_number_text},
    {NULL, NULL},
};
