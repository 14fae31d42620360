/*
 * ws_judge.c - the reviewer's judgements of the 考核评分表 on the store
 * (wsflow.h): recording them (jx_ws_judge_set: the judgements table,
 * append-only, and the unit's cached 'assessment' row rewritten), and
 * the unit's 考核 with its standing judgements (jx_ws_assess_unit) for
 * the portal's form.  Which scores an item allows is the framework's
 * (jx_framework_eval's check of run-time judgements, F118): a value it
 * does not settle the item with is refused.
 *
 * Ownership: results in the caller's arena; inputs borrowed.
 */
#include "jixiao/wsflow.h"

#include "ws_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jixiao/pkgjson.h"

/* Append a refusal (error) to d; returns 1. */
static int refuse(struct jx_diags *d, const char *code, const char *fmt, ...)
    JX_PRINTF(3, 4);
/* (the definition of refuse, declared above with its format check) */
static int refuse(struct jx_diags *d, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *m = jx_vsprintf(d->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(d, code, JX_SEV_ERROR, NULL, "%s", m);
    return 1;
}

/* See wsflow.h. */
bool jx_ws_item_judgeable(const struct jx_fw_item_result *r)
{
    return r && r->counted &&
           (r->status == JX_FWS_JUDGE || r->status == JX_FWS_RANGE);
}

/* What judging needs of the unit: its latest version's package, the
 * year, the rows, the framework and calendar, the standing judgements. */
struct judge_ctx {
    struct jx_wf_year y;
    const char *framework;
    int64_t vid;
    struct jx_package *pkg;
    struct jx_wf_audit *rows;
    size_t nrows;
    struct jx_wsi_scoring sc;
    struct jx_wsi_judged judged;
};

/* The id and package of unit's latest version for year: 0 (vid 0 when
 * none), -1. */
static int load_latest(struct jx_arena *a, struct jx_store *s,
                       const char *unit, int year, struct judge_ctx *c)
{
    struct jx_stmt *st = jx_stmt_prepare(
        s, "SELECT id, package FROM versions WHERE unit = ? AND year = ?"
           " AND object = ? ORDER BY number DESC LIMIT 1");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, unit);
    jx_stmt_bind_int(st, 2, year);
    jx_stmt_bind_text(st, 3, JX_WSI_OBJECT);
    enum jx_step r = jx_stmt_step(st);
    const char *pkgtext = NULL;
    if (r == JX_STEP_ROW) {
        c->vid = jx_stmt_int(st, 0);
        pkgtext = jx_strdup(a, jx_stmt_text(st, 1));
    }
    jx_stmt_finalize(st);
    if (r == JX_STEP_ERROR) {
        return -1;
    }
    if (pkgtext) {
        struct jx_diags pd;
        jx_diags_init(&pd, a);
        c->pkg = jx_pkgjson_load(a, unit, pkgtext, strlen(pkgtext), &pd);
        jx_diags_release(&pd);
    }
    return 0;
}

/* Read the year, the unit's latest version, rows, framework and standing
 * judgements into *c: 0, 1 refused (W022, W051, W055 in d), -1. */
static int load_judge_ctx(struct jx_arena *a, struct jx_store *s,
                          const char *unit, int year, struct judge_ctx *c,
                          struct jx_diags *d)
{
    memset(c, 0, sizeof *c);
    int r = jx_wsi_load_year(a, s, year, &c->y, &c->framework);
    if (r != 0) {
        return r < 0 ? -1
                     : refuse(d, "W022", "年度 %d 尚未设置（jixiao year set）",
                              year);
    }
    if (load_latest(a, s, unit, year, c) < 0) {
        return -1;
    }
    if (!c->vid || !c->pkg) {
        return refuse(d, "W051", "单位 %s 年度 %d 尚未送审，没有可判断的考核评分表",
                      unit, year);
    }
    struct jx_diags fd;
    jx_diags_init(&fd, a);
    jx_wsi_scoring_open(a, NULL, NULL, c->framework, &c->sc, &fd);
    jx_diags_release(&fd);
    if (!c->sc.fw) {
        return refuse(d, "W055", "年度 %d 的评价框架“%s”无法读取，不能记录判断",
                      year, c->framework);
    }
    if (jx_wsi_load_rows(a, s, unit, year, &c->rows, &c->nrows) < 0 ||
        jx_wsi_load_judged(a, s, unit, year, &c->judged) < 0) {
        return -1;
    }
    return 0;
}

/* The 考核 of c with overrides ov (NULL-terminated; may be NULL);
 * findings of the framework go to fd. */
static struct jx_fw_result *assess(struct jx_arena *a,
                                   const struct judge_ctx *c,
                                   const char *const *ov, struct jx_diags *fd)
{
    return jx_wf_assess(a, c->sc.fw, c->pkg, &c->y, c->rows, c->nrows,
                        c->sc.cal, ov, fd);
}

/* The result of item id in r, or NULL. */
static const struct jx_fw_item_result *item_result(
    const struct jx_fw_result *r, const char *id)
{
    for (size_t k = 0; k < r->nitems; k++) {
        if (r->items[k].item && r->items[k].item->id &&
            strcmp(r->items[k].item->id, id) == 0) {
            return &r->items[k];
        }
    }
    return NULL;
}

/* Whether override text ov (standing "ITEM=VALUE") is of an item in
 * set[0..n). */
static bool in_set(const char *ov, const struct jx_ws_judgement *set,
                   size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(set[i].item);
        if (strncmp(ov, set[i].item, l) == 0 && ov[l] == '=') {
            return true;
        }
    }
    return false;
}

/* The standing overrides of c without those of set's items, then the
 * overrides texts[0..n) of set (when texts is not NULL): NULL-terminated
 * in a. */
static const char *const *overrides_with(struct jx_arena *a,
                                         const struct judge_ctx *c,
                                         const struct jx_ws_judgement *set,
                                         const char *const *texts, size_t n)
{
    const char **ov = jx_alloc_array(a, c->judged.n + n + 1, sizeof *ov);
    size_t k = 0;
    for (size_t i = 0; i < c->judged.n; i++) {
        if (!in_set(c->judged.overrides[i], set, n)) {
            ov[k++] = c->judged.overrides[i];
        }
    }
    for (size_t i = 0; texts && i < n; i++) {
        ov[k++] = texts[i];
    }
    ov[k] = NULL;
    return ov;
}

/* The message of the framework's F118 about override `as` in fd, or
 * NULL. */
static const char *f118_about(struct jx_arena *a, const struct jx_diags *fd,
                              const char *as)
{
    const char *needle = jx_sprintf(a, "“%s”", as);
    for (size_t i = 0; i < fd->n; i++) {
        const struct jx_diag *g = &fd->a[i];
        if (g->code && strcmp(g->code, "F118") == 0 && g->msg &&
            strstr(g->msg, needle)) {
            return g->msg;
        }
    }
    return NULL;
}

/* Check set against the 考核 of c: W052, W053, W054 (1, d) or 0; texts
 * get the values as exact decimal text and the overrides. */
static int check_set(struct jx_arena *a, const struct judge_ctx *c,
                     const struct jx_ws_judgement *set, size_t n,
                     const char **values, const char **texts,
                     struct jx_diags *d)
{
    struct jx_diags fd;
    jx_diags_init(&fd, a);
    const struct jx_fw_result *base =
        assess(a, c, overrides_with(a, c, set, NULL, n), &fd);
    jx_diags_release(&fd);
    for (size_t i = 0; i < n; i++) {
        const char *id = set[i].item;
        const struct jx_fw_item *it = jx_framework_item(c->sc.fw, id);
        if (!it) {
            return refuse(d, "W052", "年度 %d 的评价框架“%s”中没有指标“%s”",
                          c->y.year, c->framework, id);
        }
        const struct jx_fw_item_result *r = item_result(base, id);
        if (!jx_ws_item_judgeable(r)) {
            const char *label = r && r->num.label ? r->num.label : id;
            return refuse(d, "W053", "指标“%s”（%s）%s，不需要人工判断", id,
                          label,
                          r && r->status == JX_FWS_SCORED ? "由规则算出得分"
                                                          : "不计入总分");
        }
        char buf[JX_NUM_BUFSZ];
        const char *v = jx_rat_format_exact(set[i].value, false, buf);
        if (!v) {
            return refuse(d, "W054", "对指标“%s”的判断须是有限位小数", id);
        }
        values[i] = jx_strdup(a, v);
        texts[i] = jx_sprintf(a, "%s=%s", id, values[i]);
    }
    jx_diags_init(&fd, a);
    const struct jx_fw_result *after =
        assess(a, c, overrides_with(a, c, set, texts, n), &fd);
    for (size_t i = 0; i < n; i++) {
        const struct jx_fw_item_result *r = item_result(after, set[i].item);
        if (!r || !r->used_from || strcmp(r->used_from, "判断") != 0 ||
            jx_rat_cmp(r->used, set[i].value) != 0) {
            const char *why = f118_about(a, &fd, texts[i]);
            int rc = refuse(d, "W054", "%s",
                            why ? why
                                : jx_sprintf(a, "“%s”：判断不在指标允许的范围内",
                                             texts[i]));
            jx_diags_release(&fd);
            return rc;
        }
    }
    jx_diags_release(&fd);
    return 0;
}

/* Who judges: a known reviewer or administrator (backdated: an
 * administrator, not in the future).  *uid, *at.  0, 1 refused, -1. */
static int judge_who(struct jx_store *s, const struct jx_ws_who *who,
                     int64_t *uid, int64_t *at, struct jx_diags *d)
{
    if (!who->user || !*who->user) {
        return refuse(d, "W020", "没有给出操作人：用 --as USER 或环境变量 "
                                 "JIXIAO_USER 指定");
    }
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT id, role FROM users WHERE name = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, who->user);
    enum jx_step r = jx_stmt_step(st);
    enum jx_wf_role role = JX_WF_ROLE_NONE;
    if (r == JX_STEP_ROW) {
        *uid = jx_stmt_int(st, 0);
        const char *t = jx_stmt_text(st, 1);
        if (!t || jx_wf_role_parse(t, strlen(t), &role) < 0) {
            role = JX_WF_ROLE_NONE;
        }
    }
    jx_stmt_finalize(st);
    if (r != JX_STEP_ROW) {
        return r == JX_STEP_ERROR
                   ? -1
                   : refuse(d, "W020", "工作区中没有用户“%s”", who->user);
    }
    if (role != JX_WF_REVIEWER && role != JX_WF_ADMIN) {
        return refuse(d, "W050",
                      "%s无权判断考核评分表的指标（可判断的是：财政审核人、管理员）",
                      jx_wf_role_zh(role));
    }
    *at = who->now;
    if (who->backdated) {
        if (role != JX_WF_ADMIN) {
            return refuse(d, "W009", "只有管理员可以补录过去的操作（--at），%s不能",
                          jx_wf_role_zh(role));
        }
        if (who->at > who->now) {
            char b[JX_WF_TIME_BUFSZ];
            return refuse(d, "W010", "补录的时间 %s 晚于现在",
                          jx_wf_time_format(who->at, b));
        }
        *at = who->at;
    }
    return 0;
}

/* Whether unit is in the workspace: 0, 1 refused (W021), -1. */
static int known_unit(struct jx_store *s, const char *unit,
                      struct jx_diags *d)
{
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT 1 FROM units WHERE code = ?");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, unit);
    enum jx_step r = jx_stmt_step(st);
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW    ? 0
           : r == JX_STEP_DONE ? refuse(d, "W021", "工作区中没有单位“%s”", unit)
                               : -1;
}

/* Insert one judgement row: 0, or -1. */
static int insert_row(struct jx_store *s, const char *unit, int year,
                      const char *item, const char *value, int64_t uid,
                      const char *at, const char *rec, bool backdated,
                      const char *comment)
{
    struct jx_stmt *st = jx_stmt_prepare(
        s, "INSERT INTO judgements (unit, year, object, item, value,"
           " actor_id, at, recorded, backdated, comment)"
           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, unit);
    jx_stmt_bind_int(st, 2, year);
    jx_stmt_bind_text(st, 3, JX_WSI_OBJECT);
    jx_stmt_bind_text(st, 4, item);
    jx_stmt_bind_text(st, 5, value);
    jx_stmt_bind_int(st, 6, uid);
    jx_stmt_bind_text(st, 7, at);
    jx_stmt_bind_text(st, 8, rec);
    jx_stmt_bind_int(st, 9, backdated ? 1 : 0);
    if (comment && *comment) {
        jx_stmt_bind_text(st, 10, comment);
    } else {
        jx_stmt_bind_null(st, 10);
    }
    enum jx_step r = jx_stmt_step(st);
    jx_stmt_finalize(st);
    return r == JX_STEP_DONE ? 0 : -1;
}

/* See wsflow.h. */
int jx_ws_judge_set(struct jx_store *s, const char *unit, int year,
                    const struct jx_ws_judgement *set, size_t n,
                    const char *comment, const struct jx_ws_who *who,
                    struct jx_arena *a, struct jx_ws_judged *out,
                    struct jx_diags *d)
{
    if (out) {
        memset(out, 0, sizeof *out);
    }
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    struct jx_arena *t = jx_arena_new();
    int64_t uid = 0, at = 0;
    struct judge_ctx c;
    int rc = jx_wsi_lock_writes(s);
    if (rc == 0) {
        rc = judge_who(s, who, &uid, &at, d);
    }
    if (rc == 0) {
        rc = known_unit(s, unit, d);
    }
    if (rc == 0) {
        rc = load_judge_ctx(t, s, unit, year, &c, d);
    }
    const char **values = jx_alloc_array(t, n + 1, sizeof *values);
    const char **texts = jx_alloc_array(t, n + 1, sizeof *texts);
    if (rc == 0) {
        rc = check_set(t, &c, set, n, values, texts, d);
    }
    char atb[JX_WF_TIME_BUFSZ], recb[JX_WF_TIME_BUFSZ];
    jx_wf_time_format(at, atb);
    jx_wf_time_format(who->now, recb);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = insert_row(s, unit, year, set[i].item, values[i], uid, atb, recb,
                        who->backdated, comment);
    }
    if (rc == 0) {
        rc = jx_wsi_rescore_unit(t, s, unit, year, &c.sc, NULL);
    }
    if (rc == 0 && out && a) {
        struct jx_wsi_judged j;
        struct jx_diags fd;
        jx_diags_init(&fd, t);
        rc = jx_wsi_load_judged(t, s, unit, year, &j);
        if (rc == 0) {
            const struct jx_fw_result *r = assess(t, &c, j.overrides, &fd);
            out->total = jx_strdup(a, jx_fw_result_total_text(t, r));
            out->grade = jx_strdup(a, r->grade);
            out->njudge = r->njudge;
        }
        jx_diags_release(&fd);
    }
    if (rc == 0) {
        rc = jx_store_commit(s) < 0 ? -1 : 0;
    } else {
        jx_store_rollback(s);
    }
    jx_arena_free(t);
    return rc;
}

/* See wsflow.h. */
int jx_ws_judge(struct jx_store *s, const char *unit, int year,
                const char *item, struct jx_rat value, const char *comment,
                const struct jx_ws_who *who, struct jx_diags *d)
{
    struct jx_ws_judgement one = {item, value};
    return jx_ws_judge_set(s, unit, year, &one, 1, comment, who, NULL, NULL,
                           d);
}

/* See wsflow.h. */
int jx_ws_assess_unit(struct jx_arena *a, struct jx_store *s,
                      const char *unit, int year, struct jx_fw_result **res,
                      struct jx_diags *d)
{
    *res = NULL;
    struct jx_diags rd;
    jx_diags_init(&rd, a);
    struct judge_ctx c;
    int rc = load_judge_ctx(a, s, unit, year, &c, &rd);
    if (rc == 1) {
        /* a unit without a version, or no framework: nothing to show */
        bool unset = rd.n && strcmp(rd.a[0].code, "W022") == 0;
        if (unset) {
            refuse(d, "W022", "%s", rd.a[0].msg);
        }
        jx_diags_release(&rd);
        return unset ? 1 : 0;
    }
    jx_diags_release(&rd);
    if (rc < 0) {
        return -1;
    }
    struct jx_diags fd;
    jx_diags_init(&fd, a);
    *res = assess(a, &c, c.judged.overrides, &fd);
    (*res)->diags = NULL;
    jx_diags_release(&fd);
    return 0;
}
