/*
 * import_html.c - an HTML page (as saved from a portal, or jixiao's own
 * HTML report) to the neutral document, through libxml2's HTML parser
 * (no network, no external entities, errors and warnings silent).
 *
 * Before parsing, the tags are counted ('<' bytes) against
 * lim->max_html_nodes, so a page of a million elements is refused in
 * one pass over the bytes; while walking the tree, nesting deeper than
 * lim->max_html_depth is refused.  The charset comes from a BOM, then
 * the meta tag (charset= in the first 8 KiB; GB2312, GBK and x-gbk are
 * read as GB18030, their superset), then UTF-8 when the bytes are valid
 * UTF-8, GB18030 otherwise.
 *
 * Blocks: <table> → a table (rows from <tr> of the table itself and its
 * thead/tbody/tfoot, cells from <td>/<th> with rowspan/colspan placed on
 * a grid that skips positions taken by earlier row spans); a table
 * whose cells hold another table, or of one column whose cells hold
 * paragraphs (a portal's frame around the article), is layout, and its
 * content is read as blocks.  <p>, <div>, <li>, <h1>-<h6> (heading levels), <br> and the
 * other block elements end a paragraph; inline text is joined with
 * white space collapsed (kept in <pre>).  Dropped: head, script, style,
 * noscript, template, svg, iframe, object, and elements of class
 * "print-only" (jixiao's printed copies of what the screen shows) or
 * "jx-generated" (what jixiao's report adds to the unit's own); in
 * a table cell, a <details> gives its <summary> only, without a <sup>
 * note number.
 */
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

/* Most columns and rows a cell may span (larger spans are clamped). */
#define MAX_SPAN 1000

/* Most columns of a table grid. */
#define MAX_COLS 4096

/* Grid positions above which a table's empty columns and rows are
 * merged away (collapse_spans). */
#define COLLAPSE_MIN 65536L

/* The walk's state. */
struct hctx {
    struct jx_doc *doc;
    const struct jx_limits *lim;
    struct jx_diags *diags;
    struct jx_buf para;   /* the paragraph being collected */
    int para_line;        /* its first source line */
    int heading;          /* heading level of the open h1-h6, or 0 */
    int pre;              /* inside <pre> */
    size_t cells;         /* cells added so far */
    bool failed;          /* a limit stopped the walk (reported) */
};

/* Case-insensitive ASCII comparison of a libxml2 name with s. */
static bool is(const xmlNode *n, const char *s)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           xmlStrcasecmp(n->name, (const xmlChar *)s) == 0;
}

/* Whether element n has the class name cls. */
static bool has_class(const xmlNode *n, const char *cls)
{
    xmlChar *c = xmlGetProp(n, (const xmlChar *)"class");
    if (!c) {
        return false;
    }
    size_t m = strlen(cls);
    bool found = false;
    for (const char *p = (const char *)c; (p = strstr(p, cls)) != NULL;
         p += m) {
        if ((p == (const char *)c || p[-1] == ' ') &&
            (p[m] == '\0' || p[m] == ' ')) {
            found = true;
            break;
        }
    }
    xmlFree(c);
    return found;
}

/* Whether n is dropped with everything in it. */
static bool dropped(const xmlNode *n)
{
    static const char *const names[] = {
        "head", "script", "style", "noscript", "template", "svg",
        "iframe", "object", "embed", "math", "select", "button", NULL};
    for (int i = 0; names[i]; i++) {
        if (is(n, names[i])) {
            return true;
        }
    }
    return has_class(n, "print-only") || has_class(n, "jx-generated");
}

/* Whether n ends a paragraph (a block element). */
static bool block(const xmlNode *n)
{
    static const char *const names[] = {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "dl", "dt", "dd", "section", "article", "header", "footer", "main",
        "nav", "aside", "blockquote", "pre", "form", "fieldset", "figure",
        "figcaption", "center", "address", "body", "html", "details",
        "summary", "hr", "br", "caption", "table", "tr", "td", "th",
        "thead", "tbody", "tfoot", "legend", NULL};
    for (int i = 0; names[i]; i++) {
        if (is(n, names[i])) {
            return true;
        }
    }
    return false;
}

/* Heading level of h1..h6, else 0. */
static int heading_of(const xmlNode *n)
{
    if (n->type == XML_ELEMENT_NODE && n->name &&
        (n->name[0] == 'h' || n->name[0] == 'H') && n->name[1] >= '1' &&
        n->name[1] <= '6' && n->name[2] == '\0') {
        return n->name[1] - '0';
    }
    return 0;
}

/* Append text to b with HTML white space collapsed (unless pre): a run
 * of blanks becomes one space, none at the start of b. */
static void add_text(struct jx_buf *b, const char *s, bool pre)
{
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (!pre && (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
                     ch == '\f')) {
            if (b->len > 0 && b->p[b->len - 1] != ' ' &&
                b->p[b->len - 1] != '\n') {
                jx_buf_addc(b, ' ');
            }
            continue;
        }
        if (ch == '\r') {
            continue;
        }
        jx_buf_addc(b, (char)ch);
    }
}

/* Copy s[0..n) into out with each line trimmed (ASCII blanks, U+3000,
 * U+00A0), empty lines dropped, lines joined by '\n'. */
static void tidy(const char *s, size_t n, struct jx_buf *out)
{
    jx_buf_reset(out);
    size_t i = 0;
    while (i <= n) {
        size_t e = i;
        while (e < n && s[e] != '\n') {
            e++;
        }
        size_t a = i, z = e;
        for (;;) {
            if (a < z && (s[a] == ' ' || s[a] == '\t')) {
                a++;
            } else if (z - a >= 3 && memcmp(s + a, "\xE3\x80\x80", 3) == 0) {
                a += 3;
            } else if (z - a >= 2 && memcmp(s + a, "\xC2\xA0", 2) == 0) {
                a += 2;
            } else {
                break;
            }
        }
        for (;;) {
            if (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t')) {
                z--;
            } else if (z - a >= 3 &&
                       memcmp(s + z - 3, "\xE3\x80\x80", 3) == 0) {
                z -= 3;
            } else if (z - a >= 2 && memcmp(s + z - 2, "\xC2\xA0", 2) == 0) {
                z -= 2;
            } else {
                break;
            }
        }
        if (z > a) {
            if (out->len > 0) {
                jx_buf_addc(out, '\n');
            }
            jx_buf_add(out, s + a, z - a);
        }
        i = e + 1;
    }
}

/* End the paragraph being collected (added when not blank). */
static void flush(struct hctx *h)
{
    if (h->para.len == 0) {
        return;
    }
    struct jx_buf t;
    jx_buf_init(&t, h->para.max);
    tidy(h->para.p, h->para.len, &t);
    if (t.len > 0) {
        if (h->doc->nblocks >= h->lim->max_blocks) {
            if (!h->failed) {
                jx_import_error(h->diags, h->doc->file, "I522",
                                "HTML 段落与表格过多：超过上限 %zu 个",
                                h->lim->max_blocks);
            }
            h->failed = true;
        } else {
            struct jx_prov pv;
            memset(&pv, 0, sizeof pv);
            pv.file = h->doc->file;
            pv.line = h->para_line;
            jx_doc_add_para(h->doc, t.p, t.len, h->heading, &pv);
        }
    }
    jx_buf_release(&t);
    jx_buf_reset(&h->para);
    h->para_line = 0;
}

/* Refuse nesting deeper than the limit (once). */
static bool too_deep(struct hctx *h, int depth)
{
    if (depth <= h->lim->max_html_depth) {
        return false;
    }
    if (!h->failed) {
        jx_import_error(h->diags, h->doc->file, "I523",
                        "HTML 元素嵌套过深：超过 %d 层", h->lim->max_html_depth);
    }
    h->failed = true;
    return true;
}

/* Whether c is the hidden part of a <details>: anything but its
 * <summary> (a cell shows the summary; the rest opens on a click). */
static bool in_details(const xmlNode *c)
{
    return c->parent && is(c->parent, "details") && !is(c, "summary");
}

/* Collect the text of a cell's content into b: blocks on lines of
 * their own, nested tables' cells separated by tabs. */
static void cell_text(struct hctx *h, const xmlNode *n, struct jx_buf *b,
                      int depth)
{
    if (too_deep(h, depth)) {
        return;
    }
    for (const xmlNode *c = n->children; c && !h->failed; c = c->next) {
        if (in_details(c)) {
            continue;
        }
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) {
                add_text(b, (const char *)c->content, h->pre > 0);
            }
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || dropped(c)) {
            continue;
        }
        if (is(c, "sup") && n && is(n, "summary")) {
            continue; /* a note's number beside the value */
        }
        bool blk = block(c);
        if (blk && b->len > 0 && b->p[b->len - 1] != '\n') {
            jx_buf_addc(b, '\n');
        }
        if (is(c, "td") || is(c, "th")) {
            if (b->len > 0 && b->p[b->len - 1] == '\n') {
                b->len--;
                b->p[b->len] = '\0';
            }
            if (b->len > 0) {
                jx_buf_addc(b, '\t');
            }
        }
        bool pre = is(c, "pre");
        h->pre += pre;
        cell_text(h, c, b, depth + 1);
        h->pre -= pre;
        if (blk && !is(c, "td") && !is(c, "th") && b->len > 0 &&
            b->p[b->len - 1] != '\n') {
            jx_buf_addc(b, '\n');
        }
    }
}

/* Whether table t holds another table inside its cells. */
static bool has_inner_table(const xmlNode *n, int depth)
{
    if (depth > 64) {
        return true;
    }
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) {
            continue;
        }
        if (is(c, "table") || has_inner_table(c, depth + 1)) {
            return true;
        }
    }
    return false;
}

static size_t table_rows(const xmlNode *n, const xmlNode **rows,
                         size_t max);

/* Whether n holds a paragraph-like element (p, div, h1-h6, li). */
static bool has_blocks(const xmlNode *n, int depth)
{
    if (depth > 64) {
        return false;
    }
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "p") || is(c, "div") || heading_of(c) || is(c, "li") ||
            has_blocks(c, depth + 1)) {
            return true;
        }
    }
    return false;
}

/* Whether table n is a portal's frame around an article: no row has
 * more than one cell, and the cells hold paragraphs. */
static bool one_column_layout(const xmlNode *n)
{
    size_t nrows = table_rows(n, NULL, 0);
    if (nrows == 0 || nrows > 10000) {
        return false;
    }
    const xmlNode **rows = malloc(nrows * sizeof *rows);
    if (!rows) {
        jx_oom();
    }
    table_rows(n, rows, nrows);
    bool one = true, blocks = false;
    for (size_t r = 0; r < nrows && one; r++) {
        int cells = 0;
        for (const xmlNode *c = rows[r]->children; c; c = c->next) {
            if (is(c, "td") || is(c, "th")) {
                cells++;
                blocks = blocks || has_blocks(c, 0);
            }
        }
        one = cells <= 1;
    }
    free(rows);
    return one && blocks;
}

/* A span attribute (rowspan/colspan) of n: 1..MAX_SPAN, 1 when absent
 * or unreadable. */
static int span_of(const xmlNode *n, const char *attr)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    if (!v) {
        return 1;
    }
    long x = 0;
    const xmlChar *p = v;
    while (*p == ' ') {
        p++;
    }
    for (; *p >= '0' && *p <= '9'; p++) {
        x = x * 10 + (*p - '0');
        if (x > MAX_SPAN) {
            x = MAX_SPAN;
            break;
        }
    }
    xmlFree(v);
    return x < 1 ? 1 : (int)x;
}

/* The rows of table n (its own tr and those of thead/tbody/tfoot) into
 * rows[], at most max; returns how many. */
static size_t table_rows(const xmlNode *n, const xmlNode **rows, size_t max)
{
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "tr")) {
            if (k < max) {
                rows[k] = c;
            }
            k++;
        } else if (is(c, "thead") || is(c, "tbody") || is(c, "tfoot")) {
            for (const xmlNode *r = c->children; r; r = r->next) {
                if (is(r, "tr")) {
                    if (k < max) {
                        rows[k] = r;
                    }
                    k++;
                }
            }
        }
    }
    return k;
}

/* new[x] for x in 0..n: how many of the flags start[0..x) are set
 * (malloc'd; the caller frees). */
static int *ranks(const unsigned char *start, long n)
{
    int *r = malloc((size_t)(n + 1) * sizeof *r);
    if (!r) {
        jx_oom();
    }
    int k = 0;
    for (long x = 0; x <= n; x++) {
        r[x] = k;
        k += x < n && start[x];
    }
    return r;
}

/*
 * Merge away the columns of table t in which no cell starts, and the
 * rows in which none starts, when its grid passes COLLAPSE_MIN
 * positions.  Such a column or row holds no text: every position of it
 * continues a span begun before it, and spans of up to MAX_SPAN let a
 * few bytes of HTML (colspan="1000" on every row) ask for a grid of
 * millions of positions that the recognisers would then walk one by
 * one.  The cells keep their order, text and provenance (the HTML's row
 * and column, kept whole in t->provs, in d's arena); a span shrinks by
 * the columns or rows merged inside it.
 * A table of at most COLLAPSE_MIN positions is left as written.
 */
static void collapse_spans(struct jx_doc *d, struct jx_doc_table *t)
{
    long rows = 0, cols = 0;
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        long r = (long)c->row + c->rowspan, k = (long)c->col + c->colspan;
        rows = r > rows ? r : rows;
        cols = k > cols ? k : cols;
    }
    if (rows * cols <= COLLAPSE_MIN) {
        return;
    }
    unsigned char *rs = calloc((size_t)rows + 1, 1);
    unsigned char *cs = calloc((size_t)cols + 1, 1);
    if (!rs || !cs) {
        jx_oom();
    }
    for (size_t i = 0; i < t->ncells; i++) {
        rs[t->cells[i].row] = 1;
        cs[t->cells[i].col] = 1;
    }
    int *nr = ranks(rs, rows), *nc = ranks(cs, cols);
    /* the provenance keeps the HTML's row and column: a whole one per
       cell (t->provs, which jx_doc_cell_prov prefers), made while the
       cells still stand where the HTML put them */
    if (!t->provs) {
        struct jx_prov *pv = jx_alloc(d->arena, t->ncells * sizeof *pv);
        for (size_t i = 0; i < t->ncells; i++) {
            char a1[16];
            pv[i] = jx_doc_cell_prov_tmp(d, t, &t->cells[i], a1);
        }
        t->provs = pv;
        t->capprovs = t->ncells;
    }
    for (size_t i = 0; i < t->ncells; i++) {
        struct jx_doc_cell *c = &t->cells[i];
        int r = nr[c->row], k = nc[c->col];
        c->rowspan = nr[c->row + c->rowspan] - r;
        c->colspan = nc[c->col + c->colspan] - k;
        c->row = r;
        c->col = k;
    }
    free(nr);
    free(nc);
    free(rs);
    free(cs);
}

/* Read a leaf table (no tables inside) into the document. */
static void read_table(struct hctx *h, const xmlNode *n, int depth)
{
    size_t nrows = table_rows(n, NULL, 0);
    if (nrows == 0) {
        return;
    }
    const xmlNode **rows = malloc(nrows * sizeof *rows);
    /* busy[k]: the row before which column k is taken by a cell
       spanning down from an earlier row (0: free) */
    size_t *busy = calloc(MAX_COLS, sizeof *busy);
    if (!rows || !busy) {
        jx_oom();
    }
    table_rows(n, rows, nrows);
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is(c, "caption")) {
            struct jx_buf b;
            jx_buf_init(&b, 1u << 20);
            cell_text(h, c, &b, depth + 1);
            jx_buf_add(&h->para, b.p, b.len);
            h->para_line = (int)xmlGetLineNo(c);
            jx_buf_release(&b);
            flush(h);
        }
    }
    struct jx_doc_table *t = jx_doc_add_table(h->doc, NULL);
    t->where = JX_DOC_AT_GRID;
    struct jx_buf b, tb;
    jx_buf_init(&b, 1u << 20);
    jx_buf_init(&tb, 1u << 20);
    for (size_t r = 0; r < nrows && !h->failed; r++) {
        int col = 0;
        for (const xmlNode *c = rows[r]->children; c && !h->failed;
             c = c->next) {
            if (!is(c, "td") && !is(c, "th")) {
                continue;
            }
            while (col < MAX_COLS && busy[col] > r) {
                col++;
            }
            if (col >= MAX_COLS) {
                break;
            }
            int cs = span_of(c, "colspan");
            int rs = span_of(c, "rowspan");
            if (col + cs > MAX_COLS) {
                cs = MAX_COLS - col;
            }
            if ((size_t)rs > nrows - r) {
                rs = (int)(nrows - r);
            }
            jx_buf_reset(&b);
            cell_text(h, c, &b, depth + 2);
            tidy(b.p, b.len, &tb);
            if (++h->cells > h->lim->max_cells) {
                jx_import_error(h->diags, h->doc->file, "I522",
                                "HTML 表格单元格过多：超过上限 %zu 个",
                                h->lim->max_cells);
                h->failed = true;
                break;
            }
            jx_doc_table_add_cell(h->doc, t, (int)r, col, rs, cs, tb.p,
                                  tb.len, (int)xmlGetLineNo(c), 0);
            for (int k = col; k < col + cs; k++) {
                busy[k] = r + (size_t)rs;
            }
            col += cs;
        }
    }
    jx_buf_release(&b);
    jx_buf_release(&tb);
    free(rows);
    free(busy);
    collapse_spans(h->doc, t);
    if (jx_doc_table_end(h->doc, t) != 0 && !h->failed) {
        jx_import_error(h->diags, h->doc->file, "I522",
                        "HTML 表格过大：超过 %ld 个网格位置",
                        (long)JX_DOC_MAX_GRID);
        h->failed = true;
    }
}

/* Walk the children of n, adding paragraphs and tables. */
static void walk(struct hctx *h, const xmlNode *n, int depth)
{
    if (too_deep(h, depth)) {
        return;
    }
    for (const xmlNode *c = n->children; c && !h->failed; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content) {
                if (h->para.len == 0) {
                    h->para_line = (int)xmlGetLineNo(c);
                }
                add_text(&h->para, (const char *)c->content, h->pre > 0);
            }
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || dropped(c)) {
            continue;
        }
        if (is(c, "table")) {
            flush(h);
            if (has_inner_table(c, 0) || one_column_layout(c)) {
                walk(h, c, depth + 1);
            } else {
                read_table(h, c, depth);
            }
            flush(h);
            continue;
        }
        if (!block(c)) {
            walk(h, c, depth + 1);
            continue;
        }
        flush(h);
        int hl = heading_of(c);
        int saved = h->heading;
        if (hl) {
            h->heading = hl;
        }
        bool pre = is(c, "pre");
        h->pre += pre;
        walk(h, c, depth + 1);
        h->pre -= pre;
        flush(h);
        h->heading = saved;
    }
}

/* Case-insensitive search for needle in s[0..n). */
static const char *find_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m) {
            char a = s[i + k], b = needle[k];
            if (a >= 'A' && a <= 'Z') {
                a = (char)(a - 'A' + 'a');
            }
            if (a != b) {
                break;
            }
            k++;
        }
        if (k == m) {
            return s + i;
        }
    }
    return NULL;
}

/* True when s[0..n) is valid UTF-8. */
static bool valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            return false;
        }
        i += (size_t)k;
    }
    return true;
}

/* The encoding to parse data with: "UTF-8" or "GB18030" (or another
 * name from the meta tag, in the arena). */
static const char *encoding_of(struct jx_arena *a, const char *data,
                               size_t len)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        return "UTF-8";
    }
    size_t head = len < 8192 ? len : 8192;
    const char *p = find_ci(data, head, "charset");
    if (p) {
        p += 7;
        const char *e = data + head;
        while (p < e && (*p == ' ' || *p == '=' || *p == '"' || *p == '\'')) {
            p++;
        }
        const char *q = p;
        while (q < e && q - p < 40 &&
               ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
                (*q >= '0' && *q <= '9') || *q == '-' || *q == '_')) {
            q++;
        }
        size_t n = (size_t)(q - p);
        if (n > 0) {
            if (find_ci(p, n, "gb") == p || find_ci(p, n, "x-gbk") == p ||
                find_ci(p, n, "cp936") == p) {
                return "GB18030";
            }
            if (find_ci(p, n, "utf-8") == p || find_ci(p, n, "utf8") == p) {
                return "UTF-8";
            }
            return jx_strndup(a, p, n);
        }
    }
    return valid_utf8(data, len) ? "UTF-8" : "GB18030";
}

/* Ignore libxml2's messages: the library never prints. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

/* HTML to document; see import_formats.h. */
struct jx_doc *jx_import_html(struct jx_arena *arena, const char *file,
                              const char *data, size_t len,
                              const struct jx_limits *lim,
                              struct jx_diags *diags)
{
    size_t tags = 0;
    for (const char *p = data, *e = data + len;
         (p = memchr(p, '<', (size_t)(e - p))) != NULL; p++) {
        if (++tags > lim->max_html_nodes) {
            jx_import_error(diags, file, "I522",
                            "HTML 元素过多：超过上限 %zu 个，拒绝读取",
                            lim->max_html_nodes);
            return NULL;
        }
    }
    if (len > (size_t)0x7fffffff) {
        jx_import_error(diags, file, "I521", "HTML 文件过大，无法解析");
        return NULL;
    }
    const char *enc = encoding_of(arena, data, len);
    xmlSetGenericErrorFunc(NULL, quiet);
    htmlDocPtr hd = htmlReadMemory(data, (int)len, NULL, enc,
                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                       HTML_PARSE_NOWARNING |
                                       HTML_PARSE_NOBLANKS);
    if (!hd && strcmp(enc, "UTF-8") != 0) {
        hd = htmlReadMemory(data, (int)len, NULL, "UTF-8",
                            HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                                HTML_PARSE_NOWARNING);
    }
    if (!hd) {
        jx_import_error(diags, file, "I521",
                        "无法解析 HTML 文件（编码 %s）", enc);
        return NULL;
    }
    struct hctx h;
    memset(&h, 0, sizeof h);
    h.doc = jx_doc_new(arena, file, JX_SRC_HTML);
    h.lim = lim;
    h.diags = diags;
    jx_buf_init(&h.para, 4u << 20);
    walk(&h, (const xmlNode *)hd, 0);
    flush(&h);
    jx_buf_release(&h.para);
    xmlFreeDoc(hd);
    return h.failed ? NULL : h.doc;
}
