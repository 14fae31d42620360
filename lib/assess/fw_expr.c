/*
 * fw_expr.c - the small expression language of framework files
 * (docs/frameworks.md, "Expressions"), its values (number, date,
 * 不适用, missing) and the interval notation of bands ("[90%, +inf)").
 *
 * Everything is exact (struct jx_rat); a division by zero is the value
 * 不适用 with its reason, never an error and never 0.  Parsing has hard
 * limits (bytes, nesting, nodes, arguments).  Parsed trees and every
 * string live in the caller's arena.
 */
#include "jixiao/framework.h"

#include <string.h>

/* ---- values ---------------------------------------------------------- */

/* Number of decimals in a formatted number ("4.875" -> 3). */
static size_t decimals_of(const char *s)
{
    const char *dot = strchr(s, '.');
    if (!dot) {
        return 0;
    }
    size_t n = 0;
    for (const char *p = dot + 1; *p >= '0' && *p <= '9'; p++) {
        n++;
    }
    return n;
}

/* Show a value as a report prints it; see framework.h. */
const char *jx_fw_value_show(struct jx_arena *a, const struct jx_fw_value *v)
{
    if (v->shown) {
        return v->shown;
    }
    char buf[JX_NUM_BUFSZ];
    switch (v->kind) {
    case JX_FWV_NUM:
        if (v->percent) {
            return jx_strdup(a, jx_rat_format(v->num, 2, true,
                                              JX_ROUND_HALF_UP, buf));
        }
        if (jx_rat_format_exact(v->num, false, buf) && decimals_of(buf) <= 6) {
            return jx_strdup(a, buf);
        }
        return jx_sprintf(a, "≈%s",
                          jx_rat_format(v->num, 4, false, JX_ROUND_HALF_UP,
                                        buf));
    case JX_FWV_DATE:
        return jx_sprintf(a, "%04d-%02d-%02d", v->y, v->m, v->d);
    case JX_FWV_NA:
        return "不适用";
    case JX_FWV_MISSING:
        break;
    }
    return "缺失";
}

/* ---- ranges ---------------------------------------------------------- */

/* True when s[i..n) starts with the bytes of w. */
static bool starts(const char *s, size_t n, size_t i, const char *w)
{
    size_t k = strlen(w);
    return i + k <= n && memcmp(s + i, w, k) == 0;
}

/* Skip ASCII spaces, tabs and U+3000 from i; returns the new index. */
static size_t skip_space(const char *s, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                      s[i] == '\r')) {
            i++;
        } else if (starts(s, n, i, "\xE3\x80\x80")) {
            i += 3;
        } else {
            return i;
        }
    }
}

/* Parse one end of a range from s[b..e) (trimmed): a number with
 * optional % or an infinity; *sign is -1/+1 for infinities, else 0.
 * Returns false with *err. */
static bool range_end(struct jx_arena *a, const char *s, size_t b, size_t e,
                      struct jx_rat *v, bool *pct, int *sign,
                      const char **err)
{
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) {
        e--;
    }
    const char *t = s + b;
    size_t n = e - b;
    *sign = 0;
    static const char *const pos[] = {"inf", "+inf", "∞", "+∞"};
    static const char *const neg[] = {"-inf", "−inf", "-∞", "−∞"};
    for (size_t i = 0; i < 4; i++) {
        if (strlen(pos[i]) == n && memcmp(pos[i], t, n) == 0) {
            *sign = 1;
            return true;
        }
        if (strlen(neg[i]) == n && memcmp(neg[i], t, n) == 0) {
            *sign = -1;
            return true;
        }
    }
    if (n == 0) {
        *err = "区间缺少端点";
        return false;
    }
    bool p = false;
    enum jx_numerr ne = jx_rat_parse(t, n, v, &p, NULL);
    if (ne != JX_NUM_OK) {
        *err = jx_sprintf(a, "区间端点“%s”无法读取：%s",
                          jx_strndup(a, t, n), jx_numerr_zh(ne));
        return false;
    }
    *pct = *pct || p;
    return true;
}

/* Parse a range; see framework.h. */
bool jx_fw_range_parse(struct jx_arena *a, const char *s, size_t n,
                       struct jx_fw_range *out, const char **err,
                       size_t *errpos)
{
    memset(out, 0, sizeof *out);
    *errpos = 0;
    size_t i = skip_space(s, n, 0);
    if (i >= n || (s[i] != '[' && s[i] != '(')) {
        *err = "区间应以“[”或“(”开头，如 \"[90%, +inf)\"";
        *errpos = i;
        return false;
    }
    out->lo_closed = s[i] == '[';
    i = skip_space(s, n, i + 1);
    size_t b = i;
    while (i < n && s[i] != ',' && !starts(s, n, i, "，")) {
        i++;
    }
    if (i >= n) {
        *err = "区间缺少逗号“,”";
        *errpos = i;
        return false;
    }
    int sign;
    *errpos = b;
    if (!range_end(a, s, b, i, &out->lo, &out->percent, &sign, err)) {
        return false;
    }
    if (sign > 0) {
        *err = "区间下端不能是 +inf";
        return false;
    }
    out->lo_inf = sign < 0;
    i += s[i] == ',' ? 1 : strlen("，");
    i = skip_space(s, n, i);
    b = i;
    while (i < n && s[i] != ']' && s[i] != ')') {
        i++;
    }
    if (i >= n) {
        *err = "区间应以“]”或“)”结束";
        *errpos = i;
        return false;
    }
    *errpos = b;
    if (!range_end(a, s, b, i, &out->hi, &out->percent, &sign, err)) {
        return false;
    }
    if (sign < 0) {
        *err = "区间上端不能是 -inf";
        return false;
    }
    out->hi_inf = sign > 0;
    out->hi_closed = s[i] == ']';
    size_t close = i;
    i = skip_space(s, n, i + 1);
    if (i < n) {
        *err = "区间之后有多余的文字";
        *errpos = i;
        return false;
    }
    *errpos = 0;
    if ((out->lo_inf && out->lo_closed) || (out->hi_inf && out->hi_closed)) {
        *err = "无穷端点必须是开区间，如 \"(-inf, 60%)\"、\"[90%, +inf)\"";
        *errpos = out->hi_inf && out->hi_closed ? close : 0;
        return false;
    }
    if (!out->lo_inf && !out->hi_inf) {
        int c = jx_rat_cmp(out->lo, out->hi);
        if (c > 0 || (c == 0 && !(out->lo_closed && out->hi_closed))) {
            *err = "区间为空（下端大于上端，或两端相等而不是闭区间）";
            return false;
        }
    }
    out->text = jx_strndup(a, s, n);
    return true;
}

/* Whether v lies in r. */
bool jx_fw_range_has(const struct jx_fw_range *r, struct jx_rat v)
{
    if (!r->lo_inf) {
        int c = jx_rat_cmp(v, r->lo);
        if (c < 0 || (c == 0 && !r->lo_closed)) {
            return false;
        }
    }
    if (!r->hi_inf) {
        int c = jx_rat_cmp(v, r->hi);
        if (c > 0 || (c == 0 && !r->hi_closed)) {
            return false;
        }
    }
    return true;
}

/* Whether a and b share a number: the later lower end against the
 * earlier upper end. */
bool jx_fw_range_overlap(const struct jx_fw_range *a,
                         const struct jx_fw_range *b)
{
    /* the later (more restrictive) lower end */
    const struct jx_fw_range *l;
    if (a->lo_inf) {
        l = b;
    } else if (b->lo_inf) {
        l = a;
    } else {
        int c = jx_rat_cmp(a->lo, b->lo);
        l = c > 0 ? a : c < 0 ? b : (a->lo_closed ? b : a);
    }
    /* the earlier upper end */
    const struct jx_fw_range *h;
    if (a->hi_inf) {
        h = b;
    } else if (b->hi_inf) {
        h = a;
    } else {
        int c = jx_rat_cmp(a->hi, b->hi);
        h = c < 0 ? a : c > 0 ? b : (a->hi_closed ? b : a);
    }
    if (l->lo_inf || h->hi_inf) {
        return true;
    }
    int c = jx_rat_cmp(l->lo, h->hi);
    return c < 0 || (c == 0 && l->lo_closed && h->hi_closed);
}

/* ---- expressions: the tree ------------------------------------------- */

/* Node kinds. */
enum op {
    X_NUM, X_NAME, X_CALL, X_NEG,
    X_ADD, X_SUB, X_MUL, X_DIV,
    X_LT, X_LE, X_GT, X_GE, X_EQ, X_NE,
    X_MIN, X_MAX, X_ABS
};

/* A node.  kid[] are the operands (binary: 2, unary: 1, calls: the
 * arguments). */
struct jx_fw_expr {
    enum op op;
    struct jx_rat num;              /* X_NUM */
    bool percent;                   /* X_NUM written with % */
    const char *name;               /* X_NAME, X_CALL, built-ins */
    const struct jx_fw_expr **kid;
    size_t nkid;
    size_t off, len;                /* span in the source */
    const char *src;                /* the whole source (shared) */
};

/* Token kinds. */
enum tok {
    T_END, T_NUM, T_NAME, T_LP, T_RP, T_COMMA,
    T_PLUS, T_MINUS, T_STAR, T_SLASH,
    T_LT, T_LE, T_GT, T_GE, T_EQ, T_NE
};

/* Parser state: the current token and the first error. */
struct parser {
    struct jx_arena *a;
    const char *s;      /* arena copy of the text */
    size_t n;
    size_t i;           /* next byte to lex */
    enum tok t;         /* current token */
    size_t ts, tl;      /* its span */
    struct jx_rat num;  /* T_NUM */
    bool pct;           /* T_NUM with % */
    int depth;
    size_t nodes;
    const char *err;
    size_t errpos;
    bool toobig;
};

/* Record the first error (message fmt) at byte pos. */
static void perr(struct parser *p, size_t pos, const char *msg)
{
    if (!p->err) {
        p->err = msg;
        p->errpos = pos;
    }
}

/* Multi-byte operator spellings and their tokens. */
static const struct {
    const char *text;
    enum tok t;
} wide_ops[] = {
    {"\xC3\x97", T_STAR},         /* × */
    {"\xC3\xB7", T_SLASH},        /* ÷ */
    {"\xE2\x88\x92", T_MINUS},    /* − */
    {"\xE2\x89\xA4", T_LE},       /* ≤ */
    {"\xE2\x89\xA5", T_GE},       /* ≥ */
    {"\xE2\x89\xA0", T_NE},       /* ≠ */
    {"\xEF\xBC\x88", T_LP},       /* （ */
    {"\xEF\xBC\x89", T_RP},       /* ） */
    {"\xEF\xBC\x8C", T_COMMA},    /* ， */
};

/* Whether c may start / continue a name. */
static bool name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Whether c may continue a name. */
static bool name_char(char c)
{
    return name_start(c) || (c >= '0' && c <= '9') || c == '.';
}

/* Lex the next token into p (errors are recorded, the token is T_END). */
static void next(struct parser *p)
{
    if (p->err) {
        p->t = T_END;
        return;
    }
    size_t i = skip_space(p->s, p->n, p->i);
    p->ts = i;
    p->tl = 1;
    if (i >= p->n) {
        p->t = T_END;
        p->tl = 0;
        p->i = i;
        return;
    }
    char c = p->s[i];
    if (c >= '0' && c <= '9') {
        size_t e = i;
        while (e < p->n && p->s[e] >= '0' && p->s[e] <= '9') {
            e++;
        }
        if (e < p->n && p->s[e] == '.') {
            e++;
            while (e < p->n && p->s[e] >= '0' && p->s[e] <= '9') {
                e++;
            }
        }
        if (e < p->n && p->s[e] == '%') {
            e++;
        } else if (starts(p->s, p->n, e, "％")) {
            e += strlen("％");
        }
        p->pct = false;
        enum jx_numerr ne = jx_rat_parse(p->s + i, e - i, &p->num, &p->pct,
                                         NULL);
        if (ne != JX_NUM_OK) {
            perr(p, i, jx_sprintf(p->a, "数字“%s”无法读取：%s",
                                  jx_strndup(p->a, p->s + i, e - i),
                                  jx_numerr_zh(ne)));
            p->t = T_END;
            return;
        }
        p->t = T_NUM;
        p->tl = e - i;
        p->i = e;
        return;
    }
    if (name_start(c)) {
        size_t e = i;
        while (e < p->n && name_char(p->s[e])) {
            e++;
        }
        p->t = T_NAME;
        p->tl = e - i;
        p->i = e;
        return;
    }
    static const char singles[] = "(),+-*/";
    static const enum tok single_t[] = {T_LP, T_RP, T_COMMA, T_PLUS,
                                        T_MINUS, T_STAR, T_SLASH};
    const char *sp = strchr(singles, c);
    if (sp && c) {
        p->t = single_t[sp - singles];
        p->i = i + 1;
        return;
    }
    bool two = i + 1 < p->n && p->s[i + 1] == '=';
    if (c == '<' || c == '>') {
        p->t = c == '<' ? (two ? T_LE : T_LT) : (two ? T_GE : T_GT);
        p->tl = two ? 2 : 1;
        p->i = i + p->tl;
        return;
    }
    if ((c == '=' || c == '!') && two) {
        p->t = c == '=' ? T_EQ : T_NE;
        p->tl = 2;
        p->i = i + 2;
        return;
    }
    if (c == '=') {
        perr(p, i, "相等请写作“==”");
        p->t = T_END;
        return;
    }
    for (size_t k = 0; k < sizeof wide_ops / sizeof wide_ops[0]; k++) {
        if (starts(p->s, p->n, i, wide_ops[k].text)) {
            p->t = wide_ops[k].t;
            p->tl = strlen(wide_ops[k].text);
            p->i = i + p->tl;
            return;
        }
    }
    int32_t cp;
    int k = jx_utf8_decode(p->s + i, p->n - i, &cp);
    size_t len = k > 0 ? (size_t)k : 1;
    perr(p, i, jx_sprintf(p->a, "无法识别的字符“%s”",
                          k > 0 ? jx_strndup(p->a, p->s + i, len)
                                : jx_sprintf(p->a, "\\x%02X",
                                             (unsigned char)c)));
    p->t = T_END;
}

/* A new node of kind op spanning [off, off+len), or NULL when the node
 * limit is passed (recorded). */
static struct jx_fw_expr *node(struct parser *p, enum op op, size_t off,
                               size_t len, size_t nkid)
{
    if (++p->nodes > JX_FW_MAX_EXPR_NODES) {
        p->toobig = p->err == NULL;
        perr(p, off, jx_sprintf(p->a, "表达式过于复杂：超过 %d 个运算数和运算符",
                                JX_FW_MAX_EXPR_NODES));
        return NULL;
    }
    struct jx_fw_expr *e = jx_alloc(p->a, sizeof *e);
    e->op = op;
    e->off = off;
    e->len = len;
    e->src = p->s;
    e->nkid = nkid;
    if (nkid) {
        e->kid = jx_alloc_array(p->a, nkid, sizeof *e->kid);
    }
    return e;
}

/* Enter one level of nesting at pos; false (recorded) past the limit. */
static bool enter(struct parser *p, size_t pos)
{
    if (++p->depth > JX_FW_MAX_EXPR_DEPTH) {
        p->toobig = p->err == NULL;
        perr(p, pos, jx_sprintf(p->a, "表达式嵌套过深：超过 %d 层",
                                JX_FW_MAX_EXPR_DEPTH));
        return false;
    }
    return true;
}

static const struct jx_fw_expr *parse_cmp(struct parser *p);

/* Report a missing operand at the current token. */
static void want_operand(struct parser *p)
{
    if (p->t == T_END) {
        perr(p, p->ts, "表达式不完整：末尾缺少运算数");
    } else {
        perr(p, p->ts,
             jx_sprintf(p->a, "缺少运算数：在“%s”之前",
                        jx_strndup(p->a, p->s + p->ts, p->tl)));
    }
}

/* Names of the built-in functions and their node kinds. */
static const struct {
    const char *name;
    enum op op;
} builtins[] = {{"min", X_MIN}, {"max", X_MAX}, {"abs", X_ABS}};

/* A call's arguments after '(' (current token is the one after it);
 * returns the call node or NULL. */
static const struct jx_fw_expr *parse_call(struct parser *p, size_t start,
                                           size_t nlen)
{
    const struct jx_fw_expr *args[JX_FW_MAX_ARGS];
    size_t n = 0;
    if (p->t != T_RP) {
        for (;;) {
            if (n == JX_FW_MAX_ARGS) {
                perr(p, p->ts, jx_sprintf(p->a, "函数参数过多：最多 %d 个",
                                          JX_FW_MAX_ARGS));
                return NULL;
            }
            const struct jx_fw_expr *x = parse_cmp(p);
            if (!x) {
                return NULL;
            }
            args[n++] = x;
            if (p->t != T_COMMA) {
                break;
            }
            next(p);
        }
    }
    if (p->t != T_RP) {
        if (!p->err) {
            perr(p, p->ts, p->t == T_END ? "缺少右括号“)”"
                                         : jx_sprintf(p->a,
                                                      "应为“,”或“)”，实际为“%s”",
                                                      jx_strndup(p->a, p->s + p->ts,
                                                                 p->tl)));
        }
        return NULL;
    }
    size_t end = p->ts + p->tl;
    char *name = jx_strndup(p->a, p->s + start, nlen);
    enum op op = X_CALL;
    for (size_t k = 0; k < sizeof builtins / sizeof builtins[0]; k++) {
        if (strcmp(builtins[k].name, name) == 0) {
            op = builtins[k].op;
        }
    }
    if ((op == X_MIN || op == X_MAX) && n == 0) {
        perr(p, start, jx_sprintf(p->a, "%s 至少需要 1 个参数", name));
        return NULL;
    }
    if (op == X_ABS && n != 1) {
        perr(p, start, "abs 需要恰好 1 个参数");
        return NULL;
    }
    struct jx_fw_expr *e = node(p, op, start, end - start, n);
    if (!e) {
        return NULL;
    }
    e->name = name;
    for (size_t k = 0; k < n; k++) {
        e->kid[k] = args[k];
    }
    next(p);
    return e;
}

/* primary := number | name | name '(' args ')' | '(' cmp ')' */
static const struct jx_fw_expr *parse_primary(struct parser *p)
{
    if (p->err) {
        return NULL;
    }
    size_t start = p->ts;
    if (p->t == T_NUM) {
        struct jx_fw_expr *e = node(p, X_NUM, start, p->tl, 0);
        if (!e) {
            return NULL;
        }
        e->num = p->num;
        e->percent = p->pct;
        next(p);
        return e;
    }
    if (p->t == T_NAME) {
        size_t nlen = p->tl;
        next(p);
        if (p->t == T_LP) {
            if (!enter(p, start)) {
                return NULL;
            }
            next(p);
            const struct jx_fw_expr *e = parse_call(p, start, nlen);
            p->depth--;
            return e;
        }
        char *name = jx_strndup(p->a, p->s + start, nlen);
        for (size_t k = 0; k < sizeof builtins / sizeof builtins[0]; k++) {
            if (strcmp(builtins[k].name, name) == 0) {
                perr(p, start, jx_sprintf(p->a, "%s 是内置函数，应写作 %s(…)",
                                          name, name));
                return NULL;
            }
        }
        struct jx_fw_expr *e = node(p, X_NAME, start, nlen, 0);
        if (e) {
            e->name = name;
        }
        return e;
    }
    if (p->t == T_LP) {
        if (!enter(p, start)) {
            return NULL;
        }
        next(p);
        const struct jx_fw_expr *e = parse_cmp(p);
        p->depth--;
        if (!e) {
            return NULL;
        }
        if (p->t != T_RP) {
            if (!p->err) {
                perr(p, p->ts, p->t == T_END
                                   ? "缺少右括号“)”"
                                   : jx_sprintf(p->a, "应为“)”，实际为“%s”",
                                                jx_strndup(p->a, p->s + p->ts,
                                                           p->tl)));
            }
            return NULL;
        }
        next(p);
        return e;
    }
    want_operand(p);
    return NULL;
}

/* unary := ('-' | '+') unary | primary */
static const struct jx_fw_expr *parse_unary(struct parser *p)
{
    if (p->t == T_MINUS || p->t == T_PLUS) {
        bool neg = p->t == T_MINUS;
        size_t start = p->ts;
        if (!enter(p, start)) {
            return NULL;
        }
        next(p);
        const struct jx_fw_expr *x = parse_unary(p);
        p->depth--;
        if (!x || !neg) {
            return x;
        }
        struct jx_fw_expr *e = node(p, X_NEG, start, x->off + x->len - start,
                                    1);
        if (e) {
            e->kid[0] = x;
        }
        return e;
    }
    return parse_primary(p);
}

/* A binary node over l and r. */
static const struct jx_fw_expr *binary(struct parser *p, enum op op,
                                       const struct jx_fw_expr *l,
                                       const struct jx_fw_expr *r)
{
    struct jx_fw_expr *e = node(p, op, l->off, r->off + r->len - l->off, 2);
    if (e) {
        e->kid[0] = l;
        e->kid[1] = r;
    }
    return e;
}

/* mul := unary (('*' | '/') unary)* */
static const struct jx_fw_expr *parse_mul(struct parser *p)
{
    const struct jx_fw_expr *l = parse_unary(p);
    while (l && (p->t == T_STAR || p->t == T_SLASH)) {
        enum op op = p->t == T_STAR ? X_MUL : X_DIV;
        next(p);
        const struct jx_fw_expr *r = parse_unary(p);
        l = r ? binary(p, op, l, r) : NULL;
    }
    return l;
}

/* add := mul (('+' | '-') mul)* */
static const struct jx_fw_expr *parse_add(struct parser *p)
{
    const struct jx_fw_expr *l = parse_mul(p);
    while (l && (p->t == T_PLUS || p->t == T_MINUS)) {
        enum op op = p->t == T_PLUS ? X_ADD : X_SUB;
        next(p);
        const struct jx_fw_expr *r = parse_mul(p);
        l = r ? binary(p, op, l, r) : NULL;
    }
    return l;
}

/* The comparison node kind of a token, or X_NUM when it is none. */
static enum op cmp_op(enum tok t)
{
    switch (t) {
    case T_LT:
        return X_LT;
    case T_LE:
        return X_LE;
    case T_GT:
        return X_GT;
    case T_GE:
        return X_GE;
    case T_EQ:
        return X_EQ;
    case T_NE:
        return X_NE;
    default:
        break;
    }
    return X_NUM;
}

/* cmp := add (CMP add)?  (not chained) */
static const struct jx_fw_expr *parse_cmp(struct parser *p)
{
    const struct jx_fw_expr *l = parse_add(p);
    if (!l) {
        return NULL;
    }
    enum op op = cmp_op(p->t);
    if (op == X_NUM) {
        return l;
    }
    next(p);
    const struct jx_fw_expr *r = parse_add(p);
    if (!r) {
        return NULL;
    }
    if (cmp_op(p->t) != X_NUM) {
        perr(p, p->ts, "比较运算不能连用，请加括号");
        return NULL;
    }
    return binary(p, op, l, r);
}

/* Parse an expression; see framework.h. */
const struct jx_fw_expr *jx_fw_expr_parse(struct jx_arena *a,
                                          const char *text, size_t len,
                                          const char **err, size_t *errpos,
                                          bool *toobig)
{
    struct parser p;
    memset(&p, 0, sizeof p);
    p.a = a;
    *err = NULL;
    *errpos = 0;
    if (toobig) {
        *toobig = false;
    }
    if (len > JX_FW_MAX_EXPR) {
        *err = jx_sprintf(a, "表达式过长：%zu 字节，上限 %d 字节", len,
                          JX_FW_MAX_EXPR);
        if (toobig) {
            *toobig = true;
        }
        return NULL;
    }
    p.s = jx_strndup(a, text, len);
    p.n = len;
    next(&p);
    if (p.t == T_END && !p.err) {
        *err = "表达式为空";
        *errpos = p.ts;
        return NULL;
    }
    const struct jx_fw_expr *e = parse_cmp(&p);
    if (e && p.t != T_END && !p.err) {
        perr(&p, p.ts,
             p.t == T_RP ? "多余的右括号“)”"
                         : jx_sprintf(a, "多余的“%s”（缺少运算符？）",
                                      jx_strndup(a, p.s + p.ts, p.tl)));
    }
    if (p.err) {
        *err = p.err;
        *errpos = p.errpos;
        if (toobig) {
            *toobig = p.toobig;
        }
        return NULL;
    }
    /* the root spans the whole text so that its source is all of it */
    return e;
}

/* The source text of an expression: all of it for the root. */
const char *jx_fw_expr_text(const struct jx_fw_expr *e)
{
    return e->src;
}

/* Collect calls depth-first in source order. */
static void calls_walk(const struct jx_fw_expr *e, const char **names,
                       size_t *offs, size_t max, size_t *n)
{
    if (e->op == X_CALL) {
        if (*n < max) {
            names[*n] = e->name;
            offs[*n] = e->off;
        }
        (*n)++;
    }
    for (size_t i = 0; i < e->nkid; i++) {
        calls_walk(e->kid[i], names, offs, max, n);
    }
}

/* The functions an expression calls; see framework.h. */
size_t jx_fw_expr_calls(const struct jx_fw_expr *e, const char **names,
                        size_t *offs, size_t max)
{
    size_t n = 0;
    calls_walk(e, names, offs, max, &n);
    return n;
}

/* ---- expressions: evaluation ----------------------------------------- */

/* Evaluation state. */
struct ev {
    struct jx_arena *a;
    const struct jx_fw_param *params;
    size_t nparams;
    const struct jx_fw_env *env;
    struct jx_fw_trace *tr; /* NULL: no derivation wanted */
    const char *err;        /* first evaluation error */
};

/* A node's result: its value, and (with a trace) its text with the
 * values filled in, that text's precedence, and the label of a lone
 * name or call. */
struct res {
    struct jx_fw_value v;
    const char *txt;
    const char *ntxt; /* with labels instead of values */
    int prec;
    const char *label;
};

/* Precedences of the filled-in text. */
enum { P_CMP = 1, P_ADD = 2, P_MUL = 3, P_UNARY = 4, P_ATOM = 5 };

/* A MISSING value with reason why. */
static struct jx_fw_value missing_value(const char *why)
{
    struct jx_fw_value v;
    memset(&v, 0, sizeof v);
    v.kind = JX_FWV_MISSING;
    v.why = why;
    return v;
}

/* A number value. */
static struct jx_fw_value num_value(struct jx_rat r, bool percent)
{
    struct jx_fw_value v;
    memset(&v, 0, sizeof v);
    v.kind = JX_FWV_NUM;
    v.num = r;
    v.percent = percent;
    return v;
}

/* Record an evaluation error (the first one wins) and return a MISSING
 * value carrying it. */
static struct jx_fw_value fail(struct ev *c, const char *msg)
{
    if (!c->err) {
        c->err = msg;
    }
    return missing_value(msg);
}

/* Add an input to the trace unless the same name and value are there. */
static void trace_add(struct ev *c, const char *name, const char *value)
{
    struct jx_fw_trace *t = c->tr;
    if (!t) {
        return;
    }
    for (size_t i = 0; i < t->ninputs; i++) {
        if (strcmp(t->inputs[i].name, name) == 0 &&
            strcmp(t->inputs[i].value, value) == 0) {
            return;
        }
    }
    t->inputs = jx_arena_grow(c->a, t->inputs, t->ninputs, &t->cap,
                              sizeof *t->inputs);
    t->inputs[t->ninputs].name = name;
    t->inputs[t->ninputs].value = value;
    t->ninputs++;
}

/* If x or y is not a plain value, the absent one that wins (missing
 * over 不适用, left before right) into *out, and true. */
static bool absent2(const struct jx_fw_value *x, const struct jx_fw_value *y,
                    struct jx_fw_value *out)
{
    if (x->kind == JX_FWV_MISSING) {
        *out = *x;
    } else if (y && y->kind == JX_FWV_MISSING) {
        *out = *y;
    } else if (x->kind == JX_FWV_NA) {
        *out = *x;
    } else if (y && y->kind == JX_FWV_NA) {
        *out = *y;
    } else {
        return false;
    }
    return true;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Compare two dates: <0, 0, >0. */
static int date_cmp(const struct jx_fw_value *x, const struct jx_fw_value *y)
{
    int64_t a = days_from_civil(x->y, x->m, x->d);
    int64_t b = days_from_civil(y->y, y->m, y->d);
    return (a > b) - (a < b);
}

/* Text of node e with its kids' filled texts (only with a trace). */
static const char *op_text(enum op op)
{
    static const char *const t[] = {
        [X_ADD] = " + ", [X_SUB] = " − ", [X_MUL] = " × ", [X_DIV] = " / ",
        [X_LT] = " < ",  [X_LE] = " ≤ ",  [X_GT] = " > ",  [X_GE] = " ≥ ",
        [X_EQ] = " = ",  [X_NE] = " ≠ ",
    };
    return (size_t)op < sizeof t / sizeof t[0] && t[op] ? t[op] : " ? ";
}

/* A kid's filled text, parenthesised when its precedence is below min. */
static const char *paren(struct ev *c, const struct res *r, int min)
{
    return r->prec < min ? jx_sprintf(c->a, "(%s)", r->txt) : r->txt;
}

/* A kid's labelled text, parenthesised as paren(). */
static const char *nparen(struct ev *c, const struct res *r, int min)
{
    return r->prec < min ? jx_sprintf(c->a, "(%s)", r->ntxt) : r->ntxt;
}

static struct res eval_node(struct ev *c, const struct jx_fw_expr *e);

/* Apply a binary arithmetic operator to numbers or dates. */
static struct jx_fw_value arith(struct ev *c, enum op op,
                                const struct res *l, const struct res *r)
{
    struct jx_fw_value out;
    if (absent2(&l->v, &r->v, &out)) {
        return out;
    }
    if (l->v.kind == JX_FWV_DATE || r->v.kind == JX_FWV_DATE) {
        if (op == X_SUB && l->v.kind == JX_FWV_DATE &&
            r->v.kind == JX_FWV_DATE) {
            int64_t dd = days_from_civil(l->v.y, l->v.m, l->v.d) -
                         days_from_civil(r->v.y, r->v.m, r->v.d);
            return num_value(jx_rat_int(dd), false);
        }
        return fail(c, "日期只能相减（得到相差的天数）或比较，不能参与此运算");
    }
    struct jx_rat x = l->v.num, y = r->v.num, z;
    bool lp = l->v.percent, rp = r->v.percent, pct = false;
    enum jx_numerr ne = JX_NUM_OK;
    switch (op) {
    case X_ADD:
        ne = jx_rat_add(x, y, &z);
        pct = lp || rp;
        break;
    case X_SUB:
        ne = jx_rat_sub(x, y, &z);
        pct = lp || rp;
        break;
    case X_MUL:
        ne = jx_rat_mul(x, y, &z);
        pct = lp != rp;
        break;
    default:
        if (jx_rat_sign(y) == 0) {
            struct jx_fw_value na;
            memset(&na, 0, sizeof na);
            na.kind = JX_FWV_NA;
            na.why = r->label ? jx_sprintf(c->a, "除数“%s”为 0，不适用",
                                           r->label)
                              : "除数为 0，不适用";
            return na;
        }
        ne = jx_rat_div(x, y, &z);
        pct = lp && !rp;
        break;
    }
    if (ne != JX_NUM_OK) {
        return fail(c, "数值超出范围，无法精确计算");
    }
    return num_value(z, pct);
}

/* Apply a comparison to numbers or dates: 1 or 0. */
static struct jx_fw_value compare(struct ev *c, enum op op,
                                  const struct res *l, const struct res *r)
{
    struct jx_fw_value out;
    if (absent2(&l->v, &r->v, &out)) {
        return out;
    }
    int k;
    if (l->v.kind == JX_FWV_DATE && r->v.kind == JX_FWV_DATE) {
        k = date_cmp(&l->v, &r->v);
    } else if (l->v.kind == JX_FWV_NUM && r->v.kind == JX_FWV_NUM) {
        k = jx_rat_cmp(l->v.num, r->v.num);
    } else {
        return fail(c, "日期不能与数字比较");
    }
    bool t = false;
    switch (op) {
    case X_LT:
        t = k < 0;
        break;
    case X_LE:
        t = k <= 0;
        break;
    case X_GT:
        t = k > 0;
        break;
    case X_GE:
        t = k >= 0;
        break;
    case X_EQ:
        t = k == 0;
        break;
    default:
        t = k != 0;
        break;
    }
    return num_value(jx_rat_int(t ? 1 : 0), false);
}

/* min / max / abs over evaluated arguments. */
static struct jx_fw_value builtin(struct ev *c, enum op op,
                                  const struct res *args, size_t n)
{
    struct jx_fw_value out;
    for (size_t i = 0; i < n; i++) {
        if (args[i].v.kind == JX_FWV_MISSING) {
            return args[i].v;
        }
    }
    for (size_t i = 0; i < n; i++) {
        if (absent2(&args[i].v, NULL, &out)) {
            return out;
        }
    }
    if (op == X_ABS) {
        if (args[0].v.kind != JX_FWV_NUM) {
            return fail(c, "abs 的参数应为数字");
        }
        out = args[0].v;
        out.shown = NULL;
        if (jx_rat_sign(out.num) < 0 &&
            jx_rat_sub(jx_rat_int(0), args[0].v.num, &out.num) != JX_NUM_OK) {
            return fail(c, "数值超出范围，无法精确计算");
        }
        return out;
    }
    size_t best = 0;
    for (size_t i = 1; i < n; i++) {
        if (args[i].v.kind != args[0].v.kind) {
            return fail(c, "min/max 的参数不能混用日期和数字");
        }
        int k = args[i].v.kind == JX_FWV_DATE
                    ? date_cmp(&args[i].v, &args[best].v)
                    : jx_rat_cmp(args[i].v.num, args[best].v.num);
        if ((op == X_MIN && k < 0) || (op == X_MAX && k > 0)) {
            best = i;
        }
    }
    if (args[0].v.kind == JX_FWV_DATE) {
        return args[best].v;
    }
    bool pct = false;
    for (size_t i = 0; i < n; i++) {
        pct = pct || args[i].v.percent;
    }
    return num_value(args[best].v.num, pct);
}

/* Look a name up among the params, then through the environment. */
static struct res eval_name(struct ev *c, const struct jx_fw_expr *e)
{
    struct res r;
    memset(&r, 0, sizeof r);
    r.prec = P_ATOM;
    for (size_t i = 0; i < c->nparams; i++) {
        if (strcmp(c->params[i].name, e->name) == 0) {
            r.v = c->params[i].value;
            r.label = c->params[i].label ? c->params[i].label
                                         : c->params[i].name;
            break;
        }
    }
    if (!r.label) {
        const char *label = NULL;
        struct jx_fw_value v;
        memset(&v, 0, sizeof v);
        if (c->env && c->env->resolve &&
            c->env->resolve(c->env->ctx, c->a, e->name, NULL, 0, &v,
                            &label)) {
            r.v = v;
            r.label = label ? label : e->name;
        } else {
            r.v = fail(c, jx_sprintf(c->a, "未知的名称“%s”", e->name));
            r.label = e->name;
        }
    }
    if (c->tr) {
        const char *shown = jx_fw_value_show(c->a, &r.v);
        trace_add(c, r.label, shown);
        r.txt = shown;
        r.ntxt = r.label;
    }
    return r;
}

/* Call the environment's function with evaluated arguments. */
static struct res eval_call(struct ev *c, const struct jx_fw_expr *e,
                            const struct res *args, size_t n)
{
    struct res r;
    memset(&r, 0, sizeof r);
    r.prec = P_ATOM;
    struct jx_fw_value vals[JX_FW_MAX_ARGS + 1];
    memset(vals, 0, sizeof vals);
    for (size_t i = 0; i < n && i < JX_FW_MAX_ARGS; i++) {
        vals[i] = args[i].v;
    }
    const char *label = NULL;
    struct jx_fw_value v;
    memset(&v, 0, sizeof v);
    const char *src = jx_strndup(c->a, e->src + e->off, e->len);
    if (c->env && c->env->resolve &&
        c->env->resolve(c->env->ctx, c->a, e->name, vals, n, &v, &label)) {
        r.v = v;
        r.label = label ? label : src;
    } else {
        r.v = fail(c, jx_sprintf(c->a, "未知的函数“%s”", e->name));
        r.label = src;
    }
    if (c->tr) {
        const char *shown = jx_fw_value_show(c->a, &r.v);
        trace_add(c, r.label, shown);
        r.txt = shown;
        r.ntxt = r.label;
    }
    return r;
}

/* Evaluate one node (and build its filled text when tracing). */
static struct res eval_node(struct ev *c, const struct jx_fw_expr *e)
{
    struct res r;
    memset(&r, 0, sizeof r);
    r.prec = P_ATOM;
    switch (e->op) {
    case X_NUM:
        r.v = num_value(e->num, e->percent);
        if (c->tr) {
            r.txt = jx_strndup(c->a, e->src + e->off, e->len);
            r.ntxt = r.txt;
        }
        return r;
    case X_NAME:
        return eval_name(c, e);
    case X_NEG: {
        struct res x = eval_node(c, e->kid[0]);
        if (absent2(&x.v, NULL, &r.v)) {
            /* carried */
        } else if (x.v.kind != JX_FWV_NUM) {
            r.v = fail(c, "日期不能取负");
        } else {
            struct jx_rat z;
            if (jx_rat_sub(jx_rat_int(0), x.v.num, &z) != JX_NUM_OK) {
                r.v = fail(c, "数值超出范围，无法精确计算");
            } else {
                r.v = num_value(z, x.v.percent);
            }
        }
        r.prec = P_UNARY;
        if (c->tr) {
            r.txt = jx_sprintf(c->a, "−%s", paren(c, &x, P_UNARY));
            r.ntxt = jx_sprintf(c->a, "−%s", nparen(c, &x, P_UNARY));
        }
        return r;
    }
    case X_ADD:
    case X_SUB:
    case X_MUL:
    case X_DIV:
    case X_LT:
    case X_LE:
    case X_GT:
    case X_GE:
    case X_EQ:
    case X_NE: {
        struct res l = eval_node(c, e->kid[0]);
        struct res rr = eval_node(c, e->kid[1]);
        if (e->op == X_DIV && !rr.label) {
            rr.label = jx_strndup(c->a, e->kid[1]->src + e->kid[1]->off,
                                  e->kid[1]->len);
        }
        int prec = e->op == X_ADD || e->op == X_SUB   ? P_ADD
                   : e->op == X_MUL || e->op == X_DIV ? P_MUL
                                                      : P_CMP;
        r.v = prec == P_CMP ? compare(c, e->op, &l, &rr)
                            : arith(c, e->op, &l, &rr);
        r.prec = prec;
        if (c->tr) {
            int rmin = (e->op == X_SUB || e->op == X_DIV || prec == P_CMP)
                           ? prec + 1
                           : prec;
            int lmin = prec == P_CMP ? prec + 1 : prec;
            r.txt = jx_sprintf(c->a, "%s%s%s", paren(c, &l, lmin),
                               op_text(e->op), paren(c, &rr, rmin));
            r.ntxt = jx_sprintf(c->a, "%s%s%s", nparen(c, &l, lmin),
                                op_text(e->op), nparen(c, &rr, rmin));
        }
        return r;
    }
    case X_CALL:
    case X_MIN:
    case X_MAX:
    case X_ABS:
        break;
    }
    struct res *args = jx_alloc_array(c->a, e->nkid ? e->nkid : 1,
                                      sizeof *args);
    for (size_t i = 0; i < e->nkid; i++) {
        args[i] = eval_node(c, e->kid[i]);
    }
    if (e->op == X_CALL) {
        return eval_call(c, e, args, e->nkid);
    }
    r.v = builtin(c, e->op, args, e->nkid);
    if (c->tr) {
        struct jx_buf b, nb;
        jx_buf_init(&b, 1u << 20);
        jx_buf_init(&nb, 1u << 20);
        jx_buf_addf(&b, "%s(", e->name);
        jx_buf_addf(&nb, "%s(", e->name);
        for (size_t i = 0; i < e->nkid; i++) {
            jx_buf_addf(&b, "%s%s", i ? ", " : "", args[i].txt);
            jx_buf_addf(&nb, "%s%s", i ? ", " : "", args[i].ntxt);
        }
        jx_buf_addc(&b, ')');
        jx_buf_addc(&nb, ')');
        r.txt = jx_strdup(c->a, b.p);
        r.ntxt = jx_strdup(c->a, nb.p);
        jx_buf_release(&b);
        jx_buf_release(&nb);
    }
    return r;
}

/* Evaluate an expression; see framework.h. */
int jx_fw_expr_eval(struct jx_arena *a, const struct jx_fw_expr *e,
                    const struct jx_fw_param *params, size_t nparams,
                    const struct jx_fw_env *env, struct jx_fw_value *out,
                    struct jx_fw_trace *trace, const char **err)
{
    struct ev c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.params = params;
    c.nparams = nparams;
    c.env = env;
    c.tr = trace;
    struct res r = eval_node(&c, e);
    *out = r.v;
    if (trace) {
        trace->filled = r.txt;
        trace->named = r.ntxt;
        trace->label = e->op == X_NAME || e->op == X_CALL ? r.label : NULL;
    }
    if (err) {
        *err = c.err;
    }
    if (c.err) {
        *out = missing_value(c.err);
        return -1;
    }
    return 0;
}

/* ---- param values ---------------------------------------------------- */



/* Parse a param value: a date or a number; see framework.h. */
bool jx_fw_value_parse(struct jx_arena *a, const char *s, size_t n,
                       struct jx_fw_value *out, const char **err)
{
    memset(out, 0, sizeof *out);
    if (n == 10 && s[4] == '-' && s[7] == '-') {
        if (!jx_ymd_parse(s, n, &out->y, &out->m, &out->d)) {
            *err = jx_sprintf(a, "日期“%s”无效（应为 YYYY-MM-DD 格式的有效日期）",
                              jx_strndup(a, s, n));
            return false;
        }
        out->kind = JX_FWV_DATE;
        return true;
    }
    bool pct = false;
    enum jx_numerr ne = jx_rat_parse(s, n, &out->num, &pct, NULL);
    if (ne != JX_NUM_OK) {
        *err = jx_sprintf(a, "“%s”既不是日期（YYYY-MM-DD）也不是数字：%s",
                          jx_strndup(a, s, n), jx_numerr_zh(ne));
        return false;
    }
    out->kind = JX_FWV_NUM;
    out->percent = pct;
    return true;
}
