/*
 * t_web.c - the portal's request handler (include/jixiao/web.h) called
 * directly on a scratch SQLite workspace: the HTML writer's escaping,
 * sign-in good and bad, throttling, the session cookie's flags, idle
 * timeout and sign-out, CSRF refused and accepted, the security
 * headers, the year overview's rows, sorting and pages, the public
 * list, and the authorisation walk: every route of the routing table
 * as every role and anonymously, against another unit's objects,
 * absent units and years not set up; every act of a person by role
 * with its comment or reason, redraft, and 待我处理 on the home page.
 */
#include "harness.h"
#include "webfix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "jixiao/store.h"
#include "jixiao/web.h"
#include "jixiao/wsflow.h"

/* Make the workspace: year 2024, units A (a name with markup) and B,
 * users of every role with passwords, a 送审 of each unit. */
static bool fix_open(struct webfix *f, int page_size)
{
    if (!webfix_begin(f, "jx-web", "192.0.2.7")) {
        return false;
    }
    fx_sql(f, "INSERT INTO years (year, framework, submit_by, publish_by)"
              " VALUES (2024, 'yueyang-louqu-2025', '2025-09-26',"
                  " '2025-10-10')");
    fx_sql(f, "INSERT INTO units (code, name) VALUES"
              " ('701001', '甲<script>alert(1)</script>&\"单位'),"
                  " ('701002', '乙单位')");
    fx_sql(f, "INSERT INTO users (name, role, unit) VALUES"
              " ('fa', 'filler', '701001'), ('la', 'leader', '701001'),"
                  " ('fb', 'filler', '701002')");
    fx_sql(f, "INSERT INTO users (name, role) VALUES ('rv', 'reviewer'),"
              " ('ad', 'admin')");
    static const char *const names[] = {"fa", "la", "fb", "rv", "ad"};
    webfix_passwords(f, names, 5);
    static const char *const fillers[] = {"fa", "fb"};
    static const char *const codes[] = {"701001", "701002"};
    for (size_t i = 0; i < 2; i++) {
        struct jx_ws_file file = {"u.json", f->pkg, f->len};
        struct jx_ws_who who = {.user = fillers[i], .now = T0 - 86400};
        struct jx_ws_done done;
        CHECK_INT(jx_ws_submit(f->s, codes[i], 2024, &file, 1, f->pkg, NULL,
                               &who, &done, &f->d),
                  0);
    }
    return webfix_app(f, page_size);
}

/* Add unit 701003 (丙街道办事处, a 主管部门 and 区域) and its filler fc
 * with the fixture's password. */
static void add_unit_c(struct webfix *f)
{
    fx_sql(f, "INSERT INTO units (code, name, supervisor, region) VALUES"
              " ('701003', '丙街道办事处', '东湖区人民政府', '东湖区')");
    fx_sql(f, "INSERT INTO users (name, role, unit) VALUES"
              " ('fc', 'filler', '701003')");
    const char *const fc[] = {"fc"};
    webfix_passwords(f, fc, 1);
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

/* "name=value" of a Set-Cookie header. */
static const char *cookie_pair(struct webfix *f, const char *sc)
{
    return sc ? jx_strndup(f->a, sc, strcspn(sc, ";")) : NULL;
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
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    struct jx_web_response *r = fx_signin(&f, "rv", "pass-word-1");
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
    r = fx_req(&f, "GET", "/", NULL, cookie_pair(&f, sc), NULL);
    CHECK_INT(r->status, 200);
    CHECK(strstr(fx_body(&f, r), "rv（财政审核人）") != NULL);
    CHECK_STR(jx_web_response_header(r, "Cache-Control"), "no-store");
    /* a new token at every sign-in */
    const char *again = fx_session(&f, "rv");
    CHECK(again && strcmp(again, cookie_pair(&f, sc)) != 0);
    /* bad password, unknown name */
    r = fx_signin(&f, "rv", "wrong-pass");
    CHECK_INT(r->status, 200);
    CHECK(strstr(fx_body(&f, r), "用户名或密码错误。") != NULL);
    CHECK(strncmp(set_cookie(r, 0), "jx_signin=", 10) == 0);
    CHECK(set_cookie(r, 1) == NULL);
    r = fx_signin(&f, "nobody", "pass-word-1");
    CHECK(strstr(fx_body(&f, r), "用户名或密码错误。") != NULL);
    /* the right token from another site's page (Origin) */
    struct jx_web_response *g = fx_req(&f, "GET", "/signin", NULL, NULL, NULL);
    struct jx_web_request rq = {
        .method = "POST", .path = "/signin", .host = "localhost:8080",
        .origin = "http://evil.example",
        .cookie = cookie_pair(&f, set_cookie(g, 0)),
        .body = jx_sprintf(f.a, "csrf=%s&name=rv&password=pass-word-1",
                           fx_csrf(&f, fx_body(&f, g)))};
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
    r = fx_req(&f, "POST", "/signin", NULL, NULL,
               "name=rv&password=pass-word-1");
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "CSRF") != NULL);
    webfix_close(&f);
}

/* Five failures within 15 minutes lock the name, until the window
 * passes; other names are not affected. */
static void t_throttle(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    for (int i = 0; i < 5; i++) {
        CHECK_INT(fx_signin(&f, "fa", "bad-pass-x")->status, 200);
    }
    struct jx_web_response *r = fx_signin(&f, "fa", "pass-word-1");
    CHECK_INT(r->status, 429);
    /* T0 + 900 s = 2025-09-20T00:15Z = 08:15 in Beijing */
    CHECK(strstr(fx_body(&f, r), "请于北京时间 2025-09-20 08:15 之后再试") != NULL);
    CHECK(fx_session(&f, "la") != NULL);
    jx_web_app_set_clock(f.app, T0 + 901);
    CHECK(fx_session(&f, "fa") != NULL);
    webfix_close(&f);
}

/* Sign-out ends the session server-side; idle and absolute timeouts. */
static void t_session(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    const char *c = fx_session(&f, "rv");
    CHECK_INT(fx_req(&f, "GET", "/year/2024", NULL, c, NULL)->status, 200);
    struct jx_web_response *r = fx_post(&f, "/signout", c, NULL);
    CHECK_INT(r->status, 303);
    CHECK(strstr(set_cookie(r, 0), "jx_session=; Max-Age=0") != NULL);
    r = fx_req(&f, "GET", "/year/2024", NULL, c, NULL);
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/signin");
    /* idle: 30 minutes untouched */
    c = fx_session(&f, "rv");
    jx_web_app_set_clock(f.app, T0 + 1700);
    CHECK_INT(fx_req(&f, "GET", "/year/2024", NULL, c, NULL)->status, 200);
    jx_web_app_set_clock(f.app, T0 + 1700 + 1801);
    CHECK_INT(fx_req(&f, "GET", "/year/2024", NULL, c, NULL)->status, 303);
    /* absolute: 12 hours even when active */
    c = fx_session(&f, "rv");
    for (int64_t t = T0 + 3501; t < T0 + 3501 + 12 * 3600; t += 1500) {
        jx_web_app_set_clock(f.app, t);
        CHECK_INT(fx_req(&f, "GET", "/", NULL, c, NULL)->status, 200);
    }
    jx_web_app_set_clock(f.app, T0 + 3501 + 12 * 3600 + 1);
    CHECK_INT(fx_req(&f, "GET", "/year/2024", NULL, c, NULL)->status, 303);
    webfix_close(&f);
}

/* CSRF refused and accepted on the acts; the act is audited with the
 * client's address; the buttons follow the state; publish reaches the
 * public list, unpublished units never do. */
static void t_acts(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    const char *rv = fx_session(&f, "rv");
    const char *fa = fx_session(&f, "fa");
    const char *page = fx_get(&f, "/unit/701001/2024", rv);
    CHECK(strstr(page, "<strong>已送审</strong>") != NULL);
    CHECK(strstr(page, "value=\"take\"") != NULL);
    CHECK(strstr(page, "value=\"approve\"") == NULL);
    /* the filler sees no reviewer's button, only 取消送审 (until taken) */
    page = fx_get(&f, "/unit/701001/2024", fa);
    CHECK(strstr(page, "value=\"take\"") == NULL);
    CHECK(strstr(page, "<input type=\"hidden\" name=\"action\" "
                       "value=\"cancel_submit\"><button type=\"submit\">"
                       "取消送审</button></form>") != NULL);
    CHECK(strstr(page, "value=\"approve\"") == NULL);
    struct jx_web_response *r =
        fx_req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
               "csrf=0123&action=take");
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "CSRF 校验未通过") != NULL);
    /* another session's token is refused too */
    r = fx_req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
               jx_sprintf(f.a, "csrf=%s&action=take", fx_token(&f, fa)));
    CHECK_INT(r->status, 403);
    const char *tk = fx_token(&f, rv);
    r = fx_req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
               jx_sprintf(f.a, "csrf=%s&action=take", tk));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/unit/701001/2024");
    struct jx_stmt *st = jx_stmt_prepare(
        f.s, "SELECT action, client FROM audit ORDER BY id DESC LIMIT 1");
    CHECK(st && jx_stmt_step(st) == JX_STEP_ROW);
    CHECK_STR(jx_stmt_text(st, 0), "take");
    CHECK_STR(jx_stmt_text(st, 1), "192.0.2.7");
    jx_stmt_finalize(st);
    /* 退回 needs a comment: refused without, the form again in Chinese */
    r = fx_req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
               jx_sprintf(f.a, "csrf=%s&action=return", tk));
    CHECK_INT(r->status, 422);
    CHECK(strstr(fx_body(&f, r), "value=\"return\"><p class=\"err\">退回须写明"
                                 "意见：请填写退回意见后再提交。</p><label>退回意见 "
                              "<textarea name=\"comment\"") != NULL);
    /* the filler may no longer 取消送审 once taken */
    r = fx_post(&f, "/unit/701001/2024/act", fa, "action=cancel_submit");
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "操作被拒绝") != NULL);
    page = fx_get(&f, "/unit/701001/2024", rv);
    CHECK(strstr(page, "value=\"approve\"") != NULL);
    CHECK(strstr(page, "value=\"return\"") != NULL);
    CHECK_INT(fx_req(&f, "POST", "/unit/701001/2024/act", NULL, rv,
                     jx_sprintf(f.a, "csrf=%s&action=approve", tk))->status,
              303);
    /* now the unit may publish; the public sees A only */
    page = fx_get(&f, "/unit/701001/2024", fa);
    CHECK(strstr(page, "value=\"publish\"") != NULL);
    CHECK(strstr(fx_get(&f, "/public/2024", NULL),
                 "本年度尚无公开的报告") != NULL);
    CHECK_INT(fx_post(&f, "/unit/701001/2024/act", fa, "action=publish")
              ->status,
              303);
    page = fx_get(&f, "/public/2024", NULL);
    CHECK(strstr(page, "<td>701001</td><td><a href=\"/public/2024/701001\">")
          != NULL);
    CHECK(strstr(page, "<a href=\"/public/2024.csv\">CSV</a>") != NULL);
    CHECK(strstr(page, "701002") == NULL);
    CHECK(strstr(page, "乙单位") == NULL);
    /* the audit trail on the page */
    page = fx_get(&f, "/unit/701001/2024", fa);
    CHECK(strstr(page, "<td>公开</td><td>已审核 → 已公开</td>") != NULL);
    webfix_close(&f);
}

/* The year overview: every unit's row, names escaped, sorting, pages,
 * and the security headers on every response. */
static void t_year(void)
{
    struct webfix f;
    if (!fix_open(&f, 1)) {
        return;
    }
    const char *rv = fx_session(&f, "rv");
    struct jx_web_response *r =
        fx_req(&f, "GET", "/year/2024", "sort=code", rv, NULL);
    CHECK_INT(r->status, 200);
    const char *page = fx_body(&f, r);
    CHECK(strstr(page, "<script>") == NULL);
    CHECK(strstr(page, "甲&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;单位")
          != NULL);
    CHECK(strstr(page, "<td>701001</td><td><a href=\"/unit/701001/2024\">") !=
          NULL);
    CHECK(strstr(page, "<td>已送审</td><td>按时</td><td>错误 ") != NULL);
    CHECK(strstr(page, "第 1 / 2 页") != NULL);
    CHECK(strstr(page, "701002") == NULL);
    page = fx_body(&f, fx_req(&f, "GET", "/year/2024", "sort=code&page=2", rv,
                              NULL));
    CHECK(strstr(page, "<td>701002</td><td><a href=\"/unit/701002/2024\">乙单位"
                       "</a></td><td>已送审</td><td>按时</td>") != NULL);
    CHECK(strstr(page, "第 2 / 2 页") != NULL);
    CHECK(strstr(page, "href=\"/year/2024?sort=code&amp;page=1\">上一页") != NULL);
    /* by name, descending code order is not it: 乙 (U+4E59) after 甲 (U+7532)? */
    page = fx_body(&f, fx_req(&f, "GET", "/year/2024", "sort=name&page=1", rv,
                              NULL));
    CHECK(strstr(page, "<td>701002</td>") != NULL);
    /* headers on every response, the 404 page too */
    r = fx_req(&f, "GET", "/no/such/page", NULL, NULL, NULL);
    CHECK_INT(r->status, 404);
    CHECK(strstr(fx_body(&f, r), "您要找的页面不存在。") != NULL);
    CHECK_STR(jx_web_response_header(r, "Content-Security-Policy"),
              "default-src 'self'; script-src 'self'; style-src 'self'; "
              "frame-ancestors 'none'");
    CHECK_STR(jx_web_response_header(r, "X-Frame-Options"), "DENY");
    CHECK_STR(jx_web_response_header(r, "X-Content-Type-Options"), "nosniff");
    CHECK_STR(jx_web_response_header(r, "Referrer-Policy"), "same-origin");
    r = fx_req(&f, "GET", "/style.css", NULL, NULL, NULL);
    CHECK_INT(r->status, 200);
    CHECK_STR(jx_web_response_header(r, "Content-Type"), "text/css; charset=utf-8");
    webfix_close(&f);
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
    struct webfix f;
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
                    const char *cookie = ac->name ? fx_session(&f,
                                                               ac->name) : NULL;
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
                        } else if (*p == '{') {
                            /* {version}, {seq}: the first (each unit's
                             * version 1 holds u.json) */
                            snprintf(path + k, sizeof path - k, "1");
                            p = strchr(p, '}') + 1;
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
                            tk = fx_token(&f, cookie);
                        } else {
                            struct jx_web_response *g =
                                fx_req(&f, "GET", "/signin", NULL, NULL, NULL);
                            pre = (char *)cookie_pair(&f, set_cookie(g, 0));
                            tk = fx_csrf(&f, fx_body(&f, g));
                            cookie = pre;
                        }
                        bodytext = jx_sprintf(
                            f.a, "csrf=%s&action=take&name=x%zu&password=y", tk,
                            walked);
                    }
                    struct jx_web_response *r =
                        fx_req(&f, rt->method, path, NULL, cookie, bodytext);
                    const char *b = fx_body(&f, r);
                    walked++;
                    /* a public route's unit is the public's to read when
                     * published, whoever asks; nothing is 已公开 here, so
                     * each is as absent */
                    bool public_unit = has_unit && (rt->roles & JX_WEB_ANON);
                    bool absent = (has_unit && ui == 2) ||
                                  (has_year && yi > 0) || public_unit;
                    bool foreign = has_unit && ac->unit && ui != 0 &&
                                   !public_unit;
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
    webfix_close(&f);
}

/* The multipart reader: fields and files, a path cut to its base name,
 * a quoted boundary, and each refusal with its status. */
static void t_multipart(void)
{
    struct jx_arena *a = jx_arena_new();
    static const char body1[] =
        "preamble\r\n--XyZ\r\n"
        "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
        "tok\r\n--XyZ\r\n"
        "content-disposition: form-data; name=\"file\";"
        " filename=\"C:\\\\docs\\\\自评.txt\"\r\n"
        "Content-Type: text/plain\r\n\r\n"
        "a\r\nb\0c\r\n--XyZ--\r\n";
    struct jx_web_part *p;
    size_t n;
    const char *why = NULL;
    CHECK_INT(jx_web_multipart(a, "multipart/form-data; boundary=XyZ", body1,
                               sizeof body1 - 1, NULL, &p, &n, &why),
              0);
    CHECK_INT((long)n, 2);
    if (n == 2) {
        CHECK_STR(p[0].name, "csrf");
        CHECK(p[0].filename == NULL);
        CHECK_INT((long)p[0].len, 3);
        CHECK(memcmp(p[0].data, "tok", 3) == 0);
        CHECK_STR(p[1].name, "file");
        CHECK_STR(p[1].filename, "自评.txt");
        CHECK_STR(p[1].content_type, "text/plain");
        CHECK_INT((long)p[1].len, 6);
        CHECK(memcmp(p[1].data, "a\r\nb\0c", 6) == 0);
    }
    static const char body2[] =
        "--a b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n"
        "--a b--";
    CHECK_INT(jx_web_multipart(a, "Multipart/Form-Data; charset=utf-8;"
                                  " boundary=\"a b\"",
                               body2, sizeof body2 - 1, NULL, &p, &n, &why),
              0);
    CHECK_INT((long)n, 1);
    /* refusals */
    CHECK_INT(jx_web_multipart(a, "application/x-www-form-urlencoded", "a=1",
                               3, NULL, &p, &n, &why),
              400);
    CHECK_STR(why, "上传内容格式错误：不是带分隔符的 multipart/form-data");
    static const char nodisp[] =
        "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--";
    CHECK_INT(jx_web_multipart(a, "multipart/form-data; boundary=B", nodisp,
                               sizeof nodisp - 1, NULL, &p, &n, &why),
              400);
    CHECK_STR(why, "上传内容格式错误：分段缺少 Content-Disposition");
    static const char noend[] =
        "--B\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nx";
    CHECK_INT(jx_web_multipart(a, "multipart/form-data; boundary=B", noend,
                               sizeof noend - 1, NULL, &p, &n, &why),
              400);
    CHECK_STR(why, "上传内容格式错误：最后一段没有结束分隔符");
    struct jx_web_multipart_limits lim;
    jx_web_multipart_limits_default(&lim);
    lim.max_file = 4;
    static const char big[] =
        "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.txt\""
        "\r\n\r\n12345\r\n--B--";
    CHECK_INT(jx_web_multipart(a, "multipart/form-data; boundary=B", big,
                               sizeof big - 1, &lim, &p, &n, &why),
              413);
    CHECK_STR(why, "文件“x.txt”过大（每个文件最多 0 MiB）");
    jx_web_multipart_limits_default(&lim);
    lim.max_files = 1;
    static const char two[] =
        "--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"1\""
        "\r\n\r\n1\r\n--B\r\nContent-Disposition: form-data; name=\"f\";"
        " filename=\"2\"\r\n\r\n2\r\n--B--";
    CHECK_INT(jx_web_multipart(a, "multipart/form-data; boundary=B", two,
                               sizeof two - 1, &lim, &p, &n, &why),
              413);
    CHECK_STR(why, "一次最多上传 1 个文件");
    lim.max_files = 10;
    lim.max_header = 20;
    CHECK_INT(jx_web_multipart(a, "multipart/form-data; boundary=B", two,
                               sizeof two - 1, &lim, &p, &n, &why),
              400);
    CHECK_STR(why, "上传内容格式错误：分段头过长");
    jx_arena_free(a);
}

/* POST a multipart upload of one file (name, data[0..len)) with the
 * csrf field to path as cookie: the response. */
static struct jx_web_response *upload(struct webfix *f, const char *path,
                                      const char *cookie, const char *csrf,
                                      const char *name, const char *data,
                                      size_t len)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 26);
    jx_buf_addf(&b, "--jxB0undary\r\nContent-Disposition: form-data;"
                    " name=\"csrf\"\r\n\r\n%s\r\n--jxB0undary\r\n"
                    "Content-Disposition: form-data; name=\"file\";"
                    " filename=\"%s\"\r\nContent-Type: application/octet-stream"
                    "\r\n\r\n",
                csrf, name);
    jx_buf_add(&b, data, len);
    jx_buf_adds(&b, "\r\n--jxB0undary--\r\n");
    struct jx_web_request rq = {
        .method = "POST", .path = path, .cookie = cookie,
        .content_type = "multipart/form-data; boundary=jxB0undary",
        .host = "localhost:8080", .client = "192.0.2.7",
        .body = jx_strndup(f->a, b.p, b.len), .body_len = b.len};
    jx_buf_release(&b);
    struct jx_web_response *r = jx_alloc(f->a, sizeof *r);
    jx_web_response_init(r, f->a);
    CHECK_INT(jx_web_handle(f->app, f->s, &rq, r), 0);
    return r;
}

/* POST action (and comment) to unit 701003's act route as cookie. */
static struct jx_web_response *act(struct webfix *f, const char *cookie,
                                   const char *action, const char *comment)
{
    return fx_req(f, "POST", "/unit/701003/2024/act", NULL, cookie,
                  jx_sprintf(f->a, "csrf=%s&action=%s%s%s", fx_token(f, cookie),
                             action, comment ? "&comment=" : "",
                          comment ? comment : ""));
}

/* POST action to unit's act route for 2024 as cookie: the status. */
static int act_on(struct webfix *f, const char *cookie, const char *unit,
                  const char *action)
{
    return fx_req(f, "POST", jx_sprintf(f->a, "/unit/%s/2024/act", unit), NULL,
                  cookie,
               jx_sprintf(f->a, "csrf=%s&action=%s", fx_token(f, cookie),
                          action))
        ->status;
}

/* The draft's Package JSON of unit 701003 for 2024 (in f's arena). */
static const char *draft_pkg(struct webfix *f)
{
    struct jx_ws_draft dr;
    CHECK_INT(jx_ws_draft_get(f->a, f->s, "701003", 2024, &dr), 1);
    return dr.package_json ? dr.package_json : "";
}

/* The number of draft_log rows of unit 701003. */
static int draft_log_rows(struct webfix *f)
{
    struct jx_diags d;
    jx_diags_init(&d, f->a);
    struct jx_ws_history h;
    CHECK_INT(jx_ws_history(f->a, f->s, "701003", 2024, &h, &d), 0);
    jx_diags_release(&d);
    return (int)h.ndraft_log;
}

/* Filling in the forms in the page without a document: a blank draft,
 * a malformed figure refused with its form, row and column and nothing
 * stored, typed figures saved (how "portal") and 重新计算 showing the
 * server's exact 执行率, rows added and removed, the script served. */
static void t_edit_fill(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    add_unit_c(&f);
    const char *fc = fx_session(&f, "fc");
    const char *ep = "/unit/701003/2024/edit";
    const char *page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "<button type=\"submit\">新建空白草稿</button></form> "
                       "<a href=\"/unit/701003/2024/edit\">在网页中填写</a>")
          != NULL);
    /* the blank form has every cell of the forms, empty */
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "<tr><td>整体支出绩效自评表 资金 合计</td><td>全年执行数"
                       "</td><td><input type=\"text\" name=\"/unit_sheet/funds/"
                       "total/executed\" value=\"\" size=\"14\" "
                       "inputmode=\"decimal\"></td><td></td></tr>") != NULL);
    CHECK(strstr(page, "name=\"/base_sheet/costs/office/budget\" value=\"\"")
          != NULL);
    CHECK(strstr(page, "name=\"/unit_sheet/funds/total/rate\" value=\"\" "
                       "size=\"14\" inputmode=\"decimal\" data-num=\"/unit_sheet/"
                       "funds/total/executed\" data-den=\"/unit_sheet/funds/"
                       "total/budget_full\">") != NULL);
    CHECK(strstr(page, "<script src=\"/static/edit.js\"></script>") != NULL);
    /* a fund split has its three amounts, as on the printed form */
    CHECK(strstr(page, "name=\"/unit_sheet/funds/general_budget/executed\"")
          != NULL);
    CHECK(strstr(page, "name=\"/unit_sheet/funds/general_budget/rate\"")
          == NULL);
    CHECK(strstr(page, "name=\"/unit_sheet/funds/current_appropriation/")
          == NULL);
    /* 新建空白草稿 */
    const char *tk = fx_token(&f, fc);
    struct jx_web_response *r =
        fx_req(&f, "POST", "/unit/701003/2024/blank", NULL, fc,
               jx_sprintf(f.a, "csrf=%s", tk));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), ep);
    const char *before = draft_pkg(&f);
    CHECK(strstr(before, "\"name\": \"丙街道办事处\"") != NULL);
    CHECK_INT(draft_log_rows(&f), 1);
    CHECK_INT(fx_req(&f, "POST", "/unit/701003/2024/blank", NULL, fc,
                     jx_sprintf(f.a, "csrf=%s", tk))->status,
              403);
    /* a malformed figure: refused, located, nothing stored */
    const char *ex = "%2Funit_sheet%2Ffunds%2Ftotal%2Fexecuted";
    const char *bf = "%2Funit_sheet%2Ffunds%2Ftotal%2Fbudget_full";
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=100.00&%s=12%%2C3.4x", tk, bf, ex));
    CHECK_INT(r->status, 422);
    CHECK(strstr(fx_body(&f, r),
                 "<li>整体支出绩效自评表 资金 合计 · 全年执行数：“12,3.4x”不是"
                 "数字（数字格式错误）</li>") != NULL);
    CHECK_STR(draft_pkg(&f), before);
    CHECK_INT(draft_log_rows(&f), 1);
    /* typed figures, 重新计算: saved, back to the form, the exact rate */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=100.00&%s=95.50&op=recalc", tk, bf,
                          ex));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), ep);
    const char *saved = draft_pkg(&f);
    const char *exs = strstr(saved, "\"executed\": {");
    CHECK(exs && strstr(exs, "\"value\": \"95.50\"") != NULL &&
          strstr(exs, "\"how\": \"portal\"") != NULL);
    CHECK_INT(draft_log_rows(&f), 2);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "data-den=\"/unit_sheet/funds/total/budget_full\"> "
                       "<span class=\"calc\">计算：95.50%</span>") != NULL);
    CHECK(strstr(page, "name=\"/unit_sheet/funds/total/executed\" "
                       "value=\"95.50\"") != NULL);
    /* an indicator row added, then removed; a project table added */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&add=%%2Funit_sheet%%2Findicators", tk));
    CHECK_INT(r->status, 303);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "name=\"/unit_sheet/indicators/0/name\" value=\"\"")
          != NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%%2Funit_sheet%%2Findicators%%2F0%%2F"
                               "name=%s", tk, "%E6%BB%A1%E6%84%8F%E5%BA%A6"));
    CHECK_INT(r->status, 303);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "name=\"/unit_sheet/indicators/0/name\" "
                       "value=\"满意度\"") != NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&remove=%%2Funit_sheet%%2Findicators"
                               "%%2F0", tk));
    CHECK_INT(r->status, 303);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "name=\"/unit_sheet/indicators/0/name\"") == NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&add=%%2Fproject_sheets", tk));
    CHECK_INT(r->status, 303);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "name=\"/project_sheets/0/funds/current_appropriation/"
                       "executed\"") != NULL);
    CHECK(strstr(page, "<button type=\"submit\" name=\"remove\" "
                       "value=\"/project_sheets/0\">删除</button>") != NULL);
    /* no such list: 400, nothing stored */
    const char *now = draft_pkg(&f);
    CHECK_INT(fx_req(&f, "POST", ep, NULL, fc,
                     jx_sprintf(f.a, "csrf=%s&add=%%2Funit", tk))->status,
              400);
    CHECK_STR(draft_pkg(&f), now);
    /* a draft filled in the page (no file) is submitted as any other */
    r = fx_req(&f, "POST", "/unit/701003/2024/act", NULL, fc,
               jx_sprintf(f.a, "csrf=%s&action=submit", tk));
    CHECK_INT(r->status, 303);
    CHECK(strstr(fx_get(&f, "/unit/701003/2024", fc), "已送审") != NULL);
    /* the script, served by the binary */
    r = fx_req(&f, "GET", "/static/edit.js", NULL, NULL, NULL);
    CHECK_INT(r->status, 200);
    CHECK(strstr(fx_body(&f, r), "' 预览：'") != NULL);
    webfix_close(&f);
}

/* Filling in the page, the enumerations and the goal sheet: a project
 * line is added with its category picked from a select of the model's
 * categories in Chinese (none picked: 400), an indicator's achievement
 * level chosen (a value off the list refused beside its field), the
 * 部门整体支出绩效目标完成情况自评表 added, a task row filled in, the
 * sheet removed; all through the one list of cells. */
static void t_edit_choices(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    add_unit_c(&f);
    const char *fc = fx_session(&f, "fc");
    const char *ep = "/unit/701003/2024/edit";
    const char *tk = fx_token(&f, fc);
    CHECK_INT(fx_req(&f, "POST", "/unit/701003/2024/blank", NULL, fc,
                     jx_sprintf(f.a, "csrf=%s", tk))->status,
              303);
    const char *page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "<p><select name=\"add_category\"><option value=\""
                       "business\">业务工作经费</option><option value=\""
                       "operation\">运行维护经费</option><option value=\""
                       "local_special\">区级(省级)专项资金</option><option "
                       "value=\"transfer\">上级转移支付</option></select> "
                       "<button type=\"submit\" name=\"add\" value=\"/base_sheet"
                       "/costs/project_lines\">增加项目支出明细行</button></p>")
          != NULL);
    CHECK(strstr(page, "<p><button type=\"submit\" name=\"add\" value=\""
                       "/goal_sheet\">增加部门整体支出绩效目标完成情况自评表"
                       "</button></p>") != NULL);
    /* a line without its category: refused, nothing stored */
    const char *before = draft_pkg(&f);
    const char *pl = "%2Fbase_sheet%2Fcosts%2Fproject_lines";
    struct jx_web_response *r =
        fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&add=%s", tk, pl));
    CHECK_INT(r->status, 400);
    CHECK(strstr(fx_body(&f, r), "请先选择新行的类别") != NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&add=%s&add_category=nonsense", tk, pl));
    CHECK_INT(r->status, 400);
    CHECK_STR(draft_pkg(&f), before);
    /* with it: the row, its category selected */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&add=%s&add_category=transfer", tk, pl));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), ep);
    CHECK(strstr(draft_pkg(&f), "\"project_lines\": [\n        {\n"
                                "          \"category\": \"transfer\"\n")
          != NULL);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "<tr><td>基础数据表 支出 项目支出明细 第1行</td><td>类别"
                       "</td><td><select name=\"/base_sheet/costs/project_lines/"
                       "0/category\"><option value=\"business\">业务工作经费"
                       "</option><option value=\"operation\">运行维护经费"
                       "</option><option value=\"local_special\">区级(省级)专项"
                       "资金</option><option value=\"transfer\" selected>上级"
                       "转移支付</option></select></td><td></td></tr>")
          != NULL);
    CHECK(strstr(page, "<button type=\"submit\" name=\"remove\" value=\""
                       "/base_sheet/costs/project_lines/0\">删除</button>")
          != NULL);
    /* its category changed and its amount typed */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s%%2F0%%2Fcategory=operation&%s%%2F0"
                               "%%2Ffinal=12.50", tk, pl, pl));
    CHECK_INT(r->status, 303);
    const char *saved = draft_pkg(&f);
    CHECK(strstr(saved, "\"category\": \"operation\"") != NULL);
    CHECK(strstr(saved, "\"final\": {\n            \"value\": \"12.50\",\n"
                        "            \"source\": {\n              \"how\": "
                        "\"portal\"\n") != NULL);
    /* the required category may not be emptied */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s%%2F0%%2Fcategory=", tk, pl));
    CHECK_INT(r->status, 422);
    CHECK(strstr(fx_body(&f, r), "<li>基础数据表 支出 项目支出明细 第1行 · 类别"
                                 "：请选择一项</li>") != NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&remove=%s%%2F0", tk, pl));
    CHECK_INT(r->status, 303);
    CHECK(strstr(draft_pkg(&f), "project_lines") == NULL);
    /* an indicator's achievement level */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&add=%%2Funit_sheet%%2Findicators", tk));
    CHECK_INT(r->status, 303);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "<tr><td>整体支出绩效自评表 指标 第1行</td><td>达成程度"
                       "</td><td><select name=\"/unit_sheet/indicators/0/"
                       "achievement\"><option value=\"\" selected>（未填）"
                       "</option><option value=\"met\">达成年度指标</option>"
                       "<option value=\"partial\">部分达成年度指标并具有一定效果"
                       "</option><option value=\"not_met\">未达成年度指标且效果"
                       "较差</option></select></td><td></td></tr>") != NULL);
    const char *ach = "%2Funit_sheet%2Findicators%2F0%2Fachievement";
    before = draft_pkg(&f);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=great", tk, ach));
    CHECK_INT(r->status, 422);
    CHECK(strstr(fx_body(&f, r), "<option value=\"great\" selected>great"
                                 "</option></select> <span class=\"err "
                                 "fielderr\">“great”不是可选的一项</span>")
          != NULL);
    CHECK_STR(draft_pkg(&f), before);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=partial", tk, ach));
    CHECK_INT(r->status, 303);
    CHECK(strstr(draft_pkg(&f), "\"achievement\": \"partial\"") != NULL);
    CHECK(strstr(fx_get(&f, ep, fc), "<option value=\"partial\" selected>")
          != NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=", tk, ach));
    CHECK_INT(r->status, 303);
    CHECK(strstr(draft_pkg(&f), "\"achievement\"") == NULL);
    /* the goal sheet: added, a task filled in, removed */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&add=%%2Fgoal_sheet", tk));
    CHECK_INT(r->status, 303);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "<h2>部门整体支出绩效目标完成情况自评表</h2>\n<p>部门整体"
                       "支出绩效目标完成情况自评表 <button type=\"submit\" "
                       "name=\"remove\" value=\"/goal_sheet\">删除</button></p>")
          != NULL);
    CHECK(strstr(page, "<tr><td>部门整体支出绩效目标完成情况自评表 金额合计</td>"
                       "<td>预算数 总额</td><td><input type=\"text\" name=\""
                       "/goal_sheet/task_total/budget_total\" value=\"\"")
          != NULL);
    CHECK(strstr(page, "value=\"/goal_sheet/tasks\">增加任务行</button>")
          != NULL);
    CHECK(strstr(page, "value=\"/goal_sheet/indicators\">增加绩效指标行"
                       "</button>") != NULL);
    CHECK(strstr(page, "增加部门整体支出绩效目标完成情况自评表") == NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&add=%%2Fgoal_sheet%%2Ftasks", tk));
    CHECK_INT(r->status, 303);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%%2Fgoal_sheet%%2Ftasks%%2F0%%2F"
                               "budget_total=80.00", tk));
    CHECK_INT(r->status, 303);
    CHECK(strstr(draft_pkg(&f), "\"tasks\": [\n      {\n        "
                                "\"budget_total\": {\n          \"value\": "
                                "\"80.00\"") != NULL);
    CHECK(strstr(fx_get(&f, ep, fc), "<tr><td>部门整体支出绩效目标完成情况自评表 "
                                     "任务 第1行</td><td>预算数 总额</td><td>"
                                     "<input type=\"text\" name=\"/goal_sheet/"
                                     "tasks/0/budget_total\" value=\"80.00\"")
          != NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&remove=%%2Fgoal_sheet", tk));
    CHECK_INT(r->status, 303);
    CHECK(strstr(draft_pkg(&f), "goal_sheet") == NULL);
    webfix_close(&f);
}

/* 重新计算 shows the server's exact 控制率, 规模控制率 and 投资概算控制率
 * (the scorer's items) beside their cells: 29 / 30 = 96.67%, 240 / 250 =
 * 96.00%, 78.50 / 80.00 = 98.13% (98.125 rounded half up); a stated
 * rate that disagrees keeps its own value, the figure beside it. */
static void t_edit_rates(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    add_unit_c(&f);
    const char *fc = fx_session(&f, "fc");
    const char *ep = "/unit/701003/2024/edit";
    const char *tk = fx_token(&f, fc);
    CHECK_INT(fx_req(&f, "POST", "/unit/701003/2024/blank", NULL, fc,
                     jx_sprintf(f.a, "csrf=%s", tk))->status,
              303);
    CHECK_INT(fx_req(&f, "POST", ep, NULL, fc,
                     jx_sprintf(f.a, "csrf=%s&add=%%2Fbase_sheet%%2Fbuildings",
                                tk))->status,
              303);
    const char *st = "%2Fbase_sheet%2Fstaffing%2F";
    const char *bd = "%2Fbase_sheet%2Fbuildings%2F0%2F";
    struct jx_web_response *r = fx_req(
        &f, "POST", ep, NULL, fc,
        jx_sprintf(f.a, "csrf=%s&%sauthorized=30&%sactual=29&%scontrol_rate="
                        "95%%25&%sapproved_area=250&%sactual_area=240&"
                        "%sbudget_invest=80.00&%sactual_invest=78.50&op=recalc",
                   tk, st, st, st, bd, bd, bd, bd));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), ep);
    const char *page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "name=\"/base_sheet/staffing/control_rate\" value=\"95%\""
                       " size=\"14\" inputmode=\"decimal\" data-num=\""
                       "/base_sheet/staffing/actual\" data-den=\"/base_sheet/"
                       "staffing/authorized\"> <span class=\"calc\">计算："
                       "96.67%</span></td><td>C105</td>") != NULL);
    CHECK(strstr(page, "name=\"/base_sheet/buildings/0/area_rate\" value=\"\" "
                       "size=\"14\" inputmode=\"decimal\" data-num=\"/base_sheet/"
                       "buildings/0/actual_area\" data-den=\"/base_sheet/"
                       "buildings/0/approved_area\"> <span class=\"calc\">计算："
                       "96.00%</span>") != NULL);
    CHECK(strstr(page, "data-den=\"/base_sheet/buildings/0/budget_invest\"> "
                       "<span class=\"calc\">计算：98.13%</span>") != NULL);
    /* 编制数 0: no figure (不适用), none shown */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%sauthorized=0&op=recalc", tk, st));
    CHECK_INT(r->status, 303);
    page = fx_get(&f, ep, fc);
    CHECK(strstr(page, "data-den=\"/base_sheet/staffing/authorized\"> "
                       "<span class=\"calc\">") == NULL);
    CHECK(strstr(page, "计算：98.13%") != NULL);
    webfix_close(&f);
}

/* Correcting figures in the page: the form shows the draft's figures
 * named by pointer with the findings at them; a bad number comes back
 * beside its field with nothing saved; a correction is saved with how
 * "portal" and the printed text, evaluated again (the C102 it fixes
 * gone); refusals: CSRF, the reviewer, another unit, a submitted one. */
static void t_edit(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    add_unit_c(&f);
    const char *pkg = f.pkg;
    size_t len = f.len;
    const char *fc = fx_session(&f, "fc");
    const char *rv = fx_session(&f, "rv");
    const char *fa = fx_session(&f, "fa");
    const char *ep = "/unit/701003/2024/edit";
    /* no draft yet: the blank forms to fill in */
    struct jx_web_response *r = fx_req(&f, "GET", ep, NULL, fc, NULL);
    CHECK_INT(r->status, 200);
    CHECK(strstr(fx_body(&f, r), "尚无草稿：填写下列表格并保存") != NULL);
    r = upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc),
               "flow.json",
               pkg, len);
    CHECK_INT(r->status, 303);
    const char *page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "<a href=\"/unit/701003/2024/edit\">在页面中更正数字</a>")
          != NULL);
    CHECK(strstr(page, "<td>C102</td>") != NULL);
    /* the form */
    r = fx_req(&f, "GET", ep, NULL, fc, NULL);
    CHECK_INT(r->status, 200);
    page = fx_body(&f, r);
    CHECK(strstr(page, "<tr><td>基础数据表 支出 三公经费</td><td>上年决算数</td>"
                       "<td><input type=\"text\" name=\"/base_sheet/costs/"
                       "three_public/prev_final\" value=\"30.00\" size=\"14\" "
                       "inputmode=\"decimal\"></td><td>C102</td></tr>")
          != NULL);
    CHECK(strstr(page, "name=\"/unit_sheet/funds/total/executed\"") != NULL);
    CHECK(strstr(page, "name=\"/unit_sheet/indicators/0/target\"") != NULL);
    const char *before = draft_pkg(&f);
    const char *tk = fx_token(&f, fc);
    const char *field = "%2Fbase_sheet%2Fcosts%2Fthree_public%2Fprev_final";
    /* a bad number: the form again, the error beside it, nothing saved */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=3O.00", tk, field));
    CHECK_INT(r->status, 422);
    page = fx_body(&f, r);
    CHECK(strstr(page, "value=\"3O.00\" size=\"14\" inputmode=\"decimal\" "
                       "aria-invalid=\"true\"> <span class=\"err fielderr\">"
                       "“3O.00”不是数字（数字格式错误）</span>") != NULL);
    CHECK(strstr(page, "未保存：请更正标出的数字。") != NULL);
    CHECK_STR(draft_pkg(&f), before);
    /* a percentage in a money field: refused too */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=15%%25", tk, field));
    CHECK_INT(r->status, 422);
    CHECK(strstr(fx_body(&f, r), "“15%”是百分数，此栏应填写数字") != NULL);
    CHECK_STR(draft_pkg(&f), before);
    /* CSRF missing: 403, nothing saved */
    r = fx_req(&f, "POST", ep, NULL, fc, jx_sprintf(f.a, "%s=15.70", field));
    CHECK_INT(r->status, 403);
    CHECK_STR(draft_pkg(&f), before);
    /* the reviewer: 403; another unit's filler: 404; anonymous: sign in */
    CHECK_INT(fx_req(&f, "GET", ep, NULL, rv, NULL)->status, 403);
    CHECK_INT(fx_req(&f, "POST", ep, NULL, rv,
                  jx_sprintf(f.a, "csrf=%s&%s=15.70", fx_token(&f, rv), field))
                  ->status,
              403);
    CHECK_INT(fx_req(&f, "GET", ep, NULL, fa, NULL)->status, 404);
    CHECK_INT(fx_req(&f, "POST", ep, NULL, fa,
                  jx_sprintf(f.a, "csrf=%s&%s=15.70", fx_token(&f, fa), field))
                  ->status,
              404);
    CHECK_STR(draft_pkg(&f), before);
    CHECK_INT(fx_req(&f, "GET", ep, NULL, NULL, NULL)->status, 303);
    /* the correction: saved with its provenance, evaluated again */
    r = fx_req(&f, "POST", ep, NULL, fc,
            jx_sprintf(f.a, "csrf=%s&%s=15.70&%%2Funit_sheet%%2Ffunds%%2Ftotal"
                            "%%2Fexecuted=", tk, field));
    CHECK_INT(r->status, 422); /* an emptied figure is refused */
    CHECK(strstr(fx_body(&f, r), "请填写数字") != NULL);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=+15.70+", tk, field));
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/unit/701003/2024");
    const char *after = draft_pkg(&f);
    CHECK(strstr(after, "\"prev_final\": {\n          \"value\": \"15.70\",\n"
                        "          \"source\": {\n            \"how\": "
                        "\"portal\",\n            \"raw\": \"30.00\"\n")
          != NULL);
    page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "<td>C102</td>") == NULL);
    CHECK(strstr(page, "<p>错误 0，") != NULL);
    CHECK(strstr(page, "<td>flow.json</td><td>json</td>") != NULL);
    /* corrected again: the printed text stays the document's */
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=15.7", tk, field));
    CHECK_INT(r->status, 303);
    CHECK(strstr(draft_pkg(&f), "\"raw\": \"30.00\"") != NULL);
    /* nothing changed: back to the page, the draft as it was */
    after = draft_pkg(&f);
    r = fx_req(&f, "POST", ep, NULL, fc,
               jx_sprintf(f.a, "csrf=%s&%s=15.70", tk, field));
    CHECK_INT(r->status, 303);
    CHECK_STR(draft_pkg(&f), after);
    /* submitted: the form is refused */
    CHECK_INT(act(&f, fc, "submit", NULL)->status, 303);
    r = fx_req(&f, "GET", ep, NULL, fc, NULL);
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "只有填报中或被退回时可以修改材料") != NULL);
    webfix_close(&f);
}

/* The whole second round: a filler uploads seed-shaped JSON and sees
 * its findings located and its derivations; submits; the bureau takes
 * and returns it with a comment the unit sees; the unit uploads again
 * and resubmits; accepted and published, the public reads the report
 * and the open data. */
static void t_draft_flow(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    add_unit_c(&f);
    const char *pkg = f.pkg;
    size_t len = f.len;
    const char *fc = fx_session(&f, "fc");
    const char *rv = fx_session(&f, "rv");
    const char *page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "尚无草稿。") != NULL);
    CHECK(strstr(page, "enctype=\"multipart/form-data\"") != NULL);
    CHECK(strstr(page, "value=\"submit\"") == NULL); /* no draft: no 送审 */
    /* 送审 without a draft: refused */
    struct jx_web_response *r = act(&f, fc, "submit", NULL);
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "没有草稿") != NULL);
    /* a refused kind is named */
    r = upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc), "a.zip",
               "PK\003\004junk", 8);
    CHECK_INT(r->status, 415);
    CHECK(strstr(fx_body(&f, r), "文件“a.zip”是") != NULL);
    /* the upload: 303 back to the page, which shows the draft */
    r = upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc),
               "flow.json",
               pkg, len);
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/unit/701003/2024");
    page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "<p>错误 1，警告 2，舍入 0，提示 2</p>") != NULL);
    CHECK(strstr(page, "<tr><td>flow.json:26:23 /base_sheet/costs/three_public/"
                       "prev_final</td><td>错误</td><td>C102</td>") != NULL);
    long rows = 0;
    for (const char *p = strstr(page, "class=\"findings\""); p &&
         (p = strstr(p + 1, "<tr><td>flow.json:")) != NULL;) {
        rows++;
    }
    CHECK_INT(rows, 5);
    CHECK(strstr(page, "<li>算式：") != NULL);
    CHECK(strstr(page, "<td>flow.json</td><td>json</td>") != NULL);
    CHECK(strstr(page, "value=\"submit\"><button type=\"submit\">送审</button>")
          != NULL);
    /* the reviewer sees no draft, and may not upload */
    CHECK(strstr(fx_get(&f, "/unit/701003/2024", rv),
                 "<h2>草稿</h2>") == NULL);
    r = upload(&f, "/unit/701003/2024/upload", rv, fx_token(&f, rv), "x.json",
               pkg,
               len);
    CHECK_INT(r->status, 403);
    /* another unit's filler: 404 */
    const char *fa = fx_session(&f, "fa");
    r = upload(&f, "/unit/701003/2024/upload", fa, fx_token(&f, fa), "x.json",
               pkg,
               len);
    CHECK_INT(r->status, 404);
    /* anonymous: to sign in */
    r = upload(&f, "/unit/701003/2024/upload", NULL, "x", "x.json", pkg, len);
    CHECK_INT(r->status, 303);
    /* 送审: version 1, 已送审, the draft spent */
    r = act(&f, fc, "submit", NULL);
    CHECK_INT(r->status, 303);
    page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "状态：<strong>已送审</strong>") != NULL);
    CHECK(strstr(page, "<tr><td class=\"num\">1</td>") != NULL);
    CHECK(strstr(page, "尚无草稿。") != NULL);
    CHECK(strstr(page, "enctype=") == NULL);
    /* upload in 已送审: refused, nothing kept */
    r = upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc),
               "flow.json",
               pkg, len);
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "只有填报中或被退回时可以上传材料") != NULL);
    /* public: 404 before 公开 */
    CHECK_INT(fx_req(&f, "GET", "/public/2024/701003", NULL, NULL,
                     NULL)->status,
              404);
    /* 受理, 退回 with a comment the unit sees first */
    CHECK_INT(act(&f, rv, "take", NULL)->status, 303);
    CHECK_INT(act(&f, rv, "return", "%E8%AF%B7%E8%A1%A5%E5%85%85<b>")->status,
              303);
    page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "<div class=\"err\"><strong>退回意见</strong>（rv，"
                       "2025-09-20T00:00:00Z）：<p>请补充&lt;b&gt;</p></div>")
          != NULL);
    r = upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc),
               "flow2.json",
               pkg, len);
    CHECK_INT(r->status, 303);
    page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "<button type=\"submit\">再送审</button>") != NULL);
    CHECK_INT(act(&f, fc, "submit", NULL)->status, 303);
    CHECK_INT(act(&f, rv, "take", NULL)->status, 303);
    CHECK_INT(act(&f, rv, "approve", NULL)->status, 303);
    CHECK_INT(fx_req(&f, "GET", "/public/2024/701003", NULL, NULL,
                     NULL)->status,
              404);
    CHECK_INT(act(&f, fc, "publish", NULL)->status, 303);
    /* the report, with its own policy (inline style, no script) */
    r = fx_req(&f, "GET", "/public/2024/701003", NULL, NULL, NULL);
    CHECK_INT(r->status, 200);
    CHECK(strstr(fx_body(&f, r), "测试市东湖区甲街道办事处") != NULL);
    CHECK_STR(jx_web_response_header(r, "Content-Security-Policy"),
              "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
              "frame-ancestors 'none'");
    CHECK(strstr(fx_body(&f, r), "<script") == NULL);
    /* another unit's filler reads it too: it is public */
    CHECK_INT(fx_req(&f, "GET", "/public/2024/701003", NULL, fa, NULL)->status,
              200);
    /* open data */
    struct jx_stmt *st = jx_stmt_prepare(
        f.s, "SELECT sha256 FROM versions WHERE unit = '701003' AND number = 2");
    CHECK(st && jx_stmt_step(st) == JX_STEP_ROW);
    const char *sha = st ? jx_strdup(f.a, jx_stmt_text(st, 0)) : "";
    jx_stmt_finalize(st);
    r = fx_req(&f, "GET", "/public/2024.json", NULL, NULL, NULL);
    CHECK_INT(r->status, 200);
    CHECK_STR(jx_web_response_header(r, "Content-Type"),
              "application/json; charset=utf-8");
    json_error_t err;
    json_t *root = json_loadb(r->body, r->body_len, 0, &err);
    CHECK(root != NULL);
    json_t *units = json_object_get(root, "units");
    CHECK_INT((long)json_array_size(units), 1);
    json_t *u = json_array_get(units, 0);
    CHECK_STR(json_string_value(json_object_get(root, "format")),
              "jixiao-open-data");
    CHECK_INT((long)json_integer_value(json_object_get(root, "year")), 2024);
    CHECK_STR(json_string_value(json_object_get(u, "code")), "701003");
    CHECK_STR(json_string_value(json_object_get(u, "name")), "丙街道办事处");
    CHECK_STR(json_string_value(json_object_get(u, "supervisor")),
              "东湖区人民政府");
    CHECK_STR(json_string_value(json_object_get(u, "region")), "东湖区");
    CHECK_STR(json_string_value(json_object_get(u, "published")), "2025-09-20");
    CHECK_INT((long)json_integer_value(json_object_get(u, "version")), 2);
    CHECK_STR(json_string_value(json_object_get(u, "self_score")), "99.59");
    CHECK_STR(json_string_value(json_object_get(u, "sha256")), sha);
    json_decref(root);
    r = fx_req(&f, "GET", "/public/2024.csv", NULL, NULL, NULL);
    CHECK_INT(r->status, 200);
    const char *csv = fx_body(&f, r);
    CHECK(strncmp(csv, "\xEF\xBB\xBF编码,名称,主管部门,区域,公开日期,版本,自评分,"
                       "考核分,SHA-256\r\n701003,丙街道办事处,东湖区人民政府,"
                       "东湖区,2025-09-20,2,99.59,",
                  strlen("\xEF\xBB\xBF编码,名称,主管部门,区域,公开日期,版本,"
                         "自评分,考核分,SHA-256\r\n701003,丙街道办事处,"
                         "东湖区人民政府,东湖区,2025-09-20,2,99.59,")) == 0);
    CHECK(strstr(csv, jx_sprintf(f.a, ",%s\r\n", sha)) != NULL);
    CHECK_INT(fx_req(&f, "GET", "/public/2031.json", NULL, NULL, NULL)->status,
              404);
    webfix_close(&f);
}

/* The status of the act form posted to unit 701003 with a blank
 * comment by cookie (the form again when only the comment is missing). */
static int blank(struct webfix *f, const char *cookie, const char *action)
{
    return act(f, cookie, action, "+%0D%0A+")->status;
}

/* The state on unit 701003's page as cookie sees it. */
static bool state_is(struct webfix *f, const char *cookie, const char *zh)
{
    const char *page =
        fx_get(f, "/unit/701003/2024", cookie);
    return strstr(page, jx_sprintf(f->a, "状态：<strong>%s</strong>", zh)) !=
           NULL;
}

/* Whether cookie's page of unit 701003 offers action's button. */
static bool offers(struct webfix *f, const char *cookie, const char *action)
{
    const char *page =
        fx_get(f, "/unit/701003/2024", cookie);
    return strstr(page, jx_sprintf(f->a, "name=\"action\" value=\"%s\"",
                                   action)) != NULL;
}

/* A version's originals through the portal (web_files.c): a third unit
 * submits a Package JSON and a file of every byte under a Chinese name
 * with a quote; the bureau and the unit's own filler download them
 * byte for byte with the exact headers; another unit's filler gets 404,
 * the anonymous a 303 to the sign-in; an absent version, seq or a
 * non-canonical number 404; the unit's page links the files; a copy
 * altered in the file store is a 500 naming it (D012), never served. */
static void t_version_files(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    fx_sql(&f, "INSERT INTO units (code, name) VALUES ('701003', '丙单位')");
    fx_sql(&f, "INSERT INTO users (name, role, unit) VALUES"
               " ('fc', 'filler', '701003')");
    CHECK_INT(jx_web_password_set(f.s, "fc", "pass-word-1", &f.d), 0);
    char blob[256 * 2 + 3];
    for (size_t i = 0; i < sizeof blob; i++) {
        blob[i] = (char)(i & 0xFF);
    }
    const char *pkg = "{\"format\":\"jixiao-package\"}";
    struct jx_ws_file files[2] = {
        {"c.json", pkg, strlen(pkg)},
        {"附件 a\"b.bin", blob, sizeof blob},
    };
    struct jx_ws_who who = {.user = "fc", .now = T0 - 3600};
    struct jx_ws_done done;
    CHECK_INT(jx_ws_submit(f.s, "701003", 2024, files, 2, pkg, NULL, &who,
                           &done, &f.d),
              0);
    const char *rv = fx_session(&f, "rv");
    struct jx_web_response *r =
        fx_req(&f, "GET", "/unit/701003/2024/v/1/files/2", NULL, rv, NULL);
    CHECK_INT(r->status, 200);
    CHECK(r->body_len == sizeof blob &&
          memcmp(r->body, blob, sizeof blob) == 0);
    CHECK_STR(jx_web_response_header(r, "Content-Type"),
              "application/octet-stream");
    CHECK_STR(jx_web_response_header(r, "Content-Disposition"),
              "attachment; filename=\"______ a_b.bin\"; "
              "filename*=UTF-8''%E9%99%84%E4%BB%B6%20a%22b.bin");
    CHECK_STR(jx_web_response_header(r, "X-Content-Type-Options"), "nosniff");
    /* the unit's own filler; the JSON exactly */
    const char *fc = fx_session(&f, "fc");
    r = fx_req(&f, "GET", "/unit/701003/2024/v/1/files/1", NULL, fc, NULL);
    CHECK_INT(r->status, 200);
    CHECK_STR(fx_body(&f, r), pkg);
    CHECK_STR(jx_web_response_header(r, "Content-Disposition"),
              "attachment; filename=\"c.json\"; filename*=UTF-8''c.json");
    /* another unit's filler: 404; nobody: to the sign-in */
    r = fx_req(&f, "GET", "/unit/701003/2024/v/1/files/1", NULL,
               fx_session(&f, "fa"), NULL);
    CHECK_INT(r->status, 404);
    r = fx_req(&f, "GET", "/unit/701003/2024/v/1/files/1", NULL, NULL, NULL);
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/signin");
    /* absent version, seq; numbers not written canonically */
    static const char *const absent[] = {
        "/unit/701003/2024/v/2/files/1", "/unit/701003/2024/v/1/files/3",
        "/unit/701003/2024/v/01/files/1", "/unit/701003/2024/v/1/files/x",
        "/unit/701003/2024/v/0/files/1", "/unit/701003/2031/v/1/files/1",
        "/unit/709999/2024/v/1/files/1"};
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++) {
        r = fx_req(&f, "GET", absent[i], NULL, rv, NULL);
        if (r->status != 404) {
            jx_test_fail(__FILE__, __LINE__, "%s: got %d", absent[i],
                         r->status);
        }
    }
    /* the unit's page links each file of each version */
    r = fx_req(&f, "GET", "/unit/701003/2024", NULL, fc, NULL);
    CHECK_INT(r->status, 200);
    const char *page = fx_body(&f, r);
    CHECK(strstr(page, "<th>原始文件</th>") != NULL);
    CHECK(strstr(page, "<a href=\"/unit/701003/2024/v/1/files/1\">c.json</a>"
                       "（27 字节）<br><a href=\"/unit/701003/2024/v/1/files/2\">"
                       "附件 a&quot;b.bin</a>（515 字节）") != NULL);
    /* a copy altered in the store: refused, named */
    char hex[65];
    jx_sha256_hex(blob, sizeof blob, hex);
    char path[600];
    snprintf(path, sizeof path, "%s/ws/files/%.2s/%s", f.dir, hex, hex + 2);
    CHECK_INT(chmod(path, 0644), 0);
    FILE *fp = fopen(path, "r+b");
    CHECK(fp != NULL);
    if (fp) {
        fputc('!', fp);
        fclose(fp);
    }
    r = fx_req(&f, "GET", "/unit/701003/2024/v/1/files/2", NULL, rv, NULL);
    CHECK_INT(r->status, 500);
    const char *b = fx_body(&f, r);
    CHECK(strstr(b, "单位 701003 年度 2024 版本 1 的原始文件 2“附件 a&quot;b.bin”"
                    "无法取回") != NULL);
    CHECK(jx_web_response_header(r, "Content-Disposition") == NULL);
    webfix_close(&f);
}

/* Every act of the state machine in the browser, with the leader's step:
 * the buttons each role sees in each state, refusals by role, the
 * comment or reason required (the form again, 422), and redraft: the
 * latest version as the draft (equal package and files), refused with
 * a draft there, in 已送审, and for another unit or the bureau. */
static void t_acts_all(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    fx_sql(&f, "UPDATE years SET leader_step = 1 WHERE year = 2024");
    fx_sql(&f, "INSERT INTO units (code, name) VALUES ('701003', '丙单位')");
    fx_sql(&f, "INSERT INTO users (name, role, unit) VALUES"
               " ('fc', 'filler', '701003'), ('lc', 'leader', '701003')");
    CHECK_INT(jx_web_password_set(f.s, "fc", "pass-word-1", &f.d), 0);
    CHECK_INT(jx_web_password_set(f.s, "lc", "pass-word-1", &f.d), 0);
    const char *pkg = f.pkg;
    size_t len = f.len;
    const char *fc = fx_session(&f, "fc"), *lc = fx_session(&f, "lc");
    const char *rv = fx_session(&f, "rv"), *ad = fx_session(&f, "ad");
    const char *fa = fx_session(&f, "fa");
    const char *rd = "/unit/701003/2024/redraft";
    /* no version yet: no redraft button, and the route refuses (W044) */
    CHECK(strstr(fx_get(&f, "/unit/701003/2024", fc),
                 "redraft") == NULL);
    struct jx_web_response *r = fx_post(&f, rd, fc, NULL);
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "尚无送审版本，不能以上一版本为底稿") != NULL);
    CHECK_INT(upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc),
                     "flow.json", pkg, len)->status,
              303);
    CHECK_INT(act(&f, fc, "submit", NULL)->status, 303);
    /* 待单位审核: the leader's two buttons, nobody else's */
    CHECK(state_is(&f, fc, "待单位审核"));
    CHECK(offers(&f, lc, "leader_approve"));
    CHECK(offers(&f, lc, "leader_return"));
    CHECK(strstr(fx_get(&f, "/unit/701003/2024", lc),
                 "<button type=\"submit\">退回填报人</button>") != NULL);
    CHECK(!offers(&f, fc, "leader_approve"));
    CHECK(!offers(&f, fc, "leader_return"));
    CHECK(!offers(&f, rv, "leader_approve"));
    CHECK(!offers(&f, rv, "take"));
    /* the leader's home page: the unit waiting for him */
    const char *home = fx_get(&f, "/", lc);
    CHECK(strstr(home, "<p class=\"msg\">待单位审核：<a href=\"/unit/701003/"
                       "2024\">2024 年度</a>，请同意并送审或退回填报人。</p>")
          != NULL);
    CHECK(strstr(home, "<tr><td><a href=\"/unit/701003/2024\">2024 年度</a>"
                       "</td><td>待单位审核</td><td>同意并送审、退回填报人"
                       "</td></tr>") != NULL);
    home = fx_get(&f, "/", fc);
    CHECK(strstr(home, "<td>待单位审核</td><td>暂无（等待他人处理）</td>") !=
          NULL);
    /* 退回填报人: the filler and the reviewer are refused; blank comment:
     * the form again */
    CHECK_INT(act(&f, fc, "leader_return", "x")->status, 403);
    CHECK_INT(act(&f, rv, "leader_return", "x")->status, 403);
    r = act(&f, lc, "leader_return", "+");
    CHECK_INT(r->status, 422);
    CHECK(strstr(fx_body(&f, r), "退回须写明意见：请填写退回意见后再提交。") != NULL);
    CHECK(state_is(&f, fc, "待单位审核"));
    CHECK_INT(act(&f, lc, "leader_return", "%E8%A1%A5%E5%85%85")->status, 303);
    CHECK(state_is(&f, fc, "填报中"));
    /* 填报中 with a version and no draft: redraft offered */
    home = fx_get(&f, "/", fc);
    CHECK(strstr(home, "<td>填报中</td><td>上传材料、以上一版本为底稿修改</td>")
          != NULL);
    const char *page =
        fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "action=\"/unit/701003/2024/redraft\"><input type=\""
                       "hidden\" name=\"csrf\" value=\"") != NULL);
    CHECK(strstr(page, "<button type=\"submit\">以上一版本为底稿修改</button>")
          != NULL);
    /* the leader sees no redraft (the filler's), another unit's filler
     * 404, the reviewer 403 */
    CHECK(strstr(fx_get(&f, "/unit/701003/2024", lc),
                 "redraft") == NULL);
    CHECK_INT(fx_post(&f, rd, fa, NULL)->status, 404);
    CHECK_INT(fx_post(&f, rd, rv, NULL)->status, 403);
    CHECK_INT(fx_req(&f, "POST", rd, NULL, fc, "csrf=bad")->status, 403);
    r = fx_post(&f, rd, fc, NULL);
    CHECK_INT(r->status, 303);
    CHECK_STR(jx_web_response_header(r, "Location"), "/unit/701003/2024");
    struct jx_stmt *st = jx_stmt_prepare(
        f.s, "SELECT package, evaluation FROM versions WHERE unit = '701003'"
             " AND number = 1");
    CHECK(st && jx_stmt_step(st) == JX_STEP_ROW);
    const char *vpkg = st ? jx_strdup(f.a, jx_stmt_text(st, 0)) : "";
    const char *veval = st ? jx_strdup(f.a, jx_stmt_text(st, 1)) : "";
    jx_stmt_finalize(st);
    struct jx_ws_draft dr;
    CHECK_INT(jx_ws_draft_get(f.a, f.s, "701003", 2024, &dr), 1);
    CHECK_STR(dr.package_json, vpkg);
    CHECK_STR(dr.evaluation_json, veval);
    CHECK_STR(dr.by, "fc");
    CHECK_INT((long)dr.nfiles, 1);
    if (dr.nfiles == 1) {
        CHECK_STR(dr.files[0].name, "flow.json");
        CHECK_STR(dr.files[0].kind, "json");
        CHECK_INT((long)dr.files[0].size, (long)len);
    }
    page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "<td>flow.json</td><td>json</td>") != NULL);
    CHECK(strstr(page, "<a href=\"/unit/701003/2024/edit\">在页面中更正数字") !=
          NULL);
    CHECK(strstr(page, "redraft") == NULL);
    /* a draft there: refused (W043) */
    r = fx_post(&f, rd, fc, NULL);
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "已有草稿：请在草稿上修改，或重新上传") != NULL);
    /* the corrected draft goes as version 2, the draft spent with it */
    CHECK_INT(act(&f, fc, "submit", NULL)->status, 303);
    CHECK_INT(jx_ws_draft_get(f.a, f.s, "701003", 2024, &dr), 0);
    CHECK_INT(act(&f, lc, "leader_approve", NULL)->status, 303);
    CHECK(state_is(&f, fc, "已送审"));
    /* in 已送审: no redraft */
    r = fx_post(&f, rd, fc, NULL);
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "只有填报中或被退回时可以修改材料") != NULL);
    /* 取消送审 until taken: the reviewer may not; after the leader's
     * 同意并送审 the filler may not undo it (W008), the leader may */
    CHECK(offers(&f, lc, "cancel_submit"));
    CHECK(!offers(&f, fc, "cancel_submit"));
    CHECK(!offers(&f, rv, "cancel_submit"));
    CHECK_INT(act(&f, rv, "cancel_submit", NULL)->status, 403);
    r = act(&f, fc, "cancel_submit", NULL);
    CHECK_INT(r->status, 403);
    CHECK(strstr(fx_body(&f, r), "单位负责人的操作") != NULL);
    home = fx_get(&f, "/", lc);
    CHECK(strstr(home, "<td>已送审</td><td>取消送审</td>") != NULL);
    home = fx_get(&f, "/", fc);
    CHECK(strstr(home, "<td>已送审</td><td>暂无（等待他人处理）</td>") != NULL);
    CHECK_INT(act(&f, lc, "cancel_submit", NULL)->status, 303);
    CHECK(state_is(&f, fc, "填报中"));
    CHECK(offers(&f, fc, "submit") == false); /* no draft: no 送审 */
    CHECK_INT(fx_post(&f, rd, fc, NULL)->status, 303);
    CHECK_INT(act(&f, fc, "submit", NULL)->status, 303);
    CHECK_INT(act(&f, lc, "leader_approve", NULL)->status, 303);
    CHECK_INT(act(&f, rv, "take", NULL)->status, 303);
    CHECK(!offers(&f, lc, "cancel_submit"));
    CHECK_INT(act(&f, lc, "cancel_submit", NULL)->status, 403);
    CHECK_INT(act(&f, rv, "approve", NULL)->status, 303);
    /* 已审核: 取消审核 by the bureau with a reason */
    CHECK(offers(&f, rv, "cancel_approval"));
    CHECK(!offers(&f, fc, "cancel_approval"));
    CHECK(strstr(fx_get(&f, "/unit/701003/2024", rv),
                 "<label>理由 <textarea name=\"comment\" rows=\"3\" "
                 "cols=\"40\" required></textarea></label><button type=\""
                 "submit\">取消审核</button>") != NULL);
    CHECK_INT(act(&f, fc, "cancel_approval", "x")->status, 403);
    CHECK_INT(blank(&f, rv, "cancel_approval"), 422);
    CHECK(strstr(fx_body(&f, act(&f, rv, "cancel_approval", NULL)),
                 "取消审核须写明理由：请填写理由后再提交。") != NULL);
    CHECK(state_is(&f, rv, "已审核"));
    CHECK_INT(act(&f, rv, "cancel_approval", "%E9%87%8D%E5%AE%A1")->status,
              303);
    CHECK(state_is(&f, rv, "审核中"));
    CHECK_INT(act(&f, rv, "approve", NULL)->status, 303);
    CHECK_INT(act(&f, fc, "publish", NULL)->status, 303);
    /* 已公开: 撤回公开 is the administrator's, with a reason */
    CHECK(!offers(&f, rv, "unpublish"));
    CHECK(!offers(&f, fc, "unpublish"));
    CHECK(offers(&f, ad, "unpublish"));
    CHECK(!offers(&f, rv, "cancel_approval")); /* published: unpublish first */
    CHECK_INT(act(&f, rv, "unpublish", "x")->status, 403);
    CHECK_INT(act(&f, fc, "unpublish", "x")->status, 403);
    CHECK_INT(blank(&f, ad, "unpublish"), 422);
    CHECK(strstr(fx_body(&f, act(&f, ad, "unpublish", NULL)),
                 "撤回公开须写明理由：请填写理由后再提交。") != NULL);
    CHECK(state_is(&f, ad, "已公开"));
    CHECK_INT(act(&f, ad, "unpublish", "%E6%9C%89%E8%AF%AF")->status, 303);
    CHECK(state_is(&f, ad, "已审核"));
    st = jx_stmt_prepare(f.s, "SELECT action, comment FROM audit WHERE"
                              " unit = '701003' ORDER BY id DESC LIMIT 1");
    CHECK(st && jx_stmt_step(st) == JX_STEP_ROW);
    CHECK_STR(jx_stmt_text(st, 0), "unpublish");
    CHECK_STR(jx_stmt_text(st, 1), "有误");
    jx_stmt_finalize(st);
    /* an act the page does not offer (抽查 has its own route) */
    CHECK_INT(act(&f, ad, "sample", NULL)->status, 403);
    /* 被退回: the unit corrects its last version (the third); after the
     * administrator's 撤回公开 the 取消审核 is his too (W008) */
    CHECK_INT(act(&f, rv, "cancel_approval", "x")->status, 403);
    CHECK_INT(act(&f, ad, "cancel_approval", "x")->status, 303);
    CHECK_INT(act(&f, rv, "return", "%E6%94%B9")->status, 303);
    CHECK(state_is(&f, fc, "被退回"));
    home = fx_get(&f, "/", fc);
    CHECK(strstr(home, "<td>被退回</td><td>上传材料、以上一版本为底稿修改</td>")
          != NULL);
    CHECK_INT(fx_post(&f, rd, fc, NULL)->status, 303);
    st = jx_stmt_prepare(f.s, "SELECT MAX(number) FROM versions"
                              " WHERE unit = '701003'");
    CHECK(st && jx_stmt_step(st) == JX_STEP_ROW);
    CHECK_INT((long)jx_stmt_int(st, 0), 3);
    jx_stmt_finalize(st);
    CHECK_INT(jx_ws_draft_get(f.a, f.s, "701003", 2024, &dr), 1);
    CHECK(dr.package_json && strcmp(dr.package_json, vpkg) == 0);
    home = fx_get(&f, "/", fc);
    CHECK(strstr(home, "<td>被退回</td><td>更正草稿、再送审</td>") != NULL);
    page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, "<button type=\"submit\">再送审</button>") != NULL);
    CHECK_INT(act(&f, fc, "resubmit", NULL)->status, 303);
    CHECK(state_is(&f, fc, "待单位审核"));
    webfix_close(&f);
}

/* 待我处理 on the home page: the reviewer's units in 已送审 and 审核中,
 * the oldest 送审 first with the working days since; a unit user's
 * state and next step; none for the public. */
static void t_todo(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    /* unit A withdraws and sends again later than B */
    const char *fa = fx_session(&f, "fa");
    CHECK_INT(act_on(&f, fa, "701001", "cancel_submit"), 303);
    /* a version the CLI sent without an Evaluation JSON: redraft too */
    CHECK_INT(fx_post(&f, "/unit/701001/2024/redraft", fa, NULL)->status, 303);
    struct jx_web_response *pg =
        fx_req(&f, "GET", "/unit/701001/2024", NULL, fa, NULL);
    CHECK_INT(pg->status, 200);
    CHECK(strstr(fx_body(&f, pg), "<td>u.json</td><td>json</td>") != NULL);
    const char *pkg = f.pkg;
    size_t len = f.len;
    struct jx_ws_file file = {"u.json", pkg, len};
    struct jx_ws_who who = {.user = "fa", .now = T0 - 3600};
    struct jx_ws_done done;
    CHECK_INT(jx_ws_submit(f.s, "701001", 2024, &file, 1, pkg, NULL, &who,
                           &done, &f.d),
              0);
    const char *rv = fx_session(&f, "rv");
    CHECK_INT(act_on(&f, rv, "701002", "take"), 303);
    /* Tuesday 2025-09-23: B sent Friday the 19th, A Saturday the 20th
     * (Beijing): two working days since each */
    jx_web_app_set_clock(f.app, T0 + 3 * 86400);
    rv = fx_session(&f, "rv");
    const char *home = fx_get(&f, "/", rv);
    CHECK(strstr(home,
                 "<h2>待我处理</h2>\n<table class=\"todo\"><thead><tr><th>年度"
                 "</th><th>编码</th><th>单位</th><th>状态</th><th>送审时间（UTC）"
                 "</th><th>已过工作日</th></tr></thead><tbody>\n"
                 "<tr><td>2024</td><td>701002</td><td><a href=\"/unit/701002/"
                 "2024\">乙单位</a></td><td>审核中</td><td>2025-09-19T00:00:00Z"
                 "</td><td class=\"num\">2</td></tr>\n"
                 "<tr><td>2024</td><td>701001</td><td><a href=\"/unit/701001/"
                 "2024\">甲&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;单位"
                 "</a></td><td>已送审</td><td>2025-09-19T23:00:00Z</td>"
                 "<td class=\"num\">2</td></tr>\n</tbody></table>\n") != NULL);
    /* the administrator's is the same list */
    const char *ad = fx_session(&f, "ad");
    CHECK(strstr(fx_get(&f, "/", ad),
                 "<td>2024</td><td>701002</td>") != NULL);
    /* approved units leave it */
    CHECK_INT(act_on(&f, rv, "701002", "approve"), 303);
    home = fx_get(&f, "/", rv);
    CHECK(strstr(home, "701002") == NULL);
    CHECK(strstr(home, "<td>2024</td><td>701001</td>") != NULL);
    /* the unit's users */
    fa = fx_session(&f, "fa");
    CHECK(strstr(fx_get(&f, "/", fa),
                 "<h2>待我处理</h2>\n<table class=\"todo\"><thead><tr><th>年度"
                 "</th><th>状态</th><th>可以做的</th></tr></thead><tbody>\n"
                 "<tr><td><a href=\"/unit/701001/2024\">2024 年度</a></td>"
                 "<td>已送审</td><td>取消送审</td></tr>\n</tbody></table>\n")
          != NULL);
    const char *la = fx_session(&f, "la");
    home = fx_get(&f, "/", la);
    CHECK(strstr(home, "<p>没有等待单位负责人审核的材料。</p>") != NULL);
    const char *fb = fx_session(&f, "fb");
    CHECK(strstr(fx_get(&f, "/", fb),
                 "<td>已审核</td><td>公开</td>") != NULL);
    /* the public: none */
    CHECK(strstr(fx_get(&f, "/", NULL),
                 "待我处理") ==
          NULL);
    /* nothing waiting */
    CHECK_INT(act_on(&f, rv, "701001", "take"), 303);
    CHECK_INT(act_on(&f, rv, "701001", "approve"), 303);
    CHECK(strstr(fx_get(&f, "/", rv),
                 "<h2>待我处理</h2>\n<p>没有等待审核的单位。</p>") != NULL);
    webfix_close(&f);
}

/* The unit's page shows the findings and derivations of a version (the
 * latest, or ?v=N) to the bureau and the unit's users; an absent
 * version and another unit's user: 404. */
static void t_version_eval(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    add_unit_c(&f);
    const char *fc = fx_session(&f, "fc");
    const char *rv = fx_session(&f, "rv");
    CHECK_INT(upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc),
                     "v1.json", f.pkg, f.len)->status,
              303);
    CHECK_INT(act(&f, fc, "submit", NULL)->status, 303);
    CHECK_INT(act(&f, rv, "take", NULL)->status, 303);
    CHECK_INT(act(&f, rv, "return", "x")->status, 303);
    CHECK_INT(upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc),
                     "v2.json", f.pkg, f.len)->status,
              303);
    CHECK_INT(act(&f, fc, "submit", NULL)->status, 303);
    static const char *const c102 =
        ".json:26:23 /base_sheet/costs/three_public/prev_final</td>"
        "<td>错误</td><td>C102</td>";
    static const char *const rate =
        "<li>算式：全年执行数 / 全年预算数 = 1960.00 / 2000.00 = 98.00%</li>";
    /* the latest by default, to the bureau */
    const char *page = fx_get(&f, "/unit/701003/2024", rv);
    CHECK(strstr(page, "<h2>第 2 版的发现与计算过程</h2>\n<p>其他版本： "
                       "<a href=\"/unit/701003/2024?v=1\">第 1 版</a></p>\n"
                       "<h3>发现</h3>\n<p>错误 1，警告 2，舍入 0，提示 2</p>")
          != NULL);
    CHECK(strstr(page, jx_sprintf(f.a, "<tr><td>v2%s", c102)) != NULL);
    CHECK(strstr(page, "v1.json:") == NULL);
    CHECK(strstr(page, rate) != NULL);
    /* ?v=1, to the unit's own filler */
    page = fx_body(&f, fx_req(&f, "GET", "/unit/701003/2024", "v=1", fc, NULL));
    CHECK(strstr(page, "<h2>第 1 版的发现与计算过程</h2>") != NULL);
    CHECK(strstr(page, jx_sprintf(f.a, "<tr><td>v1%s", c102)) != NULL);
    CHECK(strstr(page, rate) != NULL);
    CHECK(strstr(page, "<a href=\"/unit/701003/2024?v=2\">第 2 版</a>") != NULL);
    /* no such version, no number: 404 */
    CHECK_INT(fx_req(&f, "GET", "/unit/701003/2024", "v=99", rv, NULL)->status,
              404);
    CHECK_INT(fx_req(&f, "GET", "/unit/701003/2024", "v=x", rv, NULL)->status,
              404);
    /* another unit's filler: 404 */
    const char *fa = fx_session(&f, "fa");
    CHECK_INT(fx_req(&f, "GET", "/unit/701003/2024", NULL, fa, NULL)->status,
              404);
    CHECK_INT(fx_req(&f, "GET", "/unit/701003/2024", "v=1", fa, NULL)->status,
              404);
    /* a version without a stored evaluation says so */
    CHECK(strstr(fx_get(&f, "/unit/701001/2024", rv),
                 "<h2>第 1 版的发现与计算过程</h2>\n<p>第 1 版没有保存评分结果。</p>")
          != NULL);
    webfix_close(&f);
}

/* Every change of a draft in draft_log (migration 8): an upload and a
 * correction in the page make two rows with who, when, the client's
 * address and what (the file's name and size; the pointer changed with
 * its old and new value), shown on the unit's page under 草稿记录;
 * draft_log refuses UPDATE and DELETE. */
static void t_draft_log(void)
{
    struct webfix f;
    if (!fix_open(&f, 0)) {
        return;
    }
    add_unit_c(&f);
    const char *fc = fx_session(&f, "fc");
    CHECK_INT(upload(&f, "/unit/701003/2024/upload", fc, fx_token(&f, fc),
                     "log.json", f.pkg, f.len)->status,
              303);
    CHECK_INT(fx_req(&f, "POST", "/unit/701003/2024/edit", NULL, fc,
                     jx_sprintf(f.a, "csrf=%s&%%2Fbase_sheet%%2Fcosts"
                                     "%%2Fthree_public%%2Fprev_final=15.70",
                                fx_token(&f, fc)))->status,
              303);
    struct jx_stmt *st = jx_stmt_prepare(
        f.s, "SELECT l.unit, l.year, l.at, u.name, l.client, l.kind, l.detail"
             " FROM draft_log l LEFT JOIN users u ON u.id = l.actor_id"
             " ORDER BY l.id");
    CHECK(st != NULL);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    while (st && jx_stmt_step(st) == JX_STEP_ROW) {
        jx_buf_addf(&b, "%s|%lld|%s|%s|%s|%s|%s\n", jx_stmt_text(st, 0),
                    (long long)jx_stmt_int(st, 1), jx_stmt_text(st, 2),
                    jx_stmt_text(st, 3), jx_stmt_text(st, 4),
                    jx_stmt_text(st, 5), jx_stmt_text(st, 6));
    }
    jx_stmt_finalize(st);
    CHECK_STR(b.p, jx_sprintf(f.a,
        "701003|2024|2025-09-20T00:00:00Z|fc|192.0.2.7|upload|"
        "{\"files\":[{\"name\":\"log.json\",\"size\":%zu}]}\n"
        "701003|2024|2025-09-20T00:00:00Z|fc|192.0.2.7|correct|"
        "{\"changes\":[{\"pointer\":\"/base_sheet/costs/three_public/"
        "prev_final\",\"old\":\"\\\"30.00\\\"\",\"new\":"
        "\"\\\"15.70\\\"\"}],\"omitted\":0}\n",
        f.len));
    jx_buf_release(&b);
    /* the unit's page, to the bureau too */
    const char *page = fx_get(&f, "/unit/701003/2024", fx_session(&f, "rv"));
    CHECK(strstr(page, jx_sprintf(f.a,
        "<h3>草稿记录</h3>\n<table><thead><tr><th>时间（UTC）</th>"
        "<th>操作人</th><th>地址</th><th>操作</th><th>内容</th></tr></thead>"
        "<tbody>\n<tr><td>2025-09-20T00:00:00Z</td><td>fc</td>"
        "<td>192.0.2.7</td><td>上传</td><td>上传 1 个文件：log.json（%zu "
        "字节）</td></tr>\n<tr><td>2025-09-20T00:00:00Z</td><td>fc</td>"
        "<td>192.0.2.7</td><td>页面更正</td><td>更正 1 处：/base_sheet/costs/"
        "three_public/prev_final：&quot;30.00&quot; → &quot;15.70&quot;"
        "</td></tr>\n</tbody></table>\n", f.len)) != NULL);
    /* append-only */
    CHECK(jx_store_exec(f.s, "UPDATE draft_log SET client = '198.51.100.1'")
          < 0);
    CHECK(jx_store_exec(f.s, "DELETE FROM draft_log") < 0);
    st = jx_stmt_prepare(f.s, "SELECT count(*) FROM draft_log");
    CHECK(st && jx_stmt_step(st) == JX_STEP_ROW);
    CHECK_INT(st ? (long)jx_stmt_int(st, 0) : -1, 2);
    jx_stmt_finalize(st);
    /* a redraft from the version after a 退回 is recorded too */
    const char *rv = fx_session(&f, "rv");
    CHECK_INT(act(&f, fc, "submit", NULL)->status, 303);
    CHECK_INT(act(&f, rv, "take", NULL)->status, 303);
    CHECK_INT(act(&f, rv, "return", "x")->status, 303);
    CHECK_INT(fx_post(&f, "/unit/701003/2024/redraft", fc, NULL)->status, 303);
    page = fx_get(&f, "/unit/701003/2024", fc);
    CHECK(strstr(page, jx_sprintf(f.a,
        "<td>以上一版本为底稿</td><td>以第 1 版为底稿：log.json（%zu 字节）"
        "</td></tr>", f.len)) != NULL);
    webfix_close(&f);
}

const struct jx_test t_web[] = {
    {"web.draft_log", t_draft_log},
    {"web.version_eval", t_version_eval},
    {"web.html", t_html},
    {"web.signin", t_signin},
    {"web.throttle", t_throttle},
    {"web.session", t_session},
    {"web.acts", t_acts},
    {"web.year", t_year},
    {"web.authz", t_authz},
    {"web.multipart", t_multipart},
    {"web.draft_flow", t_draft_flow},
    {"web.edit", t_edit},
    {"web.edit_fill", t_edit_fill},
    {"web.edit_choices", t_edit_choices},
    {"web.edit_rates", t_edit_rates},
    {"web.acts_all", t_acts_all},
    {"web.version_files", t_version_files},
    {"web.todo", t_todo},
    {NULL, NULL},
};
