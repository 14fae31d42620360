/*
 * cmd_serve.c - `jixiao serve [-W DIR | --db URL] [--listen ADDR:PORT]
 * [--check]`: the portal (include/jixiao/web.h) over HTTP with
 * libmicrohttpd.  A pool of worker threads sized to the cores, each
 * with its own store connection opened on its first request (and
 * closed when the thread ends); connection, per-address, timeout and
 * memory limits; form bodies up to 1 MiB, uploads up to 21 MiB.  At
 * start a thread of its own (its own store) brings every year's derived
 * scores up to date (jx_web_warm) while the workers answer.  SIGINT or
 * SIGTERM stops it cleanly.  --check starts, asks GET / over a real socket, prints the
 * status line and stops (exit 0 when it is 200).
 */
#include "cli.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "jixiao/store.h"
#include "jixiao/web.h"

/* Largest request body read: forms, and on the upload routes (a POST
 * to a path ending in /upload) the files' 20 MiB with room for the
 * parts' headers. */
#define BODY_MAX (1u << 20)
#define UPLOAD_BODY_MAX (JX_WEB_MAX_UPLOAD + (1u << 20))

/* See cli.h. */
size_t jx_cli_web_body_max(const char *method, const char *path)
{
    size_t n = strlen(path);
    bool upload = strcmp(method, "POST") == 0 && n > 7 &&
                  strcmp(path + n - 7, "/upload") == 0;
    return upload ? UPLOAD_BODY_MAX : BODY_MAX;
}

/* See cli.h. */
int jx_cli_web_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                   struct jx_ws_args *w, struct jx_web_config *cfg)
{
    int r = jx_cli_ws_arg(self, argc, argv, i, w);
    if (r != 0) {
        return r < 0 ? -1 : 1;
    }
    const char *v;
    if ((r = jx_cli_optval(argc, argv, i, "--frameworks-dir", &v)) > 0) {
        cfg->fwdir = v;
    } else if (r == 0 && (r = jx_cli_optval(argc, argv, i, "--calendar-dir",
                                            &v)) > 0) {
        cfg->caldir = v;
    }
    if (r < 0) {
        jx_cli_usage_error(self, "选项 %s 缺少取值", argv[*i]);
        return -1;
    }
    return r;
}

/* What every worker shares. */
struct serve {
    struct jx_web_app *app;
    const char *url;          /* the store to open */
    const char *files_dir;    /* or NULL */
};

/* One store per worker thread, closed when the thread ends. */
static pthread_key_t store_key;

/* A worker's store and the diagnostics list it reports into. */
struct worker {
    struct jx_store *s;
    struct jx_diags d;
};

/* Close a worker's store and free its list (pthread key destructor). */
static void store_free(void *p)
{
    struct worker *w = p;
    jx_store_close(w->s);
    struct jx_arena *a = w->d.arena;
    jx_diags_release(&w->d);
    jx_arena_free(a);
    free(w);
}

/* The calling thread's store, opened on first use; NULL when it
 * cannot be opened (the reason goes to stderr). */
static struct jx_store *thread_store(const struct serve *sv)
{
    struct worker *w = pthread_getspecific(store_key);
    if (w) {
        return w->s;
    }
    /* the store keeps its diagnostics list: one per thread, for life */
    w = jx_xmalloc(sizeof *w);
    jx_diags_init(&w->d, jx_arena_new());
    struct jx_store_opts o = {.files_dir = sv->files_dir};
    w->s = jx_store_open(sv->url, &o, &w->d);
    if (!w->s) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 16);
        jx_cli_format_diags(&b, &w->d, 0);
        fputs(b.p, stderr);
        jx_buf_release(&b);
        store_free(w);
        return NULL;
    }
    pthread_setspecific(store_key, w);
    return w->s;
}

/* The warm start's thread: its own store, every year's derived scores
 * brought up to date (jx_web_warm) while the workers answer; a failure
 * goes to stderr, the portal goes on (the overview then scores
 * itself). */
static void *warm_main(void *p)
{
    const struct serve *sv = p;
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_store_opts o = {.files_dir = sv->files_dir};
    struct jx_store *s = jx_store_open(sv->url, &o, &d);
    if (!s || jx_web_warm(sv->app, s, NULL, NULL) < 0) {
        fputs("jixiao serve: 启动时更新考核分未完成（总览将自行计算）\n", stderr);
    }
    jx_store_close(s);
    jx_diags_release(&d);
    jx_arena_free(a);
    return NULL;
}

/* A request's body being read. */
struct conn {
    struct jx_buf body;
    bool toobig;
};

/* Add the value of header kind/name of connection to req's field. */
static const char *hdr(struct MHD_Connection *c, const char *name)
{
    return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

/* Append one query argument to the query string being rebuilt. */
static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind,
                               const char *key, const char *value)
{
    (void)kind;
    struct jx_buf *q = cls;
    static const char hex[] = "0123456789ABCDEF";
    const char *parts[2] = {key, value};
    if (q->len) {
        jx_buf_addc(q, '&');
    }
    for (int k = 0; k < 2; k++) {
        if (k == 1) {
            if (!value) {
                break;
            }
            jx_buf_addc(q, '=');
        }
        for (const unsigned char *p = (const unsigned char *)parts[k]; p && *p;
             p++) {
            if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
                (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
                *p == '_' || *p == '~') {
                jx_buf_addc(q, (char)*p);
            } else {
                char e[3] = {'%', hex[*p >> 4], hex[*p & 15]};
                jx_buf_add(q, e, 3);
            }
        }
    }
    return MHD_YES;
}

/* Send a plain error status with no body. */
static enum MHD_Result send_plain(struct MHD_Connection *c, unsigned status,
                                  const char *text)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(
        strlen(text), (void *)(uintptr_t)text, MHD_RESPMEM_PERSISTENT);
    MHD_add_response_header(r, "Content-Type", "text/plain; charset=utf-8");
    enum MHD_Result ok = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ok;
}

/* The access handler: gather the body, then answer with jx_web_handle. */
static enum MHD_Result access_cb(void *cls, struct MHD_Connection *mc,
                                 const char *url, const char *method,
                                 const char *version, const char *upload,
                                 size_t *upload_size, void **con_cls)
{
    (void)version;
    const struct serve *sv = cls;
    struct conn *cn = *con_cls;
    if (!cn) {
        cn = jx_xmalloc(sizeof *cn);
        memset(cn, 0, sizeof *cn);
        jx_buf_init(&cn->body, jx_cli_web_body_max(method, url));
        *con_cls = cn;
        return MHD_YES;
    }
    if (*upload_size) {
        if (jx_buf_add(&cn->body, upload, *upload_size) < 0) {
            cn->toobig = true;
        }
        *upload_size = 0;
        return MHD_YES;
    }
    if (cn->toobig) {
        return send_plain(mc, 413, "请求内容过大\n");
    }
    struct jx_store *s = thread_store(sv);
    if (!s) {
        return send_plain(mc, 503, "数据库无法打开\n");
    }
    struct jx_buf q;
    jx_buf_init(&q, 1u << 16);
    MHD_get_connection_values(mc, MHD_GET_ARGUMENT_KIND, add_arg, &q);
    char addr[INET6_ADDRSTRLEN] = "";
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET) {
            inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
                      addr, sizeof addr);
        } else if (sa->sa_family == AF_INET6) {
            inet_ntop(AF_INET6,
                      &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
                      addr, sizeof addr);
        }
    }
    struct jx_web_request req = {
        .method = method, .path = url, .query = q.len ? q.p : NULL,
        .cookie = hdr(mc, "Cookie"), .content_type = hdr(mc, "Content-Type"),
        .host = hdr(mc, "Host"), .origin = hdr(mc, "Origin"),
        .client = addr[0] ? addr : NULL, .body = cn->body.p,
        .body_len = cn->body.len};
    struct jx_arena *a = jx_arena_new();
    struct jx_web_response resp;
    jx_web_response_init(&resp, a);
    jx_web_handle(sv->app, s, &req, &resp);
    struct MHD_Response *r = MHD_create_response_from_buffer(
        resp.body_len, (void *)(uintptr_t)resp.body, MHD_RESPMEM_MUST_COPY);
    for (size_t i = 0; i < resp.nheaders; i++) {
        MHD_add_response_header(r, resp.headers[i].name, resp.headers[i].value);
    }
    enum MHD_Result ok = MHD_queue_response(mc, (unsigned)resp.status, r);
    MHD_destroy_response(r);
    jx_arena_free(a);
    jx_buf_release(&q);
    return ok;
}

/* Free a connection's body when the request is done. */
static void completed_cb(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode code)
{
    (void)cls;
    (void)c;
    (void)code;
    struct conn *cn = *con_cls;
    if (cn) {
        jx_buf_release(&cn->body);
        free(cn);
        *con_cls = NULL;
    }
}

/* Parse "ADDR:PORT" (IPv4) into sin; 0 or -1. */
static int parse_listen(const char *s, struct sockaddr_in *sin)
{
    const char *colon = strrchr(s, ':');
    if (!colon || colon == s || colon - s > 15) {
        return -1;
    }
    char host[16];
    memcpy(host, s, (size_t)(colon - s));
    host[colon - s] = '\0';
    char *end;
    long port = strtol(colon + 1, &end, 10);
    if (*end || end == colon + 1 || port < 0 || port > 65535) {
        return -1;
    }
    memset(sin, 0, sizeof *sin);
    sin->sin_family = AF_INET;
    sin->sin_port = htons((uint16_t)port);
    return inet_pton(AF_INET, host, &sin->sin_addr) == 1 ? 0 : -1;
}

/* GET / from 127.0.0.1:port (or the listening address); prints the
 * status line; 0 when it is 200. */
static int self_check(const struct sockaddr_in *where)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return -1;
    }
    struct sockaddr_in to = *where;
    if (to.sin_addr.s_addr == htonl(INADDR_ANY)) {
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    }
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    int rc = -1;
    if (connect(fd, (const struct sockaddr *)&to, sizeof to) == 0) {
        static const char rq[] =
            "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        char buf[256];
        ssize_t n = write(fd, rq, sizeof rq - 1) == (ssize_t)(sizeof rq - 1)
                        ? read(fd, buf, sizeof buf - 1)
                        : -1;
        if (n > 0) {
            buf[n] = '\0';
            buf[strcspn(buf, "\r\n")] = '\0';
            printf("检查：GET / → %s\n", buf);
            rc = strncmp(buf, "HTTP/1.1 200", 12) == 0 ? 0 : -1;
        }
    }
    close(fd);
    return rc;
}

/* Parse the arguments, serve until SIGINT/SIGTERM (or one check). */
int jx_cmd_serve(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("serve");
    struct jx_ws_args w = {0};
    const char *listen = "127.0.0.1:8080";
    bool check = false;
    struct jx_web_config cfg = {0};
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_web_arg(self, argc, argv, &i, &w, &cfg);
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        const char *v;
        if ((r = jx_cli_optval(argc, argv, &i, "--listen", &v)) > 0) {
            listen = v;
        } else if (r == 0 && strcmp(argv[i], "--check") == 0) {
            check = true;
        } else if (r == 0) {
            return jx_cli_usage_error(self, "未知参数“%s”", argv[i]);
        }
        if (r < 0) {
            return jx_cli_usage_error(self, "选项 %s 缺少取值", argv[i]);
        }
    }
    struct sockaddr_in sin;
    if (parse_listen(listen, &sin) < 0) {
        return jx_cli_usage_error(self, "--listen 应为 IPv4地址:端口，例如 "
                                        "127.0.0.1:8080（“%s”）", listen);
    }
    /* open (and migrate) once here, so that a bad workspace fails now */
    struct jx_store *first = jx_cli_ws_open(&w, true);
    if (!first) {
        return JX_EXIT_IO;
    }
    jx_store_close(first);
    const char *dir, *db;
    jx_cli_ws_resolve(&w, &dir, &db);
    struct serve sv = {.url = db ? db : dir};
    char files[4096];
    if (db && dir) {
        snprintf(files, sizeof files, "%s/%s", dir, JX_WORKSPACE_FILES);
        sv.files_dir = files;
    }
    sv.app = jx_web_app_new(&cfg);
    if (!sv.app) {
        fputs("jixiao serve: 无法初始化 libsodium\n", stderr);
        return JX_EXIT_IO;
    }
    pthread_key_create(&store_key, store_free);
    /* the workers inherit this mask: only sigwait below sees them */
    sigset_t sigs;
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned pool = cores > 0 && cores < 64 ? (unsigned)cores : 2;
    struct MHD_Daemon *dmn = MHD_start_daemon(
        MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG,
        0, NULL, NULL, access_cb, &sv,
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&sin,
        MHD_OPTION_THREAD_POOL_SIZE, pool,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)1000,
        MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)64,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
        MHD_OPTION_NOTIFY_COMPLETED, completed_cb, NULL,
        MHD_OPTION_END);
    if (!dmn) {
        fprintf(stderr, "jixiao serve: 无法在 %s 上监听：%s\n", listen,
                jx_errno_zh(errno));
        jx_web_app_free(sv.app);
        return JX_EXIT_IO;
    }
    const union MHD_DaemonInfo *di =
        MHD_get_daemon_info(dmn, MHD_DAEMON_INFO_BIND_PORT);
    if (di) {
        sin.sin_port = htons(di->port);
    }
    char shown[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &sin.sin_addr, shown, sizeof shown);
    int rc = JX_EXIT_OK;
    /* the warm start, beside the workers (not for a one-request check) */
    pthread_t warm;
    bool warming = !check && pthread_create(&warm, NULL, warm_main, &sv) == 0;
    if (check) {
        rc = self_check(&sin) == 0 ? JX_EXIT_OK : JX_EXIT_IO;
    } else {
        printf("门户已启动：http://%s:%u/（%u 个工作线程；Ctrl-C 停止）\n", shown,
               (unsigned)ntohs(sin.sin_port), pool);
        fflush(stdout);
        int sig = 0;
        sigwait(&sigs, &sig);
        printf("收到信号，门户停止\n");
    }
    MHD_stop_daemon(dmn);
    if (warming) {
        jx_web_warm_stop(sv.app);
        pthread_join(warm, NULL);
    }
    jx_web_app_free(sv.app);
    return rc;
}
