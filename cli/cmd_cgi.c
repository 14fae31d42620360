/*
 * cmd_cgi.c - `jixiao cgi [-W DIR | --db URL]`: the portal
 * (include/jixiao/web.h) as a CGI program (RFC 3875), in the manner of
 * Fossil: one request read from the environment and stdin, answered
 * by jx_web_handle, written to stdout as a Status: line, the headers
 * and the body.  SCRIPT_NAME is the path the portal is served under
 * (the app's base: links, redirects and cookie paths start with it);
 * HTTPS=on marks cookies Secure.  The body is capped as serve caps it
 * (413 unread); a request that breaks the CGI rules answers 400.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jixiao/store.h"
#include "jixiao/web.h"

/* The reason phrase of an HTTP status the portal sends. */
static const char *reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

/* Write a plain-text answer of status with text (front-end errors:
 * the request never reached the portal).  0 or -1. */
static int send_plain(int status, const char *text)
{
    printf("Status: %d %s\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "X-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\n"
           "Content-Length: %zu\r\n\r\n%s",
           status, reason(status), strlen(text), text);
    return fflush(stdout) == 0 ? 0 : -1;
}

/* An environment variable, NULL when unset or empty. */
static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

/* Whether m is an HTTP method token (upper-case letters, 1..16). */
static bool method_ok(const char *m)
{
    size_t n = strlen(m);
    if (n == 0 || n > 16) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (m[i] < 'A' || m[i] > 'Z') {
            return false;
        }
    }
    return true;
}

/* CONTENT_LENGTH as a number into *n (absent: 0); false when it is not
 * a decimal number. */
static bool content_length(size_t *n)
{
    const char *v = env("CONTENT_LENGTH");
    *n = 0;
    if (!v) {
        return true;
    }
    if (strlen(v) > 15) {
        return false;
    }
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9') {
            return false;
        }
        *n = *n * 10 + (size_t)(*p - '0');
    }
    return true;
}

/* The base path from SCRIPT_NAME without a final '/' (in a; "" at the
 * root), or NULL when it does not start with '/'. */
static const char *base_path(struct jx_arena *a)
{
    const char *sn = env("SCRIPT_NAME");
    if (!sn) {
        return "";
    }
    if (sn[0] != '/' || strpbrk(sn, "\"<>\r\n")) {
        return NULL;
    }
    size_t n = strlen(sn);
    while (n > 0 && sn[n - 1] == '/') {
        n--;
    }
    return jx_strndup(a, sn, n);
}

/* Read the request, answer it, write the answer.  Exit status 0 once
 * an answer is written, whatever its HTTP status. */
int jx_cmd_cgi(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("cgi");
    struct jx_ws_args w = {0};
    struct jx_web_config cfg = {0};
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_web_arg(self, argc, argv, &i, &w, &cfg);
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r == 0) {
            return jx_cli_usage_error(self, "未知参数“%s”", argv[i]);
        }
    }
    struct jx_arena *a = jx_arena_new();
    int rc = JX_EXIT_OK;
    const char *method = env("REQUEST_METHOD");
    const char *path = env("PATH_INFO");
    const char *base = base_path(a);
    size_t len = 0;
    if (!path) {
        path = "/";
    }
    if (!method || !method_ok(method) || path[0] != '/' || !base ||
        !content_length(&len)) {
        rc = send_plain(400, "请求格式错误\n") == 0 ? JX_EXIT_OK : JX_EXIT_IO;
        jx_arena_free(a);
        return rc;
    }
    if (len > jx_cli_web_body_max(method, path)) {
        rc = send_plain(413, "请求内容过大\n") == 0 ? JX_EXIT_OK : JX_EXIT_IO;
        jx_arena_free(a);
        return rc;
    }
    char *body = len ? jx_alloc(a, len) : NULL;
    if (len && fread(body, 1, len, stdin) != len) {
        rc = send_plain(400, "请求正文不完整\n") == 0 ? JX_EXIT_OK : JX_EXIT_IO;
        jx_arena_free(a);
        return rc;
    }
    struct jx_store *s = jx_cli_ws_open(&w, true);
    if (!s) {
        rc = send_plain(503, "数据库无法打开\n") == 0 ? JX_EXIT_OK : JX_EXIT_IO;
        jx_arena_free(a);
        return rc;
    }
    cfg.base = base;
    struct jx_web_app *app = jx_web_app_new(&cfg);
    if (!app) {
        jx_store_close(s);
        rc = send_plain(503, "无法初始化 libsodium\n") == 0 ? JX_EXIT_OK
                                                           : JX_EXIT_IO;
        jx_arena_free(a);
        return rc;
    }
    const char *https = env("HTTPS");
    struct jx_web_request req = {
        .method = method, .path = path, .query = env("QUERY_STRING"),
        .cookie = env("HTTP_COOKIE"), .content_type = env("CONTENT_TYPE"),
        .host = env("HTTP_HOST"), .origin = env("HTTP_ORIGIN"),
        .client = env("REMOTE_ADDR"), .body = body, .body_len = len,
        .tls = https && (strcasecmp(https, "on") == 0 ||
                         strcmp(https, "1") == 0)};
    struct jx_web_response resp;
    jx_web_response_init(&resp, a);
    jx_web_handle(app, s, &req, &resp);
    printf("Status: %d %s\r\n", resp.status, reason(resp.status));
    for (size_t i = 0; i < resp.nheaders; i++) {
        printf("%s: %s\r\n", resp.headers[i].name, resp.headers[i].value);
    }
    printf("Content-Length: %zu\r\n\r\n", resp.body_len);
    if (resp.body_len) {
        fwrite(resp.body, 1, resp.body_len, stdout);
    }
    if (fflush(stdout) != 0) {
        rc = JX_EXIT_IO;
    }
    jx_web_app_free(app);
    jx_store_close(s);
    jx_arena_free(a);
    return rc;
}
