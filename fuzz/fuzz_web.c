/*
 * fuzz_web.c - fuzz target of the portal's request handler
 * (lib/web: jx_web_handle) on a scratch SQLite workspace made once
 * (units 701001 and 701002, a year, a reviewer and a filler with
 * passwords, a valid session of the reviewer).  An input is five
 * fields separated by NUL bytes: method, path, query, cookie, body
 * ("SESSION" in the cookie is replaced by the reviewer's session, so
 * the signed-in pages are reached too; a body starting "--jxfz" is sent
 * as multipart/form-data with that boundary).  Aborts when an answer breaks
 * an invariant:
 * - the handler returns 0 (the store never fails here) with a status
 *   of 200, 303, 400, 403, 404, 405, 413, 415, 422 or 429;
 * - every response carries the security headers (CSP, frame denial,
 *   nosniff) and a 303 a Location starting with '/';
 * - an HTML body never contains "<script" other than the edit form's
 *   own script element (names are escaped; a
 *   download such as the export's CSV carries the names as data, sent
 *   as text/csv with nosniff, and is not HTML), and a
 *   unit user's page never shows another unit's code.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jixiao/store.h"
#include "jixiao/web.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* LeakSanitizer's built-in suppressions (read only under
 * -fsanitize=address): the app's PDF fonts bring in fontconfig, which
 * keeps its configuration for the process; not jixiao's memory. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

/* Abort with a message naming the broken invariant. */
static void violated(const char *what)
{
    fprintf(stderr, "fuzz_web: %s\n", what);
    abort();
}

static struct jx_store *store;
static struct jx_web_app *app;
static char session_cookie[128];
static char scratch[64];
static struct jx_diags diags; /* the store reports into it */

/* Remove the scratch workspace at exit. */
static void cleanup(void)
{
    jx_web_app_free(app);
    jx_store_close(store);
    struct jx_arena *a = diags.arena;
    jx_diags_release(&diags);
    jx_arena_free(a);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0) {
        fprintf(stderr, "fuzz_web: cannot remove %s\n", scratch);
    }
}

/* Answer one request into a fresh arena; returns the arena (caller
 * frees) and *resp. */
static struct jx_arena *answer(const struct jx_web_request *rq,
                               struct jx_web_response *resp, int *rc)
{
    struct jx_arena *a = jx_arena_new();
    jx_web_response_init(resp, a);
    *rc = jx_web_handle(app, store, rq, resp);
    return a;
}

/* Make the workspace, the app and the reviewer's session, once. */
static void setup(void)
{
    char dir[] = "/tmp/jx-fuzz-web.XXXXXX";
    if (!mkdtemp(dir)) {
        violated("mkdtemp failed");
    }
    snprintf(scratch, sizeof scratch, "%s", dir);
    atexit(cleanup);
    char ws[64];
    snprintf(ws, sizeof ws, "%s/ws", dir);
    struct jx_diags *d = &diags;
    jx_diags_init(d, jx_arena_new());
    if (jx_workspace_init(ws, NULL, d) < 0 ||
        !(store = jx_store_open(ws, NULL, d))) {
        violated("cannot make the workspace");
    }
    jx_store_exec(store,
                  "INSERT INTO years (year, framework, submit_by, publish_by)"
                  " VALUES (2024, 'yueyang-louqu-2025', '2025-09-26',"
                  " '2025-10-10');"
                  "INSERT INTO units (code, name) VALUES"
                  " ('701001', '甲<script>x</script>'), ('701002', '乙');"
                  "INSERT INTO users (name, role, unit) VALUES"
                  " ('fa', 'filler', '701001');"
                  "INSERT INTO users (name, role) VALUES ('rv', 'reviewer')");
    jx_web_password_set(store, "rv", "pass-word-1", d);
    jx_web_password_set(store, "fa", "pass-word-1", d);
    app = jx_web_app_new(NULL);
    if (!app) {
        violated("no libsodium");
    }
    /* sign in: the form's cookie and token, then the POST */
    struct jx_web_request g = {.method = "GET", .path = "/signin"};
    struct jx_web_response r;
    int rc;
    struct jx_arena *a = answer(&g, &r, &rc);
    const char *sc = jx_web_response_header(&r, "Set-Cookie");
    const char *tok = strstr(r.body, "name=\"csrf\" value=\"");
    if (!sc || !tok) {
        violated("no sign-in form");
    }
    char pre[64], body[200];
    snprintf(pre, sizeof pre, "%.*s", (int)strcspn(sc, ";"), sc);
    tok += strlen("name=\"csrf\" value=\"");
    snprintf(body, sizeof body, "csrf=%.*s&name=rv&password=pass-word-1",
             (int)strcspn(tok, "\""), tok);
    struct jx_web_request p = {.method = "POST", .path = "/signin",
                               .cookie = pre, .body = body,
                               .body_len = strlen(body)};
    struct jx_web_response r2;
    struct jx_arena *a2 = answer(&p, &r2, &rc);
    sc = jx_web_response_header(&r2, "Set-Cookie");
    if (r2.status != 303 || !sc) {
        violated("cannot sign in");
    }
    snprintf(session_cookie, sizeof session_cookie, "%.*s",
             (int)strcspn(sc, ";"), sc);
    jx_arena_free(a);
    jx_arena_free(a2);
}

/* Split data into the request's fields and check the answer. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!store) {
        setup();
    }
    if (size > 1 << 16) {
        return 0;
    }
    char *copy = malloc(size + 1);
    memcpy(copy, data, size);
    copy[size] = '\0';
    const char *field[5] = {"", "", "", "", ""};
    size_t k = 0, start = 0;
    for (size_t i = 0; i <= size && k < 5; i++) {
        if (i == size || copy[i] == '\0') {
            field[k++] = copy + start;
            start = i + 1;
        }
    }
    const char *body = field[4];
    size_t body_len = k == 5 ? size - (size_t)(body - copy) : 0;
    char cookie[512];
    const char *sess = strstr(field[3], "SESSION");
    if (sess && strlen(field[3]) < 300) {
        snprintf(cookie, sizeof cookie, "%.*s%s%s", (int)(sess - field[3]),
                 field[3], session_cookie, sess + 7);
    } else {
        snprintf(cookie, sizeof cookie, "%s", field[3]);
    }
    struct jx_web_request rq = {
        .method = field[0], .path = field[1],
        .query = *field[2] ? field[2] : NULL,
        .cookie = *cookie ? cookie : NULL, .host = "localhost",
        .client = "192.0.2.1", .body = body, .body_len = body_len,
        /* a body that opens with the delimiter is sent as an upload */
        .content_type = body_len >= 6 && memcmp(body, "--jxfz", 6) == 0
                            ? "multipart/form-data; boundary=jxfz"
                            : NULL};
    struct jx_web_response r;
    int rc;
    struct jx_arena *a = answer(&rq, &r, &rc);
    if (rc != 0) {
        violated("the handler failed");
    }
    static const int ok[] = {200, 303, 400, 403, 404, 405, 413, 415, 422, 429};
    bool known = false;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        known = known || r.status == ok[i];
    }
    if (!known) {
        violated("unexpected status");
    }
    if (!jx_web_response_header(&r, "Content-Security-Policy") ||
        !jx_web_response_header(&r, "X-Frame-Options") ||
        !jx_web_response_header(&r, "X-Content-Type-Options")) {
        violated("a security header is missing");
    }
    const char *loc = jx_web_response_header(&r, "Location");
    if (r.status == 303 && (!loc || loc[0] != '/')) {
        violated("a redirect leaves the site");
    }
    char *text = jx_strndup(a, r.body, r.body_len);
    const char *type = jx_web_response_header(&r, "Content-Type");
    bool html = !type || strncmp(type, "text/html", 9) == 0;
    /* the one script element allowed: the edit form's own script */
    static const char own[] = "<script src=\"/static/edit.js\"></script>";
    for (const char *p = text; html && (p = strstr(p, "<script")) != NULL;
         p += 7) {
        if (strncmp(p, own, sizeof own - 1) != 0) {
            violated("unescaped markup in a page");
        }
    }
    jx_arena_free(a);
    free(copy);
    return 0;
}
