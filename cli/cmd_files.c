/*
 * cmd_files.c - `jixiao files CODE --year YEAR [--version N] [--json]
 * [-o DIR]`: the original files of a version of a unit's 整体 (the
 * latest unless --version), listed (seq, size, SHA-256, name as sent)
 * or written into DIR under their names as sent, made safe
 * (jx_ws_file_name_safe).  Every original is read back and its SHA-256
 * checked (jx_ws_version_file_read) before anything is written: one
 * copy altered or missing in the store and nothing is written; a name
 * already in DIR is refused, never overwritten; each file goes to a
 * temporary file renamed into place (jx_write_file_atomic).
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "jixiao/wsflow.h"

/* The list as JSON (format jixiao-files). */
static json_t *files_json(const struct jx_ws_vfiles *v)
{
    json_t *root = json_object();
    json_object_set_new(root, "format", json_string("jixiao-files"));
    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(root, "unit", json_string(v->code));
    json_object_set_new(root, "name", jx_cli_str_or_null(v->name));
    json_object_set_new(root, "year", json_integer(v->year));
    json_object_set_new(root, "number", json_integer(v->number));
    json_object_set_new(root, "created_at", jx_cli_str_or_null(v->created_at));
    json_t *list = json_array();
    for (size_t i = 0; i < v->nfiles; i++) {
        const struct jx_ws_vfile *f = &v->files[i];
        json_t *o = json_object();
        json_object_set_new(o, "seq", json_integer(f->seq));
        json_object_set_new(o, "name", jx_cli_str_or_null(f->name));
        json_object_set_new(o, "size", json_integer((json_int_t)f->size));
        json_object_set_new(o, "sha256", json_string(f->sha256));
        json_array_append_new(list, o);
    }
    json_object_set_new(root, "files", list);
    return root;
}

/* The list as text into b. */
static void files_text(const struct jx_ws_vfiles *v, struct jx_buf *b)
{
    jx_buf_addf(b, "单位 %s %s，%d 年度，版本 %d（%s 送审）：原始文件 %zu 个\n",
                v->code, v->name ? v->name : "", v->year, v->number,
                v->created_at ? v->created_at : "—", v->nfiles);
    for (size_t i = 0; i < v->nfiles; i++) {
        const struct jx_ws_vfile *f = &v->files[i];
        jx_buf_addf(b, "%d  %lld 字节  %s  %s\n", f->seq, (long long)f->size,
                    f->sha256, f->name ? f->name : "");
    }
}

/* Write v's originals into dir (made when absent): every original read
 * and checked, every name free, before the first is written.  An exit
 * code. */
static int write_out(struct jx_arena *a, struct jx_store *s,
                     const struct jx_ws_vfiles *v, const char *dir,
                     struct jx_diags *d, size_t *from)
{
    struct stat sb;
    if (stat(dir, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "jixiao files: “%s”不是目录\n", dir);
        return JX_EXIT_USAGE;
    }
    const char **names = jx_alloc(a, (v->nfiles + 1) * sizeof *names);
    char **data = calloc(v->nfiles + 1, sizeof *data);
    size_t *lens = calloc(v->nfiles + 1, sizeof *lens);
    if (!data || !lens) {
        jx_oom();
    }
    int rc = JX_EXIT_OK;
    for (size_t i = 0; i < v->nfiles && rc == JX_EXIT_OK; i++) {
        const struct jx_ws_vfile *f = &v->files[i];
        const char *n = jx_ws_file_name_safe(a, f->name, f->seq);
        for (size_t k = 0; k < i; k++) {
            if (strcmp(names[k], n) == 0) {
                n = jx_sprintf(a, "%d-%s", f->seq, n); /* sent twice */
                break;
            }
        }
        names[i] = n;
        const char *path = jx_sprintf(a, "%s/%s", dir, n);
        if (lstat(path, &sb) == 0) {
            fprintf(stderr,
                    "jixiao files: “%s”已存在，不覆盖；未写入任何文件\n", path);
            rc = JX_EXIT_USAGE;
        } else if (jx_ws_version_file_read(s, v, f, &data[i], &lens[i], d) <
                   0) {
            jx_cli_print_diags(d, *from);
            *from = d->n;
            fprintf(stderr, "jixiao files: 未写入任何文件\n");
            rc = JX_EXIT_FINDINGS;
        }
    }
    if (rc == JX_EXIT_OK && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "jixiao files: 无法创建目录“%s”：%s\n", dir,
                jx_errno_zh(errno));
        rc = JX_EXIT_IO;
    }
    for (size_t i = 0; i < v->nfiles && rc == JX_EXIT_OK; i++) {
        const char *path = jx_sprintf(a, "%s/%s", dir, names[i]);
        if (jx_write_file_atomic(path, data[i], lens[i]) != 0) {
            fprintf(stderr, "jixiao files: 无法写入“%s”：%s\n", path,
                    jx_errno_zh(errno));
            rc = JX_EXIT_IO;
        } else {
            printf("%s\n", path);
        }
    }
    for (size_t i = 0; i < v->nfiles; i++) {
        free(data[i]);
    }
    free(data);
    free(lens);
    return rc;
}

/* `jixiao files CODE --year YEAR [--version N] [--json] [-o DIR]`. */
int jx_cmd_files(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("files");
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    const char *unit = NULL, *out = NULL;
    bool json = false;
    int number = 0;
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_read_arg(self, argc, argv, &i, &ws, &wa);
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (strcmp(argv[i], "--version") == 0 ||
                   strcmp(argv[i], "-o") == 0) {
            if (i + 1 >= argc) {
                return jx_cli_usage_error(self, "“%s”后缺少参数", argv[i]);
            }
            const char *val = argv[++i];
            if (argv[i - 1][1] == 'o') {
                out = val;
                continue;
            }
            char *end = NULL;
            errno = 0;
            long n = strtol(val, &end, 10);
            if (errno || end == val || *end || n < 1 || n > 1000000000L) {
                return jx_cli_usage_error(self, "版本号“%s”应为正整数", val);
            }
            number = (int)n;
        } else if (jx_cli_ws_operand(self, argv[i], &unit) != 0) {
            return JX_EXIT_USAGE;
        }
    }
    if (jx_cli_ws_need(self, true, unit, wa.year) != 0) {
        return JX_EXIT_USAGE;
    }
    if (out && json) {
        return jx_cli_usage_error(self, "-o 与 --json 不能同时使用");
    }
    if (out && !*out) {
        return jx_cli_usage_error(self, "-o 后的目录为空");
    }
    struct jx_cli_read rd;
    if (jx_cli_read_open(&ws, &rd) != 0) {
        return JX_EXIT_IO;
    }
    struct jx_ws_vfiles v;
    int rc = jx_cli_read_result(
        &rd, jx_ws_version_files(rd.a, rd.s, unit, wa.year, number, &v, rd.d));
    if (rc == JX_EXIT_OK && out) {
        rc = write_out(rd.a, rd.s, &v, out, rd.d, &rd.from);
    } else if (rc == JX_EXIT_OK) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 30);
        if (json) {
            jx_cli_json_out(&b, files_json(&v));
        } else {
            files_text(&v, &b);
        }
        rc = jx_cli_emit(&b);
    }
    jx_cli_read_close(&rd);
    return rc;
}
