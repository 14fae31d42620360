/*
 * bench_packages.c - write N generated packages as Package JSON files
 * (tests/gen/pkggen.c: consistent by construction, each its own unit),
 * DIR/gen-00001.json …, for timing and measuring the commands on many
 * inputs (bench/run-evaluate-memory).  Packages are drawn from seeds
 * FIRST .. FIRST+N-1 (default 1), so a run is reproducible.
 *
 * Usage: bench-packages N DIR [FIRST]
 */
#include "../tests/gen/pkggen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Write packages 1..N (from seed FIRST on) into DIR. */
int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: bench-packages N DIR [FIRST]\n");
        return 2;
    }
    size_t n = strtoul(argv[1], NULL, 10);
    unsigned long long first = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
    if (!n) {
        fprintf(stderr, "bench-packages: N must be at least 1\n");
        return 2;
    }
    for (size_t i = 0; i < n; i++) {
        json_t *p = jx_gen_package(first + i, NULL);
        char *text = p ? json_dumps(p, JSON_INDENT(2)) : NULL;
        json_decref(p);
        if (!text) {
            fprintf(stderr, "bench-packages: package %zu not drawn\n", i + 1);
            return 1;
        }
        char path[4096];
        snprintf(path, sizeof path, "%s/gen-%05zu.json", argv[2], i + 1);
        FILE *f = fopen(path, "w");
        size_t len = strlen(text);
        if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
            fprintf(stderr, "bench-packages: cannot write %s\n", path);
            free(text);
            return 3;
        }
        free(text);
    }
    return 0;
}
