/*
 * check_identity.c - C3: the unit name and the year everywhere, and
 * contradictory counts of the same thing in the prose.
 *
 * The importer notes a name that differs inside one document (I403);
 * this family checks the package itself (title against unit name) and
 * stays silent where I403 already points at the same line.
 */
#include "analyse/check_family.h"
#include "base/base_pairs.h"
#include "jixiao/check.h"
#include "jixiao/facts.h"

#include <string.h>

/* The JSON path of the text of the report section numbered no, or
 * NULL (arena-owned). */
static const char *section_path(struct jx_check_ctx *c, int no)
{
    for (size_t i = 0; i < c->pkg->report.nsections; i++) {
        if (c->pkg->report.sections[i].no == no) {
            return jx_sprintf(c->arena, "/report/sections/%zu/text", i);
        }
    }
    return NULL;
}

/* s without ASCII spaces and U+3000 (arena-owned). */
static char *compact(struct jx_arena *a, const char *s)
{
    size_t n = strlen(s), k = 0;
    char *o = jx_alloc(a, n + 1);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t') {
            continue;
        }
        if (i + 2 < n && memcmp(s + i, "\xe3\x80\x80", 3) == 0) {
            i += 2;
            continue;
        }
        o[k++] = s[i];
    }
    o[k] = '\0';
    return o;
}

/* True when the importer already reported code at prov's line. */
static bool already(const struct jx_check_ctx *c, const char *code,
                    const struct jx_prov *prov)
{
    for (size_t i = 0; prov && i < c->diags->n; i++) {
        const struct jx_diag *d = &c->diags->a[i];
        if (strcmp(d->code, code) == 0 && d->loc.line == prov->line) {
            return true;
        }
    }
    return false;
}

/* C301: the report title does not name the unit (not for a project's
 * report, titled by its project). */
static void title_name(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    if (!p->report.title.s || !p->unit.name.s || !*p->unit.name.s ||
        already(c, "I403", p->report.title.prov)) {
        return;
    }
    const char *t = compact(c->arena, p->report.title.s);
    const char *n = compact(c->arena, p->unit.name.s);
    if (strstr(t, "项目") && !strstr(t, "整体")) {
        return; /* a project's report is titled by its project */
    }
    if (!strstr(t, n)) {
        jx_check_report(c, "C301", JX_SEV_WARNING, p->report.title.prov,
                        "/report/title",
                        "报告标题“%s”中没有单位名称“%s”", p->report.title.s,
                        p->unit.name.s);
    }
}

/* C305: the report title names another year than the package's (the
 * first 19xx/20xx followed by 年 in the title). */
static void title_year(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    const char *t = p->report.title.s;
    if (!t || !p->year.present || already(c, "I404", p->report.title.prov)) {
        return;
    }
    t = compact(c->arena, t);
    for (const char *s = t; *s; s++) {
        bool digits = s[0] >= '1' && s[0] <= '2' && s[1] >= '0' &&
                      s[1] <= '9' && s[2] >= '0' && s[2] <= '9' &&
                      s[3] >= '0' && s[3] <= '9';
        if (!digits || (s > t && s[-1] >= '0' && s[-1] <= '9') ||
            strncmp(s + 4, "年", strlen("年")) != 0) {
            continue;
        }
        int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
                (s[3] - '0');
        if ((y / 100 == 19 || y / 100 == 20) && y != p->year.v) {
            jx_check_report(c, "C305", JX_SEV_ERROR, p->report.title.prov,
                            "/report/title",
                            "报告标题“%s”写的是 %d 年度，与本次自评的 %lld 年度不一致",
                            p->report.title.s, y, (long long)p->year.v);
        }
        return;
    }
}

/* C302: a date of the package before the end of the year evaluated. */
static void date_after_year(struct jx_check_ctx *c, const struct jx_date *d,
                            const char *what, const char *path)
{
    int64_t y = c->pkg->year.v;
    if (!d->present || !c->pkg->year.present || d->y > y) {
        return;
    }
    jx_check_report(c, "C302", JX_SEV_WARNING, d->prov, path,
                    "%s %04d-%02d-%02d 早于 %lld 年度结束（%lld-12-31 之后才能自评）",
                    what, d->y, d->m, d->d, (long long)y, (long long)y);
}

/* C303: the prose cites the work plan of an earlier year as this
 * year's ("2022 年度工作计划" in a 2023 report).  Every plan word
 * begins with 年, so only where a 年 stands is the year before it (four
 * digits, then any spaces) looked for; the line and column are counted
 * only for a finding. */
static void plan_year(struct jx_check_ctx *c, const struct jx_section *s)
{
    static const char *const plans[] = {"年度工作计划", "年工作计划",
                                        "年度计划"};
    const char *t = s->text.s;
    int64_t y = c->pkg->year.v;
    for (const char *p = strstr(t, "年"); p; p = strstr(p + 3, "年")) {
        bool plan = false;
        for (size_t m = 0; m < sizeof plans / sizeof plans[0] && !plan; m++) {
            plan = strncmp(p, plans[m], strlen(plans[m])) == 0;
        }
        const char *q = p; /* the end of the digits */
        while (q > t && q[-1] == ' ') {
            q--;
        }
        if (!plan || q - t < 4) {
            continue;
        }
        size_t i = (size_t)(q - 4 - t), v = 0; /* where the year starts */
        bool digits = i == 0 || t[i - 1] < '0' || t[i - 1] > '9';
        for (size_t k = i; k < i + 4 && digits; k++) {
            digits = t[k] >= '0' && t[k] <= '9';
            v = v * 10 + (size_t)(t[k] - '0');
        }
        if (!digits || (int64_t)v >= y || v < 1900) {
            continue;
        }
        struct jx_prov at = {0};
        if (s->text.prov) {
            /* the line: the section's first line moved down by the
               newlines before the year (when it is known); the column
               only here: the lead bytes of the line before the year,
               after the first line's own starting column */
            at = *s->text.prov;
            size_t line_start = 0; /* where the year's line starts */
            for (size_t b = 0; b < i; b++) {
                if (t[b] == '\n') {
                    at.line += at.line ? 1 : 0;
                    line_start = b + 1;
                }
            }
            at.col = line_start ? 1 : s->text.prov->col;
            for (size_t b = line_start; b < i; b++) {
                at.col += ((unsigned char)t[b] & 0xc0) != 0x80;
            }
        }
        jx_check_report(c, "C303", JX_SEV_WARNING, s->text.prov ? &at : NULL,
                        section_path(c, s->no),
                        "%lld 年度的报告引用了 %zu 年度的工作计划",
                        (long long)y, v);
    }
}

/* Headcount category: 1 编制数, 2 在职/在编/实有, 0 other. */
static int staff_kind(const struct jx_fact *f)
{
    if (f->kind != JX_FACT_HEADCOUNT || strstr(f->label, "编外") ||
        strstr(f->label, "退休") || strstr(f->label, "临聘") ||
        strstr(f->label, "派遣")) {
        return 0;
    }
    if (strstr(f->label, "在职") || strstr(f->label, "在编") ||
        strstr(f->label, "实有")) {
        return 2;
    }
    return strstr(f->label, "编制") ? 1 : 0;
}

/* True when a headcount is the whole unit's, not a part of it: its
 * words name no category of staff (行政编制, 参公, 事业编制, 工勤, 男, 女,
 * 党员 …) and no sub-unit (局本级, 机关, 下属, a 处, 所, 中心, 站, 队 …),
 * and it does not stand in a list after 其中.  Only wholes are compared
 * (like with like): "局本级在职 139" and "环卫处在职 132" are two
 * sub-units, "编制 139" and "行政编制 25" a whole and a part. */
static bool whole_staff(const struct jx_fact *f)
{
    static const char *const parts[] = {
        "行政", "事业", "参公", "参照", "工勤", "公务员", "男", "女", "党员",
        "本级", "机关", "下属", "所属", "二级", "直属", "派出", "分局",
        "处", "所", "中心", "站", "队", "科", "股", "院", "校", "馆",
        "其中"};
    struct jx_pairs ps; /* the label's byte pairs: most parts are ruled
                           out without a search */
    jx_pairs_of(&ps, f->label);
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        if (jx_pairs_may_hold(&ps, parts[i]) && strstr(f->label, parts[i])) {
            return false;
        }
    }
    const char *q = strstr(f->sentence, "其中");
    const char *at = strstr(f->sentence, f->text);
    return !(q && at && at > q);
}

/* C304: the same headcount of the whole unit stated twice with
 * different values. */
static void staff_twice(struct jx_check_ctx *c, const struct jx_facts *fs)
{
    for (int k = 1; k <= 2; k++) {
        const struct jx_fact *first = NULL;
        for (size_t i = 0; i < fs->n; i++) {
            const struct jx_fact *f = &fs->a[i];
            if (staff_kind(f) != k || !whole_staff(f)) {
                continue;
            }
            if (!first) {
                first = f;
            } else if (jx_rat_cmp(first->value, f->value) != 0) {
                jx_check_report(
                    c, "C304", JX_SEV_ERROR, &f->prov,
                    section_path(c, f->section),
                    "报告中%s前后不一致：“%s”%lld 人，“%s”%lld 人",
                    k == 1 ? "编制数" : "在编（在职）人数", first->label,
                    (long long)first->value.num, f->label,
                    (long long)f->value.num);
                break;
            }
        }
    }
}

/* Unit name and year everywhere; contradictory counts. */
void jx_check_identity(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    title_name(c);
    title_year(c);
    date_after_year(c, &p->contacts.date, "填报日期", "/contacts/date");
    date_after_year(c, &p->submission.submitted, "报送日期",
                    "/submission/submitted");
    date_after_year(c, &p->submission.published, "公开日期",
                    "/submission/published");
    if (!p->report.present) {
        return;
    }
    if (p->year.present) {
        for (size_t i = 0; i < p->report.nsections; i++) {
            if (p->report.sections[i].text.s) {
                plan_year(c, &p->report.sections[i]);
            }
        }
    }
    staff_twice(c, jx_check_facts(c));
}
