/*
 * webfix.h - the scratch SQLite workspace the portal's unit tests
 * (t_web.c, t_web_bureau.c) answer requests on through jx_web_handle:
 * making and removing it, running SQL on it, requests as a browser
 * sends them, signing in and the CSRF token.  The fixture owns its
 * arena (every response and string returned lives there until
 * webfix_close), its store, its app and the package file it read.
 */
#ifndef JIXIAO_TEST_WEBFIX_H
#define JIXIAO_TEST_WEBFIX_H

#include <stdbool.h>
#include <stddef.h>

#include "jixiao/store.h"
#include "jixiao/web.h"

/* The clock of the cases (2025-09-20T00:00:00Z). */
#define T0 1758326400

/* The password webfix_passwords gives every user. */
#define WEBFIX_PASSWORD "pass-word-1"

/* A scratch workspace and the portal on it. */
struct webfix {
    char dir[256];
    struct jx_store *s;
    struct jx_diags d;
    struct jx_arena *a;
    struct jx_web_app *app;
    const char *client; /* the requests' client address */
    char *pkg;          /* tests/data/flow_unit_2024.json (malloc'd) */
    size_t len;
};

/* Make an empty workspace in a new directory named after tag under
 * $TMPDIR, requests coming from client (borrowed), and read the test
 * package into f->pkg: false (a failure recorded) when any step failed. */
bool webfix_begin(struct webfix *f, const char *tag, const char *client);

/* Run one SQL statement on f's store (a failure recorded). */
void fx_sql(struct webfix *f, const char *q);

/* Give the n users names the password WEBFIX_PASSWORD. */
void webfix_passwords(struct webfix *f, const char *const *names, size_t n);

/* Start the portal (page_size: 0 for the default) at clock T0: false
 * when it did not start. */
bool webfix_app(struct webfix *f, int page_size);

/* Close and remove the workspace, releasing all f holds. */
void webfix_close(struct webfix *f);

/* Answer one request (response in f->a). */
struct jx_web_response *fx_req(struct webfix *f, const char *method,
                               const char *path, const char *query,
                               const char *cookie, const char *body);

/* The body of r as a string (in f->a). */
const char *fx_body(struct webfix *f, const struct jx_web_response *r);

/* The value of the first hidden csrf field of a page, or NULL. */
const char *fx_csrf(struct webfix *f, const char *page);

/* "name=value" of the first Set-Cookie header of r, or NULL. */
const char *fx_cookie(struct webfix *f, const struct jx_web_response *r);

/* POST /signin as name with password pw (with the pre-session cookie
 * and token of GET /signin): the response. */
struct jx_web_response *fx_signin(struct webfix *f, const char *name,
                                  const char *pw);

/* Sign in as name with WEBFIX_PASSWORD: the session cookie
 * "jx_session=...", or NULL when refused. */
const char *fx_session(struct webfix *f, const char *name);

/* The session's CSRF token (from the sign-out form on /). */
const char *fx_token(struct webfix *f, const char *cookie);

/* The body of GET path (no query) with cookie (may be NULL), in f->a. */
const char *fx_get(struct webfix *f, const char *path, const char *cookie);

/* POST path as the session cookie's browser sends a form: "csrf=" the
 * session's token, then "&" fields when fields is not NULL: the
 * response. */
struct jx_web_response *fx_post(struct webfix *f, const char *path,
                                const char *cookie, const char *fields);

#endif
