/*
 * store.c - the engine-neutral half of the store: opening a URL with
 * the right driver, the statement wrappers, transactions, the schema
 * version and the migrations, the `?` to $n scanner, and making a
 * workspace.
 */
#include "store/store_impl.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Append a W-code error to the store's diagnostics. */
void jx_store_fail(struct jx_store *s, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(s->d->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(s->d, code, JX_SEV_ERROR, NULL, "%s", msg);
}

/* A malloc'd copy of s. */
static char *xstrdup(const char *s)
{
    size_t n = strlen(s);
    char *p = jx_xmalloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

/* A malloc'd copy of a libpq URL with the password after "user:" in
 * the authority replaced by "***" (for messages). */
static char *mask_url(const char *url)
{
    const char *auth = strstr(url, "://");
    if (!auth) {
        return xstrdup(url);
    }
    auth += 3;
    const char *end = auth + strcspn(auth, "/?");
    const char *at = NULL;
    for (const char *p = auth; p < end; p++) {
        if (*p == '@') {
            at = p;
        }
    }
    const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
    if (!colon) {
        return xstrdup(url);
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    jx_buf_add(&b, url, (size_t)(colon + 1 - url));
    jx_buf_adds(&b, "***");
    jx_buf_adds(&b, at);
    return jx_buf_detach(&b, NULL);
}

/* Whether path names an existing directory. */
static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Free the store's strings and the store itself. */
static void store_free(struct jx_store *s)
{
    free(s->shown);
    free(s->target);
    free(s->files_dir);
    free(s);
}

/* Open url with its driver, check the schema version, migrate if asked. */
struct jx_store *jx_store_open(const char *url, const struct jx_store_opts *o,
                               struct jx_diags *d)
{
    struct jx_store_opts none = {0};
    if (!o) {
        o = &none;
    }
    struct jx_store *s = jx_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->d = d;
    if (!url || !*url) {
        s->shown = xstrdup("");
        jx_store_fail(s, "D001", "未指定工作区：请用 -W DIR、--db URL 或环境变量 "
                                 "JIXIAO_WORKSPACE 指定");
        store_free(s);
        return NULL;
    }
    if (strncmp(url, "postgresql://", 13) == 0 ||
        strncmp(url, "postgres://", 11) == 0) {
        s->drv = &jx_store_pg_driver;
        s->target = xstrdup(url);
        s->shown = mask_url(url);
    } else {
        s->drv = &jx_store_sqlite_driver;
        s->shown = xstrdup(url);
        const char *path = url;
        bool file = false;
        if (strncmp(url, "sqlite:", 7) == 0) {
            path = url + 7;
            file = true;
        } else if (!is_dir(url)) {
            jx_store_fail(s, "D001", "工作区“%s”不存在或不是目录（新建工作区请用 "
                                     "jixiao init）", url);
            store_free(s);
            return NULL;
        }
        if (!*path) {
            jx_store_fail(s, "D001", "“%s”没有给出数据库文件路径", url);
            store_free(s);
            return NULL;
        }
        if (file) {
            s->target = xstrdup(path);
            const char *slash = strrchr(path, '/');
            struct jx_buf b;
            jx_buf_init(&b, 1u << 16);
            if (slash) {
                jx_buf_add(&b, path, (size_t)(slash - path + 1));
            }
            jx_buf_adds(&b, JX_WORKSPACE_FILES);
            s->files_dir = jx_buf_detach(&b, NULL);
        } else {
            struct jx_buf b;
            jx_buf_init(&b, 1u << 16);
            jx_buf_addf(&b, "%s/%s", path, JX_WORKSPACE_DB);
            s->target = jx_buf_detach(&b, NULL);
            struct stat st;
            if (!o->create && stat(s->target, &st) != 0) {
                jx_store_fail(s, "D001", "“%s”不是工作区（其中没有 %s；新建工作区请"
                                         "用 jixiao init）", url, JX_WORKSPACE_DB);
                store_free(s);
                return NULL;
            }
            jx_buf_init(&b, 1u << 16);
            jx_buf_addf(&b, "%s/%s", path, JX_WORKSPACE_FILES);
            s->files_dir = jx_buf_detach(&b, NULL);
        }
    }
    if (o->files_dir) {
        free(s->files_dir);
        s->files_dir = xstrdup(o->files_dir);
    }
    if (s->drv->open(s, o) < 0) {
        s->drv->close(s);
        store_free(s);
        return NULL;
    }
    int v = jx_store_schema_version(s);
    if (v < 0) {
        jx_store_close(s);
        return NULL;
    }
    if (v > JX_STORE_SCHEMA_VERSION) {
        jx_store_fail(s, "D003",
                      "“%s”的数据结构版本为 %d，比本程序支持的版本 %d 新：请使用"
                      "更新版本的 jixiao", s->shown, v, JX_STORE_SCHEMA_VERSION);
        jx_store_close(s);
        return NULL;
    }
    if (o->migrate && v < JX_STORE_SCHEMA_VERSION && jx_store_migrate(s) < 0) {
        jx_store_close(s);
        return NULL;
    }
    return s;
}

/* Finalize the open statements, close the connection, free s. */
void jx_store_close(struct jx_store *s)
{
    if (!s) {
        return;
    }
    while (s->stmts) {
        jx_stmt_finalize(s->stmts);
    }
    s->drv->close(s);
    store_free(s);
}

/* The engine of s. */
enum jx_store_engine jx_store_engine(const struct jx_store *s)
{
    return s->drv->engine;
}

/* The file store directory of s (or NULL). */
const char *jx_store_files_dir(const struct jx_store *s)
{
    return s->files_dir;
}

/* Run sql without parameters. */
int jx_store_exec(struct jx_store *s, const char *sql)
{
    return s->drv->exec(s, sql);
}

/* Begin a transaction. */
int jx_store_begin(struct jx_store *s)
{
    if (s->drv->exec(s, s->drv->begin_sql) < 0) {
        return -1;
    }
    s->in_tx = true;
    return 0;
}

/* Commit the transaction. */
int jx_store_commit(struct jx_store *s)
{
    int rc = s->drv->exec(s, "COMMIT");
    if (rc == 0) {
        s->in_tx = false;
    }
    return rc;
}

/* Roll the transaction back. */
int jx_store_rollback(struct jx_store *s)
{
    s->in_tx = false;
    return s->drv->exec(s, "ROLLBACK");
}

/* Prepare sql and link the statement into s. */
struct jx_stmt *jx_stmt_prepare(struct jx_store *s, const char *sql)
{
    struct jx_stmt *st = jx_xmalloc(sizeof *st);
    memset(st, 0, sizeof *st);
    st->s = s;
    st->sql = xstrdup(sql);
    if (s->drv->prepare(st, sql) < 0) {
        free(st->sql);
        free(st);
        return NULL;
    }
    st->next = s->stmts;
    if (s->stmts) {
        s->stmts->prev = st;
    }
    s->stmts = st;
    return st;
}

/* Check a parameter index; 0, or -1 after a diagnostic. */
static int param_ok(struct jx_stmt *st, int i)
{
    if (i < 1 || i > st->nparams) {
        jx_store_fail(st->s, "D002", "参数序号 %d 超出范围（该语句有 %d 个参数）：%s",
                      i, st->nparams, st->sql);
        return -1;
    }
    return 0;
}

/* Bind text (NULL binds NULL). */
int jx_stmt_bind_text(struct jx_stmt *st, int i, const char *text)
{
    if (param_ok(st, i) < 0) {
        return -1;
    }
    return st->s->drv->bind(st, i, text, 0, text ? 0 : 2);
}

/* Bind an integer. */
int jx_stmt_bind_int(struct jx_stmt *st, int i, int64_t v)
{
    if (param_ok(st, i) < 0) {
        return -1;
    }
    return st->s->drv->bind(st, i, NULL, v, 1);
}

/* Bind NULL. */
int jx_stmt_bind_null(struct jx_stmt *st, int i)
{
    if (param_ok(st, i) < 0) {
        return -1;
    }
    return st->s->drv->bind(st, i, NULL, 0, 2);
}

/* Step through the driver. */
enum jx_step jx_stmt_step(struct jx_stmt *st)
{
    return st->s->drv->step(st);
}

/* Columns of the result. */
int jx_stmt_columns(struct jx_stmt *st)
{
    return st->s->drv->columns(st);
}

/* Text of a column (NULL for NULL or out of range). */
const char *jx_stmt_text(struct jx_stmt *st, int col)
{
    if (col < 0 || col >= jx_stmt_columns(st)) {
        return NULL;
    }
    return st->s->drv->text(st, col);
}

/* Integer value of a column: its text read as a decimal integer. */
int64_t jx_stmt_int(struct jx_stmt *st, int col)
{
    const char *t = jx_stmt_text(st, col);
    if (!t) {
        return 0;
    }
    char *end;
    errno = 0;
    long long v = strtoll(t, &end, 10);
    if (errno != 0 || end == t || *end != '\0') {
        return 0;
    }
    return (int64_t)v;
}

/* Whether a column is NULL (out of range counts as NULL). */
bool jx_stmt_isnull(struct jx_stmt *st, int col)
{
    if (col < 0 || col >= jx_stmt_columns(st)) {
        return true;
    }
    return st->s->drv->isnull(st, col);
}

/* Reset through the driver. */
void jx_stmt_reset(struct jx_stmt *st)
{
    st->s->drv->reset(st);
}

/* Unlink and free a statement. */
void jx_stmt_finalize(struct jx_stmt *st)
{
    if (!st) {
        return;
    }
    struct jx_store *s = st->s;
    s->drv->finalize(st);
    if (st->prev) {
        st->prev->next = st->next;
    } else {
        s->stmts = st->next;
    }
    if (st->next) {
        st->next->prev = st->prev;
    }
    free(st->sql);
    free(st);
}

/* Whether the table exists (1), not (0), or -1 after a diagnostic. */
static int table_exists(struct jx_store *s, const char *name)
{
    struct jx_stmt *st = jx_stmt_prepare(s, s->drv->table_exists_sql);
    if (!st || jx_stmt_bind_text(st, 1, name) < 0) {
        jx_stmt_finalize(st);
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    jx_stmt_finalize(st);
    return r == JX_STEP_ERROR ? -1 : r == JX_STEP_ROW;
}

/* The version in schema_version (0 without the table). */
int jx_store_schema_version(struct jx_store *s)
{
    int e = table_exists(s, "schema_version");
    if (e <= 0) {
        return e;
    }
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT version FROM schema_version WHERE id = 1");
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    int64_t v = r == JX_STEP_ROW ? jx_stmt_int(st, 0) : 0;
    jx_stmt_finalize(st);
    if (r == JX_STEP_ERROR) {
        return -1;
    }
    return v > 1000000 ? 1000000 : (int)v;
}

/* Expand the DDL tokens for drv. */
char *jx_store_ddl(const struct jx_store_driver *drv, const char *sql)
{
    static const char *const tok[] = {"@ID@", "@INT@", "@STRICT@"};
    const char *rep[] = {drv->ddl_id, drv->ddl_int, drv->ddl_strict};
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    const char *p = sql;
    while (*p) {
        size_t k = 0;
        for (; k < 3; k++) {
            size_t n = strlen(tok[k]);
            if (strncmp(p, tok[k], n) == 0) {
                jx_buf_adds(&b, rep[k]);
                p += n;
                break;
            }
        }
        if (k == 3) {
            jx_buf_addc(&b, *p++);
        }
    }
    return jx_buf_detach(&b, NULL);
}

/* Apply one migration inside the open transaction; 0 or -1. */
static int apply_one(struct jx_store *s, const struct jx_migration *m)
{
    const char *parts[] = {
        m->sql,
        s->drv->engine == JX_ENGINE_SQLITE ? m->sqlite_sql : m->pg_sql,
    };
    for (size_t i = 0; i < 2; i++) {
        if (!parts[i]) {
            continue;
        }
        char *sql = jx_store_ddl(s->drv, parts[i]);
        int rc = s->drv->exec(s, sql);
        free(sql);
        if (rc < 0) {
            return -1;
        }
    }
    struct jx_stmt *st = jx_stmt_prepare(
        s, "UPDATE schema_version SET version = ? WHERE id = 1");
    if (!st || jx_stmt_bind_int(st, 1, m->version) < 0 ||
        jx_stmt_step(st) == JX_STEP_ERROR) {
        jx_stmt_finalize(st);
        return -1;
    }
    jx_stmt_finalize(st);
    return 0;
}

/* Apply the missing migrations, one transaction each. */
int jx_store_migrate(struct jx_store *s)
{
    for (size_t i = 0; i < jx_nmigrations; i++) {
        const struct jx_migration *m = &jx_migrations[i];
        if (jx_store_begin(s) < 0) {
            return -1;
        }
        if (s->drv->migrate_lock_sql &&
            s->drv->exec(s, s->drv->migrate_lock_sql) < 0) {
            jx_store_rollback(s);
            return -1;
        }
        /* the version table itself, then the version under the lock */
        char *sql = jx_store_ddl(
            s->drv, "CREATE TABLE IF NOT EXISTS schema_version ("
                    "id INTEGER PRIMARY KEY CHECK (id = 1), "
                    "version INTEGER NOT NULL)@STRICT@");
        int rc = s->drv->exec(s, sql);
        free(sql);
        int v = rc < 0 ? -1 : jx_store_schema_version(s);
        if (v == 0) {
            rc = s->drv->exec(
                s, "INSERT INTO schema_version (id, version) VALUES (1, 0)");
        }
        if (rc < 0 || v < 0) {
            jx_store_rollback(s);
            return -1;
        }
        if (v > JX_STORE_SCHEMA_VERSION) {
            jx_store_rollback(s);
            jx_store_fail(s, "D003",
                          "“%s”的数据结构版本为 %d，比本程序支持的版本 %d 新：请使用"
                          "更新版本的 jixiao", s->shown, v, JX_STORE_SCHEMA_VERSION);
            return -1;
        }
        if (v >= m->version) {
            if (jx_store_rollback(s) < 0) {
                return -1;
            }
            continue;
        }
        if (apply_one(s, m) < 0) {
            jx_store_rollback(s);
            jx_store_fail(s, "D004", "“%s”升级到数据结构版本 %d 失败，未作任何改动",
                          s->shown, m->version);
            return -1;
        }
        if (jx_store_commit(s) < 0) {
            jx_store_rollback(s);
            return -1;
        }
    }
    return 0;
}

/* Length of a PostgreSQL dollar-quote tag starting at p ("$$" or
 * "$tag$"), or 0 when p does not start one. */
static size_t dollar_tag(const char *p)
{
    if (p[0] != '$') {
        return 0;
    }
    size_t i = 1;
    if (p[i] >= '0' && p[i] <= '9') {
        return 0; /* $1 is a parameter, not a tag */
    }
    while (p[i] == '_' || (p[i] >= 'a' && p[i] <= 'z') ||
           (p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= '0' && p[i] <= '9') ||
           (unsigned char)p[i] >= 0x80) {
        i++;
    }
    return p[i] == '$' ? i + 1 : 0;
}

/* Whether c may be part of an identifier. */
static bool ident_char(char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

/* Rewrite ? to $n outside quoted text and comments. */
int jx_sql_number_params(const char *sql, struct jx_buf *out)
{
    int n = 0;
    const char *p = sql;
    while (*p) {
        char c = *p;
        if (c == '?') {
            jx_buf_addf(out, "$%d", ++n);
            p++;
        } else if (c == '\'') {
            bool esc = p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                       (p - 1 == sql || !ident_char(p[-2]));
            const char *q = p + 1;
            for (;;) {
                if (!*q) {
                    jx_buf_adds(out, p);
                    return -1;
                }
                if (esc && *q == '\\' && q[1]) {
                    q += 2;
                } else if (*q == '\'' && q[1] == '\'') {
                    q += 2;
                } else if (*q == '\'') {
                    q++;
                    break;
                } else {
                    q++;
                }
            }
            jx_buf_add(out, p, (size_t)(q - p));
            p = q;
        } else if (c == '"') {
            const char *q = p + 1;
            for (;;) {
                if (!*q) {
                    jx_buf_adds(out, p);
                    return -1;
                }
                if (*q == '"' && q[1] == '"') {
                    q += 2;
                } else if (*q == '"') {
                    q++;
                    break;
                } else {
                    q++;
                }
            }
            jx_buf_add(out, p, (size_t)(q - p));
            p = q;
        } else if (c == '-' && p[1] == '-') {
            size_t k = strcspn(p, "\n");
            jx_buf_add(out, p, k);
            p += k;
        } else if (c == '/' && p[1] == '*') {
            const char *q = p + 2;
            int depth = 1;
            while (depth > 0) {
                if (!*q) {
                    jx_buf_adds(out, p);
                    return -1;
                }
                if (q[0] == '/' && q[1] == '*') {
                    depth++;
                    q += 2;
                } else if (q[0] == '*' && q[1] == '/') {
                    depth--;
                    q += 2;
                } else {
                    q++;
                }
            }
            jx_buf_add(out, p, (size_t)(q - p));
            p = q;
        } else if (c == '$' && (p == sql || !ident_char(p[-1])) &&
                   dollar_tag(p) > 0) {
            size_t t = dollar_tag(p);
            const char *q = p + t;
            for (;;) {
                if (!*q) {
                    jx_buf_adds(out, p);
                    return -1;
                }
                if (*q == '$' && strncmp(q, p, t) == 0) {
                    q += t;
                    break;
                }
                q++;
            }
            jx_buf_add(out, p, (size_t)(q - p));
            p = q;
        } else {
            jx_buf_addc(out, c);
            p++;
        }
    }
    return n;
}

/* The current UTC time, to the second. */
void jx_store_utc_now(char out[21])
{
    time_t t = time(NULL);
    struct tm tm;
    if (!gmtime_r(&t, &tm)) {
        memset(&tm, 0, sizeof tm);
    }
    char tmp[96];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02dT%02d:%02d:%02dZ",
             tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
             tm.tm_min, tm.tm_sec);
    memcpy(out, tmp, 20);
    out[20] = '\0';
}

/* Make a directory (existing is fine); 0, or -1 after a diagnostic. */
static int make_dir(const char *path, struct jx_diags *d)
{
    if (mkdir(path, 0777) == 0 || (errno == EEXIST && is_dir(path))) {
        return 0;
    }
    jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "无法创建目录“%s”：%s", path,
                jx_errno_zh(errno));
    return -1;
}

/* Make the workspace directory, its file store and its database. */
int jx_workspace_init(const char *dir, const char *db_url, struct jx_diags *d)
{
    struct jx_buf db, files;
    jx_buf_init(&db, 1u << 16);
    jx_buf_init(&files, 1u << 16);
    jx_buf_addf(&db, "%s/%s", dir, JX_WORKSPACE_DB);
    jx_buf_addf(&files, "%s/%s", dir, JX_WORKSPACE_FILES);
    int rc = -1;
    struct stat st;
    if (!db_url && stat(db.p, &st) == 0) {
        jx_diag_add(d, "D008", JX_SEV_ERROR, NULL,
                    "“%s”已经是一个工作区（已有 %s），未作改动", dir,
                    JX_WORKSPACE_DB);
        goto out;
    }
    if (make_dir(dir, d) < 0 || make_dir(files.p, d) < 0) {
        goto out;
    }
    struct jx_buf url;
    jx_buf_init(&url, 1u << 16);
    if (db_url) {
        jx_buf_adds(&url, db_url);
    } else {
        jx_buf_addf(&url, "sqlite:%s", db.p);
    }
    struct jx_store_opts o = {.create = true, .migrate = true,
                              .files_dir = files.p};
    struct jx_store *s = jx_store_open(url.p, &o, d);
    jx_buf_release(&url);
    if (s) {
        rc = 0;
        jx_store_close(s);
    }
out:
    jx_buf_release(&db);
    jx_buf_release(&files);
    return rc;
}

/* See store.h. */
int jx_store_generation(struct jx_store *s, int64_t *out)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT n FROM generation WHERE id = 1");
    if (!st) {
        return -1;
    }
    int rc = -1;
    if (jx_stmt_step(st) == JX_STEP_ROW) {
        *out = jx_stmt_int(st, 0);
        rc = 0;
    }
    jx_stmt_finalize(st);
    return rc;
}
