/*
 * gen_layout.h - a package laid out as the standard printed documents (the
 * 自评报告 and its 附件1 基础数据表, 附件2 整体支出绩效自评表, 附件3
 * 项目支出绩效自评表, in the layout of rules.md §2.1/§5.2 and seed 003),
 * as a neutral document; and a neutral document written back as text in
 * each layout the text importer reads.
 *
 * This is the generator of synthetic documents: tests write a package in
 * every layout and import it back; benchmarks use it for volume; the
 * report writers start from the same document.
 *
 * Ownership: documents live in the arena given; text goes to the caller's
 * buffer.
 */
#ifndef JIXIAO_LAYOUT_H
#define JIXIAO_LAYOUT_H

#include "jixiao/doc.h"
#include "jixiao/model.h"

/* Text layouts of tables, as real documents come. */
enum jx_text_layout {
    JX_LAYOUT_TABCELL = 0, /* one cell per line, each line starting with a
                              tab, a blank line after each row (seed 003) */
    JX_LAYOUT_TSV,         /* one row per line, cells separated by tabs
                              (seeds 000, 004) */
    JX_LAYOUT_CELLBLANK,   /* one cell per line with a blank line after
                              each cell (an empty cell is an empty line);
                              each row begins with a line "-" */
    JX_LAYOUT_BARCELL,     /* one cell per line ending in " |", a blank
                              line after each row */
    JX_LAYOUT_PIPES,       /* "| a | b |" rows; a cell merged with the one
                              to its left is written as an empty "||" */
    JX_LAYOUT_ONELINE,     /* a whole table on one line, cells separated
                              by two spaces, rows by " | " */
    JX_LAYOUT_PDF,         /* as TSV, with the CJK characters of label
                              cells spaced out (PDF converters) */
    JX_LAYOUT_COUNT
};

/* Name of a layout: "tabcell", "tsv", ... */
const char *jx_text_layout_name(enum jx_text_layout l);

/* The layout called name; 0, or -1 for an unknown name. */
int jx_text_layout_from_name(const char *name, enum jx_text_layout *out);

/* Lay a package out as the printed documents: the report's title and
 * sections 一 … 十, then 附件1–3 (one 项目支出绩效自评表 per project sheet),
 * with every amount, rate and score as exact decimal text. */
struct jx_doc *jx_layout_package(struct jx_arena *arena,
                                 const struct jx_package *pkg,
                                 const char *file);

/* Write a document as text in a layout: paragraphs one per line, tables
 * in the layout, a blank line around each table.  Returns 0, or -1 when
 * out hit its cap. */
int jx_layout_write_text(const struct jx_doc *doc, enum jx_text_layout l,
                         struct jx_buf *out);

#endif
