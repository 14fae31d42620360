/*
 * import_formats.h - the detector and the importer of each format
 * (private to lib/, and the tests, fuzz targets and benchmarks of the
 * importers): front ends call jx_import_doc (import.h) or the pipeline.
 *
 * Ownership: documents live in the caller's arena.
 */
#ifndef JIXIAO_IMPORT_FORMATS_H
#define JIXIAO_IMPORT_FORMATS_H

#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "jixiao/import.h"

/* Detect the kind of data[0..len).  For a ZIP it looks at the central
 * directory names only (no inflating). */
enum jx_input_kind jx_detect(const char *data, size_t len);

/*
 * Text to document: decode (UTF-8 with or without BOM; UTF-16 with a
 * BOM or recognised by its NUL bytes; GB18030/GBK otherwise), normalise
 * line ends, then recover paragraphs and tables from the layouts real
 * documents come in (one cell per line with tab indentation;
 * tab-separated rows; one cell per line with blank lines between cells,
 * with or without row marks; cells ending in " |"; pipe-delimited rows
 * with or without a leading "|", merged cells as "||"; a whole table on
 * one line, cells split by two spaces and rows by " | ", or cells split
 * by single spaces after WPS metadata; PDF text with characters spaced
 * out).  Where rows are not marked, they are found from where labels
 * follow figures, and a header is lined up over the figures only when
 * its words name exactly those columns; a row that cannot be placed
 * soundly is kept as text.  Provenance: file + line:col.  Returns NULL
 * only when the text cannot be decoded (a diagnostic says why).
 */
struct jx_doc *jx_import_text(struct jx_arena *arena, const char *file,
                              const char *data, size_t len,
                              const struct jx_limits *lim,
                              struct jx_diags *diags);

/* True when data[0..len) looks like UTF-16 text (a byte order mark, or
 * the NUL bytes of ASCII characters all at odd or all at even offsets);
 * jx_import_text decodes it. */
bool jx_text_is_utf16(const char *data, size_t len);

/* DOCX to document (libzip + expat): paragraphs with heading levels,
 * tables with gridSpan/vMerge; text in fields and tracked insertions
 * kept, deletions dropped.  Provenance: table/row/column.  NULL on a
 * broken or hostile file (diagnostics say why). */
struct jx_doc *jx_import_docx(struct jx_arena *arena, const char *file,
                              const char *data, size_t len,
                              const struct jx_limits *lim,
                              struct jx_diags *diags);

/* XLSX to document: one table per sheet (named by the sheet), shared and
 * inline strings, numbers as exact decimal text (a binary double's text
 * rounded to 15 significant digits, with a finding when more precision
 * is lost), merged cells, formulas' cached values.  Provenance:
 * sheet!cell.  NULL on a broken or hostile file. */
struct jx_doc *jx_import_xlsx(struct jx_arena *arena, const char *file,
                              const char *data, size_t len,
                              const struct jx_limits *lim,
                              struct jx_diags *diags);

/*
 * PDF to document (poppler): each page's characters with their boxes →
 * words → lines by baseline; runs of lines with two or more
 * x-separated pieces become tables whose columns are the x-gaps shared
 * by the rows (a piece over several columns spans them) and whose rows
 * are the baselines (wrapped text joined into its cell); other lines
 * become paragraphs.  Before poppler sees the file: the byte, object
 * and nesting limits, the cross-reference table at startxref, and
 * /Encrypt are checked, so a hostile or broken file fails fast
 * (I501-I509).  Provenance: page as line, table/row/column.
 */
struct jx_doc *jx_import_pdf(struct jx_arena *arena, const char *file,
                             const char *data, size_t len,
                             const struct jx_limits *lim,
                             struct jx_diags *diags);

/*
 * HTML to document (libxml2's HTML parser, no network, no external
 * entities): <table> with <tr>/<td>/<th>, rowspan and colspan to a
 * table (a table whose cells hold tables is layout: its content is
 * read as blocks); <p>, <div>, <li>, <h1>-<h6> and <br> to paragraphs;
 * script, style and head dropped.  The charset comes from a BOM or the
 * meta tag (GB2312/GBK are read as GB18030).  Tag count and nesting
 * are limited before and while parsing (I521-I524).  Provenance:
 * table/row/column for cells, the source line for paragraphs.
 */
struct jx_doc *jx_import_html(struct jx_arena *arena, const char *file,
                              const char *data, size_t len,
                              const struct jx_limits *lim,
                              struct jx_diags *diags);

/*
 * BIFF .xls to document (FreeXL, through a private temporary file):
 * one table per worksheet named by the sheet, numbers as exact decimal
 * text (the double's 15 significant digits), dates as YYYY-MM-DD.
 * FreeXL gives no merged cells and no number formats.  NULL with a
 * finding when FreeXL cannot read it (I541-I543).  Provenance:
 * sheet!cell.
 */
struct jx_doc *jx_import_xls(struct jx_arena *arena, const char *file,
                             const char *data, size_t len,
                             const struct jx_limits *lim,
                             struct jx_diags *diags);

/*
 * A .doc/.wps (kind JX_IN_DOC) or .xls/.et (JX_IN_XLS) converted by
 * LibreOffice to DOCX or XLSX and imported as such: soffice (or
 * $JIXIAO_SOFFICE) headless with a private profile, in a private
 * temporary directory, killed after lim->convert_timeout seconds.
 * NULL with I561 when LibreOffice is not installed, I562 when the
 * conversion fails or times out.
 */
struct jx_doc *jx_import_convert(struct jx_arena *arena, const char *file,
                                 const char *data, size_t len,
                                 enum jx_input_kind kind,
                                 const struct jx_limits *lim,
                                 struct jx_diags *diags);

/* Add an import error about the whole input (message formatted in the
 * diagnostics' arena). */
void jx_import_error(struct jx_diags *diags, const char *file,
                     const char *code, const char *fmt, ...)
    JX_PRINTF(4, 5);

/* A new private temporary directory ($TMPDIR or /tmp, mode 0700) as a
 * malloc'd path, or NULL. */
char *jx_import_tmpdir(void);

/* Write data[0..len) as the new file path inside a directory made by
 * jx_import_tmpdir, for a library that reads only from a path (FreeXL,
 * LibreOffice): a scratch copy, removed with its directory, so neither
 * synced nor renamed into place.  0, or -1 with errno set. */
int jx_import_scratch_file(const char *path, const void *data, size_t len);

/* Remove a directory tree made by jx_import_tmpdir (symbolic links are
 * removed, never followed); frees path. */
void jx_import_rmtree(char *path);

/* Drop the pinyin glosses a mirror put after characters ("區(qū)", when
 * at least three carry a tone mark; note I112); then, if doc is written
 * in traditional characters, convert every paragraph and cell to
 * simplified (OpenCC t2s) so the recognisers can read it, with a note;
 * returns whether it converted. */
bool jx_doc_simplify(struct jx_doc *doc, struct jx_diags *diags);

#endif
