/* t_check_text.c - C2 (report text vs tables) and C3 (identity). */
#include "harness.h"

#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/pkgjson.h"

#include <string.h>

/* The report title run() uses. */
static const char *title = "2024年度测试中心自评报告";

/* The findings of one family (text when text, else identity) on the
 * package JSON head + report sections; findings with code are counted
 * and the last one copied to *out (msg arena-owned). */
static int run(struct jx_arena *a, bool text, const char *head,
               const char *sections, const char *code, struct jx_diag *out)
{
    const char *json = jx_sprintf(
        a, "{\"format\":\"jixiao-package\",\"version\":1,"
           "\"unit\":{\"name\":\"测试中心\"},\"year\":2024%s%s"
           ",\"report\":{\"title\":\"%s\","
           "\"sections\":[%s]}}",
        *head ? "," : "", head, title, sections);
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = jx_pkgjson_load(a, NULL, json, strlen(json), &d);
    if (!p || jx_diags_errors(&d)) {
        jx_diags_release(&d);
        return -1;
    }
    struct jx_check_config cfg;
    jx_check_config_default(&cfg);
    struct jx_check_ctx c = {.arena = a, .pkg = p, .cfg = &cfg, .diags = &d};
    if (text) {
        jx_check_text(&c);
    } else {
        jx_check_identity(&c);
    }
    int n = 0;
    for (size_t i = 0; i < d.n; i++) {
        if (strcmp(d.a[i].code, code) == 0) {
            *out = d.a[i];
            n++;
        }
    }
    jx_diags_release(&d);
    return n;
}

/* The unit sheet of seed 003 (split by source and by nature). */
#define SHEET003                                                          \
    "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":\"1902.68\"},"    \
    "\"general_budget\":{\"executed\":\"1371.87\"},"                      \
    "\"other\":{\"executed\":\"530.81\"},"                                \
    "\"basic\":{\"executed\":\"1873.89\"},"                               \
    "\"project\":{\"executed\":\"28.79\"}}}"

/* C206: the year's 全年预算数 / 全年执行数 in the prose vs the sheet. */
static void t_c206(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    const char *sheet =
        "\"unit_sheet\":{\"funds\":{\"total\":{\"budget_full\":\"2000\","
        "\"executed\":\"1960\"}}}";
    CHECK_INT(run(a, true, sheet,
                  "{\"no\":6,\"text\":\"全年预算数 2100.00 万元，全年执行 1960.00 万元。\"}",
                  "C206", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ERROR);
    CHECK_STR(e.msg, "报告中的全年预算数 2100.00万元 与自评表全年预算数 2000.00万元 不一致");
    CHECK_INT(run(a, true, sheet,
                  "{\"no\":6,\"text\":\"全年预算数 2000.00 万元，全年执行 1960.00 万元。\"}",
                  "C206", &e), 0);
    /* a part of the funds is not the year's whole */
    CHECK_INT(run(a, true, sheet,
                  "{\"no\":2,\"text\":\"政府性基金拨款全年预算数 400.00 万元。\"}",
                  "C206", &e), 0);
    jx_arena_free(a);
}

/* C202: a general-budget 基本支出 explained by the other funds. */
static void t_c202(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, true, SHEET003,
                  "{\"no\":2,\"text\":\"一般公共预算基本支出总支出1369.56万元。\"}",
                  "C202", &e), 1);
    CHECK_INT(e.severity, JX_SEV_NOTE);
    CHECK_STR(e.msg, "报告中一般公共预算基本支出 1369.56万元 与自评表基本支出执行数 "
                     "1873.89万元 口径不同：表中含一般公共预算以外的资金 530.81万元");
    CHECK_STR(e.loc.path, "/unit_sheet/funds/basic/executed");
    CHECK_INT(run(a, true, SHEET003,
                  "{\"no\":2,\"text\":\"一般公共预算基本支出总支出1369.56万元。\"}",
                  "C201", &e), 0);
    /* the same figure as the sheet: nothing to explain */
    CHECK_INT(run(a, true, SHEET003,
                  "{\"no\":2,\"text\":\"基本支出总支出1873.89万元。\"}",
                  "C202", &e), 0);
    jx_arena_free(a);
}

/* C201: a 基本支出 of all funds that the sheet does not show. */
static void t_c201(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, true, SHEET003,
                  "{\"no\":2,\"text\":\"基本支出总支出1369.56万元。\"}", "C201",
                  &e), 1);
    CHECK_INT(e.severity, JX_SEV_ERROR);
    CHECK_STR(e.msg, "报告中基本支出 1369.56万元 与自评表基本支出执行数 1873.89万元 不一致");
    CHECK_INT(run(a, true, SHEET003,
                  "{\"no\":2,\"text\":\"基本支出总支出1873.89万元。\"}", "C201",
                  &e), 0);
    /* beyond the other funds: an error even for the general budget */
    CHECK_INT(run(a, true, SHEET003,
                  "{\"no\":2,\"text\":\"一般公共预算基本支出总支出1000.00万元。\"}",
                  "C201", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ERROR);
    jx_arena_free(a);
}

/* C203: 基本支出 = 人员经费 + 公用经费. */
static void t_c203(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, true, "",
                  "{\"no\":2,\"text\":\"基本支出96.85万元，人员经费85.30万元，公用经费11.56万元。\"}",
                  "C203", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ROUNDING);
    CHECK_STR(e.msg, "报告中基本支出 96.85万元 与各部分之和 96.86万元 不一致");
    CHECK_STR(e.detail, "人员经费 85.30万元 + 公用经费 11.56万元 = 96.86万元，报告写 96.85万元");
    CHECK_INT(run(a, true, "",
                  "{\"no\":2,\"text\":\"基本支出99.85万元，人员经费85.30万元，公用经费11.56万元。\"}",
                  "C203", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ERROR);
    CHECK_INT(run(a, true, "",
                  "{\"no\":2,\"text\":\"基本支出1369.56万元，人员经费1267.78万元，公用经费101.78万元。\"}",
                  "C203", &e), 0);
    /* the parts in the next sentence, the whole stated earlier */
    CHECK_INT(run(a, true, "",
                  "{\"no\":2,\"text\":\"全年支出 300.00 万元，其中基本支出 200.00 万元，项目支出 100.00 万元。基本支出中人员经费 150.00 万元，公用经费 60.00 万元。\"}",
                  "C203", &e), 1);
    CHECK_STR(e.msg, "报告中基本支出 200.00万元 与各部分之和 210.00万元 不一致");
    CHECK_INT(run(a, true, "",
                  "{\"no\":2,\"text\":\"全年支出 300.00 万元，其中基本支出 200.00 万元，项目支出 100.00 万元。基本支出中人员经费 140.00 万元，公用经费 60.00 万元。\"}",
                  "C203", &e), 0);
    /* a 基本支出 of another section is not the whole */
    CHECK_INT(run(a, true, "",
                  "{\"no\":2,\"text\":\"基本支出 200.00 万元。\"},{\"no\":3,\"text\":\"人员经费 150.00 万元，公用经费 60.00 万元。\"}",
                  "C203", &e), 0);
    jx_arena_free(a);
}

/* C204: a total = 基本支出 + 项目支出 in one sentence. */
static void t_c204(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, true, "",
                  "{\"no\":2,\"text\":\"财政拨款支出153.51万元，项目支出56.65万元，基本支出96.85万元。\"}",
                  "C204", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ROUNDING);
    CHECK_STR(e.msg, "报告中支出合计 153.51万元 与各部分之和 153.50万元 不一致");
    CHECK_INT(run(a, true, "",
                  "{\"no\":2,\"text\":\"部门预算支出642.83万元，基本支出439.11万元，项目支出203.72万元。\"}",
                  "C204", &e), 0);
    jx_arena_free(a);
}

/* C205: a headcount of the prose against the base sheet. */
static void t_c205(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    const char *base = "\"base_sheet\":{\"staffing\":{\"authorized\":106,"
                       "\"actual\":106}}";
    CHECK_INT(run(a, true, base,
                  "{\"no\":1,\"text\":\"我单位编制数110人，在职106人。\"}",
                  "C205", &e), 1);
    CHECK_STR(e.msg, "报告中编制数 110 人与基础数据表编制数 106 人不一致");
    CHECK_STR(e.loc.path, "/base_sheet/staffing/authorized");
    CHECK_INT(run(a, true, base,
                  "{\"no\":1,\"text\":\"我单位编制数106人，在职106人，离退休75人。\"}",
                  "C205", &e), 0);
    jx_arena_free(a);
}

/* C207: the prose's 一般公共预算 split against the sheet's 一般公共预算. */
static void t_c207(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    const char *sheet =
        "\"unit_sheet\":{\"funds\":{\"general_budget\":{\"executed\":\"1371.87\"}}}";
    CHECK_INT(run(a, true, sheet,
                  "{\"no\":2,\"text\":\"一般公共预算基本支出总支出1369.56万元。\\n一般公共预算项目支出2.32万元。\"}",
                  "C207", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ROUNDING);
    CHECK_STR(e.msg, "报告中一般公共预算基本支出 1369.56万元 与项目支出 2.32万元 之和 1371.88万元，与自评表一般公共预算执行数 1371.87万元 不一致");
    CHECK_INT(run(a, true, sheet,
                  "{\"no\":2,\"text\":\"一般公共预算基本支出总支出1369.55万元。\\n一般公共预算项目支出2.32万元。\"}",
                  "C207", &e), 0);
    /* all funds, not the general budget: not this check's */
    CHECK_INT(run(a, true, sheet,
                  "{\"no\":2,\"text\":\"基本支出 1369.56 万元，项目支出 12.32 万元。\"}",
                  "C207", &e), 0);
    jx_arena_free(a);
}

/* C208: a deduction the prose states against the scoring table. */
static void t_c208(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    const char *table =
        "\"dept_scoring\":{\"rows\":["
        "{\"level2\":\"目标设置\",\"name\":\"绩效目标完整性\",\"points\":\"3\",\"score\":\"4\"},"
        "{\"level2\":\"目标设置\",\"name\":\"绩效指标明确性\",\"points\":\"7\",\"score\":\"6\"},"
        "{\"level2\":\"资产管理\",\"name\":\"固定资产利用率\",\"points\":\"1\",\"score\":\"0.7\"},"
        "{\"level2\":\"人员管理\",\"name\":\"编外人员控制率\",\"points\":\"1\",\"score\":\"0\"}]}";
    CHECK_INT(run(a, true, table,
                  "{\"no\":3,\"text\":\"绩效目标完整性和绩效指标明确性各扣 1 分。"
                  "固定资产利用率扣了 0.3 分；编外人员控制率不达标，不得分。\"}",
                  "C208", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ERROR);
    CHECK_STR(e.msg, "报告称“绩效目标完整性”各扣 1 分，按分值 3.00 应得 2.00 分，评分表却写 4.00 分");
    /* the deductions agree with the table */
    CHECK_INT(run(a, true, table,
                  "{\"no\":3,\"text\":\"绩效指标明确性扣 1 分。固定资产利用率扣了 0.3 分。\"}",
                  "C208", &e), 0);
    jx_arena_free(a);
}

/* C301: the title does not name the unit. */
static void t_c301(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, false, "", "", "C301", &e), 0);
    title = "2024年度测 试中心自评报告"; /* blanks do not count */
    CHECK_INT(run(a, false, "", "", "C301", &e), 0);
    title = "2024年度试中心自评报告";
    CHECK_INT(run(a, false, "", "", "C301", &e), 1);
    CHECK_INT(e.severity, JX_SEV_WARNING);
    CHECK_STR(e.msg, "报告标题“2024年度试中心自评报告”中没有单位名称“测试中心”");
    title = "某某补助资金项目2024年度绩效自评报告"; /* titled by its project */
    CHECK_INT(run(a, false, "", "", "C301", &e), 0);
    title = "2024年度测试中心自评报告";
    jx_arena_free(a);
}

/* C302: a 填报日期 before the year's end. */
static void t_c302(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, false, "\"contacts\":{\"date\":\"2024-06-30\"}", "",
                  "C302", &e), 1);
    CHECK_INT(e.severity, JX_SEV_WARNING);
    CHECK_STR(e.msg, "填报日期 2024-06-30 早于 2024 年度结束（2024-12-31 之后才能自评）");
    CHECK_INT(run(a, false, "\"contacts\":{\"date\":\"2025-07-11\"}", "",
                  "C302", &e), 0);
    jx_arena_free(a);
}

/* C303: last year's work plan cited. */
static void t_c303(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, false, "",
                  "{\"no\":1,\"text\":\"指标围绕 2023 年度工作计划细化。\"}",
                  "C303", &e), 1);
    CHECK_STR(e.msg, "2024 年度的报告引用了 2023 年度的工作计划");
    CHECK_INT(run(a, false, "",
                  "{\"no\":1,\"text\":\"指标围绕2024年度工作计划细化。\"}",
                  "C303", &e), 0);
    jx_arena_free(a);
}

/* C304: 在编 4 and 9 in one report. */
static void t_c304(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, false, "",
                  "{\"no\":1,\"text\":\"核定编制数6人，年末在编数4人。\\n实际在编人员9人，实际编外人员9人。\"}",
                  "C304", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ERROR);
    CHECK_STR(e.msg, "报告中在编（在职）人数前后不一致：“年末在编数”4 人，“实际在编人员”9 人");
    CHECK_INT(run(a, false, "",
                  "{\"no\":1,\"text\":\"核定编制数6人，年末在编数4人。\\n实际在编人员4人，实际编外人员9人。\"}",
                  "C304", &e), 0);
    /* like with like: sub-units and categories are parts, not the whole */
    CHECK_INT(run(a, false, "",
                  "{\"no\":1,\"text\":\"局本级在职139人。\\n环卫处在职132人。\"}",
                  "C304", &e), 0);
    CHECK_INT(run(a, false, "",
                  "{\"no\":1,\"text\":\"核定编制139人。\\n行政编制25人，参公编制20人。\"}",
                  "C304", &e), 0);
    CHECK_INT(run(a, false, "",
                  "{\"no\":1,\"text\":\"核定编制139人，其中编制数25人在机关。\"}",
                  "C304", &e), 0);
    jx_arena_free(a);
}

/* C305: the title's year is not the package's. */
static void t_c305(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diag e;
    CHECK_INT(run(a, false, "", "", "C305", &e), 0);
    title = "测试中心2023年度部门整体支出绩效自评报告";
    CHECK_INT(run(a, false, "", "", "C305", &e), 1);
    CHECK_INT(e.severity, JX_SEV_ERROR);
    CHECK_STR(e.msg, "报告标题“测试中心2023年度部门整体支出绩效自评报告”写的是 2023 年度，与本次自评的 2024 年度不一致");
    title = "测试中心 2024 年度自评报告（2025年7月）"; /* the first year counts */
    CHECK_INT(run(a, false, "", "", "C305", &e), 0);
    title = "12023年度测试中心自评报告"; /* not a year */
    CHECK_INT(run(a, false, "", "", "C305", &e), 0);
    title = "某某补助资金项目2024年度绩效自评报告"; /* titled by its project */
    CHECK_INT(run(a, false, "", "", "C301", &e), 0);
    title = "2024年度测试中心自评报告";
    jx_arena_free(a);
}

const struct jx_test t_check_text[] = {
    {"check_text.c201", t_c201}, {"check_text.c202", t_c202},
    {"check_text.c206", t_c206},
    {"check_text.c203", t_c203}, {"check_text.c204", t_c204},
    {"check_text.c205", t_c205}, {"check_text.c207", t_c207}, {"check_text.c208", t_c208}, {"check_identity.c301", t_c301},
    {"check_identity.c302", t_c302}, {"check_identity.c303", t_c303},
    {"check_identity.c304", t_c304}, {"check_identity.c305", t_c305},
    {NULL, NULL}};
