/*
 * base_json.c - jansson parsing with syntax-error repair, the positions
 * of keys and values, and the located diagnostics of one load shared by
 * the Package JSON and framework loaders.  See base_json.h.
 */
#include "base/base_json.h"

#include <stdlib.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

enum {
    LEAD_BLOCK = 256,     /* bytes per code-point checkpoint */
    CLOSER_MAX = 4096,    /* most closers appended by one repair */
    EXCERPT_TOKEN = 24    /* code points quoted from a bad token */
};

/* One edit of the text: at pos, del bytes were replaced by ins bytes. */
struct edit {
    size_t pos;
    size_t del;
    size_t ins;
};

/* A value (and its key, for object members) in the final text. */
struct jnode {
    int32_t parent;   /* -1 for the root */
    uint32_t idx;     /* array index, or key length for members */
    uint32_t key;     /* offset of the decoded key in keys (members) */
    uint32_t key_off; /* offset of the key's opening quote (members) */
    uint32_t val_off; /* offset of the value's first byte */
    uint32_t val_len; /* length of a scalar's token; 0 for containers */
    uint8_t member;   /* 1 for an object member, 0 for an element */
    char kind;        /* '{', '[' or 's' (scalar) */
};

struct jx_jdoc {
    struct jx_arena *arena; /* messages (not owned) */
    const char *orig;       /* original text (borrowed) */
    size_t orig_len;
    size_t bom;             /* bytes of a skipped byte-order mark */
    const char *text;       /* final (repaired) text: buf, or the
                               original after any BOM (borrowed) */
    char *buf;              /* repaired text, malloc'd, or NULL */
    size_t len;
    struct edit *edits;     /* edits in the order applied */
    size_t nedits, capedits;
    json_t *root;           /* jansson's tree, or NULL */
    struct jx_jsyntax *syn; /* syntax problems */
    size_t nsyn, capsyn;
    bool too_deep;          /* nesting passed the limit */
    size_t deep_off;        /* original offset of the too-deep bracket */
    struct jnode *nodes;    /* values of the final text */
    size_t nnodes, capnodes;
    char *keys;             /* decoded keys, concatenated */
    size_t keyslen, keyscap;
    uint32_t *slots;        /* hash of (parent, key/index) -> node + 1 */
    size_t nslots, nused;
    int32_t *dups;          /* nodes of duplicated keys */
    size_t ndups, capdups;
    size_t *lines;          /* original offsets of line starts */
    size_t nlines;
    size_t *lead;           /* lead bytes before each LEAD_BLOCK */
    size_t nlead;
    int32_t *first;         /* first child of each node, or -1 (built on
                               the first jx_jdoc_first/next, or NULL) */
    int32_t *next;          /* next sibling of each node, or -1 */
};

/* ---- small helpers -------------------------------------------------- */

/* Grow a malloc'd array so that it holds at least need elements of
 * size sz; *cap is updated.  Returns the (possibly moved) array. */
static void *grow(void *p, size_t *cap, size_t need, size_t sz)
{
    if (need <= *cap) {
        return p;
    }
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / sz) {
            jx_oom();
        }
        c *= 2;
    }
    *cap = c;
    return jx_xrealloc(p, c * sz);
}

/* True for JSON whitespace. */
static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* True for JSON structural characters. */
static bool is_punct(char c)
{
    return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' ||
           c == ',';
}

/* Offset of the first non-whitespace byte at or after i. */
static size_t skip_ws(const char *t, size_t n, size_t i)
{
    while (i < n && is_ws(t[i])) {
        i++;
    }
    return i;
}

/* Map an offset of the text after edits e[0..ne) back to the original
 * text: offsets inside inserted text map to the edit's position. */
static size_t map_back(const struct edit *e, size_t ne, size_t off)
{
    for (size_t i = ne; i-- > 0;) {
        if (off < e[i].pos) {
            continue;
        }
        if (off < e[i].pos + e[i].ins) {
            off = e[i].pos;
        } else {
            off = off - e[i].ins + e[i].del;
        }
    }
    return off;
}

/* Text for a message; see base_json.h.  Allocated in arena. */
char *jx_jexcerpt(struct jx_arena *arena, const char *s, size_t n,
                  size_t max)
{
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    size_t i = 0, cps = 0;
    while (i < n) {
        if (cps == max) {
            jx_buf_adds(&b, "…");
            break;
        }
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            jx_buf_addf(&b, "\\x%02X", (unsigned)(unsigned char)s[i]);
            i++;
        } else if (cp < 0x20 || cp == 0x7f) {
            jx_buf_addf(&b, "\\u%04X", (unsigned)cp);
            i += (size_t)k;
        } else {
            jx_buf_add(&b, s + i, (size_t)k);
            i += (size_t)k;
        }
        cps++;
    }
    char *r = jx_strndup(arena, b.p, b.len);
    jx_buf_release(&b);
    return r;
}

/* ---- the tolerant tokenizer used for repairs ------------------------ */

/* A token of possibly broken JSON text. */
struct tok {
    size_t s, e; /* bytes [s, e) */
    char k;      /* a structural char, 's' string, 'u' unterminated
                    string, 'w' any other word; 0 for none */
};

/* Read the token at or after *pos into out; false at the end.  Strings
 * end at their closing quote, or (unterminated) before a newline or at
 * the end; words are maximal runs of other non-space bytes. */
static bool next_tok(const char *t, size_t n, size_t *pos, struct tok *out)
{
    size_t i = skip_ws(t, n, *pos);
    if (i >= n) {
        *pos = n;
        return false;
    }
    out->s = i;
    char c = t[i];
    if (is_punct(c)) {
        out->k = c;
        out->e = i + 1;
    } else if (c == '"') {
        size_t j = i + 1;
        out->k = 'u';
        while (j < n) {
            if (t[j] == '\\') {
                j += 2;
                continue;
            }
            if (t[j] == '"') {
                j++;
                out->k = 's';
                break;
            }
            if (t[j] == '\n') {
                break;
            }
            j++;
        }
        out->e = j > n ? n : j;
    } else {
        size_t j = i;
        while (j < n && !is_ws(t[j]) && !is_punct(t[j]) && t[j] != '"') {
            j++;
        }
        out->k = 'w';
        out->e = j;
    }
    *pos = out->e;
    return true;
}

/* Deepest nesting of brackets in t[0..n) by the tolerant tokenizer;
 * *off is set to the first bracket deeper than max (when there is
 * one). */
static int max_depth_of(const char *t, size_t n, int max, size_t *off)
{
    size_t pos = 0;
    struct tok tk;
    int depth = 0, deepest = 0;
    while (next_tok(t, n, &pos, &tk)) {
        if (tk.k == '{' || tk.k == '[') {
            depth++;
            if (depth > deepest) {
                deepest = depth;
                if (depth == max + 1) {
                    *off = tk.s;
                }
            }
        } else if ((tk.k == '}' || tk.k == ']') && depth > 0) {
            depth--;
        }
    }
    return deepest;
}

/* The token jansson stopped at (position p) and the one before it, by
 * a scan from the start (tokidx_find's answer, for a text whose tokens
 * the index does not hold): the token holding byte p-1, else the one
 * at p, else the first token after p, else the last token.  k == 0
 * marks a missing token. */
static void find_toks(const char *t, size_t n, size_t p, struct tok *prev,
                      struct tok *cur)
{
    struct tok a = {0, 0, 0}, b = {0, 0, 0}, tk;
    size_t pos = 0;
    while (next_tok(t, n, &pos, &tk)) {
        if ((p > 0 && tk.s <= p - 1 && p - 1 < tk.e) || tk.s >= p) {
            *prev = b;
            *cur = tk;
            return;
        }
        a = b;
        b = tk;
    }
    *prev = a;
    *cur = b;
}

/* A candidate repair: replace text[pos, pos+del) by ins. */
struct cand {
    enum jx_jfix fix;
    size_t pos, del;
    char *ins;        /* malloc'd */
    size_t inslen;
    size_t report;    /* offset in the current text to report */
};

/* Fill a candidate; ins is copied.  Returns true (for chaining). */
static bool cand_set(struct cand *c, enum jx_jfix fix, size_t pos,
                     size_t del, const char *ins, size_t inslen,
                     size_t report)
{
    c->fix = fix;
    c->pos = pos;
    c->del = del;
    c->ins = jx_xmalloc(inslen + 1);
    memcpy(c->ins, ins, inslen);
    c->ins[inslen] = '\0';
    c->inslen = inslen;
    c->report = report;
    return true;
}

/* The closers that end every bracket still open at the end of t[0..n),
 * innermost first, into out (at most CLOSER_MAX); the last token is
 * stored in *last.  Returns the number of closers. */
static size_t open_closers(const char *t, size_t n, char *out,
                           struct tok *last)
{
    char *stack = jx_xmalloc(CLOSER_MAX);
    size_t depth = 0, over = 0, pos = 0;
    struct tok tk;
    last->k = 0;
    while (next_tok(t, n, &pos, &tk)) {
        *last = tk;
        if (tk.k == '{' || tk.k == '[') {
            if (depth < CLOSER_MAX) {
                stack[depth++] = tk.k == '{' ? '}' : ']';
            } else {
                over++;
            }
        } else if (tk.k == '}' || tk.k == ']') {
            if (over > 0) {
                over--;
            } else if (depth > 0) {
                depth--;
            }
        }
    }
    for (size_t i = 0; i < depth; i++) {
        out[i] = stack[depth - 1 - i];
    }
    free(stack);
    return depth;
}

/* The first invalid UTF-8 byte at or after from, or n. */
static size_t first_bad_utf8(const char *t, size_t n, size_t from)
{
    size_t i = from;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(t + i, n - i, &cp);
        if (k <= 0) {
            return i;
        }
        i += (size_t)k;
    }
    return n;
}

/* The offset of the first escape \u0000 in the string token t[s..e)
 * (s at its opening quote), or e when it has none. */
static size_t nul_escape(const char *t, size_t s, size_t e)
{
    for (size_t i = s + 1; i + 1 < e; i++) {
        if (t[i] != '\\') {
            continue;
        }
        if (t[i + 1] == 'u' && i + 6 <= e && memcmp(t + i + 2, "0000", 4) == 0) {
            return i;
        }
        i++; /* the escaped character */
    }
    return e;
}

/* Build the candidate repairs for a jansson error at p with code ec;
 * prev and cur are the tokens before and at p (tokidx_find).  Returns how
 * many were written to c (at most 11). */
static size_t make_cands(const char *t, size_t n, size_t p,
                         enum json_error_code ec, struct cand *c,
                         struct tok prev, struct tok cur)
{
    size_t nc = 0;
    if (ec == json_error_invalid_utf8) {
        /* replace every invalid byte of the token (or the one byte) */
        size_t q = first_bad_utf8(t, n, cur.k && cur.s < p ? cur.s : p);
        if (q < n) {
            size_t end = cur.k && q < cur.e ? cur.e : q + 1;
            struct jx_buf b;
            jx_buf_init(&b, SIZE_MAX);
            size_t i = q;
            while (i < end) {
                int32_t cp;
                int k = jx_utf8_decode(t + i, n - i, &cp);
                if (k <= 0) {
                    jx_buf_adds(&b, "\xEF\xBF\xBD");
                    i++;
                } else {
                    jx_buf_add(&b, t + i, (size_t)k);
                    i += (size_t)k;
                }
            }
            cand_set(&c[nc++], JX_JFIX_UTF8, q, end - q, b.p, b.len, q);
            jx_buf_release(&b);
        }
    }
    if ((ec == json_error_null_character ||
         ec == json_error_null_byte_in_key) &&
        cur.k == 's') {
        /* jansson refuses U+0000 in a string: the escape is dropped */
        size_t q = nul_escape(t, cur.s, cur.e);
        if (q < cur.e) {
            cand_set(&c[nc++], JX_JFIX_NUL, q, 6, "", 0, q);
        }
    }
    if (cur.k == 's' || cur.k == 'u') {
        size_t lim = cur.e < n ? cur.e + 1 : n;
        for (size_t i = cur.s; i < lim; i++) {
            unsigned char ch = (unsigned char)t[i];
            if (ch < 0x20) {
                char esc[8];
                size_t el = 2;
                esc[0] = '\\';
                if (ch == '\n') {
                    esc[1] = 'n';
                } else if (ch == '\t') {
                    esc[1] = 't';
                } else if (ch == '\r') {
                    esc[1] = 'r';
                } else {
                    static const char hex[] = "0123456789abcdef";
                    esc[1] = 'u';
                    esc[2] = '0';
                    esc[3] = '0';
                    esc[4] = hex[ch >> 4];
                    esc[5] = hex[ch & 15];
                    el = 6;
                }
                cand_set(&c[nc++], JX_JFIX_CONTROL, i, 1, esc, el, i);
                break;
            }
        }
    }
    if (cur.k == 'u') {
        cand_set(&c[nc++], JX_JFIX_QUOTE, cur.e, 0, "\"", 1, cur.s);
    }
    bool prev_value = prev.k == 's' || prev.k == 'w' || prev.k == '}' ||
                      prev.k == ']';
    if (cur.k && prev_value) {
        cand_set(&c[nc++], JX_JFIX_COMMA, prev.e, 0, ",", 1, prev.e);
    }
    if (cur.k && prev.k == 's') {
        cand_set(&c[nc++], JX_JFIX_COLON, prev.e, 0, ":", 1, prev.e);
    }
    if (cur.k == 'w') {
        cand_set(&c[nc++],
                 ec == json_error_numeric_overflow ? JX_JFIX_RANGE
                                                   : JX_JFIX_NULL,
                 cur.s, cur.e - cur.s, "null", 4, cur.s);
    }
    if (ec == json_error_end_of_input_expected && cur.k) {
        if (prev.k == '}' || prev.k == ']') {
            /* a stray closer ended the value early: drop it, keep the rest */
            cand_set(&c[nc++], JX_JFIX_DELETE, prev.s, prev.e - prev.s, "", 0,
                     prev.s);
        }
        cand_set(&c[nc++], JX_JFIX_TRAILING, cur.s, n - cur.s, "", 0, cur.s);
    }
    if (cur.k) {
        cand_set(&c[nc++], JX_JFIX_DELETE, cur.s, cur.e - cur.s, "", 0,
                 cur.s);
    }
    if (prev.k == ',' || prev.k == ':') {
        cand_set(&c[nc++], JX_JFIX_DELETE, prev.s, prev.e - prev.s, "", 0,
                 prev.s);
    }
    if (ec == json_error_premature_end_of_input || p >= n) {
        char *cl = jx_xmalloc(CLOSER_MAX + 8);
        struct tok last = {0, 0, 0};
        size_t k = open_closers(t, n, cl + 5, &last);
        size_t start = 5, pos = n, del = 0;
        if (last.k == 'u' && last.e == n) {
            cl[--start] = '"';
        } else if (last.k == ':') {
            start -= 4;
            memcpy(cl + start, "null", 4);
        } else if (last.k == ',') {
            pos = last.s;
            del = n - last.s;
        }
        if (k > 0 || start < 5) {
            cand_set(&c[nc++], JX_JFIX_CLOSE, pos, del, cl + start,
                     5 + k - start, n);
        }
        free(cl);
    }
    return nc;
}

/* Apply c to t[0..n) into a new malloc'd text; *outlen is set. */
static char *apply(const char *t, size_t n, const struct cand *c,
                   size_t *outlen)
{
    size_t len = n - c->del + c->inslen;
    char *r = jx_xmalloc(len + 1);
    memcpy(r, t, c->pos);
    memcpy(r + c->pos, c->ins, c->inslen);
    memcpy(r + c->pos + c->inslen, t + c->pos + c->del,
           n - c->pos - c->del);
    r[len] = '\0';
    *outlen = len;
    return r;
}

/* Append an edit to the document's list. */
static void add_edit(struct jx_jdoc *d, size_t pos, size_t del, size_t ins)
{
    d->edits = grow(d->edits, &d->capedits, d->nedits + 1, sizeof *d->edits);
    d->edits[d->nedits].pos = pos;
    d->edits[d->nedits].del = del;
    d->edits[d->nedits].ins = ins;
    d->nedits++;
}

/* The Chinese message for a repair of the current text t at the
 * candidate c, quoting the bad text; cur is the token at the error
 * (tokidx_find).  Allocated in arena. */
static const char *fix_msg(struct jx_arena *a, const char *t,
                           const struct cand *c, struct tok cur)
{
    const char *q = cur.k ? jx_jexcerpt(a, t + cur.s, cur.e - cur.s,
                                        EXCERPT_TOKEN)
                          : "";
    switch (c->fix) {
    case JX_JFIX_COMMA:
        return jx_sprintf(a, "缺少逗号 ','（在 %s 之前）", q);
    case JX_JFIX_COLON:
        return jx_sprintf(a, "缺少冒号 ':'（在 %s 之前）", q);
    case JX_JFIX_NULL:
        return jx_sprintf(a, "无效的值 %s（按 null 处理）", q);
    case JX_JFIX_RANGE:
        return jx_sprintf(a, "数值 %s 超出范围（按 null 处理）", q);
    case JX_JFIX_DELETE:
        return jx_sprintf(a, "多余的 %s（已忽略）",
                          jx_jexcerpt(a, t + c->pos, c->del, EXCERPT_TOKEN));
    case JX_JFIX_QUOTE:
        return jx_sprintf(a, "字符串缺少结束引号：%s", q);
    case JX_JFIX_CONTROL:
        return jx_sprintf(a,
                          "字符串中有未转义的控制字符 U+%04X"
                          "（换行须写成 \\n）",
                          (unsigned)(unsigned char)t[c->pos]);
    case JX_JFIX_NUL:
        return jx_sprintf(a, "字符串中有空字符 \\u0000（不允许，已删去）");
    case JX_JFIX_UTF8:
        return jx_sprintf(a, "无效的 UTF-8 字节 0x%02X（按 U+FFFD 处理）",
                          (unsigned)(unsigned char)t[c->pos]);
    case JX_JFIX_CLOSE:
        return jx_sprintf(a, "文件提前结束：缺少 %s",
                          jx_jexcerpt(a, c->ins, c->inslen, 16));
    case JX_JFIX_TRAILING:
        return jx_sprintf(a, "JSON 值之后还有多余内容 %s（已忽略）", q);
    case JX_JFIX_NONE:
    case JX_JFIX_TOOMANY:
        break;
    }
    return jx_sprintf(a, "JSON 语法错误（在 %s 附近）", q);
}

/* Record a syntax problem at original offset off. */
static void add_syntax(struct jx_jdoc *d, enum jx_jfix fix, size_t off,
                       const char *msg, const char *detail)
{
    d->syn = grow(d->syn, &d->capsyn, d->nsyn + 1, sizeof *d->syn);
    struct jx_jsyntax *s = &d->syn[d->nsyn++];
    s->fix = fix;
    s->off = off;
    s->msg = msg;
    s->detail = detail;
}

enum { LOAD_FLAGS = JSON_DECODE_ANY };

/* Where the candidates of one repair may start parsing: the text before
 * cut is a prefix jansson has already accepted (it ends in ',', ':',
 * '{' or '['), and syn[0..synlen) is a short text that leaves jansson's
 * parser in the same state (the same open containers, the same token
 * just read).  jansson's parse after the cut depends only on that state
 * and the bytes after it (its lexer clears the token's text at every
 * token; duplicate keys are allowed; positions count bytes, up to a NUL
 * byte), so a
 * candidate parsed as syn + text[cut..] meets the same error, with the
 * same code and message, at its position less cut plus synlen.  Each
 * candidate then costs the bytes from the cut on, not the whole text
 * again (a text with many errors was errors x candidates x length). */
struct resume {
    size_t cut;    /* offset in the current text; 0: parse it whole */
    char *syn;     /* malloc'd, or NULL when cut is 0 */
    size_t synlen;
};

/* A token of the current text with the tolerant tokenizer's view of
 * the brackets after it.  Kept from one repair to the next: a repair
 * changes nothing before its position, so the tokens that end before it
 * stay (tokidx_cut), and each repair scans only the text after them:
 * linear in the text, not errors x length. */
struct itok {
    struct tok t;
    int32_t open;    /* innermost open '{' / '[' after it (its index), -1 */
    int32_t up;      /* for '{' / '[': the container around it, or -1 */
    int32_t lastcut; /* last ',' ':' '{' '[' at or before it, or -1 */
    bool bad;        /* brackets inconsistent at or before it */
};

struct tokidx {
    struct itok *a;
    size_t n, cap;
    size_t pos;      /* where the scan goes on (the last token's end) */
    bool done;       /* the scan reached the end of the text */
    bool full;       /* more than TOKIDX_MAX tokens were needed: the
                        index is given up for this text (find_toks and
                        whole parses, as before it), so its memory stays
                        fixed whatever the text's size */
};

#ifndef TOKIDX_MAX
#define TOKIDX_MAX 65536 /* tokens indexed at most (40 bytes each) */
#endif

/* Append the next token of t[0..n) to x; false at the end. */
static bool tokidx_more(struct tokidx *x, const char *t, size_t n)
{
    struct tok tk;
    if (x->n >= TOKIDX_MAX) {
        x->full = true;
        return false;
    }
    if (x->done || !next_tok(t, n, &x->pos, &tk)) {
        x->done = true;
        return false;
    }
    x->a = grow(x->a, &x->cap, x->n + 1, sizeof *x->a);
    const struct itok *b = x->n ? &x->a[x->n - 1] : NULL;
    struct itok *e = &x->a[x->n];
    e->t = tk;
    e->open = b ? b->open : -1;
    e->up = -1;
    e->lastcut = b ? b->lastcut : -1;
    e->bad = b ? b->bad : false;
    int32_t self = (int32_t)x->n;
    char ok = e->open >= 0 ? x->a[e->open].t.k : 0;
    if (tk.k == '{' || tk.k == '[') {
        e->up = e->open;
        e->open = self;
        e->lastcut = self;
    } else if (tk.k == '}' || tk.k == ']') {
        if (ok != (tk.k == '}' ? '{' : '[')) {
            e->bad = true;
        } else {
            e->open = x->a[e->open].up;
        }
    } else if (tk.k == ',' || tk.k == ':') {
        if (!ok || (tk.k == ':' && ok != '{')) {
            e->bad = true;
        }
        e->lastcut = self;
    } else if (tk.k != 's' && tk.k != 'w') {
        e->bad = true;
    }
    x->n++;
    return true;
}

/* The token jansson stopped at (position p) and the one before it:
 * the token holding byte p-1, else the first one after p (together:
 * the first token ending at or after p), else the last two tokens;
 * k == 0 marks a missing token.  *ci is cur's index in x (x->n when
 * there is none).  Scans only past the tokens x already has. */
static void tokidx_find(struct tokidx *x, const char *t, size_t n, size_t p,
                        struct tok *prev, struct tok *cur, size_t *ci)
{
    while (!x->full && (x->n == 0 || x->a[x->n - 1].t.e < p) &&
           tokidx_more(x, t, n)) {
    }
    if (x->full) {
        find_toks(t, n, p, prev, cur);
        *ci = 0; /* no cut: resume_at finds none before index 0 */
        return;
    }
    struct tok none = {0, 0, 0};
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->a[mid].t.e < p) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < x->n) {
        *cur = x->a[lo].t;
        *prev = lo > 0 ? x->a[lo - 1].t : none;
        *ci = lo;
        return;
    }
    *cur = x->n > 0 ? x->a[x->n - 1].t : none;
    *prev = x->n > 1 ? x->a[x->n - 2].t : none;
    *ci = x->n;
}

/* Drop the tokens that do not end before pos (a repair changes the
 * text there); the scan goes on after the last one kept. */
static void tokidx_cut(struct tokidx *x, size_t pos)
{
    while (x->n > 0 && x->a[x->n - 1].t.e >= pos) {
        x->n--;
    }
    x->pos = x->n ? x->a[x->n - 1].t.e : 0;
    x->done = false;
}

/* Fill r for the current text t[0..n) with the last cut of x at or
 * before lim (the first byte a candidate may change or jansson
 * refused), looking among the tokens before index before.  The text
 * before lim was accepted by jansson, so the tolerant tokenizer reads
 * it as jansson does; anything unexpected gives no cut. */
static void resume_at(const struct tokidx *x, size_t before, const char *t,
                      size_t lim, struct resume *r)
{
    r->cut = 0;
    r->syn = NULL;
    r->synlen = 0;
    /* jansson loses count of a NUL byte it reads after a number or a
       word (its one-byte put-back buffer takes the NUL for empty), so
       its positions after one are not byte offsets: no cut past it */
    const char *nul = memchr(t, '\0', lim);
    if (nul) {
        lim = (size_t)(nul - t);
    }
    int32_t i = before > 0 && before <= x->n ? x->a[before - 1].lastcut : -1;
    while (i >= 0 && x->a[i].t.e > lim) {
        i = i > 0 ? x->a[i - 1].lastcut : -1;
    }
    if (i < 0 || x->a[i].bad) {
        return;
    }
    const struct itok *ct = &x->a[i];
    /* the open containers, innermost first */
    char kinds[CLOSER_MAX];
    size_t depth = 0;
    for (int32_t o = ct->open; o >= 0; o = x->a[o].up) {
        if (depth == CLOSER_MAX) {
            return;
        }
        kinds[depth++] = x->a[o].t.k;
    }
    if (depth == 0) {
        return;
    }
    /* outer containers are inside a value: "[" or "{\"\":"; the
       innermost one as the cut token left it */
    char *b = jx_xmalloc(depth * 6 + 1);
    size_t k = 0;
    for (size_t j = depth; j-- > 0;) {
        const char *sy;
        char kd = kinds[j];
        if (j > 0 || ct->t.k == ':') {
            sy = kd == '[' ? "[" : "{\"\":";
        } else if (ct->t.k == ',') {
            sy = kd == '[' ? "[0," : "{\"\":0,";
        } else {
            sy = kd == '[' ? "[" : "{";
        }
        size_t sl = strlen(sy);
        memcpy(b + k, sy, sl);
        k += sl;
    }
    b[k] = '\0';
    r->cut = ct->t.e;
    r->syn = b;
    r->synlen = k;
}

/* A text in up to four pieces, handed to jansson by json_load_callback
 * without being copied into one buffer (under ASan every copy of the
 * text was a fresh allocation, filled and faulted in page by page). */
struct pieces {
    const char *p[4];
    size_t n[4];
    size_t i;   /* the piece being read */
    size_t off; /* bytes of it already handed on */
};

/* json_load_callback's reader: the next bytes of the pieces (0 at the
 * end). */
static size_t pieces_read(void *buf, size_t buflen, void *data)
{
    struct pieces *pc = data;
    size_t k = 0;
    while (k < buflen && pc->i < 4) {
        size_t left = pc->n[pc->i] - pc->off;
        if (left == 0) {
            pc->i++;
            pc->off = 0;
            continue;
        }
        size_t take = left < buflen - k ? left : buflen - k;
        memcpy((char *)buf + k, pc->p[pc->i] + pc->off, take);
        pc->off += take;
        k += take;
    }
    return k;
}

/* Parse with jansson: pre[0..npre), then t[from..n) with candidate c
 * applied (c->pos >= from). */
static json_t *parse_cand(const char *pre, size_t npre, const char *t,
                          size_t n, size_t from, const struct cand *c,
                          json_error_t *e)
{
    struct pieces pc = {
        {pre, t + from, c->ins, t + c->pos + c->del},
        {npre, c->pos - from, c->inslen, n - c->pos - c->del},
        0, 0};
    return json_load_callback(pieces_read, &pc, LOAD_FLAGS, e);
}

/* Parse candidate c of t[0..n) (the text after it is *len2 bytes) from
 * r's cut on; *e2 gets the error with its position in the candidate's
 * whole text.  Returns true when the candidate parses to the end; then
 * *whole is the tree when the whole text was parsed (no cut: the
 * caller owns it), else NULL. */
static bool try_cand(const char *t, size_t n, const struct cand *c,
                     const struct resume *r, size_t *len2, json_error_t *e2,
                     json_t **whole)
{
    size_t cut = r->cut, sl = r->synlen;
    *len2 = n - c->del + c->inslen;
    *whole = NULL;
    json_t *root = parse_cand(r->syn ? r->syn : "", sl, t, n, cut, c, e2);
    if (root) {
        if (sl == 0 && cut == 0) {
            *whole = root;
        } else {
            json_decref(root);
        }
        return true;
    }
    size_t q = e2->position < 0 ? 0 : (size_t)e2->position;
    if (q < sl) {
        /* not met: the prefix is accepted; parse the whole text then */
        root = parse_cand("", 0, t, n, 0, c, e2);
        *whole = root;
        return root != NULL;
    }
    e2->position = (int)(q - sl + cut);
    e2->line = -1;
    e2->column = -1;
    return false;
}

/* Parse d->text, repairing syntax errors; sets d->root (or leaves it
 * NULL after recording why).  A repair's text was already parsed when
 * its candidate was tried: that parse's tree (a repair that ends the
 * errors) or error (the next error) is taken over instead of parsing
 * the same bytes again; jansson is deterministic, so the result is the
 * same. */
static void repair_loop(struct jx_jdoc *d, size_t max_repairs,
                        struct tokidx *x)
{
    json_error_t next_err; /* the error of the text applied last */
    bool have_next = false;
    for (;;) {
        json_error_t err;
        if (have_next) {
            err = next_err;
            have_next = false;
        } else {
            d->root = json_loadb(d->text, d->len, LOAD_FLAGS, &err);
            if (d->root) {
                return;
            }
        }
        size_t p = err.position < 0 ? 0 : (size_t)err.position;
        if (p > d->len) {
            p = d->len;
        }
        enum json_error_code ec = json_error_code(&err);
        const char *detail = jx_sprintf(
            d->arena, "解析器原文：%s",
            jx_jexcerpt(d->arena, err.text, strlen(err.text), 200));
        struct tok ctprev, ctcur;
        size_t ci;
        tokidx_find(x, d->text, d->len, p, &ctprev, &ctcur, &ci);
        if (d->nsyn >= max_repairs) {
            struct tok cur = ctcur;
            size_t at = cur.k ? cur.s : p;
            add_syntax(d, JX_JFIX_TOOMANY,
                       map_back(d->edits, d->nedits, at),
                       jx_sprintf(d->arena,
                                  "语法错误超过 %zu 处，停止读取",
                                  max_repairs),
                       detail);
            return;
        }
        size_t p0 = map_back(d->edits, d->nedits, p);
        struct cand c[12];
        size_t nc = make_cands(d->text, d->len, p, ec, c, ctprev, ctcur);
        size_t best = nc;
        size_t best_off = p0;
        bool best_ok = false;
        json_t *best_root = NULL;   /* the tree of the repair that parsed */
        json_error_t best_err;      /* the error of the best failing one */
        memset(&best_err, 0, sizeof best_err);
        /* candidates change nothing before their position, and jansson
           accepted the text before the tokens at the error */
        size_t lim = ctprev.k ? ctprev.s : ctcur.k ? ctcur.s : p;
        lim = lim < p ? lim : p;
        for (size_t i = 0; i < nc; i++) {
            lim = c[i].pos < lim ? c[i].pos : lim;
        }
        struct resume rs;
        resume_at(x, ci, d->text, lim, &rs);
        for (size_t i = 0; i < nc && !best_ok; i++) {
            size_t len2;
            json_error_t e2;
            json_t *whole;
            bool ok = try_cand(d->text, d->len, &c[i], &rs, &len2, &e2,
                               &whole);
            if (ok) {
                /* the tree of the whole text (the same verdict) */
                json_t *r = whole ? whole
                                  : parse_cand("", 0, d->text, d->len, 0,
                                               &c[i], &e2);
                if (r) {
                    best_root = r;
                    best = i;
                    best_ok = true;
                    break;
                }
            }
            size_t q = e2.position < 0 ? 0 : (size_t)e2.position;
            add_edit(d, c[i].pos, c[i].del, c[i].inslen);
            size_t q0 = map_back(d->edits, d->nedits, q > len2 ? len2 : q);
            d->nedits--;
            if (q0 > best_off) {
                best = i;
                best_off = q0;
                best_err = e2;
            }
        }
        free(rs.syn);
        if (best == nc) {
            size_t at = ctcur.k ? ctcur.s : p;
            struct cand none = {JX_JFIX_NONE, 0, 0, NULL, 0, 0};
            add_syntax(d, JX_JFIX_NONE, map_back(d->edits, d->nedits, at),
                       fix_msg(d->arena, d->text, &none, ctcur), detail);
        } else {
            struct cand *b = &c[best];
            /* a NUL is named in full: jansson's English adds nothing */
            add_syntax(d, b->fix, map_back(d->edits, d->nedits, b->report),
                       fix_msg(d->arena, d->text, b, ctcur),
                       b->fix == JX_JFIX_NUL ? NULL : detail);
            size_t len2;
            char *t2 = apply(d->text, d->len, b, &len2);
            free(d->buf);
            d->buf = t2;
            d->text = t2;
            d->len = len2;
            add_edit(d, b->pos, b->del, b->inslen);
            tokidx_cut(x, b->pos);
            if (best_ok) {
                d->root = best_root;
            } else {
                next_err = best_err;
                have_next = true;
            }
        }
        for (size_t i = 0; i < nc; i++) {
            free(c[i].ins);
        }
        if (best == nc || best_ok) {
            return;
        }
    }
}

/* Parse d->text, repairing syntax errors (repair_loop with its own
 * token index). */
static void parse_repairing(struct jx_jdoc *d, size_t max_repairs)
{
    struct tokidx x;
    memset(&x, 0, sizeof x);
    repair_loop(d, max_repairs, &x);
    free(x.a);
}

/* ---- the position scanner ------------------------------------------- */

/* Hash of a member (parent, key) or an element (parent, index). */
static uint32_t hash_of(int32_t parent, bool member, const char *k,
                        size_t n, uint32_t idx)
{
    uint32_t h = 2166136261u;
    uint32_t p = (uint32_t)parent;
    for (int i = 0; i < 4; i++) {
        h = (h ^ ((p >> (8 * i)) & 0xffu)) * 16777619u;
    }
    h = (h ^ (member ? 1u : 2u)) * 16777619u;
    if (member) {
        for (size_t i = 0; i < n; i++) {
            h = (h ^ (unsigned char)k[i]) * 16777619u;
        }
    } else {
        for (int i = 0; i < 4; i++) {
            h = (h ^ ((idx >> (8 * i)) & 0xffu)) * 16777619u;
        }
    }
    h ^= h >> 15;
    h *= 0x2c1b3c6du;
    h ^= h >> 12;
    return h;
}

/* True when node x is the member key[0..n) or element idx of parent. */
static bool node_is(const struct jx_jdoc *d, const struct jnode *x,
                    int32_t parent, bool member, const char *k, size_t n,
                    uint32_t idx)
{
    if (x->parent != parent || (x->member != 0) != member) {
        return false;
    }
    if (!member) {
        return x->idx == idx;
    }
    return x->idx == n && memcmp(d->keys + x->key, k, n) == 0;
}

/* The slot of (parent, key/index): where it is, or the empty slot
 * where it would go. */
static size_t find_slot(const struct jx_jdoc *d, int32_t parent,
                        bool member, const char *k, size_t n, uint32_t idx)
{
    size_t mask = d->nslots - 1;
    size_t i = hash_of(parent, member, k, n, idx) & mask;
    while (d->slots[i] != 0 &&
           !node_is(d, &d->nodes[d->slots[i] - 1], parent, member, k, n,
                    idx)) {
        i = (i + 1) & mask;
    }
    return i;
}

/* Double the hash table and re-insert every entry. */
static void rehash(struct jx_jdoc *d)
{
    uint32_t *old = d->slots;
    size_t nold = d->nslots;
    d->nslots = nold ? nold * 2 : 1024;
    d->slots = jx_xmalloc(d->nslots * sizeof *d->slots);
    memset(d->slots, 0, d->nslots * sizeof *d->slots);
    for (size_t i = 0; i < nold; i++) {
        if (old[i] == 0) {
            continue;
        }
        const struct jnode *x = &d->nodes[old[i] - 1];
        size_t s = find_slot(d, x->parent, x->member != 0,
                             x->member ? d->keys + x->key : NULL, x->idx,
                             x->idx);
        d->slots[s] = old[i];
    }
    free(old);
}

/* Enter node id (already filled) into the hash; a member whose key is
 * already there is recorded as a duplicate and replaces the entry. */
static void index_node(struct jx_jdoc *d, int32_t id)
{
    if ((d->nused + 1) * 2 > d->nslots) {
        rehash(d);
    }
    const struct jnode *x = &d->nodes[id];
    size_t s = find_slot(d, x->parent, x->member != 0,
                         x->member ? d->keys + x->key : NULL, x->idx, x->idx);
    if (d->slots[s] != 0) {
        if (x->member) {
            d->dups = grow(d->dups, &d->capdups, d->ndups + 1,
                           sizeof *d->dups);
            d->dups[d->ndups++] = id;
        }
    } else {
        d->nused++;
    }
    d->slots[s] = (uint32_t)id + 1;
}

/* The value of the 4 hex digits at s (s has at least 4 bytes). */
static uint32_t hex4(const char *s)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        uint32_t h = 0;
        if (c >= '0' && c <= '9') {
            h = (uint32_t)(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            h = (uint32_t)(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            h = (uint32_t)(c - 'A' + 10);
        }
        v = v * 16 + h;
    }
    return v;
}

/* Encode code point cp (at most U+10FFFF) as UTF-8 into u; returns the
 * number of bytes written (1 to 4). */
static size_t utf8_encode(uint32_t cp, char u[4])
{
    if (cp < 0x80) {
        u[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Append code point cp to the key buffer as UTF-8. */
static void keys_put_cp(struct jx_jdoc *d, uint32_t cp)
{
    char u[4];
    size_t n = utf8_encode(cp, u);
    d->keys = grow(d->keys, &d->keyscap, d->keyslen + n, 1);
    memcpy(d->keys + d->keyslen, u, n);
    d->keyslen += n;
}

/* Decode the JSON string starting at t[i] == '"' into the key buffer;
 * returns the offset after its closing quote. */
static size_t decode_key(struct jx_jdoc *d, size_t i)
{
    const char *t = d->text;
    size_t n = d->len;
    i++;
    while (i < n && t[i] != '"') {
        if (t[i] != '\\') {
            d->keys = grow(d->keys, &d->keyscap, d->keyslen + 1, 1);
            d->keys[d->keyslen++] = t[i++];
            continue;
        }
        if (i + 1 >= n) {
            return n;
        }
        char e = t[i + 1];
        i += 2;
        uint32_t cp;
        switch (e) {
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            if (i + 4 > n) {
                return n;
            }
            cp = hex4(t + i);
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= n &&
                t[i] == '\\' && t[i + 1] == 'u') {
                uint32_t lo = hex4(t + i + 2);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            break;
        default: cp = (unsigned char)e; break;
        }
        keys_put_cp(d, cp);
    }
    return i < n ? i + 1 : n;
}

/* Offset after the scalar token starting at t[i]. */
static size_t scalar_end(const char *t, size_t n, size_t i)
{
    if (t[i] == '"') {
        size_t j = i + 1;
        while (j < n) {
            if (t[j] == '\\') {
                j += 2;
            } else if (t[j] == '"') {
                return j + 1;
            } else {
                j++;
            }
        }
        return n;
    }
    size_t j = i;
    while (j < n && !is_ws(t[j]) && !is_punct(t[j]) && t[j] != '"') {
        j++;
    }
    return j;
}

/* Add a node for a value at offset off; returns its id. */
static int32_t add_node(struct jx_jdoc *d, int32_t parent, bool member,
                        uint32_t idx, uint32_t key, uint32_t key_off,
                        size_t off)
{
    d->nodes = grow(d->nodes, &d->capnodes, d->nnodes + 1, sizeof *d->nodes);
    int32_t id = (int32_t)d->nnodes++;
    struct jnode *x = &d->nodes[id];
    x->parent = parent;
    x->idx = idx;
    x->key = key;
    x->key_off = key_off;
    x->val_off = (uint32_t)off;
    x->val_len = 0;
    x->member = member ? 1 : 0;
    x->kind = 's';
    if (parent >= 0) {
        index_node(d, id);
    }
    return id;
}

/* A container being scanned. */
struct frame {
    int32_t node;
    char type;      /* '{' or '[' */
    uint32_t count; /* members/elements seen, minus one */
};

/* Walk the tokens of the accepted text d->text and record every value
 * and key.  Sets too_deep (and returns) when nesting passes max. */
static void scan(struct jx_jdoc *d, int max)
{
    const char *t = d->text;
    size_t n = d->len;
    struct frame *st = NULL;
    size_t nst = 0, capst = 0;
    size_t i = skip_ws(t, n, 0);
    int32_t parent = -1;
    bool member = false;
    uint32_t idx = 0, key = 0, key_off = 0;
    enum { S_VALUE, S_KEY, S_AFTER } state = S_VALUE;
    d->keys = grow(d->keys, &d->keyscap, 1, 1);
    for (;;) {
        if (state == S_VALUE) {
            i = skip_ws(t, n, i);
            if (i >= n) {
                break;
            }
            int32_t id = add_node(d, parent, member, idx, key, key_off, i);
            char c = t[i];
            if (c == '{' || c == '[') {
                d->nodes[id].kind = c;
                if (nst >= (size_t)max) {
                    d->too_deep = true;
                    d->deep_off = map_back(d->edits, d->nedits, i);
                    break;
                }
                st = grow(st, &capst, nst + 1, sizeof *st);
                st[nst].node = id;
                st[nst].type = c;
                st[nst].count = 0;
                nst++;
                i = skip_ws(t, n, i + 1);
                if (i < n && t[i] == (c == '{' ? '}' : ']')) {
                    nst--;
                    i++;
                    state = S_AFTER;
                } else if (c == '{') {
                    state = S_KEY;
                } else {
                    parent = id;
                    member = false;
                    idx = 0;
                }
            } else {
                size_t e = scalar_end(t, n, i);
                d->nodes[id].val_len = (uint32_t)(e - i);
                i = e;
                state = S_AFTER;
            }
        } else if (state == S_KEY) {
            i = skip_ws(t, n, i);
            if (i >= n || t[i] != '"' || nst == 0) {
                break;
            }
            key_off = (uint32_t)i;
            key = (uint32_t)d->keyslen;
            i = decode_key(d, i);
            idx = (uint32_t)(d->keyslen - key);
            i = skip_ws(t, n, i);
            if (i >= n || t[i] != ':') {
                break;
            }
            i = skip_ws(t, n, i + 1);
            parent = st[nst - 1].node;
            member = true;
            state = S_VALUE;
        } else {
            i = skip_ws(t, n, i);
            if (nst == 0 || i >= n) {
                break;
            }
            struct frame *top = &st[nst - 1];
            if (t[i] == ',') {
                i++;
                top->count++;
                if (top->type == '{') {
                    state = S_KEY;
                } else {
                    parent = top->node;
                    member = false;
                    idx = top->count;
                    state = S_VALUE;
                }
            } else if (t[i] == '}' || t[i] == ']') {
                nst--;
                i++;
            } else {
                break;
            }
        }
    }
    free(st);
}

/* ---- the one-pass parser --------------------------------------------- */

/* Most nesting the one-pass parser recurses to (jansson stops at 2048);
 * a deeper text goes the repairing way, which reports it. */
enum { FAST_DEPTH = 512 };

/* State of one pass over d->text[0..d->len). */
struct fast {
    struct jx_jdoc *d;
    const char *t;
    size_t n;
    size_t i;        /* next byte */
    int max;         /* deepest nesting accepted */
    char *sb;        /* scratch for decoded string values (malloc'd) */
    size_t sblen, sbcap;
};

/* Length of the strict UTF-8 sequence at s[0..n) (as jansson accepts
 * it: no overlong forms, no surrogates, nothing past U+10FFFF), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t k;
    uint32_t cp;
    if (c < 0xC2) {
        return 0;
    } else if (c < 0xE0) {
        k = 2;
        cp = c & 0x1Fu;
    } else if (c < 0xF0) {
        k = 3;
        cp = c & 0x0Fu;
    } else if (c < 0xF5) {
        k = 4;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (n < k) {
        return 0;
    }
    for (size_t j = 1; j < k; j++) {
        if ((s[j] & 0xC0u) != 0x80u) {
            return 0;
        }
        cp = (cp << 6) | (s[j] & 0x3Fu);
    }
    if ((k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        return 0;
    }
    return k;
}

/* Append s[0..n) to the growing buffer *b (length *len, capacity
 * *cap). */
static void buf_put(char **b, size_t *len, size_t *cap, const char *s,
                    size_t n)
{
    *b = grow(*b, cap, *len + n + 1, 1);
    memcpy(*b + *len, s, n);
    *len += n;
}

/* Append code point cp as UTF-8 to the growing buffer *b. */
static void buf_put_cp(char **b, size_t *len, size_t *cap, uint32_t cp)
{
    char u[4];
    size_t n = utf8_encode(cp, u);
    buf_put(b, len, cap, u, n);
}

/* True when the 4 bytes at s are hex digits. */
static bool is_hex4(const char *s)
{
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
              (c >= 'A' && c <= 'F'))) {
            return false;
        }
    }
    return true;
}

/* Decode the string at f->t[f->i] == '"' onto the buffer *b, as
 * jansson would accept it (no raw control characters, valid escapes
 * and UTF-8, no \u0000, paired surrogates); f->i moves past the closing
 * quote.  False for anything jansson would refuse (or might). */
static bool fast_string(struct fast *f, char **b, size_t *len, size_t *cap)
{
    const char *t = f->t;
    size_t n = f->n, i = f->i + 1;
    for (;;) {
        size_t s = i;
        while (i < n) {
            unsigned char c = (unsigned char)t[i];
            if (c == '"' || c == '\\' || c < 0x20) {
                break;
            }
            if (c >= 0x80) {
                size_t k = utf8_len((const unsigned char *)t + i, n - i);
                if (k == 0) {
                    return false;
                }
                i += k;
            } else {
                i++;
            }
        }
        if (i > s) {
            buf_put(b, len, cap, t + s, i - s);
        }
        if (i >= n || (unsigned char)t[i] < 0x20) {
            return false;
        }
        if (t[i] == '"') {
            f->i = i + 1;
            *b = grow(*b, cap, *len + 1, 1);
            return true;
        }
        if (i + 1 >= n) {
            return false;
        }
        char e = t[i + 1];
        i += 2;
        uint32_t cp;
        switch (e) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            if (i + 4 > n || !is_hex4(t + i)) {
                return false;
            }
            cp = hex4(t + i);
            i += 4;
            if (cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) {
                return false;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (i + 6 > n || t[i] != '\\' || t[i + 1] != 'u' ||
                    !is_hex4(t + i + 2)) {
                    return false;
                }
                uint32_t lo = hex4(t + i + 2);
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    return false;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
            break;
        default:
            return false;
        }
        buf_put_cp(b, len, cap, cp);
    }
}

/* Read the number at f->t[f->i] with jansson's grammar: an integer
 * that fits json_int_t, or a real whose magnitude cannot overflow (its
 * value is not kept: the loaders read the token, never a double).
 * NULL for anything jansson would refuse (or might). */
static json_t *fast_number(struct fast *f)
{
    const char *t = f->t;
    size_t n = f->n, i = f->i;
    bool neg = false;
    if (i < n && t[i] == '-') {
        neg = true;
        i++;
    }
    size_t ds = i;
    if (i < n && t[i] == '0') {
        i++;
        if (i < n && t[i] >= '0' && t[i] <= '9') {
            return NULL;
        }
    } else {
        while (i < n && t[i] >= '0' && t[i] <= '9') {
            i++;
        }
    }
    size_t ndig = i - ds;
    if (ndig == 0) {
        return NULL;
    }
    if (i >= n || (t[i] != '.' && t[i] != 'e' && t[i] != 'E')) {
        /* an integer: exactly as strtoll, refused on overflow */
        if (ndig > 19 ||
            (ndig == 19 &&
             memcmp(t + ds, neg ? "9223372036854775808" : "9223372036854775807",
                    19) > 0)) {
            return NULL;
        }
        unsigned long long v = 0;
        for (size_t k = ds; k < i; k++) {
            v = v * 10 + (unsigned)(t[k] - '0');
        }
        f->i = i;
        json_int_t r = !neg ? (json_int_t)v
                       : v > (unsigned long long)INT64_MAX ? INT64_MIN
                                                          : -(json_int_t)v;
        return json_integer(r);
    }
    long mag = (ds < n && t[ds] == '0') ? 0 : (long)ndig;
    if (t[i] == '.') {
        i++;
        size_t fs = i;
        while (i < n && t[i] >= '0' && t[i] <= '9') {
            i++;
        }
        if (i == fs) {
            return NULL;
        }
    }
    if (i < n && (t[i] == 'e' || t[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (t[i] == '+' || t[i] == '-')) {
            eneg = t[i] == '-';
            i++;
        }
        size_t es = i;
        long ev = 0;
        while (i < n && t[i] >= '0' && t[i] <= '9') {
            if (ev < 100000) {
                ev = ev * 10 + (t[i] - '0');
            }
            i++;
        }
        if (i == es) {
            return NULL;
        }
        mag += eneg ? -ev : ev;
    }
    if (mag > 300) {
        return NULL;
    }
    f->i = i;
    return json_real(0);
}

/* Parse the value at f->t[f->i] (no white space before it) as a node
 * of parent (member with key at key/klen and key_off, or element idx),
 * building jansson's value.  NULL when the text is not plain JSON the
 * pass can take; the caller then parses the repairing way. */
static json_t *fast_value(struct fast *f, int32_t parent, bool member,
                          uint32_t idx, uint32_t key, uint32_t key_off,
                          int depth)
{
    struct jx_jdoc *d = f->d;
    const char *t = f->t;
    size_t n = f->n;
    size_t i = f->i;
    if (i >= n) {
        return NULL;
    }
    int32_t id = add_node(d, parent, member, idx, key, key_off, i);
    char c = t[i];
    if (c == '{' || c == '[') {
        d->nodes[id].kind = c;
        if (depth >= f->max) {
            return NULL;
        }
        json_t *v = c == '{' ? json_object() : json_array();
        char close = c == '{' ? '}' : ']';
        i = skip_ws(t, n, i + 1);
        if (i < n && t[i] == close) {
            f->i = i + 1;
            return v;
        }
        for (uint32_t k = 0;; k++) {
            json_t *x;
            if (c == '{') {
                if (i >= n || t[i] != '"') {
                    goto bad;
                }
                uint32_t ko = (uint32_t)i;
                uint32_t kp = (uint32_t)d->keyslen;
                f->i = i;
                if (!fast_string(f, &d->keys, &d->keyslen, &d->keyscap)) {
                    goto bad;
                }
                uint32_t kl = (uint32_t)(d->keyslen - kp);
                i = skip_ws(t, n, f->i);
                if (i >= n || t[i] != ':') {
                    goto bad;
                }
                f->i = skip_ws(t, n, i + 1);
                x = fast_value(f, id, true, kl, kp, ko, depth + 1);
                if (!x) {
                    goto bad;
                }
                if (json_object_setn_new_nocheck(v, d->keys + kp, kl, x)) {
                    goto bad;
                }
            } else {
                f->i = i;
                x = fast_value(f, id, false, k, 0, 0, depth + 1);
                if (!x || json_array_append_new(v, x)) {
                    goto bad;
                }
            }
            i = skip_ws(t, n, f->i);
            if (i < n && t[i] == ',') {
                i = skip_ws(t, n, i + 1);
                continue;
            }
            if (i < n && t[i] == close) {
                f->i = i + 1;
                return v;
            }
            goto bad;
        }
    bad:
        json_decref(v);
        return NULL;
    }
    json_t *v = NULL;
    if (c == '"') {
        f->sblen = 0;
        if (!fast_string(f, &f->sb, &f->sblen, &f->sbcap)) {
            return NULL;
        }
        v = json_stringn_nocheck(f->sb, f->sblen);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        v = fast_number(f);
    } else {
        static const char *const lit[3] = {"true", "false", "null"};
        for (int k = 0; k < 3 && !v; k++) {
            size_t ln = strlen(lit[k]);
            if (n - i >= ln && memcmp(t + i, lit[k], ln) == 0 &&
                (n - i == ln || !((t[i + ln] >= 'a' && t[i + ln] <= 'z') ||
                                  (t[i + ln] >= 'A' && t[i + ln] <= 'Z')))) {
                v = k == 0 ? json_true() : k == 1 ? json_false() : json_null();
                f->i = i + ln;
            }
        }
    }
    if (v) {
        d->nodes[id].val_len = (uint32_t)(f->i - i);
    }
    return v;
}

/* Parse d->text in one pass into d->root with every node, as jansson
 * and scan() would; false (with the nodes cleared) when the text needs
 * the repairing way: a syntax error, a construct jansson might refuse,
 * or nesting deeper than max. */
static bool parse_fast(struct jx_jdoc *d, int max)
{
    struct fast f;
    memset(&f, 0, sizeof f);
    f.d = d;
    f.t = d->text;
    f.n = d->len;
    f.max = max < FAST_DEPTH ? max : FAST_DEPTH;
    f.i = skip_ws(f.t, f.n, 0);
    d->keys = grow(d->keys, &d->keyscap, 1, 1);
    json_t *root = fast_value(&f, -1, false, 0, 0, 0, 0);
    free(f.sb);
    if (root && skip_ws(f.t, f.n, f.i) == f.n) {
        d->root = root;
        return true;
    }
    json_decref(root);
    d->nnodes = 0;
    d->keyslen = 0;
    d->ndups = 0;
    d->nused = 0;
    if (d->slots) {
        memset(d->slots, 0, d->nslots * sizeof *d->slots);
    }
    return false;
}

/* ---- the line index of the original text ---------------------------- */

/* Record the line starts of the original text in d->lines (owned by
 * d): with SSE2, sixteen bytes compared with '\n' at a time and each
 * newline taken from the mask, so the short lines of a pretty-printed
 * document cost no call each; the tail (or, without SSE2, the whole
 * text) by memchr.  The code-point checkpoints come later, if at all
 * (index_leads). */
static void index_lines(struct jx_jdoc *d)
{
    const char *o = d->orig;
    size_t n = d->orig_len;
    size_t cap = 0;
    size_t *lines = grow(NULL, &cap, 1, sizeof *lines);
    size_t nl = 0;
    lines[nl++] = 0;
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i eol = _mm_set1_epi8('\n');
    for (; n - i >= 16; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(o + i));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, eol));
        if (m == 0) {
            continue;
        }
        /* at most 16 newlines in the block */
        lines = grow(lines, &cap, nl + 16, sizeof *lines);
        for (; m; m &= m - 1) {
            lines[nl++] = i + (size_t)__builtin_ctz(m) + 1;
        }
    }
#endif
    for (const char *p = i < n ? memchr(o + i, '\n', n - i) : NULL; p;
         p = memchr(p + 1, '\n', n - (size_t)(p + 1 - o))) {
        lines = grow(lines, &cap, nl + 1, sizeof *lines);
        lines[nl++] = (size_t)(p - o) + 1;
    }
    d->lines = lines;
    d->nlines = nl;
}

/* Count the lead bytes of the original text by blocks of LEAD_BLOCK
 * (d->lead, owned by d): only for a line longer than a block, so a
 * document of short lines never pays for the pass. */
static void index_leads(struct jx_jdoc *d)
{
    const char *o = d->orig;
    size_t n = d->orig_len;
    d->nlead = n / LEAD_BLOCK + 1;
    d->lead = jx_xmalloc(d->nlead * sizeof *d->lead);
    size_t count = 0;
    for (size_t b = 0; b < d->nlead; b++) {
        d->lead[b] = count;
        size_t from = b * LEAD_BLOCK;
        size_t to = from + LEAD_BLOCK < n ? from + LEAD_BLOCK : n;
        size_t k = 0;
        for (size_t i = from; i < to; i++) {
            k += ((unsigned char)o[i] & 0xC0) != 0x80;
        }
        count += k;
    }
}

/* Code points (lead bytes) of the original text before offset off. */
static size_t lead_before(const struct jx_jdoc *d, size_t off)
{
    size_t b = off / LEAD_BLOCK;
    size_t count = d->lead[b];
    for (size_t i = b * LEAD_BLOCK; i < off; i++) {
        if (((unsigned char)d->orig[i] & 0xC0) != 0x80) {
            count++;
        }
    }
    return count;
}

/* Line and column of an original offset; see base_json.h. */
void jx_jdoc_offpos(const struct jx_jdoc *d, size_t off, int *line,
                    int *col)
{
    if (off > d->orig_len) {
        off = d->orig_len;
    }
    if (!d->lines) {
        /* built on the first question (the document is malloc'd) */
        index_lines((struct jx_jdoc *)d);
    }
    size_t lo = 0, hi = d->nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->lines[mid] <= off) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    size_t start = d->lines[lo];
    if (lo == 0 && start < d->bom) {
        start = d->bom;
    }
    size_t c = 0;
    if (off >= start && off - start <= LEAD_BLOCK) {
        /* a short span: count its lead bytes directly */
        for (size_t i = start; i < off; i++) {
            c += ((unsigned char)d->orig[i] & 0xC0) != 0x80;
        }
    } else if (off >= start) {
        if (!d->lead) {
            index_leads((struct jx_jdoc *)d);
        }
        c = lead_before(d, off) - lead_before(d, start);
    }
    *line = lo + 1 > (size_t)INT32_MAX ? INT32_MAX : (int)(lo + 1);
    *col = c + 1 > (size_t)INT32_MAX ? INT32_MAX : (int)(c + 1);
}

/* ---- public functions ----------------------------------------------- */

/* Parse with repairs, then index positions; see base_json.h. */
struct jx_jdoc *jx_jdoc_parse(struct jx_arena *arena, const char *text,
                              size_t len, const struct jx_jlimits *lim)
{
    struct jx_jdoc *d = jx_xmalloc(sizeof *d);
    memset(d, 0, sizeof *d);
    d->arena = arena;
    d->orig = text;
    d->orig_len = len;
    size_t skip = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        skip = 3;
        d->bom = 3;
        add_edit(d, 0, 3, 0);
    }
    d->len = len - skip;
    /* plain JSON (the usual case): values and positions in one pass */
    d->text = text + skip;
    if (!lim->repairing_only && parse_fast(d, lim->max_depth)) {
        return d;
    }
    /* otherwise jansson, repairs, then the walk for the positions */
    d->buf = jx_xmalloc(d->len + 1);
    if (d->len > 0) {
        memcpy(d->buf, text + skip, d->len);
    }
    d->buf[d->len] = '\0';
    d->text = d->buf;
    size_t deep = 0;
    if (max_depth_of(d->text, d->len, lim->max_depth, &deep) >
        lim->max_depth) {
        d->too_deep = true;
        d->deep_off = map_back(d->edits, d->nedits, deep);
        return d;
    }
    parse_repairing(d, lim->max_repairs);
    if (!d->root) {
        return d;
    }
    scan(d, lim->max_depth);
    if (d->too_deep) {
        json_decref(d->root);
        d->root = NULL;
    }
    return d;
}

/* Free everything the document owns. */
void jx_jdoc_free(struct jx_jdoc *d)
{
    if (!d) {
        return;
    }
    json_decref(d->root);
    free(d->buf);
    free(d->edits);
    free(d->syn);
    free(d->nodes);
    free(d->keys);
    free(d->slots);
    free(d->dups);
    free(d->lines);
    free(d->lead);
    free(d->first);
    free(d->next);
    free(d);
}

/* jansson's tree (borrowed). */
json_t *jx_jdoc_root(const struct jx_jdoc *d)
{
    return d->root;
}

/* Number of syntax problems. */
size_t jx_jdoc_nsyntax(const struct jx_jdoc *d)
{
    return d->nsyn;
}

/* The i-th syntax problem (borrowed). */
const struct jx_jsyntax *jx_jdoc_syntax(const struct jx_jdoc *d, size_t i)
{
    return i < d->nsyn ? &d->syn[i] : NULL;
}

/* Whether nesting was too deep, and where. */
bool jx_jdoc_too_deep(const struct jx_jdoc *d, size_t *off)
{
    if (off) {
        *off = d->deep_off;
    }
    return d->too_deep;
}

/* Member lookup through the hash. */
int32_t jx_jdoc_member(const struct jx_jdoc *d, int32_t obj,
                       const char *key, size_t keylen)
{
    if (obj < 0 || (size_t)obj >= d->nnodes || d->nslots == 0 ||
        d->nodes[obj].kind != '{') {
        return -1;
    }
    size_t s = find_slot(d, obj, true, key, keylen, 0);
    return d->slots[s] ? (int32_t)(d->slots[s] - 1) : -1;
}

/* Element lookup through the hash. */
int32_t jx_jdoc_element(const struct jx_jdoc *d, int32_t arr, size_t i)
{
    if (arr < 0 || (size_t)arr >= d->nnodes || d->nslots == 0 ||
        d->nodes[arr].kind != '[' || i > UINT32_MAX) {
        return -1;
    }
    size_t s = find_slot(d, arr, false, NULL, 0, (uint32_t)i);
    return d->slots[s] ? (int32_t)(d->slots[s] - 1) : -1;
}

/* Walk a JSON pointer from the root. */
int32_t jx_jdoc_lookup(const struct jx_jdoc *d, const char *pointer)
{
    if (d->nnodes == 0 || !pointer) {
        return -1;
    }
    int32_t node = 0;
    const char *p = pointer;
    struct jx_buf seg;
    jx_buf_init(&seg, SIZE_MAX);
    while (*p && node >= 0) {
        if (*p != '/') {
            node = -1;
            break;
        }
        p++;
        size_t raw = strcspn(p, "/");
        const char *sp = p; /* the segment, unescaped */
        size_t sn = raw;
        if (memchr(p, '~', raw)) {
            jx_buf_reset(&seg);
            while (*p && *p != '/') {
                if (p[0] == '~' && p[1] == '1') {
                    jx_buf_addc(&seg, '/');
                    p += 2;
                } else if (p[0] == '~' && p[1] == '0') {
                    jx_buf_addc(&seg, '~');
                    p += 2;
                } else {
                    jx_buf_addc(&seg, *p++);
                }
            }
            sp = seg.p;
            sn = seg.len;
        } else {
            p += raw; /* nothing escaped: the segment as it stands */
        }
        if (d->nodes[node].kind == '[') {
            size_t i = 0;
            bool ok = sn > 0 && sn < 10 && !(sn > 1 && sp[0] == '0');
            for (size_t k = 0; ok && k < sn; k++) {
                if (sp[k] < '0' || sp[k] > '9') {
                    ok = false;
                } else {
                    i = i * 10 + (size_t)(sp[k] - '0');
                }
            }
            node = ok ? jx_jdoc_element(d, node, i) : -1;
        } else {
            node = jx_jdoc_member(d, node, sp, sn);
        }
    }
    jx_buf_release(&seg);
    return node;
}

/* Line and column of a node's value or key. */
void jx_jdoc_where(const struct jx_jdoc *d, int32_t node, bool key,
                   int *line, int *col)
{
    if (node < 0 || (size_t)node >= d->nnodes) {
        *line = 0;
        *col = 0;
        return;
    }
    const struct jnode *x = &d->nodes[node];
    size_t off = key && x->member ? x->key_off : x->val_off;
    jx_jdoc_offpos(d, map_back(d->edits, d->nedits, off), line, col);
}

/* The token of a scalar value (borrowed). */
const char *jx_jdoc_token(const struct jx_jdoc *d, int32_t node, size_t *len)
{
    if (node < 0 || (size_t)node >= d->nnodes || d->nodes[node].kind != 's') {
        *len = 0;
        return NULL;
    }
    *len = d->nodes[node].val_len;
    return d->text + d->nodes[node].val_off;
}

/* The decoded key of a member node (borrowed). */
const char *jx_jdoc_key(const struct jx_jdoc *d, int32_t node, size_t *len)
{
    if (node < 0 || (size_t)node >= d->nnodes || !d->nodes[node].member) {
        *len = 0;
        return NULL;
    }
    *len = d->nodes[node].idx;
    return d->keys + d->nodes[node].key;
}

/* Link every node to its first child and its next sibling, in one
 * pass from the last node back (a child always follows its parent). */
static void index_children(struct jx_jdoc *d)
{
    size_t n = d->nnodes ? d->nnodes : 1;
    d->first = jx_xmalloc(n * sizeof *d->first);
    d->next = jx_xmalloc(n * sizeof *d->next);
    for (size_t k = 0; k < n; k++) {
        d->first[k] = -1;
        d->next[k] = -1;
    }
    for (size_t k = d->nnodes; k-- > 1;) {
        int32_t p = d->nodes[k].parent;
        if (p >= 0 && (size_t)p < k) {
            d->next[k] = d->first[p];
            d->first[p] = (int32_t)k;
        }
    }
}

/* The first member or element of a container, in the order of the text
 * (base_json.h). */
int32_t jx_jdoc_first(const struct jx_jdoc *d, int32_t node)
{
    if (node < 0 || (size_t)node >= d->nnodes) {
        return -1;
    }
    if (!d->first) {
        index_children((struct jx_jdoc *)d);
    }
    return d->first[node];
}

/* The member or element after node in its container (base_json.h). */
int32_t jx_jdoc_next(const struct jx_jdoc *d, int32_t node)
{
    if (node < 0 || (size_t)node >= d->nnodes) {
        return -1;
    }
    if (!d->first) {
        index_children((struct jx_jdoc *)d);
    }
    return d->next[node];
}

/* The type of a scalar's token t[0..n) (jansson's rule for numbers:
 * an integer unless it holds '.', 'e' or 'E'). */
static enum jx_jtype token_type(const char *t, size_t n)
{
    switch (t[0]) {
    case '"':
        return JX_JT_STRING;
    case 't':
        return JX_JT_TRUE;
    case 'f':
        return JX_JT_FALSE;
    case 'n':
        return JX_JT_NULL;
    default:
        break;
    }
    for (size_t i = 0; i < n; i++) {
        if (t[i] == '.' || t[i] == 'e' || t[i] == 'E') {
            return JX_JT_REAL;
        }
    }
    return JX_JT_INTEGER;
}

/* A node's type and text in one call (base_json.h). */
enum jx_jtype jx_jdoc_val(const struct jx_jdoc *d, int32_t node,
                          struct jx_jval *v)
{
    v->s = NULL;
    v->n = 0;
    if (node < 0 || (size_t)node >= d->nnodes) {
        return v->type = JX_JT_NONE;
    }
    const struct jnode *x = &d->nodes[node];
    if (x->kind != 's') {
        return v->type = x->kind == '{' ? JX_JT_OBJECT : JX_JT_ARRAY;
    }
    const char *t = d->text + x->val_off;
    v->type = token_type(t, x->val_len);
    if (v->type != JX_JT_STRING) {
        v->s = t;
        v->n = x->val_len;
    } else if (!memchr(t + 1, '\\', x->val_len - 2)) {
        v->s = t + 1;
        v->n = x->val_len - 2;
    } else {
        json_t *j = jx_jdoc_value(d, node); /* jansson's decoding */
        v->s = json_string_value(j);
        v->n = json_string_length(j);
    }
    return v->type;
}

/* The type of a node's value, from its token (base_json.h). */
enum jx_jtype jx_jdoc_type(const struct jx_jdoc *d, int32_t node)
{
    if (node < 0 || (size_t)node >= d->nnodes) {
        return JX_JT_NONE;
    }
    const struct jnode *x = &d->nodes[node];
    if (x->kind != 's') {
        return x->kind == '{' ? JX_JT_OBJECT : JX_JT_ARRAY;
    }
    return token_type(d->text + x->val_off, x->val_len);
}

/* The decoded text of a string node (base_json.h). */
const char *jx_jdoc_string(const struct jx_jdoc *d, int32_t node,
                           size_t *len)
{
    struct jx_jval v;
    if (jx_jdoc_val(d, node, &v) != JX_JT_STRING) {
        *len = 0;
        return NULL;
    }
    *len = v.n;
    return v.s;
}

/* The value of an integer node from its token (base_json.h): jansson
 * took the token whole (strtoll, no overflow), so the digits fit. */
int64_t jx_jdoc_integer(const struct jx_jdoc *d, int32_t node)
{
    if (jx_jdoc_type(d, node) != JX_JT_INTEGER) {
        return 0;
    }
    const struct jnode *x = &d->nodes[node];
    const char *t = d->text + x->val_off;
    uint32_t i = 0;
    bool neg = t[0] == '-';
    i += neg ? 1u : 0u;
    uint64_t u = 0;
    for (; i < x->val_len && t[i] >= '0' && t[i] <= '9'; i++) {
        u = u * 10u + (uint64_t)(t[i] - '0');
    }
    return neg ? (int64_t)(0u - u) : (int64_t)u;
}

/* The number of children of a container node (base_json.h). */
size_t jx_jdoc_count(const struct jx_jdoc *d, int32_t node)
{
    size_t n = 0;
    for (int32_t k = jx_jdoc_first(d, node); k >= 0; k = jx_jdoc_next(d, k)) {
        n++;
    }
    return n;
}

/* Whether a member node is the last of its key (base_json.h). */
bool jx_jdoc_is_last(const struct jx_jdoc *d, int32_t k)
{
    size_t kl;
    const char *key = jx_jdoc_key(d, k, &kl);
    return key && jx_jdoc_member(d, d->nodes[k].parent, key, kl) == k;
}

/* jansson's value of a node, by key or index from the root
 * (base_json.h). */
json_t *jx_jdoc_value(const struct jx_jdoc *d, int32_t node)
{
    if (node < 0 || (size_t)node >= d->nnodes || !d->root) {
        return NULL;
    }
    const struct jnode *x = &d->nodes[node];
    if (x->parent < 0) {
        return d->root;
    }
    json_t *p = jx_jdoc_value(d, x->parent);
    if (x->member) {
        return json_object_getn(p, d->keys + x->key, x->idx);
    }
    return json_array_get(p, x->idx);
}

/* Build the JSON pointer of a node, root first. */
char *jx_jdoc_path(const struct jx_jdoc *d, int32_t node,
                   struct jx_arena *arena)
{
    if (node < 0 || (size_t)node >= d->nnodes) {
        return NULL;
    }
    size_t depth = 0;
    for (int32_t x = node; x > 0; x = d->nodes[x].parent) {
        depth++;
    }
    int32_t *chain = jx_xmalloc((depth + 1) * sizeof *chain);
    size_t k = depth;
    for (int32_t x = node; x > 0; x = d->nodes[x].parent) {
        chain[--k] = x;
    }
    struct jx_buf b;
    jx_buf_init(&b, SIZE_MAX);
    for (size_t i = 0; i < depth; i++) {
        const struct jnode *x = &d->nodes[chain[i]];
        jx_buf_addc(&b, '/');
        if (!x->member) {
            char num[16]; /* the index in decimal, written backwards */
            size_t nd = sizeof num;
            uint32_t v = x->idx;
            do {
                num[--nd] = (char)('0' + v % 10);
                v /= 10;
            } while (v > 0);
            jx_buf_add(&b, num + nd, sizeof num - nd);
            continue;
        }
        const char *kp = d->keys + x->key;
        size_t kn = x->idx;
        for (size_t j = 0; j < kn;) {
            /* the run up to the next byte to escape, in one piece */
            size_t r = j;
            while (r < kn && kp[r] != '~' && kp[r] != '/') {
                r++;
            }
            jx_buf_add(&b, kp + j, r - j);
            if (r < kn) {
                jx_buf_adds(&b, kp[r] == '~' ? "~0" : "~1");
                r++;
            }
            j = r;
        }
    }
    free(chain);
    char *r = jx_strndup(arena, b.p, b.len);
    jx_buf_release(&b);
    return r;
}

/* Number of duplicated keys. */
size_t jx_jdoc_ndups(const struct jx_jdoc *d)
{
    return d->ndups;
}

/* The node of the i-th duplicated key. */
int32_t jx_jdoc_dup(const struct jx_jdoc *d, size_t i)
{
    return i < d->ndups ? d->dups[i] : -1;
}

/* Chinese name of a JSON value's type (base_json.h). */
const char *jx_json_type_zh(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "对象";
    case JSON_ARRAY:
        return "数组";
    case JSON_STRING:
        return "字符串";
    case JSON_INTEGER:
        return "整数";
    case JSON_REAL:
        return "小数";
    case JSON_TRUE:
    case JSON_FALSE:
        return "布尔值";
    case JSON_NULL:
        break;
    }
    return "null";
}

/* ---- one load of a file with located diagnostics ------------------------ */

/* Start a load (base_json.h). */
void jx_jload_init(struct jx_jload *l, struct jx_arena *a, const char *file,
                   const struct jx_jcodes *codes, size_t limit)
{
    memset(l, 0, sizeof *l);
    l->a = a;
    l->file = file;
    l->codes = codes;
    l->excerpt = 40;
    jx_diags_init(&l->dg, a);
    l->dg.limit = limit;
    jx_buf_init(&l->path, SIZE_MAX);
}

/* Report the syntax problems the parse found (and repaired). */
static void jload_syntax(struct jx_jload *l)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = l->file;
    for (size_t i = 0; i < jx_jdoc_nsyntax(l->doc); i++) {
        const struct jx_jsyntax *s = jx_jdoc_syntax(l->doc, i);
        jx_jdoc_offpos(l->doc, s->off, &loc.line, &loc.col);
        bool stop = s->fix == JX_JFIX_NONE || s->fix == JX_JFIX_TOOMANY;
        struct jx_diag *e =
            jx_diag_add(&l->dg, stop ? l->codes->stopped : l->codes->syntax,
                        JX_SEV_ERROR, &loc, "%s", s->msg);
        if (s->detail) {
            jx_diag_detail(&l->dg, e, "%s", s->detail);
        }
    }
}

/* Parse and report what is wrong with the text as JSON (base_json.h). */
json_t *jx_jload_parse(struct jx_jload *l, const char *text, size_t len,
                       const struct jx_jlimits *lim)
{
    if (lim->max_bytes && len > lim->max_bytes) {
        jx_jload_rep_at(l, l->codes->too_big, JX_SEV_ERROR, 0, 0,
                        "%s过大：%zu 字节，上限 %zu 字节", l->codes->what, len,
                        lim->max_bytes);
        return NULL;
    }
    l->doc = jx_jdoc_parse(l->a, text, len, lim);
    jload_syntax(l);
    size_t deep;
    if (jx_jdoc_too_deep(l->doc, &deep)) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        loc.file = l->file;
        jx_jdoc_offpos(l->doc, deep, &loc.line, &loc.col);
        jx_diag_add(&l->dg, l->codes->too_deep, JX_SEV_ERROR, &loc,
                    "嵌套过深：超过 %d 层", lim->max_depth);
        return NULL;
    }
    json_t *root = jx_jdoc_root(l->doc);
    if (!root) {
        return NULL;
    }
    for (size_t i = 0; i < jx_jdoc_ndups(l->doc); i++) {
        int32_t n = jx_jdoc_dup(l->doc, i);
        size_t klen;
        const char *key = jx_jdoc_key(l->doc, n, &klen);
        l->nsegs = 0;
        l->whole = jx_jdoc_path(l->doc, n, l->a);
        jx_jload_rep(l, l->codes->dup_key, n, true,
                     "重复的键 \"%s\"（以最后一个为准）",
                     jx_jexcerpt(l->a, key, klen, l->excerpt));
    }
    l->whole = NULL;
    l->nsegs = 0;
    if (!json_is_object(root)) {
        jx_jload_rep(l, l->codes->type, 0, false,
                     "类型错误：顶层应为对象，实际为%s", jx_json_type_zh(root));
        return NULL;
    }
    return root;
}

/* Hand the diagnostics over, sorted, and release (base_json.h). */
void jx_jload_finish(struct jx_jload *l, struct jx_diags *out)
{
    jx_diags_sort(&l->dg);
    for (size_t i = 0; i < l->dg.n; i++) {
        const struct jx_diag *e = &l->dg.a[i];
        struct jx_diag *n =
            jx_diag_add(out, e->code, e->severity, &e->loc, "%s", e->msg);
        if (e->detail) {
            jx_diag_detail(out, n, "%s", e->detail);
        }
    }
    out->count[JX_SEV_ERROR] += l->dg.dropped;
    out->dropped += l->dg.dropped;
    jx_diags_release(&l->dg);
    jx_buf_release(&l->path);
    free(l->segs);
    l->segs = NULL;
    l->nsegs = l->capsegs = 0;
}

/* Add a segment to the path; returns the mark before it. */
static size_t seg_push(struct jx_jload *l, const char *s, size_t n)
{
    size_t mark = l->nsegs;
    l->segs = grow(l->segs, &l->capsegs, l->nsegs + 1, sizeof *l->segs);
    l->segs[l->nsegs].s = s;
    l->segs[l->nsegs].n = n;
    l->nsegs++;
    return mark;
}

/* Append a segment (a key s[0..n), or for s NULL the index n) when
 * the inline jx_jload_push/jx_jload_index find no room (base_json.h). */
size_t jx_jload_push_slow(struct jx_jload *l, const char *seg, size_t n)
{
    return seg_push(l, seg, n);
}

/* Format the current path (the whole path set, then "/seg" for each
 * segment, RFC 6901 escaped) into l->path; the string, or NULL when the
 * path is empty (the buffer stays l's). */
static const char *jload_path(struct jx_jload *l)
{
    jx_buf_reset(&l->path);
    if (l->whole) {
        jx_buf_adds(&l->path, l->whole);
    }
    for (size_t k = 0; k < l->nsegs; k++) {
        const struct jx_jseg *g = &l->segs[k];
        if (!g->s) {
            jx_buf_addf(&l->path, "/%zu", g->n);
            continue;
        }
        jx_buf_addc(&l->path, '/');
        size_t run = 0; /* start of the bytes not yet copied */
        for (size_t i = 0; i < g->n; i++) {
            if (g->s[i] == '~' || g->s[i] == '/') {
                jx_buf_add(&l->path, g->s + run, i - run);
                jx_buf_adds(&l->path, g->s[i] == '~' ? "~0" : "~1");
                run = i + 1;
            }
        }
        jx_buf_add(&l->path, g->s + run, g->n - run);
    }
    return l->path.len ? l->path.p : NULL;
}

/* Add a diagnostic with msg at line:col and the current path. */
static void jload_add(struct jx_jload *l, const char *code,
                      enum jx_severity sev, int line, int col, const char *msg)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = l->file;
    loc.line = line;
    loc.col = col;
    loc.path = jload_path(l);
    jx_diag_add(&l->dg, code, sev, &loc, "%s", msg);
}

/* Add a diagnostic at line:col (base_json.h). */
void jx_jload_rep_at(struct jx_jload *l, const char *code, enum jx_severity sev,
                     int line, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(l->a, fmt, ap);
    va_end(ap);
    jload_add(l, code, sev, line, col, msg);
}

/* Add an error at a node (base_json.h). */
void jx_jload_rep(struct jx_jload *l, const char *code, int32_t node,
                  bool at_key, const char *fmt, ...)
{
    int line = 0, col = 0;
    jx_jdoc_where(l->doc, node, at_key, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(l->a, fmt, ap);
    va_end(ap);
    jload_add(l, code, JX_SEV_ERROR, line, col, msg);
}

/* A value as written, for messages (base_json.h). */
const char *jx_jload_shown(struct jx_jload *l, const json_t *v, int32_t node)
{
    if (json_is_string(v)) {
        return jx_sprintf(l->a, " \"%s\"",
                          jx_jexcerpt(l->a, json_string_value(v),
                                      json_string_length(v), l->excerpt));
    }
    size_t n;
    const char *t = jx_jdoc_token(l->doc, node, &n);
    if (!t || json_is_null(v)) {
        return "";
    }
    return jx_sprintf(l->a, " %s", jx_jexcerpt(l->a, t, n, l->excerpt));
}

/* Report a value of the wrong type (base_json.h). */
void jx_jload_type_error(struct jx_jload *l, const char *expected,
                         const json_t *v, int32_t node)
{
    jx_jload_rep(l, l->codes->type, node, false, "类型错误：应为%s，实际为%s%s",
                 expected, jx_json_type_zh(v), jx_jload_shown(l, v, node));
}

/* How many entries of names[0..count) to look at: count, or for
 * SIZE_MAX those before the first NULL. */
static size_t jload_count(const char *const *names, size_t count)
{
    if (count != SIZE_MAX) {
        return count;
    }
    size_t n = 0;
    while (names[n]) {
        n++;
    }
    return n;
}

/* The index of key[0..klen) among names[0..count) (NULL entries
 * skipped), or -1. */
static int jload_index(const char *const *names, size_t count,
                       const char *key, size_t klen)
{
    count = jload_count(names, count);
    for (size_t i = 0; i < count; i++) {
        if (names[i] && names[i][0] == (klen ? key[0] : '\0') &&
            strlen(names[i]) == klen && memcmp(names[i], key, klen) == 0) {
            return (int)i;
        }
    }
    return -1;
}

/* A "did you mean" hint (base_json.h). */
const char *jx_jload_hint(struct jx_jload *l, const char *s, size_t n,
                          const char *const *names, size_t count)
{
    const char *best = NULL;
    size_t bestd = 3;
    count = jload_count(names, count);
    for (size_t i = 0; i < count; i++) {
        if (!names[i]) {
            continue;
        }
        size_t len = strlen(names[i]);
        if ((len > n ? len - n : n - len) >= bestd) {
            continue; /* the distance is at least the lengths' difference */
        }
        size_t d = jx_edit_distance(s, n, names[i], len);
        if (d < bestd && d < len) {
            best = names[i];
            bestd = d;
        }
    }
    return best ? jx_sprintf(l->a, "（是不是 \"%s\"？）", best) : "";
}

/* A scalar's token as written, for a message (base_json.h). */
const char *jx_jload_token(struct jx_jload *l, int32_t node)
{
    size_t n;
    const char *t = jx_jdoc_token(l->doc, node, &n);
    return t ? jx_jexcerpt(l->a, t, n, l->excerpt) : "";
}

/* An integer read from its token (base_json.h). */
enum jx_numerr jx_jload_int(struct jx_jload *l, int32_t node,
                            struct jx_rat *out)
{
    size_t n;
    const char *t = jx_jdoc_token(l->doc, node, &n);
    return t ? jx_rat_parse(t, n, out, NULL, NULL) : JX_NUM_SYNTAX;
}

/* Report an unquoted JSON decimal (base_json.h). */
void jx_jload_unquoted(struct jx_jload *l, const char *code, int32_t node)
{
    const char *t = jx_jload_token(l, node);
    jx_jload_rep(
        l, code, node, false,
        "小数必须加引号：%s 应写成 \"%s\"（JSON 小数按二进制浮点数读取，"
        "不精确）",
        t, t);
}

/* Report a number that could not be read (base_json.h). */
void jx_jload_bad_number(struct jx_jload *l, const char *code, const char *what,
                         const json_t *v, int32_t node, enum jx_numerr e)
{
    jx_jload_rep(l, code, node, false, "%s%s 无法读取：%s", what,
                 jx_jload_shown(l, v, node), jx_numerr_zh(e));
}

/* One of a list of names (base_json.h). */
int jx_jload_enum(struct jx_jload *l, const char *code, const json_t *v,
                  int32_t node, const char *const *names, size_t count)
{
    if (!json_is_string(v)) {
        jx_jload_type_error(l, "字符串", v, node);
        return -1;
    }
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    int k = jload_index(names, count, s, n);
    if (k >= 0) {
        return k;
    }
    struct jx_buf all;
    jx_buf_init(&all, SIZE_MAX);
    count = jload_count(names, count);
    for (size_t i = 0; i < count; i++) {
        if (names[i]) {
            jx_buf_addf(&all, "%s\"%s\"", all.len ? "、" : "", names[i]);
        }
    }
    jx_jload_rep(l, code, node, false, "无效的取值%s，可选：%s%s",
                 jx_jload_shown(l, v, node), all.p ? all.p : "",
                 jx_jload_hint(l, s, n, names, count));
    jx_buf_release(&all);
    return -1;
}

/* An array's length to read, reported when over max (base_json.h). */
size_t jx_jload_array_len(struct jx_jload *l, const char *code,
                          const json_t *v, int32_t node, size_t max)
{
    size_t n = json_array_size(v);
    if (n > max) {
        jx_jload_rep(l, code, node, false,
                     "数组过长：%zu 项，最多 %zu 项（其余不予读取）", n, max);
        return max;
    }
    return n;
}

/* Whether a key is in a NULL-terminated list (base_json.h). */
bool jx_jload_listed(const char *const *list, const char *key, size_t klen)
{
    for (size_t i = 0; list && list[i]; i++) {
        if (strlen(list[i]) == klen && memcmp(list[i], key, klen) == 0) {
            return true;
        }
    }
    return false;
}

/* Report unknown keys (base_json.h). */
void jx_jload_check_keys(struct jx_jload *l, json_t *obj, int32_t node,
                         const char *const *names, size_t count,
                         const char *const *foreign, const char *note)
{
    const char *key;
    size_t klen;
    json_t *v;
    void *tmp;
    json_object_keylen_foreach_safe(obj, tmp, key, klen, v)
    {
        (void)v;
        if (jload_index(names, count, key, klen) >= 0) {
            continue;
        }
        size_t mark = jx_jload_push(l, key, klen);
        int32_t kn = jx_jdoc_member(l->doc, node, key, klen);
        jx_jload_rep(l, l->codes->unknown_key, kn, true, "未知的键 \"%s\"%s",
                     jx_jexcerpt(l->a, key, klen, l->excerpt),
                     jx_jload_listed(foreign, key, klen)
                         ? note
                         : jx_jload_hint(l, key, klen, names, count));
        jx_jload_pop(l, mark);
    }
}
