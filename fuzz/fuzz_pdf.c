/*
 * fuzz_pdf.c - fuzz target of the PDF importer (poppler behind byte guards): arbitrary bytes (at most 1 MiB)
 * through jx_import_pdf with small limits, so that the limit paths are reached
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

/* LeakSanitizer's built-in suppressions (read only under
 * -fsanitize=address): fontconfig keeps its configuration for the
 * process once poppler looks up a font; not jixiao's memory. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n";
}

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
    lim.max_pages = 50;
    lim.max_pdf_objects = 20000;
    lim.max_page_words = 50000;
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc =
        jx_import_pdf(a, "fuzz.pdf", (const char *)data, size, &lim, &d);
    fuzz_doc_check(a, doc, &d);
    jx_diags_release(&d);
    jx_arena_free(a);
    return 0;
}
