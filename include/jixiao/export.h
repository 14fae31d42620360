/*
 * export.h - the year's export (`jixiao export`, the portal's
 * /year/YYYY/export.*): the ranking and every unit's figures from
 * jx_ws_status laid out as CSV (UTF-8 with a BOM, RFC 4180 quoting,
 * CRLF) and as a report document with one sheet 排名 for the XLSX
 * writer; and the bytes of an XLSX (the report's, or the fill-in
 * workbook) for a front end that serves them rather than writing a
 * file.  One builder for the CLI and the portal, so both give the same
 * bytes.
 *
 * The library never prints: buffers are the caller's (jx_buf), a
 * temporary file is made in $TMPDIR (or /tmp) and removed.  Results
 * live in the caller's arena.
 */
#ifndef JIXIAO_EXPORT_H
#define JIXIAO_EXPORT_H

#include "jixiao/base.h"
#include "jixiao/diag.h"
#include "jixiao/report.h"
#include "jixiao/wsflow.h"

/* A date as "YYYY-MM-DD" (a). */
const char *jx_export_date_text(struct jx_arena *a, struct jx_cal_date d);

/* A moment's timeliness in words: 按时, 迟 N 个工作日, or why it has no
 * answer (absent: "", no calendar); "（补录）" after when backdated (a). */
const char *jx_export_moment_words(struct jx_arena *a,
                                   const struct jx_wf_moment *m);

/* The 考核分 of u as the cells show it: the total text, "" without. */
const char *jx_export_assess_text(const struct jx_ws_unit_status *u);

/* The export of st as CSV appended to out: a BOM, the header row, one
 * record per unit in ranking order (jx_ws_status_ranked).  0, or -1
 * when out is full (out->toobig). */
int jx_export_csv(struct jx_arena *a, const struct jx_ws_status *st,
                  struct jx_buf *out);

/* The export of st as a report document (in a) with one table, sheet
 * 排名: the header row, then one row per unit in ranking order; ranks,
 * versions, scores and counts as numbers. */
struct jx_report_doc *jx_export_doc(struct jx_arena *a,
                                    const struct jx_ws_status *st);

/* The XLSX of d (jx_report_xlsx, through a temporary file) appended to
 * out.  0, or -1 with a diagnostic in diags (R301) or out full. */
int jx_export_xlsx_bytes(const struct jx_report_doc *d, struct jx_buf *out,
                         struct jx_diags *diags);

/* The fill-in workbook of year (jx_template_xlsx_write, as `jixiao
 * template` makes it) appended to out.  0, or -1 with errno set and
 * *why (if not NULL) a static Chinese reason. */
int jx_export_template_bytes(int year, struct jx_buf *out, const char **why);

#endif
