/*
 * check_text.c - C2: the figures of the report prose against the forms
 * and against each other, aware of fund scope (一般公共预算 only vs all
 * funds).  Conservative: a figure is compared only when its label
 * names the form value unambiguously.
 */
#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/facts.h"

#include <string.h>

/* The JSON path of the text of the report section numbered no, or
 * NULL (arena-owned). */
static const char *section_path(struct jx_check_ctx *c, int no)
{
    for (size_t i = 0; i < c->pkg->report.nsections; i++) {
        if (c->pkg->report.sections[i].no == no) {
            return jx_sprintf(c->arena, "/report/sections/%zu/text", i);
        }
    }
    return NULL;
}

/* True when s contains w. */
static bool has(const char *s, const char *w)
{
    return s && strstr(s, w) != NULL;
}

/* True when the label names a budget (预算, 调整) rather than spending;
 * the 预算 of 一般公共预算 / 政府性基金预算 does not count. */
static bool budget_word(const char *label)
{
    static const char *const funds[] = {"一般公共", "政府性基金",
                                        "国有资本经营", "社会保险基金"};
    if (has(label, "调整")) {
        return true;
    }
    for (const char *p = strstr(label, "预算"); p; p = strstr(p + 1, "预算")) {
        bool fund = false;
        for (size_t k = 0; k < sizeof funds / sizeof funds[0]; k++) {
            size_t n = strlen(funds[k]);
            if ((size_t)(p - label) >= n && memcmp(p - n, funds[k], n) == 0) {
                fund = true;
            }
        }
        if (!fund) {
            return true;
        }
    }
    return false;
}

/* The money m in unit u as "1369.56万元" (arena-owned). */
static const char *fmt_money(struct jx_check_ctx *c, struct jx_money m,
                             enum jx_money_unit u)
{
    char buf[JX_NUM_BUFSZ];
    return jx_sprintf(c->arena, "%s%s",
                      jx_money_format(m, u, 2, JX_ROUND_HALF_UP, buf),
                      jx_money_unit_name(u));
}

/* The rounding tolerance in 分 for amounts printed in unit u. */
static int64_t tolerance_fen(const struct jx_check_ctx *c,
                             enum jx_money_unit u)
{
    struct jx_rat t;
    int64_t per = u == JX_WANYUAN ? 1000000 : 100;
    if (jx_rat_mul(c->cfg->rounding_tolerance, jx_rat_int(per), &t) !=
        JX_NUM_OK || t.den == 0) {
        return 0;
    }
    return t.num / t.den;
}

/* |a − b| in 分, or INT64_MAX on overflow. */
static int64_t absdiff(struct jx_money a, struct jx_money b)
{
    struct jx_money d;
    if (jx_money_sub(a, b, &d) != JX_NUM_OK || d.fen == INT64_MIN) {
        return INT64_MAX;
    }
    return d.fen < 0 ? -d.fen : d.fen;
}

/* True when a label names a part of 基本支出 (基本支出中人员经费 is the
 * 人员经费, not the 基本支出). */
static bool names_basic_part(const char *label)
{
    static const char *const parts[] = {"人员经费", "公用经费", "工资福利",
                                        "商品和服务", "对个人和家庭",
                                        "资本性支出"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (has(label, parts[i])) {
            return true;
        }
    }
    return false;
}

/* Which part by nature a money fact's label names: JX_FUND_BASIC,
 * JX_FUND_PROJECT, or JX_FUND_COUNT for neither / both. */
static enum jx_fund_key nature_of(const struct jx_fact *f)
{
    if (!has(f->label, "支出")) {
        return JX_FUND_COUNT; /* neither word: both end in 支出 */
    }
    bool b = has(f->label, "基本支出"), p = has(f->label, "项目支出");
    if (b == p || names_basic_part(f->label)) {
        return JX_FUND_COUNT;
    }
    return b ? JX_FUND_BASIC : JX_FUND_PROJECT;
}

/* Fund scopes other than the general budget. */
#define OTHER_FUNDS (JX_SCOPE_GOV_FUND | JX_SCOPE_STATE_CAPITAL | \
                     JX_SCOPE_SOCIAL_INSURANCE)

/* C201/C202: a prose 基本支出 / 项目支出 (spending) against the unit
 * sheet's split by nature; a gap covered by the non-general funds is a
 * difference of scope (note). */
static void nature_vs_sheet(struct jx_check_ctx *c, const struct jx_fact *f)
{
    const struct jx_sheet *us = &c->pkg->unit_sheet;
    if (!c->pkg->has_unit_sheet || f->kind != JX_FACT_MONEY) {
        return; /* before the label's words are searched */
    }
    enum jx_fund_key k = nature_of(f);
    if (k == JX_FUND_COUNT || budget_word(f->label) ||
        !us->funds[k].executed.present) {
        return;
    }
    uint32_t sc = f->label_scopes ? f->label_scopes : f->scopes;
    if (sc & OTHER_FUNDS) {
        return;
    }
    bool general = (sc & JX_SCOPE_GENERAL_BUDGET) != 0;
    struct jx_money s = us->funds[k].executed.v;
    int64_t d = absdiff(s, f->money);
    if (d == 0) {
        return;
    }
    const char *what = jx_fund_key_zh(k);
    const char *path = jx_sprintf(c->arena, "/unit_sheet/funds/%s/executed",
                                  jx_fund_key_name(k));
    const char *pv = fmt_money(c, f->money, f->unit);
    const char *sv = fmt_money(c, s, us->unit);
    struct jx_money others = {0};
    static const enum jx_fund_key ok[] = {JX_FUND_GOV_FUND,
                                          JX_FUND_SPECIAL_ACCOUNT,
                                          JX_FUND_OTHER};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        if (us->funds[ok[i]].executed.present &&
            jx_money_add(others, us->funds[ok[i]].executed.v, &others) !=
                JX_NUM_OK) {
            return;
        }
    }
    struct jx_money gap;
    if (jx_money_sub(s, f->money, &gap) != JX_NUM_OK) {
        return;
    }
    int64_t tol = tolerance_fen(c, us->unit);
    if (general && others.fen > 0 && gap.fen > 0 &&
        gap.fen <= others.fen + tol) {
        struct jx_diag *e = jx_check_report(
            c, "C202", JX_SEV_NOTE, &f->prov, path,
            "报告中一般公共预算%s %s 与自评表%s执行数 %s 口径不同：表中含一般公共预算以外的资金 %s",
            what, pv, what, sv, fmt_money(c, others, us->unit));
        jx_diag_detail(c->diags, e,
                       "差额 %s − %s = %s，不超过一般公共预算以外的资金 %s",
                       sv, pv, fmt_money(c, gap, us->unit),
                       fmt_money(c, others, us->unit));
        return;
    }
    struct jx_diag *e = jx_check_report(
        c, "C201", d <= tol ? JX_SEV_ROUNDING : JX_SEV_ERROR, &f->prov, path,
        "报告中%s%s %s 与自评表%s执行数 %s 不一致",
        general ? "一般公共预算" : "", what, pv, what, sv);
    jx_diag_detail(c->diags, e, "差额 %s − %s = %s%s", sv, pv,
                   fmt_money(c, gap, us->unit),
                   general && others.fen > 0
                       ? jx_sprintf(c->arena,
                                    "，超出一般公共预算以外的资金 %s",
                                    fmt_money(c, others, us->unit))
                       : "");
}

/* True when f is a spending figure of 基本支出: its label says so, or
 * it is an 实际支出 / 决算 of a sentence about 基本支出. */
static bool basic_spending(const struct jx_fact *f)
{
    if (f->kind != JX_FACT_MONEY || budget_word(f->label) ||
        has(f->label, "项目支出") || names_basic_part(f->label)) {
        return false;
    }
    return has(f->label, "基本支出") ||
           ((f->scopes & JX_SCOPE_BASIC) &&
            (has(f->label, "实际支出") || has(f->label, "决算")));
}

/* Report total = parts at a prose fact: rounding or error (code). */
static void sum_finding(struct jx_check_ctx *c, const char *code,
                        const struct jx_fact *t, struct jx_money sum,
                        const char *what, const char *recompute)
{
    int64_t d = absdiff(t->money, sum);
    if (d == 0) {
        return;
    }
    struct jx_diag *e = jx_check_report(
        c, code, d <= tolerance_fen(c, t->unit) ? JX_SEV_ROUNDING
                                                : JX_SEV_ERROR,
        &t->prov, section_path(c, t->section), "报告中%s %s 与各部分之和 %s 不一致", what,
        fmt_money(c, t->money, t->unit), fmt_money(c, sum, t->unit));
    jx_diag_detail(c->diags, e, "%s = %s，报告写 %s", recompute,
                   fmt_money(c, sum, t->unit),
                   fmt_money(c, t->money, t->unit));
}

/* The 基本支出 figure that a 人员经费 at index i breaks down: the fact
 * just before it, or the nearest earlier 基本支出 spending of the same
 * section within a few facts ("基本支出 X 万元，项目支出 Y 万元。基本支出中
 * 人员经费 P 万元，公用经费 Q 万元"), not past another 人员/公用经费. */
static const struct jx_fact *basic_whole(const struct jx_facts *fs, size_t i)
{
    const struct jx_fact *p = &fs->a[i];
    for (size_t k = i, seen = 0; k-- > 0 && seen < 4; seen++) {
        const struct jx_fact *b = &fs->a[k];
        if (b->section != p->section ||
            (b->label_scopes & (JX_SCOPE_PERSONNEL | JX_SCOPE_PUBLIC))) {
            return NULL;
        }
        if (basic_spending(b)) {
            return b;
        }
    }
    return NULL;
}

/* C203: 基本支出 = 人员经费 + 公用经费 where the prose states the parts
 * one after the other after their 基本支出 (basic_whole). */
static void basic_parts(struct jx_check_ctx *c, const struct jx_facts *fs)
{
    for (size_t i = 1; i + 1 < fs->n; i++) {
        const struct jx_fact *p = &fs->a[i], *q = &fs->a[i + 1];
        if (p->kind != JX_FACT_MONEY || q->kind != JX_FACT_MONEY ||
            !(p->label_scopes & JX_SCOPE_PERSONNEL) ||
            !(q->label_scopes & JX_SCOPE_PUBLIC) ||
            has(p->label, "项目") || has(p->label, "临聘") ||
            has(p->label, "编外") || q->section != p->section) {
            continue;
        }
        const struct jx_fact *b = basic_whole(fs, i);
        struct jx_money s;
        if (!b || b->unit != p->unit || q->unit != p->unit ||
            jx_money_add(p->money, q->money, &s) != JX_NUM_OK) {
            continue;
        }
        const char *rc = jx_sprintf(
            c->arena, "人员经费 %s + 公用经费 %s",
            fmt_money(c, p->money, p->unit), fmt_money(c, q->money, q->unit));
        sum_finding(c, "C203", b, s, "基本支出", rc);
    }
}

/* C204: a total followed in the same sentence by its 基本支出 and
 * 项目支出 (either order). */
static void nature_parts(struct jx_check_ctx *c, const struct jx_facts *fs)
{
    for (size_t i = 0; i + 2 < fs->n; i++) {
        const struct jx_fact *t = &fs->a[i], *x = &fs->a[i + 1],
                             *y = &fs->a[i + 2];
        if (t->kind != JX_FACT_MONEY || x->kind != JX_FACT_MONEY ||
            y->kind != JX_FACT_MONEY || t->sentence != x->sentence ||
            t->sentence != y->sentence || !has(t->label, "支出") ||
            nature_of(t) != JX_FUND_COUNT || (t->label_scopes & OTHER_FUNDS) ||
            t->money.fen == 0 || nature_of(x) == JX_FUND_COUNT ||
            nature_of(y) == JX_FUND_COUNT || nature_of(x) == nature_of(y) ||
            x->unit != t->unit || y->unit != t->unit) {
            continue;
        }
        struct jx_money s;
        if (jx_money_add(x->money, y->money, &s) != JX_NUM_OK) {
            continue;
        }
        const char *rc = jx_sprintf(
            c->arena, "%s %s + %s %s", jx_fund_key_zh(nature_of(x)),
            fmt_money(c, x->money, x->unit), jx_fund_key_zh(nature_of(y)),
            fmt_money(c, y->money, y->unit));
        sum_finding(c, "C204", t, s, "支出合计", rc);
    }
}

/* Headcount category of a label: 1 编制数, 2 在职/在编/实有, 0 other. */
static int staff_kind(const struct jx_fact *f)
{
    if (f->kind != JX_FACT_HEADCOUNT || has(f->label, "编外") ||
        has(f->label, "退休") || has(f->label, "临聘") ||
        has(f->label, "派遣")) {
        return 0;
    }
    if (has(f->label, "在职") || has(f->label, "在编") ||
        has(f->label, "实有")) {
        return 2;
    }
    return has(f->label, "编制") ? 1 : 0;
}

/* C205: a headcount of the prose against the base sheet. */
static void staff_vs_base(struct jx_check_ctx *c, const struct jx_fact *f)
{
    int k = staff_kind(f);
    const struct jx_count *b = k == 1   ? &c->pkg->base.authorized
                               : k == 2 ? &c->pkg->base.actual
                                        : NULL;
    if (!b || !b->present || !jx_rat_is_int(f->value) ||
        f->value.num == b->v) {
        return;
    }
    jx_check_report(c, "C205", JX_SEV_ERROR, &f->prov,
                    k == 1 ? "/base_sheet/staffing/authorized"
                           : "/base_sheet/staffing/actual",
                    "报告中%s %lld 人与基础数据表%s %lld 人不一致",
                    k == 1 ? "编制数" : "在职人数", (long long)f->value.num,
                    k == 1 ? "编制数" : "实际在职人数", (long long)b->v);
}

/* The report's figures against the forms and each other. */
/* C206: the year's 全年预算数 and spending stated in the prose against
 * the unit sheet's 年度资金总额 (全年预算数, 全年执行数).  Only a figure
 * whose label names it (全年预算 / 调整后预算; 实际支出 / 执行 of the whole
 * year) and which is not limited to 一般公共预算 (that scope is a note,
 * not an error: the sheet counts all funds). */
static void totals_vs_sheet(struct jx_check_ctx *c, const struct jx_fact *f)
{
    const struct jx_sheet *s = &c->pkg->unit_sheet;
    const uint32_t sources = JX_SCOPE_GENERAL_BUDGET | JX_SCOPE_GOV_FUND |
                             JX_SCOPE_STATE_CAPITAL |
                             JX_SCOPE_SOCIAL_INSURANCE | JX_SCOPE_FISCAL;
    /* every label that names the year's whole says 全年 (全年预算,
       全年执行, 全年实际支出, 全年支出): one search rules out the rest */
    if (!c->pkg->has_unit_sheet || f->kind != JX_FACT_MONEY ||
        (f->label_scopes & sources) || !strstr(f->label, "全年") ||
        strstr(f->label, "基金") ||
        strstr(f->label, "专户") || strstr(f->label, "其他资金") ||
        strstr(f->label, "年初")) {
        return; /* a part of the funds, not the year's whole */
    }
    const struct jx_amt *want = NULL;
    const char *what = NULL, *key = NULL;
    if (strstr(f->label, "全年预算") && !strstr(f->label, "基本支出") &&
        !strstr(f->label, "项目支出")) {
        want = &s->total.budget_full;
        what = "全年预算数";
        key = "budget_full";
    } else if ((strstr(f->label, "全年执行") || strstr(f->label, "全年实际支出") ||
                strstr(f->label, "全年支出")) &&
               !strstr(f->label, "基本支出") && !strstr(f->label, "项目支出")) {
        want = &s->total.executed;
        what = "全年执行数";
        key = "executed";
    }
    if (!want || !want->present) {
        return;
    }
    int64_t d = f->money.fen - want->v.fen;
    if (d < 0) {
        d = -d;
    }
    if (d == 0) {
        return;
    }
    bool general = (f->scopes & JX_SCOPE_GENERAL_BUDGET) &&
                   f->money.fen < want->v.fen;
    enum jx_severity sev = general ? JX_SEV_NOTE
                           : d <= tolerance_fen(c, s->unit) ? JX_SEV_ROUNDING
                                                            : JX_SEV_ERROR;
    jx_check_report(c, "C206", sev, &f->prov,
                    jx_sprintf(c->arena, "/unit_sheet/funds/total/%s", key),
                    "报告中的%s %s 与自评表%s %s 不一致%s", f->label,
                    fmt_money(c, f->money, s->unit), what,
                    fmt_money(c, want->v, s->unit),
                    general ? "（报告只计一般公共预算，口径不同）" : "");
}

/* Run the C2 family over the facts of the report. */
/* C207: the prose's 一般公共预算 基本支出 + 项目支出 (both limited to the
 * general budget) against the unit sheet's 一般公共预算 全年执行数. */
static void general_split(struct jx_check_ctx *c, const struct jx_facts *fs)
{
    const struct jx_sheet *us = &c->pkg->unit_sheet;
    const struct jx_amt *g = &us->funds[JX_FUND_GENERAL_BUDGET].executed;
    if (!c->pkg->has_unit_sheet || !g->present) {
        return;
    }
    const struct jx_fact *b = NULL, *p = NULL;
    for (size_t i = 0; i < fs->n; i++) {
        const struct jx_fact *f = &fs->a[i];
        uint32_t sc = f->label_scopes ? f->label_scopes : f->scopes;
        if (!(sc & JX_SCOPE_GENERAL_BUDGET) || (sc & OTHER_FUNDS)) {
            continue;
        }
        if (!b && basic_spending(f) && nature_of(f) == JX_FUND_BASIC) {
            b = f;
        } else if (!p && f->kind == JX_FACT_MONEY && !budget_word(f->label) &&
                   nature_of(f) == JX_FUND_PROJECT) {
            p = f;
        }
    }
    struct jx_money s;
    if (!b || !p || jx_money_add(b->money, p->money, &s) != JX_NUM_OK) {
        return;
    }
    int64_t d = absdiff(s, g->v);
    if (d == 0) {
        return;
    }
    struct jx_diag *e = jx_check_report(
        c, "C207", d <= tolerance_fen(c, us->unit) ? JX_SEV_ROUNDING
                                                   : JX_SEV_ERROR,
        &p->prov, "/unit_sheet/funds/general_budget/executed",
        "报告中一般公共预算基本支出 %s 与项目支出 %s 之和 %s，与自评表一般公共预算执行数 %s 不一致",
        fmt_money(c, b->money, b->unit), fmt_money(c, p->money, p->unit),
        fmt_money(c, s, b->unit), fmt_money(c, g->v, us->unit));
    jx_diag_detail(c->diags, e, "%s + %s = %s，表中为 %s",
                   fmt_money(c, b->money, b->unit),
                   fmt_money(c, p->money, p->unit), fmt_money(c, s, b->unit),
                   fmt_money(c, g->v, us->unit));
}

/* The number after 扣 / 扣了 at p ("扣 1 分", "扣了0.3分"): its text in
 * *num (arena) and the bytes up to and including 分 in *len; false when
 * the deduction is not written that way. */
static bool deduction_at(struct jx_check_ctx *c, const char *p, struct jx_rat *v,
                         size_t *len)
{
    const char *q = p + strlen("扣");
    if (strncmp(q, "了", strlen("了")) == 0) {
        q += strlen("了");
    }
    while (*q == ' ') {
        q++;
    }
    const char *n0 = q;
    while ((*q >= '0' && *q <= '9') || *q == '.') {
        q++;
    }
    const char *n1 = q;
    while (*q == ' ') {
        q++;
    }
    if (n1 == n0 || strncmp(q, "分", strlen("分")) != 0 ||
        jx_rat_parse(n0, (size_t)(n1 - n0), v, NULL, NULL) != JX_NUM_OK) {
        return false;
    }
    (void)c;
    *len = (size_t)(q + strlen("分") - p);
    return true;
}

/* Compare a prose deduction of row r (points − d) with its stated score:
 * C208. */
static void deduction_vs_row(struct jx_check_ctx *c, const struct jx_rubric *t,
                             const char *key, size_t ri, struct jx_rat d,
                             bool zero, const struct jx_prov *prov,
                             const char *quote)
{
    const struct jx_rubric_row *r = &t->rows[ri];
    struct jx_rat want;
    if (!r->points.present || !r->score.present) {
        return;
    }
    if (zero) {
        want = jx_rat_int(0);
    } else if (jx_rat_sub(r->points.v, d, &want) != JX_NUM_OK) {
        return;
    }
    if (jx_rat_cmp(want, r->score.v) == 0) {
        return;
    }
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ], b3[JX_NUM_BUFSZ];
    const char *name = r->name.s ? r->name.s : r->level2.s;
    struct jx_diag *e = jx_check_report(
        c, "C208", JX_SEV_ERROR, r->score.prov ? r->score.prov : prov,
        jx_sprintf(c->arena, "/%s/rows/%zu/score", key, ri),
        "报告称“%s”%s，按分值 %s 应得 %s 分，评分表却写 %s 分", name, quote,
        jx_rat_format(r->points.v, 2, false, JX_ROUND_HALF_UP, b1),
        jx_rat_format(want, 2, false, JX_ROUND_HALF_UP, b2),
        jx_rat_format(r->score.v, 2, false, JX_ROUND_HALF_UP, b3));
    jx_diag_detail(c->diags, e, "报告原文：%s", quote);
}

/* C208: the deductions the prose states for rows of a printed scoring
 * table ("绩效目标完整性和绩效指标明确性各扣 1 分", "固定资产利用率扣了 0.3
 * 分", "编外人员控制率不达标，不得分") against the scores the table states.
 * A clause (up to ，；。) that names rows and then 扣 N 分 deducts from
 * the last row it names, or from each with 各; 不得分 means 0. */
static void prose_deductions(struct jx_check_ctx *c, const struct jx_rubric *t,
                             const char *key)
{
    const struct jx_report *rp = &c->pkg->report;
    if (!t->present || !t->nrows) {
        return;
    }
    for (size_t si = 0; si < rp->nsections; si++) {
        const char *text = rp->sections[si].text.s;
        if (!text) {
            continue;
        }
        const char *start = text;
        for (const char *p = text; *p; p++) {
            unsigned char b0 = (unsigned char)*p;
            if (b0 != 0xEF && b0 != 0xE3 && b0 != 0xE6 && b0 != 0xE4 &&
                b0 != '\n') {
                continue; /* starts none of ，；。扣不 nor a newline */
            }
            bool end = strncmp(p, "，", 3) == 0 || strncmp(p, "；", 3) == 0 ||
                       strncmp(p, "。", 3) == 0 || *p == '\n';
            bool ded = strncmp(p, "扣", strlen("扣")) == 0;
            bool nil = strncmp(p, "不得分", strlen("不得分")) == 0;
            if (!ded && !nil) {
                if (end) {
                    start = p + (*p == '\n' ? 1 : 3);
                }
                continue;
            }
            struct jx_rat d = jx_rat_int(0);
            size_t len = strlen("不得分");
            if (ded && !deduction_at(c, p, &d, &len)) {
                continue;
            }
            bool each = p - start >= 3 && strncmp(p - 3, "各", 3) == 0;
            /* the rows named in the clause before p (for 不得分 also the
             * clause before: "编外人员控制率不达标，不得分") */
            const char *from = start;
            if (nil && from > text + 3) {
                const char *q = from - 3;
                while (q > text && strncmp(q, "，", 3) != 0 &&
                       strncmp(q, "；", 3) != 0 && strncmp(q, "。", 3) != 0 &&
                       *q != '\n') {
                    q--;
                }
                from = q == text ? text : q + (*q == '\n' ? 1 : 3);
            }
            char *clause = jx_strndup(c->arena, from, (size_t)(p - from));
            const char *quote = jx_strndup(c->arena, p, len);
            long last = -1;
            const char *last_at = NULL;
            for (size_t ri = 0; ri < t->nrows; ri++) {
                const struct jx_rubric_row *r = &t->rows[ri];
                const char *name = r->name.s && *r->name.s ? r->name.s
                                                           : r->level2.s;
                const char *at = name && *name ? strstr(clause, name) : NULL;
                if (!at) {
                    continue;
                }
                if (each) {
                    deduction_vs_row(c, t, key, ri, d, nil,
                                     rp->sections[si].text.prov,
                                     jx_sprintf(c->arena, "各%s", quote));
                } else if (!last_at || at > last_at) {
                    last = (long)ri;
                    last_at = at;
                }
            }
            if (!each && last >= 0) {
                deduction_vs_row(c, t, key, (size_t)last, d, nil,
                                 rp->sections[si].text.prov, quote);
            }
            p += len - 1;
        }
    }
}

/* Family C2: the figures of the report prose against the forms. */
void jx_check_text(struct jx_check_ctx *c)
{
    if (!c->pkg->report.present) {
        return;
    }
    const struct jx_facts *fs = jx_check_facts(c);
    for (size_t i = 0; i < fs->n; i++) {
        nature_vs_sheet(c, &fs->a[i]);
        staff_vs_base(c, &fs->a[i]);
        totals_vs_sheet(c, &fs->a[i]);
    }
    basic_parts(c, fs);
    nature_parts(c, fs);
    general_split(c, fs);
    prose_deductions(c, &c->pkg->dept_scoring, "dept_scoring");
    prose_deductions(c, &c->pkg->assessment, "assessment");
}
