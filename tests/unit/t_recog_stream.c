/*
 * t_recog_stream.c - project forms that reach us as one run of words
 * (lib/recognise/recog_stream.c, docs/forms.md "Tables as a run of
 * words"): a 财政预算支出项目绩效目标自评表 printed from PDF with its
 * columns interleaved (the form of data/forms/guangshui-project-2019.json,
 * after https://pdf.chddh.cn/archives/48n5zg2zkkb6327q6rjv.html and
 * https://pdf.wenkuvip.com/archives/bqg98jldqkx8g2xm7pe6.html; names and
 * figures here made up), and a fragment of indicator rows without a
 * header.  Exact values, provenance `position` where placed by order,
 * the sheet's rows_unread kept through Package JSON, and the scoring
 * giving notes, not errors, for sums over a sheet read in part.
 */
#include "docbuild.h"
#include "harness.h"

#include "jixiao/import.h"
#include "jixiao/pkgjson.h"
#include "jixiao/score.h"
#include "recognise/forms.h"
#include "recognise/recognise.h"

/* The number of findings with code (and severity sev, or any when
 * sev < 0). */
static size_t count(const struct jx_diags *d, const char *code, int sev)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        n += strcmp(d->a[i].code, code) == 0 &&
             (sev < 0 || (int)d->a[i].severity == sev);
    }
    return n;
}

/* Recognise text with the bundled catalogue into a (findings in d). */
static struct jx_package *recognise(struct jx_arena *a, const char *text,
                                    struct jx_diags *d)
{
    struct jx_limits lim;
    jx_limits_default(&lim);
    struct jx_doc *doc =
        jx_import_doc(a, "t.txt", text, strlen(text), &lim, d, NULL);
    if (!doc) {
        return NULL;
    }
    const struct jx_forms *forms = jx_forms_default(a, d);
    return jx_recognise_with(a, doc, forms, d);
}

/* The scoring form as a PDF prints it to text: one line, the 评价标准
 * column's wrapped lines between the values, "2 分" weights in the
 * description, a page number before 项目年度目标. */
static const char guangshui[] =
    "2020年度河道保洁项目绩效自评表.pdf\n"
    "\n"
    "某市财政预算支出项目绩效目标自评表 填报日期:2021 年 3 月 9 日 "
    "自评总分: 88 单位领导审签: 项目名称 河道保洁经费 项目实施单位 "
    "某某环卫有限公司 项目主管单位 某市水利局 项目负责人 李四 项目属性 "
    "项目资金 1、常年性 √ 2、延续性□ 中央 省、地 本级 其他 合计 执行数 "
    "(万元) (万元) (万元) (万元) (万元) (万元) 12 8 来源 项目年度目标 "
    "3、一次性□ 20 19 执行率 95% 1. 保持河道整洁。 项目权重 评价内容 "
    "分值 自评分 项目决策 3 分 决策依据 3 3 复核分 评价标准及依据 "
    "有批复文件计 3 分,没有不得分。 1、制度 2 分; 财务制度 4 4 "
    "2、佐证资料 2 分。 组织机构 项目管理 12 分 3 有专人负责 3 分。没 2 "
    "有不得分 1、监管记录 2 分; 运行监管 3 2 2、监控表 1 分。 目标申报 2 "
    "1 分,扣完为止; 2 3、按时申报 1 分。 2 项目年度目标 1:保持河道整洁。 "
    "一级 指标 二级 指标名称 年初指 年终完 自评 复核 数量指 标 15 分 "
    "保洁里程 30 公里 30 公里\n";

/* The scoring form's title block, funds and criterion rows are read;
 * the unit is the 主管单位 (the 实施单位 is a company). */
static void t_guangshui(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = recognise(a, guangshui, &d);
    CHECK(p != NULL);
    CHECK_INT(p ? (long long)p->nproject_sheets : -1, 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK(s->rows_unread);
        CHECK_STR(tb_num(&s->stated_total, false), "88");
        CHECK_STR(s->name.s, "河道保洁经费");
        CHECK_STR(s->implementer.s, "某某环卫有限公司");
        CHECK_STR(s->supervisor.s, "某市水利局");
        CHECK_STR(tb_money(&s->total.budget_full, s->unit), "20.00");
        CHECK_STR(tb_money(&s->total.executed, s->unit), "19.00");
        CHECK_STR(tb_num(&s->total.rate, true), "95%");
        CHECK(s->total.budget_full.prov &&
              s->total.budget_full.prov->how == JX_HOW_POSITION);
        CHECK(s->total.rate.prov &&
              s->total.rate.prov->how == JX_HOW_READ);
        static const char *const want[][4] = {
            {"项目决策", "决策依据", "3", "3"},
            {"项目管理", "财务制度", "4", "4"},
            {"项目管理", "组织机构", "3", "2"},
            {"项目管理", "运行监管", "3", "2"},
            {"项目管理", "目标申报", "2", "2"},
        };
        CHECK_INT(s->nindicators, 5);
        for (size_t i = 0; i < 5 && i < s->nindicators; i++) {
            const struct jx_indicator *r = &s->indicators[i];
            CHECK_STR(r->level1.s, want[i][0]);
            CHECK_STR(r->name.s, want[i][1]);
            CHECK_STR(tb_num(&r->points, false), want[i][2]);
            CHECK_STR(tb_num(&r->score, false), want[i][3]);
            CHECK(r->points.prov && r->points.prov->how == JX_HOW_POSITION);
        }
    }
    CHECK(p && p->unit.name.s && strcmp(p->unit.name.s, "某市水利局") == 0);
    CHECK_INT(count(&d, "I414", JX_SEV_NOTE), 1);
    /* the sums over a sheet read in part are notes, never errors */
    if (p) {
        struct jx_policy pol;
        jx_policy_default(&pol);
        struct jx_diags sd;
        jx_diags_init(&sd, a);
        jx_score(a, p, &pol, &sd);
        CHECK_INT(count(&sd, "S303", JX_SEV_NOTE), 1);
        CHECK_INT(count(&sd, "S304", JX_SEV_NOTE), 1);
        CHECK_INT(jx_diags_errors(&sd), 0);
        jx_diags_release(&sd);
        /* rows_unread survives Package JSON (the year, which the form
         * does not print, given so that the package loads) */
        p->year.present = true;
        p->year.v = 2020;
        struct jx_buf b;
        jx_buf_init(&b, 1u << 24);
        CHECK_INT(jx_pkgjson_save(p, &b), 0);
        CHECK(b.p && strstr(b.p, "\"rows_unread\": true") != NULL);
        struct jx_diags ld;
        jx_diags_init(&ld, a);
        struct jx_package *q = jx_pkgjson_load(a, "t.json", b.p, b.len, &ld);
        CHECK_INT(jx_diags_errors(&ld), 0);
        CHECK(q && q->nproject_sheets == 1 && q->project_sheets[0].rows_unread);
        jx_diags_release(&ld);
        jx_buf_release(&b);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Rows whose 分值 do not fill the blocks' printed weights (项目管理 13
 * 分 here, rows summing to 12) are not read: the order is not certain.
 * The funds and the title block still are. */
static void t_guangshui_refused(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    size_t n = strlen(guangshui);
    char *t = jx_strndup(a, guangshui, n);
    char *w = strstr(t, "项目管理 12 分");
    CHECK(w != NULL);
    if (w) {
        w[strlen("项目管理 1")] = '3';
    }
    struct jx_package *p = recognise(a, t, &d);
    CHECK(p && p->nproject_sheets == 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_INT(s->nindicators, 0);
        CHECK_STR(tb_money(&s->total.executed, s->unit), "19.00");
        CHECK_STR(tb_num(&s->stated_total, false), "88");
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A fragment of indicator rows: the numbers sum to 合计 less the
 * execution row's 10 points, so they are the 分值; level-1 names carry
 * down, level-2 names do not. */
static void t_fragment(void)
{
    static const char text[] =
        "http://example.org/a-1.html\n"
        "\n"
        "产出指标数量指标培训人数≥200人 25 开班次数≥4次 25 "
        "质量指标合格率≥95% 20 效益指标社会效益指标群众知晓率≥90% 20 "
        "合计100 评价结论完成。\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = recognise(a, text, &d);
    CHECK(p && p->nproject_sheets == 1);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK(s->rows_unread);
        CHECK(!s->stated_total.present);
        static const char *const want[][5] = {
            {"产出指标", "数量指标", "培训人数", "≥200人", "25"},
            {"产出指标", "", "开班次数", "≥4次", "25"},
            {"产出指标", "质量指标", "合格率", "≥95%", "20"},
            {"效益指标", "社会效益指标", "群众知晓率", "≥90%", "20"},
        };
        CHECK_INT(s->nindicators, 4);
        for (size_t i = 0; i < 4 && i < s->nindicators; i++) {
            const struct jx_indicator *r = &s->indicators[i];
            CHECK_STR(r->level1.s ? r->level1.s : "", want[i][0]);
            CHECK_STR(r->level2.s ? r->level2.s : "", want[i][1]);
            CHECK_STR(r->name.s, want[i][2]);
            CHECK_STR(r->target.s, want[i][3]);
            CHECK_STR(tb_num(&r->points, false), want[i][4]);
            CHECK(!r->score.present);
            CHECK(r->points.prov && r->points.prov->how == JX_HOW_POSITION);
        }
    }
    CHECK_INT(count(&d, "I415", JX_SEV_NOTE), 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Numbers that fit neither 合计 nor 合计 less the execution row leave
 * the fragment unread (nothing recognised). */
static void t_fragment_refused(void)
{
    static const char text[] =
        "产出指标数量指标培训人数≥200人 25 开班次数≥4次 25 "
        "质量指标合格率≥95% 20 效益指标社会效益指标群众知晓率≥90% 15 "
        "合计100\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = recognise(a, text, &d);
    CHECK(p == NULL || p->nproject_sheets == 0);
    CHECK_INT(count(&d, "I415", -1), 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

const struct jx_test t_recog_stream[] = {
    {"recog_stream.guangshui", t_guangshui},
    {"recog_stream.guangshui_refused", t_guangshui_refused},
    {"recog_stream.fragment", t_fragment},
    {"recog_stream.fragment_refused", t_fragment_refused},
    {NULL, NULL},
};
