/*
 * fuzz_multipart.c - fuzz target of the portal's multipart/form-data
 * reader (lib/web/web_multipart.c: jx_web_multipart).  An input is the
 * Content-Type header's value up to the first newline, then the body.
 * The limits are small (3 parts, 2 files, 64-byte files, 256 bytes in
 * all, 128-byte headers) so that the fuzzer reaches them.  Aborts when
 * an answer breaks an invariant:
 * - the result is 0, 400 or 413, and a refusal says why;
 * - every part has a name, lies inside the body, and the parts keep the
 *   limits (count, files, sizes); a file name has no slash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/web.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message naming the broken invariant. */
static void violated(const char *what)
{
    fprintf(stderr, "fuzz_multipart: %s\n", what);
    abort();
}

/* Split the input, read it, check the answer. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *nl = memchr(in, '\n', size);
    size_t hl = nl ? (size_t)(nl - in) : size;
    struct jx_arena *a = jx_arena_new();
    char *ct = jx_strndup(a, in, hl);
    const char *body = nl ? nl + 1 : in + size;
    size_t len = size - (size_t)(body - in);
    /* a copy of exactly len bytes, so that ASan sees a read past it */
    char *copy = malloc(len ? len : 1);
    memcpy(copy, body, len);
    struct jx_web_multipart_limits lim = {3, 2, 64, 256, 128};
    struct jx_web_part *parts;
    size_t n;
    const char *why = NULL;
    int r = jx_web_multipart(a, ct, copy, len, &lim, &parts, &n, &why);
    if (r != 0 && r != 400 && r != 413) {
        violated("status not 0, 400 or 413");
    }
    if (r != 0 && (!why || !*why)) {
        violated("refused without a reason");
    }
    if (r == 0) {
        size_t files = 0, total = 0;
        if (n > lim.max_parts) {
            violated("too many parts");
        }
        for (size_t i = 0; i < n; i++) {
            const struct jx_web_part *p = &parts[i];
            if (!p->name) {
                violated("a part without a name");
            }
            if (p->data < copy || p->data + p->len > copy + len) {
                violated("a part outside the body");
            }
            if (p->filename) {
                files++;
                if (p->len > lim.max_file || strchr(p->filename, '/') ||
                    strchr(p->filename, '\\')) {
                    violated("a file too big or with a path");
                }
            }
            total += p->len;
        }
        if (files > lim.max_files || total > lim.max_total) {
            violated("limits passed");
        }
    }
    free(copy);
    jx_arena_free(a);
    return 0;
}
