/*
 * ws_draft.c - a unit's draft (the portal's uploads, issue 14): the
 * originals a filler uploaded, kept content-addressed in the file store,
 * with the Package JSON and Evaluation JSON the pipeline made of them,
 * one per unit, year and object until it is submitted (jx_ws_submit
 * freezes the version and the draft rows are removed in the same
 * transaction, jx_ws_submit_draft), or made again from the latest
 * version for a returned unit (jx_ws_draft_from_version).  Every change
 * of a draft (upload, correction, redraft) appends its row to draft_log
 * in the change's own transaction (log_change).  Reading the
 * files is the caller's (the pipeline is a layer above).  Results live
 * in the caller's arena; inputs are borrowed.
 */
#include "jixiao/wsflow.h"

#include "ws_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* The object every act of this round is on. */
#define OBJECT_DB JX_WSI_OBJECT

/* Most files in a draft (as jx_ws_submit). */
#define MAX_DRAFT_FILES 64

/* The state of unit's 整体 for year (absent: 填报中): 0, or -1. */
static int current_state(struct jx_store *s, const char *unit, int year,
                         enum jx_wf_state *state)
{
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT state FROM states WHERE unit = ? AND year = ?"
           " AND object = ?",
        unit, year);
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    *state = JX_WF_FILLING;
    if (r == JX_STEP_ROW) {
        jx_wsi_state_parse(jx_stmt_text(st, 0), state);
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW || r == JX_STEP_DONE ? 0 : -1;
}

/* The checks every change of a draft makes in the transaction just
 * begun: take the write lock, that who is a user of unit (W042) and
 * that unit's 整体 is 填报中 or 被退回 (W041); verb names the change in
 * the refusals (上传, 修改).  who's user id into *actor.  0, 1 refused,
 * -1 when the store failed. */
static int may_write(struct jx_arena *a, struct jx_store *s, const char *unit,
                     int year, const struct jx_ws_who *who, const char *verb,
                     int64_t *actor, struct jx_diags *d)
{
    if (jx_wsi_lock_writes(s) < 0) {
        return -1;
    }
    struct jx_wsi_user u;
    int r = jx_wsi_load_user(a, s, who->user, &u);
    if (r < 0) {
        return -1;
    }
    if (r == 1 || !u.unit || strcmp(u.unit, unit) != 0) {
        return jx_wsi_refuse(d, "W042", "只有本单位的用户可以%s本单位的材料",
                             verb);
    }
    *actor = u.id;
    enum jx_wf_state state = JX_WF_FILLING;
    if (current_state(s, unit, year, &state) < 0) {
        return -1;
    }
    if (state != JX_WF_FILLING && state != JX_WF_RETURNED) {
        jx_diag_add(d, "W041", JX_SEV_ERROR, NULL,
                    "单位 %s 年度 %d 的整体处于“%s”，只有填报中或被退回时"
                    "可以%s材料",
                    unit, year, jx_wf_state_zh(state), verb);
        return 1;
    }
    return 0;
}

/* The file list of unit's draft as it stands in the transaction: a new
 * JSON array of {"name", "size"} in order (the caller's), or NULL when
 * the store failed. */
static json_t *draft_files_json(struct jx_store *s, const char *unit, int year)
{
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT f.name, s.size FROM draft_files f"
           " JOIN files s ON s.sha256 = f.sha256"
           " WHERE f.unit = ? AND f.year = ? AND f.object = ? ORDER BY f.seq",
        unit, year);
    if (!st) {
        return NULL;
    }
    json_t *arr = json_array();
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        json_t *o = json_object();
        json_object_set_new(o, "name", json_string(jx_stmt_text(st, 0)));
        json_object_set_new(o, "size", json_integer(jx_stmt_int(st, 1)));
        json_array_append_new(arr, o);
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_DONE) {
        json_decref(arr);
        return NULL;
    }
    return arr;
}

/* Append the draft_log row of a change of unit's draft (kind upload,
 * correct or redraft; detail: a JSON object, the callee's -- freed
 * here) by actor, with who's time and client address, inside the
 * caller's transaction: 0 or -1. */
static int log_change(struct jx_store *s, const char *unit, int year,
                      const struct jx_ws_who *who, int64_t actor,
                      const char *kind, json_t *detail)
{
    if (!detail) {
        return -1;
    }
    char *text = json_dumps(detail, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(detail);
    if (!text) {
        return -1;
    }
    char at[JX_WF_TIME_BUFSZ];
    jx_wf_time_format(who->now, at);
    int rc = jx_wsi_exec(s,
                         "INSERT INTO draft_log (unit, year, object, at,"
                         " actor_id, client, kind, detail)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         "tittittt", unit, (int64_t)year, OBJECT_DB, at,
                         actor, who->client, kind, text);
    free(text);
    return rc;
}

/* The detail of a draft_log row holding only the draft's file list
 * (and the version it came from, when version > 0): a new object, or
 * NULL when the store failed. */
static json_t *files_detail(struct jx_store *s, const char *unit, int year,
                            int version)
{
    json_t *files = draft_files_json(s, unit, year);
    if (!files) {
        return NULL;
    }
    json_t *o = json_object();
    if (version > 0) {
        json_object_set_new(o, "version", json_integer(version));
    }
    json_object_set_new(o, "files", files);
    return o;
}

/* Write the draft's rows (inside the caller's transaction): 0 or -1. */
static int write_draft(struct jx_store *s, const char *unit, int year,
                       const struct jx_ws_file *files,
                       const char *const *kinds, size_t nfiles,
                       const char *package_json, const char *evaluation_json,
                       int64_t actor, int64_t now, struct jx_diags *d)
{
    const char *dir = jx_store_files_dir(s);
    if (!dir) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL,
                    "没有原始文件库（PostgreSQL 需要同时给出 -W DIR）");
        return -1;
    }
    char at[JX_WF_TIME_BUFSZ];
    jx_wf_time_format(now, at);
    if (jx_wsi_exec(s,
                    "DELETE FROM draft_files WHERE unit = ? AND year = ?"
                    " AND object = ?",
                    "tit", unit, (int64_t)year, OBJECT_DB) < 0 ||
        jx_wsi_exec(s,
                    "INSERT INTO drafts (unit, year, object, package,"
                    " evaluation, updated_at, actor_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (unit, year, object) DO UPDATE SET"
                    " package = excluded.package,"
                    " evaluation = excluded.evaluation,"
                    " updated_at = excluded.updated_at,"
                    " actor_id = excluded.actor_id",
                    "titttti", unit, (int64_t)year, OBJECT_DB, package_json,
                    evaluation_json, at, actor) < 0) {
        return -1;
    }
    for (size_t i = 0; i < nfiles; i++) {
        char hex[65];
        if (jx_files_put(dir, files[i].data, files[i].len, hex, d) < 0 ||
            jx_wsi_exec(s,
                        "INSERT INTO files (sha256, name, size)"
                        " VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING",
                        "tti", hex, files[i].name,
                        (int64_t)files[i].len) < 0 ||
            jx_wsi_exec(s,
                        "INSERT INTO draft_files (unit, year, object, seq,"
                        " sha256, name, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        "titittt", unit, (int64_t)year, OBJECT_DB,
                        (int64_t)(i + 1), hex, files[i].name,
                        kinds[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

/* See wsflow.h. */
int jx_ws_draft_save(struct jx_store *s, const char *unit, int year,
                     const struct jx_ws_file *files, const char *const *kinds,
                     size_t nfiles, const char *package_json,
                     const char *evaluation_json, const struct jx_ws_who *who,
                     struct jx_diags *d)
{
    if (nfiles > MAX_DRAFT_FILES) {
        jx_diag_add(d, "W024", JX_SEV_ERROR, NULL,
                    "一次最多送审 64 个文件，给出了 %zu 个", nfiles);
        return 1;
    }
    struct jx_arena *a = jx_arena_new();
    if (jx_store_begin(s) < 0) {
        jx_arena_free(a);
        return -1;
    }
    int64_t actor = 0;
    int rc = may_write(a, s, unit, year, who, "上传", &actor, d);
    if (rc == 0) {
        rc = write_draft(s, unit, year, files, kinds, nfiles, package_json,
                         evaluation_json, actor, who->now, d);
    }
    if (rc == 0) {
        rc = log_change(s, unit, year, who, actor, "upload",
                        files_detail(s, unit, year, 0));
    }
    if (rc == 0) {
        rc = jx_store_commit(s) < 0 ? -1 : 0;
    } else {
        jx_store_rollback(s);
    }
    jx_arena_free(a);
    return rc;
}

/* The detail of a correction: the JSON pointers changed from old_json
 * to new_json with their old and new values (JSON text, null when
 * absent on that side; jx_ws_json_diff, at most JX_WS_MAX_CHANGES, the
 * rest counted in "omitted").  A new object. */
static json_t *changes_detail(struct jx_arena *a, const char *old_json,
                              const char *new_json)
{
    struct jx_ws_vdiff v;
    memset(&v, 0, sizeof v);
    json_t *o = json_object();
    json_t *arr = json_array();
    if (old_json && jx_ws_json_diff(a, old_json, new_json, &v) == 0) {
        for (size_t i = 0; i < v.n; i++) {
            const struct jx_ws_change *c = &v.changes[i];
            json_t *e = json_object();
            json_object_set_new(e, "pointer", json_string(c->pointer));
            json_object_set_new(e, "old", c->old_value ? json_string(c->old_value)
                                                       : json_null());
            json_object_set_new(e, "new", c->new_value ? json_string(c->new_value)
                                                       : json_null());
            json_array_append_new(arr, e);
        }
    }
    json_object_set_new(o, "changes", arr);
    json_object_set_new(o, "omitted", json_integer((json_int_t)v.omitted));
    return o;
}

/* See wsflow.h. */
int jx_ws_draft_update(struct jx_store *s, const char *unit, int year,
                       const char *package_json, const char *evaluation_json,
                       const struct jx_ws_who *who, struct jx_diags *d)
{
    struct jx_arena *a = jx_arena_new();
    if (jx_store_begin(s) < 0) {
        jx_arena_free(a);
        return -1;
    }
    int64_t actor = 0;
    const char *old_pkg = NULL;
    int rc = may_write(a, s, unit, year, who, "修改", &actor, d);
    if (rc == 0) {
        struct jx_stmt *st = jx_stmt_prepare(
            s, "SELECT package FROM drafts WHERE unit = ? AND year = ?"
               " AND object = ?");
        if (!st) {
            rc = -1;
        } else {
            jx_stmt_bind_text(st, 1, unit);
            jx_stmt_bind_int(st, 2, year);
            jx_stmt_bind_text(st, 3, OBJECT_DB);
            enum jx_step r = jx_stmt_step(st);
            if (r == JX_STEP_ROW) {
                old_pkg = jx_strdup(a, jx_stmt_text(st, 0));
            }
            jx_stmt_finalize(st);
            if (r == JX_STEP_DONE) {
                jx_diag_add(d, "W040", JX_SEV_ERROR, NULL,
                            "单位 %s 年度 %d 没有草稿：请先上传材料", unit,
                            year);
                rc = 1;
            } else if (r != JX_STEP_ROW) {
                rc = -1;
            }
        }
    }
    if (rc == 0) {
        char at[JX_WF_TIME_BUFSZ];
        jx_wf_time_format(who->now, at);
        rc = jx_wsi_exec(
            s, "UPDATE drafts SET package = ?, evaluation = ?,"
               " updated_at = ?, actor_id = ? WHERE unit = ?"
               " AND year = ? AND object = ?",
            "tttitit", package_json, evaluation_json, at, actor, unit,
            (int64_t)year, OBJECT_DB);
    }
    if (rc == 0) {
        rc = log_change(s, unit, year, who, actor, "correct",
                        changes_detail(a, old_pkg, package_json));
    }
    if (rc == 0) {
        rc = jx_store_commit(s) < 0 ? -1 : 0;
    } else {
        jx_store_rollback(s);
    }
    jx_arena_free(a);
    return rc;
}

/* See wsflow.h. */
int jx_ws_draft_get(struct jx_arena *a, struct jx_store *s, const char *unit,
                    int year, struct jx_ws_draft *out)
{
    memset(out, 0, sizeof *out);
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT d.package, d.evaluation, d.updated_at, u.name"
           " FROM drafts d LEFT JOIN users u ON u.id = d.actor_id"
           " WHERE d.unit = ? AND d.year = ? AND d.object = ?",
        unit, year);
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    if (r == JX_STEP_ROW) {
        out->package_json = jx_strdup(a, jx_stmt_text(st, 0));
        out->evaluation_json = jx_strdup(a, jx_stmt_text(st, 1));
        out->updated_at = jx_strdup(a, jx_stmt_text(st, 2));
        out->by = jx_stmt_isnull(st, 3) ? NULL : jx_strdup(a, jx_stmt_text(st, 3));
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_ROW) {
        return r == JX_STEP_DONE ? 0 : -1;
    }
    st = jx_wsi_prepare_unit(
        s, "SELECT f.name, f.kind, f.sha256, s.size FROM draft_files f"
           " JOIN files s ON s.sha256 = f.sha256"
           " WHERE f.unit = ? AND f.year = ? AND f.object = ? ORDER BY f.seq",
        unit, year);
    if (!st) {
        return -1;
    }
    size_t cap = 0;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        out->files = jx_arena_grow(a, out->files, out->nfiles, &cap,
                                   sizeof *out->files);
        struct jx_ws_draft_file *f = &out->files[out->nfiles++];
        f->name = jx_strdup(a, jx_stmt_text(st, 0));
        f->kind = jx_strdup(a, jx_stmt_text(st, 1));
        snprintf(f->sha256, sizeof f->sha256, "%s", jx_stmt_text(st, 2));
        f->size = jx_stmt_int(st, 3);
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_DONE ? 1 : -1;
}

/* See wsflow.h. */
int jx_ws_draft_submit(struct jx_store *s, const char *unit, int year,
                       const struct jx_ws_who *who, struct jx_ws_done *done,
                       struct jx_diags *d)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_ws_draft dr;
    int g = jx_ws_draft_get(a, s, unit, year, &dr);
    if (g <= 0) {
        jx_arena_free(a);
        if (g == 0) {
            jx_diag_add(d, "W040", JX_SEV_ERROR, NULL,
                        "单位 %s 年度 %d 没有草稿：请先上传材料", unit, year);
            return 1;
        }
        return -1;
    }
    const char *dir = jx_store_files_dir(s);
    struct jx_ws_file *files =
        jx_alloc_array(a, dr.nfiles ? dr.nfiles : 1, sizeof *files);
    char **data = jx_alloc_array(a, dr.nfiles ? dr.nfiles : 1, sizeof *data);
    int rc = dir ? 0 : -1;
    size_t got = 0;
    for (; rc == 0 && got < dr.nfiles; got++) {
        size_t len;
        if (jx_files_get(dir, dr.files[got].sha256, &data[got], &len, d) < 0) {
            rc = -1;
            break;
        }
        files[got] = (struct jx_ws_file){dr.files[got].name, data[got], len};
    }
    if (rc == 0) {
        /* the version and the spent draft in one transaction */
        rc = jx_ws_submit_draft(s, unit, year, files, dr.nfiles,
                                dr.package_json, dr.evaluation_json, who,
                                done, d);
    }
    for (size_t i = 0; i < got; i++) {
        free(data[i]);
    }
    jx_arena_free(a);
    return rc;
}

/* The latest version of unit's 整体 for year: its id and number into
 * *vid, *number (0: none), its JSON into *pkg, *eval (in a).  0, or -1. */
static int latest_version(struct jx_arena *a, struct jx_store *s,
                          const char *unit, int year, int64_t *vid,
                          int *number, const char **pkg, const char **eval)
{
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT id, number, package, evaluation FROM versions"
           " WHERE unit = ? AND year = ? AND object = ?"
           " ORDER BY number DESC LIMIT 1",
        unit, year);
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    *vid = 0;
    *number = 0;
    if (r == JX_STEP_ROW) {
        *vid = jx_stmt_int(st, 0);
        *number = (int)jx_stmt_int(st, 1);
        *pkg = jx_strdup(a, jx_stmt_text(st, 2));
        *eval = jx_stmt_isnull(st, 3) ? "{}" : jx_strdup(a, jx_stmt_text(st, 3));
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW || r == JX_STEP_DONE ? 0 : -1;
}

/* Copy version vid's file list into unit's draft_files, each file's
 * kind from its content read back from the store (inside the caller's
 * transaction): 0 or -1. */
static int copy_version_files(struct jx_arena *a, struct jx_store *s,
                              const char *unit, int year, int64_t vid,
                              jx_ws_kind_fn kind_of, struct jx_diags *d)
{
    const char *dir = jx_store_files_dir(s);
    if (!dir) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL,
                    "没有原始文件库（PostgreSQL 需要同时给出 -W DIR）");
        return -1;
    }
    struct jx_stmt *st = jx_stmt_prepare(
        s, "SELECT seq, sha256, name FROM version_files WHERE version = ?"
           " ORDER BY seq");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, vid);
    size_t n = 0, cap = 0;
    struct row { int64_t seq; const char *sha, *name; } *rows = NULL;
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        rows = jx_arena_grow(a, rows, n, &cap, sizeof *rows);
        rows[n].seq = jx_stmt_int(st, 0);
        rows[n].sha = jx_strdup(a, jx_stmt_text(st, 1));
        rows[n].name = jx_strdup(a, jx_stmt_text(st, 2));
        n++;
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_DONE) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        char *data = NULL;
        size_t len = 0;
        if (jx_files_get(dir, rows[i].sha, &data, &len, d) < 0) {
            return -1;
        }
        const char *kind = kind_of ? kind_of(data, len) : "unknown";
        int rc = jx_wsi_exec(
            s, "INSERT INTO draft_files (unit, year, object, seq,"
               " sha256, name, kind) VALUES (?, ?, ?, ?, ?, ?, ?)",
            "titittt", unit, (int64_t)year, OBJECT_DB, rows[i].seq,
            rows[i].sha, rows[i].name, kind);
        free(data);
        if (rc < 0) {
            return -1;
        }
    }
    return 0;
}

/* See wsflow.h. */
int jx_ws_draft_from_version(struct jx_store *s, const char *unit, int year,
                             jx_ws_kind_fn kind_of,
                             const struct jx_ws_who *who, int *number,
                             struct jx_diags *d)
{
    struct jx_arena *a = jx_arena_new();
    *number = 0;
    if (jx_store_begin(s) < 0) {
        jx_arena_free(a);
        return -1;
    }
    int64_t actor = 0, vid = 0;
    const char *pkg = NULL, *eval = NULL;
    int rc = may_write(a, s, unit, year, who, "修改", &actor, d);
    if (rc == 0) {
        struct jx_ws_draft dr;
        int g = jx_ws_draft_get(a, s, unit, year, &dr);
        if (g < 0) {
            rc = -1;
        } else if (g > 0) {
            jx_diag_add(d, "W043", JX_SEV_ERROR, NULL,
                        "单位 %s 年度 %d 已有草稿：请在草稿上修改，或重新上传",
                        unit, year);
            rc = 1;
        }
    }
    int num = 0;
    if (rc == 0) {
        rc = latest_version(a, s, unit, year, &vid, &num, &pkg, &eval);
    }
    if (rc == 0 && vid == 0) {
        jx_diag_add(d, "W044", JX_SEV_ERROR, NULL,
                    "单位 %s 年度 %d 尚无送审版本，不能以上一版本为底稿",
                    unit, year);
        rc = 1;
    }
    if (rc == 0) {
        char at[JX_WF_TIME_BUFSZ];
        jx_wf_time_format(who->now, at);
        rc = jx_wsi_exec(
            s, "INSERT INTO drafts (unit, year, object, package,"
               " evaluation, updated_at, actor_id)"
               " VALUES (?, ?, ?, ?, ?, ?, ?)",
            "titttti", unit, (int64_t)year, OBJECT_DB, pkg, eval, at,
            actor);
    }
    if (rc == 0) {
        rc = copy_version_files(a, s, unit, year, vid, kind_of, d);
    }
    if (rc == 0) {
        rc = log_change(s, unit, year, who, actor, "redraft",
                        files_detail(s, unit, year, num));
    }
    if (rc == 0) {
        rc = jx_store_commit(s) < 0 ? -1 : 0;
    } else {
        jx_store_rollback(s);
    }
    if (rc == 0) {
        *number = num;
    }
    jx_arena_free(a);
    return rc;
}
