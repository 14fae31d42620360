/*
 * webfix.c - the portal tests' scratch workspace (webfix.h).
 */
#include "webfix.h"

#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* See webfix.h. */
bool webfix_begin(struct webfix *f, const char *tag, const char *client)
{
    memset(f, 0, sizeof *f);
    f->client = client;
    const char *t = getenv("TMPDIR");
    snprintf(f->dir, sizeof f->dir, "%s/%s.XXXXXX", t && *t ? t : "/tmp",
             tag);
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
    char path[600];
    snprintf(path, sizeof path, "%s/tests/data/flow_unit_2024.json",
             jx_test_srcdir);
    CHECK_INT(jx_read_file(path, 1u << 24, &f->pkg, &f->len), 0);
    return f->pkg != NULL;
}

/* See webfix.h. */
void fx_sql(struct webfix *f, const char *q)
{
    if (jx_store_exec(f->s, q) != 0) {
        jx_test_fail(__FILE__, __LINE__, "SQL failed: %s", q);
    }
}

/* See webfix.h. */
void webfix_passwords(struct webfix *f, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        CHECK_INT(jx_web_password_set(f->s, names[i], WEBFIX_PASSWORD, &f->d),
                  0);
    }
}

/* See webfix.h. */
bool webfix_app(struct webfix *f, int page_size)
{
    struct jx_web_config cfg = {.page_size = page_size};
    f->app = jx_web_app_new(&cfg);
    jx_web_app_set_clock(f->app, T0);
    return f->app != NULL;
}

/* See webfix.h. */
void webfix_close(struct webfix *f)
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

/* See webfix.h. */
struct jx_web_response *fx_req(struct webfix *f, const char *method,
                               const char *path, const char *query,
                               const char *cookie, const char *body)
{
    struct jx_web_request rq = {.method = method, .path = path,
                                .query = query, .cookie = cookie,
                                .host = "localhost:8080",
                                .client = f->client, .body = body,
                                .body_len = body ? strlen(body) : 0};
    struct jx_web_response *r = jx_alloc(f->a, sizeof *r);
    jx_web_response_init(r, f->a);
    CHECK_INT(jx_web_handle(f->app, f->s, &rq, r), 0);
    return r;
}

/* See webfix.h. */
const char *fx_body(struct webfix *f, const struct jx_web_response *r)
{
    return jx_strndup(f->a, r->body, r->body_len);
}

/* See webfix.h. */
const char *fx_csrf(struct webfix *f, const char *page)
{
    const char *p = strstr(page, "name=\"csrf\" value=\"");
    if (!p) {
        return NULL;
    }
    p += strlen("name=\"csrf\" value=\"");
    return jx_strndup(f->a, p, strcspn(p, "\""));
}

/* See webfix.h. */
const char *fx_cookie(struct webfix *f, const struct jx_web_response *r)
{
    const char *sc = jx_web_response_header(r, "Set-Cookie");
    return sc ? jx_strndup(f->a, sc, strcspn(sc, ";")) : NULL;
}

/* See webfix.h. */
struct jx_web_response *fx_signin(struct webfix *f, const char *name,
                                  const char *pw)
{
    struct jx_web_response *g = fx_req(f, "GET", "/signin", NULL, NULL, NULL);
    const char *pre = fx_cookie(f, g);
    const char *tok = fx_csrf(f, fx_body(f, g));
    return fx_req(f, "POST", "/signin", NULL, pre,
                  jx_sprintf(f->a, "csrf=%s&name=%s&password=%s", tok, name,
                             pw));
}

/* See webfix.h. */
const char *fx_session(struct webfix *f, const char *name)
{
    struct jx_web_response *r = fx_signin(f, name, WEBFIX_PASSWORD);
    return r->status == 303 ? fx_cookie(f, r) : NULL;
}

/* See webfix.h. */
const char *fx_token(struct webfix *f, const char *cookie)
{
    return fx_csrf(f, fx_get(f, "/", cookie));
}

/* See webfix.h. */
struct jx_web_response *fx_post(struct webfix *f, const char *path,
                                const char *cookie, const char *fields)
{
    const char *tok = fx_token(f, cookie);
    const char *b = fields ? jx_sprintf(f->a, "csrf=%s&%s", tok, fields)
                           : jx_sprintf(f->a, "csrf=%s", tok);
    return fx_req(f, "POST", path, NULL, cookie, b);
}

/* See webfix.h. */
const char *fx_get(struct webfix *f, const char *path, const char *cookie)
{
    return fx_body(f, fx_req(f, "GET", path, NULL, cookie, NULL));
}
