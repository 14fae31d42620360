/*
 * import_text.c - text (copied out of Word, PDF or a portal) to the
 * neutral document: decoding (UTF-8 with or without BOM, UTF-16 with a
 * BOM or recognised by its NUL bytes, else GB18030),
 * line ends, paragraphs, and the recovery of tables from the layouts
 * real documents come in (see jx_import_text in import_formats.h).
 *
 * The input is read line by line with a cursor that can look ahead and
 * step back, so memory stays proportional to what is kept (cells and
 * paragraphs, both limited) and not to the number of lines.
 *
 * Layouts, by how a line looks:
 *  - tab cell:  "\tcell" (one cell per line, a blank line after each
 *               row; lines without the tab continue the cell above);
 *  - tab rows:  "a\tb\tc" (seeds 000, 004, and PDF text as in 002);
 *  - pipes:     "| a | b ||" or "a | b ||" ("||" merges a cell with the
 *               one before; rows may drift in their number of cells);
 *  - bar cell:  "cell |" (one cell per line, a blank line after a row);
 *  - one line:  "a  b | c  d" (cells split by two spaces, rows by " | ");
 *  - blank cell: "-" then one cell per line with blank lines between;
 *  - cell stream: one cell per line with an empty line between cells
 *               (a line of blanks is an empty cell), or " |" cells with
 *               no blank line between rows: rows found from the cells'
 *               kinds (stream_rows);
 *  - spaced:    a whole table on one line, cells split by single
 *               spaces, maybe after WPS metadata (read as a stream);
 *  - spaced rows: a row per line, cells split by spaces, under a header
 *               whose words may wrap onto a second line.
 * Other lines are paragraphs.  Table repairs (import_text_fix.c) and the
 * alignment of PDF rows (import_text_align.c) are applied per cell.
 */
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "import/import_text.h"

/* Repairs applied to paragraphs and to table cells. */
#define PARA_FIXES (JX_FIX_MARKUP | JX_FIX_LATEX | JX_FIX_SIGNS)
#define CELL_FIXES                                                         \
    (JX_FIX_MARKUP | JX_FIX_LATEX | JX_FIX_SIGNS | JX_FIX_SPACED |         \
     JX_FIX_NUMBER)

/* ---- lines ------------------------------------------------------------- */

/* A cursor over the decoded text; copying it saves a position. */
struct reader {
    const char *t; /* decoded text */
    size_t len;    /* its length */
    size_t pos;    /* offset of the next line */
    int no;        /* number of the last line read (1-based) */
};

/* One line, without its line end. */
struct line {
    const char *s; /* first byte */
    size_t n;      /* bytes */
    int no;        /* 1-based line number in the original text */
    bool eol;      /* ended by a line end (not by the end of input) */
    size_t cc_off; /* col_of's cache: a byte offset … */
    size_t cc_col; /* … and the code points before it */
};

/* Read the next line ("\r\n", "\r" and "\n" end lines); false at the
 * end of the text. */
static bool rd_next(struct reader *r, struct line *l)
{
    if (r->pos >= r->len) {
        return false;
    }
    const char *s = r->t + r->pos;
    size_t rem = r->len - r->pos;
    size_t i = 0;
    while (i < rem && s[i] != '\n' && s[i] != '\r') {
        i++;
    }
    l->s = s;
    l->n = i;
    l->no = ++r->no;
    l->eol = i < rem;
    l->cc_off = 0;
    l->cc_col = 0;
    if (i < rem) {
        i += (s[i] == '\r' && i + 1 < rem && s[i + 1] == '\n') ? 2 : 1;
    }
    r->pos += i;
    return true;
}

/* The next line without moving the cursor; false at the end. */
static bool rd_peek(const struct reader *r, struct line *l)
{
    struct reader c = *r;
    return rd_next(&c, l);
}

/* Byte length of the blank (space, form feed, vertical tab, no-break or
 * ideographic space) starting at s[0..n), or 0. */
static size_t blank_len(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\f' || s[0] == '\v')) {
        return 1;
    }
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
        return 2;
    }
    if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
        return 3;
    }
    return 0;
}

/* Offsets of s[0..n) without surrounding blanks (tabs too when tabs is
 * true): *b .. *e. */
static void trim(const char *s, size_t n, bool tabs, size_t *b, size_t *e)
{
    size_t i = 0;
    for (;;) {
        size_t k = blank_len(s + i, n - i);
        if (!k && tabs && i < n && s[i] == '\t') {
            k = 1;
        }
        if (!k) {
            break;
        }
        i += k;
    }
    size_t j = n;
    while (j > i) {
        if (s[j - 1] == ' ' || s[j - 1] == '\f' || s[j - 1] == '\v' ||
            (tabs && s[j - 1] == '\t')) {
            j--;
        } else if (j - i >= 2 && (unsigned char)s[j - 2] == 0xC2 &&
                   (unsigned char)s[j - 1] == 0xA0) {
            j -= 2;
        } else if (j - i >= 3 && memcmp(s + j - 3, "\xE3\x80\x80", 3) == 0) {
            j -= 3;
        } else {
            break;
        }
    }
    *b = i;
    *e = j;
}

/* Kinds of line. */
enum lkind {
    LK_BLANK = 0, /* nothing but blanks (a lone tab is a tab cell) */
    LK_TABCELL,   /* "\tcell" with no other tab */
    LK_TSV,       /* has a tab elsewhere: a row of cells */
    LK_PIPES,     /* "| a | b |", or "a | b |" (no leading pipe) */
    LK_BAR,       /* "cell |" */
    LK_ONELINE,   /* "a  b | c  d  e | …" */
    LK_DASH,      /* "-" (a row mark of the blank-cell layout) */
    LK_TEXT       /* anything else */
};

/* True when a line holds a whole table: rows split by " | " (at least
 * two), and at least two rows of several cells split by two spaces. */
static bool is_oneline(const char *s, size_t n)
{
    int rows = 1, wide = 0;
    bool cur_wide = false;
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && s[i] == ' ' && s[i + 1] == '|' && s[i + 2] == ' ') {
            wide += cur_wide;
            cur_wide = false;
            rows++;
            i += 2;
            continue;
        }
        if (i + 1 < n && s[i] == ' ' && s[i + 1] == ' ') {
            cur_wide = true;
        }
    }
    wide += cur_wide;
    return rows >= 2 && wide >= 2;
}

/* True when s[0..n) (trimmed, not starting with '|') is a row of pipe-
 * delimited cells without the leading pipe ("a | b |", "a | b | c"): it
 * has at least two pipes, one of them with text after it. */
static bool is_piperow(const char *s, size_t n)
{
    size_t pipes = 0;
    bool inner = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '|') {
            continue;
        }
        pipes++;
        for (size_t j = i + 1; j < n && !inner; j++) {
            inner = s[j] != '|' && s[j] != ' ' && s[j] != '\t';
        }
    }
    return pipes >= 2 && inner;
}

/* The kind of a line.  Pipes and bars are looked at before tabs, so
 * that a cell text holding a tab does not make its line a row of tab-
 * separated cells. */
static enum lkind classify(const struct line *l)
{
    size_t b, e;
    trim(l->s, l->n, false, &b, &e);
    if (b == e) {
        return LK_BLANK;
    }
    const char *s = l->s + b;
    size_t n = e - b;
    if (s[0] == '|' && n >= 2 && memchr(s + 1, '|', n - 1)) {
        return LK_PIPES;
    }
    if (is_oneline(s, n)) {
        return LK_ONELINE;
    }
    if (is_piperow(s, n)) {
        return LK_PIPES;
    }
    if (s[n - 1] == '|' && (n == 1 || s[n - 2] == ' ')) {
        return LK_BAR;
    }
    const char *tab = memchr(l->s, '\t', l->n);
    if (tab) {
        if (tab == l->s && !memchr(l->s + 1, '\t', l->n - 1)) {
            return LK_TABCELL;
        }
        return LK_TSV;
    }
    if (n == 1 && s[0] == '-') {
        return LK_DASH;
    }
    return LK_TEXT;
}

/* 1-based column (in code points) of byte offset off (at a character
 * boundary) of line l.  Offsets asked in increasing order are counted
 * on from the last one, so a line costs linear time however many cells
 * it has. */
static int col_of(struct line *l, size_t off)
{
    if (off < l->cc_off) {
        l->cc_off = 0;
        l->cc_col = 0;
    }
    l->cc_col += jx_utf8_count(l->s + l->cc_off, off - l->cc_off);
    l->cc_off = off;
    return l->cc_col >= 1000000000 ? 1000000000 : (int)l->cc_col + 1;
}

/* Code points in s[0..n). */
static size_t cps(const char *s, size_t n)
{
    return jx_utf8_count(s, n);
}

/* ---- the importer's state ------------------------------------------------ */

/* Everything one import works with. */
struct ctx {
    struct jx_arena *arena;
    struct jx_doc *doc;
    struct jx_diags *diags;
    const struct jx_limits *lim;
    struct reader rd;      /* the cursor */
    size_t ncells;         /* cells created so far (kept or pending) */
    bool stop;             /* a limit was hit: read no further */
    bool blocks_reported;  /* the block limit was reported */
    struct jx_buf fix;     /* scratch for repaired text */
    size_t no_stream_before; /* no cell stream starts before this offset */
};

/* Add a diagnostic located at line:col (0 = unknown) and, for table
 * findings, the table and row (1-based, 0 = none). */
static void diag(struct ctx *x, const char *code, enum jx_severity sev,
                 int line, int col, int table, int row, const char *fmt, ...)
    JX_PRINTF(8, 9);

/* Add a diagnostic (message formatted in the diagnostics' arena). */
static void diag(struct ctx *x, const char *code, enum jx_severity sev,
                 int line, int col, int table, int row, const char *fmt, ...)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = x->doc ? x->doc->file : NULL;
    loc.line = line;
    loc.col = col;
    loc.table = table;
    loc.row = row;
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(x->diags->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(x->diags, code, sev, &loc, "%s", msg);
}

/* True (after reporting it once) when no more blocks may be added; the
 * reading then stops. */
static bool blocks_full(struct ctx *x, int line)
{
    if (x->doc->nblocks < x->lim->max_blocks) {
        return false;
    }
    if (!x->blocks_reported) {
        diag(x, "I107", JX_SEV_ERROR, line, 0, 0, 0,
             "文档段落和表格超过上限 %zu 个，其余内容未读取",
             x->lim->max_blocks);
        x->blocks_reported = true;
    }
    x->stop = true;
    return true;
}

/* Reserve one cell; false (after reporting it once) when the limit is
 * reached. */
static bool take_cell(struct ctx *x, int line)
{
    if (x->stop) {
        return false;
    }
    if (x->ncells < x->lim->max_cells) {
        x->ncells++;
        return true;
    }
    diag(x, "I106", JX_SEV_ERROR, line, 0, 0, 0,
         "文档表格单元格超过上限 %zu 个，其余内容未读取", x->lim->max_cells);
    x->stop = true;
    return false;
}

/* ---- paragraphs ------------------------------------------------------------ */

/* Add a paragraph of s[0..n) starting at line:col, repaired; nothing
 * when it repairs to empty. */
static void add_para(struct ctx *x, const char *s, size_t n, int line,
                     int col)
{
    jx_buf_reset(&x->fix);
    if (jx_text_fix(&x->fix, s, n, PARA_FIXES) < 0 || x->fix.len == 0) {
        return;
    }
    if (blocks_full(x, line)) {
        return;
    }
    struct jx_prov p;
    memset(&p, 0, sizeof p);
    p.line = line;
    p.col = col;
    jx_doc_add_para(x->doc, x->fix.p, x->fix.len, 0, &p);
}

/* Last code point of s[0..n) (n > 0). */
static int32_t last_cp(const char *s, size_t n)
{
    size_t k = n - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) {
        k--;
    }
    int32_t cp;
    return jx_utf8_decode(s + k, n - k, &cp) > 0 ? cp : -1;
}

/* True when s[0..n) has text starting with one of the prefixes. */
static bool starts_with_any(const char *s, size_t n,
                            const char *const *prefixes, size_t np)
{
    for (size_t i = 0; i < np; i++) {
        size_t k = strlen(prefixes[i]);
        if (n >= k && memcmp(s, prefixes[i], k) == 0) {
            return true;
        }
    }
    return false;
}

/* True when a paragraph starting with s[0..n) opens a new item: a
 * section number (一、 （二） 3. 4、 第…), a list mark, or a form line
 * (附件, 填表人 …). */
static bool opens_item(const char *s, size_t n)
{
    static const char *const starts[] = {
        "（", "(", "第", "附件", "附表", "附注", "备注", "说明", "填表",
        "联系", "单位名称", "部门名称", "预算单位", "•", "·", "●", "■", "◆",
        "□", "-", "*", "[",
    };
    if (starts_with_any(s, n, starts, sizeof starts / sizeof starts[0])) {
        return true;
    }
    static const char *const numerals[] = {"一", "二", "三", "四", "五",
                                           "六", "七", "八", "九", "十"};
    size_t i = 0;
    while (i < n) {
        if (s[i] >= '0' && s[i] <= '9') {
            i++;
            continue;
        }
        bool num = false;
        for (size_t k = 0; k < 10; k++) {
            if (n - i >= 3 && memcmp(s + i, numerals[k], 3) == 0) {
                num = true;
                i += 3;
                break;
            }
        }
        if (!num) {
            break;
        }
    }
    if (i == 0 || i == n) {
        return false;
    }
    static const char *const after[] = {"、", ".", "．", ")", "）", " ", "，"};
    return starts_with_any(s + i, n - i, after, sizeof after / sizeof after[0]);
}

/* True when needle occurs in s[0..n) other than as its last bytes. */
static bool has_before_end(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k < n; i++) {
        if (memcmp(s + i, needle, k) == 0) {
            return true;
        }
    }
    return false;
}

/* A paragraph being read, as far as joining wrapped lines goes. */
struct wrap {
    size_t cps;   /* code points so far */
    int32_t last; /* its last code point */
    bool prose;   /* it has a comma, stop or colon before its end */
};

/* True when s[0..n) has one of the prose marks (，。；：、) other than as
 * its last character. */
static bool has_prose_mark(const char *s, size_t n)
{
    static const char *const marks[] = {"，", "。", "；", "：", "、"};
    for (size_t i = 0; i < 5; i++) {
        if (has_before_end(s, n, marks[i])) {
            return true;
        }
    }
    return false;
}

/* Start the state of a paragraph whose first line is s[0..n). */
static void wrap_init(struct wrap *w, const char *s, size_t n)
{
    w->cps = cps(s, n);
    w->last = n ? last_cp(s, n) : -1;
    w->prose = w->last == 0xFF0C || w->last == 0x3001 || has_prose_mark(s, n);
}

/*
 * True when the paragraph w was wrapped by a PDF page or column and goes
 * on in the paragraph line b (trimmed) after one blank line: w has at
 * least 20 code points and no final punctuation, b does not open a new
 * item, and one of them is clearly prose (w ends in a comma or has a
 * comma, stop or colon before its end; or b is a sentence of at least
 * 20 code points).
 */
static bool wraps_into(const struct wrap *w, const char *b, size_t bn)
{
    if (w->cps < 20 || bn == 0 || opens_item(b, bn)) {
        return false;
    }
    static const int32_t finals[] = {
        0x3002, 0xFF01, 0xFF1F, 0xFF1B, 0xFF1A, 0x2026, 0x201D, 0x2019,
        0x300D, 0x300F, 0xFF09, ')', 0x3011, '!', '?', ';', ':', -1,
    };
    for (size_t i = 0; i < sizeof finals / sizeof finals[0]; i++) {
        if (w->last == finals[i]) {
            return false;
        }
    }
    return w->prose || (cps(b, bn) >= 20 && has_prose_mark(b, bn + 1));
}

static size_t meta_prefix(const char *s, size_t n);
static bool spaced_table(const struct line *l, size_t off);

/* Read a paragraph starting at line l (already consumed), joining the
 * lines a PDF wrapped, and add it. */
static void read_para(struct ctx *x, struct line *l)
{
    struct jx_buf b;
    jx_buf_init(&b, SIZE_MAX);
    size_t tb, te;
    trim(l->s, l->n, true, &tb, &te);
    jx_buf_add(&b, l->s + tb, te - tb);
    int line = l->no, col = col_of(l, tb);
    struct wrap w;
    wrap_init(&w, b.p, b.len);
    for (;;) {
        struct reader save = x->rd;
        struct line gap, next;
        if (!rd_next(&x->rd, &gap) || classify(&gap) != LK_BLANK ||
            !rd_next(&x->rd, &next) || classify(&next) != LK_TEXT) {
            x->rd = save;
            break;
        }
        size_t nb, ne;
        trim(next.s, next.n, true, &nb, &ne);
        bool split = jx_text_number_split(b.p, b.len, next.s + nb, ne - nb);
        if (!split && (!wraps_into(&w, next.s + nb, ne - nb) ||
                       spaced_table(&next, meta_prefix(next.s, next.n)))) {
            x->rd = save;
            break;
        }
        char a = split ? '.' : b.p[b.len - 1];
        char c = next.s[nb];
        bool alnum_a = (a >= '0' && a <= '9') || (a >= 'a' && a <= 'z') ||
                       (a >= 'A' && a <= 'Z');
        bool alnum_c = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                       (c >= 'A' && c <= 'Z');
        if (alnum_a && alnum_c) {
            jx_buf_addc(&b, ' ');
        }
        jx_buf_add(&b, next.s + nb, ne - nb);
        w.cps += cps(next.s + nb, ne - nb);
        w.last = last_cp(next.s + nb, ne - nb);
        w.prose = true;
    }
    add_para(x, b.p, b.len, line, col);
    jx_buf_release(&b);
}

/* ---- rows and cells being built ------------------------------------------ */

/* A cell being built. */
struct pcell {
    struct jx_buf b; /* repaired text so far */
    int line, col;   /* where its text starts (else where the cell does) */
    bool located;    /* line/col point at text */
    int span;        /* columns covered (>= 1) */
    int at;          /* grid column (set when the row is placed) */
};

/* A row (or a piece of one) being built. */
struct prow {
    struct pcell *c;
    size_t n, cap;
    int line;        /* line where it starts */
    int blank_after; /* blank lines after it (tab/bar cell layouts) */
    bool at_eof;     /* the input ended right after it */
    int merges;      /* fragments joined to it (tab-separated rows) */
};

/* Append a new empty cell located at line:col; NULL when the cell limit
 * is reached. */
static struct pcell *new_cell(struct ctx *x, struct prow *r, int line,
                              int col)
{
    if (!take_cell(x, line)) {
        return NULL;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 8;
        r->c = jx_xrealloc(r->c, r->cap * sizeof *r->c);
    }
    struct pcell *c = &r->c[r->n++];
    memset(c, 0, sizeof *c);
    jx_buf_init(&c->b, SIZE_MAX);
    c->line = line;
    c->col = col;
    c->span = 1;
    c->at = -1;
    if (r->n == 1) {
        r->line = line;
    }
    return c;
}

/* Free what a row owns and empty it (reusable). */
static void row_clear(struct prow *r)
{
    for (size_t i = 0; i < r->n; i++) {
        jx_buf_release(&r->c[i].b);
    }
    r->n = 0;
    r->blank_after = 0;
    r->at_eof = false;
    r->merges = 0;
}

/* Free a row entirely. */
static void row_free(struct prow *r)
{
    row_clear(r);
    free(r->c);
    memset(r, 0, sizeof *r);
}

/* Move the cells of src to the end of dst (src is left empty). */
static void row_take(struct prow *dst, struct prow *src)
{
    for (size_t i = 0; i < src->n; i++) {
        if (dst->n == dst->cap) {
            dst->cap = dst->cap ? dst->cap * 2 : 8;
            dst->c = jx_xrealloc(dst->c, dst->cap * sizeof *dst->c);
        }
        dst->c[dst->n++] = src->c[i];
    }
    src->n = 0;
}

/* Append the piece s[0..n) of line l (byte offset off in it) to cell c,
 * repaired, after sep when the cell already has text.  A repaired
 * number is noted. */
static void add_piece(struct ctx *x, struct pcell *c, struct line *l,
                      size_t off, size_t n, const char *sep)
{
    jx_buf_reset(&x->fix);
    int done = jx_text_fix(&x->fix, l->s + off, n, CELL_FIXES);
    if (done < 0 || x->fix.len == 0) {
        return;
    }
    size_t b, e;
    trim(l->s + off, n, true, &b, &e);
    int col = col_of(l, off + b);
    if (done & JX_FIX_NUMBER) {
        diag(x, "I109", JX_SEV_NOTE, l->no, col, 0, 0,
             "数字“%.*s”中有多余的空格或小数点，读作 %s", (int)(e - b),
             l->s + off + b, x->fix.p);
    }
    if (c->b.len) {
        jx_buf_adds(&c->b, sep);
    }
    jx_buf_add(&c->b, x->fix.p, x->fix.len);
    if (!c->located) {
        c->line = l->no;
        c->col = col;
        c->located = true;
    }
}

/* Append repaired text to a cell, joining it directly to the text before
 * (with a space between two ASCII letters or digits). */
static void join_text(struct pcell *c, const char *s, size_t n)
{
    if (n == 0) {
        return;
    }
    if (c->b.len) {
        char a = c->b.p[c->b.len - 1];
        bool alnum_a = (a >= '0' && a <= '9') || (a >= 'a' && a <= 'z') ||
                       (a >= 'A' && a <= 'Z');
        bool alnum_c = (s[0] >= '0' && s[0] <= '9') ||
                       (s[0] >= 'a' && s[0] <= 'z') ||
                       (s[0] >= 'A' && s[0] <= 'Z');
        if (alnum_a && alnum_c) {
            jx_buf_addc(&c->b, ' ');
        }
    }
    jx_buf_add(&c->b, s, n);
}

/* A table being built. */
struct tbuild {
    struct jx_doc_table *t; /* NULL until the first row is added */
    int nrows;              /* rows added */
    int width;              /* widest row so far (grid columns) */
    int last_width;         /* grid columns of the last row added */
};

/* Add a row to the table: each cell at its column (c->at, or after the
 * cell before it), covering span columns.  Columns skipped get empty
 * cells so that every position up to the last cell is a cell. */
static void add_row(struct ctx *x, struct tbuild *tb, struct prow *r)
{
    if (r->n == 0) {
        return;
    }
    if (!tb->t) {
        if (blocks_full(x, r->line)) {
            return;
        }
        tb->t = jx_doc_add_table(x->doc, NULL);
    }
    int colpos = 0;
    for (size_t i = 0; i < r->n; i++) {
        struct pcell *c = &r->c[i];
        int at = c->at >= colpos ? c->at : colpos;
        while (colpos < at) {
            if (!take_cell(x, r->c[0].line)) {
                return;
            }
            jx_doc_table_add_cell(x->doc, tb->t, tb->nrows, colpos, 1, 1, "",
                                  0, r->c[0].line, r->c[0].col);
            colpos++;
        }
        jx_doc_table_add_cell(x->doc, tb->t, tb->nrows, at, 1, c->span,
                              c->b.p, c->b.len, c->line, c->col);
        colpos = at + c->span;
    }
    tb->nrows++;
    tb->last_width = colpos;
    if (colpos > tb->width) {
        tb->width = colpos;
    }
}

/* Finish a table: compute its grid; mark it truncated (with a warning
 * at line:col) when the input ended in the middle of its last row. */
static void end_table(struct ctx *x, struct tbuild *tb, bool truncated,
                      int line, int col)
{
    if (!tb->t) {
        return;
    }
    if (x->stop) {
        truncated = true; /* a limit cut it */
    }
    tb->t->truncated = truncated;
    if (truncated && !x->stop) {
        diag(x, "I105", JX_SEV_WARNING, line, col, tb->t->index, tb->nrows,
             "表格在第 %d 行中断（输入在此结束），其余内容缺失", tb->nrows);
    }
    if (jx_doc_table_end(x->doc, tb->t) < 0) {
        diag(x, "I108", JX_SEV_ERROR, line, 0, tb->t->index, 0,
             "表格 %d 过大：行数×列数超过 %ld 个格子，表格未读取",
             tb->t->index, (long)JX_DOC_MAX_GRID);
    }
    tb->t = NULL;
}

/* Column just after the last character of line l. */
static int end_col(struct line *l)
{
    return col_of(l, l->n) ;
}

/* ---- one cell per line, starting with a tab (seed 003) ------------------ */

/* True when line l starts a cell of a tab-cell table: it begins with a
 * tab (a tab later in the line is part of the cell's text). */
static bool starts_cell(const struct line *l)
{
    return l->n > 0 && l->s[0] == '\t';
}

/* Most lines, and code points per line, of text that continues a tab
 * cell after blank lines (a heading split over lines, "产出指标\n(50分)"). */
#define CONT_LINES 3
#define CONT_CPS 16

/*
 * True when, after blank lines, the text lines at the cursor continue
 * the current cell of a row of n cells: the row is shorter than the row
 * before it (w), the lines are few and short, and the next line after
 * them (with no blank between) starts a cell.
 */
static bool continues_after_blank(const struct reader *rd, size_t n, int w)
{
    if (w <= 0 || (int)n >= w) {
        return false;
    }
    struct reader c = *rd;
    struct line l;
    for (int k = 0; rd_next(&c, &l); k++) {
        enum lkind kind = classify(&l);
        if (starts_cell(&l)) {
            return k > 0;
        }
        if (kind == LK_BLANK || k == CONT_LINES || memchr(l.s, '\t', l.n) ||
            cps(l.s, l.n) > CONT_CPS) {
            return false;
        }
    }
    return false;
}

/* Read one piece of a tab-cell table: cells up to a blank line (with
 * text continuing a cell across blank lines when it clearly does).
 * prev_w is the cell count of the piece before (0 for none). */
static void tabcell_piece(struct ctx *x, struct prow *r, int prev_w,
                          struct line *last)
{
    struct pcell *cur = NULL;
    struct line l;
    while (!x->stop && rd_peek(&x->rd, &l)) {
        enum lkind k = classify(&l);
        if (starts_cell(&l)) {
            /* a cell (a tab later in the line is part of its text) */
            rd_next(&x->rd, &l);
            *last = l;
            cur = new_cell(x, r, l.no, 2);
            if (cur) {
                add_piece(x, cur, &l, 1, l.n - 1, "\n");
            }
            continue;
        }
        if (k != LK_BLANK) {
            rd_next(&x->rd, &l);
            *last = l;
            if (cur) {
                add_piece(x, cur, &l, 0, l.n, "\n");
            }
            continue;
        }
        /* blank lines: the row ends, unless text continues the cell */
        struct reader save = x->rd;
        int blanks = 0;
        while (rd_peek(&x->rd, &l) && classify(&l) == LK_BLANK) {
            rd_next(&x->rd, &l);
            blanks++;
        }
        if (cur && continues_after_blank(&x->rd, r->n, prev_w)) {
            continue;
        }
        x->rd = save;
        return;
    }
}

/* Read a table of one cell per line starting with a tab, with a blank
 * line after each row (seed 003); the cursor is at its first line. */
static void read_tabcell(struct ctx *x)
{
    struct prow *segs = NULL;
    size_t nseg = 0, cap = 0;
    struct line last;
    memset(&last, 0, sizeof last);
    bool eof = false;
    int prev_w = 0;
    for (;;) {
        if (nseg == cap) {
            cap = cap ? cap * 2 : 16;
            segs = jx_xrealloc(segs, cap * sizeof *segs);
        }
        struct prow *r = &segs[nseg];
        memset(r, 0, sizeof *r);
        tabcell_piece(x, r, prev_w, &last);
        if (r->n == 0) {
            row_free(r);
            break;
        }
        nseg++;
        prev_w = (int)r->n;
        /* count the blank lines after it; go on at a tab cell */
        struct reader save = x->rd;
        struct line l;
        int blanks = 0;
        while (rd_peek(&x->rd, &l) && classify(&l) == LK_BLANK) {
            rd_next(&x->rd, &l);
            blanks++;
        }
        r->blank_after = blanks;
        if (!rd_peek(&x->rd, &l)) {
            r->at_eof = true;
            eof = true;
            break;
        }
        if (x->stop || !starts_cell(&l)) {
            x->rd = save;
            break;
        }
    }
    /*
     * A blank line may also end a cell whose last paragraph is empty,
     * splitting a row in two: join a short piece with the next when
     * together they are as wide as the row before and the next is a
     * single cell or the row after them is as wide again.
     */
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    size_t before = 0;    /* cells of the row added last */
    size_t before2 = 0;   /* cells of the row added before that */
    size_t i = 0;
    while (i < nseg) {
        struct prow *r = &segs[i];
        size_t n = r->n;
        if (before && i + 1 < nseg && r->blank_after == 1 && n < before &&
            n + segs[i + 1].n == before &&
            (segs[i + 1].n == 1 ||
             (i + 2 < nseg && segs[i + 2].n == before))) {
            row_take(r, &segs[i + 1]);
            r->blank_after = segs[i + 1].blank_after;
            r->at_eof = segs[i + 1].at_eof;
            i++;
        }
        before2 = before;
        before = r->n;
        add_row(x, &tb, r);
        i++;
    }
    bool truncated = false;
    if (eof && nseg > 0) {
        struct prow *lastrow = &segs[nseg - 1];
        truncated = lastrow->blank_after == 0 && before2 > 0 &&
                    before < before2;
    }
    end_table(x, &tb, truncated, last.no, end_col(&last));
    for (size_t k = 0; k < nseg; k++) {
        row_free(&segs[k]);
    }
    free(segs);
}

/* ---- tab-separated rows (seeds 000, 004; PDF text as in seed 002) ------- */

/* Cells up to and including the last one with text. */
static size_t used_cells(const struct prow *r)
{
    size_t m = r->n;
    while (m > 0 && r->c[m - 1].b.len == 0) {
        m--;
    }
    return m;
}

/* Kind of a cell's (repaired) text. */
static enum jx_cellkind kind_of(const struct pcell *c)
{
    return jx_text_cellkind(c->b.p, c->b.len);
}

/* Drop the cells of r from index m on. */
static void row_cut(struct prow *r, size_t m)
{
    for (size_t i = m; i < r->n; i++) {
        jx_buf_release(&r->c[i].b);
    }
    if (m < r->n) {
        r->n = m;
    }
}

/* Byte range of a field of a tab-separated line. */
struct field {
    size_t off, len;
};

/* Split a tab-separated line into cells of r (repaired); the raw ranges
 * go to *fields (malloc'd, *nf of them). */
static void tsv_split(struct ctx *x, struct line *l, struct prow *r,
                      struct field **fields, size_t *nf, size_t *capf)
{
    *nf = 0;
    size_t start = 0;
    for (size_t i = 0; i <= l->n && !x->stop; i++) {
        if (i < l->n && l->s[i] != '\t') {
            continue;
        }
        if (*nf == *capf) {
            *capf = *capf ? *capf * 2 : 16;
            *fields = jx_xrealloc(*fields, *capf * sizeof **fields);
        }
        (*fields)[(*nf)++] = (struct field){start, i - start};
        size_t b, e;
        trim(l->s + start, i - start, false, &b, &e);
        struct pcell *c = new_cell(x, r, l->no, col_of(l, start + b));
        if (c) {
            add_piece(x, c, l, start, i - start, " ");
        }
        start = i + 1;
    }
}

/*
 * In a row shorter than the table, PDF text sometimes glues the last
 * column's score to the text before it ("…扣完为止。 2"): split a last
 * cell ending in blanks and a short number after non-ASCII text into
 * two cells.  fl is the raw field of that cell.
 */
static void split_glued_score(struct ctx *x, struct line *l,
                              struct prow *r, size_t m,
                              const struct field *fl)
{
    const char *s = l->s + fl->off;
    size_t b, e;
    trim(s, fl->len, false, &b, &e);
    size_t j = e;
    while (j > b && ((s[j - 1] >= '0' && s[j - 1] <= '9') || s[j - 1] == '.')) {
        j--;
    }
    size_t digits = e - j;
    if (digits == 0 || digits > 5 || s[j] == '.' || s[e - 1] == '.' ||
        j == b || s[j - 1] != ' ') {
        return;
    }
    size_t k = j;
    while (k > b && s[k - 1] == ' ') {
        k--;
    }
    unsigned char before = (unsigned char)s[k - 1];
    if (k == b || (before < 0x80 && before != '>' && before != ')')) {
        return;
    }
    const char *dot = memchr(s + j, '.', digits);
    if ((dot ? (size_t)(dot - (s + j)) : digits) > 3 ||
        (dot && (size_t)(s + e - dot - 1) > 2)) {
        return;
    }
    row_cut(r, m);
    struct pcell *c = &r->c[m - 1];
    jx_buf_reset(&c->b);
    c->located = false;
    add_piece(x, c, l, fl->off, k, " ");
    struct pcell *n = new_cell(x, r, l->no, col_of(l, fl->off + j));
    if (n) {
        add_piece(x, n, l, fl->off + j, e - j, " ");
    }
}

/* True when the non-empty texts of r and of the header are the same
 * (a header repeated on a new page). */
static bool same_as_header(const struct prow *r, char *const *hdr,
                           size_t nhdr)
{
    size_t m = used_cells(r);
    if (m == 0 || m != nhdr) {
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        if (strcmp(r->c[i].b.p, hdr[i]) != 0) {
            return false;
        }
    }
    return true;
}

/*
 * True when row r, after a blank line, only continues cells of the row
 * before it (prev): a PDF page or a narrow column broke that row's long
 * texts.  r has one or two texts and no value, and prev has at least as
 * many texts.
 */
static bool is_fragment(const struct prow *r, const struct prow *prev)
{
    if (prev->n > JX_ALIGN_MAXCOLS || prev->merges >= 64) {
        return false; /* keeps the work per row bounded */
    }
    size_t texts = 0, have = 0;
    for (size_t i = 0; i < r->n; i++) {
        enum jx_cellkind k = kind_of(&r->c[i]);
        if (k == JX_CK_VALUE) {
            return false;
        }
        texts += k != JX_CK_EMPTY;
    }
    for (size_t i = 0; i < prev->n; i++) {
        enum jx_cellkind k = kind_of(&prev->c[i]);
        have += k == JX_CK_SHORT || k == JX_CK_LONG;
    }
    return texts >= 1 && texts <= 2 && have >= texts;
}

/* Append the texts of fragment r to the longest texts (in bytes) of
 * prev, in column order. */
static void merge_fragment(struct prow *prev, const struct prow *r)
{
    prev->merges++;
    size_t pick[2];
    size_t npick = 0, want = 0;
    for (size_t i = 0; i < r->n; i++) {
        want += r->c[i].b.len > 0;
    }
    if (want > 2) {
        want = 2; /* is_fragment allows two texts; never more than pick */
    }
    for (size_t k = 0; k < want; k++) {
        size_t best = SIZE_MAX, bestlen = 0;
        for (size_t i = 0; i < prev->n; i++) {
            enum jx_cellkind kind = kind_of(&prev->c[i]);
            if (kind != JX_CK_SHORT && kind != JX_CK_LONG) {
                continue;
            }
            bool taken = false;
            for (size_t j = 0; j < npick; j++) {
                taken = taken || pick[j] == i;
            }
            size_t len = prev->c[i].b.len;
            if (!taken && (best == SIZE_MAX || len > bestlen)) {
                best = i;
                bestlen = len;
            }
        }
        if (best == SIZE_MAX) {
            break;
        }
        pick[npick++] = best;
    }
    if (npick == 2 && pick[0] > pick[1]) {
        size_t t = pick[0];
        pick[0] = pick[1];
        pick[1] = t;
    }
    size_t k = 0;
    for (size_t i = 0; i < r->n && k < npick; i++) {
        if (r->c[i].b.len) {
            join_text(&prev->c[pick[k++]], r->c[i].b.p, r->c[i].b.len);
        }
    }
}

/* Place the cells of a row: line a short row up with the recent rows
 * (PDF text), drop empty cells past the table's width, and remember the
 * row's kinds. */
static void tsv_place(struct prow *r, int w, struct jx_align_profile *prof)
{
    size_t m = used_cells(r);
    int pos[JX_ALIGN_MAXCOLS];
    unsigned char kinds[JX_ALIGN_MAXCOLS];
    bool aligned = false;
    if (m > 0 && (int)m < w && w <= JX_ALIGN_MAXCOLS) {
        for (size_t i = 0; i < m; i++) {
            kinds[i] = (unsigned char)kind_of(&r->c[i]);
        }
        if (jx_text_align(prof, w, kinds, (int)m, pos)) {
            aligned = true;
            row_cut(r, m);
            for (size_t i = 0; i < m; i++) {
                r->c[i].at = pos[i];
            }
        }
    }
    if (!aligned) {
        if ((int)r->n > w) {
            row_cut(r, (int)m > w ? m : (size_t)w);
        }
        for (size_t i = 0; i < r->n; i++) {
            r->c[i].at = (int)i;
        }
    }
    int width = r->n ? r->c[r->n - 1].at + 1 : 0;
    if (width <= JX_ALIGN_MAXCOLS) {
        memset(kinds, JX_CK_EMPTY, sizeof kinds);
        for (size_t i = 0; i < r->n; i++) {
            kinds[r->c[i].at] = (unsigned char)kind_of(&r->c[i]);
        }
        jx_align_note(prof, kinds, width);
    }
}

/* Read a table of tab-separated rows; the cursor is at its first line.
 * A blank line or two may separate rows (page breaks); a header repeated
 * after one is dropped, and a row after one that only continues texts
 * of the row before is joined to it. */
static void read_tsv(struct ctx *x)
{
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    struct jx_align_profile prof;
    memset(&prof, 0, sizeof prof);
    struct prow prev, cur;
    memset(&prev, 0, sizeof prev);
    memset(&cur, 0, sizeof cur);
    struct field *fields = NULL;
    size_t nf = 0, capf = 0;
    char **hdr = NULL;
    size_t nhdr = 0;
    int w = 0;
    bool have_prev = false, eof = false;
    size_t last_nf = 0;
    struct line l, last;
    memset(&last, 0, sizeof last);
    for (bool first = true;; first = false) {
        struct reader save = x->rd;
        int blanks = 0;
        while (rd_peek(&x->rd, &l) && classify(&l) == LK_BLANK) {
            rd_next(&x->rd, &l);
            blanks++;
        }
        if (!rd_peek(&x->rd, &l)) {
            eof = blanks == 0;
            x->rd = save;
            break;
        }
        enum lkind k = classify(&l);
        if (x->stop || blanks > 2 ||
            !(k == LK_TSV || (k == LK_TABCELL && !first && blanks == 0))) {
            x->rd = save;
            break;
        }
        rd_next(&x->rd, &l);
        last = l;
        row_clear(&cur);
        tsv_split(x, &l, &cur, &fields, &nf, &capf);
        last_nf = nf;
        if (x->stop) {
            /* a limit cut this row: keep what was read of it */
            if (have_prev) {
                add_row(x, &tb, &prev);
            }
            struct prow t = prev;
            prev = cur;
            cur = t;
            have_prev = true;
            for (size_t i = 0; i < prev.n; i++) {
                prev.c[i].at = (int)i;
            }
            break;
        }
        size_t m = used_cells(&cur);
        if (first) {
            w = (int)cur.n;
            nhdr = m;
            hdr = jx_alloc_array(x->arena, nhdr ? nhdr : 1, sizeof *hdr);
            for (size_t i = 0; i < nhdr; i++) {
                hdr[i] = jx_strdup(x->arena, cur.c[i].b.p);
            }
        } else if (blanks > 0 && same_as_header(&cur, hdr, nhdr)) {
            continue;
        } else if (blanks > 0 && have_prev && is_fragment(&cur, &prev)) {
            merge_fragment(&prev, &cur);
            continue;
        }
        if (!first && m > 0 && (int)m < w) {
            split_glued_score(x, &l, &cur, m, &fields[m - 1]);
        }
        tsv_place(&cur, w, &prof);
        if (have_prev) {
            add_row(x, &tb, &prev);
        }
        struct prow t = prev;
        prev = cur;
        cur = t;
        have_prev = true;
        int width = prev.n ? prev.c[prev.n - 1].at + 1 : 0;
        w = width > w ? width : w;
    }
    if (have_prev) {
        add_row(x, &tb, &prev);
    }
    bool truncated = eof && !last.eol && (int)last_nf < w;
    end_table(x, &tb, truncated, last.no, end_col(&last));
    row_free(&prev);
    row_free(&cur);
    free(fields);
}

/* ---- pipe-delimited rows ----------------------------------------------- */

/* Split a "| a | b ||" line (or "a | b ||", without the leading pipe)
 * into cells of r: an empty field ("||")
 * widens the cell before it, a field of blanks is an empty cell; a
 * markdown rule ("|---|:--|") gives no cells.  *closed is set when the
 * line ends with '|'. */
static void pipes_split(struct ctx *x, struct line *l, struct prow *r,
                        bool *closed)
{
    size_t b, e;
    trim(l->s, l->n, true, &b, &e);
    *closed = e > b + 1 && l->s[e - 1] == '|';
    bool rule = memchr(l->s + b, '-', e - b) != NULL;
    for (size_t i = b; i < e && rule; i++) {
        rule = l->s[i] && strchr("|-: ", l->s[i]) != NULL;
    }
    if (rule) {
        return;
    }
    size_t start = l->s[b] == '|' ? b + 1 : b;
    for (size_t i = start; i <= e && !x->stop; i++) {
        if (i < e && l->s[i] != '|') {
            continue;
        }
        if (i == e && start >= e) {
            break; /* nothing after the closing pipe */
        }
        size_t len = i - start;
        if (len == 0 && r->n > 0) {
            r->c[r->n - 1].span++;
        } else {
            size_t fb, fe;
            trim(l->s + start, len, true, &fb, &fe);
            struct pcell *c =
                new_cell(x, r, l->no, col_of(l, start + (fb < fe ? fb : 0)));
            if (c) {
                add_piece(x, c, l, start, len, " ");
            }
        }
        start = i + 1;
    }
}

/* Kind class for matching rows: empty, value or text. */
static int kind_class(enum jx_cellkind k)
{
    return k == JX_CK_LONG ? JX_CK_SHORT : (int)k;
}

/* Rows of a pipe table placed so far (the last 8), for pipes_place. */
struct pipe_hist {
    int count;                                 /* rows kept (<= 8) */
    int next;                                  /* ring position */
    int used[8];                               /* cells up to the last text */
    unsigned char kinds[8][JX_ALIGN_MAXCOLS];  /* their kinds */
    int cols[8][JX_ALIGN_MAXCOLS];             /* their grid columns */
};

/*
 * Place a row of a pipe table.  A form's row written where merged cells
 * were lacks their (empty) cells on the left: when the row has fewer
 * cells up to its last text than the most recent row with more (at
 * least 3, a figure among them), and its cells have the kinds of that
 * row's last cells one for one, it is put under them.  Any other row stays as
 * written.  The row is then remembered.
 */
static void pipes_place(struct pipe_hist *h, struct prow *r)
{
    size_t m = used_cells(r);
    if (m > JX_ALIGN_MAXCOLS || r->n > JX_ALIGN_MAXCOLS) {
        return;
    }
    size_t figs = 0;
    bool single = true;
    for (size_t i = 0; i < m; i++) {
        figs += kind_of(&r->c[i]) == JX_CK_VALUE;
        single = single && r->c[i].span == 1;
    }
    for (int k = 1; k <= h->count && m >= 3 && figs >= 1 && single; k++) {
        int e = (h->next - k + 8) % 8;
        int ue = h->used[e];
        if (ue <= (int)m) {
            continue;
        }
        bool match = true;
        for (size_t i = 0; i < m && match; i++) {
            match = kind_class(kind_of(&r->c[i])) ==
                    kind_class((enum jx_cellkind)h->kinds[e][ue - (int)m + (int)i]);
        }
        for (size_t i = 0; i < m && match; i++) {
            r->c[i].at = h->cols[e][ue - (int)m + (int)i];
        }
        break; /* only the most recent wider row counts */
    }
    int e = h->next;
    int colpos = 0;
    for (size_t i = 0; i < r->n; i++) {
        int at = r->c[i].at >= colpos ? r->c[i].at : colpos;
        h->kinds[e][i] = (unsigned char)kind_of(&r->c[i]);
        h->cols[e][i] = at;
        colpos = at + r->c[i].span;
    }
    h->used[e] = (int)m;
    h->next = (e + 1) % 8;
    if (h->count < 8) {
        h->count++;
    }
}

/* Read a table of pipe-delimited rows ("| a | b |"; a cell merged with
 * the one to its left written "||"); the cursor is at its first line.
 * Rows may drift in their number of cells; a row that lost the cells
 * of merged labels on its left is put under the row above it
 * (pipes_place), any other is kept as written. */
static void read_pipes(struct ctx *x)
{
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    struct prow r;
    memset(&r, 0, sizeof r);
    struct line l, last;
    memset(&last, 0, sizeof last);
    bool eof = false, closed = true;
    int prev_w = 0;
    struct pipe_hist hist;
    memset(&hist, 0, sizeof hist);
    for (;;) {
        struct reader save = x->rd;
        int blanks = 0;
        while (rd_peek(&x->rd, &l) && classify(&l) == LK_BLANK) {
            rd_next(&x->rd, &l);
            blanks++;
        }
        if (!rd_peek(&x->rd, &l)) {
            eof = blanks == 0;
            x->rd = save;
            break;
        }
        if (x->stop || blanks > 1 || classify(&l) != LK_PIPES) {
            x->rd = save;
            break;
        }
        rd_next(&x->rd, &l);
        last = l;
        row_clear(&r);
        pipes_split(x, &l, &r, &closed);
        if (r.n) {
            pipes_place(&hist, &r);
            prev_w = tb.nrows ? tb.last_width : 0;
            add_row(x, &tb, &r);
        }
    }
    bool truncated = eof && (!closed || (!last.eol && tb.last_width < prev_w));
    end_table(x, &tb, truncated, last.no, end_col(&last));
    row_free(&r);
}

/* ---- a stream of cells without row marks ------------------------------ */

/* True when s[0..n) ends with the UTF-8 text w. */
static bool ends_with(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    return n >= k && memcmp(s + n - k, w, k) == 0;
}

static bool remark_header(const struct pcell *c);
static bool value_header(const struct pcell *c);

/* True when cell c is a level's points note that lost its opening
 * bracket: digits, an optional "分", then ")" or "）" ("30分)", "50)"). */
static bool unopened_points(const struct pcell *c)
{
    const char *p = c->b.p;
    size_t n = c->b.len, i = 0;
    while (i < n && p[i] >= '0' && p[i] <= '9') {
        i++;
    }
    if (i == 0 || i > 3) {
        return false;
    }
    if (n - i >= strlen("分") && memcmp(p + i, "分", strlen("分")) == 0) {
        i += strlen("分");
    }
    while (i < n && p[i] == ' ') {
        i++;
    }
    return (n - i == 1 && p[i] == ')') ||
           (n - i == strlen("）") && memcmp(p + i, "）", n - i) == 0);
}

/*
 * True when cell b is the rest of a header word that the one-cell-per-
 * line layout split over two lines after cell a ("年初" "预算数", "实际"
 * "完成值", "数量" "指标", "产出指标" "(50)", "偏差原因" "分析及"):
 * b is a bracketed note of at most 8 code points, or a ≤4-code-point a
 * is followed by one of the column words' tails, or a ends with 及, or a
 * ≤3-code-point a is followed by a ≤3-code-point b ending in 指标; never
 * when a is a whole header word already (ends in 指标, or names a column
 * of figures; a remark's words go on: "偏差原因" "分析及").
 */
static bool word_goes_on(const struct pcell *a, const struct pcell *b)
{
    if (kind_of(a) == JX_CK_SHORT && ends_with(a->b.p, a->b.len, "指标") &&
        unopened_points(b)) {
        return true; /* "效益指标" "30分)": its "(" was lost */
    }
    if (kind_of(a) != JX_CK_SHORT || kind_of(b) != JX_CK_SHORT) {
        return false;
    }
    size_t an = cps(a->b.p, a->b.len), bn = cps(b->b.p, b->b.len);
    if ((b->b.p[0] == '(' || starts_with_any(b->b.p, b->b.len,
                                             (const char *const[]){"（"}, 1)) &&
        bn <= 8 && !ends_with(a->b.p, a->b.len, ")") &&
        !ends_with(a->b.p, a->b.len, "）")) {
        return true;
    }
    if (ends_with(a->b.p, a->b.len, "及") && an <= 8) {
        return true;
    }
    if (ends_with(a->b.p, a->b.len, "指标") ||
        (value_header(a) && !remark_header(a))) {
        return false; /* a is a whole header word already */
    }
    if (an <= 3 && bn <= 3 && ends_with(b->b.p, b->b.len, "指标")) {
        return true; /* "经济效" "益指标", "数量" "指标" */
    }
    static const char *const tails[] = {"预算数", "执行数",
                                        "指标值", "完成值", "指标",
                                        "改进措施", "分析及", "完成情况"};
    if (an > 4) {
        return false;
    }
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        if (b->b.len == strlen(tails[i]) &&
            memcmp(b->b.p, tails[i], b->b.len) == 0) {
            return true;
        }
    }
    return false;
}

/* Join the header words of s split over two cells (word_goes_on). */
static void join_words(struct prow *s)
{
    size_t o = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (o > 0 && word_goes_on(&s->c[o - 1], &s->c[i])) {
            jx_buf_add(&s->c[o - 1].b, s->c[i].b.p, s->c[i].b.len);
            jx_buf_release(&s->c[i].b);
            continue;
        }
        s->c[o++] = s->c[i];
    }
    s->n = o;
}

/* Index of the first value in s->c[a..b), or b. */
static size_t first_value(const struct prow *s, size_t a, size_t b)
{
    while (a < b && kind_of(&s->c[a]) != JX_CK_VALUE) {
        a++;
    }
    return a;
}

/* Index of the first cell of s->c[a..b) that is not text (a value or
 * an empty cell: the row's figures start there), or b. */
static size_t first_data(const struct prow *s, size_t a, size_t b)
{
    while (a < b && (kind_of(&s->c[a]) == JX_CK_SHORT ||
                     kind_of(&s->c[a]) == JX_CK_LONG)) {
        a++;
    }
    return a;
}

/*
 * True when cell c reads as the header of a column of figures: its text,
 * without a bracketed note at its end ("执行数(B)", "年度预算数(万元)"),
 * ends with one of the words such headers end with (…数, …值, …率, 分值,
 * 得分, 权重, 原因, 措施, 分析, 单位, 性质, 预算, 说明, 备注).  Row
 * labels ("年度资金总额", "产出指标(50)", "数量指标") do not.
 */
static bool value_header(const struct pcell *c)
{
    const char *p = c->b.p;
    size_t n = c->b.len;
    if (n > 0 && (p[n - 1] == ')' || ends_with(p, n, "）"))) {
        size_t i = n;
        while (i > 0 && p[i - 1] != '(' &&
               !(i >= 3 && memcmp(p + i - 3, "（", 3) == 0)) {
            i--;
        }
        if (i > 0) {
            n = p[i - 1] == '(' ? i - 1 : i - 3;
        }
    }
    while (n > 0 && p[n - 1] == ' ') {
        n--;
    }
    static const char *const ends[] = {"数", "值", "率", "分", "权重",
                                       "原因", "措施", "分析", "单位",
                                       "性质", "预算", "说明", "备注"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        if (ends_with(p, n, ends[i])) {
            return true;
        }
    }
    return false;
}

/* True when cell c holds only a unit of measure ("%", "万元", "人次"):
 * the 度量单位 column of a form, not a row's label. */
static bool unit_word(const struct pcell *c)
{
    static const char *const units[] = {
        "%", "‰", "元", "万元", "亿元", "个", "人", "人次", "次", "天", "件",
        "项", "户", "亩", "万亩", "台", "套", "篇", "座", "起", "年", "月",
        "日", "小时", "公里", "千米", "米", "吨", "家", "所", "张", "份",
        "期", "场", "辆", "株", "棵", "间", "平方米", "立方米", "分"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (c->b.len == strlen(units[i]) &&
            memcmp(c->b.p, units[i], c->b.len) == 0) {
            return true;
        }
    }
    return false;
}

/* True when cell c names a remark column (…原因, …措施, …分析, 说明,
 * 备注): text, never a figure. */
static bool remark_header(const struct pcell *c)
{
    static const char *const ends[] = {"原因", "措施", "分析", "说明",
                                       "备注"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        if (ends_with(c->b.p, c->b.len, ends[i])) {
            return true;
        }
    }
    return false;
}

/* True when cell c holds only an ellipsis ("……", "…"): the
 * placeholder row a form prints for more indicators. */
static bool ellipsis(const struct pcell *c)
{
    return (c->b.len == strlen("……") && memcmp(c->b.p, "……", c->b.len) == 0) ||
           (c->b.len == strlen("…") && memcmp(c->b.p, "…", c->b.len) == 0);
}

/* End of the row of the stream that starts at a: before a label (text)
 * that follows a value or an empty cell once the row has a value; a
 * long text right after the values (a remark) and a unit of measure
 * (unit_word) stay in the row. */
static size_t stream_row_end(const struct prow *s, size_t a)
{
    bool value = false;
    for (size_t i = a; i < s->n; i++) {
        enum jx_cellkind k = kind_of(&s->c[i]);
        if (i > a && value && k == JX_CK_SHORT && !unit_word(&s->c[i])) {
            enum jx_cellkind p = kind_of(&s->c[i - 1]);
            if (p == JX_CK_VALUE || p == JX_CK_EMPTY || p == JX_CK_LONG) {
                return i;
            }
        }
        if (i > a && value && ellipsis(&s->c[i]) &&
            kind_of(&s->c[i - 1]) == JX_CK_EMPTY) {
            return i; /* a form's "……" row (more indicators) after an
                       * empty remark: a row of its own */
        }
        value = value || k == JX_CK_VALUE;
    }
    return s->n;
}

/* Add cells s->c[a..b) as a row of tb starting at grid column at, with
 * empty cells after them up to column pad (-1: none): a row under a
 * header is as wide as the header, so that no reader takes it for a
 * row whose merged cells on the left are missing. */
static void stream_add(struct ctx *x, struct tbuild *tb, struct prow *s,
                       size_t a, size_t b, int at, int pad)
{
    if (a >= b) {
        return;
    }
    struct prow r;
    memset(&r, 0, sizeof r);
    r.c = s->c + a;
    r.n = b - a;
    r.line = s->c[a].line;
    for (size_t i = 0; i < r.n; i++) {
        r.c[i].at = at + (int)i;
    }
    add_row(x, tb, &r);
    if (!tb->t) {
        return;
    }
    int pline = s->c[b - 1].line, pcol = s->c[b - 1].col;
    while (tb->last_width <= pad && take_cell(x, pline)) {
        jx_doc_table_add_cell(x->doc, tb->t, tb->nrows - 1, tb->last_width,
                              1, 1, "", 0, pline, pcol);
        tb->last_width++;
    }
    if (tb->last_width > tb->width) {
        tb->width = tb->last_width;
    }
}

/* How many cells of s->c[a..b), placed from grid column at, have the
 * kind class of the reference row's cell in their column; in a column
 * whose header lets any kind stand there (any[c], see any_kind_header)
 * every cell fits. */
static int kinds_match(const struct prow *s, size_t a, size_t b, int at,
                       const unsigned char *ref, const unsigned char *any,
                       int nref)
{
    int n = 0;
    for (size_t i = a; i < b; i++) {
        int c = at + (int)(i - a);
        if (c >= 0 && c < nref &&
            (any[c] || kind_class(kind_of(&s->c[i])) ==
                           kind_class((enum jx_cellkind)ref[c]))) {
            n++;
        }
    }
    return n;
}

/* True when header cell c names a column whose cells may be words or
 * figures alike: an indicator's value (…指标值, …完成值, 目标值, 实际值:
 * "≥95%" in one row, "显著" or "每亩300" in the next; not 分值).  A
 * remark column is not one: an empty remark is what tells a row's end
 * from a label that follows it. */
static bool any_kind_header(const struct pcell *c)
{
    return ends_with(c->b.p, c->b.len, "值") &&
           !ends_with(c->b.p, c->b.len, "分值");
}

/* Grid column of the first of n cells ending at column last (0 when
 * they do not fit). */
static int spaced_at(int last, size_t n)
{
    return (size_t)last + 1 >= n ? last + 1 - (int)n : 0;
}

/* Add the texts of cells s->c[a..b) as one paragraph, split by
 * spaces (a row that cannot be placed in the table). */
static void cells_para(struct ctx *x, const struct prow *s, size_t a,
                       size_t b)
{
    struct jx_buf p;
    jx_buf_init(&p, SIZE_MAX);
    for (size_t i = a; i < b; i++) {
        if (s->c[i].b.len == 0) {
            continue;
        }
        if (p.len) {
            jx_buf_addc(&p, ' ');
        }
        jx_buf_add(&p, s->c[i].b.p, s->c[i].b.len);
    }
    if (a < b) {
        add_para(x, p.p, p.len, s->c[a].line, s->c[a].col);
    }
    jx_buf_release(&p);
}

/* Add the cells s->c[a..b) as paragraphs: one for all (joined) or one
 * each. */
static void words_paras(struct ctx *x, const struct prow *s, size_t a,
                        size_t b, bool joined)
{
    if (joined) {
        cells_para(x, s, a, b);
        return;
    }
    for (size_t i = a; i < b; i++) {
        add_para(x, s->c[i].b.p, s->c[i].b.len, s->c[i].line, s->c[i].col);
    }
}

/* How a header was found over the first row of figures after it. */
struct hfit {
    size_t labels;  /* texts of the row before its figures (0: no fit) */
    size_t remarks; /* header words past the figures (lossy layouts) */
};

/*
 * Find the header in the texts s->c[a..d) that stand before the figures
 * s->c[d..b) of a row: the row's labels are its last 1 to 4 texts (not
 * remark headers), and the m = b - d words before them must
 * all name figure columns (value_header).  In a lossy layout the
 * figures are exactly those columns: the word before them must not name
 * one, and remark columns (原因, 措施 …) after them, empty and dropped,
 * are allowed.  The smallest fitting label count wins.  A row of fewer
 * than 2 figures (3 in a lossy layout) is too little evidence.
 */
static struct hfit header_fit(const struct prow *s, size_t a, size_t d,
                              size_t b, bool lossy)
{
    struct hfit f = {0, 0};
    size_t k = d - a, m = b - d;
    if (m < (lossy ? 3u : 2u)) {
        return f; /* too few figures to tell a header by */
    }
    for (size_t t = 1; t <= 4 && t < k; t++) {
        bool ok = true;
        for (size_t i = d - t; ok && i < d; i++) {
            ok = !remark_header(&s->c[i]); /* labels are not */
        }
        size_t r = 0;
        if (lossy) {
            while (r < k - t && remark_header(&s->c[d - t - 1 - r])) {
                r++;
            }
        }
        size_t end = d - t - r; /* the figure headers end here */
        ok = ok && end - a >= m;
        for (size_t i = end - m; ok && i < end; i++) {
            ok = value_header(&s->c[i]) && !(lossy && remark_header(&s->c[i]));
        }
        if (ok && lossy && end - m > a) {
            ok = !value_header(&s->c[end - m - 1]);
        }
        if (ok) {
            f.labels = t;
            f.remarks = r;
            return f;
        }
    }
    return f;
}

/*
 * Add the cells of s (one cell after another, no row marks: the
 * one-cell-per-line layouts and a table on one line) to tb as rows.  A
 * row ends before a label that follows its values (stream_row_end).  A
 * row led by five or more texts holds a header before its labels
 * (header_fit): the header goes in a row of its own, as many words as
 * the row has cells (words before them are paragraphs, and a new table
 * starts), and the header and the row end at the same column, its
 * figures under their headers.
 * When no header fits, which word stands over which figure is not
 * known, and the words become paragraphs (no misleading header).
 *
 * The rows after a header: where empty cells are kept (lossy false),
 * a row's first value is put under the first value of the row below
 * the header (the labels of merged cells on the left are missing from
 * it), or the row ends at the header's end, whichever matches the
 * kinds of that row better (a tie keeps the row as a paragraph).  Where
 * empty cells were dropped (lossy), a row with as many figures as the
 * row under the header ends where that row's figures end; any other
 * row (and any row with no header above it) cannot be placed soundly
 * and is kept as a paragraph of its words; words without figures are
 * paragraphs (a title, the labels of a form's head) where empty cells
 * were dropped or after a header (a form's notes and footer).
 */
static void stream_rows(struct ctx *x, struct tbuild *tb, struct prow *s,
                        bool lossy)
{
    int anchor = -1; /* grid column of the first value, -1 before one */
    int hdr_end = -1; /* last grid column of the header, -1 for none */
    unsigned char ref[JX_ALIGN_MAXCOLS]; /* kinds of the row under it */
    unsigned char any[JX_ALIGN_MAXCOLS]; /* columns any kind fits */
    int nref = 0;
    int last = -1;   /* lossy: column of the last figure under a header */
    size_t nfig = 0; /* lossy: figures of that row */
    size_t a = 0;
    while (a < s->n && !x->stop) {
        size_t b = stream_row_end(s, a);
        size_t v = first_value(s, a, b);
        if (v == b && (lossy || hdr_end >= 0)) {
            /* words without figures (after a header: a form's notes
             * and footer, whose row marks are lost): text */
            end_table(x, tb, false, 0, 0);
            memset(tb, 0, sizeof *tb);
            hdr_end = -1;
            last = -1;
            words_paras(x, s, a, b, false);
            a = b;
            continue;
        }
        if (v == b) { /* no value: a row of text */
            stream_add(x, tb, s, a, b, 0, -1);
            a = b;
            continue;
        }
        size_t d = first_data(s, a, b);
        size_t k = d - a;
        if (k >= 5) {
            struct hfit f = header_fit(s, a, d, b, lossy);
            if (f.labels) {
                size_t L = f.labels, m = b - d;
                size_t hn = L + m + f.remarks; /* the header's words */
                size_t h = d - L - a > hn ? d - L - hn : a;
                if (h > a) {
                    /* the words before the header: text of the form */
                    end_table(x, tb, false, 0, 0);
                    memset(tb, 0, sizeof *tb);
                    hdr_end = -1;
                    words_paras(x, s, a, h, false);
                }
                int hw = (int)(d - L - h);
                int dw = (int)(L + m + f.remarks);
                int w = hw > dw ? hw : dw;
                stream_add(x, tb, s, h, d - L, w - hw, -1);
                stream_add(x, tb, s, d - L, b, w - dw, w - 1);
                hdr_end = w - 1;
                nref = 0;
                for (int c = 0; c < w && c < JX_ALIGN_MAXCOLS; c++) {
                    size_t i = d - L + (size_t)(c - (w - dw));
                    size_t hc = h + (size_t)(c - (w - hw));
                    any[nref] = (unsigned char)(c >= w - hw &&
                                                any_kind_header(&s->c[hc]));
                    ref[nref++] = (unsigned char)(c < w - dw || i >= b
                                                      ? JX_CK_EMPTY
                                                      : kind_of(&s->c[i]));
                }
                anchor = w - dw + (int)L;
                last = w - 1 - (int)f.remarks;
                nfig = m;
                a = b;
                continue;
            }
            if (lossy || hdr_end < 0 || anchor < 0 ||
                hdr_end + 1 < (int)(b - a)) {
                end_table(x, tb, false, 0, 0);
                memset(tb, 0, sizeof *tb);
                hdr_end = -1;
                last = -1;
                anchor = -1;
                words_paras(x, s, a, d - 1, false);
                if (lossy) {
                    cells_para(x, s, d - 1, b); /* the label, its figures */
                    a = b;
                    continue;
                }
                a = d - 1;
                d = first_data(s, a, b);
            }
            /* else no header, but a row no wider than the header above:
             * its indicator's values are words ("良好"), and it is
             * placed under that header */
        }
        k = d - a;
        int at = 0;
        if (!lossy && hdr_end >= 0 && anchor >= (int)k &&
            hdr_end + 1 >= (int)(b - a)) {
            /* under a header: the first value under the first value of
             * the row below the header, or the row's end at the
             * header's end, whichever matches that row's kinds better
             * (a wide merged label, "合计", leaves its figures right) */
            int left = anchor - (int)k;
            int right = hdr_end + 1 - (int)(b - a);
            int ml = kinds_match(s, a, b, left, ref, any, nref);
            int mr = kinds_match(s, a, b, right, ref, any, nref);
            if (ml == mr && left != right) {
                /* either could be right: kept as text, not guessed */
                cells_para(x, s, a, b);
                a = b;
                continue;
            }
            at = mr > ml ? right : left;
        } else if (!lossy && hdr_end >= 0 && anchor >= 0 &&
                   hdr_end + 1 > (int)(b - a)) {
            /* more words before the first figure than the row under the
             * header has labels (an indicator's value in words, "显著"):
             * the row starts at column 0, or it ends at the header's
             * end when that matches the kinds strictly better (its
             * merged cells on the left are missing) */
            int right = hdr_end + 1 - (int)(b - a);
            int m0 = kinds_match(s, a, b, 0, ref, any, nref);
            int mr = kinds_match(s, a, b, right, ref, any, nref);
            at = mr > m0 ? right : 0;
        } else if (lossy && last >= 0) {
            if (b - d != nfig) {
                /* not placeable under the header: kept as text */
                cells_para(x, s, a, b);
                a = b;
                continue;
            }
            at = spaced_at(last, b - a);
        } else if (lossy) {
            /* no header: the row is kept as text */
            cells_para(x, s, a, b);
            a = b;
            continue;
        } else if (anchor < 0) {
            anchor = (int)k;
        } else if (anchor > (int)k) {
            at = anchor - (int)k;
        }
        stream_add(x, tb, s, a, b, at, hdr_end);
        a = b;
    }
}

/* Number of cells of r whose text is a value. */
static size_t count_values(const struct prow *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++) {
        n += kind_of(&r->c[i]) == JX_CK_VALUE;
    }
    return n;
}

/* Cells and values a piece of one-cell-per-line text needs to be read
 * as a stream of cells rather than as one row. */
#define STREAM_MIN_CELLS 12
#define STREAM_MIN_VALUES 4

/* The raw line is empty (no character at all, not even a blank). */
static bool raw_empty(const struct line *l)
{
    return l->n == 0;
}

/* True when s[0..n) starts with a list number ("4、", "2.", "3．"
 * followed by text), which is not a value. */
static bool list_number(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        i++;
    }
    if (i == 0 || i == n) {
        return false;
    }
    if (s[i] == '.') {
        return i + 1 < n && !(s[i + 1] >= '0' && s[i + 1] <= '9');
    }
    return starts_with_any(s + i, n - i,
                           (const char *const[]){"、", "．", "，"}, 3);
}

/* Cells of a run after which stream_starts decides. */
#define STREAM_PROBE 400

/* True when a run of cells, values (of them), long texts and its
 * longest run of values look like a table (see stream_starts). */
static bool stream_like(size_t cells, size_t values, size_t longs,
                        size_t best_run)
{
    return cells >= STREAM_MIN_CELLS && values >= STREAM_MIN_VALUES &&
           values * 5 >= cells && longs * 3 <= cells && best_run >= 3;
}

/*
 * True when a table of one cell per line with an empty line between
 * cells starts at the cursor (Word's HTML export as text): at least
 * STREAM_MIN_CELLS cells (a line of blanks is an empty cell) each
 * followed by exactly one empty line, of which at least
 * STREAM_MIN_VALUES and a fifth are values (single words, not list
 * numbers: "12 9.84" or "4、…" are not a cell's value), three
 * of them in a row somewhere (a row's figures), and at most a third
 * long texts (judged on the first STREAM_PROBE cells of a longer
 * run).  *ncells is set to the cells of the run; when false, *skip to
 * the offset before which no run need be judged again.
 */
static bool stream_starts(const struct reader *rd, size_t *ncells,
                          size_t *skip)
{
    struct reader c = *rd;
    struct line l, gap;
    size_t cells = 0, values = 0, longs = 0, run = 0, best_run = 0;
    bool passed = false;
    size_t at[STREAM_PROBE + 1]; /* where the cells start */
    at[0] = rd->pos;
    for (;;) {
        if (cells <= STREAM_PROBE) {
            at[cells] = c.pos;
        }
        if (!rd_next(&c, &l) || raw_empty(&l)) {
            break;
        }
        enum lkind kind = classify(&l);
        if (kind != LK_TEXT && kind != LK_BLANK) {
            break;
        }
        size_t b, e;
        trim(l.s, l.n, true, &b, &e);
        enum jx_cellkind k = jx_text_cellkind(l.s + b, e - b);
        if (cps(l.s + b, e - b) > 200) {
            break;
        }
        bool value = k == JX_CK_VALUE && !list_number(l.s + b, e - b) &&
                     !memchr(l.s + b, ' ', e - b);
        cells++;
        values += value;
        longs += k == JX_CK_LONG;
        run = value ? run + 1 : 0;
        if (run > best_run) {
            best_run = run;
        }
        if (cells == STREAM_PROBE && !passed) {
            /* judged on its first cells: the work per line is bounded */
            if (!stream_like(cells, values, longs, best_run)) {
                *ncells = 0;
                *skip = at[cells / 4];
                return false;
            }
            passed = true;
        }
        struct reader save = c;
        if (!rd_next(&c, &gap)) {
            break;
        }
        if (!raw_empty(&gap)) {
            cells--; /* two text lines in a row: the run ends before */
            values -= value;
            longs -= k == JX_CK_LONG;
            c = save;
            break;
        }
        struct line peek;
        if (rd_peek(&c, &peek) && raw_empty(&peek)) {
            break; /* two empty lines: the run ends */
        }
    }
    *ncells = cells;
    if (passed || stream_like(cells, values, longs, best_run)) {
        return true;
    }
    /* a run starting a quarter further on is judged next (a table after
     * text in the same run is found once the text no longer outweighs
     * it); the work per line stays bounded */
    *skip = at[(cells < STREAM_PROBE ? cells : STREAM_PROBE) / 4];
    return false;
}

/* Read a table of one cell per line with an empty line between cells
 * (ncells of them, as stream_starts found); the cursor is at its
 * first cell. */
static void read_stream(struct ctx *x, size_t ncells)
{
    struct prow s;
    memset(&s, 0, sizeof s);
    struct line l, last;
    memset(&last, 0, sizeof last);
    for (size_t i = 0; i < ncells && !x->stop; i++) {
        if (!rd_next(&x->rd, &l)) {
            break;
        }
        last = l;
        size_t b, e;
        trim(l.s, l.n, true, &b, &e);
        struct pcell *c = new_cell(x, &s, l.no, col_of(&l, b));
        if (c && e > b) {
            add_piece(x, c, &l, b, e - b, " ");
        }
        struct line gap;
        if (rd_peek(&x->rd, &gap) && raw_empty(&gap)) {
            rd_next(&x->rd, &gap);
        }
    }
    join_words(&s);
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    stream_rows(x, &tb, &s, false);
    end_table(x, &tb, false, last.no, end_col(&last));
    row_free(&s);
}

/* ---- a whole table on one line, cells split by single spaces --------- */

/* Tokens, values and long words a line needs to be a table on one line. */
#define SPACED_MIN_TOKENS 30
#define SPACED_MIN_VALUES 6

/* True when the token s[0..n) is a WPS / Office metadata field: an ISO
 * time ("2019-05-22T04:56:35Z"), or ASCII only (ids, counts, versions,
 * True/False). */
static bool meta_token(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return false;
        }
    }
    return true;
}

/* True when the token s[0..n) is an ISO date and time (…T…Z). */
static bool iso_time(const char *s, size_t n)
{
    return n >= 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' &&
           s[n - 1] == 'Z';
}

/*
 * Byte offset in l where a table on one line starts, after the metadata
 * a WPS document leaves at the head of its text ("author id 1
 * 2019-05-22T04:56:35Z … False False 附件: …"): when one of the first
 * 12 tokens is an ISO time, the prefix runs to the last ASCII-only
 * token after it; else 0.
 */
static size_t meta_prefix(const char *s, size_t n)
{
    size_t i = 0, tokens = 0, end = 0;
    bool seen = false;
    while (i < n) {
        while (i < n && s[i] == ' ') {
            i++;
        }
        size_t j = i;
        while (j < n && s[j] != ' ') {
            j++;
        }
        if (j == i) {
            break;
        }
        tokens++;
        if (iso_time(s + i, j - i)) {
            seen = true;
            end = j;
        } else if (seen && meta_token(s + i, j - i)) {
            end = j;
        } else if (seen || tokens >= 12) {
            break;
        }
        i = j;
    }
    return seen ? end : 0;
}

/* True when line l (from byte off) is a whole table on one line with
 * cells split by single spaces: at least SPACED_MIN_TOKENS tokens, of
 * which SPACED_MIN_VALUES are values (single words, three of them in a
 * row somewhere) and at most a third long texts. */
static bool spaced_table(const struct line *l, size_t off)
{
    size_t i = off, tokens = 0, values = 0, longs = 0, run = 0, best = 0;
    while (i < l->n) {
        while (i < l->n && l->s[i] == ' ') {
            i++;
        }
        size_t j = i;
        while (j < l->n && l->s[j] != ' ') {
            j++;
        }
        if (j == i) {
            break;
        }
        enum jx_cellkind k = jx_text_cellkind(l->s + i, j - i);
        bool value = k == JX_CK_VALUE && !list_number(l->s + i, j - i);
        tokens++;
        values += value;
        longs += k == JX_CK_LONG;
        run = value ? run + 1 : 0;
        best = run > best ? run : best;
        i = j;
    }
    return tokens >= SPACED_MIN_TOKENS && values >= SPACED_MIN_VALUES &&
           best >= 3 && longs * 3 <= tokens;
}

/* Read a table written on one line with cells split by spaces (the
 * line is at the cursor, its metadata prefix ends at byte off): each
 * word is a cell (header words split by a space joined again), and
 * the rows are found as in a stream of cells (empty cells are lost). */
static void read_spaced(struct ctx *x, size_t off)
{
    struct line l;
    rd_next(&x->rd, &l);
    if (off > 0) {
        add_para(x, l.s, off, l.no, 1);
    }
    struct prow s;
    memset(&s, 0, sizeof s);
    size_t i = off;
    while (i < l.n && !x->stop) {
        while (i < l.n && l.s[i] == ' ') {
            i++;
        }
        size_t j = i;
        while (j < l.n && l.s[j] != ' ') {
            j++;
        }
        if (j == i) {
            break;
        }
        struct pcell *c = new_cell(x, &s, l.no, col_of(&l, i));
        if (c) {
            add_piece(x, c, &l, i, j - i, " ");
        }
        i = j;
    }
    join_words(&s);
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    stream_rows(x, &tb, &s, true);
    end_table(x, &tb, false, l.no, end_col(&l));
    row_free(&s);
}

/* ---- rows on lines, cells split by spaces, header words wrapped -------- */

/* Add a cell for each space-separated word of line l to r. */
static void split_words(struct ctx *x, struct line *l, struct prow *r)
{
    size_t i = 0;
    while (i < l->n && !x->stop) {
        while (i < l->n && (l->s[i] == ' ' || l->s[i] == '\t')) {
            i++;
        }
        size_t j = i;
        while (j < l->n && l->s[j] != ' ' && l->s[j] != '\t') {
            j++;
        }
        if (j == i) {
            break;
        }
        struct pcell *c = new_cell(x, r, l->no, col_of(l, i));
        if (c) {
            add_piece(x, c, l, i, j - i, " ");
        }
        i = j;
    }
}

/* Figures at the end of r (values after its last text), or 0 when r
 * ends with text. */
static size_t trailing_figures(const struct prow *r)
{
    size_t n = r->n;
    while (n > 0 && kind_of(&r->c[n - 1]) == JX_CK_VALUE) {
        n--;
    }
    for (size_t i = 0; i < n; i++) {
        if (kind_of(&r->c[i]) == JX_CK_VALUE) {
            return 0; /* a figure among the labels: not a plain row */
        }
    }
    return r->n - n;
}

/* The figure columns of header h: the words naming figures
 * (value_header) just before its remark words at the end; *end is set
 * to the index after the last of them.  0 when the word before them
 * names a figure column too, or there are fewer than 2. */
static size_t figure_columns(const struct prow *h, size_t *end)
{
    size_t e = h->n;
    while (e > 0 && remark_header(&h->c[e - 1])) {
        e--;
    }
    size_t b = e;
    while (b > 0 && value_header(&h->c[b - 1]) &&
           !remark_header(&h->c[b - 1])) {
        b--;
    }
    *end = e;
    return e - b >= 2 ? e - b : 0;
}

/* Join the words of wrap (a header's second line) to the header words
 * they finish, in order ("年度" + "指标值"); false (h unchanged) when a
 * word of wrap finishes none. */
static bool join_wrap(struct prow *h, struct prow *wrap)
{
    size_t pick[JX_ALIGN_MAXCOLS];
    if (wrap->n == 0 || wrap->n > JX_ALIGN_MAXCOLS) {
        return false;
    }
    size_t k = 0;
    for (size_t i = 0; i < wrap->n; i++) {
        while (k < h->n && !word_goes_on(&h->c[k], &wrap->c[i])) {
            k++;
        }
        if (k == h->n) {
            return false;
        }
        pick[i] = k++;
    }
    for (size_t i = 0; i < wrap->n; i++) {
        jx_buf_add(&h->c[pick[i]].b, wrap->c[i].b.p, wrap->c[i].b.len);
    }
    return true;
}

/*
 * Read a table of rows on lines with cells split by spaces, when one
 * starts at the cursor: a header line of words only (at least 3; its
 * second line, words that finish some of them, joined: "年度 实际" then
 * "指标值 完成值"), then rows ending in exactly as many figures as the
 * header names figure columns.  Each row's figures end where the
 * header's figure columns end (the labels of merged cells on its left
 * are missing), its remark cells empty; the table ends at the first
 * other line.  Returns false, reading
 * nothing, when no such table starts here.
 */
static bool read_spaced_rows(struct ctx *x)
{
    struct reader save = x->rd;
    struct prow h, wrap, r;
    memset(&h, 0, sizeof h);
    memset(&wrap, 0, sizeof wrap);
    memset(&r, 0, sizeof r);
    size_t cells_before = x->ncells;
    struct line l;
    bool ok = rd_next(&x->rd, &l) && classify(&l) == LK_TEXT;
    if (ok) {
        split_words(x, &l, &h);
        ok = h.n >= 3 && h.n <= JX_ALIGN_MAXCOLS && trailing_figures(&h) == 0 &&
             count_values(&h) == 0;
    }
    struct reader after_h = x->rd;
    if (ok && rd_next(&x->rd, &l) && classify(&l) == LK_TEXT) {
        split_words(x, &l, &wrap);
        if (count_values(&wrap) > 0 || !join_wrap(&h, &wrap)) {
            x->rd = after_h;
        }
    } else {
        x->rd = after_h;
    }
    size_t end = 0, nfig = ok ? figure_columns(&h, &end) : 0;
    struct reader first = x->rd;
    ok = ok && nfig > 0 && rd_next(&x->rd, &l) && classify(&l) == LK_TEXT;
    if (ok) {
        split_words(x, &l, &r);
        ok = trailing_figures(&r) == nfig && r.n <= end;
    }
    x->rd = first;
    if (!ok || x->stop) {
        x->rd = save;
        x->ncells = cells_before;
        row_free(&h);
        row_free(&wrap);
        row_free(&r);
        return false;
    }
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    for (size_t i = 0; i < h.n; i++) {
        h.c[i].at = (int)i;
    }
    add_row(x, &tb, &h);
    struct line last = l;
    for (;;) {
        struct reader before = x->rd;
        row_clear(&r);
        if (x->stop || !rd_next(&x->rd, &l) || classify(&l) != LK_TEXT) {
            x->rd = before;
            break;
        }
        split_words(x, &l, &r);
        if (trailing_figures(&r) != nfig || r.n > end) {
            x->rd = before;
            break;
        }
        size_t n = r.n;
        for (size_t i = 0; i < n; i++) {
            r.c[i].at = (int)(end - n + i);
        }
        for (size_t c = end; c < h.n; c++) { /* the empty remark cells */
            struct pcell *e = new_cell(x, &r, l.no, end_col(&l));
            if (e) {
                e->at = (int)c;
            }
        }
        add_row(x, &tb, &r);
        last = l;
    }
    end_table(x, &tb, false, last.no, end_col(&last));
    row_free(&h);
    row_free(&wrap);
    row_free(&r);
    return true;
}

/* ---- one cell per line ending in " |" ------------------------------------ */

/* Read a table of one cell per line ending in "|", a blank line after
 * each row; text lines just before a cell's line belong to that cell.
 * The cursor is at its first line. */
static void read_bar(struct ctx *x)
{
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    struct prow r;
    memset(&r, 0, sizeof r);
    struct line l, last;
    memset(&last, 0, sizeof last);
    bool truncated = false;
    int prev_w = 0;
    for (;;) {
        /* one row: cells up to a blank line */
        row_clear(&r);
        struct pcell *pending = NULL;
        bool cut = false;
        for (;;) {
            if (x->stop || !rd_peek(&x->rd, &l)) {
                cut = pending != NULL;
                break;
            }
            enum lkind k = classify(&l);
            if (k == LK_BLANK) {
                break;
            }
            if (k != LK_BAR && k != LK_TEXT && k != LK_DASH) {
                break;
            }
            if (k != LK_BAR && !pending) {
                /* text: a cell's first lines, or the end of the table
                 * when a blank line (or a non-cell line) follows */
                struct reader c = x->rd;
                struct line t;
                bool cell = false, at_end = true;
                while (rd_next(&c, &t)) {
                    enum lkind tk = classify(&t);
                    if (tk == LK_BAR || (tk != LK_TEXT && tk != LK_DASH)) {
                        cell = tk == LK_BAR;
                        at_end = false;
                        break;
                    }
                }
                if (!cell && !(at_end && r.n > 0)) {
                    break;
                }
            }
            rd_next(&x->rd, &l);
            last = l;
            size_t b, e;
            trim(l.s, l.n, true, &b, &e);
            if (!pending) {
                pending = new_cell(x, &r, l.no, col_of(&l, b));
                if (!pending) {
                    break;
                }
            }
            if (k == LK_BAR) {
                e--;
                add_piece(x, pending, &l, b, e - b, "\n");
                pending = NULL;
            } else {
                add_piece(x, pending, &l, b, e - b, "\n");
            }
        }
        if (r.n == 0) {
            break;
        }
        int w_before = tb.nrows ? tb.last_width : 0;
        if (tb.nrows == 0 && r.n >= STREAM_MIN_CELLS &&
            count_values(&r) >= STREAM_MIN_VALUES) {
            /* no blank line between rows: a stream of cells */
            stream_rows(x, &tb, &r, false);
        } else {
            add_row(x, &tb, &r);
        }
        prev_w = w_before;
        struct reader save = x->rd;
        int blanks = 0;
        while (rd_peek(&x->rd, &l) && classify(&l) == LK_BLANK) {
            rd_next(&x->rd, &l);
            blanks++;
        }
        if (!rd_peek(&x->rd, &l)) {
            truncated = cut || (blanks == 0 && tb.last_width < prev_w);
            break;
        }
        if (x->stop || blanks > 2 || classify(&l) != LK_BAR) {
            x->rd = save;
            break;
        }
    }
    end_table(x, &tb, truncated, last.no, end_col(&last));
    row_free(&r);
}

/* ---- a whole table on one line ------------------------------------------ */

/* Add the cells of one row s[0..n) (at byte offset off of line l) of a
 * one-line table: cells split by runs of two or more spaces, a run of
 * 2k+2 spaces (2k at the row's ends) holding k empty cells. */
static void oneline_row(struct ctx *x, struct line *l, size_t off,
                        size_t n, struct prow *r)
{
    const char *s = l->s + off;
    size_t i = 0;
    while (i < n && !x->stop) {
        size_t sp = 0;
        while (i + sp < n && s[i + sp] == ' ') {
            sp++;
        }
        bool lead = i == 0, tail = i + sp == n;
        size_t empties = lead || tail ? sp / 2 : (sp >= 2 ? sp / 2 - 1 : 0);
        for (size_t k = 0; k < empties; k++) {
            if (!new_cell(x, r, l->no, col_of(l, off + i))) {
                return;
            }
        }
        i += sp;
        if (i >= n) {
            break;
        }
        size_t j = i;
        while (j < n && !(s[j] == ' ' && j + 1 < n && s[j + 1] == ' ') &&
               !(s[j] == ' ' && j + 1 == n)) {
            j++;
        }
        struct pcell *c = new_cell(x, r, l->no, col_of(l, off + i));
        if (c) {
            add_piece(x, c, l, off + i, j - i, " ");
        }
        i = j;
    }
}

/* Read a table written on one line: rows split by " | ", cells by two
 * spaces.  The cursor is at the line. */
static void read_oneline(struct ctx *x)
{
    struct line l;
    rd_next(&x->rd, &l);
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    struct prow r;
    memset(&r, 0, sizeof r);
    size_t b, e;
    trim(l.s, l.n, false, &b, &e);
    size_t start = b;
    int prev_w = 0;
    for (size_t i = b; i <= e && !x->stop; i++) {
        bool sep = i + 2 < e && l.s[i] == ' ' && l.s[i + 1] == '|' &&
                   l.s[i + 2] == ' ';
        if (i < e && !sep) {
            continue;
        }
        row_clear(&r);
        oneline_row(x, &l, start, i - start, &r);
        prev_w = tb.nrows ? tb.last_width : 0;
        add_row(x, &tb, &r);
        start = i + 3;
        i += 2;
    }
    struct line after;
    bool truncated = !l.eol && !rd_peek(&x->rd, &after) &&
                     tb.last_width < prev_w;
    end_table(x, &tb, truncated, l.no, end_col(&l));
    row_free(&r);
}

/* ---- a row mark "-", then one cell per line with blank lines ------------ */

/* True when the "-" line at the cursor starts a blank-cell table: a cell
 * follows within two blank lines and another "-" within 200 lines. */
static bool cellblank_starts(const struct reader *rd)
{
    struct reader c = *rd;
    struct line l;
    rd_next(&c, &l);
    int blanks = 0;
    while (rd_next(&c, &l) && classify(&l) == LK_BLANK) {
        blanks++;
    }
    if (blanks > 2 || classify(&l) == LK_BLANK || classify(&l) == LK_DASH) {
        return false;
    }
    for (int i = 0; i < 200 && rd_next(&c, &l); i++) {
        if (classify(&l) == LK_DASH) {
            return true;
        }
    }
    return false;
}

/* Add k empty cells to r at line:col; false at the cell limit. */
static bool add_empties(struct ctx *x, struct prow *r, int k, int line,
                        int col)
{
    for (int i = 0; i < k; i++) {
        if (!new_cell(x, r, line, col)) {
            return false;
        }
    }
    return true;
}

/* Read a table whose rows start with a line "-" and hold one cell per
 * line with a blank line between cells (an empty cell is two more blank
 * lines).  The last row ends when it is as wide as the widest row
 * before.  The cursor is at the first "-". */
static void read_cellblank(struct ctx *x)
{
    struct tbuild tb;
    memset(&tb, 0, sizeof tb);
    struct prow r;
    memset(&r, 0, sizeof r);
    struct line l, last;
    memset(&last, 0, sizeof last);
    bool eof = false;
    while (!x->stop && rd_peek(&x->rd, &l) && classify(&l) == LK_DASH) {
        rd_next(&x->rd, &l);
        last = l;
        row_clear(&r);
        int w = tb.width;
        int blanks = 0;
        bool done = false, table_end = false;
        while (!done && !x->stop) {
            struct reader save = x->rd;
            blanks = 0;
            while (rd_peek(&x->rd, &l) && classify(&l) == LK_BLANK) {
                rd_next(&x->rd, &l);
                blanks++;
            }
            if (!rd_peek(&x->rd, &l)) {
                eof = blanks == 0;
                x->rd = save;
                done = table_end = true;
                break;
            }
            enum lkind k = classify(&l);
            if (k == LK_DASH) {
                /* empty cells before the next row: each is an empty line
                 * and its blank line (after a cell, one more blank) */
                int trailing = r.n == 0 ? blanks / 2 : (blanks - 1) / 2;
                if (trailing > 0 &&
                    !add_empties(x, &r, trailing, l.no, 1)) {
                    break;
                }
                done = true;
                break;
            }
            int empties = r.n == 0 ? blanks / 2 : (blanks - 1) / 2;
            if (k != LK_TEXT || (w > 0 && (int)r.n + empties >= w) ||
                (r.n > 0 && blanks == 0)) {
                x->rd = save;
                done = table_end = true;
                break;
            }
            rd_next(&x->rd, &l);
            last = l;
            size_t b, e;
            trim(l.s, l.n, true, &b, &e);
            if (!add_empties(x, &r, empties, l.no, col_of(&l, b))) {
                break;
            }
            struct pcell *c = new_cell(x, &r, l.no, col_of(&l, b));
            if (c) {
                add_piece(x, c, &l, b, e - b, " ");
            }
        }
        add_row(x, &tb, &r);
        if (table_end) {
            break;
        }
    }
    bool truncated = eof && !last.eol && tb.last_width < tb.width;
    end_table(x, &tb, truncated, last.no, end_col(&last));
    row_free(&r);
}

/* ---- decoding ------------------------------------------------------------ */

/* Decode data[0..len) in the character set cs (an iconv name) into a
 * malloc'd UTF-8 text (*out, *outlen); 0, or -1 with *bad the offset of
 * the first byte that cannot be decoded. */
static int from_charset(const char *cs, const char *data, size_t len,
                        char **out, size_t *outlen, size_t *bad)
{
    *bad = 0;
    iconv_t cd = iconv_open("UTF-8", cs);
    if (cd == (iconv_t)-1) {
        return -1;
    }
    size_t cap = len + len / 2 + 16;
    char *buf = jx_xmalloc(cap + 1);
    char *in = (char *)data;
    size_t inleft = len;
    char *o = buf;
    size_t oleft = cap;
    int rc = 0;
    while (inleft > 0) {
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        if (r != (size_t)-1) {
            continue;
        }
        if (errno == E2BIG) {
            size_t used = (size_t)(o - buf);
            cap = cap * 2 + 16;
            buf = jx_xrealloc(buf, cap + 1);
            o = buf + used;
            oleft = cap - used;
            continue;
        }
        *bad = (size_t)(in - data);
        rc = -1;
        break;
    }
    iconv_close(cd);
    if (rc < 0) {
        free(buf);
        return -1;
    }
    *outlen = (size_t)(o - buf);
    buf[*outlen] = '\0';
    *out = buf;
    return 0;
}

/* Outcome of checking UTF-8. */
struct utf8_check {
    size_t bad;       /* invalid sequences */
    size_t first_bad; /* offset of the first */
    bool tail_only;   /* the only one is an unfinished last character */
};

/* Check data[0..len) for UTF-8. */
static void check_utf8(const char *data, size_t len, struct utf8_check *u)
{
    memset(u, 0, sizeof *u);
    size_t i = 0;
    while (i < len) {
        if ((unsigned char)data[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = jx_utf8_decode(data + i, len - i, &cp);
        if (k > 0) {
            i += (size_t)k;
            continue;
        }
        if (u->bad++ == 0) {
            u->first_bad = i;
        }
        i++;
    }
    if (u->bad >= 1 && len - u->first_bad < 4) {
        unsigned char lead = (unsigned char)data[u->first_bad];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
        bool cont = lead >= 0xC2 && lead <= 0xF4 &&
                    len - u->first_bad < need;
        for (size_t j = u->first_bad + 1; j < len && cont; j++) {
            cont = ((unsigned char)data[j] & 0xC0) == 0x80;
        }
        u->tail_only = cont;
    }
}

/* Line number (1-based) of byte offset off in data. */
static int line_at(const char *data, size_t off)
{
    int no = 1;
    for (size_t i = 0; i < off; i++) {
        if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n')) {
            no++;
        }
    }
    return no;
}

/* Copy UTF-8 data, each invalid byte becoming U+FFFD (or dropped when
 * drop_tail and it is part of an unfinished last character). */
static char *copy_utf8(const char *data, size_t len, bool drop_tail,
                       size_t tail_from, size_t *outlen)
{
    char *buf = jx_xmalloc(len * 3 + 1);
    size_t o = 0, i = 0;
    while (i < len) {
        if (drop_tail && i >= tail_from) {
            break;
        }
        int32_t cp;
        int k = (unsigned char)data[i] < 0x80
                    ? 1
                    : jx_utf8_decode(data + i, len - i, &cp);
        if (k > 0) {
            memcpy(buf + o, data + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
        } else {
            memcpy(buf + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    buf[o] = '\0';
    *outlen = o;
    return buf;
}

/* Replace the NUL bytes of the decoded text[0..len) by spaces (with a
 * warning when there were any); returns text. */
static char *nul_to_space(struct ctx *x, char *text, size_t len)
{
    size_t nul = 0;
    for (size_t i = 0; i < len; i++) {
        if (text[i] == '\0') {
            text[i] = ' ';
            nul++;
        }
    }
    if (nul) {
        diag(x, "I104", JX_SEV_WARNING, 0, 0, 0, 0,
             "文本中有 %zu 个 NUL 字节，已替换为空格", nul);
    }
    return text;
}

/*
 * Whether the UTF-16 code unit u (a whole character, or a surrogate
 * half checked by the caller) is one that Chinese text is made of:
 * ASCII text and line ends, Latin-1, general punctuation, the symbols
 * of forms and tables (letterlike, number forms, arrows, mathematical
 * operators, enclosed numbers, box drawing, shapes, miscellaneous
 * symbols), CJK punctuation, enclosed and compatibility CJK, the
 * ideographs (extension A and the unified block), compatibility
 * ideographs and forms, full-width forms and U+FEFF.
 */
static bool utf16_textual(unsigned u)
{
    if (u < 0x80) {
        return u == '\t' || u == '\n' || u == '\r' || u == '\f' ||
               (u >= 0x20 && u < 0x7F);
    }
    return (u >= 0xA0 && u <= 0xFF) || (u >= 0x2000 && u <= 0x206F) ||
           (u >= 0x2100 && u <= 0x22FF) || (u >= 0x2460 && u <= 0x26FF) ||
           (u >= 0x3000 && u <= 0x303F) || (u >= 0x3200 && u <= 0x4DBF) ||
           (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF) ||
           (u >= 0xFE30 && u <= 0xFE4F) || (u >= 0xFF00 && u <= 0xFFEF) ||
           u == 0xFEFF;
}

/* The number of code units of data[0..len) (len even) read in the
 * byte order be that utf16_textual accepts, a surrogate pair counting
 * two when both halves are in place. */
static size_t utf16_textual_units(const char *data, size_t len, bool be)
{
    const unsigned char *p = (const unsigned char *)data;
    size_t n = 0;
    for (size_t i = 0; i + 1 < len; i += 2) {
        unsigned u = be ? (unsigned)p[i] << 8 | p[i + 1]
                        : (unsigned)p[i + 1] << 8 | p[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
            unsigned v = be ? (unsigned)p[i + 2] << 8 | p[i + 3]
                            : (unsigned)p[i + 3] << 8 | p[i + 2];
            if (v >= 0xDC00 && v <= 0xDFFF) {
                n += 2;
                i += 2;
            }
            continue;
        }
        n += utf16_textual(u);
    }
    return n;
}

/*
 * The UTF-16 byte order of data[0..len), as an iconv name, or NULL when
 * it is not UTF-16 or the order cannot be told (*ambiguous then set):
 * a byte order mark (FF FE little-endian, FE FF big-endian; *skip is
 * then 2), or, without one, in an even number of at least 16 bytes with
 * at least 4 NUL bytes (which UTF-8 and GB18030 text never holds), the
 * order in which at least 95% of the code units are characters of
 * Chinese text (utf16_textual) when the other order's reading is not;
 * when both are, the order the NUL bytes tell (all at odd offsets: the
 * high bytes of ASCII characters in little-endian; all at even offsets:
 * big-endian), else ambiguous (U+4E00 一 or U+3000 leave NULs in the
 * low byte, so both parities are normal in Chinese text).  When neither
 * reading is text, at least 8 NUL bytes all at odd (even) offsets still
 * say little- (big-) endian.
 */
static const char *utf16_order(const char *data, size_t len, size_t *skip,
                               bool *ambiguous)
{
    *skip = 0;
    *ambiguous = false;
    if (len >= 2 && (unsigned char)data[0] == 0xFF &&
        (unsigned char)data[1] == 0xFE) {
        *skip = 2;
        return "UTF-16LE";
    }
    if (len >= 2 && (unsigned char)data[0] == 0xFE &&
        (unsigned char)data[1] == 0xFF) {
        *skip = 2;
        return "UTF-16BE";
    }
    if (len < 16 || len % 2 != 0) {
        return NULL;
    }
    size_t odd = 0, even = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '\0') {
            if (i % 2) {
                odd++;
            } else {
                even++;
            }
        }
    }
    if (odd + even < 4) {
        return NULL;
    }
    size_t units = len / 2;
    bool le = utf16_textual_units(data, len, false) * 20 >= units * 19;
    bool be = utf16_textual_units(data, len, true) * 20 >= units * 19;
    if (le && be) {
        if (odd && !even) {
            return "UTF-16LE";
        }
        if (even && !odd) {
            return "UTF-16BE";
        }
        *ambiguous = true;
        return NULL;
    }
    if (le || be) {
        return le ? "UTF-16LE" : "UTF-16BE";
    }
    if (odd >= 8 && even == 0) {
        return "UTF-16LE";
    }
    if (even >= 8 && odd == 0) {
        return "UTF-16BE";
    }
    return NULL;
}

/* True when data[0..len) looks like UTF-16 text, or like UTF-16 of an
 * order that cannot be told (see utf16_order): the text reader then
 * reads it or says why not. */
bool jx_text_is_utf16(const char *data, size_t len)
{
    size_t skip;
    bool ambiguous;
    return utf16_order(data, len, &skip, &ambiguous) != NULL || ambiguous;
}

/* Decode the input to UTF-8 (malloc'd, NUL bytes made spaces, BOM
 * dropped); NULL with an error when it is neither UTF-8, UTF-16 nor
 * GB18030. */
static char *decode(struct ctx *x, const char *data, size_t len,
                    size_t *outlen)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    size_t skip;
    bool ambiguous;
    const char *order = utf16_order(data, len, &skip, &ambiguous);
    char *text = NULL;
    if (ambiguous) {
        diag(x, "I564", JX_SEV_ERROR, 0, 0, 0, 0,
             "文本像是没有字节顺序标记的 UTF-16，但按小端（UTF-16LE）和"
             "大端（UTF-16BE）读都像正常文字，无法确定字节顺序，未读取；"
             "请另存为 UTF-8 或带字节顺序标记的 UTF-16");
        return NULL;
    }
    if (order) {
        size_t bad;
        if (from_charset(order, data + skip, len - skip, &text, outlen,
                         &bad) == 0) {
            diag(x, "I103", JX_SEV_NOTE, 0, 0, 0, 0,
                 "文本编码为 %s，已转换为 UTF-8", order);
            if (*outlen >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
                memmove(text, text + 3, *outlen - 2);
                *outlen -= 3;
            }
            return nul_to_space(x, text, *outlen);
        }
        if (skip) {
            diag(x, "I102", JX_SEV_ERROR, 0, 0, 0, 0,
                 "文本以 %s 的字节顺序标记开头，但第 %zu 字节起不是有效的 "
                 "%s",
                 order, bad + skip + 1, order);
            return NULL;
        }
        /* not UTF-16 after all: try the other encodings */
    }
    struct utf8_check u;
    check_utf8(data, len, &u);
    if (u.bad == 0 || u.tail_only) {
        text = copy_utf8(data, len, u.tail_only, u.first_bad, outlen);
        if (u.tail_only) {
            diag(x, "I104", JX_SEV_WARNING, line_at(data, u.first_bad), 0, 0,
                 0, "文本末尾的字符不完整（%zu 个字节），已舍去",
                 len - u.first_bad);
        }
    } else {
        size_t bad;
        if (from_charset("GB18030", data, len, &text, outlen, &bad) == 0) {
            diag(x, "I103", JX_SEV_NOTE, 0, 0, 0, 0,
                 "文本编码为 GB18030（GBK），已转换为 UTF-8");
            if (*outlen >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
                memmove(text, text + 3, *outlen - 2);
                *outlen -= 3;
            }
        } else if (u.bad <= len / 200) {
            text = copy_utf8(data, len, false, 0, outlen);
            diag(x, "I104", JX_SEV_WARNING, line_at(data, u.first_bad), 0, 0,
                 0, "文本中有 %zu 个字节不是有效的 UTF-8，已替换为“\xEF\xBF\xBD”",
                 u.bad);
        } else {
            diag(x, "I102", JX_SEV_ERROR, 0, 0, 0, 0,
                 "无法识别文本编码：既不是 UTF-8（第 %zu 字节起无效），"
                 "也不是 GB18030（第 %zu 字节起无效）",
                 u.first_bad + 1, bad + 1);
            return NULL;
        }
    }
    return nul_to_space(x, text, *outlen);
}

/* ---- the importer -------------------------------------------------------- */

/* Text to document. */
struct jx_doc *jx_import_text(struct jx_arena *arena, const char *file,
                              const char *data, size_t len,
                              const struct jx_limits *lim,
                              struct jx_diags *diags)
{
    struct jx_limits deflim;
    if (!lim) {
        jx_limits_default(&deflim);
        lim = &deflim;
    }
    struct ctx x;
    memset(&x, 0, sizeof x);
    x.arena = arena;
    x.diags = diags;
    x.lim = lim;
    x.doc = jx_doc_new(arena, file ? file : "", JX_SRC_TEXT);
    if (len > lim->max_input) {
        diag(&x, "I101", JX_SEV_ERROR, 0, 0, 0, 0,
             "输入过大：%zu 字节，上限 %zu 字节", len, lim->max_input);
        return NULL;
    }
    size_t tlen = 0;
    char *text = decode(&x, data ? data : "", data ? len : 0, &tlen);
    if (!text) {
        return NULL;
    }
    x.rd.t = text;
    x.rd.len = tlen;
    jx_buf_init(&x.fix, SIZE_MAX);
    struct line l;
    while (!x.stop && rd_peek(&x.rd, &l)) {
        switch (classify(&l)) {
        case LK_BLANK:
            rd_next(&x.rd, &l);
            break;
        case LK_TABCELL:
            read_tabcell(&x);
            break;
        case LK_TSV:
            read_tsv(&x);
            break;
        case LK_PIPES:
            read_pipes(&x);
            break;
        case LK_BAR:
            read_bar(&x);
            break;
        case LK_ONELINE:
            read_oneline(&x);
            break;
        case LK_DASH:
            if (cellblank_starts(&x.rd)) {
                read_cellblank(&x);
                break;
            }
            rd_next(&x.rd, &l);
            read_para(&x, &l);
            break;
        case LK_TEXT: {
            size_t ncells;
            size_t off = meta_prefix(l.s, l.n);
            if (spaced_table(&l, off)) {
                read_spaced(&x, off);
                break;
            }
            if (read_spaced_rows(&x)) {
                break;
            }
            size_t skip = 0;
            if (x.rd.pos >= x.no_stream_before &&
                stream_starts(&x.rd, &ncells, &skip)) {
                read_stream(&x, ncells);
                break;
            }
            if (skip > x.no_stream_before) {
                x.no_stream_before = skip;
            }
            rd_next(&x.rd, &l);
            read_para(&x, &l);
            break;
        }
        }
    }
    jx_buf_release(&x.fix);
    free(text);
    return x.doc;
}
