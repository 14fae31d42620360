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

/* A label starts after the last delimiter before its figure, each of
 * ，,、：:；;（(）)“”。 and a line end; without one, at the sentence's
 * start. */
static void label_delimiters(void)
{
    static const char *const delims[] = {"，", ",", "、", "：", ":", "；",
                                         ";", "（", "(", "）", ")", "“",
                                         "”", "。", "\n"};
    for (size_t k = 0; k < sizeof delims / sizeof delims[0]; k++) {
        struct jx_arena *a = jx_arena_new();
        struct jx_facts f;
        memset(&f, 0, sizeof f);
        const char *t = jx_sprintf(a, "甲项目%s乙项目经费3万元", delims[k]);
        jx_text_facts(a, t, strlen(t), NULL, 1, &f);
        CHECK_INT(f.n, 1);
        if (f.n == 1) {
            CHECK_STR(f.a[0].label, "乙项目经费");
        }
        jx_arena_free(a);
    }
    /* blanks in a label are dropped: space, tab, U+3000 and U+00A0 */
    {
        struct jx_arena *b = jx_arena_new();
        struct jx_facts g;
        memset(&g, 0, sizeof g);
        const char *u = "甲项目，乙\xe3\x80\x80项 目\t经\xc2\xa0费3万元";
        jx_text_facts(b, u, strlen(u), NULL, 1, &g);
        CHECK_INT(g.n, 1);
        if (g.n == 1) {
            CHECK_STR(g.a[0].label, "乙项目经费");
        }
        jx_arena_free(b);
    }
    /* no delimiter at all: the label runs from the sentence's start */
    struct jx_arena *a = jx_arena_new();
    struct jx_facts f;
    memset(&f, 0, sizeof f);
    const char *t = "丁戊项目支出经费3万元";
    jx_text_facts(a, t, strlen(t), NULL, 1, &f);
    CHECK_INT(f.n, 1);
    if (f.n == 1) {
        CHECK_STR(f.a[0].label, "丁戊项目支出经费");
    }
    jx_arena_free(a);
}

/* Counts of things with their noun, never from dates, document numbers,
 * phone numbers, list numbers, ordinals or percentages; a count inside
 * a money figure's phrase does not change the money's label. */
static void counts(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_facts f;
    memset(&f, 0, sizeof f);
    const char *t =
        "本局下设6个二级单位，内设九个科室，直属事业单位4个，"
        "全年实施项目共23个（含续建项目7个）。\n"
        "年初安排11个项目640万元，两个项目未启动。\n"
        "依据青财〔2023〕15号文件，2023年12月31日前完成，"
        "电话0731-5551234，第3个项目延期，增长2个百分点，执行率96%，"
        "3.项目管理情况，三个层级规范部门管理。\n"
        "本单位编制数12个，在职9人，共有3个月未支付。";
    jx_text_facts(a, t, strlen(t), NULL, 1, &f);
    CHECK_INT(f.n, 11);
    if (f.n == 11) {
        EXPECT_FIG(&f.a[0], JX_FACT_COUNT, "本局下设", "6", "个", 1, 1, 0);
        CHECK_STR(f.a[0].counted, "二级单位");
        CHECK_STR(f.a[0].text, "6个");
        EXPECT_FIG(&f.a[1], JX_FACT_COUNT, "内设", "9", "个", 1, 1, 0);
        CHECK_STR(f.a[1].counted, "科室");
        CHECK_STR(f.a[1].text, "九个");
        EXPECT_FIG(&f.a[2], JX_FACT_COUNT, "直属事业单位", "4", "个", 1, 1, 0);
        CHECK_STR(f.a[2].counted, "事业单位");
        EXPECT_FIG(&f.a[3], JX_FACT_COUNT, "全年实施项目", "23", "个", 1, 1,
                   0);
        CHECK_STR(f.a[3].counted, "项目");
        EXPECT_FIG(&f.a[4], JX_FACT_COUNT, "含续建项目", "7", "个", 1, 1, 0);
        EXPECT_FIG(&f.a[5], JX_FACT_COUNT, "年初安排", "11", "个", 1, 2, 0);
        /* the money after the count: its label as before, measured as a
         * budget */
        EXPECT_FIG(&f.a[6], JX_FACT_MONEY, "年初安排11个项目", "640.00",
                   "万元", 1, 2, 0);
        CHECK_STR(jx_fact_measure(&f.a[6]), "budget");
        EXPECT_FIG(&f.a[7], JX_FACT_COUNT, "", "2", "个", 1, 2, 0);
        CHECK_STR(f.a[7].text, "两个");
        CHECK_STR(f.a[7].counted, "项目");
        EXPECT_FIG(&f.a[8], JX_FACT_PERCENT, "执行率", "96", "%", 1, 3,
                   JX_SCOPE_ACTUAL);
        /* 编制数 is people: a headcount, as before */
        EXPECT_FIG(&f.a[9], JX_FACT_HEADCOUNT, "本单位编制数", "12", "个", 1,
                   4, JX_SCOPE_STAFF);
        EXPECT_FIG(&f.a[10], JX_FACT_HEADCOUNT, "在职", "9", "人", 1, 4,
                   JX_SCOPE_STAFF);
    }
    CHECK_STR(jx_fact_kind_name(JX_FACT_COUNT), "count");
    CHECK_STR(jx_fact_measure(&f.a[0]), "count");
    CHECK(jx_fact_unit_fits(JX_FACT_COUNT, "个"));
    CHECK(jx_fact_unit_fits(JX_FACT_HEADCOUNT, "个"));
    CHECK(!jx_fact_unit_fits(JX_FACT_COUNT, "人"));
    CHECK(!jx_fact_unit_fits(JX_FACT_HEADCOUNT, "项"));
    jx_arena_free(a);
}

/* Scores after 得分/评分/总分; not 满分, 分值, minutes or 分别. */
static void scores(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_facts f;
    memset(&f, 0, sizeof f);
    const char *t = "经评价，综合评分为93分，自评得分 88.5 分（满分100分）。"
                    "产出指标分值40分，会议持续30分钟，得分3分别计入。";
    jx_text_facts(a, t, strlen(t), NULL, 1, &f);
    CHECK_INT(f.n, 2);
    if (f.n == 2) {
        EXPECT_FIG(&f.a[0], JX_FACT_SCORE, "综合评分", "93", "分", 1, 1, 0);
        EXPECT_FIG(&f.a[1], JX_FACT_SCORE, "自评得分", "88.5", "分", 1, 1, 0);
        CHECK_STR(f.a[1].text, "88.5 分");
        CHECK_STR(jx_fact_measure(&f.a[1]), "score");
    }
    jx_arena_free(a);
}

/* A percentage with OCR confusables: read (how ocr) when the amounts of
 * its paragraph give it, else refused; a confusable glued to a word is
 * no figure. */
static void ocr_percent_confirmed(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_facts f;
    memset(&f, 0, sizeof f);
    const char *t = "项目到位资金80万元，实际支出60万元，完成预算的75.OO%。\n"
                    "另一项资金执行率为9I%。\n"
                    "型号ABCIO0%不计。";
    jx_text_facts(a, t, strlen(t), NULL, 1, &f);
    CHECK_INT(f.n, 3);
    if (f.n == 3) {
        EXPECT_FIG(&f.a[2], JX_FACT_PERCENT, "完成预算的", "75", "%", 1, 1,
                   JX_SCOPE_BUDGET | JX_SCOPE_ACTUAL | JX_SCOPE_SPENDING);
        CHECK_STR(f.a[2].text, "75.OO%");
        CHECK_INT(f.a[2].prov.how, JX_HOW_OCR);
        CHECK_STR(f.a[2].prov.raw, "75.OO%");
    }
    CHECK_INT(f.nrefused, 1);
    if (f.nrefused == 1) {
        CHECK_STR(f.refused[0].text, "9I%");
        CHECK_STR(f.refused[0].label, "另一项资金执行率");
        CHECK_INT(f.refused[0].paragraph, 2);
    }
    /* the amounts give 75%, not 76%: refused */
    struct jx_facts g;
    memset(&g, 0, sizeof g);
    const char *u = "预算资金80万元，实际支出60万元，执行率7G%，执行率76.O%。";
    jx_text_facts(a, u, strlen(u), NULL, 1, &g);
    CHECK_INT(g.n, 2);
    CHECK_INT(g.nrefused, 1);
    if (g.nrefused == 1) {
        CHECK_STR(g.refused[0].text, "76.O%");
    }
    /* the measured list the checks see drops counts and scores */
    struct jx_facts h;
    memset(&h, 0, sizeof h);
    const char *v = "下设3个科室，经费20万元，综合评分95分。";
    jx_text_facts(a, v, strlen(v), NULL, 1, &h);
    CHECK_INT(h.n, 3);
    const struct jx_facts *m = jx_facts_measured(a, &h);
    CHECK_INT(m->n, 1);
    CHECK_INT(m->a[0].kind, JX_FACT_MONEY);
    CHECK(jx_facts_measured(a, m) == m);
    jx_arena_free(a);
}

/* Counts and scores survive the Package JSON round trip with their
 * noun. */
static void count_round_trip(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *t =
        "{\"format\": \"jixiao-package\", \"version\": 1, \"unit\": "
        "{\"name\": \"U\"}, \"year\": 2024, \"report\": {\"figures\": ["
        "{\"kind\": \"count\", \"label\": \"下设\", \"value\": \"5\", "
        "\"unit\": \"家\", \"counted\": \"企业\"},"
        "{\"kind\": \"score\", \"value\": \"91.5\", \"unit\": \"分\"}]}}";
    struct jx_package *p = load(a, &d, t);
    CHECK_INT(d.n, 0);
    CHECK(p && p->report.figures && p->report.figures->n == 2);
    if (p && p->report.figures && p->report.figures->n == 2) {
        const struct jx_fact *c = &p->report.figures->a[0];
        CHECK_INT(c->kind, JX_FACT_COUNT);
        CHECK_INT(c->value.num, 5);
        CHECK_STR(c->counted, "企业");
        CHECK_STR(c->unit_word, "家");
        CHECK_INT(p->report.figures->a[1].kind, JX_FACT_SCORE);
        char *s = save(p);
        CHECK(strstr(s, "\"counted\": \"企业\"") != NULL);
        CHECK(strstr(s, "\"value\": \"91.5\"") != NULL);
        CHECK(strstr(s, "\"measure\": \"score\"") != NULL);
        free(s);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Scope words are found wherever they stand, across blanks (also
 * U+3000), several in one text and the same word twice; a word cut by
 * another character is not one. */
static void scope_words(void)
{
    struct jx_arena *a = jx_arena_new();
    CHECK_INT(jx_scope_bits(a, "一般 公共预算支出"),
              JX_SCOPE_GENERAL_BUDGET | JX_SCOPE_BUDGET | JX_SCOPE_SPENDING);
    CHECK_INT(jx_scope_bits(a, "商品和\xE3\x80\x80服务支出"),
              JX_SCOPE_PUBLIC | JX_SCOPE_SPENDING);
    CHECK_INT(jx_scope_bits(a, "三公经费，三公"), JX_SCOPE_THREE_PUBLIC);
    CHECK_INT(jx_scope_bits(a, "在职人员经费"),
              JX_SCOPE_STAFF | JX_SCOPE_PERSONNEL);
    CHECK_INT(jx_scope_bits(a, "年初的预算"), JX_SCOPE_BUDGET);
    CHECK_INT(jx_scope_bits(a, "人员、经费"), 0);
    CHECK_INT(jx_scope_bits(a, "abc 123"), 0);
    CHECK_INT(jx_scope_bits(a, ""), 0);
    jx_arena_free(a);
}

const struct jx_test t_figures[] = {
    {"figures.scope_words", scope_words},
    {"figures.counts", counts},
    {"figures.label_delimiters", label_delimiters},
    {"figures.scores", scores},
    {"figures.ocr_percent", ocr_percent_confirmed},
    {"figures.count_round_trip", count_round_trip},
    {"figures.wan_alone", wan_alone},
    {"figures.minimal_figure", minimal_figure},
    {"figures.extracted_once", extracted_once},
    {"figures.json_round_trip", json_round_trip},
    {"figures.checks_read_package", checks_read_package},
    {"figures.bad_figures", bad_figures},
    {NULL, NULL},
};
