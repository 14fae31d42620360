/*
 * store.h - the workspace's store: one thin SQL interface over two
 * engines (SQLite, the embedded default; PostgreSQL through libpq), its
 * numbered migrations, and the content-addressed file store beside it.
 *
 * SQL is written once with `?` placeholders; the PostgreSQL driver
 * rewrites them to $1, $2, ... (jx_sql_number_params) and prepares the
 * statement with PQprepare.  Use RETURNING rather than a last-insert
 * id; store money as exact decimal text or integer 分 and times as UTC
 * text ("2026-03-01T08:00:00Z") or integers: no engine-specific types.
 *
 * Errors never print: every failure appends a diagnostic (codes W0xx,
 * docs/ERRORS.md; messages in Chinese naming the path or URL the user
 * gave, a PostgreSQL password masked) to the struct jx_diags given to
 * jx_store_open, which must outlive the store, and the call returns -1
 * (or NULL, or JX_STEP_ERROR).
 *
 * Ownership: a struct jx_store owns its connection and every statement
 * it prepared that the caller did not finalize (jx_store_close
 * finalizes them).  Text returned by jx_stmt_text is owned by the
 * statement and valid until the next step, reset or finalize.
 */
#ifndef JIXIAO_STORE_H
#define JIXIAO_STORE_H

#include "jixiao/base.h"
#include "jixiao/diag.h"

/* The engine behind a store. */
enum jx_store_engine {
    JX_ENGINE_SQLITE = 1,
    JX_ENGINE_PG = 2
};

/* The newest schema version this binary knows (its last migration). */
#define JX_STORE_SCHEMA_VERSION 8

/* The database file of a workspace directory, and its file store. */
#define JX_WORKSPACE_DB "jixiao.db"
#define JX_WORKSPACE_FILES "files"

/* How to open a store. */
struct jx_store_opts {
    bool create;           /* SQLite: create the database file if absent */
    bool migrate;          /* apply the migrations this binary has */
    const char *files_dir; /* the file store (NULL: DIR/files for a
                              workspace directory or beside a sqlite:
                              file; none for PostgreSQL) */
    int busy_ms;           /* SQLite: wait this long for a lock
                              (0: 30000) */
};

/* An open store and a prepared statement (opaque). */
struct jx_store;
struct jx_stmt;

/* The results of jx_stmt_step. */
enum jx_step {
    JX_STEP_ERROR = -1, /* failed (a diagnostic says why) */
    JX_STEP_DONE = 0,   /* no more rows */
    JX_STEP_ROW = 1     /* a row is ready for jx_stmt_column_* */
};

/* Open the store at url: "sqlite:PATH" (a database file),
 * "postgresql://..." or "postgres://..." (libpq), or a plain directory
 * (a workspace: DIR/jixiao.db).  SQLite runs in WAL mode with foreign
 * keys on and a busy timeout, so that many processes serialise.  A
 * store whose schema is newer than this binary is refused (D003); with
 * o->migrate the missing migrations are applied, one transaction each.
 * o may be NULL (no create, no migrate).  Returns the store, or NULL
 * with diagnostics in d (kept by the store for its later errors). */
struct jx_store *jx_store_open(const char *url, const struct jx_store_opts *o,
                               struct jx_diags *d);

/* Finalize every statement still open and close the connection.  NULL
 * is allowed. */
void jx_store_close(struct jx_store *s);

/* The engine of s. */
enum jx_store_engine jx_store_engine(const struct jx_store *s);

/* The file store directory of s, or NULL when it has none. */
const char *jx_store_files_dir(const struct jx_store *s);

/* The schema version recorded in s (0 for an empty store), or -1 after
 * a diagnostic. */
int jx_store_schema_version(struct jx_store *s);

/* The store's generation (migration 7): a number raised by every
 * change to the tables the year overview reads (years, units,
 * versions, states, audit, scores, rechecks, samples, judgements), in
 * the writer's transaction.  0 with *out, or -1 (no such table: an older schema, or
 * the store failed). */
int jx_store_generation(struct jx_store *s, int64_t *out);

/* Apply every migration newer than the store's version, each in its own
 * transaction together with the new schema_version; 0, or -1 after a
 * diagnostic (the failing migration leaves nothing behind). */
int jx_store_migrate(struct jx_store *s);

/* Start a transaction (SQLite: BEGIN IMMEDIATE, waiting for the write
 * lock up to the busy timeout), commit it or roll it back.  0, or -1
 * after a diagnostic. */
int jx_store_begin(struct jx_store *s);
int jx_store_commit(struct jx_store *s);
int jx_store_rollback(struct jx_store *s);

/* Run one statement without parameters or rows (DDL, SET); 0 or -1. */
int jx_store_exec(struct jx_store *s, const char *sql);

/* Prepare one statement written with `?` placeholders.  Returns it, or
 * NULL after a diagnostic.  The store owns it until jx_stmt_finalize. */
struct jx_stmt *jx_stmt_prepare(struct jx_store *s, const char *sql);

/* Bind parameter i (1-based) to a copy of text, an integer or NULL.
 * 0, or -1 after a diagnostic (i out of range). */
int jx_stmt_bind_text(struct jx_stmt *st, int i, const char *text);
int jx_stmt_bind_int(struct jx_stmt *st, int i, int64_t v);
int jx_stmt_bind_null(struct jx_stmt *st, int i);

/* Run the statement (the first call) and move to its next row. */
enum jx_step jx_stmt_step(struct jx_stmt *st);

/* Number of columns of the current result. */
int jx_stmt_columns(struct jx_stmt *st);

/* Column col (0-based) of the current row: its text (NULL when the
 * value is NULL), its integer value (0 when NULL or not a number), and
 * whether it is NULL. */
const char *jx_stmt_text(struct jx_stmt *st, int col);
int64_t jx_stmt_int(struct jx_stmt *st, int col);
bool jx_stmt_isnull(struct jx_stmt *st, int col);

/* Make the statement ready to run again; bindings are kept. */
void jx_stmt_reset(struct jx_stmt *st);

/* Free the statement (NULL is allowed). */
void jx_stmt_finalize(struct jx_stmt *st);

/* Rewrite the `?` placeholders of sql to $1, $2, ... into out, leaving
 * alone every `?` inside '...' (with '' and, after E, backslash
 * escapes), "...", $tag$...$tag$, -- and nested slash-star comments.
 * Returns the number of placeholders, or -1 when a quote or comment is
 * not closed (out then holds the text copied so far). */
int jx_sql_number_params(const char *sql, struct jx_buf *out);

/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" in out. */
void jx_store_utc_now(char out[21]);

/* ---- the file store: originals content-addressed by SHA-256 ----- */

/* The SHA-256 of data[0..len) as 64 lower-case hex digits in hex. */
void jx_sha256_hex(const void *data, size_t len, char hex[65]);

/* Store data[0..len) under dir as dir/ab/cdef... (the first two hex
 * digits of its SHA-256, then the other 62), written to a temporary
 * file, synced and renamed, never altered once there (an existing copy
 * is kept).  Sets hex to the SHA-256.  0, or -1 after a diagnostic in
 * d. */
int jx_files_put(const char *dir, const void *data, size_t len,
                 char hex[65], struct jx_diags *d);

/* Read back the file of SHA-256 hex from dir into a malloc'd buffer
 * (*data, *len; the caller frees it), checking its SHA-256.  0, or -1
 * after a diagnostic (absent, unreadable, or altered: D011). */
int jx_files_get(const char *dir, const char *hex, char **data, size_t *len,
                 struct jx_diags *d);

/* Make a new workspace in dir (created if absent; refused if it already
 * holds a database): DIR/jixiao.db migrated to the current schema and
 * DIR/files.  With db_url not NULL the database is that store instead
 * (migrated) and DIR holds only the file store.  0, or -1 after a
 * diagnostic in d. */
int jx_workspace_init(const char *dir, const char *db_url,
                      struct jx_diags *d);

#endif
