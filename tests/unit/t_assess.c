/* t_assess.c - the analysers of problems (七) and measures (八). */
#include "harness.h"

#include "jixiao/assess.h"
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

const struct jx_test t_assess[] = {
    {"assess.split", t_split},
    {"assess.problems", t_problems},
    {"assess.measures", t_measures},
    {NULL, NULL},
};
