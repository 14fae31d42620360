/*
 * model.h - the package: one unit's self-evaluation material for one
 * year (基础数据表, 整体支出绩效自评表, 项目支出绩效自评表, 自评报告 and
 * the submission facts).
 *
 * Every leaf value is optional: `present` (or a NULL string) means the
 * document left it empty, which is never the same as zero.  Every leaf
 * may carry provenance: where an importer found it.
 *
 * Ownership: a package and everything it points to live in the arena
 * passed to jx_package_new(); free the arena to free the package.
 */
#ifndef JIXIAO_MODEL_H
#define JIXIAO_MODEL_H

#include "jixiao/base.h"
#include "jixiao/dec.h"
#include "jixiao/diag.h"

/* How a value was obtained: read from a recognised cell, or inferred
 * (and then how).  JSON names in jx_how_name, Chinese in jx_how_zh. */
enum jx_how {
    JX_HOW_READ = 0,  /* read from a recognised cell as printed */
    JX_HOW_SPLIT,     /* cells run together, cut by the arithmetic */
    JX_HOW_OCR,       /* an OCR confusable repaired (O -> 0), confirmed
                         by the arithmetic */
    JX_HOW_FLOAT,     /* a binary-float artifact read as its decimal */
    JX_HOW_POSITION,  /* taken from its position, no label or header */
    JX_HOW_COLUMN,    /* read with its label, its column not printed: the
                         one whose total its group sums to */
    JX_HOW_COMPLETED, /* a damaged or shortened text completed from the
                         fuller one the document states elsewhere (a
                         portal's 来源 / 发布机构 line) */
    JX_HOW_PORTAL,    /* typed in the portal's edit form by the unit's
                         filler (raw: the text the document printed) */
    JX_HOW_COUNT
};

/* Where an imported value came from.  All members optional. */
struct jx_prov {
    const char *file;  /* source document */
    int line, col;     /* text: 1-based line and column (code points) */
    const char *sheet; /* XLSX sheet name */
    const char *cell;  /* XLSX A1 reference */
    int table, row, column; /* DOCX/text table, 1-based */
    enum jx_how how;   /* read (the default) or how it was inferred */
    const char *raw;   /* inferred: the text as printed, or NULL */
};

/* The JSON name of a how ("read", "split", "ocr", "float",
 * "position", "column", "completed", "portal"); NULL when out of range. */
const char *jx_how_name(enum jx_how h);

/* The Chinese phrase of how a value was inferred ("由相连数字按勾稽关系
 * 拆分推断", ...); "" for JX_HOW_READ. */
const char *jx_how_zh(enum jx_how h);

/* The suffix a finding's message gets when a value it uses was
 * inferred: "（该数由…推断：原文“…”）" for each distinct inferred
 * provenance among p[0..n) (NULL entries skipped), "" when none was
 * (arena-owned; the one mechanism every finding shares). */
const char *jx_prov_inferred_note(struct jx_arena *a,
                                  const struct jx_prov *const *p, size_t n);

/* The diagnostic location of a provenance: its place, its file (or
 * `file` when it names none) and the JSON path (may be NULL).  p may be
 * NULL.  Strings are borrowed. */
struct jx_loc jx_prov_loc(const struct jx_prov *p, const char *file,
                          const char *path);

/* A text value; s == NULL when absent. */
struct jx_text {
    const char *s;
    const struct jx_prov *prov;
};

/* An amount of money; absent unless present. */
struct jx_amt {
    bool present;
    struct jx_money v;
    const struct jx_prov *prov;
};

/* An exact decimal number (points, score, rate as a fraction: 48.65% is
 * stored as 0.4865); absent unless present. */
struct jx_num {
    bool present;
    struct jx_rat v;
    const struct jx_prov *prov;
};

/* A whole count (headcount, year); absent unless present. */
struct jx_count {
    bool present;
    int64_t v;
    const struct jx_prov *prov;
};

/* A calendar date; absent unless present. */
struct jx_date {
    bool present;
    int y, m, d;
    const struct jx_prov *prov;
};

/* ---- unit and contacts --------------------------------------------- */

/* 预算单位 */
struct jx_unit {
    struct jx_text name;       /* 单位名称 (required) */
    struct jx_text code;       /* 预算编码 */
    struct jx_text region;     /* 地区, e.g. 岳阳市岳阳楼区 */
    struct jx_text supervisor; /* 主管部门 */
};

/* The footer of the forms. */
struct jx_contacts {
    struct jx_text preparer; /* 填表人 */
    struct jx_text phone;    /* 联系电话 */
    struct jx_text head;     /* 单位负责人 */
    struct jx_date date;     /* 填报日期 */
};

/* ---- 基础数据表 ------------------------------------------------------ */

/* One cost-control row: {Y-1}年决算数, {Y}年预算数, {Y}年决算数. */
struct jx_cost {
    struct jx_amt prev_final; /* 上年决算数 */
    struct jx_amt budget;     /* 本年预算数 */
    struct jx_amt final;      /* 本年决算数 */
    bool unread;              /* the row was seen with figures that could
                                 not be placed in its columns: its cells
                                 are unknown, not blank */
};

/* Categories of the 项目支出 lines of the base sheet. */
enum jx_project_cat {
    JX_PCAT_BUSINESS = 0,     /* 1、业务工作经费 */
    JX_PCAT_OPERATION,        /* 2、运行维护经费 */
    JX_PCAT_LOCAL_SPECIAL,    /* 3、区级(省级)专项资金, one line each */
    JX_PCAT_TRANSFER,         /* 4、上级转移支付, one line each */
    JX_PCAT_COUNT
};

/* A 项目支出 line. */
struct jx_project_line {
    enum jx_project_cat cat;
    struct jx_text name; /* the line's name (专项名称); may be absent */
    struct jx_cost cost;
};

/* A 楼堂馆所 row ({Y}年完工项目). Areas in m², investments in money. */
struct jx_building {
    struct jx_text name;
    struct jx_num approved_area;    /* 批复规模 (m²) */
    struct jx_num actual_area;      /* 实际规模 (m²) */
    struct jx_num area_rate;        /* 规模控制率 as stated */
    struct jx_amt budget_invest;    /* 预算投资 */
    struct jx_amt actual_invest;    /* 实际投资 */
    struct jx_num invest_rate;      /* 投资概算控制率 as stated */
};

/* 基础数据表 */
struct jx_base_sheet {
    bool present;                 /* the sheet was handed in */
    enum jx_money_unit unit;      /* unit of all amounts (default 万元) */
    struct jx_count authorized;   /* 编制数 */
    struct jx_count actual;       /* {Y}年实际在职人数 */
    struct jx_num control_rate;   /* 控制率 as stated */

    struct jx_cost three_public;      /* 三公经费 */
    struct jx_cost vehicle;           /* 1、公务用车购置和维护经费 */
    struct jx_cost vehicle_purchase;  /*   其中：公车购置 */
    struct jx_cost vehicle_operation; /*   公车运行维护 */
    struct jx_cost overseas;          /* 2、出国经费 */
    struct jx_cost reception;         /* 3、公务接待 */

    struct jx_cost project;             /* 项目支出 (total) */
    struct jx_project_line *project_lines; /* its lines */
    size_t nproject_lines;

    struct jx_cost public_funds;      /* 公用经费 (total) */
    struct jx_cost office;            /*   其中：办公经费 */
    struct jx_cost utilities_travel;  /*   水费、电费、差旅费 */
    struct jx_cost meetings_training; /*   会议费、培训费 */

    struct jx_cost procurement;       /* 政府采购金额 */
    struct jx_cost basic_adjustment;  /* 部门基本支出预算调整 */

    struct jx_building *buildings;    /* 楼堂馆所控制情况 */
    size_t nbuildings;

    struct jx_text thrift_measures;   /* 厉行节约保障措施 */
};

/* ---- 整体 / 项目支出绩效自评表 --------------------------------------- */

/* A funds row: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分. */
struct jx_funds {
    struct jx_amt budget_initial; /* 年初预算数 */
    struct jx_amt budget_full;    /* 全年预算数 */
    struct jx_amt executed;       /* 全年执行数 */
    struct jx_num points;         /* 分值 (10 by default) */
    struct jx_num rate;           /* 执行率 as stated (fraction) */
    struct jx_num score;          /* 得分 as stated */
};

/* Fund sources and natures that split the 年度资金总额. */
enum jx_fund_key {
    JX_FUND_GENERAL_BUDGET = 0, /* 一般公共预算 */
    JX_FUND_GOV_FUND,           /* 政府性基金拨款 */
    JX_FUND_SPECIAL_ACCOUNT,    /* 纳入专户管理的非税收入拨款 */
    JX_FUND_OTHER,              /* 其他资金 */
    JX_FUND_CURRENT_APPROP,     /* 当年财政拨款 (project sheet) */
    JX_FUND_CARRYOVER,          /* 上年结转资金 (project sheet) */
    JX_FUND_BASIC,              /* 基本支出 (by nature) */
    JX_FUND_PROJECT,            /* 项目支出 (by nature) */
    JX_FUND_COUNT
};

/* The JSON key of a fund key ("general_budget", ...). */
const char *jx_fund_key_name(enum jx_fund_key k);

/* The Chinese label of a fund key ("一般公共预算", ...). */
const char *jx_fund_key_zh(enum jx_fund_key k);


/* A goal: 预期目标 and 实际完成情况. */
struct jx_goal {
    struct jx_text expected;
    struct jx_text actual;
};

/* Achievement level stated for a qualitative indicator (rules §1.4.6). */
enum jx_achieve {
    JX_ACH_NONE = 0,    /* not stated */
    JX_ACH_MET,         /* 达成年度指标: [0.8W, W] */
    JX_ACH_PARTIAL,     /* 部分达成年度指标并具有一定效果: [0.6W, 0.8W) */
    JX_ACH_NOT_MET      /* 未达成年度指标且效果较差: [0, 0.6W) */
};

/* One indicator row. */
struct jx_indicator {
    struct jx_text level1;    /* 一级指标, e.g. 产出指标 */
    struct jx_text level2;    /* 二级指标, e.g. 数量指标 */
    struct jx_text name;      /* 三级指标 */
    struct jx_text target;    /* 年度指标值, as written */
    struct jx_text actual;    /* 实际完成值, as written */
    struct jx_num points;     /* 分值 */
    struct jx_num score;      /* 自评得分 as stated */
    enum jx_achieve achievement; /* stated level for qualitative rows */
    struct jx_text deviation; /* 偏差原因分析及改进措施 */
    bool cut;                 /* the last row of a table the source ended
                                 in: its cells past the last one read are
                                 unknown, not blank */
    const struct jx_prov *prov; /* where the row came from */
};

/* Kinds of sheet. */
enum jx_sheet_kind {
    JX_SHEET_UNIT = 0,  /* 整体支出绩效自评表 */
    JX_SHEET_PROJECT,   /* 项目支出绩效自评表 */
    JX_SHEET_GOALS      /* 部门（单位）整体支出绩效目标完成情况自评表
                           (Shenzhen, seed 002): tasks and indicators
                           without points; not scored by points */
};

/* Whether the printed form of a sheet of kind has the fund split k: a
 * 整体支出绩效自评表 by income (一般公共预算, 政府性基金拨款, 纳入专户管理的
 * 非税收入拨款, 其他资金) and by nature (基本支出, 项目支出); a
 * 项目支出绩效自评表 当年财政拨款, 上年结转资金, 其他资金. */
bool jx_fund_key_on_sheet(enum jx_sheet_kind kind, enum jx_fund_key k);

/* A task row of a 部门整体支出绩效目标完成情况自评表 (seed 002). */
struct jx_task {
    struct jx_text name;            /* 任务名称 */
    struct jx_text content;         /* 主要内容 */
    struct jx_text status;          /* 完成情况 */
    struct jx_amt budget_total;     /* 预算数 总额 */
    struct jx_amt budget_fiscal;    /* 预算数 其中：财政拨款 */
    struct jx_amt executed_total;   /* 执行数 总额 */
    struct jx_amt executed_fiscal;  /* 执行数 其中：财政拨款 */
    const struct jx_prov *prov;     /* where the row came from */
};

/* A self-evaluation sheet. */
struct jx_sheet {
    enum jx_sheet_kind kind;
    enum jx_money_unit unit;    /* unit of all amounts (default 万元) */
    struct jx_text name;        /* project name (项目支出名称); unit sheets: none */
    struct jx_text supervisor;  /* 主管部门 (project sheets) */
    struct jx_text implementer; /* 实施单位 (project sheets) */
    struct jx_funds total;      /* 年度资金总额 */
    struct jx_funds funds[JX_FUND_COUNT]; /* the splits; absent if empty */
    struct jx_goal *goals;
    size_t ngoals;
    struct jx_indicator *indicators;
    size_t nindicators;
    struct jx_num stated_total; /* 总分 / 得分 as stated */
    bool rows_unread;           /* rows of the sheet were seen but left
                                   unread (a PDF's interleaved columns, an
                                   excerpt): sums over the rows read
                                   prove nothing */
    struct jx_cols_absent {     /* indicator columns the table as read
                                   does not have (a form without them, an
                                   excerpt that starts past them): a cell
                                   there is unknown, never blank, so no
                                   finding says it was left empty; all
                                   false when nothing is known */
        bool points, target, actual, score, deviation;
    } cols_absent;
    int exec_points;            /* the execution row's weight the sheet's
                                   form gives it (1..100; some Hubei
                                   forms: 20); 0: not stated, 10 */
    struct jx_task *tasks;      /* JX_SHEET_GOALS: 年度主要任务 rows */
    size_t ntasks;
    struct jx_task task_total;  /* JX_SHEET_GOALS: 金额合计 */
};

/* ---- printed scoring tables ------------------------------------------ */

/* A row of a printed scoring table: seed 002's 部门整体支出绩效评分表, or
 * the bureau's 考核评分表 (seeds 000, 004), with the stated score. */
struct jx_rubric_row {
    struct jx_text level1;      /* 一级指标 / 一级标准 */
    struct jx_text level2;      /* 二级指标 / 二级标准 */
    struct jx_text name;        /* 三级指标 (absent when the table has none) */
    struct jx_num points;       /* 分值 */
    struct jx_text description; /* 指标说明 */
    struct jx_text standard;    /* 评分标准 as printed */
    struct jx_num score;        /* stated score (评分 / 分数); absent if blank */
    struct jx_text reason;      /* 扣分理由 */
    const struct jx_prov *prov; /* where the row came from */
};

/* A printed scoring table. */
struct jx_rubric {
    bool present;
    struct jx_text title;       /* as printed */
    struct jx_rubric_row *rows;
    size_t nrows;
    struct jx_num stated_total; /* 合计 / 综合评分 */
    struct jx_text stated_grade;/* 评分等级 */
    struct jx_text scorer;      /* 填表人 */
};

/* ---- 自评报告 and submission ----------------------------------------- */

struct jx_facts;

/* A report section 一 … 十. */
struct jx_section {
    int no;               /* 1..10 */
    struct jx_text marker;/* the numbering as printed before the title,
                             e.g. "一、", "1、", "（一）"; absent if unknown */
    struct jx_text title; /* as written, e.g. 单位基本情况 */
    struct jx_text text;  /* the body */
};

/* 自评报告 */
struct jx_report {
    bool present;
    struct jx_text title;
    struct jx_section *sections;
    size_t nsections;
    struct jx_text *attachments; /* the attachment list, as written */
    size_t nattachments;
    struct jx_facts *figures;    /* the figures its prose states (facts.h):
                                    read from Package JSON, else extracted
                                    from the sections' text once
                                    (jx_package_fill_figures); NULL until
                                    then */
};

/* Materials that can be handed in (考核评分表 完整性). */
enum jx_material {
    JX_MAT_REPORT = 0,      /* 自评报告 */
    JX_MAT_BASE_SHEET,      /* 基础数据表 */
    JX_MAT_UNIT_SHEET,      /* 整体支出绩效自评表 */
    JX_MAT_PROJECT_SHEETS,  /* 项目支出绩效自评表 */
    JX_MAT_COUNT
};

/* JSON name of a material ("report", "base_sheet", ...). */
const char *jx_material_name(enum jx_material m);

/* Submission facts. */
struct jx_submission {
    bool materials_present;           /* the list below was given */
    bool materials[JX_MAT_COUNT];     /* which were handed in */
    struct jx_date submitted;         /* 报送日期 */
    struct jx_date published;         /* 公开日期 */
};

/* ---- the package ----------------------------------------------------- */

/* One unit, one year. */
struct jx_package {
    const char *source;            /* file it was loaded from, or NULL */
    struct jx_unit unit;
    struct jx_count year;          /* 年度 (required) */
    struct jx_contacts contacts;
    struct jx_base_sheet base;
    bool has_unit_sheet;
    struct jx_sheet unit_sheet;
    struct jx_sheet *project_sheets;
    size_t nproject_sheets;
    struct jx_report report;
    struct jx_submission submission;
    bool has_goal_sheet;
    struct jx_sheet goal_sheet;    /* 部门整体支出绩效目标完成情况自评表 */
    struct jx_rubric dept_scoring; /* 部门整体支出绩效评分表 (seed 002) */
    struct jx_rubric assessment;   /* 考核评分表 (seeds 000, 004) */
};

/* A new empty package in arena (all values absent, units 万元). */
struct jx_package *jx_package_new(struct jx_arena *arena);

/* True when a 基础数据表 was handed in: the package has one and its list
 * of materials (when it has one) does not say otherwise (a report's
 * 基本概况 gives staffing figures without a 基础数据表). */
bool jx_base_handed_in(const struct jx_package *p);

/* Blocks of level-1 indicators (rules §1.3). */
enum jx_block {
    JX_BLOCK_OUTPUT = 0,    /* 产出指标, 50 */
    JX_BLOCK_BENEFIT,       /* 效益指标, 30 */
    JX_BLOCK_SATISFACTION,  /* 满意度指标, 10 */
    JX_BLOCK_OTHER,         /* anything else */
    JX_BLOCK_COUNT
};

/* Classify a level-1 label ("产出指标(50分)" -> JX_BLOCK_OUTPUT). */
enum jx_block jx_block_of(const char *level1);

/* Chinese name of a block. */
const char *jx_block_zh(enum jx_block b);

#endif
