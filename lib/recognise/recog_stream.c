/*
 * recog_stream.c - project forms whose table reached us as one run of
 * words: a PDF printed to text with its columns interleaved (a
 * description column's wrapped lines spliced between the values), or a
 * fragment of an indicator table with no header.  Only what the order
 * of the words makes certain is read (docs/forms.md, "Tables as a run
 * of words"):
 *
 * - a form with a scoring part (catalogue rows `block` and
 *   `criterion`: 项目决策 / 项目管理, 决策依据 / 财务制度 …): its 自评总分,
 *   项目名称 / 实施单位 / 主管单位, the funds (合计 and 执行数 found among
 *   the bare amounts by the arithmetic of the printed 执行率), and each
 *   criterion row: its label, then the first two bare numbers (分值,
 *   自评分) before the next label; words between belong to the
 *   description column.  The rows' 分值 must fill the blocks' printed
 *   weights in order; the indicator rows after it are not read.
 * - a fragment of indicator rows ("产出指标数量指标足额保障率=100% 22.5
 *   … 合计100"): read when every word before 合计 pairs a label with
 *   one number, level names of the catalogue start enough of them, and
 *   the numbers sum to 合计 (or to 合计 less the execution row's weight,
 *   the row being absent): then they are the 分值.
 *
 * Values placed by their order carry provenance `position`; the sheet
 * is marked rows_unread (rows were seen that were not read).  Paragraph
 * lines of no other segment are looked at, nothing else.
 *
 * Ownership: everything lives in the arena of the struct jx_rc.
 */
#include "recognise/recog.h"

#include <string.h>

/* Most words of a line looked at, and most amounts of a funds block. */
enum { MAX_WORDS = 4096, MAX_AMOUNTS = 8, MAX_ROWS = 64 };

/* One blank-separated word of a paragraph line as written. */
struct word {
    const char *t; /* its text (arena copy) */
    size_t off;    /* byte offset in the line */
};

/* Split paragraph line r as written into words (at most MAX_WORDS);
 * returns their count, 0 when there are more. */
static size_t words_of(struct jx_rc *rc, const struct jx_rc_row *r,
                       struct word *w)
{
    size_t n = 0, i = 0;
    const char *raw = jx_rcr_raw(r);
    size_t rawlen = jx_rcr_rawlen(r);
    while (i < rawlen) {
        while (i < rawlen && (raw[i] == ' ' || raw[i] == '\t')) {
            i++;
        }
        size_t b = i;
        while (i < rawlen && raw[i] != ' ' && raw[i] != '\t') {
            i++;
        }
        if (i > b) {
            if (n == MAX_WORDS) {
                return 0;
            }
            w[n].t = jx_strndup(rc->arena, raw + b, i - b);
            w[n].off = b;
            n++;
        }
    }
    return n;
}

/* A cell of the arena holding text t at byte off of line r; how and the
 * raw text mark a value placed by its position. */
static struct jx_rc_cell *cell_at(struct jx_rc *rc, const struct jx_rc_row *r,
                                  const char *t, size_t off, enum jx_how how)
{
    struct jx_rc_cell *c = jx_alloc(rc->arena, sizeof *c);
    struct jx_prov *q = jx_alloc(rc->arena, sizeof *q);
    *q = *jx_rc_cell_prov(rc, &r->cells[0]);
    q->col += (int)jx_utf8_count(jx_rcr_raw(r), off);
    q->how = how;
    q->raw = how == JX_HOW_READ ? NULL : t;
    jx_rc_cell_new(rc, c, t, t, q, 0, 1, false);
    return c;
}

/* True when word t is a plain number (no unit, no "%"). */
static bool plain(const char *t, struct jx_rat *v)
{
    return t && *t && jx_rc_is_number(t, v);
}

/* True when the word after a plain number makes it part of a text: a
 * unit of points ("2 分", the description's "0.5 分,"), a percent sign
 * or a list mark. */
static bool tied(const char *next)
{
    return next && (jx_rc_starts(next, "分") || jx_rc_starts(next, "%") ||
                    jx_rc_starts(next, "％") || jx_rc_starts(next, "、"));
}

/* The bare number at word i (a plain number the next word does not tie
 * to a text), into *v. */
static bool bare(const struct word *w, size_t n, size_t i, struct jx_rat *v)
{
    return plain(w[i].t, v) && !(i + 1 < n && tied(w[i + 1].t));
}

/* The note said once for a sheet read from a run of words. */
static void note(struct jx_rc *rc, const struct jx_prov *at, const char *code,
                 const char *msg)
{
    if (!rc->diags) {
        return;
    }
    struct jx_loc l = jx_prov_loc(at, NULL, NULL);
    jx_diag_add(rc->diags, code, JX_SEV_NOTE, &l, "%s", msg);
}

/* Add sheet s as a project sheet of the package. */
static void add_sheet(struct jx_rc *rc, const struct jx_sheet *s)
{
    struct jx_package *p = rc->pkg;
    if (!p || p->nproject_sheets >= 1000) {
        return;
    }
    p->project_sheets = jx_arena_grow(rc->arena, p->project_sheets,
                                      p->nproject_sheets, &rc->capprojects,
                                      sizeof *p->project_sheets);
    p->project_sheets[p->nproject_sheets++] = *s;
    rc->found = true;
}

/* ---- a form with a scoring part -------------------------------------- */

/* True when t is a label word of form f's header (项目名称, 主管单位,
 * 实施单位, 自评总分) or the start of one cut by a line break. */
static bool header_word(const struct jx_form *f, const char *t)
{
    static const enum jx_form_row rows[] = {
        JX_FR_PROJECT_NAME, JX_FR_SUPERVISOR, JX_FR_IMPLEMENTER, JX_FR_SUM};
    for (size_t k = 0; k < sizeof rows / sizeof rows[0]; k++) {
        const struct jx_form_words *w = &f->row[rows[k]];
        for (size_t i = 0; i < w->n; i++) {
            if (jx_rc_starts(w->w[i], t) || jx_rc_starts(t, w->w[i])) {
                return true;
            }
        }
    }
    return false;
}

/* The header labels of the form: the one word after each label, when
 * it is no label itself, no number and not a label cut in two. */
static void stream_labels(struct jx_rc *rc, const struct jx_rc_row *r,
                          const struct jx_form *f, const struct word *w,
                          size_t n, struct jx_sheet *s)
{
    for (size_t i = 0; i + 1 < n; i++) {
        struct jx_text *dst = NULL;
        if (jx_form_words_is(&f->row[JX_FR_PROJECT_NAME], w[i].t)) {
            dst = &s->name;
        } else if (jx_form_words_is(&f->row[JX_FR_SUPERVISOR], w[i].t)) {
            dst = &s->supervisor;
        } else if (jx_form_words_is(&f->row[JX_FR_IMPLEMENTER], w[i].t)) {
            dst = &s->implementer;
        }
        const char *v = w[i + 1].t;
        if (!dst || dst->s || header_word(f, v) || plain(v, NULL) ||
            jx_utf8_count(v, strlen(v)) < 2) {
            continue;
        }
        jx_rc_text(rc, cell_at(rc, r, v, w[i + 1].off, JX_HOW_READ), dst);
    }
}

/* The stated total: a `sum` word (a colon after it allowed) and the
 * number in the next word. */
static void stream_total(struct jx_rc *rc, const struct jx_rc_row *r,
                         const struct jx_form *f, const struct word *w,
                         size_t n, struct jx_sheet *s)
{
    for (size_t i = 0; i + 1 < n && !s->stated_total.present; i++) {
        const char *t = w[i].t;
        size_t len = strlen(t);
        if (len > 1 && t[len - 1] == ':') {
            len--;
        } else if (len > strlen("：") &&
                   jx_rc_ends(t, "：")) {
            len -= strlen("：");
        }
        const char *k = jx_strndup(rc->arena, t, len);
        struct jx_rat v;
        if (jx_form_words_is(&f->row[JX_FR_SUM], k) && plain(w[i + 1].t, &v) &&
            jx_rat_sign(v) >= 0 && jx_rat_cmp(v, jx_rat_int(100)) <= 0) {
            jx_rc_num(rc, cell_at(rc, r, w[i + 1].t, w[i + 1].off,
                                  JX_HOW_READ), &s->stated_total);
        }
    }
}

/* True when a / b, rounded to the decimals the rate was printed with,
 * is the rate (rate_txt: "100%", "99.5%"). */
static bool rate_fits(struct jx_rat a, struct jx_rat b, struct jx_rat rate,
                      const char *rate_txt)
{
    struct jx_rat q, x;
    if (jx_rat_sign(b) <= 0 || jx_rat_div(a, b, &q) != JX_NUM_OK) {
        return false;
    }
    const char *dot = strchr(rate_txt, '.');
    int dec = 0;
    for (const char *p = dot ? dot + 1 : ""; *p >= '0' && *p <= '9'; p++) {
        dec++;
    }
    if (jx_rat_round(q, dec + 2, JX_ROUND_HALF_UP, &x) != JX_NUM_OK) {
        return false;
    }
    return jx_rat_cmp(x, rate) == 0;
}

/*
 * The funds block between the first amount column's word (合计, 执行数)
 * and the scoring part [from, to): its bare amounts are the sources, the
 * 合计 and the 执行数, in an order the PDF lost.  With exactly one rate
 * among them (a percentage), the 合计 t and 执行数 e are the only pair of
 * values for which the other amounts sum to t and e / t is the printed
 * rate; read only when that pair of values is unique.
 */
static bool stream_funds(struct jx_rc *rc, const struct jx_rc_row *r,
                         const struct jx_form *f, const struct word *w,
                         size_t from, size_t to, struct jx_sheet *s)
{
    size_t start = to;
    for (size_t i = from; i < to && start == to; i++) {
        if (jx_form_words_is(&f->col[JX_FC_BUDGET_FULL], w[i].t) ||
            jx_form_words_is(&f->col[JX_FC_EXECUTED], w[i].t)) {
            start = i;
        }
    }
    size_t amt[MAX_AMOUNTS], na = 0, rate_at = SIZE_MAX, nrates = 0;
    struct jx_rat v[MAX_AMOUNTS], rate = {0, 1};
    const char *rate_txt = NULL;
    bool labelled = false;
    for (size_t i = start; i < to; i++) {
        struct jx_rat x;
        bool pct = false;
        const char *t = w[i].t;
        if (plain(t, &x) && i + 1 < to &&
            (strcmp(w[i + 1].t, "%") == 0 || strcmp(w[i + 1].t, "％") == 0)) {
            t = jx_sprintf(rc->arena, "%s%%", t); /* "100 %" */
            pct = true;
        } else if (jx_rc_ends(t, "%") || jx_rc_ends(t, "％")) {
            size_t e = strlen(t) - (jx_rc_ends(t, "%") ? 1 : strlen("％"));
            pct = plain(jx_strndup(rc->arena, t, e), NULL);
        }
        if (pct) {
            nrates++;
            rate_at = i;
            rate_txt = t;
            bool p;
            jx_rat_parse(t, strlen(t), &rate, &p, NULL);
            labelled = i > 0 && jx_form_words_is(&f->col[JX_FC_RATE],
                                                 w[i - 1].t);
            continue;
        }
        if (bare(w, to, i, &x) && jx_rat_sign(x) > 0) {
            if (na == MAX_AMOUNTS) {
                return false;
            }
            amt[na] = i;
            v[na++] = x;
        }
    }
    if (nrates != 1 || na < 2) {
        return false;
    }
    size_t ti = 0, ei = 0, nsol = 0; /* indices into amt[] and v[] */
    for (size_t a = 0; a < na; a++) {
        for (size_t b = 0; b < na; b++) {
            if (a == b) {
                continue;
            }
            struct jx_rat rest = jx_rat_int(0);
            bool ok = true;
            for (size_t k = 0; k < na && ok; k++) {
                if (k != a && k != b) {
                    ok = jx_rat_add(rest, v[k], &rest) == JX_NUM_OK;
                }
            }
            if (!ok || (na > 2 && jx_rat_cmp(rest, v[a]) != 0) ||
                !rate_fits(v[b], v[a], rate, rate_txt)) {
                continue;
            }
            if (nsol && jx_rat_cmp(v[a], v[ti]) == 0 &&
                jx_rat_cmp(v[b], v[ei]) == 0) {
                continue; /* the same values from other places */
            }
            nsol++;
            ti = a;
            ei = b;
        }
    }
    if (nsol != 1) {
        if (labelled) {
            jx_rc_rate(rc, cell_at(rc, r, rate_txt, w[rate_at].off,
                                   JX_HOW_READ), &s->total.rate);
        }
        return s->total.rate.present;
    }
    jx_rc_money(rc, cell_at(rc, r, w[amt[ti]].t, w[amt[ti]].off,
                            JX_HOW_POSITION), s->unit, &s->total.budget_full);
    jx_rc_money(rc, cell_at(rc, r, w[amt[ei]].t, w[amt[ei]].off,
                            JX_HOW_POSITION), s->unit, &s->total.executed);
    jx_rc_rate(rc, cell_at(rc, r, rate_txt, w[rate_at].off,
                           labelled ? JX_HOW_READ : JX_HOW_POSITION),
               &s->total.rate);
    return true;
}

/* A criterion row read from the words. */
struct crit {
    size_t at;             /* its label's word */
    size_t p, sc;          /* the words of 分值 and 自评分 */
    struct jx_rat pv;      /* 分值 */
    const char *block;     /* its block, once placed */
    const struct word *bw; /* that block's word */
};

/*
 * The criterion rows of the scoring part [from, to): each label, then
 * the first two bare numbers before the next label (a third may be the
 * 复核分 or a page number; more leave the row unread).  The rows' 分值
 * must fill the weights of the blocks printed there ("项目决策 2 分"), in
 * order; when they do not, no row is read.  Returns the rows read.
 */
static size_t stream_rows(struct jx_rc *rc, const struct jx_rc_row *r,
                          const struct jx_form *f, const struct word *w,
                          size_t from, size_t to, struct jx_sheet *s,
                          size_t *unread, size_t *capind)
{
    struct crit c[MAX_ROWS];
    size_t nc = 0;
    size_t blk[MAX_ROWS], nb = 0;
    struct jx_rat bw[MAX_ROWS];
    for (size_t i = from; i < to; i++) {
        struct jx_rat x;
        if (jx_form_words_is(&f->row[JX_FR_BLOCK], w[i].t) && i + 2 < to &&
            plain(w[i + 1].t, &x) && jx_rc_starts(w[i + 2].t, "分") &&
            nb < MAX_ROWS) {
            blk[nb] = i;
            bw[nb++] = x;
        }
        if (!jx_form_words_is(&f->row[JX_FR_CRITERION], w[i].t)) {
            continue;
        }
        size_t j = i + 1, nums[3], nn = 0;
        bool more = false;
        for (; j < to && !jx_form_words_is(&f->row[JX_FR_CRITERION], w[j].t);
             j++) {
            if (bare(w, to, j, &x)) {
                if (nn == 3) {
                    more = true;
                } else {
                    nums[nn++] = j;
                }
            }
        }
        struct jx_rat pv, sv;
        if (more || nn < 2 || !plain(w[nums[0]].t, &pv) ||
            !plain(w[nums[1]].t, &sv) || jx_rat_sign(pv) <= 0 ||
            jx_rat_sign(sv) < 0 || jx_rat_cmp(sv, pv) > 0 || nc == MAX_ROWS) {
            (*unread)++;
            continue;
        }
        c[nc].at = i;
        c[nc].p = nums[0];
        c[nc].sc = nums[1];
        c[nc].pv = pv;
        c[nc].block = NULL;
        c[nc].bw = NULL;
        nc++;
    }
    if (nb && !*unread) {
        /* the rows, in order, fill the blocks' weights */
        size_t k = 0;
        bool ok = true;
        for (size_t b = 0; b < nb && ok && k < nc; b++) {
            struct jx_rat sum = jx_rat_int(0);
            while (k < nc && jx_rat_cmp(sum, bw[b]) < 0) {
                ok = jx_rat_add(sum, c[k].pv, &sum) == JX_NUM_OK;
                c[k].block = w[blk[b]].t;
                c[k].bw = &w[blk[b]];
                k++;
            }
            ok = ok && jx_rat_cmp(sum, bw[b]) == 0;
        }
        if (!ok || k < nc) {
            *unread += nc;
            return 0;
        }
    }
    for (size_t k = 0; k < nc && s->nindicators < MAX_ROWS; k++) {
        struct jx_indicator ind;
        memset(&ind, 0, sizeof ind);
        const struct jx_rc_cell *name =
            cell_at(rc, r, w[c[k].at].t, w[c[k].at].off, JX_HOW_READ);
        jx_rc_text(rc, name, &ind.name);
        if (c[k].block) {
            jx_rc_text(rc, cell_at(rc, r, c[k].block, c[k].bw->off,
                                   JX_HOW_READ), &ind.level1);
        }
        jx_rc_num(rc, cell_at(rc, r, w[c[k].p].t, w[c[k].p].off,
                              JX_HOW_POSITION), &ind.points);
        jx_rc_num(rc, cell_at(rc, r, w[c[k].sc].t, w[c[k].sc].off,
                              JX_HOW_POSITION), &ind.score);
        ind.prov = jx_rc_cell_prov(rc, name);
        s->indicators = jx_arena_grow(rc->arena, s->indicators,
                                      s->nindicators, capind,
                                      sizeof *s->indicators);
        s->indicators[s->nindicators++] = ind;
    }
    return nc;
}

/* Read line r in form f when at least two of its words are the form's
 * criterion labels; true when a sheet was made. */
static bool scoring_stream(struct jx_rc *rc, const struct jx_rc_row *r,
                           const struct jx_form *f, const struct word *w,
                           size_t n)
{
    size_t ncrit = 0, part = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        if (jx_form_words_is(&f->row[JX_FR_CRITERION], w[i].t) ||
            jx_form_words_is(&f->row[JX_FR_BLOCK], w[i].t)) {
            part = part == SIZE_MAX ? i : part;
            ncrit += jx_form_words_is(&f->row[JX_FR_CRITERION], w[i].t);
        }
    }
    if (ncrit < 2) {
        return false;
    }
    size_t end = n;
    for (size_t i = part + 1; i < n && end == n; i++) {
        if (jx_form_words_starts(&f->col[JX_FC_GOAL_EXPECTED], w[i].t)) {
            end = i;
        }
    }
    struct jx_sheet s;
    memset(&s, 0, sizeof s);
    s.kind = JX_SHEET_PROJECT;
    s.unit = JX_WANYUAN;
    stream_labels(rc, r, f, w, part, &s);
    stream_total(rc, r, f, w, part, &s);
    bool funds = stream_funds(rc, r, f, w, 0, part, &s);
    size_t unread = 0, capind = 0;
    size_t nrows = stream_rows(rc, r, f, w, part, end, &s, &unread, &capind);
    if (!funds && !nrows && !s.stated_total.present) {
        return false;
    }
    s.rows_unread = true;
    note(rc, jx_rc_cell_prov(rc, &r->cells[0]), "I414",
         jx_sprintf(rc->arena,
                    "%s的文本各列交错（PDF 转换）：按列序读取评分内容 %zu 行"
                    "（分值、自评分按位置推断）%s，其余行（绩效指标）次序无法"
                    "确定，未读取",
                    f->title, nrows,
                    unread ? jx_sprintf(rc->arena, "，%zu 行无法确定未读取",
                                        unread)
                           : ""));
    add_sheet(rc, &s);
    return true;
}

/* ---- a fragment of indicator rows ------------------------------------ */

/* The length of the level word of kind row (JX_FR_LEVEL1 / LEVEL2) of
 * any project form that t starts with (the longest), or 0. */
static size_t level_prefix(const struct jx_rc *rc, enum jx_form_row row,
                           const char *t, const char **word)
{
    size_t best = 0;
    for (size_t i = 0; i < rc->forms->n; i++) {
        const struct jx_form *f = &rc->forms->f[i];
        if (f->kind != JX_FORM_PROJECT) {
            continue;
        }
        for (size_t k = 0; k < f->row[row].n; k++) {
            const char *x = f->row[row].w[k];
            if (jx_rc_starts(t, x) && strlen(x) > best) {
                best = strlen(x);
                *word = x;
            }
        }
    }
    return best;
}

/* True when t is a `sum` word of a project form, then the number in the
 * same word ("合计100") or in the next one; *num gets the number's
 * text. */
static bool sum_word(const struct jx_rc *rc, const struct word *w, size_t n,
                     size_t i, const char **num, size_t *at)
{
    for (size_t k = 0; k < rc->forms->n; k++) {
        const struct jx_form *f = &rc->forms->f[k];
        if (f->kind != JX_FORM_PROJECT) {
            continue;
        }
        for (size_t j = 0; j < f->row[JX_FR_SUM].n; j++) {
            const char *x = f->row[JX_FR_SUM].w[j];
            if (!jx_rc_starts(w[i].t, x)) {
                continue;
            }
            const char *rest = w[i].t + strlen(x);
            if (*rest && plain(rest, NULL)) {
                *num = rest;
                *at = i;
                return true;
            }
            if (!*rest && i + 1 < n && plain(w[i + 1].t, NULL)) {
                *num = w[i + 1].t;
                *at = i + 1;
                return true;
            }
        }
    }
    return false;
}

/* The execution row's weight of the project forms that count it in the
 * total (10), 0 when they disagree or have none. */
static int exec_points(const struct jx_rc *rc)
{
    int pts = 0;
    for (size_t k = 0; k < rc->forms->n; k++) {
        const struct jx_form *f = &rc->forms->f[k];
        if (f->kind != JX_FORM_PROJECT || !f->exec_points ||
            !f->exec_in_total) {
            continue;
        }
        if (pts && pts != f->exec_points) {
            return 0;
        }
        pts = f->exec_points;
    }
    return pts;
}

/* The index of the first comparison sign in t ("=", "≥", "≤" …), or the
 * length of t. */
static size_t cmp_at(const char *t)
{
    static const char *const ops[] = {"=", "＝", "≥", "≤", "≧", "≦", ">",
                                      "<", "＞", "＜"};
    size_t n = strlen(t);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
            if (jx_rc_starts(t + i, ops[k])) {
                return i;
            }
        }
    }
    return n;
}

/*
 * A fragment of indicator rows on line r: every word before 合计 pairs
 * a label ([一级指标][二级指标]三级指标[指标值]) with one number; at least
 * three pairs, two of them starting with a level name of the catalogue;
 * 合计 is 100 and the numbers sum to it, or to it less the execution
 * row's weight (that row lies outside the fragment): then the numbers
 * are the 分值 (provenance `position`).  A level-one name is carried
 * down to the rows after it (a merged cell); a level-two name is not
 * (a row between two level-two names may be of a third).
 */
static bool fragment(struct jx_rc *rc, const struct jx_rc_row *r,
                     struct word *w, size_t n)
{
    /* a portal's address glued to the first word */
    if (n && (jx_rc_starts(w[0].t, "http://") ||
              jx_rc_starts(w[0].t, "https://"))) {
        size_t k = 0;
        while (w[0].t[k] && (unsigned char)w[0].t[k] < 0x80) {
            k++;
        }
        w[0].t += k;
        w[0].off += k;
    }
    size_t sum_at = SIZE_MAX, num_at = 0;
    const char *sum_txt = NULL;
    for (size_t i = 0; i < n && sum_at == SIZE_MAX; i++) {
        if (sum_word(rc, w, n, i, &sum_txt, &num_at)) {
            sum_at = i;
        }
    }
    struct jx_rat total;
    if (sum_at == SIZE_MAX || sum_at % 2 || sum_at / 2 < 3 ||
        sum_at / 2 > MAX_ROWS || !plain(sum_txt, &total) ||
        jx_rat_cmp(total, jx_rat_int(100)) != 0) {
        return false;
    }
    size_t levelled = 0;
    struct jx_rat sum = jx_rat_int(0);
    for (size_t i = 0; i < sum_at; i += 2) {
        struct jx_rat x;
        const char *lw;
        if (!*w[i].t || plain(w[i].t, NULL) || !plain(w[i + 1].t, &x) ||
            jx_rat_sign(x) <= 0 ||
            jx_rat_add(sum, x, &sum) != JX_NUM_OK) {
            return false;
        }
        if (level_prefix(rc, JX_FR_LEVEL1, w[i].t, &lw) ||
            level_prefix(rc, JX_FR_LEVEL2, w[i].t, &lw)) {
            levelled++;
        }
    }
    struct jx_rat rest;
    int ep = exec_points(rc);
    bool whole = jx_rat_cmp(sum, total) == 0;
    bool no_exec = ep && jx_rat_sub(total, jx_rat_int(ep), &rest) ==
                             JX_NUM_OK && jx_rat_cmp(sum, rest) == 0;
    if (levelled < 2 || (!whole && !no_exec)) {
        return false;
    }
    struct jx_sheet s;
    memset(&s, 0, sizeof s);
    s.kind = JX_SHEET_PROJECT;
    s.unit = JX_WANYUAN;
    s.rows_unread = true;
    /* the fragment shows a target and a 分值 only: what its other columns
       held is unknown, not blank */
    s.cols_absent.actual = s.cols_absent.score = s.cols_absent.deviation =
        true;
    size_t capind = 0;
    struct jx_text l1 = {0};
    for (size_t i = 0; i < sum_at; i += 2) {
        const char *t = w[i].t, *lw = NULL;
        size_t off = w[i].off;
        struct jx_indicator ind;
        memset(&ind, 0, sizeof ind);
        size_t k = level_prefix(rc, JX_FR_LEVEL1, t, &lw);
        if (k) {
            jx_rc_text(rc, cell_at(rc, r, lw, off, JX_HOW_READ), &l1);
            t += k;
            off += k;
        }
        ind.level1 = l1;
        k = level_prefix(rc, JX_FR_LEVEL2, t, &lw);
        if (k) {
            jx_rc_text(rc, cell_at(rc, r, lw, off, JX_HOW_READ), &ind.level2);
            t += k;
            off += k;
        }
        size_t c = cmp_at(t);
        if (!c) {
            return false; /* no name left */
        }
        const struct jx_rc_cell *name =
            cell_at(rc, r, jx_strndup(rc->arena, t, c), off, JX_HOW_READ);
        jx_rc_text(rc, name, &ind.name);
        if (t[c]) {
            jx_rc_text(rc, cell_at(rc, r, t + c, off + c, JX_HOW_READ),
                       &ind.target);
        }
        jx_rc_num(rc, cell_at(rc, r, w[i + 1].t, w[i + 1].off,
                              JX_HOW_POSITION), &ind.points);
        ind.prov = jx_rc_cell_prov(rc, name);
        s.indicators = jx_arena_grow(rc->arena, s.indicators, s.nindicators,
                                     &capind, sizeof *s.indicators);
        s.indicators[s.nindicators++] = ind;
    }
    char buf[JX_NUM_BUFSZ];
    note(rc, jx_rc_cell_prov(rc, &r->cells[0]), "I415",
         jx_sprintf(rc->arena,
                    "表格片段没有表头：%zu 行按“指标名称 指标值 数字”的形状"
                    "读取，数字之和 %s %s，按分值读取（列按位置推断）",
                    s.nindicators, jx_rat_format_exact(sum, false, buf),
                    whole ? "等于合计"
                          : jx_sprintf(rc->arena,
                                       "等于合计减去不在片段中的执行率行 %d 分",
                                       ep)));
    (void)num_at;
    add_sheet(rc, &s);
    return true;
}

/* Read the paragraph lines of no segment (see recog.h). */
void jx_rc_streams(struct jx_rc *rc)
{
    if (!rc->forms || !rc->pkg) {
        return;
    }
    struct word *w = NULL;
    for (size_t i = 0; i < rc->nrows; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (r->table || r->kind != JX_RC_NONE || !jx_rcr_raw(r) || !r->n) {
            continue;
        }
        if (!w) {
            w = jx_alloc_array(rc->arena, MAX_WORDS, sizeof *w);
        }
        size_t n = words_of(rc, r, w);
        if (!n) {
            continue;
        }
        bool done = false;
        for (size_t k = 0; k < rc->forms->n && !done; k++) {
            const struct jx_form *f = &rc->forms->f[k];
            if (f->kind == JX_FORM_PROJECT && f->row[JX_FR_CRITERION].n) {
                done = scoring_stream(rc, r, f, w, n);
            }
        }
        if (!done) {
            fragment(rc, r, w, n);
        }
    }
}
