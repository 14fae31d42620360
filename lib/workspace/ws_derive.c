/*
 * ws_derive.c - the derived scores cached in the store's scores table
 * (ws_impl.h): the fingerprint of the data a score comes from, the
 * stamp of one unit's 考核, reading and writing the rows, and bringing a
 * unit's or a year's rows up to date (jx_ws_rescore).
 */
#include "ws_impl.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "jixiao/pkgjson.h"

/* The revision of the derivation: raise it when the code that scores
 * (jx_wf_assess, jx_framework_eval, the evaluation's summary) changes
 * what it computes, so that rows written before are stale. */
#define DERIVE_REV "jx-derive-1"

/* Largest data file fingerprinted. */
#define PRINT_MAX_FILE (16u << 20)

/* qsort order of file names. */
static int name_cmp(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* Append to b the names and contents of dir's regular files whose names
 * end in ext, in name order. */
static void print_dir(struct jx_arena *a, struct jx_buf *b, const char *dir,
                      const char *ext)
{
    DIR *dd = opendir(dir);
    if (!dd) {
        jx_buf_addf(b, "[no %s]", dir);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    size_t el = strlen(ext);
    while ((e = readdir(dd)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l <= el || strcmp(e->d_name + l - el, ext) != 0) {
            continue;
        }
        names = jx_arena_grow(a, names, n, &cap, sizeof *names);
        names[n++] = jx_strdup(a, e->d_name);
    }
    closedir(dd);
    if (n > 1) {
        qsort(names, n, sizeof *names, name_cmp);
    }
    for (size_t i = 0; i < n; i++) {
        char *data = NULL;
        size_t len = 0;
        jx_buf_addf(b, "\n%s\n", names[i]);
        if (jx_read_file(jx_sprintf(a, "%s/%s", dir, names[i]), PRINT_MAX_FILE,
                         &data, &len) == 0) {
            jx_buf_addf(b, "%zu\n", len);
            jx_buf_add(b, data, len);
            free(data);
        }
    }
}

/* See ws_impl.h. */
void jx_wsi_scoring_open(struct jx_arena *a, const char *fwdir,
                         const char *caldir, const char *framework,
                         struct jx_wsi_scoring *sc, struct jx_diags *d)
{
    memset(sc, 0, sizeof *sc);
    const char *fd = fwdir ? fwdir : jx_framework_default_dir(a);
    const char *cd = caldir ? caldir : jx_calendar_default_dir(a);
    sc->fw = jx_framework_open(a, fd, framework, d);
    struct jx_calendar *cal = jx_calendar_new(a);
    sc->cal = jx_calendar_load_dir(cal, cd, d) < 0 ? NULL : cal;
    /* a framework named by path lives in that path's directory */
    const char *slash = strrchr(framework, '/');
    if (slash) {
        fd = slash == framework ? "/"
                                : jx_strndup(a, framework,
                                             (size_t)(slash - framework));
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 30);
    jx_buf_adds(&b, DERIVE_REV);
    print_dir(a, &b, fd, ".json");
    jx_buf_adds(&b, "\n--calendar--");
    if (sc->cal) {
        print_dir(a, &b, cd, ".txt");
    }
    char hex[65];
    jx_sha256_hex(b.p ? b.p : "", b.len, hex);
    jx_buf_release(&b);
    sc->print = jx_strdup(a, hex);
}

/* A date as "YYYY-MM-DD", or "-" when absent. */
static const char *date_or_dash(struct jx_arena *a, bool present,
                                struct jx_cal_date d)
{
    return present ? jx_sprintf(a, "%04d-%02d-%02d", d.y, d.m, d.d) : "-";
}

/* See ws_impl.h. */
const char *jx_wsi_stamp(struct jx_arena *a, const struct jx_wsi_scoring *sc,
                         const char *framework, const struct jx_wf_year *y,
                         const struct jx_wf_timeliness *t,
                         const struct jx_wsi_judged *j)
{
    return jx_sprintf(a, "%s|%s|%s|%s|%s|%s|%s", sc->print ? sc->print : "",
                      framework ? framework : "",
                      date_or_dash(a, y->submit_by.y != 0, y->submit_by),
                      date_or_dash(a, y->publish_by.y != 0, y->publish_by),
                      date_or_dash(a, t->submit.present, t->submit.date),
                      date_or_dash(a, t->publish.present, t->publish.date),
                      j && j->print ? j->print : "");
}

/* See ws_impl.h. */
void jx_wsi_judged_add(struct jx_arena *a, struct jx_wsi_judged *j,
                       const char *item, const char *value)
{
    if (!item || !value) {
        return;
    }
    if (j->n && strcmp(j->items[j->n - 1], item) == 0) {
        j->ov[j->n - 1] = jx_sprintf(a, "%s=%s", item, value);
        return;
    }
    size_t cap = j->cap;
    j->items = jx_arena_grow(a, j->items, j->n, &cap, sizeof *j->items);
    j->ov = jx_arena_grow(a, j->ov, j->n, &j->cap, sizeof *j->ov);
    j->items[j->n] = jx_strdup(a, item);
    j->ov[j->n++] = jx_sprintf(a, "%s=%s", item, value);
}

/* qsort order of override texts (bytes). */
static int ov_cmp(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* See ws_impl.h. */
void jx_wsi_judged_finish(struct jx_arena *a, struct jx_wsi_judged *j)
{
    const char **ov = jx_alloc_array(a, j->n + 1, sizeof *ov);
    for (size_t i = 0; i < j->n; i++) {
        ov[i] = j->ov[i];
    }
    if (j->n > 1) {
        qsort(ov, j->n, sizeof *ov, ov_cmp);
    }
    ov[j->n] = NULL;
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    for (size_t i = 0; i < j->n; i++) {
        jx_buf_addf(&b, "%s%s", i ? ";" : "", ov[i]);
    }
    j->print = jx_strdup(a, b.len ? b.p : "");
    jx_buf_release(&b);
    j->ov = ov;
    j->overrides = ov;
}

/* See ws_impl.h. */
int jx_wsi_load_judged(struct jx_arena *a, struct jx_store *s,
                       const char *unit, int year, struct jx_wsi_judged *j)
{
    memset(j, 0, sizeof *j);
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT item, value FROM judgements WHERE unit = ? AND year = ?"
           " AND object = ? ORDER BY item, id",
        unit, year);
    if (!st) {
        return -1;
    }
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        jx_wsi_judged_add(a, j, jx_stmt_text(st, 0), jx_stmt_text(st, 1));
    }
    jx_stmt_finalize(st);
    jx_wsi_judged_finish(a, j);
    return r == JX_STEP_DONE ? 0 : -1;
}

/* A rational as "num/den" (a JSON string). */
static json_t *rat_json(struct jx_rat r)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%lld/%lld", (long long)r.num, (long long)r.den);
    return json_string(buf);
}

/* Read "num/den" back exactly; false when v is not one. */
static bool rat_read(json_t *v, struct jx_rat *out)
{
    const char *s = json_string_value(v);
    if (!s) {
        return false;
    }
    char *end;
    long long num = strtoll(s, &end, 10);
    if (*end != '/') {
        return false;
    }
    long long den = strtoll(end + 1, &end, 10);
    if (*end) {
        return false;
    }
    out->num = num;
    out->den = den;
    return true;
}

/* Run an upsert of one scores row (NULL texts stored as NULL): 0, or
 * -1. */
static int save_row(struct jx_store *s, int64_t vid, const char *kind,
                    const char *total, const char *grade, const char *detail)
{
    return jx_wsi_exec(
        s, "INSERT INTO scores (version, kind, total, grade, detail)"
           " VALUES (?, ?, ?, ?, ?) ON CONFLICT (version, kind) DO UPDATE"
           " SET total = excluded.total, grade = excluded.grade,"
           " detail = excluded.detail",
        "itttt", vid, kind, total, grade, detail);
}

/* json_dumps of root as compact text in a; root is released. */
static const char *dump(struct jx_arena *a, json_t *root)
{
    char *t = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    if (!t) {
        jx_oom();
    }
    const char *res = jx_strdup(a, t);
    free(t);
    return res;
}

/* See ws_impl.h. */
int jx_wsi_self_save(struct jx_store *s, int64_t vid,
                     const char *evaluation_json)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_ws_unit_status u;
    memset(&u, 0, sizeof u);
    jx_wsi_read_evaluation(a, evaluation_json, &u);
    json_t *f = json_array();
    static const enum jx_severity sev[4] = {JX_SEV_ERROR, JX_SEV_WARNING,
                                            JX_SEV_ROUNDING, JX_SEV_NOTE};
    for (int i = 0; i < 4; i++) {
        json_array_append_new(f, json_integer((json_int_t)u.findings[sev[i]]));
    }
    json_t *o = json_object();
    json_object_set_new(o, "rev", json_string(DERIVE_REV));
    json_object_set_new(o, "stated", u.self_stated ? json_string(u.self_stated)
                                                   : json_null());
    json_object_set_new(o, "findings", f);
    int rc = save_row(s, vid, "self", u.self_value, u.self_grade, dump(a, o));
    jx_arena_free(a);
    return rc;
}

/* See ws_impl.h. */
bool jx_wsi_self_decode(struct jx_arena *a, const char *total,
                        const char *grade, const char *detail,
                        struct jx_ws_unit_status *u)
{
    json_error_t err;
    json_t *o = detail ? json_loads(detail, 0, &err) : NULL;
    json_t *f = json_object_get(o, "findings");
    const char *rev = json_string_value(json_object_get(o, "rev"));
    bool ok = rev && strcmp(rev, DERIVE_REV) == 0 && json_array_size(f) == 4;
    if (ok) {
        static const enum jx_severity sev[4] = {JX_SEV_ERROR, JX_SEV_WARNING,
                                                JX_SEV_ROUNDING, JX_SEV_NOTE};
        for (int i = 0; i < 4; i++) {
            u->findings[sev[i]] =
                (size_t)json_integer_value(json_array_get(f, (size_t)i));
        }
        u->self_value = jx_strdup(a, total);
        u->self_grade = jx_strdup(a, grade);
        u->self_stated =
            jx_strdup(a, json_string_value(json_object_get(o, "stated")));
    }
    json_decref(o);
    return ok;
}

/* The 'assessment' detail of r under stamp (a). */
static const char *assess_encode(struct jx_arena *a,
                                 const struct jx_fw_result *r,
                                 const char *stamp)
{
    json_t *o = json_object();
    json_object_set_new(o, "stamp", json_string(stamp));
    json_object_set_new(o, "scored", json_boolean(r->scored));
    json_object_set_new(o, "has_total", json_boolean(r->total.has_value));
    json_object_set_new(o, "total", rat_json(r->total.value));
    json_object_set_new(o, "njudge", json_integer((json_int_t)r->njudge));
    json_object_set_new(o, "lo", rat_json(r->total_lo));
    json_object_set_new(o, "hi", rat_json(r->total_hi));
    json_t *items = json_array();
    for (size_t k = 0; k < r->nitems; k++) {
        json_t *it = json_array();
        json_array_append_new(it, json_string(r->items[k].item->id));
        json_array_append_new(it, rat_json(r->items[k].used));
        json_array_append_new(items, it);
    }
    json_object_set_new(o, "items", items);
    return dump(a, o);
}

/* See ws_impl.h. */
bool jx_wsi_assess_decode(struct jx_arena *a, const struct jx_framework *fw,
                          const char *total, const char *grade,
                          const char *detail, const char *stamp,
                          struct jx_ws_unit_status *u)
{
    json_error_t err;
    json_t *o = detail ? json_loads(detail, 0, &err) : NULL;
    const char *got = json_string_value(json_object_get(o, "stamp"));
    json_t *items = json_object_get(o, "items");
    struct jx_fw_result *r = jx_alloc(a, sizeof *r);
    bool ok = got && stamp && strcmp(got, stamp) == 0 && json_is_array(items) &&
              rat_read(json_object_get(o, "total"), &r->total.value) &&
              rat_read(json_object_get(o, "lo"), &r->total_lo) &&
              rat_read(json_object_get(o, "hi"), &r->total_hi);
    size_t n = json_array_size(items);
    if (ok) {
        r->fw = fw;
        r->scored = json_is_true(json_object_get(o, "scored"));
        r->total.has_value = json_is_true(json_object_get(o, "has_total"));
        r->njudge = (size_t)json_integer_value(json_object_get(o, "njudge"));
        r->grade = jx_strdup(a, grade);
        r->nitems = n;
        r->items = jx_alloc_array(a, n ? n : 1, sizeof *r->items);
        struct jx_fw_item *fi = jx_alloc_array(a, n ? n : 1, sizeof *fi);
        for (size_t k = 0; ok && k < n; k++) {
            json_t *it = json_array_get(items, k);
            fi[k].id = jx_strdup(a, json_string_value(json_array_get(it, 0)));
            r->items[k].item = &fi[k];
            ok = fi[k].id && rat_read(json_array_get(it, 1), &r->items[k].used);
        }
    }
    if (ok) {
        u->assessment = r;
        u->assess_total = jx_strdup(a, total);
        u->assess_grade = r->grade;
    }
    json_decref(o);
    return ok;
}

/* See ws_impl.h. */
int jx_wsi_rescore_unit(struct jx_arena *a, struct jx_store *s,
                        const char *unit, int year,
                        const struct jx_wsi_scoring *sc, bool *changed)
{
    if (changed) {
        *changed = false;
    }
    struct jx_wf_year y;
    const char *framework;
    int r = jx_wsi_load_year(a, s, year, &y, &framework);
    if (r != 0 || !sc->fw) {
        return r < 0 ? -1 : 0;
    }
    struct jx_wf_audit *rows;
    size_t n;
    if (jx_wsi_load_rows(a, s, unit, year, &rows, &n) < 0) {
        return -1;
    }
    struct jx_wf_timeliness t;
    jx_wf_timeliness(a, &y, rows, n, sc->cal, &t);
    struct jx_wsi_judged jd;
    if (jx_wsi_load_judged(a, s, unit, year, &jd) < 0) {
        return -1;
    }
    const char *stamp = jx_wsi_stamp(a, sc, framework, &y, &t, &jd);
    struct jx_stmt *st = jx_wsi_prepare_unit(
        s, "SELECT v.id, c.detail FROM versions v LEFT JOIN scores c"
           " ON c.version = v.id AND c.kind = 'assessment'"
           " WHERE v.unit = ? AND v.year = ? AND v.object = ?"
           " ORDER BY v.number DESC LIMIT 1",
        unit, year);
    if (!st) {
        return -1;
    }
    enum jx_step sr = jx_stmt_step(st);
    int64_t vid = sr == JX_STEP_ROW ? jx_stmt_int(st, 0) : 0;
    bool fresh = false;
    if (sr == JX_STEP_ROW && !jx_stmt_isnull(st, 1)) {
        json_error_t err;
        json_t *o = json_loads(jx_stmt_text(st, 1), 0, &err);
        const char *got = json_string_value(json_object_get(o, "stamp"));
        fresh = got && strcmp(got, stamp) == 0;
        json_decref(o);
    }
    jx_stmt_finalize(st);
    if (sr == JX_STEP_ERROR) {
        return -1;
    }
    if (vid == 0 || fresh) {
        return 0;
    }
    st = jx_stmt_prepare(s, "SELECT package FROM versions WHERE id = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, vid);
    sr = jx_stmt_step(st);
    const char *pkgtext = sr == JX_STEP_ROW ? jx_strdup(a, jx_stmt_text(st, 0))
                                            : NULL;
    jx_stmt_finalize(st);
    if (sr == JX_STEP_ERROR) {
        return -1;
    }
    if (!pkgtext) {
        return 0;
    }
    struct jx_diags pd;
    jx_diags_init(&pd, a);
    struct jx_package *pkg =
        jx_pkgjson_load(a, unit, pkgtext, strlen(pkgtext), &pd);
    int rc = 0;
    if (pkg) {
        struct jx_fw_result *res =
            jx_wf_assess(a, sc->fw, pkg, &y, rows, n, sc->cal,
                         jd.overrides, &pd);
        rc = save_row(s, vid, "assessment", jx_fw_result_total_text(a, res),
                      res->grade, assess_encode(a, res, stamp));
        if (rc == 0 && changed) {
            *changed = true;
        }
    }
    jx_diags_release(&pd);
    return rc;
}

/* Write version vid's 'self' row from its evaluation: 0, or -1. */
static int self_refresh(struct jx_store *s, int64_t vid)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT evaluation FROM versions WHERE id = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, vid);
    struct jx_arena *a = jx_arena_new();
    enum jx_step r = jx_stmt_step(st);
    const char *ev =
        r == JX_STEP_ROW ? jx_strdup(a, jx_stmt_text(st, 0)) : NULL;
    jx_stmt_finalize(st);
    int rc = r == JX_STEP_ERROR ? -1 : jx_wsi_self_save(s, vid, ev);
    jx_arena_free(a);
    return rc;
}

/* See wsflow.h. */
int jx_ws_rescore(struct jx_store *s, int year, const char *fwdir,
                  const char *caldir, size_t *nwritten, struct jx_diags *d)
{
    return jx_ws_rescore_batched(s, year, fwdir, caldir, 0, NULL, NULL,
                                 nwritten, d);
}

/* See wsflow.h. */
int jx_ws_rescore_batched(struct jx_store *s, int year, const char *fwdir,
                          const char *caldir, size_t batch,
                          bool (*progress)(void *ctx, size_t done,
                                           size_t total),
                          void *ctx, size_t *nwritten, struct jx_diags *d)
{
    *nwritten = 0;
    struct jx_arena *a = jx_arena_new();
    struct jx_wf_year y;
    const char *framework;
    int rc = jx_wsi_load_year(a, s, year, &y, &framework);
    if (rc != 0) {
        jx_arena_free(a);
        return rc < 0 ? -1 : 0;
    }
    struct jx_diags fd;
    jx_diags_init(&fd, a);
    struct jx_wsi_scoring sc;
    jx_wsi_scoring_open(a, fwdir, caldir, framework, &sc, &fd);
    jx_diags_release(&fd);
    if (!sc.fw) {
        jx_arena_free(a);
        return 0;
    }
    if (jx_store_begin(s) < 0) {
        jx_arena_free(a);
        return -1;
    }
    /* the units with a version and, for 'self', the versions without one */
    struct jx_stmt *st = jx_stmt_prepare(
        s, "SELECT DISTINCT unit FROM versions WHERE year = ? AND object = ?"
           " ORDER BY unit");
    char **units = NULL;
    size_t n = 0, cap = 0;
    enum jx_step sr = JX_STEP_ERROR;
    if (st) {
        jx_stmt_bind_int(st, 1, year);
        jx_stmt_bind_text(st, 2, JX_WSI_OBJECT);
        while ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
            units = jx_arena_grow(a, units, n, &cap, sizeof *units);
            units[n++] = jx_strdup(a, jx_stmt_text(st, 0));
        }
        jx_stmt_finalize(st);
    }
    rc = sr == JX_STEP_DONE ? 0 : -1;
    bool go = !progress || progress(ctx, 0, n);
    for (size_t i = 0; rc == 0 && go && i < n; i++) {
        struct jx_arena *ua = jx_arena_new();
        bool changed = false;
        rc = jx_wsi_rescore_unit(ua, s, units[i], year, &sc, &changed);
        *nwritten += changed;
        jx_arena_free(ua);
        if (rc == 0 && batch && (i + 1) % batch == 0 && i + 1 < n) {
            /* a batch done: committed, so that writers are not kept
               waiting behind the whole year */
            rc = jx_store_commit(s) == 0 && jx_store_begin(s) == 0 ? 0 : -1;
        }
        go = rc != 0 || !progress || progress(ctx, i + 1, n);
    }
    if (!go) {
        /* stopped: what is done is kept (each row is right on its own) */
        rc = jx_store_commit(s) == 0 ? 0 : -1;
        if (rc != 0) {
            jx_store_rollback(s);
        }
        jx_arena_free(a);
        return rc;
    }
    if (rc == 0) {
        st = jx_stmt_prepare(
            s, "SELECT v.id FROM versions v WHERE v.year = ?"
               " AND NOT EXISTS (SELECT 1 FROM scores c WHERE"
               " c.version = v.id AND c.kind = 'self')");
        rc = -1;
        if (st) {
            jx_stmt_bind_int(st, 1, year);
            int64_t *ids = NULL;
            size_t m = 0, capi = 0;
            while ((sr = jx_stmt_step(st)) == JX_STEP_ROW) {
                ids = jx_arena_grow(a, ids, m, &capi, sizeof *ids);
                ids[m++] = jx_stmt_int(st, 0);
            }
            jx_stmt_finalize(st);
            rc = sr == JX_STEP_DONE ? 0 : -1;
            for (size_t i = 0; rc == 0 && i < m; i++) {
                rc = self_refresh(s, ids[i]);
                *nwritten += rc == 0;
            }
        }
    }
    if (rc == 0 && jx_store_commit(s) == 0) {
        jx_arena_free(a);
        return 0;
    }
    jx_store_rollback(s);
    (void)d;
    jx_arena_free(a);
    return -1;
}
