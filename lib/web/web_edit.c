/*
 * web_edit.c - correcting figures in the page (issue 14, round 3):
 * GET /unit/CODE/YYYY/edit shows the figures of the unit's draft
 * package as a form, generated from the Package JSON by walking it (one
 * input per figure, named by its JSON pointer, holding the value as
 * stated); POST applies the changed values (validated as exact
 * decimals; a bad one gives the form again with the error beside the
 * field and nothing saved), marks each as typed in the portal in its
 * provenance (how "portal", raw the text the document printed), reads
 * the package again through the pipeline as an upload is read, and
 * replaces the draft's JSON (jx_ws_draft_update; the original files
 * stay).  Everything reaches the page through jx_html's escaping.
 *
 * Ownership: the JSON trees are jansson's, freed here; strings handed
 * to the page live in the response's arena.
 */
#include "web/web_pages.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jixiao/pipeline.h"
#include "jixiao/pkgjson.h"
#include "jixiao/wsflow.h"

/* Chinese names of the keys the form shows (rows and columns); a key
 * not named here is shown as it is. */
static const struct {
    const char *key, *zh;
} key_zh[] = {
    {"funds", "资金"}, {"total", "合计"}, {"general_budget", "一般公共预算"},
    {"gov_fund", "政府性基金拨款"},
    {"special_account", "纳入专户管理的非税收入拨款"}, {"other", "其他资金"},
    {"current_appropriation", "当年财政拨款"}, {"carryover", "上年结转资金"},
    {"basic", "基本支出"}, {"project", "项目支出"},
    {"budget_initial", "年初预算数"}, {"budget_full", "全年预算数"},
    {"executed", "全年执行数"}, {"points", "分值"}, {"score", "得分"},
    {"rate", "执行率"}, {"prev_final", "上年决算数"}, {"budget", "预算数"},
    {"final", "决算数"}, {"costs", "支出"}, {"three_public", "三公经费"},
    {"vehicle", "公务用车购置和维护经费"}, {"vehicle_purchase", "公车购置"},
    {"vehicle_operation", "公车运行维护"}, {"overseas", "出国经费"},
    {"reception", "公务接待"}, {"project_lines", "项目支出明细"},
    {"public_funds", "公用经费"}, {"office", "办公经费"},
    {"utilities_travel", "水电差旅费"}, {"meetings_training", "会议费、培训费"},
    {"procurement", "政府采购"}, {"basic_adjustment", "基本支出预算调整"},
    {"staffing", "人员"}, {"authorized", "编制数"}, {"actual", "实有数"},
    {"control_rate", "控制率"}, {"buildings", "楼堂馆所"},
    {"approved_area", "批复规模"}, {"actual_area", "实际规模"},
    {"area_rate", "规模控制率"}, {"budget_invest", "预算投资"},
    {"actual_invest", "实际投资"}, {"invest_rate", "投资概算控制率"},
    {"indicators", "指标"}, {"stated_total", "总分"},
    {"thrift_measures", "厉行节约保障措施"}, {"name", "名称"},
    {"supervisor", "主管部门"}, {"implementer", "实施单位"},
    {"goals", "年度目标"}, {"expected", "预期目标"},
    {"level1", "一级指标"}, {"level2", "二级指标"},
    {"target", "年度指标值"}, {"deviation", "偏差原因分析及改进措施"},
    {"category", "类别"}, {"achievement", "达成程度"},
    {"task_total", "金额合计"}, {"content", "主要内容"},
    {"status", "完成情况"}, {"budget_total", "预算数 总额"},
    {"budget_fiscal", "预算数 其中：财政拨款"},
    {"executed_total", "执行数 总额"},
    {"executed_fiscal", "执行数 其中：财政拨款"},
};

/* The derived rates the page previews as the user types (/static/edit.js
 * reads data-num and data-den): the rate's key and the keys, beside it,
 * of its numerator and denominator. */
static const struct {
    const char *rate, *num, *den;
} derived[] = {
    {"rate", "executed", "budget_full"},
    {"control_rate", "actual", "authorized"},
    {"area_rate", "actual_area", "approved_area"},
    {"invest_rate", "actual_invest", "budget_invest"},
};

/* The kinds of figure: a percentage, a decimal (money, points, scores,
 * areas), a whole count, a text, one of a list (a select). */
enum fkind { F_RATE, F_NUMBER, F_COUNT, F_TEXT, F_CHOICE };

/* One cell of the form. */
struct field {
    const char *ptr;     /* its JSON pointer (the input's name) */
    const char *form;    /* the form's title (基础数据表, …) */
    const char *row;     /* the row's label */
    const char *col;     /* the column's label */
    const char *value;   /* the value as stated (text; "" when blank) */
    enum fkind kind;
    const char *sent;    /* POST: the value sent (NULL: not sent) */
    const char *error;   /* POST: why the value sent is refused */
    const char *findings; /* codes of the draft's findings at it */
    const char *calc;    /* the server's exact derived value, or NULL */
    const char *num, *den; /* a derived rate: its inputs' pointers */
    const struct jx_pkg_cell *cell; /* F_CHOICE: the choices, required */
};

/* A block of the form: a table of fields [first, first + n) under a
 * title, a button removing the row or table at remove, or (n 0) a
 * button adding a row to the list at add (with a select of the new
 * row's category when pick is not NULL: its choices). */
struct group {
    const char *title;
    size_t first, n;
    const char *remove;
    const char *add, *add_zh;
    const struct jx_pkg_cell *pick;
};

/* The cells of a package. */
struct fields {
    struct field *a;
    size_t n, cap;
    struct group *g;
    size_t ng, gcap;
};

/* The Chinese name of key, or key. */
static const char *zh_of(const char *key)
{
    for (size_t i = 0; i < sizeof key_zh / sizeof key_zh[0]; i++) {
        if (strcmp(key_zh[i].key, key) == 0) {
            return key_zh[i].zh;
        }
    }
    return key;
}

/* Whether o is a provenance wrapper ({"value": …, "source": …}). */
static bool is_wrapper(const json_t *o)
{
    if (!json_is_object(o) || !json_object_get(o, "value")) {
        return false;
    }
    const char *k;
    const json_t *v;
    json_object_foreach((json_t *)o, k, v) {
        if (strcmp(k, "value") != 0 && strcmp(k, "source") != 0) {
            return false;
        }
    }
    return true;
}

/* The text of a name member of o (plain or wrapped), or NULL. */
static const char *name_of(const json_t *o)
{
    const json_t *n = json_object_get(o, "name");
    if (is_wrapper(n)) {
        n = json_object_get(n, "value");
    }
    return json_string_value(n);
}

/* The member at relative path rel ("a/b/c") of object o, or NULL (the
 * form's keys need no pointer escapes). */
static json_t *at_path(json_t *o, const char *rel)
{
    char key[64];
    while (o && *rel) {
        size_t n = strcspn(rel, "/");
        if (n >= sizeof key || !json_is_object(o)) {
            return NULL;
        }
        memcpy(key, rel, n);
        key[n] = '\0';
        o = json_object_get(o, key);
        rel += n + (rel[n] == '/');
    }
    return o;
}

/* The block titled title starting at the next field. */
static void group_open(struct jx_arena *a, struct fields *fs,
                       const char *title, const char *remove)
{
    fs->g = jx_arena_grow(a, fs->g, fs->ng, &fs->gcap, sizeof *fs->g);
    fs->g[fs->ng++] = (struct group){.title = title, .first = fs->n,
                                     .remove = remove};
}

/* A button adding a row (labelled zh) to the list at ptr. */
static void group_add(struct jx_arena *a, struct fields *fs, const char *ptr,
                      const char *zh)
{
    fs->g = jx_arena_grow(a, fs->g, fs->ng, &fs->gcap, sizeof *fs->g);
    fs->g[fs->ng++] = (struct group){.first = fs->n, .add = ptr, .add_zh = zh};
}

/* The cells of part at pointer base (object o there, or NULL when
 * absent: every cell blank) into fs, rows labelled from form and head. */
static void add_part(struct jx_arena *a, struct fields *fs, json_t *o,
                     enum jx_pkg_part part, const char *base,
                     const char *form, const char *head)
{
    const struct jx_pkg_cell *cells;
    size_t nc = jx_pkg_cells(a, part, &cells);
    for (size_t i = 0; i < nc; i++) {
        const char *rel = cells[i].path;
        struct field f = {.ptr = jx_sprintf(a, "%s/%s", base, rel),
                          .form = form, .value = ""};
        /* row: the head and the keys above the cell's; column: its key */
        const char *row = head;
        const char *p = rel;
        for (;;) {
            size_t n = strcspn(p, "/");
            char *k = jx_strndup(a, p, n);
            if (!p[n]) {
                f.col = zh_of(k);
                break;
            }
            row = *row ? jx_sprintf(a, "%s %s", row, zh_of(k)) : zh_of(k);
            p += n + 1;
        }
        f.row = *row ? jx_sprintf(a, "%s %s", form, row) : form;
        switch (cells[i].kind) {
        case JX_CELL_RATE:
            f.kind = F_RATE;
            break;
        case JX_CELL_COUNT:
            f.kind = F_COUNT;
            break;
        case JX_CELL_TEXT:
            f.kind = F_TEXT;
            break;
        case JX_CELL_CHOICE:
            f.kind = F_CHOICE;
            f.cell = &cells[i];
            break;
        default:
            f.kind = F_NUMBER;
            break;
        }
        json_t *v = at_path(o, rel);
        if (is_wrapper(v)) {
            v = json_object_get(v, "value");
        }
        if (cells[i].extra && !json_is_integer(v) && !json_is_string(v)) {
            continue; /* not on the printed form, and blank */
        }
        if (json_is_integer(v)) {
            f.value = jx_sprintf(a, "%lld", (long long)json_integer_value(v));
        } else if (json_is_string(v)) {
            f.value = jx_strdup(a, json_string_value(v));
        }
        const char *leaf = strrchr(f.ptr, '/') + 1;
        for (size_t k = 0; k < sizeof derived / sizeof derived[0]; k++) {
            if (strcmp(leaf, derived[k].rate) == 0) {
                size_t pl = (size_t)(leaf - f.ptr);
                f.num = jx_sprintf(a, "%.*s%s", (int)pl, f.ptr, derived[k].num);
                f.den = jx_sprintf(a, "%.*s%s", (int)pl, f.ptr, derived[k].den);
            }
        }
        fs->a = jx_arena_grow(a, fs->a, fs->n, &fs->cap, sizeof *fs->a);
        fs->a[fs->n++] = f;
    }
    fs->g[fs->ng - 1].n = fs->n - fs->g[fs->ng - 1].first;
}

/* The rows of the list at base (array arr, or NULL) of part, each a
 * block that may be removed when removable, and (add_zh not NULL) a
 * button adding one. */
static void add_rows(struct jx_arena *a, struct fields *fs, json_t *arr,
                     enum jx_pkg_part part, const char *base,
                     const char *form, const char *what, const char *add_zh)
{
    /* a part with a required choice (a project line's category): the
     * add button comes with a select of it */
    const struct jx_pkg_cell *cells, *pick = NULL;
    size_t nc = jx_pkg_cells(a, part, &cells);
    for (size_t i = 0; i < nc && !pick; i++) {
        if (cells[i].kind == JX_CELL_CHOICE && cells[i].required) {
            pick = &cells[i];
        }
    }
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *e = json_array_get(arr, i);
        const char *nm = json_is_object(e) ? name_of(e) : NULL;
        const char *head = nm ? jx_sprintf(a, "%s 第%zu行 %s", what, i + 1, nm)
                              : jx_sprintf(a, "%s 第%zu行", what, i + 1);
        const char *ptr = jx_sprintf(a, "%s/%zu", base, i);
        group_open(a, fs, jx_sprintf(a, "%s %s", form, head),
                   add_zh ? ptr : NULL);
        add_part(a, fs, json_is_object(e) ? e : NULL, part, ptr, form, head);
    }
    if (add_zh) {
        group_add(a, fs, base, add_zh);
        fs->g[fs->ng - 1].pick = pick;
    }
}

/* The goals and indicators of the sheet s at base. */
static void add_sheet_rows(struct jx_arena *a, struct fields *fs, json_t *s,
                           const char *base, const char *form)
{
    add_rows(a, fs, json_object_get(s, "goals"), JX_PART_GOAL,
             jx_sprintf(a, "%s/goals", base), form, "年度目标", "增加年度目标行");
    add_rows(a, fs, json_object_get(s, "indicators"), JX_PART_INDICATOR,
             jx_sprintf(a, "%s/indicators", base), form, "指标",
             "增加绩效指标行");
}

/* Every cell of the forms the model defines, from package root (its
 * values; blank where it has none) into fs. */
static void collect(struct jx_arena *a, json_t *root, struct fields *fs)
{
    memset(fs, 0, sizeof *fs);
    json_t *b = json_object_get(root, "base_sheet");
    group_open(a, fs, "基础数据表", NULL);
    add_part(a, fs, b, JX_PART_BASE, "/base_sheet", "基础数据表", "");
    add_rows(a, fs, json_object_get(json_object_get(b, "costs"),
                                    "project_lines"),
             JX_PART_PROJECT_LINE, "/base_sheet/costs/project_lines",
             "基础数据表", "支出 项目支出明细", "增加项目支出明细行");
    add_rows(a, fs, json_object_get(b, "buildings"), JX_PART_BUILDING,
             "/base_sheet/buildings", "基础数据表", "楼堂馆所",
             "增加楼堂馆所行");
    json_t *u = json_object_get(root, "unit_sheet");
    group_open(a, fs, "整体支出绩效自评表", NULL);
    add_part(a, fs, u, JX_PART_UNIT_SHEET, "/unit_sheet", "整体支出绩效自评表",
             "");
    add_sheet_rows(a, fs, u, "/unit_sheet", "整体支出绩效自评表");
    json_t *ps = json_object_get(root, "project_sheets");
    for (size_t i = 0; i < json_array_size(ps); i++) {
        json_t *s = json_array_get(ps, i);
        const char *base = jx_sprintf(a, "/project_sheets/%zu", i);
        const char *nm = json_is_object(s) ? name_of(s) : NULL;
        const char *form =
            nm ? jx_sprintf(a, "项目支出绩效自评表 第%zu张 %s", i + 1, nm)
               : jx_sprintf(a, "项目支出绩效自评表 第%zu张", i + 1);
        group_open(a, fs, form, base);
        add_part(a, fs, json_is_object(s) ? s : NULL, JX_PART_PROJECT_SHEET,
                 base, form, "");
        add_sheet_rows(a, fs, s, base, form);
    }
    group_add(a, fs, "/project_sheets", "增加项目支出绩效自评表");
    /* 部门整体支出绩效目标完成情况自评表: its tasks, goals, indicators */
    json_t *gs = json_object_get(root, "goal_sheet");
    if (json_is_object(gs)) {
        static const char gform[] = "部门整体支出绩效目标完成情况自评表";
        group_open(a, fs, gform, "/goal_sheet");
        add_part(a, fs, gs, JX_PART_GOAL_SHEET, "/goal_sheet", gform, "");
        add_rows(a, fs, json_object_get(gs, "tasks"), JX_PART_TASK,
                 "/goal_sheet/tasks", gform, "任务", "增加任务行");
        add_sheet_rows(a, fs, gs, "/goal_sheet", gform);
    } else {
        group_add(a, fs, "/goal_sheet",
                  "增加部门整体支出绩效目标完成情况自评表");
    }
}

/* The server's exact derived values from an Evaluation JSON text beside
 * the cells they are of: each sheet's 执行率, 执行率得分 and 总分, and
 * the base sheet's rates (控制率, 规模控制率, 投资概算控制率: the
 * scorer's items, each at the pointer of its cell). */
static void mark_derived(struct jx_arena *a, struct fields *fs,
                         const char *evaluation)
{
    static const struct {
        const char *item, *rel;
    } items[] = {
        {"execution_rate", "funds/total/rate"},
        {"execution_score", "funds/total/score"},
        {"total", "stated_total"},
    };
    json_t *root = evaluation ? json_loads(evaluation, 0, NULL) : NULL;
    const json_t *sheets = json_object_get(root, "sheets");
    for (size_t i = 0; i < json_array_size(sheets); i++) {
        const json_t *sh = json_array_get(sheets, i);
        const char *id = json_string_value(json_object_get(sh, "id"));
        size_t k = 0;
        const char *base = NULL;
        if (id && strcmp(id, "unit_sheet") == 0) {
            base = "/unit_sheet";
        } else if (id && strncmp(id, "project_sheets[", 15) == 0) {
            k = strspn(id + 15, "0123456789");
            if (k > 0 && strcmp(id + 15 + k, "]") == 0) {
                base = jx_sprintf(a, "/project_sheets/%.*s", (int)k, id + 15);
            }
        }
        for (size_t j = 0; base && j < sizeof items / sizeof items[0]; j++) {
            const char *v = json_string_value(
                json_object_get(json_object_get(sh, items[j].item), "value"));
            const char *ptr = jx_sprintf(a, "%s/%s", base, items[j].rel);
            for (size_t n = 0; v && n < fs->n; n++) {
                if (strcmp(fs->a[n].ptr, ptr) == 0) {
                    fs->a[n].calc = jx_strdup(a, v);
                }
            }
        }
    }
    const json_t *rates = json_object_get(root, "rates");
    for (size_t i = 0; i < json_array_size(rates); i++) {
        const json_t *it = json_array_get(rates, i);
        const char *v = json_string_value(json_object_get(it, "value"));
        const char *ptr = json_string_value(json_object_get(it, "path"));
        for (size_t n = 0; v && ptr && n < fs->n; n++) {
            if (strcmp(fs->a[n].ptr, ptr) == 0) {
                fs->a[n].calc = jx_strdup(a, v);
            }
        }
    }
    json_decref(root);
}

/* Note beside each field the codes of the findings of an Evaluation
 * JSON text that point at it. */
static void mark_findings(struct jx_arena *a, struct fields *fs,
                          const char *evaluation)
{
    json_t *root = evaluation ? json_loads(evaluation, 0, NULL) : NULL;
    const json_t *list = json_object_get(root, "findings");
    for (size_t i = 0; i < json_array_size(list); i++) {
        const json_t *f = json_array_get(list, i);
        const char *path =
            json_string_value(json_object_get(json_object_get(f, "location"),
                                              "path"));
        const char *code = json_string_value(json_object_get(f, "code"));
        if (!path || !code) {
            continue;
        }
        size_t pl = strlen(path);
        if (pl > 6 && strcmp(path + pl - 6, "/value") == 0) {
            pl -= 6;
        }
        for (size_t k = 0; k < fs->n; k++) {
            struct field *fd = &fs->a[k];
            if (strlen(fd->ptr) == pl && strncmp(fd->ptr, path, pl) == 0) {
                fd->findings = fd->findings
                                   ? jx_sprintf(a, "%s %s", fd->findings, code)
                                   : jx_strdup(a, code);
            }
        }
    }
    json_decref(root);
}

/* The unit's name and the year checked, the state and the draft read:
 * 1 when the page may go on (*root the draft's Package JSON, or without
 * a draft (*has_draft false) a blank package of the unit and year; the
 * caller's to free), 0 when an answer was given, -1 (store). */
static int prepare(struct jx_web_ctx *c, struct jx_ws_draft *dr, json_t **root,
                   bool *has_draft)
{
    const char *name = NULL;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    struct jx_ws_history hist;
    int hr = jx_ws_history(c->a, c->s, c->unit, c->year, &hist, &d);
    jx_diags_release(&d);
    if (hr < 0) {
        return -1;
    }
    if (hr > 0) {
        jx_web_not_found(c);
        return 0;
    }
    enum jx_wf_state state =
        hist.nevents ? hist.events[hist.nevents - 1].to : JX_WF_FILLING;
    if (state != JX_WF_FILLING && state != JX_WF_RETURNED) {
        jx_web_error(c, 403, "操作被拒绝",
                     jx_sprintf(c->a,
                                "单位 %s 年度 %d 的整体处于“%s”，只有填报中或"
                                "被退回时可以修改材料",
                                c->unit, c->year, jx_wf_state_zh(state)));
        return 0;
    }
    memset(dr, 0, sizeof *dr);
    int g = jx_ws_draft_get(c->a, c->s, c->unit, c->year, dr);
    if (g < 0) {
        return -1;
    }
    *has_draft = g > 0;
    if (g) {
        *root = json_loads(dr->package_json, 0, NULL);
    } else {
        /* the forms to fill in from nothing: the unit and the year */
        *root = json_pack("{s:s, s:i, s:{s:s, s:s}, s:i}", "format",
                          "jixiao-package", "version", 1, "unit", "name", name,
                          "code", c->unit, "year", c->year);
    }
    if (!*root) {
        jx_web_error(c, 404, "没有草稿", "草稿的材料无法读取，请重新上传。");
        return 0;
    }
    return 1;
}

/* The row of a choice field f: a select of its choices in Chinese (a
 * blank one, 未填, unless it is required), the value sent or stated
 * selected; a value the list does not have is kept as an option of
 * its own so that it is not lost unseen. */
static void choice_cell(struct jx_html *h, const struct field *f)
{
    const char *cur = f->sent ? f->sent : f->value;
    const struct jx_pkg_cell *c = f->cell;
    jx_html(h, "<tr><td>%h</td><td>%h</td><td><select name=\"%h\"", f->row,
            f->col, f->ptr);
    jx_html(h, f->error ? " aria-invalid=\"true\">" : ">");
    bool known = !*cur && !c->required;
    if (!c->required || !*cur) {
        jx_html(h, !*cur ? "<option value=\"\" selected>（未填）</option>"
                         : "<option value=\"\">（未填）</option>");
    }
    for (size_t k = 0; k < c->nchoices; k++) {
        bool on = strcmp(cur, c->choices[k]) == 0;
        known = known || on;
        jx_html(h, on ? "<option value=\"%h\" selected>%h</option>"
                      : "<option value=\"%h\">%h</option>",
                c->choices[k], c->choices_zh[k]);
    }
    if (!known && *cur) {
        jx_html(h, "<option value=\"%h\" selected>%h</option>", cur, cur);
    }
    jx_html(h, "</select>");
    if (f->error) {
        jx_html(h, " <span class=\"err fielderr\">%h</span>", f->error);
    }
    jx_html(h, "</td><td>%h</td></tr>\n", f->findings ? f->findings : "");
}

/* The form of cells fs (values sent and errors shown when post);
 * message: a line above it, or NULL; errors: the refusals located
 * (form, row, column) above the form. */
static void form_page(struct jx_web_ctx *c, const struct fields *fs,
                      int status, const char *message, bool has_draft)
{
    struct jx_html h;
    jx_web_page_begin(c, &h, jx_sprintf(c->a, "%s：%s %d 年度",
                                        has_draft ? "填写和更正数字"
                                                  : "在网页中填写",
                                        c->unit, c->year));
    if (message) {
        jx_html(&h, "<div class=\"err\"><p>%h</p><ul>\n", message);
        for (size_t i = 0; i < fs->n; i++) {
            const struct field *f = &fs->a[i];
            if (f->error) {
                jx_html(&h, "<li>%h · %h：%h</li>\n", f->row, f->col, f->error);
            }
        }
        jx_html(&h, "</ul></div>\n");
    }
    if (!has_draft) {
        jx_html(&h, "<p>尚无草稿：填写下列表格并保存，即新建草稿（不上传文件）。"
                    "</p>\n");
    }
    jx_html(&h, "<p>按原文核对并更正、填写下列数字；保存后重新检查，并记为“在门户中"
                "更正”。金额按表中的单位填写，百分数带 %%。“重新计算”保存后"
                "回到本页，显示服务器按精确小数算出的执行率、得分、总分和各控制率；"
                "输入时"
                "显示的“预览”仅供参考。</p>\n"
                "<form method=\"post\" action=\"%B/unit/%t/%d/edit\" "
                "class=\"edit\"><input type=\"hidden\" name=\"csrf\" "
                "value=\"%h\">\n",
            c->unit, c->year, c->sess.csrf);
    const char *form = NULL;
    for (size_t gi = 0; gi < fs->ng; gi++) {
        const struct group *g = &fs->g[gi];
        if (g->add && g->pick) {
            /* the new row's category first: a select beside the button */
            jx_html(&h, "<p><select name=\"add_%h\">", g->pick->path);
            for (size_t k = 0; k < g->pick->nchoices; k++) {
                jx_html(&h, "<option value=\"%h\">%h</option>",
                        g->pick->choices[k], g->pick->choices_zh[k]);
            }
            jx_html(&h, "</select> <button type=\"submit\" name=\"add\" "
                        "value=\"%h\">%h</button></p>\n",
                    g->add, g->add_zh);
            continue;
        }
        if (g->add) {
            jx_html(&h, "<p><button type=\"submit\" name=\"add\" value=\"%h\">"
                        "%h</button></p>\n",
                    g->add, g->add_zh);
            continue;
        }
        if (!g->n) {
            continue;
        }
        const char *gf = fs->a[g->first].form;
        if (!form || strcmp(form, gf) != 0) {
            jx_html(&h, "<h2>%h</h2>\n", gf);
            form = gf;
        }
        if (g->remove) {
            jx_html(&h, "<p>%h <button type=\"submit\" name=\"remove\" "
                        "value=\"%h\">删除</button></p>\n",
                    g->title, g->remove);
        }
        jx_html(&h, "<table><thead><tr><th>项目</th><th>栏目</th><th>数值</th>"
                    "<th>发现</th></tr></thead><tbody>\n");
        for (size_t i = g->first; i < g->first + g->n; i++) {
            const struct field *f = &fs->a[i];
            if (f->kind == F_CHOICE) {
                choice_cell(&h, f);
                continue;
            }
            jx_html(&h, "<tr><td>%h</td><td>%h</td><td><input type=\"text\" "
                        "name=\"%h\" value=\"%h\"",
                    f->row, f->col, f->ptr, f->sent ? f->sent : f->value);
            if (f->kind == F_TEXT) {
                jx_html(&h, " size=\"28\"");
            } else {
                jx_html(&h, " size=\"14\" inputmode=\"decimal\"");
            }
            if (f->num) {
                jx_html(&h, " data-num=\"%h\" data-den=\"%h\"", f->num, f->den);
            }
            if (f->error) {
                jx_html(&h, " aria-invalid=\"true\"");
            }
            jx_html(&h, ">");
            if (f->calc) {
                jx_html(&h, " <span class=\"calc\">计算：%h</span>", f->calc);
            }
            if (f->error) {
                jx_html(&h, " <span class=\"err fielderr\">%h</span>",
                        f->error);
            }
            jx_html(&h, "</td><td>%h</td></tr>\n",
                    f->findings ? f->findings : "");
        }
        jx_html(&h, "</tbody></table>\n");
    }
    jx_html(&h, "<p><button type=\"submit\" name=\"op\" value=\"save\">"
                "保存并重新检查</button> <button type=\"submit\" name=\"op\" "
                "value=\"recalc\">重新计算</button> "
                "<a href=\"%B/unit/%t/%d\">返回本单位页面</a></p></form>\n"
                "<script src=\"%B/static/edit.js\"></script>\n",
            c->unit, c->year);
    jx_web_page_end(c, &h, status);
}

/* See web_pages.h. */
int jx_web_page_edit(struct jx_web_ctx *c)
{
    struct jx_ws_draft dr;
    json_t *root = NULL;
    bool has_draft = false;
    int p = prepare(c, &dr, &root, &has_draft);
    if (p <= 0) {
        return p;
    }
    struct fields fs;
    collect(c->a, root, &fs);
    mark_findings(c->a, &fs, dr.evaluation_json);
    mark_derived(c->a, &fs, dr.evaluation_json);
    form_page(c, &fs, 200, NULL, has_draft);
    json_decref(root);
    return 0;
}

/* Check the text t sent for field f: NULL when it is a figure of f's
 * kind (*out the text to store: trimmed, a percentage given its %
 * sign), else why not, in Chinese. */
static const char *validate(struct jx_arena *a, const struct field *f,
                            const char *t, const char **out)
{
    size_t b = 0, e = strlen(t);
    while (b < e && (t[b] == ' ' || t[b] == '\t')) {
        b++;
    }
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t')) {
        e--;
    }
    if (b == e) {
        if (f->kind == F_TEXT || (f->kind == F_CHOICE && !f->cell->required)) {
            *out = "";
            return NULL;
        }
        return f->kind == F_CHOICE ? "请选择一项" : "请填写数字";
    }
    const char *s = jx_strndup(a, t + b, e - b);
    if (f->kind == F_TEXT) {
        *out = s;
        return NULL;
    }
    if (f->kind == F_CHOICE) {
        for (size_t k = 0; k < f->cell->nchoices; k++) {
            if (strcmp(s, f->cell->choices[k]) == 0) {
                *out = f->cell->choices[k];
                return NULL;
            }
        }
        return jx_sprintf(a, "“%s”不是可选的一项", s);
    }
    if (f->kind == F_COUNT) {
        for (const char *q = s; *q; q++) {
            if (*q < '0' || *q > '9' || q - s >= 15) {
                return jx_sprintf(a, "“%s”不是整数，请填写不带小数的数字", s);
            }
        }
        *out = s;
        return NULL;
    }
    struct jx_rat r;
    bool pct = false;
    enum jx_numerr ne = jx_rat_parse(s, strlen(s), &r, &pct, NULL);
    if (ne != JX_NUM_OK) {
        return jx_sprintf(a, "“%s”不是数字（%s）", s, jx_numerr_zh(ne));
    }
    if (f->kind == F_NUMBER && pct) {
        return jx_sprintf(a, "“%s”是百分数，此栏应填写数字", s);
    }
    *out = f->kind == F_RATE && !pct ? jx_sprintf(a, "%s%%", s) : s;
    return NULL;
}

/* The object holding the cell at pointer ptr of root (objects on the
 * way made when absent; lists must be there), *key its key; NULL when
 * the way is blocked. */
static json_t *holder_of(struct jx_arena *a, json_t *root, const char *ptr,
                         const char **key)
{
    json_t *o = root;
    const char *p = ptr + 1;
    for (;;) {
        size_t n = strcspn(p, "/");
        char *k = jx_strndup(a, p, n);
        if (!p[n]) {
            *key = k;
            return json_is_object(o) ? o : NULL;
        }
        json_t *next;
        if (json_is_array(o)) {
            char *end = NULL;
            unsigned long i = strtoul(k, &end, 10);
            next = end && !*end ? json_array_get(o, i) : NULL;
        } else if (json_is_object(o)) {
            next = json_object_get(o, k);
            if (!next) {
                next = json_object();
                json_object_set_new(o, k, next);
            }
        } else {
            return NULL;
        }
        o = next;
        p += n + 1;
    }
}

/* Set f's cell in package root to text (a JSON integer for a count; an
 * empty text removes a text cell) and mark it typed in the portal: how
 * "portal", raw the text the document printed (kept from an earlier
 * provenance when it has one). */
static void apply(struct jx_arena *a, json_t *root, const struct field *f,
                  const char *text)
{
    const char *key = NULL;
    json_t *holder = holder_of(a, root, f->ptr, &key);
    if (!holder) {
        return;
    }
    if ((f->kind == F_TEXT || f->kind == F_CHOICE) && !*text) {
        json_object_del(holder, key);
        return;
    }
    if (f->kind == F_CHOICE) {
        /* an enumeration has no provenance wrapper: the value itself */
        json_object_set_new(holder, key, json_string(text));
        return;
    }
    json_t *nv = f->kind == F_COUNT ? json_integer(strtoll(text, NULL, 10))
                                    : json_string(text);
    json_t *w = json_object_get(holder, key);
    json_t *src = NULL;
    json_t *old = NULL;
    if (is_wrapper(w)) {
        src = json_object_get(w, "source");
        old = json_object_get(w, "value");
    } else {
        old = w;
    }
    json_t *ns = json_is_object(src) ? json_deep_copy(src) : json_object();
    const char *how = json_string_value(json_object_get(ns, "how"));
    bool has_raw = json_is_string(json_object_get(ns, "raw"));
    if (!has_raw || !how) {
        /* read as printed (or no provenance): the printed text is old */
        if (json_is_string(old)) {
            json_object_set_new(ns, "raw", json_string(json_string_value(old)));
        } else if (json_is_integer(old)) {
            json_object_set_new(ns, "raw",
                                json_string(jx_sprintf(
                                    a, "%lld",
                                    (long long)json_integer_value(old))));
        }
    }
    json_object_set_new(ns, "how", json_string("portal"));
    json_t *nw = json_object();
    json_object_set_new(nw, "value", nv);
    json_object_set_new(nw, "source", ns);
    json_object_set_new(holder, key, nw);
}

/* Whether ptr names a list of rows the form adds to: a sheet's goals or
 * indicators, the buildings, the project lines, the goal sheet's tasks,
 * the project sheets. */
static bool row_list(const char *ptr)
{
    static const char *const fixed[] = {
        "/base_sheet/buildings", "/base_sheet/costs/project_lines",
        "/unit_sheet/goals", "/unit_sheet/indicators", "/goal_sheet/tasks",
        "/goal_sheet/goals", "/goal_sheet/indicators", "/project_sheets"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
        if (strcmp(ptr, fixed[i]) == 0) {
            return true;
        }
    }
    const char *p = ptr;
    if (strncmp(p, "/project_sheets/", 16) != 0) {
        return false;
    }
    p += 16;
    size_t n = strspn(p, "0123456789");
    return n > 0 && n < 6 &&
           (strcmp(p + n, "/goals") == 0 || strcmp(p + n, "/indicators") == 0);
}

/* Add an empty row to the list at ptr (made when absent) of root (its
 * key pick set to the text picked when pick is not NULL), or (remove)
 * take away the row ptr names; the goal sheet, an object, is added
 * empty and removed whole.  False when ptr is no such list or row. */
static bool add_or_remove(struct jx_arena *a, json_t *root, const char *ptr,
                          bool remove, const char *pick, const char *picked)
{
    if (!ptr) {
        return false;
    }
    if (strcmp(ptr, "/goal_sheet") == 0) {
        json_t *gs = json_object_get(root, "goal_sheet");
        if (remove) {
            return gs && json_object_del(root, "goal_sheet") == 0;
        }
        return !gs &&
               json_object_set_new(root, "goal_sheet", json_object()) == 0;
    }
    if (!remove) {
        if (!row_list(ptr)) {
            return false;
        }
        const char *key = NULL;
        json_t *holder = holder_of(a, root, ptr, &key);
        json_t *arr = holder ? json_object_get(holder, key) : NULL;
        if (holder && !arr) {
            arr = json_array();
            json_object_set_new(holder, key, arr);
        }
        json_t *row = json_object();
        if (pick) {
            json_object_set_new(row, pick, json_string(picked));
        }
        return json_is_array(arr) && json_array_append_new(arr, row) == 0;
    }
    const char *slash = strrchr(ptr, '/');
    if (!slash || slash == ptr || !slash[1] ||
        strspn(slash + 1, "0123456789") != strlen(slash + 1)) {
        return false;
    }
    const char *list = jx_strndup(a, ptr, (size_t)(slash - ptr));
    if (!row_list(list)) {
        return false;
    }
    const char *key = NULL;
    json_t *holder = holder_of(a, root, list, &key);
    json_t *arr = holder ? json_object_get(holder, key) : NULL;
    size_t i = (size_t)strtoul(slash + 1, NULL, 10);
    return json_is_array(arr) && i < json_array_size(arr) &&
           json_array_remove(arr, i) == 0;
}

/* The name of the draft's first file (what findings without a place of
 * their own name), or "草稿". */
static const char *first_file(const struct jx_ws_draft *dr)
{
    return dr->nfiles ? dr->files[0].name : "草稿";
}

/* Read Package JSON text through the pipeline as an upload is read
 * (scored, checked, last year's version compared) and replace the
 * draft's JSON with it; a load error at a changed field goes beside
 * it (*refused set, nothing saved).  0, or -1 (store). */
static int evaluate_and_save(struct jx_web_ctx *c, struct fields *fs,
                             const struct jx_ws_draft *dr, bool has_draft,
                             const char *text, bool *refused)
{
    static const char internal[] = "portal-edit.json";
    struct jx_run_opts ro;
    jx_run_opts_default(&ro);
    ro.fwdir = c->app->cfg.fwdir;
    ro.caldir = c->app->cfg.caldir;
    struct jx_run *run = jx_run_new(&ro);
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (!copy) {
        jx_run_free(run);
        return -1;
    }
    memcpy(copy, text, len + 1);
    struct jx_result *in = jx_run_data(run, internal, copy, len, NULL);
    int rc = 0;
    *refused = false;
    if (in->status != JX_INPUT_OK) {
        const char *general = NULL;
        for (size_t i = 0; i < in->diags.n; i++) {
            const struct jx_diag *dg = &in->diags.a[i];
            if (dg->severity != JX_SEV_ERROR) {
                continue;
            }
            bool placed = false;
            const char *path = dg->loc.path;
            size_t pl = path ? strlen(path) : 0;
            if (pl > 6 && strcmp(path + pl - 6, "/value") == 0) {
                pl -= 6;
            }
            for (size_t k = 0; k < fs->n && path; k++) {
                struct field *f = &fs->a[k];
                if (f->sent && strlen(f->ptr) == pl &&
                    strncmp(f->ptr, path, pl) == 0) {
                    f->error = jx_sprintf(c->a, "%s（%s）", dg->msg, dg->code);
                    placed = true;
                }
            }
            if (!placed && !general) {
                general = jx_sprintf(c->a, "%s（%s）", dg->msg, dg->code);
            }
        }
        form_page(c, fs, 422,
                  general ? jx_sprintf(c->a, "未保存：%s", general)
                          : "未保存：请更正标出的数字。",
                  has_draft);
        *refused = true;
        goto out;
    }
    /* findings with no place of their own were given one in the
     * internal text: they name the document, as after the upload */
    for (size_t i = 0; i < in->diags.n; i++) {
        struct jx_loc *l = &in->diags.a[i].loc;
        if (l->file && strcmp(l->file, internal) == 0) {
            l->file = first_file(dr);
            l->line = 0;
            l->col = 0;
        }
    }
    struct jx_buf pkg, ev;
    int dj = jx_web_draft_json(c, in, &pkg, &ev);
    if (dj != 0) {
        rc = dj < 0 ? -1 : 0;
        *refused = dj > 0;
        goto out;
    }
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    int sr = has_draft ? jx_ws_draft_update(c->s, c->unit, c->year, pkg.p,
                                            ev.p, &who, &d)
                       : jx_ws_draft_save(c->s, c->unit, c->year, NULL, NULL,
                                          0, pkg.p, ev.p, &who, &d);
    const char *why = d.n ? d.a[d.n - 1].msg : "此时不能修改材料。";
    jx_diags_release(&d);
    jx_buf_release(&pkg);
    jx_buf_release(&ev);
    if (sr < 0) {
        rc = -1;
    } else if (sr > 0) {
        jx_web_error(c, 403, "操作被拒绝", why);
        *refused = true;
    }
out:
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}

/* See web_pages.h. */
int jx_web_page_edit_post(struct jx_web_ctx *c)
{
    struct jx_ws_draft dr;
    json_t *root = NULL;
    bool has_draft = false;
    int p = prepare(c, &dr, &root, &has_draft);
    if (p <= 0) {
        return p;
    }
    struct fields fs;
    collect(c->a, root, &fs);
    mark_findings(c->a, &fs, dr.evaluation_json);
    size_t changed = 0, bad = 0;
    const char **store = jx_alloc_array(c->a, fs.n ? fs.n : 1, sizeof *store);
    for (size_t i = 0; i < fs.n; i++) {
        struct field *f = &fs.a[i];
        f->sent = jx_web_form(c, f->ptr);
        if (!f->sent || strcmp(f->sent, f->value) == 0) {
            continue;
        }
        f->error = validate(c->a, f, f->sent, &store[i]);
        if (f->error) {
            bad++;
        } else if (strcmp(store[i], f->value) != 0) {
            changed++;
        } else {
            store[i] = NULL;
        }
    }
    const char *op = jx_web_form(c, "op");
    const char *add = jx_web_form(c, "add");
    const char *remove = jx_web_form(c, "remove");
    bool stay = add || remove || (op && strcmp(op, "recalc") == 0);
    const char *back =
        stay ? jx_sprintf(c->a, "/unit/%s/%d/edit",
                          jx_web_urlenc(c->a, c->unit), c->year)
             : jx_sprintf(c->a, "/unit/%s/%d", jx_web_urlenc(c->a, c->unit),
                          c->year);
    int rc = 0;
    if (bad) {
        form_page(c, &fs, 422, "未保存：请更正标出的数字。", has_draft);
        goto out;
    }
    for (size_t i = 0; i < fs.n; i++) {
        if (fs.a[i].sent && !fs.a[i].error && store[i]) {
            apply(c->a, root, &fs.a[i], store[i]);
        }
    }
    /* a row whose part needs a choice (a project line's category):
     * the one picked beside the add button, or refused */
    const char *pick = NULL, *picked = NULL;
    for (size_t gi = 0; add && gi < fs.ng; gi++) {
        const struct group *g = &fs.g[gi];
        if (g->add && g->pick && strcmp(g->add, add) == 0) {
            pick = g->pick->path;
            const char *v =
                jx_web_form(c, jx_sprintf(c->a, "add_%s", pick));
            for (size_t k = 0; v && k < g->pick->nchoices; k++) {
                if (strcmp(v, g->pick->choices[k]) == 0) {
                    picked = g->pick->choices[k];
                }
            }
            if (!picked) {
                jx_web_error(c, 400, "请求无效",
                             "请先选择新行的类别，再增加一行。");
                goto out;
            }
        }
    }
    if ((add && !add_or_remove(c->a, root, add, false, pick, picked)) ||
        (remove && !add_or_remove(c->a, root, remove, true, NULL, NULL))) {
        jx_web_error(c, 400, "请求无效", "要增加或删除的表格行不存在。");
        goto out;
    }
    if (!changed && !add && !remove && has_draft) {
        jx_web_redirect(c, back); /* nothing to save */
        goto out;
    }
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text) {
        rc = -1;
        goto out;
    }
    bool refused = false;
    rc = evaluate_and_save(c, &fs, &dr, has_draft, text, &refused);
    free(text);
    if (rc == 0 && !refused) {
        jx_web_redirect(c, back);
    }
out:
    json_decref(root);
    return rc;
}

/* See web_pages.h. */
int jx_web_page_blank(struct jx_web_ctx *c)
{
    struct jx_ws_draft dr;
    json_t *root = NULL;
    bool has_draft = false;
    int p = prepare(c, &dr, &root, &has_draft);
    if (p <= 0) {
        return p;
    }
    int rc = 0;
    if (has_draft) {
        jx_web_error(c, 403, "操作被拒绝",
                     "已有草稿：请在网页中填写或更正草稿，或重新上传材料。");
        goto out;
    }
    struct fields fs;
    collect(c->a, root, &fs);
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text) {
        rc = -1;
        goto out;
    }
    bool refused = false;
    rc = evaluate_and_save(c, &fs, &dr, false, text, &refused);
    free(text);
    if (rc == 0 && !refused) {
        jx_web_redirect(c, jx_sprintf(c->a, "/unit/%s/%d/edit",
                                      jx_web_urlenc(c->a, c->unit), c->year));
    }
out:
    json_decref(root);
    return rc;
}

/* The edit form's script: a preview of each derived rate (an input with
 * data-num and data-den) as its inputs are typed, in whole-number
 * arithmetic on the decimal digits, labelled 预览; the saved page shows
 * the server's exact figure instead. */
static const char edit_js[] =
    "(function () {\n"
    "  'use strict';\n"
    "  // a decimal text as [digits as a whole number, decimals], or null\n"
    "  function dec(t) {\n"
    "    var m = /^\\s*(\\d{1,12})(?:\\.(\\d{1,6}))?\\s*$/.exec(t.replace(/,/g, ''));\n"
    "    if (!m) { return null; }\n"
    "    var f = m[2] || '';\n"
    "    return [parseInt(m[1] + f, 10), f.length];\n"
    "  }\n"
    "  // num / den as a percentage with two decimals, rounded half up\n"
    "  function rate(n, d) {\n"
    "    if (!n || !d || d[0] === 0) { return ''; }\n"
    "    var a = n[0] * Math.pow(10, d[1]) * 10000;\n"
    "    var b = d[0] * Math.pow(10, n[1]);\n"
    "    var q = Math.floor((2 * a + b) / (2 * b));\n"
    "    var s = String(q);\n"
    "    while (s.length < 3) { s = '0' + s; }\n"
    "    return s.slice(0, -2) + '.' + s.slice(-2) + '%';\n"
    "  }\n"
    "  function byName(n) { return document.getElementsByName(n)[0]; }\n"
    "  var all = document.querySelectorAll('input[data-num]');\n"
    "  Array.prototype.forEach.call(all, function (r) {\n"
    "    var n = byName(r.getAttribute('data-num'));\n"
    "    var d = byName(r.getAttribute('data-den'));\n"
    "    if (!n || !d) { return; }\n"
    "    var out = document.createElement('span');\n"
    "    out.className = 'preview';\n"
    "    r.parentNode.insertBefore(out, r.nextSibling);\n"
    "    function show() {\n"
    "      var v = rate(dec(n.value), dec(d.value));\n"
    "      out.textContent = v ? ' 预览：' + v : '';\n"
    "    }\n"
    "    n.addEventListener('input', show);\n"
    "    d.addEventListener('input', show);\n"
    "  });\n"
    "})();\n";

/* See web_pages.h. */
int jx_web_page_edit_js(struct jx_web_ctx *c)
{
    static const struct jx_web_static js = {edit_js, sizeof edit_js - 1};
    jx_web_send_static(c->resp, "text/javascript; charset=utf-8", &js);
    return 0;
}
