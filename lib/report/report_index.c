/*
 * report_index.c - the summary page of a batch run (report_index.h):
 * DIR/index.html of `jixiao evaluate`.
 *
 * The page is written from the small per-input rows alone, so a run of
 * any size renders it without holding the inputs.  It is a page of its
 * own, not a report document: a wide list for the screen (a desktop or
 * a phone), where the documents are narrow pages for paper.  Column
 * headers never wrap; the table scrolls sideways inside its frame when
 * the screen is narrower than it; every document of every format is a
 * link of its own.
 */
#include "jixiao/report_index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Format names as links show them, in the order they are listed. */
static const enum jx_index_fmt link_order[JX_IDX_NFMTS] = {
    JX_IDX_HTML, JX_IDX_PDF, JX_IDX_DOCX, JX_IDX_XLSX};
static const char *const fmt_label[JX_IDX_NFMTS] = {"DOCX", "XLSX", "HTML",
                                                    "PDF"};

/* The file name of doc in format fmt. */
const char *jx_index_file(enum jx_index_doc doc, enum jx_index_fmt fmt)
{
    static const char *const names[JX_IDX_NDOCS][JX_IDX_NFMTS] = {
        {"report.docx", "report.xlsx", "report.html", "report.pdf"},
        {"findings.docx", "findings.xlsx", "findings.html", "findings.pdf"},
        {"assessment.docx", "assessment.xlsx", "assessment.html",
         "assessment.pdf"}};
    if ((unsigned)doc >= JX_IDX_NDOCS || (unsigned)fmt >= JX_IDX_NFMTS) {
        return "";
    }
    return names[doc][fmt];
}

/* Whether unit x ranks before unit y (x, y their input positions). */
static bool before(const struct jx_index_unit *u, size_t x, size_t y)
{
    if (u[x].has_total != u[y].has_total) {
        return u[x].has_total;
    }
    if (u[x].has_total) {
        int c = jx_rat_cmp(u[x].total, u[y].total);
        if (c != 0) {
            return c > 0;
        }
    }
    return x < y;
}

/* The ranking (report_index.h): a merge sort, stable by input order. */
void jx_index_rank(const struct jx_index_unit *units, size_t n,
                   size_t *order)
{
    for (size_t i = 0; i < n; i++) {
        order[i] = i;
    }
    if (n < 2) {
        return;
    }
    size_t *tmp = jx_xmalloc(n * sizeof *tmp);
    size_t *src = order, *dst = tmp;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n;
            size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                dst[k++] = before(units, src[j], src[i]) ? src[j++] : src[i++];
            }
            while (i < mid) {
                dst[k++] = src[i++];
            }
            while (j < hi) {
                dst[k++] = src[j++];
            }
        }
        size_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != order) {
        memcpy(order, src, n * sizeof *order);
    }
    free(tmp);
}

/* Append s as HTML text (or a quoted attribute value): invalid UTF-8
 * and control characters repaired as the XML writers do, & < > " '
 * as character references.  NULL is empty. */
static void esc(struct jx_buf *b, const char *s)
{
    if (!s) {
        return;
    }
    struct jx_buf clean;
    jx_buf_init(&clean, b->max);
    jx_utf8_xml(&clean, s, strlen(s), false, (size_t)-1, NULL);
    size_t start = 0;
    for (size_t i = 0; i < clean.len; i++) {
        const char *rep = NULL;
        switch (clean.p[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        default:
            break;
        }
        if (rep) {
            jx_buf_add(b, clean.p + start, i - start);
            jx_buf_adds(b, rep);
            start = i + 1;
        }
    }
    jx_buf_add(b, clean.p + start, clean.len - start);
    jx_buf_release(&clean);
}

/* Append a path segment for an href: ASCII letters, digits and -._~
 * as they are, other ASCII bytes %-escaped, UTF-8 sequences as they
 * are (the page is UTF-8), invalid bytes %-escaped. */
static void url_segment(struct jx_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
            c == '~') {
            jx_buf_addc(b, (char)c);
            i++;
            continue;
        }
        int32_t cp;
        int k = c >= 0x80 ? jx_utf8_decode(s + i, n - i, &cp) : -1;
        if (k > 1) {
            jx_buf_add(b, s + i, (size_t)k);
            i += (size_t)k;
            continue;
        }
        char e[3] = {'%', hex[c >> 4], hex[c & 15]};
        jx_buf_add(b, e, 3);
        i++;
    }
}

/* Append <a href="dir/file">text</a>. */
static void link(struct jx_buf *b, const char *dir, const char *file,
                 const char *text)
{
    jx_buf_adds(b, "<a href=\"");
    url_segment(b, dir);
    jx_buf_addc(b, '/');
    url_segment(b, file);
    jx_buf_adds(b, "\">");
    esc(b, text);
    jx_buf_adds(b, "</a>");
}

/* Append a score with 2 decimals (half up). */
static void score(struct jx_buf *b, struct jx_rat v)
{
    char t[JX_NUM_BUFSZ];
    jx_buf_adds(b, jx_rat_format(v, 2, false, JX_ROUND_HALF_UP, t));
}

/* The style sheet: a full-width list; headers on one line; numbers in
 * tabular digits, never broken; the table in a frame that scrolls
 * sideways on a narrow screen; links spaced for a finger. */
static const char css[] =
    ":root{color-scheme:light}\n"
    "*,*::before,*::after{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
    "body{margin:0;background:#fff;color:#1a1a1a;"
    "font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\","
    "\"Microsoft YaHei\",\"PingFang SC\",sans-serif;font-size:15px;"
    "line-height:1.6}\n"
    ".page{max-width:90rem;margin:0 auto;padding:1rem 1.25rem 2rem}\n"
    "h1{font-size:1.5rem;line-height:1.4;text-align:center;"
    "margin:.5rem 0}\n"
    "p{margin:.375rem 0}\n"
    "p.sub{text-align:center;color:#333}\n"
    "p.note{font-size:.875rem;color:#444}\n"
    "p.running{border:1px solid #b26a00;background:#fff6e5;"
    "padding:.5rem .75rem;border-radius:.25rem}\n"
    ".wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;"
    "max-width:100%;margin:.75rem 0;border:1px solid #c8ced6}\n"
    "table{border-collapse:collapse;width:100%;font-size:.875rem;"
    "line-height:1.5}\n"
    "th,td{border:1px solid #c8ced6;padding:.3125rem .5rem;"
    "vertical-align:middle}\n"
    "tr>:first-child{border-left:0}tr>:last-child{border-right:0}\n"
    "thead th{border-top:0}tbody tr:last-child td{border-bottom:0}\n"
    "th{background:#eef1f5;font-weight:bold;white-space:nowrap;"
    "text-align:center}\n"
    "tbody tr:nth-child(even){background:#f8f9fb}\n"
    "td.num{text-align:right;white-space:nowrap;"
    "font-variant-numeric:tabular-nums}\n"
    "td.c{text-align:center;white-space:nowrap}\n"
    "td.unit{min-width:12em}\n"
    ".src{font-size:.75rem;color:#666;overflow-wrap:anywhere}\n"
    "td.docs{white-space:nowrap}\n"
    "td.docs a{display:inline-block;padding:.125rem}\n"
    "td.docs a+a{margin-left:.25rem}\n"
    ".none{color:#888}\n"
    ".pending{color:#8a5300;font-weight:bold}\n"
    ".err{color:#b00020;font-weight:bold}\n"
    ".diff{color:#b00020}\n"
    "a{color:#1f4e79}\n"
    "@media (max-width:40rem){body{font-size:14px}"
    ".page{padding:.75rem .625rem 1.5rem}h1{font-size:1.25rem}"
    /* the unit stays in view while the table scrolls sideways */
    ".unit{position:sticky;left:0;z-index:1;background:#fff;"
    "box-shadow:1px 0 0 #c8ced6}"
    "tbody tr:nth-child(even) .unit{background:#f8f9fb}"
    "th.unit{background:#eef1f5}td.unit{min-width:8.5em}}\n"
    "@media print{body{font-size:9pt}.page{max-width:none;padding:0}"
    ".wrap{overflow:visible;border:0}thead{display:table-header-group}"
    "tr{break-inside:avoid;page-break-inside:avoid}"
    "th{background:none}a{color:#000;text-decoration:none}}\n";

/* Append the links of one document of u (the formats written), or a
 * dash when none was. */
static void doc_links(struct jx_buf *b, const struct jx_index_unit *u,
                      enum jx_index_doc doc)
{
    jx_buf_adds(b, "<td class=\"docs\">");
    bool any = false;
    for (int k = 0; k < JX_IDX_NFMTS; k++) {
        enum jx_index_fmt f = link_order[k];
        if (u->dir && (u->docs[doc] >> f & 1u)) {
            link(b, u->dir, jx_index_file(doc, f), fmt_label[f]);
            any = true;
        }
    }
    if (!any) {
        jx_buf_adds(b, "<span class=\"none\">—</span>");
    }
    jx_buf_adds(b, "</td>");
}

/* Append one row of the ranking: rank r (1-based) for unit u. */
static void row(struct jx_buf *b, size_t r, const struct jx_index_unit *u)
{
    jx_buf_addf(b, "<tr><td class=\"num\">%zu</td><td class=\"unit\">", r);
    if (!u->unit) {
        jx_buf_adds(b, "<span class=\"err\">无法读取</span>");
    } else {
        /* the unit links to its first document in the first format */
        const char *first = NULL;
        for (int d = 0; d < JX_IDX_NDOCS && !first; d++) {
            for (int k = 0; k < JX_IDX_NFMTS && !first; k++) {
                if (u->dir && (u->docs[d] >> link_order[k] & 1u)) {
                    first = jx_index_file((enum jx_index_doc)d, link_order[k]);
                }
            }
        }
        const char *name = u->unit[0] ? u->unit : "（未写单位名称）";
        if (first) {
            link(b, u->dir, first, name);
        } else {
            esc(b, name);
        }
    }
    /* the input, which tells apart two rows of one unit */
    jx_buf_adds(b, "<div class=\"src\">");
    esc(b, u->file);
    jx_buf_adds(b, "</div>");
    jx_buf_adds(b, "</td><td class=\"c\">");
    if (u->year) {
        jx_buf_addf(b, "%d", u->year);
    } else {
        jx_buf_adds(b, "—");
    }
    jx_buf_adds(b, "</td><td class=\"num\">");
    if (u->has_total) {
        score(b, u->total);
    } else {
        jx_buf_adds(b, "—");
    }
    jx_buf_adds(b, "</td><td class=\"c\">");
    esc(b, u->grade ? u->grade : "—");
    jx_buf_adds(b, u->has_total && u->has_stated &&
                           jx_rat_cmp(u->total, u->stated) != 0
                       ? "</td><td class=\"num diff\" title=\"与复核总分不同\">"
                       : "</td><td class=\"num\">");
    if (u->has_stated) {
        score(b, u->stated);
    } else {
        jx_buf_adds(b, "—");
    }
    jx_buf_adds(b, "</td>");
    if (u->unit) {
        jx_buf_addf(b, "<td class=\"num%s\">%zu</td><td class=\"num\">%zu</td>",
                    u->errors ? " err" : "", u->errors, u->warnings);
    } else {
        jx_buf_adds(b, "<td class=\"num\">—</td><td class=\"num\">—</td>");
    }
    /* the 考核评分表: while items await a judgement, the range its
     * total may take and 待判断 where the grade goes */
    jx_buf_adds(b, "<td class=\"num\">");
    if (u->has_assess && u->judge) {
        score(b, u->assess_lo);
        jx_buf_adds(b, "–");
        score(b, u->assess_hi);
    } else if (u->has_assess) {
        score(b, u->assess);
    } else {
        jx_buf_adds(b, "—");
    }
    jx_buf_adds(b, "</td><td class=\"c\">");
    if (u->has_assess && u->judge) {
        jx_buf_addf(b, "<span class=\"pending\">待判断（%zu 项）</span>",
                    u->judge);
    } else {
        esc(b, u->has_assess && u->assess_grade ? u->assess_grade : "—");
    }
    jx_buf_adds(b, "</td>");
    for (int d = 0; d < JX_IDX_NDOCS; d++) {
        doc_links(b, u, (enum jx_index_doc)d);
    }
    jx_buf_adds(b, "</tr>\n");
}

/* Hand b to sink when it holds at least min bytes (0: whatever it
 * holds), then empty it; false when the buffer overflowed or the sink
 * failed. */
static bool flush(struct jx_buf *b, size_t min, jx_index_sink sink,
                  void *ctx)
{
    if (b->toobig) {
        return false;
    }
    if (b->len < min || b->len == 0) {
        return true;
    }
    bool ok = sink(ctx, b->p, b->len) == 0;
    jx_buf_reset(b);
    return ok;
}

/* The page, piece by piece (report_index.h). */
int jx_report_index_write(const struct jx_index *ix, jx_index_sink sink,
                          void *ctx)
{
    size_t read = 0, with_errors = 0, pending = 0;
    for (size_t i = 0; i < ix->n; i++) {
        const struct jx_index_unit *u = &ix->units[i];
        read += u->unit != NULL;
        with_errors += u->unit && u->errors;
        pending += u->has_assess && u->judge;
    }
    struct jx_buf b, *out = &b;
    jx_buf_init(&b, 1u << 24); /* one row is far below this */
    jx_buf_adds(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
                     "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                     "content=\"width=device-width, initial-scale=1\">\n");
    jx_buf_adds(out, "<meta name=\"generator\" content=\"jixiao\">\n");
    jx_buf_addf(out, "<title>预算绩效自评汇总（%zu 个单位）</title>\n", read);
    jx_buf_adds(out, "<style>\n");
    jx_buf_adds(out, css);
    jx_buf_adds(out, "</style>\n</head>\n<body>\n<div class=\"page\">\n");
    jx_buf_addf(out, "<h1>预算绩效自评汇总（%zu 个单位）</h1>\n", read);
    jx_buf_adds(out, "<p class=\"sub\">按复核总分排序；每个单位的自评报告、"
                     "审核意见和考核评分表按格式逐一链接</p>\n");
    if (!ix->complete) {
        jx_buf_addf(out,
                    "<p class=\"running\">本次运行尚未结束（或已中断）：已完成 "
                    "%zu / %zu 个文件。本页只列出全部文件已经写完的单位，"
                    "运行结束时更新。</p>\n",
                    ix->n, ix->total);
    }
    jx_buf_addf(out, "<p>共 %zu 个文件：%zu 个单位已写出", ix->n, read);
    if (ix->n > read) {
        jx_buf_addf(out, "，<span class=\"err\">%zu 个文件无法读取</span>",
                    ix->n - read);
    }
    jx_buf_addf(out, "；%zu 个单位有错误级发现", with_errors);
    if (pending) {
        jx_buf_addf(out, "；%zu 个单位的考核评分表有待判断的项目", pending);
    }
    jx_buf_adds(out, "。</p>\n");
    jx_buf_adds(out,
                "<p class=\"note\">复核总分是按评分规则重新计算的整体支出绩效"
                "自评表总分，自评总分是单位填报的总分（与复核总分不同时标红）；"
                "错误和警告是交叉检查的发现数；考核得分是考核评分表的得分（有报送、"
                "公开日期时计算），有待人工判断的项目时给出得分范围，等级为"
                "“待判断”。</p>\n");
    jx_buf_adds(out, "<div class=\"wrap\">\n<table>\n<thead><tr>");
    static const char *const head[] = {
        "名次",     "单位",     "年度",     "复核总分", "等级",
        "自评总分", "错误",     "警告",     "考核得分", "考核等级",
        "自评报告", "审核意见", "考核评分表"};
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++) {
        jx_buf_addf(out, "<th scope=\"col\"%s>%s</th>",
                    k == 1 ? " class=\"unit\"" : "", head[k]);
    }
    jx_buf_adds(out, "</tr></thead>\n<tbody>\n");
    bool ok = flush(out, 0, sink, ctx);
    size_t *order = ix->n ? jx_xmalloc(ix->n * sizeof *order) : NULL;
    jx_index_rank(ix->units, ix->n, order);
    for (size_t i = 0; i < ix->n && ok; i++) {
        row(out, i + 1, &ix->units[order[i]]);
        ok = flush(out, 1u << 16, sink, ctx);
    }
    free(order);
    jx_buf_adds(out, "</tbody>\n</table>\n</div>\n");
    jx_buf_adds(out, "</div>\n</body>\n</html>\n");
    ok = ok && flush(out, 0, sink, ctx);
    jx_buf_release(&b);
    return ok ? 0 : -1;
}

/* A sink that appends to a buffer. */
static int to_buf(void *ctx, const char *p, size_t n)
{
    return jx_buf_add(ctx, p, n);
}

/* The page into out (report_index.h). */
int jx_report_index_html(const struct jx_index *ix, struct jx_buf *out)
{
    return jx_report_index_write(ix, to_buf, out);
}
