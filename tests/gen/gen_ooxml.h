/*
 * gen_ooxml.h - writing a neutral document (doc.h) as DOCX (libzip + the
 * libxml2 XML writer) and as an XLSX workbook (libxlsxwriter).  Used by
 * the generator of synthetic documents and, later, the report writers.
 *
 * Both write to a temporary file beside path and rename it on success,
 * so a failure never leaves a half-written file.
 */
#ifndef JIXIAO_OOXML_H
#define JIXIAO_OOXML_H

#include "jixiao/doc.h"

/* Write doc as a DOCX: paragraphs (heading levels as Heading1..9
 * styles), tables with gridSpan and vMerge for merged cells, newlines in
 * cells as separate paragraphs.  Returns 0, or -1 with errno set. */
int jx_docx_write(const struct jx_doc *doc, const char *path);

/* Write doc's tables as an XLSX workbook: one sheet per table, the
 * paragraphs just before a table as its first rows, merged cells
 * merged, numbers kept as the text they are.  Sheet names come from the
 * paragraph naming the form (e.g. 基础数据表), else "表N".  Returns 0, or
 * -1 with errno set. */
int jx_xlsx_write_doc(const struct jx_doc *doc, const char *path);

#endif
