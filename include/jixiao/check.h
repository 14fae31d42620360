/*
 * check.h - the cross-checks: every inconsistency a careful reviewer
 * would find in a package, located and explained (issue 4).
 *
 * Families (each in its own lib/check_*.c, codes in docs/checks.md and
 * docs/ERRORS.md):
 *   C1xx arithmetic       totals vs parts in every table and in the prose,
 *                         stated rates and shares recomputed, 0/0 shown as 0%
 *   C2xx report vs tables every figure of the prose reconciled with the
 *                         forms, aware of fund scope
 *   C3xx identity         unit name and year everywhere; contradictory counts
 *   C4xx indicators       copied targets, kind mismatches, cost targets set
 *                         after the fact, vague indicators ...
 *   C5xx plausibility     spending far from budget with no explanation,
 *                         figures above the whole budget, year-over-year jumps
 *   C6xx completeness     sections, attachments, templates handed in blank
 *   C7xx publication      personal data on public tables, numbering,
 *                         duplicated paragraphs
 * The scoring checks (S codes, score.h) and the indicator-text checks
 * (V codes) run before these and are not repeated here.
 *
 * Thresholds live in one place: struct jx_check_config, with defaults
 * from jx_check_config_default() and names for `--set NAME=VALUE`.
 * What the families share (their context, the way they report) is
 * private to lib/ (lib/analyse/check_family.h).
 *
 * Ownership: findings go to the caller's diags; nothing else allocates
 * outside the arena given.
 */
#ifndef JIXIAO_CHECK_H
#define JIXIAO_CHECK_H

#include "jixiao/diag.h"
#include "jixiao/model.h"
#include "jixiao/score.h"

/* Every threshold of the checks (docs/checks.md lists them). */
struct jx_check_config {
    struct jx_rat rounding_tolerance; /* |Δ| of a sum treated as component
                                         rounding (万元 0.01 = 10000 分) */
    struct jx_rat over_achievement;   /* (a − t)/t needing a note: 0.2 */
    struct jx_rat spend_high;         /* executed/budget above: 1.5 (150%) */
    struct jx_rat spend_low;          /* executed/budget below: 0.5 (50%) */
    struct jx_rat yoy_jump;           /* |this − last| / last above: 1.0 */
    struct jx_rat yoy_min_amount;     /* ignore jumps below this many 万元: 1 */
    struct jx_rat budget_adjust;      /* |全年 − 年初| / 年初 above: 0.2 */
    int vague_min;                    /* report vague indicators when at
                                         least this many: 1 */
    int copied_min;                   /* report qualitative actuals copied
                                         from the target when at least
                                         this many rows of a sheet: 3 */
};

/* Fill the defaults. */
void jx_check_config_default(struct jx_check_config *c);

/* Set one threshold from "name=value" (names as in docs/checks.md:
 * rounding-tolerance, over-achievement, spend-high, spend-low, yoy-jump,
 * yoy-min-amount, budget-adjust, vague-min, copied-min).  0, or -1 for an unknown name or bad
 * value. */
int jx_check_config_set(struct jx_check_config *c, const char *assignment);

/* As jx_check_config_set, for `check --set`: a threshold that the
 * scorer applies is set in p as well (over-achievement is the S205
 * limit, the policy's over_threshold), so that `--set over-achievement`
 * and `--policy over-threshold` name one limit and the later wins.
 * p may be NULL.  0, or -1 (nothing changed). */
int jx_check_option(struct jx_check_config *c, struct jx_policy *p,
                    const char *assignment);

struct jx_facts;

/*
 * Run every family over pkg (scored as ev) and append the findings to
 * diags.  Locations: the value's provenance when it has one, else the
 * JSON path of the value (the front end turns paths into line:col).
 */
void jx_check(struct jx_arena *arena, const struct jx_package *pkg,
              const struct jx_eval *ev, const struct jx_check_config *cfg,
              struct jx_diags *diags);

/* As jx_check over the report's facts already extracted (facts.h
 * jx_package_facts; NULL: extracted here), so that one input's facts are
 * extracted once (lib/pipeline). */
void jx_check_facts_run(struct jx_arena *arena, const struct jx_package *pkg,
                        const struct jx_eval *ev,
                        const struct jx_check_config *cfg,
                        const struct jx_facts *facts, struct jx_diags *diags);

/*
 * The prose arithmetic alone (C114, C115, C116, C118, C119) over facts
 * read from a document that holds no self-evaluation material (a 决算
 * report, a notice): its own sums, shares, rates and counts still
 * disagree or not, whatever the document is.  Findings go to diags.
 */
void jx_check_prose(struct jx_arena *arena, const struct jx_facts *facts,
                    const struct jx_check_config *cfg, struct jx_diags *diags);

/* Last year's stored version of a unit, which this year's is compared
 * with (C122).  Borrowed. */
struct jx_check_prior {
    const struct jx_package *pkg; /* last year's package */
    int year;                     /* its year */
    int version;                  /* its version number in the store */
};

/*
 * C122: every base-sheet cost row's 上年决算数 in pkg against the same
 * row's 本年决算数 in prior->pkg, and each 项目支出 line's when both
 * years name it once in one category.  Each figure stands for what it
 * rounds from at its printed precision (at least 2 decimals): a finer
 * one that rounds to the coarser agrees; any other difference is an
 * error (a warning when either value was inferred, jx_check_report).
 * A row unread or absent on either side is not compared.  Findings go
 * to diags.
 */
void jx_check_prior(struct jx_arena *arena, const struct jx_package *pkg,
                    const struct jx_check_prior *prior,
                    const struct jx_check_config *cfg, struct jx_diags *diags);

#endif
