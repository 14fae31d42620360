/*
 * facts.h - the figures of a report's prose: every amount (万元/元),
 * percentage and headcount with the words before it, its sentence, the
 * scope words of that sentence (一般公共预算, 基本支出, 人员经费 ...) and
 * where it is, for the cross-checks between the report and the forms.
 *
 * A package's report keeps its facts (model.h jx_report.figures, Package
 * JSON report.figures, docs/format.md): extracted once from the sections'
 * text after recognition (or when a package without them is loaded),
 * then read by the checks, the assessment and the reports.
 *
 * Ownership: everything lives in the arena passed in.
 */
#ifndef JIXIAO_FACTS_H
#define JIXIAO_FACTS_H

#include "jixiao/base.h"
#include "jixiao/dec.h"
#include "jixiao/doc.h"
#include "jixiao/model.h"

/* What a figure measures. */
enum jx_fact_kind {
    JX_FACT_MONEY = 0, /* an amount: "156.3 万元", "5,950,600.00元" */
    JX_FACT_PERCENT,   /* a percentage: "36.91%" */
    JX_FACT_HEADCOUNT, /* people: "12人", "5名", "编制数11个" */
    JX_FACT_COUNT,     /* things, never people: "15个项目", "直属事业单位
                          10个", "两个科室" (what is counted in
                          jx_fact.counted) */
    JX_FACT_SCORE      /* a score stated in the prose: "综合评分为97分",
                          "自评得分95.5分" */
};

/* Kinds of figures. */
#define JX_FACT_KINDS 5

/* English name of a kind: "money", "percent", "headcount", "count",
 * "score". */
const char *jx_fact_kind_name(enum jx_fact_kind k);

/* Scope words, as bits of jx_fact.scopes (in this order). */
enum jx_scope {
    JX_SCOPE_GENERAL_BUDGET = 1u << 0,  /* 一般公共预算 */
    JX_SCOPE_GOV_FUND = 1u << 1,        /* 政府性基金 */
    JX_SCOPE_STATE_CAPITAL = 1u << 2,   /* 国有资本经营 */
    JX_SCOPE_SOCIAL_INSURANCE = 1u << 3, /* 社会保险基金 */
    JX_SCOPE_BASIC = 1u << 4,           /* 基本支出 */
    JX_SCOPE_PROJECT = 1u << 5,         /* 项目支出 */
    JX_SCOPE_PERSONNEL = 1u << 6,       /* 人员经费 */
    JX_SCOPE_PUBLIC = 1u << 7,          /* 公用经费 (商品和服务支出) */
    JX_SCOPE_THREE_PUBLIC = 1u << 8,    /* 三公经费 */
    JX_SCOPE_FULL_BUDGET = 1u << 9,     /* 全年预算 */
    JX_SCOPE_INITIAL_BUDGET = 1u << 10, /* 年初预算 */
    JX_SCOPE_ADJUSTED = 1u << 11,       /* 调整 */
    JX_SCOPE_BUDGET = 1u << 12,         /* 预算 (any budget figure) */
    JX_SCOPE_FINAL = 1u << 13,          /* 决算 */
    JX_SCOPE_ACTUAL = 1u << 14,         /* 实际支出 / 执行 */
    JX_SCOPE_INCOME = 1u << 15,         /* 收入 */
    JX_SCOPE_SPENDING = 1u << 16,       /* 支出 */
    JX_SCOPE_FISCAL = 1u << 17,         /* 财政拨款 */
    JX_SCOPE_PROCUREMENT = 1u << 18,    /* 政府采购 */
    JX_SCOPE_STAFF = 1u << 19           /* 编制 / 在职 / 在编 */
};

/* Number of scope bits. */
#define JX_SCOPE_COUNT 20

/* The Chinese word of one scope bit ("一般公共预算"), or NULL. */
const char *jx_scope_zh(unsigned bit);

/* One figure of the prose. */
struct jx_fact {
    /* (kind and unit side by side: no padding after either, 144 bytes
       a figure, one per figure of a report of 60 MB) */
    enum jx_fact_kind kind;
    enum jx_money_unit unit; /* MONEY: the unit written (元 or 万元) */
    const char *text;        /* the figure as written, e.g. "156.3 万元" */
    struct jx_money money;   /* MONEY: the exact amount */
    struct jx_rat value;     /* PERCENT: a fraction (36.91% = 0.3691);
                                HEADCOUNT: the number of people; COUNT:
                                the number of things; SCORE: the points */
    const char *counted;     /* COUNT: what is counted, e.g. "项目",
                                "二级单位"; NULL for the other kinds */
    const char *label;       /* the words before it, e.g. "人员经费"
                                (years and list numbers dropped; may be
                                "") */
    const char *sentence;    /* the sentence it is in */
    uint32_t scopes;         /* scope words of the sentence (enum
                                jx_scope bits) */
    uint32_t label_scopes;   /* scope words of the label alone */
    const char *unit_word;   /* the unit as written, normalised: "万元",
                                "元", "%", "人", "名", "个" (headcount or
                                count), "项", "家", "所", "座", "处"
                                (count) or "分" (score) */
    int section;             /* report section 1..10 (一 … 十), 0 when
                                outside the sections */
    int paragraph;           /* 1-based paragraph (non-blank line) of the
                                text the figure was found in: of its
                                section for a package's figures */
    struct jx_prov prov;     /* file and line:col of the figure's first
                                character; how = JX_HOW_OCR (raw: as
                                printed) for a figure whose OCR
                                confusables were repaired */
};

/* A list of facts, and the figures refused (not in a[]: an OCR
 * confusable in a percentage, "IO0%", that no stated amounts confirm;
 * kind, text, label, sentence and place set, no value). */
struct jx_facts {
    struct jx_fact *a;
    size_t n, cap;
    struct jx_fact *refused;
    size_t nrefused, caprefused;
};

/*
 * The facts of a package's report (lib/model; what the checks, the
 * assessment and the reports share): the package's own figures
 * (pkg->report.figures) when it has them, else those of every section's
 * text, lines counted from the section's provenance, each fact with its
 * section and paragraph number (not stored: pkg is const).  Never NULL.
 */
struct jx_facts *jx_package_facts(struct jx_arena *arena,
                                  const struct jx_package *pkg);

/*
 * Store the figures of a package's report with it: when the report is
 * present and pkg->report.figures is NULL, extract them from the
 * sections' text (as jx_package_facts) into it.  Returns the package's
 * figures (an empty list without a report).  Never NULL.
 */
struct jx_facts *jx_package_fill_figures(struct jx_arena *arena,
                                         struct jx_package *pkg);

/* The scope bits of the words of s (any of the words of a scope sets its
 * bit: "商品和服务支出" sets JX_SCOPE_PUBLIC). */
uint32_t jx_scope_bits(struct jx_arena *arena, const char *s);

/* The scope bit whose Chinese name (jx_scope_zh) is zh, or 0. */
uint32_t jx_scope_of_zh(const char *zh);

/*
 * What a figure measures, from its kind and the last of these words in
 * its label (labels end with what they name: 预算执行数 is executed):
 * percent -> "rate", headcount and count -> "count", score -> "score"; money -> "budget" (预算, 批复,
 * 安排, 下达, 年初, 计划), "executed" (执行, 支出, 支付, 决算, 使用, 完成,
 * 拨付), "income" (收入, 到位, 拨款) or "amount" (none of them).  A static
 * string.
 */
const char *jx_fact_measure(const struct jx_fact *f);

/* The kind a unit word means ("万元" -> money, "%" -> percent, "人" ->
 * headcount, "个" -> headcount, "项" -> count, "分" -> score); false for
 * an unknown word. */
bool jx_fact_unit_kind(const char *unit_word, enum jx_fact_kind *kind);

/* True when a figure of kind may be written in unit_word ("个" fits a
 * headcount and a count). */
bool jx_fact_unit_fits(enum jx_fact_kind kind, const char *unit_word);

/*
 * The facts the checks compare (money, percentages, headcounts), in
 * order: fs itself when it holds no other kind, else a new list in
 * arena without the counts and scores.  Never NULL.
 */
const struct jx_facts *jx_facts_measured(struct jx_arena *arena,
                                         const struct jx_facts *fs);

/* Append a fact (zeroed) to a list and return it. */
struct jx_fact *jx_facts_add(struct jx_arena *arena, struct jx_facts *out);

/*
 * The facts of the report in a document (lib/recognise): every paragraph of its 自评报告
 * (all paragraphs outside the forms when no report title is found),
 * each fact with its section.  Returns the list (never NULL; possibly
 * empty), in document order.
 */
struct jx_facts *jx_report_facts(struct jx_arena *arena,
                                 const struct jx_doc *doc);

/*
 * Append the facts of text[0..len) to out.  at (may be NULL) is where
 * the text starts: a fact's line and column are counted from it (a
 * newline in the text starts a new line at column 1).  section is
 * recorded in each fact.  A percentage with OCR confusables ("IO0%",
 * "9O.5%") is read only when an executed amount and a budget (or income)
 * amount of its paragraph, else of out, round to it (how JX_HOW_OCR);
 * otherwise it goes to out->refused.
 */
void jx_text_facts(struct jx_arena *arena, const char *text, size_t len,
                   const struct jx_prov *at, int section,
                   struct jx_facts *out);

#endif
