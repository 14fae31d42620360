/*
 * import_text_fix.c - repairs of text recovered from Word and PDF
 * flattenings: converter marks, inline LaTeX operators, spaced-out CJK,
 * numbers split by stray spaces; and the kinds of cell text.
 */
#include "import/import_text.h"

#include <stdlib.h>
#include <string.h>

/* Decode the code point at s[i] (i < n) into *cp; returns its length
 * (an invalid byte is one byte, code point -1). */
static size_t cp_at(const char *s, size_t n, size_t i, int32_t *cp)
{
    int k = jx_utf8_decode(s + i, n - i, cp);
    if (k <= 0) {
        *cp = -1;
        return 1;
    }
    return (size_t)k;
}

/* True for CJK ideographs (the unified blocks and extensions). */
static bool is_ideo(int32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF);
}

/* True for characters of Chinese text: ideographs, CJK and full-width
 * punctuation, curly quotes, the ellipsis and the middle dot (not the
 * ideographic space). */
static bool is_cjkish(int32_t c)
{
    return is_ideo(c) || (c > 0x3000 && c <= 0x303F) ||
           (c >= 0xFF01 && c <= 0xFFEF) || (c >= 0x2018 && c <= 0x201F) ||
           c == 0x2026 || c == 0x00B7 || c == 0x2014 ||
           (c >= 0x2460 && c <= 0x24FF);
}

/* True for the ASCII brackets spaced-out label cells put after a CJK
 * character ("申 请 (万 元 )"). */
static bool is_bracket(int32_t c)
{
    return c == '(' || c == ')' || c == '[' || c == ']';
}

/* True for blanks trimmed around text: ASCII space, tab, form feed,
 * vertical tab, no-break space and the ideographic space. */
static bool is_blank_cp(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' ||
           c == 0xA0 || c == 0x3000;
}

/* Bounds of s[0..n) without surrounding blanks: *b .. *e. */
static void trim_bounds(const char *s, size_t n, size_t *b, size_t *e)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        size_t k = cp_at(s, n, i, &cp);
        if (!is_blank_cp(cp)) {
            break;
        }
        i += k;
    }
    size_t j = n;
    while (j > i) {
        size_t k = j - 1;
        while (k > i && ((unsigned char)s[k] & 0xC0) == 0x80) {
            k--;
        }
        int32_t cp;
        cp_at(s, n, k, &cp);
        if (!is_blank_cp(cp)) {
            break;
        }
        j = k;
    }
    *b = i;
    *e = j;
}

/* ---- converter marks ------------------------------------------------- */

/* Length of the mark starting at s[0..n) ("[bookmark: …]", "[image: …]",
 * "<p>", "<br>", "<br/>", "<br />") and whether it breaks the line
 * (*nl); 0 when no mark starts there. */
static size_t mark_len(const char *s, size_t n, bool *nl)
{
    static const char *const brackets[] = {"[bookmark:", "[image:"};
    for (size_t i = 0; i < 2; i++) {
        size_t k = strlen(brackets[i]);
        if (n >= k && memcmp(s, brackets[i], k) == 0) {
            const char *close = memchr(s + k, ']', n - k);
            if (close) {
                *nl = false;
                return (size_t)(close - s) + 1;
            }
        }
    }
    static const char *const tags[] = {"<p>", "</p>", "<br>", "<br/>",
                                       "<br />"};
    for (size_t i = 0; i < 5; i++) {
        size_t k = strlen(tags[i]);
        if (n >= k && memcmp(s, tags[i], k) == 0) {
            *nl = i > 0;
            return k;
        }
    }
    return 0;
}

/* Drop converter marks; "</p>" and "<br>" become line breaks. */
int jx_text_strip_markup(struct jx_buf *out, const char *s, size_t n)
{
    int changed = 0;
    size_t i = 0;
    while (i < n) {
        bool nl = false;
        size_t k = (s[i] == '[' || s[i] == '<') ? mark_len(s + i, n - i, &nl)
                                                : 0;
        if (k) {
            changed = 1;
            if (nl && jx_buf_addc(out, '\n') < 0) {
                return -1;
            }
            i += k;
            continue;
        }
        if (jx_buf_addc(out, s[i]) < 0) {
            return -1;
        }
        i++;
    }
    return changed;
}

/* ---- inline LaTeX ------------------------------------------------------ */

/* Text of a LaTeX command name[0..n), or NULL when unknown. */
static const char *latex_command(const char *name, size_t n)
{
    static const struct {
        const char *cmd;
        const char *text;
    } cmds[] = {
        {"geq", "≥"},      {"ge", "≥"},       {"geqslant", "≥"},
        {"leq", "≤"},      {"le", "≤"},       {"leqslant", "≤"},
        {"neq", "≠"},      {"ne", "≠"},       {"times", "×"},
        {"div", "÷"},      {"pm", "±"},       {"approx", "≈"},
        {"lt", "<"},       {"gt", ">"},       {"sim", "~"},
        {"cdot", "·"},     {"left", ""},      {"right", ""},
        {"mathrm", ""},    {"text", ""},      {"textrm", ""},
        {"mathbf", ""},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        if (strlen(cmds[i].cmd) == n && memcmp(cmds[i].cmd, name, n) == 0) {
            return cmds[i].text;
        }
    }
    return NULL;
}

/* True for the characters a converted formula may hold as they are. */
static bool latex_plain(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || (c && strchr("%.,+-<>=()/:", c));
}

/* Convert the formula body f[0..n) into out; -1 when it holds something
 * unknown (out is then restored to its old length) or out is full. */
static int latex_body(struct jx_buf *out, const char *f, size_t n)
{
    size_t mark = out->len;
    size_t i = 0;
    while (i < n) {
        char c = f[i];
        const char *text = NULL;
        char one[2] = {0, 0};
        if (c == '\\') {
            size_t j = i + 1;
            while (j < n && ((f[j] >= 'a' && f[j] <= 'z') ||
                             (f[j] >= 'A' && f[j] <= 'Z'))) {
                j++;
            }
            if (j > i + 1) {
                text = latex_command(f + i + 1, j - i - 1);
                i = j;
            } else if (j < n && f[j] && strchr("%{}$_&#, ;!", f[j])) {
                one[0] = strchr(",;! ", f[j]) ? 0 : f[j];
                text = one;
                i = j + 1;
            }
            if (!text) {
                break;
            }
        } else if (c == ' ' || c == '{' || c == '}') {
            text = "";
            i++;
        } else if (latex_plain(c)) {
            one[0] = c;
            text = one;
            i++;
        } else {
            break;
        }
        if (jx_buf_adds(out, text) < 0) {
            return -1;
        }
    }
    if (i < n) {
        out->len = mark;
        out->p[mark] = '\0';
        return -1;
    }
    return 0;
}

/* Turn inline formulas of known operators into plain text. */
int jx_text_unlatex(struct jx_buf *out, const char *s, size_t n)
{
    int changed = 0;
    size_t i = 0;
    while (i < n) {
        const char *open = memchr(s + i, '$', n - i);
        if (!open) {
            return jx_buf_add(out, s + i, n - i) < 0 ? -1 : changed;
        }
        size_t o = (size_t)(open - s);
        if (jx_buf_add(out, s + i, o - i) < 0) {
            return -1;
        }
        const char *close = o + 1 < n ? memchr(s + o + 1, '$', n - o - 1)
                                      : NULL;
        const char *nl = o + 1 < n ? memchr(s + o + 1, '\n', n - o - 1)
                                   : NULL;
        if (!close || (nl && nl < close) || close == open + 1) {
            if (jx_buf_addc(out, '$') < 0) {
                return -1;
            }
            i = o + 1;
            continue;
        }
        size_t c = (size_t)(close - s);
        bool full = out->toobig;
        if (latex_body(out, s + o + 1, c - o - 1) == 0) {
            changed = 1;
        } else {
            if (out->toobig && !full) {
                return -1;
            }
            if (jx_buf_add(out, s + o, c + 1 - o) < 0) {
                return -1;
            }
        }
        i = c + 1;
    }
    return changed;
}

/* ---- spaced-out CJK ---------------------------------------------------- */

/* Code points of a line, decoded into a malloc'd array (*m of them). */
static int32_t *decode_line(const char *s, size_t n, size_t *m)
{
    int32_t *c = jx_xmalloc((n + 1) * sizeof *c);
    size_t k = 0;
    size_t i = 0;
    while (i < n) {
        i += cp_at(s, n, i, &c[k]);
        k++;
    }
    *m = k;
    return c;
}

/* True when the line c[0..m) is spaced character by character. */
static bool spaced_one_by_one(const int32_t *c, size_t m)
{
    size_t sp = 0, adj = 0;
    for (size_t i = 0; i + 1 < m; i++) {
        if (is_ideo(c[i]) && is_ideo(c[i + 1])) {
            adj++;
        }
        if (i > 0 && c[i] == ' ' && c[i - 1] != ' ' && c[i + 1] != ' ' &&
            is_cjkish(c[i - 1]) && is_cjkish(c[i + 1])) {
            sp++;
        }
    }
    return sp >= 1 && adj * 4 <= sp;
}

/* True when the line c[0..m) is a narrow column wrapped into words of
 * CJK of equal length (see jx_text_collapse_cjk). */
static bool spaced_by_wrap(const int32_t *c, size_t m)
{
    size_t lens[64];
    size_t nw = 0, len = 0;
    for (size_t i = 0; i <= m; i++) {
        if (i == m || c[i] == ' ') {
            if (len == 0 || nw == 64) {
                return false; /* leading, trailing or double space */
            }
            lens[nw++] = len;
            len = 0;
            continue;
        }
        if (!is_cjkish(c[i])) {
            return false;
        }
        len++;
    }
    if (nw < 2) {
        return false;
    }
    if (nw == 2) {
        return lens[0] >= 3 && lens[0] <= 8 && lens[1] <= lens[0];
    }
    size_t lo = lens[0], hi = lens[0];
    for (size_t i = 1; i + 1 < nw; i++) {
        lo = lens[i] < lo ? lens[i] : lo;
        hi = lens[i] > hi ? lens[i] : hi;
    }
    return lo >= 2 && hi <= 12 && hi - lo <= 1 && lens[nw - 1] <= hi;
}

/* Append one line (no '\n') collapsed if its pattern is clear; 1 when
 * collapsed, 0 when copied, -1 on a full buffer. */
static int collapse_line(struct jx_buf *out, const char *s, size_t n)
{
    if (!memchr(s, ' ', n)) {
        return jx_buf_add(out, s, n) < 0 ? -1 : 0;
    }
    size_t m;
    int32_t *c = decode_line(s, n, &m);
    int mode = spaced_one_by_one(c, m) ? 1 : spaced_by_wrap(c, m) ? 2 : 0;
    int rc = mode ? 1 : 0;
    size_t i = 0, k = 0;
    while (i < n) {
        int32_t cp;
        size_t step = cp_at(s, n, i, &cp);
        bool drop = false;
        if (cp == ' ' && mode == 2) {
            drop = true;
        } else if (cp == ' ' && mode == 1 && k > 0 && k + 1 < m &&
                   c[k - 1] != ' ' && c[k + 1] != ' ' &&
                   is_cjkish(c[k - 1]) &&
                   (is_cjkish(c[k + 1]) || is_bracket(c[k + 1]))) {
            drop = true;
        }
        if (!drop && jx_buf_add(out, s + i, step) < 0) {
            rc = -1;
            break;
        }
        i += step;
        k++;
    }
    free(c);
    return rc;
}

/* Collapse spaced-out CJK line by line. */
int jx_text_collapse_cjk(struct jx_buf *out, const char *s, size_t n)
{
    int changed = 0;
    size_t i = 0;
    while (i <= n) {
        const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
        size_t e = nl ? (size_t)(nl - s) : n;
        int r = collapse_line(out, s + i, e - i);
        if (r < 0) {
            return -1;
        }
        changed |= r;
        if (!nl) {
            break;
        }
        if (jx_buf_addc(out, '\n') < 0) {
            return -1;
        }
        i = e + 1;
    }
    return changed;
}

/* ---- split numbers ----------------------------------------------------- */

/* True when t[0..n) is a well-formed number: optional '-', digits with
 * optional groups of three after commas, optional '.' and digits.  Sets
 * *grouped when it has thousands groups. */
static bool number_ok(const char *t, size_t n, bool *grouped)
{
    size_t i = 0;
    *grouped = false;
    if (i < n && t[i] == '-') {
        i++;
    }
    size_t lead = 0;
    while (i < n && t[i] >= '0' && t[i] <= '9') {
        i++;
        lead++;
    }
    if (lead == 0) {
        return false;
    }
    if (i < n && t[i] == ',') {
        if (lead > 3) {
            return false;
        }
        while (i < n && t[i] == ',') {
            size_t g = 0;
            i++;
            while (i < n && t[i] >= '0' && t[i] <= '9') {
                i++;
                g++;
            }
            if (g != 3) {
                return false;
            }
            *grouped = true;
        }
    }
    if (i < n && t[i] == '.') {
        i++;
        size_t d = 0;
        while (i < n && t[i] >= '0' && t[i] <= '9') {
            i++;
            d++;
        }
        if (d == 0) {
            return false;
        }
    }
    return i == n;
}

/* Join a number split by stray spaces or a doubled point. */
int jx_text_repair_number(struct jx_buf *out, const char *s, size_t n)
{
    size_t b, e;
    trim_bounds(s, n, &b, &e);
    if (e - b < 3 || e - b > 64) {
        return 0;
    }
    char t[64];
    size_t k = 0;
    bool broken = false, near_point = false;
    for (size_t i = b; i < e; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || c == ',' || c == '.' || c == ' ' ||
              (c == '-' && i == b))) {
            return 0;
        }
        if (c == ' ') {
            broken = true;
            if (s[i - 1] == '.' || s[i + 1] == '.') {
                near_point = true;
            }
            continue;
        }
        if (c == '.' && k > 0 && t[k - 1] == '.') {
            broken = near_point = true;
            continue;
        }
        t[k++] = c;
    }
    bool grouped;
    if (!broken || !number_ok(t, k, &grouped) || !(grouped || near_point)) {
        return 0;
    }
    return jx_buf_add(out, t, k) < 0 ? -1 : 1;
}

/* True for an ASCII digit. */
static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

/* True when a paragraph ending a[0..an) and the next paragraph line
 * b[0..bn) hold one number split across the line break, which is
 * certain only in two shapes: a ends in a number token cut right after
 * its point ("143 136 95.") and b opens with the digits of its fraction
 * ending in '%', a blank or the line ("10% 经费…"); or a ends in a
 * number token ("95.10") and b opens with a lone '%'.  Prose ending a
 * sentence on a number ("为143.") is not a number token (the token must
 * stand alone after a blank or open the line). */
bool jx_text_number_split(const char *a, size_t an, const char *b, size_t bn)
{
    if (an == 0 || bn == 0) {
        return false;
    }
    size_t end = an, j;
    bool cut = a[an - 1] == '.';
    if (cut) {
        end--;
    }
    j = end;
    size_t points = 0;
    while (j > 0 && (digit(a[j - 1]) || (!cut && a[j - 1] == '.'))) {
        points += a[j - 1] == '.';
        j--;
    }
    if (j == end || !digit(a[j]) || !digit(a[end - 1]) || points > 1 ||
        (j > 0 && a[j - 1] != ' ' && a[j - 1] != '\t')) {
        return false;
    }
    if (!cut) {
        return b[0] == '%' && (bn == 1 || b[1] == ' ' || b[1] == '\t');
    }
    size_t i = 0;
    while (i < bn && digit(b[i])) {
        i++;
    }
    if (i == 0) {
        return false;
    }
    if (i < bn && b[i] == '%') {
        i++;
    }
    return i == bn || b[i] == ' ' || b[i] == '\t';
}

/* ---- the pipeline -------------------------------------------------------- */

/* Append s[0..n) trimmed, line by line, dropping empty lines; -1 on a
 * full buffer. */
static int add_trimmed_lines(struct jx_buf *out, const char *s, size_t n)
{
    bool first = true;
    size_t i = 0;
    while (i <= n) {
        const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
        size_t e = nl ? (size_t)(nl - s) : n;
        size_t lb, le;
        trim_bounds(s + i, e - i, &lb, &le);
        if (le > lb) {
            if ((!first && jx_buf_addc(out, '\n') < 0) ||
                jx_buf_add(out, s + i + lb, le - lb) < 0) {
                return -1;
            }
            first = false;
        }
        if (!nl) {
            break;
        }
        i = e + 1;
    }
    return 0;
}

/* Run one repair from a to b (b emptied first); returns its result. */
static int step(int (*fn)(struct jx_buf *, const char *, size_t),
                struct jx_buf *a, struct jx_buf *b)
{
    jx_buf_reset(b);
    return fn(b, a->p, a->len);
}

/* Append s[0..n) to out with the look-alike signs of some fonts and
 * converters made the ordinary ones: "═" (U+2550) → "=".  ("≧" and
 * "≦" are kept as written, as the DOCX importer keeps them; the model
 * reads them as ≥ and ≤.)  Returns 1 when one was replaced, 0 when not,
 * -1 when out hit its cap. */
int jx_text_unify_signs(struct jx_buf *out, const char *s, size_t n)
{
    static const struct {
        const char *from, *to;
    } map[] = {
        {"\xE2\x95\x90", "="},
    };
    int done = 0;
    size_t i = 0, run = 0;
    while (i < n) {
        bool hit = false;
        for (size_t k = 0; k < sizeof map / sizeof map[0] && n - i >= 3; k++) {
            if (memcmp(s + i, map[k].from, 3) == 0) {
                if (jx_buf_add(out, s + run, i - run) < 0 ||
                    jx_buf_adds(out, map[k].to) < 0) {
                    return -1;
                }
                i += 3;
                run = i;
                hit = true;
                done = 1;
                break;
            }
        }
        if (!hit) {
            i++;
        }
    }
    if (jx_buf_add(out, s + run, n - run) < 0) {
        return -1;
    }
    return done;
}

/* Apply the repairs flags asks for, then trim. */
int jx_text_fix(struct jx_buf *out, const char *s, size_t n, unsigned flags)
{
    struct jx_buf a, b;
    jx_buf_init(&a, SIZE_MAX);
    jx_buf_init(&b, SIZE_MAX);
    int done = 0;
    int rc = 0;
    if (jx_buf_add(&a, s, n) < 0) {
        rc = -1;
    }
    static const struct {
        unsigned flag;
        int (*fn)(struct jx_buf *, const char *, size_t);
    } steps[] = {
        {JX_FIX_MARKUP, jx_text_strip_markup},
        {JX_FIX_LATEX, jx_text_unlatex},
        {JX_FIX_SIGNS, jx_text_unify_signs},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0] && rc == 0; i++) {
        if (!(flags & steps[i].flag)) {
            continue;
        }
        int r = step(steps[i].fn, &a, &b);
        if (r < 0) {
            rc = -1;
            break;
        }
        if (r > 0) {
            done |= (int)steps[i].flag;
        }
        struct jx_buf t = a;
        a = b;
        b = t;
    }
    if (rc == 0) {
        jx_buf_reset(&b);
        rc = add_trimmed_lines(&b, a.p, a.len);
        struct jx_buf t = a;
        a = b;
        b = t;
    }
    if (rc == 0 && (flags & JX_FIX_SPACED)) {
        int r = step(jx_text_collapse_cjk, &a, &b);
        if (r < 0) {
            rc = -1;
        } else {
            done |= r > 0 ? JX_FIX_SPACED : 0;
            struct jx_buf t = a;
            a = b;
            b = t;
        }
    }
    if (rc == 0 && (flags & JX_FIX_NUMBER)) {
        jx_buf_reset(&b);
        int r = jx_text_repair_number(&b, a.p, a.len);
        if (r < 0) {
            rc = -1;
        } else if (r > 0) {
            done |= JX_FIX_NUMBER;
            struct jx_buf t = a;
            a = b;
            b = t;
        }
    }
    if (rc == 0 && jx_buf_add(out, a.p, a.len) < 0) {
        rc = -1;
    }
    jx_buf_release(&a);
    jx_buf_release(&b);
    return rc < 0 ? -1 : done;
}

/* ---- kinds of cell text -------------------------------------------------- */

/* True when s[0..n) is one of the words forms put in value columns. */
static bool value_word(const char *s, size_t n)
{
    static const char *const words[] = {
        "不适用", "/", "／", "无", "—", "——", "-", "－", "明显", "及时",
        "是", "否", "达标", "完成", "已完成", "…", "……",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0) {
            return true;
        }
    }
    return false;
}

/* True for the comparison marks that may open a target value. */
static bool comparison(int32_t c)
{
    return c == 0x2265 || c == 0x2264 || c == 0x2267 || c == 0x2266 ||
           c == '>' || c == '<' || c == '=' || c == 0xFF1E || c == 0xFF1C ||
           c == 0xFF1D || c == '~' || c == 0x7EA6 /* 约 */;
}

/* Kind of a trimmed cell text. */
enum jx_cellkind jx_text_cellkind(const char *s, size_t n)
{
    if (n == 0) {
        return JX_CK_EMPTY;
    }
    if (value_word(s, n)) {
        return JX_CK_VALUE;
    }
    size_t cps = 0, i = 0;
    bool lead = true, digit_first = false, digits = false;
    while (i < n) {
        int32_t cp;
        i += cp_at(s, n, i, &cp);
        cps++;
        if (lead && (comparison(cp) || cp == ' ' || cp == '+' ||
                     cp == '-')) {
            continue;
        }
        if (lead) {
            digit_first = (cp >= '0' && cp <= '9') ||
                          (cp >= 0xFF10 && cp <= 0xFF19);
            lead = false;
        }
        digits = digits || (cp >= '0' && cp <= '9');
    }
    if (digit_first && digits && cps <= 20) {
        return JX_CK_VALUE;
    }
    return cps <= 12 ? JX_CK_SHORT : JX_CK_LONG;
}
