/*
 * pipeline.h - the one pipeline every front end runs (the CLI today; the
 * workspace and the portal later): a run loaded once per process (the
 * rule frameworks, the calendar, the policy, the check thresholds, the
 * limits) and one call per input that reads it, detects its kind once
 * (Package JSON, or a document imported and recognised), scores it,
 * cross-checks it, rescores the scoring tables it prints (under the
 * framework the frameworks' own data names: "rescore",
 * docs/frameworks.md) and, when asked, assesses it under a framework.
 * The front ends only render the result.
 *
 * The library never prints: what could not be read is a status (with
 * errno) or findings in the result.
 *
 * Ownership: a run owns what it loaded until jx_run_free(); each input's
 * result lives in an arena of its own, freed with jx_result_free(), so
 * memory stays flat over any number of inputs.  A result borrows the
 * run's frameworks: free the results before the run.  A run loads
 * lazily: one run per thread.
 */
#ifndef JIXIAO_PIPELINE_H
#define JIXIAO_PIPELINE_H

#include "jixiao/check.h"
#include "jixiao/diag.h"
#include "jixiao/framework.h"
#include "jixiao/import.h"
#include "jixiao/model.h"
#include "jixiao/score.h"

struct jx_facts;

/* What a run is loaded with. */
struct jx_run_opts {
    const char *fwdir;              /* frameworks; NULL: the bundled ones */
    const char *caldir;             /* calendar; NULL: the bundled one */
    const char *formsdir;           /* catalogue of forms (docs/forms.md);
                                       NULL: the bundled one */
    struct jx_policy policy;        /* scoring policy (--policy) */
    struct jx_check_config check;   /* check thresholds (--set) */
    struct jx_limits limits;        /* on hostile input */
};

/* The defaults: bundled data, default policy, thresholds and limits. */
void jx_run_opts_default(struct jx_run_opts *o);

/* A run (opaque). */
struct jx_run;

/* A run over o (copied; the strings are borrowed and must outlive the
 * run).  Frameworks and the calendar are read on first use, once. */
struct jx_run *jx_run_new(const struct jx_run_opts *o);

/* Free a run and what it loaded (NULL is allowed). */
void jx_run_free(struct jx_run *r);

/* The run's fonts for PDFs (report.h: jx_report_pdf_with), made on the
 * first call, owned by the run and freed with it: every PDF of the run
 * lays out with the fonts the first one loaded.  Not for two threads at
 * once (the run is not); the object itself may be shared. */
struct jx_pdf_fonts;
struct jx_pdf_fonts *jx_run_pdf_fonts(struct jx_run *r);

/* What one input is asked for beyond its findings. */
struct jx_input_opts {
    const char *framework;          /* assess under this framework (id,
                                       or a path to a .json file); NULL:
                                       no assessment */
    bool only_dated;                /* assess only when both dates are
                                       known (given or in the package) */
    struct jx_date submitted;       /* 报送日期 given; absent: the
                                       package's */
    struct jx_date published;       /* 公开日期 given, likewise */
    const char *const *sets;        /* framework params NAME=VALUE,
                                       NULL-terminated, or NULL */
    bool load_only;                 /* read and load the package, no
                                       analysis (round-trip tests) */
    bool findings_only;             /* only the findings are read (check):
                                       scored by jx_score_brief, the
                                       indicator rows' derivations not
                                       written */
};

/* How reading an input went. */
enum jx_input_status {
    JX_INPUT_OK = 0,     /* read, loaded and analysed */
    JX_INPUT_UNREADABLE, /* the file could not be read (errno in err) */
    JX_INPUT_EMPTY,      /* the file holds nothing (white space only) */
    JX_INPUT_MALFORMED   /* read, but no package could be loaded or the
                            Package JSON has errors (findings in diags);
                            not scored */
};

/* Most printed scoring tables a result keeps rescored. */
#define JX_RESULT_MAX_PRINTED 4

/* One input analysed. */
struct jx_result {
    struct jx_arena *arena;        /* everything below lives here */
    const char *file;              /* as given ("-": standard input) */
    enum jx_input_status status;
    int err;                       /* UNREADABLE: the errno */
    enum jx_input_kind kind;       /* what the detector saw */
    struct jx_package *pkg;        /* OK: the package (MALFORMED: possibly
                                      partial, or NULL) */
    const struct jx_eval *ev;      /* OK: its scoring */
    const struct jx_facts *facts;  /* OK: the report's figures, the
                                      package's report.figures (stored
                                      with it once), shared by check and
                                      assess */
    struct jx_diags diags;         /* every finding: load, scoring, checks,
                                      printed tables rescored; located and
                                      in file, line and column order */
    /* the printed scoring tables rescored, each under the framework
     * its data names (docs/frameworks.md, "Rescoring printed tables") */
    struct jx_fw_result *printed[JX_RESULT_MAX_PRINTED];
    struct jx_diags printed_diags[JX_RESULT_MAX_PRINTED]; /* their findings
                                      (the assessment's in fw_diags) */
    size_t nprinted;
    /* the assessment asked for (jx_input_opts.framework) */
    bool assessed;                 /* the framework was evaluated */
    bool fw_failed;                /* the framework (fw NULL) or the
                                      calendar could not be read: why is
                                      in fw_diags */
    const char *fw_dir;            /* the frameworks directory used */
    const struct jx_framework *fw; /* the framework, or NULL */
    struct jx_fw_result *assessment; /* when assessed */
    struct jx_diags fw_diags;      /* the assessment's findings, located
                                      and sorted */
    /* private */
    char *text;
    struct jx_pkgpos *pos;
};

/* Read the file at path ("-": standard input) and analyse it under r as
 * o asks (o may be NULL).  Never NULL; free with jx_result_free(). */
struct jx_result *jx_run_file(struct jx_run *r, const char *path,
                             const struct jx_input_opts *o);

/* As jx_run_file over data[0..len), a malloc'd buffer it takes over;
 * name names the input in findings. */
struct jx_result *jx_run_data(struct jx_run *r, const char *name, char *data,
                             size_t len, const struct jx_input_opts *o);

/* Free an input's result (NULL is allowed). */
void jx_result_free(struct jx_result *in);

/* Any supported input to a package, without scoring: detect, convert,
 * recognise (Package JSON loaded with jx_pkgjson_load).  *kind (if not
 * NULL) gets the kind.  For the import command and the tests. */
struct jx_package *jx_import(struct jx_arena *arena, const char *file,
                             const char *data, size_t len,
                             const struct jx_limits *lim,
                             struct jx_diags *diags,
                             enum jx_input_kind *kind);

#endif
