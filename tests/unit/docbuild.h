/*
 * docbuild.h - neutral documents built by hand for the recogniser's
 * tests, in the shapes the importers give: paragraph lines and tables
 * whose rows are written as "cell|cell|cell", each on the next line of
 * a text source.  The builder owns its arena; tb_free() releases it.
 */
#ifndef JIXIAO_TEST_DOCBUILD_H
#define JIXIAO_TEST_DOCBUILD_H

#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "jixiao/model.h"

/* A document being built: the current table and the next text line. */
struct tb {
    struct jx_arena *a;
    struct jx_doc *d;
    struct jx_doc_table *t;
    int row;
    int line;
};

/* Start a text document named file (in diagnostics). */
void tb_init(struct tb *b, const char *file);

/* Finish the current table, if any. */
void tb_end(struct tb *b);

/* Add a paragraph on the next line. */
void tb_para(struct tb *b, const char *text);

/* Add a table row: cells separated by '|' (each one column, on line
 * b->line, columns counted from 1 by cell). */
void tb_row(struct tb *b, const char *cells);

/* Recognise the document; dg is initialised in the builder's arena. */
struct jx_package *tb_recog(struct tb *b, struct jx_diags *dg);

/* The provenance of document cell c of doc, made as the recogniser
 * makes it (the table found by the cell's address; in doc's arena);
 * all zeros when c is NULL or in none of doc's tables. */
struct jx_prov tb_cell_prov(const struct jx_doc *doc,
                            const struct jx_doc_cell *c);

/* Free a builder and its diagnostics. */
void tb_free(struct tb *b, struct jx_diags *dg);

/* Exact text of money in its unit ("" for absent), for assertions; a
 * ring of four static buffers (valid for four calls). */
const char *tb_money(const struct jx_amt *m, enum jx_money_unit u);

/* Exact text of a number ("" for absent, "?" when not exact), as a
 * percentage when pct; the same ring of buffers. */
const char *tb_num(const struct jx_num *n, bool pct);

#endif
