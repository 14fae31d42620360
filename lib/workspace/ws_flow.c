/*
 * ws_flow.c - the workflow on the store (wsflow.h): submit, the other
 * acts, the year's status and one unit's history.  Each act is one
 * transaction: read the object's audit rows, replay them
 * (jx_wf_replay), ask jx_wf_apply, and write the state and the audit
 * row (and for a submission the originals and the version) or nothing.
 *
 * Originals and the transaction: files are put (jx_files_put) after
 * BEGIN, i.e. while this process holds the store's write lock (SQLite
 * BEGIN IMMEDIATE; PostgreSQL an advisory transaction lock), under a
 * marker files/.incoming removed after COMMIT.  A process killed in
 * between leaves the marker: the next opening of the workspace
 * (jx_ws_open, any command) or the next write, holding the lock,
 * removes every file no row names (jx_ws_sweep) before going on.  No
 * other writer can be between its put and its commit meanwhile, so the
 * sweep never removes a file about to be recorded.
 */
#include "jixiao/wsflow.h"

#include "ws_impl.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "jixiao/calendar.h"
#include "jixiao/framework.h"
#include "jixiao/pkgjson.h"

/* The object every command acts on for now: 整体. */
#define OBJECT_DB JX_WSI_OBJECT
#define OBJECT_ZH "整体"

/* ---- reading the records ---------------------------------------------- */

/* Read "YYYY-MM-DD" (or NULL) into *d; false when absent or bad. */
static bool parse_date(const char *s, struct jx_cal_date *d)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    int v[3] = {0, 0, 0};
    static const int start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    for (int k = 0; k < 3; k++) {
        for (int i = start[k]; i < start[k] + len[k]; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
            v[k] = v[k] * 10 + (s[i] - '0');
        }
    }
    d->y = v[0];
    d->m = v[1];
    d->d = v[2];
    return true;
}

/* The year's settings into *y and its framework id: 0, 1 when the year
 * is not set up, -1 (ws_impl.h). */
int jx_wsi_load_year(struct jx_arena *a, struct jx_store *s, int year,
                     struct jx_wf_year *y, const char **framework)
{
    struct jx_stmt *st = jx_stmt_prepare(
        s, "SELECT framework, submit_by, publish_by, timeliness, leader_step"
           " FROM years WHERE year = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, year);
    enum jx_step r = jx_stmt_step(st);
    int rc = r == JX_STEP_ROW ? 0 : r == JX_STEP_DONE ? 1 : -1;
    if (rc == 0) {
        memset(y, 0, sizeof *y);
        y->year = year;
        *framework = jx_strdup(a, jx_stmt_text(st, 0));
        parse_date(jx_stmt_text(st, 1), &y->submit_by);
        parse_date(jx_stmt_text(st, 2), &y->publish_by);
        const char *t = jx_stmt_text(st, 3);
        y->basis = JX_WF_BASIS_FIRST_SUBMIT;
        if (t && strcmp(t, "last_submit_after_return") == 0) {
            y->basis = JX_WF_BASIS_AFTER_RETURN;
        } else if (t && strcmp(t, "accepted") == 0) {
            y->basis = JX_WF_BASIS_APPROVED;
        }
        y->leader_step = jx_stmt_int(st, 4) != 0;
    }
    jx_stmt_finalize(st);
    return rc;
}

/* Parse a stored UTC time ("...Z"); 0 when it cannot be read. */
static int64_t stored_time(const char *t)
{
    int64_t v = 0;
    if (t) {
        jx_wf_time_parse(t, strlen(t), &v);
    }
    return v;
}

/* The columns of an audit row, after the unit's code (column 0) when
 * the rows of many units are read at once. */
#define AUDIT_COLS                                                          \
    "a.from_state, a.to_state, a.action, a.actor_id, a.actor_role,"        \
    " a.actor_unit, a.at, a.recorded, a.comment, a.backdated, v.sha256"    \
    " FROM audit a LEFT JOIN versions v ON v.id = a.version"

/* Fill w from the row st holds, its columns from c on (AUDIT_COLS);
 * unit is borrowed (it outlives w). */
static void fill_row(struct jx_arena *a, struct jx_stmt *st, int c,
                     const char *unit, int year, struct jx_wf_audit *w)
{
    memset(w, 0, sizeof *w);
    w->unit = unit;
    w->year = year;
    w->object = OBJECT_ZH;
    jx_wsi_state_parse(jx_stmt_text(st, c + 0), &w->from);
    jx_wsi_state_parse(jx_stmt_text(st, c + 1), &w->to);
    const char *act = jx_stmt_text(st, c + 2);
    if (!act || jx_wf_action_parse(act, strlen(act), &w->action) < 0) {
        w->action = JX_WF_NACTIONS;
    }
    w->actor_id = jx_strdup(a, jx_stmt_text(st, c + 3));
    const char *role = jx_stmt_text(st, c + 4);
    if (!role || jx_wf_role_parse(role, strlen(role), &w->actor_role) < 0) {
        w->actor_role = JX_WF_ROLE_NONE;
    }
    w->actor_unit = jx_strdup(a, jx_stmt_text(st, c + 5));
    w->at = stored_time(jx_stmt_text(st, c + 6));
    w->recorded = jx_stmt_isnull(st, c + 7)
                      ? w->at
                      : stored_time(jx_stmt_text(st, c + 7));
    w->comment = jx_strdup(a, jx_stmt_text(st, c + 8));
    w->backdated = jx_stmt_int(st, c + 9) != 0;
    w->version = jx_strdup(a, jx_stmt_text(st, c + 10));
}

/* The audit rows of unit's 整体 for year, in order, into *rows (a)
 * (ws_impl.h). */
int jx_wsi_load_rows(struct jx_arena *a, struct jx_store *s, const char *unit,
                     int year, struct jx_wf_audit **rows, size_t *n)
{
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT " AUDIT_COLS
           " WHERE a.unit = ? AND a.year = ? AND a.object = ? ORDER BY a.id",
        unit, year);
    if (!st) {
        return -1;
    }
    size_t cap = 0;
    *rows = NULL;
    *n = 0;
    const char *u = jx_strdup(a, unit);
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        *rows = jx_arena_grow(a, *rows, *n, &cap, sizeof **rows);
        fill_row(a, st, 0, u, year, &(*rows)[(*n)++]);
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_DONE ? 0 : -1;
}

/* The state row's version id (0 when none): 0, or -1. */
static int load_state_version(struct jx_store *s, const char *unit, int year,
                              int64_t *vid, int *number, char sha[65])
{
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT v.id, v.number, v.sha256 FROM states t"
           " JOIN versions v ON v.id = t.version"
           " WHERE t.unit = ? AND t.year = ? AND t.object = ?",
        unit, year);
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    *vid = 0;
    *number = 0;
    sha[0] = '\0';
    if (r == JX_STEP_ROW) {
        *vid = jx_stmt_int(st, 0);
        *number = (int)jx_stmt_int(st, 1);
        const char *h = jx_stmt_text(st, 2);
        snprintf(sha, 65, "%s", h ? h : "");
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_ERROR ? -1 : 0;
}

/* ---- writing ------------------------------------------------------------ */

/* The path of the marker of an unfinished write in the file store. */
static char *marker_path(struct jx_arena *a, const char *dir)
{
    return jx_sprintf(a, "%s/.incoming", dir);
}

/* Whether name is n lower-case hex digits. */
static bool is_hex(const char *name, size_t n)
{
    if (strlen(name) != n) {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        if (!((name[i] >= '0' && name[i] <= '9') ||
              (name[i] >= 'a' && name[i] <= 'f'))) {
            return false;
        }
    }
    return true;
}

/* Whether the files table names sha: 1, 0, or -1. */
static int file_known(struct jx_store *s, const char *sha)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT 1 FROM files WHERE sha256 = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, sha);
    enum jx_step r = jx_stmt_step(st);
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW ? 1 : r == JX_STEP_DONE ? 0 : -1;
}

/* Sweep one fan-out directory dir/sub; adds the files removed to *n. */
static int sweep_sub(struct jx_store *s, const char *dir, const char *sub,
                     long *n)
{
    struct jx_arena *a = jx_arena_new();
    const char *path = jx_sprintf(a, "%s/%s", dir, sub);
    DIR *dd = opendir(path);
    int rc = 0;
    struct dirent *e;
    while (dd && rc == 0 && (e = readdir(dd)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        bool keep = false;
        if (is_hex(e->d_name, 62)) {
            const char *sha = jx_sprintf(a, "%s%s", sub, e->d_name);
            int k = file_known(s, sha);
            if (k < 0) {
                rc = -1;
                break;
            }
            keep = k == 1;
        }
        if (!keep && unlink(jx_sprintf(a, "%s/%s", path, e->d_name)) == 0) {
            (*n)++;
        }
    }
    if (dd) {
        closedir(dd);
    }
    jx_arena_free(a);
    return rc;
}

/* See wsflow.h. */
long jx_ws_sweep(struct jx_store *s, bool force, struct jx_diags *d)
{
    (void)d;
    const char *dir = jx_store_files_dir(s);
    if (!dir) {
        return 0;
    }
    struct jx_arena *a = jx_arena_new();
    const char *mark = marker_path(a, dir);
    struct stat sb;
    long n = 0;
    if (force || stat(mark, &sb) == 0) {
        DIR *dd = opendir(dir);
        struct dirent *e;
        while (dd && (e = readdir(dd)) != NULL) {
            if (is_hex(e->d_name, 2) &&
                sweep_sub(s, dir, e->d_name, &n) < 0) {
                n = -1;
                break;
            }
        }
        if (dd) {
            closedir(dd);
        }
        if (n >= 0) {
            unlink(mark);
        }
    }
    jx_arena_free(a);
    return n;
}

/* See wsflow.h. */
long jx_ws_recover(struct jx_store *s, struct jx_diags *d)
{
    const char *dir = jx_store_files_dir(s);
    if (!dir) {
        return 0;
    }
    struct jx_arena *a = jx_arena_new();
    struct stat sb;
    bool marked = stat(marker_path(a, dir), &sb) == 0;
    jx_arena_free(a);
    if (!marked) {
        return 0; /* nothing unfinished: no lock, readers stay readers */
    }
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    /* under the write lock the marker is looked at again: a writer that
     * held the lock meanwhile has committed, and its files are rows */
    long n = jx_wsi_lock_writes(s) < 0 ? -1 : jx_ws_sweep(s, false, d);
    if (n < 0) {
        jx_store_rollback(s);
        return -1;
    }
    return jx_store_commit(s) < 0 ? -1 : n;
}

/* See wsflow.h. */
struct jx_store *jx_ws_open(const char *url, const struct jx_store_opts *o,
                            struct jx_diags *d)
{
    struct jx_store *s = jx_store_open(url, o, d);
    if (s && jx_ws_recover(s, d) < 0) {
        jx_store_close(s);
        return NULL;
    }
    return s;
}

/* Leave the marker of a write in progress: 0, or -1 after D010. */
static int mark_incoming(struct jx_arena *a, struct jx_store *s,
                         struct jx_diags *d)
{
    const char *dir = jx_store_files_dir(s);
    if (!dir) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL,
                    "没有原始文件库（PostgreSQL 需要同时给出 -W DIR）");
        return -1;
    }
    const char *mark = marker_path(a, dir);
    FILE *f = fopen(mark, "w");
    if (!f) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "无法写入“%s”：%s", mark,
                    jx_errno_zh(errno));
        return -1;
    }
    fclose(f);
    return 0;
}

/* The context of one act: who, the unit, the year, the current state. */
struct act_ctx {
    struct jx_wsi_user u;
    const char *unit_name;
    struct jx_wf_year y;
    const char *framework;
    struct jx_wf_audit *rows;
    size_t nrows;
    struct jx_wf_current cur;
    struct jx_wf_outcome out;
    struct jx_wf_opts opts;
    struct jx_wf_actor actor;
};

/* Read who, the unit, the year and the object's rows into *c (the
 * options jx_wf_apply needs filled in): 0, 1 refused (d), -1. */
static int load_ctx(struct jx_arena *a, struct jx_store *s, const char *unit,
                    int year, const char *comment, const struct jx_ws_who *who,
                    struct act_ctx *c, struct jx_diags *d)
{
    memset(c, 0, sizeof *c);
    if (!who->user || !*who->user) {
        return jx_wsi_refuse(d, "W020", "没有给出操作人：用 --as USER 或环境变量 "
                                 "JIXIAO_USER 指定");
    }
    int r = jx_wsi_load_user(a, s, who->user, &c->u);
    if (r != 0) {
        return r < 0 ? -1 : jx_wsi_refuse(d, "W020", "工作区中没有用户“%s”", who->user);
    }
    r = jx_wsi_need_unit(a, s, unit, &c->unit_name, d);
    if (r != 0) {
        return r;
    }
    r = jx_wsi_need_year(a, s, year, &c->y, &c->framework, d);
    if (r != 0) {
        return r;
    }
    if (jx_wsi_load_rows(a, s, unit, year, &c->rows, &c->nrows) < 0) {
        return -1;
    }
    size_t bad = 0;
    if (jx_wf_replay(c->rows, c->nrows, &c->cur, &bad) < 0) {
        return jx_wsi_refuse(d, "W023",
                      "单位 %s 年度 %d 的审计记录在第 %zu 条处断开，拒绝操作",
                      unit, year, bad + 1);
    }
    c->actor.id = c->u.idtext;
    c->actor.role = c->u.role;
    c->actor.unit = c->u.unit;
    c->opts.leader_step = c->y.leader_step;
    c->opts.entered_by = c->cur.entered_by;
    c->opts.has_entered_at = c->cur.has_last;
    c->opts.entered_at = c->cur.last_at;
    c->opts.comment = comment;
    c->opts.now = who->now;
    c->opts.backdated = who->backdated;
    c->opts.at = who->at;
    return 0;
}

/* Read who, the unit, the year and the object's rows, and ask
 * jx_wf_apply about action: 0 accepted, 1 refused (d), -1. */
static int decide(struct jx_arena *a, struct jx_store *s, const char *unit,
                  int year, enum jx_wf_action action, const char *comment,
                  const struct jx_ws_who *who, struct act_ctx *c,
                  struct jx_diags *d)
{
    int r = load_ctx(a, s, unit, year, comment, who, c, d);
    if (r != 0) {
        return r;
    }
    if (jx_wf_apply(a, c->cur.state, action, &c->actor, unit, &c->opts,
                    &c->out) < 0) {
        return jx_wsi_refuse(d, c->out.code, "%s", c->out.why);
    }
    return 0;
}

/* Write the state row and append the audit row of an accepted act. */
static int record(struct jx_store *s, const char *unit, int year,
                  enum jx_wf_action action, const char *comment,
                  const struct jx_ws_who *who, const struct act_ctx *c,
                  int64_t vid)
{
    char at[JX_WF_TIME_BUFSZ], rec[JX_WF_TIME_BUFSZ];
    jx_wf_time_format(c->out.at, at);
    jx_wf_time_format(who->now, rec);
    int rc = jx_wsi_exec(
        s,
        "INSERT INTO states (unit, year, object, state, version)"
        " VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (unit, year, object) DO UPDATE"
        " SET state = excluded.state, version = excluded.version",
        "titt" "n", unit, (int64_t)year, OBJECT_DB,
        jx_wsi_state_name(c->out.to), vid);
    if (rc == 0) {
        rc = jx_wsi_exec(
            s,
            "INSERT INTO audit (unit, year, object, version, from_state,"
            " to_state, action, actor_id, actor_role, actor_unit, at,"
            " recorded, client, comment, backdated) VALUES (?, ?, ?, ?, ?,"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            /* unit year object version from to action */
            "tit" "n" "ttt"
            /* actor_id role unit at recorded client comment backdated */
            "i" "tt" "tttt" "i",
            unit, (int64_t)year, OBJECT_DB, vid, jx_wsi_state_name(c->out.from),
            jx_wsi_state_name(c->out.to), jx_wf_action_name(action), c->u.id,
            jx_wf_role_name(c->u.role), c->u.unit, at, rec, who->client,
            comment, (int64_t)(who->backdated ? 1 : 0));
    }
    return rc;
}

/* Keep the derived scores of unit's latest version current after an
 * act, in its transaction: the 'self' row of a new version vid (0:
 * none) from evaluation_json, and the 'assessment' row when what it
 * depends on changed.  0, or -1. */
static int derive_after(struct jx_arena *a, struct jx_store *s,
                        const char *unit, int year, const char *framework,
                        int64_t vid, const char *evaluation_json)
{
    if (vid && jx_wsi_self_save(s, vid, evaluation_json) < 0) {
        return -1;
    }
    struct jx_diags fd;
    jx_diags_init(&fd, a);
    struct jx_wsi_scoring sc;
    jx_wsi_scoring_open(a, NULL, NULL, framework, &sc, &fd);
    jx_diags_release(&fd);
    return jx_wsi_rescore_unit(a, s, unit, year, &sc, NULL);
}

/* Fill *done from an accepted act. */
static void fill_done(struct jx_ws_done *done, enum jx_wf_action action,
                      const struct act_ctx *c, int number, const char *sha)
{
    memset(done, 0, sizeof *done);
    done->action = action;
    done->from = c->out.from;
    done->to = c->out.to;
    done->at = c->out.at;
    done->version = number;
    snprintf(done->sha256, sizeof done->sha256, "%s", sha ? sha : "");
}

/* Insert the version of a submission and its files; *vid, *number. */
static int insert_version(struct jx_arena *a, struct jx_store *s,
                          const char *unit, int year,
                          const struct jx_ws_file *files, size_t nfiles,
                          const char *package_json, const char *evaluation_json,
                          const char *sha, int64_t now, int64_t *vid,
                          int *number, size_t *nnew, struct jx_diags *d)
{
    const char *dir = jx_store_files_dir(s);
    char hexes[64][65];
    if (nfiles > 64) {
        nfiles = 64;
    }
    *nnew = 0;
    for (size_t i = 0; i < nfiles; i++) {
        int k;
        jx_sha256_hex(files[i].data, files[i].len, hexes[i]);
        if ((k = file_known(s, hexes[i])) < 0) {
            return -1;
        }
        if (jx_files_put(dir, files[i].data, files[i].len, hexes[i], d) < 0) {
            return -1;
        }
        if (k == 0) {
            (*nnew)++;
            if (jx_wsi_exec(s,
                            "INSERT INTO files (sha256, name, size)"
                            " VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                            "tti", hexes[i], files[i].name,
                            (int64_t)files[i].len) < 0) {
                return -1;
            }
        }
    }
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT COALESCE(MAX(number), 0) + 1 FROM versions"
           " WHERE unit = ? AND year = ? AND object = ?",
        unit, year);
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    *number = r == JX_STEP_ROW ? (int)jx_stmt_int(st, 0) : 0;
    jx_stmt_finalize(st);
    if (r != JX_STEP_ROW) {
        return -1;
    }
    char created[JX_WF_TIME_BUFSZ];
    jx_wf_time_format(now, created);
    st = jx_wsi_prepare_unit(
        s, "INSERT INTO versions (unit, year, object, number, sha256,"
           " created_at, package, evaluation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
           " RETURNING id",
        unit, year);
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 4, *number);
    jx_stmt_bind_text(st, 5, sha);
    jx_stmt_bind_text(st, 6, created);
    jx_stmt_bind_text(st, 7, package_json);
    if (evaluation_json) {
        jx_stmt_bind_text(st, 8, evaluation_json);
    } else {
        jx_stmt_bind_null(st, 8);
    }
    r = jx_stmt_step(st);
    *vid = r == JX_STEP_ROW ? jx_stmt_int(st, 0) : 0;
    if (r == JX_STEP_ROW) {
        r = jx_stmt_step(st);
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_DONE || *vid == 0) {
        return -1;
    }
    for (size_t i = 0; i < nfiles; i++) {
        if (jx_wsi_exec(s,
                        "INSERT INTO version_files (version, seq, sha256, name)"
                        " VALUES (?, ?, ?, ?)",
                        "iitt", *vid, (int64_t)(i + 1), hexes[i],
                        files[i].name) < 0) {
            return -1;
        }
    }
    (void)a;
    return 0;
}

/* 送审 of the given files and JSON (jx_ws_submit); with spend_draft the
 * unit's draft rows are removed in the same transaction as the version
 * (jx_ws_submit_draft). */
static int submit_tx(struct jx_store *s, const char *unit, int year,
                     const struct jx_ws_file *files, size_t nfiles,
                     const char *package_json, const char *evaluation_json,
                     const struct jx_ws_who *who, bool spend_draft,
                     struct jx_ws_done *done, struct jx_diags *d)
{
    if (nfiles > 64) {
        return jx_wsi_refuse(d, "W024", "一次最多送审 64 个文件，给出了 %zu 个", nfiles);
    }
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    struct jx_arena *a = jx_arena_new();
    struct act_ctx c;
    int rc = jx_wsi_lock_writes(s);
    if (rc == 0 && jx_ws_sweep(s, false, d) < 0) {
        rc = -1;
    }
    enum jx_wf_action action = JX_WF_SUBMIT;
    if (rc == 0) {
        struct jx_wf_audit *rows;
        size_t n;
        struct jx_wf_current cur;
        size_t bad;
        /* 再送审 from 被退回, 送审 otherwise (jx_wf_apply decides) */
        if (jx_wsi_load_rows(a, s, unit, year, &rows, &n) < 0) {
            rc = -1;
        } else if (jx_wf_replay(rows, n, &cur, &bad) == 0 &&
                   cur.state == JX_WF_RETURNED) {
            action = JX_WF_RESUBMIT;
        }
    }
    if (rc == 0) {
        rc = decide(a, s, unit, year, action, NULL, who, &c, d);
    }
    char sha[65];
    int64_t vid = 0;
    int number = 0;
    size_t nnew = 0;
    if (rc == 0) {
        jx_sha256_hex(package_json, strlen(package_json), sha);
        if (mark_incoming(a, s, d) < 0 ||
            insert_version(a, s, unit, year, files, nfiles, package_json,
                           evaluation_json, sha, who->now, &vid, &number,
                           &nnew, d) < 0 ||
            record(s, unit, year, action, NULL, who, &c, vid) < 0 ||
            derive_after(a, s, unit, year, c.framework, vid,
                         evaluation_json) < 0) {
            rc = -1;
        }
    }
    if (rc == 0 && spend_draft &&
        (jx_wsi_exec(s, "DELETE FROM draft_files WHERE unit = ? AND year = ?"
                        " AND object = ?",
                     "tit", unit, (int64_t)year, OBJECT_DB) < 0 ||
         jx_wsi_exec(s, "DELETE FROM drafts WHERE unit = ? AND year = ?"
                        " AND object = ?",
                     "tit", unit, (int64_t)year, OBJECT_DB) < 0)) {
        rc = -1;
    }
    if (rc == 0) {
        rc = jx_store_commit(s) < 0 ? -1 : 0;
        if (rc == 0) {
            unlink(marker_path(a, jx_store_files_dir(s)));
            fill_done(done, action, &c, number, sha);
            done->nfiles_new = nnew;
        }
    } else {
        jx_store_rollback(s);
    }
    jx_arena_free(a);
    return rc;
}

/* See wsflow.h. */
int jx_ws_submit(struct jx_store *s, const char *unit, int year,
                 const struct jx_ws_file *files, size_t nfiles,
                 const char *package_json, const char *evaluation_json,
                 const struct jx_ws_who *who, struct jx_ws_done *done,
                 struct jx_diags *d)
{
    return submit_tx(s, unit, year, files, nfiles, package_json,
                     evaluation_json, who, false, done, d);
}

/* See wsflow.h. */
int jx_ws_submit_draft(struct jx_store *s, const char *unit, int year,
                       const struct jx_ws_file *files, size_t nfiles,
                       const char *package_json, const char *evaluation_json,
                       const struct jx_ws_who *who, struct jx_ws_done *done,
                       struct jx_diags *d)
{
    return submit_tx(s, unit, year, files, nfiles, package_json,
                     evaluation_json, who, true, done, d);
}

/* See wsflow.h. */
int jx_ws_act(struct jx_store *s, const char *unit, int year,
              enum jx_wf_action action, const char *comment,
              const struct jx_ws_who *who, struct jx_ws_done *done,
              struct jx_diags *d)
{
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    struct jx_arena *a = jx_arena_new();
    struct act_ctx c;
    int64_t vid = 0;
    int number = 0;
    char sha[65] = "";
    int rc = jx_wsi_lock_writes(s);
    if (rc == 0) {
        rc = decide(a, s, unit, year, action, comment, who, &c, d);
    }
    if (rc == 0 && (load_state_version(s, unit, year, &vid, &number, sha) < 0 ||
                    record(s, unit, year, action, comment, who, &c, vid) < 0 ||
                    derive_after(a, s, unit, year, c.framework, 0, NULL) < 0)) {
        rc = -1;
    }
    if (rc == 0) {
        rc = jx_store_commit(s) < 0 ? -1 : 0;
        if (rc == 0) {
            fill_done(done, action, &c, number, sha);
        }
    } else {
        jx_store_rollback(s);
    }
    jx_arena_free(a);
    return rc;
}

/* ---- status ------------------------------------------------------------- */

/* Read the evaluation JSON's self score and finding counts into u
 * (ws_impl.h). */
void jx_wsi_read_evaluation(struct jx_arena *a, const char *text,
                            struct jx_ws_unit_status *u)
{
    json_error_t err;
    json_t *root = text ? json_loads(text, 0, &err) : NULL;
    if (!root) {
        return;
    }
    json_t *sum = json_object_get(root, "summary");
    static const char *const keys[4] = {"errors", "warnings", "rounding",
                                        "notes"};
    static const enum jx_severity sev[4] = {JX_SEV_ERROR, JX_SEV_WARNING,
                                            JX_SEV_ROUNDING, JX_SEV_NOTE};
    for (int i = 0; i < 4; i++) {
        json_t *v = json_object_get(sum, keys[i]);
        if (json_is_integer(v) && json_integer_value(v) >= 0) {
            u->findings[sev[i]] = (size_t)json_integer_value(v);
        }
    }
    json_t *sheet = json_array_get(json_object_get(root, "sheets"), 0);
    json_t *total = json_object_get(sheet, "total");
    if (json_is_string(json_object_get(total, "value"))) {
        u->self_value =
            jx_strdup(a, json_string_value(json_object_get(total, "value")));
    }
    if (json_is_string(json_object_get(total, "stated"))) {
        u->self_stated =
            jx_strdup(a, json_string_value(json_object_get(total, "stated")));
    }
    if (json_is_string(json_object_get(sheet, "grade"))) {
        u->self_grade =
            jx_strdup(a, json_string_value(json_object_get(sheet, "grade")));
    }
    json_decref(root);
}

/* Score u's latest version (vid) here, when the store holds no current
 * derived row: its 自评分 from the evaluation (self: the 'self' row was
 * absent) and its 考核 (assess) from the package and the rows. */
static int unit_score_live(struct jx_arena *a, struct jx_store *s,
                           const struct jx_ws_status *out,
                           const struct jx_wsi_scoring *sc, int64_t vid,
                           bool self, bool assess,
                           const struct jx_wf_audit *rows, size_t n,
                           const char *const *overrides,
                           struct jx_ws_unit_status *u)
{
    struct jx_stmt *st = jx_stmt_prepare(
        s, "SELECT package, evaluation FROM versions WHERE id = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, vid);
    enum jx_step r = jx_stmt_step(st);
    if (r == JX_STEP_ROW) {
        const char *pkgtext = jx_strdup(a, jx_stmt_text(st, 0));
        if (self) {
            jx_wsi_read_evaluation(a, jx_stmt_text(st, 1), u);
        }
        if (assess && sc->fw && pkgtext) {
            struct jx_diags pd;
            jx_diags_init(&pd, a);
            struct jx_package *pkg = jx_pkgjson_load(
                a, u->code, pkgtext, strlen(pkgtext), &pd);
            if (pkg) {
                u->assessment = jx_wf_assess(a, sc->fw, pkg, &out->year, rows,
                                             n, sc->cal, overrides, &pd);
                u->assess_total = jx_fw_result_total_text(a, u->assessment);
                u->assess_grade = u->assessment->grade;
            }
            jx_diags_release(&pd);
        }
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_ERROR ? -1 : 0;
}

/* qsort/bsearch order of unit pointers by code (bytes). */
static int unit_ptr_cmp(const void *pa, const void *pb)
{
    const struct jx_ws_unit_status *x =
        *(const struct jx_ws_unit_status *const *)pa;
    const struct jx_ws_unit_status *y =
        *(const struct jx_ws_unit_status *const *)pb;
    return strcmp(x->code, y->code);
}

/* The unit of out whose code is code (by via idx, sorted by code), or
 * NULL. */
static struct jx_ws_unit_status *find_unit(struct jx_ws_unit_status **idx,
                                           size_t n, const char *code)
{
    struct jx_ws_unit_status key;
    key.code = code;
    const struct jx_ws_unit_status *kp = &key;
    struct jx_ws_unit_status **hit =
        n ? bsearch(&kp, idx, n, sizeof *idx, unit_ptr_cmp) : NULL;
    return hit ? *hit : NULL;
}

/* The unit the row st holds names in column 0 (NULL: none, or not one
 * of out's); last is the previous row's, reused while the code repeats
 * (rows ordered by unit).  Borrowed from out. */
static struct jx_ws_unit_status *row_unit(struct jx_stmt *st,
                                          const struct jx_ws_status *out,
                                          struct jx_ws_unit_status **idx,
                                          struct jx_ws_unit_status *last)
{
    const char *code = jx_stmt_text(st, 0);
    if (!code) {
        return NULL;
    }
    if (last && strcmp(last->code, code) == 0) {
        return last;
    }
    return find_unit(idx, out->n, code);
}

/* Per unit while the status is read: its audit rows and latest version. */
struct unit_work {
    struct jx_wf_audit *rows;
    size_t n, cap;
    int64_t vid;
    bool self_cached, assess_cached;
    struct jx_wsi_judged judged; /* the standing judgements */
};

/* Read the year's audit rows, every unit's at once (ordered by unit,
 * id), into w (parallel to out->units, found through idx).  0, or -1. */
static int status_rows(struct jx_arena *a, struct jx_store *s,
                       struct jx_ws_status *out,
                       struct jx_ws_unit_status **idx, struct unit_work *w)
{
    struct jx_stmt *st = jx_wsi_prepare_year(
        s, "SELECT a.unit, " AUDIT_COLS " WHERE a.year = ? AND a.object = ?"
           " ORDER BY a.unit, a.id",
        out->year.year);
    if (!st) {
        return -1;
    }
    struct jx_ws_unit_status *u = NULL;
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        u = row_unit(st, out, idx, u);
        if (!u) {
            continue;
        }
        struct unit_work *uw = &w[u - out->units];
        uw->rows = jx_arena_grow(a, uw->rows, uw->n, &uw->cap,
                                 sizeof *uw->rows);
        fill_row(a, st, 1, u->code, out->year.year, &uw->rows[uw->n++]);
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_DONE ? 0 : -1;
}

/* Read every unit's latest version of the year, the number of its
 * versions and its derived scores when current (stamps[i]: the stamp
 * unit i's 考核 must have), into out and w.  0, or -1. */
static int status_versions(struct jx_arena *a, struct jx_store *s,
                           struct jx_ws_status *out,
                           const struct jx_wsi_scoring *sc,
                           struct jx_ws_unit_status **idx,
                           const char *const *stamps, struct unit_work *w)
{
    struct jx_stmt *st = jx_wsi_prepare_year(
        s, "SELECT v.unit, v.id, v.number, c.n, f.total, f.grade, f.detail,"
           " g.total, g.grade, g.detail"
           " FROM (SELECT unit, MAX(number) AS top, COUNT(*) AS n"
           " FROM versions WHERE year = ? AND object = ? GROUP BY unit) c"
           " JOIN versions v ON v.unit = c.unit AND v.year = ?"
           " AND v.object = ? AND v.number = c.top"
           " LEFT JOIN scores f ON f.version = v.id AND f.kind = 'self'"
           " LEFT JOIN scores g ON g.version = v.id AND g.kind = 'assessment'",
        out->year.year);
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 3, out->year.year);
    jx_stmt_bind_text(st, 4, OBJECT_DB);
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        struct jx_ws_unit_status *u = row_unit(st, out, idx, NULL);
        if (!u) {
            continue;
        }
        size_t i = (size_t)(u - out->units);
        struct unit_work *uw = &w[i];
        uw->vid = jx_stmt_int(st, 1);
        u->version = (int)jx_stmt_int(st, 2);
        u->nversions = (size_t)jx_stmt_int(st, 3);
        uw->self_cached = !jx_stmt_isnull(st, 6) &&
                          jx_wsi_self_decode(a, jx_stmt_text(st, 4),
                                             jx_stmt_text(st, 5),
                                             jx_stmt_text(st, 6), u);
        uw->assess_cached = !sc->fw ||
                            (!jx_stmt_isnull(st, 9) &&
                             jx_wsi_assess_decode(
                                 a, sc->fw, jx_stmt_text(st, 7),
                                 jx_stmt_text(st, 8), jx_stmt_text(st, 9),
                                 stamps[i], u));
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_DONE ? 0 : -1;
}

/* The year's standing judgements, every unit's at once (ordered by
 * unit, item, id: the latest per item stands), into w (parallel to
 * out->units, found through idx), finished.  0, or -1. */
static int status_judged(struct jx_arena *a, struct jx_store *s,
                         struct jx_ws_status *out,
                         struct jx_ws_unit_status **idx, struct unit_work *w)
{
    struct jx_stmt *st = jx_wsi_prepare_year(
        s, "SELECT unit, item, value FROM judgements"
           " WHERE year = ? AND object = ? ORDER BY unit, item, id",
        out->year.year);
    if (!st) {
        return -1;
    }
    struct jx_ws_unit_status *u = NULL;
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        u = row_unit(st, out, idx, u);
        if (u) {
            jx_wsi_judged_add(a, &w[u - out->units].judged,
                              jx_stmt_text(st, 1), jx_stmt_text(st, 2));
        }
    }
    jx_stmt_finalize(st);
    for (size_t i = 0; i < out->n; i++) {
        jx_wsi_judged_finish(a, &w[i].judged);
    }
    return r == JX_STEP_DONE ? 0 : -1;
}

/* The year's 复核 scores into the units of out (one query; idx: the
 * units by code). */
static int status_rechecks(struct jx_arena *a, struct jx_store *s,
                           struct jx_ws_status *out,
                           struct jx_ws_unit_status **idx)
{
    struct jx_stmt *st = jx_wsi_prepare_year(
        s, "SELECT unit, score, full_score, note FROM rechecks"
           " WHERE year = ? AND object = ?",
        out->year.year);
    if (!st) {
        return -1;
    }
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        struct jx_ws_unit_status *u = row_unit(st, out, idx, NULL);
        if (u) {
            u->review = jx_strdup(a, jx_stmt_text(st, 1));
            u->review_full = jx_strdup(a, jx_stmt_text(st, 2));
            u->review_note = jx_strdup(a, jx_stmt_text(st, 3));
        }
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_DONE ? 0 : -1;
}

/* See wsflow.h.  Queries: the year, the units, the year's audit rows,
 * the standing judgements, the latest versions with their derived
 * scores, the 复核 scores; then
 * per unit only what the store holds no current derived score for. */
int jx_ws_status(struct jx_arena *a, struct jx_store *s, int year,
                 const char *fwdir, const char *caldir,
                 struct jx_ws_status *out, struct jx_diags *d)
{
    memset(out, 0, sizeof *out);
    int r = jx_wsi_need_year(a, s, year, &out->year, &out->framework, d);
    if (r != 0) {
        return r;
    }
    struct jx_diags fd;
    jx_diags_init(&fd, a);
    struct jx_wsi_scoring sc;
    jx_wsi_scoring_open(a, fwdir, caldir, out->framework, &sc, &fd);
    if (!sc.fw) {
        jx_diag_add(d, "W025", JX_SEV_WARNING, NULL,
                    "年度 %d 的评价框架“%s”无法读取，不计算考核分", year,
                    out->framework);
    }
    jx_diags_release(&fd);
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT code, name, supervisor, region FROM units"
                           " ORDER BY code");
    if (!st) {
        return -1;
    }
    size_t cap = 0;
    enum jx_step sr;
    while ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
        out->units = jx_arena_grow(a, out->units, out->n, &cap,
                                   sizeof *out->units);
        struct jx_ws_unit_status *u = &out->units[out->n++];
        memset(u, 0, sizeof *u);
        u->code = jx_strdup(a, jx_stmt_text(st, 0));
        u->name = jx_strdup(a, jx_stmt_text(st, 1));
        u->supervisor = jx_stmt_isnull(st, 2) ? NULL
                                              : jx_strdup(a, jx_stmt_text(st, 2));
        u->region = jx_stmt_isnull(st, 3) ? NULL
                                          : jx_strdup(a, jx_stmt_text(st, 3));
    }
    jx_stmt_finalize(st);
    if (sr != JX_STEP_DONE) {
        return -1;
    }
    size_t n = out->n;
    struct jx_ws_unit_status **idx = jx_alloc_array(a, n ? n : 1, sizeof *idx);
    struct unit_work *w = jx_alloc_array(a, n ? n : 1, sizeof *w);
    const char **stamps = jx_alloc_array(a, n ? n : 1, sizeof *stamps);
    for (size_t i = 0; i < n; i++) {
        idx[i] = &out->units[i];
    }
    if (n > 1) {
        qsort(idx, n, sizeof *idx, unit_ptr_cmp);
    }
    if (status_rows(a, s, out, idx, w) < 0 ||
        status_judged(a, s, out, idx, w) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        struct jx_ws_unit_status *u = &out->units[i];
        struct jx_wf_current cur;
        size_t bad;
        jx_wf_replay(w[i].rows, w[i].n, &cur, &bad);
        u->state = cur.state;
        u->sampled = cur.sampled;
        jx_wf_timeliness(a, &out->year, w[i].rows, w[i].n, sc.cal,
                         &u->timeliness);
        stamps[i] = jx_wsi_stamp(a, &sc, out->framework, &out->year,
                                 &u->timeliness, &w[i].judged);
    }
    if (status_versions(a, s, out, &sc, idx, stamps, w) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (w[i].vid && (!w[i].self_cached || !w[i].assess_cached) &&
            unit_score_live(a, s, out, &sc, w[i].vid, !w[i].self_cached,
                            !w[i].assess_cached, w[i].rows, w[i].n,
                            w[i].judged.overrides, &out->units[i]) < 0) {
            return -1;
        }
    }
    if (status_rechecks(a, s, out, idx) < 0) {
        return -1;
    }
    jx_ws_status_rank(out);
    return 0;
}

/* ---- ranking ------------------------------------------------------------ */

/* One unit's ranking key: 考核分 and 自评分, each when it has one. */
struct rank_key {
    bool has_assess, has_self;
    struct jx_rat assess, self;
};

/* The ranking key of u. */
static struct rank_key rank_key(const struct jx_ws_unit_status *u)
{
    struct rank_key k = {0};
    const struct jx_fw_result *r = u->assessment;
    if (r && r->scored && r->total.has_value) {
        k.has_assess = true;
        k.assess = r->total.value;
    }
    bool pct;
    if (u->self_value &&
        jx_rat_parse(u->self_value, strlen(u->self_value), &k.self, &pct,
                     NULL) == JX_NUM_OK &&
        !pct) {
        k.has_self = true;
    }
    return k;
}

/* Compare two values for the ranking: a present one before an absent
 * one, a higher before a lower; <0 when (ha, a) comes first. */
static int rank_cmp1(bool ha, struct jx_rat a, bool hb, struct jx_rat b)
{
    if (ha != hb) {
        return ha ? -1 : 1;
    }
    return ha ? jx_rat_cmp(b, a) : 0;
}

/* Compare two keys: 考核分, then 自评分. */
static int rank_cmp(const struct rank_key *a, const struct rank_key *b)
{
    int c = rank_cmp1(a->has_assess, a->assess, b->has_assess, b->assess);
    return c ? c : rank_cmp1(a->has_self, a->self, b->has_self, b->self);
}

/* See wsflow.h.  Quadratic in the units with a version would be too slow
 * at a province's scale, so: sort pointers by key, then number them. */
void jx_ws_status_rank(struct jx_ws_status *st)
{
    struct jx_arena *a = jx_arena_new();
    const struct jx_ws_unit_status **v = jx_ws_status_ranked(a, st);
    struct rank_key prev = {0};
    int place = 0;
    for (size_t i = 0; i < st->n; i++) {
        struct jx_ws_unit_status *u = &st->units[v[i] - st->units];
        if (!u->version) {
            break; /* the unranked come last */
        }
        struct rank_key k = rank_key(u);
        if (i == 0 || rank_cmp(&prev, &k) != 0) {
            place = (int)i + 1;
        }
        u->rank = place;
        prev = k;
    }
    jx_arena_free(a);
}

/* qsort order of jx_ws_status_ranked: units with a version by their key,
 * then the others; ties by code. */
static int ranked_cmp(const void *pa, const void *pb)
{
    const struct jx_ws_unit_status *a =
        *(const struct jx_ws_unit_status *const *)pa;
    const struct jx_ws_unit_status *b =
        *(const struct jx_ws_unit_status *const *)pb;
    if ((a->version != 0) != (b->version != 0)) {
        return a->version ? -1 : 1;
    }
    if (a->version) {
        struct rank_key ka = rank_key(a), kb = rank_key(b);
        int c = rank_cmp(&ka, &kb);
        if (c) {
            return c;
        }
    }
    return strcmp(a->code, b->code);
}

/* See wsflow.h. */
const struct jx_ws_unit_status **jx_ws_status_ranked(
    struct jx_arena *a, const struct jx_ws_status *st)
{
    const struct jx_ws_unit_status **v =
        jx_alloc_array(a, st->n ? st->n : 1, sizeof *v);
    for (size_t i = 0; i < st->n; i++) {
        v[i] = &st->units[i];
    }
    if (st->n > 1) {
        qsort(v, st->n, sizeof *v, ranked_cmp);
    }
    return v;
}

/* ---- history ------------------------------------------------------------ */

/* A JSON value as compact text, long strings cut (a). */
static const char *show_value(struct jx_arena *a, json_t *v)
{
    if (!v) {
        return NULL;
    }
    if (json_is_string(v)) {
        const char *t = json_string_value(v);
        size_t len = strlen(t), i = 0, chars = 0;
        while (i < len && chars < 60) {
            i++;
            while (i < len && ((unsigned char)t[i] & 0xC0) == 0x80) {
                i++;
            }
            chars++;
        }
        json_t *cut = json_stringn(t, i);
        char *dump = json_dumps(cut, JSON_ENCODE_ANY | JSON_COMPACT);
        json_decref(cut);
        const char *res = jx_sprintf(a, "%s%s", dump ? dump : "\"\"",
                                     i < len ? "…" : "");
        free(dump);
        return res;
    }
    char *dump = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
    const char *res = jx_strdup(a, dump ? dump : "null");
    free(dump);
    return res;
}

/* A wrapped value {"value", "source"} stands for its value. */
static json_t *unwrap(json_t *v)
{
    if (json_is_object(v) && json_object_get(v, "value") &&
        json_object_get(v, "source")) {
        return json_object_get(v, "value");
    }
    return v;
}

/* Escape a key for a JSON pointer (~ → ~0, / → ~1) into b. */
static void pointer_key(struct jx_buf *b, const char *k)
{
    for (; *k; k++) {
        if (*k == '~') {
            jx_buf_adds(b, "~0");
        } else if (*k == '/') {
            jx_buf_adds(b, "~1");
        } else {
            jx_buf_addc(b, *k);
        }
    }
}

/* Add one change at pointer p. */
static void add_change(struct jx_arena *a, struct jx_ws_vdiff *out,
                       size_t *cap, const char *p, json_t *o, json_t *n)
{
    if (out->n >= JX_WS_MAX_CHANGES) {
        out->omitted++;
        return;
    }
    out->changes = jx_arena_grow(a, out->changes, out->n, cap,
                                 sizeof *out->changes);
    struct jx_ws_change *c = &out->changes[out->n++];
    c->pointer = jx_strdup(a, *p ? p : "/");
    c->old_value = show_value(a, o);
    c->new_value = show_value(a, n);
}

/* Compare o and n (either may be NULL: absent) under pointer b. */
static void diff_rec(struct jx_arena *a, struct jx_buf *b, json_t *o,
                     json_t *n, struct jx_ws_vdiff *out, size_t *cap)
{
    o = unwrap(o);
    n = unwrap(n);
    if (o && n && json_equal(o, n)) {
        return;
    }
    size_t mark = b->len;
    if (json_is_object(o) && json_is_object(n)) {
        const char *k;
        json_t *v;
        json_object_foreach(o, k, v)
        {
            if (strcmp(k, "source") == 0) {
                continue;
            }
            jx_buf_addc(b, '/');
            pointer_key(b, k);
            diff_rec(a, b, v, json_object_get(n, k), out, cap);
            b->len = mark;
            b->p[mark] = '\0';
        }
        json_object_foreach(n, k, v)
        {
            if (strcmp(k, "source") == 0 || json_object_get(o, k)) {
                continue;
            }
            jx_buf_addc(b, '/');
            pointer_key(b, k);
            diff_rec(a, b, NULL, v, out, cap);
            b->len = mark;
            b->p[mark] = '\0';
        }
        return;
    }
    if (json_is_array(o) && json_is_array(n)) {
        size_t no = json_array_size(o), nn = json_array_size(n);
        for (size_t i = 0; i < no || i < nn; i++) {
            jx_buf_addf(b, "/%zu", i);
            diff_rec(a, b, json_array_get(o, i), json_array_get(n, i), out,
                     cap);
            b->len = mark;
            b->p[mark] = '\0';
        }
        return;
    }
    add_change(a, out, cap, b->p, o, n);
}

/* See wsflow.h. */
int jx_ws_json_diff(struct jx_arena *a, const char *old_json,
                    const char *new_json, struct jx_ws_vdiff *out)
{
    json_error_t err;
    json_t *o = json_loads(old_json, 0, &err);
    json_t *n = o ? json_loads(new_json, 0, &err) : NULL;
    out->changes = NULL;
    out->n = 0;
    out->omitted = 0;
    if (!o || !n) {
        json_decref(o);
        return -1;
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    size_t cap = 0;
    diff_rec(a, &b, o, n, out, &cap);
    jx_buf_release(&b);
    json_decref(o);
    json_decref(n);
    return 0;
}

/* The judgements of unit's 整体 for year into out, in the order
 * recorded, each item's latest marked standing, labelled from the
 * year's framework when it can be read.  0, or -1. */
static int history_judgements(struct jx_arena *a, struct jx_store *s,
                              const char *unit, int year,
                              struct jx_ws_history *out)
{
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT j.at, u.name, j.item, j.value, j.comment, j.backdated"
           " FROM judgements j LEFT JOIN users u ON u.id = j.actor_id"
           " WHERE j.unit = ? AND j.year = ? AND j.object = ? ORDER BY j.id",
        unit, year);
    if (!st) {
        return -1;
    }
    size_t cap = 0;
    enum jx_step sr;
    while ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
        out->judgements = jx_arena_grow(a, out->judgements, out->njudgements,
                                        &cap, sizeof *out->judgements);
        struct jx_ws_judgement_row *j = &out->judgements[out->njudgements++];
        memset(j, 0, sizeof *j);
        j->at = jx_strdup(a, jx_stmt_text(st, 0));
        j->actor = jx_strdup(a, jx_stmt_text(st, 1));
        j->item = jx_strdup(a, jx_stmt_text(st, 2));
        j->value = jx_strdup(a, jx_stmt_text(st, 3));
        j->comment = jx_strdup(a, jx_stmt_text(st, 4));
        j->backdated = jx_stmt_int(st, 5) != 0;
    }
    jx_stmt_finalize(st);
    if (sr != JX_STEP_DONE) {
        return -1;
    }
    for (size_t i = 0; i < out->njudgements; i++) {
        bool later = false;
        for (size_t k = i + 1; k < out->njudgements && !later; k++) {
            later = strcmp(out->judgements[k].item, out->judgements[i].item) == 0;
        }
        out->judgements[i].standing = !later;
    }
    struct jx_wf_year y;
    const char *framework;
    if (out->njudgements && jx_wsi_load_year(a, s, year, &y, &framework) == 0) {
        struct jx_diags fd;
        jx_diags_init(&fd, a);
        const struct jx_framework *fw = jx_framework_open(
            a, jx_framework_default_dir(a), framework, &fd);
        jx_diags_release(&fd);
        for (size_t i = 0; fw && i < out->njudgements; i++) {
            const struct jx_fw_item *it =
                jx_framework_item(fw, out->judgements[i].item);
            if (it) {
                out->judgements[i].label = it->name     ? it->name
                                           : it->level2 ? it->level2
                                                        : it->level1;
            }
        }
    }
    return 0;
}

/* See wsflow.h. */
const char *jx_ws_draft_kind_zh(const char *kind)
{
    return !kind                              ? ""
           : strcmp(kind, "upload") == 0      ? "上传"
           : strcmp(kind, "correct") == 0     ? "页面更正"
           : strcmp(kind, "redraft") == 0     ? "以上一版本为底稿"
                                              : kind;
}

/* The Chinese of a draft_log row's detail (JSON text) of kind into a
 * (see struct jx_ws_draft_log_row); an unreadable detail as stored. */
static const char *draft_log_what(struct jx_arena *a, const char *kind,
                                  const char *detail)
{
    json_error_t err;
    json_t *o = detail ? json_loads(detail, 0, &err) : NULL;
    if (!o) {
        return detail ? detail : "";
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    const json_t *files = json_object_get(o, "files");
    const json_t *changes = json_object_get(o, "changes");
    if (strcmp(kind, "correct") == 0) {
        jx_buf_addf(&b, "更正 %zu 处", json_array_size(changes));
        for (size_t i = 0; i < json_array_size(changes); i++) {
            const json_t *c = json_array_get(changes, i);
            const char *ov = json_string_value(json_object_get(c, "old"));
            const char *nv = json_string_value(json_object_get(c, "new"));
            jx_buf_addf(&b, "%s%s：%s → %s", i ? "；" : "：",
                        json_string_value(json_object_get(c, "pointer")),
                        ov ? ov : "（无）", nv ? nv : "（无）");
        }
        json_int_t om = json_integer_value(json_object_get(o, "omitted"));
        if (om > 0) {
            jx_buf_addf(&b, "（另有 %lld 处未列出）", (long long)om);
        }
    } else {
        if (strcmp(kind, "redraft") == 0) {
            jx_buf_addf(&b, "以第 %lld 版为底稿",
                        (long long)json_integer_value(
                            json_object_get(o, "version")));
        } else {
            jx_buf_addf(&b, "上传 %zu 个文件", json_array_size(files));
        }
        for (size_t i = 0; i < json_array_size(files); i++) {
            const json_t *f = json_array_get(files, i);
            jx_buf_addf(&b, "%s%s（%lld 字节）", i ? "、" : "：",
                        json_string_value(json_object_get(f, "name")),
                        (long long)json_integer_value(json_object_get(f, "size")));
        }
    }
    json_decref(o);
    const char *r = jx_strndup(a, b.p, b.len);
    jx_buf_release(&b);
    return r;
}

/* The draft_log rows of unit's 整体 for year into out, in order: 0 or
 * -1. */
static int history_draft_log(struct jx_arena *a, struct jx_store *s,
                             const char *unit, int year,
                             struct jx_ws_history *out)
{
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT l.at, u.name, l.client, l.kind, l.detail"
           " FROM draft_log l LEFT JOIN users u ON u.id = l.actor_id"
           " WHERE l.unit = ? AND l.year = ? AND l.object = ? ORDER BY l.id",
        unit, year);
    if (!st) {
        return -1;
    }
    size_t cap = 0;
    enum jx_step sr;
    while ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
        out->draft_log = jx_arena_grow(a, out->draft_log, out->ndraft_log,
                                       &cap, sizeof *out->draft_log);
        struct jx_ws_draft_log_row *l = &out->draft_log[out->ndraft_log++];
        l->at = jx_strdup(a, jx_stmt_text(st, 0));
        l->actor = jx_strdup(a, jx_stmt_text(st, 1));
        l->client = jx_strdup(a, jx_stmt_text(st, 2));
        l->kind = jx_strdup(a, jx_stmt_text(st, 3));
        l->detail = jx_strdup(a, jx_stmt_text(st, 4));
        l->what = draft_log_what(a, l->kind ? l->kind : "", l->detail);
    }
    jx_stmt_finalize(st);
    return sr == JX_STEP_DONE ? 0 : -1;
}

/* See wsflow.h. */
int jx_ws_history(struct jx_arena *a, struct jx_store *s, const char *unit,
                  int year, struct jx_ws_history *out, struct jx_diags *d)
{
    memset(out, 0, sizeof *out);
    out->code = jx_strdup(a, unit);
    int r = jx_wsi_need_unit(a, s, unit, &out->name, d);
    if (r != 0) {
        return r;
    }
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT a.at, u.name, a.actor_role, a.action, a.from_state,"
           " a.to_state, a.comment, a.backdated, v.number"
           " FROM audit a LEFT JOIN users u ON u.id = a.actor_id"
           " LEFT JOIN versions v ON v.id = a.version"
           " WHERE a.unit = ? AND a.year = ? AND a.object = ? ORDER BY a.id",
        unit, year);
    if (!st) {
        return -1;
    }
    size_t cap = 0;
    enum jx_step sr;
    while ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
        out->events = jx_arena_grow(a, out->events, out->nevents, &cap,
                                    sizeof *out->events);
        struct jx_ws_event *e = &out->events[out->nevents++];
        memset(e, 0, sizeof *e);
        e->at = jx_strdup(a, jx_stmt_text(st, 0));
        e->actor = jx_strdup(a, jx_stmt_text(st, 1));
        const char *t = jx_stmt_text(st, 2);
        if (!t || jx_wf_role_parse(t, strlen(t), &e->role) < 0) {
            e->role = JX_WF_ROLE_NONE;
        }
        t = jx_stmt_text(st, 3);
        if (!t || jx_wf_action_parse(t, strlen(t), &e->action) < 0) {
            e->action = JX_WF_NACTIONS;
        }
        jx_wsi_state_parse(jx_stmt_text(st, 4), &e->from);
        jx_wsi_state_parse(jx_stmt_text(st, 5), &e->to);
        e->comment = jx_strdup(a, jx_stmt_text(st, 6));
        e->backdated = jx_stmt_int(st, 7) != 0;
        e->version = (int)jx_stmt_int(st, 8);
        out->sampled |= e->action == JX_WF_SAMPLE;
    }
    jx_stmt_finalize(st);
    if (sr != JX_STEP_DONE) {
        return -1;
    }
    st = jx_wsi_prepare_unit(
        s, "SELECT r.score, r.full_score, r.note, u.name, r.at FROM rechecks r"
           " LEFT JOIN users u ON u.id = r.actor_id"
           " WHERE r.unit = ? AND r.year = ? AND r.object = ?",
        unit, year);
    if (!st) {
        return -1;
    }
    if ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
        out->review = jx_strdup(a, jx_stmt_text(st, 0));
        out->review_full = jx_strdup(a, jx_stmt_text(st, 1));
        out->review_note = jx_strdup(a, jx_stmt_text(st, 2));
        out->review_by = jx_strdup(a, jx_stmt_text(st, 3));
        out->review_at = jx_strdup(a, jx_stmt_text(st, 4));
    }
    jx_stmt_finalize(st);
    if (sr == JX_STEP_ERROR) {
        return -1;
    }
    if (history_judgements(a, s, unit, year, out) < 0 ||
        history_draft_log(a, s, unit, year, out) < 0) {
        return -1;
    }
    st = jx_wsi_prepare_unit(s,
                             "SELECT number, package FROM versions"
                             " WHERE unit = ? AND year = ? AND object = ?"
                             " ORDER BY number",
                             unit, year);
    if (!st) {
        return -1;
    }
    const char *prev = NULL;
    int prevn = 0;
    cap = 0;
    while ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
        int num = (int)jx_stmt_int(st, 0);
        const char *pkg = jx_strdup(a, jx_stmt_text(st, 1));
        if (prev && pkg) {
            out->diffs = jx_arena_grow(a, out->diffs, out->ndiffs, &cap,
                                       sizeof *out->diffs);
            struct jx_ws_vdiff *v = &out->diffs[out->ndiffs++];
            jx_ws_json_diff(a, prev, pkg, v);
            v->from = prevn;
            v->to = num;
        }
        prev = pkg;
        prevn = num;
    }
    jx_stmt_finalize(st);
    return sr == JX_STEP_DONE ? 0 : -1;
}

/* ---- 抽查 and 复核 ------------------------------------------------------ */

/* Who samples: a known user whose role may 抽查 (and, backdated, an
 * administrator within the clock), for a year that is set up.  0, 1
 * refused (d), -1. */
static int sample_who(struct jx_arena *a, struct jx_store *s, int year,
                      const struct jx_ws_who *who, struct jx_wsi_user *u,
                      struct jx_diags *d)
{
    if (!who->user || !*who->user) {
        return jx_wsi_refuse(d, "W020", "没有给出操作人：用 --as USER 或环境变量 "
                                 "JIXIAO_USER 指定");
    }
    int r = jx_wsi_load_user(a, s, who->user, u);
    if (r != 0) {
        return r < 0 ? -1 : jx_wsi_refuse(d, "W020", "工作区中没有用户“%s”", who->user);
    }
    struct jx_wf_year y;
    const char *fw;
    r = jx_wsi_need_year(a, s, year, &y, &fw, d);
    if (r != 0) {
        return r;
    }
    struct jx_wf_actor actor = {u->idtext, u->role, u->unit};
    struct jx_wf_opts o = {0};
    o.now = who->now;
    o.backdated = who->backdated;
    o.at = who->at;
    struct jx_wf_outcome out;
    if (jx_wf_apply(a, JX_WF_APPROVED, JX_WF_SAMPLE, &actor, u->unit, &o,
                    &out) < 0) {
        return jx_wsi_refuse(d, out.code, "%s", out.why);
    }
    return 0;
}

/* The codes of the units whose 整体 for year is 已审核 or 已公开 and was
 * never sampled (a broken trail is not eligible), by code, into *codes
 * (a).  0, or -1. */
static int sample_pool(struct jx_arena *a, struct jx_store *s, int year,
                       const char ***codes, size_t *n)
{
    struct jx_stmt *st = jx_stmt_prepare(s, "SELECT code FROM units");
    if (!st) {
        return -1;
    }
    const char **all = NULL;
    size_t nall = 0, cap = 0;
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        all = jx_arena_grow(a, all, nall, &cap, sizeof *all);
        all[nall++] = jx_strdup(a, jx_stmt_text(st, 0));
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_DONE) {
        return -1;
    }
    *codes = jx_alloc_array(a, nall + 1, sizeof **codes);
    *n = 0;
    for (size_t i = 0; i < nall; i++) {
        struct jx_wf_audit *rows;
        size_t nrows, bad;
        struct jx_wf_current cur;
        if (jx_wsi_load_rows(a, s, all[i], year, &rows, &nrows) < 0) {
            return -1;
        }
        if (jx_wf_replay(rows, nrows, &cur, &bad) == 0 && !cur.sampled &&
            (cur.state == JX_WF_APPROVED || cur.state == JX_WF_PUBLISHED)) {
            (*codes)[(*n)++] = all[i];
        }
    }
    return 0;
}

/* See wsflow.h. */
int jx_ws_sample(struct jx_arena *a, struct jx_store *s, int year,
                 const struct jx_ws_sample_rule *rule, uint64_t seed,
                 const struct jx_ws_who *who, struct jx_ws_sampled *out,
                 struct jx_diags *d)
{
    memset(out, 0, sizeof *out);
    out->seed = seed;
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    struct jx_arena *t = jx_arena_new();
    struct jx_wsi_user u;
    const char **pool = NULL;
    size_t n = 0;
    int rc = jx_wsi_lock_writes(s);
    if (rc == 0) {
        rc = sample_who(t, s, year, who, &u, d);
    }
    if (rc == 0 && sample_pool(a, s, year, &pool, &n) < 0) {
        rc = -1;
    }
    size_t k = 0;
    if (rc == 0) {
        k = rule->by_share ? jx_wf_sample_size(n, rule->share) : rule->count;
        if (n == 0) {
            rc = jx_wsi_refuse(d, "W030",
                        "年度 %d 没有可抽查的单位（须已审核或已公开，且尚未抽查）",
                        year);
        } else if (k == 0) {
            rc = jx_wsi_refuse(d, "W031", "抽查规则“%s”在 %zu 个单位中抽出 0 个",
                        rule->text ? rule->text : "", n);
        }
    }
    struct jx_wf_sample smp = {0};
    char seedtext[24];
    snprintf(seedtext, sizeof seedtext, "%llu", (unsigned long long)seed);
    const char *comment =
        jx_sprintf(t, "抽查（%s，种子 %s）", rule->text ? rule->text : "",
                   seedtext);
    int64_t at = who->backdated ? who->at : who->now;
    if (rc == 0) {
        jx_wf_sample_draw(a, pool, n, k, seed, &smp);
        for (size_t i = 0; rc == 0 && i < smp.k; i++) {
            struct act_ctx c;
            int64_t vid = 0;
            int number = 0;
            char sha[65];
            rc = decide(t, s, smp.codes[i], year, JX_WF_SAMPLE, comment, who,
                        &c, d);
            if (rc == 0 &&
                (load_state_version(s, smp.codes[i], year, &vid, &number,
                                    sha) < 0 ||
                 record(s, smp.codes[i], year, JX_WF_SAMPLE, comment, who, &c,
                        vid) < 0)) {
                rc = -1;
            }
            if (rc == 0) {
                at = c.out.at;
            }
        }
    }
    if (rc == 0) {
        char attext[JX_WF_TIME_BUFSZ];
        jx_wf_time_format(at, attext);
        rc = jx_wsi_exec(s,
                         "INSERT INTO samples (year, seed, rule, n, k,"
                         " actor_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         "itt" "ii" "it", (int64_t)year, seedtext,
                         rule->text ? rule->text : "", (int64_t)n,
                         (int64_t)smp.k, u.id, attext);
    }
    if (rc == 0) {
        rc = jx_store_commit(s) < 0 ? -1 : 0;
        if (rc == 0) {
            out->n = n;
            out->k = smp.k;
            out->codes = smp.codes;
            out->at = at;
        }
    } else {
        jx_store_rollback(s);
    }
    jx_arena_free(t);
    return rc;
}

/* The 复核 already recorded for unit's 整体 and year into *in: 0 (none
 * leaves it zeroed), -1. */
static int load_recheck(struct jx_store *s, const char *unit, int year,
                        struct jx_wf_scores *in)
{
    memset(in, 0, sizeof *in);
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT score FROM rechecks WHERE unit = ? AND year = ?"
           " AND object = ?",
        unit, year);
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    if (r == JX_STEP_ROW) {
        const char *t = jx_stmt_text(st, 0);
        bool pct;
        in->has_review = true;
        if (!t || jx_rat_parse(t, strlen(t), &in->review, &pct, NULL) !=
                      JX_NUM_OK) {
            in->review = jx_rat_int(0);
        }
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_ERROR ? -1 : 0;
}

/* See wsflow.h. */
int jx_ws_recheck(struct jx_store *s, const char *unit, int year,
                  struct jx_rat score, const char *note,
                  const struct jx_ws_who *who, struct jx_diags *d)
{
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    struct jx_arena *t = jx_arena_new();
    char sb[JX_NUM_BUFSZ], fb[JX_NUM_BUFSZ];
    const char *scoretext = jx_rat_format_exact(score, false, sb);
    const char *comment =
        jx_sprintf(t, "复核分 %s%s%s", scoretext ? scoretext : "?",
                   note && *note ? "：" : "", note && *note ? note : "");
    struct act_ctx c;
    int rc = jx_wsi_lock_writes(s);
    if (rc == 0) {
        rc = load_ctx(t, s, unit, year, comment, who, &c, d);
    }
    struct jx_wf_scores in, done;
    if (rc == 0 && load_recheck(s, unit, year, &in) < 0) {
        rc = -1;
    }
    const struct jx_framework *fw = NULL;
    if (rc == 0) {
        struct jx_diags fd;
        jx_diags_init(&fd, t);
        fw = jx_framework_open(t, jx_framework_default_dir(t), c.framework,
                               &fd);
        jx_diags_release(&fd);
        if (!fw) {
            rc = jx_wsi_refuse(d, "W032",
                        "年度 %d 的评价框架“%s”无法读取，不能确定满分，未记录复核分",
                        year, c.framework);
        }
    }
    if (rc == 0) {
        const char *code, *why;
        if (jx_wf_scores_review(t, &in, c.cur.sampled, &c.actor, score,
                                fw->points, c.opts.backdated ? c.opts.at
                                                             : c.opts.now,
                                note, &done, &code, &why) < 0) {
            rc = jx_wsi_refuse(d, code, "%s", why);
        } else if (!scoretext) {
            rc = jx_wsi_refuse(d, "W013", "复核分须是有限位小数");
        } else if (jx_wf_apply(t, c.cur.state, JX_WF_RECHECK, &c.actor, unit,
                               &c.opts, &c.out) < 0) {
            rc = jx_wsi_refuse(d, c.out.code, "%s", c.out.why);
        }
    }
    int64_t vid = 0;
    int number = 0;
    char sha[65];
    if (rc == 0 &&
        (load_state_version(s, unit, year, &vid, &number, sha) < 0 ||
         record(s, unit, year, JX_WF_RECHECK, comment, who, &c, vid) < 0)) {
        rc = -1;
    }
    if (rc == 0) {
        char at[JX_WF_TIME_BUFSZ];
        jx_wf_time_format(c.out.at, at);
        const char *full = jx_rat_format_exact(fw->points, false, fb);
        rc = jx_wsi_exec(s,
                         "INSERT INTO rechecks (unit, year, object, version,"
                         " score, full_score, note, actor_id, at)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         "tit" "n" "ttt" "it", unit, (int64_t)year, OBJECT_DB,
                         vid, scoretext, full ? full : "",
                         note && *note ? note : NULL, c.u.id, at);
    }
    if (rc == 0) {
        rc = jx_store_commit(s) < 0 ? -1 : 0;
    } else {
        jx_store_rollback(s);
    }
    jx_arena_free(t);
    return rc;
}
