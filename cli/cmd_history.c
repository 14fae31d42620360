/*
 * cmd_history.c - `jixiao history CODE --year YEAR [--json]`: the audit
 * trail of a unit's 整体 for the year (time, actor, role, action, from →
 * to, comment, backdated), whether it was sampled (抽查) and its 复核分,
 * the reviewer's judgements of the 考核评分表 (who, when, item, value),
 * and, between consecutive versions, the
 * values of the package that changed (JSON pointers, old → new;
 * jx_ws_history).  JSON: docs/store.md, "jixiao history".
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jixiao/wsflow.h"

/* The history as JSON. */
static json_t *history_json(const struct jx_ws_history *h, int year)
{
    json_t *root = json_object();
    json_object_set_new(root, "format", json_string("jixiao-history"));
    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "unit", json_string(h->code));
    json_object_set_new(root, "name", jx_cli_str_or_null(h->name));
    json_object_set_new(root, "year", json_integer(year));
    json_object_set_new(root, "sampled", json_boolean(h->sampled));
    json_t *rv = json_null();
    if (h->review) {
        rv = json_object();
        json_object_set_new(rv, "score", json_string(h->review));
        json_object_set_new(rv, "full", jx_cli_str_or_null(h->review_full));
        json_object_set_new(rv, "note", jx_cli_str_or_null(h->review_note));
        json_object_set_new(rv, "by", jx_cli_str_or_null(h->review_by));
        json_object_set_new(rv, "at", jx_cli_str_or_null(h->review_at));
    }
    json_object_set_new(root, "review", rv);
    json_t *ev = json_array();
    for (size_t i = 0; i < h->nevents; i++) {
        const struct jx_ws_event *e = &h->events[i];
        json_t *o = json_object();
        json_object_set_new(o, "at", jx_cli_str_or_null(e->at));
        json_object_set_new(o, "actor", jx_cli_str_or_null(e->actor));
        json_object_set_new(o, "role", json_string(jx_wf_role_name(e->role)));
        json_object_set_new(o, "action",
                            json_string(jx_wf_action_name(e->action)));
        json_object_set_new(o, "action_zh",
                            json_string(jx_wf_action_zh(e->action)));
        json_object_set_new(o, "from", json_string(jx_wf_state_name(e->from)));
        json_object_set_new(o, "to", json_string(jx_wf_state_name(e->to)));
        json_object_set_new(o, "comment", jx_cli_str_or_null(e->comment));
        json_object_set_new(o, "backdated", json_boolean(e->backdated));
        json_object_set_new(o, "version",
                            e->version ? json_integer(e->version) : json_null());
        json_array_append_new(ev, o);
    }
    json_object_set_new(root, "events", ev);
    json_t *ju = json_array();
    for (size_t i = 0; i < h->njudgements; i++) {
        const struct jx_ws_judgement_row *j = &h->judgements[i];
        json_t *o = json_object();
        json_object_set_new(o, "at", jx_cli_str_or_null(j->at));
        json_object_set_new(o, "actor", jx_cli_str_or_null(j->actor));
        json_object_set_new(o, "item", jx_cli_str_or_null(j->item));
        json_object_set_new(o, "label", jx_cli_str_or_null(j->label));
        json_object_set_new(o, "value", jx_cli_str_or_null(j->value));
        json_object_set_new(o, "comment", jx_cli_str_or_null(j->comment));
        json_object_set_new(o, "backdated", json_boolean(j->backdated));
        json_object_set_new(o, "standing", json_boolean(j->standing));
        json_array_append_new(ju, o);
    }
    json_object_set_new(root, "judgements", ju);
    json_t *dl = json_array();
    for (size_t i = 0; i < h->ndraft_log; i++) {
        const struct jx_ws_draft_log_row *l = &h->draft_log[i];
        json_t *o = json_object();
        json_object_set_new(o, "at", jx_cli_str_or_null(l->at));
        json_object_set_new(o, "actor", jx_cli_str_or_null(l->actor));
        json_object_set_new(o, "client", jx_cli_str_or_null(l->client));
        json_object_set_new(o, "kind", jx_cli_str_or_null(l->kind));
        json_error_t err;
        json_t *det = l->detail ? json_loads(l->detail, 0, &err) : NULL;
        json_object_set_new(o, "detail", det ? det : json_null());
        json_object_set_new(o, "what", jx_cli_str_or_null(l->what));
        json_array_append_new(dl, o);
    }
    json_object_set_new(root, "draft_log", dl);
    json_t *ch = json_array();
    for (size_t i = 0; i < h->ndiffs; i++) {
        const struct jx_ws_vdiff *v = &h->diffs[i];
        json_t *o = json_object();
        json_object_set_new(o, "from", json_integer(v->from));
        json_object_set_new(o, "to", json_integer(v->to));
        json_t *list = json_array();
        for (size_t k = 0; k < v->n; k++) {
            json_t *c = json_object();
            json_object_set_new(c, "pointer", json_string(v->changes[k].pointer));
            json_object_set_new(c, "old", jx_cli_str_or_null(v->changes[k].old_value));
            json_object_set_new(c, "new", jx_cli_str_or_null(v->changes[k].new_value));
            json_array_append_new(list, c);
        }
        json_object_set_new(o, "changes", list);
        json_object_set_new(o, "omitted", json_integer((json_int_t)v->omitted));
        json_array_append_new(ch, o);
    }
    json_object_set_new(root, "versions", ch);
    return root;
}

/* The history as Chinese text into b. */
static void history_text(const struct jx_ws_history *h, int year,
                         struct jx_buf *b)
{
    jx_buf_addf(b, "单位 %s %s，%d 年度：审计记录 %zu 条\n", h->code,
                h->name ? h->name : "", year, h->nevents);
    jx_buf_addf(b, "抽查：%s；复核分：", h->sampled ? "是" : "否");
    if (h->review) {
        jx_buf_addf(b, "%s（满分 %s，%s，%s）\n", h->review,
                    h->review_full ? h->review_full : "—",
                    h->review_by ? h->review_by : "—",
                    h->review_at ? h->review_at : "—");
    } else {
        jx_buf_adds(b, "—\n");
    }
    for (size_t i = 0; i < h->nevents; i++) {
        const struct jx_ws_event *e = &h->events[i];
        jx_buf_addf(b, "%s  %s（%s）  %s  %s → %s", e->at ? e->at : "",
                    e->actor ? e->actor : "—", jx_wf_role_zh(e->role),
                    jx_wf_action_zh(e->action), jx_wf_state_zh(e->from),
                    jx_wf_state_zh(e->to));
        if (e->version) {
            jx_buf_addf(b, "  版本 %d", e->version);
        }
        if (e->backdated) {
            jx_buf_adds(b, "  [补录]");
        }
        jx_buf_addc(b, '\n');
        if (e->comment) {
            jx_buf_addf(b, "    意见：%s\n", e->comment);
        }
    }
    if (h->njudgements) {
        jx_buf_addf(b, "考核评分表的判断 %zu 条\n", h->njudgements);
    }
    for (size_t i = 0; i < h->njudgements; i++) {
        const struct jx_ws_judgement_row *j = &h->judgements[i];
        jx_buf_addf(b, "%s  %s  判断  %s%s%s%s = %s", j->at ? j->at : "",
                    j->actor ? j->actor : "—", j->item ? j->item : "",
                    j->label ? "（" : "", j->label ? j->label : "",
                    j->label ? "）" : "", j->value ? j->value : "");
        if (j->backdated) {
            jx_buf_adds(b, "  [补录]");
        }
        if (!j->standing) {
            jx_buf_adds(b, "  [已被后来的判断取代]");
        }
        jx_buf_addc(b, '\n');
        if (j->comment) {
            jx_buf_addf(b, "    说明：%s\n", j->comment);
        }
    }
    if (h->ndraft_log) {
        jx_buf_addf(b, "草稿记录 %zu 条\n", h->ndraft_log);
    }
    for (size_t i = 0; i < h->ndraft_log; i++) {
        const struct jx_ws_draft_log_row *l = &h->draft_log[i];
        jx_buf_addf(b, "%s  %s  %s  来自 %s\n    %s\n", l->at ? l->at : "",
                    l->actor ? l->actor : "—", jx_ws_draft_kind_zh(l->kind),
                    l->client ? l->client : "—", l->what ? l->what : "");
    }
    for (size_t i = 0; i < h->ndiffs; i++) {
        const struct jx_ws_vdiff *v = &h->diffs[i];
        jx_buf_addf(b, "版本 %d → 版本 %d：改动 %zu 处\n", v->from, v->to,
                    v->n + v->omitted);
        for (size_t k = 0; k < v->n; k++) {
            const struct jx_ws_change *c = &v->changes[k];
            jx_buf_addf(b, "  %s: %s → %s\n", c->pointer,
                        c->old_value ? c->old_value : "（无）",
                        c->new_value ? c->new_value : "（无）");
        }
        if (v->omitted) {
            jx_buf_addf(b, "  ……另有 %zu 处未列出\n", v->omitted);
        }
    }
}

/* `jixiao history CODE --year YEAR [--json]`. */
int jx_cmd_history(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("history");
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    const char *unit = NULL;
    bool json = false;
    if (jx_cli_view_args(self, argc, argv, &ws, &wa, &json, &unit) != 0) {
        return JX_EXIT_USAGE;
    }
    struct jx_cli_read rd;
    if (jx_cli_read_open(&ws, &rd) != 0) {
        return JX_EXIT_IO;
    }
    struct jx_ws_history h;
    int rc = jx_cli_read_result(
        &rd, jx_ws_history(rd.a, rd.s, unit, wa.year, &h, rd.d));
    if (rc == JX_EXIT_OK) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 30);
        if (json) {
            jx_cli_json_out(&b, history_json(&h, wa.year));
        } else {
            history_text(&h, wa.year, &b);
        }
        rc = jx_cli_emit(&b);
    }
    jx_cli_read_close(&rd);
    return rc;
}
