/*
 * bench_pdf.c - the PDF writer against the HTML writer on the same
 * report documents (issue 15, deliver 4; run by bench/run-pdf, results
 * in bench/RESULTS.md; not run by the tests).
 *
 *   bench-pdf REPS FILE...
 *
 * Each FILE (Package JSON or any input jixiao reads) goes through one
 * pipeline run; its report document (jx_report_build, as `evaluate`
 * writes report.*) is written REPS times as HTML, as PDF with the run's
 * fonts (jx_report_pdf_with, as `evaluate` does) and as PDF with fonts
 * of its own (jx_report_pdf, as one `report --format pdf`), interleaved.
 * Prints per writer the median time per document in milliseconds over
 * all files and repetitions, wall and CPU (user + system, the measure
 * that holds on a shared machine), and the ratios PDF / HTML.  The
 * first PDF (the one that loads the fonts) is timed apart.
 *
 * Timing only: the doubles here never reach a document.
 */
#include "jixiao/pipeline.h"
#include "jixiao/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Seconds of CPU time (user + system) this process has used: the
 * measure that holds on a shared machine, where wall time counts the
 * other jobs' turns. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* qsort order of doubles. */
static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The median of v[0..n) (sorts v). */
static double median(double *v, size_t n)
{
    if (n == 0) {
        return 0;
    }
    qsort(v, n, sizeof *v, cmp_d);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Write d once with writer w (0 HTML, 1 PDF with fonts f, 2 PDF alone);
 * the wall seconds taken, or -1 on failure; *cpu gets the CPU seconds. */
static double once(const struct jx_report_doc *d, int w,
                   struct jx_pdf_fonts *f, double *cpu)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    jx_buf_init(&out, JX_REPORT_MAX_BYTES);
    double c0 = cpu_now();
    double t0 = now();
    int rc = w == 0   ? jx_report_html(d, &out, &dg)
             : w == 1 ? jx_report_pdf_with(f, d, &out, &dg)
                      : jx_report_pdf(d, &out, &dg);
    double t = now() - t0;
    *cpu = cpu_now() - c0;
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
    return rc == 0 ? t : -1;
}

/* Entry point: see the head of the file. */
int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-pdf REPS FILE...\n");
        return 2;
    }
    int reps = (int)strtol(argv[1], NULL, 10);
    if (reps < 1) {
        reps = 1;
    }
    size_t cap = (size_t)(argc - 2) * (size_t)reps;
    double *t[3], *c[3];
    size_t n[3] = {0, 0, 0};
    for (int w = 0; w < 3; w++) {
        t[w] = calloc(cap, sizeof(double));
        c[w] = calloc(cap, sizeof(double));
    }
    double cpu;
    struct jx_run *run = jx_run_new(NULL);
    double first = -1;
    int failed = 0;
    for (int i = 2; i < argc; i++) {
        struct jx_result *in = jx_run_file(run, argv[i], NULL);
        if (in->status != JX_INPUT_OK) {
            fprintf(stderr, "bench-pdf: %s not read\n", argv[i]);
            failed++;
            jx_result_free(in);
            continue;
        }
        struct jx_report_opts ro = {false, false, NULL};
        struct jx_report_doc *d =
            jx_report_build(in->arena, in->pkg, in->ev, &in->diags, &ro);
        if (first < 0) {
            first = once(d, 1, jx_run_pdf_fonts(run), &cpu);
        }
        for (int r = 0; r < reps; r++) {
            for (int w = 0; w < 3; w++) {
                double s = once(d, w, jx_run_pdf_fonts(run), &cpu);
                if (s < 0) {
                    failed++;
                } else {
                    c[w][n[w]] = cpu;
                    t[w][n[w]++] = s;
                }
            }
        }
        jx_result_free(in);
    }
    double m[3], mc[3];
    for (int w = 0; w < 3; w++) {
        m[w] = median(t[w], n[w]) * 1000;
        mc[w] = median(c[w], n[w]) * 1000;
        free(t[w]);
        free(c[w]);
    }
    printf("report documents: %d files x %d repetitions, %d failures\n",
           argc - 2, reps, failed);
    printf("first PDF (loads the fonts): %.1f ms\n", first * 1000);
    printf("median per document: HTML %.2f ms; PDF with the run's fonts "
           "%.1f ms (%.1fx HTML); PDF with fonts of its own %.1f ms "
           "(%.1fx HTML)\n",
           m[0], m[1], m[0] > 0 ? m[1] / m[0] : 0, m[2],
           m[0] > 0 ? m[2] / m[0] : 0);
    printf("median CPU time (user+sys) per document: HTML %.3f ms; PDF "
           "with the run's fonts %.3f ms (%.2fx HTML); PDF with fonts of "
           "its own %.3f ms (%.2fx HTML)\n",
           mc[0], mc[1], mc[0] > 0 ? mc[1] / mc[0] : 0, mc[2],
           mc[0] > 0 ? mc[2] / mc[0] : 0);
    jx_run_free(run);
    return failed ? 1 : 0;
}
