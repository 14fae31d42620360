/*
 * ws_impl.h - what the workspace's files share inside the library (not
 * installed): reading the records (ws_flow.c) and the derived scores
 * cached in the store's scores table (ws_derive.c).
 *
 * The cache: per version, kind 'self' (the evaluation's 自评分, grade,
 * stated total and finding counts: immutable, a version never changes)
 * and kind 'assessment' (the 考核 from the records: its total text,
 * grade, and in detail the figures jx_ws_status shows, with the stamp
 * of everything it depends on besides the package: the code's revision
 * of the derivation, the framework and calendar files' SHA-256, the
 * framework id, the year's deadlines, the dates 及时性 counts and the
 * reviewer's standing judgements).  A
 * row whose stamp differs from the one computed now is stale and never
 * used: the reader computes the score itself.  Writers refresh the
 * latest version's rows in the transaction that changes what they
 * depend on (submit, every act, year set).  Derived: the table may be
 * emptied at any time.
 *
 * Ownership: results in the caller's arena; inputs borrowed.
 */
#ifndef JIXIAO_WS_IMPL_H
#define JIXIAO_WS_IMPL_H

#include "jixiao/calendar.h"
#include "jixiao/framework.h"
#include "jixiao/wsflow.h"

/* The object every command acts on for now: 整体. */
#define JX_WSI_OBJECT "whole"

/* The audit rows of unit's 整体 for year, in order, into *rows (a):
 * 0, or -1 (ws_flow.c). */
int jx_wsi_load_rows(struct jx_arena *a, struct jx_store *s, const char *unit,
                     int year, struct jx_wf_audit **rows, size_t *n);

/* The year's settings and framework id: 0, 1 when not set up, -1
 * (ws_flow.c). */
int jx_wsi_load_year(struct jx_arena *a, struct jx_store *s, int year,
                     struct jx_wf_year *y, const char **framework);

/* The evaluation JSON's 自评分, grade, stated total and finding counts
 * into u (ws_flow.c). */
void jx_wsi_read_evaluation(struct jx_arena *a, const char *text,
                            struct jx_ws_unit_status *u);

/* What scoring a year needs: the framework (NULL: none, no 考核), the
 * calendar (NULL: none) and the fingerprint of the data and code the
 * scores come from. */
struct jx_wsi_scoring {
    const struct jx_framework *fw;
    const struct jx_calendar *cal;
    const char *print;
};

/* Open the framework id (in fwdir; NULL: the bundled data) and the
 * calendar (caldir; NULL: bundled) and fingerprint them into *sc;
 * problems go to d (the caller decides what to say).  Never fails:
 * what cannot be read is NULL. */
void jx_wsi_scoring_open(struct jx_arena *a, const char *fwdir,
                         const char *caldir, const char *framework,
                         struct jx_wsi_scoring *sc, struct jx_diags *d);

/* A unit's standing judgements (the judgements table, the latest row
 * per item): overrides "ITEM=VALUE" for jx_wf_assess, NULL-terminated,
 * in byte order, and print, the same joined by ";" ("" when none), for
 * the stamp.  Build with jx_wsi_judged_add (rows in item, id order: a
 * later row of the same item replaces the earlier) then
 * jx_wsi_judged_finish; all in the caller's arena. */
struct jx_wsi_judged {
    const char **items, **ov;
    size_t n, cap;
    const char *const *overrides; /* after finish */
    const char *print;            /* after finish */
};

/* Add one judgement row (see struct jx_wsi_judged). */
void jx_wsi_judged_add(struct jx_arena *a, struct jx_wsi_judged *j,
                       const char *item, const char *value);

/* Sort the overrides and make the print (see struct jx_wsi_judged). */
void jx_wsi_judged_finish(struct jx_arena *a, struct jx_wsi_judged *j);

/* The standing judgements of unit's 整体 for year into *j (finished):
 * 0, or -1. */
int jx_wsi_load_judged(struct jx_arena *a, struct jx_store *s,
                       const char *unit, int year, struct jx_wsi_judged *j);

/* The stamp of a unit's 考核 (a): sc's fingerprint, the framework id, the
 * year's deadlines, the dates t counts and the standing judgements j
 * (may be NULL: none). */
const char *jx_wsi_stamp(struct jx_arena *a, const struct jx_wsi_scoring *sc,
                         const char *framework, const struct jx_wf_year *y,
                         const struct jx_wf_timeliness *t,
                         const struct jx_wsi_judged *j);

/* Take the write lock of the transaction just begun (ws_flow.c): 0, or
 * -1. */
int jx_wsi_lock_writes(struct jx_store *s);

/* The cached 'self' row (total, grade, detail) into u: true when read,
 * false when detail is absent or not ours. */
bool jx_wsi_self_decode(struct jx_arena *a, const char *total,
                        const char *grade, const char *detail,
                        struct jx_ws_unit_status *u);

/* The cached 'assessment' row into u (assessment, assess_total,
 * assess_grade) when its stamp is stamp: true, else false (u
 * untouched).  The result holds what the status shows: scored, total
 * (has_value, value), njudge, total_lo, total_hi, grade, and per item
 * its id and used; fw is sc's (may be NULL). */
bool jx_wsi_assess_decode(struct jx_arena *a, const struct jx_framework *fw,
                          const char *total, const char *grade,
                          const char *detail, const char *stamp,
                          struct jx_ws_unit_status *u);

/* Store version vid's 'self' row from evaluation_json: 0, or -1. */
int jx_wsi_self_save(struct jx_store *s, int64_t vid,
                     const char *evaluation_json);

/*
 * Bring the 'assessment' row of unit's latest version in year up to
 * date (computed from its package and audit rows with sc when its stamp
 * differs; sc->fw NULL: nothing to do).  *changed (may be NULL) says
 * whether it was written.  0, or -1 when the store failed.
 */
int jx_wsi_rescore_unit(struct jx_arena *a, struct jx_store *s,
                        const char *unit, int year,
                        const struct jx_wsi_scoring *sc, bool *changed);

#endif
