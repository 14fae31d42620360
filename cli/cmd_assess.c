/*
 * cmd_assess.c - `jixiao assess FILE --framework ID [--submitted DATE]
 * [--published DATE] [--set NAME=VALUE]... [--json]`: the bureau's
 * 考核评分表 (or any framework) computed over one package: every item
 * with its points, score, derivation and 扣分理由, the unit's own scores
 * beside, the total and the grade (the pipeline's assessment,
 * lib/pipeline; jx_cli_framework is also `score --framework`).
 *
 * Dates count in working days (data/calendar); frameworks are read from
 * data/frameworks (or a path to a .json file).
 */
#include "cli.h"

#include "jixiao/framework.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Evaluate the framework of fa over the package in file and print the
 * result (text or JSON): the run of `assess` and of `score
 * --framework`.  Returns the exit code. */
int jx_cli_framework(const char *file, const struct jx_fw_args *fa,
                     bool json)
{
    struct jx_run *run = jx_cli_run(fa, NULL, NULL);
    struct jx_input_opts io = jx_cli_input_opts(fa);
    struct jx_result *in = jx_cli_input(run, file, &io);
    struct jx_buf out;
    jx_buf_init(&out, 1u << 30);
    int rc = JX_EXIT_USAGE;
    if (in->status == JX_INPUT_MALFORMED) {
        jx_cli_malformed(in);
    } else if (in->status == JX_INPUT_OK && !in->assessed) {
        jx_cli_fw_failed(in, fa->framework);
    } else if (in->status == JX_INPUT_OK) {
        if (!json) {
            /* the errors and warnings (F215 …) beside the table;
             * everything is in --json */
            struct jx_buf eb;
            jx_buf_init(&eb, 1u << 20);
            for (size_t i = 0; i < in->fw_diags.n; i++) {
                const struct jx_diag *e = &in->fw_diags.a[i];
                if (e->severity >= JX_SEV_WARNING &&
                    strcmp(e->code, "F118") != 0) { /* said already */
                    jx_diag_format(&eb, e);
                }
            }
            fputs(eb.p ? eb.p : "", stderr);
            jx_buf_release(&eb);
        }
        rc = jx_diags_errors(&in->fw_diags) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
        if (json ? jx_fw_result_json(&out, in->assessment) < 0
                 : jx_fw_result_text(&out, in->assessment) < 0) {
            fprintf(stderr, "jixiao: 输出过大\n");
            rc = JX_EXIT_IO;
        } else if (jx_cli_write(&out) < 0) {
            rc = JX_EXIT_IO;
        }
    }
    jx_buf_release(&out);
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}

/* `jixiao assess`. */
int jx_cmd_assess(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("assess");
    struct jx_fw_args fa;
    memset(&fa, 0, sizeof fa);
    const char *file = NULL;
    bool json = false, opts = true;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int m;
        if (opts && strcmp(arg, "--") == 0) {
            opts = false;
        } else if (opts && strcmp(arg, "--json") == 0) {
            json = true;
        } else if (opts && (m = jx_cli_fw_arg(self, argc, argv, &i, &fa))) {
            if (m < 0) {
                return JX_EXIT_USAGE;
            }
        } else if (opts && arg[0] == '-' && arg[1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", arg);
        } else if (file) {
            return jx_cli_usage_error(self, "只能给出一个文件");
        } else {
            file = arg;
        }
    }
    if (!file) {
        return jx_cli_usage_error(self, "缺少文件");
    }
    if (!fa.framework) {
        return jx_cli_usage_error(self, "缺少 --framework（例如 "
                                        "yueyang-louqu-2025）");
    }
    return jx_cli_framework(file, &fa, json);
}
