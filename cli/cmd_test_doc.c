/*
 * cmd_test_doc.c - `jixiao test-doc FILE`: import FILE into the neutral
 * document and print its dump (hidden, for the golden tests of the
 * importers).  The kind is detected from the content: text, DOCX or
 * XLSX; import findings go to standard error.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/doc.h"
#include "jixiao/import.h"

/* Import FILE by its detected kind and dump the document. */
int jx_cmd_test_doc(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("test-doc");
    if (argc != 2) {
        return jx_cli_usage_error(self, argc < 2 ? "缺少文件 FILE"
                                                 : "参数过多");
    }
    const char *path = argv[1];
    char *data = NULL;
    size_t len = 0;
    if (jx_cli_read(path, &data, &len) < 0) {
        return JX_EXIT_USAGE;
    }
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    enum jx_input_kind kind;
    struct jx_doc *doc =
        jx_import_doc(arena, path, data, len, NULL, &diags, &kind);
    if (kind == JX_IN_JSON) {
        fprintf(stderr, "jixiao: 文件“%s”不是可导入的文档（%s）\n", path,
                jx_input_kind_name(kind));
    }
    int rc = doc ? JX_EXIT_OK : JX_EXIT_USAGE;
    struct jx_buf out;
    jx_buf_init(&out, 1u << 30);
    if (doc && jx_doc_dump(doc, &out) < 0) {
        fputs("jixiao: 输出过大\n", stderr);
        rc = JX_EXIT_IO;
    } else if (doc && jx_cli_write(&out) < 0) {
        rc = JX_EXIT_IO;
    }
    jx_buf_release(&out);
    struct jx_buf err;
    jx_buf_init(&err, 1u << 24);
    jx_cli_format_diags(&err, &diags, 0);
    fputs(err.p, stderr);
    jx_buf_release(&err);
    if (rc == JX_EXIT_OK && jx_diags_errors(&diags) > 0) {
        rc = JX_EXIT_FINDINGS;
    }
    jx_diags_release(&diags);
    jx_arena_free(arena);
    free(data);
    return rc;
}
