/*
 * bench_parse.c - the floor under `check` (issue 15, "parse once").
 *
 * Writes N generated packages (tests/gen/pkggen.c) to DIR, then, over
 * the same files in one run and ROUNDS times interleaved, times:
 *   read     reading each file into memory (jx_read_file);
 *   jansson  read + jansson's parse alone (json_loadb, no positions);
 *   onepass  read + jx_jdoc_parse: the values and every key's and
 *            value's position, with the Package JSON limits;
 *   twopass  read + jx_jdoc_parse the way it went before the one pass
 *            (repairing_only: jansson, then the walk for positions);
 *   check    what `jixiao check FILE...` does per file in one process:
 *            jx_run_file (read, detect, load, score, check, locate,
 *            sort) and every finding formatted, written to /dev/null.
 * Prints the median time per package of each, on the wall clock and in
 * this thread's CPU time (the steadier figure on a shared machine), and
 * check / onepass by both.
 *
 * Usage: bench-parse N ROUNDS DIR [PHASE]
 * With PHASE (one of the names above) only that phase runs, ROUNDS
 * times, for a profiler (perf record, callgrind) to see it alone.
 */
#include "jixiao/diag.h"
#include "jixiao/pipeline.h"
#include "jixiao/pkgjson.h"

#include "base/base_json.h"

#include "../tests/gen/pkggen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { PHASES = 5, MAX_ROUNDS = 101 };

/* Seconds on the monotonic clock (for reporting only). */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* This thread's CPU seconds: what a phase cost, whatever else the
 * machine runs (wall time moves with the other jobs' load). */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* qsort comparison of doubles. */
static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Read path into a malloc'd buffer (the caller frees it); exits on
 * failure. */
static char *slurp(const char *path, size_t *len)
{
    char *t = NULL;
    if (jx_read_file(path, (size_t)1 << 30, &t, len) != 0) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(3);
    }
    return t;
}

/* One phase over every file; returns a checksum so nothing is
 * optimised away. */
static size_t phase(int which, char **paths, size_t n, struct jx_run *run,
                    FILE *sink)
{
    size_t sum = 0;
    struct jx_jlimits lim = {64, JX_PKGJSON_MAX_DEPTH, JX_PKGJSON_MAX_BYTES, false};
    /* as `jixiao check` asks (cmd_check.c): only the findings, the
       scoring's derivations not written (jx_score_brief) */
    const struct jx_input_opts check_opts = {.findings_only = true};
    for (size_t i = 0; i < n; i++) {
        if (which == 4) {
            struct jx_result *in = jx_run_file(run, paths[i], &check_opts);
            struct jx_buf b;
            jx_buf_init(&b, SIZE_MAX);
            for (size_t k = 0; k < in->diags.n; k++) {
                jx_diag_format(&b, &in->diags.a[k]);
                jx_buf_addc(&b, '\n');
            }
            fwrite(b.p, 1, b.len, sink);
            sum += in->diags.n + (size_t)in->status;
            jx_buf_release(&b);
            jx_result_free(in);
            continue;
        }
        size_t len;
        char *t = slurp(paths[i], &len);
        if (which == 0) {
            sum += (unsigned char)t[len / 2];
        } else if (which == 1) {
            json_error_t err;
            json_t *r = json_loadb(t, len, JSON_DECODE_ANY, &err);
            sum += r ? json_object_size(r) : 0;
            json_decref(r);
        } else {
            struct jx_arena *a = jx_arena_new();
            lim.repairing_only = which == 3;
            struct jx_jdoc *d = jx_jdoc_parse(a, t, len, &lim);
            sum += jx_jdoc_root(d) ? json_object_size(jx_jdoc_root(d)) : 0;
            jx_jdoc_free(d);
            jx_arena_free(a);
        }
        free(t);
    }
    return sum;
}

/* Generate the files, then time the phases interleaved. */
int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench-parse N ROUNDS DIR [PHASE]\n");
        return 2;
    }
    size_t n = strtoul(argv[1], NULL, 10);
    int rounds = atoi(argv[2]);
    if (!n || rounds < 1 || rounds > MAX_ROUNDS) {
        return 2;
    }
    char **paths = calloc(n, sizeof *paths);
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *p = jx_gen_package(i + 1, NULL);
        char *text = json_dumps(p, JSON_INDENT(2));
        json_decref(p);
        char path[4096];
        snprintf(path, sizeof path, "%s/gen-%05zu.json", argv[3], i + 1);
        FILE *f = fopen(path, "w");
        size_t len = text ? strlen(text) : 0;
        if (!text || !f || fwrite(text, 1, len, f) != len || fclose(f)) {
            fprintf(stderr, "cannot write %s\n", path);
            return 3;
        }
        bytes += len;
        free(text);
        paths[i] = strdup(path);
    }
    FILE *sink = fopen("/dev/null", "w");
    struct jx_run_opts o;
    jx_run_opts_default(&o);
    struct jx_run *run = jx_run_new(&o);
    static const char *const names[PHASES] = {"read", "jansson", "onepass",
                                              "twopass", "check"};
    int only = -1;
    for (int p = 0; argc > 4 && p < PHASES; p++) {
        if (strcmp(argv[4], names[p]) == 0) {
            only = p;
        }
    }
    if (argc > 4 && only < 0) {
        fprintf(stderr, "bench-parse: no phase %s\n", argv[4]);
        return 2;
    }
    double t[PHASES][MAX_ROUNDS], c[PHASES][MAX_ROUNDS];
    size_t sums[PHASES] = {0};
    phase(4, paths, n < 20 ? n : 20, run, sink); /* warm up */
    for (int r = 0; r < rounds; r++) {
        for (int p = 0; p < PHASES; p++) {
            if (only >= 0 && p != only) {
                t[p][r] = c[p][r] = 0;
                continue;
            }
            double t0 = now(), c0 = cpu_now();
            sums[p] += phase(p, paths, n, run, sink);
            c[p][r] = (cpu_now() - c0) * 1000 / (double)n;
            t[p][r] = (now() - t0) * 1000 / (double)n;
        }
    }
    double med[PHASES], cmed[PHASES];
    for (int p = 0; p < PHASES; p++) {
        qsort(t[p], (size_t)rounds, sizeof t[p][0], cmp_d);
        qsort(c[p], (size_t)rounds, sizeof c[p][0], cmp_d);
        med[p] = t[p][rounds / 2];
        cmed[p] = c[p][rounds / 2];
        printf("%-8s median %.4f ms/package (min %.4f, max %.4f); "
               "CPU median %.4f (min %.4f)\n",
               names[p], med[p], t[p][0], t[p][rounds - 1], cmed[p], c[p][0]);
    }
    printf("%zu packages, mean %.1f KB, %d rounds; check/onepass %.2f "
           "(CPU %.2f), onepass/jansson %.2f, check/jansson %.2f "
           "(checksums %zu %zu)\n",
           n, (double)bytes / (double)n / 1024, rounds, med[4] / med[2],
           cmed[4] / cmed[2], med[2] / med[1], med[4] / med[1], sums[1],
           sums[4]);
    jx_run_free(run);
    fclose(sink);
    for (size_t i = 0; i < n; i++) {
        free(paths[i]);
    }
    free(paths);
    return 0;
}
