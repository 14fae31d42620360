/*
 * dec.h - exact numbers: money in integer 分 and exact rationals for
 * rates, percentages, points and scores.
 *
 * No binary floating point anywhere.  Values are parsed from decimal
 * text only.  Every operation that can lose precision takes an explicit
 * rounding mode; JX_ROUND_HALF_UP rounds half away from zero
 * (2.345 -> 2.35, -2.345 -> -2.35).  Every operation checks overflow and
 * reports it as JX_NUM_RANGE instead of wrapping.
 *
 * Ownership: these are plain values; nothing here allocates.
 */
#ifndef JIXIAO_DEC_H
#define JIXIAO_DEC_H

#include "jixiao/base.h"

/* Result codes of the number functions. */
enum jx_numerr {
    JX_NUM_OK = 0,
    JX_NUM_EMPTY,     /* no digits at all */
    JX_NUM_SYNTAX,    /* not a decimal number (e.g. "12.3.4", "1,2,,3") */
    JX_NUM_RANGE,     /* does not fit (overflow) */
    JX_NUM_PRECISION, /* more decimals than the type can hold exactly */
    JX_NUM_DIV0,      /* division by zero */
    JX_NUM_UNIT       /* a unit suffix that is not allowed here */
};

/* Chinese description of a result code, e.g. "数字格式错误". */
const char *jx_numerr_zh(enum jx_numerr e);

/* Rounding modes.  Only the named points of the rules round. */
enum jx_round {
    JX_ROUND_HALF_UP = 0, /* half away from zero (四舍五入) */
    JX_ROUND_DOWN,        /* toward zero (truncate) */
    JX_ROUND_UP,          /* away from zero */
    JX_ROUND_FLOOR,       /* toward minus infinity */
    JX_ROUND_CEIL         /* toward plus infinity */
};

/* Money units as written in the documents. */
enum jx_money_unit {
    JX_YUAN = 0,   /* 元: 2 decimals hold 分 exactly */
    JX_WANYUAN = 1 /* 万元: 6 decimals hold 分 exactly */
};

/* Name of a unit: "元" or "万元". */
const char *jx_money_unit_name(enum jx_money_unit u);

/* Money: an exact number of 分 (1 元 = 100 分, 1 万元 = 1,000,000 分). */
struct jx_money {
    int64_t fen;
};

/* Largest text any formatting function below writes, with the NUL. */
#define JX_NUM_BUFSZ 64

/*
 * Parse money from s[0..n).  Accepts: surrounding spaces (ASCII and
 * U+3000), an optional sign, digits with optional thousands separators
 * ("," or "，", groups of exactly three), an optional decimal point
 * ("." or full-width "．"), full-width digits, and an optional unit
 * suffix "元" or "万元" (or "万") that overrides unit.  More decimals
 * than 分 can hold gives JX_NUM_PRECISION.  On failure *errpos (if not
 * NULL) is the byte offset of the first offending byte.
 */
enum jx_numerr jx_money_parse(const char *s, size_t n,
                              enum jx_money_unit unit, struct jx_money *out,
                              size_t *errpos);

/* Checked a + b and a - b. */
enum jx_numerr jx_money_add(struct jx_money a, struct jx_money b,
                            struct jx_money *out);
enum jx_numerr jx_money_sub(struct jx_money a, struct jx_money b,
                            struct jx_money *out);

/* Compare: <0, 0, >0. */
int jx_money_cmp(struct jx_money a, struct jx_money b);

/*
 * Format money in unit with exactly `scale` decimals (0..6 for 万元,
 * 0..2 for 元), rounding with mode.  No thousands separators.  Writes
 * at most JX_NUM_BUFSZ bytes to buf and returns buf.
 */
char *jx_money_format(struct jx_money m, enum jx_money_unit unit, int scale,
                      enum jx_round mode, char *buf);

/* Format money exactly in unit with the fewest decimals >= 2 that show
 * it without loss (the canonical form Package JSON stores). */
char *jx_money_format_exact(struct jx_money m, enum jx_money_unit unit,
                            char *buf);

/* ---- rationals ------------------------------------------------------ */

/* An exact rational num/den with den > 0 and gcd(|num|, den) == 1. */
struct jx_rat {
    int64_t num;
    int64_t den;
};

/* The rational n/1. */
struct jx_rat jx_rat_int(int64_t n);

/* Make num/den reduced; JX_NUM_DIV0 when den == 0. */
enum jx_numerr jx_rat_make(int64_t num, int64_t den, struct jx_rat *out);

/* The ratio of two amounts a/b (e.g. 执行率 = executed / budget). */
enum jx_numerr jx_rat_money_div(struct jx_money a, struct jx_money b,
                                struct jx_rat *out);

/* Money as a rational number of 元 (fen/100). */
struct jx_rat jx_rat_from_money_yuan(struct jx_money m);

/* Checked arithmetic with a 128-bit intermediate; the result is reduced.
 * JX_NUM_RANGE if the reduced result does not fit in 64 bits. */
enum jx_numerr jx_rat_add(struct jx_rat a, struct jx_rat b,
                          struct jx_rat *out);
enum jx_numerr jx_rat_sub(struct jx_rat a, struct jx_rat b,
                          struct jx_rat *out);
enum jx_numerr jx_rat_mul(struct jx_rat a, struct jx_rat b,
                          struct jx_rat *out);
enum jx_numerr jx_rat_div(struct jx_rat a, struct jx_rat b,
                          struct jx_rat *out);

/* Exact comparison: <0, 0, >0. */
int jx_rat_cmp(struct jx_rat a, struct jx_rat b);

/* Sign: -1, 0, 1. */
int jx_rat_sign(struct jx_rat a);

/* Smaller / larger of two. */
struct jx_rat jx_rat_min(struct jx_rat a, struct jx_rat b);
struct jx_rat jx_rat_max(struct jx_rat a, struct jx_rat b);

/* Round to `scale` decimals (0..18) with mode; the result is exact
 * (its denominator divides 10^scale). */
enum jx_numerr jx_rat_round(struct jx_rat a, int scale, enum jx_round mode,
                            struct jx_rat *out);

/*
 * Parse a decimal number from s[0..n): spaces, sign, digits with
 * optional thousands separators, decimal point, full-width forms, as
 * jx_money_parse, and an optional trailing "%" or "％" which divides by
 * 100 and sets *percent (if not NULL; otherwise a "%" is
 * JX_NUM_UNIT).  Up to 18 significant decimals.
 */
enum jx_numerr jx_rat_parse(const char *s, size_t n, struct jx_rat *out,
                            bool *percent, size_t *errpos);

/* Format rounded (mode) to `scale` decimals, e.g. 4.865 -> "4.87".
 * If percent, the value is multiplied by 100 first and "%" appended
 * (0.486468 -> "48.65%" at scale 2).  Returns buf. */
char *jx_rat_format(struct jx_rat a, int scale, bool percent,
                    enum jx_round mode, char *buf);

/* Format exactly with the fewest decimals needed ("4.87", "100",
 * "0.125"); if percent, as a percentage.  Returns NULL when the value
 * has no finite decimal expansion within 18 decimals. */
char *jx_rat_format_exact(struct jx_rat a, bool percent, char *buf);

/* The decimals jx_rat_format_exact writes for a (after its "." and
 * before any "%"), without writing them; -1 when it returns NULL. */
int jx_rat_exact_decimals(struct jx_rat a, bool percent);

/* True when the value is a whole number. */
bool jx_rat_is_int(struct jx_rat a);

/* Checked arithmetic that remembers the first failure (overflow, or a
 * division by zero): from then on every result is 0 and bad stays set,
 * so that a chain of operations is checked once at its end. */
struct jx_calc {
    bool bad;
};

/* a + b, or 0 with k->bad set. */
struct jx_rat jx_calc_add(struct jx_calc *k, struct jx_rat a, struct jx_rat b);

/* a − b, or 0 with k->bad set. */
struct jx_rat jx_calc_sub(struct jx_calc *k, struct jx_rat a, struct jx_rat b);

/* a × b, or 0 with k->bad set. */
struct jx_rat jx_calc_mul(struct jx_calc *k, struct jx_rat a, struct jx_rat b);

/* a / b, or 0 with k->bad set (also for b == 0). */
struct jx_rat jx_calc_div(struct jx_calc *k, struct jx_rat a, struct jx_rat b);

/* a rounded half-up at scale decimals, or 0 with k->bad set. */
struct jx_rat jx_calc_round(struct jx_calc *k, struct jx_rat a, int scale);

#endif
