/*
 * score.c - the scoring engine: recompute every 执行率, score, block sum
 * and total of a package (rules.md §1.2-§1.5, §2.2, §10), keep each
 * result with its derivation beside the stated value, and report the
 * differences as S-coded findings (docs/ERRORS.md).
 *
 * All arithmetic is exact (struct jx_rat); only the named points of the
 * rules round, half-up, at the policy's scales.
 */
#include "jixiao/score.h"

#include <stdio.h>
#include <string.h>

/* ---- policy and grades --------------------------------------------- */

/* Fill p with the default policy. */
void jx_policy_default(struct jx_policy *p)
{
    memset(p, 0, sizeof *p);
    p->exec_rounding = JX_EXEC_DOUBLE_ROUND;
    p->exec_cap = true;
    p->score_scale = 2;
    p->rate_scale = 2;
    p->over_threshold.num = 1;
    p->over_threshold.den = 5;
    p->tolerance.num = 1;
    p->tolerance.den = 100;
}

/* True when s[0..n) equals the NUL-terminated word w. */
static bool word_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* Parse a small whole number 0..8 from s[0..n); -1 if it is not one. */
static int parse_scale(const char *s, size_t n)
{
    if (n != 1 || s[0] < '0' || s[0] > '8') {
        return -1;
    }
    return s[0] - '0';
}

/* Set one policy from "name=value"; 0, or -1 (p unchanged) on error. */
int jx_policy_set(struct jx_policy *p, const char *assignment)
{
    const char *eq = strchr(assignment, '=');
    if (!eq) {
        return -1;
    }
    const char *name = assignment;
    size_t nlen = (size_t)(eq - assignment);
    const char *val = eq + 1;
    size_t vlen = strlen(val);
    if (word_is(name, nlen, "exec-rounding")) {
        if (word_is(val, vlen, "double")) {
            p->exec_rounding = JX_EXEC_DOUBLE_ROUND;
        } else if (word_is(val, vlen, "single")) {
            p->exec_rounding = JX_EXEC_SINGLE_ROUND;
        } else {
            return -1;
        }
        return 0;
    }
    if (word_is(name, nlen, "exec-cap")) {
        if (word_is(val, vlen, "on")) {
            p->exec_cap = true;
        } else if (word_is(val, vlen, "off")) {
            p->exec_cap = false;
        } else {
            return -1;
        }
        return 0;
    }
    if (word_is(name, nlen, "over-threshold") ||
        word_is(name, nlen, "tolerance")) {
        bool is_tol = word_is(name, nlen, "tolerance");
        struct jx_rat r;
        bool pct = false;
        if (vlen == 0 ||
            jx_rat_parse(val, vlen, &r, is_tol ? NULL : &pct, NULL) !=
                JX_NUM_OK ||
            jx_rat_sign(r) < 0) {
            return -1;
        }
        if (is_tol) {
            p->tolerance = r;
        } else {
            p->over_threshold = r;
        }
        return 0;
    }
    if (word_is(name, nlen, "score-scale") ||
        word_is(name, nlen, "rate-scale")) {
        int s = parse_scale(val, vlen);
        if (s < 0) {
            return -1;
        }
        if (word_is(name, nlen, "score-scale")) {
            p->score_scale = s;
        } else {
            p->rate_scale = s;
        }
        return 0;
    }
    return -1;
}

/* Chinese name of a grade (static string). */
const char *jx_grade_zh(enum jx_grade g)
{
    switch (g) {
    case JX_GRADE_A:
        return "优";
    case JX_GRADE_B:
        return "良";
    case JX_GRADE_C:
        return "中";
    case JX_GRADE_D:
        return "差";
    case JX_GRADE_NONE:
        break;
    }
    return "";
}

/* The grade band of a total (half-open at the lower end, rules §1.2). */
enum jx_grade jx_grade_of(struct jx_rat total)
{
    if (jx_rat_cmp(total, jx_rat_int(90)) >= 0) {
        return JX_GRADE_A;
    }
    if (jx_rat_cmp(total, jx_rat_int(80)) >= 0) {
        return JX_GRADE_B;
    }
    if (jx_rat_cmp(total, jx_rat_int(60)) >= 0) {
        return JX_GRADE_C;
    }
    return JX_GRADE_D;
}

/* ---- context and small helpers ------------------------------------- */

/* State of one jx_score() run. */
struct ctx {
    struct jx_arena *a;
    const struct jx_package *pkg;
    const struct jx_policy *pol;
    struct jx_diags *d;
    const char *sheet; /* label of the sheet being scored */
    const struct jx_prov *uses[4]; /* other values the findings use */
    int score_dp;      /* decimals the sheet's stated 得分 column shows
                          (the most any of its scores shows: "1" in a
                          column of "1.9", "1.8" stands for 1.0) */
    struct jx_indval *keep_tv, *keep_av; /* where score_indicator keeps
                                            each row's parsed texts, or
                                            NULL */
    bool brief;        /* the rows' derivations (formula, inputs, the
                          block and total terms) and the rows' and
                          blocks' ids are not written: jx_score_brief */
    bool mute;         /* findings are not added (a row scored again
                          for the formula a finding quotes) */
};

/* expr, or "" while the derivations are not written (c->brief): the
 * formula strings, the numbers shown only in them and the rows' ids are
 * made for a reader of the Evaluation, not for the findings. */
#define EXPLAIN(c, expr) ((c)->brief ? "" : (expr))






/* v clamped to [lo, hi]. */
static struct jx_rat clamp(struct jx_rat v, struct jx_rat lo, struct jx_rat hi)
{
    return jx_rat_min(jx_rat_max(v, lo), hi);
}

/* Decimals needed to show v exactly, at least min (6 when v has no
 * short decimal expansion). */
static int exact_scale(struct jx_rat v, int min)
{
    char buf[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(v, false, buf)) {
        return min > 6 ? min : 6;
    }
    const char *dot = strchr(buf, '.');
    int n = dot ? (int)strlen(dot + 1) : 0;
    return n > min ? n : min;
}

/* The value exactly, fewest decimals (arena string); percent appends %.
 * Values with no short decimal expansion fall back to 6 decimals. */
static const char *fmt_exact(struct ctx *c, struct jx_rat v, bool percent)
{
    char buf[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(v, percent, buf)) {
        jx_rat_format(v, 6, percent, JX_ROUND_HALF_UP, buf);
    }
    return jx_strdup(c->a, buf);
}

/* The value at a fixed number of decimals, half-up (arena string). */
static const char *fmt_fixed(struct ctx *c, struct jx_rat v, int scale,
                             bool percent)
{
    char buf[JX_NUM_BUFSZ];
    jx_rat_format(v, scale, percent, JX_ROUND_HALF_UP, buf);
    return jx_strdup(c->a, buf);
}

/* Money exactly in unit, without the unit name (arena string). */
static const char *fmt_money(struct ctx *c, struct jx_money m,
                             enum jx_money_unit u)
{
    char buf[JX_NUM_BUFSZ];
    jx_money_format_exact(m, u, buf);
    return jx_strdup(c->a, buf);
}

/* An item's value as shown: fixed at its scale (arena string). */
static const char *fmt_item(struct ctx *c, const struct jx_item *it)
{
    return fmt_fixed(c, it->value, it->scale, it->percent);
}

/* Agreement of a stated value with a computed one under tolerance tol. */
static enum jx_agree agree_of(struct jx_rat stated, struct jx_rat computed,
                              struct jx_rat tol)
{
    struct jx_rat diff;
    if (jx_rat_cmp(stated, computed) == 0) {
        return JX_AGREE_YES;
    }
    if (jx_rat_sub(stated, computed, &diff) != JX_NUM_OK) {
        return JX_AGREE_NO;
    }
    if (jx_rat_sign(diff) < 0) {
        diff.num = -diff.num;
    }
    return jx_rat_cmp(diff, tol) <= 0 ? JX_AGREE_ROUNDING : JX_AGREE_NO;
}

/* Append text to an item's note, separated by "；". */
static void note_add(struct ctx *c, struct jx_item *it, const char *text)
{
    if (!it->note) {
        it->note = jx_strdup(c->a, text);
    } else {
        it->note = jx_sprintf(c->a, "%s；%s", it->note, text);
    }
}

/* Set an item's inputs from name/value pairs (copied into the arena). */
static void set_inputs(struct ctx *c, struct jx_item *it, size_t n,
                       const char *const *pairs)
{
    it->inputs = jx_alloc_array(c->a, n ? n : 1, sizeof *it->inputs);
    it->ninputs = n;
    for (size_t i = 0; i < n; i++) {
        it->inputs[i].name = pairs[2 * i];
        it->inputs[i].value = pairs[2 * i + 1];
    }
}

/* Add a finding located at prov (or the package source) and path.
 * Returns the entry (for a detail) or NULL when the list is full. */
static struct jx_diag *finding(struct ctx *c, const char *code,
                               enum jx_severity sev,
                               const struct jx_prov *prov, const char *path,
                               const char *fmt, ...) JX_PRINTF(6, 7);

/* Build the location from prov/path and add the formatted finding. */
static struct jx_diag *finding(struct ctx *c, const char *code,
                               enum jx_severity sev,
                               const struct jx_prov *prov, const char *path,
                               const char *fmt, ...)
{
    if (c->mute) {
        return NULL;
    }
    struct jx_loc loc = jx_prov_loc(prov, c->pkg->source, path);
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(c->a, fmt, ap);
    va_end(ap);
    const struct jx_prov *all[5] = {prov, c->uses[0], c->uses[1],
                                    c->uses[2], c->uses[3]};
    const char *note = jx_prov_inferred_note(c->a, all, 5);
    if (sev == JX_SEV_ERROR && note[0]) {
        sev = JX_SEV_WARNING; /* an input was inferred, not read: at most
                                 a warning, saying what was inferred */
    }
    return jx_diag_add(c->d, code, sev, &loc, "%s%s", msg, note);
}

/* The first non-NULL of two provenances. */
static const struct jx_prov *prov2(const struct jx_prov *a,
                                   const struct jx_prov *b)
{
    return a ? a : b;
}

/* True when a text is present and not only spaces. */
static bool has_text(const struct jx_text *t)
{
    if (!t->s) {
        return false;
    }
    for (const char *p = t->s; *p; p++) {
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
            return true;
        }
    }
    return false;
}

/* Severity of a stated/computed disagreement. */
static enum jx_severity agree_sev(enum jx_agree a)
{
    return a == JX_AGREE_ROUNDING ? JX_SEV_ROUNDING : JX_SEV_ERROR;
}

/* ---- printed precision and firmness (issue 12) ------------------------ */

/* Decimals v shows written with the fewest digits (of its percentage
 * when percent); 6 when it has no short expansion.  The package keeps
 * values, not how they were printed, so a 60.00% counts as 60%. */
static int shown_decimals(struct jx_rat v, bool percent)
{
    int k = jx_rat_exact_decimals(v, percent);
    return k < 0 ? 6 : k;
}

/* Half a unit in the last place stated shows (as a fraction when
 * percent): a figure printed with k decimals stands for any value
 * within it. */
static struct jx_rat half_unit(struct jx_rat stated, bool percent)
{
    int k = shown_decimals(stated, percent) + (percent ? 2 : 0);
    int64_t den = 2;
    for (int i = 0; i < k && den < INT64_MAX / 10; i++) {
        den *= 10;
    }
    struct jx_rat h = {1, den};
    return h;
}

/* True when computed, rounded half-up at the decimals stated shows, is
 * stated: a figure printed with k decimals agrees with any value that
 * rounds to it at k decimals (60% with 59.58%, 6 with 5.96). */
static bool agrees_printed(struct jx_rat stated, struct jx_rat computed,
                           bool percent)
{
    int k = shown_decimals(stated, percent) + (percent ? 2 : 0);
    struct jx_rat r;
    return jx_rat_round(computed, k, JX_ROUND_HALF_UP, &r) == JX_NUM_OK &&
           jx_rat_cmp(r, stated) == 0;
}

/* True when computed, rounded half-up or cut (toward zero) at k
 * decimals (the stated score's column's), is stated: a score printed to
 * fewer decimals than it was computed with, by either convention. */
static bool printed_or_cut(struct jx_rat stated, struct jx_rat computed,
                           int k)
{
    struct jx_rat r;
    return (jx_rat_round(computed, k, JX_ROUND_HALF_UP, &r) == JX_NUM_OK &&
            jx_rat_cmp(r, stated) == 0) ||
           (jx_rat_round(computed, k, JX_ROUND_DOWN, &r) == JX_NUM_OK &&
            jx_rat_cmp(r, stated) == 0);
}

/* A disagreement softened by printed precision: one that vanishes when
 * computed is rounded at the decimals stated shows is only rounding. */
static enum jx_agree soften(enum jx_agree a, struct jx_rat stated,
                            struct jx_rat computed, bool percent)
{
    if (a == JX_AGREE_NO && agrees_printed(stated, computed, percent)) {
        return JX_AGREE_ROUNDING;
    }
    return a;
}

/* True when every provenance among p[0..n) (NULL entries skipped) was
 * read as printed, none inferred. */
static bool all_read(const struct jx_prov *const *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (p[i] && p[i]->how != JX_HOW_READ) {
            return false;
        }
    }
    return true;
}

/* An error stays an error only when its inputs were all read firmly;
 * on inferred inputs it is at most a warning (the message names what
 * was inferred). */
static enum jx_severity firm_sev(enum jx_severity sev,
                                 const struct jx_prov *const *p, size_t n)
{
    return sev == JX_SEV_ERROR && !all_read(p, n) ? JX_SEV_WARNING : sev;
}

/* The provenances of a funds row's values (the 执行率 row's inputs). */
static size_t funds_provs(const struct jx_funds *f,
                          const struct jx_prov **out)
{
    out[0] = f->budget_full.prov;
    out[1] = f->executed.prov;
    out[2] = f->points.prov;
    out[3] = f->rate.prov;
    out[4] = f->score.prov;
    return 5;
}

/* ---- 执行率 and its score ------------------------------------------- */

/* Compute the 执行率 item of a sheet; *exact receives the unrounded
 * rate when it is computable. */
static void score_rate(struct ctx *c, const struct jx_sheet *sh,
                       const char *sid, const char *spath,
                       struct jx_item *it, struct jx_rat *exact)
{
    const struct jx_funds *f = &sh->total;
    const char *path = jx_sprintf(c->a, "%s/funds/total", spath);
    const char *rpath = jx_sprintf(c->a, "%s/funds/total/rate", spath);
    const char *unit = jx_money_unit_name(sh->unit);
    it->id = jx_sprintf(c->a, "%s.execution_rate", sid);
    it->label = "执行率";
    it->rule = "exec-rate";
    it->scale = c->pol->rate_scale;
    it->percent = true;
    it->path = path;
    it->prov = prov2(f->rate.prov, prov2(f->executed.prov,
                                         f->budget_full.prov));
    const char *ex = f->executed.present ? fmt_money(c, f->executed.v,
                                                     sh->unit)
                                         : NULL;
    const char *bu = f->budget_full.present ? fmt_money(c, f->budget_full.v,
                                                        sh->unit)
                                            : NULL;
    const char *pairs[4] = {
        "全年执行数", ex ? jx_sprintf(c->a, "%s%s", ex, unit) : "未填",
        "全年预算数", bu ? jx_sprintf(c->a, "%s%s", bu, unit) : "未填",
    };
    set_inputs(c, it, 2, pairs);
    if (f->rate.present) {
        it->has_stated = true;
        it->stated = f->rate.v;
    }
    if (!ex && !bu && !f->rate.present && !f->score.present &&
        !f->points.present && sh->rows_unread) {
        /* the funds row is not in what was read (an excerpt past it):
           unknown, not left empty */
        it->formula = "全年执行数 / 全年预算数";
        note_add(c, it, "表中资金行未读到，无法计算");
        return;
    }
    if (!ex || !bu) {
        it->formula = "全年执行数 / 全年预算数";
        note_add(c, it, !bu && !ex ? "未填全年执行数和全年预算数，无法计算"
                        : !bu      ? "未填全年预算数，无法计算"
                                   : "未填全年执行数，无法计算");
        finding(c, "S103", JX_SEV_WARNING, it->prov, path,
                "%s：执行率%s", c->sheet, it->note);
        return;
    }
    if (f->budget_full.v.fen == 0) {
        it->formula = jx_sprintf(c->a, "全年执行数 / 全年预算数 = %s / %s，"
                                 "不适用", ex, bu);
        note_add(c, it, "不适用：全年预算数为 0");
        if (it->has_stated) {
            finding(c, "S103", JX_SEV_WARNING, it->prov, rpath,
                    "%s：全年预算数为 0，执行率应为“不适用”，表中填 %s",
                    c->sheet, fmt_exact(c, it->stated, true));
        } else {
            finding(c, "S103", JX_SEV_NOTE, it->prov, path,
                    "%s：全年预算数为 0，执行率不适用", c->sheet);
        }
        return;
    }
    struct jx_calc k = {false};
    struct jx_rat r;
    if (jx_rat_money_div(f->executed.v, f->budget_full.v, &r) != JX_NUM_OK) {
        k.bad = true;
    }
    struct jx_rat v = jx_calc_round(&k, r, c->pol->rate_scale + 2);
    if (k.bad) {
        it->formula = "全年执行数 / 全年预算数";
        note_add(c, it, "数值超出可精确计算的范围");
        finding(c, "S215", JX_SEV_WARNING, it->prov, path,
                "%s：执行率无法精确计算：%s / %s 超出范围", c->sheet, ex, bu);
        return;
    }
    *exact = r;
    it->has_value = true;
    it->value = v;
    it->formula = jx_sprintf(c->a, "全年执行数 / 全年预算数 = %s / %s = %s",
                             ex, bu, fmt_item(c, it));
    if (it->has_stated) {
        /* the tolerance is in percentage points */
        struct jx_calc k2 = {false};
        struct jx_rat tol = jx_calc_div(&k2, c->pol->tolerance, jx_rat_int(100));
        it->agrees = soften(agree_of(it->stated, it->value, tol),
                            it->stated, r, true);
        /* S101 is reported with the score (report_exec): a stated score
         * that follows the wrong stated rate is the same mistake */
    }
}

/* The range of scores a stated rate implies with points (capped at
 * the points under the policy's cap), the rate taken at its printed
 * precision: [*lo, *hi].  False when it cannot be computed. */
static bool implied_score(struct ctx *c, struct jx_rat rate,
                          struct jx_rat points, struct jx_rat *lo,
                          struct jx_rat *hi)
{
    struct jx_calc k = {false};
    struct jx_rat h = half_unit(rate, true);
    struct jx_rat rl = jx_rat_max(jx_calc_sub(&k, rate, h), jx_rat_int(0));
    struct jx_rat rh = jx_calc_add(&k, rate, h);
    if (c->pol->exec_cap) {
        rl = jx_rat_min(rl, jx_rat_int(1));
        rh = jx_rat_min(rh, jx_rat_int(1));
    }
    *lo = jx_calc_mul(&k, rl, points);
    *hi = jx_calc_mul(&k, rh, points);
    return !k.bad;
}

/* True when a stated score, taken at its printed precision, can be a
 * value in [lo, hi]. */
static bool score_within(struct jx_rat stated, struct jx_rat lo,
                         struct jx_rat hi)
{
    struct jx_calc k = {false};
    struct jx_rat h = half_unit(stated, false);
    struct jx_rat sl = jx_calc_sub(&k, stated, h);
    struct jx_rat sh = jx_calc_add(&k, stated, h);
    return !k.bad && jx_rat_cmp(sl, hi) <= 0 && jx_rat_cmp(sh, lo) >= 0;
}

/* Report the 执行率 row: S101 (the stated rate against the amounts),
 * S105 (score above its points), S102 (the stated score against the one
 * recomputed from the amounts or, when the amounts are missing, from the
 * stated rate).  A stated score that follows a wrong stated rate is one
 * mistake: S101 names both and S102 is not repeated.  A fully met rate
 * scored below its points says so.  Errors need every value of the row
 * read firmly; on inferred values they are warnings. */
static void report_exec(struct ctx *c, const struct jx_sheet *sh,
                        const char *spath, const struct jx_item *rate,
                        struct jx_rat exact, struct jx_item *it)
{
    const struct jx_funds *f = &sh->total;
    const char *rpath = jx_sprintf(c->a, "%s/funds/total/rate", spath);
    const char *spath_score = jx_sprintf(c->a, "%s/funds/total/score", spath);
    const struct jx_prov *fp[5];
    size_t nfp = funds_provs(f, fp);
    const char *pts = fmt_exact(c, it->points, false);
    struct jx_rat lo = jx_rat_int(0), hi = jx_rat_int(0);
    bool implied = rate->has_stated && it->has_stated &&
                   implied_score(c, rate->stated, it->points, &lo, &hi);
    bool follows = implied && score_within(it->stated, lo, hi);
    bool s101 = rate->has_stated && rate->has_value &&
                (rate->agrees == JX_AGREE_NO ||
                 rate->agrees == JX_AGREE_ROUNDING);
    bool s102 = it->has_stated && it->has_value &&
                (it->agrees == JX_AGREE_NO || it->agrees == JX_AGREE_ROUNDING);
    if (s101) {
        enum jx_severity sev = firm_sev(agree_sev(rate->agrees), fp, nfp);
        struct jx_diag *e;
        if (rate->agrees == JX_AGREE_NO && s102 &&
            it->agrees == JX_AGREE_NO && follows) {
            e = finding(c, "S101", sev, rate->prov, rpath,
                        "%s：表中执行率 %s、执行率得分 %s 与按金额复核的执行率 "
                        "%s、得分 %s 不一致（表中得分按所写执行率计算，随之有误）",
                        c->sheet, fmt_exact(c, rate->stated, true),
                        fmt_exact(c, it->stated, false), fmt_item(c, rate),
                        fmt_item(c, it));
            jx_diag_detail(c->d, e, "%s；%s", rate->formula, it->formula);
            s102 = false;
        } else {
            e = finding(c, "S101", sev, rate->prov, rpath,
                        "%s：表中执行率 %s 与复核执行率 %s 不一致", c->sheet,
                        fmt_exact(c, rate->stated, true), fmt_item(c, rate));
            jx_diag_detail(c->d, e, "%s", rate->formula);
        }
    }
    if (it->has_stated && jx_rat_cmp(it->stated, it->points) > 0) {
        finding(c, "S105", firm_sev(JX_SEV_ERROR, fp, nfp), it->prov,
                spath_score, "%s：执行率得分 %s 高于分值 %s", c->sheet,
                fmt_exact(c, it->stated, false), pts);
    }
    if (s102) {
        enum jx_severity sev = firm_sev(agree_sev(it->agrees), fp, nfp);
        struct jx_diag *e;
        if (it->agrees == JX_AGREE_NO &&
            jx_rat_cmp(exact, jx_rat_int(1)) >= 0 &&
            jx_rat_cmp(it->stated, it->points) < 0) {
            e = finding(c, "S102", sev, it->prov, spath_score,
                        "%s：执行率 %s 已全部完成（全年执行数 %s 不低于全年预算数 "
                        "%s），执行率得分应为满分 %s，表中为 %s",
                        c->sheet, fmt_item(c, rate),
                        fmt_money(c, f->executed.v, sh->unit),
                        fmt_money(c, f->budget_full.v, sh->unit), pts,
                        fmt_exact(c, it->stated, false));
        } else {
            e = finding(c, "S102", sev, it->prov, spath_score,
                        "%s：表中执行率得分 %s 与复核得分 %s 不一致", c->sheet,
                        fmt_exact(c, it->stated, false), fmt_item(c, it));
        }
        jx_diag_detail(c->d, e, "%s", it->formula);
    } else if (implied && !follows && !rate->has_value &&
               !(f->executed.present && f->budget_full.present)) {
        /* the amounts are missing: the stated rate is all there is */
        const char *why = "未填全年执行数或全年预算数，按表中执行率复核";
        if (jx_rat_cmp(rate->stated, jx_rat_int(1)) >= 0 &&
            jx_rat_cmp(it->stated, it->points) < 0) {
            finding(c, "S102", firm_sev(JX_SEV_ERROR, fp, nfp), it->prov,
                    spath_score,
                    "%s：表中执行率 %s 已全部完成，执行率得分应为满分 %s，"
                    "表中为 %s（%s）",
                    c->sheet, fmt_exact(c, rate->stated, true), pts,
                    fmt_exact(c, it->stated, false), why);
        } else {
            const char *range =
                jx_rat_cmp(lo, hi) == 0
                    ? fmt_exact(c, lo, false)
                    : jx_sprintf(c->a, "%s～%s", fmt_fixed(c, lo, 2, false),
                                 fmt_fixed(c, hi, 2, false));
            finding(c, "S102", firm_sev(JX_SEV_ERROR, fp, nfp), it->prov,
                    spath_score,
                    "%s：表中执行率得分 %s 与按表中执行率 %s × 分值 %s 计算的 "
                    "%s 不一致（%s）",
                    c->sheet, fmt_exact(c, it->stated, false),
                    fmt_exact(c, rate->stated, true), pts, range, why);
        }
    }
}

/* Compute the 执行率得分 item from the rate item (exact: the unrounded
 * rate).  *points receives the points used (10 when none is given). */
static void score_exec(struct ctx *c, const struct jx_sheet *sh,
                       const char *sid, const char *spath,
                       const struct jx_item *rate, struct jx_rat exact,
                       struct jx_item *it, struct jx_rat *points)
{
    const struct jx_funds *f = &sh->total;
    const char *path = jx_sprintf(c->a, "%s/funds/total", spath);
    const char *ppath = jx_sprintf(c->a, "%s/funds/total/points", spath);
    bool single = c->pol->exec_rounding == JX_EXEC_SINGLE_ROUND;
    it->id = jx_sprintf(c->a, "%s.execution_score", sid);
    it->label = "执行率得分";
    it->rule = single ? "exec-score-single" : "exec-score-double";
    it->scale = c->pol->score_scale;
    it->path = path;
    it->prov = prov2(f->score.prov, rate->prov);
    it->has_points = true;
    /* the weight the sheet's form gives the row (20 in some Hubei
     * forms), else the usual 10 */
    int weight = sh->exec_points > 0 ? sh->exec_points : 10;
    if (f->points.present) {
        it->points = f->points.v;
        if (jx_rat_cmp(it->points, jx_rat_int(weight)) != 0) {
            finding(c, "S104", JX_SEV_WARNING,
                    prov2(f->points.prov, it->prov), ppath,
                    "%s：执行率分值 %s 不是 %d（特殊情况须说明）", c->sheet,
                    fmt_exact(c, it->points, false), weight);
        }
    } else {
        it->points = jx_rat_int(weight);
        note_add(c, it, jx_sprintf(c->a, "未填分值，按 %d 分计", weight));
    }
    *points = it->points;
    if (f->score.present) {
        it->has_stated = true;
        it->stated = f->score.v;
    }
    const char *pts = fmt_exact(c, it->points, false);
    const char *pairs[6] = {
        "执行率", rate->has_value ? fmt_item(c, rate) : "无法计算",
        "分值", pts,
        "封顶", c->pol->exec_cap ? "是（min(执行率, 100%)）" : "否",
    };
    set_inputs(c, it, 3, pairs);
    if (!rate->has_value) {
        it->formula = "执行率 × 分值";
        note_add(c, it, "执行率无法计算，得分无法复核");
    } else {
        struct jx_calc k = {false};
        struct jx_rat base = single ? exact : rate->value;
        struct jx_rat one = jx_rat_int(1);
        bool capped = c->pol->exec_cap && jx_rat_cmp(base, one) > 0;
        if (capped) {
            base = one;
        }
        struct jx_rat s = jx_calc_mul(&k, base, it->points);
        s = jx_calc_round(&k, jx_rat_max(s, jx_rat_int(0)), it->scale);
        if (k.bad) {
            it->formula = "执行率 × 分值";
            note_add(c, it, "数值超出可精确计算的范围");
        } else {
            it->has_value = true;
            it->value = s;
            const char *shown_rate;
            if (single) {
                const struct jx_funds *ff = &sh->total;
                shown_rate = jx_sprintf(
                    c->a, "%s / %s", fmt_money(c, ff->executed.v, sh->unit),
                    fmt_money(c, ff->budget_full.v, sh->unit));
            } else {
                shown_rate = fmt_item(c, rate);
            }
            if (c->pol->exec_cap) {
                it->formula = jx_sprintf(
                    c->a, "min(%s, 100%%) × %s = %s", shown_rate, pts,
                    fmt_item(c, it));
            } else {
                it->formula = jx_sprintf(c->a, "%s × %s = %s", shown_rate,
                                         pts, fmt_item(c, it));
            }
            if (capped) {
                note_add(c, it, "执行率超过 100%，得分封顶为分值");
            }
            if (!single) {
                note_add(c, it, "先将执行率四舍五入到显示位数，再乘分值");
            }
        }
    }
    if (it->has_stated && it->has_value) {
        it->agrees = soften(agree_of(it->stated, it->value, c->pol->tolerance),
                            it->stated, it->value, false);
    }
    report_exec(c, sh, spath, rate, exact, it);
}

/* ---- indicators ------------------------------------------------------ */

/* The Chinese name of a direction. */
static const char *dir_zh(enum jx_direction d)
{
    switch (d) {
    case JX_DIR_HIGHER:
        return "正向（越高越好）";
    case JX_DIR_LOWER:
        return "反向（越低越好）";
    case JX_DIR_EXACT:
        return "等值";
    case JX_DIR_UNKNOWN:
        break;
    }
    return "未知";
}

/* Format a parsed number n in the unit of v: percentages as %, money
 * back in 万元/亿元 when written so, else the number and its unit. */
static const char *fmt_ivnum(struct ctx *c, const struct jx_indval *v,
                             struct jx_rat n)
{
    const char *unit = v->unit ? v->unit : "";
    if (v->dim == JX_DIM_PERCENT) {
        return fmt_exact(c, n, true);
    }
    struct jx_rat shown = n;
    if (strncmp(unit, "亿", strlen("亿")) == 0) {
        struct jx_calc k = {false};
        shown = jx_calc_div(&k, n, jx_rat_int(100000000));
        if (k.bad) {
            shown = n;
            unit = "";
        }
    } else if (strncmp(unit, "万", strlen("万")) == 0) {
        struct jx_calc k = {false};
        shown = jx_calc_div(&k, n, jx_rat_int(10000));
        if (k.bad) {
            shown = n;
            unit = "";
        }
    }
    return jx_sprintf(c->a, "%s%s", fmt_exact(c, shown, false), unit);
}

/* Parse an indicator text (absent text parses as empty). */
static void parse_text(struct ctx *c, const struct jx_text *t,
                       struct jx_indval *out)
{
    const char *s = t->s ? t->s : "";
    jx_indval_parse(c->a, s, strlen(s), out);
}

/* Name of an achievement band. */
static const char *ach_zh(enum jx_achieve a)
{
    switch (a) {
    case JX_ACH_MET:
        return "达成年度指标";
    case JX_ACH_PARTIAL:
        return "部分达成年度指标并具有一定效果";
    case JX_ACH_NOT_MET:
        return "未达成年度指标且效果较差";
    case JX_ACH_NONE:
        break;
    }
    return "未标明";
}

/* The per-indicator facts shared by the scoring steps. */
struct ind {
    const struct jx_indicator *row;
    const struct jx_cols_absent *absent; /* the sheet's missing columns */
    const char *path;            /* /…/indicators/i */
    const struct jx_prov *prov;  /* row provenance */
    struct jx_indval tv, av;     /* parsed target and actual */
    bool has_exact;              /* the recomputed score before rounding */
    struct jx_rat exact;
};

/* An actual value written as a bare number ("100", "90") beside a
 * target with a percent or money unit ("≥100%", "≤90万元") is read in
 * the target's unit, with a note (V111): a unit left out, not a value of
 * another kind. */
static void bare_actual(struct ctx *c, struct ind *x, const char *label)
{
    const struct jx_text *at = &x->row->actual;
    if (x->tv.kind != JX_IV_NUMBER || x->av.kind != JX_IV_NUMBER ||
        x->av.dim != JX_DIM_NONE || !x->tv.unit ||
        (x->tv.dim != JX_DIM_PERCENT && x->tv.dim != JX_DIM_MONEY) ||
        !at->s) {
        return;
    }
    const char *u = x->tv.dim == JX_DIM_PERCENT ? "%" : x->tv.unit;
    const char *txt = jx_sprintf(c->a, "%s%s", at->s, u);
    struct jx_indval v;
    jx_indval_parse(c->a, txt, strlen(txt), &v);
    if (v.kind != JX_IV_NUMBER || !jx_indval_comparable(&x->tv, &v)) {
        return;
    }
    x->av = v;
    finding(c, "V111", JX_SEV_NOTE, prov2(at->prov, x->prov),
            jx_sprintf(c->a, "%s/actual", x->path),
            "指标“%s”的实际完成值“%s”未写单位，按年度指标值的单位“%s”读取",
            label, at->s, u);
}

/* Score a quantitative row: both values are comparable numbers. */
static void score_quant(struct ctx *c, struct ind *x, struct jx_item *it,
                        const char *name)
{
    struct jx_rat W = it->points;
    struct jx_rat t = x->tv.num;
    struct jx_rat a = x->av.num;
    struct jx_rat zero = jx_rat_int(0);
    struct jx_rat raw = {0, 0}; /* a proportional score before rounding
                                   (den 0: none) */
    enum jx_direction dir = jx_indval_direction(&x->tv, name);
    if (x->tv.op == JX_OP_NONE &&
        (dir == JX_DIR_HIGHER || dir == JX_DIR_LOWER)) {
        finding(c, "V109", JX_SEV_NOTE, prov2(x->row->target.prov, x->prov),
                jx_sprintf(c->a, "%s/target", x->path),
                "指标“%s”的年度指标值“%s”未写比较符号，按指标名称推定为%s",
                it->label, x->row->target.s,
                dir == JX_DIR_LOWER ? "越低越好" : "越高越好");
    }
    const char *A = EXPLAIN(c, fmt_ivnum(c, &x->av, a));
    const char *Ws = EXPLAIN(c, fmt_exact(c, W, false));
    struct jx_calc k = {false};
    struct jx_rat s = zero;
    const char *formula = NULL;
    bool lower_used = false;
    enum jx_direction eff = dir; /* the direction actually applied */

    if (x->tv.op == JX_OP_RANGE) {
        it->rule = "quant-exact";
        const char *lo = EXPLAIN(c, fmt_ivnum(c, &x->tv, x->tv.num));
        const char *hi = EXPLAIN(c, fmt_ivnum(c, &x->tv, x->tv.hi));
        if (jx_rat_cmp(a, x->tv.num) >= 0 && jx_rat_cmp(a, x->tv.hi) <= 0) {
            s = W;
            formula = EXPLAIN(c, jx_sprintf(c->a, "实际完成值 %s 在区间 %s–%s "
                                            "内，得满分 %s", A, lo, hi, Ws));
            eff = JX_DIR_EXACT;
        } else if (jx_rat_cmp(a, x->tv.num) < 0) {
            t = x->tv.num;
            eff = JX_DIR_HIGHER;
            note_add(c, it, "区间指标：实际完成值低于下限，按正向计分");
        } else {
            t = x->tv.hi;
            eff = JX_DIR_LOWER;
            note_add(c, it, "区间指标：实际完成值高于上限，按反向计分");
        }
    } else if (dir == JX_DIR_EXACT) {
        it->rule = "quant-exact";
        int cmp = jx_rat_cmp(a, t);
        if (cmp == 0) {
            s = W;
            formula = EXPLAIN(c, jx_sprintf(c->a, "实际完成值 %s = 年度指标值 "
                                            "%s，得满分 %s", A,
                                            fmt_ivnum(c, &x->tv, t), Ws));
        } else if (cmp < 0) {
            eff = JX_DIR_HIGHER;
            note_add(c, it, "等值指标：实际完成值低于指标值，按正向计分");
        } else {
            eff = JX_DIR_LOWER;
            note_add(c, it, "等值指标：实际完成值高于指标值，按反向计分");
        }
    } else if (dir == JX_DIR_LOWER) {
        it->rule = "quant-lower";
    } else {
        it->rule = "quant-higher";
        eff = JX_DIR_HIGHER;
        if (dir == JX_DIR_UNKNOWN) {
            note_add(c, it, "未能判断指标方向，按正向指标计分");
        }
    }
    const char *T = EXPLAIN(c, fmt_ivnum(c, &x->tv, t));

    if (!formula && eff == JX_DIR_HIGHER) {
        if (jx_rat_cmp(a, t) >= 0) {
            s = W;
            formula = EXPLAIN(c, jx_sprintf(c->a, "实际完成值 %s ≥ 年度指标值 "
                                            "%s，得满分 %s", A, T, Ws));
        } else if (jx_rat_sign(t) <= 0) {
            s = zero;
            formula = EXPLAIN(c, jx_sprintf(c->a, "年度指标值 %s 不大于 0，"
                                            "实际完成值 %s 未达到，记 0", T,
                                            A));
        } else {
            s = jx_calc_div(&k, jx_calc_mul(&k, W, a), t);
            raw = clamp(s, zero, W);
            s = jx_calc_round(&k, raw, it->scale);
            formula = EXPLAIN(c, jx_sprintf(c->a, "分值 × 实际完成值 / 年度指标"
                                            "值 = %s × %s / %s = %s", Ws, A,
                                            T, fmt_fixed(c, s, it->scale,
                                                         false)));
        }
    } else if (!formula) {
        /* lower is better */
        lower_used = true;
        if (jx_rat_cmp(a, t) <= 0) {
            s = W;
            formula = EXPLAIN(c, jx_sprintf(c->a, "实际完成值 %s ≤ 年度指标值 "
                                            "%s，得满分 %s", A, T, Ws));
        } else if (jx_rat_sign(t) <= 0) {
            s = zero;
            formula = EXPLAIN(c, jx_sprintf(c->a, "年度指标值 %s 不大于 0 而"
                                            "实际完成值 %s 更大，记 0", T,
                                            A));
        } else {
            s = jx_calc_div(&k, jx_calc_mul(&k, W, t), a);
            raw = clamp(s, zero, W);
            s = jx_calc_round(&k, raw, it->scale);
            formula = EXPLAIN(c, jx_sprintf(c->a, "分值 × 年度指标值 / 实际完成"
                                            "值 = %s × %s / %s = %s", Ws, T,
                                            A, fmt_fixed(c, s, it->scale,
                                                         false)));
        }
    }
    if (lower_used) {
        note_add(c, it, "反向计分为约定算法，非办法原文规定"
                        "（convention, not rule）");
    }
    const char *pairs[8] = {
        "年度指标值", x->row->target.s ? x->row->target.s : "",
        "实际完成值", x->row->actual.s ? x->row->actual.s : "",
        "分值", Ws,
        "方向", dir_zh(dir),
    };
    if (!c->brief) {
        set_inputs(c, it, 4, pairs);
    }
    if (k.bad) {
        it->formula = "无法计算";
        note_add(c, it, "数值超出可精确计算的范围");
        finding(c, "S215", JX_SEV_WARNING, x->prov, x->path,
                "指标“%s”的得分无法精确计算：数值超出范围", it->label);
        return;
    }
    it->has_value = true;
    it->value = jx_calc_round(&k, s, it->scale);
    it->formula = formula;
    x->has_exact = true;
    x->exact = raw.den != 0 ? raw : s; /* before rounding */

    /* over-achievement (rules §1.4 rule 5) */
    if (eff == JX_DIR_HIGHER && x->tv.op != JX_OP_RANGE &&
        jx_rat_sign(t) > 0 && jx_rat_cmp(a, t) > 0 &&
        !has_text(&x->row->deviation)) {
        struct jx_calc k2 = {false};
        struct jx_rat over = jx_calc_div(&k2, jx_calc_sub(&k2, a, t), t);
        if (!k2.bad && jx_rat_cmp(over, c->pol->over_threshold) > 0) {
            /* a table without a 偏差原因 column: the target may be set
               too low, but whether it was explained is unknown */
            bool nocol = x->absent->deviation;
            finding(c, "S205", nocol ? JX_SEV_NOTE : JX_SEV_WARNING,
                    prov2(x->row->actual.prov, x->prov),
                    jx_sprintf(c->a, "%s/actual", x->path),
                    "指标“%s”实际完成值 %s 超过年度指标值 %s 达 %s，"
                    "超过 %s%s",
                    it->label, c->brief ? fmt_ivnum(c, &x->av, a) : A,
                    c->brief ? fmt_ivnum(c, &x->tv, t) : T,
                    fmt_fixed(c, over, 2, true),
                    fmt_exact(c, c->pol->over_threshold, true),
                    nocol ? "（表中没有偏差原因栏，未能核对是否说明）"
                          : " 而未填偏差原因分析");
        }
    }
}

/* The formula of a quantitative row scored briefly, for a finding that
 * quotes it: the row scored again from its state before (an arena
 * string, the same as a full scoring writes), no finding added. */
static const char *quant_formula(struct ctx *c, struct ind *x,
                                 const struct jx_item *before,
                                 const char *name)
{
    struct jx_item t = *before;
    bool brief = c->brief, mute = c->mute;
    c->brief = false;
    c->mute = true;
    score_quant(c, x, &t, name);
    c->brief = brief;
    c->mute = mute;
    return t.formula;
}

/* Whether an item enters the total, with the score it enters with. */
static bool used_score(const struct jx_item *it, struct jx_rat *s,
                       const char **which);

/* The total's formula "a + b + … = total" as a full scoring writes it
 * (an arena string), over the execution score and the n - 1 rows, for
 * a finding that quotes it after a brief scoring. */
static const char *total_formula(struct ctx *c,
                                 const struct jx_sheet_eval *se,
                                 const struct jx_item *tt, size_t n)
{
    struct jx_buf f;
    jx_buf_init(&f, 1u << 22);
    for (size_t i = 0; i < n; i++) {
        const struct jx_item *it = i == 0 ? &se->exec_score
                                          : &se->indicators[i - 1];
        struct jx_rat s;
        const char *which;
        if (used_score(it, &s, &which)) {
            const char *sv = it->has_value ? fmt_item(c, it)
                                           : fmt_exact(c, s, false);
            jx_buf_addf(&f, "%s%s", f.len ? " + " : "", sv);
        }
    }
    const char *r = jx_sprintf(c->a, "%s = %s", f.len ? f.p : "无得分",
                               fmt_item(c, tt));
    jx_buf_release(&f);
    return r;
}

/* Score a qualitative row: validate the stated score against the band
 * of the stated (or implied) achievement; never invent a score. */
static void score_qual(struct ctx *c, struct ind *x, struct jx_item *it)
{
    const struct jx_indicator *r = x->row;
    struct jx_rat W = it->points;
    enum jx_achieve ach = r->achievement;
    it->rule = "qual-band";
    if (ach == JX_ACH_NONE && has_text(&r->target) && has_text(&r->actual)) {
        const char *tn = x->tv.norm ? x->tv.norm : r->target.s;
        const char *an = x->av.norm ? x->av.norm : r->actual.s;
        if (strcmp(tn, an) == 0) {
            ach = JX_ACH_MET;
            note_add(c, it, "实际完成与目标表述一致，按达成年度指标档校验");
        }
    }
    const char *Ws = EXPLAIN(c, it->has_points ? fmt_exact(c, W, false)
                                               : "未填");
    const char *pairs[8] = {
        "年度指标值", r->target.s ? r->target.s : "",
        "实际完成值", r->actual.s ? r->actual.s : "",
        "分值", Ws,
        "达成档次", ach_zh(ach),
    };
    if (!c->brief) {
        set_inputs(c, it, 4, pairs);
    }
    if (!it->has_points) {
        it->formula = "定性指标按档次校验";
        return;
    }
    if (ach == JX_ACH_NONE) {
        it->formula = EXPLAIN(c, jx_sprintf(c->a, "定性指标未标明档次：0 ≤ "
                                            "得分 ≤ %s", Ws));
        note_add(c, it, "定性指标未标明达成档次，只校验得分范围");
        finding(c, "S214", JX_SEV_NOTE, prov2(r->actual.prov, x->prov),
                x->path,
                "定性指标“%s”未标明达成档次（实际完成“%s”与目标“%s”"
                "表述不同），只校验得分不超过分值",
                it->label, r->actual.s ? r->actual.s : "",
                r->target.s ? r->target.s : "");
        return;
    }
    struct jx_calc k = {false};
    struct jx_rat lo, hi;
    bool hi_incl = false;
    struct jx_rat p8 = {4, 5}, p6 = {3, 5};
    if (ach == JX_ACH_MET) {
        lo = jx_calc_mul(&k, W, p8);
        hi = W;
        hi_incl = true;
    } else if (ach == JX_ACH_PARTIAL) {
        lo = jx_calc_mul(&k, W, p6);
        hi = jx_calc_mul(&k, W, p8);
    } else {
        lo = jx_rat_int(0);
        hi = jx_calc_mul(&k, W, p6);
    }
    if (k.bad) {
        it->formula = "无法计算";
        note_add(c, it, "数值超出可精确计算的范围");
        return;
    }
    const char *los = EXPLAIN(c, fmt_exact(c, lo, false));
    const char *his = EXPLAIN(c, fmt_exact(c, hi, false));
    it->formula = EXPLAIN(c, jx_sprintf(c->a, "%s档：%s ≤ 得分 %s %s",
                                        ach_zh(ach), los,
                                        hi_incl ? "≤" : "<", his));
    if (!it->has_stated) {
        note_add(c, it, "定性指标未填自评得分，无法校验");
        return;
    }
    if (jx_rat_cmp(it->stated, W) > 0 || jx_rat_sign(it->stated) < 0) {
        /* outside [0, W]: reported once, as S202, by the caller */
        it->agrees = JX_AGREE_NO;
        note_add(c, it, "自评得分超出 0 到分值的范围");
        return;
    }
    bool in = jx_rat_cmp(it->stated, lo) >= 0 &&
              (hi_incl ? jx_rat_cmp(it->stated, hi) <= 0
                       : jx_rat_cmp(it->stated, hi) < 0);
    if (in) {
        /* the stated score itself, shown with all its decimals */
        it->has_value = true;
        it->value = it->stated;
        it->scale = exact_scale(it->stated, it->scale);
        it->agrees = JX_AGREE_YES;
        it->formula = EXPLAIN(c, jx_sprintf(c->a, "%s，自评得分 %s 在档内",
                                            it->formula,
                                            fmt_exact(c, it->stated, false)));
    } else {
        it->agrees = JX_AGREE_NO;
        note_add(c, it, "自评得分不在所选档次的区间内");
        finding(c, "S203", JX_SEV_ERROR, prov2(r->score.prov, x->prov),
                jx_sprintf(c->a, "%s/score", x->path),
                "指标“%s”自评得分 %s 不在“%s”档 [%s, %s%s 内",
                it->label, fmt_exact(c, it->stated, false), ach_zh(ach),
                c->brief ? fmt_exact(c, lo, false) : los,
                c->brief ? fmt_exact(c, hi, false) : his,
                hi_incl ? "]" : ")");
    }
}

/* The operator as written in messages ("≥", "–" for a range). */
static const char *op_text(enum jx_iv_op op)
{
    switch (op) {
    case JX_OP_GE:
        return "≥";
    case JX_OP_GT:
        return ">";
    case JX_OP_LE:
        return "≤";
    case JX_OP_LT:
        return "<";
    case JX_OP_EQ:
        return "=";
    case JX_OP_RANGE:
        return "–";
    case JX_OP_NONE:
        break;
    }
    return "";
}

/* The kind or unit of a parsed value for the V104 message (数值, 百分比,
 * 金额, 日期, 定性描述, 不适用, 空白, or the unit such as "篇"). */
static const char *kind_text(const struct jx_indval *v)
{
    switch (v->kind) {
    case JX_IV_NUMBER:
        if (v->dim == JX_DIM_PERCENT) {
            return "百分比";
        }
        if (v->dim == JX_DIM_MONEY) {
            return "金额";
        }
        return v->unit && *v->unit ? v->unit : "数值";
    case JX_IV_DATE:
        return "日期";
    case JX_IV_QUALITATIVE:
        return "定性描述";
    case JX_IV_NA:
        return "不适用";
    case JX_IV_EMPTY:
        return "空白";
    case JX_IV_UNPARSED:
        break;
    }
    return "无法识别";
}

/* The JSON path path + "/" + leaf, in the arena: made where a finding
 * names it, not for every row. */
static const char *sub_path(struct ctx *c, const char *path, const char *leaf)
{
    return jx_sprintf(c->a, "%s/%s", path, leaf);
}

/* Report why a row could not be scored, from its parsed values (V101,
 * V102, V104, V107, S207, S210, S211); sets the item's note and inputs. */
static void score_unscorable(struct ctx *c, struct ind *x, struct jx_item *it)
{
    const struct jx_indicator *r = x->row;
    const char *ts = r->target.s ? r->target.s : "";
    const char *as = r->actual.s ? r->actual.s : "";
    const struct jx_prov *tprov = prov2(r->target.prov, x->prov);
    const struct jx_prov *aprov = prov2(r->actual.prov, x->prov);
    enum jx_iv_kind tk = x->tv.kind, ak = x->av.kind;
    if (!c->brief) {
        const char *pairs[6] = {
            "年度指标值", ts,
            "实际完成值", as,
            "分值", it->has_points ? fmt_exact(c, it->points, false) : "未填",
        };
        set_inputs(c, it, 3, pairs);
    }
    it->rule = "not-computable";
    it->formula = "无法复核，采用自评得分";
    if ((tk == JX_IV_EMPTY && x->absent->target) ||
        (ak == JX_IV_EMPTY && x->absent->actual)) {
        /* the table has no such column: unknown, not left empty */
        note_add(c, it, "表中没有年度指标值或实际完成值栏，无法复核");
        return;
    }
    if (tk == JX_IV_EMPTY && ak == JX_IV_EMPTY) {
        note_add(c, it, "未填年度指标值和实际完成值");
        finding(c, "S207", JX_SEV_WARNING, x->prov, x->path,
                "指标“%s”未填年度指标值和实际完成值，得分无法复核",
                it->label);
        return;
    }
    if (tk == JX_IV_EMPTY || ak == JX_IV_EMPTY) {
        bool t_empty = tk == JX_IV_EMPTY;
        note_add(c, it, t_empty ? "未填年度指标值" : "未填实际完成值");
        finding(c, "V107", JX_SEV_WARNING, t_empty ? tprov : aprov,
                sub_path(c, x->path, t_empty ? "target" : "actual"),
                "指标“%s”的%s为空，%s为“%s”",
                it->label, t_empty ? "年度指标值" : "实际完成值",
                t_empty ? "实际完成值" : "年度指标值", t_empty ? as : ts);
        return;
    }
    if (tk == JX_IV_UNPARSED || ak == JX_IV_UNPARSED) {
        if (tk == JX_IV_UNPARSED) {
            note_add(c, it, jx_sprintf(c->a, "年度指标值无法识别：%s",
                                       x->tv.reason ? x->tv.reason
                                                    : "格式不明"));
            finding(c, "V101", JX_SEV_WARNING, tprov,
                    sub_path(c, x->path, "target"),
                    "指标“%s”的年度指标值“%s”无法识别：%s", it->label, ts,
                    x->tv.reason ? x->tv.reason : "格式不明");
        }
        if (ak == JX_IV_UNPARSED) {
            note_add(c, it, jx_sprintf(c->a, "实际完成值无法识别：%s",
                                       x->av.reason ? x->av.reason
                                                    : "格式不明"));
            finding(c, "V102", JX_SEV_WARNING, aprov,
                    sub_path(c, x->path, "actual"),
                    "指标“%s”的实际完成值“%s”无法识别：%s", it->label, as,
                    x->av.reason ? x->av.reason : "格式不明");
        }
        return;
    }
    if (tk == JX_IV_NA || ak == JX_IV_NA) {
        bool t_na = tk == JX_IV_NA;
        const char *which = t_na ? "年度指标值" : "实际完成值";
        note_add(c, it, jx_sprintf(c->a, "%s为不适用", which));
        finding(c, "S211", JX_SEV_NOTE, t_na ? tprov : aprov,
                sub_path(c, x->path, t_na ? "target" : "actual"),
                "指标“%s”的%s为“不适用”，得分无法复核", it->label, which);
        return;
    }
    if (tk == JX_IV_DATE && ak == JX_IV_DATE) {
        note_add(c, it, "日期型指标暂不自动计分，采用自评得分");
        finding(c, "S210", JX_SEV_NOTE, tprov, sub_path(c, x->path, "target"),
                "指标“%s”的年度指标值“%s”是日期，暂不自动计分", it->label,
                ts);
        return;
    }
    note_add(c, it, jx_sprintf(c->a, "年度指标值（%s）与实际完成值（%s）"
                               "无法比较",
                               kind_text(&x->tv), kind_text(&x->av)));
    finding(c, "V104", JX_SEV_WARNING, aprov, sub_path(c, x->path, "actual"),
            "指标“%s”的年度指标值“%s”（%s）与实际完成值“%s”（%s）"
            "类型或单位不一致，无法比较",
            it->label, ts, kind_text(&x->tv), as, kind_text(&x->av));
}

/* True when raw carries LaTeX left by a PDF converter ("$\geq 95\%$")
 * and, without surrounding blanks, differs from norm: the reader should
 * see how the text was understood.  Glyph variants alone (≧, full-width
 * digits) are routine in the forms and not worth a note. */
static bool was_normalised(const char *raw, const char *norm)
{
    if (!raw || !norm || (!strchr(raw, '$') && !strchr(raw, '\\'))) {
        return false;
    }
    size_t b = 0, e = strlen(raw);
    for (;;) {
        if (b < e && (raw[b] == ' ' || raw[b] == '\t' || raw[b] == '\n' ||
                      raw[b] == '\r')) {
            b++;
        } else if (e - b >= 3 && memcmp(raw + b, "\xE3\x80\x80", 3) == 0) {
            b += 3;
        } else {
            break;
        }
    }
    for (;;) {
        if (e > b && (raw[e - 1] == ' ' || raw[e - 1] == '\t' ||
                      raw[e - 1] == '\n' || raw[e - 1] == '\r')) {
            e--;
        } else if (e - b >= 3 && memcmp(raw + e - 3, "\xE3\x80\x80", 3) == 0) {
            e -= 3;
        } else {
            break;
        }
    }
    return strlen(norm) != e - b || memcmp(raw + b, norm, e - b) != 0;
}

/* Report the reading of the texts of a row: normalised text (V108), an
 * actual with an operator or a range (V103, V105), a rate above 100%
 * (V106), a target with a label before the value (V110). */
static void check_texts(struct ctx *c, struct ind *x, const char *label)
{
    const struct jx_indicator *r = x->row;
    const struct jx_prov *tprov = prov2(r->target.prov, x->prov);
    const struct jx_prov *aprov = prov2(r->actual.prov, x->prov);
    if (x->tv.kind != JX_IV_UNPARSED &&
        was_normalised(r->target.s, x->tv.norm)) {
        finding(c, "V108", JX_SEV_NOTE, tprov, sub_path(c, x->path, "target"),
                "指标“%s”的年度指标值“%s”按“%s”理解", label, r->target.s,
                x->tv.norm);
    }
    if (x->av.kind != JX_IV_UNPARSED &&
        was_normalised(r->actual.s, x->av.norm)) {
        finding(c, "V108", JX_SEV_NOTE, aprov, sub_path(c, x->path, "actual"),
                "指标“%s”的实际完成值“%s”按“%s”理解", label, r->actual.s,
                x->av.norm);
    }
    if (x->tv.kind == JX_IV_NUMBER && x->tv.has_prefix) {
        finding(c, "V110", JX_SEV_NOTE, tprov, sub_path(c, x->path, "target"),
                "指标“%s”的年度指标值“%s”含说明文字，按“%s%s”比较", label,
                r->target.s, op_text(x->tv.op),
                fmt_ivnum(c, &x->tv, x->tv.num));
    }
    if (x->av.kind != JX_IV_NUMBER) {
        return;
    }
    if (x->av.op == JX_OP_RANGE) {
        finding(c, "V105", JX_SEV_WARNING, aprov,
                sub_path(c, x->path, "actual"),
                "指标“%s”的实际完成值“%s”是一个区间，不是实际测得的数值",
                label, r->actual.s);
    } else if (x->av.op != JX_OP_NONE) {
        finding(c, "V103", JX_SEV_WARNING, aprov,
                sub_path(c, x->path, "actual"),
                "指标“%s”的实际完成值“%s”带有比较符号“%s”，不是实际测得的"
                "数值，请填写实际完成的数值",
                label, r->actual.s, op_text(x->av.op));
    }
    if (x->av.dim == JX_DIM_PERCENT &&
        jx_rat_cmp(x->av.num, jx_rat_int(1)) > 0) {
        finding(c, "V106", JX_SEV_WARNING, aprov,
                sub_path(c, x->path, "actual"),
                "指标“%s”的实际完成值为 %s，超过 100%%，请核实", label,
                fmt_exact(c, x->av.num, true));
    }
}

/* True when a 一级指标 is a process level of the national evaluation
 * framework (财预〔2013〕53号: 项目决策 / 项目管理, 决策 / 过程) rather
 * than an outcome level: its rows are scored against criteria, not
 * against a target and an actual value. */
static bool process_level(const struct jx_text *l1)
{
    if (!has_text(l1)) {
        return false;
    }
    /* one pass for the three words (as three strstr would find them):
       a word is compared only where its first byte stands */
    for (const char *p = l1->s; *p; p++) {
        if ((*p == '\xE5' && strncmp(p, "决策", strlen("决策")) == 0) ||
            (*p == '\xE7' && strncmp(p, "管理", strlen("管理")) == 0) ||
            (*p == '\xE8' && strncmp(p, "过程", strlen("过程")) == 0)) {
            return true;
        }
    }
    return false;
}

/* Score one indicator row into it. */
static void score_indicator(struct ctx *c, const char *sid,
                            const char *spath, const struct jx_indicator *r,
                            const struct jx_cols_absent *absent, size_t i,
                            struct jx_item *it)
{
    struct ind x;
    memset(&x, 0, sizeof x);
    x.row = r;
    struct jx_cols_absent criteria = *absent;
    if (process_level(&r->level1)) {
        criteria.target = criteria.actual = criteria.deviation = true;
        absent = &criteria;
    }
    if (r->cut) {
        /* the source ended in this row: what it lacks is unknown */
        criteria.points = criteria.score = criteria.deviation = true;
        criteria.actual = criteria.actual || !has_text(&r->actual);
        criteria.target = criteria.target || !has_text(&r->target);
        absent = &criteria;
    }
    x.absent = absent;
    x.path = jx_sprintf(c->a, "%s/indicators/%zu", spath, i);
    x.prov = prov2(r->prov, r->name.prov);
    it->id = EXPLAIN(c, jx_sprintf(c->a, "%s.indicators[%zu]", sid, i));
    it->label = has_text(&r->name) ? r->name.s
                                   : jx_sprintf(c->a, "第%zu项指标", i + 1);
    it->scale = c->pol->score_scale;
    it->path = x.path;
    it->prov = x.prov;
    if (r->points.present) {
        it->has_points = true;
        it->points = r->points.v;
    }
    if (r->score.present) {
        it->has_stated = true;
        it->stated = r->score.v;
    }
    parse_text(c, &r->target, &x.tv);
    parse_text(c, &r->actual, &x.av);
    if (c->keep_tv) {
        c->keep_tv[i] = x.tv;
        c->keep_av[i] = x.av;
    }
    bare_actual(c, &x, it->label);

    bool quant = x.tv.kind == JX_IV_NUMBER && x.av.kind == JX_IV_NUMBER &&
                 jx_indval_comparable(&x.tv, &x.av);
    bool qual = !quant &&
                (x.tv.kind == JX_IV_QUALITATIVE ||
                 r->achievement != JX_ACH_NONE) &&
                !(r->achievement == JX_ACH_NONE && x.av.kind == JX_IV_EMPTY);

    check_texts(c, &x, it->label);
    if (!it->has_points && absent->points) {
        note_add(c, it, "表中没有分值栏");
    } else if (!it->has_points) {
        note_add(c, it, "未填分值");
        finding(c, "S212", JX_SEV_WARNING, x.prov,
                jx_sprintf(c->a, "%s/points", x.path),
                "指标“%s”未填分值", it->label);
    }
    const struct jx_item before = *it; /* to score the row again for a
                                          formula a finding quotes */
    if (quant && it->has_points) {
        score_quant(c, &x, it, r->name.s);
    } else if (qual) {
        score_qual(c, &x, it);
    } else if (quant) {
        it->rule = "quant-higher";
        it->formula = "未填分值，无法计算";
        const char *pairs[4] = {
            "年度指标值", r->target.s ? r->target.s : "",
            "实际完成值", r->actual.s ? r->actual.s : "",
        };
        if (!c->brief) {
            set_inputs(c, it, 2, pairs);
        }
    } else {
        score_unscorable(c, &x, it);
    }

    const struct jx_prov *score_prov = prov2(r->score.prov, x.prov);
    if (!it->has_stated && !absent->score) {
        if (it->has_value) {
            finding(c, "S213", JX_SEV_NOTE, score_prov,
                    sub_path(c, x.path, "score"),
                    "指标“%s”未填自评得分，复核得分为 %s", it->label,
                    fmt_item(c, it));
        } else {
            finding(c, "S213", JX_SEV_WARNING, score_prov,
                    sub_path(c, x.path, "score"),
                    "指标“%s”未填自评得分，也无法复核", it->label);
        }
    }
    if (it->has_stated && it->has_points) {
        if (jx_rat_cmp(it->stated, it->points) > 0) {
            finding(c, "S202", JX_SEV_ERROR, score_prov,
                    sub_path(c, x.path, "score"),
                    "指标“%s”自评得分 %s 高于分值 %s", it->label,
                    fmt_exact(c, it->stated, false),
                    fmt_exact(c, it->points, false));
        } else if (jx_rat_sign(it->stated) < 0) {
            finding(c, "S202", JX_SEV_ERROR, score_prov,
                    sub_path(c, x.path, "score"),
                    "指标“%s”自评得分 %s 小于 0", it->label,
                    fmt_exact(c, it->stated, false));
        }
    }
    if (it->has_stated && it->has_value && strcmp(it->rule, "qual-band")) {
        it->agrees = agree_of(it->stated, it->value, c->pol->tolerance);
        if (it->agrees == JX_AGREE_NO && x.has_exact &&
            printed_or_cut(it->stated, x.exact, c->score_dp)) {
            /* the recomputed score rounded or cut at the decimals the
               stated one shows is the stated one (1.9 for 1.946, 1.8
               for 1.897, 5 for 5.96): how it was printed, not a
               different score */
            it->agrees = JX_AGREE_ROUNDING;
        }
        if (it->agrees == JX_AGREE_NO || it->agrees == JX_AGREE_ROUNDING) {
            struct jx_diag *e = finding(
                c, "S201", agree_sev(it->agrees), score_prov,
                    sub_path(c, x.path, "score"),
                "指标“%s”自评得分 %s 与复核得分 %s 不一致", it->label,
                fmt_exact(c, it->stated, false), fmt_item(c, it));
            const char *f = it->formula;
            if (c->brief && quant && it->has_points) {
                f = quant_formula(c, &x, &before, r->name.s);
            }
            jx_diag_detail(c->d, e, "%s（规则 %s）", f, it->rule);
        }
    }
    /* score below points needs a deviation note (rules §1.5 (i)) */
    if (it->has_points && !has_text(&r->deviation) && !absent->deviation) {
        bool use_stated = it->has_stated;
        if (use_stated || it->has_value) {
            struct jx_rat s = use_stated ? it->stated : it->value;
            if (jx_rat_cmp(s, it->points) < 0) {
                finding(c, "S204", JX_SEV_WARNING, x.prov,
                        jx_sprintf(c->a, "%s/deviation", x.path),
                        "指标“%s”%s %s 低于分值 %s，未填偏差原因分析及改进措施",
                        it->label, use_stated ? "自评得分" : "复核得分",
                        use_stated ? fmt_exact(c, s, false) : fmt_item(c, it),
                        fmt_exact(c, it->points, false));
            }
        }
    }
}

/* ---- blocks and totals ----------------------------------------------- */

/* JSON name of a block, for item ids. */
static const char *block_key(enum jx_block b)
{
    static const char *const keys[JX_BLOCK_COUNT] = {
        "output", "benefit", "satisfaction", "other"};
    return (unsigned)b < JX_BLOCK_COUNT ? keys[b] : "other";
}

/* Default points of a block (rules §1.3). */
static int64_t block_default(enum jx_block b)
{
    switch (b) {
    case JX_BLOCK_OUTPUT:
        return 50;
    case JX_BLOCK_BENEFIT:
        return 30;
    case JX_BLOCK_SATISFACTION:
        return 10;
    case JX_BLOCK_OTHER:
    case JX_BLOCK_COUNT:
        break;
    }
    return 0;
}

/* Sum the points of each level-1 block; fill the block items and return
 * the sum over all indicator points in *sum (false on overflow).  A
 * block's sum is judged against its usual weight (S301) only when some
 * indicator of the sheet states its points: a sheet whose form has no
 * 分值 column (or whose indicators were not read) has no weights to
 * judge. */
static bool score_blocks(struct ctx *c, const struct jx_sheet *sh,
                         struct jx_sheet_eval *se, const char *spath,
                         struct jx_rat *sum)
{
    struct jx_calc k = {false};
    bool any_points = false;
    for (size_t i = 0; i < sh->nindicators; i++) {
        any_points = any_points || sh->indicators[i].points.present;
    }
    *sum = jx_rat_int(0);
    /* a row whose 一级指标 was not read leaves every block's sum unknown
     * (S301 would call a block short that the row belongs to) */
    bool levels_unread = false;
    for (size_t i = 0; i < sh->nindicators; i++) {
        levels_unread = levels_unread || !has_text(&sh->indicators[i].level1);
    }
    /* each row's block, told once (not once for every block) */
    unsigned char *blk =
        jx_alloc_array(c->a, sh->nindicators ? sh->nindicators : 1, 1);
    for (size_t i = 0; i < sh->nindicators; i++) {
        const struct jx_indicator *r = &sh->indicators[i];
        blk[i] = (unsigned char)jx_block_of(r->level1.s ? r->level1.s : "");
    }
    for (int b = 0; b < JX_BLOCK_COUNT; b++) {
        struct jx_item *it = &se->blocks[b];
        struct jx_buf terms;
        jx_buf_init(&terms, 1u << 20);
        struct jx_rat s = jx_rat_int(0);
        size_t n = 0;
        for (size_t i = 0; i < sh->nindicators; i++) {
            const struct jx_indicator *r = &sh->indicators[i];
            if ((int)blk[i] != b) {
                continue;
            }
            if (b == JX_BLOCK_OTHER && has_text(&r->level1) &&
                !process_level(&r->level1)) {
                /* (a level not read is unknown, not wrong) */
                finding(c, "S302", JX_SEV_WARNING,
                        prov2(r->level1.prov, r->prov),
                        jx_sprintf(c->a, "%s/indicators/%zu/level1", spath,
                                   i),
                        "指标“%s”的一级指标“%s”不是产出、效益或满意度指标",
                        se->indicators[i].label,
                        r->level1.s ? r->level1.s : "");
            }
            n++;
            if (!r->points.present) {
                continue;
            }
            s = jx_calc_add(&k, s, r->points.v);
            if (!c->brief) {
                jx_buf_addf(&terms, "%s%s", terms.len ? " + " : "",
                            fmt_exact(c, r->points.v, false));
            }
        }
        it->id = EXPLAIN(c, jx_sprintf(c->a, "%s.blocks.%s", se->id,
                                       block_key((enum jx_block)b)));
        it->label = jx_block_zh((enum jx_block)b);
        it->rule = "block-points";
        it->scale = exact_scale(s, 0);
        it->path = jx_sprintf(c->a, "%s/indicators", spath);
        it->has_value = b != JX_BLOCK_OTHER || n > 0;
        it->value = s;
        it->has_points = true;
        it->points = jx_rat_int(block_default((enum jx_block)b));
        it->formula = EXPLAIN(c, jx_sprintf(c->a, "%s = %s",
                                            terms.len ? terms.p : "无指标",
                                            fmt_exact(c, s, false)));
        jx_buf_release(&terms);
        if (it->has_value) {
            it->agrees = jx_rat_cmp(s, it->points) == 0 ? JX_AGREE_YES
                                                         : JX_AGREE_NO;
        }
        if (b != JX_BLOCK_OTHER && it->agrees == JX_AGREE_NO &&
            !sh->rows_unread && !levels_unread && !sh->cols_absent.points &&
            any_points) {
            note_add(c, it, jx_sprintf(c->a, "原则上应为 %s 分",
                                       fmt_exact(c, it->points, false)));
            /* a note: the split is a principle (原则上) that local
               forms vary (60/30/0, 70/20/10 …), not a rule a sheet breaks */
            finding(c, "S301", JX_SEV_NOTE, NULL, it->path,
                    "%s：%s分值合计 %s，原则上应为 %s（特殊情况须说明）",
                    se->label, it->label, fmt_exact(c, s, false),
                    fmt_exact(c, it->points, false));
        }
        *sum = jx_calc_add(&k, *sum, s);
    }
    return !k.bad;
}

/* The score a row contributes to the total: the recomputed one when
 * there is one, else the stated one.  *which gets "复核"/"自评"/NULL. */
static bool used_score(const struct jx_item *it, struct jx_rat *s,
                       const char **which)
{
    if (it->has_value) {
        *s = it->value;
        *which = "复核";
        return true;
    }
    if (it->has_stated) {
        *s = it->stated;
        *which = "自评";
        /* a stated score outside [0, 分值] is S202's; the total counts
         * it at its bound so that one mistake is reported once */
        if (it->has_points && jx_rat_cmp(*s, it->points) > 0) {
            *s = it->points;
            *which = "自评，按分值计";
        } else if (jx_rat_sign(*s) < 0) {
            *s = jx_rat_int(0);
            *which = "自评，按 0 计";
        }
        return true;
    }
    *which = NULL;
    return false;
}

/* The provenances of a sheet's 分值 (scores false: every indicator's
 * and the execution row's) or 得分 (scores true), in an arena array of
 * *n. */
static const struct jx_prov **sheet_provs(struct ctx *c,
                                          const struct jx_sheet *sh,
                                          bool scores, size_t *n)
{
    const struct jx_prov **p =
        jx_alloc_array(c->a, sh->nindicators + 1, sizeof *p);
    for (size_t i = 0; i < sh->nindicators; i++) {
        p[i] = scores ? sh->indicators[i].score.prov
                      : sh->indicators[i].points.prov;
    }
    p[sh->nindicators] = scores ? sh->total.score.prov : sh->total.points.prov;
    *n = sh->nindicators + 1;
    return p;
}

/* How a stated total breaks the rows' own bounds. */
enum bound {
    BOUND_NONE = 0,  /* it does not (S304 compares it as usual) */
    BOUND_ABOVE_MAX, /* above Σ 分值 of every row read (S308) */
    BOUND_NO_EXEC    /* Σ indicator 得分 without the execution row's
                        (S307) */
};

/* Whether a sheet's stated total breaks its rows' bounds: above the sum
 * of every row's 分值 (ptv, the execution row's included) beyond the
 * total's printed precision; or equal (at its printed precision) to the
 * indicators' stated 得分 alone while the execution row's stated 得分 is
 * above 0 and the total with it differs. */
static enum bound total_bound(struct ctx *c, const struct jx_sheet *sh,
                              const struct jx_sheet_eval *se,
                              struct jx_rat ptv)
{
    if (!sh->stated_total.present || sh->nindicators == 0) {
        return BOUND_NONE;
    }
    struct jx_rat st = sh->stated_total.v;
    struct jx_rat h = half_unit(st, false);
    struct jx_calc k = {false};
    bool all_points = true, all_scores = true, over = false;
    struct jx_rat ind_scores = jx_rat_int(0);
    for (size_t i = 0; i < sh->nindicators; i++) {
        const struct jx_item *it = &se->indicators[i];
        all_points = all_points && sh->indicators[i].points.present;
        all_scores = all_scores && it->has_stated;
        if (it->has_stated) {
            ind_scores = jx_calc_add(&k, ind_scores, it->stated);
            over = over || (it->has_points &&
                            jx_rat_cmp(it->stated, it->points) > 0);
        }
    }
    over = over || (se->exec_score.has_stated &&
                    jx_rat_cmp(se->exec_score.stated,
                               se->exec_score.points) > 0);
    /* a row scored above its 分值 is S202's or S105's, and a total
     * that follows it S304's: only a total above rows that each keep
     * within their 分值 is S308 */
    if (all_points && !over &&
        jx_rat_cmp(jx_calc_sub(&k, st, h), ptv) > 0 && !k.bad) {
        return BOUND_ABOVE_MAX;
    }
    const struct jx_funds *f = &sh->total;
    if (!all_scores || !f->score.present || jx_rat_sign(f->score.v) <= 0) {
        return BOUND_NONE;
    }
    struct jx_rat d1 = jx_calc_sub(&k, st, ind_scores);
    struct jx_rat d2 = jx_calc_sub(&k, st,
                                   jx_calc_add(&k, ind_scores, f->score.v));
    if (k.bad) {
        return BOUND_NONE;
    }
    if (jx_rat_sign(d1) < 0) {
        d1.num = -d1.num;
    }
    if (jx_rat_sign(d2) < 0) {
        d2.num = -d2.num;
    }
    struct jx_rat tol = jx_rat_max(h, c->pol->tolerance);
    return jx_rat_cmp(d1, tol) <= 0 && jx_rat_cmp(d2, tol) > 0
               ? BOUND_NO_EXEC
               : BOUND_NONE;
}

/* Report a stated total that breaks its rows' bounds (S308 above the
 * rows' 分值, S307 the execution row left out), with what S303 and S304
 * would have said folded in.  An error only when every value it uses
 * was read firmly (and the execution row's 分值 was printed, for S308). */
static void report_bound(struct ctx *c, const struct jx_sheet *sh,
                         const struct jx_sheet_eval *se, enum bound tot,
                         struct jx_rat ind_points, struct jx_rat ptv,
                         struct jx_rat exec_points)
{
    const struct jx_item *tt = &se->total;
    const struct jx_funds *f = &sh->total;
    const char *stv = fmt_exact(c, tt->stated, false);
    const char *ep = fmt_exact(c, exec_points, false);
    size_t np, ns;
    const struct jx_prov **pp = sheet_provs(c, sh, false, &np);
    const struct jx_prov **ps = sheet_provs(c, sh, true, &ns);
    struct jx_diag *e;
    if (tot == BOUND_ABOVE_MAX) {
        bool printed = f->points.present;
        enum jx_severity sev = firm_sev(JX_SEV_ERROR, pp, np);
        if (!printed) {
            sev = JX_SEV_WARNING;
        }
        const char *also =
            jx_rat_cmp(ptv, jx_rat_int(100)) != 0
                ? jx_sprintf(c->a, "；分值合计 %s 也不等于 100",
                             fmt_exact(c, ptv, false))
                : "";
        e = finding(c, "S308", sev, tt->prov, tt->path,
                    "%s：表中总分 %s 高于各行分值之和 %s（指标 %s + 执行率 %s%s），"
                    "各行得分最多合计 %s%s%s",
                    se->label, stv, fmt_exact(c, ptv, false),
                    fmt_exact(c, ind_points, false), ep,
                    printed ? "" : "，执行率分值未填，按 10 分计",
                    fmt_exact(c, ptv, false), also,
                    jx_prov_inferred_note(c->a, pp, np));
    } else {
        const struct jx_prov **all =
            jx_alloc_array(c->a, np + ns, sizeof *all);
        memcpy(all, ps, ns * sizeof *all);
        memcpy(all + ns, pp, np * sizeof *all);
        bool with_points = jx_rat_cmp(ind_points, jx_rat_int(100)) == 0 &&
                           jx_rat_cmp(ptv, jx_rat_int(100)) != 0;
        size_t nall = with_points ? np + ns : ns;
        struct jx_calc k = {false};
        struct jx_rat with = jx_calc_add(&k, tt->stated, f->score.v);
        e = finding(c, "S307", firm_sev(JX_SEV_ERROR, all, nall), tt->prov,
                    tt->path,
                    "%s：表中总分 %s 只是各指标得分之和，未计入执行率得分 %s"
                    "（计入后为 %s）%s%s",
                    se->label, stv, fmt_exact(c, f->score.v, false),
                    k.bad ? "无法计算" : fmt_exact(c, with, false),
                    with_points
                        ? jx_sprintf(c->a, "；各指标分值之和已为 100，加上执行率"
                                           "分值 %s 共 %s，超过满分 100",
                                     ep, fmt_exact(c, ptv, false))
                        : "",
                    jx_prov_inferred_note(c->a, all, nall));
    }
    if (tt->has_value) {
        jx_diag_detail(c->d, e, "复核总分 %s", tt->formula);
    }
}

/* Compute the points total and the total of a sheet, its grade, and the
 * findings about them. */
static void score_totals(struct ctx *c, const struct jx_sheet *sh,
                         struct jx_sheet_eval *se, const char *spath,
                         struct jx_rat exec_points)
{
    struct jx_rat ind_points;
    bool ok = score_blocks(c, sh, se, spath, &ind_points);
    struct jx_calc k = {!ok};

    /* Σ 分值 + execution points */
    struct jx_item *pt = &se->points_total;
    pt->id = jx_sprintf(c->a, "%s.points_total", se->id);
    pt->label = "分值合计";
    pt->rule = "points-total";
    pt->scale = c->pol->score_scale;
    pt->path = spath;
    pt->has_points = true;
    pt->points = jx_rat_int(100);
    struct jx_rat ptv = jx_calc_add(&k, ind_points, exec_points);
    if (c->brief) {
        pt->formula = "";
    } else {
        struct jx_buf f;
        jx_buf_init(&f, 1u << 20);
        for (int b = 0; b < JX_BLOCK_COUNT; b++) {
            if (!se->blocks[b].has_value) {
                continue;
            }
            jx_buf_addf(&f, "%s %s + ", se->blocks[b].label,
                        fmt_exact(c, se->blocks[b].value, false));
        }
        jx_buf_addf(&f, "执行率 %s = %s", fmt_exact(c, exec_points, false),
                    fmt_exact(c, ptv, false));
        pt->formula = jx_strdup(c->a, f.p);
        jx_buf_release(&f);
    }
    /* the stated total against the rows' own bounds: above every row's
     * 分值 together (S308), or the indicators' 得分 without the
     * execution row's (S307); either says what S303/S304 would */
    enum bound tot = k.bad || sh->rows_unread || sh->cols_absent.points
                         ? BOUND_NONE
                         : total_bound(c, sh, se, ptv);
    if (sh->cols_absent.points) {
        /* the indicators carry no points: their sum is not known */
        pt->formula = "表中没有分值栏，分值合计无法计算";
        note_add(c, pt, "表中没有分值栏");
    } else if (!k.bad) {
        pt->has_value = true;
        pt->value = ptv;
        pt->scale = exact_scale(ptv, 0);
        pt->agrees = jx_rat_cmp(ptv, pt->points) == 0 ? JX_AGREE_YES
                                                      : JX_AGREE_NO;
        bool folded = tot == BOUND_ABOVE_MAX ||
                      (tot == BOUND_NO_EXEC &&
                       jx_rat_cmp(ind_points, jx_rat_int(100)) == 0);
        if (pt->agrees == JX_AGREE_NO && sh->cols_absent.points) {
            /* the form has no 分值 column: nothing to add up */
        } else if (pt->agrees == JX_AGREE_NO && sh->rows_unread) {
            /* rows were seen but left unread: the sum of what was read
             * proves nothing, whatever total the sheet states */
            finding(c, "S303", JX_SEV_NOTE, NULL, spath,
                    "%s：读到的分值合计 %s（含执行率 %s），不等于 100；"
                    "表中有未读取的行，未作为错误",
                    se->label, fmt_exact(c, ptv, false),
                    fmt_exact(c, exec_points, false));
        } else if (pt->agrees == JX_AGREE_NO && folded) {
            /* said by S307/S308 */
        } else if (pt->agrees == JX_AGREE_NO && sh->stated_total.present) {
            size_t np;
            const struct jx_prov **pp = sheet_provs(c, sh, false, &np);
            finding(c, "S303", firm_sev(JX_SEV_ERROR, pp, np), NULL, spath,
                    "%s：分值合计 %s（含执行率 %s），不等于 100%s",
                    se->label, fmt_exact(c, ptv, false),
                    fmt_exact(c, exec_points, false),
                    jx_prov_inferred_note(c->a, pp, np));
        } else if (pt->agrees == JX_AGREE_NO) {
            /* no 总分 row was read: the table may go on beyond what was
             * read (a page or an excerpt cut off, rows left unread), so
             * the sum of what was read proves nothing */
            finding(c, "S303", JX_SEV_NOTE, NULL, spath,
                    "%s：读到的分值合计 %s（含执行率 %s），不等于 100；"
                    "表中没有读到总分行，表可能不完整，未作为错误",
                    se->label, fmt_exact(c, ptv, false),
                    fmt_exact(c, exec_points, false));
        }
    }

    /* total = execution score + Σ indicator scores */
    struct jx_item *tt = &se->total;
    tt->id = jx_sprintf(c->a, "%s.total", se->id);
    tt->label = "总分";
    tt->rule = "total";
    tt->scale = c->pol->score_scale;
    tt->path = jx_sprintf(c->a, "%s/stated_total", spath);
    tt->prov = sh->stated_total.prov;
    if (pt->has_value) {
        tt->has_points = true;
        tt->points = pt->value;
    }
    if (sh->stated_total.present) {
        tt->has_stated = true;
        tt->stated = sh->stated_total.v;
    }
    size_t n = sh->nindicators + 1;
    const char **pairs = jx_alloc_array(c->a, 2 * n, sizeof *pairs);
    struct jx_buf f;
    jx_buf_init(&f, 1u << 22);
    struct jx_rat total = jx_rat_int(0);
    size_t n_re = 0, n_st = 0, n_none = 0;
    for (size_t i = 0; i < n; i++) {
        const struct jx_item *it = i == 0 ? &se->exec_score
                                          : &se->indicators[i - 1];
        struct jx_rat s;
        const char *which;
        pairs[2 * i] = it->label;
        if (used_score(it, &s, &which)) {
            total = jx_calc_add(&k, total, s);
            if (!c->brief) {
                const char *sv = it->has_value ? fmt_item(c, it)
                                               : fmt_exact(c, s, false);
                pairs[2 * i + 1] = jx_sprintf(c->a, "%s（%s）", sv, which);
                jx_buf_addf(&f, "%s%s", f.len ? " + " : "", sv);
            }
            if (it->has_value) {
                n_re++;
            } else {
                n_st++;
            }
        } else {
            pairs[2 * i + 1] = "无得分";
            n_none++;
        }
    }
    if (!c->brief) {
        set_inputs(c, tt, n, pairs);
    }
    total = jx_calc_round(&k, total, tt->scale);
    if (k.bad) {
        tt->formula = "无法计算";
        note_add(c, tt, "数值超出可精确计算的范围");
        jx_buf_release(&f);
        return;
    }
    tt->has_value = true;
    tt->value = total;
    tt->formula = EXPLAIN(c, jx_sprintf(c->a, "%s = %s",
                                        f.len ? f.p : "无得分",
                                        fmt_item(c, tt)));
    jx_buf_release(&f);
    note_add(c, tt, jx_sprintf(c->a, "采用复核得分 %zu 项", n_re));
    if (n_st) {
        note_add(c, tt, jx_sprintf(c->a, "无法复核而采用自评得分 %zu 项",
                                   n_st));
    }
    if (n_none) {
        note_add(c, tt, jx_sprintf(c->a, "无得分 %zu 项", n_none));
    }
    se->grade = jx_grade_of(total);
    if (tt->has_stated) {
        se->stated_grade = jx_grade_of(tt->stated);
        tt->agrees = soften(agree_of(tt->stated, tt->value,
                                     c->pol->tolerance),
                            tt->stated, tt->value, false);
        if (c->brief &&
            (tt->agrees != JX_AGREE_YES || tot != BOUND_NONE)) {
            /* a finding below may quote it */
            tt->formula = total_formula(c, se, tt, n);
        }
        if (tt->agrees == JX_AGREE_NO && sh->rows_unread) {
            struct jx_diag *e = finding(
                c, "S304", JX_SEV_NOTE, tt->prov, tt->path,
                "%s：表中总分 %s，读到的各行得分合计 %s；表中有未读取的行，"
                "总分无法复核，未作为错误",
                se->label, fmt_exact(c, tt->stated, false), fmt_item(c, tt));
            jx_diag_detail(c->d, e, "%s", tt->formula);
        } else if (tot != BOUND_NONE) {
            report_bound(c, sh, se, tot, ind_points, ptv, exec_points);
        } else if (tt->agrees == JX_AGREE_NO ||
                   tt->agrees == JX_AGREE_ROUNDING) {
            struct jx_diag *e = finding(
                c, "S304", agree_sev(tt->agrees), tt->prov, tt->path,
                "%s：表中总分 %s 与复核总分 %s 不一致", se->label,
                fmt_exact(c, tt->stated, false), fmt_item(c, tt));
            jx_diag_detail(c->d, e, "%s", tt->formula);
        }
        if (se->stated_grade != se->grade && !sh->rows_unread) {
            finding(c, "S306", JX_SEV_WARNING, tt->prov, tt->path,
                    "%s：按表中总分 %s 评级为“%s”，按复核总分 %s 为“%s”",
                    se->label, fmt_exact(c, tt->stated, false),
                    jx_grade_zh(se->stated_grade), fmt_item(c, tt),
                    jx_grade_zh(se->grade));
        }
    } else if (!sh->rows_unread && !sh->cols_absent.score &&
               !(sh->nindicators && sh->indicators[sh->nindicators - 1].cut)) {
        /* (a total past an excerpt or a table cut off, or of a form
           without scores, is unknown, not left empty) */
        finding(c, "S305", JX_SEV_NOTE, NULL, tt->path,
                "%s：未填总分，复核总分为 %s", se->label, fmt_item(c, tt));
    }
}

/* ---- sheets ---------------------------------------------------------- */

/* Score one sheet into se. */
static void score_sheet(struct ctx *c, const struct jx_sheet *sh,
                        const char *sid, const char *spath, const char *label,
                        struct jx_sheet_eval *se)
{
    se->sheet = sh;
    se->id = sid;
    se->label = label;
    c->sheet = label;
    struct jx_rat exact = jx_rat_int(0);
    /* the funds row's findings use all of its values */
    const struct jx_funds *tf = &sh->total;
    c->uses[0] = tf->budget_full.prov;
    c->uses[1] = tf->executed.prov;
    c->uses[2] = tf->points.prov;
    c->uses[3] = tf->score.prov;
    score_rate(c, sh, sid, spath, &se->rate, &exact);
    struct jx_rat exec_points;
    score_exec(c, sh, sid, spath, &se->rate, exact, &se->exec_score,
               &exec_points);
    memset(c->uses, 0, sizeof c->uses);
    se->nindicators = sh->nindicators;
    se->indicators = jx_alloc_array(c->a, sh->nindicators ? sh->nindicators
                                                          : 1,
                                    sizeof *se->indicators);
    c->score_dp = 0;
    for (size_t i = 0; i < sh->nindicators; i++) {
        const struct jx_num *sc = &sh->indicators[i].score;
        int dp = sc->present ? shown_decimals(sc->v, false) : 0;
        c->score_dp = dp > c->score_dp ? dp : c->score_dp;
    }
    c->keep_tv = jx_alloc_array(c->a, sh->nindicators ? sh->nindicators : 1,
                                sizeof *c->keep_tv);
    c->keep_av = jx_alloc_array(c->a, sh->nindicators ? sh->nindicators : 1,
                                sizeof *c->keep_av);
    se->targets = c->keep_tv;
    se->actuals = c->keep_av;
    for (size_t i = 0; i < sh->nindicators; i++) {
        /* an indicator's findings use its points and score */
        c->uses[0] = sh->indicators[i].points.prov;
        c->uses[1] = sh->indicators[i].score.prov;
        score_indicator(c, sid, spath, &sh->indicators[i], &sh->cols_absent,
                        i, &se->indicators[i]);
        memset(c->uses, 0, sizeof c->uses);
    }
    c->keep_tv = c->keep_av = NULL;
    /* 执行率 < 100% without an explanation is a cross-check (C404): it
     * needs the report, not only the sheet */
    score_totals(c, sh, se, spath, exec_points);
}

/* The derived rate item id (label, rule) at path: num / den (exact),
 * the inputs named and formatted in pairs, stated the rate the sheet
 * states; den 0 gives no value (不适用). */
static void base_rate(struct ctx *c, struct jx_item *it, const char *id,
                      const char *label, const char *rule, const char *path,
                      const char *const *pairs, struct jx_rat num,
                      struct jx_rat den, const struct jx_num *stated)
{
    it->id = id;
    it->label = label;
    it->rule = rule;
    it->scale = c->pol->rate_scale;
    it->percent = true;
    it->path = path;
    it->prov = stated->prov;
    set_inputs(c, it, 2, pairs);
    if (stated->present) {
        it->has_stated = true;
        it->stated = stated->v;
    }
    const char *f = jx_sprintf(c->a, "%s / %s = %s / %s", pairs[0], pairs[2],
                               pairs[1], pairs[3]);
    struct jx_calc k = {false};
    struct jx_rat r;
    if (jx_rat_sign(den) == 0) {
        it->formula = jx_sprintf(c->a, "%s，不适用", f);
        note_add(c, it, jx_sprintf(c->a, "不适用：%s为 0", pairs[2]));
        return;
    }
    if (jx_rat_div(num, den, &r) != JX_NUM_OK) {
        k.bad = true;
    }
    struct jx_rat v = jx_calc_round(&k, r, c->pol->rate_scale + 2);
    if (k.bad) {
        it->formula = f;
        note_add(c, it, "数值超出可精确计算的范围");
        return;
    }
    it->has_value = true;
    it->value = v;
    it->formula = jx_sprintf(c->a, "%s = %s", f, fmt_item(c, it));
    if (it->has_stated) {
        struct jx_calc k2 = {false};
        struct jx_rat tol = jx_calc_div(&k2, c->pol->tolerance, jx_rat_int(100));
        it->agrees = soften(agree_of(it->stated, it->value, tol), it->stated,
                            r, true);
    }
}

/* The base sheet's derived rates into ev (rules §5.2): 控制率 =
 * 实际在职人数 / 编制数, and per 楼堂馆所 row 规模控制率 = 实际规模 /
 * 批复规模, 投资概算控制率 = 实际投资 / 预算投资; those whose inputs are
 * not both stated are left out. */
static void score_base_rates(struct ctx *c, struct jx_eval *ev)
{
    const struct jx_base_sheet *b = &c->pkg->base;
    ev->rates = jx_alloc_array(c->a, 1 + 2 * b->nbuildings,
                               sizeof *ev->rates);
    ev->nrates = 0;
    if (!b->present) {
        return;
    }
    if (b->authorized.present && b->actual.present) {
        const char *pairs[4] = {
            "实际在职人数", jx_sprintf(c->a, "%lld", (long long)b->actual.v),
            "编制数", jx_sprintf(c->a, "%lld", (long long)b->authorized.v)};
        base_rate(c, &ev->rates[ev->nrates++], "base_sheet.control_rate",
                  "控制率", "control-rate",
                  "/base_sheet/staffing/control_rate", pairs,
                  jx_rat_int(b->actual.v), jx_rat_int(b->authorized.v),
                  &b->control_rate);
    }
    const char *unit = jx_money_unit_name(b->unit);
    for (size_t i = 0; i < b->nbuildings; i++) {
        const struct jx_building *bd = &b->buildings[i];
        if (bd->approved_area.present && bd->actual_area.present) {
            const char *pairs[4] = {
                "实际规模", fmt_exact(c, bd->actual_area.v, false),
                "批复规模", fmt_exact(c, bd->approved_area.v, false)};
            base_rate(c, &ev->rates[ev->nrates++],
                      jx_sprintf(c->a, "base_sheet.buildings[%zu].area_rate",
                                 i),
                      "规模控制率", "area-rate",
                      jx_sprintf(c->a, "/base_sheet/buildings/%zu/area_rate",
                                 i),
                      pairs, bd->actual_area.v, bd->approved_area.v,
                      &bd->area_rate);
        }
        if (bd->budget_invest.present && bd->actual_invest.present) {
            const char *pairs[4] = {
                "实际投资",
                jx_sprintf(c->a, "%s%s",
                           fmt_money(c, bd->actual_invest.v, b->unit), unit),
                "预算投资",
                jx_sprintf(c->a, "%s%s",
                           fmt_money(c, bd->budget_invest.v, b->unit), unit)};
            base_rate(c, &ev->rates[ev->nrates++],
                      jx_sprintf(c->a,
                                 "base_sheet.buildings[%zu].invest_rate", i),
                      "投资概算控制率", "invest-rate",
                      jx_sprintf(c->a, "/base_sheet/buildings/%zu/invest_rate",
                                 i),
                      pairs, jx_rat_int(bd->actual_invest.v.fen),
                      jx_rat_int(bd->budget_invest.v.fen), &bd->invest_rate);
        }
    }
}

/* Score a package: every sheet, unit sheet first. */
static struct jx_eval *score_pkg(struct jx_arena *arena,
                                  const struct jx_package *pkg,
                                  const struct jx_policy *policy,
                                  struct jx_diags *diags, bool brief)
{
    struct jx_eval *ev = jx_alloc(arena, sizeof *ev);
    ev->pkg = pkg;
    if (policy) {
        ev->policy = *policy;
    } else {
        jx_policy_default(&ev->policy);
    }
    ev->diags = diags;
    struct ctx c = {arena, pkg,  &ev->policy, diags, "", {NULL},
                    0,     NULL, NULL,        brief, false};
    size_t n = (pkg->has_unit_sheet ? 1 : 0) + pkg->nproject_sheets;
    ev->sheets = jx_alloc_array(arena, n ? n : 1, sizeof *ev->sheets);
    ev->nsheets = n;
    size_t k = 0;
    if (pkg->has_unit_sheet) {
        score_sheet(&c, &pkg->unit_sheet, "unit_sheet", "/unit_sheet",
                    "整体支出绩效自评表", &ev->sheets[k++]);
    }
    for (size_t i = 0; i < pkg->nproject_sheets; i++) {
        const struct jx_sheet *sh = &pkg->project_sheets[i];
        const char *label =
            has_text(&sh->name)
                ? jx_sprintf(arena, "项目支出绩效自评表（%s）", sh->name.s)
                : jx_sprintf(arena, "项目支出绩效自评表（第%zu张）", i + 1);
        score_sheet(&c, sh, jx_sprintf(arena, "project_sheets[%zu]", i),
                    jx_sprintf(arena, "/project_sheets/%zu", i), label,
                    &ev->sheets[k++]);
    }
    score_base_rates(&c, ev);
    return ev;
}

/* Score a package, every derivation written (score.h). */
struct jx_eval *jx_score(struct jx_arena *arena, const struct jx_package *pkg,
                         const struct jx_policy *policy,
                         struct jx_diags *diags)
{
    return score_pkg(arena, pkg, policy, diags, false);
}

/* Score a package for its findings and values only (score.h). */
struct jx_eval *jx_score_brief(struct jx_arena *arena,
                               const struct jx_package *pkg,
                               const struct jx_policy *policy,
                               struct jx_diags *diags)
{
    return score_pkg(arena, pkg, policy, diags, true);
}
