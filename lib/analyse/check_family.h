/*
 * check_family.h - what the cross-check families (lib/analyse/check_*.c)
 * share, private to lib/ (and the unit tests of single families): the
 * context each family sees, the report's facts built once, the families
 * and the shared way of adding a finding.
 */
#ifndef JIXIAO_CHECK_FAMILY_H
#define JIXIAO_CHECK_FAMILY_H

#include "jixiao/check.h"

struct jx_facts;

/* What a check family sees. */
struct jx_check_ctx {
    struct jx_arena *arena;
    const struct jx_package *pkg;
    const struct jx_eval *ev;           /* the package's scoring */
    const struct jx_check_config *cfg;
    struct jx_diags *diags;
    const char *file;                   /* the package's source, or NULL */
    const struct jx_facts *facts;       /* the report's figures, the
                                           package's own, taken on first
                                           use (jx_check_facts) */
    const struct jx_facts *all_facts;   /* the same with counts and
                                           scores (jx_check_all_facts) */
    const struct jx_prov *uses[16];     /* other values the next finding
                                           uses (jx_check_use) */
    size_t nuses;
    struct {
        const char *word;                /* a static string */
        bool ex;
    } explained[8];                      /* answers of check_budget's
                                            explained(), one report scan
                                            per word (0-initialised) */
    size_t nexplained;
};

/* The figures of the report prose the checks compare: the package's
 * report.figures (facts.h jx_package_facts) without counts and scores
 * (jx_facts_measured), taken once per run and shared by the families. */
const struct jx_facts *jx_check_facts(struct jx_check_ctx *c);

/* Every figure of the report prose, counts of things and scores too,
 * for the checks that look at those alone (C119); taken once per run. */
const struct jx_facts *jx_check_all_facts(struct jx_check_ctx *c);

/* The families (lib/check_*.c), in the order jx_check runs them. */
void jx_check_arith(struct jx_check_ctx *c);
void jx_check_arith_prose(struct jx_check_ctx *c); /* its prose part */
void jx_check_text(struct jx_check_ctx *c);
void jx_check_identity(struct jx_check_ctx *c);
void jx_check_indicators(struct jx_check_ctx *c);
void jx_check_budget(struct jx_check_ctx *c);
void jx_check_complete(struct jx_check_ctx *c);
void jx_check_publish(struct jx_check_ctx *c);

/* Note that the next finding also uses a value with provenance p
 * (besides the one it is located at); NULL is ignored. */
void jx_check_use(struct jx_check_ctx *c, const struct jx_prov *p);

/* Shared helper for the families: add a finding located at prov (when
 * not NULL) and the JSON path (printf-style, may be NULL).  When prov
 * or a value noted by jx_check_use was inferred rather than read, the
 * message ends with what jx_prov_inferred_note says (the uses are then
 * cleared).  Returns the entry (for jx_diag_detail) or NULL. */
struct jx_diag *jx_check_report(struct jx_check_ctx *c, const char *code,
                                enum jx_severity sev,
                                const struct jx_prov *prov, const char *path,
                                const char *fmt, ...) JX_PRINTF(6, 7);

#endif
