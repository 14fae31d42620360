/*
 * web_bureau.c - the bureau's pages beyond the year overview (issue 14,
 * round 3b) and the unit's downloads: the overview's filters (state,
 * 主管部门, 区域, late only, with findings only), 抽查 (jx_ws_sample) and
 * 复核 (jx_ws_recheck) from the page, the scores beside each other on a
 * unit's page, the 考核评分表 of all units with SVG charts drawn by the
 * server, the ranking with last year beside, the export (lib/export:
 * the bytes `jixiao export` writes), and a unit's fill-in workbook and
 * report as DOCX and PDF.  Every string reaches a page through jx_html's
 * escaping conversions; files through jx_web_send_bytes.
 */
#include "web/web_pages.h"
#include "web/web_cache.h"

#include <stdlib.h>
#include <string.h>

#include "jixiao/export.h"
#include "jixiao/pipeline.h"
#include "jixiao/report.h"
#include "jixiao/template.h"
#include "jixiao/wsflow.h"

/* ---- shared ----------------------------------------------------------- */

/* The year's status into *st: 0, 1 after a 404 (year not set up), -1. */
static int year_status(struct jx_web_ctx *c, int year, struct jx_ws_status *st)
{
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    int rc = jx_ws_status(c->a, c->s, year, c->app->cfg.fwdir,
                          c->app->cfg.caldir, st, &d);
    jx_diags_release(&d);
    return rc;
}

/* The last diagnostic's message of d (in its arena), or dflt. */
static const char *last_msg(const struct jx_diags *d, const char *dflt)
{
    return d->n ? d->a[d->n - 1].msg : dflt;
}

/* Whether the signed-in user is of the bureau (reviewer, admin). */
static bool is_bureau(const struct jx_web_ctx *c)
{
    return c->sess.signed_in &&
           (c->sess.role == JX_WF_REVIEWER || c->sess.role == JX_WF_ADMIN);
}

/* A score with 2 decimals (a). */
static const char *score_text(struct jx_arena *a, struct jx_rat v)
{
    char buf[JX_NUM_BUFSZ];
    return jx_strdup(a, jx_rat_format(v, 2, false, JX_ROUND_HALF_UP, buf));
}

/* See web_pages.h: data as a download of type named ascii (a plain
 * fallback) and utf8 (RFC 5987 filename*, for Chinese names). */
void jx_web_send_download(struct jx_web_ctx *c, const char *type,
                          const char *data, size_t len, const char *ascii,
                          const char *utf8)
{
    jx_web_send_bytes(c->resp, 200, type, data, len);
    jx_web_set_header(
        c->resp, "Content-Disposition",
        jx_sprintf(c->a, "attachment; filename=\"%s\"; filename*=UTF-8''%s",
                   ascii, jx_web_urlenc(c->a, utf8)));
}

/* ---- the overview's filters ------------------------------------------- */

/* See web_pages.h. */
void jx_web_filter_read(struct jx_web_ctx *c, struct jx_web_filter *f)
{
    memset(f, 0, sizeof *f);
    f->state = -1;
    const char *s = jx_web_query(c, "state");
    enum jx_wf_state st;
    if (s && *s && jx_wf_state_parse(s, strlen(s), &st) == 0) {
        f->state = (int)st;
    }
    f->supervisor = jx_web_query(c, "supervisor");
    if (f->supervisor && !*f->supervisor) {
        f->supervisor = NULL;
    }
    f->region = jx_web_query(c, "region");
    if (f->region && !*f->region) {
        f->region = NULL;
    }
    const char *l = jx_web_query(c, "late");
    const char *k = jx_web_query(c, "findings");
    f->late = l && strcmp(l, "1") == 0;
    f->findings = k && strcmp(k, "1") == 0;
}

/* Whether u passes f. */
static bool filter_keep(const struct jx_web_filter *f,
                        const struct jx_ws_unit_status *u)
{
    if (f->state >= 0 && (int)u->state != f->state) {
        return false;
    }
    if (f->supervisor &&
        (!u->supervisor || strcmp(u->supervisor, f->supervisor) != 0)) {
        return false;
    }
    if (f->region && (!u->region || strcmp(u->region, f->region) != 0)) {
        return false;
    }
    const struct jx_wf_moment *m = &u->timeliness.submit;
    if (f->late && !(m->present && m->has_late && m->late > 0)) {
        return false;
    }
    if (f->findings &&
        u->findings[JX_SEV_ERROR] + u->findings[JX_SEV_WARNING] == 0) {
        return false;
    }
    return true;
}

/* See web_pages.h. */
size_t jx_web_filter_apply(const struct jx_web_filter *f,
                           const struct jx_ws_unit_status **rows, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (filter_keep(f, rows[i])) {
            rows[k++] = rows[i];
        }
    }
    return k;
}

/* See web_pages.h. */
const char *jx_web_filter_query(struct jx_web_ctx *c,
                                const struct jx_web_filter *f)
{
    const char *q = "";
    if (f->state >= 0) {
        q = jx_sprintf(c->a, "%s&state=%s", q,
                       jx_wf_state_name((enum jx_wf_state)f->state));
    }
    if (f->supervisor) {
        q = jx_sprintf(c->a, "%s&supervisor=%s", q,
                       jx_web_urlenc(c->a, f->supervisor));
    }
    if (f->region) {
        q = jx_sprintf(c->a, "%s&region=%s", q, jx_web_urlenc(c->a, f->region));
    }
    if (f->late) {
        q = jx_sprintf(c->a, "%s&late=1", q);
    }
    if (f->findings) {
        q = jx_sprintf(c->a, "%s&findings=1", q);
    }
    return q;
}

/* One <select> of values (selected: cur) named name. */
static void select_of(struct jx_html *h, const char *label, const char *name,
                      const char **v, size_t n, const char *cur)
{
    jx_html(h, "<label>%h <select name=\"%h\"><option value=\"\">全部</option>",
            label, name);
    for (size_t i = 0; i < n; i++) {
        jx_html(h, "<option value=\"%h\"%h>%h</option>", v[i],
                cur && strcmp(cur, v[i]) == 0 ? " selected" : "", v[i]);
    }
    jx_html(h, "</select></label>");
}

/* See web_pages.h. */
void jx_web_year_tools(struct jx_web_ctx *c, struct jx_html *h,
                       const struct jx_web_year *y,
                       const struct jx_web_filter *f, const char *sort,
                       size_t shown)
{
    jx_html(h, "<nav class=\"pages\"><a href=\"%B/year/%d/assessment\">考核评分表"
               "</a><a href=\"%B/year/%d/ranking\">排名与上年对比</a>"
               "<a href=\"%B/year/%d/export.xlsx\">导出 XLSX</a>"
               "<a href=\"%B/year/%d/export.csv\">导出 CSV</a></nav>\n",
            c->year, c->year, c->year, c->year);
    jx_html(h, "<form class=\"act\" method=\"get\" action=\"%B/year/%d\">"
               "<input type=\"hidden\" name=\"sort\" value=\"%h\">"
               "<label>状态 <select name=\"state\"><option value=\"\">全部"
               "</option>",
            c->year, sort);
    for (int s = 0; s < JX_WF_NSTATES; s++) {
        jx_html(h, "<option value=\"%h\"%h>%h</option>",
                jx_wf_state_name((enum jx_wf_state)s),
                f->state == s ? " selected" : "",
                jx_wf_state_zh((enum jx_wf_state)s));
    }
    jx_html(h, "</select></label>");
    select_of(h, "主管部门", "supervisor", y->supervisors, y->nsupervisors,
              f->supervisor);
    select_of(h, "区域", "region", y->regions, y->nregions, f->region);
    jx_html(h, "<label><input type=\"checkbox\" name=\"late\" value=\"1\"%h>"
               " 只看迟报</label><label><input type=\"checkbox\" "
               "name=\"findings\" value=\"1\"%h> 只看有问题的</label>"
               "<button type=\"submit\">筛选</button></form>\n",
            f->late ? " checked" : "", f->findings ? " checked" : "");
    jx_html(h, "<form class=\"act\" method=\"post\" action=\"%B/year/%d/sample\">"
               "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
               "<label>抽查单位数 <input name=\"count\" size=\"5\"></label>"
               "<label>或比例（%%） <input name=\"share\" size=\"5\"></label>"
               "<label>种子（可不填） <input name=\"seed\" size=\"20\"></label>"
               "<button type=\"submit\">抽查</button></form>\n",
            c->year, c->sess.csrf);
    jx_html(h, "<p>符合条件的单位 %D 个。</p>\n", (long long)shown);
}

/* ---- 抽查 and 复核 -------------------------------------------------------- */

/* Read a decimal uint64 (digits only, no overflow): 0, or -1. */
static int parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!s || !*s) {
        return -1;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9') {
            return -1;
        }
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10) {
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* See web_pages.h. */
int jx_web_page_sample(struct jx_web_ctx *c)
{
    int y = jx_web_year_exists(c->s, c->year, NULL);
    if (y <= 0) {
        if (y == 0) {
            jx_web_not_found(c);
        }
        return y;
    }
    const char *count = jx_web_form(c, "count");
    const char *share = jx_web_form(c, "share");
    const char *seedtext = jx_web_form(c, "seed");
    struct jx_ws_sample_rule rule = {0};
    uint64_t n;
    if (count && *count) {
        if (parse_u64(count, &n) < 0 || n == 0 || n > 1000000) {
            jx_web_error(c, 400, "抽查未进行", "抽查单位数须是正整数。");
            return 0;
        }
        rule.count = (size_t)n;
        rule.text = jx_sprintf(c->a, "count=%zu", rule.count);
    } else if (share && *share) {
        const char *t = strchr(share, '%') ? share : jx_sprintf(c->a, "%s%%", share);
        bool pct = false;
        if (jx_rat_parse(t, strlen(t), &rule.share, &pct, NULL) != JX_NUM_OK ||
            !pct || jx_rat_sign(rule.share) <= 0 ||
            jx_rat_cmp(rule.share, jx_rat_int(1)) > 0) {
            jx_web_error(c, 400, "抽查未进行",
                         "抽查比例须是 0% 以上、100% 以下的百分比，如 10%。");
            return 0;
        }
        char buf[JX_NUM_BUFSZ];
        const char *p = jx_rat_format_exact(rule.share, true, buf);
        rule.by_share = true;
        rule.text = jx_sprintf(c->a, "share=%s", p ? p : t);
    } else {
        jx_web_error(c, 400, "抽查未进行", "请填写抽查单位数或比例。");
        return 0;
    }
    uint64_t seed = 0;
    if (seedtext && *seedtext) {
        if (parse_u64(seedtext, &seed) < 0) {
            jx_web_error(c, 400, "抽查未进行",
                         "种子须是 0 到 18446744073709551615 之间的整数。");
            return 0;
        }
    } else {
        const char *hex = jx_web_random_hex(c->a, 8);
        for (int i = 0; i < 16; i++) {
            char ch = hex[i];
            seed = seed << 4 | (uint64_t)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
        }
    }
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    struct jx_ws_sampled out;
    int rc = jx_ws_sample(c->a, c->s, c->year, &rule, seed, &who, &out, &d);
    const char *why = last_msg(&d, "抽查未进行。");
    jx_diags_release(&d);
    if (rc < 0) {
        return -1;
    }
    const char *seedstr = jx_sprintf(c->a, "%llu", (unsigned long long)seed);
    if (rc > 0) {
        jx_web_error(c, 403, "抽查未进行",
                     jx_sprintf(c->a, "%s（种子 %s，工作区未作改动）", why,
                                seedstr));
        return 0;
    }
    struct jx_html h;
    jx_web_page_begin(c, &h, jx_sprintf(c->a, "%d 年度抽查结果", c->year));
    jx_html(&h, "<p>从 %D 个单位中抽出 %D 个（规则 %h），种子 "
                "<strong class=\"seed\">%h</strong>。用同一种子和同一范围可重现"
                "此结果（jixiao sample --seed %h）。</p>\n<ol class=\"sample\">",
            (long long)out.n, (long long)out.k, rule.text, seedstr, seedstr);
    for (size_t i = 0; i < out.k; i++) {
        const char *name = NULL;
        if (jx_web_unit_name(c->a, c->s, out.codes[i], &name) < 0) {
            jx_html_release(&h);
            return -1;
        }
        jx_html(&h, "<li><a href=\"%B/unit/%t/%d\">%h</a> %h</li>", out.codes[i],
                c->year, out.codes[i], name);
    }
    jx_html(&h, "</ol>\n<p><a href=\"%B/year/%d\">返回年度总览</a></p>\n",
            c->year);
    jx_web_page_end(c, &h, 200);
    return 0;
}

/* See web_pages.h. */
int jx_web_page_recheck(struct jx_web_ctx *c)
{
    const char *name;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    const char *text = jx_web_form(c, "score");
    struct jx_rat score;
    bool pct = false;
    if (!text || !*text ||
        jx_rat_parse(text, strlen(text), &score, &pct, NULL) != JX_NUM_OK ||
        pct) {
        jx_web_error(c, 400, "复核未记录", "复核分须是分数，如 85.5。");
        return 0;
    }
    const char *note = jx_web_form(c, "note");
    if (note && !*note) {
        note = NULL;
    }
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    int rc = jx_ws_recheck(c->s, c->unit, c->year, score, note, &who, &d);
    const char *why = last_msg(&d, "复核未记录。");
    jx_diags_release(&d);
    if (rc < 0) {
        return -1;
    }
    if (rc > 0) {
        jx_web_error(c, 403, "复核未记录", why);
        return 0;
    }
    jx_web_redirect(c, jx_sprintf(c->a, "/unit/%s/%d",
                                  jx_web_urlenc(c->a, c->unit), c->year));
    return 0;
}

/* See web_pages.h. */
int jx_web_scores_section(struct jx_web_ctx *c, struct jx_html *h,
                          const struct jx_ws_history *hist)
{
    struct jx_ws_status st;
    int rc = year_status(c, c->year, &st);
    if (rc < 0) {
        return -1;
    }
    const struct jx_ws_unit_status *u = NULL;
    for (size_t i = 0; rc == 0 && i < st.n && !u; i++) {
        if (strcmp(st.units[i].code, c->unit) == 0) {
            u = &st.units[i];
        }
    }
    const char *self = u ? (u->self_value ? u->self_value : u->self_stated)
                         : NULL;
    jx_html(h, "<h2>得分</h2>\n<table class=\"scores\"><thead><tr><th>自评分</th>"
               "<th>考核分</th><th>复核分</th><th>抽查</th></tr></thead><tbody>"
               "<tr><td class=\"num\">%h</td><td class=\"num\">%h</td>"
               "<td class=\"num\">%h</td><td>%h</td></tr></tbody></table>\n",
            self ? self : "—", u && u->assess_total ? u->assess_total : "—",
            hist->review ? hist->review : "—", hist->sampled ? "已抽中" : "否");
    if (hist->review) {
        jx_html(h, "<p>复核：%h（满分 %h），%h，%h。%h</p>\n", hist->review,
                hist->review_full ? hist->review_full : "—",
                hist->review_by ? hist->review_by : "—",
                hist->review_at ? hist->review_at : "—",
                hist->review_note ? hist->review_note : "");
    } else if (hist->sampled && is_bureau(c)) {
        jx_html(h, "<form class=\"act\" method=\"post\" "
                   "action=\"%B/unit/%t/%d/recheck\">"
                   "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
                   "<label>复核分 <input name=\"score\" size=\"8\" required>"
                   "</label><label>说明 <input name=\"note\" size=\"40\">"
                   "</label><button type=\"submit\">记录复核分</button></form>\n",
                c->unit, c->year, c->sess.csrf);
    }
    if (jx_web_judge_section(c, h) < 0) { /* web_judge.c */
        return -1;
    }
    jx_html(h, "<p>下载：<a href=\"%B/unit/%t/%d/workbook.xlsx\">填报模板（XLSX）"
               "</a>",
            c->unit, c->year);
    if (u && u->version) {
        jx_html(h, " · <a href=\"%B/unit/%t/%d/report.docx\">自评报告（DOCX）</a>"
                   " · <a href=\"%B/unit/%t/%d/report.pdf\">自评报告（PDF）</a>",
                c->unit, c->year, c->unit, c->year);
    }
    jx_html(h, "</p>\n");
    return 0;
}

/* The page of n rows asked for (?page=N, 1..pages) and the first row
 * of it; *pages the count of pages. */
static size_t page_of(struct jx_web_ctx *c, size_t n, long *page, long *pages)
{
    long size = c->app->cfg.page_size;
    *pages = n ? ((long)n + size - 1) / size : 1;
    const char *pq = jx_web_query(c, "page");
    long p = pq ? strtol(pq, NULL, 10) : 1;
    p = p < 1 ? 1 : p > *pages ? *pages : p;
    *page = p;
    return (size_t)((p - 1) * size);
}

/* The page links of a paged table at path. */
static void pager(struct jx_html *h, const char *path, long page, long pages)
{
    jx_html(h, "<nav class=\"pages\">第 %D / %D 页 ", (long long)page,
            (long long)pages);
    if (page > 1) {
        jx_html(h, "<a href=\"%h?page=%D\">上一页</a>", path,
                (long long)(page - 1));
    }
    if (page < pages) {
        jx_html(h, "<a href=\"%h?page=%D\">下一页</a>", path,
                (long long)(page + 1));
    }
    jx_html(h, "</nav>\n");
}

/* ---- the 考核评分表 of all units ------------------------------------------ */

/* The score bands of the histogram. */
static const char *const band_zh[JX_WEB_BANDS] = {
    "90 分及以上", "80–90 分", "60–80 分", "60 分以下", "无考核分"};

/* See web_cache.h: the band of a 考核分 (the provisional total while
 * judgements are pending). */
int jx_web_assess_band(const struct jx_fw_result *r)
{
    if (!r || !r->scored || !r->total.has_value) {
        return 4;
    }
    struct jx_rat v = r->total.value;
    if (jx_rat_cmp(v, jx_rat_int(90)) >= 0) {
        return 0;
    }
    if (jx_rat_cmp(v, jx_rat_int(80)) >= 0) {
        return 1;
    }
    return jx_rat_cmp(v, jx_rat_int(60)) >= 0 ? 2 : 3;
}

/* A horizontal bar chart as SVG: n bars labelled label[i] with count[i]
 * (lengths in whole pixels, integer arithmetic). */
static void bar_chart(struct jx_html *h, const char *title,
                      const char *const *label, const size_t *count, size_t n)
{
    size_t max = 1;
    for (size_t i = 0; i < n; i++) {
        max = count[i] > max ? count[i] : max;
    }
    int height = (int)n * 28 + 30;
    jx_html(h, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" "
               "width=\"520\" height=\"%d\" viewBox=\"0 0 520 %d\" "
               "role=\"img\" aria-label=\"%h\"><text x=\"0\" y=\"16\" "
               "font-size=\"14\">%h</text>",
            height, height, title, title);
    for (size_t i = 0; i < n; i++) {
        int yy = 26 + (int)i * 28;
        int w = (int)(count[i] * 300 / max);
        jx_html(h, "<text x=\"0\" y=\"%d\" font-size=\"13\">%h</text>"
                   "<rect x=\"120\" y=\"%d\" width=\"%d\" height=\"20\" "
                   "fill=\"#1f4e79\"></rect><text x=\"%d\" y=\"%d\" "
                   "font-size=\"13\">%D</text>",
                yy + 15, label[i], yy, w, 126 + w, yy + 15,
                (long long)count[i]);
    }
    jx_html(h, "</svg></figure>\n");
}

/* The text of one item's score in the table. */
static const char *item_cell(struct jx_arena *a,
                             const struct jx_fw_item_result *ir)
{
    if (!ir->counted) {
        return "—";
    }
    if (!ir->settled) {
        return jx_sprintf(a, "待判断（%s）", score_text(a, ir->used));
    }
    return score_text(a, ir->used);
}

/* A copy in a of the HTML h holds (h released). */
static char *html_in(struct jx_arena *a, struct jx_html *h)
{
    char *t = jx_html_copy(h);
    char *out = jx_strdup(a, t);
    free(t);
    jx_html_release(h);
    return out;
}

/* See web_cache.h. */
char *jx_web_assess_heads(struct jx_arena *a, const struct jx_fw_result *r)
{
    struct jx_html h;
    jx_html_init(&h);
    for (size_t k = 0; r && k < r->nitems; k++) {
        const struct jx_fw_item *it = r->items[k].item;
        const char *nm = it->name ? it->name : it->level2 ? it->level2
                                                          : it->level1;
        jx_html(&h, "<th>%h（分值 %h）</th>", nm,
                it->has_points ? score_text(a, it->points) : "—");
    }
    return html_in(a, &h);
}

/* See web_cache.h. */
char *jx_web_assess_cells(struct jx_arena *a, const struct jx_fw_result *r,
                          size_t nitems)
{
    struct jx_html h;
    jx_html_init(&h);
    struct jx_arena *tmp = jx_arena_new();
    for (size_t k = 0; k < nitems; k++) {
        jx_html(&h, "<td class=\"num\">%h</td>",
                r && k < r->nitems ? item_cell(tmp, &r->items[k]) : "—");
    }
    jx_arena_free(tmp);
    return html_in(a, &h);
}

/* See web_pages.h: the 考核评分表 from the year's cache (web_cache.c):
 * the charts over all units, the table a page at a time. */
int jx_web_page_assessment(struct jx_web_ctx *c)
{
    const struct jx_web_year *y;
    int rc = jx_web_year_get(c->app, c->s, c->year, c->sess.gen, &y);
    if (rc != 0) {
        if (rc > 0) {
            jx_web_not_found(c);
        }
        return rc > 0 ? 0 : -1;
    }
    const struct jx_ws_unit_status *const *rows = y->order[0];
    size_t n = y->st.n;
    size_t states[JX_WF_NSTATES] = {0};
    for (size_t i = 0; i < n; i++) {
        states[rows[i]->state]++;
    }
    struct jx_html h;
    jx_web_page_begin(c, &h, jx_sprintf(c->a, "%d 年度考核评分表", c->year));
    jx_html(&h, "<p>评价框架：%h；单位 %D 个。</p>\n", y->st.framework,
            (long long)n);
    bar_chart(&h, "考核分分布", band_zh, y->assess_bands, JX_WEB_BANDS);
    const char *state_zh[JX_WF_NSTATES];
    for (int s = 0; s < JX_WF_NSTATES; s++) {
        state_zh[s] = jx_wf_state_zh((enum jx_wf_state)s);
    }
    bar_chart(&h, "各状态单位数", state_zh, states, JX_WF_NSTATES);
    jx_html(&h, "<table class=\"assessment\"><thead><tr><th>名次</th>"
                "<th>编码</th><th>名称</th>%R<th>考核分</th><th>等级</th>"
                "</tr></thead><tbody>\n",
            y->assess_heads);
    long page, pages;
    size_t from = page_of(c, n, &page, &pages);
    size_t to = from + (size_t)c->app->cfg.page_size;
    for (size_t i = from; i < n && i < to; i++) {
        const struct jx_ws_unit_status *u = rows[i];
        if (u->rank > 0) {
            jx_html(&h, "<tr><td class=\"num\">%d</td>", u->rank);
        } else {
            jx_html(&h, "<tr><td class=\"num\">—</td>");
        }
        jx_html(&h, "<td>%h</td><td>%h</td>%R", u->code, u->name,
                y->assess_cells[u - y->st.units]);
        jx_html(&h, "<td class=\"num\">%h</td><td>%h</td></tr>\n",
                u->assess_total ? u->assess_total : "—",
                u->assess_grade ? u->assess_grade : "—");
    }
    jx_web_year_put(c->app, y);
    jx_html(&h, "</tbody></table>\n");
    pager(&h, jx_sprintf(c->a, "/year/%d/assessment", c->year), page, pages);
    jx_web_page_end(c, &h, 200);
    return 0;
}

/* ---- ranking and year over year ---------------------------------------- */

/* Compare a code with a unit status by code (bsearch). */
static int code_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key,
                  ((const struct jx_ws_unit_status *)elem)->code);
}

/* See web_pages.h: from the year's cache and last year's. */
int jx_web_page_ranking(struct jx_web_ctx *c)
{
    const struct jx_web_year *y, *py = NULL;
    int rc = jx_web_year_get(c->app, c->s, c->year, c->sess.gen, &y);
    if (rc != 0) {
        if (rc > 0) {
            jx_web_not_found(c);
        }
        return rc > 0 ? 0 : -1;
    }
    if (c->year > 1900) {
        int e = jx_web_year_exists(c->s, c->year - 1, NULL);
        int pr = e > 0 ? jx_web_year_get(c->app, c->s, c->year - 1,
                                         c->sess.gen, &py)
                       : e;
        if (pr < 0) {
            jx_web_year_put(c->app, y);
            return -1;
        }
        if (pr != 0) {
            py = NULL;
        }
    }
    const struct jx_ws_unit_status *const *rows = y->order[0];
    size_t n = y->st.n;
    struct jx_html h;
    jx_web_page_begin(c, &h, jx_sprintf(c->a, "%d 年度排名", c->year));
    if (!py) {
        jx_html(&h, "<p>%d 年度未设置，无上年对比。</p>\n", c->year - 1);
    }
    jx_html(&h, "<table class=\"ranking\"><thead><tr><th>名次</th><th>编码</th>"
                "<th>名称</th><th>考核分</th><th>自评分</th><th>%d 年名次</th>"
                "<th>%d 年考核分</th></tr></thead><tbody>\n",
            c->year - 1, c->year - 1);
    long page, pages;
    size_t from = page_of(c, n, &page, &pages);
    size_t to = from + (size_t)c->app->cfg.page_size;
    for (size_t i = from; i < n && i < to; i++) {
        const struct jx_ws_unit_status *u = rows[i];
        const struct jx_ws_unit_status *p =
            py ? bsearch(u->code, py->st.units, py->st.n,
                         sizeof *py->st.units, code_cmp)
               : NULL;
        const char *self = u->self_value ? u->self_value : u->self_stated;
        const char *prank = p && p->rank > 0 ? jx_sprintf(c->a, "%d", p->rank)
                                             : "—";
        const char *rank = u->rank > 0 ? jx_sprintf(c->a, "%d", u->rank) : "—";
        jx_html(&h, "<tr><td class=\"num\">%h</td><td>%h</td><td>%h</td>"
                    "<td class=\"num\">%h</td><td class=\"num\">%h</td>"
                    "<td class=\"num\">%h</td><td class=\"num\">%h</td></tr>\n",
                rank, u->code, u->name, u->assess_total ? u->assess_total : "—",
                self ? self : "—", prank,
                p && p->assess_total ? p->assess_total : "—");
    }
    jx_web_year_put(c->app, py);
    jx_web_year_put(c->app, y);
    jx_html(&h, "</tbody></table>\n");
    pager(&h, jx_sprintf(c->a, "/year/%d/ranking", c->year), page, pages);
    jx_web_page_end(c, &h, 200);
    return 0;
}

/* ---- the export ---------------------------------------------------------- */

/* The export of c's year as csv or XLSX: made from the year's cache
 * (web_cache.c) and kept while the store's generation stays the same. */
static int export_year(struct jx_web_ctx *c, bool csv)
{
    const char *ascii = jx_sprintf(c->a, "export-%d.%s", c->year,
                                   csv ? "csv" : "xlsx");
    const char *type = csv ? "text/csv; charset=utf-8"
                           : "application/vnd.openxmlformats-officedocument."
                             "spreadsheetml.sheet";
    const char *utf8 = jx_sprintf(c->a, "%d年度排名.%s", c->year,
                                  csv ? "csv" : "xlsx");
    const struct jx_web_year *y;
    int rc = jx_web_year_get(c->app, c->s, c->year, c->sess.gen, &y);
    if (rc != 0) {
        if (rc > 0) {
            jx_web_not_found(c);
        }
        return rc > 0 ? 0 : -1;
    }
    const char *key = y->gen >= 0
                          ? jx_sprintf(c->a, "export/%d/%lld/%s", c->year,
                                       (long long)y->gen, csv ? "csv" : "xlsx")
                          : NULL;
    size_t len;
    const char *kept = key ? jx_web_blob_get(c->app, key, c->a, &len) : NULL;
    if (kept) {
        jx_web_year_put(c->app, y);
        jx_web_send_download(c, type, kept, len, ascii, utf8);
        return 0;
    }
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    int w = csv ? jx_export_csv(c->a, &y->st, &b)
                : jx_export_xlsx_bytes(jx_export_doc(c->a, &y->st), &b, &d);
    jx_diags_release(&d);
    jx_web_year_put(c->app, y);
    if (w == 0) {
        jx_web_send_download(c, type, b.p, b.len, ascii, utf8);
        if (key) {
            jx_web_blob_keep(c->app, key, b.p, b.len);
        }
    }
    jx_buf_release(&b);
    return w == 0 ? 0 : -1;
}

/* See web_pages.h. */
int jx_web_page_export_csv(struct jx_web_ctx *c)
{
    return export_year(c, true);
}

/* See web_pages.h. */
int jx_web_page_export_xlsx(struct jx_web_ctx *c)
{
    return export_year(c, false);
}

/* ---- the unit's downloads ------------------------------------------------ */

/* See web_pages.h. */
int jx_web_page_workbook(struct jx_web_ctx *c)
{
    const char *name;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    if (c->year < JX_TPL_YEAR_MIN || c->year > JX_TPL_YEAR_MAX) {
        jx_web_not_found(c);
        return 0;
    }
    struct jx_buf b;
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    int w = jx_export_template_bytes(c->year, &b, NULL);
    if (w == 0) {
        jx_web_send_download(
            c, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            b.p, b.len, jx_sprintf(c->a, "workbook-%s-%d.xlsx", jx_web_urlenc(c->a, c->unit), c->year),
            jx_sprintf(c->a, "%s%d年度绩效自评填报表.xlsx", name, c->year));
    }
    jx_buf_release(&b);
    return w == 0 ? 0 : -1;
}

/* The 自评报告 of c's unit from its latest version, as pdf or DOCX. */
static int unit_report(struct jx_web_ctx *c, bool pdf)
{
    const char *name;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    struct jx_stmt *st = jx_stmt_prepare(
        c->s, "SELECT package FROM versions WHERE unit = ? AND year = ?"
              " ORDER BY number DESC LIMIT 1");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, c->unit);
    jx_stmt_bind_int(st, 2, c->year);
    enum jx_step sr = jx_stmt_step(st);
    char *copy = NULL;
    size_t len = 0;
    if (sr == JX_STEP_ROW) {
        const char *pkg = jx_stmt_text(st, 0);
        len = pkg ? strlen(pkg) : 0;
        copy = malloc(len + 1);
        if (!copy) {
            jx_oom();
        }
        memcpy(copy, pkg ? pkg : "", len + 1);
    }
    jx_stmt_finalize(st);
    if (sr != JX_STEP_ROW) {
        if (sr == JX_STEP_DONE) {
            jx_web_error(c, 404, "找不到页面", "本单位本年度尚无送审版本。");
        }
        return sr == JX_STEP_DONE ? 0 : -1;
    }
    struct jx_run_opts ro;
    jx_run_opts_default(&ro);
    ro.fwdir = c->app->cfg.fwdir;
    ro.caldir = c->app->cfg.caldir;
    struct jx_run *run = jx_run_new(&ro);
    struct jx_result *in = jx_run_data(
        run, jx_sprintf(c->a, "%s-%d.json", c->unit, c->year), copy, len, NULL);
    int rc = -1;
    if (in->status == JX_INPUT_OK) {
        struct jx_report_opts o = {false, false, NULL};
        struct jx_report_doc *doc =
            jx_report_build(in->arena, in->pkg, in->ev, &in->diags, &o);
        struct jx_buf out;
        jx_buf_init(&out, JX_REPORT_MAX_BYTES);
        struct jx_diags d;
        jx_diags_init(&d, c->a);
        int w = pdf ? jx_report_pdf_with(c->app->pdf_fonts, doc, &out, &d)
                    : jx_report_docx(doc, &out, &d);
        if (w == 0 && !out.toobig) {
            const char *ext = pdf ? "pdf" : "docx";
            jx_web_send_download(
                c,
                pdf ? "application/pdf"
                    : "application/vnd.openxmlformats-officedocument."
                      "wordprocessingml.document",
                out.p, out.len,
                jx_sprintf(c->a, "report-%s-%d.%s", jx_web_urlenc(c->a, c->unit), c->year, ext),
                jx_sprintf(c->a, "%s%d年度绩效自评报告.%s", name, c->year, ext));
            rc = 0;
        }
        jx_diags_release(&d);
        jx_buf_release(&out);
    }
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}

/* See web_pages.h. */
int jx_web_page_report_docx(struct jx_web_ctx *c)
{
    return unit_report(c, false);
}

/* See web_pages.h. */
int jx_web_page_report_pdf(struct jx_web_ctx *c)
{
    return unit_report(c, true);
}
