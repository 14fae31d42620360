/*
 * model_facts.c - the figures of a report's prose (facts.h): every
 * amount in 万元 or 元, every percentage and every headcount, with the
 * words before it, its sentence, the scope words of the sentence, the
 * report section and line:col.
 *
 * A figure is a run of digits (with "," groups and a decimal point,
 * ASCII or full-width) not glued to a letter or another number, then
 * optional blanks and a unit: 万元, 元, %, 人 (not 人次), 名, 个 after
 * words about staffing (编制, 人员), or 万 alone (read as 万元) ending a
 * phrase after words about money (资金, 经费, 预算 ...).  Numbers
 * without a unit (years, phone numbers, list numbers) are not facts.
 */
#include "jixiao/facts.h"

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
    if (f->kind == JX_FACT_HEADCOUNT) {
        return "count";
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

/* The scope bits of the words in s[0..n). */
static uint32_t scope_bits(struct jx_arena *a, const char *s, size_t n)
{
    const char *k = jx_text_compact(a, jx_strndup(a, s, n));
    uint32_t bits = 0;
    for (size_t i = 0; i < sizeof scopes / sizeof scopes[0]; i++) {
        for (int w = 0; w < 3 && scopes[i].words[w]; w++) {
            if (strstr(k, scopes[i].words[w])) {
                bits |= scopes[i].bit;
            }
        }
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
    size_t m = strlen(t);
    return n - i >= m && memcmp(s + i, t, m) == 0;
}

/* Terminators of a sentence. */
static const char *const stops[] = {"。", "！", "？", "；", ";", "\n"};

/* Length of a terminator at s[i], or 0. */
static size_t stop_at(const char *s, size_t n, size_t i)
{
    for (size_t k = 0; k < sizeof stops / sizeof stops[0]; k++) {
        if (at(s, n, i, stops[k])) {
            return strlen(stops[k]);
        }
    }
    return 0;
}

/* Delimiters that end a label (looking backwards). */
static const char *const delims[] = {"，", ",", "、", "：", ":", "；", ";",
                                     "（", "(", "）", ")", "“", "”", "。",
                                     "\n"};

/* The offset just after the last delimiter in s[from..e), or from. */
static size_t last_delim(const char *s, size_t from, size_t e)
{
    size_t best = from;
    for (size_t i = from; i < e; i++) {
        for (size_t k = 0; k < sizeof delims / sizeof delims[0]; k++) {
            size_t m = strlen(delims[k]);
            if (i + m <= e && memcmp(s + i, delims[k], m) == 0) {
                best = i + m;
            }
        }
    }
    return best;
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
    const char *k = jx_text_compact(a, jx_strndup(a, s, n));
    struct jx_buf b;
    jx_buf_init(&b, strlen(k) + 8);
    size_t i = 0, len = strlen(k);
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
        jx_buf_addc(&b, k[i]);
        i++;
    }
    const char *r = b.p;
    size_t rl = b.len;
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
    jx_buf_release(&b);
    return out;
}

/* The scope bits of the words of s (facts.h). */
uint32_t jx_scope_bits(struct jx_arena *arena, const char *s)
{
    return scope_bits(arena, s, strlen(s));
}

/* Append a fact to the list (facts.h). */
struct jx_fact *jx_facts_add(struct jx_arena *a, struct jx_facts *out)
{
    if (out->n == out->cap) {
        size_t ncap = out->cap ? out->cap * 2 : 32;
        struct jx_fact *b = jx_alloc_array(a, ncap, sizeof *b);
        if (out->n) {
            memcpy(b, out->a, out->n * sizeof *b);
        }
        out->a = b;
        out->cap = ncap;
    }
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
    int para = 1;           /* the paragraph (non-blank line) */
    bool para_text = false; /* the current line holds something */
    size_t i = 0;
    while (i < len) {
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
        size_t dl;
        if (digit_at(text, len, i, &dl) < 0) {
            i++;
            continue;
        }
        /* not glued to a letter, digit or point before it */
        if (i > 0) {
            char p = text[i - 1];
            if ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') ||
                (p >= '0' && p <= '9') || p == '.' || p == '-' || p == '/') {
                i += dl;
                continue;
            }
        }
        if (jx_text_lost_digits(text, len, i)) {
            i += dl; /* lost its leading digits: unreadable */
            continue;
        }
        size_t b = i, e = i;
        struct jx_buf num;
        jx_buf_init(&num, 128);
        while (e < len) {
            int d = digit_at(text, len, e, &dl);
            if (d >= 0) {
                jx_buf_addc(&num, (char)('0' + d));
                e += dl;
                continue;
            }
            size_t nl;
            if ((text[e] == ',' || text[e] == '.') &&
                digit_at(text, len, e + 1, &nl) >= 0) {
                jx_buf_addc(&num, text[e]);
                e++;
                continue;
            }
            if (at(text, len, e, "．") &&
                digit_at(text, len, e + 3, &nl) >= 0) {
                jx_buf_addc(&num, '.');
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
        bool ok = true;
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
                   wan_money(arena, text, len, u + strlen("万"),
                             fig_end > sent_start ? fig_end : sent_start,
                             b)) {
            unit = JX_WANYUAN;
            uw = "万元";
            ue = u + strlen("万");
        } else if (at(text, len, u, "个")) {
            size_t ls, le;
            label_span(text, fig_end > sent_start ? fig_end : sent_start, b,
                       &ls, &le);
            const char *lab = jx_strndup(arena, text + ls, le - ls);
            if (strstr(lab, "编制") || strstr(lab, "人员")) {
                kind = JX_FACT_HEADCOUNT;
                uw = "个";
                ue = u + strlen("个");
            } else {
                ok = false;
            }
        } else {
            ok = false;
        }
        struct jx_fact f;
        memset(&f, 0, sizeof f);
        f.kind = kind;
        if (ok && kind == JX_FACT_MONEY) {
            size_t ep;
            ok = jx_money_parse(num.p, num.len, unit, &f.money, &ep) ==
                 JX_NUM_OK;
            f.unit = unit;
        } else if (ok) {
            struct jx_rat v;
            size_t ep;
            ok = jx_rat_parse(num.p, num.len, &v, NULL, &ep) == JX_NUM_OK;
            if (ok && kind == JX_FACT_PERCENT) {
                ok = jx_rat_div(v, jx_rat_int(100), &f.value) == JX_NUM_OK;
            } else if (ok) {
                ok = jx_rat_is_int(v);
                f.value = v;
            }
        }
        jx_buf_release(&num);
        if (!ok || out->n >= MAX_FACTS) {
            i = e;
            continue;
        }
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
            sent_scopes = scope_bits(arena, text + ss, se - ss);
        }
        size_t ls, le;
        label_span(text, fig_end > sent_start ? fig_end : sent_start, b, &ls,
                   &le);
        struct jx_fact *g = jx_facts_add(arena, out);
        *g = f;
        g->text = jx_strndup(arena, text + b, ue - b);
        g->label = tidy_label(arena, text + ls, le - ls);
        g->sentence = sent_text;
        g->scopes = sent_scopes;
        g->label_scopes = scope_bits(arena, g->label, strlen(g->label));
        g->unit_word = uw;
        g->section = section;
        g->paragraph = para;
        if (where) {
            g->prov = *where;
        }
        if (line) {
            g->prov.line = line_no;
            g->prov.col =
                (line_no == line ? col : 1) +
                (int)jx_utf8_count(text + line_start, b - line_start);
        }
        fig_end = ue;
        i = ue;
    }
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
