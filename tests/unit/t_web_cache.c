/*
 * t_web_cache.c - the portal under load (issue 14, deliverable 7): the
 * year overview's cache (lib/web/web_cache.c) shows the new state right
 * after a 送审, an act, a 复核 and `year set` (the store's generation,
 * migration 7, raised by the writers' triggers), and is not computed
 * again while nothing changed; the session's last_seen is written at
 * most once a minute and a session idle past the timeout is refused all
 * the same; the 考核评分表, the ranking, the exports and the bureau's
 * 待我处理 come from the same cache.  Through jx_web_handle on a scratch
 * SQLite workspace (the portal tests' fixture, webfix.h) of three units
 * of the writer's own making.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/store.h"
#include "jixiao/web.h"
#include "jixiao/workflow.h"
#include "jixiao/workspace.h"
#include "jixiao/wsflow.h"
#include "web/web_cache.h"
#include "webfix.h"

/* One integer a query gives (-1 when none). */
static int64_t cint(struct webfix *f, const char *q)
{
    struct jx_stmt *st = jx_stmt_prepare(f->s, q);
    int64_t v = -1;
    if (st && jx_stmt_step(st) == JX_STEP_ROW) {
        v = jx_stmt_int(st, 0);
    }
    jx_stmt_finalize(st);
    return v;
}

/* 送审 of unit for 2024 by filler. */
static void csubmit(struct webfix *f, const char *unit, const char *filler)
{
    struct jx_ws_file file = {"u.json", f->pkg, f->len};
    struct jx_ws_who who = {.user = filler, .now = T0 - 86400};
    struct jx_ws_done done;
    CHECK_INT(jx_ws_submit(f->s, unit, 2024, &file, 1, f->pkg, NULL, &who,
                           &done, &f->d),
              0);
}

/* An act of the reviewer on unit. */
static void cact(struct webfix *f, const char *unit, enum jx_wf_action act)
{
    struct jx_ws_who rv = {.user = "shen", .now = T0 - 3600};
    struct jx_ws_done done;
    CHECK_INT(jx_ws_act(f->s, unit, 2024, act, NULL, &rv, &done, &f->d), 0);
}

/* The workspace: 2024, units 801001 (已审核), 801002 (nothing sent),
 * 801003 (已送审); fillers and the reviewer "shen". */
static bool cfix_open(struct webfix *f)
{
    if (!webfix_begin(f, "jx-webc", "192.0.2.7")) {
        return false;
    }
    fx_sql(f, "INSERT INTO years (year, framework, submit_by, publish_by)"
            " VALUES (2024, 'yueyang-louqu-2025', '2025-09-26', '2025-10-10')");
    fx_sql(f, "INSERT INTO units (code, name, supervisor, region) VALUES"
            " ('801001', '北湖水务站', '北湖区水利局', '北湖区'),"
            " ('801002', '南岭林场', '南岭区林业局', '南岭区'),"
            " ('801003', '东堤泵站', '北湖区水利局', '北湖区')");
    fx_sql(f, "INSERT INTO users (name, role, unit) VALUES"
            " ('ta', 'filler', '801001'), ('tb', 'filler', '801002'),"
            " ('tc', 'filler', '801003')");
    fx_sql(f, "INSERT INTO users (name, role) VALUES ('shen', 'reviewer')");
    static const char *const pw[] = {"shen"};
    webfix_passwords(f, pw, 1);
    csubmit(f, "801001", "ta");
    cact(f, "801001", JX_WF_TAKE);
    cact(f, "801001", JX_WF_APPROVE);
    csubmit(f, "801003", "tc");
    return webfix_app(f, 0);
}

/* The overview's row of unit (from its code cell to the row's end), or
 * "" when absent. */
static const char *row_of(struct webfix *f, const char *page, const char *unit)
{
    const char *p = strstr(page, jx_sprintf(f->a, "<td>%s</td>", unit));
    if (!p) {
        return "";
    }
    return jx_strndup(f->a, p, strcspn(p, "\n"));
}

/* The overview is computed once, kept while nothing changes, and shows
 * a submit, an act, a 复核 and `year set` at the next request. */
static void t_overview_cache(void)
{
    struct webfix f;
    if (!cfix_open(&f)) {
        return;
    }
    const char *rv = fx_session(&f, "shen");
    CHECK(rv != NULL);
    int64_t g0 = -1;
    CHECK_INT(jx_store_generation(f.s, &g0), 0);
    CHECK(g0 > 0); /* the setup's writes raised it */
    const char *page = fx_body(&f, fx_req(&f, "GET", "/year/2024", NULL, rv, NULL));
    CHECK(strstr(row_of(&f, page, "801002"), "<td>填报中</td><td>未报送</td>") != NULL);
    CHECK(strstr(row_of(&f, page, "801003"), "<td>已送审</td>") != NULL);
    CHECK(strstr(page, "报送截止 2025-09-26，") != NULL);
    CHECK_INT((int)jx_web_cache_fills(f.app), 1);
    /* the same year again, other sorts and filters: no new computation */
    const char *by_name =
        fx_body(&f, fx_req(&f, "GET", "/year/2024", "sort=name", rv, NULL));
    CHECK(strstr(by_name, "<td>801003</td>") < strstr(by_name, "<td>801001</td>"));
    /* the second time from the rows kept: the same page */
    CHECK_STR(fx_body(&f, fx_req(&f, "GET", "/year/2024", "sort=name", rv, NULL)),
              by_name);
    page = fx_body(&f, fx_req(&f, "GET", "/year/2024", "state=submitted", rv, NULL));
    CHECK(strstr(page, "符合条件的单位 1 个。") != NULL);
    CHECK(strstr(page, "<option value=\"北湖区水利局\">北湖区水利局</option>"
                       "<option value=\"南岭区林业局\">南岭区林业局</option>") != NULL);
    CHECK_INT((int)jx_web_cache_fills(f.app), 1);
    /* signing in and reading pages wrote nothing the overview reads */
    int64_t g1 = -1;
    CHECK_INT(jx_store_generation(f.s, &g1), 0);
    CHECK(g1 == g0);

    /* a submit */
    csubmit(&f, "801002", "tb");
    page = fx_body(&f, fx_req(&f, "GET", "/year/2024", NULL, rv, NULL));
    CHECK(strstr(row_of(&f, page, "801002"), "<td>已送审</td>") != NULL);
    CHECK_INT((int)jx_web_cache_fills(f.app), 2);
    /* an act */
    cact(&f, "801003", JX_WF_TAKE);
    page = fx_body(&f, fx_req(&f, "GET", "/year/2024", NULL, rv, NULL));
    CHECK(strstr(row_of(&f, page, "801003"), "<td>审核中</td>") != NULL);
    CHECK_INT((int)jx_web_cache_fills(f.app), 3);
    /* an act through the portal: 通过 */
    const char *tk = fx_csrf(&f, page);
    CHECK_INT(fx_req(&f, "POST", "/unit/801003/2024/act", NULL, rv,
                   jx_sprintf(f.a, "csrf=%s&action=approve", tk))->status,
              303);
    page = fx_body(&f, fx_req(&f, "GET", "/year/2024", NULL, rv, NULL));
    CHECK(strstr(row_of(&f, page, "801003"), "<td>已审核</td>") != NULL);
    /* 抽查 of all three and a 复核 of 801001 */
    CHECK_INT(fx_req(&f, "POST", "/year/2024/sample", NULL, rv,
                   jx_sprintf(f.a, "csrf=%s&count=3&seed=5", tk))->status,
              200);
    CHECK(strstr(row_of(&f, fx_body(&f, fx_req(&f, "GET", "/year/2024", NULL, rv,
                                           NULL)),
                        "801001"),
                 "<td class=\"num\">—</td></tr>") != NULL);
    CHECK_INT(fx_req(&f, "POST", "/unit/801001/2024/recheck", NULL, rv,
                   jx_sprintf(f.a, "csrf=%s&score=81.75", tk))->status,
              303);
    page = fx_body(&f, fx_req(&f, "GET", "/year/2024", NULL, rv, NULL));
    CHECK(strstr(row_of(&f, page, "801001"),
                 "<td class=\"num\">81.75</td></tr>") != NULL);
    /* year set: the new deadline at once */
    struct jx_ws_year y = {.year = 2024,
                           .framework = "yueyang-louqu-2025",
                           .submit_by = {2025, 9, 19},
                           .publish_by = {2025, 10, 10}};
    bool created = true;
    CHECK_INT(jx_ws_year_set(f.s, &y,
                             jx_sprintf(f.a, "%s/data/frameworks",
                                        jx_test_srcdir),
                             &created, &f.d),
              0);
    CHECK(!created);
    page = fx_body(&f, fx_req(&f, "GET", "/year/2024", NULL, rv, NULL));
    CHECK(strstr(page, "报送截止 2025-09-19，") != NULL);
    /* a year not set up: 404, and nothing kept for it */
    CHECK_INT(fx_req(&f, "GET", "/year/2023", NULL, rv, NULL)->status, 404);
    uint64_t n = jx_web_cache_fills(f.app);
    fx_req(&f, "GET", "/year/2024", NULL, rv, NULL);
    CHECK_INT((int)jx_web_cache_fills(f.app), (int)n);
    webfix_close(&f);
}

/* last_seen is written when it is a minute old or more, not on every
 * request; a session idle past the timeout (30 minutes since the last
 * write) is refused even though requests came within the minute. */
static void t_session_touch(void)
{
    struct webfix f;
    if (!cfix_open(&f)) {
        return;
    }
    const char *rv = fx_session(&f, "shen");
    CHECK(rv != NULL);
    const char *q = "SELECT last_seen FROM sessions WHERE ended IS NULL";
    CHECK_INT((int)(cint(&f, q) - T0), 0);
    jx_web_app_set_clock(f.app, T0 + 59);
    CHECK_INT(fx_req(&f, "GET", "/year/2024", NULL, rv, NULL)->status, 200);
    CHECK_INT((int)(cint(&f, q) - T0), 0); /* not written */
    jx_web_app_set_clock(f.app, T0 + 60);
    CHECK_INT(fx_req(&f, "GET", "/", NULL, rv, NULL)->status, 200);
    CHECK_INT((int)(cint(&f, q) - T0), 60); /* a minute: written */
    jx_web_app_set_clock(f.app, T0 + 119);
    CHECK_INT(fx_req(&f, "GET", "/", NULL, rv, NULL)->status, 200);
    CHECK_INT((int)(cint(&f, q) - T0), 60);
    /* idle since the last write (T0+60): refused at T0+60+1801 */
    jx_web_app_set_clock(f.app, T0 + 60 + 1801);
    struct jx_web_response *r = fx_req(&f, "GET", "/year/2024", NULL, rv, NULL);
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/signin");
    CHECK_INT((int)cint(&f, "SELECT COUNT(*) FROM sessions WHERE ended IS NULL"),
              0);
    webfix_close(&f);
}

/* A published unit's report is kept by its version and sent again the
 * same, with the report's own CSP; the open data takes the scores from
 * the cached year. */
static void t_public_kept(void)
{
    struct webfix f;
    if (!cfix_open(&f)) {
        return;
    }
    struct jx_ws_who ta = {.user = "ta", .now = T0 - 600};
    struct jx_ws_done done;
    CHECK_INT(jx_ws_act(f.s, "801001", 2024, JX_WF_PUBLISH, NULL, &ta, &done,
                        &f.d),
              0);
    struct jx_web_response *r1 =
        fx_req(&f, "GET", "/public/2024/801001", NULL, NULL, NULL);
    struct jx_web_response *r2 =
        fx_req(&f, "GET", "/public/2024/801001", NULL, NULL, NULL);
    CHECK_INT(r1->status, 200);
    CHECK_INT(r2->status, 200);
    CHECK(r1->body_len > 1000);
    CHECK_STR(fx_body(&f, r2), fx_body(&f, r1));
    CHECK_STR(jx_web_response_header(r2, "Content-Security-Policy"),
              jx_web_response_header(r1, "Content-Security-Policy"));
    CHECK(strstr(jx_web_response_header(r2, "Content-Security-Policy"),
                 "default-src 'none'; style-src 'unsafe-inline'") != NULL);
    /* unpublished: still 404 */
    CHECK_INT(fx_req(&f, "GET", "/public/2024/801003", NULL, NULL, NULL)->status,
              404);
    const char *js = fx_body(&f, fx_req(&f, "GET", "/public/2024.json", NULL, NULL,
                                    NULL));
    CHECK(strstr(js, "\"801001\"") != NULL);
    CHECK(strstr(js, "\"801003\"") == NULL);
    CHECK_INT((int)jx_web_cache_fills(f.app), 1);
    webfix_close(&f);
}

/* The bureau's heavier pages come from the year's cache: the
 * 考核评分表 and the ranking add no computation to the overview's, the
 * export is kept until the store changes, and the reviewer's 待我处理
 * shows a 送审 at the next request. */
static void t_bureau_cached(void)
{
    struct webfix f;
    if (!cfix_open(&f)) {
        return;
    }
    const char *rv = fx_session(&f, "shen");
    CHECK(rv != NULL);
    CHECK_INT(fx_req(&f, "GET", "/year/2024", NULL, rv, NULL)->status, 200);
    CHECK_INT((int)jx_web_cache_fills(f.app), 1);
    const char *as = fx_body(&f, fx_req(&f, "GET", "/year/2024/assessment", NULL,
                                    rv, NULL));
    CHECK(strstr(as, "评价框架：yueyang-louqu-2025；单位 3 个。") != NULL);
    CHECK(strstr(as, "aria-label=\"各状态单位数\"") != NULL);
    CHECK(strstr(as, "<td>801002</td><td>南岭林场</td><td class=\"num\">—"
                     "</td>") != NULL);
    const char *rk = fx_body(&f, fx_req(&f, "GET", "/year/2024/ranking", NULL, rv,
                                    NULL));
    CHECK(strstr(rk, "<p>2023 年度未设置，无上年对比。</p>") != NULL);
    CHECK(strstr(rk, "<td>801003</td><td>东堤泵站</td>") != NULL);
    CHECK_INT((int)jx_web_cache_fills(f.app), 1);
    struct jx_web_response *e1 =
        fx_req(&f, "GET", "/year/2024/export.csv", NULL, rv, NULL);
    CHECK_INT(e1->status, 200);
    const char *csv1 = fx_body(&f, e1);
    CHECK_STR(fx_body(&f, fx_req(&f, "GET", "/year/2024/export.csv", NULL, rv,
                             NULL)),
              csv1);
    const char *home = fx_body(&f, fx_req(&f, "GET", "/", NULL, rv, NULL));
    CHECK(strstr(home, "<td>801003</td>") != NULL);
    CHECK(strstr(home, "<td>801002</td>") == NULL);
    /* a 送审: the next requests show it */
    csubmit(&f, "801002", "tb");
    home = fx_body(&f, fx_req(&f, "GET", "/", NULL, rv, NULL));
    CHECK(strstr(home, "<td>801002</td>") != NULL);
    const char *csv2 = fx_body(&f, fx_req(&f, "GET", "/year/2024/export.csv", NULL,
                                      rv, NULL));
    CHECK(strcmp(csv1, csv2) != 0);
    CHECK(strstr(csv2, "801002,南岭林场,南岭区林业局,南岭区,已送审") != NULL);
    as = fx_body(&f, fx_req(&f, "GET", "/year/2024/assessment", NULL, rv, NULL));
    CHECK_INT((int)jx_web_cache_fills(f.app), 2);
    webfix_close(&f);
}

/* What the warm test's hook saw: the overview at each step. */
struct warmseen {
    struct webfix *f;
    const char *cookie;
    int status[8];
    const char *body[8];
    const char *retry[8];
    int n;
};

/* The warm's hook: ask for the overview as a browser would meanwhile. */
static void warm_hook(void *p)
{
    struct warmseen *w = p;
    if (w->n >= 8) {
        return;
    }
    struct jx_web_response *r =
        fx_req(w->f, "GET", "/year/2024", NULL, w->cookie, NULL);
    w->status[w->n] = r->status;
    w->body[w->n] = fx_body(w->f, r);
    const char *ra = jx_web_response_header(r, "Retry-After");
    w->retry[w->n] = ra ? jx_strdup(w->f->a, ra) : "";
    w->n++;
}

/* The warm start: with the 考核 rows of both versions stale (as after
 * an upgrade that changed a framework), jx_web_warm rewrites them; the
 * overview asked meanwhile answers as usual before the first row is
 * rewritten, then 503 正在计算 with the progress (1 / 2, then 2 / 2) and
 * Retry-After, afterwards the year as before, nothing left stale; run
 * again on current rows it never shows the notice; asked to stop, it
 * leaves the rows. */
static void t_warm(void)
{
    struct webfix f;
    if (!cfix_open(&f)) {
        return;
    }
    const char *rv = fx_session(&f, "shen");
    static const char stale[] =
        "UPDATE scores SET detail = '{\"stamp\": \"old\"}'"
        " WHERE kind = 'assessment'";
    static const char nstale[] =
        "SELECT COUNT(*) FROM scores WHERE kind = 'assessment'"
        " AND detail LIKE '%\"old\"%'";
    fx_sql(&f, stale);
    CHECK_INT((int)cint(&f, nstale), 2);
    struct warmseen w = {.f = &f, .cookie = rv};
    CHECK_INT(jx_web_warm(f.app, f.s, warm_hook, &w), 0);
    CHECK_INT(w.n, 3);
    /* before the first row is rewritten: the overview as usual */
    CHECK_INT(w.status[0], 200);
    CHECK_STR(w.retry[0], "");
    CHECK(strstr(w.body[0], "正在计算") == NULL);
    static const char *const want[] = {"", "1 / 2", "2 / 2"};
    for (int i = 1; i < w.n && i < 3; i++) {
        CHECK_INT(w.status[i], 503);
        CHECK_STR(w.retry[i], "10");
        CHECK(strstr(w.body[i],
                     jx_sprintf(f.a, "<p class=\"notice\">正在计算：门户启动后正在"
                                     "更新本年度各单位的考核分（已完成 %s 个单位）。"
                                     "请稍后刷新本页。</p>", want[i])) != NULL);
    }
    CHECK_INT((int)cint(&f, nstale), 0);
    size_t nw = 99;
    CHECK_INT(jx_ws_rescore(f.s, 2024, jx_sprintf(f.a, "%s/data/frameworks",
                                                 jx_test_srcdir),
                            NULL, &nw, &f.d),
              0);
    CHECK_INT((int)nw, 0); /* nothing left to do */
    size_t done = 9, total = 9;
    CHECK(!jx_web_warming(f.app, 2024, &done, &total));
    struct jx_web_response *r = fx_req(&f, "GET", "/year/2024", NULL, rv, NULL);
    CHECK_INT(r->status, 200);
    CHECK(strstr(row_of(&f, fx_body(&f, r), "801003"), "<td>已送审</td>")
          != NULL);
    /* rows current: read through, no notice at any step */
    w.n = 0;
    CHECK_INT(jx_web_warm(f.app, f.s, warm_hook, &w), 0);
    CHECK_INT(w.n, 3);
    for (int i = 0; i < w.n && i < 3; i++) {
        CHECK_INT(w.status[i], 200);
    }
    CHECK_INT((int)cint(&f, nstale), 0);
    /* stopped before it starts: the stale rows stay */
    fx_sql(&f, stale);
    jx_web_warm_stop(f.app);
    w.n = 0;
    CHECK_INT(jx_web_warm(f.app, f.s, warm_hook, &w), 0);
    CHECK_INT(w.n, 0);
    CHECK_INT((int)cint(&f, nstale), 2);
    webfix_close(&f);
}

const struct jx_test t_web_cache[] = {
    {"web.bureau_cached", t_bureau_cached},
    {"web.overview_cache", t_overview_cache},
    {"web.session_touch", t_session_touch},
    {"web.public_kept", t_public_kept},
    {"web.warm", t_warm},
    {NULL, NULL},
};
