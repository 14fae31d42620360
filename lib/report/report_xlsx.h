/*
 * report_xlsx.h - private to the report writers (lib/report): the
 * numbers of a workbook libxlsxwriter has written, made exact decimals.
 *
 * libxlsxwriter takes numbers as double and prints each with "%.16G",
 * so the decimal 9.8 reaches the sheet XML as <v>9.800000000000001</v>.
 * jx_xlsx_exact_numbers() rewrites every number of every worksheet to
 * its value rounded half-up to 15 significant digits (what Excel keeps
 * and shows), trailing zeros dropped: a double written from a decimal
 * of at most 15 significant digits gives that decimal back (9.8).
 */
#ifndef JIXIAO_REPORT_XLSX_H
#define JIXIAO_REPORT_XLSX_H

#include <stdbool.h>
#include <stddef.h>

#include "jixiao/base.h"

/* Rewrite the numbers of the worksheets of the XLSX at path in place
 * (the archive is rewritten by libzip through a temporary file beside
 * it).  0, or -1 with *why a reason in Chinese. */
int jx_xlsx_exact_numbers(const char *path, const char **why);

/* Append to out the number s[0..n) (as "%.16G" prints: "-12.5",
 * "9.800000000000001", "1E-05") rounded half-up to 15 significant
 * digits, without trailing zeros, in plain decimal notation (with an
 * exponent only beyond 10^21 or below 10^-20).  False, and nothing
 * appended, when s is not such a number. */
bool jx_xlsx_number_text(const char *s, size_t n, struct jx_buf *out);

/* Rewrite the <v> of every numeric cell (no t attribute, or t="n") of
 * worksheet XML xml[0..n) with jx_xlsx_number_text into out; returns
 * the number of values changed, or -1 when out would grow too big. */
long jx_xlsx_sheet_numbers(const char *xml, size_t n, struct jx_buf *out);

#endif
