/*
 * report.c - what the documents jixiao writes say (report.h): the 自评报告
 * with its ten sections and the attachments 附件1–3 in the printed
 * layouts, every rate and score recomputed (exact value, XLSX formula,
 * derivation), charts and appendices; the findings report (审核意见); the
 * 考核评分表 of a framework result.
 *
 * The writers render what is built here and never read the package.
 * Every number printed comes from the exact arithmetic of lib/base/base_dec.c,
 * rounded half-up at the scale shown.
 */
#include "jixiao/report.h"

#include "jixiao/framework.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The standard titles of the ten sections (Hunan / 岳阳 outline). */
static const char *const std_titles[10] = {
    "单位基本情况",           "一般公共预算支出情况",
    "政府性基金预算支出情况", "国有资本经营预算支出情况",
    "社会保险基金预算支出情况", "单位整体支出绩效情况",
    "存在的问题及原因分析",   "下一步改进措施",
    "绩效自评结果拟应用和公开情况", "其他需要说明的情况"};

/* Chinese numerals 一 … 十. */
static const char *const numerals[10] = {"一", "二", "三", "四", "五",
                                         "六", "七", "八", "九", "十"};

/* The building context. */
struct bctx {
    struct jx_arena *a;
    struct jx_report_doc *d;
    const struct jx_package *pkg;
    const struct jx_eval *ev;
};

/* ---- formatting -------------------------------------------------------- */

/* Excel column letters of a 0-based column (A … ZZ). */
static const char *col_name(struct jx_arena *a, int c)
{
    if (c < 26) {
        return jx_sprintf(a, "%c", 'A' + c);
    }
    return jx_sprintf(a, "%c%c", 'A' + c / 26 - 1, 'A' + c % 26);
}

/* A1 reference of table cell (row, col) on its sheet. */
static const char *ref(struct jx_arena *a, int row, int col)
{
    return jx_sprintf(a, "%s%d", col_name(a, col), row + 1 + JX_REPORT_XLSX_TOP);
}

/* Money as the table prints it: 2 decimals in unit u. */
static const char *money_text(struct jx_arena *a, struct jx_money m,
                              enum jx_money_unit u)
{
    char b[JX_NUM_BUFSZ];
    return jx_strdup(a, jx_money_format(m, u, 2, JX_ROUND_HALF_UP, b));
}

/* A rational with scale decimals (percent: ×100 and a %). */
static const char *rat_text(struct jx_arena *a, struct jx_rat r, int scale,
                            bool percent)
{
    char b[JX_NUM_BUFSZ];
    return jx_strdup(a, jx_rat_format(r, scale, percent, JX_ROUND_HALF_UP, b));
}

/* A stated number as written (exact), or "". */
static const char *num_text(struct jx_arena *a, const struct jx_num *n,
                            bool percent)
{
    if (!n->present) {
        return "";
    }
    char b[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(n->v, percent, b)) {
        jx_rat_format(n->v, 4, percent, JX_ROUND_HALF_UP, b);
    }
    return jx_strdup(a, b);
}

/* The value of money in the table's unit as an exact rational. */
static struct jx_rat money_value(struct jx_money m, enum jx_money_unit u)
{
    struct jx_rat r = jx_rat_int(0);
    jx_rat_make(m.fen, u == JX_WANYUAN ? 1000000 : 100, &r);
    return r;
}

/* True when t holds text. */
static bool has(const struct jx_text *t)
{
    return t->s && *t->s;
}

/* A text cell. */
static struct jx_rcell *tcell(struct bctx *c, struct jx_rtable *t, int row,
                              int col, int colspan, const char *text)
{
    return jx_rtable_cell(c->d, t, row, col, 1, colspan, text ? text : "");
}

/* Merge cells of column col over rows [r0, r1) vertically, as in the
 * printed forms: with force, the cell at r0 takes all the rows (the
 * cells below it, empty, are dropped); else each run of equal non-empty
 * texts becomes one cell (一级指标, 二级指标), and with within >= 0 a run
 * also ends where a cell of column within starts (a 二级指标 stays within
 * its 一级指标).  Only one-column cells merge.  One pass over the cells. */
static void merge_col(struct jx_rtable *t, int col, int r0, int r1,
                      int within, bool force)
{
    if (r1 - r0 < 2) {
        return;
    }
    size_t n = (size_t)(r1 - r0);
    long *at = jx_xmalloc(n * sizeof *at);
    bool *cut = jx_xmalloc(n * sizeof *cut);
    int *span = jx_xmalloc(n * sizeof *span);
    for (size_t k = 0; k < n; k++) {
        at[k] = -1;
        cut[k] = false;
        span[k] = 1;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        if (c->row < r0 || c->row >= r1) {
            continue;
        }
        if (c->col == col && c->colspan == 1 && c->rowspan == 1) {
            at[c->row - r0] = (long)i;
        }
        if (within >= 0 && c->col == within) {
            cut[c->row - r0] = true;
        }
    }
    bool ok = true;
    for (size_t k = 0; force && k < n; k++) {
        ok = ok && at[k] >= 0;
    }
    size_t r = 0;
    while (ok && r < n) {
        const char *s = at[r] >= 0 ? t->cells[at[r]].text : NULL;
        size_t e = r + 1;
        while (force ? e < n
                     : s && *s && e < n && at[e] >= 0 && !cut[e] &&
                           strcmp(t->cells[at[e]].text, s) == 0) {
            e++;
        }
        span[r] = (int)(e - r);
        for (size_t k = r + 1; k < e; k++) {
            span[k] = 0;
        }
        r = e;
    }
    if (ok) {
        size_t o = 0;
        for (size_t i = 0; i < t->ncells; i++) {
            struct jx_rcell c = t->cells[i];
            if (c.row >= r0 && c.row < r1 && at[c.row - r0] == (long)i) {
                if (span[c.row - r0] == 0) {
                    continue;
                }
                c.rowspan = span[c.row - r0];
            }
            t->cells[o++] = c;
        }
        t->ncells = o;
    }
    free(at);
    free(cut);
    free(span);
}

/* The cell at (r0, col) over rows [r0, r1), the empty ones below it
 * dropped (年度预算申请, 年度总体目标, 绩效指标 down their blocks). */
static void merge_rows(struct jx_rtable *t, int col, int r0, int r1)
{
    merge_col(t, col, r0, r1, -1, true);
}

/* Runs of equal texts in column col over rows [r0, r1) merged, within
 * the cells of column within when >= 0. */
static void merge_runs(struct jx_rtable *t, int col, int r0, int r1,
                       int within)
{
    merge_col(t, col, r0, r1, within, false);
}

/* A money cell (empty when absent). */
static struct jx_rcell *mcell(struct bctx *c, struct jx_rtable *t, int row,
                              int col, const struct jx_amt *m,
                              enum jx_money_unit u)
{
    struct jx_rcell *x = tcell(c, t, row, col, 1,
                               m->present ? money_text(c->a, m->v, u) : "");
    x->fmt = JX_RF_MONEY;
    x->align = JX_RA_RIGHT;
    if (m->present) {
        x->has_value = true;
        x->value = money_value(m->v, u);
    }
    return x;
}

/* A cell for an Evaluation item: the recomputed value (else the stated
 * one), flagged when they disagree, with the derivation as its note. */
static struct jx_rcell *icell(struct bctx *c, struct jx_rtable *t, int row,
                              int col, const struct jx_item *it,
                              enum jx_rfmt fmt)
{
    const char *text = "";
    struct jx_rcell *x;
    if (it->has_value) {
        text = rat_text(c->a, it->value, it->scale, it->percent);
    } else if (it->has_stated) {
        char b[JX_NUM_BUFSZ];
        text = jx_strdup(c->a, jx_rat_format_exact(it->stated, it->percent, b)
                                   ? b
                                   : jx_rat_format(it->stated, 4, it->percent,
                                                   JX_ROUND_HALF_UP, b));
    }
    x = tcell(c, t, row, col, 1, text);
    x->fmt = fmt;
    x->align = JX_RA_RIGHT;
    if (it->has_value || it->has_stated) {
        x->has_value = true;
        x->value = it->has_value ? it->value : it->stated;
    }
    x->flagged = it->agrees == JX_AGREE_NO;
    struct jx_buf b;
    jx_buf_init(&b, 1u << 14);
    if (it->formula) {
        jx_buf_adds(&b, it->formula);
    }
    if (it->rule) {
        jx_buf_addf(&b, "%s规则 %s", b.len ? "（" : "", it->rule);
        jx_buf_adds(&b, b.len > strlen(it->rule) + 7 ? "）" : "");
    }
    if (it->has_stated) {
        char s[JX_NUM_BUFSZ];
        jx_buf_addf(&b, "%s表中填写 %s", b.len ? "；" : "",
                    jx_rat_format_exact(it->stated, it->percent, s)
                        ? s
                        : jx_rat_format(it->stated, 4, it->percent,
                                        JX_ROUND_HALF_UP, s));
        if (it->agrees == JX_AGREE_NO) {
            jx_buf_adds(&b, "，与复核不一致");
        } else if (it->agrees == JX_AGREE_ROUNDING) {
            jx_buf_adds(&b, "，差在舍入");
        }
    }
    if (it->note) {
        jx_buf_addf(&b, "%s%s", b.len ? "；" : "", it->note);
    }
    x->note = b.len ? jx_strdup(c->a, b.p) : NULL;
    jx_buf_release(&b);
    return x;
}

/* ---- 附件1 基础数据表 -------------------------------------------------- */

/* A cost row of the base sheet at row r. */
static void cost_row(struct bctx *c, struct jx_rtable *t, int r,
                     const char *label, const struct jx_cost *k,
                     enum jx_money_unit u)
{
    tcell(c, t, r, 0, 1, label);
    mcell(c, t, r, 1, &k->prev_final, u);
    mcell(c, t, r, 2, &k->budget, u);
    mcell(c, t, r, 3, &k->final, u);
}

/* Label of a project line's category. */
static const char *pcat_label(const struct jx_project_line *l)
{
    switch (l->cat) {
    case JX_PCAT_BUSINESS:
        return "1、业务工作经费";
    case JX_PCAT_OPERATION:
        return "2、运行维护经费";
    case JX_PCAT_LOCAL_SPECIAL:
        return l->name.s ? l->name.s : "3、区级专项资金";
    case JX_PCAT_TRANSFER:
        return l->name.s ? l->name.s : "4、上级转移支付";
    case JX_PCAT_COUNT:
        break;
    }
    return "";
}

/* 附件1: the base sheet with the 控制率 recomputed. */
static void base_sheet(struct bctx *c)
{
    const struct jx_package *p = c->pkg;
    const struct jx_base_sheet *s = &p->base;
    long long y = p->year.present ? (long long)p->year.v : 0;
    jx_report_heading(c->d, 1, "附件1");
    struct jx_rtable *t = jx_report_table(c->d, 7, 0);
    t->title = jx_sprintf(c->a, "%lld年度预算单位整体支出绩效评价基础数据表", y);
    t->sheet = "附件1 基础数据表";
    t->above_right = "单位：万元";
    static const int widths[7] = {5, 2, 2, 2, 2, 2, 2};
    t->widths = widths;
    enum jx_money_unit u = s->unit;
    int r = 0;
    tcell(c, t, r, 0, 1, "预算单位名称")->header = true;
    tcell(c, t, r, 1, 6, p->unit.name.s);
    r++;
    tcell(c, t, r, 0, 1, "财政供养人员情况（人）")->header = true;
    tcell(c, t, r, 1, 1, "编制数")->header = true;
    tcell(c, t, r, 2, 1, jx_sprintf(c->a, "%lld年实际在职人数", y))->header =
        true;
    tcell(c, t, r, 3, 1, "控制率")->header = true;
    r++;
    tcell(c, t, r, 0, 1, "");
    struct jx_rcell *x = tcell(c, t, r, 1, 1,
                               s->authorized.present
                                   ? jx_sprintf(c->a, "%lld",
                                                (long long)s->authorized.v)
                                   : "");
    x->fmt = JX_RF_COUNT;
    x->align = JX_RA_RIGHT;
    x = tcell(c, t, r, 2, 1,
              s->actual.present
                  ? jx_sprintf(c->a, "%lld", (long long)s->actual.v)
                  : "");
    x->fmt = JX_RF_COUNT;
    x->align = JX_RA_RIGHT;
    /* the 控制率, recomputed */
    struct jx_rat rate;
    bool rate_ok = s->authorized.present && s->actual.present &&
                   s->authorized.v > 0 &&
                   jx_rat_make(s->actual.v, s->authorized.v, &rate) ==
                       JX_NUM_OK;
    x = tcell(c, t, r, 3, 1,
              rate_ok ? rat_text(c->a, rate, 2, true)
                      : (s->authorized.present && s->authorized.v == 0
                             ? "不适用"
                             : num_text(c->a, &s->control_rate, true)));
    x->fmt = JX_RF_PERCENT;
    x->align = JX_RA_RIGHT;
    if (rate_ok) {
        struct jx_rat shown;
        jx_rat_round(rate, 4, JX_ROUND_HALF_UP, &shown);
        x->has_value = true;
        x->value = shown;
        x->formula = jx_sprintf(c->a, "ROUND(%s/%s,4)", ref(c->a, r, 2),
                                ref(c->a, r, 1));
        x->note = jx_sprintf(c->a, "控制率 = 实际在职人数 %lld ÷ 编制数 %lld = %s%s",
                             (long long)s->actual.v,
                             (long long)s->authorized.v,
                             rat_text(c->a, rate, 2, true),
                             s->control_rate.present
                                 ? jx_sprintf(c->a, "；表中填写 %s",
                                              num_text(c->a, &s->control_rate,
                                                       true))
                                 : "；表中未填写");
        x->flagged = s->control_rate.present &&
                     jx_rat_cmp(shown, s->control_rate.v) != 0;
    }
    r++;
    merge_rows(t, 0, 1, r); /* 财政供养人员情况 over its two rows */
    t->subhead_row = r;
    tcell(c, t, r, 0, 1, "经费控制情况（万元）")->header = true;
    tcell(c, t, r, 1, 1, jx_sprintf(c->a, "%lld年决算数", y - 1))->header = true;
    tcell(c, t, r, 2, 1, jx_sprintf(c->a, "%lld年预算数", y))->header = true;
    tcell(c, t, r, 3, 1, jx_sprintf(c->a, "%lld年决算数", y))->header = true;
    r++;
    cost_row(c, t, r++, "三公经费", &s->three_public, u);
    cost_row(c, t, r++, "1、公务用车购置和维护经费", &s->vehicle, u);
    cost_row(c, t, r++, "其中：公车购置", &s->vehicle_purchase, u);
    cost_row(c, t, r++, "公车运行维护", &s->vehicle_operation, u);
    cost_row(c, t, r++, "2、出国经费", &s->overseas, u);
    cost_row(c, t, r++, "3、公务接待", &s->reception, u);
    cost_row(c, t, r++, "项目支出", &s->project, u);
    /* 1、2、 are rows of their own; 3、 and 4、 head one row per 专项 */
    for (int cat = 0; cat < JX_PCAT_COUNT; cat++) {
        bool head = cat < JX_PCAT_LOCAL_SPECIAL;
        for (size_t i = 0; i < s->nproject_lines; i++) {
            const struct jx_project_line *l = &s->project_lines[i];
            if ((int)l->cat != cat) {
                continue;
            }
            if (!head) {
                tcell(c, t, r++, 0, 1,
                      cat == JX_PCAT_LOCAL_SPECIAL ? "3、区级专项资金"
                                                   : "4、上级转移支付");
                head = true;
            }
            cost_row(c, t, r++, pcat_label(l), &l->cost, u);
        }
    }
    cost_row(c, t, r++, "公用经费", &s->public_funds, u);
    cost_row(c, t, r++, "其中：办公经费", &s->office, u);
    cost_row(c, t, r++, "水费、电费、差旅费", &s->utilities_travel, u);
    cost_row(c, t, r++, "会议费、培训费", &s->meetings_training, u);
    cost_row(c, t, r++, "政府采购金额", &s->procurement, u);
    cost_row(c, t, r++, "部门基本支出预算调整", &s->basic_adjustment, u);
    if (s->nbuildings) {
        tcell(c, t, r, 0, 1, jx_sprintf(c->a, "楼堂馆所（%lld年完工项目）", y))
            ->header = true;
        tcell(c, t, r, 1, 1, "批复规模（m²）")->header = true;
        tcell(c, t, r, 2, 1, "实际规模（m²）")->header = true;
        tcell(c, t, r, 3, 1, "规模控制率")->header = true;
        tcell(c, t, r, 4, 1, "预算投资（万元）")->header = true;
        tcell(c, t, r, 5, 1, "实际投资（万元）")->header = true;
        tcell(c, t, r, 6, 1, "投资概算控制率")->header = true;
        r++;
        for (size_t i = 0; i < s->nbuildings; i++) {
            const struct jx_building *bd = &s->buildings[i];
            tcell(c, t, r, 0, 1, bd->name.s);
            tcell(c, t, r, 1, 1, num_text(c->a, &bd->approved_area, false))
                ->align = JX_RA_RIGHT;
            tcell(c, t, r, 2, 1, num_text(c->a, &bd->actual_area, false))
                ->align = JX_RA_RIGHT;
            struct jx_rat br;
            bool ok = bd->approved_area.present && bd->actual_area.present &&
                      jx_rat_sign(bd->approved_area.v) > 0 &&
                      jx_rat_div(bd->actual_area.v, bd->approved_area.v,
                                 &br) == JX_NUM_OK;
            x = tcell(c, t, r, 3, 1,
                      ok ? rat_text(c->a, br, 2, true)
                         : num_text(c->a, &bd->area_rate, true));
            x->fmt = JX_RF_PERCENT;
            x->align = JX_RA_RIGHT;
            if (ok) {
                x->formula = jx_sprintf(c->a, "ROUND(%s/%s,4)",
                                        ref(c->a, r, 2), ref(c->a, r, 1));
                jx_rat_round(br, 4, JX_ROUND_HALF_UP, &x->value);
                x->has_value = true;
                x->flagged = bd->area_rate.present &&
                             jx_rat_cmp(x->value, bd->area_rate.v) != 0;
            }
            mcell(c, t, r, 4, &bd->budget_invest, u);
            mcell(c, t, r, 5, &bd->actual_invest, u);
            struct jx_rat ir;
            ok = bd->budget_invest.present && bd->actual_invest.present &&
                 bd->budget_invest.v.fen > 0 &&
                 jx_rat_money_div(bd->actual_invest.v, bd->budget_invest.v,
                                  &ir) == JX_NUM_OK;
            x = tcell(c, t, r, 6, 1,
                      ok ? rat_text(c->a, ir, 2, true)
                         : num_text(c->a, &bd->invest_rate, true));
            x->fmt = JX_RF_PERCENT;
            x->align = JX_RA_RIGHT;
            if (ok) {
                x->formula = jx_sprintf(c->a, "ROUND(%s/%s,4)",
                                        ref(c->a, r, 5), ref(c->a, r, 4));
                jx_rat_round(ir, 4, JX_ROUND_HALF_UP, &x->value);
                x->has_value = true;
                x->flagged = bd->invest_rate.present &&
                             jx_rat_cmp(x->value, bd->invest_rate.v) != 0;
            }
            r++;
        }
    }
    tcell(c, t, r, 0, 1, "厉行节约保障措施")->header = true;
    tcell(c, t, r, 1, 6, s->thrift_measures.s);
    const struct jx_contacts *k = &p->contacts;
    t->below = jx_sprintf(
        c->a, "填表人：%s　　联系电话：%s　　单位负责人：%s　　填报日期：%s",
        k->preparer.s ? k->preparer.s : "", k->phone.s ? k->phone.s : "",
        k->head.s ? k->head.s : "",
        k->date.present ? jx_sprintf(c->a, "%04d.%02d.%02d", k->date.y,
                                     k->date.m, k->date.d)
                        : "");
}

/* ---- 附件2 / 附件3: the self-evaluation sheets --------------------------- */

/* The 年度资金总额 row at r: amounts, 分值, the recomputed 执行率 and 得分
 * with formulas. */
static void funds_total(struct bctx *c, struct jx_rtable *t, int r,
                        const struct jx_sheet *sh,
                        const struct jx_sheet_eval *se)
{
    const struct jx_funds *f = &sh->total;
    tcell(c, t, r, 0, 1, "");
    tcell(c, t, r, 1, 2, "年度资金总额");
    mcell(c, t, r, 3, &f->budget_initial, sh->unit);
    mcell(c, t, r, 4, &f->budget_full, sh->unit);
    mcell(c, t, r, 5, &f->executed, sh->unit);
    /* no 分值 printed: the weight of the sheet's form (10 unless the
     * form states another) */
    int weight = sh->exec_points > 0 ? sh->exec_points : 10;
    struct jx_rcell *x = tcell(c, t, r, 6, 1,
                               f->points.present
                                   ? num_text(c->a, &f->points, false)
                                   : jx_sprintf(c->a, "%d", weight));
    x->fmt = JX_RF_SCORE;
    x->align = JX_RA_RIGHT;
    x->has_value = true;
    x->value = f->points.present ? f->points.v : jx_rat_int(weight);
    if (se) {
        x = icell(c, t, r, 7, &se->rate, JX_RF_PERCENT);
        if (se->rate.has_value) {
            x->formula = jx_sprintf(c->a, "ROUND(%s/%s,4)", ref(c->a, r, 5),
                                    ref(c->a, r, 4));
        }
        x = icell(c, t, r, 8, &se->exec_score, JX_RF_SCORE);
        if (se->exec_score.has_value && se->rate.has_value) {
            x->formula = jx_sprintf(c->a, "ROUND(MIN(%s,1)*%s,2)",
                                    ref(c->a, r, 7), ref(c->a, r, 6));
        }
    } else {
        tcell(c, t, r, 7, 1, num_text(c->a, &f->rate, true));
        tcell(c, t, r, 8, 1, num_text(c->a, &f->score, false));
    }
}

/* "label：amount" of a fund split. */
static const char *split_text(struct bctx *c, const struct jx_sheet *s,
                              enum jx_fund_key k, const char *prefix)
{
    const struct jx_amt *m = &s->funds[k].executed;
    return jx_sprintf(c->a, "%s%s：%s", prefix, jx_fund_key_zh(k),
                      m->present ? money_text(c->a, m->v, s->unit) : "");
}

/* Goals and indicator rows from row r; returns the next row.  The 得分
 * column holds the recomputed scores; the 总分 row sums them. */
static int goals_and_indicators(struct bctx *c, struct jx_rtable *t, int r,
                                const struct jx_sheet *sh,
                                const struct jx_sheet_eval *se,
                                const char *score_header, int exec_row)
{
    int goals = r;
    tcell(c, t, r, 0, 1, "年度总体目标")->header = true;
    tcell(c, t, r, 1, 4, "预期目标")->header = true;
    tcell(c, t, r, 5, 4, "实际完成情况")->header = true;
    r++;
    for (size_t i = 0; i < (sh->ngoals ? sh->ngoals : 1); i++) {
        tcell(c, t, r, 0, 1, "");
        tcell(c, t, r, 1, 4, sh->ngoals ? sh->goals[i].expected.s : "");
        tcell(c, t, r, 5, 4, sh->ngoals ? sh->goals[i].actual.s : "");
        r++;
    }
    merge_rows(t, 0, goals, r);
    static const char *const head[9] = {"绩效指标", "一级指标", "二级指标",
                                        "三级指标", "年度指标值", "实际完成值",
                                        "分值", NULL, "偏差原因分析及改进措施"};
    for (int k = 0; k < 9; k++) {
        tcell(c, t, r, k, 1, k == 7 ? score_header : head[k])->header = true;
    }
    r++;
    int first = r;
    t->subhead_row = r - 1;
    for (size_t i = 0; i < sh->nindicators; i++) {
        const struct jx_indicator *in = &sh->indicators[i];
        tcell(c, t, r, 0, 1, "");
        tcell(c, t, r, 1, 1, in->level1.s);
        tcell(c, t, r, 2, 1, in->level2.s);
        tcell(c, t, r, 3, 1, in->name.s);
        tcell(c, t, r, 4, 1, in->target.s);
        tcell(c, t, r, 5, 1, in->actual.s);
        struct jx_rcell *x = tcell(c, t, r, 6, 1, num_text(c->a, &in->points,
                                                           false));
        x->fmt = JX_RF_SCORE;
        x->align = JX_RA_RIGHT;
        if (in->points.present) {
            x->has_value = true;
            x->value = in->points.v;
        }
        if (se && i < se->nindicators) {
            icell(c, t, r, 7, &se->indicators[i], JX_RF_SCORE);
        } else {
            tcell(c, t, r, 7, 1, num_text(c->a, &in->score, false));
        }
        tcell(c, t, r, 8, 1, in->deviation.s);
        r++;
    }
    /* the merged cells of the printed form: 绩效指标 down the block,
     * each 一级指标 over its rows, each 二级指标 within its 一级指标 */
    merge_rows(t, 0, first - 1, r);
    merge_runs(t, 1, first, r, -1);
    merge_runs(t, 2, first, r, 1);
    tcell(c, t, r, 0, 6, "总分")->header = true;
    struct jx_rcell *x = tcell(c, t, r, 6, 1, "100");
    x->fmt = JX_RF_SCORE;
    x->align = JX_RA_RIGHT;
    x->has_value = true;
    x->value = jx_rat_int(100);
    if (se) {
        x = icell(c, t, r, 7, &se->total, JX_RF_SCORE);
        if (se->total.has_value) {
            x->formula = r > first
                             ? jx_sprintf(c->a, "%s+SUM(%s:%s)",
                                          ref(c->a, exec_row, 8),
                                          ref(c->a, first, 7),
                                          ref(c->a, r - 1, 7))
                             : jx_sprintf(c->a, "%s", ref(c->a, exec_row, 8));
        }
    } else {
        tcell(c, t, r, 7, 1, num_text(c->a, &sh->stated_total, false));
    }
    tcell(c, t, r, 8, 1,
          se && se->total.has_value
              ? jx_sprintf(c->a, "等级：%s", jx_grade_zh(se->grade))
              : "");
    return r + 1;
}

/* The table frame of a self-evaluation sheet: 9 columns. */
static struct jx_rtable *sheet_table(struct bctx *c, const char *title,
                                     const char *sheet)
{
    struct jx_rtable *t = jx_report_table(c->d, 9, 0);
    t->title = title;
    t->sheet = sheet;
    t->above_right = "单位：万元";
    static const int widths[9] = {3, 3, 3, 5, 3, 3, 2, 2, 5};
    t->widths = widths;
    return t;
}

/* The funds header row at r. */
static void funds_head(struct bctx *c, struct jx_rtable *t, int r,
                       const char *block, const char *score_header)
{
    static const char *const h[6] = {"年初预算数", "全年预算数", "全年执行数",
                                      "分值", "执行率", NULL};
    tcell(c, t, r, 0, 1, block)->header = true;
    tcell(c, t, r, 1, 2, "")->header = true;
    for (int k = 0; k < 6; k++) {
        tcell(c, t, r, 3 + k, 1, k == 5 ? score_header : h[k])->header = true;
    }
}

/* 附件2: the 整体支出绩效自评表. */
static void unit_sheet(struct bctx *c)
{
    const struct jx_package *p = c->pkg;
    const struct jx_sheet *s = &p->unit_sheet;
    const struct jx_sheet_eval *se = c->ev && c->ev->nsheets ? &c->ev->sheets[0]
                                                             : NULL;
    long long y = p->year.present ? (long long)p->year.v : 0;
    jx_report_heading(c->d, 1, "附件2");
    struct jx_rtable *t = sheet_table(
        c, jx_sprintf(c->a, "%lld年度预算单位整体支出绩效自评表", y),
        "附件2 整体支出自评表");
    int r = 0;
    tcell(c, t, r, 0, 1, "预算单位名称")->header = true;
    tcell(c, t, r, 1, 8, p->unit.name.s);
    r++;
    funds_head(c, t, r++, "年度预算申请（万元）", "得分");
    int exec_row = r;
    funds_total(c, t, r++, s, se);
    tcell(c, t, r, 0, 1, "");
    tcell(c, t, r, 1, 4, "按收入性质分：");
    tcell(c, t, r, 5, 4, "按支出性质分：");
    r++;
    static const enum jx_fund_key income[4] = {
        JX_FUND_GENERAL_BUDGET, JX_FUND_GOV_FUND, JX_FUND_SPECIAL_ACCOUNT,
        JX_FUND_OTHER};
    static const enum jx_fund_key nature[2] = {JX_FUND_BASIC, JX_FUND_PROJECT};
    for (int i = 0; i < 4; i++) {
        tcell(c, t, r, 0, 1, "");
        tcell(c, t, r, 1, 4, split_text(c, s, income[i], i == 0 ? "其中：" : ""));
        tcell(c, t, r, 5, 4,
              i < 2 ? split_text(c, s, nature[i], i == 0 ? "其中：" : "") : "");
        r++;
    }
    merge_rows(t, 0, exec_row - 1, r); /* 年度预算申请 down its block */
    goals_and_indicators(c, t, r, s, se, "得分", exec_row);
}

/* 附件3: one 项目支出绩效自评表 (sheet i). */
static void project_sheet(struct bctx *c, size_t i)
{
    const struct jx_package *p = c->pkg;
    const struct jx_sheet *s = &p->project_sheets[i];
    const struct jx_sheet_eval *se = NULL;
    for (size_t k = 0; c->ev && k < c->ev->nsheets; k++) {
        if (c->ev->sheets[k].sheet == s) {
            se = &c->ev->sheets[k];
        }
    }
    long long y = p->year.present ? (long long)p->year.v : 0;
    jx_report_heading(c->d, 1, i == 0 ? "附件3" : jx_sprintf(c->a, "附件3（%zu）",
                                                             i + 1));
    struct jx_rtable *t = sheet_table(
        c, jx_sprintf(c->a, "%lld年度项目支出绩效自评表", y),
        jx_sprintf(c->a, "附件3 项目自评表%zu", i + 1));
    int r = 0;
    tcell(c, t, r, 0, 1, "项目支出名称")->header = true;
    tcell(c, t, r, 1, 8, s->name.s);
    r++;
    tcell(c, t, r, 0, 1, "主管部门")->header = true;
    tcell(c, t, r, 1, 4, s->supervisor.s);
    tcell(c, t, r, 5, 1, "实施单位")->header = true;
    tcell(c, t, r, 6, 3, s->implementer.s);
    r++;
    funds_head(c, t, r++, "项目资金（万元）", "自评得分");
    int exec_row = r;
    funds_total(c, t, r++, s, se);
    static const enum jx_fund_key parts[3] = {
        JX_FUND_CURRENT_APPROP, JX_FUND_CARRYOVER, JX_FUND_OTHER};
    for (int k = 0; k < 3; k++) {
        const struct jx_funds *f = &s->funds[parts[k]];
        tcell(c, t, r, 0, 1, "");
        tcell(c, t, r, 1, 2,
              k == 0 ? jx_sprintf(c->a, "其中：%s", jx_fund_key_zh(parts[k]))
                     : jx_fund_key_zh(parts[k]));
        mcell(c, t, r, 3, &f->budget_initial, s->unit);
        mcell(c, t, r, 4, &f->budget_full, s->unit);
        mcell(c, t, r, 5, &f->executed, s->unit);
        tcell(c, t, r, 6, 1, "");
        tcell(c, t, r, 7, 1, "");
        tcell(c, t, r, 8, 1, "");
        r++;
    }
    merge_rows(t, 0, exec_row - 1, r); /* 项目资金 down its block */
    goals_and_indicators(c, t, r, s, se, "自评得分", exec_row);
}

/* ---- the ten sections ------------------------------------------------- */

/* Append the paragraphs of text (split at newlines). */
static void paragraphs(struct bctx *c, const char *text)
{
    const char *p = text;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        const char *s = jx_strndup(c->a, p, n);
        while (*s == ' ' || *s == '\t') {
            s++;
        }
        if (*s) {
            jx_report_para(c->d, JX_RS_BODY, s);
        }
        p = nl ? nl + 1 : NULL;
    }
}

/* The section numbered no of the report, or NULL. */
static const struct jx_section *section(const struct jx_package *p, int no)
{
    for (size_t i = 0; i < p->report.nsections; i++) {
        if (p->report.sections[i].no == no) {
            return &p->report.sections[i];
        }
    }
    return NULL;
}

/* The recomputed figures of the unit sheet as a paragraph, and the two
 * charts (budget vs executed per line; score by level-1 block). */
static void recomputed(struct bctx *c)
{
    const struct jx_package *p = c->pkg;
    const struct jx_sheet_eval *se = c->ev && c->ev->nsheets && p->has_unit_sheet
                                         ? &c->ev->sheets[0]
                                         : NULL;
    if (se) {
        const struct jx_funds *f = &p->unit_sheet.total;
        enum jx_money_unit u = p->unit_sheet.unit;
        struct jx_buf b;
        jx_buf_init(&b, 1u << 14);
        jx_buf_adds(&b, "复核结果：");
        if (f->budget_full.present && f->executed.present) {
            jx_buf_addf(&b, "全年预算数 %s%s，全年执行数 %s%s，",
                        money_text(c->a, f->budget_full.v, u),
                        jx_money_unit_name(u),
                        money_text(c->a, f->executed.v, u),
                        jx_money_unit_name(u));
        }
        if (se->rate.has_value) {
            jx_buf_addf(&b, "执行率 %s，执行率得分 %s 分；",
                        rat_text(c->a, se->rate.value, se->rate.scale, true),
                        se->exec_score.has_value
                            ? rat_text(c->a, se->exec_score.value,
                                       se->exec_score.scale, false)
                            : "—");
        }
        if (se->total.has_value) {
            jx_buf_addf(&b, "自评总分复核为 %s 分，等级“%s”",
                        rat_text(c->a, se->total.value, se->total.scale, false),
                        jx_grade_zh(se->grade));
            if (se->total.has_stated) {
                char s[JX_NUM_BUFSZ];
                jx_buf_addf(&b, "（表中填写 %s 分%s）",
                            jx_rat_format_exact(se->total.stated, false, s)
                                ? s
                                : jx_rat_format(se->total.stated, 2, false,
                                                JX_ROUND_HALF_UP, s),
                            se->total.agrees == JX_AGREE_NO ? "，不一致" : "");
            }
            jx_buf_adds(&b, "。");
        }
        jx_report_para(c->d, JX_RS_BODY, b.p);
        c->d->blocks[c->d->nblocks - 1].generated = true;
        jx_buf_release(&b);
        /* score by level-1 block */
        struct jx_rchart *ch = jx_report_chart(c->d, JX_CHART_BARS, 4);
        ch->title = "整体支出绩效自评得分（按一级指标）";
        ch->unit = "分";
        ch->series[0] = "复核得分";
        ch->max = jx_alloc_array(c->a, 4, sizeof *ch->max);
        ch->labels[0] = "预算执行率";
        ch->values[0][0] = se->exec_score.has_value ? se->exec_score.value
                                                    : jx_rat_int(0);
        ch->max[0] = se->exec_score.has_points ? se->exec_score.points
                                               : jx_rat_int(10);
        static const enum jx_block blocks[3] = {
            JX_BLOCK_OUTPUT, JX_BLOCK_BENEFIT, JX_BLOCK_SATISFACTION};
        for (int k = 0; k < 3; k++) {
            struct jx_rat got = jx_rat_int(0);
            for (size_t i = 0; i < se->nindicators &&
                               i < p->unit_sheet.nindicators;
                 i++) {
                const struct jx_indicator *in = &p->unit_sheet.indicators[i];
                const struct jx_item *it = &se->indicators[i];
                if (jx_block_of(in->level1.s ? in->level1.s : "") == blocks[k] &&
                    (it->has_value || it->has_stated)) {
                    jx_rat_add(got, it->has_value ? it->value : it->stated, &got);
                }
            }
            ch->labels[k + 1] = jx_block_zh(blocks[k]);
            ch->values[0][k + 1] = got;
            ch->max[k + 1] = se->blocks[blocks[k]].has_value
                                 ? se->blocks[blocks[k]].value
                                 : jx_rat_int(0);
        }
    }
    /* budget vs executed per line of the base sheet */
    const struct jx_base_sheet *bs = &p->base;
    if (bs->present) {
        const struct {
            const char *label;
            const struct jx_cost *k;
        } rows[4] = {{"三公经费", &bs->three_public},
                     {"项目支出", &bs->project},
                     {"公用经费", &bs->public_funds},
                     {"政府采购", &bs->procurement}};
        size_t n = 0;
        for (int i = 0; i < 4; i++) {
            n += rows[i].k->budget.present && rows[i].k->final.present;
        }
        if (n) {
            struct jx_rchart *ch = jx_report_chart(c->d, JX_CHART_PAIRS, n);
            ch->title = "基础数据表各项预算数与决算数";
            ch->unit = jx_money_unit_name(bs->unit);
            ch->series[0] = "预算数";
            ch->series[1] = "决算数";
            size_t k = 0;
            for (int i = 0; i < 4; i++) {
                if (rows[i].k->budget.present && rows[i].k->final.present) {
                    ch->labels[k] = rows[i].label;
                    ch->values[0][k] = money_value(rows[i].k->budget.v, bs->unit);
                    ch->values[1][k] = money_value(rows[i].k->final.v, bs->unit);
                    k++;
                }
            }
        }
    }
}

/* The ten sections: the report's own sections as written (marker and
 * title), each standard section the report lacks as a generated heading
 * with a note, and the recomputed figures after 六. */
static void sections(struct bctx *c)
{
    const struct jx_package *p = c->pkg;
    for (int no = 1; no <= 10; no++) {
        const struct jx_section *s = section(p, no);
        const char *title = s && has(&s->title) ? s->title.s : std_titles[no - 1];
        const char *mark = s && has(&s->marker)
                               ? s->marker.s
                               : jx_sprintf(c->a, "%s、", numerals[no - 1]);
        jx_report_heading(c->d, 1, jx_sprintf(c->a, "%s%s", mark, title));
        if (!s) {
            c->d->blocks[c->d->nblocks - 1].generated = true;
        }
        if (s && has(&s->text)) {
            paragraphs(c, s->text.s);
        } else {
            jx_report_para(c->d, JX_RS_NOTE, "（自评报告未填写此部分。）");
            c->d->blocks[c->d->nblocks - 1].generated = true;
        }
        if (no == 6) {
            recomputed(c);
        }
    }
}

/* ---- appendices -------------------------------------------------------- */

/* Family of a code ("C2xx" → "报告文字与表格"). */
static const char *family_zh(const char *code)
{
    if (code[0] == 'C' && code[1] >= '1' && code[1] <= '7') {
        static const char *const f[7] = {"数字计算", "报告文字与表格", "单位与年度",
                                         "绩效指标", "预算合理性", "完整性",
                                         "公开发布"};
        return f[code[1] - '1'];
    }
    switch (code[0]) {
    case 'S':
        return "计分";
    case 'V':
        return "指标值";
    case 'I':
        return "导入";
    case 'F':
        return "评价框架";
    default:
        return "其他";
    }
}

/* The findings, grouped by family, with a count chart. */
static void findings_body(struct bctx *c, const struct jx_diags *fs)
{
    static const char *const order[] = {"数字计算", "报告文字与表格", "单位与年度",
                                        "绩效指标", "预算合理性", "完整性",
                                        "公开发布", "计分", "指标值", "导入",
                                        "评价框架", "其他"};
    enum { NF = sizeof order / sizeof order[0] };
    size_t count[NF] = {0};
    size_t sev[4] = {0};
    for (size_t i = 0; i < fs->n; i++) {
        const char *f = family_zh(fs->a[i].code);
        for (size_t k = 0; k < NF; k++) {
            count[k] += strcmp(order[k], f) == 0;
        }
        sev[fs->a[i].severity]++;
    }
    jx_report_para(c->d, JX_RS_BODY,
                   jx_sprintf(c->a, "共 %zu 条发现：错误 %zu 条，警告 %zu 条，舍入 %zu 条，提示 %zu 条。"
                              "错误须更正；警告须核实或说明；舍入是各部分分别舍入造成的 0.01 之差；"
                              "提示供参考。",
                              fs->n, sev[JX_SEV_ERROR], sev[JX_SEV_WARNING],
                              sev[JX_SEV_ROUNDING], sev[JX_SEV_NOTE]));
    size_t used = 0;
    for (size_t k = 0; k < NF; k++) {
        used += count[k] > 0;
    }
    if (used) {
        struct jx_rchart *ch = jx_report_chart(c->d, JX_CHART_BARS, used);
        ch->title = "发现按类别统计";
        ch->unit = "条";
        ch->series[0] = "发现";
        size_t j = 0;
        for (size_t k = 0; k < NF; k++) {
            if (count[k]) {
                ch->labels[j] = order[k];
                ch->values[0][j] = jx_rat_int((int64_t)count[k]);
                j++;
            }
        }
    }
    for (size_t k = 0; k < NF; k++) {
        if (!count[k]) {
            continue;
        }
        jx_report_heading(c->d, 2, jx_sprintf(c->a, "%s（%zu 条）", order[k],
                                              count[k]));
        for (size_t i = 0; i < fs->n; i++) {
            const struct jx_diag *e = &fs->a[i];
            if (strcmp(family_zh(e->code), order[k]) != 0) {
                continue;
            }
            /* the place as a reader finds it, never a file path or a
             * JSON pointer (those are in check --json) */
            const char *place = jx_report_place(c->a, c->pkg, &e->loc);
            const char *text = jx_sprintf(c->a, "【%s %s】%s%s%s", e->code,
                                          jx_severity_zh(e->severity), e->msg,
                                          place ? "（位置：" : "",
                                          place ? jx_sprintf(c->a, "%s）", place)
                                                : "");
            jx_report_para(c->d, JX_RS_LIST, text);
            c->d->blocks[c->d->nblocks - 1].finding_sev[e->severity] = true;
            if (e->detail) {
                jx_report_para(c->d, JX_RS_NOTE, e->detail);
            }
        }
    }
}

/* One details block for a computed number. */
static void derivation(struct bctx *c, const struct jx_item *it)
{
    struct jx_rdetails *x = jx_report_details(
        c->d,
        jx_sprintf(c->a, "%s：%s", it->label ? it->label : "",
                   it->has_value ? rat_text(c->a, it->value, it->scale,
                                            it->percent)
                                 : "无法计算"),
        3 + it->ninputs);
    size_t l = 0;
    x->lines[l++] = jx_sprintf(c->a, "规则：%s", it->rule ? it->rule : "—");
    x->lines[l++] = jx_sprintf(c->a, "算式：%s", it->formula ? it->formula : "—");
    for (size_t m = 0; m < it->ninputs; m++) {
        x->lines[l++] = jx_sprintf(c->a, "输入：%s = %s", it->inputs[m].name,
                                   it->inputs[m].value);
    }
    if (it->note) {
        x->lines[l++] = jx_sprintf(c->a, "说明：%s", it->note);
    }
    x->nlines = l;
}

/* The derivations of every sheet: 执行率, 执行率得分, each indicator,
 * 总分. */
static void derivations(struct bctx *c)
{
    for (size_t k = 0; c->ev && k < c->ev->nsheets; k++) {
        const struct jx_sheet_eval *se = &c->ev->sheets[k];
        jx_report_heading(c->d, 2, se->label ? se->label : "自评表");
        derivation(c, &se->rate);
        derivation(c, &se->exec_score);
        for (size_t i = 0; i < se->nindicators; i++) {
            derivation(c, &se->indicators[i]);
        }
        derivation(c, &se->total);
    }
}

/* The 考核评分表 of a framework result as a table. */
static void assessment_table(struct bctx *c, const struct jx_fw_result *r)
{
    if (r->mismatch) {
        jx_report_para(c->d, JX_RS_NOTE,
                       jx_sprintf(c->a, "注意：%s", r->mismatch));
    }
    struct jx_rtable *t = jx_report_table(c->d, 7, 1);
    t->title = r->fw->title;
    t->sheet = "考核评分表";
    t->above_left = r->pkg && r->pkg->unit.name.s
                        ? jx_sprintf(c->a, "单位名称：%s", r->pkg->unit.name.s)
                        : NULL;
    static const int widths[7] = {2, 4, 1, 6, 2, 1, 5};
    t->widths = widths;
    static const char *const head[7] = {"一级指标", "二级指标", "分值", "评分标准",
                                        "得分", "自评", "扣分理由"};
    for (int k = 0; k < 7; k++) {
        tcell(c, t, 0, k, 1, head[k]);
    }
    int row = 1;
    for (size_t i = 0; i < r->nitems; i++) {
        const struct jx_fw_item_result *ir = &r->items[i];
        const struct jx_fw_item *it = ir->item;
        tcell(c, t, row, 0, 1, it->level1);
        tcell(c, t, row, 1, 1,
              it->name ? (it->level2 ? jx_sprintf(c->a, "%s：%s", it->level2,
                                                  it->name)
                                     : it->name)
                       : it->level2);
        struct jx_rcell *x = tcell(c, t, row, 2, 1,
                                   it->has_points
                                       ? rat_text(c->a, it->points, 2, false)
                                       : "—");
        x->align = JX_RA_RIGHT;
        x->fmt = JX_RF_SCORE;
        if (it->has_points) {
            x->has_value = true;
            x->value = it->points;
        }
        tcell(c, t, row, 3, 1, it->standard);
        const char *score;
        bool judged = ir->used_from && strcmp(ir->used_from, "判断") == 0;
        if (judged) {
            score = jx_sprintf(c->a, "%s（判断）",
                               rat_text(c->a, ir->used, 2, false));
        } else if (ir->status == JX_FWS_SCORED ||
                   ir->status == JX_FWS_VALUE) {
            score = ir->num.has_value ? rat_text(c->a, ir->num.value,
                                                 ir->num.scale, ir->num.percent)
                                      : "—";
        } else if (ir->status == JX_FWS_EXCLUDED) {
            score = "不适用";
        } else if (ir->suggested && ir->suggested->name) {
            score = jx_sprintf(c->a, "建议“%s”%s", ir->suggested->name,
                               ir->suggested->range.text
                                   ? ir->suggested->range.text
                                   : "");
        } else if (ir->has_suggestion && ir->suggestion.zero) {
            score = "建议 0";
        } else {
            score = jx_sprintf(c->a, "%s–%s（需判断）",
                               rat_text(c->a, ir->lo, 2, false),
                               rat_text(c->a, ir->hi, 2, false));
        }
        x = icell(c, t, row, 4, &ir->num, JX_RF_SCORE);
        x->text = score;
        x->has_value = (ir->status == JX_FWS_SCORED || judged) &&
                       ir->num.has_value;
        x = tcell(c, t, row, 5, 1,
                  ir->num.has_stated ? rat_text(c->a, ir->num.stated, 2, false)
                                     : "");
        x->align = JX_RA_RIGHT;
        x->flagged = ir->num.agrees == JX_AGREE_NO;
        tcell(c, t, row, 6, 1,
              ir->reason && *ir->reason
                  ? ir->reason
                  : (ir->has_suggestion && ir->suggestion.reasons
                         ? ir->suggestion.reasons
                         : ""));
        row++;
    }
    merge_runs(t, 0, 1, row, -1); /* each 一级指标 over its items */
    tcell(c, t, row, 0, 2, "合计")->header = true;
    struct jx_rcell *x = tcell(c, t, row, 2, 1,
                               rat_text(c->a, r->fw->points, 2, false));
    x->align = JX_RA_RIGHT;
    tcell(c, t, row, 3, 1,
          r->grade   ? jx_sprintf(c->a, "等级：%s", r->grade)
          : r->njudge ? "判断前不评等级"
                      : "");
    x = icell(c, t, row, 4, &r->total, JX_RF_SCORE);
    if (r->njudge) {
        /* not final: the range the judgements allow, no number */
        x->text = jx_fw_result_total_text(c->a, r);
        x->has_value = false;
    }
    x = tcell(c, t, row, 5, 1,
              r->total.has_stated ? rat_text(c->a, r->total.stated, 2, false)
                                  : "");
    x->align = JX_RA_RIGHT;
    tcell(c, t, row, 6, 1,
          r->njudge ? jx_sprintf(c->a, "其中 %zu 项需人工判断", r->njudge) : "");
    for (size_t i = 0; i < r->ntotals; i++) {
        if (r->totals[i].applied && r->totals[i].reason) {
            jx_report_para(c->d, JX_RS_NOTE, r->totals[i].reason);
        }
    }
}

/* ---- the documents ------------------------------------------------------ */

/* "单位 + 年度" title bits of pkg. */
static const char *unit_year(struct jx_arena *a, const struct jx_package *p)
{
    return jx_sprintf(a, "%s%s", p->unit.name.s ? p->unit.name.s : "",
                      p->year.present ? jx_sprintf(a, "%lld年度",
                                                   (long long)p->year.v)
                                      : "");
}

/* The 自评报告 of pkg (report.h). */
struct jx_report_doc *jx_report_build(struct jx_arena *a,
                                      const struct jx_package *pkg,
                                      const struct jx_eval *ev,
                                      const struct jx_diags *findings,
                                      const struct jx_report_opts *o)
{
    const char *title = has(&pkg->report.title)
                            ? pkg->report.title.s
                            : jx_sprintf(a, "%s部门整体支出绩效自评报告",
                                         unit_year(a, pkg));
    struct bctx c = {a, jx_report_new(a, title), pkg, ev};
    struct jx_report_doc *d = c.d;
    d->unit_name = pkg->unit.name.s;
    d->year = pkg->year.present ? (int)pkg->year.v : 0;
    d->subtitle = unit_year(a, pkg);
    d->header = title;
    d->footer = pkg->unit.name.s;
    /* the cover: who the unit is */
    const struct {
        const char *label;
        const struct jx_text *v;
    } cover[3] = {{"预算单位名称：", &pkg->unit.name},
                  {"预算编码：", &pkg->unit.code},
                  {"主管部门：", &pkg->unit.supervisor}};
    for (int i = 0; i < 3; i++) {
        if (has(cover[i].v)) {
            jx_report_para(d, JX_RS_CENTER,
                           jx_sprintf(a, "%s%s", cover[i].label, cover[i].v->s));
        }
    }
    jx_report_pagebreak(d);
    sections(&c);
    if (pkg->report.nattachments) {
        jx_report_para(d, JX_RS_LIST, "附件：");
        for (size_t i = 0; i < pkg->report.nattachments; i++) {
            jx_report_para(d, JX_RS_LIST,
                           jx_sprintf(a, "%zu、%s", i + 1,
                                      pkg->report.attachments[i].s
                                          ? pkg->report.attachments[i].s
                                          : ""));
        }
    }
    if (pkg->base.present) {
        jx_report_pagebreak(d);
        base_sheet(&c);
    }
    if (pkg->has_unit_sheet) {
        jx_report_pagebreak(d);
        unit_sheet(&c);
    }
    for (size_t i = 0; i < pkg->nproject_sheets; i++) {
        jx_report_pagebreak(d);
        project_sheet(&c, i);
    }
    int appendix = 0;
    if (o && o->with_findings && findings) {
        jx_report_pagebreak(d);
        jx_report_heading(d, 1, jx_sprintf(a, "附录%s 审核意见",
                                           numerals[appendix++]));
        findings_body(&c, findings);
    }
    if (o && o->with_derivations && ev) {
        jx_report_pagebreak(d);
        jx_report_heading(d, 1, jx_sprintf(a, "附录%s 计算过程",
                                           numerals[appendix++]));
        derivations(&c);
    }
    if (o && o->assessment) {
        jx_report_pagebreak(d);
        jx_report_heading(d, 1, jx_sprintf(a, "附录%s 考核评分表",
                                           numerals[appendix++]));
        assessment_table(&c, o->assessment);
    }
    return d;
}

/* The findings report (审核意见) alone. */
struct jx_report_doc *jx_report_findings(struct jx_arena *a,
                                         const struct jx_package *pkg,
                                         const struct jx_diags *findings)
{
    struct bctx c = {a,
                     jx_report_new(a, jx_sprintf(a, "%s绩效自评审核意见",
                                                 unit_year(a, pkg))),
                     pkg, NULL};
    c.d->unit_name = pkg->unit.name.s;
    c.d->year = pkg->year.present ? (int)pkg->year.v : 0;
    c.d->subtitle = pkg->unit.name.s;
    c.d->header = c.d->title;
    findings_body(&c, findings);
    return c.d;
}

/* The 考核评分表 of a framework result alone. */
struct jx_report_doc *jx_report_assessment(struct jx_arena *a,
                                           const struct jx_fw_result *r)
{
    struct bctx c = {a, jx_report_new(a, r->fw->title), r->pkg, NULL};
    if (r->pkg) {
        c.d->unit_name = r->pkg->unit.name.s;
        c.d->year = r->pkg->year.present ? (int)r->pkg->year.v : 0;
        c.d->subtitle = unit_year(a, r->pkg);
    }
    c.d->header = r->fw->title;
    assessment_table(&c, r);
    return c.d;
}
