/*
 * io.c - what the commands share: reading and loading an input file,
 * writing output, formatting findings, and option values.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/calendar.h"
#include "jixiao/import.h"
#include "jixiao/pkgjson.h"

/* Write b to stdout; -1 with a message when the write fails. */
int jx_cli_write(const struct jx_buf *b)
{
    if (b->len && fwrite(b->p, 1, b->len, stdout) != b->len) {
        fprintf(stderr, "jixiao: 写入标准输出失败：%s\n", strerror(errno));
        return -1;
    }
    return 0;
}

/* Offset of the first byte after a UTF-8 BOM and white space. */
static size_t skip_space(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        i = 3;
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                     s[i] == '\r')) {
        i++;
    }
    return i;
}

/* Read a whole input, or say on stderr why it cannot be read. */
int jx_cli_read(const char *path, char **text, size_t *len)
{
    const char *shown = strcmp(path, "-") == 0 ? "（标准输入）" : path;
    if (jx_read_file(path, JX_CLI_MAX_INPUT, text, len) == 0) {
        return 0;
    }
    if (errno == EFBIG) {
        fprintf(stderr, "jixiao: 无法读取文件“%s”：文件过大（上限 %u 字节）\n",
                shown, JX_CLI_MAX_INPUT);
    } else {
        fprintf(stderr, "jixiao: 无法读取文件“%s”：%s\n", shown,
                strerror(errno));
    }
    return -1;
}

/* Read path and load it as a package (see cli.h): Package JSON with
 * positions, any other input through jx_import (DOCX, XLSX, text),
 * whose findings carry their own provenance.  An imported package is
 * scored even when the import found errors (they are findings). */
enum jx_load_status jx_cli_load(struct jx_arena *arena, const char *path,
                                struct jx_diags *diags,
                                struct jx_cli_input *in)
{
    memset(in, 0, sizeof *in);
    char *text = NULL;
    size_t len = 0;
    const char *shown = strcmp(path, "-") == 0 ? "（标准输入）" : path;
    if (jx_cli_read(path, &text, &len) < 0) {
        return JX_LOAD_UNREADABLE;
    }
    size_t start = skip_space(text, len);
    if (start == len) {
        fprintf(stderr, "jixiao: 文件“%s”是空的\n", shown);
        free(text);
        return JX_LOAD_FORMAT;
    }
    size_t before = jx_diags_errors(diags);
    if (text[start] != '{') {
        /* a document: detect, convert and recognise it */
        struct jx_limits lim;
        jx_limits_default(&lim);
        lim.max_input = JX_CLI_MAX_INPUT;
        enum jx_input_kind kind;
        struct jx_package *p =
            jx_import(arena, path, text, len, &lim, diags, &kind);
        free(text);
        if (!p) {
            if (jx_diags_errors(diags) == before) {
                jx_diag_add(diags, "U101", JX_SEV_ERROR,
                            &(struct jx_loc){.file = path},
                            "无法从文件中读出自评材料");
            }
            return JX_LOAD_MALFORMED;
        }
        if (!p->source) {
            p->source = jx_strdup(arena, path);
        }
        in->pkg = p;
        return JX_LOAD_OK;
    }
    in->text = text;
    struct jx_package *p =
        jx_pkgjson_load_pos(arena, path, text, len, diags, &in->pos);
    if (!p) {
        if (jx_diags_errors(diags) == before) {
            jx_diag_add(diags, "U101", JX_SEV_ERROR,
                        &(struct jx_loc){.file = path},
                        "无法从文件中读出自评材料");
        }
        return JX_LOAD_MALFORMED;
    }
    if (!p->source) {
        p->source = jx_strdup(arena, path);
    }
    in->pkg = p;
    return jx_diags_errors(diags) > before ? JX_LOAD_MALFORMED : JX_LOAD_OK;
}

/* Free the text and the positions of an input. */
void jx_cli_input_release(struct jx_cli_input *in)
{
    jx_pkgpos_free(in->pos);
    free(in->text);
    memset(in, 0, sizeof *in);
}

/* Score and run the cross-checks, then locate the new findings in the
 * input's text and put all findings in file, line and column order. */
const struct jx_eval *jx_cli_check(struct jx_arena *arena,
                                   const struct jx_cli_input *in,
                                   const struct jx_policy *pol,
                                   const struct jx_check_config *cfg,
                                   struct jx_diags *diags)
{
    size_t from = diags->n;
    const struct jx_eval *ev = jx_score(arena, in->pkg, pol, diags);
    jx_check(arena, in->pkg, ev, cfg, diags);
    jx_pkgpos_locate(in->pos, diags, from);
    jx_diags_sort(diags);
    return ev;
}

/* Score, then locate the scoring findings in the input's text and put
 * all findings in file, line and column order. */
const struct jx_eval *jx_cli_score(struct jx_arena *arena,
                                   const struct jx_cli_input *in,
                                   const struct jx_policy *pol,
                                   struct jx_diags *diags)
{
    size_t from = diags->n;
    const struct jx_eval *ev = jx_score(arena, in->pkg, pol, diags);
    jx_pkgpos_locate(in->pos, diags, from);
    jx_diags_sort(diags);
    return ev;
}

/* Append the diagnostics from index `from` on, compiler style. */
void jx_cli_format_diags(struct jx_buf *b, const struct jx_diags *d,
                         size_t from)
{
    for (size_t i = from; i < d->n; i++) {
        jx_diag_format(b, &d->a[i]);
    }
    if (d->dropped) {
        jx_buf_addf(b, "（另有 %zu 条发现因数量上限未列出）\n", d->dropped);
    }
}

/* Match "--name VALUE" or "--name=VALUE" at argv[*i]. */
int jx_cli_optval(int argc, char **argv, int *i, const char *name,
                  const char **val)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0) {
        return 0;
    }
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] != '\0') {
        return 0;
    }
    if (*i + 1 >= argc) {
        return -1;
    }
    *i += 1;
    *val = argv[*i];
    return 1;
}

/* Read the value of a --submitted / --published option; false for a
 * date that is not YYYY-MM-DD or does not exist. */
static bool date_arg(const char *s, struct jx_date *d)
{
    struct jx_cal_date c;
    if (jx_calendar_date_parse(s, strlen(s), &c) != 0) {
        return false;
    }
    *d = (struct jx_date){true, c.y, c.m, c.d, NULL};
    return true;
}

/* Read one framework option into fa (cli.h). */
int jx_cli_fw_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                  struct jx_fw_args *fa)
{
    static const char *const names[6] = {
        "--framework", "--frameworks-dir", "--calendar-dir",
        "--submitted", "--published",      "--set"};
    static const char *const missing[6] = {
        "--framework 缺少评价框架", "--frameworks-dir 缺少目录",
        "--calendar-dir 缺少目录", "--submitted 缺少日期",
        "--published 缺少日期", "--set 需要 NAME=VALUE"};
    const char *val = NULL;
    for (int k = 0; k < 6; k++) {
        int m = jx_cli_optval(argc, argv, i, names[k], &val);
        if (m == 0) {
            continue;
        }
        if (m < 0) {
            jx_cli_usage_error(self, "%s", missing[k]);
            return -1;
        }
        switch (k) {
        case 0:
            fa->framework = val;
            break;
        case 1:
            fa->fwdir = val;
            break;
        case 2:
            fa->caldir = val;
            break;
        case 3:
        case 4:
            if (!date_arg(val, k == 3 ? &fa->submitted : &fa->published)) {
                jx_cli_usage_error(self,
                                   "%s 应为 YYYY-MM-DD 格式的日期（收到“%s”）",
                                   names[k], val);
                return -1;
            }
            break;
        default:
            if (!strchr(val, '=')) {
                jx_cli_usage_error(self, "%s", missing[k]);
                return -1;
            }
            if (fa->nsets + 1 >= sizeof fa->sets / sizeof fa->sets[0]) {
                jx_cli_usage_error(self, "--set 过多");
                return -1;
            }
            fa->sets[fa->nsets++] = val;
            fa->sets[fa->nsets] = NULL;
            break;
        }
        return 1;
    }
    return 0;
}

/* The run options of fa. */
struct jx_fw_cli_opts jx_cli_fw_opts(const struct jx_fw_args *fa, bool json)
{
    struct jx_fw_cli_opts fo = {json,
                                fa->fwdir,
                                fa->caldir,
                                fa->submitted.present ? &fa->submitted : NULL,
                                fa->published.present ? &fa->published : NULL,
                                fa->sets};
    return fo;
}

/* Append the per-severity counts of d. */
void jx_cli_counts(struct jx_buf *b, const struct jx_diags *d)
{
    jx_buf_addf(b, "错误 %zu，警告 %zu，舍入 %zu，提示 %zu",
                d->count[JX_SEV_ERROR], d->count[JX_SEV_WARNING],
                d->count[JX_SEV_ROUNDING], d->count[JX_SEV_NOTE]);
}

/* Apply one --policy NAME=VALUE. */
int jx_cli_policy(const struct jx_cmd *c, struct jx_policy *p,
                  const char *assignment)
{
    if (jx_policy_set(p, assignment) == 0) {
        return JX_EXIT_OK;
    }
    return jx_cli_usage_error(
        c,
        "无效的计分政策“%s”（可用：exec-rounding=double|single，"
        "exec-cap=on|off，over-threshold=20%%，tolerance=0.01，"
        "score-scale=0..8，rate-scale=0..8）",
        assignment);
}
