/*
 * base_dec.c - exact numbers: money in integer 分 and exact rationals.
 *
 * No floating point and no allocation.  Every intermediate that can
 * pass 64 bits is computed in 128 bits (jx_i128 / u128) and checked
 * before it is narrowed back.
 *
 * Parsing is two-phase: lex() checks the shape of the text (spaces,
 * sign, digit groups, decimal point, suffix) and records where the
 * digits are; the value functions then walk the recorded digits.  So a
 * syntax error is always reported before a range or precision error.
 *
 * Accepted number text (both parsers):
 *   [spaces] [sign] digits [point digits] [spaces] [suffix] [spaces]
 *   [sign] point digits ...                        (".5", "-．５")
 * spaces  ASCII space, tab, CR, LF, U+00A0 and U+3000;
 * sign    "+", "-", full-width "＋" "－", and U+2212 "−";
 * digits  ASCII or full-width "０"-"９", freely mixed; the integer part
 *         may use thousands separators "," or "，" (one kind per
 *         number): the first group has 1-3 digits and does not start
 *         with 0 ("0,500" is ambiguous with a decimal comma), every
 *         later group has exactly 3;
 * point   "." or "．".  ".5" is accepted (it is unambiguous and appears
 *         in typed tables); "5." is rejected, because a trailing point
 *         usually means a digit was lost (a truncated cell).
 * suffix  money: "元", "万元", "万" (= 万元); rationals: "%", "％".
 * Leading zeros ("007") are accepted; exponents are not.
 *
 * Rationals given by callers should have den > 0.  Defensively, a
 * negative denominator is read with both signs flipped, and the
 * all-zero struct {0, 0} (a zero-initialised field) reads as 0; any
 * other zero denominator is a bug in the caller and aborts (JX_BUG).
 *
 * Functions with an out parameter set it to zero (0 分, or 0/1) on
 * failure; *errpos is written only on failure.
 */
#include "jixiao/dec.h"

#include <string.h>

/* Unsigned 128-bit intermediates. */
__extension__ typedef unsigned __int128 u128;

/* Largest and smallest int64 values as 128-bit numbers. */
#define I64MAX ((jx_i128)INT64_MAX)
#define I64MIN ((jx_i128)INT64_MIN)

/* Most decimals a rational can be parsed, rounded or formatted with. */
#define MAXSCALE 18

/* Most significant digits jx_rat_parse accepts. */
#define MAXSIG 18

/* Powers of ten 10^0 .. 10^19 (10^19 still fits in uint64_t). */
static const uint64_t pow10_tab[20] = {
    1ULL,
    10ULL,
    100ULL,
    1000ULL,
    10000ULL,
    100000ULL,
    1000000ULL,
    10000000ULL,
    100000000ULL,
    1000000000ULL,
    10000000000ULL,
    100000000000ULL,
    1000000000000ULL,
    10000000000000ULL,
    100000000000000ULL,
    1000000000000000ULL,
    10000000000000000ULL,
    100000000000000000ULL,
    1000000000000000000ULL,
    10000000000000000000ULL,
};

/* ---- result codes and units ------------------------------------------ */

/* Chinese text of a result code; a static string. */
const char *jx_numerr_zh(enum jx_numerr e)
{
    switch (e) {
    case JX_NUM_OK:
        return "正确";
    case JX_NUM_EMPTY:
        return "缺少数字";
    case JX_NUM_SYNTAX:
        return "数字格式错误";
    case JX_NUM_RANGE:
        return "数值超出范围";
    case JX_NUM_PRECISION:
        return "小数位数过多，无法精确表示";
    case JX_NUM_DIV0:
        return "除数为零";
    case JX_NUM_UNIT:
        return "此处不允许该单位";
    }
    return "未知的数字错误";
}

/* Name of a money unit; a static string ("" for an unknown value). */
const char *jx_money_unit_name(enum jx_money_unit u)
{
    switch (u) {
    case JX_YUAN:
        return "元";
    case JX_WANYUAN:
        return "万元";
    }
    return "";
}

/* Decimals of 元 or 万元 that hold 分 exactly: 2 or 6. */
static int unit_decimals(enum jx_money_unit u)
{
    return u == JX_WANYUAN ? 6 : 2;
}

/* ---- 128-bit helpers ------------------------------------------------- */

/* Greatest common divisor of two 64-bit values; gcd(0, b) == b.  When
 * one is far smaller than the other (a denominator 100 or 10^6 against
 * a large numerator, the common case) one remainder step first, which
 * the binary algorithm would otherwise take one bit at a time; then the
 * binary algorithm with its swap written as min/max (no unpredictable
 * branch: the loop's branches cost more time than its instructions). */
static uint64_t gcd64(uint64_t a, uint64_t b)
{
    if (a > b) {
        uint64_t t = a;
        a = b;
        b = t;
    }
    if (a == 0) {
        return b;
    }
    if ((b >> 8) > a) {
        b %= a;
        if (b == 0) {
            return a;
        }
    }
    int shift = __builtin_ctzll(a | b);
    a >>= __builtin_ctzll(a);
    do {
        b >>= __builtin_ctzll(b);
        uint64_t lo = a < b ? a : b;
        uint64_t hi = a < b ? b : a;
        a = lo;
        b = hi - lo;
    } while (b != 0);
    return a << shift;
}

/* Greatest common divisor of two 128-bit values: Euclid until both fit
 * in 64 bits, then gcd64. */
static u128 gcd128(u128 a, u128 b)
{
    while ((a >> 64) != 0 || (b >> 64) != 0) {
        if (b == 0) {
            return a;
        }
        u128 t = a % b;
        a = b;
        b = t;
    }
    return gcd64((uint64_t)a, (uint64_t)b);
}

/* Magnitude of a 128-bit value (well defined for every value). */
static u128 abs128(jx_i128 v)
{
    return v < 0 ? (u128)0 - (u128)v : (u128)v;
}

/* a / b for 128-bit values, with a 64-bit fast path. */
static u128 div128(u128 a, u128 b)
{
    if ((a >> 64) == 0 && (b >> 64) == 0) {
        return (uint64_t)a / (uint64_t)b;
    }
    return a / b;
}

/* a % b for 128-bit values, with a 64-bit fast path. */
static u128 mod128(u128 a, u128 b)
{
    if ((a >> 64) == 0 && (b >> 64) == 0) {
        return (uint64_t)a % (uint64_t)b;
    }
    return a % b;
}

/*
 * Reduce num/den (den != 0, any signs) into *out.  JX_NUM_RANGE when the
 * reduced value does not fit (|num| or den beyond int64); *out is 0/1
 * then.
 */
static enum jx_numerr rat_reduce(jx_i128 num, jx_i128 den, struct jx_rat *out)
{
    bool neg = (num < 0) != (den < 0);
    u128 an = abs128(num);
    u128 ad = abs128(den);
    /* a whole number (den 1), 0 and 1 are reduced already: most sums
       and parsed integers, no gcd needed */
    u128 g = ad == 1 || an <= 1 ? 1 : gcd128(an, ad);
    if (g > 1) {
        an = div128(an, g);
        ad = div128(ad, g);
    }
    if (an == 0) {
        ad = 1;
        neg = false;
    }
    if (ad > (u128)INT64_MAX ||
        an > (neg ? (u128)INT64_MAX + 1 : (u128)INT64_MAX)) {
        out->num = 0;
        out->den = 1;
        return JX_NUM_RANGE;
    }
    /* an <= 2^63 here; a negative 2^63 is INT64_MIN. */
    out->num = neg ? (int64_t)((jx_i128)0 - (jx_i128)an) : (int64_t)an;
    out->den = (int64_t)ad;
    return JX_NUM_OK;
}

/*
 * Read a caller's rational into 128-bit num and den > 0.  A negative den
 * flips both signs; {0, 0} reads as 0; another zero den is a bug.
 */
static void rat_in(struct jx_rat a, jx_i128 *num, jx_i128 *den)
{
    if (a.den == 0) {
        if (a.num != 0) {
            JX_BUG("struct jx_rat with a zero denominator");
        }
        *num = 0;
        *den = 1;
        return;
    }
    if (a.den < 0) {
        *num = -(jx_i128)a.num;
        *den = -(jx_i128)a.den;
        return;
    }
    *num = a.num;
    *den = a.den;
}

/* ---- rounding and digit output ----------------------------------------- */

/* A value split for printing: sign, integer part, `scale` decimals. */
struct fixed {
    bool neg;    /* negative and not zero after rounding */
    u128 ip;     /* integer part of the magnitude */
    uint64_t fq; /* decimals as an integer, < 10^scale */
};

/*
 * Round n/d (d > 0) to `scale` (0..18) decimals with mode and split the
 * result into sign, integer part and decimals.  |n| may be up to 2^127;
 * d must be below 2^64 so that the remainder times 10^scale fits.
 */
static struct fixed round_split(jx_i128 n, u128 d, int scale,
                                enum jx_round mode)
{
    struct fixed f;
    bool neg = n < 0;
    u128 an = abs128(n);
    uint64_t p10 = pow10_tab[scale];
    u128 q = div128(an, d);
    u128 r = mod128(an, d);
    u128 t = r * p10; /* r < d < 2^64, p10 <= 10^18: below 2^124 */
    u128 fq = div128(t, d);
    u128 fr = mod128(t, d);
    bool inc = false;
    if (fr != 0) {
        switch (mode) {
        case JX_ROUND_DOWN:
            inc = false;
            break;
        case JX_ROUND_UP:
            inc = true;
            break;
        case JX_ROUND_FLOOR:
            inc = neg;
            break;
        case JX_ROUND_CEIL:
            inc = !neg;
            break;
        case JX_ROUND_HALF_UP:
        default:
            inc = fr >= d - fr; /* 2 * fr >= d, without overflow */
            break;
        }
    }
    if (inc) {
        fq++;
        if (fq == p10) {
            fq = 0;
            q++;
        }
    }
    f.neg = neg && (q != 0 || fq != 0);
    f.ip = q;
    f.fq = (uint64_t)fq;
    return f;
}

/*
 * Write f as text into buf: "-" if negative, the integer part, and if
 * scale > 0 a point and exactly `scale` decimals, then suffix (may be
 * ""), NUL-terminated.  Returns buf (owned by the caller).  The longest
 * output is 39 + 1 + 1 + 18 + suffix bytes, within JX_NUM_BUFSZ.
 */
static char *put_fixed(struct fixed f, int scale, const char *suffix,
                       char *buf)
{
    char tmp[48];
    size_t k = 0;
    size_t o = 0;
    if (f.neg) {
        buf[o++] = '-';
    }
    u128 ip = f.ip;
    while ((ip >> 64) != 0) { /* the digits past 64 bits, in 128 */
        tmp[k++] = (char)('0' + (int)(ip % 10));
        ip /= 10;
    }
    uint64_t ip64 = (uint64_t)ip; /* the rest in one word */
    do {
        tmp[k++] = (char)('0' + (int)(ip64 % 10));
        ip64 /= 10;
    } while (ip64 != 0);
    while (k > 0) {
        buf[o++] = tmp[--k];
    }
    if (scale > 0) {
        buf[o++] = '.';
        uint64_t fq = f.fq;
        for (int i = scale - 1; i >= 0; i--) {
            buf[o + (size_t)i] = (char)('0' + (int)(fq % 10));
            fq /= 10;
        }
        o += (size_t)scale;
    }
    size_t sl = strlen(suffix);
    memcpy(buf + o, suffix, sl);
    buf[o + sl] = '\0';
    return buf;
}

/* Clamp a caller's scale into 0..18. */
static int clamp_scale(int scale)
{
    if (scale < 0) {
        return 0;
    }
    return scale > MAXSCALE ? MAXSCALE : scale;
}

/* ---- lexing ------------------------------------------------------------ */

/* Suffixes a number may carry. */
enum suffix { SUF_NONE = 0, SUF_YUAN, SUF_WAN, SUF_PCT };

/* The shape of a lexed number: where its parts are in the text. */
struct lexed {
    bool neg;           /* a minus sign was given */
    size_t int_beg;     /* integer digits (with separators) */
    size_t int_end;
    size_t frac_beg;    /* decimals (frac_beg == frac_end: none) */
    size_t frac_end;
    enum suffix suffix; /* the suffix found */
    size_t suffix_pos;  /* its offset */
    bool plain;         /* ASCII digits, no space or separator, and no
                           suffix but an ASCII "%" (lex_plain) */
};

/* If s[i..n) starts with tok, return tok's length; otherwise 0. */
static size_t match(const char *s, size_t n, size_t i, const char *tok)
{
    size_t l = strlen(tok);
    if (l <= n - i && memcmp(s + i, tok, l) == 0) {
        return l;
    }
    return 0;
}

/* Length of a space (ASCII, U+00A0, U+3000) at s[i..n), or 0. */
static size_t space_at(const char *s, size_t n, size_t i)
{
    if (i >= n) {
        return 0;
    }
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        return 1;
    }
    size_t l = match(s, n, i, "\xe3\x80\x80"); /* U+3000 */
    if (l == 0) {
        l = match(s, n, i, "\xc2\xa0"); /* U+00A0 */
    }
    return l;
}

/* Offset of the first non-space at or after i. */
static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    size_t l;
    while ((l = space_at(s, n, i)) != 0) {
        i += l;
    }
    return i;
}

/* The digit (ASCII or full-width) at s[i..n) with its length in *len,
 * or -1 when there is none. */
static int digit_at(const char *s, size_t n, size_t i, size_t *len)
{
    if (i >= n) {
        return -1;
    }
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9') {
        *len = 1;
        return c - '0';
    }
    if (c == 0xEF && n - i >= 3 && (unsigned char)s[i + 1] == 0xBC) {
        unsigned char c2 = (unsigned char)s[i + 2];
        if (c2 >= 0x90 && c2 <= 0x99) {
            *len = 3;
            return c2 - 0x90;
        }
    }
    return -1;
}

/* A thousands separator at s[i..n): 1 for ",", 2 for "，", else 0;
 * its length in *len. */
static int sep_at(const char *s, size_t n, size_t i, size_t *len)
{
    if ((*len = match(s, n, i, ",")) != 0) {
        return 1;
    }
    if ((*len = match(s, n, i, "\xef\xbc\x8c")) != 0) {
        return 2;
    }
    return 0;
}

/* Length of a decimal point ("." or "．") at s[i..n), or 0. */
static size_t point_at(const char *s, size_t n, size_t i)
{
    size_t l = match(s, n, i, ".");
    return l ? l : match(s, n, i, "\xef\xbc\x8e");
}

/* Length of a sign at s[i..n), or 0; *neg says whether it is a minus. */
static size_t sign_at(const char *s, size_t n, size_t i, bool *neg)
{
    size_t l;
    *neg = false;
    if ((l = match(s, n, i, "+")) || (l = match(s, n, i, "\xef\xbc\x8b"))) {
        return l;
    }
    if ((l = match(s, n, i, "-")) || (l = match(s, n, i, "\xef\xbc\x8d")) ||
        (l = match(s, n, i, "\xe2\x88\x92"))) {
        *neg = true;
        return l;
    }
    return 0;
}

/* The suffix at s[i..n) with its length in *len (SUF_NONE: none). */
static enum suffix suffix_at(const char *s, size_t n, size_t i, size_t *len)
{
    if ((*len = match(s, n, i, "\xe4\xb8\x87\xe5\x85\x83")) != 0) { /* 万元 */
        return SUF_WAN;
    }
    if ((*len = match(s, n, i, "\xe4\xb8\x87")) != 0) { /* 万 */
        return SUF_WAN;
    }
    if ((*len = match(s, n, i, "\xe5\x85\x83")) != 0) { /* 元 */
        return SUF_YUAN;
    }
    if ((*len = match(s, n, i, "%")) != 0 ||
        (*len = match(s, n, i, "\xef\xbc\x85")) != 0) { /* ％ */
        return SUF_PCT;
    }
    *len = 0;
    return SUF_NONE;
}

/* True when s[i..n) holds nothing but spaces and at most one suffix:
 * what is left after a sign or point without digits ("-", ".", "元"). */
static bool rest_is_empty(const char *s, size_t n, size_t i)
{
    size_t l;
    i = skip_spaces(s, n, i);
    (void)suffix_at(s, n, i, &l);
    return skip_spaces(s, n, i + l) == n;
}

/*
 * Scan the integer digits at *pos with their optional thousands
 * separators; advance *pos past them and count the digits in *count.
 * JX_NUM_SYNTAX with *errpos for a misplaced separator or a group of the
 * wrong size.
 */
static enum jx_numerr lex_int(const char *s, size_t n, size_t *pos,
                              size_t *count, size_t *errpos)
{
    size_t i = *pos;
    size_t cnt = 0;
    size_t group = 0;    /* digits in the current group */
    bool grouped = false; /* a separator has been seen */
    bool lead0 = false;  /* the first digit is 0 */
    int kind = 0;        /* separator kind in use */
    for (;;) {
        size_t l;
        int d = digit_at(s, n, i, &l);
        if (d >= 0) {
            if (cnt == 0 && d == 0) {
                lead0 = true;
            }
            if (grouped && group == 3) {
                *errpos = i; /* a fourth digit in a group: "1,0000" */
                return JX_NUM_SYNTAX;
            }
            group++;
            cnt++;
            i += l;
            continue;
        }
        int k = sep_at(s, n, i, &l);
        if (k == 0 || cnt == 0) {
            break; /* a separator before any digit is left to the caller */
        }
        if ((!grouped && (group > 3 || lead0)) || (grouped && group != 3) ||
            (kind != 0 && k != kind)) {
            *errpos = i;
            return JX_NUM_SYNTAX;
        }
        kind = k;
        grouped = true;
        group = 0;
        i += l;
    }
    if (grouped && group != 3) {
        *errpos = i; /* a short last group: "1,2" or "1," */
        return JX_NUM_SYNTAX;
    }
    *pos = i;
    *count = cnt;
    return JX_NUM_OK;
}

/*
 * The usual shape, recorded in *lx as lex() would (and lx->plain set):
 * [-]digits[.digits][%], ASCII only, with no space or separator and no
 * suffix but a "%" right after the digits ("1234.56", "-3", "48.65%").
 * Returns false, with *lx undefined, for any other text (lex() then
 * reads it the long way).
 */
static bool lex_plain(const char *s, size_t n, struct lexed *lx)
{
    size_t i = 0;
    bool neg = n > 0 && s[0] == '-';
    if (neg) {
        i = 1;
    }
    size_t ib = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        i++;
    }
    size_t ie = i;
    if (ie == ib) {
        return false;
    }
    size_t fb = ie, fe = ie;
    if (i < n && s[i] == '.') {
        fb = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        fe = i;
        if (fe == fb) {
            return false; /* "5.": the long way names the error */
        }
    }
    size_t sp = i;
    enum suffix suf = SUF_NONE;
    if (i + 1 == n && s[i] == '%') {
        suf = SUF_PCT;
        i = n;
    }
    if (i != n) {
        return false;
    }
    memset(lx, 0, sizeof *lx);
    lx->neg = neg;
    lx->int_beg = ib;
    lx->int_end = ie;
    lx->frac_beg = fb;
    lx->frac_end = fe;
    lx->suffix = suf;
    lx->suffix_pos = sp;
    lx->plain = true;
    return true;
}

/* The end of a plain lexed number's decimals without their trailing
 * zeros (lx->frac_beg when none is left). */
static size_t plain_frac_end(const char *s, const struct lexed *lx)
{
    size_t fe = lx->frac_end;
    while (fe > lx->frac_beg && s[fe - 1] == '0') {
        fe--;
    }
    return fe;
}

/* The value of the ASCII digits s[b..e) (at most 19 of them). */
static uint64_t plain_value(const char *s, size_t b, size_t e)
{
    uint64_t v = 0;
    for (size_t i = b; i < e; i++) {
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    return v;
}

/*
 * Check the shape of s[0..n) and record its parts in *lx.  Returns
 * JX_NUM_OK, JX_NUM_EMPTY (no digits: "", "-", ".", "元") or
 * JX_NUM_SYNTAX, with *errpos set on failure.
 */
static enum jx_numerr lex(const char *s, size_t n, struct lexed *lx,
                          size_t *errpos)
{
    if (lex_plain(s, n, lx)) {
        return JX_NUM_OK;
    }
    size_t i = skip_spaces(s, n, 0);
    size_t nint = 0;
    size_t l;
    memset(lx, 0, sizeof *lx);
    i += sign_at(s, n, i, &lx->neg);
    size_t body = i;
    lx->int_beg = i;
    enum jx_numerr e = lex_int(s, n, &i, &nint, errpos);
    if (e != JX_NUM_OK) {
        return e;
    }
    lx->int_end = i;
    lx->frac_beg = lx->frac_end = i;
    if ((l = point_at(s, n, i)) != 0) {
        size_t ppos = i;
        i += l;
        lx->frac_beg = i;
        while (digit_at(s, n, i, &l) >= 0) {
            i += l;
        }
        lx->frac_end = i;
        if (lx->frac_end == lx->frac_beg) {
            if (nint == 0 && rest_is_empty(s, n, i)) {
                *errpos = body; /* "." or "-." */
                return JX_NUM_EMPTY;
            }
            *errpos = nint == 0 ? i : ppos; /* ".x", or "5." */
            return JX_NUM_SYNTAX;
        }
    } else if (nint == 0) {
        *errpos = i;
        return rest_is_empty(s, n, i) ? JX_NUM_EMPTY : JX_NUM_SYNTAX;
    }
    i = skip_spaces(s, n, i);
    lx->suffix_pos = i;
    lx->suffix = suffix_at(s, n, i, &l);
    i = skip_spaces(s, n, i + l);
    if (i != n) {
        *errpos = i;
        return JX_NUM_SYNTAX;
    }
    return JX_NUM_OK;
}

/* The digit at s[*i] (which must be a digit or a separator inside a
 * lexed span): skip a separator, return the digit, advance *i. */
static int next_digit(const char *s, size_t end, size_t *i)
{
    size_t l;
    int d = digit_at(s, end, *i, &l);
    if (d < 0) {
        (void)sep_at(s, end, *i, &l);
        *i += l;
        d = digit_at(s, end, *i, &l);
    }
    *i += l;
    return d;
}

/*
 * Number of decimals of a lexed number without its trailing zeros, and
 * the offset of the digit number `nth` (1-based; used for the error
 * position of a precision error) in *nth_pos (the span's end if there
 * are fewer digits).
 */
static size_t frac_len(const char *s, const struct lexed *lx, size_t nth,
                       size_t *nth_pos)
{
    size_t i = lx->frac_beg;
    size_t j = 0;
    size_t k = 0;
    *nth_pos = lx->frac_end;
    while (i < lx->frac_end) {
        size_t at = i;
        int d = next_digit(s, lx->frac_end, &i);
        j++;
        if (j == nth) {
            *nth_pos = at;
        }
        if (d != 0) {
            k = j;
        }
    }
    return k;
}

/* ---- money ------------------------------------------------------------- */

/*
 * The value in 分 of a plain lexed number (lx->plain, no suffix) with u
 * decimals to the unit, into *fen: the common case read in one walk of
 * its digits.  False, with *fen untouched, when it has more than 18
 * integer digits, more than u decimals that are not trailing zeros, or
 * its value does not fit: the general path then reads it and reports
 * the error exactly as before.
 */
static bool plain_money(const char *s, const struct lexed *lx, int u,
                        int64_t *fen)
{
    size_t fe = plain_frac_end(s, lx);
    size_t k = fe - lx->frac_beg;
    if (k > (size_t)u || lx->int_end - lx->int_beg > 18) {
        return false;
    }
    uint64_t ip = plain_value(s, lx->int_beg, lx->int_end); /* < 10^18 */
    uint64_t fp = plain_value(s, lx->frac_beg, fe) * pow10_tab[(size_t)u - k];
    jx_i128 v = (jx_i128)ip * (jx_i128)pow10_tab[u] + (jx_i128)fp;
    if (lx->neg) {
        v = -v;
    }
    if (v > I64MAX || v < I64MIN) {
        return false;
    }
    *fen = (int64_t)v;
    return true;
}

/* Parse money: see dec.h and the grammar at the top of this file. */
enum jx_numerr jx_money_parse(const char *s, size_t n,
                              enum jx_money_unit unit, struct jx_money *out,
                              size_t *errpos)
{
    struct lexed lx;
    size_t ep = 0;
    out->fen = 0;
    if (s == NULL) {
        n = 0;
        s = "";
    }
    enum jx_numerr e = lex(s, n, &lx, &ep);
    if (e == JX_NUM_OK && lx.plain && lx.suffix == SUF_NONE &&
        plain_money(s, &lx, unit_decimals(unit), &out->fen)) {
        return JX_NUM_OK;
    }
    if (e == JX_NUM_OK) {
        if (lx.suffix == SUF_PCT) {
            e = JX_NUM_UNIT;
            ep = lx.suffix_pos;
        } else if (lx.suffix == SUF_YUAN) {
            unit = JX_YUAN;
        } else if (lx.suffix == SUF_WAN) {
            unit = JX_WANYUAN;
        }
    }
    int u = unit_decimals(unit);
    size_t k = 0;
    if (e == JX_NUM_OK) {
        size_t over;
        k = frac_len(s, &lx, (size_t)u + 1, &over);
        if (k > (size_t)u) {
            e = JX_NUM_PRECISION; /* never round silently */
            ep = over;
        }
    }
    if (e == JX_NUM_OK) {
        jx_i128 ip = 0;
        size_t i = lx.int_beg;
        while (i < lx.int_end && ip <= I64MAX) {
            ip = ip * 10 + next_digit(s, lx.int_end, &i);
        }
        jx_i128 fp = 0;
        i = lx.frac_beg;
        for (size_t j = 0; j < k; j++) {
            fp = fp * 10 + next_digit(s, lx.frac_end, &i);
        }
        fp *= (jx_i128)pow10_tab[(size_t)u - k];
        jx_i128 v = 0;
        if (ip <= I64MAX) {
            v = ip * (jx_i128)pow10_tab[u] + fp;
            if (lx.neg) {
                v = -v;
            }
        }
        if (ip > I64MAX || v > I64MAX || v < I64MIN) {
            e = JX_NUM_RANGE;
            ep = lx.int_beg;
        } else {
            out->fen = (int64_t)v;
        }
    }
    if (e != JX_NUM_OK && errpos) {
        *errpos = ep;
    }
    return e;
}

/* Checked a + b into *out (0 on overflow). */
enum jx_numerr jx_money_add(struct jx_money a, struct jx_money b,
                            struct jx_money *out)
{
    int64_t r;
    if (__builtin_add_overflow(a.fen, b.fen, &r)) {
        out->fen = 0;
        return JX_NUM_RANGE;
    }
    out->fen = r;
    return JX_NUM_OK;
}

/* Checked a - b into *out (0 on overflow). */
enum jx_numerr jx_money_sub(struct jx_money a, struct jx_money b,
                            struct jx_money *out)
{
    int64_t r;
    if (__builtin_sub_overflow(a.fen, b.fen, &r)) {
        out->fen = 0;
        return JX_NUM_RANGE;
    }
    out->fen = r;
    return JX_NUM_OK;
}

/* Compare two amounts: -1, 0 or 1. */
int jx_money_cmp(struct jx_money a, struct jx_money b)
{
    return (a.fen > b.fen) - (a.fen < b.fen);
}

/* Format money in unit at `scale` decimals (clamped to 0..18; more than
 * the unit holds prints exact zeros) rounding with mode.  Returns buf,
 * which the caller owns (JX_NUM_BUFSZ bytes). */
char *jx_money_format(struct jx_money m, enum jx_money_unit unit, int scale,
                      enum jx_round mode, char *buf)
{
    scale = clamp_scale(scale);
    struct fixed f = round_split(m.fen, pow10_tab[unit_decimals(unit)],
                                 scale, mode);
    return put_fixed(f, scale, "", buf);
}

/* Format money exactly with the fewest decimals >= 2.  Returns buf,
 * which the caller owns. */
char *jx_money_format_exact(struct jx_money m, enum jx_money_unit unit,
                            char *buf)
{
    int u = unit_decimals(unit);
    int scale = u;
    int64_t v = m.fen;
    while (scale > 2 && v % 10 == 0) {
        v /= 10;
        scale--;
    }
    return jx_money_format(m, unit, scale, JX_ROUND_DOWN, buf);
}

/* ---- rationals ----------------------------------------------------------- */

/* The rational n/1. */
struct jx_rat jx_rat_int(int64_t n)
{
    struct jx_rat r = {n, 1};
    return r;
}

/* num/den reduced into *out; JX_NUM_DIV0 for den == 0, JX_NUM_RANGE for
 * INT64_MIN/-1. */
enum jx_numerr jx_rat_make(int64_t num, int64_t den, struct jx_rat *out)
{
    if (den == 0) {
        out->num = 0;
        out->den = 1;
        return JX_NUM_DIV0;
    }
    return rat_reduce(num, den, out);
}

/* a/b of two amounts into *out; JX_NUM_DIV0 when b is zero. */
enum jx_numerr jx_rat_money_div(struct jx_money a, struct jx_money b,
                                struct jx_rat *out)
{
    return jx_rat_make(a.fen, b.fen, out);
}

/* An amount as a number of 元: fen/100 reduced (cannot fail). */
struct jx_rat jx_rat_from_money_yuan(struct jx_money m)
{
    struct jx_rat r;
    (void)rat_reduce(m.fen, 100, &r);
    return r;
}

/* Checked a + b, reduced, into *out. */
enum jx_numerr jx_rat_add(struct jx_rat a, struct jx_rat b,
                          struct jx_rat *out)
{
    jx_i128 an, ad, bn, bd;
    rat_in(a, &an, &ad);
    rat_in(b, &bn, &bd);
    if (ad == bd) {
        return rat_reduce(an + bn, ad, out);
    }
    jx_i128 g = (jx_i128)gcd128((u128)ad, (u128)bd);
    jx_i128 ad1 = ad / g, bd1 = bd / g;
    /* each product is below 2^126 in magnitude, so the sum fits */
    return rat_reduce(an * bd1 + bn * ad1, ad * bd1, out);
}

/* Checked a - b, reduced, into *out. */
enum jx_numerr jx_rat_sub(struct jx_rat a, struct jx_rat b,
                          struct jx_rat *out)
{
    jx_i128 an, ad, bn, bd;
    rat_in(a, &an, &ad);
    rat_in(b, &bn, &bd);
    if (ad == bd) {
        return rat_reduce(an - bn, ad, out);
    }
    jx_i128 g = (jx_i128)gcd128((u128)ad, (u128)bd);
    jx_i128 ad1 = ad / g, bd1 = bd / g;
    return rat_reduce(an * bd1 - bn * ad1, ad * bd1, out);
}

/* Checked a * b, reduced, into *out. */
enum jx_numerr jx_rat_mul(struct jx_rat a, struct jx_rat b,
                          struct jx_rat *out)
{
    jx_i128 an, ad, bn, bd;
    rat_in(a, &an, &ad);
    rat_in(b, &bn, &bd);
    return rat_reduce(an * bn, ad * bd, out);
}

/* Checked a / b, reduced, into *out; JX_NUM_DIV0 when b is zero. */
enum jx_numerr jx_rat_div(struct jx_rat a, struct jx_rat b,
                          struct jx_rat *out)
{
    jx_i128 an, ad, bn, bd;
    rat_in(a, &an, &ad);
    rat_in(b, &bn, &bd);
    if (bn == 0) {
        out->num = 0;
        out->den = 1;
        return JX_NUM_DIV0;
    }
    return rat_reduce(an * bd, ad * bn, out);
}

/* Exact comparison: -1, 0 or 1. */
int jx_rat_cmp(struct jx_rat a, struct jx_rat b)
{
    jx_i128 an, ad, bn, bd;
    rat_in(a, &an, &ad);
    rat_in(b, &bn, &bd);
    jx_i128 x = an * bd, y = bn * ad;
    return (x > y) - (x < y);
}

/* Sign of a: -1, 0 or 1. */
int jx_rat_sign(struct jx_rat a)
{
    jx_i128 n, d;
    rat_in(a, &n, &d);
    return (n > 0) - (n < 0);
}

/* The smaller of a and b (a when equal). */
struct jx_rat jx_rat_min(struct jx_rat a, struct jx_rat b)
{
    return jx_rat_cmp(b, a) < 0 ? b : a;
}

/* The larger of a and b (a when equal). */
struct jx_rat jx_rat_max(struct jx_rat a, struct jx_rat b)
{
    return jx_rat_cmp(b, a) > 0 ? b : a;
}

/* True when a is a whole number. */
bool jx_rat_is_int(struct jx_rat a)
{
    jx_i128 n, d;
    rat_in(a, &n, &d);
    return n % d == 0;
}

/* Round a to `scale` decimals with mode into *out (reduced; its
 * denominator divides 10^scale).  JX_NUM_RANGE for a scale outside
 * 0..18 or a result that does not fit. */
enum jx_numerr jx_rat_round(struct jx_rat a, int scale, enum jx_round mode,
                            struct jx_rat *out)
{
    if (scale < 0 || scale > MAXSCALE) {
        out->num = 0;
        out->den = 1;
        return JX_NUM_RANGE;
    }
    jx_i128 n, d;
    rat_in(a, &n, &d);
    struct fixed f = round_split(n, (u128)d, scale, mode);
    uint64_t p10 = pow10_tab[scale];
    /* ip <= 2^63 and p10 <= 10^18: the magnitude stays below 2^124 */
    jx_i128 v = (jx_i128)(f.ip * p10 + f.fq);
    return rat_reduce(f.neg ? -v : v, (jx_i128)p10, out);
}

/* v / 10^e (v < 10^18, e <= 18), negated if neg, in lowest terms into
 * *out: the only common factors are 2s and 5s, taken out by counting
 * instead of by a gcd. */
static void plain_reduce(uint64_t v, size_t e, bool neg, struct jx_rat *out)
{
    if (v == 0) {
        out->num = 0;
        out->den = 1;
        return;
    }
    size_t twos = (size_t)__builtin_ctzll(v);
    if (twos > e) {
        twos = e;
    }
    v >>= twos;
    uint64_t den = pow10_tab[e] >> twos;
    for (size_t fives = 0; fives < e && v % 5 == 0; fives++) {
        v /= 5;
        den /= 5;
    }
    out->num = neg ? -(int64_t)v : (int64_t)v;
    out->den = (int64_t)den;
}

/* Parse a decimal number: see dec.h and the grammar at the top of this
 * file.  At most 18 significant digits and 18 decimals (16 before a
 * "%", whose value then has up to 18). */
enum jx_numerr jx_rat_parse(const char *s, size_t n, struct jx_rat *out,
                            bool *percent, size_t *errpos)
{
    struct lexed lx;
    size_t ep = 0;
    out->num = 0;
    out->den = 1;
    if (percent) {
        *percent = false;
    }
    if (s == NULL) {
        n = 0;
        s = "";
    }
    enum jx_numerr e = lex(s, n, &lx, &ep);
    bool pct = false;
    if (e == JX_NUM_OK && lx.suffix != SUF_NONE) {
        if (lx.suffix == SUF_PCT && percent != NULL) {
            pct = true;
        } else {
            e = JX_NUM_UNIT;
            ep = lx.suffix_pos;
        }
    }
    if (e == JX_NUM_OK && lx.plain) {
        /* the common case, when no digit limit can be reached: at most
           18 digits in all, and as many decimals as allowed */
        size_t fe = plain_frac_end(s, &lx);
        size_t k = fe - lx.frac_beg;
        if (k <= (pct ? MAXSCALE - 2 : MAXSCALE) &&
            lx.int_end - lx.int_beg + k <= MAXSIG) {
            uint64_t v = plain_value(s, lx.int_beg, lx.int_end) * pow10_tab[k] +
                         plain_value(s, lx.frac_beg, fe);
            plain_reduce(v, k + (pct ? 2 : 0), lx.neg, out);
            if (percent) {
                *percent = pct;
            }
            return JX_NUM_OK;
        }
    }
    uint64_t ip = 0;
    size_t isig = 0;
    if (e == JX_NUM_OK) {
        size_t i = lx.int_beg;
        while (i < lx.int_end) {
            int d = next_digit(s, lx.int_end, &i);
            if (isig == 0 && d == 0) {
                continue;
            }
            if (++isig > MAXSIG) {
                e = JX_NUM_RANGE;
                ep = lx.int_beg;
                break;
            }
            ip = ip * 10 + (uint64_t)d;
        }
    }
    uint64_t fp = 0;
    size_t k = 0;
    if (e == JX_NUM_OK) {
        size_t maxfrac = pct ? MAXSCALE - 2 : MAXSCALE;
        size_t dummy;
        k = frac_len(s, &lx, 0, &dummy);
        size_t sig = isig;
        size_t i = lx.frac_beg;
        for (size_t j = 1; j <= k; j++) {
            size_t at = i;
            int d = next_digit(s, lx.frac_end, &i);
            if (sig > 0 || d != 0) {
                sig++;
            }
            if (j > maxfrac || sig > MAXSIG) {
                e = JX_NUM_PRECISION;
                ep = at;
                break;
            }
            fp = fp * 10 + (uint64_t)d;
        }
    }
    if (e == JX_NUM_OK) {
        /* fewer than 19 significant digits: the numerator is < 10^18 */
        jx_i128 num = (jx_i128)(ip * pow10_tab[k] + fp);
        jx_i128 den = (jx_i128)pow10_tab[k + (pct ? 2 : 0)];
        e = rat_reduce(lx.neg ? -num : num, den, out);
        if (percent) {
            *percent = pct;
        }
    }
    if (e != JX_NUM_OK && errpos) {
        *errpos = ep;
    }
    return e;
}

/* Format a rounded to `scale` decimals (clamped to 0..18), as a
 * percentage if asked.  Returns buf, which the caller owns. */
char *jx_rat_format(struct jx_rat a, int scale, bool percent,
                    enum jx_round mode, char *buf)
{
    jx_i128 n, d;
    rat_in(a, &n, &d);
    scale = clamp_scale(scale);
    struct fixed f = round_split(percent ? n * 100 : n, (u128)d, scale, mode);
    return put_fixed(f, scale, percent ? "%" : "", buf);
}

/* The fewest decimals that write n/d (d > 0) exactly, or -1 when it
 * has no finite expansion within MAXSCALE decimals.  A reduced
 * denominator of 64 bits (the usual) is factored in 64-bit words. */
static int exact_scale(jx_i128 n, jx_i128 d)
{
    u128 g = gcd128(abs128(n), (u128)d);
    u128 rd = div128((u128)d, g);
    int twos = 0, fives = 0;
    if ((rd >> 64) == 0) {
        uint64_t r = (uint64_t)rd;
        twos = __builtin_ctzll(r); /* r >= 1 */
        r >>= twos;
        while (r % 5 == 0) {
            r /= 5;
            fives++;
        }
        rd = r;
    } else {
        while (rd % 2 == 0) {
            rd /= 2;
            twos++;
        }
        while (rd % 5 == 0) {
            rd /= 5;
            fives++;
        }
    }
    int scale = twos > fives ? twos : fives;
    if (rd != 1 || scale > MAXSCALE) {
        return -1;
    }
    return scale;
}

/* Format a exactly with the fewest decimals, as a percentage if asked;
 * NULL when that needs more than 18 decimals or never ends.  Returns buf
 * (owned by the caller) or NULL. */
char *jx_rat_format_exact(struct jx_rat a, bool percent, char *buf)
{
    jx_i128 n, d;
    rat_in(a, &n, &d);
    if (percent) {
        n *= 100;
    }
    int scale = exact_scale(n, d);
    if (scale < 0) {
        return NULL;
    }
    struct fixed f = round_split(n, (u128)d, scale, JX_ROUND_DOWN);
    return put_fixed(f, scale, percent ? "%" : "", buf);
}

/* Decimals of jx_rat_format_exact's text; see dec.h. */
int jx_rat_exact_decimals(struct jx_rat a, bool percent)
{
    jx_i128 n, d;
    rat_in(a, &n, &d);
    if (percent) {
        n *= 100;
    }
    return exact_scale(n, d);
}

/* a + b, or 0 with k->bad set. */
struct jx_rat jx_calc_add(struct jx_calc *k, struct jx_rat a, struct jx_rat b)
{
    struct jx_rat r = jx_rat_int(0);
    if (!k->bad && jx_rat_add(a, b, &r) != JX_NUM_OK) {
        k->bad = true;
        r = jx_rat_int(0);
    }
    return r;
}

/* a − b, or 0 with k->bad set. */
struct jx_rat jx_calc_sub(struct jx_calc *k, struct jx_rat a, struct jx_rat b)
{
    struct jx_rat r = jx_rat_int(0);
    if (!k->bad && jx_rat_sub(a, b, &r) != JX_NUM_OK) {
        k->bad = true;
        r = jx_rat_int(0);
    }
    return r;
}

/* a × b, or 0 with k->bad set. */
struct jx_rat jx_calc_mul(struct jx_calc *k, struct jx_rat a, struct jx_rat b)
{
    struct jx_rat r = jx_rat_int(0);
    if (!k->bad && jx_rat_mul(a, b, &r) != JX_NUM_OK) {
        k->bad = true;
        r = jx_rat_int(0);
    }
    return r;
}

/* a / b, or 0 with k->bad set. */
struct jx_rat jx_calc_div(struct jx_calc *k, struct jx_rat a, struct jx_rat b)
{
    struct jx_rat r = jx_rat_int(0);
    if (!k->bad && jx_rat_div(a, b, &r) != JX_NUM_OK) {
        k->bad = true;
        r = jx_rat_int(0);
    }
    return r;
}

/* a rounded half-up at scale decimals, or 0 with k->bad set. */
struct jx_rat jx_calc_round(struct jx_calc *k, struct jx_rat a, int scale)
{
    struct jx_rat r = jx_rat_int(0);
    if (!k->bad && jx_rat_round(a, scale, JX_ROUND_HALF_UP, &r) != JX_NUM_OK) {
        k->bad = true;
        r = jx_rat_int(0);
    }
    return r;
}
