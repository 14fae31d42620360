/*
 * cmd_export.c - `jixiao export --year YEAR --format xlsx|csv|json -o
 * FILE`: the year's ranking and every unit's figures, one row per unit
 * in ranking order.  The figures are jx_ws_status's (the computation of
 * `jixiao status`) and the ranking jx_ws_status_rank's; the CSV and the
 * XLSX's sheet 排名 are laid out by the library's export builder
 * (lib/export, shared with the portal's /year/YYYY/export.*), the JSON
 * (docs/store.md, "jixiao export") here.  The output is written to a temporary
 * file and renamed into place; an -o naming a directory is refused.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "jixiao/export.h"
#include "jixiao/framework.h"
#include "jixiao/report.h"
#include "jixiao/wsflow.h"

/* A moment's code for JSON: on_time, late, unknown (no calendar answer)
 * or absent. */
static const char *moment_code(const struct jx_wf_moment *m)
{
    if (!m->present) {
        return "absent";
    }
    if (!m->has_late) {
        return "unknown";
    }
    return m->late == 0 ? "on_time" : "late";
}

/* A score with 2 decimals as a string (as jx_fw_result_total_text). */
static json_t *score_json(struct jx_rat v)
{
    char buf[JX_NUM_BUFSZ];
    return json_string(jx_rat_format(v, 2, false, JX_ROUND_HALF_UP, buf));
}

/* One moment as JSON. */
static json_t *moment_json(struct jx_arena *a, const struct jx_wf_moment *m)
{
    json_t *o = json_object();
    json_object_set_new(o, "status", json_string(moment_code(m)));
    json_object_set_new(o, "late_workdays",
                        m->present && m->has_late ? json_integer(m->late)
                                                  : json_null());
    json_object_set_new(o, "date",
                        m->present ? json_string(jx_cli_date_text(a, m->date))
                                   : json_null());
    char t[JX_WF_TIME_BUFSZ];
    json_object_set_new(o, "at", m->present
                                     ? json_string(jx_wf_time_format(m->at, t))
                                     : json_null());
    json_object_set_new(o, "backdated", json_boolean(m->present && m->backdated));
    json_object_set_new(o, "text", json_string(jx_export_moment_words(a, m)));
    return o;
}

/* The 考核分 of u as JSON, or null. */
static json_t *assess_json(const struct jx_ws_unit_status *u)
{
    const struct jx_fw_result *r = u->assessment;
    if (!r || !r->scored || !r->total.has_value) {
        return json_null();
    }
    json_t *o = json_object();
    json_object_set_new(o, "total",
                        r->njudge ? json_null() : score_json(r->total.value));
    json_object_set_new(o, "low", score_json(r->njudge ? r->total_lo
                                                       : r->total.value));
    json_object_set_new(o, "high", score_json(r->njudge ? r->total_hi
                                                        : r->total.value));
    json_object_set_new(o, "provisional", score_json(r->total.value));
    json_object_set_new(o, "pending", json_integer((json_int_t)r->njudge));
    json_object_set_new(o, "grade", jx_cli_str_or_null(r->grade));
    json_object_set_new(o, "text", json_string(jx_export_assess_text(u)));
    return o;
}

/* The export as JSON into b. */
static void export_json(struct jx_arena *a, const struct jx_ws_status *st,
                        const struct jx_ws_unit_status *const *v,
                        struct jx_buf *b)
{
    json_t *root = jx_cli_ws_year_json(a, st, "jixiao-export");
    json_t *units = json_array();
    for (size_t i = 0; i < st->n; i++) {
        const struct jx_ws_unit_status *u = v[i];
        json_t *o = json_object();
        json_object_set_new(o, "rank", u->rank ? json_integer(u->rank)
                                               : json_null());
        jx_cli_ws_unit_json(o, u);
        json_object_set_new(o, "supervisor", jx_cli_str_or_null(u->supervisor));
        json_object_set_new(o, "region", jx_cli_str_or_null(u->region));
        json_object_set_new(o, "submitted", moment_json(a, &u->timeliness.submit));
        json_object_set_new(o, "published",
                            moment_json(a, &u->timeliness.publish));
        json_object_set_new(o, "self", jx_cli_ws_self_json(u));
        json_object_set_new(o, "assessment", assess_json(u));
        json_object_set_new(o, "review", jx_cli_ws_review_json(u));
        json_t *f = json_null();
        if (u->version) {
            f = json_object();
            static const char *const keys[4] = {"errors", "warnings",
                                                "rounding", "notes"};
            static const int sev[4] = {JX_SEV_ERROR, JX_SEV_WARNING,
                                       JX_SEV_ROUNDING, JX_SEV_NOTE};
            for (int k = 0; k < 4; k++) {
                json_object_set_new(
                    f, keys[k], json_integer((json_int_t)u->findings[sev[k]]));
            }
        }
        json_object_set_new(o, "findings", f);
        json_array_append_new(units, o);
    }
    json_object_set_new(root, "units", units);
    jx_cli_json_out(b, root);
}

/* Whether path names an existing directory. */
static bool is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* `jixiao export --year YEAR --format xlsx|csv|json -o FILE`. */
int jx_cmd_export(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("export");
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    const char *format = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        const char *val = NULL;
        int r = jx_cli_read_arg(self, argc, argv, &i, &ws, &wa);
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        int m;
        if ((m = jx_cli_optval(argc, argv, &i, "--format", &val))) {
            if (m < 0 || (strcmp(val, "xlsx") && strcmp(val, "csv") &&
                          strcmp(val, "json"))) {
                return jx_cli_usage_error(
                    self, "--format 应为 xlsx、csv 或 json（收到“%s”）",
                    m < 0 ? "" : val);
            }
            format = val;
        } else if ((m = jx_cli_optval(argc, argv, &i, "-o", &val)) ||
                   (m = jx_cli_optval(argc, argv, &i, "--output", &val))) {
            if (m < 0 || !val[0]) {
                return jx_cli_usage_error(self, "-o 缺少输出文件");
            }
            out = val;
        } else if (jx_cli_ws_operand(self, argv[i], NULL) != 0) {
            return JX_EXIT_USAGE;
        }
    }
    if (jx_cli_ws_need(self, false, NULL, wa.year) != 0) {
        return JX_EXIT_USAGE;
    }
    if (!format) {
        return jx_cli_usage_error(self, "缺少 --format xlsx|csv|json");
    }
    if (!out) {
        return jx_cli_usage_error(self, "缺少 -o FILE");
    }
    if (strcmp(out, "-") == 0 && strcmp(format, "xlsx") == 0) {
        return jx_cli_usage_error(self, "XLSX 不能写到标准输出，请用 -o FILE");
    }
    if (strcmp(out, "-") != 0 && is_dir(out)) {
        return jx_cli_usage_error(self, "“%s”是目录，-o 须给出文件名", out);
    }
    if (!jx_cli_out_file_ok("jixiao export", out)) {
        return JX_EXIT_IO;
    }
    struct jx_store *s = jx_cli_ws_open(&ws, true);
    if (!s) {
        return JX_EXIT_IO;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags *d = jx_cli_ws_diags();
    size_t from = d->n;
    struct jx_ws_status st;
    int r = jx_ws_status(a, s, wa.year, NULL, NULL, &st, d);
    jx_store_close(s);
    int rc = JX_EXIT_OK;
    jx_cli_print_diags(d, from);
    if (r != 0) {
        rc = r > 0 ? JX_EXIT_USAGE : JX_EXIT_IO;
    } else if (strcmp(format, "xlsx") == 0) {
        struct jx_report_doc *doc = jx_export_doc(a, &st);
        rc = jx_cli_write_doc(doc, "xlsx", out, NULL) == 0 ? JX_EXIT_OK : JX_EXIT_IO;
    } else {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 30);
        if (strcmp(format, "csv") == 0) {
            jx_export_csv(a, &st, &b);
        } else {
            export_json(a, &st, jx_ws_status_ranked(a, &st), &b);
        }
        if (b.toobig) {
            fprintf(stderr, "jixiao export: 输出过大，未写入\n");
            rc = JX_EXIT_IO;
        } else if (strcmp(out, "-") == 0) {
            rc = jx_cli_write(&b) == 0 ? JX_EXIT_OK : JX_EXIT_IO;
        } else if (jx_write_file_atomic(out, b.p, b.len) != 0) {
            fprintf(stderr, "jixiao export: 无法写入“%s”：%s\n", out,
                    jx_errno_zh(errno));
            rc = JX_EXIT_IO;
        }
        jx_buf_release(&b);
    }
    jx_arena_free(a);
    return rc;
}
