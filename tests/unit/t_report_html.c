/*
 * t_report_html.c - tests of the HTML writer (lib/report/report_html.c): the
 * sample document's figures, merged cells, derivations, charts and
 * flags; escaping, UTF-8 repair, limits, cell conflicts, links; and
 * that every output is well formed (a small tag-balance checker) and
 * refers to nothing outside itself.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "jixiao/report.h"
#include "report_sample.h"

/* Elements without an end tag. */
static bool is_void(const char *name, size_t n)
{
    static const char *const v[] = {"area", "base",  "br",   "col",
                                    "embed", "hr",   "img",  "input",
                                    "link",  "meta", "source", "track",
                                    "wbr",   NULL};
    for (size_t i = 0; v[i]; i++) {
        if (strlen(v[i]) == n && memcmp(v[i], name, n) == 0) {
            return true;
        }
    }
    return false;
}

/* True when s starts a character reference the writer uses. */
static bool known_ref(const char *s)
{
    static const char *const refs[] = {"&amp;", "&lt;", "&gt;", "&quot;",
                                       "&#39;", "&#10;", NULL};
    for (size_t i = 0; refs[i]; i++) {
        if (strncmp(s, refs[i], strlen(refs[i])) == 0) {
            return true;
        }
    }
    return false;
}

/* NULL when html is well formed as the writer writes it: every element
 * closed in order (void elements and "/>" aside), no raw "<" or ">" in
 * text, every "&" a known reference, the style sheet skipped as raw
 * text; else what is wrong, with the byte offset. */
static const char *well_formed(const char *html)
{
    static char why[200];
    char stack[128][16];
    int depth = 0;
    const char *p = html;
    while (*p) {
        if (*p == '&') {
            if (!known_ref(p)) {
                snprintf(why, sizeof why, "bad reference at %td", p - html);
                return why;
            }
            p++;
            continue;
        }
        if (*p == '>') {
            snprintf(why, sizeof why, "raw > at %td", p - html);
            return why;
        }
        if (*p != '<') {
            p++;
            continue;
        }
        if (strncmp(p, "<!DOCTYPE html>", 15) == 0) {
            p += 15;
            continue;
        }
        bool end = p[1] == '/';
        const char *nm = p + 1 + (end ? 1 : 0);
        size_t n = strspn(nm, "abcdefghijklmnopqrstuvwxyz0123456789");
        if (n == 0 || n >= sizeof stack[0]) {
            snprintf(why, sizeof why, "bad tag at %td", p - html);
            return why;
        }
        const char *q = nm + n;
        char quote = 0;
        for (; *q; q++) {
            if (quote) {
                if (*q == quote) {
                    quote = 0;
                } else if (*q == '<' || *q == '>') {
                    snprintf(why, sizeof why, "raw %c in attribute at %td",
                             *q, q - html);
                    return why;
                }
            } else if (*q == '"' || *q == '\'') {
                quote = *q;
            } else if (*q == '>') {
                break;
            } else if (*q == '<') {
                snprintf(why, sizeof why, "< inside tag at %td", q - html);
                return why;
            }
        }
        if (!*q) {
            snprintf(why, sizeof why, "unterminated tag at %td", p - html);
            return why;
        }
        if (end) {
            if (depth == 0 || strlen(stack[depth - 1]) != n ||
                memcmp(stack[depth - 1], nm, n) != 0) {
                snprintf(why, sizeof why, "</%.*s> at %td closes <%s>",
                         (int)n, nm, p - html,
                         depth ? stack[depth - 1] : "(nothing)");
                return why;
            }
            depth--;
        } else if (!is_void(nm, n) && q[-1] != '/') {
            if (depth == (int)(sizeof stack / sizeof stack[0])) {
                return "nested too deeply";
            }
            memcpy(stack[depth], nm, n);
            stack[depth][n] = '\0';
            depth++;
            if (n == 5 && memcmp(nm, "style", 5) == 0) {
                const char *e = strstr(q, "</style>");
                if (!e) {
                    return "unterminated style";
                }
                p = e;
                continue;
            }
        }
        p = q + 1;
    }
    if (depth) {
        snprintf(why, sizeof why, "<%s> never closed", stack[depth - 1]);
        return why;
    }
    return NULL;
}

/* True when s is valid UTF-8 throughout. */
static bool valid_utf8(const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            return false;
        }
        i += (size_t)k;
    }
    return true;
}

/* Occurrences of needle in s. */
static size_t count(const char *s, const char *needle)
{
    size_t c = 0, n = strlen(needle);
    for (const char *p = strstr(s, needle); p; p = strstr(p + n, needle)) {
        c++;
    }
    return c;
}

/* Render d into a fresh buffer; returns the writer's result. */
static int render(const struct jx_report_doc *d, struct jx_buf *b,
                  struct jx_diags *diags)
{
    jx_buf_init(b, JX_REPORT_MAX_BYTES);
    return jx_report_html(d, b, diags);
}

/* True when d holds an entry with this code. */
static bool has_code(const struct jx_diags *d, const char *code)
{
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            return true;
        }
    }
    return false;
}

/* The checks every output must pass: well formed, valid UTF-8, nothing
 * fetched from outside, no script. */
static void check_clean(const char *html)
{
    const char *why = well_formed(html);
    if (why) {
        jx_test_fail(__FILE__, __LINE__, "not well formed: %s", why);
    }
    CHECK(valid_utf8(html));
    CHECK(!strstr(html, "http://"));
    CHECK(!strstr(html, "https://"));
    CHECK(!strstr(html, "src="));
    CHECK(!strstr(html, "url("));
    CHECK(!strstr(html, "@import"));
    CHECK(!strstr(html, "<script"));
    CHECK(!strstr(html, "<link"));
}

/* The sample document: every kind of block comes out, with the sample's
 * own figures (the execution rate of row 1 recomputed here). */
static void sample(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags diags;
    jx_diags_init(&diags, a);
    struct jx_buf b;
    CHECK_INT(render(d, &b, &diags), 0);
    CHECK_INT(diags.n, 0);
    const char *h = b.p;
    check_clean(h);

    CHECK(strncmp(h, "<!DOCTYPE html>\n<html lang=\"zh-CN\">", 35) == 0);
    CHECK(strstr(h, "<meta charset=\"utf-8\">"));
    CHECK(strstr(h, "<meta name=\"viewport\" content=\"width=device-width, "
                    "initial-scale=1\">"));
    CHECK(strstr(h, "<title>示例市清河区城市管理局2024年度部门整体支出绩效自评报告"
                    "</title>"));
    CHECK(strstr(h, "<h1 class=\"doc-title\">示例市清河区城市管理局2024年度"
                    "部门整体支出绩效自评报告</h1>"));
    CHECK(strstr(h, "<p class=\"subtitle\">示例市清河区城市管理局　2024 年度</p>"));
    CHECK(strstr(h, "<h2>一、单位基本情况</h2>"));
    CHECK(strstr(h, "<h3>（一）预算执行情况</h3>"));
    CHECK(strstr(h, "<p class=\"body\">全年预算数 5200.00 万元"));
    CHECK(strstr(h, "<p class=\"right\">2025年7月11日</p>"));
    CHECK(strstr(h, "<p class=\"note\">说明："));
    CHECK_INT(count(h, "<hr class=\"pb\">"), 1);

    /* the print style sheet and the running header and footer */
    CHECK(strstr(h, "@media print{"));
    CHECK(strstr(h, "@page{size:A4;"));
    CHECK(strstr(h, "thead{display:table-header-group}"));
    CHECK(strstr(h, "hr.pb{border:0;margin:0;break-before:page;"));
    CHECK(strstr(h, "@top-center{content:\"示例市清河区城市管理局2024年度"));
    CHECK(strstr(h, "@bottom-center{content:\"jixiao 生成\\3000 第 \" "
                    "counter(page) \" 页 共 \" counter(pages) \" 页\";"));
    CHECK(strstr(h, "<div class=\"run run-foot\">jixiao 生成</div>"));

    /* the table: merged header cells, widths, 120 body rows */
    CHECK(strstr(h, "<p class=\"tbl-title\" id=\"jx-t1\">预算单位整体支出绩效"
                    "评价基础数据表</p>"));
    CHECK(strstr(h, "<div class=\"tbl-above\"><span>预算单位名称：示例市清河区"
                    "城市管理局</span><span>单位：万元</span></div>"));
    CHECK(strstr(h, "<th colspan=\"3\" scope=\"colgroup\" class=\"c\">经费控制"
                    "情况</th>"));
    CHECK(strstr(h, "<th rowspan=\"2\" scope=\"col\" class=\"c\">项目</th>"));
    CHECK(strstr(h, "<col style=\"width:33.33%\"><col style=\"width:16.67%\">"));
    CHECK_INT(count(h, "<thead>"), 1);
    CHECK_INT(count(h, "<tr>"), JX_SAMPLE_ROWS + 2);
    CHECK(strstr(h, "<td class=\"r num\">100.00</td>"));
    CHECK(strstr(h, "<p class=\"tbl-below\">填表人：王晓明"));

    /* the rate of row 1: 110.00 / 120.00 = 91.67% (half up), with its
     * derivation as the title, in a <details> and numbered */
    int64_t num = 11000 * 10000, den = 12000;
    int64_t bp = (2 * num + den) / (2 * den);
    char rate[32];
    snprintf(rate, sizeof rate, "%lld.%02lld%%", (long long)(bp / 100),
             (long long)(bp % 100));
    CHECK_STR(rate, "91.67%");
    CHECK(strstr(h, "<td class=\"r num\" title=\"执行率 = 本年决算数 ÷ 本年预算数 = "
                    "91.67%\"><details class=\"cn\"><summary>91.67%<sup "
                    "class=\"nm\">1</sup></summary><span class=\"cn-body\">执行率 "
                    "= 本年决算数 ÷ 本年预算数 = 91.67%</span></details></td>"));
    CHECK_INT(count(h, "<details class=\"cn\">"), JX_SAMPLE_ROWS);
    CHECK(strstr(h, "<sup class=\"nm\">120</sup>"));
    /* the notes again for paper, numbered in the same order */
    CHECK(strstr(h, "<div class=\"tbl-notes print-only\"><p>注（计算过程）：</p>"
                    "<ol>\n<li>执行率 = 本年决算数 ÷ 本年预算数 = 91.67%</li>"));

    /* row 4 is flagged: 111.17 / 121.23 = 91.70%, marked ▲ */
    CHECK(strstr(h, "<td class=\"r num flag\" title="));
    CHECK(strstr(h, "<summary><span class=\"flag-mark\" title=\"与按规则重新计算的"
                    "结果不一致\">▲</span>91.70%<sup class=\"nm\">4</sup>"));
    CHECK_INT(count(h, "class=\"r num flag\""), 1);
    CHECK(strstr(h, "<p class=\"tbl-legend\"><span class=\"flag-mark\">▲</span>"));

    /* the derivation block: collapsed on screen, again for paper */
    CHECK(strstr(h, "<details class=\"dx\"><summary>执行率得分的计算过程</summary>"));
    CHECK(strstr(h, "<div class=\"dx-print print-only\"><p class=\"dx-sum sans\">"
                    "执行率得分的计算过程</p>"));
    CHECK_INT(count(h, "<p>执行率得分 = 98.00% × 10 分 = 9.80 分（规则 exec-rate，"
                       "四舍五入到 0.01）</p>"), 2);

    /* the charts: budget against executed on an axis 0..3000 in steps
     * of 1000 (2200 → 250 × 2200 / 3000 = 183.3), scores against their
     * maxima (9.80 / 10 → 245) */
    CHECK_INT(count(h, "<svg viewBox=\"0 0 360 "), 2);
    CHECK(strstr(h, "<figcaption>各项支出预算数与执行数<span class=\"unit\">"
                    "（单位：万元）</span></figcaption>"));
    CHECK(strstr(h, "<desc id=\"jx-c1-d\">基本支出：预算数 2200.00，执行数 "
                    "2196.00 万元；项目支出：预算数 3000.00，执行数 2900.00 万元；"
                    "政府性基金：预算数 400.00，执行数 396.00 万元</desc>"));
    CHECK(strstr(h, "width=\"183.3\" height=\"13\"/><text x=\"191.3\""));
    CHECK(strstr(h, "width=\"250\" height=\"13\"/>"));
    CHECK(strstr(h, ">2200.00</text>"));
    CHECK(strstr(h, ">3000</text>"));
    CHECK(strstr(h, ">数值（万元）</text>"));
    CHECK(strstr(h, ">预算数</text>"));
    CHECK(strstr(h, ">执行数</text>"));
    CHECK(strstr(h, "width=\"245\" height=\"13\"/>"));
    CHECK(strstr(h, ">9.80 / 10</text>"));
    CHECK(strstr(h, ">29.60 / 30</text>"));
    CHECK(strstr(h, "width=\"246.7\" height=\"13\"/>"));
    CHECK(strstr(h, ">50%</text>"));
    CHECK(strstr(h, ">得分占分值的比例</text>"));
    CHECK(strstr(h, ">分值</text>"));

    jx_buf_release(&b);
    jx_diags_release(&diags);
    jx_arena_free(a);
}

/* Every text is escaped: markup in titles, cells, notes, charts and the
 * running header cannot open an element or end the style sheet. */
static void escaping(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "<script>&\"'</script>");
    d->header = "</style><script>alert(1)</script>\"\\";
    d->footer = "a\nb";
    jx_report_heading(d, 1, "<b>一</b>");
    jx_report_para(d, JX_RS_LIST, "甲 < 乙 & 丙 > 丁");
    jx_report_para(d, JX_RS_LIST, "第二行\n换行");
    jx_report_para(d, JX_RS_BODY, "<img onerror=alert(1)>");
    struct jx_rtable *t = jx_report_table(d, 2, 1);
    t->title = "<t>";
    jx_rtable_cell(d, t, 0, 0, 1, 2, "<th>");
    struct jx_rcell *c = jx_rtable_cell(d, t, 1, 0, 1, 1, "\"q\"");
    c->note = "a\"b<c>&'d\ne";
    jx_rtable_cell(d, t, 1, 1, 1, 1, "x");
    jx_report_para(d, JX_RS_BODY, "发现");
    d->blocks[d->nblocks - 1].finding_sev[JX_SEV_WARNING] = true;
    d->blocks[d->nblocks - 1].finding_sev[JX_SEV_ERROR] = true;
    struct jx_rchart *ch = jx_report_chart(d, JX_CHART_BARS, 1);
    ch->title = "<svg>\n图";
    ch->series[0] = "&";
    ch->labels[0] = "</text><text>\r\n";
    jx_report_chart(d, JX_CHART_PAIRS, 0)->title = "空";
    ch->values[0][0] = jx_rat_int(3);
    struct jx_rdetails *x = jx_report_details(d, "<summary>", 1);
    x->lines[0] = "</details>";

    struct jx_diags diags;
    jx_diags_init(&diags, a);
    struct jx_buf b;
    CHECK_INT(render(d, &b, &diags), 0);
    CHECK_INT(diags.n, 0);
    const char *h = b.p;
    check_clean(h);
    CHECK(strstr(h, "<title>&lt;script&gt;&amp;&quot;&#39;&lt;/script&gt;</title>"));
    CHECK(strstr(h, "@top-center{content:\"\\3c /style\\3e \\3c script\\3e alert(1)"
                    "\\3c /script\\3e \\22 \\5c \";"));
    CHECK(!strstr(h, "</style><script>"));
    CHECK(strstr(h, "@bottom-center{content:\"a\\20 b\\3000 第"));
    CHECK(strstr(h, "<h2>&lt;b&gt;一&lt;/b&gt;</h2>"));
    CHECK(strstr(h, "<ul class=\"list\">\n<li>甲 &lt; 乙 &amp; 丙 &gt; 丁</li>\n"
                    "<li>第二行<br>换行</li>\n</ul>\n"));
    CHECK(strstr(h, "<p class=\"body\">&lt;img onerror=alert(1)&gt;</p>"));
    CHECK(strstr(h, "title=\"a&quot;b&lt;c&gt;&amp;&#39;d&#10;e\""));
    CHECK(strstr(h, "<summary>&quot;q&quot;<sup"));
    CHECK(strstr(h, "<span class=\"cn-body\">a&quot;b&lt;c&gt;&amp;&#39;d<br>e</span>"));
    CHECK(strstr(h, "<p class=\"body sev-error\">发现</p>"));
    /* a newline is <br> in HTML text, a space inside the SVG (where
     * <br> would end the <svg>) */
    CHECK(strstr(h, "<figcaption>&lt;svg&gt;<br>图</figcaption>"));
    CHECK(strstr(h, "<title id=\"jx-c1-t\">&lt;svg&gt; 图</title>"));
    CHECK(strstr(h, ">&lt;/text&gt;&lt;text&gt;</text>"));
    CHECK_INT(count(h, "<br>"), 5); /* list, note twice, caption, footer */
    CHECK(strstr(h, "<figcaption>空</figcaption>\n<p class=\"note center\">"
                    "（无数据）</p>\n</figure>"));
    CHECK_INT(count(h, "<svg "), 1);
    CHECK(strstr(h, "<summary>&lt;summary&gt;</summary>"));
    CHECK(strstr(h, "<p>&lt;/details&gt;</p>"));
    jx_buf_release(&b);
    jx_diags_release(&diags);
    jx_arena_free(a);
}

/* Invalid UTF-8 and control characters become U+FFFD, counted in one
 * warning R202; the file is written. */
static void utf8(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "标题\xff");
    jx_report_para(d, JX_RS_BODY, "a\xc3(b\x01\xe4\xb8\xad\xed\xa0\x80z");
    d->header = "h\xfe";
    struct jx_diags diags;
    jx_diags_init(&diags, a);
    struct jx_buf b;
    CHECK_INT(render(d, &b, &diags), 0);
    check_clean(b.p);
    CHECK(strstr(b.p, "<title>标题\xEF\xBF\xBD</title>"));
    /* a broken lead byte, a control, a surrogate (3 bytes, each one) */
    CHECK(strstr(b.p, "<p class=\"body\">a\xEF\xBF\xBD(b\xEF\xBF\xBD中"
                      "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDz</p>"));
    CHECK(strstr(b.p, "@top-center{content:\"h\\fffd \";"));
    CHECK_INT(diags.n, 1);
    CHECK_STR(diags.a[0].code, "R202");
    CHECK_INT(diags.a[0].severity, JX_SEV_WARNING);
    CHECK(strstr(diags.a[0].msg, "有 9 个无效字符"));
    jx_buf_release(&b);
    jx_diags_release(&diags);
    jx_arena_free(a);
}

/* A buffer too small for the file: -1, R201, and the buffer keeps what
 * it held before. */
static void limit(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_test_report_sample(a);
    struct jx_diags diags;
    jx_diags_init(&diags, a);
    struct jx_buf b;
    jx_buf_init(&b, 20000);
    jx_buf_adds(&b, "before");
    CHECK_INT(jx_report_html(d, &b, &diags), -1);
    CHECK_STR(b.p, "before");
    CHECK_INT(b.len, 6);
    CHECK(b.toobig);
    CHECK_INT(diags.n, 1);
    CHECK_STR(diags.a[0].code, "R201");
    CHECK_INT(diags.a[0].severity, JX_SEV_ERROR);
    CHECK_STR(diags.a[0].msg, "HTML 超过 19994 字节的上限，未生成");
    jx_buf_release(&b);

    /* appended after what the buffer holds */
    jx_diags_release(&diags);
    jx_diags_init(&diags, a);
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    jx_buf_adds(&b, "x");
    CHECK_INT(jx_report_html(d, &b, &diags), 0);
    CHECK(strncmp(b.p, "x<!DOCTYPE html>", 16) == 0);
    CHECK(!b.toobig);
    jx_buf_release(&b);
    jx_diags_release(&diags);
    jx_arena_free(a);
}

/* Cells that collide: a duplicate is dropped, a span running into
 * another cell or out of the header is shortened (R203), gaps are
 * filled so every row has its columns; a huge grid is refused (R204). */
static void cells(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "t");
    struct jx_rtable *t = jx_report_table(d, 3, 1);
    jx_rtable_cell(d, t, 0, 0, 2, 1, "跨入表体");
    jx_rtable_cell(d, t, 0, 1, 1, 2, "表头");
    jx_rtable_cell(d, t, 1, 1, 1, 2, "宽");
    jx_rtable_cell(d, t, 1, 2, 1, 1, "被覆盖");
    jx_rtable_cell(d, t, 1, 1, 1, 1, "重复");
    jx_rtable_cell(d, t, 2, 2, 1, 1, "孤");
    struct jx_diags diags;
    jx_diags_init(&diags, a);
    struct jx_buf b;
    CHECK_INT(render(d, &b, &diags), 0);
    check_clean(b.p);
    CHECK(strstr(b.p, "<thead>\n<tr><th scope=\"col\" class=\"c\">跨入表体</th>"
                      "<th colspan=\"2\" scope=\"colgroup\" class=\"c\">表头</th>"
                      "</tr>\n</thead>\n<tbody>\n<tr><td></td><td colspan=\"2\" "
                      "class=\"l\">宽</td></tr>\n<tr><td></td><td></td><td "
                      "class=\"l\">孤</td></tr>\n</tbody>\n"));
    CHECK(!strstr(b.p, "被覆盖"));
    CHECK(!strstr(b.p, "重复"));
    CHECK_INT(diags.n, 3);
    CHECK(has_code(&diags, "R203"));
    CHECK_INT(diags.a[0].loc.table, 1);
    CHECK_INT(diags.a[0].loc.row, 1);
    CHECK_INT(diags.a[0].loc.column, 1);
    jx_buf_release(&b);

    struct jx_report_doc *big = jx_report_new(a, "t");
    struct jx_rtable *bt = jx_report_table(big, 2, 0);
    jx_rtable_cell(big, bt, 3000, 3000, 1, 1, "x");
    jx_diags_release(&diags);
    jx_diags_init(&diags, a);
    jx_buf_init(&b, JX_REPORT_MAX_BYTES);
    CHECK_INT(jx_report_html(big, &b, &diags), -1);
    CHECK_INT(b.len, 0);
    CHECK_INT(diags.n, 1);
    CHECK_STR(diags.a[0].code, "R204");
    jx_buf_release(&b);
    jx_diags_release(&diags);
    jx_arena_free(a);
}

/* A count chart on a common axis: 0, 5, 10 findings on ticks 0..10 in
 * steps of 2, printed as whole numbers; bars 0, 125 and 250 long. */
static void chart_axis(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "t");
    struct jx_rchart *c = jx_report_chart(d, JX_CHART_BARS, 3);
    c->title = "各类问题条数";
    c->unit = "条";
    c->series[0] = "条数";
    static const char *const lab[3] = {
        "预算执行", "指标设置",
        "一个很长很长很长很长很长很长很长很长很长很长很长很长很长的类别名称"};
    for (int i = 0; i < 3; i++) {
        c->labels[i] = lab[i];
        c->values[0][i] = jx_rat_int(5 * i);
    }
    struct jx_diags diags;
    jx_diags_init(&diags, a);
    struct jx_buf b;
    CHECK_INT(render(d, &b, &diags), 0);
    CHECK_INT(diags.n, 0);
    check_clean(b.p);
    CHECK(strstr(b.p, "width=\"0\" height=\"13\"/><text x=\"8\""));
    CHECK(strstr(b.p, "width=\"125\" height=\"13\"/>"));
    CHECK(strstr(b.p, "width=\"250\" height=\"13\"/>"));
    CHECK(strstr(b.p, ">10</text>"));
    CHECK(strstr(b.p, "text-anchor=\"middle\">2</text>"));
    CHECK(strstr(b.p, "text-anchor=\"middle\">8</text>"));
    CHECK(!strstr(b.p, ">5.00<"));
    CHECK(strstr(b.p, ">数值（条）</text>"));
    CHECK(strstr(b.p, "<desc id=\"jx-c1-d\">预算执行：条数 0 条；"));
    /* the long label takes two lines: 33 wide characters, 27 fit */
    CHECK_INT(count(b.p, "<text x=\"4\" y="), 4);
    jx_buf_release(&b);
    jx_diags_release(&diags);
    jx_arena_free(a);
}

/* Relative links become <a href>; any other is left out with R205. */
static void links(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *d = jx_report_new(a, "index");
    struct jx_rtable *t = jx_report_table(d, 1, 0);
    static const char *const urls[] = {
        "单位/自评报告.html", "a b.pdf",  "javascript:alert(1)",
        "https://x.cn/",     "//x.cn/a", "java\nscript:x",
        " //x.cn/a",         "./x:y.html", "../r.docx?x=1&y=2"};
    for (int i = 0; i < 9; i++) {
        jx_rtable_cell(d, t, i, 0, 1, 1, "报告")->link = urls[i];
    }
    struct jx_diags diags;
    jx_diags_init(&diags, a);
    struct jx_buf b;
    CHECK_INT(render(d, &b, &diags), 0);
    check_clean(b.p);
    CHECK(strstr(b.p, "<a href=\"单位/自评报告.html\">报告</a>"));
    CHECK(strstr(b.p, "<a href=\"a b.pdf\">报告</a>"));
    CHECK(strstr(b.p, "<a href=\"./x:y.html\">报告</a>"));
    CHECK(strstr(b.p, "<a href=\"../r.docx?x=1&amp;y=2\">报告</a>"));
    CHECK_INT(count(b.p, "<a href="), 4);
    CHECK_INT(diags.n, 5);
    CHECK_STR(diags.a[0].code, "R205");
    CHECK_INT(diags.a[0].loc.row, 3);
    jx_buf_release(&b);
    jx_diags_release(&diags);
    jx_arena_free(a);
}

const struct jx_test t_report_html[] = {
    {"report_html.sample", sample},
    {"report_html.escaping", escaping},
    {"report_html.utf8", utf8},
    {"report_html.limit", limit},
    {"report_html.cells", cells},
    {"report_html.chart_axis", chart_axis},
    {"report_html.links", links},
    {NULL, NULL},
};
