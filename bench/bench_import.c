/*
 * bench_import.c - import throughput: read every DOCX/XLSX file given,
 * turn it into the neutral document R times, and print documents per
 * second and megabytes per second with the number of paragraphs and
 * table cells seen (so the work can be compared with other readers).
 *
 * Usage: bench-import ROUNDS FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jixiao/diag.h"
#include "jixiao/import.h"
#include "import/import_formats.h"

/* Seconds on the monotonic clock (for reporting only: nothing here
 * touches money or scores). */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Import every file ROUNDS times and print the figures. */
int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: bench-import ROUNDS FILE...\n", stderr);
        return 2;
    }
    char *end;
    long rounds_l = strtol(argv[1], &end, 10);
    if (*end || rounds_l < 1 || rounds_l > 100000) {
        fputs("bench-import: ROUNDS must be 1..100000\n", stderr);
        return 2;
    }
    int rounds = (int)rounds_l;
    int nfiles = argc - 2;
    char **data = calloc((size_t)nfiles, sizeof *data);
    size_t *len = calloc((size_t)nfiles, sizeof *len);
    size_t bytes = 0;
    for (int i = 0; i < nfiles; i++) {
        if (jx_read_file(argv[i + 2], 1u << 28, &data[i], &len[i]) < 0) {
            fprintf(stderr, "cannot read %s\n", argv[i + 2]);
            return 2;
        }
        bytes += len[i];
    }
    struct jx_limits lim;
    jx_limits_default(&lim);
    size_t paras = 0, cells = 0;
    double t0 = now();
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < nfiles; i++) {
            struct jx_arena *a = jx_arena_new();
            struct jx_diags d;
            jx_diags_init(&d, a);
            enum jx_input_kind k = jx_detect(data[i], len[i]);
            struct jx_doc *doc =
                k == JX_IN_DOCX
                    ? jx_import_docx(a, argv[i + 2], data[i], len[i], &lim, &d)
                    : jx_import_xlsx(a, argv[i + 2], data[i], len[i], &lim,
                                     &d);
            if (!doc) {
                fprintf(stderr, "import failed: %s\n", argv[i + 2]);
                return 1;
            }
            if (r == 0) {
                for (size_t b = 0; b < doc->nblocks; b++) {
                    if (doc->blocks[b].kind == JX_DOC_PARA) {
                        paras++;
                    } else {
                        cells += doc->blocks[b].table->ncells;
                    }
                }
            }
            jx_diags_release(&d);
            jx_arena_free(a);
        }
    }
    double secs = now() - t0;
    double docs = (double)rounds * nfiles;
    printf("jixiao: %d files x %d rounds, %zu paragraphs + %zu cells per "
           "round, %.3f s, %.1f documents/s, %.2f MB/s\n",
           nfiles, rounds, paras, cells, secs, docs / secs,
           (double)bytes * rounds / secs / 1e6);
    for (int i = 0; i < nfiles; i++) {
        free(data[i]);
    }
    free(data);
    free(len);
    return 0;
}
