/*
 * fuzz_forms.c - fuzz target of the catalogue of forms (lib/recognise/
 * recog_catalog.c) and of the recognisers driven by it.  The input (at
 * most 64 KiB) is read as a form file: every diagnostic is a T-code at
 * "fuzz.json" with a line inside the input and a column >= 1; the form
 * is added iff no error was reported, and then only with non-empty
 * words.  A form that loads recognises a small document (a funds table,
 * an indicator table and a scoring table whose header words are the
 * form's own first words and the input's first line) without breaking
 * an invariant: every indicator it reads has a provenance.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/import.h"
#include "recognise/forms.h"
#include "recognise/recognise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the broken invariant. */
static void violated(const char *what)
{
    fprintf(stderr, "fuzz_forms: %s\n", what);
    abort();
}

enum { MAX_INPUT = 64 * 1024 };

/* The number of lines of text[0..n). */
static int count_lines(const char *text, size_t n)
{
    int lines = 1;
    for (size_t i = 0; i < n; i++) {
        lines += text[i] == '\n';
    }
    return lines;
}

/* The first word of column c of f, or a fixed word. */
static const char *word(const struct jx_form *f, int c, const char *dflt)
{
    return f->col[c].n ? f->col[c].w[0] : dflt;
}

/* Recognise a document typed in form f's own words. */
static void recognise_in(struct jx_arena *a, const struct jx_forms *cat,
                         const struct jx_form *f)
{
    const char *t = jx_sprintf(
        a,
        "项目支出绩效自评表\n"
        "| 资金 | %s | %s | %s | %s | %s | %s |\n"
        "| 年度资金总额 | 10.00 | 12.00 | 9.00 | 75%% | 10 | 7.5 |\n"
        "| 其中：当年财政拨款 | 10.00 | 12.00 | 9.00 | | | |\n"
        "| %s | %s | %s | %s | %s | %s | %s |\n"
        "| 产出指标 | 数量指标 | 人次 | 100 | 90 | 90 | 81 |\n"
        "| 总分 | 100 | 88.5 |\n",
        word(f, JX_FC_BUDGET_INITIAL, "年初预算数"),
        word(f, JX_FC_BUDGET_FULL, "全年预算数"),
        word(f, JX_FC_EXECUTED, "全年执行数"), word(f, JX_FC_RATE, "执行率"),
        word(f, JX_FC_POINTS, "分值"), word(f, JX_FC_SCORE, "得分"),
        word(f, JX_FC_LEVEL1, "一级指标"), word(f, JX_FC_LEVEL2, "二级指标"),
        word(f, JX_FC_LEVEL3, "三级指标"), word(f, JX_FC_TARGET, "指标值"),
        word(f, JX_FC_ACTUAL, "完成值"), word(f, JX_FC_POINTS, "分值"),
        word(f, JX_FC_SCORE, "得分"));
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    struct jx_doc *doc = jx_import_doc(a, "t.txt", t, strlen(t), &lim, &d,
                                       NULL);
    if (doc) {
        struct jx_package *p = jx_recognise_with(a, doc, cat, &d);
        for (size_t i = 0; p && i < p->nproject_sheets; i++) {
            const struct jx_sheet *s = &p->project_sheets[i];
            for (size_t k = 0; k < s->nindicators; k++) {
                if (!s->indicators[k].prov) {
                    violated("indicator without provenance");
                }
            }
        }
    }
    jx_diags_release(&d);
}

/* The fuzz entry point. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) {
        return 0;
    }
    const char *text = (const char *)data;
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_forms *cat = jx_forms_new(a);
    int rc = jx_forms_load(cat, a, "fuzz.json", text, size, &d);
    int lines = count_lines(text, size);
    if ((rc == 0) != (jx_diags_errors(&d) == 0) || (rc == 0) != (cat->n == 1)) {
        violated("result disagrees with the errors reported");
    }
    for (size_t i = 0; i < d.n; i++) {
        const struct jx_diag *e = &d.a[i];
        if (!e->code || e->code[0] != 'T' || !e->msg || !e->loc.file ||
            strcmp(e->loc.file, "fuzz.json") != 0 || e->loc.line < 1 ||
            e->loc.line > lines || e->loc.col < 1) {
            fprintf(stderr, "%s %d:%d %s\n", e->code, e->loc.line, e->loc.col,
                    e->msg);
            violated("malformed load diagnostic");
        }
    }
    if (cat->n == 1) {
        const struct jx_form *f = &cat->f[0];
        for (int c = 0; c < JX_FC_COUNT; c++) {
            for (size_t k = 0; k < f->col[c].n; k++) {
                if (!f->col[c].w[k] || !f->col[c].w[k][0]) {
                    violated("empty word kept");
                }
            }
        }
        recognise_in(a, cat, f);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
    return 0;
}
