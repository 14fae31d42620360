/*
 * diag.h - the one type for errors and findings.
 *
 * A diagnostic has a stable code (listed in docs/ERRORS.md), a severity,
 * a location, a short Chinese message that quotes the numbers, and an
 * optional detail.  Functions that find problems append them to a
 * struct jx_diags and keep going; nothing is thrown.  The list keeps at
 * most `limit` entries and counts the rest in `dropped`.
 *
 * Ownership: a struct jx_diags allocates its strings from the arena it
 * was initialised with; it owns its entry array (freed by
 * jx_diags_release).
 */
#ifndef JIXIAO_DIAG_H
#define JIXIAO_DIAG_H

#include "jixiao/base.h"

/* Severities, in increasing order of gravity. */
enum jx_severity {
    JX_SEV_NOTE = 0,     /* information, no action needed */
    JX_SEV_ROUNDING = 1, /* a 0.01 difference explained by rounding */
    JX_SEV_WARNING = 2,  /* probably wrong, a human should look */
    JX_SEV_ERROR = 3     /* wrong */
};

/* Exit codes of the jixiao command (documented in docs/ERRORS.md). */
enum jx_exit {
    JX_EXIT_OK = 0,       /* no finding at error level */
    JX_EXIT_FINDINGS = 1, /* at least one finding at error level */
    JX_EXIT_USAGE = 2,    /* bad usage, or input that cannot be read */
    JX_EXIT_IO = 3,       /* input/output failure */
    JX_EXIT_BUG = 70      /* internal error */
};

/*
 * Where a diagnostic points.  Every member is optional (NULL / 0 means
 * unknown); a renderer prints what is there, in this order:
 * file:line:col, sheet!cell, table/row/col, JSON path.
 */
struct jx_loc {
    const char *file;  /* input file name as given by the user */
    int line;          /* 1-based line in a text file, 0 if unknown */
    int col;           /* 1-based column in code points, 0 if unknown */
    const char *sheet; /* XLSX sheet name */
    const char *cell;  /* XLSX A1 reference */
    int table;         /* 1-based DOCX/text table number, 0 if unknown */
    int row;           /* 1-based table row */
    int column;        /* 1-based table column */
    const char *path;  /* JSON pointer into a package, e.g. /unit_sheet/indicators/3 */
};

/* One diagnostic. */
struct jx_diag {
    const char *code;          /* stable code, e.g. "J102" */
    enum jx_severity severity; /* how grave */
    struct jx_loc loc;         /* where */
    const char *msg;           /* short message in Chinese, with numbers */
    const char *detail;        /* optional longer explanation, or NULL */
};

/* A list of diagnostics collected during a run. */
struct jx_diags {
    struct jx_arena *arena; /* strings are allocated here (not owned) */
    struct jx_diag *a;      /* entries, in the order they were added */
    size_t n;               /* entries kept */
    size_t cap;             /* entries allocated */
    size_t limit;           /* most entries kept (0 = default 1000) */
    size_t dropped;         /* entries refused because of limit */
    size_t count[4];        /* entries added per severity, kept or not */
};

/* Initialise an empty list whose strings go to arena. */
void jx_diags_init(struct jx_diags *d, struct jx_arena *arena);

/* Free the entry array (not the arena). */
void jx_diags_release(struct jx_diags *d);

/* Add a diagnostic; msg is a printf format.  The location is copied
 * (its strings must live as long as the arena).  Returns the entry, or
 * NULL when the list is full (the diagnostic is then only counted). */
struct jx_diag *jx_diag_add(struct jx_diags *d, const char *code,
                            enum jx_severity sev, const struct jx_loc *loc,
                            const char *fmt, ...) JX_PRINTF(5, 6);

/* Attach a formatted detail to an entry returned by jx_diag_add (NULL
 * is ignored). */
void jx_diag_detail(struct jx_diags *d, struct jx_diag *e, const char *fmt,
                    ...) JX_PRINTF(3, 4);

/* Number of entries at error level (kept or dropped). */
size_t jx_diags_errors(const struct jx_diags *d);

/* Stable English word for a severity: "error", "warning", ... */
const char *jx_severity_name(enum jx_severity s);

/* Chinese word for a severity: "错误", "警告", "舍入", "提示". */
const char *jx_severity_zh(enum jx_severity s);

/* Append the location as text ("f.json:3:7", "Sheet1!B2",
 * "表2/行3/列4", "/unit/name", joined by spaces); nothing if empty. */
int jx_loc_format(struct jx_buf *b, const struct jx_loc *loc);

/* Append one diagnostic in the compiler style
 * "LOC: 错误[J102]: message" plus an indented detail line. */
int jx_diag_format(struct jx_buf *b, const struct jx_diag *e);

/* Sort entries by file, line, column, then insertion order (stable). */
void jx_diags_sort(struct jx_diags *d);

#endif
