/*
 * t_web.c - the portal's request handler (include/jixiao/web.h) called
 * directly on a scratch SQLite workspace: the HTML writer's escaping,
 * sign-in good and bad, throttling, the session cookie's flags, idle
 * timeout and sign-out, CSRF refused and accepted, the security
 * headers, the year overview's rows, sorting and pages, the public
 * list, and the authorisation walk: every route of the routing table
 * as every role and anonymously, against another unit's objects,
 * absent units and years not set up.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/store.h"
#include "jixiao/web.h"
#include "jixiao/wsflow.h"

/* The scratch workspace every case uses. */
struct fix {
    char dir[256];
    struct jx_store *s;
    struct jx_diags d;
    struct jx_arena *a;
    struct jx_web_app *app;
};

/* The clock of the cases (2025-09-20T00:00:00Z). */
#define T0 1758326400

/* Run one SQL statement on f's store. */
static void sql(struct fix *f, const char *q)
{
    if (jx_store_exec(f->s, q) != 0) {
        jx_test_fail(__FILE__, __LINE__, "SQL failed: %s", q);
    }
}

/* Make the workspace: year 2024, units A (a name with markup) and B,
 * users of every role with passwords, a 送审 of each unit. */
static bool fix_open(struct fix *f, int page_size)
{
    memset(f, 0, sizeof *f);
    const char *t = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/jx-web.XXXXXX", t && *t ? t : "/tmp");
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
    sql(f, "INSERT INTO years (year, framework, submit_by, publish_by)"
           " VALUES (2024, 'yueyang-louqu-2025', '2025-09-26', '2025-10-10')");
    sql(f, "INSERT INTO units (code, name) VALUES"
           " ('701001', '甲<script>alert(1)</script>&\"单位'),"
           " ('701002', '乙单位')");
    sql(f, "INSERT INTO users (name, role, unit) VALUES"
           " ('fa', 'filler', '701001'), ('la', 'leader', '701001'),"
           " ('fb', 'filler', '701002')");
    sql(f, "INSERT INTO users (name, role) VALUES ('rv', 'reviewer'),"
           " ('ad', 'admin')");
    static const char *const names[] = {"fa", "la", "fb", "rv", "ad"};
    for (size_t i = 0; i < 5; i++) {
        CHECK_INT(jx_web_password_set(f->s, names[i], "pass-word-1", &f->d), 0);
    }
    char path[600];
    snprintf(path, sizeof path, "%s/tests/data/flow_unit_2024.json",
             jx_test_srcdir);
    char *pkg = NULL;
    size_t len = 0;
    CHECK_INT(jx_read_file(path, 1u << 24, &pkg, &len), 0);
    static const char *const fillers[] = {"fa", "fb"};
    static const char *const codes[] = {"701001", "701002"};
    for (size_t i = 0; i < 2 && pkg; i++) {
        struct jx_ws_file file = {"u.json", pkg, len};
        struct jx_ws_who who = {.user = fillers[i], .now = T0 - 86400};
        struct jx_ws_done done;
        CHECK_INT(jx_ws_submit(f->s, codes[i], 2024, &file, 1, pkg, NULL, &who,
                               &done, &f->d),
                  0);
    }
    free(pkg);
    struct jx_web_config cfg = {.page_size = page_size};
    f->app = jx_web_app_new(&cfg);
    jx_web_app_set_clock(f->app, T0);
    return f->app != NULL;
}

/* Close and remove the workspace. */
static void fix_close(struct fix *f)
{
    jx_web_app_free(f->app);
    jx_store_close(f->s);
    jx_diags_release(&f->d);
    jx_arena_free(f->a);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    if (system(cmd) != 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot remove %s", f->dir);
    }
}

/* Answer one request (response in f->a). */
static struct jx_web_response *req(struct fix *f, const char *method,
                                   const char *path, const char *query,
                                   const char *cookie, const char *body)
{
    struct jx_web_request rq = {.method = method, .path = path,
                                .query = query, .cookie = cookie,
                                .host = "localhost:8080",
                                .client = "192.0.2.7", .body = body,
                                .body_len = body ? strlen(body) : 0};
    struct jx_web_response *r = jx_alloc(f->a, sizeof *r);
    jx_web_response_init(r, f->a);
    CHECK_INT(jx_web_handle(f->app, f->s, &rq, r), 0);
    return r;
}

/* The body of r as a string. */
static const char *body(struct fix *f, const struct jx_web_response *r)
{
    return jx_strndup(f->a, r->body, r->body_len);
}

/* The n-th Set-Cookie header of r (0-based), or NULL. */
static const char *set_cookie(const struct jx_web_response *r, int n)
{
    for (size_t i = 0; i < r->nheaders; i++) {
        if (strcmp(r->headers[i].name, "Set-Cookie") == 0 && n-- == 0) {
            return r->headers[i].value;
        }
    }
    return NULL;
}

/* The value of the first hidden csrf field of a page, or NULL. */
static const char *csrf_of(struct fix *f, const char *page)
{
    const char *p = strstr(page, "name=\"csrf\" value=\"");
    if (!p) {
        return NULL;
    }
    p += strlen("name=\"csrf\" value=\"");
    return jx_strndup(f->a, p, strcspn(p, "\""));
}

/* "name=value" of a Set-Cookie header. */
static const char *cookie_pair(struct fix *f, const char *sc)
{
    return sc ? jx_strndup(f->a, sc, strcspn(sc, ";")) : NULL;
}

/* POST /signin as name with password: the response. */
static struct jx_web_response *signin_as(struct fix *f, const char *name,
                                         const char *pw)
{
    struct jx_web_response *g = req(f, "GET", "/signin", NULL, NULL, NULL);
    const char *pre = cookie_pair(f, set_cookie(g, 0));
    const char *tok = csrf_of(f, body(f, g));
    return req(f, "POST", "/signin", NULL, pre,
               jx_sprintf(f->a, "csrf=%s&name=%s&password=%s", tok, name, pw));
}

/* Sign in as name: the session cookie "jx_session=..." (NULL: failed). */
static const char *session(struct fix *f, const char *name)
{
    struct jx_web_response *r = signin_as(f, name, "pass-word-1");
    if (r->status != 303) {
        return NULL;
    }
    return cookie_pair(f, set_cookie(r, 0));
}

/* The session's CSRF token (from the sign-out form on /). */
static const char *token(struct fix *f, const char *cookie)
{
    return csrf_of(f, body(f, req(f, "GET", "/", NULL, cookie, NULL)));
}

/* The writer: %h escapes, %t encodes, %d/%D, %R raw, %% literal. */
static void t_html(void)
{
    struct jx_html h;
    jx_html_init(&h);
    jx_html(&h, "<td>%h</td><a href=\"/u/%t?x=%t\">%d %D 100%%</a>%R",
            "<b>\"甲\"&'乙'</b>", "a b/中", "&=?", -7, (long long)1234567890123,
            "<i>ok</i>");
    CHECK_STR(h.buf.p, "<td>&lt;b&gt;&quot;甲&quot;&amp;&#39;乙&#39;&lt;/b&gt;"
                       "</td><a href=\"/u/a%20b%2F%E4%B8%AD?x=%26%3D%3F\">-7 "
                       "1234567890123 100%</a><i>ok</i>");
    jx_html_release(&h);
    jx_html_init(&h);
    jx_html(&h, "%h|%h", (const char *)NULL, "a\xFF" "b");
    CHECK_STR(h.buf.p, "|a\xEF\xBF\xBD" "b");
    jx_html_release(&h);
}

/* Good and bad sign-in, the cookie's flags, the sign-in CSRF. */
static void t_signin(void)
{
    struct fix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    struct jx_web_response *r = signin_as(&f, "rv", "pass-word-1");
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/");
    const char *sc = set_cookie(r, 0);
    CHECK(sc && strncmp(sc, "jx_session=", 11) == 0);
    CHECK(sc && strlen(cookie_pair(&f, sc)) == 11 + 64);
    CHECK(sc && strstr(sc, "; Path=/; HttpOnly; SameSite=Lax") != NULL);
    CHECK(sc && strstr(sc, "Secure") == NULL);
    /* the token is not stored: only its hash */
    struct jx_stmt *st = jx_stmt_prepare(f.s, "SELECT token_hash FROM sessions");
    CHECK(st && jx_stmt_step(st) == JX_STEP_ROW);
    CHECK(sc && strcmp(jx_stmt_text(st, 0), cookie_pair(&f, sc) + 11) != 0);
    jx_stmt_finalize(st);
    /* signed in, / shows the user */
    r = req(&f, "GET", "/", NULL, cookie_pair(&f, sc), NULL);
    CHECK_INT(r->status, 200);
    CHECK(strstr(body(&f, r), "rv（财政审核人）") != NULL);
    CHECK_STR(jx_web_response_header(r, "Cache-Control"), "no-store");
    /* a new token at every sign-in */
    const char *again = session(&f, "rv");
    CHECK(again && strcmp(again, cookie_pair(&f, sc)) != 0);
    /* bad password, unknown name */
    r = signin_as(&f, "rv", "wrong-pass");
    CHECK_INT(r->status, 200);
    CHECK(strstr(body(&f, r), "用户名或密码错误。") != NULL);
    CHECK(strncmp(set_cookie(r, 0), "jx_signin=", 10) == 0);
    CHECK(set_cookie(r, 1) == NULL);
    r = signin_as(&f, "nobody", "pass-word-1");
    CHECK(strstr(body(&f, r), "用户名或密码错误。") != NULL);
    /* the right token from another site's page (Origin) */
    struct jx_web_response *g = req(&f, "GET", "/signin", NULL, NULL, NULL);
    struct jx_web_request rq = {
        .method = "POST", .path = "/signin", .host = "localhost:8080",
        .origin = "http://evil.example",
        .cookie = cookie_pair(&f, set_cookie(g, 0)),
        .body = jx_sprintf(f.a, "csrf=%s&name=rv&password=pass-word-1",
                           csrf_of(&f, body(&f, g)))};
    rq.body_len = strlen(rq.body);
    struct jx_web_response evil;
    jx_web_response_init(&evil, f.a);
    CHECK_INT(jx_web_handle(f.app, f.s, &rq, &evil), 0);
    CHECK_INT(evil.status, 403);
    rq.origin = "http://localhost:8080";
    jx_web_response_init(&evil, f.a);
    CHECK_INT(jx_web_handle(f.app, f.s, &rq, &evil), 0);
    CHECK_INT(evil.status, 303);
    /* sign-in without its form token */
    r = req(&f, "POST", "/signin", NULL, NULL,
            "name=rv&password=pass-word-1");
    CHECK_INT(r->status, 403);
    CHECK(strstr(body(&f, r), "CSRF") != NULL);
    fix_close(&f);
}

/* Five failures within 15 minutes lock the name, until the window
 * passes; other names are not affected. */
static void t_throttle(void)
{
    struct fix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    for (int i = 0; i < 5; i++) {
        CHECK_INT(signin_as(&f, "fa", "bad-pass-x")->status, 200);
    }
    struct jx_web_response *r = signin_as(&f, "fa", "pass-word-1");
    CHECK_INT(r->status, 429);
    /* T0 + 900 s = 2025-09-20T00:15Z = 08:15 in Beijing */
    CHECK(strstr(body(&f, r), "请于北京时间 2025-09-20 08:15 之后再试") != NULL);
    CHECK(session(&f, "la") != NULL);
    jx_web_app_set_clock(f.app, T0 + 901);
    CHECK(session(&f, "fa") != NULL);
    fix_close(&f);
}

/* Sign-out ends the session server-side; idle and absolute timeouts. */
static void t_session(void)
{
    struct fix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    const char *c = session(&f, "rv");
    CHECK_INT(req(&f, "GET", "/year/2024", NULL, c, NULL)->status, 200);
    struct jx_web_response *r = req(&f, "POST", "/signout", NULL, c,
                                    jx_sprintf(f.a, "csrf=%s", token(&f, c)));
    CHECK_INT(r->status, 303);
    CHECK(strstr(set_cookie(r, 0), "jx_session=; Max-Age=0") != NULL);
    r = req(&f, "GET", "/year/2024", NULL, c, NULL);
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/signin");
    /* idle: 30 minutes untouched */
    c = session(&f, "rv");
    jx_web_app_set_clock(f.app, T0 + 1700);
    CHECK_INT(req(&f, "GET", "/year/2024", NULL, c, NULL)->status, 200);
    jx_web_app_set_clock(f.app, T0 + 1700 + 1801);
    CHECK_INT(req(&f, "GET", "/year/2024", NULL, c, NULL)->status, 303);
    /* absolute: 12 hours even when active */
    c = session(&f, "rv");
    for (int64_t t = T0 + 3501; t < T0 + 3501 + 12 * 3600; t += 1500) {
        jx_web_app_set_clock(f.app, t);
        CHECK_INT(req(&f, "GET", "/", NULL, c, NULL)->status, 200);
    }
    jx_web_app_set_clock(f.app, T0 + 3501 + 12 * 3600 + 1);
    CHECK_INT(req(&f, "GET", "/year/2024", NULL, c, NULL)->status, 303);
    fix_close(&f);
}

/* CSRF refused and accepted on the acts; the act is audited with the
 * client's address; the buttons follow the state; publish reaches the
 * public list, unpublished units never do. */
static void t_acts(void)
{
    struct fix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    const char *rv = session(&f, "rv");
    const char *fa = session(&f, "fa");
    const char *page = body(&f, req(&f, "GET", "/unit/701001/2024", NULL, rv, NULL));
    CHECK(strstr(page, "<strong>已送审</strong>") != NULL);
    CHECK(strstr(page, "value=\"take\"") != NULL);
    CHECK(strstr(page, "value=\"approve\"") == NULL);
    /* the filler sees no reviewer's button */
    page = body(&f, req(&f, "GET", "/unit/701001/2024", NULL, fa, NULL));
    CHECK(strstr(page, "value=\"take\"") == NULL);
    CHECK(strstr(page, "name=\"action\"") == NULL);
    struct jx_web_response *r =
        req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
            "csrf=0123&action=take");
    CHECK_INT(r->status, 403);
    CHECK(strstr(body(&f, r), "CSRF 校验未通过") != NULL);
    /* another session's token is refused too */
    r = req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
            jx_sprintf(f.a, "csrf=%s&action=take", token(&f, fa)));
    CHECK_INT(r->status, 403);
    const char *tk = token(&f, rv);
    r = req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
            jx_sprintf(f.a, "csrf=%s&action=take", tk));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/unit/701001/2024");
    struct jx_stmt *st = jx_stmt_prepare(
        f.s, "SELECT action, client FROM audit ORDER BY id DESC LIMIT 1");
    CHECK(st && jx_stmt_step(st) == JX_STEP_ROW);
    CHECK_STR(jx_stmt_text(st, 0), "take");
    CHECK_STR(jx_stmt_text(st, 1), "192.0.2.7");
    jx_stmt_finalize(st);
    /* 退回 needs a comment: refused without, in Chinese */
    r = req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
            jx_sprintf(f.a, "csrf=%s&action=return", tk));
    CHECK_INT(r->status, 403);
    CHECK(strstr(body(&f, r), "操作被拒绝") != NULL);
    page = body(&f, req(&f, "GET", "/unit/701001/2024", NULL, rv, NULL));
    CHECK(strstr(page, "value=\"approve\"") != NULL);
    CHECK(strstr(page, "value=\"return\"") != NULL);
    CHECK_INT(req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
                  jx_sprintf(f.a, "csrf=%s&action=approve", tk))->status,
              303);
    /* now the unit may publish; the public sees A only */
    page = body(&f, req(&f, "GET", "/unit/701001/2024", NULL, fa, NULL));
    CHECK(strstr(page, "value=\"publish\"") != NULL);
    CHECK(strstr(body(&f, req(&f, "GET", "/public/2024", NULL, NULL, NULL)),
                 "本年度尚无公开的报告") != NULL);
    CHECK_INT(req(&f, "POST", "/unit/701001/2024/act", NULL, fa,
                  jx_sprintf(f.a, "csrf=%s&action=publish", token(&f, fa)))
                  ->status,
              303);
    page = body(&f, req(&f, "GET", "/public/2024", NULL, NULL, NULL));
    CHECK(strstr(page, "<td>701001</td>") != NULL);
    CHECK(strstr(page, "701002") == NULL);
    CHECK(strstr(page, "乙单位") == NULL);
    /* the audit trail on the page */
    page = body(&f, req(&f, "GET", "/unit/701001/2024", NULL, fa, NULL));
    CHECK(strstr(page, "<td>公开</td><td>已审核 → 已公开</td>") != NULL);
    fix_close(&f);
}

/* The year overview: every unit's row, names escaped, sorting, pages,
 * and the security headers on every response. */
static void t_year(void)
{
    struct fix f;
    if (!fix_open(&f, 1)) {
        return;
    }
    const char *rv = session(&f, "rv");
    struct jx_web_response *r =
        req(&f, "GET", "/year/2024", "sort=code", rv, NULL);
    CHECK_INT(r->status, 200);
    const char *page = body(&f, r);
    CHECK(strstr(page, "<script>") == NULL);
    CHECK(strstr(page, "甲&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;单位")
          != NULL);
    CHECK(strstr(page, "<td>701001</td><td><a href=\"/unit/701001/2024\">") !=
          NULL);
    CHECK(strstr(page, "<td>已送审</td><td>按时</td><td>错误 ") != NULL);
    CHECK(strstr(page, "第 1 / 2 页") != NULL);
    CHECK(strstr(page, "701002") == NULL);
    page = body(&f, req(&f, "GET", "/year/2024", "sort=code&page=2", rv, NULL));
    CHECK(strstr(page, "<td>701002</td><td><a href=\"/unit/701002/2024\">乙单位"
                       "</a></td><td>已送审</td><td>按时</td>") != NULL);
    CHECK(strstr(page, "第 2 / 2 页") != NULL);
    CHECK(strstr(page, "href=\"/year/2024?sort=code&amp;page=1\">上一页") != NULL);
    /* by name, descending code order is not it: 乙 (U+4E59) after 甲 (U+7532)? */
    page = body(&f, req(&f, "GET", "/year/2024", "sort=name&page=1", rv, NULL));
    CHECK(strstr(page, "<td>701002</td>") != NULL);
    /* headers on every response, the 404 page too */
    r = req(&f, "GET", "/no/such/page", NULL, NULL, NULL);
    CHECK_INT(r->status, 404);
    CHECK(strstr(body(&f, r), "您要找的页面不存在。") != NULL);
    CHECK_STR(jx_web_response_header(r, "Content-Security-Policy"),
              "default-src 'self'; script-src 'self'; style-src 'self'; "
              "frame-ancestors 'none'");
    CHECK_STR(jx_web_response_header(r, "X-Frame-Options"), "DENY");
    CHECK_STR(jx_web_response_header(r, "X-Content-Type-Options"), "nosniff");
    CHECK_STR(jx_web_response_header(r, "Referrer-Policy"), "same-origin");
    r = req(&f, "GET", "/style.css", NULL, NULL, NULL);
    CHECK_INT(r->status, 200);
    CHECK_STR(jx_web_response_header(r, "Content-Type"), "text/css; charset=utf-8");
    fix_close(&f);
}

/* One actor of the walk. */
struct actor {
    const char *name;   /* NULL: anonymous */
    unsigned bit;
    const char *unit;   /* a unit user's unit */
};

/* Every route of the table, as every role and anonymously, on units A
 * (fa's and la's own), B (theirs not), an absent one, year 2024 and a
 * year not set up: anonymous where the route wants a user → 303 to
 * /signin; a role the route does not admit → 403; another unit's or an
 * absent object → 404 (the same page); else the page answers. */
static void t_authz(void)
{
    struct fix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    const struct actor actors[] = {
        {NULL, JX_WEB_ANON, NULL},
        {"fa", JX_WEB_FILLER, "701001"},
        {"la", JX_WEB_LEADER, "701001"},
        {"rv", JX_WEB_REVIEWER, NULL},
        {"ad", JX_WEB_ADMIN, NULL},
    };
    static const char *const units[] = {"701001", "701002", "709999"};
    static const char *const years[] = {"2024", "2031", "0999"};
    size_t nroutes;
    const struct jx_web_route_info *routes = jx_web_routes(&nroutes);
    CHECK(nroutes >= 9);
    size_t walked = 0;
    const char *not_found = NULL;
    for (size_t ri = 0; ri < nroutes; ri++) {
        const struct jx_web_route_info *rt = &routes[ri];
        bool has_unit = strstr(rt->pattern, "{unit}") != NULL;
        bool has_year = strstr(rt->pattern, "{year}") != NULL;
        for (size_t ai = 0; ai < 5; ai++) {
            const struct actor *ac = &actors[ai];
            for (size_t ui = 0; ui < (has_unit ? 3u : 1u); ui++) {
                for (size_t yi = 0; yi < (has_year ? 3u : 1u); yi++) {
                    const char *cookie = ac->name ? session(&f, ac->name) : NULL;
                    /* the path from the pattern */
                    char path[200] = "";
                    for (const char *p = rt->pattern; *p;) {
                        size_t k = strlen(path);
                        if (strncmp(p, "{unit}", 6) == 0) {
                            snprintf(path + k, sizeof path - k, "%s", units[ui]);
                            p += 6;
                        } else if (strncmp(p, "{year}", 6) == 0) {
                            snprintf(path + k, sizeof path - k, "%s", years[yi]);
                            p += 6;
                        } else {
                            path[k] = *p++;
                            path[k + 1] = '\0';
                        }
                    }
                    const char *bodytext = NULL;
                    if (strcmp(rt->method, "POST") == 0) {
                        const char *tk;
                        char *pre = NULL;
                        if (cookie) {
                            tk = token(&f, cookie);
                        } else {
                            struct jx_web_response *g =
                                req(&f, "GET", "/signin", NULL, NULL, NULL);
                            pre = (char *)cookie_pair(&f, set_cookie(g, 0));
                            tk = csrf_of(&f, body(&f, g));
                            cookie = pre;
                        }
                        bodytext = jx_sprintf(
                            f.a, "csrf=%s&action=take&name=x%zu&password=y", tk,
                            walked);
                    }
                    struct jx_web_response *r =
                        req(&f, rt->method, path, NULL, cookie, bodytext);
                    const char *b = body(&f, r);
                    walked++;
                    bool absent = (has_unit && ui == 2) || (has_year && yi > 0);
                    bool foreign = has_unit && ac->unit && ui != 0;
                    int want;
                    if (!(rt->roles & JX_WEB_ANON) && !ac->name) {
                        want = 303;
                    } else if (!(rt->roles & ac->bit)) {
                        want = 403;
                    } else if (foreign || absent) {
                        want = 404;
                    } else {
                        want = 0; /* admitted: the page's own answer */
                    }
                    bool ok;
                    if (want == 303) {
                        const char *loc = jx_web_response_header(r, "Location");
                        ok = r->status == 303 && loc && strcmp(loc, "/signin") == 0;
                    } else if (want == 403) {
                        ok = r->status == 403 && strstr(b, "无权访问") != NULL;
                    } else if (want == 404) {
                        /* one page for absent and foreign, same bytes per actor */
                        ok = r->status == 404 &&
                             strstr(b, "您要找的页面不存在。") != NULL;
                    } else {
                        const char *loc = jx_web_response_header(r, "Location");
                        ok = r->status != 404 && r->status != 405 &&
                             r->status < 500 && strstr(b, "无权访问") == NULL &&
                             !(loc && strcmp(loc, "/signin") == 0);
                    }
                    if (want == 404 && ai == 0) {
                        if (!not_found) {
                            not_found = b;
                        }
                        ok = ok && strcmp(b, not_found) == 0;
                    }
                    if (!ok) {
                        jx_test_fail(__FILE__, __LINE__,
                                     "%s %s as %s: want %d, got %d", rt->method,
                                     path, ac->name ? ac->name : "anonymous",
                                     want, r->status);
                    }
                }
            }
        }
    }
    CHECK(walked >= 100);
    fix_close(&f);
}

const struct jx_test t_web[] = {
    {"web.html", t_html},
    {"web.signin", t_signin},
    {"web.throttle", t_throttle},
    {"web.session", t_session},
    {"web.acts", t_acts},
    {"web.year", t_year},
    {"web.authz", t_authz},
    {NULL, NULL},
};
