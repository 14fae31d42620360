/*
 * wsflow.h - the workflow on the store (issue 13): a submission (送审,
 * 再送审) that freezes a version, the bureau's acts (受理, 退回, 通过)
 * and 公开, each one transaction that appends its audit row; and the
 * two readings of the records, the year's status of every unit and one
 * unit's history with what changed between its versions.
 *
 * The decisions are jx_wf_apply's (workflow.h): this layer reads the
 * object's audit rows, replays them, asks, and writes what the answer
 * says, or nothing.  A refusal is a diagnostic (W0xx, docs/ERRORS.md)
 * in the caller's list and a return of 1; a failure of the store -1.
 *
 * Reading the submitted files into a package and evaluating it is the
 * pipeline's (a layer above this one): the caller hands the Package
 * JSON and the Evaluation JSON in, with the original files.
 *
 * Ownership: results live in the caller's arena; inputs are borrowed.
 */
#ifndef JIXIAO_WSFLOW_H
#define JIXIAO_WSFLOW_H

#include <stdint.h>

#include "jixiao/base.h"
#include "jixiao/check.h"
#include "jixiao/diag.h"
#include "jixiao/framework.h"
#include "jixiao/store.h"
#include "jixiao/workflow.h"

/* One original file of a submission. */
struct jx_ws_file {
    const char *name;   /* as sent (the base name) */
    const void *data;
    size_t len;
};

/* Who acts, and when. */
struct jx_ws_who {
    const char *user;   /* users.name */
    int64_t now;        /* the server's clock (UTC seconds) */
    bool backdated;     /* an administrator's --at: the act's time is at */
    int64_t at;
    const char *client; /* the client's address, or NULL */
};

/* What an accepted act did. */
struct jx_ws_done {
    enum jx_wf_action action;
    enum jx_wf_state from, to;
    int64_t at;          /* the act's time */
    int version;         /* the version acted on (number), 0 if none */
    char sha256[65];     /* its package's SHA-256, "" if none */
    size_t nfiles_new;   /* submit: originals not stored before */
};

/*
 * 送审 (or 再送审 from 被退回) of unit's 整体 for year by who: in one
 * transaction the originals are put in the file store and recorded,
 * a new version (number, SHA-256 of package_json, package_json,
 * evaluation_json) is inserted, the state moves as jx_wf_apply says and
 * the audit row is appended.  Returns 0 (done filled), 1 when refused
 * (a W diagnostic in d; nothing changed), -1 when the store failed
 * (rolled back).  Originals are written while the transaction holds
 * the store's write lock; one left by a process killed before its
 * commit is removed by the next opening of the workspace (jx_ws_open)
 * or the next write (jx_ws_sweep).
 */
int jx_ws_submit(struct jx_store *s, const char *unit, int year,
                 const struct jx_ws_file *files, size_t nfiles,
                 const char *package_json, const char *evaluation_json,
                 const struct jx_ws_who *who, struct jx_ws_done *done,
                 struct jx_diags *d);

/* jx_ws_submit, and in the same transaction the unit's draft for the
 * year is removed (its files stay in the store): the version and the
 * spent draft commit together or not at all (jx_ws_draft_submit). */
int jx_ws_submit_draft(struct jx_store *s, const char *unit, int year,
                       const struct jx_ws_file *files, size_t nfiles,
                       const char *package_json, const char *evaluation_json,
                       const struct jx_ws_who *who, struct jx_ws_done *done,
                       struct jx_diags *d);

/*
 * Last year at 送审 (C122, docs/checks.md): the version that stands for
 * unit's year - 1 (its latest that reached 已审核 or 已公开, else its
 * latest, else none) is read and its package loaded; pkg's base sheet
 * is compared with it (jx_check_prior), the findings appended to d.
 * *version is the version compared with (0: none, or not loadable).
 * 0, or -1 when the store failed.  Call before jx_ws_submit and put the
 * findings in the evaluation it stores.
 */
int jx_ws_prior_check(struct jx_arena *a, struct jx_store *s,
                      const char *unit, int year,
                      const struct jx_package *pkg,
                      const struct jx_check_config *cfg, int *version,
                      struct jx_diags *d);

/* Any other act (受理, 退回 with comment, 通过, 公开, ...) on unit's 整体
 * for year, in one transaction: state and audit row.  Returns as
 * jx_ws_submit. */
int jx_ws_act(struct jx_store *s, const char *unit, int year,
              enum jx_wf_action action, const char *comment,
              const struct jx_ws_who *who, struct jx_ws_done *done,
              struct jx_diags *d);

/* Remove from the file store every file that no row of files names,
 * and temporary files, when a write was interrupted (the marker
 * files/.incoming is left by a write that did not finish).  Called by
 * jx_ws_submit inside its transaction; returns the number of files
 * removed, or -1. */
long jx_ws_sweep(struct jx_store *s, bool force, struct jx_diags *d);

/* After a write that did not finish (the marker files/.incoming is
 * there): in a transaction of its own that takes the write lock (SQLite
 * BEGIN IMMEDIATE, PostgreSQL the advisory lock every write takes),
 * sweep (jx_ws_sweep) and commit.  Without the marker nothing is done
 * and no lock taken.  The number of files removed, or -1 (the store's
 * diagnostic in d; rolled back). */
long jx_ws_recover(struct jx_store *s, struct jx_diags *d);

/* Open a workspace's store (jx_store_open) and recover from an
 * unfinished write (jx_ws_recover): what every command opens the
 * workspace with.  NULL after a diagnostic in d. */
struct jx_store *jx_ws_open(const char *url, const struct jx_store_opts *o,
                            struct jx_diags *d);

/* ---- the year's status ------------------------------------------------ */

/* One unit in the year's status. */
struct jx_ws_unit_status {
    const char *code, *name;
    const char *supervisor;   /* 主管部门, or NULL */
    const char *region;       /* 区域, or NULL */
    int rank;                 /* place in the year's ranking (1 = first;
                                 ties share one, the next skips: 1, 1, 3);
                                 0 for a unit without a version */
    enum jx_wf_state state;
    int version;              /* latest version number, 0 when none */
    size_t nversions;
    struct jx_wf_timeliness timeliness;
    const char *self_stated;  /* 自评分 as the unit wrote it, or NULL */
    const char *self_value;   /* 自评分 recomputed (the evaluation) */
    const char *self_grade;   /* its grade, or NULL */
    struct jx_fw_result *assessment; /* 考核 from the records, or NULL
                                        (no version).  Read from the
                                        store's cache (jx_ws_rescore) it
                                        holds scored, total, njudge,
                                        total_lo, total_hi, grade and per
                                        item item->id and used only:
                                        jx_wf_assess gives the rest */
    const char *assess_total; /* jx_fw_result_total_text, or NULL */
    const char *assess_grade; /* or NULL */
    size_t findings[4];       /* per severity (enum jx_severity) */
    bool sampled;             /* 抽查: drawn in a sample (jx_ws_sample) */
    const char *review;       /* 复核分 as recorded (exact decimal text),
                                 or NULL: kept beside 自评分 and 考核分 */
    const char *review_full;  /* the full score it was given against */
    const char *review_note;  /* the reviewer's note, or NULL */
};

/* The year's status. */
struct jx_ws_status {
    struct jx_wf_year year;
    const char *framework;    /* the year's framework id */
    struct jx_ws_unit_status *units; /* every unit, by code */
    size_t n;
};

/* Read every unit's state, versions and audit rows for year (a fixed
 * number of queries, not one per unit) and score them: 及时性 with the
 * calendar in caldir, 考核 with the year's framework in fwdir (NULL:
 * the bundled data), taken from the store's derived scores when they
 * are current, else computed here; then rank them
 * (jx_ws_status_rank).  0, 1 when the year is not set up (W022 in d),
 * -1 when the store failed. */
int jx_ws_status(struct jx_arena *a, struct jx_store *s, int year,
                 const char *fwdir, const char *caldir,
                 struct jx_ws_status *out, struct jx_diags *d);

/*
 * Bring the derived scores of year's versions up to date in the store's
 * scores table (docs/store.md, "Derived scores"): the 考核 of every
 * unit's latest version whose stamp (the framework and calendar files,
 * the year's deadlines, the dates 及时性 counts) differs from now, and
 * the 自评分 and finding counts of every version without them; fwdir,
 * caldir as jx_ws_status.  One transaction.  jx_ws_submit, jx_ws_act
 * and jx_ws_year_set keep them up to date themselves; jx_ws_status
 * never uses a stale row (it scores the unit itself).  0 with
 * *nwritten, or -1 when the store failed.
 */
int jx_ws_rescore(struct jx_store *s, int year, const char *fwdir,
                  const char *caldir, size_t *nwritten, struct jx_diags *d);

/*
 * jx_ws_rescore for a big year (the portal's warm start, `jixiao status
 * --rescore`): committed every batch units (0: one transaction), so
 * that writers wait for one batch, not the year; progress (may be NULL)
 * is called with 0 and the number of units before the first, then after
 * each unit with the number done; when it returns false the rescore
 * stops there, what was done kept (each row is right on its own).  0
 * with *nwritten, or -1 when the store failed.
 */
int jx_ws_rescore_batched(struct jx_store *s, int year, const char *fwdir,
                          const char *caldir, size_t batch,
                          bool (*progress)(void *ctx, size_t done,
                                           size_t total),
                          void *ctx, size_t *nwritten, struct jx_diags *d);

/* Set every unit's rank: units with a version by 考核分 (the total, or
 * while judgements are pending the provisional total, the pending items
 * at their 建议 or 下限; a unit without one after those with one), then
 * by 自评分 (self_value, the recomputed 总分; without one after), higher
 * first; equal on both share a rank.  Units without a version: 0.
 * Called by jx_ws_status. */
void jx_ws_status_rank(struct jx_ws_status *st);

/* st's units in ranking order (rank, units without a version last; ties
 * by code): an array of st->n pointers into st->units, in a. */
const struct jx_ws_unit_status **
jx_ws_status_ranked(struct jx_arena *a, const struct jx_ws_status *st);

/* ---- one unit's history ----------------------------------------------- */

/* One audit row as shown. */
struct jx_ws_event {
    const char *at;           /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
    const char *actor;        /* the user's name, or NULL */
    enum jx_wf_role role;
    enum jx_wf_action action;
    enum jx_wf_state from, to;
    const char *comment;      /* or NULL */
    bool backdated;
    int version;              /* the version's number, 0 if none */
};

/* One changed value between two versions: a JSON pointer into the
 * package and the values (JSON text; NULL when absent on that side). */
struct jx_ws_change {
    const char *pointer;
    const char *old_value, *new_value;
};

/* What changed from version from to version to. */
struct jx_ws_vdiff {
    int from, to;
    struct jx_ws_change *changes;
    size_t n;
    size_t omitted;           /* changes beyond JX_WS_MAX_CHANGES */
};

/* Most changes listed per pair of versions. */
#define JX_WS_MAX_CHANGES 200

/* One judgement as shown (jx_ws_judge). */
struct jx_ws_judgement_row {
    const char *at;           /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
    const char *actor;        /* the user's name, or NULL */
    const char *item;         /* the framework item's id */
    const char *label;        /* its name in the year's framework, or NULL */
    const char *value;        /* exact decimal text */
    const char *comment;      /* or NULL */
    bool backdated;
    bool standing;            /* the latest of its item: it counts */
};

/* One change of the unit's draft (draft_log, migration 8). */
struct jx_ws_draft_log_row {
    const char *at;           /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
    const char *actor;        /* the user's name, or NULL */
    const char *client;       /* the client's address, or NULL */
    const char *kind;         /* upload, correct or redraft */
    const char *detail;       /* the stored JSON object's text */
    const char *what;         /* detail in Chinese: 上传 2 个文件：a.json（120
                                 字节）、…; 更正 1 处：/p：1 → 2; 以第 1 版为
                                 底稿：… */
};

/* The Chinese of a draft_log kind: 上传, 页面更正, 以上一版本为底稿 (the
 * kind itself when unknown, "" for NULL). */
const char *jx_ws_draft_kind_zh(const char *kind);

/* One unit's history for a year. */
struct jx_ws_history {
    const char *code, *name;
    struct jx_ws_event *events;
    size_t nevents;
    struct jx_ws_vdiff *diffs; /* one per consecutive pair of versions */
    size_t ndiffs;
    bool sampled;             /* a 抽查 row is in the trail */
    const char *review;       /* 复核分 (exact decimal text), or NULL */
    const char *review_full;  /* the full score it was given against */
    const char *review_note;  /* or NULL */
    const char *review_by;    /* the reviewer's name, or NULL */
    const char *review_at;    /* UTC "YYYY-MM-DDTHH:MM:SSZ", or NULL */
    struct jx_ws_judgement_row *judgements; /* in the order recorded */
    size_t njudgements;
    struct jx_ws_draft_log_row *draft_log; /* the draft's changes, in order */
    size_t ndraft_log;
};

/* The audit trail of unit for year, the differences between its
 * consecutive versions, the judgements and the draft's changes
 * (draft_log).  0, 1 when the unit is unknown (W021), -1. */
int jx_ws_history(struct jx_arena *a, struct jx_store *s, const char *unit,
                  int year, struct jx_ws_history *out, struct jx_diags *d);

/* The changed leaves between two Package JSON texts, provenance left
 * out (keys "prov"): JSON pointers in document order, values as
 * compact JSON (long strings cut to 60 characters with "…").  0, or
 * -1 when either text is not JSON. */
int jx_ws_json_diff(struct jx_arena *a, const char *old_json,
                    const char *new_json, struct jx_ws_vdiff *out);

/* ---- 抽查 and 复核 ------------------------------------------------------ */

/* How many units a sample draws. */
struct jx_ws_sample_rule {
    bool by_share;      /* a share of the eligible units, rounded up */
    size_t count;       /* !by_share: this many (all when fewer) */
    struct jx_rat share;/* by_share: in (0, 1] */
    const char *text;   /* the rule as recorded: "count=2", "share=10%" */
};

/* A sample drawn and recorded. */
struct jx_ws_sampled {
    uint64_t seed;      /* as recorded */
    size_t n;           /* eligible units drawn from */
    size_t k;           /* units drawn */
    const char **codes; /* the units drawn, in draw order (in a) */
    int64_t at;         /* the act's time */
};

/*
 * 抽查 for year by who (a reviewer or an administrator), in one
 * transaction: the eligible units are those whose 整体 is 已审核 or
 * 已公开 and was not sampled before; jx_wf_sample_draw picks the rule's
 * number of them with seed (the same seed and the same eligible set give
 * the same sample); each drawn unit gets a 抽查 audit row (jx_wf_apply:
 * the state does not change) and the samples table a row with the seed
 * and the rule.  Returns 0 (out filled, codes in a), 1 when refused (W
 * diagnostic in d: W020, W022, W001, W009, W010, W030 nothing eligible,
 * W031 a rule drawing none; nothing changed), -1 when the store failed.
 */
int jx_ws_sample(struct jx_arena *a, struct jx_store *s, int year,
                 const struct jx_ws_sample_rule *rule, uint64_t seed,
                 const struct jx_ws_who *who, struct jx_ws_sampled *out,
                 struct jx_diags *d);

/*
 * 复核 of unit's 整体 for year by who, in one transaction: the score
 * (0 <= score <= the full score of the year's framework) goes to the
 * rechecks table beside the unit's own 自评分 and the 考核分, never
 * overwriting them, and a 复核 audit row is appended (state unchanged).
 * Refused (1, W diagnostic in d, nothing changed) unless the unit was
 * sampled (W011), who is a reviewer or an administrator (W001), no 复核
 * is recorded yet (W012) and the score is in range (W013)
 * (jx_wf_scores_review), and the state allows it (jx_wf_apply); W032
 * when the year's framework cannot be read.  -1 when the store failed.
 */
int jx_ws_recheck(struct jx_store *s, const char *unit, int year,
                  struct jx_rat score, const char *note,
                  const struct jx_ws_who *who, struct jx_diags *d);

/* ---- the reviewer's judgements of the 考核评分表 ---------------------- */

/* One judgement to record: an item of the year's framework and its
 * score. */
struct jx_ws_judgement {
    const char *item;
    struct jx_rat value;
};

/* The unit's 考核 after judgements were recorded. */
struct jx_ws_judged {
    const char *total;        /* jx_fw_result_total_text: one number when
                                 nothing is pending, else the range */
    const char *grade;        /* or NULL (pending, or no grades) */
    size_t njudge;            /* items still awaiting a judgement */
};

/*
 * Record the reviewer's judgements (the scores of items awaiting one:
 * manual items, or items whose input is missing and whose policy is
 * judgement) of unit's 整体 for year, by who, in one transaction: one
 * row each in the judgements table (append-only; the latest row of an
 * item stands), and the unit's cached 'assessment' row rewritten with
 * the standing judgements applied (the stamp includes them).  Refused
 * (1, W diagnostic in d, nothing changed): W020/W021/W022 as the acts,
 * W050 unless who is a reviewer or an administrator, W009/W010 for a
 * backdated judgement not by an administrator or in the future, W051
 * when the unit has no version for the year, W055 when the year's
 * framework cannot be read, W052 an item the framework does not have,
 * W053 an item that takes no judgement (the rule computes it, or it is
 * not counted), W054 a value outside what the rule allows (0..分值, or
 * the bands of a manual rule: the framework's own check of run-time
 * judgements).  out (may be NULL) gets the 考核 after.  -1 when the
 * store failed (rolled back).
 */
int jx_ws_judge_set(struct jx_store *s, const char *unit, int year,
                    const struct jx_ws_judgement *set, size_t n,
                    const char *comment, const struct jx_ws_who *who,
                    struct jx_arena *a, struct jx_ws_judged *out,
                    struct jx_diags *d);

/* One judgement: jx_ws_judge_set with one item. */
int jx_ws_judge(struct jx_store *s, const char *unit, int year,
                const char *item, struct jx_rat value, const char *comment,
                const struct jx_ws_who *who, struct jx_diags *d);

/*
 * The 考核 of unit's latest version for year computed now with the
 * standing judgements applied (*res, in a; NULL when the unit has no
 * version or the framework cannot be read), for showing the items that
 * await a judgement with their 建议 and range.  0, 1 when the year is
 * not set up (W022), -1 when the store failed.
 */
int jx_ws_assess_unit(struct jx_arena *a, struct jx_store *s,
                      const char *unit, int year, struct jx_fw_result **res,
                      struct jx_diags *d);

/* Whether item result r takes a judgement (counted, and its rule leaves
 * a range: manual, partly judgement, an input missing with policy
 * judge). */
bool jx_ws_item_judgeable(const struct jx_fw_item_result *r);

/* ---- a unit's draft (the portal's uploads) ----------------------------- */

/* One original file of a draft. */
struct jx_ws_draft_file {
    const char *name;         /* as uploaded (the base name) */
    const char *kind;         /* jx_input_kind_name of its content */
    char sha256[65];
    int64_t size;
};

/* A unit's draft: what its filler uploaded and the pipeline read. */
struct jx_ws_draft {
    const char *package_json;
    const char *evaluation_json;
    const char *updated_at;   /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
    const char *by;           /* the user's name, or NULL */
    struct jx_ws_draft_file *files;
    size_t nfiles;
};

/*
 * Keep files (with kinds[i], jx_input_kind_name of each) and the JSON
 * read from them as unit's draft for year, by who (a filler or leader
 * of that unit), replacing the draft there was: in one transaction the
 * originals are put in the file store and recorded in files, the draft
 * row and its file list are written.  Allowed while the 整体 is 填报中
 * or 被退回 (W041 otherwise), by the unit's own users (W042).  Returns
 * 0, 1 when refused (W diagnostic in d, nothing changed), -1 when the
 * store failed.
 */
int jx_ws_draft_save(struct jx_store *s, const char *unit, int year,
                     const struct jx_ws_file *files, const char *const *kinds,
                     size_t nfiles, const char *package_json,
                     const char *evaluation_json, const struct jx_ws_who *who,
                     struct jx_diags *d);

/*
 * Replace the Package and Evaluation JSON of unit's draft for year (the
 * portal's edit form: figures corrected in the page and evaluated
 * again), by who; the draft's original files stay as uploaded.  The
 * same rules as jx_ws_draft_save (W041, W042); W040 when there is no
 * draft.  Returns 0, 1 when refused (nothing changed), -1 when the
 * store failed.
 */
int jx_ws_draft_update(struct jx_store *s, const char *unit, int year,
                       const char *package_json, const char *evaluation_json,
                       const struct jx_ws_who *who, struct jx_diags *d);

/* Read unit's draft for year into *out (strings in a): 1 when there is
 * one, 0 when none, -1 when the store failed. */
int jx_ws_draft_get(struct jx_arena *a, struct jx_store *s, const char *unit,
                    int year, struct jx_ws_draft *out);

/*
 * 送审 or 再送审 of unit's draft for year through jx_ws_submit_draft: the
 * version is frozen from the draft's originals (read back from the file
 * store, their SHA-256 checked) and its Package and Evaluation JSON,
 * and the draft is removed in the same transaction (its files stay in
 * the store).  Returns as jx_ws_submit; 1 with W040 when there is no
 * draft.
 */
int jx_ws_draft_submit(struct jx_store *s, const char *unit, int year,
                       const struct jx_ws_who *who, struct jx_ws_done *done,
                       struct jx_diags *d);

/* The kind of an original file from its content (the caller's detector,
 * jx_input_kind_name of jx_input_detect: the workspace does not read
 * formats); never NULL. */
typedef const char *(*jx_ws_kind_fn)(const void *data, size_t len);

/*
 * A returned unit corrects its last version: unit's latest version for
 * year (its original files, Package JSON and Evaluation JSON) becomes
 * the unit's draft, by who (a filler or leader of that unit), in one
 * transaction; each file's kind is kind_of its content (read back from
 * the file store).  Refused (1, nothing changed) by another unit's user
 * or the bureau (W042), unless the 整体 is 填报中 or 被退回 (W041), when
 * a draft is there already (W043) or there is no version (W044).
 * Returns 0 (*number the version copied), 1, or -1 when the store
 * failed (rolled back).
 */
int jx_ws_draft_from_version(struct jx_store *s, const char *unit, int year,
                             jx_ws_kind_fn kind_of,
                             const struct jx_ws_who *who, int *number,
                             struct jx_diags *d);

/* ---- a version's original files (ws_files.c) -------------------------- */

/* One original of a version, as recorded in version_files. */
struct jx_ws_vfile {
    int seq;                  /* 1, 2, ... in the order sent */
    const char *name;         /* the name it was sent under */
    char sha256[65];
    int64_t size;
};

/* The originals of one version of a unit's 整体. */
struct jx_ws_vfiles {
    const char *code, *name;  /* the unit */
    int year;
    int number;               /* the version's number */
    const char *created_at;   /* UTC "YYYY-MM-DDTHH:MM:SSZ" */
    struct jx_ws_vfile *files;
    size_t nfiles;
};

/*
 * The originals of version number (0: the latest) of unit's 整体 for
 * year into *out (in a), in the order sent.  Returns 0; 1 when refused
 * (W021 an unknown unit, W022 a year not set up, W056 no such version,
 * or none yet; d); -1 when the store failed.  Nothing is read from the
 * file store.
 */
int jx_ws_version_files(struct jx_arena *a, struct jx_store *s,
                        const char *unit, int year, int number,
                        struct jx_ws_vfiles *out, struct jx_diags *d);

/*
 * Read original f of version v back from the file store through
 * jx_files_get (its SHA-256 checked) into a malloc'd buffer (*data,
 * *len; the caller frees it).  A copy missing or altered in the store
 * is never served: -1 after the store's D010/D011 and a D012 naming the
 * original (unit, year, version, seq and name) in d.  0 when read.
 */
int jx_ws_version_file_read(struct jx_store *s, const struct jx_ws_vfiles *v,
                            const struct jx_ws_vfile *f, char **data,
                            size_t *len, struct jx_diags *d);

/*
 * A name safe to create in a directory for an original sent as name
 * (a): path separators ('/', '\\') and control characters become '_',
 * leading dots become '_' (so neither "." nor ".." nor a hidden file),
 * cut to at most 200 bytes at a UTF-8 boundary; an empty name becomes
 * "file-SEQ".
 */
const char *jx_ws_file_name_safe(struct jx_arena *a, const char *name,
                                 int seq);

#endif
