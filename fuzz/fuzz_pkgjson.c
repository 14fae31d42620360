/*
 * fuzz_pkgjson.c - fuzz target for the Package JSON loader and saver.
 *
 * The input (at most 64 KiB) is loaded as a package; every diagnostic
 * is formatted and must carry a position inside the input.  Whenever a
 * package comes back (with or without errors), it is saved, the save
 * is loaded again and saved again, and the two saves must be identical
 * byte for byte.  Reloading the save of an error-free package must give
 * no diagnostic at all; reloading the save of a partial package may
 * only complain about required values that were missing (J104).  Every
 * package that loads is then scored and cross-checked (all families),
 * and its 自评报告 and findings report are built and written as text,
 * HTML and DOCX (the PDF writer's fonts make it too slow to fuzz here),
 * which must not crash whatever the values.  A violation calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/check.h"
#include "jixiao/pkgjson.h"
#include "jixiao/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its line. */
#define REQUIRE(cond)                                                     \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "fuzz_pkgjson.c:%d: violated: %s\n",          \
                    __LINE__, #cond);                                     \
            abort();                                                      \
        }                                                                 \
    } while (0)

enum { MAX_INPUT = 64 * 1024, MAX_SAVE = 16 * 1024 * 1024 };

/* Count the lines of text[0..n) (1 + newlines). */
static int count_lines(const char *text, size_t n)
{
    int lines = 1;
    for (size_t i = 0; i < n; i++) {
        lines += text[i] == '\n';
    }
    return lines;
}

/* Load, check diagnostics, and (when clean) check the save round trip. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) {
        return 0;
    }
    const char *text = (const char *)data;
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = jx_pkgjson_load(a, "fuzz.json", text, size, &d);
    int lines = count_lines(text, size);
    struct jx_buf msg;
    jx_buf_init(&msg, 1u << 20);
    for (size_t i = 0; i < d.n; i++) {
        REQUIRE(d.a[i].code[0] == 'J');
        REQUIRE(d.a[i].loc.line >= 1 && d.a[i].loc.line <= lines);
        REQUIRE(d.a[i].loc.col >= 1 && (size_t)d.a[i].loc.col <= size + 1);
        jx_diag_format(&msg, &d.a[i]);
    }
    jx_buf_release(&msg);
    if (p) {
        bool clean = jx_diags_errors(&d) == 0;
        struct jx_buf s1, s2;
        jx_buf_init(&s1, MAX_SAVE);
        jx_buf_init(&s2, MAX_SAVE);
        REQUIRE(jx_pkgjson_save(p, &s1) == 0);
        struct jx_diags d2;
        jx_diags_init(&d2, a);
        struct jx_package *q =
            jx_pkgjson_load(a, "save.json", s1.p, s1.len, &d2);
        bool ok = q != NULL;
        for (size_t i = 0; i < d2.n; i++) {
            if (clean || strcmp(d2.a[i].code, "J104") != 0) {
                ok = false;
            }
        }
        if (!ok) {
            fprintf(stderr, "%s", s1.p);
            for (size_t i = 0; i < d2.n; i++) {
                fprintf(stderr, "%s %d:%d %s\n", d2.a[i].code,
                        d2.a[i].loc.line, d2.a[i].loc.col, d2.a[i].msg);
            }
        }
        REQUIRE(ok);
        REQUIRE(jx_pkgjson_save(q, &s2) == 0);
        REQUIRE(s1.len == s2.len && memcmp(s1.p, s2.p, s1.len) == 0);
        jx_diags_release(&d2);
        jx_buf_release(&s1);
        jx_buf_release(&s2);
        struct jx_policy pol;
        jx_policy_default(&pol);
        struct jx_check_config cfg;
        jx_check_config_default(&cfg);
        struct jx_diags d3;
        jx_diags_init(&d3, a);
        const struct jx_eval *ev = jx_score(a, p, &pol, &d3);
        jx_check(a, p, ev, &cfg, &d3);
        struct jx_buf ej;
        jx_buf_init(&ej, MAX_SAVE);
        jx_eval_json(ev, &d3, &ej);
        jx_buf_release(&ej);
        /* the documents: the writers must take whatever text comes */
        struct jx_report_opts ro = {true, true, NULL};
        struct jx_report_doc *docs[2] = {
            jx_report_build(a, p, ev, &d3, &ro), jx_report_findings(a, p, &d3)};
        for (int k = 0; k < 2; k++) {
            struct jx_buf out;
            struct jx_diags dw;
            jx_diags_init(&dw, a);
            jx_buf_init(&out, MAX_SAVE);
            REQUIRE(jx_report_text(docs[k], &out) == 0 || out.toobig);
            jx_buf_reset(&out);
            int hr = jx_report_html(docs[k], &out, &dw);
            REQUIRE(hr == 0 || jx_diags_errors(&dw) > 0);
            jx_buf_reset(&out);
            int dr = jx_report_docx(docs[k], &out, &dw);
            REQUIRE(dr == 0 || jx_diags_errors(&dw) > 0);
            jx_buf_release(&out);
            jx_diags_release(&dw);
        }
        jx_diags_release(&d3);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
    return 0;
}
