/* t_assess.c - the analysers of problems (七) and measures (八). */
#include "harness.h"

#include "assess/assess.h"
#include "jixiao/pkgjson.h"

#include <string.h>

/* A package whose report has sections 七 and 八 with the given texts
 * (NULL: no such section); arena-owned. */
static struct jx_package *pkg(struct jx_arena *a, const char *seven,
                              const char *eight)
{
    struct jx_package *p = jx_package_new(a);
    p->report.present = true;
    p->report.sections = jx_alloc_array(a, 2, sizeof *p->report.sections);
    if (seven) {
        struct jx_section *s = &p->report.sections[p->report.nsections++];
        s->no = 7;
        s->text.s = seven;
    }
    if (eight) {
        struct jx_section *s = &p->report.sections[p->report.nsections++];
        s->no = 8;
        s->text.s = eight;
    }
    return p;
}

/* Items: numbered lines win over inline 一是; else inline; else
 * paragraphs. */
static void t_split(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_text_item *it;
    /* "2、" and "1." are one style; the inline 一是/二是 stay inside */
    CHECK_INT(jx_split_items(a, "1. 甲问题。一是细节；二是细节。\n\n2、乙问题。\n3. 丙问题", &it), 3);
    CHECK_STR(it[0].text, "甲问题。一是细节；二是细节。");
    CHECK_INT(jx_split_items(a, "前言。\n1. 甲问题。\n2. 乙问题。\n3. 丙问题。", &it), 3);
    CHECK_STR(it[0].text, "甲问题。");
    CHECK_STR(it[2].head, "丙问题");
    CHECK_INT(it[1].line, 2);
    CHECK_INT(jx_split_items(a, "一是资产账实不符。二是宣传不足；三是人员专业化程度不高。", &it), 3);
    CHECK_STR(it[1].text, "宣传不足；");
    CHECK_INT(jx_split_items(a, "（一）党建引领\n正文一。\n（二）节能降碳\n正文二。", &it), 2);
    CHECK_STR(it[0].head, "党建引领");
    CHECK_STR(it[0].text, "党建引领正文一。");
    CHECK_INT(jx_split_items(a, "第一段。\n\n第二段。", &it), 2);
    jx_arena_free(a);
}

/* Problems: areas, causes, the suggested band and its reasons. */
static void t_problems(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_text_analysis pr;
    jx_analyse_problems(a, pkg(a, "1. 预算编制不够精准，由于项目前期论证不足，执行率偏低。\n"
                                  "2. 固定资产账实不符，原因是清查不及时。\n"
                                  "3. 政府采购程序不规范，因采购计划编制滞后。\n"
                                  "4. 会计核算不规范，导致往来款长期挂账。",
                            NULL),
                        &pr);
    CHECK_INT(pr.nitems, 4);
    CHECK_STR(pr.band, "全面");
    CHECK_INT(pr.with_cause, 4);
    CHECK_STR(pr.reasons, "归纳问题 4 条，涉及预算和预算绩效管理、资产、财务管理、政府采购，"
                          "未涉及履职效能、资金分配；4 条分析了原因");
    jx_analyse_problems(a, pkg(a, "一是资产账实不符。二是宣传力度不足。", NULL), &pr);
    CHECK_STR(pr.band, "不全面"); /* two areas but no cause */
    jx_analyse_problems(a, pkg(a, "经费不足，工作难以开展。", NULL), &pr);
    CHECK(pr.zero);
    CHECK(pr.band == NULL);
    CHECK_STR(pr.reasons, "所列 1 条问题只是经费不足，按评分标准不得分");
    jx_analyse_problems(a, pkg(a, "工作有待加强。", NULL), &pr);
    CHECK_STR(pr.band, "过于简单");
    jx_analyse_problems(a, pkg(a, NULL, NULL), &pr);
    CHECK(pr.zero);
    CHECK(!pr.present);
    jx_arena_free(a);
}

/* Measures: only more money scores 0; which problems are answered. */
static void t_measures(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_text_analysis pr, me;
    struct jx_package *p =
        pkg(a, "1. 网格事件处置不及时，由于签收流程繁琐。\n"
               "2. 资产账实不符，原因是清查不及时。\n"
               "3. 信访案件较多，导致群众满意度下降。",
            "（一）优化网格事件处置流程，签收后两小时内分流。\n"
            "（二）开展资产清查，做到账实相符。\n"
            "（三）加强党建引领，提高政治站位。");
    jx_analyse_problems(a, p, &pr);
    jx_analyse_measures(a, p, &pr, &me);
    CHECK_INT(me.nitems, 3);
    CHECK_INT(pr.items[0].answers, 0);
    CHECK_INT(pr.items[1].answers, 1);
    CHECK_INT(pr.items[2].answers, -1);
    CHECK_INT(me.items[2].answers, -1);
    CHECK_INT(pr.unmatched, 1);
    CHECK_STR(me.band, "较全面");
    CHECK_STR(me.reasons, "改进措施 3 条，对应了 3 条问题中的 2 条；没有对应措施的："
                          "问题3“信访案件较多，导致群众满意度下降”；不对应所列问题的："
                          "措施3“加强党建引领，提高政治站位”");
    p = pkg(a, "1. 资产账实不符，原因是清查不及时。", "加大资金投入。");
    jx_analyse_problems(a, p, &pr);
    jx_analyse_measures(a, p, &pr, &me);
    CHECK(me.zero);
    CHECK_STR(me.reasons, "所列 1 条措施只是加大资金投入，按评分标准不得分");
    jx_arena_free(a);
}

/* Resolve a named input (args NULL) through env; the value. */
static struct jx_fw_value get(struct jx_arena *a, const struct jx_fw_env *env,
                              const char *name)
{
    struct jx_fw_value v = {0};
    const char *label = NULL;
    CHECK(env->resolve(env->ctx, a, name, NULL, 0, &v, &label));
    CHECK(label != NULL);
    return v;
}

/* The package's named inputs: materials, report elements, rates, and
 * late working days through the bundled calendar. */
static void t_inputs(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_package *p = pkg(a, "1. 资产账实不符，原因是清查不及时。", "开展资产清查。");
    p->year = (struct jx_count){true, 2024, NULL};
    p->has_unit_sheet = true;
    p->unit_sheet.total.budget_full = (struct jx_amt){true, {3911210000}, NULL};
    p->unit_sheet.total.executed = (struct jx_amt){true, {1902680000}, NULL};
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    CHECK_INT(jx_calendar_load_dir(
                  cal, jx_sprintf(a, "%s/data/calendar", jx_test_srcdir), &d),
              0);
    struct jx_assess_opts o = {{true, 2025, 7, 19, NULL}, {false, 0, 0, 0, NULL},
                               cal, NULL, NULL};
    struct jx_fw_env env;
    jx_assess_env(a, p, NULL, &o, &env);
    /* no 基础数据表; 整体支出绩效自评表 present; no project spending */
    struct jx_fw_value v = get(a, &env, "materials_missing");
    CHECK_INT(v.kind, JX_FWV_NUM);
    CHECK(jx_rat_cmp(v.num, jx_rat_int(1)) == 0);
    CHECK_STR(v.shown, "1 项（缺基础数据表）");
    /* sections 七 and 八 only: 整体支出情况, 总体绩效, 结果应用 missing */
    v = get(a, &env, "report_elements_missing");
    CHECK(jx_rat_cmp(v.num, jx_rat_int(3)) == 0);
    CHECK_STR(v.shown, "3 项（缺整体支出情况、总体绩效情况、结果应用）");
    v = get(a, &env, "execution_rate");
    CHECK(v.percent);
    char buf[JX_NUM_BUFSZ];
    CHECK_STR(jx_rat_format(v.num, 4, false, JX_ROUND_HALF_UP, buf), "0.4865");
    v = get(a, &env, "execution_rate_printed");
    CHECK_STR(jx_rat_format_exact(v.num, false, buf), "0.4865");
    v = get(a, &env, "submitted");
    CHECK_INT(v.kind, JX_FWV_DATE);
    CHECK_INT(v.d, 19);
    v = get(a, &env, "published");
    CHECK_INT(v.kind, JX_FWV_MISSING);
    v = get(a, &env, "staff_control_rate");
    CHECK_INT(v.kind, JX_FWV_MISSING);
    /* late_workdays(2025-07-19, 2025-07-15) = 3 (rules.md §7.4) */
    struct jx_fw_value args[2] = {{0}, {0}};
    args[0].kind = args[1].kind = JX_FWV_DATE;
    args[0].y = args[1].y = 2025;
    args[0].m = args[1].m = 7;
    args[0].d = 19;
    args[1].d = 15;
    const char *label = NULL;
    CHECK(env.resolve(env.ctx, a, "late_workdays", args, 2, &v, &label));
    CHECK(jx_rat_cmp(v.num, jx_rat_int(3)) == 0);
    CHECK_STR(v.shown, "推迟 3 个工作日（2025-07-19，截止 2025-07-15）");
    args[0].m = 8;
    args[0].d = 15;
    args[1].d = 30;
    CHECK(env.resolve(env.ctx, a, "late_workdays", args, 2, &v, &label));
    CHECK(jx_rat_cmp(v.num, jx_rat_int(12)) == 0);
    CHECK(!env.resolve(env.ctx, a, "no_such_input", NULL, 0, &v, &label));
    /* the suggester of 反映问题 */
    struct jx_fw_suggestion sg;
    CHECK(env.suggest(env.ctx, a, "problems", NULL, &sg));
    CHECK_STR(sg.band, "过于简单"); /* one short unnumbered problem */
    jx_diags_release(&d);
    jx_arena_free(a);
}

const struct jx_test t_assess[] = {
    {"assess.inputs", t_inputs},
    {"assess.split", t_split},
    {"assess.problems", t_problems},
    {"assess.measures", t_measures},
    {NULL, NULL},
};
