/*
 * report_sample.h - a sample report document for the writers' tests:
 * every kind of block, a table with merged header cells that runs over
 * several A4 pages, numbers with formulas and derivations, both kinds of
 * chart.  The same document for DOCX, XLSX, HTML and PDF.
 */
#ifndef JIXIAO_TESTS_REPORT_SAMPLE_H
#define JIXIAO_TESTS_REPORT_SAMPLE_H

#include "jixiao/report.h"

/* Rows of the long table (enough to span three A4 pages). */
#define JX_SAMPLE_ROWS 120

/* The sample document, in arena. */
struct jx_report_doc *jx_test_report_sample(struct jx_arena *a);

#endif
