/*
 * report_sample.c - the sample report document of report_sample.h.
 */
#include "report_sample.h"

#include <stdio.h>

/* A money cell (hundredths of 万元) with its exact value. */
static struct jx_rcell *money(struct jx_report_doc *d, struct jx_rtable *t,
                              int row, int col, int64_t h)
{
    char b[32];
    snprintf(b, sizeof b, "%lld.%02lld", (long long)(h / 100),
             (long long)(h % 100));
    struct jx_rcell *c = jx_rtable_cell(d, t, row, col, 1, 1, b);
    c->fmt = JX_RF_MONEY;
    c->align = JX_RA_RIGHT;
    c->has_value = true;
    jx_rat_make(h, 100, &c->value);
    return c;
}

/* The sample document, in arena. */
struct jx_report_doc *jx_test_report_sample(struct jx_arena *a)
{
    struct jx_report_doc *d =
        jx_report_new(a, "示例市清河区城市管理局2024年度部门整体支出绩效自评报告");
    d->subtitle = "示例市清河区城市管理局　2024 年度";
    d->header = "示例市清河区城市管理局2024年度部门整体支出绩效自评报告";
    d->footer = "jixiao 生成";
    d->unit_name = "示例市清河区城市管理局";
    d->year = 2024;

    jx_report_heading(d, 1, "一、单位基本情况");
    jx_report_para(d, JX_RS_BODY,
                   "清河区城市管理局负责城区道路桥梁维护、环境卫生、市容秩序和数字化城市管理，"
                   "内设 8 个科室，下属 3 个事业单位。核定编制 120 名，年末实际在职 116 名。");
    jx_report_heading(d, 2, "（一）预算执行情况");
    jx_report_para(d, JX_RS_BODY,
                   "全年预算数 5200.00 万元，执行 5096.00 万元，执行率 98.00%。");
    struct jx_rchart *c = jx_report_chart(d, JX_CHART_PAIRS, 3);
    c->title = "各项支出预算数与执行数";
    c->unit = "万元";
    c->series[0] = "预算数";
    c->series[1] = "执行数";
    static const char *const lab[3] = {"基本支出", "项目支出", "政府性基金"};
    static const int64_t bud[3] = {220000, 300000, 40000};
    static const int64_t exe[3] = {219600, 290000, 39600};
    for (size_t i = 0; i < 3; i++) {
        c->labels[i] = lab[i];
        jx_rat_make(bud[i], 100, &c->values[0][i]);
        jx_rat_make(exe[i], 100, &c->values[1][i]);
    }
    struct jx_rchart *s = jx_report_chart(d, JX_CHART_BARS, 4);
    s->title = "一级指标得分";
    s->unit = "分";
    s->series[0] = "得分";
    s->max = jx_alloc_array(a, 4, sizeof *s->max);
    static const char *const blk[4] = {"执行率", "产出指标", "效益指标",
                                       "满意度指标"};
    static const int64_t got[4] = {980, 5000, 2960, 1000};
    static const int64_t pts[4] = {10, 50, 30, 10};
    for (size_t i = 0; i < 4; i++) {
        s->labels[i] = blk[i];
        jx_rat_make(got[i], 100, &s->values[0][i]);
        s->max[i] = jx_rat_int(pts[i]);
    }
    struct jx_rdetails *x = jx_report_details(d, "执行率得分的计算过程", 2);
    x->lines[0] = "执行率 = 全年执行数 5096.00 万元 ÷ 全年预算数 5200.00 万元 = 98.00%";
    x->lines[1] = "执行率得分 = 98.00% × 10 分 = 9.80 分（规则 exec-rate，四舍五入到 0.01）";
    jx_report_para(d, JX_RS_RIGHT, "2025年7月11日");
    jx_report_pagebreak(d);

    /* a long table: two header rows with merged cells */
    jx_report_heading(d, 1, "附件1 预算单位整体支出绩效评价基础数据表");
    struct jx_rtable *t = jx_report_table(d, 5, 2);
    t->title = "预算单位整体支出绩效评价基础数据表";
    t->sheet = "基础数据表";
    t->above_left = "预算单位名称：示例市清河区城市管理局";
    t->above_right = "单位：万元";
    t->below = "填表人：王晓明　　联系电话：0999-6123456　　单位负责人：陈立新";
    static const int widths[5] = {4, 2, 2, 2, 2};
    t->widths = widths;
    jx_rtable_cell(d, t, 0, 0, 2, 1, "项目");
    jx_rtable_cell(d, t, 0, 1, 1, 3, "经费控制情况");
    jx_rtable_cell(d, t, 0, 4, 2, 1, "执行率");
    jx_rtable_cell(d, t, 1, 1, 1, 1, "2023年决算数");
    jx_rtable_cell(d, t, 1, 2, 1, 1, "2024年预算数");
    jx_rtable_cell(d, t, 1, 3, 1, 1, "2024年决算数");
    for (int r = 0; r < JX_SAMPLE_ROWS; r++) {
        int row = r + 2;
        char name[96];
        snprintf(name, sizeof name, "%d、专项资金第 %d 项（含运行维护）", r + 1,
                 r + 1);
        jx_rtable_cell(d, t, row, 0, 1, 1, name);
        money(d, t, row, 1, 10000 + r * 37);
        money(d, t, row, 2, 12000 + r * 41);
        struct jx_rcell *f = money(d, t, row, 3, 11000 + r * 39);
        (void)f;
        char rate[32], formula[64], note[160];
        int64_t num = (11000 + r * 39) * 10000, den = 12000 + r * 41;
        int64_t bp = (2 * num + den) / (2 * den);
        snprintf(rate, sizeof rate, "%lld.%02lld%%", (long long)(bp / 100),
                 (long long)(bp % 100));
        struct jx_rcell *rc = jx_rtable_cell(d, t, row, 4, 1, 1, rate);
        rc->fmt = JX_RF_PERCENT;
        rc->align = JX_RA_RIGHT;
        rc->has_value = true;
        jx_rat_make(bp, 10000, &rc->value);
        int xr = row + 1 + JX_REPORT_XLSX_TOP;
        snprintf(formula, sizeof formula, "ROUND(D%d/C%d,4)", xr, xr);
        rc->formula = jx_strdup(a, formula);
        snprintf(note, sizeof note, "执行率 = 本年决算数 ÷ 本年预算数 = %s", rate);
        rc->note = jx_strdup(a, note);
        rc->flagged = r == 3;
    }
    jx_report_para(d, JX_RS_NOTE,
                   "说明：“项目支出”填报基本支出以外的所有项目支出情况。");
    return d;
}
