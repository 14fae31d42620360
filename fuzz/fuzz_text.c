/*
 * fuzz_text.c - fuzz target of the text importer: arbitrary bytes (at
 * most 1 MiB) through jx_import_text, small limits so that the limit
 * paths are reached too, then the recognisers on the document.  The
 * document's grid must cover exactly its cells.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_doc.h"
#include "jixiao/import.h"
#include "import/import_formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Import the bytes as text and recognise the document. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20)) {
        return 0;
    }
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_cells = 20000;
    lim.max_blocks = 5000;
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc =
        jx_import_text(a, "fuzz.txt", (const char *)data, size, &lim, &d);
    fuzz_doc_check(a, doc, &d);
    jx_diags_release(&d);
    jx_arena_free(a);
    return 0;
}
