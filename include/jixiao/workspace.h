/*
 * workspace.h - setting up a workspace's records (lib/workspace/
 * ws_setup.c): the units imported from a table (CSV, or a sheet the
 * caller read), the year's settings, the users and their roles, and a
 * backup of a SQLite workspace as one ZIP archive and its restore.
 *
 * Every change is one transaction of the store (include/jixiao/store.h):
 * a refused input writes nothing.  Nothing here prints or exits: what is
 * refused becomes a diagnostic (codes D201-D212, docs/ERRORS.md) in the
 * caller's struct jx_diags, located in the input where it has a place
 * (FILE:line for a CSV, sheet!cell for a sheet).
 *
 * Ownership: tables and the units read from them live in the caller's
 * arena; the store stays the caller's.
 */
#ifndef JIXIAO_WORKSPACE_H
#define JIXIAO_WORKSPACE_H

#include "jixiao/base.h"
#include "jixiao/calendar.h"
#include "jixiao/diag.h"

struct jx_store;

/* ---- tables of units ------------------------------------------------ */

/* One cell of a table: its text (trimmed, UTF-8) and where it is. */
struct jx_ws_cell {
    const char *text;
    struct jx_loc loc;
};

/* One row: its cells in column order, and where the row is (a CSV's
 * file:line, a sheet's first cell). */
struct jx_ws_row {
    struct jx_ws_cell *cells;
    size_t n;
    struct jx_loc loc;
};

/* A table: rows in order, the first one the header. */
struct jx_ws_table {
    struct jx_ws_row *rows;
    size_t n, cap;
};

/* Append an empty row located at loc (copied) to t; returns it. */
struct jx_ws_row *jx_ws_table_row(struct jx_arena *a, struct jx_ws_table *t,
                                  const struct jx_loc *loc);

/* Append a cell (text[0..len) copied and trimmed of blanks, U+3000
 * included) at loc to row r.  Cells must be added in column order; a
 * missing cell is an empty one. */
void jx_ws_row_cell(struct jx_arena *a, struct jx_ws_row *r, const char *text,
                    size_t len, const struct jx_loc *loc);

/*
 * Read data[0..len) as CSV (RFC 4180: comma-separated, fields in double
 * quotes with "" for a quote and line breaks inside; CRLF or LF) into
 * *t: UTF-8 (a BOM skipped) or, when not valid UTF-8, GB18030 converted
 * to UTF-8.  Cells are located at file:line:column.  Blank lines are
 * skipped.  Returns 0, or -1 after D201 (neither encoding, a quote not
 * closed, text after a closing quote) with nothing kept.
 */
int jx_ws_csv_read(struct jx_arena *a, const char *file, const char *data,
                   size_t len, struct jx_ws_table *t, struct jx_diags *d);

/* A unit of the workspace. */
struct jx_ws_unit {
    const char *code;       /* 编码 */
    const char *name;       /* 名称 */
    const char *supervisor; /* 主管部门, or NULL */
    const char *region;     /* 区域, or NULL */
    struct jx_loc loc;      /* the row it was read from */
};

/*
 * The units of table t: the first row is the header naming the columns
 * 编码 and 名称 (required), 主管部门 and 区域 (optional; other columns are
 * ignored); each later non-empty row is one unit.  A row without 编码 or
 * 名称, a 编码 with blanks or control characters or longer than 64 bytes
 * (D203), a 编码 given twice (D204, at the second row, naming the first),
 * and a header without the required columns or with one twice (D202)
 * are refused.  Returns 0 with *units and *n (arena), or -1 after every
 * problem was reported (nothing to write).
 */
int jx_ws_units_from_table(struct jx_arena *a, const struct jx_ws_table *t,
                           const struct jx_loc *file,
                           struct jx_ws_unit **units, size_t *n,
                           struct jx_diags *d);

/* What an import did. */
struct jx_ws_import_counts {
    size_t added, updated, unchanged;
};

/* Insert or update units[0..n) by 编码, all in one transaction (rolled
 * back on any failure).  0 with *counts, or -1 after a diagnostic of the
 * store. */
int jx_ws_units_save(struct jx_store *s, const struct jx_ws_unit *units,
                     size_t n, struct jx_ws_import_counts *counts,
                     struct jx_diags *d);

/* ---- the year's settings -------------------------------------------- */

/* Which recorded time counts for 及时性, as the store names it. */
#define JX_WS_TIMELY_FIRST "first_submit"
#define JX_WS_TIMELY_AFTER_RETURN "last_submit_after_return"
#define JX_WS_TIMELY_ACCEPTED "accepted"

/* The settings of one year. */
struct jx_ws_year {
    int year;                      /* 1900..2999 */
    const char *framework;         /* a framework id of fwdir */
    struct jx_cal_date submit_by;  /* 报送截止 */
    struct jx_cal_date publish_by; /* 公开截止 */
    const char *timely;            /* JX_WS_TIMELY_*; NULL: first_submit */
    int leader_step;               /* the 单位负责人 step: 1 on, -1 off,
                                      0 keep (a new year: off) */
};

/* The store's name of a 及时性 basis given as its name or Chinese (首次送审,
 * 最后一次退回后的送审, 审核通过), or NULL. */
const char *jx_ws_timely_parse(const char *s);

/*
 * Record the settings of y->year (insert, or replace those of a year
 * already set; *created says which).  The framework must load from
 * fwdir (data/frameworks; jx_framework_open): else D205 and nothing is
 * written.  Dates must be real dates (D206).  0, or -1 after a
 * diagnostic.
 */
int jx_ws_year_set(struct jx_store *s, const struct jx_ws_year *y,
                   const char *fwdir, bool *created, struct jx_diags *d);

/* ---- users ---------------------------------------------------------- */

/*
 * Add the user name with role (filler, leader, reviewer, admin or their
 * Chinese names 单位填报人, 单位负责人, 财政审核人, 管理员; the caller
 * parses it with jx_wf_role_parse) bound to unit: a unit user (filler,
 * leader) must name an existing unit, a bureau user none (D208); a name
 * already taken is refused (D207).  One transaction.  0 with *id (the
 * store's), or -1 after a diagnostic.
 */
int jx_ws_user_add(struct jx_store *s, const char *name, const char *role,
                   const char *unit, int64_t *id, struct jx_diags *d);

/* ---- backup and restore (SQLite) ------------------------------------ */

/* The entries of a backup archive besides the files. */
#define JX_WS_BACKUP_MANIFEST "jixiao-backup.json"

/* What a backup or a restore holds. */
struct jx_ws_backup_info {
    int schema;      /* the database's schema version */
    size_t files;    /* originals in the archive */
    size_t units;    /* units in the database */
};

/*
 * Write a consistent copy of the SQLite workspace s (VACUUM INTO a
 * temporary file beside path) and every original its files table names
 * (each checked against its SHA-256) into the ZIP archive path: entries
 * jixiao-backup.json, jixiao.db and files/ab/cdef...; written to a
 * temporary file and renamed, so path is whole or untouched.  A
 * PostgreSQL store is refused (D209: pg_dump is the tool).  0 with
 * *info, or -1 after a diagnostic (D210 and the store's).
 */
int jx_ws_backup(struct jx_store *s, const char *path,
                 struct jx_ws_backup_info *info, struct jx_diags *d);

/*
 * Restore the archive path (made by jx_ws_backup) into the directory
 * dir, which must not exist or be empty (else D211, nothing touched):
 * every entry is checked (known names only, each original against its
 * SHA-256, the database's schema not newer than this binary; D212) in
 * a temporary directory beside dir, which is renamed into place only
 * when all is well.  0 with *info, or -1 after a diagnostic.
 */
int jx_ws_restore(const char *path, const char *dir,
                  struct jx_ws_backup_info *info, struct jx_diags *d);

#endif
