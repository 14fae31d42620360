/*
 * recog_rubric.c - seed 002's 部门（单位）整体支出绩效目标完成情况自评表
 * (tasks with amounts in 元, goals, indicators without points) and
 * 部门整体支出绩效评分表, and the bureau's 考核评分表 of seeds 000/004.
 *
 * Seed 002 comes from PDF text: columns drift from row to row, a cell
 * may hold two columns ("重点工作完成情况 效率性 8"), a long cell may go
 * on in the next row, and a score may sit at the end of the 评分标准
 * ("…（1分）。 2").  So these recognisers read rows by what their cells
 * look like: the four amounts of a task row, the long description and
 * standard of a scoring row with its short labels and numbers before
 * them.  For the 评分表 the indicators of the 深圳 部门整体支出绩效评价
 * 共性指标体系框架 (rules.md §8.1) are known: a row is matched to them by
 * its name or description, which gives its place, its levels and its
 * maximum where the print lost them (with a note, I407).
 *
 * The header cells, the closing rows and the level names of these
 * tables are the words of the catalogue of forms (forms.h: the forms of
 * kind "assessment"; level names of every form).
 */
#include "recognise/recog.h"

#include <string.h>

/* Most rows kept (the format's limits). */
enum { MAX_ROWS = 10000 };

/* Code points of s. */
static size_t cps(const char *s)
{
    return jx_utf8_count(s, strlen(s));
}

/* Add a finding at a provenance. */
static void note(struct jx_rc *rc, const char *code, enum jx_severity sev,
                 const struct jx_prov *p, const char *fmt, ...)
    JX_PRINTF(5, 6);

/* Add a finding (see above). */
static void note(struct jx_rc *rc, const char *code, enum jx_severity sev,
                 const struct jx_prov *p, const char *fmt, ...)
{
    if (!rc->diags) {
        return;
    }
    struct jx_loc l = jx_prov_loc(p, NULL, NULL);
    va_list ap;
    va_start(ap, fmt);
    const char *msg = jx_vsprintf(rc->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(rc->diags, code, sev, &l, "%s", msg);
}

/* The number of cells of r up to the last non-blank one. */
static size_t filled_len(const struct jx_rc_row *r)
{
    size_t n = r->n;
    while (n > 0 && jx_rc_blank(jx_rcc_text(&r->cells[n - 1]))) {
        n--;
    }
    return n;
}

/* True when a cell holds an amount: digits with separators, points and
 * stray blanks only (and at least one digit). */
static bool money_like(const char *text)
{
    bool digit = false;
    for (const char *p = text; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            digit = true;
        } else if (*p != ',' && *p != '.' && *p != ' ' && *p != '\n') {
            return false;
        }
    }
    return digit;
}

/* ---- 部门（单位）整体支出绩效目标完成情况自评表 ------------------------- */

/* Level labels of indicators: 1 or 2 when the whole key is a level-1
 * or level-2 name of some form of the catalogue (its anchor rows
 * level1 / level2), else 0. */
static int level_of(const struct jx_rc *rc, const char *key)
{
    for (int lv = 1; lv <= 2; lv++) {
        for (size_t i = 0; i < rc->forms->n; i++) {
            const struct jx_form *f = &rc->forms->f[i];
            if (jx_form_words_is(&f->row[lv == 1 ? JX_FR_LEVEL1
                                                 : JX_FR_LEVEL2],
                                 key)) {
                return lv;
            }
        }
    }
    return 0;
}

/* Text fields of a task in order, for continuation rows. */
static struct jx_text *task_field(struct jx_task *t, int k)
{
    return k == 0 ? &t->name : k == 1 ? &t->content : &t->status;
}

/* State of the goal sheet being read. */
struct goal_state {
    struct jx_sheet *s;
    enum { GM_HEAD = 0, GM_TASKS, GM_GOALS, GM_IND } mode;
    size_t captasks, capgoals, capind;
    struct jx_text l1, l2;
    bool last_task;           /* the previous row was a task row */
    bool last_ind;            /* the previous row was an indicator row */
    unsigned more;            /* continuations joined to the last row */
};

/* Read a task row whose first amount is cell m; returns the task. */
static void task_row(struct jx_rc *rc, const struct jx_rc_row *r, size_t m,
                     struct goal_state *st, struct jx_task *t)
{
    memset(t, 0, sizeof *t);
    struct jx_amt *amts[4] = {&t->budget_total, &t->budget_fiscal,
                              &t->executed_total, &t->executed_fiscal};
    size_t k = 0;
    for (size_t i = m; i < r->n && k < 4; i++) {
        if (money_like(jx_rcc_text(&r->cells[i]))) {
            jx_rc_money(rc, &r->cells[i], st->s->unit, amts[k++]);
        }
    }
    if (m >= 1) {
        jx_rc_text(rc, &r->cells[m - 1], &t->status);
    }
    if (m >= 2) {
        jx_rc_text(rc, &r->cells[m - 2], &t->content);
    }
    if (m >= 3 && !jx_rc_starts(jx_rcc_key(&r->cells[m - 3]), "年度主要任务")) {
        jx_rc_text(rc, &r->cells[m - 3], &t->name);
    }
    t->prov = jx_rc_cell_prov(rc, &r->cells[0]);
}

/* Append the fragments of a continuation row to the last task: the
 * k-th fragment to its k-th filled text (name, content, status). */
static void task_more(struct jx_rc *rc, const struct jx_rc_row *r,
                      struct jx_task *t, unsigned *more)
{
    const struct jx_rc_cell *frag[8];
    size_t nf = 0;
    for (size_t i = 0; i < r->n && nf < 8; i++) {
        if (!jx_rc_blank(jx_rcc_text(&r->cells[i]))) {
            frag[nf++] = &r->cells[i];
        }
    }
    int filled[3], nfl = 0;
    for (int k = 0; k < 3; k++) {
        if (task_field(t, k)->s) {
            filled[nfl++] = k;
        }
    }
    unsigned before = *more;
    for (size_t j = 0; j < nf; j++) {
        int k = (int)j < nfl ? filled[j] : 1;
        struct jx_text *f = task_field(t, k);
        unsigned c = before;
        jx_rc_append(rc->arena, &f->s, jx_rcc_text(frag[j]), "\n", &c);
        if (!f->prov) {
            f->prov = jx_rc_cell_prov(rc, frag[j]);
        }
    }
    (*more)++;
}

/* One indicator row of the goal sheet: labels, a name, and the target
 * and actual in the last two cells. */
static void goal_ind_row(struct jx_rc *rc, const struct jx_rc_row *r,
                         struct goal_state *st)
{
    size_t n = filled_len(r);
    const struct jx_rc_cell *texts[16];
    size_t nt = 0;
    for (size_t i = 0; i < n; i++) {
        const struct jx_rc_cell *c = &r->cells[i];
        if (jx_rc_blank(jx_rcc_text(c))) {
            continue;
        }
        int lv = level_of(rc, jx_rcc_key(c));
        if (lv == 1) {
            st->l1.s = jx_rcc_key(c);
            st->l1.prov = jx_rc_cell_prov(rc, c);
            st->l2.s = NULL;
        } else if (lv == 2) {
            st->l2.s = jx_rcc_key(c);
            st->l2.prov = jx_rc_cell_prov(rc, c);
        } else if (nt < 16) {
            texts[nt++] = c;
        }
    }
    if (nt == 1 && st->last_ind && n >= 2 &&
        (n < 2 || jx_rc_blank(jx_rcc_text(&r->cells[n - 2]))) &&
        st->s->nindicators > 0 && !level_of(rc, jx_rcc_key(&r->cells[n - 1]))) {
        /* the rest of the previous row's name */
        bool only_text = true;
        for (size_t i = 0; i < n; i++) {
            if (!jx_rc_blank(jx_rcc_text(&r->cells[i])) &&
                level_of(rc, jx_rcc_key(&r->cells[i]))) {
                only_text = false;
            }
        }
        if (only_text) {
            struct jx_indicator *p = &st->s->indicators[st->s->nindicators - 1];
            jx_rc_append(rc->arena, &p->name.s, jx_rcc_text(texts[0]), "",
                         &st->more);
            return;
        }
    }
    if (!nt) {
        st->last_ind = false;
        return;
    }
    struct jx_indicator ind;
    memset(&ind, 0, sizeof ind);
    const struct jx_rc_cell *ca = n >= 1 ? &r->cells[n - 1] : NULL;
    const struct jx_rc_cell *ct = n >= 2 ? &r->cells[n - 2] : NULL;
    if (ca && level_of(rc, jx_rcc_key(ca))) {
        ca = NULL;
    }
    if (ct && level_of(rc, jx_rcc_key(ct))) {
        ct = NULL;
    }
    jx_rc_text(rc, ct, &ind.target);
    jx_rc_text(rc, ca, &ind.actual);
    for (size_t j = nt; j-- > 0;) {
        if (texts[j] != ca && texts[j] != ct) {
            jx_rc_text(rc, texts[j], &ind.name);
            break;
        }
    }
    ind.level1 = st->l1;
    ind.level2 = st->l2;
    ind.prov = jx_rc_cell_prov(rc, &r->cells[0]);
    struct jx_sheet *s = st->s;
    if (s->nindicators < MAX_ROWS) {
        s->indicators = jx_arena_grow(rc->arena, s->indicators, s->nindicators,
                             &st->capind, sizeof *s->indicators);
        s->indicators[s->nindicators++] = ind;
    }
    st->last_ind = true;
    st->more = 0;
}

/* The goal texts of a row: the first fills 预期目标, the next 实际完成
 * 情况, later ones go on with the last. */
static void goal_text_row(struct jx_rc *rc, const struct jx_rc_row *r,
                          struct goal_state *st)
{
    struct jx_sheet *s = st->s;
    for (size_t i = 0; i < r->n; i++) {
        const struct jx_rc_cell *c = &r->cells[i];
        if (jx_rc_blank(jx_rcc_text(c)) ||
            jx_rc_starts(jx_rcc_key(c), "年度总体目标")) {
            continue;
        }
        if (!s->ngoals) {
            s->goals = jx_arena_grow(rc->arena, s->goals, s->ngoals, &st->capgoals,
                            sizeof *s->goals);
            memset(&s->goals[0], 0, sizeof s->goals[0]);
            s->ngoals = 1;
        }
        struct jx_goal *g = &s->goals[0];
        if (!g->expected.s) {
            jx_rc_text(rc, c, &g->expected);
        } else if (!g->actual.s) {
            jx_rc_text(rc, c, &g->actual);
        } else {
            jx_rc_append(rc->arena, &g->actual.s, jx_rcc_text(c), "",
                         &st->more);
        }
    }
}

/* The goal sheet (see recog.h). */
void jx_rc_goals(struct jx_rc *rc, const struct jx_rc_seg *seg)
{
    struct jx_package *p = rc->pkg;
    if (p->has_goal_sheet) {
        if (seg->first < rc->nrows) {
            const struct jx_rc_cell *c0 = &rc->rows[seg->first].cells[0];
            note(rc, "I406", JX_SEV_WARNING, jx_rc_cell_prov(rc, c0),
                 "文件中有第二张目标完成情况自评表，只读取第一张");
        }
        return;
    }
    struct goal_state st;
    memset(&st, 0, sizeof st);
    st.s = &p->goal_sheet;
    st.s->kind = JX_SHEET_GOALS;
    p->has_goal_sheet = true;
    rc->found = true;
    for (size_t i = seg->first; i < seg->last; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (!r->table) {
            continue;
        }
        bool header = false;
        for (size_t k = 0; k < r->n; k++) {
            const char *key = jx_rcc_key(&r->cells[k]);
            if ((jx_rc_has(key, "名称") && !jx_rc_has(key, "任务名称")) ||
                jx_rc_starts(key, "预算年度")) {
                const struct jx_rc_cell *v = jx_rc_next_filled(r, k);
                if (!v) {
                    continue;
                }
                if (jx_rc_starts(key, "预算年度")) {
                    int y = jx_text_year_prefix(jx_rcc_key(v), NULL);
                    if (y) {
                        jx_rc_add_year(rc, y, jx_rc_cell_prov(rc, v),
                                       JX_RC_FROM_FORM,
                                       false);
                    }
                } else if (!jx_rc_has(jx_rcc_key(v), "预算年度")) {
                    jx_rc_add_name(rc, jx_rcc_text(v), jx_rc_cell_prov(rc, v),
                                   JX_RC_FROM_FORM, false);
                }
                header = true;
            }
            if (jx_rc_has(key, "任务名称")) {
                st.mode = GM_TASKS;
                header = true;
            }
            if (jx_rc_has(key, "（元）") || jx_rc_has(key, "(元)")) {
                st.s->unit = JX_YUAN;
            } else if (jx_rc_has(key, "（万元）") || jx_rc_has(key, "(万元)")) {
                st.s->unit = JX_WANYUAN;
            }
            if (jx_rc_starts(key, "预期目标")) {
                st.mode = GM_GOALS;
                st.more = 0;
                header = true;
            }
            if (jx_rc_has(key, "三级指标") || jx_rc_has(key, "绩效指标完成")) {
                st.mode = GM_IND;
                header = true;
                for (size_t j = 0; j < r->n; j++) {
                    if (level_of(rc, jx_rcc_key(&r->cells[j])) == 1) {
                        st.l1.s = jx_rcc_key(&r->cells[j]);
                        st.l1.prov = jx_rc_cell_prov(rc, &r->cells[j]);
                    }
                }
            }
            if (jx_rc_has(key, "目标完成情况自评表") || strcmp(key, "总额") == 0) {
                header = true;
            }
        }
        if (header) {
            st.last_task = false;
            continue;
        }
        const struct jx_rc_cell *f = jx_rc_first_filled(r);
        if (f && jx_rc_starts(jx_rcc_key(f), "金额合计")) {
            struct jx_task t;
            size_t m = 0;
            while (m < r->n && !money_like(jx_rcc_text(&r->cells[m]))) {
                m++;
            }
            task_row(rc, r, m, &st, &t);
            memset(&t.name, 0, sizeof t.name);
            memset(&t.content, 0, sizeof t.content);
            memset(&t.status, 0, sizeof t.status);
            st.s->task_total = t;
            st.last_task = false;
            continue;
        }
        switch (st.mode) {
        case GM_TASKS: {
            size_t m = 0, nm = 0;
            for (size_t k = 0; k < r->n; k++) {
                if (money_like(jx_rcc_text(&r->cells[k]))) {
                    if (!nm) {
                        m = k;
                    }
                    nm++;
                }
            }
            if (nm >= 2) {
                if (st.s->ntasks < MAX_ROWS) {
                    st.s->tasks = jx_arena_grow(rc->arena, st.s->tasks, st.s->ntasks,
                                       &st.captasks, sizeof *st.s->tasks);
                    task_row(rc, r, m, &st, &st.s->tasks[st.s->ntasks++]);
                }
                st.last_task = true;
                st.more = 0;
            } else if (st.last_task && f && st.s->ntasks) {
                task_more(rc, r, &st.s->tasks[st.s->ntasks - 1], &st.more);
            }
            break;
        }
        case GM_GOALS:
            goal_text_row(rc, r, &st);
            break;
        case GM_IND:
            goal_ind_row(rc, r, &st);
            break;
        case GM_HEAD:
            break;
        }
    }
}

/* ---- 部门整体支出绩效评分表 -------------------------------------------- */

/* The indicators of the 深圳 部门整体支出绩效评价共性指标体系框架 as
 * printed in seed 002 (rules.md §8.1): levels, name, maximum, and a few
 * words of the description that identify the row when its name is
 * lost. */
static const struct frame {
    const char *l1, *l2, *name;
    int max;
    const char *desc;
} frame[] = {
    {"部门决策", "预算编制", "预算编制合理性", 5, "预算的合理性"},
    {"部门决策", "预算编制", "预算编制规范性", 5, "预算编制是否符合"},
    {"部门决策", "目标设置", "绩效目标完整性", 3, "编报项目绩效目标"},
    {"部门决策", "目标设置", "绩效指标明确性", 7, "绩效指标是否清晰"},
    {"部门管理", "资金管理", "政府采购执行情况", 2, "政府采购"},
    {"部门管理", "资金管理", "财务合规性", 3, "资金支出规范性"},
    {"部门管理", "资金管理", "预决算信息公开", 3, "公开相关预决算信息"},
    {"部门管理", "项目管理", "项目实施程序", 2, "项目支出实施过程"},
    {"部门管理", "项目管理", "项目监管", 2, "督促整改"},
    {"部门管理", "资产管理", "资产管理安全性", 2, "资产是否保存完整"},
    {"部门管理", "资产管理", "固定资产利用率", 1, "在用固定资产总额"},
    {"部门管理", "人员管理", "财政供养人员控制率", 1, "核定编制数"},
    {"部门管理", "人员管理", "编外人员控制率", 1, "劳务派遣"},
    {"部门管理", "制度管理", "管理制度健全性", 3, "制度并严格执行"},
    {"部门绩效", "经济性", "“三公”经费控制率、日常公用经费控制率", 6,
     "公用经费总额"},
    {"部门绩效", "效率性", "预算执行率", 6, "支付进度"},
    {"部门绩效", "效率性", "重点工作完成情况", 8, "重要事项"},
    {"部门绩效", "效率性", "项目完成及时性", 6, "预期时间"},
    {"部门绩效", "效果性", "社会效益、经济效益、生态效益等", 25,
     "重大政策和项目的效果"},
    {"部门绩效", "公平性", "群众信访办理情况", 3, "群众信访意见"},
    {"部门绩效", "公平性", "公众或服务对象满意度", 6, "服务对象对部门履职"},
};

/* Number of framework rows. */
#define NFRAME (sizeof frame / sizeof frame[0])

/* The subtotal of a level-1 or level-2 name in the framework, or 0. */
static int frame_subtotal(const char *name)
{
    int t = 0;
    for (size_t k = 0; k < NFRAME; k++) {
        if (strcmp(frame[k].l1, name) == 0 || strcmp(frame[k].l2, name) == 0) {
            t += frame[k].max;
        }
    }
    return t;
}

/* True when v equals the framework subtotal of entry e's levels. */
static bool is_subtotal(size_t e, struct jx_rat v)
{
    return jx_rat_cmp(v, jx_rat_int(frame_subtotal(frame[e].l1))) == 0 ||
           jx_rat_cmp(v, jx_rat_int(frame_subtotal(frame[e].l2))) == 0;
}

/* True when framework entry k is named by one of the texts or its
 * description words are in desc_key. */
static bool frame_is(size_t k, const char *const *texts, size_t nt,
                     const char *desc_key)
{
    for (size_t j = 0; j < nt; j++) {
        if (strcmp(texts[j], frame[k].name) == 0 ||
            (cps(texts[j]) >= 4 && (jx_rc_has(frame[k].name, texts[j]) ||
                                    jx_rc_has(texts[j], frame[k].name)))) {
            return true;
        }
    }
    return desc_key && jx_rc_has(desc_key, frame[k].desc);
}

/* The framework entry that the row's texts or description name,
 * looked for from pos on (the rows come in the framework's order), then
 * before it; SIZE_MAX when none. */
static size_t frame_match(size_t pos, const char *const *texts, size_t nt,
                          const char *desc_key)
{
    for (size_t k = pos; k < NFRAME; k++) {
        if (frame_is(k, texts, nt, desc_key)) {
            return k;
        }
    }
    for (size_t k = 0; k < pos && k < NFRAME; k++) {
        if (frame_is(k, texts, nt, desc_key)) {
            return k;
        }
    }
    return SIZE_MAX;
}

/* Split a cleaned cell into blank-separated tokens (at most max) in the
 * arena; returns their number. */
static size_t tokens(struct jx_arena *a, const char *s, const char **out,
                     size_t max)
{
    size_t n = 0;
    const char *p = s;
    while (*p && n < max) {
        while (*p == ' ' || *p == '\n') {
            p++;
        }
        const char *q = p;
        while (*q && *q != ' ' && *q != '\n') {
            q++;
        }
        if (q > p) {
            size_t len = (size_t)(q - p);
            while (len && (p[len - 1] == ':')) {
                len--;
            }
            if (len >= strlen("：") &&
                memcmp(p + len - strlen("："), "：", strlen("：")) == 0) {
                len -= strlen("：");
            }
            if (len) {
                out[n++] = jx_strndup(a, p, len);
            }
        }
        p = q;
    }
    return n;
}

/* If a standard ends in a blank and a number ("…（1分）。 2"), cut it
 * off: the number's text in *num (arena) and the shortened standard is
 * returned; else NULL. */
static const char *trailing_number(struct jx_arena *a, const char *std,
                                   const char **num)
{
    size_t n = strlen(std);
    size_t e = n;
    while (e > 0 && ((std[e - 1] >= '0' && std[e - 1] <= '9') ||
                     std[e - 1] == '.')) {
        e--;
    }
    if (e == n || e == 0 || std[e - 1] != ' ' || std[e] == '.') {
        return NULL;
    }
    size_t b = e - 1;
    while (b > 0 && std[b - 1] == ' ') {
        b--;
    }
    if (b == 0 || (std[b - 1] >= '0' && std[b - 1] <= '9')) {
        return NULL;
    }
    *num = jx_strndup(a, std + e, n - e);
    return jx_strndup(a, std, b);
}

/* True when a key opens a description of the 评分表 ("部门（单位）…"). */
static bool desc_opening(const char *key)
{
    return jx_rc_starts(key, "部门") || jx_rc_starts(key, "反映");
}

/* State of the 评分表 being read. */
struct dept_state {
    struct jx_rubric *rb;
    size_t cap;
    size_t pos;                 /* next framework entry expected */
    struct jx_text l1, l2;      /* carried levels (unmatched rows) */
    unsigned more;              /* continuations joined to the last row */
};

/* A cell of the arena holding text t at provenance p (for reading
 * numbers found inside other cells). */
static struct jx_rc_cell *tmp_cell(struct jx_rc *rc, const char *t,
                                   const struct jx_prov *p)
{
    struct jx_rc_cell *c = jx_alloc(rc->arena, sizeof *c);
    jx_rc_cell_new(rc, c, t, t, p, 0, 1, false);
    return c;
}

/* Append a continuation row to the last rubric row: two fragments go
 * on with the description and the standard, one with the standard. */
static void dept_more(struct jx_rc *rc, const struct jx_rc_row *r,
                      struct dept_state *st)
{
    if (!st->rb->nrows) {
        return;
    }
    struct jx_rubric_row *p = &st->rb->rows[st->rb->nrows - 1];
    const struct jx_rc_cell *frag[4];
    size_t nf = 0;
    for (size_t i = 0; i < r->n && nf < 4; i++) {
        if (!jx_rc_blank(jx_rcc_text(&r->cells[i]))) {
            frag[nf++] = &r->cells[i];
        }
    }
    unsigned before = st->more;
    if (nf >= 2) {
        unsigned c = before;
        jx_rc_append(rc->arena, &p->description.s, jx_rcc_text(frag[0]), "",
                     &c);
        for (size_t j = 1; j < nf; j++) {
            c = before;
            jx_rc_append(rc->arena, &p->standard.s, jx_rcc_text(frag[j]), " ",
                         &c);
        }
    } else if (nf == 1) {
        unsigned c = before;
        jx_rc_append(rc->arena, &p->standard.s, jx_rcc_text(frag[0]), "", &c);
    }
    st->more++;
}

/* One scored row of the 评分表. */
static void dept_row(struct jx_rc *rc, const struct jx_rc_row *r, size_t d,
                     struct dept_state *st)
{
    struct jx_rubric_row row;
    memset(&row, 0, sizeof row);
    row.prov = jx_rc_cell_prov(rc, &r->cells[0]);
    jx_rc_text(rc, &r->cells[d], &row.description);
    size_t s = d + 1;
    while (s < r->n && jx_rc_blank(jx_rcc_text(&r->cells[s]))) {
        s++;
    }
    const struct jx_rc_cell *score_cell = NULL;
    if (s < r->n) {
        struct jx_rat v;
        if (jx_rc_is_number(jx_rcc_key(&r->cells[s]), &v)) {
            score_cell = &r->cells[s];
        } else {
            jx_rc_text(rc, &r->cells[s], &row.standard);
            for (size_t k = s + 1; k < r->n; k++) {
                if (!jx_rc_blank(jx_rcc_text(&r->cells[k]))) {
                    score_cell = &r->cells[k];
                }
            }
        }
    }
    if (score_cell) {
        jx_rc_num(rc, score_cell, &row.score);
    } else if (row.standard.s) {
        const char *num;
        const char *cut = trailing_number(rc->arena, row.standard.s, &num);
        if (cut) {
            row.standard.s = cut;
            jx_rc_num(rc, tmp_cell(rc, num, row.standard.prov), &row.score);
        }
    }
    /* labels and numbers before the description */
    const char *texts[16];
    const struct jx_prov *tprov[16];
    struct jx_rat nums[8];
    const struct jx_prov *nprov[8];
    size_t nt = 0, nn = 0;
    for (size_t i = 0; i < d; i++) {
        const struct jx_rc_cell *c = &r->cells[i];
        if (jx_rc_blank(jx_rcc_text(c))) {
            continue;
        }
        const char *tk[8];
        size_t k = tokens(rc->arena, jx_rcc_text(c), tk, 8);
        for (size_t j = 0; j < k; j++) {
            struct jx_rat v;
            if (jx_rc_is_number(tk[j], &v)) {
                if (nn < 8) {
                    nprov[nn] = jx_rc_cell_prov(rc, c);
                    nums[nn++] = v;
                }
            } else if (nt < 16) {
                tprov[nt] = jx_rc_cell_prov(rc, c);
                texts[nt++] = jx_text_compact(rc->arena, tk[j]);
            }
        }
    }
    size_t e = frame_match(st->pos, texts, nt,
                           row.description.s
                               ? jx_text_compact(rc->arena, row.description.s)
                               : NULL);
    /* levels and name */
    const char *name = NULL;
    const struct jx_prov *name_prov = NULL;
    for (size_t j = 0; j < nt; j++) {
        int sub = frame_subtotal(texts[j]);
        if (sub && e != SIZE_MAX &&
            (strcmp(texts[j], frame[e].l1) == 0 ||
             strcmp(texts[j], frame[e].l2) == 0)) {
            continue;
        }
        if (sub && e == SIZE_MAX) {
            bool is_l1 = strcmp(texts[j], "部门决策") == 0 ||
                         strcmp(texts[j], "部门管理") == 0 ||
                         strcmp(texts[j], "部门绩效") == 0;
            struct jx_text *lv = is_l1 ? &st->l1 : &st->l2;
            lv->s = texts[j];
            lv->prov = tprov[j];
            continue;
        }
        name = texts[j];
        name_prov = tprov[j];
    }
    if (e != SIZE_MAX) {
        row.level1.s = frame[e].l1;
        row.level2.s = frame[e].l2;
        if (name && jx_rc_starts(name, frame[e].name) &&
            (strcmp(name + strlen(frame[e].name), frame[e].l1) == 0 ||
             strcmp(name + strlen(frame[e].name), frame[e].l2) == 0)) {
            /* "重点工作完成情况 效率性": the level-2 cell ran into it */
            name = frame[e].name;
        }
        if (name) {
            row.name.s = name;
            row.name.prov = name_prov;
        } else {
            row.name.s = frame[e].name;
            note(rc, "I407", JX_SEV_NOTE, row.prov,
                 "评分表此行缺少三级指标名称，按共性指标体系框架补为“%s”",
                 frame[e].name);
        }
        /* the maximum: a number equal to the framework's; else the first
         * number that is no subtotal; else the framework's */
        size_t used = SIZE_MAX;
        for (size_t j = 0; j < nn; j++) {
            if (jx_rat_cmp(nums[j], jx_rat_int(frame[e].max)) == 0) {
                used = j;
                break;
            }
        }
        for (size_t j = 0; used == SIZE_MAX && j < nn; j++) {
            if (!is_subtotal(e, nums[j])) {
                used = j;
            }
        }
        row.points.present = true;
        if (used != SIZE_MAX) {
            row.points.v = nums[used];
            row.points.prov = nprov[used];
        } else {
            row.points.v = jx_rat_int(frame[e].max);
            note(rc, "I407", JX_SEV_NOTE, row.prov,
                 "评分表“%s”的分值未能从表中读出，按共性指标体系框架取 %d 分",
                 frame[e].name, frame[e].max);
        }
        /* a score that drifted before the description */
        if (!row.score.present) {
            for (size_t j = 0; j < nn; j++) {
                if (j != used && !is_subtotal(e, nums[j])) {
                    row.score.present = true;
                    row.score.v = nums[j];
                    row.score.prov = nprov[j];
                    note(rc, "I407", JX_SEV_NOTE, nprov[j],
                         "评分表“%s”的分数不在分数栏，取自错位的单元格",
                         frame[e].name);
                    break;
                }
            }
        }
        st->pos = e + 1;
        st->l1.s = frame[e].l1;
        st->l2.s = frame[e].l2;
    } else {
        row.level1 = st->l1;
        row.level2 = st->l2;
        if (name) {
            row.name.s = name;
            row.name.prov = name_prov;
        }
        if (nn) {
            row.points.present = true;
            row.points.v = nums[0];
            row.points.prov = nprov[0];
        }
    }
    struct jx_rubric *rb = st->rb;
    if (rb->nrows < MAX_ROWS) {
        rb->rows = jx_arena_grow(rc->arena, rb->rows, rb->nrows, &st->cap,
                        sizeof *rb->rows);
        rb->rows[rb->nrows++] = row;
    }
    st->more = 0;
}

/* True when key starts with a word of the anchor row w of any scoring
 * table of the catalogue. */
static bool assess_row(const struct jx_rc *rc, enum jx_form_row w,
                       const char *key)
{
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        if (f->kind == JX_FORM_ASSESS &&
            jx_form_words_starts(&f->row[w], key)) {
            return true;
        }
    }
    return false;
}

/* The closing rows of a scoring table (the catalogue's anchor rows of
 * scoring tables): 综合评分 / 总分, 评分等级, 填表人.  True when r was
 * one. */
static bool closing_row(struct jx_rc *rc, const struct jx_rc_row *r,
                        struct jx_rubric *rb)
{
    const struct jx_rc_cell *f = jx_rc_first_filled(r);
    if (!f) {
        return false;
    }
    size_t i = (size_t)(f - r->cells);
    const struct jx_rc_cell *v = jx_rc_next_filled(r, i);
    if (assess_row(rc, JX_FR_SUM, jx_rcc_key(f))) {
        if (v) {
            jx_rc_num(rc, v, &rb->stated_total);
        }
        return true;
    }
    if (assess_row(rc, JX_FR_GRADE, jx_rcc_key(f))) {
        jx_rc_text(rc, v, &rb->stated_grade);
        return true;
    }
    if (assess_row(rc, JX_FR_SCORER, jx_rcc_key(f))) {
        jx_rc_text(rc, v, &rb->scorer);
        return true;
    }
    return false;
}

/* True when key is a header cell of a scoring table with descriptions
 * (the catalogue's scoring tables with a description column): the
 * whole key is one of its level-1 or description words, or it holds one
 * of its standard words. */
static bool dept_header_cell(const struct jx_rc *rc, const char *key)
{
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        if (f->kind != JX_FORM_ASSESS || !f->col[JX_FC_DESCRIPTION].n) {
            continue;
        }
        if (jx_form_words_is(&f->col[JX_FC_LEVEL1], key) ||
            jx_form_words_is(&f->col[JX_FC_DESCRIPTION], key) ||
            jx_form_words_has(&f->col[JX_FC_STANDARD], key)) {
            return true;
        }
    }
    return false;
}

/* The index of the first long cell of r (a description: 20 characters
 * or more), or SIZE_MAX. */
static size_t long_cell(const struct jx_rc_row *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (cps(jx_rcc_key(&r->cells[i])) >= 20) {
            return i;
        }
    }
    return SIZE_MAX;
}

/* The 评分表 (see recog.h). */
void jx_rc_dept(struct jx_rc *rc, const struct jx_rc_seg *seg)
{
    struct jx_rubric *rb = &rc->pkg->dept_scoring;
    if (rb->present) {
        return;
    }
    rb->present = true;
    rc->found = true;
    struct dept_state st;
    memset(&st, 0, sizeof st);
    st.rb = rb;
    if (seg->title != SIZE_MAX) {
        jx_rc_text(rc, &rc->rows[seg->title].cells[0], &rb->title);
    }
    for (size_t i = seg->first; i < seg->last; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (!r->table || r->title) {
            if (!rb->title.s && r->title) {
                jx_rc_text(rc, jx_rc_first_filled(r), &rb->title);
            }
            continue;
        }
        if (closing_row(rc, r, rb)) {
            continue;
        }
        bool header = false;
        for (size_t k = 0; k < r->n; k++) {
            header = header || dept_header_cell(rc, jx_rcc_key(&r->cells[k]));
        }
        if (header) {
            continue;
        }
        size_t d = long_cell(r);
        if (d == SIZE_MAX) {
            /* a short continuation ("成项目数/…×6分。") */
            const struct jx_rc_cell *f = jx_rc_first_filled(r);
            if (f && (size_t)(f - r->cells) >= 2) {
                dept_more(rc, r, &st);
            }
            continue;
        }
        bool lead = false;
        for (size_t k = 0; k < d; k++) {
            if (!jx_rc_blank(jx_rcc_text(&r->cells[k]))) {
                lead = true;
            }
        }
        if (!lead && !desc_opening(jx_rcc_key(&r->cells[d]))) {
            dept_more(rc, r, &st);
            continue;
        }
        dept_row(rc, r, d, &st);
    }
}

/* ---- 考核评分表 ----------------------------------------------------- */

/* Fields of the 考核评分表 columns. */
enum { A_L1 = 0, A_L2, A_NAME, A_POINTS, A_STD, A_SCORE, A_REASON, A_N };

/* The field of a scoring-table column of the catalogue, or -1. */
static int assess_field(int c)
{
    switch (c) {
    case JX_FC_LEVEL1:
        return A_L1;
    case JX_FC_LEVEL2:
        return A_L2;
    case JX_FC_LEVEL3:
        return A_NAME;
    case JX_FC_POINTS:
        return A_POINTS;
    case JX_FC_STANDARD:
        return A_STD;
    case JX_FC_SCORE:
        return A_SCORE;
    case JX_FC_REASON:
        return A_REASON;
    default:
        return -1;
    }
}

/* The scoring table of the catalogue whose header r is (its first
 * filled cell is the table's 一级 column, and it names the most of the
 * table's columns), or NULL. */
static const struct jx_form *assess_header(const struct jx_rc *rc,
                                           const struct jx_rc_row *r)
{
    const struct jx_rc_cell *first = jx_rc_first_filled(r);
    const struct jx_form *best = NULL;
    int bn = 0;
    for (size_t i = 0; first && i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        if (f->kind != JX_FORM_ASSESS ||
            jx_form_col_of(f, jx_rcc_key(first)) != JX_FC_LEVEL1) {
            continue;
        }
        int n = 0;
        for (size_t c = 0; c < r->n; c++) {
            n += assess_field(jx_form_col_of(f, jx_rcc_key(&r->cells[c]))) >= 0;
        }
        if (n > bn) {
            best = f;
            bn = n;
        }
    }
    return best;
}

/* The 考核评分表 (see recog.h). */
void jx_rc_assess(struct jx_rc *rc, const struct jx_rc_seg *seg)
{
    struct jx_rubric *rb = &rc->pkg->assessment;
    if (rb->present) {
        return;
    }
    rb->present = true;
    rc->found = true;
    if (seg->title != SIZE_MAX) {
        jx_rc_text(rc, &rc->rows[seg->title].cells[0], &rb->title);
    }
    int col[A_N];
    int end = 0;
    for (int k = 0; k < A_N; k++) {
        col[k] = -1;
    }
    size_t cap = 0;
    struct jx_text l1 = {0};
    for (size_t i = seg->first; i < seg->last; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (!r->table || r->title) {
            if (!rb->title.s && r->title) {
                jx_rc_text(rc, jx_rc_first_filled(r), &rb->title);
            }
            continue;
        }
        const struct jx_form *hf = assess_header(rc, r);
        if (hf) {
            for (int k = 0; k < A_N; k++) {
                col[k] = -1;
            }
            end = r->end;
            for (size_t c = 0; c < r->n; c++) {
                int f =
                    assess_field(jx_form_col_of(hf, jx_rcc_key(&r->cells[c])));
                if (f >= 0 && col[f] < 0) {
                    col[f] = jx_rcc_col(&r->cells[c]);
                }
            }
            continue;
        }
        if (col[A_POINTS] < 0 && col[A_SCORE] < 0) {
            continue;
        }
        const struct jx_rc_cell *f = jx_rc_first_filled(r);
        if (!f) {
            continue;
        }
        if (assess_row(rc, JX_FR_SUM, jx_rcc_key(f))) {
            jx_rc_num(rc, jx_rc_under(r, col[A_SCORE], end),
                      &rb->stated_total);
            if (!rb->stated_total.present) {
                closing_row(rc, r, rb);
            }
            continue;
        }
        if (closing_row(rc, r, rb)) {
            continue;
        }
        struct jx_rubric_row row;
        memset(&row, 0, sizeof row);
        const struct jx_rc_cell *c1 = jx_rc_under(r, col[A_L1], end);
        if (c1 && !jx_rc_blank(jx_rcc_text(c1))) {
            jx_rc_text(rc, c1, &l1);
        }
        row.level1 = l1;
        jx_rc_text(rc, jx_rc_under(r, col[A_L2], end), &row.level2);
        jx_rc_text(rc, jx_rc_under(r, col[A_NAME], end), &row.name);
        jx_rc_text(rc, jx_rc_under(r, col[A_STD], end), &row.standard);
        jx_rc_text(rc, jx_rc_under(r, col[A_REASON], end), &row.reason);
        if (!row.level2.s && !row.name.s && !row.standard.s) {
            continue;
        }
        jx_rc_num(rc, jx_rc_under(r, col[A_POINTS], end), &row.points);
        jx_rc_num(rc, jx_rc_under(r, col[A_SCORE], end), &row.score);
        row.prov = jx_rc_cell_prov(rc, &r->cells[0]);
        if (rb->nrows < MAX_ROWS) {
            rb->rows = jx_arena_grow(rc->arena, rb->rows, rb->nrows, &cap,
                            sizeof *rb->rows);
            rb->rows[rb->nrows++] = row;
        }
    }
}

/* ---- a 评价指标表 flattened into words --------------------------------- */

/* True when word w is a column word of a scoring table with a
 * description column (the catalogue's assessment forms): a header word
 * of a 评价指标表 run into words; *col gets the column. */
static bool words_header(const struct jx_rc *rc, const char *w,
                         enum jx_form_col *col)
{
    static const enum jx_form_col cols[] = {
        JX_FC_LEVEL1, JX_FC_LEVEL2, JX_FC_LEVEL3, JX_FC_POINTS,
        JX_FC_SCORE, JX_FC_STANDARD, JX_FC_DESCRIPTION};
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        if (f->kind != JX_FORM_ASSESS || !f->col[JX_FC_DESCRIPTION].n) {
            continue;
        }
        for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
            if (jx_form_words_is(&f->col[cols[k]], w)) {
                *col = cols[k];
                return true;
            }
        }
    }
    return false;
}

/* True when word w may be (part of) a row's label in a run of words: at
 * most 12 characters, no number, no sentence punctuation or formula. */
static bool words_label(const char *w)
{
    static const char *const marks[] = {
        ",", "，", ".", "。", ";", "；", ":", "：", "=", "%", "(", "（",
        ">", "<", "≥", "≤", "÷", "×"};
    if (cps(w) > 12 || jx_rc_is_number(w, NULL)) {
        return false;
    }
    for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
        if (strstr(w, marks[k])) {
            return false;
        }
    }
    return true;
}

/* Split the text of a row's 评价标准 and 指标说明, run together: at the
 * first blank after a sentence's end ("…扣完为止. 本单位…"); *desc is
 * NULL when there is none (the whole text is then the standard). */
static const char *words_split(struct jx_arena *a, const char *t,
                               const char **desc)
{
    *desc = NULL;
    static const char *const ends[] = {". ", "。 "};
    const char *best = NULL;
    size_t bl = 0;
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        const char *q = strstr(t, ends[k]);
        if (q && (!best || q < best)) {
            best = q;
            bl = strlen(ends[k]);
        }
    }
    if (!best || !best[bl]) {
        return t;
    }
    *desc = jx_strdup(a, best + bl);
    return jx_strndup(a, t, (size_t)(best - t) + bl - 1);
}

/* A number word as a cell at the word's line, marked as placed by its
 * position in the run (JX_HOW_POSITION). */
static struct jx_rc_cell *words_cell(struct jx_rc *rc, const struct jx_rc_word *w)
{
    struct jx_prov *pv = (struct jx_prov *)jx_rc_prov(rc, w->prov);
    pv->how = JX_HOW_POSITION;
    pv->raw = w->w;
    return tmp_cell(rc, w->w, pv);
}

/*
 * The 评价指标表 of a 基础数据表's run of words (see recog.h).  Its header
 * is a run of column words of the catalogue's scoring tables with a
 * description column (一级指标 得分 二级指标 得分 三级指标 得分 评价标准
 * 指标说明 得分), holding a 三级指标 and a 指标说明 word.  Each row is then
 * one or more label / number pairs (一级, 二级, 三级 with their points:
 * the last pair is the indicator and its points, those before it its
 * levels, carried down when absent), the text of its standard and
 * description (words_split), and its score: the number that ends the
 * text.  A row the run ends in keeps no score.  Two numbers in a row,
 * or text before any label, end the reading: nothing is guessed.
 */
void jx_rc_dept_words(struct jx_rc *rc, const struct jx_rc_word *title,
                      const struct jx_rc_word *w, size_t n)
{
    struct jx_rubric *rb = &rc->pkg->dept_scoring;
    if (rb->present) {
        return;
    }
    size_t i = 0;
    bool l3 = false, desc = false;
    enum jx_form_col col;
    while (i < n && words_header(rc, w[i].w, &col)) {
        l3 = l3 || col == JX_FC_LEVEL3;
        desc = desc || col == JX_FC_DESCRIPTION;
        i++;
    }
    if (!l3 || !desc) {
        return;
    }
    struct dept_state st;
    memset(&st, 0, sizeof st);
    st.rb = rb;
    enum { MAX_PAIRS = 3 };
    struct {
        const char *label;
        const struct jx_prov *prov;
        const struct jx_rc_word *num;
    } pair[MAX_PAIRS];
    size_t np = 0;
    struct jx_buf lab, text;
    jx_buf_init(&lab, 4096);
    jx_buf_init(&text, 1u << 16);
    const struct jx_prov *lab_prov = NULL;
    bool in_text = false;
    for (; i <= n; i++) {
        const struct jx_rc_word *x = i < n ? &w[i] : NULL;
        bool number = x && jx_rc_is_number(x->w, NULL);
        if (!in_text && x && !number && words_label(x->w)) {
            if (!lab.len) {
                lab_prov = x->prov;
            }
            jx_buf_adds(&lab, x->w);
            continue;
        }
        if (!in_text && number) {
            if (!lab.len) {
                break; /* two numbers in a row: not read on */
            }
            if (np == MAX_PAIRS) {
                memmove(pair, pair + 1, sizeof pair[0] * (MAX_PAIRS - 1));
                np--;
            }
            pair[np].label = jx_strndup(rc->arena, lab.p, lab.len);
            pair[np].prov = lab_prov;
            pair[np++].num = x;
            jx_buf_reset(&lab);
            continue;
        }
        if (!in_text) {
            if (!x || np == 0) {
                break; /* text before any label: not a row */
            }
            in_text = true;
            if (lab.len) { /* labels just read start the text */
                jx_buf_add(&text, lab.p, lab.len);
                jx_buf_reset(&lab);
            }
        }
        if (x && !number) {
            if (text.len) {
                jx_buf_addc(&text, ' ');
            }
            jx_buf_adds(&text, x->w);
            continue;
        }
        /* the row ends: its score (x) or the run's end */
        struct jx_rubric_row row;
        memset(&row, 0, sizeof row);
        row.prov = pair[0].prov;
        if (np >= 3) {
            st.l1.s = pair[np - 3].label;
            st.l1.prov = pair[np - 3].prov;
        }
        if (np >= 2) {
            st.l2.s = pair[np - 2].label;
            st.l2.prov = pair[np - 2].prov;
        }
        row.level1 = st.l1;
        row.level2 = st.l2;
        row.name.s = pair[np - 1].label;
        row.name.prov = pair[np - 1].prov;
        jx_rc_num(rc, words_cell(rc, pair[np - 1].num), &row.points);
        if (x) {
            jx_rc_num(rc, words_cell(rc, x), &row.score);
        }
        const char *t = jx_strndup(rc->arena, text.p ? text.p : "", text.len);
        const char *d;
        row.standard.s = words_split(rc->arena, t, &d);
        row.standard.prov = row.prov;
        if (d) {
            row.description.s = d;
            row.description.prov = row.prov;
        }
        if (rb->nrows < MAX_ROWS) {
            rb->rows = jx_arena_grow(rc->arena, rb->rows, rb->nrows, &st.cap,
                                     sizeof *rb->rows);
            rb->rows[rb->nrows++] = row;
        }
        np = 0;
        in_text = false;
        jx_buf_reset(&text);
    }
    jx_buf_release(&lab);
    jx_buf_release(&text);
    if (rb->nrows) {
        rb->present = true;
        rc->found = true;
        if (title && title->w) {
            rb->title.s = title->w;
            rb->title.prov = title->prov;
        }
    }
}
