/* t_report.c - the report builder (lib/report/report.c) through its text
 * rendering: sections, attachments with recomputed cells and formulas,
 * flagged cells, charts, appendices. */
#include "harness.h"

#include "jixiao/check.h"
#include "jixiao/pkgjson.h"
#include "jixiao/report.h"

#include <stdlib.h>
#include <string.h>

/* Load a package file under JX_SRCDIR into a; NULL on failure. */
static struct jx_package *load(struct jx_arena *a, const char *rel,
                               struct jx_diags *d)
{
    char *text = NULL;
    size_t len = 0;
    const char *path = jx_sprintf(a, "%s/%s", jx_test_srcdir, rel);
    if (jx_read_file(path, 1u << 24, &text, &len) != 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot read %s", path);
        return NULL;
    }
    struct jx_package *p = jx_pkgjson_load(a, rel, text, len, d);
    free(text);
    return p;
}

/* The text rendering of the 自评报告 of rel (with appendices). */
static const char *report_text(struct jx_arena *a, const char *rel)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(a, rel, &d);
    if (!p) {
        return "";
    }
    struct jx_policy pol;
    struct jx_check_config cfg;
    jx_policy_default(&pol);
    jx_check_config_default(&cfg);
    const struct jx_eval *ev = jx_score(a, p, &pol, &d);
    jx_check(a, p, ev, &cfg, &d);
    struct jx_report_opts o = {true, true, NULL};
    struct jx_report_doc *doc = jx_report_build(a, p, ev, &d, &o);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    CHECK_INT(jx_report_text(doc, &b), 0);
    const char *s = jx_strdup(a, b.p);
    jx_buf_release(&b);
    jx_diags_release(&d);
    return s;
}

/* Assert that hay contains needle. */
#define HAS(hay, needle)                                                  \
    do {                                                                  \
        if (!strstr((hay), (needle))) {                                   \
            jx_test_fail(__FILE__, __LINE__, "missing: %s", (needle));    \
        }                                                                 \
    } while (0)

/* The example: ten sections, recomputed cells with formulas, charts. */
static void t_example(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *s = report_text(a, "examples/project_bureau_2024.json");
    HAS(s, "# 一、单位基本情况");
    HAS(s, "# 十、其他需要说明的情况");
    HAS(s, "复核结果：全年预算数 5200.00万元，全年执行数 5096.00万元，执行率 98.00%，"
           "执行率得分 9.80 分；自评总分复核为 99.60 分，等级“优”");
    HAS(s, " | 120 | 116 | 96.67%[=ROUND(C5/B5,4)]");
    HAS(s, " | 年度资金总额<2×1> | 4900.00 | 5200.00 | 5096.00 | 10 | "
           "98.00%[=ROUND(F5/E5,4)] | 9.80[=ROUND(MIN(H5,1)*G5,2)]");
    HAS(s, "【图】整体支出绩效自评得分（按一级指标）（分）");
    HAS(s, "  项目支出：预算数 2950.00，决算数 2900.00");
    HAS(s, "# 附件3（3）");
    HAS(s, "# 附录一 审核意见");
    HAS(s, "# 附录二 计算过程");
    HAS(s, "▸ 执行率：98.00%");
    jx_arena_free(a);
}

/* A package whose stated figures disagree: flagged cells. */
static void t_flagged(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *s = report_text(a, "tests/data/full_package.json");
    HAS(s, "※");
    jx_arena_free(a);
}

/* The findings report: counts, a chart, findings by family. */
static void t_findings(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = load(a, "tests/data/check_arith_sums.json", &d);
    CHECK(p != NULL);
    struct jx_policy pol;
    struct jx_check_config cfg;
    jx_policy_default(&pol);
    jx_check_config_default(&cfg);
    const struct jx_eval *ev = jx_score(a, p, &pol, &d);
    jx_check(a, p, ev, &cfg, &d);
    struct jx_report_doc *doc = jx_report_findings(a, p, &d);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 22);
    jx_report_text(doc, &b);
    HAS(b.p, "绩效自评审核意见");
    HAS(b.p, "【图】发现按类别统计（条）");
    HAS(b.p, "## 数字计算");
    HAS(b.p, "【C102 错误】");
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

const struct jx_test t_report[] = {
    {"report.example", t_example},
    {"report.flagged", t_flagged},
    {"report.findings", t_findings},
    {NULL, NULL},
};
