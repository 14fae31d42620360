/*
 * cmd_assess.c - `jixiao assess FILE --framework ID [--submitted DATE]
 * [--published DATE] [--set NAME=VALUE]... [--json]`: the bureau's
 * 考核评分表 (or any framework) computed over one package: every item
 * with its points, score, derivation and 扣分理由, the unit's own scores
 * beside, the total and the grade.  jx_cli_assess and jx_cli_framework
 * are the framework runs that report, evaluate, check and score share.
 *
 * Dates count in working days (data/calendar); frameworks are read from
 * data/frameworks (or a path to a .json file).
 */
#include "cli.h"

#include "jixiao/assess.h"
#include "jixiao/calendar.h"
#include "jixiao/framework.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Print diags[from..] to stderr. */
static void print_diags(const struct jx_diags *d, size_t from)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_cli_format_diags(&b, d, from);
    fputs(b.p, stderr);
    jx_buf_release(&b);
}

/* Load the calendar from caldir or the bundled data; NULL (with the
 * problems printed) when it cannot be read. */
static struct jx_calendar *load_calendar(struct jx_arena *a,
                                         const char *caldir)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    const char *dir = caldir ? caldir : jx_calendar_default_dir(a);
    if (jx_calendar_load_dir(cal, dir, &d) != 0) {
        print_diags(&d, 0);
        cal = NULL;
    }
    jx_diags_release(&d);
    return cal;
}

/* What the process has loaded: a framework and the calendar, kept (in
 * their own arena, for the life of the process) so that evaluate and
 * check read them once, not once per input. */
static struct {
    struct jx_arena *a;
    char *fwdir, *id;
    const struct jx_framework *fw;
    char *caldir;            /* "" for the bundled data */
    struct jx_calendar *cal;
} cache;

/* Framework id from fwdir, loaded once per process; NULL after a
 * failure (its findings in diags, and it is tried again next time). */
static const struct jx_framework *cached_framework(const char *fwdir,
                                                  const char *id,
                                                  struct jx_diags *diags)
{
    if (!cache.a) {
        cache.a = jx_arena_new();
    }
    if (cache.fw && strcmp(cache.fwdir, fwdir) == 0 &&
        strcmp(cache.id, id) == 0) {
        return cache.fw;
    }
    const struct jx_framework *fw = jx_framework_open(cache.a, fwdir, id,
                                                      diags);
    if (fw) {
        cache.fw = fw;
        cache.fwdir = jx_strdup(cache.a, fwdir);
        cache.id = jx_strdup(cache.a, id);
    }
    return fw;
}

/* The calendar of caldir (NULL: the bundled data), loaded once per
 * process; NULL after printing why it cannot be read. */
static struct jx_calendar *cached_calendar(const char *caldir)
{
    const char *key = caldir ? caldir : "";
    if (!cache.a) {
        cache.a = jx_arena_new();
    }
    if (!cache.cal || strcmp(cache.caldir, key) != 0) {
        struct jx_calendar *cal = load_calendar(cache.a, caldir);
        if (!cal) {
            return NULL;
        }
        cache.cal = cal;
        cache.caldir = jx_strdup(cache.a, key);
    }
    return cache.cal;
}

/* Evaluate framework over pkg (scored as ev) with the dates of fo; the
 * result, or NULL after printing why the framework or the calendar
 * could not be read.  Findings go to diags. */
struct jx_fw_result *jx_cli_assess(struct jx_arena *a,
                                   const struct jx_package *pkg,
                                   const struct jx_eval *ev,
                                   const char *framework,
                                   const struct jx_fw_cli_opts *fo,
                                   struct jx_diags *diags)
{
    size_t from = diags->n;
    const char *fwdir = fo->fwdir ? fo->fwdir : jx_framework_default_dir(a);
    const struct jx_framework *fw = cached_framework(fwdir, framework, diags);
    struct jx_calendar *cal = fw ? cached_calendar(fo->caldir) : NULL;
    if (!fw || !cal) {
        print_diags(diags, from);
        if (!fw) {
            fprintf(stderr, "jixiao: 评价框架“%s”未能载入（目录 %s）\n",
                    framework, fwdir);
        }
        return NULL;
    }
    struct jx_assess_opts ao;
    memset(&ao, 0, sizeof ao);
    if (fo->submitted) {
        ao.submitted = *fo->submitted;
    }
    if (fo->published) {
        ao.published = *fo->published;
    }
    ao.cal = cal;
    ao.overrides = fo->sets;
    struct jx_fw_env env;
    jx_assess_env(a, pkg, ev, &ao, &env);
    size_t at = diags->n;
    struct jx_fw_result *r = jx_framework_eval(a, fw, pkg, &env, diags);
    /* a --set not taken is said at once, whatever the command */
    struct jx_buf eb;
    jx_buf_init(&eb, 1u << 20);
    for (size_t i = at; i < diags->n; i++) {
        if (strcmp(diags->a[i].code, "F118") == 0) {
            jx_diag_format(&eb, &diags->a[i]);
        }
    }
    fputs(eb.p ? eb.p : "", stderr);
    jx_buf_release(&eb);
    return r;
}

/* Evaluate framework over the package in file and print the result
 * (text or JSON): the run of `assess` and of `score --framework`.
 * Returns the exit code. */
int jx_cli_framework(const char *file, const char *framework,
                     const struct jx_fw_cli_opts *fo)
{
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags, scoring;
    jx_diags_init(&diags, arena);
    jx_diags_init(&scoring, arena);
    struct jx_buf out;
    jx_buf_init(&out, 1u << 30);
    struct jx_cli_input in;
    int rc = JX_EXIT_USAGE;
    enum jx_load_status st = jx_cli_load(arena, file, &diags, &in);
    if (st != JX_LOAD_OK) {
        if (st == JX_LOAD_MALFORMED) {
            print_diags(&diags, 0);
            fprintf(stderr, "jixiao: 文件“%s”未能载入（错误 %zu 个）\n", file,
                    jx_diags_errors(&diags));
        }
        goto done;
    }
    struct jx_policy pol;
    jx_policy_default(&pol);
    const struct jx_eval *ev = jx_score(arena, in.pkg, &pol, &scoring);
    size_t from = diags.n;
    struct jx_fw_result *res = jx_cli_assess(arena, in.pkg, ev, framework,
                                             fo, &diags);
    if (!res) {
        goto done;
    }
    jx_pkgpos_locate(in.pos, &diags, from);
    if (!fo->json) {
        /* the errors and warnings (F215 …) beside the table, in the
         * order found; everything is in --json */
        struct jx_buf eb;
        jx_buf_init(&eb, 1u << 20);
        for (size_t i = from; i < diags.n; i++) {
            if (diags.a[i].severity >= JX_SEV_WARNING &&
                strcmp(diags.a[i].code, "F118") != 0) { /* said already */
                jx_diag_format(&eb, &diags.a[i]);
            }
        }
        fputs(eb.p ? eb.p : "", stderr);
        jx_buf_release(&eb);
    }
    jx_diags_sort(&diags);
    rc = jx_diags_errors(&diags) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
    if (fo->json ? jx_fw_result_json(&out, res) < 0
                 : jx_fw_result_text(&out, res) < 0) {
        fprintf(stderr, "jixiao: 输出过大\n");
        rc = JX_EXIT_IO;
    } else if (jx_cli_write(&out) < 0) {
        rc = JX_EXIT_IO;
    }
done:
    jx_buf_release(&out);
    jx_cli_input_release(&in);
    jx_diags_release(&scoring);
    jx_diags_release(&diags);
    jx_arena_free(arena);
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
    struct jx_fw_cli_opts fo = jx_cli_fw_opts(&fa, json);
    return jx_cli_framework(file, fa.framework, &fo);
}
