/*
 * t_dec.c - tests of exact numbers: parsing, rounding, formatting and
 * checked arithmetic of money (分) and rationals.
 */
#include "harness.h"

#include <stdint.h>

#include "jixiao/dec.h"

/* Parse s (NUL-terminated) as a rational, failing the case (and giving
 * 0) if it does not parse. */
static struct jx_rat rat(const char *s)
{
    struct jx_rat r;
    bool pct;
    enum jx_numerr e = jx_rat_parse(s, strlen(s), &r, &pct, NULL);
    if (e != JX_NUM_OK) {
        jx_test_fail(__FILE__, __LINE__, "jx_rat_parse(\"%s\") = %d", s,
                     (int)e);
    }
    return r;
}

/* Parse s as money in unit, failing the case (and giving 0) if it does
 * not parse. */
static struct jx_money money(const char *s, enum jx_money_unit unit)
{
    struct jx_money m;
    enum jx_numerr e = jx_money_parse(s, strlen(s), unit, &m, NULL);
    if (e != JX_NUM_OK) {
        jx_test_fail(__FILE__, __LINE__, "jx_money_parse(\"%s\") = %d", s,
                     (int)e);
    }
    return m;
}

/* Round-format the decimal text s at scale with mode into buf (which
 * the caller owns) and return it. */
static const char *rfmt(const char *s, int scale, enum jx_round mode,
                        char *buf)
{
    return jx_rat_format(rat(s), scale, false, mode, buf);
}

/* Half away from zero at 2 decimals, the rule's 四舍五入. */
static void round_half_up(void)
{
    char b[JX_NUM_BUFSZ];
    static const char *const cases[][2] = {
        {"4.865", "4.87"},   {"0.125", "0.13"},   {"2.675", "2.68"},
        {"-2.345", "-2.35"}, {"2.344", "2.34"},   {"0.005", "0.01"},
        {"-0.005", "-0.01"}, {"2.345", "2.35"},   {"-2.344", "-2.34"},
        {"0.004", "0.00"},   {"-0.004", "0.00"},  {"9.995", "10.00"},
        {"-9.995", "-10.00"}, {"99.999", "100.00"}, {"1", "1.00"},
        {"0.4999999999999999", "0.50"}, {"0.0049999999", "0.00"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_STR(rfmt(cases[i][0], 2, JX_ROUND_HALF_UP, b), cases[i][1]);
    }
    CHECK_STR(rfmt("4.865", 0, JX_ROUND_HALF_UP, b), "5");
    CHECK_STR(rfmt("4.5", 0, JX_ROUND_HALF_UP, b), "5");
    CHECK_STR(rfmt("-4.5", 0, JX_ROUND_HALF_UP, b), "-5");
    CHECK_STR(rfmt("4.49", 0, JX_ROUND_HALF_UP, b), "4");
    CHECK_STR(rfmt("0.05", 1, JX_ROUND_HALF_UP, b), "0.1");
    CHECK_STR(rfmt("1.5", 4, JX_ROUND_HALF_UP, b), "1.5000");
}

/* The other rounding modes, on both signs and on exact values. */
static void round_modes(void)
{
    char b[JX_NUM_BUFSZ];
    CHECK_STR(rfmt("2.345", 2, JX_ROUND_DOWN, b), "2.34");
    CHECK_STR(rfmt("-2.345", 2, JX_ROUND_DOWN, b), "-2.34");
    CHECK_STR(rfmt("2.341", 2, JX_ROUND_UP, b), "2.35");
    CHECK_STR(rfmt("-2.341", 2, JX_ROUND_UP, b), "-2.35");
    CHECK_STR(rfmt("2.349", 2, JX_ROUND_FLOOR, b), "2.34");
    CHECK_STR(rfmt("-2.341", 2, JX_ROUND_FLOOR, b), "-2.35");
    CHECK_STR(rfmt("2.341", 2, JX_ROUND_CEIL, b), "2.35");
    CHECK_STR(rfmt("-2.349", 2, JX_ROUND_CEIL, b), "-2.34");
    /* exact values never move */
    static const enum jx_round modes[] = {JX_ROUND_HALF_UP, JX_ROUND_DOWN,
                                          JX_ROUND_UP, JX_ROUND_FLOOR,
                                          JX_ROUND_CEIL};
    for (size_t i = 0; i < 5; i++) {
        CHECK_STR(rfmt("-2.34", 2, modes[i], b), "-2.34");
        CHECK_STR(rfmt("7", 0, modes[i], b), "7");
    }
    /* jx_rat_round gives exact values whose denominator divides 10^s */
    struct jx_rat r;
    CHECK_INT(jx_rat_round(rat("4.865"), 2, JX_ROUND_HALF_UP, &r), JX_NUM_OK);
    CHECK_INT(r.num, 487);
    CHECK_INT(r.den, 100);
    CHECK_INT(jx_rat_round(rat("0.125"), 2, JX_ROUND_HALF_UP, &r), JX_NUM_OK);
    CHECK_INT(r.num, 13);
    CHECK_INT(r.den, 100);
    CHECK_INT(jx_rat_round(rat("-2.345"), 2, JX_ROUND_FLOOR, &r), JX_NUM_OK);
    CHECK_INT(r.num, -47);
    CHECK_INT(r.den, 20);
    CHECK_INT(jx_rat_round(rat("-2.345"), 1, JX_ROUND_CEIL, &r), JX_NUM_OK);
    CHECK_INT(r.num, -23);
    CHECK_INT(r.den, 10);
    CHECK_INT(jx_rat_round(rat("2.5"), 0, JX_ROUND_DOWN, &r), JX_NUM_OK);
    CHECK_INT(r.num, 2);
    CHECK_INT(r.den, 1);
    struct jx_rat third;
    CHECK_INT(jx_rat_make(1, 3, &third), JX_NUM_OK);
    CHECK_INT(jx_rat_round(third, 18, JX_ROUND_HALF_UP, &r), JX_NUM_OK);
    CHECK_INT(r.num, 333333333333333333LL);
    CHECK_INT(r.den, 1000000000000000000LL);
    struct jx_rat two3;
    CHECK_INT(jx_rat_make(-2, 3, &two3), JX_NUM_OK);
    CHECK_INT(jx_rat_round(two3, 18, JX_ROUND_HALF_UP, &r), JX_NUM_OK);
    CHECK_INT(r.num, -666666666666666667LL);
    CHECK_INT(r.den, 1000000000000000000LL);
    for (int s = 0; s <= 18; s++) {
        CHECK_INT(jx_rat_round(two3, s, JX_ROUND_UP, &r), JX_NUM_OK);
        int64_t p = 1;
        for (int k = 0; k < s; k++) {
            p *= 10;
        }
        CHECK_INT(p % r.den, 0);
    }
    CHECK_INT(jx_rat_round(third, 19, JX_ROUND_HALF_UP, &r), JX_NUM_RANGE);
    CHECK_INT(jx_rat_round(third, -1, JX_ROUND_HALF_UP, &r), JX_NUM_RANGE);
    /* a value near 3e18 has no room for 2 decimals */
    struct jx_rat big = {INT64_MAX, 3};
    CHECK_INT(jx_rat_round(big, 2, JX_ROUND_HALF_UP, &r), JX_NUM_RANGE);
    CHECK_INT(r.num, 0);
    CHECK_INT(r.den, 1);
    CHECK_INT(jx_rat_round(big, 0, JX_ROUND_HALF_UP, &r), JX_NUM_OK);
    CHECK_INT(r.num, 3074457345618258602LL);
    CHECK_INT(jx_rat_round(big, 0, JX_ROUND_UP, &r), JX_NUM_OK);
    CHECK_INT(r.num, 3074457345618258603LL);
}

/* 执行率 as a percentage at 2 decimals, from amounts in 万元 and from
 * integer pairs. */
static void rates_percent(void)
{
    static const struct {
        const char *a, *b, *want;
        int64_t ia, ib;
    } cases[] = {
        {"1902.68", "3911.21", "48.65%", 190268, 391121},
        {"50", "46", "108.70%", 50, 46},
        {"4", "6", "66.67%", 4, 6},
        {"9", "13", "69.23%", 9, 13},
        {"20.25", "20.75", "97.59%", 2025, 2075},
        {"106", "106", "100.00%", 106, 106},
        {"0", "5", "0.00%", 0, 5},
    };
    char b[JX_NUM_BUFSZ];
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct jx_rat r;
        CHECK_INT(jx_rat_money_div(money(cases[i].a, JX_WANYUAN),
                                   money(cases[i].b, JX_WANYUAN), &r),
                  JX_NUM_OK);
        CHECK_STR(jx_rat_format(r, 2, true, JX_ROUND_HALF_UP, b),
                  cases[i].want);
        CHECK_INT(jx_rat_make(cases[i].ia, cases[i].ib, &r), JX_NUM_OK);
        CHECK_STR(jx_rat_format(r, 2, true, JX_ROUND_HALF_UP, b),
                  cases[i].want);
    }
    struct jx_rat r;
    CHECK_INT(jx_rat_make(50, 46, &r), JX_NUM_OK);
    CHECK_INT(r.num, 25);
    CHECK_INT(r.den, 23);
    CHECK_STR(jx_rat_format(rat("0.486468"), 2, true, JX_ROUND_HALF_UP, b),
              "48.65%");
    CHECK_STR(jx_rat_format(rat("0.486468"), 0, true, JX_ROUND_HALF_UP, b),
              "49%");
    CHECK_STR(jx_rat_format(rat("-0.00004"), 2, true, JX_ROUND_HALF_UP, b),
              "0.00%");
    CHECK_STR(jx_rat_format(rat("-0.00005"), 2, true, JX_ROUND_HALF_UP, b),
              "-0.01%");
}

/* Seed 003: 4.87 only comes out of rounding the rate first. */
static void double_rounding(void)
{
    char b[JX_NUM_BUFSZ];
    struct jx_rat rate, r4, ten = jx_rat_int(10), x;
    CHECK_INT(jx_rat_money_div(money("1902.68万元", JX_YUAN),
                               money("3911.21万元", JX_YUAN), &rate),
              JX_NUM_OK);
    CHECK_INT(jx_rat_round(rate, 4, JX_ROUND_HALF_UP, &r4), JX_NUM_OK);
    CHECK_INT(jx_rat_cmp(r4, rat("0.4865")), 0);
    CHECK_INT(jx_rat_mul(r4, ten, &x), JX_NUM_OK);
    CHECK_INT(jx_rat_cmp(x, rat("4.865")), 0);
    CHECK_STR(jx_rat_format(x, 2, false, JX_ROUND_HALF_UP, b), "4.87");
    CHECK_INT(jx_rat_mul(rate, ten, &x), JX_NUM_OK);
    CHECK_INT(x.num, 1902680);
    CHECK_INT(x.den, 391121);
    CHECK_STR(jx_rat_format(x, 2, false, JX_ROUND_HALF_UP, b), "4.86");
    CHECK_STR(jx_rat_format(x, 4, false, JX_ROUND_HALF_UP, b), "4.8647");
}

/* One step of xorshift64. */
static uint64_t xorshift(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *s = x;
    return x;
}

/* Write fen as decimal text with `dec` decimals (fen counts units of
 * 10^-dec), optionally with "," groups, into buf (caller's, >= 40
 * bytes); built digit by digit, independently of the library. */
static void amount_text(int64_t v, int dec, bool groups, char *buf)
{
    char tmp[40];
    size_t k = 0, o = 0;
    uint64_t a = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int digits = 0;
    for (int i = 0; i < dec; i++) {
        tmp[k++] = (char)('0' + (int)(a % 10));
        a /= 10;
    }
    if (dec > 0) {
        tmp[k++] = '.';
    }
    do {
        if (groups && digits > 0 && digits % 3 == 0) {
            tmp[k++] = ',';
        }
        tmp[k++] = (char)('0' + (int)(a % 10));
        a /= 10;
        digits++;
    } while (a != 0);
    if (v < 0) {
        buf[o++] = '-';
    }
    while (k > 0) {
        buf[o++] = tmp[--k];
    }
    buf[o] = '\0';
}

/* 10,000 random amounts parsed from text add up to the integer sum. */
static void random_sums(void)
{
    uint64_t st = 0x9E3779B97F4A7C15ULL;
    int64_t want = 0, want_w = 0;
    struct jx_money sum = {0}, sum_w = {0};
    int bad = 0;
    for (int i = 0; i < 10000; i++) {
        /* 元 amounts up to ±999,999.99 (a few negative) */
        int64_t fen = (int64_t)(xorshift(&st) % 100000000u);
        if (i % 7 == 3) {
            fen = -fen;
        }
        char text[48];
        amount_text(fen, 2, i % 3 == 0, text);
        struct jx_money m;
        if (jx_money_parse(text, strlen(text), JX_YUAN, &m, NULL) !=
                JX_NUM_OK ||
            m.fen != fen) {
            bad++;
        }
        want += fen;
        CHECK_INT(jx_money_add(sum, m, &sum), JX_NUM_OK);
        /* 万元 amounts with 6 decimals */
        int64_t fw = (int64_t)(xorshift(&st) % 100000000000u);
        amount_text(fw, 6, i % 2 == 0, text);
        if (jx_money_parse(text, strlen(text), JX_WANYUAN, &m, NULL) !=
                JX_NUM_OK ||
            m.fen != fw) {
            bad++;
        }
        want_w += fw;
        CHECK_INT(jx_money_add(sum_w, m, &sum_w), JX_NUM_OK);
    }
    CHECK_INT(bad, 0);
    CHECK_INT(sum.fen, want);
    CHECK_INT(sum_w.fen, want_w);
    /* the sum formats back to the integer's digits */
    char got[JX_NUM_BUFSZ], exp[48];
    amount_text(want, 2, false, exp);
    CHECK_STR(jx_money_format(sum, JX_YUAN, 2, JX_ROUND_HALF_UP, got), exp);
    amount_text(want_w, 6, false, exp);
    CHECK_STR(jx_money_format(sum_w, JX_WANYUAN, 6, JX_ROUND_HALF_UP, got),
              exp);
}

/* Separators, full-width forms, spaces, signs and suffixes. */
static void parse_forms(void)
{
    CHECK_INT(money("１，２３４．５６万元", JX_YUAN).fen, 1234560000);
    CHECK_INT(money("1,234.56", JX_YUAN).fen, 123456);
    CHECK_INT(money("1,234,567.8", JX_YUAN).fen, 123456780);
    CHECK_INT(money("1，234，567", JX_YUAN).fen, 123456700);
    CHECK_INT(money("123,456", JX_WANYUAN).fen, 123456000000);
    CHECK_INT(money("1902.68万元", JX_YUAN).fen, 1902680000);
    CHECK_INT(money("1902.68万", JX_YUAN).fen, 1902680000);
    CHECK_INT(money("1902.68 万元", JX_YUAN).fen, 1902680000);
    CHECK_INT(money("1902.68元", JX_WANYUAN).fen, 190268);
    CHECK_INT(money("1902.68", JX_WANYUAN).fen, 1902680000);
    CHECK_INT(money("　１２３．４５元　", JX_WANYUAN).fen, 12345);
    CHECK_INT(money(" \t-5.5\r\n", JX_YUAN).fen, -550);
    CHECK_INT(money("－５", JX_YUAN).fen, -500);
    CHECK_INT(money("\xe2\x88\x92" "1.5", JX_YUAN).fen, -150);
    CHECK_INT(money("+0.01", JX_YUAN).fen, 1);
    CHECK_INT(money("＋.5", JX_YUAN).fen, 50);
    CHECK_INT(money("007", JX_YUAN).fen, 700);
    CHECK_INT(money("1.2300", JX_YUAN).fen, 123);
    CHECK_INT(money("0.000001", JX_WANYUAN).fen, 1);
    CHECK_INT(money("1.0000010万", JX_YUAN).fen, 1000001);
    CHECK_INT(money("-0", JX_YUAN).fen, 0);

    struct jx_rat r = rat("１２．５％");
    CHECK_INT(r.num, 1);
    CHECK_INT(r.den, 8);
    bool pct = false;
    CHECK_INT(jx_rat_parse("48.65%", 6, &r, &pct, NULL), JX_NUM_OK);
    CHECK(pct);
    CHECK_INT(r.num, 973);
    CHECK_INT(r.den, 2000);
    CHECK_INT(jx_rat_parse("48.65", 5, &r, &pct, NULL), JX_NUM_OK);
    CHECK(!pct);
    CHECK_INT(r.num, 973);
    CHECK_INT(r.den, 20);
    r = rat(".5");
    CHECK_INT(r.num, 1);
    CHECK_INT(r.den, 2);
    r = rat("-.25");
    CHECK_INT(r.num, -1);
    CHECK_INT(r.den, 4);
    r = rat("+1,000");
    CHECK_INT(r.num, 1000);
    CHECK_INT(r.den, 1);
    r = rat("123456789012345678");
    CHECK_INT(r.num, 123456789012345678LL);
    r = rat("0.000000000000000001");
    CHECK_INT(r.num, 1);
    CHECK_INT(r.den, 1000000000000000000LL);
    r = rat("12345678.9012345678");
    CHECK_INT(r.num, 61728394506172839LL);
    CHECK_INT(r.den, 5000000000LL);
    r = rat("1.50000000000000000000000");
    CHECK_INT(r.num, 3);
    CHECK_INT(r.den, 2);
    r = rat("0.0000000000000001%");
    CHECK_INT(r.num, 1);
    CHECK_INT(r.den, 1000000000000000000LL);
    /* only the given length is read */
    CHECK_INT(jx_rat_parse("12.5abc", 4, &r, NULL, NULL), JX_NUM_OK);
    CHECK_INT(r.num, 25);
    CHECK_INT(r.den, 2);
}

/* One parse that must fail with a code at a byte offset. */
struct bad_case {
    const char *text;
    enum jx_numerr err;
    size_t pos;
};

/* Malformed text: the code and the byte offset of the first offending
 * byte. */
static void parse_errors(void)
{
    static const struct bad_case rats[] = {
        {"", JX_NUM_EMPTY, 0},
        {"   ", JX_NUM_EMPTY, 3},
        {"-", JX_NUM_EMPTY, 1},
        {".", JX_NUM_EMPTY, 0},
        {"-.", JX_NUM_EMPTY, 1},
        {"%", JX_NUM_EMPTY, 0},
        {"12.3.4", JX_NUM_SYNTAX, 4},
        {"1,2,3", JX_NUM_SYNTAX, 3},
        {",100", JX_NUM_SYNTAX, 0},
        {"1,0000", JX_NUM_SYNTAX, 5},
        {"1,", JX_NUM_SYNTAX, 2},
        {"1,23", JX_NUM_SYNTAX, 4},
        {"1234,567", JX_NUM_SYNTAX, 4},
        {"0,500", JX_NUM_SYNTAX, 1},
        {"1,234，567", JX_NUM_SYNTAX, 5},
        {"1.234,5", JX_NUM_SYNTAX, 5},
        {"5.", JX_NUM_SYNTAX, 1},
        {".x", JX_NUM_SYNTAX, 1},
        {"12a", JX_NUM_SYNTAX, 2},
        {"1 2", JX_NUM_SYNTAX, 2},
        {"--5", JX_NUM_SYNTAX, 1},
        {"- 5", JX_NUM_SYNTAX, 1},
        {"1e5", JX_NUM_SYNTAX, 1},
        {"abc", JX_NUM_SYNTAX, 0},
        {"１２．３．４", JX_NUM_SYNTAX, 12},
        {"5%%", JX_NUM_SYNTAX, 2},
        {"5元", JX_NUM_UNIT, 1},
        {"5 万", JX_NUM_UNIT, 2},
        {"99999999999999999999", JX_NUM_RANGE, 0},
        {"-1234567890123456789", JX_NUM_RANGE, 1},
        {"0.1234567890123456789", JX_NUM_PRECISION, 20},
        {"1234567890.123456789", JX_NUM_PRECISION, 19},
        {"0.00000000000000001%", JX_NUM_PRECISION, 18},
    };
    for (size_t i = 0; i < sizeof rats / sizeof rats[0]; i++) {
        struct jx_rat r = {7, 7};
        bool pct = true;
        size_t pos = 999;
        const char *t = rats[i].text;
        enum jx_numerr e = jx_rat_parse(t, strlen(t), &r, &pct, &pos);
        if (e != rats[i].err || pos != rats[i].pos) {
            jx_test_fail(__FILE__, __LINE__,
                         "jx_rat_parse(\"%s\"): expected %d at %zu, got %d "
                         "at %zu",
                         t, (int)rats[i].err, rats[i].pos, (int)e, pos);
        }
        CHECK(r.num == 0 && r.den == 1 && !pct);
    }
    /* a "%" where none is wanted */
    struct jx_rat r;
    size_t pos = 999;
    CHECK_INT(jx_rat_parse("5%", 2, &r, NULL, &pos), JX_NUM_UNIT);
    CHECK_INT(pos, 1);
    CHECK_INT(jx_rat_parse(NULL, 0, &r, NULL, &pos), JX_NUM_EMPTY);

    static const struct bad_case moneys[] = {
        {"", JX_NUM_EMPTY, 0},
        {"元", JX_NUM_EMPTY, 0},
        {"-万元", JX_NUM_EMPTY, 1},
        {"5%", JX_NUM_UNIT, 1},
        {"5万元%", JX_NUM_SYNTAX, 7},
        {"5元元", JX_NUM_SYNTAX, 4},
        {"1,0000元", JX_NUM_SYNTAX, 5},
        {"1.234元", JX_NUM_PRECISION, 4},
        {"1.234", JX_NUM_PRECISION, 4},
        {"0.0000001万元", JX_NUM_PRECISION, 8},
        {"1.0000001万", JX_NUM_PRECISION, 8},
        {"99999999999999999999", JX_NUM_RANGE, 0},
        {"92233720368547758.08", JX_NUM_RANGE, 0},
        {"9223372036854.775808万元", JX_NUM_RANGE, 0},
        {"－92233720368547758.09", JX_NUM_RANGE, 3},
    };
    for (size_t i = 0; i < sizeof moneys / sizeof moneys[0]; i++) {
        struct jx_money m = {77};
        pos = 999;
        const char *t = moneys[i].text;
        enum jx_numerr e = jx_money_parse(t, strlen(t), JX_YUAN, &m, &pos);
        if (e != moneys[i].err || pos != moneys[i].pos) {
            jx_test_fail(__FILE__, __LINE__,
                         "jx_money_parse(\"%s\"): expected %d at %zu, got %d "
                         "at %zu",
                         t, (int)moneys[i].err, moneys[i].pos, (int)e, pos);
        }
        CHECK_INT(m.fen, 0);
    }
    /* 万元 holds 6 decimals, 元 holds 2: never rounded silently */
    struct jx_money m;
    CHECK_INT(jx_money_parse("1.1234567", 9, JX_WANYUAN, &m, &pos),
              JX_NUM_PRECISION);
    CHECK_INT(pos, 8);
    CHECK_INT(jx_money_parse("1.123456", 8, JX_WANYUAN, &m, &pos), JX_NUM_OK);
    CHECK_INT(m.fen, 1123456);
    CHECK_INT(jx_money_parse("1.123", 5, JX_YUAN, &m, &pos),
              JX_NUM_PRECISION);
    CHECK_INT(pos, 4);
}

/* Checked arithmetic reports overflow instead of wrapping. */
static void overflow(void)
{
    struct jx_money m;
    CHECK_INT(money("92233720368547758.07", JX_YUAN).fen, INT64_MAX);
    CHECK_INT(money("-92233720368547758.08", JX_YUAN).fen, INT64_MIN);
    CHECK_INT(money("9223372036854.775807万元", JX_YUAN).fen, INT64_MAX);
    struct jx_money max = {INT64_MAX}, min = {INT64_MIN}, one = {1};
    CHECK_INT(jx_money_add(max, one, &m), JX_NUM_RANGE);
    CHECK_INT(m.fen, 0);
    CHECK_INT(jx_money_sub(min, one, &m), JX_NUM_RANGE);
    CHECK_INT(jx_money_sub(max, one, &m), JX_NUM_OK);
    CHECK_INT(m.fen, INT64_MAX - 1);

    struct jx_rat r, big = jx_rat_int(INT64_MAX), two = jx_rat_int(2);
    CHECK_INT(jx_rat_mul(big, two, &r), JX_NUM_RANGE);
    CHECK_INT(r.num, 0);
    CHECK_INT(r.den, 1);
    CHECK_INT(jx_rat_mul(rat("10000000000"), rat("10000000000"), &r),
              JX_NUM_RANGE);
    CHECK_INT(jx_rat_mul(rat("1000000000"), rat("1000000000"), &r),
              JX_NUM_OK);
    CHECK_INT(r.num, 1000000000000000000LL);
    CHECK_INT(jx_rat_add(big, jx_rat_int(1), &r), JX_NUM_RANGE);
    CHECK_INT(jx_rat_sub(jx_rat_int(INT64_MIN), jx_rat_int(1), &r),
              JX_NUM_RANGE);
    CHECK_INT(jx_rat_div(big, rat("0.5"), &r), JX_NUM_RANGE);
    struct jx_rat a, b;
    CHECK_INT(jx_rat_make(1, INT64_MAX, &a), JX_NUM_OK);
    CHECK_INT(jx_rat_make(1, INT64_MAX - 1, &b), JX_NUM_OK);
    CHECK_INT(jx_rat_add(a, b, &r), JX_NUM_RANGE);
    /* large intermediates that reduce back into range are fine */
    CHECK_INT(jx_rat_mul(a, big, &r), JX_NUM_OK);
    CHECK_INT(r.num, 1);
    CHECK_INT(r.den, 1);
    CHECK_INT(jx_rat_sub(a, a, &r), JX_NUM_OK);
    CHECK_INT(r.num, 0);
    CHECK_INT(r.den, 1);
    CHECK_INT(jx_rat_make(INT64_MIN, -1, &r), JX_NUM_RANGE);
    CHECK_INT(jx_rat_make(INT64_MIN, 2, &r), JX_NUM_OK);
    CHECK_INT(r.num, INT64_MIN / 2);
    CHECK_INT(r.den, 1);
    CHECK_INT(jx_rat_money_div(min, (struct jx_money){-1}, &r),
              JX_NUM_RANGE);
}

/* Division by zero is reported, never 0 or infinity. */
static void div_zero(void)
{
    struct jx_rat r = {5, 7};
    CHECK_INT(jx_rat_make(1, 0, &r), JX_NUM_DIV0);
    CHECK(r.num == 0 && r.den == 1);
    CHECK_INT(jx_rat_money_div(money("3", JX_YUAN), money("0.00", JX_YUAN),
                               &r),
              JX_NUM_DIV0);
    CHECK_INT(jx_rat_div(rat("1"), rat("-0"), &r), JX_NUM_DIV0);
    CHECK_INT(jx_rat_div(rat("0"), rat("0"), &r), JX_NUM_DIV0);
    CHECK_INT(jx_rat_div(rat("0"), rat("3"), &r), JX_NUM_OK);
    CHECK(r.num == 0 && r.den == 1);
}

/* Canonical exact forms. */
static void format_exact(void)
{
    char b[JX_NUM_BUFSZ];
    CHECK_STR(jx_money_format_exact(money("1902.68", JX_WANYUAN), JX_WANYUAN,
                                    b),
              "1902.68");
    CHECK_STR(jx_money_format_exact(money("639", JX_WANYUAN), JX_WANYUAN, b),
              "639.00");
    CHECK_STR(jx_money_format_exact(money("0.000001", JX_WANYUAN),
                                    JX_WANYUAN, b),
              "0.000001");
    CHECK_STR(jx_money_format_exact(money("1234.5", JX_WANYUAN), JX_WANYUAN,
                                    b),
              "1234.50");
    CHECK_STR(jx_money_format_exact(money("-1234.567", JX_WANYUAN),
                                    JX_WANYUAN, b),
              "-1234.567");
    CHECK_STR(jx_money_format_exact(money("0", JX_WANYUAN), JX_WANYUAN, b),
              "0.00");
    CHECK_STR(jx_money_format_exact(money("1902.68万元", JX_YUAN), JX_YUAN,
                                    b),
              "19026800.00");
    CHECK_STR(jx_money_format_exact(money("123.4", JX_YUAN), JX_YUAN, b),
              "123.40");
    CHECK_STR(jx_money_format_exact((struct jx_money){INT64_MIN}, JX_YUAN,
                                    b),
              "-92233720368547758.08");

    CHECK_STR(jx_rat_format_exact(rat("4.87"), false, b), "4.87");
    CHECK_STR(jx_rat_format_exact(rat("100"), false, b), "100");
    CHECK_STR(jx_rat_format_exact(rat("100.000"), false, b), "100");
    CHECK_STR(jx_rat_format_exact(rat("0.125"), false, b), "0.125");
    CHECK_STR(jx_rat_format_exact(rat("-0.125"), false, b), "-0.125");
    CHECK_STR(jx_rat_format_exact(rat("0"), false, b), "0");
    CHECK_STR(jx_rat_format_exact(rat("48.65%"), true, b), "48.65%");
    CHECK_STR(jx_rat_format_exact(rat("1"), true, b), "100%");
    CHECK_STR(jx_rat_format_exact(rat("0.000000000000000001"), false, b),
              "0.000000000000000001");
    struct jx_rat r;
    CHECK_INT(jx_rat_make(1, 3, &r), JX_NUM_OK);
    CHECK(jx_rat_format_exact(r, false, b) == NULL);
    CHECK(jx_rat_format_exact(r, true, b) == NULL);
    CHECK_INT(jx_rat_make(1, 262144, &r), JX_NUM_OK); /* 2^-18 */
    CHECK_STR(jx_rat_format_exact(r, false, b), "0.000003814697265625");
    CHECK_INT(jx_rat_make(1, 524288, &r), JX_NUM_OK); /* 2^-19 */
    CHECK(jx_rat_format_exact(r, false, b) == NULL);
    CHECK_STR(jx_rat_format_exact(r, true, b), "0.00019073486328125%");
    CHECK_INT(jx_rat_make(INT64_MIN, 1, &r), JX_NUM_OK);
    CHECK_STR(jx_rat_format_exact(r, true, b), "-922337203685477580800%");
    CHECK_STR(jx_rat_format(r, 18, true, JX_ROUND_HALF_UP, b),
              "-922337203685477580800.000000000000000000%");
}

/* Money formatting at a scale, with modes and negative zero. */
static void money_format(void)
{
    char b[JX_NUM_BUFSZ];
    struct jx_money m = money("1902.68", JX_WANYUAN);
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 2, JX_ROUND_HALF_UP, b),
              "1902.68");
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 0, JX_ROUND_HALF_UP, b),
              "1903");
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 6, JX_ROUND_HALF_UP, b),
              "1902.680000");
    CHECK_STR(jx_money_format(m, JX_YUAN, 2, JX_ROUND_HALF_UP, b),
              "19026800.00");
    m.fen = 5000; /* 0.005 万元 */
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 2, JX_ROUND_HALF_UP, b), "0.01");
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 2, JX_ROUND_DOWN, b), "0.00");
    m.fen = -5000;
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 2, JX_ROUND_HALF_UP, b),
              "-0.01");
    m.fen = -4999;
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 2, JX_ROUND_HALF_UP, b), "0.00");
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 2, JX_ROUND_FLOOR, b), "-0.01");
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 2, JX_ROUND_CEIL, b), "0.00");
    m.fen = -150; /* -1.50 元 */
    CHECK_STR(jx_money_format(m, JX_YUAN, 0, JX_ROUND_HALF_UP, b), "-2");
    CHECK_STR(jx_money_format(m, JX_YUAN, 0, JX_ROUND_DOWN, b), "-1");
    CHECK_STR(jx_money_format(m, JX_YUAN, 0, JX_ROUND_UP, b), "-2");
    CHECK_STR(jx_money_format(m, JX_YUAN, 0, JX_ROUND_FLOOR, b), "-2");
    CHECK_STR(jx_money_format(m, JX_YUAN, 0, JX_ROUND_CEIL, b), "-1");
    CHECK_STR(jx_money_format(m, JX_YUAN, 4, JX_ROUND_CEIL, b), "-1.5000");
    CHECK_STR(jx_money_format(m, JX_YUAN, -3, JX_ROUND_CEIL, b), "-1");
    m.fen = INT64_MAX;
    CHECK_STR(jx_money_format(m, JX_YUAN, 0, JX_ROUND_HALF_UP, b),
              "92233720368547758");
    CHECK_STR(jx_money_format(m, JX_WANYUAN, 2, JX_ROUND_UP, b),
              "9223372036854.78");
    CHECK_STR(jx_money_unit_name(JX_YUAN), "元");
    CHECK_STR(jx_money_unit_name(JX_WANYUAN), "万元");
}

/* "-0.00" never appears. */
static void negative_zero(void)
{
    char b[JX_NUM_BUFSZ];
    struct jx_rat r = rat("-0.00");
    CHECK(r.num == 0 && r.den == 1);
    CHECK_STR(jx_rat_format(r, 2, false, JX_ROUND_HALF_UP, b), "0.00");
    CHECK_STR(rfmt("-0.001", 2, JX_ROUND_HALF_UP, b), "0.00");
    CHECK_STR(rfmt("-0.001", 2, JX_ROUND_CEIL, b), "0.00");
    CHECK_STR(rfmt("-0.001", 2, JX_ROUND_DOWN, b), "0.00");
    CHECK_STR(rfmt("-0.001", 2, JX_ROUND_FLOOR, b), "-0.01");
    CHECK_STR(rfmt("-0.4", 0, JX_ROUND_HALF_UP, b), "0");
    struct jx_money m = money("-0.00", JX_YUAN);
    CHECK_INT(m.fen, 0);
    CHECK_STR(jx_money_format(m, JX_YUAN, 2, JX_ROUND_HALF_UP, b), "0.00");
    CHECK_INT(jx_rat_round(rat("-0.001"), 2, JX_ROUND_HALF_UP, &r),
              JX_NUM_OK);
    CHECK(r.num == 0 && r.den == 1);
}

/* Exact results of the arithmetic and comparisons. */
static void arithmetic(void)
{
    struct jx_rat a, b, r;
    CHECK_INT(jx_rat_make(1, 3, &a), JX_NUM_OK);
    CHECK_INT(jx_rat_make(-2, -12, &b), JX_NUM_OK); /* 1/6 */
    CHECK(b.num == 1 && b.den == 6);
    CHECK_INT(jx_rat_add(a, b, &r), JX_NUM_OK);
    CHECK(r.num == 1 && r.den == 2);
    CHECK_INT(jx_rat_sub(b, a, &r), JX_NUM_OK);
    CHECK(r.num == -1 && r.den == 6);
    CHECK_INT(jx_rat_mul(rat("0.75"), rat("-4"), &r), JX_NUM_OK);
    CHECK(r.num == -3 && r.den == 1);
    CHECK_INT(jx_rat_div(rat("0.5"), rat("-0.75"), &r), JX_NUM_OK);
    CHECK(r.num == -2 && r.den == 3);
    CHECK_INT(jx_rat_add(rat("0.1"), rat("0.2"), &r), JX_NUM_OK);
    CHECK_INT(jx_rat_cmp(r, rat("0.3")), 0);
    CHECK_INT(jx_rat_cmp(a, rat("0.333")), 1);
    CHECK_INT(jx_rat_cmp(rat("0.333"), a), -1);
    CHECK_INT(jx_rat_cmp(rat("-2"), rat("-1.5")), -1);
    CHECK_INT(jx_rat_sign(rat("-0.01")), -1);
    CHECK_INT(jx_rat_sign(rat("0")), 0);
    CHECK_INT(jx_rat_sign(a), 1);
    r = jx_rat_min(a, b);
    CHECK(r.num == 1 && r.den == 6);
    r = jx_rat_max(a, b);
    CHECK(r.num == 1 && r.den == 3);
    CHECK(jx_rat_is_int(rat("4.000")));
    CHECK(!jx_rat_is_int(rat("4.5")));
    CHECK(jx_rat_is_int((struct jx_rat){4, 2}));
    r = jx_rat_from_money_yuan(money("1902.68万元", JX_YUAN));
    CHECK(r.num == 19026800 && r.den == 1);
    r = jx_rat_from_money_yuan(money("0.25", JX_YUAN));
    CHECK(r.num == 1 && r.den == 4);
    r = jx_rat_from_money_yuan((struct jx_money){INT64_MIN});
    CHECK(r.num == INT64_MIN / 4 && r.den == 25);
    struct jx_money m1 = money("10.05", JX_YUAN), m2 = money("3.1", JX_YUAN);
    struct jx_money m;
    CHECK_INT(jx_money_sub(m2, m1, &m), JX_NUM_OK);
    CHECK_INT(m.fen, -695);
    CHECK_INT(jx_money_cmp(m1, m2), 1);
    CHECK_INT(jx_money_cmp(m2, m1), -1);
    CHECK_INT(jx_money_cmp(m1, m1), 0);
}

/* Parse -> canonical form -> parse gives the same value. */
static void round_trips(void)
{
    static const char *const rats[][2] = {
        {"1,902.68", "1902.68"}, {"００７．５０", "7.5"},
        {"-0.000000000000000001", "-0.000000000000000001"},
        {"123456789012345678", "123456789012345678"},
        {"+.5", "0.5"}, {"3911.21", "3911.21"}, {"-12,345,678.9", "-12345678.9"},
    };
    char b[JX_NUM_BUFSZ];
    for (size_t i = 0; i < sizeof rats / sizeof rats[0]; i++) {
        struct jx_rat r = rat(rats[i][0]);
        const char *f = jx_rat_format_exact(r, false, b);
        CHECK_STR(f, rats[i][1]);
        if (f) {
            CHECK_INT(jx_rat_cmp(rat(f), r), 0);
        }
    }
    static const char *const pcts[][2] = {
        {"48.65%", "48.65%"}, {"１００％", "100%"}, {"0.5%", "0.5%"},
        {"-3%", "-3%"},
    };
    for (size_t i = 0; i < sizeof pcts / sizeof pcts[0]; i++) {
        struct jx_rat r = rat(pcts[i][0]);
        const char *f = jx_rat_format_exact(r, true, b);
        CHECK_STR(f, pcts[i][1]);
        if (f) {
            CHECK_INT(jx_rat_cmp(rat(f), r), 0);
        }
    }
    static const char *const wan[][2] = {
        {"1,902.68万元", "1902.68"}, {"０．０００００１", "0.000001"},
        {"639", "639.00"}, {"-5.1", "-5.10"}, {"12345.678900", "12345.6789"},
    };
    for (size_t i = 0; i < sizeof wan / sizeof wan[0]; i++) {
        struct jx_money m = money(wan[i][0], JX_WANYUAN);
        CHECK_STR(jx_money_format_exact(m, JX_WANYUAN, b), wan[i][1]);
        CHECK_INT(money(b, JX_WANYUAN).fen, m.fen);
    }
}

/* Zero-initialised and negative-denominator rationals are read
 * sensibly. */
static void lenient_inputs(void)
{
    char b[JX_NUM_BUFSZ];
    struct jx_rat z = {0, 0}, h = {1, -2}, r;
    CHECK_INT(jx_rat_sign(z), 0);
    CHECK_STR(jx_rat_format(z, 2, false, JX_ROUND_HALF_UP, b), "0.00");
    CHECK_INT(jx_rat_add(z, jx_rat_int(3), &r), JX_NUM_OK);
    CHECK(r.num == 3 && r.den == 1);
    CHECK_STR(jx_rat_format(h, 2, false, JX_ROUND_HALF_UP, b), "-0.50");
    CHECK_INT(jx_rat_cmp(h, rat("-0.5")), 0);
    CHECK_INT(jx_rat_sign(h), -1);
    CHECK_INT(jx_rat_mul(h, h, &r), JX_NUM_OK);
    CHECK(r.num == 1 && r.den == 4);
    struct jx_rat odd = {INT64_MIN, INT64_MIN};
    CHECK_INT(jx_rat_add(odd, odd, &r), JX_NUM_OK);
    CHECK(r.num == 2 && r.den == 1);
}

/* The Chinese texts of the result codes (used in diagnostics). */
static void numerr_text(void)
{
    CHECK_STR(jx_numerr_zh(JX_NUM_OK), "正确");
    CHECK_STR(jx_numerr_zh(JX_NUM_EMPTY), "缺少数字");
    CHECK_STR(jx_numerr_zh(JX_NUM_SYNTAX), "数字格式错误");
    CHECK_STR(jx_numerr_zh(JX_NUM_RANGE), "数值超出范围");
    CHECK_STR(jx_numerr_zh(JX_NUM_PRECISION), "小数位数过多，无法精确表示");
    CHECK_STR(jx_numerr_zh(JX_NUM_DIV0), "除数为零");
    CHECK_STR(jx_numerr_zh(JX_NUM_UNIT), "此处不允许该单位");
    CHECK_STR(jx_numerr_zh((enum jx_numerr)99), "未知的数字错误");
}

/* A checked chain: exact while it fits, 0 and bad after the first
 * overflow or division by zero, and bad stays set. */
static void calc_chain(void)
{
    struct jx_calc k = {false};
    struct jx_rat r = jx_calc_div(&k, jx_calc_mul(&k, jx_rat_int(1902),
                                                  jx_rat_int(100)),
                                  jx_rat_int(3911));
    r = jx_calc_round(&k, r, 2);
    char b[JX_NUM_BUFSZ];
    CHECK(!k.bad);
    CHECK_STR(jx_rat_format(r, 2, false, JX_ROUND_HALF_UP, b), "48.63");
    r = jx_calc_div(&k, r, jx_rat_int(0));
    CHECK(k.bad);
    CHECK_INT(jx_rat_sign(r), 0);
    r = jx_calc_add(&k, jx_rat_int(1), jx_rat_int(1));
    CHECK(k.bad);
    CHECK_INT(jx_rat_sign(r), 0);
    struct jx_calc m = {false};
    jx_calc_mul(&m, jx_rat_int(INT64_MAX), jx_rat_int(INT64_MAX));
    CHECK(m.bad);
    struct jx_calc s = {false};
    r = jx_calc_sub(&s, jx_rat_int(5), jx_rat_int(7));
    CHECK(!s.bad);
    CHECK_INT(jx_rat_cmp(r, jx_rat_int(-2)), 0);
}

/* The reduction's short cuts (den 1, numerator 0 or 1) give what the
 * gcd gives: the sign on the numerator, 0 as 0/1, lowest terms. */
static void reduce_shortcuts(void)
{
    struct jx_rat r;
    CHECK_INT(jx_rat_make(0, -7, &r), JX_NUM_OK);
    CHECK(r.num == 0 && r.den == 1);
    CHECK_INT(jx_rat_make(1, -4, &r), JX_NUM_OK);
    CHECK(r.num == -1 && r.den == 4);
    CHECK_INT(jx_rat_make(-1, -3, &r), JX_NUM_OK);
    CHECK(r.num == 1 && r.den == 3);
    CHECK_INT(jx_rat_make(-12, 1, &r), JX_NUM_OK);
    CHECK(r.num == -12 && r.den == 1);
    CHECK_INT(jx_rat_make(12, -1, &r), JX_NUM_OK);
    CHECK(r.num == -12 && r.den == 1);
    CHECK_INT(jx_rat_make(INT64_MIN, 1, &r), JX_NUM_OK);
    CHECK(r.num == INT64_MIN && r.den == 1);
    CHECK_INT(jx_rat_make(INT64_MIN, -1, &r), JX_NUM_RANGE);
    CHECK_INT(jx_rat_make(6, 4, &r), JX_NUM_OK);
    CHECK(r.num == 3 && r.den == 2);
    struct jx_rat s;
    CHECK_INT(jx_rat_add(jx_rat_int(5), jx_rat_int(-5), &s), JX_NUM_OK);
    CHECK(s.num == 0 && s.den == 1);
}

/* The gcd's paths: a small denominator against a large numerator (the
 * remainder step first), both large, equal, powers of two, the largest
 * values; each reduced to lowest terms as Euclid would. */
static void reduce_gcd_paths(void)
{
    struct jx_rat r;
    CHECK_INT(jx_rat_make(123456789012300, 100, &r), JX_NUM_OK);
    CHECK(r.num == 1234567890123 && r.den == 1);
    CHECK_INT(jx_rat_make(123456789012345, 1000000, &r), JX_NUM_OK);
    CHECK(r.num == 24691357802469 && r.den == 200000);
    CHECK_INT(jx_rat_make(-987654321987654000, 250, &r), JX_NUM_OK);
    CHECK(r.num == -3950617287950616 && r.den == 1);
    CHECK_INT(jx_rat_make(INT64_C(21504), INT64_C(1000000007) * 1024, &r), JX_NUM_OK);
    CHECK(r.num == 21 && r.den == 1000000007);
    CHECK_INT(jx_rat_make(600851475143, 600851475143, &r), JX_NUM_OK);
    CHECK(r.num == 1 && r.den == 1);
    CHECK_INT(jx_rat_make((int64_t)1 << 40, (int64_t)1 << 62, &r), JX_NUM_OK);
    CHECK(r.num == 1 && r.den == (int64_t)1 << 22);
    CHECK_INT(jx_rat_make(INT64_MAX, 98, &r), JX_NUM_OK); /* 7^2 * 73 * ... */
    CHECK(r.num == INT64_MAX / 49 && r.den == 2);
    CHECK_INT(jx_rat_make(-INT64_MAX, INT64_MAX - 1, &r), JX_NUM_OK);
    CHECK(r.num == -INT64_MAX && r.den == INT64_MAX - 1);
    CHECK_INT(jx_rat_make(INT64_C(6700417) * 3, INT64_C(6700417) * 5 * 256, &r), JX_NUM_OK);
    CHECK(r.num == 3 && r.den == 1280);
}

/* jx_rat_exact_decimals gives the decimals jx_rat_format_exact writes,
 * -1 where it writes nothing; and the integer part past 64 bits. */
static void exact_decimals(void)
{
    char buf[JX_NUM_BUFSZ];
    struct jx_rat r;
    CHECK_INT(jx_rat_exact_decimals(jx_rat_int(100), false), 0);
    CHECK_INT(jx_rat_make(1, 8, &r), JX_NUM_OK);
    CHECK_INT(jx_rat_exact_decimals(r, false), 3);
    CHECK_STR(jx_rat_format_exact(r, false, buf), "0.125");
    CHECK_INT(jx_rat_exact_decimals(r, true), 1);
    CHECK_STR(jx_rat_format_exact(r, true, buf), "12.5%");
    CHECK_INT(jx_rat_make(-7, 20, &r), JX_NUM_OK);
    CHECK_INT(jx_rat_exact_decimals(r, false), 2);
    CHECK_STR(jx_rat_format_exact(r, false, buf), "-0.35");
    CHECK_INT(jx_rat_exact_decimals(r, true), 0);
    CHECK_INT(jx_rat_make(1, 3, &r), JX_NUM_OK);
    CHECK_INT(jx_rat_exact_decimals(r, false), -1);
    CHECK(jx_rat_format_exact(r, false, buf) == NULL);
    CHECK_INT(jx_rat_make(1, (int64_t)1 << 19, &r), JX_NUM_OK);
    CHECK_INT(jx_rat_exact_decimals(r, false), -1); /* 19: past 18 */
    CHECK(jx_rat_format_exact(r, false, buf) == NULL);
    CHECK_INT(jx_rat_make(3, 1000000000000000000, &r), JX_NUM_OK);
    CHECK_INT(jx_rat_exact_decimals(r, false), 18);
    CHECK_INT(jx_rat_exact_decimals(r, true), 16);
    /* an integer part past 2^64 (a percentage of a large value) */
    CHECK_STR(jx_rat_format_exact(jx_rat_int(INT64_MAX), true, buf),
              "922337203685477580700%");
    CHECK_STR(jx_rat_format_exact(jx_rat_int(INT64_MIN), true, buf),
              "-922337203685477580800%");
}

/* The plain shape ([-]digits[.digits][%], ASCII) read in one walk
 * gives exactly what the general path gives for the same number
 * written another way (a leading space): values, percent flag, and at
 * the digit limits the same errors and error positions. */
static void plain_fast_path(void)
{
    static const struct {
        const char *s;
        int64_t num, den;
        bool pct;
    } rats[] = {
        {"48.65%", 973, 2000, true},
        {"-3", -3, 1, false},
        {"0012.500", 25, 2, false},
        {"-0.000", 0, 1, false},
        {"100%", 1, 1, true},
        {"-7.5", -15, 2, false},
        {"1234.56", 30864, 25, false},
        {"0.08%", 1, 1250, true},
        {"-1.024", -128, 125, false},
        {"123456789012345678", 123456789012345678, 1, false},
        {"0.000000000000000001", 1, 1000000000000000000, false},
        {"12345678901234567.8", 61728394506172839, 5, false},
        {"0.0000000000000001%", 1, 1000000000000000000, true},
    };
    for (size_t i = 0; i < sizeof rats / sizeof rats[0]; i++) {
        char spaced[64];
        snprintf(spaced, sizeof spaced, " %s", rats[i].s);
        struct jx_rat a, b;
        bool pa = false, pb = false;
        CHECK_INT(jx_rat_parse(rats[i].s, strlen(rats[i].s), &a, &pa, NULL),
                  JX_NUM_OK);
        CHECK_INT(jx_rat_parse(spaced, strlen(spaced), &b, &pb, NULL),
                  JX_NUM_OK);
        CHECK(a.num == rats[i].num && a.den == rats[i].den);
        CHECK(b.num == a.num && b.den == a.den);
        CHECK(pa == rats[i].pct && pb == pa);
    }
    /* past the limits: the general path's errors, at the same places */
    static const struct {
        const char *s;
        bool want_pct;
        enum jx_numerr e;
        size_t pos;
    } bad[] = {
        {"1234567890123456789", false, JX_NUM_RANGE, 0},
        {"0.0000000000000000001", false, JX_NUM_PRECISION, 20},
        {"123456789.0123456789", false, JX_NUM_PRECISION, 19},
        {"0.00000000000000001%", true, JX_NUM_PRECISION, 18},
        {"5%", false, JX_NUM_UNIT, 1},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct jx_rat r;
        bool pct;
        size_t pos = 99;
        CHECK_INT(jx_rat_parse(bad[i].s, strlen(bad[i].s), &r,
                               bad[i].want_pct ? &pct : NULL, &pos),
                  bad[i].e);
        CHECK_INT(pos, bad[i].pos);
        CHECK(r.num == 0 && r.den == 1);
    }
    /* money: 元 and 万元, trailing zeros, the sign, the limits */
    struct jx_money m;
    CHECK_INT(money("1902.68", JX_WANYUAN).fen, 1902680000);
    CHECK_INT(money("1902.680000", JX_WANYUAN).fen, 1902680000);
    CHECK_INT(money("-0.05", JX_YUAN).fen, -5);
    CHECK_INT(money("-0.000", JX_YUAN).fen, 0);
    CHECK_INT(money("92233720368547758.07", JX_YUAN).fen, INT64_MAX);
    CHECK_INT(money("-92233720368547758.08", JX_YUAN).fen, INT64_MIN);
    size_t pos = 99;
    m.fen = 7;
    CHECK_INT(jx_money_parse("92233720368547758.08", 20, JX_YUAN, &m, &pos),
              JX_NUM_RANGE);
    CHECK_INT(pos, 0);
    CHECK_INT(m.fen, 0);
    CHECK_INT(jx_money_parse("1.2345678", 9, JX_WANYUAN, &m, &pos),
              JX_NUM_PRECISION);
    CHECK_INT(pos, 8);
    CHECK_INT(jx_money_parse("12.345", 6, JX_YUAN, &m, &pos),
              JX_NUM_PRECISION);
    CHECK_INT(pos, 5);
    CHECK_INT(jx_money_parse("1234567890123456789", 19, JX_YUAN, &m, &pos),
              JX_NUM_RANGE);
    CHECK_INT(jx_money_parse("5%", 2, JX_YUAN, &m, &pos), JX_NUM_UNIT);
    CHECK_INT(pos, 1);
}

const struct jx_test t_dec[] = {
    {"dec.plain_fast_path", plain_fast_path},
    {"dec.exact_decimals", exact_decimals},
    {"dec.calc_chain", calc_chain},
    {"dec.round_half_up", round_half_up},
    {"dec.round_modes", round_modes},
    {"dec.rates_percent", rates_percent},
    {"dec.double_rounding", double_rounding},
    {"dec.random_sums", random_sums},
    {"dec.parse_forms", parse_forms},
    {"dec.parse_errors", parse_errors},
    {"dec.overflow", overflow},
    {"dec.div_zero", div_zero},
    {"dec.format_exact", format_exact},
    {"dec.money_format", money_format},
    {"dec.negative_zero", negative_zero},
    {"dec.arithmetic", arithmetic},
    {"dec.round_trips", round_trips},
    {"dec.lenient_inputs", lenient_inputs},
    {"dec.numerr_text", numerr_text},
    {"dec.reduce_shortcuts", reduce_shortcuts},
    {"dec.reduce_gcd_paths", reduce_gcd_paths},
    {NULL, NULL},
};
