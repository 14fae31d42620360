/*
 * fuzz_indval.c - fuzz target of the indicator value parser: parses
 * arbitrary bytes and aborts when a result breaks an invariant:
 * - norm is valid UTF-8 without control characters;
 * - every enum is in range, num and hi are reduced rationals;
 * - a NUMBER has a unit consistent with its dimension, and hi >= num
 *   for a range, hi == num otherwise;
 * - UNPARSED, and only UNPARSED, has a reason; a QUALITATIVE word is the
 *   norm and has no digit; a DATE is a possible date;
 * - parsing the normalised text again gives the same value;
 * - direction and comparability never crash and comparability is
 *   symmetric.
 * The input is also split at its first tab into two values that are
 * compared with each other.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/base.h"
#include "jixiao/dec.h"
#include "jixiao/indval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message naming the broken invariant. */
static void violated(const char *what, const struct jx_indval *v)
{
    fprintf(stderr, "fuzz_indval: %s (kind %s, norm \"%s\")\n", what,
            jx_iv_kind_name(v->kind), v->norm ? v->norm : "(null)");
    abort();
}

/* Whether s is valid UTF-8 without control characters. */
static int clean_utf8(const char *s)
{
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0 || cp < 0x20 || cp == 0x7F) {
            return 0;
        }
        i += (size_t)k;
    }
    return 1;
}

/* Whether r is a reduced rational with a positive denominator. */
static int good_rat(struct jx_rat r)
{
    if (r.den <= 0) {
        return 0;
    }
    int64_t a = r.num < 0 ? -r.num : r.num;
    int64_t b = r.den;
    while (b != 0) {
        int64_t t = a % b;
        a = b;
        b = t;
    }
    return r.num == 0 ? r.den == 1 : a == 1;
}

/* Whether s is one of the NULL-terminated list. */
static int one_of(const char *s, const char *const *list)
{
    for (size_t i = 0; list[i]; i++) {
        if (strcmp(s, list[i]) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Check the invariants of one parsed value. */
static void check_value(const struct jx_indval *v)
{
    static const char *const pct[] = {"%", "百分点", "‰", NULL};
    static const char *const money[] = {"元", "万元", "亿元", NULL};
    if (v->norm == NULL || !clean_utf8(v->norm)) {
        violated("norm missing or not clean UTF-8", v);
    }
    if ((int)v->kind < JX_IV_EMPTY || (int)v->kind > JX_IV_UNPARSED ||
        (int)v->op < JX_OP_NONE || (int)v->op > JX_OP_RANGE ||
        (int)v->dim < JX_DIM_NONE || (int)v->dim > JX_DIM_OTHER) {
        violated("enum out of range", v);
    }
    if (!good_rat(v->num) || !good_rat(v->hi)) {
        violated("num or hi not a reduced rational", v);
    }
    if ((v->kind == JX_IV_UNPARSED) != (v->reason != NULL && v->reason[0])) {
        violated("reason set iff unparsed", v);
    }
    if (v->reason && !clean_utf8(v->reason)) {
        violated("reason not clean UTF-8", v);
    }
    if (v->kind == JX_IV_NUMBER) {
        if (v->unit == NULL || !clean_utf8(v->unit)) {
            violated("number without unit text", v);
        }
        if ((v->dim == JX_DIM_NONE) != (v->unit[0] == '\0')) {
            violated("dim none iff empty unit", v);
        }
        if (v->dim == JX_DIM_PERCENT && !one_of(v->unit, pct)) {
            violated("percent with another unit", v);
        }
        if (v->dim == JX_DIM_MONEY && !one_of(v->unit, money)) {
            violated("money with another unit", v);
        }
        if (v->op == JX_OP_RANGE ? jx_rat_cmp(v->hi, v->num) < 0
                                 : jx_rat_cmp(v->hi, v->num) != 0) {
            violated("range with hi < num, or hi != num", v);
        }
    } else {
        if (v->unit != NULL || v->dim != JX_DIM_NONE) {
            violated("unit on a value that is not a number", v);
        }
        if (v->op != JX_OP_NONE && v->kind != JX_IV_DATE) {
            violated("operator on a value that is not a number", v);
        }
    }
    if (v->kind == JX_IV_QUALITATIVE) {
        if (v->word == NULL || strcmp(v->word, v->norm) != 0 ||
            strpbrk(v->word, "0123456789") != NULL) {
            violated("bad qualitative word", v);
        }
    } else if (v->word != NULL) {
        violated("word on a value that is not qualitative", v);
    }
    if (v->kind == JX_IV_DATE) {
        if (v->m < 0 || v->m > 12 || v->d < 0 || v->d > 31 ||
            (v->d > 0 && v->m == 0) ||
            (v->y != 0 && (v->y < 1900 || v->y > 2199))) {
            violated("impossible date", v);
        }
        if (v->op == JX_OP_RANGE) {
            violated("date with a range operator", v);
        }
    } else if (v->y || v->m || v->d) {
        violated("date fields on a value that is not a date", v);
    }
    if (v->has_prefix && v->kind != JX_IV_NUMBER && v->kind != JX_IV_DATE) {
        violated("has_prefix on a value without a number", v);
    }
}

/* Whether v and w are the same value. */
static int same_value(const struct jx_indval *v, const struct jx_indval *w)
{
    return v->kind == w->kind && v->op == w->op && v->dim == w->dim &&
           jx_rat_cmp(v->num, w->num) == 0 &&
           jx_rat_cmp(v->hi, w->hi) == 0 &&
           strcmp(v->unit ? v->unit : "", w->unit ? w->unit : "") == 0 &&
           v->y == w->y && v->m == w->m && v->d == w->d &&
           v->has_prefix == w->has_prefix && strcmp(v->norm, w->norm) == 0;
}

/* Parse, check, re-parse the normal form, and exercise direction and
 * comparability. */
static void run_one(struct jx_arena *a, const char *s, size_t n,
                    const char *name, struct jx_indval *v)
{
    jx_indval_parse(a, s, n, v);
    check_value(v);
    if (v->kind != JX_IV_UNPARSED) {
        struct jx_indval w;
        jx_indval_parse(a, v->norm, strlen(v->norm), &w);
        check_value(&w);
        if (!same_value(v, &w)) {
            violated("parsing the normalised text changes the value", v);
        }
    }
    enum jx_direction d1 = jx_indval_direction(v, name);
    enum jx_direction d2 = jx_indval_direction(v, NULL);
    if ((int)d1 < JX_DIR_UNKNOWN || (int)d1 > JX_DIR_EXACT ||
        (int)d2 < JX_DIR_UNKNOWN || (int)d2 > JX_DIR_EXACT) {
        violated("direction out of range", v);
    }
    if (v->kind == JX_IV_NUMBER && d2 == JX_DIR_UNKNOWN) {
        violated("number without a direction", v);
    }
    int self = jx_indval_comparable(v, v);
    int want = v->kind == JX_IV_NUMBER || v->kind == JX_IV_DATE ||
               v->kind == JX_IV_QUALITATIVE || v->kind == JX_IV_NA;
    if (self != want) {
        violated("comparable with itself", v);
    }
    if (jx_indval_comparable(v, NULL)) {
        violated("comparable with NULL", v);
    }
}

/* The fuzz entry point. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    struct jx_arena *a = jx_arena_new();
    char *name = jx_strndup(a, s, size);
    struct jx_indval v;
    run_one(a, s, size, name, &v);
    const char *tab = memchr(s, '\t', size);
    if (tab) {
        size_t k = (size_t)(tab - s);
        struct jx_indval x, y;
        run_one(a, s, k, name, &x);
        run_one(a, tab + 1, size - k - 1, name, &y);
        if (jx_indval_comparable(&x, &y) != jx_indval_comparable(&y, &x)) {
            violated("comparability is not symmetric", &x);
        }
    }
    jx_arena_free(a);
    return 0;
}
