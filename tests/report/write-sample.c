/*
 * write-sample.c - write the sample report document of
 * tests/unit/report_sample.c in one format to a file, for the writers'
 * shell tests (tests/report/pdf-check, tests/report/html-render and the
 * others):
 *
 *     write-sample FORMAT PATH
 *
 * Exit 0; 1 when the writer fails (its diagnostics on stderr); 2 on
 * usage; 3 when PATH cannot be written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/report_sample.h"

/* The formats this program knows. */
enum format {
    FMT_DOCX,
    FMT_HTML,
    FMT_PDF,
    FMT_XLSX
};

/* Names of the formats. */
static const struct {
    const char *name;
    enum format fmt;
} formats[] = {
    {"docx", FMT_DOCX},
    {"html", FMT_HTML},
    {"pdf", FMT_PDF},
    {"xlsx", FMT_XLSX},
};

/* Print every diagnostic to stderr. */
static void print_diags(const struct jx_diags *dg)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    for (size_t i = 0; i < dg->n; i++) {
        jx_diag_format(&b, &dg->a[i]);
    }
    fputs(b.p, stderr);
    jx_buf_release(&b);
}

/* LeakSanitizer's built-in suppressions (read only under
 * -fsanitize=address): cairo 1.16 leaks 768 bytes per font it embeds in
 * a PDF, fontconfig keeps its configuration; not jixiao's memory. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libcairo.so\nleak:libfontconfig.so\n";
}

/* Write the sample in FORMAT to PATH. */
int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: write-sample FORMAT PATH\n");
        return 2;
    }
    size_t k = 0, nfmt = sizeof formats / sizeof formats[0];
    while (k < nfmt && strcmp(formats[k].name, argv[1]) != 0) {
        k++;
    }
    if (k == nfmt) {
        fprintf(stderr, "write-sample: unknown format %s\n", argv[1]);
        return 2;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags dg;
    jx_diags_init(&dg, a);
    struct jx_buf out;
    jx_buf_init(&out, JX_REPORT_MAX_BYTES);
    int rc = -1;
    bool written = false; /* the writer wrote PATH itself */
    switch (formats[k].fmt) {
    case FMT_DOCX:
        rc = jx_report_docx(d, &out, &dg);
        break;
    case FMT_XLSX:
        rc = jx_report_xlsx(d, argv[2], &dg);
        written = true;
        break;
    case FMT_HTML:
        rc = jx_report_html(d, &out, &dg);
        break;
    case FMT_PDF:
        rc = jx_report_pdf(d, &out, &dg);
        break;
    }
    print_diags(&dg);
    int status = 0;
    if (rc != 0) {
        fprintf(stderr, "write-sample: %s writer failed\n", argv[1]);
        status = 1;
    } else if (!written &&
               jx_write_file_atomic(argv[2], out.p, out.len) != 0) {
        perror(argv[2]);
        status = 3;
    }
    jx_buf_release(&out);
    jx_diags_release(&dg);
    jx_arena_free(a);
    return status;
}
