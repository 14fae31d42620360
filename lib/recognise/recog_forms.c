/*
 * recog_forms.c - the 基础数据表 (rules.md §5.2) and the 整体 / 项目支出
 * 绩效自评表 (rules.md §2.1).
 *
 * Columns are found by the words of the header rows (after removing
 * white space, so "年初\n预算数" is 年初预算数), rows by their labels,
 * both compared with the words of the catalogue of forms (forms.h,
 * data/forms, docs/forms.md): a header row picks the form of its kind
 * whose columns it names best, and that form's words (then those of
 * the other forms of the kind) name the anchor rows.  A
 * row shorter than its header is aligned to the header's right end (the
 * text layouts drop leading empty cells of merged columns), or by its
 * label when it dropped a heading merged down the block's left
 * ("年度预算数(万元)", "绩效指标(90分)").  Level-1
 * and level-2 indicator labels are carried down over rows that leave
 * them empty.  Blank cells ("", "/", "……") stay absent.
 */
#include "recognise/recog.h"
#include "recognise/recog_split.h"

#include <string.h>

/* Most rows of each kind kept (the format's limits). */
enum { MAX_LINES = 10000, MAX_BUILDINGS = 1000, MAX_GOALS = 1000,
       MAX_INDICATORS = 10000, MAX_PROJECTS = 1000 };

/* The money unit named in a row's header cells: 元 when a cell says
 * "(元)" or "（元）" and none says 万元; *found tells whether any did. */
static enum jx_money_unit row_unit(const struct jx_rc_row *r,
                                   enum jx_money_unit dflt, bool *found)
{
    for (size_t i = 0; i < r->n; i++) {
        const char *k = jx_rcc_key(&r->cells[i]);
        if (jx_rc_has(k, "万元")) {
            *found = true;
            return JX_WANYUAN;
        }
        if (jx_rc_has(k, "(元)") || jx_rc_has(k, "（元）")) {
            *found = true;
            return JX_YUAN;
        }
    }
    return dflt;
}

/* A label key without its list number ("1、", "3.", "（2）"), a leading
 * "其中：" and trailing colons and notes in brackets. */
static const char *label_core(struct jx_arena *a, const char *key)
{
    const char *s = key;
    size_t i = 0;
    while (s[i] >= '0' && s[i] <= '9') {
        i++;
    }
    if (i && jx_rc_starts(s + i, "、")) {
        s += i + strlen("、");
    } else if (i && (s[i] == '.' || jx_rc_starts(s + i, "．"))) {
        s += i + (s[i] == '.' ? 1 : strlen("．"));
    }
    if (jx_rc_starts(s, "其中：")) {
        s += strlen("其中：");
    } else if (jx_rc_starts(s, "其中:")) {
        s += strlen("其中:");
    }
    size_t n = strlen(s);
    const char *paren = strstr(s, "(");
    const char *fparen = strstr(s, "（");
    if (fparen && (!paren || fparen < paren)) {
        paren = fparen;
    }
    if (paren && paren > s) {
        n = (size_t)(paren - s);
    }
    while (n >= strlen("：") && memcmp(s + n - strlen("："), "：",
                                       strlen("：")) == 0) {
        n -= strlen("：");
    }
    while (n > 0 && s[n - 1] == ':') {
        n--;
    }
    return jx_strndup(a, s, n);
}

/* The first cell of a row that labels it: non-blank, not carried from
 * above, not a number; or NULL. */
static const struct jx_rc_cell *row_label(const struct jx_rc_row *r,
                                          size_t *idx)
{
    for (size_t i = 0; i < r->n; i++) {
        const struct jx_rc_cell *c = &r->cells[i];
        if (jx_rcc_carried(c) || jx_rc_blank(jx_rcc_text(c)) ||
            jx_rc_is_number(jx_rcc_key(c), NULL)) {
            continue;
        }
        if (idx) {
            *idx = i;
        }
        return c;
    }
    return NULL;
}

/* True when no cell of r has text. */
static bool row_blank(const struct jx_rc_row *r)
{
    return jx_rc_first_filled(r) == NULL;
}

/* ---- 基础数据表 ------------------------------------------------------ */

/* Most fields of a column map. */
enum { MAX_FIELDS = 12 };

/* A column map: the grid column of each field, -1 when absent, and the
 * header row's end. */
struct cols {
    int col[MAX_FIELDS];
    int end;
    int label;  /* the header's label column (the heading of the row
                   labels: "年度预算数(万元)"), or -1 */
};

/* An empty column map. */
static void cols_init(struct cols *m)
{
    for (int i = 0; i < MAX_FIELDS; i++) {
        m->col[i] = -1;
    }
    m->end = 0;
    m->label = -1;
}

/* Fields of the base sheet's column maps. */
enum { C_AUTH = 0, C_ACTUAL, C_RATE };
enum { C_PREV = 0, C_BUDGET, C_FINAL };
enum { C_APPR = 0, C_AREA, C_ARATE, C_BINV, C_AINV, C_IRATE };

/* Read a cost row's three amounts. */
static void read_cost(struct jx_rc *rc, const struct jx_rc_row *r,
                      const struct cols *m, enum jx_money_unit u,
                      struct jx_cost *out)
{
    jx_rc_money(rc, jx_rc_under(r, m->col[C_PREV], m->end), u,
                &out->prev_final);
    jx_rc_money(rc, jx_rc_under(r, m->col[C_BUDGET], m->end), u,
                &out->budget);
    jx_rc_money(rc, jx_rc_under(r, m->col[C_FINAL], m->end), u, &out->final);
}

/* True when a cost row has any amount. */
static bool cost_any(const struct jx_cost *c)
{
    return c->prev_final.present || c->budget.present || c->final.present;
}

/* True when s contains (has) / starts with (!has) a word of the list
 * l (a column when col, else an anchor row) of any 基础数据表 of the
 * catalogue. */
static bool base_words(const struct jx_rc *rc, bool col, int l,
                       const char *s, bool has)
{
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        if (f->kind != JX_FORM_BASE) {
            continue;
        }
        const struct jx_form_words *w = col ? &f->col[l] : &f->row[l];
        if (has ? jx_form_words_has(w, s) : jx_form_words_starts(w, s)) {
            return true;
        }
    }
    return false;
}

/* The index of the first cell of r whose key contains a word of the
 * base sheets' column c, or -1. */
static int base_cell(const struct jx_rc *rc, const struct jx_rc_row *r,
                     enum jx_form_col c)
{
    for (size_t i = 0; i < r->n; i++) {
        if (base_words(rc, true, c, jx_rcc_key(&r->cells[i]), true)) {
            return (int)i;
        }
    }
    return -1;
}

/* Map the year columns of a cost header: {Y-1}年决算数, {Y}年预算数,
 * {Y}年决算数 (without years: in order 决算, 预算, 决算).  Returns the
 * year Y, or 0. */
static int cost_header(const struct jx_rc *rc, const struct jx_rc_row *r,
                       struct cols *m)
{
    cols_init(m);
    m->end = r->end;
    int fin_year[2] = {0, 0}, fin_col[2] = {-1, -1}, nfin = 0, y = 0;
    for (size_t i = 0; i < r->n; i++) {
        const char *k = jx_rcc_key(&r->cells[i]);
        int yy = jx_text_year_prefix(k, NULL);
        if (base_words(rc, true, JX_FC_COST_BUDGET, k, true) &&
            m->col[C_BUDGET] < 0) {
            m->col[C_BUDGET] = jx_rcc_col(&r->cells[i]);
            if (yy > y) {
                y = yy;
            }
        } else if (base_words(rc, true, JX_FC_COST_FINAL, k, true) &&
                   nfin < 2) {
            fin_year[nfin] = yy;
            fin_col[nfin++] = jx_rcc_col(&r->cells[i]);
            if (yy > y) {
                y = yy;
            }
        }
    }
    if (nfin == 2) {
        bool swap = fin_year[0] && fin_year[1] && fin_year[0] > fin_year[1];
        m->col[C_PREV] = fin_col[swap ? 1 : 0];
        m->col[C_FINAL] = fin_col[swap ? 0 : 1];
    } else if (nfin == 1) {
        if (fin_year[0] && y && fin_year[0] < y) {
            m->col[C_PREV] = fin_col[0];
        } else {
            m->col[C_FINAL] = fin_col[0];
        }
    }
    return y;
}

/* Base-sheet cost rows: the catalogue's anchor row (its words are
 * matched in this order, the more specific first) and the field each
 * fills.  Project lines have a category >= 0. */
static const struct {
    enum jx_form_row row;
    size_t off;  /* offsetof the jx_cost in jx_base_sheet, or SIZE_MAX */
    int cat;     /* project line category, or -1 */
} cost_rows[] = {
    {JX_FR_VEHICLE_PURCHASE, offsetof(struct jx_base_sheet, vehicle_purchase),
     -1},
    {JX_FR_VEHICLE_OPERATION,
     offsetof(struct jx_base_sheet, vehicle_operation), -1},
    {JX_FR_VEHICLE, offsetof(struct jx_base_sheet, vehicle), -1},
    {JX_FR_THREE_PUBLIC, offsetof(struct jx_base_sheet, three_public), -1},
    {JX_FR_OVERSEAS, offsetof(struct jx_base_sheet, overseas), -1},
    {JX_FR_RECEPTION, offsetof(struct jx_base_sheet, reception), -1},
    {JX_FR_BUSINESS, SIZE_MAX, JX_PCAT_BUSINESS},
    {JX_FR_OPERATION, SIZE_MAX, JX_PCAT_OPERATION},
    {JX_FR_SPECIAL, SIZE_MAX, JX_PCAT_LOCAL_SPECIAL},
    {JX_FR_TRANSFER, SIZE_MAX, JX_PCAT_TRANSFER},
    {JX_FR_PROJECT_COSTS, offsetof(struct jx_base_sheet, project), -1},
    {JX_FR_OFFICE, offsetof(struct jx_base_sheet, office), -1},
    {JX_FR_UTILITIES, offsetof(struct jx_base_sheet, utilities_travel), -1},
    {JX_FR_MEETINGS, offsetof(struct jx_base_sheet, meetings_training), -1},
    {JX_FR_PUBLIC_FUNDS, offsetof(struct jx_base_sheet, public_funds), -1},
    {JX_FR_PROCUREMENT, offsetof(struct jx_base_sheet, procurement), -1},
    {JX_FR_ADJUSTMENT, offsetof(struct jx_base_sheet, basic_adjustment), -1},
};

/* The cost-row entry of a label core, or -1. */
static int cost_row_of(const struct jx_rc *rc, const char *core)
{
    for (size_t k = 0; k < sizeof cost_rows / sizeof cost_rows[0]; k++) {
        if (base_words(rc, false, cost_rows[k].row, core, true)) {
            return (int)k;
        }
    }
    return -1;
}

/* True when a label heads the one-row-per-专项 list ("3、区级专项资金
 * (一个专项一行)", "上级转移支付") rather than naming one 专项: the whole
 * core is a special_list word, or it holds a special_note word. */
static bool special_header(const struct jx_rc *rc, const char *core)
{
    if (base_words(rc, false, JX_FR_SPECIAL_NOTE, core, true) ||
        jx_rc_starts(core, "3、") || jx_rc_starts(core, "4、")) {
        return true;
    }
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        if (f->kind == JX_FORM_BASE &&
            jx_form_words_is(&f->row[JX_FR_SPECIAL_LIST], core)) {
            return true;
        }
    }
    return false;
}

/* Append a project line. */
static void add_line(struct jx_rc *rc, size_t *cap, int cat,
                     const struct jx_text *name, const struct jx_cost *cost)
{
    struct jx_base_sheet *b = &rc->pkg->base;
    if (b->nproject_lines >= MAX_LINES) {
        return;
    }
    b->project_lines = jx_arena_grow(rc->arena, b->project_lines, b->nproject_lines,
                            cap, sizeof *b->project_lines);
    struct jx_project_line *l = &b->project_lines[b->nproject_lines++];
    memset(l, 0, sizeof *l);
    l->cat = (enum jx_project_cat)cat;
    if (name) {
        l->name = *name;
    }
    l->cost = *cost;
}

/* True for a form's own heading kept inside its table (a workbook puts
 * "附件1" and the title in the sheet's first rows). */
static bool title_label(const char *key)
{
    if (jx_rc_starts(key, "附件")) {
        const char *p = key + strlen("附件");
        while (*p == ' ' || (*p >= '0' && *p <= '9')) {
            p++;
        }
        if (*p == '\0') {
            return true;
        }
    }
    return jx_rc_ends(key, "数据表") || jx_rc_ends(key, "自评表");
}

/* True for the labels of a form's footer and notes (read elsewhere or
 * not at all): 填表人, 联系电话, 单位负责人, 填报日期, 说明, 备注. */
static bool footer_label(const char *key)
{
    static const char *const w[] = {"填表人", "填报人", "联系电话",
                                    "单位负责人", "部门负责人", "负责人",
                                    "填报日期", "填表日期", "说明", "备注"};
    for (size_t k = 0; k < sizeof w / sizeof w[0]; k++) {
        if (jx_rc_starts(key, w[k])) {
            return true;
        }
    }
    return false;
}

/* The finding for a row of a form that no rule reads (footer rows are
 * passed over). */
static void unknown_row(struct jx_rc *rc, const struct jx_rc_cell *label,
                        const char *form)
{
    if (footer_label(jx_rcc_key(label)) || title_label(jx_rcc_key(label))) {
        return;
    }
    char a1[16];
    struct jx_prov at = jx_rc_cell_where(rc, label, a1);
    struct jx_loc l = jx_prov_loc(&at, NULL, NULL);
    if (rc->diags) {
        jx_diag_add(rc->diags, "I408", JX_SEV_WARNING, &l,
                    "%s中的行“%s”无法识别，未读取", form, jx_rcc_text(label));
    }
}

/* True for a row of a form's footer or notes (its label is one of
 * footer_label's): nothing in it is a value of the form, however many
 * columns its cells cover (a workbook merges the printed footer line
 * "填表人：… 联系电话：… 填报日期：2025.07.08" across the whole sheet, or
 * splits it into label and value cells). */
static bool footer_row(const struct jx_rc_row *r)
{
    const struct jx_rc_cell *l = row_label(r, NULL);
    return l && footer_label(jx_rcc_key(l));
}

/* The money unit a line names ("单位：万元", "金额单位：元", "（单位：
 * 元）"), or -1 when the line is not one: above a form, it says the unit
 * of every amount below. */
static int unit_line(const char *key)
{
    const char *p = key;
    if (jx_rc_starts(p, "(")) {
        p++;
    } else if (jx_rc_starts(p, "（")) {
        p += strlen("（");
    }
    if (jx_rc_starts(p, "金额")) {
        p += strlen("金额");
    }
    if (!jx_rc_starts(p, "单位")) {
        return -1;
    }
    p += strlen("单位");
    if (jx_rc_starts(p, "：")) {
        p += strlen("：");
    } else if (*p == ':') {
        p++;
    } else {
        return -1;
    }
    if (jx_rc_starts(p, "万元")) {
        return JX_WANYUAN;
    }
    if (jx_rc_starts(p, "元")) {
        return JX_YUAN;
    }
    return -1;
}

/* One building row of 楼堂馆所控制情况. */
static void read_building(struct jx_rc *rc, const struct jx_rc_row *r,
                          const struct cols *m, enum jx_money_unit u,
                          size_t *cap)
{
    struct jx_building bd;
    memset(&bd, 0, sizeof bd);
    jx_rc_num(rc, jx_rc_under(r, m->col[C_APPR], m->end), &bd.approved_area);
    jx_rc_num(rc, jx_rc_under(r, m->col[C_AREA], m->end), &bd.actual_area);
    jx_rc_rate(rc, jx_rc_under(r, m->col[C_ARATE], m->end), &bd.area_rate);
    jx_rc_money(rc, jx_rc_under(r, m->col[C_BINV], m->end), u,
                &bd.budget_invest);
    jx_rc_money(rc, jx_rc_under(r, m->col[C_AINV], m->end), u,
                &bd.actual_invest);
    jx_rc_rate(rc, jx_rc_under(r, m->col[C_IRATE], m->end), &bd.invest_rate);
    int first = m->col[C_APPR];
    for (size_t i = 0; i < r->n; i++) {
        const struct jx_rc_cell *c = &r->cells[i];
        int shift = r->end < m->end ? m->end - r->end : 0;
        if (jx_rcc_col(c) + shift < first && !jx_rcc_carried(c) &&
            !jx_rc_blank(jx_rcc_text(c))) {
            jx_rc_text(rc, c, &bd.name);
            break;
        }
    }
    if (!(bd.name.s || bd.approved_area.present || bd.actual_area.present ||
          bd.area_rate.present || bd.budget_invest.present ||
          bd.actual_invest.present || bd.invest_rate.present)) {
        return;
    }
    struct jx_base_sheet *b = &rc->pkg->base;
    if (b->nbuildings >= MAX_BUILDINGS) {
        return;
    }
    b->buildings = jx_arena_grow(rc->arena, b->buildings, b->nbuildings, cap,
                        sizeof *b->buildings);
    b->buildings[b->nbuildings++] = bd;
}

/* True when the base sheet holds any value at all. */
static bool base_any(const struct jx_base_sheet *b)
{
    static const size_t costs[] = {
        offsetof(struct jx_base_sheet, three_public),
        offsetof(struct jx_base_sheet, vehicle),
        offsetof(struct jx_base_sheet, vehicle_purchase),
        offsetof(struct jx_base_sheet, vehicle_operation),
        offsetof(struct jx_base_sheet, overseas),
        offsetof(struct jx_base_sheet, reception),
        offsetof(struct jx_base_sheet, project),
        offsetof(struct jx_base_sheet, public_funds),
        offsetof(struct jx_base_sheet, office),
        offsetof(struct jx_base_sheet, utilities_travel),
        offsetof(struct jx_base_sheet, meetings_training),
        offsetof(struct jx_base_sheet, procurement),
        offsetof(struct jx_base_sheet, basic_adjustment),
    };
    for (size_t k = 0; k < sizeof costs / sizeof costs[0]; k++) {
        if (cost_any((const struct jx_cost *)(const void *)((const char *)b +
                                                            costs[k]))) {
            return true;
        }
    }
    return b->authorized.present || b->actual.present ||
           b->control_rate.present || b->nproject_lines || b->nbuildings ||
           b->thrift_measures.s;
}

/* ---- a base sheet flattened into one run of words ------------------- */

/* The state of a base sheet read as a stream of blank-separated words
 * (a PDF or web page that lost the table: "编制数 2018年实际在职人数
 * 控制率 143 136 95.10% 经费控制情况 2017年决算数 …  三公经费 29.08
 * 63.46 44.29 …").  Only what the order makes certain is read: a
 * staffing header's numbers in its order, and a cost row's label
 * followed by exactly as many numbers as the cost header has columns. */
struct stream {
    int staff[3];     /* staffing fields in header order (C_AUTH…) */
    int nstaff, got;  /* header fields, numbers taken so far */
    struct jx_rc_cell snum[3]; /* those numbers, stored once all came */
    bool staff_open;  /* header seen, its numbers not yet all read */
    int cost[3];      /* cost fields in header order (C_PREV…) */
    int cyear[3];     /* their years (0 without) */
    int ncost;
    int row;          /* cost_rows entry being read, or -1 */
    struct jx_rc_cell num[3]; /* its numbers */
    int nnum;
    bool spoilt;      /* a damaged number or too many: not read */
    bool done;        /* another form began: the stream ends */
    const char *label; /* the cost row's label as printed */
    int short_row[2]; /* 公车购置 / 公车运行维护 with two numbers of three
                         columns: cost_rows entry, or -1 */
    struct jx_rc_cell short_num[2][2];
};

/* True when the word w[0..n) is a plain number, possibly a percentage
 * ("143", "95.10%", "1,922.76"). */
static bool stream_number(const char *w, size_t n)
{
    size_t i = 0, d = 0, pts = 0;
    if (i < n && w[i] == '-') {
        i++;
    }
    for (; i < n; i++) {
        if (w[i] >= '0' && w[i] <= '9') {
            d++;
        } else if (w[i] == '.') {
            pts++;
        } else if (w[i] == ',') {
            continue;
        } else if (w[i] == '%' && i == n - 1) {
            continue;
        } else {
            return false;
        }
    }
    return d > 0 && pts <= 1 && w[n - 1] != '.' && w[n - 1] != ',';
}

/* Store the cost row being read when its numbers fill the header's
 * columns exactly, then forget it. */
static void stream_flush(struct jx_rc *rc, struct stream *st,
                         enum jx_money_unit u)
{
    if (st->row >= 0 && !st->spoilt && st->ncost == 3 && st->nnum == 2 &&
        (cost_rows[st->row].row == JX_FR_VEHICLE_PURCHASE ||
         cost_rows[st->row].row == JX_FR_VEHICLE_OPERATION)) {
        int k = cost_rows[st->row].row == JX_FR_VEHICLE_PURCHASE ? 0 : 1;
        st->short_row[k] = st->row;
        st->short_num[k][0] = st->num[0];
        st->short_num[k][1] = st->num[1];
    }
    if (st->row >= 0 && cost_rows[st->row].cat < 0 && st->ncost > 0 &&
        st->nnum > 0 && (st->spoilt || st->nnum != st->ncost)) {
        /* figures seen that no column can be told for: not read, and
           said once (never "blank") */
        struct jx_cost *dst = (struct jx_cost *)(void *)((char *)&rc->pkg->base +
                                                         cost_rows[st->row].off);
        bool vehicle_part = cost_rows[st->row].row == JX_FR_VEHICLE_PURCHASE ||
                            cost_rows[st->row].row == JX_FR_VEHICLE_OPERATION;
        if (!cost_any(dst) && !vehicle_part) {
            dst->unread = true;
            if (rc->diags) {
                struct jx_loc l = jx_prov_loc(jx_rc_cell_prov(rc, &st->num[0]),
                                              NULL, NULL);
                jx_diag_add(rc->diags, "I416", JX_SEV_WARNING, &l,
                            "基础数据表的行“%s”有 %d 个数字，而表头有 %d 列，"
                            "无法确定各属哪一列，未读取",
                            st->label ? st->label : "", st->nnum, st->ncost);
            }
        }
    }
    if (st->row >= 0 && cost_rows[st->row].cat < 0 && !st->spoilt &&
        st->ncost > 0 && st->nnum == st->ncost) {
        struct jx_cost cv;
        memset(&cv, 0, sizeof cv);
        struct jx_amt *dst3[3] = {&cv.prev_final, &cv.budget, &cv.final};
        for (int k = 0; k < st->nnum; k++) {
            jx_rc_money(rc, &st->num[k], u, dst3[st->cost[k]]);
        }
        struct jx_cost *dst = (struct jx_cost *)(void *)((char *)&rc->pkg->base +
                                                         cost_rows[st->row].off);
        if (!cost_any(dst)) {
            *dst = cv;
        }
    }
    st->row = -1;
    st->nnum = 0;
    st->spoilt = false;
}

/* Order the cost header's 决算数 columns by year: with two, the earlier
 * year (or the first, without years) is the previous year's. */
static void stream_cost_order(struct stream *st)
{
    int fin[2], nf = 0, by = 0;
    for (int k = 0; k < st->ncost; k++) {
        if (st->cost[k] == C_BUDGET) {
            by = st->cyear[k];
        } else if (nf < 2) {
            fin[nf++] = k;
        }
    }
    if (nf == 2) {
        bool swap = st->cyear[fin[0]] && st->cyear[fin[1]] &&
                    st->cyear[fin[0]] > st->cyear[fin[1]];
        st->cost[fin[0]] = swap ? C_FINAL : C_PREV;
        st->cost[fin[1]] = swap ? C_PREV : C_FINAL;
    } else if (nf == 1) {
        st->cost[fin[0]] = st->cyear[fin[0]] && by && st->cyear[fin[0]] < by
                               ? C_PREV
                               : C_FINAL;
    }
}

/* Read one word of the stream: w is its text, r the line it is on. */
static void stream_word(struct jx_rc *rc, struct stream *st,
                        const struct jx_rc_row *r, const char *w)
{
    struct jx_base_sheet *b = &rc->pkg->base;
    size_t n = strlen(w);
    if (stream_number(w, n)) {
        const struct jx_prov *first = jx_rc_cell_prov(rc, &r->cells[0]);
        struct jx_prov *pv = (struct jx_prov *)jx_rc_prov(rc, first);
        pv->how = JX_HOW_POSITION;
        pv->raw = w;
        struct jx_rc_cell c = {0};
        jx_rc_cell_new(rc, &c, w, w, pv, 0, 1, false);
        if (st->staff_open) {
            st->snum[st->got++] = c;
            st->staff_open = st->got < st->nstaff;
            for (int k = 0; !st->staff_open && k < st->nstaff; k++) {
                int f = st->staff[k]; /* all the header's numbers came */
                if (f == C_AUTH) {
                    jx_rc_count(rc, &st->snum[k], &b->authorized);
                } else if (f == C_ACTUAL) {
                    jx_rc_count(rc, &st->snum[k], &b->actual);
                } else {
                    jx_rc_rate(rc, &st->snum[k], &b->control_rate);
                }
            }
        } else if (st->row >= 0) {
            if (st->nnum < 3) {
                st->num[st->nnum] = c;
            }
            st->nnum++;
            st->spoilt = st->spoilt || st->nnum > 3;
        }
        return;
    }
    if (st->staff_open && st->got > 0) {
        st->staff_open = false; /* fewer numbers than columns: not read */
    }
    if (strstr(w, "指标表") || strstr(w, "评分表") || strstr(w, "自评表")) {
        stream_flush(rc, st, b->unit);
        st->done = true; /* another form begins */
        return;
    }
    if (n > 40 || strstr(w, ",") || strstr(w, "，") || strstr(w, ".") ||
        strstr(w, "。") || strstr(w, "=")) {
        stream_flush(rc, st, b->unit); /* prose, not a cell */
        st->staff_open = false;
        return;
    }
    const char *cores = label_core(rc->arena, w);
    int sf = base_words(rc, true, JX_FC_STAFF_AUTHORIZED, w, true)   ? C_AUTH
             : base_words(rc, true, JX_FC_STAFF_ACTUAL, w, true) ? C_ACTUAL
             : base_words(rc, true, JX_FC_STAFF_RATE, w, true)   ? C_RATE
                                                                  : -1;
    if (sf >= 0 && (b->authorized.present || b->actual.present)) {
        sf = -1; /* the staffing is read once */
    }
    if (sf >= 0 && (sf == C_AUTH || (st->staff_open && st->got == 0))) {
        if (sf == C_AUTH) {
            st->nstaff = st->got = 0;
        }
        if (st->nstaff < 3) {
            st->staff[st->nstaff++] = sf;
        }
        st->staff_open = true;
        stream_flush(rc, st, b->unit);
        return;
    }
    bool bud = base_words(rc, true, JX_FC_COST_BUDGET, w, true);
    if (bud || base_words(rc, true, JX_FC_COST_FINAL, w, true)) {
        stream_flush(rc, st, b->unit);
        if (st->ncost == 3 || (st->ncost > 0 && st->cost[st->ncost - 1] < 0)) {
            st->ncost = 0; /* a new header */
        }
        if (st->ncost < 3) {
            st->cyear[st->ncost] = jx_text_year_prefix(w, NULL);
            st->cost[st->ncost++] = bud ? C_BUDGET : C_FINAL;
            stream_cost_order(st);
        }
        return;
    }
    stream_flush(rc, st, b->unit);
    st->row = st->ncost ? cost_row_of(rc, cores) : -1;
    st->label = st->row >= 0 ? cores : NULL;
}

/* The amount of column c of a cost (C_PREV…), or NULL. */
static const struct jx_amt *cost_col(const struct jx_cost *c, int col)
{
    return col == C_PREV ? &c->prev_final : col == C_BUDGET ? &c->budget
                                                            : &c->final;
}

/* True when parent = a + b in every column (a blank part counts as 0,
 * a blank parent only with blank parts). */
static bool cost_sums(const struct jx_cost *parent, const struct jx_cost *a,
                      const struct jx_cost *b)
{
    for (int k = 0; k < 3; k++) {
        const struct jx_amt *p = cost_col(parent, k), *x = cost_col(a, k),
                            *y = cost_col(b, k);
        struct jx_money sum = {0};
        if (x->present) {
            sum = x->v;
        }
        if (y->present && jx_money_add(sum, y->v, &sum) != JX_NUM_OK) {
            return false;
        }
        if (!p->present ? (x->present || y->present)
                        : jx_money_cmp(sum, p->v) != 0) {
            return false;
        }
    }
    return true;
}

/* Place the two numbers of a 公车购置 / 公车运行维护 row of a three-column
 * stream when exactly one choice of the blank column makes 公务用车购置和
 * 维护经费 = 公车购置 + 公车运行维护 in all three columns (the other row
 * and the parent fully read, or the other row also short and placed
 * together with it). */
static void stream_short_rows(struct jx_rc *rc, const struct stream *st)
{
    struct jx_base_sheet *b = &rc->pkg->base;
    struct jx_cost *parts[2] = {&b->vehicle_purchase, &b->vehicle_operation};
    if (!cost_any(&b->vehicle) || (st->short_row[0] < 0 && st->short_row[1] < 0)) {
        return;
    }
    struct jx_cost found[2];
    int nfound = 0;
    for (int m0 = 0; m0 < 3; m0++) {
        for (int m1 = 0; m1 < 3; m1++) {
            struct jx_cost c[2] = {*parts[0], *parts[1]};
            int miss[2] = {m0, m1};
            bool ok = true;
            for (int k = 0; k < 2; k++) {
                if (st->short_row[k] < 0) {
                    ok = ok && (k == 0 ? m0 : m1) == 0;
                    continue;
                }
                if (cost_any(parts[k])) {
                    ok = false;
                    continue;
                }
                memset(&c[k], 0, sizeof c[k]);
                struct jx_amt *cols[3] = {&c[k].prev_final, &c[k].budget,
                                          &c[k].final};
                int j = 0;
                for (int col = 0; col < 3; col++) {
                    if (col == miss[k]) {
                        continue;
                    }
                    struct jx_rc_cell cell = st->short_num[k][j++];
                    ok = ok && jx_rc_money(rc, &cell, b->unit, cols[col]) > 0;
                }
            }
            if (ok && cost_sums(&b->vehicle, &c[0], &c[1])) {
                if (nfound < 2) {
                    found[0] = c[0];
                    found[1] = c[1];
                }
                nfound++;
            }
        }
    }
    if (nfound == 1) {
        *parts[0] = found[0];
        *parts[1] = found[1];
    }
}

/* Most words of a 指标表 read after a base sheet's run. */
#define MAX_AFTER 4096

/* Read the paragraph lines of a base-sheet segment as one stream of
 * words (see struct stream); the words after a 指标表's title in the
 * same run go to the scoring-table reader (jx_rc_dept_words). */
static void base_stream(struct jx_rc *rc, const struct jx_rc_seg *seg)
{
    struct stream st;
    memset(&st, 0, sizeof st);
    st.row = -1;
    st.short_row[0] = st.short_row[1] = -1;
    struct jx_rc_word *after = NULL; /* the words after a 指标表's title */
    size_t nafter = 0, capafter = 0;
    bool stop = false; /* another form than a 指标表 began */
    struct jx_rc_word title = {NULL, NULL}; /* the 指标表's title word */
    for (size_t i = seg->first; i < seg->last && !stop; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (r->table || !jx_rcr_raw(r) || r->n == 0) {
            continue;
        }
        const char *s = jx_rcr_raw(r);
        size_t n = jx_rcr_rawlen(r), k = 0;
        while (k < n) {
            while (k < n && (s[k] == ' ' || s[k] == '\t')) {
                k++;
            }
            size_t e = k;
            while (e < n && s[e] != ' ' && s[e] != '\t') {
                e++;
            }
            if (e > k && !st.done) {
                const char *w = jx_strndup(rc->arena, s + k, e - k);
                stream_word(rc, &st, r, w);
                if (st.done && !strstr(w, "指标表")) {
                    stop = true; /* only a 指标表 is read on */
                    break;
                }
                if (st.done) {
                    title.w = w;
                    title.prov = jx_rc_cell_prov(rc, &r->cells[0]);
                }
            } else if (e > k && nafter < MAX_AFTER) {
                after = jx_arena_grow(rc->arena, after, nafter, &capafter,
                                      sizeof *after);
                after[nafter].w = jx_strndup(rc->arena, s + k, e - k);
                after[nafter++].prov = jx_rc_cell_prov(rc, &r->cells[0]);
            }
            k = e;
        }
    }
    stream_flush(rc, &st, rc->pkg->base.unit);
    stream_short_rows(rc, &st);
    if (st.done && nafter) {
        jx_rc_dept_words(rc, &title, after, nafter);
    }
}

/* True when the key of a lone line is a whole count ("128", "128人"). */
static bool lone_count(const char *k)
{
    size_t i = 0;
    while (k[i] >= '0' && k[i] <= '9') {
        i++;
    }
    return i > 0 && i <= 7 && (k[i] == '\0' || strcmp(k + i, "人") == 0);
}

/* True when key, without a trailing colon, is a whole word of the base
 * sheets' column c. */
static bool staff_label(const struct jx_rc *rc, const char *key,
                        enum jx_form_col c)
{
    char t[64];
    size_t n = strlen(key);
    if (n >= sizeof t) {
        return false;
    }
    memcpy(t, key, n + 1);
    while (n >= strlen("：") && strcmp(t + n - strlen("："), "：") == 0) {
        n -= strlen("：");
        t[n] = '\0';
    }
    while (n > 0 && t[n - 1] == ':') {
        t[--n] = '\0';
    }
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        if (f->kind == JX_FORM_BASE && jx_form_words_is(&f->col[c], t)) {
            return true;
        }
    }
    return false;
}

/* The staffing of a label/value stream (see recog.h). */
void jx_rc_base_pairs(struct jx_rc *rc)
{
    struct jx_base_sheet *b = &rc->pkg->base;
    if (b->authorized.present || b->actual.present) {
        return;
    }
    bool got = false;
    for (size_t i = 0; i + 1 < rc->nrows; i++) {
        const struct jx_rc_row *r = &rc->rows[i], *v = &rc->rows[i + 1];
        if (r->table || v->table || r->n != 1 || v->n != 1 ||
            !lone_count(jx_rcc_key(&v->cells[0]))) {
            continue;
        }
        const char *k = jx_rcc_key(&r->cells[0]);
        if (!b->authorized.present &&
            staff_label(rc, k, JX_FC_STAFF_AUTHORIZED)) {
            got |= jx_rc_count(rc, &v->cells[0], &b->authorized) > 0;
        } else if (!b->actual.present &&
                   staff_label(rc, k, JX_FC_STAFF_ACTUAL)) {
            got |= jx_rc_count(rc, &v->cells[0], &b->actual) > 0;
        }
    }
    if (got && !b->present) {
        b->present = true;
        rc->base_pairs_only = true;
    }
}

/* The 基础数据表 (see recog.h). */
void jx_rc_base(struct jx_rc *rc, const struct jx_rc_seg *seg)
{
    struct jx_base_sheet *b = &rc->pkg->base;
    b->present = true;
    struct cols staff, cost, bld;
    cols_init(&staff);
    cols_init(&cost);
    cols_init(&bld);
    bool staff_pending = false, in_bld = false, have_cost = false;
    int cat = -1;
    size_t caplines = b->nproject_lines, capbld = b->nbuildings;
    for (size_t i = seg->first; i < seg->last; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (!r->table || r->title || footer_row(r)) {
            continue;
        }
        const struct jx_rc_cell *first = row_label(r, NULL);
        int lu = first ? unit_line(jx_rcc_key(first)) : -1;
        if (lu >= 0) {
            b->unit = (enum jx_money_unit)lu;
            continue;
        }
        int a = base_cell(rc, r, JX_FC_STAFF_AUTHORIZED);
        if (a >= 0) {
            cols_init(&staff);
            staff.end = r->end;
            staff.col[C_AUTH] = jx_rcc_col(&r->cells[a]);
            int k = base_cell(rc, r, JX_FC_STAFF_ACTUAL);
            staff.col[C_ACTUAL] = k >= 0 ? jx_rcc_col(&r->cells[k]) : -1;
            k = base_cell(rc, r, JX_FC_STAFF_RATE);
            staff.col[C_RATE] = k >= 0 ? jx_rcc_col(&r->cells[k]) : -1;
            staff_pending = true;
            continue;
        }
        if (staff_pending && !row_blank(r)) {
            jx_rc_count(rc, jx_rc_under(r, staff.col[C_AUTH], staff.end),
                        &b->authorized);
            jx_rc_count(rc, jx_rc_under(r, staff.col[C_ACTUAL], staff.end),
                        &b->actual);
            jx_rc_rate(rc, jx_rc_under(r, staff.col[C_RATE], staff.end),
                       &b->control_rate);
            staff_pending = false;
            continue;
        }
        if (base_cell(rc, r, JX_FC_COST_FINAL) >= 0 ||
            base_cell(rc, r, JX_FC_COST_BUDGET) >= 0) {
            int y = cost_header(rc, r, &cost);
            if (y) {
                jx_rc_add_year(rc, y, jx_rc_cell_prov(rc, &r->cells[0]),
                               JX_RC_FROM_FORM,
                               false);
            }
            bool f = false;
            b->unit = row_unit(r, b->unit, &f);
            have_cost = true;
            in_bld = false;
            continue;
        }
        bool bld_row = base_cell(rc, r, JX_FC_BLD_APPROVED) >= 0;
        for (size_t k = 0; !bld_row && k < r->n; k++) {
            bld_row = base_words(rc, false, JX_FR_BUILDINGS,
                                 jx_rcc_key(&r->cells[k]), true);
        }
        if (bld_row) {
            cols_init(&bld);
            bld.end = r->end;
            for (int f = 0; f < 6; f++) {
                int k = base_cell(rc, r, (enum jx_form_col)(JX_FC_BLD_APPROVED +
                                                            f));
                bld.col[f] = k >= 0 ? jx_rcc_col(&r->cells[k]) : -1;
            }
            in_bld = bld.col[C_APPR] >= 0;
            continue;
        }
        size_t li = 0;
        const struct jx_rc_cell *label = row_label(r, &li);
        const char *core =
            label ? label_core(rc->arena, jx_rcc_key(label)) : "";
        if (label && base_words(rc, false, JX_FR_UNIT_NAME, core, false)) {
            const struct jx_rc_cell *v = jx_rc_next_filled(r, li);
            if (v) {
                jx_rc_add_name(rc, jx_rcc_text(v), jx_rc_cell_prov(rc, v),
                               JX_RC_FROM_FORM, false);
            }
            continue;
        }
        if (label && base_words(rc, false, JX_FR_THRIFT, core, false)) {
            const struct jx_rc_cell *v = jx_rc_next_filled(r, li);
            if (v && !b->thrift_measures.s) {
                jx_rc_text(rc, v, &b->thrift_measures);
            }
            in_bld = false;
            continue;
        }
        if (in_bld) {
            read_building(rc, r, &bld, b->unit, &capbld);
            continue;
        }
        if (!have_cost) {
            if (label && !base_words(rc, false, JX_FR_STAFF_GROUP, core, false)) {
                unknown_row(rc, label, "基础数据表");
            }
            continue;
        }
        struct jx_cost cv;
        memset(&cv, 0, sizeof cv);
        read_cost(rc, r, &cost, b->unit, &cv);
        int e = label ? cost_row_of(rc, core) : -1;
        if (e >= 0 && cat >= JX_PCAT_LOCAL_SPECIAL &&
            cost_rows[e].cat >= JX_PCAT_LOCAL_SPECIAL &&
            !special_header(rc, core)) {
            e = -1; /* a 专项 named "…专项资金" inside the list */
        }
        if (e >= 0 && cost_rows[e].cat < 0) {
            struct jx_cost *dst =
                (struct jx_cost *)(void *)((char *)b + cost_rows[e].off);
            if (cost_any(dst)) {
                unknown_row(rc, label, "基础数据表（重复的行）");
            } else {
                *dst = cv;
            }
            cat = cost_rows[e].row == JX_FR_PROJECT_COSTS ? -2 : -1;
            continue;
        }
        if (e >= 0) {
            cat = cost_rows[e].cat;
            struct jx_text nm = {0};
            if (cat == JX_PCAT_BUSINESS || cat == JX_PCAT_OPERATION) {
                nm.s = jx_strdup(rc->arena, core);
                nm.prov = jx_rc_cell_prov(rc, label);
            }
            if (cost_any(&cv)) {
                add_line(rc, &caplines, cat, &nm, &cv);
            }
            continue;
        }
        if (cat >= 0 && (label || cost_any(&cv))) {
            struct jx_text nm = {0};
            if (label) {
                jx_rc_text(rc, label, &nm);
            }
            add_line(rc, &caplines, cat, &nm, &cv);
            continue;
        }
        if (label) {
            unknown_row(rc, label, "基础数据表");
        }
    }
    if (!base_any(b)) {
        base_stream(rc, seg);
    }
    rc->found = true;
    if (!base_any(b) && seg->first < seg->last && rc->diags) {
        const struct jx_rc_cell *c0 = &rc->rows[seg->first].cells[0];
        struct jx_loc l = jx_prov_loc(jx_rc_cell_prov(rc, c0), NULL, NULL);
        jx_diag_add(rc->diags, "I405", JX_SEV_NOTE, &l,
                    "基础数据表是未填写的空白模板，记为已报送但内容为空");
    }
}

/* ---- 整体 / 项目支出绩效自评表 ---------------------------------------- */

/* Fields of the sheet column maps. */
enum { F_INIT = 0, F_FULL, F_EXEC, F_POINTS, F_RATE, F_SCORE };
enum { G_EXPECTED = 0, G_ACTUAL };
enum { I_L1 = 0, I_L2, I_NAME, I_TARGET, I_ACTUAL, I_POINTS, I_SCORE,
       I_DEV, I_NATURE, I_MEASURE };

/* A form without words (a catalogue without a form of the kind): it
 * recognises nothing. */
static const struct jx_form no_form;


/* The catalogue's kind of a segment kind. */
static enum jx_form_kind form_kind(enum jx_rc_kind k)
{
    return k == JX_RC_PROJECT ? JX_FORM_PROJECT
           : k == JX_RC_BASE  ? JX_FORM_BASE
           : k == JX_RC_ASSESS ? JX_FORM_ASSESS
                               : JX_FORM_UNIT;
}

/* How well the header row r fits form f: 2 for a cell in the words the
 * form prints (the first word of a column's list), 1 for a cell in a
 * synonym; *money counts the cells of the three budget columns and
 * *named all cells that name a column. */
static int form_matches(const struct jx_form *f, const struct jx_rc_row *r,
                        int *money, int *named)
{
    int n = 0;
    *money = 0;
    *named = 0;
    for (size_t i = 0; i < r->n; i++) {
        const char *k = jx_rcc_key(&r->cells[i]);
        int c = jx_form_col_of(f, k);
        if (c >= 0) {
            const char *w0 = f->col[c].w[0];
            n += strncmp(k, w0, strlen(w0)) == 0 ? 2 : 1;
            *money += c <= JX_FC_EXECUTED;
            (*named)++;
        }
    }
    return n;
}

/* The form of the catalogue of kind k whose columns the header row r
 * names most (ties: cur, then the first in the catalogue); *money as
 * form_matches for it.  cur when none names any. */
static const struct jx_form *best_form(const struct jx_rc *rc,
                                       enum jx_form_kind k,
                                       const struct jx_rc_row *r,
                                       const struct jx_form *cur, int *money,
                                       int *named)
{
    const struct jx_form *best = cur;
    int bm, bd, bn = form_matches(cur, r, &bm, &bd);
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        int m = 0, d = 0, n = f->kind == k ? form_matches(f, r, &m, &d) : 0;
        if (n > bn) {
            best = f;
            bn = n;
            bm = m;
            bd = d;
        }
    }
    *money = bm;
    *named = bd;
    return best;
}

/* True when key matches a word of w: the whole key (JX_FR_SUM), a word
 * inside it (JX_FR_TOTAL), else the key's start. */
static bool row_match(const struct jx_form_words *w, enum jx_form_row r,
                      const char *key)
{
    return r == JX_FR_SUM     ? jx_form_words_is(w, key)
           : r == JX_FR_TOTAL ? jx_form_words_has(w, key)
                              : jx_form_words_starts(w, key);
}

/* Whether a label core is the anchor row w, looked for in form f, then
 * in the other forms of f's kind (a form names its own rows; a document
 * may mix a region's row words into another's columns). */
static bool row_is(const struct jx_rc *rc, const struct jx_form *f,
                   enum jx_form_row w, const char *core)
{
    if (row_match(&f->row[w], w, core)) {
        return true;
    }
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *g = &rc->forms->f[i];
        if (g != f && g->kind == f->kind && row_match(&g->row[w], w, core)) {
            return true;
        }
    }
    return false;
}

/* The fund key of a label core among the fund rows of form f (the
 * anchor rows JX_FR_GENERAL_BUDGET.. in the order of enum
 * jx_fund_key; f's own words first, then its kind's), or -1. */
static int fund_of(const struct jx_rc *rc, const struct jx_form *f,
                   const char *core)
{
    for (int k = 0; k < JX_FUND_COUNT; k++) {
        if (jx_form_words_starts(&f->row[JX_FR_GENERAL_BUDGET + k], core)) {
            return k;
        }
    }
    for (int k = 0; k < JX_FUND_COUNT; k++) {
        if (row_is(rc, f, (enum jx_form_row)(JX_FR_GENERAL_BUDGET + k),
                   core)) {
            return k;
        }
    }
    return -1;
}

/* The first form of kind k in the catalogue (no_form when none). */
static const struct jx_form *first_form(const struct jx_rc *rc,
                                        enum jx_form_kind k)
{
    for (size_t i = 0; i < rc->forms->n; i++) {
        if (rc->forms->f[i].kind == k) {
            return &rc->forms->f[i];
        }
    }
    return &no_form;
}

/* The index of the first cell of r whose key starts with one of the
 * words, or -1. */
static int find_words(const struct jx_rc_row *r, const struct jx_form_words *w)
{
    for (size_t i = 0; i < r->n; i++) {
        if (jx_form_words_starts(w, jx_rcc_key(&r->cells[i]))) {
            return (int)i;
        }
    }
    return -1;
}

/* The index of the first cell of r that starts with a word of column c
 * of form f, else of the other forms of f's kind; -1 when none. */
static int col_find(const struct jx_rc *rc, const struct jx_form *f, int c,
                    const struct jx_rc_row *r)
{
    int k = find_words(r, &f->col[c]);
    for (size_t i = 0; k < 0 && i < rc->forms->n; i++) {
        const struct jx_form *g = &rc->forms->f[i];
        if (g != f && g->kind == f->kind) {
            k = find_words(r, &g->col[c]);
        }
    }
    return k;
}

/* If a cell reads "其中：一般公共预算：1371.87" or "项目支出：28.79" or
 * "政府性基金拨款：" (a fund label, a colon, an optional value), its
 * fund key and (in *val) a cell holding the value text; else -1. */
static int inline_fund(struct jx_rc *rc, const struct jx_form *f,
                       const struct jx_rc_cell *c, struct jx_rc_cell *val)
{
    const char *k = jx_rcc_key(c);
    if (jx_rc_starts(k, "其中：")) {
        k += strlen("其中：");
    } else if (jx_rc_starts(k, "其中:")) {
        k += strlen("其中:");
    }
    const char *colon = strstr(k, "：");
    size_t cl = strlen("：");
    const char *ac = strchr(k, ':');
    if (ac && (!colon || ac < colon)) {
        colon = ac;
        cl = 1;
    }
    if (!colon) {
        return -1;
    }
    const char *lab = jx_strndup(rc->arena, k, (size_t)(colon - k));
    int fk = fund_of(rc, f, lab);
    if (fk < 0) {
        return -1;
    }
    const char *t = jx_strdup(rc->arena, colon + cl);
    jx_rc_cell_retext(rc, val, c, t, t);
    return fk;
}

/* Strip a trailing "(50分)" or "（30分）" from a level-1 label. */
static const char *strip_points(struct jx_arena *a, const char *t)
{
    const char *p = strstr(t, "(");
    const char *q = strstr(t, "（");
    if (q && (!p || q < p)) {
        p = q;
    }
    if (p && p > t && jx_rc_has(p, "分")) {
        size_t n = (size_t)(p - t);
        while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n')) {
            n--;
        }
        return jx_strndup(a, t, n);
    }
    return t;
}

/* True when a key reads like a level-1 label of form f or its kind
 * ("产出指标(50分)"). */
static bool level1_label(const struct jx_rc *rc, const struct jx_form *f,
                         const char *key)
{
    return row_is(rc, f, JX_FR_LEVEL1, key) &&
           jx_utf8_count(key, strlen(key)) <= 12;
}

/* The state of one sheet being read. */
struct sheet_state {
    struct jx_sheet *s;
    const struct jx_form *form; /* the form the last header matched */
    enum { M_NONE = 0, M_FUNDS, M_GOALS, M_IND, M_GOAL_LINES } mode;
    struct cols funds, goals, ind;
    struct jx_goal gl;          /* M_GOAL_LINES: the goal being read */
    int gpend[4];               /* M_GOAL_LINES: header lines (G_EXPECTED,
                                   G_ACTUAL) whose texts are to come */
    size_t ngpend;
    const char *gtext[4];       /* M_GOAL_LINES: text lines since, read */
    const struct jx_prov *gprov[4]; /* when as many as the headers */
    size_t ngtext;
    struct jx_text l1, l2;
    size_t capgoals, capind;
    bool substantive;           /* something beyond the printed template */
    const struct jx_rc_cell *exec_pts; /* "(20分)" in the funds header's
                                          label, when it has no 分值 column */
    bool unit_known;            /* the header named the money unit */
    bool records;               /* indicators read as "指标N:" records */
    struct jx_rc_cell inl[JX_FUND_COUNT]; /* inline splits' values
                                             ("其中：一般公共预算：12.5") */
    bool has_inl[JX_FUND_COUNT];
    const struct jx_rc_cell *head[JX_FUND_COUNT]; /* amounts beside fund
                                   labels in the form's head, before the
                                   funds header ("基本支出总额 | 864.2万") */
};

/* The cell of the points a funds header's label states ("预算执行情况
 * (万元)(20分)": "20"), a new cell in the arena at the label's place;
 * NULL when the label states none. */
static const struct jx_rc_cell *label_points(struct jx_rc *rc,
                                             const struct jx_rc_cell *c)
{
    static const char *const close[] = {"分)", "分）"};
    const char *k = c ? jx_rcc_key(c) : NULL;
    for (size_t w = 0; k && w < 2; w++) {
        const char *e = strstr(k, close[w]);
        if (!e) {
            continue;
        }
        const char *b = e;
        while (b > k && b[-1] >= '0' && b[-1] <= '9') {
            b--;
        }
        bool open = (b - k >= 1 && b[-1] == '(') ||
                    (b - k >= 3 && strncmp(b - 3, "（", 3) == 0);
        if (b == e || !open || e - b > 3) {
            continue;
        }
        struct jx_rc_cell *d = jx_alloc(rc->arena, sizeof *d);
        const char *t = jx_strndup(rc->arena, b, (size_t)(e - b));
        jx_rc_cell_retext(rc, d, c, t, t);
        return d;
    }
    return NULL;
}

/* Map the columns of the funds header by the words of form f. */
static void funds_header(const struct jx_rc_row *r, const struct jx_form *f,
                         struct cols *m)
{
    static const int field[JX_FC_SCORE + 1] = {
        [JX_FC_BUDGET_INITIAL] = F_INIT, [JX_FC_BUDGET_FULL] = F_FULL,
        [JX_FC_EXECUTED] = F_EXEC,       [JX_FC_RATE] = F_RATE,
        [JX_FC_POINTS] = F_POINTS,       [JX_FC_SCORE] = F_SCORE};
    cols_init(m);
    m->end = r->end;
    bool named = false;
    for (size_t i = 0; i < r->n; i++) {
        int c = jx_form_col_of(f, jx_rcc_key(&r->cells[i]));
        if (c >= 0 && c <= JX_FC_SCORE && m->col[field[c]] < 0) {
            m->col[field[c]] = jx_rcc_col(&r->cells[i]);
        }
        if (c >= 0) {
            named = true;
        } else if (!named && !jx_rc_blank(jx_rcc_text(&r->cells[i]))) {
            m->label = jx_rcc_col(&r->cells[i]);
        }
    }
}

/* The end of row r without the padding a text table gives its rows: a
 * last blank cell spanning several columns (pipe rows padded to the
 * widest row).  r->end for other sources and rows. */
static int unpadded_end(const struct jx_rc *rc, const struct jx_rc_row *r)
{
    if (rc->doc && rc->doc->source == JX_SRC_TEXT && r->n >= 2) {
        const struct jx_rc_cell *l = &r->cells[r->n - 1];
        if (jx_rcc_span(l) > 1 && jx_rc_blank(jx_rcc_text(l))) {
            return jx_rcc_col(l);
        }
    }
    return r->end;
}

/* Map the columns of the indicator header by the words of form f. */
static void ind_header(const struct jx_rc *rc, const struct jx_rc_row *r,
                       const struct jx_form *f, struct cols *m)
{
    cols_init(m);
    m->end = unpadded_end(rc, r);
    for (size_t i = 0; i < r->n; i++) {
        int c = jx_rcc_col(&r->cells[i]), fd = -1;
        int fc = jx_form_col_of(f, jx_rcc_key(&r->cells[i]));
        if (fc < 0 && m->col[I_L1] < 0 && m->col[I_L2] < 0 &&
            m->col[I_NAME] < 0 && !jx_rc_blank(jx_rcc_text(&r->cells[i]))) {
            m->label = c; /* "绩效指标(90分)": a heading down the rows */
        }
        switch (fc) {
        case JX_FC_LEVEL1:
            fd = I_L1;
            break;
        case JX_FC_LEVEL2:
            fd = I_L2;
            break;
        case JX_FC_LEVEL3:
            fd = I_NAME;
            break;
        case JX_FC_TARGET:
            fd = I_TARGET;
            break;
        case JX_FC_ACTUAL:
            fd = I_ACTUAL;
            break;
        case JX_FC_POINTS:
            fd = I_POINTS;
            break;
        case JX_FC_SCORE:
            fd = I_SCORE;
            break;
        case JX_FC_DEVIATION:
            fd = I_DEV;
            break;
        case JX_FC_NATURE:
            fd = I_NATURE;
            break;
        case JX_FC_MEASURE:
            fd = I_MEASURE;
            break;
        default:
            break;
        }
        if (fd >= 0 && m->col[fd] < 0) {
            m->col[fd] = c;
        }
    }
}

/* A copy of cell c in the arena whose value is taken from its position
 * in the row (JX_HOW_POSITION), not from the column it stands under. */
static const struct jx_rc_cell *by_position(struct jx_rc *rc,
                                            const struct jx_rc_cell *c)
{
    struct jx_rc_cell *d = jx_alloc(rc->arena, sizeof *d);
    *d = *c;
    struct jx_prov *q = jx_alloc(rc->arena, sizeof *q);
    *q = *jx_rc_cell_prov(rc, c);
    q->how = JX_HOW_POSITION;
    q->raw = jx_rcc_text(c);
    jx_rc_cell_set_prov(rc, d, q);
    return d;
}

/* Whether a cleaned cell text is a percentage ("100%", "97.30%"). */
static bool is_percent(const char *key)
{
    size_t n = key ? strlen(key) : 0;
    return n >= 2 && key[n - 1] == '%' && key[0] >= '0' && key[0] <= '9';
}

/*
 * A funds row that lost a blank cell (text layouts drop them): its one
 * percentage stands under a money column instead of the rate.  Then
 * the values are read by kind and order: the percentage is the rate,
 * the amounts before it fill the money columns from the left, and the
 * values after it fill the columns after the rate only when there are
 * exactly as many.  Anything else is left unread.  True when the row
 * was read this way.
 */
static bool funds_by_kind(struct jx_rc *rc, const struct jx_rc_row *r,
                          const struct jx_rc_cell *label, const struct cols *m,
                          enum jx_money_unit u, struct jx_funds *f)
{
    enum { MAXV = 8 };
    const struct jx_rc_cell *v[MAXV];
    size_t nv = 0, pct = SIZE_MAX;
    if (!label || m->col[F_RATE] < 0) {
        return false;
    }
    for (size_t i = 0; i < r->n; i++) {
        const struct jx_rc_cell *c = &r->cells[i];
        if (jx_rcc_col(c) <= jx_rcc_col(label) || jx_rc_blank(jx_rcc_text(c))) {
            continue;
        }
        if (nv == MAXV) {
            return false;
        }
        if (is_percent(jx_rcc_key(c))) {
            if (pct != SIZE_MAX) {
                return false;
            }
            pct = nv;
        }
        v[nv++] = c;
    }
    if (pct == SIZE_MAX) {
        return false;
    }
    const struct jx_rc_cell *at = jx_rc_under(r, m->col[F_RATE], m->end);
    if (at == v[pct]) {
        return false; /* the rate is where the header puts it */
    }
    /* money columns and the columns after the rate, left to right */
    int money[3], nm = 0, after[2], na = 0;
    for (int fd = F_INIT; fd <= F_EXEC; fd++) {
        if (m->col[fd] >= 0 && m->col[fd] < m->col[F_RATE]) {
            money[nm++] = fd;
        }
    }
    for (int fd = F_POINTS; fd <= F_SCORE; fd++) {
        if (fd != F_RATE && m->col[fd] > m->col[F_RATE]) {
            after[na++] = fd;
        }
    }
    if (na == 2 && m->col[after[0]] > m->col[after[1]]) {
        int t = after[0];
        after[0] = after[1];
        after[1] = t;
    }
    for (int a = 0; a + 1 < nm; a++) {
        for (int b = a + 1; b < nm; b++) {
            if (m->col[money[b]] < m->col[money[a]]) {
                int t = money[a];
                money[a] = money[b];
                money[b] = t;
            }
        }
    }
    size_t before = pct, rest = nv - pct - 1;
    if (before > (size_t)nm || rest != (size_t)na) {
        return false;
    }
    struct jx_amt *amt[3] = {&f->budget_initial, &f->budget_full,
                             &f->executed};
    for (size_t i = 0; i < before; i++) {
        jx_rc_money(rc, by_position(rc, v[i]), u, amt[money[i]]);
    }
    jx_rc_rate(rc, by_position(rc, v[pct]), &f->rate);
    for (size_t i = 0; i < rest; i++) {
        jx_rc_num(rc, by_position(rc, v[pct + 1 + i]),
                  after[i] == F_POINTS ? &f->points : &f->score);
    }
    return true;
}

/*
 * Read one funds row into f: the cells under the columns m the form's
 * header named.  The one place a funds row's cells meet the form's
 * expected columns (the hook for cells run together: a splitter gets
 * the row and m, and the form's execution weight in form->exec_points).
 */
static void funds_row(struct jx_rc *rc, const struct jx_rc_row *r,
                      const struct cols *m, enum jx_money_unit u,
                      struct jx_funds *f)
{
    if (jx_rc_split_funds(rc, r, row_label(r, NULL), m->col, m->end, u, f)) {
        return; /* cells run together (recog_split.c) */
    }
    if (funds_by_kind(rc, r, row_label(r, NULL), m, u, f)) {
        return; /* a blank cell was dropped */
    }
    jx_rc_money(rc, jx_rc_under(r, m->col[F_INIT], m->end), u,
                &f->budget_initial);
    jx_rc_money(rc, jx_rc_under(r, m->col[F_FULL], m->end), u,
                &f->budget_full);
    jx_rc_money(rc, jx_rc_under(r, m->col[F_EXEC], m->end), u, &f->executed);
    jx_rc_num(rc, jx_rc_under(r, m->col[F_POINTS], m->end), &f->points);
    jx_rc_rate(rc, jx_rc_under(r, m->col[F_RATE], m->end), &f->rate);
    jx_rc_num(rc, jx_rc_under(r, m->col[F_SCORE], m->end), &f->score);
}

/* True when a funds row holds more than printed points. */
static bool funds_any(const struct jx_funds *f)
{
    return f->budget_initial.present || f->budget_full.present ||
           f->executed.present || f->rate.present || f->score.present;
}

/* If r is the total row (总分 / 合计, or an unlabelled row of "100" and
 * the total), read the stated total and return true. */
static bool total_row(struct jx_rc *rc, const struct jx_rc_row *r,
                      struct sheet_state *st)
{
    size_t at = SIZE_MAX;
    for (size_t i = 0; i < r->n; i++) {
        if (row_is(rc, st->form, JX_FR_SUM, jx_rcc_key(&r->cells[i]))) {
            at = i;
            break;
        }
    }
    if (at == SIZE_MAX) {
        /* only numbers, the first of them 100 */
        size_t nn = 0;
        struct jx_rat first = {0, 1};
        for (size_t i = 0; i < r->n; i++) {
            const struct jx_rc_cell *c = &r->cells[i];
            if (jx_rc_blank(jx_rcc_text(c))) {
                continue;
            }
            struct jx_rat v;
            if (!jx_rc_is_number(jx_rcc_key(c), &v)) {
                return false;
            }
            if (nn++ == 0) {
                first = v;
                at = i;
            }
        }
        if (nn < 1 || nn > 2 || jx_rat_cmp(first, jx_rat_int(100)) != 0) {
            return false;
        }
    } else {
        const struct jx_rc_cell *pts = jx_rc_next_filled(r, at);
        if (!pts) {
            return true;
        }
        if (st->ind.col[I_NAME] >= 0 && st->ind.col[I_POINTS] < 0 &&
            !jx_rc_next_filled(r, (size_t)(pts - r->cells))) {
            /* the form prints no 分值 column: the one figure after
             * the label is the total ("总分 | 100分") */
            jx_rc_num(rc, pts, &st->s->stated_total);
            if (st->s->stated_total.present) {
                st->substantive = true;
            }
            return true;
        }
        at = (size_t)(pts - r->cells);
    }
    /* the cell after the points (100) is the stated total */
    if (at + 1 < r->n) {
        jx_rc_num(rc, &r->cells[at + 1], &st->s->stated_total);
        if (st->s->stated_total.present) {
            st->substantive = true;
        }
    }
    return true;
}

/* Join a target's 指标性质 (≥, ≤, =) before it and its 度量单位 after
 * it, when the form prints them in columns of their own. */
static void target_parts(struct jx_rc *rc, const struct jx_rc_cell *nature,
                         const struct jx_rc_cell *measure,
                         struct jx_text *target)
{
    if (!target->s) {
        return;
    }
    if (nature && !jx_rc_blank(jx_rcc_text(nature)) &&
        !jx_rc_has(jx_rcc_key(nature), "指标")) {
        target->s =
            jx_sprintf(rc->arena, "%s%s", jx_rcc_key(nature), target->s);
    }
    if (measure && !jx_rc_blank(jx_rcc_text(measure)) &&
        !jx_rc_ends(target->s, jx_rcc_key(measure))) {
        target->s =
            jx_sprintf(rc->arena, "%s%s", target->s, jx_rcc_key(measure));
    }
}

/* One indicator row. */
static void ind_row(struct jx_rc *rc, const struct jx_rc_row *row,
                    struct sheet_state *st)
{
    struct jx_rc_row trimmed = *row;
    trimmed.end = unpadded_end(rc, row);
    bool cut = row->table && row->table->truncated &&
               row->row == row->table->nrows - 1;
    if (cut && trimmed.end < st->ind.end) {
        /* the source ended inside this row: its cells are the first
           ones, the missing ones are at its end */
        trimmed.end = st->ind.end;
    }
    const struct jx_rc_row *r = &trimmed;
    struct cols shifted = st->ind;
    const struct cols *m = &shifted;
    const struct jx_rc_cell *lead = jx_rc_first_filled(r);
    if (m->label >= 0 && lead && jx_rcc_col(lead) <= m->label) {
        /* the row dropped the heading merged down its left (a text
         * layout): a level name goes under its level's column */
        int to = row_is(rc, st->form, JX_FR_LEVEL1, jx_rcc_key(lead))
                     ? m->col[I_L1]
                 : row_is(rc, st->form, JX_FR_LEVEL2, jx_rcc_key(lead))
                     ? m->col[I_L2]
                     : -1;
        if (to > jx_rcc_col(lead)) {
            shifted.end = r->end + (to - jx_rcc_col(lead));
        }
    }
    const struct jx_rc_cell *c1 = jx_rc_under(r, m->col[I_L1], m->end);
    const struct jx_rc_cell *c2 = jx_rc_under(r, m->col[I_L2], m->end);
    if (c1 && !jx_rc_blank(jx_rcc_text(c1))) {
        const char *t = strip_points(rc->arena, jx_rcc_text(c1));
        const char *k = jx_text_compact(rc->arena, t);
        if (!st->l1.s || strcmp(k, jx_text_compact(rc->arena, st->l1.s))) {
            st->l2.s = NULL;
            st->l2.prov = NULL;
        }
        st->l1.s = k;
        st->l1.prov = jx_rc_cell_prov(rc, c1);
    }
    if (c2 && !jx_rc_blank(jx_rcc_text(c2))) {
        st->l2.s = jx_text_compact(rc->arena, jx_rcc_text(c2));
        st->l2.prov = jx_rc_cell_prov(rc, c2);
    }
    struct jx_indicator ind;
    memset(&ind, 0, sizeof ind);
    jx_rc_text(rc, jx_rc_under(r, m->col[I_NAME], m->end), &ind.name);
    jx_rc_text(rc, jx_rc_under(r, m->col[I_TARGET], m->end), &ind.target);
    target_parts(rc, jx_rc_under(r, m->col[I_NATURE], m->end),
                 jx_rc_under(r, m->col[I_MEASURE], m->end), &ind.target);
    jx_rc_text(rc, jx_rc_under(r, m->col[I_ACTUAL], m->end), &ind.actual);
    jx_rc_text(rc, jx_rc_under(r, m->col[I_DEV], m->end), &ind.deviation);
    if (!(ind.name.s || ind.target.s || ind.actual.s)) {
        /* a label-only or blank template row: points alone are printed */
        return;
    }
    if (!jx_rc_split_ind(rc, jx_rc_under(r, m->col[I_POINTS], m->end),
                         jx_rc_under(r, m->col[I_SCORE], m->end),
                         &ind.points, &ind.score)) {
        jx_rc_num(rc, jx_rc_under(r, m->col[I_POINTS], m->end), &ind.points);
        jx_rc_num(rc, jx_rc_under(r, m->col[I_SCORE], m->end), &ind.score);
    }
    ind.level1 = st->l1;
    ind.level2 = st->l2;
    ind.cut = cut; /* the source ended inside this, the table's last row */
    const struct jx_rc_cell *f = ind.name.s
                                     ? jx_rc_under(r, m->col[I_NAME], m->end)
                                     : jx_rc_first_filled(r);
    ind.prov = f ? jx_rc_cell_prov(rc, f) : jx_rc_cell_prov(rc, &r->cells[0]);
    struct jx_sheet *s = st->s;
    if (s->nindicators >= MAX_INDICATORS) {
        return;
    }
    s->indicators = jx_arena_grow(rc->arena, s->indicators, s->nindicators,
                         &st->capind, sizeof *s->indicators);
    s->indicators[s->nindicators++] = ind;
    st->substantive = true;
}

/* Length of an "指标N:" / "指标N：" prefix at the start of t, 0 when
 * t does not start with one. */
static size_t ind_prefix(const char *t)
{
    static const char w[] = "指标";
    size_t n = sizeof w - 1;
    if (strncmp(t, w, n) != 0 || t[n] < '0' || t[n] > '9') {
        return 0;
    }
    while (t[n] >= '0' && t[n] <= '9') {
        n++;
    }
    if (t[n] == ':') {
        return n + 1;
    }
    if (strncmp(t + n, "：", strlen("：")) == 0) {
        return n + strlen("：");
    }
    return 0;
}

/* A cell of the arena for the token t of paragraph line r: its
 * provenance is the line's, at the token's column when the token is
 * found in the line as written. */
static struct jx_rc_cell *line_cell(struct jx_rc *rc,
                                    const struct jx_rc_row *r, const char *t,
                                    size_t *from)
{
    struct jx_rc_cell *c = jx_alloc(rc->arena, sizeof *c);
    jx_rc_cell_new(rc, c, t, t, jx_rc_cell_prov(rc, &r->cells[0]), 0, 1, false);
    if (jx_rcr_raw(r) && *from <= jx_rcr_rawlen(r)) {
        const char *raw = jx_rcr_raw(r) + *from;
        size_t left = jx_rcr_rawlen(r) - *from, n = strlen(t);
        for (size_t i = 0; n && i + n <= left; i++) {
            if (memcmp(raw + i, t, n) == 0) {
                struct jx_prov *q = jx_alloc(rc->arena, sizeof *q);
                *q = *jx_rc_cell_prov(rc, &r->cells[0]);
                q->col += (int)jx_utf8_count(jx_rcr_raw(r), *from + i);
                jx_rc_cell_set_prov(rc, c, q);
                *from += i + n;
                break;
            }
        }
    }
    return c;
}

/* The inline splits of row r ("其中：一般公共预算：1371.87" in a cell or
 * on a paragraph line), kept in st->inl; true when r had one. */
static bool inline_row(struct jx_rc *rc, const struct jx_rc_row *r,
                       struct sheet_state *st)
{
    bool inl = false;
    for (size_t i = 0; i < r->n; i++) {
        struct jx_rc_cell v;
        int f = inline_fund(rc, st->form, &r->cells[i], &v);
        if (f < 0) {
            continue;
        }
        inl = true;
        if (!st->has_inl[f] && !jx_rc_blank(jx_rcc_text(&v))) {
            /* its column is chosen once all are read (inline_columns) */
            st->inl[f] = v;
            st->has_inl[f] = true;
        }
    }
    return inl;
}

/* One row of the funds block. */
static void funds_block_row(struct jx_rc *rc, const struct jx_rc_row *r,
                            struct sheet_state *st)
{
    struct jx_sheet *s = st->s;
    if (inline_row(rc, r, st)) {
        return;
    }
    const struct jx_rc_cell *label = row_label(r, NULL);
    if (!label) {
        return;
    }
    const char *core = label_core(rc->arena, jx_rcc_key(label));
    struct jx_funds *dst = NULL;
    if (row_is(rc, st->form, JX_FR_TOTAL, core)) {
        dst = &s->total;
    } else {
        int f = fund_of(rc, st->form, core);
        if (f >= 0) {
            dst = &s->funds[f];
        }
    }
    if (!dst) {
        if (!row_is(rc, st->form, JX_FR_FUND_GROUP, core)) {
            unknown_row(rc, label, s->kind == JX_SHEET_PROJECT
                                       ? "项目支出绩效自评表"
                                       : "整体支出绩效自评表");
        }
        return;
    }
    struct cols m = st->funds;
    if (m.label >= 0 && jx_rcc_col(label) < m.label) {
        /* the row dropped merged cells at its left (a text layout): its
         * label goes under the header's label column */
        m.end = r->end + (m.label - jx_rcc_col(label));
    }
    funds_row(rc, r, &m, s->unit, dst);
    if (dst == &s->total && !dst->points.present && st->exec_pts) {
        jx_rc_num(rc, st->exec_pts, &dst->points);
    }
    if (funds_any(dst)) {
        st->substantive = true;
    }
}

/* The groups of fund splits that each add up to the total: by source,
 * the project sheet's appropriation split, by nature. */
static const int fund_groups[3][5] = {
    {JX_FUND_GENERAL_BUDGET, JX_FUND_GOV_FUND, JX_FUND_SPECIAL_ACCOUNT,
     JX_FUND_OTHER, -1},
    {JX_FUND_CURRENT_APPROP, JX_FUND_CARRYOVER, -1},
    {JX_FUND_BASIC, JX_FUND_PROJECT, -1},
};

/*
 * Store the inline splits' values (st->inl, "其中：一般公共预算：12.5":
 * a label and a value, no column printed for it).  Each group of splits
 * (fund_groups) goes in the column of the total its amounts add up to:
 * 全年执行数 first (the reading of seed-like forms), else 全年预算数,
 * else 年初预算数; a value placed anywhere but 全年执行数 is marked
 * JX_HOW_COLUMN.  A group that adds up to none of them stays in
 * 全年执行数, as printed forms of this shape mostly mean.  A split the
 * table's rows filled already is not overwritten.
 */
static void inline_columns(struct jx_rc *rc, struct sheet_state *st)
{
    struct jx_sheet *s = st->s;
    for (size_t g = 0; g < sizeof fund_groups / sizeof fund_groups[0]; g++) {
        struct jx_amt v[JX_FUND_COUNT];
        struct jx_money sum = {0};
        bool any = false, ok = true;
        for (size_t k = 0; fund_groups[g][k] >= 0; k++) {
            int f = fund_groups[g][k];
            memset(&v[f], 0, sizeof v[f]);
            if (!st->has_inl[f]) {
                continue;
            }
            if (jx_rc_money(rc, &st->inl[f], s->unit, &v[f]) <= 0) {
                ok = false;
                continue;
            }
            any = true;
            ok = ok && jx_money_add(sum, v[f].v, &sum) == JX_NUM_OK;
        }
        if (!any) {
            continue;
        }
        st->substantive = true;
        const struct jx_amt *tot[3] = {&s->total.executed,
                                       &s->total.budget_full,
                                       &s->total.budget_initial};
        int col = 0;
        for (int c = 0; ok && c < 3; c++) {
            if (tot[c]->present && jx_money_cmp(tot[c]->v, sum) == 0) {
                col = c;
                break;
            }
        }
        for (size_t k = 0; fund_groups[g][k] >= 0; k++) {
            int f = fund_groups[g][k];
            if (!v[f].present) {
                continue;
            }
            struct jx_amt *dst = col == 0   ? &s->funds[f].executed
                                 : col == 1 ? &s->funds[f].budget_full
                                            : &s->funds[f].budget_initial;
            if (dst->present) {
                continue;
            }
            *dst = v[f];
            if (col != 0) {
                struct jx_prov *q = (struct jx_prov *)jx_rc_prov(rc, v[f].prov);
                q->how = JX_HOW_COLUMN;
                q->raw = jx_rcc_text(&st->inl[f]);
                dst->prov = q;
            }
        }
    }
}

/* Header labels of a project sheet and the text each fills. */
static void project_labels(struct jx_rc *rc, const struct jx_rc_row *r,
                           struct sheet_state *st)
{
    struct jx_sheet *s = st->s;
    const struct jx_form *f = st->form;
    for (size_t i = 0; i < r->n; i++) {
        const char *k = jx_rcc_key(&r->cells[i]);
        struct jx_text *dst = NULL;
        if (row_is(rc, f, JX_FR_PROJECT_NAME, k)) {
            dst = &s->name;
        } else if (row_is(rc, f, JX_FR_SUPERVISOR, k)) {
            dst = &s->supervisor;
        } else if (row_is(rc, f, JX_FR_IMPLEMENTER, k)) {
            dst = &s->implementer;
        } else {
            continue;
        }
        if (i + 1 < r->n && !dst->s) {
            const struct jx_rc_cell *v = &r->cells[i + 1];
            if (row_is(rc, f, JX_FR_SUPERVISOR, jx_rcc_key(v)) ||
                row_is(rc, f, JX_FR_IMPLEMENTER, jx_rcc_key(v))) {
                continue;
            }
            jx_rc_text(rc, v, dst);
            if (dst->s) {
                st->substantive = true;
            }
        }
    }
}

/* ---- rows that arrive as paragraph lines ---------------------------- */

/* Most space-separated parts of a paragraph line read as a row, and
 * most one-part lines joined to the start of an indicator row. */
enum { MAX_PARTS = 12, MAX_PEND = 2 };

/* Split a paragraph line as written (its spaces and tabs kept, which
 * the cleaned text drops between Chinese words) into cleaned parts (at
 * most MAX_PARTS); returns their count, or 0 when there are more. */
static size_t line_parts(struct jx_arena *a, const struct jx_rc_row *line,
                         const char **out)
{
    size_t n = 0, i = 0, len = jx_rcr_raw(line) ? jx_rcr_rawlen(line) : 0;
    const char *s = jx_rcr_raw(line);
    while (i < len) {
        while (i < len && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        if (i == len) {
            break;
        }
        size_t b = i;
        while (i < len && s[i] != ' ' && s[i] != '\t') {
            i++;
        }
        if (n == MAX_PARTS) {
            return 0;
        }
        out[n++] = jx_rc_clean(a, s + b, i - b);
    }
    return n;
}

/* A row made of a paragraph line's parts placed under the grid columns
 * cols[0..n) (ascending, the header's), ending at end: the row readers
 * then read it exactly as a table row. */
static struct jx_rc_row *line_row(struct jx_rc *rc,
                                  const struct jx_rc_row *line,
                                  const char *const *parts, const int *cols,
                                  size_t n, int end)
{
    struct jx_rc_row *r = jx_alloc(rc->arena, sizeof *r);
    *r = *line;
    r->cells = jx_alloc_array(rc->arena, n, sizeof *r->cells);
    for (size_t i = 0; i < n; i++) {
        struct jx_rc_cell *c = &r->cells[i];
        jx_rc_cell_new(rc, c, parts[i], jx_text_compact(rc->arena, parts[i]),
                       jx_rc_cell_prov(rc, &line->cells[0]), cols[i], 1, false);
    }
    r->n = (uint32_t)n;
    r->end = end;
    return r;
}

/* Insert column c into the ascending list at[0..*n). */
static void col_add(int *at, size_t *n, int c)
{
    if (c < 0) {
        return;
    }
    size_t k = *n;
    while (k > 0 && at[k - 1] > c) {
        at[k] = at[k - 1];
        k--;
    }
    at[k] = c;
    (*n)++;
}

/* True when a part of a line is a figure: a plain number, or one with
 * "%" (a rate). */
static bool line_figure(struct jx_arena *a, const char *t)
{
    size_t n = strlen(t);
    if (n > 1 && t[n - 1] == '%') {
        return jx_rc_is_number(jx_strndup(a, t, n - 1), NULL);
    }
    return jx_rc_is_number(t, NULL);
}

/*
 * A funds row printed as a paragraph line under a funds header
 * ("其中:本年财政拨款 90 89.974 89.974", "年度资金总额: 20 20 10 100% 10"):
 * a label of at most two parts naming the total or a fund, then only
 * figures, as many as the header's value columns or as its amount
 * columns; they go under those columns in order.  Any other shape is
 * not read (a line of prose is never taken for a row).
 */
static const struct jx_rc_row *funds_line(struct jx_rc *rc,
                                          const struct jx_rc_row *line,
                                          const struct sheet_state *st)
{
    const char *parts[MAX_PARTS];
    size_t n = line_parts(rc->arena, line, parts);
    size_t nl = 0;
    while (nl < n && nl < 3 && !line_figure(rc->arena, parts[nl])) {
        nl++;
    }
    if (nl == 0 || nl > 2 || n == nl) {
        return NULL;
    }
    const char *label = nl == 1 ? parts[0]
                                : jx_sprintf(rc->arena, "%s%s", parts[0],
                                             parts[1]);
    const char *core = label_core(rc->arena,
                                  jx_text_compact(rc->arena, label));
    if (!row_is(rc, st->form, JX_FR_TOTAL, core) &&
        fund_of(rc, st->form, core) < 0) {
        return NULL;
    }
    for (size_t i = nl; i < n; i++) {
        if (!line_figure(rc->arena, parts[i])) {
            return NULL;
        }
    }
    const struct cols *m = &st->funds;
    int all[MAX_FIELDS + 1], money[MAX_FIELDS + 1];
    size_t nall = 0, nmoney = 0;
    for (int f = F_INIT; f <= F_SCORE; f++) {
        col_add(all, &nall, m->col[f]);
        if (f <= F_EXEC) {
            col_add(money, &nmoney, m->col[f]);
        }
    }
    size_t nv = n - nl;
    const int *use = nv == nall ? all : nv == nmoney ? money : NULL;
    if (!use) {
        return NULL;
    }
    int cols[MAX_PARTS];
    cols[0] = m->label >= 0 ? m->label : use[0] - 1;
    if (cols[0] < 0 || cols[0] >= use[0]) {
        return NULL;
    }
    const char *cells[MAX_PARTS];
    cells[0] = label;
    for (size_t i = 0; i < nv; i++) {
        cols[1 + i] = use[i];
        cells[1 + i] = parts[nl + i];
    }
    return line_row(rc, line, cells, cols, 1 + nv, m->end);
}

/*
 * The total row of the indicators printed as a line ("总分 100 95",
 * "合计 100"): its label and one or two numbers, placed as a table row
 * so total_row reads it.  NULL for any other line.
 */
static const struct jx_rc_row *total_line(struct jx_rc *rc,
                                          const struct jx_rc_row *line,
                                          const struct sheet_state *st)
{
    const char *parts[MAX_PARTS];
    size_t n = line_parts(rc->arena, line, parts);
    if (n < 2 || n > 3 ||
        !row_is(rc, st->form, JX_FR_SUM, jx_text_compact(rc->arena, parts[0]))) {
        return NULL;
    }
    int cols[MAX_PARTS];
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && !jx_rc_is_number(parts[i], NULL)) {
            return NULL;
        }
        cols[i] = (int)i;
    }
    return line_row(rc, line, parts, cols, n, (int)n);
}

/*
 * An indicator row printed as a paragraph line under an indicator
 * header ("时效指标 提交报告及时性 在规定时间内完成 达成预期指标 8 8"):
 * an optional level-one and level-two name, then exactly one part for
 * each column from 三级指标 to 得分 (the 偏差 column optional when it is
 * the last), 分值 and 得分 numbers.  Any other shape is not read.
 * pre[0..npre) are parts of the lines just above, one part each (a row
 * whose first cells were printed one per line), placed before the
 * line's own parts.
 */
static const struct jx_rc_row *ind_line(struct jx_rc *rc,
                                        const struct jx_rc_row *line,
                                        const struct sheet_state *st,
                                        const char *const *pre, size_t npre)
{
    const struct cols *m = &st->ind;
    if (m->col[I_NAME] < 0 || m->col[I_POINTS] < 0 ||
        m->col[I_SCORE] < 0 || m->col[I_NATURE] >= 0 ||
        m->col[I_MEASURE] >= 0) {
        return NULL;
    }
    const char *parts[MAX_PARTS + MAX_PEND];
    if (npre > MAX_PEND) {
        return NULL;
    }
    for (size_t i = 0; i < npre; i++) {
        parts[i] = pre[i];
    }
    size_t n = line_parts(rc->arena, line, parts + npre);
    if (n == 0) {
        return NULL;
    }
    n += npre;
    if (n < 3) {
        return NULL;
    }
    int body[MAX_FIELDS + 1];
    size_t nb = 0;
    for (int f = I_NAME; f <= I_DEV; f++) {
        col_add(body, &nb, m->col[f]);
    }
    if (body[0] != m->col[I_NAME]) {
        return NULL;
    }
    int cols[MAX_PARTS + MAX_PEND];
    size_t k = 0;
    if (m->col[I_L1] >= 0 && m->col[I_L1] < body[0] &&
        row_is(rc, st->form, JX_FR_LEVEL1, jx_text_compact(rc->arena, parts[k])) &&
        n - k > nb - 1) {
        cols[k++] = m->col[I_L1];
    }
    if (m->col[I_L2] >= 0 && m->col[I_L2] < body[0] &&
        (k == 0 || m->col[I_L2] > cols[0]) &&
        row_is(rc, st->form, JX_FR_LEVEL2, jx_text_compact(rc->arena, parts[k])) &&
        n - k > nb - 1) {
        cols[k++] = m->col[I_L2];
    }
    size_t rest = n - k;
    bool dev_last = m->col[I_DEV] >= 0 && body[nb - 1] == m->col[I_DEV];
    if (!(rest == nb || (dev_last && rest == nb - 1))) {
        return NULL;
    }
    for (size_t i = 0; i < rest; i++) {
        cols[k + i] = body[i];
        bool num = jx_rc_is_number(parts[k + i], NULL);
        bool want = body[i] == m->col[I_POINTS] || body[i] == m->col[I_SCORE];
        if (want && !num) {
            return NULL;
        }
        if (body[i] == m->col[I_NAME] && num) {
            return NULL;
        }
    }
    return line_row(rc, line, parts, cols, n, m->end);
}

/* True when paragraph line r is one part that may be the first cells
 * of an indicator row printed one per line: no space inside, not a
 * number, at most 40 code points. */
static bool pend_part(struct jx_rc *rc, const struct jx_rc_row *r)
{
    const char *parts[MAX_PARTS];
    if (line_parts(rc->arena, r, parts) != 1) {
        return false;
    }
    return !jx_rc_is_number(parts[0], NULL) &&
           jx_utf8_count(parts[0], strlen(parts[0])) <= 40;
}

/* How many cells of the segment's rows hold a figure a blank template
 * does not print: a decimal amount ("207.4538") or a percentage
 * ("97.30%").  A form whose cells hold such figures was filled in, even
 * when no row of it could be read: it is not a blank template. */
static size_t seg_figures(const struct jx_rc *rc, const struct jx_rc_seg *seg)
{
    size_t n = 0;
    for (size_t i = seg->first; i < seg->last; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        for (size_t k = 0; k < r->n; k++) {
            const char *t = jx_rcc_key(&r->cells[k]);
            for (size_t j = 0; t && t[j]; j++) {
                bool digit = t[j] >= '0' && t[j] <= '9';
                if (digit && (t[j + 1] == '%' ||
                              (t[j + 1] == '.' && t[j + 2] >= '0' &&
                               t[j + 2] <= '9'))) {
                    n++;
                    break;
                }
            }
        }
    }
    return n;
}

/* ---- a sheet flattened to running text ------------------------------ */

/*
 * A 项目支出绩效自评表 whose table came out as running text (a sheet
 * flattened to one line, or to paragraphs where the text layout cut
 * it) is read as one stream of tokens over the run of paragraph lines:
 * the funds row under its header words, and "指标N:名称 目标 实际 分值
 * 得分" records.  A record is read as printed when exactly four tokens
 * follow its name, the last two plain numbers and the score not above
 * the points.  Two shapes of interleaving that PDF and spreadsheet
 * conversions produce are read by position, and only where the order
 * and the numbering make the reading certain (provenance `position`):
 * a name wrapped onto the next line pushes the next record's name
 * before its cells, and a column block cuts rows after their target,
 * their remaining cells following the block as triples.  Any other
 * shape is left unread.
 */

/* Most tokens of a run of lines read as one stream. */
enum { MAX_STOK = 4096, MAX_SREC = 1024 };

/* A token of the stream: its text, the row it is on, and a cell with
 * its provenance (at the token's column when found). */
struct stok {
    const char *t;
    size_t row;
    const struct jx_rc_cell *c;
};

/* A "指标N:名称" record of the stream: the name token, the tokens
 * [first, end) that follow it, its number N, whether tokens that belong
 * to no record follow it (then it is not adjacent to the next), and the
 * indicator read for it (read true). */
struct srec {
    size_t name, first, end;
    long num;
    bool loose_after;
    bool read;
    struct jx_indicator ind;
};

/* The stream of a run of lines and the records read from it. */
struct stream_run {
    size_t first, last;         /* the rows [first, last) of the run */
    struct stok *tok;
    size_t n, captok;
    struct srec *rec;
    size_t nrec, caprec;
};

/* The number N of a "指标N:" token (t starts with one). */
static long rec_number(const char *t)
{
    long v = 0;
    for (const char *p = t + strlen("指标"); *p >= '0' && *p <= '9'; p++) {
        if (v < 100000) {
            v = v * 10 + (*p - '0');
        }
    }
    return v;
}

/* The column of the form's kind a token names: st->form's words first,
 * then the other forms of its kind; -1 when none. */
static int stream_col(const struct jx_rc *rc, const struct sheet_state *st,
                      const char *t)
{
    int c = jx_form_col_of(st->form, t);
    for (size_t i = 0; c < 0 && i < rc->forms->n; i++) {
        const struct jx_form *g = &rc->forms->f[i];
        if (g != st->form && g->kind == st->form->kind) {
            c = jx_form_col_of(g, t);
        }
    }
    return c;
}

/* True when a token holds an ASCII digit. */
static bool has_digit(const char *t)
{
    for (; *t; t++) {
        if (*t >= '0' && *t <= '9') {
            return true;
        }
    }
    return false;
}

/* True when token t can be the rest of a name wrapped onto the next
 * line ("数"): no digit, at most 4 code points, no column word. */
static bool name_rest(const struct jx_rc *rc, const struct sheet_state *st,
                      const char *t)
{
    return !has_digit(t) && jx_utf8_count(t, strlen(t)) <= 4 &&
           stream_col(rc, st, t) < 0 && !ind_prefix(t);
}

/* True when t[0..4) are the cells of an indicator row after its name:
 * target and actual not blank, points and score plain numbers, points
 * above 0 and the score not above them. */
static bool tuple_ok(const struct stok *t)
{
    struct jx_rat pv, sv;
    return jx_rc_is_number(t[2].t, &pv) && jx_rc_is_number(t[3].t, &sv) &&
           jx_rat_cmp(pv, jx_rat_int(0)) > 0 && jx_rat_cmp(sv, pv) <= 0 &&
           !jx_rc_blank(t[0].t) && !jx_rc_blank(t[1].t);
}

/* Read record x's indicator: its name (with the wrapped rest of tokens
 * [rest, rest_end)), and the cells target, actual, points, score (any
 * may be NULL); by position when pos. */
static void rec_read(struct jx_rc *rc, struct stream_run *sr, size_t x,
                     size_t rest, size_t rest_end,
                     const struct jx_rc_cell *target,
                     const struct jx_rc_cell *actual,
                     const struct jx_rc_cell *points,
                     const struct jx_rc_cell *score, bool pos)
{
    struct srec *R = &sr->rec[x];
    const struct stok *nt = &sr->tok[R->name];
    struct jx_rc_cell *name = jx_alloc(rc->arena, sizeof *name);
    const char *s = nt->t + ind_prefix(nt->t);
    for (size_t k = rest; k < rest_end; k++) {
        s = jx_sprintf(rc->arena, "%s%s", s, sr->tok[k].t);
    }
    jx_rc_cell_retext(rc, name, nt->c, s, s);
    memset(&R->ind, 0, sizeof R->ind);
    jx_rc_text(rc, name, &R->ind.name);
    const struct jx_rc_cell *v[4] = {target, actual, points, score};
    for (int k = 0; k < 4; k++) {
        if (v[k] && pos) {
            v[k] = by_position(rc, v[k]);
        }
    }
    jx_rc_text(rc, v[0], &R->ind.target);
    jx_rc_text(rc, v[1], &R->ind.actual);
    jx_rc_num(rc, v[2], &R->ind.points);
    jx_rc_num(rc, v[3], &R->ind.score);
    R->ind.prov = jx_rc_cell_prov(rc, name);
    R->read = true;
}

/* Cut the stream's tokens into records: a record's tokens run to the
 * next "指标N:" token, and past the end of a line only while it has
 * fewer than four (its cells were cut onto the next line). */
static void stream_records(struct jx_rc *rc, struct stream_run *sr)
{
    for (size_t i = 0; i < sr->n && sr->nrec < MAX_SREC;) {
        size_t pre = ind_prefix(sr->tok[i].t);
        if (!pre || !sr->tok[i].t[pre]) {
            i++;
            continue;
        }
        sr->rec = jx_arena_grow(rc->arena, sr->rec, sr->nrec, &sr->caprec,
                                sizeof *sr->rec);
        struct srec *R = &sr->rec[sr->nrec++];
        memset(R, 0, sizeof *R);
        R->name = i;
        R->first = i + 1;
        R->num = rec_number(sr->tok[i].t);
        size_t j = i + 1;
        while (j < sr->n && !ind_prefix(sr->tok[j].t) &&
               (sr->tok[j].row == sr->tok[j - 1].row || j - R->first < 4)) {
            j++;
        }
        R->end = j;
        R->loose_after = j < sr->n && !ind_prefix(sr->tok[j].t);
        while (j < sr->n && !ind_prefix(sr->tok[j].t)) {
            j++;
        }
        i = j;
    }
}

/* A name wrapped onto the next line: records x..b-1 hold only the rest
 * of their names, numbered one after another, and record b holds as
 * many rows of four cells as there are records, in order.  True when
 * read so. */
static bool stream_wrapped(struct jx_rc *rc, const struct sheet_state *st,
                           struct stream_run *sr, size_t x)
{
    size_t b = x;
    for (;;) {
        const struct srec *R = &sr->rec[b];
        bool rest = true;
        for (size_t k = R->first; k < R->end && rest; k++) {
            rest = name_rest(rc, st, sr->tok[k].t);
        }
        if (!rest) {
            break;
        }
        if (R->loose_after || b + 1 >= sr->nrec ||
            sr->rec[b + 1].num != R->num + 1 || sr->rec[b + 1].read) {
            return false;
        }
        b++;
    }
    if (b == x) {
        return false;
    }
    const struct srec *L = &sr->rec[b];
    size_t rows = b - x + 1;
    if (L->end - L->first != 4 * rows) {
        return false;
    }
    for (size_t k = 0; k < rows; k++) {
        if (!tuple_ok(&sr->tok[L->first + 4 * k])) {
            return false;
        }
    }
    for (size_t k = 0; k < rows; k++) {
        const struct srec *R = &sr->rec[x + k];
        const struct stok *t = &sr->tok[L->first + 4 * k];
        rec_read(rc, sr, x + k, R->first, x + k == b ? R->first : R->end,
                 t[0].c, t[1].c, t[2].c, t[3].c, true);
    }
    return true;
}

/*
 * A column block cutting rows after their target: record x's tokens
 * are column words ("分值 得分") and then k ≥ 2 triples (actual, points,
 * score), and the next record, right after them, is numbered x's
 * number + 1.  The triples are then the rest of the rows numbered
 * N-k+1 .. N (N: x's number), in order; each earlier record of those
 * numbers whose only token is its target gets its triple.
 */
static void stream_deferred(struct jx_rc *rc, const struct sheet_state *st,
                            struct stream_run *sr, size_t x)
{
    const struct srec *R = &sr->rec[x];
    size_t a = R->first;
    while (a < R->end && stream_col(rc, st, sr->tok[a].t) >= 0) {
        a++;
    }
    size_t m = R->end - a;
    if (a == R->first || m < 6 || m % 3 != 0 || R->loose_after ||
        x + 1 >= sr->nrec || sr->rec[x + 1].num != R->num + 1) {
        return;
    }
    long k = (long)(m / 3), base = R->num - k + 1;
    if (base < 1) {
        return;
    }
    for (size_t i = a; i < R->end; i += 3) {
        struct jx_rat pv, sv;
        const char *v = sr->tok[i].t;
        if (!has_digit(v) || stream_col(rc, st, v) >= 0 ||
            !jx_rc_is_number(sr->tok[i + 1].t, &pv) ||
            !jx_rc_is_number(sr->tok[i + 2].t, &sv) ||
            jx_rat_cmp(pv, jx_rat_int(0)) <= 0 || jx_rat_cmp(sv, pv) > 0) {
            return;
        }
    }
    /* the records before x, numbered down from N-1 to base */
    long want = R->num - 1;
    for (size_t y = x; y-- > 0 && want >= base;) {
        const struct srec *P = &sr->rec[y];
        if (P->num > want || P->num < base) {
            return; /* out of order: another table's numbering */
        }
        want = P->num - 1;
        if (P->read || P->end - P->first != 1 ||
            stream_col(rc, st, sr->tok[P->first].t) >= 0) {
            continue;
        }
        const struct stok *t = &sr->tok[a + 3 * (size_t)(P->num - base)];
        rec_read(rc, sr, y, P->first, P->first, sr->tok[P->first].c,
                 t[0].c, t[1].c, t[2].c, true);
        /* the target stands right after the name: read as printed */
        sr->rec[y].ind.target.prov = jx_rc_cell_prov(rc, sr->tok[P->first].c);
    }
}

/* True when a token is a figure of a funds row: a number, a
 * percentage or a dash. */
static bool funds_figure(const char *t)
{
    return jx_rc_is_number(t, NULL) || is_percent(t) ||
           strcmp(t, "—") == 0 || strcmp(t, "——") == 0 ||
           strcmp(t, "-") == 0;
}

/* The amount of token t in unit u, quietly (a probe). */
static bool probe_money(struct jx_rc *rc, const struct jx_rc_cell *c,
                        enum jx_money_unit u, struct jx_money *out)
{
    struct jx_diags *keep = rc->diags;
    rc->diags = NULL;
    struct jx_amt a;
    int got = jx_rc_money(rc, c, u, &a);
    rc->diags = keep;
    *out = a.v;
    return got == 1;
}

/* True when executed / budget rounds to the printed rate p (its
 * decimals as printed: "100%" agrees with 99.5% to 100.5%). */
static bool rate_agrees(struct jx_money exec, struct jx_money budget,
                        const char *p)
{
    struct jx_rat printed, r, d;
    bool pct = false;
    if (budget.fen <= 0 ||
        jx_rat_parse(p, strlen(p), &printed, &pct, NULL) != JX_NUM_OK ||
        !pct || jx_rat_money_div(exec, budget, &r) != JX_NUM_OK ||
        jx_rat_sub(r, printed, &d) != JX_NUM_OK) {
        return false;
    }
    const char *dot = strchr(p, '.');
    int64_t den = 200; /* half a unit of the last printed digit */
    for (const char *q = dot ? dot + 1 : p + strlen(p); dot && *q != '%';
         q++) {
        den *= 10;
    }
    struct jx_rat tol;
    if (jx_rat_make(1, den, &tol) != JX_NUM_OK) {
        return false;
    }
    if (jx_rat_sign(d) < 0 && jx_rat_sub(jx_rat_int(0), d, &d) != JX_NUM_OK) {
        return false;
    }
    return jx_rat_cmp(d, tol) <= 0;
}

/*
 * The funds row of a sheet flattened to a stream: the funds header's
 * words in order (other words may stand between them, as interleaving
 * puts them), the total row's label among them, and right after the
 * last header word the total row's figures, read by kind: the one
 * percentage is the rate, the values before it fill the columns before
 * the rate, the values after it those after.  When the figures before
 * the rate are one amount short, the amount right after the row is the
 * missing one only if the arithmetic places it: every placement of it
 * whose executed / budget agrees with the printed rate must give the
 * same amounts.  Values read this way carry provenance `position`.
 */
static void stream_funds(struct jx_rc *rc, struct sheet_state *st,
                         const struct stream_run *sr, size_t end)
{
    struct jx_funds *f = &st->s->total;
    if (funds_any(f) || st->funds.end != 0) {
        return;
    }
    int cols[6], nc = 0;
    size_t last = SIZE_MAX;
    bool total = false;
    for (size_t i = 0; i < end; i++) {
        const char *t = sr->tok[i].t;
        int c = stream_col(rc, st, t);
        if (c >= JX_FC_BUDGET_INITIAL && c <= JX_FC_SCORE) {
            for (int k = 0; k < nc; k++) {
                if (cols[k] == c) {
                    return; /* a second header: not one row's */
                }
            }
            cols[nc++] = c;
            last = i;
        } else if (nc > 0 && row_is(rc, st->form, JX_FR_TOTAL,
                                    label_core(rc->arena, t))) {
            total = true;
        }
    }
    if (last == SIZE_MAX || !total) {
        return;
    }
    size_t a = last + 1, b = a;
    while (b < end && funds_figure(sr->tok[b].t)) {
        b++;
    }
    int rp = -1, namt = 0;
    for (int k = 0; k < nc; k++) {
        if (cols[k] == JX_FC_RATE) {
            rp = k;
        }
        namt += cols[k] <= JX_FC_EXECUTED;
    }
    if (rp < 0 || namt < 2) {
        return;
    }
    size_t r = a;
    while (r < b && !is_percent(sr->tok[r].t)) {
        r++;
    }
    size_t nafter = (size_t)(nc - rp - 1), nbefore = (size_t)rp;
    size_t got = r - a;
    if (r == b || r + 1 + nafter > b ||
        (got != nbefore && got + 1 != nbefore)) {
        return;
    }
    for (size_t i = r + 1; i < r + 1 + nafter; i++) {
        if (!jx_rc_is_number(sr->tok[i].t, NULL)) {
            return;
        }
    }
    /* the cells of the columns before the rate, one placement at a
     * time for a missing amount (-1: none missing) */
    const struct jx_rc_cell *use[6] = {NULL};
    const struct jx_rc_cell *borrow = NULL;
    if (got + 1 == nbefore) {
        if (r + 1 + nafter >= b ||
            !jx_rc_is_number(sr->tok[r + 1 + nafter].t, NULL)) {
            return;
        }
        borrow = sr->tok[r + 1 + nafter].c;
    }
    struct jx_money seen[3];
    bool have = false;
    for (int miss = borrow ? 0 : -1; miss < (borrow ? rp : 0); miss++) {
        if (miss >= 0 && cols[miss] > JX_FC_EXECUTED) {
            continue; /* only an amount can be the missing cell */
        }
        const struct jx_rc_cell *c[6] = {NULL};
        size_t ti = a;
        for (int k = 0; k < rp; k++) {
            c[k] = k == miss ? borrow : sr->tok[ti++].c;
        }
        struct jx_money m[3] = {{0}, {0}, {0}};
        bool ok = true, mset[3] = {false, false, false};
        for (int k = 0; k < rp && ok; k++) {
            if (cols[k] <= JX_FC_EXECUTED) {
                ok = probe_money(rc, c[k], st->s->unit, &m[cols[k]]);
                mset[cols[k]] = true;
            } else {
                ok = jx_rc_is_number(jx_rcc_key(c[k]), NULL);
            }
        }
        if (ok && miss >= 0) {
            ok = mset[JX_FC_BUDGET_FULL] && mset[JX_FC_EXECUTED] &&
                 rate_agrees(m[JX_FC_EXECUTED], m[JX_FC_BUDGET_FULL],
                             sr->tok[r].t);
        }
        if (!ok) {
            continue;
        }
        if (have && (jx_money_cmp(m[0], seen[0]) != 0 ||
                     jx_money_cmp(m[1], seen[1]) != 0 ||
                     jx_money_cmp(m[2], seen[2]) != 0)) {
            return; /* two readings: not certain */
        }
        if (!have) {
            memcpy(use, c, sizeof use);
            memcpy(seen, m, sizeof seen);
        }
        have = true;
    }
    if (!have) {
        return;
    }
    enum jx_money_unit u = st->s->unit;
    struct jx_amt *amt[3] = {&f->budget_initial, &f->budget_full,
                             &f->executed};
    for (int k = 0; k < rp; k++) {
        const struct jx_rc_cell *c = by_position(rc, use[k]);
        if (cols[k] <= JX_FC_EXECUTED) {
            jx_rc_money(rc, c, u, amt[cols[k]]);
        } else if (cols[k] == JX_FC_POINTS) {
            jx_rc_num(rc, c, &f->points);
        } else {
            jx_rc_num(rc, c, &f->score);
        }
    }
    jx_rc_rate(rc, by_position(rc, sr->tok[r].c), &f->rate);
    for (size_t i = 0; i < nafter; i++) {
        const struct jx_rc_cell *c = by_position(rc, sr->tok[r + 1 + i].c);
        int col = cols[rp + 1 + (int)i];
        jx_rc_num(rc, c, col == JX_FC_POINTS ? &f->points : &f->score);
    }
    if (funds_any(f)) {
        st->substantive = true;
    }
}

/* True when t is the whole of a word of anchor row w in a form of
 * st->form's kind. */
static bool row_whole(const struct jx_rc *rc, const struct sheet_state *st,
                      enum jx_form_row w, const char *t)
{
    if (jx_form_words_is(&st->form->row[w], t)) {
        return true;
    }
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *g = &rc->forms->f[i];
        if (g->kind == st->form->kind && jx_form_words_is(&g->row[w], t)) {
            return true;
        }
    }
    return false;
}

/* The labels of a project sheet's head in the stream before [0, end)
 * ("项目名称 国家基本公共卫生服务"): a token that is the whole label,
 * followed by one that is no label, column word, number or record. */
static void stream_labels(struct jx_rc *rc, struct sheet_state *st,
                          const struct stream_run *sr, size_t end)
{
    struct jx_sheet *s = st->s;
    const struct jx_form *f = st->form;
    static const enum jx_form_row rows[3] = {
        JX_FR_PROJECT_NAME, JX_FR_SUPERVISOR, JX_FR_IMPLEMENTER};
    struct jx_text *dst[3] = {&s->name, &s->supervisor, &s->implementer};
    for (size_t i = 0; i + 1 < end; i++) {
        const char *t = sr->tok[i].t, *v = sr->tok[i + 1].t;
        for (int k = 0; k < 3; k++) {
            if (dst[k]->s || !row_whole(rc, st, rows[k], t)) {
                continue;
            }
            bool label = false;
            for (int j = 0; j < 3; j++) {
                label = label || row_is(rc, f, rows[j], v);
            }
            if (label || stream_col(rc, st, v) >= 0 ||
                funds_figure(v) || ind_prefix(v)) {
                continue;
            }
            /* labels alone do not make a filled sheet: no
             * st->substantive */
            jx_rc_text(rc, sr->tok[i + 1].c, dst[k]);
        }
    }
}

/* Read the run of paragraph lines [first, last) of a project sheet as
 * one stream (see above) into sr: the funds row and the labels of the
 * head now, the records kept in sr->rec for the sheet loop to add when
 * it reaches the row of each name. */
static void stream_run(struct jx_rc *rc, struct sheet_state *st,
                       struct stream_run *sr, size_t first, size_t last)
{
    memset(sr, 0, sizeof *sr);
    sr->first = first;
    sr->last = last;
    for (size_t i = first; i < last; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (!r->n || !jx_rcc_text(&r->cells[0])) {
            continue;
        }
        /* the tokens as written (the cleaned text drops the spaces
         * between Chinese words) */
        size_t from = 0;
        const char *s = jx_rcr_raw(r) ? jx_rcr_raw(r) : jx_rcc_text(&r->cells[0]);
        const char *e = jx_rcr_raw(r) ? jx_rcr_raw(r) + jx_rcr_rawlen(r) : s + strlen(s);
        while (s < e) {
            while (s < e && (*s == ' ' || *s == '\t')) {
                s++;
            }
            const char *b = s;
            while (s < e && *s != ' ' && *s != '\t') {
                s++;
            }
            if (s == b) {
                continue;
            }
            if (sr->n == MAX_STOK) {
                sr->n = 0; /* longer than any flattened sheet: not read */
                return;
            }
            const char *t = jx_rc_clean(rc->arena, b, (size_t)(s - b));
            if (!*t) {
                continue;
            }
            sr->tok = jx_arena_grow(rc->arena, sr->tok, sr->n, &sr->captok,
                                    sizeof *sr->tok);
            sr->tok[sr->n].t = t;
            sr->tok[sr->n].row = i;
            sr->tok[sr->n].c = line_cell(rc, r, t, &from);
            sr->n++;
        }
    }
    stream_records(rc, sr);
    size_t head = sr->nrec ? sr->rec[0].name : sr->n;
    stream_labels(rc, st, sr, head);
    stream_funds(rc, st, sr, head);
    for (size_t x = 0; x < sr->nrec; x++) {
        struct srec *R = &sr->rec[x];
        if (R->read) {
            continue;
        }
        if (R->end - R->first == 4 && tuple_ok(&sr->tok[R->first])) {
            const struct stok *t = &sr->tok[R->first];
            rec_read(rc, sr, x, R->first, R->first, t[0].c, t[1].c, t[2].c,
                     t[3].c, false);
        } else if (!stream_wrapped(rc, st, sr, x)) {
            stream_deferred(rc, st, sr, x);
        }
    }
}

/* Add the indicators of the stream's records whose names are on row i
 * (level names as the sheet loop has them there); true when any. */
static bool stream_row(struct jx_rc *rc, struct sheet_state *st,
                       const struct stream_run *sr, size_t i)
{
    bool any = false;
    for (size_t x = 0; x < sr->nrec; x++) {
        const struct srec *R = &sr->rec[x];
        if (!R->read || sr->tok[R->name].row != i) {
            continue;
        }
        struct jx_sheet *sh = st->s;
        if (sh->nindicators >= MAX_INDICATORS) {
            return any;
        }
        struct jx_indicator ind = R->ind;
        ind.level1 = st->l1;
        ind.level2 = st->l2;
        sh->indicators = jx_arena_grow(rc->arena, sh->indicators,
                                       sh->nindicators, &st->capind,
                                       sizeof *sh->indicators);
        sh->indicators[sh->nindicators++] = ind;
        st->substantive = true;
        any = true;
    }
    return any;
}

/* Amounts beside fund labels in a row of the form's head, before its
 * funds header ("基本支出总额 | 864.2万 | 项目支出总额 | 0"): each label
 * that names a fund split (not the total) followed by a cell holding
 * only an amount is kept in st->head, to be read into the column the
 * sheet's form names for them (head_amounts) once the form is known. */
static void head_pairs(struct jx_rc *rc, const struct jx_rc_row *r,
                       struct sheet_state *st)
{
    for (size_t i = 0; i + 1 < r->n; i++) {
        const struct jx_rc_cell *c = &r->cells[i];
        if (jx_rc_blank(jx_rcc_text(c)) ||
            jx_rc_is_number(jx_rcc_key(c), NULL)) {
            continue;
        }
        const char *core = label_core(rc->arena, jx_rcc_key(c));
        if (row_is(rc, st->form, JX_FR_TOTAL, core)) {
            continue;
        }
        int f = fund_of(rc, st->form, core);
        const struct jx_rc_cell *v = jx_rc_next_filled(r, i);
        struct jx_amt probe;
        if (f < 0 || !v || v != &r->cells[i + 1] || st->head[f]) {
            continue;
        }
        struct jx_diags *keep = rc->diags;
        rc->diags = NULL; /* a probe: findings come when it is read */
        int got = jx_rc_money(rc, v, st->s->unit, &probe);
        rc->diags = keep;
        if (got == 1) {
            st->head[f] = v;
            i++;
        }
    }
}

/* What the sheet's form says once its rows are read: the head's fund
 * amounts (into the form's head_amounts column), the execution row's
 * weight when the sheet prints that same weight (a header's words
 * alone do not tell a Hubei form from another region's with the same
 * words), and whether the indicator table has a 分值 column. */
static void form_facts(struct jx_rc *rc, struct sheet_state *st)
{
    struct jx_sheet *s = st->s;
    const struct jx_form *f = st->form;
    for (int k = 0; k < JX_FUND_COUNT && f->head_amounts > 0; k++) {
        struct jx_funds *d = &s->funds[k];
        struct jx_amt *to = f->head_amounts - 1 == JX_FC_BUDGET_INITIAL
                                ? &d->budget_initial
                            : f->head_amounts - 1 == JX_FC_BUDGET_FULL
                                ? &d->budget_full
                                : &d->executed;
        if (st->head[k] && !to->present) {
            jx_rc_money(rc, st->head[k], s->unit, to);
            st->substantive = st->substantive || to->present;
        }
    }
    if (f->exec_points > 0 && f->exec_points != 10 &&
        s->total.points.present &&
        jx_rat_cmp(s->total.points.v, jx_rat_int(f->exec_points)) == 0) {
        s->exec_points = f->exec_points;
    }
    /* the indicator columns the table as read has not: its header
     * names none (a form without 分值, 偏差原因 …), or its rows came as
     * "指标N:名称 目标 实际 分值 得分" records, which hold no 偏差原因;
     * a cell there is unknown, not left empty */
    bool any[5] = {false};
    for (size_t i = 0; i < s->nindicators; i++) {
        const struct jx_indicator *d = &s->indicators[i];
        any[0] = any[0] || d->points.present;
        any[1] = any[1] || d->target.s;
        any[2] = any[2] || d->actual.s;
        any[3] = any[3] || d->score.present;
        any[4] = any[4] || d->deviation.s;
    }
    if (st->ind.col[I_NAME] >= 0 && s->nindicators) {
        s->cols_absent.points = st->ind.col[I_POINTS] < 0 && !any[0];
        s->cols_absent.target = st->ind.col[I_TARGET] < 0 && !any[1];
        s->cols_absent.actual = st->ind.col[I_ACTUAL] < 0 && !any[2];
        s->cols_absent.score = st->ind.col[I_SCORE] < 0 && !any[3];
        s->cols_absent.deviation = st->ind.col[I_DEV] < 0 && !any[4];
    } else if (st->records && !any[4]) {
        s->cols_absent.deviation = true;
    }
}

/* Add a goal to the sheet (when it holds a text). */
static void add_goal(struct jx_rc *rc, struct sheet_state *st,
                     const struct jx_goal *g)
{
    if ((g->expected.s || g->actual.s) && st->s->ngoals < MAX_GOALS) {
        st->s->goals = jx_arena_grow(rc->arena, st->s->goals, st->s->ngoals,
                                     &st->capgoals, sizeof *st->s->goals);
        st->s->goals[st->s->ngoals++] = *g;
        st->substantive = true;
    }
}

/* Which goal column a line's key names, alone or before a colon
 * ("预期目标", "实际完成情况：完成……"): G_EXPECTED or G_ACTUAL, with
 * the byte offset of the text after the colon in *rest (0: none), or
 * -1.  The words are column c's of the form or of another form of its
 * kind. */
static int goal_word(const struct jx_rc *rc, const struct jx_form *f,
                     const char *key, size_t *rest)
{
    static const int cols[2] = {JX_FC_GOAL_EXPECTED, JX_FC_GOAL_ACTUAL};
    static const int which[2] = {G_EXPECTED, G_ACTUAL};
    *rest = 0;
    for (int c = 0; c < 2; c++) {
        for (size_t i = 0; i <= rc->forms->n; i++) {
            const struct jx_form *g = i == 0 ? f : &rc->forms->f[i - 1];
            if (i > 0 && (g == f || g->kind != f->kind)) {
                continue;
            }
            const struct jx_form_words *w = &g->col[cols[c]];
            for (size_t k = 0; k < w->n; k++) {
                size_t m = strlen(w->w[k]);
                if (strncmp(key, w->w[k], m) != 0) {
                    continue;
                }
                if (key[m] == '\0') {
                    return which[c];
                }
                size_t cl = key[m] == ':' ? 1
                            : strncmp(key + m, "：", strlen("：")) == 0
                                ? strlen("：")
                                : 0;
                if (cl && key[m + cl]) {
                    *rest = m + cl;
                    return which[c];
                }
            }
        }
    }
    return -1;
}

/* Put a goal text into the goal being read at column w (G_EXPECTED or
 * G_ACTUAL); a column already filled starts the next goal, both filled
 * ends it. */
static void goal_put(struct jx_rc *rc, struct sheet_state *st, int w,
                     const char *text, const struct jx_prov *prov)
{
    struct jx_text *t = w == G_EXPECTED ? &st->gl.expected : &st->gl.actual;
    if (t->s) {
        add_goal(rc, st, &st->gl);
        memset(&st->gl, 0, sizeof st->gl);
    }
    t->s = text;
    t->prov = prov;
    rc->found = true;
    if (st->gl.expected.s && st->gl.actual.s) {
        add_goal(rc, st, &st->gl);
        memset(&st->gl, 0, sizeof st->gl);
    }
}

/* Give the text lines gathered to the header lines before them, in
 * order, when there are exactly as many (a text over several lines is
 * not told from several texts: none is read then). */
static void goal_settle(struct jx_rc *rc, struct sheet_state *st)
{
    if (st->ngtext && st->ngtext == st->ngpend) {
        for (size_t k = 0; k < st->ngtext; k++) {
            goal_put(rc, st, st->gpend[k], st->gtext[k], st->gprov[k]);
        }
    }
    st->ngtext = 0;
    st->ngpend = 0;
}

/* End the goals read from lines: a goal with one text is kept. */
static void goal_lines_end(struct jx_rc *rc, struct sheet_state *st)
{
    if (st->mode == M_GOAL_LINES) {
        goal_settle(rc, st);
        add_goal(rc, st, &st->gl);
        memset(&st->gl, 0, sizeof st->gl);
        st->mode = M_NONE;
    }
}

/*
 * The goals of a sheet printed as lines (a table flattened to one cell
 * per line): the header lines "预期目标" and "实际完成情况" (one after
 * the other, or each before its text), then the texts in the same
 * order, one line each; or "预期目标：TEXT" on one line.  True when
 * line r was read as part of them.  A line that starts the indicators
 * (绩效指标, 一级指标 …), a table row or the sheet's end ends them; the
 * text lines are given to the headers only when there are as many.
 */
static bool goal_line(struct jx_rc *rc, const struct jx_rc_row *r,
                      struct sheet_state *st)
{
    if (!r->n || !jx_rcr_raw(r)) {
        return false;
    }
    const char *key = jx_text_compact(
        rc->arena, jx_strndup(rc->arena, jx_rcr_raw(r), jx_rcr_rawlen(r)));
    size_t rest;
    int w = goal_word(rc, st->form, key, &rest);
    if (w >= 0) {
        if (st->mode != M_GOAL_LINES) {
            memset(&st->gl, 0, sizeof st->gl);
            st->ngpend = 0;
            st->ngtext = 0;
            st->mode = M_GOAL_LINES;
        }
        if (rest) {
            /* the text after the colon, as written */
            const char *t = jx_rcr_raw(r);
            const char *c1 = strstr(t, "：");
            const char *c2 = strchr(t, ':');
            const char *c = c1 && (!c2 || c1 < c2) ? c1 + strlen("：")
                                                   : c2 + 1;
            while (*c == ' ') {
                c++;
            }
            goal_put(rc, st, w,
                     jx_strndup(rc->arena, c, jx_rcr_rawlen(r) - (size_t)(c - t)),
                     jx_rc_cell_prov(rc, &r->cells[0]));
        } else {
            if (st->ngtext) {
                goal_settle(rc, st); /* "预期目标 / TEXT / 实际完成情况" */
            }
            if (st->ngpend < sizeof st->gpend / sizeof st->gpend[0]) {
                st->gpend[st->ngpend++] = w;
            }
        }
        return true;
    }
    if (st->mode != M_GOAL_LINES) {
        return false;
    }
    if (!st->ngpend || jx_rc_starts(key, "绩效指标") ||
        find_words(r, &st->form->col[JX_FC_LEVEL3]) >= 0 ||
        find_words(r, &st->form->col[JX_FC_LEVEL1]) >= 0 ||
        level1_label(rc, st->form, key)) {
        goal_lines_end(rc, st);
        return false;
    }
    if (st->ngtext == sizeof st->gtext / sizeof st->gtext[0]) {
        /* more lines than any goal row has cells: not read */
        st->ngtext = 0;
        st->ngpend = 0;
        goal_lines_end(rc, st);
        return false;
    }
    st->gtext[st->ngtext] = jx_strndup(rc->arena, jx_rcr_raw(r),
                                       jx_rcr_rawlen(r));
    st->gprov[st->ngtext++] = jx_rc_cell_prov(rc, &r->cells[0]);
    return true;
}

/* The 整体 / 项目支出绩效自评表 (see recog.h). */
void jx_rc_sheet(struct jx_rc *rc, const struct jx_rc_seg *seg)
{
    struct jx_package *p = rc->pkg;
    struct sheet_state st;
    memset(&st, 0, sizeof st);
    st.s = jx_alloc(rc->arena, sizeof *st.s);
    st.s->kind = seg->kind == JX_RC_PROJECT ? JX_SHEET_PROJECT
                                            : JX_SHEET_UNIT;
    st.s->unit = JX_WANYUAN;
    enum jx_form_kind fk = form_kind(seg->kind);
    st.form = first_form(rc, fk);
    cols_init(&st.funds);
    cols_init(&st.goals);
    cols_init(&st.ind);
    const struct jx_prov *where = NULL;
    struct stream_run sr; /* the last run of lines read as a stream */
    memset(&sr, 0, sizeof sr);
    int line_unit = -1; /* the unit a line above the form names */
    bool line_l2 = false; /* the last indicator row came from a line */
    const char *pend[MAX_PEND]; /* one-part lines that may start a row */
    const struct jx_prov *pend_prov[MAX_PEND];
    size_t npend = 0;
    for (size_t i = seg->first; i < seg->last; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (!where) {
            where = jx_rc_cell_prov(rc, &r->cells[0]);
        }
        if (!r->table) {
            if (goal_line(rc, r, &st)) {
                npend = 0;
                continue;
            }
            if (st.s->kind == JX_SHEET_PROJECT) {
                /* a sheet flattened to running text: the run of lines
                 * read as one stream when its first line is reached;
                 * a line records were read from is not read again */
                if (i >= sr.last) {
                    size_t j = i;
                    while (j < seg->last && !rc->rows[j].table) {
                        j++;
                    }
                    stream_run(rc, &st, &sr, i, j);
                }
                if (stream_row(rc, &st, &sr, i)) {
                    st.records = true;
                    continue;
                }
            }
            /* a form row printed as a line: the same row readers */
            const struct jx_rc_row *lr =
                st.mode == M_FUNDS ? funds_line(rc, r, &st)
                : st.mode == M_IND ? ind_line(rc, r, &st, NULL, 0)
                                   : NULL;
            if (!lr && st.mode == M_IND && npend) {
                lr = ind_line(rc, r, &st, pend, npend);
                if (lr) {
                    /* the row starts on the first of the lines */
                    for (size_t k = 0; k < lr->n && k < npend; k++) {
                        jx_rc_cell_set_prov(rc, &lr->cells[k], pend_prov[k]);
                    }
                }
            }
            if (lr || st.mode != M_IND) {
                npend = 0;
            }
            if (lr && st.mode == M_FUNDS) {
                funds_block_row(rc, lr, &st);
                continue;
            }
            if (st.mode == M_FUNDS && inline_row(rc, r, &st)) {
                continue; /* "其中：一般公共预算：12.5" as a line */
            }
            const struct jx_rc_row *tl =
                st.mode == M_IND && !lr ? total_line(rc, r, &st) : NULL;
            if (tl && total_row(rc, tl, &st)) {
                st.mode = M_NONE;
                continue;
            }
            if (lr) {
                if (!line_l2 && !jx_rc_under(lr, st.ind.col[I_L2],
                                             st.ind.end)) {
                    /* the first line after the table: the level-two
                     * name above it is not known to cover it */
                    st.l2.s = NULL;
                    st.l2.prov = NULL;
                }
                line_l2 = true;
                ind_row(rc, lr, &st);
                continue;
            }
            if (st.mode == M_IND &&
                level1_label(rc, st.form, jx_rcc_key(&r->cells[0]))) {
                st.l1.s = strip_points(rc->arena, jx_rcc_key(&r->cells[0]));
                st.l1.prov = jx_rc_cell_prov(rc, &r->cells[0]);
                st.l2.s = NULL;
                npend = 0;
            } else if (st.mode == M_IND && pend_part(rc, r)) {
                if (row_is(rc, st.form, JX_FR_LEVEL2,
                           jx_rcc_key(&r->cells[0]))) {
                    /* a level-two name alone on its line */
                    st.l2.s = jx_rcc_key(&r->cells[0]);
                    st.l2.prov = jx_rc_cell_prov(rc, &r->cells[0]);
                    line_l2 = true;
                    npend = 0;
                } else {
                    if (npend == MAX_PEND) {
                        npend = 0; /* a run of lines is no row's start */
                    }
                    pend[npend] = jx_rcc_text(&r->cells[0]);
                    pend_prov[npend++] = jx_rc_cell_prov(rc, &r->cells[0]);
                }
            } else {
                npend = 0;
            }
            continue;
        }
        npend = 0;
        goal_lines_end(rc, &st);
        if (r->title || footer_row(r)) {
            continue;
        }
        size_t li = 0;
        const struct jx_rc_cell *label = row_label(r, &li);
        int lu = label ? unit_line(jx_rcc_key(label)) : -1;
        if (lu >= 0) {
            line_unit = lu;
            continue;
        }
        if (st.s->kind == JX_SHEET_PROJECT) {
            project_labels(rc, r, &st);
        }
        if (label && st.s->kind == JX_SHEET_UNIT &&
            row_is(rc, st.form, JX_FR_UNIT_NAME, jx_rcc_key(label))) {
            const struct jx_rc_cell *v = jx_rc_next_filled(r, li);
            if (v) {
                jx_rc_add_name(rc, jx_rcc_text(v), jx_rc_cell_prov(rc, v),
                               JX_RC_FROM_FORM, false);
            }
            continue;
        }
        int money = 0, named = 0;
        const struct jx_form *hf = best_form(rc, fk, r, st.form, &money,
                                             &named);
        if (find_words(r, &hf->col[JX_FC_LEVEL3]) >= 0) {
            st.form = hf;
            ind_header(rc, r, hf, &st.ind);
            st.mode = M_IND;
            for (size_t k = 0; k < r->n; k++) {
                if (level1_label(rc, hf, jx_rcc_key(&r->cells[k]))) {
                    st.l1.s = strip_points(rc->arena, jx_rcc_key(&r->cells[k]));
                    st.l1.prov = jx_rc_cell_prov(rc, &r->cells[k]);
                }
            }
            continue;
        }
        if (money >= 1 && named >= 2) {
            st.form = hf;
            funds_header(r, hf, &st.funds);
            st.exec_pts = st.funds.col[F_POINTS] < 0 && st.funds.label >= 0
                              ? label_points(rc, jx_rc_under(r, st.funds.label,
                                                             r->end))
                              : NULL;
            bool f = false;
            st.s->unit = row_unit(r, st.s->unit, &f);
            if (!f && i > seg->first) {
                st.s->unit = row_unit(&rc->rows[i - 1], st.s->unit, &f);
            }
            if (!f && line_unit >= 0) {
                st.s->unit = (enum jx_money_unit)line_unit;
            }
            st.mode = M_FUNDS;
            continue;
        }
        if (col_find(rc, st.form, JX_FC_GOAL_EXPECTED, r) >= 0) {
            cols_init(&st.goals);
            st.goals.end = r->end;
            int k = col_find(rc, st.form, JX_FC_GOAL_EXPECTED, r);
            st.goals.col[G_EXPECTED] = jx_rcc_col(&r->cells[k]);
            k = col_find(rc, st.form, JX_FC_GOAL_ACTUAL, r);
            st.goals.col[G_ACTUAL] = k >= 0 ? jx_rcc_col(&r->cells[k]) : -1;
            st.mode = M_GOALS;
            continue;
        }
        if (st.mode == M_IND || st.mode == M_NONE) {
            if (total_row(rc, r, &st)) {
                st.mode = M_NONE;
                continue;
            }
        }
        switch (st.mode) {
        case M_FUNDS:
            funds_block_row(rc, r, &st);
            break;
        case M_GOALS: {
            struct jx_goal g;
            memset(&g, 0, sizeof g);
            jx_rc_text(rc, jx_rc_under(r, st.goals.col[G_EXPECTED],
                                       st.goals.end), &g.expected);
            jx_rc_text(rc, jx_rc_under(r, st.goals.col[G_ACTUAL],
                                       st.goals.end), &g.actual);
            if ((g.expected.s || g.actual.s) && st.s->ngoals < MAX_GOALS) {
                st.s->goals = jx_arena_grow(rc->arena, st.s->goals, st.s->ngoals,
                                   &st.capgoals, sizeof *st.s->goals);
                st.s->goals[st.s->ngoals++] = g;
                st.substantive = true;
            }
            break;
        }
        case M_IND:
            line_l2 = false;
            ind_row(rc, r, &st);
            break;
        case M_NONE:
            if (st.funds.end == 0 && st.ind.col[I_NAME] < 0) {
                head_pairs(rc, r, &st); /* the form's head */
            }
            break;
        case M_GOAL_LINES:
            break;
        }
    }
    goal_lines_end(rc, &st);
    if (!where) {
        return;
    }
    inline_columns(rc, &st);
    rc->found = true;
    form_facts(rc, &st);
    if (!st.substantive && seg_figures(rc, seg) >= 3) {
        /* filled in, but no row could be read: say so, never "blank" */
        struct jx_loc l = jx_prov_loc(where, NULL, NULL);
        if (rc->diags) {
            jx_diag_add(rc->diags, "I413", JX_SEV_WARNING, &l,
                        "%s中有数字，但没有一行能按表头读出，未生成该表；"
                        "请核对原表",
                        st.s->kind == JX_SHEET_PROJECT ? "项目支出绩效自评表"
                                                        : "整体支出绩效自评表");
        }
        return;
    }
    if (!st.substantive && seg->last - seg->first <= 1) {
        return; /* a title and nothing under it: no form was seen */
    }
    if (!st.substantive) {
        struct jx_loc l = jx_prov_loc(where, NULL, NULL);
        if (rc->diags) {
            jx_diag_add(rc->diags, "I405", JX_SEV_NOTE, &l,
                        "%s是未填写的空白模板，记为已报送但内容为空，未生成该表",
                        st.s->kind == JX_SHEET_PROJECT ? "项目支出绩效自评表"
                                                        : "整体支出绩效自评表");
        }
        if (st.s->kind == JX_SHEET_PROJECT) {
            rc->project_template = true;
        } else {
            rc->unit_template = true;
        }
        return;
    }
    if (st.s->kind == JX_SHEET_UNIT) {
        if (p->has_unit_sheet) {
            struct jx_loc l = jx_prov_loc(where, NULL, NULL);
            if (rc->diags) {
                jx_diag_add(rc->diags, "I406", JX_SEV_WARNING, &l,
                            "文件中有第二张整体支出绩效自评表，只读取第一张");
            }
            return;
        }
        p->has_unit_sheet = true;
        p->unit_sheet = *st.s;
        return;
    }
    if (p->nproject_sheets >= MAX_PROJECTS) {
        return;
    }
    p->project_sheets = jx_arena_grow(rc->arena, p->project_sheets, p->nproject_sheets,
                             &rc->capprojects, sizeof *p->project_sheets);
    p->project_sheets[p->nproject_sheets++] = *st.s;
}
