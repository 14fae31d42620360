/*
 * assess.h - the package side of the rule frameworks (issue 5): the
 * named inputs and functions a framework's expressions read from a
 * package, and the text analysers that suggest a band for the judgement
 * items of the 考核评分表 (rules.md §6.3: 反映问题、分析原因全面; 改进措施、
 * 工作建议全面).
 *
 * The analysers read the report's section 七 (problems) and 八
 * (measures), split them into items (numbered lines, 一是/二是, or
 * paragraphs), and say which of the six areas the rule lists each
 * problem touches, whether it analyses a cause, whether the problems
 * are only 经费不足 or the measures only 加大资金投入 (both scored 0 by the
 * rule), which problems no measure answers and which measures answer no
 * problem.  They suggest; the reviewer decides.
 *
 * Private to lib/ (the pipeline calls it; front ends get the
 * assessment from pipeline.h).
 *
 * Ownership: everything returned lives in the arena passed in.
 */
#ifndef JIXIAO_ASSESS_H
#define JIXIAO_ASSESS_H

#include "jixiao/base.h"
#include "jixiao/calendar.h"
#include "jixiao/framework.h"
#include "jixiao/model.h"
#include "jixiao/score.h"

/* The areas of 反映问题、分析原因全面 (rules.md §6.3). */
enum jx_area {
    JX_AREA_BUDGET = 0,  /* 年初预算和预算绩效管理 */
    JX_AREA_DUTY,        /* 履职效能 */
    JX_AREA_ALLOCATION,  /* 资金分配 */
    JX_AREA_ASSETS,      /* 资产 */
    JX_AREA_FINANCE,     /* 财务管理 */
    JX_AREA_PROCUREMENT, /* 政府采购 */
    JX_AREA_COUNT
};

/* Chinese name of an area. */
const char *jx_area_zh(enum jx_area a);

/* One item of section 七 or 八. */
struct jx_text_item {
    const char *text;    /* the item, NUL-terminated (arena) */
    const char *head;    /* its first clause (up to 。；or ：), for quoting */
    int line;            /* 0-based line within the section text */
    uint32_t areas;      /* bit (1 << enum jx_area) per area touched */
    bool cause;          /* analyses a cause (由于, 原因, 导致 …) */
    bool funding_only;   /* problems: only 经费不足; measures: only
                            加大资金投入 */
    int answers;         /* measures: index of the first problem it
                            answers, or -1; problems: index of the
                            first measure answering it, or -1 */
};

/* What an analyser found and suggests. */
struct jx_text_analysis {
    bool present;              /* the section exists and has text */
    struct jx_text_item *items;
    size_t nitems;
    size_t chars;              /* characters of the section */
    uint32_t areas;            /* union of the items' areas */
    size_t with_cause;         /* problems analysing a cause */
    size_t unmatched;          /* problems with no measure / measures
                                  answering no problem */
    bool funding_only;         /* every item funding_only */
    const char *band;          /* suggested band: 全面 / 较全面 / 不全面 /
                                  过于简单, or NULL with zero */
    bool zero;                 /* the rule's 0-point case applies */
    const char *reasons;       /* Chinese, ready for 扣分理由 */
};

/* Analyse the problems (section 七) of pkg's report. */
void jx_analyse_problems(struct jx_arena *a, const struct jx_package *pkg,
                         struct jx_text_analysis *out);

/* Analyse the measures (section 八) against the problems (problems must
 * come from jx_analyse_problems on the same package; its items get
 * their `answers` filled in). */
void jx_analyse_measures(struct jx_arena *a, const struct jx_package *pkg,
                         struct jx_text_analysis *problems,
                         struct jx_text_analysis *out);

/* Split text into items (numbered lines, inline 一是/二是, else
 * paragraphs); items are arena copies. Returns the count. */
size_t jx_split_items(struct jx_arena *a, const char *text,
                      struct jx_text_item **items);

/* ---- the package as a framework's environment (lib/assess/assess.c) ---------- */

struct jx_facts;

/* What an assessment knows beside the package. */
struct jx_assess_opts {
    struct jx_date submitted;       /* 报送日期 given by the user; absent:
                                       the package's */
    struct jx_date published;       /* 公开日期, likewise */
    const struct jx_calendar *cal;  /* working days; NULL: late_workdays
                                       answers "missing" */
    const char *const *overrides;   /* "name=value" framework params */
    const struct jx_facts *facts;   /* the report's figures (facts.h
                                       jx_package_facts); NULL: the
                                       package's own report.figures */
};

/* One named input of the package (docs/frameworks.md, "Inputs"). */
struct jx_assess_input {
    const char *name;  /* as written in expressions */
    const char *label; /* Chinese, for derivations */
    const char *doc;   /* what it is, for the documentation */
};

/* The named inputs and the functions, NULL-name-terminated / NULL-
 * terminated (for docs and load-time checks). */
extern const struct jx_assess_input jx_assess_inputs[];
extern const char *const jx_assess_functions[];

/* Fill env with the package's inputs, functions (late_workdays,
 * indicators_over) and suggesters (problems, measures, attachments).
 * ev is the package's scoring (may be NULL).  The state lives in a. */
void jx_assess_env(struct jx_arena *a, const struct jx_package *pkg,
                   const struct jx_eval *ev, const struct jx_assess_opts *o,
                   struct jx_fw_env *env);

#endif
