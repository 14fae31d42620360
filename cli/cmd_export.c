/*
 * cmd_export.c - `jixiao export --year YEAR --format xlsx|csv|json -o
 * FILE`: the year's ranking and every unit's figures, one row per unit
 * in ranking order.  The figures are jx_ws_status's (the computation of
 * `jixiao status`) and the ranking jx_ws_status_rank's; this file only
 * lays them out: CSV (UTF-8 with a BOM, RFC 4180 quoting, CRLF), JSON
 * (docs/store.md, "jixiao export") and XLSX (one sheet 排名, through the
 * report writer, numbers exact).  The output is written to a temporary
 * file and renamed into place; an -o naming a directory is refused.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "jixiao/framework.h"
#include "jixiao/report.h"
#include "jixiao/wsflow.h"

/* The columns of the CSV and of the sheet. */
enum {
    C_RANK, C_CODE, C_NAME, C_SUPERVISOR, C_REGION, C_STATE, C_VERSION,
    C_SUBMIT, C_SUBMIT_DATE, C_PUBLISH, C_PUBLISH_DATE, C_SELF, C_SELF_GRADE,
    C_ASSESS, C_ASSESS_GRADE, C_SAMPLED, C_REVIEW, C_ERRORS, C_WARNINGS,
    C_ROUNDING, C_NOTES,
    NCOLS
};

/* Their headers. */
static const char *const heads[NCOLS] = {
    "排名", "编码", "名称", "主管部门", "区域", "状态", "版本", "报送",
    "报送日期", "公开", "公开日期", "自评分", "自评等级", "考核分", "考核等级",
    "抽查", "复核分", "错误", "警告", "舍入", "提示",
};

/* Relative widths of the sheet's columns. */
static const int widths[NCOLS] = {5, 8, 20, 14, 8, 7, 5, 14, 11, 14,
                                  11, 8, 8, 16, 8, 5, 8, 5, 5, 5, 5};

/* A moment's timeliness in words: 按时, 迟 N 个工作日, or why it has no
 * answer (absent, no calendar); "（补录）" when backdated (a). */
static const char *moment_words(struct jx_arena *a,
                                 const struct jx_wf_moment *m)
{
    const char *w;
    if (m->present && m->has_late) {
        w = m->late == 0 ? "按时"
                         : jx_sprintf(a, "迟 %d 个工作日", m->late);
    } else {
        w = m->why ? m->why : m->present ? "无日历" : "";
    }
    return m->present && m->backdated ? jx_sprintf(a, "%s（补录）", w) : w;
}

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

/* The 考核分 of u as the cells show it: the total, or the range while
 * judgements are pending; "" without one. */
static const char *assess_text(const struct jx_ws_unit_status *u)
{
    return u->assess_total ? u->assess_total : "";
}

/* Whether u has a final 考核分 (no judgement pending). */
static bool assess_final(const struct jx_ws_unit_status *u)
{
    const struct jx_fw_result *r = u->assessment;
    return r && r->scored && r->total.has_value && r->njudge == 0;
}

/* The cells of one unit as text (a). */
static void row_cells(struct jx_arena *a, const struct jx_ws_unit_status *u,
                      const char *cells[NCOLS])
{
    cells[C_RANK] = u->rank ? jx_sprintf(a, "%d", u->rank) : "";
    cells[C_CODE] = u->code;
    cells[C_NAME] = u->name;
    cells[C_SUPERVISOR] = u->supervisor ? u->supervisor : "";
    cells[C_REGION] = u->region ? u->region : "";
    cells[C_STATE] = jx_wf_state_zh(u->state);
    cells[C_VERSION] = u->version ? jx_sprintf(a, "%d", u->version) : "";
    const struct jx_wf_moment *m = &u->timeliness.submit;
    cells[C_SUBMIT] = moment_words(a, m);
    cells[C_SUBMIT_DATE] = m->present ? jx_cli_date_text(a, m->date) : "";
    m = &u->timeliness.publish;
    cells[C_PUBLISH] = moment_words(a, m);
    cells[C_PUBLISH_DATE] = m->present ? jx_cli_date_text(a, m->date) : "";
    cells[C_SELF] = u->version && u->self_value ? u->self_value : "";
    cells[C_SELF_GRADE] = u->version && u->self_grade ? u->self_grade : "";
    cells[C_ASSESS] = assess_text(u);
    cells[C_ASSESS_GRADE] = u->assess_grade ? u->assess_grade : "";
    cells[C_SAMPLED] = u->sampled ? "是" : "否";
    cells[C_REVIEW] = u->review ? u->review : "";
    static const int sev[4] = {JX_SEV_ERROR, JX_SEV_WARNING, JX_SEV_ROUNDING,
                               JX_SEV_NOTE};
    for (int k = 0; k < 4; k++) {
        cells[C_ERRORS + k] =
            u->version ? jx_sprintf(a, "%zu", u->findings[sev[k]]) : "";
    }
}

/* Append one CSV field, quoted (RFC 4180) when it holds a comma, a
 * quote, CR or LF. */
static void csv_field(struct jx_buf *b, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) {
        jx_buf_adds(b, s);
        return;
    }
    jx_buf_addc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"') {
            jx_buf_addc(b, '"');
        }
        jx_buf_addc(b, *p);
    }
    jx_buf_addc(b, '"');
}

/* Append one CSV record (CRLF-terminated). */
static void csv_record(struct jx_buf *b, const char *const cells[NCOLS])
{
    for (int k = 0; k < NCOLS; k++) {
        if (k) {
            jx_buf_addc(b, ',');
        }
        csv_field(b, cells[k]);
    }
    jx_buf_adds(b, "\r\n");
}

/* The export as CSV into b: a BOM, the header, one record per unit. */
static void export_csv(struct jx_arena *a, const struct jx_ws_status *st,
                       const struct jx_ws_unit_status *const *v,
                       struct jx_buf *b)
{
    jx_buf_adds(b, "\xEF\xBB\xBF");
    csv_record(b, heads);
    for (size_t i = 0; i < st->n; i++) {
        const char *cells[NCOLS];
        row_cells(a, v[i], cells);
        csv_record(b, cells);
    }
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
    json_object_set_new(o, "text", json_string(moment_words(a, m)));
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
    json_object_set_new(o, "text", json_string(assess_text(u)));
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
    char *text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    if (!text) {
        jx_oom();
    }
    jx_buf_adds(b, text);
    jx_buf_addc(b, '\n');
    free(text);
}

/* Set c to the number v in format fmt. */
static void cell_number(struct jx_rcell *c, enum jx_rfmt fmt, struct jx_rat v)
{
    c->fmt = fmt;
    c->align = JX_RA_RIGHT;
    c->has_value = true;
    c->value = v;
}

/* The export as a report document with one table, sheet 排名: the
 * header row, then one row per unit; ranks, versions, scores and counts
 * as numbers (a pending 考核分 as its range in words). */
static struct jx_report_doc *export_doc(struct jx_arena *a,
                                        const struct jx_ws_status *st,
                                        const struct jx_ws_unit_status *const *v)
{
    const char *title = jx_sprintf(a, "%d 年度预算绩效自评排名", st->year.year);
    struct jx_report_doc *d = jx_report_new(a, title);
    d->year = st->year.year;
    struct jx_rtable *t = jx_report_table(d, NCOLS, 1);
    t->title = title;
    t->sheet = "排名";
    t->widths = widths;
    t->above_left = jx_sprintf(a, "评价框架：%s", st->framework);
    t->above_right = jx_sprintf(
        a, "报送截止：%s；公开截止：%s",
        st->year.submit_by.y ? jx_cli_date_text(a, st->year.submit_by) : "未设",
        st->year.publish_by.y ? jx_cli_date_text(a, st->year.publish_by) : "未设");
    for (int k = 0; k < NCOLS; k++) {
        struct jx_rcell *c = jx_rtable_cell(d, t, 0, k, 1, 1, heads[k]);
        c->header = true;
        c->align = JX_RA_CENTER;
    }
    for (size_t i = 0; i < st->n; i++) {
        const struct jx_ws_unit_status *u = v[i];
        const char *cells[NCOLS];
        row_cells(a, u, cells);
        int r = (int)i + 1;
        /* a cell pointer holds only until the next cell is added */
        for (int k = 0; k < NCOLS; k++) {
            struct jx_rcell *c = jx_rtable_cell(d, t, r, k, 1, 1, cells[k]);
            struct jx_rat n;
            bool pct;
            if (k == C_ASSESS) {
                if (assess_final(u)) {
                    cell_number(c, JX_RF_SCORE, u->assessment->total.value);
                }
            } else if ((k == C_RANK || k == C_VERSION || k == C_SELF ||
                        k == C_REVIEW || k >= C_ERRORS) &&
                       cells[k][0] &&
                       jx_rat_parse(cells[k], strlen(cells[k]), &n, &pct,
                                    NULL) == JX_NUM_OK &&
                       !pct) {
                cell_number(c,
                            k == C_SELF || k == C_REVIEW ? JX_RF_SCORE
                                                         : JX_RF_COUNT,
                            n);
            }
        }
    }
    return d;
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
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        } else {
            return jx_cli_usage_error(self, "多余的参数“%s”", argv[i]);
        }
    }
    if (wa.year == 0) {
        return jx_cli_usage_error(self, "缺少 --year YEAR");
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
        const struct jx_ws_unit_status **v = jx_ws_status_ranked(a, &st);
        struct jx_report_doc *doc = export_doc(a, &st, v);
        rc = jx_cli_write_doc(doc, "xlsx", out) == 0 ? JX_EXIT_OK : JX_EXIT_IO;
    } else {
        const struct jx_ws_unit_status **v = jx_ws_status_ranked(a, &st);
        struct jx_buf b;
        jx_buf_init(&b, 1u << 30);
        if (strcmp(format, "csv") == 0) {
            export_csv(a, &st, v, &b);
        } else {
            export_json(a, &st, v, &b);
        }
        if (b.toobig) {
            fprintf(stderr, "jixiao export: 输出过大，未写入\n");
            rc = JX_EXIT_IO;
        } else if (strcmp(out, "-") == 0) {
            rc = jx_cli_write(&b) == 0 ? JX_EXIT_OK : JX_EXIT_IO;
        } else if (jx_write_file_atomic(out, b.p, b.len) != 0) {
            fprintf(stderr, "jixiao export: 无法写入“%s”：%s\n", out,
                    strerror(errno));
            rc = JX_EXIT_IO;
        }
        jx_buf_release(&b);
    }
    jx_arena_free(a);
    return rc;
}
