/*
 * check_arith.c - C1xx arithmetic: totals against their parts in every
 * table (funds splits, the base sheet, the goal sheet, the printed
 * scoring tables) and in the prose, and stated rates recomputed.
 * Differences within the rounding tolerance are `rounding`, larger ones
 * `error` (docs/checks.md, "C1").
 */
#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/facts.h"

#include <stddef.h>
#include <string.h>

/* True when two facts stand in the same sentence: the facts of one
 * sentence share its text (the pointer is asked first), and equal
 * texts count as the same. */
static bool same_sentence(const struct jx_fact *a, const struct jx_fact *b)
{
    return a->sentence == b->sentence || strcmp(a->sentence, b->sentence) == 0;
}

/* Format an amount with at least 2 decimals; the string is in the
 * check's arena. */
static const char *amt_str(struct jx_check_ctx *c, struct jx_money m,
                           enum jx_money_unit unit)
{
    char buf[JX_NUM_BUFSZ];
    return jx_strdup(c->arena, jx_money_format_exact(m, unit, buf));
}

/* Format a rational exactly (or at 4 decimals when it has no finite
 * form); percent multiplies by 100.  The string is in the arena. */
static const char *rat_str(struct jx_check_ctx *c, struct jx_rat r,
                           bool percent)
{
    char buf[JX_NUM_BUFSZ];
    const char *s = jx_rat_format_exact(r, percent, buf);
    if (!s) {
        s = jx_rat_format(r, 2, percent, JX_ROUND_HALF_UP, buf);
    }
    return jx_strdup(c->arena, s);
}

/* The rounding tolerance in 分 for amounts printed in unit. */
static int64_t tol_fen(const struct jx_check_ctx *c, enum jx_money_unit unit)
{
    struct jx_rat scale = jx_rat_int(unit == JX_WANYUAN ? 1000000 : 100);
    struct jx_rat t;
    if (jx_rat_mul(c->cfg->rounding_tolerance, scale, &t) != JX_NUM_OK) {
        return 0;
    }
    struct jx_rat r;
    if (jx_rat_round(t, 0, JX_ROUND_FLOOR, &r) != JX_NUM_OK) {
        return 0;
    }
    return r.num;
}

/* Severity of a difference of d 分: 0 for none, else rounding or
 * error. */
static int diff_sev(const struct jx_check_ctx *c, int64_t d,
                    enum jx_money_unit unit, enum jx_severity *sev)
{
    if (d == 0) {
        return 0;
    }
    int64_t a = d < 0 ? -d : d;
    *sev = a <= tol_fen(c, unit) ? JX_SEV_ROUNDING : JX_SEV_ERROR;
    return 1;
}

/* Whether sum_check would report on total and parts: the same sum
 * and test, nothing formatted (the callers build their words and paths,
 * and sum_check its terms, only for a finding). */
static bool sum_fires(const struct jx_check_ctx *c, const struct jx_amt *total,
                      const struct jx_amt *const *parts, size_t nparts,
                      enum jx_money_unit unit)
{
    if (!total->present) {
        return false;
    }
    struct jx_money sum = {0};
    size_t used = 0;
    for (size_t k = 0; k < nparts; k++) {
        if (!parts[k]->present) {
            continue;
        }
        if (jx_money_add(sum, parts[k]->v, &sum) != JX_NUM_OK) {
            return false;
        }
        used++;
    }
    struct jx_money d;
    enum jx_severity sev;
    return used && jx_money_sub(sum, total->v, &d) == JX_NUM_OK &&
           diff_sev(c, d.fen, unit, &sev);
}

/*
 * Check total == Σ parts (the present ones; nothing when the total or
 * every part is absent).  what names the sum in the message, e.g.
 * "整体支出绩效自评表按收入性质分的全年执行数"; total_what the total.
 */
static void sum_check(struct jx_check_ctx *c, const char *code,
                      const struct jx_amt *total, const struct jx_amt *const *parts,
                      size_t nparts, enum jx_money_unit unit,
                      const char *what, const char *total_what,
                      const char *path)
{
    if (!sum_fires(c, total, parts, nparts, unit)) {
        return;
    }
    struct jx_money sum = {0};
    struct jx_buf terms;
    jx_buf_init(&terms, 4096);
    size_t used = 0;
    for (size_t k = 0; k < nparts; k++) {
        if (!parts[k]->present) {
            continue;
        }
        if (jx_money_add(sum, parts[k]->v, &sum) != JX_NUM_OK) {
            jx_buf_release(&terms);
            return;
        }
        if (used) {
            jx_buf_adds(&terms, " + ");
        }
        jx_buf_adds(&terms, amt_str(c, parts[k]->v, unit));
        used++;
    }
    struct jx_money d;
    enum jx_severity sev;
    if (used && jx_money_sub(sum, total->v, &d) == JX_NUM_OK &&
        diff_sev(c, d.fen, unit, &sev)) {
        struct jx_money ad = {d.fen < 0 ? -d.fen : d.fen};
        for (size_t k = 0; k < nparts; k++) {
            jx_check_use(c, parts[k]->present ? parts[k]->prov : NULL);
        }
        struct jx_diag *e = jx_check_report(
            c, code, sev, total->prov, path,
            "%s之和 %s = %s%s，与%s %s 不一致（相差 %s）", what,
            terms.p, amt_str(c, sum, unit), jx_money_unit_name(unit),
            total_what, amt_str(c, total->v, unit), amt_str(c, ad, unit));
        jx_diag_detail(c->diags, e, "差额 %s − %s = %s%s",
                       amt_str(c, sum, unit), amt_str(c, total->v, unit),
                       d.fen < 0 ? "−" : "", amt_str(c, ad, unit));
    }
    jx_buf_release(&terms);
}

/* Column names of a funds row, with their JSON keys. */
static const struct {
    const char *key;
    const char *zh;
    size_t off;
} funds_cols[] = {
    {"budget_initial", "年初预算数", offsetof(struct jx_funds, budget_initial)},
    {"budget_full", "全年预算数", offsetof(struct jx_funds, budget_full)},
    {"executed", "全年执行数", offsetof(struct jx_funds, executed)},
};

/* One column of a funds row. */
static const struct jx_amt *funds_col(const struct jx_funds *f, size_t k)
{
    return (const struct jx_amt *)(const void *)((const char *)f +
                                                 funds_cols[k].off);
}

/* C101: the funds splits (by source, by nature) of a sheet against its
 * 年度资金总额, column by column. */
static void check_funds(struct jx_check_ctx *c, const struct jx_sheet *s,
                        const char *sheet_zh, const char *base)
{
    /* the rows "其中：…" that split the total by where the money comes
     * from are one list, whichever words a form uses for them (一般公共
     * 预算 / 政府性基金 / 财政专户 / 其他资金 in one, 财政拨款 / 上年结转 /
     * 其他资金 in another, 财政资金 / 财政专户管理资金 / 单位资金 in a
     * third): their keys are summed together, never as two lists of
     * which each holds only some of the rows */
    static const enum jx_fund_key src[] = {
        JX_FUND_GENERAL_BUDGET, JX_FUND_GOV_FUND, JX_FUND_SPECIAL_ACCOUNT,
        JX_FUND_CURRENT_APPROP, JX_FUND_CARRYOVER, JX_FUND_OTHER};
    static const enum jx_fund_key nat[] = {JX_FUND_BASIC, JX_FUND_PROJECT};
    const struct {
        const enum jx_fund_key *keys;
        size_t n;
        const char *zh;
    } groups[] = {
        {src, 6, "按收入性质分"},
        {nat, 2, "按支出性质分"},
    };
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
        for (size_t k = 0; k < sizeof funds_cols / sizeof funds_cols[0];
             k++) {
            const struct jx_amt *parts[6];
            for (size_t j = 0; j < groups[g].n; j++) {
                parts[j] = funds_col(&s->funds[groups[g].keys[j]], k);
            }
            if (!sum_fires(c, funds_col(&s->total, k), parts, groups[g].n,
                           s->unit)) {
                continue;
            }
            sum_check(c, "C101", funds_col(&s->total, k), parts,
                      groups[g].n, s->unit,
                      jx_sprintf(c->arena, "%s%s的%s", sheet_zh,
                                 groups[g].zh, funds_cols[k].zh),
                      jx_sprintf(c->arena, "年度资金总额%s",
                                 funds_cols[k].zh),
                      jx_sprintf(c->arena, "%s/funds/total/%s", base,
                                 funds_cols[k].key));
        }
    }
}

/* Columns of a cost row. */
static const struct {
    const char *key;
    const char *zh;
    size_t off;
} cost_cols[] = {
    {"prev_final", "上年决算数", offsetof(struct jx_cost, prev_final)},
    {"budget", "本年预算数", offsetof(struct jx_cost, budget)},
    {"final", "本年决算数", offsetof(struct jx_cost, final)},
};

/* One column of a cost row. */
static const struct jx_amt *cost_col(const struct jx_cost *r, size_t k)
{
    return (const struct jx_amt *)(const void *)((const char *)r +
                                                 cost_cols[k].off);
}

/* C102: a base-sheet total against its parts, column by column. */
static void cost_sum(struct jx_check_ctx *c, const struct jx_cost *total,
                     const struct jx_cost *const *parts, size_t n,
                     const char *total_zh, const char *key)
{
    const struct jx_base_sheet *b = &c->pkg->base;
    for (size_t k = 0; k < 3; k++) {
        const struct jx_amt *p[64];
        size_t m = n < 64 ? n : 64;
        for (size_t j = 0; j < m; j++) {
            p[j] = cost_col(parts[j], k);
        }
        if (!sum_fires(c, cost_col(total, k), p, m, b->unit)) {
            continue;
        }
        sum_check(c, "C102", cost_col(total, k), p, m, b->unit,
                  jx_sprintf(c->arena, "基础数据表%s各项的%s", total_zh,
                             cost_cols[k].zh),
                  jx_sprintf(c->arena, "%s%s", total_zh, cost_cols[k].zh),
                  jx_sprintf(c->arena, "/base_sheet/costs/%s/%s", key,
                             cost_cols[k].key));
    }
}

/* C102, C103, C104: the base sheet's sums. */
static void check_base(struct jx_check_ctx *c)
{
    const struct jx_base_sheet *b = &c->pkg->base;
    const struct jx_cost *tp[] = {&b->vehicle, &b->overseas, &b->reception};
    cost_sum(c, &b->three_public, tp, 3, "三公经费", "three_public");
    const struct jx_cost *vp[] = {&b->vehicle_purchase,
                                  &b->vehicle_operation};
    cost_sum(c, &b->vehicle, vp, 2, "公务用车购置和维护经费", "vehicle");
    if (b->nproject_lines) {
        const struct jx_cost **pp = jx_alloc_array(
            c->arena, b->nproject_lines, sizeof *pp);
        for (size_t j = 0; j < b->nproject_lines; j++) {
            pp[j] = &b->project_lines[j].cost;
        }
        cost_sum(c, &b->project, pp, b->nproject_lines, "项目支出",
                 "project");
    }
    /* C103: 公用经费 ≥ Σ 其中 lines. */
    for (size_t k = 0; k < 3; k++) {
        const struct jx_amt *t = cost_col(&b->public_funds, k);
        const struct jx_amt *parts[] = {cost_col(&b->office, k),
                                        cost_col(&b->utilities_travel, k),
                                        cost_col(&b->meetings_training, k)};
        if (!t->present) {
            continue;
        }
        struct jx_money sum = {0};
        bool any = false;
        for (size_t j = 0; j < 3; j++) {
            if (parts[j]->present &&
                jx_money_add(sum, parts[j]->v, &sum) == JX_NUM_OK) {
                any = true;
            }
        }
        struct jx_money d;
        enum jx_severity sev;
        if (any && jx_money_cmp(sum, t->v) > 0 &&
            jx_money_sub(sum, t->v, &d) == JX_NUM_OK &&
            diff_sev(c, d.fen, b->unit, &sev)) {
            jx_check_report(
                c, "C103", sev, t->prov,
                jx_sprintf(c->arena, "/base_sheet/costs/public_funds/%s",
                           cost_cols[k].key),
                "基础数据表公用经费%s %s%s 小于其中各项之和 %s（相差 %s）",
                cost_cols[k].zh, amt_str(c, t->v, b->unit),
                jx_money_unit_name(b->unit), amt_str(c, sum, b->unit),
                amt_str(c, d, b->unit));
        }
    }
    /* C104: 项目支出 {Y}决算 = 整体表 按支出性质 项目支出. */
    const struct jx_amt *bf = &b->project.final;
    const struct jx_amt *ue = &c->pkg->unit_sheet.funds[JX_FUND_PROJECT]
                                   .executed;
    struct jx_money d;
    enum jx_severity sev;
    if (c->pkg->has_unit_sheet && bf->present && ue->present &&
        jx_money_sub(bf->v, ue->v, &d) == JX_NUM_OK &&
        diff_sev(c, d.fen, b->unit, &sev)) {
        struct jx_money ad = {d.fen < 0 ? -d.fen : d.fen};
        jx_check_report(
            c, "C104", sev, bf->prov, "/base_sheet/costs/project/final",
            "基础数据表项目支出本年决算数 %s%s 与整体支出绩效自评表按支出性质分的项目支出全年执行数 %s%s 不一致（相差 %s%s）",
            amt_str(c, bf->v, b->unit), jx_money_unit_name(b->unit),
            amt_str(c, ue->v, c->pkg->unit_sheet.unit),
            jx_money_unit_name(c->pkg->unit_sheet.unit),
            amt_str(c, ad, b->unit), jx_money_unit_name(b->unit));
    }
}

/* How a stated rate (a fraction) agrees with the exact one r at the
 * decimals it was printed with (the fewest that show it, as a percent):
 * 0 when r rounds to it there, 1 when one unit off in the last place of
 * a rate printed to hundredths of a percent (rounding), 2 otherwise. */
static int rate_at_printed(struct jx_rat stated, struct jx_rat r)
{
    char buf[JX_NUM_BUFSZ];
    int k = 2;
    if (jx_rat_format_exact(stated, true, buf)) {
        const char *dot = strchr(buf, '.');
        k = dot ? (int)strcspn(dot + 1, "%") : 0;
    }
    struct jx_rat rr, d;
    if (jx_rat_round(r, k + 2, JX_ROUND_HALF_UP, &rr) != JX_NUM_OK ||
        jx_rat_cmp(rr, stated) == 0) {
        return 0;
    }
    if (k < 2 || jx_rat_sub(stated, rr, &d) != JX_NUM_OK) {
        return 2;
    }
    if (jx_rat_sign(d) < 0) {
        d.num = -d.num;
    }
    return jx_rat_cmp(d, (struct jx_rat){1, 10000}) <= 0 ? 1 : 2;
}

/* C105, C106: the stated 控制率 against 实际在职人数 / 编制数. */
static void check_control_rate(struct jx_check_ctx *c)
{
    const struct jx_base_sheet *b = &c->pkg->base;
    const struct jx_num *st = &b->control_rate;
    if (!st->present || !b->authorized.present || !b->actual.present) {
        return;
    }
    const char *path = "/base_sheet/staffing/control_rate";
    if (b->authorized.v == 0) {
        jx_check_report(c, "C106", JX_SEV_WARNING, st->prov, path,
                        "控制率写为 %s，但编制数为 0，实际在职 %lld 人：分母为 0，比率不适用",
                        rat_str(c, st->v, true), (long long)b->actual.v);
        return;
    }
    struct jx_rat r;
    if (jx_rat_make(b->actual.v, b->authorized.v, &r) != JX_NUM_OK) {
        return;
    }
    int agree = rate_at_printed(st->v, r);
    if (agree == 0) {
        return; /* 95% for 95.10%: the rate at its printed decimals */
    }
    enum jx_severity sev = agree == 1 ? JX_SEV_ROUNDING : JX_SEV_ERROR;
    char b1[JX_NUM_BUFSZ];
    jx_check_report(c, "C105", sev, st->prov, path,
                    "控制率写为 %s，按实际在职人数 %lld / 编制数 %lld 计算应为 %s",
                    rat_str(c, st->v, true), (long long)b->actual.v,
                    (long long)b->authorized.v,
                    jx_rat_format(r, 2, true, JX_ROUND_HALF_UP, b1));
}

/* One 楼堂馆所 rate: stated vs num / den (rates as fractions).  0/0 with
 * every cell 0 is "no project", not a rate: not reported. */
static void building_rate(struct jx_check_ctx *c, size_t i, const char *what,
                          const struct jx_num *stated, struct jx_rat num,
                          struct jx_rat den, const char *key,
                          const char *formula)
{
    if (!stated->present) {
        return;
    }
    const char *path =
        jx_sprintf(c->arena, "/base_sheet/buildings/%zu/%s", i, key);
    if (jx_rat_sign(den) == 0) {
        if (jx_rat_sign(num) != 0 || jx_rat_sign(stated->v) != 0) {
            jx_check_report(c, "C117", JX_SEV_WARNING, stated->prov, path,
                            "楼堂馆所第 %zu 行的%s写为 %s，但分母为 0：比率不适用",
                            i + 1, what, rat_str(c, stated->v, true));
        }
        return;
    }
    struct jx_rat r;
    int agree = 0;
    if (jx_rat_div(num, den, &r) != JX_NUM_OK ||
        (agree = rate_at_printed(stated->v, r)) == 0) {
        return;
    }
    char b1[JX_NUM_BUFSZ];
    jx_check_report(c, "C117", agree == 1 ? JX_SEV_ROUNDING : JX_SEV_ERROR,
                    stated->prov, path,
                    "楼堂馆所第 %zu 行的%s写为 %s，按 %s 计算应为 %s", i + 1, what,
                    rat_str(c, stated->v, true), formula,
                    jx_rat_format(r, 2, true, JX_ROUND_HALF_UP, b1));
}

/* C117: 规模控制率 = 实际规模 / 批复规模, 投资概算控制率 = 实际投资 / 预算投资
 * (rules §5.2) recomputed for every 楼堂馆所 row. */
static void check_buildings(struct jx_check_ctx *c)
{
    const struct jx_base_sheet *b = &c->pkg->base;
    for (size_t i = 0; i < b->nbuildings; i++) {
        const struct jx_building *bd = &b->buildings[i];
        if (bd->approved_area.present && bd->actual_area.present) {
            building_rate(c, i, "规模控制率", &bd->area_rate,
                          bd->actual_area.v, bd->approved_area.v, "area_rate",
                          "实际规模 / 批复规模");
        }
        if (bd->budget_invest.present && bd->actual_invest.present) {
            building_rate(c, i, "投资概算控制率", &bd->invest_rate,
                          jx_rat_int(bd->actual_invest.v.fen),
                          jx_rat_int(bd->budget_invest.v.fen), "invest_rate",
                          "实际投资 / 预算投资");
        }
    }
}

/* Columns of a task row. */
static const struct {
    const char *key;
    const char *zh;
    size_t off;
} task_cols[] = {
    {"budget_total", "预算数总额", offsetof(struct jx_task, budget_total)},
    {"budget_fiscal", "预算数财政拨款", offsetof(struct jx_task, budget_fiscal)},
    {"executed_total", "执行数总额", offsetof(struct jx_task, executed_total)},
    {"executed_fiscal", "执行数财政拨款",
     offsetof(struct jx_task, executed_fiscal)},
};

/* One column of a task row. */
static const struct jx_amt *task_col(const struct jx_task *t, size_t k)
{
    return (const struct jx_amt *)(const void *)((const char *)t +
                                                 task_cols[k].off);
}

/* C108: 其中：财政拨款 above 总额 in one task row (or the total). */
static void fiscal_check(struct jx_check_ctx *c, const struct jx_task *t,
                         const char *row_zh, const char *base)
{
    enum jx_money_unit u = c->pkg->goal_sheet.unit;
    for (size_t k = 0; k < 4; k += 2) {
        const struct jx_amt *tot = task_col(t, k);
        const struct jx_amt *fis = task_col(t, k + 1);
        if (tot->present && fis->present &&
            jx_money_cmp(fis->v, tot->v) > 0) {
            jx_check_report(c, "C108", JX_SEV_ERROR, fis->prov,
                            jx_sprintf(c->arena, "%s/%s", base,
                                       task_cols[k + 1].key),
                            "%s的%s %s%s 大于%s %s",
                            row_zh, task_cols[k + 1].zh,
                            amt_str(c, fis->v, u), jx_money_unit_name(u),
                            task_cols[k].zh, amt_str(c, tot->v, u));
        }
    }
}

/* C107, C108: the goal sheet's tasks against 金额合计. */
static void check_goals(struct jx_check_ctx *c)
{
    const struct jx_sheet *g = &c->pkg->goal_sheet;
    if (!c->pkg->has_goal_sheet) {
        return;
    }
    for (size_t i = 0; i < g->ntasks; i++) {
        fiscal_check(c, &g->tasks[i],
                     jx_sprintf(c->arena, "年度主要任务第 %zu 行", i + 1),
                     jx_sprintf(c->arena, "/goal_sheet/tasks/%zu", i));
    }
    fiscal_check(c, &g->task_total, "金额合计", "/goal_sheet/task_total");
    if (!g->ntasks) {
        return;
    }
    const struct jx_amt **p = jx_alloc_array(c->arena, g->ntasks, sizeof *p);
    for (size_t k = 0; k < 4; k++) {
        for (size_t i = 0; i < g->ntasks; i++) {
            p[i] = task_col(&g->tasks[i], k);
        }
        if (!sum_fires(c, task_col(&g->task_total, k), p, g->ntasks,
                       g->unit)) {
            continue;
        }
        sum_check(c, "C107", task_col(&g->task_total, k), p, g->ntasks,
                  g->unit,
                  jx_sprintf(c->arena, "年度主要任务各行%s", task_cols[k].zh),
                  jx_sprintf(c->arena, "金额合计%s", task_cols[k].zh),
                  jx_sprintf(c->arena, "/goal_sheet/task_total/%s",
                             task_cols[k].key));
    }
}

/* The name of a rubric row for messages (三级, else 二级, else 一级). */
static const char *row_name(const struct jx_rubric_row *r)
{
    if (r->name.s && *r->name.s) {
        return r->name.s;
    }
    if (r->level2.s && *r->level2.s) {
        return r->level2.s;
    }
    return r->level1.s ? r->level1.s : "";
}

/* C110–C113: a printed scoring table. */
static void check_rubric(struct jx_check_ctx *c, const struct jx_rubric *t,
                         const char *key)
{
    if (!t->present || !t->nrows) {
        return;
    }
    const char *tname = t->title.s ? t->title.s : "评分表";
    struct jx_rat psum = jx_rat_int(0), ssum = jx_rat_int(0);
    struct jx_rat blank_pts = jx_rat_int(0);
    bool all_points = true, ok = true;
    size_t nblank = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const struct jx_rubric_row *r = &t->rows[i];
        if (r->points.present) {
            ok = ok && jx_rat_add(psum, r->points.v, &psum) == JX_NUM_OK;
        } else {
            all_points = false;
        }
        if (r->score.present) {
            ok = ok && jx_rat_add(ssum, r->score.v, &ssum) == JX_NUM_OK;
        } else {
            nblank++;
            if (r->points.present) {
                ok = ok && jx_rat_add(blank_pts, r->points.v, &blank_pts) ==
                               JX_NUM_OK;
            }
        }
        if (r->score.present && r->points.present &&
            jx_rat_cmp(r->score.v, r->points.v) > 0) {
            jx_check_report(c, "C110", JX_SEV_ERROR, r->score.prov,
                            jx_sprintf(c->arena, "/%s/rows/%zu/score", key, i),
                            "%s“%s”的得分 %s 超过分值 %s", tname, row_name(r),
                            rat_str(c, r->score.v, false),
                            rat_str(c, r->points.v, false));
        }
    }
    if (!ok) {
        return;
    }
    if (all_points && jx_rat_cmp(psum, jx_rat_int(100)) != 0) {
        /* a table whose 合计 row was not read may have been cut off (a
         * page that ends inside it): a note, not an error */
        bool whole = t->stated_total.present;
        jx_check_report(c, "C111", whole ? JX_SEV_ERROR : JX_SEV_NOTE,
                        t->rows[0].prov,
                        jx_sprintf(c->arena, "/%s/rows", key),
                        whole ? "%s各项分值之和为 %s，不是 100"
                              : "%s各项分值之和为 %s，不是 100；表中没有读到"
                                "合计行，表可能不完整，未作为错误",
                        tname, rat_str(c, psum, false));
    }
    const struct jx_num *st = &t->stated_total;
    struct jx_rat d;
    if (st->present && jx_rat_sub(ssum, st->v, &d) == JX_NUM_OK &&
        jx_rat_sign(d) != 0) {
        struct jx_rat ad = jx_rat_sign(d) < 0 ? (struct jx_rat){-d.num, d.den}
                                              : d;
        enum jx_severity sev =
            jx_rat_cmp(ad, c->cfg->rounding_tolerance) <= 0 ? JX_SEV_ROUNDING
                                                            : JX_SEV_ERROR;
        struct jx_rat with_blank;
        struct jx_diag *e = jx_check_report(
            c, "C112", sev, st->prov,
            jx_sprintf(c->arena, "/%s/stated_total", key),
            "%s各项得分之和 %s 与合计 %s 不一致（相差 %s）", tname,
            rat_str(c, ssum, false), rat_str(c, st->v, false),
            rat_str(c, ad, false));
        if (nblank &&
            jx_rat_add(ssum, blank_pts, &with_blank) == JX_NUM_OK) {
            jx_diag_detail(c->diags, e,
                           "有 %zu 项得分空白（分值共 %s）；按满分计则为 %s",
                           nblank, rat_str(c, blank_pts, false),
                           rat_str(c, with_blank, false));
        }
    }
    if (st->present && t->stated_grade.s && *t->stated_grade.s) {
        const char *want = jx_grade_zh(jx_grade_of(st->v));
        if (want && !strstr(t->stated_grade.s, want)) {
            jx_check_report(c, "C113", JX_SEV_ERROR, t->stated_grade.prov,
                            jx_sprintf(c->arena, "/%s/stated_grade", key),
                            "%s评分等级写为“%s”，但合计 %s 分对应的等级是“%s”",
                            tname, t->stated_grade.s,
                            rat_str(c, st->v, false), want);
        }
    }
}

/* Run the C1 family. */
/* C109: a rate printed for a zero denominator: a sentence whose money
 * figures (two or more) are all 0 and which states a percentage — 0/0
 * is 不适用, not 0% (seed 002: 三公经费预算 0 万元，实际支出 0 万元，预算执行率
 * 为 0%). */
static void zero_rates(struct jx_check_ctx *c)
{
    const struct jx_facts *fs = jx_check_facts(c);
    size_t i = 0;
    while (i < fs->n) {
        size_t j = i;
        while (j < fs->n && same_sentence(&fs->a[j], &fs->a[i])) {
            j++;
        }
        size_t money = 0, zero = 0;
        const struct jx_fact *pct = NULL;
        for (size_t k = i; k < j; k++) {
            const struct jx_fact *f = &fs->a[k];
            if (f->kind == JX_FACT_MONEY) {
                money++;
                zero += f->money.fen == 0;
            } else if (f->kind == JX_FACT_PERCENT && !pct) {
                pct = f;
            }
        }
        if (pct && money >= 2 && zero == money) {
            size_t si = 0;
            const struct jx_report *r = &c->pkg->report;
            while (si < r->nsections && r->sections[si].no != pct->section) {
                si++;
            }
            struct jx_diag *e = jx_check_report(
                c, "C109", JX_SEV_WARNING, &pct->prov,
                si < r->nsections
                    ? jx_sprintf(c->arena, "/report/sections/%zu/text", si)
                    : NULL,
                "报告中“%s%s”的分子和分母都是 0，比率无从计算，应写“不适用”，"
                "不应写作 %s",
                pct->label, pct->text, pct->text);
            jx_diag_detail(c->diags, e, "所在句子：%s", pct->sentence);
        }
        i = j;
    }
}

/* The stated percentage of pct equals `value` at its own decimals?
 * Returns 0 when equal, 1 when within one unit of the last place, 2
 * otherwise; *dp gets the decimals (of percent). */
static int pct_agrees(const struct jx_fact *pct, struct jx_rat value, int *dp)
{
    *dp = 0;
    const char *dot = strchr(pct->text, '.');
    if (dot) {
        for (const char *q = dot + 1; *q >= '0' && *q <= '9'; q++) {
            (*dp)++;
        }
    }
    struct jx_rat r, d, unit = jx_rat_int(1);
    if (jx_rat_round(value, *dp + 2, JX_ROUND_HALF_UP, &r) != JX_NUM_OK ||
        jx_rat_sub(pct->value, r, &d) != JX_NUM_OK) {
        return 0;
    }
    if (jx_rat_sign(d) == 0) {
        return 0;
    }
    if (jx_rat_sign(d) < 0) {
        d.num = -d.num;
    }
    for (int k = 0; k < *dp + 2; k++) {
        jx_rat_div(unit, jx_rat_int(10), &unit);
    }
    /* one unit off is rounding only in the hundredths of a percent: a
       rate printed 95% where 96.34% is meant is no rounding of parts */
    return *dp >= 2 && jx_rat_cmp(d, unit) <= 0 ? 1 : 2;
}

/* C114: a stated share "X 万元，占总支出的 Y%" recomputed.  The part is
 * the amount right before the percentage in its sentence; the whole is
 * an earlier amount of the report whose own sentence goes on to break
 * it down into parts that include this one (seed 001: 153.51 万元，其中：
 * 项目支出 56.65 万元 … → 56.65 / 153.51).  Conservative: nothing is said
 * unless both are found. */
static void shares(struct jx_check_ctx *c)
{
    const struct jx_facts *fs = jx_check_facts(c);
    for (size_t i = 1; i < fs->n; i++) {
        const struct jx_fact *pct = &fs->a[i];
        const struct jx_fact *part = &fs->a[i - 1];
        if (pct->kind != JX_FACT_PERCENT || part->kind != JX_FACT_MONEY ||
            strcmp(part->sentence, pct->sentence) != 0 ||
            !strstr(pct->label, "占") || !strstr(pct->label, "支出")) {
            continue;
        }
        const struct jx_fact *whole = NULL;
        for (size_t k = 0; k + 1 < i && !whole; k++) {
            const struct jx_fact *w = &fs->a[k];
            if (w->kind != JX_FACT_MONEY || w->money.fen <= part->money.fen ||
                !strstr(w->label, "支出")) {
                continue;
            }
            for (size_t m = k + 1; m < i - 1; m++) {
                const struct jx_fact *x = &fs->a[m];
                if (strcmp(x->sentence, w->sentence) != 0) {
                    break;
                }
                if (x->kind == JX_FACT_MONEY &&
                    x->money.fen == part->money.fen) {
                    whole = w;
                    break;
                }
            }
        }
        struct jx_rat share;
        if (!whole || jx_rat_money_div(part->money, whole->money, &share) !=
                          JX_NUM_OK) {
            continue;
        }
        int dp;
        int agree = pct_agrees(pct, share, &dp);
        if (agree == 0) {
            continue;
        }
        char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ], b3[JX_NUM_BUFSZ];
        jx_check_report(
            c, "C114", agree == 1 ? JX_SEV_ROUNDING : JX_SEV_ERROR,
            &pct->prov, NULL,
            "报告称%s%s%s%s，按 %s / %s = %s，与所写比例不一致",
            part->label, part->text, pct->label, pct->text,
            jx_money_format(part->money, part->unit, 2, JX_ROUND_HALF_UP, b1),
            jx_money_format(whole->money, part->unit, 2, JX_ROUND_HALF_UP, b2),
            jx_rat_format(share, dp, true, JX_ROUND_HALF_UP, b3));
    }
}

/* C115 for a payment rate stated after the amounts paid and left unpaid
 * ("支付 18501.096 万元，未支 703 万元，支付率 95%"): paid / (paid +
 * unpaid).  True when it applied (reported or agreed). */
static bool paid_unpaid(struct jx_check_ctx *c, const struct jx_fact *pct,
                        const struct jx_fact *paid,
                        const struct jx_fact *unpaid)
{
    if (!strstr(unpaid->label, "未") || strstr(paid->label, "未") ||
        paid->unit != unpaid->unit) {
        return false;
    }
    struct jx_money all;
    struct jx_rat rate;
    if (jx_money_add(paid->money, unpaid->money, &all) != JX_NUM_OK ||
        all.fen <= 0 ||
        jx_rat_money_div(paid->money, all, &rate) != JX_NUM_OK) {
        return false;
    }
    int dp;
    int agree = pct_agrees(pct, rate, &dp);
    if (agree == 0) {
        return true;
    }
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ], b3[JX_NUM_BUFSZ];
    const char *p = jx_money_format_exact(paid->money, paid->unit, b1);
    jx_check_report(
        c, "C115", agree == 1 ? JX_SEV_ROUNDING : JX_SEV_ERROR, &pct->prov,
        NULL, "报告称%s%s，按 已付 / (已付 + 未付) = %s / (%s + %s) = %s，"
        "与所写不一致",
        pct->label, pct->text, p, p,
        jx_money_format_exact(unpaid->money, unpaid->unit, b2),
        jx_rat_format(rate, dp < 2 ? 2 : dp, true, JX_ROUND_HALF_UP, b3));
    return true;
}

/* C115: an 执行率 (or 支付率 / 拨付率) stated in a sentence of the prose
 * with exactly two amounts before it, the budget then the spending
 * ("预算安排 20.75 万元，实际支出 20.25 万元，预算执行率 97.59%"),
 * recomputed as spending / budget; a payment rate after the amounts paid
 * and unpaid by paid_unpaid.  0/0 is C109's. */
static void prose_rates(struct jx_check_ctx *c)
{
    const struct jx_facts *fs = jx_check_facts(c);
    for (size_t i = 0; i < fs->n; i++) {
        const struct jx_fact *pct = &fs->a[i];
        if (pct->kind != JX_FACT_PERCENT) {
            continue; /* before its label is searched */
        }
        bool pay = strstr(pct->label, "支付率") || strstr(pct->label, "拨付率");
        if (!strstr(pct->label, "执行率") && !pay) {
            continue;
        }
        const struct jx_fact *m[3];
        size_t nm = 0;
        for (size_t k = i; k-- > 0;) {
            const struct jx_fact *f = &fs->a[k];
            if (strcmp(f->sentence, pct->sentence) != 0) {
                break;
            }
            if (f->kind == JX_FACT_MONEY && nm < 3) {
                m[nm++] = f;
            }
        }
        if (nm != 2 || m[1]->money.fen <= 0) {
            continue;
        }
        if (pay && paid_unpaid(c, pct, m[1], m[0])) {
            continue;
        }
        const struct jx_fact *budget = m[1], *spent = m[0];
        struct jx_rat rate;
        if (jx_rat_money_div(spent->money, budget->money, &rate) !=
            JX_NUM_OK) {
            continue;
        }
        int dp;
        int agree = pct_agrees(pct, rate, &dp);
        if (agree == 0) {
            continue;
        }
        char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ], b3[JX_NUM_BUFSZ];
        jx_check_report(
            c, "C115", agree == 1 ? JX_SEV_ROUNDING : JX_SEV_ERROR,
            &pct->prov, NULL,
            "报告称%s%s，按 %s / %s = %s，与所写不一致", pct->label, pct->text,
            jx_money_format(spent->money, spent->unit, 2, JX_ROUND_HALF_UP, b1),
            jx_money_format(budget->money, budget->unit, 2, JX_ROUND_HALF_UP,
                            b2),
            jx_rat_format(rate, dp < 2 ? 2 : dp, true, JX_ROUND_HALF_UP, b3));
    }
}

/* The headcount before pct in its sentence whose label has word and
 * lacks `not` (may be NULL), or NULL. */
static const struct jx_fact *head_before(const struct jx_facts *fs, size_t i,
                                         const char *word, const char *not)
{
    const struct jx_fact *pct = &fs->a[i];
    for (size_t k = i; k-- > 0;) {
        const struct jx_fact *f = &fs->a[k];
        if (strcmp(f->sentence, pct->sentence) != 0) {
            break;
        }
        if (f->kind == JX_FACT_HEADCOUNT && strstr(f->label, word) &&
            !(not && strstr(f->label, not))) {
            return f;
        }
    }
    return NULL;
}

/* A headcount of the report, other than den, of den's kind (same key
 * word 在编 / 在职 / 编制) with which the rate pct recomputes exactly
 * (num / (x + den2) or num / x); NULL when there is none. */
static const struct jx_fact *other_count(const struct jx_facts *fs,
                                         const struct jx_fact *pct,
                                         const struct jx_fact *num,
                                         const struct jx_fact *den,
                                         const struct jx_fact *den2)
{
    static const char *const keys[] = {"在编", "在职", "编制"};
    const char *key = NULL;
    for (size_t k = 0; k < 3 && !key; k++) {
        if (strstr(den->label, keys[k])) {
            key = keys[k];
        }
    }
    if (!key) {
        return NULL;
    }
    for (size_t i = 0; i < fs->n; i++) {
        const struct jx_fact *f = &fs->a[i];
        if (f == den || f->kind != JX_FACT_HEADCOUNT ||
            !strstr(f->label, key) || strstr(f->label, "编外") ||
            jx_rat_cmp(f->value, den->value) == 0) {
            continue;
        }
        struct jx_rat d = f->value, rate;
        int dp;
        if ((den2 && jx_rat_add(d, den2->value, &d) != JX_NUM_OK) ||
            jx_rat_sign(d) <= 0 ||
            jx_rat_div(num->value, d, &rate) != JX_NUM_OK) {
            continue;
        }
        if (pct_agrees(pct, rate, &dp) == 0) {
            return f;
        }
    }
    return NULL;
}

/* C116: the staffing rates of the prose recomputed from the headcounts
 * of the same sentence: 财政供养人员控制率 = 在编 / 编制, 编外人员控制率 =
 * 编外 / (在编 + 编外) (rules §8.1 rows 12 and 13). */
static void staff_rates(struct jx_check_ctx *c)
{
    const struct jx_facts *fs = jx_check_facts(c);
    for (size_t i = 0; i < fs->n; i++) {
        const struct jx_fact *pct = &fs->a[i];
        if (pct->kind != JX_FACT_PERCENT) {
            continue;
        }
        const struct jx_fact *num = NULL, *den = NULL, *den2 = NULL;
        const char *formula;
        if (strstr(pct->label, "编外人员控制率")) {
            num = head_before(fs, i, "编外", NULL);
            den = head_before(fs, i, "在编", "编外");
            den2 = num;
            formula = "编外 / (在编 + 编外)";
        } else if (strstr(pct->label, "供养人员控制率") ||
                   strstr(pct->label, "在职人员控制率")) {
            num = head_before(fs, i, "在编", NULL);
            if (!num) {
                num = head_before(fs, i, "在职", NULL);
            }
            den = head_before(fs, i, "编制", "在编");
            formula = "在编 / 编制";
        } else {
            continue;
        }
        if (!num || !den) {
            continue;
        }
        struct jx_rat d = den->value;
        if (den2 && jx_rat_add(d, den2->value, &d) != JX_NUM_OK) {
            continue;
        }
        struct jx_rat rate;
        if (jx_rat_sign(d) <= 0 || jx_rat_div(num->value, d, &rate) !=
                                       JX_NUM_OK) {
            continue;
        }
        int dp;
        int agree = pct_agrees(pct, rate, &dp);
        if (agree == 0) {
            continue;
        }
        char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ], b3[JX_NUM_BUFSZ];
        const struct jx_fact *alt = other_count(fs, pct, num, den, den2);
        if (alt) {
            /* the rate fits a count stated elsewhere: the counts
             * contradict each other (C304), the rate is not wrong */
            jx_check_report(
                c, "C116", JX_SEV_NOTE, &pct->prov, NULL,
                "报告称%s%s，与同句人数算出的 %s 不一致，但与别处“%s”%s 人相符："
                "矛盾在人数而不在比率",
                pct->label, pct->text,
                jx_rat_format(rate, dp < 2 ? 2 : dp, true, JX_ROUND_HALF_UP, b3),
                alt->label,
                jx_rat_format(alt->value, 0, false, JX_ROUND_HALF_UP, b1));
            continue;
        }
        jx_check_report(
            c, "C116", agree == 1 ? JX_SEV_ROUNDING : JX_SEV_ERROR,
            &pct->prov, NULL,
            "报告称%s%s，按同句人数 %s = %s / %s = %s，与所写不一致",
            pct->label, pct->text, formula,
            jx_rat_format(num->value, 0, false, JX_ROUND_HALF_UP, b1),
            jx_rat_format(d, 0, false, JX_ROUND_HALF_UP, b2),
            jx_rat_format(rate, dp < 2 ? 2 : dp, true, JX_ROUND_HALF_UP, b3));
    }
}

/* True when, in the text src, sentence a is followed by a semicolon
 * (";" or "；") and then sentence b: the parts of one list, written
 * "其中：A 30万元；B 30万元；C 29.99万元". */
static bool semi_next(const char *src, const char *a, const char *b)
{
    if (!src || !a || !b || !*a || !*b) {
        return false;
    }
    /* a sentence keeps its terminator: it must be the semicolon (asked
       first: most sentences end otherwise, and src is the whole text) */
    size_t n = strlen(a), k = strlen("；");
    if (!(a[n - 1] == ';' || (n >= k && strcmp(a + n - k, "；") == 0))) {
        return false;
    }
    const char *at = strstr(src, a);
    if (!at) {
        return false;
    }
    const char *e = at + n;
    while (*e == ' ') {
        e++;
    }
    return strncmp(e, b, strlen(b)) == 0;
}

/* C118 for a list whose parts stand in sentences joined by semicolons:
 * the sentence [i, j) starts with 其中 (the total the last amount of the
 * sentence before, in the same paragraph) or holds the total before its
 * 其中, and the sentences after it joined by ";" hold the rest of the
 * parts.  True when the list was taken (reported or agreeing). */
static bool semi_list(struct jx_check_ctx *c, const struct jx_facts *fs,
                      size_t i, size_t j, const struct jx_fact *prev_money,
                      const char *where, const char *path,
                      const char *(*src)(struct jx_check_ctx *,
                                         const struct jx_fact *,
                                         const void *),
                      const void *arg)
{
    if (!src || j >= fs->n) {
        return false;
    }
    const char *s0 = src(c, &fs->a[i], arg);
    if (!semi_next(s0, fs->a[j - 1].sentence, fs->a[j].sentence)) {
        return false;
    }
    const char *sent = fs->a[i].sentence;
    const char *q = strstr(sent, "其中");
    if (!q || strstr(q + 1, "其中")) {
        return false;
    }
    const struct jx_fact *total = NULL;
    const char *lead = sent;
    while (*lead == ' ') {
        lead++;
    }
    if (lead == q && prev_money && prev_money->paragraph == fs->a[i].paragraph &&
        prev_money->section == fs->a[i].section) {
        total = prev_money;
    }
    struct jx_money sum = {0};
    size_t parts = 0, cur = 0;
    size_t qp = (size_t)(q - sent);
    for (size_t k = i; k < j; k++) {
        const char *at = strstr(sent + cur, fs->a[k].text);
        if (!at) {
            return false;
        }
        cur = (size_t)(at - sent) + strlen(fs->a[k].text);
        if (fs->a[k].kind != JX_FACT_MONEY) {
            continue;
        }
        if ((size_t)(at - sent) < qp) {
            total = &fs->a[k];
        } else {
            jx_money_add(sum, fs->a[k].money, &sum);
            parts++;
        }
    }
    /* the sentences joined on by semicolons */
    size_t k = j;
    while (k < fs->n && semi_next(src(c, &fs->a[k - 1], arg),
                                  fs->a[k - 1].sentence, fs->a[k].sentence)) {
        const char *sk = fs->a[k].sentence;
        if (strstr(sk, "其中")) {
            return false; /* a nested list: not untangled here */
        }
        while (k < fs->n && fs->a[k].sentence == sk) {
            if (fs->a[k].kind == JX_FACT_MONEY) {
                jx_money_add(sum, fs->a[k].money, &sum);
                parts++;
            }
            k++;
        }
    }
    if (!total || parts < 3) {
        return false;
    }
    int64_t d = sum.fen - total->money.fen;
    int64_t tol = tol_fen(c, total->unit);
    if (d != 0 && d >= -tol) {
        char b1[JX_NUM_BUFSZ];
        jx_check_report(c, "C118", d <= tol ? JX_SEV_ROUNDING : JX_SEV_ERROR,
                        &total->prov, path,
                        "%s%s %s 下列出的 %zu 项之和为 %s%s，与合计不一致",
                        where, total->label, total->text, parts,
                        jx_money_format(sum, total->unit, 2,
                                        JX_ROUND_HALF_UP, b1),
                        jx_money_unit_name(total->unit));
    }
    return true;
}

/* C118 over one list of facts (the report's, or a sheet's goal text):
 * a total and its list of three or more parts in one sentence of the
 * prose: "… 5633.59万元，其中：业务工作经费支出207.02万元、…、追加项目
 * 4943.56万元" (a nested 其中 starts its own list, and the amount before
 * it is a part of the outer one); a sentence that starts with 其中 lists
 * the parts of the last amount of the sentence before it ("共完成
 * 89.97万元。其中：30万元…").  Parts summing above the total are an
 * error, within the rounding tolerance a rounding; parts summing below
 * it may be a partial list and are not reported.  Two-part lists are
 * C203's and C204's.  where opens the message ("报告中"), path is the
 * JSON path of the text (NULL: the fact's place). */
static void lists_in(struct jx_check_ctx *c, const struct jx_facts *fs,
                     const char *where, const char *path,
                     const char *(*src)(struct jx_check_ctx *,
                                        const struct jx_fact *,
                                        const void *),
                     const void *arg)
{
    size_t i = 0;
    const struct jx_fact *prev_money = NULL; /* last of the sentence before */
    while (i < fs->n) {
        size_t j = i;
        while (j < fs->n && same_sentence(&fs->a[j], &fs->a[i])) {
            j++;
        }
        if (semi_list(c, fs, i, j, prev_money, where, path, src, arg)) {
            prev_money = NULL;
            while (j < fs->n && src &&
                   semi_next(src(c, &fs->a[j - 1], arg), fs->a[j - 1].sentence,
                             fs->a[j].sentence)) {
                size_t k = j;
                while (k < fs->n &&
                       same_sentence(&fs->a[k], &fs->a[j])) {
                    k++;
                }
                j = k;
            }
            i = j;
            continue;
        }
        const char *sent = fs->a[i].sentence;
        /* where each money figure of the sentence stands */
        size_t pos[64], idx[64], n = 0, cur = 0;
        for (size_t k = i; k < j && n < 64; k++) {
            const char *at = strstr(sent + cur, fs->a[k].text);
            if (!at) {
                break;
            }
            cur = (size_t)(at - sent) + strlen(fs->a[k].text);
            if (fs->a[k].kind == JX_FACT_MONEY) {
                pos[n] = (size_t)(at - sent);
                idx[n++] = k;
            }
        }
        const char *lead = sent;
        while (*lead == ' ') {
            lead++;
        }
        bool carried = strncmp(lead, "其中", strlen("其中")) == 0 &&
                       prev_money && prev_money->paragraph == fs->a[i].paragraph &&
                       prev_money->section == fs->a[i].section;
        for (const char *q = strstr(sent, "其中"); q; q = strstr(q + 1, "其中")) {
            size_t qp = (size_t)(q - sent);
            const char *q2 = strstr(q + 1, "其中");
            size_t qe = q2 ? (size_t)(q2 - sent) : strlen(sent);
            const struct jx_fact *total =
                carried && q == strstr(sent, "其中") ? prev_money : NULL;
            struct jx_money sum = {0};
            size_t parts = 0;
            for (size_t k = 0; k < n; k++) {
                if (pos[k] < qp) {
                    total = &fs->a[idx[k]];
                } else if (pos[k] < qe) {
                    jx_money_add(sum, fs->a[idx[k]].money, &sum);
                    parts++;
                }
            }
            if (!total || parts < 3) {
                continue;
            }
            int64_t d = sum.fen - total->money.fen;
            int64_t tol = tol_fen(c, total->unit);
            if (d == 0 || d < -tol) {
                continue; /* equal, or a partial list */
            }
            char b1[JX_NUM_BUFSZ];
            jx_check_report(
                c, "C118", d <= tol ? JX_SEV_ROUNDING : JX_SEV_ERROR,
                &total->prov, path,
                "%s%s %s 下列出的 %zu 项之和为 %s%s，与合计不一致", where,
                total->label, total->text, parts,
                jx_money_format(sum, total->unit, 2, JX_ROUND_HALF_UP, b1),
                jx_money_unit_name(total->unit));
        }
        prev_money = NULL;
        for (size_t k = i; k < j; k++) {
            if (fs->a[k].kind == JX_FACT_MONEY) {
                prev_money = &fs->a[k];
            }
        }
        i = j;
    }
}

/* The source of a goal text's facts: the text itself (arg). */
static const char *goal_src(struct jx_check_ctx *c, const struct jx_fact *f,
                            const void *arg)
{
    (void)c;
    (void)f;
    return arg;
}

/* The source of a report fact: the text of its section. */
static const char *report_src(struct jx_check_ctx *c,
                              const struct jx_fact *f, const void *arg)
{
    (void)arg;
    const struct jx_report *r = &c->pkg->report;
    for (size_t i = 0; i < r->nsections; i++) {
        if (r->sections[i].no == f->section) {
            return r->sections[i].text.s;
        }
    }
    return NULL;
}

/* C118 for the goal texts of a sheet (预期目标 / 实际完成情况): the
 * same lists, told by the sheet and the goal. */
static void goal_lists(struct jx_check_ctx *c, const struct jx_sheet *s,
                       const char *sheet_zh, const char *base)
{
    for (size_t g = 0; g < s->ngoals; g++) {
        const struct jx_text *t[2] = {&s->goals[g].expected,
                                      &s->goals[g].actual};
        for (int w = 0; w < 2; w++) {
            if (!t[w]->s || !*t[w]->s || !strstr(t[w]->s, "其中")) {
                /* a list is only told by 其中 (every sentence lists_in
                   takes holds it, and a sentence is a piece of the
                   text): without it, no list and its figures unneeded */
                continue;
            }
            struct jx_facts *fs = jx_alloc(c->arena, sizeof *fs);
            jx_text_facts(c->arena, t[w]->s, strlen(t[w]->s), t[w]->prov, 0,
                          fs);
            if (!fs->n) {
                continue; /* no figure, no list: its words unneeded */
            }
            lists_in(c, fs,
                     jx_sprintf(c->arena, "%s的%s中", sheet_zh,
                                w ? "实际完成情况" : "预期目标"),
                     jx_sprintf(c->arena, "%s/goals/%zu/%s", base, g,
                                w ? "actual" : "expected"),
                     goal_src, t[w]->s);
        }
    }
}

/* C118 over the report's prose and every sheet's goal texts. */
static void prose_lists(struct jx_check_ctx *c)
{
    lists_in(c, jx_check_facts(c), "报告中", NULL, report_src, NULL);
    const struct jx_package *p = c->pkg;
    if (p->has_unit_sheet) {
        goal_lists(c, &p->unit_sheet, "整体支出绩效自评表", "/unit_sheet");
    }
    for (size_t i = 0; i < p->nproject_sheets; i++) {
        const struct jx_sheet *s = &p->project_sheets[i];
        goal_lists(c, s,
                   jx_sprintf(c->arena, "项目支出绩效自评表（%s）",
                              s->name.s && *s->name.s
                                  ? s->name.s
                                  : jx_sprintf(c->arena, "第%zu张", i + 1)),
                   jx_sprintf(c->arena, "/project_sheets/%zu", i));
    }
}

/* The category word a money label ends in (收入, 支出, 资金, 拨款), or
 * NULL. */
static const char *money_category(const char *label)
{
    static const char *const cats[] = {"收入", "支出", "资金", "拨款"};
    size_t n = strlen(label);
    for (size_t i = 0; i < sizeof cats / sizeof cats[0]; i++) {
        size_t k = strlen(cats[i]);
        if (n >= k && strcmp(label + n - k, cats[i]) == 0) {
            return cats[i];
        }
    }
    return NULL;
}

/* C118 without 其中: a total (label with 总 or 合计/共计) followed in
 * its sentence by exactly two amounts of the same category (labels ending
 * in the word the total's label holds: 收入, 支出, 资金, 拨款) that add up
 * to more than it — "收入总计 27652.4 万元，一般公共预算收入 1953.2 万元，政
 * 府性基金收入 29605.6 万元".  A warning: without 其中 the two are read as
 * its parts by their words.  Below the total they may be a partial list
 * and are not reported. */
static void prose_pairs(struct jx_check_ctx *c)
{
    const struct jx_facts *fs = jx_check_facts(c);
    for (size_t i = 0; i + 2 < fs->n; i++) {
        const struct jx_fact *t = &fs->a[i], *p1 = &fs->a[i + 1],
                             *p2 = &fs->a[i + 2];
        if (t->kind != JX_FACT_MONEY || p1->kind != JX_FACT_MONEY ||
            p2->kind != JX_FACT_MONEY ||
            strcmp(t->sentence, p1->sentence) != 0 ||
            strcmp(t->sentence, p2->sentence) != 0 ||
            (i + 3 < fs->n && fs->a[i + 3].kind == JX_FACT_MONEY &&
             strcmp(fs->a[i + 3].sentence, t->sentence) == 0) ||
            (i > 0 && fs->a[i - 1].kind == JX_FACT_MONEY &&
             strcmp(fs->a[i - 1].sentence, t->sentence) == 0) ||
            strstr(t->sentence, "其中")) {
            continue;
        }
        if (!strstr(t->label, "总") && !strstr(t->label, "合计") &&
            !strstr(t->label, "共计")) { /* 总计, 总额, 总收入, 收入总… */
            continue;
        }
        const char *k1 = money_category(p1->label),
                   *k2 = money_category(p2->label);
        if (!k1 || !k2 || strcmp(k1, k2) != 0 || !strstr(t->label, k1)) {
            continue;
        }
        struct jx_money sum;
        if (jx_money_add(p1->money, p2->money, &sum) != JX_NUM_OK) {
            continue;
        }
        int64_t d = sum.fen - t->money.fen;
        if (d <= tol_fen(c, t->unit)) {
            continue;
        }
        char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
        jx_check_report(c, "C118", JX_SEV_WARNING, &t->prov, NULL,
                        "报告中的总数 %s 之后，%s %s 与%s %s 之和为 %s%s，"
                        "多于总数（相差 %s）",
                        t->text, p1->label, p1->text, p2->label,
                        p2->text,
                        jx_money_format(sum, t->unit, 2, JX_ROUND_HALF_UP, b1),
                        jx_money_unit_name(t->unit),
                        jx_money_format((struct jx_money){d}, t->unit, 2,
                                        JX_ROUND_HALF_UP, b2));
    }
}

/* True when a headcount's words name a trait people may share with
 * other parts of a list (党员, 本科, 高级职称 …; not 男 and 女, which
 * split the staff): such parts overlap, and their sum says nothing
 * about the total. */
static bool overlapping_trait(const char *label)
{
    static const char *const traits[] = {
        "党员", "团员", "群众", "学历", "本科", "大专", "专科",
        "研究生", "硕士", "博士", "职称", "高级", "中级", "初级", "少数民族",
        "以上", "以下", "岁"};
    for (size_t i = 0; i < sizeof traits / sizeof traits[0]; i++) {
        if (strstr(label, traits[i])) {
            return true;
        }
    }
    return false;
}

/* True when a headcount's words count posts (编制) rather than people in
 * post (在职, 在编, 实有): a list of one under a total of the other
 * compares unlike things. */
static bool counts_posts(const char *label)
{
    return strstr(label, "编制") && !strstr(label, "在职") &&
           !strstr(label, "在编") && !strstr(label, "实有");
}

/* C118 for people: a headcount and the headcounts listed after its 其中
 * in the same sentence ("工作人员 73 人，其中行政编制 25 人、参公编制 20
 * 人、事业编制 26 人").  Parts above the total (two parts suffice), or
 * three or more below it (a list of staff categories that long is meant
 * to be whole; not one ending in 等), are a warning: the list is told
 * from its words.  Not for parts that may overlap (党员, 女, 本科 …) or
 * that count posts (编制) under a total of people in post (在职), or the
 * other way. */
static void prose_head_lists(struct jx_check_ctx *c)
{
    const struct jx_facts *fs = jx_check_facts(c);
    for (size_t i = 0; i < fs->n;) {
        size_t j = i;
        while (j < fs->n && same_sentence(&fs->a[j], &fs->a[i])) {
            j++;
        }
        /* a sentence without a headcount has no total of people: passed
           over without searching it */
        bool heads = false;
        for (size_t k = i; k < j && !heads; k++) {
            heads = fs->a[k].kind == JX_FACT_HEADCOUNT;
        }
        const char *sent = fs->a[i].sentence;
        const char *q = heads ? strstr(sent, "其中") : NULL;
        /* one 其中 only: nested lists are not untangled for people */
        if (q && !strstr(q + 1, "其中")) {
            size_t qp = (size_t)(q - sent), cur = 0;
            const struct jx_fact *total = NULL;
            struct jx_rat sum = jx_rat_int(0);
            size_t parts = 0;
            bool ok = true;
            for (size_t k = i; k < j && ok; k++) {
                const char *at = strstr(sent + cur, fs->a[k].text);
                if (!at) {
                    ok = false;
                    break;
                }
                cur = (size_t)(at - sent) + strlen(fs->a[k].text);
                if (fs->a[k].kind != JX_FACT_HEADCOUNT) {
                    continue;
                }
                if ((size_t)(at - sent) < qp) {
                    total = &fs->a[k];
                    parts = 0;
                } else if (total) {
                    /* parts that may overlap, or count posts where the
                       total counts people (or the other way): unlike */
                    ok = !overlapping_trait(fs->a[k].label) &&
                         (counts_posts(fs->a[k].label) ==
                              counts_posts(total->label) ||
                          !strstr(fs->a[k].label, "在")) &&
                         jx_rat_add(sum, fs->a[k].value, &sum) == JX_NUM_OK;
                    parts++;
                }
            }
            int cmp = ok && total ? jx_rat_cmp(sum, total->value) : 0;
            bool partial = strstr(q, "等") != NULL; /* "…等": not whole */
            if (ok && total && parts >= 2 &&
                (cmp > 0 || (cmp < 0 && parts >= 3 && !partial))) {
                char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
                struct jx_rat d;
                jx_rat_sub(sum, total->value, &d);
                if (jx_rat_sign(d) < 0) {
                    d.num = -d.num;
                }
                /* a warning either way: the list is told from its words */
                jx_check_report(
                    c, "C118", JX_SEV_WARNING,
                    &total->prov, NULL,
                    "报告称%s %s，其中列出的 %zu 项之和为 %s 人，%s总数（相差 "
                    "%s 人）%s",
                    total->label, total->text, parts,
                    jx_rat_format(sum, 0, false, JX_ROUND_HALF_UP, b1),
                    cmp > 0 ? "多于" : "少于",
                    jx_rat_format(d, 0, false, JX_ROUND_HALF_UP, b2),
                    cmp > 0 ? "" : "，所列各项不全或总数有误");
            }
        }
        i = j;
    }
}

/* The items of a list s[0..n) separated by 、 (not inside brackets):
 * their number, and whether an item joins two with 和/及/与 (then a
 * shorter count proves nothing). */
static size_t list_items(const char *s, size_t n, bool *joined)
{
    size_t items = 1, depth = 0;
    *joined = false;
    for (size_t i = 0; i < n;) {
        if (s[i] == '(' || (n - i >= 3 && memcmp(s + i, "（", 3) == 0)) {
            depth++;
        } else if ((s[i] == ')' || (n - i >= 3 && memcmp(s + i, "）", 3) == 0)) &&
                   depth > 0) {
            depth--;
        } else if (depth == 0 && n - i >= 3 && memcmp(s + i, "、", 3) == 0) {
            items++;
        } else if (depth == 0 && n - i >= 3 &&
                   (memcmp(s + i, "和", 3) == 0 || memcmp(s + i, "及", 3) == 0 ||
                    memcmp(s + i, "与", 3) == 0)) {
            *joined = true;
        }
        i += (unsigned char)s[i] >= 0xE0 ? 3 : 1;
    }
    return items;
}

/* C119: a count stated in the prose against the items listed right after
 * it ("直属事业单位10个，即 A、B、…": the 、-separated items up to the
 * sentence's end, after 即, a colon or 分别是/分别为).  More items than the
 * count, or fewer in a list that ends without 等 and joins none with
 * 和/及/与, is a warning. */
static void listed_counts(struct jx_check_ctx *c)
{
    const struct jx_facts *fs = jx_check_all_facts(c);
    static const char *const intro[] = {"即", "：", ":", "分别是", "分别为",
                                        "分别有"};
    for (size_t i = 0; i < fs->n; i++) {
        const struct jx_fact *f = &fs->a[i];
        if (f->kind != JX_FACT_COUNT || f->value.den != 1 ||
            f->value.num < 2 || f->value.num > 200) {
            continue;
        }
        const char *at = strstr(f->sentence, f->text);
        if (!at) {
            continue;
        }
        const char *q = at + strlen(f->text);
        /* the counted noun may follow the number ("10个办公室") */
        if (f->counted && strncmp(q, f->counted, strlen(f->counted)) == 0) {
            q += strlen(f->counted);
        }
        while (*q == ' ' || *q == ',' || strncmp(q, "，", 3) == 0) {
            q += *q == ' ' || *q == ',' ? 1 : 3;
        }
        size_t il = 0;
        for (size_t k = 0; k < sizeof intro / sizeof intro[0]; k++) {
            if (strncmp(q, intro[k], strlen(intro[k])) == 0) {
                il = strlen(intro[k]);
                break;
            }
        }
        if (!il) {
            continue;
        }
        q += il;
        while (*q == ' ') {
            q++;
        }
        size_t n = strlen(q);
        static const char *const ends[] = {"。", "；", ";", "！", "\n"};
        for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
            const char *e = strstr(q, ends[k]);
            if (e && (size_t)(e - q) < n) {
                n = (size_t)(e - q);
            }
        }
        while (n > 0 && q[n - 1] == ' ') {
            n--;
        }
        bool joined;
        size_t items = list_items(q, n, &joined);
        bool partial = n >= 3 && (memcmp(q + n - 3, "等", 3) == 0 ||
                                  strstr(q, "等") != NULL);
        int64_t want = f->value.num;
        if (items < 2 || (int64_t)items == want ||
            ((int64_t)items < want && (partial || joined))) {
            continue;
        }
        const char *list = jx_strndup(c->arena, q, n);
        if (jx_utf8_count(list, n) > 60) {
            size_t cut = 0;
            for (size_t k = 0; k < 58 && cut < n; k++) {
                do {
                    cut++;
                } while (cut < n && ((unsigned char)list[cut] & 0xC0) == 0x80);
            }
            list = jx_sprintf(c->arena, "%.*s…", (int)cut, list);
        }
        jx_check_report(c, "C119", JX_SEV_WARNING, &f->prov, NULL,
                        "报告称%s%s，其后列出的是 %zu 个：%s", f->label, f->text,
                        items, list);
    }
}

/* The last two characters of a label (UTF-8, arena), or "" when it has
 * fewer. */
static const char *label_tail(struct jx_check_ctx *c, const char *label)
{
    size_t n = label ? strlen(label) : 0, from = n;
    for (int k = 0; k < 2; k++) {
        if (from == 0) {
            return "";
        }
        do {
            from--;
        } while (from > 0 && ((unsigned char)label[from] & 0xC0) == 0x80);
    }
    return jx_strndup(c->arena, label + from, n - from);
}

/* C120: one amount in 元 among three or more in 万元 in one sentence,
 * written as one of them — its words end as two or more of theirs do
 * ("3月到账70万元，6月到账60万元，8月到账20万元，10月到账20元") — and
 * of their size if it were in 万元 (within ten times of the smallest and
 * the largest): a unit written wrong, most likely, and a sum over
 * the list wrong by ten thousand times.  A warning naming the amount
 * and the others. */
static void lone_yuan(struct jx_check_ctx *c)
{
    const struct jx_facts *fs = jx_check_facts(c);
    for (size_t i = 0; i < fs->n;) {
        size_t j = i;
        while (j < fs->n && same_sentence(&fs->a[j], &fs->a[i])) {
            j++;
        }
        const struct jx_fact *yuan = NULL;
        size_t nyuan = 0, nwan = 0;
        int64_t lo = INT64_MAX, hi = 0;
        for (size_t k = i; k < j; k++) {
            const struct jx_fact *f = &fs->a[k];
            if (f->kind != JX_FACT_MONEY || f->money.fen <= 0) {
                continue;
            }
            if (f->unit == JX_YUAN) {
                yuan = f;
                nyuan++;
            } else {
                nwan++;
                lo = f->money.fen < lo ? f->money.fen : lo;
                hi = f->money.fen > hi ? f->money.fen : hi;
            }
        }
        /* in 万元, the 元 amount would be 10000 times as much */
        size_t alike = 0;
        const char *tail = nyuan == 1 ? label_tail(c, yuan->label) : "";
        for (size_t k = i; k < j && *tail; k++) {
            const struct jx_fact *f = &fs->a[k];
            alike += f->kind == JX_FACT_MONEY && f->unit != JX_YUAN &&
                     strcmp(label_tail(c, f->label), tail) == 0;
        }
        if (nyuan == 1 && nwan >= 3 && alike >= 2 &&
            yuan->money.fen <= INT64_MAX / 10000) {
            int64_t as_wan = yuan->money.fen * 10000;
            if (as_wan / 10 <= hi && as_wan * 10 >= lo) {
                struct jx_buf b;
                jx_buf_init(&b, 4096);
                for (size_t k = i, m = 0; k < j && m < 6; k++) {
                    const struct jx_fact *f = &fs->a[k];
                    if (f->kind == JX_FACT_MONEY && f != yuan &&
                        f->unit != JX_YUAN) {
                        jx_buf_addf(&b, "%s%s", m++ ? "、" : "", f->text);
                    }
                }
                jx_check_report(c, "C120", JX_SEV_WARNING, &yuan->prov, NULL,
                                "报告中“%s%s”以元计，同一句中其他金额都以万元计"
                                "（%s），可能应为万元",
                                yuan->label, yuan->text, b.p);
                jx_buf_release(&b);
            }
        }
        i = j;
    }
}

/* C121: the report's 项目支出 against the amount of the projects it
 * lists: a count of 项目 ("共有 3 个项目") followed in its sentence by the
 * projects' amount ("项目金额 46.00 万元", "资金 120 万元"), and a 项目支出
 * figure stated elsewhere that differs beyond the rounding tolerance.
 * A warning; a note when the count is of a kind of project only
 * (批复了绩效目标, 重点, 新增 …), which may be some of them. */
static void projects_listed(struct jx_check_ctx *c)
{
    const struct jx_facts *all = jx_check_all_facts(c);
    const struct jx_facts *fs = jx_check_facts(c);
    const struct jx_fact *spend = NULL;
    for (size_t i = 0; i < fs->n && !spend; i++) {
        const struct jx_fact *f = &fs->a[i];
        if (f->kind == JX_FACT_MONEY && strstr(f->label, "项目支出") &&
            !strstr(f->label, "占") && !strstr(f->sentence, "个项目")) {
            spend = f;
        }
    }
    if (!spend) {
        return;
    }
    for (size_t i = 0; i < all->n; i++) {
        const struct jx_fact *n = &all->a[i];
        if (n->kind != JX_FACT_COUNT || !n->counted ||
            strcmp(n->counted, "项目") != 0) {
            continue;
        }
        /* the projects' amount: the first amount after the count in its
           sentence, named as an amount of them */
        const struct jx_fact *amt = NULL;
        for (size_t k = i + 1; k < all->n && !amt; k++) {
            const struct jx_fact *f = &all->a[k];
            if (strcmp(f->sentence, n->sentence) != 0) {
                break;
            }
            if (f->kind == JX_FACT_MONEY &&
                (strstr(f->label, "金额") || strstr(f->label, "资金") ||
                 strstr(f->label, "预算"))) {
                amt = f;
            }
        }
        if (!amt || amt->unit != spend->unit) {
            continue;
        }
        int64_t d = amt->money.fen - spend->money.fen;
        if (d < 0) {
            d = -d;
        }
        if (d <= tol_fen(c, spend->unit)) {
            continue;
        }
        static const char *const some[] = {"批复", "绩效目标", "重点", "新增",
                                           "延续", "专项", "申报", "评价"};
        bool part = false;
        for (size_t k = 0; k < sizeof some / sizeof some[0]; k++) {
            part = part || strstr(n->sentence, some[k]) != NULL;
        }
        char b1[JX_NUM_BUFSZ];
        jx_check_use(c, &spend->prov);
        jx_check_report(c, "C121", part ? JX_SEV_NOTE : JX_SEV_WARNING,
                        &amt->prov, NULL,
                        "报告称%s %s，而所列 %s项目的%s为 %s（相差 %s%s）%s",
                        spend->label, spend->text, n->text, amt->label,
                        amt->text,
                        jx_money_format((struct jx_money){d}, spend->unit, 2,
                                        JX_ROUND_HALF_UP, b1),
                        jx_money_unit_name(spend->unit),
                        part ? "；所列的可能只是其中一类项目" : "");
        return;
    }
}

/* Run the C1 family. */
void jx_check_arith(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    if (p->has_unit_sheet) {
        check_funds(c, &p->unit_sheet, "整体支出绩效自评表", "/unit_sheet");
    }
    for (size_t i = 0; i < p->nproject_sheets; i++) {
        check_funds(c, &p->project_sheets[i], "项目支出绩效自评表",
                    jx_sprintf(c->arena, "/project_sheets/%zu", i));
    }
    check_base(c);
    check_control_rate(c);
    check_buildings(c);
    check_goals(c);
    check_rubric(c, &p->dept_scoring, "dept_scoring");
    check_rubric(c, &p->assessment, "assessment");
    zero_rates(c);
    jx_check_arith_prose(c);
}

/* The prose arithmetic of the C1 family: shares, rates, staffing rates,
 * lists and counts (C114–C116, C118, C119). */
void jx_check_arith_prose(struct jx_check_ctx *c)
{
    shares(c);
    prose_rates(c);
    staff_rates(c);
    prose_lists(c);
    prose_head_lists(c);
    prose_pairs(c);
    listed_counts(c);
    lone_yuan(c);
    projects_listed(c);
}
