/*
 * cmd_evaluate.c - `jixiao evaluate FILE... [-o DIR] [--formats LIST]
 * [--framework ID] [--submitted DATE] [--published DATE]`: the whole job
 * for each input — import, score, check, assess (when dates are known),
 * and the documents (自评报告, 审核意见, 考核评分表) in every format — then a
 * summary table on the terminal (with a progress bar when stderr is a
 * terminal) and DIR/index.html ranking the units with links to their
 * documents.
 *
 * Each input gets DIR/<name>/ (the file name without its extension);
 * every file is written to a temporary name and renamed on success.
 */
#include "cli.h"

#include "jixiao/framework.h"
#include "jixiao/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The result of one input, for the summary and the index. */
struct unit_row {
    const char *file, *dir;        /* input and its output directory name */
    const char *unit;
    long long year;
    bool ok;                       /* loaded and written */
    bool has_total, has_stated, has_assess;
    size_t judge;                  /* assessment items left to judgement */
    struct jx_rat total, stated, assess;
    const char *grade;
    size_t errors, warnings;
    bool wrote[4];                 /* report.{docx,xlsx,html,pdf} */
    bool findings_html, assessment_html;
};

/* Options. */
struct eopts {
    const char *dir;
    bool formats[4];               /* docx, xlsx, html, pdf */
    struct jx_fw_args fa;          /* --framework, --submitted, … */
    struct jx_run *run;            /* the pipeline's run */
};

static const char *const fmt_names[4] = {"docx", "xlsx", "html", "pdf"};

/* mkdir that accepts an existing directory; false after printing why. */
static bool ensure_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST) {
        return true;
    }
    fprintf(stderr, "jixiao evaluate: 无法创建目录“%s”：%s\n", path,
            strerror(errno));
    return false;
}

/* The base name of path without directories and extension (arena). */
static const char *stem(struct jx_arena *a, const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
    return jx_strndup(a, b, n);
}

/* Draw the progress bar for done of n on stderr (a terminal). */
static void progress(size_t done, size_t n, const char *what)
{
    enum { W = 30 };
    size_t fill = n ? done * W / n : W;
    fputc('\r', stderr);
    fputc('[', stderr);
    for (size_t i = 0; i < W; i++) {
        fputs(i < fill ? "#" : " ", stderr);
    }
    fprintf(stderr, "] %zu/%zu %s\033[K", done, n, what);
    fflush(stderr);
}

/* Write document d in format to dir/name.format; true on success. */
static bool write_one(struct jx_arena *a, const struct jx_report_doc *d,
                      const char *dir, const char *name, const char *format)
{
    return jx_cli_write_doc(d, format,
                            jx_sprintf(a, "%s/%s.%s", dir, name, format)) == 0;
}

/* Evaluate one input into row; false when it could not be read. */
static bool evaluate_one(struct jx_arena *a, const struct eopts *o,
                         const char *file, struct unit_row *row)
{
    memset(row, 0, sizeof *row);
    row->file = file;
    row->dir = stem(a, file);
    struct jx_input_opts io = jx_cli_input_opts(&o->fa);
    io.only_dated = true; /* assess when the dates are known */
    struct jx_result *in = jx_cli_input(o->run, file, &io);
    if (in->status != JX_INPUT_OK) {
        jx_result_free(in);
        return false;
    }
    if (in->fw_failed) {
        jx_cli_fw_failed(in, o->fa.framework);
    }
    const struct jx_package *p = in->pkg;
    const struct jx_diags *diags = &in->diags;
    row->unit = jx_strdup(a, p->unit.name.s ? p->unit.name.s : "");
    row->year = p->year.present ? (long long)p->year.v : 0;
    const struct jx_eval *ev = in->ev;
    row->errors = diags->count[JX_SEV_ERROR];
    row->warnings = diags->count[JX_SEV_WARNING];
    if (ev && ev->nsheets && p->has_unit_sheet) {
        const struct jx_sheet_eval *se = &ev->sheets[0];
        row->has_total = se->total.has_value;
        row->total = se->total.value;
        row->has_stated = se->total.has_stated;
        row->stated = se->total.stated;
        row->grade = se->total.has_value ? jx_grade_zh(se->grade) : NULL;
    }
    struct jx_fw_result *fr = in->assessment;
    if (fr && fr->total.has_value) {
        row->has_assess = true;
        row->assess = fr->total.value;
        row->judge = fr->njudge;
    }
    const char *dir = jx_sprintf(a, "%s/%s", o->dir, row->dir);
    if (!ensure_dir(dir)) {
        jx_result_free(in);
        return false;
    }
    /* the report to hand in: the findings and the 考核评分表 are
     * documents of their own */
    struct jx_report_opts ro = {false, false, NULL};
    struct jx_report_doc *rep = jx_report_build(a, p, ev, diags, &ro);
    bool all = true;
    for (int f = 0; f < 4; f++) {
        if (o->formats[f]) {
            row->wrote[f] = write_one(a, rep, dir, "report", fmt_names[f]);
            all = all && row->wrote[f];
        }
    }
    struct jx_report_doc *fd = jx_report_findings(a, p, diags);
    for (int f = 0; f < 4; f++) {
        if (o->formats[f] && f != 1) { /* no tables: no workbook */
            bool w = write_one(a, fd, dir, "findings", fmt_names[f]);
            all = all && w;
            row->findings_html = row->findings_html || (f == 2 && w);
        }
    }
    if (fr) {
        struct jx_report_doc *ad = jx_report_assessment(a, fr);
        for (int f = 0; f < 4; f++) {
            if (o->formats[f]) {
                bool w = write_one(a, ad, dir, "assessment", fmt_names[f]);
                all = all && w;
                row->assessment_html = row->assessment_html || (f == 2 && w);
            }
        }
    }
    row->ok = all;
    jx_result_free(in);
    return true;
}

/* A score as text, "—" when absent (arena). */
static const char *score_text(struct jx_arena *a, bool has, struct jx_rat v)
{
    char b[JX_NUM_BUFSZ];
    return has ? jx_strdup(a, jx_rat_format(v, 2, false, JX_ROUND_HALF_UP, b))
               : "—";
}

/* The rows in ranking order: recomputed total, highest first (units
 * without one last, in input order). */
static void rank(struct unit_row **order, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        struct unit_row *x = order[i];
        size_t j = i;
        while (j > 0 && x->has_total &&
               (!order[j - 1]->has_total ||
                jx_rat_cmp(order[j - 1]->total, x->total) < 0)) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = x;
    }
}

/* The summary table for the terminal. */
static void summary(struct jx_arena *a, struct unit_row **order, size_t n,
                    struct jx_buf *b)
{
    static const char *const head[8] = {"名次", "单位", "年度", "复核总分",
                                        "等级", "自评总分", "错误/警告",
                                        "考核得分"};
    const char **cells = jx_alloc_array(a, (n + 1) * 8, sizeof *cells);
    for (int k = 0; k < 8; k++) {
        cells[k] = head[k];
    }
    for (size_t i = 0; i < n; i++) {
        const struct unit_row *r = order[i];
        const char **c = cells + (i + 1) * 8;
        c[0] = jx_sprintf(a, "%zu", i + 1);
        c[1] = r->unit ? r->unit : r->file;
        c[2] = r->year ? jx_sprintf(a, "%lld", r->year) : "—";
        c[3] = score_text(a, r->has_total, r->total);
        c[4] = r->grade ? r->grade : "—";
        c[5] = score_text(a, r->has_stated, r->stated);
        c[6] = r->unit ? jx_sprintf(a, "%zu/%zu", r->errors, r->warnings)
                       : "无法读取";
        c[7] = r->has_assess && r->judge
                   ? jx_sprintf(a, "%s（%zu 项待判断）",
                                score_text(a, true, r->assess), r->judge)
                   : score_text(a, r->has_assess, r->assess);
    }
    size_t w[8] = {0};
    for (size_t i = 0; i <= n; i++) {
        for (int k = 0; k < 8; k++) {
            size_t x = jx_utf8_width(cells[i * 8 + k]);
            w[k] = x > w[k] ? x : w[k];
        }
    }
    for (size_t i = 0; i <= n; i++) {
        for (int k = 0; k < 8; k++) {
            bool right = k == 0 || k == 3 || k == 5 || k == 7;
            jx_buf_addpad(b, cells[i * 8 + k], k == 7 ? 0 : w[k], right);
            jx_buf_adds(b, k == 7 ? "\n" : "  ");
        }
    }
}

/* DIR/index.html: the ranking with links to each unit's documents. */
static bool write_index(struct jx_arena *a, const struct eopts *o,
                        struct unit_row **order, size_t n)
{
    struct jx_report_doc *d = jx_report_new(
        a, jx_sprintf(a, "预算绩效自评汇总（%zu 个单位）", n));
    d->subtitle = "按复核总分排序；点击查看每个单位的自评报告、审核意见和考核评分表";
    jx_report_para(d, JX_RS_BODY,
                   "复核总分是按评分规则重新计算的整体支出绩效自评表总分；"
                   "错误和警告是 jixiao check 的发现数；考核得分是考核评分表的得分"
                   "（有报送、公开日期时计算）。");
    struct jx_rtable *t = jx_report_table(d, 10, 1);
    t->title = "单位排名";
    static const char *const head[10] = {"名次", "单位", "年度", "复核总分",
                                         "等级", "自评总分", "错误", "警告",
                                         "考核得分", "文件"};
    for (int k = 0; k < 10; k++) {
        jx_rtable_cell(d, t, 0, k, 1, 1, head[k]);
    }
    int row = 1;
    for (size_t i = 0; i < n; i++) {
        const struct unit_row *r = order[i];
        jx_rtable_cell(d, t, row, 0, 1, 1, jx_sprintf(a, "%zu", i + 1))->align =
            JX_RA_RIGHT;
        struct jx_rcell *c = jx_rtable_cell(d, t, row, 1, 1, 1,
                                            r->unit ? r->unit : r->file);
        if (r->wrote[2]) {
            c->link = jx_sprintf(a, "%s/report.html", r->dir);
        }
        jx_rtable_cell(d, t, row, 2, 1, 1,
                       r->year ? jx_sprintf(a, "%lld", r->year) : "—");
        c = jx_rtable_cell(d, t, row, 3, 1, 1,
                           score_text(a, r->has_total, r->total));
        c->align = JX_RA_RIGHT;
        c->fmt = JX_RF_SCORE;
        jx_rtable_cell(d, t, row, 4, 1, 1, r->grade ? r->grade : "—");
        c = jx_rtable_cell(d, t, row, 5, 1, 1,
                           score_text(a, r->has_stated, r->stated));
        c->align = JX_RA_RIGHT;
        c->flagged = r->has_total && r->has_stated &&
                     jx_rat_cmp(r->total, r->stated) != 0;
        jx_rtable_cell(d, t, row, 6, 1, 1, jx_sprintf(a, "%zu", r->errors))
            ->align = JX_RA_RIGHT;
        jx_rtable_cell(d, t, row, 7, 1, 1, jx_sprintf(a, "%zu", r->warnings))
            ->align = JX_RA_RIGHT;
        struct jx_buf b;
        jx_buf_init(&b, 4096);
        for (int f = 0; f < 4; f++) {
            if (r->wrote[f]) {
                jx_buf_addf(&b, "%s%s", b.len ? " " : "", fmt_names[f]);
            }
        }
        c = jx_rtable_cell(d, t, row, 8, 1, 1,
                           r->has_assess && r->judge
                               ? jx_sprintf(a, "%s（%zu 项待判断）",
                                            score_text(a, true, r->assess),
                                            r->judge)
                               : score_text(a, r->has_assess, r->assess));
        c->align = JX_RA_RIGHT;
        if (r->assessment_html) {
            c->link = jx_sprintf(a, "%s/assessment.html", r->dir);
        }
        jx_rtable_cell(d, t, row, 9, 1, 1, b.len ? b.p : "—");
        jx_buf_release(&b);
        row++;
    }
    /* per unit: every document as a link */
    jx_report_heading(d, 2, "各单位文件");
    struct jx_rtable *f = jx_report_table(d, 5, 1);
    static const char *const fh[5] = {"单位", "自评报告", "审核意见", "考核评分表",
                                      "PDF / DOCX / XLSX"};
    for (int k = 0; k < 5; k++) {
        jx_rtable_cell(d, f, 0, k, 1, 1, fh[k]);
    }
    for (size_t i = 0; i < n; i++) {
        const struct unit_row *r = order[i];
        int rr = (int)i + 1;
        jx_rtable_cell(d, f, rr, 0, 1, 1, r->unit ? r->unit : r->file);
        struct jx_rcell *c = jx_rtable_cell(d, f, rr, 1, 1, 1,
                                            r->wrote[2] ? "HTML" : "—");
        c->link = r->wrote[2] ? jx_sprintf(a, "%s/report.html", r->dir) : NULL;
        c = jx_rtable_cell(d, f, rr, 2, 1, 1, r->findings_html ? "HTML" : "—");
        c->link = r->findings_html ? jx_sprintf(a, "%s/findings.html", r->dir)
                                   : NULL;
        c = jx_rtable_cell(d, f, rr, 3, 1, 1,
                           r->assessment_html ? "HTML" : "—");
        c->link = r->assessment_html
                      ? jx_sprintf(a, "%s/assessment.html", r->dir)
                      : NULL;
        const char *doc = r->wrote[3] ? "PDF" : r->wrote[0] ? "DOCX" : "—";
        c = jx_rtable_cell(d, f, rr, 4, 1, 1, doc);
        c->link = r->wrote[3]   ? jx_sprintf(a, "%s/report.pdf", r->dir)
                  : r->wrote[0] ? jx_sprintf(a, "%s/report.docx", r->dir)
                                : NULL;
    }
    return jx_cli_write_doc(d, "html", jx_sprintf(a, "%s/index.html", o->dir)) ==
           0;
}

/* Parse the options; JX_EXIT_OK or a usage error.  files gets the
 * inputs (argv pointers), *nfiles their count. */
static int parse(const struct jx_cmd *self, int argc, char **argv,
                 struct eopts *o, const char **files, size_t *nfiles)
{
    bool opts = true, any_format = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = NULL;
        int m;
        if (opts && strcmp(arg, "--") == 0) {
            opts = false;
        } else if (opts && ((m = jx_cli_optval(argc, argv, &i, "-o", &val)) ||
                            (m = jx_cli_optval(argc, argv, &i, "--output",
                                               &val)))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "-o 缺少输出目录");
            }
            o->dir = val;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i, "--formats",
                                              &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--formats 缺少格式列表");
            }
            for (const char *p = val; *p;) {
                const char *e = strchr(p, ',');
                size_t n = e ? (size_t)(e - p) : strlen(p);
                int f = -1;
                for (int k = 0; k < 4; k++) {
                    if (strlen(fmt_names[k]) == n &&
                        strncmp(p, fmt_names[k], n) == 0) {
                        f = k;
                    }
                }
                if (f < 0) {
                    return jx_cli_usage_error(
                        self, "--formats 应为 docx、xlsx、html、pdf 的组合");
                }
                o->formats[f] = any_format = true;
                p += n + (e ? 1 : 0);
            }
        } else if (opts && (m = jx_cli_fw_arg(self, argc, argv, &i, &o->fa))) {
            if (m < 0) {
                return JX_EXIT_USAGE;
            }
        } else if (opts && arg[0] == '-' && arg[1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", arg);
        } else {
            files[(*nfiles)++] = arg;
        }
    }
    if (!*nfiles) {
        return jx_cli_usage_error(self, "缺少文件");
    }
    if (!any_format) {
        for (int k = 0; k < 4; k++) {
            o->formats[k] = true;
        }
    }
    if (!o->dir) {
        o->dir = "jixiao-out";
    }
    if (!o->fa.framework) {
        o->fa.framework = "yueyang-louqu-2025";
    }
    return JX_EXIT_OK;
}

/* `jixiao evaluate`. */
int jx_cmd_evaluate(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("evaluate");
    struct eopts o;
    memset(&o, 0, sizeof o);
    const char **files = calloc((size_t)argc, sizeof *files);
    if (!files) {
        return JX_EXIT_BUG;
    }
    size_t n = 0;
    int rc = parse(self, argc, argv, &o, files, &n);
    if (rc != JX_EXIT_OK) {
        free(files);
        return rc;
    }
    if (!ensure_dir(o.dir)) {
        free(files);
        return JX_EXIT_IO;
    }
    o.run = jx_cli_run(&o.fa, NULL, NULL);
    struct jx_arena *a = jx_arena_new();
    struct unit_row *rows = jx_alloc_array(a, n, sizeof *rows);
    struct unit_row **order = jx_alloc_array(a, n, sizeof *order);
    bool tty = isatty(2);
    bool any_error = false, any_io = false, any_unread = false;
    for (size_t i = 0; i < n; i++) {
        if (tty) {
            progress(i, n, files[i]);
        }
        if (!evaluate_one(a, &o, files[i], &rows[i])) {
            any_unread = true;
            rows[i].unit = NULL;
        }
        any_io = any_io || (rows[i].unit && !rows[i].ok);
        any_error = any_error || rows[i].errors > 0;
        order[i] = &rows[i];
    }
    if (tty) {
        progress(n, n, "完成");
        fputc('\n', stderr);
    }
    rank(order, n);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    summary(a, order, n, &b);
    bool index = write_index(a, &o, order, n);
    jx_buf_addf(&b, "\n共 %zu 个文件，输出在 %s/（汇总：%s/index.html）\n", n,
                o.dir, o.dir);
    if (jx_cli_write(&b) < 0) {
        any_io = true;
    }
    jx_buf_release(&b);
    jx_arena_free(a);
    jx_run_free(o.run);
    free(files);
    if (any_io || !index) {
        return JX_EXIT_IO;
    }
    if (any_unread) {
        return JX_EXIT_USAGE;
    }
    return any_error ? JX_EXIT_FINDINGS : JX_EXIT_OK;
}
