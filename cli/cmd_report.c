/*
 * cmd_report.c - `jixiao report FILE --format docx|xlsx|html|pdf|txt -o OUT
 * [--document report|findings|assessment] [--with LIST] [--framework ID]
 * [--submitted DATE] [--published DATE]`: write the 自评报告 (or the
 * findings report, or the 考核评分表) of one package, every computed number
 * filled in; and jx_cli_write_doc, the one way documents reach disk.
 */
#include "cli.h"

#include "jixiao/framework.h"
#include "jixiao/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The formats, in the order of the help text. */
static const char *const formats[] = {"docx", "xlsx", "html", "pdf", "txt"};

/* Whether format is one jx_cli_write_doc knows. */
bool jx_cli_doc_format(const char *format)
{
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(format, formats[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* Print the writer's diagnostics to stderr. */
static void print_diags(const struct jx_diags *d)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    jx_cli_format_diags(&b, d, 0);
    fputs(b.p, stderr);
    jx_buf_release(&b);
}

/* Write d in format to path atomically: buffers go through
 * jx_write_file_atomic ("-": standard output), the XLSX writer writes a
 * temporary file that is renamed into place. */
int jx_cli_write_doc(const struct jx_report_doc *d, const char *format,
                     const char *path, struct jx_pdf_fonts *fonts)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, a);
    int rc = -1;
    char *real = NULL;
    if (strcmp(format, "xlsx") == 0 && jx_out_path(path, &real) < 0) {
        fprintf(stderr, "jixiao: 无法写入“%s”：%s\n", path,
                jx_errno_zh(errno));
    } else if (strcmp(format, "xlsx") == 0) {
        /* beside the file a link at path leads to, named as typed */
        char *tmp = jx_sprintf(a, "%s.tmp.%ld", real, (long)getpid());
        if (jx_report_xlsx_as(d, tmp, path, &diags) == 0) {
            if (rename(tmp, real) == 0) {
                rc = 0;
            } else {
                fprintf(stderr, "jixiao: 无法写入“%s”：%s\n", path,
                        jx_errno_zh(errno));
            }
        }
        remove(tmp);
    } else {
        struct jx_buf out;
        jx_buf_init(&out, JX_REPORT_MAX_BYTES);
        int w = strcmp(format, "docx") == 0   ? jx_report_docx(d, &out, &diags)
                : strcmp(format, "html") == 0 ? jx_report_html(d, &out, &diags)
                : strcmp(format, "pdf") == 0
                    ? (fonts ? jx_report_pdf_with(fonts, d, &out, &diags)
                             : jx_report_pdf(d, &out, &diags))
                                              : jx_report_text(d, &out);
        if (w == 0 && !out.toobig && strcmp(path, "-") == 0) {
            rc = jx_cli_write(&out) == 0 ? 0 : -1;
        } else if (w == 0 && !out.toobig) {
            if (jx_write_file_atomic(path, out.p, out.len) == 0) {
                rc = 0;
            } else {
                fprintf(stderr, "jixiao: 无法写入“%s”：%s\n", path,
                        jx_errno_zh(errno));
            }
        } else if (out.toobig) {
            fprintf(stderr, "jixiao: “%s”过大，未写入\n", path);
        }
        jx_buf_release(&out);
    }
    if (rc != 0 && diags.n) {
        print_diags(&diags);
    }
    free(real);
    jx_diags_release(&diags);
    jx_arena_free(a);
    return rc;
}

/* Options of one report. */
struct ropts {
    const char *file, *format, *out, *document;
    bool findings, derivations, assessment;
    struct jx_fw_args fa; /* --framework, --submitted, --published … */
};

/* Apply "--with a,b,c"; false for an unknown name. */
static bool parse_with(struct ropts *o, const char *list)
{
    const char *p = list;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 8 && strncmp(p, "findings", n) == 0) {
            o->findings = true;
        } else if (n == 11 && strncmp(p, "derivations", n) == 0) {
            o->derivations = true;
        } else if (n == 10 && strncmp(p, "assessment", n) == 0) {
            o->assessment = true;
        } else if (n) {
            return false;
        }
        p += n + (e ? 1 : 0);
    }
    return true;
}

/* Read the command line; JX_EXIT_OK or a usage error. */
static int parse(const struct jx_cmd *self, int argc, char **argv,
                 struct ropts *o)
{
    bool opts = true;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = NULL;
        int m;
        if (opts && strcmp(arg, "--") == 0) {
            opts = false;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i, "--format", &val))) {
            if (m < 0 || !jx_cli_doc_format(val)) {
                return jx_cli_usage_error(self, "--format 应为 docx、xlsx、html、"
                                                "pdf 或 txt（收到“%s”）",
                                          m < 0 ? "" : val);
            }
            o->format = val;
        } else if (opts && ((m = jx_cli_optval(argc, argv, &i, "-o", &val)) ||
                            (m = jx_cli_optval(argc, argv, &i, "--output",
                                               &val)))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "-o 缺少输出文件");
            }
            o->out = val;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i, "--document",
                                              &val))) {
            if (m < 0 || (strcmp(val, "report") && strcmp(val, "findings") &&
                          strcmp(val, "assessment"))) {
                return jx_cli_usage_error(
                    self, "--document 应为 report、findings 或 assessment");
            }
            o->document = val;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i, "--with", &val))) {
            if (m < 0 || !parse_with(o, val)) {
                return jx_cli_usage_error(
                    self, "--with 应为 findings、derivations、assessment 的组合，"
                          "用逗号分隔");
            }
        } else if (opts && (m = jx_cli_fw_arg(self, argc, argv, &i, &o->fa))) {
            if (m < 0) {
                return JX_EXIT_USAGE;
            }
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
    if (!o->format || !o->out) {
        return jx_cli_usage_error(self, "须给出 --format 和 -o");
    }
    if (!o->document) {
        o->document = "report";
    }
    bool want_fw = o->assessment || strcmp(o->document, "assessment") == 0;
    if (want_fw && !o->fa.framework) {
        o->fa.framework = "yueyang-louqu-2025";
    }
    return JX_EXIT_OK;
}

/* `jixiao report`. */
int jx_cmd_report(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("report");
    struct ropts o;
    memset(&o, 0, sizeof o);
    int rc = parse(self, argc, argv, &o);
    if (rc != JX_EXIT_OK) {
        return rc;
    }
    if (!jx_cli_out_file_ok("jixiao report", o.out)) {
        return JX_EXIT_IO;
    }
    struct jx_run *run = jx_cli_run(&o.fa, NULL, NULL);
    struct jx_input_opts io = jx_cli_input_opts(&o.fa);
    struct jx_result *in = jx_cli_input(run, o.file, &io);
    if (in->status != JX_INPUT_OK) {
        if (in->status == JX_INPUT_MALFORMED) {
            jx_cli_malformed(in);
        }
        rc = JX_EXIT_USAGE;
        goto done;
    }
    if (o.fa.framework && !in->assessed) {
        jx_cli_fw_failed(in, o.fa.framework);
        rc = JX_EXIT_USAGE;
        goto done;
    }
    struct jx_arena *arena = in->arena;
    const struct jx_eval *ev = in->ev;
    struct jx_fw_result *fr = in->assessment;
    const struct jx_diags *diags = &in->diags;
    struct jx_report_doc *d;
    if (strcmp(o.document, "findings") == 0) {
        d = jx_report_findings(arena, in->pkg, diags);
    } else if (strcmp(o.document, "assessment") == 0) {
        d = jx_report_assessment(arena, fr);
    } else {
        struct jx_report_opts ro = {o.findings, o.derivations,
                                    o.assessment ? fr : NULL};
        d = jx_report_build(arena, in->pkg, ev, diags, &ro);
    }
    rc = jx_cli_write_doc(d, o.format, o.out, NULL) == 0 ? JX_EXIT_OK
                                                          : JX_EXIT_IO;
done:
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}
