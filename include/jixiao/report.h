/*
 * report.h - the documents jixiao writes (issue 6): the 自评报告 with its
 * attached tables, the findings report (审核意见) and the 考核评分表, as
 * one format-neutral "report document" that four writers render: DOCX,
 * XLSX, HTML and PDF.
 *
 * The builder (lib/report/report.c) decides what is said: the ten sections, the
 * attachments 附件1–3 in the printed layouts (rules.md §2.1, §5.2), every
 * computed rate and score filled in exactly with its derivation, charts,
 * optional appendices.  The writers (lib/report/report_docx.c, report_xlsx.c,
 * report_html.c, report_pdf.c) decide only how it looks; they never read
 * the package.
 *
 * Numbers in a report document are text as printed (already rounded by
 * the builder, half-up at the stated scale) plus, for numeric cells, the
 * exact value and an optional spreadsheet formula so that the XLSX stays
 * live.
 *
 * Ownership: a report document and everything it points to live in the
 * arena given to the function that built it.
 */
#ifndef JIXIAO_REPORT_H
#define JIXIAO_REPORT_H

#include "jixiao/base.h"
#include "jixiao/dec.h"
#include "jixiao/diag.h"
#include "jixiao/model.h"
#include "jixiao/score.h"

struct jx_fw_result;

/* XLSX layout of a table's sheet: row 1 the title, row 2 the lines
 * above the table (above_left, above_right), then the table's rows; the
 * line below comes after the last row.  Formulas count on it. */
#define JX_REPORT_XLSX_TOP 2

/* Horizontal alignment of a cell. */
enum jx_ralign {
    JX_RA_LEFT = 0,
    JX_RA_CENTER,
    JX_RA_RIGHT
};

/* What a cell holds (number formats in XLSX, tabular digits elsewhere). */
enum jx_rfmt {
    JX_RF_TEXT = 0,  /* words */
    JX_RF_MONEY,     /* an amount, 2 decimals (万元 or 元 per the table) */
    JX_RF_PERCENT,   /* a rate, 2 decimals, printed with % */
    JX_RF_SCORE,     /* points or a score, 2 decimals at most */
    JX_RF_COUNT      /* a whole number */
};

/* One cell of a report table; a merged cell appears once, at its
 * top-left position. */
struct jx_rcell {
    const char *text;        /* as printed; "" when empty */
    int row, col;            /* 0-based top-left grid position */
    int rowspan, colspan;    /* >= 1 */
    bool header;             /* a header cell (bold, shaded) */
    enum jx_ralign align;
    enum jx_rfmt fmt;
    bool has_value;          /* numeric cells: the exact value */
    struct jx_rat value;     /* a rate as a fraction (48.65% = 0.4865);
                                money in the table's unit */
    const char *formula;     /* XLSX formula without '=' in A1 references
                                of the table's own sheet, where table row
                                r is sheet row r + 1 + JX_REPORT_XLSX_TOP
                                and column c is column c + 1 (A = 0),
                                e.g. "ROUND(E7/D7,4)"; or NULL */
    const char *note;        /* the derivation (rule, inputs, formula with
                                numbers), shown on demand; or NULL */
    bool flagged;            /* the stated value disagrees with the
                                recomputed one (highlighted) */
    const char *link;        /* a relative URL the cell's text links to
                                (HTML: <a href>; PDF/DOCX: the text
                                only), or NULL */
};

/* A table.  Rows 0 .. header_rows-1 are the header, repeated on every
 * page the table spans.  A form whose column header stands inside it
 * (the 绩效指标 row of a 自评表, the 经费控制情况 row of the 基础数据表) sets
 * subhead_row to that row: the writers print the table as two parts,
 * rows before it and rows from it, and the pages the second part
 * continues on repeat that row.  The last row (总分, 合计) never stands
 * alone at the top of a page, nor the line below. */
struct jx_rtable {
    const char *title;       /* printed above, e.g. "附件1 预算单位整体支出
                                绩效评价基础数据表"; may be NULL */
    const char *sheet;       /* XLSX sheet name (≤ 31 chars); NULL: not a
                                sheet of its own */
    const char *above_left;  /* e.g. "预算单位名称：…", or NULL */
    const char *above_right; /* e.g. "单位：万元", or NULL */
    const char *below;       /* e.g. "填表人：…  联系电话：…", or NULL */
    int nrows, ncols;
    int header_rows;
    int subhead_row;         /* > header_rows: the header row of the
                                second part (see above); 0: none */
    const int *widths;       /* ncols relative widths, or NULL (equal):
                                the writers widen a column so that its
                                numbers and short words fit on one line,
                                taking the room from the others */
    struct jx_rcell *cells;  /* row-major order of their top-left */
    size_t ncells, capcells;
};

/* Kinds of chart. */
enum jx_chart_kind {
    JX_CHART_PAIRS = 0, /* two bars per label: e.g. 预算数 and 执行数 */
    JX_CHART_BARS       /* one bar per label, against a maximum when set
                           (score by level-1 block of its 分值), or a
                           count (findings by family) */
};

/* A chart (SVG in HTML, vector in PDF; a table of its numbers in DOCX
 * and XLSX). */
struct jx_rchart {
    enum jx_chart_kind kind;
    const char *title;
    const char *unit;            /* "万元", "分", "条" */
    const char *series[2];       /* legend: PAIRS both, BARS [0] */
    const char **labels;         /* n labels */
    size_t n;
    struct jx_rat *values[2];    /* n values per series (BARS: [0]) */
    struct jx_rat *max;          /* BARS: n maxima (分值), or NULL */
};

/* A block of text lines shown collapsed (HTML <details>) and in full on
 * paper: a derivation, the findings of one code. */
struct jx_rdetails {
    const char *summary;
    const char **lines;
    size_t nlines;
};

/* Paragraph styles. */
enum jx_rstyle {
    JX_RS_BODY = 0,  /* 仿宋, first line indented two characters */
    JX_RS_CENTER,    /* centred (cover lines) */
    JX_RS_RIGHT,     /* right-aligned (date and signature lines) */
    JX_RS_NOTE,      /* smaller, for notes under tables */
    JX_RS_LIST       /* a list item, no indent */
};

/* Kinds of block. */
enum jx_rblock_kind {
    JX_RB_HEADING = 0, /* level 1 (一、…), 2 (（一）…), 3 */
    JX_RB_PARA,
    JX_RB_TABLE,
    JX_RB_CHART,
    JX_RB_DETAILS,
    JX_RB_PAGEBREAK
};

/* A block of a report document. */
struct jx_rblock {
    enum jx_rblock_kind kind;
    int level;                  /* HEADING */
    const char *text;           /* HEADING, PARA */
    enum jx_rstyle style;       /* PARA */
    bool generated;             /* added by jixiao, not the unit's own
                                   material (the recomputed summary, a
                                   note on a missing section): the DOCX
                                   and XLSX writers leave it out so that
                                   importing them gives back the package;
                                   charts are always generated */
    bool finding_sev[4];        /* PARA of a finding: its severity set
                                   (jx_severity index) for colour; else
                                   all false */
    struct jx_rtable *table;    /* TABLE */
    struct jx_rchart *chart;    /* CHART */
    struct jx_rdetails *details;/* DETAILS */
};

/* A report document. */
struct jx_report_doc {
    struct jx_arena *arena;
    const char *title;        /* the document title (cover, <title>) */
    const char *subtitle;     /* e.g. the unit and year, or NULL */
    const char *header;       /* running page header, or NULL */
    const char *footer;       /* running footer before the page number
                                 ("第 N 页 共 M 页" is added by writers) */
    const char *unit_name;    /* for file names and metadata */
    int year;
    struct jx_rblock *blocks;
    size_t nblocks, capblocks;
};

/* ---- building (lib/report/report.c) ------------------------------------------ */

/* A new empty report document in arena. */
struct jx_report_doc *jx_report_new(struct jx_arena *a, const char *title);

/* Append blocks (text copied into the arena). */
void jx_report_heading(struct jx_report_doc *d, int level, const char *text);
void jx_report_para(struct jx_report_doc *d, enum jx_rstyle style,
                    const char *text);
void jx_report_pagebreak(struct jx_report_doc *d);
struct jx_rtable *jx_report_table(struct jx_report_doc *d, int ncols,
                                  int header_rows);
struct jx_rchart *jx_report_chart(struct jx_report_doc *d,
                                  enum jx_chart_kind kind, size_t n);
struct jx_rdetails *jx_report_details(struct jx_report_doc *d,
                                      const char *summary, size_t nlines);

/* Add a cell to t (text copied) and return it for further settings;
 * the table's nrows grows to cover it. */
struct jx_rcell *jx_rtable_cell(struct jx_report_doc *d, struct jx_rtable *t,
                                int row, int col, int rowspan, int colspan,
                                const char *text);

/* The cell whose top-left is (row, col), or NULL. */
const struct jx_rcell *jx_rtable_at(const struct jx_rtable *t, int row,
                                    int col);

/* The grid t needs: rows and columns covering every cell with its
 * spans (at least t->nrows × t->ncols, at least one column). */
void jx_rtable_size(const struct jx_rtable *t, long *nrows, long *ncols);

/* Place t's cells on an nrows × ncols grid (at: nrows × ncols entries,
 * zeroed by the caller): at[r * ncols + c] is the cell covering (r, c).
 * A span past the last column is cut there; a cell that starts outside
 * the grid or overlaps an earlier one is left out and passed to dropped
 * (may be NULL) with ctx. */
void jx_rtable_place(const struct jx_rtable *t, long nrows, long ncols,
                     const struct jx_rcell **at,
                     void (*dropped)(void *ctx, const struct jx_rcell *c),
                     void *ctx);

/* Display columns (jx_utf8_width) up to which a cell's line is kept
 * whole by jx_rtable_widths: a word of two Chinese characters ("分值",
 * "得分"); longer words may wrap, numbers never. */
#define JX_RTABLE_SHORT 4

/* Column widths of t for a writer, in its own units: total split by the
 * relative widths (equal when none), then each column widened to its
 * minimum, taking the room from the columns with some to spare.  A
 * column's minimum is pad plus the widest piece of its one-column cells
 * that must not break: a line of at most JX_RTABLE_SHORT display columns
 * whole, else its longest run without a break opportunity that holds a
 * digit (a number); measure(ctx, s, n, bold) is the width of s[0..n).
 * When the minima exceed total, the columns get total in proportion to
 * them.  w: ncols entries, summing to total. */
void jx_rtable_widths(const struct jx_rtable *t, int ncols, long total,
                      long pad,
                      long (*measure)(void *ctx, const char *s, size_t n,
                                      bool bold),
                      void *ctx, long *w);

/* For a header word of three or four Chinese characters and nothing
 * else ("一级指标", "执行率"), the byte offset where it breaks into two
 * balanced lines ("一级" / "指标") when its column is too narrow for it
 * whole; 0 for any other text. */
size_t jx_rtable_word_break(const char *s);

/* Where loc is, as a reader of pkg's documents finds it (its JSON
 * pointer loc->path read against pkg, the forms' rows as jixiao prints
 * them): "附件2《整体支出绩效自评表》第 3 行（年度资金总额） 全年执行数",
 * "附件3（2）《项目支出绩效自评表》（项目名）第 13 行（三级指标“…”） 年度指标值",
 * "自评报告第三部分第 2 段" (the paragraph from loc's line when it points
 * into the section's text), "附件1《基础数据表》表下填表人"; without a
 * pointer, from loc's position in the source (the report's part and
 * paragraph holding that line, else "原文第 49 行", a table row or a
 * sheet's cell); NULL when loc says nothing.  Text in arena a
 * (lib/report/report_place.c). */
const char *jx_report_place(struct jx_arena *a, const struct jx_package *pkg,
                            const struct jx_loc *loc);

/* What to put in a 自评报告. */
struct jx_report_opts {
    bool with_findings;                   /* 附录：审核意见 (the findings) */
    bool with_derivations;                /* 附录：计算过程 */
    const struct jx_fw_result *assessment;/* 附录：考核评分表, or NULL */
};

/*
 * The 自评报告 of pkg: cover lines, the ten sections (the report's own
 * text where it has one, the computed figures where it has none, and a
 * paragraph of recomputed figures in 六), the charts, and the attachments
 * 附件1 基础数据表, 附件2 整体支出绩效自评表, 附件3 项目支出绩效自评表
 * (one per project) in the printed layouts with every rate and score
 * recomputed (formulas for XLSX, derivations as notes), then the
 * appendices asked for.  ev is pkg's scoring; findings are the check's
 * (may be NULL).
 */
struct jx_report_doc *jx_report_build(struct jx_arena *a,
                                      const struct jx_package *pkg,
                                      const struct jx_eval *ev,
                                      const struct jx_diags *findings,
                                      const struct jx_report_opts *o);

/* The findings report (审核意见) alone: summary counts by family and
 * severity with a chart, then every finding with its place, message
 * and recomputation. */
struct jx_report_doc *jx_report_findings(struct jx_arena *a,
                                         const struct jx_package *pkg,
                                         const struct jx_diags *findings);

/* The 考核评分表 of a framework result alone. */
struct jx_report_doc *jx_report_assessment(struct jx_arena *a,
                                           const struct jx_fw_result *r);

/* ---- writing (one file per format) ---------------------------------- */

/* Plain text (report_doc.c): headings, paragraphs, tables one row per
 * line with cells joined by " | " (a merged cell once, at its top-left,
 * with "<colspan×rowspan>"), formulas as "[=…]", flagged cells as "※",
 * charts as their numbers, details in full.  For tests and terminals.
 * 0, or -1 when out is full. */
int jx_report_text(const struct jx_report_doc *d, struct jx_buf *out);


/* Limits shared by the writers. */
#define JX_REPORT_MAX_BYTES (256u * 1024u * 1024u) /* largest output */

/* DOCX (OOXML via libzip + libxml2): A4, 仿宋_GB2312/宋体 with East Asian
 * font settings, tables with merged cells and repeated header rows,
 * running header and footer with page numbers.  0, or -1 with a
 * message in diags (code R1xx). */
int jx_report_docx(const struct jx_report_doc *d, struct jx_buf *out,
                   struct jx_diags *diags);

/* XLSX (libxlsxwriter) written to path (the caller renames a temporary
 * file into place): one sheet per table with a `sheet` name, number
 * formats, the formulas of computed cells, print areas and print titles
 * (the header rows). */
int jx_report_xlsx(const struct jx_report_doc *d, const char *path,
                   struct jx_diags *diags);

/* As jx_report_xlsx, writing path (a temporary file) but naming shown in
 * its diagnostics: the file the user asked for, never the temporary one
 * (NULL: no file named). */
int jx_report_xlsx_as(const struct jx_report_doc *d, const char *path,
                      const char *shown, struct jx_diags *diags);

/* HTML: one self-contained file (inline CSS and SVG, no scripts needed),
 * readable on a phone, with a print stylesheet; derivations and details
 * as <details>. */
int jx_report_html(const struct jx_report_doc *d, struct jx_buf *out,
                   struct jx_diags *diags);

/* PDF (jixiao's own writer, report_pdf.c: Noto Sans CJK SC subsets
 * embedded): A4, tables that break across pages with their header rows
 * repeated, vector charts, page numbers.  Uses a fonts object of its
 * own, freed after this PDF: a process writing more than one PDF uses
 * jx_report_pdf_with. */
int jx_report_pdf(const struct jx_report_doc *d, struct jx_buf *out,
                  struct jx_diags *diags);

/* The fonts of PDFs: the two Noto Sans CJK SC faces (Regular, Bold),
 * opened and prepared once per process and shared by every fonts
 * object (their glyphs flattened and cached as PDFs use them), and this
 * object's own code tables.  Made once per process or run (the
 * pipeline's run has one: jx_run_pdf_fonts), freed by
 * jx_pdf_fonts_free.  The PDFs written through one object are written
 * one at a time (it holds a lock), so threads may share it. */
struct jx_pdf_fonts;
struct jx_pdf_fonts *jx_pdf_fonts_new(void);
void jx_pdf_fonts_free(struct jx_pdf_fonts *f);

/* jx_report_pdf with the fonts f (not NULL): the same bytes. */
int jx_report_pdf_with(struct jx_pdf_fonts *f, const struct jx_report_doc *d,
                       struct jx_buf *out, struct jx_diags *diags);

#endif
