/*
 * import.h - turning the documents units really submit into the neutral
 * document (doc.h) and then into a package: kind detection, the text,
 * DOCX and XLSX importers, and the limits that keep hostile input
 * bounded.
 *
 * Front ends see the kinds, the limits and jx_import_doc; the detector
 * and the importer of each format are private to lib/
 * (lib/import/import_formats.h).
 *
 * The import layer stops at the document: the recogniser
 * (lib/recognise) turns it into a package, and lib/pipeline
 * (pipeline.h jx_import, jx_run_file) puts the two together.
 *
 * Importers never print and never exit; what they cannot read becomes a
 * diagnostic (codes I1xx text, I2xx ZIP/DOCX, I3xx XLSX, I5xx PDF, HTML,
 * XLS and LibreOffice, I4xx
 * recognisers; see docs/ERRORS.md) located in the input.
 *
 * Ownership: documents and packages live in the caller's arena.
 */
#ifndef JIXIAO_IMPORT_H
#define JIXIAO_IMPORT_H

#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "jixiao/model.h"

/* Kinds of input, detected from content (never from the file name). */
enum jx_input_kind {
    JX_IN_UNKNOWN = 0, /* binary we do not read */
    JX_IN_JSON,        /* Package JSON: first non-blank byte '{' */
    JX_IN_DOCX,        /* ZIP with [Content_Types].xml and word/document.xml */
    JX_IN_XLSX,        /* ZIP with [Content_Types].xml and xl/workbook.xml */
    JX_IN_ZIP,         /* another ZIP (not a document we read) */
    JX_IN_TEXT,        /* text in UTF-8 (with or without BOM) or GB18030 */
    JX_IN_PDF,         /* "%PDF-" in the first 1 KiB */
    JX_IN_HTML,        /* text starting with <!DOCTYPE html>, <html>, ... */
    JX_IN_XLS,         /* OLE2 with a Workbook/Book stream (.xls, WPS .et) */
    JX_IN_DOC,         /* OLE2 with a WordDocument stream (.doc, WPS .wps) */
    JX_IN_OLE          /* another OLE2 compound file */
};

/* English name of a kind: "json", "docx", ... */
const char *jx_input_kind_name(enum jx_input_kind k);

/* Chinese name of a kind, for messages: "DOCX 文档", "PDF 文件", ... */
const char *jx_input_kind_zh(enum jx_input_kind k);

/* The kind of data[0..len) detected from its content only (a ZIP by its
 * entries: DOCX, XLSX or another), as the importers see it. */
enum jx_input_kind jx_input_detect(const char *data, size_t len);

/* Hard limits on hostile input.  jx_limits_default() fills them. */
struct jx_limits {
    size_t max_input;        /* bytes of an input file (64 MiB) */
    size_t max_zip_entries;  /* entries in a ZIP (10,000) */
    size_t max_inflated;     /* total inflated bytes read from a ZIP (256 MiB) */
    size_t max_entry;        /* inflated bytes of one entry (128 MiB) */
    unsigned max_ratio;      /* inflated / compressed of an entry (200) */
    int max_xml_depth;       /* element nesting (256) */
    size_t max_cells;        /* table cells in a document (2,000,000) */
    size_t max_blocks;       /* paragraphs + tables (1,000,000) */
    int max_pages;           /* PDF pages (2,000) */
    size_t max_pdf_objects;  /* PDF "obj" keywords in the file (500,000) */
    size_t max_page_words;   /* characters on one PDF page (200,000) */
    size_t max_html_nodes;   /* HTML tags (500,000) */
    int max_html_depth;      /* HTML element nesting (256) */
    int convert_timeout;     /* seconds LibreOffice may take (120) */
};

/* The default limits. */
void jx_limits_default(struct jx_limits *l);

/* A document input (text, DOCX, XLSX, PDF, HTML, XLS; DOC/WPS/ET
 * through LibreOffice when installed) to the neutral document: detect
 * and convert.  NULL for anything else: with a finding for what cannot
 * be read, without one for Package JSON (load it with jx_pkgjson_load).
 * A ZIP is opened once, to tell DOCX from XLSX and to convert it.
 * *kind (if not NULL) gets the kind. */
struct jx_doc *jx_import_doc(struct jx_arena *arena, const char *file,
                             const char *data, size_t len,
                             const struct jx_limits *lim,
                             struct jx_diags *diags,
                             enum jx_input_kind *kind);

#endif
