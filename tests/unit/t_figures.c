/*
 * t_figures.c - tests of the report's figures stored with the package
 * (model.h report.figures, facts.h): extracted once from a package
 * without them, exact figures of a small report, the Package JSON round
 * trip of the field, figures read back instead of extracted again (by
 * the checks too), and the loader's diagnostics for bad figures.
 */
#include "harness.h"

#include <stdlib.h>

#include "jixiao/check.h"
#include "jixiao/facts.h"
#include "jixiao/pkgjson.h"
#include "jixiao/score.h"

/* The small report: two sections, the second of two paragraphs. */
static const char SMALL[] =
    "{\"format\": \"jixiao-package\", \"version\": 1,\n"
    " \"unit\": {\"name\": \"U\"}, \"year\": 2024,\n"
    " \"report\": {\"title\": \"自评报告\", \"sections\": [\n"
    "  {\"no\": 1, \"title\": \"单位基本情况\", \"text\": "
    "\"本单位核定编制数20个，年末在职人数18名。\"},\n"
    "  {\"no\": 2, \"title\": \"预算执行\", \"text\": "
    "\"2024年基本支出预算数300.5万元，实际支出298.25万元；\\n\\n"
    "项目支出执行率90.5%。支出合计1,000元。\"}\n"
    " ]}}\n";

/* Load NUL-terminated text as "t.json" into a, diagnostics in d. */
static struct jx_package *load(struct jx_arena *a, struct jx_diags *d,
                               const char *text)
{
    return jx_pkgjson_load(a, "t.json", text, strlen(text), d);
}

/* Save p as Package JSON into a malloc'd string (the caller frees it). */
static char *save(const struct jx_package *p)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    if (jx_pkgjson_save(p, &b) < 0) {
        jx_test_fail(__FILE__, __LINE__, "save failed");
    }
    char *s = strdup(b.p ? b.p : "");
    jx_buf_release(&b);
    return s;
}

/* Check figure f: kind, label, value (in its unit), unit, section,
 * paragraph and scope bits. */
static void expect_fig(int at, const struct jx_fact *f, enum jx_fact_kind k,
                       const char *label, const char *value,
                       const char *unit, int section, int para,
                       uint32_t scopes)
{
    char buf[JX_NUM_BUFSZ];
    const char *v = "?";
    if (f->kind == JX_FACT_MONEY) {
        v = jx_money_format_exact(f->money, f->unit, buf);
    } else {
        struct jx_rat r = f->value;
        if (f->kind == JX_FACT_PERCENT) {
            jx_rat_mul(f->value, jx_rat_int(100), &r);
        }
        v = jx_rat_format_exact(r, false, buf);
    }
    if (f->kind != k || strcmp(f->label, label) != 0 || !v ||
        strcmp(v, value) != 0 || !f->unit_word ||
        strcmp(f->unit_word, unit) != 0 || f->section != section ||
        f->paragraph != para || f->scopes != scopes) {
        jx_test_fail(__FILE__, at,
                     "figure: expected %d %s %s%s §%d ¶%d {%x}, got %d %s "
                     "%s%s §%d ¶%d {%x}",
                     (int)k, label, value, unit, section, para,
                     (unsigned)scopes, (int)f->kind, f->label, v ? v : "?",
                     f->unit_word ? f->unit_word : "?", f->section,
                     f->paragraph, (unsigned)f->scopes);
    }
}
#define EXPECT_FIG(f, k, l, v, u, s, p, sc) \
    expect_fig(__LINE__, (f), (k), (l), (v), (u), (s), (p), (sc))

/* The figures of SMALL, whether extracted or read back. */
static void expect_small(int at, const struct jx_facts *fs)
{
    if (!fs || fs->n != 6) {
        jx_test_fail(__FILE__, at, "expected 6 figures, got %zu",
                     fs ? fs->n : 0);
        return;
    }
    const uint32_t staff = JX_SCOPE_STAFF;
    const uint32_t basic = JX_SCOPE_BASIC | JX_SCOPE_BUDGET |
                           JX_SCOPE_ACTUAL | JX_SCOPE_SPENDING;
    EXPECT_FIG(&fs->a[0], JX_FACT_HEADCOUNT, "本单位核定编制数", "20", "个",
               1, 1, staff);
    EXPECT_FIG(&fs->a[1], JX_FACT_HEADCOUNT, "年末在职人数", "18", "名", 1,
               1, staff);
    EXPECT_FIG(&fs->a[2], JX_FACT_MONEY, "基本支出预算数", "300.50", "万元",
               2, 1, basic);
    EXPECT_FIG(&fs->a[3], JX_FACT_MONEY, "实际支出", "298.25", "万元", 2, 1,
               basic);
    EXPECT_FIG(&fs->a[4], JX_FACT_PERCENT, "项目支出执行率", "90.5", "%", 2,
               2, JX_SCOPE_PROJECT | JX_SCOPE_ACTUAL | JX_SCOPE_SPENDING);
    EXPECT_FIG(&fs->a[5], JX_FACT_MONEY, "支出", "1000.00", "元", 2, 2,
               JX_SCOPE_SPENDING);
    CHECK_INT(fs->a[5].money.fen, 100000);
    CHECK_STR(jx_fact_measure(&fs->a[0]), "count");
    CHECK_STR(jx_fact_measure(&fs->a[2]), "budget");
    CHECK_STR(jx_fact_measure(&fs->a[3]), "executed");
    CHECK_STR(jx_fact_measure(&fs->a[4]), "rate");
    CHECK_INT(fs->a[5].unit, JX_YUAN);
    CHECK_STR(fs->a[5].text, "1,000元");
    CHECK_STR(fs->a[2].sentence,
              "2024年基本支出预算数300.5万元，实际支出298.25万元；");
    /* one sentence, one string: the checks compare pointers */
    CHECK(fs->a[0].sentence == fs->a[1].sentence);
    CHECK(fs->a[2].sentence == fs->a[3].sentence);
    CHECK(fs->a[3].sentence != fs->a[4].sentence);
    CHECK(fs->a[2].label_scopes ==
          (JX_SCOPE_BASIC | JX_SCOPE_BUDGET | JX_SCOPE_SPENDING));
}

/* A package saved without figures gets them from its text, once. */
static void extracted_once(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(a, &d, SMALL);
    CHECK_INT(d.n, 0);
    CHECK(p && p->report.figures);
    if (p && p->report.figures) {
        expect_small(__LINE__, p->report.figures);
        /* the package's own list, not a new extraction */
        CHECK(jx_package_facts(a, p) == p->report.figures);
        CHECK(jx_package_fill_figures(a, p) == p->report.figures);
    }
    /* no report: an empty list, nothing stored */
    struct jx_package *q = jx_package_new(a);
    CHECK_INT(jx_package_fill_figures(a, q)->n, 0);
    CHECK(q->report.figures == NULL);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Saved, the figures read back the same and save the same. */
static void json_round_trip(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(a, &d, SMALL);
    CHECK(p != NULL);
    if (!p) {
        jx_arena_free(a);
        return;
    }
    char *s1 = save(p);
    CHECK(strstr(s1, "\"figures\": [") != NULL);
    CHECK(strstr(s1, "\"kind\": \"percent\",\n        \"measure\": "
                     "\"rate\",\n        \"label\": "
                     "\"项目支出执行率\",\n        \"value\": \"90.5\",\n"
                     "        \"unit\": \"%\",") != NULL);
    CHECK(strstr(s1, "\"value\": \"300.50\",\n        \"unit\": \"万元\"") !=
          NULL);
    /* the text changed: the stored figures still win */
    char *s2text = strdup(s1);
    char *w = strstr(s2text, "300.5万元，实际");
    CHECK(w != NULL);
    if (w) {
        memcpy(w, "700", 3);
    }
    struct jx_package *q = load(a, &d, s2text);
    CHECK_INT(d.n, 0);
    CHECK(q && q->report.figures);
    if (q && q->report.figures) {
        expect_small(__LINE__, q->report.figures);
        char *s2 = save(q);
        w = strstr(s2, "700.5万元，实际");
        CHECK(w != NULL);
        if (w) {
            memcpy(w, "300", 3);
        }
        CHECK_STR(s2, s1);
        free(s2);
    }
    free(s2text);
    free(s1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A report whose text says nothing, with figures stated: the checks see
 * the package's figures (C204: 30 + 60 is not 100), and an empty list
 * keeps the text's figures out. */
static void checks_read_package(void)
{
    static const char fig[] =
        "{\"format\": \"jixiao-package\", \"version\": 1,\n"
        " \"unit\": {\"name\": \"U\"}, \"year\": 2024,\n"
        " \"report\": {\"sections\": [{\"no\": 2, \"text\": \"%s\"}],\n"
        "  \"figures\": [%s]}}\n";
    static const char sent[] =
        "支出合计100万元，其中基本支出30万元，项目支出60万元。";
    const char *figs[3] = {"支出合计", "基本支出", "项目支出"};
    const char *vals[3] = {"100", "30", "60"};
    struct jx_arena *a = jx_arena_new();
    struct jx_buf list;
    jx_buf_init(&list, 1u << 16);
    for (int i = 0; i < 3; i++) {
        jx_buf_addf(&list,
                    "%s{\"kind\": \"money\", \"label\": \"%s\", \"value\": "
                    "\"%s\", \"unit\": \"万元\", \"section\": 2, "
                    "\"sentence\": \"%s\"}",
                    i ? ", " : "", figs[i], vals[i], sent);
    }
    struct {
        const char *text, *figures;
        size_t c204;
    } cases[] = {
        {"", list.p, 1},  /* the figures stated: checked */
        {sent, "", 0},    /* an empty list: the text is not read */
        {sent, NULL, 1},  /* no list: extracted from the text */
    };
    for (size_t k = 0; k < 3; k++) {
        struct jx_diags d;
        jx_diags_init(&d, a);
        const char *t =
            cases[k].figures
                ? jx_sprintf(a, fig, cases[k].text, cases[k].figures)
                : jx_sprintf(a,
                             "{\"format\": \"jixiao-package\", \"version\": "
                             "1, \"unit\": {\"name\": \"U\"}, \"year\": "
                             "2024, \"report\": {\"sections\": [{\"no\": 2, "
                             "\"text\": \"%s\"}]}}",
                             cases[k].text);
        struct jx_package *p = load(a, &d, t);
        CHECK_INT(d.n, 0);
        CHECK(p != NULL);
        if (!p) {
            jx_diags_release(&d);
            continue;
        }
        CHECK_INT(jx_package_facts(a, p)->n, k == 1 ? 0 : 3);
        if (k == 1) {
            /* an empty list stays one: saved as [] */
            char *s = save(p);
            CHECK(strstr(s, "\"figures\": []") != NULL);
            free(s);
        }
        struct jx_policy pol;
        jx_policy_default(&pol);
        struct jx_check_config cfg;
        jx_check_config_default(&cfg);
        const struct jx_eval *ev = jx_score(a, p, &pol, &d);
        jx_check(a, p, ev, &cfg, &d);
        size_t n = 0;
        for (size_t i = 0; i < d.n; i++) {
            n += strcmp(d.a[i].code, "C204") == 0;
        }
        if (n != cases[k].c204) {
            jx_test_fail(__FILE__, __LINE__, "case %zu: %zu C204, want %zu",
                         k, n, cases[k].c204);
        }
        jx_diags_release(&d);
    }
    jx_buf_release(&list);
    jx_arena_free(a);
}

/* Bad figures are reported at their place and left out. */
static void bad_figures(void)
{
    static const struct {
        const char *fig;
        const char *code;
        const char *path;
    } cases[] = {
        {"{\"kind\": \"money\", \"value\": \"12\", \"unit\": \"%\"}", "J114",
         "/report/figures/0/unit"},
        {"{\"kind\": \"money\", \"value\": \"12.3.4\", \"unit\": \"元\"}",
         "J105", "/report/figures/0/value"},
        {"{\"kind\": \"money\", \"unit\": \"元\"}", "J104",
         "/report/figures/0"},
        {"{\"kind\": \"headcount\", \"value\": \"2.5\", \"unit\": \"人\"}",
         "J108", "/report/figures/0/value"},
        {"{\"kind\": \"percent\", \"value\": 12, \"unit\": \"%\"}", "J106",
         "/report/figures/0/value"},
        {"{\"kind\": \"points\", \"value\": \"1\", \"unit\": \"人\"}", "J110",
         "/report/figures/0/kind"},
        {"{\"kind\": \"count\", \"value\": \"1\", \"unit\": \"人\"}", "J114",
         "/report/figures/0/unit"},
        {"{\"kind\": \"count\", \"value\": \"2.5\", \"unit\": \"项\"}", "J108",
         "/report/figures/0/value"},
        {"{\"kind\": \"score\", \"value\": \"97\", \"unit\": \"个\"}", "J114",
         "/report/figures/0/unit"},
        {"{\"kind\": \"money\", \"value\": \"1\", \"unit\": \"元\", "
         "\"scope\": [\"预算\", \"财政\"]}",
         "J110", "/report/figures/0/scope/1"},
        {"{\"kind\": \"money\", \"value\": \"1\", \"unit\": \"元\", "
         "\"section\": 11}",
         "J113", "/report/figures/0/section"},
        {"{\"kind\": \"money\", \"value\": \"1\", \"unit\": \"元\", "
         "\"where\": 1}",
         "J101", "/report/figures/0/where"},
        {"{\"kind\": \"money\", \"measure\": \"spent\", \"value\": \"1\", "
         "\"unit\": \"元\"}",
         "J110", "/report/figures/0/measure"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        struct jx_arena *a = jx_arena_new();
        struct jx_diags d;
        jx_diags_init(&d, a);
        const char *t = jx_sprintf(
            a,
            "{\"format\": \"jixiao-package\", \"version\": 1, \"unit\": "
            "{\"name\": \"U\"}, \"year\": 2024, \"report\": {\"figures\": "
            "[%s]}}",
            cases[k].fig);
        struct jx_package *p = load(a, &d, t);
        bool ok = d.n == 1 && strcmp(d.a[0].code, cases[k].code) == 0 &&
                  d.a[0].loc.path &&
                  strcmp(d.a[0].loc.path, cases[k].path) == 0;
        if (!ok) {
            jx_test_fail(__FILE__, __LINE__,
                         "case %zu: expected one %s at %s, got %zu (%s %s)",
                         k, cases[k].code, cases[k].path, d.n,
                         d.n ? d.a[0].code : "-",
                         d.n && d.a[0].loc.path ? d.a[0].loc.path : "-");
        }
        CHECK(p && p->report.figures);
        if (p && p->report.figures) {
            /* a figure with only a bad scope word or place is kept */
            CHECK_INT(p->report.figures->n, k >= 9 ? 1 : 0);
        }
        jx_diags_release(&d);
        jx_arena_free(a);
    }
}

/* A figure given with its required keys only gets its text and a
 * sentence of its own; percent values are per cent. */
static void minimal_figure(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(
        a, &d,
        "{\"format\": \"jixiao-package\", \"version\": 1, \"unit\": "
        "{\"name\": \"U\"}, \"year\": 2024, \"report\": {\"figures\": "
        "[{\"kind\": \"money\", \"label\": \"支出\", \"value\": \"5\", "
        "\"unit\": \"元\"}, {\"kind\": \"percent\", \"value\": "
        "\"12.5\", \"unit\": \"%\"}]}}");
    CHECK_INT(d.n, 0);
    CHECK(p && p->report.figures && p->report.figures->n == 2);
    if (p && p->report.figures && p->report.figures->n == 2) {
        const struct jx_fact *f = p->report.figures->a;
        CHECK_STR(f[0].text, "5.00元");
        CHECK_STR(f[0].sentence, "支出5.00元");
        CHECK_INT(f[0].money.fen, 500);
        CHECK_STR(f[1].label, "");
        CHECK_STR(f[1].text, "12.5%");
        CHECK(f[1].value.num == 1 && f[1].value.den == 8);
        CHECK(f[0].sentence != f[1].sentence);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* 万 alone is 万元 only ending a phrase about money. */
static void wan_alone(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_facts f;
    memset(&f, 0, sizeof f);
    const char *t = "安排资金19204.096万。服务人口5万，种植1.2万亩，"
                    "项目经费3万元。";
    jx_text_facts(a, t, strlen(t), NULL, 1, &f);
    CHECK_INT(f.n, 2);
    if (f.n == 2) {
        EXPECT_FIG(&f.a[0], JX_FACT_MONEY, "安排资金", "19204.096", "万元", 1,
                   1, 0);
        CHECK_INT(f.a[0].money.fen, 19204096000);
        CHECK_STR(f.a[0].text, "19204.096万");
        EXPECT_FIG(&f.a[1], JX_FACT_MONEY, "项目经费", "3.00", "万元", 1, 1,
                   0);
    }
    jx_arena_free(a);
}

const struct jx_test t_figures[] = {
    {"figures.wan_alone", wan_alone},
    {"figures.minimal_figure", minimal_figure},
    {"figures.extracted_once", extracted_once},
    {"figures.json_round_trip", json_round_trip},
    {"figures.checks_read_package", checks_read_package},
    {"figures.bad_figures", bad_figures},
    {NULL, NULL},
};
