/*
 * forms.h - the catalogue of self-evaluation forms (private to lib/:
 * the recognisers read it, the pipeline loads it once per run, tests
 * and fuzz targets load small ones).  One data file per form in
 * data/forms/NAME.json (docs/forms.md): for each form its columns with
 * their synonyms, its anchor rows (fund rows, level names, total and
 * grade rows), and the execution row's weight and whether the total
 * includes it.  The recognisers find columns and rows by these words,
 * never by words of their own.
 *
 * Ownership: a catalogue and everything in it live in the arena it was
 * loaded into.
 */
#ifndef JIXIAO_FORMS_H
#define JIXIAO_FORMS_H

#include "jixiao/diag.h"

/* What a form is. */
enum jx_form_kind {
    JX_FORM_PROJECT = 0, /* 项目支出绩效自评表 */
    JX_FORM_UNIT,        /* 部门（单位）整体支出绩效自评表 */
    JX_FORM_BASE,        /* 基础数据表 */
    JX_FORM_ASSESS,      /* 考核评分表 (a printed scoring table) */
    JX_FORM_KINDS
};

/* The columns a form may have (JSON keys: docs/forms.md). */
enum jx_form_col {
    JX_FC_BUDGET_INITIAL = 0, /* 年初预算数 */
    JX_FC_BUDGET_FULL,        /* 全年预算数 / 调整后预算数 / 预算数 */
    JX_FC_EXECUTED,           /* 全年执行数 / 预算执行数 / 实际支出 */
    JX_FC_RATE,               /* 执行率 */
    JX_FC_POINTS,             /* 分值 / 权重 */
    JX_FC_SCORE,              /* 得分 */
    JX_FC_LEVEL1,             /* 一级指标 */
    JX_FC_LEVEL2,             /* 二级指标 */
    JX_FC_LEVEL3,             /* 三级指标 */
    JX_FC_NATURE,             /* 指标性质 (≥, ≤, =): part of the target */
    JX_FC_TARGET,             /* 年度指标值 / 指标值 / 目标值 */
    JX_FC_MEASURE,            /* 度量单位: part of the target */
    JX_FC_ACTUAL,             /* 实际完成值 / 完成值 */
    JX_FC_DEVIATION,          /* 偏差原因分析及改进措施 / 未完成原因 */
    JX_FC_GOAL_EXPECTED,      /* 预期目标 (年度总体目标) */
    JX_FC_GOAL_ACTUAL,        /* 实际完成情况 (年度总体目标) */
    JX_FC_STANDARD,           /* 评分标准 / 考核内容 (scoring tables) */
    JX_FC_REASON,             /* 扣分理由 (scoring tables) */
    JX_FC_DESCRIPTION,        /* 指标说明 (scoring tables) */
    JX_FC_STAFF_AUTHORIZED,   /* 编制数 (基础数据表) */
    JX_FC_STAFF_ACTUAL,       /* 在职人数 (基础数据表) */
    JX_FC_STAFF_RATE,         /* 控制率 (基础数据表) */
    JX_FC_COST_BUDGET,        /* 预算数 (基础数据表 cost columns) */
    JX_FC_COST_FINAL,         /* 决算数 */
    JX_FC_BLD_APPROVED,       /* 批复规模 (楼堂馆所) */
    JX_FC_BLD_AREA,           /* 实际规模 */
    JX_FC_BLD_AREA_RATE,      /* 规模控制率 */
    JX_FC_BLD_BUDGET_INVEST,  /* 预算投资 */
    JX_FC_BLD_ACTUAL_INVEST,  /* 实际投资 */
    JX_FC_BLD_INVEST_RATE,    /* 投资概算控制率 */
    JX_FC_COUNT
};

/* The anchor rows a form may have. */
enum jx_form_row {
    JX_FR_TOTAL = 0,          /* 年度资金总额 (label contains a word) */
    JX_FR_GENERAL_BUDGET,     /* fund splits (label starts with a word), */
    JX_FR_GOV_FUND,           /* in the order of enum jx_fund_key */
    JX_FR_SPECIAL_ACCOUNT,
    JX_FR_OTHER,
    JX_FR_CURRENT_APPROP,
    JX_FR_CARRYOVER,
    JX_FR_BASIC,
    JX_FR_PROJECT,
    JX_FR_FUND_GROUP,         /* 按收入性质分: a heading of splits */
    JX_FR_SUM,                /* 总分 / 合计 (the whole label) */
    JX_FR_GRADE,              /* 自评等级 / 评分等级 (label starts) */
    JX_FR_SCORER,             /* 填表人 / 评分人 (label starts) */
    JX_FR_LEVEL1,             /* names of level-1 indicators */
    JX_FR_LEVEL2,             /* names of level-2 indicators */
    JX_FR_PROJECT_NAME,       /* 项目名称 (label starts) */
    JX_FR_SUPERVISOR,         /* 主管部门 */
    JX_FR_IMPLEMENTER,        /* 实施单位 */
    JX_FR_UNIT_NAME,          /* 单位名称 */
    /* 基础数据表 (label contains a word; in this order, the more
     * specific first) */
    JX_FR_VEHICLE_PURCHASE,   /* 公车购置 */
    JX_FR_VEHICLE_OPERATION,  /* 公车运行维护 */
    JX_FR_VEHICLE,            /* 公务用车 */
    JX_FR_THREE_PUBLIC,       /* 三公经费 */
    JX_FR_OVERSEAS,           /* 因公出国（境） */
    JX_FR_RECEPTION,          /* 公务接待 */
    JX_FR_BUSINESS,           /* 业务工作经费 (project lines) */
    JX_FR_OPERATION,          /* 运行维护经费 (project lines) */
    JX_FR_SPECIAL,            /* 专项资金 (one line per 专项) */
    JX_FR_TRANSFER,           /* 转移支付 (one line per 专项) */
    JX_FR_PROJECT_COSTS,      /* 项目支出 */
    JX_FR_OFFICE,             /* 办公经费 */
    JX_FR_UTILITIES,          /* 水费、电费、差旅费 */
    JX_FR_MEETINGS,           /* 会议费、培训费 */
    JX_FR_PUBLIC_FUNDS,       /* 公用经费 */
    JX_FR_PROCUREMENT,        /* 政府采购 */
    JX_FR_ADJUSTMENT,         /* 基本支出预算调整 */
    JX_FR_SPECIAL_LIST,       /* the whole label heads the 专项 list */
    JX_FR_SPECIAL_NOTE,       /* a note inside the label says so */
    JX_FR_THRIFT,             /* 厉行节约 (label starts) */
    JX_FR_STAFF_GROUP,        /* 财政供养 (label starts: a heading) */
    JX_FR_BUILDINGS,          /* 楼堂馆所 (a cell contains: header) */
    /* project forms with a scoring part (评价内容 | 分值 | 自评分) */
    JX_FR_BLOCK,              /* its blocks: 项目决策, 项目管理 (the whole
                                 word, its weight "2 分" after it) */
    JX_FR_CRITERION,          /* its rows: 决策依据, 财务制度 (the whole
                                 word, 分值 then 自评分 after it) */
    JX_FR_HEAD_LABEL,         /* other labels of a form's head, whose
                                 value is not read (项目负责人, 填报日期,
                                 预算执行情况): they end the value before
                                 them in a form flattened to one line */
    JX_FR_COUNT
};

/* A list of words (synonyms), most specific first. */
struct jx_form_words {
    const char *const *w;
    size_t n;
};

struct jx_form_colidx; /* recog_catalog.c */

/* One form of the catalogue. */
struct jx_form {
    const char *id;           /* from the file name */
    const char *file;         /* the file it was loaded from */
    enum jx_form_kind kind;
    const char *title;        /* as printed */
    const char *region;       /* where it is used */
    struct jx_form_words sources; /* document numbers and/or URLs */
    struct jx_form_words col[JX_FC_COUNT];
    struct jx_form_words row[JX_FR_COUNT];
    int exec_points;          /* the execution row's weight, 0: none */
    bool exec_in_total;       /* 总分 includes the execution row */
    int head_amounts;         /* 1 + the budget column (JX_FC_BUDGET_INITIAL
                                 .. JX_FC_EXECUTED) the amounts beside
                                 fund labels in the form's head fill
                                 ("基本支出总额 | 864.2万"); 0: not read */
    const struct jx_form_colidx *colidx; /* col's words by their first
                                 character, for jx_form_col_of; built by
                                 jx_forms_load (in its arena); NULL for
                                 a form made otherwise (then every word
                                 is tried) */
};

/* A catalogue: the forms in file name order.  Once loaded it is never
 * changed and may be shared by threads; the indexes the recognisers
 * derive from it are built once, on first use (jx_forms_index), into
 * the catalogue's arena: a catalogue shared by threads lives in an arena
 * of its own, which nothing else allocates from after loading (as the
 * fuzz targets' and a run's catalogue do). */
struct jx_forms {
    struct jx_form *f;
    size_t n, cap;
    struct jx_arena *arena;     /* the arena the catalogue lives in */
    void *_Atomic oneline;      /* recog_oneline.c's words of the forms
                                   (in arena), built on first use under
                                   a lock; NULL until then, and again
                                   after a form is added */
};

/* The index *slot of catalogue cat, built by build(cat, arena) into the
 * catalogue's arena the first time it is asked for (under a lock: the
 * catalogue is shared by threads), the same pointer after that. */
void *jx_forms_index(const struct jx_forms *cat, void *_Atomic *slot,
                     void *(*build)(const struct jx_forms *cat,
                                    struct jx_arena *arena));

/* Largest form file read (bytes) and deepest nesting. */
#define JX_FORMS_MAX_BYTES (256u * 1024u)
#define JX_FORMS_MAX_DEPTH 8

/* An empty catalogue in arena a. */
struct jx_forms *jx_forms_new(struct jx_arena *a);

/*
 * Add the form of text[0..len) (file names it, for the locations and
 * its id) to cat.  Problems are T-codes in d (docs/ERRORS.md) with
 * file:line:col and the JSON pointer; a form with an error is not
 * added.  Returns 0 when added, -1 when not.
 */
int jx_forms_load(struct jx_forms *cat, struct jx_arena *a, const char *file,
                  const char *text, size_t len, struct jx_diags *d);

/* Add every *.json of dir in file name order; 0 when all loaded and at
 * least one form is in cat, -1 otherwise (why in d: T005 for a
 * directory or file that cannot be read). */
int jx_forms_load_dir(struct jx_forms *cat, struct jx_arena *a,
                      const char *dir, struct jx_diags *d);

/* The bundled catalogue's directory: $JIXIAO_DATADIR/forms, else the
 * source tree's data/forms.  In arena. */
char *jx_forms_default_dir(struct jx_arena *a);

/* The bundled catalogue loaded into a (problems in d). */
const struct jx_forms *jx_forms_default(struct jx_arena *a,
                                        struct jx_diags *d);

/* The Chinese name of a kind ("项目支出绩效自评表" ...). */
const char *jx_forms_kind_name(enum jx_form_kind k);

/* The column of key (a header cell's text without white space) among
 * the columns of form f: the column with the longest synonym key starts
 * with (ties: the lower column), or -1. */
int jx_form_col_of(const struct jx_form *f, const char *key);

/* True when s equals / starts with / contains one of the words. */
bool jx_form_words_is(const struct jx_form_words *w, const char *s);
bool jx_form_words_starts(const struct jx_form_words *w, const char *s);
bool jx_form_words_has(const struct jx_form_words *w, const char *s);

#endif
