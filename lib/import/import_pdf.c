/*
 * import_pdf.c - a PDF to the neutral document through poppler-glib:
 * every character with its box, then words, lines, tables and
 * paragraphs from the geometry alone (no ruling lines needed).
 *
 * Guards first, on the bytes, before poppler parses anything: the size,
 * the count of "obj" keywords (lim->max_pdf_objects), the nesting of
 * dictionaries and arrays outside streams (MAX_NEST), and the
 * cross-reference table that startxref points at (a "xref" table or a
 * cross-reference stream object must be there; poppler would otherwise
 * reconstruct it by scanning the whole file).  Then poppler opens the
 * document (a password it cannot open with ⇒ encrypted) with page and
 * per-page character limits.
 *
 * Layout, per page:
 *   characters (blanks dropped, but remembered as a space before the
 *     next character when the gap passes 0.16 of the height) → lines:
 *     sorted by vertical centre, a new line when the centre moves by
 *     more than 0.45 of the height;
 *   the page drawn once into a bitmap (2 pixels per point) to find its
 *     rules: horizontal runs of 20 points and vertical runs of 13
 *     points of dark pixels (table borders; no text stroke is that
 *     long at body sizes);
 *   a line → pieces: split where the horizontal gap passes 0.6 of the
 *     line's character height, or where a vertical rule crosses;
 *   ruled tables: the lines with vertical rules left and right of
 *     them; columns are the spaces between the vertical rules, rows the
 *     bands between the horizontal rules, and a piece belongs to the
 *     cell bounded by the nearest rules around it, so a merged cell
 *     spans its rows and columns and its wrapped lines join into one
 *     text; positions no cell covers become empty cells;
 *   unruled tables (no rules needed): a run of lines of two or more
 *     pieces (and the one-piece lines between them that fit inside one
 *     column) with no large vertical gap; columns are the x-ranges the
 *     pieces of most lines cover, separated by x-gaps shared by the
 *     rows; a piece over several columns spans them; rows are the
 *     lines, a line continuing the row above when each of its pieces
 *     sits under a piece that reached its column's right edge;
 *   the rest: paragraphs, a line joined to the one before when that one
 *     reaches the right margin and this one is not indented (also
 *     across a page break);
 *   running headers and footers (the same first or last line as on the
 *     page before, "第 N 页", a bare page number) dropped.
 * A table continued on the next page with the same columns is joined
 * to it, its repeated header rows dropped.
 *
 * Paragraph lines: a line indented 1-3.5 characters starts a
 * paragraph unless the line before was indented too (a block indented
 * as a whole); once a paragraph indenting its first line only was seen,
 * an indented line after a paragraph's indented first line starts the
 * next paragraph all the same.
 *
 * jixiao's own PDF (Creator "jixiao") lists the page regions of its
 * generated blocks in its Keywords (report_pdf.c: "jixiao-generated/1
 * PAGE:Y0:Y1:N:HASH ..."): a region is left out (its characters, and
 * its drawing when looking for rules) only when the characters read
 * there make the recorded bag (struct jx_text_bag); otherwise it is
 * read with the warning I508.  Any other PDF is read whole.
 *
 * What a PDF cannot carry: whether a space stood between a Chinese
 * character and a Latin letter or digit (layout engines draw a gap
 * there either way).
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MADV_HUGEPAGE (white_bitmap) */

#include "jixiao/import.h"
#include "import/import_formats.h"

#include <cairo.h>
#include <poppler.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JX_PDF_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(JX_PDF_ASAN)
#include <sanitizer/asan_interface.h>
#else
#define ASAN_POISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#endif

/* Deepest nesting of << >> and [ ] outside streams. */
#define MAX_NEST 100

/* Most columns a page table may have. */
#define MAX_COLS 64

/* A character on a page. */
struct glyph {
    char u[8];    /* UTF-8 */
    double x1, y1, x2, y2;
    bool space;   /* a blank stood before it in poppler's text */
};

/* A piece: characters of one line close together. */
struct piece {
    double x1, x2;
    char *text; /* malloc'd */
    int c0, c1; /* columns covered (tables) */
};

/* A line of pieces. */
struct line {
    double y1, y2, h; /* top, bottom, character height */
    struct piece *p;
    int np;
    bool multi; /* two or more pieces */
    int table;  /* table region id + 1, or 0 */
};

/* A page region jixiao's PDF writer lists as generated (report_pdf.c):
 * page from 1, the band y0..y1 in hundredths of a point from the top,
 * and the bag of characters drawn there. */
struct gmark {
    int page;
    long y0, y1;
    struct jx_text_bag bag;
};

/* Most generated regions read from a PDF's Keywords, and on one page
 * (the writer merges consecutive generated blocks into one region). */
#define MAX_GMARKS 20000
#define MAX_PAGE_GMARKS 32

/* A vertical rule segment of a page, in points. */
struct vrule {
    double x, y0, y1;
};

/* The state of one import. */
struct pctx {
    struct jx_doc *doc;
    const struct jx_limits *lim;
    struct jx_diags *diags;
    size_t cells;
    bool failed;
    /* the last table of the previous page, for joining */
    struct jx_doc_table *last;
    double lastcols[MAX_COLS + 1];
    int lastncols;
    int lastrow;  /* next row index in last */
    bool last_at_end; /* last was the page's final block */
    bool last_joined; /* the last build_table continued a table */
    char *prev_first, *prev_last; /* first and last line of the page
                                     before (running header, footer) */
    bool carry; /* the page before ended inside a paragraph */
    bool first_indent; /* a paragraph was seen indenting its first line
                          only */
    double right; /* the right margin: the furthest a line reached */
    int rendered; /* pages drawn to find rules so far */
    /* the current page's horizontal rules (y in points, top down) */
    double *rules;
    size_t nrules;
    /* and its vertical rules (x, y0..y1 in points) */
    struct vrule *vr;
    size_t nvr, capvr;
    /* and its horizontal rule segments (x as y, y0..y1 as x0..x1) */
    struct vrule *hs;
    size_t nhs, caphs;
    /* the generated regions the PDF lists (only in jixiao's own) */
    struct gmark *gm;
    size_t ngm;
    /* the current page's bands left out (y0, y1 pairs in points) */
    double *drop;
    size_t ndrop;
};

/* ---- guards on the bytes --------------------------------------------- */

/* Whether c is PDF white space. */
static bool pdf_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' ||
           c == '\0';
}

/* Count "obj" keywords (not "endobj") and check nesting outside
 * streams; 0, or an error code ("I504" nesting, "I505" objects). */
static const char *scan_objects(const char *d, size_t len,
                                const struct jx_limits *lim, size_t *objs)
{
    int depth = 0;
    *objs = 0;
    size_t i = 0;
    while (i < len) {
        char c = d[i];
        if (c == '(') { /* string: skip with escapes and nesting */
            int pd = 1;
            i++;
            while (i < len && pd > 0) {
                if (d[i] == '\\') {
                    i += 2;
                    continue;
                }
                if (d[i] == '(') {
                    pd++;
                } else if (d[i] == ')') {
                    pd--;
                }
                i++;
            }
            continue;
        }
        if (c == '%') { /* comment */
            while (i < len && d[i] != '\n' && d[i] != '\r') {
                i++;
            }
            continue;
        }
        if (c == '<' && i + 1 < len && d[i + 1] == '<') {
            if (++depth > MAX_NEST) {
                return "I504";
            }
            i += 2;
            continue;
        }
        if (c == '>' && i + 1 < len && d[i + 1] == '>') {
            depth = depth > 0 ? depth - 1 : 0;
            i += 2;
            continue;
        }
        if (c == '[') {
            if (++depth > MAX_NEST) {
                return "I504";
            }
        } else if (c == ']') {
            depth = depth > 0 ? depth - 1 : 0;
        } else if (c == 'o' && i + 3 <= len && memcmp(d + i, "obj", 3) == 0 &&
                   i > 0 && pdf_space(d[i - 1]) &&
                   (i + 3 == len || !((d[i + 3] >= 'a' && d[i + 3] <= 'z') ||
                                      (d[i + 3] >= 'A' && d[i + 3] <= 'Z')))) {
            if (++*objs > lim->max_pdf_objects) {
                return "I505";
            }
            depth = 0; /* a new object: nesting starts again */
        } else if (c == 's' && i + 6 <= len &&
                   memcmp(d + i, "stream", 6) == 0 &&
                   (i == 0 || pdf_space(d[i - 1]) || d[i - 1] == '>')) {
            /* skip the stream's bytes up to endstream */
            const char *e = NULL;
            size_t from = i + 6;
            for (size_t k = from; k + 9 <= len; k++) {
                if (d[k] == 'e' && memcmp(d + k, "endstream", 9) == 0) {
                    e = d + k;
                    break;
                }
            }
            if (!e) {
                return NULL;
            }
            i = (size_t)(e - d) + 9;
            continue;
        }
        i++;
    }
    return NULL;
}

/* Whether the cross-reference section at startxref is there: the
 * offset after the last "startxref" must point at "xref" or at
 * "N G obj" (a cross-reference stream). */
static bool xref_ok(const char *d, size_t len)
{
    size_t from = len > 8192 ? len - 8192 : 0;
    size_t at = (size_t)-1;
    for (size_t k = from; k + 9 <= len; k++) {
        if (memcmp(d + k, "startxref", 9) == 0) {
            at = k;
        }
    }
    if (at == (size_t)-1) {
        return false;
    }
    size_t i = at + 9;
    while (i < len && pdf_space(d[i])) {
        i++;
    }
    size_t off = 0;
    size_t nd = 0;
    while (i < len && d[i] >= '0' && d[i] <= '9' && nd < 18) {
        off = off * 10 + (size_t)(d[i] - '0');
        i++;
        nd++;
    }
    if (nd == 0 || off >= len) {
        return false;
    }
    while (off < len && pdf_space(d[off])) {
        off++;
    }
    if (len - off >= 4 && memcmp(d + off, "xref", 4) == 0) {
        return true;
    }
    /* N G obj */
    size_t k = off;
    for (int part = 0; part < 2; part++) {
        size_t s = k;
        while (k < len && d[k] >= '0' && d[k] <= '9') {
            k++;
        }
        if (k == s) {
            return false;
        }
        while (k < len && pdf_space(d[k])) {
            k++;
        }
    }
    return len - k >= 3 && memcmp(d + k, "obj", 3) == 0;
}

/* ---- geometry ---------------------------------------------------------- */

/* Order glyphs by vertical centre, then x. */
static int glyph_cmp_y(const void *a, const void *b)
{
    const struct glyph *g = a, *h = b;
    double ya = (g->y1 + g->y2) / 2, yb = (h->y1 + h->y2) / 2;
    if (ya < yb) {
        return -1;
    }
    if (ya > yb) {
        return 1;
    }
    return g->x1 < h->x1 ? -1 : g->x1 > h->x1;
}

/* Order glyphs by x. */
static int glyph_cmp_x(const void *a, const void *b)
{
    const struct glyph *g = a, *h = b;
    return g->x1 < h->x1 ? -1 : g->x1 > h->x1;
}

/* Whether the UTF-8 character s is an ASCII letter or digit or one of
 * the characters that sit inside Latin words and numbers. */
static bool asciiish(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return c < 0x80 && c > ' ';
}

/* Whether a vertical rule of the page crosses y between x0 and x1. */
static bool rule_between(const struct pctx *x, double x0, double x1,
                         double y)
{
    for (size_t i = 0; i < x->nvr; i++) {
        const struct vrule *v = &x->vr[i];
        if (v->x > x0 - 0.5 && v->x < x1 + 0.5 && v->y0 <= y && v->y1 >= y) {
            return true;
        }
    }
    return false;
}

/* Split the glyphs of one line (sorted by x) into pieces: at a gap of
 * more than 0.6 of the height, or at a vertical rule. */
static void make_pieces(const struct pctx *x, struct line *ln,
                        struct glyph *g, size_t n)
{
    ln->p = calloc(n, sizeof *ln->p);
    if (!ln->p) {
        jx_oom();
    }
    ln->np = 0;
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    double h = ln->h > 0 ? ln->h : 1;
    /* a note number set as a superscript (smaller, raised digits)
     * is not part of the text beside it */
    size_t m = 0;
    for (size_t k = 0; k < n; k++) {
        double gh = g[k].y2 - g[k].y1;
        bool sup = g[k].u[0] >= '0' && g[k].u[0] <= '9' && g[k].u[1] == '\0' &&
                   gh < 0.8 * h && g[k].y2 < ln->y2 - 0.2 * h;
        if (!sup) {
            g[m++] = g[k];
        }
    }
    if (m > 0) {
        n = m; /* (a line of superscripts alone stays as it is) */
    }
    size_t i = 0;
    while (i < n) {
        jx_buf_reset(&b);
        struct piece *p = &ln->p[ln->np++];
        p->x1 = g[i].x1;
        p->x2 = g[i].x2;
        jx_buf_adds(&b, g[i].u);
        size_t k = i + 1;
        for (; k < n; k++) {
            double gap = g[k].x1 - p->x2;
            if (gap > 0.6 * h ||
                (x->nvr > 0 &&
                 rule_between(x, g[k - 1].x2 - 0.5, g[k].x1 + 0.5,
                              (ln->y1 + ln->y2) / 2))) {
                break;
            }
            if (gap > 0.16 * h &&
                (g[k].space || (asciiish(g[k - 1].u) && asciiish(g[k].u)))) {
                jx_buf_addc(&b, ' ');
            }
            jx_buf_adds(&b, g[k].u);
            if (g[k].x2 > p->x2) {
                p->x2 = g[k].x2;
            }
        }
        p->text = strdup(b.p);
        if (!p->text) {
            jx_oom();
        }
        i = k;
    }
    jx_buf_release(&b);
    ln->multi = ln->np >= 2;
}

/* Free the lines. */
static void free_lines(struct line *l, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (int k = 0; k < l[i].np; k++) {
            free(l[i].p[k].text);
        }
        free(l[i].p);
    }
    free(l);
}

/* Group glyphs (sorted by centre) into lines; returns the lines. */
static struct line *make_lines(const struct pctx *x, struct glyph *g,
                               size_t n, size_t *nl)
{
    struct line *l = calloc(n ? n : 1, sizeof *l);
    if (!l) {
        jx_oom();
    }
    *nl = 0;
    size_t i = 0;
    while (i < n) {
        double h = g[i].y2 - g[i].y1;
        double yc = (g[i].y1 + g[i].y2) / 2;
        size_t k = i + 1;
        while (k < n) {
            double hk = g[k].y2 - g[k].y1;
            double yk = (g[k].y1 + g[k].y2) / 2;
            double hm = h > hk ? h : hk;
            if (yk - yc > 0.45 * hm) {
                break;
            }
            k++;
        }
        qsort(g + i, k - i, sizeof *g, glyph_cmp_x);
        struct line *ln = &l[(*nl)++];
        ln->y1 = g[i].y1;
        ln->y2 = g[i].y2;
        double hs = 0;
        for (size_t j = i; j < k; j++) {
            if (g[j].y1 < ln->y1) {
                ln->y1 = g[j].y1;
            }
            if (g[j].y2 > ln->y2) {
                ln->y2 = g[j].y2;
            }
            double hj = g[j].y2 - g[j].y1;
            if (hj > hs) {
                hs = hj;
            }
        }
        ln->h = hs;
        make_pieces(x, ln, g + i, k - i);
        i = k;
    }
    return l;
}

/* ---- tables ------------------------------------------------------------ */

/* Column boundaries of the lines l[a..b) into cut[] (ncols + 1 edges:
 * the left of each column, then the right end); returns ncols. */
static int find_columns(struct line *l, size_t a, size_t b, double pw,
                        double *cut)
{
    int w = (int)pw + 2;
    if (w < 2 || w > 20000) {
        return 0;
    }
    int *cov = calloc((size_t)w, sizeof *cov);
    if (!cov) {
        jx_oom();
    }
    int nmulti = 0;
    for (size_t i = a; i < b; i++) {
        if (!l[i].multi) {
            continue;
        }
        nmulti++;
        for (int k = 0; k < l[i].np; k++) {
            int x1 = (int)l[i].p[k].x1, x2 = (int)l[i].p[k].x2;
            for (int x = x1 < 0 ? 0 : x1; x <= x2 && x < w; x++) {
                cov[x]++;
            }
        }
    }
    /* a position is a gap when at most 15% of the rows cover it */
    int thr = nmulti * 15 / 100;
    int nc = 0;
    int x = 0;
    while (x < w && nc < MAX_COLS) {
        while (x < w && cov[x] <= thr) {
            x++;
        }
        if (x >= w) {
            break;
        }
        int s = x;
        while (x < w && cov[x] > thr) {
            x++;
        }
        if (nc > 0) {
            cut[nc] = (cut[nc] + s) / 2; /* the middle of the gap */
        }
        cut[nc] = nc == 0 ? s : cut[nc];
        nc++;
        cut[nc] = x; /* provisional right end */
    }
    free(cov);
    cut[0] = 0;
    cut[nc] = pw + 1;
    return nc;
}

/* The column of x among the cuts. */
static int col_of(const double *cut, int nc, double x)
{
    for (int c = 0; c < nc; c++) {
        if (x < cut[c + 1]) {
            return c;
        }
    }
    return nc - 1;
}

/* Append s to the buffer text, with a space between two ASCII
 * characters. */
static void join_text(struct jx_buf *b, const char *s)
{
    if (b->len > 0 && s[0]) {
        unsigned char last = (unsigned char)b->p[b->len - 1];
        if (last < 0x80 && last > ' ' && asciiish(s)) {
            jx_buf_addc(b, ' ');
        }
    }
    jx_buf_adds(b, s);
}

/* One table row being built: the text of each column. */
struct rowbuf {
    struct jx_buf t[MAX_COLS];
    int span[MAX_COLS]; /* colspan of the piece starting there, 0 none */
    bool any;
};

/* Emit a row into t (row index *row), then empty it. */
static void emit_row(struct pctx *x, struct jx_doc_table *t, int *row,
                     struct rowbuf *rb, int nc, int page)
{
    if (!rb->any) {
        return;
    }
    for (int c = 0; c < nc && !x->failed; c++) {
        if (rb->span[c] == 0) {
            continue;
        }
        if (++x->cells > x->lim->max_cells) {
            jx_import_error(x->diags, x->doc->file, "I506",
                            "PDF 表格单元格过多：超过上限 %zu 个",
                            x->lim->max_cells);
            x->failed = true;
            break;
        }
        jx_doc_table_add_cell(x->doc, t, *row, c, 1, rb->span[c], rb->t[c].p,
                              rb->t[c].len, page, 0);
    }
    for (int c = 0; c < MAX_COLS; c++) {
        jx_buf_reset(&rb->t[c]);
        rb->span[c] = 0;
    }
    rb->any = false;
    (*row)++;
}

/* Whether every non-empty cell of row r of t has a cell with the same
 * column and text in row q (a header row repeated after a page break,
 * perhaps without the merged cell that began above it). */
static bool row_within(const struct jx_doc_table *t, int r, int q)
{
    bool any = false;
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        if (c->row != r || !c->text[0]) {
            continue;
        }
        any = true;
        bool found = false;
        for (size_t j = 0; j < t->ncells && !found; j++) {
            const struct jx_doc_cell *d = &t->cells[j];
            found = d->row == q && d->col == c->col &&
                    strcmp(d->text, c->text) == 0;
        }
        if (!found) {
            return false;
        }
    }
    return any;
}

static int band_of(const struct pctx *x, double y);
static int rules_between(const struct pctx *x, double y0, double y1);

/* Order doubles. */
static int dbl_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Column edges from the vertical rules crossing the table's lines
 * l[a..b) into cut[] (distinct x, 2 points apart at least); returns
 * the number of columns, 0 when fewer than three edges. */
static int ruled_columns(const struct pctx *x, const struct line *l,
                         size_t a, size_t b, double *cut)
{
    double top = l[a].y1, bot = l[b - 1].y2;
    double xs[512];
    size_t n = 0;
    for (size_t i = 0; i < x->nvr && n < 512; i++) {
        const struct vrule *v = &x->vr[i];
        if (v->y1 >= top && v->y0 <= bot) {
            xs[n++] = v->x;
        }
    }
    qsort(xs, n, sizeof *xs, dbl_cmp);
    int nc = -1;
    for (size_t i = 0; i < n; i++) {
        if (nc >= 0 && xs[i] - cut[nc] < 2) {
            continue;
        }
        if (nc + 1 > MAX_COLS) {
            break;
        }
        cut[++nc] = xs[i];
    }
    return nc >= 2 ? nc : 0;
}

/* The columns c0..c1 of the cell holding piece p (centre y): from the
 * nearest vertical rules left and right of it that cross y; false when
 * there are none. */
static bool ruled_cell(const struct pctx *x, const double *cut, int nc,
                       const struct piece *p, double y, int *c0, int *c1)
{
    double left = -1, right = -1;
    for (size_t i = 0; i < x->nvr; i++) {
        const struct vrule *v = &x->vr[i];
        if (v->y0 > y || v->y1 < y) {
            continue;
        }
        if (v->x <= p->x1 + 1 && (left < 0 || v->x > left)) {
            left = v->x;
        }
        if (v->x >= p->x2 - 1 && (right < 0 || v->x < right)) {
            right = v->x;
        }
    }
    if (left < 0 || right < 0) {
        return false;
    }
    *c0 = *c1 = -1;
    for (int c = 0; c <= nc; c++) {
        if (cut[c] > left - 2 && cut[c] < left + 2) {
            *c0 = c;
        }
        if (cut[c] > right - 2 && cut[c] < right + 2) {
            *c1 = c - 1;
        }
    }
    return *c0 >= 0 && *c1 >= *c0 && *c1 < nc;
}

/*
 * Whether line `low` continues the cells of line `up` (wrapped text):
 * low holds fewer pieces than up (or both one), and each piece of low
 * starts in the column of a piece of up that reaches its column's
 * right edge (it was wrapped there).
 */
static bool wrapped_below(const struct line *up, const struct line *low,
                          const double *colmax)
{
    if (low->np == 0 ||
        !(low->np < up->np || (low->np == 1 && up->np == 1))) {
        return false; /* a continuation holds fewer pieces */
    }
    for (int k = 0; k < low->np; k++) {
        const struct piece *p = &low->p[k];
        bool found = false;
        for (int j = 0; j < up->np; j++) {
            const struct piece *q = &up->p[j];
            if (q->c0 == p->c0 && q->x2 >= colmax[q->c1] - 1.5 * up->h) {
                found = true;
                break;
            }
        }
        if (!found) {
            return false;
        }
    }
    return true;
}

/* A cell of a ruled table being built. */
struct rcell {
    int r0, r1, c0, c1;
    struct jx_buf t;
};

/* Order cells by first row, then column. */
static int rcell_cmp(const void *pa, const void *pb)
{
    const struct rcell *a = pa, *b = pb;
    if (a->r0 != b->r0) {
        return a->r0 < b->r0 ? -1 : 1;
    }
    return a->c0 < b->c0 ? -1 : a->c0 > b->c0;
}

/* Whether a horizontal rule segment lies at y (within 2 points) and
 * covers xm. */
static bool hrule_at(const struct pctx *x, double y, double xm)
{
    for (size_t i = 0; i < x->nhs; i++) {
        const struct vrule *h = &x->hs[i];
        if (h->x > y - 2 && h->x < y + 2 && h->y0 <= xm && h->y1 >= xm) {
            return true;
        }
    }
    return false;
}

/*
 * Build a table drawn with rules: its rows are the bands between the
 * distinct y of the horizontal rules across it, its columns the spaces
 * between the vertical rules (cut[0..nc]); a piece belongs to the cell
 * bounded by the nearest rules around it (so a merged cell spans its
 * rows and columns, and its wrapped lines are one text).  Returns
 * false (nothing added) when the table is not ruled enough.
 */
static bool build_ruled(struct pctx *x, struct jx_doc_table *t, int *row,
                        struct line *l, size_t a, size_t b,
                        const double *cut, int nc, int page)
{
    double top = l[a].y1 - 2, bot = l[b - 1].y2 + 2;
    double ys[1024];
    int ny = 0;
    size_t npieces = 0;
    for (size_t i = a; i < b; i++) {
        npieces += (size_t)l[i].np;
    }
    if (npieces > 5000) {
        return false;
    }
    /* the distinct rule heights inside the table, with the rules just
     * above and below it */
    double above = -1, below = 1e9;
    for (size_t i = 0; i < x->nhs; i++) {
        const struct vrule *h = &x->hs[i];
        if (h->y1 < cut[0] + 2 || h->y0 > cut[nc] - 2) {
            continue;
        }
        if (h->x <= top && h->x > above) {
            above = h->x;
        }
        if (h->x >= bot && h->x < below) {
            below = h->x;
        }
    }
    for (size_t i = 0; i < x->nhs && ny < 1000; i++) {
        const struct vrule *h = &x->hs[i];
        if (h->y1 < cut[0] + 2 || h->y0 > cut[nc] - 2) {
            continue;
        }
        if (h->x >= (above >= 0 ? above - 1 : top) &&
            h->x <= (below < 1e9 ? below + 1 : bot)) {
            ys[ny++] = h->x;
        }
    }
    qsort(ys, (size_t)ny, sizeof *ys, dbl_cmp);
    int nd = 0;
    for (int i = 0; i < ny; i++) {
        if (nd == 0 || ys[i] - ys[nd - 1] >= 2) {
            ys[nd++] = ys[i];
        }
    }
    if (nd < 2) {
        return false;
    }
    struct rcell *cells = calloc(npieces ? npieces : 1, sizeof *cells);
    if (!cells) {
        jx_oom();
    }
    size_t ncells = 0;
    for (size_t i = a; i < b; i++) {
        double yc = (l[i].y1 + l[i].y2) / 2;
        int band = 0;
        while (band < nd && ys[band] < yc) {
            band++;
        }
        /* band k lies between ys[k-1] and ys[k] */
        for (int k = 0; k < l[i].np; k++) {
            struct piece *p = &l[i].p[k];
            double xm = (cut[p->c0] + cut[p->c1 + 1]) / 2;
            int r0 = band, r1 = band;
            while (r0 > 1 && !hrule_at(x, ys[r0 - 1], xm)) {
                r0--;
            }
            while (r1 < nd - 1 && !hrule_at(x, ys[r1], xm)) {
                r1++;
            }
            struct rcell *c = NULL;
            for (size_t j = 0; j < ncells; j++) {
                if (cells[j].r0 == r0 && cells[j].c0 == p->c0) {
                    c = &cells[j];
                    break;
                }
            }
            if (!c) {
                c = &cells[ncells++];
                c->r0 = r0;
                c->r1 = r1;
                c->c0 = p->c0;
                c->c1 = p->c1;
                jx_buf_init(&c->t, 1u << 20);
            }
            if (p->c1 > c->c1) {
                c->c1 = p->c1;
            }
            join_text(&c->t, p->text);
        }
    }
    /* rows: the bands holding a cell's first line, in order */
    int first = nd, last = 0;
    for (size_t j = 0; j < ncells; j++) {
        first = cells[j].r0 < first ? cells[j].r0 : first;
        last = cells[j].r1 > last ? cells[j].r1 : last;
    }
    /* the positions no cell covers: empty cells, as a DOCX has them */
    int nrows = last - first + 1;
    size_t nfilled = ncells;
    if (ncells > 0 && (long)nrows * nc <= 20000) {
        unsigned char *cov = calloc((size_t)nrows * (size_t)nc, 1);
        if (!cov) {
            jx_oom();
        }
        size_t nempty = 0;
        for (size_t j = 0; j < nfilled; j++) {
            for (int r = cells[j].r0; r <= cells[j].r1; r++) {
                for (int c = cells[j].c0; c <= cells[j].c1; c++) {
                    cov[(size_t)(r - first) * (size_t)nc + (size_t)c] = 1;
                }
            }
        }
        for (size_t k = 0; k < (size_t)nrows * (size_t)nc; k++) {
            nempty += !cov[k];
        }
        cells = realloc(cells, (ncells + nempty + 1) * sizeof *cells);
        if (!cells) {
            jx_oom();
        }
        for (int r = 0; r < nrows; r++) {
            for (int c = 0; c < nc; c++) {
                if (!cov[(size_t)r * (size_t)nc + (size_t)c]) {
                    struct rcell *e = &cells[ncells++];
                    e->r0 = e->r1 = r + first;
                    e->c0 = e->c1 = c;
                    jx_buf_init(&e->t, 16);
                }
            }
        }
        free(cov);
    }
    qsort(cells, ncells, sizeof *cells, rcell_cmp);
    for (size_t j = 0; j < ncells && !x->failed; j++) {
        struct rcell *c = &cells[j];
        if (++x->cells > x->lim->max_cells) {
            jx_import_error(x->diags, x->doc->file, "I506",
                            "PDF 表格单元格过多：超过上限 %zu 个",
                            x->lim->max_cells);
            x->failed = true;
            break;
        }
        jx_doc_table_add_cell(x->doc, t, *row + c->r0 - first, c->c0,
                              c->r1 - c->r0 + 1, c->c1 - c->c0 + 1, c->t.p,
                              c->t.len, page, 0);
    }
    for (size_t j = 0; j < ncells; j++) {
        jx_buf_release(&cells[j].t);
    }
    free(cells);
    if (ncells > 0) {
        *row += last - first + 1;
    }
    return true;
}

/* Build the table of lines l[a..b) on page `page`. */
static void build_table(struct pctx *x, struct line *l, size_t a, size_t b,
                        double pw, int page, bool first_block)
{
    double cut[MAX_COLS + 1];
    int nc = ruled_columns(x, l, a, b, cut);
    bool vruled = nc > 0;
    if (!vruled) {
        nc = find_columns(l, a, b, pw, cut);
    }
    if (nc < 2) {
        return;
    }
    /* the columns of every piece, and how far right each column's
     * one-column pieces reach (a piece near that edge was wrapped) */
    double colmax[MAX_COLS];
    for (int c = 0; c < nc; c++) {
        colmax[c] = cut[c];
    }
    double minpitch = 1e9;
    for (size_t i = a; i < b; i++) {
        for (int k = 0; k < l[i].np; k++) {
            struct piece *p = &l[i].p[k];
            double yc = (l[i].y1 + l[i].y2) / 2;
            if (!vruled ||
                !ruled_cell(x, cut, nc, p, yc, &p->c0, &p->c1)) {
                p->c0 = col_of(cut, nc, p->x1 + 0.5);
                p->c1 = col_of(cut, nc, p->x2 - 0.5);
            }
            if (p->c1 < p->c0) {
                p->c1 = p->c0;
            }
            if (p->c0 == p->c1 && p->x2 > colmax[p->c0]) {
                colmax[p->c0] = p->x2;
            }
        }
        double d = i > a ? l[i].y2 - l[i - 1].y2 : 0;
        if (d > 0 && d < minpitch) {
            minpitch = d;
        }
    }
    struct jx_doc_table *t = NULL;
    int row = 0;
    bool join = false;
    int skip_header = 0;
    if (first_block && x->last && x->last_at_end && x->lastncols == nc) {
        bool same = true;
        for (int c = 1; c < nc; c++) {
            double d = cut[c] - x->lastcols[c];
            if (d > 6 || d < -6) {
                same = false;
            }
        }
        if (same) {
            join = true;
            t = x->last;
            row = x->lastrow;
        }
    }
    x->last_joined = join;
    if (!t) {
        t = jx_doc_add_table(x->doc, NULL);
        t->where = JX_DOC_AT_GRID;
    }
    int startrow = row;
    if (vruled && build_ruled(x, t, &row, l, a, b, cut, nc, page)) {
        goto built;
    }
    struct rowbuf *rb = calloc(1, sizeof *rb);
    if (!rb) {
        jx_oom();
    }
    for (int c = 0; c < MAX_COLS; c++) {
        jx_buf_init(&rb->t[c], 1u << 20);
    }
    bool alone = false; /* the row so far is the previous line alone */
    /* ruled: rows are the bands between the rules, when the table has
     * a rule between most of its rows */
    bool ruled = b - a >= 2 &&
                 rules_between(x, l[a].y1 - 2, l[b - 1].y2 + 2) * 3 >=
                     (int)(b - a);
    for (size_t i = a; i < b && !x->failed; i++) {
        bool cont = false;
        if (i > a && rb->any && ruled) {
            cont = band_of(x, (l[i].y1 + l[i].y2) / 2) ==
                   band_of(x, (l[i - 1].y1 + l[i - 1].y2) / 2);
        } else if (i > a && rb->any) {
            double d = l[i].y2 - l[i - 1].y2;
            cont = d <= minpitch * 1.6 &&
                   (wrapped_below(&l[i - 1], &l[i], colmax) ||
                    (alone && l[i - 1].np == 1 &&
                     wrapped_below(&l[i], &l[i - 1], colmax) &&
                     l[i - 1].np < l[i].np));
        }
        alone = !cont;
        if (!cont) {
            emit_row(x, t, &row, rb, nc, page);
        }
        for (int k = 0; k < l[i].np; k++) {
            struct piece *p = &l[i].p[k];
            int c0 = p->c0, c1 = p->c1;
            join_text(&rb->t[c0], p->text);
            if (rb->span[c0] < c1 - c0 + 1) {
                rb->span[c0] = c1 - c0 + 1;
            }
            rb->any = true;
        }
    }
    emit_row(x, t, &row, rb, nc, page);
    for (int c = 0; c < MAX_COLS; c++) {
        jx_buf_release(&rb->t[c]);
    }
    free(rb);
built:
    if (join) {
        /* the leading rows that repeat a row before the break (a
         * header repeated on the new page) */
        while (startrow + skip_header < row && skip_header < 8) {
            bool rep = false;
            for (int q = 0; q < startrow && !rep; q++) {
                rep = row_within(t, startrow + skip_header, q);
            }
            if (!rep) {
                break;
            }
            skip_header++;
        }
        if (skip_header > 0) {
            size_t w = 0;
            for (size_t i = 0; i < t->ncells; i++) {
                struct jx_doc_cell c = t->cells[i];
                struct jx_doc_where at = jx_doc_cell_where(t, &t->cells[i]);
                if (c.row >= startrow && c.row < startrow + skip_header) {
                    continue;
                }
                if (c.row >= startrow + skip_header) {
                    c.row -= skip_header;
                    at.rowskip += skip_header; /* its provenance keeps
                                                  the row as placed */
                }
                if (t->where_at) {
                    t->where_at[w] = at;
                }
                t->cells[w++] = c;
            }
            t->ncells = w;
            row -= skip_header;
        }
    }
    x->last = t;
    x->lastrow = row;
    x->lastncols = nc;
    for (int c = 0; c <= nc; c++) {
        x->lastcols[c] = cut[c];
    }
}

/* Whether a one-piece line fits inside one column of the multi-piece
 * lines around it (a wrapped cell, a merged cell): its piece lies
 * within the x-range of one piece of a multi line nearby. */
static bool fits_column(struct line *l, size_t n, size_t i)
{
    const struct piece *p = &l[i].p[0];
    for (size_t k = i > 4 ? i - 4 : 0; k < n && k < i + 5; k++) {
        if (!l[k].multi) {
            continue;
        }
        for (int j = 0; j < l[k].np; j++) {
            double w = l[k].p[j].x2 - l[k].p[j].x1;
            (void)w;
            if (j + 1 < l[k].np && p->x2 > l[k].p[j + 1].x1 - 1) {
                continue;
            }
            if (j > 0 && p->x1 < l[k].p[j - 1].x2 + 1) {
                continue;
            }
            if (p->x1 >= l[k].p[j].x1 - l[k].h * 2 &&
                p->x2 <= (j + 1 < l[k].np ? l[k].p[j + 1].x1
                                          : l[k].p[j].x2 + l[k].h * 20)) {
                return true;
            }
        }
    }
    return false;
}

/* Whether a line lies inside a ruled table: vertical rules cross its
 * middle left of its first piece and right of its last. */
static bool in_grid(const struct pctx *x, const struct line *ln)
{
    if (ln->np == 0) {
        return false;
    }
    double y = (ln->y1 + ln->y2) / 2;
    bool left = false, right = false;
    for (size_t i = 0; i < x->nvr && !(left && right); i++) {
        const struct vrule *v = &x->vr[i];
        if (v->y0 > y || v->y1 < y) {
            continue;
        }
        if (v->x <= ln->p[0].x1 + 1) {
            left = true;
        }
        if (v->x >= ln->p[ln->np - 1].x2 - 1) {
            right = true;
        }
    }
    return left && right;
}

/* Add the paragraph in para (then empty it): appended to the last
 * block instead when it continues the page before's last paragraph
 * (cont). */
static void add_para(struct pctx *x, struct jx_buf *para, int page, bool cont)
{
    if (para->len == 0) {
        return;
    }
    size_t n = x->doc->nblocks;
    if (cont && n > 0 && x->doc->blocks[n - 1].kind == JX_DOC_PARA) {
        struct jx_doc_para *p = &x->doc->blocks[n - 1].para;
        p->text = jx_sprintf(x->doc->arena, "%s%s", p->text, para->p);
    } else {
        struct jx_prov pv = {.file = x->doc->file, .line = page};
        jx_doc_add_para(x->doc, para->p, para->len, 0, &pv);
    }
    jx_buf_reset(para);
}

/* Lay out one page's lines as tables and paragraphs. */
static void layout_page(struct pctx *x, struct line *l, size_t n, double pw,
                        int page)
{
    /* table regions: runs of multi lines, with the one-piece lines
     * between them that fit a column, no vertical gap above 2.5 lines */
    size_t i = 0;
    /* the right margin: the furthest any line reached so far in the
     * document (a page of short lines does not lower it) */
    for (size_t k = 0; k < n; k++) {
        if (l[k].np > 0 && l[k].p[l[k].np - 1].x2 > x->right) {
            x->right = l[k].p[l[k].np - 1].x2;
        }
    }
    double right = x->right;
    double left = 1e9;
    for (size_t k = 0; k < n; k++) {
        if (l[k].np > 0 && l[k].p[0].x1 < left) {
            left = l[k].p[0].x1;
        }
    }
    bool cont_next = false, page_start = true;
    bool first_block = true;
    size_t blocks_before = x->doc->nblocks;
    struct jx_buf para;
    jx_buf_init(&para, 4u << 20);
    int para_prev = -1;
    int para_lines = 0; /* lines of the paragraph being collected */
    while (i < n && !x->failed) {
        if (x->nvr > 0 && in_grid(x, &l[i])) {
            /* inside the rules of a table: every line up to the last
             * one inside */
            size_t e = i + 1;
            while (e < n && in_grid(x, &l[e])) {
                e++;
            }
            add_para(x, &para, page, cont_next);
            cont_next = false;
            size_t before = x->doc->nblocks;
            page_start = false;
            build_table(x, l, i, e, pw, page,
                        first_block && x->doc->nblocks == blocks_before);
            if (x->doc->nblocks != before || x->last_joined) {
                first_block = false;
                para_prev = -1;
                i = e;
                continue;
            }
        }
        if (l[i].multi) {
            size_t e = i + 1;
            size_t last_multi = i;
            while (e < n) {
                double gap = l[e].y1 - l[e - 1].y2;
                if (gap > 2.5 * l[e].h) {
                    break;
                }
                if (l[e].multi) {
                    last_multi = e;
                } else if (!fits_column(l, n, e)) {
                    break;
                }
                e++;
            }
            e = last_multi + 1;
            if (e - i >= 2) {
                add_para(x, &para, page, cont_next);
                cont_next = false;
                page_start = false;
                build_table(x, l, i, e, pw, page,
                            first_block && x->doc->nblocks == blocks_before);
                first_block = false;
                para_prev = -1;
                i = e;
                continue;
            }
        }
        /* a paragraph line: indented (a new paragraph) unless the line
         * before was indented too (a block indented as a whole), but
         * in a document whose paragraphs indent their first line only,
         * an indented line after a paragraph's indented first line
         * starts the next paragraph (that first line ran to the margin
         * by chance) */
        double ind = l[i].p[0].x1 - left;
        bool prev_ind = para_prev >= 0 &&
                        l[para_prev].p[0].x1 > left + 1.0 * l[i].h;
        bool indented = ind > 1.0 * l[i].h && ind <= 3.5 * l[i].h &&
                        (!prev_ind || (x->first_indent && para_lines == 1));
        bool joins = para_prev >= 0 && para.len > 0 && !indented &&
                     l[para_prev].p[l[para_prev].np - 1].x2 >=
                         right - 1.5 * l[para_prev].h &&
                     l[i].y1 - l[para_prev].y2 < 1.0 * l[i].h;
        if (joins && para_lines == 1 && prev_ind && ind <= 1.0 * l[i].h) {
            x->first_indent = true; /* an indented first line, then the
                                       next at the margin */
        }
        if (!joins && para.len) {
            add_para(x, &para, page, cont_next);
            cont_next = false;
            first_block = false;
        }
        para_lines = joins ? para_lines + 1 : 1;
        if (para.len == 0 && page_start) {
            /* the page's first line continues the page before's last
             * paragraph when that one ran to the margin and this one is
             * not indented */
            cont_next = x->carry && !indented;
        }
        page_start = false;
        for (int k = 0; k < l[i].np; k++) {
            if (k > 0) {
                jx_buf_addc(&para, ' ');
            }
            join_text(&para, l[i].p[k].text);
        }
        para_prev = (int)i;
        i++;
    }
    x->carry = para.len > 0 && para_prev >= 0 &&
               l[para_prev].p[l[para_prev].np - 1].x2 >=
                   right - 1.5 * l[para_prev].h;
    add_para(x, &para, page, cont_next);
    jx_buf_release(&para);
    x->last_at_end = x->doc->nblocks > 0 &&
                     x->doc->blocks[x->doc->nblocks - 1].kind ==
                         JX_DOC_TABLE &&
                     x->doc->blocks[x->doc->nblocks - 1].table == x->last;
    if (x->doc->nblocks > x->lim->max_blocks && !x->failed) {
        jx_import_error(x->diags, x->doc->file, "I506",
                        "PDF 段落与表格过多：超过上限 %zu 个",
                        x->lim->max_blocks);
        x->failed = true;
    }
}

/* Whether a page's characters are a running header or footer line
 * ("第 N 页 共 M 页", "- N -", a bare page number): dropped. */
static bool page_furniture(const struct line *ln)
{
    if (ln->np != 1 && ln->np != 2) {
        return false;
    }
    for (int k = 0; k < ln->np; k++) {
        const char *s = ln->p[k].text;
        bool digits_only = true;
        for (const char *q = s; *q; q++) {
            if (!((*q >= '0' && *q <= '9') || *q == '-' || *q == ' ')) {
                digits_only = false;
            }
        }
        if (digits_only && ln->np == 1) {
            return true;
        }
        if (strncmp(s, "第", 3) == 0 && strstr(s, "页")) {
            return true;
        }
    }
    return false;
}

/* Pixels per point when a page is drawn to find its rules. */
#define RULE_SCALE 2

/* Most pages drawn to find their rules (drawing is most of the time a
 * page takes: bench/run-import-pdf); later pages are read by the words'
 * positions alone. */
#define MAX_RENDERED 100

/* Shortest horizontal rule looked for, in pixels (20 points). */
#define RULE_MIN_PX 40

/* Shortest vertical rule looked for, in pixels (13 points: longer than
 * the strokes of body text). */
#define VRULE_MIN_PX 26

/* Record a vertical rule segment, merged with one found in the pixel
 * column before that overlaps it. */
static void add_vrule(struct pctx *x, double xx, double y0, double y1)
{
    for (size_t k = x->nvr; k-- > 0;) {
        struct vrule *o = &x->vr[k];
        if (xx - o->x <= 1.5 && xx >= o->x && y0 <= o->y1 && y1 >= o->y0) {
            o->x = xx;
            o->y0 = y0 < o->y0 ? y0 : o->y0;
            o->y1 = y1 > o->y1 ? y1 : o->y1;
            return;
        }
        if (x->nvr - k > 64) {
            break;
        }
    }
    if (x->nvr >= 100000) {
        return;
    }
    if (x->nvr == x->capvr) {
        x->capvr = x->capvr ? 2 * x->capvr : 256;
        x->vr = realloc(x->vr, x->capvr * sizeof *x->vr);
        if (!x->vr) {
            jx_oom();
        }
    }
    x->vr[x->nvr++] = (struct vrule){xx, y0, y1};
}

/* Order vertical rules by x. */
static int vrule_cmp(const void *pa, const void *pb)
{
    const struct vrule *a = pa, *b = pb;
    return a->x < b->x ? -1 : a->x > b->x;
}

/* Record a horizontal rule segment at y from x0 to x1 (merged with one
 * just above that overlaps it). */
static void add_hseg(struct pctx *x, double y, double x0, double x1)
{
    for (size_t k = x->nhs; k-- > 0;) {
        struct vrule *o = &x->hs[k];
        if (y - o->x > 1.5) {
            break;
        }
        if (x0 <= o->y1 && x1 >= o->y0) {
            o->x = (o->x + y) / 2;
            o->y0 = x0 < o->y0 ? x0 : o->y0;
            o->y1 = x1 > o->y1 ? x1 : o->y1;
            return;
        }
    }
    if (x->nhs >= 100000) {
        return;
    }
    if (x->nhs == x->caphs) {
        x->caphs = x->caphs ? 2 * x->caphs : 256;
        x->hs = realloc(x->hs, x->caphs * sizeof *x->hs);
        if (!x->hs) {
            jx_oom();
        }
    }
    x->hs[x->nhs++] = (struct vrule){y, x0, x1};
}

/* Whether the eight RGB24 pixels from p on are all white (so none is
 * dark): one test for eight pixels, most of a page being white. */
static bool white8(const uint32_t *p)
{
    /* read as four 64-bit words, two pixels each */
    uint64_t q[4];
    memcpy(q, p, sizeof q);
    uint64_t a = q[0] & q[1] & q[2] & q[3];
    const uint64_t rgb = 0x00FFFFFF00FFFFFFu;
    return (a & rgb) == rgb;
}

/*
 * A white RGB24 bitmap of h rows of stride bytes for find_rules to draw
 * a page on, mapped whole (its size in *bytes; the caller munmaps it).
 * Advised for transparent huge pages where the kernel offers them: an
 * A4 page at RULE_SCALE is 8 MB, two thousand faults of 4 KB pages and
 * a few of 2 MB ones.  NULL when there is no memory.
 */
static unsigned char *white_bitmap(int stride, int h, size_t *bytes)
{
    const size_t huge = (size_t)2 << 20;
    size_t used = (size_t)stride * (size_t)h;
    size_t n = (used + huge - 1) / huge * huge;
    void *m = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                   -1, 0);
    if (m == MAP_FAILED) {
        return NULL;
    }
#ifdef MADV_HUGEPAGE
    (void)madvise(m, n, MADV_HUGEPAGE);
#endif
    memset(m, 0xFF, used);
    /* under AddressSanitizer the rounding past the bitmap is poisoned, so
       that reading past the last row is caught as with a malloc'd one */
    ASAN_POISON_MEMORY_REGION((unsigned char *)m + used, n - used);
    *bytes = n;
    return m;
}

/* Unmap a bitmap of white_bitmap (its rounding unpoisoned first). */
static void white_bitmap_free(unsigned char *bits, size_t bytes)
{
    ASAN_UNPOISON_MEMORY_REGION(bits, bytes);
    munmap(bits, bytes);
}

/*
 * The horizontal rules of a page (table borders), when it has any:
 * the page drawn at RULE_SCALE pixels per point into a grey-scale
 * bitmap (pages larger than 3000 × 3000 points are not drawn), then
 * every pixel row holding a run of at least RULE_MIN_PX dark pixels is
 * a rule; adjacent rows are one rule.  Into x->rules (malloc'd).
 */
static void find_rules(struct pctx *x, PopplerPage *pg, double pw,
                       double ph)
{
    x->nrules = 0;
    x->nvr = 0;
    x->nhs = 0;
    if (pw <= 0 || ph <= 0 || pw > 3000 || ph > 3000 ||
        x->rendered >= MAX_RENDERED) {
        return; /* the later pages of a huge file: by positions alone */
    }
    x->rendered++;
    int w = (int)(pw * RULE_SCALE) + 1, h = (int)(ph * RULE_SCALE) + 1;
    int stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
    size_t bytes = 0;
    unsigned char *bits = stride > 0 ? white_bitmap(stride, h, &bytes) : NULL;
    if (!bits) {
        return; /* no memory for the drawing: the page read by positions */
    }
    cairo_surface_t *sf = cairo_image_surface_create_for_data(
        bits, CAIRO_FORMAT_RGB24, w, h, stride);
    if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(sf);
        white_bitmap_free(bits, bytes);
        return;
    }
    cairo_t *cr = cairo_create(sf);
    cairo_scale(cr, RULE_SCALE, RULE_SCALE);
    poppler_page_render(pg, cr);
    /* the bands left out (jixiao's charts) draw no rules */
    for (size_t i = 0; i < x->ndrop; i++) {
        cairo_rectangle(cr, 0, x->drop[2 * i], pw,
                        x->drop[2 * i + 1] - x->drop[2 * i]);
    }
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_fill(cr);
    cairo_destroy(cr);
    cairo_surface_flush(sf);
    const unsigned char *px = bits;
    free(x->rules);
    x->rules = malloc((size_t)h * sizeof *x->rules);
    if (!x->rules) {
        jx_oom();
    }
    int prev = -10;
    /* white[y]: pixel row y is all white (the vertical pass passes over
       it when no column has a run going) */
    unsigned char *white = calloc((size_t)h, 1);
    if (!white) {
        jx_oom();
    }
    for (int y = 0; px && y < h; y++) {
        const uint32_t *row = (const uint32_t *)(const void *)(px + (size_t)y *
                                                                 (size_t)stride);
        int run = 0, best = 0;
        bool allwhite = true;
        for (int i = 0; i <= w; i++) {
            if (run == 0 && i + 8 <= w && white8(row + i)) {
                i += 7; /* eight white pixels outside a run: nothing */
                continue;
            }
            bool dark = false;
            if (i < w) {
                uint32_t v = row[i];
                unsigned lum =
                    ((v >> 16 & 0xff) + (v >> 8 & 0xff) + (v & 0xff)) / 3;
                dark = lum < 170;
                allwhite = allwhite && (v & 0xFFFFFFu) == 0xFFFFFFu;
            }
            if (dark) {
                if (++run > best) {
                    best = run;
                }
                continue;
            }
            if (run >= RULE_MIN_PX) {
                add_hseg(x, (double)y / RULE_SCALE,
                         (double)(i - run) / RULE_SCALE,
                         (double)i / RULE_SCALE);
            }
            run = 0;
        }
        white[y] = allwhite;
        if (best >= RULE_MIN_PX) {
            double yp = (double)y / RULE_SCALE;
            if (y - prev <= 2 && x->nrules > 0) {
                x->rules[x->nrules - 1] = (x->rules[x->nrules - 1] + yp) / 2;
            } else {
                x->rules[x->nrules++] = yp;
            }
            prev = y;
        }
    }
    /* vertical rules: runs of dark pixels down a pixel column, at
     * least VRULE_MIN_PX long (longer than a character's stroke);
     * neighbouring pixel columns merged */
    x->nvr = 0;
    int *runs = calloc((size_t)w, sizeof *runs);
    if (!runs) {
        jx_oom();
    }
    size_t active = 0; /* columns with a run going */
    for (int y = 0; px && y <= h; y++) {
        const uint32_t *row =
            y < h ? (const uint32_t *)(const void *)(px + (size_t)y *
                                                         (size_t)stride)
                  : NULL;
        if (row && white[y] && active == 0) {
            continue; /* a white row under no run: nothing */
        }
        for (int i = 0; i < w; i++) {
            if (row && i + 8 <= w && white8(row + i) &&
                (runs[i] | runs[i + 1] | runs[i + 2] | runs[i + 3] |
                 runs[i + 4] | runs[i + 5] | runs[i + 6] | runs[i + 7]) == 0) {
                i += 7; /* eight white pixels under no run: nothing */
                continue;
            }
            bool dark = false;
            if (row) {
                uint32_t v = row[i];
                unsigned lum =
                    ((v >> 16 & 0xff) + (v >> 8 & 0xff) + (v & 0xff)) / 3;
                dark = lum < 170;
            }
            if (dark) {
                if (runs[i]++ == 0) {
                    active++;
                }
                continue;
            }
            if (runs[i] > 0) {
                active--;
            }
            if (runs[i] >= VRULE_MIN_PX) {
                add_vrule(x, (double)i / RULE_SCALE,
                          (double)(y - runs[i]) / RULE_SCALE,
                          (double)y / RULE_SCALE);
            }
            runs[i] = 0;
        }
    }
    free(runs);
    free(white);
    if (x->nvr > 0) {
        qsort(x->vr, x->nvr, sizeof *x->vr, vrule_cmp);
    }
    cairo_surface_destroy(sf);
    white_bitmap_free(bits, bytes);
}

/* The band of a y between the page's rules: how many rules lie above
 * it. */
static int band_of(const struct pctx *x, double y)
{
    int n = 0;
    for (size_t i = 0; i < x->nrules; i++) {
        if (x->rules[i] < y) {
            n++;
        }
    }
    return n;
}

/* How many of the page's rules lie between y0 and y1. */
static int rules_between(const struct pctx *x, double y0, double y1)
{
    int n = 0;
    for (size_t i = 0; i < x->nrules; i++) {
        if (x->rules[i] > y0 && x->rules[i] < y1) {
            n++;
        }
    }
    return n;
}

/* The text of a line, its pieces joined by spaces (malloc'd). */
static char *line_text(const struct line *ln)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    for (int k = 0; k < ln->np; k++) {
        if (k > 0) {
            jx_buf_addc(&b, ' ');
        }
        jx_buf_adds(&b, ln->p[k].text);
    }
    char *s = strdup(b.p);
    jx_buf_release(&b);
    if (!s) {
        jx_oom();
    }
    return s;
}

/* ---- jixiao's generated regions ---------------------------------------- */

/* Parse an unsigned decimal (base 10) or hex (base 16) number of at most
 * maxd digits from *p up to end, stopping at stop; false when malformed. */
static bool parse_num(const char **p, const char *end, int base, int maxd,
                      char stop, unsigned long long *v)
{
    const char *q = *p;
    unsigned long long n = 0;
    int d = 0;
    for (; q < end && *q != stop; q++, d++) {
        int c = *q >= '0' && *q <= '9'   ? *q - '0'
                : base == 16 && *q >= 'a' && *q <= 'f' ? *q - 'a' + 10
                                                       : -1;
        if (c < 0 || d >= maxd) {
            return false;
        }
        n = n * (unsigned)base + (unsigned)c;
    }
    if (d == 0) {
        return false;
    }
    *v = n;
    *p = q;
    return true;
}

/* The warning I508 about the generated regions (message formatted in
 * the diagnostics' arena). */
static void gm_warn(struct pctx *x, const char *fmt, ...) JX_PRINTF(2, 3);

/* The warning I508 about the generated regions (message formatted in
 * the diagnostics' arena). */
static void gm_warn(struct pctx *x, const char *fmt, ...)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = jx_strdup(x->diags->arena, x->doc->file);
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(x->diags->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(x->diags, "I508", JX_SEV_WARNING, &loc, "%s", msg);
}

/*
 * The generated regions of jixiao's own PDF (x->gm, malloc'd): read
 * only when the Creator is "jixiao" and the Keywords start with
 * JX_PDF_GENERATED_TAG; a list that does not parse (pages outside the
 * document or out of order, a band upside down, too many regions, more
 * than MAX_PAGE_GMARKS on a page) is ignored whole with the warning
 * I508, and nothing is left out.
 */
static void read_gmarks(struct pctx *x, PopplerDocument *pd, int np)
{
    gchar *creator = poppler_document_get_creator(pd);
    gchar *kw = poppler_document_get_keywords(pd);
    size_t tl = strlen(JX_PDF_GENERATED_TAG);
    if (creator && kw && strcmp(creator, JX_PDF_CREATOR) == 0 &&
        strncmp(kw, JX_PDF_GENERATED_TAG, tl) == 0 &&
        (kw[tl] == '\0' || kw[tl] == ' ')) {
        const char *p = kw + tl, *end = kw + strlen(kw);
        bool ok = true;
        while (ok && p < end) {
            unsigned long long v[5];
            static const char stops[5] = {':', ':', ':', ':', ' '};
            ok = *p++ == ' ';
            for (int f = 0; f < 5 && ok; f++) {
                ok = parse_num(&p, end, f == 4 ? 16 : 10, f == 4 ? 8 : 10,
                               stops[f], &v[f]) &&
                     (f == 4 || (p < end && *p++ == ':'));
            }
            ok = ok && v[0] >= 1 && v[0] <= (unsigned)np && v[1] <= v[2] &&
                 v[3] <= UINT32_MAX && x->ngm < MAX_GMARKS &&
                 (x->ngm == 0 || x->gm[x->ngm - 1].page <= (int)v[0]) &&
                 (x->ngm < MAX_PAGE_GMARKS ||
                  x->gm[x->ngm - MAX_PAGE_GMARKS].page < (int)v[0]);
            if (ok) {
                if (!x->gm) {
                    x->gm = calloc(MAX_GMARKS, sizeof *x->gm);
                    if (!x->gm) {
                        jx_oom();
                    }
                }
                x->gm[x->ngm++] = (struct gmark){
                    (int)v[0], (long)v[1], (long)v[2],
                    {(uint32_t)v[3], (uint32_t)v[4]}};
            }
        }
        if (!ok) {
            x->ngm = 0;
            gm_warn(x, "PDF 由 jixiao 生成，但其中生成内容区域的记录无法识别"
                       "，已按原样读取全部内容");
        }
    }
    g_free(creator);
    g_free(kw);
}

/* Whether the centre of a character's box lies in a band of the page
 * left out. */
static bool dropped(const struct pctx *x, const PopplerRectangle *r)
{
    double c = (r->y1 + r->y2) / 2;
    for (size_t i = 0; i < x->ndrop; i++) {
        if (c >= x->drop[2 * i] && c <= x->drop[2 * i + 1]) {
            return true;
        }
    }
    return false;
}

/* The bands of this page to leave out (x->drop): each generated region
 * listed for the page whose characters (their boxes' centres inside the
 * band, blanks not counted) make the bag the writer recorded; a region
 * whose characters differ (the file was changed after jixiao wrote it)
 * is kept, with the warning I508. */
static void generated_bands(struct pctx *x, int page, const char *text,
                            const PopplerRectangle *rects, guint nr)
{
    x->ndrop = 0;
    const struct gmark *gm[MAX_PAGE_GMARKS];
    struct jx_text_bag bag[MAX_PAGE_GMARKS];
    size_t n = 0;
    for (size_t m = 0; m < x->ngm && n < MAX_PAGE_GMARKS; m++) {
        if (x->gm[m].page == page) {
            gm[n] = &x->gm[m];
            bag[n++] = (struct jx_text_bag){0, 0};
        }
    }
    if (n == 0) {
        return;
    }
    const char *s = text;
    size_t slen = strlen(text);
    for (guint i = 0; i < nr && *s; i++) {
        int32_t cp;
        int k = jx_utf8_decode(s, slen - (size_t)(s - text), &cp);
        k = k <= 0 ? 1 : k;
        double c = (rects[i].y1 + rects[i].y2) / 2;
        for (size_t m = 0; m < n; m++) {
            if (c >= (double)gm[m]->y0 / 100 && c <= (double)gm[m]->y1 / 100) {
                jx_text_bag_add(&bag[m], s, (size_t)k);
            }
        }
        s += k;
    }
    for (size_t m = 0; m < n; m++) {
        if (bag[m].n != gm[m]->bag.n || bag[m].hash != gm[m]->bag.hash) {
            gm_warn(x,
                    "PDF 第 %d 页 jixiao 生成内容的区域与记录不符（文件可能在"
                    "生成后被修改过），已按原样读取该区域",
                    page);
            continue;
        }
        x->drop = realloc(x->drop, 2 * (x->ndrop + 1) * sizeof *x->drop);
        if (!x->drop) {
            jx_oom();
        }
        x->drop[2 * x->ndrop] = (double)gm[m]->y0 / 100;
        x->drop[2 * x->ndrop + 1] = (double)gm[m]->y1 / 100;
        x->ndrop++;
    }
}

/* Read one page. */
static void read_page(struct pctx *x, PopplerPage *pg, int page)
{
    double pw = 0, ph = 0;
    poppler_page_get_size(pg, &pw, &ph);
    char *text = poppler_page_get_text(pg);
    PopplerRectangle *rects = NULL;
    guint nr = 0;
    if (!text || !poppler_page_get_text_layout(pg, &rects, &nr)) {
        g_free(text);
        g_free(rects);
        return;
    }
    if (nr > x->lim->max_page_words) {
        jx_import_error(x->diags, x->doc->file, "I507",
                        "PDF 第 %d 页字符过多：%u 个，上限 %zu 个", page, nr,
                        x->lim->max_page_words);
        x->failed = true;
        g_free(text);
        g_free(rects);
        return;
    }
    generated_bands(x, page, text, rects, nr);
    struct glyph *g = calloc(nr ? nr : 1, sizeof *g);
    if (!g) {
        jx_oom();
    }
    size_t ng = 0;
    const char *s = text;
    size_t slen = strlen(text);
    bool space = false;
    for (guint i = 0; i < nr && *s; i++) {
        int32_t cp;
        int k = jx_utf8_decode(s, slen - (size_t)(s - text), &cp);
        if (k <= 0) {
            k = 1;
            cp = 0xFFFD;
        }
        bool blank = cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' ||
                     cp == 0xA0 || cp == 0x3000 || cp < 0x20;
        const PopplerRectangle *r = &rects[i];
        if (blank) {
            space = true;
        }
        if (!blank && dropped(x, r)) {
            s += k;
            continue;
        }
        if (!blank && k < 8 && r->y2 > r->y1 && r->x2 >= r->x1) {
            g[ng].space = space;
            space = false;
            memcpy(g[ng].u, s, (size_t)k);
            g[ng].u[k] = '\0';
            g[ng].x1 = r->x1;
            g[ng].y1 = r->y1;
            g[ng].x2 = r->x2;
            g[ng].y2 = r->y2;
            ng++;
        }
        s += k;
    }
    g_free(text);
    g_free(rects);
    if (ng > 0) {
        find_rules(x, pg, pw, ph);
    } else {
        x->nrules = x->nvr = x->nhs = 0;
    }
    qsort(g, ng, sizeof *g, glyph_cmp_y);
    size_t nl = 0;
    struct line *l = make_lines(x, g, ng, &nl);
    free(g);
    /* running headers and footers: the first and last line when they
     * are page furniture */
    size_t a = 0, b = nl;
    if (b > a && page_furniture(&l[b - 1])) {
        b--;
    }
    if (b > a && page_furniture(&l[a])) {
        a++;
    }
    /* a running header or footer: the same first (last) line as on the
     * page before */
    char *first = b > a ? line_text(&l[a]) : NULL;
    char *last = b > a ? line_text(&l[b - 1]) : NULL;
    bool drop_first = first && x->prev_first && strcmp(first, x->prev_first) == 0;
    bool drop_last = last && x->prev_last && strcmp(last, x->prev_last) == 0 &&
                     b - a > 1;
    free(x->prev_first);
    free(x->prev_last);
    x->prev_first = first;
    x->prev_last = last;
    if (drop_last) {
        b--;
    }
    if (drop_first && b > a) {
        a++;
    }
    layout_page(x, l + a, b - a, pw, page);
    free_lines(l, nl);
}

/* PDF to document; see import_formats.h. */
struct jx_doc *jx_import_pdf(struct jx_arena *arena, const char *file,
                             const char *data, size_t len,
                             const struct jx_limits *lim,
                             struct jx_diags *diags)
{
    size_t objs = 0;
    const char *bad = scan_objects(data, len, lim, &objs);
    if (bad && strcmp(bad, "I504") == 0) {
        jx_import_error(diags, file, "I504",
                        "PDF 结构嵌套过深（超过 %d 层），疑为恶意文件，拒绝读取",
                        MAX_NEST);
        return NULL;
    }
    if (bad) {
        jx_import_error(diags, file, "I505",
                        "PDF 对象过多（超过 %zu 个），拒绝读取",
                        lim->max_pdf_objects);
        return NULL;
    }
    if (!xref_ok(data, len)) {
        jx_import_error(diags, file, "I503",
                        "PDF 交叉引用表损坏或缺失（startxref 未指向 xref），"
                        "文件不完整或已损坏，无法读取");
        return NULL;
    }
    GBytes *bytes = g_bytes_new_static(data, len);
    GError *err = NULL;
    PopplerDocument *pd = poppler_document_new_from_bytes(bytes, NULL, &err);
    if (!pd) {
        bool enc = err && err->domain == POPPLER_ERROR &&
                   err->code == POPPLER_ERROR_ENCRYPTED;
        if (enc) {
            jx_import_error(diags, file, "I502",
                            "PDF 文件已加密（需要密码），无法读取：请提交未加密"
                            "的文件");
        } else {
            jx_import_error(diags, file, "I501",
                            "无法读取 PDF 文件：文件已损坏或不是有效的 PDF");
        }
        if (err) {
            g_error_free(err);
        }
        g_bytes_unref(bytes);
        return NULL;
    }
    int np = poppler_document_get_n_pages(pd);
    struct jx_doc *doc = NULL;
    if (np > lim->max_pages) {
        jx_import_error(diags, file, "I506", "PDF 页数过多：%d 页，上限 %d 页",
                        np, lim->max_pages);
    } else {
        struct pctx x;
        memset(&x, 0, sizeof x);
        x.doc = jx_doc_new(arena, file, JX_SRC_PDF);
        x.lim = lim;
        x.diags = diags;
        read_gmarks(&x, pd, np);
        for (int i = 0; i < np && !x.failed; i++) {
            PopplerPage *pg = poppler_document_get_page(pd, i);
            if (!pg) {
                continue;
            }
            read_page(&x, pg, i + 1);
            g_object_unref(pg);
        }
        /* finish the tables (joined ones grew after their first end) */
        for (size_t k = 0; k < x.doc->nblocks && !x.failed; k++) {
            if (x.doc->blocks[k].kind == JX_DOC_TABLE &&
                jx_doc_table_end(x.doc, x.doc->blocks[k].table) != 0) {
                jx_import_error(diags, file, "I506",
                                "PDF 表格过大：超过 %ld 个网格位置",
                                (long)JX_DOC_MAX_GRID);
                x.failed = true;
            }
        }
        doc = x.failed ? NULL : x.doc;
        free(x.rules);
        free(x.vr);
        free(x.hs);
        free(x.prev_first);
        free(x.prev_last);
        free(x.gm);
        free(x.drop);
    }
    g_object_unref(pd);
    g_bytes_unref(bytes);
    return doc;
}
