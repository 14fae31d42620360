/*
 * workflow.h - the submission workflow of the bureau's workspace (issue
 * 13; ../shared/spec/workspace.md "Who, and what each may do", "States",
 * "Records and time"; docs/workflow.md) as pure functions: the states
 * of one object (整体, or one 项目) of one unit and year, the actions and
 * who may take them, the audit row a transition writes, 及时性 from the
 * recorded times, the 抽查 sample drawn from a recorded seed and the
 * 复核 score kept beside the unit's own.
 *
 * Nothing here reads or writes a store: the store (lib/store) keeps the
 * rows append-only and calls these functions to decide; the commands
 * call the store.  jx_wf_apply() changes nothing: an illegal transition
 * is a refusal with a stable code (W0xx, docs/ERRORS.md) and a Chinese
 * reason, a legal one is the new state.
 *
 * Times are UTC seconds since 1970-01-01 (int64).  Deadlines are dates
 * in China: a time counts on its date in Beijing time (UTC+8, no summer
 * time), so a 送审 at 2025-07-15T16:30:00Z (00:30 on the 16th in
 * Beijing) is after a 7 月 15 日 deadline.
 *
 * Ownership: strings and arrays returned live in the arena passed in
 * (the caller's); inputs are borrowed and not kept beyond the call,
 * except where a result says it points into them.  No floating point.
 */
#ifndef JIXIAO_WORKFLOW_H
#define JIXIAO_WORKFLOW_H

#include <stdint.h>

#include "jixiao/base.h"
#include "jixiao/calendar.h"
#include "jixiao/dec.h"
#include "jixiao/diag.h"
#include "jixiao/framework.h"
#include "jixiao/model.h"

/* ---- states, actions, roles ----------------------------------------- */

/* The state of one object of one unit and year. */
enum jx_wf_state {
    JX_WF_FILLING = 0,  /* 填报中 (also the state before any row) */
    JX_WF_UNIT_REVIEW,  /* 待单位审核 (only when the year asks for it) */
    JX_WF_SUBMITTED,    /* 已送审 */
    JX_WF_REVIEWING,    /* 审核中 */
    JX_WF_RETURNED,     /* 被退回 */
    JX_WF_APPROVED,     /* 已审核 */
    JX_WF_PUBLISHED,    /* 已公开 */
    JX_WF_NSTATES
};

/* What a user does to an object. */
enum jx_wf_action {
    JX_WF_SUBMIT = 0,     /* 送审: filler, 填报中 → 待单位审核 or 已送审 */
    JX_WF_LEADER_APPROVE, /* 同意并送审: leader, 待单位审核 → 已送审 */
    JX_WF_LEADER_RETURN,  /* 单位退回: leader, 待单位审核 → 填报中 (comment) */
    JX_WF_CANCEL_SUBMIT,  /* 取消送审: unit, 已送审 → 填报中, until taken */
    JX_WF_TAKE,           /* 受理: reviewer, 已送审 → 审核中 */
    JX_WF_APPROVE,        /* 通过: reviewer, 审核中 → 已审核 */
    JX_WF_RETURN,         /* 退回: reviewer, 审核中 → 被退回 (comment) */
    JX_WF_RESUBMIT,       /* 再送审: filler, 被退回 → 已送审 (or 待单位审核) */
    JX_WF_CANCEL_APPROVAL,/* 取消审核: reviewer, 已审核 → 审核中 (reason) */
    JX_WF_SAMPLE,         /* 抽查: reviewer or admin, 已审核 / 已公开, no
                             change of state (a flag) */
    JX_WF_PUBLISH,        /* 公开: unit or admin, 已审核 → 已公开 */
    JX_WF_UNPUBLISH,      /* 撤回公开: admin, 已公开 → 已审核 (reason) */
    JX_WF_RECHECK,        /* 复核: reviewer or admin, 已审核 / 已公开, no
                             change of state (the 复核 score of a sampled
                             object, jx_wf_scores_review) */
    JX_WF_NACTIONS
};

/* Who acts.  The order is the level: a lower level may not undo what a
 * higher one did (jx_wf_level). */
enum jx_wf_role {
    JX_WF_ROLE_NONE = 0, /* nobody (no row yet) */
    JX_WF_FILLER,        /* 单位填报人, bound to one unit */
    JX_WF_LEADER,        /* 单位负责人, bound to one unit */
    JX_WF_REVIEWER,      /* 财政审核人, the bureau */
    JX_WF_ADMIN,         /* 管理员, the bureau */
    JX_WF_NROLES
};

/* Chinese names: "填报中", "送审", "单位填报人" ("" out of range). */
const char *jx_wf_state_zh(enum jx_wf_state s);
const char *jx_wf_action_zh(enum jx_wf_action a);
const char *jx_wf_role_zh(enum jx_wf_role r);

/* Stable English names for storage and JSON: "filling", "submit",
 * "filler" ("" out of range). */
const char *jx_wf_state_name(enum jx_wf_state s);
const char *jx_wf_action_name(enum jx_wf_action a);
const char *jx_wf_role_name(enum jx_wf_role r);

/* Look a name up, English or Chinese, in s[0..n): 0 and *out set, or -1. */
int jx_wf_state_parse(const char *s, size_t n, enum jx_wf_state *out);
int jx_wf_action_parse(const char *s, size_t n, enum jx_wf_action *out);
int jx_wf_role_parse(const char *s, size_t n, enum jx_wf_role *out);

/* The level of a role: filler 1 < leader 2 < reviewer 3 < admin 4. */
int jx_wf_level(enum jx_wf_role r);

/* Whether the unit may edit and upload in state s (填报中, 被退回). */
bool jx_wf_may_edit(enum jx_wf_state s);

/* ---- one transition -------------------------------------------------- */

/* The user acting: an id (the store's), a role and, for unit roles, the
 * unit's code (NULL for the bureau). */
struct jx_wf_actor {
    const char *id;
    enum jx_wf_role role;
    const char *unit;
};

/* What the decision needs beyond state, action and actor. */
struct jx_wf_opts {
    bool leader_step;           /* the year asks for 单位负责人 approval */
    bool taken;                 /* the bureau has taken the submission
                                   (opened it) although its state is
                                   still 已送审: 取消送审 is refused */
    enum jx_wf_role entered_by; /* the role whose act put the object in
                                   its state (jx_wf_replay); NONE */
    bool has_entered_at;
    int64_t entered_at;         /* the time of the object's last row */
    const char *comment;        /* the comment or reason, or NULL */
    int64_t now;                /* the server's clock (UTC) */
    bool backdated;             /* an administrator records a past act
                                   (--at TIME): the act's time is at */
    int64_t at;
};

/* The answer: the new state, or a refusal. */
struct jx_wf_outcome {
    bool ok;
    enum jx_wf_state from, to; /* to == from when refused */
    bool sampled;              /* the act is 抽查 (sets the flag) */
    int64_t at;                /* the act's time: opts.at when backdated,
                                  else opts.now */
    const char *code;          /* refused: "W001" ... (docs/ERRORS.md) */
    const char *why;           /* refused: the reason, Chinese (arena) */
};

/*
 * Decide action by actor on an object of object_unit in state from.
 * Returns 0 with out->ok and out->to, or -1 with out->ok false, out->to
 * == from, out->code and out->why.  Pure: the arena only receives the
 * message.  The rules (docs/workflow.md): the state table; a unit user
 * acts only on his own unit; 取消送审 only until 受理 (and not when
 * opts.taken); 退回 and 单位退回 need a comment, 取消审核 and 撤回公开 a
 * reason; an undo (取消送审, 取消审核, 撤回公开) by a role of a lower level
 * than opts.entered_by is refused; an administrator may take every
 * action, and only he may backdate one (opts.backdated), which may not
 * lie before opts.entered_at nor after opts.now.
 */
int jx_wf_apply(struct jx_arena *a, enum jx_wf_state from,
                enum jx_wf_action action, const struct jx_wf_actor *actor,
                const char *object_unit, const struct jx_wf_opts *opts,
                struct jx_wf_outcome *out);

/* ---- the audit row ---------------------------------------------------- */

/* One row of the audit trail: what the store appends for every act and
 * never updates nor deletes. */
struct jx_wf_audit {
    const char *unit;          /* the object's unit code */
    int year;                  /* the year evaluated */
    const char *object;        /* "整体", or the project's name */
    const char *version;       /* SHA-256 (hex) of the version acted on,
                                  or NULL (none yet) */
    enum jx_wf_state from, to;
    enum jx_wf_action action;
    const char *actor_id;
    enum jx_wf_role actor_role;
    const char *actor_unit;    /* NULL for the bureau */
    int64_t at;                /* when the act happened (UTC) */
    int64_t recorded;          /* when it was recorded (UTC); == at unless
                                  backdated */
    const char *client;        /* the client's address, or NULL */
    const char *comment;       /* comment or reason, or NULL */
    bool backdated;            /* recorded afterwards by an administrator */
};

/* What a row is about (the fields of jx_wf_audit not decided by the
 * transition). */
struct jx_wf_subject {
    const char *unit;
    int year;
    const char *object;
    const char *version;
    const char *client;
};

/* The row for an accepted outcome (out->ok) of action by actor: strings
 * copied into a; recorded is opts->now.  A refused outcome has no row:
 * returns -1 and leaves *row zeroed. */
int jx_wf_audit_make(struct jx_arena *a, const struct jx_wf_subject *subj,
                     enum jx_wf_action action, const struct jx_wf_actor *actor,
                     const struct jx_wf_opts *opts,
                     const struct jx_wf_outcome *out, struct jx_wf_audit *row);

/* Where an object's rows leave it. */
struct jx_wf_current {
    enum jx_wf_state state;     /* 填报中 with no row */
    enum jx_wf_role entered_by; /* role of the last row that changed the
                                   state (NONE with no row) */
    bool has_last;
    int64_t last_at;            /* time of the last row */
    bool sampled;               /* some 抽查 row */
    size_t returns;             /* 退回 rows */
};

/* Replay rows[0..n) of one object in order into *cur.  Returns 0; or -1
 * when a row does not start from the state the previous ones left (a
 * broken trail: *bad is its index). */
int jx_wf_replay(const struct jx_wf_audit *rows, size_t n,
                 struct jx_wf_current *cur, size_t *bad);

/* ---- times ----------------------------------------------------------- */

/* Beijing time's offset from UTC, in seconds. */
#define JX_WF_TZ_OFFSET (8 * 3600)

/* Buffer for jx_wf_time_format: "2025-07-15T16:30:00Z" and a NUL. */
#define JX_WF_TIME_BUFSZ 24

/* The UTC time of a date and time of day in UTC (valid date, 0..23,
 * 0..59, 0..59). */
int64_t jx_wf_time_utc(struct jx_cal_date d, int h, int mi, int s);

/* Parse s[0..n): "YYYY-MM-DDTHH:MM:SSZ", the same with an offset
 * "+08:00" / "-05:30" instead of Z, or "YYYY-MM-DD HH:MM[:SS]" read as
 * Beijing time.  0 with *out, or -1. */
int jx_wf_time_parse(const char *s, size_t n, int64_t *out);

/* t as "YYYY-MM-DDTHH:MM:SSZ" in buf; returns buf. */
char *jx_wf_time_format(int64_t t, char *buf);

/* The date of t in Beijing time. */
struct jx_cal_date jx_wf_time_local_date(int64_t t);

/* ---- 及时性 from the records ------------------------------------------- */

/* Which recorded time counts for 报送 (a setting of the year). */
enum jx_wf_basis {
    JX_WF_BASIS_FIRST_SUBMIT = 0, /* the first 送审 that reached the bureau
                                     and was not withdrawn */
    JX_WF_BASIS_AFTER_RETURN,     /* the first such 送审 after the last 退回
                                     (the first one when never returned) */
    JX_WF_BASIS_APPROVED          /* the 通过 that stands (not undone by
                                     取消审核) */
};

/* Name of a basis ("first_submit", "after_return", "approved") and its
 * Chinese ("首次送审", "最后一次退回后的送审", "审核通过"). */
const char *jx_wf_basis_name(enum jx_wf_basis b);
const char *jx_wf_basis_zh(enum jx_wf_basis b);
int jx_wf_basis_parse(const char *s, size_t n, enum jx_wf_basis *out);

/* The year's settings the workflow and 及时性 read. */
struct jx_wf_year {
    int year;                  /* the year evaluated */
    struct jx_cal_date submit_by;  /* 报送截止 (inclusive) */
    struct jx_cal_date publish_by; /* 公开截止 (inclusive) */
    enum jx_wf_basis basis;
    bool leader_step;
};

/* One recorded moment and how late it is. */
struct jx_wf_moment {
    bool present;              /* a row counts */
    size_t row;                /* its index in the rows given */
    int64_t at;                /* its time (UTC) */
    struct jx_cal_date date;   /* its date in Beijing time */
    bool backdated;            /* the row was recorded afterwards */
    bool has_late;             /* the calendar answered */
    int late;                  /* working days after the deadline */
    const char *why;           /* not present, or no answer: Chinese */
};

/* 及时性 of one unit's object. */
struct jx_wf_timeliness {
    struct jx_wf_moment submit;  /* by the year's basis, against submit_by */
    struct jx_wf_moment publish; /* the 公开 that stands, against
                                    publish_by */
};

/* Find in rows[0..n) (one object's trail, in order) the times that count
 * and how many working days each is late, with cal (NULL: no lateness,
 * why says so).  Returns 0. */
int jx_wf_timeliness(struct jx_arena *a, const struct jx_wf_year *year,
                     const struct jx_wf_audit *rows, size_t n,
                     const struct jx_calendar *cal,
                     struct jx_wf_timeliness *out);

/*
 * The framework's scoring (jx_framework_eval) over pkg with the dates
 * from the records: submitted and published are the Beijing dates of
 * jx_wf_timeliness's moments (absent when no row counts: the package's
 * own typed dates are never used), and the year's deadlines are given as
 * the params submit_deadline and publish_deadline (the names the
 * bundled 考核评分表 uses), after the caller's overrides (may be NULL,
 * NULL-terminated "name=value").  Findings go to d.  Never NULL.
 */
struct jx_fw_result *jx_wf_assess(struct jx_arena *a,
                                  const struct jx_framework *fw,
                                  const struct jx_package *pkg,
                                  const struct jx_wf_year *year,
                                  const struct jx_wf_audit *rows, size_t n,
                                  const struct jx_calendar *cal,
                                  const char *const *overrides,
                                  struct jx_diags *d);

/* ---- 抽查 and 复核 ------------------------------------------------------ */

/*
 * The PRNG of 抽查: SplitMix64 (Steele, Lea, Flood 2014; the seeding
 * generator of xoshiro): state += 0x9E3779B97F4A7C15, then
 * z = state; z = (z ^ z>>30) * 0xBF58476D1CE4E5B9;
 * z = (z ^ z>>27) * 0x94D049BB133111EB; return z ^ z>>31.
 */
uint64_t jx_wf_splitmix64(uint64_t *state);

/* A uniform integer in 0..bound-1 (bound >= 1) from the generator, by
 * rejection of the values below 2^64 mod bound (no modulo bias). */
uint64_t jx_wf_uniform(uint64_t *state, uint64_t bound);

/* A drawn sample. */
struct jx_wf_sample {
    uint64_t seed;       /* as recorded */
    size_t n;            /* units drawn from */
    size_t k;            /* units drawn */
    const char **codes;  /* the units drawn, in draw order (pointing into
                            the caller's list) */
};

/*
 * Draw k of the n unit codes with seed: the codes are first sorted
 * (bytewise), so the order they are given in does not matter, then a
 * partial Fisher–Yates shuffle with jx_wf_uniform picks k (k > n: all).
 * The same seed and the same set of codes give the same sample.
 */
void jx_wf_sample_draw(struct jx_arena *a, const char *const *codes,
                       size_t n, size_t k, uint64_t seed,
                       struct jx_wf_sample *out);

/* The number of units for a share of n (e.g. 10%), rounded up; share in
 * [0, 1] (outside: clamped). */
size_t jx_wf_sample_size(size_t n, struct jx_rat share);

/* A unit's scores, each in its own field and never overwritten. */
struct jx_wf_scores {
    bool has_self;
    struct jx_rat self;      /* 自评分: the unit's own total */
    bool has_computed;
    struct jx_rat computed;  /* 考核分: the framework's, from the records */
    bool has_review;
    struct jx_rat review;    /* 复核分: the reviewer's after 抽查 */
    const char *review_by;   /* the reviewer's id */
    int64_t review_at;
    const char *review_note; /* the reviewer's findings, or NULL */
};

/* Record the 复核 score into *out (a copy of *in with the review fields
 * set): refused (-1, *why Chinese, *code) unless the object was sampled,
 * the actor is a reviewer or an administrator, no 复核 score is kept
 * yet, and 0 <= score <= full. */
int jx_wf_scores_review(struct jx_arena *a, const struct jx_wf_scores *in,
                        bool sampled, const struct jx_wf_actor *actor,
                        struct jx_rat score, struct jx_rat full, int64_t at,
                        const char *note, struct jx_wf_scores *out,
                        const char **code, const char **why);

#endif
