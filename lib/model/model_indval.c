/*
 * model_indval.c - indicator values: 年度指标值 (target) and 实际完成值
 * (actual) text parsed into operator, exact number and unit, a date or a
 * qualitative word.
 *
 * Normalisation, in four passes over the text:
 *   1. check the UTF-8 and apply NFKC (utf8proc): full-width ＞＜＝％０-９
 *      become ASCII.  "…", "⋯", "²" and "³" are kept as written (NFKC
 *      would turn them into "..." and "2").  Invalid bytes and control
 *      characters become U+FFFD and make the value UNPARSED.
 *   2. drop white space, "$" and the braces and commands of the LaTeX
 *      that PDF converters leave ("$\geq 95\%$" -> "≥95%").
 *   3. unify operators (≧ ⩾ >= => -> ≥, ≦ ⩽ <= =< -> ≤), dashes (-> "-")
 *      and tildes (-> "~"); strip thousands separators ("1,000" ->
 *      "1000"); write "100m2" (and "㎡") as "100m²"; drop trailing
 *      "。", ";" and ",".
 *   4. NFC, so that the result is a fixed point: parsing the normalised
 *      text again gives the same text and the same value.
 *
 * Classification of the normalised text, in order: empty ("", "/",
 * "……", "-", "无"), not applicable (不适用, 不涉及, N/A), qualitative (no
 * digit at all), a date, else [label][operator]number[unit] with an
 * optional second number (a range) and a suffix operator (以上, 以内).
 *
 * Decisions:
 * - 天 (and 日 as a length of time) is a duration, JX_DIM_TIME, not a
 *   count.  Durations, counts, areas and unknown units compare only
 *   when their unit text is the same (人 and 人次 do not, 天 and 日 do).
 *   Money compares with money and percent with percent whatever the
 *   unit, as their numbers are in base units (元, a fraction).
 * - A bare 万/亿 after a number is money (万元/亿元, rules §3.3).  Before
 *   a count or area unit it multiplies: "5万人次" is 50000 人次.
 * - Money is in 元.  Its unit text is one of 元, 万元, 亿元 (千元 gives
 *   元 and 百万元 gives 万元), so that a reader can show the number in
 *   the unit written by dividing by 1, 10^4 or 10^8.  An unknown unit
 *   starting with 万/亿 ("5万吨") is treated the same way: num 50000,
 *   unit "万吨".
 * - A date followed by 前/内/止 ("2023年12月底前") gets op LE ("by"),
 *   by 后/起 op GE; the direction of a date is still EXACT.  底/末/下旬
 *   mean the last day of the month, 上旬 the 10th and 中旬 the 20th.
 * - "N月" without a day is a date when no operator is written and a
 *   duration otherwise ("≤3月").  "YYYY年" with 1900 <= YYYY <= 2199 is
 *   a year, other "N年" a duration.
 * - A label before the number needs an operator or a ":" ("预算金额≤…",
 *   "预算金额:…"); only a few filler words (约, 共, 累计, 完成 …) may
 *   stand alone before a number.  Anything else with digits that no form
 *   matches is UNPARSED with a Chinese reason.
 *
 * Ownership: every string put into a struct jx_indval lives in the arena
 * given to jx_indval_parse, or is static, or belongs to the process's
 * memo of parsed texts (below: kept until the process ends, never
 * changed once stored).
 *
 * The memo: jx_indval_parse is a pure function of the text, and the
 * same short texts come back again and again ("100%", "≥95%", "及时")
 * in a package and across the packages of one process (check over many
 * files, evaluate over a year's units).  A text of at most
 * MEMO_TEXT_MAX bytes is looked up first in a fixed table of
 * MEMO_SLOTS slots (open addressing, guarded by a mutex); a miss is
 * parsed as before and its result stored with copies of its strings
 * (malloc'd once, until the table is three-quarters full; then new
 * texts are parsed every time).  A hit gives the same value, field by
 * field, as parsing again.
 */
#include "jixiao/indval.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Largest intermediate text while normalising: NFKC turns one code
 * point into at most 18, so 24 times the input is always enough. */
#define WORK_MAX ((size_t)JX_INDVAL_MAX_BYTES * 24 + 64)

/* Bytes of the text kept in norm when the text is too long. */
#define PREVIEW_BYTES 60

/* Longest text accepted as a JX_DIM_OTHER unit, in code points. */
#define OTHER_UNIT_MAX 12

/* Longest label before a date or text after it, in code points. */
#define DATE_TEXT_MAX 12

/* ---- small helpers ---------------------------------------------------- */

/* Whether c is an ASCII digit. */
static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether c is an ASCII letter. */
static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether s[i..n) starts with lit. */
static bool at(const char *s, size_t n, size_t i, const char *lit)
{
    if (lit[0] != '\0' && (i >= n || s[i] != lit[0])) {
        return false; /* the usual case, without strlen */
    }
    size_t k = strlen(lit);
    return i <= n && n - i >= k && memcmp(s + i, lit, k) == 0;
}

/* Whether s[b..e) ends with lit.  lit is valid UTF-8 starting with a
 * lead byte, so a match always starts on a character boundary. */
static bool ends(const char *s, size_t b, size_t e, const char *lit)
{
    if (e == b) {
        return lit[0] == '\0';
    }
    if (s[e - 1] != lit[0] && lit[1] == '\0') {
        return false;
    }
    size_t k = strlen(lit);
    return e - b >= k && memcmp(s + e - k, lit, k) == 0;
}

/* Whether s[b..e) is exactly lit. */
static bool span_is(const char *s, size_t b, size_t e, const char *lit)
{
    if (e > b && s[b] != lit[0]) {
        return false; /* the usual case, without strlen */
    }
    return e - b == strlen(lit) && memcmp(s + b, lit, e - b) == 0;
}

/* Whether s[b..e) contains lit. */
static bool span_has(const char *s, size_t b, size_t e, const char *lit)
{
    for (size_t i = b; i < e; i++) {
        if (at(s, e, i, lit)) {
            return true;
        }
    }
    return false;
}

/* Whether s[b..e) contains an ASCII digit. */
static bool span_has_digit(const char *s, size_t b, size_t e)
{
    for (size_t i = b; i < e; i++) {
        if (is_digit(s[i])) {
            return true;
        }
    }
    return false;
}

/* Whether s[b..e) contains a comparison sign (≥ ≤ > < = ≈ ≠). */
static bool span_has_opchar(const char *s, size_t b, size_t e)
{
    static const char *const signs[] = {"≥", "≤", ">", "<", "=", "≈", "≠"};
    for (size_t k = 0; k < sizeof signs / sizeof signs[0]; k++) {
        if (span_has(s, b, e, signs[k])) {
            return true;
        }
    }
    return false;
}

/* Append code point cp to b as UTF-8. */
static void put_cp(struct jx_buf *b, int32_t cp)
{
    utf8proc_uint8_t tmp[4];
    utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);
    if (k > 0) {
        jx_buf_add(b, tmp, (size_t)k);
    }
}

/* Days in month m (1..12) of year y; y == 0 (unknown) allows 29 Feb. */
static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) {
        return 0;
    }
    if (m == 2 && (y == 0 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))) {
        return 29;
    }
    return days[m - 1];
}

/* Count the digits at s[i..n) and, if there are at most 9, store their
 * value in *val (0 otherwise).  Returns the count. */
static size_t read_digits(const char *s, size_t n, size_t i, int *val)
{
    size_t k = 0;
    int v = 0;
    while (i + k < n && is_digit(s[i + k])) {
        if (k < 9) {
            v = v * 10 + (s[i + k] - '0');
        }
        k++;
    }
    *val = k <= 9 ? v : 0;
    return k;
}

/* ---- normalisation ---------------------------------------------------- */

/* What went wrong while normalising, first problem only. */
enum normerr {
    NORM_OK = 0,
    NORM_BADUTF8, /* an invalid UTF-8 sequence */
    NORM_CONTROL, /* a control character other than tab or line break */
    NORM_TOOBIG   /* the normalised text is longer than allowed */
};

/* Whether NFKC must leave cp alone: it would turn "…" into "..." and
 * "m²" into "m2". */
static bool nfkc_keep(int32_t cp)
{
    return cp == 0x2026 || cp == 0x22EF || cp == 0x00B2 || cp == 0x00B3;
}

/* Whether s[0..n) is in NFC and NFKC already because each of its code
 * points is printable ASCII, a CJK ideograph of U+4E00..U+9FA5, "、",
 * "。", "≤" or "≥": none of these has a decomposition, and with no
 * combining mark among them none composes with its neighbour.  The fast
 * path of add_normal: most indicator texts ("≥95%", "及时") are such. */
static bool plain_text(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k <= 0 || !((cp >= 0x4E00 && cp <= 0x9FA5) || cp == 0x3001 ||
                        cp == 0x3002 || cp == 0x2264 || cp == 0x2265)) {
            return false;
        }
        i += (size_t)k;
    }
    return true;
}

/* Append s[0..n) (valid UTF-8) to b in normal form: NFKC if compat,
 * else NFC.  Returns false if utf8proc refuses the text. */
static bool add_normal(struct jx_buf *b, const char *s, size_t n, bool compat)
{
    if (n == 0) {
        return true;
    }
    if (plain_text(s, n)) {
        jx_buf_add(b, s, n);
        return true;
    }
    utf8proc_uint8_t *dst = NULL;
    int opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    if (compat) {
        opts |= UTF8PROC_COMPAT;
    }
    utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)n, &dst,
                                      (utf8proc_option_t)opts);
    if (k < 0) {
        free(dst);
        return false;
    }
    jx_buf_add(b, dst, (size_t)k);
    free(dst);
    return true;
}

/* Pass 1: check text[0..len) and append it to b in NFKC, except the
 * code points nfkc_keep names.  Invalid bytes and control characters
 * become U+FFFD; tab and line breaks become spaces.  Returns the first
 * problem met, NORM_OK if none. */
static enum normerr pass_nfkc(const char *text, size_t len, struct jx_buf *b)
{
    enum normerr err = NORM_OK;
    size_t run = 0;
    size_t i = 0;
    while (i <= len) {
        int32_t cp = 0;
        int k = i < len ? jx_utf8_decode(text + i, len - i, &cp) : 0;
        bool bad = i < len && k < 0;
        bool ctrl = !bad && i < len &&
                    (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F));
        if (i < len && !bad && !ctrl && !nfkc_keep(cp)) {
            i += (size_t)k;
            continue;
        }
        if (!add_normal(b, text + run, i - run, true)) {
            put_cp(b, 0xFFFD);
            if (err == NORM_OK) {
                err = NORM_BADUTF8;
            }
        }
        if (i == len) {
            break;
        }
        if (bad) {
            put_cp(b, 0xFFFD);
            if (err == NORM_OK) {
                err = NORM_BADUTF8;
            }
            i++;
        } else if (ctrl && (cp == '\t' || cp == '\n' || cp == '\r' ||
                            cp == '\v' || cp == '\f')) {
            jx_buf_addc(b, ' ');
            i += (size_t)k;
        } else if (ctrl) {
            put_cp(b, 0xFFFD);
            if (err == NORM_OK) {
                err = NORM_CONTROL;
            }
            i += (size_t)k;
        } else {
            jx_buf_add(b, text + i, (size_t)k);
            i += (size_t)k;
        }
        run = i;
    }
    if (b->toobig && err == NORM_OK) {
        err = NORM_TOOBIG;
    }
    return err;
}

/* Whether cp is white space (including zero-width spaces and BOM). */
static bool is_space(int32_t cp)
{
    return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200D) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
           cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

/* A LaTeX command and the text it stands for. */
struct latexcmd {
    const char *name;
    const char *repl;
};

/* LaTeX commands PDF converters leave in indicator texts; commands that
 * only change the font are replaced by nothing. */
static const struct latexcmd latex_cmds[] = {
    {"geq", "≥"},          {"ge", "≥"},          {"geqslant", "≥"},
    {"geqq", "≥"},         {"leq", "≤"},         {"le", "≤"},
    {"leqslant", "≤"},     {"leqq", "≤"},        {"gt", ">"},
    {"textgreater", ">"},  {"lt", "<"},          {"textless", "<"},
    {"sim", "~"},          {"textasciitilde", "~"},
    {"approx", "≈"},       {"neq", "≠"},         {"ne", "≠"},
    {"pm", "±"},           {"times", "×"},       {"cdot", "·"},
    {"ldots", "…"},        {"cdots", "…"},       {"dots", "…"},
    {"textperthousand", "‰"},                    {"permil", "‰"},
    {"textpercent", "%"},  {"text", ""},         {"mathrm", ""},
    {"textrm", ""},        {"mathbf", ""},       {"textbf", ""},
    {"mathit", ""},        {"textit", ""},       {"rm", ""},
    {"mbox", ""},          {"left", ""},         {"right", ""},
    {"displaystyle", ""},  {"quad", ""},         {"qquad", ""},
};

/* The replacement of LaTeX command s[0..n) (without the backslash), or
 * NULL if unknown.  Returns a static string. */
static const char *latex_lookup(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof latex_cmds / sizeof latex_cmds[0]; k++) {
        if (strlen(latex_cmds[k].name) == n &&
            memcmp(latex_cmds[k].name, s, n) == 0) {
            return latex_cmds[k].repl;
        }
    }
    return NULL;
}

/* Append c to b; a "2" or "3" right after "^" replaces the "^" by "²"
 * or "³" ("m^2", and "m^{2}" once the braces are gone). */
static void add_char_sup(struct jx_buf *b, const char *s, size_t k)
{
    if (k == 1 && (s[0] == '2' || s[0] == '3') && b->len > 0 &&
        b->p[b->len - 1] == '^') {
        b->len--;
        b->p[b->len] = '\0';
        jx_buf_adds(b, s[0] == '2' ? "²" : "³");
        return;
    }
    jx_buf_add(b, s, k);
}

/* Pass 2: copy s[0..n) to b without white space and "$", with LaTeX
 * commands replaced (of unknown ones only the name is kept) and, if
 * the text has LaTeX in it ("$", "\\" or "^"), without braces. */
static void pass_strip(const char *s, size_t n, struct jx_buf *b)
{
    bool latex = memchr(s, '$', n) != NULL || memchr(s, '\\', n) != NULL ||
                 memchr(s, '^', n) != NULL;
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            /* cannot happen after pass 1; keep the byte */
            jx_buf_add(b, s + i, 1);
            i++;
            continue;
        }
        if (is_space(cp) || cp == '$' ||
            (latex && (cp == '{' || cp == '}'))) {
            i += (size_t)k;
            continue;
        }
        if (cp == '\\') {
            size_t j = i + 1;
            while (j < n && is_alpha(s[j])) {
                j++;
            }
            if (j == i + 1) {
                /* "\%" -> "%", "\$" -> "$" (dropped); the thin spaces
                 * "\," "\;" "\:" "\!" go altogether */
                if (j < n && (s[j] == ',' || s[j] == ';' || s[j] == ':' ||
                              s[j] == '!')) {
                    j++;
                }
                i = j;
                continue;
            }
            const char *repl = latex_lookup(s + i + 1, j - i - 1);
            if (repl) {
                jx_buf_adds(b, repl);
            } else {
                /* unknown: keep only the name; a kept backslash could
                 * join the letters after a brace into a known command
                 * when the normalised text is parsed again */
                jx_buf_add(b, s + i + 1, j - i - 1);
            }
            i = j;
            continue;
        }
        add_char_sup(b, s + i, (size_t)k);
        i += (size_t)k;
    }
}

/* Whether cp is a dash or minus sign written for "-". */
static bool is_dash(int32_t cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 ||
           cp == 0x2E3A || cp == 0x2E3B || cp == 0xFE58 || cp == 0xFE63;
}

/* Pass 3: copy s[0..n) to b with operators, dashes and tildes unified,
 * thousands separators removed and "m2"/"m3" after a number written
 * "m²"/"m³". */
static void pass_ops(const char *s, size_t n, struct jx_buf *b)
{
    size_t grp = 0;       /* digits written since the last non-digit */
    bool grouped = false; /* a thousands separator was removed before */
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            jx_buf_add(b, s + i, 1);
            i++;
            grp = 0;
            grouped = false;
            continue;
        }
        size_t next = i + (size_t)k;
        const char *op = NULL;
        if (cp == 0x2265 || cp == 0x2267 || cp == 0x2A7E) {
            op = "≥";
        } else if (cp == 0x2264 || cp == 0x2266 || cp == 0x2A7D) {
            op = "≤";
        } else if ((cp == '>' || cp == '=') && next < n &&
                   s[next] == (cp == '>' ? '=' : '>')) {
            op = "≥"; /* ">=" and "=>" */
            next++;
        } else if ((cp == '<' || cp == '=') && next < n &&
                   s[next] == (cp == '<' ? '=' : '<')) {
            op = "≤"; /* "<=" and "=<" */
            next++;
        }
        if (op) {
            /* "≥=" and ">==" mean "≥" */
            while (next < n && s[next] == '=') {
                next++;
            }
            jx_buf_adds(b, op);
            grp = 0;
            grouped = false;
            i = next;
            continue;
        }
        if (cp == ',' && grp >= 1 && (grouped ? grp == 3 : grp <= 3) &&
            i + 3 < n && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
            is_digit(s[i + 3]) && (i + 4 >= n || !is_digit(s[i + 4]))) {
            /* a thousands separator: drop it */
            grouped = true;
            grp = 0;
            i++;
            continue;
        }
        if (cp == 'm' && next < n &&
            (s[next] == '2' || s[next] == '3') &&
            (next + 1 >= n || !is_digit(s[next + 1])) && b->len > 0 &&
            (is_digit(b->p[b->len - 1]) || b->p[b->len - 1] == 'k' ||
             b->p[b->len - 1] == 'c')) {
            /* "100m2", "5km2" (and "㎡", which NFKC makes "m2") */
            jx_buf_adds(b, s[next] == '2' ? "m²" : "m³");
            grp = 0;
            grouped = false;
            i = next + 1;
            continue;
        }
        if (cp >= '0' && cp <= '9') {
            grp++;
            jx_buf_add(b, s + i, 1);
            i = next;
            continue;
        }
        grp = 0;
        grouped = false;
        if (is_dash(cp)) {
            jx_buf_addc(b, '-');
        } else if (cp == 0x301C || cp == 0x223C || cp == 0xFF5E) {
            jx_buf_addc(b, '~');
        } else {
            jx_buf_add(b, s + i, (size_t)k);
        }
        i = next;
    }
}

/* Drop trailing "。", ";" and "," from b. */
static void trim_tail(struct jx_buf *b)
{
    for (;;) {
        if (b->len >= 1 && (b->p[b->len - 1] == ';' ||
                            b->p[b->len - 1] == ',')) {
            b->len--;
        } else if (ends(b->p, 0, b->len, "。")) {
            b->len -= strlen("。");
        } else {
            break;
        }
        b->p[b->len] = '\0';
    }
}

/* Whether the four passes leave text[0..len) as it is: every code point
 * is printable ASCII other than the characters some pass rewrites or
 * drops (white space, "$", braces, "\\", "^", ">", "<", "=", ",", "-",
 * ";", "m"), a CJK ideograph of U+4E00..U+9FA5, "、", "。" (not last),
 * "≤" or "≥"; none changes under NFKC or NFC (see plain_text). */
static bool normal_already(const char *text, size_t len)
{
    if (len == 0 || len > JX_INDVAL_MAX_BYTES || !plain_text(text, len) ||
        (len >= 3 && memcmp(text + len - 3, "。", 3) == 0)) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        switch (text[i]) {
        case ' ': case '$': case '{': case '}': case '\\': case '^':
        case '>': case '<': case '=': case ',': case '-': case ';': case 'm':
            return false; /* a byte some pass rewrites or drops */
        default:
            break;
        }
    }
    return true;
}

/* Normalise text[0..len) into a new arena string (*norm, *nlen).
 * Returns the first problem met, NORM_OK if none. */
static enum normerr normalise(struct jx_arena *a, const char *text, size_t len,
                              char **norm, size_t *nlen)
{
    if (normal_already(text, len)) {
        *norm = jx_strndup(a, text, len);
        *nlen = len;
        return NORM_OK;
    }
    struct jx_buf b1, b2;
    jx_buf_init(&b1, WORK_MAX);
    jx_buf_init(&b2, WORK_MAX);
    enum normerr err = pass_nfkc(text, len, &b1);
    pass_strip(b1.p, b1.len, &b2);
    jx_buf_reset(&b1);
    pass_ops(b2.p, b2.len, &b1);
    jx_buf_reset(&b2);
    if (!add_normal(&b2, b1.p, b1.len, false) && err == NORM_OK) {
        err = NORM_BADUTF8;
    }
    trim_tail(&b2);
    if ((b1.toobig || b2.toobig || b2.len > JX_INDVAL_MAX_BYTES) &&
        err == NORM_OK) {
        err = NORM_TOOBIG;
    }
    *norm = jx_strndup(a, b2.p, b2.len);
    *nlen = b2.len;
    jx_buf_release(&b1);
    jx_buf_release(&b2);
    return err;
}

/* A short valid-UTF-8 preview of text[0..len) for a value that is too
 * long: at most PREVIEW_BYTES bytes followed by "…".  Arena string. */
static char *preview(struct jx_arena *a, const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        int32_t cp;
        int k = jx_utf8_decode(text + i, len - i, &cp);
        if (k < 0 || cp < 0x20 || i + (size_t)k > PREVIEW_BYTES) {
            break;
        }
        i += (size_t)k;
    }
    return jx_sprintf(a, "%.*s…", (int)i, text);
}

/* ---- words and units -------------------------------------------------- */

/* An operator written as a sign or as words. */
struct opword {
    const char *text;
    size_t len; /* strlen(text) */
    enum jx_iv_op op;
};

/* An opword entry for a string literal t, its length counted once. */
#define OPW(t, o) {t, sizeof(t) - 1, o}

/* Operators that may stand right before the number.  The longest match
 * wins ("不低于" before "低于").  "≈" and "约" mean about: no operator. */
static const struct opword prefix_ops[] = {
    OPW("≥", JX_OP_GE),         OPW("≤", JX_OP_LE),        OPW(">", JX_OP_GT),
    OPW("<", JX_OP_LT),         OPW("=", JX_OP_EQ),        OPW("≈", JX_OP_NONE),
    OPW("约", JX_OP_NONE),
    OPW("大于或等于", JX_OP_GE), OPW("大于等于", JX_OP_GE), OPW("不低于", JX_OP_GE),
    OPW("不少于", JX_OP_GE),     OPW("不小于", JX_OP_GE),   OPW("不得低于", JX_OP_GE),
    OPW("不得少于", JX_OP_GE),   OPW("不早于", JX_OP_GE),   OPW("至少", JX_OP_GE),
    OPW("最少", JX_OP_GE),       OPW("最低", JX_OP_GE),     OPW("达到", JX_OP_GE),
    OPW("达", JX_OP_GE),
    OPW("小于或等于", JX_OP_LE), OPW("小于等于", JX_OP_LE), OPW("不高于", JX_OP_LE),
    OPW("不超过", JX_OP_LE),     OPW("不大于", JX_OP_LE),   OPW("不多于", JX_OP_LE),
    OPW("不得超过", JX_OP_LE),   OPW("不得高于", JX_OP_LE), OPW("不晚于", JX_OP_LE),
    OPW("不迟于", JX_OP_LE),     OPW("至多", JX_OP_LE),     OPW("最多", JX_OP_LE),
    OPW("最高", JX_OP_LE),       OPW("控制在", JX_OP_LE),
    OPW("大于", JX_OP_GT),       OPW("高于", JX_OP_GT),     OPW("超过", JX_OP_GT),
    OPW("多于", JX_OP_GT),       OPW("晚于", JX_OP_GT),     OPW("迟于", JX_OP_GT),
    OPW("小于", JX_OP_LT),       OPW("低于", JX_OP_LT),     OPW("少于", JX_OP_LT),
    OPW("早于", JX_OP_LT),       OPW("等于", JX_OP_EQ),
};

/* Words that may stand alone before a number (no operator, no label). */
static const char *const fillers[] = {
    "共", "共计", "累计", "合计", "计", "完成", "实际完成", "实现", "全年",
};

/* What a word after the number means. */
enum sfxkind {
    SFX_OP,      /* an operator: 以上, 以内 */
    SFX_NOOP,    /* nothing: (含), 完成 */
    SFX_BETWEEN, /* 之间, only after a range */
    SFX_APPROX   /* 左右: about */
};

/* A word after the number. */
struct sfxword {
    const char *text;
    size_t len; /* strlen(text) */
    enum jx_iv_op op;
    enum sfxkind kind;
};

/* An sfxword entry for a string literal t, its length counted once. */
#define SFX(t, o, k) {t, sizeof(t) - 1, o, k}

/* Words after the number; the longest match wins. */
static const struct sfxword suffix_words[] = {
    SFX("(含)", JX_OP_NONE, SFX_NOOP),     SFX("(含本数)", JX_OP_NONE, SFX_NOOP),
    SFX("完成", JX_OP_NONE, SFX_NOOP),     SFX("及以上", JX_OP_GE, SFX_OP),
    SFX("以上", JX_OP_GE, SFX_OP),         SFX("及以下", JX_OP_LE, SFX_OP),
    SFX("以下", JX_OP_LE, SFX_OP),         SFX("以内", JX_OP_LE, SFX_OP),
    SFX("之内", JX_OP_LE, SFX_OP),         SFX("内", JX_OP_LE, SFX_OP),
    SFX("之间", JX_OP_NONE, SFX_BETWEEN),  SFX("左右", JX_OP_NONE, SFX_APPROX),
};

/* A unit: its text, dimension, normalised text and the factor mul/div
 * that takes a number in it to base units; scalable units also take
 * 万 or 亿 before them ("5万人次"). */
struct unitdef {
    const char *text;
    size_t len; /* strlen(text) */
    enum jx_unit_dim dim;
    const char *canon;
    int64_t mul;
    int64_t div;
    bool scalable;
};

/* The text of a unitdef entry and its length, counted once. */
#define UT(t) t, sizeof(t) - 1

/* Units known by name. */
static const struct unitdef units[] = {
    {UT("%"), JX_DIM_PERCENT, "%", 1, 100, false},
    {UT("百分比"), JX_DIM_PERCENT, "%", 1, 100, false},
    {UT("百分点"), JX_DIM_PERCENT, "百分点", 1, 100, false},
    {UT("个百分点"), JX_DIM_PERCENT, "百分点", 1, 100, false},
    {UT("‰"), JX_DIM_PERCENT, "‰", 1, 1000, false},
    {UT("元"), JX_DIM_MONEY, "元", 1, 1, false},
    {UT("千元"), JX_DIM_MONEY, "元", 1000, 1, false},
    {UT("万元"), JX_DIM_MONEY, "万元", 10000, 1, false},
    {UT("万"), JX_DIM_MONEY, "万元", 10000, 1, false},
    {UT("百万元"), JX_DIM_MONEY, "万元", 1000000, 1, false},
    {UT("亿元"), JX_DIM_MONEY, "亿元", 100000000, 1, false},
    {UT("亿"), JX_DIM_MONEY, "亿元", 100000000, 1, false},
    {UT("个"), JX_DIM_COUNT, "个", 1, 1, true},
    {UT("次"), JX_DIM_COUNT, "次", 1, 1, true},
    {UT("篇"), JX_DIM_COUNT, "篇", 1, 1, true},
    {UT("人"), JX_DIM_COUNT, "人", 1, 1, true},
    {UT("套"), JX_DIM_COUNT, "套", 1, 1, true},
    {UT("户"), JX_DIM_COUNT, "户", 1, 1, true},
    {UT("件"), JX_DIM_COUNT, "件", 1, 1, true},
    {UT("项"), JX_DIM_COUNT, "项", 1, 1, true},
    {UT("家"), JX_DIM_COUNT, "家", 1, 1, true},
    {UT("场"), JX_DIM_COUNT, "场", 1, 1, true},
    {UT("所"), JX_DIM_COUNT, "所", 1, 1, true},
    {UT("名"), JX_DIM_COUNT, "名", 1, 1, true},
    {UT("本"), JX_DIM_COUNT, "本", 1, 1, true},
    {UT("期"), JX_DIM_COUNT, "期", 1, 1, true},
    {UT("份"), JX_DIM_COUNT, "份", 1, 1, true},
    {UT("台"), JX_DIM_COUNT, "台", 1, 1, true},
    {UT("辆"), JX_DIM_COUNT, "辆", 1, 1, true},
    {UT("条"), JX_DIM_COUNT, "条", 1, 1, true},
    {UT("处"), JX_DIM_COUNT, "处", 1, 1, true},
    {UT("座"), JX_DIM_COUNT, "座", 1, 1, true},
    {UT("间"), JX_DIM_COUNT, "间", 1, 1, true},
    {UT("宗"), JX_DIM_COUNT, "宗", 1, 1, true},
    {UT("册"), JX_DIM_COUNT, "册", 1, 1, true},
    {UT("张"), JX_DIM_COUNT, "张", 1, 1, true},
    {UT("部"), JX_DIM_COUNT, "部", 1, 1, true},
    {UT("批"), JX_DIM_COUNT, "批", 1, 1, true},
    {UT("类"), JX_DIM_COUNT, "类", 1, 1, true},
    {UT("支"), JX_DIM_COUNT, "支", 1, 1, true},
    {UT("棵"), JX_DIM_COUNT, "棵", 1, 1, true},
    {UT("株"), JX_DIM_COUNT, "株", 1, 1, true},
    {UT("头"), JX_DIM_COUNT, "头", 1, 1, true},
    {UT("只"), JX_DIM_COUNT, "只", 1, 1, true},
    {UT("位"), JX_DIM_COUNT, "位", 1, 1, true},
    {UT("栋"), JX_DIM_COUNT, "栋", 1, 1, true},
    {UT("幢"), JX_DIM_COUNT, "幢", 1, 1, true},
    {UT("艘"), JX_DIM_COUNT, "艘", 1, 1, true},
    {UT("架"), JX_DIM_COUNT, "架", 1, 1, true},
    {UT("人次"), JX_DIM_COUNT, "人次", 1, 1, true},
    {UT("户次"), JX_DIM_COUNT, "户次", 1, 1, true},
    {UT("家次"), JX_DIM_COUNT, "家次", 1, 1, true},
    {UT("场次"), JX_DIM_COUNT, "场次", 1, 1, true},
    {UT("件次"), JX_DIM_COUNT, "件次", 1, 1, true},
    {UT("批次"), JX_DIM_COUNT, "批次", 1, 1, true},
    {UT("天"), JX_DIM_TIME, "天", 1, 1, false},
    {UT("日"), JX_DIM_TIME, "天", 1, 1, false},
    {UT("工作日"), JX_DIM_TIME, "工作日", 1, 1, false},
    {UT("个工作日"), JX_DIM_TIME, "工作日", 1, 1, false},
    {UT("小时"), JX_DIM_TIME, "小时", 1, 1, false},
    {UT("个小时"), JX_DIM_TIME, "小时", 1, 1, false},
    {UT("分钟"), JX_DIM_TIME, "分钟", 1, 1, false},
    {UT("周"), JX_DIM_TIME, "周", 1, 1, false},
    {UT("个月"), JX_DIM_TIME, "月", 1, 1, false},
    {UT("月"), JX_DIM_TIME, "月", 1, 1, false},
    {UT("年"), JX_DIM_TIME, "年", 1, 1, false},
    {UT("平方米"), JX_DIM_AREA, "平方米", 1, 1, true},
    {UT("m²"), JX_DIM_AREA, "平方米", 1, 1, true},
    {UT("平方公里"), JX_DIM_AREA, "平方公里", 1, 1, false},
    {UT("km²"), JX_DIM_AREA, "平方公里", 1, 1, false},
    {UT("亩"), JX_DIM_AREA, "亩", 1, 1, true},
    {UT("公顷"), JX_DIM_AREA, "公顷", 1, 1, false},
};

/* The unit named exactly s[b..e), or NULL. */
static const struct unitdef *unit_lookup(const char *s, size_t b, size_t e)
{
    size_t n = e - b;
    if (n == 0) {
        return NULL; /* no unit is empty */
    }
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        /* the length and the first byte before the bytes */
        if (units[k].len == n && units[k].text[0] == s[b] &&
            memcmp(s + b, units[k].text, n) == 0) {
            return &units[k];
        }
    }
    return NULL;
}

/* A unit as resolved for one number. */
struct unit {
    enum jx_unit_dim dim;
    const char *canon; /* static or arena string; "" for none */
    int64_t mul;
    int64_t div;
};

/* Whether s[b..e) may be the text of an unknown unit: no sign,
 * bracket, quote or sentence punctuation, and not too long. */
static bool other_unit_ok(const char *s, size_t b, size_t e)
{
    static const char *const bad[] = {
        "≥", "≤", "≈", "≠", "±", "‰", "…", "⋯", "、", "。", "“", "”",
        "‘", "’", "《", "》", "【", "】", "〈", "〉", "「", "」", "『",
        "』", "〔", "〕", "\xEF\xBF\xBD",
    };
    size_t count = 0;
    size_t i = b;
    while (i < e) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && c != '/' && c != '_' && !is_alpha((char)c)) {
            return false;
        }
        int32_t cp;
        int k = jx_utf8_decode(s + i, e - i, &cp);
        if (k < 0) {
            return false;
        }
        for (size_t j = 0; j < sizeof bad / sizeof bad[0]; j++) {
            if (at(s, e, i, bad[j])) {
                return false;
            }
        }
        i += (size_t)k;
        count++;
    }
    return count <= OTHER_UNIT_MAX;
}

/* Resolve the unit text s[b..e) into u (pct: "百分之" was written before
 * the number).  Returns false, with u untouched, if the text cannot be a
 * unit. */
static bool resolve_unit(struct jx_arena *a, const char *s, size_t b,
                         size_t e, bool pct, struct unit *u)
{
    if (b == e) {
        if (pct) {
            *u = (struct unit){JX_DIM_PERCENT, "%", 1, 100};
        } else {
            *u = (struct unit){JX_DIM_NONE, "", 1, 1};
        }
        return true;
    }
    if (pct) {
        return false;
    }
    const struct unitdef *d = unit_lookup(s, b, e);
    if (d) {
        *u = (struct unit){d->dim, d->canon, d->mul, d->div};
        return true;
    }
    int64_t scale = 0;
    size_t skip = 0;
    if (at(s, e, b, "万")) {
        scale = 10000;
        skip = strlen("万");
    } else if (at(s, e, b, "亿")) {
        scale = 100000000;
        skip = strlen("亿");
    }
    if (scale) {
        d = unit_lookup(s, b + skip, e);
        if (d && d->scalable) {
            *u = (struct unit){d->dim, d->canon, d->mul * scale, d->div};
            return true;
        }
    }
    if (!other_unit_ok(s, b, e)) {
        return false;
    }
    /* "5万吨": the number is multiplied out and the unit keeps its 万,
     * as for 万元 (a reader divides again by the unit's first
     * character) */
    *u = (struct unit){JX_DIM_OTHER, jx_strndup(a, s + b, e - b),
                       scale ? scale : 1, 1};
    return true;
}

/* ---- parsing ---------------------------------------------------------- */

/* Mark out as unparsed with a reason printed into the arena; the other
 * fields go back to their empty values (norm is kept). */
static void fail(struct jx_arena *a, struct jx_indval *out, const char *fmt,
                 ...) JX_PRINTF(3, 4);

/* See the declaration above. */
static void fail(struct jx_arena *a, struct jx_indval *out, const char *fmt,
                 ...)
{
    const char *norm = out->norm;
    memset(out, 0, sizeof *out);
    out->num = jx_rat_int(0);
    out->hi = jx_rat_int(0);
    out->norm = norm;
    out->kind = JX_IV_UNPARSED;
    va_list ap;
    va_start(ap, fmt);
    out->reason = jx_vsprintf(a, fmt, ap);
    va_end(ap);
}

/* What the text before the first digit says: [label][op]["百分之"]. */
struct prefix {
    size_t label_end;   /* the label is s[0..label_end) */
    enum jx_iv_op op;   /* operator before the number */
    const char *optext; /* how it was written, NULL if none */
    bool colon;         /* the label ended with ":" */
    bool pct;           /* "百分之" right before the number */
};

/* Split s[0..p) into label, operator and "百分之" (see struct prefix). */
static void parse_prefix(const char *s, size_t p, struct prefix *pre)
{
    memset(pre, 0, sizeof *pre);
    size_t e = p;
    if (ends(s, 0, e, "百分之")) {
        pre->pct = true;
        e -= strlen("百分之");
    }
    size_t best = 0;
    const struct opword *w = NULL;
    for (size_t k = 0; e > 0 && k < sizeof prefix_ops / sizeof prefix_ops[0];
         k++) {
        size_t len = prefix_ops[k].len;
        if (len > best && len <= e && prefix_ops[k].text[len - 1] == s[e - 1] &&
            memcmp(s + e - len, prefix_ops[k].text, len) == 0) {
            best = len;
            w = &prefix_ops[k];
        }
    }
    if (w) {
        pre->op = w->op;
        pre->optext = w->text;
        e -= best;
    }
    if (e > 0 && s[e - 1] == ':') {
        pre->colon = true;
        e--;
    }
    pre->label_end = e;
}

/* Whether s[0..e) is one of the filler words. */
static bool is_filler(const char *s, size_t e)
{
    for (size_t k = 0; k < sizeof fillers / sizeof fillers[0]; k++) {
        if (span_is(s, 0, e, fillers[k])) {
            return true;
        }
    }
    return false;
}

/* Whether operators x and y point the same way (both "at least" or
 * both "at most"); equal operators always agree. */
static bool ops_agree(enum jx_iv_op x, enum jx_iv_op y)
{
    bool xhi = x == JX_OP_GE || x == JX_OP_GT;
    bool yhi = y == JX_OP_GE || y == JX_OP_GT;
    bool xlo = x == JX_OP_LE || x == JX_OP_LT;
    bool ylo = y == JX_OP_LE || y == JX_OP_LT;
    return x == y || (xhi && yhi) || (xlo && ylo);
}

/* Number of code points in s[b..e). */
static size_t cps(const char *s, size_t b, size_t e)
{
    return jx_utf8_count(s + b, e - b);
}

/* Try to read s[0..n) as a date whose first digit is at p.  Returns 1
 * and fills out for a date, -1 (out marked unparsed) for an impossible
 * date, 0 if the text is not a date. */
static int parse_date(struct jx_arena *a, const char *s, size_t n, size_t p,
                      const struct prefix *pre, struct jx_indval *out)
{
    int v = 0;
    int y = 0, m = 0, d = 0;
    size_t i = p;
    size_t len = read_digits(s, n, i, &v);
    if (pre->pct) {
        return 0;
    }
    if (len == 4 && v >= 1900 && v <= 2199 && at(s, n, i + 4, "年")) {
        y = v;
        i += 4 + strlen("年");
        int mv = 0;
        size_t ml = read_digits(s, n, i, &mv);
        if (ml > 0) {
            if (ml > 2 || !at(s, n, i + ml, "月")) {
                return 0;
            }
            m = mv;
            i += ml + strlen("月");
        } else if (at(s, n, i, "底") || at(s, n, i, "末")) {
            m = 12;
            d = 31;
            i += strlen("底"); /* 末 has the same length */
        } else if (at(s, n, i, "上半年")) {
            m = 6;
            d = 30;
            i += strlen("上半年");
        } else if (at(s, n, i, "下半年")) {
            m = 12;
            d = 31;
            i += strlen("下半年");
        }
    } else if (len >= 1 && len <= 2 && at(s, n, i + len, "月")) {
        m = v;
        i += len + strlen("月");
        if (!is_digit(i < n ? s[i] : '\0') && pre->optext != NULL) {
            return 0; /* "≤3月" is a duration */
        }
    } else if (len == 4 && v >= 1900 && v <= 2199 && i + 4 < n &&
               (s[i + 4] == '-' || s[i + 4] == '/' || s[i + 4] == '.')) {
        char sep = s[i + 4];
        int mv = 0, dv = 0;
        size_t j = i + 5;
        size_t ml = read_digits(s, n, j, &mv);
        if (ml < 1 || ml > 2) {
            return 0;
        }
        j += ml;
        if (j < n && s[j] == sep) {
            size_t dl = read_digits(s, n, j + 1, &dv);
            if (dl < 1 || dl > 2) {
                return 0;
            }
            j += 1 + dl;
            d = dv;
            if (d == 0) {
                fail(a, out, "日期“%.*s”无效：日为 0", (int)(j - i), s + i);
                return -1;
            }
        } else if (sep == '.') {
            return 0; /* "2024.06" is a number */
        }
        y = v;
        m = mv;
        if (m == 0) {
            fail(a, out, "日期“%.*s”无效：月份为 0", (int)(j - i), s + i);
            return -1;
        }
        i = j;
    } else {
        return 0;
    }
    if (m > 0 && d == 0 && i < n && is_digit(s[i])) {
        int dv = 0;
        size_t dl = read_digits(s, n, i, &dv);
        if (dl > 2 || !(at(s, n, i + dl, "日") || at(s, n, i + dl, "号"))) {
            return 0;
        }
        d = dv;
        i += dl + strlen("日"); /* 号 has the same length */
        if (d == 0) {
            fail(a, out, "日期无效：%d月0日", m);
            return -1;
        }
    } else if (m > 0 && d == 0) {
        if (at(s, n, i, "底") || at(s, n, i, "末")) {
            d = -1;
            i += strlen("底"); /* 末 has the same length */
        } else if (at(s, n, i, "下旬")) {
            d = -1;
            i += strlen("下旬");
        } else if (at(s, n, i, "上旬")) {
            d = 10;
            i += strlen("上旬");
        } else if (at(s, n, i, "中旬")) {
            d = 20;
            i += strlen("中旬");
        } else if (at(s, n, i, "份")) {
            i += strlen("份");
        }
    }
    /* the rest: words only, short */
    if (span_has_digit(s, i, n) || span_has_opchar(s, i, n) ||
        cps(s, i, n) > DATE_TEXT_MAX) {
        return 0;
    }
    if (span_has_opchar(s, 0, pre->label_end) ||
        cps(s, 0, pre->label_end) > DATE_TEXT_MAX) {
        return 0;
    }
    if (m > 12) {
        fail(a, out, "日期无效：月份 %d 不在 1 到 12 之间", m);
        return -1;
    }
    if (d == -1) {
        d = days_in_month(y, m);
    }
    if (d > days_in_month(y, m)) {
        if (y) {
            fail(a, out, "日期无效：%d年%d月没有%d日", y, m, d);
        } else {
            fail(a, out, "日期无效：%d月没有%d日", m, d);
        }
        return -1;
    }
    enum jx_iv_op op = JX_OP_NONE;
    if (span_has(s, i, n, "前") || span_has(s, i, n, "内") ||
        span_has(s, i, n, "止")) {
        op = JX_OP_LE;
    } else if (span_has(s, i, n, "后") || span_has(s, i, n, "起")) {
        op = JX_OP_GE;
    }
    if (pre->optext && pre->op != JX_OP_NONE) {
        if (op != JX_OP_NONE && !ops_agree(op, pre->op)) {
            fail(a, out, "比较符号矛盾：日期前是“%s”，后面是“%.*s”",
                 pre->optext, (int)(n - i), s + i);
            return -1;
        }
        op = pre->op;
    }
    out->kind = JX_IV_DATE;
    out->op = op;
    out->y = y;
    out->m = m;
    out->d = d;
    out->has_prefix = pre->label_end > 0;
    return 1;
}

/* Read the unit text s[b..*e) backwards, removing the words after the
 * number (以上, (含), 之间 ...).  Sets *op (JX_OP_NONE if none), *between
 * and *optext.  Returns false if two of them contradict each other. */
static bool strip_suffix(const char *s, size_t b, size_t *e,
                         enum jx_iv_op *op, const char **optext,
                         bool *between)
{
    *op = JX_OP_NONE;
    *optext = NULL;
    *between = false;
    for (int round = 0; round < 4; round++) {
        const struct sfxword *w = NULL;
        size_t best = 0;
        if (*e == b) {
            break; /* nothing left: no word can end it */
        }
        char last = s[*e - 1];
        for (size_t k = 0; k < sizeof suffix_words / sizeof suffix_words[0];
             k++) {
            size_t len = suffix_words[k].len;
            /* the last byte before the bytes (as ends() would match) */
            if (len > best && len <= *e - b &&
                suffix_words[k].text[len - 1] == last &&
                memcmp(s + *e - len, suffix_words[k].text, len) == 0) {
                best = len;
                w = &suffix_words[k];
            }
        }
        if (!w) {
            break;
        }
        *e -= best;
        if (w->kind == SFX_BETWEEN) {
            *between = true;
        } else if (w->kind == SFX_OP) {
            if (*optext && !ops_agree(*op, w->op)) {
                return false;
            }
            *op = w->op;
            *optext = w->text;
        }
    }
    return true;
}

/* Scan a decimal number at s[i..n): digits and one optional fraction
 * part.  Returns the end. */
static size_t scan_number(const char *s, size_t n, size_t i)
{
    while (i < n && is_digit(s[i])) {
        i++;
    }
    if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
        i++;
        while (i < n && is_digit(s[i])) {
            i++;
        }
    }
    return i;
}

/* Range separators, longest first. */
static const char *const range_seps[] = {"--", "-", "~", "至", "到"};

/* Parse the number s[b..e) and scale it by u into *r.  On failure marks
 * out unparsed and returns false. */
static bool number_in(struct jx_arena *a, const char *s, size_t b, size_t e,
                      const struct unit *u, struct jx_rat *r,
                      struct jx_indval *out)
{
    struct jx_rat v;
    enum jx_numerr err = jx_rat_parse(s + b, e - b, &v, NULL, NULL);
    if (err != JX_NUM_OK) {
        fail(a, out, "数值“%.*s”无法读取：%s", (int)(e - b), s + b,
             jx_numerr_zh(err));
        return false;
    }
    if (u->mul == 1 && u->div == 1) {
        *r = v; /* v is reduced already: v × 1 is v */
        return true;
    }
    struct jx_rat f;
    err = jx_rat_make(u->mul, u->div, &f);
    if (err == JX_NUM_OK) {
        err = jx_rat_mul(v, f, r);
    }
    if (err != JX_NUM_OK) {
        fail(a, out, "数值“%.*s%s”换算后超出范围", (int)(e - b), s + b,
             u->canon);
        return false;
    }
    return true;
}

/* Whether units x and y of the two ends of a range agree. */
static bool units_agree(const struct unit *x, const struct unit *y)
{
    if (x->dim != y->dim) {
        return false;
    }
    return x->dim == JX_DIM_MONEY || x->dim == JX_DIM_PERCENT ||
           strcmp(x->canon, y->canon) == 0;
}

/* True when the label s[0..n) before a number is a "per" word: 每 and
 * one to three Chinese characters ("每亩", "每人每月"): the number is
 * then a rate per that thing (每亩300 = 300 per 亩). */
static bool per_label(const char *s, size_t n)
{
    if (n < 6 || memcmp(s, "每", 3) != 0) {
        return false;
    }
    size_t i = 3, chars = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0 || cp < 0x4E00 || cp > 0x9FFF) {
            return false;
        }
        i += (size_t)k;
        chars++;
    }
    return chars >= 1 && chars <= 3;
}

/* Parse s[0..n) as [label][op]number[unit][sep number[unit]][suffix]
 * with the first character of the number at p (a sign or a digit). */
static void parse_number(struct jx_arena *a, const char *s, size_t n,
                         size_t p, const struct prefix *pre,
                         struct jx_indval *out)
{
    size_t lab = pre->label_end;
    if (lab > 0) {
        if (span_has_opchar(s, 0, lab)) {
            fail(a, out, "比较符号的位置无法识别：“%s”", s);
            return;
        }
        if (!pre->optext && !pre->colon && !is_filler(s, lab) &&
            !per_label(s, lab)) {
            fail(a, out, "数值前的文字“%.*s”无法识别", (int)lab, s);
            return;
        }
    }
    bool per = lab > 0 && !pre->optext && !pre->colon && per_label(s, lab);
    size_t b1 = p;
    size_t e1 = scan_number(s, n, (s[p] == '-' || s[p] == '+') ? p + 1 : p);
    size_t t = e1;
    while (t < n && !is_digit(s[t])) {
        t++;
    }
    size_t u1b = e1, u1e = t; /* unit text after the first number */
    size_t b2 = 0, e2 = 0, u2b = 0, u2e = 0;
    bool range = false;
    if (t < n) {
        const char *sep = NULL;
        for (size_t k = 0; k < sizeof range_seps / sizeof range_seps[0];
             k++) {
            if (ends(s, e1, t, range_seps[k])) {
                sep = range_seps[k];
                break;
            }
        }
        if (!sep) {
            fail(a, out, "“%s”含有多个数值，格式无法识别", s);
            return;
        }
        range = true;
        u1e = t - strlen(sep);
        b2 = t;
        e2 = scan_number(s, n, t);
        u2b = e2;
        u2e = n;
        if (span_has_digit(s, u2b, u2e)) {
            fail(a, out, "“%s”含有多个数值，格式无法识别", s);
            return;
        }
    }
    /* words after the last number */
    size_t *le = range ? &u2e : &u1e;
    size_t lb = range ? u2b : u1b;
    enum jx_iv_op sop;
    const char *soptext;
    bool between;
    if (!strip_suffix(s, lb, le, &sop, &soptext, &between)) {
        fail(a, out, "数值后的比较词互相矛盾：“%s”", s);
        return;
    }
    enum jx_iv_op op = pre->op;
    if (range) {
        enum jx_iv_op op1;
        const char *op1text;
        bool between1;
        if (!strip_suffix(s, u1b, &u1e, &op1, &op1text, &between1) ||
            op1text || between1) {
            fail(a, out, "区间“%s”的下限后不应有比较词", s);
            return;
        }
        if (pre->optext && pre->op != JX_OP_NONE) {
            fail(a, out, "区间“%s”前不应再有比较符号“%s”", s, pre->optext);
            return;
        }
        if (soptext) {
            fail(a, out, "区间“%s”后不应再有比较词“%s”", s, soptext);
            return;
        }
        op = JX_OP_RANGE;
    } else {
        if (between) {
            fail(a, out, "“之间”只能用于区间（如 90%%-95%%之间），"
                         "而“%s”只有一个数值", s);
            return;
        }
        if (soptext) {
            if (pre->optext && pre->op != JX_OP_NONE &&
                !ops_agree(pre->op, sop)) {
                fail(a, out, "比较符号矛盾：前面是“%s”，后面是“%s”",
                     pre->optext, soptext);
                return;
            }
            if (!pre->optext || pre->op == JX_OP_NONE) {
                op = sop;
            }
        }
    }
    struct unit u1, u2;
    if (!resolve_unit(a, s, u1b, u1e, pre->pct, &u1)) {
        fail(a, out, "数值“%.*s”后的文字“%.*s”无法识别为单位",
             (int)(e1 - b1), s + b1, (int)(u1e - u1b), s + u1b);
        return;
    }
    if (range) {
        if (!resolve_unit(a, s, u2b, u2e, pre->pct, &u2)) {
            fail(a, out, "数值“%.*s”后的文字“%.*s”无法识别为单位",
                 (int)(e2 - b2), s + b2, (int)(u2e - u2b), s + u2b);
            return;
        }
        if (u1.dim == JX_DIM_NONE) {
            u1 = u2;
        } else if (u2.dim == JX_DIM_NONE) {
            u2 = u1;
        } else if (!units_agree(&u1, &u2)) {
            fail(a, out, "区间两端的单位不一致：“%s”与“%s”", u1.canon,
                 u2.canon);
            return;
        }
    }
    struct jx_rat lo, hi;
    if (!number_in(a, s, b1, e1, &u1, &lo, out)) {
        return;
    }
    hi = lo;
    if (range) {
        if (!number_in(a, s, b2, e2, &u2, &hi, out)) {
            return;
        }
        if (jx_rat_cmp(lo, hi) > 0) {
            fail(a, out, "区间下限“%.*s”大于上限“%.*s”", (int)(e1 - b1),
                 s + b1, (int)(e2 - b2), s + b2);
            return;
        }
    }
    const struct unit *u = range ? &u2 : &u1;
    out->kind = JX_IV_NUMBER;
    out->op = op;
    out->num = lo;
    out->hi = hi;
    out->dim = u->dim;
    out->unit = u->canon;
    if (per) {
        /* a rate per thing: its own unit ("元每亩", "每亩"), compared
         * only with the same */
        out->dim = JX_DIM_OTHER;
        out->unit = jx_sprintf(a, "%s%.*s", u->canon ? u->canon : "",
                               (int)lab, s);
    }
    out->has_prefix = lab > 0 && (pre->optext || pre->colon);
}

/* Whether s[0..n) is blank filler: only "/", "-", ".", "…", "·" and
 * the like, or the words 无 and 暂无. */
static bool is_empty_text(const char *s, size_t n)
{
    if (span_is(s, 0, n, "无") || span_is(s, 0, n, "暂无")) {
        return true;
    }
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            return false;
        }
        if (!(cp == '/' || cp == '\\' || cp == '-' || cp == '.' ||
              cp == '_' || cp == '*' || cp == '~' || cp == 0x2026 ||
              cp == 0x22EF || cp == 0x00B7 || cp == 0x3002 ||
              cp == 0x30FB)) {
            return false;
        }
        i += (size_t)k;
    }
    return true;
}

/* Whether s[0..n) says "not applicable". */
static bool is_na_text(const char *s, size_t n)
{
    if (span_is(s, 0, n, "不适用") || span_is(s, 0, n, "不涉及")) {
        return true;
    }
    if (n == 3 && (s[0] == 'n' || s[0] == 'N') && s[1] == '/' &&
        (s[2] == 'a' || s[2] == 'A')) {
        return true;
    }
    return false;
}

/* Classify the normalised text s[0..n) into out (norm already set). */
static void classify(struct jx_arena *a, const char *s, size_t n,
                     struct jx_indval *out)
{
    if (is_empty_text(s, n)) {
        out->kind = JX_IV_EMPTY;
        return;
    }
    if (is_na_text(s, n)) {
        out->kind = JX_IV_NA;
        return;
    }
    if (span_is(s, 0, n, "百分之百")) {
        out->kind = JX_IV_NUMBER;
        out->num = jx_rat_int(1);
        out->hi = out->num;
        out->dim = JX_DIM_PERCENT;
        out->unit = "%";
        return;
    }
    size_t p = 0;
    while (p < n && !is_digit(s[p])) {
        p++;
    }
    if (p == n) {
        if (span_has_opchar(s, 0, n)) {
            fail(a, out, "“%s”有比较符号，但没有数值", s);
            return;
        }
        out->kind = JX_IV_QUALITATIVE;
        out->word = s;
        return;
    }
    bool signed_num = false;
    if (p > 0 && (s[p - 1] == '-' || s[p - 1] == '+')) {
        /* a sign belongs to the number when nothing or an operator
         * stands before it */
        struct prefix tmp;
        parse_prefix(s, p - 1, &tmp);
        if (tmp.label_end == 0 || tmp.optext) {
            signed_num = true;
        }
    }
    size_t start = signed_num ? p - 1 : p;
    struct prefix pre;
    parse_prefix(s, start, &pre);
    if (!signed_num) {
        int r = parse_date(a, s, n, p, &pre, out);
        if (r != 0) {
            return;
        }
    }
    parse_number(a, s, n, start, &pre, out);
}

/* ---- the memo of parsed texts (see the file comment) ------------------ */

/* Longest text kept in the memo, in bytes. */
#define MEMO_TEXT_MAX 128

/* Slots of the memo (a power of two); at most 3/4 of them are filled. */
#define MEMO_SLOTS 8192

/* One remembered text and its value (every string malloc'd, owned by
 * the memo, or static). */
struct memo_entry {
    char *text; /* NULL: the slot is free */
    size_t len;
    uint64_t hash;
    struct jx_indval v;
};

static struct memo_entry *memo;       /* MEMO_SLOTS slots, or NULL */
static size_t memo_used;              /* slots filled */
static pthread_mutex_t memo_lock = PTHREAD_MUTEX_INITIALIZER;

/* FNV-1a of text[0..len). */
static uint64_t memo_hash(const char *text, size_t len)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (unsigned char)text[i]) * 1099511628211u;
    }
    return h;
}

/* The slot holding text[0..len), or the free slot where it would go;
 * NULL when the table is absent.  Called with memo_lock held. */
static struct memo_entry *memo_slot(const char *text, size_t len,
                                    uint64_t h)
{
    if (!memo) {
        return NULL;
    }
    for (size_t i = (size_t)h & (MEMO_SLOTS - 1);;
         i = (i + 1) & (MEMO_SLOTS - 1)) {
        struct memo_entry *e = &memo[i];
        if (!e->text || (e->hash == h && e->len == len &&
                         memcmp(e->text, text, len) == 0)) {
            return e; /* found, or free (the table is never full) */
        }
    }
}

/* The memo's strings are cut from blocks of MEMO_BLOCK bytes (large
 * enough for malloc to map them apart from the heap: thousands of small
 * lasting chunks there would scatter the per-file allocations after
 * them). */
#define MEMO_BLOCK ((size_t)256 * 1024)
static char *memo_block; /* the block being filled */
static size_t memo_block_used;

/* n bytes of the memo's string space (memo_lock held). */
static char *memo_alloc(size_t n)
{
    if (!memo_block || MEMO_BLOCK - memo_block_used < n) {
        memo_block = jx_xmalloc(MEMO_BLOCK); /* kept for the process */
        memo_block_used = 0;
    }
    char *p = memo_block + memo_block_used;
    memo_block_used += n;
    return p;
}

/* A copy of s in the memo's string space (NULL stays NULL; memo_lock
 * held). */
static const char *memo_str(const char *s)
{
    if (!s) {
        return NULL;
    }
    size_t n = strlen(s);
    char *c = memo_alloc(n + 1);
    memcpy(c, s, n + 1);
    return c;
}

/* Look text[0..len) up: true and *out set when it is remembered. */
static bool memo_get(const char *text, size_t len, uint64_t h,
                     struct jx_indval *out)
{
    bool hit = false;
    pthread_mutex_lock(&memo_lock);
    struct memo_entry *e = memo_slot(text, len, h);
    if (e && e->text) {
        *out = e->v;
        hit = true;
    }
    pthread_mutex_unlock(&memo_lock);
    return hit;
}

/* Remember v as the value of text[0..len) (its strings copied), unless
 * the table is three-quarters full or another thread stored it. */
static void memo_put(const char *text, size_t len, uint64_t h,
                     const struct jx_indval *v)
{
    pthread_mutex_lock(&memo_lock);
    if (!memo) {
        memo = calloc(MEMO_SLOTS, sizeof *memo);
    }
    struct memo_entry *e =
        memo_used < MEMO_SLOTS / 4 * 3 ? memo_slot(text, len, h) : NULL;
    if (e && !e->text) {
        char *t = memo_alloc(len + 1);
        memcpy(t, text, len);
        t[len] = '\0';
        e->v = *v;
        e->v.unit = memo_str(v->unit);
        e->v.word = memo_str(v->word);
        e->v.norm = memo_str(v->norm);
        e->v.reason = memo_str(v->reason);
        e->len = len;
        e->hash = h;
        e->text = t;
        memo_used++;
    }
    pthread_mutex_unlock(&memo_lock);
}

/* Parse text[0..len) into out without the memo. */
static void parse_text(struct jx_arena *arena, const char *text, size_t len,
                       struct jx_indval *out)
{
    memset(out, 0, sizeof *out);
    out->num = jx_rat_int(0);
    out->hi = jx_rat_int(0);
    if (text == NULL) {
        text = "";
        len = 0;
    }
    if (len > JX_INDVAL_MAX_BYTES) {
        out->norm = preview(arena, text, len);
        fail(arena, out, "指标值文本过长（%zu 字节，上限 %d 字节）", len,
             JX_INDVAL_MAX_BYTES);
        return;
    }
    char *norm;
    size_t nlen;
    enum normerr err = normalise(arena, text, len, &norm, &nlen);
    out->norm = norm;
    switch (err) {
    case NORM_OK:
        break;
    case NORM_BADUTF8:
        fail(arena, out, "指标值含有无效的 UTF-8 编码");
        return;
    case NORM_CONTROL:
        fail(arena, out, "指标值含有控制字符");
        return;
    case NORM_TOOBIG:
        out->norm = preview(arena, norm, nlen);
        fail(arena, out, "指标值规范化后过长（上限 %d 字节）",
             JX_INDVAL_MAX_BYTES);
        return;
    }
    classify(arena, norm, nlen, out);
}

/* Parse text[0..len) into out; see indval.h and the memo above. */
void jx_indval_parse(struct jx_arena *arena, const char *text, size_t len,
                     struct jx_indval *out)
{
    if (text == NULL || len > MEMO_TEXT_MAX) {
        parse_text(arena, text, len, out);
        return;
    }
    uint64_t h = memo_hash(text, len);
    if (memo_get(text, len, h, out)) {
        return;
    }
    parse_text(arena, text, len, out);
    memo_put(text, len, h, out);
}

/* ---- direction and comparability -------------------------------------- */

/* Name words that make a plain number "less is better" whatever else
 * the name says. */
static const char *const lower_strong[] = {
    "故障率", "发生率", "事故率", "差错率", "投诉率", "失误率", "超支",
    "时长", "耗时", "用时", "天数", "误差",
};

/* Name words that make a plain number "more is better". */
static const char *const higher_words[] = {
    "满意", "完成", "覆盖", "达标", "合格", "办结", "解决", "回复",
    "处理率", "及时率", "修复", "节约", "节省", "降低", "下降", "减少",
    "知晓", "执行率", "到位", "利用率", "使用率", "优良",
};

/* Name words that make a plain number "less is better". */
static const char *const lower_words[] = {
    "成本", "费用", "开支", "支出", "经费", "故障", "投诉", "事故",
    "差错", "违规", "违纪",
};

/* Whether name contains one of the n words. */
static bool name_has(const char *name, const char *const *words, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (strstr(name, words[k])) {
            return true;
        }
    }
    return false;
}

/* Direction of a target; see indval.h. */
enum jx_direction jx_indval_direction(const struct jx_indval *target,
                                      const char *name)
{
    if (target == NULL) {
        return JX_DIR_UNKNOWN;
    }
    if (target->kind == JX_IV_DATE) {
        return JX_DIR_EXACT;
    }
    if (target->kind != JX_IV_NUMBER) {
        return JX_DIR_UNKNOWN;
    }
    switch (target->op) {
    case JX_OP_GE:
    case JX_OP_GT:
        return JX_DIR_HIGHER;
    case JX_OP_LE:
    case JX_OP_LT:
        return JX_DIR_LOWER;
    case JX_OP_EQ:
    case JX_OP_RANGE:
        return JX_DIR_EXACT;
    case JX_OP_NONE:
        break;
    }
    if (name) {
        if (name_has(name, lower_strong,
                     sizeof lower_strong / sizeof lower_strong[0])) {
            return JX_DIR_LOWER;
        }
        if (name_has(name, higher_words,
                     sizeof higher_words / sizeof higher_words[0])) {
            return JX_DIR_HIGHER;
        }
        if (name_has(name, lower_words,
                     sizeof lower_words / sizeof lower_words[0])) {
            return JX_DIR_LOWER;
        }
    }
    return JX_DIR_HIGHER;
}

/* Whether two unit texts are the same (NULL counts as ""). */
static bool same_unit(const char *x, const char *y)
{
    return strcmp(x ? x : "", y ? y : "") == 0;
}

/* Whether a and b can be compared; see indval.h. */
bool jx_indval_comparable(const struct jx_indval *a,
                          const struct jx_indval *b)
{
    if (a == NULL || b == NULL || a->kind != b->kind) {
        return false;
    }
    switch (a->kind) {
    case JX_IV_DATE:
    case JX_IV_QUALITATIVE:
    case JX_IV_NA:
        return true;
    case JX_IV_NUMBER:
        break;
    default:
        return false;
    }
    if (a->dim == b->dim) {
        switch (a->dim) {
        case JX_DIM_NONE:
        case JX_DIM_PERCENT:
        case JX_DIM_MONEY:
            return true;
        default:
            return same_unit(a->unit, b->unit);
        }
    }
    /* a bare number goes with a count ("15" and "15人") */
    return (a->dim == JX_DIM_NONE && b->dim == JX_DIM_COUNT) ||
           (a->dim == JX_DIM_COUNT && b->dim == JX_DIM_NONE);
}

/* ---- names ------------------------------------------------------------ */

/* English name of a kind; a static string. */
const char *jx_iv_kind_name(enum jx_iv_kind k)
{
    switch (k) {
    case JX_IV_EMPTY:
        return "empty";
    case JX_IV_NUMBER:
        return "number";
    case JX_IV_DATE:
        return "date";
    case JX_IV_QUALITATIVE:
        return "qualitative";
    case JX_IV_NA:
        return "na";
    case JX_IV_UNPARSED:
        return "unparsed";
    }
    return "invalid";
}

/* English name of an operator; a static string. */
const char *jx_iv_op_name(enum jx_iv_op op)
{
    switch (op) {
    case JX_OP_NONE:
        return "none";
    case JX_OP_GE:
        return "ge";
    case JX_OP_GT:
        return "gt";
    case JX_OP_LE:
        return "le";
    case JX_OP_LT:
        return "lt";
    case JX_OP_EQ:
        return "eq";
    case JX_OP_RANGE:
        return "range";
    }
    return "invalid";
}

/* English name of a unit dimension; a static string. */
const char *jx_unit_dim_name(enum jx_unit_dim d)
{
    switch (d) {
    case JX_DIM_NONE:
        return "none";
    case JX_DIM_PERCENT:
        return "percent";
    case JX_DIM_MONEY:
        return "money";
    case JX_DIM_COUNT:
        return "count";
    case JX_DIM_TIME:
        return "time";
    case JX_DIM_AREA:
        return "area";
    case JX_DIM_OTHER:
        return "other";
    }
    return "invalid";
}

/* English name of a direction; a static string. */
const char *jx_direction_name(enum jx_direction d)
{
    switch (d) {
    case JX_DIR_UNKNOWN:
        return "unknown";
    case JX_DIR_HIGHER:
        return "higher";
    case JX_DIR_LOWER:
        return "lower";
    case JX_DIR_EXACT:
        return "exact";
    }
    return "invalid";
}
