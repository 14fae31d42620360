/*
 * workspace_flow.c - the submission workflow as a pure state machine
 * (workflow.h, docs/workflow.md): names of states, actions and roles,
 * the decision jx_wf_apply, the audit row of an accepted act and the
 * replay of a trail.  Nothing is stored here; the arena passed in
 * receives the messages and the rows' strings, owned by the caller.
 */
#include "jixiao/workflow.h"

#include <stdarg.h>
#include <string.h>

static const char *const state_zh[JX_WF_NSTATES] = {
    "填报中", "待单位审核", "已送审", "审核中", "被退回", "已审核", "已公开",
};
static const char *const state_en[JX_WF_NSTATES] = {
    "filling", "unit_review", "submitted", "reviewing",
    "returned", "approved", "published",
};
static const char *const action_zh[JX_WF_NACTIONS] = {
    "送审", "同意并送审", "单位退回", "取消送审", "受理", "通过",
    "退回", "再送审", "取消审核", "抽查", "公开", "撤回公开", "复核",
};
static const char *const action_en[JX_WF_NACTIONS] = {
    "submit", "leader_approve", "leader_return", "cancel_submit",
    "take", "approve", "return", "resubmit", "cancel_approval",
    "sample", "publish", "unpublish", "recheck",
};
static const char *const role_zh[JX_WF_NROLES] = {
    "无", "单位填报人", "单位负责人", "财政审核人", "管理员",
};
static const char *const role_en[JX_WF_NROLES] = {
    "none", "filler", "leader", "reviewer", "admin",
};

/* Chinese name of a state ("" out of range). */
const char *jx_wf_state_zh(enum jx_wf_state s)
{
    return (unsigned)s < JX_WF_NSTATES ? state_zh[s] : "";
}

/* Chinese name of an action ("" out of range). */
const char *jx_wf_action_zh(enum jx_wf_action a)
{
    return (unsigned)a < JX_WF_NACTIONS ? action_zh[a] : "";
}

/* Chinese name of a role ("" out of range). */
const char *jx_wf_role_zh(enum jx_wf_role r)
{
    return (unsigned)r < JX_WF_NROLES ? role_zh[r] : "";
}

/* English name of a state ("" out of range). */
const char *jx_wf_state_name(enum jx_wf_state s)
{
    return (unsigned)s < JX_WF_NSTATES ? state_en[s] : "";
}

/* English name of an action ("" out of range). */
const char *jx_wf_action_name(enum jx_wf_action a)
{
    return (unsigned)a < JX_WF_NACTIONS ? action_en[a] : "";
}

/* English name of a role ("" out of range). */
const char *jx_wf_role_name(enum jx_wf_role r)
{
    return (unsigned)r < JX_WF_NROLES ? role_en[r] : "";
}

/* Index of s[0..n) in en[] or zh[] (count entries), or -1. */
static int lookup(const char *s, size_t n, const char *const *en,
                  const char *const *zh, int count)
{
    for (int i = 0; s && i < count; i++) {
        if ((strlen(en[i]) == n && memcmp(en[i], s, n) == 0) ||
            (strlen(zh[i]) == n && memcmp(zh[i], s, n) == 0)) {
            return i;
        }
    }
    return -1;
}

/* Parse a state name, English or Chinese. */
int jx_wf_state_parse(const char *s, size_t n, enum jx_wf_state *out)
{
    int i = lookup(s, n, state_en, state_zh, JX_WF_NSTATES);
    if (i < 0) {
        return -1;
    }
    *out = (enum jx_wf_state)i;
    return 0;
}

/* Parse an action name, English or Chinese. */
int jx_wf_action_parse(const char *s, size_t n, enum jx_wf_action *out)
{
    int i = lookup(s, n, action_en, action_zh, JX_WF_NACTIONS);
    if (i < 0) {
        return -1;
    }
    *out = (enum jx_wf_action)i;
    return 0;
}

/* Parse a role name, English or Chinese (not "none"). */
int jx_wf_role_parse(const char *s, size_t n, enum jx_wf_role *out)
{
    int i = lookup(s, n, role_en, role_zh, JX_WF_NROLES);
    if (i <= 0) {
        return -1;
    }
    *out = (enum jx_wf_role)i;
    return 0;
}

/* The level of a role (its enum value: the order is the level). */
int jx_wf_level(enum jx_wf_role r)
{
    return (unsigned)r < JX_WF_NROLES ? (int)r : 0;
}

/* Whether the unit may edit in state s. */
bool jx_wf_may_edit(enum jx_wf_state s)
{
    return s == JX_WF_FILLING || s == JX_WF_RETURNED;
}

/* Which roles may take an action (bit 1 << role); the administrator may
 * take every one. */
static unsigned roles_of(enum jx_wf_action a)
{
    const unsigned F = 1u << JX_WF_FILLER, L = 1u << JX_WF_LEADER,
                   R = 1u << JX_WF_REVIEWER, A = 1u << JX_WF_ADMIN;
    switch (a) {
    case JX_WF_SUBMIT:
    case JX_WF_RESUBMIT:
        return F | A;
    case JX_WF_LEADER_APPROVE:
    case JX_WF_LEADER_RETURN:
        return L | A;
    case JX_WF_CANCEL_SUBMIT:
    case JX_WF_PUBLISH:
        return F | L | A;
    case JX_WF_TAKE:
    case JX_WF_APPROVE:
    case JX_WF_RETURN:
    case JX_WF_CANCEL_APPROVAL:
    case JX_WF_SAMPLE:
    case JX_WF_RECHECK:
        return R | A;
    case JX_WF_UNPUBLISH:
        return A;
    default:
        return 0;
    }
}

/* The state table: the state action leads to from `from`, or -1 when
 * the table has no such transition. */
static int target(enum jx_wf_state from, enum jx_wf_action a, bool leader)
{
    switch (a) {
    case JX_WF_SUBMIT:
        return from == JX_WF_FILLING
                   ? (int)(leader ? JX_WF_UNIT_REVIEW : JX_WF_SUBMITTED)
                   : -1;
    case JX_WF_RESUBMIT:
        return from == JX_WF_RETURNED
                   ? (int)(leader ? JX_WF_UNIT_REVIEW : JX_WF_SUBMITTED)
                   : -1;
    case JX_WF_LEADER_APPROVE:
        return from == JX_WF_UNIT_REVIEW ? (int)JX_WF_SUBMITTED : -1;
    case JX_WF_LEADER_RETURN:
        return from == JX_WF_UNIT_REVIEW ? (int)JX_WF_FILLING : -1;
    case JX_WF_CANCEL_SUBMIT:
        return from == JX_WF_SUBMITTED ? (int)JX_WF_FILLING : -1;
    case JX_WF_TAKE:
        return from == JX_WF_SUBMITTED ? (int)JX_WF_REVIEWING : -1;
    case JX_WF_APPROVE:
        return from == JX_WF_REVIEWING ? (int)JX_WF_APPROVED : -1;
    case JX_WF_RETURN:
        return from == JX_WF_REVIEWING ? (int)JX_WF_RETURNED : -1;
    case JX_WF_CANCEL_APPROVAL:
        return from == JX_WF_APPROVED ? (int)JX_WF_REVIEWING : -1;
    case JX_WF_SAMPLE:
    case JX_WF_RECHECK:
        return from == JX_WF_APPROVED || from == JX_WF_PUBLISHED ? (int)from
                                                                 : -1;
    case JX_WF_PUBLISH:
        return from == JX_WF_APPROVED ? (int)JX_WF_PUBLISHED : -1;
    case JX_WF_UNPUBLISH:
        return from == JX_WF_PUBLISHED ? (int)JX_WF_APPROVED : -1;
    default:
        return -1;
    }
}

/* The roles allowed an action, as Chinese text ("单位填报人、管理员"). */
static const char *roles_text(struct jx_arena *a, enum jx_wf_action act)
{
    unsigned m = roles_of(act);
    const char *s = "";
    for (int r = JX_WF_FILLER; r < JX_WF_NROLES; r++) {
        if (m & (1u << r)) {
            s = jx_sprintf(a, "%s%s%s", s, *s ? "、" : "", role_zh[r]);
        }
    }
    return s;
}

/* The actions the table allows in a state, as Chinese text. */
static const char *possible_text(struct jx_arena *a, enum jx_wf_state st)
{
    const char *s = "";
    for (int k = 0; k < JX_WF_NACTIONS; k++) {
        if (target(st, (enum jx_wf_action)k, false) >= 0) {
            s = jx_sprintf(a, "%s%s%s", s, *s ? "、" : "", action_zh[k]);
        }
    }
    return *s ? s : "无";
}

/* Fill *out as a refusal with code and the formatted reason. */
static int refuse(struct jx_arena *a, struct jx_wf_outcome *out,
                  const char *code, const char *fmt, ...) JX_PRINTF(4, 5);

/* (see the declaration above) */
static int refuse(struct jx_arena *a, struct jx_wf_outcome *out,
                  const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    out->ok = false;
    out->to = out->from;
    out->sampled = false;
    out->code = code;
    out->why = jx_vsprintf(a, fmt, ap);
    va_end(ap);
    return -1;
}

/* Whether an action undoes the act that entered the current state. */
static bool is_undo(enum jx_wf_action act)
{
    return act == JX_WF_CANCEL_SUBMIT || act == JX_WF_CANCEL_APPROVAL ||
           act == JX_WF_UNPUBLISH;
}

/* Whether a text is absent or only ASCII blanks. */
static bool blank(const char *s)
{
    for (; s && *s; s++) {
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
            return false;
        }
    }
    return true;
}

/* Decide an act (workflow.h). */
int jx_wf_apply(struct jx_arena *a, enum jx_wf_state from,
                enum jx_wf_action act, const struct jx_wf_actor *actor,
                const char *object_unit, const struct jx_wf_opts *o,
                struct jx_wf_outcome *out)
{
    memset(out, 0, sizeof *out);
    out->from = from;
    out->to = from;
    out->at = o->backdated ? o->at : o->now;
    if ((unsigned)from >= JX_WF_NSTATES || (unsigned)act >= JX_WF_NACTIONS) {
        return refuse(a, out, "W003", "未知的状态或操作");
    }
    const char *an = action_zh[act], *sn = state_zh[from];
    enum jx_wf_role role = actor ? actor->role : JX_WF_ROLE_NONE;
    if ((unsigned)role >= JX_WF_NROLES || !(roles_of(act) & (1u << role))) {
        return refuse(a, out, "W001", "%s无权%s（可%s的是：%s）",
                      role > JX_WF_ROLE_NONE && role < JX_WF_NROLES
                          ? role_zh[role]
                          : "未知角色",
                      an, an, roles_text(a, act));
    }
    if (role == JX_WF_FILLER || role == JX_WF_LEADER) {
        if (!actor->unit || !*actor->unit) {
            return refuse(a, out, "W002", "%s %s 没有绑定单位，不能%s",
                          role_zh[role], actor->id ? actor->id : "", an);
        }
        if (!object_unit || strcmp(actor->unit, object_unit) != 0) {
            return refuse(a, out, "W002",
                          "%s只能处理本单位（%s）的材料，不能%s单位 %s 的材料",
                          role_zh[role], actor->unit, an,
                          object_unit ? object_unit : "（无）");
        }
    }
    if (o->backdated) {
        char b1[JX_WF_TIME_BUFSZ], b2[JX_WF_TIME_BUFSZ];
        if (role != JX_WF_ADMIN) {
            return refuse(a, out, "W009", "只有管理员可以补录过去的操作（--at），%s不能",
                          role_zh[role]);
        }
        if (o->at > o->now) {
            return refuse(a, out, "W010", "补录的时间 %s 晚于当前时间 %s",
                          jx_wf_time_format(o->at, b1),
                          jx_wf_time_format(o->now, b2));
        }
        if (o->has_entered_at && o->at < o->entered_at) {
            return refuse(a, out, "W010",
                          "补录的时间 %s 早于该材料上一条记录的时间 %s",
                          jx_wf_time_format(o->at, b1),
                          jx_wf_time_format(o->entered_at, b2));
        }
    }
    int to = target(from, act, o->leader_step);
    if (to < 0) {
        switch (act) {
        case JX_WF_TAKE:
        case JX_WF_APPROVE:
        case JX_WF_RETURN:
        case JX_WF_CANCEL_APPROVAL:
            if (from == JX_WF_FILLING || from == JX_WF_UNIT_REVIEW) {
                return refuse(a, out, "W004", "该单位尚未送审（状态：%s），不能%s",
                              sn, an);
            }
            if (act == JX_WF_CANCEL_APPROVAL && from == JX_WF_PUBLISHED) {
                if (role != JX_WF_ADMIN) {
                    return refuse(a, out, "W008",
                                  "材料已公开，%s不能取消审核：须由管理员先撤回公开",
                                  role_zh[role]);
                }
                return refuse(a, out, "W003", "材料已公开，须先撤回公开，才能取消审核");
            }
            break;
        case JX_WF_PUBLISH:
            if (from != JX_WF_PUBLISHED) {
                return refuse(a, out, "W005", "尚未审核通过（状态：%s），不能公开", sn);
            }
            break;
        case JX_WF_CANCEL_SUBMIT:
            if (from == JX_WF_REVIEWING || from == JX_WF_APPROVED ||
                from == JX_WF_PUBLISHED) {
                return refuse(a, out, "W006",
                              "财政已受理（状态：%s），不能取消送审；需要修改请审核人退回",
                              sn);
            }
            break;
        default:
            break;
        }
        return refuse(a, out, "W003", "状态“%s”下不能%s（此时可做：%s）", sn, an,
                      possible_text(a, from));
    }
    if (act == JX_WF_CANCEL_SUBMIT && o->taken) {
        return refuse(a, out, "W006", "财政已受理该次送审，不能取消送审；需要修改请审核人退回");
    }
    if (is_undo(act) && jx_wf_level(role) < jx_wf_level(o->entered_by)) {
        return refuse(a, out, "W008",
                      "“%s”是%s的操作，%s的级别较低，不能%s", sn,
                      role_zh[o->entered_by], role_zh[role], an);
    }
    if (act == JX_WF_RETURN || act == JX_WF_LEADER_RETURN) {
        if (blank(o->comment)) {
            return refuse(a, out, "W007", "%s须写明意见（退回的理由和修改要求）", an);
        }
    }
    if (act == JX_WF_CANCEL_APPROVAL || act == JX_WF_UNPUBLISH) {
        if (blank(o->comment)) {
            return refuse(a, out, "W007", "%s须写明理由", an);
        }
    }
    out->ok = true;
    out->to = (enum jx_wf_state)to;
    out->sampled = act == JX_WF_SAMPLE;
    return 0;
}

/* Copy s into a, or NULL. */
static const char *dup(struct jx_arena *a, const char *s)
{
    return s ? jx_strdup(a, s) : NULL;
}

/* Build the audit row of an accepted act. */
int jx_wf_audit_make(struct jx_arena *a, const struct jx_wf_subject *subj,
                     enum jx_wf_action action, const struct jx_wf_actor *actor,
                     const struct jx_wf_opts *opts,
                     const struct jx_wf_outcome *out, struct jx_wf_audit *row)
{
    memset(row, 0, sizeof *row);
    if (!out->ok) {
        return -1;
    }
    row->unit = dup(a, subj->unit);
    row->year = subj->year;
    row->object = dup(a, subj->object ? subj->object : "整体");
    row->version = dup(a, subj->version);
    row->from = out->from;
    row->to = out->to;
    row->action = action;
    row->actor_id = dup(a, actor->id);
    row->actor_role = actor->role;
    row->actor_unit = dup(a, actor->unit);
    row->at = out->at;
    row->recorded = opts->now;
    row->client = dup(a, subj->client);
    row->comment = blank(opts->comment) ? NULL : dup(a, opts->comment);
    row->backdated = opts->backdated;
    return 0;
}

/* Replay one object's rows. */
int jx_wf_replay(const struct jx_wf_audit *rows, size_t n,
                 struct jx_wf_current *cur, size_t *bad)
{
    memset(cur, 0, sizeof *cur);
    cur->state = JX_WF_FILLING;
    for (size_t i = 0; i < n; i++) {
        const struct jx_wf_audit *r = &rows[i];
        if (r->from != cur->state) {
            if (bad) {
                *bad = i;
            }
            return -1;
        }
        if (r->to != r->from) {
            cur->entered_by = r->actor_role;
        }
        cur->state = r->to;
        cur->has_last = true;
        cur->last_at = r->at;
        cur->sampled |= r->action == JX_WF_SAMPLE;
        cur->returns += r->action == JX_WF_RETURN;
    }
    return 0;
}
