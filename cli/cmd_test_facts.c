/*
 * cmd_test_facts.c - hidden test commands of the recognisers:
 * `jixiao test-facts FILE [--sentences]` prints the figures of a
 * package's report (facts.h, report.figures) one per line, and `jixiao test-recog
 * FILE` prints a digest of the package recognised in it (numbers and
 * short texts; long texts as their length), so golden tests can pin
 * what is read from real documents without copying their prose.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/facts.h"
#include "jixiao/import.h"
#include "jixiao/pipeline.h"

/* Read a file (a document or Package JSON) into a package in arena,
 * its report's figures filled in; NULL when it cannot be read (why in
 * diags, or on stderr). */
static const struct jx_package *read_pkg(struct jx_arena *arena,
                                         const char *file,
                                         struct jx_diags *diags)
{
    char *text = NULL;
    size_t len = 0;
    if (jx_cli_read(file, &text, &len) < 0) {
        return NULL;
    }
    const struct jx_package *p =
        jx_import(arena, file, text, len, NULL, diags, NULL);
    free(text);
    return p;
}

/* Append the scope words of bits to b as "{一般公共预算,基本支出}". */
static void add_scopes(struct jx_buf *b, uint32_t bits)
{
    jx_buf_addc(b, '{');
    bool first = true;
    for (unsigned k = 0; k < JX_SCOPE_COUNT; k++) {
        if (bits & (1u << k)) {
            jx_buf_addf(b, "%s%s", first ? "" : ",", jx_scope_zh(1u << k));
            first = false;
        }
    }
    jx_buf_addc(b, '}');
}

/* `jixiao test-facts FILE [--sentences]`: one line per figure of the
 * package's report, "LINE:COL §SECTION ¶PARAGRAPH KIND VALUE LABEL
 * {SCOPES}" (and the sentence after a tab with --sentences). */
int jx_cmd_test_facts(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("test-facts");
    const char *file = NULL;
    bool sentences = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--sentences") == 0) {
            sentences = true;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        } else if (file) {
            return jx_cli_usage_error(self, "只能给出一个文件");
        } else {
            file = argv[i];
        }
    }
    if (!file) {
        return jx_cli_usage_error(self, "缺少文件");
    }
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    const struct jx_package *pkg = read_pkg(arena, file, &diags);
    int rc = JX_EXIT_USAGE;
    if (pkg) {
        const struct jx_facts *f = jx_package_facts(arena, pkg);
        struct jx_buf b;
        jx_buf_init(&b, 1u << 30);
        for (size_t i = 0; i < f->n; i++) {
            const struct jx_fact *x = &f->a[i];
            char buf[JX_NUM_BUFSZ];
            const char *v;
            if (x->kind == JX_FACT_MONEY) {
                v = jx_sprintf(arena, "%s%s",
                               jx_money_format_exact(x->money, x->unit, buf),
                               jx_money_unit_name(x->unit));
            } else if (x->kind == JX_FACT_PERCENT) {
                const char *p = jx_rat_format_exact(x->value, true, buf);
                v = p ? p : "?";
            } else if (x->kind == JX_FACT_SCORE) {
                const char *p = jx_rat_format_exact(x->value, false, buf);
                v = jx_sprintf(arena, "%s分", p ? p : "?");
            } else {
                v = jx_sprintf(arena, "%lld%s", (long long)x->value.num,
                               x->unit_word ? x->unit_word : "人");
            }
            jx_buf_addf(&b, "%d:%d §%d ¶%d %s %s %s ", x->prov.line,
                        x->prov.col, x->section, x->paragraph,
                        jx_fact_kind_name(x->kind), v,
                        *x->label ? x->label : "-");
            add_scopes(&b, x->scopes);
            if (x->counted) {
                jx_buf_addf(&b, " #%s", x->counted);
            }
            if (x->prov.how != JX_HOW_READ && jx_how_name(x->prov.how)) {
                jx_buf_addf(&b, " (%s)", jx_how_name(x->prov.how));
            }
            if (sentences) {
                jx_buf_addf(&b, "\t%s", x->sentence);
            }
            jx_buf_addc(&b, '\n');
        }
        for (size_t i = 0; i < f->nrefused; i++) {
            const struct jx_fact *x = &f->refused[i];
            jx_buf_addf(&b, "%d:%d §%d ¶%d refused %s %s\n", x->prov.line,
                        x->prov.col, x->section, x->paragraph, x->text,
                        *x->label ? x->label : "-");
        }
        rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
        jx_buf_release(&b);
    } else if (diags.n) {
        struct jx_buf e;
        jx_buf_init(&e, 1u << 20);
        jx_cli_format_diags(&e, &diags, 0);
        fputs(e.p, stderr);
        jx_buf_release(&e);
    }
    jx_diags_release(&diags);
    jx_arena_free(arena);
    return rc;
}

/* ---- test-recog ------------------------------------------------------ */

/* Most characters of a text printed in full; longer texts show as
 * their length. */
enum { SHORT_TEXT = 40 };

/* Append a short text value (a name, a level, a target): "-" when
 * absent, the text (newlines as "/") when short, else "«N字»". */
static void add_text(struct jx_buf *b, const struct jx_text *t)
{
    if (!t->s) {
        jx_buf_adds(b, "-");
        return;
    }
    size_t n = jx_utf8_count(t->s, strlen(t->s));
    if (n > SHORT_TEXT) {
        jx_buf_addf(b, "«%zu字»", n);
        return;
    }
    for (const char *p = t->s; *p; p++) {
        jx_buf_addc(b, *p == '\n' ? '/' : *p);
    }
}

/* Append a prose value (a description, a standard, goals, contents):
 * "-" when absent, else only its length "«N字»", so that golden tests
 * never hold the documents' prose. */
static void add_prose(struct jx_buf *b, const struct jx_text *t)
{
    if (!t->s) {
        jx_buf_adds(b, "-");
        return;
    }
    jx_buf_addf(b, "«%zu字»", jx_utf8_count(t->s, strlen(t->s)));
}

/* Append an amount in unit u ("-" when absent). */
static void add_amt(struct jx_buf *b, const struct jx_amt *a,
                    enum jx_money_unit u)
{
    char buf[JX_NUM_BUFSZ];
    jx_buf_adds(b, a->present ? jx_money_format_exact(a->v, u, buf) : "-");
}

/* Append a number, as a percentage when pct ("-" when absent). */
static void add_num(struct jx_buf *b, const struct jx_num *n, bool pct)
{
    char buf[JX_NUM_BUFSZ];
    const char *s = n->present ? jx_rat_format_exact(n->v, pct, buf) : "-";
    jx_buf_adds(b, s ? s : "?");
}

/* Append " @LINE:COL" (or table/row/col, sheet!cell) of a provenance. */
static void add_at(struct jx_buf *b, const struct jx_prov *p)
{
    if (!p) {
        return;
    }
    if (p->line) {
        jx_buf_addf(b, " @%d:%d", p->line, p->col);
    } else if (p->sheet && p->cell) {
        jx_buf_addf(b, " @%s!%s", p->sheet, p->cell);
    } else if (p->table) {
        jx_buf_addf(b, " @T%d/R%d/C%d", p->table, p->row, p->column);
    }
}

/* Append one cost row "LABEL prev | budget | final". */
static void add_cost(struct jx_buf *b, const char *label,
                     const struct jx_cost *c, enum jx_money_unit u)
{
    if (!c->prev_final.present && !c->budget.present && !c->final.present) {
        return;
    }
    jx_buf_addf(b, "base.%s ", label);
    add_amt(b, &c->prev_final, u);
    jx_buf_adds(b, " | ");
    add_amt(b, &c->budget, u);
    jx_buf_adds(b, " | ");
    add_amt(b, &c->final, u);
    jx_buf_addc(b, '\n');
}

/* Append a funds row "PREFIX.KEY init | full | exec | points | rate |
 * score". */
static void add_funds(struct jx_buf *b, const char *prefix, const char *key,
                      const struct jx_funds *f, enum jx_money_unit u)
{
    if (!f->budget_initial.present && !f->budget_full.present &&
        !f->executed.present && !f->points.present && !f->rate.present &&
        !f->score.present) {
        return;
    }
    jx_buf_addf(b, "%s.%s ", prefix, key);
    add_amt(b, &f->budget_initial, u);
    jx_buf_adds(b, " | ");
    add_amt(b, &f->budget_full, u);
    jx_buf_adds(b, " | ");
    add_amt(b, &f->executed, u);
    jx_buf_adds(b, " | ");
    add_num(b, &f->points, false);
    jx_buf_adds(b, " | ");
    add_num(b, &f->rate, true);
    jx_buf_adds(b, " | ");
    add_num(b, &f->score, false);
    jx_buf_addc(b, '\n');
}

/* Append a sheet (unit, project or goal sheet). */
static void add_sheet(struct jx_buf *b, const char *prefix,
                      const struct jx_sheet *s)
{
    jx_buf_addf(b, "%s unit=%s name=", prefix, jx_money_unit_name(s->unit));
    add_text(b, &s->name);
    jx_buf_adds(b, " supervisor=");
    add_text(b, &s->supervisor);
    jx_buf_adds(b, " implementer=");
    add_text(b, &s->implementer);
    jx_buf_addf(b, " goals=%zu indicators=%zu tasks=%zu", s->ngoals,
                s->nindicators, s->ntasks);
    if (s->exec_points) {
        jx_buf_addf(b, " exec_points=%d", s->exec_points);
    }
    jx_buf_adds(b, s->cols_absent.points ? " no_points_column\n" : "\n");
    add_funds(b, prefix, "total", &s->total, s->unit);
    for (int k = 0; k < JX_FUND_COUNT; k++) {
        add_funds(b, prefix, jx_fund_key_name((enum jx_fund_key)k),
                  &s->funds[k], s->unit);
    }
    for (size_t i = 0; i < s->ntasks; i++) {
        const struct jx_task *t = &s->tasks[i];
        jx_buf_addf(b, "%s.task %zu name=", prefix, i + 1);
        add_text(b, &t->name);
        jx_buf_adds(b, " content=");
        add_prose(b, &t->content);
        jx_buf_adds(b, " status=");
        add_text(b, &t->status);
        jx_buf_adds(b, " budget=");
        add_amt(b, &t->budget_total, s->unit);
        jx_buf_adds(b, "/");
        add_amt(b, &t->budget_fiscal, s->unit);
        jx_buf_adds(b, " executed=");
        add_amt(b, &t->executed_total, s->unit);
        jx_buf_adds(b, "/");
        add_amt(b, &t->executed_fiscal, s->unit);
        add_at(b, t->prov);
        jx_buf_addc(b, '\n');
    }
    const struct jx_task *tt = &s->task_total;
    if (tt->budget_total.present || tt->executed_total.present) {
        jx_buf_addf(b, "%s.task_total budget=", prefix);
        add_amt(b, &tt->budget_total, s->unit);
        jx_buf_adds(b, "/");
        add_amt(b, &tt->budget_fiscal, s->unit);
        jx_buf_adds(b, " executed=");
        add_amt(b, &tt->executed_total, s->unit);
        jx_buf_adds(b, "/");
        add_amt(b, &tt->executed_fiscal, s->unit);
        add_at(b, tt->prov);
        jx_buf_addc(b, '\n');
    }
    for (size_t i = 0; i < s->ngoals; i++) {
        jx_buf_addf(b, "%s.goal %zu expected=", prefix, i + 1);
        add_prose(b, &s->goals[i].expected);
        jx_buf_adds(b, " actual=");
        add_prose(b, &s->goals[i].actual);
        jx_buf_addc(b, '\n');
    }
    for (size_t i = 0; i < s->nindicators; i++) {
        const struct jx_indicator *x = &s->indicators[i];
        jx_buf_addf(b, "%s.ind %zu ", prefix, i + 1);
        add_text(b, &x->level1);
        jx_buf_adds(b, " / ");
        add_text(b, &x->level2);
        jx_buf_adds(b, " / ");
        add_text(b, &x->name);
        jx_buf_adds(b, " target=");
        add_text(b, &x->target);
        jx_buf_adds(b, " actual=");
        add_text(b, &x->actual);
        jx_buf_adds(b, " points=");
        add_num(b, &x->points, false);
        jx_buf_adds(b, " score=");
        add_num(b, &x->score, false);
        jx_buf_adds(b, " deviation=");
        add_prose(b, &x->deviation);
        add_at(b, x->prov);
        jx_buf_addc(b, '\n');
    }
    if (s->stated_total.present) {
        jx_buf_addf(b, "%s.stated_total ", prefix);
        add_num(b, &s->stated_total, false);
        add_at(b, s->stated_total.prov);
        jx_buf_addc(b, '\n');
    }
}

/* Append a printed scoring table. */
static void add_rubric(struct jx_buf *b, const char *prefix,
                       const struct jx_rubric *r)
{
    if (!r->present) {
        return;
    }
    jx_buf_addf(b, "%s title=", prefix);
    add_text(b, &r->title);
    jx_buf_addf(b, " rows=%zu total=", r->nrows);
    add_num(b, &r->stated_total, false);
    jx_buf_adds(b, " grade=");
    add_text(b, &r->stated_grade);
    jx_buf_adds(b, " scorer=");
    add_text(b, &r->scorer);
    jx_buf_addc(b, '\n');
    for (size_t i = 0; i < r->nrows; i++) {
        const struct jx_rubric_row *x = &r->rows[i];
        jx_buf_addf(b, "%s.row %zu ", prefix, i + 1);
        add_text(b, &x->level1);
        jx_buf_adds(b, " / ");
        add_text(b, &x->level2);
        jx_buf_adds(b, " / ");
        add_text(b, &x->name);
        jx_buf_adds(b, " points=");
        add_num(b, &x->points, false);
        jx_buf_adds(b, " score=");
        add_num(b, &x->score, false);
        jx_buf_adds(b, " description=");
        add_prose(b, &x->description);
        jx_buf_adds(b, " standard=");
        add_prose(b, &x->standard);
        jx_buf_adds(b, " reason=");
        add_text(b, &x->reason);
        add_at(b, x->prov);
        jx_buf_addc(b, '\n');
    }
}

/* Append the digest of a package. */
static void digest(struct jx_buf *b, const struct jx_package *p)
{
    jx_buf_adds(b, "unit ");
    add_text(b, &p->unit.name);
    add_at(b, p->unit.name.prov);
    jx_buf_adds(b, "\nregion ");
    add_text(b, &p->unit.region);
    jx_buf_adds(b, "\nyear ");
    if (p->year.present) {
        jx_buf_addf(b, "%lld", (long long)p->year.v);
    } else {
        jx_buf_adds(b, "-");
    }
    add_at(b, p->year.prov);
    jx_buf_adds(b, "\ncontacts preparer=");
    add_text(b, &p->contacts.preparer);
    jx_buf_adds(b, " phone=");
    add_text(b, &p->contacts.phone);
    jx_buf_adds(b, " head=");
    add_text(b, &p->contacts.head);
    jx_buf_adds(b, " date=");
    if (p->contacts.date.present) {
        jx_buf_addf(b, "%04d-%02d-%02d", p->contacts.date.y,
                    p->contacts.date.m, p->contacts.date.d);
    } else {
        jx_buf_adds(b, "-");
    }
    jx_buf_adds(b, "\nmaterials");
    for (int m = 0; m < JX_MAT_COUNT; m++) {
        if (p->submission.materials[m]) {
            jx_buf_addf(b, " %s", jx_material_name((enum jx_material)m));
        }
    }
    jx_buf_addc(b, '\n');
    const struct jx_base_sheet *bs = &p->base;
    if (bs->present) {
        jx_buf_addf(b, "base unit=%s authorized=", jx_money_unit_name(bs->unit));
        if (bs->authorized.present) {
            jx_buf_addf(b, "%lld", (long long)bs->authorized.v);
        } else {
            jx_buf_adds(b, "-");
        }
        jx_buf_adds(b, " actual=");
        if (bs->actual.present) {
            jx_buf_addf(b, "%lld", (long long)bs->actual.v);
        } else {
            jx_buf_adds(b, "-");
        }
        jx_buf_adds(b, " control_rate=");
        add_num(b, &bs->control_rate, true);
        jx_buf_addf(b, " lines=%zu buildings=%zu thrift=",
                    bs->nproject_lines, bs->nbuildings);
        add_prose(b, &bs->thrift_measures);
        jx_buf_addc(b, '\n');
        static const struct {
            const char *name;
            size_t off;
        } rows[] = {
            {"three_public", offsetof(struct jx_base_sheet, three_public)},
            {"vehicle", offsetof(struct jx_base_sheet, vehicle)},
            {"vehicle_purchase",
             offsetof(struct jx_base_sheet, vehicle_purchase)},
            {"vehicle_operation",
             offsetof(struct jx_base_sheet, vehicle_operation)},
            {"overseas", offsetof(struct jx_base_sheet, overseas)},
            {"reception", offsetof(struct jx_base_sheet, reception)},
            {"project", offsetof(struct jx_base_sheet, project)},
            {"public_funds", offsetof(struct jx_base_sheet, public_funds)},
            {"office", offsetof(struct jx_base_sheet, office)},
            {"utilities_travel",
             offsetof(struct jx_base_sheet, utilities_travel)},
            {"meetings_training",
             offsetof(struct jx_base_sheet, meetings_training)},
            {"procurement", offsetof(struct jx_base_sheet, procurement)},
            {"basic_adjustment",
             offsetof(struct jx_base_sheet, basic_adjustment)},
        };
        for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
            const struct jx_cost *c =
                (const struct jx_cost *)(const void *)((const char *)bs +
                                                       rows[k].off);
            add_cost(b, rows[k].name, c, bs->unit);
        }
        static const char *const cats[] = {"business", "operation",
                                           "local_special", "transfer"};
        for (size_t i = 0; i < bs->nproject_lines; i++) {
            const struct jx_project_line *l = &bs->project_lines[i];
            jx_buf_addf(b, "base.line %s ",
                        (unsigned)l->cat < 4 ? cats[l->cat] : "?");
            add_text(b, &l->name);
            jx_buf_adds(b, " ");
            add_amt(b, &l->cost.prev_final, bs->unit);
            jx_buf_adds(b, " | ");
            add_amt(b, &l->cost.budget, bs->unit);
            jx_buf_adds(b, " | ");
            add_amt(b, &l->cost.final, bs->unit);
            jx_buf_addc(b, '\n');
        }
    }
    if (p->has_unit_sheet) {
        add_sheet(b, "unit_sheet", &p->unit_sheet);
    }
    for (size_t i = 0; i < p->nproject_sheets; i++) {
        char prefix[48];
        snprintf(prefix, sizeof prefix, "project_sheet%zu", i + 1);
        add_sheet(b, prefix, &p->project_sheets[i]);
    }
    if (p->has_goal_sheet) {
        add_sheet(b, "goal_sheet", &p->goal_sheet);
    }
    add_rubric(b, "dept_scoring", &p->dept_scoring);
    add_rubric(b, "assessment", &p->assessment);
    if (p->report.present) {
        jx_buf_adds(b, "report title=");
        add_text(b, &p->report.title);
        add_at(b, p->report.title.prov);
        jx_buf_addf(b, " sections=%zu attachments=%zu\n",
                    p->report.nsections, p->report.nattachments);
        for (size_t i = 0; i < p->report.nsections; i++) {
            const struct jx_section *s = &p->report.sections[i];
            jx_buf_addf(b, "report.section %d ", s->no);
            add_text(b, &s->title);
            jx_buf_adds(b, " ");
            add_prose(b, &s->text);
            add_at(b, s->title.prov);
            jx_buf_addc(b, '\n');
        }
        for (size_t i = 0; i < p->report.nattachments; i++) {
            jx_buf_adds(b, "report.attachment ");
            add_text(b, &p->report.attachments[i]);
            jx_buf_addc(b, '\n');
        }
    }
}

/* `jixiao test-recog FILE`: the digest of the recognised package on
 * stdout, the findings on stderr. */
int jx_cmd_test_recog(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("test-recog");
    if (argc != 2) {
        return jx_cli_usage_error(self, argc < 2 ? "缺少文件" : "参数过多");
    }
    const char *file = argv[1];
    struct jx_arena *arena = jx_arena_new();
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    char *text = NULL;
    size_t len = 0;
    int rc = JX_EXIT_USAGE;
    if (jx_cli_read(file, &text, &len) == 0) {
        const struct jx_package *p =
            jx_import(arena, file, text, len, NULL, &diags, NULL);
        free(text);
        jx_diags_sort(&diags);
        if (p) {
            struct jx_buf b;
            jx_buf_init(&b, 1u << 30);
            digest(&b, p);
            rc = jx_diags_errors(&diags) ? JX_EXIT_FINDINGS : JX_EXIT_OK;
            if (jx_cli_write(&b) < 0) {
                rc = JX_EXIT_IO;
            }
            jx_buf_release(&b);
        }
        struct jx_buf e;
        jx_buf_init(&e, 1u << 30);
        jx_cli_format_diags(&e, &diags, 0);
        fputs(e.p, stderr);
        jx_buf_release(&e);
    }
    jx_diags_release(&diags);
    jx_arena_free(arena);
    return rc;
}
