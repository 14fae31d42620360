/*
 * assess.c - the package as the environment of a rule framework: the
 * named inputs its expressions read, the functions they call and the
 * suggesters of its judgement items (assess.h, docs/frameworks.md).
 *
 * Every input is computed from the package as it is (forms first, then
 * the figures of the report prose); what the package does not hold is
 * "missing" with a reason, never a guess, and a zero denominator is
 * 不适用 (N/A).  Amounts are in 万元 as exact rationals.
 */
#include "assess/assess.h"
#include "jixiao/facts.h"
#include "jixiao/indval.h"

#include <string.h>

/* The state behind an env. */
struct actx {
    struct jx_arena *a;
    const struct jx_package *pkg;
    const struct jx_eval *ev;
    struct jx_assess_opts o;
    struct jx_facts facts;       /* the report's figures */
    bool have_facts;
    bool analysed;               /* problems / measures below are set */
    struct jx_text_analysis problems, measures;
};

/* A number value. */
static struct jx_fw_value num(struct jx_rat r, bool percent)
{
    struct jx_fw_value v = {0};
    v.kind = JX_FWV_NUM;
    v.num = r;
    v.percent = percent;
    return v;
}

/* A missing value with its reason. */
static struct jx_fw_value missing(const char *why)
{
    struct jx_fw_value v = {0};
    v.kind = JX_FWV_MISSING;
    v.why = why;
    return v;
}

/* An N/A value with its reason. */
static struct jx_fw_value na(const char *why)
{
    struct jx_fw_value v = {0};
    v.kind = JX_FWV_NA;
    v.why = why;
    return v;
}

/* An amount as a value in 万元, shown with its unit; missing if absent. */
static struct jx_fw_value amount(struct jx_arena *a, const struct jx_amt *m,
                                 const char *what)
{
    if (!m->present) {
        return missing(jx_sprintf(a, "材料中没有%s", what));
    }
    struct jx_rat r;
    if (jx_rat_make(m->v.fen, 1000000, &r) != JX_NUM_OK) {
        return missing(jx_sprintf(a, "%s超出可计算范围", what));
    }
    char buf[JX_NUM_BUFSZ];
    struct jx_fw_value v = num(r, false);
    v.shown = jx_sprintf(a, "%s万元",
                         jx_money_format(m->v, JX_WANYUAN, 2,
                                         JX_ROUND_HALF_UP, buf));
    return v;
}

/* a / b of two amounts as a rate; N/A when b is 0, missing when either
 * is absent. */
static struct jx_fw_value ratio(struct jx_arena *a, const struct jx_amt *x,
                                const struct jx_amt *y, const char *what)
{
    if (!x->present || !y->present) {
        return missing(jx_sprintf(a, "材料中没有计算%s所需的金额", what));
    }
    if (y->v.fen == 0) {
        return na(jx_sprintf(a, "%s的分母为 0，不适用", what));
    }
    struct jx_rat r;
    if (jx_rat_money_div(x->v, y->v, &r) != JX_NUM_OK) {
        return missing(jx_sprintf(a, "%s超出可计算范围", what));
    }
    return num(r, true);
}

/* A count as a value. */
static struct jx_fw_value count(int64_t n)
{
    return num(jx_rat_int(n), false);
}

/* A date as a value; missing when absent. */
static struct jx_fw_value date(struct jx_arena *a, const struct jx_date *d,
                               const char *what)
{
    if (!d->present) {
        return missing(jx_sprintf(a, "没有%s（可用命令行参数给出）", what));
    }
    struct jx_fw_value v = {0};
    v.kind = JX_FWV_DATE;
    v.y = d->y;
    v.m = d->m;
    v.d = d->d;
    return v;
}

/* True when the text is present and not blank. */
static bool has(const struct jx_text *t)
{
    return t->s && *t->s;
}

/* The text of section no when it has any, else NULL. */
static const char *section(const struct jx_package *p, int no)
{
    for (size_t i = 0; i < p->report.nsections; i++) {
        if (p->report.sections[i].no == no && has(&p->report.sections[i].text)) {
            return p->report.sections[i].text.s;
        }
    }
    return NULL;
}

/* The report's project spending is above 0 (base sheet, unit sheet, or
 * a 项目支出 figure of the prose). */
static bool spends_on_projects(struct actx *c)
{
    const struct jx_package *p = c->pkg;
    if (p->base.project.final.present) {
        return p->base.project.final.v.fen > 0;
    }
    if (p->has_unit_sheet && p->unit_sheet.funds[JX_FUND_PROJECT].executed.present) {
        return p->unit_sheet.funds[JX_FUND_PROJECT].executed.v.fen > 0;
    }
    for (size_t i = 0; i < c->facts.n; i++) {
        const struct jx_fact *f = &c->facts.a[i];
        if (f->kind == JX_FACT_MONEY && strstr(f->label, "项目支出") &&
            f->money.fen > 0) {
            return true;
        }
    }
    return false;
}

/* materials_missing: of 自评报告, 基础数据表, 整体支出绩效自评表 and (when
 * the unit spends on projects) 项目支出绩效自评表, how many are absent. */
static struct jx_fw_value materials_missing(struct jx_arena *a, struct actx *c)
{
    const struct jx_package *p = c->pkg;
    int n = !p->report.present;
    n += !jx_base_handed_in(p);
    n += !p->has_unit_sheet;
    n += p->nproject_sheets == 0 && spends_on_projects(c);
    struct jx_fw_value v = count(n);
    struct jx_buf b;
    jx_buf_init(&b, 1024);
    const char *names[4] = {"自评报告", "基础数据表", "整体支出绩效自评表",
                            "项目支出绩效自评表"};
    bool miss[4] = {!p->report.present, !jx_base_handed_in(p), !p->has_unit_sheet,
                    p->nproject_sheets == 0 && spends_on_projects(c)};
    for (int i = 0; i < 4; i++) {
        if (miss[i]) {
            jx_buf_addf(&b, "%s%s", b.len ? "、" : "", names[i]);
        }
    }
    v.shown = n ? jx_sprintf(a, "%d 项（缺%s）", n, b.p) : "0 项";
    jx_buf_release(&b);
    return v;
}

/* report_elements_missing: of 整体支出情况 (二…五), 总体绩效情况 (六),
 * 存在问题 (七), 改进措施 (八) and 结果应用 (九, saying how the results
 * will be used), how many the report lacks. */
static struct jx_fw_value elements_missing(struct jx_arena *a, struct actx *c)
{
    const struct jx_package *p = c->pkg;
    bool spend = false;
    for (int no = 2; no <= 5; no++) {
        spend = spend || section(p, no) != NULL;
    }
    const char *nine = section(p, 9);
    static const char *const use_words[] = {"应用", "运用", "依据", "参考",
                                            "挂钩", "结合", "反馈", NULL};
    bool use = false;
    for (const char *const *w = use_words; nine && *w && !use; w++) {
        use = strstr(nine, *w) != NULL;
    }
    const char *names[5] = {"整体支出情况", "总体绩效情况", "存在问题",
                            "改进措施", "结果应用"};
    bool miss[5] = {!spend, !section(p, 6), !section(p, 7), !section(p, 8),
                    !use};
    int n = 0;
    struct jx_buf b;
    jx_buf_init(&b, 1024);
    for (int i = 0; i < 5; i++) {
        if (miss[i]) {
            n++;
            jx_buf_addf(&b, "%s%s", b.len ? "、" : "", names[i]);
        }
    }
    struct jx_fw_value v = count(n);
    v.shown = n ? jx_sprintf(a, "%d 项（缺%s%s）", n, b.p,
                             miss[4] && nine ? "；第九部分没有说明结果如何应用" : "")
                : "0 项";
    jx_buf_release(&b);
    return v;
}

/* The indicator rows of the unit sheet, else of the project sheets
 * (*n rows); NULL when the package has none. */
static void all_rows(const struct jx_package *p,
                     void (*fn)(const struct jx_indicator *, void *),
                     void *arg, size_t *n)
{
    *n = 0;
    if (p->has_unit_sheet) {
        for (size_t i = 0; i < p->unit_sheet.nindicators; i++) {
            fn(&p->unit_sheet.indicators[i], arg);
            (*n)++;
        }
    }
    for (size_t s = 0; s < p->nproject_sheets; s++) {
        for (size_t i = 0; i < p->project_sheets[s].nindicators; i++) {
            fn(&p->project_sheets[s].indicators[i], arg);
            (*n)++;
        }
    }
}

/* Counts of rows with a 三级指标 name. */
static void count_level3(const struct jx_indicator *r, void *arg)
{
    *(size_t *)arg += has(&r->name);
}

/* level3_share: rows with a 三级指标 / all rows. */
static struct jx_fw_value level3_share(struct actx *c)
{
    size_t with = 0, n;
    all_rows(c->pkg, count_level3, &with, &n);
    if (!n) {
        return missing("材料中没有绩效指标表（整体或项目支出绩效自评表）");
    }
    struct jx_rat r;
    jx_rat_make((int64_t)with, (int64_t)n, &r);
    return num(r, true);
}

/* Σ 分值 of the 产出 and 效益 rows and of all rows. */
struct shares {
    struct jx_rat ob, all;
    bool bad;
};

/* Add one row's 分值 to the shares. */
static void add_share(const struct jx_indicator *r, void *arg)
{
    struct shares *s = arg;
    if (!r->points.present) {
        return;
    }
    enum jx_block b = jx_block_of(r->level1.s ? r->level1.s : "");
    s->bad = s->bad || jx_rat_add(s->all, r->points.v, &s->all) != JX_NUM_OK;
    if (b == JX_BLOCK_OUTPUT || b == JX_BLOCK_BENEFIT) {
        s->bad = s->bad || jx_rat_add(s->ob, r->points.v, &s->ob) != JX_NUM_OK;
    }
}

/* output_benefit_share: Σ 分值 of 产出 + 效益 rows / Σ 分值 of all rows. */
static struct jx_fw_value output_benefit_share(struct actx *c)
{
    struct shares s = {jx_rat_int(0), jx_rat_int(0), false};
    size_t n;
    all_rows(c->pkg, add_share, &s, &n);
    if (!n || jx_rat_sign(s.all) == 0 || s.bad) {
        return missing("材料中没有带分值的绩效指标");
    }
    struct jx_rat r;
    if (jx_rat_div(s.ob, s.all, &r) != JX_NUM_OK) {
        return missing("产出、效益指标分值占比无法计算");
    }
    return num(r, true);
}

/* indicators_over(t): rows of the unit sheet (else the project sheets)
 * whose numeric actual exceeds a higher-is-better target by at least t
 * ((actual − target) / target ≥ t). */
static struct jx_fw_value indicators_over(struct jx_arena *a, struct actx *c,
                                          struct jx_rat t)
{
    const struct jx_package *p = c->pkg;
    int64_t n = 0;
    size_t rows = 0;
    const struct jx_sheet *sheets[64];
    size_t ns = 0;
    if (p->has_unit_sheet) {
        sheets[ns++] = &p->unit_sheet;
    }
    for (size_t s = 0; s < p->nproject_sheets && ns < 64; s++) {
        sheets[ns++] = &p->project_sheets[s];
    }
    for (size_t s = 0; s < ns; s++) {
        for (size_t i = 0; i < sheets[s]->nindicators; i++) {
            const struct jx_indicator *r = &sheets[s]->indicators[i];
            rows++;
            if (!has(&r->target) || !has(&r->actual)) {
                continue;
            }
            struct jx_indval tv, av;
            jx_indval_parse(a, r->target.s, strlen(r->target.s), &tv);
            jx_indval_parse(a, r->actual.s, strlen(r->actual.s), &av);
            if (tv.kind != JX_IV_NUMBER || av.kind != JX_IV_NUMBER ||
                !jx_indval_comparable(&tv, &av) ||
                (tv.op != JX_OP_GE && tv.op != JX_OP_GT &&
                 tv.op != JX_OP_NONE && tv.op != JX_OP_EQ) ||
                av.op != JX_OP_NONE || jx_rat_sign(tv.num) <= 0) {
                continue;
            }
            struct jx_rat d, rel;
            if (jx_rat_sub(av.num, tv.num, &d) == JX_NUM_OK &&
                jx_rat_div(d, tv.num, &rel) == JX_NUM_OK &&
                jx_rat_cmp(rel, t) >= 0) {
                n++;
            }
        }
    }
    if (!rows) {
        return missing("材料中没有绩效指标表");
    }
    struct jx_fw_value v = count(n);
    v.shown = jx_sprintf(a, "%lld 个指标", (long long)n);
    return v;
}

/* "（第 N 行）" for a fact with a source line, else "". */
static const char *where(struct jx_arena *a, const struct jx_fact *f)
{
    return f->prov.line > 0 ? jx_sprintf(a, "（第 %d 行）", f->prov.line) : "";
}

/* Σ score / Σ 分值 of the unit sheet's rows in block b: the recomputed
 * score where there is one, else the stated one brought into 0…分值. */
static struct jx_fw_value block_rate(struct actx *c, enum jx_block b)
{
    const struct jx_package *p = c->pkg;
    if (!p->has_unit_sheet || !c->ev || !c->ev->nsheets) {
        return missing("材料中没有整体支出绩效自评表");
    }
    const struct jx_sheet_eval *se = &c->ev->sheets[0];
    struct jx_rat got = jx_rat_int(0), pts = jx_rat_int(0);
    bool bad = false;
    size_t rows = 0;
    for (size_t i = 0; i < se->nindicators && i < p->unit_sheet.nindicators;
         i++) {
        const struct jx_indicator *r = &p->unit_sheet.indicators[i];
        const struct jx_item *it = &se->indicators[i];
        if (jx_block_of(r->level1.s ? r->level1.s : "") != b ||
            !r->points.present) {
            continue;
        }
        struct jx_rat v;
        if (it->has_value) {
            v = it->value;
        } else if (it->has_stated) {
            v = jx_rat_max(jx_rat_int(0), jx_rat_min(it->stated, r->points.v));
        } else {
            return missing(jx_sprintf(c->a, "指标“%s”没有得分，无法复核",
                                      r->name.s ? r->name.s : "?"));
        }
        rows++;
        bad = bad || jx_rat_add(got, v, &got) != JX_NUM_OK ||
              jx_rat_add(pts, r->points.v, &pts) != JX_NUM_OK;
    }
    struct jx_rat r;
    if (!rows || bad || jx_rat_sign(pts) == 0 ||
        jx_rat_div(got, pts, &r) != JX_NUM_OK) {
        return missing(jx_sprintf(c->a, "整体支出绩效自评表没有%s", jx_block_zh(b)));
    }
    return num(r, true);
}

/* A stated 控制率-style figure of the prose: the first percentage whose
 * label holds key; missing when there is none. */
static struct jx_fw_value prose_percent(struct jx_arena *a, struct actx *c,
                                        const char *key, const char *what)
{
    for (size_t i = 0; i < c->facts.n; i++) {
        const struct jx_fact *f = &c->facts.a[i];
        if (f->kind == JX_FACT_PERCENT && strstr(f->label, key)) {
            struct jx_fw_value v = num(f->value, true);
            v.shown = jx_sprintf(a, "%s%s", f->text, where(a, f));
            return v;
        }
    }
    return missing(jx_sprintf(a, "报告中没有%s", what));
}

/* spent / budget of the prose sentence about key ("日常公用经费预算安排
 * 20.75万元，实际支出20.25万元"): N/A when the budget is 0. */
static struct jx_fw_value prose_control(struct jx_arena *a, struct actx *c,
                                        const char *key, const char *what)
{
    /* first a budget figure whose own label names key, then one in a
     * sentence that does ("三公经费预算 0 万元" is not 公用经费's) */
    for (size_t k = 0; k < 2 * c->facts.n; k++) {
        size_t i = k % c->facts.n;
        bool by_label = k < c->facts.n;
        if (i + 1 >= c->facts.n) {
            continue;
        }
        const struct jx_fact *b = &c->facts.a[i], *e = &c->facts.a[i + 1];
        if (b->kind != JX_FACT_MONEY || e->kind != JX_FACT_MONEY ||
            strcmp(b->sentence, e->sentence) != 0 ||
            !strstr(by_label ? b->label : b->sentence, key) ||
            !strstr(b->label, "预算") ||
            !(strstr(e->label, "实际") || strstr(e->label, "支出") ||
              strstr(e->label, "决算"))) {
            continue;
        }
        if (b->money.fen == 0) {
            return na(jx_sprintf(a, "报告中%s预算为 0%s，比率不适用", what,
                                 where(a, b)));
        }
        struct jx_rat r;
        if (jx_rat_money_div(e->money, b->money, &r) != JX_NUM_OK) {
            break;
        }
        struct jx_fw_value v = num(r, true);
        char b1[JX_NUM_BUFSZ];
        v.shown = jx_sprintf(a, "%s（%s / %s）%s",
                             jx_rat_format(r, 2, true, JX_ROUND_HALF_UP, b1),
                             e->text, b->text, where(a, e));
        return v;
    }
    return missing(jx_sprintf(a, "报告中没有%s的预算和实际支出", what));
}

/* 编外人员控制率 from the prose's counts: 编外 / (在编 + 编外) of the
 * sentence stating the rate. */
static struct jx_fw_value outsourced_rate(struct jx_arena *a, struct actx *c)
{
    const struct jx_fact *in = NULL, *out = NULL;
    for (size_t i = 0; i < c->facts.n; i++) {
        const struct jx_fact *f = &c->facts.a[i];
        if (f->kind != JX_FACT_HEADCOUNT) {
            continue;
        }
        if (strstr(f->label, "编外") && !out) {
            out = f;
        } else if (strstr(f->label, "在编") && !strstr(f->label, "编外")) {
            in = f; /* the last 在编 before the 编外 */
        }
        if (out) {
            break;
        }
    }
    if (!in || !out) {
        return missing("报告中没有在编和编外人数");
    }
    struct jx_rat d, r;
    if (jx_rat_add(in->value, out->value, &d) != JX_NUM_OK ||
        jx_rat_sign(d) == 0 || jx_rat_div(out->value, d, &r) != JX_NUM_OK) {
        return na("在编与编外人数均为 0，比率不适用");
    }
    struct jx_fw_value v = num(r, true);
    char b1[JX_NUM_BUFSZ];
    v.shown = jx_sprintf(a, "%s（编外 %s / (在编 %s + 编外 %s)）",
                         jx_rat_format(r, 2, true, JX_ROUND_HALF_UP, b1),
                         out->text, in->text, out->text);
    return v;
}

/* The named inputs (docs/frameworks.md lists them from this table). */
const struct jx_assess_input jx_assess_inputs[] = {
    {"year", "年度", "the year evaluated"},
    {"submitted", "报送日期", "date handed in (--submitted, else the package's)"},
    {"published", "公开日期", "date published (--published, else the package's)"},
    {"materials_missing", "缺少的材料", "of 自评报告, 基础数据表, 整体支出绩效自评表 and (when the unit spends on projects) 项目支出绩效自评表, how many are absent"},
    {"report_elements_missing", "报告正文缺少的内容", "of 整体支出情况 (二…五), 总体绩效情况 (六), 存在问题 (七), 改进措施 (八), 结果应用 (九 saying how results are used), how many are absent"},
    {"level3_share", "细化到三级的指标占比", "indicator rows with a 三级指标 / all rows"},
    {"output_benefit_share", "产出、效益指标分值占比", "Σ 分值 of 产出 + 效益 rows / Σ 分值 of all rows"},
    {"execution_rate", "预算执行率", "unit sheet 全年执行数 / 全年预算数"},
    {"execution_rate_printed", "预算执行率（按表列两位小数）", "execution_rate rounded half-up to 0.01% as the form prints it (the Hunan forms score from this: double rounding)"},
    {"output_score_rate", "产出指标得分率", "unit sheet: Σ scores of the 产出 rows (recomputed, else stated within 0…分值) / Σ their 分值"},
    {"benefit_score_rate", "效益指标得分率", "the same for the 效益 rows"},
    {"satisfaction_score_rate", "满意度指标得分率", "the same for the 满意度 rows"},
    {"budget_initial", "年初预算数", "unit sheet, 万元"},
    {"budget_full", "全年预算数", "unit sheet, 万元"},
    {"executed", "全年执行数", "unit sheet, 万元"},
    {"self_score", "单位自评总分", "the unit sheet's stated 总分"},
    {"self_score_recomputed", "复核总分", "the unit sheet's 总分 recomputed by the national rules"},
    {"staff_control_rate", "在职人员控制率", "base sheet 实际在职人数 / 编制数"},
    {"three_public_control_rate", "“三公”经费控制率", "三公经费 决算 / 预算 (base sheet, else the prose)"},
    {"three_public_change_rate", "“三公”经费变动率", "(本年预算 − 上年决算) / 上年决算, base sheet"},
    {"public_funds_control_rate", "公用经费控制率", "公用经费 决算 / 预算 (base sheet, else the prose's 日常公用经费)"},
    {"procurement_rate", "政府采购执行率", "政府采购金额 决算 / 预算, base sheet; else the rate the prose states"},
    {"budget_adjust_rate", "预算调整率", "(全年预算数 − 年初预算数) / 年初预算数, unit sheet"},
    {"outsourced_staff_rate", "编外人员控制率", "编外 / (在编 + 编外), from the prose's counts"},
    {"fixed_asset_use_rate", "固定资产利用率", "the rate the prose states for 固定资产"},
    {"satisfaction_rate", "满意度", "the 满意度 the prose states"},
    {"tasks_unfinished", "未完成的重点工作", "年度主要任务 of the goal sheet whose 完成情况 says 未完成 / 未按期"},
    {"q1_progress", "第一季度末累计支出进度", "not in the report forms: always missing unless set with --set"},
    {"q2_progress", "第二季度末累计支出进度", "likewise"},
    {"q3_progress", "第三季度末累计支出进度", "likewise"},
    {"q4_progress", "第四季度末累计支出进度", "likewise"},
    {NULL, NULL, NULL},
};

/* The functions of expressions. */
const char *const jx_assess_functions[] = {"late_workdays", "indicators_over",
                                           NULL};

/* Label of a named input, or NULL. */
static const char *label_of(const char *name)
{
    for (const struct jx_assess_input *in = jx_assess_inputs; in->name; in++) {
        if (strcmp(in->name, name) == 0) {
            return in->label;
        }
    }
    return NULL;
}

/* late_workdays(date, deadline): working days after the deadline up to
 * the date. */
static struct jx_fw_value late(struct jx_arena *a, struct actx *c,
                               const struct jx_fw_value *args, size_t n)
{
    if (n != 2) {
        return missing("late_workdays 需要两个参数：日期、截止日期");
    }
    for (size_t i = 0; i < 2; i++) {
        if (args[i].kind == JX_FWV_MISSING || args[i].kind == JX_FWV_NA) {
            return args[i];
        }
        if (args[i].kind != JX_FWV_DATE) {
            return missing("late_workdays 的参数应是日期");
        }
    }
    if (!c->o.cal) {
        return missing("没有工作日日历数据");
    }
    struct jx_cal_date d = {args[0].y, args[0].m, args[0].d};
    struct jx_cal_date dl = {args[1].y, args[1].m, args[1].d};
    int days = 0;
    const char *why = NULL;
    if (jx_calendar_late_workdays(c->o.cal, dl, d, &days, &why) != JX_CAL_OK) {
        return missing(why ? why : "无法计算工作日");
    }
    struct jx_fw_value v = count(days);
    v.shown = days ? jx_sprintf(a, "推迟 %d 个工作日（%04d-%02d-%02d，截止 %04d-%02d-%02d）",
                                days, d.y, d.m, d.d, dl.y, dl.m, dl.d)
                   : jx_sprintf(a, "按时（%04d-%02d-%02d，截止 %04d-%02d-%02d）",
                                d.y, d.m, d.d, dl.y, dl.m, dl.d);
    return v;
}

/* The env's resolver: named inputs and function calls. */
static bool resolve(void *ctx, struct jx_arena *a, const char *name,
                    const struct jx_fw_value *args, size_t nargs,
                    struct jx_fw_value *out, const char **label)
{
    struct actx *c = ctx;
    const struct jx_package *p = c->pkg;
    const struct jx_sheet *us = &p->unit_sheet;
    const struct jx_base_sheet *bs = &p->base;
    if (args) {
        if (strcmp(name, "late_workdays") == 0) {
            *out = late(a, c, args, nargs);
            *label = "";
            return true;
        }
        if (strcmp(name, "indicators_over") == 0) {
            if (nargs != 1 || args[0].kind != JX_FWV_NUM) {
                *out = missing("indicators_over 需要一个比例参数，如 30%");
            } else {
                *out = indicators_over(a, c, args[0].num);
            }
            char b1[JX_NUM_BUFSZ];
            *label = nargs == 1 && args[0].kind == JX_FWV_NUM
                         ? jx_sprintf(a, "完成值高于目标 %s 以上的指标",
                                      jx_rat_format(args[0].num, 0, true,
                                                    JX_ROUND_HALF_UP, b1))
                         : "超目标指标";
            return true;
        }
        return false;
    }
    const char *lab = label_of(name);
    if (!lab) {
        return false;
    }
    *label = lab;
    if (strcmp(name, "year") == 0) {
        *out = p->year.present ? count(p->year.v) : missing("没有年度");
    } else if (strcmp(name, "submitted") == 0) {
        *out = date(a, c->o.submitted.present ? &c->o.submitted
                                              : &p->submission.submitted,
                    "报送日期");
    } else if (strcmp(name, "published") == 0) {
        *out = date(a, c->o.published.present ? &c->o.published
                                              : &p->submission.published,
                    "公开日期");
    } else if (strcmp(name, "materials_missing") == 0) {
        *out = materials_missing(a, c);
    } else if (strcmp(name, "report_elements_missing") == 0) {
        *out = p->report.present ? elements_missing(a, c)
                                 : missing("材料中没有自评报告");
    } else if (strcmp(name, "level3_share") == 0) {
        *out = level3_share(c);
    } else if (strcmp(name, "output_benefit_share") == 0) {
        *out = output_benefit_share(c);
    } else if (strcmp(name, "execution_rate") == 0) {
        *out = ratio(a, &us->total.executed, &us->total.budget_full,
                     "预算执行率");
    } else if (strcmp(name, "execution_rate_printed") == 0) {
        *out = ratio(a, &us->total.executed, &us->total.budget_full,
                     "预算执行率");
        struct jx_rat r;
        if (out->kind == JX_FWV_NUM &&
            jx_rat_round(out->num, 4, JX_ROUND_HALF_UP, &r) == JX_NUM_OK) {
            out->num = r;
        }
    } else if (strcmp(name, "output_score_rate") == 0) {
        *out = block_rate(c, JX_BLOCK_OUTPUT);
    } else if (strcmp(name, "benefit_score_rate") == 0) {
        *out = block_rate(c, JX_BLOCK_BENEFIT);
    } else if (strcmp(name, "satisfaction_score_rate") == 0) {
        *out = block_rate(c, JX_BLOCK_SATISFACTION);
    } else if (strcmp(name, "budget_initial") == 0) {
        *out = amount(a, &us->total.budget_initial, "年初预算数");
    } else if (strcmp(name, "budget_full") == 0) {
        *out = amount(a, &us->total.budget_full, "全年预算数");
    } else if (strcmp(name, "executed") == 0) {
        *out = amount(a, &us->total.executed, "全年执行数");
    } else if (strcmp(name, "self_score") == 0) {
        *out = us->stated_total.present ? num(us->stated_total.v, false)
                                        : missing("整体支出绩效自评表没有总分");
    } else if (strcmp(name, "self_score_recomputed") == 0) {
        const struct jx_item *t = c->ev && c->ev->nsheets && p->has_unit_sheet
                                      ? &c->ev->sheets[0].total
                                      : NULL;
        *out = t && t->has_value ? num(t->value, false)
                                 : missing("整体支出绩效自评表的总分无法复核");
    } else if (strcmp(name, "staff_control_rate") == 0) {
        if (!bs->authorized.present || !bs->actual.present) {
            *out = missing("基础数据表没有编制数或实际在职人数");
        } else if (bs->authorized.v == 0) {
            *out = na("编制数为 0，控制率不适用");
        } else {
            struct jx_rat r;
            jx_rat_make(bs->actual.v, bs->authorized.v, &r);
            *out = num(r, true);
        }
    } else if (strcmp(name, "three_public_control_rate") == 0) {
        *out = bs->three_public.final.present
                   ? ratio(a, &bs->three_public.final, &bs->three_public.budget,
                           "“三公”经费控制率")
                   : prose_control(a, c, "三公", "“三公”经费");
    } else if (strcmp(name, "three_public_change_rate") == 0) {
        struct jx_money d;
        struct jx_amt diff = {0};
        if (bs->three_public.budget.present && bs->three_public.prev_final.present &&
            jx_money_sub(bs->three_public.budget.v, bs->three_public.prev_final.v,
                         &d) == JX_NUM_OK) {
            diff.present = true;
            diff.v = d;
        }
        *out = ratio(a, &diff, &bs->three_public.prev_final,
                     "“三公”经费变动率");
    } else if (strcmp(name, "public_funds_control_rate") == 0) {
        *out = bs->public_funds.final.present
                   ? ratio(a, &bs->public_funds.final, &bs->public_funds.budget,
                           "公用经费控制率")
                   : prose_control(a, c, "公用经费", "日常公用经费");
    } else if (strcmp(name, "procurement_rate") == 0) {
        *out = bs->procurement.final.present
                   ? ratio(a, &bs->procurement.final, &bs->procurement.budget,
                           "政府采购执行率")
                   : prose_percent(a, c, "政府采购执行率", "政府采购执行率");
    } else if (strcmp(name, "tasks_unfinished") == 0) {
        if (!p->has_goal_sheet || !p->goal_sheet.ntasks) {
            *out = missing("材料中没有年度主要任务表");
        } else {
            int64_t n = 0;
            for (size_t i = 0; i < p->goal_sheet.ntasks; i++) {
                const char *st = p->goal_sheet.tasks[i].status.s;
                n += st && (strstr(st, "未完成") || strstr(st, "未按期") ||
                            strstr(st, "未能完成"));
            }
            *out = count(n);
        }
    } else if (strncmp(name, "q", 1) == 0 && strstr(name, "_progress")) {
        *out = missing("报告没有各季度末的累计支出进度");
    } else if (strcmp(name, "budget_adjust_rate") == 0) {
        struct jx_money d;
        struct jx_amt diff = {0};
        if (us->total.budget_full.present && us->total.budget_initial.present &&
            jx_money_sub(us->total.budget_full.v, us->total.budget_initial.v,
                         &d) == JX_NUM_OK) {
            diff.present = true;
            diff.v = d;
        }
        *out = ratio(a, &diff, &us->total.budget_initial, "预算调整率");
    } else if (strcmp(name, "outsourced_staff_rate") == 0) {
        *out = outsourced_rate(a, c);
    } else if (strcmp(name, "fixed_asset_use_rate") == 0) {
        *out = prose_percent(a, c, "固定资产", "固定资产利用率");
    } else if (strcmp(name, "satisfaction_rate") == 0) {
        *out = prose_percent(a, c, "满意", "满意度");
    } else {
        return false;
    }
    return true;
}

/* Analyse sections 七 and 八 once. */
static void analyse(struct jx_arena *a, struct actx *c)
{
    if (!c->analysed) {
        jx_analyse_problems(a, c->pkg, &c->problems);
        jx_analyse_measures(a, c->pkg, &c->problems, &c->measures);
        c->analysed = true;
    }
}

/* The env's suggester: problems, measures, attachments. */
static bool suggest(void *ctx, struct jx_arena *a, const char *name,
                    const struct jx_fw_item *item,
                    struct jx_fw_suggestion *out)
{
    struct actx *c = ctx;
    (void)item;
    memset(out, 0, sizeof *out);
    if (strcmp(name, "problems") == 0 || strcmp(name, "measures") == 0) {
        analyse(a, c);
        const struct jx_text_analysis *t =
            name[0] == 'p' ? &c->problems : &c->measures;
        out->band = t->band;
        out->zero = t->zero;
        out->reasons = t->reasons;
        return true;
    }
    if (strcmp(name, "attachments") == 0) {
        const struct jx_package *p = c->pkg;
        struct jx_buf b;
        jx_buf_init(&b, 4096);
        if (!jx_base_handed_in(p)) {
            jx_buf_adds(&b, "没有基础数据表");
        }
        if (!p->has_unit_sheet) {
            jx_buf_addf(&b, "%s没有整体支出绩效自评表", b.len ? "、" : "");
        }
        if (!p->nproject_sheets && spends_on_projects(c)) {
            jx_buf_addf(&b, "%s没有项目支出绩效自评表", b.len ? "、" : "");
        }
        out->band = b.len ? "不完整" : "完整";
        out->reasons = b.len ? jx_sprintf(a, "附件%s，无法核对数据是否填写完整", b.p)
                             : "三张附表都已提交，空白单元格见 jixiao check（C606）";
        jx_buf_release(&b);
        return true;
    }
    return false;
}

/* Fill env with the package's inputs, functions and suggesters. */
void jx_assess_env(struct jx_arena *a, const struct jx_package *pkg,
                   const struct jx_eval *ev, const struct jx_assess_opts *o,
                   struct jx_fw_env *env)
{
    struct actx *c = jx_alloc(a, sizeof *c);
    memset(c, 0, sizeof *c);
    c->a = a;
    c->pkg = pkg;
    c->ev = ev;
    if (o) {
        c->o = *o;
    }
    /* the report's figures the inputs compare (no counts, no scores):
     * given (shared), else the package's own */
    c->facts = *jx_facts_measured(
        a, o && o->facts ? o->facts : jx_package_facts(a, pkg));
    memset(env, 0, sizeof *env);
    env->ctx = c;
    env->resolve = resolve;
    env->suggest = suggest;
    env->functions = jx_assess_functions;
    env->overrides = o ? o->overrides : NULL;
}
