/*
 * score.h - the scoring engine (rules.md §1.2-§1.5, §2.2) and the
 * Evaluation it produces.
 *
 * Every computed number is a struct jx_item: the rule that made it, its
 * inputs, the formula with the numbers filled in, the exact result, and
 * the stated value beside it with agree/disagree.  The engine does not
 * read files and does not print; renderers (cli/, later report_*) read
 * an Evaluation.
 *
 * Ownership: an Evaluation lives in the arena given to jx_score().
 */
#ifndef JIXIAO_SCORE_H
#define JIXIAO_SCORE_H

#include "jixiao/diag.h"
#include "jixiao/indval.h"
#include "jixiao/model.h"

/* How the execution score is rounded (rules §2.2). */
enum jx_exec_rounding {
    JX_EXEC_DOUBLE_ROUND = 0, /* rate to 2 decimals of percent, then ×
                                 points, half-up (the seed forms) */
    JX_EXEC_SINGLE_ROUND      /* exact rate × points, rounded once */
};

/* Named, configurable policies of the engine. */
struct jx_policy {
    enum jx_exec_rounding exec_rounding; /* default DOUBLE_ROUND */
    bool exec_cap;           /* cap the execution score at its points
                                (min(rate, 100%)); default true */
    int score_scale;         /* decimals of scores, default 2 */
    int rate_scale;          /* decimals of percentages, default 2 */
    struct jx_rat over_threshold; /* over-achievement ratio that needs a
                                     deviation note; default 0.2 (20%) */
    struct jx_rat tolerance; /* |stated − computed| accepted as
                                rounding; default 0.01 */
};

/* The default policy. */
void jx_policy_default(struct jx_policy *p);

/* Set a policy by "name=value" text (exec-rounding=double|single,
 * exec-cap=on|off, over-threshold=20%, tolerance=0.01).  Returns 0, or
 * -1 for an unknown name or bad value. */
int jx_policy_set(struct jx_policy *p, const char *assignment);

/* One named input of a derivation. */
struct jx_input {
    const char *name;  /* e.g. "全年执行数" */
    const char *value; /* as formatted, e.g. "1902.68万元" */
};

/* Agreement between a stated and a computed value. */
enum jx_agree {
    JX_AGREE_NA = 0,   /* nothing stated, or nothing computed */
    JX_AGREE_YES,      /* equal at the display scale */
    JX_AGREE_ROUNDING, /* differ by no more than the tolerance */
    JX_AGREE_NO        /* differ */
};

/* One computed number with its derivation. */
struct jx_item {
    const char *id;        /* stable id, e.g. "unit_sheet.execution_rate",
                              "unit_sheet.indicators[3]" */
    const char *label;     /* Chinese label, e.g. "执行率" or the 三级指标 */
    const char *rule;      /* rule id, e.g. "exec-rate" (docs/format.md) */
    const char *formula;   /* formula with numbers, in Chinese */
    struct jx_input *inputs;
    size_t ninputs;
    bool has_value;        /* false when it cannot be computed */
    struct jx_rat value;   /* the result, rounded at `scale` */
    int scale;             /* decimals shown */
    bool percent;          /* shown as a percentage */
    bool has_points;
    struct jx_rat points;  /* the maximum, for scores */
    bool has_stated;
    struct jx_rat stated;  /* what the document says */
    enum jx_agree agrees;
    const char *note;      /* why it could not be computed, or a caveat */
    const char *path;      /* JSON path of the source row */
    const struct jx_prov *prov; /* where the source row came from */
};

/* Grades (rules §1.2). */
enum jx_grade { JX_GRADE_NONE = 0, JX_GRADE_A, JX_GRADE_B, JX_GRADE_C,
                JX_GRADE_D };

/* "优", "良", "中", "差" (or "" for none). */
const char *jx_grade_zh(enum jx_grade g);

/* The grade of a total score: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差. */
enum jx_grade jx_grade_of(struct jx_rat total);

/* The scoring of one sheet. */
struct jx_sheet_eval {
    const struct jx_sheet *sheet;
    const char *id;            /* "unit_sheet" or "project_sheets[i]" */
    const char *label;         /* Chinese label */
    struct jx_item rate;       /* 执行率 */
    struct jx_item exec_score; /* 执行率得分 */
    struct jx_item *indicators;/* one per indicator row */
    size_t nindicators;
    const struct jx_indval *targets; /* each row's target and actual text */
    const struct jx_indval *actuals; /* as parsed (before an actual left
                                        without its unit is read in the
                                        target's), for the checks; NULL
                                        when not kept */
    struct jx_item blocks[JX_BLOCK_COUNT]; /* 分值 per level-1 block */
    struct jx_item points_total; /* Σ 分值 + execution points */
    struct jx_item total;      /* 总分 */
    enum jx_grade grade;       /* from the recomputed total */
    enum jx_grade stated_grade;/* from the stated total, if any */
};

/* The Evaluation of one package. */
struct jx_eval {
    const struct jx_package *pkg;
    struct jx_policy policy;
    struct jx_sheet_eval *sheets; /* unit sheet first, then projects */
    size_t nsheets;
    struct jx_item *rates;        /* the base sheet's derived rates (no
                                     findings: the checks C105, C117
                                     judge them): 控制率, then each
                                     楼堂馆所 row's 规模控制率 and
                                     投资概算控制率, each only when both
                                     of its inputs are stated */
    size_t nrates;
    struct jx_diags *diags;       /* findings (not owned) */
};

/*
 * Score a package under policy: recompute every rate, score and total,
 * compare with the stated values, and append the scoring findings
 * (stated ≠ recomputed, score > points, blocks not 50/30/10 + 10,
 * points not summing to 100, total ≠ sum, score below points without a
 * deviation note, unparseable indicator text) to diags.
 */
struct jx_eval *jx_score(struct jx_arena *arena, const struct jx_package *pkg,
                         const struct jx_policy *policy,
                         struct jx_diags *diags);

/*
 * As jx_score, for a caller that reads only the findings and the values
 * (check): the same findings, values and agreements, but the indicator
 * rows' derivations are not written — their formula is "" or a fixed
 * text and they have no inputs; the blocks' and the total's formula
 * and inputs, the rows' and the blocks' ids are "" or absent too (the
 * formula a finding quotes is made for it).  Not for score, report or
 * anything that shows an item.
 */
struct jx_eval *jx_score_brief(struct jx_arena *arena,
                               const struct jx_package *pkg,
                               const struct jx_policy *policy,
                               struct jx_diags *diags);

struct json_t;

/* The Evaluation JSON document of jx_eval_json as a jansson tree (a new
 * reference the caller owns), for front ends that embed it (check
 * --json) without writing and parsing it again. */
struct json_t *jx_eval_json_tree(const struct jx_eval *ev,
                                 const struct jx_diags *diags);

/* Write an Evaluation as Evaluation JSON (docs/format.md) to out,
 * including the findings in diags.  ev may be NULL (a package that did
 * not load): then only the findings are written, with no sheets.
 * Returns 0 or -1 (out too big). */
int jx_eval_json(const struct jx_eval *ev, const struct jx_diags *diags,
                 struct jx_buf *out);

#endif
