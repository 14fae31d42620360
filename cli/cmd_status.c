/*
 * cmd_status.c - `jixiao status --year YEAR [--json]`: every unit of the
 * workspace for the year (jx_ws_status): its state, 报送 and 公开 on time
 * or late by N working days (from the audit rows), 自评分 (the latest
 * version's evaluation), 考核分 (the year's framework over the records),
 * whether it was sampled (抽查) and its 复核分, each in its own column,
 * and its findings by severity.  JSON: docs/store.md, "jixiao status".
 * --rescore first writes the year's derived scores back to the store
 * (jx_ws_rescore_batched), so that the portal's first overview after an
 * upgrade need not compute them.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jixiao/wsflow.h"

/* One moment as table text: on time, late by N, or why absent. */
static const char *moment_text(struct jx_arena *a, const struct jx_wf_moment *m)
{
    if (!m->present) {
        return m->why ? m->why : "—";
    }
    const char *mark = m->backdated ? "，补录" : "";
    if (!m->has_late) {
        return jx_sprintf(a, "%s（%s%s）", jx_cli_date_text(a, m->date),
                          m->why ? m->why : "无日历", mark);
    }
    if (m->late == 0) {
        return jx_sprintf(a, "按时（%s%s）", jx_cli_date_text(a, m->date), mark);
    }
    return jx_sprintf(a, "迟 %d 个工作日（%s%s）", m->late,
                      jx_cli_date_text(a, m->date), mark);
}

/* One moment as JSON (null when absent and no reason). */
static json_t *moment_json(struct jx_arena *a, const struct jx_wf_moment *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "present", json_boolean(m->present));
    if (m->present) {
        char t[JX_WF_TIME_BUFSZ];
        json_object_set_new(o, "at", json_string(jx_wf_time_format(m->at, t)));
        json_object_set_new(o, "date", json_string(jx_cli_date_text(a, m->date)));
        json_object_set_new(o, "backdated", json_boolean(m->backdated));
    }
    json_object_set_new(o, "late_workdays",
                        m->present && m->has_late ? json_integer(m->late)
                                                  : json_null());
    json_object_set_new(o, "why", m->why ? json_string(m->why) : json_null());
    return o;
}

/* The status as JSON. */
static json_t *status_json(struct jx_arena *a, const struct jx_ws_status *st)
{
    json_t *root = jx_cli_ws_year_json(a, st, "jixiao-status");
    json_t *units = json_array();
    for (size_t i = 0; i < st->n; i++) {
        const struct jx_ws_unit_status *u = &st->units[i];
        json_t *o = json_object();
        jx_cli_ws_unit_json(o, u);
        json_object_set_new(o, "submitted", moment_json(a, &u->timeliness.submit));
        json_object_set_new(o, "published",
                            moment_json(a, &u->timeliness.publish));
        json_object_set_new(o, "self", jx_cli_ws_self_json(u));
        json_t *as = json_null();
        if (u->assessment) {
            as = json_object();
            json_object_set_new(as, "total", jx_cli_str_or_null(u->assess_total));
            json_object_set_new(as, "grade", jx_cli_str_or_null(u->assess_grade));
            json_t *items = json_object();
            for (size_t k = 0; k < u->assessment->nitems; k++) {
                const struct jx_fw_item_result *it = &u->assessment->items[k];
                char buf[JX_NUM_BUFSZ];
                const char *v = jx_rat_format_exact(it->used, false, buf);
                json_object_set_new(items, it->item->id, jx_cli_str_or_null(v));
            }
            json_object_set_new(as, "items", items);
        }
        json_object_set_new(o, "assessment", as);
        json_object_set_new(o, "review", jx_cli_ws_review_json(u));
        json_t *f = json_object();
        json_object_set_new(f, "errors",
                            json_integer((json_int_t)u->findings[JX_SEV_ERROR]));
        json_object_set_new(f, "warnings",
                            json_integer((json_int_t)u->findings[JX_SEV_WARNING]));
        json_object_set_new(f, "rounding",
                            json_integer((json_int_t)u->findings[JX_SEV_ROUNDING]));
        json_object_set_new(f, "notes",
                            json_integer((json_int_t)u->findings[JX_SEV_NOTE]));
        json_object_set_new(o, "findings", f);
        json_array_append_new(units, o);
    }
    json_object_set_new(root, "units", units);
    return root;
}

/* The status as a Chinese table into b. */
static void status_text(struct jx_arena *a, const struct jx_ws_status *st,
                        struct jx_buf *b)
{
    jx_buf_addf(b, "%d 年度：评价框架 %s；报送截止 %s，公开截止 %s；及时性按%s\n",
                st->year.year, st->framework,
                st->year.submit_by.y ? jx_cli_date_text(a, st->year.submit_by) : "未设",
                st->year.publish_by.y ? jx_cli_date_text(a, st->year.publish_by)
                                      : "未设",
                jx_wf_basis_zh(st->year.basis));
    if (st->year.leader_step) {
        /* the header line ends with the 单位负责人 step when it is on */
        b->p[--b->len] = '\0';
        jx_buf_adds(b, "；送审须单位负责人同意\n");
    }
    static const char *const head[] = {"编码", "单位", "状态", "版本", "报送",
                                       "公开", "自评分", "考核分", "抽查",
                                       "复核分", "错误/警告/舍入/提示"};
    static const size_t w[] = {8, 24, 8, 4, 30, 30, 8, 12, 4, 8, 0};
    enum { NCELLS = 11 };
    for (size_t k = 0; k < NCELLS; k++) {
        jx_buf_addpad(b, head[k], w[k], false);
        jx_buf_adds(b, k < NCELLS - 1 ? "  " : "\n");
    }
    for (size_t i = 0; i < st->n; i++) {
        const struct jx_ws_unit_status *u = &st->units[i];
        const char *cells[NCELLS];
        cells[0] = u->code;
        cells[1] = u->name;
        cells[2] = jx_wf_state_zh(u->state);
        cells[3] = u->version ? jx_sprintf(a, "%d", u->version) : "—";
        cells[4] = moment_text(a, &u->timeliness.submit);
        cells[5] = moment_text(a, &u->timeliness.publish);
        cells[6] = u->self_value ? u->self_value : "—";
        cells[7] = u->assess_total
                       ? jx_sprintf(a, "%s%s%s", u->assess_total,
                                    u->assess_grade ? " " : "",
                                    u->assess_grade ? u->assess_grade : "")
                       : "—";
        cells[8] = u->sampled ? "是" : "否";
        cells[9] = u->review ? u->review : "—";
        cells[10] = u->version
                       ? jx_sprintf(a, "%zu/%zu/%zu/%zu",
                                    u->findings[JX_SEV_ERROR],
                                    u->findings[JX_SEV_WARNING],
                                    u->findings[JX_SEV_ROUNDING],
                                    u->findings[JX_SEV_NOTE])
                       : "—";
        for (size_t k = 0; k < NCELLS; k++) {
            jx_buf_addpad(b, cells[k], w[k], false);
            jx_buf_adds(b, k < NCELLS - 1 ? "  " : "\n");
        }
    }
    jx_buf_addf(b, "共 %zu 个单位\n", st->n);
}

/* `jixiao status --year YEAR [--json] [--rescore]`. */
int jx_cmd_status(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("status");
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    bool json = false;
    /* --rescore is this command's own; the rest are the view's */
    bool rescore = false;
    char **args = jx_xmalloc(((size_t)argc + 1) * sizeof *args);
    int nargs = 0;
    for (int i = 0; i < argc; i++) {
        if (i > 0 && strcmp(argv[i], "--rescore") == 0) {
            rescore = true;
        } else {
            args[nargs++] = argv[i];
        }
    }
    args[nargs] = NULL;
    int vr = jx_cli_view_args(self, nargs, args, &ws, &wa, &json, NULL);
    free(args);
    if (vr != 0) {
        return JX_EXIT_USAGE;
    }
    struct jx_cli_read rd;
    if (jx_cli_read_open(&ws, &rd) != 0) {
        return JX_EXIT_IO;
    }
    int rc = JX_EXIT_OK;
    if (rescore) {
        /* the derived scores written back first (as `jixiao serve`'s
           warm start does), committed every 200 units */
        size_t nw = 0;
        rc = jx_cli_read_result(&rd, jx_ws_rescore_batched(
                                         rd.s, wa.year, NULL, NULL, 200, NULL,
                                         NULL, &nw, rd.d));
        if (rc == JX_EXIT_OK) {
            fprintf(stderr, "已更新派生分数 %zu 行\n", nw);
        }
    }
    struct jx_ws_status st;
    if (rc == JX_EXIT_OK) {
        rc = jx_cli_read_result(
            &rd, jx_ws_status(rd.a, rd.s, wa.year, NULL, NULL, &st, rd.d));
    }
    if (rc == JX_EXIT_OK) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 30);
        if (json) {
            jx_cli_json_out(&b, status_json(rd.a, &st));
        } else {
            status_text(rd.a, &st, &b);
        }
        rc = jx_cli_emit(&b);
    }
    jx_cli_read_close(&rd);
    return rc;
}
