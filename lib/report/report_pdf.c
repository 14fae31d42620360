/*
 * report_pdf.c - the PDF writer of report documents (report.h), jixiao's
 * own (issue 15, deliver 4): a text layout of its own on the prepared
 * Noto CJK faces (report_font.h), page content streams of PDF text and
 * path operators, and the file's objects, fonts and outline written by
 * report_pdfobj.h into a jx_buf.  No cairo, no pango.
 *
 * Page: A4 portrait (595.28 x 841.89 pt), margins 2.5 cm top and bottom,
 * 2.8 cm left and right; one CJK family, "Noto Sans CJK SC" (黑体, face
 * 2 of the TTCs of Debian's fonts-noto-cjk): Regular for body text,
 * tables, charts, the running header and footer, Bold for titles,
 * headings, header cells and emphasis.  One family, two faces: each face
 * embedded is a CID-keyed CFF subset of the glyphs the document shows
 * (FontFile3, stored; Identity-H; /W; a ToUnicode CMap giving each code
 * its character, so a reader and jixiao's importer get the text back
 * exactly).
 *
 * Fonts (struct jx_pdf_fonts, report.h): the two faces are opened and
 * prepared once per process (the first fonts object made opens them;
 * their glyphs flattened once and cached) and shared; a fonts object
 * holds the per-document code tables and the lock that makes the PDFs
 * written through it one at a time, so threads may share it.  Within
 * one PDF the layouts of the first pass are kept (keyed by their text
 * and style) and drawn by the second, so no text is laid out twice; so
 * are its prepared tables (column edges, row heights, each cell's
 * layout), so no table is measured twice.
 *
 * Text layout (lay_build): UTF-8 to code points to glyphs and advances
 * (hmtx, size / unitsPerEm; no kerning); lines broken by width by the
 * Chinese rules — no line starts with closing punctuation (，。、；：？！
 * ）】》」』”’% ...) nor ends with opening punctuation (（【《「『“‘ ...),
 * Latin words and numbers (87.6, 1,234) kept together and broken at
 * spaces, a run wider than the line broken anywhere (no hyphen), '\n' a
 * hard break; aligned left, centred or right; line height from the
 * face's hhea ascender, descender and line gap, 1.448 em (as pango gave
 * it: the styles' spacing factors, 1.3 and 1.5 em, are below that box,
 * so they changed nothing), so the look and the page counts stay those
 * of the cairo/pango writer this replaced.  Column widths
 * (jx_rtable_widths) are measured with the same advances, summed as the
 * layout sums them, without building a layout (cell_measure).  A character the
 * font lacks is drawn as .notdef with its text kept, and reported once
 * per document (R408).
 *
 * The document title and subtitle open the first page (a quarter down
 * when the document opens with a cover: centred lines, then a page
 * break); every page has the running header (d->header) and the footer
 * (d->footer followed by "第 N 页 共 M 页"); headings become PDF
 * bookmarks.  A page break on a page with nothing yet is ignored.
 *
 * Two passes: the first lays the whole document out and draws nothing,
 * only to count the pages; the second places the same layouts again
 * identically and draws, now knowing M for the footers.  Each page's
 * content stream is written (stored, not deflated: zlib level 1 cost
 * more than half again the PDF's time for a file 40% smaller, and the
 * stored file is still smaller than cairo's; bench/RESULTS.md) when the
 * page ends; fonts, pages, outline and Info follow the last page.
 *
 * Tables: column widths from `widths` (else equal) across the text
 * width, a column widened when its numbers or short words would
 * otherwise wrap (jx_rtable_widths, measured by the layout); cell text
 * wrapped; merged cells; header rows shaded and bold and repeated at the
 * top of every page the table spans (from a form's inner header row on,
 * that row instead); numbers right-aligned; a flagged cell is shaded red
 * and its text starts with "▲" (explained by a note under the table).
 * Page breaks fall between rows.  A cell merged over a few body rows (at
 * most a third of a page) keeps those rows together on one page; a
 * taller group is split between rows, and the merged cell is then drawn
 * on each page as its own box with its text repeated.  The last row
 * (总分, 合计) never starts a page alone and the line below stays on the
 * page of the last row.  A single row taller than a page is cut at the
 * page's bottom (R405).
 *
 * Charts: horizontal bars as in the HTML writer (labels at the left,
 * values at the bars' ends, graduations along the bottom).
 *
 * Floating point: page coordinates are doubles (printed with two
 * decimals in the content streams).
 * This file turns the exact values of charts (struct jx_rat) into
 * doubles only to place bars and axis graduations on the page; every
 * figure of the report printed comes from the document's text or from
 * jx_rat_format, never from a double (only the axis graduations, round
 * numbers such as 1000 or 2.5, are printed from one), and no double
 * leaves this file.  It is display code, not number code: it is not in the
 * floating-point ban of tools/checksrc.
 *
 * Generated blocks (jixiao's additions, report.h): the second pass
 * records the band of each page they draw on (consecutive generated
 * blocks make one) with the bag of characters drawn there, and writes
 * the list to the Keywords ("jixiao-generated/1 PAGE:Y0:Y1:N:HASH ...",
 * metadata) for the PDF importer to leave them out; the
 * Creator is "jixiao".  The layout never adds a hyphen, so the
 * characters drawn are the text's (and "…" where a chart label is cut).
 *
 * Diagnostics (docs/ERRORS.md, R4xx) are reported by the first pass
 * only, except failures of writing, which only the second pass sees.
 */
#include "jixiao/report.h"

#include "report/report_font.h"
#include "report/report_pdfobj.h"

#include <glib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Page geometry in points (1/72 inch). */
#define PAGE_W 595.2756
#define PAGE_H 841.8898
#define MARGIN_X 79.37   /* 2.8 cm */
#define MARGIN_Y 70.87   /* 2.5 cm */
#define BODY_L MARGIN_X
#define BODY_W (PAGE_W - 2 * MARGIN_X)
#define BODY_TOP MARGIN_Y
#define BODY_BOTTOM (PAGE_H - MARGIN_Y)
#define BODY_H (BODY_BOTTOM - BODY_TOP)

/* Limits of this writer (docs/ERRORS.md R402, R406, R407). */
#define PDF_MAX_PAGES 2000
#define PDF_MAX_COLS 64
#define PDF_MAX_ROWS 100000
#define PDF_MAX_BARS 60

/* The zlib level of the pages' content streams (0: stored; see the
 * header comment). */
#define CONTENT_DEFLATE 0

/* Cell padding in a table. */
#define CELL_PX 4.0
#define CELL_PY 3.0

#define FONT_SANS "Noto Sans CJK SC"
#define FAMILY_SANS "Noto Sans CJK SC"

/* The mark of a flagged cell (not colour only). */
#define FLAG_MARK "▲"

/* A text style: font family, size in points, weight, line spacing
 * factor (0: none; the lines take the face's box, 1.448 em, which is
 * more than any factor here: used for the room a heading keeps). */
struct tstyle {
    const char *family;
    double size;
    bool bold;
    double spacing;
};

static const struct tstyle ST_TITLE = {FONT_SANS, 20, true, 1.3};
static const struct tstyle ST_SUBTITLE = {FONT_SANS, 14, false, 0};
static const struct tstyle ST_H1 = {FONT_SANS, 15, true, 0};
static const struct tstyle ST_H2 = {FONT_SANS, 13.5, true, 0};
static const struct tstyle ST_H3 = {FONT_SANS, 12, true, 0};
static const struct tstyle ST_BODY = {FONT_SANS, 12, false, 1.5};
static const struct tstyle ST_BOLD = {FONT_SANS, 12, true, 1.5};
static const struct tstyle ST_NOTE = {FONT_SANS, 10, false, 1.3};
static const struct tstyle ST_DETAIL = {FONT_SANS, 10.5, false, 1.3};
static const struct tstyle ST_CELL = {FONT_SANS, 9, false, 0};
static const struct tstyle ST_CELL_B = {FONT_SANS, 9, true, 0};
static const struct tstyle ST_TTITLE = {FONT_SANS, 12, true, 0};
static const struct tstyle ST_ABOVE = {FONT_SANS, 9.5, false, 0};
static const struct tstyle ST_RUN = {FONT_SANS, 9, false, 0};
static const struct tstyle ST_CTITLE = {FONT_SANS, 11, true, 0};
static const struct tstyle ST_CHART = {FONT_SANS, 8, false, 0};
static const struct tstyle ST_CVAL = {FONT_SANS, 7, false, 0};

/* An RGB colour. */
struct rgb {
    double r, g, b;
};

static const struct rgb C_BLACK = {0, 0, 0};
static const struct rgb C_GREY = {0.35, 0.35, 0.35};
static const struct rgb C_RULE = {0.6, 0.6, 0.6};
static const struct rgb C_GRID = {0.85, 0.85, 0.85};
static const struct rgb C_HEAD = {0.88, 0.88, 0.88};
static const struct rgb C_FLAG_BG = {1.0, 0.87, 0.87};
static const struct rgb C_FLAG = {0.70, 0.0, 0.0};
static const struct rgb C_WARN = {0.65, 0.35, 0.0};
static const struct rgb C_MAXBAR = {0.90, 0.90, 0.90};
static const struct rgb C_SERIES[2] = {{0.27, 0.45, 0.77}, {0.93, 0.49, 0.19}};

/* The alignment of a text layout's lines. */
enum align { AL_LEFT, AL_CENTER, AL_RIGHT };

/* One line of a text layout: characters [g0, g1) of the layout (their
 * bytes [b0, b1) of its text), its width in points (without trailing
 * spaces), and whether it ends in an ellipsis standing for the rest. */
struct lline {
    size_t g0, g1, b0, b1;
    double w;
    bool ell;
};

/* A text laid out in lines (the writer's own, instead of a
 * PangoLayout): per character its code point and advance in points; the
 * lines; the geometry every line shares.  Allocated in the pass's arena
 * and kept (shared by key) for both passes. */
struct lay {
    const char *text;
    int font;          /* 0 Regular, 1 Bold */
    double size;       /* points */
    uint32_t *cp;      /* ng code points (controls left out) */
    double *adv;       /* their advances */
    size_t *boff;      /* ng + 1 byte offsets into text */
    size_t ng;
    struct lline *ln;
    size_t nl;
    double width;      /* the wrapping width (<= 0: none) */
    double indent;     /* of the first line */
    enum align al;
    double pitch;      /* line height */
    double base;       /* a line's baseline below its top */
    double ell_adv;    /* width of the ellipsis */
    double w;          /* the widest line */
};

/* The state of one pass over the document. */
struct pdf {
    const struct jx_report_doc *d;
    struct jx_diags *diags;
    struct jx_arena *a;      /* scratch, freed at the end */
    struct jx_pdf_fonts *f;  /* the fonts (borrowed) */
    GHashTable *cache;       /* struct lkey -> struct lay (both in the
                                arena): the first pass's layouts for the
                                second; freed at the end */
    struct jx_pdfobj w;      /* second pass: the file being written */
    struct jx_buf cs;        /* second pass: the page's content stream */
    int *page_obj;           /* second pass: page and content object */
    int *content_obj;        /* numbers per page (malloc'd) */
    int cap_pages;
    int font_obj[2], res_obj;
    bool font_used[2];
    int fill_font;           /* the content stream's current font and */
    double fill_size;        /* size in a text object, -1: none set */
    struct rgb_state {
        bool set;
        double r, g, b;
    } fill, stroke;          /* the colours set in the content stream */
    struct outl *outl;       /* second pass: the outline entries */
    size_t noutl, capoutl;   /* (malloc'd) */
    uint32_t miss[8];        /* first pass: characters the font lacks */
    size_t nmiss, nmiss_all; /* listed, distinct in all */
    uint32_t *miss_seen;     /* distinct missing (malloc'd) */
    size_t cap_seen;
    bool draw;               /* second pass: draw and report nothing */
    int page;                /* current page, 1-based */
    int total;               /* pages counted by the first pass */
    double y;                /* top of the free space on the page */
    bool empty;              /* nothing placed on this page's body yet */
    bool stop;               /* a hard limit was passed: stop laying out */
    int errors;              /* error diagnostics reported */
    bool bad_utf8;           /* R406 for invalid UTF-8 already reported */
    int outline[3];          /* last outline entry per heading level
                                (-1: the root) */
    bool gen;                /* laying out a generated block (report.h) */
    struct gregion *reg;     /* second pass: the generated regions drawn */
    size_t nreg, capreg;     /* (malloc'd) */
    bool newreg;             /* the next mark starts a new region */
    struct tab **tabs;       /* per table number - 1: the table prepared
                                by the first pass, reused by the second
                                (in the arena; the array malloc'd) */
    int ntabs;
};

/* An entry of the PDF outline (bookmarks): its parent entry (-1: the
 * root), title, page and height on it (points from the top), whether it
 * is shown open; and the links worked out when it is written. */
struct outl {
    int parent;
    const char *title;
    int page;
    double y;
    bool open;
    int obj, first, last, next, prev, count;
};

/* The prepared fonts, opened once per process and shared by every fonts
 * object (their glyph caches are guarded by their own locks): Noto Sans
 * CJK SC Regular and Bold, NULL when not installed. */
static struct jx_pfont *g_pfont[2];
static pthread_once_t g_pfont_once = PTHREAD_ONCE_INIT;

/* The fonts of PDFs (report.h): the two prepared faces (the process's)
 * and the code points each PDF shows in them (reset per PDF); the lock
 * held while one PDF is written; whether a face is missing. */
struct jx_pdf_fonts {
    pthread_mutex_t lock;
    struct jx_pfont *pf[2];
    struct jx_pdf_fontuse use[2];
    bool missing;
};

/* A region of a page a generated block drew on: the page, the band from
 * y0 to y1 (points from the top) and the characters drawn there. */
struct gregion {
    int page;
    double y0, y1;
    struct jx_text_bag bag;
};

/* ---- diagnostics ----------------------------------------------------- */

/* Report a diagnostic (first pass only); errors are counted. */
static void report(struct pdf *p, const char *code, enum jx_severity sev,
                   const struct jx_loc *loc, const char *fmt, ...)
    JX_PRINTF(5, 6);

/* Report a diagnostic (first pass only); errors are counted. */
static void report(struct pdf *p, const char *code, enum jx_severity sev,
                   const struct jx_loc *loc, const char *fmt, ...)
{
    if (p->draw) {
        return;
    }
    if (sev == JX_SEV_ERROR) {
        p->errors++;
    }
    if (!p->diags) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(p->diags->arena ? p->diags->arena : p->a, fmt,
                            ap);
    va_end(ap);
    jx_diag_add(p->diags, code, sev, loc, "%s", msg);
}

/* ---- generated regions ------------------------------------------------ */

/* The region the drawing of a generated block goes into: a new one at
 * the block's start and on each new page (second pass only). */
static struct gregion *region(struct pdf *p)
{
    if (!p->newreg && p->nreg > 0 && p->reg[p->nreg - 1].page == p->page) {
        return &p->reg[p->nreg - 1];
    }
    if (p->nreg == p->capreg) {
        p->capreg = p->capreg ? 2 * p->capreg : 16;
        p->reg = realloc(p->reg, p->capreg * sizeof *p->reg);
        if (!p->reg) {
            jx_oom();
        }
    }
    p->newreg = false;
    struct gregion *g = &p->reg[p->nreg++];
    memset(g, 0, sizeof *g);
    g->page = p->page;
    g->y0 = PAGE_H;
    g->y1 = 0;
    return g;
}

/* Note that a generated block drew between y0 and y1 on this page (no-op
 * outside generated blocks and in the first pass). */
static void mark(struct pdf *p, double y0, double y1)
{
    if (!p->gen || !p->draw) {
        return;
    }
    struct gregion *g = region(p);
    g->y0 = y0 < g->y0 ? y0 : g->y0;
    g->y1 = y1 > g->y1 ? y1 : g->y1;
}

/* Add the characters line k of l draws to the region of a generated
 * block: its text, and "…" when it ends in an ellipsis (the ToUnicode
 * CMap gives a reader exactly these). */
static void mark_line(struct pdf *p, const struct lay *l, size_t k)
{
    if (!p->gen || !p->draw) {
        return;
    }
    struct gregion *g = region(p);
    const struct lline *ln = &l->ln[k];
    jx_text_bag_add(&g->bag, l->text + ln->b0, ln->b1 - ln->b0);
    if (ln->ell) {
        jx_text_bag_add(&g->bag, "…", strlen("…"));
    }
}

/* ---- text ------------------------------------------------------------- */

/* s as valid UTF-8: s itself, or a copy with invalid bytes replaced by
 * U+FFFD (reported once, R406). */
static const char *clean(struct pdf *p, const char *s)
{
    if (!s) {
        return "";
    }
    if (g_utf8_validate(s, -1, NULL)) {
        return s;
    }
    if (!p->bad_utf8) {
        p->bad_utf8 = true;
        report(p, "R406", JX_SEV_WARNING, NULL,
               "文本含有无效的 UTF-8 字节，已用替换字符 U+FFFD 打印");
    }
    gchar *v = g_utf8_make_valid(s, -1);
    char *r = jx_strdup(p->a, v);
    g_free(v);
    return r;
}

/* True for a character no line may start with: closing punctuation,
 * Chinese and ASCII, and dashes, ellipses and tildes (14–18 stays
 * whole). */
static bool is_close(uint32_t c)
{
    if (c >= 0x3020 && c < 0xff00) {
        return false; /* ideographs and kana: none listed (the hot path) */
    }
    static const uint32_t cl[] = {
        0xff0c, 0x3002, 0x3001, 0xff1b, 0xff1a, 0xff1f, 0xff01, 0xff09,
        0x3011, 0x300b, 0x300d, 0x300f, 0x201d, 0x2019, 0xff05, 0x3009,
        0xff3d, 0xff5d, 0xff0e, 0x3015, 0x3017, 0x00b0, 0x2030, 0x2103,
        0x2013, 0x2014, 0x2010, 0x2026, 0x2025, 0xff5e, 0x301c,
        ',',    '.',    ';',    ':',    '?',    '!',    ')',    ']',
        '}',    '%'};
    for (size_t i = 0; i < sizeof cl / sizeof cl[0]; i++) {
        if (cl[i] == c) {
            return true;
        }
    }
    return false;
}

/* True for a character no line may end with: opening punctuation. */
static bool is_open(uint32_t c)
{
    if (c >= 0x3020 && c < 0xff00) {
        return false; /* ideographs and kana: none listed (the hot path) */
    }
    static const uint32_t op[] = {0xff08, 0x3010, 0x300a, 0x300c, 0x300e,
                                  0x201c, 0x2018, 0x3008, 0xff3b, 0xff5b,
                                  0x3014, 0x3016, '(',    '[',    '{'};
    for (size_t i = 0; i < sizeof op / sizeof op[0]; i++) {
        if (op[i] == c) {
            return true;
        }
    }
    return false;
}

/* True for a character of a Latin word or a number, kept together. */
static bool is_word(uint32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
           (c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '\'' ||
           c == '+' || c == '#' || c == '@' || c == '&' ||
           (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7);
}

/* May a line break before character i of l (i > 0)? Not before closing
 * punctuation or a space, not after opening punctuation, not inside a
 * Latin word or a number (87.6, 1,234, 10:30). */
static bool can_break(const struct lay *l, size_t i)
{
    uint32_t c = l->cp[i], b = l->cp[i - 1];
    if (c == ' ' || is_close(c) || is_open(b)) {
        return false;
    }
    if (is_word(b) && is_word(c)) {
        return false;
    }
    if (i >= 2 && is_word(c) && (b == '.' || b == ',' || b == ':' ||
                                 b == '/') &&
        is_word(l->cp[i - 2])) {
        return false;
    }
    return true;
}

/* Note that the font lacks code point c (first pass; listed in R408;
 * U+FFFD, drawn as .notdef too, only by R406). */
static void missing(struct pdf *p, uint32_t c)
{
    if (p->draw || c == 0xfffd) {
        /* U+FFFD stands for invalid bytes, reported by R406 */
        return;
    }
    for (size_t i = 0; i < p->nmiss_all; i++) {
        if (p->miss_seen[i] == c) {
            return;
        }
    }
    if (p->nmiss_all == p->cap_seen) {
        p->cap_seen = p->cap_seen ? 2 * p->cap_seen : 16;
        p->miss_seen = realloc(p->miss_seen, p->cap_seen * sizeof(uint32_t));
        if (!p->miss_seen) {
            jx_oom();
        }
    }
    p->miss_seen[p->nmiss_all++] = c;
    if (p->nmiss < sizeof p->miss / sizeof p->miss[0]) {
        p->miss[p->nmiss++] = c;
    }
}

/* Width of characters [a, b) of l without trailing spaces. */
static double span_w(const struct lay *l, size_t a, size_t b)
{
    while (b > a && l->cp[b - 1] == ' ') {
        b--;
    }
    double w = 0;
    for (size_t i = a; i < b; i++) {
        w += l->adv[i];
    }
    return w;
}

/* Add line [a, b) to l. */
static void add_line(struct pdf *p, struct lay *l, size_t a, size_t b,
                     size_t *cap)
{
    if (l->nl == *cap) {
        size_t nc = *cap ? 2 * *cap : 4;
        struct lline *n = jx_alloc_array(p->a, nc, sizeof *n);
        if (l->nl) {
            memcpy(n, l->ln, l->nl * sizeof *n);
        }
        l->ln = n;
        *cap = nc;
    }
    struct lline *ln = &l->ln[l->nl++];
    ln->g0 = a;
    ln->g1 = b;
    ln->b0 = l->boff[a];
    ln->b1 = l->boff[b];
    ln->w = span_w(l, a, b);
    ln->ell = false;
}

/* Lay text out in style st: wrapped at width points (<= 0: only at hard
 * line breaks) by the Chinese rules of can_break (a word wider than the
 * line broken anywhere, no hyphen), the first line indented by indent,
 * lines aligned al; at most maxlines lines (0: any), the last then
 * ending in "…".  Line height from the face's hhea ascender, descender
 * and line gap (as pango gave it for these faces). */
static struct lay *lay_build(struct pdf *p, const char *text,
                             const struct tstyle *st, double width,
                             enum align al, double indent, int maxlines)
{
    struct lay *l = jx_alloc(p->a, sizeof *l);
    memset(l, 0, sizeof *l);
    text = clean(p, text);
    text = l->text = jx_strdup(p->a, text);
    l->font = st->bold ? 1 : 0;
    l->size = st->size;
    l->width = width;
    l->indent = indent;
    l->al = al;
    struct jx_pfont *pf = p->f->pf[l->font];
    struct jx_pfont_metrics m = jx_pfont_metrics(pf);
    double em = st->size / (double)(m.units_per_em ? m.units_per_em : 1000);
    double asc = m.line_ascender * em, desc = -m.line_descender * em;
    /* the face's line box: what pango gave, its spacing factors (1.3,
     * 1.5 of the size) being below the box of this face (1.448) */
    l->pitch = asc + desc + (m.line_gap > 0 ? m.line_gap * em : 0);
    l->base = asc;
    l->ell_adv = jx_pfont_advance(pf, jx_pfont_gid(pf, 0x2026)) * em;

    size_t n = strlen(text);
    l->cp = jx_alloc_array(p->a, n + 1, sizeof *l->cp);
    l->adv = jx_alloc_array(p->a, n + 1, sizeof *l->adv);
    l->boff = jx_alloc_array(p->a, n + 2, sizeof *l->boff);
    size_t i = 0;
    while (i < n) {
        int32_t c32;
        int k = jx_utf8_decode(text + i, n - i, &c32);
        if (k <= 0) {
            c32 = 0xfffd;
            k = 1;
        }
        uint32_t c = (uint32_t)c32;
        l->boff[l->ng] = i;
        i += (size_t)k;
        if (c == '\t') {
            c = ' ';
        } else if (c == '\r' || (c < 0x20 && c != '\n') || c == 0x7f) {
            continue; /* a control draws nothing */
        }
        double a = 0;
        if (c != '\n') {
            uint32_t g = jx_pfont_gid(pf, c);
            if (g == 0) {
                missing(p, c);
            }
            a = jx_pfont_advance(pf, g) * em;
        }
        l->cp[l->ng] = c;
        l->adv[l->ng] = a;
        l->ng++;
    }
    l->boff[l->ng] = n;

    size_t cap = 0, s = 0;
    for (;;) {
        double avail = width - (l->nl == 0 ? indent : 0);
        double x = 0;
        size_t bp = s, j = s, end = s, next = s;
        bool done = false;
        for (;;) {
            if (j == l->ng) {
                end = next = j;
                done = true;
                break;
            }
            if (l->cp[j] == '\n') {
                end = j;
                next = j + 1;
                break;
            }
            if (j > s && can_break(l, j)) {
                bp = j;
            }
            if (width > 0 && j > s && l->cp[j] != ' ' &&
                x + l->adv[j] > avail + 0.01) {
                if (bp > s) {
                    end = next = bp;
                } else {
                    end = next = j;
                    if (is_close(l->cp[j]) && j - 1 > s) {
                        end = next = j - 1;
                    }
                }
                break;
            }
            x += l->adv[j];
            j++;
        }
        add_line(p, l, s, end, &cap);
        if (done) {
            break;
        }
        s = next;
    }
    if (maxlines > 0 && l->nl > (size_t)maxlines) {
        l->nl = (size_t)maxlines;
        struct lline *ln = &l->ln[l->nl - 1];
        double avail = width - (l->nl == 1 ? indent : 0) - l->ell_adv;
        size_t e = ln->g1;
        while (e > ln->g0 && width > 0 && span_w(l, ln->g0, e) > avail) {
            e--;
        }
        ln->g1 = e;
        ln->b1 = l->boff[e];
        ln->w = span_w(l, ln->g0, e) + l->ell_adv;
        ln->ell = true;
    }
    for (size_t k = 0; k < l->nl; k++) {
        double w = l->ln[k].w + (k == 0 ? indent : 0);
        l->w = w > l->w ? w : l->w;
    }
    return l;
}

/* The key of a shared layout: its arguments (the text, when a key is
 * kept, the layout's own copy in the arena). */
struct lkey {
    const struct tstyle *st;
    double width, indent;
    int al, maxlines;
    const char *text;
};

/* Hash of a layout key (GHashFunc). */
static guint lkey_hash(gconstpointer v)
{
    const struct lkey *k = v;
    guint h = g_str_hash(k->text);
    h = h * 31u + (guint)(uintptr_t)k->st;
    h = h * 31u + (guint)(k->width * 64);
    h = h * 31u + (guint)(k->indent * 64);
    return h * 31u + (guint)(k->al * 8 + k->maxlines);
}

/* Equality of layout keys (GEqualFunc). */
static gboolean lkey_equal(gconstpointer va, gconstpointer vb)
{
    const struct lkey *a = va, *b = vb;
    return a->st == b->st && a->width == b->width &&
           a->indent == b->indent && a->al == b->al &&
           a->maxlines == b->maxlines && strcmp(a->text, b->text) == 0;
}

/* The layout of text in style st, wrapped at width points (<= 0: no
 * wrapping), aligned al, the first line indented by indent, at most
 * maxlines lines (0: any), shared: the same arguments give the same
 * layout, laid out once for both passes (owned by the pass's arena). */
static struct lay *layout_n(struct pdf *p, const char *text,
                            const struct tstyle *st, double width,
                            enum align al, double indent, int maxlines)
{
    struct lkey k = {st, width, indent, (int)al, maxlines, text ? text : ""};
    struct lay *l = g_hash_table_lookup(p->cache, &k);
    if (l) {
        return l;
    }
    l = lay_build(p, text, st, width, al, indent, maxlines);
    struct lkey *kp = jx_alloc(p->a, sizeof *kp);
    *kp = k;
    kp->text = strcmp(l->text, k.text) == 0 ? l->text
                                            : jx_strdup(p->a, k.text);
    g_hash_table_insert(p->cache, kp, l);
    return l;
}

/* layout_n with any number of lines. */
static struct lay *layout(struct pdf *p, const char *text,
                          const struct tstyle *st, double width,
                          enum align al, double indent)
{
    return layout_n(p, text, st, width, al, indent, 0);
}

/* Height of a layout in points. */
static double lh(const struct lay *l)
{
    return (double)(l->nl ? l->nl : 1) * l->pitch;
}

/* Width of a layout (its widest line) in points. */
static double lw(const struct lay *l)
{
    return l->w;
}

/* A content stream operator being put together (without a call per
 * number into the buffer: the hot path): its bytes so far. */
struct ops {
    char t[256];
    size_t n;
};

/* Append a number and a space to o: two decimals at most, no trailing
 * zeros (without printf). */
static void op_num(struct ops *o, double v)
{
    long c = (long)(v * 100 + (v < 0 ? -0.5 : 0.5));
    char *q = o->t + o->n;
    unsigned long u = (unsigned long)c;
    if (c < 0) {
        *q++ = '-';
        u = (unsigned long)-c;
    }
    unsigned long frac = u % 100, ip = u / 100;
    char d[24];
    int k = 0;
    do {
        d[k++] = (char)('0' + ip % 10);
        ip /= 10;
    } while (ip);
    while (k) {
        *q++ = d[--k];
    }
    if (frac) {
        *q++ = '.';
        *q++ = (char)('0' + frac / 10);
        if (frac % 10) {
            *q++ = (char)('0' + frac % 10);
        }
    }
    *q++ = ' ';
    o->n = (size_t)(q - o->t);
}

/* Append the literal s (short: an operator) to o. */
static void op_str(struct ops *o, const char *s)
{
    while (*s) {
        o->t[o->n++] = *s++;
    }
}

/* Write o's bytes to b and empty o. */
static void op_put(struct jx_buf *b, struct ops *o)
{
    jx_buf_add(b, o->t, o->n);
    o->n = 0;
}

/* A number for the content stream and a space: two decimals at most,
 * no trailing zeros (op_num). */
static void num(struct jx_buf *b, double v)
{
    struct ops o;
    o.n = 0;
    op_num(&o, v);
    op_put(b, &o);
}

/* Set the fill (stroke false) or stroke colour, unless already set. */
static void colour_op(struct pdf *p, const struct rgb *c, bool stroke)
{
    struct rgb_state *s = stroke ? &p->stroke : &p->fill;
    if (s->set && s->r == c->r && s->g == c->g && s->b == c->b) {
        return;
    }
    s->set = true;
    s->r = c->r;
    s->g = c->g;
    s->b = c->b;
    struct ops o;
    o.n = 0;
    op_num(&o, c->r);
    op_num(&o, c->g);
    op_num(&o, c->b);
    op_str(&o, stroke ? "RG\n" : "rg\n");
    op_put(&p->cs, &o);
}

/* Draw line k of l with its top-left at (x, y) (second pass): one text
 * object, the characters as 2-byte codes of the document's font use. */
static void draw_line(struct pdf *p, const struct lay *l, size_t k, double x,
                      double y, const struct rgb *c)
{
    const struct lline *ln = &l->ln[k];
    double avail = l->width > 0 ? l->width : l->w;
    double off = k == 0 ? l->indent : 0;
    if (l->al == AL_CENTER) {
        off = (avail - ln->w) / 2;
    } else if (l->al == AL_RIGHT) {
        off = avail - ln->w;
    }
    if (ln->g0 == ln->g1 && !ln->ell) {
        return;
    }
    struct jx_pdf_fontuse *u = &p->f->use[l->font];
    p->font_used[l->font] = true;
    colour_op(p, c, false);
    struct jx_buf *b = &p->cs;
    struct ops o;
    o.n = 0;
    op_str(&o, l->font ? "BT /F2 " : "BT /F1 ");
    op_num(&o, l->size);
    op_str(&o, "Tf ");
    op_num(&o, x + off);
    op_num(&o, PAGE_H - (y + l->base));
    op_str(&o, "Td <");
    for (size_t i = ln->g0; i <= ln->g1; i++) {
        uint32_t ch = i < ln->g1 ? l->cp[i] : ln->ell ? 0x2026 : 0;
        if (ch == 0) {
            break;
        }
        unsigned code = jx_pdf_fontuse_code(u, ch);
        static const char hex[] = "0123456789ABCDEF";
        if (o.n + 4 > sizeof o.t) {
            op_put(b, &o);
        }
        o.t[o.n++] = hex[code >> 12 & 15];
        o.t[o.n++] = hex[code >> 8 & 15];
        o.t[o.n++] = hex[code >> 4 & 15];
        o.t[o.n++] = hex[code & 15];
    }
    if (o.n + 8 > sizeof o.t) {
        op_put(b, &o);
    }
    op_str(&o, "> Tj ET\n");
    op_put(b, &o);
}

/* Draw a layout with its top-left at (x, y) (second pass only). */
static void show(struct pdf *p, const struct lay *l, double x, double y,
                 const struct rgb *c)
{
    if (!p->draw) {
        return;
    }
    for (size_t k = 0; k < l->nl; k++) {
        draw_line(p, l, k, x, y + (double)k * l->pitch, c);
        mark_line(p, l, k);
    }
    mark(p, y, y + lh(l));
}

/* Fill a rectangle (second pass only). */
static void fill_rect(struct pdf *p, double x, double y, double w, double h,
                      const struct rgb *c)
{
    if (!p->draw) {
        return;
    }
    colour_op(p, c, false);
    struct ops o;
    o.n = 0;
    op_num(&o, x);
    op_num(&o, PAGE_H - y - h);
    op_num(&o, w);
    op_num(&o, h);
    op_str(&o, "re f\n");
    op_put(&p->cs, &o);
    mark(p, y, y + h);
}

/* Stroke a rectangle with a line width (second pass only). */
static void stroke_rect(struct pdf *p, double x, double y, double w,
                        double h, double lwidth, const struct rgb *c)
{
    if (!p->draw) {
        return;
    }
    colour_op(p, c, true);
    struct ops o;
    o.n = 0;
    op_num(&o, lwidth);
    op_str(&o, "w ");
    op_num(&o, x);
    op_num(&o, PAGE_H - y - h);
    op_num(&o, w);
    op_num(&o, h);
    op_str(&o, "re S\n");
    op_put(&p->cs, &o);
    mark(p, y - lwidth / 2, y + h + lwidth / 2);
}

/* Stroke a line (second pass only). */
static void line(struct pdf *p, double x0, double y0, double x1, double y1,
                 double lwidth, const struct rgb *c)
{
    if (!p->draw) {
        return;
    }
    colour_op(p, c, true);
    struct ops o;
    o.n = 0;
    op_num(&o, lwidth);
    op_str(&o, "w ");
    op_num(&o, x0);
    op_num(&o, PAGE_H - y0);
    op_str(&o, "m ");
    op_num(&o, x1);
    op_num(&o, PAGE_H - y1);
    op_str(&o, "l S\n");
    op_put(&p->cs, &o);
    mark(p, (y0 < y1 ? y0 : y1) - lwidth / 2,
         (y0 < y1 ? y1 : y0) + lwidth / 2);
}

/* Clip what follows to a rectangle until unclip (second pass): the
 * graphics state saved. */
static void clip(struct pdf *p, double x, double y, double w, double h)
{
    struct ops o;
    o.n = 0;
    op_str(&o, "q ");
    op_num(&o, x);
    op_num(&o, PAGE_H - y - h);
    op_num(&o, w);
    op_num(&o, h);
    op_str(&o, "re W n\n");
    op_put(&p->cs, &o);
}

/* End a clip: the graphics state (and its colours) restored. */
static void unclip(struct pdf *p)
{
    jx_buf_adds(&p->cs, "Q\n");
    p->fill.set = false;
    p->stroke.set = false;
}

/* ---- pages ------------------------------------------------------------ */

/* Draw the running header and footer of the current page. */
static void running(struct pdf *p)
{
    const struct jx_report_doc *d = p->d;
    bool gen = p->gen; /* page furniture, never a generated region */
    p->gen = false;
    if (d->header && *d->header) {
        struct lay *l = layout_n(p, d->header, &ST_RUN, BODY_W, AL_CENTER,
                                 0, 1);
        double h = lh(l);
        show(p, l, BODY_L, MARGIN_Y - 12 - h, &C_GREY);
        line(p, BODY_L, MARGIN_Y - 8, BODY_L + BODY_W, MARGIN_Y - 8, 0.5,
             &C_RULE);
    }
    char pn[64];
    snprintf(pn, sizeof pn, "第 %d 页 共 %d 页", p->page, p->total);
    const char *f = d->footer && *d->footer
                        ? jx_sprintf(p->a, "%s　%s", d->footer, pn)
                        : pn;
    struct lay *l = layout(p, f, &ST_RUN, BODY_W, AL_CENTER, 0);
    show(p, l, BODY_L, BODY_BOTTOM + 18, &C_GREY);
    p->gen = gen;
}

/* Start a page: count it (R402 past the limit), reset the position,
 * draw the running header and footer (second pass: into a new content
 * stream, the page's objects reserved). */
static void begin_page(struct pdf *p)
{
    p->page++;
    p->y = BODY_TOP;
    p->empty = true;
    if (p->page > PDF_MAX_PAGES) {
        if (!p->stop) {
            report(p, "R402", JX_SEV_ERROR, NULL,
                   "PDF 超过 %d 页的上限，未生成", PDF_MAX_PAGES);
        }
        p->stop = true;
        return;
    }
    if (p->draw) {
        if (p->page > p->cap_pages) {
            p->cap_pages = p->cap_pages ? 2 * p->cap_pages : 16;
            p->page_obj = realloc(p->page_obj,
                                  (size_t)p->cap_pages * sizeof(int));
            p->content_obj = realloc(p->content_obj,
                                     (size_t)p->cap_pages * sizeof(int));
            if (!p->page_obj || !p->content_obj) {
                jx_oom();
            }
        }
        p->page_obj[p->page - 1] = jx_pdfobj_reserve(&p->w);
        p->content_obj[p->page - 1] = jx_pdfobj_reserve(&p->w);
        jx_buf_reset(&p->cs);
        p->fill.set = p->stroke.set = false;
        running(p);
    }
}

/* End the current page: its content stream written (second pass). */
static void end_page(struct pdf *p)
{
    if (!p->draw) {
        return;
    }
    jx_pdfobj_stream(&p->w, p->content_obj[p->page - 1], "", p->cs.p,
                     p->cs.len, CONTENT_DEFLATE);
    if (p->w.out->toobig || p->w.out->len - p->w.start > JX_REPORT_MAX_BYTES) {
        p->stop = true; /* R403, reported by jx_report_pdf_with */
    }
}

/* End the current page and start the next. */
static void new_page(struct pdf *p)
{
    if (p->stop) {
        return;
    }
    end_page(p);
    if (p->stop) {
        return;
    }
    begin_page(p);
}

/* Make room for h points: a new page unless they fit or the page is
 * still empty. */
static void ensure(struct pdf *p, double h)
{
    if (!p->empty && p->y + h > BODY_BOTTOM + 0.01) {
        new_page(p);
    }
}

/* Leave h points of space (none at the top of a page). */
static void space(struct pdf *p, double h)
{
    if (!p->empty) {
        p->y += h;
    }
}

/* Place a layout line by line at x, breaking pages between lines. */
static void flow(struct pdf *p, const struct lay *l, double x,
                 const struct rgb *c)
{
    for (size_t k = 0; k < (l->nl ? l->nl : 1); k++) {
        double h = l->pitch;
        ensure(p, h);
        if (p->stop) {
            break;
        }
        if (p->draw && k < l->nl) {
            draw_line(p, l, k, x, p->y, c);
            mark(p, p->y, p->y + h);
            mark_line(p, l, k);
        }
        p->y += h;
        p->empty = false;
    }
}

/* Lay out text in style st across the body width (aligned al, first line
 * indented by indent) and place it with flow(). */
static void text_block(struct pdf *p, const char *text,
                       const struct tstyle *st, double x, double width,
                       enum align al, double indent, const struct rgb *c)
{
    flow(p, layout(p, text, st, width, al, indent), x, c);
}

/* An outline entry for a heading (defined with the passes). */
static void add_outline(struct pdf *p, int lv, const char *title);

/* ---- headings, paragraphs, details ------------------------------------ */

/* True when the document opens with a cover: the title, centred or
 * right-aligned lines only, then a page break. */
static bool has_cover(const struct jx_report_doc *d)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        const struct jx_rblock *b = &d->blocks[i];
        if (b->kind == JX_RB_PAGEBREAK) {
            return i > 0 || (d->title && *d->title);
        }
        if (b->kind != JX_RB_PARA ||
            (b->style != JX_RS_CENTER && b->style != JX_RS_RIGHT)) {
            return false;
        }
    }
    return false;
}

/* The document title and subtitle at the top of the first page, or a
 * quarter down a cover page with the cover lines lower still. */
static void title_block(struct pdf *p)
{
    const struct jx_report_doc *d = p->d;
    bool cover = has_cover(d);
    if (cover) {
        p->y = BODY_TOP + BODY_H / 5;
    }
    if (d->title && *d->title) {
        text_block(p, d->title, &ST_TITLE, BODY_L, BODY_W, AL_CENTER,
                   0, &C_BLACK);
        p->y += 8;
    }
    if (d->subtitle && *d->subtitle) {
        text_block(p, d->subtitle, &ST_SUBTITLE, BODY_L, BODY_W,
                   AL_CENTER, 0, &C_BLACK);
    }
    if (cover) {
        p->y += BODY_H / 4;
        p->empty = false;
    } else if (!p->empty) {
        p->y += 14;
    }
}

/* A heading, kept on the page with the start of what follows (next:
 * the next block, or NULL): two lines of text, the top of a table or
 * most of a chart; and an entry in the PDF outline (bookmarks). */
static void heading_block(struct pdf *p, const struct jx_rblock *b,
                          const struct jx_rblock *next)
{
    const struct tstyle *st =
        b->level <= 1 ? &ST_H1 : b->level == 2 ? &ST_H2 : &ST_H3;
    space(p, b->level <= 1 ? 12 : 8);
    struct lay *l = layout(p, b->text, st, BODY_W, AL_LEFT, 0);
    double keep = 2 * ST_BODY.size * ST_BODY.spacing * 1.45;
    if (next && next->kind == JX_RB_TABLE) {
        keep = 130;
    } else if (next && next->kind == JX_RB_CHART) {
        keep = 220;
    }
    ensure(p, lh(l) + keep);
    if (p->draw && !p->stop && b->text && *b->text) {
        int lv = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
        add_outline(p, lv, clean(p, b->text));
    }
    flow(p, l, BODY_L, &C_BLACK);
    p->y += 6;
}

/* The colour of a paragraph: by the gravest severity of a finding. */
static const struct rgb *para_colour(const struct jx_rblock *b)
{
    if (b->finding_sev[JX_SEV_ERROR]) {
        return &C_FLAG;
    }
    if (b->finding_sev[JX_SEV_WARNING]) {
        return &C_WARN;
    }
    return &C_BLACK;
}

/* A paragraph in its style. */
static void para_block(struct pdf *p, const struct jx_rblock *b)
{
    const struct rgb *c = para_colour(b);
    switch (b->style) {
    case JX_RS_CENTER:
        text_block(p, b->text, &ST_BODY, BODY_L, BODY_W, AL_CENTER,
                   0, c);
        break;
    case JX_RS_RIGHT:
        text_block(p, b->text, &ST_BODY, BODY_L, BODY_W, AL_RIGHT,
                   0, c);
        break;
    case JX_RS_NOTE:
        text_block(p, b->text, &ST_NOTE, BODY_L, BODY_W, AL_LEFT, 0,
                   c);
        break;
    case JX_RS_LIST:
        text_block(p, b->text, &ST_BODY, BODY_L, BODY_W, AL_LEFT, 0,
                   c);
        break;
    case JX_RS_BODY:
    default:
        text_block(p, b->text, &ST_BODY, BODY_L, BODY_W, AL_LEFT,
                   2 * ST_BODY.size, c);
        break;
    }
    p->y += 3;
}

/* A details block in full: the summary in bold, then its lines
 * indented by two characters. */
static void details_block(struct pdf *p, const struct jx_rdetails *x)
{
    if (!x) {
        return;
    }
    space(p, 4);
    text_block(p, x->summary, &ST_BOLD, BODY_L, BODY_W, AL_LEFT, 0,
               &C_BLACK);
    double ind = 2 * ST_DETAIL.size;
    for (size_t i = 0; i < x->nlines && !p->stop; i++) {
        text_block(p, x->lines ? x->lines[i] : "", &ST_DETAIL, BODY_L + ind,
                   BODY_W - ind, AL_LEFT, 0, &C_BLACK);
    }
    p->y += 6;
}

/* ---- tables ------------------------------------------------------------ */

/* A table prepared for layout. */
struct tab {
    const struct jx_rtable *t;
    int no;          /* 1-based table number in the document */
    int nrows, ncols;
    int hdr;         /* rows 0..hdr-1 repeated on every page */
    int sub;         /* > 0: the header row of the second part, repeated
                        instead on the pages after it */
    double *x;       /* ncols + 1 column edges */
    double *h;       /* row heights */
    double *h_prep;  /* the row heights as prepared (h is cut where a
                        row is taller than a page; each pass starts
                        again from these) */
    struct lay **cl; /* per cell: its layout (NULL: skipped) */
    double *yr;      /* top of each row in the segment being drawn */
    bool *nobreak;   /* nobreak[r]: no page break before row r */
    bool *skip;      /* per cell: not printable (outside, overlapping) */
    unsigned char *occ; /* nrows x ncols: covered by a cell */
    size_t *order;   /* printable cells sorted by top row */
    size_t *first;   /* nrows + 1 starts into order */
    int maxspan;     /* largest rowspan */
    bool flagged;    /* some cell is flagged */
};

/* The text of a cell as printed (flagged cells start with the mark). */
static const char *cell_text(struct pdf *p, const struct jx_rcell *c)
{
    const char *s = c->text ? c->text : "";
    return c->flagged ? jx_sprintf(p->a, FLAG_MARK " %s", s) : s;
}

/* The layout of a cell's text within its columns. */
static struct lay *cell_layout(struct pdf *p, const struct tab *tb,
                                const struct jx_rcell *c)
{
    double w = tb->x[c->col + c->colspan] - tb->x[c->col] - 2 * CELL_PX;
    enum align al = AL_LEFT;
    enum jx_ralign ra = c->align;
    if (!c->header && c->fmt != JX_RF_TEXT && ra == JX_RA_LEFT) {
        ra = JX_RA_RIGHT; /* numbers are right-aligned */
    }
    if (ra == JX_RA_CENTER) {
        al = AL_CENTER;
    } else if (ra == JX_RA_RIGHT) {
        al = AL_RIGHT;
    }
    const char *s = cell_text(p, c);
    size_t k = c->header && !c->flagged ? jx_rtable_word_break(s) : 0;
    if (k) {
        /* a short header word too wide for its column: two balanced
         * lines ("一级" / "指标"), not three characters and one */
        struct lay *whole = layout(p, s, &ST_CELL_B, 0, al, 0);
        bool fits = lw(whole) <= w + 0.01;
        if (!fits) {
            s = jx_sprintf(p->a, "%.*s\n%s", (int)k, s, s + k);
        }
    }
    return layout(p, s, c->header ? &ST_CELL_B : &ST_CELL, w > 1 ? w : 1, al,
                  0);
}

/* The width of s[0..n) in table text (bold for header cells), in
 * hundredths of a point: the measure of jx_rtable_widths. */
static long cell_measure(void *ctx, const char *s, size_t n, bool bold)
{
    struct pdf *p = ctx;
    const struct tstyle *st = bold ? &ST_CELL_B : &ST_CELL;
    double w = 0;
    if (memchr(s, '\n', n) || !g_utf8_validate(s, (gssize)n, NULL)) {
        /* not one valid line: the layout itself (R406 as it reports) */
        w = lw(layout(p, jx_strndup(p->a, s, n), st, 0, AL_LEFT, 0));
    } else {
        /* the width lay_build gives one unwrapped line, summed in the
         * same order (so the same double), without building a layout:
         * advances of the characters, controls left out, a tab a space,
         * trailing spaces not counted */
        struct jx_pfont *pf = p->f->pf[st->bold ? 1 : 0];
        struct jx_pfont_metrics m = jx_pfont_metrics(pf);
        double em =
            st->size / (double)(m.units_per_em ? m.units_per_em : 1000);
        double x = 0;
        size_t i = 0;
        while (i < n) {
            int32_t c32;
            int k = jx_utf8_decode(s + i, n - i, &c32);
            if (k <= 0) {
                c32 = 0xfffd;
                k = 1;
            }
            uint32_t c = (uint32_t)c32;
            i += (size_t)k;
            if (c == '\t') {
                c = ' ';
            } else if (c == '\r' || c < 0x20 || c == 0x7f) {
                continue; /* a control draws nothing */
            }
            uint32_t g = jx_pfont_gid(pf, c);
            if (g == 0) {
                missing(p, c);
            }
            x += jx_pfont_advance(pf, g) * em;
            if (c != ' ') {
                w = x;
            }
        }
    }
    return (long)(w * 100 + 0.999);
}

/* The column edges (jx_rtable_widths): the relative widths (else equal
 * columns) across the text width, a column widened so that its numbers
 * and short words do not wrap, taking the room from columns with some
 * to spare. */
static void col_edges(struct pdf *p, struct tab *tb)
{
    int nc = tb->ncols;
    long *w = jx_alloc_array(p->a, (size_t)nc, sizeof *w);
    long total = (long)(BODY_W * 100);
    jx_rtable_widths(tb->t, nc, total, (long)((2 * CELL_PX + 1) * 100),
                     cell_measure, p, w);
    tb->x[0] = BODY_L;
    for (int c = 0; c < nc; c++) {
        tb->x[c + 1] = tb->x[c] + (double)w[c] / 100;
    }
    tb->x[nc] = BODY_L + BODY_W;
}

/* Check and index table t: limits (R407), cells outside the grid or
 * overlapping (R406, skipped), column edges, row heights, rows that must
 * stay together.  False when the table cannot be printed. */
static bool tab_prepare(struct pdf *p, struct tab *tb,
                        const struct jx_rtable *t, int no)
{
    memset(tb, 0, sizeof *tb);
    tb->t = t;
    tb->no = no;
    tb->nrows = t->nrows;
    tb->ncols = t->ncols;
    struct jx_loc loc = {.table = no};
    if (t->ncols < 1 || t->ncols > PDF_MAX_COLS || t->nrows < 0 ||
        t->nrows > PDF_MAX_ROWS) {
        report(p, "R407", JX_SEV_ERROR, &loc,
               "表格 %d 为 %d 行 %d 列，超出 PDF 的上限（%d 行、%d 列），未打印",
               no, t->nrows, t->ncols, PDF_MAX_ROWS, PDF_MAX_COLS);
        return false;
    }
    int nr = tb->nrows, nc = tb->ncols;
    struct jx_arena *a = p->a;
    tb->x = jx_alloc_array(a, (size_t)nc + 1, sizeof *tb->x);
    tb->h = jx_alloc_array(a, (size_t)nr + 1, sizeof *tb->h);
    tb->h_prep = jx_alloc_array(a, (size_t)nr + 1, sizeof *tb->h_prep);
    tb->cl = jx_alloc_array(a, t->ncells + 1, sizeof *tb->cl);
    tb->yr = jx_alloc_array(a, (size_t)nr + 1, sizeof *tb->yr);
    tb->nobreak = jx_alloc_array(a, (size_t)nr + 1, sizeof *tb->nobreak);
    tb->skip = jx_alloc_array(a, t->ncells + 1, sizeof *tb->skip);
    tb->occ = jx_alloc_array(a, (size_t)nr * (size_t)nc + 1, 1);
    tb->order = jx_alloc_array(a, t->ncells + 1, sizeof *tb->order);
    tb->first = jx_alloc_array(a, (size_t)nr + 2, sizeof *tb->first);

    /* printable cells: inside the grid, not overlapping an earlier one */
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        loc.row = c->row + 1;
        loc.column = c->col + 1;
        if (c->row < 0 || c->col < 0 || c->rowspan < 1 || c->colspan < 1 ||
            c->rowspan > nr - c->row || c->colspan > nc - c->col) {
            tb->skip[i] = true;
            report(p, "R406", JX_SEV_WARNING, &loc,
                   "表格 %d 第 %d 行第 %d 列的单元格超出表格范围，未打印", no,
                   c->row + 1, c->col + 1);
            continue;
        }
        bool overlap = false;
        for (int r = c->row; r < c->row + c->rowspan && !overlap; r++) {
            for (int k = c->col; k < c->col + c->colspan; k++) {
                if (tb->occ[(size_t)r * (size_t)nc + (size_t)k]) {
                    overlap = true;
                    break;
                }
            }
        }
        if (overlap) {
            tb->skip[i] = true;
            report(p, "R406", JX_SEV_WARNING, &loc,
                   "表格 %d 第 %d 行第 %d 列的单元格与其他单元格重叠，未打印",
                   no, c->row + 1, c->col + 1);
            continue;
        }
        for (int r = c->row; r < c->row + c->rowspan; r++) {
            memset(&tb->occ[(size_t)r * (size_t)nc + (size_t)c->col], 1,
                   (size_t)c->colspan);
        }
        if (c->rowspan > tb->maxspan) {
            tb->maxspan = c->rowspan;
        }
        if (c->flagged) {
            tb->flagged = true;
        }
    }

    col_edges(p, tb);

    /* cells by top row (counting sort) */
    for (size_t i = 0; i < t->ncells; i++) {
        if (!tb->skip[i]) {
            tb->first[t->cells[i].row + 1]++;
        }
    }
    for (int r = 0; r < nr; r++) {
        tb->first[r + 1] += tb->first[r];
    }
    size_t *fill = jx_alloc_array(a, (size_t)nr + 1, sizeof *fill);
    memcpy(fill, tb->first, ((size_t)nr + 1) * sizeof *fill);
    for (size_t i = 0; i < t->ncells; i++) {
        if (!tb->skip[i]) {
            tb->order[fill[t->cells[i].row]++] = i;
        }
    }

    /* the header: its rows plus any row a header cell reaches */
    tb->hdr = t->header_rows < nr ? t->header_rows : nr;
    if (tb->hdr < 0) {
        tb->hdr = 0;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        if (!tb->skip[i] && c->row < tb->hdr &&
            c->row + c->rowspan > tb->hdr) {
            tb->hdr = c->row + c->rowspan;
        }
    }

    /* row heights: one line at least, each cell's text, then merged
     * cells grow the last row they cover */
    struct lay *empty = layout(p, "", &ST_CELL, 0, AL_LEFT, 0);
    double minh = lh(empty) + 2 * CELL_PY;
    for (int r = 0; r < nr; r++) {
        tb->h[r] = minh;
    }
    double *need = jx_alloc_array(a, t->ncells + 1, sizeof *need);
    for (size_t i = 0; i < t->ncells; i++) {
        if (tb->skip[i]) {
            continue;
        }
        const struct jx_rcell *c = &t->cells[i];
        struct lay *l = tb->cl[i] = cell_layout(p, tb, c);
        need[i] = lh(l) + 2 * CELL_PY;
        if (c->rowspan == 1 && need[i] > tb->h[c->row]) {
            tb->h[c->row] = need[i];
        }
    }
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        if (tb->skip[i] || c->rowspan == 1) {
            continue;
        }
        double have = 0;
        for (int r = c->row; r < c->row + c->rowspan; r++) {
            have += tb->h[r];
        }
        if (need[i] > have) {
            tb->h[c->row + c->rowspan - 1] += need[i] - have;
        }
        /* a merged cell of a few rows keeps them together; one down a
         * whole block (绩效指标) lets it break between rows */
        if (c->row >= tb->hdr && (need[i] > have ? need[i] : have) <=
                                     BODY_H / 3) {
            for (int r = c->row + 1; r < c->row + c->rowspan; r++) {
                tb->nobreak[r] = true;
            }
        }
    }

    /* a header taller than half a page is not repeated: its rows flow as
     * body rows */
    double hh = 0;
    for (int r = 0; r < tb->hdr; r++) {
        hh += tb->h[r];
    }
    if (hh > BODY_H / 2) {
        for (size_t i = 0; i < t->ncells; i++) {
            const struct jx_rcell *c = &t->cells[i];
            if (!tb->skip[i] && c->row < tb->hdr) {
                for (int r = c->row + 1; r < c->row + c->rowspan; r++) {
                    tb->nobreak[r] = true;
                }
            }
        }
        tb->hdr = 0;
    }

    /* the second part's header row stays with the row after it; the
     * last row (总分, 合计) never starts a page alone */
    if (t->subhead_row > tb->hdr && t->subhead_row < nr - 1) {
        tb->sub = t->subhead_row;
        tb->nobreak[tb->sub + 1] = true;
    }
    if (nr - 1 > tb->hdr && nr - 1 != tb->sub) {
        tb->nobreak[nr - 1] = true;
    }
    memcpy(tb->h_prep, tb->h, ((size_t)nr + 1) * sizeof *tb->h);
    return true;
}

/* Table number no (t) prepared (tab_prepare) for this pass: the first
 * pass prepares it and keeps it, the second takes the kept one with its
 * row heights as prepared (no measuring or layout again).  NULL when
 * the table cannot be printed.  Owned by the pass's arena. */
static struct tab *tab_get(struct pdf *p, const struct jx_rtable *t, int no)
{
    if (no >= 1 && no <= p->ntabs && p->tabs[no - 1] &&
        p->tabs[no - 1]->t == t) {
        struct tab *tb = p->tabs[no - 1];
        memcpy(tb->h, tb->h_prep, ((size_t)tb->nrows + 1) * sizeof *tb->h);
        return tb;
    }
    struct tab *tb = jx_alloc(p->a, sizeof *tb);
    if (!tab_prepare(p, tb, t, no)) {
        return NULL;
    }
    if (no >= 1) {
        if (no > p->ntabs) {
            int n = no > 2 * p->ntabs ? no : 2 * p->ntabs;
            struct tab **v = realloc(p->tabs, (size_t)n * sizeof *v);
            if (!v) {
                jx_oom();
            }
            memset(v + p->ntabs, 0, (size_t)(n - p->ntabs) * sizeof *v);
            p->tabs = v;
            p->ntabs = n;
        }
        p->tabs[no - 1] = tb;
    }
    return tb;
}

/* Draw the part of cell c between the tops top and bottom bot: fill,
 * text (clipped to the box), border. */
static void draw_cell(struct pdf *p, const struct tab *tb,
                      const struct jx_rcell *c, double top, double bot)
{
    if (!p->draw) {
        return;
    }
    double x0 = tb->x[c->col], x1 = tb->x[c->col + c->colspan];
    if (c->flagged) {
        fill_rect(p, x0, top, x1 - x0, bot - top, &C_FLAG_BG);
    } else if (c->header) {
        fill_rect(p, x0, top, x1 - x0, bot - top, &C_HEAD);
    }
    struct lay *l = tb->cl[c - tb->t->cells];
    double th = lh(l);
    double room = bot - top - 2 * CELL_PY;
    double ty = top + CELL_PY + (room > th ? (room - th) / 2 : 0);
    clip(p, x0, top, x1 - x0, bot - top);
    show(p, l, x0 + CELL_PX, ty, c->flagged ? &C_FLAG : &C_BLACK);
    unclip(p);
    stroke_rect(p, x0, top, x1 - x0, bot - top, 0.6, &C_BLACK);
}

/* Draw rows [a, b) of the table with row a's top at y: the cells that
 * start in them or reach into them from above (split merged cells),
 * and an empty box for every position no cell covers. */
static void draw_rows(struct pdf *p, struct tab *tb, int a, int b, double y)
{
    if (!p->draw || a >= b) {
        return;
    }
    const struct jx_rtable *t = tb->t;
    tb->yr[a] = y;
    for (int r = a; r < b; r++) {
        tb->yr[r + 1] = tb->yr[r] + tb->h[r];
    }
    int from = a - tb->maxspan + 1;
    if (from < 0) {
        from = 0;
    }
    for (int r = from; r < b; r++) {
        for (size_t k = tb->first[r]; k < tb->first[r + 1]; k++) {
            const struct jx_rcell *c = &t->cells[tb->order[k]];
            int r0 = c->row > a ? c->row : a;
            int r1 = c->row + c->rowspan < b ? c->row + c->rowspan : b;
            if (r0 < r1) {
                draw_cell(p, tb, c, tb->yr[r0], tb->yr[r1]);
            }
        }
    }
    for (int r = a; r < b; r++) {
        for (int c = 0; c < tb->ncols; c++) {
            if (!tb->occ[(size_t)r * (size_t)tb->ncols + (size_t)c]) {
                stroke_rect(p, tb->x[c], tb->yr[r], tb->x[c + 1] - tb->x[c],
                            tb->h[r], 0.6, &C_BLACK);
            }
        }
    }
}

/* The row after the group of rows that must stay together from row r. */
static int group_end(const struct tab *tb, int r)
{
    int e = r + 1;
    while (e < tb->nrows && tb->nobreak[e]) {
        e++;
    }
    return e;
}

/* Sum of the heights of rows [a, b). */
static double rows_h(const struct tab *tb, int a, int b)
{
    double s = 0;
    for (int r = a; r < b; r++) {
        s += tb->h[r];
    }
    return s;
}

/* A table: title, the lines above, the rows page by page with the
 * header rows repeated, the line below and the note on flagged cells. */
static void table_block(struct pdf *p, const struct jx_rtable *t, int no)
{
    struct tab *tb = t ? tab_get(p, t, no) : NULL;
    if (!tb) {
        return;
    }
    double H = rows_h(tb, 0, tb->hdr);
    double g1 = tb->hdr < tb->nrows
                    ? rows_h(tb, tb->hdr, group_end(tb, tb->hdr))
                    : 0;

    /* the lines above: title, then above_left and above_right on one
     * line when they fit side by side */
    struct lay *tl = NULL, *al = NULL, *ar = NULL;
    double pre = 0;
    if (t->title && *t->title) {
        tl = layout(p, t->title, &ST_TTITLE, BODY_W, AL_CENTER, 0);
        pre += lh(tl) + 4;
    }
    if (t->above_left && *t->above_left) {
        al = layout(p, t->above_left, &ST_ABOVE, BODY_W, AL_LEFT, 0);
    }
    if (t->above_right && *t->above_right) {
        ar = layout(p, t->above_right, &ST_ABOVE, BODY_W, AL_RIGHT,
                    0);
    }
    bool side = al && ar &&
                lw(al) <= BODY_W && lw(ar) <= BODY_W &&
                al->nl == 1 && ar->nl == 1;
    if (side) {
        side = lw(al) + lw(ar) + 12 <= BODY_W;
    }
    if (side) {
        pre += (lh(al) > lh(ar) ? lh(al) : lh(ar)) + 3;
    } else {
        pre += (al ? lh(al) + 3 : 0) + (ar ? lh(ar) + 3 : 0);
    }
    space(p, 6);
    ensure(p, pre + H + (g1 < BODY_H ? g1 : 0));
    bool fresh_start = p->empty;
    if (tl) {
        flow(p, tl, BODY_L, &C_BLACK);
        p->y += 4;
    }
    if (side) {
        double hl = lh(al) > lh(ar) ? lh(al) : lh(ar);
        show(p, al, BODY_L, p->y, &C_BLACK);
        show(p, ar, BODY_L, p->y, &C_BLACK);
        p->y += hl + 3;
        p->empty = false;
    } else {
        if (al) {
            flow(p, al, BODY_L, &C_BLACK);
            p->y += 3;
        }
        if (ar) {
            flow(p, ar, BODY_L, &C_BLACK);
            p->y += 3;
        }
    }

    /* the line below, kept on the page of the last row */
    struct lay *bl = NULL;
    double below = 0;
    if (t->below && *t->below) {
        bl = layout(p, t->below, &ST_ABOVE, BODY_W, AL_LEFT, 0);
        below = lh(bl) + 3;
        below = below < BODY_H / 4 ? below : 0;
    }

    /* the rows, one segment per page; from the second part on, its
     * header row is the one repeated */
    int r = tb->hdr;
    int h0 = 0, h1 = tb->hdr;
    bool first = true;
    while (!p->stop) {
        bool fresh = p->empty || (first && fresh_start);
        if (tb->sub && r >= tb->sub && !first) {
            h0 = tb->sub;
            h1 = tb->sub + 1;
            H = rows_h(tb, h0, h1);
            r = r == tb->sub ? tb->sub + 1 : r;
        }
        double avail = BODY_BOTTOM - p->y - H;
        int a = r;
        double used = 0;
        while (r < tb->nrows) {
            int ge = group_end(tb, r);
            double gh = rows_h(tb, r, ge);
            double more = ge == tb->nrows ? below : 0;
            if (used + gh + more <= avail + 0.01) {
                used += gh;
                r = ge;
                continue;
            }
            if (r == a && (fresh || gh > BODY_H - H)) {
                /* a group taller than a page: split it between rows */
                while (r < ge && used + tb->h[r] <= avail + 0.01) {
                    used += tb->h[r++];
                }
                if (r == a) {
                    struct jx_loc loc = {.table = no, .row = r + 1};
                    report(p, "R405", JX_SEV_WARNING, &loc,
                           "表格 %d 第 %d 行高于一页，超出部分未打印", no,
                           r + 1);
                    tb->h[r] = avail - used > 1 ? avail - used : 1;
                    used += tb->h[r++];
                }
            }
            break;
        }
        if (r == a && r < tb->nrows) {
            new_page(p); /* nothing fits below what is on this page */
            first = false;
            continue;
        }
        double top = p->y;
        draw_rows(p, tb, h0, h1, top);
        draw_rows(p, tb, a, r, top + H);
        p->y = top + H + used;
        p->empty = false;
        first = false;
        if (r >= tb->nrows) {
            break;
        }
        new_page(p);
    }
    if (p->stop) {
        return;
    }
    p->y += 3;
    if (t->below && *t->below) {
        text_block(p, t->below, &ST_ABOVE, BODY_L, BODY_W, AL_LEFT, 0,
                   &C_BLACK);
    }
    if (tb->flagged) {
        text_block(p, "注：带 " FLAG_MARK " 的数值与按规则复核的结果不一致。",
                   &ST_ABOVE, BODY_L, BODY_W, AL_LEFT, 0, &C_FLAG);
    }
    p->y += 6;
}

/* ---- charts ------------------------------------------------------------ */

/* A value as a double, for placing it on the page only. */
static double rat_pos(struct jx_rat v)
{
    return v.den ? (double)v.num / (double)v.den : 0;
}

/* The fewest decimals (0..6) that show v exactly; 6 when none does. */
static int rat_decimals(struct jx_rat v)
{
    for (int k = 0; k < 6; k++) {
        struct jx_rat r;
        if (jx_rat_round(v, k, JX_ROUND_DOWN, &r) == JX_NUM_OK &&
            jx_rat_cmp(r, v) == 0) {
            return k;
        }
    }
    return 6;
}

/* The text of a chart value with dec decimals, rounded half up (exact,
 * from the rational). */
static const char *rat_label(struct pdf *p, struct jx_rat v, int dec)
{
    char buf[JX_NUM_BUFSZ];
    jx_rat_format(v, dec, false, JX_ROUND_HALF_UP, buf);
    return jx_strdup(p->a, buf);
}

/* A "nice" distance between axis graduations: 1, 2, 2.5 or 5 times a
 * power of ten (whole: 1, 2 or 5 times, at least 1), giving at most 5
 * steps over range (> 0). */
static double nice_step(double range, bool whole)
{
    double raw = range / 5, mag = 1;
    for (int i = 0; i < 40 && mag * 10 <= raw; i++) {
        mag *= 10;
    }
    for (int i = 0; i < 40 && mag > raw; i++) {
        mag /= 10;
    }
    double f = raw / mag;
    double m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 && !whole ? 2.5
               : f <= 5 ? 5 : 10;
    double step = m * mag;
    return whole && step < 1 ? 1 : step;
}

/* Decimals needed to print multiples of step (0 to 6). */
static int step_decimals(double step)
{
    int dec = 0;
    double s = step;
    while (dec < 6 && s - (double)(int64_t)s > 1e-9 * s) {
        s *= 10;
        dec++;
    }
    return dec;
}

/* Draw a legend entry: a swatch (filled, or outlined for the maxima)
 * and its name; returns its width (measure: draw nothing). */
static double legend_entry(struct pdf *p, const char *name, double x,
                           double y, const struct rgb *c, bool outline,
                           bool measure)
{
    struct lay *l = layout(p, name, &ST_CHART, 0, AL_LEFT, 0);
    double w = 12 + lw(l);
    if (!measure) {
        double h = lh(l);
        fill_rect(p, x, y + (h - 8) / 2, 8, 8, c);
        if (outline) {
            stroke_rect(p, x, y + (h - 8) / 2, 8, 8, 0.6, &C_GREY);
        }
        show(p, l, x + 12, y, &C_BLACK);
    }
    return w;
}

/* What chart_block() works out before drawing. */
struct chart {
    const struct jx_rchart *c;
    size_t n;            /* labels drawn */
    int ns;              /* series: 2 for PAIRS, 1 for BARS */
    bool hasmax;         /* BARS against maxima */
    const char **vtext;  /* n value labels (BARS with maxima: "v/max") */
    double alo, ahi;     /* the axis: klo * step .. khi * step */
    int64_t klo, khi;
    double step;
    int tdec;            /* decimals of the graduations */
    double label_w;      /* width of the label column */
    int label_lines;     /* lines a label may take */
    double vtext_w;      /* widest value label */
    double rh, bar_h;    /* height of a label's row, of one bar */
};

/* The chart's axis (from 0, covering every value and maximum) and its
 * value labels. */
static void chart_axis(struct pdf *p, struct chart *k)
{
    const struct jx_rchart *c = k->c;
    /* decimals of the values: the most any needs, at least 2 for money
     * or any fraction (as the HTML writer) */
    int vdec = 0;
    for (int s = 0; s < k->ns; s++) {
        for (size_t i = 0; c->values[s] && i < k->n; i++) {
            int d = rat_decimals(c->values[s][i]);
            vdec = d > vdec ? d : vdec;
        }
    }
    if ((vdec > 0 && vdec < 2) || (c->unit && strstr(c->unit, "元"))) {
        vdec = vdec < 2 ? 2 : vdec;
    }
    bool whole = vdec == 0;
    double lo = 0, hi = 0;
    k->vtext = jx_alloc_array(p->a, (k->n ? k->n : 1) * 2, sizeof *k->vtext);
    for (size_t i = 0; i < k->n; i++) {
        for (int s = 0; s < k->ns; s++) {
            struct jx_rat v = c->values[s] ? c->values[s][i] : jx_rat_int(0);
            double x = rat_pos(v);
            lo = x < lo ? x : lo;
            hi = x > hi ? x : hi;
            k->vtext[2 * i + (size_t)s] = rat_label(p, v, vdec);
        }
        if (k->hasmax) {
            double m = rat_pos(c->max[i]);
            lo = m < lo ? m : lo;
            hi = m > hi ? m : hi;
            whole = whole && jx_rat_is_int(c->max[i]);
            k->vtext[2 * i] = jx_sprintf(
                p->a, "%s/%s", k->vtext[2 * i],
                rat_label(p, c->max[i], rat_decimals(c->max[i])));
        }
    }
    if (hi - lo <= 0) {
        hi = lo + 1;
    }
    k->step = nice_step(hi - lo, whole);
    int64_t khi = (int64_t)(hi / k->step), klo = (int64_t)(lo / k->step);
    if ((double)khi * k->step < hi - 1e-12 * k->step) {
        khi++;
    }
    if ((double)klo * k->step > lo + 1e-12 * k->step) {
        klo--;
    }
    k->khi = khi;
    k->klo = klo;
    k->ahi = (double)khi * k->step;
    k->alo = (double)klo * k->step;
    k->tdec = step_decimals(k->step);
}

/* The x of value v on the axis of a plot from x0, w wide. */
static double chart_x(const struct chart *k, double v, double x0, double w)
{
    return x0 + (v - k->alo) / (k->ahi - k->alo) * w;
}

/* A chart as a vector drawing of horizontal bars (as in the HTML): title;
 * legend and unit; per label a row with the label at the left and its
 * bars (PAIRS: two; BARS: one, over a grey track of its maximum when
 * set) ending in their values; graduations along the bottom.  Rows
 * shrink so that the chart fits on one page. */
static void chart_block(struct pdf *p, const struct jx_rchart *c)
{
    if (!c) {
        return;
    }
    struct chart k;
    memset(&k, 0, sizeof k);
    k.c = c;
    k.n = c->n;
    if (k.n > PDF_MAX_BARS) {
        report(p, "R406", JX_SEV_WARNING, NULL,
               "图表“%s”有 %zu 项，只打印前 %d 项", c->title ? c->title : "",
               k.n, PDF_MAX_BARS);
        k.n = PDF_MAX_BARS;
    }
    k.ns = c->kind == JX_CHART_PAIRS ? 2 : 1;
    k.hasmax = c->kind == JX_CHART_BARS && c->max;
    chart_axis(p, &k);

    /* sizes: label column, value labels, rows */
    struct lay *tl = layout(p, c->title ? c->title : "", &ST_CTITLE, BODY_W,
                             AL_CENTER, 0);
    double title_h = c->title && *c->title ? lh(tl) + 4 : 0;
    struct lay *probe = layout(p, "0", &ST_CHART, 0, AL_LEFT, 0);
    double small_h = lh(probe);
    double widest = 0;
    for (size_t i = 0; i < k.n; i++) {
        struct lay *l = layout(p, c->labels ? c->labels[i] : "", &ST_CHART,
                                0, AL_LEFT, 0);
        widest = lw(l) > widest ? lw(l) : widest;
        for (int s = 0; s < k.ns; s++) {
            const char *vt = k.vtext[2 * i + (size_t)s];
            if (!vt || (k.hasmax && s > 0)) {
                continue;
            }
            l = layout(p, vt, &ST_CVAL, 0, AL_LEFT, 0);
            k.vtext_w = lw(l) > k.vtext_w ? lw(l) : k.vtext_w;
        }
    }
    k.label_w = widest < 24 ? 24 : widest > BODY_W * 0.3 ? BODY_W * 0.3
                                                          : widest;
    k.label_lines = 2;
    k.bar_h = k.ns == 2 ? 9 : 11;
    k.rh = (double)k.ns * k.bar_h + (double)(k.ns - 1) + 8;
    if (widest > k.label_w && k.rh < 2 * small_h + 4) {
        k.rh = 2 * small_h + 4;
    }
    double fixed = title_h + small_h + 6 + 4 + small_h + 3 + 8;
    double plot_h = k.n ? (double)k.n * k.rh : 30;
    if (plot_h > BODY_H - fixed) {
        /* crowded: one line per label, thinner bars */
        plot_h = BODY_H - fixed;
        k.rh = plot_h / (double)k.n;
        k.label_lines = 1;
        k.bar_h = (k.rh - 3 - (double)(k.ns - 1)) / (double)k.ns;
        k.bar_h = k.bar_h < 1.5 ? 1.5 : k.bar_h;
    }
    double total = fixed + plot_h;
    space(p, 6);
    ensure(p, total);
    if (p->stop) {
        return;
    }
    double y0 = p->y;
    if (title_h > 0) {
        show(p, tl, BODY_L, y0, &C_BLACK);
    }

    /* legend centred, unit at the left */
    const char *maxname = "分值";
    double lwid = 0;
    for (int s = 0; s < k.ns; s++) {
        if (c->series[s] && *c->series[s]) {
            lwid += legend_entry(p, c->series[s], 0, 0, &C_SERIES[s], false,
                                 true) + 12;
        }
    }
    if (k.hasmax) {
        lwid += legend_entry(p, maxname, 0, 0, &C_MAXBAR, true, true) + 12;
    }
    double lx = BODY_L + (BODY_W - lwid) / 2, ly = y0 + title_h;
    for (int s = 0; s < k.ns; s++) {
        if (c->series[s] && *c->series[s]) {
            lx += legend_entry(p, c->series[s], lx, ly, &C_SERIES[s], false,
                               false) + 12;
        }
    }
    if (k.hasmax) {
        legend_entry(p, maxname, lx, ly, &C_MAXBAR, true, false);
    }
    if (c->unit && *c->unit) {
        struct lay *l = layout(p, jx_sprintf(p->a, "单位：%s", c->unit),
                                &ST_CHART, 0, AL_LEFT, 0);
        show(p, l, BODY_L, ly, &C_GREY);
    }

    /* the plot: graduations and grid lines */
    double pt = ly + small_h + 6, pb = pt + plot_h;
    double px = BODY_L + k.label_w + 6;
    double pw = BODY_W - k.label_w - 6 - k.vtext_w - 6;
    if (k.n == 0) {
        struct lay *l = layout(p, "（无数据）", &ST_CHART, BODY_W,
                                AL_CENTER, 0);
        show(p, l, BODY_L, pt + (plot_h - lh(l)) / 2, &C_GREY);
        p->y = y0 + total;
        p->empty = false;
        return;
    }
    for (int64_t t = k.klo; t <= k.khi; t++) {
        double v = (double)t * k.step;
        double x = chart_x(&k, v, px, pw);
        line(p, x, pt, x, pb + 2, t == 0 ? 0.6 : 0.4,
             t == 0 ? &C_GREY : &C_GRID);
        char tick[64];
        snprintf(tick, sizeof tick, "%.*f", k.tdec, v);
        struct lay *l = layout(p, tick, &ST_CHART, 0, AL_LEFT, 0);
        show(p, l, x - lw(l) / 2, pb + 3, &C_GREY);
    }
    line(p, px, pb, px + pw, pb, 0.6, &C_GREY);

    /* one row per label */
    double x_zero = chart_x(&k, 0, px, pw);
    double block = (double)k.ns * k.bar_h + (double)(k.ns - 1);
    for (size_t i = 0; i < k.n; i++) {
        double rt = pt + k.rh * (double)i;
        double by = rt + (k.rh - block) / 2;
        struct lay *l = layout_n(p, c->labels ? c->labels[i] : "",
                                 &ST_CHART, k.label_w, AL_RIGHT, 0,
                                 k.label_lines);
        show(p, l, BODY_L, rt + (k.rh - lh(l)) / 2, &C_BLACK);
        double end = x_zero; /* where the value label goes */
        if (k.hasmax) {
            double xm = chart_x(&k, rat_pos(c->max[i]), px, pw);
            double x0 = xm < x_zero ? xm : x_zero;
            fill_rect(p, x0, by - 2, xm < x_zero ? x_zero - xm : xm - x_zero,
                      block + 4, &C_MAXBAR);
            stroke_rect(p, x0, by - 2,
                        xm < x_zero ? x_zero - xm : xm - x_zero, block + 4,
                        0.5, &C_GREY);
            end = xm;
        }
        for (int s = 0; s < k.ns; s++) {
            struct jx_rat rv = c->values[s] ? c->values[s][i]
                                            : jx_rat_int(0);
            double xv = chart_x(&k, rat_pos(rv), px, pw);
            double yb = by + (double)s * (k.bar_h + 1);
            fill_rect(p, xv < x_zero ? xv : x_zero, yb,
                      xv < x_zero ? x_zero - xv : xv - x_zero, k.bar_h,
                      &C_SERIES[s]);
            if (k.hasmax) {
                end = xv > end ? xv : end;
                continue;
            }
            struct lay *vl = layout(p, k.vtext[2 * i + (size_t)s], &ST_CVAL,
                                     0, AL_LEFT, 0);
            double vx = xv < x_zero ? xv - 2 - lw(vl) : xv + 2;
            show(p, vl, vx, yb + (k.bar_h - lh(vl)) / 2, &C_BLACK);
        }
        if (k.hasmax) {
            struct lay *vl = layout(p, k.vtext[2 * i], &ST_CVAL, 0,
                                     AL_LEFT, 0);
            show(p, vl, end + 2, by + (block - lh(vl)) / 2, &C_BLACK);
        }
    }
    p->y = y0 + total;
    p->empty = false;
}

/* ---- the passes ------------------------------------------------------- */

/* Append the Info dictionary entry /key with s as a text string. */
static void info_entry(struct pdf *p, const char *key, const char *s)
{
    jx_buf_addf(p->w.out, " /%s ", key);
    jx_pdf_text_string(p->w.out, s);
}

/* Write the document's Info: Title, Author, Subject, Creator "jixiao",
 * Producer, and the Keywords that record the generated regions drawn,
 * for jixiao's PDF importer to leave out what jixiao added (the DOCX
 * leaves it out, the HTML marks it): "jixiao-generated/1" then, per
 * region, " PAGE:Y0:Y1:N:HASH" with PAGE from 1, Y0 and Y1 the band in
 * hundredths of a point from the top of the page, N and HASH (8 hex
 * digits) the bag of characters drawn there (struct jx_text_bag).  The
 * importer drops a band only when the Creator is "jixiao" and the
 * characters it reads there make the same bag.  No regions: no
 * Keywords. */
static void metadata(struct pdf *p, int num)
{
    const struct jx_report_doc *d = p->d;
    jx_pdfobj_open(&p->w, num);
    jx_buf_adds(p->w.out, "<<");
    if (d->title && *d->title) {
        info_entry(p, "Title", clean(p, d->title));
    }
    if (d->unit_name && *d->unit_name) {
        info_entry(p, "Author", clean(p, d->unit_name));
    }
    if (d->subtitle && *d->subtitle) {
        info_entry(p, "Subject", clean(p, d->subtitle));
    }
    jx_buf_adds(p->w.out, " /Creator (" JX_PDF_CREATOR ") /Producer ("
                          JX_PDF_CREATOR ")");
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    jx_buf_adds(&b, JX_PDF_GENERATED_TAG);
    size_t n = 0;
    for (size_t i = 0; i < p->nreg; i++) {
        const struct gregion *g = &p->reg[i];
        if (g->y0 > g->y1) {
            continue;
        }
        long y0 = (long)(g->y0 * 100), y1 = (long)(g->y1 * 100) + 1;
        y0 = y0 < 0 ? 0 : y0;
        jx_buf_addf(&b, " %d:%ld:%ld:%lu:%08lx", g->page, y0, y1,
                    (unsigned long)g->bag.n, (unsigned long)g->bag.hash);
        n++;
    }
    if (n > 0 && !b.toobig) {
        jx_buf_adds(p->w.out, " /Keywords (");
        jx_buf_add(p->w.out, b.p, b.len);
        jx_buf_adds(p->w.out, ")");
    }
    jx_buf_release(&b);
    jx_buf_adds(p->w.out, " >>");
    jx_pdfobj_end(&p->w);
}

/* Write the outline (bookmarks) of the headings; its object number, 0
 * when there is none. */
static int outlines(struct pdf *p)
{
    if (p->noutl == 0) {
        return 0;
    }
    struct outl *o = p->outl;
    int root = jx_pdfobj_reserve(&p->w);
    int rfirst = -1, rlast = -1, rcount = 0;
    for (size_t i = 0; i < p->noutl; i++) {
        o[i].obj = jx_pdfobj_reserve(&p->w);
        o[i].first = o[i].last = o[i].next = o[i].prev = -1;
        o[i].count = 0;
    }
    for (size_t i = 0; i < p->noutl; i++) {
        int par = o[i].parent;
        int *first = par < 0 ? &rfirst : &o[par].first;
        int *last = par < 0 ? &rlast : &o[par].last;
        if (*last >= 0) {
            o[*last].next = (int)i;
            o[i].prev = *last;
        } else {
            *first = (int)i;
        }
        *last = (int)i;
        if (par < 0) {
            rcount++;
        } else {
            o[par].count++;
        }
    }
    struct jx_buf *b = p->w.out;
    jx_pdfobj_open(&p->w, root);
    jx_buf_addf(b, "<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>",
                o[rfirst].obj, o[rlast].obj, rcount);
    jx_pdfobj_end(&p->w);
    for (size_t i = 0; i < p->noutl; i++) {
        jx_pdfobj_open(&p->w, o[i].obj);
        jx_buf_adds(b, "<< /Title ");
        jx_pdf_text_string(b, o[i].title);
        jx_buf_addf(b, " /Parent %d 0 R",
                    o[i].parent < 0 ? root : o[o[i].parent].obj);
        if (o[i].prev >= 0) {
            jx_buf_addf(b, " /Prev %d 0 R", o[o[i].prev].obj);
        }
        if (o[i].next >= 0) {
            jx_buf_addf(b, " /Next %d 0 R", o[o[i].next].obj);
        }
        if (o[i].first >= 0) {
            jx_buf_addf(b, " /First %d 0 R /Last %d 0 R /Count %d",
                        o[o[i].first].obj, o[o[i].last].obj,
                        o[i].open ? o[i].count : -o[i].count);
        }
        jx_buf_addf(b, " /Dest [%d 0 R /XYZ 0 ", p->page_obj[o[i].page - 1]);
        num(b, PAGE_H - o[i].y);
        jx_buf_adds(b, "0] >>");
        jx_pdfobj_end(&p->w);
    }
    return root;
}

/* Add an outline entry for a heading of level lv (1..3) on this page at
 * the current height (second pass). */
static void add_outline(struct pdf *p, int lv, const char *title)
{
    if (p->noutl == p->capoutl) {
        p->capoutl = p->capoutl ? 2 * p->capoutl : 16;
        p->outl = realloc(p->outl, p->capoutl * sizeof *p->outl);
        if (!p->outl) {
            jx_oom();
        }
    }
    struct outl *o = &p->outl[p->noutl];
    memset(o, 0, sizeof *o);
    o->parent = lv > 1 ? p->outline[lv - 2] : -1;
    o->title = title;
    o->page = p->page;
    o->y = (int)p->y;
    o->open = lv == 1;
    p->outline[lv - 1] = (int)p->noutl;
    for (int i = lv; i < 3; i++) {
        p->outline[i] = (int)p->noutl;
    }
    p->noutl++;
}

/* Write what the second pass drew: fonts, resources, pages, outline,
 * Info, catalog, xref.  -1 with *err when a font subset fails. */
static int finish_file(struct pdf *p, const char **err)
{
    static const char *const tags[2] = {"JXAAAA", "JXAAAB"};
    struct jx_pdfobj *w = &p->w;
    struct jx_buf *b = w->out;
    for (int k = 0; k < 2; k++) {
        if (p->font_used[k] &&
            jx_pdf_fontuse_write(w, &p->f->use[k], p->font_obj[k], tags[k],
                                 err) < 0) {
            return -1;
        }
    }
    jx_pdfobj_open(w, p->res_obj);
    jx_buf_adds(b, "<< /ProcSet [/PDF /Text] /Font <<");
    for (int k = 0; k < 2; k++) {
        if (p->font_used[k]) {
            jx_buf_addf(b, " /F%d %d 0 R", k + 1, p->font_obj[k]);
        }
    }
    jx_buf_adds(b, " >> >>");
    jx_pdfobj_end(w);
    int pages = jx_pdfobj_reserve(w);
    for (int i = 0; i < p->page; i++) {
        jx_pdfobj_open(w, p->page_obj[i]);
        jx_buf_addf(b, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 ", pages);
        num(b, PAGE_W);
        num(b, PAGE_H);
        jx_buf_addf(b, "] /Resources %d 0 R /Contents %d 0 R >>", p->res_obj,
                    p->content_obj[i]);
        jx_pdfobj_end(w);
    }
    jx_pdfobj_open(w, pages);
    jx_buf_adds(b, "<< /Type /Pages /Kids [");
    for (int i = 0; i < p->page; i++) {
        jx_buf_addf(b, "%s%d 0 R", i ? " " : "", p->page_obj[i]);
    }
    jx_buf_addf(b, "] /Count %d >>", p->page);
    jx_pdfobj_end(w);
    int out = outlines(p);
    int info = jx_pdfobj_reserve(w);
    metadata(p, info);
    int cat = jx_pdfobj_reserve(w);
    jx_pdfobj_open(w, cat);
    jx_buf_addf(b, "<< /Type /Catalog /Pages %d 0 R", pages);
    if (out) {
        jx_buf_addf(b, " /Outlines %d 0 R /PageMode /UseOutlines", out);
    }
    jx_buf_adds(b, " >>");
    jx_pdfobj_end(w);
    jx_pdfobj_finish(w, cat, info);
    return 0;
}

/* Lay out (and in the second pass draw into out) the whole document.
 * -1 with *err when the file cannot be finished (a font subset). */
static int run_pass(struct pdf *p, struct jx_buf *out, const char **err)
{
    if (p->draw) {
        jx_pdfobj_begin(&p->w, out);
        for (int k = 0; k < 2; k++) {
            jx_pdf_fontuse_reset(&p->f->use[k]);
            p->font_obj[k] = jx_pdfobj_reserve(&p->w);
            p->font_used[k] = false;
        }
        p->res_obj = jx_pdfobj_reserve(&p->w);
        jx_buf_init(&p->cs, JX_REPORT_MAX_BYTES);
        p->noutl = 0;
    }
    p->page = 0;
    p->stop = false;
    p->nreg = 0;
    p->gen = false;
    p->newreg = true;
    p->bad_utf8 = false;
    for (int i = 0; i < 3; i++) {
        p->outline[i] = -1;
    }
    if (!p->draw) {
        /* the page furniture is drawn by the second pass only: laid out
         * here so that what it shows is checked (R406, R408) */
        if (p->d->header) {
            layout_n(p, p->d->header, &ST_RUN, BODY_W, AL_CENTER, 0, 1);
        }
        if (p->d->footer) {
            layout(p, p->d->footer, &ST_RUN, BODY_W, AL_CENTER, 0);
        }
    }
    begin_page(p);
    title_block(p);
    int tableno = 0;
    const struct jx_report_doc *d = p->d;
    for (size_t i = 0; i < d->nblocks && !p->stop; i++) {
        const struct jx_rblock *b = &d->blocks[i];
        /* consecutive generated blocks make one region */
        bool gen = b->generated || b->kind == JX_RB_CHART;
        p->newreg = p->newreg || (gen && !p->gen);
        p->gen = gen;
        switch (b->kind) {
        case JX_RB_HEADING:
            heading_block(p, b, i + 1 < d->nblocks ? b + 1 : NULL);
            break;
        case JX_RB_PARA:
            para_block(p, b);
            break;
        case JX_RB_TABLE:
            table_block(p, b->table, ++tableno);
            break;
        case JX_RB_CHART:
            chart_block(p, b->chart);
            break;
        case JX_RB_DETAILS:
            details_block(p, b->details);
            break;
        case JX_RB_PAGEBREAK:
            if (!p->empty) {
                new_page(p);
            }
            break;
        }
    }
    p->gen = false;
    if (!p->stop) {
        end_page(p);
    }
    int rc = 0;
    if (p->draw) {
        jx_buf_release(&p->cs);
        if (p->stop) {
            jx_pdfobj_abandon(&p->w);
        } else {
            rc = finish_file(p, err);
            if (rc < 0) {
                jx_pdfobj_abandon(&p->w);
            }
        }
    }
    return rc;
}

/* Warn (R408) about the characters the font lacks, drawn as .notdef
 * (an empty box) with their text kept in the ToUnicode CMap: once per
 * document, the first few named. */
static void report_missing(struct pdf *p)
{
    if (p->nmiss_all == 0) {
        return;
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (size_t i = 0; i < p->nmiss; i++) {
        char u[8];
        size_t k = 0;
        uint32_t c = p->miss[i];
        if (c < 0x80) {
            u[k++] = (char)c;
        } else if (c < 0x800) {
            u[k++] = (char)(0xc0 | c >> 6);
            u[k++] = (char)(0x80 | (c & 0x3f));
        } else if (c < 0x10000) {
            u[k++] = (char)(0xe0 | c >> 12);
            u[k++] = (char)(0x80 | ((c >> 6) & 0x3f));
            u[k++] = (char)(0x80 | (c & 0x3f));
        } else {
            u[k++] = (char)(0xf0 | c >> 18);
            u[k++] = (char)(0x80 | ((c >> 12) & 0x3f));
            u[k++] = (char)(0x80 | ((c >> 6) & 0x3f));
            u[k++] = (char)(0x80 | (c & 0x3f));
        }
        u[k] = '\0';
        jx_buf_addf(&b, "%s“%s”（U+%04X）", i ? "、" : "", u, (unsigned)c);
    }
    report(p, "R408", JX_SEV_WARNING, NULL,
           "字体“%s”缺少 %zu 个字符（%s%s），PDF 中以空框打印，文本照原样保留",
           FAMILY_SANS, p->nmiss_all, b.p,
           p->nmiss_all > p->nmiss ? "等" : "");
    jx_buf_release(&b);
}

/* Where the faces are looked for: Debian's fonts-noto-cjk, then other
 * systems' places; face 2 of each TTC is the SC (Simplified Chinese)
 * one. */
static const char *const FONT_DIRS[] = {
    "/usr/share/fonts/opentype/noto/",
    "/usr/share/fonts/noto-cjk/",
    "/usr/share/fonts/google-noto-cjk/",
    "/usr/share/fonts/OTF/",
};

/* Open the two faces once per process (pthread_once). */
static void open_pfonts(void)
{
    static const char *const files[2] = {"NotoSansCJK-Regular.ttc",
                                         "NotoSansCJK-Bold.ttc"};
    for (int k = 0; k < 2; k++) {
        for (size_t i = 0; i < sizeof FONT_DIRS / sizeof FONT_DIRS[0] &&
                           !g_pfont[k];
             i++) {
            char path[512];
            snprintf(path, sizeof path, "%s%s", FONT_DIRS[i], files[k]);
            const char *err = NULL;
            g_pfont[k] = jx_pfont_open(path, 2, &err);
        }
    }
}

/* A new fonts object (report.h): the process's prepared faces (opened by
 * the first object made) and empty code tables. */
struct jx_pdf_fonts *jx_pdf_fonts_new(void)
{
    pthread_once(&g_pfont_once, open_pfonts);
    struct jx_pdf_fonts *f = jx_xmalloc(sizeof *f);
    memset(f, 0, sizeof *f);
    pthread_mutex_init(&f->lock, NULL);
    f->missing = !g_pfont[0] || !g_pfont[1];
    for (int k = 0; k < 2; k++) {
        f->pf[k] = g_pfont[k];
        jx_pdf_fontuse_init(&f->use[k], f->pf[k]);
    }
    return f;
}

/* Free f (the faces stay, the process's) (NULL: nothing). */
void jx_pdf_fonts_free(struct jx_pdf_fonts *f)
{
    if (!f) {
        return;
    }
    for (int k = 0; k < 2; k++) {
        jx_pdf_fontuse_release(&f->use[k]);
    }
    pthread_mutex_destroy(&f->lock);
    free(f);
}

/* The PDF of d appended to out with fonts f (report.h): 0, or -1 with
 * the reasons in diags (out is then left as it was).  Holds f's lock
 * throughout. */
int jx_report_pdf_with(struct jx_pdf_fonts *f, const struct jx_report_doc *d,
                       struct jx_buf *out, struct jx_diags *diags)
{
    struct pdf p;
    memset(&p, 0, sizeof p);
    p.d = d;
    p.diags = diags;
    p.a = jx_arena_new();
    p.f = f;
    if (f->missing) {
        report(&p, "R404", JX_SEV_ERROR, NULL,
               "未安装字体“%s”（Debian 软件包 fonts-noto-cjk），无法生成 PDF",
               FAMILY_SANS);
        jx_arena_free(p.a);
        return -1;
    }
    p.cache = g_hash_table_new(lkey_hash, lkey_equal);
    pthread_mutex_lock(&f->lock);
    /* first pass: count the pages */
    const char *err = NULL;
    run_pass(&p, NULL, &err);
    report_missing(&p);
    if (p.errors == 0) {
        /* second pass: draw, now knowing the number of pages */
        int pages = p.page;
        size_t start = out->len;
        p.total = pages;
        p.draw = true;
        int rc = run_pass(&p, out, &err);
        bool toobig = out->toobig || out->len - start > JX_REPORT_MAX_BYTES;
        p.draw = false;
        if (rc < 0 || toobig) {
            if (toobig) {
                report(&p, "R403", JX_SEV_ERROR, NULL,
                       "PDF 超过 %u 字节的上限，未生成",
                       (unsigned)(out->max < JX_REPORT_MAX_BYTES
                                      ? out->max
                                      : JX_REPORT_MAX_BYTES));
            } else {
                report(&p, "R401", JX_SEV_ERROR, NULL, "PDF 生成失败：%s",
                       err ? err : "?");
            }
            if (out->len != start) {
                out->len = start;
                out->p[start] = '\0';
            }
            out->toobig = false;
        } else if (p.page != pages) {
            JX_BUG("PDF passes laid out different page counts");
        }
    }
    g_hash_table_destroy(p.cache);
    pthread_mutex_unlock(&f->lock);
    free(p.reg);
    free(p.page_obj);
    free(p.content_obj);
    free(p.outl);
    free(p.miss_seen);
    free(p.tabs);
    jx_arena_free(p.a);
    return p.errors ? -1 : 0;
}

/* The PDF of d with a fonts object of its own, freed at the end (the
 * faces stay prepared for the process) (report.h). */
int jx_report_pdf(const struct jx_report_doc *d, struct jx_buf *out,
                  struct jx_diags *diags)
{
    struct jx_pdf_fonts *f = jx_pdf_fonts_new();
    int rc = jx_report_pdf_with(f, d, out, diags);
    jx_pdf_fonts_free(f);
    return rc;
}
