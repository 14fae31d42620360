/*
 * report_xlsx.c - a report document (report.h) written as an XLSX
 * workbook with libxlsxwriter: one worksheet per table that has a
 * `sheet` name, in document order, laid out as JX_REPORT_XLSX_TOP says
 * (row 1 the title, row 2 above_left and above_right, then the table's
 * rows, then the line below), so the formulas the builder wrote hold.
 *
 * Each sheet: merged cells as in the table; borders; header rows bold,
 * centred, wrapped, shaded and frozen; number formats by kind (MONEY
 * "0.00", PERCENT "0.00%", SCORE "0.00", COUNT "0"); computed cells as
 * live formulas with their value cached, so the workbook shows the
 * numbers before any recalculation; flagged cells shaded yellow; each
 * cell's derivation (note) as a comment; column widths from the table's
 * relative widths and its content; row heights for wrapped text; A4,
 * landscape when wide, fitted to the page width, print area, the title
 * and header rows repeated on every printed page, the running header
 * and "第 X 页 共 Y 页" in the footer.
 *
 * What is not written: the prose, charts, details and tables without a
 * sheet name (they live in the DOCX, HTML and PDF), and no contents
 * sheet: the workbook holds the forms only, so that importing it gives
 * back the forms and nothing a recogniser could mistake for one.  A
 * document with no sheet at all gets one sheet "说明" with its title.
 *
 * libxlsxwriter takes numbers as double: rat_to_double() is the one
 * place exact values become binary, at the call that writes them (the
 * value first rounded half-up to 15 significant digits, what Excel
 * keeps).  libxlsxwriter prints a double with "%.16G" (9.8 becomes
 * 9.800000000000001), so once the workbook is closed every number of
 * its sheet XML is rewritten as the exact decimal it came from
 * (jx_xlsx_exact_numbers, below): the file holds <v>9.8</v>, and the
 * number formats ("0.00", "0.00%") are for display only.
 * Text is repaired to valid UTF-8 (R306) and cut to Excel's limits
 * (R303) before libxlsxwriter sees it, so it never prints a warning.
 */
#include "jixiao/report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "report/report_xlsx.h"

/* Excel's limits: rows and columns of a sheet, characters of a cell,
 * of a sheet name and of a page header or footer (we keep under). */
#define XL_ROWS 1048576L
#define XL_COLS 16384L
#define XL_CELL_CHARS 32767
#define XL_NAME_UNITS 31
#define XL_HEADER_CHARS 200

/* Most grid positions (rows × columns) of one table. */
#define MAX_GRID 4000000L

/* Widest and narrowest column (characters), and the total width past
 * which a sheet prints landscape. */
#define COL_MAX 40
#define COL_MIN 5
#define LANDSCAPE_CHARS 100

/* Fills: header cells, flagged cells. */
#define FILL_HEADER 0xF2F2F2
#define FILL_FLAG 0xFFE699

/* The workbook being written. */
struct xs {
    lxw_workbook *wb;
    lxw_error err;             /* the first libxlsxwriter error */
    struct jx_diags *diags;
    struct jx_arena *a;        /* scratch (names, texts) */
    lxw_format *cell[2][2][5][3]; /* [header][flagged][fmt][align] */
    lxw_format *title, *left, *right, *below;
    const char **names;        /* sheet names used so far */
    size_t nnames, capnames;
    struct jx_buf tmp;         /* repaired text */
    size_t repaired;           /* characters replaced or dropped */
    const char *sheet;         /* the sheet being written (locations) */
};

/* Remember the first libxlsxwriter error. */
static void chk(struct xs *x, lxw_error e)
{
    if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR) {
        x->err = e;
    }
}

/* Powers of ten, 10^0 .. 10^18 (doubles hold them exactly). */
static int64_t pow10i(int k)
{
    int64_t p = 1;
    for (int i = 0; i < k && i < 18; i++) {
        p *= 10;
    }
    return p;
}

/* k with 10^(k-1) <= |v| < 10^k (0 for 0), within -18..19. */
static int magnitude(struct jx_rat v)
{
    if (v.num == 0 || v.num == INT64_MIN) {
        return 0;
    }
    struct jx_rat a = {v.num < 0 ? -v.num : v.num, v.den};
    int k;
    if (jx_rat_cmp(a, jx_rat_int(1)) >= 0) {
        for (k = 1; k < 19 && jx_rat_cmp(a, jx_rat_int(pow10i(k))) >= 0;
             k++) {
        }
        return k;
    }
    struct jx_rat t;
    for (k = 0; k > -18 && jx_rat_make(1, pow10i(1 - k), &t) == JX_NUM_OK &&
                jx_rat_cmp(a, t) < 0;
         k--) {
    }
    return k;
}

/* The double nearest to v rounded half-up to 15 significant digits, for
 * libxlsxwriter's number arguments: the one place this file leaves
 * exact numbers.  The rounded value is an integer N over 10^s with
 * |N| < 10^15 and s <= 18, both held exactly by doubles, so one IEEE
 * division rounds it correctly; and the decimal comes back from the
 * "%.16G" text libxlsxwriter prints (jx_xlsx_number_text). */
static double rat_to_double(struct jx_rat v)
{
    if (v.den <= 0) {
        return 0;
    }
    int scale = 15 - magnitude(v);
    scale = scale < 0 ? 0 : scale > 18 ? 18 : scale;
    struct jx_rat r;
    int64_t p = pow10i(scale);
    if (jx_rat_round(v, scale, JX_ROUND_HALF_UP, &r) == JX_NUM_OK &&
        r.den > 0 && p % r.den == 0) {
        int64_t f = p / r.den;
        if (r.num <= INT64_MAX / f && r.num >= -(INT64_MAX / f)) {
            return (double)(r.num * f) / (double)p;
        }
    }
    return (double)v.num / (double)v.den;
}

/* s as valid UTF-8 that XML can carry (an invalid byte or U+FFFE/FFFF
 * becomes U+FFFD, control characters other than tab and newline are
 * dropped: R306, counted), cut to `max` characters (R303, at the cell
 * r, c when r >= 0).  In x->tmp until the next call. */
static const char *repair(struct xs *x, const char *s, size_t max, long r,
                          long c)
{
    bool cut;
    jx_buf_reset(&x->tmp);
    x->repaired += jx_utf8_xml(&x->tmp, s ? s : "", s ? strlen(s) : 0, true,
                               max, &cut);
    if (cut) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        loc.sheet = x->sheet;
        char ref[32] = "";
        if (r >= 0) {
            lxw_rowcol_to_cell(ref, (lxw_row_t)r, (lxw_col_t)c);
            loc.cell = jx_strdup(x->a, ref);
        }
        jx_diag_add(x->diags, "R303", JX_SEV_WARNING, &loc,
                    "文字超过 Excel 的上限 %zu 个字符，已截断", max);
    }
    return x->tmp.p;
}

/* Display width of s[0..n) (CJK characters count 2). */
static int line_width(const char *s, size_t n)
{
    char small[256];
    char *line = n < sizeof small ? small : jx_xmalloc(n + 1);
    memcpy(line, s, n);
    line[n] = '\0';
    size_t w = jx_utf8_width(line);
    if (line != small) {
        free(line);
    }
    return w > 100000 ? 100000 : (int)w;
}

/* Display width of the widest line of s. */
static int text_width(const char *s)
{
    int best = 0;
    while (s && *s) {
        size_t n = strcspn(s, "\n");
        int w = line_width(s, n);
        best = w > best ? w : best;
        s += n + (s[n] ? 1 : 0);
    }
    return best;
}

/* Lines s takes in a column `width` characters wide (at most 31: Excel
 * rows are at most 409 points high). */
static int text_lines(const char *s, int width)
{
    int lines = 0;
    int room = width > 2 ? width - 1 : 1;
    while (s && *s) {
        size_t n = strcspn(s, "\n");
        int w = line_width(s, n);
        lines += w ? (w + room - 1) / room : 1;
        s += n + (s[n] ? 1 : 0);
        if (lines >= 31) {
            return 31;
        }
    }
    return lines ? lines : 1;
}

/* ---- formats ------------------------------------------------------------- */

/* A new format: 宋体 10 pt, with a thin border and wrapped, vertically
 * centred text when `cell`. */
static lxw_format *new_format(struct xs *x, bool cell)
{
    lxw_format *f = workbook_add_format(x->wb);
    format_set_font_name(f, "宋体");
    format_set_font_size(f, 10);
    if (cell) {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        format_set_text_wrap(f);
    }
    return f;
}

/* Create the formats that are not per cell. */
static void make_formats(struct xs *x)
{
    x->title = new_format(x, false);
    format_set_bold(x->title);
    format_set_font_size(x->title, 14);
    format_set_align(x->title, LXW_ALIGN_CENTER);
    format_set_align(x->title, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(x->title);
    x->left = new_format(x, false);
    format_set_align(x->left, LXW_ALIGN_LEFT);
    format_set_align(x->left, LXW_ALIGN_VERTICAL_CENTER);
    x->right = new_format(x, false);
    format_set_align(x->right, LXW_ALIGN_RIGHT);
    format_set_align(x->right, LXW_ALIGN_VERTICAL_CENTER);
    x->below = new_format(x, false);
    format_set_align(x->below, LXW_ALIGN_LEFT);
    format_set_align(x->below, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(x->below);
}

/* The horizontal alignment of a cell: header cells as set (centred by
 * default), numbers right-aligned unless set otherwise. */
static enum jx_ralign cell_align(const struct jx_rcell *c)
{
    if (!c->header && c->align == JX_RA_LEFT && c->fmt != JX_RF_TEXT) {
        return JX_RA_RIGHT;
    }
    return c->align;
}

/* The format of a cell (NULL: an empty position), made on first use. */
static lxw_format *cell_format(struct xs *x, const struct jx_rcell *c)
{
    int h = c && c->header ? 1 : 0;
    int fl = c && c->flagged ? 1 : 0;
    int fm = c && c->fmt >= JX_RF_TEXT && c->fmt <= JX_RF_COUNT ? (int)c->fmt
                                                                : 0;
    enum jx_ralign al = c ? cell_align(c) : JX_RA_LEFT;
    int a = al == JX_RA_CENTER ? 1 : al == JX_RA_RIGHT ? 2 : 0;
    lxw_format **slot = &x->cell[h][fl][fm][a];
    if (*slot) {
        return *slot;
    }
    lxw_format *f = new_format(x, true);
    static const uint8_t aligns[3] = {LXW_ALIGN_LEFT, LXW_ALIGN_CENTER,
                                      LXW_ALIGN_RIGHT};
    format_set_align(f, aligns[a]);
    static const char *const nums[5] = {NULL, "0.00", "0.00%", "0.00", "0"};
    if (nums[fm]) {
        format_set_num_format(f, nums[fm]);
    }
    if (h) {
        format_set_bold(f);
    }
    if (fl) {
        format_set_bg_color(f, FILL_FLAG);
    } else if (h) {
        format_set_bg_color(f, FILL_HEADER);
    }
    *slot = f;
    return f;
}

/* ---- sheet names ----------------------------------------------------------- */

/* True when name is already a sheet's (Excel compares without case). */
static bool name_taken(const struct xs *x, const char *name)
{
    for (size_t i = 0; i < x->nnames; i++) {
        if (strcasecmp(x->names[i], name) == 0) {
            return true;
        }
    }
    return false;
}

/* want made a legal sheet name: []:*?/\ become '_', control characters
 * and invalid bytes dropped, apostrophes at either end dropped, cut to
 * `units` UTF-16 units (Excel counts those); in the arena. */
static char *legal_name(struct xs *x, const char *want, int units)
{
    size_t n = strlen(want);
    char *out = jx_alloc(x->a, n + 1);
    size_t len = 0, i = 0;
    int used = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(want + i, n - i, &cp);
        if (k < 0) {
            i++;
            continue;
        }
        int u = cp > 0xFFFF ? 2 : 1;
        if (used + u > units) {
            break;
        }
        if (cp < 0x20 || cp == 0x7F || cp == 0xFFFE || cp == 0xFFFF) {
            i += (size_t)k;
            continue;
        }
        if (cp < 0x80 && strchr("[]:*?/\\", (int)cp)) {
            out[len++] = '_';
        } else {
            memcpy(out + len, want + i, (size_t)k);
            len += (size_t)k;
        }
        used += u;
        i += (size_t)k;
    }
    out[len] = '\0';
    while (len && out[len - 1] == '\'') {
        out[--len] = '\0';
    }
    size_t lead = strspn(out, "'");
    return out + lead;
}

/* A legal sheet name for want, unique in the workbook: " (2)", " (3)"
 * … added when taken; "表N" when nothing legal is left.  A name that
 * had to change is reported (R302). */
static const char *sheet_name(struct xs *x, const char *want, int tno)
{
    char *base = legal_name(x, want, XL_NAME_UNITS);
    if (!*base || strcasecmp(base, "History") == 0) {
        base = jx_sprintf(x->a, "表%d", tno);
    }
    const char *name = base;
    for (int k = 2; name_taken(x, name); k++) {
        char suffix[24];
        snprintf(suffix, sizeof suffix, " (%d)", k);
        char *stem = legal_name(x, base, XL_NAME_UNITS - (int)strlen(suffix));
        name = jx_sprintf(x->a, "%s%s", stem, suffix);
    }
    if (strcmp(name, want) != 0) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        loc.table = tno;
        jx_diag_add(x->diags, "R302", JX_SEV_WARNING, &loc,
                    "工作表名称“%s”不合法或与其他工作表重复，改为“%s”",
                    repair(x, want, 64, -1, 0), name);
    }
    x->names = jx_arena_grow(x->a, x->names, x->nnames, &x->capnames,
                             sizeof *x->names);
    x->names[x->nnames++] = name;
    return name;
}

/* ---- one table ------------------------------------------------------------- */

/* A table on its grid: the covering cell of each position. */
struct grid {
    int nrows, ncols;
    const struct jx_rcell **at; /* nrows × ncols (malloc'd) */
};

/* What a dropped cell is reported with (R304). */
struct drop_ctx {
    struct xs *x;
    struct jx_loc loc;
    int tno;
};

/* Report a cell left out of the grid because it overlaps (R304). */
static void drop_cell(void *ctx, const struct jx_rcell *c)
{
    struct drop_ctx *d = ctx;
    char ref[32];
    lxw_rowcol_to_cell(ref, (lxw_row_t)(c->row + JX_REPORT_XLSX_TOP),
                       (lxw_col_t)c->col);
    d->loc.cell = jx_strdup(d->x->a, ref);
    d->loc.row = c->row + 1;
    d->loc.column = c->col + 1;
    jx_diag_add(d->x->diags, "R304", JX_SEV_WARNING, &d->loc,
                "表格 %d 第 %d 行第 %d 列的单元格与其他单元格重叠，已略去",
                d->tno, c->row + 1, c->col + 1);
}

/* Lay t out on a grid; a cell overlapping an earlier one is dropped
 * (R304).  0, or -1 when the table does not fit a sheet (R305). */
static int layout(struct xs *x, const struct jx_rtable *t, int tno,
                  struct grid *g)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.table = tno;
    loc.sheet = x->sheet;
    long nrows, ncols;
    jx_rtable_size(t, &nrows, &ncols);
    if (ncols > XL_COLS || nrows + JX_REPORT_XLSX_TOP + 1 > XL_ROWS ||
        nrows > MAX_GRID / ncols) {
        jx_diag_add(x->diags, "R305", JX_SEV_ERROR, &loc,
                    "表格 %d 过大（%ld 行 × %ld 列），超出 Excel 工作表的"
                    "范围或 %ld 个格子的上限",
                    tno, nrows, ncols, MAX_GRID);
        return -1;
    }
    g->nrows = (int)nrows;
    g->ncols = (int)ncols;
    size_t npos = (size_t)(nrows * ncols);
    g->at = jx_xmalloc((npos ? npos : 1) * sizeof *g->at);
    memset(g->at, 0, (npos ? npos : 1) * sizeof *g->at);
    struct drop_ctx dc = {x, loc, tno};
    jx_rtable_place(t, nrows, ncols, g->at, drop_cell, &dc);
    return 0;
}

/* Column widths in characters: the widest unmerged text of each column
 * (within COL_MIN..COL_MAX); with relative widths, their total shared
 * out in proportion.  Returns the total. */
static int col_widths(const struct jx_rtable *t, const struct grid *g,
                      int *w)
{
    int total = 0;
    for (int k = 0; k < g->ncols; k++) {
        w[k] = COL_MIN;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        if (c->colspan > 1 || c->col < 0 || c->col >= g->ncols) {
            continue;
        }
        int cw = text_width(c->text) + 2;
        cw = cw > COL_MAX ? COL_MAX : cw;
        w[c->col] = cw > w[c->col] ? cw : w[c->col];
    }
    for (int k = 0; k < g->ncols; k++) {
        total += w[k];
    }
    bool given = t->widths != NULL;
    long sum = 0;
    for (int k = 0; given && k < g->ncols; k++) {
        if (k >= t->ncols || t->widths[k] <= 0 || t->widths[k] > 1000) {
            given = false;
        } else {
            sum += t->widths[k];
        }
    }
    if (given && sum > 0) {
        int all = total;
        total = 0;
        for (int k = 0; k < g->ncols; k++) {
            long v = (long)all * t->widths[k] / sum;
            w[k] = v < COL_MIN ? COL_MIN : v > 4 * COL_MAX ? 4 * COL_MAX
                                                           : (int)v;
            total += w[k];
        }
    }
    return total;
}

/* Write the content of cell c at (r, col) with format f: a formula
 * with its cached value, a number, text, or a blank with borders. */
static void put(struct xs *x, lxw_worksheet *ws, const struct jx_rcell *c,
                lxw_row_t r, lxw_col_t col, lxw_format *f)
{
    if (c->formula && *c->formula) {
        char *fx = jx_strdup(x->a, repair(x, c->formula, 8000, r, col));
        if (c->has_value) {
            chk(x, worksheet_write_formula_num(ws, r, col, fx, f,
                                               rat_to_double(c->value)));
        } else {
            chk(x, worksheet_write_formula_str(
                       ws, r, col, fx, f,
                       repair(x, c->text, XL_CELL_CHARS, r, col)));
        }
    } else if (c->has_value) {
        chk(x, worksheet_write_number(ws, r, col, rat_to_double(c->value),
                                      f));
    } else if (c->text && *c->text) {
        chk(x, worksheet_write_string(
                   ws, r, col, repair(x, c->text, XL_CELL_CHARS, r, col), f));
    } else {
        chk(x, worksheet_write_blank(ws, r, col, f));
    }
    if ((c->note && *c->note) || c->flagged) {
        const char *s = c->note && *c->note ? c->note : "";
        if (c->flagged) {
            s = jx_sprintf(x->a, "%s%s▲ 填报数与复核计算结果不一致", s,
                           *s ? "\n" : "");
        }
        lxw_comment_options o;
        memset(&o, 0, sizeof o);
        o.author = (char *)"jixiao";
        o.width = 320;
        o.height = 90;
        chk(x, worksheet_write_comment_opt(
                   ws, r, col, repair(x, s, XL_CELL_CHARS, r, col), &o));
    }
}

/* Write the cells of t from sheet row `top`: merged ranges, contents,
 * and blanks with borders where no cell is. */
static void cells(struct xs *x, lxw_worksheet *ws, const struct grid *g,
                  lxw_row_t top)
{
    for (int r = 0; r < g->nrows; r++) {
        for (int k = 0; k < g->ncols; k++) {
            const struct jx_rcell *c =
                g->at[(size_t)r * (size_t)g->ncols + (size_t)k];
            lxw_row_t sr = top + (lxw_row_t)r;
            lxw_col_t sc = (lxw_col_t)k;
            if (!c) {
                chk(x, worksheet_write_blank(ws, sr, sc,
                                             cell_format(x, NULL)));
                continue;
            }
            if (c->row != r || c->col != k) {
                continue;
            }
            lxw_format *f = cell_format(x, c);
            if (c->rowspan > 1 || c->colspan > 1) {
                chk(x, worksheet_merge_range(
                           ws, sr, sc, sr + (lxw_row_t)c->rowspan - 1,
                           (lxw_col_t)(sc + (lxw_col_t)c->colspan - 1), "",
                           f));
            }
            put(x, ws, c, sr, sc, f);
        }
    }
}

/* Row heights for wrapped text: each row as tall as the most lines any
 * unmerged-in-height cell of it needs (rows of one line keep the
 * default). */
static void heights(struct xs *x, lxw_worksheet *ws, const struct grid *g,
                    const int *w, lxw_row_t top)
{
    for (int r = 0; r < g->nrows; r++) {
        int lines = 1;
        for (int k = 0; k < g->ncols; k++) {
            const struct jx_rcell *c =
                g->at[(size_t)r * (size_t)g->ncols + (size_t)k];
            if (!c || c->row != r || c->col != k || c->rowspan > 1) {
                continue;
            }
            int width = 0;
            for (int j = k; j < k + c->colspan && j < g->ncols; j++) {
                width += w[j];
            }
            int n = text_lines(c->text, width);
            lines = n > lines ? n : lines;
        }
        if (lines > 1) {
            chk(x, worksheet_set_row(ws, top + (lxw_row_t)r,
                                     (double)(13 * lines + 3), NULL));
        }
    }
}

/* The page header text: &C and the text with '&' doubled, cut. */
static const char *page_header(struct xs *x, const char *s)
{
    const char *r = repair(x, s, XL_HEADER_CHARS, -1, 0);
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    jx_buf_adds(&b, "&C");
    for (const char *p = r; *p && *p != '\n'; p++) {
        jx_buf_addc(&b, *p);
        if (*p == '&') {
            jx_buf_addc(&b, '&');
        }
    }
    char *out = jx_strdup(x->a, b.p);
    jx_buf_release(&b);
    return out;
}

/* Page setup: A4, landscape when wide, fitted to the page width, the
 * print area, the title and header rows on every page, header and
 * footer. */
static void page(struct xs *x, lxw_worksheet *ws, const struct jx_report_doc *d,
                 const struct jx_rtable *t, int ncols, lxw_row_t last,
                 int width)
{
    worksheet_set_paper(ws, 9);
    if (width > LANDSCAPE_CHARS) {
        worksheet_set_landscape(ws);
    }
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
    chk(x, worksheet_print_area(ws, 0, 0, last, (lxw_col_t)(ncols - 1)));
    int hr = t->header_rows > 0 ? t->header_rows : 0;
    chk(x, worksheet_repeat_rows(
               ws, 0, (lxw_row_t)(JX_REPORT_XLSX_TOP + hr - 1)));
    if (d->header && *d->header) {
        chk(x, worksheet_set_header(ws, page_header(x, d->header)));
    }
    chk(x, worksheet_set_footer(ws, "&C第 &P 页 共 &N 页"));
}

/* Write row 1 (the title, merged across the table) and row 2 (the
 * lines above: left, and right in the last column). */
static void top_rows(struct xs *x, lxw_worksheet *ws,
                     const struct jx_rtable *t, int ncols)
{
    lxw_col_t last = (lxw_col_t)(ncols - 1);
    const char *title = t->title ? t->title : "";
    if (ncols > 1) {
        chk(x, worksheet_merge_range(ws, 0, 0, 0, last, "", x->title));
    }
    chk(x, worksheet_write_string(ws, 0, 0,
                                  repair(x, title, XL_CELL_CHARS, 0, 0),
                                  x->title));
    chk(x, worksheet_set_row(ws, 0, 28, NULL));
    const char *l = t->above_left && *t->above_left ? t->above_left : NULL;
    const char *r = t->above_right && *t->above_right ? t->above_right : NULL;
    if (ncols == 1 && l && r) {
        l = jx_sprintf(x->a, "%s　%s", l, r);
        r = NULL;
    }
    if (l) {
        chk(x, worksheet_write_string(ws, 1, 0,
                                      repair(x, l, XL_CELL_CHARS, 1, 0),
                                      x->left));
    }
    if (r) {
        chk(x, worksheet_write_string(ws, 1, last,
                                      repair(x, r, XL_CELL_CHARS, 1, last),
                                      x->right));
    }
}

/* Write table t as the worksheet `name`.  0, or -1 (R305). */
static int sheet(struct xs *x, const struct jx_report_doc *d,
                 const struct jx_rtable *t, const char *name, int tno)
{
    struct grid g;
    memset(&g, 0, sizeof g);
    x->sheet = name;
    if (layout(x, t, tno, &g) < 0) {
        return -1;
    }
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, name);
    if (!ws) {
        chk(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        free(g.at);
        return 0;
    }
    int *w = jx_xmalloc((size_t)g.ncols * sizeof *w);
    int width = col_widths(t, &g, w);
    for (int k = 0; k < g.ncols; k++) {
        chk(x, worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k,
                                    (double)w[k], NULL));
    }
    const lxw_row_t top = JX_REPORT_XLSX_TOP;
    top_rows(x, ws, t, g.ncols);
    cells(x, ws, &g, top);
    heights(x, ws, &g, w, top);
    lxw_row_t last = top + (lxw_row_t)g.nrows - 1;
    if (g.nrows == 0) {
        last = top - 1;
    }
    if (t->below && *t->below) {
        lxw_row_t br = top + (lxw_row_t)g.nrows;
        if (g.ncols > 1) {
            chk(x, worksheet_merge_range(ws, br, 0, br,
                                         (lxw_col_t)(g.ncols - 1), "",
                                         x->below));
        }
        chk(x, worksheet_write_string(
                   ws, br, 0, repair(x, t->below, XL_CELL_CHARS, br, 0),
                   x->below));
        int n = text_lines(t->below, width);
        if (n > 1) {
            chk(x, worksheet_set_row(ws, br, (double)(13 * n + 3), NULL));
        }
        last = br;
    }
    if (t->header_rows > 0 && g.nrows > t->header_rows) {
        worksheet_freeze_panes(ws, top + (lxw_row_t)t->header_rows, 0);
    }
    page(x, ws, d, t, g.ncols, last, width);
    free(w);
    free(g.at);
    return 0;
}

/* The sheet of a document with no table to write: its title. */
static void title_sheet(struct xs *x, const struct jx_report_doc *d)
{
    x->sheet = "说明";
    lxw_worksheet *ws = workbook_add_worksheet(x->wb, "说明");
    if (!ws) {
        chk(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    chk(x, worksheet_set_column(ws, 0, 0, 80, NULL));
    chk(x, worksheet_write_string(
               ws, 0, 0, repair(x, d->title, XL_CELL_CHARS, 0, 0), x->title));
    if (d->subtitle && *d->subtitle) {
        chk(x, worksheet_write_string(
                   ws, 1, 0, repair(x, d->subtitle, XL_CELL_CHARS, 1, 0),
                   x->left));
    }
    chk(x, worksheet_write_string(ws, 3, 0, "本文档没有需要写入工作表的表格。",
                                  x->left));
}

/* ---- exact numbers in the sheet XML ------------------------------------ */

/* Most significant digits a number of the sheet XML keeps (Excel's). */
#define XL_DIGITS 15

/* The number text s[0..n) (see report_xlsx.h). */
bool jx_xlsx_number_text(const char *s, size_t n, struct jx_buf *out)
{
    char dig[XL_DIGITS + 2];
    int nd = 0;          /* significant digits kept in dig */
    int point = 0;       /* decimal exponent: value = 0.dig × 10^point */
    bool neg = false, seen = false, frac = false, round_up = false;
    size_t i = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        neg = s[i] == '-';
        i++;
    }
    bool first_dropped = true; /* the first digit past XL_DIGITS */
    for (; i < n; i++) {
        char c = s[i];
        if (c == '.' && !frac) {
            frac = true;
            continue;
        }
        if (c < '0' || c > '9') {
            break;
        }
        seen = true;
        if (nd == 0 && c == '0') {
            if (frac) {
                point--;
            }
            continue;
        }
        if (!frac) {
            point++;
        }
        if (nd < XL_DIGITS) {
            dig[nd++] = c;
        } else if (first_dropped) {
            round_up = c >= '5';
            first_dropped = false;
        }
    }
    if (!seen) {
        return false;
    }
    if (i < n && (s[i] == 'E' || s[i] == 'e')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '-' || s[i] == '+')) {
            eneg = s[i] == '-';
            i++;
        }
        int e = 0, ed = 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, ed++) {
            if (e < 10000) {
                e = e * 10 + (s[i] - '0');
            }
        }
        if (ed == 0) {
            return false;
        }
        point += eneg ? -e : e;
    }
    if (i != n) {
        return false;
    }
    if (round_up) {
        int k = nd - 1;
        while (k >= 0 && dig[k] == '9') {
            dig[k--] = '0';
        }
        if (k >= 0) {
            dig[k]++;
        } else {
            dig[0] = '1';
            nd = 1;
            point++;
        }
    }
    while (nd > 0 && dig[nd - 1] == '0') {
        nd--;
    }
    if (nd == 0) {
        return jx_buf_addc(out, '0') == 0;
    }
    int rc = neg ? jx_buf_addc(out, '-') : 0;
    if (point > 21 || point < -19) {
        /* d.ddd E±x, as Excel writes such numbers */
        rc |= jx_buf_addc(out, dig[0]);
        if (nd > 1) {
            rc |= jx_buf_addc(out, '.');
            rc |= jx_buf_add(out, dig + 1, (size_t)nd - 1);
        }
        rc |= jx_buf_addf(out, "E%c%d", point - 1 < 0 ? '-' : '+',
                          point - 1 < 0 ? 1 - point : point - 1);
    } else if (point <= 0) {
        rc |= jx_buf_adds(out, "0.");
        for (int k = 0; k < -point; k++) {
            rc |= jx_buf_addc(out, '0');
        }
        rc |= jx_buf_add(out, dig, (size_t)nd);
    } else if (point >= nd) {
        rc |= jx_buf_add(out, dig, (size_t)nd);
        for (int k = nd; k < point; k++) {
            rc |= jx_buf_addc(out, '0');
        }
    } else {
        rc |= jx_buf_add(out, dig, (size_t)point);
        rc |= jx_buf_addc(out, '.');
        rc |= jx_buf_add(out, dig + point, (size_t)(nd - point));
    }
    return rc == 0;
}

/* True when the start tag c[0..n) of a cell has a t attribute other
 * than "n" (a shared string, a formula's text, a boolean, an error). */
static bool typed_cell(const char *c, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++) {
        if ((c[i] == ' ' || c[i] == '\t' || c[i] == '\n') && c[i + 1] == 't' &&
            c[i + 2] == '=' && (c[i + 3] == '"' || c[i + 3] == '\'')) {
            return !(i + 6 <= n && c[i + 4] == 'n' && c[i + 5] == c[i + 3]);
        }
    }
    return false;
}

/* First occurrence of the string w in s[0..n), or NULL. */
static const char *find_in(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    for (size_t i = 0; i + k <= n; i++) {
        if (s[i] == w[0] && memcmp(s + i, w, k) == 0) {
            return s + i;
        }
    }
    return NULL;
}

/* The numbers of one worksheet's XML (see report_xlsx.h). */
long jx_xlsx_sheet_numbers(const char *xml, size_t n, struct jx_buf *out)
{
    long changed = 0;
    const char *p = xml, *end = xml + n;
    int rc = 0;
    for (;;) {
        const char *c = find_in(p, (size_t)(end - p), "<c ");
        if (!c) {
            break;
        }
        const char *gt = memchr(c, '>', (size_t)(end - c));
        if (!gt) {
            break;
        }
        if (gt[-1] == '/' || typed_cell(c, (size_t)(gt - c))) {
            rc |= jx_buf_add(out, p, (size_t)(gt + 1 - p));
            p = gt + 1;
            continue;
        }
        const char *close = find_in(gt, (size_t)(end - gt), "</c>");
        const char *v = close ? find_in(gt, (size_t)(close - gt), "<v>")
                              : NULL;
        const char *ve = v ? find_in(v, (size_t)(close - v), "</v>") : NULL;
        if (!ve) {
            rc |= jx_buf_add(out, p, (size_t)(gt + 1 - p));
            p = gt + 1;
            continue;
        }
        const char *t = v + strlen("<v>");
        rc |= jx_buf_add(out, p, (size_t)(t - p));
        size_t before = out->len;
        if (!jx_xlsx_number_text(t, (size_t)(ve - t), out)) {
            rc |= jx_buf_add(out, t, (size_t)(ve - t));
        } else if (out->len - before != (size_t)(ve - t) ||
                   memcmp(out->p + before, t, (size_t)(ve - t)) != 0) {
            changed++;
        }
        p = ve;
    }
    rc |= jx_buf_add(out, p, (size_t)(end - p));
    return rc == 0 && !out->toobig ? changed : -1;
}

/* True for the name of a worksheet part ("xl/worksheets/sheet1.xml"). */
static bool sheet_part(const char *name)
{
    const char *pre = "xl/worksheets/sheet";
    size_t n = strlen(name), k = strlen(pre);
    return n > k + 4 && strncmp(name, pre, k) == 0 &&
           strcmp(name + n - 4, ".xml") == 0 && !strchr(name + k, '/');
}

/* The entry i of z read whole into b; 0, or -1. */
static int read_entry(zip_t *z, zip_uint64_t i, zip_uint64_t size,
                      struct jx_buf *b)
{
    zip_file_t *f = zip_fopen_index(z, i, 0);
    if (!f) {
        return -1;
    }
    char chunk[65536];
    zip_uint64_t got = 0;
    int rc = 0;
    for (;;) {
        zip_int64_t k = zip_fread(f, chunk, sizeof chunk);
        if (k < 0) {
            rc = -1;
            break;
        }
        if (k == 0) {
            break;
        }
        got += (zip_uint64_t)k;
        if (jx_buf_add(b, chunk, (size_t)k) < 0) {
            rc = -1;
            break;
        }
    }
    zip_fclose(f);
    return rc == 0 && got == size ? 0 : -1;
}

/* The numbers of the workbook at path made exact (see report_xlsx.h). */
int jx_xlsx_exact_numbers(const char *path, const char **why)
{
    int zerr = 0;
    zip_t *z = zip_open(path, 0, &zerr);
    if (!z) {
        *why = "无法重新打开工作簿";
        return -1;
    }
    struct jx_buf in, out;
    jx_buf_init(&in, JX_REPORT_MAX_BYTES);
    jx_buf_init(&out, JX_REPORT_MAX_BYTES);
    int rc = 0;
    zip_int64_t n = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; i < n && rc == 0; i++) {
        zip_uint64_t idx = (zip_uint64_t)i;
        zip_stat_t st;
        const char *name = zip_get_name(z, idx, 0);
        if (!name || !sheet_part(name) || zip_stat_index(z, idx, 0, &st) < 0) {
            continue;
        }
        jx_buf_reset(&in);
        jx_buf_reset(&out);
        if (read_entry(z, idx, st.size, &in) < 0) {
            *why = "无法读回工作表";
            rc = -1;
            break;
        }
        long changed = jx_xlsx_sheet_numbers(in.p, in.len, &out);
        if (changed < 0) {
            *why = "工作表过大";
            rc = -1;
        } else if (changed > 0) {
            size_t len;
            char *data = jx_buf_detach(&out, &len);
            zip_source_t *src = zip_source_buffer(z, data, len, 1);
            if (!src) {
                free(data);
                rc = -1;
            } else if (zip_file_replace(z, idx, src, ZIP_FL_ENC_UTF_8) < 0) {
                zip_source_free(src);
                rc = -1;
            } else {
                zip_file_set_mtime(z, idx, st.mtime, 0);
            }
            if (rc < 0) {
                *why = "无法替换工作表";
            }
        }
    }
    jx_buf_release(&in);
    jx_buf_release(&out);
    if (rc < 0) {
        zip_discard(z);
        return -1;
    }
    if (zip_close(z) < 0) {
        *why = "无法写回工作簿";
        zip_discard(z);
        return -1;
    }
    return 0;
}

/* Report a failure to write the workbook (R301). */
static void fail(struct jx_diags *diags, const char *path, const char *why)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = path;
    jx_diag_add(diags, "R301", JX_SEV_ERROR, &loc, "无法写入 XLSX 文件：%s",
                why);
}

/* Set the workbook's properties: title, subject (the unit), author. */
static void properties(struct xs *x, const struct jx_report_doc *d)
{
    lxw_doc_properties p;
    memset(&p, 0, sizeof p);
    p.title = jx_strdup(x->a, repair(x, d->title, 200, -1, 0));
    if (d->unit_name && *d->unit_name) {
        p.subject = jx_strdup(x->a, repair(x, d->unit_name, 200, -1, 0));
    }
    p.author = (char *)"jixiao";
    p.comments = (char *)"jixiao report";
    chk(x, workbook_set_properties(x->wb, &p));
}

/* The XLSX of d written to path (see report.h). */
int jx_report_xlsx(const struct jx_report_doc *d, const char *path,
                   struct jx_diags *diags)
{
    return jx_report_xlsx_as(d, path, path, diags);
}

/* The XLSX of d written to path, shown named in diagnostics (see
 * report.h). */
int jx_report_xlsx_as(const struct jx_report_doc *d, const char *path,
                      const char *shown, struct jx_diags *diags)
{
    if (!d || !path || !diags) {
        JX_BUG("jx_report_xlsx: NULL argument");
    }
    /* create the file ourselves first, so that an unwritable place is
     * reported with the system's reason and libxlsxwriter prints
     * nothing */
    FILE *probe = fopen(path, "wb");
    if (!probe) {
        fail(diags, shown, jx_errno_zh(errno));
        return -1;
    }
    fclose(probe);
    struct xs x;
    memset(&x, 0, sizeof x);
    jx_buf_init(&x.tmp, JX_REPORT_MAX_BYTES);
    x.diags = diags;
    x.a = jx_arena_new();
    x.wb = workbook_new(path);
    if (!x.wb) {
        jx_arena_free(x.a);
        remove(path);
        fail(diags, shown, "无法创建工作簿");
        return -1;
    }
    properties(&x, d);
    make_formats(&x);
    int rc = 0, tno = 0;
    for (size_t i = 0; i < d->nblocks && rc == 0; i++) {
        const struct jx_rblock *b = &d->blocks[i];
        if (b->kind != JX_RB_TABLE || !b->table) {
            continue;
        }
        tno++;
        if (b->table->sheet) {
            const char *name = sheet_name(&x, b->table->sheet, tno);
            rc = sheet(&x, d, b->table, name, tno);
        }
    }
    if (rc == 0 && x.nnames == 0) {
        title_sheet(&x, d);
    }
    lxw_error e = workbook_close(x.wb);
    if (x.err == LXW_NO_ERROR) {
        x.err = e;
    }
    if (rc == 0 && x.err != LXW_NO_ERROR) {
        fail(diags, shown,
             x.err == LXW_ERROR_CREATING_XLSX_FILE ||
                     x.err == LXW_ERROR_CREATING_TMPFILE
                 ? jx_errno_zh(errno)
                 : lxw_strerror(x.err));
        rc = -1;
    }
    const char *why = NULL;
    if (rc == 0 && jx_xlsx_exact_numbers(path, &why) < 0) {
        fail(diags, shown, why);
        rc = -1;
    }
    if (x.repaired) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        jx_diag_add(diags, "R306", JX_SEV_WARNING, &loc,
                    "文字中有 %zu 个无效字符（不是有效的 UTF-8，或是 XML "
                    "不允许的控制字符），已替换为 U+FFFD 或删去",
                    x.repaired);
    }
    if (rc < 0) {
        remove(path);
    }
    jx_buf_release(&x.tmp);
    jx_arena_free(x.a);
    return rc;
}
