/*
 * export.c - the year's export (export.h): the columns of the ranking,
 * one unit's cells as text, the CSV and the report document with the
 * sheet 排名 (moved here from cli/cmd_export.c so that `jixiao export`
 * and the portal give the same bytes), and XLSX bytes through a
 * temporary file for front ends that serve them.
 */
#include "jixiao/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jixiao/framework.h"
#include "jixiao/template.h"

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

/* See export.h. */
const char *jx_export_date_text(struct jx_arena *a, struct jx_cal_date d)
{
    return jx_sprintf(a, "%04d-%02d-%02d", d.y, d.m, d.d);
}

/* See export.h. */
const char *jx_export_moment_words(struct jx_arena *a,
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

/* See export.h. */
const char *jx_export_assess_text(const struct jx_ws_unit_status *u)
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
    cells[C_SUBMIT] = jx_export_moment_words(a, m);
    cells[C_SUBMIT_DATE] = m->present ? jx_export_date_text(a, m->date) : "";
    m = &u->timeliness.publish;
    cells[C_PUBLISH] = jx_export_moment_words(a, m);
    cells[C_PUBLISH_DATE] = m->present ? jx_export_date_text(a, m->date) : "";
    cells[C_SELF] = u->version && u->self_value ? u->self_value : "";
    cells[C_SELF_GRADE] = u->version && u->self_grade ? u->self_grade : "";
    cells[C_ASSESS] = jx_export_assess_text(u);
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

/* Append one CSV record (CRLF-terminated). */
static void csv_record(struct jx_buf *b, const char *const cells[NCOLS])
{
    for (int k = 0; k < NCOLS; k++) {
        if (k) {
            jx_buf_addc(b, ',');
        }
        jx_buf_csv_field(b, cells[k]);
    }
    jx_buf_adds(b, "\r\n");
}

/* See export.h. */
int jx_export_csv(struct jx_arena *a, const struct jx_ws_status *st,
                  struct jx_buf *out)
{
    const struct jx_ws_unit_status **v = jx_ws_status_ranked(a, st);
    jx_buf_adds(out, "\xEF\xBB\xBF");
    csv_record(out, heads);
    for (size_t i = 0; i < st->n; i++) {
        const char *cells[NCOLS];
        row_cells(a, v[i], cells);
        csv_record(out, cells);
    }
    return out->toobig ? -1 : 0;
}

/* Set c to the number v in format fmt. */
static void cell_number(struct jx_rcell *c, enum jx_rfmt fmt, struct jx_rat v)
{
    c->fmt = fmt;
    c->align = JX_RA_RIGHT;
    c->has_value = true;
    c->value = v;
}

/* See export.h (a pending 考核分 is its text, not a number). */
struct jx_report_doc *jx_export_doc(struct jx_arena *a,
                                    const struct jx_ws_status *st)
{
    const struct jx_ws_unit_status **v = jx_ws_status_ranked(a, st);
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
        st->year.submit_by.y ? jx_export_date_text(a, st->year.submit_by) : "未设",
        st->year.publish_by.y ? jx_export_date_text(a, st->year.publish_by) : "未设");
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

/* A new private temporary directory ($TMPDIR or /tmp) as a malloc'd
 * path, or NULL with errno set. */
static char *tmpdir_new(void)
{
    const char *t = getenv("TMPDIR");
    if (!t || !*t) {
        t = "/tmp";
    }
    size_t n = strlen(t) + 32;
    char *p = malloc(n);
    if (!p) {
        jx_oom();
    }
    int w = snprintf(p, n, "%s/jx-exp.XXXXXX", t);
    if (w < 0 || (size_t)w >= n || !mkdtemp(p)) {
        free(p);
        return NULL;
    }
    return p;
}

/* Append the file at path to out and remove it and its directory dir
 * (freed): 0, or -1 with errno set. */
static int take_file(char *dir, const char *path, struct jx_buf *out)
{
    char *data = NULL;
    size_t len = 0;
    int rc = jx_read_file(path, JX_REPORT_MAX_BYTES, &data, &len);
    int err = errno;
    remove(path);
    rmdir(dir);
    free(dir);
    if (rc == 0) {
        rc = jx_buf_add(out, data, len) == 0 && !out->toobig ? 0 : -1;
        err = rc ? EFBIG : 0;
    }
    free(data);
    errno = err;
    return rc;
}

/* See export.h. */
int jx_export_xlsx_bytes(const struct jx_report_doc *d, struct jx_buf *out,
                         struct jx_diags *diags)
{
    char *dir = tmpdir_new();
    if (!dir) {
        struct jx_loc loc = {0};
        jx_diag_add(diags, "R301", JX_SEV_ERROR, &loc,
                    "无法写入 XLSX 文件：无法建立临时目录");
        return -1;
    }
    char *path = jx_sprintf(diags->arena, "%s/export.xlsx", dir);
    if (jx_report_xlsx_as(d, path, NULL, diags) != 0) {
        remove(path);
        rmdir(dir);
        free(dir);
        return -1;
    }
    if (take_file(dir, path, out) != 0) {
        struct jx_loc loc = {0};
        jx_diag_add(diags, "R301", JX_SEV_ERROR, &loc,
                    "无法写入 XLSX 文件：无法读回临时文件");
        return -1;
    }
    return 0;
}

/* See export.h. */
int jx_export_template_bytes(int year, struct jx_buf *out, const char **why)
{
    char *dir = tmpdir_new();
    if (!dir) {
        if (why) {
            *why = "无法建立临时目录";
        }
        return -1;
    }
    size_t n = strlen(dir) + 16;
    char *path = malloc(n);
    if (!path) {
        jx_oom();
    }
    snprintf(path, n, "%s/tpl.xlsx", dir);
    int rc;
    if (jx_template_xlsx_write(path, year, why) != 0) {
        int err = errno;
        remove(path);
        rmdir(dir);
        free(dir);
        errno = err;
        rc = -1;
    } else {
        rc = take_file(dir, path, out);
        if (rc != 0 && why) {
            *why = "无法读回临时文件";
        }
    }
    free(path);
    return rc;
}
