/*
 * fuzz_doc.c - the checks the document importers' fuzz targets share
 * (fuzz_doc.h).
 */
#include "fuzz_doc.h"

#include <stdlib.h>

#include "recognise/recognise.h"

/* Check what a table promises: every cell inside the grid, covering its
 * own top-left position. */
static void check_table(const struct jx_doc_table *t)
{
    if (!t->grid) {
        return;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        if (c->row + c->rowspan > t->nrows || c->col + c->colspan > t->ncols ||
            !c->text || !jx_doc_cell_at(t, c->row, c->col)) {
            abort();
        }
    }
}

/* Check, dump and recognise an imported document. */
void fuzz_doc_check(struct jx_arena *a, const struct jx_doc *doc,
                    struct jx_diags *d)
{
    if (!doc) {
        return;
    }
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jx_doc_block *b = &doc->blocks[i];
        if (b->kind == JX_DOC_TABLE) {
            check_table(b->table);
        } else if (!b->para.text) {
            abort();
        }
    }
    struct jx_buf out;
    jx_buf_init(&out, 1u << 26);
    jx_doc_dump(doc, &out);
    jx_buf_release(&out);
    jx_recognise(a, doc, d);
}
