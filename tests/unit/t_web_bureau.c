/*
 * t_web_bureau.c - the bureau's pages and the unit's downloads (issue
 * 14, round 3b) through jx_web_handle on a scratch SQLite workspace of
 * three units (two 主管部门, two 区域), all 已审核: the overview's filters,
 * 抽查 with a fixed seed (the same units as jx_wf_sample_draw, which
 * `jixiao sample` uses), 复核 shown in its column beside 自评分 and 考核分,
 * the 考核评分表 with its SVG charts, the ranking with last year, the
 * export CSV equal byte for byte to the library's builder (`jixiao
 * export`'s), and the downloads (workbook and DOCX start "PK", PDF
 * "%PDF", Content-Disposition with the unit's name), and who may not.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/export.h"
#include "jixiao/store.h"
#include "jixiao/web.h"
#include "jixiao/workflow.h"
#include "jixiao/wsflow.h"

/* The scratch workspace. */
struct bfix {
    char dir[256];
    struct jx_store *s;
    struct jx_diags d;
    struct jx_arena *a;
    struct jx_web_app *app;
    char *pkg;
    size_t len;
};

/* The clock of the cases (2025-09-20T00:00:00Z). */
#define T0 1758326400

/* Run one SQL statement. */
static void bsql(struct bfix *f, const char *q)
{
    if (jx_store_exec(f->s, q) != 0) {
        jx_test_fail(__FILE__, __LINE__, "SQL failed: %s", q);
    }
}

/* 送审 of unit for year by filler, then 受理 and 通过 by rv. */
static void approved(struct bfix *f, const char *unit, int year,
                     const char *filler)
{
    struct jx_ws_file file = {"u.json", f->pkg, f->len};
    struct jx_ws_who who = {.user = filler, .now = T0 - 86400};
    struct jx_ws_done done;
    CHECK_INT(jx_ws_submit(f->s, unit, year, &file, 1, f->pkg, NULL, &who,
                           &done, &f->d),
              0);
    struct jx_ws_who rv = {.user = "rv", .now = T0 - 3600};
    CHECK_INT(jx_ws_act(f->s, unit, year, JX_WF_TAKE, NULL, &rv, &done, &f->d),
              0);
    CHECK_INT(jx_ws_act(f->s, unit, year, JX_WF_APPROVE, NULL, &rv, &done,
                        &f->d),
              0);
}

/* Make the workspace: year 2024, three units, users, all 已审核. */
static bool bfix_open(struct bfix *f)
{
    memset(f, 0, sizeof *f);
    const char *t = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/jx-webb.XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(f->dir)) {
        jx_test_fail(__FILE__, __LINE__, "mkdtemp failed");
        return false;
    }
    f->a = jx_arena_new();
    jx_diags_init(&f->d, f->a);
    char ws[300];
    snprintf(ws, sizeof ws, "%s/ws", f->dir);
    CHECK_INT(jx_workspace_init(ws, NULL, &f->d), 0);
    f->s = jx_store_open(ws, NULL, &f->d);
    if (!f->s) {
        jx_test_fail(__FILE__, __LINE__, "store did not open");
        return false;
    }
    bsql(f, "INSERT INTO years (year, framework, submit_by, publish_by)"
            " VALUES (2024, 'yueyang-louqu-2025', '2025-09-26', '2025-10-10')");
    bsql(f, "INSERT INTO units (code, name, supervisor, region) VALUES"
            " ('701001', '甲单位', '东湖区教育局', '东湖区'),"
            " ('701002', '乙单位', '东湖区教育局', '西山区'),"
            " ('701003', '丙单位', '西山区卫健局', '西山区')");
    bsql(f, "INSERT INTO users (name, role, unit) VALUES"
            " ('fa', 'filler', '701001'), ('fb', 'filler', '701002'),"
            " ('fc', 'filler', '701003')");
    bsql(f, "INSERT INTO users (name, role) VALUES ('rv', 'reviewer')");
    static const char *const names[] = {"fa", "fb", "fc", "rv"};
    for (size_t i = 0; i < 4; i++) {
        CHECK_INT(jx_web_password_set(f->s, names[i], "pass-word-1", &f->d), 0);
    }
    char path[600];
    snprintf(path, sizeof path, "%s/tests/data/flow_unit_2024.json",
             jx_test_srcdir);
    CHECK_INT(jx_read_file(path, 1u << 24, &f->pkg, &f->len), 0);
    if (!f->pkg) {
        return false;
    }
    approved(f, "701001", 2024, "fa");
    approved(f, "701002", 2024, "fb");
    approved(f, "701003", 2024, "fc");
    struct jx_web_config cfg = {.page_size = 0};
    f->app = jx_web_app_new(&cfg);
    jx_web_app_set_clock(f->app, T0);
    return f->app != NULL;
}

/* Close and remove the workspace. */
static void bfix_close(struct bfix *f)
{
    jx_web_app_free(f->app);
    jx_store_close(f->s);
    jx_diags_release(&f->d);
    jx_arena_free(f->a);
    free(f->pkg);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot remove %s", f->dir);
    }
}

/* Answer one request (response in f->a). */
static struct jx_web_response *breq(struct bfix *f, const char *method,
                                    const char *path, const char *query,
                                    const char *cookie, const char *body)
{
    struct jx_web_request rq = {.method = method, .path = path,
                                .query = query, .cookie = cookie,
                                .host = "localhost:8080",
                                .client = "192.0.2.9", .body = body,
                                .body_len = body ? strlen(body) : 0};
    struct jx_web_response *r = jx_alloc(f->a, sizeof *r);
    jx_web_response_init(r, f->a);
    CHECK_INT(jx_web_handle(f->app, f->s, &rq, r), 0);
    return r;
}

/* The body of r as a string. */
static const char *bbody(struct bfix *f, const struct jx_web_response *r)
{
    return jx_strndup(f->a, r->body, r->body_len);
}

/* The value of the first hidden csrf field of a page, or NULL. */
static const char *bcsrf(struct bfix *f, const char *page)
{
    const char *p = strstr(page, "name=\"csrf\" value=\"");
    if (!p) {
        return NULL;
    }
    p += strlen("name=\"csrf\" value=\"");
    return jx_strndup(f->a, p, strcspn(p, "\""));
}

/* "name=value" of the first Set-Cookie header of r, or NULL. */
static const char *bcookie(struct bfix *f, const struct jx_web_response *r)
{
    const char *sc = jx_web_response_header(r, "Set-Cookie");
    return sc ? jx_strndup(f->a, sc, strcspn(sc, ";")) : NULL;
}

/* Sign in as name: the session cookie, or NULL. */
static const char *bsession(struct bfix *f, const char *name)
{
    struct jx_web_response *g = breq(f, "GET", "/signin", NULL, NULL, NULL);
    const char *pre = bcookie(f, g);
    const char *tok = bcsrf(f, bbody(f, g));
    struct jx_web_response *r = breq(
        f, "POST", "/signin", NULL, pre,
        jx_sprintf(f->a, "csrf=%s&name=%s&password=pass-word-1", tok, name));
    return r->status == 303 ? bcookie(f, r) : NULL;
}

/* The session's CSRF token (from the sign-out form on /). */
static const char *btoken(struct bfix *f, const char *cookie)
{
    return bcsrf(f, bbody(f, breq(f, "GET", "/", NULL, cookie, NULL)));
}

/* How many times needle occurs in hay. */
static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
        n++;
    }
    return n;
}

/* The 自评分 as the pages show it: recomputed, else stated, else "—". */
static const char *self_of(const struct jx_ws_unit_status *u)
{
    return u->self_value ? u->self_value : u->self_stated ? u->self_stated : "—";
}

/* The overview's filters: each keeps what it says, combined with sort. */
static void t_filters(void)
{
    struct bfix f;
    if (!bfix_open(&f)) {
        return;
    }
    const char *rv = bsession(&f, "rv");
    const char *page =
        bbody(&f, breq(&f, "GET", "/year/2024", "sort=code", rv, NULL));
    CHECK_INT((int)count_of(page, "<td><a href=\"/unit/"), 3);
    CHECK(strstr(page, "符合条件的单位 3 个。") != NULL);
    CHECK(strstr(page, "<option value=\"东湖区教育局\">东湖区教育局</option>") !=
          NULL);
    /* 区域 东湖区 keeps 1 of 3 */
    page = bbody(&f, breq(&f, "GET", "/year/2024",
                          "sort=code&region=%E4%B8%9C%E6%B9%96%E5%8C%BA", rv,
                          NULL));
    CHECK_INT((int)count_of(page, "<td><a href=\"/unit/"), 1);
    CHECK(strstr(page, "<td>701001</td>") != NULL);
    CHECK(strstr(page, "符合条件的单位 1 个。") != NULL);
    CHECK(strstr(page, "<option value=\"东湖区\" selected>") != NULL);
    /* the sort links keep the filter */
    CHECK(strstr(page, "href=\"/year/2024?sort=name&amp;region="
                       "%E4%B8%9C%E6%B9%96%E5%8C%BA\"") != NULL);
    /* 主管部门 东湖区教育局: 2 of 3, sorted by code */
    page = bbody(&f, breq(&f, "GET", "/year/2024",
                          "sort=code&supervisor=%E4%B8%9C%E6%B9%96%E5%8C%BA%E6"
                          "%95%99%E8%82%B2%E5%B1%80",
                          rv, NULL));
    CHECK_INT((int)count_of(page, "<td><a href=\"/unit/"), 2);
    const char *a1 = strstr(page, "<td>701001</td>");
    const char *a2 = strstr(page, "<td>701002</td>");
    CHECK(a1 && a2 && a1 < a2 && strstr(page, "<td>701003</td>") == NULL);
    /* state: all 已审核; none 已送审 */
    page = bbody(&f, breq(&f, "GET", "/year/2024", "state=approved", rv, NULL));
    CHECK_INT((int)count_of(page, "<td><a href=\"/unit/"), 3);
    page = bbody(&f, breq(&f, "GET", "/year/2024", "state=submitted", rv, NULL));
    CHECK_INT((int)count_of(page, "<td><a href=\"/unit/"), 0);
    /* nobody late (sent the day before the deadline) */
    page = bbody(&f, breq(&f, "GET", "/year/2024", "late=1", rv, NULL));
    CHECK_INT((int)count_of(page, "<td><a href=\"/unit/"), 0);
    CHECK(strstr(page, "name=\"late\" value=\"1\" checked") != NULL);
    bfix_close(&f);
}

/* 抽查 with a fixed seed: the units jx_wf_sample_draw gives (what
 * `jixiao sample --seed` records); 复核 of one drawn unit, shown beside
 * 自评分 and 考核分; refusals. */
static void t_sample_recheck(void)
{
    struct bfix f;
    if (!bfix_open(&f)) {
        return;
    }
    const char *rv = bsession(&f, "rv");
    const char *tk = btoken(&f, rv);
    /* CSRF first */
    CHECK_INT(breq(&f, "POST", "/year/2024/sample", NULL, rv,
                   "csrf=00&count=2&seed=20240917")->status,
              403);
    CHECK_INT(breq(&f, "POST", "/year/2024/sample", NULL, rv,
                   jx_sprintf(f.a, "csrf=%s&count=x", tk))->status,
              400);
    struct jx_web_response *r =
        breq(&f, "POST", "/year/2024/sample", NULL, rv,
             jx_sprintf(f.a, "csrf=%s&count=2&seed=20240917", tk));
    CHECK_INT(r->status, 200);
    const char *page = bbody(&f, r);
    CHECK(strstr(page, "从 3 个单位中抽出 2 个（规则 count=2），种子 "
                       "<strong class=\"seed\">20240917</strong>") != NULL);
    static const char *const codes[] = {"701001", "701002", "701003"};
    struct jx_wf_sample want;
    jx_wf_sample_draw(f.a, codes, 3, 2, 20240917u, &want);
    CHECK_INT((int)want.k, 2);
    const char *expect =
        jx_sprintf(f.a, "<ol class=\"sample\"><li><a href=\"/unit/%s/2024\">%s"
                        "</a> ",
                   want.codes[0], want.codes[0]);
    CHECK(strstr(page, expect) != NULL);
    const char *second = jx_sprintf(f.a, "<li><a href=\"/unit/%s/2024\">%s</a>",
                                    want.codes[1], want.codes[1]);
    CHECK(strstr(page, second) != NULL && strstr(page, second) >
                                                  strstr(page, expect));
    /* the audit has the rows; the one left is not sampled */
    const char *left = NULL;
    for (size_t i = 0; i < 3; i++) {
        if (strcmp(codes[i], want.codes[0]) && strcmp(codes[i], want.codes[1])) {
            left = codes[i];
        }
    }
    /* a share: the one unit left (eligible: not sampled before) */
    r = breq(&f, "POST", "/year/2024/sample", NULL, rv,
             jx_sprintf(f.a, "csrf=%s&share=100&seed=7", tk));
    CHECK_INT(r->status, 200);
    CHECK(strstr(bbody(&f, r), jx_sprintf(f.a, "从 1 个单位中抽出 1 个（规则 "
                                               "share=100%%）")) != NULL);
    CHECK(left && strstr(bbody(&f, r), left) != NULL);
    /* nothing left: refused with the reason and the seed */
    r = breq(&f, "POST", "/year/2024/sample", NULL, rv,
             jx_sprintf(f.a, "csrf=%s&count=1&seed=9", tk));
    CHECK_INT(r->status, 403);
    CHECK(strstr(bbody(&f, r), "种子 9，工作区未作改动") != NULL);
    /* 复核 of the first drawn unit */
    const char *unit = want.codes[0];
    const char *upath = jx_sprintf(f.a, "/unit/%s/2024", unit);
    page = bbody(&f, breq(&f, "GET", upath, NULL, rv, NULL));
    CHECK(strstr(page, "<th>自评分</th><th>考核分</th><th>复核分</th>") != NULL);
    CHECK(strstr(page, jx_sprintf(f.a, "action=\"/unit/%s/2024/recheck\"",
                                  unit)) != NULL);
    CHECK_INT(breq(&f, "POST", jx_sprintf(f.a, "%s/recheck", upath), NULL, rv,
                   jx_sprintf(f.a, "csrf=%s&score=abc", tk))->status,
              400);
    CHECK_INT(breq(&f, "POST", jx_sprintf(f.a, "%s/recheck", upath), NULL, rv,
                   jx_sprintf(f.a, "csrf=%s&score=500", tk))->status,
              403);
    r = breq(&f, "POST", jx_sprintf(f.a, "%s/recheck", upath), NULL, rv,
             jx_sprintf(f.a, "csrf=%s&score=88.5&note=%%E6%%A0%%B8%%E5%%AE%%9E",
                        tk));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), upath);
    /* shown in its column, 自评分 and 考核分 unchanged */
    struct jx_ws_status st;
    CHECK_INT(jx_ws_status(f.a, f.s, 2024, NULL, NULL, &st, &f.d), 0);
    const struct jx_ws_unit_status *u = NULL;
    for (size_t i = 0; i < st.n; i++) {
        if (strcmp(st.units[i].code, unit) == 0) {
            u = &st.units[i];
        }
    }
    CHECK(u && u->review && u->assess_total);
    if (u && u->review && u->assess_total) {
        CHECK_STR(u->review, "88.5");
        page = bbody(&f, breq(&f, "GET", upath, NULL, rv, NULL));
        CHECK(strstr(page, jx_sprintf(f.a,
                                      "<td class=\"num\">%s</td><td class=\"num\">"
                                      "%s</td><td class=\"num\">88.5</td>"
                                      "<td>已抽中</td>",
                                      self_of(u), u->assess_total)) != NULL);
        CHECK(strstr(page, "核实") != NULL);
        CHECK(strstr(page, "/recheck\"") == NULL); /* no second form */
        page = bbody(&f, breq(&f, "GET", "/year/2024", "sort=code", rv, NULL));
        CHECK(strstr(page, jx_sprintf(f.a,
                                      "<td class=\"num\">%s</td><td class=\"num\">"
                                      "%s</td><td class=\"num\">88.5</td></tr>",
                                      self_of(u), u->assess_total)) != NULL);
    }
    /* a second 复核 is refused */
    CHECK_INT(breq(&f, "POST", jx_sprintf(f.a, "%s/recheck", upath), NULL, rv,
                   jx_sprintf(f.a, "csrf=%s&score=80", tk))->status,
              403);
    /* a filler may not: 403 on the bureau's routes, 404 on another unit */
    const char *fa = bsession(&f, "fa");
    CHECK_INT(breq(&f, "POST", "/year/2024/sample", NULL, fa,
                   jx_sprintf(f.a, "csrf=%s&count=1", btoken(&f, fa)))->status,
              403);
    CHECK_INT(breq(&f, "GET", "/year/2024/ranking", NULL, fa, NULL)->status,
              403);
    CHECK_INT(breq(&f, "GET", "/unit/701002/2024/report.pdf", NULL, fa, NULL)
                  ->status,
              404);
    CHECK_INT(breq(&f, "GET", "/unit/701002/2024/workbook.xlsx", NULL, fa,
                   NULL)->status,
              404);
    r = breq(&f, "GET", "/year/2024/export.csv", NULL, NULL, NULL);
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/signin");
    bfix_close(&f);
}

/* The 考核评分表 with its charts, the ranking with last year, the export
 * and the downloads. */
static void t_pages_downloads(void)
{
    struct bfix f;
    if (!bfix_open(&f)) {
        return;
    }
    const char *rv = bsession(&f, "rv");
    struct jx_ws_status st;
    CHECK_INT(jx_ws_status(f.a, f.s, 2024, NULL, NULL, &st, &f.d), 0);
    CHECK(st.n == 3 && st.units[0].assess_total != NULL);
    if (st.n != 3 || !st.units[0].assess_total) {
        bfix_close(&f);
        return;
    }
    /* 考核评分表: one row per unit, the items' columns, two SVG charts */
    struct jx_web_response *r =
        breq(&f, "GET", "/year/2024/assessment", NULL, rv, NULL);
    CHECK_INT(r->status, 200);
    const char *page = bbody(&f, r);
    CHECK_INT((int)count_of(page, "<svg xmlns=\"http://www.w3.org/2000/svg\""), 2);
    CHECK(strstr(page, "<script") == NULL);
    CHECK(strstr(page, "aria-label=\"考核分分布\"") != NULL);
    CHECK(strstr(page, "<text x=\"0\" y=\"181\" font-size=\"13\">已审核</text>"
                       "<rect x=\"120\" y=\"166\" width=\"300\"") != NULL);
    /* the provisional totals (judgements pending) fall in 60–80 */
    CHECK(strstr(page, "<text x=\"0\" y=\"97\" font-size=\"13\">60–80 分</text>"
                       "<rect x=\"120\" y=\"82\" width=\"300\"") != NULL);
    size_t nitems = st.units[0].assessment->nitems;
    CHECK(nitems > 0);
    CHECK_INT((int)count_of(page, "（分值 "), (int)nitems);
    CHECK(strstr(page, jx_sprintf(f.a, "<td>701002</td><td>乙单位</td>")) != NULL);
    CHECK(strstr(page, jx_sprintf(f.a, "<td class=\"num\">%s</td><td>",
                                  st.units[1].assess_total)) != NULL);
    CHECK(strstr(page, "第 1 / 1 页") != NULL);
    /* ranking: 2023 not set up */
    page = bbody(&f, breq(&f, "GET", "/year/2024/ranking", NULL, rv, NULL));
    CHECK(strstr(page, "2023 年度未设置，无上年对比。") != NULL);
    CHECK(strstr(page, "<th>2023 年名次</th><th>2023 年考核分</th>") != NULL);
    CHECK(strstr(page, jx_sprintf(f.a, "<td>701001</td><td>甲单位</td>"
                                       "<td class=\"num\">%s</td>",
                                  st.units[0].assess_total)) != NULL);
    CHECK(strstr(page, "<td class=\"num\">—</td><td class=\"num\">—</td></tr>") !=
          NULL);
    /* 2023 with unit 701002 only: its rank 1 and score beside */
    bsql(&f, "INSERT INTO years (year, framework, submit_by, publish_by)"
             " VALUES (2023, 'yueyang-louqu-2025', '2024-09-26', '2024-10-10')");
    approved(&f, "701002", 2023, "fb");
    struct jx_ws_status prev;
    CHECK_INT(jx_ws_status(f.a, f.s, 2023, NULL, NULL, &prev, &f.d), 0);
    page = bbody(&f, breq(&f, "GET", "/year/2024/ranking", NULL, rv, NULL));
    CHECK(strstr(page, "无上年对比") == NULL);
    CHECK(prev.n == 3 && prev.units[1].assess_total);
    if (prev.n == 3 && prev.units[1].assess_total) {
        const char *want = jx_sprintf(
            f.a, "<td>701002</td><td>乙单位</td><td class=\"num\">%s</td>"
                 "<td class=\"num\">%s</td><td class=\"num\">1</td>"
                 "<td class=\"num\">%s</td></tr>",
            st.units[1].assess_total, self_of(&st.units[1]),
            prev.units[1].assess_total);
        CHECK(strstr(page, want) != NULL);
    }
    /* the export: the library's builder, byte for byte */
    r = breq(&f, "GET", "/year/2024/export.csv", NULL, rv, NULL);
    CHECK_INT(r->status, 200);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    CHECK_INT(jx_export_csv(f.a, &st, &b), 0);
    CHECK_INT((int)r->body_len, (int)b.len);
    CHECK(r->body_len == b.len && memcmp(r->body, b.p, b.len) == 0);
    CHECK(r->body_len > 3 && memcmp(r->body, "\xEF\xBB\xBF排名,编码,名称", 3 + 20) == 0);
    jx_buf_release(&b);
    CHECK_STR(jx_web_response_header(r, "Content-Type"), "text/csv; charset=utf-8");
    CHECK_STR(jx_web_response_header(r, "Content-Disposition"),
              "attachment; filename=\"export-2024.csv\"; filename*=UTF-8''"
              "2024%E5%B9%B4%E5%BA%A6%E6%8E%92%E5%90%8D.csv");
    r = breq(&f, "GET", "/year/2024/export.xlsx", NULL, rv, NULL);
    CHECK_INT(r->status, 200);
    CHECK(r->body_len > 100 && memcmp(r->body, "PK", 2) == 0);
    /* the unit's downloads, by the unit's filler */
    const char *fa = bsession(&f, "fa");
    r = breq(&f, "GET", "/unit/701001/2024/workbook.xlsx", NULL, fa, NULL);
    CHECK_INT(r->status, 200);
    CHECK(r->body_len > 100 && memcmp(r->body, "PK", 2) == 0);
    CHECK_STR(jx_web_response_header(r, "Content-Disposition"),
              "attachment; filename=\"workbook-701001-2024.xlsx\"; "
              "filename*=UTF-8''%E7%94%B2%E5%8D%95%E4%BD%8D2024%E5%B9%B4%E5%BA"
              "%A6%E7%BB%A9%E6%95%88%E8%87%AA%E8%AF%84%E5%A1%AB%E6%8A%A5%E8%A1"
              "%A8.xlsx");
    r = breq(&f, "GET", "/unit/701001/2024/report.docx", NULL, fa, NULL);
    CHECK_INT(r->status, 200);
    CHECK(r->body_len > 100 && memcmp(r->body, "PK", 2) == 0);
    CHECK_STR(jx_web_response_header(r, "Content-Type"),
              "application/vnd.openxmlformats-officedocument."
              "wordprocessingml.document");
    r = breq(&f, "GET", "/unit/701001/2024/report.pdf", NULL, fa, NULL);
    CHECK_INT(r->status, 200);
    CHECK(r->body_len > 100 && memcmp(r->body, "%PDF", 4) == 0);
    CHECK_STR(jx_web_response_header(r, "Content-Disposition"),
              "attachment; filename=\"report-701001-2024.pdf\"; "
              "filename*=UTF-8''%E7%94%B2%E5%8D%95%E4%BD%8D2024%E5%B9%B4%E5%BA"
              "%A6%E7%BB%A9%E6%95%88%E8%87%AA%E8%AF%84%E6%8A%A5%E5%91%8A.pdf");
    /* the unit's page links them */
    page = bbody(&f, breq(&f, "GET", "/unit/701001/2024", NULL, fa, NULL));
    CHECK(strstr(page, "<a href=\"/unit/701001/2024/report.pdf\">") != NULL);
    CHECK(strstr(page, "/recheck") == NULL);
    bfix_close(&f);
}

/* The judgements form on a unit's page: the bureau sees the pending items
 * with range and 建议; a value above the item's 分值 is refused (nothing
 * recorded), a filler is refused by the route, good values are recorded
 * and the 考核分 follows. */
static void t_judge_form(void)
{
    struct bfix f;
    if (!bfix_open(&f)) {
        return;
    }
    const char *rv = bsession(&f, "rv");
    const char *tk = btoken(&f, rv);
    const char *fa = bsession(&f, "fa");
    const char *ftk = btoken(&f, fa);
    const char *page =
        bbody(&f, breq(&f, "GET", "/unit/701001/2024", NULL, rv, NULL));
    CHECK(strstr(page, "action=\"/unit/701001/2024/judge\"") != NULL);
    CHECK(strstr(page, "<tr><td>complete.attachments</td><td>自评报告附件部分"
                       "内容完整</td><td class=\"num\">0–10</td><td>不完整："
                       "附件没有项目支出绩效自评表") != NULL);
    CHECK(strstr(page, "name=\"item.objective.measures\"") != NULL);
    /* the filler's page has no form; the route refuses the filler */
    CHECK(strstr(bbody(&f, breq(&f, "GET", "/unit/701001/2024", NULL, fa,
                                NULL)),
                 "/judge\"") == NULL);
    CHECK_INT(breq(&f, "POST", "/unit/701001/2024/judge", NULL, fa,
                   jx_sprintf(f.a, "csrf=%s&item.objective.measures=5", ftk))
                  ->status,
              403);
    CHECK_INT(breq(&f, "POST", "/unit/701001/2024/judge", NULL, rv,
                   "csrf=00&item.objective.measures=5")->status,
              403);
    CHECK_INT(breq(&f, "POST", "/unit/701001/2024/judge", NULL, rv,
                   jx_sprintf(f.a, "csrf=%s&item.objective.measures=x", tk))
                  ->status,
              400);
    struct jx_web_response *r =
        breq(&f, "POST", "/unit/701001/2024/judge", NULL, rv,
             jx_sprintf(f.a, "csrf=%s&item.objective.measures=15"
                             "&item.complete.attachments=11", tk));
    CHECK_INT(r->status, 403);
    CHECK(strstr(bbody(&f, r), "超出指标") != NULL);
    struct jx_ws_history h;
    CHECK_INT(jx_ws_history(f.a, f.s, "701001", 2024, &h, &f.d), 0);
    CHECK_INT((int)h.njudgements, 0);
    r = breq(&f, "POST", "/unit/701001/2024/judge", NULL, rv,
             jx_sprintf(f.a, "csrf=%s&item.objective.measures=15"
                             "&item.complete.attachments=6"
                             "&item.objective.problems=18", tk));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/unit/701001/2024");
    CHECK_INT(jx_ws_history(f.a, f.s, "701001", 2024, &h, &f.d), 0);
    CHECK_INT((int)h.njudgements, 3);
    struct jx_ws_status st;
    CHECK_INT(jx_ws_status(f.a, f.s, 2024, NULL, NULL, &st, &f.d), 0);
    CHECK_STR(st.units[0].code, "701001");
    CHECK_STR(st.units[0].assess_total, "74.00–84.00 待判断");
    bfix_close(&f);
}

const struct jx_test t_web_bureau[] = {
    {"web.bureau_filters", t_filters},
    {"web.bureau_sample_recheck", t_sample_recheck},
    {"web.bureau_judge_form", t_judge_form},
    {"web.bureau_pages_downloads", t_pages_downloads},
    {NULL, NULL},
};
