/*
 * t_recog_lines.c - form rows that arrive as paragraph lines after a
 * recognised header (a text layout that kept the header as a table but
 * flattened later rows into space-separated lines): read through the
 * same row readers, and refused whenever the parts do not match the
 * header's columns one to one.  Hand-made samples only.
 */
#include "harness.h"

#include "docbuild.h"

#include "jixiao/doc.h"
#include "recognise/recognise.h"

/* Exact text of money in 万元 ("" for absent). */
static const char *wan(const struct jx_amt *m)
{
    static char buf[4][JX_NUM_BUFSZ];
    static int k;
    if (!m->present) {
        return "";
    }
    k = (k + 1) % 4;
    return jx_money_format_exact(m->v, JX_WANYUAN, buf[k]);
}

/* Exact text of a number ("" for absent). */
static const char *num(const struct jx_num *n)
{
    static char buf[4][JX_NUM_BUFSZ];
    static int k;
    if (!n->present) {
        return "";
    }
    k = (k + 1) % 4;
    const char *s = jx_rat_format_exact(n->v, false, buf[k]);
    return s ? s : "?";
}

/* The form's header and first rows as a table, as the text importer
 * recovers them. */
static void form_head(struct tb *b)
{
    tb_para(b, "项目支出绩效自评表（2023年度）");
    tb_row(b, "项目名称|示例道路养护");
    tb_row(b, "项目资金（万元）|年初预算数|全年预算数|全年执行数|分值|执行率|"
              "得分");
    tb_row(b, "年度资金总额:|50|48|47.5|10|98.96%|9.90");
}

/* The indicator header and one table row. */
static void ind_head(struct tb *b)
{
    tb_row(b, "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|"
              "偏差原因分析及改进措施");
    tb_row(b, "产出指标(50分)|数量指标|养护里程|≥12公里|12公里|20|20|");
}

/* A funds row and indicator rows printed as lines: read into the same
 * fields a table row fills; a line without its own level-two name
 * right after the table does not take the table's. */
static void lines_read(void)
{
    struct tb b;
    tb_init(&b, "lines.txt");
    form_head(&b);
    tb_para(&b, "其中:本年财政拨款 50 48 47.5");
    ind_head(&b);
    tb_para(&b, "资金使用合规性 符合制度规定 达成预期指标 10 9");
    tb_para(&b, "时效指标 完工及时率 ≥95% 96% 10 10");
    tb_para(&b, "单项工程成本 不超预算 达成 10 8.5 无");
    tb_end(&b);
    struct jx_diags dg;
    jx_diags_init(&dg, b.a);
    struct jx_package *p = jx_recognise(b.a, b.d, &dg);
    CHECK(p != NULL);
    CHECK_INT(p ? p->nproject_sheets : 0, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        const struct jx_funds *f = &s->funds[JX_FUND_CURRENT_APPROP];
        CHECK_STR(wan(&s->total.budget_full), "48.00");
        CHECK_STR(wan(&f->budget_initial), "50.00");
        CHECK_STR(wan(&f->budget_full), "48.00");
        CHECK_STR(wan(&f->executed), "47.50");
        CHECK(!f->points.present && !f->rate.present && !f->score.present);
        CHECK_INT(s->nindicators, 4);
        if (s->nindicators == 4) {
            const struct jx_indicator *i1 = &s->indicators[1];
            CHECK_STR(i1->name.s, "资金使用合规性");
            CHECK_STR(i1->target.s, "符合制度规定");
            CHECK_STR(i1->actual.s, "达成预期指标");
            CHECK_STR(num(&i1->points), "10");
            CHECK_STR(num(&i1->score), "9");
            CHECK(i1->level2.s == NULL);
            CHECK_STR(i1->level1.s, "产出指标");
            const struct jx_indicator *i2 = &s->indicators[2];
            CHECK_STR(i2->level2.s, "时效指标");
            CHECK_STR(i2->name.s, "完工及时率");
            CHECK_STR(i2->target.s, "≥95%");
            CHECK_STR(i2->actual.s, "96%");
            CHECK_STR(num(&i2->score), "10");
            const struct jx_indicator *i3 = &s->indicators[3];
            CHECK_STR(i3->level2.s, "时效指标");
            CHECK_STR(i3->name.s, "单项工程成本");
            CHECK_STR(num(&i3->points), "10");
            CHECK_STR(num(&i3->score), "8.5");
            CHECK_STR(i3->deviation.s, "无");
        }
    }
    CHECK_INT(jx_diags_errors(&dg), 0);
    jx_diags_release(&dg);
    jx_arena_free(b.a);
}

/* Lines whose parts do not match the header one to one are not read:
 * too few numbers, prose with a number, a missing part, a word where
 * the header has 分值, a number where it has 三级指标. */
static void lines_refused(void)
{
    struct tb b;
    tb_init(&b, "lines.txt");
    form_head(&b);
    tb_para(&b, "其中:本年财政拨款 50 48");
    tb_para(&b, "上年结转 资金 0");
    tb_para(&b, "本项目共申请预算资金 50 万元");
    ind_head(&b);
    tb_para(&b, "资金使用合规性 符合制度规定 10 9");
    tb_para(&b, "完工及时率 ≥95% 96% 十 10");
    tb_para(&b, "12 ≥95% 96% 10 10");
    tb_para(&b, "本年度 共完成 道路养护 10 公里");
    tb_end(&b);
    struct jx_diags dg;
    jx_diags_init(&dg, b.a);
    struct jx_package *p = jx_recognise(b.a, b.d, &dg);
    CHECK(p != NULL);
    CHECK_INT(p ? p->nproject_sheets : 0, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        const struct jx_funds *f = &s->funds[JX_FUND_CURRENT_APPROP];
        CHECK(!f->budget_initial.present && !f->budget_full.present &&
              !f->executed.present);
        CHECK(!s->funds[JX_FUND_CARRYOVER].executed.present);
        CHECK_INT(s->nindicators, 1);
    }
    jx_diags_release(&dg);
    jx_arena_free(b.a);
}

/* The total funds row with a rate as a line, a label in two parts,
 * and the indicators' total as a line ("总分 100 47"). */
static void lines_totals(void)
{
    struct tb b;
    tb_init(&b, "lines.txt");
    tb_para(&b, "项目支出绩效自评表（2023年度）");
    tb_row(&b, "项目资金（万元）|年初预算数|全年预算数|全年执行数|分值|执行率|"
               "得分");
    tb_para(&b, "年度资金总额: 50 48 47.5 10 98.96% 9.90");
    tb_para(&b, "其中: 本年财政拨款 50 48 47.5");
    ind_head(&b);
    tb_para(&b, "时效指标 完工及时率 ≥95% 96% 10 10");
    tb_para(&b, "总分 100 47");
    tb_para(&b, "说明 1 2");
    tb_end(&b);
    struct jx_diags dg;
    jx_diags_init(&dg, b.a);
    struct jx_package *p = jx_recognise(b.a, b.d, &dg);
    CHECK_INT(p ? p->nproject_sheets : 0, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_STR(wan(&s->total.budget_initial), "50.00");
        CHECK_STR(wan(&s->total.budget_full), "48.00");
        CHECK_STR(wan(&s->total.executed), "47.50");
        CHECK_STR(num(&s->total.points), "10");
        CHECK(s->total.rate.present);
        CHECK_STR(num(&s->total.score), "9.9");
        CHECK_STR(wan(&s->funds[JX_FUND_CURRENT_APPROP].executed), "47.50");
        CHECK_INT(s->nindicators, 2);
        CHECK_STR(num(&s->stated_total), "47");
    }
    CHECK_INT(jx_diags_errors(&dg), 0);
    jx_diags_release(&dg);
    jx_arena_free(b.a);
}

/* An indicator row whose first cells were printed one per line, after
 * its level names on lines of their own; of three such lines only the
 * last joins the row below; a figure alone on a line starts no row. */
static void lines_split_row(void)
{
    struct tb b;
    tb_init(&b, "lines.txt");
    form_head(&b);
    ind_head(&b);
    tb_para(&b, "效益指标(30分)");
    tb_para(&b, "社会效益指标");
    tb_para(&b, "群众出行条件改善程度");
    tb_para(&b, "明显改善");
    tb_para(&b, "达成预期指标 30 28");
    tb_para(&b, "满意度指标(10分)");
    tb_para(&b, "本年度道路养护工作");
    tb_para(&b, "按计划推进");
    tb_para(&b, "群众满意度");
    tb_para(&b, "≥90% 95% 10 10");
    tb_para(&b, "服务对象满意度");
    tb_para(&b, "90");
    tb_para(&b, "95% 10 10");
    tb_para(&b, "甲");
    tb_para(&b, "乙");
    tb_para(&b, "1 2 3 4 5 6 7 8 9 10 11 12"); /* the most parts */
    tb_end(&b);
    struct jx_diags dg;
    jx_diags_init(&dg, b.a);
    struct jx_package *p = jx_recognise(b.a, b.d, &dg);
    CHECK_INT(p ? p->nproject_sheets : 0, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_INT(s->nindicators, 3);
        if (s->nindicators == 3) {
            const struct jx_indicator *i1 = &s->indicators[1];
            CHECK_STR(i1->level1.s, "效益指标");
            CHECK_STR(i1->level2.s, "社会效益指标");
            CHECK_STR(i1->name.s, "群众出行条件改善程度");
            CHECK_STR(i1->target.s, "明显改善");
            CHECK_STR(i1->actual.s, "达成预期指标");
            CHECK_STR(num(&i1->points), "30");
            CHECK_STR(num(&i1->score), "28");
            CHECK_INT(i1->prov ? i1->prov->line : 0, 9);
            const struct jx_indicator *i2 = &s->indicators[2];
            CHECK_STR(i2->level1.s, "满意度指标");
            CHECK(i2->level2.s == NULL);
            CHECK_STR(i2->name.s, "群众满意度");
            CHECK_STR(i2->target.s, "≥90%");
            CHECK_STR(i2->actual.s, "95%");
        }
    }
    jx_diags_release(&dg);
    jx_arena_free(b.a);
}

const struct jx_test t_recog_lines[] = {
    {"recog_lines.read", lines_read},
    {"recog_lines.refused", lines_refused},
    {"recog_lines.totals", lines_totals},
    {"recog_lines.split_row", lines_split_row},
    {NULL, NULL},
};
