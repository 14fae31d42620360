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
#include "jixiao/model.h"

struct jx_forms;

/* The bundled catalogue of forms (data/forms), loaded once per process
 * into an arena of its own that lives as long as the process (the
 * same catalogue jx_recognise loads for every call; loading it once
 * keeps the fuzzer on the input-dependent code).  Never NULL. */
const struct jx_forms *fuzz_forms(void);

/* Recognise doc into arena a with the catalogue of fuzz_forms(), as
 * jx_recognise does: the catalogue's own findings (if any) are added to
 * d first.  Returns the package or NULL. */
struct jx_package *fuzz_recognise(struct jx_arena *a, const struct jx_doc *doc,
                                  struct jx_diags *d);

/* Check doc (NULL is allowed: nothing imported), dump it and recognise
 * it into arena a with findings in d. */
void fuzz_doc_check(struct jx_arena *a, const struct jx_doc *doc,
                    struct jx_diags *d);

#endif
