/*
 * model_text.h - text helpers the layers above model share (private to
 * lib/): the recognisers and the prose figures (model_facts.c).
 */
#ifndef JIXIAO_MODEL_TEXT_H
#define JIXIAO_MODEL_TEXT_H

#include "jixiao/base.h"

/* s without any white space (space, tab, CR, LF, U+3000, U+00A0): a new
 * string in arena ("" itself when s is empty). */
const char *jx_text_compact(struct jx_arena *a, const char *s);

/* The year in "2024年", "2024 年度", "2024" at the start of s (after
 * spaces), or 0; *len (if not NULL) gets the length read. */
int jx_text_year_prefix(const char *s, size_t *len);

#endif
