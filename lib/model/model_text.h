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

/* As jx_text_compact, but s itself when it has no white space (no copy:
 * the result lives as long as s). */
const char *jx_text_compact_shared(struct jx_arena *a, const char *s);

/* The year in "2024年", "2024 年度", "2024" at the start of s (after
 * spaces), or 0; *len (if not NULL) gets the length read. */
int jx_text_year_prefix(const char *s, size_t *len);

/* True when the figure that starts at s[i] lost its leading digits: it
 * stands right after an ASCII "," that no digit precedes and reads as a
 * group of exactly three digits ("支出总计,867.48万元", where 1,867.48
 * was meant).  Such a figure is unreadable: never read as 867.48. */
bool jx_text_lost_digits(const char *s, size_t n, size_t i);

#endif
