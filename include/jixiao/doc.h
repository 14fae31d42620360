/*
 * doc.h - the neutral document every source is turned into before the
 * recognisers read it: a sequence of blocks, each a paragraph or a table
 * of cells with row and column spans.  DOCX, XLSX and text (from Word or
 * PDF) importers build it; the recognisers (recog.h) read it, so one
 * recogniser serves a DOCX table and a table recovered from text alike.
 *
 * Ownership: a document and everything in it live in the arena given to
 * jx_doc_new().
 */
#ifndef JIXIAO_DOC_H
#define JIXIAO_DOC_H

#include "jixiao/base.h"
#include "jixiao/model.h"

/* Where a document came from. */
enum jx_doc_source {
    JX_SRC_TEXT = 0, /* plain text (from Word, PDF, a portal) */
    JX_SRC_DOCX,     /* word/document.xml of a DOCX */
    JX_SRC_XLSX,     /* the sheets of an XLSX workbook */
    JX_SRC_PDF,      /* words placed on the pages of a PDF */
    JX_SRC_HTML,     /* an HTML page (tables from their cells) */
    JX_SRC_XLS       /* the sheets of a BIFF .xls workbook */
};

/* One cell of a table.  A merged cell appears once, at its top-left
 * position, with its spans.  It holds only its place in its table (24
 * bytes: a workbook has millions); its provenance is made from the
 * table and the cell by jx_doc_cell_prov where a value needs one, with
 * its source line:col (jx_doc_where) when the reader had one. */
struct jx_doc_cell {
    const char *text;    /* the cell's text, paragraphs joined by '\n',
                            trimmed; "" for an empty cell */
    int row, col;        /* 0-based grid position of the top-left */
    int rowspan;         /* rows covered, >= 1 */
    int colspan;         /* columns covered, >= 1 */
};

/* Where a cell was read in its source, for the readers that know. */
struct jx_doc_where {
    int line;            /* source line (text, HTML) or page (PDF), or 0 */
    union {
        int lcol;        /* source column in code points (text), or 0 */
        int rowskip;     /* JX_DOC_AT_GRID: rows above the cell that the
                            reader dropped after placing it (PDF: a
                            header repeated on a new page), which its
                            provenance's row still counts */
    };
};

/* How a table's cells are located (jx_doc_table.where, bits). */
enum {
    JX_DOC_AT_SHEET = 1, /* sheet (the table's name) and the A1 name of
                            the cell (XLSX, XLS) */
    JX_DOC_AT_GRID = 2   /* table number, 1-based row and column (DOCX,
                            PDF, HTML) */
};

/* A table: cells on a grid of nrows × ncols. */
struct jx_doc_table {
    const char *name;           /* sheet name (XLSX), else NULL */
    int index;                  /* 1-based number of the table in its doc */
    int nrows, ncols;           /* grid size (after jx_doc_table_end) */
    struct jx_doc_cell *cells;  /* in the order added (row-major) */
    size_t ncells, capcells;
    uint32_t *grid;             /* nrows*ncols: 1 + the index in cells of
                                   the cell covering each position, 0
                                   for none (NULL: no grid) */
    bool truncated;             /* the source ended in the middle of it */
    unsigned where;             /* JX_DOC_AT_* bits: what a cell's
                                   provenance names beside its line:col */
    struct jx_doc_where *where_at; /* per cell, parallel to cells, once a
                                      cell with a line or column was
                                      added (NULL for XLSX, XLS, DOCX) */
    size_t capwhere;
    struct jx_prov *provs;      /* a whole provenance per cell, parallel
                                   to cells, for the few tables whose
                                   cells need more than a place (a form
                                   cut from one line: cells split by
                                   inference); NULL for a reader's */
    size_t capprovs;
};

/* Kinds of block. */
enum jx_doc_block_kind {
    JX_DOC_PARA = 0,
    JX_DOC_TABLE
};

/* A paragraph. */
struct jx_doc_para {
    const char *text;    /* the text, trimmed of surrounding blanks */
    int heading;         /* heading level from styles (1..9), 0 = body */
    struct jx_prov prov; /* where it starts */
};

/* A block: a paragraph or a table. */
struct jx_doc_block {
    enum jx_doc_block_kind kind;
    struct jx_doc_para para;    /* when kind == JX_DOC_PARA */
    struct jx_doc_table *table; /* when kind == JX_DOC_TABLE */
};

/* A document. */
struct jx_doc {
    struct jx_arena *arena;     /* owner of everything (not owned) */
    const char *file;           /* the input's name for provenance */
    enum jx_doc_source source;
    struct jx_doc_block *blocks;
    size_t nblocks, capblocks;
    int ntables;                /* tables added so far */
    long grid_total;            /* grid positions of its tables so far
                                   (bounded by JX_DOC_MAX_GRID_TOTAL) */
};

/* A new empty document for file in arena. */
struct jx_doc *jx_doc_new(struct jx_arena *arena, const char *file,
                          enum jx_doc_source source);

/* Append a paragraph (text copied into the arena). */
void jx_doc_add_para(struct jx_doc *d, const char *text, size_t len,
                     int heading, const struct jx_prov *prov);

/* Give back the room left over in the block array once the document
 * is complete (pointers into d->blocks are invalid afterwards). */
void jx_doc_fit(struct jx_doc *d);

/* Start a new table at the end of the document and return it. */
struct jx_doc_table *jx_doc_add_table(struct jx_doc *d, const char *name);

/* Make room for n cells in all in t (a reader that knows how many it
 * will add), so that the cell array is not regrown by doubling, each
 * outgrown copy staying in the arena. */
void jx_doc_table_reserve(struct jx_doc *d, struct jx_doc_table *t,
                          size_t n);

/* Add a cell (text copied) at row, col with its spans, read at source
 * line:lcol (0 when the reader has none; PDF: line is the page).
 * Returns the cell (valid until the next add to this table). */
struct jx_doc_cell *jx_doc_table_add_cell(struct jx_doc *d,
                                          struct jx_doc_table *t, int row,
                                          int col, int rowspan, int colspan,
                                          const char *text, size_t len,
                                          int line, int lcol);

/* Add a cell as jx_doc_table_add_cell with a whole provenance of its
 * own (copied; its strings must live as long as the document), kept in
 * t->provs: for a table every cell of which is added this way. */
struct jx_doc_cell *jx_doc_table_add_cell_prov(struct jx_doc *d,
                                               struct jx_doc_table *t,
                                               int row, int col,
                                               const char *text, size_t len,
                                               const struct jx_prov *prov);

/* Add n cells to t at once, not zeroed, and return the first: a reader
 * that fills every one itself, in any order, with text (in the document's
 * arena), row and column >= 0, rowspan and colspan >= 1, before
 * jx_doc_table_end.  No line:col is kept for them. */
struct jx_doc_cell *jx_doc_table_fill(struct jx_doc *d, struct jx_doc_table *t,
                                      size_t n);

/* Add a cell as jx_doc_table_add_cell, its text not copied: text must
 * live in the document's arena (a reader that made it there). */
struct jx_doc_cell *jx_doc_table_add_cell_ref(struct jx_doc *d,
                                              struct jx_doc_table *t,
                                              int row, int col, int rowspan,
                                              int colspan, const char *text,
                                              int line, int lcol);

/* Most grid positions (rows × columns) of one table, and of all the
 * tables of a document together. */
#define JX_DOC_MAX_GRID 4000000L
#define JX_DOC_MAX_GRID_TOTAL 8000000L

/* Finish a table: compute nrows/ncols and the grid (overlapping cells:
 * the first added wins).  The table ends at the last row where a cell
 * starts: a merged cell reaching further down is cut there (a sheet's
 * merge over 65,000 empty rows covers nothing read, and its grid would
 * cost memory out of all proportion to the file).  Call once
 * after the last cell.  Returns 0, or -1 when the grid would pass
 * JX_DOC_MAX_GRID, or take the document's tables past
 * JX_DOC_MAX_GRID_TOTAL (then it has no grid and the importer reports
 * the limit). */
int jx_doc_table_end(struct jx_doc *d, struct jx_doc_table *t);

/* The cell covering (row, col), or NULL (outside or uncovered). */
const struct jx_doc_cell *jx_doc_cell_at(const struct jx_doc_table *t,
                                         int row, int col);

/* The provenance of cell c of table t of document d: d's file, the
 * cell's line:col, and by t->where its sheet and A1 name (the A1 name
 * made in arena a) or its table number, row and column; or the cell's
 * own in t->provs when t has them.  Made on demand: only a cell that
 * a fact or a finding names needs one.  Strings are borrowed from d and t or live in a. */
struct jx_prov jx_doc_cell_prov(struct jx_arena *a, const struct jx_doc *d,
                                const struct jx_doc_table *t,
                                const struct jx_doc_cell *c);

/* As jx_doc_cell_prov, the A1 name written to a1 (16 bytes) instead of
 * an arena: for a provenance needed only for a moment (a finding's
 * place, which the list copies). */
struct jx_prov jx_doc_cell_prov_tmp(const struct jx_doc *d,
                                    const struct jx_doc_table *t,
                                    const struct jx_doc_cell *c,
                                    char a1[16]);

/* Where cell c of table t was read (zeros when its reader did not
 * say). */
struct jx_doc_where jx_doc_cell_where(const struct jx_doc_table *t,
                                      const struct jx_doc_cell *c);

/* The A1 name of the 0-based cell (row, col): "B12" (in arena a). */
const char *jx_doc_a1_name(struct jx_arena *a, int row, int col);

/* The text at (row, col): the covering cell's text, or "" (never
 * NULL). */
const char *jx_doc_text_at(const struct jx_doc_table *t, int row, int col);

/* Append a readable dump of the document to b (for tests and the
 * hidden test-doc command): one line per paragraph ("P[h] text") and
 * per cell ("T<n> r,c +rs,cs: text"), newlines shown as "\n". */
int jx_doc_dump(const struct jx_doc *d, struct jx_buf *b);

#endif
