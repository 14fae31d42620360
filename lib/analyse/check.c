/*
 * check.c - the cross-check driver: thresholds, the order of the
 * families, and the shared way of reporting a finding.
 */
#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/facts.h"

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

/* The defaults of every threshold (docs/checks.md, "Thresholds"). */
void jx_check_config_default(struct jx_check_config *c)
{
    memset(c, 0, sizeof *c);
    c->rounding_tolerance = (struct jx_rat){1, 100};
    c->over_achievement = (struct jx_rat){1, 5};
    c->spend_high = (struct jx_rat){3, 2};
    c->spend_low = (struct jx_rat){1, 2};
    c->yoy_jump = (struct jx_rat){1, 1};
    c->yoy_min_amount = (struct jx_rat){1, 1};
    c->budget_adjust = (struct jx_rat){1, 5};
    c->vague_min = 1;
    c->copied_min = 3;
}

/* Threshold names and where they live. */
static const struct {
    const char *name;
    size_t off;
    bool percent_ok;
} rat_names[] = {
    {"rounding-tolerance", offsetof(struct jx_check_config,
                                    rounding_tolerance), false},
    {"over-achievement", offsetof(struct jx_check_config, over_achievement),
     true},
    {"spend-high", offsetof(struct jx_check_config, spend_high), true},
    {"spend-low", offsetof(struct jx_check_config, spend_low), true},
    {"yoy-jump", offsetof(struct jx_check_config, yoy_jump), true},
    {"yoy-min-amount", offsetof(struct jx_check_config, yoy_min_amount),
     false},
    {"budget-adjust", offsetof(struct jx_check_config, budget_adjust), true},
};

/* Set one threshold from "name=value". */
int jx_check_config_set(struct jx_check_config *c, const char *assignment)
{
    const char *eq = strchr(assignment, '=');
    if (!eq) {
        return -1;
    }
    size_t n = (size_t)(eq - assignment);
    const char *val = eq + 1;
    if (n == strlen("vague-min") &&
        memcmp(assignment, "vague-min", n) == 0) {
        struct jx_rat r;
        if (jx_rat_parse(val, strlen(val), &r, NULL, NULL) != JX_NUM_OK ||
            r.den != 1 || r.num < 0 || r.num > 1000000) {
            return -1;
        }
        c->vague_min = (int)r.num;
        return 0;
    }
    if (n == strlen("copied-min") &&
        memcmp(assignment, "copied-min", n) == 0) {
        struct jx_rat r;
        if (jx_rat_parse(val, strlen(val), &r, NULL, NULL) != JX_NUM_OK ||
            r.den != 1 || r.num < 0 || r.num > 1000000) {
            return -1;
        }
        c->copied_min = (int)r.num;
        return 0;
    }
    for (size_t k = 0; k < sizeof rat_names / sizeof rat_names[0]; k++) {
        if (strlen(rat_names[k].name) == n &&
            memcmp(assignment, rat_names[k].name, n) == 0) {
            struct jx_rat r;
            bool percent = false;
            if (jx_rat_parse(val, strlen(val), &r,
                             rat_names[k].percent_ok ? &percent : NULL,
                             NULL) != JX_NUM_OK ||
                jx_rat_sign(r) < 0) {
                return -1;
            }
            *(struct jx_rat *)(void *)((char *)c + rat_names[k].off) = r;
            return 0;
        }
    }
    return -1;
}

/* Set one threshold, and the policy's copy of a threshold the scorer
 * applies (check.h). */
int jx_check_option(struct jx_check_config *c, struct jx_policy *p,
                    const char *assignment)
{
    if (jx_check_config_set(c, assignment) < 0) {
        return -1;
    }
    const char *eq = strchr(assignment, '=');
    size_t n = (size_t)(eq - assignment);
    if (p && n == strlen("over-achievement") &&
        memcmp(assignment, "over-achievement", n) == 0) {
        p->over_threshold = c->over_achievement;
    }
    return 0;
}

/* Note a value the next finding uses. */
void jx_check_use(struct jx_check_ctx *c, const struct jx_prov *p)
{
    if (p && c->nuses < sizeof c->uses / sizeof c->uses[0]) {
        c->uses[c->nuses++] = p;
    }
}

/* Add a finding at prov and/or a JSON path, naming the inferred values
 * it uses. */
struct jx_diag *jx_check_report(struct jx_check_ctx *c, const char *code,
                                enum jx_severity sev,
                                const struct jx_prov *prov, const char *path,
                                const char *fmt, ...)
{
    struct jx_loc loc = jx_prov_loc(prov, c->file, path);
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(c->arena, fmt, ap);
    va_end(ap);
    const struct jx_prov *all[17] = {prov};
    for (size_t i = 0; i < c->nuses; i++) {
        all[i + 1] = c->uses[i];
    }
    const char *note = jx_prov_inferred_note(c->arena, all, c->nuses + 1);
    c->nuses = 0;
    if (sev == JX_SEV_ERROR && note[0]) {
        sev = JX_SEV_WARNING; /* an input was inferred, not read: at most
                                 a warning, saying what was inferred */
    }
    return jx_diag_add(c->diags, code, sev, &loc, "%s%s", msg, note);
}

/* The report's facts the checks compare (money, percentages,
 * headcounts: never a count of things or a score, jx_facts_measured):
 * of those given to the run, else of the package's own (report.figures;
 * extracted from its text only for a package built without them). */
const struct jx_facts *jx_check_facts(struct jx_check_ctx *c)
{
    if (!c->facts) {
        c->facts = jx_facts_measured(c->arena,
                                     jx_package_facts(c->arena, c->pkg));
    }
    return c->facts;
}

/* Every figure of the report prose (counts and scores too): those given
 * to the run, else the package's own. */
const struct jx_facts *jx_check_all_facts(struct jx_check_ctx *c)
{
    if (!c->all_facts) {
        c->all_facts = jx_package_facts(c->arena, c->pkg);
    }
    return c->all_facts;
}

/* Run the families in order, the report's facts built here. */
void jx_check(struct jx_arena *arena, const struct jx_package *pkg,
              const struct jx_eval *ev, const struct jx_check_config *cfg,
              struct jx_diags *diags)
{
    jx_check_facts_run(arena, pkg, ev, cfg, NULL, diags);
}

/* Run the families in order over the facts given (or built). */
void jx_check_facts_run(struct jx_arena *arena, const struct jx_package *pkg,
                        const struct jx_eval *ev,
                        const struct jx_check_config *cfg,
                        const struct jx_facts *facts, struct jx_diags *diags)
{
    struct jx_check_ctx c = {
        .arena = arena, .pkg = pkg, .ev = ev, .cfg = cfg, .diags = diags,
        .file = pkg->source,
        .facts = facts ? jx_facts_measured(arena, facts) : NULL,
        .all_facts = facts,
    };
    jx_check_arith(&c);
    jx_check_text(&c);
    jx_check_identity(&c);
    jx_check_indicators(&c);
    jx_check_budget(&c);
    jx_check_complete(&c);
    jx_check_publish(&c);
}

/* The prose arithmetic over the facts of a document that is no
 * self-evaluation: an empty package stands in for the one it lacks. */
void jx_check_prose(struct jx_arena *arena, const struct jx_facts *facts,
                    const struct jx_check_config *cfg, struct jx_diags *diags)
{
    if (!facts || !facts->n) {
        return;
    }
    const struct jx_package *pkg = jx_package_new(arena);
    struct jx_check_ctx c = {
        .arena = arena, .pkg = pkg, .cfg = cfg, .diags = diags,
        .facts = jx_facts_measured(arena, facts), .all_facts = facts,
    };
    jx_check_arith_prose(&c);
}
