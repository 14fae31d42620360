/*
 * cmd_check.c - `jixiao check FILE...`: run the pipeline over each file
 * and print only its findings, with a one-line summary per file (or one
 * JSON document for all files with --json).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* Status word of one file in check JSON. */
static const char *status_name(enum jx_input_status st, size_t errors)
{
    switch (st) {
    case JX_INPUT_UNREADABLE:
        return "unreadable";
    case JX_INPUT_EMPTY:
        return "unsupported";
    case JX_INPUT_MALFORMED:
        return "malformed";
    case JX_INPUT_OK:
        break;
    }
    return errors ? "findings" : "ok";
}

/* Check one file: append its human report to out, or its JSON entry to
 * files (the findings written once, as a tree).  Returns the file's
 * exit code. */
static int check_one(struct jx_run *run, const char *file, bool json,
                     struct jx_buf *out, json_t *files, size_t totals[4])
{
    /* only the findings are printed: the scoring's derivations are not
       written (jx_score_brief) */
    struct jx_input_opts o = {.findings_only = true};
    struct jx_result *in = jx_cli_input(run, file, &o);
    enum jx_input_status st = in->status;
    const struct jx_diags *diags = &in->diags;
    int rc = JX_EXIT_USAGE;
    if (st == JX_INPUT_OK) {
        rc = jx_diags_errors(diags) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
    }
    for (int s = 0; s < 4; s++) {
        totals[s] += diags->count[s];
    }
    bool loaded = st == JX_INPUT_OK || st == JX_INPUT_MALFORMED;
    if (json) {
        json_t *f = json_object();
        json_object_set_new(f, "file", json_string(file));
        json_object_set_new(f, "status",
                            json_string(status_name(st, jx_diags_errors(
                                                            diags))));
        if (loaded) {
            json_t *doc = jx_eval_json_tree(NULL, diags);
            json_object_set(f, "findings", json_object_get(doc, "findings"));
            json_object_set(f, "summary", json_object_get(doc, "summary"));
            json_decref(doc);
        }
        json_array_append_new(files, f);
    } else if (loaded) {
        jx_cli_format_diags(out, diags, 0);
        jx_buf_addf(out, "文件 %s：", file);
        jx_cli_counts(out, diags);
        if (st == JX_INPUT_MALFORMED) {
            jx_buf_adds(out, "（未能载入，未评分）");
        }
        jx_buf_addc(out, '\n');
    }
    jx_result_free(in);
    return rc;
}

/* `jixiao check FILE... [--json] [--policy NAME=VALUE]...`. */
int jx_cmd_check(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("check");
    struct jx_policy pol;
    jx_policy_default(&pol);
    struct jx_check_config cfg;
    jx_check_config_default(&cfg);
    bool json = false, opts = true;
    char **files = jx_xmalloc((size_t)argc * sizeof *files);
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = NULL;
        int m;
        if (opts && strcmp(arg, "--") == 0) {
            opts = false;
        } else if (opts && strcmp(arg, "--json") == 0) {
            json = true;
        } else if (opts &&
                   (m = jx_cli_optval(argc, argv, &i, "--set", &val))) {
            if (m < 0 || jx_check_option(&cfg, &pol, val) < 0) {
                free(files);
                return jx_cli_usage_error(
                    self, "--set 需要 NAME=VALUE（阈值名见 docs/checks.md）："
                          "“%s”",
                    m < 0 ? "" : val);
            }
        } else if (opts &&
                   (m = jx_cli_optval(argc, argv, &i, "--policy", &val))) {
            if (m < 0 || jx_cli_policy(self, &pol, val) != JX_EXIT_OK) {
                free(files);
                return m < 0 ? jx_cli_usage_error(self,
                                                  "--policy 缺少 NAME=VALUE")
                             : JX_EXIT_USAGE;
            }
        } else if (opts && arg[0] == '-' && arg[1] != '\0') {
            free(files);
            return jx_cli_usage_error(self, "未知选项“%s”", arg);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (nfiles == 0) {
        free(files);
        return jx_cli_usage_error(self, "缺少文件");
    }
    struct jx_buf out;
    jx_buf_init(&out, 1u << 30);
    json_t *jfiles = json ? json_array() : NULL;
    size_t totals[4] = {0, 0, 0, 0};
    int rc = JX_EXIT_OK;
    struct jx_run *run = jx_cli_run(NULL, &pol, &cfg);
    for (int i = 0; i < nfiles; i++) {
        int r = check_one(run, files[i], json, &out, jfiles, totals);
        if (r > rc) {
            rc = r;
        }
        if (!json && jx_cli_write(&out) < 0) {
            rc = JX_EXIT_IO;
            break;
        }
        jx_buf_reset(&out);
    }
    if (json) {
        json_t *root = json_object();
        json_object_set_new(root, "format", json_string("jixiao-check"));
        json_object_set_new(root, "version", json_integer(1));
        json_object_set_new(root, "files", jfiles);
        json_t *sum = json_object();
        json_object_set_new(sum, "errors",
                            json_integer((json_int_t)totals[JX_SEV_ERROR]));
        json_object_set_new(sum, "warnings",
                            json_integer((json_int_t)totals[JX_SEV_WARNING]));
        json_object_set_new(
            sum, "rounding", json_integer((json_int_t)totals[JX_SEV_ROUNDING]));
        json_object_set_new(sum, "notes",
                            json_integer((json_int_t)totals[JX_SEV_NOTE]));
        json_object_set_new(root, "summary", sum);
        char *text = json_dumps(root, JSON_INDENT(2));
        json_decref(root);
        if (!text) {
            jx_oom();
        }
        if (jx_buf_adds(&out, text) < 0 || jx_buf_addc(&out, '\n') < 0 ||
            jx_cli_write(&out) < 0) {
            rc = JX_EXIT_IO;
        }
        free(text);
    }
    jx_run_free(run);
    jx_buf_release(&out);
    free(files);
    return rc;
}
