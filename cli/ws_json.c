/*
 * ws_json.c - the parts of the workspace's JSON outputs that `jixiao
 * status` and `jixiao export` share (docs/store.md): the year's header
 * (format, year, framework, deadlines, which time counts), a unit's
 * identity and state, its 自评分.  Each command adds its own fields
 * (status: the 考核 items; export: rank, 主管部门, 区域, the score's
 * range).  Dates are "YYYY-MM-DD" text in the arena given.
 */
#include "cli.h"

#include <stdlib.h>

#include <jansson.h>

#include "jixiao/wsflow.h"

/* See cli.h. */
void jx_cli_json_out(struct jx_buf *b, json_t *root)
{
    char *text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    if (!text) {
        jx_oom();
    }
    jx_buf_adds(b, text);
    jx_buf_addc(b, '\n');
    free(text);
}

/* See cli.h. */
const char *jx_cli_date_text(struct jx_arena *a, struct jx_cal_date d)
{
    return jx_sprintf(a, "%04d-%02d-%02d", d.y, d.m, d.d);
}

/* See cli.h. */
json_t *jx_cli_str_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

/* See cli.h. */
json_t *jx_cli_ws_year_json(struct jx_arena *a, const struct jx_ws_status *st,
                            const char *format)
{
    json_t *root = json_object();
    json_object_set_new(root, "format", json_string(format));
    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "year", json_integer(st->year.year));
    json_object_set_new(root, "framework", json_string(st->framework));
    json_object_set_new(root, "submit_by",
                        st->year.submit_by.y
                            ? json_string(jx_cli_date_text(a, st->year.submit_by))
                            : json_null());
    json_object_set_new(root, "publish_by",
                        st->year.publish_by.y
                            ? json_string(jx_cli_date_text(a, st->year.publish_by))
                            : json_null());
    json_object_set_new(root, "basis",
                        json_string(jx_wf_basis_name(st->year.basis)));
    return root;
}

/* See cli.h. */
void jx_cli_ws_unit_json(json_t *o, const struct jx_ws_unit_status *u)
{
    json_object_set_new(o, "code", json_string(u->code));
    json_object_set_new(o, "name", json_string(u->name));
    json_object_set_new(o, "state", json_string(jx_wf_state_name(u->state)));
    json_object_set_new(o, "state_zh", json_string(jx_wf_state_zh(u->state)));
    json_object_set_new(o, "version",
                        u->version ? json_integer(u->version) : json_null());
    json_object_set_new(o, "versions", json_integer((json_int_t)u->nversions));
    json_object_set_new(o, "sampled", json_boolean(u->sampled));
}

/* See cli.h. */
json_t *jx_cli_ws_review_json(const struct jx_ws_unit_status *u)
{
    if (!u->review) {
        return json_null();
    }
    json_t *r = json_object();
    json_object_set_new(r, "score", json_string(u->review));
    json_object_set_new(r, "full", jx_cli_str_or_null(u->review_full));
    json_object_set_new(r, "note", jx_cli_str_or_null(u->review_note));
    return r;
}

/* See cli.h. */
json_t *jx_cli_ws_self_json(const struct jx_ws_unit_status *u)
{
    if (!u->version) {
        return json_null();
    }
    json_t *self = json_object();
    json_object_set_new(self, "stated", jx_cli_str_or_null(u->self_stated));
    json_object_set_new(self, "value", jx_cli_str_or_null(u->self_value));
    json_object_set_new(self, "grade", jx_cli_str_or_null(u->self_grade));
    return self;
}
