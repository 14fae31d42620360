/*
 * report_doc.c - building a report document (report.h): blocks, tables
 * of cells with spans, charts and details, all in the document's arena.
 */
#include "jixiao/report.h"

#include <stdlib.h>
#include <string.h>

/* A new empty report document in arena. */
struct jx_report_doc *jx_report_new(struct jx_arena *a, const char *title)
{
    struct jx_report_doc *d = jx_alloc(a, sizeof *d);
    memset(d, 0, sizeof *d);
    d->arena = a;
    d->title = jx_strdup(a, title ? title : "");
    return d;
}

/* A new block at the end of d (zeroed). */
static struct jx_rblock *add_block(struct jx_report_doc *d,
                                   enum jx_rblock_kind kind)
{
    if (d->nblocks == d->capblocks) {
        size_t cap = d->capblocks ? 2 * d->capblocks : 32;
        struct jx_rblock *nb = jx_alloc_array(d->arena, cap, sizeof *nb);
        if (d->nblocks) {
            memcpy(nb, d->blocks, d->nblocks * sizeof *nb);
        }
        d->blocks = nb;
        d->capblocks = cap;
    }
    struct jx_rblock *b = &d->blocks[d->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

/* Append a heading of level 1..3. */
void jx_report_heading(struct jx_report_doc *d, int level, const char *text)
{
    struct jx_rblock *b = add_block(d, JX_RB_HEADING);
    b->level = level < 1 ? 1 : level > 3 ? 3 : level;
    b->text = jx_strdup(d->arena, text ? text : "");
}

/* Append a paragraph. */
void jx_report_para(struct jx_report_doc *d, enum jx_rstyle style,
                    const char *text)
{
    struct jx_rblock *b = add_block(d, JX_RB_PARA);
    b->style = style;
    b->text = jx_strdup(d->arena, text ? text : "");
}

/* Append a page break. */
void jx_report_pagebreak(struct jx_report_doc *d)
{
    add_block(d, JX_RB_PAGEBREAK);
}

/* Append an empty table of ncols columns, header_rows of them header. */
struct jx_rtable *jx_report_table(struct jx_report_doc *d, int ncols,
                                  int header_rows)
{
    struct jx_rblock *b = add_block(d, JX_RB_TABLE);
    struct jx_rtable *t = jx_alloc(d->arena, sizeof *t);
    memset(t, 0, sizeof *t);
    t->ncols = ncols > 0 ? ncols : 1;
    t->header_rows = header_rows > 0 ? header_rows : 0;
    b->table = t;
    return t;
}

/* Append a chart of n labels with zeroed values. */
struct jx_rchart *jx_report_chart(struct jx_report_doc *d,
                                  enum jx_chart_kind kind, size_t n)
{
    struct jx_rblock *b = add_block(d, JX_RB_CHART);
    struct jx_rchart *c = jx_alloc(d->arena, sizeof *c);
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->n = n;
    c->labels = jx_alloc_array(d->arena, n ? n : 1, sizeof *c->labels);
    for (int s = 0; s < 2; s++) {
        c->values[s] = jx_alloc_array(d->arena, n ? n : 1,
                                      sizeof *c->values[s]);
        for (size_t i = 0; i < n; i++) {
            c->values[s][i] = jx_rat_int(0);
            c->labels[i] = "";
        }
    }
    b->chart = c;
    b->generated = true;
    return c;
}

/* Append a details block of nlines empty lines. */
struct jx_rdetails *jx_report_details(struct jx_report_doc *d,
                                      const char *summary, size_t nlines)
{
    struct jx_rblock *b = add_block(d, JX_RB_DETAILS);
    struct jx_rdetails *x = jx_alloc(d->arena, sizeof *x);
    x->summary = jx_strdup(d->arena, summary ? summary : "");
    x->nlines = nlines;
    x->lines = jx_alloc_array(d->arena, nlines ? nlines : 1,
                              sizeof *x->lines);
    for (size_t i = 0; i < nlines; i++) {
        x->lines[i] = "";
    }
    b->details = x;
    return x;
}

/* Add a cell to t and return it; the table grows to cover it. */
struct jx_rcell *jx_rtable_cell(struct jx_report_doc *d, struct jx_rtable *t,
                                int row, int col, int rowspan, int colspan,
                                const char *text)
{
    if (t->ncells == t->capcells) {
        size_t cap = t->capcells ? 2 * t->capcells : 64;
        struct jx_rcell *nc = jx_alloc_array(d->arena, cap, sizeof *nc);
        if (t->ncells) {
            memcpy(nc, t->cells, t->ncells * sizeof *nc);
        }
        t->cells = nc;
        t->capcells = cap;
    }
    struct jx_rcell *c = &t->cells[t->ncells++];
    memset(c, 0, sizeof *c);
    c->text = jx_strdup(d->arena, text ? text : "");
    c->row = row < 0 ? 0 : row;
    c->col = col < 0 ? 0 : col;
    c->rowspan = rowspan < 1 ? 1 : rowspan;
    c->colspan = colspan < 1 ? 1 : colspan;
    c->header = c->row < t->header_rows;
    c->align = c->header ? JX_RA_CENTER : JX_RA_LEFT;
    if (c->col + c->colspan > t->ncols) {
        t->ncols = c->col + c->colspan;
    }
    if (c->row + c->rowspan > t->nrows) {
        t->nrows = c->row + c->rowspan;
    }
    return c;
}

/* The grid t needs (report.h). */
void jx_rtable_size(const struct jx_rtable *t, long *nrows, long *ncols)
{
    long nr = t->nrows > 0 ? t->nrows : 0;
    long nc = t->ncols > 0 ? t->ncols : 1;
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        long r = (long)c->row + (c->rowspan > 1 ? c->rowspan : 1);
        long k = (long)c->col + (c->colspan > 1 ? c->colspan : 1);
        nr = r > nr ? r : nr;
        nc = k > nc ? k : nc;
    }
    *nrows = nr;
    *ncols = nc;
}

/* Place t's cells on the grid (report.h). */
void jx_rtable_place(const struct jx_rtable *t, long nrows, long ncols,
                     const struct jx_rcell **at,
                     void (*dropped)(void *ctx, const struct jx_rcell *c),
                     void *ctx)
{
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        long r0 = c->row, c0 = c->col;
        long r1 = r0 + (c->rowspan > 1 ? c->rowspan : 1);
        long c1 = c0 + (c->colspan > 1 ? c->colspan : 1);
        r1 = r1 > nrows ? nrows : r1;
        c1 = c1 > ncols ? ncols : c1;
        bool free_ = r0 >= 0 && c0 >= 0 && r0 < nrows && c0 < ncols;
        for (long r = r0; free_ && r < r1; r++) {
            for (long k = c0; free_ && k < c1; k++) {
                free_ = !at[r * ncols + k];
            }
        }
        if (!free_) {
            if (dropped) {
                dropped(ctx, c);
            }
            continue;
        }
        for (long r = r0; r < r1; r++) {
            for (long k = c0; k < c1; k++) {
                at[r * ncols + k] = c;
            }
        }
    }
}

/* The cell whose top-left is (row, col), or NULL. */
const struct jx_rcell *jx_rtable_at(const struct jx_rtable *t, int row,
                                    int col)
{
    for (size_t i = 0; i < t->ncells; i++) {
        if (t->cells[i].row == row && t->cells[i].col == col) {
            return &t->cells[i];
        }
    }
    return NULL;
}

/* True for code points a line may break beside (CJK ideographs, kana,
 * hangul and full-width punctuation) and for spaces. */
static bool breakable(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 ||
           (cp >= 0x2E80 && cp <= 0x303F) || (cp >= 0x3040 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFF01 && cp <= 0xFF60);
}

/* The width a piece of one line must have so that it is not broken:
 * the whole line when it is short (at most JX_RTABLE_SHORT display
 * columns: "分值", "得分", "100"), else the widest run without a break
 * opportunity that holds a digit ("1300.00", "37.5") and is at most 16
 * bytes long (longer runs break anyway). */
static long line_min(const char *s, size_t n, bool bold,
                     long (*measure)(void *ctx, const char *s, size_t n,
                                     bool bold),
                     void *ctx)
{
    char *tmp = jx_xmalloc(n + 1);
    memcpy(tmp, s, n);
    tmp[n] = '\0';
    size_t width = jx_utf8_width(tmp);
    free(tmp);
    if (width <= JX_RTABLE_SHORT) {
        return n ? measure(ctx, s, n, bold) : 0;
    }
    long best = 0;
    size_t i = 0;
    while (i < n) {
        size_t start = i, end = i;
        bool digit = false;
        for (;;) {
            int32_t cp;
            int k = i < n ? jx_utf8_decode(s + i, n - i, &cp) : 0;
            if (k <= 0 || breakable(cp)) {
                end = i;
                i += k > 0 ? (size_t)k : 1;
                break;
            }
            digit = digit || (cp >= '0' && cp <= '9');
            i += (size_t)k;
        }
        if (digit && end > start && end - start <= 16) {
            long w = measure(ctx, s + start, end - start, bold);
            best = w > best ? w : best;
        }
    }
    return best;
}

/* Where to break a short header word in two (report.h). */
size_t jx_rtable_word_break(const char *s)
{
    size_t off[5];
    size_t n = 0, i = 0, len = s ? strlen(s) : 0;
    while (i < len) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, len - i, &cp);
        if (k <= 0 || n == 4 || cp < 0x4E00 || cp > 0x9FFF) {
            return 0;
        }
        off[n++] = i;
        i += (size_t)k;
    }
    return n >= 3 ? off[(n + 1) / 2] : 0;
}

/* Column widths for a writer (report.h). */
void jx_rtable_widths(const struct jx_rtable *t, int ncols, long total,
                      long pad,
                      long (*measure)(void *ctx, const char *s, size_t n,
                                      bool bold),
                      void *ctx, long *w)
{
    if (ncols < 1) {
        return;
    }
    long *minw = jx_xmalloc((size_t)ncols * sizeof *minw);
    int64_t sum = 0;
    bool given = t->widths != NULL;
    for (int k = 0; given && k < ncols; k++) {
        if (k >= t->ncols || t->widths[k] <= 0 || t->widths[k] > 1000000) {
            given = false;
        } else {
            sum += t->widths[k];
        }
    }
    for (int k = 0; k < ncols; k++) {
        w[k] = given ? (long)((int64_t)total * t->widths[k] / sum)
                     : total / ncols;
        minw[k] = 0;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        if (c->colspan != 1 || c->col < 0 || c->col >= ncols) {
            continue;
        }
        const char *s = c->text ? c->text : "";
        if (c->flagged) { /* the mark goes before the number */
            struct jx_buf m;
            jx_buf_init(&m, JX_REPORT_MAX_BYTES);
            jx_buf_adds(&m, "\xe2\x96\xb2"); /* ▲ */
            jx_buf_add(&m, s, strcspn(s, "\n"));
            long need = m.p ? line_min(m.p, m.len, c->header, measure, ctx) +
                                  pad
                            : 0;
            minw[c->col] = need > minw[c->col] ? need : minw[c->col];
            jx_buf_release(&m);
        }
        while (*s) {
            size_t n = strcspn(s, "\n");
            long need = line_min(s, n, c->header, measure, ctx);
            if (need) {
                need += pad;
                minw[c->col] = need > minw[c->col] ? need : minw[c->col];
            }
            s += n + (s[n] ? 1 : 0);
        }
    }
    long summin = 0, deficit = 0, slack = 0;
    for (int k = 0; k < ncols; k++) {
        summin += minw[k];
        if (minw[k] > w[k]) {
            deficit += minw[k] - w[k];
        } else {
            slack += w[k] - minw[k];
        }
    }
    if (summin > total) { /* cannot fit: in proportion to the minima */
        for (int k = 0; k < ncols; k++) {
            w[k] = (long)((int64_t)total * minw[k] / summin);
        }
    } else if (deficit > 0) {
        for (int k = 0; k < ncols; k++) {
            long cut = slack > 0 && w[k] > minw[k]
                           ? (long)((int64_t)deficit * (w[k] - minw[k]) /
                                    slack)
                           : 0;
            w[k] = minw[k] > w[k] - cut ? minw[k] : w[k] - cut;
        }
    }
    long used = 0;
    for (int k = 0; k + 1 < ncols; k++) {
        used += w[k];
    }
    w[ncols - 1] = total - used; /* the rounding to the last column */
    free(minw);
}

/* Append a table as text rows. */
static void text_table(const struct jx_rtable *t, struct jx_buf *out)
{
    if (t->title) {
        jx_buf_addf(out, "【表】%s\n", t->title);
    }
    if (t->above_left || t->above_right) {
        jx_buf_addf(out, "%s%s%s\n", t->above_left ? t->above_left : "",
                    t->above_left && t->above_right ? "　" : "",
                    t->above_right ? t->above_right : "");
    }
    for (int r = 0; r < t->nrows; r++) {
        bool first = true;
        for (int col = 0; col < t->ncols; col++) {
            const struct jx_rcell *c = jx_rtable_at(t, r, col);
            if (!c) {
                continue;
            }
            bool head = r < t->header_rows ||
                        (t->subhead_row > 0 && r == t->subhead_row);
            jx_buf_adds(out, first ? (head ? "H " : "  ") : " | ");
            first = false;
            jx_buf_addf(out, "%s%s", c->flagged ? "※" : "", c->text);
            if (c->rowspan > 1 || c->colspan > 1) {
                jx_buf_addf(out, "<%d×%d>", c->colspan, c->rowspan);
            }
            if (c->formula) {
                jx_buf_addf(out, "[=%s]", c->formula);
            }
        }
        jx_buf_addc(out, '\n');
    }
    if (t->below) {
        jx_buf_addf(out, "%s\n", t->below);
    }
}

/* Plain-text rendering of a report document (report.h). */
int jx_report_text(const struct jx_report_doc *d, struct jx_buf *out)
{
    jx_buf_addf(out, "%s\n", d->title);
    if (d->subtitle) {
        jx_buf_addf(out, "%s\n", d->subtitle);
    }
    for (size_t i = 0; i < d->nblocks; i++) {
        const struct jx_rblock *b = &d->blocks[i];
        switch (b->kind) {
        case JX_RB_HEADING:
            jx_buf_addf(out, "\n%s %s\n",
                        b->level == 1 ? "#" : b->level == 2 ? "##" : "###",
                        b->text);
            break;
        case JX_RB_PARA:
            jx_buf_addf(out, "%s%s\n", b->style == JX_RS_BODY ? "　　" : "",
                        b->text);
            break;
        case JX_RB_TABLE:
            text_table(b->table, out);
            break;
        case JX_RB_CHART: {
            const struct jx_rchart *c = b->chart;
            jx_buf_addf(out, "【图】%s（%s）\n", c->title ? c->title : "",
                        c->unit ? c->unit : "");
            for (size_t k = 0; k < c->n; k++) {
                char v0[JX_NUM_BUFSZ], v1[JX_NUM_BUFSZ];
                jx_buf_addf(out, "  %s：%s %s", c->labels[k],
                            c->series[0] ? c->series[0] : "",
                            jx_rat_format(c->values[0][k], 2, false,
                                          JX_ROUND_HALF_UP, v0));
                if (c->kind == JX_CHART_PAIRS) {
                    jx_buf_addf(out, "，%s %s", c->series[1] ? c->series[1] : "",
                                jx_rat_format(c->values[1][k], 2, false,
                                              JX_ROUND_HALF_UP, v1));
                } else if (c->max) {
                    jx_buf_addf(out, " / %s",
                                jx_rat_format(c->max[k], 2, false,
                                              JX_ROUND_HALF_UP, v1));
                }
                jx_buf_addc(out, '\n');
            }
            break;
        }
        case JX_RB_DETAILS:
            jx_buf_addf(out, "▸ %s\n", b->details->summary);
            for (size_t k = 0; k < b->details->nlines; k++) {
                jx_buf_addf(out, "    %s\n", b->details->lines[k]);
            }
            break;
        case JX_RB_PAGEBREAK:
            jx_buf_adds(out, "\f\n");
            break;
        }
    }
    return out->toobig ? -1 : 0;
}
