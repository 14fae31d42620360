/*
 * suites.h - the list of unit-test suites.  Each t_*.c file defines one
 * NULL-terminated table; add a new table here and in meson.build.
 */
#ifndef JIXIAO_TEST_SUITES_H
#define JIXIAO_TEST_SUITES_H

#include "harness.h"

extern const struct jx_test t_base[];
extern const struct jx_test t_dec[];
extern const struct jx_test t_indval[];
extern const struct jx_test t_pkgjson[];
extern const struct jx_test t_figures[];
extern const struct jx_test t_score[];
extern const struct jx_test t_doc[];
extern const struct jx_test t_import_text[];
extern const struct jx_test t_import_docx[];
extern const struct jx_test t_import_formats[];
extern const struct jx_test t_import_xlsx[];
extern const struct jx_test t_recog[];
extern const struct jx_test t_recog_who[];
extern const struct jx_test t_check_arith[];
extern const struct jx_test t_check_text[];
extern const struct jx_test t_check_ind[];
extern const struct jx_test t_calendar[];
extern const struct jx_test t_framework[];
extern const struct jx_test t_assess[];
extern const struct jx_test t_report[];
extern const struct jx_test t_report_pdf[];
extern const struct jx_test t_report_font[];
extern const struct jx_test t_report_html[];
extern const struct jx_test t_report_ooxml[];
extern const struct jx_test t_report_index[];
extern const struct jx_test t_pipeline[];
extern const struct jx_test t_forms[];
extern const struct jx_test t_split[];
extern const struct jx_test t_recog_lines[];
extern const struct jx_test t_recog_stream[];
extern const struct jx_test t_workflow[];
extern const struct jx_test t_store[];
extern const struct jx_test t_wssetup[];
extern const struct jx_test t_web[];
extern const struct jx_test t_web_bureau[];
extern const struct jx_test t_web_cache[];

static const struct jx_test *const jx_suites[] = {
    t_base, t_dec, t_indval, t_pkgjson, t_figures, t_score, t_doc,
    t_import_text, t_import_docx, t_import_formats, t_import_xlsx, t_recog,
    t_forms, t_check_arith, t_check_text,
    t_check_ind, t_calendar, t_framework, t_assess, t_report, t_report_pdf, t_report_font,
    t_report_html, t_report_ooxml, t_report_index, t_pipeline,
    t_recog_who, t_split, t_recog_lines, t_recog_stream, t_workflow, t_store, t_wssetup, t_web, t_web_bureau, t_web_cache, NULL,
};

#endif
