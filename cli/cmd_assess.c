/*
 * cmd_assess.c - `jixiao assess FILE --framework ID [--submitted DATE]
 * [--published DATE] [--set NAME=VALUE]... [--json]`: the bureau's
 * 考核评分表 (or any framework) computed over one package: every item
 * with its points, score, derivation and 扣分理由, the unit's own scores
 * beside, the total and the grade.
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

/* Parse "YYYY-MM-DD" into d; false for a bad date. */
static bool parse_date(const char *s, struct jx_date *d)
{
    struct jx_cal_date c;
    if (jx_calendar_date_parse(s, strlen(s), &c) != 0) {
        return false;
    }
    d->present = true;
    d->y = c.y;
    d->m = c.m;
    d->d = c.d;
    d->prov = NULL;
    return true;
}

/* The options of one run. */
struct opts {
    const char *file, *framework, *fwdir, *caldir;
    struct jx_date submitted, published;
    const char *sets[64];
    size_t nsets;
    bool json;
};

/* Read the command line into o; JX_EXIT_OK or a usage error. */
static int parse_args(const struct jx_cmd *self, int argc, char **argv,
                      struct opts *o)
{
    bool opts = true;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = NULL;
        int m;
        if (opts && strcmp(arg, "--") == 0) {
            opts = false;
        } else if (opts && strcmp(arg, "--json") == 0) {
            o->json = true;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i, "--framework",
                                              &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--framework 缺少评价框架");
            }
            o->framework = val;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i,
                                              "--frameworks-dir", &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--frameworks-dir 缺少目录");
            }
            o->fwdir = val;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i,
                                              "--calendar-dir", &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--calendar-dir 缺少目录");
            }
            o->caldir = val;
        } else if (opts && ((m = jx_cli_optval(argc, argv, &i, "--submitted",
                                               &val)) != 0 ||
                            (m = jx_cli_optval(argc, argv, &i, "--published",
                                               &val)) != 0)) {
            bool sub = strncmp(arg, "--submitted", 11) == 0;
            if (m < 0 || !parse_date(val, sub ? &o->submitted
                                              : &o->published)) {
                return jx_cli_usage_error(
                    self, "%s 应为 YYYY-MM-DD 格式的日期（收到“%s”）",
                    sub ? "--submitted" : "--published", m < 0 ? "" : val);
            }
        } else if (opts && (m = jx_cli_optval(argc, argv, &i, "--set",
                                              &val))) {
            if (m < 0 || !strchr(val, '=')) {
                return jx_cli_usage_error(self, "--set 需要 NAME=VALUE");
            }
            if (o->nsets + 1 >= sizeof o->sets / sizeof o->sets[0]) {
                return jx_cli_usage_error(self, "--set 过多");
            }
            o->sets[o->nsets++] = val;
        } else if (opts && arg[0] == '-' && arg[1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", arg);
        } else if (o->file) {
            return jx_cli_usage_error(self, "只能给出一个文件");
        } else {
            o->file = arg;
        }
    }
    if (!o->file) {
        return jx_cli_usage_error(self, "缺少文件");
    }
    if (!o->framework) {
        return jx_cli_usage_error(self, "缺少 --framework（例如 "
                                        "yueyang-louqu-2025）");
    }
    return JX_EXIT_OK;
}

static int run(const struct opts *op);
static struct jx_calendar *load_calendar(struct jx_arena *a,
                                         const struct opts *o);

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
    struct opts o;
    memset(&o, 0, sizeof o);
    o.caldir = fo->caldir;
    const char *fwdir = fo->fwdir ? fo->fwdir : jx_framework_default_dir(a);
    size_t from = diags->n;
    struct jx_framework *fw = jx_framework_open(a, fwdir, framework, diags);
    struct jx_calendar *cal = fw ? load_calendar(a, &o) : NULL;
    if (!fw || !cal) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 20);
        jx_cli_format_diags(&b, diags, from);
        fputs(b.p, stderr);
        jx_buf_release(&b);
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
    return jx_framework_eval(a, fw, pkg, &env, diags);
}

/* Load the calendar from o->caldir or the default; NULL (with the
 * problems printed) when it cannot be read. */
static struct jx_calendar *load_calendar(struct jx_arena *a,
                                         const struct opts *o)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    const char *dir = o->caldir ? o->caldir : jx_calendar_default_dir(a);
    if (jx_calendar_load_dir(cal, dir, &d) != 0) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 20);
        jx_cli_format_diags(&b, &d, 0);
        fputs(b.p, stderr);
        jx_buf_release(&b);
        cal = NULL;
    }
    jx_diags_release(&d);
    return cal;
}

/* Evaluate framework `framework` over the package in `file` and print
 * the result (text or JSON); the run of `assess` and of `score
 * --framework`.  dates may be NULL (then the package's).  Returns the
 * exit code. */
int jx_cli_framework(const char *file, const char *framework,
                     const struct jx_fw_cli_opts *fo)
{
    struct opts o;
    memset(&o, 0, sizeof o);
    o.file = file;
    o.framework = framework;
    o.json = fo->json;
    o.fwdir = fo->fwdir;
    o.caldir = fo->caldir;
    if (fo->submitted) {
        o.submitted = *fo->submitted;
    }
    if (fo->published) {
        o.published = *fo->published;
    }
    for (size_t i = 0; fo->sets && fo->sets[i] && o.nsets + 1 < 64; i++) {
        o.sets[o.nsets++] = fo->sets[i];
    }
    o.sets[o.nsets] = NULL;
    return run(&o);
}

/* `jixiao assess`. */
int jx_cmd_assess(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("assess");
    struct opts o;
    memset(&o, 0, sizeof o);
    int rc = parse_args(self, argc, argv, &o);
    if (rc != JX_EXIT_OK) {
        return rc;
    }
    o.sets[o.nsets] = NULL;
    return run(&o);
}

/* Load, evaluate and print one run of o. */
static int run(const struct opts *op)
{
    struct opts o = *op;
    int rc;
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    struct jx_buf out;
    jx_buf_init(&out, 1u << 30);
    struct jx_cli_input in;
    memset(&in, 0, sizeof in);
    const char *fwdir = o.fwdir ? o.fwdir : jx_framework_default_dir(arena);
    struct jx_framework *fw = jx_framework_open(arena, fwdir, o.framework,
                                                &diags);
    struct jx_calendar *cal = fw ? load_calendar(arena, &o) : NULL;
    if (!fw || !cal) {
        jx_cli_format_diags(&out, &diags, 0);
        fputs(out.p, stderr);
        if (!fw) {
            fprintf(stderr, "jixiao assess: 评价框架“%s”未能载入（目录 %s）\n",
                    o.framework, fwdir);
        }
        rc = JX_EXIT_USAGE;
        goto done;
    }
    enum jx_load_status st = jx_cli_load(arena, o.file, &diags, &in);
    if (st != JX_LOAD_OK) {
        if (st == JX_LOAD_MALFORMED) {
            jx_cli_format_diags(&out, &diags, 0);
            fputs(out.p, stderr);
            fprintf(stderr, "jixiao: 文件“%s”未能载入（错误 %zu 个）\n", o.file,
                    jx_diags_errors(&diags));
        }
        rc = JX_EXIT_USAGE;
        goto done;
    }
    struct jx_policy pol;
    jx_policy_default(&pol);
    struct jx_diags scoring;
    jx_diags_init(&scoring, arena);
    const struct jx_eval *ev = jx_score(arena, in.pkg, &pol, &scoring);
    struct jx_assess_opts ao = {o.submitted, o.published, cal, o.sets};
    struct jx_fw_env env;
    jx_assess_env(arena, in.pkg, ev, &ao, &env);
    size_t from = diags.n;
    struct jx_fw_result *res = jx_framework_eval(arena, fw, in.pkg, &env,
                                                 &diags);
    jx_pkgpos_locate(in.pos, &diags, from);
    jx_diags_sort(&diags);
    rc = jx_diags_errors(&diags) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
    if (o.json ? jx_fw_result_json(&out, res) < 0
               : jx_fw_result_text(&out, res) < 0) {
        fprintf(stderr, "jixiao: 输出过大\n");
        rc = JX_EXIT_IO;
    } else if (jx_cli_write(&out) < 0) {
        rc = JX_EXIT_IO;
    }
    jx_diags_release(&scoring);
done:
    jx_buf_release(&out);
    jx_cli_input_release(&in);
    jx_diags_release(&diags);
    jx_arena_free(arena);
    return rc;
}
