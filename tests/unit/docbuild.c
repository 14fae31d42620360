/*
 * docbuild.c - neutral documents built by hand for the recogniser's
 * tests (docbuild.h).
 */
#include "docbuild.h"

#include <string.h>

#include "recognise/recognise.h"

/* Start a text document. */
void tb_init(struct tb *b, const char *file)
{
    memset(b, 0, sizeof *b);
    b->a = jx_arena_new();
    b->d = jx_doc_new(b->a, file, JX_SRC_TEXT);
    b->line = 1;
}

/* Finish the current table, if any. */
void tb_end(struct tb *b)
{
    if (b->t) {
        jx_doc_table_end(b->d, b->t);
        b->t = NULL;
    }
}

/* Add a paragraph on the next line. */
void tb_para(struct tb *b, const char *text)
{
    tb_end(b);
    struct jx_prov p = {.line = b->line++, .col = 1};
    jx_doc_add_para(b->d, text, strlen(text), 0, &p);
}

/* Add a table row of '|'-separated cells on the next line. */
void tb_row(struct tb *b, const char *cells)
{
    if (!b->t) {
        b->t = jx_doc_add_table(b->d, NULL);
        b->row = 0;
    }
    int col = 0;
    const char *p = cells;
    for (;;) {
        const char *q = strchr(p, '|');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        jx_doc_table_add_cell(b->d, b->t, b->row, col, 1, 1, p, n, b->line,
                              2 + col * 4);
        col++;
        if (!q) {
            break;
        }
        p = q + 1;
    }
    b->row++;
    b->line++;
}

/* Recognise the document (diagnostics in the builder's arena). */
struct jx_package *tb_recog(struct tb *b, struct jx_diags *dg)
{
    tb_end(b);
    jx_diags_init(dg, b->a);
    return jx_recognise(b->a, b->d, dg);
}

/* Free a builder and its diagnostics. */
void tb_free(struct tb *b, struct jx_diags *dg)
{
    jx_diags_release(dg);
    jx_arena_free(b->a);
}

/* See docbuild.h. */
const char *tb_money(const struct jx_amt *m, enum jx_money_unit u)
{
    static char buf[4][JX_NUM_BUFSZ];
    static int k;
    if (!m->present) {
        return "";
    }
    k = (k + 1) % 4;
    return jx_money_format_exact(m->v, u, buf[k]);
}

/* See docbuild.h. */
const char *tb_num(const struct jx_num *n, bool pct)
{
    static char buf[4][JX_NUM_BUFSZ];
    static int k;
    if (!n->present) {
        return "";
    }
    k = (k + 1) % 4;
    const char *s = jx_rat_format_exact(n->v, pct, buf[k]);
    return s ? s : "?";
}

/* The provenance of a document cell (docbuild.h). */
struct jx_prov tb_cell_prov(const struct jx_doc *doc,
                            const struct jx_doc_cell *c)
{
    struct jx_prov none;
    memset(&none, 0, sizeof none);
    for (size_t i = 0; c && i < doc->nblocks; i++) {
        const struct jx_doc_table *t = doc->blocks[i].table;
        if (doc->blocks[i].kind == JX_DOC_TABLE && c >= t->cells &&
            c < t->cells + t->ncells) {
            return jx_doc_cell_prov(doc->arena, doc, t, c);
        }
    }
    return none;
}
