/*
 * recog.h - private to the recognisers (recog*.c): the document seen
 * as a stream of rows (table rows, and paragraph lines as one-cell
 * rows), the segments that say which form or the report each row
 * belongs to, text cleaning, and the reading of numbers with findings.
 *
 * Ownership: everything lives in the arena of the struct jx_rc.
 */
#ifndef JIXIAO_RECOG_H
#define JIXIAO_RECOG_H

#include "jixiao/diag.h"
#include "jixiao/doc.h"
#include "jixiao/import.h"
#include "jixiao/model.h"
#include "model/model_text.h"
#include "recognise/forms.h"

#include <stdint.h>

struct jx_rc;

/* What a stretch of the document is. */
enum jx_rc_kind {
    JX_RC_NONE = 0,
    JX_RC_REPORT,  /* 自评报告 */
    JX_RC_BASE,    /* 基础数据表 */
    JX_RC_UNIT,    /* 整体支出绩效自评表 */
    JX_RC_PROJECT, /* 项目支出绩效自评表 */
    JX_RC_GOALS,   /* 部门（单位）整体支出绩效目标完成情况自评表 */
    JX_RC_DEPT,    /* 部门整体支出绩效评分表 */
    JX_RC_ASSESS   /* 考核评分表 */
};

/* A logical cell that does not read its document cell in place: a
 * paragraph line, a cell made by a recogniser, a table cell whose text
 * cleaning or key changes, a cell merged from above, or one whose
 * provenance was made.  32 bytes, made only for those. */
struct jx_rc_xcell {
    const char *text;           /* cleaned text, "" when empty */
    const char *key;            /* text without any white space */
    union {
        const struct jx_prov *prov;   /* where (!in_doc) */
        const struct jx_doc_cell *dc; /* the document's cell (in_doc):
                                         its provenance made on demand */
    } at;                       /* read through jx_rc_cell_prov */
    int col;                    /* grid column (paragraph lines: 0) */
    short span;                 /* columns covered, 1..32767 (a wider
                                   cell counts 32767) */
    bool carried;               /* a merged cell of a row above */
    bool in_doc;                /* at.dc, not yet at.prov */
};

/* One logical cell of a row, 8 bytes (one per cell of a workbook of
 * millions): ref is 0 (no cell: every field reads as zero), a
 * const struct jx_doc_cell * read in place (its text is clean and has
 * no white space, it starts in this row: text and key are the
 * document's text, column and span the document cell's), or a
 * struct jx_rc_xcell * with its low bit set.  Read through jx_rcc_*;
 * written through jx_rc_cell_new and jx_rc_cell_set_prov. */
struct jx_rc_cell {
    uintptr_t ref;
};

/* The extended cell of c, or NULL when c reads its document cell in
 * place (or is empty). */
static inline const struct jx_rc_xcell *jx_rcc_x(const struct jx_rc_cell *c)
{
    return (c->ref & 1u) ? (const struct jx_rc_xcell *)(c->ref - 1u) : NULL;
}

/* The document cell c reads in place, or NULL. */
static inline const struct jx_doc_cell *jx_rcc_dc(const struct jx_rc_cell *c)
{
    return (c->ref & 1u) || !c->ref ? NULL : (const struct jx_doc_cell *)c->ref;
}

/* The fields of no cell (ref 0): all zero, text and key NULL. */
extern const struct jx_rc_xcell jx_rc_nocell;

/* The extended cell of c, or jx_rc_nocell (c reads its document cell
 * in place: call only when jx_rcc_dc(c) is NULL). */
static inline const struct jx_rc_xcell *jx_rcc_xx(const struct jx_rc_cell *c)
{
    return c->ref ? (const struct jx_rc_xcell *)(c->ref - 1u) : &jx_rc_nocell;
}

/* The cleaned text of c ("" when empty; NULL for no cell). */
static inline const char *jx_rcc_text(const struct jx_rc_cell *c)
{
    const struct jx_doc_cell *d = jx_rcc_dc(c);
    return d ? d->text : jx_rcc_xx(c)->text;
}

/* The key of c: its text without any white space. */
static inline const char *jx_rcc_key(const struct jx_rc_cell *c)
{
    const struct jx_doc_cell *d = jx_rcc_dc(c);
    return d ? d->text : jx_rcc_xx(c)->key;
}

/* The grid column of c (paragraph lines: 0). */
static inline int jx_rcc_col(const struct jx_rc_cell *c)
{
    const struct jx_doc_cell *d = jx_rcc_dc(c);
    return d ? d->col : jx_rcc_xx(c)->col;
}

/* The columns c covers, 1..32767 (a wider cell counts 32767). */
static inline int jx_rcc_span(const struct jx_rc_cell *c)
{
    const struct jx_doc_cell *d = jx_rcc_dc(c);
    return d ? (d->colspan > 32767 ? 32767 : d->colspan) : jx_rcc_xx(c)->span;
}

/* True when c is a merged cell of a row above. */
static inline bool jx_rcc_carried(const struct jx_rc_cell *c)
{
    const struct jx_doc_cell *d = jx_rcc_dc(c);
    return d ? false : jx_rcc_xx(c)->carried;
}

/* Make d an extended cell with c's column, span and place (still to be
 * made from its document cell, or its provenance) but text and key
 * given (c and d may be the same cell). */
void jx_rc_cell_retext(struct jx_rc *rc, struct jx_rc_cell *d,
                       const struct jx_rc_cell *c, const char *text,
                       const char *key);

/* Make c a new extended cell (in rc's arena) with these fields and
 * provenance p (kept as given: it must live as long as the rows). */
void jx_rc_cell_new(struct jx_rc *rc, struct jx_rc_cell *c, const char *text,
                    const char *key, const struct jx_prov *p, int col, int span,
                    bool carried);

/* What only a paragraph line has (the line record of a row), in rc's
 * arena: table rows, nearly all the rows of a workbook, do without. */
struct jx_rc_line {
    const char *raw;            /* paragraph line as written (trimmed) */
    const struct jx_doc_para *para; /* the paragraph of the line */
    const char *after;          /* heading: text after its title on the
                                   same line (a joined paragraph), or
                                   NULL */
    uint32_t rawlen;            /* bytes of raw */
    uint32_t title_len;         /* heading: bytes of the title text */
};

/* One row: a table row, or one line of a paragraph. */
struct jx_rc_row {
    /* (the fields ordered by size, lengths and counts in 32 bits: one
       per table row of a workbook of 300,000 rows, 48 bytes each) */
    const struct jx_doc_table *table; /* NULL for a paragraph line */
    struct jx_rc_cell *cells;   /* logical cells, left to right */
    struct jx_rc_line *line;    /* a paragraph line's own fields, NULL
                                   for a table row (read through
                                   jx_rcr_*) */
    uint32_t n;                 /* cells */
    int row;                    /* table row (0-based) */
    int end;                    /* grid columns used (last col + span) */
    int seg;                    /* segment index, -1 for none */
    enum jx_rc_kind kind;       /* segment kind */
    short section;              /* report section 1..10, 0 outside */
    bool heading;               /* a report section heading */
    bool title;                 /* a form or report title */
};

/* The paragraph line of r as written (trimmed), NULL for a table row. */
static inline const char *jx_rcr_raw(const struct jx_rc_row *r)
{
    return r->line ? r->line->raw : NULL;
}

/* The bytes of jx_rcr_raw(r) (0 for a table row). */
static inline size_t jx_rcr_rawlen(const struct jx_rc_row *r)
{
    return r->line ? r->line->rawlen : 0;
}

/* The paragraph of a line, NULL for a table row. */
static inline const struct jx_doc_para *jx_rcr_para(const struct jx_rc_row *r)
{
    return r->line ? r->line->para : NULL;
}

/* A heading's text after its title on the same line, or NULL. */
static inline const char *jx_rcr_after(const struct jx_rc_row *r)
{
    return r->line ? r->line->after : NULL;
}

/* A heading's bytes of title text (0 for a table row). */
static inline size_t jx_rcr_title_len(const struct jx_rc_row *r)
{
    return r->line ? r->line->title_len : 0;
}

/* A segment: consecutive rows of one form or of the report. */
struct jx_rc_seg {
    enum jx_rc_kind kind;
    size_t first, last;         /* rows [first, last) */
    size_t title;               /* row of its title, or SIZE_MAX */
};

/* Where a unit name or a year was found, and how sure that is. */
enum jx_rc_prio {
    JX_RC_FROM_TITLE = 1,  /* a report or form title */
    JX_RC_FROM_COVER = 2,  /* a cover label: 预算单位名称：X */
    JX_RC_FROM_FORM = 3    /* a form cell: 预算单位名称 | X */
};

/* A candidate unit name or year. */
struct jx_rc_cand {
    const char *name;           /* unit name (names only) */
    int64_t year;               /* year (years only) */
    const struct jx_prov *prov;
    enum jx_rc_prio prio;
    bool report_title;          /* the report's own title */
};

/* The state of one recognition. */
struct jx_rc {
    struct jx_arena *arena;
    struct jx_arena *scratch;   /* what only the rows use (a paragraph
                                   line's record, cell and extended cell):
                                   freed with them by jx_rc_done */
    const struct jx_doc *doc;
    struct jx_diags *diags;
    struct jx_package *pkg;
    const char *file;           /* the document's name (arena copy) */
    struct jx_rc_row *rows;
    size_t nrows, caprows;
    struct jx_rc_seg *segs;
    size_t nsegs, capsegs;
    struct jx_rc_cand *names;
    size_t nnames, capnames;
    struct jx_rc_cand *years;
    size_t nyears, capyears;
    size_t capprojects;         /* allocated project sheets */
    bool found;                 /* anything at all was recognised */
    bool project_template;      /* a blank 项目支出绩效自评表 was seen */
    bool unit_template;         /* a blank 整体支出绩效自评表 was seen */
    bool base_pairs_only;       /* the base sheet holds only the staffing
                                   of label/value lines: no 基础数据表 was
                                   handed in */
    const struct jx_forms *forms; /* the catalogue of forms (never NULL
                                     while recognising) */
    struct jx_rc_tab *tabs;     /* the tables whose cells rows refer to,
                                   by their cell arrays (to find a cell's
                                   table when its provenance is made) */
    size_t ntabs, captabs;
    bool tabs_sorted;           /* tabs ordered by address */
};

/* A table rows refer to, and the extent of its cell array. */
struct jx_rc_tab {
    const struct jx_doc_cell *b, *e;
    const struct jx_doc_table *t;
};

/* ---- recog.c: rows, segments, text, numbers ------------------------- */

/* Build the rows and segments of doc (and the report sections) into
 * rc; diags and pkg may be NULL (for the facts). */
void jx_rc_init(struct jx_rc *rc, struct jx_arena *arena,
                const struct jx_doc *doc, struct jx_diags *diags,
                struct jx_package *pkg);

/* Give back rc's rows and its scratch arena: nothing may read a row
 * after (the cells' text and provenance stay in rc->arena). */
void jx_rc_done(struct jx_rc *rc);

/* Clean a cell or line: drop [bookmark: ...] and [image: ...] marks,
 * <p> tags and LaTeX math ($\geq 95\%$ -> ≥95%), fold white space,
 * remove spaces and line breaks between Chinese characters, trim.  A
 * new string in arena. */
const char *jx_rc_clean(struct jx_arena *a, const char *s, size_t n);

/* As jx_rc_clean, but s itself when cleaning changes nothing and s[n]
 * ends the string (no copy: the result lives as long as s). */
const char *jx_rc_clean_shared(struct jx_arena *a, const char *s, size_t n);


/* True when a cleaned cell text means "nothing filled in": "", "/",
 * "……", "…", "-", "—" and the like. */
bool jx_rc_blank(const char *text);

/* True when s starts with / ends with / contains t. */
bool jx_rc_starts(const char *s, const char *t);

/* The value after a label's colon: v with blanks, then one "：" or ":",
 * then blanks skipped; NULL when no colon follows (the text after a
 * label "来源: 某局", "联系人：张三"). */
const char *jx_rc_after_colon(const char *v);
bool jx_rc_ends(const char *s, const char *t);
bool jx_rc_has(const char *s, const char *t);

/* Join two texts: without a separator when a Chinese character meets a
 * Chinese character, else with sep.  a may be NULL. */
const char *jx_rc_join(struct jx_arena *ar, const char *a, const char *b,
                       const char *sep);

/* Most continuation rows joined to one cell, and the longest text a
 * join makes: bounds on the work hostile input can cause. */
#define JX_RC_MAX_MORE 4u
#define JX_RC_MAX_JOINED 65536u

/* Join b to *field (as jx_rc_join) when *count is below JX_RC_MAX_MORE
 * and the field is not longer than JX_RC_MAX_JOINED; counts the join. */
void jx_rc_append(struct jx_arena *ar, const char **field, const char *b,
                  const char *sep, unsigned *count);


/* A text value from a cell (absent when blank). */
void jx_rc_text(struct jx_rc *rc, const struct jx_rc_cell *c,
                struct jx_text *out);

/* An amount from a cell in unit: 1 read, 0 blank (absent), -1 not
 * readable (finding I401, absent).  Spaces inside the digits and a
 * doubled point (PDF text) are repaired with a note (I402). */
int jx_rc_money(struct jx_rc *rc, const struct jx_rc_cell *c,
                enum jx_money_unit unit, struct jx_amt *out);

/* A number (points, score) from a cell, "分" allowed after it; as
 * jx_rc_money. */
int jx_rc_num(struct jx_rc *rc, const struct jx_rc_cell *c,
              struct jx_num *out);

/* A rate ("48.65%") from a cell; a plain number above 1 is read as a
 * percentage with a note (I412).  As jx_rc_money. */
int jx_rc_rate(struct jx_rc *rc, const struct jx_rc_cell *c,
               struct jx_num *out);

/* A whole count ("106", "106人") from a cell; as jx_rc_money. */
int jx_rc_count(struct jx_rc *rc, const struct jx_rc_cell *c,
                struct jx_count *out);

/* Parse a plain decimal from s (cleaned text, no unit); true when it is
 * one. */
bool jx_rc_is_number(const char *s, struct jx_rat *out);


/* Record a candidate unit name / year. */
void jx_rc_add_name(struct jx_rc *rc, const char *name,
                    const struct jx_prov *prov, enum jx_rc_prio prio,
                    bool report_title);
void jx_rc_add_year(struct jx_rc *rc, int64_t year,
                    const struct jx_prov *prov, enum jx_rc_prio prio,
                    bool report_title);

/* The unit name in a candidate text: a leading budget code ("219001-")
 * and seals dropped; NULL when it cannot be a unit's name (a URL, a
 * breadcrumb, a title, a project or a fund) (recog_report.c). */
const char *jx_rc_unit_name(struct jx_arena *a, const char *name);

/* The year of a title: "2023年度" anywhere in it, never a date's year;
 * 0 when none (recog_report.c). */
int jx_rc_title_year(const char *key);

/* Unit name and year of last resort, when nothing better was found:
 * the sheets' 实施单位 / 主管部门, "X（以下简称…）", the year the
 * report's first section speaks of most (recog_report.c). */
void jx_rc_who_when_fallback(struct jx_rc *rc);

/* The cell of row r that sits under a header column col, when the row
 * is aligned to a header ending at hdr_end (a shorter row is aligned to
 * the right), or NULL. */
const struct jx_rc_cell *jx_rc_under(const struct jx_rc_row *r, int col,
                                     int hdr_end);

/* The first non-blank cell of r after index i, or NULL. */
const struct jx_rc_cell *jx_rc_next_filled(const struct jx_rc_row *r,
                                           size_t i);

/* The first non-blank cell of r, or NULL. */
const struct jx_rc_cell *jx_rc_first_filled(const struct jx_rc_row *r);

/* A provenance copy in the arena. */
const struct jx_prov *jx_rc_prov(struct jx_rc *rc, const struct jx_prov *p);

/* Where cell c is (never NULL): its own provenance, or for a table
 * cell one made from its document cell the first time it is asked for
 * (in rc's arena, then kept in c: only cells that become facts or
 * findings get one). */
const struct jx_prov *jx_rc_cell_prov(struct jx_rc *rc,
                                      const struct jx_rc_cell *c);

/* Where cell c is, for a moment (a finding's place: the list copies
 * it): as jx_rc_cell_prov, but nothing made or kept; a table cell's A1
 * name is written to a1 (16 bytes). */
struct jx_prov jx_rc_cell_where(struct jx_rc *rc, const struct jx_rc_cell *c,
                                char a1[16]);

/* Set where cell c is to p (lives as long as the rows): c becomes a new
 * extended cell with c's other fields (copies of c keep theirs). */
void jx_rc_cell_set_prov(struct jx_rc *rc, struct jx_rc_cell *c,
                         const struct jx_prov *p);

/* Parse a date ("2025.07.11", "2025-7-11", "2025年7月11日") at the
 * start of s; true when it is a valid one. */
bool jx_rc_date(const char *s, int *y, int *m, int *d);

/* ---- recog_oneline.c ------------------------------------------------- */

/*
 * If paragraph p is one line holding a whole 整体 / 项目支出绩效自评表
 * with no separators (the columns of a catalogued form in order, its
 * head labels), the line cut into the form's rows and cells: a scratch
 * document (in rc's arena) of paragraphs (text before the form, its
 * title, a project sheet's 单位名称, the goals, the notes after it) and
 * tables named for the form's kind, whose cells the ordinary readers
 * read; indicator values cut here are marked JX_HOW_SPLIT, and a note
 * I424 says the line was cut (refused indicator rows: I425).  NULL when
 * p is no such line (or rc has no catalogue).
 */
const struct jx_doc *jx_rc_oneline(struct jx_rc *rc,
                                   const struct jx_doc_para *p);

/* ---- recog_report.c -------------------------------------------------- */

/* Mark the report's section headings and the section of every report
 * row (used by jx_rc_init). */
void jx_rc_sections(struct jx_rc *rc);

/* The report: title, sections, attachments; cover labels and contacts
 * of the whole document; unit name and year candidates of titles. */
void jx_rc_report(struct jx_rc *rc);

/* The title kind of a line or cell key (a form or the report), or
 * JX_RC_NONE. */
enum jx_rc_kind jx_rc_title_kind(const char *key);

/* ---- recog_forms.c --------------------------------------------------- */

/* 基础数据表 */
void jx_rc_base(struct jx_rc *rc, const struct jx_rc_seg *seg);

/* The staffing of a 基础数据表 or a report's 基本概况 flattened into a
 * stream of lone lines, one label line ("人员编制", "实有人数：") then
 * one line of a whole count ("128"): read only when no table gave it. */
void jx_rc_base_pairs(struct jx_rc *rc);

/* 整体 / 项目支出绩效自评表 */
void jx_rc_sheet(struct jx_rc *rc, const struct jx_rc_seg *seg);

/* ---- recog_stream.c -------------------------------------------------- */

/* Project forms whose table came as one run of words (a PDF's
 * interleaved columns, a fragment without a header), read from the
 * paragraph lines of no segment where the order makes it certain. */
void jx_rc_streams(struct jx_rc *rc);

/* ---- recog_rubric.c -------------------------------------------------- */

/* 部门（单位）整体支出绩效目标完成情况自评表 */
void jx_rc_goals(struct jx_rc *rc, const struct jx_rc_seg *seg);

/* 部门整体支出绩效评分表 */
void jx_rc_dept(struct jx_rc *rc, const struct jx_rc_seg *seg);

/* A word of a form flattened into one run of blank-separated words:
 * its text and the line it stands on (arena-owned). */
struct jx_rc_word {
    const char *w;
    const struct jx_prov *prov;
};

/* A 评价指标表 flattened into words w[0..n) (the words after its title
 * word in a 基础数据表's run, recog_forms.c): read into the package's
 * dept_scoring unless a scoring table was read already. */
void jx_rc_dept_words(struct jx_rc *rc, const struct jx_rc_word *title,
                      const struct jx_rc_word *w, size_t n);

/* 考核评分表 */
void jx_rc_assess(struct jx_rc *rc, const struct jx_rc_seg *seg);

#endif
