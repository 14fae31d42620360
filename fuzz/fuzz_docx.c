/*
 * fuzz_docx.c - fuzz target for the ZIP reader and the DOCX importer.
 *
 * Inputs up to 1 MiB.  An input that starts with "PK" is taken as a
 * DOCX file as it is.  Any other input is taken as word/document.xml
 * and wrapped into a DOCX built in memory (stored, so the fuzzer's
 * bytes reach the XML reader unchanged); if it contains the line
 * "--styles--", what follows becomes word/styles.xml.  The document
 * must be consistent: every cell inside its table's grid, the grid
 * pointing back at covering cells, every diagnostic an I-code with a
 * message, and the dump must succeed.  A violation calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "jixiao/import.h"
#include "import/import_formats.h"

#include "fuzz_zip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its line. */
#define REQUIRE(cond)                                                     \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "fuzz_docx.c:%d: violated: %s\n", __LINE__,   \
                    #cond);                                               \
            abort();                                                      \
        }                                                                 \
    } while (0)

enum { MAX_INPUT = 1024 * 1024 };

static const char types[] =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats."
    "org/package/2006/content-types\"/>";

/* Wrap xml (and styles, when not NULL) into a DOCX; malloc'd bytes,
 * owned by the caller, or NULL. */
static char *wrap(const char *xml, size_t xlen, const char *styles,
                  size_t slen, size_t *len)
{
    const struct fz_part parts[] = {
        {"[Content_Types].xml", types, strlen(types)},
        {"word/document.xml", xml, xlen},
        {"word/styles.xml", styles, slen},
    };
    return fz_zip(parts, sizeof parts / sizeof parts[0], len);
}

/* Check the invariants of one table. */
static void check_table(const struct jx_doc_table *t)
{
    if (!t->grid) {
        REQUIRE(t->nrows == 0 && t->ncols == 0);
        return;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        REQUIRE(c->text != NULL);
        REQUIRE(c->row >= 0 && c->col >= 0);
        REQUIRE(c->rowspan >= 1 && c->colspan >= 1);
        REQUIRE(c->row + c->rowspan <= t->nrows);
        REQUIRE(c->col + c->colspan <= t->ncols);
        REQUIRE(t->where == JX_DOC_AT_GRID);
        const struct jx_doc_cell *at = jx_doc_cell_at(t, c->row, c->col);
        REQUIRE(at != NULL);
    }
}

/* Import one DOCX and check the document and the diagnostics. */
static void run(const char *data, size_t len)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_cells = 20000;
    lim.max_blocks = 20000;
    (void)jx_detect(data, len);
    struct jx_doc *doc = jx_import_docx(a, "fuzz.docx", data, len, &lim, &d);
    for (size_t i = 0; i < d.n; i++) {
        REQUIRE(d.a[i].code[0] == 'I' && d.a[i].msg && d.a[i].msg[0]);
    }
    if (doc) {
        int ntables = 0;
        for (size_t i = 0; i < doc->nblocks; i++) {
            const struct jx_doc_block *b = &doc->blocks[i];
            if (b->kind == JX_DOC_TABLE) {
                REQUIRE(b->table->index == ++ntables);
                check_table(b->table);
            } else {
                REQUIRE(b->para.text && b->para.text[0]);
                REQUIRE(b->para.heading >= 0 && b->para.heading <= 9);
            }
        }
        struct jx_buf out;
        jx_buf_init(&out, 1u << 28);
        REQUIRE(jx_doc_dump(doc, &out) == 0);
        jx_buf_release(&out);
    } else {
        REQUIRE(jx_diags_errors(&d) > 0);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Import the input as a DOCX, or as a document.xml wrapped into one. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) {
        return 0;
    }
    const char *s = (const char *)data;
    if (size >= 2 && s[0] == 'P' && s[1] == 'K') {
        run(s, size);
        return 0;
    }
    static const char mark[] = "\n--styles--\n";
    size_t m = sizeof mark - 1;
    size_t xlen = size;
    const char *styles = NULL;
    size_t slen = 0;
    for (size_t i = 0; i + m <= size; i++) {
        if (memcmp(s + i, mark, m) == 0) {
            xlen = i;
            styles = s + i + m;
            slen = size - i - m;
            break;
        }
    }
    size_t len = 0;
    char *z = wrap(s, xlen, styles, slen, &len);
    if (z) {
        run(z, len);
        free(z);
    }
    return 0;
}
