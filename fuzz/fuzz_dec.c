/*
 * fuzz_dec.c - fuzz target for the exact-number parsers.
 *
 * The input is parsed whole with jx_rat_parse (with and without
 * accepting "%") and with jx_money_parse in 元 and in 万元.  Whatever
 * parses must satisfy round-trip properties: the canonical text parses
 * back to the same value, rounding is idempotent, lands within one unit
 * of the last place on the right side, and comparison agrees with
 * subtraction.  If the input holds a "|", the two halves are also parsed
 * and checked against each other (add/sub, mul/div, cmp).  A violation
 * calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/dec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its line. */
#define REQUIRE(cond)                                                     \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "fuzz_dec.c:%d: violated: %s\n", __LINE__,    \
                    #cond);                                               \
            abort();                                                      \
        }                                                                 \
    } while (0)

/* All rounding modes. */
static const enum jx_round modes[] = {JX_ROUND_HALF_UP, JX_ROUND_DOWN,
                                      JX_ROUND_UP, JX_ROUND_FLOOR,
                                      JX_ROUND_CEIL};

/* Scales tried for rounding. */
static const int scales[] = {0, 1, 2, 4, 6, 18};

/* 10^-k as a rational (k <= 18): one unit of the k-th decimal. */
static struct jx_rat pow10_rat(int k)
{
    int64_t p = 1;
    for (int i = 0; i < k; i++) {
        p *= 10;
    }
    struct jx_rat r;
    REQUIRE(jx_rat_make(1, p, &r) == JX_NUM_OK);
    return r;
}

/* True when r is in canonical form: den > 0 and reduced. */
static bool canonical(struct jx_rat r)
{
    struct jx_rat c;
    if (r.den <= 0 || jx_rat_make(r.num, r.den, &c) != JX_NUM_OK) {
        return false;
    }
    return c.num == r.num && c.den == r.den;
}

/* cmp(a, b) agrees with the sign of a - b (when that fits) and with
 * cmp(b, a). */
static void check_cmp(struct jx_rat a, struct jx_rat b)
{
    int c = jx_rat_cmp(a, b);
    REQUIRE(c >= -1 && c <= 1);
    REQUIRE(jx_rat_cmp(b, a) == -c);
    struct jx_rat d;
    if (jx_rat_sub(a, b, &d) == JX_NUM_OK) {
        REQUIRE(canonical(d));
        REQUIRE(jx_rat_sign(d) == c);
    }
    struct jx_rat lo = jx_rat_min(a, b), hi = jx_rat_max(a, b);
    REQUIRE(jx_rat_cmp(lo, hi) <= 0);
    REQUIRE(jx_rat_cmp(lo, c <= 0 ? a : b) == 0);
}

/* x = r rounded at scale s with mode: x - ulp < r < x + ulp, on the
 * side the mode says, ties of HALF_UP away from zero.  Compared with
 * jx_rat_cmp only, since x - r may not fit. */
static void check_bounds(struct jx_rat r, struct jx_rat x, int s,
                         enum jx_round mode)
{
    struct jx_rat ulp = pow10_rat(s), lo, hi, half, hlo, hhi;
    if (jx_rat_sub(x, ulp, &lo) != JX_NUM_OK ||
        jx_rat_add(x, ulp, &hi) != JX_NUM_OK) {
        return; /* x is near the end of the range */
    }
    REQUIRE(jx_rat_cmp(lo, r) < 0 && jx_rat_cmp(r, hi) < 0);
    int c = jx_rat_cmp(x, r); /* sign of x - r */
    int sr = jx_rat_sign(r);
    switch (mode) {
    case JX_ROUND_FLOOR:
        REQUIRE(c <= 0);
        break;
    case JX_ROUND_CEIL:
        REQUIRE(c >= 0);
        break;
    case JX_ROUND_DOWN:
        REQUIRE(c * sr <= 0);
        break;
    case JX_ROUND_UP:
        REQUIRE(c * sr >= 0);
        break;
    case JX_ROUND_HALF_UP:
    default:
        REQUIRE(jx_rat_make(1, 2 * ulp.den, &half) == JX_NUM_OK);
        if (jx_rat_sub(x, half, &hlo) != JX_NUM_OK ||
            jx_rat_add(x, half, &hhi) != JX_NUM_OK) {
            break; /* x ± ulp/2 needs 19 digits */
        }
        int clo = jx_rat_cmp(hlo, r), chi = jx_rat_cmp(r, hhi);
        REQUIRE(clo <= 0 && chi <= 0);
        REQUIRE(clo != 0 || sr > 0); /* a tie below x: r rounded up */
        REQUIRE(chi != 0 || sr < 0); /* a tie above x: r rounded down */
        break;
    }
}

/* Rounding r at every scale and mode: exact at the scale, idempotent,
 * within one unit of the last place on the side the mode says, and
 * formatted the same as the rounded value. */
static void check_rounding(struct jx_rat r)
{
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
    for (size_t si = 0; si < sizeof scales / sizeof scales[0]; si++) {
        int s = scales[si];
        for (size_t mi = 0; mi < sizeof modes / sizeof modes[0]; mi++) {
            struct jx_rat x, y;
            enum jx_numerr e = jx_rat_round(r, s, modes[mi], &x);
            /* formatting never fails, whatever the size */
            jx_rat_format(r, s, false, modes[mi], b1);
            jx_rat_format(r, s, true, modes[mi], b2);
            if (e != JX_NUM_OK) {
                REQUIRE(e == JX_NUM_RANGE);
                continue;
            }
            REQUIRE(canonical(x));
            REQUIRE(pow10_rat(s).den % x.den == 0);
            REQUIRE(jx_rat_round(x, s, modes[mi], &y) == JX_NUM_OK);
            REQUIRE(jx_rat_cmp(x, y) == 0);
            check_bounds(r, x, s, modes[mi]);
            jx_rat_format(x, s, false, JX_ROUND_DOWN, b2);
            REQUIRE(strcmp(b1, b2) == 0);
            REQUIRE((b1[0] == '-') == (jx_rat_sign(x) < 0));
            struct jx_rat back;
            e = jx_rat_parse(b1, strlen(b1), &back, NULL, NULL);
            if (e == JX_NUM_OK) {
                REQUIRE(jx_rat_cmp(back, x) == 0);
            } else {
                /* more than 18 significant digits */
                REQUIRE(e == JX_NUM_PRECISION || e == JX_NUM_RANGE);
            }
            check_cmp(r, x);
        }
    }
}

/* Properties of one parsed rational. */
static void check_rat_value(struct jx_rat r)
{
    char buf[JX_NUM_BUFSZ];
    REQUIRE(canonical(r));
    struct jx_rat back;
    bool pct = true;
    const char *t = jx_rat_format_exact(r, false, buf);
    REQUIRE(t != NULL); /* a parsed value has at most 18 decimals */
    REQUIRE(jx_rat_parse(t, strlen(t), &back, &pct, NULL) == JX_NUM_OK);
    REQUIRE(!pct);
    REQUIRE(back.num == r.num && back.den == r.den);
    t = jx_rat_format_exact(r, true, buf);
    if (t != NULL) {
        /* 100 times the value may need more digits than a parse takes */
        enum jx_numerr e = jx_rat_parse(t, strlen(t), &back, &pct, NULL);
        REQUIRE(e == JX_NUM_OK || e == JX_NUM_RANGE ||
                e == JX_NUM_PRECISION);
        if (e == JX_NUM_OK) {
            REQUIRE(pct);
            REQUIRE(back.num == r.num && back.den == r.den);
        }
    }
    REQUIRE(jx_rat_is_int(r) == (r.den == 1));
    check_rounding(r);
}

/* Parse s[0..n) as a rational both ways and check what parses. */
static void check_rat(const char *s, size_t n)
{
    struct jx_rat r, r2;
    bool pct = false;
    size_t pos = (size_t)-1, pos2 = (size_t)-1;
    enum jx_numerr e = jx_rat_parse(s, n, &r, &pct, &pos);
    enum jx_numerr e2 = jx_rat_parse(s, n, &r2, NULL, &pos2);
    if (e != JX_NUM_OK) {
        REQUIRE(pos <= n);
        REQUIRE(r.num == 0 && r.den == 1 && !pct);
        /* a "%" is refused before the value is looked at */
        REQUIRE((e2 == e && pos2 == pos) || e2 == JX_NUM_UNIT);
        return;
    }
    REQUIRE(pos == (size_t)-1);
    if (pct) {
        REQUIRE(e2 == JX_NUM_UNIT && pos2 < n);
    } else {
        REQUIRE(e2 == JX_NUM_OK && r2.num == r.num && r2.den == r.den);
    }
    check_rat_value(r);
}

/* Parse s[0..n) as money in unit and check what parses. */
static void check_money(const char *s, size_t n, enum jx_money_unit unit)
{
    static const enum jx_money_unit units[] = {JX_YUAN, JX_WANYUAN};
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
    struct jx_money m, back;
    size_t pos = (size_t)-1;
    enum jx_numerr e = jx_money_parse(s, n, unit, &m, &pos);
    if (e != JX_NUM_OK) {
        REQUIRE(pos <= n);
        REQUIRE(m.fen == 0);
        return;
    }
    for (size_t ui = 0; ui < 2; ui++) {
        enum jx_money_unit u = units[ui];
        int ud = u == JX_WANYUAN ? 6 : 2;
        const char *t = jx_money_format_exact(m, u, b1);
        REQUIRE(jx_money_parse(t, strlen(t), u, &back, NULL) == JX_NUM_OK);
        REQUIRE(back.fen == m.fen);
        /* the suffix overrides the unit given */
        size_t l = strlen(t);
        memcpy(b1 + l, u == JX_WANYUAN ? "万元" : "元",
               u == JX_WANYUAN ? sizeof "万元" : sizeof "元");
        REQUIRE(jx_money_parse(b1, strlen(b1), u == JX_WANYUAN ? JX_YUAN
                                                               : JX_WANYUAN,
                               &back, NULL) == JX_NUM_OK);
        REQUIRE(back.fen == m.fen);
        for (int s2 = 0; s2 <= ud; s2++) {
            for (size_t mi = 0; mi < sizeof modes / sizeof modes[0]; mi++) {
                t = jx_money_format(m, u, s2, modes[mi], b1);
                enum jx_numerr e2 =
                    jx_money_parse(t, strlen(t), u, &back, NULL);
                if (e2 != JX_NUM_OK) {
                    /* only rounding past the largest amount */
                    REQUIRE(e2 == JX_NUM_RANGE);
                    continue;
                }
                REQUIRE(strcmp(jx_money_format(back, u, s2, modes[mi], b2),
                               b1) == 0);
                struct jx_money d;
                if (jx_money_sub(back, m, &d) == JX_NUM_OK) {
                    int sg = (d.fen > 0) - (d.fen < 0);
                    REQUIRE(jx_money_cmp(back, m) == sg);
                }
                if (s2 == ud) {
                    REQUIRE(back.fen == m.fen);
                }
            }
        }
    }
    /* money and rationals agree */
    struct jx_rat yuan = jx_rat_from_money_yuan(m), r;
    const char *t = jx_money_format_exact(m, JX_YUAN, b1);
    enum jx_numerr e2 = jx_rat_parse(t, strlen(t), &r, NULL, NULL);
    if (m.fen > -1000000000000000000LL && m.fen < 1000000000000000000LL) {
        REQUIRE(e2 == JX_NUM_OK); /* up to 18 digits always parse */
    }
    if (e2 == JX_NUM_OK) {
        REQUIRE(jx_rat_cmp(yuan, r) == 0);
    } else {
        REQUIRE(e2 == JX_NUM_PRECISION || e2 == JX_NUM_RANGE);
    }
}

/* Arithmetic between two parsed rationals. */
static void check_pair(struct jx_rat a, struct jx_rat b)
{
    struct jx_rat x, y;
    check_cmp(a, b);
    if (jx_rat_add(a, b, &x) == JX_NUM_OK) {
        REQUIRE(canonical(x));
        REQUIRE(jx_rat_sub(x, b, &y) == JX_NUM_OK);
        REQUIRE(y.num == a.num && y.den == a.den);
    }
    if (jx_rat_mul(a, b, &x) == JX_NUM_OK) {
        REQUIRE(canonical(x));
        if (b.num != 0) {
            REQUIRE(jx_rat_div(x, b, &y) == JX_NUM_OK);
            REQUIRE(y.num == a.num && y.den == a.den);
        }
    }
    enum jx_numerr e = jx_rat_div(a, b, &x);
    if (b.num == 0) {
        REQUIRE(e == JX_NUM_DIV0);
    } else if (e == JX_NUM_OK) {
        REQUIRE(canonical(x));
        REQUIRE(jx_rat_mul(x, b, &y) == JX_NUM_OK);
        REQUIRE(y.num == a.num && y.den == a.den);
        /* quotients have any denominator: round and print them too */
        check_rounding(x);
        char buf[JX_NUM_BUFSZ];
        const char *t = jx_rat_format_exact(x, false, buf);
        if (t != NULL &&
            jx_rat_parse(t, strlen(t), &y, NULL, NULL) == JX_NUM_OK) {
            REQUIRE(y.num == x.num && y.den == x.den);
        }
    }
}

/* Money arithmetic between two amounts. */
static void check_money_pair(struct jx_money a, struct jx_money b)
{
    struct jx_money x, y;
    int c = jx_money_cmp(a, b);
    REQUIRE(jx_money_cmp(b, a) == -c);
    if (jx_money_add(a, b, &x) == JX_NUM_OK) {
        REQUIRE(jx_money_sub(x, b, &y) == JX_NUM_OK && y.fen == a.fen);
    }
    if (jx_money_sub(a, b, &x) == JX_NUM_OK) {
        REQUIRE(((x.fen > 0) - (x.fen < 0)) == c);
    }
    struct jx_rat q;
    enum jx_numerr e = jx_rat_money_div(a, b, &q);
    REQUIRE(b.fen != 0 || e == JX_NUM_DIV0);
}

/* Entry point: parse the whole input, then its two halves around the
 * first "|". */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    check_rat(s, size);
    check_money(s, size, JX_YUAN);
    check_money(s, size, JX_WANYUAN);
    const char *bar = memchr(s, '|', size);
    if (bar != NULL) {
        size_t na = (size_t)(bar - s);
        const char *sb = bar + 1;
        size_t nb = size - na - 1;
        struct jx_rat a, b;
        bool pa, pb;
        if (jx_rat_parse(s, na, &a, &pa, NULL) == JX_NUM_OK &&
            jx_rat_parse(sb, nb, &b, &pb, NULL) == JX_NUM_OK) {
            check_pair(a, b);
            check_pair(b, a);
        }
        struct jx_money ma, mb;
        if (jx_money_parse(s, na, JX_WANYUAN, &ma, NULL) == JX_NUM_OK &&
            jx_money_parse(sb, nb, JX_YUAN, &mb, NULL) == JX_NUM_OK) {
            check_money_pair(ma, mb);
        }
    }
    return 0;
}
