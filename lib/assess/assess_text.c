/*
 * assess_text.c - the analysers of the report's problems (section 七) and
 * measures (section 八) behind the judgement items of the 考核评分表
 * (rules.md §6.3).  See assess.h.
 *
 * Everything is word lists and counting: the areas a problem touches,
 * whether it gives a cause, and which measure answers which problem
 * (two texts answer each other when they share at least two content
 * bigrams of CJK characters, generic bigrams such as 加强, 提升, 工作
 * left out).  The bands suggested follow the rule's wording; the
 * reasons say what was counted so that a reviewer can disagree.
 */
#include "assess/assess.h"
#include "base/base_pairs.h"

#include <string.h>

/* Chinese name of an area. */
const char *jx_area_zh(enum jx_area a)
{
    static const char *const zh[] = {"预算和预算绩效管理", "履职效能",
                                     "资金分配", "资产", "财务管理",
                                     "政府采购"};
    return a < JX_AREA_COUNT ? zh[a] : "";
}

/* Words that put a problem in an area (NULL-terminated lists). */
static const char *const area_words[JX_AREA_COUNT][16] = {
    {"预算", "绩效", "执行率", "执行进度", "支出进度", "绩效目标", "指标",
     "自评", NULL},
    {"履职", "效能", "效率", "职责", "处置", "办理", "服务", "队伍",
     "责任心", "作风", "机制", "宣传", "信访", "能力", NULL},
    {"资金分配", "分配", "资金使用", "拨付", "资金安排", "专项资金",
     "资金支付", "资金管理", NULL},
    {"资产", "账实", "房屋", "设备", "车辆", "转固", "产权", "权属", NULL},
    {"财务", "会计", "核算", "报销", "票据", "内控", "内部控制", "往来款",
     "负债", "审计", NULL},
    {"采购", "招标", "招投标", "询价", NULL},
};

/* Words of a problem that is only a shortage of money. */
static const char *const funding_words[] = {
    "经费不足", "资金不足", "经费紧张", "资金紧张", "资金短缺", "经费短缺",
    "资金缺口", "经费缺口", "投入不足", "保障不足", "经费有限", "资金有限",
    NULL};

/* Words of a measure that is only more money. */
static const char *const money_words[] = {
    "加大资金投入", "加大投入", "增加经费", "增加投入", "争取资金",
    "争资争项", "追加预算", "增加预算", "加大经费投入", NULL};

/* Words that give a cause. */
static const char *const cause_words[] = {"由于", "因为", "原因", "导致",
                                          "造成", "致使", "源于", "因",
                                          NULL};

/* Bigrams too generic to tie a measure to a problem. */
static const char *const stop_bigrams[] = {
    "有待", "进一步", "一步", "加强", "提升", "工作", "全面", "推进", "开展",
    "不足", "问题", "存在", "部分", "个别", "较为", "不够", "需要", "进行",
    "我们", "中心", "单位", "持续", "深入", "做好", "落实", "强化", "方面",
    "情况", "积极", "主动", "不断", "切实", "确保", "继续", "有效", "提高",
    "完善", "一是", "二是", "三是", "四是", "五是", "相关", "及时", "不强",
    "较少", "较低", "不高", "明显", "主要", "我局", "我中", "本单", "有关",
    NULL};

/* True when s contains a word of the NULL-terminated list w; ps holds
 * s's byte pairs (jx_pairs_of), which rule most words out unsearched. */
static bool has_word(const char *s, const struct jx_pairs *ps,
                     const char *const *w)
{
    for (; *w; w++) {
        if (jx_pairs_may_hold(ps, *w) && strstr(s, *w)) {
            return true;
        }
    }
    return false;
}

/* Chinese numerals 一 … 十 (for 一是 and （一）). */
static const char *const cn_digits[] = {"一", "二", "三", "四", "五",
                                        "六", "七", "八", "九", "十"};

/* Length of a Chinese numeral 一…十 at s, or 0. */
static size_t cn_numeral(const char *s)
{
    for (size_t k = 0; k < 10; k++) {
        size_t n = strlen(cn_digits[k]);
        if (strncmp(s, cn_digits[k], n) == 0) {
            return n;
        }
    }
    return 0;
}

/* Skip ASCII blanks and U+3000 at s. */
static const char *skip_blank(const char *s)
{
    for (;;) {
        if (*s == ' ' || *s == '\t' || *s == '\r') {
            s++;
        } else if (strncmp(s, "\xe3\x80\x80", 3) == 0) {
            s += 3;
        } else {
            return s;
        }
    }
}

/* The numbering style at the start of a line (s after blanks): 1 for
 * "1." "1、" "1．", 2 for "（1）" "(1)", 3 for "（一）" "(一)", 4 for
 * "一、"; 0 for none.  *len gets the marker's length. */
static int line_marker(const char *s, size_t *len)
{
    const char *p = s;
    if (*p >= '0' && *p <= '9') {
        while (*p >= '0' && *p <= '9') {
            p++;
        }
        static const char *const ends[] = {".", "、", "．"};
        for (size_t k = 0; k < 3; k++) {
            size_t n = strlen(ends[k]);
            if (strncmp(p, ends[k], n) == 0 && !(p[n] >= '0' && p[n] <= '9')) {
                *len = (size_t)(p - s) + n;
                return 1;
            }
        }
        return 0;
    }
    size_t open = strncmp(p, "（", 3) == 0 ? 3 : *p == '(' ? 1 : 0;
    if (open) {
        p += open;
        int style = 0;
        if (*p >= '0' && *p <= '9') {
            while (*p >= '0' && *p <= '9') {
                p++;
            }
            style = 2;
        } else {
            size_t n = cn_numeral(p);
            p += n;
            style = n ? 3 : 0;
        }
        size_t close = strncmp(p, "）", 3) == 0 ? 3 : *p == ')' ? 1 : 0;
        if (style && close) {
            *len = (size_t)(p - s) + close;
            return style;
        }
        return 0;
    }
    size_t n = cn_numeral(p);
    if (n && strncmp(p + n, "、", 3) == 0) {
        *len = n + 3;
        return 4;
    }
    return 0;
}

/* A cut of the text: where an item starts and where its text begins
 * (after the marker). */
struct cut {
    size_t at, body;
    int line;
};

/* Cuts at line-start markers of the most used style (at least two). */
static size_t line_cuts(const char *t, struct cut *c, size_t max)
{
    size_t count[5] = {0};
    int line = 0;
    for (const char *l = t; *l;) {
        size_t len;
        int st = line_marker(skip_blank(l), &len);
        count[st]++;
        const char *nl = strchr(l, '\n');
        if (!nl) {
            break;
        }
        l = nl + 1;
        line++;
    }
    int best = 0;
    for (int s = 1; s <= 4; s++) {
        if (count[s] >= 2 && (best == 0 || count[s] > count[best])) {
            best = s;
        }
    }
    if (!best) {
        return 0;
    }
    size_t n = 0;
    line = 0;
    for (const char *l = t; *l && n < max;) {
        size_t len;
        const char *b = skip_blank(l);
        if (line_marker(b, &len) == best) {
            c[n++] = (struct cut){(size_t)(l - t), (size_t)(b + len - t), line};
        }
        const char *nl = strchr(l, '\n');
        if (!nl) {
            break;
        }
        l = nl + 1;
        line++;
    }
    return n;
}

/* Cuts at inline "一是" … "十是" after a start, 。；， or a newline. */
static size_t inline_cuts(const char *t, struct cut *c, size_t max)
{
    size_t n = 0;
    int line = 0;
    for (const char *p = t; *p && n < max; p++) {
        if (*p == '\n') {
            line++;
            continue;
        }
        size_t k = cn_numeral(p);
        if (!k || strncmp(p + k, "是", 3) != 0) {
            continue;
        }
        const char *q = p;
        while (q > t && (q[-1] == ' ' || q[-1] == '\t')) {
            q--;
        }
        bool after = q == t || q[-1] == '\n' ||
                     (q - t >= 3 && (strncmp(q - 3, "。", 3) == 0 ||
                                     strncmp(q - 3, "；", 3) == 0 ||
                                     strncmp(q - 3, "，", 3) == 0 ||
                                     strncmp(q - 3, "：", 3) == 0));
        if (after) {
            c[n++] = (struct cut){(size_t)(p - t), (size_t)(p + k + 3 - t),
                                  line};
        }
    }
    return n >= 2 ? n : 0;
}

/* The first clause of s (up to 。；： or 40 characters), arena copy. */
static const char *first_clause(struct jx_arena *a, const char *s)
{
    static const char *const ends[] = {"。", "；", "：", "\n"};
    size_t n = strlen(s);
    for (size_t k = 0; k < 4; k++) {
        const char *e = strstr(s, ends[k]);
        if (e && (size_t)(e - s) < n) {
            n = (size_t)(e - s);
        }
    }
    size_t chars = 0, i = 0;
    while (i < n && chars < 40) {
        int32_t cp;
        int l = jx_utf8_decode(s + i, n - i, &cp);
        i += l > 0 ? (size_t)l : 1;
        chars++;
    }
    return jx_sprintf(a, "%.*s%s", (int)i, s, i < n ? "…" : "");
}

/* The text of s[from..to) with blanks at both ends and inner newlines
 * removed (arena copy). */
static char *item_text(struct jx_arena *a, const char *s, size_t from,
                       size_t to)
{
    char *o = jx_alloc(a, to - from + 1);
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        if (s[i] != '\n' && s[i] != '\r') {
            o[k++] = s[i];
        }
    }
    o[k] = '\0';
    char *b = (char *)skip_blank(o);
    size_t n = strlen(b);
    while (n && (b[n - 1] == ' ' || b[n - 1] == '\t')) {
        b[--n] = '\0';
    }
    return b;
}

/* Split text into items (numbered lines, inline 一是, else paragraphs). */
size_t jx_split_items(struct jx_arena *a, const char *text,
                      struct jx_text_item **items)
{
    enum { MAXCUT = 200 };
    struct cut c[MAXCUT];
    size_t n = line_cuts(text, c, MAXCUT);
    if (!n) {
        n = inline_cuts(text, c, MAXCUT);
    }
    size_t len = strlen(text);
    struct jx_text_item *it = NULL;
    size_t k = 0;
    if (n) {
        it = jx_alloc_array(a, n, sizeof *it);
        for (size_t i = 0; i < n; i++) {
            size_t end = i + 1 < n ? c[i + 1].at : len;
            char *s = item_text(a, text, c[i].body, end);
            const char *nl = strchr(text + c[i].body, '\n');
            size_t hend = nl && (size_t)(nl - text) < end
                              ? (size_t)(nl - text)
                              : end;
            if (*s) {
                it[k] = (struct jx_text_item){
                    s, first_clause(a, item_text(a, text, c[i].body, hend)),
                    c[i].line, 0, false, false, -1};
                k++;
            }
        }
    } else {
        size_t np = 1;
        for (const char *p = text; *p; p++) {
            np += *p == '\n';
        }
        it = jx_alloc_array(a, np, sizeof *it);
        int line = 0;
        for (const char *l = text; *l;) {
            const char *nl = strchr(l, '\n');
            size_t e = nl ? (size_t)(nl - text) : len;
            char *s = item_text(a, text, (size_t)(l - text), e);
            if (*s && k < np) {
                it[k] = (struct jx_text_item){s, first_clause(a, s), line, 0,
                                              false, false, -1};
                k++;
            }
            if (!nl) {
                break;
            }
            l = nl + 1;
            line++;
        }
    }
    *items = it;
    return k;
}

/* The text of the report section numbered no, or NULL. */
static const char *section_text(const struct jx_package *pkg, int no)
{
    for (size_t i = 0; i < pkg->report.nsections; i++) {
        const struct jx_section *s = &pkg->report.sections[i];
        if (s->no == no && s->text.s && *s->text.s) {
            return s->text.s;
        }
    }
    return NULL;
}

/* Tag an item's areas, cause and funding-only flag (problems when
 * problem, else measures). */
static void tag(struct jx_text_item *it, bool problem)
{
    struct jx_pairs ps; /* the text's byte pairs: one pass for all lists */
    jx_pairs_of(&ps, it->text);
    for (int a = 0; a < JX_AREA_COUNT; a++) {
        if (has_word(it->text, &ps, area_words[a])) {
            it->areas |= 1u << a;
        }
    }
    it->cause = has_word(it->text, &ps, cause_words);
    if (problem) {
        it->funding_only = has_word(it->text, &ps, funding_words) &&
                           !(it->areas & ~(1u << JX_AREA_ALLOCATION));
    } else {
        it->funding_only = has_word(it->text, &ps, money_words) &&
                           strlen(it->text) < 120;
    }
}

/* The areas of mask as "A、B" (arena). */
static const char *area_list(struct jx_arena *a, uint32_t mask)
{
    struct jx_buf b;
    jx_buf_init(&b, 1024);
    for (int k = 0; k < JX_AREA_COUNT; k++) {
        if (mask & (1u << k)) {
            jx_buf_addf(&b, "%s%s", b.len ? "、" : "", jx_area_zh((enum jx_area)k));
        }
    }
    char *s = jx_strdup(a, b.p);
    jx_buf_release(&b);
    return s;
}

/* Start an analysis of section no: its items, each tagged (as problems
 * or as measures), the union of their areas, the causes and whether all
 * are funding only.  False (with out set to the rule's zero case and
 * the reason `absent`) when the report has no such section. */
static bool open_section(struct jx_arena *a, const struct jx_package *pkg,
                         int no, const char *absent, bool problems,
                         struct jx_text_analysis *out)
{
    memset(out, 0, sizeof *out);
    const char *t = section_text(pkg, no);
    if (!t) {
        out->zero = true;
        out->reasons = absent;
        return false;
    }
    out->present = true;
    out->chars = jx_utf8_count(t, strlen(t));
    out->nitems = jx_split_items(a, t, &out->items);
    out->funding_only = out->nitems > 0;
    for (size_t i = 0; i < out->nitems; i++) {
        struct jx_text_item *it = &out->items[i];
        tag(it, problems);
        out->areas |= it->areas;
        out->with_cause += it->cause;
        out->funding_only = out->funding_only && it->funding_only;
    }
    return true;
}

/* Analyse the problems (section 七) of pkg's report. */
void jx_analyse_problems(struct jx_arena *a, const struct jx_package *pkg,
                         struct jx_text_analysis *out)
{
    if (!open_section(a, pkg, 7, "自评报告没有“存在的问题及原因分析”部分",
                      true, out)) {
        return;
    }
    uint32_t all = (1u << JX_AREA_COUNT) - 1;
    int k = 0;
    for (int i = 0; i < JX_AREA_COUNT; i++) {
        k += (out->areas >> i) & 1;
    }
    const char *missing = area_list(a, all & ~out->areas);
    if (out->funding_only) {
        out->zero = true;
        out->reasons = jx_sprintf(a, "所列 %zu 条问题只是经费不足，按评分标准不得分",
                                  out->nitems);
        return;
    }
    if (out->nitems <= 1 && out->chars < 100) {
        out->band = "过于简单";
        out->reasons = jx_sprintf(a, "问题未归纳且过于简单（共 %zu 字）",
                                  out->chars);
        return;
    }
    out->band = k >= 4 && 2 * out->with_cause >= out->nitems ? "全面"
                : k >= 2 && out->with_cause > 0               ? "较全面"
                                                              : "不全面";
    out->reasons = jx_sprintf(
        a, "归纳问题 %zu 条，涉及%s%s%s；%zu 条分析了原因", out->nitems,
        k ? area_list(a, out->areas) : "（未涉及评分标准所列方面）",
        *missing ? "，未涉及" : "", missing, out->with_cause);
}

/* The content bigrams (two CJK characters, not generic) of s, as byte
 * offsets of their first character; at most max. */
static size_t bigrams(const char *s, uint64_t *keys, size_t max)
{
    size_t n = 0, len = strlen(s);
    int32_t prev = 0;
    for (size_t i = 0; i < len && n < max;) {
        int32_t cp;
        int l = jx_utf8_decode(s + i, len - i, &cp);
        if (l <= 0) {
            i++;
            prev = 0;
            continue;
        }
        bool cjk = cp >= 0x4E00 && cp <= 0x9FFF;
        if (cjk && prev) {
            uint64_t key = ((uint64_t)(uint32_t)prev << 32) | (uint32_t)cp;
            bool stop = false;
            for (const char *const *w = stop_bigrams; *w && !stop; w++) {
                int32_t a1, a2;
                int l1 = jx_utf8_decode(*w, strlen(*w), &a1);
                if (l1 > 0 &&
                    jx_utf8_decode(*w + l1, strlen(*w + l1), &a2) > 0 &&
                    ((uint64_t)(uint32_t)a1 << 32 | (uint32_t)a2) == key) {
                    stop = true;
                }
            }
            if (!stop) {
                keys[n++] = key;
            }
        }
        prev = cjk ? cp : 0;
        i += (size_t)l;
    }
    return n;
}

/* Distinct bigrams shared by a and b. */
static size_t shared(const uint64_t *a, size_t na, const uint64_t *b,
                     size_t nb)
{
    size_t s = 0;
    for (size_t i = 0; i < na; i++) {
        bool seen = false;
        for (size_t k = 0; k < i && !seen; k++) {
            seen = a[k] == a[i];
        }
        for (size_t k = 0; k < nb && !seen; k++) {
            if (b[k] == a[i]) {
                s++;
                break;
            }
        }
    }
    return s;
}

/* True when measure m answers problem p: the head of one shares two
 * content bigrams with the whole of the other, or the two wholes share
 * six.  pb and mb are scratch arrays of max keys. */
static bool answers(const struct jx_text_item *p, const struct jx_text_item *m,
                    uint64_t *pb, uint64_t *mb, size_t max)
{
    size_t np = bigrams(p->head, pb, max), nm = bigrams(m->text, mb, max);
    if (shared(pb, np, mb, nm) >= 2) {
        return true;
    }
    np = bigrams(p->text, pb, max);
    if (shared(pb, np, mb, nm) >= 6) {
        return true;
    }
    nm = bigrams(m->head, mb, max);
    return shared(mb, nm, pb, np) >= 2;
}

/* Analyse the measures (section 八) against the problems. */
void jx_analyse_measures(struct jx_arena *a, const struct jx_package *pkg,
                         struct jx_text_analysis *problems,
                         struct jx_text_analysis *out)
{
    if (!open_section(a, pkg, 8, "自评报告没有“下一步改进措施”部分", false,
                      out)) {
        return;
    }
    if (out->funding_only) {
        out->zero = true;
        out->reasons = jx_sprintf(a, "所列 %zu 条措施只是加大资金投入，按评分标准不得分",
                                  out->nitems);
        return;
    }
    if (out->nitems <= 1 && out->chars < 80) {
        out->band = "过于简单";
        out->reasons = jx_sprintf(a, "改进措施过于简单（共 %zu 字）", out->chars);
        return;
    }
    enum { MAXB = 4096 };
    uint64_t *pb = jx_alloc_array(a, MAXB, sizeof *pb);
    uint64_t *mb = jx_alloc_array(a, MAXB, sizeof *mb);
    size_t np = problems && problems->present ? problems->nitems : 0;
    size_t answered = 0;
    for (size_t i = 0; i < np; i++) {
        struct jx_text_item *p = &problems->items[i];
        for (size_t m = 0; m < out->nitems && p->answers < 0; m++) {
            if (answers(p, &out->items[m], pb, mb, MAXB)) {
                p->answers = (int)m;
            }
        }
        answered += p->answers >= 0;
    }
    for (size_t m = 0; m < out->nitems; m++) {
        struct jx_text_item *it = &out->items[m];
        for (size_t i = 0; i < np && it->answers < 0; i++) {
            if (answers(&problems->items[i], it, pb, mb, MAXB)) {
                it->answers = (int)i;
            }
        }
        out->unmatched += it->answers < 0;
    }
    if (problems) {
        problems->unmatched = np - answered;
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    jx_buf_addf(&b, "改进措施 %zu 条", out->nitems);
    if (np) {
        jx_buf_addf(&b, "，对应了 %zu 条问题中的 %zu 条", np, answered);
        size_t shown = 0;
        for (size_t i = 0; i < np; i++) {
            if (problems->items[i].answers < 0 && shown++ < 4) {
                jx_buf_addf(&b, "%s问题%zu“%s”", shown == 1 ? "；没有对应措施的：" : "、",
                            i + 1, problems->items[i].head);
            }
        }
        shown = 0;
        for (size_t m = 0; m < out->nitems; m++) {
            if (out->items[m].answers < 0 && shown++ < 4) {
                jx_buf_addf(&b, "%s措施%zu“%s”", shown == 1 ? "；不对应所列问题的：" : "、",
                            m + 1, out->items[m].head);
            }
        }
        out->band = answered == np && out->unmatched * 3 <= out->nitems
                        ? "全面"
                    : 3 * answered >= 2 * np ? "较全面"
                                             : "不全面";
    } else {
        jx_buf_adds(&b, "，报告没有列出问题，无法核对措施与问题是否对应");
        out->band = "不全面";
    }
    out->reasons = jx_strdup(a, b.p);
    jx_buf_release(&b);
}
