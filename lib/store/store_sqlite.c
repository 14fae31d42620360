/*
 * store_sqlite.c - the SQLite driver of the store: WAL, foreign keys,
 * a busy timeout so that many processes serialise on BEGIN IMMEDIATE,
 * STRICT tables in the DDL.
 */
#include "store/store_impl.h"

#include <sqlite3.h>
#include <string.h>

/* The connection of s. */
static sqlite3 *db_of(struct jx_store *s)
{
    return s->conn;
}

/* Report the connection's last error for what was being done. */
static void sq_fail(struct jx_store *s, const char *what)
{
    sqlite3 *db = db_of(s);
    int code = db ? sqlite3_extended_errcode(db) : SQLITE_CANTOPEN;
    const char *why = db ? sqlite3_errmsg(db) : "内存不足";
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED) {
        jx_store_fail(s, "D005", "数据库“%s”忙（其他进程长时间占用）：%s失败（%s）",
                      s->shown, what, why);
    } else {
        jx_store_fail(s, "D002", "数据库“%s”：%s失败（SQLite：%s）", s->shown,
                      what, why);
    }
}

/* Run sql on the connection (no rows kept). */
static int sq_exec(struct jx_store *s, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db_of(s), sql, NULL, NULL, &err) != SQLITE_OK) {
        sqlite3_free(err);
        sq_fail(s, sql);
        return -1;
    }
    return 0;
}

/* Open the database file with the connection settings. */
static int sq_open(struct jx_store *s, const struct jx_store_opts *o)
{
    sqlite3 *db = NULL;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (o->create) {
        flags |= SQLITE_OPEN_CREATE;
    }
    int rc = sqlite3_open_v2(s->target, &db, flags, NULL);
    s->conn = db;
    if (rc != SQLITE_OK) {
        jx_store_fail(s, "D001", "无法打开数据库“%s”：%s", s->shown,
                      db ? sqlite3_errmsg(db) : "内存不足");
        return -1;
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, o->busy_ms > 0 ? o->busy_ms : 30000);
    if (sq_exec(s, "PRAGMA foreign_keys = ON") < 0) {
        return -1;
    }
    /* WAL is kept in the file: switch only when it is not on yet */
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, NULL) !=
        SQLITE_OK) {
        sq_fail(s, "PRAGMA journal_mode");
        return -1;
    }
    bool wal = sqlite3_step(st) == SQLITE_ROW &&
               strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
    sqlite3_finalize(st);
    if (!wal && sq_exec(s, "PRAGMA journal_mode = WAL") < 0) {
        return -1;
    }
    return 0;
}

/* Close the connection. */
static void sq_close(struct jx_store *s)
{
    sqlite3_close(db_of(s));
    s->conn = NULL;
}

/* Prepare one statement; ? placeholders are SQLite's own. */
static int sq_prepare(struct jx_stmt *st, const char *sql)
{
    sqlite3_stmt *h = NULL;
    if (sqlite3_prepare_v2(db_of(st->s), sql, -1, &h, NULL) != SQLITE_OK) {
        sq_fail(st->s, sql);
        sqlite3_finalize(h);
        return -1;
    }
    st->h = h;
    st->nparams = sqlite3_bind_parameter_count(h);
    return 0;
}

/* Bind one parameter. */
static int sq_bind(struct jx_stmt *st, int i, const char *text, int64_t v,
                   int kind)
{
    sqlite3_stmt *h = st->h;
    int rc = kind == 0   ? sqlite3_bind_text(h, i, text, -1, SQLITE_TRANSIENT)
             : kind == 1 ? sqlite3_bind_int64(h, i, (sqlite3_int64)v)
                         : sqlite3_bind_null(h, i);
    if (rc != SQLITE_OK) {
        sq_fail(st->s, st->sql);
        return -1;
    }
    return 0;
}

/* Step the statement. */
static enum jx_step sq_step(struct jx_stmt *st)
{
    int rc = sqlite3_step(st->h);
    if (rc == SQLITE_ROW) {
        return JX_STEP_ROW;
    }
    if (rc == SQLITE_DONE) {
        return JX_STEP_DONE;
    }
    sq_fail(st->s, st->sql);
    sqlite3_reset(st->h);
    return JX_STEP_ERROR;
}

/* Columns of the statement. */
static int sq_columns(struct jx_stmt *st)
{
    return sqlite3_column_count(st->h);
}

/* Column text. */
static const char *sq_text(struct jx_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st->h, col);
}

/* Whether the column is NULL. */
static bool sq_isnull(struct jx_stmt *st, int col)
{
    return sqlite3_column_type(st->h, col) == SQLITE_NULL;
}

/* Reset, keeping bindings. */
static void sq_reset(struct jx_stmt *st)
{
    sqlite3_reset(st->h);
}

/* Free the statement. */
static void sq_finalize(struct jx_stmt *st)
{
    sqlite3_finalize(st->h);
    st->h = NULL;
}

const struct jx_store_driver jx_store_sqlite_driver = {
    .engine = JX_ENGINE_SQLITE,
    .name = "SQLite",
    .open = sq_open,
    .close = sq_close,
    .exec = sq_exec,
    .begin_sql = "BEGIN IMMEDIATE",
    .prepare = sq_prepare,
    .bind = sq_bind,
    .step = sq_step,
    .columns = sq_columns,
    .text = sq_text,
    .isnull = sq_isnull,
    .reset = sq_reset,
    .finalize = sq_finalize,
    .table_exists_sql =
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    .migrate_lock_sql = NULL,
    .ddl_id = "INTEGER PRIMARY KEY",
    .ddl_int = "INTEGER",
    .ddl_strict = " STRICT",
};
