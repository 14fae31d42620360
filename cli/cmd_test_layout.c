/*
 * cmd_test_layout.c - `jixiao test-layout FILE LAYOUT`: lay a package
 * out as the printed documents and write them as text in one of the
 * layouts the text importer reads (the generator of synthetic documents
 * used by the round-trip tests and the benchmarks).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>

#include "jixiao/layout.h"
#include "jixiao/ooxml.h"

/* Load FILE, lay it out, write it in LAYOUT to stdout (text layouts)
 * or to OUT (docx, xlsx). */
int jx_cmd_test_layout(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("test-layout");
    if (argc != 3 && argc != 4) {
        return jx_cli_usage_error(self, "需要 FILE 和 LAYOUT 两个参数");
    }
    enum jx_text_layout layout = JX_LAYOUT_COUNT;
    bool docx = strcmp(argv[2], "docx") == 0;
    bool xlsx = strcmp(argv[2], "xlsx") == 0;
    if ((docx || xlsx) != (argc == 4)) {
        return jx_cli_usage_error(self, "docx 和 xlsx 需要输出文件 OUT，"
                                        "文本版式不需要");
    }
    if (!docx && !xlsx && jx_text_layout_from_name(argv[2], &layout) < 0) {
        return jx_cli_usage_error(self, "未知的版式“%s”", argv[2]);
    }
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    struct jx_cli_input in;
    enum jx_load_status st = jx_cli_load(arena, argv[1], &diags, &in);
    int rc = JX_EXIT_OK;
    if (st != JX_LOAD_OK) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 24);
        jx_cli_format_diags(&b, &diags, 0);
        fputs(b.p, stderr);
        jx_buf_release(&b);
        rc = JX_EXIT_USAGE;
    } else {
        struct jx_doc *doc = jx_layout_package(arena, in.pkg, argv[1]);
        if (docx || xlsx) {
            if ((docx ? jx_docx_write(doc, argv[3])
                      : jx_xlsx_write_doc(doc, argv[3])) < 0) {
                fprintf(stderr, "jixiao: 无法写入“%s”：%s\n", argv[3],
                        strerror(errno));
                rc = JX_EXIT_IO;
            }
            goto done;
        }
        struct jx_buf out;
        jx_buf_init(&out, 1u << 30);
        if (jx_layout_write_text(doc, layout, &out) < 0) {
            fputs("jixiao: 输出过大\n", stderr);
            rc = JX_EXIT_IO;
        } else if (jx_cli_write(&out) < 0) {
            rc = JX_EXIT_IO;
        }
        jx_buf_release(&out);
    }
done:
    jx_cli_input_release(&in);
    jx_diags_release(&diags);
    jx_arena_free(arena);
    return rc;
}
