/*
 * bench_pfont.c - the fonts prepared once per process and the CID-keyed
 * CFF subsetter (lib/report/report_font.c; issue 15, deliver 4) timed on
 * the characters of a report's text (results in bench/RESULTS.md; not
 * run by the tests).
 *
 *   bench-pfont REPS TEXTFILE...
 *
 * The distinct characters of the TEXTFILEs (UTF-8, e.g. `jixiao report
 * X --format txt -o -`) are mapped to glyphs in Noto Sans CJK SC
 * Regular and Bold (face 2 of the TTCs); for each face prints the time
 * to open it, the first subset (glyphs flattened: cold cache), the
 * median of REPS subsets after it (warm cache), the subset's size raw
 * and deflated (zlib levels 6 and 1, as a PDF's FlateDecode stream)
 * with the time deflating takes.
 *
 * Timing only: the doubles here never reach a document.
 */
#include "report/report_font.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

/* Seconds on the monotonic clock. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* qsort order of doubles. */
static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Mark the code points of the file at path in seen (0x110000 flags). */
static int read_cps(const char *path, unsigned char *seen)
{
    size_t n;
    char *s = NULL;
    if (jx_read_file(path, (size_t)1 << 28, &s, &n) != 0) {
        return -1;
    }
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            i++;
            continue;
        }
        i += (size_t)k;
        if (cp > 0x20 && cp < 0x110000) {
            seen[cp] = 1;
        }
    }
    free(s);
    return 0;
}

/* Time one face on the code points marked in seen. */
static int one_face(const char *path, const unsigned char *seen, int reps)
{
    const char *err = NULL;
    double t0 = now();
    struct jx_pfont *f = jx_pfont_open(path, 2, &err);
    double t_open = now() - t0;
    if (!f) {
        fprintf(stderr, "%s: %s\n", path, err);
        return -1;
    }
    uint32_t *gids = malloc(0x110000 * sizeof *gids);
    unsigned char *gseen = calloc(65536, 1);
    size_t n = 0, chars = 0, missing = 0;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        if (!seen[cp]) {
            continue;
        }
        chars++;
        uint32_t g = jx_pfont_gid(f, cp);
        if (g == 0) {
            missing++;
        } else if (!gseen[g]) {
            gseen[g] = 1;
            gids[n++] = g;
        }
    }
    struct jx_buf out;
    jx_buf_init(&out, (size_t)1 << 28);
    t0 = now();
    int rc = jx_pfont_subset(f, gids, n, &out, &err);
    double t_cold = now() - t0;
    double *w = malloc((size_t)reps * sizeof *w);
    for (int r = 0; rc == 0 && r < reps; r++) {
        jx_buf_reset(&out);
        t0 = now();
        rc = jx_pfont_subset(f, gids, n, &out, &err);
        w[r] = now() - t0;
    }
    if (rc != 0) {
        fprintf(stderr, "%s: %s\n", path, err);
    } else {
        qsort(w, (size_t)reps, sizeof *w, cmp_d);
        uLongf zn = compressBound((uLong)out.len);
        unsigned char *z = malloc(zn);
        compress2(z, &zn, (const Bytef *)out.p, (uLong)out.len, 6);
        t0 = now();
        uLongf zn2 = compressBound((uLong)out.len);
        compress2(z, &zn2, (const Bytef *)out.p, (uLong)out.len, 6);
        double t_z = now() - t0;
        uLongf z1 = compressBound((uLong)out.len);
        t0 = now();
        compress2(z, &z1, (const Bytef *)out.p, (uLong)out.len, 1);
        double t_z1 = now() - t0;
        printf("%s: %zu chars (%zu not in the font), %zu glyphs\n", path,
               chars, missing, n);
        printf("  open %.2f ms, first subset (cold) %.2f ms, warm subset "
               "median %.3f ms (min %.3f)\n",
               t_open * 1e3, t_cold * 1e3, w[reps / 2] * 1e3, w[0] * 1e3);
        printf("  subset %zu bytes; deflated level 6 %lu bytes in %.2f ms, "
               "level 1 %lu bytes in %.2f ms\n",
               out.len, (unsigned long)zn, t_z * 1e3, (unsigned long)z1,
               t_z1 * 1e3);
        free(z);
    }
    free(w);
    free(gids);
    free(gseen);
    jx_buf_release(&out);
    jx_pfont_free(f);
    return rc;
}

/* Parse the arguments, read the texts, time both faces. */
int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench-pfont REPS TEXTFILE...\n");
        return 2;
    }
    int reps = atoi(argv[1]);
    if (reps < 1) {
        reps = 1;
    }
    unsigned char *seen = calloc(0x110000, 1);
    for (int i = 2; i < argc; i++) {
        if (read_cps(argv[i], seen) < 0) {
            fprintf(stderr, "%s: cannot read\n", argv[i]);
            return 1;
        }
    }
    int rc = 0;
    rc |= one_face("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                   seen, reps);
    rc |= one_face("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
                   seen, reps);
    free(seen);
    return rc ? 1 : 0;
}
