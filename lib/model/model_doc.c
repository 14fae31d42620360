/*
 * model_doc.c - the neutral document: building it and reading its tables.
 */
#include "jixiao/doc.h"

#include <stdio.h>
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

/* Make t's n cells at once (doc.h). */
struct jx_doc_cell *jx_doc_table_fill(struct jx_doc *d, struct jx_doc_table *t,
                                      size_t n)
{
    if (!t->ncells && n > t->capcells) {
        /* not zeroed: the reader writes them all */
        t->cells = jx_alloc_array_unset(d->arena, n, sizeof *t->cells);
        t->capcells = n;
    } else {
        jx_doc_table_reserve(d, t, t->ncells + n);
    }
    struct jx_doc_cell *c = t->cells + t->ncells;
    t->ncells += n;
    return c;
}

/* Record where the last cell added to t was read: kept only once some
 * cell of t has a line or column (the earlier ones then zeros). */
static void set_where(struct jx_doc *d, struct jx_doc_table *t, int line,
                      int lcol)
{
    size_t i = t->ncells - 1;
    if (!t->where_at) {
        if (!line && !lcol) {
            return;
        }
        t->capwhere = t->capcells > i + 1 ? t->capcells : i + 1;
        t->where_at = jx_alloc_array(d->arena, t->capwhere,
                                     sizeof *t->where_at);
    } else {
        t->where_at = jx_arena_regrow(d->arena, t->where_at, i,
                                      &t->capwhere, sizeof *t->where_at);
    }
    t->where_at[i].line = line;
    t->where_at[i].lcol = lcol;
}

/* Where a cell was read (doc.h). */
struct jx_doc_where jx_doc_cell_where(const struct jx_doc_table *t,
                                      const struct jx_doc_cell *c)
{
    struct jx_doc_where w;
    if (t->where_at) {
        return t->where_at[c - t->cells];
    }
    memset(&w, 0, sizeof w);
    return w;
}

/* Add a cell; spans below 1 are taken as 1.  The text is copied into
 * the document's arena (jx_doc_table_add_cell_ref does the rest). */
struct jx_doc_cell *jx_doc_table_add_cell(struct jx_doc *d,
                                          struct jx_doc_table *t, int row,
                                          int col, int rowspan, int colspan,
                                          const char *text, size_t len,
                                          int line, int lcol)
{
    return jx_doc_table_add_cell_ref(d, t, row, col, rowspan, colspan,
                                     jx_strndup(d->arena, text, len), line,
                                     lcol);
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
    set_where(d, t, line, lcol);
    return c;
}

/* Compute the grid size and the covering cell of every position (as
 * a 32-bit index: half the room of a pointer); -1 (and no grid) when it
 * would pass JX_DOC_MAX_GRID positions. */
int jx_doc_table_end(struct jx_doc *d, struct jx_doc_table *t)
{
    long rows = 0, cols = 0;
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        long k = (long)c->col + c->colspan;
        rows = c->row >= rows ? (long)c->row + 1 : rows;
        cols = k > cols ? k : cols;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        struct jx_doc_cell *c = &t->cells[i];
        if (c->row + (long)c->rowspan > rows) {
            c->rowspan = (int)(rows - c->row);
        }
    }
    if (rows > JX_DOC_MAX_GRID || cols > JX_DOC_MAX_GRID ||
        rows * cols > JX_DOC_MAX_GRID || t->ncells >= UINT32_MAX ||
        rows * cols > JX_DOC_MAX_GRID_TOTAL - d->grid_total) {
        t->nrows = t->ncols = 0;
        t->grid = NULL;
        return -1;
    }
    d->grid_total += rows * cols;
    t->nrows = (int)rows;
    t->ncols = (int)cols;
    t->grid = jx_alloc_array(d->arena, (size_t)(rows * cols),
                             sizeof *t->grid);
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        for (int r = c->row; r < c->row + c->rowspan; r++) {
            for (int k = c->col; k < c->col + c->colspan; k++) {
                uint32_t *slot =
                    &t->grid[(size_t)r * (size_t)t->ncols + (size_t)k];
                if (!*slot) {
                    *slot = (uint32_t)(i + 1);
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
    uint32_t i = t->grid[(size_t)row * (size_t)t->ncols + (size_t)col];
    return i ? &t->cells[i - 1] : NULL;
}

/* Write the A1 name of a 0-based cell to out (16 bytes). */
static void a1_write(char out[16], int row, int col)
{
    char tmp[8];
    int k = 0;
    unsigned c = (unsigned)col + 1;
    while (c > 0 && k < 7) {
        tmp[k++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (int i = 0; i < k; i++) {
        out[i] = tmp[k - 1 - i];
    }
    snprintf(out + k, (size_t)(16 - k), "%d", row + 1);
}

/* The A1 name of a 0-based cell (doc.h). */
const char *jx_doc_a1_name(struct jx_arena *a, int row, int col)
{
    char out[16];
    a1_write(out, row, col);
    return jx_strdup(a, out);
}

/* A cell's provenance, its A1 name in a1 (doc.h). */
struct jx_prov jx_doc_cell_prov_tmp(const struct jx_doc *d,
                                    const struct jx_doc_table *t,
                                    const struct jx_doc_cell *c,
                                    char a1[16])
{
    struct jx_prov p;
    if (t->provs) {
        p = t->provs[c - t->cells];
        p.file = d->file;
        return p;
    }
    memset(&p, 0, sizeof p);
    p.file = d->file;
    struct jx_doc_where w = jx_doc_cell_where(t, c);
    p.line = w.line;
    p.col = t->where & JX_DOC_AT_GRID ? 0 : w.lcol;
    if (t->where & JX_DOC_AT_SHEET) {
        a1_write(a1, c->row, c->col);
        p.sheet = t->name;
        p.cell = a1;
    }
    if (t->where & JX_DOC_AT_GRID) {
        p.table = t->index;
        p.row = c->row + 1 + w.rowskip;
        p.column = c->col + 1;
    }
    return p;
}

/* The provenance of a cell, made from its table and position (doc.h). */
struct jx_prov jx_doc_cell_prov(struct jx_arena *a, const struct jx_doc *d,
                                const struct jx_doc_table *t,
                                const struct jx_doc_cell *c)
{
    char a1[16];
    struct jx_prov p = jx_doc_cell_prov_tmp(d, t, c, a1);
    if (p.cell == a1) {
        p.cell = jx_strdup(a, a1);
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
