/*
 * recog_split.h - private to the recognisers: cells that ran together
 * without separators ("202010100.00%10" for 20 | 20 | 10 | 100.00% |
 * 10), cut by the form's expected columns and their arithmetic; OCR
 * confusables inside such numbers ("IO0%"), repaired only where the
 * arithmetic confirms the repair; figures that lost their leading
 * digits (",867.48"); and binary-float artifacts
 * ("0.0900000762939453" for 9%).
 *
 * The core (jx_split_run, jx_split_float) works
 * on plain strings and never reports: the hooks (jx_rc_split_funds,
 * jx_rc_lost_digits) add the findings and the provenance.
 *
 * Ownership: texts returned live in the arena passed.
 */
#ifndef JIXIAO_RECOG_SPLIT_H
#define JIXIAO_RECOG_SPLIT_H

#include "recognise/recog.h"

/* What an expected column holds. */
enum jx_split_kind {
    JX_SPLIT_INIT = 0, /* 年初预算数: an amount no relation checks */
    JX_SPLIT_BUDGET,   /* 全年预算数 / 调整后预算数 / 预算数 (A) */
    JX_SPLIT_EXEC,     /* 全年执行数 / 预算执行数 / 执行数 (B) */
    JX_SPLIT_POINTS,   /* 分值 / 权重 of the execution row: 5..30 */
    JX_SPLIT_RATE,     /* 执行率 (B/A), printed with "%" */
    JX_SPLIT_SCORE,    /* 得分 */
    JX_SPLIT_IPOINTS,  /* 分值 of an indicator row: (0, 100], halves */
    JX_SPLIT_ISCORE    /* 得分 of an indicator row: ≤ its 分值 */
};

/* Most columns of one row, most code points of one run, and most cut
 * positions tried (the bound on the work hostile input can cause). */
#define JX_SPLIT_MAXCOLS 8u
#define JX_SPLIT_MAXRUN 96u
#define JX_SPLIT_MAXNODES 200000u

/* One expected column: where its value comes from, and (out) what the
 * cut gave it. */
struct jx_split_col {
    enum jx_split_kind kind;
    bool in_run;        /* in: its text is part of the run (may be empty) */
    bool known;         /* in: read elsewhere; value and scale hold it */
    struct jx_rat value;/* in (known) / out (cut): the value; a rate as a
                           fraction */
    int scale;          /* decimals printed (a rate: of the percentage) */
    bool present;       /* out: the cut gave the column a value */
    const char *text;   /* out: the digits as read, e.g. "100.00%" */
    bool repaired;      /* out: an OCR confusable was read as a digit */
};

/* Outcome of a cut. */
enum jx_split_res {
    JX_SPLIT_NONE = 0,  /* no cut is confirmed by the arithmetic */
    JX_SPLIT_UNIQUE,    /* exactly one confirmed cut: the columns hold it */
    JX_SPLIT_AMBIGUOUS, /* two or more confirmed cuts: nothing read */
    JX_SPLIT_LIMIT,     /* the run is too long or the work bound was hit */
    JX_SPLIT_NOTRUN     /* the text holds something other than digits,
                           points, "%" and OCR confusables */
};

/*
 * Cut run[0..len) into the columns cols[0..ncols) marked in_run (in
 * that order; any of them may be empty), so that every value is
 * confirmed by a relation that holds with the other columns (cut or
 * known): 执行率 = 执行数 / 预算数 at the printed precision (half-up),
 * 得分 = min(执行率, 1) × 分值 at the printed precision, 得分 ≤ 分值,
 * 分值 in a plausible set; a 年初预算数 is confirmed by the others'
 * relations only.  Spaces force a boundary.  On JX_SPLIT_UNIQUE the
 * in_run columns get present/value/scale/text/repaired; otherwise they
 * are left not present.  *ncuts (may be NULL) receives the confirmed
 * cuts seen (capped at 2).
 */
enum jx_split_res jx_split_run(struct jx_arena *a, const char *run,
                               size_t len, struct jx_split_col *cols,
                               size_t ncols, size_t *ncuts);

/* Chinese name of an outcome, for findings (static string). */
const char *jx_split_res_zh(enum jx_split_res r);

/*
 * If s[0..n) is a binary-float artifact (a decimal with 12 or more
 * significant digits, optionally with "%"), the shortest decimal of at
 * most 6 significant digits within 2^-20 of it (relative; float32
 * precision with a few units of accumulated error) when that decimal is
 * unique, as exact text in *out (arena) and value in *v (percent
 * applied: "9.00000762939453%" gives 0.09).  Returns 1 recovered,
 * 0 not an artifact, -1 an artifact that is ambiguous.
 */
int jx_split_float(struct jx_arena *a, const char *s, size_t n,
                   const char **out, struct jx_rat *v);

/*
 * The hook of the indicator rows (recog_forms.c): pc and sc are the
 * cells under the header's 分值 and 得分 (either may be NULL).  When
 * one holds a run that is no plausible single value (not a number, or
 * above 100) while the other is empty or not a number, the run is cut
 * into 分值 | 得分 (score ≤ points, points in halves up to 100); when
 * one is a number and the other a run with OCR confusables ("M.8"), the
 * run is read against it.  As jx_rc_split_funds: I420 with inferred
 * provenance, or I421 and nothing read.  Returns true when it handled
 * the two cells (points and score are then set or left absent).
 */
bool jx_rc_split_ind(struct jx_rc *rc, const struct jx_rc_cell *pc,
                     const struct jx_rc_cell *sc, struct jx_num *points,
                     struct jx_num *score);

/* Report (I422, at the figure) every figure of the document's prose
 * that lost its leading digits ("支出总计,867.48万元": see
 * jx_text_lost_digits in model_text.h); the facts never read them. */
void jx_rc_lost_digits(struct jx_rc *rc);

/* Store the report's figures with the package (jx_package_fill_figures)
 * and name each percentage of its prose read with OCR confusables
 * repaired ("IO0%" as 100%, confirmed by the amounts the report states:
 * I427) or refused (no amounts confirm it: I426). */
void jx_rc_prose_ocr(struct jx_rc *rc);

/*
 * The hook of the funds rows (recog_forms.c): when the row's cells
 * after its label are fewer than the header's funds columns, and one
 * cell (or the label after a colon) holds a run that is no single
 * number, cut it by jx_split_run into f.  col[6] are the header's grid
 * columns of 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 (-1
 * absent) and hdr_end the header row's end (jx_rc_under).  Values cut
 * get a provenance saying they were inferred (JX_HOW_SPLIT, or
 * JX_HOW_OCR when a confusable was repaired), with a note I420; a run
 * that cannot be cut is refused with I421 and leaves f untouched.  A
 * row whose cells stand in their columns but one of which holds OCR
 * confusables ("IO0%") has that cell read against the others when the
 * arithmetic confirms the repair (I420), the rest as usual.  Returns
 * true when it handled the row.
 */
bool jx_rc_split_funds(struct jx_rc *rc, const struct jx_rc_row *r,
                       const struct jx_rc_cell *label, const int col[6],
                       int hdr_end, enum jx_money_unit unit,
                       struct jx_funds *f);

#endif
