/*
 * t_import_docx.c - tests of the ZIP and XML readers, kind detection
 * and the DOCX importer.  DOCX files are built in memory with libzip
 * from a document body, [Content_Types].xml and an optional styles.xml;
 * the importer's dump is asserted exactly.  Hostile inputs (a zip bomb
 * streamed from a callback, billion laughs, too many entries, a
 * truncated ZIP, 100 MB of random bytes) must fail fast with bounded
 * memory.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <zip.h>

#include "import/import_xml.h"
#include "import/import_zip.h"
#include "jixiao/import.h"
#include "import/import_formats.h"
#include "jixiao/pipeline.h"
#include "docbuild.h"

/* ---- building ZIP files in memory ---------------------------------- */

/* First occurrence of needle[0..n) in hay[0..len), or NULL. */
static char *find_bytes(char *hay, size_t len, const char *needle, size_t n)
{
    for (size_t i = 0; i + n <= len; i++) {
        if (memcmp(hay + i, needle, n) == 0) {
            return hay + i;
        }
    }
    return NULL;
}

/* One file of a ZIP to build. */
struct part {
    const char *name;
    const char *data;
    size_t len;     /* 0: strlen(data) */
    bool store;     /* stored, not deflated */
};

/* Copy the bytes of an in-memory libzip source into a new malloc'd
 * buffer (owned by the caller); NULL on failure. */
static char *source_bytes(zip_source_t *src, size_t *len)
{
    if (zip_source_open(src) < 0) {
        return NULL;
    }
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t n = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    char *buf = malloc(n > 0 ? (size_t)n : 1);
    zip_int64_t got = n > 0 ? zip_source_read(src, buf, (zip_uint64_t)n) : 0;
    zip_source_close(src);
    if (got != n) {
        free(buf);
        return NULL;
    }
    *len = (size_t)n;
    return buf;
}

/* Start an empty archive in memory; *src gets its (kept) buffer source. */
static zip_t *zip_start(zip_source_t **src)
{
    zip_error_t err;
    zip_error_init(&err);
    *src = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_source_keep(*src);
    zip_t *za = zip_open_from_source(*src, ZIP_TRUNCATE, &err);
    zip_error_fini(&err);
    return za;
}

/* Close the archive and return its bytes (malloc'd, caller frees). */
static char *zip_finish(zip_t *za, zip_source_t *src, size_t *len)
{
    char *out = NULL;
    if (zip_close(za) == 0) {
        out = source_bytes(src, len);
    } else {
        zip_discard(za);
    }
    zip_source_free(src);
    return out;
}

/* Add one in-memory file (data borrowed until zip_finish). */
static void zip_put(zip_t *za, const struct part *p)
{
    size_t len = p->len ? p->len : strlen(p->data);
    zip_source_t *s = zip_source_buffer(za, p->data, len, 0);
    zip_int64_t i = zip_file_add(za, p->name, s, ZIP_FL_ENC_UTF_8);
    if (i >= 0 && p->store) {
        zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
    }
}

/* A ZIP of the given parts (malloc'd, caller frees). */
static char *make_zip(const struct part *parts, size_t n, size_t *len)
{
    zip_source_t *src;
    zip_t *za = zip_start(&src);
    for (size_t i = 0; i < n; i++) {
        zip_put(za, &parts[i]);
    }
    return zip_finish(za, src, len);
}

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Default Extension=\"xml\" "
    "ContentType=\"application/xml\"/><Override PartName=\"/word/"
    "document.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.document.main+xml\"/></Types>";

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* A document.xml around body (malloc'd, caller frees). */
static char *document_xml(const char *body)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 26);
    jx_buf_addf(&b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\" "
                "standalone=\"yes\"?>\n"
                "<w:document xmlns:w=\"" W_NS "\" xmlns:mc=\"http://"
                "schemas.openxmlformats.org/markup-compatibility/2006\" "
                "xmlns:wps=\"urn:wps\"><w:body>%s<w:sectPr/></w:body>"
                "</w:document>",
                body);
    return jx_buf_detach(&b, NULL);
}

/* A DOCX with the body (and styles.xml when styles is not NULL). */
static char *make_docx(const char *body, const char *styles, size_t *len)
{
    char *doc = document_xml(body);
    struct part parts[3] = {
        {"[Content_Types].xml", content_types, 0, false},
        {"word/document.xml", doc, 0, false},
        {"word/styles.xml", styles, 0, false},
    };
    char *z = make_zip(parts, styles ? 3 : 2, len);
    free(doc);
    return z;
}

/* Import a DOCX body; the dump of the document, or "NULL" followed by
 * the diagnostics' codes.  The result lives in arena a. */
static const char *import_body(struct jx_arena *a, const char *body,
                               const char *styles,
                               const struct jx_limits *lim,
                               struct jx_diags *d)
{
    size_t len = 0;
    char *z = make_docx(body, styles, &len);
    struct jx_doc *doc = jx_import_docx(a, "t.docx", z, len, lim, d);
    free(z);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    if (doc) {
        jx_doc_dump(doc, &b);
    } else {
        jx_buf_adds(&b, "NULL");
    }
    for (size_t i = 0; i < d->n; i++) {
        jx_buf_addf(&b, " [%s]", d->a[i].code);
    }
    const char *s = jx_strdup(a, b.p);
    jx_buf_release(&b);
    return s;
}

/* Import a body with default limits and check the dump exactly. */
static void check_body(const char *body, const char *styles,
                       const char *expect, int line)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *got = import_body(a, body, styles, NULL, &d);
    if (strcmp(got, expect) != 0) {
        jx_test_fail(__FILE__, line, "dump:\n--- expected\n%s--- got\n%s",
                     expect, got);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

#define R(text) "<w:r><w:t>" text "</w:t></w:r>"
#define P(text) "<w:p>" R(text) "</w:p>"
#define PS(style, text)                                                   \
    "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr>" R(text) "</w:p>"
#define TC(text) "<w:tc>" P(text) "</w:tc>"

static const char styles_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<w:styles xmlns:w=\"" W_NS "\">"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\">"
    "<w:name w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name "
    "w:val=\"heading 2\"/><w:basedOn w:val=\"a\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"3\"><w:name "
    "w:val=\"List Paragraph\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Big\"><w:name "
    "w:val=\"My Big\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr>"
    "</w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Bigger\"><w:name "
    "w:val=\"Bigger\"/><w:basedOn w:val=\"Big\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:name "
    "w:val=\"Loop\"/><w:basedOn w:val=\"Loop\"/></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"4\"><w:name "
    "w:val=\"heading 4 Char\"/></w:style>"
    "</w:styles>";

/* ---- tests: DOCX content ------------------------------------------- */

/* Paragraphs and heading levels from style ids, styles.xml names,
 * basedOn chains and direct outline levels; empty paragraphs are
 * skipped but counted in the provenance. */
static void paragraphs_headings(void)
{
    const char *body =
        PS("Heading1", "一、部门概况") "<w:p/>"
        "<w:p><w:r><w:t xml:space=\"preserve\">  正文 </w:t></w:r>"
        "<w:r><w:t>第二句</w:t></w:r></w:p>"
        PS("2", "（一）主要职能")
        PS("3", "列表不是标题")
        PS("Big", "大标题")
        PS("Bigger", "继承")
        PS("Loop", "循环")
        PS("标题 4", "四级")
        "<w:p><w:pPr><w:outlineLvl w:val=\"2\"/></w:pPr>" R("大纲三级")
        "</w:p>"
        "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:outlineLvl "
        "w:val=\"9\"/></w:pPr>" R("正文级别") "</w:p>"
        "<w:p>" R("　全角空格　") "</w:p>";
    check_body(body, styles_xml,
               "P1 一、部门概况\n"
               "P0 正文 第二句\n"
               "P2 （一）主要职能\n"
               "P0 列表不是标题\n"
               "P1 大标题\n"
               "P1 继承\n"
               "P0 循环\n"
               "P4 四级\n"
               "P3 大纲三级\n"
               "P0 正文级别\n"
               "P0 全角空格\n",
               __LINE__);
    /* without styles.xml, ids spell the level */
    check_body(PS("1", "甲") PS("heading 3", "乙") PS("标题2", "丙")
                   PS("Heading10", "丁"),
               NULL, "P1 甲\nP3 乙\nP2 丙\nP0 丁\n", __LINE__);

    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    size_t len;
    char *z = make_docx("<w:p/>" P("一") "<w:p/>" P("二"), NULL, &len);
    struct jx_doc *doc = jx_import_docx(a, "p.docx", z, len, NULL, &d);
    free(z);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_INT(doc->source, JX_SRC_DOCX);
        CHECK_INT(doc->nblocks, 2);
        CHECK_INT(doc->blocks[0].para.prov.table, 0);
        CHECK_INT(doc->blocks[0].para.prov.row, 2);
        CHECK_INT(doc->blocks[1].para.prov.row, 4);
        CHECK_STR(doc->blocks[1].para.prov.file, "p.docx");
    }
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Tabs, breaks and hyphens in runs; tab stops in paragraph properties
 * are not text. */
static void tabs_breaks(void)
{
    check_body("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/>"
               "</w:tabs></w:pPr><w:r><w:t>项目</w:t><w:tab/>"
               "<w:t>金额</w:t><w:br/><w:t>下一行</w:t><w:cr/>"
               "<w:t>x</w:t><w:noBreakHyphen/><w:t>y</w:t><w:br "
               "w:type=\"page\"/></w:r></w:p>",
               NULL, "P0 项目\\t金额\\n下一行\\nx-y\n", __LINE__);
}

/* Field results are text, instructions are not, nested fields too. */
static void fields(void)
{
    check_body(
        "<w:p>" R("第") "<w:fldSimple w:instr=\" PAGE \">" R("3")
        "</w:fldSimple>" R("页") "</w:p>"
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText> DOCPROPERTY Company </w:instrText></w:r>"
        R("不是文字")
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" R("某某局")
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" R("自评") "</w:p>"
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText>IF </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
        "<w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" R("9")
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
        "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" R("结果")
        "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>",
        NULL, "P0 第3页\nP0 某某局自评\nP0 结果\n", __LINE__);
}

/* Insertions kept, deletions and moved-away text dropped, content
 * controls kept without their properties, text boxes read once. */
static void tracked_changes(void)
{
    check_body(
        "<w:p>" R("原有") "<w:ins w:id=\"1\" w:author=\"a\">" R("新增")
        "</w:ins><w:del w:id=\"2\" w:author=\"a\"><w:r><w:delText>删除"
        "</w:delText></w:r></w:del><w:moveFrom w:id=\"3\">" R("移走")
        "</w:moveFrom><w:moveTo w:id=\"4\">" R("移来") "</w:moveTo></w:p>"
        "<w:p><w:pPr><w:rPr><w:del w:id=\"5\" w:author=\"a\"/></w:rPr>"
        "</w:pPr>" R("段落标记已删") "</w:p>"
        "<w:sdt><w:sdtPr><w:alias w:val=\"单位\"/><w:r><w:t>属性</w:t>"
        "</w:r></w:sdtPr><w:sdtContent>" P("控件内容") "</w:sdtContent>"
        "</w:sdt>"
        "<w:p>" R("前") "<w:r><mc:AlternateContent><mc:Choice "
        "Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>" P("框内")
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback>"
        "<w:pict><w:txbxContent>" P("框内") "</w:txbxContent></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>" R("后") "</w:p>",
        NULL,
        "P0 原有新增移来\nP0 段落标记已删\nP0 控件内容\nP0 前\\n框内后\n",
        __LINE__);
}

/* A table with gridSpan and vMerge (restart/continue), multi-paragraph
 * cells, a continuation cell with text, gridBefore, hMerge and a
 * tracked row deletion; cell provenance is table/row/column. */
static void merged_cells(void)
{
    const char *body =
        P("表前") "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/>"
        "</w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>"
        P("项目名称") "</w:tc><w:tc><w:tcPr><w:vMerge "
        "w:val=\"restart\"/></w:tcPr>" P("年度") P("预算") "</w:tc></w:tr>"
        "<w:tr>" TC("甲") TC("乙") "<w:tc><w:tcPr><w:vMerge/></w:tcPr>"
        "<w:p/></w:tc></w:tr>"
        "<w:tr><w:trPr><w:del w:id=\"9\" w:author=\"a\"/></w:trPr>"
        "<w:tc><w:p><w:del w:id=\"10\"><w:r><w:delText>删行</w:delText>"
        "</w:r></w:del></w:p></w:tc></w:tr>"
        "<w:tr>" TC("丙") TC("丁") "<w:tc><w:tcPr><w:vMerge "
        "w:val=\"continue\"/></w:tcPr>" P("续") "</w:tc></w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" TC("戊")
        "<w:tc><w:tcPr><w:hMerge w:val=\"continue\"/></w:tcPr>" P("己")
        "</w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>" P("庚") "</w:tc>"
        "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr></w:tc></w:tr>"
        "</w:tbl>" P("表后")
        "<w:tbl><w:tr>" TC("二表") "</w:tr></w:tbl>";
    check_body(body, NULL,
               "P0 表前\n"
               "T1 5x3\n"
               "T1 0,0 +1,2: 项目名称\n"
               "T1 0,2 +3,1: 年度\\n预算\\n续\n"
               "T1 1,0 +1,1: 甲\n"
               "T1 1,1 +1,1: 乙\n"
               "T1 2,0 +1,1: 丙\n"
               "T1 2,1 +1,1: 丁\n"
               "T1 3,1 +1,2: 戊\\n己\n"
               "T1 4,0 +1,1: 庚\n"
               "T1 4,1 +1,2: \n"
               "P0 表后\n"
               "T2 1x1\n"
               "T2 0,0 +1,1: 二表\n",
               __LINE__);

    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    size_t len;
    char *z = make_docx(body, NULL, &len);
    struct jx_doc *doc = jx_import_docx(a, "m.docx", z, len, NULL, &d);
    free(z);
    CHECK(doc != NULL && doc->nblocks == 4);
    if (doc && doc->nblocks == 4) {
        const struct jx_doc_table *t = doc->blocks[1].table;
        const struct jx_doc_cell *c = jx_doc_cell_at(t, 2, 1);
        CHECK_STR(c ? c->text : NULL, "丁");
        struct jx_prov cp = tb_cell_prov(doc, c);
        CHECK_INT(c ? cp.table : -1, 1);
        CHECK_INT(c ? cp.row : -1, 3);
        CHECK_INT(c ? cp.column : -1, 2);
        CHECK_STR(c ? cp.file : NULL, "m.docx");
        CHECK_STR(jx_doc_text_at(t, 2, 2), "年度\n预算\n续");
        CHECK_STR(jx_doc_text_at(t, 0, 1), "项目名称");
        CHECK_INT(doc->blocks[2].para.prov.row, 2);
        CHECK_INT(doc->blocks[3].table->index, 2);
    }
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Nested tables are flattened into their cell: cells by tabs, rows by
 * newlines; a table in a text box into its paragraph. */
static void nested_tables(void)
{
    check_body("<w:tbl><w:tr><w:tc>" P("外") "<w:tbl><w:tr>" TC("内1")
               TC("内2") "</w:tr><w:tr>" TC("内3") "<w:tc>" P("内4")
               P("续") "</w:tc></w:tr></w:tbl>" P("尾") "</w:tc>"
               TC("右") "</w:tr></w:tbl>"
               "<w:p>" R("框") "<w:r><w:pict><w:txbxContent><w:tbl><w:tr>"
               TC("a") TC("b") "</w:tr></w:tbl></w:txbxContent></w:pict>"
               "</w:r></w:p>",
               NULL,
               "T1 1x2\n"
               "T1 0,0 +1,1: 外\\n内1\\t内2\\n内3\\t内4 续\\n尾\n"
               "T1 0,1 +1,1: 右\n"
               "P0 框\\na\\tb\n",
               __LINE__);
}

/* The document's limits: blocks, cells, depth; spans clamped. */
static void doc_limits(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_blocks = 2;
    CHECK_STR(import_body(a, P("一") P("二") P("三") P("四"), NULL, &lim, &d),
              "P0 一\nP0 二\n [I221]");
    CHECK_STR(d.a[0].msg, "文档段落和表格超过上限 2 个，其余内容未读取");

    jx_diags_release(&d);
    jx_diags_init(&d, a);
    jx_limits_default(&lim);
    lim.max_cells = 3;
    CHECK_STR(import_body(a,
                          "<w:tbl><w:tr>" TC("a") TC("b") "</w:tr><w:tr>"
                          TC("c") TC("d") "</w:tr></w:tbl>" P("后"),
                          NULL, &lim, &d),
              "T1 2x2 (truncated)\nT1 0,0 +1,1: a\nT1 0,1 +1,1: b\n"
              "T1 1,0 +1,1: c\n [I222]");
    CHECK_INT(d.a[0].loc.table, 1);
    CHECK_INT(d.a[0].loc.row, 2);
    CHECK_INT(d.a[0].loc.column, 2);

    jx_diags_release(&d);
    jx_diags_init(&d, a);
    struct jx_buf deep;
    jx_buf_init(&deep, 1u << 20);
    for (int i = 0; i < 300; i++) {
        jx_buf_adds(&deep, "<w:sdt><w:sdtContent>");
    }
    for (int i = 0; i < 300; i++) {
        jx_buf_adds(&deep, "</w:sdtContent></w:sdt>");
    }
    CHECK_STR(import_body(a, deep.p, NULL, NULL, &d), "NULL [I213]");
    CHECK_STR(d.a[0].msg, "word/document.xml 第 2 行第 2850 列：XML 元素嵌套"
                          "过深（上限 256 层）");
    jx_buf_release(&deep);

    jx_diags_release(&d);
    jx_diags_init(&d, a);
    CHECK_STR(import_body(a,
                          "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan "
                          "w:val=\"99999999999999999999\"/></w:tcPr>"
                          P("宽") "</w:tc>" TC("丢") "</w:tr></w:tbl>",
                          NULL, NULL, &d),
              "T1 1x4096\nT1 0,0 +1,4096: 宽\n [I224]");
    CHECK_INT(d.a[0].severity, JX_SEV_WARNING);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- tests: broken and hostile files ------------------------------- */

/* Broken DOCX files: missing part, malformed XML with its position,
 * a stored entry with a bad CRC, a truncated archive, not a ZIP. */
static void broken_files(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct part only_types[] = {
        {"[Content_Types].xml", content_types, 0, false}};
    size_t len;
    char *z = make_zip(only_types, 1, &len);
    CHECK(jx_import_docx(a, "m.docx", z, len, NULL, &d) == NULL);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "I203");
    CHECK_STR(d.a[0].msg, "ZIP 中缺少 \"word/document.xml\"");
    CHECK_STR(d.a[0].loc.file, "m.docx");
    free(z);

    jx_diags_release(&d);
    jx_diags_init(&d, a);
    CHECK_STR(import_body(a, "<w:p><w:r></w:p>", NULL, NULL, &d),
              "NULL [I211]");
    CHECK_STR(d.a[0].msg, "word/document.xml 第 2 行第 195 列：XML 开始标签"
                          "与结束标签不匹配");

    jx_diags_release(&d);
    jx_diags_init(&d, a);
    char *doc = document_xml(P("校验"));
    struct part stored[] = {
        {"[Content_Types].xml", content_types, 0, true},
        {"word/document.xml", doc, 0, true}};
    z = make_zip(stored, 2, &len);
    char *hit = z ? find_bytes(z, len, "校验", strlen("校验")) : NULL;
    CHECK(hit != NULL);
    if (hit) {
        hit[0] = 'X';
        CHECK(jx_import_docx(a, "crc.docx", z, len, NULL, &d) == NULL);
        CHECK_INT(d.n, 1);
        CHECK_STR(d.n ? d.a[0].code : "", "I204");
        CHECK_STR(d.n ? d.a[0].msg : "",
                  "ZIP 条目 \"word/document.xml\" 已损坏，无法解压");
    }
    free(z);
    free(doc);

    jx_diags_release(&d);
    jx_diags_init(&d, a);
    z = make_docx(P("截断"), NULL, &len);
    CHECK_INT(jx_detect(z, len), JX_IN_DOCX);
    CHECK_INT(jx_detect(z, len / 2), JX_IN_ZIP);
    CHECK(jx_import_docx(a, "cut.docx", z, len / 2, NULL, &d) == NULL);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "I201");
    CHECK(d.a[0].detail != NULL);
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    enum jx_input_kind k = JX_IN_JSON;
    CHECK(jx_import(a, "cut.docx", z, len / 2, NULL, &d, &k) == NULL);
    CHECK_INT(k, JX_IN_ZIP);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "I201");
    free(z);

    jx_diags_release(&d);
    jx_diags_init(&d, a);
    CHECK(jx_import_docx(a, "x.docx", "PK\x03\x04", 4, NULL, &d) == NULL);
    CHECK_STR(d.a[0].code, "I201");
    CHECK_STR(d.a[0].msg, "不是有效的 ZIP 文件：只有 4 字节");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Billion laughs (and any DOCTYPE or entity) fails at once. */
static void billion_laughs(void)
{
    struct jx_buf x;
    jx_buf_init(&x, 1u << 20);
    jx_buf_adds(&x, "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n"
                    "<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
        jx_buf_addf(&x, "<!ENTITY lol%d \"", i);
        for (int k = 0; k < 10; k++) {
            jx_buf_addf(&x, "&lol%d;", i - 1);
        }
        jx_buf_adds(&x, "\">\n");
    }
    jx_buf_adds(&x, "]>\n<w:document xmlns:w=\"" W_NS "\"><w:body><w:p>"
                    "<w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>"
                    "</w:document>");
    struct part parts[] = {
        {"[Content_Types].xml", content_types, 0, false},
        {"word/document.xml", x.p, x.len, false}};
    size_t len;
    char *z = make_zip(parts, 2, &len);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    CHECK(jx_import_docx(a, "lol.docx", z, len, NULL, &d) == NULL);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "I212");
    CHECK_STR(d.a[0].msg, "word/document.xml 第 2 行第 16 列：XML 含有文档类型"
                          "声明（DOCTYPE），不予读取");
    free(z);

    /* the reader alone: an entity declaration without DOCTYPE cannot
     * exist, but an internal subset with only a parameter entity can */
    struct jx_xml_error err;
    const char *pe = "<!DOCTYPE a [<!ENTITY % p \"x\">]><a/>";
    CHECK_INT(jx_xml_parse(pe, strlen(pe), NULL, 10, &err), -1);
    CHECK_INT(err.kind, JX_XML_DTD);
    CHECK_INT(err.line, 1);
    CHECK_INT(err.col, 13);
    jx_buf_release(&x);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Callback source of `size` zero bytes, streamed (never in memory). */
struct zeros {
    zip_uint64_t size, off;
};

/* libzip source callback producing zeros. */
static zip_int64_t zeros_cb(void *ud, void *data, zip_uint64_t len,
                            zip_source_cmd_t cmd)
{
    struct zeros *z = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        z->off = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        zip_uint64_t n = z->size - z->off < len ? z->size - z->off : len;
        memset(data, 0, (size_t)n);
        z->off += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
    case ZIP_SOURCE_FREE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->size = z->size;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof *st;
    }
    case ZIP_SOURCE_ERROR:
        memset(data, 0, 2 * sizeof(int));
        return 2 * sizeof(int);
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
    default:
        return -1;
    }
}

/* A DOCX whose word/document.xml is `size` zero bytes (malloc'd). */
static char *zero_bomb(zip_uint64_t size, size_t *len)
{
    zip_source_t *src;
    zip_t *za = zip_start(&src);
    zip_put(za, &(struct part){"[Content_Types].xml", content_types, 0,
                               false});
    struct zeros zs = {size, 0};
    zip_source_t *s = zip_source_function(za, zeros_cb, &zs);
    zip_file_add(za, "word/document.xml", s, 0);
    return zip_finish(za, src, len);
}

/* Set the declared inflated size of every entry called name (local
 * header and central directory) to size: a lying header. */
static int patch_size(char *z, size_t len, const char *name,
                      unsigned long size)
{
    size_t nl = strlen(name);
    int patched = 0;
    for (size_t i = 0; i + 46 + nl <= len; i++) {
        unsigned char *p = (unsigned char *)z + i;
        size_t at = 0, name_at = 0;
        if (memcmp(p, "PK\x03\x04", 4) == 0) {
            at = 22;
            name_at = 30;
        } else if (memcmp(p, "PK\x01\x02", 4) == 0) {
            at = 24;
            name_at = 46;
        } else {
            continue;
        }
        if (memcmp(p + name_at, name, nl) != 0) {
            continue;
        }
        for (int b = 0; b < 4; b++) {
            p[at + (size_t)b] = (unsigned char)(size >> (8 * b));
        }
        patched++;
    }
    return patched;
}

/* Resident set size now (kB) after resetting the peak, or -1 when the
 * peak cannot be reset (then growth cannot be measured). */
static long reset_peak(void)
{
    FILE *f = fopen("/proc/self/clear_refs", "w");
    if (!f) {
        return -1;
    }
    int ok = fputs("5", f) >= 0;
    ok = fclose(f) == 0 && ok;
    if (!ok) {
        return -1;
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Peak resident set size (kB). */
static long peak_rss(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* A zip bomb (200 MB of zeros in one entry) fails at once on its
 * declared size; with its headers lying (declared 1000 bytes) it fails
 * at the first byte inflated past the declared size, with bounded time
 * and memory. */
static void zip_bomb(void)
{
    size_t len = 0;
    char *z = zero_bomb(200u * 1024u * 1024u, &len);
    CHECK(z != NULL);
    if (!z) {
        return;
    }
    CHECK(len < 1024u * 1024u);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    CHECK_INT(jx_detect(z, len), JX_IN_DOCX);

    long before = reset_peak();
    CHECK(jx_import_docx(a, "bomb.docx", z, len, NULL, &d) == NULL);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "I205");
    CHECK_STR(d.a[0].msg, "ZIP 条目 \"word/document.xml\" 过大：声明 "
                          "209715200 字节，上限 134217728 字节");
    if (before >= 0) {
        CHECK(peak_rss() - before < 64 * 1024);
    }

    CHECK_INT(patch_size(z, len, "word/document.xml", 1000), 2);
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    before = reset_peak();
    CHECK(jx_import_docx(a, "bomb.docx", z, len, NULL, &d) == NULL);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "I208");
    CHECK_STR(d.a[0].msg, "ZIP 条目 \"word/document.xml\" 解压后超过文件头声明"
                          "的 1000 字节，文件头不实（文件已损坏或被篡改），已停止"
                          "解压");
    CHECK_STR(d.a[0].loc.file, "bomb.docx");
    if (before >= 0) {
        long grown = peak_rss() - before;
        if (grown >= 64 * 1024) {
            jx_test_fail(__FILE__, __LINE__, "memory grew by %ld kB", grown);
        }
    } else {
        jx_test_skip("cannot reset the peak RSS: memory not measured");
    }

    /* the same through jx_import */
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    enum jx_input_kind k;
    CHECK(jx_import(a, "bomb.docx", z, len, NULL, &d, &k) == NULL);
    CHECK_INT(k, JX_IN_DOCX);
    CHECK_STR(d.n ? d.a[0].code : "", "I208");
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* An entry of text that does not compress (so the ratio limit never
 * applies) whose headers declare fewer bytes than it holds: refused at
 * the first byte past the declared size; the exact declared size reads;
 * a declared size over the entry limit is refused before inflating. */
static void lying_size(void)
{
    size_t n = 300u * 1024u;
    char *text = malloc(n + 1);
    unsigned long x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        text[i] = (char)('a' + (x >> 16) % 26);
    }
    text[n] = '\0';
    struct part parts[] = {{"a.txt", text, n, false}};
    size_t len;
    char *z = make_zip(parts, 1, &len);
    CHECK(z != NULL);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    size_t got = 0;
    struct jx_zip *zz = jx_zip_open(z, len, NULL, "s.zip", &d);
    char *back = jx_zip_read(zz, "a.txt", &got);
    CHECK(back != NULL && got == n && memcmp(back, text, n) == 0);
    free(back);
    jx_zip_close(zz);

    CHECK_INT(patch_size(z, len, "a.txt", 100), 2);
    zz = jx_zip_open(z, len, NULL, "s.zip", &d);
    CHECK(jx_zip_read(zz, "a.txt", &got) == NULL);
    CHECK_INT(got, 0);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.n ? d.a[0].code : "", "I208");
    CHECK_STR(d.n ? d.a[0].msg : "",
              "ZIP 条目 \"a.txt\" 解压后超过文件头声明的 100 字节，文件头不实"
              "（文件已损坏或被篡改），已停止解压");
    CHECK_STR(d.n ? d.a[0].loc.file : "", "s.zip");
    jx_zip_close(zz);

    /* one byte short is a lie too */
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    CHECK_INT(patch_size(z, len, "a.txt", (unsigned long)n - 1), 2);
    zz = jx_zip_open(z, len, NULL, "s.zip", &d);
    CHECK(jx_zip_read(zz, "a.txt", &got) == NULL);
    CHECK_STR(d.n ? d.a[0].code : "", "I208");
    jx_zip_close(zz);

    /* the configured limit below the declared size: refused at once */
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_entry = 1000;
    zz = jx_zip_open(z, len, &lim, "s.zip", &d);
    CHECK(jx_zip_read(zz, "a.txt", &got) == NULL);
    CHECK_STR(d.n ? d.a[0].msg : "",
              "ZIP 条目 \"a.txt\" 过大：声明 307199 字节，上限 1000 字节");
    jx_zip_close(zz);
    jx_diags_release(&d);
    jx_arena_free(a);
    free(z);
    free(text);
}

/* More entries than the limit: refused from the end record, before
 * libzip reads the directory; a forged ZIP64 count likewise. */
static void too_many_entries(void)
{
    struct part parts[6];
    char names[6][16];
    for (int i = 0; i < 6; i++) {
        snprintf(names[i], sizeof names[i], "f%d.txt", i);
        parts[i] = (struct part){names[i], "x", 0, false};
    }
    size_t len;
    char *z = make_zip(parts, 6, &len);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_zip_entries = 5;
    CHECK(jx_zip_open(z, len, &lim, "n.zip", &d) == NULL);
    CHECK_STR(d.a[0].code, "I202");
    CHECK_STR(d.a[0].msg, "ZIP 条目过多：声明 6 个，上限 5 个");
    lim.max_zip_entries = 6;
    struct jx_zip *zz = jx_zip_open(z, len, &lim, "n.zip", &d);
    CHECK(zz != NULL);
    CHECK_INT(jx_zip_count(zz), 6);
    CHECK_STR(jx_zip_name(zz, 5), "f5.txt");
    CHECK_STR(jx_zip_name(zz, 6), "");
    CHECK(jx_zip_has(zz, "F2.TXT"));
    CHECK(!jx_zip_has(zz, "f9.txt"));
    size_t n;
    char *got = jx_zip_read(zz, "f3.txt", &n);
    CHECK_STR(got, "x");
    CHECK_INT(n, 1);
    free(got);
    jx_zip_close(zz);
    jx_zip_close(NULL);
    free(z);

    /* names that would escape a directory are listed and read, never
     * used as paths */
    struct part odd[] = {{"../../etc/evil", "e", 0, false},
                         {"/abs/path", "p", 0, false}};
    z = make_zip(odd, 2, &len);
    zz = jx_zip_open(z, len, NULL, "odd.zip", &d);
    CHECK(zz != NULL);
    CHECK_STR(jx_zip_name(zz, 0), "../../etc/evil");
    CHECK_STR(jx_zip_name(zz, 1), "/abs/path");
    got = jx_zip_read(zz, "../../etc/evil", &n);
    CHECK_STR(got, "e");
    free(got);
    jx_zip_close(zz);
    free(z);

    /* 10,001 real entries against the default limit */
    zip_source_t *src;
    zip_t *za = zip_start(&src);
    for (int i = 0; i < 10001; i++) {
        char name[32];
        snprintf(name, sizeof name, "e/%d", i);
        zip_file_add(za, name, zip_source_buffer(za, "", 0, 0), 0);
    }
    z = zip_finish(za, src, &len);
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    CHECK(jx_zip_open(z, len, NULL, "big.zip", &d) == NULL);
    CHECK_STR(d.n ? d.a[0].msg : "", "ZIP 条目过多：声明 10001 个，上限 "
                                     "10000 个");
    CHECK_INT(jx_detect(z, len), JX_IN_ZIP);
    free(z);

    /* a ZIP64 end record claiming 2^40 entries */
    unsigned char forged[56 + 20 + 22];
    memset(forged, 0, sizeof forged);
    memcpy(forged, "PK\x06\x06", 4);
    forged[24 + 5] = 1;
    forged[32 + 5] = 1;
    memcpy(forged + 56, "PK\x06\x07", 4);
    memcpy(forged + 76, "PK\x05\x06", 4);
    memset(forged + 76 + 8, 0xff, 4);
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    CHECK(jx_zip_open((const char *)forged, sizeof forged, NULL, "f.zip",
                      &d) == NULL);
    CHECK_STR(d.n ? d.a[0].msg : "", "ZIP 条目过多：声明 1099511627776 个，"
                                     "上限 10000 个");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* 100 MB of random bytes: unknown at once; jx_import refuses it on
 * size, and (with the size limit raised) as an unknown format. */
static void random_bytes(void)
{
    size_t len = 100u * 1024u * 1024u;
    char *buf = malloc(len);
    uint64_t s = 0x9E3779B97F4A7C15u;
    for (size_t i = 0; i < len; i += 8) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        memcpy(buf + i, &s, 8);
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    CHECK_INT(jx_detect(buf, len), JX_IN_UNKNOWN);
    enum jx_input_kind k = JX_IN_JSON;
    CHECK(jx_import(a, "rand.bin", buf, len, NULL, &d, &k) == NULL);
    CHECK_INT(k, JX_IN_UNKNOWN);
    CHECK_STR(d.n ? d.a[0].code : "", "I231");
    CHECK_STR(d.n ? d.a[0].msg : "",
              "输入过大：104857600 字节，上限 67108864 字节");
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_input = len;
    CHECK(jx_import(a, "rand.bin", buf, len, &lim, &d, &k) == NULL);
    CHECK_INT(k, JX_IN_UNKNOWN);
    CHECK_STR(d.n > 1 ? d.a[1].code : "", "I232");
    /* random bytes behind a ZIP signature */
    memcpy(buf, "PK\x03\x04", 4);
    CHECK_INT(jx_detect(buf, 1u << 20), JX_IN_ZIP);
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    CHECK(jx_import(a, "r.zip", buf, 1u << 20, NULL, &d, &k) == NULL);
    CHECK_INT(k, JX_IN_ZIP);
    CHECK_STR(d.n ? d.a[0].code : "", "I201");
    free(buf);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- tests: detection and the XML reader --------------------------- */

/* Kinds from content, names of kinds, default limits. */
static void detection(void)
{
    CHECK_INT(jx_detect("", 0), JX_IN_UNKNOWN);
    CHECK_INT(jx_detect("{}", 2), JX_IN_JSON);
    CHECK_INT(jx_detect("\xEF\xBB\xBF \r\n\t{\"a\":1}", 14), JX_IN_JSON);
    CHECK_INT(jx_detect(" [1]", 4), JX_IN_TEXT);
    CHECK_INT(jx_detect("预算执行率\t48.65%\n", 23), JX_IN_TEXT);
    /* 预算 in GB18030, and a four-byte GB18030 sequence */
    CHECK_INT(jx_detect("\xD4\xA4\xCB\xE3 2025\r\n", 11), JX_IN_TEXT);
    CHECK_INT(jx_detect("\x81\x30\x81\x30", 4), JX_IN_TEXT);
    CHECK_INT(jx_detect("ab\0cd", 5), JX_IN_UNKNOWN);
    CHECK_INT(jx_detect("\xCB\xE3\x01", 3), JX_IN_UNKNOWN);
    CHECK_INT(jx_detect("\xCB\xE3\x0c", 3), JX_IN_TEXT);
    CHECK_INT(jx_detect("\xD4", 1), JX_IN_UNKNOWN);
    CHECK_INT(jx_detect("\x89PNG\r\n\x1a\n", 8), JX_IN_UNKNOWN);

    struct part xlsx[] = {
        {"[Content_Types].xml", content_types, 0, false},
        {"xl/workbook.xml", "<workbook/>", 0, false}};
    size_t len;
    char *z = make_zip(xlsx, 2, &len);
    CHECK_INT(jx_detect(z, len), JX_IN_XLSX);
    free(z);
    struct part other[] = {{"word/document.xml", "<a/>", 0, false}};
    z = make_zip(other, 1, &len);
    CHECK_INT(jx_detect(z, len), JX_IN_ZIP);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    enum jx_input_kind k;
    CHECK(jx_import(a, "o.zip", z, len, NULL, &d, &k) == NULL);
    CHECK_INT(k, JX_IN_ZIP);
    CHECK_STR(d.n ? d.a[0].code : "", "I233");
    free(z);
    jx_diags_release(&d);
    jx_arena_free(a);

    CHECK_STR(jx_input_kind_name(JX_IN_UNKNOWN), "unknown");
    CHECK_STR(jx_input_kind_name(JX_IN_JSON), "json");
    CHECK_STR(jx_input_kind_name(JX_IN_DOCX), "docx");
    CHECK_STR(jx_input_kind_name(JX_IN_XLSX), "xlsx");
    CHECK_STR(jx_input_kind_name(JX_IN_ZIP), "zip");
    CHECK_STR(jx_input_kind_name(JX_IN_TEXT), "text");
    CHECK_STR(jx_input_kind_name((enum jx_input_kind)42), "unknown");

    struct jx_limits l;
    jx_limits_default(&l);
    CHECK_INT(l.max_input, 64 * 1024 * 1024);
    CHECK_INT(l.max_zip_entries, 10000);
    CHECK_INT(l.max_inflated, 256 * 1024 * 1024);
    CHECK_INT(l.max_entry, 128 * 1024 * 1024);
    CHECK_INT(l.max_ratio, 200);
    CHECK_INT(l.max_xml_depth, 256);
    CHECK_INT(l.max_cells, 2000000);
    CHECK_INT(l.max_blocks, 1000000);
}

/* Events recorded by the XML reader test. */
struct rec {
    struct jx_buf b;
};

/* Record a start: "<ns|local attr=value ...>". */
static void rec_start(void *ud, const char *ns, const char *local,
                      const char **attrs)
{
    struct rec *r = ud;
    jx_buf_addf(&r->b, "<%s|%s", ns, local);
    for (size_t i = 0; attrs[i]; i += 2) {
        jx_buf_addf(&r->b, " %s=%s", attrs[i], attrs[i + 1]);
    }
    jx_buf_addc(&r->b, '>');
}

/* Record an end: "</local>". */
static void rec_end(void *ud, const char *ns, const char *local)
{
    (void)ns;
    struct rec *r = ud;
    jx_buf_addf(&r->b, "</%s>", local);
}

/* Record text. */
static void rec_text(void *ud, const char *s, size_t len)
{
    struct rec *r = ud;
    jx_buf_add(&r->b, s, len);
}

/* Names split into namespace and local name, attributes qualified,
 * entities of XML itself decoded; errors carry line and column. */
static void xml_reader(void)
{
    struct rec r;
    jx_buf_init(&r.b, 4096);
    struct jx_xml_handlers h = {&r, rec_start, rec_end, rec_text};
    struct jx_xml_error err;
    const char *x = "<?xml version=\"1.0\"?><a xmlns=\"u:a\" xmlns:b=\"u:b\" "
                    "b:k=\"1\" k=\"2\"><b:c>x&amp;y&#x9884;</b:c><d/></a>";
    CHECK_INT(jx_xml_parse(x, strlen(x), &h, 8, &err), 0);
    CHECK(err.msg == NULL);
    CHECK_INT(err.kind, JX_XML_OK);
    CHECK_STR(r.b.p, "<u:a|a u:b k=1 k=2><u:b|c>x&y预</c><u:a|d></d></a>");
    const char *attrs[] = {"u:b k", "1", "j", "2", NULL};
    CHECK_STR(jx_xml_attr(attrs, "k"), "1");
    CHECK_STR(jx_xml_attr(attrs, "j"), "2");
    CHECK(jx_xml_attr(attrs, "x") == NULL);
    CHECK(jx_xml_attr(NULL, "k") == NULL);

    const char *bad = "<a>\n  <b></c>\n</a>";
    CHECK_INT(jx_xml_parse(bad, strlen(bad), NULL, 8, &err), -1);
    CHECK_INT(err.kind, JX_XML_SYNTAX);
    CHECK_STR(err.msg, "XML 开始标签与结束标签不匹配");
    CHECK_INT(err.line, 2);
    CHECK_INT(err.col, 8);

    const char *deep = "<a>\n<a><a><a></a></a></a></a>";
    CHECK_INT(jx_xml_parse(deep, strlen(deep), NULL, 3, &err), -1);
    CHECK_INT(err.kind, JX_XML_DEPTH);
    CHECK_INT(err.line, 2);
    CHECK_INT(err.col, 7);
    CHECK_INT(jx_xml_parse(deep, strlen(deep), NULL, 4, &err), 0);

    CHECK_INT(jx_xml_parse("", 0, NULL, 4, &err), -1);
    CHECK_INT(err.kind, JX_XML_SYNTAX);
    const char *unbound = "<x:a/>";
    CHECK_INT(jx_xml_parse(unbound, strlen(unbound), NULL, 4, &err), -1);
    CHECK_STR(err.msg, "XML 使用了未声明的命名空间前缀");
    jx_buf_release(&r.b);
}

const struct jx_test t_import_docx[] = {
    {"import_docx.paragraphs_headings", paragraphs_headings},
    {"import_docx.tabs_breaks", tabs_breaks},
    {"import_docx.fields", fields},
    {"import_docx.tracked_changes", tracked_changes},
    {"import_docx.merged_cells", merged_cells},
    {"import_docx.nested_tables", nested_tables},
    {"import_docx.doc_limits", doc_limits},
    {"import_docx.broken_files", broken_files},
    {"import_docx.billion_laughs", billion_laughs},
    {"import_docx.zip_bomb", zip_bomb},
    {"import_docx.zip_lying_size", lying_size},
    {"import_docx.too_many_entries", too_many_entries},
    {"import_docx.random_bytes", random_bytes},
    {"import_docx.detection", detection},
    {"import_docx.xml_reader", xml_reader},
    {NULL, NULL},
};
