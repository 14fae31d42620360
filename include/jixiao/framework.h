/*
 * framework.h - rule frameworks as data (docs/frameworks.md): an
 * indicator tree with points, one scoring primitive per leaf, caps and
 * penalties on the total, grades; loaded from JSON files with every
 * problem located as file:line:col, then evaluated over a package with
 * each score's derivation and the unit's stated score beside it.
 *
 * Layers: framework.c reads the files (jansson via lib/base/base_json.h) and
 * renders results; fw_expr.c is the expression language, values and
 * ranges; fw_eval.c is the engine (no file formats).  Everything is
 * exact (struct jx_rat); only the named points round, half-up.
 *
 * Ownership: a framework, a result and every string they point to live
 * in the arena passed to the function that made them (the caller's).
 * A result borrows its framework, package and diagnostics list, which
 * must outlive it.
 */
#ifndef JIXIAO_FRAMEWORK_H
#define JIXIAO_FRAMEWORK_H

#include "jixiao/base.h"
#include "jixiao/dec.h"
#include "jixiao/diag.h"
#include "jixiao/model.h"
#include "jixiao/score.h"

/* ---- hard limits (each reported with its code when passed) ---------- */

#define JX_FW_MAX_BYTES (1u << 20) /* bytes of one framework file (F002) */
#define JX_FW_MAX_DEPTH 16         /* JSON nesting of a file (F003) */
#define JX_FW_MAX_ITEMS 500        /* items of a framework (F117) */
#define JX_FW_MAX_BANDS 64         /* bands, checks, grades, caps (F117) */
#define JX_FW_MAX_PARAMS 256       /* params of a framework (F117) */
#define JX_FW_MAX_TOTALS 32        /* total rules (F117) */
#define JX_FW_MAX_EXPR 1024        /* bytes of one expression (F117) */
#define JX_FW_MAX_EXPR_DEPTH 32    /* nesting of one expression (F117) */
#define JX_FW_MAX_EXPR_NODES 512   /* operands + operators (F117) */
#define JX_FW_MAX_ARGS 16          /* arguments of one call (F115) */
#define JX_FW_MAX_EXTENDS 8        /* length of an "extends" chain (F114) */

/* ---- values, ranges and expressions (fw_expr.c) ---------------------- */

/* A value of a framework expression. */
enum jx_fw_vkind { JX_FWV_NUM = 0, JX_FWV_DATE, JX_FWV_NA, JX_FWV_MISSING };
struct jx_fw_value {
    enum jx_fw_vkind kind;
    struct jx_rat num;   /* JX_FWV_NUM; rates as fractions (48.65% = 0.4865) */
    int y, m, d;         /* JX_FWV_DATE */
    const char *why;     /* NA / MISSING: the reason, in Chinese (arena) */
    const char *shown;   /* the value as the report would print it, e.g.
                            "97.59%", "2025-07-19", "3 个工作日" (optional) */
    bool percent;        /* JX_FWV_NUM: a rate, shown as a percentage when
                            shown is NULL (a literal "90%" sets it) */
};

/* The value as a report prints it: v->shown when set, else a date as
 * YYYY-MM-DD, a rate as a percentage with 2 decimals, a number exactly
 * (or "≈" and 4 decimals when it has no short expansion), "不适用",
 * "缺失".  Arena string (or a static one). */
const char *jx_fw_value_show(struct jx_arena *a, const struct jx_fw_value *v);

/* Parse a param value from s[0..n): a date "YYYY-MM-DD" (JX_FWV_DATE) or
 * a decimal number with optional % (JX_FWV_NUM; percent set).  Returns
 * false with *err (Chinese) otherwise. */
bool jx_fw_value_parse(struct jx_arena *a, const char *s, size_t n,
                       struct jx_fw_value *out, const char **err);

/* An interval of numbers written "[90%, +inf)", "[75%, 90%)", "[20, 20]",
 * "(-inf, 5%)": the brackets say which ends belong to it. */
struct jx_fw_range {
    bool lo_inf, hi_inf;       /* unbounded below / above (ends open) */
    bool lo_closed, hi_closed; /* '[' / ']' */
    struct jx_rat lo, hi;      /* the finite ends */
    bool percent;              /* an end was written with % (display) */
    const char *text;          /* as written (arena) */
};

/* Parse s[0..n) as a range into *out.  On failure returns false with
 * *err (Chinese, arena) and *errpos (byte offset in s); an empty range
 * (lo > hi, or lo == hi with an open end) fails too. */
bool jx_fw_range_parse(struct jx_arena *a, const char *s, size_t n,
                       struct jx_fw_range *out, const char **err,
                       size_t *errpos);

/* Whether v lies in r. */
bool jx_fw_range_has(const struct jx_fw_range *r, struct jx_rat v);

/* Whether some number lies in both a and b. */
bool jx_fw_range_overlap(const struct jx_fw_range *a,
                         const struct jx_fw_range *b);

/* A parsed expression (opaque; lives in the arena it was parsed in). */
struct jx_fw_expr;

/*
 * Parse an expression from text[0..len): decimal numbers with optional
 * %, names ([A-Za-z_][A-Za-z0-9_.]*), + - * / (also × ÷ −), unary minus,
 * parentheses, comparisons < <= > >= == != (also ≤ ≥ ≠; giving 1 or 0,
 * not chained), the built-ins min(a, …), max(a, …), abs(x), and calls
 * name(args…) of the caller's functions.  Returns NULL on failure with
 * *err (Chinese, arena) and *errpos (byte offset in text).  Limits:
 * JX_FW_MAX_EXPR bytes, JX_FW_MAX_EXPR_DEPTH nesting, JX_FW_MAX_EXPR_NODES
 * nodes, JX_FW_MAX_ARGS arguments (*toobig is set, when not NULL, if a
 * limit was the reason).
 */
const struct jx_fw_expr *jx_fw_expr_parse(struct jx_arena *a,
                                          const char *text, size_t len,
                                          const char **err, size_t *errpos,
                                          bool *toobig);

/* The source text of an expression (arena; NUL-terminated). */
const char *jx_fw_expr_text(const struct jx_fw_expr *e);

/* The names of the functions an expression calls (not the built-ins),
 * in order, with their byte offsets in the text: writes at most max
 * and returns the number of calls. */
size_t jx_fw_expr_calls(const struct jx_fw_expr *e, const char **names,
                        size_t *offs, size_t max);

/* What an evaluation used, for a derivation: the named inputs with
 * their Chinese labels and values as shown (deduplicated), and the
 * expression written with labels and with values. */
struct jx_fw_trace {
    struct jx_input *inputs; /* arena */
    size_t ninputs;
    size_t cap;
    const char *named;       /* the expression with every name and call
                                replaced by its label, e.g.
                                "实际采购金额 / 采购计划金额" (arena) */
    const char *filled;      /* e.g. "95.00万元 / 100.00万元" (arena) */
    const char *label;       /* the label of a lone name or call, or NULL */
};

struct jx_fw_param;
struct jx_fw_env;

/*
 * Evaluate e: names are looked up among params[0..nparams) first, then
 * through env->resolve (env may be NULL); a call goes to env->resolve
 * with its evaluated arguments.  不适用 (a division by zero) and missing
 * inputs are values, carried through with their reasons (missing wins
 * over 不适用).  Returns 0; or -1 for an evaluation error (an unknown
 * name or function, a date where a number is needed, a number out of
 * range) with *err (Chinese, arena), and *out is then MISSING with that
 * reason.  trace may be NULL.
 */
int jx_fw_expr_eval(struct jx_arena *a, const struct jx_fw_expr *e,
                    const struct jx_fw_param *params, size_t nparams,
                    const struct jx_fw_env *env, struct jx_fw_value *out,
                    struct jx_fw_trace *trace, const char **err);

/* ---- the framework (framework.c loads it) ---------------------------- */

/* Where the unit's own stated scores are. */
enum jx_fw_stated {
    JX_FW_STATED_NONE = 0,     /* "none" */
    JX_FW_STATED_ASSESSMENT,   /* "assessment": the package's 考核评分表 */
    JX_FW_STATED_DEPT_SCORING, /* "dept_scoring": 部门整体支出绩效评分表 */
    JX_FW_STATED_UNIT_SHEET    /* "unit_sheet": 整体支出绩效自评表 rows */
};

/* Scoring primitives. */
enum jx_fw_rtype {
    JX_FWR_PROPORTIONAL = 0, /* points × min(input, cap) */
    JX_FWR_BANDS,            /* the score of the band holding the input */
    JX_FWR_DEDUCT,           /* points − deduct × units, with a floor */
    JX_FWR_CHECKLIST,        /* the sum of the sub-points that hold */
    JX_FWR_QUARTERLY,        /* quarterly progress against 序时进度 */
    JX_FWR_MANUAL,           /* judgement inside bands */
    JX_FWR_FORMULA,          /* a value only, no points */
    JX_FWR_PARTS             /* the sum of parts, each with its own rule */
};

/* Proportional: what an input above the cap scores. */
enum jx_fw_over {
    JX_FW_OVER_CAP = 0, /* "cap": as the cap (full points) */
    JX_FW_OVER_ZERO,    /* "zero": 0 */
    JX_FW_OVER_ALLOW    /* "allow": points × input (may pass the points) */
};

/* Deduct: how input / per becomes a count of units. */
enum jx_fw_count {
    JX_FW_COUNT_CEIL = 0, /* "ceil": every started unit counts */
    JX_FW_COUNT_FLOOR,    /* "floor": only whole units */
    JX_FW_COUNT_EXACT     /* "exact": proportionally */
};

/* What a 不适用 input scores. */
enum jx_fw_na {
    JX_FW_NA_FULL = 0, /* "full": the points (default, rules.md §4.1) */
    JX_FW_NA_ZERO,     /* "zero": 0 */
    JX_FW_NA_EXCLUDE,  /* "exclude": left out of the total, whose other
                          points are scaled up to the full score */
    JX_FW_NA_JUDGE     /* "judge": as a missing input */
};

/* What a missing input scores. */
enum jx_fw_missing {
    JX_FW_MISSING_JUDGE = 0, /* "judge": not computed; the stated score is
                                shown and the item flagged (default) */
    JX_FW_MISSING_ZERO       /* "zero": 0 */
};

/* An expression of a file with its place (expr NULL when absent). */
struct jx_fw_input {
    const struct jx_fw_expr *expr;
    const char *text;  /* as written */
    const char *file;  /* the framework file */
    int line, col;     /* of the JSON string (its opening quote) */
    bool plain;        /* written without escapes: byte offset k of text
                          is at column col + 1 + (code points before k) */
};

/* A band of a "bands" or "manual" rule, a grade, or a cap band. */
struct jx_fw_band {
    const char *name;        /* manual: the band's name (全面 …); else NULL */
    struct jx_fw_range range;
    bool has_score;
    struct jx_rat score;     /* bands: the score; cap: the cap */
    int line, col;           /* of the band object */
};

/* A sub-point of a checklist. */
struct jx_fw_check {
    const char *name;
    struct jx_rat points;
    struct jx_fw_input when; /* when.expr NULL: a judgement sub-point */
};

struct jx_fw_part;

/* A scoring rule. */
struct jx_fw_rule {
    enum jx_fw_rtype type;
    struct jx_fw_input input;   /* PROPORTIONAL, BANDS, DEDUCT, FORMULA */
    const char *label;          /* Chinese name of the input, or NULL */
    struct jx_rat cap;          /* PROPORTIONAL: default 1 (100%) */
    enum jx_fw_over over;
    struct jx_fw_band *bands;   /* BANDS, MANUAL */
    size_t nbands;
    struct jx_rat per;          /* DEDUCT: default 1 */
    struct jx_rat deduct;       /* DEDUCT: per unit, default 1 */
    struct jx_rat floor;        /* DEDUCT: default 0 */
    enum jx_fw_count count;
    struct jx_fw_check *checks; /* CHECKLIST */
    size_t nchecks;
    struct jx_fw_input quarters[4]; /* QUARTERLY: cumulative progress */
    struct jx_rat schedule[4];  /* QUARTERLY: default 25/50/75/100% */
    struct jx_rat each;         /* QUARTERLY: default 1 */
    struct jx_rat average;      /* QUARTERLY: default 2 */
    bool cap_each;              /* QUARTERLY: default true */
    const char *zero;           /* MANUAL: the case scored 0, or NULL */
    const char *suggest;        /* MANUAL: the suggester's name, or NULL */
    enum jx_fw_na na;
    enum jx_fw_missing missing;
    int scale;                  /* decimals of the result, default 2 */
    bool percent;               /* show the input (FORMULA: the value) as
                                   a percentage; default: an end of a
                                   range or the cap was written with % */
    const char *reason;         /* template of the 扣分理由, or NULL */
    struct jx_fw_part *parts;   /* PARTS: the parts, in order */
    size_t nparts;
};

/* A part of a "parts" rule: scored by its own rule (any type but parts
 * and formula) against its own points. */
struct jx_fw_part {
    const char *name;     /* e.g. "“三公”经费控制率" */
    struct jx_rat points;
    struct jx_fw_rule rule;
    const char *file;     /* the file that defined it */
    int line, col;        /* of the part object */
};

/* An indicator (a leaf of the tree). */
struct jx_fw_item {
    const char *id;       /* [a-z0-9._-]+, unique in the framework */
    const char *level1;   /* 一级 */
    const char *level2;   /* 二级 (may be NULL) */
    const char *name;     /* 三级 (may be NULL) */
    bool has_points;
    struct jx_rat points; /* 分值 */
    const char *standard; /* 评分标准 as printed */
    const char *match;    /* finds the stated row, or NULL; "" means the
                             item has no stated row */
    struct jx_fw_rule rule;
    const char *file;     /* the file that defined it */
    int line, col;        /* of the item object */
};

/* A named constant. */
struct jx_fw_param {
    const char *name;
    const char *label;    /* Chinese name, or NULL */
    const char *text;     /* the value as written */
    struct jx_fw_value value;
    const char *file;
    int line, col;
};

/* Kinds of total rule. */
enum jx_fw_ttype {
    JX_FWT_CAP = 0, /* the total is capped by the band holding the input */
    JX_FWT_PENALTY  /* deduct × input is taken off the total */
};

/* A rule on the total. */
struct jx_fw_total {
    enum jx_fw_ttype type;
    struct jx_fw_input input;
    const char *label;        /* Chinese name of the input, or NULL */
    struct jx_fw_band *bands; /* CAP: range and cap (score) */
    size_t nbands;
    struct jx_rat deduct;     /* PENALTY: per unit of the input */
    const char *reason;       /* PENALTY: why (Chinese), or NULL */
    const char *file;
    int line, col;
};

/* A framework. */
struct jx_framework {
    const char *id;          /* [a-z0-9-]+, the file name without .json */
    const char *title;
    const char *source;      /* citation of the rule's origin */
    const char *extends;     /* the base's id as written, or NULL */
    const char *file;        /* the file it was loaded from */
    enum jx_fw_stated stated;
    const char **rescore;    /* "rescore": words that, every one found in
                                the 一级指标 of the printed table named by
                                stated, make this the framework that
                                rescores that table (not inherited) */
    size_t nrescore;
    struct jx_rat points;    /* the full score, default 100 */
    struct jx_fw_param *params;
    size_t nparams;
    struct jx_fw_band *grades; /* name and range */
    size_t ngrades;
    struct jx_fw_item *items;
    size_t nitems;
    struct jx_fw_total *totals;
    size_t ntotals;
    bool has_years;          /* "years" written */
    struct jx_fw_range years; /* the 年度 (evaluated years) the rules are
                                for, e.g. [2024, 2024]; none: any */
    const char *region;      /* the area the rules are of, e.g.
                                "岳阳市岳阳楼区"; NULL: anywhere */
    const char **places;     /* words marking a package as of the region
                                (in its 地区, unit name or report title);
                                default: the region itself */
    size_t nplaces;
    bool has_stated, has_points, has_grades, has_totals; /* written */
    bool resolved;           /* "extends" has been merged in */
    int items_line, items_col; /* of the "items" key, for F113 */
    int extends_line, extends_col; /* of the "extends" value */
};

/*
 * Load a framework from text[0..len) (need not be NUL-terminated); file
 * names it in diagnostics.  Every problem goes to d with file:line:col
 * and JSON pointer (F0xx/F1xx, docs/ERRORS.md); loading goes on after
 * each one.  Returns NULL when the load had an error.  "extends" is
 * recorded, not resolved (jx_framework_open and jx_framework_extend do
 * that), and then the points sum is not checked.
 */
struct jx_framework *jx_framework_load(struct jx_arena *a, const char *file,
                                       const char *text, size_t len,
                                       struct jx_diags *d);

/*
 * Load by id from a directory (data/frameworks: DIR/ID.json), or a path
 * to a .json file (id_or_path containing '/' or ending in ".json"),
 * resolving "extends" from the same directory (chains up to
 * JX_FW_MAX_EXTENDS; a cycle is F114).  Returns NULL after an error.
 */
struct jx_framework *jx_framework_open(struct jx_arena *a, const char *dir,
                                       const char *id_or_path,
                                       struct jx_diags *d);

/*
 * Merge: a new framework that starts from base (resolved) and takes
 * child's id, title, source, stated, points, params (by name), grades
 * and totals (when written), its items replacing base items of the same
 * id in place and the others appended.  Checks the points sum (F113).
 */
struct jx_framework *jx_framework_extend(struct jx_arena *a,
                                         const struct jx_framework *base,
                                         const struct jx_framework *child,
                                         struct jx_diags *d);

/* The item with this id, or NULL. */
const struct jx_fw_item *jx_framework_item(const struct jx_framework *fw,
                                           const char *id);

/* The directory of the bundled frameworks: $JIXIAO_DATADIR/frameworks
 * when set and not empty, else the source tree's data/frameworks.
 * Arena string. */
char *jx_framework_default_dir(struct jx_arena *a);

/* ---- evaluation (fw_eval.c) ----------------------------------------- */

/* A suggester's answer for a judgement item. */
struct jx_fw_suggestion {
    const char *band;    /* a band name of the rule, or NULL */
    bool zero;           /* the rule's zero case applies */
    const char *reasons; /* Chinese, for 扣分理由 */
};

/* What the caller provides: named inputs and functions over the package,
 * and suggesters for judgement items.  Every member may be NULL. */
struct jx_fw_env {
    void *ctx;
    /* name (and args for a call: args is non-NULL for a call, even with
     * no arguments; NULL for a plain name): fill *out and *label
     * (Chinese name of the input for the derivation); false if unknown.
     * An input the package lacks is true with out->kind MISSING and
     * out->why. */
    bool (*resolve)(void *ctx, struct jx_arena *a, const char *name,
                    const struct jx_fw_value *args, size_t nargs,
                    struct jx_fw_value *out, const char **label);
    /* the suggester named by a manual rule's "suggest": fill *out and
     * return true, or false for no suggestion */
    bool (*suggest)(void *ctx, struct jx_arena *a, const char *suggester,
                    const struct jx_fw_item *item,
                    struct jx_fw_suggestion *out);
    const char *const *functions; /* names of the caller's functions
                                     (NULL-terminated), for load-time
                                     checks; may be NULL */
    const char *const *overrides; /* "name=value" set at run time,
                                     NULL-terminated; may be NULL: a
                                     param's value, or, for the id of an
                                     item awaiting judgement, the score
                                     the reviewer gives it ("判断") */
};

/* Check every call in fw against env->functions (F116 at the
 * expression's file:line:col); nothing when env or the list is NULL.
 * Returns the number of problems.  jx_framework_eval calls it too. */
size_t jx_framework_check(const struct jx_framework *fw,
                          const struct jx_fw_env *env, struct jx_diags *d);

/* How far an item could be computed. */
enum jx_fw_status {
    JX_FWS_SCORED = 0, /* computed exactly: lo == hi == the score */
    JX_FWS_RANGE,      /* partly judgement: the score lies in [lo, hi] */
    JX_FWS_JUDGE,      /* judgement (manual, or an input missing / 不适用
                          with policy judge): [lo, hi] is what the rule
                          allows */
    JX_FWS_VALUE,      /* formula: a value, no points */
    JX_FWS_EXCLUDED,   /* 不适用 and excluded from the total */
    JX_FWS_NONE        /* could not be computed (no band, an error) */
};

/* One item's result. */
struct jx_fw_item_result {
    const struct jx_fw_item *item;
    enum jx_fw_status status;
    struct jx_item num;         /* the score (FORMULA: the value) with its
                                   derivation and the stated score beside
                                   (path/prov: the stated row) */
    struct jx_rat lo, hi;       /* the scores the rule allows */
    bool has_input;
    struct jx_fw_value input;   /* the main input's value */
    const char *reason;         /* 扣分理由 (Chinese, ready to paste); ""
                                   when nothing was lost */
    bool has_suggestion;
    struct jx_fw_suggestion suggestion;
    const struct jx_fw_band *suggested; /* the band suggested, or NULL */
    const struct jx_rubric_row *stated_row; /* the matched row, or NULL */
    bool counted;               /* enters the total */
    struct jx_rat used;         /* what enters the total */
    const char *used_from;      /* "复核" (computed), "判断" (a judgement
                                   given at run time: env->overrides
                                   ITEM_ID=SCORE), "自评" (the stated
                                   score, allowed), "修正" (the stated
                                   score brought into the allowed range),
                                   "建议" (the suggested band's lower end),
                                   "下限" (no stated score: the lower end
                                   of the range) */
    bool settled;               /* used is 复核, 判断, 自评 or 修正; an item
                                   counted and not settled awaits a
                                   judgement (jx_fw_result.njudge) */
    struct jx_fw_item_result *parts; /* PARTS: one result per part (its
                                   item made from the part: name, points,
                                   rule; no stated score), else NULL */
    size_t nparts;
};

/* One total rule's result. */
struct jx_fw_total_result {
    const struct jx_fw_total *rule;
    bool applied;          /* it changed the total */
    struct jx_item num;    /* the total after this rule, with derivation */
    const char *reason;    /* Chinese, e.g. "预算执行率 65.00% 属 [60%, 70%)，
                              总分封顶 79 分" ("" when not applied) */
};

/* The evaluation of a framework over a package. */
struct jx_fw_result {
    const struct jx_framework *fw;
    const struct jx_package *pkg;
    struct jx_fw_param *params;  /* in effect (overrides applied) */
    size_t nparams;
    struct jx_fw_item_result *items; /* one per framework item, in order */
    size_t nitems;
    bool scored;                 /* some item scores points; false for a
                                    formula-only framework, which has no
                                    total (total_before, total, subtotals
                                    without value, no grade) */
    struct jx_item *subtotals;   /* one per level1, in order of first use */
    size_t nsubtotals;
    struct jx_item total_before; /* Σ of the items counted */
    struct jx_fw_total_result *totals; /* one per total rule */
    size_t ntotals;
    struct jx_item total;        /* after the total rules; stated beside.
                                    While items await a judgement
                                    (njudge > 0) its value is provisional
                                    (the pending items at their 建议 / 下限)
                                    and the total is the range
                                    [total_lo, total_hi]: show it with
                                    jx_fw_result_total_text */
    struct jx_rat sum_lo, sum_hi;     /* Σ of the items (before the total
                                         rules) the judgements allow */
    struct jx_rat total_lo, total_hi; /* totals the judgements allow */
    const char *grade;           /* of total, or NULL; NULL while items
                                    await a judgement (njudge > 0) */
    const char *stated_grade;    /* as stated (or of the stated total) */
    size_t njudge;               /* items awaiting a judgement: counted,
                                    not settled (none computed, judged at
                                    run time, or stated within the rule) */
    const char *mismatch;        /* the framework is of another year or
                                    region than the package (F215): the
                                    sentence saying so (Chinese), or NULL */
    struct jx_diags *diags;      /* findings (borrowed), for the JSON */
};

/*
 * Evaluate fw over pkg (pkg may be NULL: nothing stated): every item's
 * score with its derivation (rule, inputs, formula with the numbers
 * filled in, value, points, stated, agrees, note), its 扣分理由, the
 * suggestion for judgement items, subtotals per level1, the total before
 * and after the total rules, the grade, and the stated scores beside
 * (from the rubric named by "stated", rows matched by "match", else by
 * name/level2; none for "match": "").  A "parts" item's parts are
 * evaluated as items of their own (r->parts) and summed.  A framework
 * of formulas only has no total (r->scored false).  Findings (F2xx) go
 * to d.  Never NULL.
 */
struct jx_fw_result *jx_framework_eval(struct jx_arena *a,
                                       const struct jx_framework *fw,
                                       const struct jx_package *pkg,
                                       const struct jx_fw_env *env,
                                       struct jx_diags *d);

/* The total as a report shows it: "87.00" when final, "45.00–95.00 待判断"
 * while items await a judgement, "" for a framework without a total.
 * Arena string. */
const char *jx_fw_result_total_text(struct jx_arena *a,
                                    const struct jx_fw_result *r);

/* ---- renderings (framework.c) --------------------------------------- */

/* Text (Chinese, for the terminal): a table 一级/二级/分值/得分/自评/扣分理由,
 * the total rules, total and grade.  Returns 0, or -1 when b is full. */
int jx_fw_result_text(struct jx_buf *b, const struct jx_fw_result *r);

/* JSON in the style of Evaluation JSON (docs/frameworks.md, "Result
 * JSON"), with the findings of r->diags.  Returns 0 or -1. */
int jx_fw_result_json(struct jx_buf *b, const struct jx_fw_result *r);

#endif
