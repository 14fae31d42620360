/*
 * bench_jansson.c - the floor under `jixiao check` (issue 15): read each
 * Package JSON file from disk and parse it with jansson alone (no
 * positions, no model, no checks), ROUNDS times, in one process.  What
 * any reader of the package must at least pay; bench/run prints `check`
 * beside it on the same files.
 *
 * Usage: bench-jansson ROUNDS FILE...
 * Prints one line: files, rounds, seconds, packages/s, ms each, the
 * number of JSON values seen per round (so the work is visibly done)
 * and the peak resident memory.  Exit 1 when a file does not parse.
 */
#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* Seconds on the monotonic clock (for reporting only). */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Count the values of the tree v (objects, arrays and leaves). */
static size_t count_values(json_t *v)
{
    size_t n = 1;
    if (json_is_object(v)) {
        const char *k;
        json_t *c;
        json_object_foreach(v, k, c) {
            n += count_values(c);
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *c;
        json_array_foreach(v, i, c) {
            n += count_values(c);
        }
    }
    return n;
}

/* Read the whole file at path into a new buffer (the caller frees it);
 * NULL on failure. */
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *p = malloc(cap);
    size_t got;
    while (p && (got = fread(p + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *q = realloc(p, cap * 2);
            if (!q) {
                free(p);
                p = NULL;
                break;
            }
            p = q;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        free(p);
        p = NULL;
    }
    fclose(f);
    *len = n;
    return p;
}

/* Read and parse every file ROUNDS times; print the figures. */
int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: bench-jansson ROUNDS FILE...\n", stderr);
        return 2;
    }
    int rounds = atoi(argv[1]);
    if (rounds < 1) {
        fputs("bench-jansson: ROUNDS must be at least 1\n", stderr);
        return 2;
    }
    int nfiles = argc - 2;
    size_t values = 0;
    double t0 = now();
    for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < nfiles; i++) {
            size_t len;
            char *text = slurp(argv[i + 2], &len);
            if (!text) {
                fprintf(stderr, "bench-jansson: cannot read %s\n", argv[i + 2]);
                return 1;
            }
            json_error_t err;
            json_t *v = json_loadb(text, len, 0, &err);
            free(text);
            if (!v) {
                fprintf(stderr, "bench-jansson: %s:%d: %s\n", argv[i + 2],
                        err.line, err.text);
                return 1;
            }
            if (r == 0) {
                values += count_values(v);
            }
            json_decref(v);
        }
    }
    double secs = now() - t0;
    double n = (double)nfiles * rounds;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("jansson only (read + parse): %d files x %d rounds in %.3f s: "
           "%.0f packages/s, %.3f ms each; %zu values per round; "
           "peak RSS %ld KB\n",
           nfiles, rounds, secs, n / secs, secs * 1000 / n, values,
           ru.ru_maxrss);
    return 0;
}
