/*
 * bench_check.c - packages checked and scored per second (issue 4).
 *
 * Draws N packages with the test generator (tests/gen/pkggen.c: 1–4
 * project lines, 0–4 project sheets, a ten-section report, sometimes a
 * 考核评分表), keeps their Package JSON text in memory, then for each
 * round loads, scores and cross-checks every one of them, as `jixiao
 * check` does.  Prints packages per second, findings, the mean input
 * size and the peak resident memory of the process.  With a directory
 * as third argument it also writes the packages there (for timing the
 * command line on the same inputs, see bench/run).
 *
 * Usage: bench-check N ROUNDS [DIR]
 */
#include "jixiao/check.h"
#include "jixiao/pkgjson.h"
#include "jixiao/score.h"

#include "../tests/gen/pkggen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* Seconds on the monotonic clock (for reporting only: nothing here
 * touches the numbers of a package). */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Generate, then time load + score + check over every package. */
int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-check N ROUNDS [DIR]\n");
        return 2;
    }
    size_t n = strtoul(argv[1], NULL, 10);
    int rounds = atoi(argv[2]);
    char **text = calloc(n, sizeof *text);
    size_t *len = calloc(n, sizeof *len);
    if (!text || !len || !n || rounds < 1) {
        return 2;
    }
    size_t bytes = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *p = jx_gen_package(i + 1, NULL);
        text[i] = json_dumps(p, JSON_INDENT(2));
        json_decref(p);
        if (!text[i]) {
            return 2;
        }
        len[i] = strlen(text[i]);
        bytes += len[i];
        if (argc > 3) {
            char path[4096];
            snprintf(path, sizeof path, "%s/gen-%05zu.json", argv[3], i + 1);
            FILE *f = fopen(path, "w");
            if (!f || fwrite(text[i], 1, len[i], f) != len[i] || fclose(f)) {
                fprintf(stderr, "cannot write %s\n", path);
                return 3;
            }
        }
    }
    struct jx_policy pol;
    struct jx_check_config cfg;
    jx_policy_default(&pol);
    jx_check_config_default(&cfg);
    size_t findings = 0, errors = 0;
    double t0 = now();
    for (int r = 0; r < rounds; r++) {
        for (size_t i = 0; i < n; i++) {
            struct jx_arena *a = jx_arena_new();
            struct jx_diags d;
            jx_diags_init(&d, a);
            struct jx_package *pkg =
                jx_pkgjson_load(a, "gen.json", text[i], len[i], &d);
            if (!pkg) {
                fprintf(stderr, "package %zu does not load\n", i + 1);
                return 1;
            }
            const struct jx_eval *ev = jx_score(a, pkg, &pol, &d);
            jx_check(a, pkg, ev, &cfg, &d);
            findings += d.n;
            errors += jx_diags_errors(&d);
            jx_diags_release(&d);
            jx_arena_free(a);
        }
    }
    double secs = now() - t0;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("jixiao in-process: %zu packages x %d rounds in %.3f s: "
           "%.0f packages/s, %.2f ms each; mean input %.1f KB; "
           "%zu findings per round (%zu errors); peak RSS %ld KB\n",
           n, rounds, secs, (double)n * rounds / secs,
           secs * 1000 / ((double)n * rounds), (double)bytes / (double)n / 1024,
           findings / (size_t)rounds, errors / (size_t)rounds, ru.ru_maxrss);
    for (size_t i = 0; i < n; i++) {
        free(text[i]);
    }
    free(text);
    free(len);
    return 0;
}
