/*
 * t_recog.c - tests of the recognisers (document -> package) and of the
 * facts of the report text: documents built by hand in the shapes the
 * importers give (text tables with drifting rows, DOCX tables with
 * merged cells), then the five seeds through the real importer when
 * ../shared/seeds is there.
 */
#include "harness.h"

#include "docbuild.h"

#include <stdlib.h>

#include <jansson.h>

#include "jixiao/facts.h"
#include "jixiao/import.h"
#include "import/import_formats.h"
#include "jixiao/pipeline.h"
#include "recognise/recognise.h"
#include "recognise/recog.h"
#include "jixiao/pkgjson.h"
#include "jixiao/score.h"

/* ---- building documents ------------------------------------------------ */

/* The number of findings with code. */
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

/* The first finding with code, or NULL. */
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

/* ---- 基础数据表 -------------------------------------------------------- */

/* The base sheet in the one-cell-per-line layout of seed 003: labels by
 * row, three year columns by header text, blank cells absent, project
 * lines by category, buildings header split over lines. */
static void base_sheet(void)
{
    struct tb b;
    tb_init(&b, "base.txt");
    tb_para(&b, "附件1");
    tb_para(&b, "2024年度预算单位整体支出绩效评价基础数据表");
    tb_row(&b, "预算单位名称|示范街道办事处");
    tb_row(&b, "财政供养人员情况(人)|编制数|2024年实际在职\n人数|控制率");
    tb_row(&b, "|50|46|92%");
    tb_row(&b, "经费控制情况(万元)|2023年决算数|2024年预算数|2024年决算数");
    tb_row(&b, "三公经费|3.5|4|2.8");
    tb_row(&b, "1、公务用车购置和维护经费|2|2|1.5");
    tb_row(&b, "其中：公车购置|||");
    tb_row(&b, "公车运行维护|2|2|1.5");
    tb_row(&b, "2、出国经费|/|/|/");
    tb_row(&b, "3、公务接待|1.5|2|1.3");
    tb_row(&b, "项目支出：|100|120|110.25");
    tb_row(&b, "1、业务工作经费|60|70|65");
    tb_row(&b, "2、运行维护经费|||");
    tb_row(&b, "|||");
    tb_row(&b, "3、区级专项资金(一个专项一行)|||");
    tb_row(&b, "防汛专项|40|50|45.25");
    tb_row(&b, "4、上级转移支付(一个专项一行）|||");
    tb_row(&b, "公用经费|30|31|29");
    tb_row(&b, "其中：办公经费||11.31|……");
    tb_row(&b, "水费、电费、差旅费||3|2");
    tb_row(&b, "会议费、培训费||2|");
    tb_row(&b, "政府采购金额|10|12|11");
    tb_row(&b, "部门基本支出预算调整|||");
    tb_row(&b, "楼堂馆所控制情况\n(2024年完工项目)|批复规模\n(m²)|实际规\n模(m²)|"
               "规模控制率|预算投资\n(万元)|实际\n投资\n(万元)|投资概\n算控制\n率");
    tb_row(&b, "社区服务中心|800|780|97.5%|300|290|96.67%");
    tb_row(&b, "厉行节约保障措施|加强宣传，节约开支。");
    tb_para(&b, "填表人：张某     联系电话：0730-0000000   单位负责人：李某   "
                "填报日期：2025.07.11");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (!p) {
        tb_free(&b, &dg);
        return;
    }
    const struct jx_base_sheet *s = &p->base;
    CHECK(s->present);
    CHECK_STR(p->unit.name.s, "示范街道办事处");
    CHECK_INT(p->year.v, 2024);
    CHECK_INT(s->unit, JX_WANYUAN);
    CHECK_INT(s->authorized.v, 50);
    CHECK_INT(s->actual.v, 46);
    CHECK_STR(tb_num(&s->control_rate, true), "92%");
    CHECK_INT(s->authorized.prov->line, 5);
    CHECK_STR(tb_money(&s->three_public.prev_final, JX_WANYUAN), "3.50");
    CHECK_STR(tb_money(&s->three_public.budget, JX_WANYUAN), "4.00");
    CHECK_STR(tb_money(&s->three_public.final, JX_WANYUAN), "2.80");
    CHECK_STR(tb_money(&s->vehicle.final, JX_WANYUAN), "1.50");
    CHECK(!s->vehicle_purchase.budget.present);
    CHECK_STR(tb_money(&s->vehicle_operation.prev_final, JX_WANYUAN), "2.00");
    CHECK(!s->overseas.prev_final.present && !s->overseas.final.present);
    CHECK_STR(tb_money(&s->reception.budget, JX_WANYUAN), "2.00");
    CHECK_STR(tb_money(&s->project.final, JX_WANYUAN), "110.25");
    CHECK_INT(s->nproject_lines, 2);
    if (s->nproject_lines == 2) {
        CHECK_INT(s->project_lines[0].cat, JX_PCAT_BUSINESS);
        CHECK_STR(s->project_lines[0].name.s, "业务工作经费");
        CHECK_STR(tb_money(&s->project_lines[0].cost.budget, JX_WANYUAN), "70.00");
        CHECK_INT(s->project_lines[1].cat, JX_PCAT_LOCAL_SPECIAL);
        CHECK_STR(s->project_lines[1].name.s, "防汛专项");
        CHECK_STR(tb_money(&s->project_lines[1].cost.final, JX_WANYUAN), "45.25");
    }
    CHECK_STR(tb_money(&s->public_funds.prev_final, JX_WANYUAN), "30.00");
    CHECK_STR(tb_money(&s->office.budget, JX_WANYUAN), "11.31");
    CHECK(!s->office.final.present);
    CHECK(!s->office.prev_final.present);
    CHECK_STR(tb_money(&s->utilities_travel.final, JX_WANYUAN), "2.00");
    CHECK_STR(tb_money(&s->meetings_training.budget, JX_WANYUAN), "2.00");
    CHECK_STR(tb_money(&s->procurement.prev_final, JX_WANYUAN), "10.00");
    CHECK(!s->basic_adjustment.budget.present);
    CHECK_INT(s->nbuildings, 1);
    if (s->nbuildings == 1) {
        CHECK_STR(s->buildings[0].name.s, "社区服务中心");
        CHECK_STR(tb_num(&s->buildings[0].approved_area, false), "800");
        CHECK_STR(tb_num(&s->buildings[0].actual_area, false), "780");
        CHECK_STR(tb_num(&s->buildings[0].area_rate, true), "97.5%");
        CHECK_STR(tb_money(&s->buildings[0].actual_invest, JX_WANYUAN),
                  "290.00");
        CHECK_STR(tb_num(&s->buildings[0].invest_rate, true), "96.67%");
    }
    CHECK_STR(s->thrift_measures.s, "加强宣传，节约开支。");
    CHECK_STR(p->contacts.preparer.s, "张某");
    CHECK_STR(p->contacts.phone.s, "0730-0000000");
    CHECK_STR(p->contacts.head.s, "李某");
    CHECK(p->contacts.date.present && p->contacts.date.y == 2025 &&
          p->contacts.date.m == 7 && p->contacts.date.d == 11);
    CHECK(p->submission.materials_present);
    CHECK(p->submission.materials[JX_MAT_BASE_SHEET]);
    CHECK(!p->submission.materials[JX_MAT_REPORT]);
    CHECK_INT(jx_diags_errors(&dg), 0);
    tb_free(&b, &dg);
}

/* ---- 整体 / 项目支出绩效自评表 ------------------------------------------ */

/* True when a cost row has any amount. */
static bool cost_any_test(const struct jx_cost *c)
{
    return c->prev_final.present || c->budget.present || c->final.present;
}

/* A 评价指标表 run into words after a 基础数据表 (its header words each
 * followed by "得分"): rows of label / number pairs (一级, 二级, 三级 and
 * their points), the standard and the description split at the first
 * blank after a sentence's end, the score ending the text; levels
 * carried down; a two-word name joined; the row the document ends in
 * keeps no score; its points placed by position. */
static void dept_words(void)
{
    struct tb b;
    tb_init(&b, "stream.txt");
    tb_para(&b, "附件3: 部门整体支出绩效评价基础数据表 填报单位: 单位:万元 "
                "财政供养人员情况 编制数 2021年实际在职人数 控制率");
    tb_para(&b, "40 38 95.00% 经费控制情况 2020年决算数 2021年预算数 "
                "2021年决算数 三公经费 5.10 6.00 5.50 部门整体支出绩效评价指标表 "
                "一级指标 得分 二级指标 得分 三级指标 得分 评价标准 指标说明 得分 投入");
    tb_para(&b, "20 预算配置");
    tb_para(&b, "20 人员控制率");
    tb_para(&b, "10 以100%为标准.控制率Q100%,计10分;");
    tb_para(&b, "每超过一个百分点扣1分,扣完为止. 本单位年末在职38人,占编制40人的95.00%.");
    tb_para(&b, "10 公用经费 变动率");
    tb_para(&b, "10 变动率Q0,计10分; 每超过一个百分点扣1分. 本年公用经费12万元,上年10万元,变动率为20.00%");
    tb_para(&b, "0 过程");
    tb_para(&b, "30 预算执行");
    tb_para(&b, "10 预算完成率");
    tb_para(&b, "10 100%计满分,每低于5%扣2分");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (!p) {
        tb_free(&b, &dg);
        return;
    }
    CHECK_STR(tb_money(&p->base.three_public.final, JX_WANYUAN), "5.50");
    const struct jx_rubric *rb = &p->dept_scoring;
    CHECK(rb->present);
    CHECK_INT(rb->nrows, 3);
    if (rb->nrows == 3) {
        CHECK_STR(rb->title.s, "部门整体支出绩效评价指标表");
        CHECK_STR(rb->rows[0].level1.s, "投入");
        CHECK_STR(rb->rows[0].level2.s, "预算配置");
        CHECK_STR(rb->rows[0].name.s, "人员控制率");
        CHECK_STR(tb_num(&rb->rows[0].points, false), "10");
        CHECK_STR(tb_num(&rb->rows[0].score, false), "10");
        CHECK(rb->rows[0].points.prov->how == JX_HOW_POSITION);
        CHECK_STR(rb->rows[0].standard.s,
                  "以100%为标准.控制率Q100%,计10分; 每超过一个百分点扣1分,扣完为止.");
        CHECK_STR(rb->rows[0].description.s,
                  "本单位年末在职38人,占编制40人的95.00%.");
        CHECK_STR(rb->rows[1].level1.s, "投入");
        CHECK_STR(rb->rows[1].name.s, "公用经费变动率");
        CHECK_STR(tb_num(&rb->rows[1].points, false), "10");
        CHECK_STR(tb_num(&rb->rows[1].score, false), "0");
        CHECK_STR(rb->rows[1].description.s,
                  "本年公用经费12万元,上年10万元,变动率为20.00%");
        CHECK_STR(rb->rows[2].level1.s, "过程");
        CHECK_STR(rb->rows[2].level2.s, "预算执行");
        CHECK_STR(rb->rows[2].name.s, "预算完成率");
        CHECK_STR(tb_num(&rb->rows[2].points, false), "10");
        CHECK(!rb->rows[2].score.present);
        CHECK(!rb->rows[2].description.s);
    }
    tb_free(&b, &dg);
}

/* A base sheet flattened into one run of words: the staffing header's
 * numbers in order; cost rows whose numbers fill the header's columns
 * exactly; rows with fewer numbers, damaged numbers and everything
 * after another form's title are not read. */
static void base_stream(void)
{
    struct tb b;
    tb_init(&b, "stream.txt");
    tb_para(&b, "附件2: 部门整体支出绩效评价基础数据表 填报单位: 单位:万元 "
                "财政供养人员情况 编制数 2023年实际在职人数 控制率");
    tb_para(&b, "52 49 94.23% 经费控制情况 2022年决算数 2023年预算数 "
                "2023年决算数 三公经费 12.50 18.00 15.75");
    tb_para(&b, "1、公务用车购置和维护经费 8.20 10.00 9.10 其中:公车购置 6.00 "
                "5.50 公车运行维护 8.20");
    tb_para(&b, "4 3.60");
    tb_para(&b, "2、出国经费");
    tb_para(&b, "会议费、培训费 1.5 2.00. 1.2 政府采购金额 3 4 5 6");
    tb_para(&b, "部门整体支出绩效评价指标表 一级指标 得分 编制数 8 公务接待 1 2 3");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (!p) {
        tb_free(&b, &dg);
        return;
    }
    const struct jx_base_sheet *s = &p->base;
    CHECK(s->present);
    CHECK_INT(s->authorized.v, 52);
    CHECK_INT(s->actual.v, 49);
    CHECK_STR(tb_num(&s->control_rate, true), "94.23%");
    CHECK_INT(s->authorized.prov->how, JX_HOW_POSITION);
    CHECK_STR(tb_money(&s->three_public.prev_final, JX_WANYUAN), "12.50");
    CHECK_STR(tb_money(&s->three_public.budget, JX_WANYUAN), "18.00");
    CHECK_STR(tb_money(&s->three_public.final, JX_WANYUAN), "15.75");
    CHECK_INT(s->three_public.final.prov->how, JX_HOW_POSITION);
    CHECK_STR(tb_money(&s->vehicle.prev_final, JX_WANYUAN), "8.20");
    CHECK_STR(tb_money(&s->vehicle.final, JX_WANYUAN), "9.10");
    /* two numbers of three columns, placed by 公务用车 = 购置 + 运行维护 */
    CHECK(!s->vehicle_purchase.prev_final.present);
    CHECK_STR(tb_money(&s->vehicle_purchase.budget, JX_WANYUAN), "6.00");
    CHECK_STR(tb_money(&s->vehicle_purchase.final, JX_WANYUAN), "5.50");
    CHECK_STR(tb_money(&s->vehicle_operation.prev_final, JX_WANYUAN), "8.20");
    CHECK_STR(tb_money(&s->vehicle_operation.budget, JX_WANYUAN), "4.00");
    CHECK_STR(tb_money(&s->vehicle_operation.final, JX_WANYUAN), "3.60");
    CHECK(!s->overseas.budget.present);
    CHECK(!s->meetings_training.prev_final.present &&
          !s->meetings_training.final.present);
    CHECK(!s->procurement.budget.present);
    CHECK(!s->reception.budget.present);
    tb_free(&b, &dg);
    /* the same with numbers the sums do not confirm: not placed */
    tb_init(&b, "stream2.txt");
    tb_para(&b, "附件2: 部门整体支出绩效评价基础数据表 填报单位: 单位:万元 "
                "财政供养人员情况 编制数 2023年实际在职人数 控制率");
    tb_para(&b, "52 49 94.23% 经费控制情况 2022年决算数 2023年预算数 "
                "2023年决算数 1、公务用车购置和维护经费 8.20 10.00 9.10 "
                "其中:公车购置 6.00 5.00 公车运行维护 8.20 4 3.60");
    p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK(!cost_any_test(&p->base.vehicle_purchase));
        CHECK_STR(tb_money(&p->base.vehicle_operation.final, JX_WANYUAN), "3.60");
    }
    tb_free(&b, &dg);
    /* fewer staffing numbers than header columns: none is read */
    tb_init(&b, "stream3.txt");
    tb_para(&b, "附件2: 部门整体支出绩效评价基础数据表 填报单位: 单位:万元 "
                "财政供养人员情况 编制数 2023年实际在职人数 控制率");
    tb_para(&b, "52 49 经费控制情况 2022年决算数 2023年预算数 2023年决算数 "
                "三公经费 1 2 3");
    p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK(!p->base.authorized.present && !p->base.actual.present);
        CHECK_STR(tb_money(&p->base.three_public.final, JX_WANYUAN), "3.00");
    }
    tb_free(&b, &dg);
}

/* Staffing from a stream of lone lines: a label line then a whole
 * count; a longer label or a number that is no count is not read. */
static void base_pairs(void)
{
    struct tb b;
    tb_init(&b, "pairs.txt");
    tb_para(&b, "示范县2023年度部门整体支出绩效评价自评报告");
    tb_para(&b, "一、部门(单位)基本概况");
    tb_para(&b, "人员编制");
    tb_para(&b, "64");
    tb_para(&b, "实有人数：");
    tb_para(&b, "61人");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK(p->base.present);
        CHECK_INT(p->base.authorized.v, 64);
        CHECK_INT(p->base.authorized.prov->line, 4);
        CHECK_INT(p->base.actual.v, 61);
        /* staffing from the report: no 基础数据表 was handed in */
        CHECK(!jx_base_handed_in(p));
        CHECK(!p->submission.materials[JX_MAT_BASE_SHEET]);
    }
    tb_free(&b, &dg);
    tb_init(&b, "pairs2.txt");
    tb_para(&b, "示范县2023年度部门整体支出绩效评价自评报告");
    tb_para(&b, "一、部门(单位)基本概况");
    tb_para(&b, "人员编制情况");
    tb_para(&b, "64");
    tb_para(&b, "实有人数");
    tb_para(&b, "61.5");
    p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK(!p->base.present);
        CHECK(!p->base.authorized.present && !p->base.actual.present);
    }
    tb_free(&b, &dg);
}

/* Inline fund splits ("其中：一般公共预算：300.50万元", in cells or on
 * lines of their own): each group (by source, by nature) goes in the
 * column of the total it adds up to: 全年执行数 (read), else 全年预算数
 * or 年初预算数 (how column, the text as printed kept); a group adding
 * up to none stays in 全年执行数, read. */
static void inline_splits(void)
{
    for (int v = 0; v < 3; v++) {
        struct tb b;
        tb_init(&b, "unit.txt");
        tb_para(&b, "2023年度部门整体支出绩效自评表");
        tb_row(&b, "年度预算申请(万元)|年初预算数|全年预算数|全年执行数|分值|"
                   "执行率|得分");
        tb_row(&b, v == 1 ? "年度资金总额|800.00|900.50|900.50|10|100%|10"
                          : "年度资金总额|800.00|900.50|850.25|10|94.42%|9.44");
        tb_para(&b, "按收入性质分:");
        tb_para(&b, "其中: 一般公共预算:600.50万元");
        tb_para(&b, v == 2 ? "其他资金:299万元" : "其他资金:300万元");
        tb_row(&b, "其中:基本支出:500.25万元|项目支出:350万元");
        tb_row(&b, "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分");
        tb_row(&b, "产出指标|数量指标|培训人次|≥100人次|120人次|10|10");
        struct jx_diags dg;
        struct jx_package *p = tb_recog(&b, &dg);
        CHECK(p && p->has_unit_sheet);
        if (!p || !p->has_unit_sheet) {
            tb_free(&b, &dg);
            continue;
        }
        const struct jx_funds *g = &p->unit_sheet.funds[JX_FUND_GENERAL_BUDGET];
        const struct jx_funds *o = &p->unit_sheet.funds[JX_FUND_OTHER];
        const struct jx_funds *bs = &p->unit_sheet.funds[JX_FUND_BASIC];
        const struct jx_funds *pr = &p->unit_sheet.funds[JX_FUND_PROJECT];
        if (v == 0) {
            /* 600.50 + 300 = 900.50 = 全年预算数 */
            CHECK_STR(tb_money(&g->budget_full, JX_WANYUAN), "600.50");
            CHECK_STR(tb_money(&o->budget_full, JX_WANYUAN), "300.00");
            CHECK(!g->executed.present && !o->executed.present);
            CHECK(g->budget_full.prov->how == JX_HOW_COLUMN);
            CHECK_STR(g->budget_full.prov->raw, "600.50万元");
            /* 500.25 + 350 = 850.25 = 全年执行数 */
            CHECK_STR(tb_money(&bs->executed, JX_WANYUAN), "500.25");
            CHECK_STR(tb_money(&pr->executed, JX_WANYUAN), "350.00");
            CHECK(bs->executed.prov->how == JX_HOW_READ);
            CHECK(!bs->budget_full.present);
        } else if (v == 1) {
            /* both 全年预算数 and 全年执行数: 全年执行数 first */
            CHECK_STR(tb_money(&g->executed, JX_WANYUAN), "600.50");
            CHECK(g->executed.prov->how == JX_HOW_READ);
            CHECK(!g->budget_full.present);
        } else {
            /* 600.50 + 299 adds up to no total: 全年执行数, as read */
            CHECK_STR(tb_money(&g->executed, JX_WANYUAN), "600.50");
            CHECK_STR(tb_money(&o->executed, JX_WANYUAN), "299.00");
            CHECK(g->executed.prov->how == JX_HOW_READ);
            CHECK(!g->budget_full.present);
        }
        tb_free(&b, &dg);
    }
}

/* The unit sheet: the funds row by header words, the 按收入/支出性质分
 * cells "其中：一般公共预算：1371.87", goals, indicators with level-1 and
 * level-2 carried down, and the total row that lost its label and sits
 * at the left of the row (aligned to the header's right end). */
static void unit_sheet(void)
{
    struct tb b;
    tb_init(&b, "unit.txt");
    tb_para(&b, "2024年度预算单位整体支出绩效自评表");
    tb_row(&b, "预算单位 名称|示范街道办事处");
    tb_row(&b, "年度预\n算申请\n(万元)||年初\n预算数|全年预算数|全年执行数|分值|"
               "执行率|得分");
    tb_row(&b, "|年度资金总额|2402.15|3911.21|1902.68|10|48.65%|4.87");
    tb_row(&b, "|按收入性质分：|按支出性质分：");
    tb_row(&b, "|其中：  一般公共预算：1371.87|其中：基本支出：1873.89");
    tb_row(&b, "|政府性基金拨款：|项目支出：28.79");
    tb_row(&b, "|其他资金：530.81|");
    tb_row(&b, "年度总体 目 标|预期目标|实际完成情况");
    tb_row(&b, "|1、 目标一。\n2、 目标二。|1、 完成一。");
    tb_row(&b, "绩效指标|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|"
               "得分|偏差原因分析\n及改进措施");
    tb_row(&b, "|产出指标\n(50分)|数量指标|上稿篇数|≧100篇|160篇|4|4|");
    tb_row(&b, "|||完成数|≧6个|12个|4|3.5|进度延后");
    tb_row(&b, "||质量\n指标|覆盖率|≧98%|100%|3|3|");
    tb_row(&b, "|效益指标\n(30分)|社会效\n益指标|群众安全感|有效提升|有效提升|5|5|");
    tb_row(&b, "|满意度\n指标\n(10分)|服务对象\n满意度指\n标|满意度|≧95%|98%|10|10|");
    tb_row(&b, "||||……||||");
    tb_row(&b, "|100|94.87|");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p && p->has_unit_sheet);
    if (!p || !p->has_unit_sheet) {
        tb_free(&b, &dg);
        return;
    }
    const struct jx_sheet *s = &p->unit_sheet;
    CHECK_STR(p->unit.name.s, "示范街道办事处");
    CHECK_INT(s->kind, JX_SHEET_UNIT);
    CHECK_INT(s->unit, JX_WANYUAN);
    CHECK_STR(tb_money(&s->total.budget_initial, JX_WANYUAN), "2402.15");
    CHECK_STR(tb_money(&s->total.budget_full, JX_WANYUAN), "3911.21");
    CHECK_STR(tb_money(&s->total.executed, JX_WANYUAN), "1902.68");
    CHECK_STR(tb_num(&s->total.points, false), "10");
    CHECK_STR(tb_num(&s->total.rate, true), "48.65%");
    CHECK_STR(tb_num(&s->total.score, false), "4.87");
    CHECK_INT(s->total.executed.prov->line, 4);
    CHECK_STR(tb_money(&s->funds[JX_FUND_GENERAL_BUDGET].executed, JX_WANYUAN),
              "1371.87");
    CHECK_STR(tb_money(&s->funds[JX_FUND_BASIC].executed, JX_WANYUAN), "1873.89");
    CHECK_STR(tb_money(&s->funds[JX_FUND_PROJECT].executed, JX_WANYUAN), "28.79");
    CHECK_STR(tb_money(&s->funds[JX_FUND_OTHER].executed, JX_WANYUAN), "530.81");
    CHECK(!s->funds[JX_FUND_GOV_FUND].executed.present);
    CHECK_INT(s->ngoals, 1);
    if (s->ngoals) {
        CHECK_STR(s->goals[0].expected.s, "1、目标一。\n2、目标二。");
        CHECK_STR(s->goals[0].actual.s, "1、完成一。");
    }
    CHECK_INT(s->nindicators, 5);
    if (s->nindicators == 5) {
        const struct jx_indicator *x = s->indicators;
        CHECK_STR(x[0].level1.s, "产出指标");
        CHECK_STR(x[0].level2.s, "数量指标");
        CHECK_STR(x[0].name.s, "上稿篇数");
        CHECK_STR(x[0].target.s, "≧100篇");
        CHECK_STR(x[0].actual.s, "160篇");
        CHECK_STR(tb_num(&x[0].points, false), "4");
        CHECK_STR(tb_num(&x[0].score, false), "4");
        CHECK(!x[0].deviation.s);
        CHECK_INT(x[0].prov->line, 12);
        CHECK_STR(x[1].level1.s, "产出指标");
        CHECK_STR(x[1].level2.s, "数量指标");
        CHECK_STR(tb_num(&x[1].score, false), "3.5");
        CHECK_STR(x[1].deviation.s, "进度延后");
        CHECK_STR(x[2].level2.s, "质量指标");
        CHECK_STR(x[3].level1.s, "效益指标");
        CHECK_STR(x[3].level2.s, "社会效益指标");
        CHECK_STR(x[4].level1.s, "满意度指标");
        CHECK_STR(x[4].level2.s, "服务对象满意度指标");
    }
    CHECK_STR(tb_num(&s->stated_total, false), "94.87");
    CHECK_INT(s->stated_total.prov->line, 18);
    CHECK(p->submission.materials[JX_MAT_UNIT_SHEET]);
    CHECK(!p->submission.materials[JX_MAT_PROJECT_SHEETS]);
    CHECK_INT(dg.n, 0);
    tb_free(&b, &dg);
}

/* A blank 项目支出绩效自评表 ("/", "……", printed 分值 only) makes no
 * project sheet, but counts as handed in, with a note; a filled one
 * after it is read. */
static void project_sheets(void)
{
    struct tb b;
    tb_init(&b, "proj.txt");
    tb_para(&b, "附件 3");
    tb_para(&b, "2024 年度项目支出绩效自评表");
    tb_row(&b, "项目支出名称|/");
    tb_row(&b, "主管部门||实施单位|");
    tb_row(&b, "\n项目资金（万元）||年初预算数|全年预算数|全年执行数|分值|执行率|"
               "自评得分");
    tb_row(&b, "|年度资金总额|/|/|/|10|/|/");
    tb_row(&b, "|其中：当年财政拨款||||||");
    tb_row(&b, "绩 效 指 标|一级指标|二级指标|三级指标|年度\n指标值|实际\n完成值|"
               "分值|自评得分|偏差原因分析及改进措施");
    tb_row(&b, "|产出指标\n(50分)|数量指标||||||");
    tb_row(&b, "|||……||||");
    tb_row(&b, "总分|100|/|");
    tb_para(&b, "2024 年度项目支出绩效自评表");
    tb_row(&b, "项目支出名称|社区建设专项");
    tb_row(&b, "主管部门|区民政局|实施单位|示范街道办事处");
    tb_row(&b, "项目资金（元）||年初预算数|全年预算数|全年执行数|分值|执行率|"
               "自评得分");
    tb_row(&b, "|年度资金总额|100,000.00|120,000.00|90,000.00|10|75%|7.5");
    tb_row(&b, "|其中：当年财政拨款|100,000.00|120,000.00|90,000.00|||");
    tb_row(&b, "绩效指标|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|"
               "自评得分|偏差原因分析及改进措施");
    tb_row(&b, "|产出指标|数量指标|活动室数量|≥2个|2个|50|50|");
    tb_row(&b, "总分|100|57.5|");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (!p) {
        tb_free(&b, &dg);
        return;
    }
    CHECK_INT(p->nproject_sheets, 1);
    CHECK(p->submission.materials[JX_MAT_PROJECT_SHEETS]);
    CHECK_INT(count_code(&dg, "I405"), 1);
    const struct jx_diag *e = find_code(&dg, "I405");
    CHECK(e && e->loc.line == 2 && e->severity == JX_SEV_NOTE);
    if (p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_INT(s->kind, JX_SHEET_PROJECT);
        CHECK_STR(s->name.s, "社区建设专项");
        CHECK_STR(s->supervisor.s, "区民政局");
        CHECK_STR(s->implementer.s, "示范街道办事处");
        CHECK_INT(s->unit, JX_YUAN);
        CHECK_STR(tb_money(&s->total.budget_full, JX_YUAN), "120000.00");
        CHECK_STR(tb_num(&s->total.rate, true), "75%");
        CHECK_STR(tb_money(&s->funds[JX_FUND_CURRENT_APPROP].executed, JX_YUAN),
                  "90000.00");
        CHECK_INT(s->nindicators, 1);
        CHECK_STR(tb_num(&s->stated_total, false), "57.5");
    }
    CHECK_INT(jx_diags_errors(&dg), 0);
    tb_free(&b, &dg);
}

/* A 项目支出绩效自评表 flattened into running text: "指标N:名称 目标
 * 实际 分值 得分" records are read where exactly four tokens follow the
 * name; interleaved records (other counts, score above points) stay
 * unread. */
static void flattened_indicators(void)
{
    struct tb b;
    tb_init(&b, "flat.txt");
    tb_para(&b, "某县项目支出绩效自评表(2022年度)");
    tb_para(&b, "得分 500人 2 2 指标3:培训教师人数 60人 58人 3 2.9 "
                "指标4:建成图书室 5个 5个 2 2");
    tb_para(&b, "指标5:巡查次数 ≥12次 10次 2");
    tb_para(&b, "指标6:覆盖村数 8个 8个 2 3");
    tb_para(&b, "指标7:受益人数 900人 800人 3 2 指标8:");
    tb_para(&b, "指标9:群众满意度 95% 96% 5 5 88人 2 2");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    CHECK_INT(p ? p->nproject_sheets : 0, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_INT(s->nindicators, 3);
        if (s->nindicators == 3) {
            const struct jx_indicator *in = s->indicators;
            CHECK_STR(in[0].name.s, "培训教师人数");
            CHECK_STR(in[0].target.s, "60人");
            CHECK_STR(in[0].actual.s, "58人");
            CHECK_STR(tb_num(&in[0].points, false), "3");
            CHECK_STR(tb_num(&in[0].score, false), "2.9");
            CHECK(in[0].prov && in[0].prov->line == 2 &&
                  in[0].prov->col == 13);
            CHECK_STR(in[1].name.s, "建成图书室");
            CHECK_STR(tb_num(&in[1].score, false), "2");
            CHECK_STR(in[2].name.s, "受益人数");
            CHECK_STR(tb_num(&in[2].points, false), "3");
            CHECK_STR(tb_num(&in[2].score, false), "2");
        }
    }
    CHECK_INT(count_code(&dg, "I413"), 0);
    tb_free(&b, &dg);
}

/* Recognise the text s (imported as a portal's pipe text). */
static struct jx_package *text_recog(struct jx_arena *a, const char *s,
                                     struct jx_diags *dg)
{
    struct jx_limits l;
    jx_limits_default(&l);
    jx_diags_init(dg, a);
    struct jx_doc *d = jx_import_text(a, "pipe.txt", s, strlen(s), &l, dg);
    return d ? jx_recognise(a, d, dg) : NULL;
}

/* A 整体支出绩效自评表 as padded pipe rows without a title line: found
 * from its funds header and its 单位名称 row; the funds row that lost
 * its blank 执行数 cell is read by kind (the percentage is the rate);
 * indicator rows that dropped their merged level cells are aligned
 * without the padding; the execution points come from "(20分)".
 * Without a row only one kind of form prints, no form is taken. */
static void untitled_form(void)
{
    static const char text[] =
        "单位名称 | 某乡人民政府 | ||||||||\n"
        "基本支出总额 | 512.6万 | 项目支出总额 | 0 | ||||||\n"
        "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | "
        "得分 (20分*执行率) | |||||\n"
        "部门整体支出总额 | 512.6 | 95% | 19 | ||||||\n"
        "年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | "
        "实际完成值(B) | 得分 | |||\n"
        "产出指标 | 数量指标 | 修缮道路 | 12公里 | 12公里 | 30 | ||||\n"
        "质量指标 | 验收合格率 | 100% | 100% | 20 | |||||\n"
        "满意度指标 | 满意度指标 | 群众满意度 | ≥90% | 93% | 30 | ||||\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    struct jx_package *p = text_recog(a, text, &dg);
    CHECK(p && p->has_unit_sheet);
    if (p && p->has_unit_sheet) {
        const struct jx_sheet *s = &p->unit_sheet;
        CHECK_STR(p->unit.name.s, "某乡人民政府");
        CHECK_STR(tb_money(&s->total.budget_full, JX_WANYUAN), "512.60");
        CHECK(!s->total.executed.present);
        CHECK(s->total.budget_full.prov &&
              s->total.budget_full.prov->how == JX_HOW_POSITION);
        CHECK_STR(tb_num(&s->total.rate, true), "95%");
        CHECK_STR(tb_num(&s->total.score, false), "19");
        CHECK_STR(tb_num(&s->total.points, false), "20");
        CHECK_INT(s->nindicators, 3);
        if (s->nindicators == 3) {
            const struct jx_indicator *in = s->indicators;
            CHECK_STR(in[0].level1.s, "产出指标");
            CHECK_STR(in[0].name.s, "修缮道路");
            CHECK_STR(tb_num(&in[0].score, false), "30");
            CHECK_STR(in[1].level1.s, "产出指标");
            CHECK_STR(in[1].level2.s, "质量指标");
            CHECK_STR(in[1].name.s, "验收合格率");
            CHECK_STR(in[1].target.s, "100%");
            CHECK_STR(in[1].actual.s, "100%");
            CHECK_STR(tb_num(&in[1].score, false), "20");
            CHECK_STR(in[2].name.s, "群众满意度");
            CHECK_STR(in[2].actual.s, "93%");
        }
    }
    CHECK_INT(count_code(&dg, "I401"), 0);
    jx_diags_release(&dg);
    /* the same table without its 单位名称 row: no form is taken */
    p = text_recog(a, strchr(text, '\n') + 1, &dg);
    CHECK(!p || (!p->has_unit_sheet && p->nproject_sheets == 0));
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A Hubei 整体 form as padded pipe rows: the amounts beside the fund
 * labels of its head fill the column the form names (head_amounts:
 * 全年预算数), the one figure after 总分 is the total when the form
 * prints no 分值 column, and the sheet keeps the form's execution-row
 * weight (20, printed as "(20分)") and that it has no 分值 column.  The
 * same form whose header prints "(10分)" keeps no weight of its own. */
static void hubei_head(void)
{
    static const char text[] =
        "索引号 | 011/2021-00017 | 发布机构 | 某乡人民政府 |\n"
        "单位名称:某乡政府 填报日期:2021.5.18\n"
        "单位名称 | 某乡人民政府 | ||||||||\n"
        "基本支出总额 | 512.6万 | 项目支出总额 | 38 | ||||||\n"
        "预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | "
        "得分 (20分*执行率) | |||||\n"
        "部门整体支出总额 | 550.6 | 95% | 19 | ||||||\n"
        "年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | "
        "实际完成值(B) | 得分 | |||\n"
        "产出指标 | 数量指标 | 修缮道路 | 12公里 | 12公里 | 30 | ||||\n"
        "满意度指标 | 满意度指标 | 群众满意度 | ≥90% | 93% | 30 | ||||\n"
        "总分 | 79分 | ||||||||\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    struct jx_package *p = text_recog(a, text, &dg);
    CHECK(p && p->has_unit_sheet);
    if (p && p->has_unit_sheet) {
        const struct jx_sheet *s = &p->unit_sheet;
        CHECK_STR(tb_money(&s->funds[JX_FUND_BASIC].budget_full, JX_WANYUAN),
                  "512.60");
        CHECK_STR(tb_money(&s->funds[JX_FUND_PROJECT].budget_full, JX_WANYUAN),
                  "38.00");
        CHECK(!s->funds[JX_FUND_BASIC].executed.present);
        CHECK(!s->funds[JX_FUND_BASIC].budget_initial.present);
        CHECK(!s->total.executed.present);
        CHECK_STR(tb_num(&s->stated_total, false), "79");
        CHECK_INT(s->exec_points, 20);
        CHECK(s->cols_absent.points);
        CHECK_INT(s->nindicators, 2);
    }
    /* 某乡政府 is 某乡人民政府 written short: no I403 */
    CHECK_STR(p ? p->unit.name.s : NULL, "某乡人民政府");
    CHECK_INT(count_code(&dg, "I403"), 0);
    jx_diags_release(&dg);
    /* another unit's name is one */
    char *other = jx_strdup(a, text);
    char *on = strstr(other, "单位名称:某乡政府");
    CHECK(on != NULL);
    if (on) {
        memcpy(on + strlen("单位名称:"), "某村", strlen("某村"));
    }
    p = text_recog(a, other, &dg);
    CHECK_INT(count_code(&dg, "I403"), 1);
    jx_diags_release(&dg);
    /* the header prints 10 points: the form's 20 is not this sheet's */
    char *ten = jx_strdup(a, text);
    char *at = strstr(ten, "(20分)");
    CHECK(at != NULL);
    if (at) {
        at[1] = '1';
    }
    p = text_recog(a, ten, &dg);
    CHECK(p && p->has_unit_sheet);
    if (p && p->has_unit_sheet) {
        CHECK_STR(tb_num(&p->unit_sheet.total.points, false), "10");
        CHECK_INT(p->unit_sheet.exec_points, 0);
    }
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A 项目支出绩效自评表 flattened to one line of a converted spreadsheet,
 * its cells interleaved: the funds header's words with labels between
 * them, the total row one amount short (the amount after the row is
 * the missing one: both placements the rate allows give the same
 * amounts); a name wrapped onto the next row ("天") that pushes the
 * next record's name before its cells; a column block cutting rows 1-4
 * after their targets, their (actual, points, score) triples after it.
 * Only record 1 of the cut rows has its target alone after its name:
 * it is read, by position; record 2's five tokens are not. */
static void interleaved_line(void)
{
    static const char text[] =
        "某县项目支出绩效自评表 (2023年度) 项目名称 农村饮水安全 主管部门 "
        "某县水利局 年初预算 数 0 项目资金 (万元) 年度资金总额 实施单位 "
        "某县供水站 全年预算数 全年执行数 分值 执行率 得分 0 86.25 10 100% "
        "10 86.25 — 100% — 其中:当年财政拨款 上年结转资金 其他资金 年度 "
        "总体 目标 一级 指标 — 农村饮水 年度 实际 指标值 完成值 "
        "指标1:新建水池 120座 指标2:铺设管网 不少于8 公里 不少于3 处 40次 "
        "二级指标 三级指标 指标4:水质检测 分值 得分 110座 4 4 9公里 2 2 "
        "5处 2 2 45次 2 2 指标5:维修泵站 6座 6座 2 2 指标6:供水保障 天 "
        "指标7:入户率 20户 20户 2 2 3000户 2700户 3 2.5 质量指标\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    struct jx_package *p = text_recog(a, text, &dg);
    CHECK_INT(p ? p->nproject_sheets : 0, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_STR(s->name.s, "农村饮水安全");
        CHECK_STR(s->supervisor.s, "某县水利局");
        CHECK_STR(s->implementer.s, "某县供水站");
        CHECK_STR(tb_money(&s->total.budget_initial, JX_WANYUAN), "0.00");
        CHECK_STR(tb_money(&s->total.budget_full, JX_WANYUAN), "86.25");
        CHECK_STR(tb_money(&s->total.executed, JX_WANYUAN), "86.25");
        CHECK_STR(tb_num(&s->total.points, false), "10");
        CHECK_STR(tb_num(&s->total.rate, true), "100%");
        CHECK_STR(tb_num(&s->total.score, false), "10");
        CHECK(s->total.executed.prov &&
              s->total.executed.prov->how == JX_HOW_POSITION);
        CHECK_INT(s->nindicators, 4);
        if (s->nindicators == 4) {
            const struct jx_indicator *in = s->indicators;
            CHECK_STR(in[0].name.s, "新建水池");
            CHECK_STR(in[0].target.s, "120座");
            CHECK_STR(in[0].actual.s, "110座");
            CHECK_STR(tb_num(&in[0].points, false), "4");
            CHECK_STR(tb_num(&in[0].score, false), "4");
            CHECK(in[0].actual.prov &&
                  in[0].actual.prov->how == JX_HOW_POSITION);
            CHECK(in[0].target.prov &&
                  in[0].target.prov->how == JX_HOW_READ);
            CHECK_STR(in[1].name.s, "维修泵站");
            CHECK(in[1].score.prov && in[1].score.prov->how == JX_HOW_READ);
            CHECK_STR(in[2].name.s, "供水保障天");
            CHECK_STR(in[2].target.s, "20户");
            CHECK_STR(tb_num(&in[2].score, false), "2");
            CHECK(in[2].score.prov &&
                  in[2].score.prov->how == JX_HOW_POSITION);
            CHECK_STR(in[3].name.s, "入户率");
            CHECK_STR(in[3].target.s, "3000户");
            CHECK_STR(in[3].actual.s, "2700户");
            CHECK_STR(tb_num(&in[3].points, false), "3");
            CHECK_STR(tb_num(&in[3].score, false), "2.5");
        }
    }
    jx_diags_release(&dg);
    /* the amount after the row disagrees with the rate (50 / 86.25 and
     * 86.25 / 50 are not 100%): the funds row is not read; the cut rows'
     * numbering broken (the record after the block is 指标6, not 5):
     * record 1 is not read */
    char *bad = jx_strdup(a, text);
    char *at = strstr(bad, "10 86.25 —");
    CHECK(at != NULL);
    if (at) {
        memcpy(at + 3, "50.00", 5);
    }
    at = strstr(bad, "指标5:");
    CHECK(at != NULL);
    if (at) {
        at[strlen("指标")] = '8';
    }
    p = text_recog(a, bad, &dg);
    CHECK_INT(p ? p->nproject_sheets : 0, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK(!s->total.budget_full.present && !s->total.executed.present &&
              !s->total.rate.present);
        CHECK_INT(s->nindicators, 3);
        CHECK_STR(s->nindicators ? s->indicators[0].name.s : NULL,
                  "维修泵站");
    }
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* A document opening with a page of a 项目支出绩效自评表 (its indicator
 * header, no title) whose titled first page follows: one sheet holds
 * the indicators of both. */
static void leading_page(void)
{
    static const char text[] =
        "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | "
        "权重 | 得分 | 未完成原因分析 |\n"
        "产出指标 | 时效指标 | 完工时间 | 12月前 | 11月 | 20 | 20 | ||\n"
        "合计 | 100 | ||||||||\n"
        "\n"
        "项目支出绩效自评表(2022年度) | ||||||||\n"
        "项目名称 | 乡村道路维修 | ||||||||\n"
        "主管部门 | 某县交通局 | 实施单位 | 某镇人民政府 | ||||||\n"
        "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 | 指标值 | 完成值 | "
        "权重 | 得分 | 未完成原因分析 |\n"
        "产出指标 | 数量指标 | 维修里程 | 8公里 | 8公里 | 30 | 30 | ||\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    struct jx_package *p = text_recog(a, text, &dg);
    CHECK_INT(p ? p->nproject_sheets : 0, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_STR(s->name.s, "乡村道路维修");
        CHECK_INT(s->nindicators, 2);
        if (s->nindicators == 2) {
            CHECK_STR(s->indicators[0].name.s, "完工时间");
            CHECK_STR(tb_num(&s->indicators[0].points, false), "20");
            CHECK_STR(tb_num(&s->indicators[0].score, false), "20");
            CHECK_STR(s->indicators[1].name.s, "维修里程");
        }
    }
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Blank values stay absent; an unreadable number is an error finding
 * at its cell and stays absent; spaces inside a number and a doubled
 * point are read with a note. */
static void cell_values(void)
{
    struct tb b;
    tb_init(&b, "vals.txt");
    tb_para(&b, "2024年度预算单位整体支出绩效自评表");
    tb_row(&b, "预算单位名称|某单位");
    tb_row(&b, "年度预算申请(万元)||年初预算数|全年预算数|全年执行数|分值|执行率|"
               "得分");
    tb_row(&b, "|年度资金总额|12,345. 67|1,000..50|十万|-|—|…");
    tb_row(&b, "绩效指标|一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|"
               "得分|偏差原因分析及改进措施");
    tb_row(&b, "|产出指标|数量指标|次数|≥5次|6次|四|/|");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p && p->has_unit_sheet);
    if (!p || !p->has_unit_sheet) {
        tb_free(&b, &dg);
        return;
    }
    const struct jx_sheet *s = &p->unit_sheet;
    CHECK_STR(tb_money(&s->total.budget_initial, JX_WANYUAN), "12345.67");
    CHECK_STR(tb_money(&s->total.budget_full, JX_WANYUAN), "1000.50");
    CHECK(!s->total.executed.present);
    CHECK(!s->total.points.present);
    CHECK(!s->total.rate.present);
    CHECK(!s->total.score.present);
    CHECK_INT(count_code(&dg, "I402"), 2);
    CHECK_INT(count_code(&dg, "I401"), 2);
    const struct jx_diag *e = find_code(&dg, "I401");
    CHECK(e && e->severity == JX_SEV_ERROR && e->loc.line == 4 &&
          strstr(e->msg, "十万") != NULL);
    CHECK_INT(s->nindicators, 1);
    if (s->nindicators) {
        CHECK(!s->indicators[0].points.present);
        CHECK(!s->indicators[0].score.present);
    }
    tb_free(&b, &dg);
}

/* The title of an 整体支出绩效自评表 and a table whose first row is its
 * indicator header (seven columns) and whose rows 1-3 hold three
 * indicators from the third column on (甲, 乙, 丙; 丙 scores 9 of 10),
 * for the tests below to add the level-1 and level-2 cells to. */
static struct jx_doc_table *indicator_head(struct jx_doc *d)
{
    const char *title = "2024年度预算单位整体支出绩效自评表";
    jx_doc_add_para(d, title, strlen(title), 1, NULL);
    struct jx_doc_table *t = jx_doc_add_table(d, NULL);
    t->where = JX_DOC_AT_GRID;
    static const char *const hdr[] = {"一级指标", "二级指标", "三级指标",
                                       "年度指标值", "实际完成值", "分值",
                                       "得分"};
    for (int c = 0; c < 7; c++) {
        jx_doc_table_add_cell(d, t, 0, c, 1, 1, hdr[c], strlen(hdr[c]), 0,
                              0);
    }
    static const char *const rows[3][5] = {
        {"甲", "≥1", "1", "20", "20"},
        {"乙", "≥2", "2", "20", "20"},
        {"丙", "100%", "100%", "10", "9"},
    };
    for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 5; c++) {
            jx_doc_table_add_cell(d, t, r + 1, c + 2, 1, 1, rows[r][c],
                                  strlen(rows[r][c]), 0, 0);
        }
    }
    return t;
}

/* A DOCX-like table: level-1 and level-2 cells merged down several
 * rows (so carried into them), provenance by table/row/column. */
static void merged_cells(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_doc *d = jx_doc_new(a, "m.docx", JX_SRC_DOCX);
    struct jx_doc_table *t = indicator_head(d);
    jx_doc_table_add_cell(d, t, 1, 0, 3, 1, "产出指标", 12, 0, 0);
    jx_doc_table_add_cell(d, t, 1, 1, 2, 1, "数量指标", 12, 0, 0);
    jx_doc_table_add_cell(d, t, 3, 1, 1, 1, "质量指标", 12, 0, 0);
    jx_doc_table_end(d, t);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_package *p = jx_recognise(a, d, &dg);
    CHECK(p && p->has_unit_sheet);
    if (p && p->has_unit_sheet) {
        const struct jx_sheet *s = &p->unit_sheet;
        CHECK_INT(s->nindicators, 3);
        if (s->nindicators == 3) {
            CHECK_STR(s->indicators[1].level1.s, "产出指标");
            CHECK_STR(s->indicators[1].level2.s, "数量指标");
            CHECK_STR(s->indicators[2].level1.s, "产出指标");
            CHECK_STR(s->indicators[2].level2.s, "质量指标");
            CHECK_STR(tb_num(&s->indicators[2].score, false), "9");
            CHECK_INT(s->indicators[2].score.prov->table, 1);
            CHECK_INT(s->indicators[2].score.prov->row, 4);
            CHECK_INT(s->indicators[2].score.prov->column, 7);
            CHECK_STR(s->indicators[2].score.prov->file, "m.docx");
        }
    }
    /* no unit name in it; the year from the title */
    CHECK_INT(count_code(&dg, "I410"), 1);
    CHECK_INT(count_code(&dg, "I411"), 0);
    CHECK(p && p->year.v == 2024);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* The rows the recogniser makes of merged_cells' table when its
 * 产出指标 cell is merged down span rows (3 reach the last indicator)
 * and a note stands alone in the table's last row, row span. */
static size_t tall_merge_rows(struct jx_arena *a, int span,
                              struct jx_package **pkg)
{
    struct jx_doc *d = jx_doc_new(a, "m.xlsx", JX_SRC_XLSX);
    struct jx_doc_table *t = indicator_head(d);
    jx_doc_table_add_cell(d, t, 1, 0, span, 1, "产出指标", 12, 0, 0);
    jx_doc_table_add_cell(d, t, 1, 1, 3, 1, "数量指标", 12, 0, 0);
    jx_doc_table_add_cell(d, t, span, 6, 1, 1, "说明", 6, 0, 0);
    jx_doc_table_end(d, t);
    struct jx_rc rc;
    jx_rc_init(&rc, a, d, NULL, NULL);
    size_t n = rc.nrows;
    jx_rc_done(&rc);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    *pkg = jx_recognise(a, d, &dg);
    jx_diags_release(&dg);
    return n;
}

/* A merge running on far past the rest of its table (a damaged or
 * padded sheet: one cell over 60,000 empty rows, a note at the end)
 * gives the recogniser the rows a merge of a few rows gives, not a row
 * per merged row, and the same indicators. */
static void tall_merge(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_package *p1, *p2, *p3;
    size_t n1 = tall_merge_rows(a, 6, &p1);
    size_t n2 = tall_merge_rows(a, 60000, &p2);
    size_t n3 = tall_merge_rows(a, 5, &p3);
    CHECK_INT((long)n2, (long)n1);
    CHECK_INT((long)n1, (long)n3);
    CHECK(p1 && p2 && p1->has_unit_sheet && p2->has_unit_sheet);
    if (p1 && p2 && p1->has_unit_sheet && p2->has_unit_sheet) {
        CHECK_INT(p2->unit_sheet.nindicators, 3);
        CHECK_INT(p1->unit_sheet.nindicators, p2->unit_sheet.nindicators);
        CHECK_STR(p2->unit_sheet.indicators[2].level1.s, "产出指标");
        CHECK_STR(tb_num(&p2->unit_sheet.indicators[2].score, false), "9");
    }
    jx_arena_free(a);
}

/* Add the cell text at (r, c) spanning cs columns to table t of d (a
 * sheet of a workbook: provenance table, row and column). */
static void xcell(struct jx_doc *d, struct jx_doc_table *t, int r, int c,
                  int cs, const char *text)
{
    t->where = JX_DOC_AT_GRID;
    jx_doc_table_add_cell(d, t, r, c, 1, cs, text, strlen(text), 0, 0);
}

/* Workbooks keep the printed footer inside the sheet: one cell merged
 * across the sheet ("填表人：… 联系电话：… 填报日期：2025.07.08"), a 说明
 * line, or label and value cells.  None of it is read as amounts (I401)
 * or as an indicator, and a line naming the unit ("单位：元") above the
 * form gives the unit instead of an unknown row (I408). */
static void form_footers(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_doc *d = jx_doc_new(a, "f.xlsx", JX_SRC_XLSX);
    const char *footer = "填表人：王某　　联系电话：0999-6123456　　单位负责人："
                         "陈某　　填报日期：2025.07.08";
    struct jx_doc_table *t = jx_doc_add_table(d, "基础数据表");
    xcell(d, t, 0, 0, 7, "2024年度预算单位整体支出绩效评价基础数据表");
    xcell(d, t, 1, 6, 1, "单位：元");
    xcell(d, t, 2, 0, 1, "预算单位名称");
    xcell(d, t, 2, 1, 6, "示范街道办事处");
    static const char *const cost[3][4] = {
        {"经费控制情况", "2023年决算数", "2024年预算数", "2024年决算数"},
        {"三公经费", "35000", "40000", "28000"},
        {"公用经费", "300000", "310000", "290000.5"},
    };
    for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 4; c++) {
            xcell(d, t, 3 + r, c, 1, cost[r][c]);
        }
    }
    xcell(d, t, 6, 0, 7, footer);
    xcell(d, t, 7, 0, 7, "说明：“项目支出”需要填报基本支出以外的所有项目支出情况。");
    xcell(d, t, 8, 0, 1, "填表人：");
    xcell(d, t, 8, 1, 1, "王某");
    xcell(d, t, 8, 2, 1, "联系电话：");
    xcell(d, t, 8, 3, 1, "0999-6123456");
    jx_doc_table_end(d, t);
    t = jx_doc_add_table(d, "整体支出绩效自评表");
    xcell(d, t, 0, 0, 9, "2024年度预算单位整体支出绩效自评表");
    xcell(d, t, 1, 8, 1, "单位：万元");
    static const char *const sheet[4][9] = {
        {"年度预算申请", "", "", "年初预算数", "全年预算数", "全年执行数",
         "分值", "执行率", "得分"},
        {"", "年度资金总额", "", "100", "100", "98", "10", "98%", "9.8"},
        {"绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值",
         "实际完成值", "分值", "得分", "偏差原因分析及改进措施"},
        {"", "产出指标", "数量指标", "培训次数", "≥5次", "6次", "10", "10",
         ""},
    };
    for (int r = 0; r < 4; r++) {
        for (int c = 0; c < 9; c++) {
            xcell(d, t, 2 + r, c, 1, sheet[r][c]);
        }
    }
    /* no 总分 row: the footer follows the indicators */
    xcell(d, t, 6, 0, 9, footer);
    jx_doc_table_end(d, t);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_package *p = jx_recognise(a, d, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->base.unit, JX_YUAN);
        CHECK_STR(tb_money(&p->base.three_public.final, JX_YUAN), "28000.00");
        CHECK_STR(tb_money(&p->base.public_funds.final, JX_YUAN), "290000.50");
        CHECK(p->has_unit_sheet);
        CHECK_INT(p->unit_sheet.unit, JX_WANYUAN);
        CHECK_STR(tb_money(&p->unit_sheet.total.executed, JX_WANYUAN), "98.00");
        CHECK_INT(p->unit_sheet.nindicators, 1);
        CHECK_STR(p->contacts.preparer.s, "王某");
        CHECK_STR(p->contacts.phone.s, "0999-6123456");
        CHECK(p->contacts.date.present && p->contacts.date.d == 8);
    }
    CHECK_INT(count_code(&dg, "I401"), 0);
    CHECK_INT(count_code(&dg, "I408"), 0);
    CHECK_INT(jx_diags_errors(&dg), 0);
    CHECK_INT(dg.count[JX_SEV_WARNING], 0);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* ---- the report ---------------------------------------------------------- */

/* Sections with mixed numbering decided by known titles and sequence;
 * a title over two lines; a cover label; a heading joined to its first
 * paragraph; the attachment list; two spellings of the unit (I403). */
static void report_sections(void)
{
    struct tb b;
    tb_init(&b, "rep.txt");
    tb_para(&b, "附件2");
    tb_para(&b, "2024年度示范市示范区某 中心单位整体支出绩效自评报告");
    tb_para(&b, "预算单位名称：");
    tb_para(&b, "年 月 日");
    tb_para(&b, "2024年度范市示范区某中心");
    tb_para(&b, "单位整体支出绩效自评报告");
    tb_para(&b, "1、 单位基本情况");
    tb_para(&b, "1、负责本区的某项工作。");
    tb_para(&b, "2、党政办公室：协助处理日常事务。");
    tb_para(&b, "示范市示范区某中心内设机构3个，在职12人。");
    tb_para(&b, "二、一般公共预算支出情况");
    tb_para(&b, "(一)基本支出情况");
    tb_para(&b, "2024年基本支出预算数156.3万元，实际支出153.62万元。");
    tb_para(&b, "（2） 项目支出情况");
    tb_para(&b, "三、政府性基金预算支出情况");
    tb_para(&b, "无。");
    tb_para(&b, "4、 国有资本经营预算支出情况");
    tb_para(&b, "5、 社会保险基金预算支出情况");
    tb_para(&b, "六、单位整体支出绩效情况");
    tb_para(&b, "七、存在的问题及原因分析");
    tb_para(&b, "8、 下一步改进措施");
    tb_para(&b, "九、单位整体支出绩效自评结果拟应用和公开情况已按要求公开。");
    tb_para(&b, "十、其他需要说明的情况");
    tb_para(&b, "附件：1、单位整体支出绩效评价基础数据表");
    tb_para(&b, "2、单位整体支出绩效自评表");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p && p->report.present);
    if (!p || !p->report.present) {
        tb_free(&b, &dg);
        return;
    }
    const struct jx_report *r = &p->report;
    CHECK_STR(r->title.s, "2024年度范市示范区某中心单位整体支出绩效自评报告");
    CHECK_INT(r->title.prov->line, 5);
    CHECK_STR(p->unit.name.s, "示范市示范区某中心");
    CHECK_STR(p->unit.region.s, "示范市示范区");
    CHECK_INT(p->year.v, 2024);
    CHECK_INT(count_code(&dg, "I403"), 1);
    const struct jx_diag *e = find_code(&dg, "I403");
    CHECK(e && e->loc.line == 5 && strstr(e->msg, "范市示范区某中心") != NULL);
    CHECK_INT(r->nsections, 10);
    static const char *const titles[10] = {
        "单位基本情况", "一般公共预算支出情况", "政府性基金预算支出情况",
        "国有资本经营预算支出情况", "社会保险基金预算支出情况",
        "单位整体支出绩效情况", "存在的问题及原因分析", "下一步改进措施",
        "单位整体支出绩效自评结果拟应用和公开情况", "其他需要说明的情况"};
    for (size_t i = 0; i < r->nsections && i < 10; i++) {
        CHECK_INT(r->sections[i].no, (int)i + 1);
        CHECK_STR(r->sections[i].title.s, titles[i]);
    }
    if (r->nsections == 10) {
        CHECK_STR(r->sections[0].text.s,
                  "1、负责本区的某项工作。\n2、党政办公室：协助处理日常事务。\n"
                  "示范市示范区某中心内设机构3个，在职12人。");
        CHECK_INT(r->sections[0].text.prov->line, 8);
        CHECK_STR(r->sections[1].text.s,
                  "(一)基本支出情况\n2024年基本支出预算数156.3万元，实际支出"
                  "153.62万元。\n（2）项目支出情况");
        CHECK_STR(r->sections[2].text.s, "无。");
        CHECK(r->sections[3].text.s == NULL);
        CHECK_STR(r->sections[8].text.s, "已按要求公开。");
        CHECK(r->sections[9].text.s == NULL);
    }
    CHECK_INT(r->nattachments, 2);
    if (r->nattachments == 2) {
        CHECK_STR(r->attachments[0].s, "单位整体支出绩效评价基础数据表");
        CHECK_STR(r->attachments[1].s, "单位整体支出绩效自评表");
    }
    CHECK(p->submission.materials[JX_MAT_REPORT]);
    CHECK_INT(jx_diags_errors(&dg), 0);
    tb_free(&b, &dg);
}

/* The cover label of seed 002's kind ("部门名称（公章）：X" with the next
 * label run into it) outranks titles; contacts on separate lines. */
static void report_cover(void)
{
    struct tb b;
    tb_init(&b, "cover.txt");
    tb_para(&b, "某区某中心 2023 年度部门整体绩效评价报告");
    tb_para(&b, "部门名称（公章）：某市某区某中心部门负责人：");
    tb_para(&b, "填报人：王某");
    tb_para(&b, "联系电话：0755-0000000");
    tb_para(&b, "一、部门基本情况");
    tb_para(&b, "二、部门主要履职绩效分析");
    tb_para(&b, "（三）不是标题");
    tb_para(&b, "三、总体评价和整改措施");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "某市某区某中心");
        CHECK_STR(p->contacts.preparer.s, "王某");
        CHECK_STR(p->contacts.phone.s, "0755-0000000");
        CHECK(!p->contacts.head.s);
        CHECK_INT(p->year.v, 2023);
        CHECK_INT(p->report.nsections, 3);
        if (p->report.nsections == 3) {
            CHECK_STR(p->report.sections[1].title.s, "部门主要履职绩效分析");
            CHECK_STR(p->report.sections[1].text.s, "（三）不是标题");
        }
        CHECK_INT(count_code(&dg, "I403"), 1);
    }
    tb_free(&b, &dg);
}

/* A report without a title is found by its first heading (after a
 * form, too); contacts in label | value cells (the XLSX template). */
static void report_untitled(void)
{
    struct tb b;
    tb_init(&b, "untitled.txt");
    tb_para(&b, "2024年度预算单位整体支出绩效评价基础数据表");
    tb_row(&b, "财政供养人员情况(人)|编制数|在职人数|控制率");
    tb_row(&b, "|5|4|80%");
    tb_row(&b, "填表人：|赵某");
    tb_row(&b, "填报日期：|2025-07-09");
    tb_para(&b, "一、单位基本情况");
    tb_para(&b, "在职4人。");
    tb_para(&b, "二、一般公共预算支出情况");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK(p->report.present);
        CHECK(!p->report.title.s);
        CHECK_INT(p->report.nsections, 2);
        CHECK_INT(p->base.authorized.v, 5);
        CHECK_STR(tb_num(&p->base.control_rate, true), "80%");
        CHECK_STR(p->contacts.preparer.s, "赵某");
        CHECK_INT(p->contacts.preparer.prov->line, 4);
        CHECK(p->contacts.date.present && p->contacts.date.d == 9);
        CHECK_INT(p->year.v, 2024);
        CHECK_INT(count_code(&dg, "I410"), 1);
        CHECK_INT(count_code(&dg, "I408"), 0);
        CHECK_INT(jx_diags_errors(&dg), 0);
    }
    tb_free(&b, &dg);
}

/* Inside a report, a caption naming a form ("…基础数据表各项…", a
 * chart's title) with a table under it does not end the report; a line
 * that is a form's title ("…基础数据表（2024年度）") does. */
static void report_caption(void)
{
    struct tb b;
    tb_init(&b, "caption.txt");
    tb_para(&b, "某区某站2024年度部门整体支出绩效自评报告");
    tb_para(&b, "一、单位基本情况");
    tb_para(&b, "在职9人。");
    tb_para(&b, "二、单位整体支出绩效情况");
    tb_para(&b, "自评得分92分。");
    tb_para(&b, "基础数据表各项预算数与决算数");
    tb_row(&b, "单位：万元|预算数|决算数");
    tb_row(&b, "三公经费|12.00|11.50");
    tb_end(&b);
    tb_para(&b, "三、存在的问题及原因分析");
    tb_para(&b, "宣传不够。");
    tb_para(&b, "附件：1、单位整体支出绩效评价基础数据表");
    tb_para(&b, "单位整体支出绩效评价基础数据表（2024年度）");
    tb_row(&b, "财政供养人员情况(人)|编制数|在职人数|控制率");
    tb_row(&b, "|10|9|90%");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->report.nsections, 3);
        if (p->report.nsections == 3) {
            CHECK_STR(p->report.sections[1].text.s,
                      "自评得分92分。\n基础数据表各项预算数与决算数");
            CHECK_STR(p->report.sections[2].title.s, "存在的问题及原因分析");
            CHECK_STR(p->report.sections[2].text.s, "宣传不够。");
        }
        CHECK_INT(p->report.nattachments, 1);
        CHECK_INT(p->base.authorized.v, 10);
        CHECK_INT(p->base.actual.v, 9);
    }
    tb_free(&b, &dg);
}

/* Nothing to recognise: NULL and I409. */
static void nothing(void)
{
    struct tb b;
    tb_init(&b, "none.txt");
    tb_para(&b, "hello");
    tb_row(&b, "a|b|c");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p == NULL);
    CHECK_INT(count_code(&dg, "I409"), 1);
    CHECK_INT(jx_diags_errors(&dg), 1);
    tb_free(&b, &dg);
}

/* ---- rubrics --------------------------------------------------------------- */

/* Seed 002's goal sheet shape: title in a cell, amounts in 元 with PDF
 * artefacts, a task row whose text goes on in the next row, the total,
 * goals and indicators with levels. */
static void goal_sheet(void)
{
    struct tb b;
    tb_init(&b, "goal.txt");
    tb_row(&b, "部门（单位）整体支出绩效目标完成情况自评表||||||");
    tb_row(&b, "部门（单位）名称|某中心|||预算年度|2023||");
    tb_row(&b, "年度主要任务完成情况|任务名称|主要内容|完成情况|预算数（元）||"
               "执行数（元）|");
    tb_row(&b, "||||总额|其中：财政拨款|总额|其中：财政拨款");
    tb_row(&b, "||内容一开头|按期完成|450,000.00|450,000.00|449,000.50|"
               "449,000.50");
    tb_row(&b, "|内容一结尾。|||||");
    tb_row(&b, "基本支出|工资福利|按月支付|3,913,400.00|3,913,400.00|"
               "3,904,066.83|3,904,066.83");
    tb_row(&b, "金额合计||5,950,600. 00|5,950,600. 00|5,940,282. .83|"
               "5,940,282.8 3|||");
    tb_row(&b, "预期目标||目标实际完成情况|||||");
    tb_row(&b, "年度 总体 目标 完成 情况|目标甲。||||||");
    tb_row(&b, "|完成甲。||||||");
    tb_row(&b, "年度绩效指标完成情况|产出指标|一级指标|二级指标|三级指标|预期指标值|"
               "实际完成指标值");
    tb_row(&b, "||数量指标|保障人数||15人|15人");
    tb_row(&b, "效益指标|时效指标|完成达标率|$\\geq 95\\%$|$\\geq 95\\%$");
    tb_row(&b, "||||化管理，共享||");
    tb_row(&b, "满意度指 标|服务对象 满意度指 标|居民满意度|≥90%|≥90%|");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p && p->has_goal_sheet);
    if (!p || !p->has_goal_sheet) {
        tb_free(&b, &dg);
        return;
    }
    const struct jx_sheet *s = &p->goal_sheet;
    CHECK_INT(s->kind, JX_SHEET_GOALS);
    CHECK_INT(s->unit, JX_YUAN);
    CHECK_STR(p->unit.name.s, "某中心");
    CHECK_INT(p->year.v, 2023);
    CHECK_INT(s->ntasks, 2);
    if (s->ntasks == 2) {
        CHECK(!s->tasks[0].name.s);
        CHECK_STR(s->tasks[0].content.s, "内容一开头内容一结尾。");
        CHECK_STR(s->tasks[0].status.s, "按期完成");
        CHECK_STR(tb_money(&s->tasks[0].budget_total, JX_YUAN), "450000.00");
        CHECK_STR(tb_money(&s->tasks[0].executed_fiscal, JX_YUAN), "449000.50");
        CHECK_STR(s->tasks[1].name.s, "基本支出");
        CHECK_STR(tb_money(&s->tasks[1].executed_total, JX_YUAN), "3904066.83");
        CHECK_INT(s->tasks[1].prov->line, 7);
    }
    CHECK_STR(tb_money(&s->task_total.budget_total, JX_YUAN), "5950600.00");
    CHECK_STR(tb_money(&s->task_total.budget_fiscal, JX_YUAN), "5950600.00");
    CHECK_STR(tb_money(&s->task_total.executed_total, JX_YUAN), "5940282.83");
    CHECK_STR(tb_money(&s->task_total.executed_fiscal, JX_YUAN), "5940282.83");
    CHECK(!s->task_total.name.s);
    CHECK_INT(count_code(&dg, "I402"), 4);
    CHECK_INT(s->ngoals, 1);
    if (s->ngoals) {
        CHECK_STR(s->goals[0].expected.s, "目标甲。");
        CHECK_STR(s->goals[0].actual.s, "完成甲。");
    }
    CHECK_INT(s->nindicators, 3);
    if (s->nindicators == 3) {
        CHECK_STR(s->indicators[0].level1.s, "产出指标");
        CHECK_STR(s->indicators[0].level2.s, "数量指标");
        CHECK_STR(s->indicators[0].name.s, "保障人数");
        CHECK_STR(s->indicators[0].target.s, "15人");
        CHECK(!s->indicators[0].points.present);
        CHECK_STR(s->indicators[1].level1.s, "效益指标");
        CHECK_STR(s->indicators[1].name.s, "完成达标率化管理，共享");
        CHECK_STR(s->indicators[1].target.s, "≥95%");
        CHECK_STR(s->indicators[2].level1.s, "满意度指标");
        CHECK_STR(s->indicators[2].level2.s, "服务对象满意度指标");
        CHECK_STR(s->indicators[2].actual.s, "≥90%");
    }
    CHECK_INT(jx_diags_errors(&dg), 0);
    tb_free(&b, &dg);
}

/* Seed 002's 评分表 shapes: clean rows; a name lost (taken from the
 * framework by its description, I407); a maximum in the name cell
 * ("3 预决算信息公开"); a level subtotal next to the maximum ("预算执行率
 * 20" | 6) that is not a score; the score drifted before the
 * description ("重点工作完成情况 效率性 8" | 8); a score at the end of the
 * standard; a continuation row; the closing rows. */
static void dept_scoring(void)
{
    struct tb b;
    tb_init(&b, "dept.txt");
    tb_para(&b, "部门整体支出绩效评分表");
    tb_row(&b, "评价指标||||指标说明|参考评分标准|分数");
    tb_row(&b, "一级指标|二级指标|三级指标|名称|||");
    tb_row(&b, "部门决策|预算编制|预算编制合理性|5|部门（单位）预算的合理性，即是否"
               "符合本部门职责的情况说明|1. 符合职责（1分）；2. 合理分配（1分）。|5");
    tb_row(&b, "|||3 预决算信息公开|部门（单位）在被评价年度是否按照规定公开相关"
               "预决算信息的情况|1. 部门预算公开（1.5分）。");
    tb_row(&b, "|||部门（单位）对所实施项目的检查、监控、督促整改等情况，反映项目"
               "监管|1. 建立监控机制（1分）；2. 开展检查（1分）。 2|");
    tb_row(&b, "||是否规范；会计核算是否规范的补充说明文字较长一些|2. 资金调整（1分）"
               "。|");
    tb_row(&b, "部门绩效|预算执行率 20|6|部门（单位）部门预算实际支付进度和既定"
               "支付进度的匹配情况|1. 一季度得分。");
    tb_row(&b, "|重点工作完成情况 效率性 8|8|部门（单位）完成党委、政府交办的重要"
               "事项或工作的完成情况|全部按期完成得 8 分。");
    tb_row(&b, "综合评分|92.7");
    tb_row(&b, "评分等级|优");
    tb_row(&b, "填表人|某人");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p && p->dept_scoring.present);
    if (!p || !p->dept_scoring.present) {
        tb_free(&b, &dg);
        return;
    }
    const struct jx_rubric *r = &p->dept_scoring;
    CHECK_STR(r->title.s, "部门整体支出绩效评分表");
    CHECK_INT(r->nrows, 5);
    if (r->nrows == 5) {
        CHECK_STR(r->rows[0].level1.s, "部门决策");
        CHECK_STR(r->rows[0].level2.s, "预算编制");
        CHECK_STR(r->rows[0].name.s, "预算编制合理性");
        CHECK_STR(tb_num(&r->rows[0].points, false), "5");
        CHECK_STR(tb_num(&r->rows[0].score, false), "5");
        CHECK_STR(r->rows[0].standard.s,
                  "1. 符合职责（1分）；2. 合理分配（1分）。");
        CHECK_STR(r->rows[1].name.s, "预决算信息公开");
        CHECK_STR(r->rows[1].level2.s, "资金管理");
        CHECK_STR(tb_num(&r->rows[1].points, false), "3");
        CHECK(!r->rows[1].score.present);
        CHECK_STR(r->rows[2].name.s, "项目监管");
        CHECK_STR(tb_num(&r->rows[2].points, false), "2");
        CHECK_STR(tb_num(&r->rows[2].score, false), "2");
        CHECK_STR(r->rows[2].standard.s,
                  "1. 建立监控机制（1分）；2. 开展检查（1分）。 2. 资金调整（1分）。");
        CHECK_STR(r->rows[3].name.s, "预算执行率");
        CHECK_STR(r->rows[3].level2.s, "效率性");
        CHECK_STR(tb_num(&r->rows[3].points, false), "6");
        CHECK(!r->rows[3].score.present);
        CHECK_STR(r->rows[4].name.s, "重点工作完成情况");
        CHECK_STR(tb_num(&r->rows[4].points, false), "8");
        CHECK_STR(tb_num(&r->rows[4].score, false), "8");
    }
    CHECK_STR(tb_num(&r->stated_total, false), "92.7");
    CHECK_STR(r->stated_grade.s, "优");
    CHECK_STR(r->scorer.s, "某人");
    CHECK_INT(count_code(&dg, "I407"), 3);
    CHECK_INT(jx_diags_errors(&dg), 0);
    tb_free(&b, &dg);
}

/* The 考核评分表 of seeds 000/004: columns by header, level 1 carried,
 * a repeated header on the next page, 合计. */
static void assessment(void)
{
    struct tb b;
    tb_init(&b, "assess.txt");
    tb_para(&b, "附件3");
    tb_para(&b, "预算单位整体支出绩效自评工作考核评分表");
    tb_para(&b, "单位名称:");
    tb_row(&b, "一级标准|二级标准|分值|评分标准|评分|扣分理由");
    tb_row(&b, "及时性 (20分)|按时完成线上报送工作|10|每推迟一个工作日扣1分|9|"
               "推迟一日");
    tb_row(&b, "|按时完成公开工作|10|每推迟一个工作日扣1分|10|");
    tb_end(&b);
    tb_row(&b, "一级标准|二级标准|分值|评分标准|评分|扣分理由");
    tb_row(&b, "客观性 (50分)|反映问题全面|20|酌情扣分||");
    tb_row(&b, "合计||100||99|");
    struct jx_diags dg;
    struct jx_package *p = tb_recog(&b, &dg);
    CHECK(p && p->assessment.present);
    if (!p || !p->assessment.present) {
        tb_free(&b, &dg);
        return;
    }
    const struct jx_rubric *r = &p->assessment;
    CHECK_STR(r->title.s, "预算单位整体支出绩效自评工作考核评分表");
    CHECK_INT(r->nrows, 3);
    if (r->nrows == 3) {
        CHECK_STR(r->rows[0].level1.s, "及时性 (20分)");
        CHECK_STR(r->rows[0].level2.s, "按时完成线上报送工作");
        CHECK(!r->rows[0].name.s);
        CHECK_STR(tb_num(&r->rows[0].points, false), "10");
        CHECK_STR(tb_num(&r->rows[0].score, false), "9");
        CHECK_STR(r->rows[0].reason.s, "推迟一日");
        CHECK_STR(r->rows[1].level1.s, "及时性 (20分)");
        CHECK_STR(r->rows[2].level1.s, "客观性 (50分)");
        CHECK_STR(tb_num(&r->rows[2].points, false), "20");
        CHECK(!r->rows[2].score.present);
        CHECK_INT(r->rows[2].prov->line, 8);
    }
    CHECK_STR(tb_num(&r->stated_total, false), "99");
    /* no unit name anywhere: the empty label is not a name */
    CHECK_INT(count_code(&dg, "I410"), 1);
    tb_free(&b, &dg);
}

/* ---- facts --------------------------------------------------------------- */

/* Facts of a text: money in 万元 and 元, percentages, headcounts (and
 * 个 only after staffing words), counts of things, labels without years, colons or
 * bracketed notes, scope words, line and column. */
static void text_facts(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_facts f;
    memset(&f, 0, sizeof f);
    const char *t = "2024 年基本支出预算数 156.3 万元，其中：人员经费 137.35 万元；"
                    "公用经费：16.27万元。\n核定编制数（含工勤人员）6人，内设股室3个，"
                    "共有编制数11个，执行率99.83%，收入5,950,600.00元，电话"
                    "0730-8212768，共5 万余人次。";
    struct jx_prov at = {.file = "f.txt", .line = 10, .col = 3};
    jx_text_facts(a, t, strlen(t), &at, 2, &f);
    CHECK_INT(f.n, 8);
    if (f.n == 8) {
        CHECK_INT(f.a[0].kind, JX_FACT_MONEY);
        CHECK_INT(f.a[0].unit, JX_WANYUAN);
        CHECK_INT(f.a[0].money.fen, 156300000);
        CHECK_STR(f.a[0].text, "156.3 万元");
        CHECK_STR(f.a[0].label, "基本支出预算数");
        CHECK_INT(f.a[0].section, 2);
        CHECK_INT(f.a[0].prov.line, 10);
        CHECK_INT(f.a[0].prov.col, 3 + 14);
        CHECK_STR(f.a[0].prov.file, "f.txt");
        CHECK(f.a[0].scopes == (JX_SCOPE_BASIC | JX_SCOPE_PERSONNEL |
                                JX_SCOPE_BUDGET | JX_SCOPE_SPENDING));
        CHECK(f.a[0].label_scopes == (JX_SCOPE_BASIC | JX_SCOPE_BUDGET |
                                      JX_SCOPE_SPENDING));
        CHECK_STR(f.a[1].label, "人员经费");
        CHECK_STR(f.a[2].label, "公用经费");
        CHECK_INT(f.a[2].money.fen, 16270000);
        CHECK_INT(f.a[3].kind, JX_FACT_HEADCOUNT);
        CHECK_STR(f.a[3].label, "核定编制数");
        CHECK_INT(f.a[3].value.num, 6);
        CHECK_INT(f.a[3].prov.line, 11);
        CHECK_INT(f.a[3].prov.col, 13);
        CHECK_INT(f.a[3].section, 2);
        /* 股室 are things: a count, never a headcount */
        CHECK_INT(f.a[4].kind, JX_FACT_COUNT);
        CHECK_INT(f.a[4].value.num, 3);
        CHECK_STR(f.a[4].counted, "股室");
        CHECK_STR(f.a[4].unit_word, "个");
        CHECK_STR(f.a[4].label, "内设股室");
        CHECK_INT(f.a[5].kind, JX_FACT_HEADCOUNT);
        CHECK_STR(f.a[5].label, "共有编制数");
        CHECK_INT(f.a[5].value.num, 11);
        CHECK_INT(f.a[6].kind, JX_FACT_PERCENT);
        CHECK(f.a[6].value.num == 9983 && f.a[6].value.den == 10000);
        CHECK_STR(f.a[6].label, "执行率");
        CHECK_INT(f.a[7].kind, JX_FACT_MONEY);
        CHECK_INT(f.a[7].unit, JX_YUAN);
        CHECK_INT(f.a[7].money.fen, 595060000);
        CHECK_STR(f.a[7].label, "收入");
        CHECK(f.a[7].scopes & JX_SCOPE_INCOME);
        CHECK_STR(f.a[7].text, "5,950,600.00元");
    }
    CHECK_STR(jx_scope_zh(JX_SCOPE_GENERAL_BUDGET), "一般公共预算");
    CHECK(jx_scope_zh(1u << 30) == NULL);
    CHECK_STR(jx_fact_kind_name(JX_FACT_PERCENT), "percent");
    jx_arena_free(a);
}

/* Facts of a document come from its report only, with sections. */
static void doc_facts(void)
{
    struct tb b;
    tb_init(&b, "facts.txt");
    tb_para(&b, "2024年度预算单位整体支出绩效自评表");
    tb_row(&b, "年度预算申请(万元)||年初预算数|全年预算数|全年执行数|分值|执行率|"
               "得分");
    tb_row(&b, "|年度资金总额|1|2|3|10|50%|5");
    tb_para(&b, "2024年度某中心单位整体支出绩效自评报告");
    tb_para(&b, "一、单位基本情况");
    tb_para(&b, "在职10人。");
    tb_para(&b, "二、一般公共预算支出情况");
    tb_para(&b, "一般公共预算基本支出100万元。");
    const struct jx_facts *f = jx_report_facts(b.a, b.d);
    CHECK_INT(f->n, 2);
    if (f->n == 2) {
        CHECK_INT(f->a[0].section, 1);
        CHECK_INT(f->a[0].prov.line, 6);
        CHECK_INT(f->a[0].prov.col, 3);
        CHECK_INT(f->a[1].section, 2);
        CHECK(f->a[1].scopes & JX_SCOPE_GENERAL_BUDGET);
        CHECK_STR(f->a[1].label, "一般公共预算基本支出");
    }
    jx_arena_free(b.a);
}

/* ---- the seeds ------------------------------------------------------------ */

/* Read a seed (whose name starts with prefix) from ../shared/seeds;
 * NULL (and a skip note) when the folder is not there. */
static char *seed_path(const char *prefix)
{
    static const char *const names[] = {
        "000_78e3c643f161ef85.txt", "001_2110093e932e6a59.txt",
        "002_023de7ca972b8803.txt", "003_e100394ca7c141b7.txt",
        "004_c09d508d0a0d7bc6.txt"};
    for (size_t i = 0; i < 5; i++) {
        if (strncmp(names[i], prefix, 3) == 0) {
            size_t n = strlen(jx_test_srcdir) + 64;
            char *p = malloc(n);
            if (!p) {
                return NULL;
            }
            snprintf(p, n, "%s/../shared/seeds/%s", jx_test_srcdir, names[i]);
            FILE *f = fopen(p, "rb");
            if (!f) {
                jx_test_skip("../shared/seeds is not there");
                free(p);
                return NULL;
            }
            fclose(f);
            return p;
        }
    }
    return NULL;
}

/* A seed imported through jx_import (the package in *a). */
static struct jx_package *seed(const char *prefix, struct jx_arena *a,
                               struct jx_diags *dg)
{
    char *path = seed_path(prefix);
    if (!path) {
        return NULL;
    }
    char *text;
    size_t len;
    struct jx_package *p = NULL;
    if (jx_read_file(path, 1u << 26, &text, &len) == 0) {
        enum jx_input_kind k;
        p = jx_import(a, path, text, len, NULL, dg, &k);
        CHECK_INT(k, JX_IN_TEXT);
        free(text);
    }
    free(path);
    CHECK(p != NULL);
    CHECK_INT(jx_diags_errors(dg), 0);
    return p;
}

/* Unit name and year of all five seeds. */
static void seeds_unit_year(void)
{
    static const struct {
        const char *prefix, *unit;
        int year;
    } want[] = {
        {"000", "岳阳市岳阳楼区公共服务和网格化中心", 2024},
        {"001", "株洲市芦淞区网格化管理服务中心", 2022},
        {"002", "深圳市盐田区社区网格管理中心", 2023},
        {"003", "岳阳市岳阳楼区梅溪街道办事处", 2024},
        {"004", "岳阳市岳阳楼区机关事务服务中心", 2024},
    };
    for (size_t i = 0; i < 5; i++) {
        struct jx_arena *a = jx_arena_new();
        struct jx_diags dg;
        jx_diags_init(&dg, a);
        struct jx_package *p = seed(want[i].prefix, a, &dg);
        if (p) {
            CHECK_STR(p->unit.name.s, want[i].unit);
            CHECK_INT(p->year.v, want[i].year);
            CHECK(p->report.present);
        }
        jx_diags_release(&dg);
        jx_arena_free(a);
        if (!p) {
            return;
        }
    }
}

/* Seed 003: the numbers the acceptance names. */
static void seed003(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_package *p = seed("003", a, &dg);
    if (!p) {
        jx_diags_release(&dg);
        jx_arena_free(a);
        return;
    }
    const struct jx_base_sheet *b = &p->base;
    CHECK_INT(b->authorized.v, 106);
    CHECK_INT(b->actual.v, 106);
    CHECK_STR(tb_num(&b->control_rate, true), "100%");
    static const struct {
        size_t off;
        const char *v[3];
    } rows[] = {
        {offsetof(struct jx_base_sheet, project), {"170.56", "639.00", "28.79"}},
        {offsetof(struct jx_base_sheet, public_funds),
         {"3363.56", "192.60", "606.11"}},
        {offsetof(struct jx_base_sheet, office), {"", "11.31", "50.77"}},
        {offsetof(struct jx_base_sheet, utilities_travel),
         {"", "30.00", "44.27"}},
        {offsetof(struct jx_base_sheet, meetings_training), {"", "2.00", ""}},
        {offsetof(struct jx_base_sheet, procurement),
         {"1014.27", "374.60", "23.38"}},
        {offsetof(struct jx_base_sheet, three_public), {"", "", ""}},
        {offsetof(struct jx_base_sheet, basic_adjustment), {"", "", ""}},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        const struct jx_cost *c =
            (const struct jx_cost *)(const void *)((const char *)b +
                                                   rows[i].off);
        CHECK_STR(tb_money(&c->prev_final, JX_WANYUAN), rows[i].v[0]);
        CHECK_STR(tb_money(&c->budget, JX_WANYUAN), rows[i].v[1]);
        CHECK_STR(tb_money(&c->final, JX_WANYUAN), rows[i].v[2]);
    }
    CHECK_INT(b->nproject_lines, 1);
    const struct jx_sheet *s = &p->unit_sheet;
    CHECK(p->has_unit_sheet);
    CHECK_STR(tb_money(&s->total.budget_initial, JX_WANYUAN), "2402.15");
    CHECK_STR(tb_money(&s->total.budget_full, JX_WANYUAN), "3911.21");
    CHECK_STR(tb_money(&s->total.executed, JX_WANYUAN), "1902.68");
    CHECK_STR(tb_num(&s->total.rate, true), "48.65%");
    CHECK_STR(tb_num(&s->total.score, false), "4.87");
    CHECK_STR(tb_num(&s->stated_total, false), "94.87");
    CHECK_INT(s->nindicators, 16);
    if (s->nindicators == 16) {
        CHECK_STR(s->indicators[0].name.s, "全年在区级及以上媒体上稿篇数");
        CHECK_STR(s->indicators[9].target.s, "预算金额≤1902.68万元");
        CHECK_STR(s->indicators[9].actual.s, "1902.68万");
        CHECK_STR(s->indicators[15].level2.s, "服务对象满意度指标");
        CHECK_STR(tb_num(&s->indicators[12].points, false), "10");
    }
    CHECK_INT(p->nproject_sheets, 0);
    CHECK(p->submission.materials[JX_MAT_PROJECT_SHEETS]);
    CHECK_INT(count_code(&dg, "I405"), 1);
    CHECK_INT(p->report.nsections, 10);
    CHECK_INT(p->report.nattachments, 6);
    CHECK(p->contacts.date.present && p->contacts.date.d == 11);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Seed 002: the five tasks in 元, the total, all 21 rows of the 评分表
 * with their maximum and stated score, 92.7 and 优. */
static void seed002(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_package *p = seed("002", a, &dg);
    if (!p) {
        jx_diags_release(&dg);
        jx_arena_free(a);
        return;
    }
    const struct jx_sheet *g = &p->goal_sheet;
    CHECK(p->has_goal_sheet);
    CHECK_INT(g->unit, JX_YUAN);
    static const char *const tasks[5][2] = {
        {"450000.00", "450000.00"},   {"100000.00", "99352.00"},
        {"300000.00", "299664.00"},   {"3913400.00", "3904066.83"},
        {"1187200.00", "1187200.00"},
    };
    CHECK_INT(g->ntasks, 5);
    for (size_t i = 0; i < g->ntasks && i < 5; i++) {
        CHECK_STR(tb_money(&g->tasks[i].budget_total, JX_YUAN), tasks[i][0]);
        CHECK_STR(tb_money(&g->tasks[i].budget_fiscal, JX_YUAN), tasks[i][0]);
        CHECK_STR(tb_money(&g->tasks[i].executed_total, JX_YUAN), tasks[i][1]);
        CHECK_STR(tb_money(&g->tasks[i].executed_fiscal, JX_YUAN), tasks[i][1]);
    }
    CHECK_STR(tb_money(&g->task_total.budget_total, JX_YUAN), "5950600.00");
    CHECK_STR(tb_money(&g->task_total.executed_total, JX_YUAN), "5940282.83");
    CHECK_INT(g->nindicators, 21);
    const struct jx_rubric *r = &p->dept_scoring;
    static const char *const want[21][2] = {
        {"5", "5"}, {"5", "5"}, {"3", "4"}, {"7", "4"}, {"2", "2"},
        {"3", "3"}, {"3", ""},  {"2", "2"}, {"2", "2"}, {"2", "2"},
        {"1", "0.7"}, {"1", "1"}, {"1", "0"}, {"3", "3"}, {"6", "6"},
        {"6", ""},  {"8", "8"}, {"6", "6"}, {"25", "23"}, {"3", "1"},
        {"6", "6"},
    };
    CHECK_INT(r->nrows, 21);
    for (size_t i = 0; i < r->nrows && i < 21; i++) {
        CHECK_STR(tb_num(&r->rows[i].points, false), want[i][0]);
        CHECK_STR(tb_num(&r->rows[i].score, false), want[i][1]);
    }
    if (r->nrows == 21) {
        CHECK_STR(r->rows[11].name.s, "财政供养人员控制率");
        CHECK_STR(r->rows[16].name.s, "重点工作完成情况");
        CHECK_STR(r->rows[20].level1.s, "部门绩效");
        CHECK_STR(r->rows[20].level2.s, "公平性");
    }
    CHECK_STR(tb_num(&r->stated_total, false), "92.7");
    CHECK_STR(r->stated_grade.s, "优");
    CHECK_STR(r->scorer.s, "余兆荣");
    CHECK_INT(p->report.nsections, 4);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Seeds 000 and 004: the 考核评分表 items with points and scores, and the
 * budget and spending figures of the report text. */
static void seed000_004(void)
{
    static const char *const l2[8] = {
        "按时完成绩效评价线上报送工作", "按时完成绩效评价公开工作",
        "绩效自评材料完整", "自评报告正文部分内容完整",
        "自评报告附件部分内容完整",
        "根据部门职责、工作计划等选用个性评价指标和指标值",
        "反映问题、分析原因全面", "改进措施、工作建议全面"};
    static const char *const pts[8] = {"10", "10", "10", "10",
                                       "10", "10", "20", "20"};
    for (int k = 0; k < 2; k++) {
        struct jx_arena *a = jx_arena_new();
        struct jx_diags dg;
        jx_diags_init(&dg, a);
        struct jx_package *p = seed(k ? "004" : "000", a, &dg);
        if (!p) {
            jx_diags_release(&dg);
            jx_arena_free(a);
            return;
        }
        const struct jx_rubric *r = &p->assessment;
        CHECK(r->present);
        CHECK_INT(r->nrows, 8);
        for (size_t i = 0; i < r->nrows && i < 8; i++) {
            CHECK_STR(r->rows[i].level2.s, l2[i]);
            CHECK_STR(tb_num(&r->rows[i].points, false), pts[i]);
            CHECK_STR(tb_num(&r->rows[i].score, false), pts[i]);
        }
        if (r->nrows == 8) {
            CHECK_STR(r->rows[0].level1.s, "及时性 (20分)");
            CHECK_STR(r->rows[7].level1.s, "客观性 (50分)");
        }
        CHECK_STR(tb_num(&r->stated_total, false), "100");
        CHECK_INT(p->report.nsections, 10);
        CHECK_INT(count_code(&dg, "I403"), 1);
        struct jx_doc *d = NULL;
        char *path = seed_path(k ? "004" : "000");
        char *text;
        size_t len;
        if (path && jx_read_file(path, 1u << 26, &text, &len) == 0) {
            d = jx_import_text(a, path, text, len, NULL, &dg);
            free(text);
        }
        free(path);
        CHECK(d != NULL);
        if (d) {
            const struct jx_facts *f = jx_report_facts(a, d);
            /* 000: 156.3 / 153.62 / 137.35 / 16.27 / 121 / 430.28;
             * 004: 918.16 / 991.08 / 888.84 / 102.24 / 754.00 / 5633.59 */
            static const int64_t fen[2][6] = {
                {156300000, 153620000, 137350000, 16270000, 121000000,
                 430280000},
                {918160000, 991080000, 888840000, 102240000, 754000000,
                 5633590000},
            };
            size_t j = 0;
            for (size_t i = 0; i < f->n && j < 6; i++) {
                if (f->a[i].kind == JX_FACT_MONEY && f->a[i].section == 2 &&
                    f->a[i].money.fen == fen[k][j]) {
                    j++;
                }
            }
            CHECK_INT(j, 6);
        }
        jx_diags_release(&dg);
        jx_arena_free(a);
    }
}

/* Seed 001: the budget, income and spending figures of its text. */
static void seed001(void)
{
    char *path = seed_path("001");
    if (!path) {
        return;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    char *text;
    size_t len;
    struct jx_doc *d = NULL;
    if (jx_read_file(path, 1u << 26, &text, &len) == 0) {
        d = jx_import_text(a, path, text, len, NULL, &dg);
        free(text);
    }
    CHECK(d != NULL);
    if (d) {
        const struct jx_facts *f = jx_report_facts(a, d);
        static const struct {
            int64_t fen;
            uint32_t scope;
            const char *label;
        } want[] = {
            {256140000, JX_SCOPE_BUDGET, "预算资金"},
            {153510000, JX_SCOPE_INCOME, "单位一般公共预算财政拨款收入"},
            {153510000, JX_SCOPE_SPENDING, "单位一般公共预算财政拨款支出"},
            {56650000, JX_SCOPE_PROJECT, "项目支出"},
            {96850000, JX_SCOPE_BASIC, "基本支出"},
            {85300000, JX_SCOPE_PERSONNEL, "人员经费"},
            {11560000, JX_SCOPE_PUBLIC, "公用经费"},
        };
        size_t j = 0;
        for (size_t i = 0; i < f->n && j < 7; i++) {
            if (f->a[i].kind == JX_FACT_MONEY &&
                f->a[i].money.fen == want[j].fen &&
                (f->a[i].scopes & want[j].scope) &&
                strcmp(f->a[i].label, want[j].label) == 0) {
                CHECK_INT(f->a[i].section, 2);
                j++;
            }
        }
        CHECK_INT(j, 7);
    }
    jx_diags_release(&dg);
    jx_arena_free(a);
    free(path);
}

/* Drop the keys "prov" and "path" everywhere in v. */
static void drop_places(json_t *v)
{
    if (json_is_object(v)) {
        json_object_del(v, "prov");
        json_object_del(v, "path");
        const char *k;
        json_t *x;
        json_object_foreach(v, k, x) {
            drop_places(x);
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *x;
        json_array_foreach(v, i, x) {
            drop_places(x);
        }
    }
}

/* The sheets of the Evaluation JSON of p, without places. */
static json_t *eval_sheets(struct jx_arena *a, const struct jx_package *p)
{
    struct jx_policy pol;
    jx_policy_default(&pol);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    const struct jx_eval *ev = jx_score(a, p, &pol, &dg);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 28);
    json_t *sheets = NULL;
    if (jx_eval_json(ev, &dg, &b) == 0) {
        json_t *doc = json_loads(b.p, 0, NULL);
        sheets = json_incref(json_object_get(doc, "sheets"));
        json_decref(doc);
        drop_places(sheets);
    }
    jx_buf_release(&b);
    jx_diags_release(&dg);
    return sheets;
}

/* `score` of seed 003 imported from text equals `score` of the hand-made
 * fixture in every number: the sheets of both Evaluation JSONs are
 * equal once places (prov, path) are dropped. */
static void seed003_scores_like_fixture(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_package *p = seed("003", a, &dg);
    if (!p) {
        jx_diags_release(&dg);
        jx_arena_free(a);
        return;
    }
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/seed003_meixi_2024.json",
             jx_test_srcdir);
    char *text;
    size_t len;
    struct jx_package *q = NULL;
    if (jx_read_file(path, 1u << 26, &text, &len) == 0) {
        q = jx_pkgjson_load(a, path, text, len, &dg);
        free(text);
    }
    CHECK(q != NULL);
    /* the fixture words indicator 14 differently from the seed; give it
     * the seed's name so that only the numbers are compared */
    if (q && q->unit_sheet.nindicators == 16 &&
        p->unit_sheet.nindicators == 16) {
        q->unit_sheet.indicators[13].name.s =
            p->unit_sheet.indicators[13].name.s;
    }
    json_t *s1 = eval_sheets(a, p);
    json_t *s2 = q ? eval_sheets(a, q) : NULL;
    CHECK(s1 && s2);
    if (s1 && s2) {
        CHECK_INT(json_array_size(s1), 1);
        json_t *i1 = json_object_get(json_array_get(s1, 0), "indicators");
        json_t *i2 = json_object_get(json_array_get(s2, 0), "indicators");
        CHECK_INT(json_array_size(i1), 16);
        CHECK_INT(json_array_size(i2), 16);
        CHECK(json_equal(s1, s2));
        if (!json_equal(s1, s2)) {
            char *x = json_dumps(s1, JSON_INDENT(1));
            char *y = json_dumps(s2, JSON_INDENT(1));
            fprintf(stderr, "imported:\n%s\nfixture:\n%s\n", x, y);
            free(x);
            free(y);
        }
    }
    json_decref(s1);
    json_decref(s2);
    jx_diags_release(&dg);
    jx_arena_free(a);
}

/* Cleaning a cell: a text that needs none is given back itself (no
 * copy); one blank between Chinese characters or after a comparison
 * sign before a digit is dropped, elsewhere kept; doubled and outer
 * blanks, U+3000, tabs, marks and dollars are cleaned. */
static void clean_cells(void)
{
    struct jx_arena *a = jx_arena_new();
    static const char *const same[] = {"年初预算数", "a b", "95 %",
                                        "≥95%", "项目 A", "A 项目", "1 2"};
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        CHECK(jx_rc_clean_shared(a, same[i], strlen(same[i])) == same[i]);
    }
    static const char *const in[] = {
        "预算 执行", "≥ 95%", "a  b", " a", "a ", "a\tb", "预算\xE3\x80\x80数",
        "x\xC2\xA0y", "$x$", "[image: p.png]年度", "a\nb", "≥ a", "预算 1"};
    static const char *const out[] = {
        "预算执行", "≥95%", "a b", "a", "a", "a b", "预算数",
        "x y", "x", "年度", "a\nb", "≥ a", "预算 1"};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        CHECK_STR(jx_rc_clean_shared(a, in[i], strlen(in[i])), out[i]);
        CHECK_STR(jx_rc_clean(a, in[i], strlen(in[i])), out[i]);
    }
    /* not NUL-terminated at n: a copy */
    const char *line = "预算数\n下一行";
    const char *c = jx_rc_clean_shared(a, line, strlen("预算数"));
    CHECK_STR(c, "预算数");
    CHECK(c != line);
    jx_arena_free(a);
}

const struct jx_test t_recog[] = {
    {"recog.base_sheet", base_sheet},
    {"recog.clean_cells", clean_cells},
    {"recog.base_stream", base_stream},
    {"recog.dept_words", dept_words},
    {"recog.base_pairs", base_pairs},
    {"recog.unit_sheet", unit_sheet},
    {"recog.inline_splits", inline_splits},
    {"recog.project_sheets", project_sheets},
    {"recog.flattened_indicators", flattened_indicators},
    {"recog.untitled_form", untitled_form},
    {"recog.hubei_head", hubei_head},
    {"recog.interleaved_line", interleaved_line},
    {"recog.leading_page", leading_page},
    {"recog.cell_values", cell_values},
    {"recog.merged_cells", merged_cells},
    {"recog.tall_merge", tall_merge},
    {"recog.form_footers", form_footers},
    {"recog.report_sections", report_sections},
    {"recog.report_cover", report_cover},
    {"recog.report_untitled", report_untitled},
    {"recog.report_caption", report_caption},
    {"recog.nothing", nothing},
    {"recog.goal_sheet", goal_sheet},
    {"recog.dept_scoring", dept_scoring},
    {"recog.assessment", assessment},
    {"recog.text_facts", text_facts},
    {"recog.doc_facts", doc_facts},
    {"recog.seeds_unit_year", seeds_unit_year},
    {"recog.seed003", seed003},
    {"recog.seed002", seed002},
    {"recog.seed000_004", seed000_004},
    {"recog.seed001", seed001},
    {"recog.seed003_scores_like_fixture", seed003_scores_like_fixture},
    {NULL, NULL},
};
