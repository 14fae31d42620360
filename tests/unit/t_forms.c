/*
 * t_forms.c - tests of the catalogue of forms (lib/recognise/
 * recog_catalog.c, data/forms, docs/forms.md): the bundled catalogue
 * loads cleanly; a small form file is loaded and a table in that form is
 * recognised (adding a form is a data change); a pipe table typed from a
 * Sichuan 项目支出绩效自评表 (调整后预算数 / 预算执行数 / 权重) gives its
 * funds rows and indicator rows; broken form files are refused with
 * located T-codes; the pipeline loads its run's catalogue from the
 * directory it is given.
 */
#include "docbuild.h"
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

#include "jixiao/import.h"
#include "jixiao/pipeline.h"
#include "recognise/forms.h"
#include "recognise/recognise.h"

/* The number of findings with code. */
static size_t count_code(const struct jx_diags *d, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        n += strcmp(d->a[i].code, code) == 0;
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

/* Import text as a document (a .txt) in a. */
static struct jx_doc *text_doc(struct jx_arena *a, const char *text,
                               struct jx_diags *d)
{
    struct jx_limits lim;
    jx_limits_default(&lim);
    return jx_import_doc(a, "t.txt", text, strlen(text), &lim, d, NULL);
}

/* The bundled catalogue: every file loads without a finding, each form
 * cites its sources, and the execution weights are as printed. */
static void t_bundled(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const struct jx_forms *c = jx_forms_default(a, &d);
    CHECK_INT(d.n, 0);
    CHECK(c->n >= 6);
    int seen = 0;
    for (size_t i = 0; i < c->n; i++) {
        const struct jx_form *f = &c->f[i];
        CHECK(f->sources.n >= 1);
        CHECK(f->title != NULL);
        if (strcmp(f->id, "national-project-2020") == 0) {
            CHECK_INT(f->kind, JX_FORM_PROJECT);
            CHECK_INT(f->exec_points, 10);
            CHECK(f->exec_in_total);
            seen |= 1;
        } else if (strcmp(f->id, "hubei-unit-2020") == 0) {
            CHECK_INT(f->kind, JX_FORM_UNIT);
            CHECK_INT(f->exec_points, 20);
            CHECK_INT(f->head_amounts, 1 + JX_FC_BUDGET_FULL);
            seen |= 2;
        } else if (strcmp(f->id, "sichuan-project-2023") == 0) {
            CHECK_INT(jx_form_col_of(f, "调整后预算数"), JX_FC_BUDGET_FULL);
            CHECK_INT(jx_form_col_of(f, "预算执行数"), JX_FC_EXECUTED);
            CHECK_INT(jx_form_col_of(f, "预算执行率"), JX_FC_RATE);
            CHECK_INT(jx_form_col_of(f, "权重"), JX_FC_POINTS);
            CHECK_INT(jx_form_col_of(f, "年度预算数(万元)"), -1);
            CHECK_INT(f->head_amounts, 0);
            seen |= 4;
        }
    }
    CHECK_INT(seen, 7);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A form of a place the bundled catalogue does not know, as a small
 * data file. */
static const char small_form[] =
    "{\"format\": \"jixiao-form\", \"version\": 1, \"id\": \"test-form\",\n"
    " \"kind\": \"project\", \"title\": \"项目绩效自评表\",\n"
    " \"sources\": [\"单元测试\"],\n"
    " \"execution\": {\"points\": 20, \"in_total\": false},\n"
    " \"columns\": {\"budget_full\": [\"安排数\"], \"executed\": [\"支付数\"],\n"
    "   \"rate\": [\"支付率\"], \"points\": [\"标准分\"], \"score\": [\"自评分\"],\n"
    "   \"level1\": [\"一级\"], \"level2\": [\"二级\"], \"level3\": [\"三级\"],\n"
    "   \"target\": [\"计划数\"], \"actual\": [\"完成数\"]},\n"
    " \"rows\": {\"total\": [\"资金合计\"], \"current_approp\": [\"本级资金\"],\n"
    "   \"sum\": [\"得分汇总\"]}}\n";

/* A table printed in that form. */
static const char small_table[] =
    "项目支出绩效自评表\n"
    "| 资金 | 安排数 | 支付数 | 支付率 | 标准分 | 自评分 |\n"
    "| 资金合计 | 50.00 | 40.00 | 80.00% | 20 | 16 |\n"
    "| 本级资金 | 50.00 | 40.00 | 80.00% | | |\n"
    "| 一级 | 二级 | 三级 | 计划数 | 完成数 | 标准分 | 自评分 |\n"
    "| 产出指标 | 数量指标 | 培训人次 | 100人次 | 90人次 | 80 | 72 |\n"
    "| 得分汇总 | 100 | 88 |\n";

/* Adding a form is a data change: the small form file loads, and with
 * it the table's funds, indicator and total are read; without it the
 * same table gives none of them. */
static void t_small_form(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_forms *c = jx_forms_new(a);
    CHECK_INT(jx_forms_load(c, a, "test-form.json", small_form,
                            strlen(small_form), &d), 0);
    CHECK_INT(d.n, 0);
    CHECK_INT(c->n, 1);
    CHECK_INT(c->f[0].exec_points, 20);
    CHECK(!c->f[0].exec_in_total);
    struct jx_doc *doc = text_doc(a, small_table, &d);
    CHECK(doc != NULL);
    struct jx_package *p = doc ? jx_recognise_with(a, doc, c, &d) : NULL;
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->nproject_sheets, 1);
    }
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_STR(tb_money(&s->total.budget_full, s->unit), "50.00");
        CHECK_STR(tb_money(&s->total.executed, s->unit), "40.00");
        CHECK_STR(tb_num(&s->total.rate, true), "80%");
        CHECK_STR(tb_num(&s->total.points, false), "20");
        CHECK_STR(tb_num(&s->total.score, false), "16");
        CHECK_STR(tb_money(&s->funds[JX_FUND_CURRENT_APPROP].executed, s->unit),
                  "40.00");
        CHECK_INT(s->nindicators, 1);
        if (s->nindicators == 1) {
            CHECK_STR(s->indicators[0].name.s, "培训人次");
            CHECK_STR(s->indicators[0].target.s, "100人次");
            CHECK_STR(s->indicators[0].actual.s, "90人次");
            CHECK_STR(tb_num(&s->indicators[0].points, false), "80");
            CHECK_STR(tb_num(&s->indicators[0].score, false), "72");
        }
        CHECK_STR(tb_num(&s->stated_total, false), "88");
    }
    /* the bundled catalogue does not know these words */
    struct jx_diags d2;
    jx_diags_init(&d2, a);
    const struct jx_forms *bundled = jx_forms_default(a, &d2);
    struct jx_package *q = doc ? jx_recognise_with(a, doc, bundled, &d2)
                               : NULL;
    CHECK(q == NULL || q->nproject_sheets == 0 ||
          (!q->project_sheets[0].total.executed.present &&
           q->project_sheets[0].nindicators == 0));
    jx_diags_release(&d2);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* jx_form_col_of through a form's column index gives what the search of
 * every word gives (the form copied without its index), on every
 * bundled form: each column word as a key, the word with text after
 * it, its first character alone, a longer word sharing a shorter one's
 * start, keys of ASCII and of a truncated or invalid first character,
 * and the empty key. */
static void t_col_index(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const struct jx_forms *cat = jx_forms_default(a, &d);
    size_t keys = 0;
    static const char *const odd[] = {"", "A", "\xE9", "\xE9\x87",
                                      "\xFF\xFE", "%", "1、预算"};
    for (size_t i = 0; i < cat->n; i++) {
        const struct jx_form *f = &cat->f[i];
        CHECK(f->colidx != NULL);
        struct jx_form plain = *f;
        plain.colidx = NULL;
        for (int c = 0; c < JX_FC_COUNT; c++) {
            for (size_t k = 0; k < f->col[c].n; k++) {
                const char *w = f->col[c].w[k];
                const char *tries[3] = {
                    w, jx_sprintf(a, "%s（万元）", w),
                    jx_strndup(a, w, w[0] && (unsigned char)w[0] >= 0xE0 ? 3 : 1)};
                for (int t = 0; t < 3; t++) {
                    CHECK_INT(jx_form_col_of(f, tries[t]),
                              jx_form_col_of(&plain, tries[t]));
                    keys++;
                }
            }
        }
        for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++) {
            CHECK_INT(jx_form_col_of(f, odd[k]), jx_form_col_of(&plain, odd[k]));
        }
        CHECK_INT(jx_form_col_of(f, NULL), -1);
    }
    CHECK(keys > 300);
    /* the longest word wins, a tie the lower column */
    static const char form[] =
        "{\"format\": \"jixiao-form\", \"version\": 1, \"id\": \"t-col\",\n"
        " \"kind\": \"project\", \"title\": \"表\", \"sources\": [\"测试\"],\n"
        " \"columns\": {\"budget_full\": [\"预算\", \"预算数\"],\n"
        "   \"executed\": [\"预算执行数\"], \"rate\": [\"预算数\"]}}\n";
    struct jx_forms *c = jx_forms_new(a);
    CHECK_INT(jx_forms_load(c, a, "t-col.json", form, strlen(form), &d), 0);
    if (c->n == 1) {
        CHECK_INT(jx_form_col_of(&c->f[0], "预算执行数（万元）"), JX_FC_EXECUTED);
        CHECK_INT(jx_form_col_of(&c->f[0], "预算数"), JX_FC_BUDGET_FULL);
        CHECK_INT(jx_form_col_of(&c->f[0], "预算执行"), JX_FC_BUDGET_FULL);
        CHECK_INT(jx_form_col_of(&c->f[0], "执行数"), -1);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A Sichuan 部门预算项目支出绩效自评表 typed as a pipe table (the words
 * of https://www.scqs.gov.cn/info/13206/211004.htm and
 * https://dyxrmt.cn/article-157795-21.html, figures made up): its funds
 * rows and indicator rows are read by the bundled catalogue. */
static void t_sichuan(void)
{
    static const char text[] =
        "部门预算项目支出绩效自评表（2023年度）\n"
        "| 项目名称 | 安可替代补助资金项目 |\n"
        "| 主管部门 | 某县司法局 | 实施单位 | 某县司法局 |\n"
        "| 预算执行情况（10分） | 年初预算 | 调整后预算数 | 预算执行数 | "
        "预算执行率 | 权重 | 得分 |\n"
        "| 总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 |\n"
        "| 其中：财政资金 | 0.00 | 3.36 | 3.36 | 100.00% | / | / |\n"
        "| 财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / |\n"
        "| 其他资金 | / | / | / | / | / | / |\n"
        "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | "
        "完成值 | 权重 | 得分 | 未完成原因分析 |\n"
        "| 产出指标 | 数量指标 | 购买电脑台数 | ≥ | 13 | 台 | 13台 | 40 | 40 "
        "| 无 |\n"
        "| 产出指标 | 经济成本指标 | 成本控制数 | ≤ | 3.36 | 万元 | 3.36万元 "
        "| 30 | 30 | 无 |\n"
        "| 效益指标 | 社会效益指标 | 设备国产化率 | = | 100 | % | 100% | 20 | "
        "20 | 无 |\n"
        "| 合计 | 100 | 100 |\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = text_doc(a, text, &d);
    CHECK(doc != NULL);
    struct jx_package *p = doc ? jx_recognise(a, doc, &d) : NULL;
    CHECK(p != NULL);
    CHECK_INT(count_code(&d, "I408"), 0);
    CHECK_INT(count_code(&d, "I405"), 0);
    if (p) {
        CHECK_INT(p->nproject_sheets, 1);
    }
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_STR(s->name.s, "安可替代补助资金项目");
        CHECK_STR(tb_money(&s->total.budget_initial, s->unit), "0.00");
        CHECK_STR(tb_money(&s->total.budget_full, s->unit), "3.36");
        CHECK_STR(tb_money(&s->total.executed, s->unit), "3.36");
        CHECK_STR(tb_num(&s->total.rate, true), "100%");
        CHECK_STR(tb_num(&s->total.points, false), "10");
        CHECK_STR(tb_num(&s->total.score, false), "10");
        const struct jx_funds *f = &s->funds[JX_FUND_CURRENT_APPROP];
        CHECK_STR(tb_money(&f->budget_full, s->unit), "3.36");
        CHECK_STR(tb_money(&f->executed, s->unit), "3.36");
        CHECK(!f->points.present);
        f = &s->funds[JX_FUND_SPECIAL_ACCOUNT];
        CHECK_STR(tb_money(&f->budget_full, s->unit), "0.00");
        CHECK_INT(s->nindicators, 3);
        if (s->nindicators == 3) {
            const struct jx_indicator *i = s->indicators;
            CHECK_STR(i[0].level1.s, "产出指标");
            CHECK_STR(i[0].level2.s, "数量指标");
            CHECK_STR(i[0].name.s, "购买电脑台数");
            CHECK_STR(i[0].target.s, "≥13台");
            CHECK_STR(i[0].actual.s, "13台");
            CHECK_STR(tb_num(&i[0].points, false), "40");
            CHECK_STR(tb_num(&i[0].score, false), "40");
            CHECK_STR(i[0].deviation.s, "无");
            CHECK_STR(i[1].level2.s, "经济成本指标");
            CHECK_STR(i[1].target.s, "≤3.36万元");
            CHECK_STR(i[2].level1.s, "效益指标");
            CHECK_STR(i[2].target.s, "=100%");
            CHECK_STR(tb_num(&i[2].points, false), "20");
        }
        CHECK_STR(tb_num(&s->stated_total, false), "100");
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The same form as printed, with the headings merged down the left of
 * each block ("年度预算数（万元）" over the fund labels, "绩效指标（90分）"
 * beside the indicators): a text layout drops them from the data rows,
 * which are aligned by their labels. */
static void t_sichuan_headings(void)
{
    static const char text[] =
        "部门预算项目支出绩效自评表（2023年度）\n"
        "| 预算执行情况（10分） | 年度预算数（万元） | 年初预算 | 调整后预算数 | "
        "预算执行数 | 预算执行率 | 权重 | 得分 | 原因 |\n"
        "| 总额 | 238.93 | 251.89 | 251.89 | 100.00% | 10 | 10 | 无 |\n"
        "| 其中：财政资金 | 238.93 | 251.89 | 251.89 | 100.00% | / | / |\n"
        "| 绩效指标（90分） | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 "
        "| 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
        "| 产出指标 | 数量指标 | 发放覆盖率 | = | 100 | % | 100% | 60 | 60 | 无 "
        "|\n"
        "| 效益指标 | 社会效益指标 | 足额保障率 | = | 100 | % | 100% | 30 | 30 "
        "| 无 |\n"
        "| 合计 | 100 | 100 |\n";
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = text_doc(a, text, &d);
    struct jx_package *p = doc ? jx_recognise(a, doc, &d) : NULL;
    CHECK(p != NULL);
    CHECK_INT(count_code(&d, "I408"), 0);
    if (p && p->nproject_sheets == 1) {
        const struct jx_sheet *s = &p->project_sheets[0];
        CHECK_STR(tb_money(&s->total.budget_initial, s->unit), "238.93");
        CHECK_STR(tb_money(&s->total.budget_full, s->unit), "251.89");
        CHECK_STR(tb_money(&s->total.executed, s->unit), "251.89");
        CHECK_STR(tb_num(&s->total.rate, true), "100%");
        CHECK_STR(tb_num(&s->total.points, false), "10");
        CHECK_STR(tb_num(&s->total.score, false), "10");
        CHECK_STR(tb_money(&s->funds[JX_FUND_CURRENT_APPROP].budget_initial,
                        s->unit),
                  "238.93");
        CHECK_INT(s->nindicators, 2);
        if (s->nindicators == 2) {
            CHECK_STR(s->indicators[0].level1.s, "产出指标");
            CHECK_STR(s->indicators[0].name.s, "发放覆盖率");
            CHECK_STR(s->indicators[0].target.s, "=100%");
            CHECK_STR(tb_num(&s->indicators[0].points, false), "60");
            CHECK_STR(s->indicators[1].level2.s, "社会效益指标");
            CHECK_STR(tb_num(&s->indicators[1].score, false), "30");
        }
        CHECK_STR(tb_num(&s->stated_total, false), "100");
    } else {
        CHECK(false);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Load text as a form file named file into a fresh catalogue; returns
 * the catalogue's size (0 when refused) and leaves the findings in d. */
static size_t load1(struct jx_arena *a, const char *file, const char *text,
                    struct jx_diags *d)
{
    struct jx_forms *c = jx_forms_new(a);
    int rc = jx_forms_load(c, a, file, text, strlen(text), d);
    CHECK_INT(rc == 0, c->n == 1);
    return c->n;
}

/* Broken form files are refused with located T-codes. */
static void t_errors(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    /* not a form */
    CHECK_INT(load1(a, "x.json", "{\"format\": \"jixiao-framework\"}", &d),
              0);
    const struct jx_diag *e = find_code(&d, "T010");
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->loc.line, 1);
        CHECK_STR(e->loc.path, "/format");
    }
    jx_diags_release(&d);
    /* unknown column, empty word list, bad weight, id and file */
    jx_diags_init(&d, a);
    CHECK_INT(load1(a, "forms/y.json",
                    "{\"format\": \"jixiao-form\", \"version\": 1,\n"
                    " \"id\": \"z\", \"kind\": \"project\", \"title\": \"t\",\n"
                    " \"sources\": [\"s\"],\n"
                    " \"execution\": {\"points\": 0},\n"
                    " \"columns\": {\"budgt_full\": [\"预算数\"],\n"
                    "   \"score\": []}}\n",
                    &d),
              0);
    e = find_code(&d, "T101");
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->loc.line, 5);
        CHECK_STR(e->loc.path, "/columns/budgt_full");
    }
    e = find_code(&d, "T104");
    CHECK(e != NULL);
    CHECK_INT(count_code(&d, "T104"), 3);
    jx_diags_release(&d);
    /* head amounts in a column that is not a budget column */
    jx_diags_init(&d, a);
    CHECK_INT(load1(a, "h.json",
                    "{\"format\": \"jixiao-form\", \"version\": 1,\n"
                    " \"id\": \"h\", \"kind\": \"unit\", \"title\": \"t\",\n"
                    " \"sources\": [\"s\"], \"head_amounts\": \"rate\",\n"
                    " \"columns\": {}}\n",
                    &d),
              0);
    e = find_code(&d, "T104");
    CHECK(e != NULL);
    if (e) {
        CHECK_INT(e->loc.line, 3);
        CHECK_STR(e->loc.path, "/head_amounts");
    }
    CHECK_INT(count_code(&d, "T104"), 1);
    jx_diags_release(&d);
    /* a word with a space, a syntax error repaired, a kind unknown */
    jx_diags_init(&d, a);
    CHECK_INT(load1(a, "w.json",
                    "{\"format\": \"jixiao-form\", \"version\": 1\n"
                    " \"id\": \"w\", \"kind\": \"projet\", \"title\": \"t\",\n"
                    " \"sources\": [\"s\"],\n"
                    " \"columns\": {\"score\": [\"得 分\"]}}\n",
                    &d),
              0);
    CHECK_INT(count_code(&d, "T001"), 1);
    CHECK_INT(count_code(&d, "T104"), 2);
    jx_diags_release(&d);
    /* two files with one id */
    jx_diags_init(&d, a);
    struct jx_forms *c = jx_forms_new(a);
    const char *ok = "{\"format\": \"jixiao-form\", \"version\": 1,\n"
                     " \"id\": \"v\", \"kind\": \"unit\", \"title\": \"t\",\n"
                     " \"sources\": [\"s\"], \"columns\": {}}\n";
    CHECK_INT(jx_forms_load(c, a, "a/v.json", ok, strlen(ok), &d), 0);
    CHECK_INT(jx_forms_load(c, a, "b/v.json", ok, strlen(ok), &d), -1);
    CHECK_INT(count_code(&d, "T105"), 1);
    CHECK_INT(c->n, 1);
    jx_diags_release(&d);
    /* a directory that is not there */
    jx_diags_init(&d, a);
    CHECK_INT(jx_forms_load_dir(jx_forms_new(a), a, "/nonexistent/forms", &d),
              -1);
    CHECK_INT(count_code(&d, "T005"), 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Write text to path; true when written. */
static bool put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        return false;
    }
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* The pipeline loads the run's catalogue from its directory once: a
 * broken file there is a T-code finding of every input, the good form
 * beside it is used. */
static void t_pipeline(void)
{
    char dir[] = "/tmp/jx-forms.XXXXXX";
    if (!mkdtemp(dir)) {
        jx_test_fail(__FILE__, __LINE__, "mkdtemp failed");
        return;
    }
    char good[64], bad[64];
    snprintf(good, sizeof good, "%s/test-form.json", dir);
    snprintf(bad, sizeof bad, "%s/broken.json", dir);
    CHECK(put(good, small_form));
    CHECK(put(bad, "{\"format\": \"jixiao-framework\"}"));
    struct jx_run_opts o;
    jx_run_opts_default(&o);
    o.formsdir = dir;
    struct jx_run *r = jx_run_new(&o);
    struct jx_input_opts io;
    memset(&io, 0, sizeof io);
    io.load_only = true;
    for (int k = 0; k < 2; k++) {
        size_t n = strlen(small_table);
        char *data = malloc(n);
        CHECK(data != NULL);
        if (!data) {
            break;
        }
        memcpy(data, small_table, n);
        struct jx_result *in = jx_run_data(r, "t.txt", data, n, &io);
        CHECK_INT(count_code(&in->diags, "T010"), 1);
        const struct jx_diag *e = find_code(&in->diags, "T010");
        CHECK(e && e->loc.file && strcmp(e->loc.file, bad) == 0);
        CHECK(in->pkg != NULL);
        if (in->pkg && in->pkg->nproject_sheets == 1) {
            const struct jx_sheet *s = &in->pkg->project_sheets[0];
            CHECK_STR(tb_money(&s->total.executed, s->unit), "40.00");
            CHECK_INT(s->nindicators, 1);
        } else {
            CHECK(false);
        }
        jx_result_free(in);
    }
    jx_run_free(r);
    unlink(good);
    unlink(bad);
    rmdir(dir);
}

const struct jx_test t_forms[] = {
    {"forms.bundled", t_bundled},
    {"forms.small_form", t_small_form},
    {"forms.col_index", t_col_index},
    {"forms.sichuan", t_sichuan},
    {"forms.sichuan_headings", t_sichuan_headings},
    {"forms.errors", t_errors},
    {"forms.pipeline", t_pipeline},
    {NULL, NULL},
};
