/*
 * t_pkgjson.c - tests of the package model, Package JSON v1 loading
 * (exact diagnostics: code, line, column, path), canonical saving and
 * round trips, limits, and the position index of lib/base/base_json.c.
 */
#include "harness.h"

#include <stdlib.h>

#include "base/base_json.h"
#include "jixiao/pkgjson.h"

/* ---- helpers --------------------------------------------------------- */

/* Read tests/data/<name> into a malloc'd buffer (the caller frees it);
 * NULL (after failing the case) when unreadable. */
static char *read_data(const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/%s", jx_test_srcdir, name);
    char *p;
    if (jx_read_file(path, 1u << 26, &p, len) < 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot read %s", path);
        return NULL;
    }
    return p;
}

/* Load NUL-terminated text as "t.json" into arena a, diagnostics in d. */
static struct jx_package *load(struct jx_arena *a, struct jx_diags *d,
                               const char *text)
{
    return jx_pkgjson_load(a, "t.json", text, strlen(text), d);
}

/* A package text: the required keys on line 1, then inner (which
 * starts on line 2, column 1), then "}" on its own line.  Arena. */
static const char *pkg_text(struct jx_arena *a, const char *inner)
{
    return jx_sprintf(a,
                      "{\"format\": \"jixiao-package\", \"version\": 1, "
                      "\"unit\": {\"name\": \"U\"}, \"year\": 2024%s\n%s\n}",
                      *inner ? "," : "", inner);
}

/* Check diagnostic i of d: code, line, column and path (NULL: none). */
static void expect_diag(int at, const struct jx_diags *d, size_t i,
                        const char *code, int line, int col,
                        const char *path)
{
    if (i >= d->n) {
        jx_test_fail(__FILE__, at, "diagnostic %zu missing (have %zu)", i,
                     d->n);
        return;
    }
    const struct jx_diag *e = &d->a[i];
    bool path_ok = path ? e->loc.path && strcmp(e->loc.path, path) == 0
                        : e->loc.path == NULL;
    if (strcmp(e->code, code) != 0 || e->loc.line != line ||
        e->loc.col != col || !path_ok || e->severity != JX_SEV_ERROR) {
        jx_test_fail(__FILE__, at,
                     "diagnostic %zu: expected %s %d:%d %s, got %s %d:%d %s "
                     "(%s)",
                     i, code, line, col, path ? path : "(none)", e->code,
                     e->loc.line, e->loc.col,
                     e->loc.path ? e->loc.path : "(none)", e->msg);
    }
}
#define EXPECT_DIAG(d, i, code, line, col, path) \
    expect_diag(__LINE__, (d), (i), (code), (line), (col), (path))

/* Fail unless d holds exactly n diagnostics (printing them if not). */
static void expect_count(int at, const struct jx_diags *d, size_t n)
{
    if (d->n == n) {
        return;
    }
    jx_test_fail(__FILE__, at, "expected %zu diagnostics, got %zu", n, d->n);
    for (size_t i = 0; i < d->n; i++) {
        fprintf(stderr, "    %s %d:%d %s %s\n", d->a[i].code,
                d->a[i].loc.line, d->a[i].loc.col,
                d->a[i].loc.path ? d->a[i].loc.path : "-", d->a[i].msg);
    }
}
#define EXPECT_COUNT(d, n) expect_count(__LINE__, (d), (n))

/* A fresh arena and diagnostics list for one case. */
struct fix {
    struct jx_arena *a;
    struct jx_diags d;
};

/* Set up a fixture. */
static void fix_init(struct fix *f)
{
    f->a = jx_arena_new();
    jx_diags_init(&f->d, f->a);
}

/* Tear a fixture down. */
static void fix_done(struct fix *f)
{
    jx_diags_release(&f->d);
    jx_arena_free(f->a);
}

/* Load inner wrapped by pkg_text into the fixture (diagnostics reset). */
static struct jx_package *load_inner(struct fix *f, const char *inner)
{
    jx_diags_release(&f->d);
    jx_diags_init(&f->d, f->a);
    return load(f->a, &f->d, pkg_text(f->a, inner));
}

/* Load inner and expect exactly one diagnostic with this code at line 2
 * (col) and path, whose message contains msgpart (if not NULL). */
static void one_error(int at, const char *inner, const char *code, int col,
                      const char *path, const char *msgpart)
{
    struct fix f;
    fix_init(&f);
    load_inner(&f, inner);
    expect_count(at, &f.d, 1);
    expect_diag(at, &f.d, 0, code, 2, col, path);
    if (msgpart && f.d.n > 0 && !strstr(f.d.a[0].msg, msgpart)) {
        jx_test_fail(__FILE__, at, "message \"%s\" lacks \"%s\"",
                     f.d.a[0].msg, msgpart);
    }
    fix_done(&f);
}
#define ONE_ERROR(inner, code, col, path, msgpart) \
    one_error(__LINE__, (inner), (code), (col), (path), (msgpart))

/* ---- structural equality of packages -------------------------------- */

static const char *first_diff; /* what differed in the last comparison */

#define EQ(cond, what)                                                   \
    do {                                                                 \
        if (!(cond)) {                                                   \
            first_diff = (what);                                         \
            return false;                                                \
        }                                                                \
    } while (0)

/* Equal strings, NULL only equal to NULL. */
static bool eq_str(const char *a, const char *b)
{
    return (!a || !b) ? a == b : strcmp(a, b) == 0;
}

/* Equal provenances (both absent, or every member equal). */
static bool eq_prov(const struct jx_prov *a, const struct jx_prov *b)
{
    if (!a || !b) {
        return a == b;
    }
    return eq_str(a->file, b->file) && a->line == b->line &&
           a->col == b->col && eq_str(a->sheet, b->sheet) &&
           eq_str(a->cell, b->cell) && a->table == b->table &&
           a->row == b->row && a->column == b->column;
}

/* Equal texts. */
static bool eq_text(const struct jx_text *a, const struct jx_text *b)
{
    return eq_str(a->s, b->s) && eq_prov(a->prov, b->prov);
}

/* Equal amounts (values compared only when present). */
static bool eq_amt(const struct jx_amt *a, const struct jx_amt *b)
{
    return a->present == b->present &&
           (!a->present || a->v.fen == b->v.fen) && eq_prov(a->prov, b->prov);
}

/* Equal numbers. */
static bool eq_num(const struct jx_num *a, const struct jx_num *b)
{
    return a->present == b->present &&
           (!a->present || (a->v.num == b->v.num && a->v.den == b->v.den)) &&
           eq_prov(a->prov, b->prov);
}

/* Equal counts. */
static bool eq_count(const struct jx_count *a, const struct jx_count *b)
{
    return a->present == b->present && (!a->present || a->v == b->v) &&
           eq_prov(a->prov, b->prov);
}

/* Equal dates. */
static bool eq_date(const struct jx_date *a, const struct jx_date *b)
{
    return a->present == b->present &&
           (!a->present || (a->y == b->y && a->m == b->m && a->d == b->d)) &&
           eq_prov(a->prov, b->prov);
}

/* Equal cost rows. */
static bool eq_cost(const struct jx_cost *a, const struct jx_cost *b)
{
    return eq_amt(&a->prev_final, &b->prev_final) &&
           eq_amt(&a->budget, &b->budget) && eq_amt(&a->final, &b->final);
}

/* Equal funds rows. */
static bool eq_funds(const struct jx_funds *a, const struct jx_funds *b)
{
    return eq_amt(&a->budget_initial, &b->budget_initial) &&
           eq_amt(&a->budget_full, &b->budget_full) &&
           eq_amt(&a->executed, &b->executed) &&
           eq_num(&a->points, &b->points) && eq_num(&a->rate, &b->rate) &&
           eq_num(&a->score, &b->score);
}

/* Equal base sheets. */
static bool eq_base(const struct jx_base_sheet *a,
                    const struct jx_base_sheet *b)
{
    EQ(a->present == b->present && a->unit == b->unit, "base.present/unit");
    EQ(eq_count(&a->authorized, &b->authorized) &&
           eq_count(&a->actual, &b->actual) &&
           eq_num(&a->control_rate, &b->control_rate),
       "base.staffing");
    const struct jx_cost *ca[] = {
        &a->three_public, &a->vehicle, &a->vehicle_purchase,
        &a->vehicle_operation, &a->overseas, &a->reception, &a->project,
        &a->public_funds, &a->office, &a->utilities_travel,
        &a->meetings_training, &a->procurement, &a->basic_adjustment};
    const struct jx_cost *cb[] = {
        &b->three_public, &b->vehicle, &b->vehicle_purchase,
        &b->vehicle_operation, &b->overseas, &b->reception, &b->project,
        &b->public_funds, &b->office, &b->utilities_travel,
        &b->meetings_training, &b->procurement, &b->basic_adjustment};
    for (size_t i = 0; i < sizeof ca / sizeof ca[0]; i++) {
        EQ(eq_cost(ca[i], cb[i]), "base.costs");
    }
    EQ(a->nproject_lines == b->nproject_lines, "base.nproject_lines");
    for (size_t i = 0; i < a->nproject_lines; i++) {
        const struct jx_project_line *x = &a->project_lines[i];
        const struct jx_project_line *y = &b->project_lines[i];
        EQ(x->cat == y->cat && eq_text(&x->name, &y->name) &&
               eq_cost(&x->cost, &y->cost),
           "base.project_lines");
    }
    EQ(a->nbuildings == b->nbuildings, "base.nbuildings");
    for (size_t i = 0; i < a->nbuildings; i++) {
        const struct jx_building *x = &a->buildings[i];
        const struct jx_building *y = &b->buildings[i];
        EQ(eq_text(&x->name, &y->name) &&
               eq_num(&x->approved_area, &y->approved_area) &&
               eq_num(&x->actual_area, &y->actual_area) &&
               eq_num(&x->area_rate, &y->area_rate) &&
               eq_amt(&x->budget_invest, &y->budget_invest) &&
               eq_amt(&x->actual_invest, &y->actual_invest) &&
               eq_num(&x->invest_rate, &y->invest_rate),
           "base.buildings");
    }
    EQ(eq_text(&a->thrift_measures, &b->thrift_measures), "base.thrift");
    return true;
}

/* Equal task rows (texts, the four amounts, the row's provenance). */
static bool eq_task(const struct jx_task *a, const struct jx_task *b)
{
    return eq_text(&a->name, &b->name) && eq_text(&a->content, &b->content) &&
           eq_text(&a->status, &b->status) &&
           eq_amt(&a->budget_total, &b->budget_total) &&
           eq_amt(&a->budget_fiscal, &b->budget_fiscal) &&
           eq_amt(&a->executed_total, &b->executed_total) &&
           eq_amt(&a->executed_fiscal, &b->executed_fiscal) &&
           eq_prov(a->prov, b->prov);
}

/* Equal sheets. */
static bool eq_sheet(const struct jx_sheet *a, const struct jx_sheet *b)
{
    EQ(a->kind == b->kind && a->unit == b->unit, "sheet.kind/unit");
    EQ(eq_text(&a->name, &b->name) && eq_text(&a->supervisor, &b->supervisor) &&
           eq_text(&a->implementer, &b->implementer),
       "sheet.header");
    EQ(eq_funds(&a->total, &b->total), "sheet.total");
    for (int k = 0; k < JX_FUND_COUNT; k++) {
        EQ(eq_funds(&a->funds[k], &b->funds[k]), "sheet.funds");
    }
    EQ(a->ngoals == b->ngoals, "sheet.ngoals");
    for (size_t i = 0; i < a->ngoals; i++) {
        EQ(eq_text(&a->goals[i].expected, &b->goals[i].expected) &&
               eq_text(&a->goals[i].actual, &b->goals[i].actual),
           "sheet.goals");
    }
    EQ(a->nindicators == b->nindicators, "sheet.nindicators");
    for (size_t i = 0; i < a->nindicators; i++) {
        const struct jx_indicator *x = &a->indicators[i];
        const struct jx_indicator *y = &b->indicators[i];
        EQ(eq_text(&x->level1, &y->level1) && eq_text(&x->level2, &y->level2) &&
               eq_text(&x->name, &y->name) &&
               eq_text(&x->target, &y->target) &&
               eq_text(&x->actual, &y->actual) &&
               eq_num(&x->points, &y->points) &&
               eq_num(&x->score, &y->score) &&
               x->achievement == y->achievement &&
               eq_text(&x->deviation, &y->deviation) &&
               eq_prov(x->prov, y->prov),
           "sheet.indicators");
    }
    EQ(eq_num(&a->stated_total, &b->stated_total), "sheet.stated_total");
    EQ(a->exec_points == b->exec_points &&
           a->rows_unread == b->rows_unread &&
           memcmp(&a->cols_absent, &b->cols_absent,
                  sizeof a->cols_absent) == 0,
       "sheet.form");
    EQ(a->ntasks == b->ntasks, "sheet.ntasks");
    for (size_t i = 0; i < a->ntasks; i++) {
        EQ(eq_task(&a->tasks[i], &b->tasks[i]), "sheet.tasks");
    }
    EQ(eq_task(&a->task_total, &b->task_total), "sheet.task_total");
    return true;
}

/* Equal printed scoring tables. */
static bool eq_rubric(const struct jx_rubric *a, const struct jx_rubric *b)
{
    EQ(a->present == b->present, "rubric.present");
    EQ(eq_text(&a->title, &b->title) &&
           eq_num(&a->stated_total, &b->stated_total) &&
           eq_text(&a->stated_grade, &b->stated_grade) &&
           eq_text(&a->scorer, &b->scorer),
       "rubric.header");
    EQ(a->nrows == b->nrows, "rubric.nrows");
    for (size_t i = 0; i < a->nrows; i++) {
        const struct jx_rubric_row *x = &a->rows[i];
        const struct jx_rubric_row *y = &b->rows[i];
        EQ(eq_text(&x->level1, &y->level1) && eq_text(&x->level2, &y->level2) &&
               eq_text(&x->name, &y->name) &&
               eq_num(&x->points, &y->points) &&
               eq_text(&x->description, &y->description) &&
               eq_text(&x->standard, &y->standard) &&
               eq_num(&x->score, &y->score) &&
               eq_text(&x->reason, &y->reason) && eq_prov(x->prov, y->prov),
           "rubric.rows");
    }
    return true;
}

/* Equal packages (everything but the source file name). */
static bool eq_package(const struct jx_package *a, const struct jx_package *b)
{
    first_diff = NULL;
    EQ(eq_text(&a->unit.name, &b->unit.name) &&
           eq_text(&a->unit.code, &b->unit.code) &&
           eq_text(&a->unit.region, &b->unit.region) &&
           eq_text(&a->unit.supervisor, &b->unit.supervisor),
       "unit");
    EQ(eq_count(&a->year, &b->year), "year");
    EQ(eq_text(&a->contacts.preparer, &b->contacts.preparer) &&
           eq_text(&a->contacts.phone, &b->contacts.phone) &&
           eq_text(&a->contacts.head, &b->contacts.head) &&
           eq_date(&a->contacts.date, &b->contacts.date),
       "contacts");
    if (!eq_base(&a->base, &b->base)) {
        return false;
    }
    EQ(a->has_unit_sheet == b->has_unit_sheet, "has_unit_sheet");
    if (!eq_sheet(&a->unit_sheet, &b->unit_sheet)) {
        return false;
    }
    EQ(a->nproject_sheets == b->nproject_sheets, "nproject_sheets");
    for (size_t i = 0; i < a->nproject_sheets; i++) {
        if (!eq_sheet(&a->project_sheets[i], &b->project_sheets[i])) {
            return false;
        }
    }
    EQ(a->report.present == b->report.present &&
           eq_text(&a->report.title, &b->report.title),
       "report");
    EQ(a->report.nsections == b->report.nsections, "report.nsections");
    for (size_t i = 0; i < a->report.nsections; i++) {
        const struct jx_section *x = &a->report.sections[i];
        const struct jx_section *y = &b->report.sections[i];
        EQ(x->no == y->no && eq_text(&x->title, &y->title) &&
               eq_text(&x->text, &y->text),
           "report.sections");
    }
    EQ(a->report.nattachments == b->report.nattachments,
       "report.nattachments");
    for (size_t i = 0; i < a->report.nattachments; i++) {
        EQ(eq_text(&a->report.attachments[i], &b->report.attachments[i]),
           "report.attachments");
    }
    EQ(a->submission.materials_present == b->submission.materials_present,
       "submission.materials_present");
    for (int m = 0; m < JX_MAT_COUNT; m++) {
        EQ(a->submission.materials[m] == b->submission.materials[m],
           "submission.materials");
    }
    EQ(eq_date(&a->submission.submitted, &b->submission.submitted) &&
           eq_date(&a->submission.published, &b->submission.published),
       "submission.dates");
    EQ(a->has_goal_sheet == b->has_goal_sheet, "has_goal_sheet");
    if (!eq_sheet(&a->goal_sheet, &b->goal_sheet)) {
        return false;
    }
    return eq_rubric(&a->dept_scoring, &b->dept_scoring) &&
           eq_rubric(&a->assessment, &b->assessment);
}

/* Save p, load the text back, and check: no diagnostics, the reloaded
 * package equals p, and saving it again gives the same bytes.  Returns
 * the first save (malloc'd; the caller frees it). */
static char *round_trip(int at, const struct jx_package *p)
{
    struct jx_buf s1, s2;
    jx_buf_init(&s1, 1u << 26);
    jx_buf_init(&s2, 1u << 26);
    if (jx_pkgjson_save(p, &s1) != 0) {
        jx_test_fail(__FILE__, at, "first save failed");
    }
    struct fix f;
    fix_init(&f);
    struct jx_package *q = jx_pkgjson_load(f.a, "save1.json", s1.p, s1.len,
                                           &f.d);
    expect_count(at, &f.d, 0);
    if (!q) {
        jx_test_fail(__FILE__, at, "reload failed");
    } else {
        if (!eq_package(p, q)) {
            jx_test_fail(__FILE__, at, "load(save(p)) != p at %s",
                         first_diff);
        }
        if (jx_pkgjson_save(q, &s2) != 0 || s1.len != s2.len ||
            memcmp(s1.p, s2.p, s1.len) != 0) {
            jx_test_fail(__FILE__, at, "save(load(save(p))) != save(p)");
        }
    }
    fix_done(&f);
    jx_buf_release(&s2);
    size_t len;
    return jx_buf_detach(&s1, &len);
}

/* ---- model ----------------------------------------------------------- */

/* Level-1 labels are classified by prefix, whatever follows. */
static void model_block_of(void)
{
    CHECK_INT(jx_block_of("产出指标"), JX_BLOCK_OUTPUT);
    CHECK_INT(jx_block_of("产出指标(50分)"), JX_BLOCK_OUTPUT);
    CHECK_INT(jx_block_of("产出指标（50分）"), JX_BLOCK_OUTPUT);
    CHECK_INT(jx_block_of("\xE3\x80\x80 产出"), JX_BLOCK_OUTPUT);
    CHECK_INT(jx_block_of("效益指标（30分）"), JX_BLOCK_BENEFIT);
    CHECK_INT(jx_block_of("满意度指标(10分)"), JX_BLOCK_SATISFACTION);
    CHECK_INT(jx_block_of("服务对象满意度指标"), JX_BLOCK_SATISFACTION);
    CHECK_INT(jx_block_of("预算执行率"), JX_BLOCK_OTHER);
    CHECK_INT(jx_block_of("指标产出"), JX_BLOCK_OTHER);
    CHECK_INT(jx_block_of(""), JX_BLOCK_OTHER);
    CHECK_INT(jx_block_of(NULL), JX_BLOCK_OTHER);
    CHECK_STR(jx_block_zh(JX_BLOCK_OUTPUT), "产出指标");
    CHECK_STR(jx_block_zh(JX_BLOCK_BENEFIT), "效益指标");
    CHECK_STR(jx_block_zh(JX_BLOCK_SATISFACTION), "满意度指标");
    CHECK_STR(jx_block_zh(JX_BLOCK_OTHER), "其他指标");
}

/* Names of fund keys and materials; defaults of a new package. */
static void model_names(void)
{
    CHECK_STR(jx_fund_key_name(JX_FUND_GENERAL_BUDGET), "general_budget");
    CHECK_STR(jx_fund_key_name(JX_FUND_CURRENT_APPROP),
              "current_appropriation");
    CHECK_STR(jx_fund_key_name(JX_FUND_PROJECT), "project");
    CHECK(jx_fund_key_name(JX_FUND_COUNT) == NULL);
    CHECK_STR(jx_fund_key_zh(JX_FUND_SPECIAL_ACCOUNT),
              "纳入专户管理的非税收入拨款");
    CHECK_STR(jx_fund_key_zh(JX_FUND_CARRYOVER), "上年结转资金");
    CHECK_STR(jx_material_name(JX_MAT_REPORT), "report");
    CHECK_STR(jx_material_name(JX_MAT_PROJECT_SHEETS), "project_sheets");
    CHECK(jx_material_name(JX_MAT_COUNT) == NULL);
    struct jx_arena *a = jx_arena_new();
    struct jx_package *p = jx_package_new(a);
    CHECK_INT(p->base.unit, JX_WANYUAN);
    CHECK_INT(p->unit_sheet.unit, JX_WANYUAN);
    CHECK_INT(p->unit_sheet.kind, JX_SHEET_UNIT);
    CHECK(!p->year.present && !p->base.present && !p->has_unit_sheet);
    CHECK_INT(p->goal_sheet.kind, JX_SHEET_GOALS);
    CHECK_INT(p->goal_sheet.unit, JX_WANYUAN);
    CHECK(!p->has_goal_sheet && p->goal_sheet.ntasks == 0 &&
          p->goal_sheet.tasks == NULL);
    CHECK(!p->goal_sheet.task_total.budget_total.present);
    CHECK(!p->dept_scoring.present && p->dept_scoring.nrows == 0);
    CHECK(!p->assessment.present && p->assessment.rows == NULL);
    CHECK(p->unit.name.s == NULL && p->nproject_sheets == 0);
    jx_arena_free(a);
}

/* ---- loading valid packages ----------------------------------------- */

/* The seed 003 fixture loads without a diagnostic, with exact values. */
static void seed003_load(void)
{
    size_t len;
    char *text = read_data("seed003_meixi_2024.json", &len);
    if (!text) {
        return;
    }
    struct fix f;
    fix_init(&f);
    struct jx_package *p = jx_pkgjson_load(f.a, "seed.json", text, len,
                                           &f.d);
    EXPECT_COUNT(&f.d, 0);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->source, "seed.json");
        CHECK_STR(p->unit.name.s, "岳阳市岳阳楼区梅溪街道办事处");
        CHECK(p->unit.code.s == NULL);
        CHECK(p->year.present);
        CHECK_INT(p->year.v, 2024);
        CHECK(p->contacts.date.present);
        CHECK_INT(p->contacts.date.y * 10000 + p->contacts.date.m * 100 +
                      p->contacts.date.d,
                  20250711);
        CHECK(p->base.present);
        CHECK_INT(p->base.unit, JX_WANYUAN);
        CHECK_INT(p->base.authorized.v, 106);
        CHECK_INT(p->base.control_rate.v.num, 1);
        CHECK_INT(p->base.control_rate.v.den, 1);
        CHECK_INT(p->base.project.budget.v.fen, 639000000);
        CHECK_INT(p->base.nproject_lines, 1);
        CHECK_INT(p->base.project_lines[0].cat, JX_PCAT_BUSINESS);
        CHECK(!p->base.meetings_training.final.present);
        CHECK(!p->base.three_public.budget.present);
        CHECK(p->has_unit_sheet);
        CHECK_INT(p->unit_sheet.kind, JX_SHEET_UNIT);
        CHECK_INT(p->unit_sheet.total.executed.v.fen, 1902680000);
        CHECK_INT(p->unit_sheet.total.rate.v.num, 973);
        CHECK_INT(p->unit_sheet.total.rate.v.den, 2000);
        CHECK_INT(p->unit_sheet.total.score.v.num, 487);
        CHECK_INT(p->unit_sheet.total.score.v.den, 100);
        CHECK_INT(p->unit_sheet.funds[JX_FUND_GENERAL_BUDGET].executed.v.fen,
                  1371870000);
        CHECK(!p->unit_sheet.funds[JX_FUND_GOV_FUND].executed.present);
        CHECK_INT(p->unit_sheet.nindicators, 16);
        CHECK_STR(p->unit_sheet.indicators[15].name.s, "辖区老百姓满意度");
        CHECK_INT(p->unit_sheet.indicators[15].points.v.num, 10);
        CHECK_INT(p->unit_sheet.stated_total.v.num, 9487);
        CHECK_INT(p->unit_sheet.stated_total.v.den, 100);
        CHECK_INT(p->nproject_sheets, 0);
        CHECK(!p->report.present);
        CHECK(!p->submission.materials_present);
        free(round_trip(__LINE__, p));
    }
    fix_done(&f);
    free(text);
}

/* full_package.json (every field, provenance included) is canonical:
 * loading and saving it gives back the same bytes; values are exact. */
static void full_package(void)
{
    size_t len;
    char *text = read_data("full_package.json", &len);
    if (!text) {
        return;
    }
    struct fix f;
    fix_init(&f);
    struct jx_package *p = jx_pkgjson_load(f.a, "full.json", text, len,
                                           &f.d);
    EXPECT_COUNT(&f.d, 0);
    CHECK(p != NULL);
    if (!p) {
        fix_done(&f);
        free(text);
        return;
    }
    CHECK_STR(p->unit.name.s, "示例市示例区示例街道办事处");
    CHECK(p->unit.name.prov != NULL);
    if (p->unit.name.prov) {
        CHECK_STR(p->unit.name.prov->file, "整体支出绩效自评表.xlsx");
        CHECK_STR(p->unit.name.prov->sheet, "自评表");
        CHECK_STR(p->unit.name.prov->cell, "B3");
        CHECK_INT(p->unit.name.prov->line, 0);
    }
    CHECK(p->year.prov && p->year.prov->line == 3 && p->year.prov->col == 7);
    CHECK_STR(p->unit.supervisor.s, "示例区人民政府");
    CHECK_INT(p->base.actual.v, 38);
    CHECK_INT(p->base.three_public.final.v.fen, 9876543);
    CHECK_INT(p->base.basic_adjustment.budget.v.fen, -5500000);
    CHECK_INT(p->base.nproject_lines, 4);
    CHECK_INT(p->base.project_lines[3].cat, JX_PCAT_TRANSFER);
    CHECK(p->base.project_lines[3].name.s == NULL);
    CHECK(p->base.project_lines[1].cost.budget.prov &&
          p->base.project_lines[1].cost.budget.prov->row == 12);
    CHECK_INT(p->base.nbuildings, 2);
    CHECK_INT(p->base.buildings[0].area_rate.v.num, 787);
    CHECK_INT(p->base.buildings[0].area_rate.v.den, 800);
    CHECK_INT(p->base.buildings[0].actual_invest.v.fen, 480123456);
    CHECK(!p->base.buildings[1].area_rate.present);
    CHECK(p->base.buildings[1].area_rate.prov &&
          p->base.buildings[1].area_rate.prov->column == 4);
    CHECK_INT(p->unit_sheet.nindicators, 4);
    CHECK_INT(p->unit_sheet.indicators[2].achievement, JX_ACH_MET);
    CHECK_STR(p->unit_sheet.indicators[1].deviation.s,
              "个别项目返工。\n已整改。\t\"复验\"通过");
    CHECK(p->unit_sheet.indicators[0].prov &&
          p->unit_sheet.indicators[0].prov->row == 15);
    CHECK_INT(p->nproject_sheets, 2);
    CHECK_INT(p->project_sheets[0].kind, JX_SHEET_PROJECT);
    CHECK_INT(p->project_sheets[0].unit, JX_YUAN);
    CHECK_INT(p->project_sheets[0].total.budget_full.v.fen, 120000050);
    CHECK_INT(p->project_sheets[0].funds[JX_FUND_CARRYOVER].budget_full.v.fen,
              20000050);
    CHECK_INT(p->project_sheets[0].indicators[1].achievement,
              JX_ACH_NOT_MET);
    CHECK_INT(p->project_sheets[0].stated_total.v.num, 4959);
    CHECK_INT(p->project_sheets[0].stated_total.v.den, 200);
    CHECK_INT(p->project_sheets[1].unit, JX_WANYUAN);
    CHECK_INT(p->project_sheets[1].kind, JX_SHEET_PROJECT);
    CHECK(p->report.present);
    CHECK_INT(p->report.nsections, 3);
    CHECK_INT(p->report.sections[2].no, 10);
    CHECK(p->report.sections[2].text.s == NULL);
    CHECK_INT(p->report.nattachments, 3);
    CHECK(p->report.attachments[1].prov &&
          p->report.attachments[1].prov->line == 120);
    CHECK(p->report.attachments[2].s == NULL &&
          p->report.attachments[2].prov == NULL);
    CHECK(p->submission.materials_present);
    CHECK(p->submission.materials[JX_MAT_REPORT] &&
          p->submission.materials[JX_MAT_PROJECT_SHEETS]);
    CHECK_INT(p->submission.published.d, 20);
    /* 部门整体支出绩效目标完成情况自评表, amounts in 元 */
    CHECK(p->has_goal_sheet);
    CHECK_INT(p->goal_sheet.kind, JX_SHEET_GOALS);
    CHECK_INT(p->goal_sheet.unit, JX_YUAN);
    CHECK_INT(p->goal_sheet.total.executed.v.fen, 594028283);
    CHECK_INT(p->goal_sheet.ntasks, 3);
    if (p->goal_sheet.ntasks == 3) {
        const struct jx_task *t = p->goal_sheet.tasks;
        CHECK_STR(t[0].name.s, "网格化服务保障");
        CHECK_STR(t[0].content.s, "建立特殊人群信息台账");
        CHECK_STR(t[0].status.s, "按计划完成");
        CHECK_INT(t[0].budget_total.v.fen, 75000000);
        CHECK_INT(t[0].budget_fiscal.v.fen, 75000000);
        CHECK_INT(t[0].executed_total.v.fen, 74966400);
        CHECK_INT(t[0].executed_fiscal.v.fen, 74966400);
        CHECK(t[0].prov && t[0].prov->line == 236 && t[0].prov->col == 1);
        CHECK(t[1].content.s == NULL && t[1].prov == NULL);
        CHECK(t[1].status.prov && t[1].status.prov->table == 3 &&
              t[1].status.prov->row == 5 && t[1].status.prov->column == 4);
        CHECK(t[1].executed_total.prov &&
              strcmp(t[1].executed_total.prov->cell, "F5") == 0);
        CHECK_INT(t[1].executed_total.v.fen, 9935200);
        CHECK(!t[1].executed_fiscal.present && t[1].executed_fiscal.prov &&
              strcmp(t[1].executed_fiscal.prov->cell, "G5") == 0);
        CHECK_INT(t[2].executed_fiscal.v.fen, 509126683);
    }
    const struct jx_task *tt = &p->goal_sheet.task_total;
    CHECK_INT(tt->budget_total.v.fen, 595060000);
    CHECK_INT(tt->budget_fiscal.v.fen, 595060000);
    CHECK_INT(tt->executed_total.v.fen, 594028283);
    CHECK_INT(tt->executed_fiscal.v.fen, 594028283);
    CHECK(tt->name.s == NULL && tt->prov && tt->prov->line == 246);
    CHECK_INT(p->goal_sheet.ngoals, 1);
    CHECK_INT(p->goal_sheet.nindicators, 2);
    CHECK(!p->goal_sheet.indicators[0].points.present);
    CHECK(p->goal_sheet.indicators[1].prov &&
          p->goal_sheet.indicators[1].prov->line == 270);
    /* 部门整体支出绩效评分表 */
    CHECK(p->dept_scoring.present);
    CHECK_STR(p->dept_scoring.title.s, "部门整体支出绩效评分表");
    CHECK_INT(p->dept_scoring.nrows, 3);
    if (p->dept_scoring.nrows == 3) {
        const struct jx_rubric_row *r = p->dept_scoring.rows;
        CHECK_STR(r[0].name.s, "预算编制合理性");
        CHECK_STR(r[0].description.s, "预算是否符合部门职责");
        CHECK_STR(r[0].standard.s, "符合职责和政策要求的得满分");
        CHECK_INT(r[0].points.v.num, 5);
        CHECK_INT(r[0].score.v.num, 5);
        CHECK(r[0].prov && r[0].prov->table == 5 && r[0].prov->row == 3);
        CHECK(r[1].name.s == NULL);
        CHECK_INT(r[1].score.v.num, 3);
        CHECK_INT(r[1].score.v.den, 2);
        CHECK(r[1].score.prov && r[1].score.prov->column == 7);
        CHECK_STR(r[1].reason.s, "采购政策落实不到位");
        CHECK(r[2].points.present && !r[2].score.present);
    }
    CHECK_INT(p->dept_scoring.stated_total.v.num, 927);
    CHECK_INT(p->dept_scoring.stated_total.v.den, 10);
    CHECK_STR(p->dept_scoring.stated_grade.s, "优");
    CHECK_STR(p->dept_scoring.scorer.s, "王五");
    CHECK(p->dept_scoring.scorer.prov &&
          p->dept_scoring.scorer.prov->row == 31);
    /* 考核评分表 */
    CHECK(p->assessment.present);
    CHECK_INT(p->assessment.nrows, 2);
    if (p->assessment.nrows == 2) {
        CHECK_STR(p->assessment.rows[1].level2.s, "绩效自评材料完整");
        CHECK_INT(p->assessment.rows[1].score.v.num, 5);
        CHECK(p->assessment.rows[1].prov &&
              p->assessment.rows[1].prov->line == 125);
    }
    CHECK_INT(p->assessment.stated_total.v.num, 95);
    CHECK(p->assessment.stated_grade.s == NULL);
    char *saved = round_trip(__LINE__, p);
    if (strlen(saved) != len || memcmp(saved, text, len) != 0) {
        jx_test_fail(__FILE__, __LINE__,
                     "save(load(full_package.json)) differs from the file");
    }
    free(saved);
    fix_done(&f);
    free(text);
}

/* Alternative spellings load to the canonical values: JSON integers for
 * points, integer strings for counts, thousands separators, unit
 * suffixes, blank strings as absent, null as absent. */
static void lenient_forms(void)
{
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(
        &f, "\"base_sheet\": {\"unit\": \"元\", \"staffing\": "
            "{\"authorized\": \"1,060\", \"actual\": null, "
            "\"control_rate\": \"\"},\n"
            "\"costs\": {\"project\": {\"budget\": \"1,902.68\", "
            "\"final\": \"3万元\", \"prev_final\": \"  \"}}},\n"
            "\"unit_sheet\": {\"funds\": {\"total\": {\"points\": 10, "
            "\"score\": \"4.870\"}}}, \"contacts\": {\"date\": \"\"}");
    EXPECT_COUNT(&f.d, 0);
    CHECK(p != NULL);
    if (p) {
        CHECK_INT(p->base.authorized.v, 1060);
        CHECK(!p->base.actual.present);
        CHECK(!p->base.control_rate.present);
        CHECK_INT(p->base.project.budget.v.fen, 190268);
        CHECK_INT(p->base.project.final.v.fen, 3000000);
        CHECK(!p->base.project.prev_final.present);
        CHECK_INT(p->unit_sheet.total.points.v.num, 10);
        CHECK_INT(p->unit_sheet.total.score.v.num, 487);
        CHECK(!p->contacts.date.present);
        char *s = round_trip(__LINE__, p);
        CHECK(strstr(s, "\"budget\": \"1902.68\"") != NULL);
        CHECK(strstr(s, "\"final\": \"30000.00\"") != NULL);
        CHECK(strstr(s, "\"authorized\": 1060") != NULL);
        CHECK(strstr(s, "\"score\": \"4.87\"") != NULL);
        CHECK(strstr(s, "\"points\": \"10\"") != NULL);
        free(s);
    }
    fix_done(&f);
}

/* A minimal package: only the required keys. */
static void minimal_package(void)
{
    size_t len;
    char *text = read_data("minimal_package.json", &len);
    if (!text) {
        return;
    }
    struct fix f;
    fix_init(&f);
    struct jx_package *p = jx_pkgjson_load(f.a, "m.json", text, len, &f.d);
    EXPECT_COUNT(&f.d, 0);
    CHECK(p != NULL);
    if (p) {
        CHECK_STR(p->unit.name.s, "示例单位");
        CHECK_INT(p->year.v, 2024);
        CHECK(!p->base.present && !p->has_unit_sheet && !p->report.present);
        char *s = round_trip(__LINE__, p);
        CHECK(strlen(s) == len && memcmp(s, text, len) == 0);
        free(s);
    }
    fix_done(&f);
    free(text);
}

/* A sheet's exec_points and columns_absent: loaded, saved after
 * stated_total (only when not the default), and checked: 1..100 and a
 * boolean. */
static void form_weight_keys(void)
{
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(
        &f, "\"unit_sheet\": {\"stated_total\": \"100\", \"exec_points\": 20, "
            "\"columns_absent\": {\"points\": true}}");
    EXPECT_COUNT(&f.d, 0);
    CHECK(p && p->has_unit_sheet);
    if (p && p->has_unit_sheet) {
        CHECK_INT(p->unit_sheet.exec_points, 20);
        CHECK(p->unit_sheet.cols_absent.points);
        char *s = round_trip(__LINE__, p);
        CHECK(strstr(s, "\"stated_total\": \"100\",\n    \"exec_points\": 20,"
                        "\n    \"columns_absent\": {\n      \"points\": true\n"
                        "    }\n") != NULL);
        free(s);
        p->unit_sheet.exec_points = 0;
        p->unit_sheet.cols_absent.points = false;
        s = round_trip(__LINE__, p);
        CHECK(!strstr(s, "exec_points") && !strstr(s, "columns_absent"));
        free(s);
    }
    fix_done(&f);
    ONE_ERROR("\"unit_sheet\": {\"exec_points\": 0}", "J113", 31,
              "/unit_sheet/exec_points", "1 到 100");
    ONE_ERROR("\"unit_sheet\": {\"exec_points\": \"20\"}", "J103", 31,
              "/unit_sheet/exec_points", "整数");
    ONE_ERROR("\"unit_sheet\": {\"columns_absent\": {\"points\": 1}}", "J103",
              45, "/unit_sheet/columns_absent/points", "布尔值");
}

/* ---- saving ---------------------------------------------------------- */

/* A package built in code saves in the documented canonical form. */
static void save_canonical(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_package *p = jx_package_new(a);
    p->unit.name.s = "单位\"甲\"";
    p->year.present = true;
    p->year.v = 2025;
    struct jx_prov *pv = jx_alloc(a, sizeof *pv);
    pv->file = "a.docx";
    pv->table = 2;
    pv->row = 3;
    pv->column = 4;
    p->has_unit_sheet = true;
    p->unit_sheet.unit = JX_YUAN;
    p->unit_sheet.total.executed.present = true;
    p->unit_sheet.total.executed.v.fen = 123456;
    p->unit_sheet.total.executed.prov = pv;
    p->unit_sheet.total.rate.present = true;
    jx_rat_make(4865, 10000, &p->unit_sheet.total.rate.v);
    p->unit_sheet.stated_total.prov = pv;
    p->submission.materials_present = true;
    p->submission.materials[JX_MAT_UNIT_SHEET] = true;
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    CHECK_INT(jx_pkgjson_save(p, &b), 0);
    CHECK_STR(b.p,
              "{\n"
              "  \"format\": \"jixiao-package\",\n"
              "  \"version\": 1,\n"
              "  \"unit\": {\n"
              "    \"name\": \"单位\\\"甲\\\"\"\n"
              "  },\n"
              "  \"year\": 2025,\n"
              "  \"unit_sheet\": {\n"
              "    \"unit\": \"元\",\n"
              "    \"funds\": {\n"
              "      \"total\": {\n"
              "        \"executed\": {\n"
              "          \"value\": \"1234.56\",\n"
              "          \"source\": {\n"
              "            \"file\": \"a.docx\",\n"
              "            \"table\": 2,\n"
              "            \"row\": 3,\n"
              "            \"column\": 4\n"
              "          }\n"
              "        },\n"
              "        \"rate\": \"48.65%\"\n"
              "      }\n"
              "    },\n"
              "    \"stated_total\": {\n"
              "      \"value\": null,\n"
              "      \"source\": {\n"
              "        \"file\": \"a.docx\",\n"
              "        \"table\": 2,\n"
              "        \"row\": 3,\n"
              "        \"column\": 4\n"
              "      }\n"
              "    }\n"
              "  },\n"
              "  \"submission\": {\n"
              "    \"materials\": [\n"
              "      \"unit_sheet\"\n"
              "    ]\n"
              "  }\n"
              "}\n");
    free(round_trip(__LINE__, p));
    /* a value with no finite decimal expansion is rounded to 12 places */
    p->unit_sheet.total.rate.v.num = 1;
    p->unit_sheet.total.rate.v.den = 3;
    jx_buf_reset(&b);
    CHECK_INT(jx_pkgjson_save(p, &b), 0);
    CHECK(strstr(b.p, "\"rate\": \"33.333333333333%\"") != NULL);
    /* a capped buffer makes save fail */
    struct jx_buf small;
    jx_buf_init(&small, 64);
    CHECK_INT(jx_pkgjson_save(p, &small), -1);
    CHECK(small.toobig);
    jx_buf_release(&small);
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* The goal sheet and the scoring tables, built in code, save after
 * "submission" in the documented order and form, and round-trip. */
static void goal_parts_saved(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_package *p = jx_package_new(a);
    p->unit.name.s = "U";
    p->year.present = true;
    p->year.v = 2024;
    p->submission.submitted.present = true;
    p->submission.submitted.y = 2025;
    p->submission.submitted.m = 7;
    p->submission.submitted.d = 15;
    struct jx_prov *tp = jx_alloc(a, sizeof *tp);
    tp->line = 3;
    tp->col = 2;
    struct jx_prov *sp = jx_alloc(a, sizeof *sp);
    sp->sheet = "评分表";
    sp->cell = "E7";
    p->has_goal_sheet = true;
    p->goal_sheet.unit = JX_YUAN;
    p->goal_sheet.ntasks = 1;
    p->goal_sheet.tasks = jx_alloc(a, sizeof *p->goal_sheet.tasks);
    struct jx_task *t = &p->goal_sheet.tasks[0];
    t->name.s = "任务甲";
    t->budget_total.present = true;
    t->budget_total.v.fen = 123456;
    t->executed_fiscal.present = true;
    t->executed_fiscal.v.fen = 0;
    t->prov = tp;
    p->goal_sheet.task_total.budget_total.present = true;
    p->goal_sheet.task_total.budget_total.v.fen = 123456;
    p->dept_scoring.present = true;
    p->dept_scoring.title.s = "评分表";
    p->dept_scoring.nrows = 1;
    p->dept_scoring.rows = jx_alloc(a, sizeof *p->dept_scoring.rows);
    struct jx_rubric_row *r = &p->dept_scoring.rows[0];
    r->level1.s = "部门决策";
    r->points.present = true;
    jx_rat_make(5, 1, &r->points.v);
    r->score.present = true;
    jx_rat_make(9, 2, &r->score.v);
    r->score.prov = sp;
    r->reason.s = "扣分";
    p->dept_scoring.stated_total.present = true;
    jx_rat_make(927, 10, &p->dept_scoring.stated_total.v);
    p->dept_scoring.stated_grade.s = "优";
    p->assessment.present = true;
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    CHECK_INT(jx_pkgjson_save(p, &b), 0);
    CHECK_STR(b.p,
              "{\n"
              "  \"format\": \"jixiao-package\",\n"
              "  \"version\": 1,\n"
              "  \"unit\": {\n"
              "    \"name\": \"U\"\n"
              "  },\n"
              "  \"year\": 2024,\n"
              "  \"submission\": {\n"
              "    \"submitted\": \"2025-07-15\"\n"
              "  },\n"
              "  \"goal_sheet\": {\n"
              "    \"unit\": \"元\",\n"
              "    \"tasks\": [\n"
              "      {\n"
              "        \"name\": \"任务甲\",\n"
              "        \"budget_total\": \"1234.56\",\n"
              "        \"executed_fiscal\": \"0.00\",\n"
              "        \"source\": {\n"
              "          \"line\": 3,\n"
              "          \"col\": 2\n"
              "        }\n"
              "      }\n"
              "    ],\n"
              "    \"task_total\": {\n"
              "      \"budget_total\": \"1234.56\"\n"
              "    }\n"
              "  },\n"
              "  \"dept_scoring\": {\n"
              "    \"title\": \"评分表\",\n"
              "    \"rows\": [\n"
              "      {\n"
              "        \"level1\": \"部门决策\",\n"
              "        \"points\": \"5\",\n"
              "        \"score\": {\n"
              "          \"value\": \"4.5\",\n"
              "          \"source\": {\n"
              "            \"sheet\": \"评分表\",\n"
              "            \"cell\": \"E7\"\n"
              "          }\n"
              "        },\n"
              "        \"reason\": \"扣分\"\n"
              "      }\n"
              "    ],\n"
              "    \"stated_total\": \"92.7\",\n"
              "    \"stated_grade\": \"优\"\n"
              "  },\n"
              "  \"assessment\": {}\n"
              "}\n");
    free(round_trip(__LINE__, p));
    /* in a 万元 goal sheet the same amounts are written in 万元 */
    p->goal_sheet.unit = JX_WANYUAN;
    jx_buf_reset(&b);
    CHECK_INT(jx_pkgjson_save(p, &b), 0);
    CHECK(strstr(b.p, "\"budget_total\": \"0.123456\"") != NULL);
    CHECK(strstr(b.p, "\"executed_fiscal\": \"0.00\"") != NULL);
    free(round_trip(__LINE__, p));
    /* parts not handed in are not written, whatever they hold */
    p->has_goal_sheet = false;
    p->dept_scoring.present = false;
    p->assessment.present = false;
    jx_buf_reset(&b);
    CHECK_INT(jx_pkgjson_save(p, &b), 0);
    CHECK(strstr(b.p, "goal_sheet") == NULL);
    CHECK(strstr(b.p, "dept_scoring") == NULL);
    CHECK(strstr(b.p, "assessment") == NULL);
    CHECK(strstr(b.p, "任务甲") == NULL);
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* Loading the new parts: presence flags, the goal sheet's kind and
 * default unit (万元), a unit that holds for its sheet only, JSON
 * integers for points, null as not handed in. */
static void goal_parts_loaded(void)
{
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(
        &f, "\"goal_sheet\": {\"tasks\": [{\"budget_total\": \"1.23\"}, {}],"
            " \"task_total\": {\"budget_fiscal\": \"1,000\"}},\n"
            "\"dept_scoring\": {}, \"assessment\": {\"rows\": [{\"points\": "
            "10, \"score\": \"\"}]},\n"
            "\"unit_sheet\": {\"unit\": \"元\", \"funds\": {\"total\": "
            "{\"executed\": \"1.23\"}}}");
    EXPECT_COUNT(&f.d, 0);
    CHECK(p != NULL);
    if (p) {
        CHECK(p->has_goal_sheet);
        CHECK_INT(p->goal_sheet.kind, JX_SHEET_GOALS);
        CHECK_INT(p->goal_sheet.unit, JX_WANYUAN);
        CHECK_INT(p->goal_sheet.ntasks, 2);
        CHECK_INT(p->goal_sheet.tasks[0].budget_total.v.fen, 1230000);
        CHECK(!p->goal_sheet.tasks[1].budget_total.present &&
              p->goal_sheet.tasks[1].name.s == NULL);
        CHECK_INT(p->goal_sheet.task_total.budget_fiscal.v.fen, 1000000000);
        CHECK_INT(p->unit_sheet.kind, JX_SHEET_UNIT);
        CHECK_INT(p->unit_sheet.total.executed.v.fen, 123);
        CHECK(p->dept_scoring.present && p->dept_scoring.nrows == 0);
        CHECK(p->assessment.present && p->assessment.nrows == 1);
        CHECK_INT(p->assessment.rows[0].points.v.num, 10);
        CHECK(!p->assessment.rows[0].score.present);
        char *s = round_trip(__LINE__, p);
        CHECK(strstr(s, "  \"goal_sheet\": {\n    \"unit\": \"万元\",\n") !=
              NULL);
        CHECK(strstr(s, "\"budget_fiscal\": \"1000.00\"") != NULL);
        CHECK(strstr(s, "\"tasks\": [\n      {\n        \"budget_total\": "
                        "\"1.23\"\n      },\n      {}\n    ],") != NULL);
        CHECK(strstr(s, "\"dept_scoring\": {},") != NULL);
        free(s);
    }
    /* an empty goal sheet counts as handed in; null does not */
    p = load_inner(&f, "\"goal_sheet\": {}, \"dept_scoring\": null, "
                       "\"assessment\": null");
    EXPECT_COUNT(&f.d, 0);
    CHECK(p && p->has_goal_sheet && !p->dept_scoring.present &&
          !p->assessment.present);
    p = load_inner(&f, "\"goal_sheet\": null");
    EXPECT_COUNT(&f.d, 0);
    CHECK(p && !p->has_goal_sheet);
    CHECK_INT(p ? p->goal_sheet.kind : JX_SHEET_UNIT, JX_SHEET_GOALS);
    fix_done(&f);
}

/* ---- the acceptance test: four problems in one run ------------------- */

/* A syntax error, a string where a number belongs, an unknown key and
 * the number "12.3.4" are all reported, each with file:line:col, and
 * the list matches bad_package_malformed.expected. */
static void malformed_four(void)
{
    size_t len, elen;
    char *text = read_data("bad_package_malformed.json", &len);
    char *exp = read_data("bad_package_malformed.expected", &elen);
    if (!text || !exp) {
        free(text);
        free(exp);
        return;
    }
    struct fix f;
    fix_init(&f);
    struct jx_package *p = jx_pkgjson_load(
        f.a, "tests/data/bad_package_malformed.json", text, len, &f.d);
    CHECK(p != NULL);
    EXPECT_COUNT(&f.d, 4);
    EXPECT_DIAG(&f.d, 0, "J101", 6, 5, "/unit/regoin");
    EXPECT_DIAG(&f.d, 1, "J001", 8, 15, NULL);
    EXPECT_DIAG(&f.d, 2, "J105", 12, 55, "/unit_sheet/funds/total/executed");
    EXPECT_DIAG(&f.d, 3, "J103", 17, 14, "/report/sections/0/no");
    CHECK_INT(jx_diags_errors(&f.d), 4);
    if (f.d.n == 4) {
        CHECK_STR(f.d.a[0].msg, "未知的键 \"regoin\"（是不是 \"region\"？）");
        CHECK_STR(f.d.a[1].msg, "缺少逗号 ','（在 \"unit_sheet\" 之前）");
        CHECK_STR(f.d.a[1].detail,
                  "解析器原文：'}' expected near '\"unit_sheet\"'");
        CHECK(f.d.a[0].detail == NULL);
        CHECK_STR(f.d.a[2].msg, "金额 \"12.3.4\" 无法读取：数字格式错误");
        CHECK_STR(f.d.a[3].msg,
                  "类型错误：应为整数，实际为字符串 \"二\"");
        CHECK_STR(f.d.a[1].loc.file, "tests/data/bad_package_malformed.json");
        struct jx_buf b;
        jx_buf_init(&b, 4096);
        for (size_t i = 0; i < f.d.n; i++) {
            jx_buf_addf(&b, "%d:%d %s\n", f.d.a[i].loc.line,
                        f.d.a[i].loc.col, f.d.a[i].code);
        }
        CHECK_STR(b.p, exp);
        jx_buf_release(&b);
    }
    if (p) {
        /* everything else was still read */
        CHECK_INT(p->year.v, 2024);
        CHECK_STR(p->unit.name.s, "示例单位");
        CHECK(!p->unit_sheet.total.executed.present);
        CHECK_INT(p->unit_sheet.total.budget_full.v.fen, 3911210000);
        CHECK_INT(p->report.nsections, 1);
        CHECK_STR(p->report.sections[0].title.s, "绩效目标");
    }
    fix_done(&f);
    free(text);
    free(exp);
}

/* ---- syntax errors --------------------------------------------------- */

/* Each kind of repair: the error is reported at its original position
 * and the rest of the document is still validated. */
static void syntax_repairs(void)
{
    /* a missing comma between array elements, then a later type error */
    struct fix f;
    fix_init(&f);
    load_inner(&f, "\"report\": {\"attachments\": [\"a\" \"b\"], \"title\": 5}");
    EXPECT_COUNT(&f.d, 2);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 31, NULL);
    EXPECT_DIAG(&f.d, 1, "J103", 2, 47, "/report/title");
    /* a missing colon */
    load_inner(&f, "\"contacts\": {\"phone\" \"123\"}");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 21, NULL);
    CHECK(f.d.n == 1 && strstr(f.d.a[0].msg, "缺少冒号"));
    /* a bare invalid number becomes null: absent, no second error */
    struct jx_package *p = load_inner(
        &f, "\"unit_sheet\": {\"stated_total\": 12.3.4, \"name\": \"x\"}");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 32, NULL);
    CHECK(f.d.n == 1 &&
          strcmp(f.d.a[0].msg, "无效的值 12.3.4（按 null 处理）") == 0);
    CHECK(p && !p->unit_sheet.stated_total.present &&
          strcmp(p->unit_sheet.name.s, "x") == 0);
    /* a trailing comma is deleted */
    load_inner(&f, "\"contacts\": {\"head\": \"x\",}");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 25, NULL);
    /* a raw newline inside a string is escaped; the text keeps it */
    p = load_inner(&f, "\"contacts\": {\"head\": \"a\nb\"}");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 24, NULL);
    CHECK(p && p->contacts.head.s && strcmp(p->contacts.head.s, "a\nb") == 0);
    /* invalid UTF-8 is replaced by U+FFFD */
    p = load_inner(&f, "\"contacts\": {\"head\": \"a\xff\"}");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 24, NULL);
    CHECK(p && p->contacts.head.s &&
          strcmp(p->contacts.head.s, "a\xEF\xBF\xBD") == 0);
    /* an integer too large for jansson */
    load_inner(&f, "\"unit_sheet\": {\"stated_total\": 123456789012345678901}");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 32, NULL);
    CHECK(f.d.n == 1 && strstr(f.d.a[0].msg, "超出范围"));
    /* trailing garbage after the package */
    fix_done(&f);
    fix_init(&f);
    p = load(f.a, &f.d,
             "{\"format\": \"jixiao-package\", \"version\": 1,\n"
             " \"unit\": {\"name\": \"U\"}, \"year\": 2024}\n"
             "x y\n");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 3, 1, NULL);
    CHECK(p != NULL);
    fix_done(&f);
    /* a stray closer ends the package early: it is dropped, the rest read */
    fix_init(&f);
    p = load(f.a, &f.d,
             "{\"format\": \"jixiao-package\", \"version\": 1,\n"
             " \"unit\": {\"name\": \"U\"}},\n"
             " \"year\": 2024}\n");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 23, NULL);
    CHECK(f.d.n == 1 && strcmp(f.d.a[0].msg, "多余的 }（已忽略）") == 0);
    CHECK(p && p->year.present && p->year.v == 2024);
    fix_done(&f);
    /* a truncated file: closers appended at the end */
    fix_init(&f);
    p = load(f.a, &f.d,
             "{\"format\": \"jixiao-package\", \"version\": 1,\n"
             " \"unit\": {\"name\": \"单位\"}, \"year\": 2024,\n"
             " \"report\": {\"attachments\": [\"a\", \"b");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J001", 3, 36, NULL);
    CHECK(f.d.n == 1 &&
          strcmp(f.d.a[0].msg, "文件提前结束：缺少 \"]}}") == 0);
    CHECK(p && p->report.nattachments == 2 &&
          strcmp(p->report.attachments[1].s, "b") == 0);
    fix_done(&f);
}

/* Columns count code points, not bytes; a byte-order mark is skipped
 * and not counted. */
static void syntax_columns(void)
{
    struct fix f;
    fix_init(&f);
    load_inner(&f, "\"unit_sheet\": {\"name\": \"项目名称\" \"supervisor\": 1}");
    EXPECT_COUNT(&f.d, 2);
    EXPECT_DIAG(&f.d, 0, "J001", 2, 30, NULL);
    EXPECT_DIAG(&f.d, 1, "J103", 2, 45, "/unit_sheet/supervisor");
    fix_done(&f);
    fix_init(&f);
    struct jx_package *p = load(
        f.a, &f.d,
        "\xEF\xBB\xBF{\"format\": \"jixiao-package\", \"version\": 1, "
        "\"unit\": {\"name\": \"U\"}, \"year\": \"x\"}");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J105", 1, 75, "/year");
    CHECK(p != NULL);
    fix_done(&f);
}

/* Unrepairable text and too many errors stop reading (J004, NULL). */
static void syntax_gives_up(void)
{
    struct fix f;
    fix_init(&f);
    CHECK(load(f.a, &f.d, "") == NULL);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J004", 1, 1, NULL);
    fix_done(&f);
    /* 21 missing commas: 20 repaired, then give up */
    fix_init(&f);
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    jx_buf_adds(&b, "[");
    for (int i = 0; i < 22; i++) {
        jx_buf_adds(&b, "1 ");
    }
    jx_buf_adds(&b, "]");
    CHECK(load(f.a, &f.d, b.p) == NULL);
    EXPECT_COUNT(&f.d, 21);
    for (size_t i = 0; i < 20; i++) {
        EXPECT_DIAG(&f.d, i, "J001", 1, 3 + 2 * (int)i, NULL);
    }
    EXPECT_DIAG(&f.d, 20, "J004", 1, 44, NULL);
    CHECK(f.d.n == 21 && strstr(f.d.a[20].msg, "超过 20 处"));
    jx_buf_release(&b);
    fix_done(&f);
}

/* ---- validation errors ----------------------------------------------- */

/* Unknown keys, with a suggestion only when one is close. */
static void unknown_keys(void)
{
    ONE_ERROR("\"contacts\": {\"preparre\": \"x\"}", "J101", 14,
              "/contacts/preparre",
              "未知的键 \"preparre\"（是不是 \"preparer\"？）");
    ONE_ERROR("\"extra\": 1", "J101", 1, "/extra", "未知的键 \"extra\"");
    ONE_ERROR("\"unit_sheet\": {\"funds\": {\"genral_budget\": {}}}", "J101",
              26, "/unit_sheet/funds/genral_budget",
              "（是不是 \"general_budget\"？）");
    ONE_ERROR("\"year2\": 1", "J101", 1, "/year2", "（是不是 \"year\"？）");
    ONE_ERROR("\"a/b~c\": 1", "J101", 1, "/a~1b~0c", NULL);
    /* no suggestion when nothing is close */
    struct fix f;
    fix_init(&f);
    load_inner(&f, "\"zzzzzz\": 1");
    CHECK(f.d.n == 1 && strcmp(f.d.a[0].msg, "未知的键 \"zzzzzz\"") == 0);
    fix_done(&f);
}

/* Duplicate keys: each later occurrence is reported; the last wins. */
static void duplicate_keys(void)
{
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(
        &f, "\"contacts\": {\"head\": \"a\", \"head\": \"b\"},\n"
            "\"contacts\": {\"head\": \"c\", \"phone\": \"1\", "
            "\"phone\": \"2\"}");
    EXPECT_COUNT(&f.d, 3);
    EXPECT_DIAG(&f.d, 0, "J102", 2, 27, "/contacts/head");
    EXPECT_DIAG(&f.d, 1, "J102", 3, 1, "/contacts");
    EXPECT_DIAG(&f.d, 2, "J102", 3, 41, "/contacts/phone");
    CHECK(f.d.n == 3 &&
          strcmp(f.d.a[1].msg, "重复的键 \"contacts\"（以最后一个为准）") == 0);
    CHECK(p && strcmp(p->contacts.head.s, "c") == 0 &&
          strcmp(p->contacts.phone.s, "2") == 0);
    fix_done(&f);
}

/* Wrong JSON types name the expected and the actual type. */
static void wrong_types(void)
{
    ONE_ERROR("\"contacts\": {\"phone\": 7308212768}", "J103", 23,
              "/contacts/phone", "类型错误：应为字符串，实际为整数 7308212768");
    ONE_ERROR("\"unit_sheet\": []", "J103", 15, "/unit_sheet",
              "应为对象，实际为数组");
    ONE_ERROR("\"project_sheets\": {}", "J103", 19, "/project_sheets",
              "应为数组，实际为对象");
    ONE_ERROR("\"project_sheets\": [1]", "J103", 20, "/project_sheets/0",
              "应为对象，实际为整数 1");
    ONE_ERROR("\"report\": {\"sections\": [{\"no\": 1.0}]}", "J103", 32,
              "/report/sections/0/no", "应为整数，实际为小数 1.0");
    ONE_ERROR("\"contacts\": {\"date\": true}", "J103", 22, "/contacts/date",
              "应为日期字符串（YYYY-MM-DD），实际为布尔值 true");
    ONE_ERROR("\"unit_sheet\": {\"indicators\": [{\"points\": [1]}]}",
              "J103", 42, "/unit_sheet/indicators/0/points",
              "应为数字字符串或整数");
    ONE_ERROR("\"unit_sheet\": {\"unit\": 1}", "J103", 24,
              "/unit_sheet/unit", "应为字符串，实际为整数 1");
    ONE_ERROR("\"submission\": {\"materials\": \"report\"}", "J103", 29,
              "/submission/materials", "应为数组，实际为字符串 \"report\"");
    struct fix f;
    fix_init(&f);
    load_inner(&f, "\"version2\": 1, \"unit_sheet\": {\"indicators\": "
                   "[{\"source\": \"x\"}]}");
    EXPECT_COUNT(&f.d, 2);
    EXPECT_DIAG(&f.d, 0, "J101", 2, 1, "/version2");
    EXPECT_DIAG(&f.d, 1, "J103", 2, 57, "/unit_sheet/indicators/0/source");
    fix_done(&f);
    fix_init(&f);
    CHECK(load(f.a, &f.d, "[1, 2]") == NULL);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J103", 1, 1, NULL);
    fix_done(&f);
}

/* Money: strings only, in the sheet's unit, to the 分. */
static void money_rules(void)
{
    ONE_ERROR("\"base_sheet\": {\"costs\": {\"office\": {\"budget\": 11.31}}}",
              "J106", 47, "/base_sheet/costs/office/budget",
              "金额必须写成字符串：11.31 应写成 \"11.31\"");
    ONE_ERROR("\"base_sheet\": {\"costs\": {\"office\": {\"budget\": 639}}}",
              "J106", 47, "/base_sheet/costs/office/budget", NULL);
    ONE_ERROR("\"unit_sheet\": {\"funds\": {\"total\": "
              "{\"executed\": \"1.2345678\"}}}",
              "J105", 48, "/unit_sheet/funds/total/executed",
              "金额 \"1.2345678\" 无法读取：小数位数过多，无法精确表示");
    ONE_ERROR("\"unit_sheet\": {\"unit\": \"元\", \"funds\": {\"total\": "
              "{\"executed\": \"1.234\"}}}",
              "J105", 61, "/unit_sheet/funds/total/executed",
              "小数位数过多");
    ONE_ERROR("\"unit_sheet\": {\"funds\": {\"total\": "
              "{\"executed\": \"1,2,,3\"}}}",
              "J105", 48, "/unit_sheet/funds/total/executed",
              "数字格式错误");
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(
        &f, "\"unit_sheet\": {\"unit\": \"元\", \"funds\": {\"total\": "
            "{\"executed\": \"1.23\"}}},\n"
            "\"project_sheets\": [{\"funds\": {\"total\": "
            "{\"executed\": \"1.23\"}}}]");
    EXPECT_COUNT(&f.d, 0);
    CHECK(p && p->unit_sheet.total.executed.v.fen == 123 &&
          p->project_sheets[0].total.executed.v.fen == 1230000);
    fix_done(&f);
}

/* Rates need "%"; points reject JSON reals; counts are whole. */
static void number_rules(void)
{
    ONE_ERROR("\"unit_sheet\": {\"funds\": {\"total\": {\"rate\": \"0.4865\"}}}",
              "J107", 44, "/unit_sheet/funds/total/rate",
              "比率必须带百分号：\"0.4865\" 应写成百分比");
    ONE_ERROR("\"unit_sheet\": {\"funds\": {\"total\": {\"rate\": 48.65}}}",
              "J106", 44, "/unit_sheet/funds/total/rate",
              "实际为 JSON 数字 48.65");
    ONE_ERROR("\"unit_sheet\": {\"funds\": {\"total\": {\"rate\": \"4x%\"}}}",
              "J105", 44, "/unit_sheet/funds/total/rate", "比率 \"4x%\"");
    ONE_ERROR("\"unit_sheet\": {\"funds\": {\"total\": {\"score\": 4.87}}}",
              "J106", 45, "/unit_sheet/funds/total/score",
              "小数必须加引号：4.87 应写成 \"4.87\"");
    /* a JSON integer obeys the limits of the same number as a string */
    ONE_ERROR("\"unit_sheet\": {\"stated_total\": -9223372036854775808}",
              "J105", 32, "/unit_sheet/stated_total",
              "数值 -9223372036854775808 无法读取：数值超出范围");
    ONE_ERROR("\"unit_sheet\": {\"stated_total\": \"94%\"}", "J105", 32,
              "/unit_sheet/stated_total", "此处不允许该单位");
    ONE_ERROR("\"base_sheet\": {\"staffing\": {\"actual\": 106.5}}", "J108",
              39, "/base_sheet/staffing/actual", "应为整数，实际为 106.5");
    ONE_ERROR("\"base_sheet\": {\"staffing\": {\"actual\": \"12.5\"}}",
              "J108", 39, "/base_sheet/staffing/actual",
              "应为整数，实际为 \"12.5\"");
    ONE_ERROR("\"base_sheet\": {\"staffing\": {\"actual\": -1}}", "J113", 39,
              "/base_sheet/staffing/actual", "取值超出范围：-1");
    ONE_ERROR("\"report\": {\"sections\": [{\"no\": 11}]}", "J113", 32,
              "/report/sections/0/no", "应在 1 到 10 之间");
    struct fix f;
    fix_init(&f);
    load(f.a, &f.d,
         "{\"format\": \"jixiao-package\", \"version\": 1, "
         "\"unit\": {\"name\": \"U\"}, \"year\": 1899}");
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J113", 1, 75, "/year");
    CHECK(f.d.n == 1 &&
          strcmp(f.d.a[0].msg,
                 "取值超出范围：1899（应在 1900 到 2999 之间）") == 0);
    fix_done(&f);
}

/* Dates are real calendar dates written YYYY-MM-DD. */
static void date_rules(void)
{
    ONE_ERROR("\"contacts\": {\"date\": \"2025-02-30\"}", "J109", 22,
              "/contacts/date",
              "日期无效：\"2025-02-30\"（应为 YYYY-MM-DD 格式的有效日期）");
    ONE_ERROR("\"submission\": {\"submitted\": \"2023-02-29\"}", "J109", 29,
              "/submission/submitted", NULL);
    ONE_ERROR("\"submission\": {\"published\": \"2025-7-11\"}", "J109", 29,
              "/submission/published", NULL);
    ONE_ERROR("\"submission\": {\"published\": \"2025/07/11\"}", "J109", 29,
              "/submission/published", NULL);
    struct fix f;
    fix_init(&f);
    struct jx_package *p =
        load_inner(&f, "\"submission\": {\"submitted\": \"2024-02-29\"}");
    EXPECT_COUNT(&f.d, 0);
    CHECK(p && p->submission.submitted.present &&
          p->submission.submitted.m == 2 && p->submission.submitted.d == 29);
    fix_done(&f);
}

/* Enumerated values, with suggestions; duplicate materials. */
static void enum_rules(void)
{
    ONE_ERROR("\"base_sheet\": {\"costs\": {\"project_lines\": "
              "[{\"category\": \"bussiness\"}]}}",
              "J110", 57, "/base_sheet/costs/project_lines/0/category",
              "无效的取值 \"bussiness\"，可选：\"business\"、\"operation\"、"
              "\"local_special\"、\"transfer\"（是不是 \"business\"？）");
    ONE_ERROR("\"base_sheet\": {\"costs\": {\"project_lines\": [{}]}}", "J104",
              44, "/base_sheet/costs/project_lines/0/category",
              "缺少必填项 \"category\"");
    ONE_ERROR("\"unit_sheet\": {\"indicators\": [{\"achievement\": \"done\"}]}",
              "J110", 47, "/unit_sheet/indicators/0/achievement", NULL);
    ONE_ERROR("\"unit_sheet\": {\"unit\": \"千元\"}", "J110", 24,
              "/unit_sheet/unit", "可选：\"元\"、\"万元\"");
    ONE_ERROR("\"submission\": {\"materials\": [\"report\", \"report\"]}",
              "J111", 40, "/submission/materials/1", "重复的材料 \"report\"");
    ONE_ERROR("\"submission\": {\"materials\": [\"reprot\"]}", "J110", 30,
              "/submission/materials/0", "（是不是 \"report\"？）");
}

/* Missing required values; not a package; unsupported version. */
static void required_and_format(void)
{
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load(f.a, &f.d,
                                "{\"format\": \"jixiao-package\",\n"
                                " \"unit\": {\"code\": \"1\"}}");
    CHECK(p != NULL);
    EXPECT_COUNT(&f.d, 3);
    EXPECT_DIAG(&f.d, 0, "J104", 1, 1, "/version");
    EXPECT_DIAG(&f.d, 1, "J104", 1, 1, "/year");
    EXPECT_DIAG(&f.d, 2, "J104", 2, 10, "/unit/name");
    fix_done(&f);
    fix_init(&f);
    p = load(f.a, &f.d,
             "{\"format\": \"jixiao-package\", \"version\": 1, "
             "\"unit\": {\"name\": {\"value\": null}}, \"year\": null}");
    EXPECT_COUNT(&f.d, 2);
    EXPECT_DIAG(&f.d, 0, "J104", 1, 1, "/year");
    EXPECT_DIAG(&f.d, 1, "J104", 1, 52, "/unit/name");
    fix_done(&f);
    fix_init(&f);
    p = load(f.a, &f.d,
             "{\"format\": \"jixiao-evaluation\", \"version\": 1, "
             "\"extra\": 1}");
    CHECK(p == NULL);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J010", 1, 12, "/format");
    fix_done(&f);
    fix_init(&f);
    p = load(f.a, &f.d, "{\"format\": \"jixiao-package\", \"version\": 2}");
    CHECK(p == NULL);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J011", 1, 41, "/version");
    CHECK(f.d.n == 1 &&
          strcmp(f.d.a[0].msg, "不支持的版本 2（只支持 1）") == 0);
    fix_done(&f);
}

/* Provenance wrappers: source kept; bad wrappers reported. */
static void provenance(void)
{
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(
        &f, "\"contacts\": {\"head\": {\"value\": \"王\", \"source\": "
            "{\"file\": \"r.txt\", \"line\": 9, \"col\": 2}}}");
    EXPECT_COUNT(&f.d, 0);
    CHECK(p && p->contacts.head.prov && p->contacts.head.prov->line == 9 &&
          p->contacts.head.prov->col == 2 &&
          strcmp(p->contacts.head.prov->file, "r.txt") == 0 &&
          strcmp(p->contacts.head.s, "王") == 0);
    fix_done(&f);
    ONE_ERROR("\"contacts\": {\"head\": {\"source\": {}}}", "J104", 22,
              "/contacts/head", "缺少必填项 \"value\"");
    ONE_ERROR("\"contacts\": {\"head\": {\"value\": \"x\", \"src\": {}}}",
              "J101", 37, "/contacts/head/src", NULL);
    ONE_ERROR("\"contacts\": {\"head\": {\"value\": 1}}", "J103", 32,
              "/contacts/head/value", "应为字符串");
    ONE_ERROR("\"contacts\": {\"head\": {\"value\": \"x\", \"source\": "
              "{\"line\": 0}}}",
              "J113", 56, "/contacts/head/source/line", "取值超出范围：0");
    ONE_ERROR("\"contacts\": {\"head\": {\"value\": \"x\", \"source\": "
              "{\"sheet\": 3}}}",
              "J103", 57, "/contacts/head/source/sheet", NULL);
    ONE_ERROR("\"contacts\": {\"head\": {\"value\": \"x\", \"source\": "
              "{\"cel\": \"A1\"}}}",
              "J101", 48, "/contacts/head/source/cel",
              "（是不是 \"col\"？）");
    ONE_ERROR("\"contacts\": {\"head\": {\"value\": \"x\", \"source\": "
              "{\"shet\": \"A1\"}}}",
              "J101", 48, "/contacts/head/source/shet",
              "（是不是 \"sheet\"？）");
    ONE_ERROR("\"unit_sheet\": {\"unit\": {\"value\": \"元\"}}", "J103", 24,
              "/unit_sheet/unit", "应为字符串，实际为对象");
}

/* Errors in the goal sheet and the scoring tables, each located. */
static void goal_parts_errors(void)
{
    ONE_ERROR("\"goal_sheet\": {\"tasks\": [{\"nmae\": \"x\"}]}", "J101", 27,
              "/goal_sheet/tasks/0/nmae",
              "未知的键 \"nmae\"（是不是 \"name\"？）");
    ONE_ERROR("\"unit_sheet\": {\"tasks\": []}", "J101", 16,
              "/unit_sheet/tasks",
              "未知的键 \"tasks\"（此键只用于 goal_sheet，"
              "即部门整体支出绩效目标完成情况自评表）");
    ONE_ERROR("\"project_sheets\": [{}, {\"task_total\": {}}]", "J101", 25,
              "/project_sheets/1/task_total",
              "未知的键 \"task_total\"（此键只用于 goal_sheet");
    ONE_ERROR("\"dept_scoring\": {\"tasks\": []}", "J101", 18,
              "/dept_scoring/tasks", NULL);
    ONE_ERROR("\"goal_sheet\": {\"task_total\": {\"name\": \"合计\"}}",
              "J101", 31, "/goal_sheet/task_total/name", NULL);
    ONE_ERROR("\"goal_sheet\": {\"tasks\": {}}", "J103", 25,
              "/goal_sheet/tasks", "应为数组，实际为对象");
    ONE_ERROR("\"goal_sheet\": {\"tasks\": [\"x\"]}", "J103", 26,
              "/goal_sheet/tasks/0", "应为对象，实际为字符串 \"x\"");
    ONE_ERROR("\"goal_sheet\": {\"task_total\": []}", "J103", 30,
              "/goal_sheet/task_total", "应为对象，实际为数组");
    ONE_ERROR("\"goal_sheet\": {\"tasks\": [{\"name\": 1}]}", "J103", 35,
              "/goal_sheet/tasks/0/name", "应为字符串，实际为整数 1");
    ONE_ERROR("\"goal_sheet\": {\"tasks\": [{\"source\": [1]}]}", "J103", 37,
              "/goal_sheet/tasks/0/source", "应为对象，实际为数组");
    ONE_ERROR("\"goal_sheet\": {\"tasks\": [{\"source\": {\"row\": 0}}]}",
              "J113", 45, "/goal_sheet/tasks/0/source/row",
              "取值超出范围：0");
    ONE_ERROR("\"goal_sheet\": []", "J103", 15, "/goal_sheet",
              "应为对象，实际为数组");
    ONE_ERROR("\"dept_scoring\": \"x\"", "J103", 17, "/dept_scoring",
              "应为对象，实际为字符串 \"x\"");
    ONE_ERROR("\"assessment\": {\"rows\": {}}", "J103", 24,
              "/assessment/rows", "应为数组，实际为对象");
    /* money: strings in the sheet's unit, exact to the 分 */
    ONE_ERROR("\"goal_sheet\": {\"tasks\": [{\"budget_total\": 100}]}",
              "J106", 43, "/goal_sheet/tasks/0/budget_total",
              "金额必须写成字符串：100 应写成 \"100\"");
    ONE_ERROR("\"goal_sheet\": {\"unit\": \"元\", \"tasks\": "
              "[{\"executed_total\": \"1.234\"}]}",
              "J105", 58, "/goal_sheet/tasks/0/executed_total",
              "金额 \"1.234\" 无法读取：小数位数过多，无法精确表示");
    ONE_ERROR("\"goal_sheet\": {\"task_total\": {\"executed_fiscal\": "
              "\"12.3.4\"}}",
              "J105", 50, "/goal_sheet/task_total/executed_fiscal",
              "金额 \"12.3.4\" 无法读取：数字格式错误");
    ONE_ERROR("\"goal_sheet\": {\"tasks\": [{\"budget_fiscal\": "
              "{\"value\": \"5%\"}}]}",
              "J105", 54, "/goal_sheet/tasks/0/budget_fiscal/value",
              "此处不允许该单位");
    /* points and scores of the scoring tables */
    ONE_ERROR("\"dept_scoring\": {\"rows\": [{\"points\": 2.5}]}", "J106",
              38, "/dept_scoring/rows/0/points",
              "小数必须加引号：2.5 应写成 \"2.5\"");
    ONE_ERROR("\"assessment\": {\"rows\": [{\"score\": \"9x\"}]}", "J105", 35,
              "/assessment/rows/0/score", "数值 \"9x\" 无法读取");
    ONE_ERROR("\"assessment\": {\"rows\": [{\"levle1\": \"a\"}]}", "J101", 26,
              "/assessment/rows/0/levle1", "（是不是 \"level1\"？）");
    ONE_ERROR("\"assessment\": {\"stated_total\": \"95%\"}", "J105", 32,
              "/assessment/stated_total", "此处不允许该单位");
    ONE_ERROR("\"dept_scoring\": {\"stated_grade\": 1}", "J103", 34,
              "/dept_scoring/stated_grade", "应为字符串，实际为整数 1");
}

/* Several problems across the new parts in one run, on several lines,
 * reported in text order with their positions; the rest is read. */
static void goal_parts_many(void)
{
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(
        &f, "\"goal_sheet\": {\"unit\": \"元\",\n"
            "  \"tasks\": [{\"name\": \"甲\", \"budget_total\": \"1.234\"},\n"
            "            {\"nmae\": \"乙\", \"executed_total\": 5}]},\n"
            "\"unit_sheet\": {\"tasks\": []},\n"
            "\"dept_scoring\": {\"rows\": [{\"points\": 2.5, "
            "\"score\": \"4\"}]}");
    EXPECT_COUNT(&f.d, 5);
    EXPECT_DIAG(&f.d, 0, "J105", 3, 43, "/goal_sheet/tasks/0/budget_total");
    EXPECT_DIAG(&f.d, 1, "J101", 4, 14, "/goal_sheet/tasks/1/nmae");
    EXPECT_DIAG(&f.d, 2, "J106", 4, 45, "/goal_sheet/tasks/1/executed_total");
    EXPECT_DIAG(&f.d, 3, "J101", 5, 16, "/unit_sheet/tasks");
    EXPECT_DIAG(&f.d, 4, "J106", 6, 38, "/dept_scoring/rows/0/points");
    CHECK(p != NULL);
    if (p) {
        CHECK(p->has_goal_sheet && p->has_unit_sheet &&
              p->dept_scoring.present);
        CHECK_INT(p->goal_sheet.ntasks, 2);
        CHECK_STR(p->goal_sheet.tasks[0].name.s, "甲");
        CHECK(!p->goal_sheet.tasks[0].budget_total.present);
        CHECK(p->goal_sheet.tasks[1].name.s == NULL);
        CHECK(!p->goal_sheet.tasks[1].executed_total.present);
        CHECK(!p->dept_scoring.rows[0].points.present);
        CHECK_INT(p->dept_scoring.rows[0].score.v.num, 4);
    }
    fix_done(&f);
}

/* ---- limits ---------------------------------------------------------- */

/* Arrays longer than their limit: an error, and only the limit read. */
static void limit_arrays(void)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    jx_buf_adds(&b, "\"unit_sheet\": {\"indicators\": [");
    for (int i = 0; i < 10001; i++) {
        jx_buf_adds(&b, i ? ",{}" : "{}");
    }
    jx_buf_adds(&b, "]}");
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(&f, b.p);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J112", 2, 30, "/unit_sheet/indicators");
    CHECK(f.d.n == 1 &&
          strcmp(f.d.a[0].msg,
                 "数组过长：10001 项，最多 10000 项（其余不予读取）") == 0);
    CHECK(p && p->unit_sheet.nindicators == 10000);
    jx_buf_reset(&b);
    jx_buf_adds(&b, "\"project_sheets\": [");
    for (int i = 0; i < 1001; i++) {
        jx_buf_adds(&b, i ? ",{}" : "{}");
    }
    jx_buf_adds(&b, "]");
    p = load_inner(&f, b.p);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J112", 2, 19, "/project_sheets");
    CHECK(p && p->nproject_sheets == 1000);
    fix_done(&f);
    jx_buf_release(&b);
}

/* Task rows and scoring-table rows: at most 10,000 each. */
static void limit_goal_arrays(void)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    jx_buf_adds(&b, "\"goal_sheet\": {\"tasks\": [");
    for (int i = 0; i < 10001; i++) {
        jx_buf_adds(&b, i ? ",{}" : "{}");
    }
    jx_buf_adds(&b, "]}");
    struct fix f;
    fix_init(&f);
    struct jx_package *p = load_inner(&f, b.p);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J112", 2, 25, "/goal_sheet/tasks");
    CHECK(f.d.n == 1 &&
          strcmp(f.d.a[0].msg,
                 "数组过长：10001 项，最多 10000 项（其余不予读取）") == 0);
    CHECK(p && p->goal_sheet.ntasks == 10000);
    /* exactly the limit is fine */
    jx_buf_reset(&b);
    jx_buf_adds(&b, "\"assessment\": {\"rows\": [");
    for (int i = 0; i < 10000; i++) {
        jx_buf_adds(&b, i ? ",{}" : "{}");
    }
    jx_buf_adds(&b, "]}, \"dept_scoring\": {\"rows\": [");
    for (int i = 0; i < 10001; i++) {
        jx_buf_adds(&b, i ? ",{}" : "{}");
    }
    jx_buf_adds(&b, "]}");
    p = load_inner(&f, b.p);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J112", 2, 30053, "/dept_scoring/rows");
    CHECK(p && p->assessment.nrows == 10000 && p->dept_scoring.nrows == 10000);
    fix_done(&f);
    jx_buf_release(&b);
}

/* Nesting deeper than JX_PKGJSON_MAX_DEPTH is refused; exactly the
 * limit is read (and the unknown key reported). */
static void limit_depth(void)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    jx_buf_adds(&b, "\"x\": ");
    for (int i = 0; i < JX_PKGJSON_MAX_DEPTH - 1; i++) {
        jx_buf_addc(&b, '[');
    }
    for (int i = 0; i < JX_PKGJSON_MAX_DEPTH - 1; i++) {
        jx_buf_addc(&b, ']');
    }
    struct fix f;
    fix_init(&f);
    CHECK(load_inner(&f, b.p) != NULL);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J101", 2, 1, "/x");
    jx_buf_reset(&b);
    jx_buf_adds(&b, "\"x\": ");
    for (int i = 0; i < JX_PKGJSON_MAX_DEPTH; i++) {
        jx_buf_addc(&b, '[');
    }
    for (int i = 0; i < JX_PKGJSON_MAX_DEPTH; i++) {
        jx_buf_addc(&b, ']');
    }
    CHECK(load_inner(&f, b.p) == NULL);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J003", 2, 6 + JX_PKGJSON_MAX_DEPTH - 1, NULL);
    fix_done(&f);
    jx_buf_release(&b);
}

/* Input over JX_PKGJSON_MAX_BYTES is refused before parsing. */
static void limit_size(void)
{
    size_t n = (size_t)JX_PKGJSON_MAX_BYTES + 1;
    char *big = malloc(n);
    if (!big) {
        jx_test_skip("cannot allocate 64 MiB");
        return;
    }
    memset(big, ' ', n);
    struct fix f;
    fix_init(&f);
    CHECK(jx_pkgjson_load(f.a, "big.json", big, n, &f.d) == NULL);
    EXPECT_COUNT(&f.d, 1);
    EXPECT_DIAG(&f.d, 0, "J002", 0, 0, NULL);
    CHECK(f.d.n == 1 &&
          strcmp(f.d.a[0].msg,
                 "输入过大：67108865 字节，上限 67108864 字节") == 0);
    fix_done(&f);
    free(big);
}

/* The caller's diagnostic limit holds; dropped errors still count. */
static void diag_limit(void)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (int i = 0; i < 30; i++) {
        jx_buf_addf(&b, "%s\"k%d\": 1", i ? ", " : "", i);
    }
    struct fix f;
    fix_init(&f);
    f.d.limit = 10;
    CHECK(load(f.a, &f.d, pkg_text(f.a, b.p)) != NULL);
    CHECK_INT(f.d.n, 10);
    CHECK_INT(f.d.dropped, 20);
    CHECK_INT(jx_diags_errors(&f.d), 30);
    fix_done(&f);
    jx_buf_release(&b);
}

/* ---- the position index ---------------------------------------------- */

/* Columns are code points on long lines too, counted across the
 * index's checkpoints (a line of 900 bytes before, one of 1,200 after
 * the first checkpoints). */
static void positions_long_lines(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_buf_add(&b, "{\"a\": \"", 7);
    for (int i = 0; i < 300; i++) {
        jx_buf_add(&b, "中", strlen("中"));
    }
    jx_buf_add(&b, "\",\n\"k\": \"", 9);
    for (int i = 0; i < 400; i++) {
        jx_buf_add(&b, "中", strlen("中"));
    }
    jx_buf_add(&b, "\", \"z\": 1}", 10);
    /* both ways of parsing: the one pass and the repairing path */
    for (int repairing = 0; repairing <= 1; repairing++) {
        struct jx_jlimits lim = {20, 64, 0, repairing == 1};
        struct jx_jdoc *d = jx_jdoc_parse(a, b.p, b.len, &lim);
        CHECK(jx_jdoc_root(d) != NULL);
        int line, col;
        jx_jdoc_where(d, jx_jdoc_lookup(d, "/a"), false, &line, &col);
        CHECK_INT(line * 1000 + col, 1007);
        jx_jdoc_where(d, jx_jdoc_lookup(d, "/k"), true, &line, &col);
        CHECK_INT(line * 1000 + col, 2001);
        jx_jdoc_where(d, jx_jdoc_lookup(d, "/z"), true, &line, &col);
        CHECK_INT(line * 1000 + col, 2410);
        jx_jdoc_where(d, jx_jdoc_lookup(d, "/z"), false, &line, &col);
        CHECK_INT(line * 1000 + col, 2415);
        jx_jdoc_free(d);
    }
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* Line and column of an offset counted byte by byte, the way
 * jx_jdoc_offpos is specified: lines end at '\n' (a '\r' is a column),
 * columns count UTF-8 lead bytes, and line 1 starts after a BOM. */
static void naive_offpos(const char *t, size_t len, size_t off, int *line,
                         int *col)
{
    size_t bom = len >= 3 && memcmp(t, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (off > len) {
        off = len;
    }
    int l = 1;
    size_t start = bom;
    for (size_t i = 0; i < off; i++) {
        if (t[i] == '\n') {
            l++;
            start = i + 1;
        }
    }
    int c = 1;
    for (size_t i = start; i < off; i++) {
        c += ((unsigned char)t[i] & 0xC0) != 0x80;
    }
    *line = l;
    *col = c;
}

/* Every offset's line and column (and one past the end) against the
 * byte-by-byte count: CRLF, multi-byte UTF-8, a BOM, tabs, no final
 * newline, the empty text, runs of newlines across 16-byte blocks, a
 * line longer than a code-point block, and enough lines to grow the
 * index. */
static void offpos_naive(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_buf big;
    jx_buf_init(&big, 1u << 20);
    for (int i = 0; i < 700; i++) {
        /* lines of 1 to 40 bytes, some multi-byte, some CRLF */
        jx_buf_add(&big, "\"中文\t", 8);
        for (int k = 0; k < i % 33; k++) {
            jx_buf_add(&big, k % 5 ? "x" : "é", k % 5 ? 1 : 2);
        }
        jx_buf_add(&big, i % 3 ? "\n" : "\r\n", i % 3 ? 1 : 2);
        if (i % 50 == 0) {
            jx_buf_add(&big, "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n", 18);
        }
    }
    for (int i = 0; i < 300; i++) {
        jx_buf_add(&big, "长", 3); /* a 900-byte last line, unended */
    }
    const char *texts[] = {
        "",
        "\n",
        "1",
        "{\"a\": 1}",
        "{\r\n  \"名称\": \"值\",\r\n  \"b\": [1,\t2]\r\n}",
        "\xEF\xBB\xBF{\"键\": \"中文ab\"}\n",
        "\xEF\xBB\xBF\n\n{}",
        "[\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n1]",
        "{\"0123456789abcd\":\n\"0123456789abcde\"\n,\"x\": \"éééé\"}\n\n",
        big.p,
    };
    size_t lens[] = {0, 1, 1, 8, 0, 0, 0, 0, 0, big.len};
    int bad = 0;
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        size_t len = lens[k] || k < 4 ? lens[k] : strlen(texts[k]);
        struct jx_jlimits lim = {20, 64, 0, false};
        struct jx_jdoc *d = jx_jdoc_parse(a, texts[k], len, &lim);
        for (size_t off = 0; off <= len + 1; off++) {
            int l, c, nl, nc;
            jx_jdoc_offpos(d, off, &l, &c);
            naive_offpos(texts[k], len, off, &nl, &nc);
            if ((l != nl || c != nc) && bad++ < 5) {
                jx_test_fail(__FILE__, __LINE__,
                             "text %zu offset %zu: %d:%d, expected %d:%d",
                             k, off, l, c, nl, nc);
            }
        }
        jx_jdoc_free(d);
    }
    CHECK_INT(bad, 0);
    /* the count itself, on one text: line 3 starts at offset 37 */
    struct jx_jlimits lim = {20, 64, 0, false};
    const char *t = texts[8];
    struct jx_jdoc *d = jx_jdoc_parse(a, t, strlen(t), &lim);
    int l, c;
    jx_jdoc_offpos(d, 45, &l, &c); /* the second 'é' */
    CHECK_INT(l * 1000 + c, 3009);
    jx_jdoc_offpos(d, strlen(t), &l, &c);
    CHECK_INT(l * 1000 + c, 5001);
    jx_jdoc_free(d);
    jx_buf_release(&big);
    jx_arena_free(a);
}

/* JSON pointers find keys and values; columns are code points. */
static void positions(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *t = "{\"名称\": \"值\",\n"
                    "  \"a\": [1, {\"b~/c\": true}],\n"
                    "  \"\\u540d\": null}";
    struct jx_jlimits lim = {20, 64, 0, false};
    struct jx_jdoc *d = jx_jdoc_parse(a, t, strlen(t), &lim);
    CHECK(jx_jdoc_root(d) != NULL);
    CHECK_INT(jx_jdoc_nsyntax(d), 0);
    int line, col;
    int32_t n = jx_jdoc_lookup(d, "/名称");
    jx_jdoc_where(d, n, true, &line, &col);
    CHECK_INT(line * 100 + col, 102);
    jx_jdoc_where(d, n, false, &line, &col);
    CHECK_INT(line * 100 + col, 108);
    n = jx_jdoc_lookup(d, "/a/1/b~0~1c");
    CHECK(n > 0);
    jx_jdoc_where(d, n, false, &line, &col);
    CHECK_INT(line * 100 + col, 221);
    CHECK_STR(jx_jdoc_path(d, n, a), "/a/1/b~0~1c");
    size_t len;
    const char *tok = jx_jdoc_token(d, n, &len);
    CHECK(tok && len == 4 && memcmp(tok, "true", 4) == 0);
    n = jx_jdoc_lookup(d, "/名");
    jx_jdoc_where(d, n, true, &line, &col);
    CHECK_INT(line * 100 + col, 303);
    CHECK(jx_jdoc_lookup(d, "/a/2") == -1);
    CHECK(jx_jdoc_lookup(d, "/a/01") == -1);
    CHECK(jx_jdoc_lookup(d, "/zz") == -1);
    CHECK(jx_jdoc_lookup(d, "") == 0);
    CHECK(jx_jdoc_element(d, jx_jdoc_lookup(d, "/a"), 0) ==
          jx_jdoc_lookup(d, "/a/0"));
    jx_jdoc_where(d, -1, false, &line, &col);
    CHECK_INT(line * 100 + col, 0);
    jx_jdoc_free(d);
    /* positions map back through a repair that inserted text */
    const char *r = "[1 2, \"中文\" 3]";
    d = jx_jdoc_parse(a, r, strlen(r), &lim);
    CHECK_INT(jx_jdoc_nsyntax(d), 2);
    n = jx_jdoc_lookup(d, "/3");
    jx_jdoc_where(d, n, false, &line, &col);
    CHECK_INT(line * 100 + col, 112);
    jx_jdoc_free(d);
    CHECK_STR(jx_jexcerpt(a, "ab\n\xff" "cd", 6, 4), "ab\\u000A\\xFF…");
    jx_arena_free(a);
}

/* Every node below node (node included) read from its token agrees
 * with jansson's value found by its key or index: type, string,
 * integer, number of children.  Returns the nodes seen. */
static size_t node_values_agree(const struct jx_jdoc *d, int32_t node)
{
    json_t *v = jx_jdoc_value(d, node);
    CHECK(v != NULL);
    enum jx_jtype t = jx_jdoc_type(d, node);
    enum jx_jtype want = json_is_object(v)    ? JX_JT_OBJECT
                         : json_is_array(v)   ? JX_JT_ARRAY
                         : json_is_string(v)  ? JX_JT_STRING
                         : json_is_integer(v) ? JX_JT_INTEGER
                         : json_is_real(v)    ? JX_JT_REAL
                         : json_is_true(v)    ? JX_JT_TRUE
                         : json_is_false(v)   ? JX_JT_FALSE
                                              : JX_JT_NULL;
    CHECK_INT(t, want);
    size_t n;
    const char *s = jx_jdoc_string(d, node, &n);
    CHECK(!s == !json_is_string(v));
    if (s && json_is_string(v)) {
        CHECK(n == json_string_length(v) &&
              memcmp(s, json_string_value(v), n) == 0);
    }
    CHECK(jx_jdoc_integer(d, node) ==
          (json_is_integer(v) ? json_integer_value(v) : 0));
    size_t seen = 1, kids = 0, kept = 0;
    for (int32_t k = jx_jdoc_first(d, node); k >= 0; k = jx_jdoc_next(d, k)) {
        kids++;
        if (jx_jdoc_is_last(d, k) || !json_is_object(v)) {
            kept++;
            seen += node_values_agree(d, k);
        }
    }
    CHECK_INT(jx_jdoc_count(d, node), kids);
    CHECK_INT(kept, json_is_object(v)  ? json_object_size(v)
                    : json_is_array(v) ? json_array_size(v)
                                       : 0);
    return seen;
}

/* Values read from the nodes (base_json.h: jx_jdoc_type, _string,
 * _integer, _count, _is_last, _value), in the one pass and after
 * repairs: the exact values, and every node against jansson's. */
static void node_values(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *t =
        "{\"s\": \"甲\\\"乙\\n\\u4e19\\ud83d\\ude00\", \"p\": \"plain\", "
        "\"e\": \"\", \"i\": -0, \"min\": -9223372036854775808, "
        "\"max\": 9223372036854775807, \"r\": 1e2, \"r2\": 0.5, "
        "\"b\": [true, false, null, {}, []], \"o\": {\"x\": 7}}";
    for (int way = 0; way < 2; way++) {
        struct jx_jlimits lim = {20, 64, 0, way == 1};
        struct jx_jdoc *d = jx_jdoc_parse(a, t, strlen(t), &lim);
        CHECK(jx_jdoc_root(d) != NULL);
        CHECK_INT(node_values_agree(d, 0), 17);
        size_t n;
        const char *s = jx_jdoc_string(d, jx_jdoc_lookup(d, "/s"), &n);
        CHECK(s && n == strlen("甲\"乙\n丙😀") &&
              memcmp(s, "甲\"乙\n丙😀", n) == 0);
        s = jx_jdoc_string(d, jx_jdoc_lookup(d, "/p"), &n);
        CHECK(s && n == 5 && memcmp(s, "plain", 5) == 0);
        s = jx_jdoc_string(d, jx_jdoc_lookup(d, "/e"), &n);
        CHECK(s && n == 0);
        CHECK(jx_jdoc_string(d, jx_jdoc_lookup(d, "/i"), &n) == NULL);
        CHECK(jx_jdoc_integer(d, jx_jdoc_lookup(d, "/min")) == INT64_MIN);
        CHECK(jx_jdoc_integer(d, jx_jdoc_lookup(d, "/max")) == INT64_MAX);
        CHECK_INT(jx_jdoc_type(d, jx_jdoc_lookup(d, "/i")), JX_JT_INTEGER);
        CHECK_INT(jx_jdoc_type(d, jx_jdoc_lookup(d, "/r")), JX_JT_REAL);
        CHECK_INT(jx_jdoc_type(d, jx_jdoc_lookup(d, "/b/2")), JX_JT_NULL);
        CHECK_INT(jx_jdoc_type(d, jx_jdoc_lookup(d, "/b/3")), JX_JT_OBJECT);
        CHECK_INT(jx_jdoc_type(d, jx_jdoc_lookup(d, "/b/4")), JX_JT_ARRAY);
        CHECK_INT(jx_jdoc_type(d, -1), JX_JT_NONE);
        CHECK_INT(jx_jdoc_count(d, jx_jdoc_lookup(d, "/b")), 5);
        CHECK_INT(jx_jdoc_count(d, jx_jdoc_lookup(d, "/p")), 0);
        CHECK(jx_jdoc_value(d, -1) == NULL);
        jx_jdoc_free(d);
    }
    /* repaired texts: a missing comma, a dropped \u0000, a repeated key
       (the last is jansson's and the lookups'), a bare word nulled */
    const char *r = "{\"a\": 1 \"b\": \"x\\u0000y\", \"a\": [2, 3], "
                    "\"c\": nope, \"d\": {\"a\": 1, \"a\": \"z\"}}";
    struct jx_jlimits lim = {20, 64, 0, false};
    struct jx_jdoc *d = jx_jdoc_parse(a, r, strlen(r), &lim);
    CHECK(jx_jdoc_nsyntax(d) >= 3);
    CHECK(jx_jdoc_root(d) != NULL);
    CHECK_INT(node_values_agree(d, 0), 8);
    CHECK_INT(jx_jdoc_count(d, 0), 5);
    int32_t first_a = jx_jdoc_first(d, 0);
    CHECK(!jx_jdoc_is_last(d, first_a));
    CHECK(jx_jdoc_is_last(d, jx_jdoc_lookup(d, "/a")));
    CHECK(json_is_array(jx_jdoc_value(d, first_a)));
    size_t n;
    const char *s = jx_jdoc_string(d, jx_jdoc_lookup(d, "/b"), &n);
    CHECK(s && n == 2 && memcmp(s, "xy", 2) == 0);
    CHECK_INT(jx_jdoc_type(d, jx_jdoc_lookup(d, "/c")), JX_JT_NULL);
    s = jx_jdoc_string(d, jx_jdoc_lookup(d, "/d/a"), &n);
    CHECK(s && n == 1 && s[0] == 'z');
    jx_jdoc_free(d);
    jx_arena_free(a);
}

/* Many errors spread over a text: each repair resumes the parse after
 * the last bracket jansson accepted and keeps the tokens before it
 * (base_json.c, struct resume / struct tokidx); the repairs, their
 * offsets and the tree are those of parsing the whole text again. */
static void repairs_spread(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_buf_adds(&b, "{\"rows\": [\n");
    size_t comma[12], null[12];
    for (int i = 0; i < 12; i++) {
        jx_buf_addf(&b, "  {\"name\": \"单位%d\"", i);
        comma[i] = b.len; /* a ',' is missing here */
        jx_buf_addf(&b, " \"n\": %d, \"ok\": ", i * 7);
        null[i] = b.len;  /* and "tru" is no value */
        jx_buf_adds(&b, "tru},\n");
    }
    jx_buf_adds(&b, "  {\"name\": \"末\"}\n]}\n");
    struct jx_jlimits lim = {64, 64, 0, true};
    struct jx_jdoc *d = jx_jdoc_parse(a, b.p, b.len, &lim);
    CHECK_INT(jx_jdoc_nsyntax(d), 24);
    for (size_t i = 0; i < 24 && i < jx_jdoc_nsyntax(d); i++) {
        const struct jx_jsyntax *x = jx_jdoc_syntax(d, i);
        CHECK_INT(x->fix, i % 2 ? JX_JFIX_NULL : JX_JFIX_COMMA);
        CHECK_INT(x->off, i % 2 ? null[i / 2] : comma[i / 2]);
    }
    CHECK_STR(jx_jdoc_syntax(d, 3)->msg, "无效的值 tru（按 null 处理）");
    json_t *n = jx_jdoc_root(d) ? json_object_get(
                    json_array_get(json_object_get(jx_jdoc_root(d), "rows"),
                                   11), "n")
                                : NULL;
    CHECK_INT(json_integer_value(n), 77);
    CHECK(jx_jdoc_lookup(d, "/rows/12/name") > 0);
    jx_jdoc_free(d);
    /* the 21st error stops the reading, at the token it is at */
    lim.max_repairs = 20;
    d = jx_jdoc_parse(a, b.p, b.len, &lim);
    CHECK_INT(jx_jdoc_nsyntax(d), 21);
    CHECK_INT(jx_jdoc_syntax(d, 20)->fix, JX_JFIX_TOOMANY);
    CHECK_INT(jx_jdoc_syntax(d, 20)->off, comma[10] + 1);
    CHECK(jx_jdoc_root(d) == NULL);
    jx_jdoc_free(d);
    /* jansson loses count of a NUL byte after a number: no resuming
       past one (else the ':' before "024" would be repaired as the
       first of six edits) */
    static const char t[] = "{\"a\": 1\0, \"b\": {\"c\": \"U\"}, "
                            "\"d\":024}\nx y\n";
    d = jx_jdoc_parse(a, t, sizeof t - 1, &lim);
    CHECK_INT(jx_jdoc_nsyntax(d), 1);
    CHECK_INT(jx_jdoc_syntax(d, 0)->fix, JX_JFIX_NONE);
    CHECK_INT(jx_jdoc_syntax(d, 0)->off, 30);
    CHECK_STR(jx_jdoc_syntax(d, 0)->msg, "JSON 语法错误（在 : 附近）");
    jx_jdoc_free(d);
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* The one pass and the repairing way agree on plain JSON: values,
 * positions after a BOM, escapes and a surrogate pair, the duplicated
 * key, the extreme integers and a real kept as its token; texts the
 * one pass must not take (NUL, an integer past json_int_t, a bad
 * escape, nesting past the limit) get the repairing way's result. */
static void one_pass(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_jlimits one = {20, 4, 0, false};
    struct jx_jlimits two = {20, 4, 0, true};
    const char *t = "\xEF\xBB\xBF{\"k\\u00e9y\": -9223372036854775808,\n"
                    " \"r\": 1.50e2, \"\\ud83d\\ude00\": [true, null],\n"
                    " \"k\\u00e9y\": \"\\\"\xe4\xb8\xad\\/\"}";
    for (int w = 0; w < 2; w++) {
        struct jx_jdoc *d =
            jx_jdoc_parse(a, t, strlen(t), w == 0 ? &one : &two);
        json_t *root = jx_jdoc_root(d);
        CHECK(root != NULL);
        if (!root) {
            jx_jdoc_free(d);
            continue;
        }
        CHECK_INT(jx_jdoc_nsyntax(d), 0);
        CHECK_INT(json_object_size(root), 3);
        CHECK_STR(json_string_value(json_object_get(root, "k\xc3\xa9y")),
                  "\"\xe4\xb8\xad/");
        CHECK(json_is_real(json_object_get(root, "r")));
        CHECK_INT(json_array_size(json_object_get(root, "\xf0\x9f\x98\x80")),
                  2);
        CHECK_INT(jx_jdoc_ndups(d), 1);
        int32_t n = jx_jdoc_lookup(d, "/k\xc3\xa9y");
        CHECK(n == jx_jdoc_dup(d, 0));
        int line, col;
        jx_jdoc_where(d, n, true, &line, &col);
        CHECK_INT(line * 100 + col, 302);
        jx_jdoc_where(d, n, false, &line, &col);
        CHECK_INT(line * 100 + col, 314);
        size_t len;
        const char *tok = jx_jdoc_token(d, jx_jdoc_lookup(d, "/r"), &len);
        CHECK(tok && len == 6 && memcmp(tok, "1.50e2", 6) == 0);
        n = jx_jdoc_element(d, jx_jdoc_lookup(d, "/\xf0\x9f\x98\x80"), 1);
        jx_jdoc_where(d, n, false, &line, &col);
        CHECK_INT(line * 100 + col, 238);
        CHECK_STR(jx_jdoc_path(d, n, a), "/\xf0\x9f\x98\x80/1");
        tok = jx_jdoc_token(d, 1, &len);
        CHECK(tok && len == 20 && memcmp(tok, "-9223372036854775808", 20) == 0);
        jx_jdoc_free(d);
    }
    static const char *const refused[] = {
        "{\"a\": \"x\\u0000y\"}", "[92233720368547758080]",
        "[\"\\x\"]", "[[[[[1]]]]]", "[1e999]", "{\"\\udc00\": 1}",
    };
    static const int nsyn[] = {1, 1, 1, 0, 1, 3};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        const char *r = refused[i];
        struct jx_jdoc *x = jx_jdoc_parse(a, r, strlen(r), &one);
        struct jx_jdoc *y = jx_jdoc_parse(a, r, strlen(r), &two);
        CHECK_INT(jx_jdoc_nsyntax(x), nsyn[i]);
        CHECK_INT(jx_jdoc_nsyntax(y), nsyn[i]);
        for (size_t k = 0; k < jx_jdoc_nsyntax(x) && k < jx_jdoc_nsyntax(y);
             k++) {
            CHECK_STR(jx_jdoc_syntax(x, k)->msg, jx_jdoc_syntax(y, k)->msg);
            CHECK_INT(jx_jdoc_syntax(x, k)->off, jx_jdoc_syntax(y, k)->off);
        }
        CHECK(jx_jdoc_too_deep(x, NULL) == (i == 3));
        CHECK(jx_jdoc_too_deep(y, NULL) == (i == 3));
        jx_jdoc_free(x);
        jx_jdoc_free(y);
    }
    jx_arena_free(a);
}

/* The reader's path is kept as segments and formatted only for a
 * report: keys escaped (RFC 6901), indexes in decimal, a pop back to a
 * mark, jx_jload_mark, and a report at the top with no path at all. */
static void lazy_path(void)
{
    static const struct jx_jcodes codes = {"X001", "X003", "X004", "X101",
                                           "X102", "X103", "X002", "样例"};
    struct jx_arena *a = jx_arena_new();
    const char *t = "{\"k/x\": [0, 1, {\"m~n\": 7}]}";
    struct jx_jload l;
    jx_jload_init(&l, a, "p.json", &codes, 0);
    struct jx_jlimits lim = {20, 8, 1000, false};
    json_t *root = jx_jload_parse(&l, t, strlen(t), &lim);
    CHECK(root != NULL);
    CHECK_INT(jx_jload_mark(&l), 0);
    size_t m0 = jx_jload_push(&l, "k/x", 3);
    size_t m1 = jx_jload_index(&l, 2);
    CHECK_INT(jx_jload_mark(&l), 2);
    char key[4] = "m~n";
    size_t m2 = jx_jload_push(&l, key, 3);
    jx_jload_rep_at(&l, "X113", JX_SEV_ERROR, 0, 0, "甲");
    key[0] = 'z'; /* the report kept its own copy of the path */
    jx_jload_pop(&l, m2);
    jx_jload_rep_at(&l, "X113", JX_SEV_ERROR, 0, 0, "乙");
    jx_jload_pop(&l, m1);
    jx_jload_index(&l, 12);
    jx_jload_rep_at(&l, "X113", JX_SEV_ERROR, 0, 0, "丙");
    jx_jload_pop(&l, m0);
    CHECK_INT(jx_jload_mark(&l), 0);
    jx_jload_rep_at(&l, "X113", JX_SEV_ERROR, 0, 0, "丁");
    struct jx_diags out;
    jx_diags_init(&out, a);
    jx_jload_finish(&l, &out);
    jx_jdoc_free(l.doc);
    CHECK_INT(out.n, 4);
    const char *want[4] = {"/k~1x/2/m~0n", "/k~1x/2", "/k~1x/12", NULL};
    const char *msg[4] = {"甲", "乙", "丙", "丁"};
    for (size_t i = 0; i < out.n && i < 4; i++) {
        /* sorted by path: the one without a path first */
        const struct jx_diag *e = NULL;
        for (size_t k = 0; k < out.n; k++) {
            if (strcmp(out.a[k].msg, msg[i]) == 0) {
                e = &out.a[k];
            }
        }
        CHECK(e != NULL);
        if (!e) {
            continue;
        }
        if (want[i]) {
            CHECK_STR(e->loc.path ? e->loc.path : "(none)", want[i]);
        } else {
            CHECK(e->loc.path == NULL);
        }
    }
    jx_diags_release(&out);
    jx_arena_free(a);
}

/* The shared reader (struct jx_jload) with codes of its own: parse
 * problems, then every helper the two loaders use, each diagnostic at
 * its exact place and path, handed over sorted. */
static void shared_reader(void)
{
    static const struct jx_jcodes codes = {"X001", "X003", "X004", "X101",
                                           "X102", "X103", "X002", "样例"};
    static const char *const counted[] = {"alpha", NULL, "gamma"};
    static const char *const terminated[] = {"alpha", "beta", NULL};
    static const char *const foreign[] = {"beta", NULL};
    struct jx_arena *a = jx_arena_new();
    const char *t = "{\"alpah\": 1, \"beta\": 2.5,\n"
                    " \"e\": \"gama\", \"n\": \"1x\", \"o\": [],\n"
                    " \"e\": \"gamma\", \"big\": 9223372036854775807}";
    struct jx_jload l;
    jx_jload_init(&l, a, "s.json", &codes, 0);
    struct jx_jlimits lim = {20, 8, 1000, false};
    json_t *root = jx_jload_parse(&l, t, strlen(t), &lim);
    CHECK(root != NULL);
    struct jx_diags out;
    jx_diags_init(&out, a);
    if (!root) {
        jx_jload_finish(&l, &out);
        jx_diags_release(&out);
        jx_jdoc_free(l.doc);
        jx_arena_free(a);
        return;
    }
    jx_jload_check_keys(&l, root, 0, counted, 3, foreign, "（另有用处）");
    int32_t en = jx_jdoc_member(l.doc, 0, "e", 1);
    CHECK_INT(jx_jload_enum(&l, "X110", json_object_get(root, "e"), en,
                            counted, 3),
              2);
    size_t mark = jx_jload_push(&l, "o", 1);
    int32_t on = jx_jdoc_member(l.doc, 0, "o", 1);
    CHECK_INT(jx_jload_enum(&l, "X110", json_object_get(root, "o"), on,
                            terminated, SIZE_MAX),
              -1);
    jx_jload_pop(&l, mark);
    mark = jx_jload_push(&l, "beta", 4);
    jx_jload_unquoted(&l, "X106", jx_jdoc_member(l.doc, 0, "beta", 4));
    jx_jload_pop(&l, mark);
    mark = jx_jload_push(&l, "n", 1);
    int32_t nn = jx_jdoc_member(l.doc, 0, "n", 1);
    struct jx_rat r;
    enum jx_numerr e = jx_rat_parse("1x", 2, &r, NULL, NULL);
    jx_jload_bad_number(&l, "X105", "数值", json_object_get(root, "n"), nn,
                        e);
    jx_jload_pop(&l, mark);
    int32_t bn = jx_jdoc_member(l.doc, 0, "big", 3);
    struct jx_rat r2;
    CHECK_INT(jx_jload_int(&l, bn, &r),
              jx_rat_parse("9223372036854775807", 19, &r2, NULL, NULL));
    CHECK_STR(jx_jload_token(&l, bn), "9223372036854775807");
    CHECK_INT(jx_jload_int(&l, jx_jdoc_member(l.doc, 0, "alpah", 5), &r),
              JX_NUM_OK);
    CHECK(jx_rat_cmp(r, jx_rat_int(1)) == 0);
    CHECK_STR(jx_jload_hint(&l, "bta", 3, terminated, SIZE_MAX),
              "（是不是 \"beta\"？）");
    CHECK_STR(jx_jload_hint(&l, "bta", 3, counted, 3), "");
    jx_jload_finish(&l, &out);
    jx_jdoc_free(l.doc);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    for (size_t i = 0; i < out.n; i++) {
        jx_diag_format(&b, &out.a[i]);
    }
    CHECK_STR(b.p,
              "s.json:1:2 /alpah: 错误[X101]: 未知的键 \"alpah\"（是不是 \"alpha\"？）\n"
              "s.json:1:14 /beta: 错误[X101]: 未知的键 \"beta\"（另有用处）\n"
              "s.json:1:22 /beta: 错误[X106]: 小数必须加引号：2.5 应写成 \"2.5\""
              "（JSON 小数按二进制浮点数读取，不精确）\n"
              "s.json:2:15 /n: 错误[X101]: 未知的键 \"n\"\n"
              "s.json:2:20 /n: 错误[X105]: 数值 \"1x\" 无法读取：数字格式错误\n"
              "s.json:2:26 /o: 错误[X101]: 未知的键 \"o\"\n"
              "s.json:2:31 /o: 错误[X103]: 类型错误：应为字符串，实际为数组\n"
              "s.json:3:2 /e: 错误[X102]: 重复的键 \"e\"（以最后一个为准）\n"
              "s.json:3:2 /e: 错误[X101]: 未知的键 \"e\"\n"
              "s.json:3:16 /big: 错误[X101]: 未知的键 \"big\"\n");
    jx_buf_release(&b);
    jx_diags_release(&out);
    /* too long, too deep, not an object: nothing to read */
    jx_jload_init(&l, a, "s.json", &codes, 0);
    lim.max_bytes = 4;
    CHECK(jx_jload_parse(&l, "{   }", 5, &lim) == NULL);
    CHECK(l.doc == NULL);
    lim.max_bytes = 0;
    jx_diags_init(&out, a);
    jx_jload_finish(&l, &out);
    CHECK_INT(out.n, 1);
    if (out.n == 1) {
        CHECK_STR(out.a[0].code, "X002");
        CHECK_STR(out.a[0].msg, "样例过大：5 字节，上限 4 字节");
    }
    jx_diags_release(&out);
    jx_jload_init(&l, a, "s.json", &codes, 0);
    CHECK(jx_jload_parse(&l, "[[[[[[[[[[]]]]]]]]]]", 20, &lim) == NULL);
    jx_jdoc_free(l.doc);
    CHECK(jx_jload_parse(&l, "[1 2]", 5, &lim) == NULL);
    jx_jdoc_free(l.doc);
    jx_diags_init(&out, a);
    jx_jload_finish(&l, &out);
    jx_buf_init(&b, 1u << 20);
    for (size_t i = 0; i < out.n; i++) {
        jx_diag_format(&b, &out.a[i]);
    }
    CHECK_STR(b.p, "s.json:1:1: 错误[X103]: 类型错误：顶层应为对象，实际为数组\n"
                   "s.json:1:3: 错误[X001]: 缺少逗号 ','（在 2 之前）\n"
                   "    解析器原文：']' expected near '2'\n"
                   "s.json:1:9: 错误[X003]: 嵌套过深：超过 8 层\n");
    jx_buf_release(&b);
    jx_diags_release(&out);
    jx_arena_free(a);
}

/* Findings of later stages that carry only a JSON path get the line
 * and column of that value, or of its nearest enclosing value. */
static void locate_later_findings(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *text = pkg_text(a, "\"unit_sheet\": {\"indicators\": [\n"
                                   "  {\"name\": \"x\", \"points\": \"4\"}]}");
    struct jx_pkgpos *pos = NULL;
    struct jx_package *p =
        jx_pkgjson_load_pos(a, "t.json", text, strlen(text), &d, &pos);
    CHECK(p != NULL);
    CHECK(pos != NULL);
    CHECK_INT(d.n, 0);
    struct jx_loc l1 = {.path = "/unit_sheet/indicators/0/points"};
    struct jx_loc l2 = {.path = "/unit_sheet/indicators/0/score"};
    struct jx_loc l3 = {.file = "other.json", .path = "/year"};
    struct jx_loc l4 = {.path = "/nothing/here"};
    jx_diag_add(&d, "S101", JX_SEV_ERROR, &l1, "a");
    jx_diag_add(&d, "S101", JX_SEV_ERROR, &l2, "b");
    jx_diag_add(&d, "S101", JX_SEV_ERROR, &l3, "c");
    jx_diag_add(&d, "S101", JX_SEV_ERROR, &l4, "d");
    jx_pkgpos_locate(pos, &d, 1);
    CHECK_INT(d.a[0].loc.line, 0); /* before `from`: untouched */
    jx_pkgpos_locate(pos, &d, 0);
    CHECK_INT(d.a[0].loc.line, 3);
    CHECK_INT(d.a[0].loc.col, 27);
    CHECK_STR(d.a[0].loc.file, "t.json");
    /* score is absent: the row's position */
    CHECK_INT(d.a[1].loc.line, 3);
    CHECK_INT(d.a[1].loc.col, 3);
    /* another file: untouched */
    CHECK_INT(d.a[2].loc.line, 0);
    /* nothing on the path: the root */
    CHECK_INT(d.a[3].loc.line, 1);
    CHECK_INT(d.a[3].loc.col, 1);
    jx_pkgpos_free(pos);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The cells of the forms (the portal's fill-in form) come from the
 * schema: an indicator row's eight cells in order with their kinds; the
 * unit sheet's fund splits as its printed form has them (three amounts,
 * the other cells extra); a project sheet's splits its own. */
static void form_cells(void)
{
    struct jx_arena *a = jx_arena_new();
    const struct jx_pkg_cell *c;
    size_t n = jx_pkg_cells(a, JX_PART_INDICATOR, &c);
    CHECK_INT((int)n, 9);
    static const char *const ind[] = {"level1", "level2", "name", "target",
                                      "actual", "points", "score",
                                      "achievement", "deviation"};
    for (size_t i = 0; i < n && i < 9; i++) {
        CHECK_STR(c[i].path, ind[i]);
    }
    CHECK_INT((int)c[5].kind, JX_CELL_NUM);
    CHECK_INT((int)c[7].kind, JX_CELL_CHOICE);
    CHECK_INT((int)c[7].nchoices, 3);
    CHECK_STR(c[7].choices[1], "partial");
    CHECK_STR(c[7].choices_zh[1], "部分达成年度指标并具有一定效果");
    CHECK_INT(c[7].required, 0);
    CHECK_INT((int)c[8].kind, JX_CELL_TEXT);
    /* a project line: its category a required choice, Chinese names */
    n = jx_pkg_cells(a, JX_PART_PROJECT_LINE, &c);
    CHECK_INT((int)n, 5);
    CHECK_STR(c[0].path, "category");
    CHECK_INT((int)c[0].kind, JX_CELL_CHOICE);
    CHECK_INT(c[0].required, 1);
    CHECK_INT((int)c[0].nchoices, 4);
    CHECK_STR(c[0].choices[2], "local_special");
    CHECK_STR(c[0].choices_zh[2], "区级(省级)专项资金");
    CHECK_STR(c[4].path, "final");
    /* the goal sheet: its fund total and task total; a task's cells */
    n = jx_pkg_cells(a, JX_PART_GOAL_SHEET, &c);
    CHECK_INT((int)n, 6 + 4 + 1);
    CHECK_STR(c[0].path, "funds/total/budget_initial");
    CHECK_STR(c[6].path, "task_total/budget_total");
    CHECK_INT((int)c[6].kind, JX_CELL_MONEY);
    CHECK_STR(c[n - 1].path, "stated_total");
    n = jx_pkg_cells(a, JX_PART_TASK, &c);
    CHECK_INT((int)n, 7);
    CHECK_STR(c[2].path, "status");
    CHECK_STR(c[6].path, "executed_fiscal");
    n = jx_pkg_cells(a, JX_PART_UNIT_SHEET, &c);
    CHECK_STR(c[0].path, "funds/total/budget_initial");
    CHECK_STR(c[4].path, "funds/total/rate");
    CHECK_INT((int)c[4].kind, JX_CELL_RATE);
    CHECK_STR(c[6].path, "funds/general_budget/budget_initial");
    CHECK_INT(c[6].extra, 0);
    CHECK_STR(c[10].path, "funds/general_budget/rate");
    CHECK_INT(c[10].extra, 1);
    CHECK_STR(c[n - 1].path, "stated_total");
    size_t m = jx_pkg_cells(a, JX_PART_PROJECT_SHEET, &c);
    CHECK_STR(c[0].path, "name");
    CHECK_STR(c[9].path, "funds/other/budget_initial");
    CHECK_STR(c[15].path, "funds/current_appropriation/budget_initial");
    CHECK_INT((int)m, 3 + 6 + 3 * 6 + 1);
    CHECK_INT((int)n, 6 + 6 * 6 + 1);
    n = jx_pkg_cells(a, JX_PART_BASE, &c);
    CHECK_STR(c[0].path, "staffing/authorized");
    CHECK_INT((int)c[0].kind, JX_CELL_COUNT);
    CHECK_STR(c[3].path, "costs/three_public/prev_final");
    CHECK_INT((int)c[3].kind, JX_CELL_MONEY);
    CHECK_STR(c[n - 1].path, "thrift_measures");
    jx_arena_free(a);
}

const struct jx_test t_pkgjson[] = {
    {"model.block_of", model_block_of},
    {"model.names", model_names},
    {"pkgjson.seed003_load", seed003_load},
    {"pkgjson.full_package", full_package},
    {"pkgjson.form_cells", form_cells},
    {"pkgjson.lenient_forms", lenient_forms},
    {"pkgjson.minimal_package", minimal_package},
    {"pkgjson.form_weight_keys", form_weight_keys},
    {"pkgjson.save_canonical", save_canonical},
    {"pkgjson.goal_parts_saved", goal_parts_saved},
    {"pkgjson.goal_parts_loaded", goal_parts_loaded},
    {"pkgjson.malformed_four", malformed_four},
    {"pkgjson.syntax_repairs", syntax_repairs},
    {"pkgjson.syntax_columns", syntax_columns},
    {"pkgjson.syntax_gives_up", syntax_gives_up},
    {"pkgjson.unknown_keys", unknown_keys},
    {"pkgjson.duplicate_keys", duplicate_keys},
    {"pkgjson.wrong_types", wrong_types},
    {"pkgjson.money_rules", money_rules},
    {"pkgjson.number_rules", number_rules},
    {"pkgjson.date_rules", date_rules},
    {"pkgjson.enum_rules", enum_rules},
    {"pkgjson.required_and_format", required_and_format},
    {"pkgjson.provenance", provenance},
    {"pkgjson.goal_parts_errors", goal_parts_errors},
    {"pkgjson.goal_parts_many", goal_parts_many},
    {"pkgjson.limit_arrays", limit_arrays},
    {"pkgjson.limit_goal_arrays", limit_goal_arrays},
    {"pkgjson.limit_depth", limit_depth},
    {"pkgjson.limit_size", limit_size},
    {"pkgjson.diag_limit", diag_limit},
    {"pkgjson.positions", positions},
    {"pkgjson.node_values", node_values},
    {"pkgjson.repairs_spread", repairs_spread},
    {"pkgjson.one_pass", one_pass},
    {"pkgjson.positions_long_lines", positions_long_lines},
    {"pkgjson.offpos_naive", offpos_naive},
    {"pkgjson.shared_reader", shared_reader},
    {"pkgjson.lazy_path", lazy_path},
    {"pkgjson.locate_later_findings", locate_later_findings},
    {NULL, NULL},
};
