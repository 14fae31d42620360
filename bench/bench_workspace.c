/*
 * bench_workspace.c - load a workspace at a province's scale in one
 * process (issue 13, bench/run-workspace): make the workspace (a SQLite
 * directory, or with --db a PostgreSQL URL and DIR for the file store),
 * import N units, set Y years, and for each year submit every unit's
 * generated package (tests/gen/pkggen.c) through the library as `jixiao
 * submit` does minus the process: the pipeline reads the Package JSON
 * text (jx_run_data), its Package JSON and Evaluation JSON and the
 * original go to jx_ws_submit, one transaction each.  Then per year the
 * bureau takes and accepts every fifth unit, takes and returns the next,
 * and takes the one after.  Prints the counts and the rates; `status`
 * and `export` are timed through the command line by the script.
 *
 * Times are recorded as an administrator's --at would (backdated): the
 * 送审 of unit i in year y on (y+1)-07-(08 + i mod 12), some after the
 * 报送 deadline (y+1)-07-15; the bureau's acts on (y+1)-07-25.
 *
 * Usage: bench-workspace [--db URL] --units N --years Y [--first-year Y0]
 *                        DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "../tests/gen/pkggen.h"
#include "jixiao/framework.h"
#include "jixiao/pipeline.h"
#include "jixiao/pkgjson.h"
#include "jixiao/score.h"
#include "jixiao/store.h"
#include "jixiao/workspace.h"
#include "jixiao/wsflow.h"

/* The framework every year uses (bundled). */
#define FRAMEWORK "yueyang-louqu-2025"

/* Seconds since an arbitrary start (monotonic). */
static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Print d's diagnostics on stderr. */
static void print_diags(const struct jx_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        fprintf(stderr, "bench-workspace: %s %s\n", d->a[i].code,
                d->a[i].msg);
    }
}

/* The UTC time of "YYYY-MM-DDTHH:MM:SSZ" built from its parts. */
static int64_t utc(int y, int m, int d, int hh)
{
    char t[32];
    snprintf(t, sizeof t, "%04d-%02d-%02dT%02d:00:00Z", y, m, d, hh);
    int64_t v = 0;
    jx_wf_time_parse(t, strlen(t), &v);
    return v;
}

/* The options. */
struct opts {
    const char *db, *dir;
    size_t units;
    int years, first;
};

/* Read the command line into o: 0, or -1 after a usage line. */
static int read_opts(int argc, char **argv, struct opts *o)
{
    memset(o, 0, sizeof *o);
    o->first = 2022;
    for (int i = 1; i < argc; i++) {
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(argv[i], "--db") == 0 && v) {
            o->db = v;
            i++;
        } else if (strcmp(argv[i], "--units") == 0 && v) {
            o->units = strtoul(v, NULL, 10);
            i++;
        } else if (strcmp(argv[i], "--years") == 0 && v) {
            o->years = atoi(v);
            i++;
        } else if (strcmp(argv[i], "--first-year") == 0 && v) {
            o->first = atoi(v);
            i++;
        } else if (argv[i][0] != '-' && !o->dir) {
            o->dir = argv[i];
        } else {
            o->dir = NULL;
            break;
        }
    }
    if (!o->dir || !o->units || o->units > 900000 || o->years < 1 ||
        o->years > 50 || o->first < 1990 || o->first + o->years > 2990) {
        fprintf(stderr, "usage: bench-workspace [--db URL] --units N --years Y"
                        " [--first-year Y0] DIR\n");
        return -1;
    }
    return 0;
}

/* Make the workspace, the units, the years and the users: the open
 * store, or NULL. */
static struct jx_store *setup(const struct opts *o, json_t **unitjs,
                              struct jx_diags *d)
{
    if (jx_workspace_init(o->dir, o->db, d) < 0) {
        return NULL;
    }
    struct jx_store_opts so = {.migrate = true};
    if (o->db) {
        so.files_dir = jx_sprintf(d->arena, "%s/%s", o->dir, JX_WORKSPACE_FILES);
    }
    struct jx_store *s = jx_store_open(o->db ? o->db : o->dir, &so, d);
    if (!s) {
        return NULL;
    }
    struct jx_ws_unit *units = jx_alloc_array(d->arena, o->units, sizeof *units);
    for (size_t i = 0; i < o->units; i++) {
        json_t *u = jx_gen_package(i + 1, NULL);
        json_t *unit = json_object_get(u, "unit");
        char code[32];
        snprintf(code, sizeof code, "%06zu", 100000 + i + 1);
        json_object_set_new(unit, "code", json_string(code));
        unitjs[i] = json_incref(unit);
        json_decref(u);
        units[i].code = jx_strdup(d->arena, code);
        units[i].name = jx_sprintf(d->arena, "%s%zu",
                                   json_string_value(json_object_get(unit, "name")),
                                   i + 1);
        json_object_set_new(unit, "name", json_string(units[i].name));
        units[i].supervisor = jx_strdup(
            d->arena, json_string_value(json_object_get(unit, "supervisor")));
        units[i].region = jx_strdup(
            d->arena, json_string_value(json_object_get(unit, "region")));
    }
    struct jx_ws_import_counts c;
    int64_t id;
    if (jx_ws_units_save(s, units, o->units, &c, d) < 0 ||
        jx_ws_user_add(s, "管理员", "admin", NULL, &id, d) < 0) {
        jx_store_close(s);
        return NULL;
    }
    for (int k = 0; k < o->years; k++) {
        struct jx_ws_year y;
        memset(&y, 0, sizeof y);
        y.year = o->first + k;
        y.framework = FRAMEWORK;
        y.submit_by = (struct jx_cal_date){y.year + 1, 7, 15};
        y.publish_by = (struct jx_cal_date){y.year + 1, 7, 30};
        bool created;
        if (jx_ws_year_set(s, &y, jx_framework_default_dir(d->arena), &created,
                           d) < 0) {
            jx_store_close(s);
            return NULL;
        }
    }
    return s;
}

/* Submit unit i's package for year through the pipeline and the
 * library: 0, or -1 after a message. */
static int submit_one(struct jx_store *s, struct jx_run *run, json_t *unit,
                      size_t i, size_t nunits, int k, int year,
                      struct jx_diags *d)
{
    json_t *p = jx_gen_package((uint64_t)k * nunits + i + 1 + 7000000, NULL);
    json_object_set(p, "unit", unit);
    json_object_set_new(p, "year", json_integer(year));
    char *text = json_dumps(p, JSON_INDENT(2));
    json_decref(p);
    if (!text) {
        return -1;
    }
    const char *code = json_string_value(json_object_get(unit, "code"));
    char name[64];
    snprintf(name, sizeof name, "gen-%s-%d.json", code, year);
    struct jx_ws_file f = {name, text, strlen(text)};
    char *copy = malloc(f.len + 1);
    if (!copy) {
        free(text);
        return -1;
    }
    memcpy(copy, text, f.len + 1);
    struct jx_result *in = jx_run_data(run, name, copy, f.len, NULL);
    struct jx_buf pkg, ev;
    jx_buf_init(&pkg, 1u << 30);
    jx_buf_init(&ev, 1u << 30);
    int rc = -1;
    if (in->status == JX_INPUT_OK && jx_pkgjson_save(in->pkg, &pkg) == 0 &&
        jx_eval_json(in->ev, &in->diags, &ev) == 0) {
        struct jx_ws_who who = {"管理员", (int64_t)time(NULL), true,
                                utc(year + 1, 7, 8 + (int)(i % 12), 2), NULL};
        struct jx_ws_done done;
        rc = jx_ws_submit(s, code, year, &f, 1, pkg.p, ev.p, &who, &done, d)
                 == 0 ? 0 : -1;
    }
    if (rc < 0) {
        fprintf(stderr, "bench-workspace: %s %d not submitted\n", code, year);
        print_diags(d);
    }
    jx_buf_release(&pkg);
    jx_buf_release(&ev);
    jx_result_free(in);
    free(text);
    return rc;
}

/* The bureau's acts on unit code in year: every fifth taken and
 * accepted, the next taken and returned, the next taken.  Adds the acts
 * done to *nacts; 0, or -1. */
static int acts_one(struct jx_store *s, const char *code, size_t i, int year,
                    size_t *nacts, size_t *naccepted, size_t *nreturned,
                    struct jx_diags *d)
{
    enum jx_wf_action seq[2];
    size_t n = 0;
    switch (i % 5) {
    case 0:
        seq[n++] = JX_WF_TAKE;
        seq[n++] = JX_WF_APPROVE;
        (*naccepted)++;
        break;
    case 1:
        seq[n++] = JX_WF_TAKE;
        seq[n++] = JX_WF_RETURN;
        (*nreturned)++;
        break;
    case 2:
        seq[n++] = JX_WF_TAKE;
        break;
    default:
        return 0;
    }
    for (size_t k = 0; k < n; k++) {
        struct jx_ws_who who = {"管理员", (int64_t)time(NULL), true,
                                utc(year + 1, 7, 25, 1 + (int)k), NULL};
        struct jx_ws_done done;
        if (jx_ws_act(s, code, year, seq[k],
                      seq[k] == JX_WF_RETURN ? "请补充偏差原因" : NULL, &who,
                      &done, d) != 0) {
            fprintf(stderr, "bench-workspace: act on %s %d refused\n", code,
                    year);
            print_diags(d);
            return -1;
        }
        (*nacts)++;
    }
    return 0;
}

/* Load the workspace and print what was done and how fast. */
int main(int argc, char **argv)
{
    struct opts o;
    if (read_opts(argc, argv, &o) < 0) {
        return 2;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    json_t **unitjs = jx_alloc_array(a, o.units, sizeof *unitjs);
    double t0 = seconds();
    struct jx_store *s = setup(&o, unitjs, &d);
    if (!s) {
        print_diags(&d);
        return 1;
    }
    double t1 = seconds();
    struct jx_run_opts ro;
    jx_run_opts_default(&ro);
    struct jx_run *run = jx_run_new(&ro);
    size_t nsub = 0, nacts = 0, nacc = 0, nret = 0;
    double tsub = 0, tact = 0;
    int rc = 0;
    for (int k = 0; k < o.years && rc == 0; k++) {
        int year = o.first + k;
        double ts = seconds();
        for (size_t i = 0; i < o.units && rc == 0; i++) {
            size_t from = d.n;
            rc = submit_one(s, run, unitjs[i], i, o.units, k, year, &d);
            d.n = from;
            nsub += rc == 0;
            if (nsub % 1000 == 0) {
                fprintf(stderr, "bench-workspace: %zu submitted (%.0f s)\n",
                        nsub, seconds() - t1);
            }
        }
        double ta = seconds();
        tsub += ta - ts;
        for (size_t i = 0; i < o.units && rc == 0; i++) {
            const char *code =
                json_string_value(json_object_get(unitjs[i], "code"));
            size_t from = d.n;
            rc = acts_one(s, code, i, year, &nacts, &nacc, &nret, &d);
            d.n = from;
        }
        tact += seconds() - ta;
    }
    printf("units %zu, years %d (%d-%d), setup %.1f s\n", o.units, o.years,
           o.first, o.first + o.years - 1, t1 - t0);
    printf("submissions %zu in %.1f s: %.1f per second (one process,"
           " pipeline and store)\n",
           nsub, tsub, tsub > 0 ? (double)nsub / tsub : 0.0);
    printf("acts %zu in %.1f s: %.1f per second (accepted %zu, returned %zu"
           " per all years)\n",
           nacts, tact, tact > 0 ? (double)nacts / tact : 0.0, nacc, nret);
    jx_run_free(run);
    jx_store_close(s);
    for (size_t i = 0; i < o.units; i++) {
        json_decref(unitjs[i]);
    }
    jx_arena_free(a);
    return rc == 0 ? 0 : 1;
}
