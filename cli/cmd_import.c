/*
 * cmd_import.c - `jixiao import FILE... [-o DIR] [--json]`: turn each
 * input (DOCX, XLSX, text from Word or PDF, or Package JSON) into one
 * canonical Package JSON, written to DIR/<name>.json (atomically) or to
 * standard output for a single input without -o.  Import findings go
 * to standard error in compiler style; --json prints instead one report
 * {files: [{file, kind, output, findings, summary}]} on standard output.
 */
#include "cli.h"

#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jixiao/import.h"
#include "jixiao/pipeline.h"

/* The options of one run. */
struct opts {
    const char *dir;  /* -o DIR, or NULL */
    bool json;        /* --json */
};

/* The output path for input file in dir: the file's base name with its
 * extension replaced by ".json" (the whole base name plus ".json" when
 * that name was taken by an earlier input of the run, in *used).  A new
 * string in arena. */
static const char *out_path(struct jx_arena *a, const char *dir,
                            const char *file, const char **used,
                            size_t nused)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    if (!*base || strcmp(file, "-") == 0) {
        base = "stdin";
    }
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    size_t dl = strlen(dir);
    while (dl > 1 && dir[dl - 1] == '/') {
        dl--;
    }
    const char *p = jx_sprintf(a, "%.*s/%.*s.json", (int)dl, dir, (int)n,
                               base);
    for (size_t i = 0; i < nused; i++) {
        if (used[i] && strcmp(used[i], p) == 0) {
            return jx_sprintf(a, "%.*s/%s.json", (int)dl, dir, base);
        }
    }
    return p;
}

/* The findings of diags as a JSON array (via the Evaluation JSON
 * writer, so both commands describe findings alike), or NULL. */
static json_t *findings_json(const struct jx_diags *diags)
{
    struct jx_buf tmp;
    jx_buf_init(&tmp, 1u << 30);
    json_t *doc = NULL, *f = NULL;
    if (jx_eval_json(NULL, diags, &tmp) == 0) {
        doc = json_loads(tmp.p, 0, NULL);
    }
    jx_buf_release(&tmp);
    if (doc) {
        f = json_incref(json_object_get(doc, "findings"));
        json_decref(doc);
    }
    return f;
}

/* The per-severity counts of diags as a JSON object. */
static json_t *summary_json(const struct jx_diags *d)
{
    json_t *s = json_object();
    json_object_set_new(s, "errors",
                        json_integer((json_int_t)d->count[JX_SEV_ERROR]));
    json_object_set_new(s, "warnings",
                        json_integer((json_int_t)d->count[JX_SEV_WARNING]));
    json_object_set_new(s, "rounding",
                        json_integer((json_int_t)d->count[JX_SEV_ROUNDING]));
    json_object_set_new(s, "notes",
                        json_integer((json_int_t)d->count[JX_SEV_NOTE]));
    return s;
}

/* Import one file; write its package; report it on stderr (or into
 * files for --json).  *used collects the output paths.  Returns the
 * file's exit code. */
static int import_one(const char *file, const struct opts *o, json_t *files,
                      const char **used, size_t nused, const char **outp)
{
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    const char *shown = strcmp(file, "-") == 0 ? "（标准输入）" : file;
    char *text = NULL;
    size_t len = 0;
    int rc = JX_EXIT_OK;
    enum jx_input_kind kind = JX_IN_UNKNOWN;
    struct jx_package *p = NULL;
    const char *output = NULL;
    struct jx_buf pkgjson;
    jx_buf_init(&pkgjson, 1u << 30);
    *outp = NULL;
    bool read = jx_cli_read(file, &text, &len) == 0;
    if (!read) {
        rc = JX_EXIT_USAGE;
    } else {
        struct jx_limits lim;
        jx_limits_default(&lim);
        lim.max_input = JX_CLI_MAX_INPUT;
        p = jx_import(arena, file, text, len, &lim, &diags, &kind);
        free(text);
        jx_diags_sort(&diags);
        if (!p) {
            rc = JX_EXIT_USAGE;
        } else {
            if (!p->source) {
                p->source = jx_strdup(arena, file);
            }
            rc = jx_diags_errors(&diags) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
            if (jx_pkgjson_save(p, &pkgjson) < 0) {
                fprintf(stderr, "jixiao: 文件“%s”的结果过大\n", shown);
                rc = JX_EXIT_IO;
            } else if (o->dir) {
                output = out_path(arena, o->dir, file, used, nused);
                if (jx_write_file_atomic(output, pkgjson.p, pkgjson.len) <
                    0) {
                    fprintf(stderr, "jixiao: 无法写入“%s”：%s\n", output,
                            jx_errno_zh(errno));
                    rc = JX_EXIT_IO;
                    output = NULL;
                } else {
                    *outp = strdup(output);
                    if (!*outp) {
                        jx_oom();
                    }
                }
            } else if (!o->json && jx_cli_write(&pkgjson) < 0) {
                rc = JX_EXIT_IO;
            }
        }
    }
    if (o->json) {
        json_t *f = json_object();
        json_object_set_new(f, "file", json_string(file));
        json_object_set_new(f, "kind", json_string(jx_input_kind_name(kind)));
        json_object_set_new(f, "output",
                            output ? json_string(output) : json_null());
        json_t *fs = findings_json(&diags);
        json_object_set_new(f, "findings", fs ? fs : json_array());
        json_object_set_new(f, "summary", summary_json(&diags));
        if (p && !o->dir && rc != JX_EXIT_IO) {
            json_t *pj = json_loads(pkgjson.p, 0, NULL);
            json_object_set_new(f, "package", pj ? pj : json_null());
        }
        json_array_append_new(files, f);
    } else if (read) {
        struct jx_buf err;
        jx_buf_init(&err, 1u << 30);
        jx_cli_format_diags(&err, &diags, 0);
        jx_buf_addf(&err, "文件 %s（%s）：", shown, jx_input_kind_name(kind));
        jx_cli_counts(&err, &diags);
        if (output) {
            jx_buf_addf(&err, "；已写入 %s", output);
        } else if (!p) {
            jx_buf_adds(&err, "；未能导入");
        }
        jx_buf_addc(&err, '\n');
        fputs(err.p, stderr);
        jx_buf_release(&err);
    }
    jx_buf_release(&pkgjson);
    jx_diags_release(&diags);
    jx_arena_free(arena);
    return rc;
}

/* `jixiao import FILE... [-o DIR] [--json]`. */
int jx_cmd_import(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("import");
    struct opts o = {NULL, false};
    bool more = true;
    char **files = jx_xmalloc((size_t)argc * sizeof *files);
    int nfiles = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = NULL;
        int m = 0;
        if (more && strcmp(arg, "--") == 0) {
            more = false;
        } else if (more && strcmp(arg, "--json") == 0) {
            o.json = true;
        } else if (more && ((m = jx_cli_optval(argc, argv, &i, "-o", &val)) ||
                            (m = jx_cli_optval(argc, argv, &i, "--output",
                                               &val)))) {
            if (m < 0 || !*val) {
                free(files);
                return jx_cli_usage_error(self, "-o 缺少输出目录");
            }
            o.dir = val;
        } else if (more && arg[0] == '-' && arg[1] != '\0') {
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
    if (nfiles > 1 && !o.dir && !o.json) {
        free(files);
        return jx_cli_usage_error(self,
                                  "多个文件时须用 -o 指定输出目录");
    }
    if (o.dir && mkdir(o.dir, 0777) < 0 && errno != EEXIST) {
        fprintf(stderr, "jixiao: 无法创建输出目录“%s”：%s\n", o.dir,
                jx_errno_zh(errno));
        free(files);
        return JX_EXIT_IO;
    }
    const char **used = jx_xmalloc((size_t)nfiles * sizeof *used);
    json_t *jfiles = o.json ? json_array() : NULL;
    int rc = JX_EXIT_OK;
    for (int i = 0; i < nfiles; i++) {
        int r = import_one(files[i], &o, jfiles, used, (size_t)i, &used[i]);
        if (r > rc) {
            rc = r;
        }
    }
    for (int i = 0; i < nfiles; i++) {
        free((void *)used[i]);
    }
    free(used);
    free(files);
    if (o.json) {
        json_t *root = json_object();
        json_object_set_new(root, "format", json_string("jixiao-import"));
        json_object_set_new(root, "version", json_integer(1));
        json_object_set_new(root, "files", jfiles);
        char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        json_decref(root);
        if (!text) {
            jx_oom();
        }
        struct jx_buf out;
        jx_buf_init(&out, 1u << 30);
        if (jx_buf_adds(&out, text) < 0 || jx_buf_addc(&out, '\n') < 0 ||
            jx_cli_write(&out) < 0) {
            rc = JX_EXIT_IO;
        }
        jx_buf_release(&out);
        free(text);
    }
    return rc;
}
