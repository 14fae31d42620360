/*
 * report_place.c - where a finding is, as a reader of the documents
 * finds it (report.h, jx_report_place): the attachment and its name, the
 * row of the form and the column's label, or the part and paragraph of
 * the 自评报告, instead of the package's JSON pointer.
 *
 * Rows are those of the forms as jixiao prints them (lib/report/report.c,
 * the printed layouts of rules.md §2.1 and §5.2), counted from 1 at the
 * form's first row; tests/unit/t_report.c checks that the row named for
 * each indicator and fund holds its label in the built report.
 */
#include "jixiao/report.h"

#include <string.h>

/* Chinese numerals 一 … 十 for the report's parts. */
static const char *const part_zh[10] = {"一", "二", "三", "四", "五",
                                        "六", "七", "八", "九", "十"};

/* A JSON pointer cut into at most MAXSEG segments. */
#define MAXSEG 8
struct ptr {
    const char *seg[MAXSEG];
    size_t n;
};

/* Cut path ("/unit_sheet/indicators/4/target") into segments (arena
 * copies, "~1" and "~0" unescaped).  False when it is not a pointer. */
static bool ptr_parse(struct jx_arena *a, const char *path, struct ptr *p)
{
    p->n = 0;
    if (!path || path[0] != '/') {
        return false;
    }
    const char *s = path + 1;
    while (p->n < MAXSEG) {
        size_t len = strcspn(s, "/");
        char *seg = jx_strndup(a, s, len);
        size_t o = 0;
        for (size_t i = 0; i < len; i++) {
            if (seg[i] == '~' && (seg[i + 1] == '0' || seg[i + 1] == '1')) {
                seg[o++] = seg[i + 1] == '1' ? '/' : '~';
                i++;
            } else {
                seg[o++] = seg[i];
            }
        }
        seg[o] = '\0';
        p->seg[p->n++] = seg;
        if (!s[len]) {
            break;
        }
        s += len + 1;
    }
    return true;
}

/* Segment i of p, or "" past the end. */
static const char *seg(const struct ptr *p, size_t i)
{
    return i < p->n ? p->seg[i] : "";
}

/* Segment i as an array index (digits only, below limit), or -1. */
static long idx(const struct ptr *p, size_t i, size_t limit)
{
    const char *s = seg(p, i);
    long v = 0;
    if (!*s) {
        return -1;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 100000000L) {
            return -1;
        }
        v = v * 10 + (*s - '0');
    }
    return (size_t)v < limit ? v : -1;
}

/* The label of a name in a table of (key, label) pairs, or NULL. */
static const char *lookup(const char *const (*tb)[2], size_t n,
                          const char *key)
{
    for (size_t i = 0; i < n; i++) {
        if (strcmp(tb[i][0], key) == 0) {
            return tb[i][1];
        }
    }
    return NULL;
}

/* " 第 N 行" plus the column label (may be NULL). */
static const char *row_col(struct jx_arena *a, long row, const char *what,
                           const char *col)
{
    return jx_sprintf(a, "第 %ld 行%s%s%s", row, what ? what : "",
                      col ? " " : "", col ? col : "");
}

/* ---- 附件1 基础数据表 ---------------------------------------------------- */

/* The cost rows of the base sheet before the project lines, from the
 * form's row 5 (report.c base_sheet). */
static const char *const cost_head[][2] = {
    {"three_public", "三公经费"},
    {"vehicle", "1、公务用车购置和维护经费"},
    {"vehicle_purchase", "其中：公车购置"},
    {"vehicle_operation", "公车运行维护"},
    {"overseas", "2、出国经费"},
    {"reception", "3、公务接待"},
    {"project", "项目支出"}};

/* The cost rows after the project lines. */
static const char *const cost_tail[][2] = {
    {"public_funds", "公用经费"},
    {"office", "其中：办公经费"},
    {"utilities_travel", "水费、电费、差旅费"},
    {"meetings_training", "会议费、培训费"},
    {"procurement", "政府采购金额"},
    {"basic_adjustment", "部门基本支出预算调整"}};

/* Rows the project lines of s take (with the heading rows of 3、 and
 * 4、), and, when line >= 0, the 0-based offset of that line in them. */
static long project_rows(const struct jx_base_sheet *s, long line,
                         long *at)
{
    long r = 0;
    for (int cat = 0; cat < JX_PCAT_COUNT; cat++) {
        bool head = cat < JX_PCAT_LOCAL_SPECIAL;
        for (size_t i = 0; i < s->nproject_lines; i++) {
            if ((int)s->project_lines[i].cat != cat) {
                continue;
            }
            if (!head) {
                r++;
                head = true;
            }
            if ((long)i == line) {
                *at = r;
            }
            r++;
        }
    }
    return r;
}

/* The place in 附件1 named by p (segments after "base_sheet"). */
static const char *base_place(struct jx_arena *a, const struct jx_package *pkg,
                              const struct ptr *p)
{
    const struct jx_base_sheet *s = &pkg->base;
    long y = pkg->year.present ? (long)pkg->year.v : 0;
    const char *form = "附件1《基础数据表》";
    const char *what = seg(p, 1);
    const char *col = NULL;
    const char *field = NULL;
    const char *label = NULL;
    long row = -1;
    long lines_at = -1;
    long nlines = project_rows(s, -1, &lines_at);
    if (strcmp(what, "staffing") == 0) {
        static const char *const st[][2] = {{"authorized", "编制数"},
                                            {"actual", "实际在职人数"},
                                            {"control_rate", "控制率"}};
        const char *c = lookup(st, 3, seg(p, 2));
        return jx_sprintf(a, "%s%s", form,
                          row_col(a, 3, "（财政供养人员情况）", c));
    }
    if (strcmp(what, "costs") == 0 || strcmp(what, "project") == 0) {
        const char *key = strcmp(what, "costs") == 0 ? seg(p, 2) : "project";
        field = strcmp(what, "costs") == 0 ? seg(p, 3) : seg(p, 2);
        for (size_t i = 0; i < sizeof cost_head / sizeof cost_head[0]; i++) {
            if (strcmp(cost_head[i][0], key) == 0) {
                row = 5 + (long)i;
                label = cost_head[i][1];
            }
        }
        for (size_t i = 0; i < sizeof cost_tail / sizeof cost_tail[0]; i++) {
            if (strcmp(cost_tail[i][0], key) == 0) {
                row = 12 + nlines + (long)i;
                label = cost_tail[i][1];
            }
        }
    } else if (strcmp(what, "project_lines") == 0) {
        long i = idx(p, 2, s->nproject_lines);
        if (i >= 0) {
            long at = 0;
            project_rows(s, i, &at);
            row = 12 + at;
            label = s->project_lines[i].name.s;
        }
        field = seg(p, 3);
    } else if (strcmp(what, "buildings") == 0) {
        long i = idx(p, 2, s->nbuildings);
        if (i >= 0) {
            row = 12 + nlines + 6 + 1 + i;
            label = s->buildings[i].name.s;
        }
        static const char *const bc[][2] = {
            {"name", "楼堂馆所"},         {"approved_area", "批复规模"},
            {"actual_area", "实际规模"},  {"area_rate", "规模控制率"},
            {"budget_invest", "预算投资"}, {"actual_invest", "实际投资"},
            {"invest_rate", "投资概算控制率"}};
        col = lookup(bc, sizeof bc / sizeof bc[0], seg(p, 3));
    } else if (strcmp(what, "thrift_measures") == 0) {
        return jx_sprintf(a, "%s“厉行节约保障措施”", form);
    }
    if (field) {
        col = strcmp(field, "prev_final") == 0
                  ? jx_sprintf(a, "%ld年决算数", y - 1)
              : strcmp(field, "budget") == 0 ? jx_sprintf(a, "%ld年预算数", y)
              : strcmp(field, "final") == 0  ? jx_sprintf(a, "%ld年决算数", y)
                                             : NULL;
    }
    if (row < 0) {
        return form;
    }
    return jx_sprintf(a, "%s%s", form,
                      row_col(a, row,
                              label ? jx_sprintf(a, "（%s）", label) : NULL,
                              col));
}

/* ---- 附件2 / 附件3 自评表 ------------------------------------------------ */

/* Column labels of the 年度资金总额 row's fields. */
static const char *const fund_cols[][2] = {
    {"budget_initial", "年初预算数"}, {"budget_full", "全年预算数"},
    {"executed", "全年执行数"},       {"points", "分值"},
    {"rate", "执行率"},               {"score", "得分"}};

/* Column labels of an indicator's fields. */
static const char *const ind_cols[][2] = {
    {"level1", "一级指标"},   {"level2", "二级指标"},
    {"name", "三级指标"},     {"target", "年度指标值"},
    {"actual", "实际完成值"}, {"points", "分值"},
    {"score", "得分"},        {"achievement", "实际完成值"},
    {"deviation", "偏差原因分析及改进措施"}};

/* The place in a 自评表 named by p from segment 2 on (after
 * "unit_sheet" or "project_sheets/k"); form is its name. */
static const char *sheet_place(struct jx_arena *a, const struct jx_sheet *s,
                               bool project, const char *form,
                               const struct ptr *p, size_t at)
{
    /* rows of the printed layout (report.c unit_sheet, project_sheet,
     * goals_and_indicators), 1-based */
    long total = project ? 4 : 3;
    long goals = project ? 8 : 9;
    long ngoals = s->ngoals ? (long)s->ngoals : 1;
    long ind = goals + ngoals + 1; /* the 绩效指标 header row */
    const char *what = seg(p, at);
    if (strcmp(what, "funds") == 0) {
        const char *key = seg(p, at + 1);
        const char *col = lookup(fund_cols, 6, seg(p, at + 2));
        if (strcmp(key, "total") == 0) {
            return jx_sprintf(a, "%s%s", form,
                              row_col(a, total, "（年度资金总额）", col));
        }
        for (int k = 0; k < JX_FUND_COUNT; k++) {
            if (strcmp(jx_fund_key_name((enum jx_fund_key)k), key) != 0) {
                continue;
            }
            long row = -1;
            if (project) {
                row = k == JX_FUND_CURRENT_APPROP ? 5
                      : k == JX_FUND_CARRYOVER    ? 6
                      : k == JX_FUND_OTHER        ? 7
                                                  : -1;
            } else {
                row = k <= JX_FUND_OTHER ? 5 + k
                      : k == JX_FUND_BASIC ? 5
                      : k == JX_FUND_PROJECT ? 6 : -1;
            }
            if (row > 0) {
                return jx_sprintf(
                    a, "%s%s", form,
                    row_col(a, row,
                            jx_sprintf(a, "（%s）",
                                       jx_fund_key_zh((enum jx_fund_key)k)),
                            project ? col : NULL));
            }
        }
        return form;
    }
    if (strcmp(what, "goals") == 0) {
        long i = idx(p, at + 1, s->ngoals);
        if (i >= 0) {
            const char *f = seg(p, at + 2);
            return jx_sprintf(a, "%s%s", form,
                              row_col(a, goals + 1 + i, "（年度总体目标）",
                                      strcmp(f, "expected") == 0 ? "预期目标"
                                      : strcmp(f, "actual") == 0 ? "实际完成情况"
                                                                 : NULL));
        }
        return form;
    }
    if (strcmp(what, "indicators") == 0) {
        long i = idx(p, at + 1, s->nindicators);
        if (i < 0) {
            return form;
        }
        const char *name = s->indicators[i].name.s;
        const char *col = lookup(ind_cols, sizeof ind_cols / sizeof ind_cols[0],
                                 seg(p, at + 2));
        if (col && project && strcmp(col, "得分") == 0) {
            col = "自评得分";
        }
        return jx_sprintf(a, "%s%s", form,
                          row_col(a, ind + 1 + i,
                                  name && *name
                                      ? jx_sprintf(a, "（三级指标“%s”）", name)
                                      : NULL,
                                  col));
    }
    if (strcmp(what, "stated_total") == 0) {
        return jx_sprintf(a, "%s%s", form,
                          row_col(a, ind + 1 + (long)s->nindicators, "（总分）",
                                  project ? "自评得分" : "得分"));
    }
    if (strcmp(what, "name") == 0) {
        return jx_sprintf(a, "%s第 1 行 项目支出名称", form);
    }
    return form;
}

/* ---- the report ---------------------------------------------------------- */

/* The place in the 自评报告 named by p (segments after "report"); loc
 * gives the paragraph when it points into the section's text. */
static const char *report_place(struct jx_arena *a, const struct jx_package *pkg,
                                const struct ptr *p, const struct jx_loc *loc)
{
    const struct jx_report *r = &pkg->report;
    const char *what = seg(p, 1);
    if (strcmp(what, "title") == 0) {
        return "自评报告标题";
    }
    if (strcmp(what, "attachments") == 0) {
        long i = idx(p, 2, r->nattachments);
        return i >= 0 ? jx_sprintf(a, "自评报告附件清单第 %ld 项", i + 1)
                      : "自评报告附件清单";
    }
    if (strcmp(what, "sections") != 0) {
        return "自评报告";
    }
    long i = idx(p, 2, r->nsections);
    if (i < 0) {
        return "自评报告";
    }
    const struct jx_section *s = &r->sections[i];
    const char *part = s->no >= 1 && s->no <= 10
                           ? jx_sprintf(a, "自评报告第%s部分", part_zh[s->no - 1])
                           : "自评报告";
    if (strcmp(seg(p, 3), "title") == 0) {
        return jx_sprintf(a, "%s标题", part);
    }
    const struct jx_prov *pv = s->text.prov;
    if (strcmp(seg(p, 3), "text") != 0 || !pv || !s->text.s || loc->line <= 0 ||
        pv->line <= 0 || loc->line < pv->line ||
        (loc->line == pv->line && loc->col <= pv->col) ||
        (loc->file && pv->file && strcmp(loc->file, pv->file) != 0)) {
        return part;
    }
    /* the paragraph: non-blank lines of the text up to the finding's */
    long want = loc->line - pv->line;
    long para = 0;
    const char *t = s->text.s;
    for (long ln = 0; t && ln <= want; ln++) {
        size_t n = strcspn(t, "\n");
        bool blank = true;
        for (size_t k = 0; k < n; k++) {
            blank = blank && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r');
        }
        para += !blank;
        t = t[n] ? t + n + 1 : NULL;
    }
    return para > 0 ? jx_sprintf(a, "%s第 %ld 段", part, para) : part;
}

/* A place from loc's position in the source alone (no pointer): the
 * report's part and paragraph whose text holds that line, else the line,
 * table row or cell of the source document; NULL when loc has none. */
static const char *source_place(struct jx_arena *a,
                                const struct jx_package *pkg,
                                const struct jx_loc *loc)
{
    const struct jx_report *r = &pkg->report;
    for (size_t i = 0; loc->line > 0 && i < r->nsections; i++) {
        const struct jx_prov *pv = r->sections[i].text.prov;
        const char *t = r->sections[i].text.s;
        if (!pv || !t || pv->line <= 0 || loc->line < pv->line ||
            (loc->file && pv->file && strcmp(loc->file, pv->file) != 0)) {
            continue;
        }
        long lines = 1;
        for (const char *q = t; *q; q++) {
            lines += *q == '\n';
        }
        if (loc->line < pv->line + lines) {
            struct ptr p;
            ptr_parse(a, jx_sprintf(a, "/report/sections/%zu/text", i), &p);
            return report_place(a, pkg, &p, loc);
        }
    }
    if (loc->sheet && loc->cell) {
        return jx_sprintf(a, "工作表“%s”单元格 %s", loc->sheet, loc->cell);
    }
    if (loc->table > 0) {
        return loc->row > 0 ? jx_sprintf(a, "原文表 %d 第 %d 行", loc->table,
                                         loc->row)
                            : jx_sprintf(a, "原文表 %d", loc->table);
    }
    if (loc->line > 0) {
        return jx_sprintf(a, "原文第 %d 行", loc->line);
    }
    return NULL;
}

/* Where loc is, as a reader finds it (report.h). */
const char *jx_report_place(struct jx_arena *a, const struct jx_package *pkg,
                            const struct jx_loc *loc)
{
    struct ptr p;
    if (!pkg || !loc) {
        return NULL;
    }
    if (!ptr_parse(a, loc->path, &p)) {
        return source_place(a, pkg, loc);
    }
    const char *top = seg(&p, 0);
    if (strcmp(top, "base_sheet") == 0) {
        return base_place(a, pkg, &p);
    }
    if (strcmp(top, "unit_sheet") == 0) {
        return sheet_place(a, &pkg->unit_sheet, false,
                           "附件2《整体支出绩效自评表》", &p, 1);
    }
    if (strcmp(top, "project_sheets") == 0) {
        long k = idx(&p, 1, pkg->nproject_sheets);
        if (k < 0) {
            return "附件3《项目支出绩效自评表》";
        }
        const struct jx_sheet *s = &pkg->project_sheets[k];
        const char *form = jx_sprintf(
            a, "附件3%s《项目支出绩效自评表》%s",
            k ? jx_sprintf(a, "（%ld）", k + 1) : "",
            s->name.s && *s->name.s ? jx_sprintf(a, "（%s）", s->name.s) : "");
        return sheet_place(a, s, true, form, &p, 2);
    }
    if (strcmp(top, "report") == 0) {
        return report_place(a, pkg, &p, loc);
    }
    if (strcmp(top, "contacts") == 0) {
        static const char *const ct[][2] = {{"preparer", "填表人"},
                                            {"phone", "联系电话"},
                                            {"head", "单位负责人"},
                                            {"date", "填报日期"}};
        const char *c = lookup(ct, 4, seg(&p, 1));
        return jx_sprintf(a, "附件1《基础数据表》表下%s", c ? c : "填表信息");
    }
    if (strcmp(top, "submission") == 0) {
        static const char *const sb[][2] = {{"submitted", "报送日期"},
                                            {"published", "公开日期"},
                                            {"materials", "报送材料"}};
        const char *c = lookup(sb, 3, seg(&p, 1));
        return c ? c : "报送情况";
    }
    if (strcmp(top, "goal_sheet") == 0) {
        long i = strcmp(seg(&p, 1), "tasks") == 0
                     ? idx(&p, 2, pkg->goal_sheet.ntasks)
                     : -1;
        return i >= 0
                   ? jx_sprintf(a, "《部门整体支出绩效目标完成情况自评表》年度主要任务第 %ld 项",
                                i + 1)
                   : "《部门整体支出绩效目标完成情况自评表》";
    }
    if (strcmp(top, "dept_scoring") == 0 || strcmp(top, "assessment") == 0) {
        const struct jx_rubric *rb = strcmp(top, "assessment") == 0
                                         ? &pkg->assessment
                                         : &pkg->dept_scoring;
        const char *form = strcmp(top, "assessment") == 0
                               ? "《考核评分表》"
                               : "《部门整体支出绩效评分表》";
        long i = strcmp(seg(&p, 1), "rows") == 0 ? idx(&p, 2, rb->nrows) : -1;
        return i >= 0 ? jx_sprintf(a, "%s第 %ld 项", form, i + 1) : form;
    }
    if (strcmp(top, "unit") == 0 || strcmp(top, "year") == 0) {
        return "单位信息";
    }
    return NULL;
}
