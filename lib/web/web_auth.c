/*
 * web_auth.c - passwords (libsodium crypto_pwhash_str: Argon2id,
 * OPSLIMIT 2, 19 MiB, rehashed on sign-in when out of date), sessions
 * (a 256-bit random token in the cookie; only its BLAKE2b-256 in the
 * store; idle and absolute timeouts; ended server-side at sign-out),
 * sign-in throttling per name, and the app's shared state.
 */
#include "web/web_impl.h"
#include "web/web_cache.h"
#include "jixiao/report.h"

#include <sodium.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Argon2id parameters: at least OWASP's 2 passes and 19 MiB. */
#define PW_OPS 2ULL
#define PW_MEM ((size_t)19 * 1024 * 1024)
/* Longest password and name considered. */
#define PW_MAX 1024
#define NAME_MAX_LEN 200

/* See web.h. */
struct jx_web_app *jx_web_app_new(const struct jx_web_config *cfg)
{
    if (sodium_init() < 0) {
        return NULL;
    }
    struct jx_web_app *app = jx_xmalloc(sizeof *app);
    memset(app, 0, sizeof *app);
    if (cfg) {
        app->cfg = *cfg;
    }
    if (app->cfg.idle_s <= 0) {
        app->cfg.idle_s = 1800;
    }
    if (app->cfg.absolute_s <= 0) {
        app->cfg.absolute_s = 12 * 3600;
    }
    if (app->cfg.throttle_failures <= 0) {
        app->cfg.throttle_failures = 5;
    }
    if (app->cfg.throttle_s <= 0) {
        app->cfg.throttle_s = 900;
    }
    if (app->cfg.page_size <= 0) {
        app->cfg.page_size = 50;
    }
    char pw[33];
    randombytes_buf(pw, 32);
    for (int i = 0; i < 32; i++) {
        pw[i] = (char)('a' + ((unsigned char)pw[i] % 26));
    }
    pw[32] = '\0';
    if (crypto_pwhash_str(app->dummy_hash, pw, 32, PW_OPS, PW_MEM) != 0) {
        free(app);
        return NULL;
    }
    app->cache = jx_web_cache_new();
    app->pdf_fonts = jx_pdf_fonts_new();
    return app;
}

/* See web.h. */
void jx_web_app_free(struct jx_web_app *app)
{
    if (app) {
        jx_web_cache_free(app->cache);
        jx_pdf_fonts_free(app->pdf_fonts);
    }
    free(app);
}

/* See web.h. */
void jx_web_app_set_clock(struct jx_web_app *app, int64_t now)
{
    app->fixed_now = now;
}

/* See web_impl.h. */
int64_t jx_web_now(const struct jx_web_app *app)
{
    return app->fixed_now ? app->fixed_now : (int64_t)time(NULL);
}

/* See web_impl.h. */
bool jx_web_token_eq(const char *a, const char *b)
{
    if (!a || !b) {
        return false;
    }
    size_t n = strlen(a);
    if (n == 0 || n != strlen(b)) {
        return false;
    }
    return sodium_memcmp(a, b, n) == 0;
}

/* Prepare sql and bind its parameters from types ('t' text, NULL
 * bound as NULL; 'i' int64_t); NULL when the store failed. */
static struct jx_stmt *prep(struct jx_store *s, const char *sql,
                            const char *types, ...)
{
    struct jx_stmt *st = jx_stmt_prepare(s, sql);
    if (!st) {
        return NULL;
    }
    va_list ap;
    va_start(ap, types);
    for (int i = 0; types[i]; i++) {
        if (types[i] == 't') {
            const char *v = va_arg(ap, const char *);
            if (v) {
                jx_stmt_bind_text(st, i + 1, v);
            } else {
                jx_stmt_bind_null(st, i + 1);
            }
        } else {
            jx_stmt_bind_int(st, i + 1, va_arg(ap, int64_t));
        }
    }
    va_end(ap);
    return st;
}

/* Run a prepared statement to its end and free it: 0 or -1. */
static int finish(struct jx_stmt *st)
{
    if (!st) {
        return -1;
    }
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_DONE ? 0 : -1;
}

/* The BLAKE2b-256 of token as hex in out. */
static void token_hash(const char *token, char out[65])
{
    unsigned char h[32];
    crypto_generichash(h, sizeof h, (const unsigned char *)token,
                       strlen(token), NULL, 0);
    sodium_bin2hex(out, 65, h, sizeof h);
}

/* Whether s is exactly 64 lower-case hex digits. */
static bool is_token(const char *s)
{
    if (!s || strlen(s) != 64) {
        return false;
    }
    for (const char *p = s; *p; p++) {
        if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) {
            return false;
        }
    }
    return true;
}

/* See web_impl.h. */
int jx_web_session_load(struct jx_web_app *app, struct jx_store *s,
                        struct jx_arena *a, const struct jx_web_request *req,
                        struct jx_web_session *sess)
{
    memset(sess, 0, sizeof *sess);
    sess->gen = -1;
    const char *token = jx_web_cookie(a, req->cookie, JX_WEB_COOKIE);
    if (!token) {
        return 0;
    }
    if (!is_token(token)) {
        sess->expired = true;
        return 0;
    }
    char h[65];
    token_hash(token, h);
    struct jx_stmt *st = prep(
        s,
        "SELECT s.id, s.created, s.last_seen, s.csrf, s.ended, u.id, u.name,"
        " u.role, u.unit, (SELECT n FROM generation WHERE id = 1)"
        " FROM sessions s JOIN users u ON u.id = s.user_id"
        " WHERE s.token_hash = ?",
        "t", h);
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    if (r == JX_STEP_ERROR) {
        jx_stmt_finalize(st);
        return -1;
    }
    if (r == JX_STEP_DONE) {
        jx_stmt_finalize(st);
        sess->expired = true;
        return 0;
    }
    int64_t id = jx_stmt_int(st, 0), created = jx_stmt_int(st, 1),
            seen = jx_stmt_int(st, 2);
    bool ended = !jx_stmt_isnull(st, 4);
    sess->csrf = jx_strdup(a, jx_stmt_text(st, 3));
    sess->user_id = jx_stmt_int(st, 5);
    sess->user = jx_strdup(a, jx_stmt_text(st, 6));
    const char *role = jx_stmt_text(st, 7);
    if (!role || jx_wf_role_parse(role, strlen(role), &sess->role) < 0) {
        sess->role = JX_WF_ROLE_NONE;
    }
    sess->unit = jx_strdup(a, jx_stmt_text(st, 8));
    int64_t gen = jx_stmt_isnull(st, 9) ? -1 : jx_stmt_int(st, 9);
    jx_stmt_finalize(st);
    int64_t now = jx_web_now(app);
    if (ended || sess->role == JX_WF_ROLE_NONE) {
        memset(sess, 0, sizeof *sess);
        sess->gen = -1;
        sess->expired = true;
        return 0;
    }
    if (now - seen > app->cfg.idle_s || now - created > app->cfg.absolute_s) {
        memset(sess, 0, sizeof *sess);
        sess->gen = -1;
        sess->expired = true;
        return finish(prep(s, "UPDATE sessions SET ended = ? WHERE id = ?",
                           "ii", now, id));
    }
    sess->signed_in = true;
    sess->id = id;
    sess->gen = gen;
    if (now - seen >= 60) {
        return finish(prep(s, "UPDATE sessions SET last_seen = ? WHERE id = ?",
                           "ii", now, id));
    }
    return 0;
}

/* Record a sign-in attempt. */
static int record_attempt(struct jx_store *s, const char *name, int64_t now,
                          bool ok, const char *client)
{
    return finish(prep(s,
                       "INSERT INTO signin_attempts (name, at, ok, client)"
                       " VALUES (?, ?, ?, ?)",
                       "tiit", name, now, (int64_t)(ok ? 1 : 0), client));
}

/* See web_impl.h. */
int jx_web_signin(struct jx_web_app *app, struct jx_store *s,
                  struct jx_arena *a, const char *name, const char *password,
                  const char *client, struct jx_web_signin *out)
{
    memset(out, 0, sizeof *out);
    if (!name || !*name || !password) {
        return 0;
    }
    if (strlen(name) > NAME_MAX_LEN) {
        name = jx_strndup(a, name, NAME_MAX_LEN);
    }
    int64_t now = jx_web_now(app);
    struct jx_stmt *st = prep(
        s,
        "SELECT count(*), min(at) FROM signin_attempts WHERE name = ?"
        " AND ok = 0 AND at > ? AND at > coalesce((SELECT max(at) FROM"
        " signin_attempts WHERE name = ? AND ok = 1), -1)",
        "tit", name, now - app->cfg.throttle_s, name);
    if (!st || jx_stmt_step(st) != JX_STEP_ROW) {
        jx_stmt_finalize(st);
        return -1;
    }
    int64_t fails = jx_stmt_int(st, 0), first = jx_stmt_int(st, 1);
    jx_stmt_finalize(st);
    if (fails >= app->cfg.throttle_failures) {
        out->throttled = true;
        out->retry_at = first + app->cfg.throttle_s;
        return 0;
    }
    st = prep(s, "SELECT id, password FROM users WHERE name = ?", "t", name);
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    if (r == JX_STEP_ERROR) {
        jx_stmt_finalize(st);
        return -1;
    }
    int64_t uid = 0;
    const char *hash = NULL;
    if (r == JX_STEP_ROW) {
        uid = jx_stmt_int(st, 0);
        hash = jx_strdup(a, jx_stmt_text(st, 1));
    }
    jx_stmt_finalize(st);
    size_t plen = strlen(password);
    bool ok;
    if (!hash || plen > PW_MAX) {
        /* as long as a known name takes; the answer is no either way */
        volatile int sink = crypto_pwhash_str_verify(
            app->dummy_hash, password, plen > PW_MAX ? PW_MAX : plen);
        (void)sink;
        ok = false;
    } else {
        ok = crypto_pwhash_str_verify(hash, password, plen) == 0;
    }
    if (record_attempt(s, name, now, ok, client) < 0) {
        return -1;
    }
    if (!ok) {
        return 0;
    }
    if (crypto_pwhash_str_needs_rehash(hash, PW_OPS, PW_MEM) != 0) {
        char fresh[crypto_pwhash_STRBYTES];
        if (crypto_pwhash_str(fresh, password, plen, PW_OPS, PW_MEM) == 0 &&
            finish(prep(s, "UPDATE users SET password = ? WHERE id = ?", "ti",
                        fresh, uid)) < 0) {
            return -1;
        }
    }
    const char *token = jx_web_random_hex(a, 32);
    const char *csrf = jx_web_random_hex(a, 32);
    char h[65];
    token_hash(token, h);
    if (finish(prep(s,
                    "INSERT INTO sessions (token_hash, user_id, created,"
                    " last_seen, csrf, client) VALUES (?, ?, ?, ?, ?, ?)",
                    "tiiitt", h, uid, now, now, csrf, client)) < 0) {
        return -1;
    }
    out->ok = true;
    out->token = token;
    return 0;
}

/* See web_impl.h. */
int jx_web_signout(struct jx_web_app *app, struct jx_store *s, int64_t id)
{
    return finish(prep(s,
                       "UPDATE sessions SET ended = ? WHERE id = ?"
                       " AND ended IS NULL",
                       "ii", jx_web_now(app), id));
}

/* See web.h. */
int jx_web_password_set(struct jx_store *s, const char *name,
                        const char *password, struct jx_diags *d)
{
    size_t n = password ? strlen(password) : 0;
    if (n < JX_WEB_MIN_PASSWORD || n > PW_MAX) {
        jx_diag_add(d, "D220", JX_SEV_ERROR, NULL,
                    "密码长度须在 %d 到 %d 字节之间（现为 %zu 字节）",
                    JX_WEB_MIN_PASSWORD, PW_MAX, n);
        return -1;
    }
    if (sodium_init() < 0) {
        jx_diag_add(d, "D220", JX_SEV_ERROR, NULL, "无法初始化 libsodium");
        return -1;
    }
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password, n, PW_OPS, PW_MEM) != 0) {
        jx_diag_add(d, "D220", JX_SEV_ERROR, NULL,
                    "无法计算密码散列（内存不足）");
        return -1;
    }
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    struct jx_stmt *st = prep(
        s, "UPDATE users SET password = ? WHERE name = ? RETURNING id", "tt",
        hash, name);
    enum jx_step r = st ? jx_stmt_step(st) : JX_STEP_ERROR;
    int64_t uid = r == JX_STEP_ROW ? jx_stmt_int(st, 0) : 0;
    if (r == JX_STEP_ROW) {
        r = jx_stmt_step(st);
    }
    jx_stmt_finalize(st);
    if (r == JX_STEP_ERROR) {
        jx_store_rollback(s);
        return -1;
    }
    if (uid == 0) {
        jx_store_rollback(s);
        jx_diag_add(d, "D221", JX_SEV_ERROR, NULL, "工作区中没有用户“%s”",
                    name);
        return -1;
    }
    if (finish(prep(s,
                    "UPDATE sessions SET ended = ? WHERE user_id = ?"
                    " AND ended IS NULL",
                    "ii", (int64_t)time(NULL), uid)) < 0) {
        jx_store_rollback(s);
        return -1;
    }
    return jx_store_commit(s);
}
