/*
 * model_json.c - Package JSON v1: loading with full validation and located
 * diagnostics, and canonical saving.  docs/format.md describes the
 * format; one table per JSON object below drives both directions, so
 * the order of the tables is the canonical key order.
 *
 * Loading: base_json.c (struct jx_jload, shared with the framework
 * loader) parses the text with jansson (repairing syntax errors), knows
 * where every key and value is and reports what is wrong with the text
 * as JSON, unknown keys and wrong types; this file walks
 * jansson's tree along the tables, reads every leaf with dec.c and
 * reports every problem with file:line:col and JSON pointer.  Nothing
 * stops the walk except a document that is not a package at all
 * (wrong "format" or "version").
 */
#include "jixiao/pkgjson.h"

#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "base/base_json.h"
#include "jixiao/facts.h"

/* ---- the schema ------------------------------------------------------ */

/* Kinds of field. */
enum fkind {
    F_TEXT,      /* struct jx_text: a string */
    F_MONEY,     /* struct jx_amt: a money string in the sheet's unit */
    F_RATE,      /* struct jx_num: a percentage string "48.65%" */
    F_NUM,       /* struct jx_num: a decimal string or a JSON integer */
    F_COUNT,     /* struct jx_count: an integer >= 0 (or integer string) */
    F_YEAR,      /* struct jx_count: a year 1900..2999 */
    F_DATE,      /* struct jx_date: "YYYY-MM-DD" */
    F_BOOL,      /* bool: true or false (false is not written) */
    F_UNIT,      /* enum jx_money_unit: "万元" or "元" */
    F_PCAT,      /* enum jx_project_cat */
    F_ACH,       /* enum jx_achieve */
    F_SECNO,     /* int: a report section number 1..10 */
    F_WEIGHT,    /* int: points 1..100 (0, absent, is not written) */
    F_OBJ,       /* a nested object described by sub */
    F_ARRAY,     /* an array of objects described by arr */
    F_TEXTS,     /* an array of text leaves described by arr */
    F_FUNDS,     /* the funds object of a sheet */
    F_SOURCE,    /* the provenance of an indicator row */
    F_MATERIALS, /* the list of materials handed in */
    F_FIGURES,   /* the report's figures (facts.h) */
    F_FORMAT,    /* "jixiao-package" */
    F_VERSION    /* 1 */
};

/* Field flags. */
enum {
    REQ = 1,     /* required */
    ALWAYS = 2,  /* F_OBJ: written even when empty */
    FLAGGED = 4  /* F_OBJ: flag_off names a bool set when present */
};

struct table;

/* An array field: its elements and where the count lives. */
struct arrspec {
    const struct table *el; /* element object; NULL for text leaves */
    size_t elsize;          /* bytes per element */
    size_t count_off;       /* offset of the size_t count in the parent */
    size_t max;             /* most elements read */
    void (*init)(void *el); /* sets element defaults, or NULL */
};

/* One key of an object. */
struct field {
    const char *key;
    enum fkind kind;
    size_t off;                 /* offset of the member in the parent */
    unsigned flags;             /* REQ, ALWAYS, FLAGGED */
    const struct table *sub;    /* F_OBJ */
    const struct arrspec *arr;  /* F_ARRAY, F_TEXTS */
    size_t flag_off;            /* FLAGGED: offset of the bool */
};

/* The keys of one object, in canonical order.  foreign lists keys
 * (NULL-terminated) that belong to a variant of this object only; an
 * unknown-key error for one of them says so with foreign_note. */
struct table {
    const struct field *f;
    size_t n;
    const char *const *foreign;
    const char *foreign_note;
};

#define TABLE(a) {a, sizeof a / sizeof a[0], NULL, NULL}
#define LEAF(k, kind, type, member) \
    {k, kind, offsetof(type, member), 0, NULL, NULL, 0}

/* Most elements read from the arrays (more is an error). */
enum {
    MAX_SHEETS = 1000,
    MAX_INDICATORS = 10000,
    MAX_GOALS = 1000,
    MAX_PROJECT_LINES = 10000,
    MAX_BUILDINGS = 1000,
    MAX_SECTIONS = 100,
    MAX_ATTACHMENTS = 1000,
    MAX_MATERIALS = 100,
    MAX_TASKS = 10000,
    MAX_RUBRIC_ROWS = 10000,
    MAX_FIGURES = 100000,
    MAX_FIELDS = 32,
    MAX_REPAIRS = 20
};

static const struct field cost_f[] = {
    LEAF("prev_final", F_MONEY, struct jx_cost, prev_final),
    LEAF("budget", F_MONEY, struct jx_cost, budget),
    LEAF("final", F_MONEY, struct jx_cost, final),
    LEAF("unread", F_BOOL, struct jx_cost, unread),
};
static const struct table cost_tb = TABLE(cost_f);

static const struct field unit_f[] = {
    {"name", F_TEXT, offsetof(struct jx_unit, name), REQ, NULL, NULL, 0},
    LEAF("code", F_TEXT, struct jx_unit, code),
    LEAF("region", F_TEXT, struct jx_unit, region),
    LEAF("supervisor", F_TEXT, struct jx_unit, supervisor),
};
static const struct table unit_tb = TABLE(unit_f);

static const struct field contacts_f[] = {
    LEAF("preparer", F_TEXT, struct jx_contacts, preparer),
    LEAF("phone", F_TEXT, struct jx_contacts, phone),
    LEAF("head", F_TEXT, struct jx_contacts, head),
    LEAF("date", F_DATE, struct jx_contacts, date),
};
static const struct table contacts_tb = TABLE(contacts_f);

static const struct field staffing_f[] = {
    LEAF("authorized", F_COUNT, struct jx_base_sheet, authorized),
    LEAF("actual", F_COUNT, struct jx_base_sheet, actual),
    LEAF("control_rate", F_RATE, struct jx_base_sheet, control_rate),
};
static const struct table staffing_tb = TABLE(staffing_f);

static const struct field pline_f[] = {
    {"category", F_PCAT, offsetof(struct jx_project_line, cat), REQ, NULL,
     NULL, 0},
    LEAF("name", F_TEXT, struct jx_project_line, name),
    LEAF("prev_final", F_MONEY, struct jx_project_line, cost.prev_final),
    LEAF("budget", F_MONEY, struct jx_project_line, cost.budget),
    LEAF("final", F_MONEY, struct jx_project_line, cost.final),
};
static const struct table pline_tb = TABLE(pline_f);
static const struct arrspec pline_arr = {
    &pline_tb, sizeof(struct jx_project_line),
    offsetof(struct jx_base_sheet, nproject_lines), MAX_PROJECT_LINES, NULL};

#define COST(k, member)                                                  \
    {k, F_OBJ, offsetof(struct jx_base_sheet, member), 0, &cost_tb, NULL, 0}

static const struct field costs_f[] = {
    COST("three_public", three_public),
    COST("vehicle", vehicle),
    COST("vehicle_purchase", vehicle_purchase),
    COST("vehicle_operation", vehicle_operation),
    COST("overseas", overseas),
    COST("reception", reception),
    COST("project", project),
    {"project_lines", F_ARRAY, offsetof(struct jx_base_sheet, project_lines),
     0, NULL, &pline_arr, 0},
    COST("public_funds", public_funds),
    COST("office", office),
    COST("utilities_travel", utilities_travel),
    COST("meetings_training", meetings_training),
    COST("procurement", procurement),
    COST("basic_adjustment", basic_adjustment),
};
static const struct table costs_tb = TABLE(costs_f);

static const struct field building_f[] = {
    LEAF("name", F_TEXT, struct jx_building, name),
    LEAF("approved_area", F_NUM, struct jx_building, approved_area),
    LEAF("actual_area", F_NUM, struct jx_building, actual_area),
    LEAF("area_rate", F_RATE, struct jx_building, area_rate),
    LEAF("budget_invest", F_MONEY, struct jx_building, budget_invest),
    LEAF("actual_invest", F_MONEY, struct jx_building, actual_invest),
    LEAF("invest_rate", F_RATE, struct jx_building, invest_rate),
};
static const struct table building_tb = TABLE(building_f);
static const struct arrspec building_arr = {
    &building_tb, sizeof(struct jx_building),
    offsetof(struct jx_base_sheet, nbuildings), MAX_BUILDINGS, NULL};

static const struct field base_f[] = {
    LEAF("unit", F_UNIT, struct jx_base_sheet, unit),
    {"staffing", F_OBJ, 0, 0, &staffing_tb, NULL, 0},
    {"costs", F_OBJ, 0, 0, &costs_tb, NULL, 0},
    {"buildings", F_ARRAY, offsetof(struct jx_base_sheet, buildings), 0, NULL,
     &building_arr, 0},
    LEAF("thrift_measures", F_TEXT, struct jx_base_sheet, thrift_measures),
};
static const struct table base_tb = TABLE(base_f);

static const struct field funds_f[] = {
    LEAF("budget_initial", F_MONEY, struct jx_funds, budget_initial),
    LEAF("budget_full", F_MONEY, struct jx_funds, budget_full),
    LEAF("executed", F_MONEY, struct jx_funds, executed),
    LEAF("points", F_NUM, struct jx_funds, points),
    LEAF("rate", F_RATE, struct jx_funds, rate),
    LEAF("score", F_NUM, struct jx_funds, score),
};
static const struct table funds_tb = TABLE(funds_f);

static const struct field goal_f[] = {
    LEAF("expected", F_TEXT, struct jx_goal, expected),
    LEAF("actual", F_TEXT, struct jx_goal, actual),
};
static const struct table goal_tb = TABLE(goal_f);
static const struct arrspec goal_arr = {
    &goal_tb, sizeof(struct jx_goal), offsetof(struct jx_sheet, ngoals),
    MAX_GOALS, NULL};

static const struct field ind_f[] = {
    LEAF("level1", F_TEXT, struct jx_indicator, level1),
    LEAF("level2", F_TEXT, struct jx_indicator, level2),
    LEAF("name", F_TEXT, struct jx_indicator, name),
    LEAF("target", F_TEXT, struct jx_indicator, target),
    LEAF("actual", F_TEXT, struct jx_indicator, actual),
    LEAF("points", F_NUM, struct jx_indicator, points),
    LEAF("score", F_NUM, struct jx_indicator, score),
    LEAF("achievement", F_ACH, struct jx_indicator, achievement),
    LEAF("deviation", F_TEXT, struct jx_indicator, deviation),
    LEAF("cut", F_BOOL, struct jx_indicator, cut),
    LEAF("source", F_SOURCE, struct jx_indicator, prov),
};
static const struct table ind_tb = TABLE(ind_f);
static const struct arrspec ind_arr = {
    &ind_tb, sizeof(struct jx_indicator),
    offsetof(struct jx_sheet, nindicators), MAX_INDICATORS, NULL};

static const struct field task_f[] = {
    LEAF("name", F_TEXT, struct jx_task, name),
    LEAF("content", F_TEXT, struct jx_task, content),
    LEAF("status", F_TEXT, struct jx_task, status),
    LEAF("budget_total", F_MONEY, struct jx_task, budget_total),
    LEAF("budget_fiscal", F_MONEY, struct jx_task, budget_fiscal),
    LEAF("executed_total", F_MONEY, struct jx_task, executed_total),
    LEAF("executed_fiscal", F_MONEY, struct jx_task, executed_fiscal),
    LEAF("source", F_SOURCE, struct jx_task, prov),
};
static const struct table task_tb = TABLE(task_f);
static const struct arrspec task_arr = {
    &task_tb, sizeof(struct jx_task), offsetof(struct jx_sheet, ntasks),
    MAX_TASKS, NULL};

/* The task total (金额合计): the four amounts of a task row and the
 * row's provenance; its texts are not part of the format. */
static const struct field task_total_f[] = {
    LEAF("budget_total", F_MONEY, struct jx_task, budget_total),
    LEAF("budget_fiscal", F_MONEY, struct jx_task, budget_fiscal),
    LEAF("executed_total", F_MONEY, struct jx_task, executed_total),
    LEAF("executed_fiscal", F_MONEY, struct jx_task, executed_fiscal),
    LEAF("source", F_SOURCE, struct jx_task, prov),
};
static const struct table task_total_tb = TABLE(task_total_f);

/* The indicator columns a sheet's table does not have. */
static const struct field cols_absent_f[] = {
    LEAF("points", F_BOOL, struct jx_cols_absent, points),
    LEAF("target", F_BOOL, struct jx_cols_absent, target),
    LEAF("actual", F_BOOL, struct jx_cols_absent, actual),
    LEAF("score", F_BOOL, struct jx_cols_absent, score),
    LEAF("deviation", F_BOOL, struct jx_cols_absent, deviation),
};
static const struct table cols_absent_tb = TABLE(cols_absent_f);

/* The keys every sheet has before and after the goal-sheet-only
 * ones. */
#define SHEET_HEAD                                                         \
    LEAF("unit", F_UNIT, struct jx_sheet, unit),                           \
    LEAF("name", F_TEXT, struct jx_sheet, name),                           \
    LEAF("supervisor", F_TEXT, struct jx_sheet, supervisor),               \
    LEAF("implementer", F_TEXT, struct jx_sheet, implementer),             \
    {"funds", F_FUNDS, 0, 0, NULL, NULL, 0}
#define SHEET_TAIL                                                         \
    {"goals", F_ARRAY, offsetof(struct jx_sheet, goals), 0, NULL, &goal_arr, \
     0},                                                                   \
    {"indicators", F_ARRAY, offsetof(struct jx_sheet, indicators), 0, NULL, \
     &ind_arr, 0},                                                         \
    LEAF("stated_total", F_NUM, struct jx_sheet, stated_total),            \
    LEAF("exec_points", F_WEIGHT, struct jx_sheet, exec_points),           \
    LEAF("rows_unread", F_BOOL, struct jx_sheet, rows_unread),            \
    {"columns_absent", F_OBJ, offsetof(struct jx_sheet, cols_absent), 0,   \
     &cols_absent_tb, NULL, 0}

/* Keys only a goal sheet has. */
static const char *const goal_only_keys[] = {"tasks", "task_total", NULL};

static const struct field sheet_f[] = {
    SHEET_HEAD,
    SHEET_TAIL,
};
static const struct table sheet_tb = {
    sheet_f, sizeof sheet_f / sizeof sheet_f[0], goal_only_keys,
    "（此键只用于 goal_sheet，即部门整体支出绩效目标完成情况自评表）"};

/* 部门（单位）整体支出绩效目标完成情况自评表: the keys of a sheet with the
 * task rows and their total between funds and goals, as on the form. */
static const struct field goal_sheet_f[] = {
    SHEET_HEAD,
    {"tasks", F_ARRAY, offsetof(struct jx_sheet, tasks), 0, NULL, &task_arr,
     0},
    {"task_total", F_OBJ, offsetof(struct jx_sheet, task_total), 0,
     &task_total_tb, NULL, 0},
    SHEET_TAIL,
};
static const struct table goal_sheet_tb = TABLE(goal_sheet_f);

/* Defaults of a project sheet read from project_sheets. */
static void init_project_sheet(void *el)
{
    struct jx_sheet *s = el;
    s->kind = JX_SHEET_PROJECT;
    s->unit = JX_WANYUAN;
}

static const struct arrspec psheet_arr = {
    &sheet_tb, sizeof(struct jx_sheet),
    offsetof(struct jx_package, nproject_sheets), MAX_SHEETS,
    init_project_sheet};

static const struct field section_f[] = {
    {"no", F_SECNO, offsetof(struct jx_section, no), REQ, NULL, NULL, 0},
    LEAF("marker", F_TEXT, struct jx_section, marker),
    LEAF("title", F_TEXT, struct jx_section, title),
    LEAF("text", F_TEXT, struct jx_section, text),
};
static const struct table section_tb = TABLE(section_f);
static const struct arrspec section_arr = {
    &section_tb, sizeof(struct jx_section),
    offsetof(struct jx_report, nsections), MAX_SECTIONS, NULL};
static const struct arrspec attach_arr = {
    NULL, sizeof(struct jx_text), offsetof(struct jx_report, nattachments),
    MAX_ATTACHMENTS, NULL};

static const struct field report_f[] = {
    LEAF("title", F_TEXT, struct jx_report, title),
    {"sections", F_ARRAY, offsetof(struct jx_report, sections), 0, NULL,
     &section_arr, 0},
    {"attachments", F_TEXTS, offsetof(struct jx_report, attachments), 0,
     NULL, &attach_arr, 0},
    {"figures", F_FIGURES, offsetof(struct jx_report, figures), 0, NULL, NULL,
     0},
};
static const struct table report_tb = TABLE(report_f);

static const struct field submission_f[] = {
    {"materials", F_MATERIALS, 0, 0, NULL, NULL, 0},
    LEAF("submitted", F_DATE, struct jx_submission, submitted),
    LEAF("published", F_DATE, struct jx_submission, published),
};
static const struct table submission_tb = TABLE(submission_f);

static const struct field rubric_row_f[] = {
    LEAF("level1", F_TEXT, struct jx_rubric_row, level1),
    LEAF("level2", F_TEXT, struct jx_rubric_row, level2),
    LEAF("name", F_TEXT, struct jx_rubric_row, name),
    LEAF("points", F_NUM, struct jx_rubric_row, points),
    LEAF("description", F_TEXT, struct jx_rubric_row, description),
    LEAF("standard", F_TEXT, struct jx_rubric_row, standard),
    LEAF("score", F_NUM, struct jx_rubric_row, score),
    LEAF("reason", F_TEXT, struct jx_rubric_row, reason),
    LEAF("source", F_SOURCE, struct jx_rubric_row, prov),
};
static const struct table rubric_row_tb = TABLE(rubric_row_f);
static const struct arrspec rubric_row_arr = {
    &rubric_row_tb, sizeof(struct jx_rubric_row),
    offsetof(struct jx_rubric, nrows), MAX_RUBRIC_ROWS, NULL};

static const struct field rubric_f[] = {
    LEAF("title", F_TEXT, struct jx_rubric, title),
    {"rows", F_ARRAY, offsetof(struct jx_rubric, rows), 0, NULL,
     &rubric_row_arr, 0},
    LEAF("stated_total", F_NUM, struct jx_rubric, stated_total),
    LEAF("stated_grade", F_TEXT, struct jx_rubric, stated_grade),
    LEAF("scorer", F_TEXT, struct jx_rubric, scorer),
};
static const struct table rubric_tb = TABLE(rubric_f);

static const struct field top_f[] = {
    {"format", F_FORMAT, 0, REQ, NULL, NULL, 0},
    {"version", F_VERSION, 0, REQ, NULL, NULL, 0},
    {"unit", F_OBJ, offsetof(struct jx_package, unit), REQ | ALWAYS, &unit_tb,
     NULL, 0},
    {"year", F_YEAR, offsetof(struct jx_package, year), REQ, NULL, NULL, 0},
    {"contacts", F_OBJ, offsetof(struct jx_package, contacts), 0,
     &contacts_tb, NULL, 0},
    {"base_sheet", F_OBJ, offsetof(struct jx_package, base), FLAGGED,
     &base_tb, NULL, offsetof(struct jx_package, base.present)},
    {"unit_sheet", F_OBJ, offsetof(struct jx_package, unit_sheet), FLAGGED,
     &sheet_tb, NULL, offsetof(struct jx_package, has_unit_sheet)},
    {"project_sheets", F_ARRAY, offsetof(struct jx_package, project_sheets),
     0, NULL, &psheet_arr, 0},
    {"report", F_OBJ, offsetof(struct jx_package, report), FLAGGED,
     &report_tb, NULL, offsetof(struct jx_package, report.present)},
    {"submission", F_OBJ, offsetof(struct jx_package, submission), 0,
     &submission_tb, NULL, 0},
    {"goal_sheet", F_OBJ, offsetof(struct jx_package, goal_sheet), FLAGGED,
     &goal_sheet_tb, NULL, offsetof(struct jx_package, has_goal_sheet)},
    {"dept_scoring", F_OBJ, offsetof(struct jx_package, dept_scoring),
     FLAGGED, &rubric_tb, NULL,
     offsetof(struct jx_package, dept_scoring.present)},
    {"assessment", F_OBJ, offsetof(struct jx_package, assessment), FLAGGED,
     &rubric_tb, NULL, offsetof(struct jx_package, assessment.present)},
};
static const struct table top_tb = TABLE(top_f);

/* Keys of a provenance wrapper and of a source object. */
static const char *const wrap_keys[] = {"value", "source"};
static const char *const source_keys[] = {"file", "line", "col", "sheet",
                                          "cell", "table", "row", "column",
                                          "how", "raw"};

/* Names of the enumerations, indexed by their values. */
static const char *const unit_names[] = {"元", "万元"};
static const char *const pcat_names[JX_PCAT_COUNT] = {
    "business", "operation", "local_special", "transfer"};
static const char *const ach_names[] = {"met", "partial", "not_met"};
/* Their Chinese names (the portal's choices), in the same order. */
static const char *const pcat_zh[JX_PCAT_COUNT] = {
    "业务工作经费", "运行维护经费", "区级(省级)专项资金", "上级转移支付"};
static const char *const ach_zh[] = {"达成年度指标",
                                     "部分达成年度指标并具有一定效果",
                                     "未达成年度指标且效果较差"};

static const char FORMAT_NAME[] = "jixiao-package";

/* ---- loading: context, paths and diagnostics ------------------------- */

/* State of one load. */
struct ctx {
    struct jx_jload j;      /* the document, diagnostics and path */
    struct jx_arena *a;     /* = j.a */
    enum jx_money_unit unit;/* unit of the sheet being read */
    bool fatal;             /* not a package: stop walking */
};

/* The codes of the problems base_json.c reports for a package. */
static const struct jx_jcodes codes = {"J001", "J003", "J004", "J101",
                                       "J102", "J103", "J002", "输入"};

/* What a field kind expects, for type errors (static string). */
static const char *expect_zh(enum fkind k)
{
    switch (k) {
    case F_TEXT:
    case F_UNIT:
    case F_PCAT:
    case F_ACH:
    case F_FORMAT:
        return "字符串";
    case F_MONEY:
        return "金额字符串（如 \"1902.68\"）";
    case F_RATE:
        return "百分比字符串（如 \"48.65%\"）";
    case F_NUM:
        return "数字字符串或整数（如 \"4.87\"）";
    case F_COUNT:
    case F_YEAR:
    case F_SECNO:
    case F_WEIGHT:
    case F_VERSION:
        return "整数";
    case F_DATE:
        return "日期字符串（YYYY-MM-DD）";
    case F_BOOL:
        return "布尔值（true 或 false）";
    case F_OBJ:
    case F_FUNDS:
    case F_SOURCE:
        return "对象";
    case F_ARRAY:
    case F_TEXTS:
    case F_MATERIALS:
    case F_FIGURES:
        break;
    }
    return "数组";
}

/* jansson's value at node (found from the root by key or index): only
 * for the messages of the jx_jload helpers, which quote it. */
static json_t *val(struct ctx *c, int32_t node)
{
    return jx_jdoc_value(c->j.doc, node);
}

/* The JSON type of the value at node (-1: JX_JT_NONE). */
static enum jx_jtype jtype(struct ctx *c, int32_t node)
{
    return jx_jdoc_type(c->j.doc, node);
}

/* True when node is absent (-1) or a JSON null. */
static bool absent(struct ctx *c, int32_t node)
{
    return node < 0 || jtype(c, node) == JX_JT_NULL;
}

/* Report that the value at node has the wrong type for kind. */
static void type_error(struct ctx *c, enum fkind k, int32_t node)
{
    jx_jload_type_error(&c->j, expect_zh(k), val(c, node), node);
}

/* Report every key of the object at node that is not among
 * names[0..count); keys in foreign are explained with note instead of a
 * suggestion. */
static void check_keys(struct ctx *c, int32_t node,
                       const char *const *names, size_t count,
                       const char *const *foreign, const char *note)
{
    jx_jload_check_keys(&c->j, val(c, node), node, names, count, foreign,
                        note);
}

/* The index among count names, the i-th a const char * at
 * base + i * stride (no NULL entries), of the key key[0..klen) (which
 * may hold NUL bytes), or -1.  The search starts at *hint, the entry
 * after the last one found (members usually come in the list's order),
 * and wraps around; the names are unique, so where it starts does not
 * change the answer.  *hint is updated on a match.  Serves a plain list
 * of names and a table's fields (their key first) alike. */
static int strided_index(const void *base, size_t stride, size_t count,
                         const char *key, size_t klen, size_t *hint)
{
    size_t i = *hint < count ? *hint : 0;
    for (size_t t = 0; t < count; t++, i = i + 1 < count ? i + 1 : 0) {
        const char *k =
            *(const char *const *)(const void *)((const char *)base +
                                                 i * stride);
        if (klen && k[0] != key[0]) {
            continue; /* the usual miss, by the first byte */
        }
        size_t j = 0;
        while (j < klen && k[j] != '\0' && k[j] == key[j]) {
            j++;
        }
        if (j == klen && k[j] == '\0') {
            *hint = i + 1;
            return (int)i;
        }
    }
    return -1;
}

/* The index among names[0..count) of key[0..klen), or -1 (see
 * strided_index). */
static int name_index(const char *const *names, size_t count,
                      const char *key, size_t klen, size_t *hint)
{
    return strided_index(names, sizeof *names, count, key, klen, hint);
}

/* The member nodes of the object at node for names[0..count) into
 * at[0..count) (-1 when absent; a repeated key's last occurrence, the
 * value jansson keeps), walking the object's members once; true when
 * some key is not among the names. */
static bool members(struct ctx *c, int32_t node, const char *const *names,
                    size_t count, int32_t *at)
{
    for (size_t i = 0; i < count; i++) {
        at[i] = -1;
    }
    bool unknown = false;
    size_t hint = 0;
    for (int32_t k = jx_jdoc_first(c->j.doc, node); k >= 0;
         k = jx_jdoc_next(c->j.doc, k)) {
        size_t kl;
        const char *kk = jx_jdoc_key(c->j.doc, k, &kl);
        int i = kk ? name_index(names, count, kk, kl, &hint) : -1;
        if (i >= 0) {
            at[i] = k;
        } else {
            unknown = true;
        }
    }
    return unknown;
}

/* The index of the string at node among names[0..count) (NULL entries
 * skipped); otherwise (not a string, or not listed) what jx_jload_enum
 * reports and returns: -1. */
static int enum_of(struct ctx *c, const char *code, int32_t node,
                   const char *const *names, size_t count)
{
    size_t n;
    const char *s = jx_jdoc_string(c->j.doc, node, &n);
    if (s) {
        for (size_t i = 0; i < count; i++) {
            if (names[i] && names[i][0] == (n ? s[0] : '\0') &&
                strlen(names[i]) == n && memcmp(names[i], s, n) == 0) {
                return (int)i;
            }
        }
    }
    return jx_jload_enum(&c->j, code, val(c, node), node, names, count);
}

/* The number of elements of the array at node to read: at most max;
 * more are reported under code and not read. */
static size_t array_len(struct ctx *c, const char *code, int32_t node,
                        size_t max)
{
    size_t n = jx_jdoc_count(c->j.doc, node);
    return n > max ? jx_jload_array_len(&c->j, code, val(c, node), node, max)
                   : n;
}

/* ---- loading: leaves ------------------------------------------------- */

/* Outcome of reading a leaf. */
enum got { GOT_ABSENT, GOT_OK, GOT_BAD };

/* True for kinds that may be wrapped as {"value", "source"}. */
static bool wrappable(enum fkind k)
{
    return k == F_TEXT || k == F_MONEY || k == F_RATE || k == F_NUM ||
           k == F_COUNT || k == F_YEAR || k == F_DATE;
}

/* Read a source object's "how" (read / split / ocr / float /
 * position) at node h and "raw" (the text as printed) at node r into p
 * (-1: absent). */
static void load_how(struct ctx *c, int32_t h, int32_t r, struct jx_prov *p)
{
    if (!absent(c, h)) {
        size_t mark = jx_jload_push(&c->j, "how", 3);
        static const char *const names[JX_HOW_COUNT] = {
            "read", "split", "ocr", "float", "position", "column",
            "completed", "portal"};
        int k = enum_of(c, "J110", h, names, JX_HOW_COUNT);
        if (k >= 0) {
            p->how = (enum jx_how)k;
        }
        jx_jload_pop(&c->j, mark);
    }
    if (!absent(c, r)) {
        size_t n;
        const char *s = jx_jdoc_string(c->j.doc, r, &n);
        if (s) {
            p->raw = jx_strndup(c->a, s, n);
        } else {
            size_t mark = jx_jload_push(&c->j, "raw", 3);
            type_error(c, F_TEXT, r);
            jx_jload_pop(&c->j, mark);
        }
    }
}

/* Read a source object (plain, never wrapped) at node into a new
 * provenance in the arena; NULL (after reporting) when it is not an
 * object. */
static const struct jx_prov *load_source(struct ctx *c, int32_t node)
{
    if (jtype(c, node) != JX_JT_OBJECT) {
        type_error(c, F_SOURCE, node);
        return NULL;
    }
    struct jx_prov *p = jx_alloc(c->a, sizeof *p);
    const char **strs[] = {&p->file, NULL, NULL, &p->sheet, &p->cell,
                           NULL, NULL, NULL};
    int *ints[] = {NULL, &p->line, &p->col, NULL, NULL,
                   &p->table, &p->row, &p->column};
    int32_t at[10];
    bool unknown = members(c, node, source_keys, 10, at);
    for (size_t i = 0; i < 8; i++) {
        int32_t xn = at[i];
        if (absent(c, xn)) {
            continue;
        }
        size_t mark =
            jx_jload_push(&c->j, source_keys[i], strlen(source_keys[i]));
        enum jx_jtype t = jtype(c, xn);
        if (strs[i]) {
            size_t n;
            const char *s = jx_jdoc_string(c->j.doc, xn, &n);
            if (s) {
                *strs[i] = jx_strndup(c->a, s, n);
            } else {
                type_error(c, F_TEXT, xn);
            }
        } else if (t != JX_JT_INTEGER) {
            type_error(c, F_COUNT, xn);
        } else {
            int64_t v = jx_jdoc_integer(c->j.doc, xn);
            if (v < 1 || v > INT_MAX) {
                jx_jload_rep(&c->j, "J113", xn, false,
                             "取值超出范围：%s（应为 1 到 %d 之间的整数）",
                             jx_jload_token(&c->j, xn), INT_MAX);
            } else {
                *ints[i] = (int)v;
            }
        }
        jx_jload_pop(&c->j, mark);
    }
    load_how(c, at[8], at[9], p);
    if (unknown) {
        check_keys(c, node, source_keys, 10, NULL, NULL);
    }
    return p;
}

/* The value at *node is an object: a provenance wrapper.  Read its
 * source into *prov, move *node to the inner value (-1 when missing,
 * reported) and push "/value" on the path (the caller's mark restores
 * it). */
static void unwrap(struct ctx *c, int32_t *node, const struct jx_prov **prov)
{
    int32_t wn = *node;
    int32_t at[2]; /* "value", "source" */
    bool unknown = members(c, wn, wrap_keys, 2, at);
    if (!absent(c, at[1])) {
        size_t m = jx_jload_push(&c->j, "source", 6);
        *prov = load_source(c, at[1]);
        jx_jload_pop(&c->j, m);
    }
    if (unknown) {
        check_keys(c, wn, wrap_keys, 2, NULL, NULL);
    }
    if (at[0] < 0) {
        jx_jload_rep(&c->j, "J104", wn, false,
                     "缺少必填项 \"value\"（来源包装对象）");
        *node = -1;
        return;
    }
    *node = at[0];
    jx_jload_push(&c->j, "value", 5);
}

/* Read a money string at node in the current unit. */
static enum got read_money(struct ctx *c, int32_t node,
                           const struct jx_jval *jv, struct jx_money *out)
{
    enum jx_jtype t = jv->type;
    if (t == JX_JT_INTEGER || t == JX_JT_REAL) {
        const char *tok = jx_jload_token(&c->j, node);
        jx_jload_rep(&c->j, "J106", node, false,
                     "金额必须写成字符串：%s 应写成 \"%s\"", tok, tok);
        return GOT_BAD;
    }
    if (t != JX_JT_STRING) {
        type_error(c, F_MONEY, node);
        return GOT_BAD;
    }
    enum jx_numerr e = jx_money_parse(jv->s, jv->n, c->unit, out, NULL);
    if (e == JX_NUM_EMPTY) {
        return GOT_ABSENT;
    }
    if (e != JX_NUM_OK) {
        jx_jload_bad_number(&c->j, "J105", "金额", val(c, node), node, e);
        return GOT_BAD;
    }
    return GOT_OK;
}

/* Read a percentage string at node into a fraction. */
static enum got read_rate(struct ctx *c, int32_t node,
                          const struct jx_jval *jv, struct jx_rat *out)
{
    enum jx_jtype t = jv->type;
    if (t == JX_JT_INTEGER || t == JX_JT_REAL) {
        jx_jload_rep(&c->j, "J106", node, false,
                     "比率必须写成带百分号的字符串（如 \"48.65%%\"），"
                     "实际为 JSON 数字 %s",
                     jx_jload_token(&c->j, node));
        return GOT_BAD;
    }
    if (t != JX_JT_STRING) {
        type_error(c, F_RATE, node);
        return GOT_BAD;
    }
    bool pct = false;
    enum jx_numerr e = jx_rat_parse(jv->s, jv->n, out, &pct, NULL);
    if (e == JX_NUM_EMPTY) {
        return GOT_ABSENT;
    }
    if (e != JX_NUM_OK) {
        jx_jload_bad_number(&c->j, "J105", "比率", val(c, node), node, e);
        return GOT_BAD;
    }
    if (!pct) {
        jx_jload_rep(&c->j, "J107", node, false,
                     "比率必须带百分号：%s 应写成百分比（如 \"48.65%%\"）",
                     jx_jload_shown(&c->j, val(c, node), node) + 1);
        return GOT_BAD;
    }
    return GOT_OK;
}

/* Read a decimal string or JSON integer at node (points, scores,
 * areas). */
static enum got read_num(struct ctx *c, int32_t node,
                         const struct jx_jval *jv, struct jx_rat *out)
{
    enum jx_jtype t = jv->type;
    if (t == JX_JT_INTEGER) {
        enum jx_numerr e = jx_jload_int(&c->j, node, out);
        if (e != JX_NUM_OK) {
            jx_jload_bad_number(&c->j, "J105", "数值", val(c, node), node, e);
            return GOT_BAD;
        }
        return GOT_OK;
    }
    if (t == JX_JT_REAL) {
        jx_jload_unquoted(&c->j, "J106", node);
        return GOT_BAD;
    }
    if (t != JX_JT_STRING) {
        type_error(c, F_NUM, node);
        return GOT_BAD;
    }
    enum jx_numerr e = jx_rat_parse(jv->s, jv->n, out, NULL, NULL);
    if (e == JX_NUM_EMPTY) {
        return GOT_ABSENT;
    }
    if (e != JX_NUM_OK) {
        jx_jload_bad_number(&c->j, "J105", "数值", val(c, node), node, e);
        return GOT_BAD;
    }
    return GOT_OK;
}

/* Read a whole count at node (JSON integer or integer string), then
 * check it lies in [lo, hi]. */
static enum got read_count(struct ctx *c, int32_t node, int64_t lo,
                           int64_t hi, int64_t *out)
{
    struct jx_jval jv;
    enum jx_jtype t = jx_jdoc_val(c->j.doc, node, &jv);
    if (t == JX_JT_INTEGER) {
        *out = jx_jdoc_integer(c->j.doc, node);
    } else if (t == JX_JT_REAL) {
        jx_jload_rep(&c->j, "J108", node, false, "应为整数，实际为 %s",
                     jx_jload_token(&c->j, node));
        return GOT_BAD;
    } else if (t == JX_JT_STRING) {
        struct jx_rat r;
        enum jx_numerr e = jx_rat_parse(jv.s, jv.n, &r, NULL, NULL);
        if (e == JX_NUM_EMPTY) {
            return GOT_ABSENT;
        }
        if (e != JX_NUM_OK) {
            jx_jload_bad_number(&c->j, "J105", "整数", val(c, node), node, e);
            return GOT_BAD;
        }
        if (r.den != 1) {
            jx_jload_rep(&c->j, "J108", node, false, "应为整数，实际为%s",
                         jx_jload_shown(&c->j, val(c, node), node));
            return GOT_BAD;
        }
        *out = r.num;
    } else {
        type_error(c, F_COUNT, node);
        return GOT_BAD;
    }
    if (*out < lo || *out > hi) {
        jx_jload_rep(&c->j, "J113", node, false,
                     "取值超出范围：%lld（应在 %lld 到 %lld 之间）",
                     (long long)*out, (long long)lo, (long long)hi);
        return GOT_BAD;
    }
    return GOT_OK;
}

/* Read a date string at node. */
static enum got read_date(struct ctx *c, int32_t node,
                          const struct jx_jval *jv, struct jx_date *out)
{
    const char *s = jv->s;
    size_t n = jv->n;
    if (jv->type != JX_JT_STRING) {
        type_error(c, F_DATE, node);
        return GOT_BAD;
    }
    bool blank = true;
    for (size_t i = 0; i < n && blank; i++) {
        blank = s[i] == ' ';
    }
    if (blank) {
        return GOT_ABSENT;
    }
    if (!jx_ymd_parse(s, n, &out->y, &out->m, &out->d)) {
        jx_jload_rep(&c->j, "J109", node, false,
                     "日期无效：%s（应为 YYYY-MM-DD 格式的有效日期）",
                     jx_jload_shown(&c->j, val(c, node), node) + 1);
        return GOT_BAD;
    }
    return GOT_OK;
}

/* Read a wrappable leaf of kind f->kind at node into base + f->off. */
static void load_leaf(struct ctx *c, const struct field *f, char *base,
                      int32_t node)
{
    const struct jx_prov *prov = NULL;
    size_t mark = jx_jload_mark(&c->j);
    struct jx_jval jv; /* the value's type and text, read once */
    if (jx_jdoc_val(c->j.doc, node, &jv) == JX_JT_OBJECT) {
        unwrap(c, &node, &prov);
        jx_jdoc_val(c->j.doc, node, &jv);
    }
    void *at = base + f->off;
    bool empty = jv.type == JX_JT_NONE || jv.type == JX_JT_NULL;
    switch (f->kind) {
    case F_TEXT: {
        struct jx_text *t = at;
        t->prov = prov;
        if (empty) {
            break;
        }
        if (jv.type == JX_JT_STRING) {
            t->s = jx_strndup(c->a, jv.s, jv.n);
        } else {
            type_error(c, F_TEXT, node);
        }
        break;
    }
    case F_MONEY: {
        struct jx_amt *m = at;
        m->prov = prov;
        m->present = !empty && read_money(c, node, &jv, &m->v) == GOT_OK;
        break;
    }
    case F_RATE:
    case F_NUM: {
        struct jx_num *x = at;
        x->prov = prov;
        x->present = !empty && (f->kind == F_RATE
                                    ? read_rate(c, node, &jv, &x->v)
                                    : read_num(c, node, &jv, &x->v)) == GOT_OK;
        break;
    }
    case F_COUNT:
    case F_YEAR: {
        struct jx_count *x = at;
        x->prov = prov;
        bool year = f->kind == F_YEAR;
        x->present = !empty &&
                     read_count(c, node, year ? 1900 : 0,
                                year ? 2999 : INT64_MAX, &x->v) == GOT_OK;
        break;
    }
    case F_DATE: {
        struct jx_date *x = at;
        x->prov = prov;
        x->present = !empty && read_date(c, node, &jv, x) == GOT_OK;
        break;
    }
    default:
        JX_BUG("load_leaf: not a leaf kind");
    }
    jx_jload_pop(&c->j, mark);
}

/* ---- loading: objects and arrays ------------------------------------- */

/* Defined below: read an object along a table. */
static void load_object(struct ctx *c, const struct table *tb, char *base,
                        int32_t node);

/* True when the value at node counts as empty for a required field:
 * absent, null, or a wrapper whose value is null. */
static bool is_empty(struct ctx *c, const struct field *f, int32_t node)
{
    if (absent(c, node)) {
        return true;
    }
    if (wrappable(f->kind) && jtype(c, node) == JX_JT_OBJECT) {
        int32_t inner = jx_jdoc_member(c->j.doc, node, "value", 5);
        return inner >= 0 && jtype(c, inner) == JX_JT_NULL;
    }
    return false;
}

/* Store the element array of an array field (memcpy: the member is a
 * pointer to the element type). */
static void set_array(char *base, const struct field *f, void *el, size_t n)
{
    memcpy(base + f->off, &el, sizeof el);
    memcpy(base + f->arr->count_off, &n, sizeof n);
}

/* Read an array field at node (objects or text leaves). */
static void load_array(struct ctx *c, const struct field *f, char *base,
                       int32_t node)
{
    if (jtype(c, node) != JX_JT_ARRAY) {
        type_error(c, f->kind, node);
        return;
    }
    const struct arrspec *as = f->arr;
    size_t n = array_len(c, "J112", node, as->max);
    char *el = jx_alloc_array(c->a, n ? n : 1, as->elsize);
    set_array(base, f, n ? el : NULL, n);
    int32_t en = -1; /* the element nodes, walked in order */
    for (size_t i = 0; i < n; i++) {
        char *e = el + i * as->elsize;
        if (as->init) {
            as->init(e);
        }
        en = i == 0 ? jx_jdoc_first(c->j.doc, node)
                    : jx_jdoc_next(c->j.doc, en); /* element i */
        size_t mark = jx_jload_index(&c->j, i);
        if (!as->el) {
            static const struct field text = LEAF("", F_TEXT, struct jx_text,
                                                  s);
            if (jtype(c, en) != JX_JT_NULL) {
                load_leaf(c, &text, e, en);
            }
        } else if (jtype(c, en) == JX_JT_OBJECT) {
            load_object(c, as->el, e, en);
        } else {
            type_error(c, F_OBJ, en);
        }
        jx_jload_pop(&c->j, mark);
    }
}

/* Read the funds object of a sheet at node: "total" and the fund
 * splits. */
static void load_funds(struct ctx *c, struct jx_sheet *s, int32_t node)
{
    if (jtype(c, node) != JX_JT_OBJECT) {
        type_error(c, F_FUNDS, node);
        return;
    }
    const char *names[JX_FUND_COUNT + 1];
    names[0] = "total";
    for (int k = 0; k < JX_FUND_COUNT; k++) {
        names[k + 1] = jx_fund_key_name((enum jx_fund_key)k);
    }
    int32_t at[JX_FUND_COUNT + 1];
    bool unknown = members(c, node, names, JX_FUND_COUNT + 1, at);
    for (size_t i = 0; i <= JX_FUND_COUNT; i++) {
        int32_t xn = at[i];
        if (absent(c, xn)) {
            continue;
        }
        size_t mark = jx_jload_push(&c->j, names[i], strlen(names[i]));
        if (jtype(c, xn) != JX_JT_OBJECT) {
            type_error(c, F_OBJ, xn);
        } else {
            struct jx_funds *row = i == 0 ? &s->total : &s->funds[i - 1];
            load_object(c, &funds_tb, (char *)row, xn);
        }
        jx_jload_pop(&c->j, mark);
    }
    if (unknown) {
        check_keys(c, node, names, JX_FUND_COUNT + 1, NULL, NULL);
    }
}

/* Read the materials list of the submission at node. */
static void load_materials(struct ctx *c, struct jx_submission *s,
                           int32_t node)
{
    if (jtype(c, node) != JX_JT_ARRAY) {
        type_error(c, F_MATERIALS, node);
        return;
    }
    s->materials_present = true;
    size_t n = array_len(c, "J112", node, MAX_MATERIALS);
    const char *names[JX_MAT_COUNT];
    for (int m = 0; m < JX_MAT_COUNT; m++) {
        names[m] = jx_material_name((enum jx_material)m);
    }
    int32_t en = -1; /* the element nodes, walked in order */
    for (size_t i = 0; i < n; i++) {
        en = i == 0 ? jx_jdoc_first(c->j.doc, node)
                    : jx_jdoc_next(c->j.doc, en); /* element i */
        size_t mark = jx_jload_index(&c->j, i);
        int m = enum_of(c, "J110", en, names, JX_MAT_COUNT);
        if (m >= 0 && s->materials[m]) {
            jx_jload_rep(&c->j, "J111", en, false, "重复的材料%s",
                         jx_jload_shown(&c->j, val(c, en), en));
        } else if (m >= 0) {
            s->materials[m] = true;
        }
        jx_jload_pop(&c->j, mark);
    }
}

/* ---- loading: the report's figures ------------------------------------ */

/* Keys of a figure, in canonical order (the FK_ indexes below). */
static const char *const figure_keys[] = {
    "kind", "measure", "label", "value", "unit", "counted", "scope",
    "section", "paragraph", "text", "sentence", "source"};
enum { NFIGURE_KEYS = sizeof figure_keys / sizeof figure_keys[0] };
enum {
    FK_KIND, FK_MEASURE, FK_LABEL, FK_VALUE, FK_UNIT, FK_COUNTED, FK_SCOPE,
    FK_SECTION, FK_PARAGRAPH, FK_TEXT, FK_SENTENCE, FK_SOURCE
};

/* Names of the figure kinds and units (facts.h). */
static const char *const fig_kinds[] = {"money", "percent", "headcount",
                                        "count", "score"};
static const char *const fig_units[] = {"万元", "元", "%", "人", "名", "个",
                                        "项", "家", "所", "座", "处", "分"};
enum { NFIG_UNITS = sizeof fig_units / sizeof fig_units[0] };
static const char *const fig_measures[] = {"budget", "executed", "income",
                                           "amount", "rate", "count",
                                           "score"};

/* The member figure_keys[k] of a figure whose member nodes are at[]:
 * true with its node in *xn and the path pushed (*mark pops it); false
 * (nothing pushed) when absent or null. */
static bool fig_member(struct ctx *c, const int32_t *at, size_t k,
                       int32_t *xn, size_t *mark)
{
    if (absent(c, at[k])) {
        return false;
    }
    *mark = jx_jload_push(&c->j, figure_keys[k], strlen(figure_keys[k]));
    *xn = at[k];
    return true;
}

/* A string member figure_keys[k] of a figure (an arena copy), or NULL
 * when absent or not a string (reported). */
static const char *fig_string(struct ctx *c, const int32_t *at, size_t k)
{
    int32_t xn;
    size_t mark;
    if (!fig_member(c, at, k, &xn, &mark)) {
        return NULL;
    }
    const char *r = NULL;
    size_t n;
    const char *s = jx_jdoc_string(c->j.doc, xn, &n);
    if (s) {
        r = jx_strndup(c->a, s, n);
    } else {
        type_error(c, F_TEXT, xn);
    }
    jx_jload_pop(&c->j, mark);
    return r;
}

/* An integer member figure_keys[k] of a figure in [lo, hi] into *out
 * (left alone when absent or bad, reported). */
static void fig_int(struct ctx *c, const int32_t *at, size_t k, int64_t lo,
                    int64_t hi, int *out)
{
    int32_t xn;
    size_t mark;
    if (!fig_member(c, at, k, &xn, &mark)) {
        return;
    }
    int64_t v;
    if (read_count(c, xn, lo, hi, &v) == GOT_OK) {
        *out = (int)v;
    }
    jx_jload_pop(&c->j, mark);
}

/* The value of a figure at node xn ("156.30" in its unit) into f by its
 * kind; false (reported) when it cannot be read. */
static bool fig_value(struct ctx *c, int32_t xn, struct jx_fact *f)
{
    enum jx_jtype t = jtype(c, xn);
    if (t == JX_JT_INTEGER || t == JX_JT_REAL) {
        const char *tok = jx_jload_token(&c->j, xn);
        jx_jload_rep(&c->j, "J106", xn, false,
                     "数值必须写成字符串：%s 应写成 \"%s\"", tok, tok);
        return false;
    }
    size_t n;
    const char *v = jx_jdoc_string(c->j.doc, xn, &n);
    if (!v) {
        type_error(c, F_NUM, xn);
        return false;
    }
    enum jx_numerr e;
    if (f->kind == JX_FACT_MONEY) {
        e = jx_money_parse(v, n, f->unit, &f->money, NULL);
    } else {
        struct jx_rat r;
        e = jx_rat_parse(v, n, &r, NULL, NULL);
        if (e == JX_NUM_OK && f->kind == JX_FACT_PERCENT) {
            e = jx_rat_div(r, jx_rat_int(100), &f->value);
        } else if (e == JX_NUM_OK && f->kind == JX_FACT_SCORE) {
            f->value = r;
        } else if (e == JX_NUM_OK && (!jx_rat_is_int(r) || r.num < 0)) {
            jx_jload_rep(&c->j, "J108", xn, false, "应为整数，实际为%s",
                         jx_jload_shown(&c->j, val(c, xn), xn));
            return false;
        } else {
            f->value = r;
        }
    }
    if (e != JX_NUM_OK) {
        jx_jload_bad_number(&c->j, "J105", "数值", val(c, xn), xn, e);
        return false;
    }
    return true;
}

/* Read one figure object at node into f; false when it is not usable
 * (no kind, unit or value; reported).  *value is set to the value's
 * node (or -1). */
static bool load_figure(struct ctx *c, int32_t node, struct jx_fact *f,
                        int32_t *value)
{
    int32_t at[NFIGURE_KEYS];
    bool unknown = members(c, node, figure_keys, NFIGURE_KEYS, at);
    *value = at[FK_VALUE];
    int32_t xn;
    size_t mark;
    int kind = -1, unit = -1;
    if (fig_member(c, at, FK_KIND, &xn, &mark)) {
        kind = enum_of(c, "J110", xn, fig_kinds, JX_FACT_KINDS);
        jx_jload_pop(&c->j, mark);
    }
    if (fig_member(c, at, FK_MEASURE, &xn, &mark)) {
        /* checked, not kept: it follows from the kind and the label */
        enum_of(c, "J110", xn, fig_measures, 7);
        jx_jload_pop(&c->j, mark);
    }
    if (fig_member(c, at, FK_UNIT, &xn, &mark)) {
        unit = enum_of(c, "J110", xn, fig_units, NFIG_UNITS);
        if (unit >= 0 && kind >= 0) {
            if (!jx_fact_unit_fits((enum jx_fact_kind)kind,
                                   fig_units[unit])) {
                jx_jload_rep(&c->j, "J114", xn, false,
                             "单位“%s”与种类 \"%s\" 不符",
                             fig_units[unit], fig_kinds[kind]);
                unit = -1;
            }
        }
        jx_jload_pop(&c->j, mark);
    }
    static const size_t req[] = {FK_KIND, FK_VALUE, FK_UNIT};
    for (size_t k = 0; k < 3; k++) {
        if (absent(c, at[req[k]])) {
            jx_jload_rep(&c->j, "J104", node, false, "缺少必填项 \"%s\"",
                         figure_keys[req[k]]);
        }
    }
    bool ok = kind >= 0 && unit >= 0;
    if (ok) {
        f->kind = (enum jx_fact_kind)kind;
        f->unit_word = fig_units[unit];
        f->unit = unit == 0 ? JX_WANYUAN : JX_YUAN;
    }
    if (fig_member(c, at, FK_VALUE, &xn, &mark)) {
        ok = ok && fig_value(c, xn, f);
        jx_jload_pop(&c->j, mark);
    } else {
        ok = false;
    }
    const char *label = fig_string(c, at, FK_LABEL);
    f->label = label ? label : "";
    const char *counted = fig_string(c, at, FK_COUNTED);
    if (f->kind == JX_FACT_COUNT) {
        f->counted = counted && *counted ? counted : NULL;
    }
    f->label_scopes = jx_scope_bits(c->a, f->label);
    bool x = fig_member(c, at, FK_SCOPE, &xn, &mark);
    if (x && jtype(c, xn) != JX_JT_ARRAY) {
        type_error(c, F_FIGURES, xn);
    } else if (x) {
        size_t n = array_len(c, "J112", xn, JX_SCOPE_COUNT);
        const char *names[JX_SCOPE_COUNT];
        for (unsigned k = 0; k < JX_SCOPE_COUNT; k++) {
            names[k] = jx_scope_zh(1u << k);
        }
        int32_t en = -1; /* the element nodes, walked in order */
        for (size_t i = 0; i < n; i++) {
            en = i == 0 ? jx_jdoc_first(c->j.doc, xn)
                        : jx_jdoc_next(c->j.doc, en); /* element i */
            size_t m2 = jx_jload_index(&c->j, i);
            int k = enum_of(c, "J110", en, names, JX_SCOPE_COUNT);
            if (k >= 0) {
                f->scopes |= 1u << k;
            }
            jx_jload_pop(&c->j, m2);
        }
    }
    if (x) {
        jx_jload_pop(&c->j, mark);
    }
    fig_int(c, at, FK_SECTION, 1, 10, &f->section);
    fig_int(c, at, FK_PARAGRAPH, 1, INT_MAX, &f->paragraph);
    f->text = fig_string(c, at, FK_TEXT);
    f->sentence = fig_string(c, at, FK_SENTENCE);
    if (fig_member(c, at, FK_SOURCE, &xn, &mark)) {
        const struct jx_prov *p = load_source(c, xn);
        if (p) {
            f->prov = *p;
        }
        jx_jload_pop(&c->j, mark);
    }
    if (unknown) {
        check_keys(c, node, figure_keys, NFIGURE_KEYS, NULL, NULL);
    }
    return ok;
}

/* Read the report's figures at node: each usable figure joins the list
 * (an empty array is an empty list: nothing is extracted from the
 * text); consecutive figures of one sentence share its string, as
 * extracted ones do. */
static void load_figures(struct ctx *c, struct jx_facts **out, int32_t node)
{
    if (jtype(c, node) != JX_JT_ARRAY) {
        type_error(c, F_FIGURES, node);
        return;
    }
    struct jx_facts *fs = jx_alloc(c->a, sizeof *fs);
    *out = fs;
    size_t n = array_len(c, "J112", node, MAX_FIGURES);
    int32_t en = -1; /* the element nodes, walked in order */
    for (size_t i = 0; i < n; i++) {
        en = i == 0 ? jx_jdoc_first(c->j.doc, node)
                    : jx_jdoc_next(c->j.doc, en); /* element i */
        size_t mark = jx_jload_index(&c->j, i);
        struct jx_fact f;
        memset(&f, 0, sizeof f);
        int32_t vn = -1;
        if (jtype(c, en) != JX_JT_OBJECT) {
            type_error(c, F_OBJ, en);
        } else if (load_figure(c, en, &f, &vn)) {
            if (!f.text) {
                char buf[JX_NUM_BUFSZ];
                if (f.kind == JX_FACT_MONEY) {
                    f.text = jx_sprintf(
                        c->a, "%s%s",
                        jx_money_format_exact(f.money, f.unit, buf),
                        f.unit_word);
                } else {
                    size_t vl; /* the value read: a string */
                    const char *vs = jx_jdoc_string(c->j.doc, vn, &vl);
                    f.text = jx_sprintf(c->a, "%.*s%s", (int)vl, vs,
                                        f.unit_word);
                }
            }
            const struct jx_fact *prev = fs->n ? &fs->a[fs->n - 1] : NULL;
            if (!f.sentence || !*f.sentence) {
                /* a sentence of its own: what the figure states */
                f.sentence = jx_sprintf(c->a, "%s%s", f.label, f.text);
            } else if (prev &&
                       strcmp(prev->sentence, f.sentence) == 0) {
                f.sentence = prev->sentence;
            }
            *jx_facts_add(c->a, fs) = f;
        }
        jx_jload_pop(&c->j, mark);
    }
}

/* Read one field whose key is present (at node) at base. */
static void load_field(struct ctx *c, const struct field *f, char *base,
                       int32_t node)
{
    if (wrappable(f->kind)) {
        load_leaf(c, f, base, node);
        return;
    }
    enum jx_jtype t = jtype(c, node);
    if (t == JX_JT_NULL) {
        return;
    }
    char *at = base + f->off;
    int k;
    switch (f->kind) {
    case F_UNIT:
        k = enum_of(c, "J110", node, unit_names, 2);
        if (k >= 0) {
            c->unit = k == 0 ? JX_YUAN : JX_WANYUAN;
            *(enum jx_money_unit *)(void *)at = c->unit;
        }
        break;
    case F_PCAT:
        k = enum_of(c, "J110", node, pcat_names, JX_PCAT_COUNT);
        if (k >= 0) {
            *(enum jx_project_cat *)(void *)at = (enum jx_project_cat)k;
        }
        break;
    case F_ACH:
        k = enum_of(c, "J110", node, ach_names, 3);
        if (k >= 0) {
            *(enum jx_achieve *)(void *)at = (enum jx_achieve)(k + 1);
        }
        break;
    case F_BOOL:
        if (t != JX_JT_TRUE && t != JX_JT_FALSE) {
            type_error(c, F_BOOL, node);
        } else {
            *(bool *)(void *)at = t == JX_JT_TRUE;
        }
        break;
    case F_SECNO:
    case F_WEIGHT: {
        int64_t hi = f->kind == F_SECNO ? 10 : 100;
        int64_t v = jx_jdoc_integer(c->j.doc, node);
        if (t != JX_JT_INTEGER) {
            type_error(c, f->kind, node);
        } else if (v < 1 || v > hi) {
            jx_jload_rep(&c->j, "J113", node, false,
                         f->kind == F_SECNO
                             ? "取值超出范围：%s（报告部分编号应在 1 到 10 之间）"
                             : "取值超出范围：%s（分值应在 1 到 100 之间）",
                         jx_jload_token(&c->j, node));
        } else {
            *(int *)(void *)at = (int)v;
        }
        break;
    }
    case F_OBJ:
        if (t != JX_JT_OBJECT) {
            type_error(c, F_OBJ, node);
            break;
        }
        if (f->flags & FLAGGED) {
            *(bool *)(void *)(base + f->flag_off) = true;
        }
        load_object(c, f->sub, at, node);
        break;
    case F_ARRAY:
    case F_TEXTS:
        load_array(c, f, base, node);
        break;
    case F_FUNDS:
        load_funds(c, (struct jx_sheet *)(void *)at, node);
        break;
    case F_SOURCE:
        *(const struct jx_prov **)(void *)at = load_source(c, node);
        break;
    case F_MATERIALS:
        load_materials(c, (struct jx_submission *)(void *)at, node);
        break;
    case F_FIGURES:
        load_figures(c, (struct jx_facts **)(void *)at, node);
        break;
    case F_FORMAT: {
        size_t n;
        const char *s = jx_jdoc_string(c->j.doc, node, &n);
        if (!s || n != sizeof FORMAT_NAME - 1 ||
            memcmp(s, FORMAT_NAME, n) != 0) {
            json_t *v = val(c, node);
            jx_jload_rep(&c->j, "J010", node, false,
                         "不是 jixiao 数据包：\"format\" 应为 \"%s\"，实际为%s",
                         FORMAT_NAME,
                         s ? jx_jload_shown(&c->j, v, node)
                           : jx_json_type_zh(v));
            c->fatal = true;
        }
        break;
    }
    case F_VERSION:
        if (t != JX_JT_INTEGER) {
            type_error(c, F_VERSION, node);
        } else if (jx_jdoc_integer(c->j.doc, node) != 1) {
            jx_jload_rep(&c->j, "J011", node, false,
                         "不支持的版本 %s（只支持 1）",
                         jx_jload_token(&c->j, node));
            c->fatal = true;
        }
        break;
    default:
        JX_BUG("load_field: unexpected kind");
    }
}

/* The index in tb of the field whose key is key[0..klen), or -1 (see
 * strided_index: the fields' keys read in place). */
static int field_index(const struct table *tb, const char *key, size_t klen,
                       size_t *hint)
{
    if (!tb->n) {
        return -1;
    }
    return strided_index(&tb->f[0].key, sizeof tb->f[0], tb->n, key, klen,
                         hint);
}

/* Read the object at node along the table tb into base; report missing
 * required keys and unknown keys.  The members are found by one walk of
 * the object's nodes (a repeated key's last occurrence, the value
 * jansson keeps).  The money unit chosen by a "unit" key holds for this
 * object and what it contains. */
static void load_object(struct ctx *c, const struct table *tb, char *base,
                        int32_t node)
{
    enum jx_money_unit saved = c->unit;
    const char *names[MAX_FIELDS];
    if (tb->n > MAX_FIELDS) {
        JX_BUG("load_object: table larger than MAX_FIELDS");
    }
    int32_t at[MAX_FIELDS]; /* each field's member node, or -1 */
    size_t klens[MAX_FIELDS]; /* each found field's key length */
    for (size_t i = 0; i < tb->n; i++) {
        at[i] = -1;
    }
    size_t hint = 0;
    bool unknown = false;
    for (int32_t k = jx_jdoc_first(c->j.doc, node); k >= 0;
         k = jx_jdoc_next(c->j.doc, k)) {
        size_t kl;
        const char *kk = jx_jdoc_key(c->j.doc, k, &kl);
        int i = kk ? field_index(tb, kk, kl, &hint) : -1;
        if (i >= 0) {
            at[i] = k;
            klens[i] = kl; /* == strlen(tb->f[i].key) */
        } else {
            unknown = true;
        }
    }
    for (size_t i = 0; i < tb->n; i++) {
        const struct field *f = &tb->f[i];
        names[i] = f->key;
        if (c->fatal) {
            return;
        }
        if (f->kind == F_UNIT) {
            c->unit = JX_WANYUAN;
            *(enum jx_money_unit *)(void *)(base + f->off) = JX_WANYUAN;
        }
        int32_t v = at[i];
        if (v < 0 && !(f->flags & REQ)) {
            continue; /* absent and optional: nothing to read or say */
        }
        size_t klen = v >= 0 ? klens[i] : strlen(f->key);
        size_t mark = jx_jload_push(&c->j, f->key, klen);
        if ((f->flags & REQ) && is_empty(c, f, v)) {
            jx_jload_rep(&c->j, "J104", node, false, "缺少必填项 \"%s\"",
                         f->key);
        }
        if (v >= 0) {
            load_field(c, f, base, v);
        }
        jx_jload_pop(&c->j, mark);
    }
    if (!c->fatal && unknown) {
        check_keys(c, node, names, tb->n, tb->foreign, tb->foreign_note);
    }
    c->unit = saved;
}

/* The positions of a loaded package: its parsed document (which keeps
 * every value's offset) and the file name for diagnostics. */
struct jx_pkgpos {
    struct jx_jdoc *doc; /* owned */
    const char *file;    /* arena string of the load */
};

/* Load a package; see pkgjson.h. */
struct jx_package *jx_pkgjson_load(struct jx_arena *arena, const char *file,
                                   const char *text, size_t len,
                                   struct jx_diags *diags)
{
    return jx_pkgjson_load_pos(arena, file, text, len, diags, NULL);
}

/* Free positions: the document they hold, then the wrapper. */
void jx_pkgpos_free(struct jx_pkgpos *pos)
{
    if (pos) {
        jx_jdoc_free(pos->doc);
        free(pos);
    }
}

/* Locate path-only diagnostics; see pkgjson.h. */
void jx_pkgpos_locate(const struct jx_pkgpos *pos, struct jx_diags *diags,
                      size_t from)
{
    if (!pos) {
        return;
    }
    for (size_t i = from; i < diags->n; i++) {
        struct jx_loc *loc = &diags->a[i].loc;
        if (!loc->path || loc->line > 0 ||
            (loc->file && strcmp(loc->file, pos->file) != 0)) {
            continue;
        }
        /* the value, or the nearest enclosing one present in the text */
        char *p = jx_strdup(diags->arena, loc->path);
        int32_t node = -1;
        for (;;) {
            node = jx_jdoc_lookup(pos->doc, p);
            char *slash = strrchr(p, '/');
            if (node >= 0 || !slash) {
                break;
            }
            *slash = '\0';
        }
        if (node < 0) {
            continue;
        }
        jx_jdoc_where(pos->doc, node, false, &loc->line, &loc->col);
        if (!loc->file) {
            loc->file = pos->file;
        }
    }
}

/* Load a package and optionally keep its positions; see pkgjson.h. */
struct jx_package *jx_pkgjson_load_pos(struct jx_arena *arena,
                                       const char *file, const char *text,
                                       size_t len, struct jx_diags *diags,
                                       struct jx_pkgpos **pos)
{
    if (pos) {
        *pos = NULL;
    }
    struct ctx c;
    memset(&c, 0, sizeof c);
    jx_jload_init(&c.j, arena, file, &codes, diags->limit);
    c.a = arena;
    c.unit = JX_WANYUAN;
    struct jx_package *pkg = NULL;
    struct jx_jlimits lim = {MAX_REPAIRS, JX_PKGJSON_MAX_DEPTH,
                             JX_PKGJSON_MAX_BYTES, false};
    json_t *root = jx_jload_parse(&c.j, text, len, &lim);
    if (!root) {
        goto done;
    }
    pkg = jx_package_new(arena);
    pkg->source = jx_strdup(arena, file);
    load_object(&c, &top_tb, (char *)pkg, 0); /* node 0: root */
    if (c.fatal) {
        pkg = NULL;
    } else {
        /* a package saved without its figures: from its report's text */
        jx_package_fill_figures(arena, pkg);
    }
done:
    jx_jload_finish(&c.j, diags);
    if (pos && c.j.doc && jx_jdoc_root(c.j.doc)) {
        *pos = jx_xmalloc(sizeof **pos);
        (*pos)->doc = c.j.doc;
        (*pos)->file = jx_strdup(arena, file);
    } else {
        jx_jdoc_free(c.j.doc);
    }
    return pkg;
}

/* ---- saving ---------------------------------------------------------- */

/* A jansson result, or abort when jansson ran out of memory. */
static json_t *jnew(json_t *v)
{
    if (!v) {
        jx_oom();
    }
    return v;
}

/* Set obj[key] = v (v is stolen). */
static void jset(json_t *obj, const char *key, json_t *v)
{
    if (json_object_set_new(obj, key, v) != 0) {
        jx_oom();
    }
}

/* A JSON string of s; invalid UTF-8 bytes become U+FFFD. */
static json_t *jstr(const char *s)
{
    size_t n = strlen(s);
    json_t *j = json_stringn(s, n);
    if (j) {
        return j;
    }
    struct jx_buf b;
    jx_buf_init(&b, SIZE_MAX);
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            jx_buf_adds(&b, "\xEF\xBF\xBD");
            i++;
        } else {
            jx_buf_add(&b, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
    j = jnew(json_stringn(b.p, b.len));
    jx_buf_release(&b);
    return j;
}

/* The source object of a provenance (a new reference). */
static json_t *save_source(const struct jx_prov *p)
{
    json_t *o = jnew(json_object());
    const char *strs[] = {p->file, NULL, NULL, p->sheet, p->cell,
                          NULL, NULL, NULL};
    int ints[] = {0, p->line, p->col, 0, 0, p->table, p->row, p->column};
    for (size_t i = 0; i < 8; i++) {
        if (strs[i]) {
            jset(o, source_keys[i], jstr(strs[i]));
        } else if (ints[i] > 0) {
            jset(o, source_keys[i], jnew(json_integer(ints[i])));
        }
    }
    if (p->how != JX_HOW_READ && jx_how_name(p->how)) {
        jset(o, "how", jstr(jx_how_name(p->how)));
    }
    if (p->raw) {
        jset(o, "raw", jstr(p->raw));
    }
    return o;
}

/* A leaf (or null when absent), wrapped when it has a provenance. */
static json_t *wrap(json_t *leaf, const struct jx_prov *prov)
{
    if (!leaf) {
        leaf = jnew(json_null());
    }
    if (!prov) {
        return leaf;
    }
    json_t *o = jnew(json_object());
    jset(o, "value", leaf);
    jset(o, "source", save_source(prov));
    return o;
}

/* A rational as an exact decimal string (percent: "48.65%"); values
 * with no finite expansion are rounded half-up to 12 decimals. */
static json_t *jrat(struct jx_rat r, bool percent)
{
    char buf[JX_NUM_BUFSZ];
    const char *s = jx_rat_format_exact(r, percent, buf);
    if (!s) {
        s = jx_rat_format(r, 12, percent, JX_ROUND_HALF_UP, buf);
    }
    return jnew(json_string(s));
}

/* Defined below: an object along a table (a new reference). */
static json_t *save_object(enum jx_money_unit *unit, const struct table *tb,
                           const char *base);

/* A leaf field as JSON, or NULL when it is absent without provenance. */
static json_t *save_leaf(enum jx_money_unit unit, const struct field *f,
                         const char *base)
{
    const void *at = base + f->off;
    char buf[JX_NUM_BUFSZ];
    switch (f->kind) {
    case F_TEXT: {
        const struct jx_text *t = at;
        if (!t->s && !t->prov) {
            return NULL;
        }
        return wrap(t->s ? jstr(t->s) : NULL, t->prov);
    }
    case F_MONEY: {
        const struct jx_amt *m = at;
        if (!m->present && !m->prov) {
            return NULL;
        }
        return wrap(m->present ? jnew(json_string(jx_money_format_exact(
                                     m->v, unit, buf)))
                               : NULL,
                    m->prov);
    }
    case F_RATE:
    case F_NUM: {
        const struct jx_num *x = at;
        if (!x->present && !x->prov) {
            return NULL;
        }
        return wrap(x->present ? jrat(x->v, f->kind == F_RATE) : NULL,
                    x->prov);
    }
    case F_COUNT:
    case F_YEAR: {
        const struct jx_count *x = at;
        if (!x->present && !x->prov) {
            return NULL;
        }
        return wrap(x->present ? jnew(json_integer(x->v)) : NULL, x->prov);
    }
    case F_DATE: {
        const struct jx_date *x = at;
        if (!x->present && !x->prov) {
            return NULL;
        }
        json_t *s = NULL;
        if (x->present) {
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", x->y, x->m, x->d);
            s = jnew(json_string(buf));
        }
        return wrap(s, x->prov);
    }
    default:
        break;
    }
    JX_BUG("save_leaf: not a leaf kind");
}

/* A funds row's key and object, added to obj when the row is not
 * empty. */
static void save_funds_row(json_t *obj, const char *key,
                           enum jx_money_unit unit, const struct jx_funds *row)
{
    json_t *r = save_object(&unit, &funds_tb, (const char *)row);
    if (json_object_size(r) > 0) {
        jset(obj, key, r);
    } else {
        json_decref(r);
    }
}

/* An array field as JSON, or NULL when it has no elements. */
static json_t *save_array(enum jx_money_unit unit, const struct field *f,
                          const char *base)
{
    const struct arrspec *as = f->arr;
    const char *el;
    size_t n;
    memcpy(&el, base + f->off, sizeof el);
    memcpy(&n, base + as->count_off, sizeof n);
    if (n == 0 || !el) {
        return NULL;
    }
    json_t *a = jnew(json_array());
    for (size_t i = 0; i < n; i++) {
        const char *e = el + i * as->elsize;
        json_t *x;
        if (as->el) {
            enum jx_money_unit u = unit;
            x = save_object(&u, as->el, e);
        } else {
            const struct jx_text *t = (const struct jx_text *)(const void *)e;
            x = wrap(t->s ? jstr(t->s) : NULL, t->prov);
        }
        if (json_array_append_new(a, x) != 0) {
            jx_oom();
        }
    }
    return a;
}

/* The value of a figure as an exact decimal string in its unit
 * ("156.30" 万元, "36.91" %, "12" 人; without a finite expansion rounded
 * half up to 12 decimals), or NULL when it overflows. */
static json_t *figure_value(const struct jx_fact *f)
{
    char buf[JX_NUM_BUFSZ];
    if (f->kind == JX_FACT_MONEY) {
        return jnew(json_string(jx_money_format_exact(f->money, f->unit,
                                                      buf)));
    }
    struct jx_rat v = f->value;
    if (f->kind == JX_FACT_PERCENT &&
        jx_rat_mul(f->value, jx_rat_int(100), &v) != JX_NUM_OK) {
        return NULL;
    }
    const char *s = jx_rat_format_exact(v, false, buf);
    if (!s) {
        s = jx_rat_format(v, 12, false, JX_ROUND_HALF_UP, buf);
    }
    return jnew(json_string(s));
}

/* The report's figures as an array (empty when the prose has none), or
 * NULL when the package has no list (not filled: a package built in
 * code). */
static json_t *save_figures(const struct jx_facts *fs)
{
    if (!fs) {
        return NULL;
    }
    json_t *a = jnew(json_array());
    for (size_t i = 0; i < fs->n; i++) {
        const struct jx_fact *f = &fs->a[i];
        json_t *v = figure_value(f);
        if (!v || (unsigned)f->kind >= JX_FACT_KINDS) {
            if (v) {
                json_decref(v);
            }
            continue;
        }
        const char *uw = f->unit_word;
        if (!uw) {
            uw = f->kind == JX_FACT_MONEY
                     ? (f->unit == JX_YUAN ? "元" : "万元")
                     : f->kind == JX_FACT_PERCENT ? "%"
                     : f->kind == JX_FACT_COUNT   ? "个"
                     : f->kind == JX_FACT_SCORE   ? "分"
                                                  : "人";
        }
        json_t *o = jnew(json_object());
        jset(o, "kind", jstr(fig_kinds[f->kind]));
        jset(o, "measure", jstr(jx_fact_measure(f)));
        jset(o, "label", jstr(f->label ? f->label : ""));
        jset(o, "value", v);
        jset(o, "unit", jstr(uw));
        if (f->kind == JX_FACT_COUNT && f->counted) {
            jset(o, "counted", jstr(f->counted));
        }
        if (f->scopes) {
            json_t *sc = jnew(json_array());
            for (unsigned k = 0; k < JX_SCOPE_COUNT; k++) {
                if ((f->scopes & (1u << k)) &&
                    json_array_append_new(sc, jstr(jx_scope_zh(1u << k))) !=
                        0) {
                    jx_oom();
                }
            }
            jset(o, "scope", sc);
        }
        if (f->section >= 1 && f->section <= 10) {
            jset(o, "section", jnew(json_integer(f->section)));
        }
        if (f->paragraph >= 1) {
            jset(o, "paragraph", jnew(json_integer(f->paragraph)));
        }
        if (f->text) {
            jset(o, "text", jstr(f->text));
        }
        if (f->sentence && *f->sentence) {
            jset(o, "sentence", jstr(f->sentence));
        }
        if (f->prov.file || f->prov.line > 0 || f->prov.table > 0 ||
            f->prov.cell) {
            jset(o, "source", save_source(&f->prov));
        }
        if (json_array_append_new(a, o) != 0) {
            jx_oom();
        }
    }
    return a;
}

/* One non-leaf field as JSON (NULL to leave it out); *unit is the
 * money unit, updated by a "unit" field. */
static json_t *save_field(enum jx_money_unit *unit, const struct field *f,
                          const char *base)
{
    const char *at = base + f->off;
    switch (f->kind) {
    case F_UNIT: {
        enum jx_money_unit u = *(const enum jx_money_unit *)(const void *)at;
        *unit = u == JX_YUAN ? JX_YUAN : JX_WANYUAN;
        return jnew(json_string(unit_names[*unit == JX_YUAN ? 0 : 1]));
    }
    case F_PCAT: {
        enum jx_project_cat k = *(const enum jx_project_cat *)(const void *)at;
        return (unsigned)k < JX_PCAT_COUNT ? jnew(json_string(pcat_names[k]))
                                           : NULL;
    }
    case F_ACH: {
        enum jx_achieve k = *(const enum jx_achieve *)(const void *)at;
        return k >= JX_ACH_MET && k <= JX_ACH_NOT_MET
                   ? jnew(json_string(ach_names[k - 1]))
                   : NULL;
    }
    case F_BOOL:
        return *(const bool *)(const void *)at ? jnew(json_true()) : NULL;
    case F_SECNO:
    case F_WEIGHT: {
        int no = *(const int *)(const void *)at;
        return no != 0 ? jnew(json_integer(no)) : NULL;
    }
    case F_OBJ: {
        enum jx_money_unit u = *unit;
        json_t *o = save_object(&u, f->sub, at);
        bool keep = (f->flags & ALWAYS) || json_object_size(o) > 0;
        if (f->flags & FLAGGED) {
            keep = *(const bool *)(const void *)(base + f->flag_off);
        }
        if (!keep) {
            json_decref(o);
            return NULL;
        }
        return o;
    }
    case F_ARRAY:
    case F_TEXTS:
        return save_array(*unit, f, base);
    case F_FUNDS: {
        const struct jx_sheet *s = (const struct jx_sheet *)(const void *)at;
        json_t *o = jnew(json_object());
        save_funds_row(o, "total", *unit, &s->total);
        for (int k = 0; k < JX_FUND_COUNT; k++) {
            save_funds_row(o, jx_fund_key_name((enum jx_fund_key)k), *unit,
                           &s->funds[k]);
        }
        if (json_object_size(o) == 0) {
            json_decref(o);
            return NULL;
        }
        return o;
    }
    case F_SOURCE: {
        const struct jx_prov *p =
            *(const struct jx_prov *const *)(const void *)at;
        return p ? save_source(p) : NULL;
    }
    case F_MATERIALS: {
        const struct jx_submission *s =
            (const struct jx_submission *)(const void *)at;
        if (!s->materials_present) {
            return NULL;
        }
        json_t *a = jnew(json_array());
        for (int m = 0; m < JX_MAT_COUNT; m++) {
            if (s->materials[m] &&
                json_array_append_new(
                    a, jnew(json_string(
                           jx_material_name((enum jx_material)m)))) != 0) {
                jx_oom();
            }
        }
        return a;
    }
    case F_FIGURES:
        return save_figures(
            *(const struct jx_facts *const *)(const void *)at);
    case F_FORMAT:
        return jnew(json_string(FORMAT_NAME));
    case F_VERSION:
        return jnew(json_integer(1));
    default:
        break;
    }
    return save_leaf(*unit, f, base);
}

/* The object described by tb at base, keys in table order (a new
 * reference).  *unit is the money unit in force; a "unit" field changes
 * it for the rest of this object. */
static json_t *save_object(enum jx_money_unit *unit, const struct table *tb,
                           const char *base)
{
    json_t *o = jnew(json_object());
    enum jx_money_unit u = *unit;
    for (size_t i = 0; i < tb->n; i++) {
        json_t *v = save_field(&u, &tb->f[i], base);
        if (v) {
            jset(o, tb->f[i].key, v);
        }
    }
    return o;
}

/* jansson dump callback: append to the jx_buf in data. */
static int dump_cb(const char *buf, size_t size, void *data)
{
    return jx_buf_add(data, buf, size);
}

/* Save a package as canonical JSON; see pkgjson.h. */
int jx_pkgjson_save(const struct jx_package *pkg, struct jx_buf *out)
{
    enum jx_money_unit unit = JX_WANYUAN;
    json_t *root = save_object(&unit, &top_tb, (const char *)pkg);
    int rc = json_dump_callback(root, dump_cb, out, JSON_INDENT(2));
    json_decref(root);
    if (rc != 0 || jx_buf_addc(out, '\n') != 0) {
        return -1;
    }
    return 0;
}

/* ---- the cells of the forms ------------------------------------------ */

/* Cells being listed (in an arena). */
struct cells {
    struct jx_arena *a;
    struct jx_pkg_cell *v;
    size_t n, cap;
};

/* Add the cell prefix+key of kind to cs (the choices of a
 * JX_CELL_CHOICE set by the caller on the cell returned). */
static struct jx_pkg_cell *cell_add(struct cells *cs, const char *prefix,
                                    const char *key,
                                    enum jx_pkg_cell_kind kind, bool extra)
{
    cs->v = jx_arena_grow(cs->a, cs->v, cs->n, &cs->cap, sizeof *cs->v);
    struct jx_pkg_cell *c = &cs->v[cs->n++];
    memset(c, 0, sizeof *c);
    c->path = jx_sprintf(cs->a, "%s%s", prefix, key);
    c->kind = kind;
    c->extra = extra;
    return c;
}

/* Add the enumeration cell prefix+key with values names (Chinese zh,
 * n of them) to cs. */
static void choice_add(struct cells *cs, const char *prefix, const char *key,
                       const char *const *names, const char *const *zh,
                       size_t n, bool required)
{
    struct jx_pkg_cell *c = cell_add(cs, prefix, key, JX_CELL_CHOICE, false);
    c->required = required;
    c->choices = names;
    c->choices_zh = zh;
    c->nchoices = n;
}

/* A skip list meaning: a fund split's row, whose printed form has its
 * three amounts, no 分值, 执行率 or 得分 (those are extra cells). */
static const char *const money_only[] = {NULL};

/* The cells of table t under prefix ("" or "a/b/") into cs; a sheet's
 * funds as the form of kind has them; skip: keys not taken (or NULL, or
 * money_only). */
static void cells_of(struct cells *cs, const struct table *t,
                     const char *prefix, enum jx_sheet_kind kind,
                     const char *const *skip)
{
    for (size_t i = 0; i < t->n; i++) {
        const struct field *f = &t->f[i];
        bool extra = skip == money_only && f->kind != F_MONEY;
        bool skipped = false;
        for (size_t k = 0; skip && skip[k]; k++) {
            skipped = skipped || strcmp(skip[k], f->key) == 0;
        }
        if (skipped) {
            continue;
        }
        switch (f->kind) {
        case F_TEXT:
            cell_add(cs, prefix, f->key, JX_CELL_TEXT, extra);
            break;
        case F_MONEY:
            cell_add(cs, prefix, f->key, JX_CELL_MONEY, extra);
            break;
        case F_RATE:
            cell_add(cs, prefix, f->key, JX_CELL_RATE, extra);
            break;
        case F_NUM:
            cell_add(cs, prefix, f->key, JX_CELL_NUM, extra);
            break;
        case F_COUNT:
            cell_add(cs, prefix, f->key, JX_CELL_COUNT, extra);
            break;
        case F_PCAT:
            choice_add(cs, prefix, f->key, pcat_names, pcat_zh,
                       JX_PCAT_COUNT, (f->flags & REQ) != 0);
            break;
        case F_ACH:
            choice_add(cs, prefix, f->key, ach_names, ach_zh,
                       sizeof ach_names / sizeof ach_names[0],
                       (f->flags & REQ) != 0);
            break;
        case F_OBJ:
            if (f->sub != &cols_absent_tb) {
                cells_of(cs, f->sub, jx_sprintf(cs->a, "%s%s/", prefix, f->key),
                         kind, NULL);
            }
            break;
        case F_FUNDS:
            cells_of(cs, &funds_tb,
                     jx_sprintf(cs->a, "%s%s/total/", prefix, f->key), kind,
                     NULL);
            for (int k = 0; k < JX_FUND_COUNT; k++) {
                if (jx_fund_key_on_sheet(kind, (enum jx_fund_key)k)) {
                    cells_of(cs, &funds_tb,
                             jx_sprintf(cs->a, "%s%s/%s/", prefix, f->key,
                                        jx_fund_key_name((enum jx_fund_key)k)),
                             kind, money_only);
                }
            }
            break;
        default:
            break; /* flags, enumerations, provenance, row lists */
        }
    }
}

/* See pkgjson.h. */
size_t jx_pkg_cells(struct jx_arena *a, enum jx_pkg_part part,
                    const struct jx_pkg_cell **out)
{
    /* a 整体支出绩效自评表 has no project name, 主管部门 or 实施单位 */
    static const char *const unit_skip[] = {"name", "supervisor",
                                            "implementer", NULL};
    struct cells cs = {.a = a};
    switch (part) {
    case JX_PART_BASE:
        cells_of(&cs, &base_tb, "", JX_SHEET_UNIT, NULL);
        break;
    case JX_PART_UNIT_SHEET:
        cells_of(&cs, &sheet_tb, "", JX_SHEET_UNIT, unit_skip);
        break;
    case JX_PART_PROJECT_SHEET:
        cells_of(&cs, &sheet_tb, "", JX_SHEET_PROJECT, NULL);
        break;
    case JX_PART_PROJECT_LINE:
        cells_of(&cs, &pline_tb, "", JX_SHEET_UNIT, NULL);
        break;
    case JX_PART_BUILDING:
        cells_of(&cs, &building_tb, "", JX_SHEET_UNIT, NULL);
        break;
    case JX_PART_GOAL:
        cells_of(&cs, &goal_tb, "", JX_SHEET_UNIT, NULL);
        break;
    case JX_PART_INDICATOR:
        cells_of(&cs, &ind_tb, "", JX_SHEET_UNIT, NULL);
        break;
    case JX_PART_GOAL_SHEET:
        cells_of(&cs, &goal_sheet_tb, "", JX_SHEET_GOALS, unit_skip);
        break;
    case JX_PART_TASK:
        cells_of(&cs, &task_tb, "", JX_SHEET_GOALS, NULL);
        break;
    default:
        break;
    }
    *out = cs.v;
    return cs.n;
}
