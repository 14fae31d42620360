/*
 * fuzz_units.c - fuzz target of the workspace's units reader
 * (lib/workspace/ws_setup.c): reads arbitrary bytes as a CSV and then
 * as a units table, aborting when a result breaks an invariant:
 * - the CSV reader fails iff it reported exactly one D201, at the file
 *   (with a line, except when the encoding is refused);
 * - every row and cell it returns is located at a line >= 1 (a cell
 *   also at a column >= 1), rows in non-decreasing line order, no cell
 *   text starting or ending with an ASCII blank, and valid UTF-8
 *   (NUL-terminated, no NUL inside the reported length);
 * - the units reader fails iff it reported an error (D202-D204), and
 *   the units it returns have distinct non-empty codes without blanks
 *   and non-empty names.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/workspace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message naming the broken invariant. */
static void violated(const char *what)
{
    fprintf(stderr, "fuzz_units: %s\n", what);
    abort();
}

/* Whether s starts or ends with an ASCII blank. */
static bool untrimmed(const char *s)
{
    size_t n = strlen(s);
    return n > 0 && (strchr(" \t\r\n", s[0]) || strchr(" \t\r\n", s[n - 1]));
}

/* Read data as a units CSV and check the invariants. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_ws_table t = {0};
    int rc = jx_ws_csv_read(a, "f.csv", (const char *)data, size, &t, &d);
    if ((rc < 0) != (d.n == 1) || (rc == 0 && d.n != 0)) {
        violated("CSV failure without exactly one diagnostic");
    }
    if (rc < 0 && (strcmp(d.a[0].code, "D201") != 0 || !d.a[0].loc.file)) {
        violated("CSV failure not a located D201");
    }
    int last = 0;
    for (size_t i = 0; rc == 0 && i < t.n; i++) {
        const struct jx_ws_row *r = &t.rows[i];
        if (r->loc.line < 1 || r->loc.line < last) {
            violated("row line out of order");
        }
        last = r->loc.line;
        for (size_t k = 0; k < r->n; k++) {
            if (r->cells[k].loc.line < r->loc.line || r->cells[k].loc.col < 1) {
                violated("cell place");
            }
            if (untrimmed(r->cells[k].text)) {
                violated("cell not trimmed");
            }
        }
    }
    if (rc == 0) {
        struct jx_loc fl = {.file = "f.csv"};
        struct jx_ws_unit *u;
        size_t n;
        size_t before = d.n;
        int ur = jx_ws_units_from_table(a, &t, &fl, &u, &n, &d);
        if ((ur < 0) != (d.n > before)) {
            violated("units failure without a diagnostic");
        }
        for (size_t i = 0; ur == 0 && i < n; i++) {
            if (!u[i].code[0] || !u[i].name[0] || strchr(u[i].code, ' ')) {
                violated("unit without code or name");
            }
            for (size_t j = 0; j < i; j++) {
                if (strcmp(u[i].code, u[j].code) == 0) {
                    violated("duplicate code");
                }
            }
        }
    }
    jx_diags_release(&d);
    jx_arena_free(a);
    return 0;
}
