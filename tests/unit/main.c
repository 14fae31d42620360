/*
 * main.c - the unit-test runner: runs every suite (or those whose case
 * names contain one of the arguments), prints "ok"/"FAIL" per case, and
 * ends with the line "N passed, N failed, N skipped".  A case that calls
 * jx_test_skip() (its input, e.g. ../shared/seeds, is not there) and
 * does not fail counts as skipped, never as passed.  Exit status 1 on
 * failure.
 */
#include "harness.h"

#include <stdarg.h>
#include <stdlib.h>

#include "suites.h"

int jx_test_failed;
static int test_skipped;
const char *jx_test_srcdir = ".";

/* Record a failure. */
void jx_test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "  %s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    jx_test_failed = 1;
}

/* Note a skipped part. */
void jx_test_skip(const char *why)
{
    printf("  skipped: %s\n", why);
    test_skipped = 1;
}

/* True when name matches one of the filters (or there are none). */
static bool selected(const char *name, int argc, char **argv)
{
    if (argc <= 1) {
        return true;
    }
    for (int i = 1; i < argc; i++) {
        if (strstr(name, argv[i])) {
            return true;
        }
    }
    return false;
}

/* Run every selected case of every suite. */
int main(int argc, char **argv)
{
    const char *src = getenv("JX_SRCDIR");
    if (src && *src) {
        jx_test_srcdir = src;
    }
    int passed = 0, failed = 0, skipped = 0;
    for (size_t s = 0; jx_suites[s]; s++) {
        for (const struct jx_test *t = jx_suites[s]; t->name; t++) {
            if (!selected(t->name, argc, argv)) {
                continue;
            }
            jx_test_failed = 0;
            test_skipped = 0;
            t->fn();
            if (jx_test_failed) {
                printf("FAIL %s\n", t->name);
                failed++;
            } else if (test_skipped) {
                printf("skip %s\n", t->name);
                skipped++;
            } else {
                printf("ok   %s\n", t->name);
                passed++;
            }
            fflush(stdout);
        }
    }
    printf("%d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
}
