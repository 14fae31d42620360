/* t_check_ind.c - C4 (indicators), C6 (completeness), C7 (publication). */
#include "harness.h"

#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/pkgjson.h"
#include "jixiao/score.h"

#include <stdio.h>
#include <string.h>

/* The families of this file. */
enum fam { F_IND, F_COMPLETE, F_PUBLISH };

/* Load {head-fields, body}, score it, run one family and count the
 * findings with code; the last one is copied to *out (strings in a).
 * -1 when the package does not load cleanly. */
static int run(struct jx_arena *a, enum fam f, const char *body,
               const char *code, struct jx_diag *out)
{
    const char *json = jx_sprintf(
        a, "{\"format\":\"jixiao-package\",\"version\":1,"
           "\"unit\":{\"name\":\"测试中心\"},\"year\":2024%s%s}",
        *body ? "," : "", body);
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = jx_pkgjson_load(a, NULL, json, strlen(json), &d);
    if (!p || jx_diags_errors(&d)) {
        for (size_t i = 0; i < d.n; i++) {
            fprintf(stderr, "load: %s %s\n", d.a[i].code, d.a[i].msg);
        }
        jx_diags_release(&d);
        return -1;
    }
    struct jx_eval *ev = jx_score(a, p, NULL, &d);
    struct jx_check_config cfg;
    jx_check_config_default(&cfg);
    struct jx_check_ctx c = {.arena = a, .pkg = p, .ev = ev, .cfg = &cfg,
                             .diags = &d};
    size_t from = d.n;
    if (f == F_IND) {
        jx_check_indicators(&c);
    } else if (f == F_COMPLETE) {
        jx_check_complete(&c);
    } else {
        jx_check_publish(&c);
    }
    int n = 0;
    for (size_t i = from; i < d.n; i++) {
        if (strcmp(d.a[i].code, code) == 0) {
            *out = d.a[i];
            n++;
        }
    }
    jx_diags_release(&d);
    return n;
}

/* Expect exactly one finding code/sev/msg on body. */
static void one(enum fam f, const char *body, const char *code,
                enum jx_severity sev, const char *msg)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e = {0};
    CHECK_INT(run(a, f, body, code, &e), 1);
    CHECK_STR(e.code, code);
    CHECK_INT(e.severity, sev);
    CHECK_STR(e.msg, msg);
    jx_arena_free(a);
}

/* Expect no finding code on body. */
static void none(enum fam f, const char *body, const char *code)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e = {0};
    CHECK_INT(run(a, f, body, code, &e), 0);
    jx_arena_free(a);
}

/* A unit sheet with budget, executed and indicator rows. */
#define SHEET(budget, exec, inds)                                         \
    "\"unit_sheet\":{\"funds\":{\"total\":{\"budget_full\":\"" budget     \
    "\",\"executed\":\"" exec "\",\"points\":\"10\"}},"                   \
    "\"indicators\":[" inds "]}"

/* One indicator row. */
#define IND(l2, name, t, act)                                             \
    "{\"level1\":\"产出指标\",\"level2\":\"" l2 "\",\"name\":\"" name     \
    "\",\"target\":\"" t "\",\"actual\":\"" act "\",\"points\":\"10\","   \
    "\"score\":\"10\"}"

/* C401: a cost target equal to the executed amount, not the budget. */
static void t_c401(void)
{
    one(F_IND, SHEET("200", "150", IND("成本指标", "经费", "≤150万元",
                                       "150万元")),
        "C401", JX_SEV_WARNING,
        "整体支出绩效自评表指标“经费”的年度指标值“≤150万元”恰好等于全年"
        "执行数 150.00万元，疑为事后按执行数填写的目标");
    none(F_IND, SHEET("200", "150", IND("成本指标", "经费", "≤200万元",
                                        "150万元")),
         "C401");
    none(F_IND, SHEET("150", "150", IND("成本指标", "经费", "≤150万元",
                                        "150万元")),
         "C401");
}

/* C402: qualitative actuals copied from the targets, en masse. */
static void t_c402(void)
{
    one(F_IND,
        SHEET("100", "100",
              IND("时效指标", "甲", "及时", "及时") ","
              IND("时效指标", "乙", "及时", "及时") ","
              IND("时效指标", "丙", "持续推进", "持续推进")),
        "C402", JX_SEV_WARNING,
        "整体支出绩效自评表有 3 个指标的实际完成值照抄年度指标值，不是实际"
        "完成的情况：第1项“甲”（及时＝及时）、第2项“乙”（及时＝及时）、"
        "第3项“丙”（持续推进＝持续推进）");
    none(F_IND,
         SHEET("100", "100",
               IND("时效指标", "甲", "及时", "及时") ","
               IND("时效指标", "乙", "及时", "及时")),
         "C402");
    one(F_IND,
        "\"goal_sheet\":{\"indicators\":[" IND("质量指标", "达标率", "≥95%",
                                               "≥95%") "]}",
        "C402", JX_SEV_WARNING,
        "整体支出绩效目标完成情况自评表有 1 个指标的实际完成值照抄年度指标值，"
        "不是实际完成的情况：第1项“达标率”（≥95%＝≥95%）");
}

/* C403: kinds differ on the goal sheet (V104 covers scored sheets). */
static void t_c403(void)
{
    one(F_IND,
        "\"goal_sheet\":{\"indicators\":[" IND("时效指标", "及时性", "100%",
                                               "2023年12月20日完成") "]}",
        "C403", JX_SEV_WARNING,
        "整体支出绩效目标完成情况自评表有 1 个指标的年度指标值与实际完成值"
        "类型不一致，无法比较：第1项“及时性”（100% 对 2023年12月20日完成）");
    none(F_IND,
         SHEET("100", "100", IND("时效指标", "及时性", "100%",
                                 "2023年12月20日完成")),
         "C403");
}

/* Report sections with a given 七 text. */
#define REPORT7(t7)                                                       \
    "\"report\":{\"title\":\"2024年度测试中心自评报告\",\"sections\":["   \
    "{\"no\":1,\"title\":\"单位基本情况\",\"text\":\"本单位共有人员5人。\"}," \
    "{\"no\":7,\"title\":\"存在的问题\",\"text\":\"" t7 "\"}]}"

/* C404's message for the tests' rate of 50.00%. */
#define C404_AT_50                                                      \
    "整体支出绩效自评表执行率 50.00% 低于 100%，自评报告（包括第七部分" \
    "存在的问题）和偏差原因分析都没有说明原因（结余、结转、未支付、执行" \
    "进度等）"

/* C404: 执行率 below 100% explained nowhere. */
static void t_c404(void)
{
    one(F_IND,
        SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
        "," REPORT7("宣传力度不够。"),
        "C404", JX_SEV_WARNING,
        C404_AT_50);
    none(F_IND,
         SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
         "," REPORT7("部分项目资金结转下年使用。"),
         "C404");
    /* stating the rate is not explaining it; a reason with it is */
    one(F_IND,
        SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
        "," REPORT7("全年执行率 50.00%，宣传力度不够。"),
        "C404", JX_SEV_WARNING,
        C404_AT_50);
    none(F_IND,
         SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
         "," REPORT7("执行率偏低的原因是工程款按进度拨付。"),
         "C404");
    /* a word of money left over or naming the rate explains only with
     * its reason in the same sentence: 。；！？ and a line end close it */
    one(F_IND,
        SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
        "," REPORT7("资金有结余；由于采购价格下降。"),
        "C404", JX_SEV_WARNING,
        C404_AT_50);
    one(F_IND,
        SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
        "," REPORT7("执行率不高！原因待查。"),
        "C404", JX_SEV_WARNING,
        C404_AT_50);
    one(F_IND,
        SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
        "," REPORT7("资金有结余？年末再议。"),
        "C404", JX_SEV_WARNING,
        C404_AT_50);
    one(F_IND,
        SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
        "," REPORT7("执行进度一般\\n导致问题较多。"),
        "C404", JX_SEV_WARNING,
        C404_AT_50);
    none(F_IND,
         SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
         "," REPORT7("采购价格下降，资金有结余，因此执行进度放缓。"),
         "C404");
    none(F_IND,
         SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次"))
         "," REPORT7("支付进度较慢！"),
         "C404");
    /* no report read at all (the forms only): whether the report
     * explains it cannot be told, so a note */
    one(F_IND,
        SHEET("200", "100", IND("数量指标", "培训次数", "≥5次", "5次")),
        "C404", JX_SEV_NOTE,
        "整体支出绩效自评表执行率 50.00% 低于 100%，偏差原因分析没有说明原因；"
        "所读材料中没有自评报告，未能核对报告是否说明");
}

/* C404 in the prose, when no sheet states the year's rate. */
static void t_c404_prose(void)
{
    one(F_IND,
        "\"report\":{\"sections\":[{\"no\":2,\"text\":\"2022年预算资金256.14万元。"
        "2022年度单位一般公共预算财政拨款支出153.51万元，其中：项目支出56.65万元。\"}]}",
        "C404", JX_SEV_WARNING,
        "报告中预算资金 256.14万元，单位一般公共预算财政拨款支出 153.51万元，"
        "执行率 59.93% 低于 100%，报告没有说明原因（结余、结转、未支付、执行进度等）");
    none(F_IND,
         "\"report\":{\"sections\":[{\"no\":2,\"text\":\"2022年预算资金256.14万元。"
         "2022年度单位一般公共预算财政拨款支出153.51万元。\"},"
         "{\"no\":7,\"text\":\"部分项目年末未支付，资金结转下年使用。\"}]}",
         "C404");
    /* 结余 that says nothing about why: not an explanation */
    one(F_IND,
        "\"report\":{\"sections\":[{\"no\":2,\"text\":\"2022年预算资金256.14万元。"
        "2022年度单位一般公共预算财政拨款支出153.51万元。专项经费10.9万元（含结余指标），"
        "主要用于日常运转。\"}]}",
        "C404", JX_SEV_WARNING,
        "报告中预算资金 256.14万元，单位一般公共预算财政拨款支出 153.51万元，"
        "执行率 59.93% 低于 100%，报告没有说明原因（结余、结转、未支付、执行进度等）");
}

/* C405: vague targets listed per sheet. */
static void t_c405(void)
{
    one(F_IND, SHEET("100", "100", IND("社会效益指标", "群众满意",
                                       "有效提升", "明显提升")),
        "C405", JX_SEV_NOTE,
        "整体支出绩效自评表有 1 个指标的年度指标值是模糊的定性表述，无法衡量："
        "第1项“群众满意”（有效提升）");
    none(F_IND, SHEET("100", "100", IND("社会效益指标", "群众满意",
                                        "≥95%", "96%")),
         "C405");
}

/* C406: a qualitative target where a number is required. */
static void t_c406(void)
{
    one(F_IND, SHEET("100", "100", IND("数量指标", "培训", "较多", "较多")),
        "C406", JX_SEV_WARNING,
        "整体支出绩效自评表指标“培训”属于数量指标，年度指标值“较多”却不是"
        "可衡量的数值");
    none(F_IND, SHEET("100", "100", IND("数量指标", "培训", "≥5次", "6次")),
         "C406");
}

/* C407: the same indicator name twice in a sheet. */
static void t_c407(void)
{
    one(F_IND,
        SHEET("100", "100",
              IND("数量指标", "培训次数", "≥5次", "6次") ","
              IND("质量指标", "培训次数", "≥5次", "6次")),
        "C407", JX_SEV_WARNING,
        "整体支出绩效自评表第2项指标“培训次数”与第1项重名");
    none(F_IND,
         SHEET("100", "100",
               IND("数量指标", "培训次数", "≥5次", "6次") ","
               IND("质量指标", "培训人数", "≥5人", "6人")),
         "C407");
}

/* C407 with names repeated three times and interleaved: each first
 * row's namesakes in row order, then the next name's (the last finding
 * is the second name's); an unnamed row is nobody's namesake. */
static void t_c407_many(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e = {0};
    CHECK_INT(run(a, F_IND,
                  SHEET("100", "100",
                        IND("数量指标", "巡查次数", "≥5次", "6次") ","
                        IND("数量指标", "巡查人数", "≥5人", "6人") ","
                        IND("质量指标", "巡查次数", "≥5次", "6次") ","
                        IND("质量指标", "", "≥5次", "6次") ","
                        IND("时效指标", "巡查人数", "≥5人", "6人") ","
                        IND("时效指标", "巡查次数", "≥5次", "6次") ","
                        IND("成本指标", "", "≥5次", "6次")),
                  "C407", &e),
              3);
    CHECK_STR(e.msg, "整体支出绩效自评表第5项指标“巡查人数”与第2项重名");
    jx_arena_free(a);
    one(F_IND,
        SHEET("100", "100",
              IND("数量指标", "", "≥5次", "6次") ","
              IND("质量指标", "", "≥5次", "6次") ","
              IND("时效指标", "巡查次数", "≥5次", "6次") ","
              IND("成本指标", "巡查次数", "≥5次", "6次")),
        "C407", JX_SEV_WARNING,
        "整体支出绩效自评表第4项指标“巡查次数”与第3项重名");
}

/* Sections 1..n with short texts. */
static const char *sections(struct jx_arena *a, int n)
{
    struct jx_buf b;
    jx_buf_init(&b, 1 << 16);
    for (int k = 1; k <= n; k++) {
        jx_buf_addf(&b, "%s{\"no\":%d,\"title\":\"第%d部分\",\"text\":\"无\"}",
                    k > 1 ? "," : "", k, k);
    }
    const char *s = jx_strdup(a, b.p);
    jx_buf_release(&b);
    return s;
}

/* C601: a section of the outline missing; Shenzhen outline accepted. */
static void t_c601(void)
{
    struct jx_arena *a = jx_arena_new();
    one(F_COMPLETE,
        jx_sprintf(a, "\"report\":{\"title\":\"2024年度测试中心自评报告\","
                      "\"sections\":[%s]}", sections(a, 9)),
        "C601", JX_SEV_WARNING,
        "自评报告缺少 1 个部分：十、其他需要说明的情况（共 9 个部分，应有 10 "
        "个）");
    none(F_COMPLETE,
         jx_sprintf(a, "\"report\":{\"title\":\"测试中心2023年度部门整体绩效"
                       "评价报告\",\"sections\":[%s]}", sections(a, 4)),
         "C601");
    jx_arena_free(a);
}

/* C601 for a project report: its parts are topics, found in any
 * section title whatever the numbering; the Shenzhen outline's missing
 * parts are named by their titles. */
static void t_c601_outlines(void)
{
    one(F_COMPLETE,
        "\"report\":{\"title\":\"测试中心2024年度某某项目绩效自评报告\","
        "\"sections\":[{\"no\":1,\"title\":\"项目概况\",\"text\":\"无。\"},"
        "{\"no\":2,\"title\":\"绩效目标实现情况\",\"text\":\"无。\"}]}",
        "C601", JX_SEV_WARNING,
        "项目支出绩效自评报告没有写到：存在的问题及原因分析、改进措施和建议"
        "（各部分标题中都没有；项目自评报告应写明项目基本情况、绩效目标完成情况"
        "、存在的问题及原因分析、改进措施和建议）");
    none(F_COMPLETE,
         "\"report\":{\"title\":\"测试中心2024年度某某项目绩效自评报告\","
         "\"sections\":[{\"no\":1,\"title\":\"项目基本情况\",\"text\":\"无。\"},"
         "{\"no\":2,\"title\":\"项目绩效情况\",\"text\":\"无。\"},"
         "{\"no\":3,\"title\":\"存在问题和下一步打算\",\"text\":\"无。\"}]}",
         "C601");
    one(F_COMPLETE,
        "\"report\":{\"title\":\"测试中心2023年度部门整体绩效评价报告\","
        "\"sections\":[{\"no\":1,\"title\":\"部门基本情况\",\"text\":\"无。\"},"
        "{\"no\":3,\"title\":\"总体评价\",\"text\":\"无。\"}]}",
        "C601", JX_SEV_WARNING,
        "自评报告缺少 2 个部分：二、部门主要履职绩效分析、四、部门整体支出绩效"
        "评价指标评分情况（共 2 个部分，应有 4 个）");
}

/* C608: a report that visibly stops part-way gets one note and no list
 * of missing parts (C601) — not one that ends a sentence, a date, a
 * signature, a short answer, or a bare 其他 heading. */
static void t_c608(void)
{
#define REPORT_ENDING(text)                                                \
    "\"report\":{\"title\":\"测试中心2024年度部门整体支出绩效自评报告\","     \
    "\"sections\":[{\"no\":1,\"title\":\"单位基本情况\",\"text\":\"" text   \
    "\"}]}"
    one(F_COMPLETE, REPORT_ENDING("本单位内设五个科室，负责全区的测试与"),
        "C608", JX_SEV_NOTE,
        "自评报告在第 1 个部分“单位基本情况”的“…个科室，负责全区的测试与”"
        "处中断，可能是节选或文件不完整；未检查缺少哪些部分");
    none(F_COMPLETE, REPORT_ENDING("本单位内设五个科室，负责全区的测试与"),
         "C601");
    one(F_COMPLETE, REPORT_ENDING("收入情况\\n财政拨款\\n事业收入\\n其他"),
        "C608", JX_SEV_NOTE,
        "自评报告在第 1 个部分“单位基本情况”的“…财政拨款 事业收入 其他”处中断"
        "，可能是节选或文件不完整；未检查缺少哪些部分");
    none(F_COMPLETE, REPORT_ENDING("本单位内设五个科室，负责全区的测试工作。"),
         "C608");
    none(F_COMPLETE, REPORT_ENDING("测试中心\\n二〇二五年三月一日"), "C608");
    none(F_COMPLETE, REPORT_ENDING("无"), "C608");
    one(F_COMPLETE,
        "\"report\":{\"sections\":[{\"no\":1,\"title\":\"基本情况\",\"text\":"
        "\"无。\"},{\"no\":2,\"title\":\"下一步\"}]}",
        "C608", JX_SEV_NOTE,
        "自评报告在第 2 个部分“下一步”的标题处中断，可能是节选或文件不完整；"
        "未检查缺少哪些部分");
    none(F_COMPLETE,
         "\"report\":{\"sections\":[{\"no\":1,\"title\":\"基本情况\",\"text\":"
         "\"无。\"},{\"no\":10,\"title\":\"其他需要说明的情况\"}]}",
         "C608");
#undef REPORT_ENDING
}

/* C602: the attachment list names a form the package lacks. */
static void t_c602(void)
{
    one(F_COMPLETE,
        "\"report\":{\"title\":\"t\",\"attachments\":[\"单位整体支出绩效评价"
        "基础数据表\"]},\"submission\":{\"materials\":[\"report\"]}",
        "C602", JX_SEV_WARNING,
        "自评报告附件列有 1 张表，材料中没有：单位整体支出绩效评价基础数据表");
    none(F_COMPLETE,
         "\"report\":{\"title\":\"t\",\"attachments\":[\"单位整体支出绩效评价"
         "基础数据表\"]},\"submission\":{\"materials\":[\"report\","
         "\"base_sheet\"]}",
         "C602");
}

/* A unit sheet reporting 28.79 万元 of project spending. */
#define PROJ_SPEND(x)                                                     \
    "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":\"100\"},"        \
    "\"project\":{\"executed\":\"" x "\"}}}"

/* C603: a blank project template while the unit spends on projects. */
static void t_c603(void)
{
    one(F_COMPLETE,
        PROJ_SPEND("28.79") ",\"submission\":{\"materials\":[\"report\","
                            "\"unit_sheet\",\"project_sheets\"]}",
        "C603", JX_SEV_WARNING,
        "项目支出绩效自评表是未填写的空白模板，而本单位有项目支出 28.79万元");
    none(F_COMPLETE,
         PROJ_SPEND("0") ",\"submission\":{\"materials\":[\"report\","
                         "\"unit_sheet\",\"project_sheets\"]}",
         "C603");
}

/* C604: no project sheet at all while the unit spends on projects. */
static void t_c604(void)
{
    one(F_COMPLETE,
        PROJ_SPEND("28.79") ",\"report\":{\"title\":\"t\",\"attachments\":"
                            "[\"项目支出绩效自评表\"]}",
        "C604", JX_SEV_WARNING,
        "本单位有项目支出 28.79万元，但没有报送项目支出绩效自评表（自评报告"
        "附件列有此表）");
    one(F_COMPLETE, PROJ_SPEND("28.79"), "C604", JX_SEV_NOTE,
        "本单位有项目支出 28.79万元，但没有报送项目支出绩效自评表");
    none(F_COMPLETE,
         PROJ_SPEND("28.79") ",\"project_sheets\":[{\"name\":\"专项\"}]",
         "C604");
}

/* C605: a project sheet without its name. */
static void t_c605(void)
{
    one(F_COMPLETE, "\"project_sheets\":[{\"unit\":\"万元\"}]", "C605",
        JX_SEV_WARNING, "第 1 张项目支出绩效自评表没有填写项目名称");
    none(F_COMPLETE, "\"project_sheets\":[{\"name\":\"专项\"}]", "C605");
}

/* C606: empty required cells of the base sheet; sections with no text. */
static void t_c606(void)
{
#define COST3 "{\"prev_final\":\"1\",\"budget\":\"1\",\"final\":\"1\"}"
#define FULLBASE(adj)                                                      \
    "\"base_sheet\":{\"staffing\":{\"authorized\":5,\"actual\":5,"            \
    "\"control_rate\":\"100%\"},\"costs\":{\"three_public\":" COST3          \
    ",\"vehicle\":" COST3 ",\"overseas\":" COST3 ",\"reception\":" COST3   \
    ",\"project\":" COST3 ",\"public_funds\":" COST3                       \
    ",\"procurement\":" COST3 ",\"basic_adjustment\":" adj "}}"
    one(F_COMPLETE, FULLBASE("{\"budget\":\"0\"}"), "C606", JX_SEV_WARNING,
        "基础数据表有 1 处必填内容空白：部门基本支出预算调整（上年决算数、本年决算数）");
    none(F_COMPLETE, FULLBASE(COST3), "C606");
    one(F_COMPLETE,
        "\"report\":{\"sections\":[{\"no\":7,\"title\":\"存在的问题\"},"
        "{\"no\":8,\"title\":\"下一步改进措施\",\"text\":\"无。\"}]}",
        "C606", JX_SEV_WARNING, "自评报告第七部分“存在的问题”只有标题，没有内容");
    none(F_COMPLETE,
         "\"report\":{\"sections\":[{\"no\":7,\"title\":\"存在的问题\","
         "\"text\":\"无。\"}]}",
         "C606");
#undef FULLBASE
#undef COST3
}

/* C607: section 六 without a figure. */
static void t_c607(void)
{
    one(F_COMPLETE,
        "\"report\":{\"sections\":[{\"no\":6,\"title\":\"单位整体支出绩效情况\","
        "\"text\":\"2024 年，我单位紧紧围绕中心工作，各项任务顺利完成。\"}]}",
        "C607", JX_SEV_WARNING,
        "自评报告第六部分“单位整体支出绩效情况”没有任何数据（金额、执行率、得分），"
        "没有说明整体支出的绩效情况");
    none(F_COMPLETE,
         "\"report\":{\"sections\":[{\"no\":6,\"title\":\"单位整体支出绩效情况\","
         "\"text\":\"全年预算数 2000.00 万元，执行 1960.00 万元，执行率 98.00%。\"}]}",
         "C607");
    none(F_COMPLETE,
         "\"report\":{\"sections\":[{\"no\":6,\"title\":\"单位整体支出绩效情况\","
         "\"text\":\"经自评，总分 94.87分，等级为优。\"}]}",
         "C607");
}

/* C705: a list counted on in another numbering style. */
static void t_c705(void)
{
    one(F_PUBLISH,
        "\"report\":{\"sections\":[{\"no\":6,\"title\":\"单位整体支出绩效情况\","
        "\"text\":\"（1）自身建设全面加强。\\n内容。\\n（二）发展成果不断巩固。\"}]}",
        "C705", JX_SEV_WARNING,
        "自评报告第六部分的小标题编号不统一：“（1）”之后是“（二）”");
    /* a list nested in another continues the outer one */
    none(F_PUBLISH,
         "\"report\":{\"sections\":[{\"no\":1,\"title\":\"部门基本情况\","
         "\"text\":\"（三）预算编制情况。\\n（1）年初预算。\\n（2）预算调整。\\n"
         "(3) 规范性。\\n（四）预算执行情况。\"}]}",
         "C705");
}

/* C701: a personal mobile number on the forms. */
static void t_c701(void)
{
    one(F_PUBLISH,
        "\"contacts\":{\"preparer\":\"张三\",\"phone\":\"13812345678\"}",
        "C701", JX_SEV_WARNING,
        "联系电话中有个人手机号码“13812345678”（填表人“张三”），公开到门户"
        "网站会泄露个人信息，应改为办公电话");
    none(F_PUBLISH,
         "\"contacts\":{\"preparer\":\"张三\",\"phone\":\"0730-8212768\"}",
         "C701");
    none(F_PUBLISH, "\"contacts\":{\"phone\":\"138123456789\"}", "C701");
    /* the number found after other 1s, at the text's very end */
    one(F_PUBLISH,
        "\"contacts\":{\"preparer\":\"李四\",\"phone\":\"1号楼11室 110 "
        "12345678901 15912345678\"}",
        "C701", JX_SEV_WARNING,
        "联系电话中有个人手机号码“15912345678”（填表人“李四”），公开到门户"
        "网站会泄露个人信息，应改为办公电话");
    /* glued to a digit before it, or ten digits only: none */
    none(F_PUBLISH, "\"contacts\":{\"phone\":\"813812345678\"}", "C701");
    none(F_PUBLISH, "\"contacts\":{\"phone\":\"1381234567\"}", "C701");
}

/* C702: heading numbers in two styles (the printed markers). */
static void t_c702(void)
{
#define SEC(no, m, t) "{\"no\":" #no ",\"marker\":\"" m "\",\"title\":\"" t "\"}"
    one(F_PUBLISH,
        "\"report\":{\"title\":\"t\",\"sections\":["
        SEC(1, "一、", "单位基本情况") "," SEC(2, "2、", "一般公共预算支出情况") ","
        SEC(3, "三、", "政府性基金预算支出情况") "]}",
        "C702", JX_SEV_WARNING,
        "自评报告各部分标题的编号不统一：“一、”式用于第一、三部分；“1、”式"
        "用于第二部分");
    none(F_PUBLISH,
         "\"report\":{\"title\":\"t\",\"sections\":["
         SEC(1, "一、", "单位基本情况") "," SEC(3, "三、", "政府性基金预算支出情况")
         "]}",
         "C702");
    /* bare numerals (the 、 lost in a PDF's text) are one style */
    none(F_PUBLISH,
         "\"report\":{\"title\":\"t\",\"sections\":["
         SEC(1, "一", "绩效管理工作开展情况") "," SEC(2, "二", "自评结果") "]}",
         "C702");
#undef SEC
}

/* One section 一 with text t. */
#define SEC1(t)                                                           \
    "\"report\":{\"title\":\"t\",\"sections\":[{\"no\":1,\"title\":"      \
    "\"单位基本情况\",\"text\":\"" t "\"}]}"

/* C703: a passage repeated back to back inside a paragraph. */
static void t_c703(void)
{
    one(F_PUBLISH,
        SEC1("1、负责综合协调、综合调研、综合考核和督查等工作负责综合协调、"
             "综合调研、综合考核和督查等工作。"),
        "C703", JX_SEV_WARNING,
        "自评报告第一部分有 1 段文字在同一段内连续重复出现两次：第1段“负责"
        "综合协调、综合调研、综合考核…”（22字）");
    none(F_PUBLISH,
         SEC1("1、负责综合协调、综合调研、综合考核和督查等工作，负责财务。"),
         "C703");
}

/* C704: a whole paragraph printed twice. */
static void t_c704(void)
{
    one(F_PUBLISH,
        SEC1("负责综合协调、综合调研、综合考核和督查等工作。\\n"
             "负责综合协调、综合调研、综合考核和督查等工作。"),
        "C704", JX_SEV_WARNING,
        "自评报告第一部分有 1 段与第一部分的段落完全相同（第一段“负责综合协"
        "调、综合调研、综合考核…”，前文见第1段），重复印了两次");
    none(F_PUBLISH,
         SEC1("负责综合协调、综合调研、综合考核和督查等工作。\\n"
              "负责综合协调、综合调研、综合考核和督查等任务。"),
         "C704");
}

/* Section 一 whose one paragraph is a list "第1项，第2项，…" of about
 * filler bytes followed by tail (arena-owned JSON body). */
static const char *long_para(struct jx_arena *a, size_t filler,
                             const char *tail)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 14);
    for (int i = 1; b.len < filler; i++) {
        jx_buf_addf(&b, "第%d项，", i);
    }
    const char *body = jx_sprintf(
        a, "\"report\":{\"title\":\"t\",\"sections\":[{\"no\":1,\"title\":"
           "\"单位基本情况\",\"text\":\"%s%s\"}]}",
        b.p, tail);
    jx_buf_release(&b);
    return body;
}

/* C703 in long paragraphs: the shortest repeated passage is found far
 * into the paragraph (the search is by hashing, not quadratic), and
 * only the first 6000 bytes of a paragraph are searched. */
static void t_c703_long(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *twice = "负责综合协调、综合调研、综合考核和督查等工作"
                        "负责综合协调、综合调研、综合考核和督查等工作。";
    one(F_PUBLISH, long_para(a, 5000, twice), "C703", JX_SEV_WARNING,
        "自评报告第一部分有 1 段文字在同一段内连续重复出现两次：第1段“负责"
        "综合协调、综合调研、综合考核…”（22字）");
    none(F_PUBLISH, long_para(a, 6000, twice), "C703");
    none(F_PUBLISH, long_para(a, 5000, "负责综合协调。"), "C703");
    /* a text of period 3 characters: the shortest passage of 20
     * characters or more repeated is 21 characters long */
    struct jx_buf b;
    jx_buf_init(&b, 256);
    for (int i = 0; i < 30; i++) {
        jx_buf_addf(&b, "甲乙丙");
    }
    one(F_PUBLISH, long_para(a, 100, b.p), "C703", JX_SEV_WARNING,
        "自评报告第一部分有 1 段文字在同一段内连续重复出现两次：第1段“甲乙"
        "丙甲乙丙甲乙丙甲乙丙甲乙丙甲…”（21字）");
    jx_buf_release(&b);
    /* passages of 24 and 40 bytes repeated after a near miss: the first
     * measured by direct comparison alone, the second past it (the
     * prefix hashes) */
    one(F_PUBLISH,
        long_para(a, 200, "ABCDEFGHIJKLMNOPQRSTUVWy"
                          "ABCDEFGHIJKLMNOPQRSTUVWXABCDEFGHIJKLMNOPQRSTUVWX"),
        "C703", JX_SEV_WARNING,
        "自评报告第一部分有 1 段文字在同一段内连续重复出现两次：第1段“ABCD"
        "EFGHIJKLMNOP…”（24字）");
    one(F_PUBLISH,
        long_para(a, 200, "0123456789abcdefghijklmnopqrstuvwxyzABCd"
                          "0123456789abcdefghijklmnopqrstuvwxyzABCD"
                          "0123456789abcdefghijklmnopqrstuvwxyzABCD"),
        "C703", JX_SEV_WARNING,
        "自评报告第一部分有 1 段文字在同一段内连续重复出现两次：第1段“0123"
        "456789abcdef…”（40字）");
    jx_arena_free(a);
}

/* C704 grouped: one finding for each (later section, earlier section)
 * with the count of its paragraphs, in the order of their first. */
static void t_c704_groups(void)
{
#define PA "负责综合协调、综合调研、综合考核和督查等工作。"
#define PB "完成年度预算编制、执行监控和绩效自评等各项任务。"
#define PC "加强内部控制建设，健全财务管理制度，规范资金使用。"
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e = {0};
    const char *body =
        "\"report\":{\"title\":\"t\",\"sections\":["
        "{\"no\":1,\"title\":\"单位基本情况\",\"text\":\"" PA "\\n" PB "\"},"
        "{\"no\":2,\"title\":\"绩效目标\",\"text\":\"" PA "\\n" PC "\\n" PB
        "\\n" PC "\"}]}";
    CHECK_INT(run(a, F_PUBLISH, body, "C704", &e), 2);
    CHECK_INT(e.severity, JX_SEV_WARNING);
    CHECK_STR(e.msg, "自评报告第二部分有 1 段与第二部分的段落完全相同（第一段"
                     "“加强内部控制建设，健全财务管理制…”，前文见第2段）"
                     "，重复印了两次");
    jx_arena_free(a);
    a = jx_arena_new();
    CHECK_INT(run(a, F_PUBLISH, body, "C703", &e), 0);
    jx_arena_free(a);
    /* the first finding: two paragraphs of 二 copied from 一 */
    a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *json = jx_sprintf(
        a, "{\"format\":\"jixiao-package\",\"version\":1,"
           "\"unit\":{\"name\":\"测试中心\"},\"year\":2024,%s}", body);
    struct jx_package *p = jx_pkgjson_load(a, NULL, json, strlen(json), &d);
    CHECK(p != NULL);
    struct jx_check_config cfg;
    jx_check_config_default(&cfg);
    struct jx_check_ctx c = {.arena = a, .pkg = p, .ev = NULL, .cfg = &cfg,
                             .diags = &d};
    size_t from = d.n;
    jx_check_publish(&c);
    const struct jx_diag *first = NULL;
    for (size_t i = from; i < d.n && !first; i++) {
        if (strcmp(d.a[i].code, "C704") == 0) {
            first = &d.a[i];
        }
    }
    CHECK(first != NULL);
    if (first) {
        CHECK_INT(first->severity, JX_SEV_NOTE);
        CHECK_STR(first->msg,
                  "自评报告第二部分有 2 段与第一部分的段落完全相同（第一段"
                  "“负责综合协调、综合调研、综合考核…”，前文见第1段），是照搬"
                  "前文还是有意重述，请核实");
    }
    jx_diags_release(&d);
    jx_arena_free(a);
#undef PA
#undef PB
#undef PC
}

const struct jx_test t_check_ind[] = {
    {"check_ind.c401", t_c401}, {"check_ind.c402", t_c402},
    {"check_ind.c403", t_c403}, {"check_ind.c404", t_c404},
    {"check_ind.c404_prose", t_c404_prose},
    {"check_ind.c405", t_c405}, {"check_ind.c406", t_c406},
    {"check_ind.c407", t_c407},
    {"check_ind.c407_many", t_c407_many}, {"check_ind.c601", t_c601},
    {"check_ind.c602", t_c602}, {"check_ind.c603", t_c603},
    {"check_ind.c604", t_c604}, {"check_ind.c605", t_c605},
    {"check_ind.c606", t_c606}, {"check_ind.c607", t_c607},
    {"check_ind.c601_outlines", t_c601_outlines},
    {"check_ind.c608", t_c608},
    {"check_ind.c701", t_c701}, {"check_ind.c702", t_c702},
    {"check_ind.c703", t_c703}, {"check_ind.c704", t_c704},
    {"check_ind.c705", t_c705},
    {"check_ind.c703_long", t_c703_long},
    {"check_ind.c704_groups", t_c704_groups},
    {NULL, NULL},
};
