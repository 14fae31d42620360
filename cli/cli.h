/*
 * cli.h - the jixiao command line: the command table, the handlers it
 * names, and the helpers they share (reading inputs, writing outputs).
 */
#ifndef JIXIAO_CLI_H
#define JIXIAO_CLI_H

#include "jixiao/diag.h"
#include "jixiao/model.h"
#include "jixiao/calendar.h"
#include "jixiao/check.h"
#include "jixiao/pkgjson.h"
#include "jixiao/pipeline.h"
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

/* Whether the output file path ("-": standard output) can be written,
 * checked before any work (docs/ERRORS.md, "Output paths"): a new name
 * in a directory that takes files, an existing file (replaced
 * atomically), or a symbolic link to a file (written through to it);
 * false after saying on stderr, under who ("jixiao report"), why not: a
 * directory, a looping or dangling link, a directory that cannot take
 * the file. */
bool jx_cli_out_file_ok(const char *who, const char *path);

/* Whether the output directory dir can take files, created when missing
 * (a link to a directory is followed); false after saying why not: a
 * file of that name, a looping or dangling link, a directory where no
 * file can be created. */
bool jx_cli_out_dir_ok(const char *who, const char *dir);

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

/* Largest input read, in bytes. */
#define JX_CLI_MAX_INPUT (64u * 1024u * 1024u)

/* Read a whole input file ("-" for stdin) up to JX_CLI_MAX_INPUT into a
 * malloc'd buffer the caller frees; on failure print why (naming the
 * file) on stderr and return -1. */
int jx_cli_read(const char *path, char **text, size_t *len);

/* The run of a command (lib/pipeline): frameworks and calendar from fa
 * (NULL: the bundled data), policy pol and thresholds cfg (NULL: the
 * defaults).  Free with jx_run_free(). */
struct jx_run *jx_cli_run(const struct jx_fw_args *fa,
                          const struct jx_policy *pol,
                          const struct jx_check_config *cfg);

/* What fa asks of each input (framework, dates, --set; pointing into
 * fa). */
struct jx_input_opts jx_cli_input_opts(const struct jx_fw_args *fa);

/* Read and analyse the input at path ("-" for stdin) under run as o
 * asks (o may be NULL); when it cannot be read or is empty, say so on
 * stderr, and every --set the assessment did not take (F118).  Free
 * the result with jx_result_free(). */
struct jx_result *jx_cli_input(struct jx_run *run, const char *path,
                              const struct jx_input_opts *o);

/* Print on stderr why the framework asked for could not be used (its
 * load findings, and a line naming it when it could not be read). */
void jx_cli_fw_failed(const struct jx_result *in, const char *framework);

/* Print the findings of an input that could not be loaded and a line
 * saying so, on stderr. */
void jx_cli_malformed(const struct jx_result *in);

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

/* If argv[*i] is --framework, --frameworks-dir, --calendar-dir,
 * --submitted, --published or --set, read it (and its value) into fa,
 * advancing *i: 1; 0 when it is another argument; -1 after printing a
 * usage error for self (the caller exits with JX_EXIT_USAGE). */
int jx_cli_fw_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                  struct jx_fw_args *fa);

/* Evaluate the framework of fa over the package in file and print the
 * result (text, or JSON with json): the run of `assess` and of `score
 * --framework` (cmd_assess.c).  Returns the exit code. */
int jx_cli_framework(const char *file, const struct jx_fw_args *fa,
                     bool json);

struct jx_report_doc;

/* Write report document d in format (docx, xlsx, html, pdf, txt) to
 * path atomically (cmd_report.c), a PDF with fonts (borrowed; NULL:
 * fonts loaded for this one document).  0, or -1 after printing why. */
int jx_cli_write_doc(const struct jx_report_doc *d, const char *format,
                     const char *path, struct jx_pdf_fonts *fonts);

/* Whether format is one jx_cli_write_doc knows. */
bool jx_cli_doc_format(const char *format);

/* The workspace options of a command (-W DIR, --db URL; NULL when not
 * given). */
struct jx_ws_args {
    const char *dir; /* the workspace directory */
    const char *db;  /* the database URL (sqlite:PATH, postgresql://...) */
};

/* The workspace options given before the command name (main.c). */
extern struct jx_ws_args jx_cli_global_ws;

/* If argv[*i] is -W DIR (or -WDIR, --workspace DIR) or --db URL, read it
 * into w, advancing *i: 1; 0 for another argument; -1 after a usage
 * error for self (not printed when self is NULL). */
int jx_cli_ws_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                  struct jx_ws_args *w);

/* The directory and database in effect: w's, else the global options,
 * else $JIXIAO_WORKSPACE for the directory (either may come out NULL). */
void jx_cli_ws_resolve(const struct jx_ws_args *w, const char **dir,
                       const char **db);

struct jx_store;

/* Open the workspace's store (migrating it when migrate); on failure
 * print why on stderr and return NULL.  Close with jx_store_close. */
struct jx_store *jx_cli_ws_open(const struct jx_ws_args *w, bool migrate);

/* The diagnostics list the stores opened by jx_cli_ws_open report into
 * (lives until exit). */
struct jx_diags *jx_cli_ws_diags(void);

/* Who acts in a workflow command, as read from the command line
 * (jx_cli_who_arg). */
struct jx_who_args {
    const char *user;   /* --as USER, else $JIXIAO_USER */
    const char *at;     /* --at TIME, or NULL */
    int year;           /* --year YEAR, 0 when not given */
};

/* If argv[*i] is --as USER, --at TIME or --year YEAR, read it into w:
 * 1; 0 for another argument; -1 after a usage error for self. */
int jx_cli_who_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                   struct jx_who_args *w);

/* For a command that acts on the workspace: if argv[*i] is a workspace
 * option, --as USER, --at TIME or --year YEAR, read it into ws or w: 1;
 * 0 for another argument; -1 after a usage error for self. */
int jx_cli_act_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                   struct jx_ws_args *ws, struct jx_who_args *w);

/* If argv[*i] is option name with its value (jx_cli_optval), the value
 * into *val: 1; 0 for another argument; -1 after the usage error
 * "选项 NAME 缺少WHAT" for self (wsact.c). */
int jx_cli_ws_opt(const struct jx_cmd *self, int argc, char **argv, int *i,
                  const char *name, const char *what, const char **val);

/* An argument of a workspace command that no option reader took
 * (wsact.c): an unknown option is refused; with code non-NULL it is the
 * unit's CODE into *code (a second one is refused), with code NULL it
 * is refused as extra.  0, or JX_EXIT_USAGE after the usage error. */
int jx_cli_ws_operand(const struct jx_cmd *self, const char *arg,
                      const char **code);

/* Read the whole command line of a command showing the workspace
 * (status, history): the workspace options and --year into ws and wa,
 * --json into *json, and with code non-NULL the unit's CODE into *code
 * (required), else no operand.  0, or JX_EXIT_USAGE after the usage
 * error. */
int jx_cli_view_args(const struct jx_cmd *self, int argc, char **argv,
                     struct jx_ws_args *ws, struct jx_who_args *wa,
                     bool *json, const char **code);

/* Whether a workspace command has what it needs: the unit's CODE (when
 * code_wanted) and --year YEAR.  0, or JX_EXIT_USAGE after the usage
 * error. */
int jx_cli_ws_need(const struct jx_cmd *self, bool code_wanted,
                   const char *code, int year);

/* A command reading the workspace's store (status, history, files):
 * the store, an arena for its results and the diagnostics list with the
 * index of the first not yet printed; all owned here until
 * jx_cli_read_close. */
struct jx_cli_read {
    struct jx_store *s;
    struct jx_arena *a;
    struct jx_diags *d;
    size_t from;
};

/* Open w's store (migrated) and an arena into rd (wsact.c): 0, or
 * JX_EXIT_IO after printing why. */
int jx_cli_read_open(const struct jx_ws_args *w, struct jx_cli_read *rd);

/* Print rd's new diagnostics and turn the library's r (0, 1 refused,
 * -1 failed) into the exit status: JX_EXIT_OK, JX_EXIT_USAGE, JX_EXIT_IO. */
int jx_cli_read_result(struct jx_cli_read *rd, int r);

/* Release rd's arena and close its store. */
void jx_cli_read_close(struct jx_cli_read *rd);

/* Write b to stdout and release it: JX_EXIT_OK, or JX_EXIT_IO. */
struct jx_buf;
int jx_cli_emit(struct jx_buf *b);

/* Append root as indented JSON and a newline to b (ws_json.c); root is
 * released. */
struct jx_buf;
struct json_t;
void jx_cli_json_out(struct jx_buf *b, struct json_t *root);

/* For a command that only reads the workspace (status, history, export):
 * if argv[*i] is a workspace option or --year YEAR, read it into ws or
 * w: 1; 0 for another argument; -1 after a usage error for self (also
 * for --as or --at, which such a command does not take). */
int jx_cli_read_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                    struct jx_ws_args *ws, struct jx_who_args *w);

/* Act on the store as w says (wsact.c): fills who (user from --as or
 * $JIXIAO_USER, now from the clock, at from --at); -1 after a usage
 * error for self (a time that cannot be read). */
struct jx_ws_who;
int jx_cli_who(const struct jx_cmd *self, const struct jx_who_args *w,
               struct jx_ws_who *who);

/* The workspace's JSON parts shared by status and export (ws_json.c):
 * "YYYY-MM-DD" of d in a; a string or null; the year's header with
 * its format name; a unit's code, name, state, versions and whether it
 * was sampled (抽查) added to o;
 * its 自评分 object (null without a version). */
struct jx_ws_status;
struct jx_ws_unit_status;
struct json_t;
const char *jx_cli_date_text(struct jx_arena *a, struct jx_cal_date d);
struct json_t *jx_cli_str_or_null(const char *s);
struct json_t *jx_cli_ws_year_json(struct jx_arena *a,
                                   const struct jx_ws_status *st,
                                   const char *format);
void jx_cli_ws_unit_json(struct json_t *o,
                         const struct jx_ws_unit_status *u);
struct json_t *jx_cli_ws_self_json(const struct jx_ws_unit_status *u);
/* Its 复核分 {"score", "full", "note"} (null when none), kept beside
 * "self" and "assessment". */
struct json_t *jx_cli_ws_review_json(const struct jx_ws_unit_status *u);

/* Print the diagnostics of d from index from on stderr. */
void jx_cli_print_diags(const struct jx_diags *d, size_t from);
/* Open the workspace's store (migrated) with its diagnostics going to
 * d, which must outlive the store (ws_setup.c); NULL after printing
 * them (no workspace given: D001). */
struct jx_store *jx_cli_ws_store(const struct jx_ws_args *w,
                                 struct jx_diags *d);

/* Command handlers (one file each). */
int jx_cmd_assess(int argc, char **argv);
int jx_cmd_report(int argc, char **argv);
int jx_cmd_calendar(int argc, char **argv);
int jx_cmd_evaluate(int argc, char **argv);
int jx_cmd_export(int argc, char **argv);
int jx_cmd_check(int argc, char **argv);
int jx_cmd_files(int argc, char **argv);
int jx_cmd_help(int argc, char **argv);
int jx_cmd_history(int argc, char **argv);
int jx_cmd_import(int argc, char **argv);
int jx_cmd_init(int argc, char **argv);
int jx_cmd_publish(int argc, char **argv);
int jx_cmd_recheck(int argc, char **argv);
int jx_cmd_judge(int argc, char **argv);
int jx_cmd_review(int argc, char **argv);
int jx_cmd_backup(int argc, char **argv);
int jx_cmd_restore(int argc, char **argv);
int jx_cmd_unit(int argc, char **argv);
int jx_cmd_user(int argc, char **argv);
int jx_cmd_year(int argc, char **argv);
int jx_cmd_template(int argc, char **argv);
int jx_cmd_test_doc(int argc, char **argv);
int jx_cmd_sample(int argc, char **argv);
int jx_cmd_serve(int argc, char **argv);
int jx_cmd_cgi(int argc, char **argv);

/* The largest request body the portal's front ends (serve, cgi) read
 * for method and path: 21 MiB on the upload routes (a POST to a path
 * ending in /upload), else 1 MiB. */
size_t jx_cli_web_body_max(const char *method, const char *path);

/* The options serve and cgi share, at argv[*i]: the workspace's
 * (jx_cli_ws_arg, into *w), --frameworks-dir and --calendar-dir (into
 * *cfg, pointing into argv).  Returns 1 when it took the option
 * (advancing *i past a value), 0 when the option is not one of these,
 * -1 after printing a usage error (exit JX_EXIT_USAGE). */
struct jx_web_config;
int jx_cli_web_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                   struct jx_ws_args *w, struct jx_web_config *cfg);
int jx_cmd_score(int argc, char **argv);
int jx_cmd_status(int argc, char **argv);
int jx_cmd_submit(int argc, char **argv);
int jx_cmd_test_bug(int argc, char **argv);
int jx_cmd_test_cmdtab(int argc, char **argv);
int jx_cmd_test_dec(int argc, char **argv);
int jx_cmd_test_facts(int argc, char **argv);
int jx_cmd_test_indval(int argc, char **argv);
int jx_cmd_test_recog(int argc, char **argv);
int jx_cmd_test_roundtrip(int argc, char **argv);
int jx_cmd_version(int argc, char **argv);

#endif
