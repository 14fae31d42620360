/*
 * gen_layout.c - a package laid out as the printed documents, and documents
 * written back as text in the layouts the text importer reads.
 */
#include "gen_layout.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/dec.h"

/* Names of the layouts, indexed by enum jx_text_layout. */
static const char *const layout_names[JX_LAYOUT_COUNT] = {
    "tabcell", "tsv", "cellblank", "barcell", "pipes", "oneline", "pdf",
};

/* Name of a layout (static string). */
const char *jx_text_layout_name(enum jx_text_layout l)
{
    return (unsigned)l < JX_LAYOUT_COUNT ? layout_names[l] : "?";
}

/* Look a layout up by name. */
int jx_text_layout_from_name(const char *name, enum jx_text_layout *out)
{
    for (int i = 0; i < JX_LAYOUT_COUNT; i++) {
        if (strcmp(name, layout_names[i]) == 0) {
            *out = (enum jx_text_layout)i;
            return 0;
        }
    }
    return -1;
}

/* ---- building the printed forms --------------------------------------- */

/* The table being built: its document, the table and the next row. */
struct builder {
    struct jx_doc *doc;
    struct jx_doc_table *t;
    int row;
    int col;
};

/* Start a table after its title lines (one paragraph per line). */
static void begin(struct builder *b, const char *title)
{
    while (*title) {
        const char *nl = strchr(title, '\n');
        size_t n = nl ? (size_t)(nl - title) : strlen(title);
        jx_doc_add_para(b->doc, title, n, 0, NULL);
        title += n + (nl ? 1 : 0);
    }
    b->t = jx_doc_add_table(b->doc, NULL);
    b->row = 0;
    b->col = 0;
}

/* Add a cell of colspan columns to the current row. */
static void cell(struct builder *b, const char *text, int colspan)
{
    if (!text) {
        text = "";
    }
    jx_doc_table_add_cell(b->doc, b->t, b->row, b->col, 1, colspan, text,
                          strlen(text), 0, 0);
    b->col += colspan;
}

/* End the current row. */
static void endrow(struct builder *b)
{
    b->row++;
    b->col = 0;
}

/* Finish the current table. */
static void end(struct builder *b)
{
    jx_doc_table_end(b->doc, b->t);
    b->t = NULL;
}

/* Text of an amount in unit ("" when absent), in the arena. */
static const char *amt(struct jx_arena *a, const struct jx_amt *v,
                       enum jx_money_unit unit)
{
    if (!v->present) {
        return "";
    }
    char buf[JX_NUM_BUFSZ];
    return jx_strdup(a, jx_money_format_exact(v->v, unit, buf));
}

/* Text of a number ("" when absent; percent for rates), in the arena. */
static const char *num(struct jx_arena *a, const struct jx_num *v,
                       bool percent)
{
    if (!v->present) {
        return "";
    }
    char buf[JX_NUM_BUFSZ];
    if (!jx_rat_format_exact(v->v, percent, buf)) {
        jx_rat_format(v->v, 6, percent, JX_ROUND_HALF_UP, buf);
    }
    return jx_strdup(a, buf);
}

/* Text of a count ("" when absent), in the arena. */
static const char *count(struct jx_arena *a, const struct jx_count *v)
{
    return v->present ? jx_sprintf(a, "%lld", (long long)v->v) : "";
}

/* A cost row: label and the three columns. */
static void cost_row(struct builder *b, const char *label,
                     const struct jx_cost *c, enum jx_money_unit unit)
{
    struct jx_arena *a = b->doc->arena;
    cell(b, label, 1);
    cell(b, amt(a, &c->prev_final, unit), 1);
    cell(b, amt(a, &c->budget, unit), 1);
    cell(b, amt(a, &c->final, unit), 1);
    endrow(b);
}

/* Chinese label of a project-line category as the form prints it. */
static const char *pcat_label(enum jx_project_cat c)
{
    switch (c) {
    case JX_PCAT_BUSINESS:
        return "1、业务工作经费";
    case JX_PCAT_OPERATION:
        return "2、运行维护经费";
    case JX_PCAT_LOCAL_SPECIAL:
        return "3、区级专项资金(一个专项一行)";
    case JX_PCAT_TRANSFER:
    case JX_PCAT_COUNT:
        break;
    }
    return "4、上级转移支付(一个专项一行）";
}

/* 附件1 基础数据表. */
static void base_sheet(struct builder *b, const struct jx_package *p)
{
    struct jx_arena *a = b->doc->arena;
    const struct jx_base_sheet *s = &p->base;
    long long y = p->year.present ? (long long)p->year.v : 0;
    begin(b, jx_sprintf(a, "附件1\n%lld年度预算单位整体支出绩效评价基础数据表",
                        y));
    cell(b, "预算单位名称", 1);
    cell(b, p->unit.name.s, 3);
    endrow(b);
    cell(b, "财政供养人员情况(人)", 1);
    cell(b, "编制数", 1);
    cell(b, jx_sprintf(a, "%lld年实际在职人数", y), 1);
    cell(b, "控制率", 1);
    endrow(b);
    cell(b, "", 1);
    cell(b, count(a, &s->authorized), 1);
    cell(b, count(a, &s->actual), 1);
    cell(b, num(a, &s->control_rate, true), 1);
    endrow(b);
    cell(b, "经费控制情况(万元)", 1);
    cell(b, jx_sprintf(a, "%lld年决算数", y - 1), 1);
    cell(b, jx_sprintf(a, "%lld年预算数", y), 1);
    cell(b, jx_sprintf(a, "%lld年决算数", y), 1);
    endrow(b);
    enum jx_money_unit u = s->unit;
    cost_row(b, "三公经费", &s->three_public, u);
    cost_row(b, "1、公务用车购置和维护经费", &s->vehicle, u);
    cost_row(b, "其中：公车购置", &s->vehicle_purchase, u);
    cost_row(b, "公车运行维护", &s->vehicle_operation, u);
    cost_row(b, "2、出国经费", &s->overseas, u);
    cost_row(b, "3、公务接待", &s->reception, u);
    cost_row(b, "项目支出：", &s->project, u);
    /* 1、2、 are rows of their own; 3、 and 4、 head one row per 专项 */
    for (int cat = 0; cat < JX_PCAT_COUNT; cat++) {
        bool header = cat < JX_PCAT_LOCAL_SPECIAL;
        for (size_t i = 0; i < s->nproject_lines; i++) {
            const struct jx_project_line *l = &s->project_lines[i];
            if ((int)l->cat != cat) {
                continue;
            }
            if (!header) {
                cost_row(b, pcat_label(l->cat), &(struct jx_cost){0}, u);
                header = true;
            }
            cost_row(b,
                     cat < JX_PCAT_LOCAL_SPECIAL || !l->name.s
                         ? pcat_label(l->cat)
                         : l->name.s,
                     &l->cost, u);
        }
    }
    cost_row(b, "公用经费", &s->public_funds, u);
    cost_row(b, "其中：办公经费", &s->office, u);
    cost_row(b, "水费、电费、差旅费", &s->utilities_travel, u);
    cost_row(b, "会议费、培训费", &s->meetings_training, u);
    cost_row(b, "政府采购金额", &s->procurement, u);
    cost_row(b, "部门基本支出预算调整", &s->basic_adjustment, u);
    cell(b, jx_sprintf(a, "楼堂馆所控制情况\n(%lld年完工项目)", y), 1);
    cell(b, "批复规模\n(m²)", 1);
    cell(b, "实际规模(m²)", 1);
    cell(b, "规模控制率", 1);
    cell(b, "预算投资\n(万元)", 1);
    cell(b, "实际投资\n(万元)", 1);
    cell(b, "投资概算控制率", 1);
    endrow(b);
    for (size_t i = 0; i < s->nbuildings; i++) {
        const struct jx_building *bd = &s->buildings[i];
        cell(b, bd->name.s, 1);
        cell(b, num(a, &bd->approved_area, false), 1);
        cell(b, num(a, &bd->actual_area, false), 1);
        cell(b, num(a, &bd->area_rate, true), 1);
        cell(b, amt(a, &bd->budget_invest, u), 1);
        cell(b, amt(a, &bd->actual_invest, u), 1);
        cell(b, num(a, &bd->invest_rate, true), 1);
        endrow(b);
    }
    cell(b, "厉行节约保障措施", 1);
    cell(b, s->thrift_measures.s, 6);
    endrow(b);
    end(b);
}

/* The footer line of the forms (填表人 … 填报日期). */
static void footer(struct jx_doc *d, const struct jx_package *p)
{
    const struct jx_contacts *c = &p->contacts;
    char date[32] = "";
    if (c->date.present) {
        snprintf(date, sizeof date, "%04d.%02d.%02d", c->date.y, c->date.m,
                 c->date.d);
    }
    const char *line = jx_sprintf(
        d->arena, "填表人：%s     联系电话：%s   单位负责人：%s   填报日期：%s",
        c->preparer.s ? c->preparer.s : "", c->phone.s ? c->phone.s : "",
        c->head.s ? c->head.s : "", date);
    jx_doc_add_para(d, line, strlen(line), 0, NULL);
}

/* The goals block and the indicator rows shared by both sheet kinds. */
static void goals_and_indicators(struct builder *b, const struct jx_sheet *s,
                                 const char *score_header)
{
    struct jx_arena *a = b->doc->arena;
    cell(b, "年度总体目标", 1);
    cell(b, "预期目标", 4);
    cell(b, "实际完成情况", 4);
    endrow(b);
    /* one row per goal (an empty row when there is none) */
    for (size_t i = 0; i < (s->ngoals ? s->ngoals : 1); i++) {
        cell(b, "", 1);
        cell(b, s->ngoals ? s->goals[i].expected.s : "", 4);
        cell(b, s->ngoals ? s->goals[i].actual.s : "", 4);
        endrow(b);
    }
    cell(b, "绩效指标", 1);
    cell(b, "一级指标", 1);
    cell(b, "二级指标", 1);
    cell(b, "三级指标", 1);
    cell(b, "年度指标值", 1);
    cell(b, "实际完成值", 1);
    cell(b, "分值", 1);
    cell(b, score_header, 1);
    cell(b, "偏差原因分析及改进措施", 1);
    endrow(b);
    const char *prev1 = NULL, *prev2 = NULL;
    for (size_t i = 0; i < s->nindicators; i++) {
        const struct jx_indicator *r = &s->indicators[i];
        bool same1 = prev1 && r->level1.s && strcmp(prev1, r->level1.s) == 0;
        bool same2 = same1 && prev2 && r->level2.s &&
                     strcmp(prev2, r->level2.s) == 0;
        cell(b, "", 1);
        cell(b, same1 ? "" : r->level1.s, 1);
        cell(b, same2 ? "" : r->level2.s, 1);
        cell(b, r->name.s, 1);
        cell(b, r->target.s, 1);
        cell(b, r->actual.s, 1);
        cell(b, num(a, &r->points, false), 1);
        cell(b, num(a, &r->score, false), 1);
        cell(b, r->deviation.s, 1);
        endrow(b);
        prev1 = r->level1.s;
        prev2 = r->level2.s;
    }
    cell(b, "总分", 6);
    cell(b, "100", 1);
    cell(b, num(a, &s->stated_total, false), 1);
    cell(b, "", 1);
    endrow(b);
}

/* The funds header and the 年度资金总额 row. */
static void funds_rows(struct builder *b, const struct jx_sheet *s,
                       const char *block, const char *score_header)
{
    struct jx_arena *a = b->doc->arena;
    cell(b, block, 1);
    cell(b, "", 2);
    cell(b, "年初预算数", 1);
    cell(b, "全年预算数", 1);
    cell(b, "全年执行数", 1);
    cell(b, "分值", 1);
    cell(b, "执行率", 1);
    cell(b, score_header, 1);
    endrow(b);
    const struct jx_funds *f = &s->total;
    cell(b, "", 1);
    cell(b, "年度资金总额", 2);
    cell(b, amt(a, &f->budget_initial, s->unit), 1);
    cell(b, amt(a, &f->budget_full, s->unit), 1);
    cell(b, amt(a, &f->executed, s->unit), 1);
    cell(b, num(a, &f->points, false), 1);
    cell(b, num(a, &f->rate, true), 1);
    cell(b, num(a, &f->score, false), 1);
    endrow(b);
}

/* "label：amount" of a fund split (just "label：" when absent). */
static const char *split(struct jx_arena *a, const struct jx_sheet *s,
                         enum jx_fund_key k, const char *prefix)
{
    return jx_sprintf(a, "%s%s：%s", prefix, jx_fund_key_zh(k),
                      amt(a, &s->funds[k].executed, s->unit));
}

/* 附件2 整体支出绩效自评表. */
static void unit_sheet(struct builder *b, const struct jx_package *p)
{
    struct jx_arena *a = b->doc->arena;
    const struct jx_sheet *s = &p->unit_sheet;
    long long y = p->year.present ? (long long)p->year.v : 0;
    begin(b, jx_sprintf(a, "附件2\n%lld年度预算单位整体支出绩效自评表", y));
    cell(b, "预算单位名称", 1);
    cell(b, p->unit.name.s, 8);
    endrow(b);
    funds_rows(b, s, "年度预算申请(万元)", "得分");
    cell(b, "", 1);
    cell(b, "按收入性质分：", 4);
    cell(b, "按支出性质分：", 4);
    endrow(b);
    static const enum jx_fund_key income[] = {
        JX_FUND_GENERAL_BUDGET, JX_FUND_GOV_FUND, JX_FUND_SPECIAL_ACCOUNT,
        JX_FUND_OTHER};
    static const enum jx_fund_key nature[] = {JX_FUND_BASIC,
                                              JX_FUND_PROJECT};
    for (int i = 0; i < 4; i++) {
        cell(b, "", 1);
        cell(b, split(a, s, income[i], i == 0 ? "其中：" : ""), 4);
        cell(b, i < 2 ? split(a, s, nature[i], i == 0 ? "其中：" : "") : "",
             4);
        endrow(b);
    }
    goals_and_indicators(b, s, "得分");
    end(b);
}

/* 附件3 项目支出绩效自评表, one per project sheet. */
static void project_sheet(struct builder *b, const struct jx_package *p,
                          const struct jx_sheet *s)
{
    struct jx_arena *a = b->doc->arena;
    long long y = p->year.present ? (long long)p->year.v : 0;
    begin(b, jx_sprintf(a, "附件3\n%lld年度项目支出绩效自评表", y));
    cell(b, "项目支出名称", 1);
    cell(b, s->name.s, 8);
    endrow(b);
    cell(b, "主管部门", 1);
    cell(b, s->supervisor.s, 4);
    cell(b, "实施单位", 1);
    cell(b, s->implementer.s, 3);
    endrow(b);
    funds_rows(b, s, "项目资金（万元）", "自评得分");
    static const enum jx_fund_key parts[] = {
        JX_FUND_CURRENT_APPROP, JX_FUND_CARRYOVER, JX_FUND_OTHER};
    for (int i = 0; i < 3; i++) {
        const struct jx_funds *f = &s->funds[parts[i]];
        const char *label = jx_fund_key_zh(parts[i]);
        cell(b, "", 1);
        cell(b, i == 0 ? jx_sprintf(a, "其中：%s", label) : label, 2);
        cell(b, amt(a, &f->budget_initial, s->unit), 1);
        cell(b, amt(a, &f->budget_full, s->unit), 1);
        cell(b, amt(a, &f->executed, s->unit), 1);
        cell(b, "", 1); /* 分值, 执行率, 得分 stay empty, as printed */
        cell(b, "", 1);
        cell(b, "", 1);
        endrow(b);
    }
    goals_and_indicators(b, s, "自评得分");
    end(b);
}

/* Chinese numerals of the report's section numbers. */
static const char *const section_numerals[11] = {
    "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

/* The report: title, then each section's heading and text lines. */
static void report(struct jx_doc *d, const struct jx_package *p)
{
    struct jx_arena *a = d->arena;
    const struct jx_report *r = &p->report;
    const char *title = r->title.s;
    if (!title) {
        title = jx_sprintf(a, "%lld年度%s单位整体支出绩效自评报告",
                           p->year.present ? (long long)p->year.v : 0,
                           p->unit.name.s ? p->unit.name.s : "");
    }
    jx_doc_add_para(d, title, strlen(title), 1, NULL);
    /* the cover: who the unit is */
    const struct jx_unit *u = &p->unit;
    const char *cover[][2] = {
        {"预算单位名称：", u->name.s},
        {"预算编码：", u->code.s},
        {"主管部门：", u->supervisor.s},
    };
    for (size_t i = 0; i < sizeof cover / sizeof cover[0]; i++) {
        if (cover[i][1]) {
            const char *line = jx_sprintf(a, "%s%s", cover[i][0], cover[i][1]);
            jx_doc_add_para(d, line, strlen(line), 0, NULL);
        }
    }
    for (size_t i = 0; i < r->nsections; i++) {
        const struct jx_section *s = &r->sections[i];
        const char *mark =
            s->marker.s ? s->marker.s
                        : jx_sprintf(a, "%s、",
                                     s->no >= 1 && s->no <= 10
                                         ? section_numerals[s->no]
                                         : "");
        const char *head =
            jx_sprintf(a, "%s%s", mark, s->title.s ? s->title.s : "");
        jx_doc_add_para(d, head, strlen(head), 2, NULL);
        const char *t = s->text.s ? s->text.s : "";
        while (*t) {
            const char *nl = strchr(t, '\n');
            size_t n = nl ? (size_t)(nl - t) : strlen(t);
            if (n) {
                jx_doc_add_para(d, t, n, 0, NULL);
            }
            t += n + (nl ? 1 : 0);
        }
    }
    if (r->nattachments) {
        jx_doc_add_para(d, "附件：", strlen("附件："), 0, NULL);
        for (size_t i = 0; i < r->nattachments; i++) {
            const char *line = jx_sprintf(a, "%zu、%s", i + 1,
                                          r->attachments[i].s
                                              ? r->attachments[i].s
                                              : "");
            jx_doc_add_para(d, line, strlen(line), 0, NULL);
        }
    }
}

/* Lay the whole package out. */
struct jx_doc *jx_layout_package(struct jx_arena *arena,
                                 const struct jx_package *pkg,
                                 const char *file)
{
    struct jx_doc *d = jx_doc_new(arena, file, JX_SRC_TEXT);
    struct builder b = {.doc = d};
    if (pkg->report.present) {
        report(d, pkg);
    }
    if (pkg->base.present) {
        base_sheet(&b, pkg);
        footer(d, pkg);
    }
    if (pkg->has_unit_sheet) {
        unit_sheet(&b, pkg);
        footer(d, pkg);
    }
    for (size_t i = 0; i < pkg->nproject_sheets; i++) {
        project_sheet(&b, pkg, &pkg->project_sheets[i]);
        footer(d, pkg);
    }
    return d;
}

/* ---- writing text ------------------------------------------------------ */

/* Append text with each newline replaced by sep and each tab by a
 * space (a tab would split the cell in the tab-separated layouts). */
static int add_joined(struct jx_buf *out, const char *text, const char *sep)
{
    for (; *text; text++) {
        int r = *text == '\n'   ? jx_buf_adds(out, sep)
                : *text == '\t' ? jx_buf_addc(out, ' ')
                                : jx_buf_addc(out, *text);
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

/* Append text with a space after every CJK character but the last, as
 * PDF converters space out label cells; text with digits is kept. */
static int add_spaced(struct jx_buf *out, const char *text)
{
    if (strpbrk(text, "0123456789")) {
        return add_joined(out, text, " ");
    }
    size_t n = strlen(text);
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(text + i, n - i, &cp);
        size_t step = k > 0 ? (size_t)k : 1;
        if (text[i] == '\n' || text[i] == '\t') {
            if (jx_buf_addc(out, ' ') < 0) {
                return -1;
            }
        } else if (jx_buf_add(out, text + i, step) < 0) {
            return -1;
        }
        i += step;
        if (i < n && cp >= 0x3000 && text[i] != '\n' &&
            jx_buf_addc(out, ' ') < 0) {
            return -1;
        }
    }
    return 0;
}

/* The cell starting at (r, c), or NULL when none starts there. */
static const struct jx_doc_cell *starts_at(const struct jx_doc_table *t,
                                           int r, int c)
{
    const struct jx_doc_cell *x = jx_doc_cell_at(t, r, c);
    return x && x->row == r && x->col == c ? x : NULL;
}

/* Append one table in layout l. */
static int write_table(const struct jx_doc_table *t, enum jx_text_layout l,
                       struct jx_buf *out)
{
    int rc = 0;
    for (int r = 0; r < t->nrows && rc == 0; r++) {
        switch (l) {
        case JX_LAYOUT_TABCELL:
            /* only the cells that start in this row, as Word prints */
            for (int c = 0; c < t->ncols && rc == 0; c++) {
                const struct jx_doc_cell *x = starts_at(t, r, c);
                if (x) {
                    rc = jx_buf_addc(out, '\t') | jx_buf_adds(out, x->text) |
                         jx_buf_addc(out, '\n');
                }
            }
            rc |= jx_buf_addc(out, '\n');
            break;
        case JX_LAYOUT_TSV:
        case JX_LAYOUT_PDF:
            for (int c = 0; c < t->ncols && rc == 0; c++) {
                const struct jx_doc_cell *x = starts_at(t, r, c);
                if (c > 0) {
                    rc = jx_buf_addc(out, '\t');
                }
                if (x) {
                    rc |= l == JX_LAYOUT_PDF ? add_spaced(out, x->text)
                                             : add_joined(out, x->text, " ");
                }
            }
            rc |= jx_buf_addc(out, '\n');
            break;
        case JX_LAYOUT_CELLBLANK:
            /* "-" opens a row; every cell (empty ones as an empty line)
             * is followed by one blank line */
            rc = jx_buf_adds(out, "-\n");
            for (int c = 0; c < t->ncols && rc == 0; c++) {
                const struct jx_doc_cell *x = starts_at(t, r, c);
                rc = add_joined(out, x ? x->text : "", " ") |
                     jx_buf_adds(out, "\n\n");
            }
            break;
        case JX_LAYOUT_BARCELL:
            for (int c = 0; c < t->ncols && rc == 0; c++) {
                const struct jx_doc_cell *x = starts_at(t, r, c);
                if (x) {
                    rc = add_joined(out, x->text, " ") |
                         jx_buf_adds(out, " |\n");
                }
            }
            rc |= jx_buf_addc(out, '\n');
            break;
        case JX_LAYOUT_PIPES:
            rc = jx_buf_addc(out, '|');
            for (int c = 0; c < t->ncols && rc == 0; c++) {
                const struct jx_doc_cell *x = starts_at(t, r, c);
                if (x) {
                    rc = jx_buf_addc(out, ' ') |
                         add_joined(out, x->text, " ") |
                         jx_buf_adds(out, " |");
                } else if (!jx_doc_cell_at(t, r, c)) {
                    rc = jx_buf_adds(out, "  |"); /* no cell: empty */
                } else {
                    rc = jx_buf_addc(out, '|'); /* covered by a span */
                }
            }
            rc |= jx_buf_addc(out, '\n');
            break;
        case JX_LAYOUT_ONELINE:
            if (r > 0) {
                rc = jx_buf_adds(out, " | ");
            }
            for (int c = 0, first = 1; c < t->ncols && rc == 0; c++) {
                const struct jx_doc_cell *x = starts_at(t, r, c);
                if (x) {
                    if (!first) {
                        rc = jx_buf_adds(out, "  ");
                    }
                    rc |= add_joined(out, x->text, " ");
                    first = 0;
                }
            }
            if (r == t->nrows - 1) {
                rc |= jx_buf_addc(out, '\n');
            }
            break;
        case JX_LAYOUT_COUNT:
            return -1;
        }
    }
    return rc ? -1 : 0;
}

/* Write every block: paragraphs as lines, tables in the layout. */
int jx_layout_write_text(const struct jx_doc *doc, enum jx_text_layout l,
                         struct jx_buf *out)
{
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jx_doc_block *b = &doc->blocks[i];
        int rc;
        if (b->kind == JX_DOC_PARA) {
            rc = add_joined(out, b->para.text, "\n") | jx_buf_addc(out, '\n');
        } else {
            rc = jx_buf_addc(out, '\n') | write_table(b->table, l, out) |
                 jx_buf_addc(out, '\n');
        }
        if (rc) {
            return -1;
        }
    }
    return 0;
}
