/*
 * t_recog_who.c - who and when (issue 11): the unit name and the year a
 * recognised document states, from titles (the year anywhere in them,
 * "(2023年度)", "2019年度)" with a parenthesis lost, a title over two
 * lines), covers and the sheets' 实施单位 / 主管部门, and never from a
 * breadcrumb, a URL, a file name or a project's name.  Documents are
 * built by hand in the shapes the importers give.
 */
#include "harness.h"

#include "docbuild.h"

#include "jixiao/import.h"
#include "jixiao/pipeline.h"
#include "recognise/recog.h"
#include "recognise/recognise.h"

/* The year of a title: anywhere in it, not a date's. */
static void title_year(void)
{
    CHECK_INT(jx_rc_title_year("部门预算项目支出绩效自评表(2023年度)"), 2023);
    CHECK_INT(jx_rc_title_year("部门整体支出绩效自评表2019年度)"), 2019);
    CHECK_INT(jx_rc_title_year("稷山县项目支出绩效自评表（2021年度）"), 2021);
    CHECK_INT(jx_rc_title_year("2024年度项目支出绩效自评表"), 2024);
    CHECK_INT(jx_rc_title_year("某表填报日期：2022年3月22日"), 0);
    CHECK_INT(jx_rc_title_year("填报日期2022年3月22日 2021年度某表"), 2021);
    CHECK_INT(jx_rc_title_year("编号12023年度"), 0);
    CHECK_INT(jx_rc_title_year("项目支出绩效自评表"), 0);
    CHECK_INT(jx_rc_title_year("二〇二三年度部门整体支出绩效自评表"), 2023);
    CHECK_INT(jx_rc_title_year("（２０２２年度）项目支出绩效自评表"), 2022);
    CHECK_INT(jx_rc_title_year("一二三四五年度"), 0);
}

/* What can and cannot be a unit's name. */
static void unit_names(void)
{
    struct jx_arena *a = jx_arena_new();
    CHECK_STR(jx_rc_unit_name(a, "219001-池州市某镇人民政府"), "池州市某镇人民政府");
    CHECK_STR(jx_rc_unit_name(a, "某县发展和改革局（盖章）"), "某县发展和改革局");
    CHECK_STR(jx_rc_unit_name(a, "某市 某中心"), "某市某中心");
    CHECK(!jx_rc_unit_name(a, "您现在的位置:首页>通知公告>某报告"));
    CHECK(!jx_rc_unit_name(a, "https://www.example.gov.cn/a.htm"));
    CHECK(!jx_rc_unit_name(a, "某中心2022年整体绩效自评总结报告.docx"));
    CHECK(!jx_rc_unit_name(a, "乡村振兴项目"));
    CHECK(!jx_rc_unit_name(a, "残疾人事业发展补助资金"));
    CHECK(!jx_rc_unit_name(a, "部门整体支出及项目支出"));
    CHECK(!jx_rc_unit_name(a, "局"));
    jx_arena_free(a);
}

/* A breadcrumb ending in a report's title is not the title; the title
 * names no unit ("部门整体支出…"); the year is the one the first section
 * speaks of. */
static void breadcrumb_title(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "https://www.example.gov.cn/a/1230.html");
    tb_para(&b, "您现在的位置: 首页 > 通知公告 > 部门整体支出绩效评价报告");
    tb_para(&b, "部门整体支出绩效评价报告");
    tb_para(&b, "一、基本情况");
    tb_para(&b, "2021年部门决算收支完成情况。收入100万元。");
    tb_para(&b, "二、绩效分析");
    tb_para(&b, "2022年将继续加强管理。");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK(!p->unit.name.s);
        CHECK_STR(p->report.title.s, "部门整体支出绩效评价报告");
        CHECK_INT(p->year.v, 2021);
    }
    tb_free(&b, &dg);
}

/* A project's name in the title is not the unit: the report names it
 * as "X（以下简称“Y”）"; a unit and year before a title split over two
 * lines are read. */
static void project_title(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "某省残疾人事业发展补助资金项目2018年度绩效自评报告");
    tb_para(&b, "根据有关规定，某省残疾人联合会（以下简称“省残联”）开展了自评。");
    tb_para(&b, "一、项目基本情况");
    tb_para(&b, "资金100万元。");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某省残疾人联合会");
        CHECK_INT(p->year.v, 2018);
    }
    tb_free(&b, &dg);

    tb_init(&b, "who.txt");
    tb_para(&b, "某县林业局二〇二一年度部门整体支出绩效自评报告");
    tb_para(&b, "一、部门基本情况");
    tb_para(&b, "在职4人。");
    p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某县林业局");
        CHECK_INT(p->year.v, 2021);
    }
    tb_free(&b, &dg);

    tb_init(&b, "who.txt");
    tb_para(&b, "某市某区数据中心2023年度部门整体支出");
    tb_para(&b, "绩效评价自评报告");
    tb_para(&b, "一、部门基本情况");
    tb_para(&b, "在职4人。");
    p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某市某区数据中心");
        CHECK_INT(p->year.v, 2023);
        CHECK_STR(p->report.title.s, "某市某区数据中心2023年度部门整体支出绩效评价自评报告");
    }
    tb_free(&b, &dg);
}

/* "关于" before a title's unit is not part of it. */
static void title_about(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "关于某县第一中学2023年度部门整体支出绩效自评报告");
    tb_para(&b, "一、基本情况");
    tb_para(&b, "在职40人。");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某县第一中学");
        CHECK_INT(p->year.v, 2023);
    }
    tb_free(&b, &dg);
}

/* A project sheet alone: the year from its title "(2023年度)", the unit
 * from its 实施单位 (the budget code dropped), never the project name. */
static void sheet_implementer(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "部门预算项目支出绩效自评表(2023年度)");
    tb_row(&b, "项目支出名称|51092324T0001-2023年某补助资金项目");
    tb_row(&b, "主管部门|某县司法局部门|实施单位|219001-某县司法局");
    tb_row(&b, "项目资金（万元）||年初预算数|全年预算数|全年执行数|分值|执行率|"
               "自评得分");
    tb_row(&b, "|年度资金总额|0.00|3.36|3.36|10|100.00%|10");
    tb_row(&b, "绩效指标|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|"
               "自评得分|偏差原因分析及改进措施");
    tb_row(&b, "|产出指标|数量指标|购买电脑|13台|13台|90|90|");
    tb_row(&b, "总分|100|100|");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某县司法局");
        CHECK_INT(p->year.v, 2023);
    }
    tb_free(&b, &dg);

    /* the year alone on the line under the title, its "(" lost */
    tb_init(&b, "who.txt");
    tb_para(&b, "部门整体支出绩效自评表");
    tb_para(&b, "2019年度)");
    tb_row(&b, "预算单位名称|某区林业局");
    tb_row(&b, "年度预算申请（万元）||年初预算数|全年预算数|全年执行数|分值|"
               "执行率|得分");
    tb_row(&b, "|年度资金总额|10|10|10|10|100%|10");
    p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某区林业局");
        CHECK_INT(p->year.v, 2019);
    }
    tb_free(&b, &dg);
}

/* A whole form run together on one line (WPS text, a PDF's text): the
 * year after the form's title words, the unit after 实施单位 with its
 * budget code dropped. */
static void run_together(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "附件: 项目支出绩效自评表 (2022年度) 项目名称 某某委托项目 "
                "主管部门 219-某某镇人民政府 实施单位 219001-某某镇人民政府 "
                "项目资金 (万元) 年初预算数 全年预算数 全年执行数");
    tb_para(&b, "一、基本情况");
    tb_para(&b, "本项目完成。");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某某镇人民政府");
        CHECK_INT(p->year.v, 2022);
    }
    tb_free(&b, &dg);

    /* no separators at all: the value ends at the next label word */
    tb_init(&b, "who.txt");
    tb_para(&b, "绩效目标自评表(2021年度)项目名称某某水标尺项目主管部门某县水利局"
                "实施单位某县水利局资金情况(万元)全年预算数(A)");
    tb_para(&b, "一、基本情况");
    tb_para(&b, "本项目完成。");
    p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某县水利局");
        CHECK_INT(p->year.v, 2021);
    }
    tb_free(&b, &dg);
}

/* A file's name is never a title: its year is not the document's; a
 * report's title inside a long line after a page caption naming a file
 * gives the unit, and the year the text speaks of most. */
static void file_names(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "2019年度某某维护项目绩效自评表.pdf");
    tb_para(&b, "某市项目绩效目标自评表 填报日期:2020 年 2 月 18 日 "
                "项目实施单位 某市城投公司 项目主管单位 某市纪委监委");
    tb_para(&b, "一、基本情况");
    tb_para(&b, "本项目完成。");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某市城投公司");
        CHECK(!p->year.present);
    }
    tb_free(&b, &dg);

    tb_init(&b, "who.txt");
    tb_para(&b, "《某市某区电子政务中心项目资金绩效自评报告.docx》由会员分享。"
                "1、某市某区电子政务中心项目资金绩效自评报告一、基本情况"
                "(一)项目基本情况。2020年共预算项目7个，2020年到位资金"
                "219.4万元，2021年继续实施。");
    tb_para(&b, "一、基本情况");
    tb_para(&b, "本项目完成。");
    p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某市某区电子政务中心");
        CHECK_INT(p->year.v, 2020);
    }
    tb_free(&b, &dg);

    struct jx_arena *a = jx_arena_new();
    CHECK_STR(jx_rc_unit_name(a, "某甸区(qū)园林和林业(yè)局"),
              "某甸区园林和林业局");
    CHECK_STR(jx_rc_unit_name(a, "某某中心(筹)"), "某某中心(筹)");
    CHECK_STR(jx_rc_unit_name(a, "某市预算绩效评价中心"), "某市预算绩效评价中心");
    CHECK(!jx_rc_unit_name(a, "某市预算绩效评价"));
    jx_arena_free(a);
}

/* A document in traditional characters (a mirror's copy), through the
 * text importer: the title's unit and year, read as simplified. */
static void traditional(void)
{
    static const char text[] =
        "某區園林和林業局2021年度部門整體支出績效自評報告\n"
        "\n"
        "一、基本情況\n"
        "\n"
        "本單位在職人員12人，年度預算資金63萬元。\n"
        "\n"
        "項目經費執行數與決算數一致。\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    enum jx_input_kind k;
    struct jx_package *p =
        jx_import(a, "hant.txt", text, sizeof text - 1, NULL, &dg, &k);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某区园林和林业局");
        CHECK_INT(p->year.v, 2021);
    }
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A URL glued before a title (a stored page's first line) is not part
 * of the unit's name. */
static void url_title(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "https://www.example.gov.cn/info/1.htm某市数据中心2024年度"
                "部门整体支出绩效自评报告");
    tb_para(&b, "一、基本情况");
    tb_para(&b, "在职4人。");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某市数据中心");
        CHECK_INT(p->year.v, 2024);
        CHECK_STR(p->report.title.s, "某市数据中心2024年度部门整体支出绩效自评报告");
    }
    tb_free(&b, &dg);
}

/* A report that reached us as one run-together line per page: its
 * title, unit and year, and its sections 一、二、三 in order (also
 * "一 标题。" whose blank was lost), never "二是". */
static void run_on_report(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "某某文档.docx");
    tb_para(&b, "某市某水源调度中心 2022 年整体和项目支出绩效自评总结报告 "
                "一 绩效管理工作开展情况。 我单位按要求开展了绩效管理，一是"
                "加强制度建设；二是完善责任。 二 部门整体绩效自评结果。 "
                "部门预算总金额 803.74 万元。");
    tb_para(&b, "2、项目金额 46.00 万元。三、存在的问题。无。");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某市某水源调度中心");
        CHECK_INT(p->year.v, 2022);
        CHECK(p->report.present);
        CHECK_INT(p->report.nsections, 3);
        if (p->report.nsections == 3) {
            CHECK_STR(p->report.sections[0].title.s, "绩效管理工作开展情况");
            CHECK_STR(p->report.sections[1].title.s, "部门整体绩效自评结果");
            CHECK_STR(p->report.sections[2].title.s, "存在的问题");
            CHECK_INT(p->report.sections[2].no, 3);
        }
    }
    tb_free(&b, &dg);
}

/* The suite. */
/* Whether the diagnostics hold code. */
static bool has_code(const struct jx_diags *dg, const char *code)
{
    for (size_t i = 0; i < dg->n; i++) {
        if (strcmp(dg->a[i].code, code) == 0) {
            return true;
        }
    }
    return false;
}

/* A form flattened one cell per line: the label 实施单位 alone on its
 * line names the unit on the next line; a form whose cells hold figures
 * that no header places is "seen but not read" (I413), never a blank
 * template (I405). */
static void label_next_line(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "某县项目支出绩效自评表(2021年度)");
    tb_para(&b, "项目名称");
    tb_para(&b, "某某服务项目");
    tb_para(&b, "实施单位");
    tb_para(&b, "某县某镇卫生院");
    tb_row(&b, "甲|乙|丙");
    tb_row(&b, "207.4538|97.30%|1.5");
    tb_row(&b, "丁|戊|己");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某县某镇卫生院");
        CHECK_INT(p->year.v, 2021);
        CHECK_INT(p->nproject_sheets, 0);
    }
    CHECK(has_code(&dg, "I413"));
    CHECK(!has_code(&dg, "I405"));
    tb_free(&b, &dg);
}

/* A form title with nothing under it (a file name line) is no form: no
 * blank-template note. */
static void title_alone(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "某县项目支出绩效自评表(2021年度)");
    tb_para(&b, "项目支出绩效自评表.xlsx");
    struct jx_diags dg;
    tb_recog(&b, &dg);
    CHECK(!has_code(&dg, "I405"));
    tb_free(&b, &dg);
}

/* A 整体 sheet's head flattened one cell per line whose label and value
 * cells lost their first character ("级预算单位名称", "山县农业局"): the
 * label is known without its first character; the value, a suffix of
 * the page's 来源 / 发布机构 name, is taken in full and marked
 * completed, the text as printed kept.  Without such a line, or with
 * two fuller names that differ, the name stays as printed. */
static void completed_unit(void)
{
    for (int v = 0; v < 3; v++) {
        struct tb b;
        tb_init(&b, "who.txt");
        tb_para(&b, "您现在所在的位置 : 首页 > 政务 > 信息公开");
        if (v == 0) {
            tb_para(&b, "2023-02-01 10:00 来源: 青山县农业局 发布机构: "
                        "青山县农业局 【字体: 打印");
        } else if (v == 2) {
            tb_para(&b, "来源：青山县农业局");
            tb_para(&b, "发布机构：白山县农业局");
        }
        tb_para(&b, "部门整体支出绩效自评表");
        tb_para(&b, "2022年度)");
        tb_para(&b, "级预算单位名称");
        tb_para(&b, "山县农业局");
        struct jx_diags dg;
        struct jx_package *p = tb_recog(&b, &dg);
        CHECK(p != NULL);
        if (p) {
            if (v == 0) {
                CHECK_STR(p->unit.name.s, "青山县农业局");
                CHECK(p->unit.name.prov &&
                      p->unit.name.prov->how == JX_HOW_COMPLETED);
                CHECK_STR(p->unit.name.prov->raw, "山县农业局");
            } else {
                CHECK_STR(p->unit.name.s, "山县农业局");
                CHECK(p->unit.name.prov &&
                      p->unit.name.prov->how == JX_HOW_READ);
            }
            CHECK(!has_code(&dg, "I403"));
        }
        tb_free(&b, &dg);
    }
}

/* A title's name is never completed from the page's 来源 line: only a
 * form's or a cover's 单位名称 is. */
static void title_not_completed(void)
{
    struct tb b;
    tb_init(&b, "who.txt");
    tb_para(&b, "来源: 青山县农业局");
    tb_para(&b, "县农业局2022年度部门整体支出绩效自评报告");
    tb_para(&b, "一、基本情况");
    tb_para(&b, "本局2022年收入100万元。");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p && p->unit.name.s) {
        CHECK(strcmp(p->unit.name.s, "青山县农业局") != 0);
        CHECK(p->unit.name.prov->how != JX_HOW_COMPLETED);
    }
    tb_free(&b, &dg);
}

const struct jx_test t_recog_who[] = {
    {"recog_who.completed_unit", completed_unit},
    {"recog_who.title_not_completed", title_not_completed},
    {"recog_who.title_year", title_year},
    {"recog_who.unit_names", unit_names},
    {"recog_who.breadcrumb_title", breadcrumb_title},
    {"recog_who.project_title", project_title},
    {"recog_who.sheet_implementer", sheet_implementer},
    {"recog_who.run_together", run_together},
    {"recog_who.title_about", title_about},
    {"recog_who.traditional", traditional},
    {"recog_who.url_title", url_title},
    {"recog_who.run_on_report", run_on_report},
    {"recog_who.file_names", file_names},
    {"recog_who.label_next_line", label_next_line},
    {"recog_who.title_alone", title_alone},
    {NULL, NULL},
};
