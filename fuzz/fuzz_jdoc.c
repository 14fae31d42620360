/*
 * fuzz_jdoc.c - differential fuzz target for the JSON parser of
 * lib/base (base_json.c).
 *
 * The input (at most 64 KiB) is parsed twice: by jx_jdoc_parse() as the
 * loaders call it (the one-pass parser for plain JSON) and with
 * repairing_only (jansson, the repairs, then the walk for positions).
 * Both must agree on everything a loader can see: the value tree (a
 * JSON real by its type only: the one pass does not compute doubles),
 * the syntax problems, the nesting verdict, and for every node its
 * JSON pointer, the line and column of its value and key, its token and
 * its key, and the duplicated keys.  A difference calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its line. */
#define REQUIRE(cond)                                                     \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "fuzz_jdoc.c:%d: violated: %s\n", __LINE__,   \
                    #cond);                                               \
            abort();                                                      \
        }                                                                 \
    } while (0)

enum { MAX_INPUT = 64 * 1024 };

/* True when a and b are the same tree (reals compared by type). */
static bool same_tree(json_t *a, json_t *b)
{
    if (!a || !b) {
        return a == b;
    }
    if (json_typeof(a) != json_typeof(b)) {
        return false;
    }
    switch (json_typeof(a)) {
    case JSON_OBJECT: {
        if (json_object_size(a) != json_object_size(b)) {
            return false;
        }
        void *ia = json_object_iter(a), *ib = json_object_iter(b);
        while (ia && ib) {
            size_t la = json_object_iter_key_len(ia);
            if (la != json_object_iter_key_len(ib) ||
                memcmp(json_object_iter_key(ia), json_object_iter_key(ib),
                       la) != 0 ||
                !same_tree(json_object_iter_value(ia),
                           json_object_iter_value(ib))) {
                return false;
            }
            ia = json_object_iter_next(a, ia);
            ib = json_object_iter_next(b, ib);
        }
        return ia == ib;
    }
    case JSON_ARRAY:
        if (json_array_size(a) != json_array_size(b)) {
            return false;
        }
        for (size_t i = 0; i < json_array_size(a); i++) {
            if (!same_tree(json_array_get(a, i), json_array_get(b, i))) {
                return false;
            }
        }
        return true;
    case JSON_STRING:
        return json_string_length(a) == json_string_length(b) &&
               memcmp(json_string_value(a), json_string_value(b),
                      json_string_length(a)) == 0;
    case JSON_INTEGER:
        return json_integer_value(a) == json_integer_value(b);
    default:
        return true;
    }
}

/* True when s[0..n) and t[0..m) are equal (NULL only equals NULL). */
static bool same_bytes(const char *s, size_t n, const char *t, size_t m)
{
    if (!s || !t) {
        return s == t;
    }
    return n == m && memcmp(s, t, n) == 0;
}

/* Parse both ways and compare. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) {
        return 0;
    }
    const char *text = (const char *)data;
    struct jx_arena *a = jx_arena_new();
    struct jx_jlimits fast = {64, 64, 0, false};
    struct jx_jlimits slow = {64, 64, 0, true};
    struct jx_jdoc *x = jx_jdoc_parse(a, text, size, &fast);
    struct jx_jdoc *y = jx_jdoc_parse(a, text, size, &slow);
    REQUIRE(same_tree(jx_jdoc_root(x), jx_jdoc_root(y)));
    REQUIRE(jx_jdoc_nsyntax(x) == jx_jdoc_nsyntax(y));
    for (size_t i = 0; i < jx_jdoc_nsyntax(x); i++) {
        const struct jx_jsyntax *p = jx_jdoc_syntax(x, i);
        const struct jx_jsyntax *q = jx_jdoc_syntax(y, i);
        REQUIRE(p->fix == q->fix && p->off == q->off);
        REQUIRE(strcmp(p->msg, q->msg) == 0);
    }
    size_t dx = 0, dy = 0;
    REQUIRE(jx_jdoc_too_deep(x, &dx) == jx_jdoc_too_deep(y, &dy));
    REQUIRE(dx == dy);
    REQUIRE(jx_jdoc_ndups(x) == jx_jdoc_ndups(y));
    for (size_t i = 0; i < jx_jdoc_ndups(x); i++) {
        REQUIRE(jx_jdoc_dup(x, i) == jx_jdoc_dup(y, i));
    }
    if (jx_jdoc_root(x)) {
        for (int32_t id = 0;; id++) {
            char *px = jx_jdoc_path(x, id, a);
            char *py = jx_jdoc_path(y, id, a);
            REQUIRE((px == NULL) == (py == NULL));
            if (!px) {
                break;
            }
            REQUIRE(strcmp(px, py) == 0);
            REQUIRE(jx_jdoc_lookup(x, px) == jx_jdoc_lookup(y, py));
            for (int k = 0; k < 2; k++) {
                int lx, cx, ly, cy;
                jx_jdoc_where(x, id, k == 1, &lx, &cx);
                jx_jdoc_where(y, id, k == 1, &ly, &cy);
                REQUIRE(lx == ly && cx == cy);
            }
            size_t nx, ny;
            const char *tx = jx_jdoc_token(x, id, &nx);
            const char *ty = jx_jdoc_token(y, id, &ny);
            REQUIRE(same_bytes(tx, nx, ty, ny));
            tx = jx_jdoc_key(x, id, &nx);
            ty = jx_jdoc_key(y, id, &ny);
            REQUIRE(same_bytes(tx, nx, ty, ny));
        }
    }
    jx_jdoc_free(x);
    jx_jdoc_free(y);
    jx_arena_free(a);
    return 0;
}
