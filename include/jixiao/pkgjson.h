/*
 * pkgjson.h - Package JSON v1: load with full validation, save
 * canonically.  See docs/format.md for the format and its schema.
 *
 * Loading never stops at the first problem: syntax errors are repaired
 * where a small edit lets parsing go on, and every wrong type, unknown
 * key, bad number text or missing required value is reported with its
 * file:line:col and JSON path.  Values that cannot be read are left
 * absent.
 *
 * Ownership: the package and all strings live in the caller's arena.
 */
#ifndef JIXIAO_PKGJSON_H
#define JIXIAO_PKGJSON_H

#include "jixiao/diag.h"
#include "jixiao/model.h"

/* Largest Package JSON accepted, in bytes. */
#define JX_PKGJSON_MAX_BYTES (64u * 1024u * 1024u)

/* Deepest nesting of arrays/objects accepted. */
#define JX_PKGJSON_MAX_DEPTH 64

/*
 * Load a package from text[0..len) (need not be NUL-terminated).  file
 * names the input in diagnostics.  Returns the package (possibly
 * partial) or NULL when nothing usable could be read.  Problems are
 * appended to diags with severity error; the load failed if
 * jx_diags_errors() grew.
 */
struct jx_package *jx_pkgjson_load(struct jx_arena *arena, const char *file,
                                   const char *text, size_t len,
                                   struct jx_diags *diags);

/* Positions of a loaded package's values in its text, by JSON pointer
 * (opaque).  It borrows the text it was loaded from, which must outlive
 * it. */
struct jx_pkgpos;

/*
 * As jx_pkgjson_load, and when pos is not NULL also hand back the
 * positions of the values (or NULL when the text could not be parsed).
 * The caller frees them with jx_pkgpos_free().
 */
struct jx_package *jx_pkgjson_load_pos(struct jx_arena *arena,
                                       const char *file, const char *text,
                                       size_t len, struct jx_diags *diags,
                                       struct jx_pkgpos **pos);

/* Free positions (NULL is allowed). */
void jx_pkgpos_free(struct jx_pkgpos *pos);

/*
 * Give line and column to the diagnostics diags->a[from..] that name a
 * JSON path but no line (findings of later stages such as scoring): the
 * position of the value at that path, or of its nearest enclosing value
 * that exists in the text.  Their file is set to the package's file when
 * unset.
 */
void jx_pkgpos_locate(const struct jx_pkgpos *pos, struct jx_diags *diags,
                      size_t from);

/*
 * Write a package as canonical Package JSON v1 (2-space indent, keys in
 * schema order, money in its sheet's unit with the fewest decimals >= 2,
 * provenance kept) to out.  Returns 0, or -1 if out hit its size cap.
 * Load(save(p)) gives back p exactly.
 */
int jx_pkgjson_save(const struct jx_package *pkg, struct jx_buf *out);

#endif
