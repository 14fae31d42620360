/*
 * recog.c - the recognisers' common ground and their entry point.
 *
 * A document (doc.h) is read as a stream of rows: every table row (its
 * logical cells left to right, a merged cell once, a cell merged from
 * above marked "carried"), and every line of every paragraph as a
 * one-cell row.  The stream is cut into segments by titles
 * ("…基础数据表", "…自评报告"), by the "附件N" headings between them and
 * by rows that can only belong to one form ("项目支出名称", "任务名称",
 * "参考评分标准" …).  Each segment then goes to its recogniser
 * (recog_forms.c, recog_rubric.c, recog_report.c).  Everything reads
 * text, never the kind of source, so a DOCX table and a table recovered
 * from text are read alike.
 *
 * Findings: I4xx (docs/ERRORS.md, section "I — import (recognisers)").
 */
#include "recognise/recog.h"
#include "recognise/recog_split.h"
#include "recognise/recognise.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 and character classes ------------------------------------ */

/* Decode the code point at s[i] (n bytes in all) into *cp; returns its
 * length (an invalid byte is returned as U+FFFD, length 1). */
static size_t dec1(const char *s, size_t n, size_t i, int32_t *cp)
{
    int k = jx_utf8_decode(s + i, n - i, cp);
    if (k <= 0) {
        *cp = 0xFFFD;
        return 1;
    }
    return (size_t)k;
}

/* True for Chinese characters, CJK and full-width punctuation and the
 * quotes, dashes and ellipsis used in Chinese text. */
static bool is_cjk(int32_t cp)
{
    return (cp >= 0x2E80 && cp <= 0x303F) || (cp >= 0x3040 && cp <= 0x30FF) ||
           (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
           (cp >= 0xFF00 && cp <= 0xFFEF) || cp == 0x2018 || cp == 0x2019 ||
           cp == 0x201C || cp == 0x201D || cp == 0x2026 || cp == 0x2014;
}

/* True for the comparison signs a figure may follow ("≥ 95%"). */
static bool is_cmp(int32_t cp)
{
    return cp == 0x2265 || cp == 0x2264 || cp == 0x2267 || cp == 0x2266 ||
           cp == '<' || cp == '>' || cp == '=';
}

/* True for white space: ASCII blanks and newlines (U+3000 and U+00A0
 * are turned into spaces before this is asked). */
static bool is_ws(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
           cp == 0x3000 || cp == 0xA0;
}

/* See recog.h. */
const char *jx_rc_after_colon(const char *v)
{
    while (*v == ' ' || *v == '\t') {
        v++;
    }
    if (jx_rc_starts(v, "：")) {
        v += strlen("：");
    } else if (*v == ':') {
        v++;
    } else {
        return NULL;
    }
    while (*v == ' ' || *v == '\t') {
        v++;
    }
    return v;
}

/* True when s starts with t. */
bool jx_rc_starts(const char *s, const char *t)
{
    return s && strncmp(s, t, strlen(t)) == 0;
}

/* True when s ends with t. */
bool jx_rc_ends(const char *s, const char *t)
{
    if (!s) {
        return false;
    }
    size_t n = strlen(s), m = strlen(t);
    return n >= m && memcmp(s + n - m, t, m) == 0;
}

/* True when s contains t. */
bool jx_rc_has(const char *s, const char *t)
{
    return s && strstr(s, t) != NULL;
}

/* ---- cleaning ------------------------------------------------------- */

/* LaTeX commands of PDF-extracted text and what they stand for. */
static const struct {
    const char *cmd;
    const char *out;
} latex[] = {
    {"geq", "≥"}, {"leq", "≤"}, {"ge", "≥"}, {"le", "≤"},
    {"times", "×"}, {"pm", "±"}, {"sim", "～"}, {"cdot", "·"},
    {"neq", "≠"}, {"ne", "≠"},
};

/* If s[i..n) starts with a mark "[bookmark: …]" or "[image: …]", the
 * length of the mark, else 0. */
static size_t mark_len(const char *s, size_t n, size_t i)
{
    static const char *const marks[] = {"[bookmark:", "[image:"};
    for (size_t k = 0; k < 2; k++) {
        size_t m = strlen(marks[k]);
        if (n - i >= m && memcmp(s + i, marks[k], m) == 0) {
            for (size_t j = i + m; j < n && j < i + m + 200; j++) {
                if (s[j] == ']') {
                    return j + 1 - i;
                }
            }
        }
    }
    return 0;
}

/* Replace marks, tags, LaTeX and odd blanks of s[0..n) into b. */
static void clean_pass1(const char *s, size_t n, struct jx_buf *b)
{
    size_t i = 0;
    while (i < n) {
        size_t m = mark_len(s, n, i);
        if (m) {
            i += m;
            continue;
        }
        if (s[i] == '<') {
            static const struct {
                const char *tag;
                char out;
            } tags[] = {{"<p>", 0}, {"</p>", '\n'}, {"<br>", '\n'},
                        {"<br/>", '\n'}, {"<br />", '\n'}};
            bool hit = false;
            for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
                size_t tl = strlen(tags[k].tag);
                if (n - i >= tl && memcmp(s + i, tags[k].tag, tl) == 0) {
                    if (tags[k].out) {
                        jx_buf_addc(b, tags[k].out);
                    }
                    i += tl;
                    hit = true;
                    break;
                }
            }
            if (hit) {
                continue;
            }
        }
        if (s[i] == '$') {
            i++;
            continue;
        }
        if (s[i] == '\\' && i + 1 < n) {
            if (s[i + 1] == '%' || s[i + 1] == '$' || s[i + 1] == '_' ||
                s[i + 1] == '&' || s[i + 1] == '#') {
                jx_buf_addc(b, s[i + 1]);
                i += 2;
                continue;
            }
            size_t j = i + 1;
            while (j < n && ((s[j] >= 'a' && s[j] <= 'z') ||
                             (s[j] >= 'A' && s[j] <= 'Z'))) {
                j++;
            }
            bool hit = false;
            for (size_t k = 0; k < sizeof latex / sizeof latex[0]; k++) {
                if (strlen(latex[k].cmd) == j - i - 1 &&
                    memcmp(s + i + 1, latex[k].cmd, j - i - 1) == 0) {
                    jx_buf_adds(b, latex[k].out);
                    while (j < n && s[j] == ' ') {
                        j++;
                    }
                    hit = true;
                    break;
                }
            }
            if (hit) {
                i = j;
                continue;
            }
        }
        if (s[i] == '\t' || s[i] == '\r') {
            jx_buf_addc(b, ' ');
            i++;
            continue;
        }
        if (n - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
            jx_buf_addc(b, ' ');
            i += 3;
            continue;
        }
        if (n - i >= 2 && memcmp(s + i, "\xC2\xA0", 2) == 0) {
            jx_buf_addc(b, ' ');
            i += 2;
            continue;
        }
        jx_buf_addc(b, s[i]);
        i++;
    }
}

/* The last code point of b (0 when empty). */
static int32_t last_cp(const struct jx_buf *b)
{
    if (!b->len) {
        return 0;
    }
    size_t i = b->len - 1;
    while (i > 0 && ((unsigned char)b->p[i] & 0xC0) == 0x80) {
        i--;
    }
    int32_t cp;
    dec1(b->p, b->len, i, &cp);
    return cp;
}

/* Append line s[0..n) to out with blanks folded: a run of blanks is
 * dropped between two Chinese characters and after a comparison sign
 * before a digit, else kept as one space; the line is trimmed.  When
 * out already holds text, the line is joined to it without a separator
 * between Chinese characters and with '\n' otherwise. */
static void clean_line(const char *s, size_t n, struct jx_buf *out)
{
    size_t i = 0;
    int32_t cp;
    while (i < n && s[i] == ' ') {
        i++;
    }
    while (n > i && s[n - 1] == ' ') {
        n--;
    }
    if (i >= n) {
        return;
    }
    dec1(s, n, i, &cp);
    if (out->len) {
        if (!(is_cjk(last_cp(out)) && is_cjk(cp))) {
            jx_buf_addc(out, '\n');
        }
    }
    int32_t prev = 0;
    while (i < n) {
        size_t k = dec1(s, n, i, &cp);
        if (cp == ' ') {
            size_t j = i;
            while (j < n && s[j] == ' ') {
                j++;
            }
            int32_t next = 0;
            dec1(s, n, j, &next);
            bool drop = (is_cjk(prev) && is_cjk(next)) ||
                        (is_cmp(prev) && next >= '0' && next <= '9');
            if (!drop) {
                jx_buf_addc(out, ' ');
            }
            i = j;
            continue;
        }
        jx_buf_add(out, s + i, k);
        prev = cp;
        i += k;
    }
}

/* True when cleaning s[0..n) (n > 0) gives it back unchanged: no byte
 * that clean_pass1 looks at (marks, tags, LaTeX, tabs, CR, U+3000,
 * U+00A0, line breaks), no blank at either end or doubled, and no
 * single blank that clean_line drops (between Chinese characters, after
 * a comparison sign before a digit).  The quick answer for the cells
 * and lines that need no cleaning, with no buffer built. */
static bool clean_already(const char *s, size_t n)
{
    if (s[0] == ' ' || s[n - 1] == ' ') {
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '[' || c == '<' || c == '$' || c == '\\' || c == '\t' ||
            c == '\r' || c == '\n' || c == '\0' ||
            (c == 0xE3 && n - i >= 3 && s[i + 1] == '\x80' &&
             s[i + 2] == '\x80') ||
            (c == 0xC2 && n - i >= 2 && s[i + 1] == '\xA0')) {
            return false;
        }
    }
    int32_t prev = 0, cp;
    for (size_t i = 0; i < n;) {
        size_t k = dec1(s, n, i, &cp);
        if (cp == ' ') {
            /* a single blank inside (the ends are not blank) */
            int32_t next = 0;
            if (s[i + 1] == ' ') {
                return false;
            }
            dec1(s, n, i + 1, &next);
            if ((is_cjk(prev) && is_cjk(next)) ||
                (is_cmp(prev) && next >= '0' && next <= '9')) {
                return false;
            }
            i++;
            continue;
        }
        prev = cp;
        i += k;
    }
    return true;
}

/* Clean s[0..n) into a new string in a, or (share) give s itself back
 * when nothing changes and s[n] ends it. */
static const char *rc_clean(struct jx_arena *a, const char *s, size_t n,
                            bool share)
{
    if (!s || !n) {
        return "";
    }
    if (clean_already(s, n)) {
        /* (nearly every cell and line) */
        return share && s[n] == '\0' ? s : jx_strndup(a, s, n);
    }
    struct jx_buf b1, b2;
    jx_buf_init(&b1, n * 3 + 16);
    jx_buf_init(&b2, n * 3 + 16);
    clean_pass1(s, n, &b1);
    size_t start = 0;
    for (size_t i = 0; i <= b1.len; i++) {
        if (i == b1.len || b1.p[i] == '\n') {
            clean_line(b1.p + start, i - start, &b2);
            start = i + 1;
        }
    }
    const char *r = share && b2.len == n && s[n] == '\0' &&
                            memcmp(b2.p, s, n) == 0
                        ? s
                        : jx_strndup(a, b2.p, b2.len);
    jx_buf_release(&b1);
    jx_buf_release(&b2);
    return r;
}

/* Clean s[0..n) (see recog.h); a new string in arena. */
const char *jx_rc_clean(struct jx_arena *a, const char *s, size_t n)
{
    return rc_clean(a, s, n, false);
}

/* s[0..n) cleaned, or s itself when unchanged and NUL-terminated at n
 * (recog.h). */
const char *jx_rc_clean_shared(struct jx_arena *a, const char *s, size_t n)
{
    return rc_clean(a, s, n, true);
}

/* True for a cell that says "nothing here". */
bool jx_rc_blank(const char *text)
{
    if (!text) {
        return true;
    }
    size_t n = strlen(text);
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = dec1(text, n, i, &cp);
        if (!(is_ws(cp) || cp == '/' || cp == 0xFF0F || cp == '\\' ||
              cp == 0x2026 || cp == 0x22EF || cp == '.' || cp == '-' ||
              cp == 0x2014 || cp == 0x2013 || cp == 0xFF0D || cp == '_' ||
              cp == 0x00B7 || cp == 0x3002)) {
            return false;
        }
        i += k;
    }
    return true;
}

/* Join a and b (see recog.h). */
const char *jx_rc_join(struct jx_arena *ar, const char *a, const char *b,
                       const char *sep)
{
    if (!a || !*a) {
        return b;
    }
    if (!b || !*b) {
        return a;
    }
    struct jx_buf t;
    jx_buf_init(&t, strlen(a) + strlen(b) + strlen(sep) + 8);
    jx_buf_adds(&t, a);
    int32_t cp;
    dec1(b, strlen(b), 0, &cp);
    if (!(is_cjk(last_cp(&t)) && is_cjk(cp))) {
        jx_buf_adds(&t, sep);
    }
    jx_buf_adds(&t, b);
    const char *r = jx_strndup(ar, t.p, t.len);
    jx_buf_release(&t);
    return r;
}

/* Join a continuation to a field, within bounds (see recog.h). */
void jx_rc_append(struct jx_arena *ar, const char **field, const char *b,
                  const char *sep, unsigned *count)
{
    if (*count >= JX_RC_MAX_MORE ||
        (*field && strlen(*field) > JX_RC_MAX_JOINED)) {
        return;
    }
    (*count)++;
    *field = jx_rc_join(ar, *field, b, sep);
}

/* ---- provenance and findings ---------------------------------------- */

/* A copy of p in the arena with the document's file name. */
const struct jx_prov *jx_rc_prov(struct jx_rc *rc, const struct jx_prov *p)
{
    struct jx_prov *q = jx_alloc(rc->arena, sizeof *q);
    if (p) {
        *q = *p;
        q->sheet = jx_strdup(rc->arena, p->sheet);
        q->cell = jx_strdup(rc->arena, p->cell);
    }
    q->file = rc->file;
    return q;
}

/* Order tables by the address of their cell arrays. */
static int tab_cmp(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const struct jx_rc_tab *)a)->b;
    uintptr_t y = (uintptr_t)((const struct jx_rc_tab *)b)->b;
    return x < y ? -1 : x > y;
}

/* The table whose cell array holds dc (registered by table_rows). */
static const struct jx_doc_table *table_of(struct jx_rc *rc,
                                           const struct jx_doc_cell *dc)
{
    if (!rc->tabs_sorted) {
        qsort(rc->tabs, rc->ntabs, sizeof *rc->tabs, tab_cmp);
        rc->tabs_sorted = true;
    }
    uintptr_t p = (uintptr_t)dc;
    size_t lo = 0, hi = rc->ntabs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((uintptr_t)rc->tabs[mid].b <= p) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0 || p >= (uintptr_t)rc->tabs[lo - 1].e) {
        return NULL;
    }
    return rc->tabs[lo - 1].t;
}

/* A new extended cell in rc's arena with these fields (see recog.h). */
static struct jx_rc_xcell *new_x_in(struct jx_arena *a, struct jx_rc_cell *c,
                                    const char *text, const char *key,
                                    int col, int span, bool carried)
{
    struct jx_rc_xcell *x = jx_alloc(a, sizeof *x);
    x->text = text;
    x->key = key;
    x->col = col;
    x->span = (short)(span > SHRT_MAX ? SHRT_MAX : span);
    x->carried = carried;
    c->ref = (uintptr_t)x | 1u;
    return x;
}

/* As new_x_in, in rc's arena. */
static struct jx_rc_xcell *new_x(struct jx_rc *rc, struct jx_rc_cell *c,
                                 const char *text, const char *key, int col,
                                 int span, bool carried)
{
    return new_x_in(rc->arena, c, text, key, col, span, carried);
}

/* See recog.h. */
void jx_rc_cell_new(struct jx_rc *rc, struct jx_rc_cell *c, const char *text,
                    const char *key, const struct jx_prov *p, int col, int span,
                    bool carried)
{
    new_x(rc, c, text, key, col, span, carried)->at.prov = p;
}

/* The document cell of c when its provenance is still to be made, or
 * NULL. */
static const struct jx_doc_cell *doc_cell_of(const struct jx_rc_cell *c)
{
    const struct jx_rc_xcell *x = jx_rcc_x(c);
    if (x) {
        return x->in_doc ? x->at.dc : NULL;
    }
    return jx_rcc_dc(c);
}

/* Where a logical cell is (recog.h); made once for a table cell. */
const struct jx_prov *jx_rc_cell_prov(struct jx_rc *rc,
                                      const struct jx_rc_cell *c)
{
    const struct jx_doc_cell *dc = doc_cell_of(c);
    if (!dc) {
        const struct jx_rc_xcell *x = jx_rcc_x(c);
        return x ? x->at.prov : NULL;
    }
    const struct jx_doc_table *t = table_of(rc, dc);
    struct jx_prov *q = jx_alloc(rc->arena, sizeof *q);
    if (t) {
        *q = jx_doc_cell_prov(rc->arena, rc->doc, t, dc);
        if (rc->arena != rc->doc->arena) {
            q->sheet = jx_strdup(rc->arena, q->sheet);
        }
    }
    q->file = rc->file;
    /* kept: the cell lives in rc's arena (the const is the readers') */
    struct jx_rc_cell *m = (struct jx_rc_cell *)c;
    struct jx_rc_xcell *x = (struct jx_rc_xcell *)jx_rcc_x(c);
    if (!x) {
        x = new_x(rc, m, dc->text, dc->text, dc->col, dc->colspan, false);
    }
    x->at.prov = q;
    x->in_doc = false;
    return q;
}

/* Where a logical cell is, made for a moment (recog.h). */
struct jx_prov jx_rc_cell_where(struct jx_rc *rc, const struct jx_rc_cell *c,
                                char a1[16])
{
    struct jx_prov p;
    const struct jx_doc_cell *dc = doc_cell_of(c);
    if (!dc) {
        return *jx_rc_cell_prov(rc, c);
    }
    const struct jx_doc_table *t = table_of(rc, dc);
    if (t) {
        p = jx_doc_cell_prov_tmp(rc->doc, t, dc, a1);
    } else {
        memset(&p, 0, sizeof p);
    }
    p.file = rc->file;
    return p;
}

/* See recog.h. */
void jx_rc_cell_retext(struct jx_rc *rc, struct jx_rc_cell *d,
                       const struct jx_rc_cell *c, const char *text,
                       const char *key)
{
    const struct jx_doc_cell *dc = doc_cell_of(c);
    const struct jx_rc_xcell *x0 = jx_rcc_x(c);
    const struct jx_prov *p = !dc && x0 ? x0->at.prov : NULL;
    struct jx_rc_xcell *x = new_x(rc, d, text, key, jx_rcc_col(c),
                                  jx_rcc_span(c), jx_rcc_carried(c));
    if (dc) {
        x->at.dc = dc;
        x->in_doc = true;
    } else {
        x->at.prov = p;
    }
}

/* Set where a logical cell is (recog.h). */
void jx_rc_cell_set_prov(struct jx_rc *rc, struct jx_rc_cell *c,
                         const struct jx_prov *p)
{
    jx_rc_cell_new(rc, c, jx_rcc_text(c), jx_rcc_key(c), p, jx_rcc_col(c),
                   jx_rcc_span(c), jx_rcc_carried(c));
}

/* Add a finding at a cell, when there is a list to add it to. */
static struct jx_diag *finding(struct jx_rc *rc, const char *code,
                               enum jx_severity sev,
                               const struct jx_prov *p, const char *fmt,
                               ...) JX_PRINTF(5, 6);

/* Add a finding (see above); returns the entry or NULL. */
static struct jx_diag *finding(struct jx_rc *rc, const char *code,
                               enum jx_severity sev,
                               const struct jx_prov *p, const char *fmt,
                               ...)
{
    if (!rc->diags) {
        return NULL;
    }
    struct jx_loc l = jx_prov_loc(p, NULL, NULL);
    va_list ap;
    va_start(ap, fmt);
    const char *msg = jx_vsprintf(rc->arena, fmt, ap);
    va_end(ap);
    return jx_diag_add(rc->diags, code, sev, &l, "%s", msg);
}

/* ---- values from cells ---------------------------------------------- */

/* A text value from a cell. */
void jx_rc_text(struct jx_rc *rc, const struct jx_rc_cell *c,
                struct jx_text *out)
{
    out->s = NULL;
    out->prov = NULL;
    if (!c || jx_rc_blank(jx_rcc_text(c))) {
        return;
    }
    out->s = jx_rcc_text(c);
    out->prov = jx_rc_cell_prov(rc, c);
    rc->found = true;
}

/* True for the words a number cell may hold instead of a number. */
static bool blank_word(const char *key)
{
    return strcmp(key, "无") == 0 || strcmp(key, "不适用") == 0 ||
           strcmp(key, "空") == 0;
}

/* The number text of a cell without white space, in *out (arena);
 * *inner is set when white space stood between two digits or points
 * (a PDF artefact). */
static const char *number_text(struct jx_rc *rc, const char *t, bool *inner)
{
    size_t n = strlen(t);
    char *r = jx_alloc(rc->arena, n + 1);
    size_t o = 0;
    *inner = false;
    char prev = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = dec1(t, n, i, &cp);
        if (is_ws(cp)) {
            size_t j = i + k;
            while (j < n && (t[j] == ' ' || t[j] == '\n')) {
                j++;
            }
            char next = j < n ? t[j] : 0;
            bool pd = (prev >= '0' && prev <= '9') || prev == '.' ||
                      prev == ',';
            bool nd = (next >= '0' && next <= '9') || next == '.' ||
                      next == ',';
            if (pd && nd) {
                *inner = true;
            }
            i = j;
            continue;
        }
        memcpy(r + o, t + i, k);
        o += k;
        prev = t[i];
        i += k;
    }
    r[o] = '\0';
    return r;
}

/* s with runs of '.' folded to one (a new string in arena), or NULL
 * when there is no run. */
static const char *fold_points(struct jx_rc *rc, const char *s)
{
    if (!strstr(s, "..")) {
        return NULL;
    }
    size_t n = strlen(s);
    char *r = jx_alloc(rc->arena, n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.' && o > 0 && r[o - 1] == '.') {
            continue;
        }
        r[o++] = s[i];
    }
    r[o] = '\0';
    return r;
}

/* The note that a number was read after repairing its text. */
static void note_repair(struct jx_rc *rc, const struct jx_rc_cell *c,
                        const char *fixed)
{
    finding(rc, "I402", JX_SEV_NOTE, jx_rc_cell_prov(rc, c),
            "数字“%s”中有多余的空格或小数点，按“%s”读取", jx_rcc_text(c),
            fixed);
}

/* If s is a binary-float artifact ("0.0900000762939453"), its decimal
 * in *fixed and *v (see jx_split_float) and a provenance saying it was
 * inferred in *prov, with a note I423; false otherwise. */
static bool float_fix(struct jx_rc *rc, const struct jx_rc_cell *c,
                      const char *s, const char **fixed, struct jx_rat *v,
                      const struct jx_prov **prov)
{
    if (jx_split_float(rc->arena, s, strlen(s), fixed, v) != 1) {
        return false;
    }
    struct jx_prov *p = (struct jx_prov *)jx_rc_prov(rc, jx_rc_cell_prov(rc,
                                                                         c));
    p->how = JX_HOW_FLOAT;
    p->raw = jx_rcc_text(c);
    *prov = p;
    finding(rc, "I423", JX_SEV_NOTE, jx_rc_cell_prov(rc, c),
            "数字“%s”是二进制浮点数的误差形式，按“%s”读取", jx_rcc_text(c),
            *fixed);
    return true;
}

/* An amount from a cell (see recog.h). */
int jx_rc_money(struct jx_rc *rc, const struct jx_rc_cell *c,
                enum jx_money_unit unit, struct jx_amt *out)
{
    memset(out, 0, sizeof *out);
    if (!c || jx_rc_blank(jx_rcc_text(c)) || blank_word(jx_rcc_key(c))) {
        return 0;
    }
    bool inner;
    const char *s = number_text(rc, jx_rcc_text(c), &inner);
    size_t ep = 0;
    enum jx_numerr e = jx_money_parse(s, strlen(s), unit, &out->v, &ep);
    if (e != JX_NUM_OK) {
        const char *f = fold_points(rc, s);
        if (f && jx_money_parse(f, strlen(f), unit, &out->v, &ep) ==
                     JX_NUM_OK) {
            s = f;
            e = JX_NUM_OK;
            inner = true;
        }
    }
    const struct jx_prov *fprov = NULL;
    const char *fixed;
    struct jx_rat fv;
    if (e == JX_NUM_PRECISION && float_fix(rc, c, s, &fixed, &fv, &fprov) &&
        jx_money_parse(fixed, strlen(fixed), unit, &out->v, &ep) ==
            JX_NUM_OK) {
        e = JX_NUM_OK;
    }
    if (e != JX_NUM_OK) {
        memset(out, 0, sizeof *out);
        finding(rc, "I401", JX_SEV_ERROR, jx_rc_cell_prov(rc, c),
                "金额“%s”无法读取：%s", jx_rcc_text(c), jx_numerr_zh(e));
        return -1;
    }
    if (inner) {
        note_repair(rc, c, s);
    }
    out->present = true;
    out->prov = fprov ? fprov : jx_rc_cell_prov(rc, c);
    rc->found = true;
    return 1;
}

/* Parse s as a rational with an optional "%"; strips a trailing "分"
 * first when points is true. */
static enum jx_numerr parse_rat(const char *s, bool points, struct jx_rat *v,
                                bool *pct)
{
    size_t n = strlen(s);
    if (points && jx_rc_ends(s, "分")) {
        n -= strlen("分");
    }
    size_t ep;
    return jx_rat_parse(s, n, v, pct, &ep);
}

/* A number or rate from a cell: the common part of jx_rc_num and
 * jx_rc_rate. */
static int read_num(struct jx_rc *rc, const struct jx_rc_cell *c, bool rate,
                    struct jx_num *out)
{
    memset(out, 0, sizeof *out);
    if (!c || jx_rc_blank(jx_rcc_text(c)) || blank_word(jx_rcc_key(c))) {
        return 0;
    }
    bool inner, pct = false;
    const char *s = number_text(rc, jx_rcc_text(c), &inner);
    enum jx_numerr e = parse_rat(s, !rate, &out->v, rate ? &pct : NULL);
    if (e != JX_NUM_OK) {
        const char *f = fold_points(rc, s);
        if (f && parse_rat(f, !rate, &out->v, rate ? &pct : NULL) ==
                     JX_NUM_OK) {
            s = f;
            e = JX_NUM_OK;
            inner = true;
        }
    }
    if (e != JX_NUM_OK) {
        memset(out, 0, sizeof *out);
        finding(rc, "I401", JX_SEV_ERROR, jx_rc_cell_prov(rc, c),
                rate ? "比率“%s”无法读取：%s" : "数字“%s”无法读取：%s",
                jx_rcc_text(c), jx_numerr_zh(e));
        return -1;
    }
    if (inner) {
        note_repair(rc, c, s);
    }
    const struct jx_prov *fprov = NULL;
    const char *fixed;
    struct jx_rat fv;
    if (float_fix(rc, c, s, &fixed, &fv, &fprov)) {
        out->v = fv;
    }
    if (rate && !pct && jx_rat_cmp(out->v, jx_rat_int(1)) > 0) {
        struct jx_rat q;
        if (jx_rat_div(out->v, jx_rat_int(100), &q) == JX_NUM_OK) {
            out->v = q;
            finding(rc, "I412", JX_SEV_NOTE, jx_rc_cell_prov(rc, c),
                    "比率“%s”没有百分号，按“%s%%”读取", jx_rcc_text(c), s);
        }
    }
    out->present = true;
    out->prov = fprov ? fprov : jx_rc_cell_prov(rc, c);
    rc->found = true;
    return 1;
}

/* A number from a cell. */
int jx_rc_num(struct jx_rc *rc, const struct jx_rc_cell *c,
              struct jx_num *out)
{
    return read_num(rc, c, false, out);
}

/* A rate from a cell. */
int jx_rc_rate(struct jx_rc *rc, const struct jx_rc_cell *c,
               struct jx_num *out)
{
    return read_num(rc, c, true, out);
}

/* A whole count from a cell. */
int jx_rc_count(struct jx_rc *rc, const struct jx_rc_cell *c,
                struct jx_count *out)
{
    memset(out, 0, sizeof *out);
    if (!c || jx_rc_blank(jx_rcc_text(c)) || blank_word(jx_rcc_key(c))) {
        return 0;
    }
    bool inner;
    const char *s = number_text(rc, jx_rcc_text(c), &inner);
    size_t n = strlen(s);
    static const char *const units[] = {"人", "个", "名"};
    for (size_t k = 0; k < 3; k++) {
        if (jx_rc_ends(s, units[k])) {
            n -= strlen(units[k]);
            break;
        }
    }
    struct jx_rat v;
    size_t ep;
    enum jx_numerr e = jx_rat_parse(s, n, &v, NULL, &ep);
    if (e == JX_NUM_OK && (!jx_rat_is_int(v) || v.num < 0)) {
        e = JX_NUM_SYNTAX;
    }
    if (e != JX_NUM_OK) {
        finding(rc, "I401", JX_SEV_ERROR, jx_rc_cell_prov(rc, c),
                "人数“%s”无法读取：%s", jx_rcc_text(c),
                e == JX_NUM_SYNTAX ? "不是非负整数" : jx_numerr_zh(e));
        return -1;
    }
    if (inner) {
        note_repair(rc, c, s);
    }
    out->present = true;
    out->v = v.num;
    out->prov = jx_rc_cell_prov(rc, c);
    rc->found = true;
    return 1;
}

/* True when s is a plain decimal number (no unit). */
bool jx_rc_is_number(const char *s, struct jx_rat *out)
{
    struct jx_rat v;
    size_t ep;
    if (!s || !*s) {
        return false;
    }
    if (jx_rat_parse(s, strlen(s), &v, NULL, &ep) != JX_NUM_OK) {
        return false;
    }
    if (out) {
        *out = v;
    }
    return true;
}

/* Parse a date at the start of s. */
bool jx_rc_date(const char *s, int *y, int *m, int *d)
{
    int v[3] = {0, 0, 0};
    size_t i = 0;
    for (int k = 0; k < 3; k++) {
        while (s[i] == ' ') {
            i++;
        }
        size_t nd = 0;
        while (s[i] >= '0' && s[i] <= '9' && nd < 5) {
            v[k] = v[k] * 10 + (s[i] - '0');
            i++;
            nd++;
        }
        if (nd == 0 || (k == 0 && nd != 4) || (k > 0 && nd > 2)) {
            return false;
        }
        while (s[i] == ' ') {
            i++;
        }
        if (k < 2) {
            if (s[i] == '.' || s[i] == '-' || s[i] == '/') {
                i++;
            } else if (jx_rc_starts(s + i, "年") && k == 0) {
                i += strlen("年");
            } else if (jx_rc_starts(s + i, "月") && k == 1) {
                i += strlen("月");
            } else if (jx_rc_starts(s + i, "．")) {
                i += strlen("．");
            } else {
                return false;
            }
        }
    }
    static const int mdays[12] = {31, 29, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31};
    if (v[0] < 1900 || v[0] > 2199 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
        v[2] > mdays[v[1] - 1]) {
        return false;
    }
    bool leap = (v[0] % 4 == 0 && v[0] % 100 != 0) || v[0] % 400 == 0;
    if (v[1] == 2 && v[2] == 29 && !leap) {
        return false;
    }
    *y = v[0];
    *m = v[1];
    *d = v[2];
    return true;
}

/* ---- candidates ----------------------------------------------------- */

/* Most candidate names or years kept. */
#define MAX_CANDS 64

/* Append a candidate to an array (at most MAX_CANDS). */
static void add_cand(struct jx_rc *rc, struct jx_rc_cand **a, size_t *n,
                     size_t *cap, const struct jx_rc_cand *c)
{
    if (*n >= MAX_CANDS) {
        return;
    }
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        struct jx_rc_cand *b = jx_alloc_array(rc->arena, ncap, sizeof *b);
        if (*n) {
            memcpy(b, *a, *n * sizeof *b);
        }
        *a = b;
        *cap = ncap;
    }
    (*a)[(*n)++] = *c;
}

/* Record a unit name found somewhere. */
void jx_rc_add_name(struct jx_rc *rc, const char *name,
                    const struct jx_prov *prov, enum jx_rc_prio prio,
                    bool report_title)
{
    name = jx_rc_unit_name(rc->arena, name);
    if (!name || jx_rc_blank(name)) {
        return;
    }
    struct jx_rc_cand c = {.name = name, .prov = prov, .prio = prio,
                           .report_title = report_title};
    add_cand(rc, &rc->names, &rc->nnames, &rc->capnames, &c);
}

/* Record a year found somewhere. */
void jx_rc_add_year(struct jx_rc *rc, int64_t year,
                    const struct jx_prov *prov, enum jx_rc_prio prio,
                    bool report_title)
{
    if (year < 1900 || year > 2199) {
        return;
    }
    struct jx_rc_cand c = {.year = year, .prov = prov, .prio = prio,
                           .report_title = report_title};
    add_cand(rc, &rc->years, &rc->nyears, &rc->capyears, &c);
}

/* ---- rows ----------------------------------------------------------- */

/* Append an empty row and return it. */
static struct jx_rc_row *add_row(struct jx_rc *rc)
{
    /* the outgrown array is given back: rows are built before any
       pointer into them is taken */
    rc->rows = jx_arena_regrow_unset(rc->arena, rc->rows, rc->nrows,
                                     &rc->caprows, sizeof *rc->rows);
    struct jx_rc_row *r = &rc->rows[rc->nrows++];
    memset(r, 0, sizeof *r);
    r->seg = -1;
    return r;
}

/* Fill a paragraph line's logical cell from text, its extended cell in
 * rc->scratch (given back with the rows; text, key and provenance in
 * rc->arena, where the package may keep them).  Its provenance is p
 * itself when p lives as long as the package (stable: a document cell
 * in the same arena, naming the same file; a sheet cell's sheet and A1
 * names live in the document's arena too), else a copy. */
static void set_cell(struct jx_rc *rc, struct jx_rc_cell *c, const char *s,
                     size_t n, const struct jx_prov *p, bool stable)
{
    /* the line or cell itself when it is clean and compact: s lives as
       long as the rows (their line records point into it) */
    const char *text = jx_rc_clean_shared(rc->arena, s, n);
    const char *key = jx_text_compact_shared(rc->arena, text);
    if (stable && rc->arena == rc->doc->arena && p && p->file &&
        strcmp(p->file, rc->file) == 0) {
        new_x_in(rc->scratch, c, text, key, 0, 1, false)->at.prov = p;
    } else {
        new_x_in(rc->scratch, c, text, key, 0, 1, false)->at.prov =
            jx_rc_prov(rc, p);
    }
}

/* The rows of one paragraph: one per non-blank line.  own: p is a
 * paragraph of rc->doc (not of a form cut from a line), whose
 * provenance a first line that starts the paragraph shares. */
static void para_rows(struct jx_rc *rc, const struct jx_doc_para *p,
                      bool own)
{
    const char *s = p->text;
    size_t n = strlen(s), start = 0;
    size_t line = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\n') {
            continue;
        }
        size_t b = start, e = i;
        while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) {
            b++;
        }
        while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
                         s[e - 1] == '\r')) {
            e--;
        }
        if (e > b) {
            struct jx_rc_row *r = add_row(rc);
            struct jx_rc_line *ln = jx_alloc(rc->scratch, sizeof *ln);
            ln->para = p;
            ln->raw = s + b;
            ln->rawlen = (uint32_t)(e - b);
            r->line = ln;
            r->cells = jx_alloc(rc->scratch, sizeof *r->cells);
            r->n = 1;
            struct jx_prov pv = p->prov;
            if (line > 0) {
                pv.line = p->prov.line ? p->prov.line + (int)line : 0;
                pv.col = p->prov.line ? 1 + (int)jx_utf8_count(s + start,
                                                               b - start)
                                      : 0;
            } else if (pv.line) {
                pv.col = (pv.col ? pv.col : 1) +
                         (int)jx_utf8_count(s + start, b - start);
            }
            if (own && line == 0 && pv.line == p->prov.line &&
                pv.col == p->prov.col) {
                /* the paragraph's own provenance, not a copy per line */
                set_cell(rc, &r->cells[0], s + b, e - b, &p->prov, true);
            } else {
                set_cell(rc, &r->cells[0], s + b, e - b, &pv, false);
            }
            r->end = 1;
        }
        line++;
        start = i + 1;
    }
}

/* The rows of one table: the logical cells of every grid row. */
static void table_rows(struct jx_rc *rc, const struct jx_doc_table *t)
{
    if (!t->grid || t->nrows <= 0 || t->ncols <= 0) {
        return;
    }
    rc->tabs = jx_arena_regrow(rc->arena, rc->tabs, rc->ntabs, &rc->captabs,
                               sizeof *rc->tabs);
    rc->tabs[rc->ntabs].b = t->cells;
    rc->tabs[rc->ntabs].e = t->cells + t->ncells;
    rc->tabs[rc->ntabs++].t = t;
    rc->tabs_sorted = false;
    if (t->nrows > 1024) {
        /* a large table's rows in one step, not by doubling (which
           leaves up to half the array unused) */
        rc->rows = jx_arena_reserve(rc->arena, rc->rows, rc->nrows,
                                    &rc->caprows, sizeof *rc->rows,
                                    rc->nrows + (size_t)t->nrows);
    }
    bool prev_cont = false; /* row r - 1 was kept and only continued */
    bool prev_none = false; /* row r - 1 had no cell */
    size_t rowbytes = (size_t)t->ncols * sizeof *t->grid;
    for (int r = 0; r < t->nrows; r++) {
        /* the grid row read directly (doc.h: 1 + the index of the
           covering cell, 0 for none), not by jx_doc_cell_at per
           position: a wide table's rows are walked twice */
        const uint32_t *g = t->grid + (size_t)r * (size_t)t->ncols;
        if (r > 0 && (prev_cont || prev_none) &&
            memcmp(g, g - t->ncols, rowbytes) == 0) {
            /* covered as the row above, which had no cell or only
               continued cells (the checks below would skip it too) */
            continue;
        }
        prev_none = false;
        size_t n = 0;
        bool cont = true, same = r > 0;
        for (int c = 0; c < t->ncols; c++) {
            bool here = g[c] && t->cells[g[c] - 1].col == c;
            if (here) {
                n++;
                cont = cont && t->cells[g[c] - 1].row != r;
            }
            if (same) {
                const uint32_t *p = g - t->ncols;
                bool there = p[c] && t->cells[p[c] - 1].col == c;
                same = here == there && (!here || p[c] == g[c]);
            }
        }
        if (!n) {
            prev_cont = false;
            prev_none = true;
            continue;
        }
        if (cont && same && prev_cont) {
            /* the same cells as the row above, which itself only
               continued cells from further up: a merge running on past
               the rest of the table (a damaged or padded sheet can
               stretch one over 60,000 empty rows) is read once */
            continue;
        }
        prev_cont = cont;
        struct jx_rc_row *row = add_row(rc);
        row->table = t;
        row->row = r;
        row->cells = jx_alloc_array(rc->arena, n, sizeof *row->cells);
        for (int c = 0; c < t->ncols; c++) {
            const struct jx_doc_cell *dc = g[c] ? &t->cells[g[c] - 1] : NULL;
            if (!dc || dc->col != c) {
                continue;
            }
            struct jx_rc_cell *cell = &row->cells[row->n++];
            const char *text =
                jx_rc_clean_shared(rc->arena, dc->text, strlen(dc->text));
            const char *key = jx_text_compact_shared(rc->arena, text);
            if (text == dc->text && key == text && dc->row == r) {
                /* read in place: most cells */
                cell->ref = (uintptr_t)dc;
            } else {
                struct jx_rc_xcell *x =
                    new_x(rc, cell, text, key, c, dc->colspan, dc->row != r);
                x->at.dc = dc;
                x->in_doc = true;
            }
            if (c + dc->colspan > row->end) {
                row->end = c + dc->colspan;
            }
        }
    }
}

/* The cell under header column col (see recog.h). */
const struct jx_rc_cell *jx_rc_under(const struct jx_rc_row *r, int col,
                                     int hdr_end)
{
    if (col < 0) {
        return NULL;
    }
    int shift = r->end < hdr_end ? hdr_end - r->end : 0;
    for (size_t i = 0; i < r->n; i++) {
        int c0 = jx_rcc_col(&r->cells[i]) + shift;
        if (col >= c0 && col < c0 + jx_rcc_span(&r->cells[i])) {
            return &r->cells[i];
        }
    }
    return NULL;
}

/* The first non-blank cell after index i. */
const struct jx_rc_cell *jx_rc_next_filled(const struct jx_rc_row *r,
                                           size_t i)
{
    for (size_t k = i + 1; k < r->n; k++) {
        if (!jx_rc_blank(jx_rcc_text(&r->cells[k]))) {
            return &r->cells[k];
        }
    }
    return NULL;
}

/* The first non-blank cell. */
const struct jx_rc_cell *jx_rc_first_filled(const struct jx_rc_row *r)
{
    for (size_t k = 0; k < r->n; k++) {
        if (!jx_rc_blank(jx_rcc_text(&r->cells[k]))) {
            return &r->cells[k];
        }
    }
    return NULL;
}

/* ---- segments ------------------------------------------------------- */

/* Code points of s. */
static size_t cps(const char *s)
{
    return jx_utf8_count(s, strlen(s));
}

/* True when key starts with a list number: "1、", "2.", "(3)", "（4）". */
static bool list_item(const char *key)
{
    size_t i = 0;
    if (jx_rc_starts(key, "(") || jx_rc_starts(key, "（")) {
        return true;
    }
    while (key[i] >= '0' && key[i] <= '9') {
        i++;
    }
    if (!i) {
        return false;
    }
    return jx_rc_starts(key + i, "、") || key[i] == '.' ||
           jx_rc_starts(key + i, "．") || key[i] == ')' ||
           jx_rc_starts(key + i, "）");
}

/* True for an attachment heading alone: "附件3", "附件 3". */
static bool attachment_heading(const char *key)
{
    if (!jx_rc_starts(key, "附件")) {
        return false;
    }
    const char *s = key + strlen("附件");
    if (!*s) {
        return false;
    }
    while (*s >= '0' && *s <= '9') {
        s++;
    }
    return *s == '\0';
}

/* The title kind of a key (see recog.h). */
enum jx_rc_kind jx_rc_title_kind(const char *key)
{
    if (!key || !*key || cps(key) > 70 || list_item(key)) {
        return JX_RC_NONE;
    }
    if (jx_rc_starts(key, "附件：") || jx_rc_starts(key, "附件:") ||
        jx_rc_has(key, "。") || jx_rc_has(key, "《") ||
        jx_rc_has(key, "，") || jx_rc_has(key, "；")) {
        return JX_RC_NONE;
    }
    if (jx_rc_has(key, "考核评分表")) {
        return JX_RC_ASSESS;
    }
    if (jx_rc_has(key, "目标完成情况") && jx_rc_has(key, "表")) {
        return JX_RC_GOALS;
    }
    if (jx_rc_has(key, "评分表")) {
        return JX_RC_DEPT;
    }
    if (jx_rc_has(key, "基础数据表")) {
        return JX_RC_BASE;
    }
    if (jx_rc_has(key, "项目支出绩效自评表") ||
        jx_rc_has(key, "项目支出绩效评价表")) {
        return JX_RC_PROJECT;
    }
    if (jx_rc_has(key, "整体支出绩效自评表")) {
        return JX_RC_UNIT;
    }
    if ((jx_rc_ends(key, "报告") && (jx_rc_has(key, "自评") ||
                                     jx_rc_has(key, "评价"))) ||
        jx_rc_has(key, "绩效自评报告") || jx_rc_has(key, "绩效评价报告")) {
        return JX_RC_REPORT;
    }
    return JX_RC_NONE;
}

/* The kind a table row can only belong to, given the current kind, or
 * JX_RC_NONE.  *fresh is set when the row starts another form of the
 * same kind (a second 项目支出名称). */
static enum jx_rc_kind row_anchor(const struct jx_rc_row *r,
                                  enum jx_rc_kind cur, bool seen_name,
                                  bool *fresh)
{
    *fresh = false;
    bool std = false, l1std = false;
    for (size_t i = 0; i < r->n; i++) {
        const char *k = jx_rcc_key(&r->cells[i]);
        if (jx_rc_has(k, "评分标准")) {
            std = true;
        }
        if (jx_rc_starts(k, "一级标准")) {
            l1std = true;
        }
    }
    for (size_t i = 0; i < r->n; i++) {
        const char *k = jx_rcc_key(&r->cells[i]);
        enum jx_rc_kind t = jx_rc_title_kind(k);
        if (t != JX_RC_NONE && t != JX_RC_REPORT) {
            return t;
        }
        if (jx_rc_starts(k, "项目支出名称")) {
            if (cur == JX_RC_PROJECT && seen_name) {
                *fresh = true;
            }
            return JX_RC_PROJECT;
        }
        if (jx_rc_starts(k, "按收入性质分") && cur != JX_RC_UNIT) {
            return JX_RC_UNIT;
        }
        if (jx_rc_starts(k, "财政供养人员情况") ||
            jx_rc_starts(k, "经费控制情况")) {
            return JX_RC_BASE;
        }
        if (jx_rc_starts(k, "任务名称") || jx_rc_starts(k, "年度主要任务")) {
            return JX_RC_GOALS;
        }
        if (jx_rc_has(k, "参考评分标准") || jx_rc_starts(k, "指标说明")) {
            return JX_RC_DEPT;
        }
        if (l1std && std) {
            return JX_RC_ASSESS;
        }
        if (jx_rc_starts(k, "年度资金总额") && cur != JX_RC_UNIT &&
            cur != JX_RC_PROJECT) {
            return JX_RC_UNIT;
        }
    }
    return JX_RC_NONE;
}

/* True when a cell of r holds a form title (a strong anchor). */
static bool strong_anchor(const struct jx_rc_row *r)
{
    for (size_t i = 0; i < r->n; i++) {
        enum jx_rc_kind t = jx_rc_title_kind(jx_rcc_key(&r->cells[i]));
        if (t != JX_RC_NONE && t != JX_RC_REPORT) {
            return true;
        }
    }
    return false;
}

/* Start a new segment of kind k at row i. */
static void new_seg(struct jx_rc *rc, enum jx_rc_kind k, size_t i,
                    bool titled)
{
    if (rc->nsegs) {
        rc->segs[rc->nsegs - 1].last = i;
    }
    if (rc->nsegs == rc->capsegs) {
        size_t ncap = rc->capsegs ? rc->capsegs * 2 : 16;
        struct jx_rc_seg *b = jx_alloc_array(rc->arena, ncap, sizeof *b);
        if (rc->nsegs) {
            memcpy(b, rc->segs, rc->nsegs * sizeof *b);
        }
        rc->segs = b;
        rc->capsegs = ncap;
    }
    struct jx_rc_seg *s = &rc->segs[rc->nsegs++];
    s->kind = k;
    s->first = i;
    s->last = rc->nrows;
    s->title = titled ? i : SIZE_MAX;
}

/* True when a paragraph line opens a report without a title: "一、" and
 * a first-section title such as 单位基本情况. */
static bool report_opening(const char *key)
{
    return jx_rc_starts(key, "一、") && jx_rc_has(key, "基本情况") &&
           cps(key) <= 20;
}

/* Most rows of a table looked at for the header of a form without a
 * title. */
#define UNTITLED_ROWS 16u

/* True when a cell of r starts with a word of the rows ids[0..n) of a
 * form of kind k in the catalogue. */
static bool kind_row(const struct jx_rc *rc, const struct jx_rc_row *r,
                     enum jx_form_kind k, const enum jx_form_row *ids,
                     size_t n)
{
    for (size_t f = 0; f < rc->forms->n; f++) {
        const struct jx_form *fm = &rc->forms->f[f];
        if (fm->kind != k) {
            continue;
        }
        for (size_t c = 0; c < r->n; c++) {
            for (size_t j = 0; j < n; j++) {
                if (jx_form_words_starts(&fm->row[ids[j]],
                                         jx_rcc_key(&r->cells[c]))) {
                    return true;
                }
            }
        }
    }
    return false;
}

/* True when r is the funds header of a form of kind k (it names the
 * budget, the execution and the rate columns of one form) or its
 * indicator header (三级指标, a target or actual value column and a
 * points or score column). */
static bool funds_header_of(const struct jx_rc *rc, const struct jx_rc_row *r,
                            enum jx_form_kind k)
{
    for (size_t f = 0; f < rc->forms->n; f++) {
        const struct jx_form *fm = &rc->forms->f[f];
        if (fm->kind != k) {
            continue;
        }
        bool full = false, exec = false, rate = false, l3 = false,
             value = false, pts = false;
        for (size_t c = 0; c < r->n; c++) {
            int col = jx_form_col_of(fm, jx_rcc_key(&r->cells[c]));
            full = full || col == JX_FC_BUDGET_FULL;
            exec = exec || col == JX_FC_EXECUTED;
            rate = rate || col == JX_FC_RATE;
            l3 = l3 || col == JX_FC_LEVEL3;
            value = value || col == JX_FC_TARGET || col == JX_FC_ACTUAL;
            pts = pts || col == JX_FC_POINTS || col == JX_FC_SCORE;
        }
        if ((full && exec && rate) || (l3 && value && pts)) {
            return true;
        }
    }
    return false;
}

/*
 * The kind of form a table without a title holds, from its rows i…: a
 * funds or indicator header of a catalogue form (a table may start
 * mid-form: a page of a split document), and rows only one kind of
 * form prints (单位
 * 名称 for a 整体 sheet; 项目名称 / 主管部门 / 实施单位 for a 项目 sheet).
 * JX_RC_NONE when no header is seen or the kind is not decided.  *lead
 * is set when the kind is that of the titled form right after the
 * table (the table is a page of it).
 */
static enum jx_rc_kind untitled_form(const struct jx_rc *rc, size_t i,
                                     bool *lead)
{
    *lead = false;
    static const enum jx_form_row unit_ids[] = {JX_FR_UNIT_NAME};
    static const enum jx_form_row proj_ids[] = {
        JX_FR_PROJECT_NAME, JX_FR_SUPERVISOR, JX_FR_IMPLEMENTER};
    if (!rc->forms) {
        return JX_RC_NONE;
    }
    const struct jx_doc_table *t = rc->rows[i].table;
    bool head_u = false, head_p = false, unit = false, proj = false;
    size_t j = i;
    for (; j < rc->nrows && j < i + UNTITLED_ROWS && rc->rows[j].table == t;
         j++) {
        const struct jx_rc_row *r = &rc->rows[j];
        head_u = head_u || funds_header_of(rc, r, JX_FORM_UNIT);
        head_p = head_p || funds_header_of(rc, r, JX_FORM_PROJECT);
        bool u = kind_row(rc, r, JX_FORM_UNIT, unit_ids, 1) &&
                 !kind_row(rc, r, JX_FORM_PROJECT, unit_ids, 1);
        bool p = kind_row(rc, r, JX_FORM_PROJECT, proj_ids, 3) &&
                 !kind_row(rc, r, JX_FORM_UNIT, proj_ids, 3);
        unit = unit || u;
        proj = proj || p;
    }
    if (unit && !proj && head_u) {
        return JX_RC_UNIT;
    }
    if (proj && !unit && head_p) {
        return JX_RC_PROJECT;
    }
    if (!unit && !proj && rc->nsegs == 0 && j < rc->nrows &&
        rc->rows[j].table != t) {
        /* the document opens with a page of a form whose title follows
         * right after it (pages of a split document out of order) */
        const struct jx_rc_cell *f = jx_rc_first_filled(&rc->rows[j]);
        enum jx_rc_kind k = f ? jx_rc_title_kind(jx_rcc_key(f)) : JX_RC_NONE;
        if ((k == JX_RC_UNIT && head_u) || (k == JX_RC_PROJECT && head_p)) {
            *lead = true;
            return k;
        }
    }
    return JX_RC_NONE;
}

/* True when a form title's key ends with its form word "表", maybe
 * followed by a number or one parenthesised part ("（2024年度）",
 * "(续)"): a title, not a caption that speaks of a form
 * ("基础数据表各项预算数与决算数", a chart's title in a report). */
static bool form_title_end(const char *key)
{
    const char *last = NULL;
    for (const char *q = strstr(key, "表"); q; q = strstr(q + 1, "表")) {
        last = q;
    }
    if (!last) {
        return false;
    }
    const char *rest = last + strlen("表");
    bool digits = *rest != '\0';
    for (const char *q = rest; *q; q++) {
        digits = digits && *q >= '0' && *q <= '9';
    }
    if (!*rest || digits) {
        return true;
    }
    bool open = jx_rc_starts(rest, "（") || *rest == '(';
    bool close = jx_rc_ends(rest, "）") || jx_rc_ends(rest, ")");
    if (!open || !close) {
        return false;
    }
    /* one group: no other opening bracket after the first */
    const char *in = rest + (*rest == '(' ? 1 : strlen("（"));
    return !strstr(in, "（") && !strchr(in, '(');
}

/* Cut the rows into segments and mark every row with its kind. */
static void segment(struct jx_rc *rc)
{
    enum jx_rc_kind cur = JX_RC_NONE;
    bool seen_name = false;
    const struct jx_doc_table *last_table = NULL;
    bool lead = false; /* the segment is a page before its form's title */
    for (size_t i = 0; i < rc->nrows; i++) {
        struct jx_rc_row *r = &rc->rows[i];
        if (!r->table) {
            const char *key = jx_rcc_key(&r->cells[0]);
            enum jx_rc_kind k = jx_rc_title_kind(key);
            if (cur == JX_RC_REPORT && k != JX_RC_NONE && k != JX_RC_REPORT &&
                !form_title_end(key)) {
                /* inside the report, a line that names a form but goes
                 * on after it is a caption, not the form's title */
                k = JX_RC_NONE;
            }
            if (k != JX_RC_NONE) {
                r->title = true;
                if (lead && k == cur) {
                    lead = false; /* the title of the page above */
                } else if (!(k == JX_RC_REPORT && cur == JX_RC_REPORT)) {
                    new_seg(rc, k, i, true);
                    cur = k;
                    seen_name = false;
                }
            } else if (attachment_heading(key)) {
                if (cur != JX_RC_NONE) {
                    new_seg(rc, JX_RC_NONE, i, false);
                    cur = JX_RC_NONE;
                }
            } else if (cur != JX_RC_REPORT && report_opening(key)) {
                new_seg(rc, JX_RC_REPORT, i, false);
                cur = JX_RC_REPORT;
            }
        } else {
            bool fresh = false;
            enum jx_rc_kind k = JX_RC_NONE;
            if (r->table != last_table && r->table->name) {
                k = jx_rc_title_kind(
                    jx_text_compact(rc->arena, r->table->name));
                if (k == JX_RC_REPORT) {
                    k = JX_RC_NONE;
                }
            }
            bool first_row = r->table != last_table;
            last_table = r->table;
            if (k == JX_RC_NONE) {
                k = row_anchor(r, cur, seen_name, &fresh);
                /* a row inside a form's table only switches on a title
                 * or a second project name; else it belongs there */
                if (k != JX_RC_NONE && !first_row && !fresh &&
                    cur != JX_RC_NONE && cur != JX_RC_REPORT &&
                    !strong_anchor(r)) {
                    k = JX_RC_NONE;
                }
            }
            bool page = false;
            if (k == JX_RC_NONE && first_row && cur == JX_RC_NONE) {
                k = untitled_form(rc, i, &page); /* a form without a title */
            } else if (lead && first_row && k == cur && !fresh) {
                k = JX_RC_NONE; /* the title of the page above */
                lead = false;
            }
            if (k != JX_RC_NONE && (k != cur || fresh)) {
                lead = page;
                new_seg(rc, k, i, false);
                cur = k;
                seen_name = false;
            }
            const struct jx_rc_cell *f = jx_rc_first_filled(r);
            if (f) {
                enum jx_rc_kind tk = jx_rc_title_kind(jx_rcc_key(f));
                r->title = tk != JX_RC_NONE && tk != JX_RC_REPORT;
            }
            if (cur == JX_RC_PROJECT) {
                for (size_t c = 0; c < r->n; c++) {
                    if (jx_rc_starts(jx_rcc_key(&r->cells[c]),
                                     "项目支出名称")) {
                        seen_name = true;
                    }
                }
            }
        }
        if (rc->nsegs) {
            r->kind = rc->segs[rc->nsegs - 1].kind;
            r->seg = (int)rc->nsegs - 1;
        }
    }
    if (rc->nsegs) {
        rc->segs[rc->nsegs - 1].last = rc->nrows;
    }
}

/* Build rows, segments and sections with the catalogue forms (NULL:
 * forms without a title are not looked for). */
static void rc_init(struct jx_rc *rc, struct jx_arena *arena,
                    const struct jx_doc *doc, struct jx_diags *diags,
                    struct jx_package *pkg, const struct jx_forms *forms)
{
    memset(rc, 0, sizeof *rc);
    rc->forms = forms;
    rc->arena = arena;
    rc->scratch = jx_arena_new();
    rc->doc = doc;
    rc->diags = diags;
    rc->pkg = pkg;
    rc->file = jx_strdup(arena, doc->file);
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jx_doc_block *b = &doc->blocks[i];
        const struct jx_doc *cut =
            b->kind == JX_DOC_PARA && forms ? jx_rc_oneline(rc, &b->para)
                                            : NULL;
        for (size_t k = 0; cut && k < cut->nblocks; k++) {
            /* a form flattened onto the line: its rows and cells */
            const struct jx_doc_block *cb = &cut->blocks[k];
            if (cb->kind == JX_DOC_PARA) {
                para_rows(rc, &cb->para, false);
            } else if (cb->table) {
                table_rows(rc, cb->table);
            }
        }
        if (cut) {
            continue;
        }
        if (b->kind == JX_DOC_PARA) {
            para_rows(rc, &b->para, true);
        } else if (b->table) {
            table_rows(rc, b->table);
        }
    }
    segment(rc);
    jx_rc_sections(rc);
}

/* Build rows, segments and sections (see recog.h). */
void jx_rc_init(struct jx_rc *rc, struct jx_arena *arena,
                const struct jx_doc *doc, struct jx_diags *diags,
                struct jx_package *pkg)
{
    rc_init(rc, arena, doc, diags, pkg, NULL);
}

/* Give back the rows and what only they use (see recog.h). */
void jx_rc_done(struct jx_rc *rc)
{
    jx_arena_give_back(rc->arena, rc->rows, rc->caprows, sizeof *rc->rows);
    rc->rows = NULL;
    rc->nrows = rc->caprows = 0;
    jx_arena_free(rc->scratch);
    rc->scratch = NULL;
}

/* ---- unit name, region and year -------------------------------------- */

/* The region at the start of a unit name: "岳阳市岳阳楼区" of
 * "岳阳市岳阳楼区梅溪街道办事处" (a city of at most 6 characters and a
 * district or county of at most 6 after it), or NULL. */
static const char *region_of(struct jx_arena *a, const char *name)
{
    const char *shi = strstr(name, "市");
    if (!shi || jx_utf8_count(name, (size_t)(shi - name)) > 6 ||
        shi == name) {
        return NULL;
    }
    const char *end = shi + strlen("市");
    const char *best = NULL;
    static const char *const ends[] = {"区", "县"};
    for (size_t k = 0; k < 2; k++) {
        const char *q = strstr(end, ends[k]);
        if (q && q > end && jx_utf8_count(end, (size_t)(q - end)) <= 6 &&
            (!best || q < best)) {
            best = q;
        }
    }
    if (best) {
        end = best + strlen("区");
    }
    return jx_strndup(a, name, (size_t)(end - name));
}

/* The text of every report row that is not a title, joined into b (for
 * checking which name the body uses; the caller releases b: a scratch
 * copy, not kept in the arena). */
static void body_text(struct jx_rc *rc, struct jx_buf *bp)
{
    struct jx_buf b;
    jx_buf_init(&b, 64u << 20);
    for (size_t i = 0; i < rc->nrows; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        if (r->title || r->table) {
            continue;
        }
        jx_buf_adds(&b, jx_rcc_key(&r->cells[0]));
        jx_buf_addc(&b, '\n');
    }
    *bp = b;
}

/* Most names publisher_names collects. */
#define MAX_PUBLISHERS 8

/* The names after "来源" or "发布机构" and a colon in the text t (a
 * portal page's line: "来源: 某区林业局 发布机构: 某区林业局"), each up
 * to a blank, "【" or "|", added to out[0..*n) (at most max, no
 * repeats, arena-owned). */
static void publishers_in(struct jx_rc *rc, const char *t, const char **out,
                          size_t *n, size_t max)
{
    static const char *const labels[] = {"来源", "发布机构"};
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        for (const char *q = strstr(t, labels[k]); q && *n < max;
             q = strstr(q + 1, labels[k])) {
            const char *v = jx_rc_after_colon(q + strlen(labels[k]));
            if (!v) {
                continue;
            }
            const char *e = v;
            while (*e && *e != ' ' && *e != '\t' && *e != '\n' &&
                   *e != '|' && !jx_rc_starts(e, "【") &&
                   !jx_rc_starts(e, "　")) {
                e++;
            }
            size_t len = (size_t)(e - v);
            if (len == 0 || jx_utf8_count(v, len) > 40) {
                continue;
            }
            const char *name = jx_strndup(rc->arena, v, len);
            bool seen = false;
            for (size_t j = 0; j < *n && !seen; j++) {
                seen = strcmp(out[j], name) == 0;
            }
            if (!seen) {
                out[(*n)++] = name;
            }
        }
    }
}

/*
 * The fuller name the document gives for the unit name `name` read from
 * a form or a cover: a portal page's 来源 / 发布机构 name (publishers_in,
 * on any line or cell) that ends with name and is longer ("陵区林业局",
 * a cell that lost its first character, is the page's "零陵区林业局").
 * name must be at least 3 characters and every such publisher name must
 * be the same; NULL otherwise.  A title or a breadcrumb is never read
 * for it, only those labelled fields.
 */
static const char *completed_name(struct jx_rc *rc, const char *name)
{
    const char *k = jx_text_compact(rc->arena, name);
    if (jx_utf8_count(k, strlen(k)) < 3) {
        return NULL;
    }
    const char *pub[MAX_PUBLISHERS];
    size_t np = 0;
    for (size_t i = 0; i < rc->nrows && np < MAX_PUBLISHERS; i++) {
        const struct jx_rc_row *r = &rc->rows[i];
        for (size_t c = 0; c < r->n && np < MAX_PUBLISHERS; c++) {
            if (jx_rcc_text(&r->cells[c])) {
                publishers_in(rc, jx_rcc_text(&r->cells[c]), pub, &np,
                              MAX_PUBLISHERS);
            }
        }
    }
    const char *full = NULL;
    for (size_t j = 0; j < np; j++) {
        const char *pk = jx_text_compact(rc->arena, pub[j]);
        if (strlen(pk) <= strlen(k) || !jx_rc_ends(pk, k)) {
            continue;
        }
        if (full && strcmp(full, pk) != 0) {
            return NULL; /* two fuller names: neither is sure */
        }
        full = pk;
    }
    return full;
}

/* True when compacted unit names a and b name the same unit: equal,
 * or one is the other's "…人民政府" written "…政府" (塘湖镇人民政府 and
 * 塘湖镇政府). */
static bool same_unit(const char *a, const char *b)
{
    if (strcmp(a, b) == 0) {
        return true;
    }
    static const char full[] = "人民政府", part[] = "政府";
    size_t na = strlen(a), nb = strlen(b);
    if (na < nb) {
        const char *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    size_t lf = sizeof full - 1, lp = sizeof part - 1;
    return na == nb + (lf - lp) && na > lf &&
           strcmp(a + na - lf, full) == 0 && strcmp(b + nb - lp, part) == 0 &&
           strncmp(a, b, na - lf) == 0;
}

/* Choose the unit name among the candidates and report the others that
 * differ (I403); none at all is I410.  A name from a form cell or a
 * cover that the page's 来源 / 发布机构 line gives in full
 * (completed_name) is taken in full, marked JX_HOW_COMPLETED with the
 * text as printed. */
static void resolve_name(struct jx_rc *rc)
{
    struct jx_package *p = rc->pkg;
    if (!rc->nnames) {
        finding(rc, "I410", JX_SEV_WARNING, &(struct jx_prov){.file = rc->file},
                "没有找到单位名称（标题、封面或表中的“预算单位名称”）");
        return;
    }
    enum jx_rc_prio best = JX_RC_FROM_TITLE;
    for (size_t i = 0; i < rc->nnames; i++) {
        if (rc->names[i].prio > best) {
            best = rc->names[i].prio;
        }
    }
    const struct jx_rc_cand *pick = NULL;
    if (best == JX_RC_FROM_TITLE) {
        struct jx_buf bb;
        body_text(rc, &bb);
        const char *body = bb.p;
        for (size_t i = 0; i < rc->nnames; i++) {
            const struct jx_rc_cand *c = &rc->names[i];
            const char *k = jx_text_compact(rc->arena, c->name);
            if (strstr(body, k) &&
                (!pick || strlen(c->name) > strlen(pick->name))) {
                pick = c;
            }
        }
        jx_buf_release(&bb);
        for (size_t i = 0; !pick && i < rc->nnames; i++) {
            if (rc->names[i].report_title) {
                pick = &rc->names[i];
            }
        }
    }
    for (size_t i = 0; !pick && i < rc->nnames; i++) {
        if (rc->names[i].prio == best) {
            pick = &rc->names[i];
        }
    }
    if (!pick) {
        pick = &rc->names[0];
    }
    p->unit.name.s = pick->name;
    p->unit.name.prov = pick->prov;
    const char *full = pick->prio >= JX_RC_FROM_COVER
                           ? completed_name(rc, pick->name)
                           : NULL;
    if (full) {
        struct jx_prov *q = (struct jx_prov *)jx_rc_prov(rc, pick->prov);
        q->how = JX_HOW_COMPLETED;
        q->raw = pick->name;
        p->unit.name.s = full;
        p->unit.name.prov = q;
    }
    const char *reg = region_of(rc->arena, p->unit.name.s);
    if (reg) {
        p->unit.region.s = reg;
        p->unit.region.prov = p->unit.name.prov;
    }
    const char *pk = jx_text_compact(rc->arena, pick->name);
    const char *fk = jx_text_compact(rc->arena, p->unit.name.s);
    for (size_t i = 0; i < rc->nnames; i++) {
        const struct jx_rc_cand *c = &rc->names[i];
        const char *k = jx_text_compact(rc->arena, c->name);
        bool dup = false;
        for (size_t j = 0; j < i; j++) {
            if (strcmp(jx_text_compact(rc->arena, rc->names[j].name), k) == 0) {
                dup = true;
            }
        }
        if (!dup && !same_unit(k, pk) && !same_unit(k, fk)) {
            finding(rc, "I403", JX_SEV_WARNING, c->prov,
                    "单位名称“%s”与采用的“%s”不一致", c->name,
                    p->unit.name.s);
        }
    }
}

/* Choose the year (the report title's, else the surest) and report the
 * others that differ (I404); none at all is I411. */
static void resolve_year(struct jx_rc *rc)
{
    struct jx_package *p = rc->pkg;
    if (!rc->nyears) {
        finding(rc, "I411", JX_SEV_WARNING, &(struct jx_prov){.file = rc->file},
                "没有找到年度（标题中的“2024年度”或表头中的年份）");
        return;
    }
    const struct jx_rc_cand *pick = NULL;
    for (size_t i = 0; i < rc->nyears && !pick; i++) {
        if (rc->years[i].report_title) {
            pick = &rc->years[i];
        }
    }
    for (int prio = JX_RC_FROM_FORM; prio >= JX_RC_FROM_TITLE && !pick;
         prio--) {
        for (size_t i = 0; i < rc->nyears && !pick; i++) {
            if ((int)rc->years[i].prio == prio) {
                pick = &rc->years[i];
            }
        }
    }
    if (!pick) {
        pick = &rc->years[0];
    }
    p->year.present = true;
    p->year.v = pick->year;
    p->year.prov = pick->prov;
    for (size_t i = 0; i < rc->nyears; i++) {
        const struct jx_rc_cand *c = &rc->years[i];
        bool dup = false;
        for (size_t j = 0; j < i; j++) {
            if (rc->years[j].year == c->year) {
                dup = true;
            }
        }
        if (!dup && c->year != pick->year) {
            finding(rc, "I404", JX_SEV_WARNING, c->prov,
                    "年度 %lld 与采用的 %lld 不一致", (long long)c->year,
                    (long long)pick->year);
        }
    }
}

/* The materials handed in, and a note for every blank template. */
static void materials(struct jx_rc *rc)
{
    struct jx_package *p = rc->pkg;
    struct jx_submission *s = &p->submission;
    s->materials_present = true;
    s->materials[JX_MAT_REPORT] = p->report.present;
    s->materials[JX_MAT_BASE_SHEET] = p->base.present && !rc->base_pairs_only;
    s->materials[JX_MAT_UNIT_SHEET] = p->has_unit_sheet || rc->unit_template;
    s->materials[JX_MAT_PROJECT_SHEETS] =
        p->nproject_sheets > 0 || rc->project_template;
}

/* Recognise the forms and the report of a document (see import.h). */
struct jx_package *jx_recognise(struct jx_arena *arena,
                                const struct jx_doc *doc,
                                struct jx_diags *diags)
{
    struct jx_diags fd;
    jx_diags_init(&fd, arena);
    const struct jx_forms *forms = jx_forms_default(arena, &fd);
    for (size_t i = 0; diags && i < fd.n; i++) {
        jx_diag_add(diags, fd.a[i].code, fd.a[i].severity, &fd.a[i].loc, "%s",
                    fd.a[i].msg);
    }
    jx_diags_release(&fd);
    return jx_recognise_with(arena, doc, forms, diags);
}

/* Recognise a document with a catalogue of forms (see recognise.h). */
struct jx_package *jx_recognise_with(struct jx_arena *arena,
                                     const struct jx_doc *doc,
                                     const struct jx_forms *forms,
                                     struct jx_diags *diags)
{
    struct jx_rc rc;
    struct jx_package *p = jx_package_new(arena);
    if (!forms) {
        forms = jx_forms_new(arena);
    }
    rc_init(&rc, arena, doc, diags, p, forms);
    p->source = rc.file;
    for (size_t i = 0; i < rc.nsegs; i++) {
        const struct jx_rc_seg *s = &rc.segs[i];
        switch (s->kind) {
        case JX_RC_BASE:
            jx_rc_base(&rc, s);
            break;
        case JX_RC_UNIT:
        case JX_RC_PROJECT:
            jx_rc_sheet(&rc, s);
            break;
        case JX_RC_GOALS:
            jx_rc_goals(&rc, s);
            break;
        case JX_RC_DEPT:
            jx_rc_dept(&rc, s);
            break;
        case JX_RC_ASSESS:
            jx_rc_assess(&rc, s);
            break;
        case JX_RC_REPORT:
        case JX_RC_NONE:
            break;
        }
    }
    jx_rc_streams(&rc);
    jx_rc_base_pairs(&rc);
    jx_rc_report(&rc);
    jx_rc_lost_digits(&rc);
    if (p->report.present || p->base.present || p->has_unit_sheet ||
        p->nproject_sheets || p->has_goal_sheet || p->dept_scoring.present ||
        p->assessment.present || rc.project_template || rc.unit_template) {
        rc.found = true;
    }
    if (!rc.found) {
        finding(&rc, "I409", JX_SEV_ERROR, &(struct jx_prov){.file = rc.file},
                "没有识别出任何自评材料（自评报告、基础数据表、自评表或评分表）");
        jx_rc_done(&rc);
        return NULL;
    }
    jx_rc_who_when_fallback(&rc);
    resolve_name(&rc);
    resolve_year(&rc);
    materials(&rc);
    /* the rows are read: their array goes before the report's figures
       are collected (their cells stay: the package reads their text);
       jx_rc_prose_ocr does not look at rows */
    jx_rc_done(&rc);
    jx_rc_prose_ocr(&rc);
    return p;
}
