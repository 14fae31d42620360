/*
 * t_check_arith.c - the C1 (arithmetic) and C5 (budget plausibility)
 * checks: for every code a minimal package that triggers it, with the
 * exact message, and one that does not.
 */
#include "harness.h"

#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/pkgjson.h"

#include <stddef.h>
#include <string.h>

/* The package head every case shares. */
#define HEAD "{\"format\":\"jixiao-package\",\"version\":1," \
             "\"unit\":{\"name\":\"示例单位\"},\"year\":2024,"

/* A run: the arena and the findings of one family. */
struct run {
    struct jx_arena *a;
    struct jx_diags d;
};

/* Load json, run family C1 (budget false) or C5 and return the first
 * finding with code (owned by r), or NULL. */
static const struct jx_diag *run(struct run *r, const char *json,
                                 bool budget, const char *code)
{
    r->a = jx_arena_new();
    jx_diags_init(&r->d, r->a);
    struct jx_package *p = jx_pkgjson_load(r->a, "t.json", json,
                                           strlen(json), &r->d);
    if (!p) {
        jx_test_fail(__FILE__, __LINE__, "package does not load");
        return NULL;
    }
    size_t from = r->d.n;
    struct jx_check_config cfg;
    jx_check_config_default(&cfg);
    struct jx_check_ctx c = {.arena = r->a, .pkg = p, .ev = NULL,
                             .cfg = &cfg, .diags = &r->d, .file = NULL};
    if (budget) {
        jx_check_budget(&c);
    } else {
        jx_check_arith(&c);
    }
    for (size_t i = from; i < r->d.n; i++) {
        if (strcmp(r->d.a[i].code, code) == 0) {
            return &r->d.a[i];
        }
    }
    return NULL;
}

/* Free a run. */
static void done(struct run *r)
{
    jx_diags_release(&r->d);
    jx_arena_free(r->a);
}

/* Assert that json triggers code with sev and msg. */
static void expect(const char *json, bool budget, const char *code,
                   enum jx_severity sev, const char *msg)
{
    struct run r;
    const struct jx_diag *e = run(&r, json, budget, code);
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->severity, sev);
        CHECK_STR(e->msg, msg);
    }
    done(&r);
}

/* Assert that json does not trigger code. */
static void clean(const char *json, bool budget, const char *code)
{
    struct run r;
    const struct jx_diag *e = run(&r, json, budget, code);
    if (e) {
        jx_test_fail(__FILE__, __LINE__, "%s unexpected: %s", code, e->msg);
    }
    done(&r);
}

/* C101: 衡山县-style break of 按支出性质分, and a rounding case. */
static void t_c101(void)
{
    expect(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":"
                "\"2030.12\"},\"basic\":{\"executed\":\"900.47\"},"
                "\"project\":{\"executed\":\"1025.20\"}}}}",
           false, "C101", JX_SEV_ERROR,
           "整体支出绩效自评表按支出性质分的全年执行数之和 900.47 + 1025.20 = "
           "1925.67万元，与年度资金总额全年执行数 2030.12 不一致（相差 104.45）");
    expect(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":"
                "\"10.00\"},\"basic\":{\"executed\":\"6.00\"},"
                "\"project\":{\"executed\":\"4.01\"}}}}",
           false, "C101", JX_SEV_ROUNDING,
           "整体支出绩效自评表按支出性质分的全年执行数之和 6.00 + 4.01 = "
           "10.01万元，与年度资金总额全年执行数 10.00 不一致（相差 0.01）");
    /* the same break where the total was split from run-together digits:
     * inferred, so at most a warning, saying so */
    expect(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":"
                "{\"value\":\"2030.12\",\"source\":{\"line\":3,\"how\":"
                "\"split\",\"raw\":\"2030.1210\"}}},\"basic\":{\"executed\":"
                "\"900.47\"},\"project\":{\"executed\":\"1025.20\"}}}}",
           false, "C101", JX_SEV_WARNING,
           "整体支出绩效自评表按支出性质分的全年执行数之和 900.47 + 1025.20 = "
           "1925.67万元，与年度资金总额全年执行数 2030.12 不一致（相差 104.45）"
           "（该数由连在一起的数字按勾稽关系拆分推断：原文“2030.1210”）");
    clean(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":"
               "\"1902.68\"},\"general_budget\":{\"executed\":\"1371.87\"},"
               "\"other\":{\"executed\":\"530.81\"}}}}",
          false, "C101");
    clean(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":"
               "\"1902.68\"}}}}",
          false, "C101");
    /* one list of sources in a form's own words (财政资金 / 财政专户管理
     * 资金 / 单位资金): its rows are summed together */
    clean(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":"
               "\"3.36\"},\"current_appropriation\":{\"executed\":\"3.36\"},"
               "\"special_account\":{\"executed\":\"0.00\"},"
               "\"other\":{\"executed\":\"0.00\"}}}}",
          false, "C101");
    expect(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"executed\":"
                "\"3.36\"},\"current_appropriation\":{\"executed\":\"3.00\"},"
                "\"special_account\":{\"executed\":\"0.00\"}}}}",
           false, "C101", JX_SEV_ERROR,
           "整体支出绩效自评表按收入性质分的全年执行数之和 0.00 + 3.00 = "
           "3.00万元，与年度资金总额全年执行数 3.36 不一致（相差 0.36）");
}

/* C102: 三公经费 against its parts. */
static void t_c102(void)
{
    expect(HEAD "\"base_sheet\":{\"costs\":{\"three_public\":{\"final\":"
                "\"10\"},\"vehicle\":{\"final\":\"4\"},\"overseas\":"
                "{\"final\":\"0\"},\"reception\":{\"final\":\"5\"}}}}",
           false, "C102", JX_SEV_ERROR,
           "基础数据表三公经费各项的本年决算数之和 4.00 + 0.00 + 5.00 = "
           "9.00万元，与三公经费本年决算数 10.00 不一致（相差 1.00）");
    clean(HEAD "\"base_sheet\":{\"costs\":{\"three_public\":{\"final\":"
               "\"9\"},\"vehicle\":{\"final\":\"4\"},\"overseas\":"
               "{\"final\":\"0\"},\"reception\":{\"final\":\"5\"}}}}",
          false, "C102");
}

/* C103: 公用经费 below its 其中 lines. */
static void t_c103(void)
{
    expect(HEAD "\"base_sheet\":{\"costs\":{\"public_funds\":{\"final\":"
                "\"90\"},\"office\":{\"final\":\"50.77\"},"
                "\"utilities_travel\":{\"final\":\"44.27\"}}}}",
           false, "C103", JX_SEV_ERROR,
           "基础数据表公用经费本年决算数 90.00万元 小于其中各项之和 95.04"
           "（相差 5.04）");
    clean(HEAD "\"base_sheet\":{\"costs\":{\"public_funds\":{\"final\":"
               "\"606.11\"},\"office\":{\"final\":\"50.77\"},"
               "\"utilities_travel\":{\"final\":\"44.27\"}}}}",
          false, "C103");
}

/* C104: base-sheet 项目支出 against the unit sheet. */
static void t_c104(void)
{
    expect(HEAD "\"base_sheet\":{\"costs\":{\"project\":{\"final\":"
                "\"28.79\"}}},\"unit_sheet\":{\"funds\":{\"project\":"
                "{\"executed\":\"30.00\"}}}}",
           false, "C104", JX_SEV_ERROR,
           "基础数据表项目支出本年决算数 28.79万元 与整体支出绩效自评表按支出性质分"
           "的项目支出全年执行数 30.00万元 不一致（相差 1.21万元）");
    clean(HEAD "\"base_sheet\":{\"costs\":{\"project\":{\"final\":"
               "\"28.79\"}}},\"unit_sheet\":{\"funds\":{\"project\":"
               "{\"executed\":\"28.79\"}}}}",
          false, "C104");
}

/* C105 and C106: the 控制率. */
static void t_c105_c106(void)
{
    expect(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":46,"
                "\"actual\":50,\"control_rate\":\"100%\"}}}",
           false, "C105", JX_SEV_ERROR,
           "控制率写为 100%，按实际在职人数 50 / 编制数 46 计算应为 108.70%");
    clean(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":46,"
               "\"actual\":50,\"control_rate\":\"108.70%\"}}}",
          false, "C105");
    /* at its printed decimals: 109% for 108.70%, 108.696% exactly */
    clean(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":46,"
               "\"actual\":50,\"control_rate\":\"109%\"}}}",
          false, "C105");
    clean(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":46,"
               "\"actual\":50,\"control_rate\":\"108.696%\"}}}",
          false, "C105");
    expect(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":46,"
                "\"actual\":50,\"control_rate\":\"108.71%\"}}}",
           false, "C105", JX_SEV_ROUNDING,
           "控制率写为 108.71%，按实际在职人数 50 / 编制数 46 计算应为 108.70%");
    expect(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":0,"
                "\"actual\":0,\"control_rate\":\"0%\"}}}",
           false, "C106", JX_SEV_WARNING,
           "控制率写为 0%，但编制数为 0，实际在职 0 人：分母为 0，比率不适用");
    clean(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":0,"
               "\"actual\":0}}}",
          false, "C106");
}

/* C107 and C108: the goal sheet. */
static void t_c107_c108(void)
{
    expect(HEAD "\"goal_sheet\":{\"unit\":\"元\",\"tasks\":[{\"budget_total\":"
                "\"450000\"},{\"budget_total\":\"100000\"}],\"task_total\":"
                "{\"budget_total\":\"560000\"}}}",
           false, "C107", JX_SEV_ERROR,
           "年度主要任务各行预算数总额之和 450000.00 + 100000.00 = 550000.00元，"
           "与金额合计预算数总额 560000.00 不一致（相差 10000.00）");
    clean(HEAD "\"goal_sheet\":{\"unit\":\"元\",\"tasks\":[{\"budget_total\":"
               "\"450000\"},{\"budget_total\":\"100000\"}],\"task_total\":"
               "{\"budget_total\":\"550000\"}}}",
          false, "C107");
    expect(HEAD "\"goal_sheet\":{\"unit\":\"元\",\"tasks\":[{\"budget_total\":"
                "\"100\",\"budget_fiscal\":\"120\"}]}}",
           false, "C108", JX_SEV_ERROR,
           "年度主要任务第 1 行的预算数财政拨款 120.00元 大于预算数总额 100.00");
    clean(HEAD "\"goal_sheet\":{\"unit\":\"元\",\"tasks\":[{\"budget_total\":"
               "\"100\",\"budget_fiscal\":\"100\"}]}}",
          false, "C108");
}

/* A scoring table with two rows (points p1, p2; scores s1, s2), total
 * and grade. */
#define RUBRIC(p1, s1, p2, s2, tot, grade)                                  \
    HEAD "\"dept_scoring\":{\"title\":\"评分表\",\"rows\":[{\"level1\":"    \
         "\"部门决策\",\"name\":\"绩效目标完整性\",\"points\":\"" p1 "\","  \
         "\"score\":\"" s1 "\"},{\"level1\":\"部门绩效\",\"name\":\"效果\","  \
         "\"points\":\"" p2 "\",\"score\":\"" s2 "\"}],\"stated_total\":\"" \
         tot "\",\"stated_grade\":\"" grade "\"}}"

/* C110–C113: the printed scoring tables. */
static void t_c110_c113(void)
{
    expect(RUBRIC("3", "4", "97", "90", "94", "优"), false, "C110",
           JX_SEV_ERROR, "评分表“绩效目标完整性”的得分 4 超过分值 3");
    clean(RUBRIC("3", "3", "97", "90", "93", "优"), false, "C110");
    expect(RUBRIC("3", "3", "87", "80", "83", "良"), false, "C111",
           JX_SEV_ERROR, "评分表各项分值之和为 90，不是 100");
    clean(RUBRIC("3", "3", "97", "80", "83", "良"), false, "C111");
    /* no 合计 row read: the table may be cut off, a note */
    expect(HEAD "\"dept_scoring\":{\"title\":\"评分表\",\"rows\":[{"
                "\"name\":\"在编率\",\"points\":\"6\",\"score\":\"6\"}]}}",
           false, "C111", JX_SEV_NOTE,
           "评分表各项分值之和为 6，不是 100；表中没有读到合计行，表可能不完整，"
           "未作为错误");
    expect(RUBRIC("3", "3", "97", "80", "92.7", "优"), false, "C112",
           JX_SEV_ERROR, "评分表各项得分之和 83 与合计 92.7 不一致（相差 9.7）");
    clean(RUBRIC("3", "3", "97", "80", "83", "良"), false, "C112");
    expect(RUBRIC("3", "3", "97", "82", "85", "优"), false, "C113",
           JX_SEV_ERROR, "评分表评分等级写为“优”，但合计 85 分对应的等级是“良”");
    clean(RUBRIC("3", "3", "97", "82", "85", "良"), false, "C113");
}

/* A report whose section 2 is text. */
#define REPORT(text)                                                       \
    HEAD "\"report\":{\"title\":\"自评报告\",\"sections\":[{\"no\":2,"     \
         "\"title\":\"一般公共预算支出情况\",\"text\":\"" text "\"}]}}"

/* C119: a count against the items listed right after it. */
static void t_c119(void)
{
    expect(REPORT("本局直属事业单位4个，即甲中心、乙中心、丙中心。"), false, "C119",
           JX_SEV_WARNING,
           "报告称本局直属事业单位4个，其后列出的是 3 个：甲中心、乙中心、丙中心");
    expect(REPORT("内设 2 个科室：办公室、财务科、业务科。"), false, "C119",
           JX_SEV_WARNING, "报告称内设2 个，其后列出的是 3 个：办公室、财务科、业务科");
    clean(REPORT("本局直属事业单位3个，即甲中心、乙中心（含分中心）、丙中心。"),
          false, "C119");
    /* a list that ends in 等, or joins two with 和, may be shorter */
    clean(REPORT("本局直属事业单位4个，即甲中心、乙中心等。"), false, "C119");
    clean(REPORT("本局直属事业单位4个，即甲中心、乙中心和丙丁中心。"), false,
          "C119");
    /* a count not followed by a list */
    clean(REPORT("本局直属事业单位4个，均为公益一类。"), false, "C119");
}

/* C120: one amount in 元 among amounts in 万元. */
static void t_c120(void)
{
    expect(REPORT("专项资金分四次到账：3月到账70万元，6月到账60万元，8月到账20万元，"
                  "10月到账20元。"),
           false, "C120", JX_SEV_WARNING,
           "报告中“10月到账20元”以元计，同一句中其他金额都以万元计（70万元、60万元、"
           "20万元），可能应为万元");
    /* an amount in 元 that would not fit among them in 万元 */
    clean(REPORT("专项资金分三次到账：3月到账70万元，6月到账60万元，8月到账20万元，"
                 "手续费85元。"),
          false, "C120");
    /* two lists only, or all in one unit */
    clean(REPORT("3月到账70万元，6月到账20元。"), false, "C120");
    clean(REPORT("3月到账70万元，6月到账60万元，8月到账20万元，10月到账20万元。"),
          false, "C120");
}

/* C121: 项目支出 against the amount of the projects listed. */
static void t_c121(void)
{
    expect(REPORT("全年支出120.00万元，其中基本支出80.00万元，项目支出40.00万元。"
                  "本单位共有3个项目，项目金额38.50万元。"),
           false, "C121", JX_SEV_WARNING,
           "报告称项目支出 40.00万元，而所列 3个项目的项目金额为 38.50万元（相差 "
           "1.50万元）");
    expect(REPORT("全年支出120.00万元，其中基本支出80.00万元，项目支出40.00万元。"
                  "本单位共有1个项目批复了绩效目标，项目金额38.50万元。"),
           false, "C121", JX_SEV_NOTE,
           "报告称项目支出 40.00万元，而所列 1个项目的项目金额为 38.50万元（相差 "
           "1.50万元）；所列的可能只是其中一类项目");
    clean(REPORT("全年支出120.00万元，其中基本支出80.00万元，项目支出40.00万元。"
                 "本单位共有3个项目，项目金额40.00万元。"),
          false, "C121");
}

/* C109: a rate printed for 0/0 in the prose. */
static void t_c109(void)
{
    expect(REPORT("三公经费预算 0 万元，实际支出 0 万元，预算执行率为 0%。"),
           false, "C109", JX_SEV_WARNING,
           "报告中“预算执行率0%”的分子和分母都是 0，比率无从计算，应写“不适用”，"
           "不应写作 0%");
    clean(REPORT("三公经费预算 2 万元，实际支出 0 万元，预算执行率为 0%。"), false,
          "C109");
    clean(REPORT("三公经费预算 0 万元，实际支出 0 万元。"), false, "C109");
}

/* C114: a stated share recomputed from the total it was broken out of. */
static void t_c114(void)
{
    expect(REPORT("财政拨款支出153.51万元，其中：项目支出56.65万元，基本支出96.85万元。"
                  "项目支出为56.65万元，占总支出的36.91%。"),
           false, "C114", JX_SEV_ROUNDING,
           "报告称项目支出56.65万元占总支出的36.91%，按 56.65 / 153.51 = "
           "36.90%，与所写比例不一致");
    expect(REPORT("财政拨款支出153.51万元，其中：项目支出56.65万元，基本支出96.85万元。"
                  "项目支出为56.65万元，占总支出的40%。"),
           false, "C114", JX_SEV_ERROR,
           "报告称项目支出56.65万元占总支出的40%，按 56.65 / 153.51 = 37%，"
           "与所写比例不一致");
    clean(REPORT("财政拨款支出153.51万元，其中：项目支出56.65万元，基本支出96.85万元。"
                 "项目支出为56.65万元，占总支出的36.90%。"),
          false, "C114");
}

/* C115: an 执行率 in the prose recomputed from its two amounts. */
static void t_c115(void)
{
    expect(REPORT("日常公用经费预算安排 20.75 万元，实际支出 20.25 万元，预算执行率 97.60%。"),
           false, "C115", JX_SEV_ROUNDING,
           "报告称预算执行率97.60%，按 20.25 / 20.75 = 97.59%，与所写不一致");
    expect(REPORT("全年预算数为 595.06 万元，实际支出为 594.03 万元，预算执行率 89.83%。"),
           false, "C115", JX_SEV_ERROR,
           "报告称预算执行率89.83%，按 594.03 / 595.06 = 99.83%，与所写不一致");
    clean(REPORT("日常公用经费预算安排 20.75 万元，实际支出 20.25 万元，预算执行率 97.59%。"),
          false, "C115");
    /* a payment rate after the amounts paid and unpaid */
    expect(REPORT("全年专项资金支付 3601.25 万元，未支 180 万元，支付率 93%。"),
           false, "C115", JX_SEV_ERROR,
           "报告称支付率93%，按 已付 / (已付 + 未付) = 3601.25 / (3601.25 + "
           "180.00) = 95.24%，与所写不一致");
    clean(REPORT("全年专项资金支付 3601.25 万元，未支 180 万元，支付率 95%。"),
          false, "C115");
    /* a whole percentage point off is not rounding */
    expect(REPORT("全年预算数为 200 万元，实际支出为 193 万元，预算执行率 96%。"),
           false, "C115", JX_SEV_ERROR,
           "报告称预算执行率96%，按 193.00 / 200.00 = 96.50%，与所写不一致");
}

/* C116: staffing rates of the prose recomputed from their headcounts. */
static void t_c116(void)
{
    expect(REPORT("年末实际在编人员9人，实际编外人员9人，其中，劳务派遣人员0人，"
                  "编外人员控制率为69.23%。"),
           false, "C116", JX_SEV_ERROR,
           "报告称编外人员控制率69.23%，按同句人数 编外 / (在编 + 编外) = 9 / 18 "
           "= 50.00%，与所写不一致");
    clean(REPORT("核定编制数6人，年末在编数4人，财政供养人员控制率为66.67%。"), false,
          "C116");
    clean(REPORT("年末实际在编人员4人，实际编外人员9人，编外人员控制率为69.23%。"),
          false, "C116");
    /* the rate fits the 在编 of another sentence: a note, the counts
     * are what contradict each other (C304) */
    expect(REPORT("年末在编数4人。\n年末实际在编人员9人，实际编外人员9人，"
                  "编外人员控制率为69.23%。"),
           false, "C116", JX_SEV_NOTE,
           "报告称编外人员控制率69.23%，与同句人数算出的 50.00% 不一致，但与别处"
           "“年末在编数”4 人相符：矛盾在人数而不在比率");
}

/* C117: 楼堂馆所 rates recomputed; all-zero rows are not rates. */
static void t_c117(void)
{
#define BLD(a, b, r, x, y, q)                                              \
    HEAD "\"base_sheet\":{\"buildings\":[{\"name\":\"楼\","               \
         "\"approved_area\":\"" a "\",\"actual_area\":\"" b "\","           \
         "\"area_rate\":\"" r "\",\"budget_invest\":\"" x "\","             \
         "\"actual_invest\":\"" y "\",\"invest_rate\":\"" q "\"}]}}"
    expect(BLD("1000", "1100", "100%", "500", "500", "100%"), false, "C117",
           JX_SEV_ERROR,
           "楼堂馆所第 1 行的规模控制率写为 100%，按 实际规模 / 批复规模 计算应为 "
           "110.00%");
    clean(BLD("1000", "1100", "110%", "500", "450", "90%"), false, "C117");
    clean(BLD("0", "0", "0%", "0", "0", "0%"), false, "C117");
#undef BLD
}

/* C118: a total and its list of three or more parts in the prose. */
static void t_c118(void)
{
    expect(REPORT("项目支出实际支出 600.00 万元，其中：业务工作经费 207.02 万元、"
                  "运行维护经费 255.15 万元、追加项目 150.00 万元。"),
           false, "C118", JX_SEV_ERROR,
           "报告中项目支出实际支出 600.00 万元 下列出的 3 项之和为 612.17万元，"
           "与合计不一致");
    expect(REPORT("支出总额 100.00 万元，其中：甲 30.00 万元、乙 30.00 万元、丙 "
                  "40.01 万元。"),
           false, "C118", JX_SEV_ROUNDING,
           "报告中支出总额 100.00 万元 下列出的 3 项之和为 100.01万元，与合计不一致");
    /* exact (seed 004), a partial list, and a nested list */
    clean(REPORT("实际支出5633.59万元，其中：业务工作经费支出207.02万元、运行维护经费"
                 "255.15万元、编外人员经费121.37万元、公务用车运行维护费106.49万元、"
                 "追加项目4943.56万元。"),
          false, "C118");
    clean(REPORT("支出合计 100.00 万元，其中：甲 30.00 万元、乙 20.00 万元、丙 "
                 "10.00 万元等。"),
          false, "C118");
    clean(REPORT("支出 200.00 万元，其中：甲 50.00 万元、乙 50.00 万元、丙 100.00 "
                 "万元，其中：丁 60.00 万元、戊 30.00 万元、己 10.00 万元。"),
          false, "C118");
    /* parts in sentences joined by semicolons, the total before 其中 */
    expect(REPORT("本项目共完成预算资金 59.97 万元。其中：20 万元用于甲；20 万元"
                  "用于乙；19.99 万元用于丙。"),
           false, "C118", JX_SEV_ERROR,
           "报告中本项目共完成预算资金 59.97 万元 下列出的 3 项之和为 59.99万元，"
           "与合计不一致");
    clean(REPORT("本项目共完成预算资金 59.99 万元。其中：20 万元用于甲；20 万元"
                 "用于乙；19.99 万元用于丙。"),
          false, "C118");
    /* the same in a sheet's goal text */
    expect(HEAD "\"project_sheets\":[{\"name\":\"测绘项目\",\"goals\":[{"
                "\"expected\":\"申请资金60万元。\",\"actual\":\"共完成资金"
                "59.97万元。其中：20万元用于甲；20万元用于乙；19.99万元用于丙。"
                "\"}]}]}",
           false, "C118", JX_SEV_ERROR,
           "项目支出绩效自评表（测绘项目）的实际完成情况中共完成资金 59.97万元 下列出"
           "的 3 项之和为 59.99万元，与合计不一致");
    /* people: three categories below the total, two above it */
    expect(REPORT("中心现有工作人员 48 人，其中行政编制 12 人、参公编制 15 人、"
                  "事业编制 19 人。"),
           false, "C118", JX_SEV_WARNING,
           "报告称中心现有工作人员 48 人，其中列出的 3 项之和为 46 人，少于总数（"
           "相差 2 人），所列各项不全或总数有误");
    expect(REPORT("中心现有工作人员 48 人，其中男职工 30 人，女职工 20 人。"),
           false, "C118", JX_SEV_WARNING,
           "报告称中心现有工作人员 48 人，其中列出的 2 项之和为 50 人，多于总数（"
           "相差 2 人）");
    clean(REPORT("中心现有工作人员 48 人，其中行政编制 12 人、参公编制 15 人、"
                 "事业编制 21 人。"),
          false, "C118");
    clean(REPORT("中心现有工作人员 48 人，其中党员 12 人、团员 15 人、"
                 "专业技术人员 19 人等。"),
          false, "C118");
    clean(REPORT("中心现有工作人员 48 人，其中党员 12 人、团员 15 人。"),
          false, "C118");
    /* traits people share overlap; posts under people in post differ */
    clean(REPORT("中心现有工作人员 48 人，其中女职工 30 人，本科学历 25 人。"),
          false, "C118");
    clean(REPORT("本局编制人数 139 人，其中局本级在职 139 人，下属环卫处在职 132 "
                 "人。"),
          false, "C118");
    /* a total and two parts of its kind without 其中 */
    expect(REPORT("本年收入总计 3120.5 万元，一般公共预算收入 1200.8 万元，政府性基金"
                  "收入 2019.7 万元。"),
           false, "C118", JX_SEV_WARNING,
           "报告中的总数 3120.5 万元 之后，一般公共预算收入 1200.8 万元 与政府性基金"
           "收入 2019.7 万元 之和为 3220.50万元，多于总数（相差 100.00）");
    clean(REPORT("本年收入总计 3220.5 万元，一般公共预算收入 1200.8 万元，政府性基金"
                 "收入 2019.7 万元。"),
          false, "C118");
    clean(REPORT("本年收入总计 3120.5 万元，基本支出 1200.8 万元，项目支出 "
                 "2019.7 万元。"),
          false, "C118");
}

/* C501: spending far from its budget, explained or not. */
static void t_c501(void)
{
    expect(REPORT("2024 年项目支出预算数 121 万元，实际支出决算数 430.28 万元。"),
           true, "C501", JX_SEV_WARNING,
           "报告中项目支出执行 430.28万元，预算 121.00万元，执行率 355.60%，"
           "高于 150%，报告中没有说明原因");
    expect(REPORT("2024 年项目支出预算数 121 万元，实际支出决算数 430.28 万元。"
                  "项目支出因年中追加任务而增加。"),
           true, "C501", JX_SEV_NOTE,
           "报告中项目支出执行 430.28万元，预算 121.00万元，执行率 355.60%，"
           "高于 150%，报告中有相关说明");
    expect(HEAD "\"base_sheet\":{\"costs\":{\"project\":{\"budget\":"
                "\"639\",\"final\":\"28.79\"}}},\"report\":{\"title\":"
                "\"测试中心2024年度部门整体支出绩效自评报告\",\"sections\":[{"
                "\"no\":1,\"title\":\"单位基本情况\",\"text\":\"无。\"}]}}",
           true, "C501", JX_SEV_WARNING,
           "基础数据表项目支出执行 28.79万元，预算 639.00万元，执行率 4.51%，"
           "低于 50%，报告中没有说明原因");
    /* no report among the materials: unknown whether it explains */
    expect(HEAD "\"base_sheet\":{\"costs\":{\"project\":{\"budget\":"
                "\"639\",\"final\":\"28.79\"}}}}",
           true, "C501", JX_SEV_NOTE,
           "基础数据表项目支出执行 28.79万元，预算 639.00万元，执行率 4.51%，"
           "低于 50%；所读材料中没有自评报告，未能核对报告是否说明");
    clean(REPORT("2024 年项目支出预算数 121 万元，实际支出决算数 120 万元。"),
          true, "C501");
}

/* C505: more staff in post than authorised. */
static void t_c505(void)
{
    expect(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":40,"
                "\"actual\":52}}}",
           true, "C505", JX_SEV_WARNING,
           "基础数据表实际在职人数 52 人超过编制数 40 人，在职人员控制率 130.00%，"
           "超过 100%");
    clean(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":40,"
               "\"actual\":40}}}",
          true, "C505");
    clean(HEAD "\"base_sheet\":{\"staffing\":{\"authorized\":0,"
               "\"actual\":3}}}",
          true, "C505");
}

/* C502: a part above the whole budget. */
static void t_c502(void)
{
    expect(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"budget_full\":"
                "\"100\"}}},\"project_sheets\":[{\"name\":\"项目\",\"funds\":"
                "{\"total\":{\"budget_full\":\"120\"}}}]}",
           true, "C502", JX_SEV_WARNING,
           "项目支出绩效自评表全年预算数 120.00万元 大于单位全年预算数 100.00万元，"
           "而它只是其中一部分");
    clean(HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"budget_full\":"
               "\"100\"}}},\"project_sheets\":[{\"name\":\"项目\",\"funds\":"
               "{\"total\":{\"budget_full\":\"80\"}}}]}",
          true, "C502");
}

/* C503: year-over-year jumps. */
/* C504: the year's budget adjusted by more than 20%, unexplained. */
static void t_c504(void)
{
#define ADJ(init, full)                                                    \
    HEAD "\"unit_sheet\":{\"funds\":{\"total\":{\"budget_initial\":\"" init      \
         "\",\"budget_full\":\"" full "\"}}}"
    expect(ADJ("2402.15", "3911.21") "}", true, "C504", JX_SEV_WARNING,
           "整体支出绩效自评表全年预算数 3911.21万元 比年初预算数 2402.15万元 "
           "增加 62.82%，报告中没有说明预算追加或调整的原因");
    expect(ADJ("2402.15", "3911.21")
           ",\"report\":{\"sections\":[{\"no\":2,\"text\":\"年中追加预算 1509.06 万元。\"}]}}",
           true, "C504", JX_SEV_NOTE,
           "整体支出绩效自评表全年预算数 3911.21万元 比年初预算数 2402.15万元 "
           "增加 62.82%，报告中有关于预算调整的说明");
    clean(ADJ("1850", "2000") "}", true, "C504");
#undef ADJ
}

static void t_c503(void)
{
    expect(HEAD "\"base_sheet\":{\"costs\":{\"public_funds\":{\"prev_final\":"
                "\"3363.56\",\"final\":\"606.11\"}}}}",
           true, "C503", JX_SEV_WARNING,
           "基础数据表公用经费上年决算数 3363.56万元，本年决算数 606.11万元，"
           "变动 -81.98%");
    clean(HEAD "\"base_sheet\":{\"costs\":{\"public_funds\":{\"prev_final\":"
               "\"500\",\"final\":\"606.11\"}}}}",
          true, "C503");
    clean(HEAD "\"base_sheet\":{\"costs\":{\"reception\":{\"prev_final\":"
               "\"0.1\",\"final\":\"0.5\"}}}}",
          true, "C503");
}

/* The thresholds by name (`check --set`): defaults, every name, bad
 * names and values refused with nothing changed, and over-achievement
 * shared with the scoring policy (jx_check_option). */
static void t_config_set(void)
{
    struct jx_check_config c, c0;
    jx_check_config_default(&c);
    c0 = c;
    CHECK(jx_rat_cmp(c.over_achievement, (struct jx_rat){1, 5}) == 0);
    CHECK_INT(c.vague_min, 1);
    CHECK_INT(c.copied_min, 3);
    static const struct {
        const char *set;
        size_t off;
        struct jx_rat want;
    } rats[] = {
        {"rounding-tolerance=1", offsetof(struct jx_check_config,
                                          rounding_tolerance), {1, 1}},
        {"over-achievement=50%", offsetof(struct jx_check_config,
                                          over_achievement), {1, 2}},
        {"spend-high=500%", offsetof(struct jx_check_config, spend_high),
         {5, 1}},
        {"spend-low=5%", offsetof(struct jx_check_config, spend_low),
         {1, 20}},
        {"yoy-jump=0.25", offsetof(struct jx_check_config, yoy_jump), {1, 4}},
        {"yoy-min-amount=200", offsetof(struct jx_check_config,
                                        yoy_min_amount), {200, 1}},
        {"budget-adjust=70%", offsetof(struct jx_check_config,
                                       budget_adjust), {7, 10}},
    };
    for (size_t i = 0; i < sizeof rats / sizeof rats[0]; i++) {
        CHECK_INT(jx_check_config_set(&c, rats[i].set), 0);
        const struct jx_rat *got =
            (const struct jx_rat *)(const void *)((const char *)&c +
                                                  rats[i].off);
        CHECK(jx_rat_cmp(*got, rats[i].want) == 0);
    }
    CHECK_INT(jx_check_config_set(&c, "vague-min=7"), 0);
    CHECK_INT(c.vague_min, 7);
    CHECK_INT(jx_check_config_set(&c, "copied-min=6"), 0);
    CHECK_INT(c.copied_min, 6);
    /* refused, nothing changed */
    struct jx_check_config before = c;
    static const char *const bad[] = {
        "over-achievment=50%", "over-achievement", "spend-high=-5%",
        "rounding-tolerance=5%", "vague-min=1.5", "copied-min=-1",
        "yoy-jump=abc", "=1", "budget-adjust="};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(jx_check_config_set(&c, bad[i]), -1);
    }
    CHECK(memcmp(&c, &before, sizeof c) == 0);
    /* over-achievement is the scorer's S205 limit too */
    struct jx_policy p;
    jx_policy_default(&p);
    c = c0;
    CHECK_INT(jx_check_option(&c, &p, "over-achievement=50%"), 0);
    CHECK(jx_rat_cmp(p.over_threshold, (struct jx_rat){1, 2}) == 0);
    CHECK_INT(jx_check_option(&c, &p, "spend-high=200%"), 0);
    CHECK(jx_rat_cmp(p.over_threshold, (struct jx_rat){1, 2}) == 0);
    CHECK_INT(jx_check_option(&c, &p, "over-achievement=-1"), -1);
    CHECK(jx_rat_cmp(p.over_threshold, (struct jx_rat){1, 2}) == 0);
    CHECK_INT(jx_check_option(&c, NULL, "over-achievement=30%"), 0);
    CHECK(jx_rat_cmp(c.over_achievement, (struct jx_rat){3, 10}) == 0);
}

/* Run C122 over this year's json against last year's (2023, version
 * 2); the findings of code go to r (owned by it), the count returned. */
static size_t run_prior(struct run *r, const char *json, const char *last)
{
    r->a = jx_arena_new();
    jx_diags_init(&r->d, r->a);
    struct jx_package *p = jx_pkgjson_load(r->a, "t.json", json,
                                           strlen(json), &r->d);
    struct jx_package *q = jx_pkgjson_load(r->a, "last.json", last,
                                           strlen(last), &r->d);
    if (!p || !q) {
        jx_test_fail(__FILE__, __LINE__, "package does not load");
        return 0;
    }
    size_t from = r->d.n;
    struct jx_check_config cfg;
    jx_check_config_default(&cfg);
    struct jx_check_prior prior = {q, 2023, 2};
    jx_check_prior(r->a, p, &prior, &cfg, &r->d);
    return r->d.n - from;
}

/* C122: last year's 决算 against this year's 上年决算数. */
static void t_c122(void)
{
#define LAST(rows) "{\"format\":\"jixiao-package\",\"version\":1,"           \
        "\"unit\":{\"name\":\"示例单位\"},\"year\":2023,"                    \
        "\"base_sheet\":{\"costs\":{" rows "}}}"
#define NOW(rows) HEAD "\"base_sheet\":{\"costs\":{" rows "}}}"
    struct run r;
    /* one row differs: error, at this year's figure */
    size_t n = run_prior(&r, NOW("\"reception\":{\"prev_final\":\"3.20\","
                                 "\"final\":\"2.60\"},\"office\":{"
                                 "\"prev_final\":\"40\",\"final\":\"41\"}"),
                         LAST("\"reception\":{\"final\":\"3.50\"},"
                              "\"office\":{\"final\":\"40.00\"}"));
    CHECK_INT(n, 1);
    if (n == 1) {
        const struct jx_diag *e = &r.d.a[r.d.n - 1];
        CHECK_STR(e->code, "C122");
        CHECK_INT(e->severity, JX_SEV_ERROR);
        CHECK_STR(e->msg, "基础数据表“公务接待”上年决算数 3.20 万元，与 2023 "
                          "年已送审第 2 版的 2023 年决算数 3.50 万元不符");
    }
    done(&r);
    /* agreeing, and a finer figure that rounds to the coarser: silent */
    n = run_prior(&r, NOW("\"reception\":{\"prev_final\":\"3.50\"},"
                          "\"office\":{\"prev_final\":\"41.23\"}"),
                  LAST("\"reception\":{\"final\":\"3.5\"},"
                       "\"office\":{\"final\":\"41.2345\"}"));
    CHECK_INT(n, 0);
    done(&r);
    /* one unit in the last place at the same precision: error */
    n = run_prior(&r, NOW("\"office\":{\"prev_final\":\"41.23\"}"),
                  LAST("\"office\":{\"final\":\"41.24\"}"));
    CHECK_INT(n, 1);
    done(&r);
    /* other units: 35000 元 is 3.50 万元 */
    n = run_prior(&r, NOW("\"reception\":{\"prev_final\":\"3.50\"}"),
                  "{\"format\":\"jixiao-package\",\"version\":1,"
                  "\"unit\":{\"name\":\"示例单位\"},\"year\":2023,"
                  "\"base_sheet\":{\"unit\":\"元\",\"costs\":{\"reception\":"
                  "{\"final\":\"35000.00\"}}}}");
    CHECK_INT(n, 0);
    done(&r);
    /* an inferred value: a warning at most, naming the inference */
    n = run_prior(&r, NOW("\"reception\":{\"prev_final\":{\"value\":\"3.20\","
                          "\"source\":{\"sheet\":\"基础数据表\",\"cell\":\"C9\","
                          "\"how\":\"split\",\"raw\":\"3.202.60\"}}}"),
                  LAST("\"reception\":{\"final\":\"3.50\"}"));
    CHECK_INT(n, 1);
    if (n == 1) {
        const struct jx_diag *e = &r.d.a[r.d.n - 1];
        CHECK_INT(e->severity, JX_SEV_WARNING);
        CHECK(strstr(e->msg, "原文“3.202.60”") != NULL);
    }
    done(&r);
    /* a row unread or absent on either side: silent */
    n = run_prior(&r, NOW("\"reception\":{\"prev_final\":\"3.20\","
                          "\"unread\":true},\"office\":{\"prev_final\":\"9\"},"
                          "\"overseas\":{\"prev_final\":\"1\"}"),
                  LAST("\"reception\":{\"final\":\"3.50\"},"
                       "\"office\":{\"final\":\"8\",\"unread\":true}"));
    CHECK_INT(n, 0);
    done(&r);
    /* project lines matched by category and name, in any order; a name
     * in another category, or a line without a name, is not compared */
    n = run_prior(
        &r,
        NOW("\"project_lines\":[{\"category\":\"local_special\",\"name\":"
            "\"河道保洁专项\",\"prev_final\":\"80.00\"},{\"category\":"
            "\"business\",\"name\":\"业务工作经费\",\"prev_final\":\"150\"},"
            "{\"category\":\"transfer\",\"prev_final\":\"7\"},{\"category\":"
            "\"transfer\",\"name\":\"农田补助\",\"prev_final\":\"5\"}]"),
        LAST("\"project_lines\":[{\"category\":\"business\",\"name\":"
             "\"业务工作经费\",\"final\":\"150.00\"},{\"category\":"
             "\"local_special\",\"name\":\"河道 保洁专项\",\"final\":\"85\"},"
             "{\"category\":\"transfer\",\"final\":\"9\"},{\"category\":"
             "\"local_special\",\"name\":\"农田补助\",\"final\":\"6\"}]"));
    CHECK_INT(n, 1);
    if (n == 1) {
        const struct jx_diag *e = &r.d.a[r.d.n - 1];
        CHECK_STR(e->msg, "基础数据表项目支出“河道保洁专项”上年决算数 80.00 "
                          "万元，与 2023 年已送审第 2 版的 2023 年决算数 "
                          "85.00 万元不符");
    }
    done(&r);
#undef LAST
#undef NOW
}

const struct jx_test t_check_arith[] = {
    {"check.config_set", t_config_set},
    {"check_arith.c101", t_c101},
    {"check_arith.c102", t_c102},
    {"check_arith.c103", t_c103},
    {"check_arith.c104", t_c104},
    {"check_arith.c105_c106", t_c105_c106},
    {"check_arith.c107_c108", t_c107_c108},
    {"check_arith.c110_c113", t_c110_c113},
    {"check_budget.c501", t_c501},
    {"check_budget.c502", t_c502},
    {"check_budget.c503", t_c503},
    {"check_budget.c504", t_c504},
    {"check_budget.c505", t_c505},
    {"check_arith.c109", t_c109},
    {"check_arith.c114", t_c114},
    {"check_arith.c115", t_c115},
    {"check_arith.c116", t_c116},
    {"check_arith.c117", t_c117},
    {"check_arith.c118", t_c118},
    {"check_arith.c119", t_c119},
    {"check_arith.c120", t_c120},
    {"check_arith.c121", t_c121},
    {"check_prior.c122", t_c122},
    {NULL, NULL},
};
