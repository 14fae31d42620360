/*
 * check_indicators.c - family C4: indicators (docs/checks.md, C4).
 *
 * What the scorer already reports per row (V103 operator in the actual,
 * V104 kinds differ, V106 rate above 100%, S205 over-achievement, S204
 * score below points) is not repeated; this family adds what a reviewer sees across rows
 * and across the report: cost targets equal to the executed amount,
 * actuals copied from the targets, 执行率 below 100% that nothing in the
 * report explains, vague and unmeasurable targets, duplicate names.
 */
#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/facts.h"
#include "jixiao/indval.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Longest row list printed in one message (the rest are counted). */
#define LIST_MAX 12

/* A sheet as this family sees it. */
struct isheet {
    const struct jx_sheet *sh;
    const char *path;  /* "/unit_sheet", "/project_sheets/0", ... */
    const char *label; /* Chinese name of the sheet */
    const struct jx_sheet_eval *se; /* its scoring, or NULL (goal sheet) */
    struct jx_indval *tv, *av; /* each indicator's target and actual
                                  parsed once by check_sheet (arena;
                                  present texts only), or NULL */
    int *report_says; /* whether the report explains a low rate: -1 not
                         known yet, 0 no, 1 yes; shared by the sheets of
                         one run (the caller's), or NULL */
};

/* True when t holds some text. */
static bool has(const struct jx_text *t)
{
    return t->s && t->s[0];
}

/* The indicator's name for a message (arena-owned or a literal). */
static const char *ind_name(const struct jx_indicator *r)
{
    return has(&r->name) ? r->name.s : "（无名称）";
}

/* Parse one indicator text into *iv (arena-owned strings). */
static void parse(struct jx_check_ctx *c, const struct jx_text *t,
                  struct jx_indval *iv)
{
    const char *s = t->s ? t->s : "";
    size_t n = strlen(s);
    if (n > JX_INDVAL_MAX_BYTES) {
        n = JX_INDVAL_MAX_BYTES;
    }
    jx_indval_parse(c->arena, s, n, iv);
}

/* Indicator i's target (or actual) of sheet s into *iv: the parse
 * check_sheet keeps, else parsed now. */
static void parsed(struct jx_check_ctx *c, const struct isheet *s, size_t i,
                   bool actual, struct jx_indval *iv)
{
    struct jx_indval *kept = actual ? s->av : s->tv;
    if (kept) {
        *iv = kept[i];
        return;
    }
    const struct jx_indicator *r = &s->sh->indicators[i];
    parse(c, actual ? &r->actual : &r->target, iv);
}

/* Append "第N行“name”" to b, separated by "、"; counts past LIST_MAX. */
static void list_row(struct jx_buf *b, size_t *count, size_t i,
                     const char *what)
{
    if (*count < LIST_MAX) {
        if (*count) {
            jx_buf_adds(b, "、");
        }
        jx_buf_addf(b, "第%zu项%s", i + 1, what);
    }
    *count += 1;
}

/* Close a row list: "等 N 行" when cut. */
static void list_end(struct jx_buf *b, size_t count)
{
    if (count > LIST_MAX) {
        jx_buf_addf(b, "等 %zu 项", count);
    }
}

/* Add a finding whose message is fmt + the list in b; frees b. */
static void report_list(struct jx_check_ctx *c, const char *code,
                        enum jx_severity sev, const struct jx_prov *prov,
                        const char *path, const char *head,
                        struct jx_buf *b)
{
    jx_check_report(c, code, sev, prov, path, "%s%s", head, b->p);
    jx_buf_release(b);
}

/* C401: a cost target (money, ≤ or plain) equal to the sheet's 全年执行数. */
static void cost_target(struct jx_check_ctx *c, const struct isheet *s)
{
    const struct jx_sheet *sh = s->sh;
    if (!sh->total.executed.present) {
        return;
    }
    if (sh->total.budget_full.present &&
        jx_money_cmp(sh->total.budget_full.v, sh->total.executed.v) == 0) {
        return; /* the target equals the budget too: set in advance */
    }
    struct jx_rat exec = jx_rat_from_money_yuan(sh->total.executed.v);
    for (size_t i = 0; i < sh->nindicators; i++) {
        const struct jx_indicator *r = &sh->indicators[i];
        if (!has(&r->target)) {
            continue;
        }
        struct jx_indval iv;
        parsed(c, s, i, false, &iv);
        if (iv.kind != JX_IV_NUMBER || iv.dim != JX_DIM_MONEY ||
            (iv.op != JX_OP_NONE && iv.op != JX_OP_LE &&
             iv.op != JX_OP_LT && iv.op != JX_OP_EQ) ||
            jx_rat_cmp(iv.num, exec) != 0) {
            continue;
        }
        char buf[JX_NUM_BUFSZ];
        jx_check_report(
            c, "C401", JX_SEV_WARNING, r->prov,
            jx_sprintf(c->arena, "%s/indicators/%zu/target", s->path, i),
            "%s指标“%s”的年度指标值“%s”恰好等于全年执行数 %s%s，"
            "疑为事后按执行数填写的目标",
            s->label, ind_name(r), r->target.s,
            jx_money_format_exact(sh->total.executed.v, sh->unit, buf),
            jx_money_unit_name(sh->unit));
    }
}

/* Trimmed equality of two texts (ASCII and U+3000 blanks ignored at the
 * ends). */
static bool same_text(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    while (na && (a[na - 1] == ' ' || a[na - 1] == '\n')) {
        na--;
    }
    while (nb && (b[nb - 1] == ' ' || b[nb - 1] == '\n')) {
        nb--;
    }
    while (na && (*a == ' ' || *a == '\n')) {
        a++;
        na--;
    }
    while (nb && (*b == ' ' || *b == '\n')) {
        b++;
        nb--;
    }
    return na == nb && memcmp(a, b, na) == 0;
}

/* C402 and C403: actuals that are not measured values.  C402 lists the
 * qualitative rows whose actual repeats the target word, and (on the
 * goal sheet, which the scorer does not read) actuals written with an
 * operator; C403 lists, on the goal sheet only, the rows whose target
 * and actual are of different kinds (V104 does it on scored sheets). */
static void copied_actuals(struct jx_check_ctx *c, const struct isheet *s)
{
    const struct jx_sheet *sh = s->sh;
    bool goal = sh->kind == JX_SHEET_GOALS;
    struct jx_buf b, k;
    jx_buf_init(&b, 1u << 16);
    jx_buf_init(&k, 1u << 16);
    size_t nb = 0, nk = 0, nops = 0;
    const struct jx_prov *pb = NULL, *pk = NULL;
    size_t ib = 0, ik = 0;
    for (size_t i = 0; i < sh->nindicators; i++) {
        const struct jx_indicator *r = &sh->indicators[i];
        if (!has(&r->target) || !has(&r->actual)) {
            continue;
        }
        struct jx_indval t, a;
        parsed(c, s, i, false, &t);
        parsed(c, s, i, true, &a);
        bool kinds_differ =
            t.kind != JX_IV_EMPTY && a.kind != JX_IV_EMPTY &&
            t.kind != JX_IV_NA && a.kind != JX_IV_NA &&
            t.kind != JX_IV_UNPARSED && a.kind != JX_IV_UNPARSED &&
            (t.kind != a.kind ||
             (t.kind == JX_IV_NUMBER && !jx_indval_comparable(&t, &a)));
        if (goal && kinds_differ) {
            /* 明显 against ≥95%: a mismatch of kinds, not a copy */
            if (!nk) {
                pk = r->prov;
                ik = i;
            }
            list_row(&k, &nk, i,
                     jx_sprintf(c->arena, "“%s”（%s 对 %s）", ind_name(r),
                                r->target.s, r->actual.s));
            continue;
        }
        const char *what = NULL;
        if (t.kind == JX_IV_QUALITATIVE && a.kind == JX_IV_QUALITATIVE &&
            same_text(r->target.s, r->actual.s)) {
            what = jx_sprintf(c->arena, "“%s”（%s＝%s）", ind_name(r),
                              r->target.s, r->actual.s);
        } else if (goal && a.kind == JX_IV_NUMBER && a.op != JX_OP_NONE &&
                   a.op != JX_OP_RANGE) {
            what = jx_sprintf(c->arena, "“%s”（%s%s%s）", ind_name(r),
                              r->target.s,
                              same_text(r->target.s, r->actual.s) ? "＝"
                                                                  : "→",
                              r->actual.s);
            nops++;
        }
        if (what) {
            if (!nb) {
                pb = r->prov;
                ib = i;
            }
            list_row(&b, &nb, i, what);
        }
    }
    int min = c->cfg ? c->cfg->copied_min : 3;
    if (nb && (nops > 0 || nb >= (size_t)(min > 0 ? min : 1))) {
        list_end(&b, nb);
        report_list(c, "C402", JX_SEV_WARNING, pb,
                    jx_sprintf(c->arena, "%s/indicators/%zu/actual", s->path,
                               ib),
                    jx_sprintf(c->arena,
                               "%s有 %zu 个指标的实际完成值照抄年度指标值，"
                               "不是实际完成的情况：",
                               s->label, nb),
                    &b);
    } else {
        jx_buf_release(&b);
    }
    if (nk) {
        list_end(&k, nk);
        report_list(c, "C403", JX_SEV_WARNING, pk,
                    jx_sprintf(c->arena, "%s/indicators/%zu/actual", s->path,
                               ik),
                    jx_sprintf(c->arena,
                               "%s有 %zu 个指标的年度指标值与实际完成值类型"
                               "不一致，无法比较：",
                               s->label, nk),
                    &k);
    } else {
        jx_buf_release(&k);
    }
}

/* Words that by themselves give a reason for an execution rate below
 * 100%: money left over, carried over, not paid, paid late. */
static const char *const cause_words[] = {
    "未支付", "未执行", "未拨付", "未到位", "未使用", "未完成支付",
    "滞后", "缓慢", "延迟", "未按期", "形成结余", "结转下年", "结转至下",
    "结余资金", "节约",
};

/* Words of money left over that explain only in a sentence that also
 * says why or when (结余 as in 含结余指标 explains nothing). */
static const char *const weak_words[] = {"结余", "结转"};
static const char *const weak_context[] = {"年末", "下年", "下一年", "形成",
                                           "因", "由于", "导致", "原因",
                                           "执行"};

/* Words that name the execution rate; they explain it only together
 * with a causal word in the same sentence ("执行率 98%" alone does not). */
static const char *const topic_words[] = {
    "执行率", "执行进度", "支付进度", "资金进度", "预算执行",
};
static const char *const because_words[] = {
    "原因", "由于", "因", "导致", "造成", "偏低", "较低", "未达", "不到位",
    "较慢", "偏慢",
};

/* A set of words that each start with a multi-byte character, sorted
 * by the low six bits of their second byte: by[c] has bit k for each
 * word k whose second byte ends in c, so most places of a text are
 * passed over by one lookup.  Built once per process (word_sets). */
struct word_set {
    const char *w[32];
    size_t len[32];
    uint32_t by[64];
    size_t n;
};

/* Add the n words of w to set (bits in their order). */
static void word_set_add(struct word_set *set, const char *const *w,
                         size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t i = set->n++;
        if (i >= 32 || ((unsigned char)w[k][0] & 0xC0) != 0xC0) {
            JX_BUG("word_set_add: more than 32 words, or one in ASCII");
        }
        set->w[i] = w[k];
        set->len[i] = strlen(w[k]);
        set->by[(unsigned char)w[k][1] & 0x3F] |= (uint32_t)1 << i;
    }
}

/* The word sets of explains(): its words (of cause, then of money left
 * over, then naming the rate, bits in that order) and the two lists of
 * words of the sentence around them. */
enum {
    NCAUSE = sizeof cause_words / sizeof cause_words[0],
    NWEAK = sizeof weak_words / sizeof weak_words[0],
};
static struct word_set explain_set, weak_context_set, because_set;
static pthread_once_t word_sets_once = PTHREAD_ONCE_INIT;

/* Build the word sets (pthread_once). */
static void word_sets_init(void)
{
    word_set_add(&explain_set, cause_words, NCAUSE);
    word_set_add(&explain_set, weak_words, NWEAK);
    word_set_add(&explain_set, topic_words,
                 sizeof topic_words / sizeof topic_words[0]);
    word_set_add(&weak_context_set, weak_context,
                 sizeof weak_context / sizeof weak_context[0]);
    word_set_add(&because_set, because_words,
                 sizeof because_words / sizeof because_words[0]);
}

/* True when the n bytes at s (inside a NUL-terminated text) contain
 * one of the words of set. */
static bool has_any(const char *s, size_t n, const struct word_set *set)
{
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0xC0) {
            continue; /* every word starts with a multi-byte character */
        }
        /* s[i] is not NUL, so s[i + 1] is inside the text */
        for (uint32_t cand = set->by[(unsigned char)s[i + 1] & 0x3F]; cand;
             cand &= cand - 1) {
            size_t k = (size_t)__builtin_ctz(cand);
            size_t w = set->len[k];
            if (set->w[k][0] == s[i] && w <= n - i &&
                memcmp(s + i, set->w[k], w) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* Bytes of the sentence end at p (。；！？ or a newline), or 0. */
static size_t sentence_end(const char *p)
{
    if (*p == '\n') {
        return 1;
    }
    /* 。 is E3 80 82; ；！？ are EF BC 9B, EF BC 81, EF BC 9F */
    unsigned char c0 = (unsigned char)p[0];
    if (c0 == 0xE3) {
        return (unsigned char)p[1] == 0x80 && (unsigned char)p[2] == 0x82
                   ? 3
                   : 0;
    }
    if (c0 == 0xEF && (unsigned char)p[1] == 0xBC) {
        unsigned char c2 = (unsigned char)p[2];
        return c2 == 0x9B || c2 == 0x81 || c2 == 0x9F ? 3 : 0;
    }
    return 0;
}

/* True when the sentence of s around p contains a word of set. */
static bool in_sentence(const char *s, const char *p,
                        const struct word_set *set)
{
    const char *a = p, *b = p;
    while (a > s && !sentence_end(a - 1) &&
           !(a - s >= 3 && sentence_end(a - 3))) {
        a--;
    }
    while (*b && !sentence_end(b)) {
        b++;
    }
    return has_any(a, (size_t)(b - a), set);
}

/* True when s gives a reason for an execution rate below 100%: a word
 * of cause anywhere, or a word naming the rate with a causal word in
 * the same sentence.  One pass over s: every place where a word of
 * cause, money left over or the rate begins is tried (the same places
 * a strstr of each word would find), its candidate words in their
 * order. */
static bool explains(const char *s)
{
    if (!s) {
        return false;
    }
    pthread_once(&word_sets_once, word_sets_init);
    const struct word_set *set = &explain_set;
    for (const char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0xC0) {
            continue; /* every word starts with a multi-byte character */
        }
        for (uint32_t cand = set->by[(unsigned char)p[1] & 0x3F]; cand;
             cand &= cand - 1) {
            size_t k = (size_t)__builtin_ctz(cand);
            const char *w = set->w[k];
            if (w[0] != p[0] || strncmp(p, w, set->len[k]) != 0) {
                continue;
            }
            if (k < NCAUSE) {
                return true;
            }
            if (in_sentence(s, p,
                            k < NCAUSE + NWEAK ? &weak_context_set
                                               : &because_set)) {
                return true;
            }
        }
    }
    return false;
}

/* Whether a section of the report explains a low execution rate; the
 * answer is kept in *cache (-1 when not known yet; NULL: no cache). */
static bool report_explains(const struct jx_check_ctx *c, int *cache)
{
    if (cache && *cache >= 0) {
        return *cache == 1;
    }
    bool yes = false;
    const struct jx_report *rp = &c->pkg->report;
    for (size_t i = 0; i < rp->nsections && !yes; i++) {
        yes = explains(rp->sections[i].text.s);
    }
    if (cache) {
        *cache = yes;
    }
    return yes;
}

/* C404: 执行率 below 100% and nothing in the report (any section) nor a
 * deviation note explains it.  When what was read holds no report at
 * all (a workbook of the forms), whether the report explains it cannot
 * be told: a note, not a warning. */
static void unexplained_rate(struct jx_check_ctx *c, const struct isheet *s)
{
    const struct jx_sheet_eval *se = s->se;
    if (!se || !se->rate.has_value ||
        jx_rat_cmp(se->rate.value, jx_rat_int(1)) >= 0) {
        return;
    }
    /* the report's answer first: it is told once per package (kept in
       s->report_says) and, when yes, spares every row's note */
    const struct jx_report *rp = &c->pkg->report;
    if (report_explains(c, s->report_says)) {
        return;
    }
    for (size_t i = 0; i < s->sh->nindicators; i++) {
        if (explains(s->sh->indicators[i].deviation.s)) {
            return;
        }
    }
    char buf[JX_NUM_BUFSZ];
    if (!rp->present) {
        jx_check_report(c, "C404", JX_SEV_NOTE, se->rate.prov, se->rate.path,
                        "%s执行率 %s 低于 100%%，偏差原因分析没有说明原因；"
                        "所读材料中没有自评报告，未能核对报告是否说明",
                        s->label,
                        jx_rat_format(se->rate.value, se->rate.scale, true,
                                      JX_ROUND_HALF_UP, buf));
        return;
    }
    jx_check_report(c, "C404", JX_SEV_WARNING, se->rate.prov, se->rate.path,
                    "%s执行率 %s 低于 100%%，自评报告（包括第七部分存在的问题）"
                    "和偏差原因分析都没有说明原因（结余、结转、未支付、"
                    "执行进度等）",
                    s->label,
                    jx_rat_format(se->rate.value, se->rate.scale, true,
                                  JX_ROUND_HALF_UP, buf));
}

/* Vague target words (rules §1.4.6: qualitative targets). */
static const char *const vague_words[] = {
    "有效提升", "持续推进", "明显", "持续发展", "逐步完善", "及时",
    "显著", "稳步", "不断", "进一步", "有效", "提升", "改善", "良好",
    "较好", "持续",
};

/* The vague word in s, or NULL. */
static const char *vague_word(const char *s)
{
    for (size_t k = 0; k < sizeof vague_words / sizeof vague_words[0];
         k++) {
        if (strstr(s, vague_words[k])) {
            return vague_words[k];
        }
    }
    return NULL;
}

/* True when the level-2 label asks for a number (数量, 质量, 成本). */
static bool numeric_level2(const struct jx_text *l2)
{
    return has(l2) && (strstr(l2->s, "数量") || strstr(l2->s, "质量") ||
                       strstr(l2->s, "成本"));
}

/* C405 (vague targets, one finding per sheet) and C406 (a qualitative
 * target where the level-2 indicator asks for a number). */
static void vague(struct jx_check_ctx *c, const struct isheet *s)
{
    const struct jx_sheet *sh = s->sh;
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    size_t n = 0, first = 0;
    const struct jx_prov *pf = NULL;
    for (size_t i = 0; i < sh->nindicators; i++) {
        const struct jx_indicator *r = &sh->indicators[i];
        if (!has(&r->target)) {
            continue;
        }
        struct jx_indval t;
        parsed(c, s, i, false, &t);
        if (t.kind != JX_IV_QUALITATIVE) {
            continue;
        }
        if (numeric_level2(&r->level2)) {
            jx_check_report(
                c, "C406", JX_SEV_WARNING, r->prov,
                jx_sprintf(c->arena, "%s/indicators/%zu/target", s->path, i),
                "%s指标“%s”属于%s，年度指标值“%s”却不是可衡量的数值",
                s->label, ind_name(r), r->level2.s, r->target.s);
            continue;
        }
        const char *w = vague_word(r->target.s);
        if (!w) {
            continue;
        }
        if (!n) {
            pf = r->prov;
            first = i;
        }
        list_row(&b, &n, i, jx_sprintf(c->arena, "“%s”（%s）", ind_name(r),
                                        r->target.s));
    }
    if (n && c->cfg && n >= (size_t)(c->cfg->vague_min > 0
                                         ? c->cfg->vague_min : 1)) {
        list_end(&b, n);
        report_list(c, "C405", JX_SEV_NOTE, pf,
                    jx_sprintf(c->arena, "%s/indicators/%zu/target", s->path,
                               first),
                    jx_sprintf(c->arena,
                               "%s有 %zu 个指标的年度指标值是模糊的定性表述，"
                               "无法衡量：",
                               s->label, n),
                    &b);
    } else {
        jx_buf_release(&b);
    }
}

/* FNV-1a of a NUL-terminated name. */
static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) {
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    }
    return h;
}

/* C407: the same 三级指标 name twice in one sheet.  Each named row's
 * first row of the same name is found by hashing (linear, not a
 * comparison of every pair); then each first row's later namesakes are
 * reported, in the order of the rows, as the plain double loop did. */
static void duplicates(struct jx_check_ctx *c, const struct isheet *s)
{
    const struct jx_sheet *sh = s->sh;
    size_t n = sh->nindicators;
    if (n < 2) {
        return;
    }
    size_t nslots = 4;
    while (nslots < 2 * n) {
        nslots *= 2;
    }
    size_t *first = jx_xmalloc(n * sizeof *first); /* n: unnamed */
    size_t *slot = jx_xmalloc(nslots * sizeof *slot); /* row + 1, 0 free */
    uint64_t *hash = jx_xmalloc(n * sizeof *hash);
    memset(slot, 0, nslots * sizeof *slot);
    bool any = false;
    for (size_t i = 0; i < n; i++) {
        const struct jx_indicator *r = &sh->indicators[i];
        first[i] = n;
        if (!has(&r->name)) {
            continue;
        }
        hash[i] = name_hash(r->name.s);
        for (size_t k = (size_t)hash[i] & (nslots - 1);;
             k = (k + 1) & (nslots - 1)) {
            if (slot[k] == 0) {
                slot[k] = i + 1;
                first[i] = i;
                break;
            }
            size_t j = slot[k] - 1;
            if (hash[j] == hash[i] &&
                strcmp(sh->indicators[j].name.s, r->name.s) == 0) {
                first[i] = j;
                any = true;
                break;
            }
        }
    }
    for (size_t i = 0; any && i < n; i++) {
        if (first[i] != i) {
            continue; /* unnamed, or a later namesake */
        }
        const struct jx_indicator *r = &sh->indicators[i];
        for (size_t j = i + 1; j < n; j++) {
            if (first[j] == i) {
                jx_check_report(
                    c, "C407", JX_SEV_WARNING, sh->indicators[j].prov,
                    jx_sprintf(c->arena, "%s/indicators/%zu/name", s->path,
                               j),
                    "%s第%zu项指标“%s”与第%zu项重名", s->label, j + 1,
                    r->name.s, i + 1);
            }
        }
    }
    free(first);
    free(slot);
    free(hash);
}

/* Indicator i's text t (its actual when actual) into *iv: as the
 * scoring parsed it when the sheet was scored and the text is not cut
 * by parse(), else parsed now. */
static void kept_or_parse(struct jx_check_ctx *c, const struct isheet *s,
                          const struct jx_text *t, bool actual, size_t i,
                          struct jx_indval *iv)
{
    const struct jx_sheet_eval *se = s->se;
    const struct jx_indval *kept =
        se && i < se->nindicators ? (actual ? se->actuals : se->targets)
                                  : NULL;
    if (kept && strlen(t->s) <= JX_INDVAL_MAX_BYTES) {
        *iv = kept[i];
        return;
    }
    parse(c, t, iv);
}

/* Run every C4 check on one sheet. */
static void check_sheet(struct jx_check_ctx *c, const struct isheet *in)
{
    /* every target and actual parsed once for the checks below */
    struct isheet one = *in;
    const struct isheet *s = &one;
    size_t n = in->sh->nindicators;
    if (n > 0) {
        one.tv = jx_alloc(c->arena, n * sizeof *one.tv);
        one.av = jx_alloc(c->arena, n * sizeof *one.av);
        for (size_t i = 0; i < n; i++) {
            const struct jx_indicator *r = &in->sh->indicators[i];
            if (has(&r->target)) {
                kept_or_parse(c, in, &r->target, false, i, &one.tv[i]);
            }
            if (has(&r->actual)) {
                kept_or_parse(c, in, &r->actual, true, i, &one.av[i]);
            }
        }
    }
    cost_target(c, s);
    copied_actuals(c, s);
    unexplained_rate(c, s);
    vague(c, s);
    duplicates(c, s);
}

/* The evaluation of sheet sh, or NULL. */
static const struct jx_sheet_eval *eval_of(const struct jx_check_ctx *c,
                                           const struct jx_sheet *sh)
{
    if (!c->ev) {
        return NULL;
    }
    for (size_t i = 0; i < c->ev->nsheets; i++) {
        if (c->ev->sheets[i].sheet == sh) {
            return &c->ev->sheets[i];
        }
    }
    return NULL;
}

/* Scope words of a part of the spending (not the year's whole). */
#define PART_SCOPES                                                        \
    (JX_SCOPE_BASIC | JX_SCOPE_PROJECT | JX_SCOPE_PERSONNEL |              \
     JX_SCOPE_PUBLIC | JX_SCOPE_THREE_PUBLIC | JX_SCOPE_PROCUREMENT |      \
     JX_SCOPE_GOV_FUND | JX_SCOPE_STATE_CAPITAL | JX_SCOPE_SOCIAL_INSURANCE)

/* C404 in the prose, when no 整体支出绩效自评表 gives the rate: the year's
 * budget ("2022年预算资金256.14万元", a label with 预算 and no part) and,
 * after it in the same section, the year's spending (a label with 支出 or
 * 执行, no part, no other 预算 than 一般公共预算), spent below the budget
 * and explained nowhere.  said: report_explains's cache. */
static void unexplained_prose_rate(struct jx_check_ctx *c, int *said)
{
    const struct jx_sheet *us = &c->pkg->unit_sheet;
    if (c->pkg->has_unit_sheet && us->total.budget_full.present &&
        us->total.executed.present) {
        return;
    }
    const struct jx_facts *fs = jx_check_facts(c);
    const struct jx_fact *b = NULL, *e = NULL;
    for (size_t i = 0; i < fs->n && !e; i++) {
        const struct jx_fact *f = &fs->a[i];
        if (f->kind != JX_FACT_MONEY || (f->label_scopes & PART_SCOPES)) {
            continue;
        }
        const char *l = f->label;
        const char *rest = strstr(l, "一般公共预算");
        bool budget = strstr(l, "预算") &&
                      !strstr(l, "支出") && !strstr(l, "执行") &&
                      !strstr(l, "决算") && !strstr(l, "收入") &&
                      !strstr(l, "调整") && (!rest || strstr(rest + 1, "预算"));
        if (!b && budget) {
            b = f;
            continue;
        }
        bool other_budget = strstr(l, "预算") && !(rest && !strstr(rest + strlen("一般公共预算"), "预算"));
        if (b && f->section == b->section && f->unit == b->unit &&
            (strstr(l, "支出") || strstr(l, "执行")) && !other_budget &&
            !strstr(l, "收入")) {
            e = f;
        }
    }
    struct jx_rat rate;
    if (!b || !e || b->money.fen <= 0 || e->money.fen >= b->money.fen ||
        jx_rat_money_div(e->money, b->money, &rate) != JX_NUM_OK) {
        return;
    }
    if (report_explains(c, said)) {
        return;
    }
    char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ], b3[JX_NUM_BUFSZ];
    jx_check_report(c, "C404", JX_SEV_WARNING, &e->prov, NULL,
                    "报告中%s %s%s，%s %s%s，执行率 %s 低于 100%%，报告没有说明原因"
                    "（结余、结转、未支付、执行进度等）",
                    b->label, jx_money_format(b->money, b->unit, 2,
                                              JX_ROUND_HALF_UP, b1),
                    jx_money_unit_name(b->unit), e->label,
                    jx_money_format(e->money, e->unit, 2, JX_ROUND_HALF_UP,
                                    b2),
                    jx_money_unit_name(e->unit),
                    jx_rat_format(rate, 2, true, JX_ROUND_HALF_UP, b3));
}

/* Family C4 over the unit sheet, the project sheets and the goal sheet. */
void jx_check_indicators(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    int said = -1; /* report_explains, once for every sheet */
    if (p->has_unit_sheet) {
        struct isheet s = {&p->unit_sheet, "/unit_sheet", "整体支出绩效自评表",
                           eval_of(c, &p->unit_sheet), NULL, NULL, &said};
        check_sheet(c, &s);
    }
    for (size_t i = 0; i < p->nproject_sheets; i++) {
        const struct jx_sheet *sh = &p->project_sheets[i];
        struct isheet s = {
            sh, jx_sprintf(c->arena, "/project_sheets/%zu", i),
            has(&sh->name)
                ? jx_sprintf(c->arena, "项目支出绩效自评表（%s）", sh->name.s)
                : jx_sprintf(c->arena, "项目支出绩效自评表（第%zu张）", i + 1),
            eval_of(c, sh), NULL, NULL, &said};
        check_sheet(c, &s);
    }
    if (p->has_goal_sheet) {
        struct isheet s = {&p->goal_sheet, "/goal_sheet",
                           "整体支出绩效目标完成情况自评表", NULL, NULL,
                           NULL, &said};
        check_sheet(c, &s);
    }
    unexplained_prose_rate(c, &said);
}
