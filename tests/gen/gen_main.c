/*
 * gen_main.c - `jx-gen FILE LAYOUT [OUT]`: the generator of synthetic
 * documents for the round-trip tests and the benchmarks.  Loads a
 * package (any input jixiao imports), lays it out as the printed
 * documents and writes them as text in one of the layouts the text
 * importer reads (to stdout), or as DOCX / XLSX (to OUT).
 * Exit codes as the jixiao command's: 0 ok, 2 usage or bad input, 3 I/O.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_layout.h"
#include "gen_ooxml.h"
#include "jixiao/import.h"
#include "jixiao/pipeline.h"

/* Print a usage line and return the usage exit status. */
static int usage(const char *why)
{
    fprintf(stderr, "jx-gen: %s\n用法：jx-gen FILE LAYOUT [OUT]\n", why);
    return 2;
}

/* Load FILE, lay it out and write it in LAYOUT; see the file comment. */
int main(int argc, char **argv)
{
    if (argc != 3 && argc != 4) {
        return usage("需要 FILE 和 LAYOUT 两个参数");
    }
    enum jx_text_layout layout = JX_LAYOUT_COUNT;
    bool docx = strcmp(argv[2], "docx") == 0;
    bool xlsx = strcmp(argv[2], "xlsx") == 0;
    if ((docx || xlsx) != (argc == 4)) {
        return usage("docx 和 xlsx 需要输出文件 OUT，文本版式不需要");
    }
    if (!docx && !xlsx && jx_text_layout_from_name(argv[2], &layout) < 0) {
        return usage("未知的版式");
    }
    char *text = NULL;
    size_t len = 0;
    if (jx_read_file(argv[1], 256u << 20, &text, &len) < 0) {
        fprintf(stderr, "jx-gen: 无法读取“%s”：%s\n", argv[1], strerror(errno));
        return 2;
    }
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_input = 256u << 20;
    enum jx_input_kind kind;
    struct jx_package *p =
        jx_import(arena, argv[1], text, len, &lim, &diags, &kind);
    int rc = 0;
    if (!p || jx_diags_errors(&diags) > 0) {
        fprintf(stderr, "jx-gen: “%s”读不出一个完整的包\n", argv[1]);
        rc = 2;
        goto done;
    }
    struct jx_doc *doc = jx_layout_package(arena, p, argv[1]);
    if (docx || xlsx) {
        if ((docx ? jx_docx_write(doc, argv[3])
                  : jx_xlsx_write_doc(doc, argv[3])) < 0) {
            fprintf(stderr, "jx-gen: 无法写入“%s”：%s\n", argv[3],
                    strerror(errno));
            rc = 3;
        }
        goto done;
    }
    struct jx_buf out;
    jx_buf_init(&out, 1u << 30);
    if (jx_layout_write_text(doc, layout, &out) < 0 ||
        fwrite(out.p, 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
        fputs("jx-gen: 无法写出\n", stderr);
        rc = 3;
    }
    jx_buf_release(&out);
done:
    jx_diags_release(&diags);
    jx_arena_free(arena);
    free(text);
    return rc;
}
