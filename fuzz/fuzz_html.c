/*
 * fuzz_html.c - fuzz target of the HTML importer (libxml2 HTML parser): arbitrary bytes (at most 1 MiB)
 * through jx_import_html with small limits, so that the limit paths are reached
 * too, then the recognisers on the document.  The document's grid must
 * cover exactly its cells.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_doc.h"
#include "jixiao/import.h"
#include "import/import_formats.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Import the bytes and recognise the document. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20)) {
        return 0;
    }
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_cells = 20000;
    lim.max_blocks = 5000;
    lim.max_html_nodes = 100000;
    lim.max_html_depth = 64;
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc =
        jx_import_html(a, "fuzz.html", (const char *)data, size, &lim, &d);
    fuzz_doc_check(a, doc, &d);
    jx_diags_release(&d);
    jx_arena_free(a);
    return 0;
}
