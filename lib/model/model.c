/*
 * model.c - the package model: construction and the names of its
 * enumerations.
 */
#include "jixiao/model.h"

#include <string.h>

/* A new empty package in arena: everything absent (no sheet, report or
 * scoring table handed in), amounts in 万元, each sheet of its kind.
 * The package lives in the arena. */
struct jx_package *jx_package_new(struct jx_arena *arena)
{
    struct jx_package *p = jx_alloc(arena, sizeof *p);
    p->base.unit = JX_WANYUAN;
    p->unit_sheet.kind = JX_SHEET_UNIT;
    p->unit_sheet.unit = JX_WANYUAN;
    p->goal_sheet.kind = JX_SHEET_GOALS;
    p->goal_sheet.unit = JX_WANYUAN;
    p->dept_scoring.present = false;
    p->assessment.present = false;
    return p;
}

/* Where a provenance points, as a diagnostic location. */
struct jx_loc jx_prov_loc(const struct jx_prov *p, const char *file,
                          const char *path)
{
    struct jx_loc l;
    memset(&l, 0, sizeof l);
    l.file = file;
    l.path = path;
    if (p) {
        if (p->file) {
            l.file = p->file;
        }
        l.line = p->line;
        l.col = p->col;
        l.sheet = p->sheet;
        l.cell = p->cell;
        l.table = p->table;
        l.row = p->row;
        l.column = p->column;
    }
    return l;
}

/* JSON names of enum jx_how. */
static const char *const how_names[JX_HOW_COUNT] = {
    "read", "split", "ocr", "float", "position", "column", "completed",
    "portal"};

/* The JSON name of a how. */
const char *jx_how_name(enum jx_how h)
{
    return (unsigned)h < JX_HOW_COUNT ? how_names[h] : NULL;
}

/* The Chinese phrase of how a value was inferred. */
const char *jx_how_zh(enum jx_how h)
{
    static const char *const zh[JX_HOW_COUNT] = {
        "", "由连在一起的数字按勾稽关系拆分推断",
        "由识别错误的字符（如 O、I）按勾稽关系修复推断",
        "由二进制浮点误差还原为小数推断", "按位置推断",
        "表中未标明所属列，按与合计的勾稽关系推断",
        "由原文残缺的文字按文中其他处（如页面的来源、发布机构）的全称补全推断",
        "由填报人在门户中更正"};
    return (unsigned)h < JX_HOW_COUNT ? zh[h] : "";
}

/* The suffix naming every distinct inferred provenance among p[0..n). */
const char *jx_prov_inferred_note(struct jx_arena *a,
                                  const struct jx_prov *const *p, size_t n)
{
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    for (size_t i = 0; i < n; i++) {
        if (!p[i] || p[i]->how == JX_HOW_READ) {
            continue;
        }
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) {
            seen = p[j] == p[i] ||
                   (p[j] && p[j]->how == p[i]->how && p[j]->raw &&
                    p[i]->raw && strcmp(p[j]->raw, p[i]->raw) == 0);
        }
        if (seen) {
            continue;
        }
        if (p[i]->raw) {
            jx_buf_addf(&b, "（该数%s：原文“%s”）", jx_how_zh(p[i]->how),
                        p[i]->raw);
        } else {
            jx_buf_addf(&b, "（该数%s）", jx_how_zh(p[i]->how));
        }
    }
    const char *r = jx_strndup(a, b.p ? b.p : "", b.len);
    jx_buf_release(&b);
    return r;
}

/* JSON keys of the fund splits, indexed by enum jx_fund_key. */
static const char *const fund_names[JX_FUND_COUNT] = {
    "general_budget", "gov_fund", "special_account", "other",
    "current_appropriation", "carryover", "basic", "project",
};

/* Chinese labels of the fund splits, indexed by enum jx_fund_key. */
static const char *const fund_zh[JX_FUND_COUNT] = {
    "一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款",
    "其他资金", "当年财政拨款", "上年结转资金", "基本支出", "项目支出",
};

/* The JSON key of a fund split (static string), or NULL out of range. */
const char *jx_fund_key_name(enum jx_fund_key k)
{
    return (unsigned)k < JX_FUND_COUNT ? fund_names[k] : NULL;
}

/* The Chinese label of a fund split (static string), or NULL. */
const char *jx_fund_key_zh(enum jx_fund_key k)
{
    return (unsigned)k < JX_FUND_COUNT ? fund_zh[k] : NULL;
}

/* The JSON name of a material (static string), or NULL out of range. */
const char *jx_material_name(enum jx_material m)
{
    static const char *const names[JX_MAT_COUNT] = {
        "report", "base_sheet", "unit_sheet", "project_sheets",
    };
    return (unsigned)m < JX_MAT_COUNT ? names[m] : NULL;
}

/* Length of leading blanks of s (ASCII space and tab, U+3000, U+00A0). */
static size_t blank_prefix(const char *s)
{
    size_t i = 0;
    for (;;) {
        if (s[i] == ' ' || s[i] == '\t') {
            i++;
        } else if (strncmp(s + i, "\xE3\x80\x80", 3) == 0) {
            i += 3;
        } else if (strncmp(s + i, "\xC2\xA0", 2) == 0) {
            i += 2;
        } else {
            return i;
        }
    }
}

/* True when s starts with prefix. */
static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Classify a level-1 label by its prefix after leading blanks; what
 * follows the prefix ("指标(50分)", "指标（50分）") does not matter. */
enum jx_block jx_block_of(const char *level1)
{
    if (!level1) {
        return JX_BLOCK_OTHER;
    }
    const char *s = level1 + blank_prefix(level1);
    if (starts(s, "产出")) {
        return JX_BLOCK_OUTPUT;
    }
    if (starts(s, "效益")) {
        return JX_BLOCK_BENEFIT;
    }
    if (starts(s, "满意度") || starts(s, "服务对象满意度")) {
        return JX_BLOCK_SATISFACTION;
    }
    return JX_BLOCK_OTHER;
}

/* Chinese name of a block (static string). */
const char *jx_block_zh(enum jx_block b)
{
    static const char *const names[JX_BLOCK_COUNT] = {
        "产出指标", "效益指标", "满意度指标", "其他指标",
    };
    return (unsigned)b < JX_BLOCK_COUNT ? names[b] : "其他指标";
}

/* True when a 基础数据表 was handed in (see model.h). */
bool jx_base_handed_in(const struct jx_package *p)
{
    return p->base.present &&
           !(p->submission.materials_present &&
             !p->submission.materials[JX_MAT_BASE_SHEET]);
}

/* See model.h. */
bool jx_fund_key_on_sheet(enum jx_sheet_kind kind, enum jx_fund_key k)
{
    switch (k) {
    case JX_FUND_OTHER:
        return kind == JX_SHEET_UNIT || kind == JX_SHEET_PROJECT;
    case JX_FUND_GENERAL_BUDGET:
    case JX_FUND_GOV_FUND:
    case JX_FUND_SPECIAL_ACCOUNT:
    case JX_FUND_BASIC:
    case JX_FUND_PROJECT:
        return kind == JX_SHEET_UNIT;
    case JX_FUND_CURRENT_APPROP:
    case JX_FUND_CARRYOVER:
        return kind == JX_SHEET_PROJECT;
    default:
        return false;
    }
}
