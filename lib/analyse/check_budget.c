/*
 * check_budget.c - C5xx budget plausibility: spending far above or
 * below its budget with no explanation in the report, parts larger than
 * the unit's whole budget, and year-over-year jumps in the base sheet
 * (docs/checks.md, "C5").
 */
#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/facts.h"

#include <stddef.h>
#include <string.h>

/* Format an amount with at least 2 decimals (in the arena). */
static const char *amt_str(struct jx_check_ctx *c, struct jx_money m,
                           enum jx_money_unit unit)
{
    char buf[JX_NUM_BUFSZ];
    return jx_strdup(c->arena, jx_money_format_exact(m, unit, buf));
}

/* Words that explain a deviation from the budget. */
static const char *const explain_words[] = {"超支", "结余", "调整", "追加",
                                            "结转", "超预算"};

/* True when a sentence of the report holds word and an explaining word
 * (超支/结余/调整/追加 …). */
static bool explained_scan(const struct jx_check_ctx *c, const char *word)
{
    const struct jx_report *r = &c->pkg->report;
    size_t wn = strlen(word);
    for (size_t i = 0; i < r->nsections; i++) {
        const char *s = r->sections[i].text.s;
        if (!s) {
            continue;
        }
        size_t n = strlen(s), a = 0;
        while (a < n) {
            size_t e = a;
            while (e < n && s[e] != '\n' &&
                   !(e + 3 <= n && (memcmp(s + e, "。", 3) == 0 ||
                                    memcmp(s + e, "；", 3) == 0))) {
                e++;
            }
            bool has_word = false, has_ex = false;
            for (size_t k = a; k + wn <= e; k++) {
                if (memcmp(s + k, word, wn) == 0) {
                    has_word = true;
                    break;
                }
            }
            for (size_t w = 0; has_word && w < sizeof explain_words /
                                                   sizeof explain_words[0];
                 w++) {
                size_t m = strlen(explain_words[w]);
                for (size_t k = a; k + m <= e; k++) {
                    if (memcmp(s + k, explain_words[w], m) == 0) {
                        has_ex = true;
                        break;
                    }
                }
            }
            if (has_ex) {
                return true;
            }
            a = e < n && s[e] == '\n' ? e + 1 : e + 3;
        }
    }
    return false;
}

/* explained_scan, remembered in c for each word, so that a report with
 * many findings is scanned once per word, not once per finding. */
static bool explained(struct jx_check_ctx *c, const char *word)
{
    for (size_t i = 0; i < c->nexplained; i++) {
        if (strcmp(c->explained[i].word, word) == 0) {
            return c->explained[i].ex;
        }
    }
    bool ex = explained_scan(c, word);
    if (c->nexplained < sizeof c->explained / sizeof c->explained[0]) {
        c->explained[c->nexplained].word = word;
        c->explained[c->nexplained].ex = ex;
        c->nexplained++;
    }
    return ex;
}

/* Whether spend_check_at would report on budget and exec (the same
 * test, nothing formatted): the callers build a row's words and path
 * only for a finding. */
static bool spend_fires(const struct jx_check_ctx *c,
                        const struct jx_amt *budget, const struct jx_amt *exec,
                        bool only_high)
{
    if (!budget->present || !exec->present || budget->v.fen <= 0 ||
        exec->v.fen < 0) {
        return false;
    }
    struct jx_rat r;
    if (jx_rat_money_div(exec->v, budget->v, &r) != JX_NUM_OK) {
        return false;
    }
    return jx_rat_cmp(r, c->cfg->spend_high) > 0 ||
           (!only_high && jx_rat_cmp(r, c->cfg->spend_low) < 0);
}

/* C501: executed/budget above spend-high or (unless only_high) below
 * spend-low. */
static void spend_check_at(struct jx_check_ctx *c, const char *row_zh,
                           const char *word, const struct jx_amt *budget,
                           const struct jx_amt *exec, enum jx_money_unit u,
                           const struct jx_prov *prov, const char *path,
                           bool only_high)
{
    if (!budget->present || !exec->present || budget->v.fen <= 0 ||
        exec->v.fen < 0) {
        return;
    }
    struct jx_rat r;
    if (jx_rat_money_div(exec->v, budget->v, &r) != JX_NUM_OK) {
        return;
    }
    bool high = jx_rat_cmp(r, c->cfg->spend_high) > 0;
    bool low = !only_high && jx_rat_cmp(r, c->cfg->spend_low) < 0;
    if (!high && !low) {
        return;
    }
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
    bool ex = explained(c, word);
    /* no report among the materials read: whether it explains is
       unknown, so a note (as C404 says it) */
    bool noreport = !c->pkg->report.present;
    jx_check_report(
        c, "C501", ex || noreport ? JX_SEV_NOTE : JX_SEV_WARNING, prov, path,
        "%s执行 %s%s，预算 %s%s，执行率 %s，%s %s%s", row_zh,
        amt_str(c, exec->v, u), jx_money_unit_name(u),
        amt_str(c, budget->v, u), jx_money_unit_name(u),
        jx_rat_format(r, 2, true, JX_ROUND_HALF_UP, b1),
        high ? "高于" : "低于",
        jx_rat_format(high ? c->cfg->spend_high : c->cfg->spend_low, 0, true,
                      JX_ROUND_HALF_UP, b2),
        ex         ? "，报告中有相关说明"
        : noreport ? "；所读材料中没有自评报告，未能核对报告是否说明"
                   : "，报告中没有说明原因");
}

/* C501 on a row: both directions. */
static void spend_check(struct jx_check_ctx *c, const char *row_zh,
                        const char *word, const struct jx_amt *budget,
                        const struct jx_amt *exec, enum jx_money_unit u,
                        const struct jx_prov *prov, const char *path)
{
    spend_check_at(c, row_zh, word, budget, exec, u, prov, path, false);
}

/* Columns of a funds row checked against the budget.  A sheet's whole
 * 执行率 below 100% unexplained is C404's (one finding per problem), so
 * the total is only checked for spending far above its budget. */
static void funds_spend(struct jx_check_ctx *c, const struct jx_sheet *s,
                        const char *sheet_zh, const char *base)
{
    if (spend_fires(c, &s->total.budget_full, &s->total.executed, true)) {
        spend_check_at(c, jx_sprintf(c->arena, "%s年度资金总额", sheet_zh),
                       "预算", &s->total.budget_full, &s->total.executed,
                       s->unit, s->total.executed.prov,
                       jx_sprintf(c->arena, "%s/funds/total", base), true);
    }
    for (int k = 0; k < JX_FUND_COUNT; k++) {
        const struct jx_funds *f = &s->funds[k];
        if (!spend_fires(c, &f->budget_full, &f->executed, false)) {
            continue;
        }
        spend_check(c,
                    jx_sprintf(c->arena, "%s%s", sheet_zh,
                               jx_fund_key_zh((enum jx_fund_key)k)),
                    jx_fund_key_zh((enum jx_fund_key)k), &f->budget_full,
                    &f->executed, s->unit, f->executed.prov,
                    jx_sprintf(c->arena, "%s/funds/%s", base,
                               jx_fund_key_name((enum jx_fund_key)k)));
    }
}

/* The base-sheet rows checked, with their words and JSON keys. */
struct cost_row {
    const struct jx_cost *row;
    const char *zh;
    const char *key;
};

/* C503: a base-sheet row that jumps from last year's 决算 to this
 * year's by more than yoy-jump (the larger over the smaller, minus 1). */
static void yoy_check(struct jx_check_ctx *c, const struct cost_row *r)
{
    const struct jx_amt *a = &r->row->prev_final, *b = &r->row->final;
    enum jx_money_unit u = c->pkg->base.unit;
    if (!a->present || !b->present || a->v.fen <= 0 || b->v.fen <= 0) {
        return;
    }
    struct jx_money hi = jx_money_cmp(a->v, b->v) > 0 ? a->v : b->v;
    struct jx_money lo = jx_money_cmp(a->v, b->v) > 0 ? b->v : a->v;
    struct jx_rat min_amt, hi_w, ratio, lim;
    if (jx_rat_mul(c->cfg->yoy_min_amount, jx_rat_int(1000000), &min_amt) !=
            JX_NUM_OK ||
        jx_rat_make(hi.fen, 1, &hi_w) != JX_NUM_OK ||
        jx_rat_cmp(hi_w, min_amt) < 0 ||
        jx_rat_money_div(hi, lo, &ratio) != JX_NUM_OK ||
        jx_rat_add(c->cfg->yoy_jump, jx_rat_int(1), &lim) != JX_NUM_OK ||
        jx_rat_cmp(ratio, lim) <= 0) {
        return;
    }
    struct jx_rat ch;
    char b1[JX_NUM_BUFSZ];
    if (jx_rat_money_div(b->v, a->v, &ch) != JX_NUM_OK ||
        jx_rat_sub(ch, jx_rat_int(1), &ch) != JX_NUM_OK) {
        return;
    }
    jx_check_report(c, "C503", JX_SEV_WARNING, b->prov,
                    jx_sprintf(c->arena, "/base_sheet/costs/%s/final",
                               r->key),
                    "基础数据表%s上年决算数 %s%s，本年决算数 %s%s，变动 %s%s",
                    r->zh, amt_str(c, a->v, u), jx_money_unit_name(u),
                    amt_str(c, b->v, u), jx_money_unit_name(u),
                    jx_rat_sign(ch) > 0 ? "+" : "",
                    jx_rat_format(ch, 2, true, JX_ROUND_HALF_UP, b1));
}

/* Whether whole_check would report on part (the same test, nothing
 * formatted). */
static bool whole_fires(const struct jx_check_ctx *c,
                        const struct jx_amt *part)
{
    const struct jx_sheet *us = &c->pkg->unit_sheet;
    const struct jx_amt *w = &us->total.budget_full;
    return c->pkg->has_unit_sheet && w->present && part->present &&
           jx_money_cmp(part->v, w->v) > 0;
}

/* C502: a part larger than the unit's whole 全年预算数. */
static void whole_check(struct jx_check_ctx *c, const char *part_zh,
                        const struct jx_amt *part, enum jx_money_unit u,
                        const char *path)
{
    const struct jx_sheet *us = &c->pkg->unit_sheet;
    const struct jx_amt *w = &us->total.budget_full;
    if (!c->pkg->has_unit_sheet || !w->present || !part->present ||
        jx_money_cmp(part->v, w->v) <= 0) {
        return;
    }
    jx_check_report(c, "C502", JX_SEV_WARNING, part->prov, path,
                    "%s %s%s 大于单位全年预算数 %s%s，而它只是其中一部分",
                    part_zh, amt_str(c, part->v, u), jx_money_unit_name(u),
                    amt_str(c, w->v, us->unit), jx_money_unit_name(us->unit));
}

/* C501 in the prose: "X预算数 A 万元，实际支出决算数 B 万元" in one
 * sentence about 基本支出 or 项目支出 only. */
static void prose_spend(struct jx_check_ctx *c)
{
    /* the report's facts, extracted once: a pair is in one sentence,
     * so never across sections */
    const struct jx_facts *fs = jx_check_facts(c);
    for (size_t k = 0; k + 1 < fs->n; k++) {
        const struct jx_fact *b = &fs->a[k], *e = &fs->a[k + 1];
        if (b->kind != JX_FACT_MONEY || e->kind != JX_FACT_MONEY ||
            b->sentence != e->sentence || !strstr(b->label, "预算") ||
            !(strstr(e->label, "决算") || strstr(e->label, "实际支出")) ||
            b->unit != e->unit) {
            continue;
        }
        uint32_t sc = b->scopes & (JX_SCOPE_BASIC | JX_SCOPE_PROJECT);
        if (sc != JX_SCOPE_BASIC && sc != JX_SCOPE_PROJECT) {
            continue;
        }
        const char *word = sc == JX_SCOPE_BASIC ? "基本支出" : "项目支出";
        struct jx_amt ba = {true, b->money, &b->prov};
        struct jx_amt ea = {true, e->money, &e->prov};
        spend_check(c, jx_sprintf(c->arena, "报告中%s", word), word, &ba, &ea,
                    b->unit, &e->prov, NULL);
        k++;
    }
}

/* Run the C5 family. */
/* C504: a 全年预算数 far from the 年初预算数 (the year's budget adjusted
 * by more than budget-adjust) with no sentence about the budget saying
 * 追加 / 调整 …: a warning; explained: a note. */
static void adjustment(struct jx_check_ctx *c, const struct jx_sheet *sh,
                       const char *label, const char *path)
{
    const struct jx_funds *t = &sh->total;
    struct jx_money d;
    struct jx_rat r;
    if (!t->budget_initial.present || !t->budget_full.present ||
        t->budget_initial.v.fen <= 0 ||
        jx_money_sub(t->budget_full.v, t->budget_initial.v, &d) !=
            JX_NUM_OK ||
        jx_rat_money_div(d, t->budget_initial.v, &r) != JX_NUM_OK) {
        return;
    }
    struct jx_rat ar = jx_rat_sign(r) < 0 ? (struct jx_rat){-r.num, r.den} : r;
    if (jx_rat_cmp(ar, c->cfg->budget_adjust) <= 0) {
        return;
    }
    bool ex = explained(c, "预算");
    char b3[JX_NUM_BUFSZ];
    jx_check_report(
        c, "C504", ex ? JX_SEV_NOTE : JX_SEV_WARNING, t->budget_full.prov,
        jx_sprintf(c->arena, "%s/funds/total/budget_full", path),
        "%s全年预算数 %s%s 比年初预算数 %s%s %s %s，%s", label,
        amt_str(c, t->budget_full.v, sh->unit), jx_money_unit_name(sh->unit),
        amt_str(c, t->budget_initial.v, sh->unit),
        jx_money_unit_name(sh->unit), jx_rat_sign(r) < 0 ? "减少" : "增加",
        jx_rat_format(ar, 2, true, JX_ROUND_HALF_UP, b3),
        ex ? "报告中有关于预算调整的说明"
           : "报告中没有说明预算追加或调整的原因");
}

/* C505: more staff in post than authorised on the base sheet (实际在职
 * 人数 above 编制数): the 在职人员控制率 above 100%, which the scoring
 * rules mark down; a warning naming both and the rate. */
static void overstaffed(struct jx_check_ctx *c)
{
    const struct jx_base_sheet *b = &c->pkg->base;
    if (!b->authorized.present || !b->actual.present ||
        b->authorized.v <= 0 || b->actual.v <= b->authorized.v) {
        return;
    }
    struct jx_rat r;
    char b1[JX_NUM_BUFSZ];
    if (jx_rat_make(b->actual.v, b->authorized.v, &r) != JX_NUM_OK) {
        return;
    }
    jx_check_use(c, b->authorized.prov);
    jx_check_report(c, "C505", JX_SEV_WARNING, b->actual.prov,
                    "/base_sheet/staffing/actual",
                    "基础数据表实际在职人数 %lld 人超过编制数 %lld 人，在职人员控制率 "
                    "%s，超过 100%%",
                    (long long)b->actual.v, (long long)b->authorized.v,
                    jx_rat_format(r, 2, true, JX_ROUND_HALF_UP, b1));
}

/* Family C5. */
void jx_check_budget(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    const struct jx_base_sheet *b = &p->base;
    if (p->has_unit_sheet) {
        const struct jx_sheet *us = &p->unit_sheet;
        funds_spend(c, us, "整体支出绩效自评表", "/unit_sheet");
        adjustment(c, us, "整体支出绩效自评表", "/unit_sheet");
        for (int k = 0; k < JX_FUND_COUNT; k++) {
            if (!whole_fires(c, &us->funds[k].budget_full)) {
                continue;
            }
            whole_check(c,
                        jx_sprintf(c->arena, "整体支出绩效自评表%s全年预算数",
                                   jx_fund_key_zh((enum jx_fund_key)k)),
                        &us->funds[k].budget_full, us->unit,
                        jx_sprintf(c->arena, "/unit_sheet/funds/%s/budget_full",
                                   jx_fund_key_name((enum jx_fund_key)k)));
        }
    }
    for (size_t i = 0; i < p->nproject_sheets; i++) {
        const struct jx_sheet *ps = &p->project_sheets[i];
        funds_spend(c, ps, "项目支出绩效自评表",
                    jx_sprintf(c->arena, "/project_sheets/%zu", i));
        adjustment(c, ps, "项目支出绩效自评表",
                   jx_sprintf(c->arena, "/project_sheets/%zu", i));
        if (whole_fires(c, &ps->total.budget_full)) {
            whole_check(c, "项目支出绩效自评表全年预算数",
                        &ps->total.budget_full, ps->unit,
                        jx_sprintf(c->arena,
                                   "/project_sheets/%zu/funds/total/budget_full",
                                   i));
        }
    }
    const struct cost_row rows[] = {
        {&b->three_public, "三公经费", "three_public"},
        {&b->vehicle, "公务用车购置和维护经费", "vehicle"},
        {&b->overseas, "出国经费", "overseas"},
        {&b->reception, "公务接待", "reception"},
        {&b->project, "项目支出", "project"},
        {&b->public_funds, "公用经费", "public_funds"},
        {&b->office, "办公经费", "office"},
        {&b->utilities_travel, "水费、电费、差旅费", "utilities_travel"},
        {&b->meetings_training, "会议费、培训费", "meetings_training"},
        {&b->procurement, "政府采购", "procurement"},
    };
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        const struct jx_cost *r = rows[k].row;
        if (spend_fires(c, &r->budget, &r->final, false)) {
            spend_check(c, jx_sprintf(c->arena, "基础数据表%s", rows[k].zh),
                        rows[k].zh, &r->budget, &r->final, b->unit,
                        r->final.prov,
                        jx_sprintf(c->arena, "/base_sheet/costs/%s/final",
                                   rows[k].key));
        }
        yoy_check(c, &rows[k]);
        if (k >= 4 && k != 6 && k != 7 && k != 8 &&
            whole_fires(c, &r->budget)) {
            whole_check(c, jx_sprintf(c->arena, "基础数据表%s本年预算数",
                                      rows[k].zh),
                        &r->budget, b->unit,
                        jx_sprintf(c->arena, "/base_sheet/costs/%s/budget",
                                   rows[k].key));
        }
    }
    prose_spend(c);
    overstaffed(c);
}
