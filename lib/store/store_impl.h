/*
 * store_impl.h - inside the store layer: the driver interface each
 * engine implements (store_sqlite.c, store_pg.c), the store and
 * statement structures they share with store.c, and the migrations
 * (store_schema.c).
 */
#ifndef JIXIAO_STORE_IMPL_H
#define JIXIAO_STORE_IMPL_H

#include "jixiao/store.h"

struct jx_store;
struct jx_stmt;

/* One engine.  Every function reports failures through jx_store_fail
 * and returns -1 (or NULL, JX_STEP_ERROR). */
struct jx_store_driver {
    enum jx_store_engine engine;
    const char *name;                       /* "SQLite", "PostgreSQL" */
    int (*open)(struct jx_store *s, const struct jx_store_opts *o);
    void (*close)(struct jx_store *s);
    int (*exec)(struct jx_store *s, const char *sql);
    const char *begin_sql;                  /* "BEGIN IMMEDIATE", "BEGIN" */
    int (*prepare)(struct jx_stmt *st, const char *sql);
    int (*bind)(struct jx_stmt *st, int i, const char *text, int64_t v,
                int kind);                  /* kind: 0 text, 1 int, 2 null */
    enum jx_step (*step)(struct jx_stmt *st);
    int (*columns)(struct jx_stmt *st);
    const char *(*text)(struct jx_stmt *st, int col);
    bool (*isnull)(struct jx_stmt *st, int col);
    void (*reset)(struct jx_stmt *st);
    void (*finalize)(struct jx_stmt *st);
    const char *table_exists_sql;           /* one `?`: a table name */
    const char *migrate_lock_sql;           /* run after begin, or NULL */
    /* DDL dialect: what @ID@, @INT@ and @STRICT@ stand for */
    const char *ddl_id, *ddl_int, *ddl_strict;
};

extern const struct jx_store_driver jx_store_sqlite_driver;
extern const struct jx_store_driver jx_store_pg_driver;

/* An open store. */
struct jx_store {
    const struct jx_store_driver *drv;
    struct jx_diags *d;       /* where failures go (not owned) */
    char *shown;              /* the URL or path as shown in messages */
    char *target;             /* the SQLite path or the libpq URL */
    char *files_dir;          /* the file store, or NULL */
    void *conn;               /* sqlite3 * or PGconn * */
    struct jx_stmt *stmts;    /* open statements, newest first */
    unsigned long next_name;  /* PostgreSQL statement names jx1, jx2... */
    bool in_tx;               /* between begin and commit/rollback */
};

/* A prepared statement. */
struct jx_stmt {
    struct jx_store *s;
    struct jx_stmt *next, *prev; /* in s->stmts */
    char *sql;                   /* as written, for messages */
    void *h;                     /* sqlite3_stmt *, or the PG state */
    int nparams;
};

/* Append a W-code diagnostic at error level to s->d. */
void jx_store_fail(struct jx_store *s, const char *code, const char *fmt, ...)
    JX_PRINTF(3, 4);

/* One numbered migration: SQL for both engines (with the DDL tokens),
 * then what only one engine runs (NULL: nothing). */
struct jx_migration {
    int version;
    const char *sql;
    const char *sqlite_sql;
    const char *pg_sql;
};

/* The migrations, in order, and how many. */
extern const struct jx_migration jx_migrations[];
extern const size_t jx_nmigrations;

/* Expand @ID@, @INT@, @STRICT@ of sql for the driver into a malloc'd
 * string the caller frees. */
char *jx_store_ddl(const struct jx_store_driver *drv, const char *sql);

#endif
