/* t_report.c - the report builder (lib/report/report.c) through its text
 * rendering: sections, attachments with recomputed cells and formulas,
 * flagged cells, charts, appendices. */
#include "harness.h"

#include "jixiao/check.h"
#include "jixiao/pkgjson.h"
#include "jixiao/report.h"

#include <stdlib.h>
#include <string.h>

/* Load a package file under JX_SRCDIR into a; NULL on failure. */
static struct jx_package *load(struct jx_arena *a, const char *rel,
                               struct jx_diags *d)
{
    char *text = NULL;
    size_t len = 0;
    const char *path = jx_sprintf(a, "%s/%s", jx_test_srcdir, rel);
    if (jx_read_file(path, 1u << 24, &text, &len) != 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot read %s", path);
        return NULL;
    }
    struct jx_package *p = jx_pkgjson_load(a, rel, text, len, d);
    free(text);
    return p;
}

/* The text rendering of the 自评报告 of rel (with appendices). */
static const char *report_text(struct jx_arena *a, const char *rel)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(a, rel, &d);
    if (!p) {
        return "";
    }
    struct jx_policy pol;
    struct jx_check_config cfg;
    jx_policy_default(&pol);
    jx_check_config_default(&cfg);
    const struct jx_eval *ev = jx_score(a, p, &pol, &d);
    jx_check(a, p, ev, &cfg, &d);
    struct jx_report_opts o = {true, true, NULL};
    struct jx_report_doc *doc = jx_report_build(a, p, ev, &d, &o);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    CHECK_INT(jx_report_text(doc, &b), 0);
    const char *s = jx_strdup(a, b.p);
    jx_buf_release(&b);
    jx_diags_release(&d);
    return s;
}

/* Assert that hay contains needle. */
#define HAS(hay, needle)                                                  \
    do {                                                                  \
        if (!strstr((hay), (needle))) {                                   \
            jx_test_fail(__FILE__, __LINE__, "missing: %s", (needle));    \
        }                                                                 \
    } while (0)

/* The example: ten sections, recomputed cells with formulas, charts. */
static void t_example(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *s = report_text(a, "examples/project_bureau_2024.json");
    HAS(s, "# 一、单位基本情况");
    HAS(s, "# 十、其他需要说明的情况");
    HAS(s, "复核结果：全年预算数 5200.00万元，全年执行数 5096.00万元，执行率 98.00%，"
           "执行率得分 9.80 分；自评总分复核为 99.60 分，等级“优”");
    HAS(s, "  120 | 116 | 96.67%[=ROUND(C5/B5,4)]");
    HAS(s, "  年度资金总额<2×1> | 4900.00 | 5200.00 | 5096.00 | 10 | "
           "98.00%[=ROUND(F5/E5,4)] | 9.80[=ROUND(MIN(H5,1)*G5,2)]");
    /* the merged cells of the printed form, the inner header row */
    HAS(s, "  年度预算申请（万元）<1×7> | <2×1> | 年初预算数");
    HAS(s, "H 绩效指标<1×11> | 一级指标 | 二级指标 | 三级指标");
    HAS(s, "  产出指标<1×6> | 数量指标<1×2> | 道路维修里程 | ≥35公里");
    HAS(s, "  新增数字城管监控点位 | ≥200个 | 214个 | 5 | 5.00 | \n");
    HAS(s, "【图】整体支出绩效自评得分（按一级指标）（分）");
    HAS(s, "  项目支出：预算数 2950.00，决算数 2900.00");
    HAS(s, "# 附件3（3）");
    HAS(s, "# 附录一 审核意见");
    HAS(s, "# 附录二 计算过程");
    HAS(s, "▸ 执行率：98.00%");
    jx_arena_free(a);
}

/* A funds row printed without 分值 shows the weight of the sheet's form
 * (exec_points: 20), not the usual 10. */
static void t_form_weight(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(a, "examples/project_bureau_2024.json", &d);
    CHECK(p && p->has_unit_sheet);
    if (p && p->has_unit_sheet) {
        p->unit_sheet.total.points.present = false;
        p->unit_sheet.exec_points = 20;
        struct jx_policy pol;
        jx_policy_default(&pol);
        const struct jx_eval *ev = jx_score(a, p, &pol, &d);
        struct jx_report_opts o = {true, true, NULL};
        struct jx_report_doc *doc = jx_report_build(a, p, ev, &d, &o);
        struct jx_buf b;
        jx_buf_init(&b, 1u << 24);
        CHECK_INT(jx_report_text(doc, &b), 0);
        HAS(b.p, "  年度资金总额<2×1> | 4900.00 | 5200.00 | 5096.00 | 20 | ");
        jx_buf_release(&b);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A package whose stated figures disagree: flagged cells. */
static void t_flagged(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *s = report_text(a, "tests/data/full_package.json");
    HAS(s, "※");
    jx_arena_free(a);
}

/* The findings report: counts, a chart, findings by family. */
static void t_findings(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(a, "tests/data/check_arith_sums.json", &d);
    CHECK(p != NULL);
    struct jx_policy pol;
    struct jx_check_config cfg;
    jx_policy_default(&pol);
    jx_check_config_default(&cfg);
    const struct jx_eval *ev = jx_score(a, p, &pol, &d);
    jx_check(a, p, ev, &cfg, &d);
    struct jx_report_doc *doc = jx_report_findings(a, p, &d);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 22);
    jx_report_text(doc, &b);
    HAS(b.p, "绩效自评审核意见");
    HAS(b.p, "【图】发现按类别统计（条）");
    HAS(b.p, "## 数字计算");
    HAS(b.p, "【C102 错误】");
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The table of d whose title contains w, or NULL. */
static const struct jx_rtable *table_titled(const struct jx_report_doc *d,
                                            const char *w, int nth)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const struct jx_rtable *t = d->blocks[i].table;
        if (d->blocks[i].kind == JX_RB_TABLE && t->title &&
            strstr(t->title, w) && nth-- == 0) {
            return t;
        }
    }
    return NULL;
}

/* The text of the cell covering (row, col) of t, or "". */
static const char *cell_text(const struct jx_rtable *t, int row, int col)
{
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        if (row >= c->row && row < c->row + c->rowspan && col >= c->col &&
            col < c->col + c->colspan) {
            return c->text;
        }
    }
    return "";
}

/* The row number in "…第 N 行…", or -1. */
static int row_of(const char *place)
{
    const char *s = place ? strstr(place, "第 ") : NULL;
    int n = 0;
    if (!s) {
        return -1;
    }
    for (s += strlen("第 "); *s >= '0' && *s <= '9'; s++) {
        n = n * 10 + (*s - '0');
    }
    return n;
}

/* The place of a pointer (no line). */
static const char *place_of(struct jx_arena *a, const struct jx_package *p,
                            const char *path)
{
    struct jx_loc l;
    memset(&l, 0, sizeof l);
    l.path = path;
    return jx_report_place(a, p, &l);
}

/* Places name the rows of the forms as printed: each indicator's row
 * holds its 三级指标, the 年度资金总额 row its label, a cost row its
 * label; a section's paragraph is counted from the finding's line. */
static void t_places(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(a, "examples/project_bureau_2024.json", &d);
    CHECK(p != NULL);
    if (!p) {
        jx_arena_free(a);
        return;
    }
    struct jx_policy pol;
    jx_policy_default(&pol);
    const struct jx_eval *ev = jx_score(a, p, &pol, &d);
    struct jx_report_doc *doc = jx_report_build(a, p, ev, NULL, NULL);
    const struct jx_rtable *t = table_titled(doc, "整体支出绩效自评表", 0);
    CHECK(t != NULL);
    CHECK_STR(place_of(a, p, "/unit_sheet/indicators/4/target"),
              "附件2《整体支出绩效自评表》第 16 行（三级指标“城市管理问题处置”） 年度指标值");
    CHECK_STR(place_of(a, p, "/unit_sheet/funds/total/executed"),
              "附件2《整体支出绩效自评表》第 3 行（年度资金总额） 全年执行数");
    for (size_t i = 0; t && i < p->unit_sheet.nindicators; i++) {
        int r = row_of(place_of(a, p, jx_sprintf(a, "/unit_sheet/indicators/%zu",
                                                 i)));
        CHECK_STR(cell_text(t, r - 1, 3), p->unit_sheet.indicators[i].name.s);
    }
    CHECK_STR(cell_text(t, row_of(place_of(a, p, "/unit_sheet/funds/total/rate")) - 1,
                        1),
              "年度资金总额");
    CHECK_STR(cell_text(t, row_of(place_of(a, p, "/unit_sheet/stated_total")) - 1,
                        0),
              "总分");
    CHECK_STR(cell_text(t, row_of(place_of(a, p,
                                           "/unit_sheet/funds/gov_fund/executed")) -
                               1,
                        1),
              "政府性基金拨款：396.00");
    for (size_t k = 0; k < p->nproject_sheets; k++) {
        const struct jx_rtable *pt = table_titled(doc, "项目支出绩效自评表",
                                                  (int)k);
        const struct jx_sheet *s = &p->project_sheets[k];
        CHECK(pt != NULL);
        for (size_t i = 0; pt && i < s->nindicators; i++) {
            int r = row_of(place_of(
                a, p, jx_sprintf(a, "/project_sheets/%zu/indicators/%zu/score",
                                 k, i)));
            CHECK_STR(cell_text(pt, r - 1, 3), s->indicators[i].name.s);
        }
        if (pt) {
            CHECK_STR(cell_text(pt, row_of(place_of(a, p,
                                                    jx_sprintf(a, "/project_sheets/%zu/funds/carryover/budget_full", k))) - 1,
                                1),
                      "上年结转资金");
        }
    }
    const struct jx_rtable *bt = table_titled(doc, "基础数据表", 0);
    CHECK(bt != NULL);
    static const char *const keys[][2] = {
        {"three_public", "三公经费"}, {"project", "项目支出"},
        {"public_funds", "公用经费"}, {"basic_adjustment", "部门基本支出预算调整"}};
    for (size_t i = 0; bt && i < 4; i++) {
        int r = row_of(place_of(
            a, p, jx_sprintf(a, "/base_sheet/costs/%s/final", keys[i][0])));
        CHECK_STR(cell_text(bt, r - 1, 0), keys[i][1]);
    }
    for (size_t i = 0; bt && i < p->base.nbuildings; i++) {
        int r = row_of(place_of(
            a, p, jx_sprintf(a, "/base_sheet/buildings/%zu/actual_area", i)));
        CHECK_STR(cell_text(bt, r - 1, 0), p->base.buildings[i].name.s);
    }
    CHECK_STR(place_of(a, p, "/base_sheet/staffing/control_rate"),
              "附件1《基础数据表》第 3 行（财政供养人员情况） 控制率");
    CHECK_STR(place_of(a, p, "/contacts/phone"), "附件1《基础数据表》表下联系电话");
    CHECK(place_of(a, p, "not a pointer") == NULL);
    /* a section's paragraph from the line of a figure in its text */
    const struct jx_section *sec = &p->report.sections[1];
    struct jx_prov pv;
    memset(&pv, 0, sizeof pv);
    pv.line = 10;
    pv.col = 5;
    ((struct jx_section *)sec)->text.prov = &pv;
    ((struct jx_section *)sec)->text.s = "第一段\n\n第二段 12.5万元\n第三段";
    struct jx_loc l;
    memset(&l, 0, sizeof l);
    l.path = "/report/sections/1/text";
    l.line = 12;
    l.col = 8;
    CHECK_STR(jx_report_place(a, p, &l), jx_sprintf(a, "自评报告第%s部分第 2 段",
                                                    sec->no == 2 ? "二" : "?"));
    l.path = NULL; /* no pointer: the line finds the section */
    l.line = 13;
    CHECK_STR(jx_report_place(a, p, &l), jx_sprintf(a, "自评报告第%s部分第 3 段",
                                                    sec->no == 2 ? "二" : "?"));
    l.line = 10; /* at the text's start: the section as a whole */
    l.col = 5;
    l.path = "/report/sections/1/text";
    CHECK_STR(jx_report_place(a, p, &l), "自评报告第二部分");
    l.path = NULL;
    l.line = 999;
    CHECK_STR(jx_report_place(a, p, &l), "原文第 999 行");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Width of s[0..n): one unit a byte, bold two (the tests' measure). */
static long bytes(void *ctx, const char *s, size_t n, bool bold)
{
    (void)ctx;
    (void)s;
    return (long)n * (bold ? 2 : 1);
}

/* Column widths: the relative widths, a number column widened to its
 * widest number, the room taken from the text columns in proportion to
 * their spare room; minima over the total scaled to it. */
static void t_widths(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "t");
    struct jx_rtable *t = jx_report_table(d, 3, 0);
    static const int rel[3] = {2, 1, 1};
    t->widths = rel;
    jx_rtable_cell(d, t, 0, 0, 1, 1, "一段很长很长很长很长的文字可以换行");
    jx_rtable_cell(d, t, 0, 1, 1, 1, "1234567.89"); /* 10 bytes */
    jx_rtable_cell(d, t, 0, 2, 1, 1, "说明 12.5 万元，可以换行的长句子");
    jx_rtable_cell(d, t, 1, 1, 1, 2, "跨两列的 123456789012345 不计");
    long w[3];
    jx_rtable_widths(t, 3, 100, 4, bytes, NULL, w);
    /* base 50 25 25; minima: col 0 none, col 1 14, col 2 8 */
    CHECK_INT(w[0], 50);
    CHECK_INT(w[1], 25);
    CHECK_INT(w[2], 25);
    jx_rtable_widths(t, 3, 40, 4, bytes, NULL, w);
    /* base 20 10 10; col 1 needs 14: 4 from col 0 (spare 20) and col 2
     * (spare 2) in proportion: 4 * 20 / 22 = 3, 4 * 2 / 22 = 0 */
    CHECK_INT(w[0], 17);
    CHECK_INT(w[1], 14);
    CHECK_INT(w[2], 9);
    jx_rtable_widths(t, 3, 11, 4, bytes, NULL, w);
    /* minima 0 + 14 + 8 = 22 > 11: in proportion to them */
    CHECK_INT(w[0], 0);
    CHECK_INT(w[1], 7);
    CHECK_INT(w[2], 4);
    struct jx_rtable *h = jx_report_table(d, 2, 1);
    jx_rtable_cell(d, h, 0, 0, 1, 1, "分值"); /* short: whole, bold */
    jx_rtable_cell(d, h, 0, 1, 1, 1, "偏差原因分析及改进措施");
    jx_rtable_widths(h, 2, 40, 0, bytes, NULL, w);
    CHECK_INT(w[0], 20);
    jx_rtable_widths(h, 2, 10, 0, bytes, NULL, w);
    CHECK_INT(w[0], 10); /* "分值" bold: 6 bytes × 2 = 12 > 10 */
    /* a flagged number: the mark "▲" (3 bytes) goes before it */
    struct jx_rtable *f = jx_report_table(d, 2, 0);
    jx_rtable_cell(d, f, 0, 0, 1, 1, "说明文字说明文字");
    jx_rtable_cell(d, f, 0, 1, 1, 1, "91.70%")->flagged = true;
    jx_rtable_widths(f, 2, 40, 1, bytes, NULL, w);
    CHECK_INT(w[1], 20); /* base 20 > 3 + 6 + 1 */
    jx_rtable_widths(f, 2, 16, 1, bytes, NULL, w);
    CHECK_INT(w[1], 10);
    CHECK_INT(w[0], 6);
    /* short header words break into balanced halves */
    CHECK_INT((int)jx_rtable_word_break("一级指标"), 6);
    CHECK_INT((int)jx_rtable_word_break("执行率"), 6);
    CHECK_INT((int)jx_rtable_word_break("分值"), 0);
    CHECK_INT((int)jx_rtable_word_break("偏差原因分析"), 0);
    CHECK_INT((int)jx_rtable_word_break("2024年"), 0);
    CHECK_INT((int)jx_rtable_word_break("得分："), 0);
    jx_arena_free(a);
}

const struct jx_test t_report[] = {
    {"report.example", t_example},
    {"report.form_weight", t_form_weight},
    {"report.places", t_places},
    {"report.widths", t_widths},
    {"report.flagged", t_flagged},
    {"report.findings", t_findings},
    {NULL, NULL},
};
