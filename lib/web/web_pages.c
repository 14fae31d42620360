/*
 * web_pages.c - the portal's pages (Chinese, no script): the home page,
 * sign-in and sign-out, the bureau's year overview (jx_ws_status,
 * sortable, paginated), a unit's page (state, versions, what changed,
 * audit trail, and the forms of the acts the signed-in role may take
 * in the state, asked of jx_wf_apply: every act of a person, with the
 * comment or reason those need), the acts themselves (jx_ws_act; an
 * empty comment answered with the form again), 待我处理 on the home page
 * (a query of the records) and the public list of a year.  Every string reaches the page through
 * jx_html's escaping conversions.
 */
#include "web/web_pages.h"
#include "web/web_cache.h"

#include <stdlib.h>
#include <string.h>

#include "jixiao/calendar.h"
#include "jixiao/wsflow.h"

/* ---- small readers of the store ---------------------------------------- */

/* See web_pages.h. */
int jx_web_year_exists(struct jx_store *s, int year, bool *leader_step)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT leader_step FROM years WHERE year = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, year);
    enum jx_step r = jx_stmt_step(st);
    if (r == JX_STEP_ROW && leader_step) {
        *leader_step = jx_stmt_int(st, 0) != 0;
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW ? 1 : r == JX_STEP_DONE ? 0 : -1;
}

/* See web_pages.h. */
int jx_web_unit_year(struct jx_web_ctx *c, const char **name,
                     bool *leader_step)
{
    int r = jx_web_unit_name(c->a, c->s, c->unit, name);
    int y = r > 0 ? jx_web_year_exists(c->s, c->year, leader_step) : r;
    if (r < 0 || y < 0) {
        return -1;
    }
    if (r == 0 || y == 0) {
        jx_web_not_found(c);
        return 0;
    }
    return 1;
}

/* See web_pages.h. */
int jx_web_unit_name(struct jx_arena *a, struct jx_store *s, const char *code,
                     const char **name)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT name FROM units WHERE code = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, code);
    enum jx_step r = jx_stmt_step(st);
    if (r == JX_STEP_ROW) {
        *name = jx_strdup(a, jx_stmt_text(st, 0));
    }
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW ? 1 : r == JX_STEP_DONE ? 0 : -1;
}

/* The years set up, newest first, into *years (arena): count, or -1. */
static long list_years(struct jx_arena *a, struct jx_store *s, int **years)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT year FROM years ORDER BY year DESC");
    if (!st) {
        return -1;
    }
    size_t n = 0, cap = 8;
    int *y = jx_alloc_array(a, cap, sizeof *y);
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        y = jx_arena_grow(a, y, n, &cap, sizeof *y);
        y[n++] = (int)jx_stmt_int(st, 0);
    }
    jx_stmt_finalize(st);
    *years = y;
    return r == JX_STEP_DONE ? (long)n : -1;
}

/* ---- home, sign-in, sign-out ------------------------------------------- */

static int todo_section(struct jx_web_ctx *c, struct jx_html *h,
                        const int *years, long ny);

/* See web_pages.h. */
int jx_web_page_home(struct jx_web_ctx *c)
{
    int *years;
    long ny = list_years(c->a, c->s, &years);
    if (ny < 0) {
        return -1;
    }
    struct jx_html h;
    jx_web_page_begin(c, &h, c->sess.signed_in ? "我的工作" : "欢迎");
    if (c->sess.signed_in && todo_section(c, &h, years, ny) < 0) {
        jx_html_release(&h);
        return -1;
    }
    if (!c->sess.signed_in) {
        jx_html(&h, "<p>单位填报人、单位负责人和财政审核人请先"
                    "<a href=\"%B/signin\">登录</a>。</p>\n");
    } else if (c->sess.unit) {
        jx_html(&h, "<h2>本单位（%h）</h2><ul>", c->sess.unit);
        for (long i = 0; i < ny; i++) {
            jx_html(&h, "<li><a href=\"%B/unit/%t/%d\">%d 年度</a></li>",
                    c->sess.unit, years[i], years[i]);
        }
        jx_html(&h, "</ul>\n");
    } else {
        jx_html(&h, "<h2>年度总览</h2><ul>");
        for (long i = 0; i < ny; i++) {
            jx_html(&h, "<li><a href=\"%B/year/%d\">%d 年度</a></li>", years[i],
                    years[i]);
        }
        jx_html(&h, "</ul>\n");
    }
    jx_html(&h, "<h2>公开的自评报告</h2><ul>");
    for (long i = 0; i < ny; i++) {
        jx_html(&h, "<li><a href=\"%B/public/%d\">%d 年度</a></li>", years[i],
                years[i]);
    }
    jx_html(&h, "</ul>\n");
    jx_web_page_end(c, &h, 200);
    return 0;
}

/* The sign-in form (with message, or NULL) and its double-submit
 * cookie, answered with status. */
static void signin_form(struct jx_web_ctx *c, const char *message, int status)
{
    const char *pre = jx_web_random_hex(c->a, 16);
    jx_web_cookie_set(c, JX_WEB_PRE_COOKIE, pre);
    struct jx_html h;
    jx_web_page_begin(c, &h, "登录");
    if (message) {
        jx_html(&h, "<p class=\"err\">%h</p>\n", message);
    }
    jx_html(&h, "<form method=\"post\" action=\"%B/signin\">"
                "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
                "<label>用户名 <input name=\"name\" autocomplete=\"username\""
                " required></label>"
                "<label>密码 <input type=\"password\" name=\"password\""
                " autocomplete=\"current-password\" required></label>"
                "<button type=\"submit\">登录</button></form>\n",
            pre);
    jx_web_page_end(c, &h, status);
}

/* See web_pages.h. */
int jx_web_page_signin(struct jx_web_ctx *c)
{
    if (c->sess.signed_in) {
        jx_web_redirect(c, "/");
        return 0;
    }
    signin_form(c, NULL, 200);
    return 0;
}

/* See web_pages.h. */
int jx_web_page_signin_post(struct jx_web_ctx *c)
{
    const char *name = jx_web_form(c, "name");
    const char *pw = jx_web_form(c, "password");
    struct jx_web_signin out;
    if (jx_web_signin(c->app, c->s, c->a, name, pw, c->req->client, &out) < 0) {
        return -1;
    }
    if (out.throttled) {
        char t[JX_WF_TIME_BUFSZ];
        int64_t local = out.retry_at + JX_WF_TZ_OFFSET;
        jx_wf_time_format(local, t);
        /* "YYYY-MM-DDTHH:MM:SSZ" read as Beijing time: date and HH:MM */
        signin_form(c,
                    jx_sprintf(c->a,
                               "登录失败次数过多，该账户暂时锁定。请于北京时间 "
                               "%.10s %.5s 之后再试。",
                               t, t + 11),
                    429);
        return 0;
    }
    if (!out.ok) {
        signin_form(c, "用户名或密码错误。", 200);
        return 0;
    }
    if (c->sess.signed_in && jx_web_signout(c->app, c->s, c->sess.id) < 0) {
        return -1;
    }
    jx_web_cookie_set(c, JX_WEB_COOKIE, out.token);
    jx_web_cookie_set(c, JX_WEB_PRE_COOKIE, NULL);
    jx_web_redirect(c, "/");
    return 0;
}

/* See web_pages.h. */
int jx_web_page_signout(struct jx_web_ctx *c)
{
    if (jx_web_signout(c->app, c->s, c->sess.id) < 0) {
        return -1;
    }
    jx_web_cookie_set(c, JX_WEB_COOKIE, NULL);
    jx_web_redirect(c, "/");
    return 0;
}

/* ---- the year overview ------------------------------------------------- */

/* The sort keys of the overview. */
static const char *const sort_keys[] = {"rank", "code", "name", "state",
                                        "late"};
static const char *const sort_zh[] = {"名次", "编码", "名称", "状态", "报送"};
#define NSORT 5

/* How late a unit's 报送 is, for sorting: not sent last. */
static long late_key(const struct jx_ws_unit_status *u)
{
    const struct jx_wf_moment *m = &u->timeliness.submit;
    if (!m->present) {
        return 1000000;
    }
    return m->has_late ? m->late : 999999;
}

/* The sort in effect for the comparators (set before qsort; a request
 * runs on one thread and qsort does not recurse into us). */
static _Thread_local int sort_by;

/* Compare two units by the sort in effect, then by code. */
static int unit_cmp(const void *pa, const void *pb)
{
    const struct jx_ws_unit_status *a =
        *(const struct jx_ws_unit_status *const *)pa;
    const struct jx_ws_unit_status *b =
        *(const struct jx_ws_unit_status *const *)pb;
    int r = 0;
    switch (sort_by) {
    case 2: r = strcmp(a->name ? a->name : "", b->name ? b->name : ""); break;
    case 3: r = (int)a->state - (int)b->state; break;
    case 4: {
        long la = late_key(a), lb = late_key(b);
        r = la < lb ? -1 : la > lb;
        break;
    }
    default: break;
    }
    return r ? r : strcmp(a->code, b->code);
}

/* The 报送 cell of u. */
static const char *submit_text(struct jx_arena *a,
                               const struct jx_ws_unit_status *u)
{
    const struct jx_wf_moment *m = &u->timeliness.submit;
    if (!m->present) {
        return "未报送";
    }
    if (!m->has_late) {
        return "已报送";
    }
    return m->late <= 0 ? "按时" : jx_sprintf(a, "迟 %d 个工作日", m->late);
}

/* Whether f keeps every unit (no filter set). */
static bool filter_none(const struct jx_web_filter *f)
{
    return f->state < 0 && !f->supervisor && !f->region && !f->late &&
           !f->findings;
}

/* See web_pages.h.  The year comes from the overview's cache
 * (web_cache.h: computed once per change of the store); the sort orders
 * are kept with it, the filters run over its rows, and only the page's
 * rows are written. */
int jx_web_page_year(struct jx_web_ctx *c)
{
    size_t done = 0, total = 0;
    if (jx_web_warming(c->app, c->year, &done, &total)) {
        /* the warm start is rescoring this year: a notice, not a worker
           held for the whole year */
        struct jx_html h;
        jx_web_page_begin(c, &h, jx_sprintf(c->a, "%d 年度总览", c->year));
        if (total) { /* (always, from the first row rewritten on) */
            jx_html(&h, "<p class=\"notice\">正在计算：门户启动后正在更新本年度"
                        "各单位的考核分（已完成 %D / %D 个单位）。请稍后刷新本页。"
                        "</p>\n",
                    (long long)done, (long long)total);
        } else {
            jx_html(&h, "<p class=\"notice\">正在计算：门户启动后正在更新本年度"
                        "各单位的考核分。请稍后刷新本页。</p>\n");
        }
        jx_web_set_header(c->resp, "Retry-After", "10");
        jx_web_page_end(c, &h, 503);
        return 0;
    }
    const struct jx_web_year *y = NULL;
    int rc = jx_web_year_get(c->app, c->s, c->year, c->sess.gen, &y);
    if (rc < 0) {
        return -1;
    }
    if (rc > 0) {
        jx_web_not_found(c);
        return 0;
    }
    const struct jx_ws_status *stp = &y->st;
    const char *sort = jx_web_query(c, "sort");
    int by = 0;
    for (int i = 0; i < NSORT && sort; i++) {
        if (strcmp(sort, sort_keys[i]) == 0) {
            by = i;
        }
    }
    const struct jx_ws_unit_status *const *rows;
    if (by != 0) {
        sort_by = by;
        rows = jx_web_year_order(c->app, y, by, unit_cmp);
    } else {
        rows = y->order[0];
    }
    struct jx_web_filter flt; /* the filters (web_bureau.c) */
    jx_web_filter_read(c, &flt);
    size_t nrows = stp->n;
    if (!filter_none(&flt)) {
        /* a copy of the order to filter in place */
        const struct jx_ws_unit_status **v =
            jx_alloc_array(c->a, nrows ? nrows : 1, sizeof *v);
        memcpy(v, rows, nrows * sizeof *v);
        nrows = jx_web_filter_apply(&flt, v, nrows);
        rows = v;
    }
    const char *fq = jx_web_filter_query(c, &flt);
    long size = c->app->cfg.page_size;
    long pages = nrows ? ((long)nrows + size - 1) / size : 1;
    const char *pq = jx_web_query(c, "page");
    long page = pq ? strtol(pq, NULL, 10) : 1;
    if (page < 1) {
        page = 1;
    }
    if (page > pages) {
        page = pages;
    }
    struct jx_html h;
    jx_web_page_begin(c, &h, jx_sprintf(c->a, "%d 年度总览", c->year));
    jx_html(&h, "<p>单位 %D 个；报送截止 %h，公开截止 %h。</p>\n",
            (long long)stp->n,
            jx_sprintf(c->a, "%04d-%02d-%02d", stp->year.submit_by.y,
                       stp->year.submit_by.m, stp->year.submit_by.d),
            jx_sprintf(c->a, "%04d-%02d-%02d", stp->year.publish_by.y,
                       stp->year.publish_by.m, stp->year.publish_by.d));
    jx_web_year_tools(c, &h, y, &flt, sort_keys[by], nrows);
    jx_html(&h, "<table><thead><tr>");
    for (int i = 0; i < NSORT; i++) {
        if (i == by) {
            jx_html(&h, "<th>%h ▲</th>", sort_zh[i]);
        } else {
            jx_html(&h, "<th><a href=\"%B/year/%d?sort=%t%h\">%h</a></th>",
                    c->year, sort_keys[i], fq, sort_zh[i]);
        }
    }
    jx_html(&h, "<th>问题</th><th>自评分</th><th>考核分</th><th>复核分</th>"
                "</tr></thead><tbody>\n");
    /* the rows: kept with the year when no filter is set */
    bool plain = filter_none(&flt);
    const char *kept = plain ? jx_web_year_rows(c->app, y, by, page) : NULL;
    if (kept) {
        jx_html(&h, "%R", kept);
    } else {
        struct jx_html rh;
        jx_html_init(&rh);
        rh.base = jx_web_base(c);
        size_t from = (size_t)((page - 1) * size);
        for (size_t i = from; i < nrows && i < from + (size_t)size; i++) {
            const struct jx_ws_unit_status *u = rows[i];
            if (u->rank > 0) {
                jx_html(&rh, "<tr><td class=\"num\">%d</td>", u->rank);
            } else {
                jx_html(&rh, "<tr><td class=\"num\">—</td>");
            }
            const char *self = u->self_value ? u->self_value : u->self_stated;
            jx_html(&rh,
                    "<td>%h</td><td><a href=\"%B/unit/%t/%d\">%h</a></td>"
                    "<td>%h</td><td>%h</td>"
                    "<td>错误 %D，警告 %D</td><td class=\"num\">%h</td>"
                    "<td class=\"num\">%h</td><td class=\"num\">%h</td>"
                    "</tr>\n",
                    u->code, u->code, c->year, u->name,
                    jx_wf_state_zh(u->state), submit_text(c->a, u),
                    (long long)u->findings[JX_SEV_ERROR],
                    (long long)u->findings[JX_SEV_WARNING], self ? self : "—",
                    u->assess_total ? u->assess_total : "—",
                    u->review ? u->review : "—");
        }
        char *txt = jx_html_copy(&rh);
        jx_html_release(&rh);
        jx_html(&h, "%R", txt);
        if (!plain || !jx_web_year_rows_keep(c->app, y, by, page, txt)) {
            free(txt);
        }
    }
    jx_html(&h, "</tbody></table>\n<nav class=\"pages\">第 %D / %D 页 ",
            (long long)page, (long long)pages);
    if (page > 1) {
        jx_html(&h, "<a href=\"%B/year/%d?sort=%t%h&amp;page=%D\">上一页</a>",
                c->year, sort_keys[by], fq, (long long)(page - 1));
    }
    if (page < pages) {
        jx_html(&h, "<a href=\"%B/year/%d?sort=%t%h&amp;page=%D\">下一页</a>",
                c->year, sort_keys[by], fq, (long long)(page + 1));
    }
    jx_html(&h, "</nav>\n");
    jx_web_page_end(c, &h, 200);
    jx_web_year_put(c->app, y);
    return 0;
}

/* ---- a unit's page and its acts ---------------------------------------- */

/* The acts a unit's page offers (抽查 and 复核 have their own routes). */
static const enum jx_wf_action page_acts[] = {
    JX_WF_LEADER_APPROVE, JX_WF_LEADER_RETURN, JX_WF_CANCEL_SUBMIT,
    JX_WF_TAKE,           JX_WF_APPROVE,       JX_WF_RETURN,
    JX_WF_CANCEL_APPROVAL, JX_WF_PUBLISH,      JX_WF_UNPUBLISH,
    JX_WF_SUBMIT,         JX_WF_RESUBMIT};
#define NPAGE_ACTS (sizeof page_acts / sizeof page_acts[0])

/* Whether act is a 送审 (of the draft: its button is the draft's). */
static bool act_is_submit(enum jx_wf_action act)
{
    return act == JX_WF_SUBMIT || act == JX_WF_RESUBMIT;
}

/* Whether act needs a comment (退回, 单位退回) or a reason (取消审核,
 * 撤回公开). */
static bool act_needs_comment(enum jx_wf_action act)
{
    return act == JX_WF_RETURN || act == JX_WF_LEADER_RETURN ||
           act == JX_WF_CANCEL_APPROVAL || act == JX_WF_UNPUBLISH;
}

/* The label of act's comment field (acts that need one). */
static const char *comment_label(enum jx_wf_action act)
{
    return act == JX_WF_RETURN || act == JX_WF_LEADER_RETURN ? "退回意见"
                                                             : "理由";
}

/* The text of act's button on the page (static). */
static const char *act_button(enum jx_wf_action act)
{
    return act == JX_WF_LEADER_RETURN ? "退回填报人" : jx_wf_action_zh(act);
}

/* The message when act's comment is empty (static, Chinese). */
static const char *comment_missing(enum jx_wf_action act)
{
    return act == JX_WF_RETURN || act == JX_WF_LEADER_RETURN
               ? "退回须写明意见：请填写退回意见后再提交。"
               : act == JX_WF_CANCEL_APPROVAL
                     ? "取消审核须写明理由：请填写理由后再提交。"
                     : "撤回公开须写明理由：请填写理由后再提交。";
}

/* The acts the signed-in user may take on unit's 整体 for c's year now:
 * replay the trail ev[0..n) and ask jx_wf_apply about each; ok[i] for
 * page_acts[i] (NPAGE_ACTS of them). */
static void acts_allowed(struct jx_web_ctx *c, const char *unit,
                         bool leader_step, const struct jx_ws_event *ev,
                         size_t n, bool *ok)
{
    struct jx_wf_audit *rows = jx_alloc_array(c->a, n ? n : 1, sizeof *rows);
    for (size_t i = 0; i < n; i++) {
        rows[i].unit = unit;
        rows[i].year = c->year;
        rows[i].from = ev[i].from;
        rows[i].to = ev[i].to;
        rows[i].action = ev[i].action;
        rows[i].actor_role = ev[i].role;
        rows[i].backdated = ev[i].backdated;
        int64_t t = 0;
        if (ev[i].at) {
            jx_wf_time_parse(ev[i].at, strlen(ev[i].at), &t);
        }
        rows[i].at = rows[i].recorded = t;
    }
    struct jx_wf_current cur;
    size_t bad;
    bool good = jx_wf_replay(rows, n, &cur, &bad) == 0;
    struct jx_wf_actor actor = {
        .id = jx_sprintf(c->a, "%lld", (long long)c->sess.user_id),
        .role = c->sess.role,
        .unit = c->sess.unit};
    for (size_t i = 0; i < NPAGE_ACTS; i++) {
        struct jx_wf_opts o = {.leader_step = leader_step,
                               .entered_by = cur.entered_by,
                               .has_entered_at = cur.has_last,
                               .entered_at = cur.last_at,
                               .comment = act_needs_comment(page_acts[i])
                                              ? "（意见）"
                                              : NULL,
                               .now = c->now};
        struct jx_wf_outcome out;
        ok[i] = good && jx_wf_apply(c->a, cur.state, page_acts[i], &actor,
                                    unit, &o, &out) == 0;
    }
}

/* The form of act on c's unit (its comment field when it needs one,
 * with message above it when not NULL). */
static void act_form(struct jx_web_ctx *c, struct jx_html *h,
                     enum jx_wf_action act, const char *message)
{
    jx_html(h, "<form class=\"act\" method=\"post\" "
               "action=\"%B/unit/%t/%d/act\">"
               "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
               "<input type=\"hidden\" name=\"action\" value=\"%h\">",
            c->unit, c->year, c->sess.csrf, jx_wf_action_name(act));
    if (message) {
        jx_html(h, "<p class=\"err\">%h</p>", message);
    }
    if (act_needs_comment(act)) {
        jx_html(h, "<label>%h <textarea name=\"comment\" rows=\"3\""
                   " cols=\"40\" required></textarea></label>",
                comment_label(act));
    }
    jx_html(h, "<button type=\"submit\">%h</button></form>\n",
            act_button(act));
}

/* The versions of the unit's year as a table (none: a sentence). */
static int versions_table(struct jx_web_ctx *c, struct jx_html *h)
{
    struct jx_stmt *st = jx_stmt_prepare(
        c->s, "SELECT number, sha256, created_at FROM versions"
              " WHERE unit = ? AND year = ? ORDER BY number");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, c->unit);
    jx_stmt_bind_int(st, 2, c->year);
    enum jx_step r;
    size_t n = 0;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        if (n++ == 0) {
            jx_html(h, "<table><thead><tr><th>版本</th><th>送审时间（UTC）</th>"
                       "<th>SHA-256</th><th>原始文件</th></tr></thead><tbody>\n");
        }
        jx_html(h, "<tr><td class=\"num\">%D</td><td>%h</td><td>%h</td><td>",
                (long long)jx_stmt_int(st, 0), jx_stmt_text(st, 2),
                jx_stmt_text(st, 1));
        if (jx_web_version_file_links(c, h, (int)jx_stmt_int(st, 0)) < 0) {
            jx_stmt_finalize(st);
            return -1;
        }
        jx_html(h, "</td></tr>\n");
    }
    jx_stmt_finalize(st);
    jx_html(h, n ? "</tbody></table>\n" : "<p>尚无送审版本。</p>\n");
    return r == JX_STEP_DONE ? 0 : -1;
}

/* The version of the unit's year the page shows the findings of: the
 * query's v (a number), else the latest.  1 with *number, *max (the
 * latest's number) and *eval (in c's arena), 0 when there is none (no
 * version yet: *number 0; a v that is no version or no number: *number
 * -1), or -1. */
static int shown_version(struct jx_web_ctx *c, int *number, int *max,
                         const char **eval)
{
    *number = 0;
    *max = 0;
    *eval = NULL;
    const char *v = jx_web_query(c, "v");
    long want = 0;
    if (v) {
        char *end;
        want = strtol(v, &end, 10);
        if (!v[0] || *end || want < 1 || want > 1000000) {
            *number = -1;
            return 0;
        }
    }
    struct jx_stmt *st = jx_stmt_prepare(
        c->s, want ? "SELECT number, evaluation FROM versions"
                     " WHERE unit = ? AND year = ? AND number = ?"
                   : "SELECT number, evaluation FROM versions"
                     " WHERE unit = ? AND year = ? ORDER BY number DESC"
                     " LIMIT 1");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, c->unit);
    jx_stmt_bind_int(st, 2, c->year);
    if (want) {
        jx_stmt_bind_int(st, 3, want);
    }
    enum jx_step r = jx_stmt_step(st);
    if (r == JX_STEP_ROW) {
        *number = (int)jx_stmt_int(st, 0);
        *eval = jx_strdup(c->a, jx_stmt_text(st, 1));
    } else if (want) {
        *number = -1;
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_ROW) {
        return r == JX_STEP_DONE ? 0 : -1;
    }
    st = jx_stmt_prepare(c->s, "SELECT MAX(number) FROM versions"
                               " WHERE unit = ? AND year = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, c->unit);
    jx_stmt_bind_int(st, 2, c->year);
    r = jx_stmt_step(st);
    *max = r == JX_STEP_ROW ? (int)jx_stmt_int(st, 0) : 0;
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW ? 1 : -1;
}

/* The findings and derivations of version number (text eval) of nv
 * versions, with links to the others. */
static void version_evaluation(struct jx_web_ctx *c, struct jx_html *h,
                               int number, const char *eval, int nv)
{
    jx_html(h, "<div id=\"version-eval\">\n<h2>第 %d 版的发现与计算过程</h2>\n",
            number);
    if (nv > 1) {
        jx_html(h, "<p>其他版本：");
        for (int k = 1; k <= nv; k++) {
            if (k != number) {
                jx_html(h, " <a href=\"%B/unit/%t/%d?v=%d\">第 %d 版</a>", c->unit,
                        c->year, k, k);
            }
        }
        jx_html(h, "</p>\n");
    }
    jx_web_evaluation_html(h, eval,
                           jx_sprintf(c->a, "第 %d 版", number));
    jx_html(h, "</div>\n");
}

/* See web_pages.h. */
int jx_web_page_unit(struct jx_web_ctx *c)
{
    const char *name = NULL;
    bool leader_step = false;
    int r = jx_web_unit_year(c, &name, &leader_step);
    if (r <= 0) {
        return r;
    }
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    struct jx_ws_history hist;
    int hr = jx_ws_history(c->a, c->s, c->unit, c->year, &hist, &d);
    jx_diags_release(&d);
    if (hr < 0) {
        return -1;
    }
    if (hr > 0) {
        jx_web_not_found(c);
        return 0;
    }
    int vnum, vmax;
    const char *veval;
    int vr = shown_version(c, &vnum, &vmax, &veval);
    if (vr < 0) {
        return -1;
    }
    if (vnum < 0) {
        jx_web_not_found(c); /* ?v= names no version of this unit's year */
        return 0;
    }
    enum jx_wf_state state =
        hist.nevents ? hist.events[hist.nevents - 1].to : JX_WF_FILLING;
    struct jx_html h;
    jx_web_page_begin(c, &h, jx_sprintf(c->a, "%s（%s） %d 年度", name, c->unit,
                                        c->year));
    jx_html(&h, "<p>状态：<strong>%h</strong></p>\n", jx_wf_state_zh(state));
    if (state == JX_WF_RETURNED) {
        /* the 退回 that put it there: its comment, prominently */
        for (size_t i = hist.nevents; i-- > 0;) {
            const struct jx_ws_event *e = &hist.events[i];
            if (e->action == JX_WF_RETURN) {
                jx_html(&h, "<div class=\"err\"><strong>退回意见</strong>"
                            "（%h，%h）：<p>%h</p></div>\n",
                        e->actor ? e->actor : "—", e->at,
                        e->comment ? e->comment : "（无）");
                break;
            }
        }
    }
    bool ok[NPAGE_ACTS];
    acts_allowed(c, c->unit, leader_step, hist.events, hist.nevents, ok);
    bool may_submit = false;
    for (size_t i = 0; i < NPAGE_ACTS; i++) {
        may_submit = may_submit || (ok[i] && act_is_submit(page_acts[i]));
    }
    if (jx_web_scores_section(c, &h, &hist) < 0) { /* web_bureau.c */
        jx_html_release(&h);
        return -1;
    }
    if (jx_web_draft_section(c, &h, state, may_submit) < 0) {
        jx_html_release(&h);
        return -1;
    }
    for (size_t i = 0; i < NPAGE_ACTS; i++) {
        if (ok[i] && !act_is_submit(page_acts[i])) {
            act_form(c, &h, page_acts[i], NULL);
        }
    }
    jx_html(&h, "<h2>送审版本</h2>\n");
    if (versions_table(c, &h) < 0) {
        jx_html_release(&h);
        return -1;
    }
    for (size_t i = 0; i < hist.ndiffs; i++) {
        const struct jx_ws_vdiff *v = &hist.diffs[i];
        jx_html(&h, "<h3>第 %d 版与第 %d 版相比：%D 处改动</h3>\n", v->from,
                v->to, (long long)(v->n + v->omitted));
        if (v->n == 0) {
            continue;
        }
        jx_html(&h, "<table><thead><tr><th>位置</th><th>原值</th><th>新值</th>"
                    "</tr></thead><tbody>\n");
        for (size_t k = 0; k < v->n; k++) {
            jx_html(&h, "<tr><td>%h</td><td>%h</td><td>%h</td></tr>\n",
                    v->changes[k].pointer, v->changes[k].old_value,
                    v->changes[k].new_value);
        }
        jx_html(&h, "</tbody></table>\n");
    }
    if (vr > 0) {
        version_evaluation(c, &h, vnum, veval, vmax);
    }
    jx_html(&h, "<h2>审计记录</h2>\n");
    if (hist.nevents == 0) {
        jx_html(&h, "<p>尚无记录。</p>\n");
    } else {
        jx_html(&h, "<table><thead><tr><th>时间（UTC）</th><th>操作人</th>"
                    "<th>角色</th><th>操作</th><th>状态</th><th>版本</th>"
                    "<th>意见</th></tr></thead><tbody>\n");
        for (size_t i = 0; i < hist.nevents; i++) {
            const struct jx_ws_event *e = &hist.events[i];
            jx_html(&h, "<tr><td>%h%h</td><td>%h</td><td>%h</td><td>%h</td>"
                        "<td>%h → %h</td><td class=\"num\">%d</td>"
                        "<td>%h</td></tr>\n",
                    e->at, e->backdated ? "（补录）" : "",
                    e->actor ? e->actor : "—", jx_wf_role_zh(e->role),
                    jx_wf_action_zh(e->action), jx_wf_state_zh(e->from),
                    jx_wf_state_zh(e->to), e->version, e->comment);
        }
        jx_html(&h, "</tbody></table>\n");
    }
    if (hist.ndraft_log) {
        /* the draft's changes: uploads, corrections, redrafts */
        jx_html(&h, "<h3>草稿记录</h3>\n<table><thead><tr><th>时间（UTC）</th>"
                    "<th>操作人</th><th>地址</th><th>操作</th><th>内容</th>"
                    "</tr></thead><tbody>\n");
        for (size_t i = 0; i < hist.ndraft_log; i++) {
            const struct jx_ws_draft_log_row *l = &hist.draft_log[i];
            jx_html(&h, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                        "<td>%h</td></tr>\n",
                    l->at, l->actor ? l->actor : "—",
                    l->client ? l->client : "—", jx_ws_draft_kind_zh(l->kind),
                    l->what);
        }
        jx_html(&h, "</tbody></table>\n");
    }
    jx_web_page_end(c, &h, 200);
    return 0;
}

/* See web_pages.h. */
int jx_web_page_act(struct jx_web_ctx *c)
{
    const char *name = NULL;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    const char *an = jx_web_form(c, "action");
    enum jx_wf_action act = JX_WF_NACTIONS;
    bool offered = false;
    if (an && jx_wf_action_parse(an, strlen(an), &act) == 0) {
        for (size_t i = 0; i < NPAGE_ACTS; i++) {
            offered = offered || page_acts[i] == act;
        }
    }
    if (!offered) {
        jx_web_error(c, 403, "操作被拒绝", "不支持该操作。");
        return 0;
    }
    if (act_is_submit(act)) {
        return jx_web_draft_submit(c);
    }
    const char *comment = jx_web_form(c, "comment");
    if (comment) { /* blank is empty */
        const char *p = comment;
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
            p++;
        }
        if (!*p) {
            comment = NULL;
        }
    }
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    struct jx_ws_done done;
    int rc = jx_ws_act(c->s, c->unit, c->year, act, comment, &who, &done, &d);
    /* the message lives in c->a, the list's array does not */
    const char *why = d.n ? d.a[d.n - 1].msg : "此操作在当前状态下不允许。";
    bool no_comment = rc > 0 && d.n && d.a[d.n - 1].code &&
                      strcmp(d.a[d.n - 1].code, "W007") == 0;
    jx_diags_release(&d);
    if (rc < 0) {
        return -1;
    }
    if (no_comment && act_needs_comment(act)) {
        /* allowed but for the empty comment: the form again, with the
         * reason it was refused */
        struct jx_html h;
        jx_web_page_begin(c, &h, jx_sprintf(c->a, "%s（%s） %d 年度：%s", name,
                                            c->unit, c->year,
                                            act_button(act)));
        act_form(c, &h, act, comment_missing(act));
        jx_html(&h, "<p><a href=\"%B/unit/%t/%d\">返回单位页面</a></p>\n",
                c->unit, c->year);
        jx_web_page_end(c, &h, 422);
        return 0;
    }
    if (rc > 0) {
        jx_web_error(c, 403, "操作被拒绝", why);
        return 0;
    }
    jx_web_redirect(c, jx_sprintf(c->a, "/unit/%s/%d",
                                  jx_web_urlenc(c->a, c->unit), c->year));
    return 0;
}

/* ---- 待我处理 on the home page ------------------------------------------- */

/* Most rows of the bureau's 待我处理 on the home page. */
#define TODO_ROWS 100

/* The bureau's 待我处理: every unit whose 整体 is 已送审 or 审核中, the
 * oldest 送审 first, with the working days since (the calendar's; "—"
 * where it has no answer).  0, or -1. */
static int todo_bureau_rows(struct jx_web_ctx *c, struct jx_html *h)
{
    struct jx_stmt *st = jx_stmt_prepare(
        c->s, "SELECT st.year, st.unit, u.name, st.state,"
              " (SELECT MAX(a.at) FROM audit a WHERE a.unit = st.unit"
              " AND a.year = st.year AND a.object = st.object"
              " AND a.to_state = 'submitted') AS sent"
              " FROM states st JOIN units u ON u.code = st.unit"
              " WHERE st.object = 'whole'"
              " AND st.state IN ('submitted', 'reviewing')"
              " ORDER BY sent, st.year, st.unit");
    if (!st) {
        return -1;
    }
    struct jx_calendar *cal = jx_calendar_new(c->a);
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    bool cal_ok = jx_calendar_load_dir(cal,
                                       c->app->cfg.caldir
                                           ? c->app->cfg.caldir
                                           : jx_calendar_default_dir(c->a),
                                       &d) == 0;
    jx_diags_release(&d);
    struct jx_cal_date today = jx_wf_time_local_date(c->now);
    enum jx_step r;
    size_t n = 0;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        if (n++ == 0) {
            jx_html(h, "<table class=\"todo\"><thead><tr><th>年度</th>"
                       "<th>编码</th><th>单位</th><th>状态</th>"
                       "<th>送审时间（UTC）</th><th>已过工作日</th></tr>"
                       "</thead><tbody>\n");
        }
        if (n > TODO_ROWS) {
            continue;
        }
        int year = (int)jx_stmt_int(st, 0);
        const char *code = jx_stmt_text(st, 1);
        const char *sent = jx_stmt_isnull(st, 4) ? NULL : jx_stmt_text(st, 4);
        enum jx_wf_state state = JX_WF_SUBMITTED;
        const char *sn = jx_stmt_text(st, 3);
        jx_wf_state_parse(sn, strlen(sn), &state);
        const char *since = "—";
        int64_t t;
        if (sent && cal_ok && jx_wf_time_parse(sent, strlen(sent), &t) == 0) {
            int k = 0;
            if (jx_calendar_late_workdays(cal, jx_wf_time_local_date(t), today,
                                          &k, NULL) == JX_CAL_OK) {
                since = jx_sprintf(c->a, "%d", k);
            }
        }
        jx_html(h, "<tr><td>%d</td><td>%h</td><td><a href=\"%B/unit/%t/%d\">"
                   "%h</a></td><td>%h</td><td>%h</td><td class=\"num\">%h"
                   "</td></tr>\n",
                year, code, code, year, jx_stmt_text(st, 2),
                jx_wf_state_zh(state), sent ? sent : "—", since);
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_DONE) {
        return -1;
    }
    if (n == 0) {
        jx_html(h, "<p>没有等待审核的单位。</p>\n");
    } else {
        jx_html(h, "</tbody></table>\n");
        if (n > TODO_ROWS) {
            jx_html(h, "<p>共 %D 个单位等待审核，上表列出送审最早的 %d 个；"
                       "其余见年度总览。</p>\n",
                    (long long)n, TODO_ROWS);
        }
    }
    return 0;
}

/* What a unit user may do next on his unit's 整体 for c->year (state,
 * trail ev[0..n)): the acts allowed, the draft's steps for a filler;
 * "" when nothing. */
static const char *unit_next(struct jx_web_ctx *c, bool leader_step,
                             enum jx_wf_state state,
                             const struct jx_ws_event *ev, size_t n,
                             bool has_draft, bool has_version)
{
    bool ok[NPAGE_ACTS];
    acts_allowed(c, c->sess.unit, leader_step, ev, n, ok);
    const char *steps[NPAGE_ACTS + 3];
    size_t k = 0;
    bool filler = c->sess.role == JX_WF_FILLER;
    if (filler && jx_wf_may_edit(state)) {
        if (!has_draft) {
            steps[k++] = "上传材料";
            if (has_version) {
                steps[k++] = "以上一版本为底稿修改";
            }
        } else {
            steps[k++] = "更正草稿";
        }
    }
    for (size_t i = 0; i < NPAGE_ACTS; i++) {
        if (ok[i] && !(act_is_submit(page_acts[i]) && !has_draft)) {
            steps[k++] = act_button(page_acts[i]);
        }
    }
    const char *out = "";
    for (size_t i = 0; i < k; i++) {
        out = jx_sprintf(c->a, "%s%s%s", out, i ? "、" : "", steps[i]);
    }
    return out;
}

/* A unit user's 待我处理: for every year, the unit's state and what the
 * user may do next; for the leader also the years waiting in 待单位审核.
 * 0, or -1. */
static int todo_unit(struct jx_web_ctx *c, struct jx_html *h,
                     const int *years, long ny)
{
    int saved = c->year;
    int *wait = jx_alloc_array(c->a, ny > 0 ? (size_t)ny : 1, sizeof *wait);
    size_t nwait = 0;
    int rc = 0;
    for (long i = 0; i < ny && rc == 0; i++) {
        c->year = years[i];
        bool leader_step = false;
        if (jx_web_year_exists(c->s, c->year, &leader_step) < 0) {
            rc = -1;
            break;
        }
        struct jx_diags d;
        jx_diags_init(&d, c->a);
        struct jx_ws_history hist;
        int hr = jx_ws_history(c->a, c->s, c->sess.unit, c->year, &hist, &d);
        jx_diags_release(&d);
        if (hr != 0) {
            rc = hr < 0 ? -1 : 0;
            break;
        }
        enum jx_wf_state state =
            hist.nevents ? hist.events[hist.nevents - 1].to : JX_WF_FILLING;
        struct jx_ws_draft dr;
        int g = jx_ws_draft_get(c->a, c->s, c->sess.unit, c->year, &dr);
        if (g < 0) {
            rc = -1;
            break;
        }
        bool has_version = false;
        for (size_t k = 0; k < hist.nevents; k++) {
            has_version = has_version || hist.events[k].version > 0;
        }
        const char *next = unit_next(c, leader_step, state, hist.events,
                                     hist.nevents, g > 0, has_version);
        if (i == 0) {
            jx_html(h, "<table class=\"todo\"><thead><tr><th>年度</th>"
                       "<th>状态</th><th>可以做的</th></tr></thead><tbody>\n");
        }
        jx_html(h, "<tr><td><a href=\"%B/unit/%t/%d\">%d 年度</a></td>"
                   "<td>%h</td><td>%h</td></tr>\n",
                c->sess.unit, c->year, c->year, jx_wf_state_zh(state),
                *next ? next : "暂无（等待他人处理）");
        if (state == JX_WF_UNIT_REVIEW && c->sess.role == JX_WF_LEADER) {
            wait[nwait++] = c->year;
        }
    }
    c->year = saved;
    if (rc == 0 && ny > 0) {
        jx_html(h, "</tbody></table>\n");
    }
    if (rc == 0 && c->sess.role == JX_WF_LEADER) {
        if (nwait == 0) {
            jx_html(h, "<p>没有等待单位负责人审核的材料。</p>\n");
        }
        for (size_t i = 0; i < nwait; i++) {
            jx_html(h, "<p class=\"msg\">待单位审核：<a href=\"%B/unit/%t/%d\">"
                       "%d 年度</a>，请同意并送审或退回填报人。</p>\n",
                    c->sess.unit, wait[i], wait[i]);
        }
    }
    return rc;
}

/* The bureau's 待我处理 into h: kept (web_cache.c) by the store's
 * generation and today's date (the working days counted), as it is the
 * same for every reviewer.  0, or -1. */
static int todo_bureau(struct jx_web_ctx *c, struct jx_html *h)
{
    int64_t gen;
    if (jx_web_generation(c, &gen) < 0) {
        return todo_bureau_rows(c, h);
    }
    struct jx_cal_date today = jx_wf_time_local_date(c->now);
    const char *key = jx_sprintf(c->a, "todo/%lld/%d-%d-%d", (long long)gen,
                                 today.y, today.m, today.d);
    size_t len;
    const char *kept = jx_web_blob_get(c->app, key, c->a, &len);
    if (kept) {
        jx_html(h, "%R", kept);
        return 0;
    }
    struct jx_html part;
    jx_html_init(&part);
    part.base = jx_web_base(c);
    int rc = todo_bureau_rows(c, &part);
    if (rc == 0) {
        char *t = jx_html_copy(&part);
        jx_web_blob_keep(c->app, key, t, strlen(t));
        jx_html(h, "%R", t);
        free(t);
    }
    jx_html_release(&part);
    return rc;
}

/* The home page's 待我处理 for the signed-in user (a query of the
 * records, never a state of its own).  0, or -1. */
static int todo_section(struct jx_web_ctx *c, struct jx_html *h,
                        const int *years, long ny)
{
    jx_html(h, "<h2>待我处理</h2>\n");
    if (c->sess.unit) {
        return todo_unit(c, h, years, ny);
    }
    return todo_bureau(c, h);
}

/* ---- the public list ---------------------------------------------------- */

/* See web_pages.h. */
int jx_web_page_public(struct jx_web_ctx *c)
{
    int y = jx_web_year_exists(c->s, c->year, NULL);
    if (y < 0) {
        return -1;
    }
    if (y == 0) {
        jx_web_not_found(c);
        return 0;
    }
    struct jx_stmt *st = jx_stmt_prepare(
        c->s, "SELECT u.code, u.name FROM states st JOIN units u"
              " ON u.code = st.unit WHERE st.year = ? AND st.object = 'whole'"
              " AND st.state = 'published' ORDER BY u.code");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_int(st, 1, c->year);
    struct jx_html h;
    jx_web_page_begin(c, &h, jx_sprintf(c->a, "%d 年度公开的自评报告", c->year));
    enum jx_step r;
    size_t n = 0;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        if (n++ == 0) {
            jx_html(&h, "<table><thead><tr><th>编码</th><th>单位</th></tr>"
                        "</thead><tbody>\n");
        }
        jx_html(&h, "<tr><td>%h</td><td><a href=\"%B/public/%d/%t\">%h</a></td>"
                    "</tr>\n",
                jx_stmt_text(st, 0), c->year, jx_stmt_text(st, 0),
                jx_stmt_text(st, 1));
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_DONE) {
        jx_html_release(&h);
        return -1;
    }
    jx_html(&h, n ? "</tbody></table>\n" : "<p>本年度尚无公开的报告。</p>\n");
    if (n) {
        jx_html(&h, "<p>开放数据：<a href=\"%B/public/%d.json\">JSON</a>　"
                    "<a href=\"%B/public/%d.csv\">CSV</a></p>\n",
                c->year, c->year);
    }
    jx_web_page_end(c, &h, 200);
    return 0;
}
