/*
 * evaljson.c - Evaluation JSON (docs/format.md, "Evaluation JSON"): an
 * Evaluation and its findings written with jansson.  Every number that
 * is money, a rate, points or a score is written as an exact decimal
 * string ("4.87", "48.65%"), never as a JSON real; only counts, years,
 * lines and columns are JSON integers.
 */
#include "jixiao/score.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* A JSON string for s (NULL gives null).  Bytes that are not valid
 * UTF-8 are replaced by U+FFFD so the document stays valid.  The caller
 * owns the new reference. */
static json_t *jstr(const char *s)
{
    if (!s) {
        return json_null();
    }
    json_t *j = json_string(s);
    if (j) {
        return j;
    }
    struct jx_buf b;
    jx_buf_init(&b, 4 * strlen(s) + 16);
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            jx_buf_adds(&b, "\xEF\xBF\xBD");
            i++;
        } else {
            jx_buf_add(&b, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
    j = json_string(b.p);
    jx_buf_release(&b);
    return j ? j : json_string("\xEF\xBF\xBD");
}

/* Set key of obj to a new reference (stolen). */
static void put(json_t *obj, const char *key, json_t *val)
{
    json_object_set_new(obj, key, val ? val : json_null());
}

/* A rational as an exact decimal string (percent appends %); falls back
 * to 6 decimals for values without a short expansion. */
static json_t *jexact(struct jx_rat v, bool percent)
{
    char buf[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(v, percent, buf)) {
        jx_rat_format(v, 6, percent, JX_ROUND_HALF_UP, buf);
    }
    return json_string(buf);
}

/* English word of an agreement. */
static const char *agree_name(enum jx_agree a)
{
    switch (a) {
    case JX_AGREE_YES:
        return "yes";
    case JX_AGREE_ROUNDING:
        return "rounding";
    case JX_AGREE_NO:
        return "no";
    case JX_AGREE_NA:
        break;
    }
    return "n/a";
}

/* The present members of a provenance, or NULL when there is none. */
static json_t *prov_json(const struct jx_prov *p)
{
    if (!p) {
        return NULL;
    }
    json_t *o = json_object();
    if (p->file) {
        put(o, "file", jstr(p->file));
    }
    if (p->line > 0) {
        put(o, "line", json_integer(p->line));
    }
    if (p->col > 0) {
        put(o, "col", json_integer(p->col));
    }
    if (p->sheet) {
        put(o, "sheet", jstr(p->sheet));
    }
    if (p->cell) {
        put(o, "cell", jstr(p->cell));
    }
    if (p->table > 0) {
        put(o, "table", json_integer(p->table));
    }
    if (p->row > 0) {
        put(o, "row", json_integer(p->row));
    }
    if (p->column > 0) {
        put(o, "column", json_integer(p->column));
    }
    return o;
}

/* One item as a JSON object (new reference). */
static json_t *item_json(const struct jx_item *it)
{
    json_t *o = json_object();
    put(o, "id", jstr(it->id));
    put(o, "label", jstr(it->label));
    put(o, "rule", jstr(it->rule));
    put(o, "formula", jstr(it->formula));
    json_t *in = json_array();
    for (size_t i = 0; i < it->ninputs; i++) {
        json_t *p = json_object();
        put(p, "name", jstr(it->inputs[i].name));
        put(p, "value", jstr(it->inputs[i].value));
        json_array_append_new(in, p);
    }
    put(o, "inputs", in);
    if (it->has_value) {
        char buf[JX_NUM_BUFSZ];
        jx_rat_format(it->value, it->scale, it->percent, JX_ROUND_HALF_UP,
                      buf);
        put(o, "value", json_string(buf));
    } else {
        put(o, "value", json_null());
    }
    put(o, "points", it->has_points ? jexact(it->points, false) : NULL);
    put(o, "stated", it->has_stated ? jexact(it->stated, it->percent) : NULL);
    put(o, "agrees", json_string(agree_name(it->agrees)));
    put(o, "note", jstr(it->note));
    put(o, "path", jstr(it->path));
    if (it->prov) {
        put(o, "prov", prov_json(it->prov));
    }
    return o;
}

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
    put(o, "id", jstr(se->id));
    put(o, "kind", json_string(se->sheet && se->sheet->kind == JX_SHEET_PROJECT
                                   ? "project"
                                   : "unit"));
    put(o, "label", jstr(se->label));
    put(o, "name", jstr(se->sheet ? se->sheet->name.s : NULL));
    put(o, "execution_rate", item_json(&se->rate));
    put(o, "execution_score", item_json(&se->exec_score));
    json_t *inds = json_array();
    for (size_t i = 0; i < se->nindicators; i++) {
        json_array_append_new(inds, item_json(&se->indicators[i]));
    }
    put(o, "indicators", inds);
    json_t *blocks = json_object();
    for (int b = 0; b < JX_BLOCK_COUNT; b++) {
        if (b == JX_BLOCK_OTHER && !se->blocks[b].has_value) {
            continue;
        }
        put(blocks, block_key((enum jx_block)b), item_json(&se->blocks[b]));
    }
    put(o, "blocks", blocks);
    put(o, "points_total", item_json(&se->points_total));
    put(o, "total", item_json(&se->total));
    put(o, "grade", grade_json(se->grade));
    put(o, "stated_grade", grade_json(se->stated_grade));
    return o;
}

/* A location with every member (null when unknown). */
static json_t *loc_json(const struct jx_loc *l)
{
    json_t *o = json_object();
    put(o, "file", jstr(l->file));
    put(o, "line", l->line > 0 ? json_integer(l->line) : NULL);
    put(o, "col", l->col > 0 ? json_integer(l->col) : NULL);
    put(o, "sheet", jstr(l->sheet));
    put(o, "cell", jstr(l->cell));
    put(o, "table", l->table > 0 ? json_integer(l->table) : NULL);
    put(o, "row", l->row > 0 ? json_integer(l->row) : NULL);
    put(o, "column", l->column > 0 ? json_integer(l->column) : NULL);
    put(o, "path", jstr(l->path));
    return o;
}

/* The policy the evaluation was made under (new reference). */
static json_t *policy_json(const struct jx_policy *p)
{
    json_t *o = json_object();
    put(o, "exec_rounding",
        json_string(p->exec_rounding == JX_EXEC_SINGLE_ROUND ? "single"
                                                             : "double"));
    put(o, "exec_cap", json_boolean(p->exec_cap));
    put(o, "score_scale", json_integer(p->score_scale));
    put(o, "rate_scale", json_integer(p->rate_scale));
    put(o, "over_threshold", jexact(p->over_threshold, true));
    put(o, "tolerance", jexact(p->tolerance, false));
    return o;
}

/* Write the Evaluation (ev may be NULL when the package could not be
 * loaded: then only the findings) and the findings as JSON to out. */
int jx_eval_json(const struct jx_eval *ev, const struct jx_diags *diags,
                 struct jx_buf *out)
{
    json_t *root = json_object();
    put(root, "format", json_string("jixiao-evaluation"));
    put(root, "version", json_integer(1));
    const struct jx_package *pkg = ev ? ev->pkg : NULL;
    put(root, "source", jstr(pkg ? pkg->source : NULL));
    put(root, "unit", jstr(pkg ? pkg->unit.name.s : NULL));
    put(root, "year", pkg && pkg->year.present ? json_integer(pkg->year.v)
                                               : NULL);
    if (ev) {
        put(root, "policy", policy_json(&ev->policy));
    } else {
        struct jx_policy def;
        jx_policy_default(&def);
        put(root, "policy", policy_json(&def));
    }
    json_t *sheets = json_array();
    for (size_t i = 0; ev && i < ev->nsheets; i++) {
        json_array_append_new(sheets, sheet_json(&ev->sheets[i]));
    }
    put(root, "sheets", sheets);
    json_t *fs = json_array();
    for (size_t i = 0; diags && i < diags->n; i++) {
        const struct jx_diag *e = &diags->a[i];
        json_t *f = json_object();
        put(f, "code", jstr(e->code));
        put(f, "severity", json_string(jx_severity_name(e->severity)));
        put(f, "message", jstr(e->msg));
        put(f, "detail", jstr(e->detail));
        put(f, "location", loc_json(&e->loc));
        json_array_append_new(fs, f);
    }
    put(root, "findings", fs);
    json_t *sum = json_object();
    put(sum, "errors",
        json_integer(diags ? (json_int_t)diags->count[JX_SEV_ERROR] : 0));
    put(sum, "warnings",
        json_integer(diags ? (json_int_t)diags->count[JX_SEV_WARNING] : 0));
    put(sum, "rounding",
        json_integer(diags ? (json_int_t)diags->count[JX_SEV_ROUNDING] : 0));
    put(sum, "notes",
        json_integer(diags ? (json_int_t)diags->count[JX_SEV_NOTE] : 0));
    if (diags && diags->dropped) {
        put(sum, "dropped", json_integer((json_int_t)diags->dropped));
    }
    put(root, "summary", sum);

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
