/*
 * fuzz_doc.h - what the fuzz targets of the document importers (text,
 * HTML, PDF, .xls) check on the neutral document they get: every table
 * cell inside its grid and covering its own top-left position, every
 * paragraph with text, the dump succeeding; then the recognisers run on
 * it.  A violation calls abort().
 */
#ifndef JIXIAO_FUZZ_DOC_H
#define JIXIAO_FUZZ_DOC_H

#include "jixiao/doc.h"

/* Check doc (NULL is allowed: nothing imported), dump it and recognise
 * it into arena a with findings in d. */
void fuzz_doc_check(struct jx_arena *a, const struct jx_doc *doc,
                    struct jx_diags *d);

#endif
