/*
 * web_public.c - what the public reads (issue 14, second round): a
 * published unit's 自评报告 as HTML (the report layer's HTML writer, from
 * the published version's stored Package JSON read through the
 * pipeline), and the year's open data as JSON and CSV (published units
 * only; docs/portal.md has the schema).  Anything not 已公开 answers the
 * same 404 as an absent unit.  Strings are copied into the response by
 * web_html.c's send functions.
 */
#include "web/web_pages.h"
#include "web/web_cache.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jixiao/pipeline.h"
#include "jixiao/report.h"
#include "jixiao/wsflow.h"

/* The report's policy: its <style> and style attributes are inline, it
 * has no script at all. */
#define REPORT_CSP                                                           \
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "       \
    "frame-ancestors 'none'"

/* One published unit of a year. */
struct pub {
    const char *code, *name, *supervisor, *region;
    const char *published;    /* date of the last 公开, Beijing time */
    int version;
    const char *sha256;
    const char *package;      /* only when asked for */
    const char *self, *assess;
};

/* The units whose 整体 is 已公开 in year (only unit when not NULL), by
 * code, into *out (arena): count, or -1. */
static long published(struct jx_web_ctx *c, const char *unit, bool package,
                      struct pub **out)
{
    /* one unit: by the states' key (an OR with "? IS NULL" would scan
     * the year's states) */
    struct jx_stmt *st = jx_stmt_prepare(
        c->s,
        jx_sprintf(c->a,
                   "SELECT u.code, u.name, u.supervisor, u.region, v.number,"
                   " v.sha256, (SELECT MAX(a.at) FROM audit a"
                   "  WHERE a.unit = u.code AND a.year = st.year"
                   "  AND a.object = st.object AND a.action = 'publish'),"
                   " CASE WHEN ? = 1 THEN v.package END"
                   " FROM states st JOIN units u ON u.code = st.unit"
                   " JOIN versions v ON v.id = st.version"
                   " WHERE st.year = ? AND st.object = 'whole'"
                   " AND st.state = 'published'%s ORDER BY u.code",
                   unit ? " AND st.unit = ?" : ""));
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, package ? 1 : 0);
    jx_stmt_bind_int(st, 2, c->year);
    if (unit) {
        jx_stmt_bind_text(st, 3, unit);
    }
    size_t n = 0, cap = 0;
    struct pub *p = NULL;
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        p = jx_arena_grow(c->a, p, n, &cap, sizeof *p);
        struct pub *u = &p[n++];
        memset(u, 0, sizeof *u);
        u->code = jx_strdup(c->a, jx_stmt_text(st, 0));
        u->name = jx_strdup(c->a, jx_stmt_text(st, 1));
        u->supervisor = jx_stmt_isnull(st, 2) ? NULL
                                              : jx_strdup(c->a, jx_stmt_text(st, 2));
        u->region = jx_stmt_isnull(st, 3) ? NULL
                                          : jx_strdup(c->a, jx_stmt_text(st, 3));
        u->version = (int)jx_stmt_int(st, 4);
        u->sha256 = jx_strdup(c->a, jx_stmt_text(st, 5));
        const char *at = jx_stmt_text(st, 6);
        int64_t t;
        if (at && jx_wf_time_parse(at, strlen(at), &t) == 0) {
            char b[JX_WF_TIME_BUFSZ];
            jx_wf_time_format(t + JX_WF_TZ_OFFSET, b);
            u->published = jx_strndup(c->a, b, 10);
        }
        u->package = jx_stmt_isnull(st, 7) ? NULL
                                           : jx_strdup(c->a, jx_stmt_text(st, 7));
    }
    jx_stmt_finalize(st);
    *out = p;
    return r == JX_STEP_DONE ? (long)n : -1;
}

/* The unit code of st: a binary search (the units come in the
 * database's code order), else a scan (a collation other than the
 * bytes'); NULL when absent. */
static const struct jx_ws_unit_status *unit_in(const struct jx_ws_status *st,
                                               const char *code)
{
    size_t lo = 0, hi = st->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(st->units[mid].code, code);
        if (r == 0) {
            return &st->units[mid];
        }
        if (r < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (size_t k = 0; k < st->n; k++) {
        if (strcmp(st->units[k].code, code) == 0) {
            return &st->units[k];
        }
    }
    return NULL;
}

/* The year's published units with their 自评分 and 考核分 (from
 * jx_ws_status, as the year overview shows them): count, 0 also when
 * the year is not set up (*known false), or -1. */
static long open_rows(struct jx_web_ctx *c, struct pub **out, bool *known)
{
    int y = jx_web_year_exists(c->s, c->year, NULL);
    *known = y > 0;
    if (y <= 0) {
        return y;
    }
    long n = published(c, NULL, false, out);
    if (n <= 0) {
        return n;
    }
    /* the year's status from the overview's cache (web_cache.c) */
    const struct jx_web_year *yr = NULL;
    if (jx_web_year_get(c->app, c->s, c->year, c->sess.gen, &yr) != 0) {
        return -1;
    }
    const struct jx_ws_status *st = &yr->st;
    for (long i = 0; i < n; i++) {
        const struct jx_ws_unit_status *u = unit_in(st, (*out)[i].code);
        if (u) {
            const char *self = u->self_value ? u->self_value : u->self_stated;
            (*out)[i].self = self ? jx_strdup(c->a, self) : NULL;
            (*out)[i].assess =
                u->assess_total ? jx_strdup(c->a, u->assess_total) : NULL;
        }
    }
    jx_web_year_put(c->app, yr);
    return n;
}

/* See web_pages.h. */
int jx_web_page_report(struct jx_web_ctx *c)
{
    struct pub *p;
    long n = published(c, c->unit, false, &p);
    if (n < 0) {
        return -1;
    }
    if (n == 0) {
        jx_web_not_found(c);
        return 0;
    }
    /* the report of a version is the same every time: kept by what
     * names it (web_cache.c) */
    const char *key = jx_sprintf(c->a, "report|%d|%s|%d|%s", c->year,
                                 p[0].code, p[0].version, p[0].sha256);
    if (jx_web_blob_send(c->app, key, c->resp, "text/html; charset=utf-8")) {
        c->csp = REPORT_CSP;
        return 0;
    }
    n = published(c, c->unit, true, &p); /* again, with the package */
    if (n < 0) {
        return -1;
    }
    if (n == 0 || !p[0].package) {
        jx_web_not_found(c);
        return 0;
    }
    struct jx_run_opts ro;
    jx_run_opts_default(&ro);
    ro.fwdir = c->app->cfg.fwdir;
    ro.caldir = c->app->cfg.caldir;
    struct jx_run *run = jx_run_new(&ro);
    size_t len = strlen(p[0].package);
    char *copy = malloc(len + 1);
    if (!copy) {
        jx_run_free(run);
        return -1;
    }
    memcpy(copy, p[0].package, len + 1);
    struct jx_result *in = jx_run_data(
        run, jx_sprintf(c->a, "%s-%d.json", p[0].code, c->year), copy, len,
        NULL);
    int rc = 0;
    if (in->status != JX_INPUT_OK) {
        rc = -1; /* a stored version always loads */
    } else {
        struct jx_report_opts o = {.with_derivations = true};
        struct jx_report_doc *doc =
            jx_report_build(in->arena, in->pkg, in->ev, &in->diags, &o);
        struct jx_buf out;
        jx_buf_init(&out, JX_REPORT_MAX_BYTES);
        struct jx_diags d;
        jx_diags_init(&d, c->a);
        if (jx_report_html(doc, &out, &d) < 0) {
            rc = -1;
        } else {
            jx_web_send_bytes(c->resp, 200, "text/html; charset=utf-8", out.p,
                              out.len);
            c->csp = REPORT_CSP;
            jx_web_blob_keep(c->app, key, out.p, out.len);
        }
        jx_diags_release(&d);
        jx_buf_release(&out);
    }
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}

/* A JSON string, or null for NULL. */
static json_t *jstr_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* See web_pages.h. */
int jx_web_page_open_json(struct jx_web_ctx *c)
{
    struct pub *p = NULL;
    bool known;
    long n = open_rows(c, &p, &known);
    if (n < 0) {
        return -1;
    }
    if (!known) {
        jx_web_not_found(c);
        return 0;
    }
    json_t *root = json_object();
    json_object_set_new(root, "format", json_string("jixiao-open-data"));
    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "year", json_integer(c->year));
    json_t *units = json_array();
    for (long i = 0; i < n; i++) {
        json_t *u = json_object();
        json_object_set_new(u, "code", json_string(p[i].code));
        json_object_set_new(u, "name", json_string(p[i].name));
        json_object_set_new(u, "supervisor", jstr_or_null(p[i].supervisor));
        json_object_set_new(u, "region", jstr_or_null(p[i].region));
        json_object_set_new(u, "published", jstr_or_null(p[i].published));
        json_object_set_new(u, "version", json_integer(p[i].version));
        json_object_set_new(u, "self_score", jstr_or_null(p[i].self));
        json_object_set_new(u, "assessment_score", jstr_or_null(p[i].assess));
        json_object_set_new(u, "sha256", json_string(p[i].sha256));
        json_array_append_new(units, u);
    }
    json_object_set_new(root, "units", units);
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!text) {
        return -1;
    }
    jx_web_send_bytes(c->resp, 200, "application/json; charset=utf-8", text,
                      strlen(text));
    free(text);
    return 0;
}

/* See web_pages.h. */
int jx_web_page_open_csv(struct jx_web_ctx *c)
{
    struct pub *p = NULL;
    bool known;
    long n = open_rows(c, &p, &known);
    if (n < 0) {
        return -1;
    }
    if (!known) {
        jx_web_not_found(c);
        return 0;
    }
    struct jx_html h;
    jx_html_init(&h);
    jx_html(&h, "%R", "\xEF\xBB\xBF"); /* the BOM, for spreadsheet programs */
    static const char *const head[] = {"编码", "名称", "主管部门", "区域",
                                       "公开日期", "版本", "自评分", "考核分",
                                       "SHA-256"};
    jx_web_csv_row(&h, head, 9);
    for (long i = 0; i < n; i++) {
        const char *row[9] = {p[i].code,      p[i].name,
                              p[i].supervisor, p[i].region,
                              p[i].published, jx_sprintf(c->a, "%d", p[i].version),
                              p[i].self,      p[i].assess,
                              p[i].sha256};
        jx_web_csv_row(&h, row, 9);
    }
    jx_web_send_text(c->resp, 200, "text/csv; charset=utf-8", &h);
    jx_web_set_header(c->resp, "Content-Disposition",
                      jx_sprintf(c->a, "attachment; filename=\"open-%d.csv\"",
                                 c->year));
    jx_html_release(&h);
    return 0;
}
