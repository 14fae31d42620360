/*
 * fuzz_doc.c - the checks the document importers' fuzz targets share
 * (fuzz_doc.h).
 */
#include "fuzz_doc.h"

#include <stdlib.h>

#include "recognise/forms.h"
#include "recognise/recognise.h"

static struct jx_arena *forms_arena;   /* lives for the process */
static const struct jx_forms *forms;   /* the catalogue, in forms_arena */
static struct jx_diags forms_diags;    /* its findings, in forms_arena */

/* Load the bundled catalogue on the first call (see fuzz_doc.h). */
const struct jx_forms *fuzz_forms(void)
{
    if (!forms) {
        forms_arena = jx_arena_new();
        jx_diags_init(&forms_diags, forms_arena);
        forms = jx_forms_default(forms_arena, &forms_diags);
    }
    return forms;
}

/* Recognise with the cached catalogue (see fuzz_doc.h). */
struct jx_package *fuzz_recognise(struct jx_arena *a, const struct jx_doc *doc,
                                  struct jx_diags *d)
{
    const struct jx_forms *cat = fuzz_forms();
    for (size_t i = 0; d && i < forms_diags.n; i++) {
        const struct jx_diag *e = &forms_diags.a[i];
        jx_diag_add(d, e->code, e->severity, &e->loc, "%s", e->msg);
    }
    return jx_recognise_with(a, doc, cat, d);
}

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
    fuzz_recognise(a, doc, d);
}
