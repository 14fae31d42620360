/*
 * cli.h - the jixiao command line: the command table, the handlers it
 * names, and the helpers they share (reading inputs, writing outputs).
 */
#ifndef JIXIAO_CLI_H
#define JIXIAO_CLI_H

#include "jixiao/diag.h"
#include "jixiao/model.h"
#include "jixiao/check.h"
#include "jixiao/pkgjson.h"
#include "jixiao/score.h"

/* Command flags. */
enum {
    JX_CMD_HIDDEN = 1 /* not listed by --help (test commands) */
};

/* One command: what `jixiao NAME` runs and how it is documented. */
struct jx_cmd {
    const char *name;    /* e.g. "score" */
    int (*run)(int argc, char **argv); /* argv[0] is the name; returns
                                          an exit code (enum jx_exit) */
    const char *summary; /* one line for the command list */
    const char *usage;   /* "jixiao score FILE [--json] ..." */
    const char *help;    /* long help: what it does, options, exit */
    unsigned flags;      /* JX_CMD_* */
};

/* The command table, sorted by name (strcmp order), and its size. */
extern const struct jx_cmd jx_cmds[];
extern const size_t jx_ncmds;

/* The command called name (exact match), or NULL. */
const struct jx_cmd *jx_cmd_find(const char *name);

/* 0 when the table is sorted strictly and every name finds itself;
 * else -1 with the first problem written to err (if not NULL). */
int jx_cmdtab_verify(struct jx_buf *err);

/* Print the list of commands (jixiao --help) to stdout. */
void jx_cli_help_all(void);

/* Print the usage and long help of a command to stdout. */
void jx_cli_help_cmd(const struct jx_cmd *c);

/* Report bad usage of a command on stderr ("jixiao CMD: msg" and the
 * usage line); returns JX_EXIT_USAGE. */
int jx_cli_usage_error(const struct jx_cmd *c, const char *fmt, ...)
    JX_PRINTF(2, 3);

/* Write a buffer to stdout; 0, or -1 (with a message on stderr). */
int jx_cli_write(const struct jx_buf *b);

/* Outcome of reading one input. */
enum jx_load_status {
    JX_LOAD_OK = 0,     /* the package was read without errors */
    JX_LOAD_UNREADABLE, /* the file could not be read (message printed) */
    JX_LOAD_FORMAT,     /* not a format we read (message printed) */
    JX_LOAD_MALFORMED   /* read, but the package has errors (in diags) */
};

/* Largest input read, in bytes. */
#define JX_CLI_MAX_INPUT (64u * 1024u * 1024u)

/* Read a whole input file ("-" for stdin) up to JX_CLI_MAX_INPUT into a
 * malloc'd buffer the caller frees; on failure print why (naming the
 * file) on stderr and return -1. */
int jx_cli_read(const char *path, char **text, size_t *len);

/* One input being worked on: its text, the package read from it and
 * the positions of the package's values in the text (so that findings
 * of later stages can name a line and column). */
struct jx_cli_input {
    char *text;             /* the bytes read (owned), or NULL */
    struct jx_pkgpos *pos;  /* positions (owned), or NULL */
    struct jx_package *pkg; /* the package (in the arena), or NULL */
};

/* Read and load the package in path ("-" for stdin) into arena.  Read
 * and format problems are printed to stderr; load problems go to diags.
 * in->pkg is set (possibly partial) unless the status is UNREADABLE or
 * FORMAT.  Release in with jx_cli_input_release() in every case. */
enum jx_load_status jx_cli_load(struct jx_arena *arena, const char *path,
                                struct jx_diags *diags,
                                struct jx_cli_input *in);

/* Free what an input owns (not the arena). */
void jx_cli_input_release(struct jx_cli_input *in);

/* Score in->pkg under pol, give the new findings line and column in
 * the input's text, and sort all findings by place.  The Evaluation
 * lives in arena. */
const struct jx_eval *jx_cli_score(struct jx_arena *arena,
                                   const struct jx_cli_input *in,
                                   const struct jx_policy *pol,
                                   struct jx_diags *diags);

/* Score in->pkg under pol and run the cross-checks under cfg; then as
 * jx_cli_score. */
const struct jx_eval *jx_cli_check(struct jx_arena *arena,
                                   const struct jx_cli_input *in,
                                   const struct jx_policy *pol,
                                   const struct jx_check_config *cfg,
                                   struct jx_diags *diags);

/* Append diags[from..] in compiler style to b. */
void jx_cli_format_diags(struct jx_buf *b, const struct jx_diags *d,
                         size_t from);

/* If argv[*i] is the option name ("--policy V" or "--policy=V"), set
 * *val, advance *i past a separate value and return 1; return -1 when
 * the value is missing, 0 when argv[*i] is another argument. */
int jx_cli_optval(int argc, char **argv, int *i, const char *name,
                  const char **val);

/* Append "错误 n，警告 n，舍入 n，提示 n" for d to b. */
void jx_cli_counts(struct jx_buf *b, const struct jx_diags *d);

/* Apply a --policy assignment; JX_EXIT_OK, or JX_EXIT_USAGE after a
 * message naming the accepted settings. */
int jx_cli_policy(const struct jx_cmd *c, struct jx_policy *p,
                  const char *assignment);

/* The framework options that assess, report and evaluate share, as
 * read from the command line (jx_cli_fw_arg). */
struct jx_fw_args {
    const char *framework;            /* --framework ID, or NULL */
    const char *fwdir, *caldir;       /* --frameworks-dir, --calendar-dir */
    struct jx_date submitted;         /* --submitted DATE */
    struct jx_date published;         /* --published DATE */
    const char *sets[64];             /* --set NAME=VALUE, NULL-terminated */
    size_t nsets;
};

/* If argv[*i] is --framework, --frameworks-dir, --calendar-dir,
 * --submitted, --published or --set, read it (and its value) into fa,
 * advancing *i: 1; 0 when it is another argument; -1 after printing a
 * usage error for self (the caller exits with JX_EXIT_USAGE). */
int jx_cli_fw_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                  struct jx_fw_args *fa);

/* Options of a framework run (assess, score --framework). */
struct jx_fw_cli_opts {
    bool json;
    const char *fwdir, *caldir;       /* NULL: the bundled data */
    const struct jx_date *submitted;  /* NULL: the package's */
    const struct jx_date *published;
    const char *const *sets;          /* NAME=VALUE, NULL-terminated */
};

/* The run options of fa (pointing into fa). */
struct jx_fw_cli_opts jx_cli_fw_opts(const struct jx_fw_args *fa, bool json);

/* Evaluate framework over the package in file and print the result
 * (cmd_assess.c); returns the exit code. */
int jx_cli_framework(const char *file, const char *framework,
                     const struct jx_fw_cli_opts *fo);

struct jx_fw_result;
struct jx_report_doc;

/* Evaluate framework over pkg (scored as ev) with fo's dates
 * (cmd_assess.c); NULL after printing why it could not be loaded. */
struct jx_fw_result *jx_cli_assess(struct jx_arena *a,
                                   const struct jx_package *pkg,
                                   const struct jx_eval *ev,
                                   const char *framework,
                                   const struct jx_fw_cli_opts *fo,
                                   struct jx_diags *diags);

/* Write report document d in format (docx, xlsx, html, pdf, txt) to
 * path atomically (cmd_report.c).  0, or -1 after printing why. */
int jx_cli_write_doc(const struct jx_report_doc *d, const char *format,
                     const char *path);

/* Whether format is one jx_cli_write_doc knows. */
bool jx_cli_doc_format(const char *format);

/* Command handlers (one file each). */
int jx_cmd_assess(int argc, char **argv);
int jx_cmd_report(int argc, char **argv);
int jx_cmd_calendar(int argc, char **argv);
int jx_cmd_evaluate(int argc, char **argv);
int jx_cmd_check(int argc, char **argv);
int jx_cmd_help(int argc, char **argv);
int jx_cmd_import(int argc, char **argv);
int jx_cmd_template(int argc, char **argv);
int jx_cmd_test_doc(int argc, char **argv);
int jx_cmd_score(int argc, char **argv);
int jx_cmd_test_bug(int argc, char **argv);
int jx_cmd_test_cmdtab(int argc, char **argv);
int jx_cmd_test_dec(int argc, char **argv);
int jx_cmd_test_facts(int argc, char **argv);
int jx_cmd_test_indval(int argc, char **argv);
int jx_cmd_test_recog(int argc, char **argv);
int jx_cmd_test_roundtrip(int argc, char **argv);
int jx_cmd_version(int argc, char **argv);

#endif
