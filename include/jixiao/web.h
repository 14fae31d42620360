/*
 * web.h - the portal (issue 14; docs/portal.md): the request handler
 * behind `jixiao serve`, its sign-in, sessions and CSRF tokens, and the
 * HTML writer that escapes by default.
 *
 * The handler is a plain function, request in and response out: the
 * front end (cli/cmd_serve.c, libmicrohttpd) and the tests call it the
 * same way, each with its own store connection.  Access control is one
 * routing table (lib/web/web.c: method, path pattern, roles) checked in
 * one place before any handler runs.  Nothing here prints or exits.
 *
 * Ownership: a request is borrowed for the call; everything a response
 * holds (headers, body) lives in the arena given to
 * jx_web_response_init, the caller's.  An app is read-only after
 * jx_web_app_new (but for its cache of year overviews and published
 * reports, behind its own lock) and may be shared by threads (each
 * with its own store connection, all to the same workspace: the cache
 * holds that workspace's data).
 */
#ifndef JIXIAO_WEB_H
#define JIXIAO_WEB_H

#include <stdint.h>

#include "jixiao/base.h"
#include "jixiao/diag.h"

struct jx_store;

/* ---- the HTML writer ------------------------------------------------- */

/* HTML being written (a buffer only jx_html and its helpers in
 * lib/web/web_html.c write to; tools/checksrc keeps it so). */
struct jx_html {
    struct jx_buf buf;
    const char *base;   /* what %B writes: the path the portal is served
                           under ("" at the root; jx_web_page_begin sets
                           it from the app's config) */
};

/* Start an empty document (up to 16 MiB). */
void jx_html_init(struct jx_html *h);

/* Free its contents. */
void jx_html_release(struct jx_html *h);

/*
 * Append fmt to h, with these conversions: %h a string HTML-escaped
 * (& < > " ' as entities; NULL is empty; invalid UTF-8 as U+FFFD), %t a
 * string percent-encoded as one URL path or query component (RFC 3986
 * unreserved kept), %B the portal's base path h->base HTML-escaped (no
 * argument: every link and form action inside the portal starts with
 * "%B/"), %d an int, %D a long long, %% a percent sign, and
 * %R a string appended raw: ONLY for HTML built by this writer (the
 * text of another struct jx_html).  Any other conversion is a bug
 * (aborts).
 */
void jx_html(struct jx_html *h, const char *fmt, ...);

/* ---- requests and responses ------------------------------------------ */

/* One response header. */
struct jx_web_header {
    const char *name, *value;
};

/* A request as the front end read it (all borrowed; NULL when absent). */
struct jx_web_request {
    const char *method;       /* "GET", "POST", ... */
    const char *path;         /* "/year/2025" (no query) */
    const char *query;        /* "sort=code&page=2", without '?' */
    const char *cookie;       /* the Cookie header */
    const char *content_type; /* the Content-Type header */
    const char *host;         /* the Host header */
    const char *origin;       /* the Origin header */
    const char *client;       /* the client's address ("127.0.0.1") */
    const char *body;         /* the body bytes (need not end in NUL) */
    size_t body_len;
    bool tls;                 /* came over TLS (cookies get Secure) */
};

/* Most headers a response carries. */
#define JX_WEB_MAX_HEADERS 16

/* A response: status, headers and body, all in arena. */
struct jx_web_response {
    struct jx_arena *arena;
    int status;
    struct jx_web_header headers[JX_WEB_MAX_HEADERS];
    size_t nheaders;
    const char *body;
    size_t body_len;
};

/* Make resp an empty 200 response whose contents will live in a. */
void jx_web_response_init(struct jx_web_response *resp, struct jx_arena *a);

/* The value of header name (case-insensitive) in resp, or NULL. */
const char *jx_web_response_header(const struct jx_web_response *resp,
                                   const char *name);

/* ---- uploads: multipart/form-data -------------------------------------- */

/* The limits of one upload (docs/portal.md). */
#define JX_WEB_MAX_PARTS 32               /* parts, fields included */
#define JX_WEB_MAX_FILES 10               /* parts with a file name */
#define JX_WEB_MAX_FILE (10u << 20)       /* bytes of one file */
#define JX_WEB_MAX_UPLOAD (20u << 20)     /* bytes of all parts */
#define JX_WEB_MAX_PART_HEADER 8192       /* bytes of one part's headers */

/* Limits of jx_web_multipart (zero fields are not defaults: fill them
 * with jx_web_multipart_limits_default). */
struct jx_web_multipart_limits {
    size_t max_parts, max_files, max_file, max_total, max_header;
};

/* The JX_WEB_MAX_* limits above. */
void jx_web_multipart_limits_default(struct jx_web_multipart_limits *l);

/* One part of a multipart/form-data body: name and filename (NULL when
 * the part is a field; the base name when the browser sent a path) and
 * content_type (NULL when not sent) in the arena; data points into the
 * body. */
struct jx_web_part {
    const char *name, *filename, *content_type;
    const char *data;
    size_t len;
};

/*
 * Split body[0..len) sent with Content-Type content_type into its
 * parts (*parts, *nparts, in arena a; lim NULL: the defaults).
 * Returns 0; 400 when the body or the header is malformed (no boundary,
 * no delimiter, a part without Content-Disposition form-data and a
 * name, headers not ended or longer than the limit, no closing
 * delimiter); 413 when a limit on parts, files or sizes is passed.
 * *why then says what in Chinese (in a, or static).
 */
int jx_web_multipart(struct jx_arena *a, const char *content_type,
                     const char *body, size_t len,
                     const struct jx_web_multipart_limits *lim,
                     struct jx_web_part **parts, size_t *nparts,
                     const char **why);

/* ---- the application -------------------------------------------------- */

/* Settings of the portal (zero fields take the defaults named). */
struct jx_web_config {
    const char *fwdir;       /* frameworks (NULL: the bundled data) */
    const char *caldir;      /* calendar (NULL: the bundled data) */
    int64_t idle_s;          /* session idle timeout (1800) */
    int64_t absolute_s;      /* session absolute timeout (43200) */
    int throttle_failures;   /* failed sign-ins per name ... (5) */
    int64_t throttle_s;      /* ... within this window refuse (900) */
    int page_size;           /* rows per page of the year overview (50) */
    const char *base;        /* the path the portal is served under,
                                without a final '/': "" (NULL) at the
                                root, "/cgi-bin/jixiao" behind CGI; links,
                                redirects and cookie paths start with it */
};

/* The portal's state shared by every request (opaque). */
struct jx_web_app;

/* Make the app (calls sodium_init); NULL when libsodium cannot start.
 * cfg may be NULL.  Free with jx_web_app_free. */
struct jx_web_app *jx_web_app_new(const struct jx_web_config *cfg);

/* Free the app (NULL is allowed). */
void jx_web_app_free(struct jx_web_app *app);

/*
 * The warm start (`jixiao serve` runs it in a thread of its own at
 * start, with its own store s): bring the derived scores of every year
 * set up, newest first, up to date in the store (jx_ws_rescore_batched,
 * JX_WEB_WARM_BATCH units per transaction), so that the first overview
 * after an upgrade that changed a framework does not compute every unit
 * in a worker.  Meanwhile, from the first row rewritten on, the
 * overview of the year being rescored answers 503 with a 正在计算
 * notice and its progress (Retry-After); a year whose rows are current
 * is only read through, its overview served as usual.
 * hook (tests; may be NULL) is called after each step of progress.
 * 0, or -1 when the store failed.
 */
int jx_web_warm(struct jx_web_app *app, struct jx_store *s,
                void (*hook)(void *), void *hook_ctx);

/* Ask a running jx_web_warm to stop after the unit it is at (what it
 * did is kept); safe from any thread. */
void jx_web_warm_stop(struct jx_web_app *app);

/* Tests: answer as if the time were now (UTC seconds); 0 restores the
 * system clock.  Not for use while other threads serve. */
void jx_web_app_set_clock(struct jx_web_app *app, int64_t now);

/*
 * Answer req on store s into resp (initialised by the caller with
 * jx_web_response_init).  Every response carries the security headers
 * (docs/portal.md); a page for a signed-in user is never cached.
 * Returns 0, or -1 when the store failed (resp is then a 500 page).
 */
int jx_web_handle(struct jx_web_app *app, struct jx_store *s,
                  const struct jx_web_request *req,
                  struct jx_web_response *resp);

/* ---- the routing table (for the authorisation test and docs) -------- */

/* Who a route admits, as bits. */
enum {
    JX_WEB_ANON = 1,      /* nobody signed in */
    JX_WEB_FILLER = 2,
    JX_WEB_LEADER = 4,
    JX_WEB_REVIEWER = 8,
    JX_WEB_ADMIN = 16,
    JX_WEB_SIGNED = 2 | 4 | 8 | 16,
    JX_WEB_ALL = 31
};

/* One route: "GET" "/unit/{unit}/{year}": {unit} a unit's code (a
 * unit user only ever sees his own: another answers 404), {year} a
 * year 1900..2999. */
struct jx_web_route_info {
    const char *method;
    const char *pattern;
    unsigned roles;          /* JX_WEB_* that may use it */
};

/* The routing table: *n routes. */
const struct jx_web_route_info *jx_web_routes(size_t *n);

/* ---- passwords -------------------------------------------------------- */

/* Shortest password accepted, in bytes. */
#define JX_WEB_MIN_PASSWORD 8

/* Set the password of user name to password (hashed with
 * crypto_pwhash_str, Argon2id, OPSLIMIT 2, 19 MiB) and end every
 * session of that user.  0, or -1 after a diagnostic in d (D220: too
 * short or longer than 1,024 bytes; D221: no such user; or the
 * store's). */
int jx_web_password_set(struct jx_store *s, const char *name,
                        const char *password, struct jx_diags *d);

#endif
