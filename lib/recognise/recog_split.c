/*
 * recog_split.c - cells run together, OCR confusables, lost digits and
 * binary-float artifacts (recog_split.h).
 *
 * A run is read as symbols: a digit (ASCII or full-width), a point, a
 * "%", a space (a forced boundary) or an OCR confusable standing for
 * digits (O o D Q -> 0, I l | i -> 1, Z z -> 2, S s -> 5, B -> 8,
 * M -> 14).  The cuts are enumerated depth first over the expected
 * columns (each may be empty), every token checked against its
 * column's grammar and range, every complete cut against the form's
 * arithmetic; only a cut in which every value is confirmed by a
 * relation that holds, and no relation fails, counts, and only a
 * unique one is taken.
 */
#include "recognise/recog_split.h"

#include "jixiao/facts.h"

#include <string.h>

/* Most symbols of one token (12 integer digits, a point, 6 decimals
 * and a "%"). */
enum { MAX_TOKEN = 20 };

/* One symbol of a run. */
struct sym {
    char s[3];     /* the digits (or ".", "%") it stands for */
    unsigned char n;
    bool repaired; /* an OCR confusable */
    bool space;    /* a forced boundary */
};

/* The OCR confusables and the digits they stand for. */
static const struct {
    char c;
    const char *digits;
} confusables[] = {
    {'O', "0"}, {'o', "0"}, {'D', "0"}, {'Q', "0"}, {'I', "1"},
    {'l', "1"}, {'|', "1"}, {'i', "1"}, {'Z', "2"}, {'z', "2"},
    {'S', "5"}, {'s', "5"}, {'B', "8"}, {'M', "14"},
};

/* Decode run into symbols; false when it holds anything else or is
 * too long. */
static bool symbols(const char *run, size_t len, struct sym *out, size_t *n,
                    bool *too_long)
{
    size_t k = 0;
    bool digit = false;
    *too_long = false;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        int l = jx_utf8_decode(run + i, len - i, &cp);
        if (l <= 0) {
            return false;
        }
        i += (size_t)l;
        if (k >= JX_SPLIT_MAXRUN) {
            *too_long = true;
            return false;
        }
        struct sym *y = &out[k];
        memset(y, 0, sizeof *y);
        if (cp >= '0' && cp <= '9') {
            y->s[0] = (char)cp;
            digit = true;
        } else if (cp >= 0xFF10 && cp <= 0xFF19) {
            y->s[0] = (char)('0' + (cp - 0xFF10));
            digit = true;
        } else if (cp == '.' || cp == 0xFF0E) {
            y->s[0] = '.';
        } else if (cp == '%' || cp == 0xFF05) {
            y->s[0] = '%';
        } else if (cp == ' ' || cp == 0x3000 || cp == '\t' || cp == '\n') {
            if (k > 0 && out[k - 1].space) {
                continue;
            }
            y->space = true;
        } else {
            size_t c = 0;
            while (c < sizeof confusables / sizeof confusables[0] &&
                   confusables[c].c != cp) {
                c++;
            }
            if (c == sizeof confusables / sizeof confusables[0]) {
                return false;
            }
            memcpy(y->s, confusables[c].digits,
                   strlen(confusables[c].digits));
            y->repaired = true;
        }
        y->n = (unsigned char)strlen(y->s);
        k++;
    }
    while (k > 0 && out[k - 1].space) {
        k--;
    }
    *n = k;
    return digit && k > 0;
}

/* Most decimals a column's value may print. */
static int max_decimals(enum jx_split_kind k)
{
    switch (k) {
    case JX_SPLIT_INIT:
    case JX_SPLIT_BUDGET:
    case JX_SPLIT_EXEC:
        return 6;
    case JX_SPLIT_POINTS:
        return 1;
    case JX_SPLIT_RATE:
        return 4;
    case JX_SPLIT_SCORE:
    case JX_SPLIT_IPOINTS:
    case JX_SPLIT_ISCORE:
        return 2;
    }
    return 0;
}

/* True when v lies in [lo, hi]. */
static bool within(struct jx_rat v, int64_t lo, int64_t hi)
{
    return jx_rat_cmp(v, jx_rat_int(lo)) >= 0 &&
           jx_rat_cmp(v, jx_rat_int(hi)) <= 0;
}

/* Read symbols [i, j) as a value of kind k: true when the text follows
 * the column's grammar and range; *v, *scale, text (NUL-ended, at
 * least 64 bytes) and *rep receive it. */
static bool token(const struct sym *y, size_t i, size_t j,
                  enum jx_split_kind k, struct jx_rat *v, int *scale,
                  char *text, bool *rep)
{
    size_t o = 0;
    *rep = false;
    for (size_t t = i; t < j; t++) {
        if (y[t].space || o + y[t].n >= 48) {
            return false;
        }
        memcpy(text + o, y[t].s, y[t].n);
        o += y[t].n;
        *rep = *rep || y[t].repaired;
    }
    text[o] = '\0';
    bool pct = o > 0 && text[o - 1] == '%';
    if (pct != (k == JX_SPLIT_RATE)) {
        return false;
    }
    size_t body = pct ? o - 1 : o;
    /* (0|[1-9][0-9]{0,11})(\.[0-9]{1,d})? */
    size_t ip = 0;
    while (ip < body && text[ip] >= '0' && text[ip] <= '9') {
        ip++;
    }
    if (ip == 0 || ip > 12 || (ip > 1 && text[0] == '0')) {
        return false;
    }
    int dec = 0;
    if (ip < body) {
        if (text[ip] != '.') {
            return false;
        }
        for (size_t t = ip + 1; t < body; t++) {
            if (text[t] < '0' || text[t] > '9') {
                return false;
            }
            dec++;
        }
        if (dec == 0) {
            return false;
        }
    }
    if (dec > max_decimals(k)) {
        return false;
    }
    if (jx_rat_parse(text, body, v, NULL, NULL) != JX_NUM_OK) {
        return false;
    }
    *scale = dec;
    switch (k) {
    case JX_SPLIT_POINTS: {
        static const int64_t ok[] = {5, 10, 15, 20, 25, 30};
        bool in = false;
        for (size_t t = 0; t < sizeof ok / sizeof ok[0]; t++) {
            in = in || jx_rat_cmp(*v, jx_rat_int(ok[t])) == 0;
        }
        return in;
    }
    case JX_SPLIT_IPOINTS: {
        struct jx_rat h;
        return jx_rat_sign(*v) > 0 && within(*v, 0, 100) &&
               jx_rat_mul(*v, jx_rat_int(2), &h) == JX_NUM_OK &&
               jx_rat_is_int(h);
    }
    case JX_SPLIT_SCORE:
    case JX_SPLIT_ISCORE:
        return within(*v, 0, 100);
    case JX_SPLIT_RATE:
        if (!within(*v, 0, 1000)) {
            return false;
        }
        return jx_rat_div(*v, jx_rat_int(100), v) == JX_NUM_OK;
    case JX_SPLIT_INIT:
    case JX_SPLIT_BUDGET:
    case JX_SPLIT_EXEC:
        return true;
    }
    return false;
}

/* A value taking part in the relations: present, value, decimals. */
struct val {
    bool present;
    struct jx_rat v;
    int scale;
    int col;      /* its column, -1 when known or absent */
};

/* True when x rounded half-up to scale decimals equals want. */
static bool rounds_to(struct jx_rat x, int scale, struct jx_rat want)
{
    struct jx_rat r;
    return scale >= 0 && scale <= 18 &&
           jx_rat_round(x, scale, JX_ROUND_HALF_UP, &r) == JX_NUM_OK &&
           jx_rat_cmp(r, want) == 0;
}

/* min(rate, 1) × points rounded to the score's decimals equals the
 * score. */
static bool score_holds(struct jx_rat rate, struct jx_rat points,
                        const struct val *s)
{
    struct jx_rat p;
    if (jx_rat_mul(jx_rat_min(rate, jx_rat_int(1)), points, &p) !=
        JX_NUM_OK) {
        return false;
    }
    return rounds_to(p, s->scale, s->v);
}

/* Mark the columns of the values given as confirmed. */
static void confirm(unsigned *mask, const struct val *a, const struct val *b,
                    const struct val *c, const struct val *d)
{
    const struct val *vs[] = {a, b, c, d};
    for (size_t i = 0; i < 4; i++) {
        if (vs[i] && vs[i]->col >= 0) {
            *mask |= 1u << vs[i]->col;
        }
    }
}

/* Check a complete cut: false when a relation fails; *mask receives
 * the columns confirmed and *held whether any relation held. */
static bool relations(const struct val *val, unsigned *mask, bool *held)
{
    const struct val *b = &val[JX_SPLIT_BUDGET], *e = &val[JX_SPLIT_EXEC],
                     *p = &val[JX_SPLIT_POINTS], *r = &val[JX_SPLIT_RATE],
                     *s = &val[JX_SPLIT_SCORE], *ip = &val[JX_SPLIT_IPOINTS],
                     *is = &val[JX_SPLIT_ISCORE];
    *mask = 0;
    *held = false;
    struct jx_rat q = {0, 1};
    bool have_q = false;
    if (b->present && e->present) {
        if (jx_rat_sign(b->v) == 0) {
            if (r->present) {
                return false;
            }
        } else {
            struct jx_rat bb = b->v, ee = e->v;
            have_q = jx_rat_div(ee, bb, &q) == JX_NUM_OK;
        }
    }
    if (b->present && e->present && r->present) {
        /* a printed 0% means nothing was spent, not a rounded 0.4% */
        if (!have_q || !rounds_to(q, r->scale + 2, r->v) ||
            (jx_rat_sign(r->v) == 0 && jx_rat_sign(e->v) != 0)) {
            return false;
        }
        /* nothing spent at 0% holds for any budget: it confirms none */
        confirm(mask, jx_rat_sign(e->v) != 0 ? b : NULL, e, r, NULL);
        *held = true;
    }
    if (p->present && s->present && jx_rat_cmp(s->v, p->v) > 0) {
        return false;
    }
    if (p->present && s->present && (r->present || have_q)) {
        bool ok = (r->present && score_holds(r->v, p->v, s)) ||
                  (have_q && score_holds(q, p->v, s));
        if (!ok) {
            return false;
        }
        /* a 0 score at a 0 rate holds for any points */
        bool zero = r->present ? jx_rat_sign(r->v) == 0
                               : jx_rat_sign(q) == 0;
        confirm(mask, zero ? NULL : p, s, r->present ? r : NULL, NULL);
        if (!r->present) {
            confirm(mask, b, e, NULL, NULL);
        }
        *held = true;
    }
    if (ip->present && is->present) {
        if (jx_rat_cmp(is->v, ip->v) > 0) {
            return false;
        }
        confirm(mask, ip, is, NULL, NULL);
        *held = true;
    }
    return true;
}

/* The state of one enumeration. */
struct walk {
    struct jx_arena *a;
    const struct sym *y;
    size_t n;
    struct jx_split_col *cols;
    size_t ncols;
    size_t order[JX_SPLIT_MAXCOLS]; /* the in_run columns, in order */
    size_t norder;
    size_t nodes;
    size_t found;                   /* confirmed cuts, capped at 2 */
    bool limit;
    /* the cut being built */
    bool present[JX_SPLIT_MAXCOLS];
    struct jx_rat v[JX_SPLIT_MAXCOLS];
    int scale[JX_SPLIT_MAXCOLS];
    bool rep[JX_SPLIT_MAXCOLS];
    char text[JX_SPLIT_MAXCOLS][64];
    /* the first confirmed cut */
    bool best_present[JX_SPLIT_MAXCOLS];
    struct jx_rat best_v[JX_SPLIT_MAXCOLS];
    int best_scale[JX_SPLIT_MAXCOLS];
    bool best_rep[JX_SPLIT_MAXCOLS];
    char best_text[JX_SPLIT_MAXCOLS][64];
};

/* Judge the complete cut in w. */
static void leaf(struct walk *w)
{
    struct val val[JX_SPLIT_ISCORE + 1];
    memset(val, 0, sizeof val);
    for (size_t c = 0; c < w->ncols; c++) {
        const struct jx_split_col *k = &w->cols[c];
        struct val *x = &val[k->kind];
        if (k->in_run && w->present[c]) {
            *x = (struct val){true, w->v[c], w->scale[c], (int)c};
        } else if (!k->in_run && k->known) {
            *x = (struct val){true, k->value, k->scale, -1};
        }
    }
    unsigned mask;
    bool held;
    if (!relations(val, &mask, &held) || !held) {
        return;
    }
    /* the amounts of one row print the same decimals */
    int money_scale = -1;
    for (size_t c = 0; c < w->ncols; c++) {
        enum jx_split_kind k = w->cols[c].kind;
        if (!w->cols[c].in_run || !w->present[c] ||
            (k != JX_SPLIT_INIT && k != JX_SPLIT_BUDGET &&
             k != JX_SPLIT_EXEC)) {
            continue;
        }
        if (money_scale >= 0 && w->scale[c] != money_scale) {
            return;
        }
        money_scale = w->scale[c];
    }
    bool any_run = false;
    for (size_t c = 0; c < w->ncols; c++) {
        if (!w->cols[c].in_run || !w->present[c]) {
            continue;
        }
        bool confirmed = (mask >> c) & 1u;
        if (w->cols[c].kind == JX_SPLIT_INIT ? w->rep[c] : !confirmed) {
            return;
        }
        any_run = any_run || confirmed;
    }
    if (!any_run) {
        return;
    }
    if (w->found++ == 0) {
        memcpy(w->best_present, w->present, sizeof w->present);
        memcpy(w->best_v, w->v, sizeof w->v);
        memcpy(w->best_scale, w->scale, sizeof w->scale);
        memcpy(w->best_rep, w->rep, sizeof w->rep);
        memcpy(w->best_text, w->text, sizeof w->text);
    }
}

/* Cut symbols from position at into the in_run columns from order
 * index oi on. */
static void cut(struct walk *w, size_t oi, size_t at)
{
    if (w->found >= 2 || w->limit) {
        return;
    }
    if (++w->nodes > JX_SPLIT_MAXNODES) {
        w->limit = true;
        return;
    }
    while (at < w->n && w->y[at].space) {
        at++;
    }
    if (oi == w->norder) {
        if (at == w->n) {
            leaf(w);
        }
        return;
    }
    if ((w->norder - oi) * MAX_TOKEN < w->n - at) {
        return; /* too few columns left for what remains */
    }
    size_t c = w->order[oi];
    /* the column left empty */
    w->present[c] = false;
    cut(w, oi + 1, at);
    for (size_t j = at + 1; j <= w->n && j - at <= MAX_TOKEN; j++) {
        if (w->y[j - 1].space) {
            break;
        }
        if (j < w->n && !w->y[j].space && w->y[j].s[0] == '%' &&
            w->cols[c].kind == JX_SPLIT_RATE) {
            continue; /* a rate takes its "%" */
        }
        if (token(w->y, at, j, w->cols[c].kind, &w->v[c], &w->scale[c],
                  w->text[c], &w->rep[c])) {
            w->present[c] = true;
            cut(w, oi + 1, j);
            w->present[c] = false;
        }
        if (w->found >= 2 || w->limit) {
            return;
        }
    }
}

/* Cut a run into the expected columns (see recog_split.h). */
enum jx_split_res jx_split_run(struct jx_arena *a, const char *run,
                               size_t len, struct jx_split_col *cols,
                               size_t ncols, size_t *ncuts)
{
    if (ncuts) {
        *ncuts = 0;
    }
    for (size_t c = 0; c < ncols; c++) {
        if (cols[c].in_run) {
            cols[c].present = false;
            cols[c].text = NULL;
            cols[c].repaired = false;
        }
    }
    if (ncols > JX_SPLIT_MAXCOLS) {
        return JX_SPLIT_LIMIT;
    }
    struct walk *w = jx_alloc(a, sizeof *w);
    struct sym y[JX_SPLIT_MAXRUN];
    bool too_long;
    if (!symbols(run, len, y, &w->n, &too_long)) {
        return too_long ? JX_SPLIT_LIMIT : JX_SPLIT_NOTRUN;
    }
    w->a = a;
    w->y = y;
    w->cols = cols;
    w->ncols = ncols;
    for (size_t c = 0; c < ncols; c++) {
        if (cols[c].in_run) {
            w->order[w->norder++] = c;
        }
    }
    cut(w, 0, 0);
    if (ncuts) {
        *ncuts = w->found;
    }
    if (w->limit) {
        return JX_SPLIT_LIMIT;
    }
    if (w->found == 0) {
        return JX_SPLIT_NONE;
    }
    if (w->found > 1) {
        return JX_SPLIT_AMBIGUOUS;
    }
    for (size_t c = 0; c < ncols; c++) {
        if (!cols[c].in_run || !w->best_present[c]) {
            continue;
        }
        cols[c].present = true;
        cols[c].value = w->best_v[c];
        cols[c].scale = w->best_scale[c];
        cols[c].text = jx_strdup(a, w->best_text[c]);
        cols[c].repaired = w->best_rep[c];
    }
    return JX_SPLIT_UNIQUE;
}

/* Chinese name of an outcome. */
const char *jx_split_res_zh(enum jx_split_res r)
{
    switch (r) {
    case JX_SPLIT_NONE:
        return "没有一种拆分能通过勾稽关系验证";
    case JX_SPLIT_UNIQUE:
        return "唯一拆分";
    case JX_SPLIT_AMBIGUOUS:
        return "有多种拆分都能通过验证";
    case JX_SPLIT_LIMIT:
        return "数字过长，超出拆分的限度";
    case JX_SPLIT_NOTRUN:
        break;
    }
    return "含有数字以外的文字";
}

/* ---- binary-float artifacts ------------------------------------------ */

/* 10^k as a rational (k 0..18). */
static struct jx_rat pow10r(int k)
{
    int64_t p = 1;
    for (int i = 0; i < k; i++) {
        p *= 10;
    }
    return jx_rat_int(p);
}

/* True when d is within 2^-20 of x relative to d. */
static bool near(struct jx_rat x, struct jx_rat d)
{
    struct jx_rat diff, lhs;
    if (jx_rat_sub(x, d, &diff) != JX_NUM_OK) {
        return false;
    }
    if (jx_rat_sign(diff) < 0) {
        diff.num = -diff.num;
    }
    struct jx_rat ad = d;
    if (jx_rat_sign(ad) < 0) {
        ad.num = -ad.num;
    }
    return jx_rat_sign(ad) > 0 &&
           jx_rat_mul(diff, jx_rat_int(1048576), &lhs) == JX_NUM_OK &&
           jx_rat_cmp(lhs, ad) <= 0;
}

/* A binary-float artifact's decimal (see recog_split.h). */
int jx_split_float(struct jx_arena *a, const char *s, size_t n,
                   const char **out, struct jx_rat *v)
{
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '"')) {
        n--;
    }
    while (n > 0 && (s[0] == ' ' || s[0] == '"')) {
        s++;
        n--;
    }
    bool pct = n > 0 && s[n - 1] == '%';
    size_t body = pct ? n - 1 : n;
    size_t i = body > 0 && s[0] == '-' ? 1 : 0;
    /* digits, one point; count significant digits and the exponent */
    int first = -1, last = -1, pos = 0, point = -1;
    for (size_t t = i; t < body; t++) {
        if (s[t] == '.') {
            if (point >= 0) {
                return 0;
            }
            point = pos;
            continue;
        }
        if (s[t] < '0' || s[t] > '9') {
            return 0;
        }
        if (s[t] != '0') {
            if (first < 0) {
                first = pos;
            }
            last = pos;
        }
        pos++;
    }
    if (first < 0 || last - first + 1 < 12 || pos > 19) {
        return 0;
    }
    if (point < 0) {
        point = pos;
    }
    struct jx_rat x;
    if (jx_rat_parse(s, body, &x, NULL, NULL) != JX_NUM_OK) {
        return 0;
    }
    int e10 = point - first - 1; /* floor(log10 |x|) */
    for (int k = 1; k <= 6; k++) {
        int scale = k - 1 - e10;
        if (scale < 0 || scale > 17) {
            continue;
        }
        struct jx_rat d;
        if (jx_rat_round(x, scale, JX_ROUND_HALF_UP, &d) != JX_NUM_OK ||
            !near(x, d)) {
            continue;
        }
        /* a neighbour as near makes it ambiguous */
        struct jx_rat unit, lo, hi;
        if (jx_rat_div(jx_rat_int(1), pow10r(scale), &unit) != JX_NUM_OK ||
            jx_rat_sub(d, unit, &lo) != JX_NUM_OK ||
            jx_rat_add(d, unit, &hi) != JX_NUM_OK ||
            near(x, lo) || near(x, hi)) {
            return -1;
        }
        char buf[JX_NUM_BUFSZ];
        const char *t = jx_rat_format_exact(d, false, buf);
        if (!t) {
            return -1;
        }
        *out = pct ? jx_sprintf(a, "%s%%", t) : jx_strdup(a, t);
        *v = d;
        if (pct && jx_rat_div(d, jx_rat_int(100), v) != JX_NUM_OK) {
            return -1;
        }
        return 1;
    }
    return 0;
}

/* ---- the hook of the funds rows --------------------------------------- */

/* Chinese names of the funds columns, in the order of col[6]. */
static const char *const funds_zh[6] = {"年初预算数", "全年预算数", "全年执行数",
                                        "分值", "执行率", "得分"};

/* The split kinds of the funds columns, in the order of col[6]. */
static const enum jx_split_kind funds_kind[6] = {
    JX_SPLIT_INIT, JX_SPLIT_BUDGET, JX_SPLIT_EXEC,
    JX_SPLIT_POINTS, JX_SPLIT_RATE, JX_SPLIT_SCORE};

/* The figures glued to a label: the text after its colon
 * ("年度资金总额:2020…"), else its trailing digits, points and "%"
 * ("合计6363100%"); NULL when there are none. */
static const char *label_tail(const char *t)
{
    if (jx_rc_starts(t, "其中：")) {
        t += strlen("其中：");
    } else if (jx_rc_starts(t, "其中:")) {
        t += strlen("其中:");
    }
    const char *c = strstr(t, "：");
    const char *ac = strchr(t, ':');
    if (ac && (!c || ac < c)) {
        return ac + 1;
    }
    if (c) {
        return c + strlen("：");
    }
    size_t n = strlen(t), b = n;
    while (b > 0 && ((t[b - 1] >= '0' && t[b - 1] <= '9') ||
                     t[b - 1] == '.' || t[b - 1] == '%')) {
        b--;
    }
    return b < n && b > 0 ? t + b : NULL;
}

/* True when key reads as one number or one percentage ("100.00%"): a
 * cell in its own column, not a run. */
static bool single_value(const char *key)
{
    struct jx_rat v;
    bool pct;
    return key && *key &&
           jx_rat_parse(key, strlen(key), &v, &pct, NULL) == JX_NUM_OK;
}

/* The decimals printed in a number's text (before any "%"). */
static int printed_decimals(const char *key)
{
    const char *p = strchr(key, '.');
    if (!p) {
        return 0;
    }
    int d = 0;
    for (p++; *p >= '0' && *p <= '9'; p++) {
        d++;
    }
    return d;
}

/* A funds row whose cells stand in their columns but one of which holds
 * OCR confusables ("IO0%"): that cell read against the others, only
 * when the arithmetic confirms the repair; the others read as usual.
 * True when it handled the row. */
static bool ocr_aligned(struct jx_rc *rc, const struct jx_rc_row *r,
                        const int col[6], int hdr_end,
                        enum jx_money_unit unit, struct jx_funds *f)
{
    const struct jx_rc_cell *cell[6] = {NULL};
    struct jx_split_col sc[6];
    memset(sc, 0, sizeof sc);
    size_t nrun = 0, run = 0;
    for (size_t k = 0; k < 6; k++) {
        sc[k].kind = funds_kind[k];
        cell[k] = col[k] >= 0 ? jx_rc_under(r, col[k], hdr_end) : NULL;
        if (!cell[k] || jx_rc_blank(jx_rcc_text(cell[k]))) {
            cell[k] = NULL;
            continue;
        }
        bool pct = false;
        struct jx_rat v;
        const char *key = jx_rcc_key(cell[k]);
        if (jx_rat_parse(key, strlen(key), &v, &pct, NULL) != JX_NUM_OK) {
            sc[k].in_run = true;
            run = k;
            nrun++;
            continue;
        }
        if (pct || (k == 4 && jx_rat_cmp(v, jx_rat_int(1)) > 0)) {
            if (jx_rat_div(v, jx_rat_int(100), &v) != JX_NUM_OK) {
                return false;
            }
        }
        sc[k].known = true;
        sc[k].value = v;
        sc[k].scale = printed_decimals(key);
    }
    if (nrun != 1) {
        return false;
    }
    const char *text = jx_rcc_key(cell[run]);
    if (jx_split_run(rc->arena, text, strlen(text), sc, 6, NULL) !=
            JX_SPLIT_UNIQUE ||
        !sc[run].present || !sc[run].repaired) {
        return false;
    }
    const struct jx_prov *at = jx_rc_cell_prov(rc, cell[run]);
    struct jx_prov *pv = (struct jx_prov *)jx_rc_prov(rc, at);
    pv->how = JX_HOW_OCR;
    pv->raw = jx_rcc_text(cell[run]);
    struct jx_amt *am[3] = {&f->budget_initial, &f->budget_full,
                            &f->executed};
    struct jx_num *nm[3] = {&f->points, &f->rate, &f->score};
    for (size_t k = 0; k < 6; k++) {
        if (k == run) {
            if (k < 3) {
                struct jx_money m;
                if (jx_money_parse(sc[k].text, strlen(sc[k].text), unit, &m,
                                   NULL) == JX_NUM_OK) {
                    *am[k] = (struct jx_amt){true, m, pv};
                }
            } else {
                *nm[k - 3] = (struct jx_num){true, sc[k].value, pv};
            }
        } else if (k < 3) {
            jx_rc_money(rc, cell[k], unit, am[k]);
        } else if (k == 4) {
            jx_rc_rate(rc, cell[k], nm[1]);
        } else {
            jx_rc_num(rc, cell[k], nm[k - 3]);
        }
    }
    if (rc->diags) {
        struct jx_loc l = jx_prov_loc(jx_rc_cell_prov(rc, cell[run]), NULL,
                                      NULL);
        jx_diag_add(rc->diags, "I420", JX_SEV_NOTE, &l,
                    "“%s”中有识别错误的字符，按同行各列的勾稽关系修复为%s %s",
                    jx_rcc_text(cell[run]), funds_zh[run], sc[run].text);
    }
    rc->found = true;
    return true;
}

/* Cut a funds row whose cells ran together (see recog_split.h). */
bool jx_rc_split_funds(struct jx_rc *rc, const struct jx_rc_row *r,
                       const struct jx_rc_cell *label, const int col[6],
                       int hdr_end, enum jx_money_unit unit,
                       struct jx_funds *f)
{
    /* the header's columns in grid order */
    size_t idx[6], nc = 0;
    for (size_t k = 0; k < 6; k++) {
        if (col[k] < 0) {
            continue;
        }
        size_t at = nc++;
        while (at > 0 && col[idx[at - 1]] > col[k]) {
            idx[at] = idx[at - 1];
            at--;
        }
        idx[at] = k;
    }
    if (nc < 2) {
        return false;
    }
    /* the value cells: after the label, filled, not carried */
    struct jx_buf run;
    jx_buf_init(&run, 1u << 20);
    int bad = 0;
    size_t nv = 0;
    bool odd = false;
    const struct jx_rc_cell *where = label;
    const char *lc = label ? label_tail(jx_rcc_key(label)) : NULL;
    if (lc && *lc) {
        bad |= jx_buf_adds(&run, lc);
        odd = true; /* figures glued to the label */
        nv++;
    }
    bool past = label == NULL;
    for (size_t i = 0; i < r->n; i++) {
        const struct jx_rc_cell *c = &r->cells[i];
        if (c == label) {
            past = true;
            continue;
        }
        if (!past || jx_rcc_carried(c) || jx_rc_blank(jx_rcc_text(c))) {
            continue;
        }
        if (nv++ > 0) {
            bad |= jx_buf_addc(&run, ' ');
        }
        bad |= jx_buf_adds(&run, jx_rcc_key(c));
        odd = odd || !single_value(jx_rcc_key(c));
        if (!where || where == label) {
            where = c;
        }
    }
    if (nv >= nc && odd && bad == 0) {
        jx_buf_release(&run);
        return ocr_aligned(rc, r, col, hdr_end, unit, f);
    }
    if (nv == 0 || nv >= nc || !odd || !where || bad < 0) {
        jx_buf_release(&run);
        return false;
    }
    const char *text = jx_strndup(rc->arena, run.p ? run.p : "", run.len);
    jx_buf_release(&run);
    struct jx_split_col sc[6];
    memset(sc, 0, sizeof sc);
    for (size_t k = 0; k < nc; k++) {
        sc[k].kind = funds_kind[idx[k]];
        sc[k].in_run = true;
    }
    enum jx_split_res res = jx_split_run(rc->arena, text, strlen(text), sc,
                                         nc, NULL);
    if (res == JX_SPLIT_NOTRUN) {
        return false;
    }
    struct jx_loc l = jx_prov_loc(jx_rc_cell_prov(rc, where), NULL, NULL);
    if (res != JX_SPLIT_UNIQUE) {
        if (rc->diags) {
            jx_diag_add(rc->diags, "I421", JX_SEV_WARNING, &l,
                        "“%s”中的数字连在一起，无法按表头各列拆分（%s），未读取",
                        text, jx_split_res_zh(res));
        }
        return true;
    }
    bool rep = false;
    for (size_t k = 0; k < nc; k++) {
        rep = rep || sc[k].repaired;
    }
    const struct jx_prov *at = jx_rc_cell_prov(rc, where);
    struct jx_prov *pv = (struct jx_prov *)jx_rc_prov(rc, at);
    pv->how = rep ? JX_HOW_OCR : JX_HOW_SPLIT;
    pv->raw = text;
    struct jx_buf parts;
    jx_buf_init(&parts, 4096);
    for (size_t k = 0; k < nc; k++) {
        if (!sc[k].present) {
            continue;
        }
        size_t fk = idx[k];
        jx_buf_addf(&parts, "%s%s %s", parts.len ? "、" : "", funds_zh[fk],
                    sc[k].text);
        struct jx_amt *am = fk == 0   ? &f->budget_initial
                            : fk == 1 ? &f->budget_full
                            : fk == 2 ? &f->executed
                                      : NULL;
        struct jx_num *nm = fk == 3   ? &f->points
                            : fk == 4 ? &f->rate
                            : fk == 5 ? &f->score
                                      : NULL;
        if (am) {
            struct jx_money m;
            if (jx_money_parse(sc[k].text, strlen(sc[k].text), unit, &m,
                               NULL) == JX_NUM_OK) {
                *am = (struct jx_amt){true, m, pv};
            }
        } else if (nm) {
            *nm = (struct jx_num){true, sc[k].value, pv};
        }
    }
    if (rc->diags) {
        jx_diag_add(rc->diags, "I420", JX_SEV_NOTE, &l,
                    "“%s”中的数字连在一起，按表头各列和勾稽关系%s为：%s",
                    text, rep ? "修复识别错误的字符并拆分" : "拆分",
                    parts.p ? parts.p : "");
    }
    jx_buf_release(&parts);
    rc->found = true;
    return true;
}

/* ---- the hook of the indicator rows ------------------------------------ */

/* True when cell c holds text (not blank). */
static bool filled(const struct jx_rc_cell *c)
{
    return c && !jx_rc_blank(jx_rcc_text(c));
}

/* True when c holds a plain number of at most 100 (a plausible 分值 or
 * 得分); *v receives it. */
static bool plain_value(const struct jx_rc_cell *c, struct jx_rat *v)
{
    return filled(c) && jx_rc_is_number(jx_rcc_key(c), v) &&
           jx_rat_cmp(*v, jx_rat_int(100)) <= 0 && jx_rat_sign(*v) >= 0;
}

/* The decimals a plain number prints. */
static int decimals_of(const char *key)
{
    const char *p = strchr(key, '.');
    return p ? (int)strlen(p + 1) : 0;
}

/* Cut an indicator's 分值 | 得分 (see recog_split.h). */
bool jx_rc_split_ind(struct jx_rc *rc, const struct jx_rc_cell *pc,
                     const struct jx_rc_cell *sc, struct jx_num *points,
                     struct jx_num *score)
{
    struct jx_rat pv, sv;
    bool pok = plain_value(pc, &pv), sok = plain_value(sc, &sv);
    if (pok && sok) {
        return false;
    }
    struct jx_split_col col[2];
    memset(col, 0, sizeof col);
    col[0].kind = JX_SPLIT_IPOINTS;
    col[1].kind = JX_SPLIT_ISCORE;
    bool prun = filled(pc) && !pok, srun = filled(sc) && !sok;
    const struct jx_rc_cell *run = NULL;
    if (pok && srun) {
        run = sc; /* 得分 against the 分值 read */
        col[0].known = true;
        col[0].value = pv;
        col[0].scale = decimals_of(jx_rcc_key(pc));
        col[1].in_run = true;
    } else if (sok && prun) {
        run = pc; /* 分值 against the 得分 read */
        col[1].known = true;
        col[1].value = sv;
        col[1].scale = decimals_of(jx_rcc_key(sc));
        col[0].in_run = true;
    } else if (srun && !pok && !sok) {
        run = sc; /* both run together under 得分 */
        col[0].in_run = col[1].in_run = true;
    } else if (prun && !filled(sc)) {
        run = pc; /* both run together under 分值 */
        col[0].in_run = col[1].in_run = true;
    } else {
        return false;
    }
    const char *text = jx_rcc_key(run);
    enum jx_split_res res =
        jx_split_run(rc->arena, text, strlen(text), col, 2, NULL);
    if (res == JX_SPLIT_NOTRUN) {
        return false;
    }
    struct jx_loc l = jx_prov_loc(jx_rc_cell_prov(rc, run), NULL, NULL);
    if (res != JX_SPLIT_UNIQUE) {
        if (!col[0].in_run || !col[1].in_run) {
            return false; /* one number: the ordinary reader's finding */
        }
        if (rc->diags) {
            jx_diag_add(rc->diags, "I421", JX_SEV_WARNING, &l,
                        "“%s”中的数字连在一起，无法拆分为分值和得分（%s），未读取",
                        text, jx_split_res_zh(res));
        }
        memset(points, 0, sizeof *points);
        memset(score, 0, sizeof *score);
        return true;
    }
    bool rep = col[0].repaired || col[1].repaired;
    if (!rep && (!col[0].in_run || !col[1].in_run)) {
        return false; /* nothing cut or repaired */
    }
    struct jx_prov *p = (struct jx_prov *)jx_rc_prov(rc, jx_rc_cell_prov(rc,
                                                                         run));
    p->how = rep ? JX_HOW_OCR : JX_HOW_SPLIT;
    p->raw = text;
    memset(points, 0, sizeof *points);
    memset(score, 0, sizeof *score);
    if (col[0].in_run && col[0].present) {
        *points = (struct jx_num){true, col[0].value, p};
    } else if (pok) {
        *points = (struct jx_num){true, pv, jx_rc_cell_prov(rc, pc)};
    }
    if (col[1].in_run && col[1].present) {
        *score = (struct jx_num){true, col[1].value, p};
    } else if (sok) {
        *score = (struct jx_num){true, sv, jx_rc_cell_prov(rc, sc)};
    }
    if (rc->diags) {
        jx_diag_add(rc->diags, "I420", JX_SEV_NOTE, &l,
                    "“%s”%s为：分值 %s、得分 %s", text,
                    rep ? "中有识别错误的字符，按分值和得分的关系修复"
                        : "中的数字连在一起，按分值和得分的关系拆分",
                    col[0].in_run ? (col[0].present ? col[0].text : "空")
                                  : jx_rcc_key(pc),
                    col[1].in_run ? (col[1].present ? col[1].text : "空")
                                  : jx_rcc_key(sc));
    }
    rc->found = true;
    return true;
}

/* ---- lost digits in the report ---------------------------------------- */

/* Report every figure of the prose that lost its leading digits. */
void jx_rc_lost_digits(struct jx_rc *rc)
{
    if (!rc->diags) {
        return;
    }
    for (size_t i = 0; i < rc->nrows; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (r->table || !jx_rcr_raw(r)) {
            continue;
        }
        const char *raw = jx_rcr_raw(r);
        size_t rawlen = jx_rcr_rawlen(r);
        for (size_t b = 0; b < rawlen; b++) {
            if (!jx_text_lost_digits(raw, rawlen, b)) {
                continue;
            }
            struct jx_prov p = *jx_rc_cell_prov(rc, &r->cells[0]);
            p.file = rc->file;
            p.col += (int)jx_utf8_count(raw, b);
            size_t e = b;
            while (e < rawlen &&
                   ((raw[e] >= '0' && raw[e] <= '9') || raw[e] == '.')) {
                e++;
            }
            struct jx_loc l = jx_prov_loc(&p, NULL, NULL);
            jx_diag_add(rc->diags, "I422", JX_SEV_WARNING, &l,
                        "数字“,%.*s”前缺少数位（千位分隔符前没有数字），无法读取，未采用",
                        (int)(e - b), raw + b);
        }
    }
}

/* ---- OCR confusables in the report's percentages ---------------------- */

/* Store the report's figures with the package and name each percentage
 * of the prose whose OCR confusables were repaired (I427, note) or
 * refused (I426, warning: no stated amounts confirm it). */
void jx_rc_prose_ocr(struct jx_rc *rc)
{
    struct jx_package *p = rc->pkg;
    if (!p->report.present) {
        return;
    }
    const struct jx_facts *fs = jx_package_fill_figures(rc->arena, p);
    if (!rc->diags) {
        return;
    }
    for (size_t i = 0; i < fs->n; i++) {
        const struct jx_fact *f = &fs->a[i];
        if (f->prov.how != JX_HOW_OCR) {
            continue;
        }
        struct jx_prov at = f->prov;
        at.file = at.file ? at.file : rc->file;
        struct jx_loc l = jx_prov_loc(&at, NULL, NULL);
        char buf[JX_NUM_BUFSZ];
        const char *v = jx_rat_format_exact(f->value, true, buf);
        jx_diag_add(rc->diags, "I427", JX_SEV_NOTE, &l,
                    "报告中的“%s”有识别错误的字符，与报告所述执行数和预算数之比"
                    "相符，按“%s”读取",
                    f->text, v ? v : "?");
    }
    for (size_t i = 0; i < fs->nrefused; i++) {
        const struct jx_fact *f = &fs->refused[i];
        struct jx_prov at = f->prov;
        at.file = at.file ? at.file : rc->file;
        struct jx_loc l = jx_prov_loc(&at, NULL, NULL);
        jx_diag_add(rc->diags, "I426", JX_SEV_WARNING, &l,
                    "报告中的“%s”有疑似识别错误的字符，报告所述金额无法验证，"
                    "无法读取，未采用",
                    f->text);
    }
}
