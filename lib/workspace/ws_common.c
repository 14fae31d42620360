/*
 * ws_common.c - the small pieces every file of the workspace uses on the
 * store (ws_impl.h): refusals, running a statement with parameters, the
 * write lock, the states' stored names, the unit and user rows, and
 * statements on one unit's (or one year's) 整体.
 *
 * Ownership: results in the caller's arena; inputs borrowed; statements
 * returned are the caller's to finalize.
 */
#include "jixiao/wsflow.h"

#include "ws_impl.h"

#include <stdarg.h>
#include <string.h>

/* See ws_impl.h. */
int jx_wsi_refuse(struct jx_diags *d, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = jx_vsprintf(d->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(d, code, JX_SEV_ERROR, NULL, "%s", m);
    return 1;
}

/* See ws_impl.h. */
int jx_wsi_exec(struct jx_store *s, const char *sql, const char *fmt, ...)
{
    struct jx_stmt *st = jx_stmt_prepare(s, sql);
    if (!st) {
        return -1;
    }
    va_list ap;
    va_start(ap, fmt);
    for (int i = 0; fmt[i]; i++) {
        if (fmt[i] == 't') {
            const char *t = va_arg(ap, const char *);
            if (t) {
                jx_stmt_bind_text(st, i + 1, t);
            } else {
                jx_stmt_bind_null(st, i + 1);
            }
        } else {
            int64_t v = va_arg(ap, int64_t);
            if (fmt[i] == 'n' && v == 0) {
                jx_stmt_bind_null(st, i + 1);
            } else {
                jx_stmt_bind_int(st, i + 1, v);
            }
        }
    }
    va_end(ap);
    enum jx_step r = jx_stmt_step(st);
    while (r == JX_STEP_ROW) {
        r = jx_stmt_step(st);
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_DONE ? 0 : -1;
}

/* See ws_impl.h.  SQLite's BEGIN IMMEDIATE has the lock; PostgreSQL
 * takes an advisory transaction lock. */
int jx_wsi_lock_writes(struct jx_store *s)
{
    if (jx_store_engine(s) != JX_ENGINE_PG) {
        return 0;
    }
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT pg_advisory_xact_lock(1313)");
    if (!st) {
        return -1;
    }
    enum jx_step r = jx_stmt_step(st);
    jx_stmt_finalize(st);
    return r == JX_STEP_ERROR ? -1 : 0;
}

/* The states as the store's states table spells them (its CHECK). */
static const char *const db_states[JX_WF_NSTATES] = {
    "filling", "unit_review", "submitted", "reviewing",
    "returned", "accepted", "published",
};

/* See ws_impl.h. */
const char *jx_wsi_state_name(enum jx_wf_state st)
{
    return (unsigned)st < JX_WF_NSTATES ? db_states[st] : "";
}

/* See ws_impl.h. */
int jx_wsi_state_parse(const char *s, enum jx_wf_state *out)
{
    for (int i = 0; s && i < JX_WF_NSTATES; i++) {
        if (strcmp(s, db_states[i]) == 0) {
            *out = (enum jx_wf_state)i;
            return 0;
        }
    }
    *out = JX_WF_FILLING;
    return -1;
}

/* See ws_impl.h. */
int jx_wsi_load_user(struct jx_arena *a, struct jx_store *s, const char *name,
                     struct jx_wsi_user *u)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT id, role, unit FROM users WHERE name = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, name ? name : "");
    enum jx_step r = jx_stmt_step(st);
    int rc = r == JX_STEP_ROW ? 0 : r == JX_STEP_DONE ? 1 : -1;
    if (rc == 0) {
        u->id = jx_stmt_int(st, 0);
        u->idtext = jx_sprintf(a, "%lld", (long long)u->id);
        const char *role = jx_stmt_text(st, 1);
        if (!role || jx_wf_role_parse(role, strlen(role), &u->role) < 0) {
            u->role = JX_WF_ROLE_NONE;
        }
        u->unit = jx_strdup(a, jx_stmt_text(st, 2));
    }
    jx_stmt_finalize(st);
    return rc;
}

/* See ws_impl.h. */
int jx_wsi_load_unit(struct jx_arena *a, struct jx_store *s, const char *code,
                     const char **name)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT name FROM units WHERE code = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, code);
    enum jx_step r = jx_stmt_step(st);
    int rc = r == JX_STEP_ROW ? 0 : r == JX_STEP_DONE ? 1 : -1;
    if (rc == 0 && name) {
        *name = jx_strdup(a, jx_stmt_text(st, 0));
    }
    jx_stmt_finalize(st);
    return rc;
}

/* See ws_impl.h. */
struct jx_stmt *jx_wsi_prepare_unit(struct jx_store *s, const char *sql,
                                    const char *unit, int year)
{
    struct jx_stmt *st = jx_stmt_prepare(s, sql);
    if (st) {
        jx_stmt_bind_text(st, 1, unit);
        jx_stmt_bind_int(st, 2, year);
        jx_stmt_bind_text(st, 3, JX_WSI_OBJECT);
    }
    return st;
}

/* See ws_impl.h. */
struct jx_stmt *jx_wsi_prepare_year(struct jx_store *s, const char *sql,
                                    int year)
{
    struct jx_stmt *st = jx_stmt_prepare(s, sql);
    if (st) {
        jx_stmt_bind_int(st, 1, year);
        jx_stmt_bind_text(st, 2, JX_WSI_OBJECT);
    }
    return st;
}

/* See ws_impl.h. */
int jx_wsi_need_unit(struct jx_arena *a, struct jx_store *s, const char *unit,
                     const char **name, struct jx_diags *d)
{
    int r = jx_wsi_load_unit(a, s, unit, name);
    if (r == 1) {
        return jx_wsi_refuse(d, "W021", "工作区中没有单位“%s”", unit);
    }
    return r;
}

/* See ws_impl.h. */
int jx_wsi_need_year(struct jx_arena *a, struct jx_store *s, int year,
                     struct jx_wf_year *y, const char **framework,
                     struct jx_diags *d)
{
    int r = jx_wsi_load_year(a, s, year, y, framework);
    if (r == 1) {
        return jx_wsi_refuse(d, "W022", "年度 %d 尚未设置（jixiao year set）",
                             year);
    }
    return r;
}
