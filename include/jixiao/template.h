/*
 * template.h - the fill-in workbook (`jixiao template --format xlsx`):
 * the three Hunan forms 基础数据表, 整体支出绩效自评表 and
 * 项目支出绩效自评表 (rules.md §2.1, §5.2, seed 003) as sheets with the
 * printed Chinese headers and merged header cells, number formats, data
 * validation, formulas for the computed cells, and a sheet of
 * instructions (the first sheet).  The sheet names and header texts are exactly the
 * printed ones, so the recognisers that read the printed forms (from
 * text or DOCX) read a filled workbook too after jx_import_xlsx().
 *
 * The layout below is a contract: jx_import_xlsx() gives a cell at
 * 0-based (row, col) = (Excel row - 1, column letter - 'A'); the
 * JX_TPL_* constants are those 0-based positions, so a program (a test,
 * the document generator) can fill the template with libxlsxwriter.
 * {Y} is the evaluated year (--year), {Y-1} the one before.
 *
 * Sheet 1 "填表说明" (columns A..B), first so that its rows belong to
 * no form when the recognisers read the workbook
 *   A1:B1   "填表说明"
 *   A2 "填表人："  A3 "联系电话："  A4 "单位负责人："  A5 "填报日期："
 *   B2..B5  their values (B5 a date, yyyy-mm-dd)
 *   A7:B7 ... numbered instructions, one merged row each
 *
 * Sheet 2 "基础数据表" (columns A..G; value columns are merged pairs)
 *   A1:G1   title "{Y}年度预算单位整体支出绩效评价基础数据表"
 *   A2      "预算单位名称"            B2:G2  unit name
 *   A3:A4   "财政供养人员情况(人)"
 *   B3:C3   "编制数"  D3:E3 "{Y}年实际在职人数"  F3:G3 "控制率"
 *   B4:C4   编制数 (whole)  D4:E4 在职人数 (whole)
 *   F4:G4   =IF(N(B4)=0,"",D4/B4)   (0.00%)
 *   A5      "经费控制情况(万元)"
 *   B5:C5   "{Y-1}年决算数"  D5:E5 "{Y}年预算数"  F5:G5 "{Y}年决算数"
 *   rows 6..32: label in A, amounts in B:C (prev_final), D:E (budget),
 *   F:G (final), 0.00 万元:
 *     6 三公经费   7 1、公务用车购置和维护经费   8 其中：公车购置
 *     9 公车运行维护   10 2、出国经费   11 3、公务接待   12 项目支出：
 *     13 1、业务工作经费   14 2、运行维护经费
 *     15 3、区级专项资金(一个专项一行)   16..20 one 专项 per row
 *        (its name in A)
 *     21 4、上级转移支付(一个专项一行)   22..26 one 专项 per row
 *     27 公用经费   28 其中：办公经费   29 水费、电费、差旅费
 *     30 会议费、培训费   31 政府采购金额   32 部门基本支出预算调整
 *   A33 "楼堂馆所控制情况({Y}年完工项目)"  B33 "批复规模(m²)"
 *       C33 "实际规模(m²)"  D33 "规模控制率"  E33 "预算投资(万元)"
 *       F33 "实际投资(万元)"  G33 "投资概算控制率"
 *   rows 34..36: name in A, B C areas, D =IF(N(B)=0,"",C/B),
 *       E F amounts, G =IF(N(E)=0,"",F/E)
 *   A37 "厉行节约保障措施"        B37:G37 text
 *   (the printed 说明 is a comment on A12 and A27 and an instruction;
 *   the printed footer 填表人 … 填报日期 is on sheet 1)
 *
 * Sheet 3 "整体支出绩效自评表" (columns A..I)
 *   A1:I1   title "{Y}年度预算单位整体支出绩效自评表"
 *   A2      "预算单位名称"            B2:I2  unit name
 *   A3:A12  "年度预算申请(万元)"
 *   C3 "年初预算数" D3 "全年预算数" E3 "全年执行数" F3 "分值"
 *   G3 "执行率" H3:I3 "得分"
 *   B4 "年度资金总额"  C4 D4 E4 amounts  F4 10
 *   G4 =IF(N(D4)=0,"",E4/D4)  (0.00%)
 *   H4:I4 =IF(G4="","",MIN(ROUND(ROUND(G4,4)*F4,2),F4))
 *   B5:I5 "按收入性质分："
 *   B6 "其中：一般公共预算"  B7 "政府性基金拨款"
 *   B8 "纳入专户管理的非税收入拨款"  B9 "其他资金"
 *   B10:I10 "按支出性质分："
 *   B11 "其中：基本支出"  B12 "项目支出"
 *   (rows 6..9 and 11..12: C D E amounts under 年初预算数, 全年预算数,
 *   全年执行数; the printed form writes these splits as "label：value"
 *   in two half-width columns, one value each, which is 全年执行数)
 *   A13:A14 "年度总体目标"  B13:E13 "预期目标"  F13:I13 "实际完成情况"
 *   B14:E14 expected goals        F14:I14 actual
 *   A15:A35 "绩效指标"  B15 "一级指标" C15 "二级指标" D15 "三级指标"
 *   E15 "年度指标值" F15 "实际完成值" G15 "分值" H15 "得分"
 *   I15 "偏差原因分析及改进措施"
 *   rows 16..35: one indicator per row (B: list 产出指标/效益指标/
 *   满意度指标, C: 二级指标, D..F text, G H decimals, I text)
 *   A36:F36 "总分"  G36 =IF(COUNT(G16:G35)=0,"",F4+SUM(G16:G35))
 *   H36 =IF(COUNT(H16:H35)=0,"",SUM(H4,H16:H35))
 *
 * Sheet 4 "项目支出绩效自评表" (columns A..I; copy the sheet for each
 * further 一级项目)
 *   A1:I1   title "{Y}年度项目支出绩效自评表"
 *   A2 "项目支出名称"  B2:I2 name
 *   A3 "主管部门"  B3:D3 name  E3 "实施单位"  F3:I3 name
 *   A4:A8 "项目资金（万元）"  C4..G4 as sheet 3 row 3, H4:I4 "自评得分"
 *   B5 "年度资金总额" C5 D5 E5 amounts F5 10 G5 rate H5:I5 score
 *       (formulas as sheet 3 row 4)
 *   B6 "其中：当年财政拨款"  B7 "上年结转资金"  B8 "其他资金"
 *       (C..E amounts)
 *   A9:A10 "年度总体目标"  B9:E9 "预期目标"  F9:I9 "实际完成情况"
 *   B10:E10 expected  F10:I10 actual
 *   A11:A31 "绩效指标"  B11..I11 as sheet 3 row 15 but H11 "自评得分"
 *   rows 12..31: indicators
 *   A32:F32 "总分"  G32 H32 as sheet 3 row 36 (over rows 12..31)
 *
 * The empty template caches "" as the result of every formula (read as
 * empty, never 0); spreadsheets recalculate on load.
 */
#ifndef JIXIAO_TEMPLATE_H
#define JIXIAO_TEMPLATE_H

#include <stddef.h>

/* Sheet names (the forms: exactly the printed titles without the
 * year). */
#define JX_TPL_SHEET_BASE "基础数据表"
#define JX_TPL_SHEET_UNIT "整体支出绩效自评表"
#define JX_TPL_SHEET_PROJECT "项目支出绩效自评表"
#define JX_TPL_SHEET_HELP "填表说明"

/* 0-based positions in the sheets (see the layout above). */
enum jx_tpl_layout {
    JX_TPL_INDICATOR_ROWS = 20, /* empty indicator rows per sheet */
    JX_TPL_SPECIAL_ROWS = 5,    /* 专项 rows under each of 3、and 4、 */
    JX_TPL_BUILDING_ROWS = 3,   /* 楼堂馆所 rows */

    /* 基础数据表 */
    JX_TPL_B_UNIT_ROW = 1,      /* name in column B */
    JX_TPL_B_STAFF_ROW = 3,     /* 编制数 B, 在职 D, 控制率 F */
    JX_TPL_B_COL_PREV = 1,      /* {Y-1}年决算数 (B:C) */
    JX_TPL_B_COL_BUDGET = 3,    /* {Y}年预算数 (D:E) */
    JX_TPL_B_COL_FINAL = 5,     /* {Y}年决算数 (F:G) */
    JX_TPL_B_THREE_PUBLIC = 5,  /* 三公经费 */
    JX_TPL_B_VEHICLE = 6,
    JX_TPL_B_VEHICLE_PURCHASE = 7,
    JX_TPL_B_VEHICLE_OPERATION = 8,
    JX_TPL_B_OVERSEAS = 9,
    JX_TPL_B_RECEPTION = 10,
    JX_TPL_B_PROJECT = 11,      /* 项目支出： */
    JX_TPL_B_BUSINESS = 12,     /* 1、业务工作经费 */
    JX_TPL_B_OPERATION = 13,    /* 2、运行维护经费 */
    JX_TPL_B_LOCAL_SPECIAL = 14, /* 3、区级专项资金; lines 15..19 */
    JX_TPL_B_TRANSFER = 20,     /* 4、上级转移支付; lines 21..25 */
    JX_TPL_B_PUBLIC_FUNDS = 26, /* 公用经费 */
    JX_TPL_B_OFFICE = 27,
    JX_TPL_B_UTILITIES_TRAVEL = 28,
    JX_TPL_B_MEETINGS_TRAINING = 29,
    JX_TPL_B_PROCUREMENT = 30,
    JX_TPL_B_BASIC_ADJUSTMENT = 31,
    JX_TPL_B_BUILDING_HEAD = 32,
    JX_TPL_B_BUILDING_FIRST = 33, /* rows 33..35 */
    JX_TPL_B_THRIFT_ROW = 36,   /* text in column B */

    /* 填表说明: the footer of the printed forms, values in column B */
    JX_TPL_C_PREPARER = 1,      /* 填表人 */
    JX_TPL_C_PHONE = 2,         /* 联系电话 */
    JX_TPL_C_HEAD = 3,          /* 单位负责人 */
    JX_TPL_C_DATE = 4,          /* 填报日期 */
    JX_TPL_C_VALUE_COL = 1,
    JX_TPL_C_HELP_FIRST = 6,    /* the first instruction row */

    /* 整体支出绩效自评表 and 项目支出绩效自评表: common columns */
    JX_TPL_COL_LABEL = 1,       /* B: row label / 一级指标 */
    JX_TPL_COL_INITIAL = 2,     /* C: 年初预算数 / 二级指标 */
    JX_TPL_COL_FULL = 3,        /* D: 全年预算数 / 三级指标 */
    JX_TPL_COL_EXECUTED = 4,    /* E: 全年执行数 / 年度指标值 */
    JX_TPL_COL_POINTS = 5,      /* F: 分值 / 实际完成值 */
    JX_TPL_COL_RATE = 6,        /* G: 执行率 / indicator 分值 */
    JX_TPL_COL_SCORE = 7,       /* H: 得分 / indicator 得分 */
    JX_TPL_COL_DEVIATION = 8,   /* I: 偏差原因分析及改进措施 */
    JX_TPL_IND_LEVEL1 = 1, JX_TPL_IND_LEVEL2 = 2, JX_TPL_IND_NAME = 3,
    JX_TPL_IND_TARGET = 4, JX_TPL_IND_ACTUAL = 5, JX_TPL_IND_POINTS = 6,
    JX_TPL_IND_SCORE = 7, JX_TPL_IND_DEVIATION = 8,
    JX_TPL_GOAL_EXPECTED_COL = 1, /* B */
    JX_TPL_GOAL_ACTUAL_COL = 5,   /* F */

    /* 整体支出绩效自评表 */
    JX_TPL_U_UNIT_ROW = 1,
    JX_TPL_U_TOTAL_ROW = 3,     /* 年度资金总额 */
    JX_TPL_U_GENERAL_BUDGET = 5, /* 其中：一般公共预算 */
    JX_TPL_U_GOV_FUND = 6,      /* 政府性基金拨款 */
    JX_TPL_U_SPECIAL_ACCOUNT = 7, /* 纳入专户管理的非税收入拨款 */
    JX_TPL_U_OTHER = 8,         /* 其他资金 */
    JX_TPL_U_BASIC = 10,        /* 其中：基本支出 */
    JX_TPL_U_PROJECT = 11,      /* 项目支出 */
    JX_TPL_U_GOAL_ROW = 13,
    JX_TPL_U_IND_HEAD = 14,
    JX_TPL_U_IND_FIRST = 15,
    JX_TPL_U_SUM_ROW = 35,

    /* 项目支出绩效自评表 */
    JX_TPL_P_NAME_ROW = 1,
    JX_TPL_P_ORG_ROW = 2,       /* 主管部门 B, 实施单位 F */
    JX_TPL_P_TOTAL_ROW = 4,
    JX_TPL_P_SPLIT_FIRST = 5,   /* rows 5..7 */
    JX_TPL_P_GOAL_ROW = 9,
    JX_TPL_P_IND_HEAD = 10,
    JX_TPL_P_IND_FIRST = 11,
    JX_TPL_P_SUM_ROW = 31
};

/* Years accepted by the template. */
#define JX_TPL_YEAR_MIN 1990
#define JX_TPL_YEAR_MAX 2100

/* Most 项目支出绩效自评表 sheets in one workbook. */
#define JX_TPL_MAX_PROJECTS 200

/* Sheets addressed by struct jx_tpl_value, in workbook order: the
 * instructions, the base sheet, the unit sheet, then the project
 * sheets (JX_TPL_PROJECT + k for the k-th, named "项目支出绩效自评表",
 * "项目支出绩效自评表 (2)", ...). */
enum jx_tpl_sheet {
    JX_TPL_HELP = 0,
    JX_TPL_BASE = 1,
    JX_TPL_UNIT = 2,
    JX_TPL_PROJECT = 3
};

/* Kinds of value filled into the template. */
enum jx_tpl_kind {
    JX_TPL_TEXT = 0,   /* a string */
    JX_TPL_NUMBER,     /* decimal text: "1902.68", "-3", "48.65%" */
    JX_TPL_DATE        /* "YYYY-MM-DD" */
};

/* A value written into a cell of the template (0-based row and column
 * as above).  A number given for a computed cell (a formula) becomes
 * the formula's cached result, which is what an importer reads until a
 * spreadsheet recalculates. */
struct jx_tpl_value {
    int sheet;             /* enum jx_tpl_sheet (+ k for projects) */
    int row, col;
    enum jx_tpl_kind kind;
    const char *text;
};

/* Options of the workbook. */
struct jx_tpl_opts {
    int year;              /* the evaluated year (JX_TPL_YEAR_MIN..MAX) */
    int nprojects;         /* project sheets, 1..JX_TPL_MAX_PROJECTS
                              (0 means 1) */
    const struct jx_tpl_value *values; /* cells to fill, or NULL */
    size_t nvalues;
};

/*
 * Write the fill-in workbook for the evaluated year `year` to path:
 * libxlsxwriter writes "path.tmp.<pid>", which is renamed to path on
 * success and removed on failure.  Returns 0, or -1 with errno set and
 * *why (if not NULL) a static Chinese reason: the file cannot be
 * created, the workbook cannot be assembled, or the rename fails.
 * The library never prints.
 */
int jx_template_xlsx_write(const char *path, int year, const char **why);

/* The same with options: more project sheets and values filled in (a
 * filled workbook for tests and the document generator).  A value that
 * cannot be written (unknown sheet, unreadable number or date) fails
 * with errno EINVAL and *why naming the problem. */
int jx_template_xlsx_write_opts(const char *path,
                                const struct jx_tpl_opts *opts,
                                const char **why);

#endif
