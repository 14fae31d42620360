/*
 * pkggen.h - random packages that are consistent by construction, for the
 * defect-injection test (tests/inject) and the check benchmark (bench/).
 *
 * jx_gen_package() draws one unit's package from a seed: a 基础数据表 whose
 * totals are the sums of their rows, an 整体支出绩效自评表 whose splits add
 * up and whose 执行率, scores and 总分 are computed here (half-up, the
 * default double rounding of the 执行率得分), project sheets for some of the
 * base sheet's 项目支出 lines, and a ten-section 自评报告 whose prose quotes
 * the same figures in the sentence forms the checks read.  Such a package
 * must check with no error and no warning; the generator's numbers are
 * computed independently of the scoring engine.
 *
 * The figures the defects need are returned in struct jx_gen_info.
 *
 * Ownership: the caller owns the returned json_t (json_decref).
 */
#ifndef JIXIAO_TESTS_PKGGEN_H
#define JIXIAO_TESTS_PKGGEN_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

/* A small deterministic generator (splitmix64). */
struct jx_rng {
    uint64_t s;
};

/* Next 64 random bits. */
uint64_t jx_rng_next(struct jx_rng *r);

/* A uniform integer in [lo, hi] (hi >= lo). */
int64_t jx_rng_range(struct jx_rng *r, int64_t lo, int64_t hi);

/* The figures of a generated package (amounts in 0.01 万元). */
struct jx_gen_info {
    int year;
    char unit_name[128];       /* full name, e.g. 示例市清河区城市管理局 */
    const char *short_name;    /* the name used in the prose */
    int64_t authorized, actual; /* 编制数, 实际在职 */
    int64_t budget_full;       /* unit sheet 全年预算数 */
    int64_t executed;          /* unit sheet 全年执行数 */
    int64_t basic, project;    /* 基本支出, 项目支出 executed */
    int64_t personnel, public_funds; /* 人员经费, 公用经费 (基本支出) */
    int64_t general_budget, general_executed; /* 一般公共预算 */
    int64_t gov_fund;          /* 政府性基金 executed (0: none) */
    int64_t other;             /* 其他资金 executed (0: none) */
    int64_t three_budget, three_final; /* 三公经费 */
    bool overseas_zero;        /* 出国经费 0 / 0 in the base sheet */
    size_t nlines;             /* base-sheet 项目支出 lines */
    size_t nproject_sheets;    /* project sheets generated */
    bool has_list;             /* the prose lists the lines after 其中 */
    bool has_building;         /* one 楼堂馆所 row */
    bool has_assessment;       /* a 考核评分表 with stated scores */
    int assessment_total;      /* its 合计 (7 rows, points 100) */
    int cost_index;            /* unit-sheet indicator of 成本指标 on the
                                  whole 经费 (-1: none) */
    int count_index;           /* a "≥N个"-style count indicator (-1: none) */
    int pct_index;             /* a "≥95%"-style rate indicator (-1: none) */
    int qual_index;            /* a qualitative indicator (-1: none) */
    size_t nindicators;        /* unit-sheet indicators */
};

/* A new package drawn from seed; info (may be NULL) receives its figures.
 * The caller owns the result. */
json_t *jx_gen_package(uint64_t seed, struct jx_gen_info *info);

/* "1234.56" for 123456 hundredths (the buffer must hold 32 bytes);
 * returns buf. */
char *jx_gen_money(char *buf, int64_t hundredths);

/* "97.50%" for num/den, half-up at 0.01%; returns buf (32 bytes). */
char *jx_gen_rate(char *buf, int64_t num, int64_t den);

#endif
