/*
 * web.c - the request handler: the routing table (method, path pattern,
 * roles) and the one place that checks it (sign-in, CSRF, role, own
 * unit) before any page runs; the security headers every response
 * carries; the page shell and the error pages.  The pages themselves
 * are in web_pages.c.
 */
#include "web/web_pages.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The style sheet, served by the binary (no inline style: the CSP
 * forbids it). */
static const char css_text[] =
    "body{font-family:\"Noto Sans CJK SC\",\"Microsoft YaHei\",SimSun,"
    "sans-serif;margin:0;color:#222;background:#fafafa}\n"
    "header{background:#1f4e79;color:#fff;padding:.6em 1em;overflow:hidden}\n"
    "header a{color:#fff;text-decoration:none;font-weight:bold}\n"
    "header .who{float:right}\n"
    "header form{display:inline;margin-left:1em}\n"
    "main{padding:1em;max-width:72em}\n"
    "table{border-collapse:collapse;margin:.5em 0}\n"
    "th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left}\n"
    "th{background:#e8eef4}\n"
    "td.num{text-align:right}\n"
    ".msg{background:#fff3cd;border:1px solid #e0c36c;padding:.5em}\n"
    ".err{background:#f8d7da;border:1px solid #d88;padding:.5em}\n"
    "form.act{display:inline-block;margin:.3em 1em .3em 0;vertical-align:top}\n"
    "label{display:block;margin:.3em 0}\n"
    "nav.pages a{margin-right:1em}\n";

/* The routes, and the pages they run. */
struct route {
    struct jx_web_route_info info;
    int (*run)(struct jx_web_ctx *c);
};

static const struct route routes[] = {
    {{"GET", "/", JX_WEB_ALL}, jx_web_page_home},
    {{"GET", "/style.css", JX_WEB_ALL}, NULL},
    {{"GET", "/signin", JX_WEB_ALL}, jx_web_page_signin},
    {{"POST", "/signin", JX_WEB_ALL}, jx_web_page_signin_post},
    {{"POST", "/signout", JX_WEB_SIGNED}, jx_web_page_signout},
    {{"GET", "/year/{year}", JX_WEB_REVIEWER | JX_WEB_ADMIN},
     jx_web_page_year},
    {{"GET", "/unit/{unit}/{year}", JX_WEB_SIGNED}, jx_web_page_unit},
    {{"POST", "/unit/{unit}/{year}/act", JX_WEB_SIGNED}, jx_web_page_act},
    {{"POST", "/unit/{unit}/{year}/upload", JX_WEB_FILLER},
     jx_web_page_upload},
    {{"POST", "/unit/{unit}/{year}/redraft", JX_WEB_FILLER},
     jx_web_page_redraft},
    /* correcting figures in the page (web_edit.c) */
    {{"GET", "/unit/{unit}/{year}/edit", JX_WEB_FILLER}, jx_web_page_edit},
    {{"POST", "/unit/{unit}/{year}/edit", JX_WEB_FILLER},
     jx_web_page_edit_post},
    {{"POST", "/unit/{unit}/{year}/blank", JX_WEB_FILLER}, jx_web_page_blank},
    {{"GET", "/static/edit.js", JX_WEB_ALL}, jx_web_page_edit_js},
    /* the bureau's pages and the unit's downloads (web_bureau.c) */
    {{"POST", "/year/{year}/sample", JX_WEB_REVIEWER | JX_WEB_ADMIN},
     jx_web_page_sample},
    {{"GET", "/year/{year}/assessment", JX_WEB_REVIEWER | JX_WEB_ADMIN},
     jx_web_page_assessment},
    {{"GET", "/year/{year}/ranking", JX_WEB_REVIEWER | JX_WEB_ADMIN},
     jx_web_page_ranking},
    {{"GET", "/year/{year}/export.csv", JX_WEB_REVIEWER | JX_WEB_ADMIN},
     jx_web_page_export_csv},
    {{"GET", "/year/{year}/export.xlsx", JX_WEB_REVIEWER | JX_WEB_ADMIN},
     jx_web_page_export_xlsx},
    {{"POST", "/unit/{unit}/{year}/recheck", JX_WEB_REVIEWER | JX_WEB_ADMIN},
     jx_web_page_recheck},
    {{"POST", "/unit/{unit}/{year}/judge", JX_WEB_REVIEWER | JX_WEB_ADMIN},
     jx_web_page_judge},
    {{"GET", "/unit/{unit}/{year}/workbook.xlsx", JX_WEB_SIGNED},
     jx_web_page_workbook},
    {{"GET", "/unit/{unit}/{year}/report.docx", JX_WEB_SIGNED},
     jx_web_page_report_docx},
    {{"GET", "/unit/{unit}/{year}/report.pdf", JX_WEB_SIGNED},
     jx_web_page_report_pdf},
    /* a version's original files (web_files.c) */
    {{"GET", "/unit/{unit}/{year}/v/{version}/files/{seq}", JX_WEB_SIGNED},
     jx_web_page_version_file},
    /* the public's */
    {{"GET", "/public/{year}.json", JX_WEB_ALL}, jx_web_page_open_json},
    {{"GET", "/public/{year}.csv", JX_WEB_ALL}, jx_web_page_open_csv},
    {{"GET", "/public/{year}", JX_WEB_ALL}, jx_web_page_public},
    {{"GET", "/public/{year}/{unit}", JX_WEB_ALL}, jx_web_page_report},
};
#define NROUTES (sizeof routes / sizeof routes[0])

/* See web.h. */
const struct jx_web_route_info *jx_web_routes(size_t *n)
{
    static struct jx_web_route_info info[NROUTES];
    for (size_t i = 0; i < NROUTES; i++) {
        info[i] = routes[i].info;
    }
    *n = NROUTES;
    return info;
}

/* Whether path matches pattern; the {unit}, {year}, {version} and {seq}
 * segments go to c (in its arena).  A segment ends at the next '/' or, when the
 * pattern goes on with another character ("{year}.json"), at the last
 * occurrence of that character before the next '/'. */
static bool match(struct jx_web_ctx *c, const char *pattern, const char *path)
{
    const char *p = pattern, *q = path;
    c->unit = NULL;
    c->year_text = NULL;
    c->version_text = NULL;
    c->seq_text = NULL;
    while (*p && *q) {
        if (*p == '{') {
            const char *pe = strchr(p, '}');
            const char *qe = strchr(q, '/');
            if (!qe) {
                qe = q + strlen(q);
            }
            if (pe[1] && pe[1] != '/') {
                const char *k = qe;
                while (k > q && k[-1] != pe[1]) {
                    k--;
                }
                if (k == q) {
                    return false;
                }
                qe = k - 1;
            }
            if (qe == q) {
                return false;
            }
            char *v = jx_strndup(c->a, q, (size_t)(qe - q));
            if (strncmp(p, "{unit}", 6) == 0) {
                c->unit = v;
            } else if (strncmp(p, "{version}", 9) == 0) {
                c->version_text = v;
            } else if (strncmp(p, "{seq}", 5) == 0) {
                c->seq_text = v;
            } else {
                c->year_text = v;
            }
            p = pe + 1;
            q = qe;
        } else if (*p == *q) {
            p++;
            q++;
        } else {
            return false;
        }
    }
    return *p == '\0' && *q == '\0';
}

/* The role bit of the session (JX_WEB_ANON when nobody). */
static unsigned role_bit(const struct jx_web_session *s)
{
    if (!s->signed_in) {
        return JX_WEB_ANON;
    }
    switch (s->role) {
    case JX_WF_FILLER: return JX_WEB_FILLER;
    case JX_WF_LEADER: return JX_WEB_LEADER;
    case JX_WF_REVIEWER: return JX_WEB_REVIEWER;
    case JX_WF_ADMIN: return JX_WEB_ADMIN;
    default: return JX_WEB_ANON;
    }
}

/* A year segment: 1900..2999 in four digits, else 0. */
static int parse_year(const char *t)
{
    if (!t || strlen(t) != 4) {
        return 0;
    }
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (t[i] < '0' || t[i] > '9') {
            return 0;
        }
        y = y * 10 + (t[i] - '0');
    }
    return y >= 1900 && y <= 2999 ? y : 0;
}

/* Whether the Origin header, when sent, names this host. */
static bool origin_ok(const struct jx_web_request *req)
{
    if (!req->origin || !*req->origin) {
        return true; /* not sent: the CSRF token decides */
    }
    if (!req->host) {
        return false;
    }
    const char *o = req->origin;
    if (strncmp(o, "http://", 7) == 0) {
        o += 7;
    } else if (strncmp(o, "https://", 8) == 0) {
        o += 8;
    } else {
        return false;
    }
    return strcmp(o, req->host) == 0;
}

/* Whether the POST of c carries the right CSRF token: the session's
 * when signed in, else the sign-in form's double-submit cookie. */
static bool csrf_ok(struct jx_web_ctx *c)
{
    const char *sent = jx_web_form(c, "csrf");
    if (!origin_ok(c->req)) {
        return false;
    }
    if (c->sess.signed_in) {
        return jx_web_token_eq(sent, c->sess.csrf);
    }
    const char *pre = jx_web_cookie(c->a, c->req->cookie, JX_WEB_PRE_COOKIE);
    return pre && strlen(pre) == 32 && jx_web_token_eq(sent, pre);
}

/* The headers every response carries (csp: another policy, or NULL
 * for the portal's own). */
static void security_headers(struct jx_web_response *resp, bool cache,
                             const char *csp)
{
    jx_web_set_header(resp, "Content-Security-Policy",
                      csp ? csp
                          : "default-src 'self'; script-src 'self'; "
                            "style-src 'self'; frame-ancestors 'none'");
    jx_web_set_header(resp, "X-Frame-Options", "DENY");
    jx_web_set_header(resp, "X-Content-Type-Options", "nosniff");
    jx_web_set_header(resp, "Referrer-Policy", "same-origin");
    jx_web_set_header(resp, "Cache-Control",
                      cache ? "public, max-age=3600" : "no-store");
}

/* See web.h. */
int jx_web_handle(struct jx_web_app *app, struct jx_store *s,
                  const struct jx_web_request *req,
                  struct jx_web_response *resp)
{
    struct jx_web_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    struct jx_web_ctx *c = &ctx;
    c->app = app;
    c->s = s;
    c->req = req;
    c->resp = resp;
    c->a = resp->arena;
    c->now = jx_web_now(app);
    const char *method = req->method ? req->method : "";
    const char *path = req->path ? req->path : "";
    int rc = 0;
    bool cache = false;
    if (jx_web_session_load(app, s, c->a, req, &c->sess) < 0) {
        rc = -1;
        jx_web_error(c, 500, "服务器内部错误", "数据库暂时无法访问，请稍后再试。");
        goto done;
    }
    if (c->sess.expired) {
        jx_web_cookie_set(c, JX_WEB_COOKIE, NULL);
    }
    const struct route *r = NULL;
    bool path_known = false;
    if (path[0] == '/' && strlen(path) <= 1024) {
        for (size_t i = 0; i < NROUTES && !r; i++) {
            if (match(c, routes[i].info.pattern, path)) {
                path_known = true;
                if (strcmp(routes[i].info.method, method) == 0) {
                    r = &routes[i];
                }
            }
        }
    }
    if (!r) {
        if (path_known) {
            jx_web_error(c, 405, "不支持的请求方式", "此页面不支持该请求方式。");
            jx_web_set_header(resp, "Allow", "GET, POST");
        } else {
            jx_web_not_found(c);
        }
        goto done;
    }
    unsigned bit = role_bit(&c->sess);
    if (!(r->info.roles & JX_WEB_ANON) && !c->sess.signed_in) {
        jx_web_redirect(c, "/signin");
        goto done;
    }
    if (strcmp(method, "POST") == 0 && req->content_type &&
        strncasecmp(req->content_type, "multipart/", 10) == 0) {
        const char *why = NULL;
        int st = jx_web_multipart(c->a, req->content_type, req->body,
                                  req->body ? req->body_len : 0, NULL,
                                  &c->parts, &c->nparts, &why);
        if (st != 0) {
            jx_web_error(c, st, st == 413 ? "上传内容过大" : "请求格式错误",
                         why);
            goto done;
        }
        c->multipart = true;
    }
    if (strcmp(method, "POST") == 0 && !csrf_ok(c)) {
        jx_web_error(c, 403, "请求已被拒绝",
                     "表单已过期或来源不明（CSRF 校验未通过）。请返回上一页，"
                     "刷新后重新提交。");
        goto done;
    }
    if (!(r->info.roles & bit)) {
        jx_web_error(c, 403, "无权访问", "您的角色无权访问此页面。");
        goto done;
    }
    if (c->year_text) {
        c->year = parse_year(c->year_text);
        if (!c->year) {
            jx_web_not_found(c);
            goto done;
        }
    }
    if (c->unit && c->sess.unit && !(r->info.roles & JX_WEB_ANON) &&
        strcmp(c->unit, c->sess.unit) != 0) {
        jx_web_not_found(c); /* another unit's: as if absent */
        goto done;
    }
    if (!r->run) {
        static const struct jx_web_static css = {css_text, sizeof css_text - 1};
        jx_web_send_static(resp, "text/css; charset=utf-8", &css);
        cache = true;
        goto done;
    }
    rc = r->run(c);
    if (rc < 0) {
        jx_web_error(c, 500, "服务器内部错误", "数据库暂时无法访问，请稍后再试。");
    }
done:
    security_headers(resp, cache, c->csp);
    return rc;
}

/* See web_pages.h. */
const char *jx_web_form(struct jx_web_ctx *c, const char *name)
{
    if (c->multipart) {
        for (size_t i = 0; i < c->nparts; i++) {
            if (!c->parts[i].filename && strcmp(c->parts[i].name, name) == 0) {
                return jx_strndup(c->a, c->parts[i].data, c->parts[i].len);
            }
        }
        return NULL;
    }
    return jx_web_param(c->a, c->req->body, c->req->body ? c->req->body_len : 0,
                        name);
}

/* See web_pages.h. */
const char *jx_web_query(struct jx_web_ctx *c, const char *name)
{
    const char *q = c->req->query;
    return jx_web_param(c->a, q, q ? strlen(q) : 0, name);
}

/* See web_pages.h. */
void jx_web_page_begin(struct jx_web_ctx *c, struct jx_html *h,
                       const char *title)
{
    jx_html_init(h);
    h->base = jx_web_base(c);
    jx_html(h, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head>"
               "<meta charset=\"utf-8\"><meta name=\"viewport\" "
               "content=\"width=device-width, initial-scale=1\">"
               "<title>%h · 预算绩效自评</title>"
               "<link rel=\"stylesheet\" href=\"%B/style.css\"></head>\n<body>"
               "<header><a href=\"%B/\">预算绩效自评</a>",
            title);
    if (c->sess.signed_in) {
        jx_html(h, "<span class=\"who\">%h（%h", c->sess.user,
                jx_wf_role_zh(c->sess.role));
        if (c->sess.unit) {
            jx_html(h, "，单位 %h", c->sess.unit);
        }
        jx_html(h, "）<form method=\"post\" action=\"%B/signout\">"
                   "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
                   "<button type=\"submit\">退出</button></form></span>",
                c->sess.csrf);
    } else {
        jx_html(h, "<span class=\"who\"><a href=\"%B/signin\">登录</a></span>");
    }
    jx_html(h, "</header>\n<main><h1>%h</h1>\n", title);
}

/* See web_pages.h. */
void jx_web_page_end(struct jx_web_ctx *c, struct jx_html *h, int status)
{
    jx_html(h, "</main></body></html>\n");
    jx_web_send_html(c->resp, status, h);
    jx_html_release(h);
}

/* See web_pages.h. */
void jx_web_error(struct jx_web_ctx *c, int status, const char *title,
                  const char *text)
{
    struct jx_html h;
    c->resp->nheaders = 0;
    if (c->sess.expired) {
        jx_web_cookie_set(c, JX_WEB_COOKIE, NULL);
    }
    jx_web_page_begin(c, &h, title);
    jx_html(&h, "<p class=\"err\">%h</p><p><a href=\"%B/\">返回首页</a></p>\n",
            text);
    jx_web_page_end(c, &h, status);
}

/* See web_pages.h. */
void jx_web_not_found(struct jx_web_ctx *c)
{
    jx_web_error(c, 404, "找不到页面", "您要找的页面不存在。");
}

/* See web_pages.h. */
void jx_web_redirect(struct jx_web_ctx *c, const char *location)
{
    if (location[0] == '/' && jx_web_base(c)[0]) {
        location = jx_sprintf(c->a, "%s%s", jx_web_base(c), location);
    }
    jx_web_set_header(c->resp, "Location", location);
    jx_web_send_empty(c->resp, 303);
}

/* See web_pages.h. */
int jx_web_generation(struct jx_web_ctx *c, int64_t *gen)
{
    if (c->sess.gen >= 0) {
        *gen = c->sess.gen;
        return 0;
    }
    return jx_store_generation(c->s, gen);
}

/* See web_pages.h. */
const char *jx_web_base(const struct jx_web_ctx *c)
{
    const char *b = c->app->cfg.base;
    return b ? b : "";
}

/* See web_pages.h. */
void jx_web_cookie_set(struct jx_web_ctx *c, const char *name,
                       const char *value)
{
    if (value) {
        jx_web_add_cookie(c->resp,
                          jx_sprintf(c->a, "%s=%s; Path=%s/; HttpOnly;"
                                           " SameSite=Lax%s",
                                     name, value, jx_web_base(c),
                                     c->req->tls ? "; Secure" : ""));
    } else {
        jx_web_add_cookie(c->resp,
                          jx_sprintf(c->a, "%s=; Max-Age=0; Path=%s/;"
                                           " HttpOnly; SameSite=Lax%s",
                                     name, jx_web_base(c),
                                     c->req->tls ? "; Secure" : ""));
    }
}
