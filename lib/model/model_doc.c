/*
 * model_doc.c - the neutral document: building it and reading its tables.
 */
#include "jixiao/doc.h"

#include <string.h>

/* A new empty document. */
struct jx_doc *jx_doc_new(struct jx_arena *arena, const char *file,
                          enum jx_doc_source source)
{
    struct jx_doc *d = jx_alloc(arena, sizeof *d);
    d->arena = arena;
    d->file = jx_strdup(arena, file);
    d->source = source;
    return d;
}

/* Append a block slot and return it. */
static struct jx_doc_block *add_block(struct jx_doc *d)
{
    /* the outgrown array is given back: no pointer into it is kept
       across an append */
    d->blocks = jx_arena_regrow(d->arena, d->blocks, d->nblocks,
                                &d->capblocks, sizeof *d->blocks);
    return &d->blocks[d->nblocks++];
}

/* Append a paragraph. */
void jx_doc_add_para(struct jx_doc *d, const char *text, size_t len,
                     int heading, const struct jx_prov *prov)
{
    struct jx_doc_block *b = add_block(d);
    b->kind = JX_DOC_PARA;
    b->para.text = jx_strndup(d->arena, text, len);
    b->para.heading = heading;
    if (prov) {
        b->para.prov = *prov;
    }
    b->para.prov.file = d->file;
}

/* Trim the block array to its blocks (doc.h). */
void jx_doc_fit(struct jx_doc *d)
{
    d->blocks = jx_arena_fit(d->arena, d->blocks, d->nblocks, &d->capblocks,
                             sizeof *d->blocks);
}

/* Start a table. */
struct jx_doc_table *jx_doc_add_table(struct jx_doc *d, const char *name)
{
    struct jx_doc_table *t = jx_alloc(d->arena, sizeof *t);
    t->name = jx_strdup(d->arena, name);
    t->index = ++d->ntables;
    struct jx_doc_block *b = add_block(d);
    b->kind = JX_DOC_TABLE;
    b->table = t;
    return t;
}

/* Room for n cells in all (doc.h). */
void jx_doc_table_reserve(struct jx_doc *d, struct jx_doc_table *t, size_t n)
{
    if (n <= t->capcells) {
        return;
    }
    struct jx_doc_cell *c = jx_alloc_array(d->arena, n, sizeof *c);
    if (t->ncells) {
        memcpy(c, t->cells, t->ncells * sizeof *c);
    }
    t->cells = c;
    t->capcells = n;
}

/* Add a cell; spans below 1 are taken as 1. */
struct jx_doc_cell *jx_doc_table_add_cell(struct jx_doc *d,
                                          struct jx_doc_table *t, int row,
                                          int col, int rowspan, int colspan,
                                          const char *text, size_t len,
                                          int line, int lcol)
{
    t->cells = jx_arena_regrow(d->arena, t->cells, t->ncells, &t->capcells,
                               sizeof *t->cells);
    struct jx_doc_cell *c = &t->cells[t->ncells++];
    memset(c, 0, sizeof *c);
    c->text = jx_strndup(d->arena, text, len);
    c->row = row < 0 ? 0 : row;
    c->col = col < 0 ? 0 : col;
    c->rowspan = rowspan < 1 ? 1 : rowspan;
    c->colspan = colspan < 1 ? 1 : colspan;
    c->line = line;
    c->lcol = lcol;
    return c;
}

/* Add a cell with a provenance of its own (doc.h). */
struct jx_doc_cell *jx_doc_table_add_cell_prov(struct jx_doc *d,
                                               struct jx_doc_table *t,
                                               int row, int col,
                                               const char *text, size_t len,
                                               const struct jx_prov *prov)
{
    size_t i = t->ncells;
    t->provs = jx_arena_regrow(d->arena, t->provs, i, &t->capprovs,
                               sizeof *t->provs);
    t->provs[i] = *prov;
    return jx_doc_table_add_cell(d, t, row, col, 1, 1, text, len, prov->line,
                                 prov->col);
}

/* Add a cell whose text already lives in the document's arena. */
struct jx_doc_cell *jx_doc_table_add_cell_ref(struct jx_doc *d,
                                              struct jx_doc_table *t,
                                              int row, int col, int rowspan,
                                              int colspan, const char *text,
                                              int line, int lcol)
{
    t->cells = jx_arena_regrow(d->arena, t->cells, t->ncells, &t->capcells,
                               sizeof *t->cells);
    struct jx_doc_cell *c = &t->cells[t->ncells++];
    memset(c, 0, sizeof *c);
    c->text = text ? text : "";
    c->row = row < 0 ? 0 : row;
    c->col = col < 0 ? 0 : col;
    c->rowspan = rowspan < 1 ? 1 : rowspan;
    c->colspan = colspan < 1 ? 1 : colspan;
    c->line = line;
    c->lcol = lcol;
    return c;
}

/* Compute the grid size and the covering cell of every position;
 * -1 (and no grid) when it would pass JX_DOC_MAX_GRID positions. */
int jx_doc_table_end(struct jx_doc *d, struct jx_doc_table *t)
{
    long rows = 0, cols = 0;
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        long r = (long)c->row + c->rowspan;
        long k = (long)c->col + c->colspan;
        rows = r > rows ? r : rows;
        cols = k > cols ? k : cols;
    }
    if (rows > JX_DOC_MAX_GRID || cols > JX_DOC_MAX_GRID ||
        rows * cols > JX_DOC_MAX_GRID) {
        t->nrows = t->ncols = 0;
        t->grid = NULL;
        return -1;
    }
    t->nrows = (int)rows;
    t->ncols = (int)cols;
    t->grid = jx_alloc_array(d->arena, (size_t)(rows * cols),
                             sizeof *t->grid);
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        for (int r = c->row; r < c->row + c->rowspan; r++) {
            for (int k = c->col; k < c->col + c->colspan; k++) {
                const struct jx_doc_cell **slot =
                    &t->grid[(size_t)r * (size_t)t->ncols + (size_t)k];
                if (!*slot) {
                    *slot = c;
                }
            }
        }
    }
    return 0;
}

/* The covering cell of (row, col), or NULL. */
const struct jx_doc_cell *jx_doc_cell_at(const struct jx_doc_table *t,
                                         int row, int col)
{
    if (!t->grid || row < 0 || col < 0 || row >= t->nrows ||
        col >= t->ncols) {
        return NULL;
    }
    return t->grid[(size_t)row * (size_t)t->ncols + (size_t)col];
}

/* The A1 name of a 0-based cell (doc.h). */
const char *jx_doc_a1_name(struct jx_arena *a, int row, int col)
{
    char tmp[8];
    char letters[8];
    int k = 0;
    unsigned c = (unsigned)col + 1;
    while (c > 0 && k < 7) {
        tmp[k++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (int i = 0; i < k; i++) {
        letters[i] = tmp[k - 1 - i];
    }
    letters[k] = '\0';
    return jx_sprintf(a, "%s%d", letters, row + 1);
}

/* The provenance of a cell, made from its table and position (doc.h). */
struct jx_prov jx_doc_cell_prov(struct jx_arena *a, const struct jx_doc *d,
                                const struct jx_doc_table *t,
                                const struct jx_doc_cell *c)
{
    struct jx_prov p;
    if (t->provs) {
        p = t->provs[c - t->cells];
        p.file = d->file;
        return p;
    }
    memset(&p, 0, sizeof p);
    p.file = d->file;
    p.line = c->line;
    p.col = c->lcol;
    if (t->where & JX_DOC_AT_SHEET) {
        p.sheet = t->name;
        p.cell = jx_doc_a1_name(a, c->row, c->col);
    }
    if (t->where & JX_DOC_AT_GRID) {
        p.table = t->index;
        p.row = c->row + 1;
        p.column = c->col + 1;
    }
    return p;
}

/* The covering cell's text, or "". */
const char *jx_doc_text_at(const struct jx_doc_table *t, int row, int col)
{
    const struct jx_doc_cell *c = jx_doc_cell_at(t, row, col);
    return c ? c->text : "";
}

/* Append text with newlines shown as "\n" and tabs as "\t". */
static int add_escaped(struct jx_buf *b, const char *s)
{
    for (; *s; s++) {
        int r;
        if (*s == '\n') {
            r = jx_buf_adds(b, "\\n");
        } else if (*s == '\t') {
            r = jx_buf_adds(b, "\\t");
        } else {
            r = jx_buf_addc(b, *s);
        }
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

/* Dump paragraphs and cells one per line. */
int jx_doc_dump(const struct jx_doc *d, struct jx_buf *b)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const struct jx_doc_block *blk = &d->blocks[i];
        if (blk->kind == JX_DOC_PARA) {
            if (jx_buf_addf(b, "P%d ", blk->para.heading) < 0 ||
                add_escaped(b, blk->para.text) < 0 ||
                jx_buf_addc(b, '\n') < 0) {
                return -1;
            }
            continue;
        }
        const struct jx_doc_table *t = blk->table;
        if (jx_buf_addf(b, "T%d %s%dx%d%s\n", t->index,
                        t->name ? t->name : "", t->nrows, t->ncols,
                        t->truncated ? " (truncated)" : "") < 0) {
            return -1;
        }
        for (size_t k = 0; k < t->ncells; k++) {
            const struct jx_doc_cell *c = &t->cells[k];
            if (jx_buf_addf(b, "T%d %d,%d +%d,%d: ", t->index, c->row,
                            c->col, c->rowspan, c->colspan) < 0 ||
                add_escaped(b, c->text) < 0 || jx_buf_addc(b, '\n') < 0) {
                return -1;
            }
        }
    }
    return 0;
}
