/*
 * indval.h - indicator values: 年度指标值 (target) and 实际完成值
 * (actual) text parsed into operator, exact number and unit, a date, or
 * a qualitative word.
 *
 * Normalises full-width forms (NFKC via utf8proc), ≧ ≦ ≥ ≤ and the
 * LaTeX-like text PDF converters leave ("$\geq 95\%$").  Knows the
 * units of the field and their equivalences (万 = 万元 for money,
 * 百分比 = %).  Never fails hard: text it cannot read becomes
 * JX_IV_UNPARSED with a reason, for the caller to report.
 *
 * Ownership: strings in a struct jx_indval live in the arena given.
 */
#ifndef JIXIAO_INDVAL_H
#define JIXIAO_INDVAL_H

#include "jixiao/base.h"
#include "jixiao/dec.h"

/* Longest indicator text accepted, in bytes. */
#define JX_INDVAL_MAX_BYTES 4096

/* What kind of value the text holds. */
enum jx_iv_kind {
    JX_IV_EMPTY = 0,   /* blank, "/", "……", "无" */
    JX_IV_NUMBER,      /* [op] number [unit], or a range */
    JX_IV_DATE,        /* a date, possibly with 前/完成 */
    JX_IV_QUALITATIVE, /* a word such as 及时, 有效提升, 明显 */
    JX_IV_NA,          /* 不适用 */
    JX_IV_UNPARSED     /* could not be read; see reason */
};

/* Comparison operator written before the number. */
enum jx_iv_op {
    JX_OP_NONE = 0, /* plain number */
    JX_OP_GE,       /* ≥ ≧ >= 不低于 不少于 以上 */
    JX_OP_GT,       /* > 高于 超过 */
    JX_OP_LE,       /* ≤ ≦ <= 不高于 不超过 以内 以下 */
    JX_OP_LT,       /* < 低于 */
    JX_OP_EQ,       /* = */
    JX_OP_RANGE     /* lo–hi (both ends inclusive) */
};

/* Dimension of a unit; values of one dimension can be compared. */
enum jx_unit_dim {
    JX_DIM_NONE = 0, /* no unit */
    JX_DIM_PERCENT,  /* % 百分比 */
    JX_DIM_MONEY,    /* 元 万元 亿元 (and 万 after an amount) */
    JX_DIM_COUNT,    /* 个 次 篇 人 套 户 件 项 家 场 ... */
    JX_DIM_TIME,     /* 天 日 小时 月 年 (durations) */
    JX_DIM_AREA,     /* 平方米 m² 亩 */
    JX_DIM_OTHER     /* a unit we know the text of but not the kind */
};

/* Which way is better (rules §1.4). */
enum jx_direction {
    JX_DIR_UNKNOWN = 0,
    JX_DIR_HIGHER, /* more is better (≥, >, counts and rates) */
    JX_DIR_LOWER,  /* less is better (≤, <, costs, failure rates) */
    JX_DIR_EXACT   /* must equal (=, dates, ranges) */
};

/* A parsed indicator value. */
struct jx_indval {
    enum jx_iv_kind kind;
    enum jx_iv_op op;
    struct jx_rat num;   /* the number in base units (% as a fraction,
                            money in 元, 万 counts multiplied out) */
    struct jx_rat hi;    /* upper end of a range (op == JX_OP_RANGE) */
    enum jx_unit_dim dim;
    const char *unit;    /* the unit as normalised ("%", "万元", "篇") */
    int y, m, d;         /* JX_IV_DATE: the date (d or m may be 0) */
    const char *word;    /* JX_IV_QUALITATIVE: the normalised word */
    const char *norm;    /* the whole text after normalisation */
    const char *reason;  /* JX_IV_UNPARSED: why, in Chinese */
    bool has_prefix;     /* a label before the value ("预算金额≤…") */
};

/* Parse text[0..len).  Always returns a value (kind may be UNPARSED). */
void jx_indval_parse(struct jx_arena *arena, const char *text, size_t len,
                     struct jx_indval *out);

/* Infer the direction for a target: from its operator, else from the
 * indicator name (成本, 费用, 故障率, 投诉 ... -> lower; 率, 数 ->
 * higher), else unknown.  name may be NULL. */
enum jx_direction jx_indval_direction(const struct jx_indval *target,
                                      const char *name);

/* Whether a and b can be compared (same dimension, money with money). */
bool jx_indval_comparable(const struct jx_indval *a,
                          const struct jx_indval *b);

/* English names for tests and JSON: "number", "ge", "percent", ... */
const char *jx_iv_kind_name(enum jx_iv_kind k);
const char *jx_iv_op_name(enum jx_iv_op op);
const char *jx_unit_dim_name(enum jx_unit_dim d);
const char *jx_direction_name(enum jx_direction d);

#endif
