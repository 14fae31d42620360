/*
 * model_facts.c - the figures of a report's prose (facts.h): every
 * amount in 万元 or 元, every percentage, every headcount, every count
 * of things and every score, with the words before it, its sentence,
 * the scope words of the sentence, the report section and line:col.
 *
 * A figure is a run of digits (with "," groups and a decimal point,
 * ASCII or full-width) not glued to a letter or another number, then
 * optional blanks and a unit: 万元, 元, %, 人 (not 人次), 名, 个 after
 * words about staffing (编制, 人员), or 万 alone (read as 万元) ending a
 * phrase after words about money (资金, 经费, 预算 ...).  A count is a
 * number (digits, or Chinese numerals such as 十, 两) and a classifier
 * (个 项 家 所 座 处) with a known noun right after it ("12个科室",
 * "6个二级单位") or ending the words before it ("直属事业单位10个");
 * a score is "N分" after 得分/评分/总分.  Numbers without a unit
 * (years, phone numbers, list numbers, 〔2020〕10号) are not facts.
 * A percentage with OCR confusables (O for 0, I or l for 1: "IO0%")
 * is read only when stated amounts confirm it, else refused.
 */
#include "jixiao/facts.h"

#include <stdlib.h>
#include <string.h>

#include "model/model_text.h"

/* English names of the kinds. */
const char *jx_fact_kind_name(enum jx_fact_kind k)
{
    switch (k) {
    case JX_FACT_MONEY:
        return "money";
    case JX_FACT_PERCENT:
        return "percent";
    case JX_FACT_HEADCOUNT:
        return "headcount";
    case JX_FACT_COUNT:
        return "count";
    case JX_FACT_SCORE:
        return "score";
    }
    return "unknown";
}

/* Scope words: the bit and the words that set it. */
static const struct {
    uint32_t bit;
    const char *zh;        /* the name shown */
    const char *words[3];  /* words that set the bit */
} scopes[] = {
    {JX_SCOPE_GENERAL_BUDGET, "一般公共预算", {"一般公共预算", NULL, NULL}},
    {JX_SCOPE_GOV_FUND, "政府性基金", {"政府性基金", NULL, NULL}},
    {JX_SCOPE_STATE_CAPITAL, "国有资本经营", {"国有资本经营", NULL, NULL}},
    {JX_SCOPE_SOCIAL_INSURANCE, "社会保险基金", {"社会保险基金", NULL, NULL}},
    {JX_SCOPE_BASIC, "基本支出", {"基本支出", NULL, NULL}},
    {JX_SCOPE_PROJECT, "项目支出", {"项目支出", NULL, NULL}},
    {JX_SCOPE_PERSONNEL, "人员经费", {"人员经费", NULL, NULL}},
    {JX_SCOPE_PUBLIC, "公用经费", {"公用经费", "商品和服务支出", NULL}},
    {JX_SCOPE_THREE_PUBLIC, "三公经费", {"三公", NULL, NULL}},
    {JX_SCOPE_FULL_BUDGET, "全年预算", {"全年预算", NULL, NULL}},
    {JX_SCOPE_INITIAL_BUDGET, "年初预算", {"年初预算", NULL, NULL}},
    {JX_SCOPE_ADJUSTED, "调整", {"调整", NULL, NULL}},
    {JX_SCOPE_BUDGET, "预算", {"预算", NULL, NULL}},
    {JX_SCOPE_FINAL, "决算", {"决算", NULL, NULL}},
    {JX_SCOPE_ACTUAL, "实际支出", {"实际支出", "执行", "实际完成"}},
    {JX_SCOPE_INCOME, "收入", {"收入", NULL, NULL}},
    {JX_SCOPE_SPENDING, "支出", {"支出", NULL, NULL}},
    {JX_SCOPE_FISCAL, "财政拨款", {"财政拨款", "财政预算拨款", NULL}},
    {JX_SCOPE_PROCUREMENT, "政府采购", {"政府采购", NULL, NULL}},
    {JX_SCOPE_STAFF, "编制", {"编制", "在职", "在编"}},
};

/* The Chinese word of one scope bit. */
const char *jx_scope_zh(unsigned bit)
{
    for (size_t k = 0; k < sizeof scopes / sizeof scopes[0]; k++) {
        if (scopes[k].bit == bit) {
            return scopes[k].zh;
        }
    }
    return NULL;
}

/* The scope bit whose Chinese name is zh, or 0 (facts.h). */
uint32_t jx_scope_of_zh(const char *zh)
{
    for (size_t k = 0; k < sizeof scopes / sizeof scopes[0]; k++) {
        if (strcmp(scopes[k].zh, zh) == 0) {
            return scopes[k].bit;
        }
    }
    return 0;
}

/* Words of a money label and what they make it measure. */
static const struct {
    const char *word;
    const char *measure;
} measure_words[] = {
    {"预算", "budget"},    {"批复", "budget"},    {"安排", "budget"},
    {"下达", "budget"},    {"年初", "budget"},    {"计划", "budget"},
    {"执行", "executed"},  {"支出", "executed"},  {"支付", "executed"},
    {"决算", "executed"},  {"使用", "executed"},  {"完成", "executed"},
    {"拨付", "executed"},  {"收入", "income"},    {"到位", "income"},
    {"拨款", "income"},
};

/* What a figure measures: the last measure word of its label
 * (facts.h). */
const char *jx_fact_measure(const struct jx_fact *f)
{
    if (f->kind == JX_FACT_PERCENT) {
        return "rate";
    }
    if (f->kind == JX_FACT_HEADCOUNT || f->kind == JX_FACT_COUNT) {
        return "count";
    }
    if (f->kind == JX_FACT_SCORE) {
        return "score";
    }
    const char *best = "amount";
    const char *label = f->label ? f->label : "";
    size_t best_end = 0;
    for (size_t k = 0; k < sizeof measure_words / sizeof measure_words[0];
         k++) {
        size_t m = strlen(measure_words[k].word);
        for (const char *p = strstr(label, measure_words[k].word); p;
             p = strstr(p + m, measure_words[k].word)) {
            size_t end = (size_t)(p - label) + m;
            if (end > best_end) {
                best_end = end;
                best = measure_words[k].measure;
            }
        }
    }
    return best;
}

/* The units a figure may be written in, with their kinds. */
static const struct {
    const char *word;
    enum jx_fact_kind kind;
} unit_words[] = {
    {"万元", JX_FACT_MONEY},    {"元", JX_FACT_MONEY},
    {"%", JX_FACT_PERCENT},     {"人", JX_FACT_HEADCOUNT},
    {"名", JX_FACT_HEADCOUNT},  {"个", JX_FACT_HEADCOUNT},
    {"个", JX_FACT_COUNT},      {"项", JX_FACT_COUNT},
    {"家", JX_FACT_COUNT},      {"所", JX_FACT_COUNT},
    {"座", JX_FACT_COUNT},      {"处", JX_FACT_COUNT},
    {"分", JX_FACT_SCORE},
};

/* The kind of a unit word (facts.h). */
bool jx_fact_unit_kind(const char *unit_word, enum jx_fact_kind *kind)
{
    for (size_t k = 0; k < sizeof unit_words / sizeof unit_words[0]; k++) {
        if (strcmp(unit_words[k].word, unit_word) == 0) {
            *kind = unit_words[k].kind;
            return true;
        }
    }
    return false;
}

/* True when unit_word fits kind (facts.h). */
bool jx_fact_unit_fits(enum jx_fact_kind kind, const char *unit_word)
{
    for (size_t k = 0; k < sizeof unit_words / sizeof unit_words[0]; k++) {
        if (unit_words[k].kind == kind &&
            strcmp(unit_words[k].word, unit_word) == 0) {
            return true;
        }
    }
    return false;
}

/* The facts the checks compare: no counts, no scores (facts.h). */
const struct jx_facts *jx_facts_measured(struct jx_arena *arena,
                                         const struct jx_facts *fs)
{
    size_t keep = 0;
    for (size_t i = 0; i < fs->n; i++) {
        keep += fs->a[i].kind <= JX_FACT_HEADCOUNT;
    }
    if (keep == fs->n) {
        return fs;
    }
    struct jx_facts *r = jx_alloc(arena, sizeof *r);
    for (size_t i = 0; i < fs->n; i++) {
        if (fs->a[i].kind <= JX_FACT_HEADCOUNT) {
            *jx_facts_add(arena, r) = fs->a[i];
        }
    }
    r->refused = fs->refused;
    r->nrefused = fs->nrefused;
    r->caprefused = fs->caprefused;
    return r;
}

static bool blank_cp(int32_t cp);

/* The first three bytes of word w packed into one integer (every scope
 * word starts with a three-byte UTF-8 character). */
static uint32_t head3(const char *w)
{
    return (uint32_t)(unsigned char)w[0] << 16 |
           (uint32_t)(unsigned char)w[1] << 8 | (unsigned char)w[2];
}

/* Every scope word, numbered w = 3 * scope + word. */
enum { SCOPE_WORDS = 3 * sizeof scopes / sizeof scopes[0] };

/* The scope words by their second byte: by[c] has bit w for each word w
 * whose second byte ends in the six bits c.  Built once per text by
 * scope_match_init (the caller's, on its stack). */
struct scope_match {
    uint64_t by[64];
};

/* Fill sm from the scopes table. */
static void scope_match_init(struct scope_match *sm)
{
    _Static_assert(SCOPE_WORDS <= 64, "one mask holds every scope word");
    memset(sm, 0, sizeof *sm);
    for (size_t w = 0; w < SCOPE_WORDS; w++) {
        const char *word = scopes[w / 3].words[w % 3];
        if (word) {
            sm->by[(unsigned char)word[1] & 0x3F] |= (uint64_t)1 << w;
        }
    }
}

/* The length in bytes of the blank (space, tab, CR, LF, U+3000 or
 * U+00A0) at s[i] of s[0..n), or 0 when s[i] starts no blank.  The
 * blanks are told by their bytes: neither lead byte 0xE3 0x80 0x80 nor
 * 0xC2 0xA0 can sit inside another UTF-8 sequence, so this is what
 * decoding character by character would find. */
static size_t blank_at_slow(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        return 1;
    }
    if (c == 0xE3 && n - i >= 3 && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) {
        return 3;
    }
    if (c == 0xC2 && n - i >= 2 && (unsigned char)s[i + 1] == 0xA0) {
        return 2;
    }
    return 0;
}

/* blank_at without a call for the usual byte: one above the blank
 * ASCII bytes that is neither lead byte of a blank (0xE3 of U+3000,
 * 0xC2 of U+00A0) starts none. */
static inline size_t blank_at(const char *s, size_t i, size_t n)
{
    unsigned char c = (unsigned char)s[i];
    if (c > ' ' && c != 0xE3 && c != 0xC2) {
        return 0;
    }
    return blank_at_slow(s, i, n);
}

/* The scope bits of the words in s[0..n) (up to a NUL), white space
 * ignored: the same as a strstr of every scope word in the compacted
 * text, in one pass that compares a word only where its first two
 * bytes may stand (sm: scope_match_init'd).  A text without blanks is
 * matched in place; else the compacted copy lives on the stack when
 * short, or in a scratch block freed here (a is unused: nothing stays
 * in an arena). */
static uint32_t scope_bits(struct jx_arena *a, const struct scope_match *sm,
                           const char *s, size_t n)
{
    (void)a;
    char stack[512];
    n = strnlen(s, n);
    /* the first blank; a text without any (a tidied label, most
       sentences) is matched where it is, without the copy */
    size_t first = 0;
    while (first < n && blank_at(s, first, n) == 0) {
        first++;
    }
    char *k = first == n ? NULL : n < sizeof stack ? stack
                                                   : jx_xmalloc(n + 1);
    size_t m = first;
    if (k) {
        memcpy(k, s, first);
    }
    for (size_t i = first; k && i < n;) {
        size_t bl = blank_at(s, i, n);
        if (bl == 0) {
            k[m++] = s[i];
            bl = 1;
        }
        i += bl;
    }
    if (k) {
        k[m] = '\0';
    }
    const char *t = k ? k : s; /* the compacted text, m bytes */
    uint32_t bits = 0;
    for (size_t i = 0; i + 3 <= m; i++) {
        if (((unsigned char)t[i] & 0xF0) != 0xE0) {
            continue;
        }
        uint64_t cand = sm->by[(unsigned char)t[i + 1] & 0x3F];
        uint32_t h = cand ? head3(t + i) : 0;
        /* each candidate word once, by its set bit */
        for (; cand; cand &= cand - 1) {
            size_t w = (size_t)__builtin_ctzll(cand);
            const char *word = scopes[w / 3].words[w % 3];
            if (head3(word) != h) {
                continue;
            }
            size_t wl = strlen(word);
            if (i + wl <= m && memcmp(t + i, word, wl) == 0) {
                bits |= scopes[w / 3].bit;
            }
        }
    }
    if (k && k != stack) {
        free(k);
    }
    return bits;
}

/* The digit value of the code point at s[i] (ASCII or full-width), or
 * -1; *len gets its length. */
static int digit_at(const char *s, size_t n, size_t i, size_t *len)
{
    if (i >= n) {
        return -1;
    }
    if (s[i] >= '0' && s[i] <= '9') {
        *len = 1;
        return s[i] - '0';
    }
    if (n - i >= 3 && (unsigned char)s[i] == 0xEF &&
        (unsigned char)s[i + 1] == 0xBC && (unsigned char)s[i + 2] >= 0x90 &&
        (unsigned char)s[i + 2] <= 0x99) {
        *len = 3;
        return (unsigned char)s[i + 2] - 0x90;
    }
    return -1;
}

/* True when s[i..n) starts with t. */
static bool at(const char *s, size_t n, size_t i, const char *t)
{
    if (t[0] != '\0' && (i >= n || s[i] != t[0])) {
        return false; /* the usual case, without strlen */
    }
    size_t m = strlen(t);
    return n - i >= m && memcmp(s + i, t, m) == 0;
}

/* Terminators of a sentence. */
static const char *const stops[] = {"。", "！", "？", "；", ";", "\n"};

/* Length of a terminator at s[i], or 0. */
static size_t stop_at(const char *s, size_t n, size_t i)
{
    unsigned char c = i < n ? (unsigned char)s[i] : 0;
    if (c != 0xE3 && c != 0xEF && c != ';' && c != '\n') {
        return 0; /* no terminator starts with this byte (the usual case) */
    }
    for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++) {
        if (at(s, n, i, stops[k])) {
            return strlen(stops[k]);
        }
    }
    return 0;
}

/* The offset just after the last delimiter in s[from..e), or from.
 * The delimiters that end a label (looking backwards): ，,、：:；;（(）)
 * “”。 and a line end.
 * Searched from the end: two delimiters never overlap (the multi-byte
 * ones start with a lead byte and go on with continuation bytes, the
 * others are ASCII), so the last one found ends last. */
static size_t last_delim(const char *s, size_t from, size_t e)
{
    /* told by their bytes: the ASCII ones, then “” (E2 80 9C/9D),
       、。 (E3 80 81/82) and ，：；（） (EF BC 8C/9A/9B/88/89) */
    for (size_t i = e; i-- > from;) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case ',': case ':': case ';': case '(': case ')': case '\n':
            return i + 1;
        case 0xE2: case 0xE3: case 0xEF:
            break;
        default:
            continue; /* no delimiter starts with this byte */
        }
        if (e - i < 3) {
            continue;
        }
        unsigned char c1 = (unsigned char)s[i + 1], c2 = (unsigned char)s[i + 2];
        bool hit = c == 0xE2   ? c1 == 0x80 && (c2 == 0x9C || c2 == 0x9D)
                   : c == 0xE3 ? c1 == 0x80 && (c2 == 0x81 || c2 == 0x82)
                               : c1 == 0xBC && (c2 == 0x8C || c2 == 0x9A ||
                                                c2 == 0x9B || c2 == 0x88 ||
                                                c2 == 0x89);
        if (hit) {
            return i + 3;
        }
    }
    return from;
}

/* True when s[from..e) holds only blanks. */
static bool only_blanks(const char *s, size_t from, size_t e)
{
    for (size_t i = from; i < e; i++) {
        if (s[i] != ' ' && s[i] != '\t') {
            return false;
        }
    }
    return true;
}

/* The label before offset e (a figure) in s[from..e): the words after
 * the last delimiter, with a bracketed note right before the figure
 * skipped ("核定编制数（含工勤人员）6人" -> 核定编制数) and, when nothing
 * but a colon stands before the figure, the words before the colon
 * ("维护费用：2.48万元" -> 维护费用).  Sets *ls and *le. */
static void label_span(const char *s, size_t from, size_t e, size_t *ls,
                       size_t *le)
{
    size_t end = e;
    while (end > from && (s[end - 1] == ' ' || s[end - 1] == '\t')) {
        end--;
    }
    bool close_ascii = end > from && s[end - 1] == ')';
    bool close_full = end >= from + 3 && memcmp(s + end - 3, "）", 3) == 0;
    if (close_ascii || close_full) {
        const char *open = close_ascii ? "(" : "（";
        size_t ol = strlen(open);
        for (size_t i = end; i-- > from;) {
            if (i + ol <= end && memcmp(s + i, open, ol) == 0) {
                end = i;
                break;
            }
        }
    }
    size_t b = last_delim(s, from, end);
    if (only_blanks(s, b, end) && b > from) {
        size_t c = b;
        bool colon = (c >= from + 3 && memcmp(s + c - 3, "：", 3) == 0) ||
                     (c >= from + 1 && s[c - 1] == ':');
        if (colon) {
            end = c - (s[c - 1] == ':' ? 1 : 3);
            b = last_delim(s, from, end);
        }
    }
    *ls = b;
    *le = end;
}

/* Tidy a label: no white space, no list number at its start, no years
 * ("2024年度", "2024 年"), no leading 其中 and no trailing 为/约/达/共. */
static const char *tidy_label(struct jx_arena *a, const char *s, size_t n)
{
    /* two scratch copies (compacted, then without list number and
       years), on the stack when short, else in one block freed here */
    char stack[512];
    n = strnlen(s, n);
    char *k = 2 * n + 2 <= sizeof stack ? stack : jx_xmalloc(2 * n + 2);
    char *o = k + n + 1;
    size_t len = 0;
    for (size_t i = 0; i < n;) {
        /* the blanks of blank_cp, dropped as scope_bits drops them */
        size_t bl = blank_at(s, i, n);
        if (bl == 0) {
            k[len++] = s[i];
            bl = 1;
        }
        i += bl;
    }
    k[len] = '\0';
    size_t i = 0, ol = 0;
    /* a list number at the start: "1.", "2、", "（3）" */
    size_t d = 0;
    while (k[d] >= '0' && k[d] <= '9') {
        d++;
    }
    if (d && d < 3 && (k[d] == '.' || at(k, len, d, "、") ||
                       at(k, len, d, "．"))) {
        i = d + (k[d] == '.' ? 1 : 3);
    }
    while (i < len) {
        size_t yl;
        if (k[i] >= '0' && k[i] <= '9' && (i == 0 || !(k[i - 1] >= '0' &&
                                                       k[i - 1] <= '9'))) {
            int y = jx_text_year_prefix(k + i, &yl);
            if (y && yl > 4) {
                i += yl;
                continue;
            }
        }
        o[ol++] = k[i];
        i++;
    }
    const char *r = o;
    size_t rl = ol;
    if (at(r, rl, 0, "其中")) {
        r += strlen("其中");
        rl -= strlen("其中");
    }
    static const char *const tails[] = {"为", "约", "达", "共", "是", "了",
                                        "合计", "计"};
    bool again = true;
    while (again) {
        again = false;
        for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
            size_t m = strlen(tails[t]);
            if (rl > m && memcmp(r + rl - m, tails[t], m) == 0) {
                rl -= m;
                again = true;
            }
        }
    }
    /* keep the last 24 characters of a long label */
    while (jx_utf8_count(r, rl) > 24) {
        size_t step = 1;
        while (step < rl && ((unsigned char)r[step] & 0xC0) == 0x80) {
            step++;
        }
        r += step;
        rl -= step;
    }
    const char *out = jx_strndup(a, r, rl);
    if (k != stack) {
        free(k);
    }
    return out;
}

/* The scope bits of the words of s (facts.h). */
uint32_t jx_scope_bits(struct jx_arena *arena, const char *s)
{
    struct scope_match sm;
    scope_match_init(&sm);
    return scope_bits(arena, &sm, s, strlen(s));
}

/* Append a fact to the list (facts.h). */
struct jx_fact *jx_facts_add(struct jx_arena *a, struct jx_facts *out)
{
    /* the outgrown array is given back (a report's figures grow with
       its size): callers keep indices, not pointers, across an add */
    out->a = jx_arena_regrow_unset(a, out->a, out->n, &out->cap,
                                   sizeof *out->a);
    struct jx_fact *f = &out->a[out->n++];
    memset(f, 0, sizeof *f);
    return f;
}

/* Most facts collected from one document. */
#define MAX_FACTS 1000000u

/* Words that make a label name an amount of money. */
static const char *const money_words[] = {
    "资金", "经费", "预算", "支出", "收入", "拨款", "金额", "投资",
    "补助", "结转", "结余", "到位", "费用"};

/* True when "万" ending at e (after a number at b) means 万元: the
 * next character ends the phrase (a stop, a comma, the end of the
 * text) and the label before the number (from s) names money
 * ("安排资金19204.096万。"; not "服务人口5万，" nor "1.2万亩"). */
static bool wan_money(struct jx_arena *a, const char *text, size_t len,
                      size_t e, size_t from, size_t b)
{
    static const char *const ends[] = {"。", "，", ",", "；", ";", "、",
                                       "）", ")", "\n", "！"};
    bool end = e >= len;
    for (size_t k = 0; !end && k < sizeof ends / sizeof ends[0]; k++) {
        end = at(text, len, e, ends[k]);
    }
    if (!end) {
        return false;
    }
    size_t ls, le;
    label_span(text, from, b, &ls, &le);
    const char *lab = jx_strndup(a, text + ls, le - ls);
    for (size_t k = 0; k < sizeof money_words / sizeof money_words[0]; k++) {
        if (strstr(lab, money_words[k])) {
            return true;
        }
    }
    return false;
}

/* ---- counts, scores and OCR confusables ------------------------------- */

/* Classifiers of a count. */
static const char *const classifiers[] = {"个", "项", "家", "所", "座", "处"};

/* Length of a classifier at s[i], or 0; *word gets it. */
static size_t classifier_at(const char *s, size_t n, size_t i,
                            const char **word)
{
    for (size_t k = 0; k < sizeof classifiers / sizeof classifiers[0]; k++) {
        if (at(s, n, i, classifiers[k])) {
            *word = classifiers[k];
            return strlen(classifiers[k]);
        }
    }
    return 0;
}

/* Nouns of the things a report counts (never people: those are
 * headcounts), longest first where one begins another. */
static const char *const count_nouns[] = {
    "子项目", "项目", "科室", "股室", "处室", "站所", "事业单位", "单位",
    "办公室", "管理机构", "机构", "部门", "中心", "乡镇", "街道", "社区",
    "村民小组", "行政村", "村", "学校", "卫生院", "卫生室", "医院", "企业",
    "合作社", "基地", "园区", "站点", "网点", "课题", "指标", "专项",
    "支部", "工作组", "小组", "县市区", "县区", "区县"};

/* Characters that may not stand between a classifier and its noun
 * (function words, time words: "2个百分点的项目", "3个月完成项目"). */
static const char *const not_modifier[] = {
    "的", "了", "和", "及", "与", "或", "是", "在", "对", "为", "由", "把",
    "被", "将", "等", "并", "且", "已", "均", "都", "共", "计", "达", "个",
    "项", "用", "于", "以", "中", "内", "外", "后", "前", "时", "月", "年",
    "日", "天", "周", "季", "次", "点", "分", "元", "万", "人", "名"};

/* Most characters of modifiers before a counted noun ("6个二级单位",
 * "10个直属事业单位"; not "三个层级规范部门": the words of a longer run
 * are not known to qualify the noun). */
#define NOUN_WINDOW 2

/* The longest count noun at s[i], or 0. */
static size_t noun_at(const char *s, size_t n, size_t i)
{
    size_t best = 0;
    for (size_t k = 0; k < sizeof count_nouns / sizeof count_nouns[0]; k++) {
        size_t m = strlen(count_nouns[k]);
        if (m > best && at(s, n, i, count_nouns[k])) {
            best = m;
        }
    }
    /* 村民 are people */
    if (best == strlen("村") && at(s, n, i, "村") &&
        at(s, n, i + best, "民")) {
        return 0;
    }
    return best;
}

/* True when the code point at s[i] is a CJK ideograph; *len gets its
 * length. */
static bool cjk_at(const char *s, size_t n, size_t i, size_t *len)
{
    int32_t cp;
    int k = jx_utf8_decode(s + i, n - i, &cp);
    if (k <= 0) {
        *len = 1;
        return false;
    }
    *len = (size_t)k;
    return cp >= 0x4E00 && cp <= 0x9FFF;
}

/* The counted noun right after a classifier ending at ce: a known noun,
 * possibly after up to window modifier characters; true with its end
 * in *ne. */
static bool noun_after(const char *s, size_t n, size_t ce, int window,
                       size_t *ne)
{
    size_t i = ce;
    for (int k = 0; k <= window && i < n; k++) {
        size_t m = noun_at(s, n, i);
        if (m) {
            *ne = i + m;
            return true;
        }
        size_t cl;
        if (!cjk_at(s, n, i, &cl)) {
            return false;
        }
        for (size_t w = 0; w < sizeof not_modifier / sizeof not_modifier[0];
             w++) {
            if (at(s, n, i, not_modifier[w])) {
                return false;
            }
        }
        i += cl;
    }
    return false;
}

/* True when what follows a classifier at ce lets the words before the
 * number name what is counted ("直属事业单位10个，", "项目5个均已完成"):
 * the end of the text, a blank, a punctuation mark, or 均/全/都/已/分别. */
static bool count_ends(const char *s, size_t n, size_t ce)
{
    static const char *const after[] = {"均", "全", "都", "已", "分别"};
    if (ce >= n || s[ce] == ' ' || s[ce] == '\t' || s[ce] == '\r' ||
        s[ce] == '\n') {
        return true;
    }
    size_t cl;
    if (cjk_at(s, n, ce, &cl)) {
        for (size_t k = 0; k < sizeof after / sizeof after[0]; k++) {
            if (at(s, n, ce, after[k])) {
                return true;
            }
        }
        return false;
    }
    int32_t cp;
    int k = jx_utf8_decode(s + ce, n - ce, &cp);
    /* ASCII punctuation, CJK punctuation and full-width forms; not a
     * letter, digit or symbol of a unit */
    return k > 0 && ((cp < 0x80 && !((cp >= '0' && cp <= '9') ||
                                     (cp >= 'a' && cp <= 'z') ||
                                     (cp >= 'A' && cp <= 'Z') || cp == '%')) ||
                     (cp >= 0x3000 && cp <= 0x303F) ||
                     (cp >= 0xFF01 && cp <= 0xFF0F) ||
                     (cp >= 0xFF1A && cp <= 0xFF20));
}

/* The counted noun ending a tidy label ("实施项目" -> "项目", "单位有"
 * -> "单位"), after the words that introduce a number (有, 共, 总数,
 * 数量, 数 ...); NULL when it ends with none. */
static const char *label_noun(struct jx_arena *a, const char *label)
{
    static const char *const tails[] = {"有", "共", "为", "计", "达", "约",
                                        "合计", "总计", "总数", "数量",
                                        "个数", "数"};
    size_t n = strlen(label);
    bool again = true;
    while (again) {
        again = false;
        for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
            size_t m = strlen(tails[t]);
            if (n > m && memcmp(label + n - m, tails[t], m) == 0) {
                n -= m;
                again = true;
            }
        }
    }
    for (size_t k = 0; k < sizeof count_nouns / sizeof count_nouns[0]; k++) {
        size_t m = strlen(count_nouns[k]);
        if (n >= m && memcmp(label + n - m, count_nouns[k], m) == 0 &&
            noun_at(label, n, n - m) == m) {
            return jx_strndup(a, label + n - m, m);
        }
    }
    return NULL;
}

/* Chinese numerals of a count: 零〇一二两三四五六七八九, 十, 百. */
static int cn_digit(const char *s, size_t n, size_t i)
{
    static const char *const d[] = {"零", "一", "二", "三", "四", "五",
                                    "六", "七", "八", "九"};
    for (int k = 0; k < 10; k++) {
        if (at(s, n, i, d[k])) {
            return k;
        }
    }
    if (at(s, n, i, "〇")) {
        return 0;
    }
    if (at(s, n, i, "两")) {
        return 2;
    }
    return -1;
}

/* True when s[i] is a Chinese numeral character. */
static bool cn_numeral_at(const char *s, size_t n, size_t i)
{
    /* the 14 characters (cn_digit's, 十 and 百) by their three bytes:
       each starts with 0xE3 to 0xE9, so any other byte, the usual one,
       is none at once */
    if (i >= n || n - i < 3 || (unsigned char)s[i] < 0xE3 ||
        (unsigned char)s[i] > 0xE9) {
        return false;
    }
    uint32_t v = (uint32_t)(unsigned char)s[i] << 16 |
                 (uint32_t)(unsigned char)s[i + 1] << 8 |
                 (unsigned char)s[i + 2];
    switch (v) {
    case 0xE99BB6: /* 零 */
    case 0xE4B880: /* 一 */
    case 0xE4BA8C: /* 二 */
    case 0xE4B889: /* 三 */
    case 0xE59B9B: /* 四 */
    case 0xE4BA94: /* 五 */
    case 0xE585AD: /* 六 */
    case 0xE4B883: /* 七 */
    case 0xE585AB: /* 八 */
    case 0xE4B99D: /* 九 */
    case 0xE38087: /* 〇 */
    case 0xE4B8A4: /* 两 */
    case 0xE58D81: /* 十 */
    case 0xE799BE: /* 百 */
        return true;
    default:
        return false;
    }
}

/* Characters that make a Chinese numeral after them part of a word or
 * an ordinal (第一, 统一, 每两, 十几). */
static const char *const cn_before[] = {"第", "每", "统", "唯", "同", "逐",
                                        "之", "单", "划", "万", "专", "几",
                                        "数", "初", "星", "周", "若", "头"};

/* The value of the Chinese numeral starting at s[i] (1 .. 999: 两,
 * 十二, 二十, 一百零五), with its end in *e; 0 when none or malformed
 * (一二, 十十, 几十). */
static int64_t cn_number(const char *s, size_t n, size_t i, size_t *e)
{
    int64_t total = 0;
    int cur = -1;
    bool ten = false, hundred = false, zero = false;
    size_t j = i;
    while (j < n) {
        int d = cn_digit(s, n, j);
        if (d == 0) {
            if (!hundred || ten || cur >= 0 || zero) {
                return 0;
            }
            zero = true;
            j += at(s, n, j, "〇") ? strlen("〇") : strlen("零");
        } else if (d > 0) {
            if (cur >= 0) {
                return 0;
            }
            cur = d;
            j += 3;
        } else if (at(s, n, j, "十")) {
            if (ten) {
                return 0;
            }
            total += (cur < 0 ? 1 : cur) * 10;
            cur = -1;
            ten = true;
            j += strlen("十");
        } else if (at(s, n, j, "百")) {
            if (cur < 0 || hundred || ten) {
                return 0;
            }
            total += cur * 100;
            cur = -1;
            hundred = true;
            j += strlen("百");
        } else {
            break;
        }
    }
    if (cur >= 0) {
        total += cur;
    }
    if (zero && cur < 0) {
        return 0; /* 一百零 */
    }
    *e = j;
    return total;
}

/* Words whose last characters make "N分" a score ("综合评分", "自评得分",
 * "自评总分"), and words that make it points instead ("满分", "分值"). */
static bool score_label(const char *label)
{
    static const char *const yes[] = {"得分", "评分", "总分"};
    static const char *const no[] = {"满分", "分值", "权重", "扣分", "加分"};
    for (size_t k = 0; k < sizeof no / sizeof no[0]; k++) {
        if (strstr(label, no[k])) {
            return false;
        }
    }
    size_t n = strlen(label);
    for (size_t k = 0; k < sizeof yes / sizeof yes[0]; k++) {
        size_t m = strlen(yes[k]);
        if (n >= m && memcmp(label + n - m, yes[k], m) == 0) {
            return true;
        }
    }
    return false;
}

/* True when "分" at s[i] is not the start of another word (分钟, 分之,
 * 分别 ...). */
static bool score_unit(const char *s, size_t n, size_t i)
{
    static const char *const words[] = {
        "分钟", "分之", "分别", "分析", "分配", "分类", "分局", "分布",
        "分解", "分享", "分期", "分段", "分组", "分项", "分部", "分管",
        "分值", "分数"};
    if (!at(s, n, i, "分")) {
        return false;
    }
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        if (at(s, n, i, words[k])) {
            return false;
        }
    }
    return true;
}

/* The ASCII characters OCR puts for digits, and the digit meant. */
static int confusable(char c)
{
    return c == 'O' || c == 'o' ? 0 : c == 'I' || c == 'l' ? 1 : -1;
}

/*
 * A percentage with OCR confusables starting at s[i]: a run of digits
 * and confusables (one decimal point between them allowed) holding at
 * least one of each, not glued to a letter or digit before it, then
 * optional blanks and % or ％.  True with the repaired number in num
 * (appended), the run's end in *re, the figure's end in *ue and the
 * decimals written in *dp.
 */
static bool ocr_percent(const char *s, size_t n, size_t i, struct jx_buf *num,
                        size_t *re, size_t *ue, int *dp)
{
    if (i > 0) {
        char p = s[i - 1];
        if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') ||
            (p >= '0' && p <= '9') || p == '.' || p == '-' || p == '/') {
            return false;
        }
    }
    /* the run measured first; its repaired bytes are appended only
       when it is a percentage (the usual number has no confusable) */
    size_t j = i;
    int digits = 0, conf = 0, points = 0, after = 0;
    while (j < n) {
        char c = s[j];
        if (c >= '0' && c <= '9') {
            digits++;
        } else if (confusable(c) >= 0) {
            conf++;
        } else if (c == '.' && j > i && j + 1 < n &&
                   ((s[j + 1] >= '0' && s[j + 1] <= '9') ||
                    confusable(s[j + 1]) >= 0)) {
            points++;
        } else {
            break;
        }
        if (points && c != '.') {
            after++;
        }
        j++;
    }
    if (!digits || !conf || points > 1) {
        return false;
    }
    size_t u = j;
    while (u < n && s[u] == ' ') {
        u++;
    }
    bool pct = at(s, n, u, "%") || at(s, n, u, "％");
    if (!pct ||
        (j < n && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))) {
        return false;
    }
    for (size_t k = i; k < j; k++) {
        char c = s[k];
        jx_buf_addc(num, confusable(c) >= 0 ? (char)('0' + confusable(c)) : c);
    }
    *re = j;
    *ue = u + (s[u] == '%' ? 1 : strlen("％"));
    *dp = after;
    return true;
}

/* An OCR percentage waiting for its confirmation: its fact's index in
 * out, the percentage as written (100 for 100%) and its decimals. */
struct ocr_wait {
    size_t idx;
    struct jx_rat pct;
    int dp;
};

/* True when an executed amount and a budget or income amount among
 * fs->a[from..to) (other than fs->a[self]; of paragraph para unless
 * para is 0) round to pct at dp decimals. */
static bool ocr_pair(const struct jx_facts *fs, size_t from, size_t to,
                     size_t self, int para, struct jx_rat pct, int dp)
{
    for (size_t x = from; x < to; x++) {
        const struct jx_fact *e = &fs->a[x];
        if (x == self || e->kind != JX_FACT_MONEY ||
            (para && e->paragraph != para) ||
            strcmp(jx_fact_measure(e), "executed") != 0) {
            continue;
        }
        for (size_t y = from; y < to; y++) {
            const struct jx_fact *b = &fs->a[y];
            if (y == self || y == x || b->kind != JX_FACT_MONEY ||
                (para && b->paragraph != para) || b->money.fen <= 0) {
                continue;
            }
            const char *m = jx_fact_measure(b);
            if (strcmp(m, "budget") != 0 && strcmp(m, "income") != 0) {
                continue;
            }
            struct jx_rat r, r100, rr;
            if (jx_rat_money_div(e->money, b->money, &r) != JX_NUM_OK ||
                jx_rat_mul(r, jx_rat_int(100), &r100) != JX_NUM_OK ||
                jx_rat_round(r100, dp, JX_ROUND_HALF_UP, &rr) != JX_NUM_OK) {
                continue;
            }
            if (jx_rat_cmp(rr, pct) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* Confirm or refuse the OCR percentages of one text (w[0..nw), their
 * facts among out->a[from..]): kept when a pair of its paragraph, else
 * of all of out, confirms it; else moved to out->refused (in text
 * order). */
static void ocr_settle(struct jx_arena *a, struct jx_facts *out, size_t from,
                       const struct ocr_wait *w, size_t nw)
{
    if (!nw) {
        return;
    }
    bool *keep = jx_alloc(a, nw * sizeof *keep);
    for (size_t k = 0; k < nw; k++) {
        size_t i = w[k].idx;
        const struct jx_fact *f = &out->a[i];
        keep[k] = ocr_pair(out, from, out->n, i, f->paragraph, w[k].pct,
                           w[k].dp) ||
                  ocr_pair(out, 0, out->n, i, 0, w[k].pct, w[k].dp);
        if (keep[k]) {
            continue;
        }
        if (out->nrefused == out->caprefused) {
            size_t ncap = out->caprefused ? out->caprefused * 2 : 8;
            struct jx_fact *b = jx_alloc_array(a, ncap, sizeof *b);
            if (out->nrefused) {
                memcpy(b, out->refused, out->nrefused * sizeof *b);
            }
            out->refused = b;
            out->caprefused = ncap;
        }
        struct jx_fact *r = &out->refused[out->nrefused++];
        *r = *f;
        r->value = jx_rat_int(0);
    }
    for (size_t k = nw; k-- > 0;) {
        if (!keep[k]) {
            size_t i = w[k].idx;
            memmove(&out->a[i], &out->a[i + 1],
                    (out->n - i - 1) * sizeof out->a[0]);
            out->n--;
        }
    }
}

/* A figure found at text[b..ue): what it is, before its label and
 * place are known. */
struct found {
    struct jx_fact f;    /* kind, money/unit or value, counted */
    const char *uw;      /* unit word */
    size_t b, ue;        /* where it starts and ends */
    bool ocr;            /* OCR confusables repaired: to be confirmed */
    int dp;              /* OCR: decimals written */
    struct jx_rat pct;   /* OCR: the percentage as written */
};

/* True when a number starting at text[b] is an ordinal or a rate
 * (第3个, 每2个): no count. */
static bool count_refused_before(const char *text, size_t b)
{
    return b >= 3 && (memcmp(text + b - 3, "第", 3) == 0 ||
                      memcmp(text + b - 3, "每", 3) == 0);
}

/* A count in Chinese numerals at text[i] ("两个科室", "十个项目"): true
 * with it in *g.  Only before a classifier and a known noun right
 * after it (三个层级规范部门 is no count of 部门), never
 * after a character that makes the numeral part of a word (统一,
 * 第一, 十几). */
static bool cn_count(struct jx_arena *arena, const char *text, size_t len,
                     size_t i, struct found *g)
{
    if (!cn_numeral_at(text, len, i)) {
        return false;
    }
    if (i >= 3 && cn_numeral_at(text, len, i - 3)) {
        return false;
    }
    for (size_t k = 0; i >= 3 && k < sizeof cn_before / sizeof cn_before[0];
         k++) {
        if (memcmp(text + i - 3, cn_before[k], 3) == 0) {
            return false;
        }
    }
    size_t e, ne;
    const char *cw;
    int64_t v = cn_number(text, len, i, &e);
    size_t cl = v > 0 ? classifier_at(text, len, e, &cw) : 0;
    if (!cl || !noun_after(text, len, e + cl, 0, &ne)) {
        return false;
    }
    memset(g, 0, sizeof *g);
    g->f.kind = JX_FACT_COUNT;
    g->f.value = jx_rat_int(v);
    g->f.counted = jx_strndup(arena, text + e + cl, ne - e - cl);
    g->uw = cw;
    g->b = i;
    g->ue = e + cl;
    return true;
}

/* The bytes at which something jx_text_facts reads may start: a
 * sentence terminator (。！？； ; newline), a digit (ASCII or
 * full-width), an OCR confusable (O o I l) or a Chinese numeral (lead
 * bytes E3 to E9). */
static const bool may_start[256] = {
    ['0'] = true, ['1'] = true, ['2'] = true, ['3'] = true, ['4'] = true,
    ['5'] = true, ['6'] = true, ['7'] = true, ['8'] = true, ['9'] = true,
    ['O'] = true, ['o'] = true, ['I'] = true, ['l'] = true, [';'] = true,
    ['\n'] = true, [0xE3] = true, [0xE4] = true, [0xE5] = true,
    [0xE6] = true, [0xE7] = true, [0xE8] = true, [0xE9] = true,
    [0xEF] = true,
};

/* Longest number text a figure keeps (its digits and points; the rest
 * of a longer run is dropped, as a jx_buf of this max drops it). */
#define NUM_MAX 128

/* Append c to the number text nb of *nl bytes (at most NUM_MAX; the
 * caller's array holds NUM_MAX + 1) and keep it NUL-terminated. */
static void num_addc(char *nb, size_t *nl, char c)
{
    if (*nl < NUM_MAX) {
        nb[(*nl)++] = c;
    }
    nb[*nl] = '\0';
}

/* Append the facts of a text (see facts.h). */
void jx_text_facts(struct jx_arena *arena, const char *text, size_t len,
                   const struct jx_prov *where, int section,
                   struct jx_facts *out)
{
    int line = where ? where->line : 0;
    int col = where && where->col ? where->col : 1;
    size_t line_start = 0;  /* offset where the current line starts */
    int line_no = line;
    size_t sent_start = 0;  /* offset where the current sentence starts */
    size_t fig_end = 0;     /* end of the last figure in this sentence */
    size_t sent_cached = SIZE_MAX, sent_end = 0; /* the sentence known */
    const char *sent_text = "";
    uint32_t sent_scopes = 0;
    struct scope_match sm; /* for scope_bits, built once per text, at
                              its first figure */
    bool sm_ready = false;
    int para = 1;           /* the paragraph (non-blank line) */
    bool para_text = false; /* the current line holds something */
    size_t first = out->n;  /* the first fact of this text */
    struct ocr_wait *wait = NULL; /* OCR percentages to confirm */
    size_t nwait = 0, capwait = 0;
    size_t i = 0;
    while (i < len) {
        unsigned char c0 = (unsigned char)text[i];
        if (!may_start[c0]) {
            /* no terminator, digit, confusable or Chinese numeral starts
               with this byte (the usual one): what the steps below do
               with it, at once */
            if (c0 != ' ' && c0 != '\t' && c0 != '\r') {
                para_text = true;
            }
            i++;
            continue;
        }
        if (c0 >= 0xE4 && c0 <= 0xE9 && !cn_numeral_at(text, len, i)) {
            /* a Chinese character that is no numeral (the usual one
               here): no terminator, digit or confusable starts with
               its lead byte, so the steps below would pass it too */
            para_text = true;
            i++;
            continue;
        }
        size_t sl = stop_at(text, len, i);
        if (sl) {
            if (text[i] == '\n') {
                line_no++;
                line_start = i + 1;
                if (para_text) {
                    para++;
                    para_text = false;
                }
            } else {
                para_text = true;
            }
            i += sl;
            sent_start = i;
            fig_end = i;
            continue;
        }
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') {
            para_text = true;
        }
        size_t from = fig_end > sent_start ? fig_end : sent_start;
        size_t dl;
        bool digit = digit_at(text, len, i, &dl) >= 0;
        if (!digit && confusable(text[i]) < 0 &&
            ((unsigned char)text[i] < 0xE3 ||
             !cn_numeral_at(text, len, i))) {
            i++; /* no figure can start here (the usual byte) */
            continue;
        }
        struct found g;
        memset(&g, 0, sizeof g);
        bool ok = false;
        struct jx_buf num;
        jx_buf_init(&num, NUM_MAX);
        size_t re, oue;
        if ((digit || confusable(text[i]) >= 0) &&
            ocr_percent(text, len, i, &num, &re, &oue, &g.dp)) {
            /* "IO0%": read as 100% when the amounts confirm it */
            struct jx_rat v;
            size_t ep;
            if (jx_rat_parse(num.p, num.len, &v, NULL, &ep) == JX_NUM_OK &&
                jx_rat_div(v, jx_rat_int(100), &g.f.value) == JX_NUM_OK) {
                g.f.kind = JX_FACT_PERCENT;
                g.uw = "%";
                g.b = i;
                g.ue = oue;
                g.ocr = true;
                g.pct = v;
                ok = true;
            }
            jx_buf_release(&num);
            if (!ok) {
                i = re;
                continue;
            }
        } else if (!digit) {
            jx_buf_release(&num);
            if (!cn_count(arena, text, len, i, &g)) {
                i++;
                continue;
            }
            ok = true;
        } else {
            /* not glued to a letter, digit or point before it */
            if (i > 0) {
                char p = text[i - 1];
                if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') ||
                    (p >= '0' && p <= '9') || p == '.' || p == '-' ||
                    p == '/') {
                    jx_buf_release(&num);
                    i += dl;
                    continue;
                }
            }
            if (jx_text_lost_digits(text, len, i)) {
                jx_buf_release(&num);
                i += dl; /* lost its leading digits: unreadable */
                continue;
            }
            /* the number's digits and points, as many as num's 128
               bytes would hold, on the stack */
            char nb[NUM_MAX + 1];
            size_t nl = 0;
            nb[0] = '\0';
            size_t b = i, e = i;
            while (e < len) {
                int d = digit_at(text, len, e, &dl);
                if (d >= 0) {
                    num_addc(nb, &nl, (char)('0' + d));
                    e += dl;
                    continue;
                }
                size_t sl2;
                if ((text[e] == ',' || text[e] == '.') &&
                    digit_at(text, len, e + 1, &sl2) >= 0) {
                    num_addc(nb, &nl, text[e]);
                    e++;
                    continue;
                }
                if (at(text, len, e, "．") &&
                    digit_at(text, len, e + 3, &sl2) >= 0) {
                    num_addc(nb, &nl, '.');
                    e += 3;
                    continue;
                }
                break;
            }
            size_t u = e;
            while (u < len && text[u] == ' ') {
                u++;
            }
            enum jx_fact_kind kind = JX_FACT_MONEY;
            enum jx_money_unit unit = JX_YUAN;
            const char *uw = "元";
            size_t ue = 0;
            const char *cw = NULL;
            size_t cl = 0;
            ok = true;
            if (at(text, len, u, "万元")) {
                unit = JX_WANYUAN;
                uw = "万元";
                ue = u + strlen("万元");
            } else if (at(text, len, u, "元")) {
                ue = u + strlen("元");
            } else if (at(text, len, u, "%") || at(text, len, u, "％")) {
                kind = JX_FACT_PERCENT;
                uw = "%";
                ue = u + (text[u] == '%' ? 1 : strlen("％"));
            } else if ((at(text, len, u, "人") && !at(text, len, u, "人次")) ||
                       at(text, len, u, "名")) {
                kind = JX_FACT_HEADCOUNT;
                uw = at(text, len, u, "名") ? "名" : "人";
                ue = u + strlen("人");
            } else if (at(text, len, u, "万") &&
                       wan_money(arena, text, len, u + strlen("万"), from,
                                 b)) {
                unit = JX_WANYUAN;
                uw = "万元";
                ue = u + strlen("万");
            } else if ((cl = classifier_at(text, len, u, &cw)) != 0) {
                size_t ls, le, ne;
                label_span(text, from, b, &ls, &le);
                const char *raw = jx_strndup(arena, text + ls, le - ls);
                const char *noun = NULL;
                if (count_refused_before(text, b)) {
                    noun = NULL;
                } else if (noun_after(text, len, u + cl, NOUN_WINDOW, &ne)) {
                    noun = jx_strndup(arena, text + u + cl, ne - u - cl);
                } else if (count_ends(text, len, u + cl)) {
                    noun = label_noun(arena, tidy_label(arena, text + ls,
                                                        le - ls));
                }
                if (noun) {
                    kind = JX_FACT_COUNT;
                    uw = cw;
                    ue = u + cl;
                    g.f.counted = noun;
                } else if (strcmp(cw, "个") == 0 &&
                           (strstr(raw, "编制") || strstr(raw, "人员"))) {
                    kind = JX_FACT_HEADCOUNT;
                    uw = "个";
                    ue = u + strlen("个");
                } else {
                    ok = false;
                }
            } else if (score_unit(text, len, u)) {
                size_t ls, le;
                label_span(text, from, b, &ls, &le);
                if (score_label(tidy_label(arena, text + ls, le - ls))) {
                    kind = JX_FACT_SCORE;
                    uw = "分";
                    ue = u + strlen("分");
                } else {
                    ok = false;
                }
            } else {
                ok = false;
            }
            g.f.kind = kind;
            if (ok && kind == JX_FACT_MONEY) {
                size_t ep;
                ok = jx_money_parse(nb, nl, unit, &g.f.money, &ep) ==
                     JX_NUM_OK;
                g.f.unit = unit;
            } else if (ok) {
                struct jx_rat v;
                size_t ep;
                ok = jx_rat_parse(nb, nl, &v, NULL, &ep) == JX_NUM_OK;
                if (ok && kind == JX_FACT_PERCENT) {
                    ok = jx_rat_div(v, jx_rat_int(100), &g.f.value) ==
                         JX_NUM_OK;
                } else if (ok) {
                    ok = kind == JX_FACT_SCORE || jx_rat_is_int(v);
                    g.f.value = v;
                }
            }
            jx_buf_release(&num);
            g.uw = uw;
            g.b = b;
            g.ue = ue;
            if (!ok) {
                i = e;
                continue;
            }
        }
        if (out->n >= MAX_FACTS) {
            i = g.ue;
            continue;
        }
        size_t b = g.b, ue = g.ue;
        if (sent_cached != sent_start || sent_end < ue) {
            /* the sentence's end and scope words, once per sentence */
            size_t se = ue;
            while (se < len && !stop_at(text, len, se)) {
                se++;
            }
            if (se < len && text[se] != '\n') {
                se += stop_at(text, len, se);
            }
            size_t ss = sent_start;
            while (ss < se && (text[ss] == ' ' || text[ss] == '\t')) {
                ss++;
            }
            sent_cached = sent_start;
            sent_end = se;
            sent_text = jx_strndup(arena, text + ss, se - ss);
            if (!sm_ready) {
                scope_match_init(&sm);
                sm_ready = true;
            }
            sent_scopes = scope_bits(arena, &sm, text + ss, se - ss);
        }
        size_t ls, le;
        label_span(text, from, b, &ls, &le);
        struct jx_fact *f = jx_facts_add(arena, out);
        *f = g.f;
        f->text = jx_strndup(arena, text + b, ue - b);
        f->label = tidy_label(arena, text + ls, le - ls);
        f->sentence = sent_text;
        f->scopes = sent_scopes;
        if (!sm_ready) {
            scope_match_init(&sm);
            sm_ready = true;
        }
        f->label_scopes = scope_bits(arena, &sm, f->label, strlen(f->label));
        f->unit_word = g.uw;
        f->section = section;
        f->paragraph = para;
        if (where) {
            f->prov = *where;
        }
        if (line) {
            f->prov.line = line_no;
            f->prov.col =
                (line_no == line ? col : 1) +
                (int)jx_utf8_count(text + line_start, b - line_start);
        }
        if (g.ocr) {
            f->prov.how = JX_HOW_OCR;
            f->prov.raw = f->text;
            wait = jx_arena_grow(arena, wait, nwait, &capwait, sizeof *wait);
            wait[nwait++] = (struct ocr_wait){out->n - 1, g.pct, g.dp};
        }
        if (f->kind != JX_FACT_COUNT) {
            /* a count stays part of the next figure's label
             * ("批复预算8个项目985万元") */
            fig_end = ue;
        }
        i = ue;
    }
    ocr_settle(arena, out, first, wait, nwait);
}

/* The facts of a package's report's text, section by section. */
static struct jx_facts *extract(struct jx_arena *arena,
                                const struct jx_package *pkg)
{
    struct jx_facts *fs = jx_alloc(arena, sizeof *fs);
    const struct jx_report *r = &pkg->report;
    for (size_t i = 0; i < r->nsections; i++) {
        const struct jx_section *s = &r->sections[i];
        if (s->text.s && *s->text.s) {
            jx_text_facts(arena, s->text.s, strlen(s->text.s), s->text.prov,
                          s->no, fs);
        }
    }
    /* the room doubling left over goes back */
    fs->a = jx_arena_fit(arena, fs->a, fs->n, &fs->cap, sizeof *fs->a);
    return fs;
}

/* The facts of a package's report: its own, else extracted (facts.h). */
struct jx_facts *jx_package_facts(struct jx_arena *arena,
                                  const struct jx_package *pkg)
{
    if (pkg->report.figures) {
        return pkg->report.figures;
    }
    return extract(arena, pkg);
}

/* Store the report's figures with the package, extracted once
 * (facts.h). */
struct jx_facts *jx_package_fill_figures(struct jx_arena *arena,
                                         struct jx_package *pkg)
{
    if (pkg->report.figures) {
        return pkg->report.figures;
    }
    if (!pkg->report.present) {
        return jx_alloc(arena, sizeof(struct jx_facts));
    }
    pkg->report.figures = extract(arena, pkg);
    return pkg->report.figures;
}

/* True for the white space compact drops. */
static bool blank_cp(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' ||
           cp == 0x3000 || cp == 0xA0;
}

/* s without white space (model_text.h). */
const char *jx_text_compact(struct jx_arena *a, const char *s)
{
    size_t n = strlen(s);
    if (!n) {
        return "";
    }
    char *r = jx_alloc(a, n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        size_t step = k > 0 ? (size_t)k : 1;
        if (k <= 0 || !blank_cp(cp)) {
            memcpy(r + o, s + i, step);
            o += step;
        }
        i += step;
    }
    r[o] = '\0';
    return r;
}

/* s compacted, or s itself when nothing is dropped (model_text.h). */
const char *jx_text_compact_shared(struct jx_arena *a, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k > 0 && blank_cp(cp)) {
            return jx_text_compact(a, s);
        }
        i += k > 0 ? (size_t)k : 1;
    }
    return s;
}

/* A figure that lost its leading digits (model_text.h). */
bool jx_text_lost_digits(const char *s, size_t n, size_t i)
{
    if (i == 0 || s[i - 1] != ',' ||
        (i >= 2 && s[i - 2] >= '0' && s[i - 2] <= '9')) {
        return false;
    }
    size_t k = 0;
    while (i + k < n && s[i + k] >= '0' && s[i + k] <= '9') {
        k++;
    }
    return k == 3;
}

/* The year at the start of s (model_text.h): four digits 1900-2199,
 * then optional blanks and "年" (the "度" after it is part of the
 * length). */
int jx_text_year_prefix(const char *s, size_t *len)
{
    size_t i = 0;
    while (s[i] == ' ') {
        i++;
    }
    int y = 0;
    size_t d = 0;
    while (s[i + d] >= '0' && s[i + d] <= '9' && d < 5) {
        y = y * 10 + (s[i + d] - '0');
        d++;
    }
    if (d != 4 || y < 1900 || y > 2199) {
        return 0;
    }
    i += d;
    size_t j = i;
    while (s[j] == ' ') {
        j++;
    }
    if (strncmp(s + j, "年", strlen("年")) == 0) {
        j += strlen("年");
        if (strncmp(s + j, "度", strlen("度")) == 0) {
            j += strlen("度");
        }
        i = j;
    }
    if (len) {
        *len = i;
    }
    return y;
}
