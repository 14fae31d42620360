/*
 * t_doc.c - tests of the neutral document: cells, spans, the grid and
 * the dump.
 */
#include "harness.h"

#include <string.h>

#include "jixiao/doc.h"
#include "jixiao/import.h"
#include "import/import_formats.h"

/* A cell's provenance made from its table and place: a sheet's A1
 * name (two letters past Z), a text table's line:col kept beside the
 * cells, a grid table's number/row/column, a cell with a whole
 * provenance of its own (inferred) kept as given; cells are 24 bytes. */
static void cell_prov(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_doc *d = jx_doc_new(a, "w.xlsx", JX_SRC_XLSX);
    CHECK_INT((long)sizeof(struct jx_doc_cell), 24);
    struct jx_doc_table *t = jx_doc_add_table(d, "支出表");
    t->where = JX_DOC_AT_SHEET;
    jx_doc_table_add_cell(d, t, 0, 0, 1, 1, "甲", 3, 0, 0);
    jx_doc_table_add_cell(d, t, 11, 27, 1, 1, "8", 1, 0, 0);
    CHECK_INT(jx_doc_table_end(d, t), 0);
    CHECK(t->where_at == NULL);
    struct jx_prov p = jx_doc_cell_prov(a, d, t, jx_doc_cell_at(t, 11, 27));
    CHECK_STR(p.file, "w.xlsx");
    CHECK_STR(p.sheet, "支出表");
    CHECK_STR(p.cell, "AB12");
    CHECK_INT(p.line, 0);
    CHECK_INT(p.table, 0);
    char a1[16];
    p = jx_doc_cell_prov_tmp(d, t, &t->cells[0], a1);
    CHECK_STR(p.cell, "A1");
    CHECK(p.cell == a1);
    CHECK_STR(jx_doc_a1_name(a, 1047, 16383), "XFD1048");

    struct jx_doc_table *u = jx_doc_add_table(d, NULL);
    jx_doc_table_add_cell(d, u, 0, 0, 1, 1, "乙", 3, 0, 0);
    jx_doc_table_add_cell(d, u, 0, 1, 1, 1, "9", 1, 7, 13);
    CHECK_INT(jx_doc_table_end(d, u), 0);
    CHECK_INT(jx_doc_cell_where(u, &u->cells[0]).line, 0);
    CHECK_INT(jx_doc_cell_where(u, &u->cells[1]).line, 7);
    p = jx_doc_cell_prov(a, d, u, &u->cells[1]);
    CHECK_INT(p.line, 7);
    CHECK_INT(p.col, 13);
    CHECK(p.sheet == NULL && p.cell == NULL);
    CHECK_INT(p.row, 0);

    struct jx_doc_table *g = jx_doc_add_table(d, NULL);
    g->where = JX_DOC_AT_GRID;
    jx_doc_table_add_cell(d, g, 2, 1, 1, 1, "丙", 3, 4, 0);
    p = jx_doc_cell_prov(a, d, g, &g->cells[0]);
    CHECK_INT(p.table, 3);
    CHECK_INT(p.row, 3);
    CHECK_INT(p.column, 2);
    CHECK_INT(p.line, 4);
    CHECK_INT(p.col, 0);

    struct jx_doc_table *o = jx_doc_add_table(d, "项目支出");
    struct jx_prov in = {.line = 5, .col = 9, .how = JX_HOW_SPLIT,
                         .raw = "2030"};
    jx_doc_table_add_cell_prov(d, o, 0, 0, "20", 2, &in);
    in.col = 11;
    jx_doc_table_add_cell_prov(d, o, 0, 1, "30", 2, &in);
    p = jx_doc_cell_prov(a, d, o, &o->cells[1]);
    CHECK_INT(p.line, 5);
    CHECK_INT(p.col, 11);
    CHECK_INT(p.how, JX_HOW_SPLIT);
    CHECK_STR(p.raw, "2030");
    CHECK_STR(p.file, "w.xlsx");
    CHECK(p.cell == NULL);
    jx_arena_free(a);
}

/* A table with a merged cell: the grid points every covered position at
 * the merged cell; the dump shows spans and escaped newlines. */
static void grid_spans(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_doc *d = jx_doc_new(a, "x.docx", JX_SRC_DOCX);
    jx_doc_add_para(d, "附件1", 7, 1, NULL);
    struct jx_doc_table *t = jx_doc_add_table(d, NULL);
    t->where = JX_DOC_AT_GRID;
    jx_doc_table_add_cell(d, t, 0, 0, 2, 1, "年度预算\n申请", 19, 0, 0);
    jx_doc_table_add_cell(d, t, 0, 1, 1, 2, "年初预算数", 15, 0, 0);
    jx_doc_table_add_cell(d, t, 1, 1, 1, 1, "2402.15", 7, 0, 0);
    CHECK_INT(jx_doc_table_end(d, t), 0);
    CHECK_INT(t->nrows, 2);
    CHECK_INT(t->ncols, 3);
    CHECK_STR(jx_doc_text_at(t, 1, 0), "年度预算\n申请");
    CHECK_STR(jx_doc_text_at(t, 0, 2), "年初预算数");
    CHECK_STR(jx_doc_text_at(t, 1, 2), "");
    CHECK(jx_doc_cell_at(t, 1, 2) == NULL);
    CHECK(jx_doc_cell_at(t, 5, 0) == NULL);
    CHECK(jx_doc_cell_at(t, -1, 0) == NULL);
    struct jx_prov p = jx_doc_cell_prov(a, d, t, jx_doc_cell_at(t, 1, 0));
    CHECK_STR(p.file, "x.docx");
    CHECK_INT(p.table, 1);
    CHECK_INT(p.row, 1);
    CHECK_INT(p.column, 1);
    CHECK(p.cell == NULL);
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    CHECK_INT(jx_doc_dump(d, &b), 0);
    CHECK_STR(b.p, "P1 附件1\n"
                   "T1 2x3\n"
                   "T1 0,0 +2,1: 年度预算\\n申请\n"
                   "T1 0,1 +1,2: 年初预算数\n"
                   "T1 1,1 +1,1: 2402.15\n");
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* A grid over the limit is refused, not built. */
static void grid_limit(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_doc *d = jx_doc_new(a, "x", JX_SRC_TEXT);
    struct jx_doc_table *t = jx_doc_add_table(d, "Sheet1");
    jx_doc_table_add_cell(d, t, 3000, 3000, 1, 1, "x", 1, 0, 0);
    CHECK_INT(jx_doc_table_end(d, t), -1);
    CHECK(jx_doc_cell_at(t, 0, 0) == NULL);
    CHECK_STR(jx_doc_text_at(t, 0, 0), "");
    jx_arena_free(a);
}

/* A merged cell reaching below the last row where a cell starts is cut
 * there (its columns are kept); the tables of one document together
 * stay under JX_DOC_MAX_GRID_TOTAL positions. */
static void grid_clip_total(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_doc *d = jx_doc_new(a, "m.xlsx", JX_SRC_XLSX);
    struct jx_doc_table *t = jx_doc_add_table(d, "S1");
    jx_doc_table_add_cell(d, t, 0, 0, 65534, 60, "合并", 6, 0, 0);
    jx_doc_table_add_cell(d, t, 2, 3, 1, 1, "x", 1, 0, 0);
    CHECK_INT(jx_doc_table_end(d, t), 0);
    CHECK_INT(t->nrows, 3);
    CHECK_INT(t->ncols, 60);
    CHECK_INT(t->cells[0].rowspan, 3);
    CHECK_INT(t->cells[0].colspan, 60);
    CHECK_STR(jx_doc_text_at(t, 2, 59), "合并");
    CHECK_INT(d->grid_total, 180);
    /* 3 tables of 3,000,000 positions: the third passes 8,000,000 */
    for (int k = 0; k < 3; k++) {
        t = jx_doc_add_table(d, NULL);
        jx_doc_table_add_cell(d, t, 0, 0, 1, 1000, "a", 1, 0, 0);
        jx_doc_table_add_cell(d, t, 2999, 0, 1, 1, "b", 1, 0, 0);
        CHECK_INT(jx_doc_table_end(d, t), k < 2 ? 0 : -1);
    }
    CHECK_INT(d->grid_total, 6000180);
    CHECK(t->grid == NULL);
    jx_arena_free(a);
}

/* A document in traditional characters is converted to simplified with
 * a note; a simplified one is left alone. */
static void simplify(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = jx_doc_new(a, "t.txt", JX_SRC_TEXT);
    const char *title = "2024年度預算單位整體支出績效評價基礎數據表";
    jx_doc_add_para(doc, title, strlen(title), 0, NULL);
    struct jx_doc_table *t = jx_doc_add_table(doc, NULL);
    const char *cells[] = {"經費控制情況(萬元)", "2023年決算數", "項目支出：",
                           "實際在職人數"};
    for (int i = 0; i < 4; i++) {
        jx_doc_table_add_cell(doc, t, i / 2, i % 2, 1, 1, cells[i],
                              strlen(cells[i]), 0, 0);
    }
    jx_doc_table_end(doc, t);
    CHECK(jx_doc_simplify(doc, &d));
    CHECK_STR(doc->blocks[0].para.text,
              "2024年度预算单位整体支出绩效评价基础数据表");
    CHECK_STR(jx_doc_text_at(t, 0, 0), "经费控制情况(万元)");
    CHECK_STR(jx_doc_text_at(t, 0, 1), "2023年决算数");
    CHECK_STR(jx_doc_text_at(t, 1, 1), "实际在职人数");
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "I110");

    struct jx_doc *simp = jx_doc_new(a, "s.txt", JX_SRC_TEXT);
    const char *s1 = "2024年度预算单位整体支出绩效评价基础数据表";
    jx_doc_add_para(simp, s1, strlen(s1), 0, NULL);
    CHECK(!jx_doc_simplify(simp, &d));
    CHECK_STR(simp->blocks[0].para.text, s1);
    CHECK_INT(d.n, 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Reserved room: the cells already added are kept, the array is not
 * regrown while within the room, and a smaller reserve changes nothing. */
static void reserve(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_doc *d = jx_doc_new(a, "x.xlsx", JX_SRC_XLSX);
    struct jx_doc_table *t = jx_doc_add_table(d, "s");
    jx_doc_table_add_cell(d, t, 0, 0, 1, 1, "甲", 3, 0, 0);
    jx_doc_table_reserve(d, t, 100);
    CHECK_INT(t->capcells, 100);
    CHECK_STR(t->cells[0].text, "甲");
    const struct jx_doc_cell *first = t->cells;
    for (int i = 1; i < 100; i++) {
        jx_doc_table_add_cell(d, t, i, 0, 1, 1, "1", 1, 0, 0);
    }
    CHECK(t->cells == first);
    CHECK_INT(t->ncells, 100);
    jx_doc_table_reserve(d, t, 10);
    CHECK_INT(t->capcells, 100);
    CHECK(t->cells == first);
    jx_doc_table_add_cell(d, t, 100, 0, 1, 1, "2", 1, 0, 0);
    CHECK_INT(t->ncells, 101);
    CHECK_STR(t->cells[0].text, "甲");
    CHECK_STR(t->cells[100].text, "2");
    jx_arena_free(a);
}

const struct jx_test t_doc[] = {
    {"doc.reserve", reserve},
    {"doc.cell_prov", cell_prov},
    {"doc.simplify", simplify},
    {"doc.grid_spans", grid_spans},
    {"doc.grid_limit", grid_limit},
    {"doc.grid_clip_total", grid_clip_total},
    {NULL, NULL},
};
