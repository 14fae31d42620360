/*
 * web_judge.c - the reviewer's judgements on a unit's page (issue 13):
 * for 财政审核人 and 管理员, the items of the unit's 考核评分表 that await a
 * judgement (or were judged) with the framework's 建议 and the range the
 * rule allows, in a form (POST /unit/CODE/YYYY/judge, CSRF) that records
 * them through jx_ws_judge_set in one transaction.
 *
 * Ownership: everything in the request's arena.
 */
#include "web/web_pages.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/wsflow.h"

/* Most items judged in one form. */
#define MAX_JUDGE 64

/* A score as exact decimal text (a). */
static const char *exact(struct jx_arena *a, struct jx_rat v)
{
    char buf[JX_NUM_BUFSZ];
    const char *t = jx_rat_format_exact(v, false, buf);
    return jx_strdup(a, t ? t : "?");
}

/* The form field of item id. */
static const char *field_of(struct jx_arena *a, const char *id)
{
    return jx_sprintf(a, "item.%s", id);
}

/* See web_pages.h. */
int jx_web_judge_section(struct jx_web_ctx *c, struct jx_html *h)
{
    if (!c->sess.signed_in ||
        (c->sess.role != JX_WF_REVIEWER && c->sess.role != JX_WF_ADMIN)) {
        return 0;
    }
    struct jx_fw_result *r = NULL;
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    int rc = jx_ws_assess_unit(c->a, c->s, c->unit, c->year, &r, &d);
    jx_diags_release(&d);
    if (rc < 0) {
        return -1;
    }
    size_t n = 0;
    for (size_t k = 0; r && k < r->nitems; k++) {
        n += jx_ws_item_judgeable(&r->items[k]);
    }
    if (!r || n == 0) {
        return 0;
    }
    jx_html(h, "<h2>考核评分表：待判断的指标</h2>\n"
               "<p>考核分：%h%h%h</p>\n"
               "<form class=\"judge\" method=\"post\" "
               "action=\"%B/unit/%t/%d/judge\">"
               "<input type=\"hidden\" name=\"csrf\" value=\"%h\">\n"
               "<table class=\"judge\"><thead><tr><th>编号</th><th>指标</th>"
               "<th>范围</th><th>建议</th><th>现用得分</th><th>判断</th>"
               "</tr></thead><tbody>\n",
            jx_fw_result_total_text(c->a, r), r->grade ? " " : "",
            r->grade ? r->grade : "", c->unit, c->year, c->sess.csrf);
    for (size_t k = 0; k < r->nitems; k++) {
        const struct jx_fw_item_result *it = &r->items[k];
        if (!jx_ws_item_judgeable(it)) {
            continue;
        }
        const char *sug = "—";
        if (it->has_suggestion) {
            sug = jx_sprintf(c->a, "%s%s%s",
                             it->suggestion.band ? it->suggestion.band
                             : it->suggestion.zero ? "0 分" : "",
                             it->suggestion.reasons ? "：" : "",
                             it->suggestion.reasons ? it->suggestion.reasons
                                                    : "");
        }
        jx_html(h, "<tr><td>%h</td><td>%h</td><td class=\"num\">%h–%h</td>"
                   "<td>%h</td><td class=\"num\">%h（%h）</td>"
                   "<td><input name=\"%h\" size=\"6\"></td></tr>\n",
                it->item->id, it->num.label ? it->num.label : "",
                exact(c->a, it->lo), exact(c->a, it->hi), sug,
                exact(c->a, it->used), it->used_from ? it->used_from : "",
                field_of(c->a, it->item->id));
    }
    jx_html(h, "</tbody></table>\n<label>说明 <input name=\"comment\" "
               "size=\"40\"></label><button type=\"submit\">记录判断</button>"
               "</form>\n");
    return 0;
}

/* See web_pages.h. */
int jx_web_page_judge(struct jx_web_ctx *c)
{
    const char *name;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    struct jx_fw_result *res = NULL;
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    if (jx_ws_assess_unit(c->a, c->s, c->unit, c->year, &res, &d) < 0) {
        jx_diags_release(&d);
        return -1;
    }
    struct jx_ws_judgement set[MAX_JUDGE];
    size_t n = 0;
    const char *bad = NULL;
    for (size_t k = 0; res && k < res->nitems && !bad; k++) {
        const struct jx_fw_item_result *it = &res->items[k];
        if (!jx_ws_item_judgeable(it)) {
            continue;
        }
        const char *text = jx_web_form(c, field_of(c->a, it->item->id));
        if (!text || !*text) {
            continue;
        }
        bool pct = false;
        if (n == MAX_JUDGE ||
            jx_rat_parse(text, strlen(text), &set[n].value, &pct, NULL) !=
                JX_NUM_OK ||
            pct) {
            bad = jx_sprintf(c->a, "指标 %s 的判断须是得分，如 8.5：“%s”",
                             it->item->id, text);
        } else {
            set[n++].item = it->item->id;
        }
    }
    if (bad || n == 0) {
        jx_diags_release(&d);
        jx_web_error(c, 400, "判断未记录",
                     bad ? bad : "没有填写任何指标的判断。");
        return 0;
    }
    const char *comment = jx_web_form(c, "comment");
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    size_t from = d.n;
    int rc = jx_ws_judge_set(c->s, c->unit, c->year, set, n,
                             comment && *comment ? comment : NULL, &who, NULL,
                             NULL, &d);
    const char *why = d.n > from ? d.a[d.n - 1].msg : "判断未记录。";
    jx_diags_release(&d);
    if (rc < 0) {
        return -1;
    }
    if (rc > 0) {
        jx_web_error(c, 403, "判断未记录", why);
        return 0;
    }
    jx_web_redirect(c, jx_sprintf(c->a, "/unit/%s/%d",
                                  jx_web_urlenc(c->a, c->unit), c->year));
    return 0;
}
