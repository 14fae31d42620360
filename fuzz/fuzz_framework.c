/*
 * fuzz_framework.c - fuzz target of the framework files (lib/assess/fw_load.c,
 * fw_expr.c, fw_eval.c).  The input (at most 64 KiB) is read three ways
 * and a broken invariant calls abort():
 * - as a framework file: every diagnostic is an F-code at "fuzz.json"
 *   with a line inside the input and a column >= 1; the load succeeds
 *   iff no error was reported.  A framework that loads is evaluated over
 *   a small package with a 考核评分表 and a fake environment (names and
 *   calls get numbers, dates, 不适用 or missing values from a hash of
 *   their names; manual items get a suggestion); every item has a result,
 *   allowed ranges are ordered, scored items have a value, and both
 *   renderings succeed, the JSON one parsing back with jansson;
 * - as an expression: a parse error lies inside the text; an expression
 *   that parses is evaluated with the same environment;
 * - as a range: a parse error lies inside the text; a range that parses
 *   is not empty.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jixiao/framework.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the broken invariant. */
static void violated(const char *what)
{
    fprintf(stderr, "fuzz_framework: %s\n", what);
    abort();
}

enum { MAX_INPUT = 64 * 1024 };

/* FNV-1a hash of a name. */
static uint32_t hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 16777619u;
    }
    return h;
}

/* Resolve any name or call to a value chosen by its hash. */
static bool fake_resolve(void *ctx, struct jx_arena *a, const char *name,
                         const struct jx_fw_value *args, size_t nargs,
                         struct jx_fw_value *out, const char **label)
{
    (void)ctx;
    uint32_t h = hash(name) + (uint32_t)nargs;
    for (size_t i = 0; args && i < nargs; i++) {
        if (args[i].kind == JX_FWV_NUM) {
            h += (uint32_t)args[i].num.num;
        }
    }
    memset(out, 0, sizeof *out);
    *label = jx_sprintf(a, "输入%s", name);
    switch (h % 8) {
    case 0:
        out->kind = JX_FWV_NA;
        out->why = "不适用";
        return true;
    case 1:
        out->kind = JX_FWV_MISSING;
        out->why = "缺失";
        return true;
    case 2:
        out->kind = JX_FWV_DATE;
        out->y = 2025;
        out->m = 7;
        out->d = 1 + (int)(h % 28);
        return true;
    case 3:
        return false;
    default:
        out->kind = JX_FWV_NUM;
        out->num.num = (int64_t)(h % 20001) - 1000;
        out->num.den = (int64_t)(1 + h % 100);
        jx_rat_make(out->num.num, out->num.den, &out->num);
        out->percent = h % 2;
        if (h % 5 == 0) {
            out->shown = "某值";
        }
        return true;
    }
}

/* Suggest the first band of a manual item, or the zero case. */
static bool fake_suggest(void *ctx, struct jx_arena *a, const char *suggester,
                         const struct jx_fw_item *item,
                         struct jx_fw_suggestion *out)
{
    (void)ctx;
    (void)a;
    uint32_t h = hash(suggester);
    if (h % 3 == 0) {
        return false;
    }
    out->zero = h % 3 == 1;
    out->band = item->rule.nbands ? item->rule.bands[0].name : "不存在";
    out->reasons = "理由";
    return true;
}

/* A package with a 考核评分表 and a 部门整体支出绩效评分表 whose rows
 * name common words, so that stated scores are matched. */
static struct jx_package *make_package(struct jx_arena *a)
{
    struct jx_package *p = jx_package_new(a);
    p->source = "pkg.json";
    static const char *const names[] = {"及时性", "完整性", "客观性", "L", "N",
                                        "甲", "乙"};
    struct jx_rubric *rb[2] = {&p->assessment, &p->dept_scoring};
    for (int k = 0; k < 2; k++) {
        rb[k]->present = true;
        rb[k]->nrows = 7;
        rb[k]->rows = jx_alloc_array(a, 7, sizeof *rb[k]->rows);
        for (size_t i = 0; i < 7; i++) {
            rb[k]->rows[i].level2.s = names[i];
            rb[k]->rows[i].name.s = names[6 - i];
            rb[k]->rows[i].score.present = i % 3 != 0;
            rb[k]->rows[i].score.v = jx_rat_int((int64_t)i * 3);
        }
        rb[k]->stated_total.present = true;
        rb[k]->stated_total.v = jx_rat_int(90);
    }
    p->has_unit_sheet = true;
    return p;
}

/* Count the lines of text[0..n) (1 + newlines). */
static int count_lines(const char *text, size_t n)
{
    int lines = 1;
    for (size_t i = 0; i < n; i++) {
        lines += text[i] == '\n';
    }
    return lines;
}

/* Check a loaded framework's evaluation and renderings. */
static void check_eval(struct jx_arena *a, const struct jx_framework *fw)
{
    struct jx_fw_env env;
    memset(&env, 0, sizeof env);
    env.resolve = fake_resolve;
    env.suggest = fake_suggest;
    static const char *const ov[] = {"limit=5%", "x=2025-07-15", NULL};
    env.overrides = ov;
    struct jx_diags d;
    jx_diags_init(&d, a);
    const struct jx_fw_result *r =
        jx_framework_eval(a, fw, make_package(a), &env, &d);
    if (!r || r->nitems != fw->nitems || r->ntotals != fw->ntotals) {
        violated("result does not match the framework");
    }
    for (size_t i = 0; i < r->nitems; i++) {
        const struct jx_fw_item_result *it = &r->items[i];
        if (it->item != &fw->items[i] || !it->reason ||
            jx_rat_cmp(it->lo, it->hi) > 0 ||
            (it->status == JX_FWS_SCORED && !it->num.has_value) ||
            (it->counted && !it->used_from) || it->num.id == NULL) {
            violated("malformed item result");
        }
    }
    if (jx_rat_cmp(r->total_lo, r->total_hi) > 0) {
        violated("total range reversed");
    }
    for (size_t i = 0; i < d.n; i++) {
        if (!d.a[i].code || d.a[i].code[0] != 'F' || !d.a[i].msg) {
            violated("malformed evaluation finding");
        }
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 26);
    if (jx_fw_result_text(&b, r) != 0) {
        violated("text rendering failed");
    }
    jx_buf_reset(&b);
    if (jx_fw_result_json(&b, r) != 0) {
        violated("JSON rendering failed");
    }
    json_error_t err;
    json_t *root = json_loadb(b.p, b.len, 0, &err);
    if (!root) {
        violated("JSON rendering does not parse");
    }
    json_decref(root);
    jx_buf_release(&b);
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
    struct jx_framework *fw =
        jx_framework_load(a, "fuzz.json", text, size, &d);
    int lines = count_lines(text, size);
    if ((fw != NULL) != (jx_diags_errors(&d) == 0)) {
        violated("result disagrees with the errors reported");
    }
    struct jx_buf msg;
    jx_buf_init(&msg, 1u << 22);
    for (size_t i = 0; i < d.n; i++) {
        const struct jx_diag *e = &d.a[i];
        if (!e->code || e->code[0] != 'F' || !e->msg || !e->loc.file ||
            strcmp(e->loc.file, "fuzz.json") != 0 || e->loc.line < 1 ||
            e->loc.line > lines || e->loc.col < 1) {
            fprintf(stderr, "%s %d:%d %s\n", e->code, e->loc.line, e->loc.col,
                    e->msg);
            violated("malformed load diagnostic");
        }
        jx_diag_format(&msg, e);
    }
    jx_buf_release(&msg);
    if (fw) {
        check_eval(a, fw);
    }
    jx_diags_release(&d);

    const char *err;
    size_t pos;
    bool toobig;
    const struct jx_fw_expr *e =
        jx_fw_expr_parse(a, text, size, &err, &pos, &toobig);
    if (!e && (!err || pos > size)) {
        violated("expression error outside the text");
    }
    if (e) {
        struct jx_fw_env env;
        memset(&env, 0, sizeof env);
        env.resolve = fake_resolve;
        struct jx_fw_value v;
        struct jx_fw_trace tr;
        memset(&tr, 0, sizeof tr);
        int rc = jx_fw_expr_eval(a, e, NULL, 0, &env, &v, &tr, &err);
        if ((rc < 0 && (!err || v.kind != JX_FWV_MISSING)) || !tr.filled ||
            !tr.named) {
            violated("expression evaluation inconsistent");
        }
        jx_fw_value_show(a, &v);
    }
    struct jx_fw_range rg;
    if (jx_fw_range_parse(a, text, size, &rg, &err, &pos)) {
        if (!rg.lo_inf && !rg.hi_inf && jx_rat_cmp(rg.lo, rg.hi) > 0) {
            violated("empty range accepted");
        }
    } else if (pos > size) {
        violated("range error outside the text");
    }
    jx_arena_free(a);
    return 0;
}
