/*
 * ws_files.c - a version's original files, downloaded again exactly as
 * sent (issue 13, deliver 6): the list of a version's originals from
 * version_files (seq, name as sent, SHA-256, size), and one original's
 * bytes read back through jx_files_get, its SHA-256 checked, so that a
 * copy altered or missing in the file store is an error naming it and
 * never served.  Used by `jixiao files` and the portal's download
 * route.  Results live in the caller's arena (file bytes: malloc'd, the
 * caller's); inputs are borrowed.
 */
#include "jixiao/wsflow.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The object every act is on for now. */
#define OBJECT_DB "whole"

/* Add a refusal (error) formatted from fmt to d and return 1. */
static int refuse(struct jx_diags *d, const char *code, const char *fmt, ...)
{
    char m[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    jx_diag_add(d, code, JX_SEV_ERROR, NULL, "%s", m);
    return 1;
}

/* Whether unit exists (its name into *name, in a): 1, 0 when absent,
 * -1 when the store failed. */
static int unit_name(struct jx_arena *a, struct jx_store *s, const char *unit,
                     const char **name)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT name FROM units WHERE code = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, unit);
    enum jx_step r = jx_stmt_step(st);
    int rc = r == JX_STEP_ROW ? 1 : r == JX_STEP_DONE ? 0 : -1;
    if (rc == 1) {
        *name = jx_strdup(a, jx_stmt_text(st, 0));
    }
    jx_stmt_finalize(st);
    return rc;
}

/* Whether year is set up: 1, 0 when not, -1 when the store failed. */
static int year_exists(struct jx_store *s, int year)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT 1 FROM years WHERE year = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, year);
    enum jx_step r = jx_stmt_step(st);
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW ? 1 : r == JX_STEP_DONE ? 0 : -1;
}

/* See wsflow.h. */
int jx_ws_version_files(struct jx_arena *a, struct jx_store *s,
                        const char *unit, int year, int number,
                        struct jx_ws_vfiles *out, struct jx_diags *d)
{
    memset(out, 0, sizeof *out);
    out->code = jx_strdup(a, unit);
    out->year = year;
    int r = unit_name(a, s, unit, &out->name);
    if (r <= 0) {
        return r < 0 ? -1 : refuse(d, "W021", "工作区中没有单位“%s”", unit);
    }
    r = year_exists(s, year);
    if (r <= 0) {
        return r < 0 ? -1
                     : refuse(d, "W022", "年度 %d 尚未设置（jixiao year set）",
                              year);
    }
    struct jx_stmt *st = jx_stmt_prepare(
        s, number > 0 ? "SELECT id, number, created_at FROM versions"
                        " WHERE unit = ? AND year = ? AND object = ?"
                        " AND number = ?"
                      : "SELECT id, number, created_at FROM versions"
                        " WHERE unit = ? AND year = ? AND object = ?"
                        " ORDER BY number DESC LIMIT 1");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, unit);
    jx_stmt_bind_int(st, 2, year);
    jx_stmt_bind_text(st, 3, OBJECT_DB);
    if (number > 0) {
        jx_stmt_bind_int(st, 4, number);
    }
    enum jx_step sr = jx_stmt_step(st);
    int64_t vid = 0;
    if (sr == JX_STEP_ROW) {
        vid = jx_stmt_int(st, 0);
        out->number = (int)jx_stmt_int(st, 1);
        out->created_at = jx_strdup(a, jx_stmt_text(st, 2));
    }
    jx_stmt_finalize(st);
    if (sr == JX_STEP_DONE) {
        if (number > 0) {
            return refuse(d, "W056", "单位 %s 年度 %d 没有版本 %d", unit,
                          year, number);
        }
        return refuse(d, "W056", "单位 %s 年度 %d 尚无送审版本", unit, year);
    }
    if (sr != JX_STEP_ROW) {
        return -1;
    }
    st = jx_stmt_prepare(s, "SELECT vf.seq, vf.name, vf.sha256, f.size"
                            " FROM version_files vf"
                            " JOIN files f ON f.sha256 = vf.sha256"
                            " WHERE vf.version = ? ORDER BY vf.seq");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, vid);
    size_t cap = 0;
    while ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
        out->files = jx_arena_grow(a, out->files, out->nfiles, &cap,
                                   sizeof *out->files);
        struct jx_ws_vfile *f = &out->files[out->nfiles++];
        memset(f, 0, sizeof *f);
        f->seq = (int)jx_stmt_int(st, 0);
        f->name = jx_strdup(a, jx_stmt_text(st, 1));
        const char *h = jx_stmt_text(st, 2);
        snprintf(f->sha256, sizeof f->sha256, "%s", h ? h : "");
        f->size = jx_stmt_int(st, 3);
    }
    jx_stmt_finalize(st);
    return sr == JX_STEP_DONE ? 0 : -1;
}

/* See wsflow.h. */
int jx_ws_version_file_read(struct jx_store *s, const struct jx_ws_vfiles *v,
                            const struct jx_ws_vfile *f, char **data,
                            size_t *len, struct jx_diags *d)
{
    *data = NULL;
    *len = 0;
    const char *dir = jx_store_files_dir(s);
    int r = -1;
    if (!dir) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL,
                    "没有原始文件库（PostgreSQL 需要同时给出 -W DIR）");
    } else {
        r = jx_files_get(dir, f->sha256, data, len, d);
        if (r == 0 && (int64_t)*len != f->size) {
            /* the SHA-256 matched: a size recorded wrongly, still refused */
            free(*data);
            *data = NULL;
            *len = 0;
            r = -1;
        }
    }
    if (r < 0) {
        jx_diag_add(d, "D012", JX_SEV_ERROR, NULL,
                    "单位 %s 年度 %d 版本 %d 的原始文件 %d“%s”无法取回：文件库中的"
                    "副本缺失或已被改动（SHA-256 %s），不予提供",
                    v->code, v->year, v->number, f->seq, f->name, f->sha256);
        return -1;
    }
    return 0;
}

/* See wsflow.h. */
const char *jx_ws_file_name_safe(struct jx_arena *a, const char *name,
                                 int seq)
{
    size_t n = name ? strlen(name) : 0;
    if (n > 200) {
        n = 200;
        while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80) {
            n--; /* not inside a UTF-8 sequence */
        }
    }
    if (n == 0) {
        return jx_sprintf(a, "file-%d", seq);
    }
    char *out = jx_strndup(a, name, n);
    bool lead = true;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)out[i];
        if (ch == '/' || ch == '\\' || ch < 0x20 || ch == 0x7F ||
            (lead && ch == '.')) {
            out[i] = '_';
        } else {
            lead = false;
        }
    }
    return out;
}
