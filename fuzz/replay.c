/*
 * replay.c - a main() for fuzz targets built without libFuzzer: runs
 * LLVMFuzzerTestOneInput on every file of the directories (or files)
 * given, so each corpus is replayed on every test run.  Prints
 * "N passed, N failed" (a crash aborts the process instead).
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jixiao/base.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Run the target on one file; 0 on success, -1 if unreadable. */
static int run_file(const char *path)
{
    char *data;
    size_t len;
    if (jx_read_file(path, 16u << 20, &data, &len) < 0) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        return -1;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)data, len);
    free(data);
    return 0;
}

/* Compare for qsort over names. */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replay every argument: a directory's regular files in name order, or
 * a file. */
int main(int argc, char **argv)
{
    int passed = 0, failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) < 0) {
            fprintf(stderr, "replay: no such corpus %s\n", argv[i]);
            failed++;
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            if (run_file(argv[i]) == 0) {
                passed++;
            } else {
                failed++;
            }
            continue;
        }
        DIR *d = opendir(argv[i]);
        if (!d) {
            failed++;
            continue;
        }
        char **names = NULL;
        size_t n = 0, cap = 0;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.') {
                continue;
            }
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                names = jx_xrealloc(names, cap * sizeof *names);
            }
            size_t len = strlen(argv[i]) + strlen(e->d_name) + 2;
            names[n] = jx_xmalloc(len);
            snprintf(names[n], len, "%s/%s", argv[i], e->d_name);
            n++;
        }
        closedir(d);
        if (n == 0) {
            fprintf(stderr, "replay: empty corpus %s\n", argv[i]);
            failed++;
            continue;
        }
        qsort(names, n, sizeof *names, cmp_names);
        for (size_t k = 0; k < n; k++) {
            if (run_file(names[k]) == 0) {
                passed++;
            } else {
                failed++;
            }
            free(names[k]);
        }
        free(names);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
