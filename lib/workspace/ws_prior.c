/*
 * ws_prior.c - last year at submit (issue 13, C122): find the version
 * that stands for the unit's year before, load its package and compare
 * this year's base sheet with it (jx_check_prior, lib/analyse).  The
 * store is read here; the comparison is the check's; printing is the
 * CLI's.
 */
#include "jixiao/wsflow.h"

#include <string.h>

#include "jixiao/pkgjson.h"

/* See wsflow.h. */
int jx_ws_prior_check(struct jx_arena *a, struct jx_store *s,
                      const char *unit, int year,
                      const struct jx_package *pkg,
                      const struct jx_check_config *cfg, int *version,
                      struct jx_diags *d)
{
    *version = 0;
    struct jx_stmt *st = jx_stmt_prepare(
        s, "SELECT v.number, v.package FROM versions v"
           " WHERE v.unit = ? AND v.year = ? AND v.object = 'whole'"
           " ORDER BY CASE WHEN EXISTS (SELECT 1 FROM audit t"
           " WHERE t.version = v.id"
           " AND t.to_state IN ('accepted', 'published'))"
           " THEN 1 ELSE 0 END DESC, v.number DESC LIMIT 1");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, unit);
    jx_stmt_bind_int(st, 2, year - 1);
    enum jx_step r = jx_stmt_step(st);
    int number = 0;
    const char *text = NULL;
    if (r == JX_STEP_ROW) {
        number = (int)jx_stmt_int(st, 0);
        const char *t = jx_stmt_text(st, 1);
        text = t ? jx_strdup(a, t) : NULL;
    }
    jx_stmt_finalize(st);
    if (r == JX_STEP_ERROR) {
        return -1;
    }
    if (!text) {
        return 0;
    }
    /* the stored package was saved by this program: a load problem
     * only means there is nothing to compare with */
    struct jx_diags pd;
    jx_diags_init(&pd, a);
    const char *name = jx_sprintf(a, "%s-%d-v%d.json", unit, year - 1, number);
    struct jx_package *last = jx_pkgjson_load(a, name, text, strlen(text), &pd);
    jx_diags_release(&pd);
    if (!last) {
        return 0;
    }
    *version = number;
    struct jx_check_prior prior = {last, year - 1, number};
    jx_check_prior(a, pkg, &prior, cfg, d);
    return 0;
}
