/*
 * t_score.c - tests of the scoring engine (lib/analyse/score.c) and Evaluation
 * JSON (lib/analyse/score_json.c): exact values for the seed-003 fixture, each
 * indicator rule, policies, grade boundaries, and every finding code on
 * a minimal package (and none on a clean one).
 */
#include "harness.h"

#include <stdlib.h>

#include <jansson.h>

#include "jixiao/pkgjson.h"
#include "jixiao/score.h"

/* ---- builders ------------------------------------------------------- */

/* An exact number from text ("4.87", "48.65%"); aborts the case on bad
 * text. */
static struct jx_num num(const char *s)
{
    struct jx_num n = {0};
    bool pct = false;
    if (jx_rat_parse(s, strlen(s), &n.v, &pct, NULL) != JX_NUM_OK) {
        jx_test_fail(__FILE__, __LINE__, "bad number text %s", s);
        return n;
    }
    n.present = true;
    return n;
}

/* An amount in 万元 from text. */
static struct jx_amt amt(const char *s)
{
    struct jx_amt m = {0};
    if (jx_money_parse(s, strlen(s), JX_WANYUAN, &m.v, NULL) != JX_NUM_OK) {
        jx_test_fail(__FILE__, __LINE__, "bad money text %s", s);
        return m;
    }
    m.present = true;
    return m;
}

/* A text value (NULL stays absent). */
static struct jx_text txt(const char *s)
{
    struct jx_text t = {s, NULL};
    return t;
}

/* Fill an indicator row; points/score NULL leave them absent. */
static void ind(struct jx_indicator *r, const char *l1, const char *name,
                const char *target, const char *actual, const char *points,
                const char *score)
{
    memset(r, 0, sizeof *r);
    r->level1 = txt(l1);
    r->level2 = txt("数量指标");
    r->name = txt(name);
    r->target = txt(target);
    r->actual = txt(actual);
    if (points) {
        r->points = num(points);
    }
    if (score) {
        r->score = num(score);
    }
}

/* A clean package: 整体 sheet only, 100% executed, three indicators
 * (50/30/10) at full score, total 100.  Scoring it finds nothing. */
static struct jx_package *clean_pkg(struct jx_arena *a)
{
    struct jx_package *p = jx_package_new(a);
    p->source = "clean.json";
    p->unit.name = txt("测试单位");
    p->year.present = true;
    p->year.v = 2024;
    p->has_unit_sheet = true;
    struct jx_sheet *sh = &p->unit_sheet;
    sh->total.budget_initial = amt("100");
    sh->total.budget_full = amt("100");
    sh->total.executed = amt("100");
    sh->total.points = num("10");
    sh->total.rate = num("100%");
    sh->total.score = num("10");
    sh->indicators = jx_alloc_array(a, 8, sizeof *sh->indicators);
    sh->nindicators = 3;
    ind(&sh->indicators[0], "产出指标", "培训场次", "≥10场", "12场", "50",
        "50");
    ind(&sh->indicators[1], "效益指标", "群众知晓率", "≥90%", "95%", "30",
        "30");
    ind(&sh->indicators[2], "满意度指标", "服务对象满意度", "≥90%", "96%",
        "10", "10");
    sh->stated_total = num("100");
    return p;
}

/* Scoring state of one case: arena, diags, policy. */
struct run {
    struct jx_arena *a;
    struct jx_diags d;
    struct jx_policy pol;
};

/* Start a case. */
static void run_init(struct run *r)
{
    r->a = jx_arena_new();
    jx_diags_init(&r->d, r->a);
    jx_policy_default(&r->pol);
}

/* End a case, freeing everything. */
static void run_free(struct run *r)
{
    jx_diags_release(&r->d);
    jx_arena_free(r->a);
}

/* An item's value as text at its scale ("(none)" when absent); the
 * buffer is static, valid until the next call. */
static const char *val(const struct jx_item *it)
{
    static char buf[4][JX_NUM_BUFSZ];
    static int k;
    k = (k + 1) % 4;
    if (!it->has_value) {
        return "(none)";
    }
    return jx_rat_format(it->value, it->scale, it->percent, JX_ROUND_HALF_UP,
                         buf[k]);
}

/* Number of findings with this code. */
static size_t count_code(const struct jx_diags *d, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            n++;
        }
    }
    return n;
}

/* The first finding with this code, or NULL. */
static const struct jx_diag *find_code(const struct jx_diags *d,
                                       const char *code)
{
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            return &d->a[i];
        }
    }
    return NULL;
}

/* All finding codes joined by spaces, in order (static buffer). */
static const char *codes(const struct jx_diags *d)
{
    static char buf[4096];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < d->n && o + 8 < sizeof buf; i++) {
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s", i ? " " : "",
                              d->a[i].code);
    }
    return buf;
}

/* Score the package; returns the evaluation. */
static const struct jx_eval *score(struct run *r, const struct jx_package *p)
{
    return jx_score(r->a, p, &r->pol, &r->d);
}

/* ---- policy and grades ---------------------------------------------- */

/* Defaults and every setting, valid and invalid. */
static void t_policy(void)
{
    struct jx_policy p;
    jx_policy_default(&p);
    CHECK_INT(p.exec_rounding, JX_EXEC_DOUBLE_ROUND);
    CHECK(p.exec_cap);
    CHECK_INT(p.score_scale, 2);
    CHECK_INT(p.rate_scale, 2);
    CHECK_INT(p.over_threshold.num, 1);
    CHECK_INT(p.over_threshold.den, 5);
    CHECK_INT(p.tolerance.num, 1);
    CHECK_INT(p.tolerance.den, 100);
    CHECK_INT(jx_policy_set(&p, "exec-rounding=single"), 0);
    CHECK_INT(p.exec_rounding, JX_EXEC_SINGLE_ROUND);
    CHECK_INT(jx_policy_set(&p, "exec-rounding=double"), 0);
    CHECK_INT(p.exec_rounding, JX_EXEC_DOUBLE_ROUND);
    CHECK_INT(jx_policy_set(&p, "exec-cap=off"), 0);
    CHECK(!p.exec_cap);
    CHECK_INT(jx_policy_set(&p, "exec-cap=on"), 0);
    CHECK(p.exec_cap);
    CHECK_INT(jx_policy_set(&p, "over-threshold=30%"), 0);
    CHECK_INT(p.over_threshold.num, 3);
    CHECK_INT(p.over_threshold.den, 10);
    CHECK_INT(jx_policy_set(&p, "over-threshold=0.25"), 0);
    CHECK_INT(p.over_threshold.num, 1);
    CHECK_INT(p.over_threshold.den, 4);
    CHECK_INT(jx_policy_set(&p, "tolerance=0.02"), 0);
    CHECK_INT(p.tolerance.num, 1);
    CHECK_INT(p.tolerance.den, 50);
    CHECK_INT(jx_policy_set(&p, "score-scale=1"), 0);
    CHECK_INT(p.score_scale, 1);
    CHECK_INT(jx_policy_set(&p, "rate-scale=4"), 0);
    CHECK_INT(p.rate_scale, 4);
    /* invalid ones leave p unchanged */
    struct jx_policy q = p;
    CHECK_INT(jx_policy_set(&p, "exec-rounding=triple"), -1);
    CHECK_INT(jx_policy_set(&p, "exec-cap=yes"), -1);
    CHECK_INT(jx_policy_set(&p, "over-threshold=-5%"), -1);
    CHECK_INT(jx_policy_set(&p, "over-threshold="), -1);
    CHECK_INT(jx_policy_set(&p, "tolerance=1%"), -1);
    CHECK_INT(jx_policy_set(&p, "tolerance=abc"), -1);
    CHECK_INT(jx_policy_set(&p, "score-scale=9"), -1);
    CHECK_INT(jx_policy_set(&p, "score-scale=12"), -1);
    CHECK_INT(jx_policy_set(&p, "unknown=1"), -1);
    CHECK_INT(jx_policy_set(&p, "exec-cap"), -1);
    CHECK_INT(p.exec_rounding, q.exec_rounding);
    CHECK(p.exec_cap == q.exec_cap);
    CHECK_INT(p.score_scale, q.score_scale);
    CHECK_INT(p.rate_scale, q.rate_scale);
    CHECK(jx_rat_cmp(p.over_threshold, q.over_threshold) == 0);
    CHECK(jx_rat_cmp(p.tolerance, q.tolerance) == 0);
}

/* Grade boundaries are half-open at the lower end (rules §1.2). */
static void t_grades(void)
{
    static const struct {
        const char *s;
        const char *g;
    } cases[] = {
        {"100", "优"},  {"90", "优"},   {"89.99", "良"}, {"80", "良"},
        {"79.99", "中"}, {"60", "中"},  {"59.99", "差"}, {"0", "差"},
        {"94.87", "优"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_STR(jx_grade_zh(jx_grade_of(num(cases[i].s).v)), cases[i].g);
    }
    CHECK_STR(jx_grade_zh(JX_GRADE_NONE), "");
}

/* ---- the seed-003 fixture ------------------------------------------- */

/* Load tests/data/seed003_meixi_2024.json into r's arena. */
static struct jx_package *load_fixture(struct run *r, const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", jx_test_srcdir, rel);
    char *text = NULL;
    size_t len = 0;
    if (jx_read_file(path, 1u << 24, &text, &len) < 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot read %s", path);
        return NULL;
    }
    struct jx_package *p = jx_pkgjson_load(r->a, rel, text, len, &r->d);
    free(text);
    CHECK(p != NULL);
    CHECK_INT(jx_diags_errors(&r->d), 0);
    return p;
}

/* Seed 003: 1902.68 / 3911.21 = 48.65%, 4.87, 94.87, 优, 50/30/10 + 10. */
static void t_seed003(void)
{
    struct run r;
    run_init(&r);
    struct jx_package *p = load_fixture(&r, "tests/data/seed003_meixi_2024.json");
    if (!p) {
        run_free(&r);
        return;
    }
    const struct jx_eval *ev = score(&r, p);
    CHECK_INT(ev->nsheets, 1);
    const struct jx_sheet_eval *se = &ev->sheets[0];
    CHECK_STR(se->id, "unit_sheet");
    CHECK_STR(val(&se->rate), "48.65%");
    CHECK_STR(se->rate.rule, "exec-rate");
    CHECK_STR(se->rate.formula,
              "全年执行数 / 全年预算数 = 1902.68 / 3911.21 = 48.65%");
    CHECK_INT(se->rate.agrees, JX_AGREE_YES);
    CHECK_STR(se->rate.path, "/unit_sheet/funds/total");
    CHECK_INT(se->rate.ninputs, 2);
    CHECK_STR(se->rate.inputs[0].name, "全年执行数");
    CHECK_STR(se->rate.inputs[0].value, "1902.68万元");
    CHECK_STR(val(&se->exec_score), "4.87");
    CHECK_STR(se->exec_score.rule, "exec-score-double");
    CHECK_INT(se->exec_score.agrees, JX_AGREE_YES);
    CHECK_STR(se->exec_score.formula, "min(48.65%, 100%) × 10 = 4.87");
    CHECK_INT(se->nindicators, 16);
    /* the paths and ids joined without jx_sprintf (score.c's join) */
    CHECK_STR(se->rate.id, "unit_sheet.execution_rate");
    CHECK_STR(se->exec_score.id, "unit_sheet.execution_score");
    CHECK_STR(se->exec_score.path, "/unit_sheet/funds/total");
    CHECK_STR(se->indicators[0].path, "/unit_sheet/indicators/0");
    CHECK_STR(se->indicators[9].path, "/unit_sheet/indicators/9");
    CHECK_STR(se->indicators[15].path, "/unit_sheet/indicators/15");
    CHECK_STR(se->indicators[15].id, "unit_sheet.indicators[15]");
    CHECK_STR(se->blocks[JX_BLOCK_OUTPUT].path, "/unit_sheet/indicators");
    CHECK_STR(se->points_total.id, "unit_sheet.points_total");
    CHECK_STR(se->total.id, "unit_sheet.total");
    CHECK_STR(se->total.path, "/unit_sheet/stated_total");
    CHECK_STR(val(&se->blocks[JX_BLOCK_OUTPUT]), "50");
    CHECK_STR(val(&se->blocks[JX_BLOCK_BENEFIT]), "30");
    CHECK_STR(val(&se->blocks[JX_BLOCK_SATISFACTION]), "10");
    CHECK(!se->blocks[JX_BLOCK_OTHER].has_value);
    CHECK_STR(val(&se->points_total), "100");
    CHECK_STR(val(&se->total), "94.87");
    CHECK_INT(se->total.agrees, JX_AGREE_YES);
    CHECK_STR(jx_grade_zh(se->grade), "优");
    CHECK_STR(jx_grade_zh(se->stated_grade), "优");
    /* indicator rules */
    CHECK_STR(se->indicators[0].rule, "quant-higher");
    CHECK_STR(val(&se->indicators[0]), "4.00");
    CHECK_STR(se->indicators[0].path, "/unit_sheet/indicators/0");
    CHECK_STR(se->indicators[0].id, "unit_sheet.indicators[0]");
    CHECK_STR(se->indicators[8].rule, "qual-band");
    CHECK_STR(val(&se->indicators[8]), "10.00");
    CHECK_STR(se->indicators[8].note,
              "实际完成与目标表述一致，按达成年度指标档校验");
    CHECK_STR(se->indicators[9].rule, "quant-lower");
    CHECK_STR(val(&se->indicators[9]), "10.00");
    CHECK_STR(se->indicators[13].rule, "qual-band");
    CHECK(!se->indicators[13].has_value); /* 有效提升 vs 明显提升 */
    CHECK_INT(jx_diags_errors(&r.d), 0);
    CHECK_INT(r.d.count[JX_SEV_ROUNDING], 0);
    CHECK_INT(r.d.count[JX_SEV_WARNING], 5);
    CHECK_INT(r.d.count[JX_SEV_NOTE], 2);
    /* over-achievement: 160/100, 12/6, 2606.21/2000, 25/20 */
    CHECK_INT(count_code(&r.d, "S205"), 4);
    CHECK_INT(count_code(&r.d, "S214"), 1);
    /* ≧ is a glyph variant of ≥: no note; 参保率 102.07%;
     * 预算金额≤1902.68万元 */
    CHECK_INT(count_code(&r.d, "V108"), 0);
    CHECK_INT(count_code(&r.d, "V106"), 1);
    CHECK_INT(count_code(&r.d, "V110"), 1);
    CHECK_STR(codes(&r.d), "S205 S205 V106 S205 S205 V110 S214");
    const struct jx_diag *v110 = find_code(&r.d, "V110");
    CHECK_STR(v110 ? v110->msg : NULL,
              "指标“全年经费开支”的年度指标值“预算金额≤1902.68万元”含说明文字，"
              "按“≤1902.68万元”比较");
    const struct jx_diag *e = find_code(&r.d, "S205");
    CHECK(e && strstr(e->msg, "160篇") && strstr(e->msg, "60.00%"));
    CHECK_STR(e ? e->loc.path : NULL, "/unit_sheet/indicators/0/actual");
    CHECK_STR(e ? e->loc.file : NULL, "tests/data/seed003_meixi_2024.json");
    run_free(&r);
}

/* ---- execution rate ------------------------------------------------- */

/* A package whose only interest is its funds row. */
static struct jx_package *funds_pkg(struct jx_arena *a, const char *exec,
                                    const char *budget)
{
    struct jx_package *p = clean_pkg(a);
    p->unit_sheet.total.executed = amt(exec);
    p->unit_sheet.total.budget_full = amt(budget);
    p->unit_sheet.total.rate.present = false;
    p->unit_sheet.total.score.present = false;
    p->unit_sheet.stated_total.present = false;
    return p;
}

/* Single rounding gives 4.86 for seed 003's numbers; double 4.87. */
static void t_exec_single(void)
{
    struct run r;
    run_init(&r);
    struct jx_package *p = funds_pkg(r.a, "1902.68", "3911.21");
    p->unit_sheet.total.score = num("4.87");
    CHECK_INT(jx_policy_set(&r.pol, "exec-rounding=single"), 0);
    const struct jx_eval *ev = score(&r, p);
    CHECK_STR(val(&ev->sheets[0].rate), "48.65%");
    CHECK_STR(val(&ev->sheets[0].exec_score), "4.86");
    CHECK_STR(ev->sheets[0].exec_score.rule, "exec-score-single");
    CHECK_STR(ev->sheets[0].exec_score.formula,
              "min(1902.68 / 3911.21, 100%) × 10 = 4.86");
    /* the stated 4.87 is within the tolerance: rounding, not error */
    CHECK_INT(ev->sheets[0].exec_score.agrees, JX_AGREE_ROUNDING);
    const struct jx_diag *e = find_code(&r.d, "S102");
    CHECK(e && e->severity == JX_SEV_ROUNDING);
    run_free(&r);

    run_init(&r);
    p = funds_pkg(r.a, "1902.68", "3911.21");
    ev = score(&r, p);
    CHECK_STR(val(&ev->sheets[0].exec_score), "4.87");
    run_free(&r);
}

/* 430.28 / 121 = 355.60%: capped 10, uncapped 35.56 (both roundings). */
static void t_exec_cap(void)
{
    struct run r;
    run_init(&r);
    struct jx_package *p = funds_pkg(r.a, "430.28", "121");
    const struct jx_eval *ev = score(&r, p);
    CHECK_STR(val(&ev->sheets[0].rate), "355.60%");
    CHECK_STR(val(&ev->sheets[0].exec_score), "10.00");
    CHECK(ev->sheets[0].exec_score.note &&
          strstr(ev->sheets[0].exec_score.note, "封顶"));
    run_free(&r);

    run_init(&r);
    p = funds_pkg(r.a, "430.28", "121");
    CHECK_INT(jx_policy_set(&r.pol, "exec-cap=off"), 0);
    ev = score(&r, p);
    CHECK_STR(val(&ev->sheets[0].exec_score), "35.56");
    CHECK_STR(ev->sheets[0].exec_score.formula, "355.60% × 10 = 35.56");
    run_free(&r);

    run_init(&r);
    p = funds_pkg(r.a, "430.28", "121");
    CHECK_INT(jx_policy_set(&r.pol, "exec-cap=off"), 0);
    CHECK_INT(jx_policy_set(&r.pol, "exec-rounding=single"), 0);
    ev = score(&r, p);
    CHECK_STR(val(&ev->sheets[0].exec_score), "35.56");
    run_free(&r);
}

/* Budget 0: 不适用, never 0%; the score uses the stated one. */
static void t_budget_zero(void)
{
    struct run r;
    run_init(&r);
    struct jx_package *p = funds_pkg(r.a, "0", "0");
    p->unit_sheet.total.score = num("10");
    const struct jx_eval *ev = score(&r, p);
    const struct jx_sheet_eval *se = &ev->sheets[0];
    CHECK(!se->rate.has_value);
    CHECK_STR(val(&se->rate), "(none)");
    CHECK(se->rate.note && strstr(se->rate.note, "不适用"));
    CHECK_INT(se->rate.agrees, JX_AGREE_NA);
    CHECK(!se->exec_score.has_value);
    const struct jx_diag *e = find_code(&r.d, "S103");
    CHECK(e && e->severity == JX_SEV_NOTE);
    /* the total takes the stated 10 */
    CHECK_STR(val(&se->total), "100.00");
    CHECK(se->total.ninputs >= 1 &&
          strcmp(se->total.inputs[0].value, "10（自评）") == 0);
    run_free(&r);

    /* a stated 0% with budget 0 is a warning */
    run_init(&r);
    p = funds_pkg(r.a, "0", "0");
    p->unit_sheet.total.rate = num("0%");
    score(&r, p);
    e = find_code(&r.d, "S103");
    CHECK(e && e->severity == JX_SEV_WARNING);
    run_free(&r);

    /* a missing budget is a warning too */
    run_init(&r);
    p = funds_pkg(r.a, "0", "0");
    p->unit_sheet.total.budget_full.present = false;
    ev = score(&r, p);
    CHECK_STR(ev->sheets[0].rate.note, "未填全年预算数，无法计算");
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：执行率未填全年预算数，无法计算");
    e = find_code(&r.d, "S103");
    CHECK(e && e->severity == JX_SEV_WARNING);
    run_free(&r);
}

/* ---- indicator rules ------------------------------------------------ */

/* Score one indicator row in an otherwise clean package and return the
 * item (valid until run_free). */
static const struct jx_item *one(struct run *r, const char *name,
                                 const char *target, const char *actual,
                                 const char *points, const char *score_s)
{
    struct jx_package *p = clean_pkg(r->a);
    struct jx_sheet *sh = &p->unit_sheet;
    ind(&sh->indicators[0], "产出指标", name, target, actual, points,
        score_s);
    const struct jx_eval *ev = score(r, p);
    return &ev->sheets[0].indicators[0];
}

/* Higher is better: full when met, W × a / t when not. */
static void t_quant_higher(void)
{
    struct run r;
    run_init(&r);
    const struct jx_item *it = one(&r, "宣传篇数", "≥100篇", "80篇", "4",
                                   "3.2");
    CHECK_STR(it->rule, "quant-higher");
    CHECK_STR(val(it), "3.20");
    CHECK_STR(it->formula, "分值 × 实际完成值 / 年度指标值 = "
                           "4 × 80篇 / 100篇 = 3.20");
    CHECK_INT(it->agrees, JX_AGREE_YES);
    CHECK_INT(it->ninputs, 4);
    CHECK_STR(it->inputs[0].value, "≥100篇");
    CHECK_STR(it->inputs[3].value, "正向（越高越好）");
    run_free(&r);

    run_init(&r);
    it = one(&r, "宣传篇数", "≥100篇", "100篇", "4", "4");
    CHECK_STR(val(it), "4.00");
    CHECK_STR(it->formula, "实际完成值 100篇 ≥ 年度指标值 100篇，得满分 4");
    run_free(&r);

    /* rounding half-up: 3 × 2 / 3... 5 × 2 / 3 = 3.333 -> 3.33;
     * 7 × 1 / 8 = 0.875 -> 0.88 */
    run_init(&r);
    it = one(&r, "培训次数", "≥3次", "2次", "5", NULL);
    CHECK_STR(val(it), "3.33");
    run_free(&r);
    run_init(&r);
    it = one(&r, "培训次数", "≥8次", "1次", "7", NULL);
    CHECK_STR(val(it), "0.88");
    run_free(&r);

    /* money: 万元 shown back in 万元 */
    run_init(&r);
    it = one(&r, "纳税金额", "≥2000万元", "1500万元", "4", "3");
    CHECK_STR(val(it), "3.00");
    CHECK_STR(it->formula, "分值 × 实际完成值 / 年度指标值 = "
                           "4 × 1500万元 / 2000万元 = 3.00");
    run_free(&r);
}

/* Lower is better: full when a ≤ t, W × t / a otherwise, t = 0 → 0. */
static void t_quant_lower(void)
{
    struct run r;
    run_init(&r);
    const struct jx_item *it = one(&r, "设备故障率", "≤5%", "8%", "10",
                                   "6.25");
    CHECK_STR(it->rule, "quant-lower");
    CHECK_STR(val(it), "6.25");
    CHECK_STR(it->formula, "分值 × 年度指标值 / 实际完成值 = "
                           "10 × 5% / 8% = 6.25");
    CHECK(it->note && strstr(it->note, "convention, not rule"));
    CHECK_INT(it->agrees, JX_AGREE_YES);
    run_free(&r);

    run_init(&r);
    it = one(&r, "设备故障率", "≤5%", "4%", "10", "10");
    CHECK_STR(val(it), "10.00");
    CHECK_STR(it->formula, "实际完成值 4% ≤ 年度指标值 5%，得满分 10");
    run_free(&r);

    run_init(&r);
    it = one(&r, "安全事故", "≤0起", "2起", "5", "0");
    CHECK_STR(val(it), "0.00");
    run_free(&r);

    /* direction from the name: a plain number for a cost */
    run_init(&r);
    it = one(&r, "项目成本", "50万元", "80万元", "8", "5");
    CHECK_STR(it->rule, "quant-lower");
    CHECK_STR(val(it), "5.00");
    run_free(&r);
}

/* Exact targets: equal → W; below → as higher; above → as lower. */
static void t_quant_exact(void)
{
    struct run r;
    run_init(&r);
    const struct jx_item *it = one(&r, "设立站点", "=12个", "12个", "4",
                                   "4");
    CHECK_STR(it->rule, "quant-exact");
    CHECK_STR(val(it), "4.00");
    run_free(&r);

    run_init(&r);
    it = one(&r, "设立站点", "=12个", "10个", "4", "3.33");
    CHECK_STR(it->rule, "quant-exact");
    CHECK_STR(val(it), "3.33");
    CHECK(it->note && strstr(it->note, "按正向计分"));
    run_free(&r);

    run_init(&r);
    it = one(&r, "设立站点", "=12个", "15个", "4", "3.2");
    CHECK_STR(val(it), "3.20");
    CHECK(it->note && strstr(it->note, "按反向计分"));
    run_free(&r);
}

/* Scores are clamped to [0, W]. */
static void t_clamp(void)
{
    struct run r;
    run_init(&r);
    const struct jx_item *it = one(&r, "收入增长率", "≥10%", "-5%", "6",
                                   "0");
    CHECK_STR(val(it), "0.00");
    CHECK_INT(it->agrees, JX_AGREE_YES);
    run_free(&r);
}

/* Qualitative bands: met [0.8W, W], partial [0.6W, 0.8W), not met
 * [0, 0.6W); the boundaries belong to the higher band. */
static void t_qual_bands(void)
{
    static const struct {
        enum jx_achieve ach;
        const char *score;
        bool in;
    } cases[] = {
        {JX_ACH_MET, "5", true},        {JX_ACH_MET, "4", true},
        {JX_ACH_MET, "3.99", false},    {JX_ACH_PARTIAL, "3.99", true},
        {JX_ACH_PARTIAL, "3", true},    {JX_ACH_PARTIAL, "4", false},
        {JX_ACH_PARTIAL, "2.99", false}, {JX_ACH_NOT_MET, "2.99", true},
        {JX_ACH_NOT_MET, "0", true},    {JX_ACH_NOT_MET, "3", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct run r;
        run_init(&r);
        struct jx_package *p = clean_pkg(r.a);
        struct jx_indicator *row = &p->unit_sheet.indicators[1];
        ind(row, "效益指标", "群众安全感", "有效提升", "有所提升", "5",
            cases[i].score);
        row->achievement = cases[i].ach;
        row->deviation = txt("部分社区宣传覆盖不足，下年度加强。");
        const struct jx_eval *ev = score(&r, p);
        const struct jx_item *it = &ev->sheets[0].indicators[1];
        CHECK_STR(it->rule, "qual-band");
        if (cases[i].in) {
            CHECK(it->has_value);
            CHECK(jx_rat_cmp(it->value, num(cases[i].score).v) == 0);
            CHECK_INT(it->agrees, JX_AGREE_YES);
            CHECK_INT(count_code(&r.d, "S203"), 0);
        } else {
            CHECK(!it->has_value);
            CHECK_INT(it->agrees, JX_AGREE_NO);
            CHECK_INT(count_code(&r.d, "S203"), 1);
        }
        if (jx_test_failed) {
            printf("  case %zu\n", i);
        }
        run_free(&r);
    }
    /* a score above the points is S202, not S203 too; the total counts
     * the row at its points, so a stated 总分 that followed the excess
     * (101) is wrong too and one that did not (100) is right */
    {
        struct run r;
        run_init(&r);
        struct jx_package *p = clean_pkg(r.a);
        struct jx_indicator *row = &p->unit_sheet.indicators[1];
        ind(row, "效益指标", "群众安全感", "有效提升", "有效提升", "30", "31");
        p->unit_sheet.stated_total = num("101");
        const struct jx_eval *ev = score(&r, p);
        CHECK(!ev->sheets[0].indicators[1].has_value);
        CHECK_INT(ev->sheets[0].indicators[1].agrees, JX_AGREE_NO);
        CHECK_STR(codes(&r.d), "S202 S304");
        CHECK_STR(val(&ev->sheets[0].total), "100.00");
        run_free(&r);
        run_init(&r);
        p = clean_pkg(r.a);
        row = &p->unit_sheet.indicators[1];
        ind(row, "效益指标", "群众安全感", "有效提升", "有效提升", "30", "31");
        p->unit_sheet.stated_total = num("100");
        ev = score(&r, p);
        CHECK_STR(codes(&r.d), "S202");
        CHECK_STR(val(&ev->sheets[0].total), "100.00");
        run_free(&r);
    }
    /* the band formula */
    struct run r;
    run_init(&r);
    struct jx_package *p = clean_pkg(r.a);
    struct jx_indicator *row = &p->unit_sheet.indicators[1];
    ind(row, "效益指标", "群众安全感", "有效提升", "有所提升", "5", "3");
    row->achievement = JX_ACH_PARTIAL;
    row->deviation = txt("宣传不足。");
    const struct jx_eval *ev = score(&r, p);
    CHECK_STR(ev->sheets[0].indicators[1].formula,
              "部分达成年度指标并具有一定效果档：3 ≤ 得分 < 4，"
              "自评得分 3 在档内");
    CHECK_STR(ev->sheets[0].indicators[1].inputs[3].value,
              "部分达成年度指标并具有一定效果");
    run_free(&r);
}

/* Same text → met (with the note); different text and no band → no
 * value, range check only. */
static void t_qual_implied(void)
{
    struct run r;
    run_init(&r);
    const struct jx_item *it = one(&r, "工作开展", "及时", "及时", "50",
                                   "50");
    CHECK_STR(it->rule, "qual-band");
    CHECK_STR(val(it), "50.00");
    CHECK_STR(it->note, "实际完成与目标表述一致，按达成年度指标档校验");
    CHECK_INT(r.d.n, 0);
    run_free(&r);

    run_init(&r);
    it = one(&r, "工作开展", "及时", "基本及时", "50", "45");
    CHECK(!it->has_value);
    CHECK_INT(it->agrees, JX_AGREE_NA);
    CHECK_INT(count_code(&r.d, "S214"), 1);
    CHECK_INT(count_code(&r.d, "S204"), 1);
    run_free(&r);

    /* the stated score is used in the total */
    run_init(&r);
    struct jx_package *p = clean_pkg(r.a);
    ind(&p->unit_sheet.indicators[0], "产出指标", "工作开展", "及时",
        "基本及时", "50", "45");
    p->unit_sheet.indicators[0].deviation = txt("个别事项滞后。");
    p->unit_sheet.stated_total = num("95");
    const struct jx_eval *ev = score(&r, p);
    CHECK_STR(val(&ev->sheets[0].total), "95.00");
    CHECK_STR(ev->sheets[0].total.inputs[1].value, "45（自评）");
    CHECK_STR(ev->sheets[0].total.note,
              "采用复核得分 3 项；无法复核而采用自评得分 1 项");
    CHECK_STR(codes(&r.d), "S214");
    run_free(&r);
}

/* ---- findings --------------------------------------------------------- */

/* The clean package has no finding at any level. */
static void t_clean(void)
{
    struct run r;
    run_init(&r);
    const struct jx_eval *ev = score(&r, clean_pkg(r.a));
    CHECK_STR(codes(&r.d), "");
    CHECK_STR(val(&ev->sheets[0].total), "100.00");
    CHECK_STR(val(&ev->sheets[0].rate), "100.00%");
    CHECK_STR(val(&ev->sheets[0].exec_score), "10.00");
    CHECK_STR(jx_grade_zh(ev->sheets[0].grade), "优");
    run_free(&r);
}

/* Expect exactly the given codes after scoring p (and the severity of
 * the first finding of `code`). */
static void expect(struct run *r, struct jx_package *p, const char *want,
                   const char *code, enum jx_severity sev, int line)
{
    score(r, p);
    const char *got = codes(&r->d);
    if (strcmp(got, want) != 0) {
        jx_test_fail(__FILE__, line, "codes: expected \"%s\", got \"%s\"",
                     want, got);
    }
    const struct jx_diag *e = find_code(&r->d, code);
    if (!e || e->severity != sev) {
        jx_test_fail(__FILE__, line, "%s: severity %d expected", code,
                     (int)sev);
    }
}

/* Each execution-row and total finding fires on a minimal package. */
static void t_findings_funds(void)
{
    struct run r;
    struct jx_package *p;

    run_init(&r); /* S101 stated rate wrong */
    p = clean_pkg(r.a);
    p->unit_sheet.total.rate = num("95%");
    expect(&r, p, "S101", "S101", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：表中执行率 95% 与复核执行率 100.00% 不一致");
    CHECK_STR(r.d.a[0].loc.path, "/unit_sheet/funds/total/rate");
    run_free(&r);

    run_init(&r); /* S101 on a rate recovered by position: a warning */
    p = clean_pkg(r.a);
    p->unit_sheet.total.rate = num("95%");
    static const struct jx_prov pos = {.line = 7, .col = 3,
                                       .how = JX_HOW_POSITION, .raw = "95%"};
    p->unit_sheet.total.rate.prov = &pos;
    expect(&r, p, "S101", "S101", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：表中执行率 95% 与复核执行率 "
                            "100.00% 不一致（该数按位置推断：原文“95%”）");
    run_free(&r);

    run_init(&r); /* S101 rounding: 0.01 percentage point */
    p = clean_pkg(r.a);
    p->unit_sheet.total.rate = num("99.99%");
    expect(&r, p, "S101", "S101", JX_SEV_ROUNDING, __LINE__);
    run_free(&r);

    run_init(&r); /* S102 stated exec score wrong; S304 then too */
    p = clean_pkg(r.a);
    p->unit_sheet.total.score = num("9");
    p->unit_sheet.stated_total = num("99");
    expect(&r, p, "S102 S304", "S102", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：执行率 100.00% 已全部完成"
                            "（全年执行数 100.00 不低于全年预算数 100.00），"
                            "执行率得分应为满分 10，表中为 9");
    run_free(&r);

    run_init(&r); /* S104 points not 10, S303 sum not 100 */
    p = clean_pkg(r.a);
    p->unit_sheet.total.points = num("20");
    p->unit_sheet.total.score = num("20");
    p->unit_sheet.stated_total = num("110");
    expect(&r, p, "S104 S303", "S104", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[1].msg,
              "整体支出绩效自评表：分值合计 110（含执行率 20），不等于 100");
    run_free(&r);

    run_init(&r); /* S105 stated exec score above points */
    p = clean_pkg(r.a);
    p->unit_sheet.total.score = num("10.5");
    p->unit_sheet.stated_total = num("100.5");
    expect(&r, p, "S105 S102 S304", "S105", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：执行率得分 10.5 高于分值 10");
    run_free(&r);

    run_init(&r); /* S304 rounding; S305 missing total */
    p = clean_pkg(r.a);
    p->unit_sheet.stated_total = num("99.99");
    expect(&r, p, "S304", "S304", JX_SEV_ROUNDING, __LINE__);
    run_free(&r);

    run_init(&r);
    p = clean_pkg(r.a);
    p->unit_sheet.stated_total.present = false;
    expect(&r, p, "S305", "S305", JX_SEV_NOTE, __LINE__);
    run_free(&r);

    run_init(&r); /* S306 grades differ (and S304) */
    p = clean_pkg(r.a);
    p->unit_sheet.stated_total = num("89");
    expect(&r, p, "S304 S306", "S306", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[1].msg, "整体支出绩效自评表：按表中总分 89 评级为“良”，"
                            "按复核总分 100.00 为“优”");
    run_free(&r);
}

/* Each indicator finding fires on a minimal package. */
static void t_findings_indicators(void)
{
    struct run r;
    struct jx_package *p;
    struct jx_indicator *row;

    run_init(&r); /* S201 stated ≠ recomputed */
    p = clean_pkg(r.a);
    row = &p->unit_sheet.indicators[0];
    row->actual = txt("8场");
    row->deviation = txt("场地原因。");
    /* recomputed 50 × 8 / 10 = 40, stated 50; stated total 100 vs 90 */
    expect(&r, p, "S201 S304", "S201", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“培训场次”自评得分 50 与复核得分 40.00 不一致");
    CHECK_STR(r.d.a[0].loc.path, "/unit_sheet/indicators/0/score");
    CHECK_STR(r.d.a[0].detail,
              "分值 × 实际完成值 / 年度指标值 = 50 × 8场 / 10场 = 40.00"
              "（规则 quant-higher）");
    run_free(&r);

    run_init(&r); /* S201 rounding */
    p = clean_pkg(r.a);
    row = &p->unit_sheet.indicators[2];
    ind(row, "满意度指标", "服务对象满意度", "≥90%", "89%", "10", "9.88");
    row->deviation = txt("个别投诉。");
    p->unit_sheet.stated_total = num("99.88");
    /* 10 × 89 / 90 = 9.888… → 9.89; stated 9.88 */
    expect(&r, p, "S201 S304", "S201", JX_SEV_ROUNDING, __LINE__);
    run_free(&r);

    run_init(&r); /* S201: a score cut at its column's decimals (1.8 for
                     10 × 203 / 214 = 1.897, the column showing 1.8, 1.9) */
    p = clean_pkg(r.a);
    ind(&p->unit_sheet.indicators[2], "满意度指标", "访视数", "214人",
        "203人", "2", "1.8");
    p->unit_sheet.indicators[2].deviation = txt("个别未访视。");
    ind(&p->unit_sheet.indicators[1], "效益指标", "接种率", "≥100%",
        "97.3%", "2", "1.9");
    p->unit_sheet.indicators[1].deviation = txt("个别未接种。");
    score(&r, p);
    CHECK_INT((int)count_code(&r.d, "S201"), 2);
    CHECK(find_code(&r.d, "S201") &&
          find_code(&r.d, "S201")->severity == JX_SEV_ROUNDING);
    for (size_t i = 0; i < r.d.n; i++) {
        if (strcmp(r.d.a[i].code, "S201") == 0) {
            CHECK_INT(r.d.a[i].severity, JX_SEV_ROUNDING);
        }
    }
    run_free(&r);

    run_init(&r); /* S201: "1" in a column of one-decimal scores is 1.0,
                     not 1.15 (2 × 69 / 120) cut to a whole number */
    p = clean_pkg(r.a);
    ind(&p->unit_sheet.indicators[2], "满意度指标", "建册数", "120人", "69人",
        "2", "1");
    p->unit_sheet.indicators[2].deviation = txt("外出务工。");
    ind(&p->unit_sheet.indicators[1], "效益指标", "接种率", "≥100%",
        "97.3%", "2", "1.9");
    p->unit_sheet.indicators[1].deviation = txt("个别未接种。");
    score(&r, p);
    {
        const struct jx_diag *e = NULL;
        for (size_t i = 0; i < r.d.n; i++) {
            if (strcmp(r.d.a[i].code, "S201") == 0 &&
                strstr(r.d.a[i].msg, "建册数")) {
                e = &r.d.a[i];
            }
        }
        CHECK(e && e->severity == JX_SEV_ERROR);
        if (e) {
            CHECK_STR(e->msg, "指标“建册数”自评得分 1 与复核得分 1.15 不一致");
        }
    }
    run_free(&r);

    run_init(&r); /* S201: whole-number scores cut (6 × 1093 / 1100 = 5.96
                     printed 5) */
    p = clean_pkg(r.a);
    ind(&p->unit_sheet.indicators[2], "满意度指标", "木材收入", "1100万元",
        "1093万元", "10", "9");
    p->unit_sheet.indicators[2].deviation = txt("市场波动。");
    score(&r, p);
    CHECK(find_code(&r.d, "S201") &&
          find_code(&r.d, "S201")->severity == JX_SEV_ROUNDING);
    run_free(&r);

    run_init(&r); /* V111: a bare actual "96" read in the target's % */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].actual = txt("96");
    score(&r, p);
    CHECK_STR(codes(&r.d), "V111");
    CHECK_STR(r.d.a[0].msg, "指标“群众知晓率”的实际完成值“96”未写单位，按年度"
                            "指标值的单位“%”读取");
    CHECK_INT(r.d.a[0].severity, JX_SEV_NOTE);
    run_free(&r);

    run_init(&r); /* S202 above points */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[2].score = num("12");
    p->unit_sheet.stated_total = num("102");
    expect(&r, p, "S202 S201 S304", "S202", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“服务对象满意度”自评得分 12 高于分值 10");
    run_free(&r);

    run_init(&r); /* S204 below points without a deviation note */
    p = clean_pkg(r.a);
    row = &p->unit_sheet.indicators[0];
    row->actual = txt("8场");
    row->score = num("40");
    p->unit_sheet.stated_total = num("90");
    expect(&r, p, "S204", "S204", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“培训场次”自评得分 40 低于分值 50，"
                            "未填偏差原因分析及改进措施");
    run_free(&r);

    run_init(&r); /* S205 over-achievement > 20% */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].actual = txt("13场");
    expect(&r, p, "S205", "S205", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“培训场次”实际完成值 13场 超过年度指标值 "
                            "10场 达 30.00%，超过 20% 而未填偏差原因分析");
    run_free(&r);

    run_init(&r); /* ... not at exactly 20%, nor with a deviation note */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].actual = txt("12场");
    p->unit_sheet.indicators[1].target = txt("≥50%");
    p->unit_sheet.indicators[1].actual = txt("70%");
    p->unit_sheet.indicators[1].deviation = txt("年初目标偏低。");
    score(&r, p);
    CHECK_STR(codes(&r.d), "");
    run_free(&r);

    run_init(&r); /* V103 actual with an operator */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].actual = txt("≥95%");
    expect(&r, p, "V103", "V103", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“群众知晓率”的实际完成值“≥95%”带有比较符号"
                            "“≥”，不是实际测得的数值，请填写实际完成的数值");
    CHECK_STR(r.d.a[0].loc.path, "/unit_sheet/indicators/1/actual");
    run_free(&r);

    run_init(&r); /* V105 actual is a range */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].actual = txt("90%-95%");
    score(&r, p);
    CHECK_INT(count_code(&r.d, "V105"), 1);
    CHECK_INT(count_code(&r.d, "V103"), 0);
    run_free(&r);

    run_init(&r); /* V106 a rate above 100% */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].actual = txt("102.07%");
    expect(&r, p, "V106", "V106", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“群众知晓率”的实际完成值为 102.07%，"
                            "超过 100%，请核实");
    run_free(&r);

    run_init(&r); /* V107 empty actual */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].actual = txt("");
    expect(&r, p, "V107", "V107", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].loc.path, "/unit_sheet/indicators/1/actual");
    CHECK_STR(r.d.a[0].msg, "指标“群众知晓率”的实际完成值为空，年度指标值为"
                            "“≥90%”");
    run_free(&r);

    run_init(&r); /* V107 absent target */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].target = txt(NULL);
    expect(&r, p, "V107", "V107", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].loc.path, "/unit_sheet/indicators/1/target");
    run_free(&r);

    run_init(&r); /* S207 both empty */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].target = txt("/");
    p->unit_sheet.indicators[1].actual = txt(NULL);
    expect(&r, p, "S207", "S207", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].loc.path, "/unit_sheet/indicators/1");
    run_free(&r);

    run_init(&r); /* V102 unreadable actual */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].actual = txt("≥≤");
    expect(&r, p, "V102", "V102", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“群众知晓率”的实际完成值“≥≤”无法识别："
                            "“≥≤”有比较符号，但没有数值");
    run_free(&r);

    run_init(&r); /* V101 unreadable target */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].target = txt("≥≤");
    expect(&r, p, "V101", "V101", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].loc.path, "/unit_sheet/indicators/1/target");
    run_free(&r);

    run_init(&r); /* V104 incomparable units */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].actual = txt("12%");
    expect(&r, p, "V104", "V104", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“培训场次”的年度指标值“≥10场”（场）与实际"
                            "完成值“12%”（百分比）类型或单位不一致，无法比较");
    run_free(&r);

    run_init(&r); /* V104 number vs word */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].actual = txt("已完成");
    expect(&r, p, "V104", "V104", JX_SEV_WARNING, __LINE__);
    run_free(&r);

    run_init(&r); /* V104 date vs percentage (seed 002) */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].target = txt("100%");
    p->unit_sheet.indicators[1].actual = txt("2023年12月20日完成");
    score(&r, p);
    CHECK_INT(count_code(&r.d, "V104"), 1);
    run_free(&r);

    run_init(&r); /* V108 LaTeX from a PDF converter */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].target = txt("$\\geq 90\\%$");
    expect(&r, p, "V108", "V108", JX_SEV_NOTE, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“群众知晓率”的年度指标值“$\\geq 90\\%$”按"
                            "“≥90%”理解");
    run_free(&r);

    run_init(&r); /* no V108 for glyph variants alone */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].target = txt("＞＝９０％");
    score(&r, p);
    CHECK_INT(count_code(&r.d, "V108"), 0);
    run_free(&r);

    run_init(&r); /* V109 no operator: direction from the name */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].target = txt("90%");
    expect(&r, p, "V109", "V109", JX_SEV_NOTE, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“群众知晓率”的年度指标值“90%”未写比较符号，"
                            "按指标名称推定为越高越好");
    run_free(&r);

    run_init(&r); /* V110 a label before the value */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].target = txt("场次≥10场");
    expect(&r, p, "V110", "V110", JX_SEV_NOTE, __LINE__);
    CHECK_STR(r.d.a[0].msg, "指标“培训场次”的年度指标值“场次≥10场”含说明文字，"
                            "按“≥10场”比较");
    run_free(&r);

    run_init(&r); /* S210 dates */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].target = txt("2024年12月31日前");
    p->unit_sheet.indicators[0].actual = txt("2024年11月30日");
    expect(&r, p, "S210", "S210", JX_SEV_NOTE, __LINE__);
    CHECK_STR(r.d.a[0].loc.path, "/unit_sheet/indicators/0/target");
    run_free(&r);

    run_init(&r); /* S211 不适用 */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].actual = txt("不适用");
    expect(&r, p, "S211", "S211", JX_SEV_NOTE, __LINE__);
    run_free(&r);

    run_init(&r); /* S212 no points (and the blocks/sum then fail) */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[2].points.present = false;
    expect(&r, p, "S212 S301 S303", "S212", JX_SEV_WARNING, __LINE__);
    run_free(&r);

    run_init(&r); /* S213 no stated score: note when recomputed */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[2].score.present = false;
    expect(&r, p, "S213", "S213", JX_SEV_NOTE, __LINE__);
    run_free(&r);

    run_init(&r); /* S213 warning when neither */
    p = clean_pkg(r.a);
    row = &p->unit_sheet.indicators[2];
    row->score.present = false;
    row->actual = txt("不适用");
    p->unit_sheet.stated_total = num("90");
    expect(&r, p, "S211 S213", "S213", JX_SEV_WARNING, __LINE__);
    run_free(&r);

    run_init(&r); /* S214 qualitative without band */
    p = clean_pkg(r.a);
    ind(&p->unit_sheet.indicators[1], "效益指标", "环境质量", "有效提升",
        "明显提升", "30", "30");
    expect(&r, p, "S214", "S214", JX_SEV_NOTE, __LINE__);
    run_free(&r);

    run_init(&r); /* S215 overflow */
    p = clean_pkg(r.a);
    ind(&p->unit_sheet.indicators[0], "产出指标", "培训场次",
        "≥922337203685477581场", "922337203685477580场", "50", "50");
    p->unit_sheet.indicators[0].deviation = txt("说明。");
    {
        /* 50 × 922337203685477580 / 922337203685477581 overflows */
        const struct jx_eval *ev = score(&r, p);
        CHECK_STR(codes(&r.d), "S215");
        CHECK(!ev->sheets[0].indicators[0].has_value);
        CHECK_STR(val(&ev->sheets[0].total), "100.00");
    }
    run_free(&r);
}

/* Block findings. */
static void t_findings_blocks(void)
{
    struct run r;
    struct jx_package *p;

    run_init(&r); /* S301: 45/35/10 (sum still 100) */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].points = num("45");
    p->unit_sheet.indicators[0].score = num("45");
    p->unit_sheet.indicators[1].points = num("35");
    p->unit_sheet.indicators[1].score = num("35");
    expect(&r, p, "S301 S301", "S301", JX_SEV_NOTE, __LINE__);
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：产出指标分值合计 45，"
                            "原则上应为 50（特殊情况须说明）");
    run_free(&r);

    run_init(&r); /* S302 unknown level-1 */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[2].level1 = txt("其他指标");
    {
        const struct jx_eval *ev = score(&r, p);
        CHECK_STR(codes(&r.d), "S301 S302");
        CHECK(ev->sheets[0].blocks[JX_BLOCK_OTHER].has_value);
        CHECK_STR(val(&ev->sheets[0].blocks[JX_BLOCK_OTHER]), "10");
        CHECK_STR(val(&ev->sheets[0].points_total), "100");
    }
    run_free(&r);
}

/* The form's execution-row weight and a form without a 分值 column. */
static void t_form_weights(void)
{
    struct run r;
    struct jx_package *p;

    run_init(&r); /* a 20-point row on a form that weighs it 20: no S104 */
    p = clean_pkg(r.a);
    p->unit_sheet.exec_points = 20;
    p->unit_sheet.total.points = num("20");
    p->unit_sheet.total.score = num("20");
    p->unit_sheet.stated_total = num("110");
    expect(&r, p, "S303", "S303", JX_SEV_ERROR, __LINE__);
    run_free(&r);

    run_init(&r); /* 10 points on such a form: S104 names its 20 */
    p = clean_pkg(r.a);
    p->unit_sheet.exec_points = 20;
    expect(&r, p, "S104", "S104", JX_SEV_WARNING, __LINE__);
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：执行率分值 10 不是 20"
                            "（特殊情况须说明）");
    run_free(&r);

    run_init(&r); /* no points printed: the form's 20 */
    p = clean_pkg(r.a);
    p->unit_sheet.exec_points = 20;
    p->unit_sheet.total.points.present = false;
    p->unit_sheet.total.score = num("20");
    p->unit_sheet.stated_total = num("110");
    {
        const struct jx_eval *ev = score(&r, p);
        CHECK_STR(codes(&r.d), "S303");
        CHECK_STR(jx_rat_format_exact(ev->sheets[0].exec_score.points, false,
                                      (char[64]){0}),
                  "20");
        CHECK_STR(val(&ev->sheets[0].exec_score), "20.00");
        CHECK_STR(val(&ev->sheets[0].total), "110.00");
    }
    run_free(&r);

    run_init(&r); /* no 分值 column: no S212, no block or 分值 sums */
    p = clean_pkg(r.a);
    p->unit_sheet.cols_absent.points = true;
    for (size_t i = 0; i < p->unit_sheet.nindicators; i++) {
        p->unit_sheet.indicators[i].points.present = false;
    }
    {
        const struct jx_eval *ev = score(&r, p);
        CHECK_STR(codes(&r.d), "");
        CHECK(!ev->sheets[0].points_total.has_value);
        CHECK_STR(val(&ev->sheets[0].total), "100.00");
    }
    run_free(&r);

    run_init(&r); /* the same without the flag: every row is S212 */
    p = clean_pkg(r.a);
    for (size_t i = 0; i < p->unit_sheet.nindicators; i++) {
        p->unit_sheet.indicators[i].points.present = false;
    }
    score(&r, p);
    CHECK(strstr(codes(&r.d), "S212 S212 S212") != NULL);
    run_free(&r);

    run_init(&r); /* a level-1 name not read: no S302, no block sums */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[2].level1.s = NULL;
    score(&r, p);
    CHECK_STR(codes(&r.d), "");
    run_free(&r);
}

/* Project sheets get their own ids, paths and labels. */
static void t_project_sheets(void)
{
    struct run r;
    run_init(&r);
    struct jx_package *p = clean_pkg(r.a);
    p->project_sheets = jx_alloc_array(r.a, 2, sizeof *p->project_sheets);
    p->nproject_sheets = 2;
    p->project_sheets[0] = p->unit_sheet;
    p->project_sheets[0].kind = JX_SHEET_PROJECT;
    p->project_sheets[0].name = txt("业务工作经费");
    p->project_sheets[1] = p->unit_sheet;
    p->project_sheets[1].kind = JX_SHEET_PROJECT;
    p->project_sheets[1].total.score = num("9");
    p->project_sheets[1].stated_total = num("99");
    const struct jx_eval *ev = score(&r, p);
    CHECK_INT(ev->nsheets, 3);
    CHECK_STR(ev->sheets[1].id, "project_sheets[0]");
    CHECK_STR(ev->sheets[1].label, "项目支出绩效自评表（业务工作经费）");
    CHECK_STR(ev->sheets[2].label, "项目支出绩效自评表（第2张）");
    CHECK_STR(ev->sheets[2].exec_score.id, "project_sheets[1].execution_score");
    CHECK_STR(ev->sheets[2].indicators[1].path,
              "/project_sheets/1/indicators/1");
    CHECK_STR(codes(&r.d), "S102 S304");
    CHECK_STR(r.d.a[0].loc.path, "/project_sheets/1/funds/total/score");
    run_free(&r);
}

/* A provenance inferred by cutting run-together digits (raw as
 * printed). */
static const struct jx_prov *split_prov(struct jx_arena *a, const char *raw)
{
    struct jx_prov *pv = jx_alloc(a, sizeof *pv);
    pv->how = JX_HOW_SPLIT;
    pv->raw = raw;
    return pv;
}

/* S101 (issue 12): a rate printed 100% with the full score where the
 * amounts give 80.25% is one finding naming both; a stated score that
 * is right for the amounts leaves S101 alone; printed precision; an
 * inferred input makes it a warning. */
static void t_exec_printed_wrong(void)
{
    struct run r;
    struct jx_package *p;

    run_init(&r); /* trigger: 4012.50 / 5000 = 80.25%, printed 100% and 10 */
    p = clean_pkg(r.a);
    p->unit_sheet.total.budget_initial = amt("5000");
    p->unit_sheet.total.budget_full = amt("5000");
    p->unit_sheet.total.executed = amt("4012.50");
    p->unit_sheet.stated_total = num("100");
    expect(&r, p, "S101 S304", "S101", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[0].msg,
              "整体支出绩效自评表：表中执行率 100%、执行率得分 10 与按金额复核的"
              "执行率 80.25%、得分 8.03 不一致（表中得分按所写执行率计算，随之有误）");
    CHECK_STR(r.d.a[0].detail,
              "全年执行数 / 全年预算数 = 4012.50 / 5000.00 = 80.25%；"
              "min(80.25%, 100%) × 10 = 8.03");
    run_free(&r);

    run_init(&r); /* the score follows the amounts: S101 alone, as before */
    p = clean_pkg(r.a);
    p->unit_sheet.total.budget_full = amt("5000");
    p->unit_sheet.total.executed = amt("4012.50");
    p->unit_sheet.total.score = num("8.03");
    p->unit_sheet.stated_total = num("98.03");
    expect(&r, p, "S101", "S101", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：表中执行率 100% 与复核执行率 "
                            "80.25% 不一致");
    run_free(&r);

    run_init(&r); /* non-trigger: 60% and 6 printed for 59.58%: rounding */
    p = clean_pkg(r.a);
    p->unit_sheet.total.budget_full = amt("1200");
    p->unit_sheet.total.executed = amt("715");
    p->unit_sheet.total.rate = num("60%");
    p->unit_sheet.total.score = num("6");
    p->unit_sheet.stated_total = num("96");
    score(&r, p);
    CHECK_INT(r.d.count[JX_SEV_ERROR], 0);
    CHECK_INT(r.d.count[JX_SEV_WARNING], 0);
    CHECK_INT(find_code(&r.d, "S101") ? (int)find_code(&r.d, "S101")->severity
                                      : -1,
              JX_SEV_ROUNDING);
    run_free(&r);

    run_init(&r); /* inferred rate: a warning that says so */
    p = clean_pkg(r.a);
    p->unit_sheet.total.budget_full = amt("5000");
    p->unit_sheet.total.executed = amt("4012.50");
    p->unit_sheet.total.rate.prov = split_prov(r.a, "4012.50100%10");
    p->unit_sheet.stated_total = num("100");
    score(&r, p);
    const struct jx_diag *e = find_code(&r.d, "S101");
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->severity, JX_SEV_WARNING);
        CHECK(strstr(e->msg, "（该数由连在一起的数字按勾稽关系拆分推断：原文"
                             "“4012.50100%10”）") != NULL);
    }
    CHECK_INT(count_code(&r.d, "S102"), 0);
    run_free(&r);
}

/* S102 (issue 12): a fully met rate scored below its points, from the
 * amounts or, when they are missing, from the stated rate; the points
 * of the row as printed (20 on some forms), never a fixed 10. */
static void t_exec_full_underscored(void)
{
    struct run r;
    struct jx_package *p;

    run_init(&r); /* amounts missing, 100% printed, 9 of 10 */
    p = clean_pkg(r.a);
    p->unit_sheet.total.executed.present = false;
    p->unit_sheet.total.score = num("9");
    p->unit_sheet.stated_total = num("99");
    expect(&r, p, "S103 S102", "S102", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[1].msg, "整体支出绩效自评表：表中执行率 100% 已全部完成，"
                            "执行率得分应为满分 10，表中为 9（未填全年执行数或"
                            "全年预算数，按表中执行率复核）");
    run_free(&r);

    run_init(&r); /* amounts missing, 80% printed, 9 of 10 */
    p = clean_pkg(r.a);
    p->unit_sheet.total.executed.present = false;
    p->unit_sheet.total.rate = num("80%");
    p->unit_sheet.total.score = num("9");
    p->unit_sheet.stated_total = num("99");
    expect(&r, p, "S103 S102", "S102", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[1].msg, "整体支出绩效自评表：表中执行率得分 9 与按表中执行率 "
                            "80% × 分值 10 计算的 7.95～8.05 不一致（未填全年执行数"
                            "或全年预算数，按表中执行率复核）");
    run_free(&r);

    run_init(&r); /* non-trigger: a 20-point row, 100% and 20, no amount */
    p = clean_pkg(r.a);
    p->unit_sheet.total.executed.present = false;
    p->unit_sheet.total.points = num("20");
    p->unit_sheet.total.score = num("20");
    p->unit_sheet.indicators[0].points = num("40");
    p->unit_sheet.indicators[0].score = num("40");
    score(&r, p);
    CHECK_INT(count_code(&r.d, "S102"), 0);
    CHECK_INT(r.d.count[JX_SEV_ERROR], 0);
    run_free(&r);

    run_init(&r); /* non-trigger: 60% printed, 5.96 scored: within */
    p = clean_pkg(r.a);
    p->unit_sheet.total.executed.present = false;
    p->unit_sheet.total.rate = num("60%");
    p->unit_sheet.total.score = num("5.96");
    p->unit_sheet.stated_total = num("95.96");
    score(&r, p);
    CHECK_INT(count_code(&r.d, "S102"), 0);
    run_free(&r);

    run_init(&r); /* non-trigger: amounts equal and the full score */
    score(&r, clean_pkg(r.a));
    CHECK_INT(count_code(&r.d, "S102"), 0);
    run_free(&r);
}

/* S307 (issue 12): a 总分 that leaves the execution row out; with the
 * indicators' 分值 already 100 (110 with the row) S303 is folded in. */
static void t_total_no_exec(void)
{
    struct run r;
    struct jx_package *p;

    run_init(&r); /* 60 + 30 + 10 = 100 indicators, + 10: 110; total 100 */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].points = num("60");
    p->unit_sheet.indicators[0].score = num("60");
    expect(&r, p, "S301 S307", "S307", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[1].msg,
              "整体支出绩效自评表：表中总分 100 只是各指标得分之和，未计入执行率"
              "得分 10（计入后为 110）；各指标分值之和已为 100，加上执行率分值 10 "
              "共 110，超过满分 100");
    CHECK_STR(r.d.a[1].loc.path, "/unit_sheet/stated_total");
    run_free(&r);

    run_init(&r); /* 分值 right (90 + 10), total = Σ indicator 得分 90 */
    p = clean_pkg(r.a);
    p->unit_sheet.stated_total = num("90");
    expect(&r, p, "S307", "S307", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[0].msg, "整体支出绩效自评表：表中总分 90 只是各指标得分之和，"
                            "未计入执行率得分 10（计入后为 100）");
    run_free(&r);

    run_init(&r); /* inferred points: a warning */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].points = num("60");
    p->unit_sheet.indicators[0].score = num("60");
    p->unit_sheet.indicators[0].points.prov = split_prov(r.a, "6060");
    score(&r, p);
    CHECK(find_code(&r.d, "S307") &&
          find_code(&r.d, "S307")->severity == JX_SEV_WARNING);
    run_free(&r);

    run_init(&r); /* non-trigger: the total counts the row (S303 only) */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].points = num("60");
    p->unit_sheet.indicators[0].score = num("60");
    p->unit_sheet.stated_total = num("110");
    expect(&r, p, "S301 S303", "S303", JX_SEV_ERROR, __LINE__);
    run_free(&r);

    run_init(&r); /* non-trigger: an execution score of 0 */
    p = clean_pkg(r.a);
    p->unit_sheet.total.executed = amt("0");
    p->unit_sheet.total.rate = num("0%");
    p->unit_sheet.total.score = num("0");
    p->unit_sheet.stated_total = num("90");
    score(&r, p);
    CHECK_INT(count_code(&r.d, "S307"), 0);
    run_free(&r);
}

/* S308 (issue 12): a 总分 above every row's 分值 together; S303 and
 * S304 are folded in. */
static void t_total_above_max(void)
{
    struct run r;
    struct jx_package *p;

    run_init(&r); /* 44 + 30 + 10 + 10 = 94, total 98 */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].points = num("44");
    p->unit_sheet.indicators[0].score = num("44");
    p->unit_sheet.stated_total = num("98");
    expect(&r, p, "S301 S308", "S308", JX_SEV_ERROR, __LINE__);
    CHECK_STR(r.d.a[1].msg,
              "整体支出绩效自评表：表中总分 98 高于各行分值之和 94（指标 84 + 执行率 "
              "10），各行得分最多合计 94；分值合计 94 也不等于 100");
    CHECK_STR(r.d.a[1].detail, "复核总分 10.00 + 44.00 + 30.00 + 10.00 = 94.00");
    run_free(&r);

    run_init(&r); /* the 分值 add up; total 100.5 printed */
    p = clean_pkg(r.a);
    p->unit_sheet.stated_total = num("100.5");
    expect(&r, p, "S308", "S308", JX_SEV_ERROR, __LINE__);
    run_free(&r);

    run_init(&r); /* no 分值 printed on the execution row: a warning */
    p = clean_pkg(r.a);
    p->unit_sheet.total.points.present = false;
    p->unit_sheet.stated_total = num("100.5");
    score(&r, p);
    CHECK(find_code(&r.d, "S308") &&
          find_code(&r.d, "S308")->severity == JX_SEV_WARNING);
    run_free(&r);

    run_init(&r); /* non-trigger: 100.4 printed as 100 (precision) */
    p = clean_pkg(r.a);
    p->unit_sheet.stated_total = num("100");
    score(&r, p);
    CHECK_INT(count_code(&r.d, "S308"), 0);
    run_free(&r);

    run_init(&r); /* non-trigger: a row scored above its 分值 is S202's */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[1].score = num("32");
    p->unit_sheet.stated_total = num("102");
    score(&r, p);
    CHECK_INT(count_code(&r.d, "S308"), 0);
    CHECK_INT(count_code(&r.d, "S202"), 1);
    run_free(&r);

    run_init(&r); /* non-trigger: total 94 for rows of 94 (S303 only) */
    p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].points = num("44");
    p->unit_sheet.indicators[0].score = num("44");
    p->unit_sheet.stated_total = num("94");
    expect(&r, p, "S301 S303", "S303", JX_SEV_ERROR, __LINE__);
    run_free(&r);
}

/* Findings carry the row's provenance. */
static void t_prov(void)
{
    struct run r;
    run_init(&r);
    struct jx_package *p = clean_pkg(r.a);
    struct jx_prov *pv = jx_alloc(r.a, sizeof *pv);
    pv->file = "梅溪.docx";
    pv->table = 2;
    pv->row = 7;
    p->unit_sheet.indicators[0].prov = pv;
    p->unit_sheet.indicators[0].score = num("49");
    p->unit_sheet.stated_total = num("99");
    score(&r, p);
    CHECK_STR(codes(&r.d), "S201 S204 S304");
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    jx_diag_format(&b, &r.d.a[0]);
    CHECK_STR(b.p, "梅溪.docx 表2/行7 /unit_sheet/indicators/0/score: "
                   "错误[S201]: 指标“培训场次”自评得分 49 与复核得分 50.00 "
                   "不一致\n"
                   "    实际完成值 12场 ≥ 年度指标值 10场，得满分 50"
                   "（规则 quant-higher）\n");
    jx_buf_release(&b);
    CHECK_STR(r.d.a[1].loc.file, "梅溪.docx");
    CHECK_STR(r.d.a[2].loc.file, "clean.json");
    run_free(&r);
}

/* ---- Evaluation JSON ------------------------------------------------ */

/* The JSON has the documented shape and exact decimal strings. */
static void t_json(void)
{
    struct run r;
    run_init(&r);
    struct jx_package *p = clean_pkg(r.a);
    p->unit_sheet.indicators[0].score = num("49");
    p->unit_sheet.stated_total = num("99");
    const struct jx_eval *ev = score(&r, p);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    CHECK_INT(jx_eval_json(ev, &r.d, &b), 0);
    json_error_t err;
    json_t *doc = json_loads(b.p, 0, &err);
    CHECK(doc != NULL);
    if (doc) {
        CHECK_STR(json_string_value(json_object_get(doc, "format")),
                  "jixiao-evaluation");
        CHECK_INT(json_integer_value(json_object_get(doc, "version")), 1);
        CHECK_STR(json_string_value(json_object_get(doc, "unit")), "测试单位");
        CHECK_INT(json_integer_value(json_object_get(doc, "year")), 2024);
        json_t *sh = json_array_get(json_object_get(doc, "sheets"), 0);
        json_t *rate = json_object_get(sh, "execution_rate");
        CHECK_STR(json_string_value(json_object_get(rate, "value")),
                  "100.00%");
        CHECK_STR(json_string_value(json_object_get(rate, "stated")), "100%");
        CHECK_STR(json_string_value(json_object_get(rate, "agrees")), "yes");
        CHECK_STR(json_string_value(json_object_get(rate, "rule")),
                  "exec-rate");
        json_t *in0 = json_array_get(json_object_get(rate, "inputs"), 0);
        CHECK_STR(json_string_value(json_object_get(in0, "name")),
                  "全年执行数");
        CHECK_STR(json_string_value(json_object_get(in0, "value")),
                  "100.00万元");
        json_t *i0 = json_array_get(json_object_get(sh, "indicators"), 0);
        CHECK_STR(json_string_value(json_object_get(i0, "value")), "50.00");
        CHECK_STR(json_string_value(json_object_get(i0, "points")), "50");
        CHECK_STR(json_string_value(json_object_get(i0, "stated")), "49");
        CHECK_STR(json_string_value(json_object_get(i0, "agrees")), "no");
        CHECK_STR(json_string_value(json_object_get(i0, "path")),
                  "/unit_sheet/indicators/0");
        CHECK(json_is_null(json_object_get(i0, "note")));
        json_t *blocks = json_object_get(sh, "blocks");
        CHECK_STR(json_string_value(json_object_get(
                      json_object_get(blocks, "output"), "value")),
                  "50");
        CHECK(json_object_get(blocks, "other") == NULL);
        CHECK_STR(json_string_value(json_object_get(
                      json_object_get(sh, "total"), "value")),
                  "100.00");
        CHECK_STR(json_string_value(json_object_get(sh, "grade")), "优");
        json_t *f0 = json_array_get(json_object_get(doc, "findings"), 0);
        CHECK_STR(json_string_value(json_object_get(f0, "code")), "S201");
        CHECK_STR(json_string_value(json_object_get(f0, "severity")),
                  "error");
        json_t *loc = json_object_get(f0, "location");
        CHECK_STR(json_string_value(json_object_get(loc, "file")),
                  "clean.json");
        CHECK_STR(json_string_value(json_object_get(loc, "path")),
                  "/unit_sheet/indicators/0/score");
        CHECK(json_is_null(json_object_get(loc, "line")));
        json_t *sum = json_object_get(doc, "summary");
        CHECK_INT(json_integer_value(json_object_get(sum, "errors")), 2);
        CHECK_INT(json_integer_value(json_object_get(sum, "warnings")), 1);
        /* no JSON reals anywhere */
        CHECK(strstr(b.p, "e+") == NULL);
        json_decref(doc);
    }
    /* a capped buffer reports -1 */
    struct jx_buf small;
    jx_buf_init(&small, 64);
    CHECK_INT(jx_eval_json(ev, &r.d, &small), -1);
    jx_buf_release(&small);
    /* no evaluation: findings only */
    jx_buf_reset(&b);
    CHECK_INT(jx_eval_json(NULL, &r.d, &b), 0);
    doc = json_loads(b.p, 0, &err);
    CHECK(doc && json_array_size(json_object_get(doc, "sheets")) == 0);
    CHECK(doc && json_is_null(json_object_get(doc, "unit")));
    json_decref(doc);
    jx_buf_release(&b);
    run_free(&r);
}

/* Invalid UTF-8 in a label is replaced, keeping the JSON valid. */
static void t_json_bad_utf8(void)
{
    struct run r;
    run_init(&r);
    struct jx_package *p = clean_pkg(r.a);
    p->unit.name = txt("单位\xFF名");
    const struct jx_eval *ev = score(&r, p);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    CHECK_INT(jx_eval_json(ev, &r.d, &b), 0);
    json_t *doc = json_loads(b.p, 0, NULL);
    CHECK(doc != NULL);
    CHECK_STR(json_string_value(json_object_get(doc, "unit")),
              "单位\xEF\xBF\xBD名");
    json_decref(doc);
    jx_buf_release(&b);
    run_free(&r);
}

/* The findings and values of p scored fully and briefly are the same:
 * code, severity, place, message and detail (the formula a finding
 * quotes), each item's value and agreement; a brief indicator row has
 * no inputs.  Returns the brief findings' codes (static buffer). */
static const char *same_brief(struct jx_package *p, int line)
{
    static char got[4096];
    struct run f, b;
    run_init(&f);
    run_init(&b);
    const struct jx_eval *ef = jx_score(f.a, p, &f.pol, &f.d);
    const struct jx_eval *eb = jx_score_brief(b.a, p, &b.pol, &b.d);
    if (f.d.n != b.d.n) {
        jx_test_fail(__FILE__, line, "findings: %zu full, %zu brief", f.d.n,
                     b.d.n);
    }
    for (size_t i = 0; i < f.d.n && i < b.d.n; i++) {
        const struct jx_diag *x = &f.d.a[i], *y = &b.d.a[i];
        const char *xd = x->detail ? x->detail : "", *yd = y->detail ? y->detail : "";
        if (strcmp(x->code, y->code) != 0 || x->severity != y->severity ||
            strcmp(x->msg, y->msg) != 0 || strcmp(xd, yd) != 0 ||
            strcmp(x->loc.path ? x->loc.path : "",
                   y->loc.path ? y->loc.path : "") != 0) {
            jx_test_fail(__FILE__, line, "finding %zu: %s %s | %s brief %s %s | %s",
                         i, x->code, x->msg, xd, y->code, y->msg, yd);
        }
    }
    for (size_t s = 0; s < ef->nsheets; s++) {
        const struct jx_sheet_eval *sf = &ef->sheets[s], *sb = &eb->sheets[s];
        const struct jx_item *pf[2] = {&sf->total, &sf->points_total};
        const struct jx_item *pb[2] = {&sb->total, &sb->points_total};
        for (size_t i = 0; i < sf->nindicators + 2; i++) {
            const struct jx_item *x = i < 2 ? pf[i] : &sf->indicators[i - 2];
            const struct jx_item *y = i < 2 ? pb[i] : &sb->indicators[i - 2];
            if (x->has_value != y->has_value || x->agrees != y->agrees ||
                (x->has_value && jx_rat_cmp(x->value, y->value) != 0) ||
                strcmp(x->rule ? x->rule : "", y->rule ? y->rule : "") != 0) {
                jx_test_fail(__FILE__, line, "item %zu of sheet %zu differs", i, s);
            }
            if (i >= 2 && y->ninputs != 0) {
                jx_test_fail(__FILE__, line, "brief row %zu has inputs", i - 2);
            }
        }
    }
    snprintf(got, sizeof got, "%s", codes(&b.d));
    run_free(&f);
    run_free(&b);
    return got;
}

/* jx_score_brief: the findings of jx_score, with their details, without
 * the rows' derivations. */
static void t_brief(void)
{
    struct run r;
    struct jx_indicator *row;

    run_init(&r); /* S201: the formula its detail quotes, made for it */
    struct jx_package *p = clean_pkg(r.a);
    row = &p->unit_sheet.indicators[0];
    row->actual = txt("8场");
    row->deviation = txt("场地原因。");
    CHECK_STR(same_brief(p, __LINE__), "S201 S304");
    struct jx_diags d;
    jx_diags_init(&d, r.a);
    const struct jx_eval *ev = jx_score_brief(r.a, p, &r.pol, &d);
    CHECK_STR(d.a[0].detail,
              "分值 × 实际完成值 / 年度指标值 = 50 × 8场 / 10场 = 40.00"
              "（规则 quant-higher）");
    CHECK_STR(d.a[1].detail,
              "10.00 + 40.00 + 30.00 + 10.00 = 90.00");
    CHECK_INT((int)ev->sheets[0].indicators[0].ninputs, 0);
    CHECK_STR(ev->sheets[0].indicators[0].formula, "");
    jx_diags_release(&d);
    run_free(&r);

    run_init(&r); /* S205 over target (its numbers), S203 outside a band,
                     a range, a lower-is-better row, S201 rounding */
    p = clean_pkg(r.a);
    row = &p->unit_sheet.indicators[0];
    ind(row, "产出指标", "培训场次", "≥10场", "15场", "50", "50");
    row = &p->unit_sheet.indicators[1];
    ind(row, "效益指标", "群众知晓率", "90%-95%", "97%", "30", "29");
    row->deviation = txt("超出。");
    row = &p->unit_sheet.indicators[2];
    ind(row, "满意度指标", "服务对象满意度", "≥90%", "89%", "10", "9.88");
    row->deviation = txt("个别投诉。");
    CHECK_STR(same_brief(p, __LINE__), "S205 S201 S201 S304");
    run_free(&r);

    run_init(&r); /* a qualitative row outside its band (S203) */
    p = clean_pkg(r.a);
    row = &p->unit_sheet.indicators[1];
    ind(row, "效益指标", "群众知晓情况", "明显提升", "部分提升", "30", "30");
    row->achievement = JX_ACH_PARTIAL;
    CHECK_STR(same_brief(p, __LINE__), "S203");
    run_free(&r);
}

const struct jx_test t_score[] = {
    {"score.policy", t_policy},
    {"score.grades", t_grades},
    {"score.seed003", t_seed003},
    {"score.exec_single", t_exec_single},
    {"score.exec_cap", t_exec_cap},
    {"score.budget_zero", t_budget_zero},
    {"score.quant_higher", t_quant_higher},
    {"score.quant_lower", t_quant_lower},
    {"score.quant_exact", t_quant_exact},
    {"score.clamp", t_clamp},
    {"score.qual_bands", t_qual_bands},
    {"score.qual_implied", t_qual_implied},
    {"score.clean", t_clean},
    {"score.findings_funds", t_findings_funds},
    {"score.findings_indicators", t_findings_indicators},
    {"score.findings_blocks", t_findings_blocks},
    {"score.form_weights", t_form_weights},
    {"score.project_sheets", t_project_sheets},
    {"score.prov", t_prov},
    {"score.exec_printed_wrong", t_exec_printed_wrong},
    {"score.exec_full_underscored", t_exec_full_underscored},
    {"score.total_no_exec", t_total_no_exec},
    {"score.total_above_max", t_total_above_max},
    {"score.json", t_json},
    {"score.json_bad_utf8", t_json_bad_utf8},
    {"score.brief", t_brief},
    {NULL, NULL},
};
