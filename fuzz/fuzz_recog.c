/*
 * fuzz_recog.c - fuzz target of the recognisers (jx_recognise, with the
 * bundled catalogue of forms loaded once per process: fuzz_recognise in
 * fuzz_doc.h) and the facts of the report text (jx_report_facts).
 *
 * The input is read as a small document language so that the fuzzer
 * reaches the recognisers directly: each line is a paragraph, except
 * lines with a tab, which are table rows (cells split at tabs; a run of
 * such lines is one table; a cell starting with '>' spans two columns,
 * one starting with '^' spans two rows).  The same bytes then go
 * through the real text importer and the recognisers again.  The
 * package found is saved as Package JSON, scored and cross-checked
 * (every check family), its 自评报告 built and written as text, HTML and
 * DOCX, and its facts listed.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_doc.h"
#include "jixiao/check.h"
#include "jixiao/facts.h"
#include "jixiao/import.h"
#include "import/import_formats.h"
#include "recognise/recognise.h"
#include "jixiao/pkgjson.h"
#include "jixiao/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Build the document of the small language above from s[0..n). */
static struct jx_doc *build(struct jx_arena *a, const char *s, size_t n)
{
    struct jx_doc *d = jx_doc_new(a, "fuzz.txt", JX_SRC_TEXT);
    struct jx_doc_table *t = NULL;
    int row = 0, line = 0;
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != '\n') {
            e++;
        }
        line++;
        struct jx_prov p = {.line = line, .col = 1};
        if (memchr(s + i, '\t', e - i)) {
            if (!t) {
                t = jx_doc_add_table(d, NULL);
                row = 0;
            }
            int col = 0;
            size_t c = i;
            while (c <= e && col < 64) {
                size_t ce = c;
                while (ce < e && s[ce] != '\t') {
                    ce++;
                }
                int rs = 1, cs = 1;
                size_t b = c;
                if (b < ce && s[b] == '>') {
                    cs = 2;
                    b++;
                } else if (b < ce && s[b] == '^') {
                    rs = 2;
                    b++;
                }
                p.col = (int)(c - i) + 1;
                jx_doc_table_add_cell(d, t, row, col, rs, cs, s + b, ce - b,
                                      p.line, p.col);
                col += cs;
                c = ce + 1;
            }
            row++;
        } else {
            if (t) {
                jx_doc_table_end(d, t);
                t = NULL;
            }
            jx_doc_add_para(d, s + i, e - i, 0, &p);
        }
        i = e + 1;
    }
    if (t) {
        jx_doc_table_end(d, t);
    }
    return d;
}

/* Recognise doc, save, score and check the package, list the facts. */
static void exercise(struct jx_arena *a, const struct jx_doc *doc)
{
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_package *p = fuzz_recognise(a, doc, &dg);
    if (p) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 26);
        jx_pkgjson_save(p, &b);
        jx_buf_release(&b);
        struct jx_policy pol;
        jx_policy_default(&pol);
        struct jx_check_config cfg;
        jx_check_config_default(&cfg);
        const struct jx_eval *ev = jx_score(a, p, &pol, &dg);
        jx_check(a, p, ev, &cfg, &dg);
        struct jx_report_opts ro = {true, true, NULL};
        struct jx_report_doc *rd = jx_report_build(a, p, ev, &dg, &ro);
        struct jx_diags dw;
        jx_diags_init(&dw, a);
        jx_buf_init(&b, 1u << 26);
        jx_report_text(rd, &b);
        jx_buf_reset(&b);
        jx_report_html(rd, &b, &dw);
        jx_buf_reset(&b);
        jx_report_docx(rd, &b, &dw);
        jx_buf_release(&b);
        jx_diags_release(&dw);
    }
    const struct jx_facts *f = jx_report_facts(a, doc);
    (void)f;
    jx_diags_release(&dg);
}

/* One input: both documents. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536) {
        return 0;
    }
    const char *s = (const char *)data;
    struct jx_arena *a = jx_arena_new();
    exercise(a, build(a, s, size));
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    struct jx_doc *d = jx_import_text(a, "fuzz.txt", s, size, &lim, &dg);
    if (d) {
        exercise(a, d);
    }
    jx_diags_release(&dg);
    jx_arena_free(a);
    return 0;
}
