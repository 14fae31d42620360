/*
 * check_prior.c - C122: this year's base sheet against last year's
 * stored version of the same unit (docs/checks.md, "C1").  Every cost
 * row's 上年决算数 this year is last year's 本年决算数 of the same row,
 * and a 项目支出 line's too when both years name it (same category,
 * same name).  Pure: both packages are given; finding the version that
 * stands for last year is the workspace's (lib/workspace).
 */
#include "analyse/check_family.h"
#include "jixiao/check.h"

#include <stddef.h>
#include <string.h>

/* One cost row of the base sheet: where it is and its name. */
struct prior_row {
    size_t off;       /* offset of its struct jx_cost in jx_base_sheet */
    const char *key;  /* its key under /base_sheet/costs */
    const char *zh;   /* its name in messages */
};

/* The cost rows compared, in the form's order. */
static const struct prior_row prior_rows[] = {
    {offsetof(struct jx_base_sheet, three_public), "three_public", "三公经费"},
    {offsetof(struct jx_base_sheet, vehicle), "vehicle",
     "公务用车购置和维护经费"},
    {offsetof(struct jx_base_sheet, vehicle_purchase), "vehicle_purchase",
     "公车购置"},
    {offsetof(struct jx_base_sheet, vehicle_operation), "vehicle_operation",
     "公车运行维护"},
    {offsetof(struct jx_base_sheet, overseas), "overseas", "出国经费"},
    {offsetof(struct jx_base_sheet, reception), "reception", "公务接待"},
    {offsetof(struct jx_base_sheet, project), "project", "项目支出"},
    {offsetof(struct jx_base_sheet, public_funds), "public_funds", "公用经费"},
    {offsetof(struct jx_base_sheet, office), "office", "办公经费"},
    {offsetof(struct jx_base_sheet, utilities_travel), "utilities_travel",
     "水费、电费、差旅费"},
    {offsetof(struct jx_base_sheet, meetings_training), "meetings_training",
     "会议费、培训费"},
    {offsetof(struct jx_base_sheet, procurement), "procurement", "政府采购"},
    {offsetof(struct jx_base_sheet, basic_adjustment), "basic_adjustment",
     "部门基本支出预算调整"},
};

/* The last printed place of m in unit u, in 分: money is printed with
 * at least 2 decimals, more only when it has them (万元 up to 6). */
static int64_t quantum(struct jx_money m, enum jx_money_unit u)
{
    if (u != JX_WANYUAN) {
        return 1;
    }
    int64_t q = 10000; /* 0.01 万元 */
    while (q > 1 && m.fen % q != 0) {
        q /= 10;
    }
    return q;
}

/* m rounded half away from zero to a multiple of q (分). */
static int64_t round_to(int64_t fen, int64_t q)
{
    int64_t r = fen % q;
    int64_t base = fen - r;
    if (r < 0 ? -r * 2 >= q : r * 2 >= q) {
        base += r < 0 ? -q : q;
    }
    return base;
}

/* Whether a and b (units ua, ub) are one figure at the coarser of their
 * printed precisions: the finer rounds to the coarser. */
static bool same_figure(struct jx_money a, enum jx_money_unit ua,
                        struct jx_money b, enum jx_money_unit ub)
{
    int64_t qa = quantum(a, ua), qb = quantum(b, ub);
    if (qa >= qb) {
        return round_to(b.fen, qa) == a.fen;
    }
    return round_to(a.fen, qb) == b.fen;
}

/* Format m in unit u (at least 2 decimals), in the arena. */
static const char *money_text(struct jx_check_ctx *c, struct jx_money m,
                              enum jx_money_unit u)
{
    char buf[JX_NUM_BUFSZ];
    return jx_strdup(c->arena, jx_money_format_exact(m, u, buf));
}

/* Compare this year's 上年决算数 with last year's 本年决算数 of one
 * row; a difference is C122. */
static void compare(struct jx_check_ctx *c, const struct jx_cost *now,
                    const struct jx_cost *last,
                    const struct jx_check_prior *prior, const char *zh,
                    const char *path)
{
    const struct jx_amt *a = &now->prev_final, *b = &last->final;
    enum jx_money_unit ua = c->pkg->base.unit, ub = prior->pkg->base.unit;
    if (now->unread || last->unread || !a->present || !b->present ||
        same_figure(a->v, ua, b->v, ub)) {
        return;
    }
    jx_check_use(c, b->prov);
    jx_check_report(c, "C122", JX_SEV_ERROR, a->prov, path,
                    "基础数据表%s上年决算数 %s %s，与 %d 年已送审第 %d 版的 "
                    "%d 年决算数 %s %s不符",
                    zh, money_text(c, a->v, ua), jx_money_unit_name(ua),
                    prior->year, prior->version, prior->year,
                    money_text(c, b->v, ub), jx_money_unit_name(ub));
}

/* s past any blanks (ASCII and U+3000). */
static const char *skip_blanks(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            s++;
        } else if (strncmp(s, "\u3000", 3) == 0) {
            s += 3;
        } else {
            return s;
        }
    }
}

/* Whether two names are one, blanks (ASCII and U+3000) ignored. */
static bool same_name(const char *x, const char *y)
{
    for (;;) {
        x = skip_blanks(x);
        y = skip_blanks(y);
        if (*x != *y) {
            return false;
        }
        if (!*x) {
            return true;
        }
        x++;
        y++;
    }
}

/* Whether a name has a character other than blanks. */
static bool named(const char *s)
{
    return s && !same_name(s, "");
}

/* The one line of b in category cat named name: its index, or -1 when
 * none or more than one (which one is meant cannot be told). */
static long find_line(const struct jx_base_sheet *b, enum jx_project_cat cat,
                      const char *name)
{
    long at = -1;
    for (size_t i = 0; i < b->nproject_lines; i++) {
        const struct jx_project_line *l = &b->project_lines[i];
        if (l->cat == cat && named(l->name.s) && same_name(l->name.s, name)) {
            if (at >= 0) {
                return -1;
            }
            at = (long)i;
        }
    }
    return at;
}

/* See check.h. */
void jx_check_prior(struct jx_arena *arena, const struct jx_package *pkg,
                    const struct jx_check_prior *prior,
                    const struct jx_check_config *cfg, struct jx_diags *diags)
{
    if (!pkg || !prior || !prior->pkg || !pkg->base.present ||
        !prior->pkg->base.present) {
        return;
    }
    struct jx_check_ctx c = {
        .arena = arena, .pkg = pkg, .cfg = cfg, .diags = diags,
        .file = pkg->source,
    };
    const struct jx_base_sheet *now = &pkg->base, *last = &prior->pkg->base;
    for (size_t k = 0; k < sizeof prior_rows / sizeof prior_rows[0]; k++) {
        const struct prior_row *r = &prior_rows[k];
        compare(&c,
                (const struct jx_cost *)(const void *)((const char *)now +
                                                       r->off),
                (const struct jx_cost *)(const void *)((const char *)last +
                                                       r->off),
                prior, jx_sprintf(arena, "“%s”", r->zh),
                jx_sprintf(arena, "/base_sheet/costs/%s/prev_final", r->key));
    }
    for (size_t i = 0; i < now->nproject_lines; i++) {
        const struct jx_project_line *l = &now->project_lines[i];
        if (!named(l->name.s) || find_line(now, l->cat, l->name.s) < 0) {
            continue;
        }
        long j = find_line(last, l->cat, l->name.s);
        if (j < 0) {
            continue;
        }
        compare(&c, &l->cost, &last->project_lines[j].cost, prior,
                jx_sprintf(arena, "项目支出“%s”", l->name.s),
                jx_sprintf(arena,
                           "/base_sheet/costs/project_lines/%zu/prev_final",
                           i));
    }
}
