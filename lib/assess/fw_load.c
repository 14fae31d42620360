/*
 * fw_load.c - framework files (docs/frameworks.md): loading with full
 * validation and located diagnostics (F0xx/F1xx), "extends" chains, and
 * the text and JSON renderings of a result.
 *
 * Loading: base_json.c (struct jx_jload, shared with the Package JSON
 * loader) parses the text with jansson (repairing syntax errors), knows
 * where every key and value is and reports what is wrong with the text
 * as JSON, unknown keys and wrong types; this file walks the
 * tree, reads every leaf with dec.c and fw_expr.c, and reports every
 * problem with file:line:col and JSON pointer (expression and range
 * errors at the column inside the string).  Only a document that is not
 * a framework at all stops the walk.
 */
#include "jixiao/framework.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "analyse/score_jsonout.h"
#include "base/base_json.h"
#include "jx_datadir.h"

enum { MAX_REPAIRS = 20, EXCERPT = 40 };

static const char FORMAT_NAME[] = "jixiao-framework";

/* ---- loading: context, paths, diagnostics ------------------------------ */

/* State of one load. */
struct ctx {
    struct jx_jload j;   /* the document, diagnostics and path */
    struct jx_arena *a;  /* = j.a */
    bool fatal;          /* not a framework: stop */
};

/* The codes of the problems base_json.c reports for a framework. */
static const struct jx_jcodes codes = {"F001", "F003", "F004", "F101",
                                       "F102", "F103", "F002", "框架文件"};

/* Append "/seg" (seg NUL-terminated) to the path; returns the mark. */
static size_t path_push(struct ctx *c, const char *seg)
{
    return jx_jload_push(&c->j, seg, strlen(seg));
}

/* Report every key of obj not in names (NULL-terminated); keys in
 * foreign get note instead of a suggestion. */
static void check_keys(struct ctx *c, json_t *obj, int32_t node,
                       const char *const *names, const char *const *foreign,
                       const char *note)
{
    jx_jload_check_keys(&c->j, obj, node, names, SIZE_MAX, foreign, note);
}

/* ---- loading: positions inside strings ----------------------------------- */

/* Column of byte off of the decoded string at node: the column of its
 * opening quote plus the raw code points up to that byte (escapes count
 * as written).  *plain is set when the string has no escapes. */
static void string_pos(struct ctx *c, int32_t node, size_t off, int *line,
                       int *col, bool *plain)
{
    jx_jdoc_where(c->j.doc, node, false, line, col);
    size_t n;
    const char *raw = jx_jdoc_token(c->j.doc, node, &n);
    if (plain) {
        *plain = raw && memchr(raw, '\\', n) == NULL;
    }
    if (!raw || n < 2 || *col <= 0) {
        return;
    }
    size_t i = 1, dec = 0;
    int cols = 1;
    while (i + 1 < n && dec < off) {
        if (raw[i] == '\\' && i + 1 < n - 1) {
            if (raw[i + 1] == 'u' && i + 6 <= n - 1) {
                unsigned cp = 0;
                for (size_t k = i + 2; k < i + 6; k++) {
                    char h = raw[k];
                    cp = cp * 16 + (unsigned)(h >= '0' && h <= '9' ? h - '0'
                                              : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                              : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                                                     : 0);
                }
                i += 6;
                cols += 6;
                if (cp >= 0xD800 && cp < 0xDC00 && i + 6 <= n - 1 &&
                    raw[i] == '\\' && raw[i + 1] == 'u') {
                    i += 6;
                    cols += 6;
                    dec += 4;
                } else {
                    dec += cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
                }
            } else {
                i += 2;
                cols += 2;
                dec += 1;
            }
        } else {
            int32_t cp;
            int k = jx_utf8_decode(raw + i, n - 1 - i, &cp);
            size_t len = k > 0 ? (size_t)k : 1;
            i += len;
            dec += len;
            cols += 1;
        }
    }
    *col += cols;
}

/* ---- loading: leaves -------------------------------------------------------- */

/* The member key of obj (NULL when absent or null), its node in *kn. */
static json_t *member(struct ctx *c, json_t *obj, int32_t node,
                      const char *key, int32_t *kn)
{
    json_t *v = json_object_get(obj, key);
    *kn = v ? jx_jdoc_member(c->j.doc, node, key, strlen(key)) : -1;
    return v && !json_is_null(v) ? v : NULL;
}

/* Report a missing required key of the object at node. */
static void missing(struct ctx *c, int32_t node, const char *key,
                    const char *why)
{
    jx_jload_rep(&c->j, "F104", node, false, "缺少必填项 \"%s\"%s", key,
                 why ? why : "");
}

/* Read a text member into *out; false when absent (F104 if req) or bad. */
static bool get_text(struct ctx *c, json_t *obj, int32_t node,
                     const char *key, bool req, const char **out)
{
    int32_t kn;
    json_t *v = member(c, obj, node, key, &kn);
    if (!v) {
        if (req) {
            missing(c, node, key, NULL);
        }
        return false;
    }
    size_t mark = path_push(c, key);
    bool ok = json_is_string(v);
    if (!ok) {
        jx_jload_type_error(&c->j, "字符串", v, kn);
    } else if (json_string_length(v) == 0 && req) {
        jx_jload_rep(&c->j, "F104", kn, false, "\"%s\" 不能为空", key);
        ok = false;
    } else {
        *out = jx_strndup(c->a, json_string_value(v), json_string_length(v));
    }
    jx_jload_pop(&c->j, mark);
    return ok;
}

/* Read a boolean member; false when absent or bad. */
static bool get_bool(struct ctx *c, json_t *obj, int32_t node,
                     const char *key, bool *out)
{
    int32_t kn;
    json_t *v = member(c, obj, node, key, &kn);
    if (!v) {
        return false;
    }
    if (!json_is_boolean(v)) {
        size_t mark = path_push(c, key);
        jx_jload_type_error(&c->j, "布尔值（true 或 false）", v, kn);
        jx_jload_pop(&c->j, mark);
        return false;
    }
    *out = json_is_true(v);
    return true;
}

/* Read a number from v at node: a decimal string (with % only when
 * allow_pct; *pct set) or a JSON integer.  Reports and returns false. */
static bool read_num(struct ctx *c, json_t *v, int32_t node, bool allow_pct,
                     struct jx_rat *out, bool *pct)
{
    bool p = false;
    if (json_is_integer(v)) {
        enum jx_numerr e = jx_jload_int(&c->j, node, out);
        if (e != JX_NUM_OK) {
            jx_jload_bad_number(&c->j, "F105", "数值", v, node, e);
            return false;
        }
    } else if (json_is_real(v)) {
        jx_jload_unquoted(&c->j, "F106", node);
        return false;
    } else if (json_is_string(v)) {
        enum jx_numerr e = jx_rat_parse(json_string_value(v),
                                        json_string_length(v), out, &p, NULL);
        if (e != JX_NUM_OK) {
            jx_jload_bad_number(&c->j, "F105", "数值", v, node, e);
            return false;
        }
        if (p && !allow_pct) {
            jx_jload_rep(&c->j, "F105", node, false,
                         "数值 \"%s\" 此处不能带百分号",
                         jx_jexcerpt(c->a, json_string_value(v),
                                     json_string_length(v), EXCERPT));
            return false;
        }
    } else {
        jx_jload_type_error(&c->j, "数字字符串（如 \"10\"、\"90%\"）", v, node);
        return false;
    }
    if (pct) {
        *pct = p;
    }
    return true;
}

/* Read a number member; false when absent (F104 if req) or bad. */
static bool get_num(struct ctx *c, json_t *obj, int32_t node, const char *key,
                    bool req, bool allow_pct, struct jx_rat *out, bool *pct)
{
    int32_t kn;
    json_t *v = member(c, obj, node, key, &kn);
    if (!v) {
        if (req) {
            missing(c, node, key, NULL);
        }
        return false;
    }
    size_t mark = path_push(c, key);
    bool ok = read_num(c, v, kn, allow_pct, out, pct);
    jx_jload_pop(&c->j, mark);
    return ok;
}

/* Report a value outside a limit or rule at the member key of obj. */
static void bad_value(struct ctx *c, int32_t node, const char *key,
                      const char *fmt, ...) JX_PRINTF(4, 5);

/* Report F119 at a member; see the declaration. */
static void bad_value(struct ctx *c, int32_t node, const char *key,
                      const char *fmt, ...)
{
    int32_t kn = key ? jx_jdoc_member(c->j.doc, node, key, strlen(key)) : node;
    size_t mark = key ? path_push(c, key) : jx_jload_mark(&c->j);
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(c->a, fmt, ap);
    va_end(ap);
    jx_jload_rep(&c->j, "F119", kn >= 0 ? kn : node, false, "%s", msg);
    jx_jload_pop(&c->j, mark);
}

/* Read an enumeration member: the index among names (NULL-terminated);
 * false when absent or bad (F107). */
static bool get_enum(struct ctx *c, json_t *obj, int32_t node,
                     const char *key, bool req, const char *const *names,
                     int *out)
{
    int32_t kn;
    json_t *v = member(c, obj, node, key, &kn);
    if (!v) {
        if (req) {
            missing(c, node, key, NULL);
        }
        return false;
    }
    size_t mark = path_push(c, key);
    int i = jx_jload_enum(&c->j, "F107", v, kn, names, SIZE_MAX);
    if (i >= 0) {
        *out = i;
    }
    jx_jload_pop(&c->j, mark);
    return i >= 0;
}

/* Parse the expression string v at node into in (F115 / F117 inside the
 * string).  The path must already name the value. */
static bool read_expr(struct ctx *c, json_t *v, int32_t node,
                      struct jx_fw_input *in)
{
    if (!json_is_string(v)) {
        jx_jload_type_error(&c->j, "表达式字符串", v, node);
        return false;
    }
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    const char *err;
    size_t pos;
    bool toobig;
    in->text = jx_strndup(c->a, s, n);
    in->file = c->j.file;
    string_pos(c, node, 0, &in->line, &in->col, &in->plain);
    in->col -= 1; /* string_pos counts the quote: back to it */
    in->expr = jx_fw_expr_parse(c->a, s, n, &err, &pos, &toobig);
    if (!in->expr) {
        int line, col;
        string_pos(c, node, toobig && n > JX_FW_MAX_EXPR ? 0 : pos, &line,
                   &col, NULL);
        if (toobig && n > JX_FW_MAX_EXPR) {
            col -= 1;
        }
        jx_jload_rep_at(&c->j, toobig ? "F117" : "F115", JX_SEV_ERROR, line,
                        col, "%s%s", toobig ? "" : "表达式错误：", err);
        return false;
    }
    return true;
}

/* Read an expression member; false when absent (F104 if req) or bad. */
static bool get_expr(struct ctx *c, json_t *obj, int32_t node,
                     const char *key, bool req, struct jx_fw_input *in)
{
    int32_t kn;
    json_t *v = member(c, obj, node, key, &kn);
    if (!v) {
        if (req) {
            missing(c, node, key, NULL);
        }
        return false;
    }
    size_t mark = path_push(c, key);
    bool ok = read_expr(c, v, kn, in);
    jx_jload_pop(&c->j, mark);
    return ok;
}

/* Read a range member (F110 inside the string). */
static bool get_range(struct ctx *c, json_t *obj, int32_t node,
                      const char *key, struct jx_fw_range *r)
{
    int32_t kn;
    json_t *v = member(c, obj, node, key, &kn);
    if (!v) {
        missing(c, node, key, NULL);
        return false;
    }
    size_t mark = path_push(c, key);
    bool ok = false;
    if (!json_is_string(v)) {
        jx_jload_type_error(&c->j, "区间字符串（如 \"[90%, +inf)\"）", v, kn);
    } else {
        const char *err;
        size_t pos;
        ok = jx_fw_range_parse(c->a, json_string_value(v),
                               json_string_length(v), r, &err, &pos);
        if (!ok) {
            int line, col;
            string_pos(c, kn, pos, &line, &col, NULL);
            jx_jload_rep_at(&c->j, "F110", JX_SEV_ERROR, line, col,
                            "区间错误：%s", err);
        }
    }
    jx_jload_pop(&c->j, mark);
    return ok;
}

/* The array member key of obj (NULL when absent or bad), at most max
 * elements read (*n); F104 if required, F117 when longer. */
static json_t *get_array(struct ctx *c, json_t *obj, int32_t node,
                         const char *key, bool req, size_t max, size_t *n,
                         int32_t *an)
{
    json_t *v = member(c, obj, node, key, an);
    *n = 0;
    if (!v) {
        if (req) {
            missing(c, node, key, NULL);
        }
        return NULL;
    }
    size_t mark = path_push(c, key);
    if (!json_is_array(v)) {
        jx_jload_type_error(&c->j, "数组", v, *an);
        v = NULL;
    } else {
        *n = jx_jload_array_len(&c->j, "F117", v, *an, max);
    }
    jx_jload_pop(&c->j, mark);
    return v;
}

/* The required, non-empty array member key of obj (at most
 * JX_FW_MAX_BANDS elements read), or NULL after F104 / F103 / F119. */
static json_t *get_list(struct ctx *c, json_t *obj, int32_t node,
                        const char *key, size_t *n, int32_t *an)
{
    json_t *arr = get_array(c, obj, node, key, true, JX_FW_MAX_BANDS, n, an);
    if (arr && *n == 0) {
        bad_value(c, node, key, "\"%s\" 至少需要 1 项", key);
        return NULL;
    }
    return arr;
}

/* Whether s is a valid id: [a-z0-9-]+ (framework) or with '.' and '_'
 * too (item). */
static bool valid_id(const char *s, bool item)
{
    if (!*s) {
        return false;
    }
    for (const char *p = s; *p; p++) {
        bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
                  *p == '-' || (item && (*p == '.' || *p == '_'));
        if (!ok) {
            return false;
        }
    }
    return true;
}

/* Whether s is a valid param name: [A-Za-z_][A-Za-z0-9_.]*. */
static bool valid_name(const char *s, size_t n)
{
    if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
                    (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_')) {
        return false;
    }
    for (size_t i = 1; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9') || ch == '_' || ch == '.')) {
            return false;
        }
    }
    return true;
}

/* ---- loading: bands and their coverage ---------------------------------- */

/* An end of a range for the coverage walk. */
struct end {
    bool inf;
    bool closed;
    struct jx_rat v;
};

/* A number (as a percentage when pct) for messages.  Arena. */
static const char *ntext(struct jx_arena *a, struct jx_rat v, bool pct)
{
    char buf[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(v, pct, buf)) {
        jx_rat_format(v, 4, pct, JX_ROUND_HALF_UP, buf);
    }
    return jx_strdup(a, buf);
}

/* Report the values of [dlo, dhi] (or, without a domain, between the
 * lowest and highest end) that no band covers, and pairs of bands that
 * overlap.  sev: warning for automatic bands, note for judgement. */
static void check_cover(struct ctx *c, const struct jx_fw_band *b, size_t n,
                        int32_t arr, const char *key,
                        const struct jx_rat *dlo, const struct jx_rat *dhi,
                        bool zero_ok, enum jx_severity sev, const char *what)
{
    if (n == 0 || arr < 0) {
        return;
    }
    size_t mk = path_push(c, key);
    int line, col;
    bool pct = false;
    for (size_t i = 0; i < n; i++) {
        pct = pct || b[i].range.percent;
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            if (jx_fw_range_overlap(&b[i].range, &b[j].range)) {
                size_t mark = jx_jload_index(&c->j, j);
                jx_jload_rep_at(&c->j, "F111", sev, b[j].line, b[j].col,
                                "%s %s%s与 %s%s重叠：同一数值落入两个档次",
                                what, b[i].name ? b[i].name : "",
                                b[i].range.text, b[j].name ? b[j].name : "",
                                b[j].range.text);
                jx_jload_pop(&c->j, mark);
            }
        }
    }
    /* sort indices by lower end (insertion sort; n is small) */
    size_t idx[JX_FW_MAX_BANDS + 1] = {0};
    size_t m = 0;
    for (size_t i = 0; i < n && i < JX_FW_MAX_BANDS; i++) {
        size_t j = m++;
        while (j > 0) {
            const struct jx_fw_range *p = &b[idx[j - 1]].range, *q = &b[i].range;
            int k = p->lo_inf ? (q->lo_inf ? 0 : -1)
                    : q->lo_inf ? 1
                                : jx_rat_cmp(p->lo, q->lo);
            if (k < 0 || (k == 0 && (p->lo_closed || !q->lo_closed))) {
                break;
            }
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = i;
    }
    struct jx_buf gaps;
    jx_buf_init(&gaps, 1u << 14);
    struct end cov;
    const struct jx_fw_range *first = &b[idx[0]].range;
    if (dlo && !first->lo_inf) {
        int k = jx_rat_cmp(*dlo, first->lo);
        bool zero_here = zero_ok && jx_rat_sign(*dlo) == 0;
        if (k < 0 || (k == 0 && !first->lo_closed && !zero_here)) {
            bool open_lo = zero_here;
            if (!(zero_here && k == 0)) {
                jx_buf_addf(&gaps, "%s%s%s, %s%s", gaps.len ? "、" : "",
                            open_lo ? "(" : "[", ntext(c->a, *dlo, pct),
                            ntext(c->a, first->lo, pct),
                            first->lo_closed ? ")" : "]");
            }
        }
    }
    cov.inf = first->hi_inf;
    cov.closed = first->hi_closed;
    cov.v = first->hi;
    for (size_t t = 1; t < m && !cov.inf; t++) {
        const struct jx_fw_range *r = &b[idx[t]].range;
        if (!r->lo_inf) {
            int k = jx_rat_cmp(r->lo, cov.v);
            if (k > 0 || (k == 0 && !r->lo_closed && !cov.closed)) {
                jx_buf_addf(&gaps, "%s%s%s, %s%s", gaps.len ? "、" : "",
                            cov.closed ? "(" : "[", ntext(c->a, cov.v, pct),
                            ntext(c->a, r->lo, pct),
                            r->lo_closed ? ")" : "]");
            }
        }
        if (r->hi_inf) {
            cov.inf = true;
        } else {
            int k = jx_rat_cmp(r->hi, cov.v);
            if (k > 0 || (k == 0 && r->hi_closed)) {
                cov.v = r->hi;
                cov.closed = r->hi_closed;
            }
        }
    }
    if (dhi && !cov.inf) {
        int k = jx_rat_cmp(cov.v, *dhi);
        if (k < 0 || (k == 0 && !cov.closed)) {
            jx_buf_addf(&gaps, "%s%s%s, %s]", gaps.len ? "、" : "",
                        cov.closed ? "(" : "[", ntext(c->a, cov.v, pct),
                        ntext(c->a, *dhi, pct));
        }
    }
    if (gaps.len) {
        jx_jdoc_where(c->j.doc, arr, false, &line, &col);
        jx_jload_rep_at(&c->j, "F112", sev, line, col,
                        "%s之间有空档：%s 内的数值不属于任何档次", what,
                        gaps.p);
    }
    jx_buf_release(&gaps);
    jx_jload_pop(&c->j, mk);
}

/* Read an array of bands.  kind: 'b' bands (range, score, name?), 'm'
 * manual (name, range), 'g' grades (name, range), 'c' caps (range,
 * cap).  Returns the count; *out in the arena. */
static size_t load_bands(struct ctx *c, json_t *obj, int32_t node,
                         const char *key, char kind, struct jx_fw_band **out)
{
    size_t n;
    int32_t an;
    json_t *arr = get_list(c, obj, node, key, &n, &an);
    *out = NULL;
    if (!arr) {
        return 0;
    }
    struct jx_fw_band *b = jx_alloc_array(c->a, n, sizeof *b);
    size_t m = 0;
    size_t mk = path_push(c, key);
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(arr, i);
        int32_t en = jx_jdoc_element(c->j.doc, an, i);
        size_t mark = jx_jload_index(&c->j, i);
        if (!json_is_object(v)) {
            jx_jload_type_error(&c->j, "对象", v, en);
            jx_jload_pop(&c->j, mark);
            continue;
        }
        static const char *const kb[] = {"range", "score", "name", NULL};
        static const char *const km[] = {"name", "range", NULL};
        static const char *const kc[] = {"range", "cap", NULL};
        check_keys(c, v, en, kind == 'b' ? kb : kind == 'c' ? kc : km, NULL,
                   NULL);
        struct jx_fw_band *x = &b[m];
        jx_jdoc_where(c->j.doc, en, false, &x->line, &x->col);
        bool ok = get_range(c, v, en, "range", &x->range);
        if (kind != 'c' && kind != 'b') {
            ok = get_text(c, v, en, "name", true, &x->name) && ok;
        } else if (kind == 'b') {
            get_text(c, v, en, "name", false, &x->name);
        }
        if (kind == 'b' || kind == 'c') {
            x->has_score = get_num(c, v, en, kind == 'b' ? "score" : "cap",
                                   true, false, &x->score, NULL);
            ok = ok && x->has_score;
        }
        if (ok) {
            m++;
        }
        jx_jload_pop(&c->j, mark);
    }
    jx_jload_pop(&c->j, mk);
    *out = b;
    return m == n ? m : 0;
}

/* ---- loading: rules ---------------------------------------------------------- */

/* Names of the enumerations, NULL-terminated, in enum order. */
static const char *const rtype_names[] = {"proportional", "bands", "deduct",
                                          "checklist", "quarterly", "manual",
                                          "formula", "parts", NULL};
static const char *const over_names[] = {"cap", "zero", "allow", NULL};
static const char *const count_names[] = {"ceil", "floor", "exact", NULL};
static const char *const na_names[] = {"full", "zero", "exclude", "judge",
                                       NULL};
static const char *const missing_names[] = {"judge", "zero", NULL};
static const char *const stated_names[] = {"none", "assessment",
                                           "dept_scoring", "unit_sheet", NULL};
static const char *const ttype_names[] = {"cap", "penalty", NULL};

/* Keys of a rule: common, then per type (in rtype order). */
static const char *const rule_keys[][13] = {
    {"type", "na", "missing", "scale", "percent", "label", "reason", "input",
     "cap", "over", NULL},
    {"type", "na", "missing", "scale", "percent", "label", "reason", "input",
     "bands", NULL},
    {"type", "na", "missing", "scale", "percent", "label", "reason", "input",
     "per", "deduct", "floor", "count", NULL},
    {"type", "na", "missing", "scale", "percent", "label", "reason", "items",
     NULL},
    {"type", "na", "missing", "scale", "percent", "label", "reason", "inputs",
     "schedule", "each", "average", "cap_each", NULL},
    {"type", "na", "missing", "scale", "percent", "label", "reason", "bands",
     "zero", "suggest", NULL},
    {"type", "na", "missing", "scale", "percent", "label", "reason", "input",
     NULL},
    {"type", "scale", "parts", NULL},
};

/* Every key some rule type has (for "not for this type" messages). */
static const char *const all_rule_keys[] = {
    "input", "cap", "over", "bands", "per", "deduct", "floor", "count",
    "items", "inputs", "schedule", "each", "average", "cap_each", "zero",
    "suggest", "parts", "na", "missing", "percent", "label", "reason", NULL};

/* Placeholders a 扣分理由 template may use. */
static const char *const reason_vars[] = {"input", "label", "units", "lost",
                                          "score", "points", "band", "cap",
                                          NULL};

/* Check the {placeholders} of a reason template (F119). */
static void check_template(struct ctx *c, json_t *obj, int32_t node,
                           const char *tmpl)
{
    for (const char *p = strchr(tmpl, '{'); p; p = strchr(p + 1, '{')) {
        const char *e = strchr(p, '}');
        if (!e) {
            break;
        }
        if (!jx_jload_listed(reason_vars, p + 1, (size_t)(e - p - 1))) {
            (void)obj;
            bad_value(c, node, "reason",
                      "扣分理由模板中的占位符 {%s} 未定义（可用：{input} {label} "
                      "{units} {lost} {score} {points} {band} {cap}）",
                      jx_strndup(c->a, p + 1, (size_t)(e - p - 1)));
        }
    }
}

/* Read a checklist's sub-points. */
static void load_checks(struct ctx *c, json_t *obj, int32_t node,
                        struct jx_fw_rule *ru)
{
    size_t n;
    int32_t an;
    json_t *arr = get_list(c, obj, node, "items", &n, &an);
    if (!arr) {
        return;
    }
    ru->checks = jx_alloc_array(c->a, n, sizeof *ru->checks);
    size_t mk = path_push(c, "items");
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(arr, i);
        int32_t en = jx_jdoc_element(c->j.doc, an, i);
        size_t mark = jx_jload_index(&c->j, i);
        if (!json_is_object(v)) {
            jx_jload_type_error(&c->j, "对象", v, en);
            jx_jload_pop(&c->j, mark);
            continue;
        }
        static const char *const keys[] = {"name", "points", "when", NULL};
        check_keys(c, v, en, keys, NULL, NULL);
        struct jx_fw_check *ch = &ru->checks[ru->nchecks];
        memset(ch, 0, sizeof *ch); /* may hold a failed check */
        bool ok = get_text(c, v, en, "name", true, &ch->name);
        ok = get_num(c, v, en, "points", true, false, &ch->points, NULL) && ok;
        if (ok && jx_rat_sign(ch->points) < 0) {
            bad_value(c, en, "points", "分值不能为负");
            ok = false;
        }
        int32_t wn;
        if (member(c, v, en, "when", &wn)) {
            ok = get_expr(c, v, en, "when", false, &ch->when) && ok;
        }
        if (ok) {
            ru->nchecks++;
        }
        jx_jload_pop(&c->j, mark);
    }
    jx_jload_pop(&c->j, mk);
}

/* Read a quarterly rule's inputs and schedule. */
static void load_quarterly(struct ctx *c, json_t *obj, int32_t node,
                           struct jx_fw_rule *ru)
{
    size_t n;
    int32_t an;
    json_t *arr = get_array(c, obj, node, "inputs", true, 4, &n, &an);
    if (arr && json_array_size(arr) != 4) {
        bad_value(c, node, "inputs",
                  "\"inputs\" 应为 4 个表达式（四个季度末的累计支出进度），实际 %zu 个",
                  json_array_size(arr));
    } else if (arr) {
        size_t mk = path_push(c, "inputs");
        for (size_t i = 0; i < 4; i++) {
            size_t mark = jx_jload_index(&c->j, i);
            read_expr(c, json_array_get(arr, i),
                      jx_jdoc_element(c->j.doc, an, i), &ru->quarters[i]);
            jx_jload_pop(&c->j, mark);
        }
        jx_jload_pop(&c->j, mk);
    }
    arr = get_array(c, obj, node, "schedule", false, 4, &n, &an);
    if (arr && json_array_size(arr) != 4) {
        bad_value(c, node, "schedule",
                  "\"schedule\" 应为 4 个序时进度（如 \"25%%\"），实际 %zu 个",
                  json_array_size(arr));
    } else if (arr) {
        size_t mk = path_push(c, "schedule");
        for (size_t i = 0; i < 4; i++) {
            size_t mark = jx_jload_index(&c->j, i);
            int32_t en = jx_jdoc_element(c->j.doc, an, i);
            struct jx_rat r;
            if (read_num(c, json_array_get(arr, i), en, true, &r, NULL)) {
                if (jx_rat_sign(r) <= 0) {
                    jx_jload_rep(&c->j, "F119", en, false,
                                 "序时进度必须大于 0");
                } else {
                    ru->schedule[i] = r;
                }
            }
            jx_jload_pop(&c->j, mark);
        }
        jx_jload_pop(&c->j, mk);
    }
    get_num(c, obj, node, "each", false, false, &ru->each, NULL);
    get_num(c, obj, node, "average", false, false, &ru->average, NULL);
    get_bool(c, obj, node, "cap_each", &ru->cap_each);
}

/* Clear a rule and set its defaults.  The rule may sit in a slot that a
 * failed item or part used before (those slots are reused), so every
 * field, counts included, starts from zero here. */
static void rule_defaults(struct jx_fw_rule *ru)
{
    memset(ru, 0, sizeof *ru);
    ru->cap = jx_rat_int(1);
    ru->per = jx_rat_int(1);
    ru->deduct = jx_rat_int(1);
    ru->floor = jx_rat_int(0);
    for (int i = 0; i < 4; i++) {
        ru->schedule[i].num = i + 1;
        ru->schedule[i].den = 4;
        if (i == 1) {
            ru->schedule[i].num = 1;
            ru->schedule[i].den = 2;
        }
        if (i == 3) {
            ru->schedule[i].num = 1;
            ru->schedule[i].den = 1;
        }
    }
    ru->each = jx_rat_int(1);
    ru->average = jx_rat_int(2);
    ru->cap_each = true;
    ru->scale = 2;
}

/* Read a rule's "scale" (0–8; F103 / F119 otherwise). */
static void read_scale(struct ctx *c, json_t *v, int32_t node,
                       struct jx_fw_rule *ru)
{
    int32_t sn;
    json_t *sv = member(c, v, node, "scale", &sn);
    if (!sv) {
        return;
    }
    if (!json_is_integer(sv)) {
        size_t mark = path_push(c, "scale");
        jx_jload_type_error(&c->j, "整数", sv, sn);
        jx_jload_pop(&c->j, mark);
    } else if (json_integer_value(sv) < 0 || json_integer_value(sv) > 8) {
        bad_value(c, node, "scale", "小数位数应在 0 到 8 之间");
    } else {
        ru->scale = (int)json_integer_value(sv);
    }
}

static void load_parts(struct ctx *c, json_t *obj, int32_t node,
                       struct jx_fw_rule *ru);

/* Read a rule (the object v at node) into ru. */
static void load_rule(struct ctx *c, json_t *v, int32_t node,
                      struct jx_fw_rule *ru)
{
    rule_defaults(ru);
    int t = -1;
    if (!get_enum(c, v, node, "type", true, rtype_names, &t)) {
        return;
    }
    ru->type = (enum jx_fw_rtype)t;
    check_keys(c, v, node, rule_keys[t], all_rule_keys,
               jx_sprintf(c->a, "（此键不适用于 %s 规则）", rtype_names[t]));
    read_scale(c, v, node, ru);
    if (ru->type == JX_FWR_PARTS) {
        load_parts(c, v, node, ru);
        return;
    }
    int e;
    if (get_enum(c, v, node, "na", false, na_names, &e)) {
        ru->na = (enum jx_fw_na)e;
    }
    if (get_enum(c, v, node, "missing", false, missing_names, &e)) {
        ru->missing = (enum jx_fw_missing)e;
    }
    bool pct_given = get_bool(c, v, node, "percent", &ru->percent);
    get_text(c, v, node, "label", false, &ru->label);
    if (get_text(c, v, node, "reason", false, &ru->reason)) {
        check_template(c, v, node, ru->reason);
    }
    bool pct = false;
    switch (ru->type) {
    case JX_FWR_PROPORTIONAL:
        get_expr(c, v, node, "input", true, &ru->input);
        if (get_num(c, v, node, "cap", false, true, &ru->cap, &pct) &&
            jx_rat_sign(ru->cap) <= 0) {
            bad_value(c, node, "cap", "上限必须大于 0");
            ru->cap = jx_rat_int(1);
        }
        if (get_enum(c, v, node, "over", false, over_names, &e)) {
            ru->over = (enum jx_fw_over)e;
        }
        break;
    case JX_FWR_BANDS:
        get_expr(c, v, node, "input", true, &ru->input);
        ru->nbands = load_bands(c, v, node, "bands", 'b', &ru->bands);
        for (size_t i = 0; i < ru->nbands; i++) {
            pct = pct || ru->bands[i].range.percent;
        }
        break;
    case JX_FWR_DEDUCT:
        get_expr(c, v, node, "input", true, &ru->input);
        if (get_num(c, v, node, "per", false, true, &ru->per, &pct) &&
            jx_rat_sign(ru->per) <= 0) {
            bad_value(c, node, "per", "\"per\" 必须大于 0");
            ru->per = jx_rat_int(1);
        }
        if (get_num(c, v, node, "deduct", false, false, &ru->deduct, NULL) &&
            jx_rat_sign(ru->deduct) < 0) {
            bad_value(c, node, "deduct", "\"deduct\" 不能为负");
            ru->deduct = jx_rat_int(1);
        }
        get_num(c, v, node, "floor", false, false, &ru->floor, NULL);
        if (get_enum(c, v, node, "count", false, count_names, &e)) {
            ru->count = (enum jx_fw_count)e;
        }
        break;
    case JX_FWR_CHECKLIST:
        load_checks(c, v, node, ru);
        break;
    case JX_FWR_QUARTERLY:
        load_quarterly(c, v, node, ru);
        break;
    case JX_FWR_MANUAL:
        ru->nbands = load_bands(c, v, node, "bands", 'm', &ru->bands);
        get_text(c, v, node, "zero", false, &ru->zero);
        get_text(c, v, node, "suggest", false, &ru->suggest);
        break;
    case JX_FWR_FORMULA:
        get_expr(c, v, node, "input", true, &ru->input);
        break;
    case JX_FWR_PARTS:
        break; /* read above */
    }
    if (!pct_given) {
        ru->percent = pct;
    }
}

/* Cross-checks of a rule against its item's points (F104, F120) and of
 * its bands' coverage (F111, F112). */
static void check_rule(struct ctx *c, struct jx_fw_item *it, int32_t node,
                       int32_t rn)
{
    struct jx_fw_rule *ru = &it->rule;
    const char *pts = it->has_points ? ntext(c->a, it->points, false) : "";
    if (ru->type == JX_FWR_FORMULA) {
        if (it->has_points) {
            jx_jload_rep_at(
                &c->j, "F120", JX_SEV_WARNING, it->line, it->col,
                "formula 规则只计算数值，不计分：\"points\" 不起作用");
        }
        return;
    }
    if (!it->has_points) {
        if (jx_jdoc_member(c->j.doc, node, "points", 6) >= 0) {
            return; /* present but unreadable: reported already */
        }
        missing(c, node, "points",
                jx_sprintf(c->a, "（%s 规则需要分值）", rtype_names[ru->type]));
        return;
    }
    size_t mk = path_push(c, "rule");
    int line = 0, col = 0;
    jx_jdoc_where(c->j.doc, rn, false, &line, &col);
    struct calc_sum {
        struct jx_rat v;
        bool bad;
    } sum = {jx_rat_int(0), false};
    switch (ru->type) {
    case JX_FWR_BANDS:
        for (size_t i = 0; i < ru->nbands; i++) {
            if (jx_rat_sign(ru->bands[i].score) < 0 ||
                jx_rat_cmp(ru->bands[i].score, it->points) > 0) {
                jx_jload_rep_at(&c->j, "F120", JX_SEV_WARNING,
                                ru->bands[i].line, ru->bands[i].col,
                                "档次 %s 的得分 %s 不在 [0, %s] 内",
                                ru->bands[i].range.text,
                                ntext(c->a, ru->bands[i].score, false), pts);
            }
        }
        check_cover(c, ru->bands, ru->nbands,
                    jx_jdoc_member(c->j.doc, rn, "bands", 5), "bands", NULL,
                    NULL, false, JX_SEV_WARNING, "评分档次");
        break;
    case JX_FWR_MANUAL: {
        struct jx_rat z = jx_rat_int(0);
        for (size_t i = 0; i < ru->nbands; i++) {
            const struct jx_fw_range *r = &ru->bands[i].range;
            if (r->lo_inf || r->hi_inf || jx_rat_sign(r->lo) < 0 ||
                jx_rat_cmp(r->hi, it->points) > 0) {
                jx_jload_rep_at(&c->j, "F120", JX_SEV_WARNING,
                                ru->bands[i].line, ru->bands[i].col,
                                "档次“%s”%s 超出分值范围 [0, %s]",
                                ru->bands[i].name, r->text, pts);
            }
        }
        check_cover(c, ru->bands, ru->nbands,
                    jx_jdoc_member(c->j.doc, rn, "bands", 5), "bands", &z,
                    &it->points, ru->zero != NULL, JX_SEV_NOTE, "人工评分档次");
        break;
    }
    case JX_FWR_CHECKLIST:
        for (size_t i = 0; i < ru->nchecks && !sum.bad; i++) {
            sum.bad = jx_rat_add(sum.v, ru->checks[i].points, &sum.v) !=
                      JX_NUM_OK;
        }
        if (!sum.bad && ru->nchecks && jx_rat_cmp(sum.v, it->points) != 0) {
            jx_jload_rep_at(&c->j, "F120", JX_SEV_WARNING, line, col,
                            "各小项分值之和 %s 不等于指标分值 %s",
                            ntext(c->a, sum.v, false), pts);
        }
        break;
    case JX_FWR_QUARTERLY: {
        struct jx_rat four;
        if (jx_rat_mul(ru->each, jx_rat_int(4), &four) == JX_NUM_OK &&
            jx_rat_add(four, ru->average, &sum.v) == JX_NUM_OK &&
            jx_rat_cmp(sum.v, it->points) != 0) {
            jx_jload_rep_at(&c->j, "F120", JX_SEV_WARNING, line, col,
                            "4 × each + average = %s，不等于指标分值 %s",
                            ntext(c->a, sum.v, false), pts);
        }
        break;
    }
    case JX_FWR_DEDUCT:
        if (jx_rat_cmp(ru->floor, it->points) > 0 || jx_rat_sign(ru->floor) < 0) {
            jx_jload_rep_at(&c->j, "F120", JX_SEV_WARNING, line, col,
                            "扣分下限 %s 不在 [0, %s] 内",
                            ntext(c->a, ru->floor, false), pts);
        }
        break;
    case JX_FWR_PARTS:
        for (size_t i = 0; i < ru->nparts && !sum.bad; i++) {
            sum.bad = jx_rat_add(sum.v, ru->parts[i].points, &sum.v) !=
                      JX_NUM_OK;
        }
        if (!sum.bad && ru->nparts && jx_rat_cmp(sum.v, it->points) != 0) {
            jx_jload_rep_at(&c->j, "F120", JX_SEV_WARNING, line, col,
                            "各部分分值之和 %s 不等于指标分值 %s",
                            ntext(c->a, sum.v, false), pts);
        }
        break;
    case JX_FWR_PROPORTIONAL:
    case JX_FWR_FORMULA:
        break;
    }
    jx_jload_pop(&c->j, mk);
}

/* Read a parts rule's parts: each a name, points and its own rule, which
 * may be neither parts (no nesting) nor formula (it scores nothing):
 * F119.  Each part's rule is checked against the part's points. */
static void load_parts(struct ctx *c, json_t *obj, int32_t node,
                       struct jx_fw_rule *ru)
{
    size_t n;
    int32_t an;
    json_t *arr = get_list(c, obj, node, "parts", &n, &an);
    if (!arr) {
        return;
    }
    ru->parts = jx_alloc_array(c->a, n, sizeof *ru->parts);
    size_t mk = path_push(c, "parts");
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(arr, i);
        int32_t en = jx_jdoc_element(c->j.doc, an, i);
        size_t mark = jx_jload_index(&c->j, i);
        if (!json_is_object(v)) {
            jx_jload_type_error(&c->j, "对象", v, en);
            jx_jload_pop(&c->j, mark);
            continue;
        }
        static const char *const keys[] = {"name", "points", "rule", NULL};
        check_keys(c, v, en, keys, NULL, NULL);
        struct jx_fw_part *p = &ru->parts[ru->nparts];
        memset(p, 0, sizeof *p); /* may hold a failed part */
        p->file = c->j.file;
        jx_jdoc_where(c->j.doc, en, false, &p->line, &p->col);
        rule_defaults(&p->rule);
        bool ok = get_text(c, v, en, "name", true, &p->name);
        if (get_num(c, v, en, "points", true, false, &p->points, NULL)) {
            if (jx_rat_sign(p->points) < 0) {
                bad_value(c, en, "points", "分值不能为负");
                ok = false;
            }
        } else {
            ok = false;
        }
        int32_t rn;
        json_t *rv = member(c, v, en, "rule", &rn);
        if (!rv) {
            missing(c, en, "rule", NULL);
            ok = false;
        } else {
            size_t rm = path_push(c, "rule");
            json_t *tv = json_is_object(rv) ? json_object_get(rv, "type")
                                            : NULL;
            const char *ts = json_is_string(tv) ? json_string_value(tv) : "";
            if (!json_is_object(rv)) {
                jx_jload_type_error(&c->j, "对象", rv, rn);
                ok = false;
            } else if (strcmp(ts, "parts") == 0) {
                bad_value(c, rn, "type",
                          "parts 规则不能嵌套：部分的规则不能再是 parts");
                ok = false;
            } else if (strcmp(ts, "formula") == 0) {
                bad_value(c, rn, "type",
                          "formula 规则只计算数值、不计分，不能作为 parts 的部分");
                ok = false;
            } else {
                load_rule(c, rv, rn, &p->rule);
            }
            jx_jload_pop(&c->j, rm);
        }
        if (ok) {
            struct jx_fw_item tmp;
            memset(&tmp, 0, sizeof tmp);
            tmp.rule = p->rule;
            tmp.has_points = true;
            tmp.points = p->points;
            tmp.line = p->line;
            tmp.col = p->col;
            check_rule(c, &tmp, en, rn);
            ru->nparts++;
        }
        jx_jload_pop(&c->j, mark);
    }
    jx_jload_pop(&c->j, mk);
}

/* Read an item (object v at node) into it; false when unusable. */
static bool load_item(struct ctx *c, json_t *v, int32_t node,
                      struct jx_fw_item *it)
{
    if (!json_is_object(v)) {
        jx_jload_type_error(&c->j, "对象", v, node);
        return false;
    }
    static const char *const keys[] = {"id", "level1", "level2", "name",
                                       "points", "standard", "match", "rule",
                                       "comment", NULL};
    check_keys(c, v, node, keys, NULL, NULL);
    it->file = c->j.file;
    jx_jdoc_where(c->j.doc, node, false, &it->line, &it->col);
    bool ok = get_text(c, v, node, "id", true, &it->id);
    if (ok && !valid_id(it->id, true)) {
        int32_t kn;
        member(c, v, node, "id", &kn);
        size_t mark = path_push(c, "id");
        jx_jload_rep(&c->j, "F108", kn, false,
                     "指标 id \"%s\" 无效：只能使用小写字母、数字、“-”“.”“_”",
                     jx_jexcerpt(c->a, it->id, strlen(it->id), EXCERPT));
        jx_jload_pop(&c->j, mark);
        ok = false;
    }
    ok = get_text(c, v, node, "level1", true, &it->level1) && ok;
    get_text(c, v, node, "level2", false, &it->level2);
    get_text(c, v, node, "name", false, &it->name);
    get_text(c, v, node, "standard", false, &it->standard);
    get_text(c, v, node, "match", false, &it->match);
    const char *comment;
    get_text(c, v, node, "comment", false, &comment);
    it->has_points = get_num(c, v, node, "points", false, false, &it->points,
                             NULL);
    if (it->has_points && jx_rat_sign(it->points) < 0) {
        bad_value(c, node, "points", "分值不能为负");
        it->has_points = false;
    }
    int32_t rn;
    json_t *rv = member(c, v, node, "rule", &rn);
    rule_defaults(&it->rule);
    if (!rv) {
        missing(c, node, "rule", NULL);
        return false;
    }
    size_t mark = path_push(c, "rule");
    if (!json_is_object(rv)) {
        jx_jload_type_error(&c->j, "对象", rv, rn);
        jx_jload_pop(&c->j, mark);
        return false;
    }
    load_rule(c, rv, rn, &it->rule);
    jx_jload_pop(&c->j, mark);
    check_rule(c, it, node, rn);
    return ok;
}

/* Read the params object. */
static void load_params(struct ctx *c, struct jx_framework *fw, json_t *obj,
                        int32_t node)
{
    int32_t pn;
    json_t *pv = member(c, obj, node, "params", &pn);
    if (!pv) {
        return;
    }
    size_t mk = path_push(c, "params");
    if (!json_is_object(pv)) {
        jx_jload_type_error(&c->j, "对象", pv, pn);
        jx_jload_pop(&c->j, mk);
        return;
    }
    size_t n = json_object_size(pv);
    if (n > JX_FW_MAX_PARAMS) {
        jx_jload_rep(&c->j, "F117", pn, false,
                     "参数过多：%zu 个，最多 %d 个（其余不予读取）", n,
                     JX_FW_MAX_PARAMS);
        n = JX_FW_MAX_PARAMS;
    }
    fw->params = jx_alloc_array(c->a, n ? n : 1, sizeof *fw->params);
    const char *key;
    size_t klen;
    json_t *v;
    void *tmp;
    json_object_keylen_foreach_safe(pv, tmp, key, klen, v)
    {
        if (fw->nparams == n) {
            break;
        }
        char *name = jx_strndup(c->a, key, klen);
        size_t mark = path_push(c, name);
        int32_t vn = jx_jdoc_member(c->j.doc, pn, key, klen);
        struct jx_fw_param *p = &fw->params[fw->nparams];
        memset(p, 0, sizeof *p); /* may hold a failed param */
        p->name = name;
        p->file = c->j.file;
        jx_jdoc_where(c->j.doc, vn, true, &p->line, &p->col);
        if (!valid_name(key, klen) || strcmp(name, "min") == 0 ||
            strcmp(name, "max") == 0 || strcmp(name, "abs") == 0) {
            jx_jload_rep(&c->j, "F118", vn, true,
                         "参数名 \"%s\" "
                         "无效：应以字母或“_”开头，只含字母、数字、“_”“.”，"
                         "且不能是 min、max、abs",
                         jx_jexcerpt(c->a, key, klen, EXCERPT));
            jx_jload_pop(&c->j, mark);
            continue;
        }
        json_t *val = v;
        int32_t valn = vn;
        if (json_is_object(v)) {
            static const char *const keys[] = {"value", "label", NULL};
            check_keys(c, v, vn, keys, NULL, NULL);
            get_text(c, v, vn, "label", false, &p->label);
            val = member(c, v, vn, "value", &valn);
            if (!val) {
                missing(c, vn, "value", NULL);
                jx_jload_pop(&c->j, mark);
                continue;
            }
            path_push(c, "value");
        }
        const char *err = NULL;
        bool ok = false;
        if (json_is_string(val)) {
            ok = jx_fw_value_parse(c->a, json_string_value(val),
                                   json_string_length(val), &p->value, &err);
            p->text = jx_strndup(c->a, json_string_value(val),
                                 json_string_length(val));
        } else if (json_is_integer(val)) {
            ok = read_num(c, val, valn, false, &p->value.num, NULL);
            p->value.kind = JX_FWV_NUM;
            size_t tn;
            const char *t = jx_jdoc_token(c->j.doc, valn, &tn);
            p->text = t ? jx_strndup(c->a, t, tn) : "";
            err = NULL;
            if (!ok) {
                jx_jload_pop(&c->j, mark);
                continue;
            }
        } else if (json_is_real(val)) {
            read_num(c, val, valn, false, &p->value.num, NULL);
        } else {
            jx_jload_type_error(&c->j, "字符串（日期或数字）", val, valn);
        }
        if (!ok && err) {
            jx_jload_rep(&c->j, "F118", valn, false, "参数 %s 的值无法读取：%s",
                         name, err);
        }
        if (ok) {
            fw->nparams++;
        }
        jx_jload_pop(&c->j, mark);
    }
    jx_jload_pop(&c->j, mk);
}

/* Read the totals array. */
static void load_totals(struct ctx *c, struct jx_framework *fw, json_t *obj,
                        int32_t node)
{
    size_t n;
    int32_t an;
    json_t *arr = get_array(c, obj, node, "totals", false, JX_FW_MAX_TOTALS,
                            &n, &an);
    if (!arr) {
        return;
    }
    fw->has_totals = true;
    fw->totals = jx_alloc_array(c->a, n ? n : 1, sizeof *fw->totals);
    size_t mk = path_push(c, "totals");
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(arr, i);
        int32_t en = jx_jdoc_element(c->j.doc, an, i);
        size_t mark = jx_jload_index(&c->j, i);
        struct jx_fw_total *t = &fw->totals[fw->ntotals];
        memset(t, 0, sizeof *t); /* may hold a failed total */
        int ty;
        if (!json_is_object(v)) {
            jx_jload_type_error(&c->j, "对象", v, en);
        } else if (get_enum(c, v, en, "type", true, ttype_names, &ty)) {
            static const char *const kcap[] = {"type", "input", "label",
                                               "bands", NULL};
            static const char *const kpen[] = {"type", "input", "label",
                                               "deduct", "reason", NULL};
            static const char *const kall[] = {"bands", "deduct", "reason",
                                               NULL};
            t->type = (enum jx_fw_ttype)ty;
            check_keys(c, v, en, ty == 0 ? kcap : kpen, kall,
                       jx_sprintf(c->a, "（此键不适用于 %s 规则）",
                                  ttype_names[ty]));
            t->file = c->j.file;
            jx_jdoc_where(c->j.doc, en, false, &t->line, &t->col);
            bool ok = get_expr(c, v, en, "input", true, &t->input);
            get_text(c, v, en, "label", false, &t->label);
            if (ty == 0) {
                t->nbands = load_bands(c, v, en, "bands", 'c', &t->bands);
                ok = ok && t->nbands > 0;
                check_cover(c, t->bands, t->nbands,
                            jx_jdoc_member(c->j.doc, en, "bands", 5), "bands",
                            NULL, NULL, false, JX_SEV_WARNING, "封顶档次");
                for (size_t k = 0; k < t->nbands; k++) {
                    if (jx_rat_sign(t->bands[k].score) < 0) {
                        jx_jload_rep_at(&c->j, "F119", JX_SEV_ERROR,
                                        t->bands[k].line, t->bands[k].col,
                                        "封顶分数不能为负");
                    }
                }
            } else {
                ok = get_num(c, v, en, "deduct", true, false, &t->deduct,
                             NULL) && ok;
                if (ok && jx_rat_sign(t->deduct) < 0) {
                    bad_value(c, en, "deduct", "\"deduct\" 不能为负");
                    ok = false;
                }
                get_text(c, v, en, "reason", false, &t->reason);
            }
            if (ok) {
                fw->ntotals++;
            }
        }
        jx_jload_pop(&c->j, mark);
    }
    jx_jload_pop(&c->j, mk);
}

/* Warn (F113) when every scored item has points and they do not sum to
 * the framework's full score; located at fw's items_line/col and path. */
static void check_points_sum(const struct jx_framework *fw,
                             struct jx_diags *d, struct jx_arena *a,
                             const char *path)
{
    struct jx_rat sum = jx_rat_int(0);
    size_t scored = 0;
    for (size_t i = 0; i < fw->nitems; i++) {
        const struct jx_fw_item *it = &fw->items[i];
        if (it->rule.type == JX_FWR_FORMULA) {
            continue;
        }
        if (!it->has_points || jx_rat_add(sum, it->points, &sum) != JX_NUM_OK) {
            return;
        }
        scored++;
    }
    if (scored == 0 || jx_rat_cmp(sum, fw->points) == 0) {
        return;
    }
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = fw->file;
    loc.line = fw->items_line;
    loc.col = fw->items_col;
    loc.path = path;
    jx_diag_add(d, "F113", JX_SEV_WARNING, &loc,
                "各指标分值之和 %s 不等于框架总分 %s", ntext(a, sum, false),
                ntext(a, fw->points, false));
}

/* Read the items array. */
static void load_items(struct ctx *c, struct jx_framework *fw, json_t *obj,
                       int32_t node)
{
    size_t n;
    int32_t an;
    json_t *arr = get_array(c, obj, node, "items", fw->extends == NULL,
                            JX_FW_MAX_ITEMS, &n, &an);
    if (!arr) {
        return;
    }
    int32_t kn = jx_jdoc_member(c->j.doc, node, "items", 5);
    jx_jdoc_where(c->j.doc, kn, true, &fw->items_line, &fw->items_col);
    fw->items = jx_alloc_array(c->a, n ? n : 1, sizeof *fw->items);
    size_t mk = path_push(c, "items");
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(arr, i);
        int32_t en = jx_jdoc_element(c->j.doc, an, i);
        size_t mark = jx_jload_index(&c->j, i);
        struct jx_fw_item *it = &fw->items[fw->nitems];
        memset(it, 0, sizeof *it); /* may hold a failed item */
        if (load_item(c, v, en, it)) {
            for (size_t k = 0; k < fw->nitems; k++) {
                if (strcmp(fw->items[k].id, it->id) == 0) {
                    int32_t idn;
                    member(c, v, en, "id", &idn);
                    size_t m2 = path_push(c, "id");
                    jx_jload_rep(&c->j, "F109", idn, false,
                                 "重复的指标 id \"%s\"（第 %zu 个指标已使用）",
                                 it->id, k + 1);
                    jx_jload_pop(&c->j, m2);
                }
            }
            fw->nitems++;
        }
        jx_jload_pop(&c->j, mark);
    }
    jx_jload_pop(&c->j, mk);
}

/* The file name's last component without ".json", or NULL when the
 * name does not end in ".json".  Arena. */
static const char *file_id(struct jx_arena *a, const char *file)
{
    size_t n = strlen(file);
    if (n < 5 || strcmp(file + n - 5, ".json") != 0) {
        return NULL;
    }
    const char *b = strrchr(file, '/');
    b = b ? b + 1 : file;
    return jx_strndup(a, b, (size_t)(file + n - 5 - b));
}

/* Read "rescore": the non-empty words that pick this framework for a
 * printed table (docs/frameworks.md, "Rescoring printed tables"). */
static void load_rescore(struct ctx *c, struct jx_framework *fw, json_t *root)
{
    size_t n;
    int32_t an;
    json_t *arr = get_array(c, root, 0, "rescore", false, JX_FW_MAX_BANDS, &n,
                            &an);
    if (!arr) {
        return;
    }
    fw->rescore = jx_alloc_array(c->a, n + 1, sizeof *fw->rescore);
    size_t mk = path_push(c, "rescore");
    for (size_t i = 0; i < n; i++) {
        json_t *v = json_array_get(arr, i);
        int32_t en = jx_jdoc_element(c->j.doc, an, i);
        size_t mark = jx_jload_index(&c->j, i);
        if (!json_is_string(v) || json_string_length(v) == 0) {
            jx_jload_type_error(&c->j, "非空字符串", v, en);
        } else {
            fw->rescore[fw->nrescore++] =
                jx_strndup(c->a, json_string_value(v), json_string_length(v));
        }
        jx_jload_pop(&c->j, mark);
    }
    jx_jload_pop(&c->j, mk);
}

/* Read what the rules apply to: "years" (an interval of 年度), "region"
 * (text) and "places" (texts; default: the region). */
static void load_applies(struct ctx *c, struct jx_framework *fw, json_t *root)
{
    int32_t kn;
    if (member(c, root, 0, "years", &kn)) {
        fw->has_years = get_range(c, root, 0, "years", &fw->years);
    }
    get_text(c, root, 0, "region", false, &fw->region);
    size_t n;
    int32_t an;
    json_t *arr = get_array(c, root, 0, "places", false, 64, &n, &an);
    if (arr) {
        fw->places = jx_alloc_array(c->a, n ? n : 1, sizeof *fw->places);
        size_t mark = path_push(c, "places");
        for (size_t i = 0; i < n; i++) {
            json_t *v = json_array_get(arr, i);
            size_t m2 = jx_jload_index(&c->j, i);
            if (!json_is_string(v) || json_string_length(v) == 0) {
                jx_jload_type_error(&c->j, "非空字符串（地名，如 \"岳阳楼区\"）",
                                    v, jx_jdoc_element(c->j.doc, an, i));
            } else {
                fw->places[fw->nplaces++] = jx_strndup(
                    c->a, json_string_value(v), json_string_length(v));
            }
            jx_jload_pop(&c->j, m2);
        }
        jx_jload_pop(&c->j, mark);
    } else if (fw->region) {
        fw->places = jx_alloc_array(c->a, 1, sizeof *fw->places);
        fw->places[0] = fw->region;
        fw->nplaces = 1;
    }
}

/* Read the top-level object. */
static struct jx_framework *load_top(struct ctx *c, json_t *root)
{
    static const char *const keys[] = {"format", "version", "id", "title",
                                       "source", "extends", "stated", "points",
                                       "params", "grades", "items", "totals",
                                       "rescore", "comment", "years", "region",
                                       "places", NULL};
    int32_t fn;
    json_t *f = member(c, root, 0, "format", &fn);
    if (!f) {
        missing(c, 0, "format", "（应为 \"jixiao-framework\"）");
        return NULL;
    }
    if (!json_is_string(f) || strcmp(json_string_value(f), FORMAT_NAME) != 0) {
        path_push(c, "format");
        jx_jload_rep(&c->j, "F010", fn, false,
                     "不是 jixiao 评分框架：\"format\" 应为 \"%s\"",
                     FORMAT_NAME);
        return NULL;
    }
    int32_t vn;
    json_t *ver = member(c, root, 0, "version", &vn);
    if (!ver) {
        missing(c, 0, "version", NULL);
        return NULL;
    }
    if (!json_is_integer(ver) || json_integer_value(ver) != 1) {
        path_push(c, "version");
        jx_jload_rep(&c->j, "F011", vn, false, "不支持的版本 %s（只支持 1）",
                     jx_jload_token(&c->j, vn));
        return NULL;
    }
    check_keys(c, root, 0, keys, NULL, NULL);
    struct jx_framework *fw = jx_alloc(c->a, sizeof *fw);
    fw->file = jx_strdup(c->a, c->j.file);
    fw->points = jx_rat_int(100);
    if (get_text(c, root, 0, "id", true, &fw->id)) {
        int32_t idn;
        member(c, root, 0, "id", &idn);
        size_t mark = path_push(c, "id");
        const char *want = file_id(c->a, c->j.file);
        if (!valid_id(fw->id, false)) {
            jx_jload_rep(&c->j, "F108", idn, false,
                         "框架 id \"%s\" 无效：只能使用小写字母、数字和“-”",
                         jx_jexcerpt(c->a, fw->id, strlen(fw->id), EXCERPT));
        } else if (want && strcmp(want, fw->id) != 0) {
            jx_jload_rep(&c->j, "F108", idn, false,
                         "框架 id \"%s\" 与文件名不一致（应为 \"%s\"）", fw->id,
                         jx_jexcerpt(c->a, want, strlen(want), EXCERPT));
        }
        jx_jload_pop(&c->j, mark);
    }
    get_text(c, root, 0, "title", true, &fw->title);
    get_text(c, root, 0, "source", true, &fw->source);
    const char *comment;
    get_text(c, root, 0, "comment", false, &comment);
    if (get_text(c, root, 0, "extends", false, &fw->extends)) {
        int32_t en;
        member(c, root, 0, "extends", &en);
        jx_jdoc_where(c->j.doc, en, false, &fw->extends_line, &fw->extends_col);
        if (!valid_id(fw->extends, false)) {
            size_t mark = path_push(c, "extends");
            jx_jload_rep(
                &c->j, "F108", en, false,
                "\"extends\" 应为框架 id（小写字母、数字和“-”），实际为 \"%s\"",
                jx_jexcerpt(c->a, fw->extends, strlen(fw->extends), EXCERPT));
            jx_jload_pop(&c->j, mark);
        }
    }
    int e;
    if (get_enum(c, root, 0, "stated", false, stated_names, &e)) {
        fw->stated = (enum jx_fw_stated)e;
        fw->has_stated = true;
    }
    load_rescore(c, fw, root);
    if (get_num(c, root, 0, "points", false, false, &fw->points, NULL)) {
        fw->has_points = true;
        if (jx_rat_sign(fw->points) <= 0) {
            bad_value(c, 0, "points", "框架总分必须大于 0");
            fw->points = jx_rat_int(100);
        }
    }
    load_applies(c, fw, root);
    load_params(c, fw, root, 0);
    int32_t gn;
    if (member(c, root, 0, "grades", &gn)) {
        fw->has_grades = true;
        fw->ngrades = load_bands(c, root, 0, "grades", 'g', &fw->grades);
        struct jx_rat z = jx_rat_int(0);
        check_cover(c, fw->grades, fw->ngrades, gn, "grades", &z, &fw->points,
                    false, JX_SEV_WARNING, "等级");
    }
    load_items(c, fw, root, 0);
    load_totals(c, fw, root, 0);
    return fw;
}

/* Load a framework from text; see framework.h. */
struct jx_framework *jx_framework_load(struct jx_arena *a, const char *file,
                                       const char *text, size_t len,
                                       struct jx_diags *d)
{
    struct ctx c;
    memset(&c, 0, sizeof c);
    jx_jload_init(&c.j, a, jx_strdup(a, file), &codes, d->limit);
    c.a = a;
    struct jx_framework *fw = NULL;
    struct jx_jlimits lim = {MAX_REPAIRS, JX_FW_MAX_DEPTH, JX_FW_MAX_BYTES, false};
    json_t *root = jx_jload_parse(&c.j, text, len, &lim);
    if (!root) {
        goto done;
    }
    fw = load_top(&c, root);
    if (fw && !fw->extends) {
        fw->resolved = true;
        check_points_sum(fw, &c.j.dg, a, "/items");
    }
done:
    if (c.j.dg.count[JX_SEV_ERROR] > 0) {
        fw = NULL;
    }
    jx_jload_finish(&c.j, d);
    jx_jdoc_free(c.j.doc);
    return fw;
}

/* ---- extends, open ------------------------------------------------------------ */

/* Merge child over base; see framework.h. */
struct jx_framework *jx_framework_extend(struct jx_arena *a,
                                         const struct jx_framework *base,
                                         const struct jx_framework *child,
                                         struct jx_diags *d)
{
    struct jx_framework *fw = jx_alloc(a, sizeof *fw);
    *fw = *base;
    fw->id = child->id;
    fw->title = child->title;
    fw->source = child->source;
    fw->extends = child->extends;
    fw->file = child->file;
    fw->extends_line = child->extends_line;
    fw->extends_col = child->extends_col;
    fw->rescore = child->rescore;
    fw->nrescore = child->nrescore;
    /* F113 points at the child's items, else at its "extends" */
    fw->items_line = child->nitems ? child->items_line : child->extends_line;
    fw->items_col = child->nitems ? child->items_col : child->extends_col;
    if (child->has_stated) {
        fw->stated = child->stated;
        fw->has_stated = true;
    }
    if (child->has_years) {
        fw->years = child->years;
        fw->has_years = true;
    }
    if (child->region) {
        fw->region = child->region;
        fw->places = child->places;
        fw->nplaces = child->nplaces;
    }
    if (child->has_points) {
        fw->points = child->points;
        fw->has_points = true;
    }
    if (child->has_grades) {
        fw->grades = child->grades;
        fw->ngrades = child->ngrades;
        fw->has_grades = true;
    }
    if (child->has_totals) {
        fw->totals = child->totals;
        fw->ntotals = child->ntotals;
        fw->has_totals = true;
    }
    size_t np = base->nparams + child->nparams;
    fw->params = jx_alloc_array(a, np ? np : 1, sizeof *fw->params);
    fw->nparams = base->nparams;
    if (base->nparams) {
        memcpy(fw->params, base->params, base->nparams * sizeof *fw->params);
    }
    for (size_t i = 0; i < child->nparams; i++) {
        size_t k = 0;
        while (k < fw->nparams &&
               strcmp(fw->params[k].name, child->params[i].name) != 0) {
            k++;
        }
        if (k == fw->nparams) {
            fw->nparams++;
        }
        fw->params[k] = child->params[i];
    }
    size_t ni = base->nitems + child->nitems;
    fw->items = jx_alloc_array(a, ni ? ni : 1, sizeof *fw->items);
    fw->nitems = base->nitems;
    if (base->nitems) {
        memcpy(fw->items, base->items, base->nitems * sizeof *fw->items);
    }
    for (size_t i = 0; i < child->nitems; i++) {
        size_t k = 0;
        while (k < fw->nitems &&
               strcmp(fw->items[k].id, child->items[i].id) != 0) {
            k++;
        }
        if (k == fw->nitems) {
            if (fw->nitems == JX_FW_MAX_ITEMS) {
                struct jx_loc loc;
                memset(&loc, 0, sizeof loc);
                loc.file = child->items[i].file;
                loc.line = child->items[i].line;
                loc.col = child->items[i].col;
                jx_diag_add(d, "F117", JX_SEV_ERROR, &loc,
                            "指标过多：合并后超过 %d 个", JX_FW_MAX_ITEMS);
                return NULL;
            }
            fw->nitems++;
        }
        fw->items[k] = child->items[i];
    }
    fw->resolved = true;
    check_points_sum(fw, d, a, child->nitems ? "/items" : "/extends");
    return fw;
}

/* The item with this id, or NULL. */
const struct jx_fw_item *jx_framework_item(const struct jx_framework *fw,
                                           const char *id)
{
    for (size_t i = 0; i < fw->nitems; i++) {
        if (strcmp(fw->items[i].id, id) == 0) {
            return &fw->items[i];
        }
    }
    return NULL;
}

/* The directory of the bundled frameworks (arena string). */
char *jx_framework_default_dir(struct jx_arena *a)
{
    const char *env = getenv("JIXIAO_DATADIR");
    if (env && *env) {
        return jx_sprintf(a, "%s/frameworks", env);
    }
    return jx_sprintf(a, "%s/frameworks", JX_DATADIR);
}

/* The ids of the frameworks in dir ("a、b、c", sorted), or "无". */
static const char *list_ids(struct jx_arena *a, const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        return "无";
    }
    const char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL && n < 256) {
        const char *id = file_id(a, e->d_name);
        if (id && valid_id(id, false)) {
            size_t j = n++;
            while (j > 0 && strcmp(names[j - 1], id) > 0) {
                names[j] = names[j - 1];
                j--;
            }
            names[j] = id;
        }
    }
    closedir(dp);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (size_t i = 0; i < n; i++) {
        jx_buf_addf(&b, "%s%s", i ? "、" : "", names[i]);
    }
    const char *s = n ? jx_strdup(a, b.p) : "无";
    jx_buf_release(&b);
    return s;
}

/* Read and load one file; F005 / F002 at `at` (or the file) when it
 * cannot be read. */
static struct jx_framework *load_file(struct jx_arena *a, const char *path,
                                      const char *dir, const struct jx_loc *at,
                                      struct jx_diags *d)
{
    char *text;
    size_t len;
    if (jx_read_file(path, JX_FW_MAX_BYTES, &text, &len) < 0) {
        int err = errno;
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        loc.file = path;
        if (at) {
            loc = *at;
        }
        if (err == EFBIG) {
            jx_diag_add(d, "F002", JX_SEV_ERROR, &loc,
                        "框架文件 %s 过大：上限 %u 字节", path,
                        JX_FW_MAX_BYTES);
        } else if (err == ENOENT) {
            jx_diag_add(d, "F005", JX_SEV_ERROR, &loc,
                        "找不到框架文件 %s（%s 中的框架：%s）", path, dir,
                        list_ids(a, dir));
        } else {
            jx_diag_add(d, "F005", JX_SEV_ERROR, &loc,
                        "无法读取框架文件 %s：%s", path, jx_errno_zh(err));
        }
        return NULL;
    }
    struct jx_framework *fw = jx_framework_load(a, path, text, len, d);
    free(text);
    return fw;
}

/* Open by id or path, resolving "extends"; see framework.h. */
struct jx_framework *jx_framework_open(struct jx_arena *a, const char *dir,
                                       const char *id_or_path,
                                       struct jx_diags *d)
{
    size_t n = strlen(id_or_path);
    bool is_path = strchr(id_or_path, '/') != NULL ||
                   (n >= 5 && strcmp(id_or_path + n - 5, ".json") == 0);
    const char *path;
    const char *base_dir = dir;
    if (is_path) {
        path = id_or_path;
        const char *slash = strrchr(id_or_path, '/');
        base_dir = slash ? jx_strndup(a, id_or_path,
                                      (size_t)(slash - id_or_path))
                         : ".";
    } else {
        if (!valid_id(id_or_path, false)) {
            struct jx_loc loc;
            memset(&loc, 0, sizeof loc);
            jx_diag_add(d, "F108", JX_SEV_ERROR, &loc,
                        "框架 id \"%s\" 无效：只能使用小写字母、数字和“-”（%s 中的框架：%s）",
                        id_or_path, dir, list_ids(a, dir));
            return NULL;
        }
        path = jx_sprintf(a, "%s/%s.json", dir, id_or_path);
    }
    struct jx_framework *chain[JX_FW_MAX_EXTENDS + 1];
    size_t nchain = 0;
    struct jx_framework *fw = load_file(a, path, base_dir, NULL, d);
    while (fw) {
        chain[nchain++] = fw;
        if (!fw->extends) {
            break;
        }
        struct jx_loc at;
        memset(&at, 0, sizeof at);
        at.file = fw->file;
        at.line = fw->extends_line;
        at.col = fw->extends_col;
        at.path = "/extends";
        for (size_t i = 0; i < nchain; i++) {
            if (strcmp(chain[i]->id, fw->extends) == 0) {
                struct jx_buf cyc;
                jx_buf_init(&cyc, 1u << 14);
                for (size_t k = i; k < nchain; k++) {
                    jx_buf_addf(&cyc, "%s → ", chain[k]->id);
                }
                jx_buf_adds(&cyc, fw->extends);
                jx_diag_add(d, "F114", JX_SEV_ERROR, &at,
                            "\"extends\" 形成循环：%s", cyc.p);
                jx_buf_release(&cyc);
                return NULL;
            }
        }
        if (nchain > JX_FW_MAX_EXTENDS) {
            jx_diag_add(d, "F114", JX_SEV_ERROR, &at,
                        "\"extends\" 链过长：超过 %d 层", JX_FW_MAX_EXTENDS);
            return NULL;
        }
        fw = load_file(a, jx_sprintf(a, "%s/%s.json", base_dir, fw->extends),
                       base_dir, &at, d);
    }
    if (!fw) {
        return NULL;
    }
    struct jx_framework *cur = chain[nchain - 1];
    for (size_t i = nchain - 1; i-- > 0;) {
        cur = jx_framework_extend(a, cur, chain[i], d);
        if (!cur) {
            return NULL;
        }
    }
    return cur;
}

/* ---- renderings ------------------------------------------------------------ */

/* A score at 2 decimals ("79.00"). */
static const char *s2(char *buf, struct jx_rat v)
{
    return jx_rat_format(v, 2, false, JX_ROUND_HALF_UP, buf);
}

/* A number exactly ("7", "0.5"), 4 decimals when it has no short
 * expansion; in buf. */
static const char *sx(char *buf, struct jx_rat v)
{
    if (!jx_rat_format_exact(v, false, buf)) {
        jx_rat_format(v, 4, false, JX_ROUND_HALF_UP, buf);
    }
    return buf;
}

/* The 得分 cell of an item.  Arena. */
static const char *score_cell(struct jx_arena *a,
                              const struct jx_fw_item_result *r)
{
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
    const struct jx_item *n = &r->num;
    if (r->used_from && strcmp(r->used_from, "判断") == 0) {
        return jx_sprintf(a, "判断 %s", sx(b1, r->used));
    }
    switch (r->status) {
    case JX_FWS_SCORED:
        return jx_strdup(a, jx_rat_format(n->value, n->scale, false,
                                          JX_ROUND_HALF_UP, b1));
    case JX_FWS_RANGE:
        return jx_sprintf(a, "%s–%s", sx(b1, r->lo), sx(b2, r->hi));
    case JX_FWS_VALUE:
        return n->has_value ? jx_strdup(a, jx_rat_format(n->value, n->scale,
                                                         n->percent,
                                                         JX_ROUND_HALF_UP, b1))
                            : "—";
    case JX_FWS_EXCLUDED:
        return "不适用";
    case JX_FWS_JUDGE:
        if (r->has_suggestion && r->suggestion.zero) {
            return "建议 0";
        }
        if (r->suggested) {
            struct jx_rat lo, hi;
            lo = r->suggested->range.lo_inf ? jx_rat_int(0)
                                            : r->suggested->range.lo;
            hi = r->suggested->range.hi_inf ? r->item->points
                                            : r->suggested->range.hi;
            return jx_sprintf(a, "建议 %s–%s", sx(b1, lo), sx(b2, hi));
        }
        return jx_sprintf(a, "人工 %s–%s", sx(b1, r->lo), sx(b2, r->hi));
    case JX_FWS_NONE:
        break;
    }
    return "—";
}

/* The 核对 cell: agreement of the stated score with the computed one
 * (一致 / 舍入 / 不符), or with the allowed range of a judgement item
 * (档内 / 档外). */
static const char *agree_cell(const struct jx_fw_item_result *r)
{
    bool judge = r->status == JX_FWS_JUDGE || r->status == JX_FWS_RANGE;
    switch (r->num.agrees) {
    case JX_AGREE_YES:
        return judge ? "档内" : "一致";
    case JX_AGREE_ROUNDING:
        return "舍入";
    case JX_AGREE_NO:
        return judge ? "档外" : "不符";
    case JX_AGREE_NA:
        break;
    }
    return "";
}

/* The 扣分理由 cell, with a judgement item's suggestion.  Arena. */
static const char *reason_cell(struct jx_arena *a,
                               const struct jx_fw_item_result *r)
{
    const char *reason = r->reason ? r->reason : "";
    if (!r->has_suggestion) {
        return reason;
    }
    const char *zero = r->item->rule.zero;
    const char *band =
        r->suggestion.zero
            ? jx_sprintf(a, " 0 分%s%s%s", zero ? "（" : "", zero ? zero : "",
                         zero ? "）" : "")
        : r->suggested ? jx_sprintf(a, "“%s”%s", r->suggested->name,
                                    r->suggested->range.text)
        : r->suggestion.band ? jx_sprintf(a, "“%s”", r->suggestion.band)
                             : "：无";
    return jx_sprintf(a, "建议%s%s%s", band, *reason ? "：" : "", reason);
}

/* The range of a subtotal (the items of level1 label, pending ones at
 * their lowest and highest) when some item of it awaits a judgement:
 * true with *lo, *hi; false when the subtotal is final. */
static bool subtotal_range(const struct jx_fw_result *r, const char *label,
                           struct jx_rat *lo, struct jx_rat *hi)
{
    struct jx_calc k = {false};
    bool pending = false;
    *lo = jx_rat_int(0);
    *hi = jx_rat_int(0);
    for (size_t i = 0; i < r->nitems; i++) {
        const struct jx_fw_item_result *it = &r->items[i];
        if (!it->counted || !label || !it->item->level1 ||
            strcmp(it->item->level1, label) != 0) {
            continue;
        }
        pending = pending || !it->settled;
        *lo = jx_calc_add(&k, *lo, it->settled ? it->used : it->lo);
        *hi = jx_calc_add(&k, *hi, it->settled ? it->used : it->hi);
    }
    return pending && !k.bad;
}

/* The total as a report shows it; see framework.h. */
const char *jx_fw_result_total_text(struct jx_arena *a,
                                    const struct jx_fw_result *r)
{
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
    if (!r->scored || !r->total.has_value) {
        return "";
    }
    if (r->njudge) {
        return jx_sprintf(a, "%s–%s 待判断", s2(b1, r->total_lo),
                          s2(b2, r->total_hi));
    }
    return jx_strdup(a, s2(b1, r->total.value));
}

/* Write the text rendering; see framework.h. */
int jx_fw_result_text(struct jx_buf *b, const struct jx_fw_result *r)
{
    struct jx_arena *a = jx_arena_new();
    const struct jx_framework *fw = r->fw;
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ], b3[JX_NUM_BUFSZ];
    jx_buf_addf(b, "%s（%s）\n", fw->title ? fw->title : "", fw->id);
    if (fw->source) {
        jx_buf_addf(b, "依据：%s\n", fw->source);
    }
    if (r->pkg) {
        jx_buf_addf(b, "单位：%s", r->pkg->unit.name.s ? r->pkg->unit.name.s
                                                      : "（未填）");
        if (r->pkg->year.present) {
            jx_buf_addf(b, "  年度：%lld", (long long)r->pkg->year.v);
        }
        jx_buf_addc(b, '\n');
    }
    if (r->mismatch) {
        jx_buf_addf(b, "注意：%s\n", r->mismatch);
    }
    jx_buf_addc(b, '\n');
    enum { NCOL = 7 };
    static const char *const head[NCOL] = {"一级指标", "二级指标", "分值",
                                           "得分", "自评", "核对", "扣分理由"};
    size_t nrow = r->nitems;
    const char **cells = jx_alloc_array(a, (nrow + 1) * NCOL, sizeof *cells);
    for (int k = 0; k < NCOL; k++) {
        cells[k] = head[k];
    }
    for (size_t i = 0; i < nrow; i++) {
        const struct jx_fw_item_result *it = &r->items[i];
        const struct jx_fw_item *x = it->item;
        const char **row = cells + (i + 1) * NCOL;
        row[0] = x->level1;
        row[1] = x->level2 && x->name ? jx_sprintf(a, "%s：%s", x->level2,
                                                   x->name)
                 : x->level2          ? x->level2
                 : x->name            ? x->name
                                      : "";
        row[2] = x->has_points && x->rule.type != JX_FWR_FORMULA
                     ? jx_strdup(a, sx(b1, x->points))
                     : "—";
        row[3] = score_cell(a, it);
        row[4] = it->num.has_stated ? jx_strdup(a, sx(b1, it->num.stated))
                                    : "";
        row[5] = agree_cell(it);
        row[6] = reason_cell(a, it);
    }
    size_t w[NCOL];
    for (int k = 0; k < NCOL; k++) {
        w[k] = 0;
        for (size_t i = 0; i <= nrow; i++) {
            size_t cw = jx_utf8_width(cells[i * NCOL + (size_t)k]);
            w[k] = cw > w[k] ? cw : w[k];
        }
        if (w[k] > 40) {
            w[k] = 40;
        }
    }
    for (size_t i = 0; i <= nrow; i++) {
        for (int k = 0; k < NCOL; k++) {
            const char *s = cells[i * NCOL + (size_t)k];
            if (k == NCOL - 1) {
                jx_buf_adds(b, s);
            } else {
                jx_buf_addpad(b, s, w[k], k >= 2 && k <= 4);
                jx_buf_adds(b, "  ");
            }
        }
        /* trim the padding of an empty last cell */
        while (b->len && b->p[b->len - 1] == ' ') {
            b->p[--b->len] = '\0';
        }
        jx_buf_addc(b, '\n');
    }
    if (!r->scored) {
        /* formula only: the values are all there is */
        jx_arena_free(a);
        return b->toobig ? -1 : 0;
    }
    jx_buf_addc(b, '\n');
    bool any = false;
    for (size_t i = 0; i < r->nsubtotals; i++) {
        const struct jx_item *s = &r->subtotals[i];
        if (!s->has_value) {
            continue;
        }
        struct jx_rat lo, hi;
        if (subtotal_range(r, s->label, &lo, &hi)) {
            jx_buf_addf(b, "%s%s %s–%s / %s", any ? "；" : "小计：", s->label,
                        s2(b1, lo), s2(b2, hi), sx(b3, s->points));
        } else {
            jx_buf_addf(b, "%s%s %s / %s", any ? "；" : "小计：", s->label,
                        s2(b1, s->value), sx(b2, s->points));
        }
        if (s->has_stated) {
            jx_buf_addf(b, "（自评 %s）", sx(b1, s->stated));
        }
        any = true;
    }
    if (any) {
        jx_buf_addc(b, '\n');
    }
    if (r->total_before.has_value && r->njudge) {
        jx_buf_addf(b, "合计：%s–%s（满分 %s）\n", s2(b1, r->sum_lo),
                    s2(b2, r->sum_hi), sx(b3, fw->points));
    } else if (r->total_before.has_value) {
        jx_buf_addf(b, "合计：%s（满分 %s）\n", s2(b1, r->total_before.value),
                    sx(b2, fw->points));
    }
    for (size_t i = 0; i < r->ntotals; i++) {
        const struct jx_fw_total_result *t = &r->totals[i];
        jx_buf_addf(b, "%s：%s%s\n", t->num.label,
                    t->num.formula ? t->num.formula : "",
                    t->applied ? "" : "（未调整）");
    }
    if (r->total.has_value) {
        jx_buf_addf(b, "总分：%s", jx_fw_result_total_text(a, r));
        if (r->grade) {
            jx_buf_addf(b, "  等级：%s", r->grade);
        } else if (r->njudge) {
            jx_buf_addf(b, "（%zu 项需人工判断，判断前不评等级）", r->njudge);
        }
        jx_buf_addc(b, '\n');
    }
    if (r->njudge) {
        jx_buf_adds(b, "待判断：");
        bool first = true;
        for (size_t i = 0; i < r->nitems; i++) {
            const struct jx_fw_item_result *it = &r->items[i];
            if (!it->counted || it->settled) {
                continue;
            }
            jx_buf_addf(b, "%s%s %s–%s", first ? "" : "、", it->item->id,
                        sx(b1, it->lo), sx(b2, it->hi));
            first = false;
        }
        jx_buf_adds(b, "（用 --set 编号=得分 给出判断）\n");
    }
    if (r->total.has_stated || r->stated_grade) {
        jx_buf_adds(b, "自评：");
        if (r->total.has_stated) {
            jx_buf_addf(b, "总分 %s", sx(b1, r->total.stated));
        }
        if (r->stated_grade) {
            jx_buf_addf(b, "%s等级 %s", r->total.has_stated ? "  " : "",
                        r->stated_grade);
        }
        if (r->total.has_stated) {
            jx_buf_adds(b, r->total.agrees == JX_AGREE_YES ? "（与复核一致）"
                           : r->total.agrees == JX_AGREE_ROUNDING
                               ? "（与复核相差舍入误差）"
                           : r->total.agrees == JX_AGREE_NO ? "（与复核不符）"
                                                            : "");
        }
        jx_buf_addc(b, '\n');
    }
    jx_arena_free(a);
    return b->toobig ? -1 : 0;
}







/* The JSON word of an item status. */
static const char *status_name(enum jx_fw_status s)
{
    static const char *const n[] = {"scored", "range", "judge", "value",
                                    "excluded", "none"};
    return (size_t)s < sizeof n / sizeof n[0] ? n[s] : "none";
}

/* One item result (new reference). */
static json_t *result_item_json(struct jx_arena *a,
                                const struct jx_fw_item_result *r)
{
    json_t *o = jx_json_item(&r->num);
    const struct jx_fw_item *x = r->item;
    jx_json_put(o, "level1", jx_json_str(x->level1));
    jx_json_put(o, "level2", jx_json_str(x->level2));
    jx_json_put(o, "name", jx_json_str(x->name));
    jx_json_put(o, "status", json_string(status_name(r->status)));
    if (r->status == JX_FWS_RANGE || r->status == JX_FWS_JUDGE) {
        json_t *rg = json_object();
        jx_json_put(rg, "lo", jx_json_exact(r->lo, false));
        jx_json_put(rg, "hi", jx_json_exact(r->hi, false));
        jx_json_put(o, "range", rg);
    } else {
        jx_json_put(o, "range", NULL);
    }
    jx_json_put(o, "input", r->has_input ? jx_json_str(jx_fw_value_show(a, &r->input))
                                 : NULL);
    jx_json_put(o, "reason", jx_json_str(r->reason));
    if (r->has_suggestion) {
        json_t *s = json_object();
        jx_json_put(s, "band", jx_json_str(r->suggestion.band));
        jx_json_put(s, "zero", json_boolean(r->suggestion.zero));
        jx_json_put(s, "range", r->suggested ? jx_json_str(r->suggested->range.text) : NULL);
        jx_json_put(s, "reasons", jx_json_str(r->suggestion.reasons));
        jx_json_put(o, "suggestion", s);
    } else {
        jx_json_put(o, "suggestion", NULL);
    }
    jx_json_put(o, "counted", json_boolean(r->counted));
    jx_json_put(o, "used", r->counted ? jx_json_exact(r->used, false) : NULL);
    jx_json_put(o, "used_from", r->counted ? jx_json_str(r->used_from) : NULL);
    if (r->nparts) {
        json_t *ps = json_array();
        for (size_t i = 0; i < r->nparts; i++) {
            json_array_append_new(ps, result_item_json(a, &r->parts[i]));
        }
        jx_json_put(o, "parts", ps);
    } else {
        jx_json_put(o, "parts", NULL);
    }
    return o;
}


/* Write the JSON rendering; see framework.h. */
int jx_fw_result_json(struct jx_buf *b, const struct jx_fw_result *r)
{
    struct jx_arena *a = jx_arena_new();
    const struct jx_framework *fw = r->fw;
    json_t *root = json_object();
    jx_json_put(root, "format", json_string("jixiao-framework-evaluation"));
    jx_json_put(root, "version", json_integer(1));
    json_t *f = json_object();
    jx_json_put(f, "id", jx_json_str(fw->id));
    jx_json_put(f, "title", jx_json_str(fw->title));
    jx_json_put(f, "source", jx_json_str(fw->source));
    jx_json_put(f, "file", jx_json_str(fw->file));
    jx_json_put(f, "stated", json_string(stated_names[fw->stated]));
    jx_json_put(f, "points", jx_json_exact(fw->points, false));
    jx_json_put(f, "years", fw->has_years ? jx_json_str(fw->years.text) : NULL);
    jx_json_put(f, "region", jx_json_str(fw->region));
    jx_json_put(root, "framework", f);
    const struct jx_package *pkg = r->pkg;
    jx_json_put(root, "source", jx_json_str(pkg ? pkg->source : NULL));
    jx_json_put(root, "unit", jx_json_str(pkg ? pkg->unit.name.s : NULL));
    jx_json_put(root, "year", pkg && pkg->year.present ? json_integer(pkg->year.v)
                                               : NULL);
    json_t *ps = json_array();
    for (size_t i = 0; i < r->nparams; i++) {
        json_t *p = json_object();
        jx_json_put(p, "name", jx_json_str(r->params[i].name));
        jx_json_put(p, "label", jx_json_str(r->params[i].label));
        jx_json_put(p, "value", jx_json_str(jx_fw_value_show(a, &r->params[i].value)));
        json_array_append_new(ps, p);
    }
    jx_json_put(root, "params", ps);
    json_t *items = json_array();
    for (size_t i = 0; i < r->nitems; i++) {
        json_array_append_new(items, result_item_json(a, &r->items[i]));
    }
    jx_json_put(root, "items", items);
    json_t *subs = json_array();
    for (size_t i = 0; r->scored && i < r->nsubtotals; i++) {
        json_array_append_new(subs, jx_json_item(&r->subtotals[i]));
    }
    jx_json_put(root, "subtotals", subs);
    /* a formula-only framework has no total: null; while items await a
     * judgement the sums have no value, only their ranges */
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
    struct jx_item before = r->total_before;
    struct jx_item total = r->total;
    if (r->njudge) {
        before.has_value = false;
        before.formula = jx_sprintf(a, "%s–%s 待判断", s2(b1, r->sum_lo),
                                    s2(b2, r->sum_hi));
        total.has_value = false;
        total.formula = jx_fw_result_total_text(a, r);
        total.ninputs = 0;
    }
    jx_json_put(root, "total_before", r->scored ? jx_json_item(&before) : NULL);
    json_t *tr = json_array();
    for (size_t i = 0; i < r->ntotals; i++) {
        json_t *t = jx_json_item(&r->totals[i].num);
        jx_json_put(t, "applied", json_boolean(r->totals[i].applied));
        jx_json_put(t, "reason", jx_json_str(r->totals[i].reason));
        json_array_append_new(tr, t);
    }
    jx_json_put(root, "total_rules", tr);
    jx_json_put(root, "total", r->scored ? jx_json_item(&total) : NULL);
    if (r->scored) {
        json_t *rg = json_object();
        jx_json_put(rg, "lo", jx_json_exact(r->total_lo, false));
        jx_json_put(rg, "hi", jx_json_exact(r->total_hi, false));
        jx_json_put(root, "total_range", rg);
    } else {
        jx_json_put(root, "total_range", NULL);
    }
    jx_json_put(root, "pending", json_integer((json_int_t)r->njudge));
    jx_json_put(root, "total_text",
                r->scored ? jx_json_str(jx_fw_result_total_text(a, r)) : NULL);
    jx_json_put(root, "grade", jx_json_str(r->grade));
    jx_json_put(root, "stated_grade", jx_json_str(r->stated_grade));
    jx_json_put(root, "mismatch", jx_json_str(r->mismatch));
    const struct jx_diags *d = r->diags;
    json_t *fs = json_array();
    for (size_t i = 0; d && i < d->n; i++) {
        const struct jx_diag *e = &d->a[i];
        json_t *o = json_object();
        jx_json_put(o, "code", jx_json_str(e->code));
        jx_json_put(o, "severity", json_string(jx_severity_name(e->severity)));
        jx_json_put(o, "message", jx_json_str(e->msg));
        jx_json_put(o, "detail", jx_json_str(e->detail));
        jx_json_put(o, "location", jx_json_loc(&e->loc));
        json_array_append_new(fs, o);
    }
    jx_json_put(root, "findings", fs);
    json_t *sum = json_object();
    jx_json_put(sum, "errors", json_integer(d ? (json_int_t)d->count[JX_SEV_ERROR] : 0));
    jx_json_put(sum, "warnings",
        json_integer(d ? (json_int_t)d->count[JX_SEV_WARNING] : 0));
    jx_json_put(sum, "rounding",
        json_integer(d ? (json_int_t)d->count[JX_SEV_ROUNDING] : 0));
    jx_json_put(sum, "notes", json_integer(d ? (json_int_t)d->count[JX_SEV_NOTE] : 0));
    if (d && d->dropped) {
        jx_json_put(sum, "dropped", json_integer((json_int_t)d->dropped));
    }
    jx_json_put(root, "summary", sum);
    char *text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    jx_arena_free(a);
    if (!text) {
        jx_oom();
    }
    int rc = jx_buf_adds(b, text);
    if (rc == 0) {
        rc = jx_buf_addc(b, '\n');
    }
    free(text);
    return rc;
}
