/*
 * t_report_index.c - tests of the summary page of a batch run
 * (lib/report/report_index.c): the ranking, each document and format a
 * link of its own (href escaped), the 待判断 range, unreadable inputs,
 * the running line, and the page streamed in pieces equal to the whole.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include "jixiao/report_index.h"

/* A rational from a decimal string. */
static struct jx_rat rat(const char *s)
{
    struct jx_rat r;
    if (jx_rat_parse(s, strlen(s), &r, NULL, NULL) != JX_NUM_OK) {
        jx_test_fail(__FILE__, __LINE__, "bad number %s", s);
    }
    return r;
}

/* The number of times needle occurs in hay. */
static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p;
         p = strstr(p + strlen(needle), needle)) {
        n++;
    }
    return n;
}

/* Highest 复核总分 first; ties and units without one in input order. */
static void t_rank(void)
{
    struct jx_index_unit u[5];
    memset(u, 0, sizeof u);
    const char *totals[5] = {"90", "95.5", NULL, "95.5", "99.01"};
    for (int i = 0; i < 5; i++) {
        u[i].has_total = totals[i] != NULL;
        if (totals[i]) {
            u[i].total = rat(totals[i]);
        }
    }
    size_t order[5];
    jx_index_rank(u, 5, order);
    CHECK_INT(order[0], 4);
    CHECK_INT(order[1], 1);
    CHECK_INT(order[2], 3);
    CHECK_INT(order[3], 0);
    CHECK_INT(order[4], 2);
    jx_index_rank(u, 0, order); /* nothing to do */
    CHECK_STR(jx_index_file(JX_IDX_FINDINGS, JX_IDX_PDF), "findings.pdf");
    CHECK_STR(jx_index_file(JX_IDX_ASSESSMENT, JX_IDX_XLSX),
              "assessment.xlsx");
    CHECK_STR(jx_index_file(JX_IDX_NDOCS, JX_IDX_PDF), "");
}

/* Every document and format written is a link into the unit's folder
 * (escaped); the pending 考核评分表 shows its range and 待判断. */
static void t_rows(void)
{
    struct jx_index_unit u[3];
    memset(u, 0, sizeof u);
    u[0].file = "a/自评报告.txt";
    u[0].dir = "示例 单位#1";
    u[0].unit = "示例<单位>&\"1\"";
    u[0].year = 2024;
    u[0].has_total = u[0].has_stated = true;
    u[0].total = rat("99.6");
    u[0].stated = rat("99.5");
    u[0].grade = "优";
    u[0].errors = 2;
    u[0].warnings = 1;
    u[0].has_assess = true;
    u[0].assess = rat("45");
    u[0].assess_lo = rat("45");
    u[0].assess_hi = rat("95");
    u[0].judge = 3;
    u[0].assess_grade = "中";
    u[0].docs[JX_IDX_REPORT] = 1u << JX_IDX_HTML | 1u << JX_IDX_PDF |
                               1u << JX_IDX_DOCX | 1u << JX_IDX_XLSX;
    u[0].docs[JX_IDX_FINDINGS] = 1u << JX_IDX_HTML;
    u[1].file = "b/坏.txt"; /* could not be read */
    u[2].file = "c/自评报告.txt";
    u[2].dir = "乙-2024";
    u[2].unit = "乙";
    u[2].year = 2024;
    u[2].has_total = true;
    u[2].total = rat("80");
    u[2].has_assess = true;
    u[2].assess = rat("88.125");
    u[2].assess_lo = u[2].assess_hi = u[2].assess;
    u[2].assess_grade = "良";
    u[2].docs[JX_IDX_ASSESSMENT] = 1u << JX_IDX_PDF;
    struct jx_index ix = {u, 3, 3, true};
    struct jx_buf b;
    jx_buf_init(&b, 1u << 22);
    CHECK_INT(jx_report_index_html(&ix, &b), 0);
    const char *h = b.p;
    CHECK(strncmp(h, "<!DOCTYPE html>", 15) == 0);
    CHECK(strstr(h, "</html>\n") != NULL);
    CHECK(strstr(h, "<title>预算绩效自评汇总（2 个单位）</title>") != NULL);
    CHECK(strstr(h, "尚未结束") == NULL);
    /* the unit's name links to its first document; every format too */
    CHECK(strstr(h, "<a href=\"示例%20单位%231/report.html\">示例&lt;单位&gt;"
                    "&amp;&quot;1&quot;</a>") != NULL);
    CHECK_INT(count(h, "href=\"示例%20单位%231/"), 6);
    CHECK(strstr(h, "<a href=\"示例%20单位%231/report.xlsx\">XLSX</a>") != NULL);
    CHECK(strstr(h, "<a href=\"示例%20单位%231/findings.html\">HTML</a>") !=
          NULL);
    CHECK_INT(count(h, "href=\"乙-2024/"), 2); /* name and the PDF */
    CHECK(strstr(h, "<a href=\"乙-2024/assessment.pdf\">PDF</a>") != NULL);
    CHECK_INT(count(h, "href="), 8);
    /* the range and 待判断 while judgements are pending, else the
     * total and its grade */
    CHECK(strstr(h, "<td class=\"num\">45.00–95.00</td><td class=\"c\">"
                    "<span class=\"pending\">待判断（3 项）</span></td>") !=
          NULL);
    CHECK(strstr(h, "<td class=\"num\">88.13</td><td class=\"c\">良</td>") !=
          NULL);
    CHECK(strstr(h, ">中<") == NULL);
    /* a stated total that differs is marked; errors stand out */
    CHECK(strstr(h, "<td class=\"num diff\" title=\"与复核总分不同\">99.50") !=
          NULL);
    CHECK(strstr(h, "<td class=\"num err\">2</td><td class=\"num\">1</td>") !=
          NULL);
    /* ranked: 示例 (99.60), 乙 (80.00), then the unreadable input */
    const char *p0 = strstr(h, "<td class=\"num\">1</td>");
    const char *p2 = strstr(h, "<td class=\"num\">2</td><td class=\"unit\">"
                               "<a href=\"乙-2024/");
    const char *p3 = strstr(h, "<td class=\"num\">3</td><td class=\"unit\">"
                               "<span class=\"err\">无法读取</span>"
                               "<div class=\"src\">b/坏.txt</div>");
    CHECK(p0 && p2 && p3 && p0 < p2 && p2 < p3);
    CHECK(strstr(h, "1 个文件无法读取") != NULL);
    CHECK(strstr(h, "<th scope=\"col\" class=\"unit\">单位</th>") != NULL);
    jx_buf_release(&b);
    /* written while the run goes on */
    ix.n = 1;
    ix.complete = false;
    jx_buf_init(&b, 1u << 22);
    CHECK_INT(jx_report_index_html(&ix, &b), 0);
    CHECK(strstr(b.p, "本次运行尚未结束（或已中断）：已完成 1 / 3 个文件") !=
          NULL);
    CHECK_INT(count(b.p, "<tr><td"), 1);
    jx_buf_release(&b);
}

/* A sink that appends to a buffer, counting the pieces and the largest;
 * refuses after fail_after pieces when that is not 0. */
struct pieces {
    struct jx_buf all;
    size_t n, largest, fail_after;
};

/* Append one piece (see struct pieces). */
static int piece(void *ctx, const char *p, size_t n)
{
    struct pieces *s = ctx;
    if (s->fail_after && s->n == s->fail_after) {
        return -1;
    }
    s->n++;
    s->largest = n > s->largest ? n : s->largest;
    return jx_buf_add(&s->all, p, n);
}

/* A page of 3,000 rows comes in pieces of about 64 KB whose
 * concatenation is the page; a sink that stops stops the page. */
static void t_stream(void)
{
    enum { N = 3000 };
    struct jx_index_unit *u = calloc(N, sizeof *u);
    char (*names)[32] = calloc(N, sizeof *names);
    CHECK(u && names);
    if (!u || !names) {
        return;
    }
    for (size_t i = 0; i < N; i++) {
        snprintf(names[i], sizeof names[i], "单位%zu", i);
        u[i].file = u[i].dir = u[i].unit = names[i];
        u[i].has_total = true;
        u[i].total = jx_rat_int((int64_t)(i % 100));
        u[i].docs[JX_IDX_REPORT] = 1u << JX_IDX_HTML;
    }
    struct jx_index ix = {u, N, N, true};
    struct jx_buf whole;
    jx_buf_init(&whole, 1u << 26);
    CHECK_INT(jx_report_index_html(&ix, &whole), 0);
    struct pieces s;
    memset(&s, 0, sizeof s);
    jx_buf_init(&s.all, 1u << 26);
    CHECK_INT(jx_report_index_write(&ix, piece, &s), 0);
    CHECK(s.all.len == whole.len && memcmp(s.all.p, whole.p, whole.len) == 0);
    CHECK(s.n > whole.len / 70000);
    CHECK(s.largest < 70000);
    CHECK_INT(count(whole.p, "<tr><td"), N);
    jx_buf_release(&s.all);
    memset(&s, 0, sizeof s);
    jx_buf_init(&s.all, 1u << 26);
    s.fail_after = 2;
    CHECK_INT(jx_report_index_write(&ix, piece, &s), -1);
    CHECK_INT(s.n, 2);
    jx_buf_release(&s.all);
    jx_buf_release(&whole);
    free(names);
    free(u);
}

const struct jx_test t_report_index[] = {
    {"report_index_rank", t_rank},
    {"report_index_rows", t_rows},
    {"report_index_stream", t_stream},
    {NULL, NULL},
};
