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

#include <stdbool.h>

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

/* ---- the cells of the forms (the portal's fill-in form) -------------- */

/* The parts of a package whose cells a filler fills in: the sheets and
 * the rows of their tables. */
enum jx_pkg_part {
    JX_PART_BASE = 0,       /* base_sheet (without its row lists) */
    JX_PART_UNIT_SHEET,     /* unit_sheet (without goals, indicators) */
    JX_PART_PROJECT_SHEET,  /* one element of project_sheets (idem) */
    JX_PART_PROJECT_LINE,   /* one element of base_sheet/costs/project_lines */
    JX_PART_BUILDING,       /* one element of base_sheet/buildings */
    JX_PART_GOAL,           /* one element of a sheet's goals */
    JX_PART_INDICATOR,      /* one element of a sheet's indicators */
    JX_PART_GOAL_SHEET,     /* goal_sheet, the 部门整体支出绩效目标完成情况
                               自评表 (without tasks, goals, indicators;
                               with its task_total) */
    JX_PART_TASK,           /* one element of goal_sheet/tasks */
    JX_PART_COUNT
};

/* The kind of a cell's value, as the loader reads it. */
enum jx_pkg_cell_kind {
    JX_CELL_TEXT = 0,  /* a string */
    JX_CELL_MONEY,     /* a decimal in the sheet's unit, no % */
    JX_CELL_RATE,      /* a percentage */
    JX_CELL_NUM,       /* a decimal (points, scores, areas), no % */
    JX_CELL_COUNT,     /* a whole number >= 0 */
    JX_CELL_CHOICE     /* one of the strings choices[] (an enumeration:
                          a project line's category, an indicator's
                          achievement level); never wrapped */
};

/* One cell: its JSON pointer relative to the part ("staffing/authorized",
 * "funds/total/executed") and its kind. */
struct jx_pkg_cell {
    const char *path;
    enum jx_pkg_cell_kind kind;
    bool extra;        /* the model holds it, the printed form has no cell
                          for it (a fund split's 分值, 执行率, 得分): shown
                          only when a package has a value there */
    bool required;     /* the loader refuses the part without it */
    const char *const *choices;    /* JX_CELL_CHOICE: the values … */
    const char *const *choices_zh; /* … and their Chinese names */
    size_t nchoices;               /* (static; 0 for other kinds) */
};

/*
 * The cells of a part, in the schema's (canonical) order, taken from the
 * very tables the loader and the writer use, so that the portal's form
 * has every cell the model holds: *out set to an array in a (paths in
 * a too), the count returned.  The enumerations a filler states (a
 * project line's category, an indicator's achievement level) are
 * JX_CELL_CHOICE cells; flags, provenance, the money unit and the row
 * lists (their own parts) are not cells; a
 * sheet's fund splits are those of its form (jx_fund_key_on_sheet),
 * each with its three amounts (年初预算数, 全年预算数, 全年执行数).
 */
size_t jx_pkg_cells(struct jx_arena *a, enum jx_pkg_part part,
                    const struct jx_pkg_cell **out);

#endif
