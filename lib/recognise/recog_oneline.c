/*
 * recog_oneline.c - a whole 整体 / 项目支出绩效自评表 flattened onto one
 * paragraph line with no separators at all (corpus layout 7): title,
 * head labels, the funds header and rows, the indicator header and rows
 * and the 总分 run together.  The line is cut into the form's rows and
 * cells by the words of the catalogue of forms (forms.h): the column
 * headers of a form in order, the head labels (项目名称, 主管部门, 实施
 * 单位, 单位名称, and the other labels that only end a value), the funds
 * rows (年度资金总额, 其中：…, 合计), the level names and 总分.  The
 * figures of a funds row stay glued to its label, for the splitter of
 * recog_split.c to cut by the header's columns and their arithmetic; an
 * indicator row (name, then the header's 分值 / 指标值 / 实际值 / 得分 in
 * its order) is cut here only when exactly one cut follows the columns'
 * grammar and 得分 ≤ 分值, and refused with a finding otherwise.  Every
 * value cut here carries a provenance saying so (JX_HOW_SPLIT).
 *
 * The cut rows are handed to the ordinary readers as a table of a
 * scratch document (named for the kind of form the head shows), so one
 * set of readers serves this layout and every other.
 *
 * Work is linear in the line (a fixed number of catalogue words tried
 * at each position, a bounded enumeration per indicator record, a hard
 * limit on the line and on an indicator block).
 *
 * Ownership: everything lives in the recognition's arena.
 */
#include "recognise/recog.h"
#include "recognise/recog_split.h"

#include <string.h>

/* Longest line cut (bytes), shortest worth trying, longest indicator
 * block parsed, longest indicator name (bytes), longest head value
 * (bytes) and bracket note (bytes), work bound of one block. */
enum {
    LINE_MAX = 65536,
    LINE_MIN = 60,
    BLOCK_MAX = 8192,
    NAME_MAX = 240,
    VALUE_MAX = 300,
    NOTE_MAX = 40,
    WORK_MAX = 2000000,
    HDR_MAX = 16,
    ROWS_MAX = 512
};

/* ---- the catalogue's words ------------------------------------------- */

/* What a word is. */
enum group { G_COL = 0, G_HEAD, G_FUND, G_LEVEL1, G_LEVEL2, G_SUM };

/* One word of the catalogue: its text, group and id (a column or an
 * anchor row of forms.h). */
struct word {
    const char *w;
    size_t n;
    enum group g;
    int id;
};

/* The words of every 整体 and 项目 form of the catalogue, ordered by
 * their first byte (the catalogue's order kept within one first byte):
 * those starting with byte b are w[start[b]..start[b + 1]). */
struct words {
    struct word *w;
    size_t n, cap;
    unsigned char *pre; /* bitmap: some word starts with these bytes
                           (pre_key of its first one to three), so that
                           match skips at once most places (arena) */
    size_t start[257];
};

/* Bits of the prefix bitmap. */
enum { PRE_BITS = 1u << 19 };

/* The bitmap index of the first min(k, 3) bytes at s (k >= 1). */
static uint32_t pre_key(const char *s, size_t k)
{
    k = k < 3 ? k : 3;
    uint32_t v = (uint32_t)k << 24;
    for (size_t i = 0; i < k; i++) {
        v |= (uint32_t)(unsigned char)s[i] << (8 * i);
    }
    return (v * 2654435761u) >> 13;
}

/* Add the words of list l with group g and id. */
static void add_words(struct jx_arena *a, struct words *ws,
                      const struct jx_form_words *l, enum group g, int id)
{
    for (size_t i = 0; i < l->n; i++) {
        size_t n = strlen(l->w[i]);
        if (!n) {
            continue;
        }
        ws->w = jx_arena_grow(a, ws->w, ws->n, &ws->cap, sizeof *ws->w);
        ws->w[ws->n++] = (struct word){l->w[i], n, g, id};
    }
}

/* Order the words by their first byte, stably (a counting sort into a
 * new arena array), and fill ws->start. */
static void index_words(struct jx_arena *a, struct words *ws)
{
    memset(ws->start, 0, sizeof ws->start);
    for (size_t i = 0; i < ws->n; i++) {
        ws->start[(unsigned char)ws->w[i].w[0] + 1]++;
    }
    for (size_t b = 1; b < 257; b++) {
        ws->start[b] += ws->start[b - 1];
    }
    size_t next[256];
    memcpy(next, ws->start, sizeof next);
    struct word *w = jx_alloc_array(a, ws->n ? ws->n : 1, sizeof *w);
    for (size_t i = 0; i < ws->n; i++) {
        w[next[(unsigned char)ws->w[i].w[0]]++] = ws->w[i];
    }
    ws->w = w;
    ws->cap = ws->n;
}

/* Collect the words of the catalogue's 整体 and 项目 forms into a new
 * struct words in arena a (the catalogue's: built once per catalogue,
 * through jx_forms_index). */
static void *collect(const struct jx_forms *forms, struct jx_arena *a)
{
    static const int cols[] = {
        JX_FC_BUDGET_INITIAL, JX_FC_BUDGET_FULL, JX_FC_EXECUTED, JX_FC_RATE,
        JX_FC_POINTS, JX_FC_SCORE, JX_FC_LEVEL1, JX_FC_LEVEL2, JX_FC_LEVEL3,
        JX_FC_NATURE, JX_FC_TARGET, JX_FC_MEASURE, JX_FC_ACTUAL,
        JX_FC_DEVIATION};
    static const int heads[] = {JX_FR_PROJECT_NAME, JX_FR_SUPERVISOR,
                                JX_FR_IMPLEMENTER, JX_FR_UNIT_NAME,
                                JX_FR_HEAD_LABEL};
    struct words *ws = jx_alloc(a, sizeof *ws);
    memset(ws, 0, sizeof *ws);
    for (size_t f = 0; f < forms->n; f++) {
        const struct jx_form *fm = &forms->f[f];
        if (fm->kind != JX_FORM_PROJECT && fm->kind != JX_FORM_UNIT) {
            continue;
        }
        for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
            add_words(a, ws, &fm->col[cols[k]], G_COL, cols[k]);
        }
        for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++) {
            add_words(a, ws, &fm->row[heads[k]], G_HEAD, heads[k]);
        }
        for (int k = JX_FR_TOTAL; k <= JX_FR_PROJECT; k++) {
            add_words(a, ws, &fm->row[k], G_FUND, k);
        }
        add_words(a, ws, &fm->row[JX_FR_LEVEL1], G_LEVEL1,
                  JX_FR_LEVEL1);
        add_words(a, ws, &fm->row[JX_FR_LEVEL2], G_LEVEL2,
                  JX_FR_LEVEL2);
        add_words(a, ws, &fm->row[JX_FR_SUM], G_SUM, JX_FR_SUM);
    }
    ws->pre = jx_alloc(a, PRE_BITS / 8);
    memset(ws->pre, 0, PRE_BITS / 8);
    for (size_t i = 0; i < ws->n; i++) {
        uint32_t k = pre_key(ws->w[i].w, ws->w[i].n);
        ws->pre[k / 8] |= (unsigned char)(1u << (k % 8));
    }
    index_words(a, ws);
    return ws;
}

/* The length of the longest word of group g at s[pos..n) (its id in
 * *id), or 0. */
static size_t match(const struct words *ws, enum group g, const char *s,
                    size_t n, size_t pos, int *id)
{
    size_t best = 0;
    bool maybe = false;
    for (size_t k = 1; k <= 3 && k <= n - pos && !maybe; k++) {
        uint32_t key = pre_key(s + pos, k);
        maybe = ws->pre[key / 8] & (1u << (key % 8));
    }
    unsigned char b = (unsigned char)s[pos];
    size_t end = maybe ? ws->start[b + 1] : 0;
    for (size_t i = ws->start[b]; i < end; i++) {
        const struct word *w = &ws->w[i];
        if (w->g != g || w->n <= best || w->n > n - pos ||
            memcmp(s + pos, w->w, w->n) != 0) {
            continue;
        }
        best = w->n;
        if (id) {
            *id = w->id;
        }
    }
    return best;
}

/* ---- characters ------------------------------------------------------ */

/* True at the first byte of a UTF-8 character. */
static bool lead(const char *s, size_t i)
{
    return ((unsigned char)s[i] & 0xC0) != 0x80;
}

/* True for an ASCII digit at s[i]. */
static bool digit(const char *s, size_t n, size_t i)
{
    return i < n && s[i] >= '0' && s[i] <= '9';
}

/* Byte length of a comparison sign at s[i] (≥ ≤ ≧ ≦ ＞ ＜ ＝ > < =), or 0. */
static size_t cmp_len(const char *s, size_t n, size_t i)
{
    static const char *const signs[] = {"≥", "≤", "≧", "≦", "＞", "＜",
                                        "＝", ">", "<", "="};
    for (size_t k = 0; k < sizeof signs / sizeof signs[0]; k++) {
        size_t l = strlen(signs[k]);
        if (l <= n - i && memcmp(s + i, signs[k], l) == 0) {
            return l;
        }
    }
    return 0;
}

/* Byte length of the character at s[i] (1 for a broken byte). */
static size_t char_len(const char *s, size_t n, size_t i)
{
    int32_t cp;
    int l = jx_utf8_decode(s + i, n - i, &cp);
    return l > 0 ? (size_t)l : 1;
}

/* If s[i..n) starts a bracketed note ("(A)", "（万元）", "()") of at most
 * NOTE_MAX bytes, the index after it; else i. */
static size_t skip_note(const char *s, size_t n, size_t i)
{
    const char *close = NULL;
    size_t o = 0;
    if (i < n && s[i] == '(') {
        close = ")";
        o = 1;
    } else if (n - i >= 3 && memcmp(s + i, "（", 3) == 0) {
        close = "）";
        o = 3;
    } else {
        return i;
    }
    size_t cl = strlen(close);
    for (size_t k = i + o; k < n && k - i <= NOTE_MAX; k++) {
        if (k + cl <= n && memcmp(s + k, close, cl) == 0) {
            return k + cl;
        }
        if (s[k] == '(' || (n - k >= 3 && memcmp(s + k, "（", 3) == 0)) {
            return i;
        }
    }
    return i;
}

/* If s[i..n) starts with a colon, the index after it; else i. */
static size_t skip_colon(const char *s, size_t n, size_t i)
{
    if (i < n && s[i] == ':') {
        return i + 1;
    }
    if (n - i >= 3 && memcmp(s + i, "：", 3) == 0) {
        return i + 3;
    }
    return i;
}

/* ---- the line and the scratch document ------------------------------- */

/* The line being cut and the document its pieces go to. */
struct cut {
    struct jx_rc *rc;
    struct words ws;
    const char *s;          /* the cleaned line */
    size_t n;
    struct jx_prov base;    /* where the line starts */
    size_t col_off;         /* column cache: byte offset … */
    int col;                /* … and its column */
    struct jx_doc *d;       /* the scratch document */
    const char *name;       /* the table's name (the form's kind) */
    size_t split_rows;      /* indicator rows cut */
};

/* The provenance of byte offset off of the line (how: read). */
static struct jx_prov at(struct cut *c, size_t off)
{
    if (off < c->col_off) {
        c->col_off = 0;
        c->col = c->base.col ? c->base.col : 1;
    }
    c->col += (int)jx_utf8_count(c->s + c->col_off, off - c->col_off);
    c->col_off = off;
    struct jx_prov p = c->base;
    p.file = c->rc->file;
    if (p.line) {
        p.col = c->col;
    }
    return p;
}

/* Add s[b..e) as a paragraph of the scratch document (nothing when it
 * is blank). */
static void para(struct cut *c, size_t b, size_t e)
{
    while (b < e && c->s[b] == ' ') {
        b++;
    }
    while (e > b && c->s[e - 1] == ' ') {
        e--;
    }
    if (e > b) {
        struct jx_prov p = at(c, b);
        jx_doc_add_para(c->d, c->s + b, e - b, 0, &p);
    }
}

/* Add a cell of text t[0..n) at row, col of t, located at p. */
static void cell(struct cut *c, struct jx_doc_table *t, int row, int col,
                 const char *text, size_t n, const struct jx_prov *p)
{
    jx_doc_table_add_cell_prov(c->d, t, row, col, text, n, p);
}

/* Add the cell s[b..e) of the line at row, col. */
static void cell_at(struct cut *c, struct jx_doc_table *t, int row, int col,
                    size_t b, size_t e)
{
    struct jx_prov p = at(c, b);
    cell(c, t, row, col, c->s + b, e - b, &p);
}

/* A new table of the scratch document, named for the form's kind. */
static struct jx_doc_table *table(struct cut *c)
{
    return jx_doc_add_table(c->d, c->name);
}

/* Add a finding at byte offset off of the line. */
static void finding(struct cut *c, const char *code, enum jx_severity sev,
                    size_t off, const char *msg)
{
    if (!c->rc->diags) {
        return;
    }
    struct jx_prov p = at(c, off);
    struct jx_loc l = jx_prov_loc(&p, NULL, NULL);
    jx_diag_add(c->rc->diags, code, sev, &l, "%s", msg);
}

/* s[b..e) as a NUL-ended arena string. */
static const char *piece(const struct cut *c, size_t b, size_t e)
{
    return jx_strndup(c->rc->arena, c->s + b, e - b);
}

/* ---- headers --------------------------------------------------------- */

/* A header run: column words one right after another. */
struct hdr {
    size_t b, e;
    size_t n;
    size_t cb[HDR_MAX], ce[HDR_MAX]; /* each cell: word and its note */
    int col[HDR_MAX];
    bool funds, ind;
};

/* If column words start at pos and follow one another (each with its
 * bracketed note), the run in *h; true when it is a funds header (a
 * budget and the executed column) or an indicator header (三级指标 and
 * another indicator column). */
static bool header_at(const struct cut *c, size_t pos, struct hdr *h)
{
    memset(h, 0, sizeof *h);
    size_t p = pos;
    int id = -1;
    size_t l;
    while (h->n < HDR_MAX && p < c->n &&
           (l = match(&c->ws, G_COL, c->s, c->n, p, &id)) > 0) {
        h->cb[h->n] = p;
        p = skip_note(c->s, c->n, p + l);
        h->ce[h->n] = p;
        h->col[h->n++] = id;
    }
    bool budget = false, exec = false, l3 = false, other = false;
    for (size_t k = 0; k < h->n; k++) {
        budget = budget || h->col[k] == JX_FC_BUDGET_FULL ||
                 h->col[k] == JX_FC_BUDGET_INITIAL;
        exec = exec || h->col[k] == JX_FC_EXECUTED;
        l3 = l3 || h->col[k] == JX_FC_LEVEL3;
        other = other || h->col[k] == JX_FC_LEVEL2 ||
                h->col[k] == JX_FC_TARGET || h->col[k] == JX_FC_ACTUAL;
    }
    h->b = pos;
    h->e = p;
    h->funds = budget && exec && h->n >= 2 && !l3;
    h->ind = l3 && other && h->n >= 3;
    return h->funds || h->ind;
}

/* The first header at or after from (funds or indicator as asked), or
 * false. */
static bool find_header(const struct cut *c, size_t from, bool want_ind,
                        struct hdr *h)
{
    for (size_t p = from; p < c->n; p++) {
        if (!lead(c->s, p)) {
            continue;
        }
        if (header_at(c, p, h) && (want_ind ? h->ind : true)) {
            return true;
        }
        if (h->n > 1) {
            p = h->e - 1; /* a run that is no header: past it */
        }
    }
    return false;
}

/* ---- the head -------------------------------------------------------- */

/* A head label found in the line. */
struct label {
    size_t b, e; /* the word (with a colon after it) */
    int id;
};

/* Most head labels kept. */
enum { LABELS_MAX = 32 };

/* True when the 2 to 8 bytes before i end a date "YYYY年M月D日". */
static bool date_before(const char *s, size_t i)
{
    static const char ri[] = "日";
    size_t rl = sizeof ri - 1;
    if (i < rl + 1 || memcmp(s + i - rl, ri, rl) != 0) {
        return false;
    }
    return s[i - rl - 1] >= '0' && s[i - rl - 1] <= '9';
}

/* Where the form's title starts in the prefix s[0..e): after the last
 * prose mark or date; e when the text there is no title (it holds no
 * "表" or is longer than a title). */
static size_t title_start(const struct cut *c, size_t e)
{
    static const char *const marks[] = {"，", "。", "；", "！", "？", "：",
                                        ",", ";", "!", "?", ":"};
    size_t b = 0;
    for (size_t i = 0; i < e; i++) {
        if (!lead(c->s, i)) {
            continue;
        }
        for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++) {
            size_t l = strlen(marks[k]);
            if (l <= e - i && memcmp(c->s + i, marks[k], l) == 0) {
                b = i + l;
            }
        }
        if (i > 0 && date_before(c->s, i)) {
            b = i;
        }
        if (c->s[i] == ' ') {
            b = i + 1;
        }
    }
    const char *t = piece(c, b, e);
    size_t cps = jx_utf8_count(t, strlen(t));
    if (!strstr(t, "表") || cps < 4 || cps > 60) {
        return e;
    }
    return b;
}

/* ---- indicator records ----------------------------------------------- */

/* What an indicator column holds. */
enum el { EL_P = 0, EL_S, EL_T, EL_A };

/* One indicator record cut from a block. */
struct rec {
    size_t b, name_e, e;
    size_t eb[4], ee[4]; /* the elements' spans, in column order */
};

/* The state of the cut of one block of records. */
struct blk {
    const char *s;
    size_t n;
    enum el el[4];     /* the header's value columns in order */
    size_t nel;
    size_t work;
    bool limit;
    unsigned char *ways; /* parses of s[k..n), capped at 2 */
    bool distinct;       /* count a record's cuts, not the parses */
    /* the enumeration from one start */
    size_t found;
    struct rec cur, first;
};

/* True when a record may start (its name) at s[i]: not a figure. */
static bool name_start(const struct blk *k, size_t i)
{
    return i < k->n && !digit(k->s, k->n, i) && k->s[i] != '.' &&
           k->s[i] != '%' && !cmp_len(k->s, k->n, i);
}

/* End of the number at i: digits, at most one point and decimals, no
 * leading zero before another digit; i when there is none. */
static size_t num_end(const char *s, size_t n, size_t i)
{
    size_t e = i;
    while (digit(s, n, e)) {
        e++;
    }
    if (e == i || (s[i] == '0' && e - i > 1)) {
        return i;
    }
    if (e < n && s[e] == '.' && digit(s, n, e + 1)) {
        e++;
        while (digit(s, n, e)) {
            e++;
        }
    }
    return e;
}

/* End of a run of text at i: characters that are no digit and no
 * comparison sign. */
static size_t text_end(const char *s, size_t n, size_t i)
{
    size_t e = i;
    while (e < n && !digit(s, n, e) && !cmp_len(s, n, e)) {
        e += char_len(s, n, e);
    }
    return e;
}

/* A value text at i: a comparison sign, a number and its unit (the
 * text up to the next digit or sign); end or i. */
static size_t value_end(const char *s, size_t n, size_t i)
{
    size_t p = i + cmp_len(s, n, i);
    size_t e = num_end(s, n, p);
    if (e == p) {
        return i;
    }
    if (e < n && s[e] == '%') {
        e++;
    }
    return text_end(s, n, e);
}

/* Parse s[b..e) as 分值 (pts true: in halves, above 0) or 得分; true
 * with *v when it is one of at most 100. */
static bool points_value(const char *s, size_t b, size_t e, bool pts,
                         struct jx_rat *v)
{
    if (jx_rat_parse(s + b, e - b, v, NULL, NULL) != JX_NUM_OK ||
        jx_rat_sign(*v) < 0 || jx_rat_cmp(*v, jx_rat_int(100)) > 0) {
        return false;
    }
    const char *pt = memchr(s + b, '.', e - b);
    if (pt && (size_t)(s + e - pt - 1) > 2) {
        return false;
    }
    struct jx_rat h;
    return !pts || (jx_rat_sign(*v) > 0 &&
                    jx_rat_mul(*v, jx_rat_int(2), &h) == JX_NUM_OK &&
                    jx_rat_is_int(h));
}

static void elements(struct blk *k, size_t ei, size_t pos, bool have_p,
                     struct jx_rat p);

/* A complete record ends at pos: counted when a record (or the end)
 * can follow. */
static void record_end(struct blk *k, size_t pos)
{
    if (pos != k->n && !name_start(k, pos)) {
        return;
    }
    unsigned w = k->ways[pos];
    if (!w) {
        return;
    }
    if (k->found == 0) {
        k->first = k->cur;
        k->first.e = pos;
    }
    k->found += k->distinct ? 1 : w;
}

/* Cut the value columns from column ei on, at pos; have_p / p: the
 * 分值 cut so far. */
static void elements(struct blk *k, size_t ei, size_t pos, bool have_p,
                     struct jx_rat p)
{
    if (k->found >= 2 || k->limit) {
        return;
    }
    if (++k->work > WORK_MAX) {
        k->limit = true;
        return;
    }
    if (ei == k->nel) {
        record_end(k, pos);
        return;
    }
    enum el el = k->el[ei];
    k->cur.eb[ei] = pos;
    if (el == EL_P || el == EL_S) {
        /* every length of a number of at most 3 digits and 2 decimals */
        for (size_t il = 1; il <= 3; il++) {
            if (!digit(k->s, k->n, pos + il - 1) ||
                (il > 1 && k->s[pos] == '0')) {
                break;
            }
            for (size_t dl = 0; dl <= 2; dl++) {
                size_t e = pos + il;
                if (dl) {
                    if (e >= k->n || k->s[e] != '.') {
                        break;
                    }
                    bool ok = true;
                    for (size_t t = 1; t <= dl; t++) {
                        ok = ok && digit(k->s, k->n, e + t);
                    }
                    if (!ok) {
                        break;
                    }
                    e += 1 + dl;
                }
                struct jx_rat v;
                if (!points_value(k->s, pos, e, el == EL_P, &v)) {
                    continue;
                }
                if (el == EL_S && have_p && jx_rat_cmp(v, p) > 0) {
                    continue; /* 得分 ≤ 分值 */
                }
                k->cur.ee[ei] = e;
                elements(k, ei + 1, e, have_p || el == EL_P,
                         el == EL_P ? v : p);
            }
        }
        return;
    }
    /* a value text: numeric, or two equal texts for 指标值 and 实际值 */
    size_t e = value_end(k->s, k->n, pos);
    if (e > pos) {
        k->cur.ee[ei] = e;
        elements(k, ei + 1, e, have_p, p);
        return;
    }
    size_t te = text_end(k->s, k->n, pos);
    if (te == pos) {
        return;
    }
    bool pair = ei + 1 < k->nel &&
                ((el == EL_T && k->el[ei + 1] == EL_A) ||
                 (el == EL_A && k->el[ei + 1] == EL_T));
    if (!pair) {
        /* a text before a figure: the whole run */
        k->cur.ee[ei] = te;
        elements(k, ei + 1, te, have_p, p);
        return;
    }
    size_t len = te - pos;
    if (len % 2 || !lead(k->s, pos + len / 2) ||
        memcmp(k->s + pos, k->s + pos + len / 2, len / 2) != 0) {
        return; /* where one text ends is not known */
    }
    k->cur.ee[ei] = pos + len / 2;
    k->cur.eb[ei + 1] = pos + len / 2;
    k->cur.ee[ei + 1] = te;
    elements(k, ei + 2, te, have_p, p);
}

/* Enumerate the records starting at i (name, then the value columns). */
static void records_from(struct blk *k, size_t i)
{
    k->found = 0;
    if (!name_start(k, i)) {
        return;
    }
    k->cur.b = i;
    enum el first = k->el[0];
    for (size_t j = i + char_len(k->s, k->n, i);
         j < k->n && j - i <= NAME_MAX && k->found < 2 && !k->limit;
         j += char_len(k->s, k->n, j)) {
        if (k->s[j] == '%') {
            break;
        }
        bool num = digit(k->s, k->n, j);
        bool sign = cmp_len(k->s, k->n, j) > 0;
        if ((first == EL_P || first == EL_S) ? !num : !(num || sign)) {
            if (sign) {
                break; /* a name holds no comparison sign */
            }
            continue;
        }
        k->cur.name_e = j;
        struct jx_rat zero = {0, 1};
        elements(k, 0, j, false, zero);
        if (sign) {
            break;
        }
    }
}

/* ---- building the rows ---------------------------------------------- */

/* The state of the indicator table being built. */
struct itab {
    struct jx_doc_table *t;
    int row;
    int c_l1, c_l2, c_name, c_el[4], width;
    size_t l1b, l1e, l2b, l2e; /* level names not yet written */
};

/* Add one cut record as a row: level names pending, name and values,
 * every cell marked as cut (JX_HOW_SPLIT, the record as printed). */
static void record_row(struct cut *c, struct itab *it, const struct blk *k,
                       size_t base, const struct rec *r)
{
    if (it->row >= ROWS_MAX) {
        return;
    }
    const char *raw = piece(c, base + r->b, base + r->e);
    for (int col = 0; col < it->width; col++) {
        struct jx_prov p = at(c, base + r->b);
        size_t b = 0, e = 0;
        bool cut = false;
        if (col == it->c_l1 && it->l1e > it->l1b) {
            b = it->l1b;
            e = it->l1e;
            p = at(c, b);
            it->l1b = it->l1e = 0;
        } else if (col == it->c_l2 && it->l2e > it->l2b) {
            b = it->l2b;
            e = it->l2e;
            p = at(c, b);
            it->l2b = it->l2e = 0;
        } else if (col == it->c_name) {
            b = base + r->b;
            e = base + r->name_e;
            cut = true;
        } else {
            for (size_t x = 0; x < k->nel; x++) {
                if (col == it->c_el[x]) {
                    b = base + r->eb[x];
                    e = base + r->ee[x];
                    p = at(c, b);
                    cut = true;
                }
            }
        }
        if (cut) {
            p.how = JX_HOW_SPLIT;
            p.raw = raw;
        }
        cell(c, it->t, it->row, col, e > b ? c->s + b : "", e - b, &p);
    }
    it->row++;
    c->split_rows++;
}

/* Strip the filler at the ends of s[*b..*e) (blanks, "…", "、", "."). */
static void trim_filler(const char *s, size_t *b, size_t *e)
{
    static const char *const fill[] = {"…", "、", " ", ".", "。", "，", ","};
    bool again = true;
    while (again && *e > *b) {
        again = false;
        for (size_t k = 0; k < sizeof fill / sizeof fill[0]; k++) {
            size_t l = strlen(fill[k]);
            if (*e - *b >= l && memcmp(s + *e - l, fill[k], l) == 0) {
                *e -= l;
                again = true;
            }
            if (*e - *b >= l && memcmp(s + *b, fill[k], l) == 0) {
                *b += l;
                again = true;
            }
        }
    }
}

/* Cut the records of the block s[b..e) (between level names) into rows
 * of it; a block that cannot be cut, or not in one way, is refused with
 * a finding (only when it holds a figure: a blank template's labels are
 * no refused rows). */
static void block(struct cut *c, struct itab *it, const enum el *el,
                  size_t nel, size_t b, size_t e)
{
    trim_filler(c->s, &b, &e);
    if (e <= b) {
        return;
    }
    bool figures = false;
    for (size_t i = b; i < e && !figures; i++) {
        figures = digit(c->s, e, i);
    }
    if (!figures) {
        return;
    }
    const char *why = NULL;
    if (!nel) {
        why = "表头没有分值或得分列，无法验证拆分";
    } else if (e - b > BLOCK_MAX) {
        why = "超出拆分的长度限度";
    }
    struct blk k;
    memset(&k, 0, sizeof k);
    k.s = c->s + b;
    k.n = e - b;
    memcpy(k.el, el, nel * sizeof *el);
    k.nel = nel;
    size_t done = 0;
    if (!why) {
        k.ways = jx_alloc(c->rc->arena, k.n + 1);
        memset(k.ways, 0, k.n + 1);
        k.ways[k.n] = 1;
        for (size_t i = k.n; i-- > 0 && !k.limit;) {
            if (!lead(k.s, i) || !name_start(&k, i)) {
                continue;
            }
            records_from(&k, i);
            k.ways[i] = (unsigned char)(k.found > 2 ? 2 : k.found);
        }
        if (k.limit) {
            why = "拆分的尝试超出限度";
        }
    }
    k.distinct = true; /* from here on: count the cuts of one record */
    while (!why && done < k.n) {
        records_from(&k, done);
        if (k.limit) {
            why = "拆分的尝试超出限度";
        } else if (k.found == 0) {
            why = "无法按指标名称、分值、指标值、实际值、得分拆分（得分不能超过分值）";
        } else if (k.found > 1) {
            why = "有多种拆分都符合表头各列";
        } else {
            record_row(c, it, &k, b, &k.first);
            done = k.first.e;
        }
    }
    if (why) {
        const char *msg = jx_sprintf(
            c->rc->arena, "一行中的绩效指标“%s”连在一起，%s，未读取",
            piece(c, b + done, e), why);
        /* without 分值 / 得分 columns nothing checkable is lost: a note */
        finding(c, "I425", nel ? JX_SEV_WARNING : JX_SEV_NOTE, b + done, msg);
    }
}

/* ---- the whole line -------------------------------------------------- */

/* True when s[i..) starts a level name; its end (with a "(70分)" note)
 * in *e and its group in *g. */
static bool level_at(const struct cut *c, size_t i, size_t lim, size_t *e,
                     enum group *g)
{
    size_t l = match(&c->ws, G_LEVEL1, c->s, lim, i, NULL);
    *g = G_LEVEL1;
    size_t l2 = match(&c->ws, G_LEVEL2, c->s, lim, i, NULL);
    if (l2 > l) {
        l = l2;
        *g = G_LEVEL2;
    }
    if (!l) {
        return false;
    }
    *e = skip_note(c->s, lim, i + l);
    return true;
}

/* The indicator part: header at h, rows up to 总分 and its figures;
 * returns where the part ends. */
static size_t indicators(struct cut *c, const struct hdr *h, size_t hb)
{
    struct itab it;
    memset(&it, 0, sizeof it);
    it.t = table(c);
    it.c_l1 = it.c_l2 = it.c_name = -1;
    for (size_t x = 0; x < 4; x++) {
        it.c_el[x] = -1;
    }
    int col = 0;
    if (hb < h->b) {
        cell_at(c, it.t, 0, col++, hb, h->b); /* "绩效指标" */
    }
    enum el el[4];
    size_t nel = 0;
    bool name_seen = false, bad = false, pts = false;
    /* the last column runs on to the first row (…原因及拟采取的改进措施) */
    size_t hend = h->e;
    if (h->n && h->col[h->n - 1] == JX_FC_DEVIATION) {
        for (size_t p = hend; p < c->n && p - hend <= 60; p++) {
            size_t le;
            enum group g;
            if (lead(c->s, p) && level_at(c, p, c->n, &le, &g)) {
                hend = p;
                break;
            }
        }
    }
    for (size_t k = 0; k < h->n; k++, col++) {
        size_t ce = k + 1 == h->n ? hend : h->ce[k];
        cell_at(c, it.t, 0, col, h->cb[k], ce);
        switch (h->col[k]) {
        case JX_FC_LEVEL1:
            it.c_l1 = col;
            break;
        case JX_FC_LEVEL2:
            it.c_l2 = col;
            break;
        case JX_FC_LEVEL3:
            it.c_name = col;
            name_seen = true;
            break;
        case JX_FC_POINTS:
        case JX_FC_SCORE:
        case JX_FC_TARGET:
        case JX_FC_ACTUAL:
            if (name_seen && nel < 4) {
                enum el x = h->col[k] == JX_FC_POINTS   ? EL_P
                            : h->col[k] == JX_FC_SCORE  ? EL_S
                            : h->col[k] == JX_FC_TARGET ? EL_T
                                                        : EL_A;
                it.c_el[nel] = col;
                el[nel++] = x;
                pts = pts || x == EL_P || x == EL_S;
            }
            break;
        case JX_FC_DEVIATION:
            bad = bad || k + 1 != h->n; /* a remark before figures */
            break;
        default:
            bad = bad || name_seen; /* 指标性质, 度量单位: not cut here */
            break;
        }
    }
    it.width = col;
    it.row = 1;
    if (bad || !pts) {
        nel = 0;
    }
    /* the end of the rows: 总分 (or 合计) followed by figures */
    size_t end = c->n, sum_b = c->n, sum_e = c->n;
    for (size_t p = hend; p < c->n; p++) {
        size_t l;
        if (lead(c->s, p) && (l = match(&c->ws, G_SUM, c->s, c->n, p, NULL)) &&
            digit(c->s, c->n, p + l)) {
            end = sum_b = p;
            sum_e = p + l;
            break;
        }
    }
    /* blocks between level names */
    size_t bstart = hend;
    for (size_t p = hend; p <= end; p++) {
        size_t le = p;
        enum group g = G_LEVEL1;
        bool lv = p < end && lead(c->s, p) && level_at(c, p, end, &le, &g);
        if (!lv && p < end) {
            continue;
        }
        block(c, &it, el, nel, bstart, p);
        if (lv) {
            if (g == G_LEVEL1) {
                it.l1b = p;
                it.l1e = le;
                it.l2b = it.l2e = 0;
            } else {
                it.l2b = p;
                it.l2e = le;
            }
            bstart = le;
            p = le - 1;
        }
    }
    if (sum_b == c->n) {
        jx_doc_table_end(c->d, it.t);
        return c->n;
    }
    /* 总分 | 分值 | 得分: the run cut by 得分 ≤ 分值 */
    size_t re = sum_e;
    while (re < c->n && (digit(c->s, c->n, re) || c->s[re] == '.')) {
        re++;
    }
    int tc = it.c_name >= 0 ? it.c_name : 0;
    cell_at(c, it.t, it.row, tc, sum_b, sum_e);
    struct jx_split_col sc[2];
    memset(sc, 0, sizeof sc);
    sc[0].kind = JX_SPLIT_IPOINTS;
    sc[1].kind = JX_SPLIT_ISCORE;
    sc[0].in_run = sc[1].in_run = true;
    struct jx_rat one;
    bool single = jx_rc_is_number(piece(c, sum_e, re), &one) &&
                  jx_rat_cmp(one, jx_rat_int(100)) <= 0;
    if (!single && jx_split_run(c->rc->arena, c->s + sum_e, re - sum_e, sc,
                                2, NULL) == JX_SPLIT_UNIQUE &&
        sc[0].present && sc[1].present) {
        struct jx_prov p = at(c, sum_e);
        p.how = JX_HOW_SPLIT;
        p.raw = piece(c, sum_e, re);
        cell(c, it.t, it.row, tc + 1, sc[0].text, strlen(sc[0].text), &p);
        cell(c, it.t, it.row, tc + 2, sc[1].text, strlen(sc[1].text), &p);
    } else {
        cell_at(c, it.t, it.row, tc + 1, sum_e, re);
    }
    jx_doc_table_end(c->d, it.t);
    return re;
}

/* The funds rows after the header h: a row word (年度资金总额, 其中：本年
 * 财政拨款, 合计 …), its note and colon, and the figures glued to it, as
 * one cell for the splitter; returns where they end. */
static size_t funds_rows(struct cut *c, struct jx_doc_table *t, int *row,
                         int width, size_t p)
{
    while (p < c->n && *row < ROWS_MAX) {
        size_t q = p;
        if (c->n - q >= strlen("其中") &&
            memcmp(c->s + q, "其中", strlen("其中")) == 0) {
            q = skip_colon(c->s, c->n, q + strlen("其中"));
        }
        size_t l = match(&c->ws, G_FUND, c->s, c->n, q, NULL);
        if (!l) {
            break;
        }
        size_t e = skip_colon(c->s, c->n, skip_note(c->s, c->n, q + l));
        while (e < c->n && (digit(c->s, c->n, e) || c->s[e] == '.' ||
                            c->s[e] == '%')) {
            e++;
        }
        cell_at(c, t, *row, 0, p, e);
        for (int k = 1; k < width; k++) {
            /* as wide as the header: the label stays in its column */
            struct jx_prov pad = at(c, e);
            cell(c, t, *row, k, "", 0, &pad);
        }
        (*row)++;
        p = e;
    }
    return p;
}

/* Cut line s[0..n) (cleaned, at base) when it holds a whole form; the
 * scratch document in *out.  False when it is no such line. */
static bool cut_line(struct cut *c)
{
    struct hdr f, ih;
    if (!find_header(c, 0, false, &f)) {
        return false;
    }
    bool have_funds = f.funds;
    bool have_ind = have_funds ? find_header(c, f.e, true, &ih) : true;
    if (!have_funds) {
        ih = f;
    }
    const struct hdr *first = have_funds ? &f : &ih;
    /* head labels before the first header */
    struct label lab[LABELS_MAX];
    size_t nl = 0;
    for (size_t p = 0; p < first->b && nl < LABELS_MAX; p++) {
        int id = -1;
        size_t l;
        if (!lead(c->s, p) ||
            !(l = match(&c->ws, G_HEAD, c->s, first->b, p, &id))) {
            continue;
        }
        lab[nl++] = (struct label){p, skip_colon(c->s, first->b, p + l), id};
        p += l - 1;
    }
    /* the header's own heading: head labels right before it */
    size_t hb = first->b;
    while (nl > 0) {
        const struct label *L = &lab[nl - 1];
        size_t after = skip_colon(c->s, first->b,
                                  skip_note(c->s, first->b, L->e));
        if (L->id != JX_FR_HEAD_LABEL || after != hb) {
            break;
        }
        hb = L->b;
        nl--;
    }
    /* the chain of labels before it, each value short */
    size_t start = nl;
    for (size_t k = nl; k-- > 0;) {
        size_t vend = k + 1 < nl ? lab[k + 1].b : hb;
        if (vend - lab[k].e > VALUE_MAX) {
            break;
        }
        start = k;
    }
    bool project = false, unit = false;
    for (size_t k = start; k < nl; k++) {
        project = project || lab[k].id == JX_FR_PROJECT_NAME ||
                  lab[k].id == JX_FR_SUPERVISOR ||
                  lab[k].id == JX_FR_IMPLEMENTER;
        unit = unit || lab[k].id == JX_FR_UNIT_NAME;
    }
    if (!project && !unit) {
        return false; /* no head: which form this is is not known */
    }
    c->name = jx_forms_kind_name(project ? JX_FORM_PROJECT : JX_FORM_UNIT);
    size_t fstart = start < nl ? lab[start].b : hb;
    /* the prefix and the title */
    size_t tb = title_start(c, fstart);
    para(c, 0, tb);
    if (tb < fstart) {
        para(c, tb, fstart);
        const char *key = jx_text_compact(c->rc->arena, piece(c, tb, fstart));
        int y = jx_rc_title_year(key);
        if (y) {
            struct jx_prov p = at(c, tb);
            jx_rc_add_year(c->rc, y, jx_rc_prov(c->rc, &p), JX_RC_FROM_TITLE,
                           false);
        }
    }
    /* a project sheet's labels before its first own one (单位名称：…
     * 填报日期：…) and its 单位名称 as label lines, as on a cover */
    size_t fp = start;
    while (project && fp < nl && lab[fp].id != JX_FR_PROJECT_NAME &&
           lab[fp].id != JX_FR_SUPERVISOR && lab[fp].id != JX_FR_IMPLEMENTER) {
        fp++;
    }
    for (size_t j = start; project && j < nl; j++) {
        if (j >= fp && lab[j].id != JX_FR_UNIT_NAME) {
            continue;
        }
        size_t vend = j + 1 < nl ? lab[j + 1].b : hb;
        bool colon = skip_colon(c->s, lab[j].e, lab[j].e - 1) == lab[j].e ||
                     (lab[j].e - lab[j].b >= 3 &&
                      memcmp(c->s + lab[j].e - 3, "：", 3) == 0);
        const char *w = jx_sprintf(c->rc->arena, "%s%s%s",
                                   piece(c, lab[j].b, lab[j].e),
                                   colon ? "" : "：", piece(c, lab[j].e, vend));
        struct jx_prov p = at(c, lab[j].b);
        jx_doc_add_para(c->d, w, strlen(w), 0, &p);
    }
    struct jx_doc_table *t = table(c);
    int row = 0;
    if (fp < nl) {
        int col = 0;
        for (size_t j = fp; j < nl; j++) {
            if (project && lab[j].id == JX_FR_UNIT_NAME) {
                continue;
            }
            size_t vend = j + 1 < nl ? lab[j + 1].b : hb;
            cell_at(c, t, row, col++, lab[j].b, lab[j].e);
            cell_at(c, t, row, col++, lab[j].e, vend);
        }
        row++;
    }
    size_t pos = first->e;
    if (have_funds) {
        int col = 0;
        cell_at(c, t, row, col++, hb, f.b);
        for (size_t j = 0; j < f.n; j++) {
            cell_at(c, t, row, col++, f.cb[j], f.ce[j]);
        }
        row++;
        pos = funds_rows(c, t, &row, col, f.e);
    }
    jx_doc_table_end(c->d, t);
    if (!have_ind) {
        para(c, pos, c->n);
        return true;
    }
    /* between: the goals (text), then the indicator header's heading */
    size_t ib = ih.b;
    if (have_funds) {
        for (size_t p = pos; p < ih.b; p++) {
            int id = -1;
            size_t l;
            if (lead(c->s, p) &&
                (l = match(&c->ws, G_HEAD, c->s, ih.b, p, &id)) &&
                id == JX_FR_HEAD_LABEL &&
                skip_note(c->s, ih.b, p + l) == ih.b) {
                ib = p;
                break;
            }
        }
        para(c, pos, ib);
    } else {
        ib = hb;
    }
    size_t e = indicators(c, &ih, ib);
    para(c, e, c->n);
    return true;
}

/* True when line s holds two or more scoring-part rows (criterion
 * words: 决策依据, 财务制度 …) of a catalogued form that has them: a
 * scoring form whose columns interleave, left to recog_stream.c, which
 * reads it by its blocks' weights. */
static bool scoring_form_line(const struct jx_forms *forms, const char *s)
{
    for (size_t i = 0; i < forms->n; i++) {
        const struct jx_form_words *w = &forms->f[i].row[JX_FR_CRITERION];
        size_t hits = 0;
        for (size_t k = 0; k < w->n && hits < 2; k++) {
            hits += strstr(s, w->w[k]) != NULL;
        }
        if (hits >= 2) {
            return true;
        }
    }
    return false;
}

/* See recog.h. */
const struct jx_doc *jx_rc_oneline(struct jx_rc *rc,
                                   const struct jx_doc_para *p)
{
    if (!rc->forms || !rc->forms->n) {
        return NULL;
    }
    const char *s = p->text;
    size_t n = strlen(s);
    if (n < LINE_MIN || n > LINE_MAX || memchr(s, '\n', n) ||
        scoring_form_line(rc->forms, s)) {
        return NULL;
    }
    /* the catalogue's words, built on the first line looked at */
    const struct words *ws =
        jx_forms_index(rc->forms, &((struct jx_forms *)rc->forms)->oneline,
                       collect);
    struct cut c;
    memset(&c, 0, sizeof c);
    c.rc = rc;
    c.ws = *ws;
    /* first look for a header in a scratch copy, so that the lines
     * holding none (nearly all) leave nothing in the arena */
    struct jx_arena *scratch = jx_arena_new();
    c.s = jx_rc_clean(scratch, s, n);
    c.n = strlen(c.s);
    struct hdr h;
    bool any = find_header(&c, 0, false, &h);
    jx_arena_free(scratch);
    if (!any) {
        return NULL;
    }
    c.s = jx_rc_clean(rc->arena, s, n);
    c.n = strlen(c.s);
    c.base = p->prov;
    c.col = c.base.col ? c.base.col : 1;
    c.d = jx_doc_new(rc->arena, rc->file, rc->doc->source);
    if (!cut_line(&c)) {
        return NULL;
    }
    if (rc->diags) {
        const char *rows =
            c.split_rows ? jx_sprintf(rc->arena,
                                      "（%zu 行指标按各列的格式和“得分不超过"
                                      "分值”拆分）",
                                      c.split_rows)
                         : "";
        const char *msg = jx_sprintf(
            rc->arena,
            "%s整张写在一行中、没有分隔符，已按表单的列名和行名切分为各行%s；"
            "拆分所得的值标为推断",
            c.name, rows);
        finding(&c, "I424", JX_SEV_NOTE, 0, msg);
    }
    return c.d;
}
