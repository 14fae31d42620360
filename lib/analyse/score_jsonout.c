/*
 * score_jsonout.c - JSON pieces shared by the Evaluation JSON and the
 * framework result JSON (see jsonout.h).
 */
#include "analyse/score_jsonout.h"

#include <string.h>

/* A JSON string for s (NULL gives null).  Bytes that are not valid
 * UTF-8 are replaced by U+FFFD so the document stays valid.  The caller
 * owns the new reference. */
json_t *jx_json_str(const char *s)
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
void jx_json_put(json_t *obj, const char *key, json_t *val)
{
    json_object_set_new(obj, key, val ? val : json_null());
}
/* A rational as an exact decimal string (percent appends %); falls back
 * to 6 decimals for values without a short expansion. */
json_t *jx_json_exact(struct jx_rat v, bool percent)
{
    char buf[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(v, percent, buf)) {
        jx_rat_format(v, 6, percent, JX_ROUND_HALF_UP, buf);
    }
    return json_string(buf);
}
/* English word of an agreement. */
const char *jx_json_agree(enum jx_agree a)
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
json_t *jx_json_prov(const struct jx_prov *p)
{
    if (!p) {
        return NULL;
    }
    json_t *o = json_object();
    if (p->file) {
        jx_json_put(o, "file", jx_json_str(p->file));
    }
    if (p->line > 0) {
        jx_json_put(o, "line", json_integer(p->line));
    }
    if (p->col > 0) {
        jx_json_put(o, "col", json_integer(p->col));
    }
    if (p->sheet) {
        jx_json_put(o, "sheet", jx_json_str(p->sheet));
    }
    if (p->cell) {
        jx_json_put(o, "cell", jx_json_str(p->cell));
    }
    if (p->table > 0) {
        jx_json_put(o, "table", json_integer(p->table));
    }
    if (p->row > 0) {
        jx_json_put(o, "row", json_integer(p->row));
    }
    if (p->column > 0) {
        jx_json_put(o, "column", json_integer(p->column));
    }
    if (p->how != JX_HOW_READ && jx_how_name(p->how)) {
        jx_json_put(o, "how", jx_json_str(jx_how_name(p->how)));
    }
    if (p->raw) {
        jx_json_put(o, "raw", jx_json_str(p->raw));
    }
    return o;
}
/* One item as a JSON object (new reference). */
json_t *jx_json_item(const struct jx_item *it)
{
    json_t *o = json_object();
    jx_json_put(o, "id", jx_json_str(it->id));
    jx_json_put(o, "label", jx_json_str(it->label));
    jx_json_put(o, "rule", jx_json_str(it->rule));
    jx_json_put(o, "formula", jx_json_str(it->formula));
    json_t *in = json_array();
    for (size_t i = 0; i < it->ninputs; i++) {
        json_t *p = json_object();
        jx_json_put(p, "name", jx_json_str(it->inputs[i].name));
        jx_json_put(p, "value", jx_json_str(it->inputs[i].value));
        json_array_append_new(in, p);
    }
    jx_json_put(o, "inputs", in);
    if (it->has_value) {
        char buf[JX_NUM_BUFSZ];
        jx_rat_format(it->value, it->scale, it->percent, JX_ROUND_HALF_UP,
                      buf);
        jx_json_put(o, "value", json_string(buf));
    } else {
        jx_json_put(o, "value", json_null());
    }
    jx_json_put(o, "points", it->has_points ? jx_json_exact(it->points, false) : NULL);
    jx_json_put(o, "stated", it->has_stated ? jx_json_exact(it->stated, it->percent) : NULL);
    jx_json_put(o, "agrees", json_string(jx_json_agree(it->agrees)));
    jx_json_put(o, "note", jx_json_str(it->note));
    jx_json_put(o, "path", jx_json_str(it->path));
    if (it->prov) {
        jx_json_put(o, "prov", jx_json_prov(it->prov));
    }
    return o;
}
/* A location with every member (null when unknown). */
json_t *jx_json_loc(const struct jx_loc *l)
{
    json_t *o = json_object();
    jx_json_put(o, "file", jx_json_str(l->file));
    jx_json_put(o, "line", l->line > 0 ? json_integer(l->line) : NULL);
    jx_json_put(o, "col", l->col > 0 ? json_integer(l->col) : NULL);
    jx_json_put(o, "sheet", jx_json_str(l->sheet));
    jx_json_put(o, "cell", jx_json_str(l->cell));
    jx_json_put(o, "table", l->table > 0 ? json_integer(l->table) : NULL);
    jx_json_put(o, "row", l->row > 0 ? json_integer(l->row) : NULL);
    jx_json_put(o, "column", l->column > 0 ? json_integer(l->column) : NULL);
    jx_json_put(o, "path", jx_json_str(l->path));
    return o;
}
