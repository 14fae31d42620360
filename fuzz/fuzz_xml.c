/*
 * fuzz_xml.c - fuzz target for the XML reader.
 *
 * The input (at most 1 MiB) is parsed with a maximum depth of 32 by
 * handlers that count elements and text and look up attributes.  The
 * reader must never pass the depth, never end more elements than it
 * started, balance them on success, never hand over a name without a
 * local part, and fill the error (reason, kind, line and column >= 1)
 * exactly on failure.  A violation calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_xml.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its line. */
#define REQUIRE(cond)                                                     \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "fuzz_xml.c:%d: violated: %s\n", __LINE__,    \
                    #cond);                                               \
            abort();                                                      \
        }                                                                 \
    } while (0)

enum { MAX_INPUT = 1024 * 1024, MAX_DEPTH = 32 };

/* What the handlers saw. */
struct counts {
    long starts, ends, text;
    int depth;
};

/* Count a start; check the depth and the name; look up attributes. */
static void on_start(void *ud, const char *ns, const char *local,
                     const char **attrs)
{
    struct counts *c = ud;
    c->starts++;
    c->depth++;
    REQUIRE(c->depth <= MAX_DEPTH);
    REQUIRE(ns != NULL && local != NULL && local[0] != '\0');
    REQUIRE(strchr(local, ' ') == NULL);
    size_t n = 0;
    while (attrs[n]) {
        REQUIRE(attrs[n + 1] != NULL);
        n += 2;
    }
    if (n) {
        const char *sp = strrchr(attrs[0], ' ');
        const char *first = sp ? sp + 1 : attrs[0];
        REQUIRE(jx_xml_attr(attrs, first) != NULL);
    }
    (void)jx_xml_attr(attrs, "val");
}

/* Count an end. */
static void on_end(void *ud, const char *ns, const char *local)
{
    struct counts *c = ud;
    REQUIRE(ns != NULL && local != NULL);
    c->ends++;
    c->depth--;
    REQUIRE(c->depth >= 0);
}

/* Count text. */
static void on_text(void *ud, const char *s, size_t len)
{
    struct counts *c = ud;
    REQUIRE(s != NULL && len > 0);
    c->text += (long)len;
}

/* Parse the input and check the reader's promises. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) {
        return 0;
    }
    struct counts c;
    memset(&c, 0, sizeof c);
    struct jx_xml_handlers h = {&c, on_start, on_end, on_text};
    struct jx_xml_error err;
    int rc = jx_xml_parse((const char *)data, size, &h, MAX_DEPTH, &err);
    if (rc == 0) {
        REQUIRE(err.msg == NULL && err.kind == JX_XML_OK);
        REQUIRE(c.starts == c.ends && c.starts >= 1 && c.depth == 0);
    } else {
        REQUIRE(rc == -1);
        REQUIRE(err.msg != NULL && err.kind != JX_XML_OK);
        REQUIRE(err.line >= 1 && err.col >= 1);
    }
    return 0;
}
