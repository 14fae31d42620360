/*
 * fw_eval.c - the framework engine: evaluates each item's scoring
 * primitive (proportional, bands, deduct, checklist, quarterly, manual,
 * formula, and parts: a sum of parts scored each by its own primitive)
 * over the caller's inputs, keeps every score with its
 * derivation beside the unit's stated score, writes the 扣分理由, sums
 * per level1 and in total, applies the caps and penalties on the total,
 * grades, and reports the F2xx findings (docs/ERRORS.md).
 *
 * No file formats here: the framework is already loaded, the inputs
 * come from the caller's environment, the stated scores from the
 * package model.  Everything is exact; only the item scores (at the
 * rule's scale) and the totals (2 decimals) round, half-up.  All
 * results live in the caller's arena.
 */
#include "jixiao/framework.h"

#include <string.h>

/* ---- state and small helpers ------------------------------------------ */

/* A stated row of the package, whatever table it came from. */
struct srow {
    const struct jx_rubric_row *row; /* real or synthesized */
    const char *path;                /* JSON pointer of the row */
    const char *name_sq, *level2_sq; /* name and level2 squeezed (for
                                        find_row), NULL when absent */
};

/* State of one evaluation. */
struct ectx {
    struct jx_arena *a;
    const struct jx_framework *fw;
    const struct jx_package *pkg;
    const struct jx_fw_env *env;
    struct jx_diags *d;
    struct jx_fw_param *params;
    size_t nparams;
    struct srow *rows;
    size_t nrows;
    bool *used;             /* rows matched so far */
    const char *table;      /* "/assessment", "/dept_scoring", "/unit_sheet" */
    bool has_table;         /* the package has the stated table */
    const char *const *functions; /* env->functions or NULL */
    bool *judged;           /* per item: a judgement given at run time */
    struct jx_rat *judgement; /* per item: its score */
    const char **judged_as; /* per item: the override as written */
};






/* Round with a mode to a whole number (bad on overflow). */
static struct jx_rat c_whole(struct jx_calc *k, struct jx_rat a,
                             enum jx_round mode)
{
    struct jx_rat r = jx_rat_int(0);
    if (!k->bad && jx_rat_round(a, 0, mode, &r) != JX_NUM_OK) {
        k->bad = true;
        r = jx_rat_int(0);
    }
    return r;
}

/* A number exactly, with the fewest decimals ("7", "0.5", "1.95"); 4
 * decimals when it has no short expansion.  Arena. */
static const char *num_text(struct jx_arena *a, struct jx_rat v)
{
    char buf[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(v, false, buf)) {
        jx_rat_format(v, 4, false, JX_ROUND_HALF_UP, buf);
    }
    return jx_strdup(a, buf);
}

/* A number exactly as a percentage when pct, else as num_text. */
static const char *pnum_text(struct jx_arena *a, struct jx_rat v, bool pct)
{
    char buf[JX_NUM_BUFSZ];
    if (!pct) {
        return num_text(a, v);
    }
    if (!jx_rat_format_exact(v, true, buf)) {
        jx_rat_format(v, 2, true, JX_ROUND_HALF_UP, buf);
    }
    return jx_strdup(a, buf);
}

/* A score at scale decimals ("7.00"). */
static const char *score_text(struct jx_arena *a, struct jx_rat v, int scale)
{
    char buf[JX_NUM_BUFSZ];
    return jx_strdup(a, jx_rat_format(v, scale, false, JX_ROUND_HALF_UP,
                                      buf));
}

/* The location of a framework expression, at byte off of its text when
 * it was written plainly. */
static struct jx_loc expr_loc(const struct jx_fw_input *in, size_t off)
{
    struct jx_loc l;
    memset(&l, 0, sizeof l);
    l.file = in->file;
    l.line = in->line;
    l.col = in->col;
    if (in->plain && in->text && in->col > 0) {
        l.col = in->col + 1 + (int)jx_utf8_count(in->text, off);
    }
    return l;
}

/* The location of an item's stated row (or of the item in its file). */
static struct jx_loc item_loc(const struct ectx *c,
                              const struct jx_fw_item_result *r,
                              const char *leaf)
{
    if (r->num.path) {
        const char *p = leaf ? jx_sprintf(c->a, "%s/%s", r->num.path, leaf)
                             : r->num.path;
        return jx_prov_loc(r->num.prov, c->pkg ? c->pkg->source : NULL, p);
    }
    struct jx_loc l;
    memset(&l, 0, sizeof l);
    l.file = r->item->file;
    l.line = r->item->line;
    l.col = r->item->col;
    return l;
}

/* The Chinese label of an item: 三级, else 二级, else 一级. */
static const char *item_label(const struct jx_fw_item *it)
{
    return it->name ? it->name : it->level2 ? it->level2 : it->level1;
}

/* The rule id of a primitive, as in the result's "rule". */
static const char *rule_id(enum jx_fw_rtype t)
{
    static const char *const ids[] = {
        "fw-proportional", "fw-bands", "fw-deduct", "fw-checklist",
        "fw-quarterly", "fw-manual", "fw-formula", "fw-parts"};
    return (size_t)t < sizeof ids / sizeof ids[0] ? ids[t] : "fw-?";
}

/* Add a named input to an item's derivation. */
static void add_input(struct ectx *c, struct jx_item *it, size_t *cap,
                      const char *name, const char *value)
{
    it->inputs = jx_arena_grow(c->a, it->inputs, it->ninputs, cap,
                               sizeof *it->inputs);
    it->inputs[it->ninputs].name = name;
    it->inputs[it->ninputs].value = value;
    it->ninputs++;
}

/* Append a note to an item ("；"-joined). */
static void add_note(struct ectx *c, struct jx_item *it, const char *note)
{
    it->note = it->note ? jx_sprintf(c->a, "%s；%s", it->note, note)
                        : jx_strdup(c->a, note);
}

/* ---- reason templates --------------------------------------------------- */

/* One placeholder of a 扣分理由 template and its text. */
struct var {
    const char *name;
    const char *value;
};

/* Expand {name} placeholders of tmpl with vars[0..n) (unknown ones are
 * kept as written).  Arena. */
static const char *expand(struct jx_arena *a, const char *tmpl,
                          const struct var *vars, size_t n)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (const char *p = tmpl; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        bool done = false;
        for (size_t i = 0; close && i < n && !done; i++) {
            size_t k = strlen(vars[i].name);
            if ((size_t)(close - p - 1) == k &&
                memcmp(p + 1, vars[i].name, k) == 0 && vars[i].value) {
                jx_buf_adds(&b, vars[i].value);
                p = close + 1;
                done = true;
            }
        }
        if (!done) {
            jx_buf_addc(&b, *p++);
        }
    }
    const char *out = jx_strdup(a, b.p);
    jx_buf_release(&b);
    return out;
}

/* ---- stated rows ---------------------------------------------------------- */

/* A text without spaces (ASCII and U+3000), for matching.  Arena. */
static const char *squeeze(struct jx_arena *a, const char *s)
{
    if (!s) {
        return NULL;
    }
    char *o = jx_alloc(a, strlen(s) + 1);
    size_t k = 0;
    for (size_t i = 0; s[i];) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
            i++;
        } else if (strncmp(s + i, "\xE3\x80\x80", 3) == 0) {
            i += 3;
        } else {
            o[k++] = s[i++];
        }
    }
    o[k] = '\0';
    return o;
}

/* Keep the row's name and level2 squeezed, once for every item that
 * looks for its row (find_row).  Arena. */
static void squeeze_row(struct jx_arena *a, struct srow *sr)
{
    sr->name_sq = squeeze(a, sr->row->name.s);
    sr->level2_sq = squeeze(a, sr->row->level2.s);
}

/* Collect the package's stated rows of the table the framework names. */
static void collect_rows(struct ectx *c)
{
    const struct jx_package *p = c->pkg;
    const struct jx_rubric *rb = NULL;
    switch (c->fw->stated) {
    case JX_FW_STATED_ASSESSMENT:
        rb = p ? &p->assessment : NULL;
        c->table = "/assessment";
        break;
    case JX_FW_STATED_DEPT_SCORING:
        rb = p ? &p->dept_scoring : NULL;
        c->table = "/dept_scoring";
        break;
    case JX_FW_STATED_UNIT_SHEET:
        c->table = "/unit_sheet";
        c->has_table = p && p->has_unit_sheet;
        if (!c->has_table) {
            return;
        }
        c->nrows = p->unit_sheet.nindicators;
        c->rows = jx_alloc_array(c->a, c->nrows ? c->nrows : 1,
                                 sizeof *c->rows);
        for (size_t i = 0; i < c->nrows; i++) {
            const struct jx_indicator *in = &p->unit_sheet.indicators[i];
            struct jx_rubric_row *r = jx_alloc(c->a, sizeof *r);
            r->level1 = in->level1;
            r->level2 = in->level2;
            r->name = in->name;
            r->points = in->points;
            r->score = in->score;
            r->prov = in->prov;
            c->rows[i].row = r;
            c->rows[i].path =
                jx_sprintf(c->a, "/unit_sheet/indicators/%zu", i);
            squeeze_row(c->a, &c->rows[i]);
        }
        c->used = jx_alloc_array(c->a, c->nrows ? c->nrows : 1, sizeof(bool));
        return;
    case JX_FW_STATED_NONE:
        break;
    }
    if (!rb || !rb->present) {
        return;
    }
    c->has_table = true;
    c->nrows = rb->nrows;
    c->rows = jx_alloc_array(c->a, c->nrows ? c->nrows : 1, sizeof *c->rows);
    for (size_t i = 0; i < c->nrows; i++) {
        c->rows[i].row = &rb->rows[i];
        c->rows[i].path = jx_sprintf(c->a, "%s/rows/%zu", c->table, i);
        squeeze_row(c->a, &c->rows[i]);
    }
    c->used = jx_alloc_array(c->a, c->nrows ? c->nrows : 1, sizeof(bool));
}

/* Whether hay (may be NULL) contains needle (both squeezed). */
static bool has_text(const char *hay, const char *needle)
{
    if (!hay || !needle || !*needle) {
        return false;
    }
    return strstr(hay, needle) != NULL;
}

/* Whether x equals y (both squeezed; either may be NULL: false). */
static bool same_text(const char *x, const char *y)
{
    return x && y && strcmp(x, y) == 0;
}

/* The first unused row for an item: by "match" in level2 or name; else
 * its name or level2 equal, else contained.  -1 when none.  The item's
 * texts are squeezed once here, the rows' in collect_rows. */
static long find_row(struct ectx *c, const struct jx_fw_item *it)
{
    const char *match = squeeze(c->a, it->match);
    const char *name = squeeze(c->a, it->name);
    const char *level2 = squeeze(c->a, it->level2);
    const char *key = name ? name : level2;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < c->nrows; i++) {
            if (c->used[i]) {
                continue;
            }
            const struct jx_rubric_row *r = c->rows[i].row;
            const char *rname = c->rows[i].name_sq;
            const char *rlevel2 = c->rows[i].level2_sq;
            bool hit;
            if (it->match) {
                hit = pass == 0 && (has_text(rlevel2, match) ||
                                    has_text(rname, match));
            } else if (pass == 0) {
                hit = (it->name && (same_text(rname, name) ||
                                    (!r->name.s &&
                                     same_text(rlevel2, name)))) ||
                      (!it->name && it->level2 &&
                       (same_text(rlevel2, level2) ||
                        (!r->level2.s && same_text(rname, level2))));
            } else {
                hit = key && (has_text(rname, key) ||
                              has_text(rlevel2, key));
            }
            if (hit) {
                c->used[i] = true;
                return (long)i;
            }
        }
    }
    return -1;
}

/* ---- run-time params ------------------------------------------------------ */

/* If name[0..nlen) is an item's id, record val as the reviewer's
 * judgement of that item (checked when the item has been scored,
 * apply_judgement) and return true; F118 for a value that is not a
 * score. */
static bool take_judgement(struct ectx *c, const char *ov, size_t nlen,
                           const char *val)
{
    const struct jx_framework *fw = c->fw;
    for (size_t k = 0; k < fw->nitems; k++) {
        const char *id = fw->items[k].id;
        if (!id || strlen(id) != nlen || memcmp(id, ov, nlen) != 0) {
            continue;
        }
        struct jx_fw_value v;
        const char *err = NULL;
        if (!jx_fw_value_parse(c->a, val, strlen(val), &v, &err) ||
            v.kind != JX_FWV_NUM || v.percent || jx_rat_sign(v.num) < 0) {
            struct jx_loc loc;
            memset(&loc, 0, sizeof loc);
            const struct jx_fw_item *it = &fw->items[k];
            jx_diag_add(c->d, "F118", JX_SEV_ERROR, &loc,
                        "对指标“%s”的判断“%s”不是得分（应为 0 至 %s 之间的数，"
                        "如 %s=%s）",
                        item_label(it), val,
                        it->has_points ? num_text(c->a, it->points) : "分值",
                        id,
                        it->has_points ? num_text(c->a, it->points) : "10");
            return true;
        }
        if (!c->judged) {
            size_t n = fw->nitems;
            c->judged = jx_alloc_array(c->a, n, sizeof *c->judged);
            c->judgement = jx_alloc_array(c->a, n, sizeof *c->judgement);
            c->judged_as = jx_alloc_array(c->a, n, sizeof *c->judged_as);
        }
        c->judged[k] = true;
        c->judgement[k] = v.num;
        c->judged_as[k] = ov;
        return true;
    }
    return false;
}

/* If name[0..nlen) is a named input of the caller (env->resolve knows
 * it), a new param of that name that takes the input's place in every
 * expression (params are looked up first), labelled as the input;
 * else NULL. */
static struct jx_fw_param *input_param(struct ectx *c, const char *name,
                                       size_t nlen)
{
    const struct jx_fw_env *env = c->env;
    if (!env || !env->resolve) {
        return NULL;
    }
    char *nm = jx_strndup(c->a, name, nlen);
    struct jx_fw_value v;
    memset(&v, 0, sizeof v);
    const char *label = NULL;
    if (!env->resolve(env->ctx, c->a, nm, NULL, 0, &v, &label)) {
        return NULL;
    }
    struct jx_fw_param *p = &c->params[c->nparams++];
    memset(p, 0, sizeof *p);
    p->name = nm;
    p->label = label;
    p->value = v;
    return p;
}

/* Copy the framework's params and apply env->overrides (F118 for an
 * unknown name or a bad value); an item's id takes the reviewer's
 * judgement of the item (take_judgement). */
static void set_params(struct ectx *c)
{
    const struct jx_framework *fw = c->fw;
    const char *const *ov = c->env ? c->env->overrides : NULL;
    size_t nov = 0;
    while (ov && ov[nov]) {
        nov++;
    }
    c->nparams = fw->nparams;
    c->params = jx_alloc_array(c->a, fw->nparams + nov + 1,
                               sizeof *c->params);
    if (fw->nparams) {
        memcpy(c->params, fw->params, fw->nparams * sizeof *c->params);
    }
    for (size_t i = 0; ov && ov[i]; i++) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        const char *eq = strchr(ov[i], '=');
        size_t nlen = eq ? (size_t)(eq - ov[i]) : strlen(ov[i]);
        struct jx_fw_param *p = NULL;
        for (size_t k = 0; k < c->nparams; k++) {
            if (strlen(c->params[k].name) == nlen &&
                memcmp(c->params[k].name, ov[i], nlen) == 0) {
                p = &c->params[k];
            }
        }
        if (eq && !p && take_judgement(c, ov[i], nlen, eq + 1)) {
            continue;
        }
        if (eq && !p) {
            p = input_param(c, ov[i], nlen);
        }
        if (!eq || !p) {
            struct jx_buf names;
            jx_buf_init(&names, 1u << 14);
            for (size_t k = 0; k < c->nparams; k++) {
                jx_buf_addf(&names, "%s%s", k ? "、" : "", c->params[k].name);
            }
            jx_diag_add(c->d, "F118", JX_SEV_ERROR, &loc,
                        !eq ? "运行时参数“%s”应写作 名称=值（框架 %s 的参数：%s）"
                            : "运行时参数“%s”不是框架 %s 的参数、输入或指标编号（参数：%s）",
                        ov[i], fw->id, names.len ? names.p : "无");
            jx_buf_release(&names);
            continue;
        }
        struct jx_fw_value v;
        const char *err = NULL;
        const char *val = eq + 1;
        if (!jx_fw_value_parse(c->a, val, strlen(val), &v, &err)) {
            jx_diag_add(c->d, "F118", JX_SEV_ERROR, &loc,
                        "运行时参数 %s 的值无法读取：%s", p->name, err);
            continue;
        }
        p->value = v;
        p->text = jx_strdup(c->a, val);
    }
}

/* ---- evaluation of one item -------------------------------------------------- */

/* Evaluate an expression of item it with a trace; an evaluation error
 * is reported (F206) and gives a MISSING value. */
static struct jx_fw_value eval_expr(struct ectx *c, const struct jx_fw_item *it,
                                    const struct jx_fw_input *in,
                                    struct jx_fw_trace *tr)
{
    struct jx_fw_value v;
    const char *err = NULL;
    if (jx_fw_expr_eval(c->a, in->expr, c->params, c->nparams, c->env, &v, tr,
                        &err) < 0) {
        /* a call the caller's list does not know was reported at load */
        bool listed_unknown = false;
        if (c->functions) {
            const char *names[JX_FW_MAX_EXPR_NODES];
            size_t offs[JX_FW_MAX_EXPR_NODES];
            size_t n = jx_fw_expr_calls(in->expr, names, offs,
                                        JX_FW_MAX_EXPR_NODES);
            for (size_t i = 0; i < n && i < JX_FW_MAX_EXPR_NODES; i++) {
                bool known = false;
                for (size_t k = 0; c->functions[k]; k++) {
                    known = known || strcmp(c->functions[k], names[i]) == 0;
                }
                listed_unknown = listed_unknown || !known;
            }
        }
        if (!listed_unknown) {
            struct jx_loc loc = expr_loc(in, 0);
            jx_diag_add(c->d, "F206", JX_SEV_WARNING, &loc,
                        "指标“%s”的表达式“%s”无法计算：%s",
                        it ? item_label(it) : "总分规则", in->text, err);
        }
    }
    return v;
}

/* Result of the common handling of an absent input. */
enum absent { A_NO = 0, A_SCORED, A_JUDGE, A_EXCLUDED };

/* Handle an input that is 不适用 or missing by the rule's policies:
 * set the score (full / zero), judgement, or exclusion; report F208 /
 * F205.  label names the input. */
static enum absent handle_absent(struct ectx *c, const struct jx_fw_item *it,
                                 struct jx_fw_item_result *r,
                                 const struct jx_fw_value *v,
                                 const char *label)
{
    const struct jx_fw_rule *ru = &it->rule;
    struct jx_loc loc = expr_loc(&ru->input, 0);
    loc = r->num.path ? item_loc(c, r, NULL) : loc;
    if (v->kind == JX_FWV_NA) {
        static const char *const zh[] = {"满分", "零分", "不计入总分",
                                         "人工判断"};
        jx_diag_add(c->d, "F208", JX_SEV_NOTE, &loc,
                    "指标“%s”的%s不适用（%s），按规则%s", item_label(it),
                    label, v->why ? v->why : "不适用", zh[ru->na]);
        add_note(c, &r->num, jx_sprintf(c->a, "%s不适用（%s），按%s处理",
                                        label, v->why ? v->why : "",
                                        zh[ru->na]));
        switch (ru->na) {
        case JX_FW_NA_FULL:
            r->num.value = it->points;
            r->num.formula = jx_sprintf(c->a, "%s不适用，得满分 %s", label,
                                        num_text(c->a, it->points));
            r->reason = "";
            return A_SCORED;
        case JX_FW_NA_ZERO:
            r->num.value = jx_rat_int(0);
            r->num.formula = jx_sprintf(c->a, "%s不适用，得 0 分", label);
            r->reason = jx_sprintf(c->a, "%s不适用（%s），按规则不得分，扣 %s 分",
                                   label, v->why ? v->why : "",
                                   num_text(c->a, it->points));
            return A_SCORED;
        case JX_FW_NA_EXCLUDE:
            r->num.formula = jx_sprintf(c->a, "%s不适用，本项不计入总分", label);
            r->reason = "";
            return A_EXCLUDED;
        case JX_FW_NA_JUDGE:
            break;
        }
        r->num.formula = jx_sprintf(c->a, "%s不适用，需人工判断", label);
        return A_JUDGE;
    }
    if (ru->missing == JX_FW_MISSING_ZERO) {
        jx_diag_add(c->d, "F205", JX_SEV_NOTE, &loc,
                    "指标“%s”缺少%s（%s），按规则得 0 分", item_label(it),
                    label, v->why ? v->why : "数据包中没有");
        r->num.value = jx_rat_int(0);
        r->num.formula = jx_sprintf(c->a, "缺少%s，得 0 分", label);
        r->reason = jx_sprintf(c->a, "缺少%s，不得分", label);
        return A_SCORED;
    }
    jx_diag_add(c->d, "F205", JX_SEV_WARNING, &loc,
                "指标“%s”缺少%s（%s），未能复核%s", item_label(it), label,
                v->why ? v->why : "数据包中没有",
                r->num.has_stated ? "，采用自评得分" : "");
    r->num.formula = jx_sprintf(c->a, "缺少%s，无法计算", label);
    add_note(c, &r->num, jx_sprintf(c->a, "缺少%s：%s", label,
                                    v->why ? v->why : "数据包中没有"));
    return A_JUDGE;
}

/* Copy a trace's inputs into the item. */
static void take_trace(struct ectx *c, struct jx_item *it, size_t *cap,
                       const struct jx_fw_trace *tr)
{
    for (size_t i = 0; i < tr->ninputs; i++) {
        add_input(c, it, cap, tr->inputs[i].name, tr->inputs[i].value);
    }
}

/* "filled = value" for a compound input, or "" for a lone name. */
static const char *input_step(struct ectx *c, const struct jx_fw_trace *tr,
                              const char *shown)
{
    if (tr->label || !tr->filled || strcmp(tr->filled, shown) == 0) {
        return "";
    }
    if (tr->named && strcmp(tr->named, tr->filled) != 0) {
        return jx_sprintf(c->a, "%s = %s = %s；", tr->named, tr->filled,
                          shown);
    }
    return jx_sprintf(c->a, "%s = %s；", tr->filled, shown);
}

/* The label of a rule's input: rule.label, the lone name's, the item's. */
static const char *input_label(const struct jx_fw_item *it,
                               const struct jx_fw_trace *tr)
{
    return it->rule.label ? it->rule.label
           : tr->label    ? tr->label
                          : item_label(it);
}

/* The Chinese quarter names. */
static const char *const quarter_zh[4] = {"第一季度", "第二季度", "第三季度",
                                          "第四季度"};

/* Score a proportional rule on number x. */
static void score_proportional(struct ectx *c, const struct jx_fw_item *it,
                               struct jx_fw_item_result *r, struct jx_calc *k,
                               struct jx_rat x, const char *xs,
                               const char *step, struct var *vars,
                               size_t *nvars)
{
    const struct jx_fw_rule *ru = &it->rule;
    const char *caps = pnum_text(c->a, ru->cap, ru->percent);
    const char *pts = num_text(c->a, it->points);
    vars[(*nvars)++] = (struct var){"cap", caps};
    if (jx_rat_cmp(x, ru->cap) > 0 && ru->over == JX_FW_OVER_ZERO) {
        r->num.value = jx_rat_int(0);
        r->num.formula = jx_sprintf(c->a, "%s%s > %s，按规则得 0 分", step, xs,
                                    caps);
        return;
    }
    struct jx_rat f = x;
    if (ru->over == JX_FW_OVER_CAP) {
        f = jx_rat_min(x, ru->cap);
    }
    f = jx_rat_max(f, jx_rat_int(0));
    struct jx_rat s = jx_calc_round(k, jx_calc_mul(k, it->points, f), ru->scale);
    r->num.value = s;
    r->num.formula =
        ru->over == JX_FW_OVER_ALLOW
            ? jx_sprintf(c->a, "%s%s × %s = %s", step, pts, xs,
                         score_text(c->a, s, ru->scale))
            : jx_sprintf(c->a, "%s%s × min(%s, %s) = %s", step, pts, xs, caps,
                         score_text(c->a, s, ru->scale));
}

/* Score a bands rule on number x; false when no band holds it. */
static bool score_bands(struct ectx *c, const struct jx_fw_item *it,
                        struct jx_fw_item_result *r, struct jx_calc *k,
                        struct jx_rat x, const char *xs, const char *step,
                        struct var *vars, size_t *nvars)
{
    const struct jx_fw_rule *ru = &it->rule;
    const struct jx_fw_band *hit = NULL;
    size_t nhit = 0;
    for (size_t i = 0; i < ru->nbands; i++) {
        if (jx_fw_range_has(&ru->bands[i].range, x)) {
            hit = hit ? hit : &ru->bands[i];
            nhit++;
        }
    }
    if (!hit) {
        return false;
    }
    if (nhit > 1) {
        add_note(c, &r->num, "输入同时落入多个档次（档次重叠），取第一个");
    }
    struct jx_rat s = jx_calc_round(k, hit->score, ru->scale);
    r->num.value = s;
    r->num.formula = jx_sprintf(c->a, "%s%s ∈ %s → %s", step, xs,
                                hit->range.text,
                                score_text(c->a, s, ru->scale));
    vars[(*nvars)++] = (struct var){
        "band", hit->name ? jx_sprintf(c->a, "%s %s", hit->name,
                                       hit->range.text)
                          : hit->range.text};
    return true;
}

/* Score a deduct rule on number x. */
static void score_deduct(struct ectx *c, const struct jx_fw_item *it,
                         struct jx_fw_item_result *r, struct jx_calc *k,
                         struct jx_rat x, const char *xs, const char *step,
                         struct var *vars, size_t *nvars)
{
    const struct jx_fw_rule *ru = &it->rule;
    struct jx_rat units = jx_rat_int(0);
    const char *how = "";
    if (jx_rat_sign(x) > 0) {
        struct jx_rat q = jx_calc_div(k, x, ru->per);
        static const char *const fn[] = {"ceil", "floor", ""};
        units = ru->count == JX_FW_COUNT_CEIL    ? c_whole(k, q, JX_ROUND_CEIL)
                : ru->count == JX_FW_COUNT_FLOOR ? c_whole(k, q, JX_ROUND_FLOOR)
                                                 : q;
        bool per1 = jx_rat_cmp(ru->per, jx_rat_int(1)) == 0;
        if (!per1 || !jx_rat_is_int(x) || ru->count == JX_FW_COUNT_EXACT) {
            how = jx_sprintf(c->a, "，扣分单位数 = %s(%s / %s) = %s",
                             fn[ru->count], xs,
                             pnum_text(c->a, ru->per, ru->percent),
                             num_text(c->a, units));
        }
    }
    struct jx_rat raw = jx_calc_sub(k, it->points, jx_calc_mul(k, ru->deduct, units));
    struct jx_rat s = jx_calc_round(k, jx_rat_max(ru->floor, raw), ru->scale);
    r->num.value = s;
    r->num.formula = jx_sprintf(
        c->a, "%smax(%s, %s − %s × %s) = %s%s", step,
        num_text(c->a, ru->floor), num_text(c->a, it->points),
        num_text(c->a, ru->deduct), num_text(c->a, units),
        score_text(c->a, s, ru->scale), how);
    vars[(*nvars)++] = (struct var){"units", num_text(c->a, units)};
}

/* Score a quarterly rule; false when an input is absent (*absent set). */
static bool score_quarterly(struct ectx *c, const struct jx_fw_item *it,
                            struct jx_fw_item_result *r, struct jx_calc *k,
                            size_t *icap, struct jx_fw_value *absent,
                            const char **absent_label, const char **below)
{
    const struct jx_fw_rule *ru = &it->rule;
    struct jx_rat q[4];
    const char *qs[4];
    for (int i = 0; i < 4; i++) {
        struct jx_fw_trace tr;
        memset(&tr, 0, sizeof tr);
        struct jx_fw_value v = eval_expr(c, it, &ru->quarters[i], &tr);
        take_trace(c, &r->num, icap, &tr);
        if (v.kind == JX_FWV_DATE) {
            v.kind = JX_FWV_MISSING;
            v.why = "季度支出进度应为数字，实际为日期";
        }
        if (v.kind != JX_FWV_NUM) {
            *absent = v;
            *absent_label = jx_sprintf(c->a, "%s末累计支出进度", quarter_zh[i]);
            return false;
        }
        q[i] = v.num;
        v.percent = true;
        qs[i] = jx_fw_value_show(c->a, &v);
    }
    struct jx_buf f, low;
    jx_buf_init(&f, 1u << 14);
    jx_buf_init(&low, 1u << 14);
    struct jx_rat sum = jx_rat_int(0), total = jx_rat_int(0);
    for (int i = 0; i < 4; i++) {
        struct jx_rat ratio = jx_calc_div(k, q[i], ru->schedule[i]);
        if (ru->cap_each) {
            ratio = jx_rat_min(ratio, jx_rat_int(1));
        }
        ratio = jx_rat_max(ratio, jx_rat_int(0));
        total = jx_calc_add(k, total, jx_calc_mul(k, ratio, ru->each));
        sum = jx_calc_add(k, sum, q[i]);
        const char *sched = pnum_text(c->a, ru->schedule[i], true);
        jx_buf_addf(&f, "%s%s%s / %s%s × %s", i ? " + " : "",
                    ru->cap_each ? "min(1, " : "", qs[i], sched,
                    ru->cap_each ? ")" : "", num_text(c->a, ru->each));
        if (jx_rat_cmp(q[i], ru->schedule[i]) < 0) {
            jx_buf_addf(&low, "%s%s末累计支出进度 %s 低于序时进度 %s",
                        low.len ? "；" : "", quarter_zh[i], qs[i], sched);
        }
    }
    struct jx_rat avg = jx_calc_div(k, sum, jx_rat_int(4));
    struct jx_rat avgc = avg;
    if (ru->cap_each) {
        avgc = jx_rat_min(avgc, jx_rat_int(1));
    }
    avgc = jx_rat_max(avgc, jx_rat_int(0));
    total = jx_calc_add(k, total, jx_calc_mul(k, avgc, ru->average));
    struct jx_rat s = jx_calc_round(k, total, ru->scale);
    r->num.value = s;
    char buf[JX_NUM_BUFSZ];
    jx_buf_addf(&f, " + %s(%s + %s + %s + %s) / 4%s × %s = %s",
                ru->cap_each ? "min(1, " : "", qs[0], qs[1], qs[2], qs[3],
                ru->cap_each ? ")" : "", num_text(c->a, ru->average),
                score_text(c->a, s, ru->scale));
    jx_buf_addf(&f, "（全年平均支出进度 %s）",
                jx_rat_format(avg, 2, true, JX_ROUND_HALF_UP, buf));
    r->num.formula = jx_strdup(c->a, f.p);
    *below = low.len ? jx_strdup(c->a, low.p) : NULL;
    jx_buf_release(&f);
    jx_buf_release(&low);
    return true;
}

/* State of a checklist's sub-points. */
enum held { H_NO = 0, H_YES, H_JUDGE };

/* Score a checklist: sub-points that hold, and the judgement part. */
static void score_checklist(struct ectx *c, const struct jx_fw_item *it,
                            struct jx_fw_item_result *r, struct jx_calc *k,
                            size_t *icap)
{
    const struct jx_fw_rule *ru = &it->rule;
    struct jx_rat autos = jx_rat_int(0), judge = jx_rat_int(0);
    struct jx_buf f, lost, jn;
    jx_buf_init(&f, 1u << 14);
    jx_buf_init(&lost, 1u << 14);
    jx_buf_init(&jn, 1u << 14);
    for (size_t i = 0; i < ru->nchecks; i++) {
        const struct jx_fw_check *ch = &ru->checks[i];
        enum held h = H_JUDGE;
        const char *why = NULL;
        if (ch->when.expr) {
            struct jx_fw_trace tr;
            memset(&tr, 0, sizeof tr);
            struct jx_fw_value v = eval_expr(c, it, &ch->when, &tr);
            take_trace(c, &r->num, icap, &tr);
            if (v.kind == JX_FWV_NUM) {
                h = jx_rat_sign(v.num) != 0 ? H_YES : H_NO;
            } else if (v.kind == JX_FWV_NA) {
                h = ru->na == JX_FW_NA_FULL   ? H_YES
                    : ru->na == JX_FW_NA_ZERO ? H_NO
                                              : H_JUDGE;
                why = jx_sprintf(c->a, "不适用：%s", v.why ? v.why : "");
            } else if (v.kind == JX_FWV_MISSING) {
                h = ru->missing == JX_FW_MISSING_ZERO ? H_NO : H_JUDGE;
                why = jx_sprintf(c->a, "缺少输入：%s", v.why ? v.why : "");
            }
        }
        const char *pts = num_text(c->a, ch->points);
        add_input(c, &r->num, icap, ch->name,
                  h == H_YES  ? jx_sprintf(c->a, "满足（%s 分）", pts)
                  : h == H_NO ? jx_sprintf(c->a, "不满足（0/%s 分）", pts)
                              : jx_sprintf(c->a, "需人工判断（%s 分）%s%s%s",
                                           pts, why ? "，" : "",
                                           why ? why : "", ""));
        if (h == H_YES) {
            autos = jx_calc_add(k, autos, ch->points);
            jx_buf_addf(&f, "%s%s", f.len ? " + " : "", pts);
        } else if (h == H_NO) {
            jx_buf_addf(&f, "%s0", f.len ? " + " : "");
            jx_buf_addf(&lost, "%s%s（%s 分）", lost.len ? "、" : "", ch->name,
                        pts);
        } else {
            judge = jx_calc_add(k, judge, ch->points);
            jx_buf_addf(&jn, "%s%s（%s 分）", jn.len ? "、" : "", ch->name,
                        pts);
        }
    }
    struct jx_rat hi = jx_calc_add(k, autos, judge);
    r->lo = jx_calc_round(k, autos, ru->scale);
    r->hi = jx_calc_round(k, hi, ru->scale);
    r->num.value = r->lo;
    if (jx_rat_sign(judge) == 0) {
        r->num.formula = jx_sprintf(c->a, "%s = %s", f.len ? f.p : "0",
                                    score_text(c->a, r->lo, ru->scale));
        r->status = JX_FWS_SCORED;
    } else {
        r->num.formula = jx_sprintf(
            c->a, "自动判定 %s = %s；需人工判断 %s 分（%s）；得分范围 [%s, %s]",
            f.len ? f.p : "0", num_text(c->a, autos), num_text(c->a, judge),
            jn.p, num_text(c->a, r->lo), num_text(c->a, r->hi));
        r->status = JX_FWS_RANGE;
    }
    struct jx_rat lostpts = jx_calc_sub(k, it->points, hi);
    if (lost.len) {
        r->reason = jx_sprintf(c->a, "未满足：%s，扣 %s 分", lost.p,
                               num_text(c->a, jx_rat_max(lostpts,
                                                         jx_rat_int(0))));
    } else {
        r->reason = "";
    }
    if (jn.len) {
        const char *j = jx_sprintf(c->a, "需人工判断：%s", jn.p);
        r->reason = *r->reason ? jx_sprintf(c->a, "%s；%s", r->reason, j) : j;
    }
    jx_buf_release(&f);
    jx_buf_release(&lost);
    jx_buf_release(&jn);
}

/* The name and range of each band, "全面 [20, 20]、较全面 [15, 19]". */
static const char *bands_text(struct ectx *c, const struct jx_fw_band *b,
                              size_t n)
{
    struct jx_buf t;
    jx_buf_init(&t, 1u << 14);
    for (size_t i = 0; i < n; i++) {
        jx_buf_addf(&t, "%s%s%s%s", i ? "、" : "", b[i].name ? b[i].name : "",
                    b[i].name ? " " : "", b[i].range.text);
    }
    const char *s = jx_strdup(c->a, t.p);
    jx_buf_release(&t);
    return s;
}

/* Clip a band's range to [0, points] as lo / hi. */
static void band_bounds(const struct jx_fw_band *b, struct jx_rat points,
                        struct jx_rat *lo, struct jx_rat *hi)
{
    *lo = b->range.lo_inf ? jx_rat_int(0) : jx_rat_max(b->range.lo,
                                                       jx_rat_int(0));
    *hi = b->range.hi_inf ? points : jx_rat_min(b->range.hi, points);
}

/* A manual (judgement) rule: validate the stated score against the
 * bands (F203 / F204) and ask the suggester. */
static void score_manual(struct ectx *c, const struct jx_fw_item *it,
                         struct jx_fw_item_result *r, size_t *icap)
{
    const struct jx_fw_rule *ru = &it->rule;
    r->status = JX_FWS_JUDGE;
    r->lo = jx_rat_int(0);
    r->hi = it->points;
    const char *all = bands_text(c, ru->bands, ru->nbands);
    r->num.formula = jx_sprintf(c->a, "人工评分，档次：%s%s%s", all,
                                ru->zero ? "；0 分：" : "",
                                ru->zero ? ru->zero : "");
    r->reason = "";
    if (ru->suggest && c->env && c->env->suggest) {
        struct jx_fw_suggestion sg;
        memset(&sg, 0, sizeof sg);
        if (c->env->suggest(c->env->ctx, c->a, ru->suggest, it, &sg)) {
            r->has_suggestion = true;
            r->suggestion = sg;
            for (size_t i = 0; sg.band && i < ru->nbands; i++) {
                if (ru->bands[i].name &&
                    strcmp(ru->bands[i].name, sg.band) == 0) {
                    r->suggested = &ru->bands[i];
                }
            }
            const char *what =
                sg.zero ? jx_sprintf(c->a, "0 分（%s）",
                                     ru->zero ? ru->zero : "零分情形")
                : r->suggested
                    ? jx_sprintf(c->a, "%s %s", r->suggested->name,
                                 r->suggested->range.text)
                    : sg.band ? sg.band
                              : "无";
            add_input(c, &r->num, icap, "建议档次", what);
            if (sg.band && !r->suggested && !sg.zero) {
                add_note(c, &r->num,
                         jx_sprintf(c->a, "建议的档次“%s”不是本规则的档次",
                                    sg.band));
            }
            r->reason = sg.reasons ? sg.reasons : "";
        }
    }
    if (!r->num.has_stated) {
        return;
    }
    struct jx_rat s = r->num.stated;
    const struct jx_fw_band *in[JX_FW_MAX_BANDS];
    size_t n = 0;
    for (size_t i = 0; i < ru->nbands && n < JX_FW_MAX_BANDS; i++) {
        if (jx_fw_range_has(&ru->bands[i].range, s)) {
            in[n++] = &ru->bands[i];
        }
    }
    struct jx_loc loc = item_loc(c, r, "score");
    const char *ss = num_text(c->a, s);
    if (n == 0 && !(ru->zero && jx_rat_sign(s) == 0)) {
        jx_diag_add(c->d, "F203", JX_SEV_ERROR, &loc,
                    "“%s”自评得分 %s 不在任何评分档次内（%s%s%s）",
                    item_label(it), ss, all, ru->zero ? "；0 分：" : "",
                    ru->zero ? ru->zero : "");
        r->num.agrees = JX_AGREE_NO;
        return;
    }
    r->num.has_value = true;
    r->num.value = s;
    r->num.agrees = JX_AGREE_YES;
    if (n == 0) {
        add_note(c, &r->num, jx_sprintf(c->a, "自评 0 分：%s",
                                        ru->zero ? ru->zero : ""));
    } else if (n == 1) {
        add_note(c, &r->num, jx_sprintf(c->a, "自评得分属“%s”档 %s",
                                        in[0]->name ? in[0]->name : "",
                                        in[0]->range.text));
    } else {
        struct jx_buf t;
        jx_buf_init(&t, 1u << 14);
        for (size_t i = 0; i < n; i++) {
            jx_buf_addf(&t, "%s“%s”%s", i ? "与" : "",
                        in[i]->name ? in[i]->name : "", in[i]->range.text);
        }
        jx_diag_add(c->d, "F204", JX_SEV_NOTE, &loc,
                    "“%s”自评得分 %s 同时属于%s %zu 个档次：评分规则本身的档次重叠，"
                    "无法据此判定档次",
                    item_label(it), ss, t.p, n);
        add_note(c, &r->num,
                 jx_sprintf(c->a, "自评得分同时属于%s：规则的档次重叠", t.p));
        jx_buf_release(&t);
    }
}

/* Compare a computed score with the stated one (F201), or a stated score
 * with the allowed range (F202). */
static void compare_stated(struct ectx *c, const struct jx_fw_item *it,
                           struct jx_fw_item_result *r)
{
    struct jx_item *n = &r->num;
    if (!n->has_stated) {
        return;
    }
    struct jx_loc loc = item_loc(c, r, "score");
    const char *ss = num_text(c->a, n->stated);
    if (it->has_points && (jx_rat_sign(n->stated) < 0 ||
                           jx_rat_cmp(n->stated, it->points) > 0)) {
        jx_diag_add(c->d, "F202", JX_SEV_ERROR, &loc,
                    "“%s”自评得分 %s 超出分值范围 [0, %s]", item_label(it), ss,
                    num_text(c->a, it->points));
        n->agrees = JX_AGREE_NO;
        return;
    }
    if (r->status == JX_FWS_SCORED) {
        struct jx_rat diff;
        if (jx_rat_sub(n->stated, n->value, &diff) != JX_NUM_OK) {
            n->agrees = JX_AGREE_NO;
            return;
        }
        if (jx_rat_sign(diff) < 0) {
            diff.num = -diff.num;
        }
        if (jx_rat_sign(diff) == 0) {
            n->agrees = JX_AGREE_YES;
            return;
        }
        struct jx_rat tol = {1, 100};
        bool rounding = jx_rat_cmp(diff, tol) <= 0;
        n->agrees = rounding ? JX_AGREE_ROUNDING : JX_AGREE_NO;
        struct jx_diag *e = jx_diag_add(
            c->d, "F201", rounding ? JX_SEV_ROUNDING : JX_SEV_ERROR, &loc,
            "“%s”自评得分 %s 与按规则复核的 %s 不一致", item_label(it), ss,
            score_text(c->a, n->value, n->scale));
        jx_diag_detail(c->d, e, "%s", n->formula ? n->formula : "");
        return;
    }
    if (r->status == JX_FWS_RANGE) {
        if (jx_rat_cmp(n->stated, r->lo) >= 0 &&
            jx_rat_cmp(n->stated, r->hi) <= 0) {
            n->agrees = JX_AGREE_YES;
            return;
        }
        n->agrees = JX_AGREE_NO;
        struct jx_diag *e = jx_diag_add(
            c->d, "F202", JX_SEV_ERROR, &loc,
            "“%s”自评得分 %s 超出规则允许的范围 [%s, %s]", item_label(it), ss,
            num_text(c->a, r->lo), num_text(c->a, r->hi));
        jx_diag_detail(c->d, e, "%s", n->formula ? n->formula : "");
    }
}

/* The sum of a parts item's part scores (which: 0 the lower ends, 1 the
 * upper ends, 2 what each part would enter a total), scaled up to the
 * item's points when some part is excluded (不适用, na "exclude"), and
 * rounded at the item's scale; *excluded (may be NULL) gets the points
 * of the excluded parts.  k->bad on overflow. */
static struct jx_rat parts_sum(const struct jx_fw_item_result *r, int which,
                               struct jx_calc *k, struct jx_rat *excluded)
{
    struct jx_rat sum = jx_rat_int(0), ex = jx_rat_int(0);
    for (size_t i = 0; i < r->nparts; i++) {
        const struct jx_fw_item_result *pr = &r->parts[i];
        if (pr->status == JX_FWS_EXCLUDED) {
            ex = jx_calc_add(k, ex, pr->item->points);
            continue;
        }
        sum = jx_calc_add(k, sum, pr->status == JX_FWS_SCORED ? pr->num.value
                            : which == 0               ? pr->lo
                            : which == 1               ? pr->hi
                                                       : pr->used);
    }
    if (excluded) {
        *excluded = ex;
    }
    struct jx_rat rest = jx_calc_sub(k, r->item->points, ex);
    if (jx_rat_sign(ex) > 0 && jx_rat_sign(rest) > 0) {
        sum = jx_calc_mul(k, sum, jx_calc_div(k, r->item->points, rest));
    }
    return jx_calc_round(k, sum, r->item->rule.scale);
}

/* Decide what the item puts into the total. */
static void decide_used(struct jx_fw_item_result *r)
{
    struct jx_item *n = &r->num;
    r->counted = r->status != JX_FWS_VALUE && r->status != JX_FWS_EXCLUDED &&
                 r->item->has_points;
    if (!r->counted) {
        return;
    }
    if (r->status == JX_FWS_SCORED) {
        r->used = n->value;
        r->used_from = "复核";
        r->settled = true;
        return;
    }
    if (n->has_stated) {
        struct jx_rat s = n->stated;
        bool inside = jx_rat_cmp(s, r->lo) >= 0 && jx_rat_cmp(s, r->hi) <= 0;
        r->used = jx_rat_max(r->lo, jx_rat_min(r->hi, s));
        r->used_from = inside && n->agrees != JX_AGREE_NO ? "自评" : "修正";
        r->settled = true;
        return;
    }
    if (r->nparts) {
        struct jx_calc k = {false};
        r->used = parts_sum(r, 2, &k, NULL);
        r->used_from = "下限";
        for (size_t i = 0; i < r->nparts; i++) {
            const char *from = r->parts[i].used_from;
            if (r->parts[i].counted && from && strcmp(from, "建议") == 0) {
                r->used_from = "建议";
            }
        }
        if (k.bad) {
            r->used = r->lo;
            r->used_from = "下限";
        }
        return;
    }
    if (r->has_suggestion && r->suggestion.zero) {
        r->used = jx_rat_int(0);
        r->used_from = "建议";
        return;
    }
    if (r->suggested) {
        struct jx_rat lo, hi;
        band_bounds(r->suggested, r->item->points, &lo, &hi);
        r->used = lo;
        r->used_from = "建议";
        return;
    }
    r->used = r->lo;
    r->used_from = "下限";
}

/* Settle an item awaiting judgement with the reviewer's score v (given
 * at run time as `as`): it must lie in the range the rule allows and,
 * for a manual rule, in one of its bands (or be 0 with the zero case);
 * else F118 and the item still awaits judgement.  An item the rule
 * computes needs no judgement (F118). */
static void apply_judgement(struct ectx *c, const struct jx_fw_item *it,
                            struct jx_fw_item_result *r, struct jx_rat v,
                            const char *as)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    const char *vs = num_text(c->a, v);
    if (!r->counted ||
        (r->status != JX_FWS_JUDGE && r->status != JX_FWS_RANGE)) {
        jx_diag_add(c->d, "F118", JX_SEV_ERROR, &loc,
                    "“%s”：指标“%s”%s，不需要人工判断", as, item_label(it),
                    r->status == JX_FWS_SCORED
                        ? jx_sprintf(c->a, "已按规则算出 %s",
                                     num_text(c->a, r->num.value))
                        : "不计入总分");
        return;
    }
    if (jx_rat_cmp(v, r->lo) < 0 || jx_rat_cmp(v, r->hi) > 0) {
        jx_diag_add(c->d, "F118", JX_SEV_ERROR, &loc,
                    "“%s”：判断 %s 超出指标“%s”规则允许的范围 [%s, %s]", as, vs,
                    item_label(it), num_text(c->a, r->lo),
                    num_text(c->a, r->hi));
        return;
    }
    const struct jx_fw_rule *ru = &it->rule;
    if (ru->type == JX_FWR_MANUAL) {
        bool in = ru->zero && jx_rat_sign(v) == 0;
        struct jx_buf bands;
        jx_buf_init(&bands, 1u << 14);
        for (size_t i = 0; i < ru->nbands; i++) {
            in = in || jx_fw_range_has(&ru->bands[i].range, v);
            jx_buf_addf(&bands, "%s%s %s", i ? "、" : "",
                        ru->bands[i].name ? ru->bands[i].name : "",
                        ru->bands[i].range.text ? ru->bands[i].range.text : "");
        }
        if (!in) {
            jx_diag_add(c->d, "F118", JX_SEV_ERROR, &loc,
                        "“%s”：判断 %s 不在指标“%s”的任何评分档次内（%s）", as,
                        vs, item_label(it), bands.len ? bands.p : "");
        }
        jx_buf_release(&bands);
        if (!in) {
            return;
        }
    }
    r->used = v;
    r->used_from = "判断";
    r->settled = true;
    r->num.has_value = true;
    r->num.value = v;
    add_note(c, &r->num, jx_sprintf(c->a, "得分 %s 由考核人员判断给出", vs));
}

/* Set up an item's result: the names and points of its derivation. */
static void init_result(const struct jx_fw_item *it,
                        struct jx_fw_item_result *r)
{
    const struct jx_fw_rule *ru = &it->rule;
    struct jx_item *n = &r->num;
    r->item = it;
    n->id = it->id;
    n->label = item_label(it);
    n->rule = rule_id(ru->type);
    n->scale = ru->scale;
    n->has_points = it->has_points && ru->type != JX_FWR_FORMULA;
    n->points = it->points;
    r->lo = jx_rat_int(0);
    r->hi = it->points;
    r->reason = NULL;
}

/* Find an item's stated row (none for "match": ""), noting F209 when
 * the table gives it no score. */
static void take_stated(struct ectx *c, const struct jx_fw_item *it,
                        struct jx_fw_item_result *r)
{
    const struct jx_fw_rule *ru = &it->rule;
    struct jx_item *n = &r->num;
    if (ru->type == JX_FWR_FORMULA || (it->match && !*it->match)) {
        return;
    }
    if (c->rows) {
        long row = find_row(c, it);
        if (row >= 0) {
            const struct srow *sr = &c->rows[row];
            r->stated_row = sr->row;
            n->path = sr->path;
            n->prov = sr->row->prov;
            if (sr->row->score.present) {
                n->has_stated = true;
                n->stated = sr->row->score.v;
            }
        }
    }
    if (ru->type != JX_FWR_FORMULA && c->fw->stated != JX_FW_STATED_NONE &&
        c->has_table && !n->has_stated) {
        struct jx_loc loc = item_loc(c, r, NULL);
        jx_diag_add(c->d, "F209", JX_SEV_NOTE, &loc,
                    r->stated_row ? "“%s”在评分表中没有填写得分"
                                  : "“%s”在评分表中没有对应的行",
                    item_label(it));
    }
}

static void score_parts(struct ectx *c, const struct jx_fw_item *it,
                        struct jx_fw_item_result *r, struct jx_calc *k,
                        size_t *icap);

/* Score an item by its rule into r (status, value, lo/hi, derivation,
 * 扣分理由); the stated score, when taken, is not compared here. */
static void score_item(struct ectx *c, const struct jx_fw_item *it,
                       struct jx_fw_item_result *r)
{
    const struct jx_fw_rule *ru = &it->rule;
    struct jx_item *n = &r->num;
    size_t icap = 0;
    n->inputs = NULL;
    if (it->has_points && ru->type != JX_FWR_FORMULA) {
        add_input(c, n, &icap, "分值", num_text(c->a, it->points));
    }
    struct jx_calc k = {false};
    struct var vars[16];
    size_t nvars = 0;
    if (ru->type == JX_FWR_MANUAL) {
        score_manual(c, it, r, &icap);
        goto done;
    }
    if (ru->type == JX_FWR_PARTS) {
        score_parts(c, it, r, &k, &icap);
        goto done;
    }
    if (ru->type == JX_FWR_CHECKLIST) {
        score_checklist(c, it, r, &k, &icap);
        n->has_value = r->status == JX_FWS_SCORED;
        goto done;
    }
    struct jx_fw_value v;
    const char *label;
    const char *xs = "";
    const char *step = "";
    const char *below = NULL;
    const char *filled = NULL;
    if (ru->type == JX_FWR_QUARTERLY) {
        const char *alabel = NULL;
        if (score_quarterly(c, it, r, &k, &icap, &v, &alabel, &below)) {
            r->status = JX_FWS_SCORED;
            n->has_value = true;
            label = "季度支出进度";
            goto scored;
        }
        label = alabel;
    } else {
        struct jx_fw_trace tr;
        memset(&tr, 0, sizeof tr);
        v = eval_expr(c, it, &ru->input, &tr);
        take_trace(c, n, &icap, &tr);
        label = input_label(it, &tr);
        if (v.kind == JX_FWV_NUM && ru->percent && !v.shown) {
            v.percent = true;
        }
        r->has_input = true;
        r->input = v;
        xs = jx_fw_value_show(c->a, &v);
        step = input_step(c, &tr, xs);
        filled = tr.label                       ? tr.label
                 : tr.named && strcmp(tr.named, tr.filled) != 0
                     ? jx_sprintf(c->a, "%s = %s", tr.named, tr.filled)
                     : tr.filled;
        if (v.kind == JX_FWV_DATE) {
            struct jx_loc loc = expr_loc(&ru->input, 0);
            jx_diag_add(c->d, "F206", JX_SEV_WARNING, &loc,
                        "指标“%s”的输入“%s”是日期 %s，此处需要数字",
                        item_label(it), ru->input.text, xs);
            v.kind = JX_FWV_MISSING;
            v.why = "输入是日期，不是数字";
        }
    }
    if (ru->type == JX_FWR_FORMULA) {
        n->percent = ru->percent;
        if (v.kind == JX_FWV_NUM) {
            r->status = JX_FWS_VALUE;
            n->has_value = true;
            n->value = jx_calc_round(&k, v.num, ru->percent ? ru->scale + 2
                                                      : ru->scale);
            char buf[JX_NUM_BUFSZ];
            n->formula = jx_sprintf(c->a, "%s = %s",
                                    filled ? filled : ru->input.text,
                                    jx_rat_format(n->value, ru->scale,
                                                  ru->percent,
                                                  JX_ROUND_HALF_UP, buf));
        } else {
            r->status = JX_FWS_NONE;
            n->note = v.kind == JX_FWV_NA
                          ? jx_sprintf(c->a, "不适用：%s", v.why ? v.why : "")
                          : jx_sprintf(c->a, "无法计算：%s",
                                       v.why ? v.why : "缺少输入");
        }
        r->reason = "";
        goto done;
    }
    if (v.kind != JX_FWV_NUM) {
        switch (handle_absent(c, it, r, &v, label)) {
        case A_SCORED:
            r->status = JX_FWS_SCORED;
            n->has_value = true;
            n->value = jx_calc_round(&k, n->value, ru->scale);
            goto done;
        case A_EXCLUDED:
            r->status = JX_FWS_EXCLUDED;
            goto done;
        case A_JUDGE:
        case A_NO:
            r->status = JX_FWS_JUDGE;
            goto done;
        }
    }
    vars[nvars++] = (struct var){"input", xs};
    vars[nvars++] = (struct var){"label", label};
    r->status = JX_FWS_SCORED;
    n->has_value = true;
    switch (ru->type) {
    case JX_FWR_PROPORTIONAL:
        score_proportional(c, it, r, &k, v.num, xs, step, vars, &nvars);
        break;
    case JX_FWR_BANDS:
        if (!score_bands(c, it, r, &k, v.num, xs, step, vars, &nvars)) {
            struct jx_loc loc = r->num.path ? item_loc(c, r, NULL)
                                            : expr_loc(&ru->input, 0);
            jx_diag_add(c->d, "F207", JX_SEV_WARNING, &loc,
                        "“%s”的%s %s 不在任何评分档次内（%s），无法评分",
                        item_label(it), label, xs,
                        bands_text(c, ru->bands, ru->nbands));
            n->has_value = false;
            n->formula = jx_sprintf(c->a, "%s%s 不在任何档次内", step, xs);
            r->status = JX_FWS_NONE;
            goto done;
        }
        break;
    case JX_FWR_DEDUCT:
        score_deduct(c, it, r, &k, v.num, xs, step, vars, &nvars);
        break;
    default:
        break;
    }
scored:
    if (k.bad) {
        struct jx_loc loc = expr_loc(&ru->input, 0);
        jx_diag_add(c->d, "F206", JX_SEV_WARNING, &loc,
                    "指标“%s”的得分无法精确计算（数值超出范围）",
                    item_label(it));
        n->has_value = false;
        r->status = JX_FWS_NONE;
        goto done;
    }
    r->lo = r->hi = n->value;
    {
        struct jx_rat lost;
        if (jx_rat_sub(it->points, n->value, &lost) != JX_NUM_OK) {
            lost = jx_rat_int(0);
        }
        vars[nvars++] = (struct var){"score", num_text(c->a, n->value)};
        vars[nvars++] = (struct var){"points", num_text(c->a, it->points)};
        vars[nvars++] = (struct var){"lost", num_text(c->a, lost)};
        if (jx_rat_sign(lost) <= 0) {
            r->reason = "";
        } else if (ru->reason) {
            r->reason = expand(c->a, ru->reason, vars, nvars);
        } else if (ru->type == JX_FWR_QUARTERLY) {
            r->reason = jx_sprintf(c->a, "%s，扣 %s 分",
                                   below ? below : "季度支出进度未达序时进度",
                                   num_text(c->a, lost));
        } else if (ru->type == JX_FWR_PROPORTIONAL &&
                   jx_rat_sign(n->value) == 0 &&
                   ru->over == JX_FW_OVER_ZERO &&
                   jx_rat_cmp(v.num, ru->cap) > 0) {
            r->reason = jx_sprintf(c->a, "%s %s 超过 %s，本项得 0 分", label,
                                   xs, pnum_text(c->a, ru->cap, ru->percent));
        } else if (ru->type == JX_FWR_PROPORTIONAL) {
            r->reason = jx_sprintf(c->a, "%s为 %s，按比例得 %s 分，扣 %s 分",
                                   label, xs, num_text(c->a, n->value),
                                   num_text(c->a, lost));
        } else if (ru->type == JX_FWR_BANDS) {
            r->reason = jx_sprintf(c->a, "%s为 %s，属 %s 档，得 %s 分，扣 %s 分",
                                   label, xs, expand(c->a, "{band}", vars,
                                                     nvars),
                                   num_text(c->a, n->value),
                                   num_text(c->a, lost));
        } else {
            r->reason = jx_sprintf(c->a, "%s %s，扣 %s 分", label, xs,
                                   num_text(c->a, lost));
        }
    }
done:
    if (r->status == JX_FWS_JUDGE && ru->type != JX_FWR_MANUAL) {
        r->lo = jx_rat_int(0);
        r->hi = it->points;
        if (!r->reason) {
            r->reason = "";
        }
    }
    if (r->status == JX_FWS_NONE && ru->type != JX_FWR_FORMULA) {
        r->status = JX_FWS_JUDGE;
        r->lo = jx_rat_int(0);
        r->hi = it->points;
        r->reason = "";
    }
    if (!r->reason) {
        r->reason = "";
    }
}

/* Evaluate one item into r: its stated row, its score, the comparison
 * of the two, and what enters the total. */
static void eval_item(struct ectx *c, const struct jx_fw_item *it,
                      struct jx_fw_item_result *r)
{
    init_result(it, r);
    take_stated(c, it, r);
    score_item(c, it, r);
    if (it->rule.type != JX_FWR_MANUAL) {
        compare_stated(c, it, r);
    }
    decide_used(r);
    size_t ix = (size_t)(it - c->fw->items);
    if (c->judged && ix < c->fw->nitems && c->judged[ix]) {
        apply_judgement(c, it, r, c->judgement[ix], c->judged_as[ix]);
    }
}

/* ---- sums, total rules, grade ------------------------------------------------ */

/* The grade of a total among the framework's grades, or NULL. */
static const char *grade_of(const struct jx_framework *fw, struct jx_rat t)
{
    for (size_t i = 0; i < fw->ngrades; i++) {
        if (jx_fw_range_has(&fw->grades[i].range, t)) {
            return fw->grades[i].name;
        }
    }
    return NULL;
}

/* Compare a sum with its stated value at 2 decimals (tolerance 0.01). */
static enum jx_agree agree_of(struct jx_rat computed, struct jx_rat stated)
{
    struct jx_rat diff;
    if (jx_rat_sub(stated, computed, &diff) != JX_NUM_OK) {
        return JX_AGREE_NO;
    }
    if (jx_rat_sign(diff) < 0) {
        diff.num = -diff.num;
    }
    if (jx_rat_sign(diff) == 0) {
        return JX_AGREE_YES;
    }
    struct jx_rat tol = {1, 100};
    return jx_rat_cmp(diff, tol) <= 0 ? JX_AGREE_ROUNDING : JX_AGREE_NO;
}

/* One subtotal per level1, in order of first use. */
static void make_subtotals(struct ectx *c, struct jx_fw_result *res)
{
    res->subtotals = jx_alloc_array(c->a, res->nitems ? res->nitems : 1,
                                    sizeof *res->subtotals);
    for (size_t i = 0; i < res->nitems; i++) {
        const char *l1 = res->items[i].item->level1;
        bool seen = false;
        for (size_t k = 0; k < res->nsubtotals && !seen; k++) {
            seen = strcmp(res->subtotals[k].label, l1) == 0;
        }
        if (seen) {
            continue;
        }
        struct jx_item *s = &res->subtotals[res->nsubtotals];
        s->id = jx_sprintf(c->a, "subtotals[%zu]", res->nsubtotals);
        s->label = l1;
        s->rule = "fw-subtotal";
        s->scale = 2;
        res->nsubtotals++;
        struct jx_calc k = {false};
        struct jx_rat sum = jx_rat_int(0), pts = jx_rat_int(0),
                      st = jx_rat_int(0);
        bool all_stated = true, any = false;
        struct jx_buf f;
        jx_buf_init(&f, 1u << 16);
        size_t icap = 0;
        for (size_t j = i; j < res->nitems; j++) {
            const struct jx_fw_item_result *r = &res->items[j];
            if (strcmp(r->item->level1, l1) != 0 || !r->counted) {
                continue;
            }
            any = true;
            sum = jx_calc_add(&k, sum, r->used);
            pts = jx_calc_add(&k, pts, r->item->points);
            if (r->num.has_stated) {
                st = jx_calc_add(&k, st, r->num.stated);
            } else {
                all_stated = false;
            }
            jx_buf_addf(&f, "%s%s", f.len ? " + " : "",
                        num_text(c->a, r->used));
            add_input(c, s, &icap, r->num.label,
                      jx_sprintf(c->a, "%s（%s）", num_text(c->a, r->used),
                                 r->used_from));
        }
        if (any && !k.bad) {
            s->has_value = true;
            s->value = sum;
            s->has_points = true;
            s->points = pts;
            s->formula = jx_sprintf(c->a, "%s = %s", f.p,
                                    score_text(c->a, sum, 2));
            if (all_stated) {
                s->has_stated = true;
                s->stated = st;
                s->agrees = agree_of(sum, st);
            }
        }
        jx_buf_release(&f);
    }
}

/* Apply a cap or penalty rule to the total (and to its range). */
static void apply_total_rule(struct ectx *c, struct jx_fw_result *res,
                             const struct jx_fw_total *t,
                             struct jx_fw_total_result *tr,
                             struct jx_rat *cur, struct jx_rat *lo,
                             struct jx_rat *hi)
{
    struct jx_item *n = &tr->num;
    tr->rule = t;
    tr->reason = "";
    n->id = jx_sprintf(c->a, "totals[%zu]", (size_t)(tr - res->totals));
    n->label = t->type == JX_FWT_CAP ? "总分封顶" : "总分扣分";
    n->rule = t->type == JX_FWT_CAP ? "fw-total-cap" : "fw-total-penalty";
    n->scale = 2;
    n->has_points = true;
    n->points = c->fw->points;
    n->has_value = true;
    size_t icap = 0;
    struct jx_fw_trace trc;
    memset(&trc, 0, sizeof trc);
    struct jx_fw_value v;
    const char *err = NULL;
    if (jx_fw_expr_eval(c->a, t->input.expr, c->params, c->nparams, c->env,
                        &v, &trc, &err) < 0) {
        struct jx_loc loc = expr_loc(&t->input, 0);
        jx_diag_add(c->d, "F206", JX_SEV_WARNING, &loc,
                    "总分规则的表达式“%s”无法计算：%s", t->input.text, err);
    }
    take_trace(c, n, &icap, &trc);
    const char *label = t->label ? t->label : trc.label ? trc.label
                                                         : t->input.text;
    const char *before = score_text(c->a, *cur, 2);
    n->value = *cur;
    if (v.kind == JX_FWV_DATE) {
        v.kind = JX_FWV_MISSING;
        v.why = "输入是日期，不是数字";
    }
    if (v.kind != JX_FWV_NUM) {
        struct jx_loc loc = expr_loc(&t->input, 0);
        bool na = v.kind == JX_FWV_NA;
        jx_diag_add(c->d, na ? "F208" : "F205",
                    na ? JX_SEV_NOTE : JX_SEV_WARNING, &loc,
                    "总分规则的%s%s（%s），本规则未执行", label,
                    na ? "不适用" : "缺失", v.why ? v.why : "");
        n->formula = jx_sprintf(c->a, "%s%s，不执行", label,
                                na ? "不适用" : "缺失");
        n->note = v.why;
        return;
    }
    bool any_pct = false;
    for (size_t i = 0; i < t->nbands; i++) {
        any_pct = any_pct || t->bands[i].range.percent;
    }
    if (any_pct && !v.shown) {
        v.percent = true;
    }
    const char *xs = jx_fw_value_show(c->a, &v);
    struct jx_calc k = {false};
    if (t->type == JX_FWT_CAP) {
        const struct jx_fw_band *b = NULL;
        for (size_t i = 0; i < t->nbands && !b; i++) {
            if (jx_fw_range_has(&t->bands[i].range, v.num)) {
                b = &t->bands[i];
            }
        }
        if (!b) {
            n->formula = jx_sprintf(c->a, "%s %s 不在任何封顶档次内，不封顶",
                                    label, xs);
            return;
        }
        const char *caps = num_text(c->a, b->score);
        *lo = jx_rat_min(*lo, b->score);
        *hi = jx_rat_min(*hi, b->score);
        if (jx_rat_cmp(*cur, b->score) <= 0) {
            n->formula = jx_sprintf(c->a, "%s %s ∈ %s，上限 %s；%s ≤ %s，不变",
                                    label, xs, b->range.text, caps, before,
                                    caps);
            return;
        }
        *cur = b->score;
        n->value = *cur;
        tr->applied = true;
        n->formula = jx_sprintf(c->a, "%s %s ∈ %s，上限 %s；min(%s, %s) = %s",
                                label, xs, b->range.text, caps, before, caps,
                                score_text(c->a, *cur, 2));
        tr->reason = jx_sprintf(c->a, "%s %s 属 %s，总分封顶 %s 分", label,
                                xs, b->range.text, caps);
    } else {
        struct jx_rat count = jx_rat_max(v.num, jx_rat_int(0));
        struct jx_rat ded = jx_calc_mul(&k, t->deduct, count);
        if (k.bad) {
            struct jx_loc loc = expr_loc(&t->input, 0);
            jx_diag_add(c->d, "F206", JX_SEV_WARNING, &loc,
                        "总分扣分无法精确计算（数值超出范围）");
            return;
        }
        if (jx_rat_sign(ded) == 0) {
            n->formula = jx_sprintf(c->a, "%s %s，不扣分", label, xs);
            return;
        }
        struct jx_rat z = jx_rat_int(0);
        struct jx_calc k2 = {false};
        *cur = jx_rat_max(z, jx_calc_sub(&k2, *cur, ded));
        *lo = jx_rat_max(z, jx_calc_sub(&k2, *lo, ded));
        *hi = jx_rat_max(z, jx_calc_sub(&k2, *hi, ded));
        n->value = *cur;
        tr->applied = true;
        n->formula = jx_sprintf(c->a, "max(0, %s − %s × %s) = %s", before,
                                num_text(c->a, t->deduct), xs,
                                score_text(c->a, *cur, 2));
        tr->reason = jx_sprintf(c->a, "%s%s%s %s，扣 %s 分",
                                t->reason ? t->reason : "",
                                t->reason ? "：" : "", label, xs,
                                num_text(c->a, ded));
    }
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = t->file;
    loc.line = t->line;
    loc.col = t->col;
    jx_diag_add(c->d, "F211", JX_SEV_NOTE, &loc, "总分由 %s 调整为 %s：%s",
                before, score_text(c->a, *cur, 2), tr->reason);
}

/* The stated total and grade of the package's table. */
static void stated_total(struct ectx *c, struct jx_num *tot,
                         const char **grade, const char **path,
                         const struct jx_prov **prov)
{
    const struct jx_package *p = c->pkg;
    memset(tot, 0, sizeof *tot);
    *grade = NULL;
    *path = NULL;
    *prov = NULL;
    if (!p) {
        return;
    }
    const struct jx_rubric *rb = NULL;
    switch (c->fw->stated) {
    case JX_FW_STATED_ASSESSMENT:
        rb = &p->assessment;
        break;
    case JX_FW_STATED_DEPT_SCORING:
        rb = &p->dept_scoring;
        break;
    case JX_FW_STATED_UNIT_SHEET:
        if (p->has_unit_sheet) {
            *tot = p->unit_sheet.stated_total;
            *path = "/unit_sheet/stated_total";
        }
        return;
    case JX_FW_STATED_NONE:
        return;
    }
    if (rb && rb->present) {
        *tot = rb->stated_total;
        *grade = rb->stated_grade.s;
        *path = jx_sprintf(c->a, "%s/stated_total", c->table);
    }
}

/* The totals: before the rules, each rule, after, range, grade. */
static void make_total(struct ectx *c, struct jx_fw_result *res)
{
    const struct jx_framework *fw = c->fw;
    struct jx_calc k = {false};
    struct jx_rat sum = jx_rat_int(0), lo = jx_rat_int(0),
                  hi = jx_rat_int(0), excluded = jx_rat_int(0);
    struct jx_item *tb = &res->total_before;
    tb->id = "total_before";
    tb->label = "合计";
    tb->rule = "fw-sum";
    tb->scale = 2;
    tb->has_points = true;
    tb->points = fw->points;
    struct jx_item *t = &res->total;
    t->id = "total";
    t->label = "总分";
    t->rule = "fw-total";
    t->scale = 2;
    t->has_points = true;
    t->points = fw->points;
    res->totals = jx_alloc_array(c->a, fw->ntotals ? fw->ntotals : 1,
                                 sizeof *res->totals);
    for (size_t i = 0; i < fw->nitems; i++) {
        res->scored = res->scored || fw->items[i].rule.type != JX_FWR_FORMULA;
    }
    if (!res->scored) {
        /* formula only: values, no points, so no total and no grade */
        tb->has_points = false;
        t->has_points = false;
        return;
    }
    size_t icap = 0;
    struct jx_buf f;
    jx_buf_init(&f, 1u << 18);
    for (size_t i = 0; i < res->nitems; i++) {
        const struct jx_fw_item_result *r = &res->items[i];
        if (r->status == JX_FWS_EXCLUDED && r->item->has_points) {
            excluded = jx_calc_add(&k, excluded, r->item->points);
        }
        if (!r->counted) {
            continue;
        }
        sum = jx_calc_add(&k, sum, r->used);
        lo = jx_calc_add(&k, lo, r->settled ? r->used : r->lo);
        hi = jx_calc_add(&k, hi, r->settled ? r->used : r->hi);
        if (!r->settled) {
            res->njudge++;
        }
        jx_buf_addf(&f, "%s%s", f.len ? " + " : "", num_text(c->a, r->used));
        add_input(c, tb, &icap, r->num.label,
                  jx_sprintf(c->a, "%s（%s）", num_text(c->a, r->used),
                             r->used_from));
    }
    const char *sumtext = f.len ? jx_strdup(c->a, f.p) : "0";
    jx_buf_release(&f);
    if (jx_rat_sign(excluded) > 0) {
        struct jx_rat rest = jx_calc_sub(&k, fw->points, excluded);
        if (jx_rat_sign(rest) > 0) {
            struct jx_rat factor = jx_calc_div(&k, fw->points, rest);
            sum = jx_calc_round(&k, jx_calc_mul(&k, sum, factor), 2);
            lo = jx_calc_round(&k, jx_calc_mul(&k, lo, factor), 2);
            hi = jx_calc_round(&k, jx_calc_mul(&k, hi, factor), 2);
            tb->formula = jx_sprintf(
                c->a, "(%s) × %s / (%s − 不适用 %s) = %s", sumtext,
                num_text(c->a, fw->points), num_text(c->a, fw->points),
                num_text(c->a, excluded), score_text(c->a, sum, 2));
            tb->note = "有不适用而不计分的指标，其余得分按满分折算";
        }
    }
    if (!tb->formula) {
        tb->formula = jx_sprintf(c->a, "%s = %s", sumtext,
                                 score_text(c->a, sum, 2));
    }
    if (k.bad) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        loc.file = fw->file;
        jx_diag_add(c->d, "F206", JX_SEV_WARNING, &loc,
                    "总分无法精确计算（数值超出范围）");
        return;
    }
    tb->has_value = true;
    tb->value = sum;
    res->sum_lo = lo;
    res->sum_hi = hi;
    if (res->njudge) {
        tb->note = jx_sprintf(c->a, "%s%s%zu 项需人工判断，合计范围 [%s, %s]",
                              tb->note ? tb->note : "", tb->note ? "；" : "",
                              res->njudge, num_text(c->a, lo),
                              num_text(c->a, hi));
    }
    struct jx_rat cur = sum;
    res->ntotals = fw->ntotals;
    for (size_t i = 0; i < fw->ntotals; i++) {
        apply_total_rule(c, res, &fw->totals[i], &res->totals[i], &cur, &lo,
                         &hi);
    }
    res->total_lo = lo;
    res->total_hi = hi;
    t->has_value = true;
    t->value = cur;
    size_t tcap = 0;
    add_input(c, t, &tcap, "合计", score_text(c->a, sum, 2));
    struct jx_buf tf;
    jx_buf_init(&tf, 1u << 16);
    jx_buf_adds(&tf, score_text(c->a, sum, 2));
    for (size_t i = 0; i < res->ntotals; i++) {
        if (res->totals[i].applied) {
            add_input(c, t, &tcap, res->totals[i].num.label,
                      res->totals[i].reason);
            jx_buf_addf(&tf, " → %s",
                        score_text(c->a, res->totals[i].num.value, 2));
        }
    }
    t->formula = jx_strdup(c->a, tf.p);
    jx_buf_release(&tf);
    if (res->njudge) {
        t->note = jx_sprintf(c->a, "%zu 项需人工判断：总分范围 [%s, %s]",
                             res->njudge, num_text(c->a, lo),
                             num_text(c->a, hi));
    }
    /* no grade while items await a judgement: the total is a range */
    res->grade = res->njudge ? NULL : grade_of(fw, cur);

    struct jx_num st;
    const char *sgrade, *spath;
    const struct jx_prov *sprov;
    stated_total(c, &st, &sgrade, &spath, &sprov);
    t->path = spath;
    t->prov = sprov;
    res->stated_grade = sgrade;
    if (!st.present) {
        return;
    }
    t->has_stated = true;
    t->stated = st.v;
    t->prov = st.prov ? st.prov : sprov;
    if (!res->stated_grade) {
        res->stated_grade = grade_of(fw, st.v);
    }
    struct jx_loc loc = jx_prov_loc(t->prov, c->pkg ? c->pkg->source : NULL,
                                    spath);
    bool exact = jx_rat_cmp(lo, hi) == 0;
    if (exact) {
        t->agrees = agree_of(cur, st.v);
    } else {
        t->agrees = jx_rat_cmp(st.v, lo) >= 0 && jx_rat_cmp(st.v, hi) <= 0
                        ? JX_AGREE_NA
                        : JX_AGREE_NO;
    }
    if (t->agrees == JX_AGREE_NO || t->agrees == JX_AGREE_ROUNDING) {
        struct jx_diag *e = jx_diag_add(
            c->d, "F210",
            t->agrees == JX_AGREE_ROUNDING ? JX_SEV_ROUNDING : JX_SEV_ERROR,
            &loc,
            exact ? "自评总分 %s 与按规则复核的总分 %s 不一致"
                  : "自评总分 %s 超出按规则复核的总分范围 %s",
            num_text(c->a, st.v),
            exact ? score_text(c->a, cur, 2)
                  : jx_sprintf(c->a, "[%s, %s]", num_text(c->a, lo),
                               num_text(c->a, hi)));
        jx_diag_detail(c->d, e, "%s", t->formula);
    }
    if (exact && res->grade && res->stated_grade &&
        strcmp(squeeze(c->a, res->stated_grade), res->grade) != 0) {
        jx_diag_add(c->d, "F212", JX_SEV_WARNING, &loc,
                    "自评等级“%s”与按复核总分 %s 评定的等级“%s”不同",
                    res->stated_grade, score_text(c->a, cur, 2), res->grade);
    }
}

/* ---- entry points ------------------------------------------------------------- */

/* Whether name is in the NULL-terminated list. */
static bool listed(const char *const *list, const char *name)
{
    for (size_t i = 0; list && list[i]; i++) {
        if (strcmp(list[i], name) == 0) {
            return true;
        }
    }
    return false;
}

/* Report the calls of one expression that the list does not know. */
static size_t check_input(const struct jx_fw_input *in,
                          const char *const *functions, struct jx_diags *d)
{
    if (!in->expr) {
        return 0;
    }
    const char *names[JX_FW_MAX_EXPR_NODES];
    size_t offs[JX_FW_MAX_EXPR_NODES];
    size_t n = jx_fw_expr_calls(in->expr, names, offs, JX_FW_MAX_EXPR_NODES);
    size_t bad = 0;
    for (size_t i = 0; i < n && i < JX_FW_MAX_EXPR_NODES; i++) {
        if (listed(functions, names[i])) {
            continue;
        }
        struct jx_buf all;
        jx_buf_init(&all, 1u << 14);
        for (size_t k = 0; functions[k]; k++) {
            jx_buf_addf(&all, "%s%s", k ? "、" : "", functions[k]);
        }
        struct jx_loc loc = expr_loc(in, offs[i]);
        jx_diag_add(d, "F116", JX_SEV_ERROR, &loc,
                    "未知的函数“%s”（可用的函数：%s）", names[i],
                    all.len ? all.p : "无");
        jx_buf_release(&all);
        bad++;
    }
    return bad;
}

/* Report the calls of a rule's expressions (and its parts') that the
 * list does not know. */
static size_t check_rule_calls(const struct jx_fw_rule *ru,
                               const char *const *functions,
                               struct jx_diags *d)
{
    size_t bad = check_input(&ru->input, functions, d);
    for (size_t q = 0; q < 4; q++) {
        bad += check_input(&ru->quarters[q], functions, d);
    }
    for (size_t k = 0; k < ru->nchecks; k++) {
        bad += check_input(&ru->checks[k].when, functions, d);
    }
    for (size_t k = 0; k < ru->nparts; k++) {
        bad += check_rule_calls(&ru->parts[k].rule, functions, d);
    }
    return bad;
}

/* Check every call against env->functions; see framework.h. */
size_t jx_framework_check(const struct jx_framework *fw,
                          const struct jx_fw_env *env, struct jx_diags *d)
{
    if (!env || !env->functions) {
        return 0;
    }
    size_t bad = 0;
    for (size_t i = 0; i < fw->nitems; i++) {
        bad += check_rule_calls(&fw->items[i].rule, env->functions, d);
    }
    for (size_t i = 0; i < fw->ntotals; i++) {
        bad += check_input(&fw->totals[i].input, env->functions, d);
    }
    return bad;
}

/* The years of a framework in words: "2024 年度", "2020 年度起",
 * "2019–2023 年度".  Arena. */
static const char *years_text(struct jx_arena *a, const struct jx_fw_range *y)
{
    const char *lo = y->lo_inf ? NULL : num_text(a, y->lo);
    const char *hi = y->hi_inf ? NULL : num_text(a, y->hi);
    if (lo && hi && strcmp(lo, hi) == 0) {
        return jx_sprintf(a, "%s 年度", lo);
    }
    if (lo && hi) {
        return jx_sprintf(a, "%s–%s 年度", lo, hi);
    }
    if (lo) {
        return jx_sprintf(a, "%s 年度起", lo);
    }
    return hi ? jx_sprintf(a, "%s 年度及以前", hi) : "各年度";
}

/* Whether the framework's place words name the package's area: one of
 * them in its 地区, unit name or report title. */
static bool of_region(const struct jx_framework *fw,
                      const struct jx_package *pkg)
{
    const char *where[3] = {pkg->unit.region.s, pkg->unit.name.s,
                            pkg->report.title.s};
    for (size_t i = 0; i < fw->nplaces; i++) {
        for (int k = 0; k < 3; k++) {
            if (where[k] && fw->places[i] && *fw->places[i] &&
                strstr(where[k], fw->places[i])) {
                return true;
            }
        }
    }
    return false;
}

/* Warn (F215) when the framework's rules are of another year (its
 * "years") or region (its "region" and "places") than the package:
 * the score is then computed by rules that were not the unit's.  A
 * package that says nothing of its year or area is not compared. */
static void check_applies(struct ectx *c, struct jx_fw_result *res)
{
    const struct jx_framework *fw = c->fw;
    const struct jx_package *pkg = c->pkg;
    if (!pkg) {
        return;
    }
    bool year_off = fw->has_years && pkg->year.present &&
                    !jx_fw_range_has(&fw->years, jx_rat_int(pkg->year.v));
    const char *area = pkg->unit.region.s && *pkg->unit.region.s
                           ? pkg->unit.region.s
                           : pkg->unit.name.s;
    bool region_off = fw->region && fw->nplaces && area && *area &&
                      !of_region(fw, pkg);
    if (!year_off && !region_off) {
        return;
    }
    const char *fw_what = jx_sprintf(
        c->a, "%s%s", region_off ? fw->region : "",
        year_off ? jx_sprintf(c->a, " %s", years_text(c->a, &fw->years))
                 : "");
    const char *pkg_what = jx_sprintf(
        c->a, "%s%s", region_off ? area : "",
        year_off ? jx_sprintf(c->a, " %lld 年度", (long long)pkg->year.v)
                 : "");
    res->mismatch = jx_sprintf(
        c->a, "评价框架 %s 是%s的规则，材料是%s的：%s不同，得分仅供参考",
        fw->id, fw_what, pkg_what,
        year_off && region_off ? "地区和年度都"
        : year_off             ? "年度"
                               : "地区");
    const struct jx_prov *prov = year_off ? pkg->year.prov
                                          : (pkg->unit.region.s
                                                 ? pkg->unit.region.prov
                                                 : pkg->unit.name.prov);
    struct jx_loc loc = jx_prov_loc(prov, pkg->source,
                                    year_off ? "/year" : "/unit");
    jx_diag_add(c->d, "F215", JX_SEV_WARNING, &loc, "%s", res->mismatch);
}

/* Evaluate a framework over a package; see framework.h. */
struct jx_fw_result *jx_framework_eval(struct jx_arena *a,
                                       const struct jx_framework *fw,
                                       const struct jx_package *pkg,
                                       const struct jx_fw_env *env,
                                       struct jx_diags *d)
{
    struct ectx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.fw = fw;
    c.pkg = pkg;
    c.env = env;
    c.d = d;
    c.functions = env ? env->functions : NULL;
    struct jx_fw_result *res = jx_alloc(a, sizeof *res);
    res->fw = fw;
    res->pkg = pkg;
    res->diags = d;
    jx_framework_check(fw, env, d);
    set_params(&c);
    res->params = c.params;
    res->nparams = c.nparams;
    check_applies(&c, res);
    collect_rows(&c);
    if (fw->stated != JX_FW_STATED_NONE && pkg && !c.has_table) {
        static const char *const zh[] = {"", "考核评分表（assessment）",
                                         "部门整体支出绩效评分表（dept_scoring）",
                                         "整体支出绩效自评表（unit_sheet）"};
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        loc.file = pkg->source;
        jx_diag_add(d, "F214", JX_SEV_NOTE, &loc,
                    "数据包中没有%s，无法对照单位的自评得分", zh[fw->stated]);
    }
    res->nitems = fw->nitems;
    res->items = jx_alloc_array(a, fw->nitems ? fw->nitems : 1,
                                sizeof *res->items);
    for (size_t i = 0; i < fw->nitems; i++) {
        eval_item(&c, &fw->items[i], &res->items[i]);
    }
    for (size_t i = 0; i < c.nrows; i++) {
        if (c.used[i] || (!c.rows[i].row->score.present &&
                          !c.rows[i].row->points.present)) {
            continue;
        }
        const struct jx_rubric_row *r = c.rows[i].row;
        struct jx_loc loc = jx_prov_loc(r->prov, pkg ? pkg->source : NULL,
                                        c.rows[i].path);
        jx_diag_add(d, "F213", JX_SEV_NOTE, &loc,
                    "评分表第 %zu 行“%s”没有对应框架 %s 中的任何指标", i + 1,
                    r->name.s    ? r->name.s
                    : r->level2.s ? r->level2.s
                    : r->level1.s ? r->level1.s
                                  : "",
                    fw->id);
    }
    make_subtotals(&c, res);
    make_total(&c, res);
    return res;
}

/* A part's score in a few words for its item's derivation: "不适用 → 3
 * （不适用按满分）", "97.59% ∈ [90%, 100%] → 2", "人工评分，档次：… →
 * [0, 1]".  Arena. */
static const char *part_what(struct ectx *c,
                             const struct jx_fw_item_result *pr)
{
    const struct jx_item *n = &pr->num;
    const struct jx_fw_rule *ru = &pr->item->rule;
    const char *f = n->formula ? n->formula : "";
    if (pr->status == JX_FWS_EXCLUDED) {
        return "不适用 → 不计分（其余部分按本项分值折算）";
    }
    if (pr->status != JX_FWS_SCORED) {
        const char *cut = strstr(f, "；得分范围 [");
        return jx_sprintf(c->a, "%.*s → [%s, %s]",
                          (int)(cut ? (size_t)(cut - f) : strlen(f)), f,
                          num_text(c->a, pr->lo), num_text(c->a, pr->hi));
    }
    const char *s = num_text(c->a, n->value);
    if (pr->has_input && pr->input.kind == JX_FWV_NA) {
        return jx_sprintf(c->a, "不适用 → %s（不适用按%s）", s,
                          ru->na == JX_FW_NA_ZERO ? "零分" : "满分");
    }
    if (pr->has_input && pr->input.kind == JX_FWV_MISSING) {
        return jx_sprintf(c->a, "缺失 → %s（缺失按零分）", s);
    }
    const char *full = score_text(c->a, n->value, n->scale);
    size_t fl = strlen(f), sl = strlen(full);
    size_t cut = fl;
    if (fl > sl + 5 && strcmp(f + fl - sl, full) == 0 &&
        (memcmp(f + fl - sl - 3, " = ", 3) == 0 ||
         memcmp(f + fl - sl - 5, " → ", 5) == 0)) {
        cut = fl - sl - (f[fl - sl - 2] == '=' ? 3 : 5);
    }
    return jx_sprintf(c->a, "%.*s → %s", (int)cut, f, s);
}

/* Score a parts rule: each part by its own rule against its own points
 * (its na / missing policies its own), the item's score the sum of the
 * parts (scaled up to the item's points when a part is excluded);
 * SCORED when every part is, else RANGE over the sums of the parts'
 * ranges, EXCLUDED when every part is.  The derivation names each part;
 * the 扣分理由 lists the parts that lost points and those that need
 * judgement. */
static void score_parts(struct ectx *c, const struct jx_fw_item *it,
                        struct jx_fw_item_result *r, struct jx_calc *k,
                        size_t *icap)
{
    const struct jx_fw_rule *ru = &it->rule;
    r->nparts = ru->nparts;
    r->parts = jx_alloc_array(c->a, ru->nparts ? ru->nparts : 1,
                              sizeof *r->parts);
    bool all_scored = true, any_counted = false;
    struct jx_buf f, lost, jn;
    jx_buf_init(&f, 1u << 16);
    jx_buf_init(&lost, 1u << 16);
    jx_buf_init(&jn, 1u << 16);
    for (size_t i = 0; i < ru->nparts; i++) {
        const struct jx_fw_part *p = &ru->parts[i];
        struct jx_fw_item *pi = jx_alloc(c->a, sizeof *pi);
        pi->id = jx_sprintf(c->a, "%s.parts[%zu]", it->id, i);
        pi->level1 = it->level1;
        pi->level2 = it->level2;
        pi->name = p->name;
        pi->has_points = true;
        pi->points = p->points;
        pi->match = "";
        pi->rule = p->rule;
        pi->file = p->file;
        pi->line = p->line;
        pi->col = p->col;
        struct jx_fw_item_result *pr = &r->parts[i];
        init_result(pi, pr);
        score_item(c, pi, pr);
        decide_used(pr);
        const char *pts = num_text(c->a, p->points);
        const char *what = part_what(c, pr);
        add_input(c, &r->num, icap, jx_sprintf(c->a, "%s（%s 分）", p->name, pts),
                  what);
        jx_buf_addf(&f, "%s%s %s", f.len ? " + " : "", p->name, what);
        if (pr->status == JX_FWS_EXCLUDED) {
            continue;
        }
        any_counted = true;
        if (pr->status != JX_FWS_SCORED) {
            all_scored = false;
            jx_buf_addf(&jn, "%s%s（%s 分%s%s）", jn.len ? "、" : "", p->name,
                        pts, *pr->reason ? "：" : "", pr->reason);
            continue;
        }
        struct jx_rat gone;
        if (jx_rat_sub(p->points, pr->num.value, &gone) == JX_NUM_OK &&
            jx_rat_sign(gone) > 0) {
            jx_buf_addf(&lost, "%s%s：%s", lost.len ? "；" : "", p->name,
                        *pr->reason ? pr->reason
                                    : jx_sprintf(c->a, "得 %s 分，扣 %s 分",
                                                 num_text(c->a, pr->num.value),
                                                 num_text(c->a, gone)));
        }
    }
    struct jx_rat excluded;
    r->lo = parts_sum(r, 0, k, &excluded);
    r->hi = parts_sum(r, 1, k, NULL);
    const char *sum = f.len ? f.p : "0";
    const char *scaled =
        jx_rat_sign(excluded) > 0 && any_counted
            ? jx_sprintf(c->a, "(%s) × %s / (%s − 不适用 %s)", sum,
                         num_text(c->a, it->points), num_text(c->a, it->points),
                         num_text(c->a, excluded))
            : sum;
    if (!any_counted) {
        r->status = JX_FWS_EXCLUDED;
        r->num.formula = jx_sprintf(c->a, "%s：各部分都不适用，本项不计入总分",
                                    sum);
        r->reason = "";
    } else if (all_scored) {
        r->status = JX_FWS_SCORED;
        r->num.has_value = true;
        r->num.value = r->lo;
        r->num.formula = jx_sprintf(c->a, "%s = %s", scaled,
                                    num_text(c->a, r->lo));
    } else {
        r->status = JX_FWS_RANGE;
        r->num.value = r->lo;
        r->num.formula = jx_sprintf(c->a, "%s，得分范围 [%s, %s]", scaled,
                                    num_text(c->a, r->lo),
                                    num_text(c->a, r->hi));
    }
    if (jx_rat_sign(excluded) > 0 && any_counted) {
        add_note(c, &r->num, "有不适用而不计分的部分，其余部分按本项分值折算");
    }
    if (k->bad) {
        struct jx_loc loc = item_loc(c, r, NULL);
        jx_diag_add(c->d, "F206", JX_SEV_WARNING, &loc,
                    "指标“%s”的得分无法精确计算（数值超出范围）",
                    item_label(it));
        r->status = JX_FWS_NONE;
        r->num.has_value = false;
    }
    if (r->status != JX_FWS_EXCLUDED) {
        r->reason = lost.len ? jx_strdup(c->a, lost.p) : "";
        if (jn.len) {
            const char *j = jx_sprintf(c->a, "需人工判断：%s", jn.p);
            r->reason = *r->reason ? jx_sprintf(c->a, "%s；%s", r->reason, j)
                                   : j;
        }
    }
    jx_buf_release(&f);
    jx_buf_release(&lost);
    jx_buf_release(&jn);
}
