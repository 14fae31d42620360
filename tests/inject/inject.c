/*
 * inject.c - the defect-injection test of the cross-checks (issue 4).
 *
 * For each of N seeds: draw a package that is consistent by
 * construction (tests/gen/pkggen.c) and check that scoring and the
 * cross-checks find nothing at warning or error level; then inject one
 * random defect (change a part, drop a section, copy a target into the
 * actual, swap a unit name, blank a table …), check again and require
 * that the defect's code is reported and that no other code is reported
 * at error level.  Prints, per defect, how many were injected and found.
 *
 * Usage: inject-test [N [FIRST_SEED]]   (N defaults to 1200)
 * Exit 0 when every defect was found with nothing else at error level.
 */
#include "jixiao/check.h"
#include "jixiao/pkgjson.h"
#include "jixiao/score.h"

#include "../gen/pkggen.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- JSON helpers ---------------------------------------------------- */

/* The value at a '/'-separated path of object keys and array indices,
 * or NULL. */
static json_t *at(json_t *v, const char *path)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *save = NULL, *k = strtok_r(buf, "/", &save); k && v;
         k = strtok_r(NULL, "/", &save)) {
        if (json_is_array(v)) {
            v = json_array_get(v, (size_t)strtoul(k, NULL, 10));
        } else {
            v = json_object_get(v, k);
        }
    }
    return v;
}

/* Set the string member key of the object at path. */
static void put(json_t *root, const char *path, const char *key,
                const char *s)
{
    json_t *o = at(root, path);
    if (o) {
        json_object_set_new(o, key, json_string(s));
    }
}

/* The string at path/key, or "". */
static const char *get(json_t *root, const char *path, const char *key)
{
    json_t *o = at(root, path);
    const char *s = o ? json_string_value(json_object_get(o, key)) : NULL;
    return s ? s : "";
}

/* Hundredths of a "1234.56" string. */
static int64_t money_of(const char *s)
{
    int64_t v = 0, frac = 0;
    int nf = -1;
    for (; *s; s++) {
        if (*s == '.') {
            nf = 0;
        } else if (*s >= '0' && *s <= '9') {
            if (nf < 0) {
                v = v * 10 + (*s - '0');
            } else if (nf < 2) {
                frac = frac * 10 + (*s - '0');
                nf++;
            }
        }
    }
    while (nf < 2) {
        frac *= 10;
        nf = nf < 0 ? 1 : nf + 1;
    }
    return v * 100 + frac;
}

/* Set path/key to the amount h. */
static void put_money(json_t *root, const char *path, const char *key,
                      int64_t h)
{
    char b[32];
    put(root, path, key, jx_gen_money(b, h));
}

/* Replace the first occurrence of from by to in the text of report
 * section i (0-based); false when from is not there. */
static bool replace_in_section(json_t *p, size_t i, const char *from,
                               const char *to)
{
    char path[64];
    snprintf(path, sizeof path, "report/sections/%zu", i);
    const char *t = get(p, path, "text");
    const char *hit = strstr(t, from);
    if (!hit) {
        return false;
    }
    size_t n = strlen(t) + strlen(to) + 1;
    char *o = malloc(n);
    if (!o) {
        abort();
    }
    snprintf(o, n, "%.*s%s%s", (int)(hit - t), t, to, hit + strlen(from));
    put(p, path, "text", o);
    free(o);
    return true;
}

/* Append s to the text of report section i (0-based). */
static void append_to_section(json_t *p, size_t i, const char *s)
{
    char path[64];
    snprintf(path, sizeof path, "report/sections/%zu", i);
    const char *t = get(p, path, "text");
    size_t n = strlen(t) + strlen(s) + 1;
    char *o = malloc(n);
    if (!o) {
        abort();
    }
    snprintf(o, n, "%s%s", t, s);
    put(p, path, "text", o);
    free(o);
}

/* ---- defects ---------------------------------------------------------- */

/* What a defect sees. */
struct ctx {
    json_t *p;
    const struct jx_gen_info *inf;
    struct jx_rng *r;
};

/* A change of an amount by 0.02 … 5.00 万元, either way. */
static int64_t delta(struct jx_rng *r)
{
    int64_t d = jx_rng_range(r, 2, 500);
    return jx_rng_next(r) % 2 ? d : -d;
}

/* Base sheet: a 三公经费 row no longer adds up. */
static bool d_base_part(struct ctx *c)
{
    const char *row = jx_rng_next(c->r) % 2 ? "reception" : "vehicle_operation";
    char path[64];
    snprintf(path, sizeof path, "base_sheet/costs/%s", row);
    int64_t v = money_of(get(c->p, path, "final"));
    put_money(c->p, path, "final", v + jx_rng_range(c->r, 2, 80));
    return true;
}

/* Base sheet: a 项目支出 line changed, the total not. */
static bool d_base_line(struct ctx *c)
{
    char path[64];
    size_t k = (size_t)jx_rng_range(c->r, 0, (int64_t)c->inf->nlines - 1);
    snprintf(path, sizeof path, "base_sheet/costs/project_lines/%zu", k);
    int64_t v = money_of(get(c->p, path, "final"));
    put_money(c->p, path, "final", v + delta(c->r));
    return true;
}

/* Base sheet: 办公经费 larger than the whole 公用经费. */
static bool d_public_over(struct ctx *c)
{
    int64_t t = money_of(get(c->p, "base_sheet/costs/public_funds", "final"));
    put_money(c->p, "base_sheet/costs/office", "final",
              t + jx_rng_range(c->r, 1, 500));
    return true;
}

/* Unit sheet: the 一般公共预算 split changed. */
static bool d_fund_source(struct ctx *c)
{
    put_money(c->p, "unit_sheet/funds/general_budget", "executed",
              c->inf->general_executed + delta(c->r));
    return true;
}

/* Unit sheet: the 基本支出 split changed. */
static bool d_nature_split(struct ctx *c)
{
    put_money(c->p, "unit_sheet/funds/basic", "executed",
              c->inf->basic + delta(c->r));
    return true;
}

/* Unit sheet 项目支出 ≠ base sheet 项目支出 (the splits still add up). */
static bool d_project_mismatch(struct ctx *c)
{
    int64_t d = jx_rng_range(c->r, 2, 500);
    put_money(c->p, "unit_sheet/funds/project", "executed",
              c->inf->project + d);
    put_money(c->p, "unit_sheet/funds/basic", "executed", c->inf->basic - d);
    return true;
}

/* Base sheet: the stated 控制率 is not 在职 / 编制. */
static bool d_control_rate(struct ctx *c)
{
    char b[32];
    put(c->p, "base_sheet/staffing", "control_rate",
        jx_gen_rate(b, c->inf->actual + jx_rng_range(c->r, 1, 9),
                    c->inf->authorized));
    return true;
}

/* Base sheet: 0 编制 and 0 在职 with a 控制率 of 0%. */
static bool d_staffing_zero(struct ctx *c)
{
    json_t *s = at(c->p, "base_sheet/staffing");
    json_object_set_new(s, "authorized", json_integer(0));
    json_object_set_new(s, "actual", json_integer(0));
    put(c->p, "base_sheet/staffing", "control_rate", "0%");
    return true;
}

/* A random unit-sheet indicator index. */
static size_t any_indicator(struct ctx *c)
{
    return (size_t)jx_rng_range(c->r, 0, (int64_t)c->inf->nindicators - 1);
}

/* A quantitative indicator's stated score lowered, no note. */
static bool d_score_changed(struct ctx *c)
{
    char path[64], b[32];
    size_t k = any_indicator(c);
    snprintf(path, sizeof path, "unit_sheet/indicators/%zu", k);
    if (json_object_get(at(c->p, path), "deviation") ||
        !strpbrk(get(c->p, path, "target"), "0123456789")) {
        return false; /* a qualitative score may move inside its band */
    }
    int64_t pts = money_of(get(c->p, path, "points"));
    put(c->p, path, "score", jx_gen_money(b, pts - jx_rng_range(c->r, 10, 300)));
    return true;
}

/* An indicator's stated score above its points. */
static bool d_score_over(struct ctx *c)
{
    char path[64], b[32];
    snprintf(path, sizeof path, "unit_sheet/indicators/%zu", any_indicator(c));
    int64_t pts = money_of(get(c->p, path, "points"));
    put(c->p, path, "score", jx_gen_money(b, pts + jx_rng_range(c->r, 50, 300)));
    return true;
}

/* The sheet's stated 总分 changed. */
static bool d_total_changed(struct ctx *c)
{
    char b[32];
    int64_t t = money_of(get(c->p, "unit_sheet", "stated_total"));
    put(c->p, "unit_sheet", "stated_total",
        jx_gen_money(b, t - jx_rng_range(c->r, 10, 500)));
    return true;
}

/* The stated 执行率 changed by at least 1%. */
static bool d_rate_changed(struct ctx *c)
{
    char b[32];
    int64_t e = c->inf->executed - c->inf->budget_full *
                                       jx_rng_range(c->r, 1, 5) / 100;
    put(c->p, "unit_sheet/funds/total", "rate",
        jx_gen_rate(b, e, c->inf->budget_full));
    return true;
}

/* The stated 执行率得分 changed. */
static bool d_exec_score(struct ctx *c)
{
    char b[32];
    int64_t s = money_of(get(c->p, "unit_sheet/funds/total", "score"));
    put(c->p, "unit_sheet/funds/total", "score",
        jx_gen_money(b, s - jx_rng_range(c->r, 5, 200)));
    return true;
}

/* A report section dropped. */
static bool d_drop_section(struct ctx *c)
{
    json_array_remove(at(c->p, "report/sections"),
                      (size_t)jx_rng_range(c->r, 0, 9));
    return true;
}

/* A rate indicator's actual copied from its target, operator and all. */
static bool d_copy_target(struct ctx *c)
{
    char path[64];
    if (c->inf->pct_index < 0) {
        return false;
    }
    snprintf(path, sizeof path, "unit_sheet/indicators/%d",
             c->inf->pct_index);
    put(c->p, path, "actual", get(c->p, path, "target"));
    return true;
}

/* The report title names another unit. */
static bool d_swap_name(struct ctx *c)
{
    char b[256];
    const char *other = strstr(c->inf->unit_name, "教育局") ? "民政局"
                                                           : "教育局";
    snprintf(b, sizeof b, "示例市北湖区%s%d年度部门整体支出绩效自评报告",
             other, c->inf->year);
    put(c->p, "report", "title", b);
    return true;
}

/* The 整体支出绩效自评表 handed in as an empty template (the importer
 * keeps no sheet of a blank template; the materials still list it). */
static bool d_blank_unit_sheet(struct ctx *c)
{
    json_object_del(c->p, "unit_sheet"); /* still listed as handed in */
    return true;
}

/* 填报日期 inside the year evaluated. */
static bool d_early_date(struct ctx *c)
{
    char b[32];
    snprintf(b, sizeof b, "%d-%02d-15", c->inf->year,
             (int)jx_rng_range(c->r, 1, 12));
    put(c->p, "contacts", "date", b);
    return true;
}

/* The prose's 编制数 differs from the base sheet. */
static bool d_prose_staff(struct ctx *c)
{
    char from[64], to[64];
    snprintf(from, sizeof from, "核定编制 %" PRId64 " 名", c->inf->authorized);
    snprintf(to, sizeof to, "核定编制 %" PRId64 " 名",
             c->inf->authorized + jx_rng_range(c->r, 1, 10));
    return replace_in_section(c->p, 0, from, to);
}

/* The prose's 基本支出 differs from the sheet. */
static bool d_prose_basic(struct ctx *c)
{
    char from[64], to[64], b[32];
    snprintf(from, sizeof from, "基本支出 %s 万元",
             jx_gen_money(b, c->inf->basic));
    snprintf(to, sizeof to, "基本支出 %s 万元",
             jx_gen_money(b, c->inf->basic + delta(c->r)));
    return replace_in_section(c->p, 1, from, to);
}

/* The prose's 全年预算数 differs from the sheet. */
static bool d_prose_budget(struct ctx *c)
{
    char from[64], to[64], b[32];
    snprintf(from, sizeof from, "全年预算数 %s 万元",
             jx_gen_money(b, c->inf->budget_full));
    snprintf(to, sizeof to, "全年预算数 %s 万元",
             jx_gen_money(b, c->inf->budget_full + jx_rng_range(c->r, 100,
                                                                 5000)));
    return replace_in_section(c->p, 5, from, to);
}

/* The prose's 三公经费 预算执行率 does not recompute. */
static bool d_prose_rate(struct ctx *c)
{
    char from[64], to[64], b[32];
    snprintf(from, sizeof from, "预算执行率 %s",
             jx_gen_rate(b, c->inf->three_final, c->inf->three_budget));
    snprintf(to, sizeof to, "预算执行率 %s",
             jx_gen_rate(b, c->inf->three_final - c->inf->three_budget *
                                                      jx_rng_range(c->r, 1, 9) /
                                                      100,
                         c->inf->three_budget));
    return replace_in_section(c->p, 5, from, to);
}

/* A 支付率 stated after the amounts paid and unpaid that does not
 * recompute as paid / (paid + unpaid): off by 2 to 9 points. */
static bool d_pay_rate(struct ctx *c)
{
    int64_t paid = jx_rng_range(c->r, 100, 90000);     /* 万元 */
    int64_t unpaid = jx_rng_range(c->r, 1, paid / 10 + 1);
    int64_t pct = paid * 100 / (paid + unpaid) - jx_rng_range(c->r, 2, 9);
    char b[256];
    snprintf(b, sizeof b,
             "\n专项资金已支付%" PRId64 "万元，未支%" PRId64 "万元，支付率%" PRId64
             "%%。",
             paid, unpaid, pct);
    append_to_section(c->p, 6, b);
    return true;
}

/* A headcount whose three listed categories add up to fewer people. */
static bool d_head_list(struct ctx *c)
{
    int64_t a = jx_rng_range(c->r, 1, 60), b = jx_rng_range(c->r, 1, 60),
            d = jx_rng_range(c->r, 1, 60);
    int64_t total = a + b + d + jx_rng_range(c->r, 1, 5);
    char s[256];
    snprintf(s, sizeof s,
             "\n全年参加业务培训%" PRId64 "人，其中机关人员%" PRId64
             "人、二级单位人员%" PRId64 "人、聘用人员%" PRId64 "人。",
             total, a, b, d);
    append_to_section(c->p, 6, s);
    return true;
}

/* A total of 收入 followed by two 收入 parts that add up to more. */
static bool d_pair_over(struct ctx *c)
{
    int64_t a = jx_rng_range(c->r, 100, 90000),
            b = jx_rng_range(c->r, 100, 90000);
    int64_t total = a + b - jx_rng_range(c->r, 1, 99);
    char s[256];
    snprintf(s, sizeof s,
             "\n本年专项收入总计%" PRId64 "万元，中央补助收入%" PRId64
             "万元，省级补助收入%" PRId64 "万元。",
             total, a, b);
    append_to_section(c->p, 6, s);
    return true;
}

/* A count of units followed by a list of another length. */
static bool d_count_list(struct ctx *c)
{
    static const char *const names[] = {"档案服务中心", "信息中心", "培训中心",
                                        "后勤服务中心", "调查队", "评审中心"};
    size_t k = (size_t)jx_rng_range(c->r, 3, 6);
    int64_t said = (int64_t)k + (jx_rng_range(c->r, 0, 1) ? 1 : -1);
    char s[512];
    int n = snprintf(s, sizeof s, "\n本单位下属事业单位%" PRId64 "个，即", said);
    for (size_t i = 0; i < k && n > 0 && (size_t)n < sizeof s; i++) {
        n += snprintf(s + n, sizeof s - (size_t)n, "%s%s", i ? "、" : "",
                      names[i]);
    }
    if (n > 0 && (size_t)n < sizeof s) {
        snprintf(s + n, sizeof s - (size_t)n, "。");
    }
    append_to_section(c->p, 0, s);
    return true;
}

/* Funds arriving in four parts, the last written in 元 for 万元. */
static bool d_lone_yuan(struct ctx *c)
{
    int64_t a = jx_rng_range(c->r, 20, 90), b = jx_rng_range(c->r, 20, 90),
            d = jx_rng_range(c->r, 20, 90), e = jx_rng_range(c->r, 20, 90);
    char s[256];
    snprintf(s, sizeof s,
             "\n专项资金分四次到账：3月到账%" PRId64 "万元，6月到账%" PRId64
             "万元，9月到账%" PRId64 "万元，11月到账%" PRId64 "元。",
             a, b, d, e);
    append_to_section(c->p, 0, s);
    return true;
}

/* More staff in post than authorised on the base sheet. */
static bool d_overstaffed(struct ctx *c)
{
    json_t *st = at(c->p, "base_sheet/staffing");
    json_t *au = st ? json_object_get(st, "authorized") : NULL;
    json_t *ac = st ? json_object_get(st, "actual") : NULL;
    if (!json_is_integer(au) || !json_is_integer(ac) ||
        json_integer_value(ac) < 12) {
        return false;
    }
    /* the 编制数 the report does not state set below the staff in post,
       the control rate printed as it then is */
    json_int_t n = json_integer_value(ac),
               k = n - (json_int_t)jx_rng_range(c->r, 1, 9);
    if (json_integer_value(au) >= n) {
        char b[32];
        int64_t bp = (int64_t)n * 1000000 / (int64_t)k; /* rate × 10^4 */
        int64_t r = (bp + 50) / 100;                     /* 0.01% */
        snprintf(b, sizeof b, "%" PRId64 ".%02" PRId64 "%%", r / 100,
                 r % 100);
        /* and as the report states it */
        char from[64], to[64];
        snprintf(from, sizeof from, "核定编制 %" PRId64 " 名",
                 (int64_t)json_integer_value(au));
        snprintf(to, sizeof to, "核定编制 %" PRId64 " 名", (int64_t)k);
        replace_in_section(c->p, 0, from, to);
        json_object_set_new(st, "authorized", json_integer(k));
        json_object_set_new(st, "control_rate", json_string(b));
        return true;
    }
    return false;
}

/* The projects listed with an amount other than the 项目支出 stated. */
static bool d_projects_listed(struct ctx *c)
{
    const char *t = get(c->p, "report/sections/1", "text");
    const char *q = strstr(t, "项目支出 ");
    if (!q) {
        return false;
    }
    q += strlen("项目支出 ");
    char num[32];
    size_t n = strspn(q, "0123456789.");
    if (n == 0 || n >= sizeof num) {
        return false;
    }
    memcpy(num, q, n);
    num[n] = '\0';
    int64_t amt = money_of(num) - jx_rng_range(c->r, 50, 900);
    if (amt <= 0) {
        return false;
    }
    char s[256];
    snprintf(s, sizeof s,
             "\n本单位共有%" PRId64 "个项目，项目金额 %" PRId64 ".%02" PRId64
             " 万元。",
             jx_rng_range(c->r, 2, 9), amt / 100, amt % 100);
    append_to_section(c->p, 6, s);
    return true;
}

/* A personal mobile number on the public form. */
static bool d_mobile(struct ctx *c)
{
    char b[32];
    snprintf(b, sizeof b, "13%09" PRId64, jx_rng_range(c->r, 0, 999999999));
    put(c->p, "contacts", "phone", b);
    return true;
}

/* Section 七's paragraph printed twice. */
static bool d_dup_paragraph(struct ctx *c)
{
    char b[1024];
    snprintf(b, sizeof b, "\n%s", get(c->p, "report/sections/6", "text"));
    append_to_section(c->p, 6, b);
    return true;
}

/* One heading numbered "N、" among "一、" headings. */
static bool d_marker(struct ctx *c)
{
    char path[64], b[16];
    int k = (int)jx_rng_range(c->r, 1, 9);
    snprintf(path, sizeof path, "report/sections/%d", k);
    snprintf(b, sizeof b, "%d、", k + 1);
    put(c->p, path, "marker", b);
    return true;
}

/* The cost target set to the executed amount after the fact. */
static bool d_cost_after(struct ctx *c)
{
    char path[64], b[32], t[64];
    if (c->inf->cost_index < 0 || c->inf->executed == c->inf->budget_full) {
        return false;
    }
    snprintf(path, sizeof path, "unit_sheet/indicators/%d",
             c->inf->cost_index);
    snprintf(t, sizeof t, "≤%s万元", jx_gen_money(b, c->inf->executed));
    put(c->p, path, "target", t);
    return true;
}

/* 政府采购金额 spent at 3.55 times its budget. */
static bool d_overspend(struct ctx *c)
{
    const char *path = "base_sheet/costs/procurement";
    int64_t b = money_of(get(c->p, path, "budget"));
    put_money(c->p, path, "final", b * 355 / 100);
    put_money(c->p, path, "prev_final", b * 355 / 100);
    return true;
}

/* 政府采购金额 above the unit's whole 全年预算数. */
static bool d_over_whole(struct ctx *c)
{
    const char *path = "base_sheet/costs/procurement";
    int64_t v = c->inf->budget_full + jx_rng_range(c->r, 100, 10000);
    put_money(c->p, path, "budget", v);
    put_money(c->p, path, "final", v);
    put_money(c->p, path, "prev_final", v);
    return true;
}

/* 政府采购金额 three times last year's. */
static bool d_yoy(struct ctx *c)
{
    const char *path = "base_sheet/costs/procurement";
    int64_t f = money_of(get(c->p, path, "final"));
    put_money(c->p, path, "prev_final", f * jx_rng_range(c->r, 3, 9));
    return true;
}

/* The 基础数据表 is listed as an attachment but not handed in. */
static bool d_attachment_missing(struct ctx *c)
{
    json_t *m = at(c->p, "submission/materials");
    json_array_remove(m, 1); /* "base_sheet" */
    json_object_del(c->p, "base_sheet");
    return true;
}

/* The project sheets left out while the report lists them. */
static bool d_project_sheet_missing(struct ctx *c)
{
    if (!c->inf->nproject_sheets) {
        return false;
    }
    json_object_del(c->p, "project_sheets");
    json_array_remove(at(c->p, "submission/materials"), 3);
    return true;
}

/* A project sheet without its name. */
static bool d_project_name(struct ctx *c)
{
    if (!c->inf->nproject_sheets) {
        return false;
    }
    json_object_del(at(c->p, "project_sheets/0"), "name");
    return true;
}

/* A part of the prose's 其中 list changed. */
static bool d_list_part(struct ctx *c)
{
    char from[64], to[64], b[32];
    if (!c->inf->has_list) {
        return false;
    }
    int64_t v = money_of(get(c->p, "base_sheet/costs/project_lines/2",
                             "final"));
    snprintf(from, sizeof from, " %s 万元", jx_gen_money(b, v));
    snprintf(to, sizeof to, " %s 万元",
             jx_gen_money(b, v + jx_rng_range(c->r, 2, 5000)));
    return replace_in_section(c->p, 5, from, to);
}

/* A qualitative target made vague. */
static bool d_vague(struct ctx *c)
{
    char path[64];
    if (c->inf->qual_index < 0) {
        return false;
    }
    snprintf(path, sizeof path, "unit_sheet/indicators/%d",
             c->inf->qual_index);
    put(c->p, path, "target", "有效提升");
    put(c->p, path, "actual", "有效提升");
    return true;
}

/* Two indicators with the same name. */
static bool d_dup_name(struct ctx *c)
{
    if (c->inf->nindicators < 2) {
        return false;
    }
    put(c->p, "unit_sheet/indicators/1", "name",
        get(c->p, "unit_sheet/indicators/0", "name"));
    return true;
}

/* A rate indicator's actual above 100%. */
static bool d_rate_over_100(struct ctx *c)
{
    char path[64], b[32];
    if (c->inf->pct_index < 0) {
        return false;
    }
    snprintf(path, sizeof path, "unit_sheet/indicators/%d", c->inf->pct_index);
    snprintf(b, sizeof b, "10%" PRId64 ".5%%", jx_rng_range(c->r, 1, 9));
    put(c->p, path, "actual", b);
    return true;
}

/* A rate printed for 0 / 0. */
static bool d_zero_rate(struct ctx *c)
{
    if (!c->inf->overseas_zero) {
        return false;
    }
    append_to_section(c->p, 5, "出国经费预算 0 万元，实际支出 0 万元，"
                               "预算执行率为 0%。");
    return true;
}

/* The prose cites last year's work plan. */
static bool d_old_plan(struct ctx *c)
{
    char b[128];
    snprintf(b, sizeof b, "根据%d年度工作计划，本单位安排了各项重点工作。",
             c->inf->year - 1);
    append_to_section(c->p, 0, b);
    return true;
}

/* The same headcount stated twice with different values. */
static bool d_count_twice(struct ctx *c)
{
    char b[128];
    snprintf(b, sizeof b, "年末实际在编人员 %" PRId64 " 人。",
             c->inf->actual - jx_rng_range(c->r, 1, 5));
    append_to_section(c->p, 0, b);
    return true;
}

/* A count far above its target with no note. */
static bool d_over_achieve(struct ctx *c)
{
    char path[64], b[64];
    if (c->inf->count_index < 0) {
        return false;
    }
    snprintf(path, sizeof path, "unit_sheet/indicators/%d",
             c->inf->count_index);
    const char *t = get(c->p, path, "target");
    int64_t n = 0;
    const char *s = t;
    while (*s && (*s < '0' || *s > '9')) {
        s++;
    }
    for (; *s >= '0' && *s <= '9'; s++) {
        n = n * 10 + (*s - '0');
    }
    snprintf(b, sizeof b, "%" PRId64 "%s", n * 2, s);
    put(c->p, path, "actual", b);
    return true;
}

/* A 楼堂馆所 row whose 规模控制率 does not recompute. */
static bool d_building_rate(struct ctx *c)
{
    if (!c->inf->has_building) {
        return false;
    }
    put(c->p, "base_sheet/buildings/0", "area_rate", "110%");
    return true;
}

/* The report title names the year before. */
static bool d_title_year(struct ctx *c)
{
    char b[512];
    snprintf(b, sizeof b, "%s%d年度部门整体支出绩效自评报告",
             c->inf->unit_name, c->inf->year - 1);
    put(c->p, "report", "title", b);
    return true;
}

/* Section 七 no longer explains the 执行率 below 100%. */
static bool d_unexplained_rate(struct ctx *c)
{
    if (c->inf->executed >= c->inf->budget_full) {
        return false;
    }
    put(c->p, "report/sections/6", "text",
        "部分服务事项回应不够及时，群众反映的个别问题处理周期偏长。");
    return true;
}

/* The prose's 人员经费 no longer adds up to its 基本支出. */
static bool d_basic_parts(struct ctx *c)
{
    char from[64], to[64], b[32];
    snprintf(from, sizeof from, "人员经费 %s 万元",
             jx_gen_money(b, c->inf->personnel));
    snprintf(to, sizeof to, "人员经费 %s 万元",
             jx_gen_money(b, c->inf->personnel + delta(c->r)));
    return replace_in_section(c->p, 1, from, to);
}

/* A passage of section 一 repeated back to back inside its paragraph. */
static bool d_repeat_passage(struct ctx *c)
{
    char b[512];
    const char *t = get(c->p, "report/sections/0", "text");
    const char *end = strstr(t, "，");
    if (!end || end - t < 66) {
        return false;
    }
    snprintf(b, sizeof b, "%.*s%s", (int)(end - t), t, t);
    put(c->p, "report/sections/0", "text", b);
    return true;
}

/* A 数量指标 whose target is not a number. */
static bool d_not_measurable(struct ctx *c)
{
    char path[64];
    if (c->inf->count_index < 0) {
        return false;
    }
    snprintf(path, sizeof path, "unit_sheet/indicators/%d",
             c->inf->count_index);
    put(c->p, path, "target", "较多");
    put(c->p, path, "actual", "较多");
    return true;
}

/* The prose's share of 项目支出 does not recompute. */
static bool d_share(struct ctx *c)
{
    char from[64], to[64], b[32];
    snprintf(from, sizeof from, "占总支出的 %s",
             jx_gen_rate(b, c->inf->project, c->inf->executed));
    snprintf(to, sizeof to, "占总支出的 %s",
             jx_gen_rate(b, c->inf->project + c->inf->executed *
                                                  jx_rng_range(c->r, 1, 9) /
                                                  100,
                         c->inf->executed));
    return replace_in_section(c->p, 1, from, to);
}

/* A 考核评分表 row scored above its points (合计 follows). */
static bool d_rubric_over(struct ctx *c)
{
    char b[32];
    if (!c->inf->has_assessment) {
        return false;
    }
    size_t k = (size_t)jx_rng_range(c->r, 0, 6);
    char path[64];
    snprintf(path, sizeof path, "assessment/rows/%zu", k);
    int64_t pts = money_of(get(c->p, path, "points")) / 100;
    int64_t sc = money_of(get(c->p, path, "score")) / 100;
    int64_t up = jx_rng_range(c->r, 1, 5);
    snprintf(b, sizeof b, "%" PRId64, pts + up);
    put(c->p, path, "score", b);
    snprintf(b, sizeof b, "%" PRId64,
             (int64_t)c->inf->assessment_total + pts + up - sc);
    put(c->p, "assessment", "stated_total", b);
    return true;
}

/* The 考核评分表's 合计 is not the sum of its rows. */
static bool d_rubric_sum(struct ctx *c)
{
    char b[32];
    if (!c->inf->has_assessment) {
        return false;
    }
    snprintf(b, sizeof b, "%" PRId64,
             (int64_t)c->inf->assessment_total - jx_rng_range(c->r, 1, 6));
    put(c->p, "assessment", "stated_total", b);
    return true;
}

/* The 考核评分表's 评分等级 does not match its 合计. */
static bool d_rubric_grade(struct ctx *c)
{
    if (!c->inf->has_assessment) {
        return false;
    }
    put(c->p, "assessment", "stated_grade",
        c->inf->assessment_total >= 90 ? "良" : "优");
    return true;
}

/* The 考核评分表's points no longer add up to 100. */
static bool d_rubric_points(struct ctx *c)
{
    char b[32];
    if (!c->inf->has_assessment) {
        return false;
    }
    put(c->p, "assessment/rows/4", "points", "25");
    (void)b;
    return true;
}

/* A required cell of the base sheet left empty. */
static bool d_empty_cell(struct ctx *c)
{
    static const char *const rows[] = {"procurement", "public_funds",
                                       "three_public", "basic_adjustment"};
    static const char *const cols[] = {"prev_final", "budget", "final"};
    char path[64];
    snprintf(path, sizeof path, "base_sheet/costs/%s",
             rows[jx_rng_next(c->r) % 4]);
    json_object_del(at(c->p, path), cols[jx_rng_next(c->r) % 3]);
    return true;
}

/* A report section left with its title only. */
static bool d_empty_section(struct ctx *c)
{
    char path[64];
    snprintf(path, sizeof path, "report/sections/%d",
             (int)jx_rng_range(c->r, 0, 8));
    json_object_del(at(c->p, path), "text");
    return true;
}

/* The year's budget raised far above the initial one, unexplained. */
static bool d_budget_adjust(struct ctx *c)
{
    put_money(c->p, "unit_sheet/funds/total", "budget_initial",
              c->inf->budget_full * jx_rng_range(c->r, 40, 75) / 100);
    return true;
}

/* ---- the self-evaluation table's own bounds (issue 12) ---------------- */

/* The unit sheet's 执行率 row printed as fully met (100%, full score)
 * while its amounts give less, and the 总分 following the printed
 * score (the corpus' 80.45% printed as 100% and 10). */
static bool d_rate_score_printed(struct ctx *c)
{
    char b[32];
    if (c->inf->executed >= c->inf->budget_full) {
        return false;
    }
    const char *row = "unit_sheet/funds/total";
    int64_t old = money_of(get(c->p, row, "score"));
    int64_t t = money_of(get(c->p, "unit_sheet", "stated_total"));
    put(c->p, row, "rate", jx_rng_next(c->r) % 2 ? "100%" : "100.00%");
    put(c->p, row, "score", "10");
    put(c->p, "unit_sheet", "stated_total", jx_gen_money(b, t - old + 1000));
    return true;
}

/* A fully met 执行率 (the amounts equal) scored below its 10 points;
 * in half the cases the 全年执行数 is left out, so the printed 100% is
 * all there is (the 总分 then follows the printed score). */
static bool d_full_underscored(struct ctx *c)
{
    char b[32];
    if (c->inf->executed != c->inf->budget_full) {
        return false;
    }
    const char *row = "unit_sheet/funds/total";
    /* 0.20 to 2.00 below: a stated value carries no printed decimals yet,
       so "100.00%" reads as 100% (99.5%..100.5%), within which 9.9 of 10
       is possible */
    int64_t d = jx_rng_range(c->r, 2, 20) * 10;
    put(c->p, row, "score", jx_gen_money(b, 1000 - d));
    if (jx_rng_next(c->r) % 2 && *get(c->p, row, "rate") &&
        *get(c->p, row, "points")) {
        /* without 执行数 the printed rate and points tell the score */
        json_object_del(at(c->p, row), "executed");
        int64_t t = money_of(get(c->p, "unit_sheet", "stated_total"));
        put(c->p, "unit_sheet", "stated_total", jx_gen_money(b, t - d));
    }
    return true;
}

/* The 总分 printed as the indicators' scores alone, without the 执行率
 * row's. */
static bool d_total_no_exec(struct ctx *c)
{
    char b[32];
    int64_t s = money_of(get(c->p, "unit_sheet/funds/total", "score"));
    if (s <= 0) {
        return false;
    }
    int64_t t = money_of(get(c->p, "unit_sheet", "stated_total"));
    put(c->p, "unit_sheet", "stated_total", jx_gen_money(b, t - s));
    return true;
}

/* The indicators weighted to 100 on their own (one full-score row gains
 * the execution row's 10 points), 110 with the 执行率 row, and the 总分
 * their scores alone (the corpus' 70 + 20 + 10 + 10 with 总分 100). */
static bool d_points_110(struct ctx *c)
{
    char path[64], b[32];
    for (size_t k = 0; k < c->inf->nindicators; k++) {
        snprintf(path, sizeof path, "unit_sheet/indicators/%zu", k);
        int64_t pts = money_of(get(c->p, path, "points"));
        if (pts == 0 || money_of(get(c->p, path, "score")) != pts) {
            continue;
        }
        put(c->p, path, "points", jx_gen_money(b, pts + 1000));
        put(c->p, path, "score", jx_gen_money(b, pts + 1000));
        int64_t s = money_of(get(c->p, "unit_sheet/funds/total", "score"));
        int64_t t = money_of(get(c->p, "unit_sheet", "stated_total"));
        put(c->p, "unit_sheet", "stated_total",
            jx_gen_money(b, t - s + 1000));
        return true;
    }
    return false;
}

/* A 总分 above every row's 分值 together: a full-score row dropped from
 * the sheet with the 总分 left as it was (98 against rows of 94), or,
 * when that would not exceed them, a 总分 printed above 100. */
static bool d_total_above_max(struct ctx *c)
{
    char path[64], b[32];
    int64_t t = money_of(get(c->p, "unit_sheet", "stated_total"));
    size_t best = SIZE_MAX;
    int64_t best_pts = 0;
    for (size_t k = 0; k < c->inf->nindicators; k++) {
        snprintf(path, sizeof path, "unit_sheet/indicators/%zu", k);
        int64_t pts = money_of(get(c->p, path, "points"));
        if (money_of(get(c->p, path, "score")) == pts && pts > best_pts) {
            best = k;
            best_pts = pts;
        }
    }
    /* the total is printed to 0.01 at most: above by more than 0.01 */
    if (best != SIZE_MAX && t > 10000 - best_pts + 1 &&
        jx_rng_next(c->r) % 2) {
        json_array_remove(at(c->p, "unit_sheet/indicators"), best);
        return true;
    }
    put(c->p, "unit_sheet", "stated_total",
        jx_gen_money(b, 10000 + jx_rng_range(c->r, 1, 30) * 10));
    return true;
}

/* A defect: its name, the codes that report it (the first must be among
 * the findings; any of them may appear at error level) and how to inject
 * it (false: not applicable to this package). */
struct defect {
    const char *name;
    const char *codes;
    bool (*apply)(struct ctx *c);
    unsigned injected, found, extra;
};

static struct defect defects[] = {
    {"base-part", "C102", d_base_part, 0, 0, 0},
    {"base-line", "C102", d_base_line, 0, 0, 0},
    {"public-over", "C103", d_public_over, 0, 0, 0},
    {"fund-source", "C101", d_fund_source, 0, 0, 0},
    {"nature-split", "C101 C201", d_nature_split, 0, 0, 0},
    {"project-mismatch", "C104 C201", d_project_mismatch, 0, 0, 0},
    {"control-rate", "C105", d_control_rate, 0, 0, 0},
    {"staffing-zero", "C106 C205", d_staffing_zero, 0, 0, 0},
    {"score-changed", "S201", d_score_changed, 0, 0, 0},
    {"score-over", "S202 S201", d_score_over, 0, 0, 0},
    {"total-changed", "S304", d_total_changed, 0, 0, 0},
    {"rate-changed", "S101", d_rate_changed, 0, 0, 0},
    {"exec-score", "S102", d_exec_score, 0, 0, 0},
    {"drop-section", "C601", d_drop_section, 0, 0, 0},
    {"copy-target", "V103", d_copy_target, 0, 0, 0},
    {"swap-name", "C301", d_swap_name, 0, 0, 0},
    {"blank-unit-sheet", "C603", d_blank_unit_sheet, 0, 0, 0},
    {"early-date", "C302", d_early_date, 0, 0, 0},
    {"prose-staff", "C205", d_prose_staff, 0, 0, 0},
    {"prose-basic", "C201 C203 C204", d_prose_basic, 0, 0, 0},
    {"prose-budget", "C206 C115", d_prose_budget, 0, 0, 0},
    {"prose-rate", "C115", d_prose_rate, 0, 0, 0},
    {"pay-rate", "C115", d_pay_rate, 0, 0, 0},
    {"head-list", "C118", d_head_list, 0, 0, 0},
    {"pair-over", "C118", d_pair_over, 0, 0, 0},
    {"count-list", "C119", d_count_list, 0, 0, 0},
    {"lone-yuan", "C120", d_lone_yuan, 0, 0, 0},
    {"overstaffed", "C505", d_overstaffed, 0, 0, 0},
    {"projects-listed", "C121", d_projects_listed, 0, 0, 0},
    {"mobile", "C701", d_mobile, 0, 0, 0},
    {"dup-paragraph", "C704", d_dup_paragraph, 0, 0, 0},
    {"marker", "C702", d_marker, 0, 0, 0},
    {"cost-after", "C401", d_cost_after, 0, 0, 0},
    {"overspend", "C501", d_overspend, 0, 0, 0},
    {"over-whole", "C502", d_over_whole, 0, 0, 0},
    {"yoy", "C503", d_yoy, 0, 0, 0},
    {"attachment-missing", "C602", d_attachment_missing, 0, 0, 0},
    {"project-sheet-missing", "C604", d_project_sheet_missing, 0, 0, 0},
    {"project-name", "C605", d_project_name, 0, 0, 0},
    {"list-part", "C118", d_list_part, 0, 0, 0},
    {"vague", "C405", d_vague, 0, 0, 0},
    {"dup-name", "C407", d_dup_name, 0, 0, 0},
    {"rate-over-100", "V106", d_rate_over_100, 0, 0, 0},
    {"zero-rate", "C109", d_zero_rate, 0, 0, 0},
    {"old-plan", "C303", d_old_plan, 0, 0, 0},
    {"count-twice", "C304 C205", d_count_twice, 0, 0, 0},
    {"over-achieve", "S205", d_over_achieve, 0, 0, 0},
    {"building-rate", "C117", d_building_rate, 0, 0, 0},
    {"title-year", "C305", d_title_year, 0, 0, 0},
    {"unexplained-rate", "C404", d_unexplained_rate, 0, 0, 0},
    {"basic-parts", "C203", d_basic_parts, 0, 0, 0},
    {"repeat-passage", "C703", d_repeat_passage, 0, 0, 0},
    {"not-measurable", "C406", d_not_measurable, 0, 0, 0},
    {"share", "C114", d_share, 0, 0, 0},
    {"rubric-over", "C110 C113", d_rubric_over, 0, 0, 0},
    {"rubric-sum", "C112 C113", d_rubric_sum, 0, 0, 0},
    {"rubric-grade", "C113", d_rubric_grade, 0, 0, 0},
    {"rubric-points", "C111", d_rubric_points, 0, 0, 0},
    {"empty-cell", "C606", d_empty_cell, 0, 0, 0},
    {"empty-section", "C606", d_empty_section, 0, 0, 0},
    {"budget-adjust", "C504", d_budget_adjust, 0, 0, 0},
    {"rate-score-printed", "S101 S304", d_rate_score_printed, 0, 0, 0},
    {"full-underscored", "S102", d_full_underscored, 0, 0, 0},
    {"total-no-exec", "S307", d_total_no_exec, 0, 0, 0},
    {"points-110", "S307", d_points_110, 0, 0, 0},
    {"total-above-max", "S308", d_total_above_max, 0, 0, 0},
};

#define NDEFECTS (sizeof defects / sizeof defects[0])

/* ---- running the checks ---------------------------------------------- */

/* True when code is one of the space-separated codes. */
static bool listed(const char *codes, const char *code)
{
    size_t n = strlen(code);
    for (const char *s = codes; (s = strstr(s, code)) != NULL; s += n) {
        if ((s == codes || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0')) {
            return true;
        }
    }
    return false;
}

/* Load, score and check the package p; the findings go to d (whose
 * arena is a).  False when the package does not load. */
static bool run(json_t *p, struct jx_arena *a, struct jx_diags *d)
{
    char *text = json_dumps(p, JSON_INDENT(1));
    if (!text) {
        abort();
    }
    struct jx_package *pkg = jx_pkgjson_load(a, "gen.json", text,
                                             strlen(text), d);
    free(text);
    if (!pkg) {
        return false;
    }
    struct jx_policy pol;
    struct jx_check_config cfg;
    jx_policy_default(&pol);
    jx_check_config_default(&cfg);
    const struct jx_eval *ev = jx_score(a, pkg, &pol, d);
    jx_check(a, pkg, ev, &cfg, d);
    return true;
}

/* Print the findings of d at severity ≥ min, indented. */
static void show(const struct jx_diags *d, enum jx_severity min)
{
    struct jx_buf b;
    jx_buf_init(&b, (size_t)1 << 24);
    for (size_t i = 0; i < d->n; i++) {
        if (d->a[i].severity >= min) {
            jx_diag_format(&b, &d->a[i]);
        }
    }
    fprintf(stderr, "%s", b.p);
    jx_buf_release(&b);
}

/* Generate, check, inject, check again.  Returns the number of
 * failures. */
int main(int argc, char **argv)
{
    unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1200;
    unsigned long first = argc > 2 ? strtoul(argv[2], NULL, 10) : 1;
    bool verbose = getenv("JX_INJECT_VERBOSE") != NULL;
    unsigned failures = 0, clean_bad = 0, shown = 0;
    for (unsigned long i = first; i < first + n; i++) {
        struct jx_gen_info inf;
        json_t *p = jx_gen_package(i, &inf);
        struct jx_arena *a = jx_arena_new();
        struct jx_diags d;
        jx_diags_init(&d, a);
        if (!run(p, a, &d) || d.count[JX_SEV_ERROR] ||
            d.count[JX_SEV_WARNING] || d.count[JX_SEV_ROUNDING]) {
            clean_bad++;
            if (shown++ < 5 || verbose) {
                fprintf(stderr, "seed %lu: the clean package has findings:\n",
                        i);
                show(&d, JX_SEV_ROUNDING);
            }
        }
        jx_diags_release(&d);
        jx_arena_free(a);

        struct jx_rng r = {i * 7919u + 17u};
        struct ctx c = {p, &inf, &r};
        size_t k = (size_t)(jx_rng_next(&r) % NDEFECTS);
        for (size_t tries = 0; !defects[k].apply(&c) && tries < NDEFECTS;
             tries++) {
            k = (k + 1) % NDEFECTS;
        }
        struct defect *df = &defects[k];
        df->injected++;
        a = jx_arena_new();
        jx_diags_init(&d, a);
        bool loaded = run(p, a, &d);
        char primary[8];
        snprintf(primary, sizeof primary, "%.4s", df->codes);
        bool found = false, extra = false;
        for (size_t e = 0; e < d.n; e++) {
            if (strcmp(d.a[e].code, primary) == 0) {
                found = true;
            }
            if (d.a[e].severity == JX_SEV_ERROR &&
                !listed(df->codes, d.a[e].code)) {
                extra = true;
            }
        }
        found = found && loaded;
        df->found += found;
        df->extra += extra;
        if ((!found || extra) && (shown++ < 10 || verbose)) {
            fprintf(stderr, "seed %lu, defect %s: %s%s\n", i, df->name,
                    found ? "" : "not found",
                    extra ? " other errors" : "");
            show(&d, JX_SEV_WARNING);
        }
        failures += !found || extra;
        jx_diags_release(&d);
        jx_arena_free(a);
        json_decref(p);
    }
    printf("%-22s %-16s %8s %8s %8s\n", "defect", "codes", "injected",
           "found", "extra");
    unsigned tot_i = 0, tot_f = 0, tot_e = 0;
    for (size_t k = 0; k < NDEFECTS; k++) {
        printf("%-22s %-16s %8u %8u %8u\n", defects[k].name, defects[k].codes,
               defects[k].injected, defects[k].found, defects[k].extra);
        tot_i += defects[k].injected;
        tot_f += defects[k].found;
        tot_e += defects[k].extra;
    }
    printf("%-22s %-16s %8u %8u %8u\n", "total", "", tot_i, tot_f, tot_e);
    printf("clean packages with findings above note: %u of %lu\n", clean_bad,
           n);
    /* the closing count: each seed is two cases, its clean package and
     * its package with one defect */
    printf("%lu passed, %lu failed\n", 2 * n - failures - clean_bad,
           (unsigned long)failures + clean_bad);
    return failures || clean_bad ? 1 : 0;
}
