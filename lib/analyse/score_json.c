/*
 * score_json.c - Evaluation JSON (docs/format.md, "Evaluation JSON"): an
 * Evaluation and its findings written with jansson.  Every number that
 * is money, a rate, points or a score is written as an exact decimal
 * string ("4.87", "48.65%"), never as a JSON real; only counts, years,
 * lines and columns are JSON integers.
 */
#include "jixiao/score.h"

#include "analyse/score_jsonout.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>







/* The JSON key of a block. */
static const char *block_key(enum jx_block b)
{
    static const char *const keys[JX_BLOCK_COUNT] = {
        "output", "benefit", "satisfaction", "other"};
    return (unsigned)b < JX_BLOCK_COUNT ? keys[b] : "other";
}

/* A grade as a JSON string, or null for none. */
static json_t *grade_json(enum jx_grade g)
{
    return g == JX_GRADE_NONE ? json_null() : json_string(jx_grade_zh(g));
}

/* One sheet's evaluation (new reference). */
static json_t *sheet_json(const struct jx_sheet_eval *se)
{
    json_t *o = json_object();
    jx_json_put(o, "id", jx_json_str(se->id));
    jx_json_put(o, "kind", json_string(se->sheet && se->sheet->kind == JX_SHEET_PROJECT
                                   ? "project"
                                   : "unit"));
    jx_json_put(o, "label", jx_json_str(se->label));
    jx_json_put(o, "name", jx_json_str(se->sheet ? se->sheet->name.s : NULL));
    jx_json_put(o, "execution_rate", jx_json_item(&se->rate));
    jx_json_put(o, "execution_score", jx_json_item(&se->exec_score));
    json_t *inds = json_array();
    for (size_t i = 0; i < se->nindicators; i++) {
        json_array_append_new(inds, jx_json_item(&se->indicators[i]));
    }
    jx_json_put(o, "indicators", inds);
    json_t *blocks = json_object();
    for (int b = 0; b < JX_BLOCK_COUNT; b++) {
        if (b == JX_BLOCK_OTHER && !se->blocks[b].has_value) {
            continue;
        }
        jx_json_put(blocks, block_key((enum jx_block)b), jx_json_item(&se->blocks[b]));
    }
    jx_json_put(o, "blocks", blocks);
    jx_json_put(o, "points_total", jx_json_item(&se->points_total));
    jx_json_put(o, "total", jx_json_item(&se->total));
    jx_json_put(o, "grade", grade_json(se->grade));
    jx_json_put(o, "stated_grade", grade_json(se->stated_grade));
    return o;
}


/* The policy the evaluation was made under (new reference). */
static json_t *policy_json(const struct jx_policy *p)
{
    json_t *o = json_object();
    jx_json_put(o, "exec_rounding",
        json_string(p->exec_rounding == JX_EXEC_SINGLE_ROUND ? "single"
                                                             : "double"));
    jx_json_put(o, "exec_cap", json_boolean(p->exec_cap));
    jx_json_put(o, "score_scale", json_integer(p->score_scale));
    jx_json_put(o, "rate_scale", json_integer(p->rate_scale));
    jx_json_put(o, "over_threshold", jx_json_exact(p->over_threshold, true));
    jx_json_put(o, "tolerance", jx_json_exact(p->tolerance, false));
    return o;
}

/* The Evaluation (ev may be NULL when the package could not be
 * loaded: then only the findings) and the findings as a JSON tree. */
struct json_t *jx_eval_json_tree(const struct jx_eval *ev,
                                 const struct jx_diags *diags)
{
    json_t *root = json_object();
    jx_json_put(root, "format", json_string("jixiao-evaluation"));
    jx_json_put(root, "version", json_integer(1));
    const struct jx_package *pkg = ev ? ev->pkg : NULL;
    jx_json_put(root, "source", jx_json_str(pkg ? pkg->source : NULL));
    jx_json_put(root, "unit", jx_json_str(pkg ? pkg->unit.name.s : NULL));
    jx_json_put(root, "year", pkg && pkg->year.present ? json_integer(pkg->year.v)
                                               : NULL);
    if (ev) {
        jx_json_put(root, "policy", policy_json(&ev->policy));
    } else {
        struct jx_policy def;
        jx_policy_default(&def);
        jx_json_put(root, "policy", policy_json(&def));
    }
    json_t *sheets = json_array();
    for (size_t i = 0; ev && i < ev->nsheets; i++) {
        json_array_append_new(sheets, sheet_json(&ev->sheets[i]));
    }
    jx_json_put(root, "sheets", sheets);
    json_t *rates = json_array();
    for (size_t i = 0; ev && i < ev->nrates; i++) {
        json_array_append_new(rates, jx_json_item(&ev->rates[i]));
    }
    jx_json_put(root, "rates", rates);
    json_t *fs = json_array();
    for (size_t i = 0; diags && i < diags->n; i++) {
        const struct jx_diag *e = &diags->a[i];
        json_t *f = json_object();
        jx_json_put(f, "code", jx_json_str(e->code));
        jx_json_put(f, "severity", json_string(jx_severity_name(e->severity)));
        jx_json_put(f, "message", jx_json_str(e->msg));
        jx_json_put(f, "detail", jx_json_str(e->detail));
        jx_json_put(f, "location", jx_json_loc(&e->loc));
        json_array_append_new(fs, f);
    }
    jx_json_put(root, "findings", fs);
    json_t *sum = json_object();
    jx_json_put(sum, "errors",
        json_integer(diags ? (json_int_t)diags->count[JX_SEV_ERROR] : 0));
    jx_json_put(sum, "warnings",
        json_integer(diags ? (json_int_t)diags->count[JX_SEV_WARNING] : 0));
    jx_json_put(sum, "rounding",
        json_integer(diags ? (json_int_t)diags->count[JX_SEV_ROUNDING] : 0));
    jx_json_put(sum, "notes",
        json_integer(diags ? (json_int_t)diags->count[JX_SEV_NOTE] : 0));
    if (diags && diags->dropped) {
        jx_json_put(sum, "dropped", json_integer((json_int_t)diags->dropped));
    }
    jx_json_put(root, "summary", sum);
    return root;
}

/* Write the Evaluation JSON tree of ev and diags to out. */
int jx_eval_json(const struct jx_eval *ev, const struct jx_diags *diags,
                 struct jx_buf *out)
{
    json_t *root = jx_eval_json_tree(ev, diags);
    char *text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    if (!text) {
        jx_oom();
    }
    int rc = jx_buf_adds(out, text);
    if (rc == 0) {
        rc = jx_buf_addc(out, '\n');
    }
    free(text);
    return rc;
}
