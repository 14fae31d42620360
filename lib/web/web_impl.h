/*
 * web_impl.h - what the files of lib/web share: the app's state, the
 * signed-in session, reading requests (query, form, cookies), the
 * sign-in and session functions (web_auth.c) and the ways a response
 * gets its body (web_html.c only).
 */
#ifndef JIXIAO_WEB_IMPL_H
#define JIXIAO_WEB_IMPL_H

#include <stdint.h>

#include "jixiao/store.h"
#include "jixiao/web.h"
#include "jixiao/workflow.h"

/* The session cookie and the sign-in form's double-submit cookie. */
#define JX_WEB_COOKIE "jx_session"
#define JX_WEB_PRE_COOKIE "jx_signin"

struct jx_web_cache;

/* See web.h. */
struct jx_web_app {
    struct jx_web_config cfg;
    int64_t fixed_now;          /* tests: the clock (0: the system's) */
    char dummy_hash[128];       /* a hash verified for unknown names so
                                   that they take as long as known ones */
    struct jx_web_cache *cache; /* the year overviews (web_cache.c) */
    struct jx_pdf_fonts *pdf_fonts; /* the fonts of every report.pdf the
                                   process serves, loaded by the first
                                   (report.h; its lock serialises the
                                   worker threads' PDFs) */
};

/* The current time of app (UTC seconds). */
int64_t jx_web_now(const struct jx_web_app *app);

/* Who is signed in (all zero / NULL for nobody); strings in the
 * request's arena. */
struct jx_web_session {
    bool signed_in;
    int64_t id;                 /* sessions.id */
    int64_t user_id;
    const char *user;           /* users.name */
    enum jx_wf_role role;
    const char *unit;           /* unit users' unit, else NULL */
    const char *csrf;           /* the session's CSRF token (hex) */
    bool expired;               /* a cookie named a session that timed
                                   out or ended (the cookie is cleared) */
    int64_t gen;                /* the store's generation, read in the
                                   same statement as the session (one
                                   round trip); -1 when not read */
};

/* A compiled-in file. */
struct jx_web_static {
    const char *data;
    size_t len;
};

/* ---- responses (web_html.c: the only writers of a body) ------------- */

/* Add (or replace) header name with a copy of value. */
void jx_web_set_header(struct jx_web_response *resp, const char *name,
                       const char *value);

/* Append a Set-Cookie header (several may be sent). */
void jx_web_add_cookie(struct jx_web_response *resp, const char *value);

/* The finished document h as the body, with status. */
void jx_web_send_html(struct jx_web_response *resp, int status,
                      const struct jx_html *h);

/* A compiled-in file as the body (200). */
void jx_web_send_static(struct jx_web_response *resp, const char *type,
                        const struct jx_web_static *f);

/* A copy of data[0..len) as the body, of type, with status (a report
 * the report layer wrote, open data as JSON). */
void jx_web_send_bytes(struct jx_web_response *resp, int status,
                       const char *type, const char *data, size_t len);

/* Append one CSV row to h (RFC 4180: a cell holding a comma, quote, CR
 * or LF in double quotes, quotes doubled; CRLF at the end); h is then
 * text, not HTML: send it with jx_web_send_text. */
void jx_web_csv_row(struct jx_html *h, const char *const *cells, size_t n);

/* The text of h (CSV) as the body, of type, with status. */
void jx_web_send_text(struct jx_web_response *resp, int status,
                      const char *type, const struct jx_html *h);

/* A malloc'd NUL-terminated copy of the HTML h holds so far (the
 * caller frees it; put it into another document with %R): a part of a
 * page kept to be sent again (the overview's rows, web_cache.c). */
char *jx_html_copy(const struct jx_html *h);

/* No body (a redirect). */
void jx_web_send_empty(struct jx_web_response *resp, int status);

/* s percent-encoded as one URL component, in a. */
char *jx_web_urlenc(struct jx_arena *a, const char *s);

/* ---- reading requests (web_req.c) ------------------------------------ */

/* The value of name in an application/x-www-form-urlencoded text
 * s[0..n) (a query string or a form body), decoded ('+' is a space,
 * %XX a byte; a bad escape kept as is) into a, or NULL when absent.
 * The first of several is taken. */
const char *jx_web_param(struct jx_arena *a, const char *s, size_t n,
                         const char *name);

/* The value of cookie name in a Cookie header (NULL allowed), or NULL. */
const char *jx_web_cookie(struct jx_arena *a, const char *header,
                          const char *name);

/* n random bytes as 2n lower-case hex digits in a. */
char *jx_web_random_hex(struct jx_arena *a, size_t n);

/* ---- sign-in and sessions (web_auth.c) ------------------------------- */

/* Read the session the cookie of req names into *sess (nobody when
 * none, unknown, ended or timed out; a timed-out one is ended and
 * sess->expired set).  Touches last_seen at most once a minute.  0, or
 * -1 when the store failed. */
int jx_web_session_load(struct jx_web_app *app, struct jx_store *s,
                        struct jx_arena *a, const struct jx_web_request *req,
                        struct jx_web_session *sess);

/* The outcome of a sign-in. */
struct jx_web_signin {
    bool ok;
    bool throttled;             /* too many failures: retry_at says when */
    int64_t retry_at;
    const char *token;          /* ok: the new session's token (hex) */
};

/* Check name and password (throttled per name: cfg.throttle_failures
 * failures within cfg.throttle_s refuse without checking), record the
 * attempt, and on success start a new session (a new token), rehashing
 * the password when its parameters are out of date.  0 with *out, or
 * -1 when the store failed. */
int jx_web_signin(struct jx_web_app *app, struct jx_store *s,
                  struct jx_arena *a, const char *name, const char *password,
                  const char *client, struct jx_web_signin *out);

/* End session id server-side.  0 or -1. */
int jx_web_signout(struct jx_web_app *app, struct jx_store *s, int64_t id);

/* Whether two NUL-terminated tokens are equal, in constant time for
 * their length (sodium_memcmp); NULL never equals. */
bool jx_web_token_eq(const char *a, const char *b);

#endif
