/*
 * report_html.c - the HTML writer of report documents (report.h): one
 * self-contained HTML5 file with inline CSS and inline SVG charts, no
 * scripts and no external resources.
 *
 * Screen: a single column readable on a phone (rem font sizes, tables
 * scroll sideways inside their wrapper, charts as horizontal bars that
 * scale with the width).  A derivation (a DETAILS block, a cell's note)
 * is a collapsed <details>; a cell's note is also its title attribute,
 * and its number (a superscript) opens it on tap.  Paper (@media print):
 * A4 with the running header and footer and "第 N 页 共 M 页" in the
 * page margins, page breaks, header rows repeated on every page (a
 * form with an inner header row is two tables, the second's <thead>
 * that row), the last row and the line below kept with the rows before,
 * every derivation printed (DETAILS blocks in full, cell notes as a
 * numbered list under their table) because closed <details> do not
 * print.  Column widths (<colgroup>) from jx_rtable_widths; number
 * cells never wrap.
 *
 * Every text is escaped (& < > " '), invalid UTF-8 and control
 * characters become U+FFFD (R202), and the output stops at
 * JX_REPORT_MAX_BYTES or the buffer's cap (R201).  Chart geometry is
 * integer arithmetic on exact rationals; values are printed exactly.
 */
#include "jixiao/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most grid positions of one table (as the neutral document's). */
#define GRID_MAX 4000000L

/* The writer's state. */
struct hw {
    struct jx_buf *b;
    struct jx_diags *diags;
    size_t bad;   /* invalid bytes and control characters replaced */
    int ntable;   /* tables begun so far: the current one's number */
    int nchart;   /* charts begun so far: the current one's number */
    bool failed;  /* an error was reported: give up */
};

/* Append a NUL-terminated string (the buffer remembers a refusal). */
static void put(struct hw *w, const char *s)
{
    jx_buf_adds(w->b, s);
}

/* Append formatted text. */
static void putf(struct hw *w, const char *fmt, ...) JX_PRINTF(2, 3);

/* Append printf-formatted text. */
static void putf(struct hw *w, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jx_buf_vaddf(w->b, fmt, ap);
    va_end(ap);
}

/* The replacement character U+FFFD in UTF-8. */
static const char fffd[] = "\xEF\xBF\xBD";

/* Where escaped text goes: what a newline becomes there. */
enum where {
    IN_TEXT, /* HTML text: <br> */
    IN_ATTR, /* a quoted attribute value: &#10; */
    IN_FLAT  /* <title> and SVG text, where <br> would be wrong (it even
                ends the <svg> in the HTML parser): a space */
};

/* Append s escaped for HTML: & < > " ' as character references,
 * invalid UTF-8 and control characters (C0 except tab and newline, DEL,
 * C1) as U+FFFD, a newline (LF, CR LF or CR) as `where` asks.  NULL is
 * empty. */
static void esc(struct hw *w, const char *s, enum where where)
{
    if (!s) {
        return;
    }
    size_t n = strlen(s);
    size_t i = 0, start = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t adv = 1;
        if (c == '&') {
            rep = "&amp;";
        } else if (c == '<') {
            rep = "&lt;";
        } else if (c == '>') {
            rep = "&gt;";
        } else if (c == '"') {
            rep = "&quot;";
        } else if (c == '\'') {
            rep = "&#39;";
        } else if (c == '\n' || c == '\r') {
            rep = where == IN_TEXT ? "<br>" : where == IN_ATTR ? "&#10;" : " ";
            if (c == '\r' && i + 1 < n && s[i + 1] == '\n') {
                adv = 2;
            }
        } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
            rep = fffd;
            w->bad++;
        } else if (c >= 0x80) {
            int32_t cp;
            int k = jx_utf8_decode(s + i, n - i, &cp);
            if (k < 0 || (cp >= 0x80 && cp <= 0x9f)) {
                rep = fffd;
                w->bad++;
                adv = k < 0 ? 1 : (size_t)k;
            } else {
                adv = (size_t)k;
            }
        }
        if (rep) {
            jx_buf_add(w->b, s + start, i - start);
            put(w, rep);
            i += adv;
            start = i;
        } else {
            i += adv;
        }
    }
    jx_buf_add(w->b, s + start, n - start);
}

/* Append s as the inside of a CSS string ("..."): quotes, backslashes,
 * angle brackets, ampersands, newlines and other controls as hex
 * escapes (so "</style>" cannot end the style sheet), invalid UTF-8 as
 * U+FFFD. */
static void esc_css(struct hw *w, const char *s)
{
    if (!s) {
        return;
    }
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' ||
                c < 0x20 || c == 0x7f) {
                if (c == '\n' || c == '\r' || c == '\t') {
                    put(w, "\\20 ");
                } else if (c < 0x20 || c == 0x7f) {
                    put(w, "\\fffd ");
                    w->bad++;
                } else {
                    putf(w, "\\%x ", (unsigned)c);
                }
            } else {
                jx_buf_addc(w->b, (char)c);
            }
            i++;
            continue;
        }
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0 || (cp >= 0x80 && cp <= 0x9f)) {
            put(w, "\\fffd ");
            w->bad++;
            i += k < 0 ? 1 : (size_t)k;
        } else {
            jx_buf_add(w->b, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
}

/* Report a diagnostic (nothing when the caller gave no list). */
static void diag(struct hw *w, const char *code, enum jx_severity sev,
                 const struct jx_loc *loc, const char *fmt, ...)
    JX_PRINTF(5, 6);

/* Report a diagnostic: format the message, add it to w's list. */
static void diag(struct hw *w, const char *code, enum jx_severity sev,
                 const struct jx_loc *loc, const char *fmt, ...)
{
    if (sev == JX_SEV_ERROR) {
        w->failed = true;
    }
    if (!w->diags) {
        return;
    }
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    jx_diag_add(w->diags, code, sev, loc, "%s", msg);
}

/* ---- style sheet ----------------------------------------------------- */

/* The fixed part of the style sheet, a rule a line: screen first, then
 * print (lines, because C limits the length of one string literal). */
static const char *const css[] = {
    ":root{color-scheme:light}\n",
    "*,*::before,*::after{box-sizing:border-box}\n",
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n",
    "body{margin:0;background:#fff;color:#1a1a1a;"
    "font-family:\"Noto Serif CJK SC\",\"Source Han Serif SC\",\"SimSun\","
    "\"Songti SC\",serif;font-size:1.0625rem;line-height:1.8}\n",
    ".sans,table,figure.chart,.run,summary,.tbl-above,.tbl-below,"
    ".tbl-legend,.tbl-notes{font-family:\"Noto Sans CJK SC\","
    "\"Source Han Sans SC\",\"Microsoft YaHei\",\"PingFang SC\",sans-serif}\n",
    ".doc{max-width:48rem;margin:0 auto;padding:1rem 1rem 2.5rem}\n",
    ".run{font-size:.75rem;color:#666;text-align:center;padding:.375rem 1rem;"
    "border-bottom:1px solid #ccc}\n",
    ".run-foot{border-bottom:0;border-top:1px solid #ccc}\n",
    ".cover{margin:1rem 0 1.5rem}\n",
    "h1.doc-title{font-size:1.5rem;line-height:1.5;text-align:center;"
    "margin:1rem 0 .5rem}\n",
    ".subtitle{text-align:center;margin:0;font-size:1rem}\n",
    "h2{font-size:1.25rem;line-height:1.5;margin:1.5rem 0 .5rem}\n",
    "h3{font-size:1.125rem;line-height:1.5;margin:1.25rem 0 .5rem}\n",
    "h4{font-size:1.0625rem;line-height:1.5;margin:1rem 0 .5rem}\n",
    "p{margin:.5rem 0;overflow-wrap:anywhere}\n",
    "p.body{text-indent:2em}\n",
    "p.center{text-align:center}\n",
    "p.right{text-align:right}\n",
    "p.note{font-size:.875rem;color:#444}\n",
    "ul.list{list-style:none;margin:.5rem 0;padding:0}\n",
    "ul.list li{margin:.25rem 0;overflow-wrap:anywhere}\n",
    ".sev-error{border-left:.25rem solid #b00020;padding-left:.5rem}\n",
    ".sev-warning{border-left:.25rem dashed #b26a00;padding-left:.5rem}\n",
    ".sev-rounding{border-left:.25rem dotted #555;padding-left:.5rem}\n",
    ".sev-note{border-left:.125rem solid #999;padding-left:.5rem}\n",
    ".tbl{margin:1.25rem 0}\n",
    ".tbl-title{text-align:center;font-weight:bold;margin:.5rem 0}\n",
    ".tbl-above{display:flex;flex-wrap:wrap;justify-content:space-between;"
    "gap:0 1rem;font-size:.875rem;margin:.25rem 0}\n",
    ".tbl-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;"
    "max-width:100%}\n",
    "table{border-collapse:collapse;width:100%;font-size:.875rem;"
    "line-height:1.5}\n",
    "table.part2{margin-top:-1px}\n",
    "th,td{border:1px solid #555;padding:.25rem .375rem;"
    "vertical-align:middle}\n",
    "th{background:#eef1f5;font-weight:bold}\n",
    ".l{text-align:left}\n",
    ".c{text-align:center}\n",
    ".r{text-align:right}\n",
    ".num{font-variant-numeric:tabular-nums;white-space:nowrap}\n",
    "td.flag{background:#fde2e1;outline:2px solid #b00020;"
    "outline-offset:-2px}\n",
    ".flag-mark{color:#b00020;font-weight:bold;margin-right:.125rem}\n",
    "details.cn{position:relative}\n",
    "details.cn>summary{display:block;list-style:none;cursor:pointer}\n",
    "details.cn>summary::-webkit-details-marker{display:none}\n",
    ".nm{font-size:.7em;color:#1f4e79;margin-left:.125rem;"
    "text-decoration:underline dotted}\n",
    ".cn-body{position:absolute;z-index:2;top:100%;right:0;"
    "width:max-content;max-width:min(20rem,80vw);text-align:left;"
    "white-space:normal;font-weight:normal;font-size:.8125rem;color:#1a1a1a;"
    "background:#fffdf4;border:1px solid #8a99aa;border-radius:.25rem;"
    "padding:.375rem .5rem;box-shadow:0 .125rem .5rem rgba(0,0,0,.2)}\n",
    ".l>details.cn>.cn-body{left:0;right:auto}\n",
    ".tbl-below,.tbl-legend{font-size:.875rem;margin:.25rem 0}\n",
    ".tbl-notes{font-size:.75rem}\n",
    ".tbl-notes ol{margin:.25rem 0;padding-left:2.5em}\n",
    ".print-only{display:none}\n",
    "details.dx{margin:.75rem 0;border:1px solid #c8ced6;"
    "border-radius:.25rem;padding:.25rem .75rem}\n",
    "details.dx>summary{cursor:pointer;font-weight:bold;font-size:.9375rem}\n",
    ".dx-body p{margin:.25rem 0;font-size:.9375rem}\n",
    ".dx-sum{font-weight:bold}\n",
    "figure.chart{margin:1.25rem 0}\n",
    "figure.chart figcaption{text-align:center;font-weight:bold;"
    "font-size:.9375rem;margin-bottom:.25rem}\n",
    "figure.chart svg{display:block;width:100%;max-width:30rem;height:auto;"
    "margin:0 auto}\n",
    "svg .s0{fill:#8fb3d9;stroke:#2b5c8a;stroke-width:.5}\n",
    "svg .s1{fill:#1f4e79}\n",
    "svg .trk{fill:#f1f3f6;stroke:#8a99aa;stroke-width:.5}\n",
    "svg .grid{stroke:#d0d5dc;stroke-width:.5}\n",
    "svg .axis{stroke:#555;stroke-width:.75}\n",
    "svg text{fill:#1a1a1a}\n",
    "svg .tick{fill:#555}\n",
    "hr.pb{border:0;border-top:1px dashed #bbb;margin:2rem 0}\n",
    "@media (max-width:30rem){body{font-size:1rem}"
    "h1.doc-title{font-size:1.3rem}h2{font-size:1.15rem}"
    "h3{font-size:1.05rem}}\n",
    "@media print{\n",
    "body{font-size:12pt;line-height:1.6;color:#000;background:none}\n",
    ".doc{max-width:none;padding:0}\n",
    ".run,.screen-only{display:none}\n",
    ".print-only{display:block}\n",
    "hr.pb{border:0;margin:0;break-before:page;page-break-before:always}\n",
    "h2,h3,h4,.tbl-title,.tbl-above,figcaption{break-after:avoid;"
    "page-break-after:avoid}\n",
    ".tbl-wrap{overflow:visible}\n",
    "table{min-width:0 !important;font-size:9pt}\n",
    "thead{display:table-header-group}\n",
    "tr{break-inside:avoid;page-break-inside:avoid}\n",
    "thead tr,tbody tr:nth-last-child(2){break-after:avoid;"
    "page-break-after:avoid}\n",
    "tbody tr:last-child,.tbl-below,table.part2{break-before:avoid;"
    "page-break-before:avoid}\n",
    "th{background:none}\n",
    "td.flag{background:none;outline:1.5pt solid #000}\n",
    ".flag-mark,.nm{color:#000}\n",
    ".cn-body{display:none}\n",
    "details.dx{display:none}\n",
    ".dx-print{margin:.5rem 0;padding:.25rem .5rem;"
    "border-left:1pt solid #000}\n",
    ".tbl-notes{font-size:8pt}\n",
    ".tbl-notes ol{columns:2;column-gap:1.5em}\n",
    "figure.chart{break-inside:avoid;page-break-inside:avoid}\n",
    "figure.chart svg{max-width:11cm;-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}\n",
    "}\n",
    NULL,
};

/* Append the page rule: A4, margins, the running header and the footer
 * with the page number in the margin boxes. */
static void page_rule(struct hw *w, const struct jx_report_doc *d)
{
    put(w, "@page{size:A4;margin:25mm 20mm 22mm 25mm;\n");
    if (d->header && d->header[0]) {
        put(w, "@top-center{content:\"");
        esc_css(w, d->header);
        put(w, "\";font-size:9pt;color:#444;"
               "font-family:\"Noto Sans CJK SC\",sans-serif}\n");
    }
    put(w, "@bottom-center{content:\"");
    if (d->footer && d->footer[0]) {
        esc_css(w, d->footer);
        put(w, "\\3000 ");
    }
    put(w, "第 \" counter(page) \" 页 共 \" counter(pages) \" 页\";"
           "font-size:9pt;color:#444;"
           "font-family:\"Noto Sans CJK SC\",sans-serif}\n}\n");
}

/* ---- numbers --------------------------------------------------------- */

/* The fewest decimals (0..6) that show v exactly; 6 when none does. */
static int decimals(struct jx_rat v)
{
    for (int s = 0; s < 6; s++) {
        struct jx_rat r;
        if (jx_rat_round(v, s, JX_ROUND_DOWN, &r) == JX_NUM_OK &&
            jx_rat_cmp(r, v) == 0) {
            return s;
        }
    }
    return 6;
}

/* round(v / top * len), clamped to [0, len]; len is small (tenths of a
 * viewBox unit).  Exact rational arithmetic; a value too large to
 * compute counts as the whole length. */
static int64_t scaled(struct jx_rat v, struct jx_rat top, int64_t len)
{
    if (jx_rat_sign(v) <= 0 || jx_rat_sign(top) <= 0) {
        return 0;
    }
    if (jx_rat_cmp(v, top) >= 0) {
        return len;
    }
    struct jx_rat q, x, r;
    if (jx_rat_div(v, top, &q) != JX_NUM_OK ||
        jx_rat_mul(q, jx_rat_int(len), &x) != JX_NUM_OK ||
        jx_rat_round(x, 0, JX_ROUND_HALF_UP, &r) != JX_NUM_OK) {
        return len;
    }
    return r.num < 0 ? 0 : r.num > len ? len : r.num;
}

/* Append t tenths of a unit as decimal text ("183.3", "4"). */
static void put_tenths(struct hw *w, int64_t t)
{
    if (t % 10 == 0) {
        putf(w, "%lld", (long long)(t / 10));
    } else {
        putf(w, "%lld.%lld", (long long)(t / 10), (long long)(t % 10));
    }
}

/* ---- blocks ---------------------------------------------------------- */

/* Append a heading: level 1..3 as h2..h4 (h1 is the document title). */
static void heading(struct hw *w, const struct jx_rblock *b)
{
    int h = b->level < 1 ? 2 : b->level > 3 ? 4 : b->level + 1;
    putf(w, "<h%d>", h);
    esc(w, b->text, IN_TEXT);
    putf(w, "</h%d>\n", h);
}

/* The class of a finding's paragraph: its gravest severity, or NULL. */
static const char *sev_class(const struct jx_rblock *b)
{
    static const char *const names[4] = {"sev-note", "sev-rounding",
                                         "sev-warning", "sev-error"};
    for (int s = 3; s >= 0; s--) {
        if (b->finding_sev[s]) {
            return names[s];
        }
    }
    return NULL;
}

/* Append a paragraph (a list item when the style is LIST; the caller
 * opens and closes the list around a run of them). */
static void para(struct hw *w, const struct jx_rblock *b)
{
    static const char *const cls[] = {"body", "center", "right", "note",
                                      "list"};
    const char *c = (unsigned)b->style < 5 ? cls[b->style] : "body";
    const char *sev = sev_class(b);
    bool li = b->style == JX_RS_LIST;
    put(w, li ? "<li" : "<p");
    if (li) {
        if (sev) {
            putf(w, " class=\"%s\"", sev);
        }
    } else {
        putf(w, " class=\"%s%s%s\"", c, sev ? " " : "", sev ? sev : "");
    }
    put(w, ">");
    esc(w, b->text, IN_TEXT);
    put(w, li ? "</li>\n" : "</p>\n");
}

/* Append a DETAILS block: collapsed on screen, in full on paper. */
static void details(struct hw *w, const struct jx_rdetails *x)
{
    for (int pass = 0; pass < 2; pass++) {
        put(w, pass == 0 ? "<details class=\"dx\"><summary>"
                         : "<div class=\"dx-print print-only\">"
                           "<p class=\"dx-sum sans\">");
        esc(w, x->summary, IN_TEXT);
        put(w, pass == 0 ? "</summary>\n<div class=\"dx-body\">\n"
                         : "</p>\n<div class=\"dx-body\">\n");
        for (size_t i = 0; i < x->nlines; i++) {
            put(w, "<p>");
            esc(w, x->lines ? x->lines[i] : "", IN_TEXT);
            put(w, "</p>\n");
        }
        put(w, pass == 0 ? "</div>\n</details>\n" : "</div>\n</div>\n");
    }
}

/* ---- tables ---------------------------------------------------------- */

/* A cell's place in the sorted order of top-left positions. */
struct cref {
    int row, col;
    size_t idx;
};

/* Order cells by row, column, then their order in the table. */
static int cref_cmp(const void *pa, const void *pb)
{
    const struct cref *a = pa, *b = pb;
    if (a->row != b->row) {
        return a->row < b->row ? -1 : 1;
    }
    if (a->col != b->col) {
        return a->col < b->col ? -1 : 1;
    }
    return a->idx < b->idx ? -1 : a->idx > b->idx ? 1 : 0;
}

/* The class names of alignment. */
static const char *align_class(enum jx_ralign a)
{
    return a == JX_RA_CENTER ? "c" : a == JX_RA_RIGHT ? "r" : "l";
}

/* True when url is a relative URL: no scheme (javascript:, http:, …),
 * not protocol-relative ("//host"), no leading space, controls or
 * backslashes (a browser strips the first two and reads a backslash as
 * a slash). */
static bool relative_url(const char *url)
{
    if (url[0] == ' ' || (url[0] == '/' && url[1] == '/')) {
        return false;
    }
    for (const char *p = url; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f || c == '\\') {
            return false;
        }
    }
    size_t k = strcspn(url, ":/?#");
    return url[k] != ':';
}

/* Append one cell at loc (spans already clipped to the grid); *note is
 * the number of notes so far in this table, incremented when the cell
 * has one.  A link that is not relative is left out (R205). */
static void cell(struct hw *w, const struct jx_rcell *c, int rs, int cs,
                 bool in_head, const struct jx_loc *loc, int *note)
{
    bool th = in_head || c->header;
    bool num = c->fmt != JX_RF_TEXT;
    enum jx_ralign al = c->align;
    if (num && !th && al == JX_RA_LEFT) {
        al = JX_RA_RIGHT;
    }
    put(w, th ? "<th" : "<td");
    if (cs > 1) {
        putf(w, " colspan=\"%d\"", cs);
    }
    if (rs > 1) {
        putf(w, " rowspan=\"%d\"", rs);
    }
    if (th) {
        put(w, !in_head ? " scope=\"row\""
               : cs > 1 ? " scope=\"colgroup\"" : " scope=\"col\"");
    }
    putf(w, " class=\"%s%s%s\"", align_class(al), num ? " num" : "",
         c->flagged ? " flag" : "");
    bool has_note = c->note && c->note[0];
    if (has_note) {
        put(w, " title=\"");
        esc(w, c->note, IN_ATTR);
        put(w, "\"");
    }
    put(w, ">");
    if (has_note) {
        put(w, "<details class=\"cn\"><summary>");
    }
    if (c->flagged) {
        put(w, "<span class=\"flag-mark\" title=\"与按规则重新计算的结果不一致\">"
               "▲</span>");
    }
    bool link = c->link && c->link[0] && relative_url(c->link);
    if (c->link && c->link[0] && !link) {
        diag(w, "R205", JX_SEV_WARNING, loc,
             "表格 %d 第 %d 行第 %d 列的链接“%s”不是相对地址，只写出文字",
             loc->table, loc->row, loc->column, c->link);
    }
    if (link) {
        put(w, "<a href=\"");
        esc(w, c->link, IN_ATTR);
        put(w, "\">");
    }
    esc(w, c->text, IN_TEXT);
    if (link) {
        put(w, "</a>");
    }
    if (has_note) {
        ++*note;
        putf(w, "<sup class=\"nm\">%d</sup></summary><span class=\"cn-body\">",
             *note);
        esc(w, c->note, IN_TEXT);
        put(w, "</span></details>");
    }
    put(w, th ? "</th>" : "</td>");
}

/* Clip the span of the cell at (r, c) so that it covers only free grid
 * positions of its own section (rows r .. end-1); mark them covered.
 * Returns true when the span had to be clipped. */
static bool claim(unsigned char *cov, int nc, int r, int c, int end,
                  int *rs, int *cs)
{
    bool clipped = false;
    int want_c = *cs, want_r = *rs;
    int k = 0;
    while (k < want_c && c + k < nc && !cov[(size_t)r * (size_t)nc +
                                            (size_t)(c + k)]) {
        k++;
    }
    if (k < 1) {
        k = 1;
    }
    clipped = k != want_c;
    int h = want_r > end - r ? end - r : want_r;
    if (h < 1) {
        h = 1;
    }
    for (int rr = r + 1; rr < r + h; rr++) {
        for (int j = 0; j < k; j++) {
            if (cov[(size_t)rr * (size_t)nc + (size_t)(c + j)]) {
                h = rr - r;
                break;
            }
        }
    }
    clipped = clipped || h != want_r;
    for (int rr = r; rr < r + h; rr++) {
        memset(cov + (size_t)rr * (size_t)nc + (size_t)c, 1, (size_t)k);
    }
    *rs = h;
    *cs = k;
    return clipped;
}

/* The width of s[0..n) in table text, in 1/10000 of the font size
 * (an estimate on the safe side: digits 0.6, '.' and ',' 0.3, '%' 0.9,
 * other ASCII 0.7, everything else 1; bold ten per cent more). */
static long em_width(void *ctx, const char *s, size_t n, bool bold)
{
    (void)ctx;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80) {
            v += (ch & 0xC0) != 0x80 ? 100 : 0; /* a code point's lead */
        } else {
            v += ch >= '0' && ch <= '9' ? 60
                 : ch == '.' || ch == ',' || ch == ' ' ? 30
                 : ch == '%' ? 90 : 70;
        }
    }
    v *= 100;
    return bold ? v + v / 10 : v;
}

/* Append <colgroup> with the widths as percentages (nothing when the
 * table has none: equal columns): the relative widths, a column widened
 * so that its numbers and short words fit on one line of a table 46em
 * wide (jx_rtable_widths); narrower screens keep them whole anyway
 * (numbers do not wrap: .num), the table growing past its wrapper. */
static void colgroup(struct hw *w, const struct jx_rtable *t, int nc)
{
    if (!t->widths || nc < 1) {
        return;
    }
    long *cw = jx_xmalloc((size_t)nc * sizeof *cw);
    /* 46em, padding and borders 1em, in 1/10000 em */
    const long total = 460000, pad = 10000;
    jx_rtable_widths(t, nc, total, pad, em_width, NULL, cw);
    put(w, "<colgroup>");
    for (int c = 0; c < nc; c++) {
        long bp = (cw[c] * 20000 + total) / (2 * total); /* 0.01 % */
        putf(w, "<col style=\"width:%ld.%02ld%%\">", bp / 100, bp % 100);
    }
    put(w, "</colgroup>\n");
    free(cw);
}

/* Append the notes of the table's cells as a numbered list for paper
 * (in the order of their numbers). */
static void table_notes(struct hw *w, const struct jx_rtable *t,
                        const struct cref *order, size_t n)
{
    put(w, "<div class=\"tbl-notes print-only\"><p>注（计算过程）：</p><ol>\n");
    for (size_t i = 0; i < n; i++) {
        if (order[i].idx == (size_t)-1) {
            continue;
        }
        const struct jx_rcell *c = &t->cells[order[i].idx];
        if (c->note && c->note[0]) {
            put(w, "<li>");
            esc(w, c->note, IN_TEXT);
            put(w, "</li>\n");
        }
    }
    put(w, "</ol></div>\n");
}

/* Report a cell left out because its place is taken (R203). */
static void dropped(struct hw *w, int no, struct cref *o)
{
    struct jx_loc loc = {.table = no, .row = o->row + 1,
                         .column = o->col + 1};
    diag(w, "R203", JX_SEV_WARNING, &loc,
         "表格 %d 第 %d 行第 %d 列的单元格与其他单元格重叠，已略去", no,
         o->row + 1, o->col + 1);
    o->idx = (size_t)-1;
}

/* The grid of a table being written: its size, the positions covered
 * so far, its header rows. */
struct grid {
    int no;              /* the table's number in the document */
    int nr, nc, hr;      /* rows, columns, header rows */
    unsigned char *cov;  /* nr × nc: covered by a cell written */
    int notes;           /* notes numbered so far */
    bool flagged;        /* a flagged cell was written */
};

/* Append rows [r0, r1) of t in <thead> (rows r0 .. r0+hr-1) and
 * <tbody>, the cells in the order (row, column) of their top-left
 * (order, n entries, from *k on); every position no cell covers gets an
 * empty cell so that each row is complete.  Cells left out are marked
 * in order with idx (size_t)-1. */
static void table_rows(struct hw *w, const struct jx_rtable *t,
                       struct grid *g, struct cref *order, size_t n,
                       int r0, int r1, int hr, size_t *kp)
{
    size_t k = *kp;
    for (int r = r0; r < r1; r++) {
        if (r == r0 && hr > 0) {
            put(w, "<thead>\n");
        }
        if (r == r0 + hr) {
            put(w, hr > 0 ? "</thead>\n<tbody>\n" : "<tbody>\n");
        }
        bool in_head = r < r0 + hr;
        int end = in_head ? r0 + hr : r1;
        put(w, "<tr>");
        for (int c = 0; c < g->nc; c++) {
            unsigned char *at = &g->cov[(size_t)r * (size_t)g->nc + (size_t)c];
            if (*at) {
                continue;
            }
            while (k < n && (order[k].row < r ||
                             (order[k].row == r && order[k].col < c))) {
                dropped(w, g->no, &order[k++]);
            }
            if (k == n || order[k].row != r || order[k].col != c) {
                *at = 1;
                put(w, in_head ? "<th></th>" : "<td></td>");
                continue;
            }
            const struct jx_rcell *x = &t->cells[order[k++].idx];
            int rs = x->rowspan, cs = x->colspan;
            struct jx_loc loc = {.table = g->no, .row = r + 1,
                                 .column = c + 1};
            if (claim(g->cov, g->nc, r, c, end, &rs, &cs)) {
                diag(w, "R203", JX_SEV_WARNING, &loc,
                     "表格 %d 第 %d 行第 %d 列的单元格跨 %d 行 %d 列，与其他单元格"
                     "重叠或越过表头，改为跨 %d 行 %d 列",
                     g->no, r + 1, c + 1, x->rowspan, x->colspan, rs, cs);
            }
            g->flagged = g->flagged || x->flagged;
            cell(w, x, rs, cs, in_head, &loc, &g->notes);
        }
        put(w, "</tr>\n");
    }
    while (r1 == g->nr && k < n) {
        dropped(w, g->no, &order[k++]);
    }
    *kp = k;
    put(w, r1 > r0 + hr ? "</tbody>\n" : "</thead>\n");
}

/* Append a table with its title and the lines around it, in a wrapper
 * that scrolls sideways when the screen is narrower than the table.  A
 * cell whose place is taken is left out and a span that runs into
 * another cell or out of its section (header or body) is shortened
 * (R203); a grid over GRID_MAX positions is an error (R204). */
static void table(struct hw *w, const struct jx_rtable *t)
{
    struct grid g = {.no = ++w->ntable};
    int64_t nr = t->nrows > 0 ? t->nrows : 0;
    int64_t nc = t->ncols > 0 ? t->ncols : 0;
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_rcell *c = &t->cells[i];
        int64_t r1 = (int64_t)(c->row > 0 ? c->row : 0) + 1;
        int64_t c1 = (int64_t)(c->col > 0 ? c->col : 0) + 1;
        nr = r1 > nr ? r1 : nr;
        nc = c1 > nc ? c1 : nc;
    }
    if (t->ncells && nr * nc > GRID_MAX) {
        struct jx_loc loc = {.table = g.no};
        diag(w, "R204", JX_SEV_ERROR, &loc,
             "表格 %d 过大：%lld 行 × %lld 列，超过 %ld 个格子的上限", g.no,
             (long long)nr, (long long)nc, GRID_MAX);
        return;
    }
    g.nr = (int)nr;
    g.nc = (int)nc;
    g.hr = t->header_rows < 0 ? 0
           : t->header_rows > g.nr ? g.nr : t->header_rows;
    put(w, "<div class=\"tbl\">\n");
    if (t->title && t->title[0]) {
        putf(w, "<p class=\"tbl-title\" id=\"jx-t%d\">", g.no);
        esc(w, t->title, IN_TEXT);
        put(w, "</p>\n");
    }
    if ((t->above_left && t->above_left[0]) ||
        (t->above_right && t->above_right[0])) {
        put(w, "<div class=\"tbl-above\"><span>");
        esc(w, t->above_left, IN_TEXT);
        put(w, "</span><span>");
        esc(w, t->above_right, IN_TEXT);
        put(w, "</span></div>\n");
    }
    struct cref *order = NULL;
    if (t->ncells) {
        order = jx_xmalloc(t->ncells * sizeof *order);
        for (size_t i = 0; i < t->ncells; i++) {
            order[i].row = t->cells[i].row > 0 ? t->cells[i].row : 0;
            order[i].col = t->cells[i].col > 0 ? t->cells[i].col : 0;
            order[i].idx = i;
        }
        qsort(order, t->ncells, sizeof *order, cref_cmp);
        g.cov = jx_xmalloc((size_t)g.nr * (size_t)g.nc);
        memset(g.cov, 0, (size_t)g.nr * (size_t)g.nc);
        /* a form with an inner header row (subhead_row) is two tables,
         * the second with that row as its <thead>, which print repeats
         * on every page the second part continues on */
        int split = t->subhead_row > g.hr && t->subhead_row < g.nr
                        ? t->subhead_row
                        : 0;
        size_t k = 0;
        put(w, "<div class=\"tbl-wrap\">\n");
        for (int part = 0; part < (split ? 2 : 1); part++) {
            put(w, part ? "<table class=\"part2\"" : "<table");
            if (t->title && t->title[0]) {
                putf(w, " aria-labelledby=\"jx-t%d\"", g.no);
            }
            /* at least 4rem a column: narrower screens scroll the
             * wrapper */
            putf(w, " style=\"min-width:%drem\">\n", 4 * g.nc);
            colgroup(w, t, g.nc);
            if (part == 0) {
                table_rows(w, t, &g, order, t->ncells, 0,
                           split ? split : g.nr, g.hr, &k);
            } else {
                table_rows(w, t, &g, order, t->ncells, split, g.nr, 1, &k);
            }
            put(w, "</table>\n");
        }
        put(w, "</div>\n");
        free(g.cov);
    }
    if (g.flagged) {
        put(w, "<p class=\"tbl-legend\"><span class=\"flag-mark\">▲</span>"
               "标记的数字与按规则重新计算的结果不一致。</p>\n");
    }
    if (g.notes) {
        put(w, "<p class=\"tbl-legend screen-only\">"
               "点按带上标编号的数字可查看其计算过程。</p>\n");
        table_notes(w, t, order, t->ncells);
    }
    if (t->below && t->below[0]) {
        put(w, "<p class=\"tbl-below\">");
        esc(w, t->below, IN_TEXT);
        put(w, "</p>\n");
    }
    put(w, "</div>\n");
    free(order);
}

/* ---- charts ---------------------------------------------------------- */

/* Chart geometry in viewBox units (the box is VW wide). */
enum {
    VW = 360,        /* viewBox width */
    PX0 = 4,         /* where bars start */
    PW = 250,        /* length of a full bar */
    FS = 13,         /* label font size */
    LH = 17,         /* label line height */
    VFS = 12,        /* value and tick font size */
    BAR_H = 13,      /* bar height */
    BAR_GAP = 3,     /* between the bars of a pair */
    GROUP_GAP = 10,  /* between labels */
    LEGEND_H = 24,   /* the legend row */
    AXIS_H = 40      /* ticks and the axis title under the bars */
};

/* Estimated advance of a code point at font size FS, in half units:
 * wide (CJK, full-width) characters are one em, others a little more
 * than half. */
static int advance2(int32_t cp)
{
    return cp >= 0x1100 ? 2 * FS : 15;
}

/* The end of the line of label s that starts at i: as many code points
 * as fit in the box's width (at least one), stopping at a newline (LF
 * or CR). */
static size_t wrap_end(const char *s, size_t n, size_t i)
{
    int width = 0;
    size_t j = i;
    while (j < n && s[j] != '\n' && s[j] != '\r') {
        int32_t cp = '?';
        int k = jx_utf8_decode(s + j, n - j, &cp);
        size_t adv = k > 0 ? (size_t)k : 1;
        width += advance2(cp);
        if (width > 2 * (VW - PX0) && j > i) {
            break;
        }
        j += adv;
    }
    return j;
}

/* Where the line after the one ending at e (at a newline, or not)
 * starts: past LF, CR or CR LF. */
static size_t next_line(const char *s, size_t e)
{
    if (s[e] == '\r' && s[e + 1] == '\n') {
        return e + 2;
    }
    return s[e] == '\n' || s[e] == '\r' ? e + 1 : e;
}

/* Number of lines label s takes. */
static int label_lines(const char *s)
{
    size_t n = strlen(s);
    int lines = 1;
    size_t i = 0;
    for (;;) {
        size_t e = wrap_end(s, n, i);
        if (e >= n) {
            return lines;
        }
        i = next_line(s, e);
        lines++;
    }
}

/* Estimated width of s at font size VFS, in viewBox units. */
static int text_width(const char *s)
{
    size_t n = strlen(s), i = 0;
    int64_t half = 0;
    while (i < n) {
        int32_t cp = '?';
        int k = jx_utf8_decode(s + i, n - i, &cp);
        i += k > 0 ? (size_t)k : 1;
        half += cp >= 0x1100 ? 2 * VFS : 14;
    }
    return (int)(half / 2 > VW ? VW : half / 2);
}

/* The label of index i (NULL gives ""). */
static const char *label_at(const struct jx_rchart *c, size_t i)
{
    return c->labels && c->labels[i] ? c->labels[i] : "";
}

/* Append the lines of label s with their first baseline at y; returns
 * the y after them. */
static int64_t put_label(struct hw *w, const char *s, int64_t y)
{
    size_t n = strlen(s), i = 0;
    for (;;) {
        size_t e = wrap_end(s, n, i);
        y += LH;
        putf(w, "<text x=\"%d\" y=\"%lld\" font-size=\"%d\">", PX0,
             (long long)(y - 4), FS);
        char *line = jx_xmalloc(e - i + 1);
        memcpy(line, s + i, e - i);
        line[e - i] = '\0';
        esc(w, line, IN_FLAT);
        free(line);
        put(w, "</text>\n");
        if (e >= n) {
            return y;
        }
        i = next_line(s, e);
    }
}

/* The smallest step 1, 2 or 5 × 10^k with vmax within 5 steps (vmax >
 * 0); vmax / 5 when vmax is beyond every such step. */
static struct jx_rat nice_step(struct jx_rat vmax)
{
    static const int64_t m[3] = {1, 2, 5};
    for (int k = -6; k <= 17; k++) {
        int64_t p = 1;
        for (int j = 0; j < (k < 0 ? -k : k); j++) {
            p *= 10;
        }
        for (int i = 0; i < 3; i++) {
            struct jx_rat s, five;
            if (k < 0) {
                jx_rat_make(m[i], p, &s);
            } else {
                s = jx_rat_int(m[i] * p);
            }
            if (jx_rat_mul(s, jx_rat_int(5), &five) == JX_NUM_OK &&
                jx_rat_cmp(vmax, five) <= 0) {
                return s;
            }
        }
    }
    struct jx_rat s;
    if (jx_rat_div(vmax, jx_rat_int(5), &s) != JX_NUM_OK) {
        s = vmax;
    }
    return s;
}

/* Format v with scale decimals (exactly when it needs no more). */
static char *fmt(struct jx_rat v, int scale, char *buf)
{
    return jx_rat_format(v, scale, false, JX_ROUND_HALF_UP, buf);
}

/* What a chart is drawn with: its axis and the decimals of its values. */
struct scale {
    int ns;                 /* series: 2 for PAIRS, 1 for BARS */
    size_t n;               /* labels */
    bool norm;              /* BARS against their own maxima */
    int dec;                /* decimals of the values */
    int tdec;               /* decimals of the tick labels */
    struct jx_rat top, step;/* the axis: 0 .. top in m steps */
    int64_t m;
};

/* The scale of chart c: values printed with the most decimals any of
 * them needs (at least 2 when one has a fraction or the unit is money);
 * BARS whose maxima are all positive against their maxima (the axis in
 * per cent of each); otherwise a common axis from 0 to a multiple of a
 * step of 1, 2 or 5 × 10^k, in at most 5 steps. */
static struct scale chart_scale(const struct jx_rchart *c)
{
    struct scale g = {.ns = c->kind == JX_CHART_PAIRS ? 2 : 1, .m = 1};
    g.n = c->values[0] && (g.ns == 1 || c->values[1]) && c->labels ? c->n : 0;
    g.norm = c->kind == JX_CHART_BARS && c->max && g.n > 0;
    for (size_t i = 0; g.norm && i < g.n; i++) {
        g.norm = jx_rat_sign(c->max[i]) > 0;
    }
    struct jx_rat vmax = jx_rat_int(0);
    for (int s = 0; s < g.ns; s++) {
        for (size_t i = 0; i < g.n; i++) {
            int k = decimals(c->values[s][i]);
            g.dec = k > g.dec ? k : g.dec;
            vmax = jx_rat_max(vmax, c->values[s][i]);
        }
    }
    if ((g.dec > 0 && g.dec < 2) || (c->unit && strstr(c->unit, "元"))) {
        g.dec = g.dec < 2 ? 2 : g.dec;
    }
    g.top = jx_rat_int(1);
    g.step = jx_rat_int(1);
    if (g.norm) {
        jx_rat_make(1, 2, &g.step);
        g.m = 2;
    } else if (jx_rat_sign(vmax) > 0) {
        struct jx_rat q, mr;
        g.step = nice_step(vmax);
        if (jx_rat_div(vmax, g.step, &q) == JX_NUM_OK &&
            jx_rat_round(q, 0, JX_ROUND_CEIL, &mr) == JX_NUM_OK &&
            mr.num >= 1 && mr.num <= 5 &&
            jx_rat_mul(g.step, mr, &g.top) == JX_NUM_OK) {
            g.m = mr.num;
        } else {
            g.top = vmax;
            g.step = vmax;
            g.m = 1;
        }
    }
    for (int64_t k = 1; k <= g.m; k++) {
        struct jx_rat v;
        if (jx_rat_mul(g.step, jx_rat_int(k), &v) == JX_NUM_OK) {
            int d = decimals(v);
            g.tdec = d > g.tdec ? d : g.tdec;
        }
    }
    return g;
}

/* Append the <desc> of a chart: every value as text, for screen
 * readers and search. */
static void chart_desc(struct hw *w, const struct jx_rchart *c,
                       const struct scale *g, int no)
{
    char buf[JX_NUM_BUFSZ];
    putf(w, "<desc id=\"jx-c%d-d\">", no);
    for (size_t i = 0; i < g->n; i++) {
        put(w, i ? "；" : "");
        esc(w, label_at(c, i), IN_FLAT);
        put(w, "：");
        for (int s = 0; s < g->ns; s++) {
            put(w, s ? "，" : "");
            esc(w, c->series[s] ? c->series[s] : "", IN_FLAT);
            put(w, " ");
            put(w, fmt(c->values[s][i], g->dec, buf));
            if (g->norm) {
                put(w, "，分值 ");
                put(w, fmt(c->max[i], decimals(c->max[i]), buf));
            }
        }
        if (c->unit && c->unit[0]) {
            put(w, " ");
            esc(w, c->unit, IN_FLAT);
        }
    }
    put(w, "</desc>\n");
}

/* Append the legend row: a swatch and the name of each series (and of
 * the track, 分值, for bars against their maxima). */
static void chart_legend(struct hw *w, const struct jx_rchart *c,
                         const struct scale *g)
{
    int lx = PX0;
    for (int s = 0; s < g->ns + (g->norm ? 1 : 0); s++) {
        const char *name = s < g->ns ? c->series[s] : "分值";
        if (!name || !name[0]) {
            continue;
        }
        const char *cls = s < g->ns ? (s == 0 ? "s0" : "s1") : "trk";
        putf(w, "<rect class=\"%s\" x=\"%d\" y=\"6\" width=\"12\" "
                "height=\"12\"/>", cls, lx);
        putf(w, "<text x=\"%d\" y=\"16\" font-size=\"%d\">", lx + 16, VFS);
        esc(w, name, IN_FLAT);
        put(w, "</text>\n");
        lx += 16 + text_width(name) + 16;
    }
}

/* The x of tick k of m, in tenths of a unit. */
static int64_t tick_x(int64_t k, int64_t m)
{
    return PX0 * 10 + (2 * k * PW * 10 + m) / (2 * m);
}

/* Append the labels and their bars from y, each bar round(v / top × PW)
 * long (top: the axis's or the label's maximum) with its value after
 * it. */
static void chart_bars(struct hw *w, const struct jx_rchart *c,
                       const struct scale *g, int64_t y)
{
    char buf[JX_NUM_BUFSZ], buf2[JX_NUM_BUFSZ];
    for (size_t i = 0; i < g->n; i++) {
        y = put_label(w, label_at(c, i), y) + 2;
        for (int s = 0; s < g->ns; s++) {
            struct jx_rat v = c->values[s][i];
            int64_t len = scaled(v, g->norm ? c->max[i] : g->top, PW * 10);
            if (g->norm) {
                putf(w, "<rect class=\"trk\" x=\"%d\" y=\"%lld\" width=\"%d\" "
                        "height=\"%d\"/>", PX0, (long long)y, PW, BAR_H);
            }
            putf(w, "<rect class=\"s%d\" x=\"%d\" y=\"%lld\" width=\"", s, PX0,
                 (long long)y);
            put_tenths(w, len);
            putf(w, "\" height=\"%d\"/>", BAR_H);
            put(w, "<text x=\"");
            put_tenths(w, PX0 * 10 + (g->norm ? PW * 10 : len) + 40);
            putf(w, "\" y=\"%lld\" font-size=\"%d\">", (long long)(y + 11),
                 VFS);
            put(w, fmt(v, g->dec, buf));
            if (g->norm) {
                putf(w, " / %s", fmt(c->max[i], decimals(c->max[i]), buf2));
            }
            put(w, "</text>\n");
            y += BAR_H + BAR_GAP;
        }
        y += GROUP_GAP - BAR_GAP;
    }
}

/* Append the axis at y: its line, the tick labels (per cent for bars
 * against their maxima) and its title. */
static void chart_axis(struct hw *w, const struct jx_rchart *c,
                       const struct scale *g, int64_t y)
{
    char buf[JX_NUM_BUFSZ];
    putf(w, "<line class=\"axis\" x1=\"%d\" x2=\"%d\" y1=\"%lld\" "
            "y2=\"%lld\"/>\n", PX0, PX0 + PW, (long long)y, (long long)y);
    for (int64_t k = 0; k <= g->m; k++) {
        put(w, "<text class=\"tick\" x=\"");
        put_tenths(w, tick_x(k, g->m));
        putf(w, "\" y=\"%lld\" font-size=\"%d\" text-anchor=\"%s\">",
             (long long)(y + 14), VFS, k == 0 ? "start" : "middle");
        struct jx_rat v;
        if (jx_rat_mul(g->step, jx_rat_int(k), &v) != JX_NUM_OK) {
            v = g->top;
        }
        put(w, g->norm ? jx_rat_format(v, 0, true, JX_ROUND_HALF_UP, buf)
                       : fmt(v, g->tdec, buf));
        put(w, "</text>\n");
    }
    putf(w, "<text class=\"tick\" x=\"%d\" y=\"%lld\" font-size=\"%d\" "
            "text-anchor=\"middle\">", PX0 + PW / 2, (long long)(y + 32),
         VFS);
    if (g->norm) {
        esc(w, c->series[0] && c->series[0][0] ? c->series[0] : "得分",
            IN_FLAT);
        put(w, "占分值的比例");
    } else {
        put(w, "数值");
        if (c->unit && c->unit[0]) {
            put(w, "（");
            esc(w, c->unit, IN_FLAT);
            put(w, "）");
        }
    }
    put(w, "</text>\n");
}

/* Append a chart as a <figure> with its caption and an inline SVG of
 * horizontal bars (they read on a phone): PAIRS two bars per label on
 * a common axis, BARS one bar per label, against its own maximum (a
 * track) when every maximum is positive, else on a common axis.  The
 * viewBox is VW wide and as tall as the labels need; the SVG scales to
 * the column.  Values are printed exactly; <desc> lists them all. */
static void chart(struct hw *w, const struct jx_rchart *c)
{
    int no = ++w->nchart;
    struct scale g = chart_scale(c);
    put(w, "<figure class=\"chart\">\n<figcaption>");
    esc(w, c->title, IN_TEXT);
    if (c->unit && c->unit[0]) {
        put(w, "<span class=\"unit\">（单位：");
        esc(w, c->unit, IN_TEXT);
        put(w, "）</span>");
    }
    put(w, "</figcaption>\n");
    if (g.n == 0) {
        put(w, "<p class=\"note center\">（无数据）</p>\n</figure>\n");
        return;
    }
    int64_t plot = 0;
    for (size_t i = 0; i < g.n; i++) {
        plot += (int64_t)label_lines(label_at(c, i)) * LH + 2 +
                g.ns * (BAR_H + BAR_GAP) - BAR_GAP + GROUP_GAP;
    }
    int64_t y0 = LEGEND_H, y1 = LEGEND_H + plot;
    putf(w, "<svg viewBox=\"0 0 %d %lld\" role=\"img\" "
            "aria-labelledby=\"jx-c%d-t jx-c%d-d\">\n",
         VW, (long long)(y1 + AXIS_H), no, no);
    putf(w, "<title id=\"jx-c%d-t\">", no);
    esc(w, c->title, IN_FLAT);
    put(w, "</title>\n");
    chart_desc(w, c, &g, no);
    chart_legend(w, c, &g);
    for (int64_t k = 0; k <= g.m; k++) { /* grid lines behind the bars */
        put(w, "<line class=\"grid\" x1=\"");
        put_tenths(w, tick_x(k, g.m));
        put(w, "\" x2=\"");
        put_tenths(w, tick_x(k, g.m));
        putf(w, "\" y1=\"%lld\" y2=\"%lld\"/>\n", (long long)y0,
             (long long)y1);
    }
    chart_bars(w, c, &g, y0);
    chart_axis(w, c, &g, y1);
    put(w, "</svg>\n</figure>\n");
}

/* ---- the document ---------------------------------------------------- */

/* Append the document: head with the style sheet, the running header,
 * the cover lines, every block, the running footer. */
static void document(struct hw *w, const struct jx_report_doc *d)
{
    put(w, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
           "<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"jixiao\">\n");
    if (d->unit_name && d->unit_name[0]) {
        put(w, "<meta name=\"author\" content=\"");
        esc(w, d->unit_name, IN_ATTR);
        put(w, "\">\n");
    }
    put(w, "<title>");
    esc(w, d->title, IN_FLAT);
    put(w, "</title>\n<style>\n");
    for (size_t i = 0; css[i]; i++) {
        put(w, css[i]);
    }
    page_rule(w, d);
    put(w, "</style>\n</head>\n<body>\n");
    if (d->header && d->header[0]) {
        put(w, "<div class=\"run run-head\">");
        esc(w, d->header, IN_TEXT);
        put(w, "</div>\n");
    }
    put(w, "<main class=\"doc\">\n<header class=\"cover\">\n"
           "<h1 class=\"doc-title\">");
    esc(w, d->title, IN_TEXT);
    put(w, "</h1>\n");
    if (d->subtitle && d->subtitle[0]) {
        put(w, "<p class=\"subtitle\">");
        esc(w, d->subtitle, IN_TEXT);
        put(w, "</p>\n");
    }
    put(w, "</header>\n");
    bool in_list = false;
    for (size_t i = 0; i < d->nblocks && !w->failed && !w->b->toobig; i++) {
        const struct jx_rblock *b = &d->blocks[i];
        bool li = b->kind == JX_RB_PARA && b->style == JX_RS_LIST;
        if (li && !in_list) {
            put(w, "<ul class=\"list\">\n");
        } else if (!li && in_list) {
            put(w, "</ul>\n");
        }
        in_list = li;
        /* jixiao's own additions, marked so that importing the page
         * leaves them out as importing the DOCX does */
        bool gen = (b->generated && !li) || b->kind == JX_RB_CHART;
        if (gen) {
            put(w, "<div class=\"jx-generated\">\n");
        }
        switch (b->kind) {
        case JX_RB_HEADING:
            heading(w, b);
            break;
        case JX_RB_PARA:
            para(w, b);
            break;
        case JX_RB_TABLE:
            if (b->table) {
                table(w, b->table);
            }
            break;
        case JX_RB_CHART:
            if (b->chart) {
                chart(w, b->chart);
            }
            break;
        case JX_RB_DETAILS:
            if (b->details) {
                details(w, b->details);
            }
            break;
        case JX_RB_PAGEBREAK:
            put(w, "<hr class=\"pb\">\n");
            break;
        }
        if (gen) {
            put(w, "</div>\n");
        }
    }
    if (in_list) {
        put(w, "</ul>\n");
    }
    put(w, "</main>\n");
    if (d->footer && d->footer[0]) {
        put(w, "<div class=\"run run-foot\">");
        esc(w, d->footer, IN_TEXT);
        put(w, "</div>\n");
    }
    put(w, "</body>\n</html>\n");
}

/* Write d as one self-contained HTML file appended to out.  0, or -1
 * with an error in diags and out as it was (R201 too large, R204 a
 * table too large); warnings R202 (text replaced), R203 (cells
 * dropped or spans shortened) and R205 (a link left out) leave the
 * result usable. */
int jx_report_html(const struct jx_report_doc *d, struct jx_buf *out,
                   struct jx_diags *diags)
{
    if (!d || !out) {
        JX_BUG("jx_report_html: no document or no buffer");
    }
    size_t start = out->len, oldmax = out->max;
    bool oldtoobig = out->toobig;
    size_t limit = JX_REPORT_MAX_BYTES;
    if (out->max - start > limit) {
        out->max = start + limit;
    }
    out->toobig = false;
    struct hw w = {.b = out, .diags = diags};
    document(&w, d);
    bool toobig = out->toobig;
    size_t cap = out->max - start;
    out->max = oldmax;
    if (toobig) {
        diag(&w, "R201", JX_SEV_ERROR, NULL,
             "HTML 超过 %zu 字节的上限，未生成", cap);
    }
    if (w.failed) {
        out->len = start;
        if (out->cap) {
            out->p[start] = '\0';
        }
        out->toobig = oldtoobig || toobig;
        return -1;
    }
    out->toobig = oldtoobig;
    if (w.bad) {
        diag(&w, "R202", JX_SEV_WARNING, NULL,
             "文字中有 %zu 个无效字符（不是有效的 UTF-8，或是控制字符），"
             "已替换为 U+FFFD",
             w.bad);
    }
    return 0;
}
