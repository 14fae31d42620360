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

/* A framework of one computed item (d, 60 points) and one judgement
 * item (m, 40 points: bands 全面 [40, 40], 部分 [20, 39], zero case),
 * grades 优/良/中/差, and the given extra top-level keys ("" or
 * "\"years\": …,"); NULL (with a failed check) when it does not load. */
static struct jx_framework *two_items(struct jx_arena *a, const char *extra,
                                      struct jx_diags *d)
{
    const char *text = jx_sprintf(
        a,
        "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"t\","
        " \"title\": \"T\", \"source\": \"S\", %s"
        " \"grades\": [{\"name\": \"优\", \"range\": \"[90, 100]\"},"
        "  {\"name\": \"良\", \"range\": \"[80, 90)\"},"
        "  {\"name\": \"中\", \"range\": \"[60, 80)\"},"
        "  {\"name\": \"差\", \"range\": \"[0, 60)\"}],"
        " \"items\": ["
        "  {\"id\": \"d\", \"level1\": \"甲\", \"level2\": \"算\","
        "   \"points\": \"60\", \"rule\": {\"type\": \"deduct\", \"input\": \"0\"}},"
        "  {\"id\": \"m\", \"level1\": \"乙\", \"level2\": \"判\","
        "   \"points\": \"40\", \"rule\": {\"type\": \"manual\", \"zero\": \"空\","
        "   \"bands\": [{\"name\": \"全面\", \"range\": \"[40, 40]\"},"
        "             {\"name\": \"部分\", \"range\": \"[20, 39]\"}]}}]}",
        extra);
    jx_diags_init(d, a);
    struct jx_framework *fw = jx_framework_load(a, "t.json", text,
                                                strlen(text), d);
    CHECK(fw != NULL);
    return fw;
}

/* Evaluate fw over p with the run-time overrides ov (NULL-terminated,
 * or NULL); findings in d. */
static struct jx_fw_result *run(struct jx_arena *a,
                                const struct jx_framework *fw,
                                const struct jx_package *p,
                                const char *const *ov, struct jx_diags *d)
{
    struct jx_fw_env env;
    memset(&env, 0, sizeof env);
    env.overrides = ov;
    return jx_framework_eval(a, fw, p, &env, d);
}

/* The messages of d with a code, joined by "\n" (arena). */
static const char *msgs(struct jx_arena *a, const struct jx_diags *d,
                        const char *code)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            jx_buf_addf(&b, "%s%s", b.len ? "\n" : "", d->a[i].msg);
        }
    }
    const char *r = jx_strdup(a, b.len ? b.p : "");
    jx_buf_release(&b);
    return r;
}

/* While an item awaits a judgement the total is a range marked 待判断
 * and there is no grade (text, JSON); the reviewer's judgement by item
 * id settles it: an exact total and a grade. */
static void t_pending(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    struct jx_framework *fw = two_items(a, "", &d);
    if (!fw) {
        jx_arena_free(a);
        return;
    }
    struct jx_fw_result *r = run(a, fw, NULL, NULL, &d);
    CHECK_INT(r->njudge, 1);
    CHECK(r->grade == NULL);
    CHECK_STR(r->items[1].used_from, "下限");
    CHECK(!r->items[1].settled);
    CHECK_STR(jx_fw_result_total_text(a, r), "60.00–100.00 待判断");
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    CHECK_INT(jx_fw_result_text(&b, r), 0);
    CHECK(strstr(b.p, "合计：60.00–100.00（满分 100）\n") != NULL);
    CHECK(strstr(b.p, "总分：60.00–100.00 待判断（1 项需人工判断，判断前不评等级）\n") != NULL);
    CHECK(strstr(b.p, "待判断：m 0–40（用 --set 编号=得分 给出判断）\n") != NULL);
    CHECK(strstr(b.p, "小计：甲 60.00 / 60；乙 0.00–40.00 / 40\n") != NULL);
    CHECK(strstr(b.p, "等级：") == NULL);
    jx_buf_reset(&b);
    CHECK_INT(jx_fw_result_json(&b, r), 0);
    CHECK(strstr(b.p, "\"pending\": 1,") != NULL);
    CHECK(strstr(b.p, "\"total_text\": \"60.00–100.00 待判断\",") != NULL);
    CHECK(strstr(b.p, "\"grade\": null,") != NULL);
    CHECK(strstr(b.p, "\"id\": \"total\",\n    \"label\": \"总分\",\n"
                      "    \"rule\": \"fw-total\",\n"
                      "    \"formula\": \"60.00–100.00 待判断\",\n"
                      "    \"inputs\": [],\n    \"value\": null,") != NULL);
    CHECK(strstr(b.p, "\"id\": \"total_before\",\n    \"label\": \"合计\",\n"
                      "    \"rule\": \"fw-sum\",\n"
                      "    \"formula\": \"60.00–100.00 待判断\",\n") != NULL);
    CHECK(strstr(b.p, "\"value\": \"0（下限）\"\n      }\n    ],\n"
                      "    \"value\": null,") != NULL);
    jx_diags_release(&d);

    /* the judgement: 30 (in 部分) → 90.00, 优 */
    static const char *const ok[] = {"m=30", NULL};
    jx_diags_init(&d, a);
    r = run(a, fw, NULL, ok, &d);
    CHECK_INT(r->njudge, 0);
    CHECK_STR(r->grade, "优");
    CHECK_STR(r->items[1].used_from, "判断");
    CHECK(r->items[1].settled);
    CHECK_STR(jx_fw_result_total_text(a, r), "90.00");
    CHECK_INT(d.count[JX_SEV_ERROR], 0);
    jx_buf_reset(&b);
    CHECK_INT(jx_fw_result_text(&b, r), 0);
    CHECK(strstr(b.p, "总分：90.00  等级：优\n") != NULL);
    CHECK(strstr(b.p, "判断 30") != NULL);
    CHECK(strstr(b.p, "待判断") == NULL);
    jx_diags_release(&d);

    /* the zero case is a judgement too */
    static const char *const zero[] = {"m=0", NULL};
    jx_diags_init(&d, a);
    r = run(a, fw, NULL, zero, &d);
    CHECK_INT(r->njudge, 0);
    CHECK_STR(r->grade, "中");
    jx_diags_release(&d);

    /* not taken (F118): in no band, above the points, a computed item,
     * not a number; m still awaits judgement */
    static const char *const bad[] = {"m=39.5", "d=5", NULL};
    jx_diags_init(&d, a);
    r = run(a, fw, NULL, bad, &d);
    CHECK_INT(r->njudge, 1);
    CHECK(r->grade == NULL);
    CHECK_STR(msgs(a, &d, "F118"),
              "“d=5”：指标“算”已按规则算出 60，不需要人工判断\n"
              "“m=39.5”：判断 39.5 不在指标“判”的任何评分档次内（全面 [40, 40]、部分 [20, 39]）");
    jx_diags_release(&d);
    static const char *const bad2[] = {"m=41", "m=abc", NULL};
    jx_diags_init(&d, a);
    r = run(a, fw, NULL, bad2, &d);
    CHECK_INT(r->njudge, 1);
    CHECK_STR(msgs(a, &d, "F118"),
              "对指标“判”的判断“abc”不是得分（应为 0 至 40 之间的数，如 m=40）\n"
              "“m=41”：判断 41 超出指标“判”规则允许的范围 [0, 40]");
    jx_diags_release(&d);
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* An interval from its text (a failed check when it does not parse). */
static struct jx_fw_range range_of_text(struct jx_arena *a, const char *t)
{
    struct jx_fw_range r;
    memset(&r, 0, sizeof r);
    const char *err = NULL;
    size_t pos = 0;
    CHECK(jx_fw_range_parse(a, t, strlen(t), &r, &err, &pos));
    return r;
}

/* A package of a unit and year (either may be NULL / 0: not stated). */
static struct jx_package *unit_pkg(struct jx_arena *a, const char *name,
                                   int year)
{
    struct jx_package *p = jx_package_new(a);
    p->unit.name.s = name;
    p->year = (struct jx_count){year != 0, year, NULL};
    return p;
}

/* The framework's years and region against the package's (F215). */
static void t_applies(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    struct jx_framework *fw = two_items(
        a,
        "\"years\": \"[2024, 2024]\", \"region\": \"岳阳市岳阳楼区\","
        " \"places\": [\"岳阳楼区\"],",
        &d);
    if (!fw) {
        jx_arena_free(a);
        return;
    }
    CHECK(fw->has_years);
    CHECK_STR(fw->region, "岳阳市岳阳楼区");
    CHECK_INT(fw->nplaces, 1);
    struct jx_fw_result *r =
        run(a, fw, unit_pkg(a, "岳阳市岳阳楼区公共服务和网格化中心", 2024), NULL,
            &d);
    CHECK(r->mismatch == NULL);
    CHECK_STR(msgs(a, &d, "F215"), "");
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    r = run(a, fw, unit_pkg(a, "株洲市芦淞区网格化管理服务中心", 2022), NULL, &d);
    CHECK_STR(r->mismatch,
              "评价框架 t 是岳阳市岳阳楼区 2024 年度的规则，材料是"
              "株洲市芦淞区网格化管理服务中心 2022 年度的：地区和年度都不同，"
              "得分仅供参考");
    CHECK_STR(msgs(a, &d, "F215"), r->mismatch);
    CHECK_INT(d.count[JX_SEV_WARNING], 1);
    jx_diags_release(&d);
    /* the 地区 recognised is named rather than the unit */
    jx_diags_init(&d, a);
    struct jx_package *p = unit_pkg(a, "株洲市芦淞区网格化管理服务中心", 2024);
    p->unit.region.s = "株洲市芦淞区";
    r = run(a, fw, p, NULL, &d);
    CHECK_STR(r->mismatch, "评价框架 t 是岳阳市岳阳楼区的规则，材料是株洲市芦淞区的："
                           "地区不同，得分仅供参考");
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    r = run(a, fw, unit_pkg(a, "岳阳楼区梅溪街道办事处", 2023), NULL, &d);
    CHECK_STR(r->mismatch, "评价框架 t 是 2024 年度的规则，材料是 2023 年度的："
                           "年度不同，得分仅供参考");
    jx_diags_release(&d);
    /* nothing stated: nothing compared */
    jx_diags_init(&d, a);
    r = run(a, fw, unit_pkg(a, NULL, 0), NULL, &d);
    CHECK(r->mismatch == NULL);
    jx_diags_release(&d);

    /* a framework that states neither applies anywhere; an open end */
    fw = two_items(a, "\"years\": \"[2020, +inf)\",", &d);
    if (fw) {
        r = run(a, fw, unit_pkg(a, "株洲市芦淞区网格化管理服务中心", 2022), NULL,
                &d);
        CHECK(r->mismatch == NULL);
        r = run(a, fw, unit_pkg(a, "某单位", 2019), NULL, &d);
        CHECK_STR(r->mismatch, "评价框架 t 是 2020 年度起的规则，材料是 2019 年度的："
                               "年度不同，得分仅供参考");
    }
    jx_diags_release(&d);

    /* extends: the child's years and region when written, else the
     * base's */
    jx_diags_init(&d, a);
    struct jx_framework *base = two_items(
        a, "\"years\": \"[2024, 2024]\", \"region\": \"湖南省\","
           " \"places\": [\"湖南\", \"株洲\"],", &d);
    const char *child_text =
        "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"c\","
        " \"title\": \"C\", \"source\": \"S\", \"extends\": \"t\"}";
    struct jx_framework *child = jx_framework_load(
        a, "c.json", child_text, strlen(child_text), &d);
    CHECK(base != NULL && child != NULL);
    if (base && child) {
        struct jx_framework *m = jx_framework_extend(a, base, child, &d);
        CHECK(m != NULL && m->has_years && m->nplaces == 2);
        CHECK(m != NULL && m->region && strcmp(m->region, "湖南省") == 0);
        child->has_years = true;
        child->years = range_of_text(a, "[2025, +inf)");
        child->region = "深圳市";
        static const char *sz[] = {"深圳"};
        child->places = sz;
        child->nplaces = 1;
        m = jx_framework_extend(a, base, child, &d);
        r = run(a, m, unit_pkg(a, "株洲市芦淞区网格化管理服务中心", 2024), NULL, &d);
        CHECK_STR(r->mismatch, "评价框架 c 是深圳市 2025 年度起的规则，材料是"
                               "株洲市芦淞区网格化管理服务中心 2024 年度的：地区和年度都不同，"
                               "得分仅供参考");
    }
    jx_diags_release(&d);

    /* bad values are located load errors */
    jx_diags_init(&d, a);
    const char *text =
        "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"t\","
        " \"title\": \"T\", \"source\": \"S\", \"years\": \"[2025, 2024]\","
        " \"region\": \"某地\", \"places\": [\"某\", 3],"
        " \"items\": [{\"id\": \"m\", \"level1\": \"乙\", \"points\": \"100\","
        " \"rule\": {\"type\": \"deduct\", \"input\": \"0\"}}]}";
    CHECK(jx_framework_load(a, "t.json", text, strlen(text), &d) == NULL);
    CHECK_INT(d.count[JX_SEV_ERROR], 2);
    CHECK(d.n >= 2 && strcmp(d.a[0].code, "F110") == 0);
    CHECK(d.n >= 2 && strcmp(d.a[1].code, "F103") == 0);
    CHECK(d.n >= 2 && d.a[1].loc.path && strcmp(d.a[1].loc.path, "/places/1") == 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

const struct jx_test t_assess[] = {
    {"assess.pending", t_pending},
    {"assess.applies", t_applies},
    {"assess.inputs", t_inputs},
    {"assess.split", t_split},
    {"assess.problems", t_problems},
    {"assess.measures", t_measures},
    {NULL, NULL},
};
