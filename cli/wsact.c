/*
 * wsact.c - what the workflow commands (submit, review, publish,
 * status, history) share: --as USER / $JIXIAO_USER, --at TIME,
 * --year YEAR, and printing diagnostics.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jixiao/wsflow.h"

/* Read a year of 4 ASCII digits (1900..2999) into *y: 0, or -1. */
static int parse_year(const char *s, int *y)
{
    if (strlen(s) != 4) {
        return -1;
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    if (v < 1900 || v > 2999) {
        return -1;
    }
    *y = v;
    return 0;
}

/* See cli.h. */
int jx_cli_who_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                   struct jx_who_args *w)
{
    const char *a = argv[*i];
    const char *v = NULL;
    int r;
    if ((r = jx_cli_optval(argc, argv, i, "--as", &v)) != 0) {
        if (r < 0) {
            jx_cli_usage_error(self, "选项 --as 缺少用户名");
            return -1;
        }
        w->user = v;
        return 1;
    }
    if ((r = jx_cli_optval(argc, argv, i, "--at", &v)) != 0) {
        if (r < 0) {
            jx_cli_usage_error(self, "选项 --at 缺少时间");
            return -1;
        }
        w->at = v;
        return 1;
    }
    if ((r = jx_cli_optval(argc, argv, i, "--year", &v)) != 0) {
        if (r < 0 || parse_year(v, &w->year) < 0) {
            jx_cli_usage_error(self, "--year 需要四位数的年度：“%s”",
                               r < 0 ? "" : v);
            return -1;
        }
        return 1;
    }
    (void)a;
    return 0;
}

/* See cli.h. */
int jx_cli_who(const struct jx_cmd *self, const struct jx_who_args *w,
               struct jx_ws_who *who)
{
    memset(who, 0, sizeof *who);
    who->user = w->user;
    if (!who->user) {
        const char *e = getenv("JIXIAO_USER");
        who->user = e && *e ? e : NULL;
    }
    who->now = (int64_t)time(NULL);
    if (w->at) {
        if (jx_wf_time_parse(w->at, strlen(w->at), &who->at) < 0) {
            jx_cli_usage_error(self,
                               "--at 的时间无法识别：“%s”（写成 "
                               "2025-09-30T00:30:00+08:00 或 "
                               "“2025-09-30 08:30”）",
                               w->at);
            return -1;
        }
        who->backdated = true;
    }
    return 0;
}

/* See cli.h. */
int jx_cli_act_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                   struct jx_ws_args *ws, struct jx_who_args *w)
{
    int r = jx_cli_ws_arg(self, argc, argv, i, ws);
    if (r == 0) {
        r = jx_cli_who_arg(self, argc, argv, i, w);
    }
    return r;
}

/* See cli.h. */
int jx_cli_read_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                    struct jx_ws_args *ws, struct jx_who_args *w)
{
    int r = jx_cli_act_arg(self, argc, argv, i, ws, w);
    if (r > 0 && (w->user || w->at)) {
        jx_cli_usage_error(self, "此命令不接受 --as、--at");
        return -1;
    }
    return r;
}

/* See cli.h. */
void jx_cli_print_diags(const struct jx_diags *d, size_t from)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_cli_format_diags(&b, d, from);
    fputs(b.p, stderr);
    jx_buf_release(&b);
}

/* See cli.h. */
int jx_cli_ws_operand(const struct jx_cmd *self, const char *arg,
                      const char **code)
{
    if (arg[0] == '-' && arg[1] != '\0') {
        return jx_cli_usage_error(self, "未知选项“%s”", arg);
    }
    if (!code) {
        return jx_cli_usage_error(self, "多余的参数“%s”", arg);
    }
    if (*code) {
        return jx_cli_usage_error(self, "只能给出一个单位编码");
    }
    *code = arg;
    return 0;
}

/* See cli.h. */
int jx_cli_ws_need(const struct jx_cmd *self, bool code_wanted,
                   const char *code, int year)
{
    if (code_wanted && !code) {
        return jx_cli_usage_error(self, "缺少单位编码 CODE");
    }
    if (year == 0) {
        return jx_cli_usage_error(self, "缺少 --year YEAR");
    }
    return 0;
}

/* See cli.h. */
int jx_cli_read_open(const struct jx_ws_args *w, struct jx_cli_read *rd)
{
    rd->s = jx_cli_ws_open(w, true);
    if (!rd->s) {
        return JX_EXIT_IO;
    }
    rd->a = jx_arena_new();
    rd->d = jx_cli_ws_diags();
    rd->from = rd->d->n;
    return 0;
}

/* See cli.h. */
int jx_cli_read_result(struct jx_cli_read *rd, int r)
{
    jx_cli_print_diags(rd->d, rd->from);
    rd->from = rd->d->n;
    return r == 0 ? JX_EXIT_OK : r > 0 ? JX_EXIT_USAGE : JX_EXIT_IO;
}

/* See cli.h. */
void jx_cli_read_close(struct jx_cli_read *rd)
{
    jx_arena_free(rd->a);
    jx_store_close(rd->s);
}

/* See cli.h. */
int jx_cli_emit(struct jx_buf *b)
{
    int rc = jx_cli_write(b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
    jx_buf_release(b);
    return rc;
}

/* See cli.h. */
int jx_cli_ws_opt(const struct jx_cmd *self, int argc, char **argv, int *i,
                  const char *name, const char *what, const char **val)
{
    int r = jx_cli_optval(argc, argv, i, name, val);
    if (r < 0) {
        jx_cli_usage_error(self, "选项 %s 缺少%s", name, what);
    }
    return r;
}

/* See cli.h. */
int jx_cli_view_args(const struct jx_cmd *self, int argc, char **argv,
                     struct jx_ws_args *ws, struct jx_who_args *wa,
                     bool *json, const char **code)
{
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_read_arg(self, argc, argv, &i, ws, wa);
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        if (strcmp(argv[i], "--json") == 0) {
            *json = true;
        } else if (jx_cli_ws_operand(self, argv[i], code) != 0) {
            return JX_EXIT_USAGE;
        }
    }
    return jx_cli_ws_need(self, code != NULL, code ? *code : NULL,
                          wa->year);
}
