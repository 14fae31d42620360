/*
 * cmd_score.c - `jixiao score FILE`: load a package, score it, and print
 * the recomputed numbers beside the stated ones as an aligned Chinese
 * table (or Evaluation JSON with --json), then the findings (the same
 * as `check`'s: one pipeline, lib/pipeline); with
 * --framework ID, under that rule framework instead (as `assess`).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Widest a cell of these columns is printed, in display columns. */
enum { NAME_MAX_W = 30, VALUE_MAX_W = 20 };

/* A copy of s in arena cut to at most w display columns; a cut string
 * ends in "…" (which counts 2 columns). */
static const char *cut(struct jx_arena *a, const char *s, size_t w)
{
    if (jx_utf8_width(s) <= w) {
        return s;
    }
    size_t n = strlen(s);
    size_t i = 0, used = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        size_t step = k > 0 ? (size_t)k : 1;
        char one[8];
        memcpy(one, s + i, step);
        one[step] = '\0';
        size_t cw = jx_utf8_width(one);
        if (used + cw + 2 > w) {
            break;
        }
        used += cw;
        i += step;
    }
    return jx_sprintf(a, "%.*s…", (int)i, s);
}

/* The agreement as a short Chinese word. */
static const char *agree_zh(enum jx_agree g)
{
    switch (g) {
    case JX_AGREE_YES:
        return "是";
    case JX_AGREE_ROUNDING:
        return "舍入";
    case JX_AGREE_NO:
        return "否";
    case JX_AGREE_NA:
        break;
    }
    return "—";
}

/* An exact rational as text in arena ("—" when absent). */
static const char *exact_or_dash(struct jx_arena *a, bool present,
                                 struct jx_rat v, bool percent)
{
    if (!present) {
        return "—";
    }
    char buf[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(v, percent, buf)) {
        jx_rat_format(v, 6, percent, JX_ROUND_HALF_UP, buf);
    }
    return jx_strdup(a, buf);
}

/* An item's computed value as text in arena ("—" when absent). */
static const char *value_or_dash(struct jx_arena *a, const struct jx_item *it)
{
    if (!it->has_value) {
        return "—";
    }
    char buf[JX_NUM_BUFSZ];
    jx_rat_format(it->value, it->scale, it->percent, JX_ROUND_HALF_UP, buf);
    return jx_strdup(a, buf);
}

/* Columns of the indicator table. */
enum { C_NO, C_NAME, C_TARGET, C_ACTUAL, C_POINTS, C_STATED, C_VALUE,
       C_RULE, C_AGREE, C_COUNT };

/* Append the formula and note of an item, indented, when explaining. */
static void explain(struct jx_buf *b, const struct jx_item *it,
                    const char *indent)
{
    if (it->formula) {
        jx_buf_addf(b, "%s算式：%s\n", indent, it->formula);
    }
    if (it->note) {
        jx_buf_addf(b, "%s说明：%s\n", indent, it->note);
    }
}

/* Append one row of cells padded to the column widths. */
static void add_row(struct jx_buf *b, const char *const *cells,
                    const size_t *w)
{
    jx_buf_adds(b, "  ");
    for (int c = 0; c < C_COUNT; c++) {
        bool right = c == C_NO || c == C_POINTS || c == C_STATED ||
                     c == C_VALUE;
        if (c == C_COUNT - 1) {
            jx_buf_adds(b, cells[c]);
        } else {
            jx_buf_addpad(b, cells[c], w[c], right);
            jx_buf_adds(b, "  ");
        }
    }
    /* trailing spaces of padded cells are not wanted at line end */
    while (b->len && b->p[b->len - 1] == ' ') {
        b->p[--b->len] = '\0';
    }
    jx_buf_addc(b, '\n');
}

/* Append the indicator table of one sheet. */
static void add_indicators(struct jx_buf *b, struct jx_arena *a,
                           const struct jx_sheet_eval *se, bool expl)
{
    static const char *const head[C_COUNT] = {
        "序号", "三级指标", "年度指标值", "实际完成值", "分值",
        "自评得分", "复核得分", "规则", "一致"};
    size_t n = se->nindicators;
    const char **cells = jx_alloc_array(a, (n + 1) * C_COUNT, sizeof *cells);
    for (int c = 0; c < C_COUNT; c++) {
        cells[c] = head[c];
    }
    for (size_t i = 0; i < n; i++) {
        const struct jx_item *it = &se->indicators[i];
        const struct jx_indicator *r = &se->sheet->indicators[i];
        const char **row = cells + (i + 1) * C_COUNT;
        row[C_NO] = jx_sprintf(a, "%zu", i + 1);
        row[C_NAME] = cut(a, it->label, NAME_MAX_W);
        row[C_TARGET] = cut(a, r->target.s && *r->target.s ? r->target.s
                                                           : "—",
                            VALUE_MAX_W);
        row[C_ACTUAL] = cut(a, r->actual.s && *r->actual.s ? r->actual.s
                                                           : "—",
                            VALUE_MAX_W);
        row[C_POINTS] = exact_or_dash(a, it->has_points, it->points, false);
        row[C_STATED] = exact_or_dash(a, it->has_stated, it->stated, false);
        row[C_VALUE] = value_or_dash(a, it);
        row[C_RULE] = it->rule ? it->rule : "—";
        row[C_AGREE] = agree_zh(it->agrees);
    }
    size_t w[C_COUNT] = {0};
    for (size_t i = 0; i <= n; i++) {
        for (int c = 0; c < C_COUNT; c++) {
            size_t cw = jx_utf8_width(cells[i * C_COUNT + (size_t)c]);
            if (cw > w[c]) {
                w[c] = cw;
            }
        }
    }
    for (size_t i = 0; i <= n; i++) {
        add_row(b, cells + i * C_COUNT, w);
        if (expl && i > 0) {
            explain(b, &se->indicators[i - 1], "        ");
        }
    }
}

/* Append the stated side of an item: "表中 X，一致" or "表中未填". */
static void add_stated(struct jx_buf *b, struct jx_arena *a,
                       const struct jx_item *it)
{
    if (it->has_stated) {
        jx_buf_addf(b, "表中 %s，%s",
                    exact_or_dash(a, true, it->stated, it->percent),
                    it->agrees == JX_AGREE_YES        ? "一致"
                    : it->agrees == JX_AGREE_ROUNDING ? "相差在舍入范围内"
                    : it->agrees == JX_AGREE_NO       ? "不一致"
                                                      : "无法比较");
    } else {
        jx_buf_adds(b, "表中未填");
    }
}

/* Append the scoring of one sheet. */
static void add_sheet(struct jx_buf *b, struct jx_arena *a,
                      const struct jx_sheet_eval *se, bool expl)
{
    jx_buf_addf(b, "== %s ==\n", se->label);
    const struct jx_item *r = &se->rate;
    jx_buf_addf(b, "执行率：%s（", r->formula);
    add_stated(b, a, r);
    jx_buf_adds(b, "）\n");
    if (expl && r->note) {
        jx_buf_addf(b, "    说明：%s\n", r->note);
    }
    const struct jx_item *e = &se->exec_score;
    jx_buf_addf(b, "执行率得分：%s（分值 %s；", e->formula,
                exact_or_dash(a, e->has_points, e->points, false));
    add_stated(b, a, e);
    jx_buf_adds(b, "）\n");
    if (expl && e->note) {
        jx_buf_addf(b, "    说明：%s\n", e->note);
    }
    if (se->nindicators) {
        jx_buf_adds(b, "绩效指标：\n");
        add_indicators(b, a, se, expl);
    } else {
        jx_buf_adds(b, "绩效指标：无\n");
    }
    jx_buf_adds(b, "一级指标分值：");
    bool first = true;
    for (int k = 0; k < JX_BLOCK_COUNT; k++) {
        const struct jx_item *bl = &se->blocks[k];
        if (!bl->has_value) {
            continue;
        }
        jx_buf_addf(b, "%s%s %s", first ? "" : "；", bl->label,
                    value_or_dash(a, bl));
        if (k != JX_BLOCK_OTHER) {
            jx_buf_addf(b, "（应为 %s%s）",
                        exact_or_dash(a, true, bl->points, false),
                        bl->agrees == JX_AGREE_YES ? "，一致" : "，不一致");
        }
        first = false;
    }
    jx_buf_addc(b, '\n');
    const struct jx_item *pt = &se->points_total;
    jx_buf_addf(b, "分值合计：%s（应为 100%s）\n", pt->formula,
                pt->agrees == JX_AGREE_YES ? "，一致" : "，不一致");
    const struct jx_item *t = &se->total;
    jx_buf_addf(b, "总分：复核 %s；", value_or_dash(a, t));
    add_stated(b, a, t);
    jx_buf_addc(b, '\n');
    if (expl) {
        explain(b, t, "    ");
    }
    jx_buf_addf(b, "等级：%s", se->grade ? jx_grade_zh(se->grade) : "—");
    if (se->stated_grade) {
        jx_buf_addf(b, "（按表中总分为“%s”）", jx_grade_zh(se->stated_grade));
    }
    jx_buf_adds(b, "\n\n");
}

/* Append the whole human-readable evaluation and its findings. */
static void add_eval(struct jx_buf *b, struct jx_arena *a,
                     const struct jx_eval *ev, const struct jx_diags *d,
                     bool expl)
{
    const struct jx_package *p = ev->pkg;
    jx_buf_addf(b, "%s", p->unit.name.s ? p->unit.name.s : "（未填单位名称）");
    if (p->year.present) {
        jx_buf_addf(b, " %lld年度", (long long)p->year.v);
    }
    jx_buf_adds(b, " 绩效自评复核\n");
    const struct jx_policy *pol = &ev->policy;
    jx_buf_addf(b, "计分政策：执行率得分%s，%s；超额完成阈值 %s；舍入容差 %s\n\n",
                pol->exec_rounding == JX_EXEC_SINGLE_ROUND
                    ? "按精确执行率一次舍入"
                    : "先舍入执行率再乘分值",
                pol->exec_cap ? "以分值封顶" : "不封顶",
                exact_or_dash(a, true, pol->over_threshold, true),
                exact_or_dash(a, true, pol->tolerance, false));
    if (ev->nsheets == 0) {
        jx_buf_adds(b, "没有可评分的自评表\n\n");
    }
    for (size_t i = 0; i < ev->nsheets; i++) {
        add_sheet(b, a, &ev->sheets[i], expl);
    }
    size_t total = d->count[0] + d->count[1] + d->count[2] + d->count[3];
    if (total == 0) {
        jx_buf_adds(b, "发现：无\n");
    } else {
        jx_buf_addf(b, "发现（%zu 条）：\n", total);
        jx_cli_format_diags(b, d, 0);
    }
    jx_buf_adds(b, "小计：");
    jx_cli_counts(b, d);
    jx_buf_addc(b, '\n');
}

/* Append one summary line: unit, year, then per sheet its recomputed
 * total and grade beside the stated total, then the finding counts. */
static void add_summary(struct jx_buf *b, struct jx_arena *a,
                        const struct jx_eval *ev, const struct jx_diags *d)
{
    const struct jx_package *p = ev->pkg;
    jx_buf_addf(b, "%s", p->unit.name.s ? p->unit.name.s : "（未填单位名称）");
    if (p->year.present) {
        jx_buf_addf(b, " %lld年度", (long long)p->year.v);
    }
    for (size_t i = 0; i < ev->nsheets; i++) {
        const struct jx_sheet_eval *se = &ev->sheets[i];
        const struct jx_item *t = &se->total;
        jx_buf_addf(b, "；%s 总分 %s %s（表中 %s）", se->label,
                    value_or_dash(a, t),
                    se->grade ? jx_grade_zh(se->grade) : "—",
                    exact_or_dash(a, t->has_stated, t->stated, false));
    }
    jx_buf_adds(b, "；");
    jx_cli_counts(b, d);
    jx_buf_addc(b, '\n');
}

/* `jixiao score FILE [--json] [--explain] [--summary]
 * [--policy NAME=VALUE]...`. */
int jx_cmd_score(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("score");
    struct jx_policy pol;
    jx_policy_default(&pol);
    bool json = false, expl = false, summary = false, opts = true;
    const char *file = NULL, *framework = NULL, *fwdir = NULL;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = NULL;
        int m;
        if (opts && strcmp(arg, "--") == 0) {
            opts = false;
        } else if (opts && strcmp(arg, "--json") == 0) {
            json = true;
        } else if (opts && strcmp(arg, "--explain") == 0) {
            expl = true;
        } else if (opts && strcmp(arg, "--summary") == 0) {
            summary = true;
        } else if (opts &&
                   (m = jx_cli_optval(argc, argv, &i, "--policy", &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--policy 缺少 NAME=VALUE");
            }
            if (jx_cli_policy(self, &pol, val) != JX_EXIT_OK) {
                return JX_EXIT_USAGE;
            }
        } else if (opts && (m = jx_cli_optval(argc, argv, &i, "--framework",
                                              &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--framework 缺少评价框架");
            }
            framework = val;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i,
                                              "--frameworks-dir", &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--frameworks-dir 缺少目录");
            }
            fwdir = val;
        } else if (opts && arg[0] == '-' && arg[1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", arg);
        } else if (file) {
            return jx_cli_usage_error(self, "只能给出一个文件");
        } else {
            file = arg;
        }
    }
    if (!file) {
        return jx_cli_usage_error(self, "缺少文件");
    }
    if (framework) {
        /* recompute the package's stated scores under a framework */
        struct jx_fw_args fa;
        memset(&fa, 0, sizeof fa);
        fa.framework = framework;
        fa.fwdir = fwdir;
        return jx_cli_framework(file, &fa, json);
    }
    struct jx_run *run = jx_cli_run(NULL, &pol, NULL);
    struct jx_result *in = jx_cli_input(run, file, NULL);
    struct jx_buf out;
    jx_buf_init(&out, 1u << 30);
    const struct jx_diags *diags = &in->diags;
    int rc;
    if (in->status == JX_INPUT_UNREADABLE || in->status == JX_INPUT_EMPTY) {
        rc = JX_EXIT_USAGE;
    } else if (in->status == JX_INPUT_MALFORMED) {
        rc = JX_EXIT_USAGE;
        if (json) {
            if (jx_eval_json(NULL, diags, &out) < 0 ||
                jx_cli_write(&out) < 0) {
                rc = JX_EXIT_IO;
            }
        } else {
            jx_cli_malformed(in);
        }
    } else {
        const struct jx_eval *ev = in->ev;
        struct jx_arena *arena = in->arena;
        rc = jx_diags_errors(diags) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
        if (json) {
            if (jx_eval_json(ev, diags, &out) < 0) {
                fprintf(stderr, "jixiao: 输出过大\n");
                rc = JX_EXIT_IO;
            }
        } else if (summary) {
            add_summary(&out, arena, ev, diags);
        } else {
            add_eval(&out, arena, ev, diags, expl);
            if (out.toobig) {
                fprintf(stderr, "jixiao: 输出过大\n");
                rc = JX_EXIT_IO;
            }
        }
        if (rc != JX_EXIT_IO && jx_cli_write(&out) < 0) {
            rc = JX_EXIT_IO;
        }
    }
    jx_buf_release(&out);
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}
