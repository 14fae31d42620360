/*
 * t_import_xlsx.c - tests of the XLSX importer (lib/import/import_xlsx.c) and
 * of the fill-in template (lib/report/report_template.c): cell texts (numbers as
 * exact decimal text rounded to 15 significant digits, percentages,
 * dates, strings of every kind), merged cells, provenance, hostile
 * references and limits on hand-made workbooks; the template's layout
 * read back; and a template filled with libxlsxwriter imported and
 * recognised.
 */
#include "harness.h"

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include <zip.h>

#include "jixiao/import.h"
#include "import/import_formats.h"
#include "recognise/recognise.h"
#include "jixiao/template.h"
#include "docbuild.h"

/* ---- building workbooks in memory ----------------------------------- */

/* One part of a ZIP: name and NUL-terminated content. */
struct part {
    const char *name;
    const char *data;
};

/* A ZIP holding the parts, in a new malloc'd buffer (*len bytes). */
static char *make_zip(const struct part *parts, size_t n, size_t *len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    zip_source_keep(src);
    for (size_t i = 0; i < n; i++) {
        zip_source_t *s =
            zip_source_buffer(za, parts[i].data, strlen(parts[i].data), 0);
        zip_file_add(za, parts[i].name, s, ZIP_FL_ENC_UTF_8);
    }
    zip_close(za);
    zip_source_open(src);
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    zip_source_read(src, buf, (zip_uint64_t)size);
    zip_source_close(src);
    zip_source_free(src);
    *len = (size_t)size;
    return buf;
}

static const char CT[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"xml\" "
    "ContentType=\"application/xml\"/></Types>";
static const char RELS[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\"><Relationship "
    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
    "2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";
static const char WB_RELS[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/></Relationships>";
static const char WB1[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas."
    "openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://"
    "schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"表一\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
    "</workbook>";
static const char STYLES[] =
    "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas."
    "openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"3\">"
    "<numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"&quot;%&quot;0.00\"/>"
    "</numFmts><cellStyleXfs count=\"1\"><xf numFmtId=\"10\"/></cellStyleXfs>"
    "<cellXfs count=\"7\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/>"
    "<xf numFmtId=\"9\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/>"
    "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/></cellXfs></styleSheet>";
static const char SST[] =
    "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/"
    "spreadsheetml/2006/main\" count=\"4\" uniqueCount=\"4\">"
    "<si><t>预算单位名称</t></si>"
    "<si><r><rPr><b/></rPr><t>产出</t></r><r><t xml:space=\"preserve\">"
    "指标 </t></r><rPh sb=\"0\" eb=\"1\"><t>チャン</t></rPh></si>"
    "<si><t>第一行_x000D_\n第二行</t></si>"
    "<si><t>  　全年执行数\u00a0 </t></si>"
    "</sst>";

/* A one-sheet workbook ("表一") whose sheetData is `rows` and whose
 * tail (after sheetData) is `tail`; *len gets the size.  malloc'd. */
static char *book(const char *rows, const char *tail, size_t *len)
{
    struct jx_buf sheet;
    jx_buf_init(&sheet, 1u << 24);
    jx_buf_addf(&sheet,
                "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas."
                "openxmlformats.org/spreadsheetml/2006/main\"><sheetData>%s"
                "</sheetData>%s</worksheet>",
                rows, tail ? tail : "");
    struct part parts[] = {
        {"[Content_Types].xml", CT},
        {"_rels/.rels", RELS},
        {"xl/workbook.xml", WB1},
        {"xl/_rels/workbook.xml.rels", WB_RELS},
        {"xl/styles.xml", STYLES},
        {"xl/sharedStrings.xml", SST},
        {"xl/worksheets/sheet1.xml", sheet.p},
    };
    char *z = make_zip(parts, sizeof parts / sizeof parts[0], len);
    jx_buf_release(&sheet);
    return z;
}

/* Import data with the default limits (or lim). */
static struct jx_doc *import(struct jx_arena *a, struct jx_diags *d,
                             const char *data, size_t len,
                             const struct jx_limits *lim)
{
    jx_diags_init(d, a);
    return jx_import_xlsx(a, "t.xlsx", data, len, lim, d);
}

/* The cell of table t (1-based) at A1 reference ref, or NULL. */
static const struct jx_doc_cell *find_cell(const struct jx_doc *doc, int t,
                                           const char *ref)
{
    int seen = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind != JX_DOC_TABLE || ++seen != t) {
            continue;
        }
        const struct jx_doc_table *tb = doc->blocks[i].table;
        for (size_t k = 0; k < tb->ncells; k++) {
            if (strcmp(jx_doc_a1_name(doc->arena, tb->cells[k].row,
                                      tb->cells[k].col),
                       ref) == 0) {
                return &tb->cells[k];
            }
        }
    }
    return NULL;
}

/* The cell of table t at ref; a failure and an empty cell when there
 * is none. */
#define cell(doc, t, ref) cell_at(__LINE__, (doc), (t), (ref))

/* (see cell) */
static const struct jx_doc_cell *cell_at(int line, const struct jx_doc *doc,
                                         int t, const char *ref)
{
    static const struct jx_doc_cell none = {"", 0, 0, 1, 1};
    const struct jx_doc_cell *c = find_cell(doc, t, ref);
    if (!c) {
        jx_test_fail(__FILE__, line, "no cell %s in table %d", ref, t);
        return &none;
    }
    return c;
}

/* The text of a cell (NULL when there is none). */
static const char *text(const struct jx_doc *doc, int t, const char *ref)
{
    const struct jx_doc_cell *c = find_cell(doc, t, ref);
    return c ? c->text : NULL;
}

/* The table with 1-based number t; a failure and an empty table when
 * there is none. */
#define table(doc, t) table_at(__LINE__, (doc), (t))

/* (see table) */
static const struct jx_doc_table *table_at(int line, const struct jx_doc *doc,
                                           int t)
{
    static const struct jx_doc_table none;
    int seen = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind == JX_DOC_TABLE && ++seen == t) {
            return doc->blocks[i].table;
        }
    }
    jx_test_fail(__FILE__, line, "no table %d", t);
    return &none;
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

/* ---- cells ---------------------------------------------------------- */

/* Numbers: the <v> text rounded to 15 significant digits as decimal
 * text, with a rounding finding when digits were dropped. */
static void numbers(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    char *z = book(
        "<row r=\"1\"><c r=\"A1\"><v>1902.68</v></c>"
        "<c r=\"B1\"><v>124599.99999999999</v></c>"
        "<c r=\"C1\"><v>4.0000000000000007E-4</v></c>"
        "<c r=\"D1\"><v>9.300000000000001</v></c>"
        "<c r=\"E1\" t=\"n\"><v> -0.5 </v></c>"
        "<c r=\"F1\"><v>1E+20</v></c>"
        "<c r=\"G1\"><v>1.5E+300</v></c>"
        "<c r=\"H1\"><v>123456789012345678</v></c>"
        "<c r=\"I1\"><v>0.99999999999999989</v></c>"
        "<c r=\"J1\"><v>-0</v></c>"
        "<c r=\"K1\"><v>abc</v></c>"
        "<c r=\"L1\"><v>3911.21</v></c>"
        "<c r=\"M1\"><v>0.1234567890123449</v></c>"
        "<c r=\"N1\"><f>SUM(A1)</f></c></row>",
        NULL, &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(doc->source, JX_SRC_XLSX);
        CHECK_STR(text(doc, 1, "A1"), "1902.68");
        CHECK_STR(text(doc, 1, "B1"), "124600");
        CHECK_STR(text(doc, 1, "C1"), "0.0004");
        CHECK_STR(text(doc, 1, "D1"), "9.3");
        CHECK_STR(text(doc, 1, "E1"), "-0.5");
        CHECK_STR(text(doc, 1, "F1"), "100000000000000000000");
        CHECK_STR(text(doc, 1, "G1"), "1.5E+300");
        CHECK_STR(text(doc, 1, "H1"), "123456789012346000");
        CHECK_STR(text(doc, 1, "I1"), "1");
        CHECK_STR(text(doc, 1, "J1"), "0");
        CHECK_STR(text(doc, 1, "K1"), "abc");
        CHECK_STR(text(doc, 1, "L1"), "3911.21");
        CHECK_STR(text(doc, 1, "M1"), "0.123456789012345");
        /* a formula without a cached value is empty, and the used
         * range ends before it */
        CHECK(text(doc, 1, "N1") == NULL);
        CHECK_INT(table(doc, 1)->ncols, 13);
    }
    CHECK_INT(count(&d, "I306"), 6);
    CHECK_INT(count(&d, "I305"), 1);
    CHECK_INT(d.count[JX_SEV_ROUNDING], 6);
    CHECK_STR(msg(&d, "I306"), "数值 124599.99999999999 超过 15 位有效数字，"
                               "按 Excel 显示取为 124600");
    CHECK_STR(d.a[0].loc.sheet, "表一");
    CHECK_STR(d.a[0].loc.cell, "B1");
    CHECK_STR(d.a[0].loc.file, "t.xlsx");
    CHECK_STR(msg(&d, "I305"), "数值“abc”无法识别，按文字读取");
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Percent and date formats: the percentage as shown, dates as
 * YYYY-MM-DD. */
static void formats(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    char *z = book(
        "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0.4864683819073893</v></c>"
        "<c r=\"B2\" s=\"1\"><v>1</v></c>"
        "<c r=\"C2\" s=\"2\"><v>0.875</v></c>"
        "<c r=\"D2\" s=\"3\"><v>0.12345</v></c>"
        "<c r=\"E2\" s=\"1\"><v>1.0207</v></c>"
        "<c r=\"F2\" s=\"6\"><v>0.5</v></c>"
        "<c r=\"G2\" s=\"1\"><v>0.00004</v></c>"
        "<c r=\"H2\" s=\"99\"><v>0.25</v></c></row>"
        "<row r=\"3\"><c r=\"A3\" s=\"4\"><v>45849</v></c>"
        "<c r=\"B3\" s=\"5\"><v>45849.75</v></c>"
        "<c r=\"C3\" s=\"4\"><v>60</v></c>"
        "<c r=\"D3\" s=\"4\"><v>61</v></c>"
        "<c r=\"E3\" s=\"4\"><v>1</v></c>"
        "<c r=\"F3\" s=\"4\"><v>0</v></c>"
        "<c r=\"G3\" s=\"4\"><v>-3</v></c>"
        "<c r=\"H3\" s=\"4\"><v>2958465</v></c>"
        "<c r=\"I3\" s=\"4\"><v>2958466</v></c>"
        "<c r=\"J3\" t=\"d\"><v>2025-07-11T00:00:00</v></c></row>",
        NULL, &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_STR(text(doc, 1, "A2"), "48.65%");
        CHECK_STR(text(doc, 1, "B2"), "100.00%");
        CHECK_STR(text(doc, 1, "C2"), "88%");
        CHECK_STR(text(doc, 1, "D2"), "12.3%");
        CHECK_STR(text(doc, 1, "E2"), "102.07%");
        CHECK_STR(text(doc, 1, "F2"), "0.5");
        CHECK_STR(text(doc, 1, "G2"), "0.00%");
        CHECK_STR(text(doc, 1, "H2"), "0.25");
        CHECK_STR(text(doc, 1, "A3"), "2025-07-11");
        CHECK_STR(text(doc, 1, "B3"), "2025-07-11");
        CHECK_STR(text(doc, 1, "C3"), "1900-02-29");
        CHECK_STR(text(doc, 1, "D3"), "1900-03-01");
        CHECK_STR(text(doc, 1, "E3"), "1900-01-01");
        CHECK_STR(text(doc, 1, "F3"), "0");
        CHECK_STR(text(doc, 1, "G3"), "-3");
        CHECK_STR(text(doc, 1, "H3"), "9999-12-31");
        CHECK_STR(text(doc, 1, "I3"), "2958466");
        CHECK_STR(text(doc, 1, "J3"), "2025-07-11");
    }
    /* 0.4864683819073893 has 16 significant digits */
    CHECK_INT(d.n, 1);
    CHECK_INT(count(&d, "I306"), 1);
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Strings: shared (rich runs joined, phonetic runs left out, _x000D_
 * decoded, trimmed), inline, formula strings, booleans and errors. */
static void strings(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    char *z = book(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
        "<c r=\"B1\" t=\"s\"><v>1</v></c>"
        "<c r=\"C1\" t=\"s\"><v>2</v></c>"
        "<c r=\"D1\" t=\"s\"><v>3</v></c>"
        "<c r=\"E1\" t=\"s\"><v>4</v></c>"
        "<c r=\"F1\" t=\"s\"><v>-1</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><r><t>年初</t></r>"
        "<r><t>预算数</t></r></is></c>"
        "<c r=\"B2\" t=\"str\"><f>IF(1,\"x\",\"\")</f><v>不适用</v></c>"
        "<c r=\"C2\" t=\"str\"><f>IF(1,\"\",\"x\")</f><v></v></c>"
        "<c r=\"D2\" t=\"b\"><v>1</v></c>"
        "<c r=\"E2\" t=\"b\"><v>0</v></c>"
        "<c r=\"F2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>"
        "<c r=\"G2\" t=\"inlineStr\"><is><t>a_x005F_x000D_b</t></is></c>"
        "<c r=\"H2\" t=\"inlineStr\"><is><t>  </t></is></c></row>",
        NULL, &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_STR(text(doc, 1, "A1"), "预算单位名称");
        CHECK_STR(text(doc, 1, "B1"), "产出指标");
        CHECK_STR(text(doc, 1, "C1"), "第一行\n第二行");
        CHECK_STR(text(doc, 1, "D1"), "全年执行数");
        CHECK_STR(text(doc, 1, "E1"), "");
        CHECK_STR(text(doc, 1, "F1"), "");
        CHECK_STR(text(doc, 1, "A2"), "年初预算数");
        CHECK_STR(text(doc, 1, "B2"), "不适用");
        CHECK_STR(text(doc, 1, "C2"), "");
        CHECK_STR(text(doc, 1, "D2"), "TRUE");
        CHECK_STR(text(doc, 1, "E2"), "FALSE");
        CHECK_STR(text(doc, 1, "F2"), "#DIV/0!");
        CHECK_STR(text(doc, 1, "G2"), "a_x000D_b");
        CHECK(text(doc, 1, "H2") == NULL);
        CHECK_INT(table(doc, 1)->ncells, 14);
    }
    CHECK_INT(count(&d, "I304"), 2);
    CHECK_STR(msg(&d, "I304"), "共享字符串编号“4”不存在（共 4 个）");
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Merged cells: the top-left carries the spans (added empty when it
 * has no text), other cells of the range are dropped; the grid and the
 * provenance follow. */
static void merges(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    char *z = book(
        "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>年度预算申请</t>"
        "</is></c><c r=\"B1\" t=\"inlineStr\"><is><t>hidden</t></is></c>"
        "<c r=\"D1\"><v>7</v></c></row>"
        "<row r=\"3\"><c r=\"B3\"><v>2</v></c></row>",
        "<mergeCells count=\"4\"><mergeCell ref=\"A1:C2\"/>"
        "<mergeCell ref=\"D5:E5\"/><mergeCell ref=\"C2:A1\"/>"
        "<mergeCell ref=\"A1\"/></mergeCells>",
        &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        const struct jx_doc_table *t = table(doc, 1);
        CHECK_INT(t->ncells, 19);
        CHECK_INT(t->nrows, 5);
        CHECK_INT(t->ncols, 5);
        CHECK_STR(t->name, "表一");
        CHECK_INT(t->index, 1);
        const struct jx_doc_cell *c = cell(doc, 1, "A1");
        CHECK_INT(c->rowspan, 2);
        CHECK_INT(c->colspan, 3);
        CHECK_INT(c->row, 0);
        CHECK_INT(c->col, 0);
        CHECK_STR(tb_cell_prov(doc, c).sheet, "表一");
        CHECK_STR(tb_cell_prov(doc, c).cell, "A1");
        CHECK_STR(tb_cell_prov(doc, c).file, "t.xlsx");
        CHECK(text(doc, 1, "B1") == NULL);
        CHECK_STR(jx_doc_text_at(t, 1, 2), "年度预算申请");
        CHECK_STR(jx_doc_text_at(t, 0, 3), "7");
        CHECK_STR(jx_doc_text_at(t, 2, 1), "2");
        c = cell(doc, 1, "D5");
        CHECK_STR(c->text, "");
        CHECK_INT(c->colspan, 2);
        CHECK_INT(c->row, 4);
        CHECK_INT(c->col, 3);
        struct jx_buf b;
        jx_buf_init(&b, 4096);
        jx_doc_dump(doc, &b);
        /* dense: the uncovered positions of the used range are empty
         * cells, as in a table from text or DOCX */
        CHECK_STR(b.p, "T1 表一5x5\n"
                       "T1 0,0 +2,3: 年度预算申请\n"
                       "T1 0,3 +1,1: 7\n"
                       "T1 0,4 +1,1: \n"
                       "T1 1,3 +1,1: \n"
                       "T1 1,4 +1,1: \n"
                       "T1 2,0 +1,1: \n"
                       "T1 2,1 +1,1: 2\n"
                       "T1 2,2 +1,1: \n"
                       "T1 2,3 +1,1: \n"
                       "T1 2,4 +1,1: \n"
                       "T1 3,0 +1,1: \n"
                       "T1 3,1 +1,1: \n"
                       "T1 3,2 +1,1: \n"
                       "T1 3,3 +1,1: \n"
                       "T1 3,4 +1,1: \n"
                       "T1 4,0 +1,1: \n"
                       "T1 4,1 +1,1: \n"
                       "T1 4,2 +1,1: \n"
                       "T1 4,3 +1,2: \n");
        jx_buf_release(&b);
    }
    CHECK_INT(count(&d, "I308"), 2);
    CHECK_STR(msg(&d, "I308"), "合并区域“C2:A1”无效，已忽略");
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The document's cells come by row and column whatever the order of
 * the sheet (rows and cells out of order, a merged range, a duplicate
 * keeping the first), dense with the uncovered positions empty, or
 * sparse when the used range is too large (the cells are put from the
 * last to the first: this is their order). */
static void cell_order(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    char *z =
        book("<row r=\"3\"><c r=\"C3\"><v>3</v></c><c r=\"A3\"><v>1</v></c>"
             "</row><row r=\"1\"><c r=\"B1\"><v>5</v></c></row>"
             "<row r=\"2\"><c r=\"B2\"><v>8</v></c><c r=\"A2\" t=\"inlineStr\">"
             "<is><t>合并</t></is></c><c r=\"A2\"><v>9</v></c></row>",
             "<mergeCells count=\"1\"><mergeCell ref=\"A2:B2\"/></mergeCells>",
             &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        struct jx_buf b;
        jx_buf_init(&b, 4096);
        jx_doc_dump(doc, &b);
        CHECK_STR(b.p, "T1 表一3x3\n"
                       "T1 0,0 +1,1: \n"
                       "T1 0,1 +1,1: 5\n"
                       "T1 0,2 +1,1: \n"
                       "T1 1,0 +1,2: 合并\n"
                       "T1 1,2 +1,1: \n"
                       "T1 2,0 +1,1: 1\n"
                       "T1 2,1 +1,1: \n"
                       "T1 2,2 +1,1: 3\n");
        jx_buf_release(&b);
    }
    CHECK_INT(count(&d, "I312"), 1);
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
    a = jx_arena_new();
    z = book("<row r=\"600\"><c r=\"D600\"><v>4</v></c>"
             "<c r=\"B600\"><v>2</v></c></row>"
             "<row r=\"1\"><c r=\"A1\"><v>1</v></c>"
             "<c r=\"Z1\"><v>3</v></c></row>"
             "<row r=\"9000\"><c r=\"ZZ9000\"><v>5</v></c></row>",
             NULL, &len);
    doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        const struct jx_doc_table *t = table(doc, 1);
        CHECK_INT(t->ncells, 5);
        const char *want[] = {"1", "3", "2", "4", "5"};
        const int rows[] = {0, 0, 599, 599, 8999};
        for (size_t i = 0; i < t->ncells && i < 5; i++) {
            CHECK_STR(t->cells[i].text, want[i]);
            CHECK_INT(t->cells[i].row, rows[i]);
        }
    }
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Hostile references are refused with a finding; rows and cells
 * without references follow their predecessors; duplicates keep the
 * first. */
static void references(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    char *z = book(
        "<row r=\"1\"><c r=\"A99999999\"><v>1</v></c>"
        "<c r=\"XFE1\"><v>2</v></c><c r=\"XFD1048576\"><v>3</v></c>"
        "<c r=\"1A\"><v>4</v></c><c r=\"A0\"><v>5</v></c></row>"
        "<row r=\"0\"><c><v>6</v></c></row>"
        "<row r=\"4\"><c><v>7</v></c><c><v>8</v></c>"
        "<c r=\"B4\"><v>9</v></c></row>"
        "<row><c r=\"C5\"><v>10</v></c><c><v>11</v></c></row>",
        NULL, &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        const struct jx_doc_table *t = table(doc, 1);
        CHECK_STR(text(doc, 1, "A4"), "7");
        CHECK_STR(text(doc, 1, "B4"), "8");
        CHECK_STR(text(doc, 1, "C5"), "10");
        CHECK_STR(text(doc, 1, "D5"), "11");
        CHECK_STR(text(doc, 1, "XFD1048576"), "3");
        CHECK_INT(t->ncells, 5);
        /* XFD1048576 makes the grid too large */
        CHECK(t->grid == NULL);
    }
    CHECK_INT(count(&d, "I303"), 5);
    CHECK_STR(msg(&d, "I303"),
              "单元格引用“A99999999”无效或超出 A1:XFD1048576，已忽略");
    CHECK_INT(count(&d, "I312"), 1);
    CHECK_INT(count(&d, "I309"), 1);
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Sheets come in workbook order, named, whatever their part names;
 * a sheet whose part is missing stays an empty table with a finding,
 * a chart sheet is skipped. */
static void workbook_order(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    static const char wb[] =
        "<workbook xmlns:r=\"http://schemas.openxmlformats.org/"
        "officeDocument/2006/relationships\"><workbookPr date1904=\"1\"/>"
        "<sheets><sheet name=\"整体支出绩效自评表\" r:id=\"rB\"/>"
        "<sheet name=\"基础数据表\" r:id=\"rA\"/>"
        "<sheet name=\"图\" r:id=\"rC\"/><sheet name=\"缺\" r:id=\"rD\"/>"
        "</sheets></workbook>";
    static const char rels[] =
        "<Relationships><Relationship Id=\"rA\" Type=\"x/worksheet\" "
        "Target=\"/xl/worksheets/../ws/a.xml\"/>"
        "<Relationship Id=\"rB\" Type=\"x/worksheet\" Target=\"./ws/b.xml\"/>"
        "<Relationship Id=\"rC\" Type=\"x/chartsheet\" Target=\"c.xml\"/>"
        "<Relationship Id=\"rD\" Type=\"x/worksheet\" Target=\"none.xml\"/>"
        "<Relationship Id=\"rE\" Type=\"x/sharedStrings\" Target=\"s.xml\"/>"
        "</Relationships>";
    static const char sa[] =
        "<worksheet><sheetData><row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c>"
        "<c r=\"C2\"><v>0</v></c></row></sheetData></worksheet>";
    static const char sb[] =
        "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c>"
        "</row></sheetData></worksheet>";
    static const char sst[] = "<sst><si><t>甲</t></si><si><t>乙</t></si></sst>";
    struct part parts[] = {
        {"[Content_Types].xml", CT}, {"xl/workbook.xml", wb},
        {"xl/_rels/workbook.xml.rels", rels}, {"xl/ws/a.xml", sa},
        {"xl/ws/b.xml", sb}, {"xl/s.xml", sst},
    };
    char *z = make_zip(parts, sizeof parts / sizeof parts[0], &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(doc->nblocks, 3);
        CHECK_STR(table(doc, 1)->name, "整体支出绩效自评表");
        CHECK_STR(table(doc, 2)->name, "基础数据表");
        CHECK_STR(table(doc, 3)->name, "缺");
        CHECK(table(doc, 3)->truncated);
        CHECK_INT(table(doc, 3)->ncells, 0);
        CHECK_STR(text(doc, 1, "A1"), "乙");
        CHECK_STR(text(doc, 2, "B2"), "甲");
        CHECK_STR(tb_cell_prov(doc, cell(doc, 2, "B2")).sheet, "基础数据表");
        CHECK_INT(cell(doc, 2, "B2")->row, 1);
        CHECK_INT(cell(doc, 2, "B2")->col, 1);
        CHECK_STR(text(doc, 2, "C2"), "0");
    }
    CHECK_INT(count(&d, "I310"), 1);
    CHECK_INT(count(&d, "I302"), 1);
    CHECK_STR(msg(&d, "I302"), "工作表“缺”的内容（xl/none.xml）不存在或无法读取");
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Broken files give NULL with a finding: not a ZIP, no workbook, a
 * malformed workbook, no sheets; a malformed sheet keeps what was read
 * before the error. */
static void broken(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    CHECK(import(a, &d, "not a zip at all", 16, NULL) == NULL);
    CHECK(d.n > 0);
    jx_diags_release(&d);

    struct part p1[] = {{"[Content_Types].xml", CT}, {"xl/x.xml", "<a/>"}};
    char *z = make_zip(p1, 2, &len);
    CHECK(import(a, &d, z, len, NULL) == NULL);
    CHECK_INT(count(&d, "I301"), 1);
    CHECK_STR(msg(&d, "I301"), "不是可读的 XLSX 工作簿：缺少 xl/workbook.xml");
    free(z);
    jx_diags_release(&d);

    struct part p2[] = {{"xl/workbook.xml", "<workbook><sheets>"}};
    z = make_zip(p2, 1, &len);
    CHECK(import(a, &d, z, len, NULL) == NULL);
    CHECK_INT(count(&d, "I211"), 1);
    CHECK_INT(count(&d, "I301"), 1);
    free(z);
    jx_diags_release(&d);

    struct part p3[] = {{"xl/workbook.xml", "<workbook><sheets/></workbook>"}};
    z = make_zip(p3, 1, &len);
    CHECK(import(a, &d, z, len, NULL) == NULL);
    CHECK_STR(msg(&d, "I301"), "不是可读的 XLSX 工作簿：没有工作表");
    free(z);
    jx_diags_release(&d);

    z = book("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"2\">"
             "<c r=\"A2\"><v>2</v></c></row><row r=\"3\"><c r=\"A3\"><v>",
             "<", &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK(table(doc, 1)->truncated);
        CHECK_STR(text(doc, 1, "A2"), "2");
        CHECK(text(doc, 1, "A3") == NULL);
    }
    CHECK_INT(count(&d, "I211"), 1);
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The document's cell limit stops reading with one finding and marks
 * the table truncated. */
static void cell_limit(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_cells = 3;
    char *z = book("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</v>"
                   "</c><c r=\"C1\"><v>3</v></c><c r=\"D1\"><v>4</v></c>"
                   "<c r=\"E1\"><v>5</v></c></row>",
                   NULL, &len);
    struct jx_doc *doc = import(a, &d, z, len, &lim);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(table(doc, 1)->ncells, 3);
        CHECK(table(doc, 1)->truncated);
        CHECK_STR(text(doc, 1, "C1"), "3");
    }
    CHECK_INT(count(&d, "I307"), 1);
    CHECK_STR(msg(&d, "I307"), "单元格超过上限 3 个，其余的未读取");
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A string over Excel's 32,767 characters is cut with one finding. */
static void long_string(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    struct jx_buf rows;
    jx_buf_init(&rows, 1u << 22);
    jx_buf_adds(&rows, "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>");
    for (int i = 0; i < 40000; i++) {
        jx_buf_adds(&rows, "字");
    }
    jx_buf_adds(&rows, "</t></is></c></row>");
    char *z = book(rows.p, NULL, &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        const char *t = text(doc, 1, "A1");
        CHECK(t != NULL);
        CHECK_INT(t ? jx_utf8_count(t, strlen(t)) : 0, 32767);
    }
    CHECK_INT(count(&d, "I311"), 1);
    free(z);
    jx_buf_release(&rows);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Rows 1..n of inline strings "第N行：" followed by N % 7 + 1 "数"
 * (lengths vary, so the 64 KiB chunks of the inflated sheet cut tags
 * and three-byte characters), in buf. */
static void long_rows(struct jx_buf *buf, int n)
{
    for (int r = 1; r <= n; r++) {
        jx_buf_addf(buf, "<row r=\"%d\"><c r=\"A%d\" t=\"inlineStr\"><is><t>"
                         "第%d行：", r, r, r);
        for (int k = 0; k < r % 7 + 1; k++) {
            jx_buf_adds(buf, "数");
        }
        jx_buf_adds(buf, "</t></is></c></row>");
    }
}

/* Set the declared inflated size of the entry `name` in both its local
 * header and the central directory of z[0..len) (a header that lies). */
static void lie_size(char *z, size_t len, const char *name, unsigned size)
{
    size_t nl = strlen(name);
    unsigned char b[4] = {(unsigned char)size, (unsigned char)(size >> 8),
                          (unsigned char)(size >> 16),
                          (unsigned char)(size >> 24)};
    for (size_t i = 0; i + 46 + nl <= len; i++) {
        if (memcmp(z + i, "PK\3\4", 4) == 0 && i + 30 + nl <= len &&
            memcmp(z + i + 30, name, nl) == 0) {
            memcpy(z + i + 22, b, 4);
        } else if (memcmp(z + i, "PK\1\2", 4) == 0 &&
                   memcmp(z + i + 46, name, nl) == 0) {
            memcpy(z + i + 24, b, 4);
        }
    }
}

/* A sheet past one 64 KiB chunk is read as it inflates: every cell
 * whole whatever the cuts; the findings in the order of the file, an
 * XML error in a later chunk after a bad reference of the first, the
 * cells before it kept; a header that lies about the sheet's size is
 * refused (I208) with the sheet not read (I302), the findings its first
 * chunk raised dropped, as when the entry was read whole first. */
static void streamed(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    size_t len;
    struct jx_buf rows;
    jx_buf_init(&rows, 1u << 24);
    long_rows(&rows, 3000);
    CHECK(rows.len > 3 * 65536);
    char *z = book(rows.p, NULL, &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(table(doc, 1)->ncells, 3000);
        CHECK(!table(doc, 1)->truncated);
        CHECK_STR(text(doc, 1, "A1"), "第1行：数数");
        CHECK_STR(text(doc, 1, "A1500"), "第1500行：数数数");
        CHECK_STR(text(doc, 1, "A3000"), "第3000行：数数数数数");
    }
    CHECK_INT(d.n, 0);
    free(z);
    jx_diags_release(&d);

    /* a bad reference first, malformed XML past the first chunk */
    jx_buf_reset(&rows);
    jx_buf_adds(&rows, "<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>");
    long_rows(&rows, 2000);
    jx_buf_adds(&rows, "<row r=\"2001\"><c r=\"A2001\"><v>7</v></x>");
    z = book(rows.p, NULL, &len);
    doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK(table(doc, 1)->truncated);
        CHECK_STR(text(doc, 1, "A2000"), "第2000行：数数数数数数");
        CHECK(text(doc, 1, "A2001") == NULL);
    }
    CHECK_INT(d.n, 2);
    if (d.n == 2) {
        CHECK_STR(d.a[0].code, "I303");
        CHECK_STR(d.a[1].code, "I211");
    }
    free(z);
    jx_diags_release(&d);

    /* the sheet's header says 100,000 bytes: its first chunk is parsed,
       then it is refused past them */
    jx_buf_reset(&rows);
    jx_buf_adds(&rows, "<row r=\"1\"><c r=\"ZZZZ1\"><v>1</v></c></row>");
    long_rows(&rows, 3000);
    z = book(rows.p, NULL, &len);
    lie_size(z, len, "xl/worksheets/sheet1.xml", 100000);
    doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK(table(doc, 1)->truncated);
        CHECK_INT(table(doc, 1)->ncells, 0);
    }
    CHECK_INT(count(&d, "I208"), 1);
    CHECK_INT(count(&d, "I302"), 1);
    CHECK_INT(count(&d, "I303"), 0);
    CHECK_INT(d.n, 2);
    free(z);
    jx_buf_release(&rows);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- the template --------------------------------------------------- */

/* A fresh temporary directory (static buffer) or NULL. */
static const char *tmpdir(void)
{
    static char dir[256];
    const char *base = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/jx-xlsx-XXXXXX", base ? base : "/tmp");
    return mkdtemp(dir);
}

/* Read a whole file (malloc'd) or NULL. */
static char *slurp(const char *path, size_t *len)
{
    char *p = NULL;
    if (jx_read_file(path, 64u << 20, &p, len) < 0) {
        return NULL;
    }
    return p;
}

/* The template writes four sheets with the printed headers at the
 * documented positions, merged header cells, the 分值 10, and formulas
 * whose cached result is empty (read as empty, never 0). */
static void template_layout(void)
{
    const char *dir = tmpdir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    char path[512];
    snprintf(path, sizeof path, "%s/t.xlsx", dir);
    const char *why = NULL;
    CHECK_INT(jx_template_xlsx_write(path, 2024, &why), 0);
    size_t len = 0;
    char *data = slurp(path, &len);
    CHECK(data != NULL);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    struct jx_doc *doc = data ? import(a, &d, data, len, NULL) : NULL;
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(d.n, 0);
        CHECK_INT(doc->ntables, 4);
        CHECK_STR(table(doc, 1)->name, "填表说明");
        CHECK_STR(table(doc, 2)->name, "基础数据表");
        CHECK_STR(table(doc, 3)->name, "整体支出绩效自评表");
        CHECK_STR(table(doc, 4)->name, "项目支出绩效自评表");
        /* 基础数据表 */
        CHECK_STR(text(doc, 2, "A1"),
                  "2024年度预算单位整体支出绩效评价基础数据表");
        CHECK_INT(cell(doc, 2, "A1")->colspan, 7);
        CHECK_STR(text(doc, 2, "A2"), "预算单位名称");
        CHECK_INT(cell(doc, 2, "B2")->colspan, 6);
        CHECK_STR(text(doc, 2, "B2"), "");
        CHECK_STR(text(doc, 2, "A3"), "财政供养人员情况(人)");
        CHECK_INT(cell(doc, 2, "A3")->rowspan, 2);
        CHECK_STR(text(doc, 2, "B3"), "编制数");
        CHECK_STR(text(doc, 2, "D3"), "2024年实际在职人数");
        CHECK_STR(text(doc, 2, "F3"), "控制率");
        CHECK_STR(text(doc, 2, "F4"), "");
        CHECK_STR(text(doc, 2, "B5"), "2023年决算数");
        CHECK_STR(text(doc, 2, "D5"), "2024年预算数");
        CHECK_STR(text(doc, 2, "F5"), "2024年决算数");
        CHECK_STR(text(doc, 2, "A6"), "三公经费");
        CHECK_STR(text(doc, 2, "A12"), "项目支出：");
        CHECK_STR(text(doc, 2, "A15"), "3、区级专项资金(一个专项一行)");
        CHECK_STR(text(doc, 2, "A16"), "");
        CHECK_STR(text(doc, 2, "A21"), "4、上级转移支付(一个专项一行)");
        CHECK_STR(text(doc, 2, "A27"), "公用经费");
        CHECK_STR(text(doc, 2, "A32"), "部门基本支出预算调整");
        CHECK_STR(text(doc, 2, "A33"), "楼堂馆所控制情况(2024年完工项目)");
        CHECK_STR(text(doc, 2, "G33"), "投资概算控制率");
        CHECK_STR(text(doc, 2, "A37"), "厉行节约保障措施");
        CHECK_INT(table(doc, 2)->nrows, 37);
        CHECK_STR(text(doc, 1, "A2"), "填表人：");
        CHECK_STR(text(doc, 1, "B2"), "");
        CHECK_STR(text(doc, 1, "A5"), "填报日期：");
        /* 整体支出绩效自评表 */
        CHECK_STR(text(doc, 3, "A1"), "2024年度预算单位整体支出绩效自评表");
        CHECK_STR(text(doc, 3, "A3"), "年度预算申请(万元)");
        CHECK_INT(cell(doc, 3, "A3")->rowspan, 10);
        CHECK_STR(text(doc, 3, "C3"), "年初预算数");
        CHECK_STR(text(doc, 3, "D3"), "全年预算数");
        CHECK_STR(text(doc, 3, "E3"), "全年执行数");
        CHECK_STR(text(doc, 3, "F3"), "分值");
        CHECK_STR(text(doc, 3, "G3"), "执行率");
        CHECK_STR(text(doc, 3, "H3"), "得分");
        CHECK_STR(text(doc, 3, "B4"), "年度资金总额");
        CHECK_STR(text(doc, 3, "F4"), "10");
        CHECK_STR(text(doc, 3, "G4"), "");
        CHECK_STR(text(doc, 3, "H4"), "");
        CHECK_STR(text(doc, 3, "B5"), "按收入性质分：");
        CHECK_INT(cell(doc, 3, "B5")->colspan, 8);
        CHECK_STR(text(doc, 3, "B6"), "其中：一般公共预算");
        CHECK_STR(text(doc, 3, "B8"), "纳入专户管理的非税收入拨款");
        CHECK_STR(text(doc, 3, "B10"), "按支出性质分：");
        CHECK_STR(text(doc, 3, "B11"), "其中：基本支出");
        CHECK_STR(text(doc, 3, "B12"), "项目支出");
        CHECK_STR(text(doc, 3, "A13"), "年度总体目标");
        CHECK_STR(text(doc, 3, "F13"), "实际完成情况");
        CHECK_STR(text(doc, 3, "A15"), "绩效指标");
        CHECK_INT(cell(doc, 3, "A15")->rowspan, 21);
        CHECK_STR(text(doc, 3, "B15"), "一级指标");
        CHECK_STR(text(doc, 3, "I15"), "偏差原因分析及改进措施");
        CHECK_STR(text(doc, 3, "A36"), "总分");
        CHECK_INT(cell(doc, 3, "A36")->colspan, 6);
        CHECK_STR(text(doc, 3, "G36"), "");
        CHECK_STR(text(doc, 3, "H36"), "");
        /* every position of the used range is a cell or covered */
        CHECK_INT(table(doc, 3)->nrows, 36);
        CHECK_INT(table(doc, 3)->ncols, 9);
        for (int r = 0; r < 36; r++) {
            for (int c = 0; c < 9; c++) {
                CHECK(jx_doc_cell_at(table(doc, 3), r, c) != NULL);
            }
        }
        /* 项目支出绩效自评表 */
        CHECK_STR(text(doc, 4, "A1"), "2024年度项目支出绩效自评表");
        CHECK_STR(text(doc, 4, "A2"), "项目支出名称");
        CHECK_STR(text(doc, 4, "E3"), "实施单位");
        CHECK_STR(text(doc, 4, "A4"), "项目资金（万元）");
        CHECK_STR(text(doc, 4, "H4"), "自评得分");
        CHECK_STR(text(doc, 4, "B6"), "其中：当年财政拨款");
        CHECK_STR(text(doc, 4, "H11"), "自评得分");
        CHECK_STR(text(doc, 4, "A32"), "总分");
        CHECK_STR(text(doc, 1, "A1"), "填表说明");
        CHECK_INT(table(doc, 1)->nrows, 14);
        CHECK_INT(table(doc, 1)->ncols, 2);
    }
    if (doc) {
        jx_diags_release(&d);
    }
    free(data);
    jx_arena_free(a);
    unlink(path);
    rmdir(dir);
}

/* An unwritable place fails with errno and a reason, leaving nothing. */
static void template_io_error(void)
{
    const char *why = NULL;
    errno = 0;
    CHECK_INT(jx_template_xlsx_write("/nonexistent-dir/x/t.xlsx", 2024, &why),
              -1);
    CHECK_INT(errno, ENOENT);
    CHECK_STR(why, "无法创建文件");
    CHECK_INT(jx_template_xlsx_write("/tmp/t.xlsx", 1800, &why), -1);
    CHECK_STR(why, "参数无效");
}

/* Values that cannot be written fail with EINVAL and a reason, and
 * leave no file. */
static void template_values_error(void)
{
    const char *dir = tmpdir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    char path[512];
    snprintf(path, sizeof path, "%s/v.xlsx", dir);
    struct jx_tpl_value bad_sheet = {JX_TPL_PROJECT + 1, 1, 1, JX_TPL_TEXT,
                                     "x"};
    struct jx_tpl_opts o = {2024, 1, &bad_sheet, 1};
    const char *why = NULL;
    errno = 0;
    CHECK_INT(jx_template_xlsx_write_opts(path, &o, &why), -1);
    CHECK_INT(errno, EINVAL);
    CHECK_STR(why, "单元格所在的表不存在");
    struct jx_tpl_value bad_num = {JX_TPL_UNIT, JX_TPL_U_TOTAL_ROW,
                                   JX_TPL_COL_FULL, JX_TPL_NUMBER, "12,3"};
    o.values = &bad_num;
    CHECK_INT(jx_template_xlsx_write_opts(path, &o, &why), -1);
    CHECK_STR(why, "数字无法识别");
    struct jx_tpl_value bad_date = {JX_TPL_HELP, JX_TPL_C_DATE,
                                    JX_TPL_C_VALUE_COL, JX_TPL_DATE,
                                    "2025.07.11"};
    o.values = &bad_date;
    CHECK_INT(jx_template_xlsx_write_opts(path, &o, &why), -1);
    CHECK_STR(why, "日期无法识别");
    CHECK(access(path, F_OK) != 0);
    rmdir(dir);
}

/* A DOCTYPE (billion laughs) in a sheet is refused by the XML reader:
 * I212, the sheet truncated, no expansion. */
static void hostile_xml(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    static const char lol[] =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
        "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
        "<is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
    struct part parts[] = {
        {"[Content_Types].xml", CT}, {"xl/workbook.xml", WB1},
        {"xl/_rels/workbook.xml.rels", WB_RELS},
        {"xl/worksheets/sheet1.xml", lol},
    };
    size_t len;
    char *z = make_zip(parts, sizeof parts / sizeof parts[0], &len);
    struct jx_doc *doc = import(a, &d, z, len, NULL);
    CHECK(doc != NULL);
    if (doc) {
        CHECK(table(doc, 1)->truncated);
        CHECK_INT(table(doc, 1)->ncells, 0);
    }
    CHECK_INT(count(&d, "I212"), 1);
    CHECK_STR(d.a[0].loc.sheet, "表一");
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- round trip: fill the template, import, recognise --------------- */

/* An indicator row of the filled test workbook. */
struct ind {
    const char *l1, *l2, *name, *target, *actual, *points, *score;
};

/* Fill the template with seed 003's figures through
 * jx_template_xlsx_write_opts (libxlsxwriter stores numbers as doubles,
 * as a spreadsheet does; computed cells get the results a spreadsheet
 * would cache). */
static int write_filled(const char *path)
{
    static const struct ind inds[] = {
        {"产出指标", "数量指标", "全年在区级及以上媒体上稿篇数", "≧100篇",
         "160篇", "4", "4"},
        {"产出指标", "质量指标", "安全生产覆盖率", "≧100%", "100%", "4", "4"},
        {"产出指标", "时效指标", "全年各项计划工作的开展与落实", "及时", "及时",
         "10", "10"},
        {"产出指标", "成本指标", "全年经费开支", "预算金额≤1902.68万元",
         "1902.68万", "10", "10"},
        {"效益指标", "社会效益指标", "社会保障逐步完善", "有效提升", "有效提升",
         "10", "10"},
        {"满意度指标", "服务对象满意度指标", "辖区老百姓满意度", "≧95%", "98%",
         "10", "10"},
    };
    const char *unit = "岳阳市岳阳楼区梅溪街道办事处";
#define T JX_TPL_TEXT
#define N JX_TPL_NUMBER
#define D JX_TPL_DATE
    struct jx_tpl_value v[80] = {
        {JX_TPL_BASE, JX_TPL_B_UNIT_ROW, 1, T, unit},
        {JX_TPL_BASE, JX_TPL_B_STAFF_ROW, 1, N, "106"},
        {JX_TPL_BASE, JX_TPL_B_STAFF_ROW, 3, N, "106"},
        {JX_TPL_BASE, JX_TPL_B_STAFF_ROW, 5, N, "1"},
        {JX_TPL_BASE, JX_TPL_B_PROJECT, JX_TPL_B_COL_PREV, N, "170.56"},
        {JX_TPL_BASE, JX_TPL_B_PROJECT, JX_TPL_B_COL_BUDGET, N, "639"},
        {JX_TPL_BASE, JX_TPL_B_PROJECT, JX_TPL_B_COL_FINAL, N, "28.79"},
        {JX_TPL_BASE, JX_TPL_B_BUSINESS, JX_TPL_B_COL_PREV, N, "170.56"},
        {JX_TPL_BASE, JX_TPL_B_BUSINESS, JX_TPL_B_COL_BUDGET, N, "639"},
        {JX_TPL_BASE, JX_TPL_B_BUSINESS, JX_TPL_B_COL_FINAL, N, "28.79"},
        {JX_TPL_BASE, JX_TPL_B_LOCAL_SPECIAL + 1, 0, T, "防汛专项"},
        {JX_TPL_BASE, JX_TPL_B_LOCAL_SPECIAL + 1, JX_TPL_B_COL_FINAL, N,
         "12.5"},
        {JX_TPL_BASE, JX_TPL_B_PUBLIC_FUNDS, JX_TPL_B_COL_PREV, N, "3363.56"},
        {JX_TPL_BASE, JX_TPL_B_PUBLIC_FUNDS, JX_TPL_B_COL_BUDGET, N, "192.6"},
        {JX_TPL_BASE, JX_TPL_B_PUBLIC_FUNDS, JX_TPL_B_COL_FINAL, N, "606.11"},
        {JX_TPL_HELP, JX_TPL_C_PREPARER, JX_TPL_C_VALUE_COL, T, "冯某"},
        {JX_TPL_HELP, JX_TPL_C_PHONE, JX_TPL_C_VALUE_COL, T, "0730-0000000"},
        {JX_TPL_HELP, JX_TPL_C_DATE, JX_TPL_C_VALUE_COL, D, "2025-07-11"},
        {JX_TPL_UNIT, JX_TPL_U_UNIT_ROW, 1, T, unit},
        {JX_TPL_UNIT, JX_TPL_U_TOTAL_ROW, JX_TPL_COL_INITIAL, N, "2402.15"},
        {JX_TPL_UNIT, JX_TPL_U_TOTAL_ROW, JX_TPL_COL_FULL, N, "3911.21"},
        {JX_TPL_UNIT, JX_TPL_U_TOTAL_ROW, JX_TPL_COL_EXECUTED, N, "1902.68"},
        {JX_TPL_UNIT, JX_TPL_U_TOTAL_ROW, JX_TPL_COL_RATE, N,
         "0.4864683819073893"},
        {JX_TPL_UNIT, JX_TPL_U_TOTAL_ROW, JX_TPL_COL_SCORE, N, "4.87"},
        {JX_TPL_UNIT, JX_TPL_U_GENERAL_BUDGET, JX_TPL_COL_EXECUTED, N,
         "1371.87"},
        {JX_TPL_UNIT, JX_TPL_U_OTHER, JX_TPL_COL_EXECUTED, N, "530.81"},
        {JX_TPL_UNIT, JX_TPL_U_BASIC, JX_TPL_COL_EXECUTED, N, "1873.89"},
        {JX_TPL_UNIT, JX_TPL_U_PROJECT, JX_TPL_COL_FULL, N, "639"},
        {JX_TPL_UNIT, JX_TPL_U_PROJECT, JX_TPL_COL_EXECUTED, N, "28.79"},
        {JX_TPL_UNIT, JX_TPL_U_GOAL_ROW, JX_TPL_GOAL_EXPECTED_COL, T,
         "1、目标一。\n2、目标二。"},
        {JX_TPL_UNIT, JX_TPL_U_GOAL_ROW, JX_TPL_GOAL_ACTUAL_COL, T,
         "1、完成一。"},
        {JX_TPL_UNIT, JX_TPL_U_SUM_ROW, JX_TPL_IND_POINTS, N, "58"},
        {JX_TPL_UNIT, JX_TPL_U_SUM_ROW, JX_TPL_IND_SCORE, N, "52.87"},
        {JX_TPL_PROJECT, JX_TPL_P_NAME_ROW, 1, T, "业务工作经费"},
        {JX_TPL_PROJECT, JX_TPL_P_TOTAL_ROW, JX_TPL_COL_FULL, N, "639"},
        {JX_TPL_PROJECT, JX_TPL_P_TOTAL_ROW, JX_TPL_COL_EXECUTED, N, "28.79"},
    };
    size_t n = 0;
    while (v[n].text) {
        n++;
    }
    for (size_t i = 0; i < sizeof inds / sizeof inds[0]; i++) {
        int r = JX_TPL_U_IND_FIRST + (int)i;
        const char *cols[7] = {inds[i].l1,     inds[i].l2,     inds[i].name,
                               inds[i].target, inds[i].actual, inds[i].points,
                               inds[i].score};
        for (int c = 0; c < 7; c++) {
            v[n++] = (struct jx_tpl_value){JX_TPL_UNIT, r,
                                           JX_TPL_IND_LEVEL1 + c,
                                           c >= 5 ? N : T, cols[c]};
        }
    }
#undef T
#undef N
#undef D
    struct jx_tpl_opts o = {2024, 2, v, n};
    const char *why = NULL;
    return jx_template_xlsx_write_opts(path, &o, &why);
}

/* A filled workbook imports with exact texts and provenance; when the
 * recognisers are there, it gives the package values. */
static void round_trip(void)
{
    const char *dir = tmpdir();
    CHECK(dir != NULL);
    if (!dir) {
        return;
    }
    char path[512];
    snprintf(path, sizeof path, "%s/filled.xlsx", dir);
    CHECK_INT(write_filled(path), 0);
    size_t len = 0;
    char *data = slurp(path, &len);
    CHECK(data != NULL);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc =
        data ? jx_import_xlsx(a, "filled.xlsx", data, len, NULL, &d) : NULL;
    CHECK(doc != NULL);
    if (doc) {
        CHECK_STR(text(doc, 2, "B2"), "岳阳市岳阳楼区梅溪街道办事处");
        CHECK_INT(cell(doc, 2, "B2")->colspan, 6);
        CHECK_STR(text(doc, 2, "B4"), "106");
        CHECK_STR(text(doc, 2, "D4"), "106");
        CHECK_STR(text(doc, 2, "F4"), "100.00%");
        CHECK_STR(text(doc, 2, "B12"), "170.56");
        CHECK_STR(text(doc, 2, "D12"), "639");
        CHECK_STR(text(doc, 2, "F12"), "28.79");
        CHECK_STR(text(doc, 2, "A16"), "防汛专项");
        CHECK_STR(text(doc, 2, "F16"), "12.5");
        CHECK_STR(text(doc, 2, "D27"), "192.6");
        CHECK_STR(text(doc, 1, "B2"), "冯某");
        CHECK_STR(text(doc, 1, "B5"), "2025-07-11");
        CHECK_STR(text(doc, 3, "C4"), "2402.15");
        CHECK_STR(text(doc, 3, "D4"), "3911.21");
        CHECK_STR(text(doc, 3, "E4"), "1902.68");
        CHECK_STR(text(doc, 3, "F4"), "10");
        CHECK_STR(text(doc, 3, "G4"), "48.65%");
        CHECK_STR(text(doc, 3, "H4"), "4.87");
        CHECK_INT(cell(doc, 3, "H4")->colspan, 2);
        CHECK_STR(text(doc, 3, "E6"), "1371.87");
        CHECK_STR(text(doc, 3, "E9"), "530.81");
        CHECK_STR(text(doc, 3, "E11"), "1873.89");
        CHECK_STR(text(doc, 3, "D12"), "639");
        CHECK_STR(text(doc, 3, "E12"), "28.79");
        CHECK_STR(text(doc, 3, "B14"), "1、目标一。\n2、目标二。");
        CHECK_STR(text(doc, 3, "D16"), "全年在区级及以上媒体上稿篇数");
        CHECK_STR(text(doc, 3, "E19"), "预算金额≤1902.68万元");
        CHECK_STR(text(doc, 3, "G21"), "10");
        CHECK_STR(text(doc, 3, "H36"), "52.87");
        CHECK_STR(text(doc, 3, "I16"), "");
        const struct jx_doc_cell *c = cell(doc, 3, "G4");
        CHECK_STR(tb_cell_prov(doc, c).sheet, "整体支出绩效自评表");
        CHECK_STR(tb_cell_prov(doc, c).cell, "G4");
        CHECK_STR(tb_cell_prov(doc, c).file, "filled.xlsx");
        CHECK_INT(c->row, 3);
        CHECK_INT(c->col, 6);
        /* libxlsxwriter prints doubles with 16 digits (530.81 as
         * 530.8099999999999); the template rewrites every number as
         * its decimal of at most 15 digits (530.81, and 1902.68 /
         * 3911.21 as 0.486468381907389), so nothing is rounded on
         * reading */
        CHECK_INT(d.n, 0);
        CHECK_INT(count(&d, "I306"), 0);
        CHECK_INT(doc->ntables, 5);
        CHECK_STR(table(doc, 5)->name, "项目支出绩效自评表 (2)");
        CHECK_STR(text(doc, 4, "B2"), "业务工作经费");
        CHECK_STR(text(doc, 4, "D5"), "639");
        CHECK_STR(text(doc, 4, "G5"), "");
        CHECK_STR(text(doc, 4, "H5"), "");

        struct jx_package *p = jx_recognise(a, doc, &d);
        if (!p) {
            jx_test_skip("jx_recognise gave no package for the filled "
                         "workbook");
        } else {
            CHECK_STR(p->unit.name.s, "岳阳市岳阳楼区梅溪街道办事处");
            CHECK_INT(p->year.present, 1);
            CHECK_INT(p->year.v, 2024);
            CHECK_INT(p->has_unit_sheet, 1);
            const struct jx_sheet *s = &p->unit_sheet;
            CHECK_INT(s->total.budget_initial.v.fen, 2402150000);
            CHECK_INT(s->total.budget_full.v.fen, 3911210000);
            CHECK_INT(s->total.executed.v.fen, 1902680000);
            CHECK_INT(s->total.rate.v.num, 973);
            CHECK_INT(s->total.rate.v.den, 2000);
            CHECK_INT(s->total.score.v.num, 487);
            CHECK_INT(s->total.score.v.den, 100);
            if (s->total.executed.prov) {
                CHECK_STR(s->total.executed.prov->sheet,
                          "整体支出绩效自评表");
                CHECK_STR(s->total.executed.prov->cell, "E4");
            }
            CHECK_INT(s->funds[JX_FUND_GENERAL_BUDGET].executed.v.fen,
                      1371870000);
            CHECK_INT(s->funds[JX_FUND_OTHER].executed.v.fen, 530810000);
            CHECK_INT(s->funds[JX_FUND_BASIC].executed.v.fen, 1873890000);
            CHECK_INT(s->funds[JX_FUND_PROJECT].executed.v.fen, 28790000);
            CHECK_INT(s->nindicators, 6);
            if (s->nindicators == 6) {
                CHECK_STR(s->indicators[0].level1.s, "产出指标");
                CHECK_STR(s->indicators[0].name.s,
                          "全年在区级及以上媒体上稿篇数");
                CHECK_STR(s->indicators[3].target.s, "预算金额≤1902.68万元");
                CHECK_STR(s->indicators[5].actual.s, "98%");
                CHECK_INT(s->indicators[5].points.v.num, 10);
                CHECK_INT(s->indicators[5].score.v.num, 10);
            }
            CHECK_INT(s->stated_total.v.num, 5287);
            CHECK_INT(s->stated_total.v.den, 100);
            CHECK_INT(p->base.present, 1);
            CHECK_INT(p->base.authorized.v, 106);
            CHECK_INT(p->base.actual.v, 106);
            CHECK_INT(p->base.project.final.v.fen, 28790000);
            CHECK_INT(p->base.public_funds.budget.v.fen, 192600000);
        }
    }
    jx_diags_release(&d);
    free(data);
    jx_arena_free(a);
    unlink(path);
    rmdir(dir);
}

const struct jx_test t_import_xlsx[] = {
    {"import_xlsx.numbers", numbers},
    {"import_xlsx.formats", formats},
    {"import_xlsx.strings", strings},
    {"import_xlsx.merges", merges},
    {"import_xlsx.cell_order", cell_order},
    {"import_xlsx.references", references},
    {"import_xlsx.workbook_order", workbook_order},
    {"import_xlsx.broken", broken},
    {"import_xlsx.cell_limit", cell_limit},
    {"import_xlsx.long_string", long_string},
    {"import_xlsx.streamed", streamed},
    {"import_xlsx.template_layout", template_layout},
    {"import_xlsx.template_io_error", template_io_error},
    {"import_xlsx.template_values_error", template_values_error},
    {"import_xlsx.hostile_xml", hostile_xml},
    {"import_xlsx.round_trip", round_trip},
    {NULL, NULL},
};
