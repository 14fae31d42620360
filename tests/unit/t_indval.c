/*
 * t_indval.c - tests of indicator values: every target and actual of
 * the seed tables, normalisation (full-width, LaTeX), word operators,
 * ranges, units, dates, direction, comparability and garbage.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/base.h"
#include "jixiao/dec.h"
#include "jixiao/indval.h"

/* One expected parse of a number (or of anything without a number:
 * then num is NULL and only kind, op and has_prefix are checked). */
struct ivcase {
    const char *text;
    enum jx_iv_kind kind;
    enum jx_iv_op op;
    const char *num;  /* exact decimal of num (base units), or NULL */
    const char *hi;   /* exact decimal of hi, NULL: same as num */
    const char *unit; /* expected unit text */
    enum jx_unit_dim dim;
    bool prefix;      /* expected has_prefix */
};

#define NUM(t, op, n, u, d) {t, JX_IV_NUMBER, JX_OP_##op, n, NULL, u, JX_DIM_##d, false}
#define PNUM(t, op, n, u, d) {t, JX_IV_NUMBER, JX_OP_##op, n, NULL, u, JX_DIM_##d, true}
#define RANGE(t, lo, hi, u, d) {t, JX_IV_NUMBER, JX_OP_RANGE, lo, hi, u, JX_DIM_##d, false}
#define KIND(t, k) {t, JX_IV_##k, JX_OP_NONE, NULL, NULL, NULL, JX_DIM_NONE, false}

/* Exact decimal text of r in buf (owned by the caller). */
static const char *rat_text(struct jx_rat r, char *buf)
{
    const char *s = jx_rat_format_exact(r, false, buf);
    return s ? s : "(no finite decimal)";
}

/* Parse c->text and check every field the case names; failures name
 * the text and the table line. */
static void check_case(struct jx_arena *a, const struct ivcase *c)
{
    struct jx_indval v;
    char buf[JX_NUM_BUFSZ];
    jx_indval_parse(a, c->text, strlen(c->text), &v);
    if (v.kind != c->kind) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": kind %s, expected %s (%s)",
                     c->text, jx_iv_kind_name(v.kind),
                     jx_iv_kind_name(c->kind),
                     v.reason ? v.reason : "no reason");
        return;
    }
    if (v.op != c->op) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": op %s, expected %s",
                     c->text, jx_iv_op_name(v.op), jx_iv_op_name(c->op));
    }
    if (v.has_prefix != c->prefix) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": has_prefix %d", c->text,
                     (int)v.has_prefix);
    }
    if (v.norm == NULL) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": norm is NULL", c->text);
    }
    if (c->kind == JX_IV_UNPARSED && (v.reason == NULL || !v.reason[0])) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": no reason", c->text);
    }
    if (c->kind != JX_IV_NUMBER || c->num == NULL) {
        return;
    }
    const char *num = rat_text(v.num, buf);
    if (strcmp(num, c->num) != 0) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": num %s, expected %s",
                     c->text, num, c->num);
    }
    const char *hi = rat_text(v.hi, buf);
    const char *ehi = c->hi ? c->hi : c->num;
    if (strcmp(hi, ehi) != 0) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": hi %s, expected %s",
                     c->text, hi, ehi);
    }
    if (v.unit == NULL || strcmp(v.unit, c->unit) != 0) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": unit \"%s\", expected \"%s\"",
                     c->text, v.unit ? v.unit : "(null)", c->unit);
    }
    if (v.dim != c->dim) {
        jx_test_fail(__FILE__, __LINE__, "\"%s\": dim %s, expected %s",
                     c->text, jx_unit_dim_name(v.dim),
                     jx_unit_dim_name(c->dim));
    }
}

/* Check every case of a table (n entries). */
static void check_table(const struct ivcase *cases, size_t n)
{
    struct jx_arena *a = jx_arena_new();
    for (size_t i = 0; i < n; i++) {
        check_case(a, &cases[i]);
    }
    jx_arena_free(a);
}

#define CHECK_TABLE(t) check_table((t), sizeof(t) / sizeof((t)[0]))

/* Every 预期指标值 and 实际完成指标值 of seed 002's table. */
static void seed002(void)
{
    static const struct ivcase cases[] = {
        NUM("15人", NONE, "15", "人", COUNT),
        NUM("430套", NONE, "430", "套", COUNT),
        NUM("≥5次", GE, "5", "次", COUNT),
        NUM("1套", NONE, "1", "套", COUNT),
        NUM("100%", NONE, "1", "%", PERCENT),
        NUM("≥95%", GE, "0.95", "%", PERCENT),
        NUM("$\\geq 95\\%$", GE, "0.95", "%", PERCENT),
        NUM("$\\leq 2\\%$", LE, "0.02", "%", PERCENT),
        KIND("2023年12月20日完成", DATE),
        KIND("不适用", NA),
        KIND("明显", QUALITATIVE),
        NUM("$\\geq 90\\%$", GE, "0.9", "%", PERCENT),
        KIND("无", EMPTY),
    };
    CHECK_TABLE(cases);
}

/* Every 年度指标值 and 实际完成值 of seed 003's 整体支出绩效自评表 (and the
 * "……" and "/" of its blank project form). */
static void seed003(void)
{
    static const struct ivcase cases[] = {
        NUM("≧100篇", GE, "100", "篇", COUNT),
        NUM("160篇", NONE, "160", "篇", COUNT),
        NUM("≧6个", GE, "6", "个", COUNT),
        NUM("12个", NONE, "12", "个", COUNT),
        NUM("≥90%", GE, "0.9", "%", PERCENT),
        NUM("102.07%", NONE, "1.0207", "%", PERCENT),
        NUM("≧2000万元", GE, "20000000", "万元", MONEY),
        NUM("2606.21万元", NONE, "26062100", "万元", MONEY),
        NUM("≧20次", GE, "20", "次", COUNT),
        NUM("25次", NONE, "25", "次", COUNT),
        NUM("≧98%", GE, "0.98", "%", PERCENT),
        NUM("100%", NONE, "1", "%", PERCENT),
        NUM("≧100%", GE, "1", "%", PERCENT),
        KIND("及时", QUALITATIVE),
        PNUM("预算金额≤1902.68万元", LE, "19026800", "万元", MONEY),
        NUM("1902.68万", NONE, "19026800", "万元", MONEY),
        KIND("持续推进", QUALITATIVE),
        KIND("有效提升", QUALITATIVE),
        KIND("明显提升", QUALITATIVE),
        KIND("持续发展", QUALITATIVE),
        NUM("≧95%", GE, "0.95", "%", PERCENT),
        NUM("98%", NONE, "0.98", "%", PERCENT),
        KIND("……", EMPTY),
        KIND("/", EMPTY),
    };
    CHECK_TABLE(cases);
}

/* The normalised text and word of a few values. */
static void norm_text(void)
{
    static const struct {
        const char *text;
        const char *norm;
    } cases[] = {
        {"$\\geq 95\\%$", "≥95%"},
        {"≧１００篇", "≥100篇"},
        {"＞＝ 95 ％", "≥95%"},
        {"=>95%", "≥95%"},
        {"<=2%", "≤2%"},
        {"＜＝2％", "≤2%"},
        {"≦2%", "≤2%"},
        {"≥=95%", "≥95%"},
        {"1,000,000元", "1000000元"},
        {"１，０００元", "1000元"},
        {"1,2", "1,2"},
        {"\\textgreater{}80\\%", ">80%"},
        {"$\\geqslant$ 90\\%", "≥90%"},
        {"≥500m^{2}", "≥500m²"},
        {"90%～95%", "90%~95%"},
        {"90%—95%", "90%-95%"},
        {"……", "……"},
        {" 有效 提升。", "有效提升"},
        {"\xE3\x80\x80及时\xE2\x80\x8B", "及时"},
        {"\\unknown{x}", "unknownx"},
        {"\\te{xtgreater{开支", "textgreater开支"},
        /* plain texts the passes leave alone, and their neighbours */
        {"≥95%", "≥95%"},
        {"及时、有效", "及时、有效"},
        {"及时。", "及时"},
        {"12个;", "12个"},
        {"5m2", "5m²"},
        {"1-2", "1-2"},
        {"1－2", "1-2"},
    };
    struct jx_arena *a = jx_arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct jx_indval v;
        jx_indval_parse(a, cases[i].text, strlen(cases[i].text), &v);
        CHECK_STR(v.norm, cases[i].norm);
        /* normalising is a fixed point */
        struct jx_indval w;
        jx_indval_parse(a, v.norm, strlen(v.norm), &w);
        CHECK_STR(w.norm, v.norm);
        CHECK_INT(w.kind, v.kind);
    }
    struct jx_indval q;
    jx_indval_parse(a, " 明显 ", 8, &q);
    CHECK_INT(q.kind, JX_IV_QUALITATIVE);
    CHECK_STR(q.word, "明显");
    CHECK(q.reason == NULL);
    CHECK(q.unit == NULL);
    jx_arena_free(a);
}

/* Full-width digits, operators, separators and LaTeX forms. */
static void fullwidth_latex(void)
{
    static const struct ivcase cases[] = {
        NUM("≧１００篇", GE, "100", "篇", COUNT),
        NUM("＞＝95％", GE, "0.95", "%", PERCENT),
        NUM("＜＝2％", LE, "0.02", "%", PERCENT),
        NUM("＝100%", EQ, "1", "%", PERCENT),
        NUM("＞80％", GT, "0.8", "%", PERCENT),
        NUM("＜1％", LT, "0.01", "%", PERCENT),
        NUM("≦１９０２．６８万元", LE, "19026800", "万元", MONEY),
        NUM("１，０００元", NONE, "1000", "元", MONEY),
        NUM("1,000,000元", NONE, "1000000", "元", MONEY),
        NUM(" ≥ 95 % ", GE, "0.95", "%", PERCENT),
        NUM("$\\ge 95\\%$", GE, "0.95", "%", PERCENT),
        NUM("\\geqslant 90\\%", GE, "0.9", "%", PERCENT),
        NUM("$\\leqslant$ 5\\%", LE, "0.05", "%", PERCENT),
        NUM("$\\leq$ 3天", LE, "3", "天", TIME),
        NUM("\\textgreater{}80\\%", GT, "0.8", "%", PERCENT),
        NUM("\\textless{} 1\\%", LT, "0.01", "%", PERCENT),
        NUM("$95\\%$", NONE, "0.95", "%", PERCENT),
        NUM("$\\geq 95\\,\\%$", GE, "0.95", "%", PERCENT),
        NUM("≥500m^{2}", GE, "500", "平方米", AREA),
        NUM("≥500㎡", GE, "500", "平方米", AREA),
        NUM("⩾90%", GE, "0.9", "%", PERCENT),
        NUM("95%。", NONE, "0.95", "%", PERCENT),
    };
    CHECK_TABLE(cases);
}

/* Operators written as words, before or after the number. */
static void word_ops(void)
{
    static const struct ivcase cases[] = {
        NUM("不低于95%", GE, "0.95", "%", PERCENT),
        NUM("不少于10次", GE, "10", "次", COUNT),
        NUM("不高于5%", LE, "0.05", "%", PERCENT),
        NUM("不超过100万元", LE, "1000000", "万元", MONEY),
        NUM("大于等于90%", GE, "0.9", "%", PERCENT),
        NUM("小于或等于2%", LE, "0.02", "%", PERCENT),
        NUM("高于80%", GT, "0.8", "%", PERCENT),
        NUM("低于1%", LT, "0.01", "%", PERCENT),
        NUM("达到100%", GE, "1", "%", PERCENT),
        NUM("95%以上", GE, "0.95", "%", PERCENT),
        NUM("10人及以上", GE, "10", "人", COUNT),
        NUM("5%以下", LE, "0.05", "%", PERCENT),
        NUM("3天以内", LE, "3", "天", TIME),
        NUM("3个工作日内", LE, "3", "工作日", TIME),
        NUM("≥95%以上", GE, "0.95", "%", PERCENT),
        NUM("控制在1902.68万元以内", LE, "19026800", "万元", MONEY),
        NUM("100%(含)", NONE, "1", "%", PERCENT),
        NUM("90%以上（含）", GE, "0.9", "%", PERCENT),
        NUM("100人左右", NONE, "100", "人", COUNT),
        NUM("约100人", NONE, "100", "人", COUNT),
        NUM("累计15人", NONE, "15", "人", COUNT),
        NUM("100%完成", NONE, "1", "%", PERCENT),
        PNUM("满意度≥90%", GE, "0.9", "%", PERCENT),
        PNUM("完成率达到95%", GE, "0.95", "%", PERCENT),
        PNUM("预算金额:100万元", NONE, "1000000", "万元", MONEY),
        PNUM("预算金额：100万元", NONE, "1000000", "万元", MONEY),
        KIND("≥95%以下", UNPARSED),
        KIND("不低于95%以内", UNPARSED),
        KIND("95%以上以下", UNPARSED),
        KIND("95%之间", UNPARSED),
    };
    CHECK_TABLE(cases);
}

/* Units: percent forms, money, counts with 万, durations, areas and
 * unknown units. */
static void units(void)
{
    static const struct ivcase cases[] = {
        NUM("95百分比", NONE, "0.95", "%", PERCENT),
        NUM("百分之95", NONE, "0.95", "%", PERCENT),
        NUM("不低于百分之90", GE, "0.9", "%", PERCENT),
        NUM("百分之百", NONE, "1", "%", PERCENT),
        NUM("2个百分点", NONE, "0.02", "百分点", PERCENT),
        NUM("≤0.5百分点", LE, "0.005", "百分点", PERCENT),
        NUM("5‰", NONE, "0.005", "‰", PERCENT),
        NUM("3000元", NONE, "3000", "元", MONEY),
        NUM("12.5千元", NONE, "12500", "元", MONEY),
        NUM("1.5百万元", NONE, "1500000", "万元", MONEY),
        NUM("5亿元", NONE, "500000000", "亿元", MONEY),
        NUM("1.5亿", NONE, "150000000", "亿元", MONEY),
        NUM("0.000001万元", NONE, "0.01", "万元", MONEY),
        NUM("5万人次", NONE, "50000", "人次", COUNT),
        NUM("1.2万户", NONE, "12000", "户", COUNT),
        NUM("≥3户次", GE, "3", "户次", COUNT),
        NUM("2万平方米", NONE, "20000", "平方米", AREA),
        NUM("100m2", NONE, "100", "平方米", AREA),
        NUM("100m²", NONE, "100", "平方米", AREA),
        NUM("10亩", NONE, "10", "亩", AREA),
        /* a rate per thing: its own unit */
        NUM("每亩300", NONE, "300", "每亩", OTHER),
        NUM("每人每月500元", NONE, "500", "元每人每月", OTHER),
        NUM("≤3天", LE, "3", "天", TIME),
        NUM("3日", NONE, "3", "天", TIME),
        NUM("2年", NONE, "2", "年", TIME),
        NUM("3个月", NONE, "3", "月", TIME),
        NUM("≤3月", LE, "3", "月", TIME),
        NUM("24小时", NONE, "24", "小时", TIME),
        NUM("5个社区", NONE, "5", "个社区", OTHER),
        NUM("3吨", NONE, "3", "吨", OTHER),
        NUM("≤500元/人", LE, "500", "元/人", OTHER),
        NUM("5万吨", NONE, "50000", "万吨", OTHER),
        NUM("15", NONE, "15", "", NONE),
        NUM("0.5", NONE, "0.5", "", NONE),
        NUM("-5%", NONE, "-0.05", "%", PERCENT),
        NUM("≥-5%", GE, "-0.05", "%", PERCENT),
        NUM("2024.06", NONE, "2024.06", "", NONE),
        NUM("95.00%", NONE, "0.95", "%", PERCENT),
    };
    CHECK_TABLE(cases);
}

/* Ranges with "-", "~", "至", dashes and units on one or both ends. */
static void ranges(void)
{
    static const struct ivcase cases[] = {
        RANGE("90%-95%", "0.9", "0.95", "%", PERCENT),
        RANGE("90~95%", "0.9", "0.95", "%", PERCENT),
        RANGE("90%至95%", "0.9", "0.95", "%", PERCENT),
        RANGE("90%～95%", "0.9", "0.95", "%", PERCENT),
        RANGE("90%—95%", "0.9", "0.95", "%", PERCENT),
        RANGE("90%到95%", "0.9", "0.95", "%", PERCENT),
        RANGE("90%-95%之间", "0.9", "0.95", "%", PERCENT),
        RANGE("1-3个", "1", "3", "个", COUNT),
        RANGE("10万-20万元", "100000", "200000", "万元", MONEY),
        RANGE("5-5次", "5", "5", "次", COUNT),
        RANGE("1-2", "1", "2", "", NONE),
        RANGE("2023-2024", "2023", "2024", "", NONE),
        KIND("95%-90%", UNPARSED),
        KIND("90%-95个", UNPARSED),
        KIND("≥90%-95%", UNPARSED),
        KIND("90%以上-95%", UNPARSED),
        KIND("90%-95%以上", UNPARSED),
        KIND("1-2-3", UNPARSED),
    };
    CHECK_TABLE(cases);
    struct jx_arena *a = jx_arena_new();
    struct jx_indval v;
    jx_indval_parse(a, "95%-90%", strlen("95%-90%"), &v);
    CHECK_STR(v.reason, "区间下限“95”大于上限“90”");
    jx_indval_parse(a, "90%-95个", strlen("90%-95个"), &v);
    CHECK_STR(v.reason, "区间两端的单位不一致：“%”与“个”");
    jx_arena_free(a);
}

/* One expected date. */
struct datecase {
    const char *text;
    int y, m, d;
    enum jx_iv_op op;
    bool prefix;
};

/* Dates in Chinese and ISO forms, deadlines, ends of months. */
static void dates(void)
{
    static const struct datecase cases[] = {
        {"2023年12月20日完成", 2023, 12, 20, JX_OP_NONE, false},
        {"2023年12月底前", 2023, 12, 31, JX_OP_LE, false},
        {"12月31日前", 0, 12, 31, JX_OP_LE, false},
        {"2024-06-30", 2024, 6, 30, JX_OP_NONE, false},
        {"2024/6/30", 2024, 6, 30, JX_OP_NONE, false},
        {"2025.07.11", 2025, 7, 11, JX_OP_NONE, false},
        {"2024-06", 2024, 6, 0, JX_OP_NONE, false},
        {"2023年", 2023, 0, 0, JX_OP_NONE, false},
        {"2023年度", 2023, 0, 0, JX_OP_NONE, false},
        {"2024年6月", 2024, 6, 0, JX_OP_NONE, false},
        {"2024年6月份", 2024, 6, 0, JX_OP_NONE, false},
        {"2024年2月底前", 2024, 2, 29, JX_OP_LE, false},
        {"2023年2月底", 2023, 2, 28, JX_OP_NONE, false},
        {"6月底前", 0, 6, 30, JX_OP_LE, false},
        {"6月", 0, 6, 0, JX_OP_NONE, false},
        {"2023年底前", 2023, 12, 31, JX_OP_LE, false},
        {"2024年上半年", 2024, 6, 30, JX_OP_NONE, false},
        {"2024年9月中旬", 2024, 9, 20, JX_OP_NONE, false},
        {"2024年9月下旬前", 2024, 9, 30, JX_OP_LE, false},
        {"2024年10月1日起", 2024, 10, 1, JX_OP_GE, false},
        {"计划2024年6月完成", 2024, 6, 0, JX_OP_NONE, true},
        {"不晚于2023年12月31日", 2023, 12, 31, JX_OP_LE, false},
        {"≤2023年12月31日", 2023, 12, 31, JX_OP_LE, false},
        {"２０２３年１２月２０日", 2023, 12, 20, JX_OP_NONE, false},
        {"2024年12月31号前", 2024, 12, 31, JX_OP_LE, false},
    };
    struct jx_arena *a = jx_arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct datecase *c = &cases[i];
        struct jx_indval v;
        jx_indval_parse(a, c->text, strlen(c->text), &v);
        if (v.kind != JX_IV_DATE) {
            jx_test_fail(__FILE__, __LINE__, "\"%s\": kind %s (%s)", c->text,
                         jx_iv_kind_name(v.kind),
                         v.reason ? v.reason : "no reason");
            continue;
        }
        if (v.y != c->y || v.m != c->m || v.d != c->d || v.op != c->op ||
            v.has_prefix != c->prefix) {
            jx_test_fail(__FILE__, __LINE__,
                         "\"%s\": %d-%d-%d op %s prefix %d", c->text, v.y,
                         v.m, v.d, jx_iv_op_name(v.op), (int)v.has_prefix);
        }
    }
    static const struct ivcase bad[] = {
        KIND("2023年2月30日", UNPARSED),
        KIND("2023年13月", UNPARSED),
        KIND("2024-13-01", UNPARSED),
        KIND("2024-00-10", UNPARSED),
        KIND("2023年2月29日", UNPARSED),
        KIND("2023年12月20日完成95%", UNPARSED),
        KIND("2023年12月31日前≥", UNPARSED),
    };
    CHECK_TABLE(bad);
    struct jx_indval v;
    jx_indval_parse(a, "2023年2月29日", strlen("2023年2月29日"), &v);
    CHECK_STR(v.reason, "日期无效：2023年2月没有29日");
    jx_arena_free(a);
}

/* Words, empty cells and "not applicable". */
static void words_empty_na(void)
{
    static const struct ivcase cases[] = {
        KIND("按时", QUALITATIVE),
        KIND("按期完成", QUALITATIVE),
        KIND("良好", QUALITATIVE),
        KIND("稳定", QUALITATIVE),
        KIND("达标", QUALITATIVE),
        KIND("合格", QUALITATIVE),
        KIND("是", QUALITATIVE),
        KIND("否", QUALITATIVE),
        KIND("逐步完善", QUALITATIVE),
        KIND("年底前完成", QUALITATIVE),
        KIND("", EMPTY),
        KIND("   ", EMPTY),
        KIND("-", EMPTY),
        KIND("—", EMPTY),
        KIND("——", EMPTY),
        KIND("…", EMPTY),
        KIND("……", EMPTY),
        KIND("/", EMPTY),
        KIND("／", EMPTY),
        KIND("无", EMPTY),
        KIND("暂无", EMPTY),
        KIND("不适用", NA),
        KIND("不涉及", NA),
        KIND("N/A", NA),
        KIND("n/a", NA),
    };
    CHECK_TABLE(cases);
}

/* Text that is not a value: UNPARSED with a reason, never a crash. */
static void garbage(void)
{
    static const struct ivcase cases[] = {
        KIND("95%的用户", UNPARSED),
        KIND("5个3次", UNPARSED),
        KIND("≥", UNPARSED),
        KIND("≥良好", UNPARSED),
        KIND("1.2.3", UNPARSED),
        KIND("第3名", UNPARSED),
        KIND("≠0", UNPARSED),
        KIND("1,2", UNPARSED),
        KIND("95.%", UNPARSED),
        KIND("12345678901234567890", UNPARSED),
        KIND("99999999999999亿元", UNPARSED),
        KIND("≥≥95%", UNPARSED),
        KIND("5个非常非常非常非常非常长的单位", UNPARSED),
        KIND("abc", QUALITATIVE),
    };
    CHECK_TABLE(cases);
    struct jx_arena *a = jx_arena_new();
    struct jx_indval v;
    jx_indval_parse(a, "\xff\xfe" "95%", 5, &v);
    CHECK_INT(v.kind, JX_IV_UNPARSED);
    CHECK_STR(v.reason, "指标值含有无效的 UTF-8 编码");
    CHECK_STR(v.norm, "\xEF\xBF\xBD\xEF\xBF\xBD" "95%");
    jx_indval_parse(a, "9\x01" "5%", 4, &v);
    CHECK_INT(v.kind, JX_IV_UNPARSED);
    CHECK_STR(v.reason, "指标值含有控制字符");
    jx_indval_parse(a, "95\0%", 4, &v);
    CHECK_INT(v.kind, JX_IV_UNPARSED);
    jx_indval_parse(a, "95%的用户", strlen("95%的用户"), &v);
    CHECK_STR(v.reason, "数值“95”后的文字“%的用户”无法识别为单位");
    jx_indval_parse(a, "第3名", strlen("第3名"), &v);
    CHECK_STR(v.reason, "数值前的文字“第”无法识别");
    jx_indval_parse(a, "≥良好", strlen("≥良好"), &v);
    CHECK_STR(v.reason, "“≥良好”有比较符号，但没有数值");
    jx_indval_parse(a, NULL, 0, &v);
    CHECK_INT(v.kind, JX_IV_EMPTY);
    CHECK_STR(v.norm, "");
    /* too long: a preview and a reason, at exactly the limit it parses */
    size_t n = JX_INDVAL_MAX_BYTES + 1;
    char *big = malloc(n);
    memset(big, '9', n);
    jx_indval_parse(a, big, n, &v);
    CHECK_INT(v.kind, JX_IV_UNPARSED);
    CHECK_STR(v.reason, "指标值文本过长（4097 字节，上限 4096 字节）");
    CHECK_INT(strlen(v.norm), 60 + strlen("…"));
    memset(big, ' ', n);
    big[0] = '1';
    jx_indval_parse(a, big, n - 1, &v);
    CHECK_INT(v.kind, JX_IV_NUMBER);
    /* NFKC of U+FDFA grows 18 times: refused after normalising */
    static const char wide[] = "\xEF\xB7\xBA";
    for (size_t i = 0; i + 3 <= n - 1; i += 3) {
        memcpy(big + i, wide, 3);
    }
    jx_indval_parse(a, big, (n - 1) / 3 * 3, &v);
    CHECK_INT(v.kind, JX_IV_UNPARSED);
    CHECK_STR(v.reason, "指标值规范化后过长（上限 4096 字节）");
    free(big);
    jx_arena_free(a);
}

/* Parse s into *v with arena a. */
static void parse(struct jx_arena *a, const char *s, struct jx_indval *v)
{
    jx_indval_parse(a, s, strlen(s), v);
}

/* Direction from the operator, then from the indicator's name. */
static void direction(void)
{
    static const struct {
        const char *text;
        const char *name;
        enum jx_direction dir;
    } cases[] = {
        {"≥95%", "信息化系统故障率", JX_DIR_HIGHER},
        {"$\\leq 2\\%$", "信息化系统故障率", JX_DIR_LOWER},
        {"2%", "信息化系统故障率", JX_DIR_LOWER},
        {"100%", "成本控制率", JX_DIR_LOWER},
        {"100%", "工作计划完成率", JX_DIR_HIGHER},
        {"5次", "群众投诉次数", JX_DIR_LOWER},
        {"98%", "投诉办结率", JX_DIR_HIGHER},
        {"0", "安全事故发生率", JX_DIR_LOWER},
        {"3天", "平均办理时长", JX_DIR_LOWER},
        {"1902.68万", "全年经费开支", JX_DIR_LOWER},
        {"10%", "费用节约率", JX_DIR_HIGHER},
        {"15人", NULL, JX_DIR_HIGHER},
        {"160篇", "全年在区级及以上媒体上稿篇数", JX_DIR_HIGHER},
        {">80%", NULL, JX_DIR_HIGHER},
        {"<1%", NULL, JX_DIR_LOWER},
        {"=100%", "成本", JX_DIR_EXACT},
        {"90%-95%", NULL, JX_DIR_EXACT},
        {"2023年12月20日完成", NULL, JX_DIR_EXACT},
        {"2023年12月底前", NULL, JX_DIR_EXACT},
        {"明显", "满意度", JX_DIR_UNKNOWN},
        {"不适用", NULL, JX_DIR_UNKNOWN},
        {"", NULL, JX_DIR_UNKNOWN},
        {"95%的", NULL, JX_DIR_UNKNOWN},
    };
    struct jx_arena *a = jx_arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct jx_indval v;
        parse(a, cases[i].text, &v);
        enum jx_direction d = jx_indval_direction(&v, cases[i].name);
        if (d != cases[i].dir) {
            jx_test_fail(__FILE__, __LINE__, "\"%s\" (%s): %s, expected %s",
                         cases[i].text, cases[i].name ? cases[i].name : "-",
                         jx_direction_name(d),
                         jx_direction_name(cases[i].dir));
        }
    }
    CHECK_INT(jx_indval_direction(NULL, "成本"), JX_DIR_UNKNOWN);
    jx_arena_free(a);
}

/* Which targets and actuals can be compared. */
static void comparable(void)
{
    static const struct {
        const char *a, *b;
        bool ok;
    } cases[] = {
        {"预算金额≤1902.68万元", "1902.68万", true},
        {"≧2000万元", "2606.21万元", true},
        {"≥1000元", "0.1万元", true},
        {"≥95%", "98%", true},
        {"95百分比", "95%", true},
        {"2个百分点", "1.5%", true},
        {"100%", "2023年12月20日完成", false},
        {"明显", "$\\geq 95\\%$", false},
        {"≧100篇", "160篇", true},
        {"10篇", "10个", false},
        {"15", "15人", true},
        {"15人", "15", true},
        {"15人", "15人次", false},
        {"每亩300", "每亩280", true},
        {"每亩300", "300", false},
        {"3天", "3日", true},
        {"3天", "72小时", false},
        {"2023年12月底前", "2023年12月20日完成", true},
        {"有效提升", "明显提升", true},
        {"不适用", "不适用", true},
        {"无", "无", false},
        {"95%的", "95%的", false},
        {"5吨", "6吨", true},
        {"5吨", "5个社区", false},
        {"100m2", "100平方米", true},
        {"10亩", "10平方米", false},
        {"100", "100%", false},
        {"100", "100万元", false},
        {"90%-95%", "93%", true},
    };
    struct jx_arena *a = jx_arena_new();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct jx_indval x, y;
        parse(a, cases[i].a, &x);
        parse(a, cases[i].b, &y);
        bool ab = jx_indval_comparable(&x, &y);
        bool ba = jx_indval_comparable(&y, &x);
        if (ab != cases[i].ok || ba != cases[i].ok) {
            jx_test_fail(__FILE__, __LINE__, "\"%s\" vs \"%s\": %d/%d",
                         cases[i].a, cases[i].b, (int)ab, (int)ba);
        }
    }
    struct jx_indval x;
    parse(a, "5次", &x);
    CHECK(!jx_indval_comparable(&x, NULL));
    CHECK(!jx_indval_comparable(NULL, &x));
    jx_arena_free(a);
}

/* The English names used by tests and JSON. */
static void names(void)
{
    CHECK_STR(jx_iv_kind_name(JX_IV_NUMBER), "number");
    CHECK_STR(jx_iv_kind_name(JX_IV_QUALITATIVE), "qualitative");
    CHECK_STR(jx_iv_kind_name(JX_IV_UNPARSED), "unparsed");
    CHECK_STR(jx_iv_op_name(JX_OP_GE), "ge");
    CHECK_STR(jx_iv_op_name(JX_OP_RANGE), "range");
    CHECK_STR(jx_unit_dim_name(JX_DIM_PERCENT), "percent");
    CHECK_STR(jx_unit_dim_name(JX_DIM_MONEY), "money");
    CHECK_STR(jx_direction_name(JX_DIR_LOWER), "lower");
    CHECK_STR(jx_direction_name(JX_DIR_EXACT), "exact");
    CHECK_STR(jx_iv_kind_name((enum jx_iv_kind)99), "invalid");
}

/* Read the seed file `file` (under JX_SRCDIR/../shared/seeds) into a
 * malloc'd buffer the caller frees, or return NULL if it is missing. */
static char *read_seed(const char *file)
{
    struct jx_arena *a = jx_arena_new();
    const char *path = jx_sprintf(a, "%s/../shared/seeds/%s", jx_test_srcdir,
                                  file);
    char *data = NULL;
    size_t len;
    if (jx_read_file(path, 1u << 20, &data, &len) < 0) {
        data = NULL;
    }
    jx_arena_free(a);
    return data;
}

/* Parse every tab-separated cell of a seed that starts with an
 * operator (≥ ≧ ≤ $\geq $\leq) or carries "预算金额≤": each must be a
 * number with that operator.  Returns how many there were. */
static int seed_cells(struct jx_arena *a, const char *data)
{
    int count = 0;
    const char *p = data;
    while (*p) {
        size_t n = strcspn(p, "\t\n");
        const char *cell = p;
        p += n;
        if (*p) {
            p++;
        }
        if (n == 0 || n > 60) {
            continue;
        }
        bool ge = strncmp(cell, "≥", 3) == 0 || strncmp(cell, "≧", 3) == 0 ||
                  strncmp(cell, "$\\geq", 5) == 0;
        bool le = strncmp(cell, "$\\leq", 5) == 0 ||
                  strncmp(cell, "预算金额≤", strlen("预算金额≤")) == 0;
        if (!ge && !le) {
            continue;
        }
        struct jx_indval v;
        jx_indval_parse(a, cell, n, &v);
        count++;
        if (v.kind != JX_IV_NUMBER || v.op != (ge ? JX_OP_GE : JX_OP_LE)) {
            jx_test_fail(__FILE__, __LINE__, "seed cell \"%.*s\": %s %s (%s)",
                         (int)n, cell, jx_iv_kind_name(v.kind),
                         jx_iv_op_name(v.op), v.reason ? v.reason : "");
        }
    }
    return count;
}

/* The operator cells of the seed files themselves (skipped when the
 * seeds are not next to the source tree). */
static void seed_files(void)
{
    char *d2 = read_seed("002_023de7ca972b8803.txt");
    char *d3 = read_seed("003_e100394ca7c141b7.txt");
    if (!d2 || !d3) {
        jx_test_skip("seed files not found under JX_SRCDIR/../shared/seeds");
        free(d2);
        free(d3);
        return;
    }
    struct jx_arena *a = jx_arena_new();
    CHECK_INT(seed_cells(a, d2), 19);
    CHECK_INT(seed_cells(a, d3), 10);
    jx_arena_free(a);
    free(d2);
    free(d3);
}

/* The memo of parsed texts: a text parsed again, after the first
 * parse's arena is gone, gives the same value field by field (its
 * strings outlive every arena); a long text is parsed every time. */
static void memo_same(void)
{
    static const char *const texts[] = {
        "≥96.5%", "不超过120万元", "2024年11月底前", "有所提高",
        "不适用", "约3至5个", "12x@", "",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        struct jx_arena *a1 = jx_arena_new();
        struct jx_indval v1;
        jx_indval_parse(a1, texts[i], strlen(texts[i]), &v1);
        char n1[256], u1[64], w1[64], r1[256];
        snprintf(n1, sizeof n1, "%s", v1.norm ? v1.norm : "(null)");
        snprintf(u1, sizeof u1, "%s", v1.unit ? v1.unit : "(null)");
        snprintf(w1, sizeof w1, "%s", v1.word ? v1.word : "(null)");
        snprintf(r1, sizeof r1, "%s", v1.reason ? v1.reason : "(null)");
        jx_arena_free(a1);
        struct jx_arena *a2 = jx_arena_new();
        struct jx_indval v2;
        jx_indval_parse(a2, texts[i], strlen(texts[i]), &v2);
        CHECK_INT(v2.kind, v1.kind);
        CHECK_INT(v2.op, v1.op);
        CHECK_INT(v2.dim, v1.dim);
        CHECK(jx_rat_cmp(v2.num, v1.num) == 0);
        CHECK(jx_rat_cmp(v2.hi, v1.hi) == 0);
        CHECK(v2.y == v1.y && v2.m == v1.m && v2.d == v1.d);
        CHECK(v2.has_prefix == v1.has_prefix);
        CHECK_STR(v2.norm ? v2.norm : "(null)", n1);
        CHECK_STR(v2.unit ? v2.unit : "(null)", u1);
        CHECK_STR(v2.word ? v2.word : "(null)", w1);
        CHECK_STR(v2.reason ? v2.reason : "(null)", r1);
        jx_arena_free(a2);
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_indval v;
    jx_indval_parse(a, "≥96.5%", strlen("≥96.5%"), &v);
    CHECK_INT(v.kind, JX_IV_NUMBER);
    CHECK_INT(v.op, JX_OP_GE);
    CHECK_INT(v.dim, JX_DIM_PERCENT);
    CHECK(v.num.num == 193 && v.num.den == 200);
    CHECK_STR(v.norm, "≥96.5%");
    /* longer than the memo keeps: parsed the same every time */
    char big[200];
    memset(big, ' ', sizeof big);
    memcpy(big + sizeof big - 4, "95%", 3);
    big[sizeof big - 1] = '\0';
    for (int k = 0; k < 2; k++) {
        jx_indval_parse(a, big, strlen(big), &v);
        CHECK_INT(v.kind, JX_IV_NUMBER);
        CHECK(v.num.num == 19 && v.num.den == 20);
        CHECK_STR(v.norm, "95%");
    }
    jx_arena_free(a);
}

const struct jx_test t_indval[] = {
    {"indval.memo_same", memo_same},
    {"indval.seed002", seed002},
    {"indval.seed003", seed003},
    {"indval.norm_text", norm_text},
    {"indval.fullwidth_latex", fullwidth_latex},
    {"indval.word_ops", word_ops},
    {"indval.units", units},
    {"indval.ranges", ranges},
    {"indval.dates", dates},
    {"indval.words_empty_na", words_empty_na},
    {"indval.garbage", garbage},
    {"indval.direction", direction},
    {"indval.comparable", comparable},
    {"indval.names", names},
    {"indval.seed_files", seed_files},
    {NULL, NULL},
};
