/*
 * store_pg.c - the PostgreSQL driver of the store (libpq): `?` rewritten
 * to $n (jx_sql_number_params), PQprepare / PQexecPrepared with text
 * parameters, the whole result of a step kept and walked row by row;
 * notices are swallowed (the library never prints).
 */
#include "store/store_impl.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What a PostgreSQL statement holds besides its name. */
struct pg_stmt {
    char name[32];   /* server-side name jxN */
    char **values;   /* bound parameters (malloc'd text or NULL) */
    PGresult *res;   /* the result of the current run, or NULL */
    int row;         /* the current row (0-based), -1 before the first */
};

/* The connection of s. */
static PGconn *conn_of(struct jx_store *s)
{
    return s->conn;
}

/* The first line of libpq's error message (a static copy). */
static const char *pg_err(PGconn *c, const PGresult *r)
{
    static char buf[512];
    const char *m = r ? PQresultErrorMessage(r) : NULL;
    if (!m || !*m) {
        m = c ? PQerrorMessage(c) : "内存不足";
    }
    snprintf(buf, sizeof buf, "%s", m);
    buf[strcspn(buf, "\n")] = '\0';
    return buf;
}

/* A notice processor that drops the notice. */
static void pg_quiet(void *arg, const char *message)
{
    (void)arg;
    (void)message;
}

/* Connect and make notices quiet. */
static int pg_open(struct jx_store *s, const struct jx_store_opts *o)
{
    (void)o;
    PGconn *c = PQconnectdb(s->target);
    s->conn = c;
    if (!c || PQstatus(c) != CONNECTION_OK) {
        jx_store_fail(s, "D001", "无法连接数据库“%s”：%s", s->shown,
                      pg_err(c, NULL));
        return -1;
    }
    PQsetNoticeProcessor(c, pg_quiet, NULL);
    return 0;
}

/* Close the connection. */
static void pg_close(struct jx_store *s)
{
    PQfinish(conn_of(s));
    s->conn = NULL;
}

/* Run sql, accepting any non-error result. */
static int pg_exec(struct jx_store *s, const char *sql)
{
    PGresult *r = PQexec(conn_of(s), sql);
    ExecStatusType t = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
        jx_store_fail(s, "D002", "数据库“%s”：%s失败（PostgreSQL：%s）",
                      s->shown, sql, pg_err(conn_of(s), r));
        PQclear(r);
        return -1;
    }
    PQclear(r);
    return 0;
}

/* Rewrite the placeholders and prepare the statement on the server. */
static int pg_prepare(struct jx_stmt *st, const char *sql)
{
    struct jx_store *s = st->s;
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    int n = jx_sql_number_params(sql, &b);
    if (n < 0) {
        jx_store_fail(s, "D002", "SQL 语句的引号或注释没有结束：%s", sql);
        jx_buf_release(&b);
        return -1;
    }
    struct pg_stmt *p = jx_xmalloc(sizeof *p);
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "jx%lu", ++s->next_name);
    PGresult *r = PQprepare(conn_of(s), p->name, b.p, n, NULL);
    jx_buf_release(&b);
    if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
        jx_store_fail(s, "D002", "数据库“%s”：%s失败（PostgreSQL：%s）",
                      s->shown, sql, pg_err(conn_of(s), r));
        PQclear(r);
        free(p);
        return -1;
    }
    PQclear(r);
    p->values = jx_xmalloc((size_t)(n > 0 ? n : 1) * sizeof *p->values);
    memset(p->values, 0, (size_t)(n > 0 ? n : 1) * sizeof *p->values);
    p->row = -1;
    st->h = p;
    st->nparams = n;
    return 0;
}

/* Keep parameter i as text. */
static int pg_bind(struct jx_stmt *st, int i, const char *text, int64_t v,
                   int kind)
{
    struct pg_stmt *p = st->h;
    free(p->values[i - 1]);
    p->values[i - 1] = NULL;
    if (kind == 0) {
        size_t n = strlen(text);
        p->values[i - 1] = jx_xmalloc(n + 1);
        memcpy(p->values[i - 1], text, n + 1);
    } else if (kind == 1) {
        p->values[i - 1] = jx_xmalloc(24);
        snprintf(p->values[i - 1], 24, "%lld", (long long)v);
    }
    return 0;
}

/* Run the statement on the first step, then walk its rows. */
static enum jx_step pg_step(struct jx_stmt *st)
{
    struct pg_stmt *p = st->h;
    if (!p->res) {
        PGresult *r = PQexecPrepared(conn_of(st->s), p->name, st->nparams,
                                     (const char *const *)p->values, NULL,
                                     NULL, 0);
        ExecStatusType t = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
        if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK) {
            jx_store_fail(st->s, "D002", "数据库“%s”：%s失败（PostgreSQL：%s）",
                          st->s->shown, st->sql, pg_err(conn_of(st->s), r));
            PQclear(r);
            return JX_STEP_ERROR;
        }
        p->res = r;
        p->row = -1;
    }
    if (p->row + 1 < PQntuples(p->res)) {
        p->row++;
        return JX_STEP_ROW;
    }
    p->row = PQntuples(p->res);
    return JX_STEP_DONE;
}

/* Whether the statement is on a row. */
static bool on_row(const struct pg_stmt *p)
{
    return p->res && p->row >= 0 && p->row < PQntuples(p->res);
}

/* Columns of the result (0 before the first step). */
static int pg_columns(struct jx_stmt *st)
{
    struct pg_stmt *p = st->h;
    return p->res ? PQnfields(p->res) : 0;
}

/* Column text of the current row. */
static const char *pg_text(struct jx_stmt *st, int col)
{
    struct pg_stmt *p = st->h;
    if (!on_row(p) || PQgetisnull(p->res, p->row, col)) {
        return NULL;
    }
    return PQgetvalue(p->res, p->row, col);
}

/* Whether the column of the current row is NULL. */
static bool pg_isnull(struct jx_stmt *st, int col)
{
    struct pg_stmt *p = st->h;
    return !on_row(p) || PQgetisnull(p->res, p->row, col);
}

/* Drop the result; bindings are kept. */
static void pg_reset(struct jx_stmt *st)
{
    struct pg_stmt *p = st->h;
    PQclear(p->res);
    p->res = NULL;
    p->row = -1;
}

/* Free the statement and deallocate it on the server (an aborted
 * transaction refuses that; the server drops it with the session). */
static void pg_finalize(struct jx_stmt *st)
{
    struct pg_stmt *p = st->h;
    if (!p) {
        return;
    }
    pg_reset(st);
    if (conn_of(st->s)) {
        char sql[64];
        snprintf(sql, sizeof sql, "DEALLOCATE %s", p->name);
        PQclear(PQexec(conn_of(st->s), sql));
    }
    for (int i = 0; i < st->nparams; i++) {
        free(p->values[i]);
    }
    free(p->values);
    free(p);
    st->h = NULL;
}

const struct jx_store_driver jx_store_pg_driver = {
    .engine = JX_ENGINE_PG,
    .name = "PostgreSQL",
    .open = pg_open,
    .close = pg_close,
    .exec = pg_exec,
    .begin_sql = "BEGIN",
    .prepare = pg_prepare,
    .bind = pg_bind,
    .step = pg_step,
    .columns = pg_columns,
    .text = pg_text,
    .isnull = pg_isnull,
    .reset = pg_reset,
    .finalize = pg_finalize,
    .table_exists_sql =
        "SELECT 1 FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_name = ?",
    .migrate_lock_sql = "SELECT pg_advisory_xact_lock(7314001)",
    .ddl_id = "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
    .ddl_int = "BIGINT",
    .ddl_strict = "",
};
