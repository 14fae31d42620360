/*
 * cmd_check.c - `jixiao check FILE...`: load and score each package and
 * print only its findings, with a one-line summary per file (or one
 * JSON document for all files with --json).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* Status word of one file in check JSON. */
static const char *status_name(enum jx_load_status st, size_t errors)
{
    switch (st) {
    case JX_LOAD_UNREADABLE:
        return "unreadable";
    case JX_LOAD_FORMAT:
        return "unsupported";
    case JX_LOAD_MALFORMED:
        return "malformed";
    case JX_LOAD_OK:
        break;
    }
    return errors ? "findings" : "ok";
}

/* The framework that scores the printed scoring table of pkg, or NULL:
 * the 岳阳楼区 考核评分表 (及时性, 完整性, 客观性) and the 深圳 部门整体支出
 * 绩效评分表 (部门决策, 部门管理, 部门绩效). */
static const char *printed_framework(const struct jx_rubric *t,
                                     const char *const blocks[3],
                                     const char *id)
{
    if (!t->present || !t->nrows) {
        return NULL;
    }
    int seen = 0;
    for (int b = 0; b < 3; b++) {
        for (size_t i = 0; i < t->nrows; i++) {
            if (t->rows[i].level1.s && strstr(t->rows[i].level1.s, blocks[b])) {
                seen++;
                break;
            }
        }
    }
    return seen == 3 ? id : NULL;
}

/* Rescore the package's printed scoring tables under their frameworks
 * and add the stated scores that break the rule (F201, F202, F203,
 * F210) to diags, unless a C finding already points at the same value.
 * The full table is `jixiao assess`'s. */
static void printed_tables(struct jx_arena *a, const struct jx_cli_input *in,
                           const struct jx_eval *ev, struct jx_diags *diags)
{
    static const char *const louqu[3] = {"及时性", "完整性", "客观性"};
    static const char *const shenzhen[3] = {"部门决策", "部门管理", "部门绩效"};
    const char *ids[2] = {
        printed_framework(&in->pkg->assessment, louqu, "yueyang-louqu-2025"),
        printed_framework(&in->pkg->dept_scoring, shenzhen,
                          "shenzhen-dept-2023")};
    for (int k = 0; k < 2; k++) {
        if (!ids[k]) {
            continue;
        }
        struct jx_diags fd;
        jx_diags_init(&fd, a);
        struct jx_fw_cli_opts fo = {false, NULL, NULL, NULL, NULL, NULL};
        size_t from = diags->n;
        if (jx_cli_assess(a, in->pkg, ev, ids[k], &fo, &fd)) {
            for (size_t i = 0; i < fd.n; i++) {
                const struct jx_diag *e = &fd.a[i];
                bool keep = strcmp(e->code, "F201") == 0 ||
                            strcmp(e->code, "F202") == 0 ||
                            strcmp(e->code, "F203") == 0 ||
                            strcmp(e->code, "F210") == 0;
                for (size_t j = 0; keep && j < from; j++) {
                    keep = !(diags->a[j].code[0] == 'C' && e->loc.path &&
                             diags->a[j].loc.path &&
                             strcmp(diags->a[j].loc.path, e->loc.path) == 0);
                }
                if (!keep) {
                    continue;
                }
                struct jx_diag *n = jx_diag_add(diags, e->code, e->severity,
                                                &e->loc, "%s", e->msg);
                jx_diag_detail(diags, n, "%s%s按评价框架 %s 复算；完整的表见 jixiao assess",
                               e->detail ? e->detail : "",
                               e->detail ? "；" : "", ids[k]);
            }
        }
        jx_diags_release(&fd);
        jx_pkgpos_locate(in->pos, diags, from);
    }
    jx_diags_sort(diags);
}

/* Check one file: append its human report to out, or its JSON entry to
 * files.  Returns the file's exit code. */
static int check_one(const char *file, const struct jx_policy *pol,
                     const struct jx_check_config *cfg,
                     bool json, struct jx_buf *out, json_t *files,
                     size_t totals[4])
{
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    struct jx_cli_input in;
    enum jx_load_status st = jx_cli_load(arena, file, &diags, &in);
    const struct jx_eval *ev = NULL;
    int rc = JX_EXIT_USAGE;
    if (st == JX_LOAD_OK) {
        ev = jx_cli_check(arena, &in, pol, cfg, &diags);
        printed_tables(arena, &in, ev, &diags);
        rc = jx_diags_errors(&diags) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
    }
    for (int s = 0; s < 4; s++) {
        totals[s] += diags.count[s];
    }
    if (json) {
        json_t *f = json_object();
        json_object_set_new(f, "file", json_string(file));
        json_object_set_new(f, "status",
                            json_string(status_name(st, jx_diags_errors(
                                                            &diags))));
        if (st == JX_LOAD_OK || st == JX_LOAD_MALFORMED) {
            struct jx_buf tmp;
            jx_buf_init(&tmp, 1u << 30);
            json_t *doc = NULL;
            if (jx_eval_json(ev, &diags, &tmp) == 0) {
                doc = json_loads(tmp.p, 0, NULL);
            }
            jx_buf_release(&tmp);
            if (!doc) {
                rc = JX_EXIT_IO;
            } else {
                json_object_set(f, "findings",
                                json_object_get(doc, "findings"));
                json_object_set(f, "summary",
                                json_object_get(doc, "summary"));
                json_decref(doc);
            }
        }
        json_array_append_new(files, f);
    } else if (st == JX_LOAD_OK || st == JX_LOAD_MALFORMED) {
        jx_cli_format_diags(out, &diags, 0);
        jx_buf_addf(out, "文件 %s：", file);
        jx_cli_counts(out, &diags);
        if (st == JX_LOAD_MALFORMED) {
            jx_buf_adds(out, "（未能载入，未评分）");
        }
        jx_buf_addc(out, '\n');
    }
    jx_cli_input_release(&in);
    jx_diags_release(&diags);
    jx_arena_free(arena);
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
    for (int i = 0; i < nfiles; i++) {
        int r = check_one(files[i], &pol, &cfg, json, &out, jfiles, totals);
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
    jx_buf_release(&out);
    free(files);
    return rc;
}
