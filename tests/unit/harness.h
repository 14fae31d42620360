/*
 * harness.h - the unit-test harness: a case is a function registered in
 * a suite table; assertions print file, line, expected and actual and
 * mark the case failed.  The runner (tests/unit/main.c) prints one line
 * per case and ends with "N passed, N failed".
 */
#ifndef JIXIAO_TEST_HARNESS_H
#define JIXIAO_TEST_HARNESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* One test case. */
struct jx_test {
    const char *name;
    void (*fn)(void);
};

/* Set by assertions when the running case fails. */
extern int jx_test_failed;

/* Directory of the source tree (for tests/data and ../shared/seeds). */
extern const char *jx_test_srcdir;

/* Record a failure with its place and message. */
void jx_test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Print a note that part of a case was skipped, and why. */
void jx_test_skip(const char *why);

#define CHECK(cond)                                                       \
    do {                                                                  \
        if (!(cond)) {                                                    \
            jx_test_fail(__FILE__, __LINE__, "CHECK(%s)", #cond);         \
        }                                                                 \
    } while (0)

#define CHECK_STR(actual, expected)                                       \
    do {                                                                  \
        const char *a_ = (actual);                                        \
        const char *e_ = (expected);                                      \
        if (!a_ || !e_ || strcmp(a_, e_) != 0) {                          \
            jx_test_fail(__FILE__, __LINE__,                              \
                         "%s: expected \"%s\", got \"%s\"", #actual,      \
                         e_ ? e_ : "(null)", a_ ? a_ : "(null)");         \
        }                                                                 \
    } while (0)

#define CHECK_INT(actual, expected)                                       \
    do {                                                                  \
        long long a_ = (long long)(actual);                               \
        long long e_ = (long long)(expected);                             \
        if (a_ != e_) {                                                   \
            jx_test_fail(__FILE__, __LINE__, "%s: expected %lld, got %lld", \
                         #actual, e_, a_);                                \
        }                                                                 \
    } while (0)

#endif
