/*
 * cmd_submit.c - `jixiao submit FILE... --unit CODE --year YEAR [--as
 * USER] [--at TIME]`: read the first file through the pipeline (the
 * same findings and scores as `jixiao check`), then hand the originals,
 * the Package JSON and the Evaluation JSON to jx_ws_submit, which
 * records the version, the state and the audit row in one transaction.
 * Before that, the base sheet is compared with last year's stored
 * version (jx_ws_prior_check, C122): those findings are stored in the
 * evaluation, counted, and printed after the line that reports the
 * submission.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/wsflow.h"

/* The base name of a path (borrowed). */
static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Read the files, evaluate the first, submit; returns the exit code. */
static int submit(const struct jx_cmd *self, const struct jx_ws_args *ws,
                  const struct jx_who_args *wa, const char *unit,
                  char **paths, int n)
{
    struct jx_ws_who who;
    if (jx_cli_who(self, wa, &who) < 0) {
        return JX_EXIT_USAGE;
    }
    struct jx_ws_file *files = jx_xmalloc((size_t)n * sizeof *files);
    char **data = jx_xmalloc((size_t)n * sizeof *data);
    int got = 0, rc = JX_EXIT_OK;
    for (; got < n; got++) {
        size_t len;
        if (jx_cli_read(paths[got], &data[got], &len) < 0) {
            rc = JX_EXIT_USAGE;
            break;
        }
        files[got].name = base_name(paths[got]);
        files[got].data = data[got];
        files[got].len = len;
    }
    struct jx_run *run = NULL;
    struct jx_result *in = NULL;
    struct jx_buf pkg, ev, out;
    jx_buf_init(&pkg, 1u << 30);
    jx_buf_init(&ev, 1u << 30);
    jx_buf_init(&out, 1u << 20);
    if (rc == JX_EXIT_OK) {
        run = jx_cli_run(NULL, NULL, NULL);
        char *copy = jx_xmalloc(files[0].len + 1);
        memcpy(copy, files[0].data, files[0].len);
        copy[files[0].len] = '\0';
        in = jx_run_data(run, paths[0], copy, files[0].len, NULL);
        if (in->status != JX_INPUT_OK) {
            jx_cli_print_diags(&in->diags, 0);
            fprintf(stderr, "jixiao submit: “%s”无法读取为自评材料，未送审\n",
                    paths[0]);
            rc = JX_EXIT_USAGE;
        }
    }
    struct jx_store *s = NULL;
    if (rc == JX_EXIT_OK && !(s = jx_cli_ws_open(ws, true))) {
        rc = JX_EXIT_IO;
    }
    /* last year's stored version against this year's base sheet (C122):
     * its findings join the evaluation stored with the version */
    struct jx_arena *pa = jx_arena_new();
    size_t prior_from = in ? in->diags.n : 0;
    if (rc == JX_EXIT_OK) {
        struct jx_check_config cfg;
        jx_check_config_default(&cfg);
        int prior_version;
        if (jx_ws_prior_check(pa, s, unit, wa->year, in->pkg, &cfg,
                              &prior_version, &in->diags) < 0) {
            fprintf(stderr, "jixiao submit: 读取上年已送审版本失败，未送审\n");
            rc = JX_EXIT_IO;
        }
    }
    if (rc == JX_EXIT_OK && (jx_pkgjson_save(in->pkg, &pkg) < 0 ||
                             jx_eval_json(in->ev, &in->diags, &ev) < 0)) {
        fprintf(stderr, "jixiao submit: 材料过大，未送审\n");
        rc = JX_EXIT_USAGE;
    }
    if (rc == JX_EXIT_OK) {
        struct jx_diags *d = jx_cli_ws_diags();
        size_t from = d->n;
        struct jx_ws_done done;
        int r = jx_ws_submit(s, unit, wa->year, files, (size_t)n, pkg.p, ev.p,
                             &who, &done, d);
        if (r != 0) {
            jx_cli_print_diags(d, from);
            fprintf(stderr, "jixiao submit: 未送审，工作区未作改动\n");
            rc = r > 0 ? JX_EXIT_FINDINGS : JX_EXIT_IO;
        } else {
            char at[JX_WF_TIME_BUFSZ];
            jx_wf_time_format(done.at, at);
            jx_buf_addf(&out,
                        "%s：单位 %s，%d 年度，版本 %d（SHA-256 %.12s…），"
                        "%s → %s，%s%s；原始文件 %d 个（新存入 %zu 个）；"
                        "发现：",
                        jx_wf_action_zh(done.action), unit, wa->year,
                        done.version, done.sha256, jx_wf_state_zh(done.from),
                        jx_wf_state_zh(done.to), at,
                        who.backdated ? "（补录）" : "", n, done.nfiles_new);
            jx_cli_counts(&out, &in->diags);
            jx_buf_addc(&out, '\n');
            jx_cli_format_diags(&out, &in->diags, prior_from);
            if (jx_cli_write(&out) < 0) {
                rc = JX_EXIT_IO;
            }
        }
    }
    jx_store_close(s);
    jx_result_free(in);
    jx_arena_free(pa);
    jx_run_free(run);
    jx_buf_release(&pkg);
    jx_buf_release(&ev);
    jx_buf_release(&out);
    for (int i = 0; i < got; i++) {
        free(data[i]);
    }
    free(data);
    free(files);
    return rc;
}

/* `jixiao submit FILE... --unit CODE --year YEAR [--as USER] [--at T]`. */
int jx_cmd_submit(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("submit");
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    const char *unit = NULL;
    char **paths = jx_xmalloc((size_t)argc * sizeof *paths);
    int n = 0, rc = -1;
    for (int i = 1; i < argc && rc < 0; i++) {
        const char *v;
        int r = jx_cli_act_arg(self, argc, argv, &i, &ws, &wa);
        if (r == 0 && (r = jx_cli_optval(argc, argv, &i, "--unit", &v)) != 0) {
            if (r < 0) {
                rc = jx_cli_usage_error(self, "选项 --unit 缺少单位编码");
            }
            unit = v;
        } else if (r == 0 && argv[i][0] == '-' && argv[i][1] != '\0') {
            rc = jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        } else if (r == 0) {
            paths[n++] = argv[i];
        } else if (r < 0) {
            rc = JX_EXIT_USAGE;
        }
    }
    if (rc < 0 && n == 0) {
        rc = jx_cli_usage_error(self, "缺少要送审的文件");
    } else if (rc < 0 && !unit) {
        rc = jx_cli_usage_error(self, "缺少 --unit CODE");
    } else if (rc < 0 && wa.year == 0) {
        rc = jx_cli_usage_error(self, "缺少 --year YEAR");
    } else if (rc < 0 && n > 64) {
        rc = jx_cli_usage_error(self, "一次最多送审 64 个文件");
    }
    if (rc < 0) {
        rc = submit(self, &ws, &wa, unit, paths, n);
    }
    free(paths);
    return rc;
}
