/*
 * score_jsonout.h - the JSON pieces Evaluation JSON (evaljson.c) and the
 * framework result JSON (framework.c) share (private to lib/): valid
 * UTF-8 strings, exact decimals, agreements, provenance, locations and
 * computed items with their derivations.
 *
 * Ownership: every function returns a new jansson reference that the
 * caller owns (or steals into an object with jx_json_put).
 */
#ifndef JIXIAO_JSONOUT_H
#define JIXIAO_JSONOUT_H

#include <jansson.h>

#include "jixiao/diag.h"
#include "jixiao/model.h"
#include "jixiao/score.h"

/* A JSON string of s with invalid UTF-8 replaced by U+FFFD; null for
 * NULL. */
json_t *jx_json_str(const char *s);

/* Set key of obj to val (stolen; NULL gives null). */
void jx_json_put(json_t *obj, const char *key, json_t *val);

/* A rational as an exact decimal string (percent appends %), 6
 * decimals when it has no short expansion. */
json_t *jx_json_exact(struct jx_rat v, bool percent);

/* English word of an agreement: yes, rounding, no, n/a. */
const char *jx_json_agree(enum jx_agree a);

/* The present members of a provenance, or NULL when p is NULL. */
json_t *jx_json_prov(const struct jx_prov *p);

/* A computed number with its rule, inputs, formula, value, points,
 * stated value and agreement. */
json_t *jx_json_item(const struct jx_item *it);

/* A diagnostic location. */
json_t *jx_json_loc(const struct jx_loc *l);

#endif
