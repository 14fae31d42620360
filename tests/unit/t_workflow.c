/*
 * t_workflow.c - the submission workflow (lib/workspace, workflow.h):
 * every legal transition of the state table, the refusals with their
 * codes and reasons, the audit trail of a unit returned twice then
 * accepted and published, recorded times, 及时性 from the rows through
 * the bundled 考核评分表 and the real calendar, the 抽查 sample from its
 * seed and the 复核 score beside the unit's own.
 */
#include "harness.h"

#include "jixiao/workflow.h"

/* A unit user or a bureau user. */
static struct jx_wf_actor who(enum jx_wf_role role, const char *unit)
{
    static const char *const ids[] = {"", "tianbao", "fuze", "shenhe", "admin"};
    return (struct jx_wf_actor){ids[role], role, unit};
}

/* Options with the clock at now and a comment. */
static struct jx_wf_opts opts(int64_t now, const char *comment)
{
    struct jx_wf_opts o;
    memset(&o, 0, sizeof o);
    o.now = now;
    o.comment = comment;
    return o;
}

/* Every transition of the table, by the role the table names and by the
 * administrator. */
static void t_legal(void)
{
    static const struct {
        enum jx_wf_state from;
        enum jx_wf_action act;
        enum jx_wf_role role;
        bool leader;
        enum jx_wf_state to;
    } cases[] = {
        {JX_WF_FILLING, JX_WF_SUBMIT, JX_WF_FILLER, false, JX_WF_SUBMITTED},
        {JX_WF_FILLING, JX_WF_SUBMIT, JX_WF_FILLER, true, JX_WF_UNIT_REVIEW},
        {JX_WF_UNIT_REVIEW, JX_WF_LEADER_APPROVE, JX_WF_LEADER, true, JX_WF_SUBMITTED},
        {JX_WF_UNIT_REVIEW, JX_WF_LEADER_RETURN, JX_WF_LEADER, true, JX_WF_FILLING},
        {JX_WF_SUBMITTED, JX_WF_CANCEL_SUBMIT, JX_WF_FILLER, false, JX_WF_FILLING},
        {JX_WF_SUBMITTED, JX_WF_CANCEL_SUBMIT, JX_WF_LEADER, true, JX_WF_FILLING},
        {JX_WF_SUBMITTED, JX_WF_TAKE, JX_WF_REVIEWER, false, JX_WF_REVIEWING},
        {JX_WF_REVIEWING, JX_WF_APPROVE, JX_WF_REVIEWER, false, JX_WF_APPROVED},
        {JX_WF_REVIEWING, JX_WF_RETURN, JX_WF_REVIEWER, false, JX_WF_RETURNED},
        {JX_WF_RETURNED, JX_WF_RESUBMIT, JX_WF_FILLER, false, JX_WF_SUBMITTED},
        {JX_WF_RETURNED, JX_WF_RESUBMIT, JX_WF_FILLER, true, JX_WF_UNIT_REVIEW},
        {JX_WF_APPROVED, JX_WF_CANCEL_APPROVAL, JX_WF_REVIEWER, false, JX_WF_REVIEWING},
        {JX_WF_APPROVED, JX_WF_SAMPLE, JX_WF_REVIEWER, false, JX_WF_APPROVED},
        {JX_WF_PUBLISHED, JX_WF_SAMPLE, JX_WF_ADMIN, false, JX_WF_PUBLISHED},
        {JX_WF_APPROVED, JX_WF_PUBLISH, JX_WF_FILLER, false, JX_WF_PUBLISHED},
        {JX_WF_APPROVED, JX_WF_PUBLISH, JX_WF_LEADER, false, JX_WF_PUBLISHED},
        {JX_WF_PUBLISHED, JX_WF_UNPUBLISH, JX_WF_ADMIN, false, JX_WF_APPROVED},
        {JX_WF_APPROVED, JX_WF_RECHECK, JX_WF_REVIEWER, false, JX_WF_APPROVED},
        {JX_WF_PUBLISHED, JX_WF_RECHECK, JX_WF_REVIEWER, false, JX_WF_PUBLISHED},
    };
    struct jx_arena *a = jx_arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int admin = 0; admin < 2; admin++) {
            struct jx_wf_actor u =
                who(admin ? JX_WF_ADMIN : cases[i].role,
                    admin || cases[i].role > JX_WF_LEADER ? NULL : "101001");
            struct jx_wf_opts o = opts(1000, "请补充项目支出绩效自评表");
            o.leader_step = cases[i].leader;
            o.entered_by = JX_WF_FILLER;
            struct jx_wf_outcome out;
            int rc = jx_wf_apply(a, cases[i].from, cases[i].act, &u, "101001",
                                 &o, &out);
            if (rc != 0 || !out.ok || out.to != cases[i].to) {
                jx_test_fail(__FILE__, __LINE__, "%s %s by %s: rc %d to %s (%s)",
                             jx_wf_state_zh(cases[i].from),
                             jx_wf_action_zh(cases[i].act),
                             jx_wf_role_zh(u.role), rc, jx_wf_state_zh(out.to),
                             out.why ? out.why : "");
            }
            CHECK_INT(out.from, cases[i].from);
            CHECK_INT(out.at, 1000);
            CHECK(out.sampled == (cases[i].act == JX_WF_SAMPLE));
        }
    }
    /* the table has nothing else: count the (state, action) pairs any
     * role may take without options */
    int legal = 0;
    for (int s = 0; s < JX_WF_NSTATES; s++) {
        for (int k = 0; k < JX_WF_NACTIONS; k++) {
            struct jx_wf_actor u = who(JX_WF_ADMIN, NULL);
            struct jx_wf_opts o = opts(1000, "理由");
            struct jx_wf_outcome out;
            legal += jx_wf_apply(a, (enum jx_wf_state)s, (enum jx_wf_action)k,
                                 &u, "101001", &o, &out) == 0;
        }
    }
    CHECK_INT(legal, 15);
    /* names both ways */
    enum jx_wf_action act;
    CHECK_INT(jx_wf_action_parse("取消送审", strlen("取消送审"), &act), 0);
    CHECK_INT(act, JX_WF_CANCEL_SUBMIT);
    CHECK_INT(jx_wf_action_parse("unpublish", 9, &act), 0);
    CHECK_INT(act, JX_WF_UNPUBLISH);
    CHECK_INT(jx_wf_action_parse("复核", strlen("复核"), &act), 0);
    CHECK_INT(act, JX_WF_RECHECK);
    CHECK_STR(jx_wf_action_name(JX_WF_RECHECK), "recheck");
    enum jx_wf_state st;
    CHECK_INT(jx_wf_state_parse("待单位审核", strlen("待单位审核"), &st), 0);
    CHECK_INT(st, JX_WF_UNIT_REVIEW);
    CHECK_STR(jx_wf_state_name(JX_WF_RETURNED), "returned");
    enum jx_wf_role r;
    CHECK_INT(jx_wf_role_parse("财政审核人", strlen("财政审核人"), &r), 0);
    CHECK_INT(r, JX_WF_REVIEWER);
    CHECK_INT(jx_wf_role_parse("none", 4, &r), -1);
    CHECK(jx_wf_may_edit(JX_WF_RETURNED));
    CHECK(!jx_wf_may_edit(JX_WF_SUBMITTED));
    jx_arena_free(a);
}

/* One refusal: code and reason, and nothing changes. */
static void refused(struct jx_arena *a, enum jx_wf_state from,
                    enum jx_wf_action act, struct jx_wf_actor u,
                    const struct jx_wf_opts *o, const char *code,
                    const char *why, int line)
{
    struct jx_wf_outcome out;
    int rc = jx_wf_apply(a, from, act, &u, "101001", o, &out);
    if (rc != -1 || out.ok || out.to != from || !out.code ||
        strcmp(out.code, code) != 0 || !out.why || strcmp(out.why, why) != 0) {
        jx_test_fail(__FILE__, line, "expected %s \"%s\", got rc %d %s \"%s\"",
                     code, why, rc, out.code ? out.code : "(null)",
                     out.why ? out.why : "(null)");
    }
}

/* The refusals named by the issue and the spec. */
static void t_illegal(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_wf_opts o = opts(1000, NULL);
    struct jx_wf_actor filler = who(JX_WF_FILLER, "101001");
    struct jx_wf_actor leader = who(JX_WF_LEADER, "101001");
    struct jx_wf_actor rev = who(JX_WF_REVIEWER, NULL);
    struct jx_wf_actor admin = who(JX_WF_ADMIN, NULL);
    /* publish before 审核通过 */
    refused(a, JX_WF_REVIEWING, JX_WF_PUBLISH, filler, &o, "W005",
            "尚未审核通过（状态：审核中），不能公开", __LINE__);
    refused(a, JX_WF_FILLING, JX_WF_PUBLISH, admin, &o, "W005",
            "尚未审核通过（状态：填报中），不能公开", __LINE__);
    refused(a, JX_WF_PUBLISHED, JX_WF_PUBLISH, admin, &o, "W003",
            "状态“已公开”下不能公开（此时可做：抽查、撤回公开、复核）", __LINE__);
    /* 复核 only by the bureau, only after 审核通过; the state stays */
    refused(a, JX_WF_APPROVED, JX_WF_RECHECK, filler, &o, "W001",
            "单位填报人无权复核（可复核的是：财政审核人、管理员）", __LINE__);
    refused(a, JX_WF_REVIEWING, JX_WF_RECHECK, rev, &o, "W003",
            "状态“审核中”下不能复核（此时可做：通过、退回）", __LINE__);
    /* review of a unit that never submitted */
    refused(a, JX_WF_FILLING, JX_WF_TAKE, rev, &o, "W004",
            "该单位尚未送审（状态：填报中），不能受理", __LINE__);
    refused(a, JX_WF_UNIT_REVIEW, JX_WF_APPROVE, rev, &o, "W004",
            "该单位尚未送审（状态：待单位审核），不能通过", __LINE__);
    refused(a, JX_WF_SUBMITTED, JX_WF_APPROVE, rev, &o, "W003",
            "状态“已送审”下不能通过（此时可做：取消送审、受理）", __LINE__);
    /* 取消送审 after 受理 */
    refused(a, JX_WF_REVIEWING, JX_WF_CANCEL_SUBMIT, filler, &o, "W006",
            "财政已受理（状态：审核中），不能取消送审；需要修改请审核人退回", __LINE__);
    struct jx_wf_opts taken = o;
    taken.taken = true;
    refused(a, JX_WF_SUBMITTED, JX_WF_CANCEL_SUBMIT, filler, &taken, "W006",
            "财政已受理该次送审，不能取消送审；需要修改请审核人退回", __LINE__);
    /* a filler acting on another unit, or bound to none */
    refused(a, JX_WF_FILLING, JX_WF_SUBMIT, who(JX_WF_FILLER, "102003"), &o,
            "W002", "单位填报人只能处理本单位（102003）的材料，不能送审单位 101001 的材料",
            __LINE__);
    refused(a, JX_WF_FILLING, JX_WF_SUBMIT, who(JX_WF_FILLER, NULL), &o, "W002",
            "单位填报人 tianbao 没有绑定单位，不能送审", __LINE__);
    /* a reviewer undoing a publication */
    struct jx_wf_opts why = opts(1000, "数据有误");
    why.entered_by = JX_WF_FILLER;
    refused(a, JX_WF_PUBLISHED, JX_WF_UNPUBLISH, rev, &why, "W001",
            "财政审核人无权撤回公开（可撤回公开的是：管理员）", __LINE__);
    refused(a, JX_WF_PUBLISHED, JX_WF_CANCEL_APPROVAL, rev, &why, "W008",
            "材料已公开，财政审核人不能取消审核：须由管理员先撤回公开", __LINE__);
    /* roles */
    refused(a, JX_WF_SUBMITTED, JX_WF_TAKE, filler, &o, "W001",
            "单位填报人无权受理（可受理的是：财政审核人、管理员）", __LINE__);
    refused(a, JX_WF_FILLING, JX_WF_SUBMIT, rev, &o, "W001",
            "财政审核人无权送审（可送审的是：单位填报人、管理员）", __LINE__);
    struct jx_wf_actor nobody = {"x", JX_WF_ROLE_NONE, NULL};
    refused(a, JX_WF_FILLING, JX_WF_SUBMIT, nobody, &o, "W001",
            "未知角色无权送审（可送审的是：单位填报人、管理员）", __LINE__);
    /* a lower level undoing a higher one (DHIS2 bug 11981) */
    struct jx_wf_opts byleader = o;
    byleader.entered_by = JX_WF_LEADER;
    refused(a, JX_WF_SUBMITTED, JX_WF_CANCEL_SUBMIT, filler, &byleader, "W008",
            "“已送审”是单位负责人的操作，单位填报人的级别较低，不能取消送审", __LINE__);
    struct jx_wf_outcome out;
    CHECK_INT(jx_wf_apply(a, JX_WF_SUBMITTED, JX_WF_CANCEL_SUBMIT, &leader,
                          "101001", &byleader, &out), 0);
    struct jx_wf_opts byadmin = opts(1000, "复核发现差错");
    byadmin.entered_by = JX_WF_ADMIN;
    refused(a, JX_WF_APPROVED, JX_WF_CANCEL_APPROVAL, rev, &byadmin, "W008",
            "“已审核”是管理员的操作，财政审核人的级别较低，不能取消审核", __LINE__);
    /* comments and reasons */
    refused(a, JX_WF_REVIEWING, JX_WF_RETURN, rev, &o, "W007",
            "退回须写明意见（退回的理由和修改要求）", __LINE__);
    struct jx_wf_opts blank = opts(1000, "  ");
    refused(a, JX_WF_UNIT_REVIEW, JX_WF_LEADER_RETURN, leader, &blank, "W007",
            "单位退回须写明意见（退回的理由和修改要求）", __LINE__);
    refused(a, JX_WF_APPROVED, JX_WF_CANCEL_APPROVAL, rev, &o, "W007",
            "取消审核须写明理由", __LINE__);
    refused(a, JX_WF_PUBLISHED, JX_WF_UNPUBLISH, admin, &o, "W007",
            "撤回公开须写明理由", __LINE__);
    /* backdating */
    struct jx_wf_opts back = opts(5000, NULL);
    back.backdated = true;
    back.at = 4000;
    back.has_entered_at = true;
    back.entered_at = 3000;
    refused(a, JX_WF_SUBMITTED, JX_WF_TAKE, rev, &back, "W009",
            "只有管理员可以补录过去的操作（--at），财政审核人不能", __LINE__);
    CHECK_INT(jx_wf_apply(a, JX_WF_SUBMITTED, JX_WF_TAKE, &admin, "101001",
                          &back, &out), 0);
    CHECK_INT(out.at, 4000);
    back.at = 2999;
    refused(a, JX_WF_SUBMITTED, JX_WF_TAKE, admin, &back, "W010",
            "补录的时间 1970-01-01T00:49:59Z 早于该材料上一条记录的时间 1970-01-01T00:50:00Z",
            __LINE__);
    back.at = 5001;
    refused(a, JX_WF_SUBMITTED, JX_WF_TAKE, admin, &back, "W010",
            "补录的时间 1970-01-01T01:23:21Z 晚于当前时间 1970-01-01T01:23:20Z",
            __LINE__);
    jx_arena_free(a);
}

/* Apply one act to the trail: decide with the state the rows leave,
 * append the row (the store's part, done here by hand). */
static void act(struct jx_arena *a, struct jx_wf_audit *rows, size_t *n,
                enum jx_wf_action action, struct jx_wf_actor u, int64_t at,
                const char *comment, const char *version, bool backdated,
                int64_t now)
{
    struct jx_wf_current cur;
    size_t bad = 0;
    CHECK_INT(jx_wf_replay(rows, *n, &cur, &bad), 0);
    struct jx_wf_opts o = opts(backdated ? now : at, comment);
    o.entered_by = cur.entered_by;
    o.has_entered_at = cur.has_last;
    o.entered_at = cur.last_at;
    o.backdated = backdated;
    o.at = at;
    struct jx_wf_outcome out;
    if (jx_wf_apply(a, cur.state, action, &u, "101001", &o, &out) != 0) {
        jx_test_fail(__FILE__, __LINE__, "%s refused: %s",
                     jx_wf_action_zh(action), out.why);
        return;
    }
    struct jx_wf_subject subj = {"101001", 2024, "整体", version, "10.1.2.3"};
    CHECK_INT(jx_wf_audit_make(a, &subj, action, &u, &o, &out, &rows[*n]), 0);
    (*n)++;
}

/* A unit returned twice, then accepted and published: the rows. */
static void t_trail(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_wf_audit rows[16];
    size_t n = 0;
    struct jx_wf_actor f = who(JX_WF_FILLER, "101001");
    struct jx_wf_actor r = who(JX_WF_REVIEWER, NULL);
    struct jx_wf_actor ad = who(JX_WF_ADMIN, NULL);
    int64_t t0 = jx_wf_time_utc((struct jx_cal_date){2025, 7, 10}, 1, 0, 0);
    const char *v1 = "aa11", *v2 = "bb22", *v3 = "cc33";
    act(a, rows, &n, JX_WF_SUBMIT, f, t0, NULL, v1, false, 0);
    act(a, rows, &n, JX_WF_TAKE, r, t0 + 3600, NULL, v1, false, 0);
    act(a, rows, &n, JX_WF_RETURN, r, t0 + 7200, "附件2 全年执行数与报告不一致", v1,
        false, 0);
    act(a, rows, &n, JX_WF_RESUBMIT, f, t0 + 86400, NULL, v2, false, 0);
    act(a, rows, &n, JX_WF_TAKE, r, t0 + 90000, NULL, v2, false, 0);
    act(a, rows, &n, JX_WF_RETURN, r, t0 + 93600, "缺项目支出绩效自评表", v2, false,
        0);
    act(a, rows, &n, JX_WF_RESUBMIT, f, t0 + 2 * 86400, NULL, v3, false, 0);
    act(a, rows, &n, JX_WF_TAKE, r, t0 + 2 * 86400 + 600, NULL, v3, false, 0);
    act(a, rows, &n, JX_WF_APPROVE, r, t0 + 2 * 86400 + 1200, NULL, v3, false, 0);
    /* the publication recorded afterwards by the administrator */
    act(a, rows, &n, JX_WF_PUBLISH, ad, t0 + 5 * 86400, NULL, v3, true,
        t0 + 9 * 86400);
    CHECK_INT(n, 10);
    static const char *const expect[] = {
        "2025-07-10T01:00:00Z 送审 填报中→已送审 单位填报人 tianbao@101001 版本 aa11",
        "2025-07-10T02:00:00Z 受理 已送审→审核中 财政审核人 shenhe 版本 aa11",
        "2025-07-10T03:00:00Z 退回 审核中→被退回 财政审核人 shenhe 版本 aa11 "
        "意见：附件2 全年执行数与报告不一致",
        "2025-07-11T01:00:00Z 再送审 被退回→已送审 单位填报人 tianbao@101001 版本 bb22",
        "2025-07-11T02:00:00Z 受理 已送审→审核中 财政审核人 shenhe 版本 bb22",
        "2025-07-11T03:00:00Z 退回 审核中→被退回 财政审核人 shenhe 版本 bb22 "
        "意见：缺项目支出绩效自评表",
        "2025-07-12T01:00:00Z 再送审 被退回→已送审 单位填报人 tianbao@101001 版本 cc33",
        "2025-07-12T01:10:00Z 受理 已送审→审核中 财政审核人 shenhe 版本 cc33",
        "2025-07-12T01:20:00Z 通过 审核中→已审核 财政审核人 shenhe 版本 cc33",
        "2025-07-15T01:00:00Z 公开 已审核→已公开 管理员 admin 版本 cc33 "
        "（补录于 2025-07-19T01:00:00Z）",
    };
    for (size_t i = 0; i < n; i++) {
        const struct jx_wf_audit *w = &rows[i];
        char b1[JX_WF_TIME_BUFSZ], b2[JX_WF_TIME_BUFSZ];
        const char *line = jx_sprintf(
            a, "%s %s %s→%s %s %s%s%s 版本 %s%s%s%s", jx_wf_time_format(w->at, b1),
            jx_wf_action_zh(w->action), jx_wf_state_zh(w->from),
            jx_wf_state_zh(w->to), jx_wf_role_zh(w->actor_role), w->actor_id,
            w->actor_unit ? "@" : "", w->actor_unit ? w->actor_unit : "",
            w->version, w->comment ? " 意见：" : "", w->comment ? w->comment : "",
            w->backdated ? jx_sprintf(a, " （补录于 %s）",
                                      jx_wf_time_format(w->recorded, b2))
                         : "");
        CHECK_STR(line, expect[i]);
        CHECK_STR(w->unit, "101001");
        CHECK_STR(w->object, "整体");
        CHECK_STR(w->client, "10.1.2.3");
        CHECK_INT(w->year, 2024);
        CHECK(w->backdated || w->recorded == w->at);
    }
    struct jx_wf_current cur;
    CHECK_INT(jx_wf_replay(rows, n, &cur, NULL), 0);
    CHECK_INT(cur.state, JX_WF_PUBLISHED);
    CHECK_INT(cur.returns, 2);
    CHECK_INT(cur.entered_by, JX_WF_ADMIN);
    CHECK(!cur.sampled);
    /* a refused act has no row */
    struct jx_wf_outcome out;
    struct jx_wf_opts o = opts(t0 + 10 * 86400, "改错");
    o.entered_by = cur.entered_by;
    CHECK_INT(jx_wf_apply(a, cur.state, JX_WF_UNPUBLISH, &r, "101001", &o, &out), -1);
    struct jx_wf_subject subj = {"101001", 2024, NULL, NULL, NULL};
    CHECK_INT(jx_wf_audit_make(a, &subj, JX_WF_UNPUBLISH, &r, &o, &out, &rows[n]), -1);
    /* a broken trail is found */
    rows[4].from = JX_WF_FILLING;
    size_t bad = 0;
    CHECK_INT(jx_wf_replay(rows, n, &cur, &bad), -1);
    CHECK_INT(bad, 4);
    jx_arena_free(a);
}

/* Recorded times: parse, format, Beijing dates. */
static void t_times(void)
{
    int64_t t = 0;
    char b[JX_WF_TIME_BUFSZ];
    CHECK_INT(jx_wf_time_parse("2025-09-29T16:30:00Z", 20, &t), 0);
    CHECK_INT(t, 1759163400);
    CHECK_STR(jx_wf_time_format(t, b), "2025-09-29T16:30:00Z");
    struct jx_cal_date d = jx_wf_time_local_date(t);
    CHECK_INT(d.y, 2025);
    CHECK_INT(d.m, 9);
    CHECK_INT(d.d, 30); /* 00:30 on the 30th in Beijing */
    CHECK_INT(jx_wf_time_parse("2025-09-30 00:30", 16, &t), 0);
    CHECK_INT(t, 1759163400);
    CHECK_INT(jx_wf_time_parse("2025-09-30T00:30:00+08:00", 25, &t), 0);
    CHECK_INT(t, 1759163400);
    CHECK_INT(jx_wf_time_parse("2025-09-29T11:30:00-05:00", 25, &t), 0);
    CHECK_INT(t, 1759163400);
    CHECK_INT(jx_wf_time_parse("2024-02-29T23:59:59Z", 20, &t), 0);
    CHECK_STR(jx_wf_time_format(t, b), "2024-02-29T23:59:59Z");
    CHECK_INT(jx_wf_time_parse("2025-02-29T00:00:00Z", 20, &t), -1);
    CHECK_INT(jx_wf_time_parse("2025-09-29T24:00:00Z", 20, &t), -1);
    CHECK_INT(jx_wf_time_parse("2025-09-29T16:30:00", 19, &t), -1);
    CHECK_INT(jx_wf_time_parse("2025-09-29", 10, &t), -1);
    CHECK_STR(jx_wf_time_format(-1, b), "1969-12-31T23:59:59Z");
}

/* A row by hand. */
static struct jx_wf_audit row(enum jx_wf_state from, enum jx_wf_action ac,
                              enum jx_wf_state to, const char *when)
{
    struct jx_wf_audit r;
    memset(&r, 0, sizeof r);
    r.unit = "101001";
    r.year = 2024;
    r.object = "整体";
    r.from = from;
    r.action = ac;
    r.to = to;
    r.actor_role = ac == JX_WF_SUBMIT || ac == JX_WF_RESUBMIT ||
                           ac == JX_WF_CANCEL_SUBMIT || ac == JX_WF_PUBLISH
                       ? JX_WF_FILLER
                       : JX_WF_REVIEWER;
    CHECK_INT(jx_wf_time_parse(when, strlen(when), &r.at), 0);
    r.recorded = r.at;
    return r;
}

/* The used score of an item of a result, as text ("" when absent). */
static const char *used(struct jx_arena *a, const struct jx_fw_result *res,
                        const char *id)
{
    for (size_t i = 0; i < res->nitems; i++) {
        if (strcmp(res->items[i].item->id, id) == 0) {
            char b[JX_NUM_BUFSZ];
            return jx_sprintf(a, "%s %s", jx_rat_format_exact(res->items[i].used, false, b),
                              res->items[i].used_from ? res->items[i].used_from : "");
        }
    }
    return "";
}

/*
 * 及时性 from the rows with the real calendar: the 报送 deadline is Friday
 * 2025-09-26; Sunday 2025-09-28 is a 调休 working day (国庆节、中秋节), so
 * the first 送审 at 00:30 Beijing time on Tuesday 2025-09-30 is 3 working
 * days late (2 by weekdays alone) and 及时性 (报送) scores 7 of 10 under
 * the bundled 考核评分表; the 公开 deadline is Friday 2025-10-10, Saturday
 * 2025-10-11 is a 调休 working day, and 公开 on Monday 10-13 is 2 late: 8.
 */
static void t_timely(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    CHECK_INT(jx_calendar_load_dir(
                  cal, jx_sprintf(a, "%s/data/calendar", jx_test_srcdir), &d),
              0);
    struct jx_wf_audit rows[] = {
        /* withdrawn before 受理: does not count */
        row(JX_WF_FILLING, JX_WF_SUBMIT, JX_WF_SUBMITTED, "2025-09-20T02:00:00Z"),
        row(JX_WF_SUBMITTED, JX_WF_CANCEL_SUBMIT, JX_WF_FILLING, "2025-09-20T03:00:00Z"),
        row(JX_WF_FILLING, JX_WF_SUBMIT, JX_WF_SUBMITTED, "2025-09-29T16:30:00Z"),
        row(JX_WF_SUBMITTED, JX_WF_TAKE, JX_WF_REVIEWING, "2025-10-09T01:00:00Z"),
        row(JX_WF_REVIEWING, JX_WF_RETURN, JX_WF_RETURNED, "2025-10-09T02:00:00Z"),
        row(JX_WF_RETURNED, JX_WF_RESUBMIT, JX_WF_SUBMITTED, "2025-10-10T02:00:00Z"),
        row(JX_WF_SUBMITTED, JX_WF_TAKE, JX_WF_REVIEWING, "2025-10-10T03:00:00Z"),
        row(JX_WF_REVIEWING, JX_WF_APPROVE, JX_WF_APPROVED, "2025-10-11T03:00:00Z"),
        row(JX_WF_APPROVED, JX_WF_PUBLISH, JX_WF_PUBLISHED, "2025-10-13T02:00:00Z"),
    };
    size_t n = sizeof rows / sizeof rows[0];
    struct jx_wf_year y = {2024, {2025, 9, 26}, {2025, 10, 10},
                           JX_WF_BASIS_FIRST_SUBMIT, false};
    struct jx_wf_timeliness t;
    CHECK_INT(jx_wf_timeliness(a, &y, rows, n, cal, &t), 0);
    CHECK(t.submit.present);
    CHECK_INT(t.submit.row, 2);
    CHECK_INT(t.submit.date.d, 30);
    CHECK(t.submit.has_late);
    CHECK_INT(t.submit.late, 3);
    CHECK(t.publish.present);
    CHECK_INT(t.publish.row, 8);
    CHECK_INT(t.publish.late, 2);
    /* the other bases */
    /* 再送审 on Friday 10-10: 09-28, 09-29, 09-30, (国庆 10-01 to 10-08)
     * 10-09, 10-10 */
    y.basis = JX_WF_BASIS_AFTER_RETURN;
    jx_wf_timeliness(a, &y, rows, n, cal, &t);
    CHECK_INT(t.submit.row, 5);
    CHECK_INT(t.submit.late, 5);
    /* 通过 on Saturday 10-11, a 调休 working day: one more */
    y.basis = JX_WF_BASIS_APPROVED;
    jx_wf_timeliness(a, &y, rows, n, cal, &t);
    CHECK_INT(t.submit.row, 7);
    CHECK_INT(t.submit.late, 6);
    y.basis = JX_WF_BASIS_AFTER_RETURN;
    jx_wf_timeliness(a, &y, rows, 5, cal, &t); /* returned, not resubmitted */
    CHECK(!t.submit.present);
    CHECK_STR(t.submit.why, "最后一次退回后尚未再送审");
    CHECK(!t.publish.present);
    CHECK_STR(t.publish.why, "尚未公开");
    jx_wf_timeliness(a, &y, rows, 3, NULL, &t);
    CHECK(t.submit.present && !t.submit.has_late);
    CHECK_STR(t.submit.why, "没有工作日日历数据");

    /* into the bundled 考核评分表 */
    y.basis = JX_WF_BASIS_FIRST_SUBMIT;
    struct jx_framework *fw = jx_framework_open(
        a, jx_sprintf(a, "%s/data/frameworks", jx_test_srcdir),
        "yueyang-louqu-2025", &d);
    CHECK(fw != NULL);
    if (!fw) {
        jx_arena_free(a);
        return;
    }
    struct jx_package *pkg = jx_package_new(a);
    pkg->year = (struct jx_count){true, 2024, NULL};
    /* a typed date in the package is never used */
    pkg->submission.submitted = (struct jx_date){true, 2025, 9, 1, NULL};
    struct jx_fw_result *res = jx_wf_assess(a, fw, pkg, &y, rows, n, cal, NULL, &d);
    CHECK_STR(used(a, res, "timely.submit"), "7 复核");
    CHECK_STR(used(a, res, "timely.publish"), "8 复核");
    for (size_t i = 0; i < res->nitems; i++) {
        if (strcmp(res->items[i].item->id, "timely.submit") == 0) {
            CHECK_STR(res->items[i].input.shown,
                      "推迟 3 个工作日（2025-09-30，截止 2025-09-26）");
        }
    }
    /* no submission recorded: the item awaits judgement, whatever the
     * package says */
    res = jx_wf_assess(a, fw, pkg, &y, rows, 0, cal, NULL, &d);
    CHECK_STR(used(a, res, "timely.submit"), "0 下限");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The 抽查 sample: reproducible from its seed, independent of order. */
static void t_sample(void)
{
    struct jx_arena *a = jx_arena_new();
    uint64_t st = 0;
    CHECK(jx_wf_splitmix64(&st) == UINT64_C(0xE220A8397B1DCDAF));
    CHECK(jx_wf_splitmix64(&st) == UINT64_C(0x6E789E6AA1B965F4));
    const char *codes[] = {"101001", "101002", "102001", "103005", "104001",
                           "105002", "106001", "107003", "108001", "109001"};
    const char *rev[10];
    for (size_t i = 0; i < 10; i++) {
        rev[i] = codes[9 - i];
    }
    struct jx_wf_sample s1, s2, s3;
    jx_wf_sample_draw(a, codes, 10, 3, 20250930, &s1);
    jx_wf_sample_draw(a, rev, 10, 3, 20250930, &s2);
    CHECK_INT(s1.k, 3);
    CHECK_INT(s1.n, 10);
    const char *t1 = jx_sprintf(a, "%s %s %s", s1.codes[0], s1.codes[1], s1.codes[2]);
    const char *t2 = jx_sprintf(a, "%s %s %s", s2.codes[0], s2.codes[1], s2.codes[2]);
    CHECK_STR(t1, "105002 104001 106001"); /* checked against a Python SplitMix64 */
    CHECK_STR(t2, t1);
    jx_wf_sample_draw(a, codes, 10, 3, 20250931, &s3);
    CHECK_STR(jx_sprintf(a, "%s %s %s", s3.codes[0], s3.codes[1], s3.codes[2]),
              "108001 101002 107003");
    jx_wf_sample_draw(a, codes, 10, 20, 1, &s3);
    CHECK_INT(s3.k, 10);
    struct jx_rat share;
    CHECK_INT(jx_rat_make(1, 10, &share), JX_NUM_OK);
    CHECK_INT(jx_wf_sample_size(10, share), 1);
    CHECK_INT(jx_wf_sample_size(11, share), 2);
    CHECK_INT(jx_wf_sample_size(20000, share), 2000);
    CHECK_INT(jx_wf_sample_size(0, share), 0);
    jx_arena_free(a);
}

/* The 复核 score beside the unit's own, never overwritten. */
static void t_scores(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_wf_scores s, s2, s3;
    memset(&s, 0, sizeof s);
    s.has_self = true;
    s.self = jx_rat_int(95);
    s.has_computed = true;
    s.computed = jx_rat_int(88);
    struct jx_wf_actor r = who(JX_WF_REVIEWER, NULL);
    struct jx_wf_actor f = who(JX_WF_FILLER, "101001");
    const char *code = NULL, *why = NULL;
    CHECK_INT(jx_wf_scores_review(a, &s, true, &f, jx_rat_int(80), jx_rat_int(100),
                                  7, NULL, &s2, &code, &why), -1);
    CHECK_STR(code, "W001");
    CHECK_STR(why, "单位填报人无权复核（可复核的是：财政审核人、管理员）");
    CHECK_INT(jx_wf_scores_review(a, &s, false, &r, jx_rat_int(80), jx_rat_int(100),
                                  7, NULL, &s2, &code, &why), -1);
    CHECK_STR(code, "W011");
    CHECK_INT(jx_wf_scores_review(a, &s, true, &r, jx_rat_int(101), jx_rat_int(100),
                                  7, NULL, &s2, &code, &why), -1);
    CHECK_STR(code, "W013");
    CHECK_STR(why, "复核分 101 不在 0 到满分 100 之间");
    CHECK_INT(jx_wf_scores_review(a, &s, true, &r, jx_rat_int(80), jx_rat_int(100),
                                  7, "项目数与附件不符", &s2, &code, &why), 0);
    CHECK(s2.has_review && jx_rat_cmp(s2.review, jx_rat_int(80)) == 0);
    CHECK(jx_rat_cmp(s2.self, jx_rat_int(95)) == 0);
    CHECK(jx_rat_cmp(s2.computed, jx_rat_int(88)) == 0);
    CHECK_STR(s2.review_by, "shenhe");
    CHECK_INT(s2.review_at, 7);
    CHECK(!s.has_review);
    CHECK_INT(jx_wf_scores_review(a, &s2, true, &r, jx_rat_int(70), jx_rat_int(100),
                                  8, NULL, &s3, &code, &why), -1);
    CHECK_STR(code, "W012");
    CHECK_STR(why, "复核分已记录（80 分），不能覆盖");
    jx_arena_free(a);
}

const struct jx_test t_workflow[] = {
    {"workflow.legal", t_legal},
    {"workflow.illegal", t_illegal},
    {"workflow.trail", t_trail},
    {"workflow.times", t_times},
    {"workflow.timely", t_timely},
    {"workflow.sample", t_sample},
    {"workflow.scores", t_scores},
    {NULL, NULL},
};
