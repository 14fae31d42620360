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
 * -fsanitize=address), neither of them jixiao's memory:
 * - fontconfig keeps its configuration for the process once poppler
 *   looks up a font;
 * - cairo (Debian's 1.16) loses a hash table, 648 bytes in the two
 *   allocations of its _cairo_hash_table_create (identified by address),
 *   while poppler renders a page with a malformed embedded font; most
 *   likely a scaled font's glyph table, which cairo-ft's error path for a
 *   font FreeType cannot scale frees without finishing the scaled font.
 *   libcairo has no frame pointers, so the stack ends at
 *   libcairo and only its module can be named.  jixiao's own cairo calls
 *   (the page rendered to find ruling lines, import_pdf.c) stay checked
 *   for leaks by the unit tests under ASan, which suppress nothing.
 *   fuzz/RESULTS.md, Failures, tells how it was found. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libfontconfig.so\n"
           "leak:libcairo.so\n";
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
