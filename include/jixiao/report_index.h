/*
 * report_index.h - the summary page of a batch run (`jixiao evaluate`,
 * DIR/index.html): one row per input, ranked by the recomputed total,
 * with every document written for the unit as a link.
 *
 * A front end keeps one small jx_index_unit per input (a few hundred
 * bytes: the scores, the counts, where the documents are) and lets the
 * rest of the input go; the page is rendered from those rows alone, as
 * often as the front end likes (while the run goes on, and at its end).
 *
 * Ownership: the rows and their strings belong to the caller.
 */
#ifndef JIXIAO_REPORT_INDEX_H
#define JIXIAO_REPORT_INDEX_H

#include "jixiao/base.h"
#include "jixiao/dec.h"

/* The documents of a unit, in the order the page lists them. */
enum jx_index_doc {
    JX_IDX_REPORT = 0,  /* 自评报告: report.<fmt> */
    JX_IDX_FINDINGS,    /* 审核意见: findings.<fmt> */
    JX_IDX_ASSESSMENT,  /* 考核评分表: assessment.<fmt> */
    JX_IDX_NDOCS
};

/* The formats (bits of jx_index_unit.docs). */
enum jx_index_fmt {
    JX_IDX_DOCX = 0,
    JX_IDX_XLSX,
    JX_IDX_HTML,
    JX_IDX_PDF,
    JX_IDX_NFMTS
};

/* What the index keeps of one input. */
struct jx_index_unit {
    const char *file;          /* the input as named on the command line */
    const char *dir;           /* its output folder, relative to the page,
                                  or NULL when nothing was written */
    const char *unit;          /* the unit's name; NULL when the input
                                  could not be read */
    int year;                  /* 0: unknown */
    bool has_total, has_stated;
    struct jx_rat total;       /* 复核总分: the 整体支出绩效自评表 rescored */
    struct jx_rat stated;      /* 自评总分: as the unit printed it */
    const char *grade;         /* of total (static text), or NULL */
    size_t errors, warnings;   /* findings of the checks */
    /* the 考核评分表, when it was computed */
    bool has_assess;
    struct jx_rat assess;      /* the total */
    struct jx_rat assess_lo, assess_hi; /* the totals the items awaiting a
                                           judgement allow */
    const char *assess_grade;  /* static text, or NULL */
    size_t judge;              /* items awaiting a judgement: while > 0
                                  the page shows the range assess_lo–
                                  assess_hi and 待判断 instead of a grade */
    unsigned char docs[JX_IDX_NDOCS]; /* bit (1 << fmt): written */
};

/* The page. */
struct jx_index {
    const struct jx_index_unit *units; /* the inputs done, in input order */
    size_t n;
    size_t total;              /* inputs in the run (>= n) */
    bool complete;             /* false: written while the run goes on
                                  (the page says so) */
};

/* The file name of doc in format fmt ("report.html"); static text. */
const char *jx_index_file(enum jx_index_doc doc, enum jx_index_fmt fmt);

/* The ranking: order[0..n) gets the indexes of units[0..n), highest
 * 复核总分 first; units without one follow in input order (ties too). */
void jx_index_rank(const struct jx_index_unit *units, size_t n,
                   size_t *order);

/* Where the page goes, a piece at a time: 0, or -1 to stop. */
typedef int (*jx_index_sink)(void *ctx, const char *p, size_t n);

/* The page as HTML (one self-contained file, no scripts): a line on
 * the run, the ranking with each unit's documents linked format by
 * format, readable on a desktop and on a phone (the table scrolls
 * sideways inside its frame).  Handed to sink in pieces of about 64 KB,
 * so that a page of any length needs no more memory than the rows and
 * one piece.  0, or -1 when the sink stopped. */
int jx_report_index_write(const struct jx_index *ix, jx_index_sink sink,
                          void *ctx);

/* The same page appended to out: 0, or -1 when out is full. */
int jx_report_index_html(const struct jx_index *ix, struct jx_buf *out);

#endif
