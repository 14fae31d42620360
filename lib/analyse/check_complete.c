/*
 * check_complete.c - family C6: completeness (docs/checks.md, C6).
 *
 * Report sections missing from the standard outline (rules §5.3), forms
 * named in the report's attachment list but not in the package, forms
 * handed in as blank templates (the recogniser's I405 marks them: a
 * material handed in with no sheet made), a project sheet missing while
 * the unit reports project spending, and required cells the scorer does
 * not already report (unit name, year, budget, executed and points are
 * I410/I411/J104, S103 and S212).
 */
#include "analyse/check_family.h"
#include "jixiao/check.h"
#include "jixiao/facts.h"

#include <string.h>

/* Chinese numerals of the sections 一 … 十. */
static const char *const numerals[] = {"一", "二", "三", "四", "五",
                                       "六", "七", "八", "九", "十"};

/* True when t holds some text. */
static bool has(const struct jx_text *t)
{
    return t->s && t->s[0];
}

/* The outlines a self-evaluation report follows, by document kind and
 * form family (docs/checks.md, C601):
 *   - the Hunan ten parts of a 整体 自评报告 (rules §5.3), numbered;
 *   - the Shenzhen 部门整体绩效评价报告, four parts, numbered (seed 002);
 *   - a 项目 自评报告: no prescribed numbering, so its parts are topics
 *     found in any section title (基本情况, 绩效 or 目标 完成情况, 问题,
 *     改进措施 or 建议), the parts every project self-evaluation report
 *     covers whatever its region's template calls them.
 * words[k]: '|'-separated words, any of which in a section title shows
 * that part. */
struct outline {
    bool numbered;            /* parts checked by their number 一 … */
    int n;                    /* parts */
    const char *titles[10];   /* each part's standard title */
    const char *words[10];
};

static const struct outline hunan_unit = {
    true, 10,
    {"单位基本情况", "一般公共预算支出情况", "政府性基金预算支出情况",
     "国有资本经营预算支出情况", "社会保险基金预算支出情况",
     "单位整体支出绩效情况", "存在的问题及原因分析", "下一步改进措施",
     "绩效自评结果拟应用和公开情况", "其他需要说明的情况"},
    {0}};

static const struct outline shenzhen_unit = {
    true, 4,
    {"部门基本情况", "部门主要履职绩效分析", "总体评价和整改措施",
     "部门整体支出绩效评价指标评分情况"},
    {0}};

static const struct outline project_report = {
    false, 4,
    {"项目基本情况", "绩效目标完成情况", "存在的问题及原因分析",
     "改进措施和建议"},
    {"基本情况|概况|项目情况", "绩效|目标|完成情况|自评结果", "问题",
     "措施|建议|下一步|改进|打算"}};

/* True when the report follows the Shenzhen 部门整体绩效评价报告 outline
 * (seed 002: 一、部门基本情况 … 四、), not the ten-section one. */
static bool shenzhen_layout(const struct jx_report *r)
{
    if (has(&r->title) && strstr(r->title.s, "绩效评价报告") &&
        !strstr(r->title.s, "自评报告")) {
        return true;
    }
    return r->nsections > 0 && has(&r->sections[0].title) &&
           strstr(r->sections[0].title.s, "部门基本情况") != NULL;
}

/* True when the report is a project's (项目) self-evaluation report: its
 * title names a 项目 and not the unit's whole spending (整体/部门整体). */
static bool project_layout(const struct jx_report *r)
{
    return has(&r->title) && strstr(r->title.s, "项目") &&
           !strstr(r->title.s, "整体");
}

/* The outline the report is held to. */
static const struct outline *report_outline(const struct jx_report *r)
{
    if (project_layout(r)) {
        return &project_report;
    }
    return shenzhen_layout(r) ? &shenzhen_unit : &hunan_unit;
}

/* True when one of the '|'-separated words of list occurs in s. */
static bool any_word(const char *s, const char *list)
{
    while (*list) {
        const char *bar = strchr(list, '|');
        size_t n = bar ? (size_t)(bar - list) : strlen(list);
        char w[64];
        if (n > 0 && n < sizeof w) {
            memcpy(w, list, n);
            w[n] = '\0';
            if (strstr(s, w)) {
                return true;
            }
        }
        list += n + (bar != NULL);
    }
    return false;
}

/* True when s ends with the UTF-8 text t. */
static bool ends_with(const char *s, size_t n, const char *t)
{
    size_t k = strlen(t);
    return n >= k && memcmp(s + n - k, t, k) == 0;
}

/* True when a section's content is a form rather than prose (四、…评分
 * 情况 before the 评分表), so a bare heading is not a part left empty. */
static bool form_section(const struct jx_package *p, const struct jx_section *s)
{
    return has(&s->title) &&
           (strstr(s->title.s, "评分") || strstr(s->title.s, "表")) &&
           (p->dept_scoring.present || p->assessment.present ||
            p->has_goal_sheet || p->has_unit_sheet);
}

/* True when a line of n bytes ends a sentence, a date (…日, …月) or a
 * signature (a unit's name), as the last line of a whole report does. */
static bool line_ends(const char *t, size_t n)
{
    static const char *const enders[] = {
        "。", "！", "？", "；", ".", "!", "?", ";", "…", "）", ")",
        "”", "\"", "」", "』", "日", "月", "局", "院", "中心", "政府",
        "委员会", "办公室", "站", "所", "处", "队", "会", "部", "厅", "委"};
    for (size_t i = 0; i < sizeof enders / sizeof enders[0]; i++) {
        if (ends_with(t, n, enders[i])) {
            return true;
        }
    }
    return false;
}

/* True when the report visibly stops part-way — an excerpt, or a file cut
 * off: its last line (at least 12 characters) ends inside a sentence
 * rather than with sentence punctuation, a date or a signature; or it
 * ends in three or more short unpunctuated lines (the cells of a table
 * cut off); or its last section is a bare heading that is neither 其他
 * (often left empty), nor a form's heading, nor followed by an
 * attachment list.  *tail gets the last characters, for the message
 * (arena c->arena). */
static bool cut_off(struct jx_check_ctx *c, const struct jx_report *r,
                    const char **tail)
{
    *tail = "";
    if (r->nsections == 0) {
        return false;
    }
    const struct jx_section *s = &r->sections[r->nsections - 1];
    if (!has(&s->text)) {
        return r->nattachments == 0 && !form_section(c->pkg, s) &&
               !(has(&s->title) && strstr(s->title.s, "其他"));
    }
    const char *t = s->text.s;
    size_t n = strlen(t);
    while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n' ||
                     t[n - 1] == '\r' || t[n - 1] == '\t')) {
        n--;
    }
    while (n >= 3 && memcmp(t + n - 3, "\xe3\x80\x80", 3) == 0) {
        n -= 3; /* ideographic spaces */
    }
    size_t line = n;
    while (line > 0 && t[line - 1] != '\n') {
        line--;
    }
    if (line_ends(t, n)) {
        return false;
    }
    if (jx_utf8_count(t + line, n - line) < 12) {
        /* short: a cut table when the lines before it are short and
           unpunctuated too */
        int cells = 0;
        size_t end = n;
        while (end > 0 && cells < 3) {
            size_t st = end;
            while (st > 0 && t[st - 1] != '\n') {
                st--;
            }
            size_t e = end;
            while (e > st && (t[e - 1] == ' ' || t[e - 1] == '\r' ||
                              t[e - 1] == '\t')) {
                e--;
            }
            if (e > st) {
                if (jx_utf8_count(t + st, e - st) >= 20 ||
                    line_ends(t + st, e - st)) {
                    break;
                }
                cells++;
            }
            end = st > 0 ? st - 1 : 0;
            if (st == 0) {
                break;
            }
        }
        if (cells < 3) {
            return false;
        }
    }
    size_t from = n;
    for (int k = 0; k < 12 && from > 0; k++) {
        do {
            from--;
        } while (from > 0 && ((unsigned char)t[from] & 0xC0) == 0x80);
    }
    char *tl = jx_strndup(c->arena, t + from, n - from);
    for (char *q = tl; *q; q++) {
        if (*q == '\n' || *q == '\r') {
            *q = ' '; /* one line in the message */
        }
    }
    *tail = tl;
    return true;
}

/* C601: parts of the report's outline missing; C608 instead when the
 * report visibly stops part-way (one note, no list of missing parts). */
static void sections(struct jx_check_ctx *c)
{
    const struct jx_report *r = &c->pkg->report;
    if (!r->present || r->nsections == 0) {
        return;
    }
    const char *tail;
    if (cut_off(c, r, &tail)) {
        const struct jx_section *s = &r->sections[r->nsections - 1];
        jx_check_report(
            c, "C608", JX_SEV_NOTE, has(&s->text) ? s->text.prov : s->title.prov,
            jx_sprintf(c->arena, "/report/sections/%zu", r->nsections - 1),
            "自评报告在第 %zu 个部分“%s”%s处中断，可能是节选或文件不完整；"
            "未检查缺少哪些部分",
            r->nsections, has(&s->title) ? s->title.s : "",
            tail[0] ? jx_sprintf(c->arena, "的“…%s”", tail) : "的标题");
        return;
    }
    const struct outline *o = report_outline(r);
    bool seen[11] = {false};
    for (size_t i = 0; i < r->nsections; i++) {
        const struct jx_section *s = &r->sections[i];
        if (o->numbered) {
            if (s->no >= 1 && s->no <= o->n) {
                seen[s->no] = true;
            }
            continue;
        }
        for (int k = 0; k < o->n; k++) {
            seen[k + 1] = seen[k + 1] ||
                          (has(&s->title) && any_word(s->title.s, o->words[k]));
        }
    }
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    int n = 0;
    for (int k = 1; k <= o->n; k++) {
        if (seen[k]) {
            continue;
        }
        if (n) {
            jx_buf_adds(&b, "、");
        }
        if (o->numbered) {
            jx_buf_addf(&b, "%s、%s", numerals[k - 1], o->titles[k - 1]);
        } else {
            jx_buf_adds(&b, o->titles[k - 1]);
        }
        n++;
    }
    if (n && o->numbered) {
        jx_check_report(c, "C601", JX_SEV_WARNING, r->title.prov,
                        "/report/sections",
                        "自评报告缺少 %d 个部分：%s（共 %zu 个部分，"
                        "应有 %d 个）",
                        n, b.p, r->nsections, o->n);
    } else if (n) {
        jx_check_report(c, "C601", JX_SEV_WARNING, r->title.prov,
                        "/report/sections",
                        "项目支出绩效自评报告没有写到：%s（各部分标题中都没有；"
                        "项目自评报告应写明项目基本情况、绩效目标完成情况、"
                        "存在的问题及原因分析、改进措施和建议）",
                        b.p);
    }
    jx_buf_release(&b);
}

/* Whether a material was handed in: a sheet made, or listed. */
static bool handed_in(const struct jx_package *p, enum jx_material m)
{
    if (p->submission.materials_present && p->submission.materials[m]) {
        return true;
    }
    switch (m) {
    case JX_MAT_REPORT:
        return p->report.present;
    case JX_MAT_BASE_SHEET:
        return jx_base_handed_in(p);
    case JX_MAT_UNIT_SHEET:
        return p->has_unit_sheet;
    case JX_MAT_PROJECT_SHEETS:
        return p->nproject_sheets > 0;
    case JX_MAT_COUNT:
        break;
    }
    return false;
}

/* The project spending the unit reports (base sheet 项目支出 本年决算数,
 * else the unit sheet's 项目支出 全年执行数); false when none above 0. */
static bool project_spending(const struct jx_package *p,
                             const struct jx_amt **out, const char **path)
{
    const struct jx_amt *a = &p->base.project.final;
    if (p->base.present && a->present && a->v.fen > 0) {
        *out = a;
        *path = "/base_sheet/project/final";
        return true;
    }
    a = &p->unit_sheet.funds[JX_FUND_PROJECT].executed;
    if (p->has_unit_sheet && a->present && a->v.fen > 0) {
        *out = a;
        *path = "/unit_sheet/funds/project/executed";
        return true;
    }
    return false;
}

/* The material an attachment name stands for, or JX_MAT_COUNT. */
static enum jx_material attachment_material(const char *s)
{
    if (strstr(s, "基础数据表")) {
        return JX_MAT_BASE_SHEET;
    }
    if (strstr(s, "项目支出绩效自评表")) {
        return JX_MAT_PROJECT_SHEETS;
    }
    if (strstr(s, "整体支出绩效自评表")) {
        return JX_MAT_UNIT_SHEET;
    }
    return JX_MAT_COUNT;
}

/* C602 (attachments named but not in the package), C603 (a form handed
 * in as a blank template), C604 (no project sheet at all while the unit
 * reports project spending). */
static void materials(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    const struct jx_amt *spend = NULL;
    const char *spend_path = NULL;
    bool spends = project_spending(p, &spend, &spend_path);
    char buf[JX_NUM_BUFSZ];
    enum jx_money_unit unit =
        spend_path && spend_path[1] == 'b' ? p->base.unit : p->unit_sheet.unit;

    /* C603: blank templates (listed as handed in, no sheet made) */
    if (p->submission.materials_present &&
        p->submission.materials[JX_MAT_UNIT_SHEET] && !p->has_unit_sheet) {
        jx_check_report(c, "C603", JX_SEV_WARNING, NULL,
                        "/submission/materials",
                        "整体支出绩效自评表是未填写的空白模板，没有任何数据");
    }
    bool project_blank = p->submission.materials_present &&
                         p->submission.materials[JX_MAT_PROJECT_SHEETS] &&
                         p->nproject_sheets == 0;
    if (project_blank && spends) {
        jx_check_report(c, "C603", JX_SEV_WARNING, spend->prov, spend_path,
                        "项目支出绩效自评表是未填写的空白模板，"
                        "而本单位有项目支出 %s%s",
                        jx_money_format_exact(spend->v, unit, buf),
                        jx_money_unit_name(unit));
    }
    const struct jx_report *r = &p->report;
    bool listed = false;
    for (size_t i = 0; i < r->nattachments; i++) {
        listed = listed || (has(&r->attachments[i]) &&
                            attachment_material(r->attachments[i].s) ==
                                JX_MAT_PROJECT_SHEETS);
    }
    bool project_none = !handed_in(p, JX_MAT_PROJECT_SHEETS);
    if (project_none && spends) {
        jx_check_report(c, "C604", listed ? JX_SEV_WARNING : JX_SEV_NOTE,
                        spend->prov, spend_path,
                        "本单位有项目支出 %s%s，但没有报送项目支出绩效自评表%s",
                        jx_money_format_exact(spend->v, unit, buf),
                        jx_money_unit_name(unit),
                        listed ? "（自评报告附件列有此表）" : "");
    }

    /* C602: the attachment list names forms the package does not have */
    bool named[JX_MAT_COUNT] = {false};
    const struct jx_prov *first = NULL;
    size_t first_i = 0;
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    int n = 0;
    for (size_t i = 0; i < r->nattachments; i++) {
        if (!has(&r->attachments[i])) {
            continue;
        }
        enum jx_material m = attachment_material(r->attachments[i].s);
        if (m == JX_MAT_COUNT || named[m] || handed_in(p, m) ||
            (m == JX_MAT_PROJECT_SHEETS && spends)) {
            continue; /* project sheets with spending: C604 */
        }
        named[m] = true;
        if (!n) {
            first = r->attachments[i].prov;
            first_i = i;
        }
        if (n) {
            jx_buf_adds(&b, "、");
        }
        jx_buf_addf(&b, "%s", r->attachments[i].s);
        n++;
    }
    if (n) {
        jx_check_report(c, "C602", JX_SEV_WARNING, first,
                        jx_sprintf(c->arena, "/report/attachments/%zu",
                                   first_i),
                        "自评报告附件列有 %d 张表，材料中没有：%s", n, b.p);
    }
    jx_buf_release(&b);
}

/* Append the empty columns of a base-sheet cost row to b ("三公经费（上年
 * 决算数、本年预算数）"); counts the row in *n. */
static void empty_cost(struct jx_buf *b, size_t *n, const char *label,
                       const struct jx_cost *k)
{
    const struct jx_amt *col[3] = {&k->prev_final, &k->budget, &k->final};
    static const char *const zh[3] = {"上年决算数", "本年预算数", "本年决算数"};
    if (k->unread) {
        return; /* seen but not read (I416): unknown, not blank */
    }
    int empty = 0;
    for (int i = 0; i < 3; i++) {
        empty += !col[i]->present;
    }
    if (!empty) {
        return;
    }
    (*n)++;
    if (*n > 12) {
        return;
    }
    jx_buf_addf(b, "%s%s", *n > 1 ? "、" : "", label);
    if (empty < 3) {
        jx_buf_adds(b, "（");
        for (int i = 0, k2 = 0; i < 3; i++) {
            if (!col[i]->present) {
                jx_buf_addf(b, "%s%s", k2++ ? "、" : "", zh[i]);
            }
        }
        jx_buf_adds(b, "）");
    }
}

/* C606: required cells of the 基础数据表 left empty, and report sections
 * with a title and no text (not one whose content is a form: 四、…评分情况
 * followed by the 评分表). */
static void empty_cells(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    const struct jx_base_sheet *bs = &p->base;
    if (jx_base_handed_in(p)) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 14);
        size_t n = 0;
        if (!bs->authorized.present) {
            jx_buf_addf(&b, "%s编制数", n++ ? "、" : "");
        }
        if (!bs->actual.present) {
            jx_buf_addf(&b, "%s实际在职人数", n++ ? "、" : "");
        }
        if (!bs->control_rate.present) {
            jx_buf_addf(&b, "%s控制率", n++ ? "、" : "");
        }
        const struct {
            const char *label;
            const struct jx_cost *k;
        } rows[] = {{"三公经费", &bs->three_public},
                    {"公务用车购置和维护经费", &bs->vehicle},
                    {"出国经费", &bs->overseas},
                    {"公务接待", &bs->reception},
                    {"项目支出", &bs->project},
                    {"公用经费", &bs->public_funds},
                    {"政府采购金额", &bs->procurement},
                    {"部门基本支出预算调整", &bs->basic_adjustment}};
        for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
            empty_cost(&b, &n, rows[i].label, rows[i].k);
        }
        if (n) {
            jx_check_report(c, "C606", JX_SEV_WARNING, NULL, "/base_sheet",
                            "基础数据表有 %zu 处必填内容空白：%s%s", n, b.p,
                            n > 12 ? "等" : "");
        }
        jx_buf_release(&b);
    }
    const char *tail;
    size_t upto = p->report.nsections;
    if (upto > 0 && cut_off(c, &p->report, &tail)) {
        upto--; /* a bare last heading: C608's, not a part left empty */
    }
    for (size_t i = 0; i < upto; i++) {
        const struct jx_section *s = &p->report.sections[i];
        bool table = form_section(p, s);
        if (!has(&s->text) && s->no >= 1 && s->no <= 10 && !table) {
            jx_check_report(
                c, "C606", s->no == 10 ? JX_SEV_NOTE : JX_SEV_WARNING,
                s->title.prov,
                jx_sprintf(c->arena, "/report/sections/%zu/text", i),
                "自评报告第%s部分“%s”只有标题，没有内容",
                numerals[s->no - 1], has(&s->title) ? s->title.s : "");
        }
    }
}

/* C605: a project sheet without its 项目名称; C606 (empty_cells). */
static void required_cells(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    empty_cells(c);
    for (size_t i = 0; i < p->nproject_sheets; i++) {
        if (!has(&p->project_sheets[i].name) &&
            !p->project_sheets[i].rows_unread) { /* excerpt: unknown */
            jx_check_report(c, "C605", JX_SEV_WARNING, NULL,
                            jx_sprintf(c->arena, "/project_sheets/%zu/name",
                                       i),
                            "第 %zu 张项目支出绩效自评表没有填写项目名称",
                            i + 1);
        }
    }
}

/* C607: section 六 (单位整体支出绩效情况) written without a single figure
 * — no amount, no rate, no score: a performance section that reports no
 * performance (the Hunan outline only; a 深圳 report's 六 is not this). */
static void figureless_performance(struct jx_check_ctx *c)
{
    const struct jx_report *r = &c->pkg->report;
    const char *tail;
    if (!r->present || report_outline(r) != &hunan_unit) {
        return;
    }
    size_t upto = r->nsections;
    if (upto > 0 && cut_off(c, r, &tail)) {
        upto--; /* the text of a part cut off is not all there */
    }
    for (size_t i = 0; i < upto; i++) {
        const struct jx_section *s = &r->sections[i];
        if (s->no != 6 || !has(&s->text)) {
            continue;
        }
        const struct jx_facts *fs = jx_check_facts(c);
        for (size_t k = 0; k < fs->n; k++) {
            if (fs->a[k].section == 6 &&
                (fs->a[k].kind == JX_FACT_MONEY ||
                 fs->a[k].kind == JX_FACT_PERCENT)) {
                return;
            }
        }
        if (strstr(s->text.s, "分")) {
            /* a score such as "自评得分 94.87 分" */
            for (const char *p = s->text.s; *p; p++) {
                if (*p >= '0' && *p <= '9' &&
                    strncmp(p + 1, "分", strlen("分")) == 0) {
                    return;
                }
            }
        }
        jx_check_report(c, "C607", JX_SEV_WARNING, s->text.prov,
                        jx_sprintf(c->arena, "/report/sections/%zu/text", i),
                        "自评报告第六部分“%s”没有任何数据（金额、执行率、得分），"
                        "没有说明整体支出的绩效情况",
                        has(&s->title) ? s->title.s : "单位整体支出绩效情况");
    }
}

/* Family C6. */
void jx_check_complete(struct jx_check_ctx *c)
{
    sections(c);
    figureless_performance(c);
    materials(c);
    required_cells(c);
}
