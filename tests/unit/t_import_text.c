/*
 * t_import_text.c - tests of the text importer: decoding (UTF-8, BOM,
 * GB18030, line ends), paragraphs, table recovery in every layout (the
 * seeds and small hand-made samples), the repairs of PDF text, truncated
 * tables and limits.
 */
#include "harness.h"

#include <dirent.h>
#include <stdlib.h>

#include "jixiao/import.h"
#include "import/import_formats.h"
#include "gen_layout.h"
#include "jixiao/pkgjson.h"
#include "import/import_text.h"

/* The default limits. */
static void limits(struct jx_limits *l)
{
    jx_limits_default(l);
}

/* Stand-ins for what a failing case does not find, so that checks on
 * them fail instead of crashing. */
static struct jx_doc empty_doc;
static const struct jx_doc_table empty_table;
static const struct jx_diag empty_diag = {"", JX_SEV_NOTE, {0}, "", NULL};
static const struct jx_prov empty_prov;

/* Import s[0..n) as "t.txt" with the default limits (an empty document
 * when the import fails). */
static struct jx_doc *imp_n(struct jx_arena *a, const char *s, size_t n,
                            struct jx_diags *d)
{
    struct jx_limits l;
    limits(&l);
    struct jx_doc *doc = jx_import_text(a, "t.txt", s, n, &l, d);
    if (!doc) {
        jx_test_fail(__FILE__, __LINE__, "import failed");
        return &empty_doc;
    }
    return doc;
}

/* Import the NUL-terminated s. */
static struct jx_doc *imp(struct jx_arena *a, const char *s,
                          struct jx_diags *d)
{
    return imp_n(a, s, strlen(s), d);
}

/* Number of tables of a document. */
static int ntables(const struct jx_doc *d)
{
    int n = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        n += d->blocks[i].kind == JX_DOC_TABLE;
    }
    return n;
}

/* Number of paragraphs of a document. */
static int nparas(const struct jx_doc *d)
{
    int n = 0;
    for (size_t i = 0; i < d->nblocks; i++) {
        n += d->blocks[i].kind == JX_DOC_PARA;
    }
    return n;
}

/* The n-th table (1-based), or an empty one. */
static const struct jx_doc_table *table(const struct jx_doc *d, int n)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        if (d->blocks[i].kind == JX_DOC_TABLE && --n == 0) {
            return d->blocks[i].table;
        }
    }
    jx_test_fail(__FILE__, __LINE__, "no table %d", n);
    return &empty_table;
}

/* Where the n-th paragraph (1-based) starts. */
static const struct jx_prov *para_prov(const struct jx_doc *d, int n)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        if (d->blocks[i].kind == JX_DOC_PARA && --n == 0) {
            return &d->blocks[i].para.prov;
        }
    }
    return &empty_prov;
}

/* The n-th paragraph's text (1-based), or "". */
static const char *para(const struct jx_doc *d, int n)
{
    for (size_t i = 0; i < d->nblocks; i++) {
        if (d->blocks[i].kind == JX_DOC_PARA && --n == 0) {
            return d->blocks[i].para.text;
        }
    }
    return "";
}

/* Diagnostics with code. */
static int ndiag(const struct jx_diags *d, const char *code)
{
    int n = 0;
    for (size_t i = 0; i < d->n; i++) {
        n += strcmp(d->a[i].code, code) == 0;
    }
    return n;
}

/* The first diagnostic with code, or an empty one. */
static const struct jx_diag *diag_of(const struct jx_diags *d,
                                     const char *code)
{
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            return &d->a[i];
        }
    }
    return &empty_diag;
}

/* Check the cell at (r, c) of t: its text and, when line > 0, where it
 * comes from. */
static void cell_is(const struct jx_doc_table *t, int r, int c,
                    const char *text, int line, int col, int at)
{
    const struct jx_doc_cell *x = jx_doc_cell_at(t, r, c);
    const char *got = jx_doc_text_at(t, r, c);
    if (strcmp(got, text) != 0) {
        jx_test_fail(__FILE__, at, "T%d (%d,%d): expected \"%s\", got \"%s\"",
                     t->index, r, c, text, got);
        return;
    }
    if (line > 0 && !x) {
        jx_test_fail(__FILE__, at, "T%d (%d,%d): no cell", t->index, r, c);
    } else if (line > 0 && (jx_doc_cell_where(t, x).line != line ||
                             jx_doc_cell_where(t, x).lcol != col)) {
        jx_test_fail(__FILE__, at, "T%d (%d,%d) \"%s\": expected %d:%d, got %d:%d",
                     t->index, r, c, text, line, col, jx_doc_cell_where(t,
                                                                        x).line,
                     jx_doc_cell_where(t, x).lcol);
    }
}
#define CELL(t, r, c, text, line, col) cell_is(t, r, c, text, line, col, __LINE__)

/* Read the seed whose name starts with prefix (malloc'd), or NULL when
 * the seeds are not there. */
static char *seed(const char *prefix, size_t *len)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/../shared/seeds", jx_test_srcdir);
    DIR *dp = opendir(dir);
    if (!dp) {
        return NULL;
    }
    char *data = NULL;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) {
            char path[8192];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            if (jx_read_file(path, 1u << 24, &data, len) < 0) {
                data = NULL;
            }
            break;
        }
    }
    closedir(dp);
    return data;
}

/* Import a seed; NULL (with a skip note) when the seeds are absent. */
static struct jx_doc *imp_seed(struct jx_arena *a, const char *prefix,
                               struct jx_diags *d)
{
    size_t len = 0;
    char *data = seed(prefix, &len);
    if (!data) {
        jx_test_skip("seeds not found at JX_SRCDIR/../shared/seeds");
        return NULL;
    }
    struct jx_doc *doc = imp_n(a, data, len, d);
    free(data);
    return doc;
}

/* ---- seeds ---------------------------------------------------------------- */

/* Seed 003: three tables of one cell per line with tab indentation; the
 * funds row, the indicator rows and the base sheet read cell by cell. */
static void seed_003(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = imp_seed(a, "003_", &d);
    if (!doc) {
        jx_diags_release(&d);
        jx_arena_free(a);
        return;
    }
    CHECK_INT(d.n, 0);
    CHECK_INT(ntables(doc), 3);
    const struct jx_doc_table *t1 = table(doc, 1);
    const struct jx_doc_table *t2 = table(doc, 2);
    const struct jx_doc_table *t3 = table(doc, 3);
    CHECK_INT(t1->nrows, 26);
    CHECK_INT(t1->ncols, 7);
    CELL(t1, 0, 1, "岳阳市岳阳楼区梅溪街道办事处", 5, 2);
    CELL(t1, 2, 1, "106", 13, 2);
    CELL(t1, 2, 2, "106", 14, 2);
    CELL(t1, 2, 3, "100%", 15, 2);
    CELL(t1, 17, 0, "公用经费", 87, 2);
    CELL(t1, 17, 1, "3363.56", 88, 2);
    CELL(t1, 17, 2, "192.6", 89, 2);
    CELL(t1, 17, 3, "606.11", 90, 2);
    CELL(t1, 18, 1, "", 93, 2);
    CELL(t1, 18, 2, "11.31", 94, 2);
    /* a cell going on without the tab, and words split over lines */
    CELL(t1, 23, 0, "楼堂馆所控制情况\n(2024年完工项目)", 117, 2);
    CELL(t1, 23, 2, "实际规\n模(m²)", 121, 2);
    CELL(t1, 23, 6, "投资概\n算控制\n率", 129, 2);
    CHECK(!t1->truncated);

    CHECK_INT(t2->nrows, 28);
    CHECK_INT(t2->ncols, 9);
    CELL(t2, 0, 0, "预算单位名称", 150, 2); /* "预算单位 名称" */
    CELL(t2, 1, 0, "年度预\n算申请\n(万元)", 154, 1);
    CELL(t2, 1, 2, "年初预算数", 158, 2);
    CELL(t2, 2, 1, "年度资金总额", 166, 2);
    CELL(t2, 2, 2, "2402.15", 167, 2);
    CELL(t2, 2, 3, "3911.21", 168, 2);
    CELL(t2, 2, 4, "1902.68", 169, 2);
    CELL(t2, 2, 5, "10", 170, 2);
    CELL(t2, 2, 6, "48.65%", 171, 2);
    CELL(t2, 2, 7, "4.87", 172, 2);
    CELL(t2, 7, 1, "其他资金：530.81", 191, 2);
    /* the goals row, split by a blank line, is one row again */
    CELL(t2, 9, 0, "", 198, 2);
    CHECK(strncmp(jx_doc_text_at(t2, 9, 1), "1、 致力务实担当", 20) == 0);
    CHECK(strncmp(jx_doc_text_at(t2, 9, 2), "1、 聚焦", 10) == 0);
    CELL(t2, 10, 0, "绩效指标", 210, 1);
    CELL(t2, 10, 8, "偏差原因分析\n及改进措施", 218, 2);
    /* the 16 indicator rows: name in column 3, points and score in 6, 7 */
    static const char *const names[16] = {
        "全年在区级及以上媒体上稿篇数", "服务辖区旧改、配套项目完成数",
        "城乡居民医保征缴参保率", "辖区重点税源企业纳税金额",
        "环境整治次数", "党建学习组织成员覆盖率", "安全生产覆盖率",
        "民生工程项目完成率", "全年各项计划工作的开展与落实",
        "全年经费开支", "大力推进湘商回归，全力以赴抓经济、稳增长",
        "组织“就业政策宣传进社区”活动，增加就业机会。",
        "社会保障逐步完善，提升群众的安全感、幸福感",
        "环卫整治成效显著，生态治理持续优化，市容市貌焕新提质，提升辖区居民人居环境质量",
        "社会大局稳定、居民安居乐业", "辖区老百姓满意度",
    };
    static const char *const points[16] = {"4", "4", "4", "4", "4", "3",
                                           "4", "3", "10", "10", "5", "5",
                                           "10", "5", "5", "10"};
    for (int i = 0; i < 16; i++) {
        CELL(t2, 11 + i, 3, names[i], 0, 0);
        CELL(t2, 11 + i, 6, points[i], 0, 0);
        CELL(t2, 11 + i, 7, points[i], 0, 0);
    }
    CELL(t2, 11, 1, "产出指标\n(50分)", 226, 1);
    CELL(t2, 11, 2, "数量指标", 228, 2);
    CELL(t2, 11, 4, "≧100篇", 230, 2);
    CELL(t2, 11, 5, "160篇", 231, 2);
    CELL(t2, 20, 4, "预算金额≤1902.68万元", 320, 2);
    CELL(t2, 20, 5, "1902.68万", 321, 2);
    CELL(t2, 21, 1, "效益指标\n(30分)", 331, 1);
    CELL(t2, 21, 2, "经济效\n益指标", 333, 2);
    CELL(t2, 26, 1, "满意度\n指标\n(10分)", 386, 2);
    CELL(t2, 26, 4, "≧95%", 393, 2);
    CELL(t2, 26, 5, "98%", 394, 2);
    /* the total row: "[image: ]" dropped, 100 and the stated 94.87 */
    CELL(t2, 27, 0, "", 399, 2);
    CELL(t2, 27, 1, "100", 400, 2);
    CELL(t2, 27, 2, "94.87", 401, 2);

    CHECK_INT(t3->nrows, 38);
    CELL(t3, 0, 1, "/", 410, 2);
    CELL(t3, 3, 5, "10", 432, 2);
    /* three pieces "→ → 产出指标 (50分) → 数量指标" + six empty cells */
    CELL(t3, 10, 1, "产出指标\n(50分)", 491, 1);
    CELL(t3, 10, 2, "数量指标", 493, 2);
    CELL(t3, 10, 8, "", 500, 2);
    CELL(t3, 12, 3, "……", 515, 2);
    CELL(t3, 37, 0, "总分", 779, 2);
    CELL(t3, 37, 1, "100", 780, 2);
    /* the report's paragraphs, numbered as written */
    bool seen = false;
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jx_doc_block *b = &doc->blocks[i];
        if (b->kind == JX_DOC_PARA &&
            strcmp(b->para.text, "一般公共预算项目支出2024年度总支出2.32万元。") == 0) {
            seen = true; /* "[bookmark: _GoBack]" dropped */
            CHECK_INT(b->para.prov.line, 852);
            CHECK_INT(b->para.prov.col, 1);
            CHECK_INT(b->para.heading, 0);
        }
    }
    CHECK(seen);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Seed 002: PDF text.  The task rows with their four amounts in 元 (the
 * split numbers of the total repaired), the indicator rows lined up,
 * and the 21 rows of the 部门整体支出绩效评分表. */
static void seed_002(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = imp_seed(a, "002_", &d);
    if (!doc) {
        jx_diags_release(&d);
        jx_arena_free(a);
        return;
    }
    CHECK_INT(ntables(doc), 2);
    CHECK_INT(ndiag(&d, "I109"), 4);
    CHECK_INT(d.n, 4);
    const struct jx_diag *e = diag_of(&d, "I109");
    CHECK_INT(e->loc.line, 246);
    CHECK_INT(e->loc.col, 7);
    CHECK_STR(e->msg, "数字“5,950,600. 00”中有多余的空格或小数点，读作 5,950,600.00");
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 35);
    CHECK_INT(t->ncols, 8);
    CELL(t, 1, 1, "深圳市盐田区社区网格管理中心", 232, 10);
    CELL(t, 1, 5, "2023", 232, 32);
    CELL(t, 2, 3, "完成情况", 233, 25); /* "完成情 况" */
    /* the five tasks: amounts in columns 4..7 */
    static const char *const amounts[5][4] = {
        {"450,000.00", "450,000.00", "450,000.00", "450,000.00"},
        {"100,000.00", "100,000.00", "99,352.00", "99,352.00"},
        {"300,000.00", "300,000.00", "299,664.00", "299,664.00"},
        {"3,913,400.00", "3,913,400.00", "3,904,066.83", "3,904,066.83"},
        {"1,187,200.00", "1,187,200.00", "1,187,200.00", "1,187,200.00"},
    };
    static const char *const status[5] = {"按签订合同完成", "按需完成",
                                          "按工作计划完成", "按月支付",
                                          "按工作计划完成"};
    for (int i = 0; i < 5; i++) {
        CELL(t, 4 + i, 3, status[i], 0, 0);
        for (int k = 0; k < 4; k++) {
            CELL(t, 4 + i, 4 + k, amounts[i][k], 0, 0);
        }
    }
    CELL(t, 4, 4, "450,000.00", 235, 157);
    CELL(t, 7, 1, "基本支出", 242, 1);
    CELL(t, 7, 2, "在编和编外人员工资福利及公用支出", 242, 6);
    /* a task's content broken by a page, joined again */
    const char *c = jx_doc_text_at(t, 4, 2);
    CHECK(strstr(c, "提供及时的医疗保障和基本的生活保障，切实做好疫情期间") != NULL);
    CELL(t, 8, 1,
         "组织开展全区人口、房屋、法人等网格基础信息息的收集核查、比对整理工作，"
         "统筹全区社区网格管理信息化建设",
         243, 1);
    CELL(t, 9, 2, "金额合计", 246, 1);
    CELL(t, 9, 4, "5,950,600.00", 246, 7);
    CELL(t, 9, 5, "5,950,600.00", 246, 21);
    CELL(t, 9, 6, "5,940,282.83", 246, 35);
    CELL(t, 9, 7, "5,940,282.83", 246, 50);
    CELL(t, 11, 0, "年度总体目标完成情况", 248, 1);
    /* indicator rows: level 1, level 2, name, target, actual in 1, 2, 3,
     * 5, 6 on both pages */
    CELL(t, 13, 1, "产出指标", 252, 12);
    CELL(t, 14, 2, "数量指标", 253, 3);
    CELL(t, 14, 3, "保障单位日常业务运作", 253, 8);
    CELL(t, 14, 5, "15人", 253, 20);
    CELL(t, 14, 6, "15人", 253, 24);
    CELL(t, 19, 3, "开展社区网格化管理工作完成达标率", 0, 0);
    CELL(t, 19, 5, "≥95%", 0, 0);
    CELL(t, 20, 1, "效益指标", 260, 1);
    CELL(t, 20, 2, "时效指标", 260, 6);
    CELL(t, 20, 3, "单位日常业务运作工作完成达标率", 260, 11);
    CELL(t, 20, 5, "≥95%", 260, 27); /* "$\geq 95\%$" */
    CELL(t, 20, 6, "≥95%", 260, 39);
    CELL(t, 21, 3, "信息化系统故障率", 0, 0);
    CELL(t, 21, 5, "≤2%", 0, 0);
    CELL(t, 22, 6, "2023年12月20日完成", 0, 0);
    CELL(t, 29, 3, "深入基层宣传发动，促进网格精细化管理，实现社会共建共治共享",
         269, 3);
    CELL(t, 31, 1, "满意度指标", 273, 1);
    CELL(t, 31, 2, "服务对象满意度指标", 273, 8);
    CELL(t, 31, 3, "提高辖区居民认同感和幸福感", 273, 20);
    CELL(t, 31, 5, "≥90%", 0, 0);
    CELL(t, 33, 3, "各类特殊人群困难群体", 0, 0);

    /* the scoring table: level 1, level 2, name, max, score in 0, 1, 2,
     * 3 and 6; 21 rows between the headers and 综合评分 */
    const struct jx_doc_table *s = table(doc, 2);
    CHECK_INT(s->nrows, 26);
    CHECK_INT(s->ncols, 7);
    static const struct {
        const char *l1, *l2, *name, *max, *score;
    } rows[21] = {
        {"部门决策", "预算编制", "预算编制合理性", "5", "5"},
        {"部门决策", "预算编制", "预算编制规范性", "5", "5"},
        {"", "目标设置", "绩效目标完整性", "3", "4"},
        {"", "", "绩效指标明确性", "7", "4"},
        {"", "资金管理", "政府采购执行情况", "2", "2"},
        {"", "", "财务合规性", "3", "3"},
        {"", "", "3 预决算信息公开", "", ""},
        {"", "项目管理", "项目实施程序", "2", "2"},
        {"", "", "", "", "2"},
        {"", "资产管理", "资产管理安全性", "2", "2"},
        {"", "", "", "", "0.7"},
        {"", "人员管理", "财政供养人员控制率", "1", "1"},
        {"", "", "编外人员控制率", "1", "0"},
        {"", "制度管理", "管理制度健全性", "3", "3"},
        {"", "部门绩效", "经济性", "60", "6"},
        {"", "", "预算执行率 20", "6", ""},
        {"", "", "重点工作完成情况 效率性 8", "8", ""},
        {"", "", "项目完成及时性 6", "6", ""},
        {"效果性:", "25", "社会效益、经济效益、生态效益等", "25", "23"},
        {"群众信访办理情况", "3", "群众信访办理情况", "3", "1"},
        {"公平性:", "9", "公众或服务对象满意度", "6", "6"},
    };
    for (int i = 0; i < 21; i++) {
        CELL(s, 2 + i, 0, rows[i].l1, 0, 0);
        CELL(s, 2 + i, 1, rows[i].l2, 0, 0);
        CELL(s, 2 + i, 2, rows[i].name, 0, 0);
        CELL(s, 2 + i, 3, rows[i].max, 0, 0);
        CELL(s, 2 + i, 6, rows[i].score, 0, 0);
    }
    CELL(s, 13, 1, "人员管理", 298, 1); /* "人 员 管 理" */
    CELL(s, 13, 6, "1", 298, 154);
    CELL(s, 12, 6, "0.7", 296, 189);
    CELL(s, 23, 0, "综合评分", 313, 1);
    CELL(s, 23, 1, "92.7", 313, 6);
    CELL(s, 24, 1, "优", 314, 6);
    /* a criterion broken by a page, and <p> paragraphs */
    CHECK(strstr(jx_doc_text_at(s, 7, 4), "；是否存在截留、挤占、挪用项目资金情况。") !=
          NULL);
    CHECK(strstr(jx_doc_text_at(s, 17, 5), "× 1 分\n2. 二季度") != NULL);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Seeds 000 and 004: one 考核评分表 of tab-separated rows split over two
 * pages; the repeated header is dropped. */
static void seed_000_004(void)
{
    static const char *const prefixes[2] = {"000_", "004_"};
    static const int first_line[2] = {123, 121};
    for (int k = 0; k < 2; k++) {
        struct jx_arena *a = jx_arena_new();
        struct jx_diags d;
        jx_diags_init(&d, a);
        struct jx_doc *doc = imp_seed(a, prefixes[k], &d);
        if (!doc) {
            jx_diags_release(&d);
            jx_arena_free(a);
            return;
        }
        int l0 = first_line[k];
        CHECK_INT(d.n, 0);
        CHECK_INT(ntables(doc), 1);
        const struct jx_doc_table *t = table(doc, 1);
        CHECK_INT(t->nrows, 10);
        CHECK_INT(t->ncols, 6);
        CHECK(!t->truncated);
        CELL(t, 0, 0, "一级标准", l0, 1);
        CELL(t, 0, 5, "扣分理由", l0, 22);
        CELL(t, 1, 0, "及时性 (20分)", l0 + 1, 1);
        CELL(t, 1, 1, "按时完成绩效评价线上报送工作", l0 + 1, 11);
        CELL(t, 1, 2, "10", l0 + 1, 26);
        CELL(t, 1, 4, "10", l0 + 1, 110);
        CELL(t, 1, 5, "", l0 + 1, 113);
        CELL(t, 2, 0, "", l0 + 2, 1);
        CELL(t, 2, 1, "按时完成绩效评价公开工作", l0 + 2, 2);
        CELL(t, 6, 0, "客观性 (50分)", l0 + 8, 1);
        CELL(t, 7, 2, "20", l0 + 9, 14);
        CELL(t, 7, 4, "20", 0, 0);
        CELL(t, 9, 0, "合计", l0 + 11, 1);
        CELL(t, 9, 2, "100", l0 + 11, 5);
        CELL(t, 9, 4, "100", l0 + 11, 10);
        jx_diags_release(&d);
        jx_arena_free(a);
    }
}

/* Seed 001: report prose only; a line per paragraph, converter marks
 * dropped. */
static void seed_001(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = imp_seed(a, "001_", &d);
    if (doc) {
        CHECK_INT(d.n, 0);
        CHECK_INT(ntables(doc), 0);
        CHECK_INT(nparas(doc), 43);
        CHECK_STR(para(doc, 1),
                  "2022年度株洲市芦淞区网格化管理服务中心整体支出绩效自评报告");
        CHECK_STR(para(doc, 13), "1.2022年预算资金256.14万元。");
        CHECK_STR(para(doc, 37), "八、下一步改进措施");
        CHECK_INT(para_prov(doc, 13)->line, 33);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- layouts from small samples -------------------------------------------- */

/* One cell per line with a tab; a cell going on without it; an empty
 * cell; a heading split over blank lines; a row cut by an empty last
 * paragraph joined again. */
static void layout_tabcell(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "标题\n"
                    "\n"
                    "\t项目\n"
                    "\t年初\n"
                    "预算数\n"
                    "\t执行数\n"
                    "\n"
                    "\t甲\n"
                    "\t\n"
                    "\t1.5\n"
                    "\n"
                    "\t\n"
                    "\n"
                    "\n"
                    "合计\n"
                    "(万元)\n"
                    "\t3\n"
                    "\t4\n"
                    "\n"
                    "\t目标\n"
                    "\t预期\n"
                    "\t实际\n"
                    "\n"
                    "\t\n"
                    "\t一\n"
                    "二\n"
                    "\n"
                    "\t三\n"
                    "\n"
                    "填表人：某某\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(nparas(doc), 2);
    CHECK_STR(para(doc, 2), "填表人：某某");
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 5);
    CHECK_INT(t->ncols, 3);
    CELL(t, 0, 0, "项目", 3, 2);
    CELL(t, 0, 1, "年初\n预算数", 4, 2);
    CELL(t, 1, 1, "", 9, 2);
    CELL(t, 1, 2, "1.5", 10, 2);
    CELL(t, 2, 0, "合计\n(万元)", 15, 1);
    CELL(t, 2, 1, "3", 17, 2);
    CELL(t, 3, 2, "实际", 22, 2);
    CELL(t, 4, 0, "", 24, 2);
    CELL(t, 4, 1, "一\n二", 25, 2);
    CELL(t, 4, 2, "三", 28, 2);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Tab-separated rows: an empty first cell, a trailing empty cell, a
 * header repeated after a page break, and CRLF line ends. */
static void layout_tsv(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "一级\t二级\t分值\t得分\r\n"
                    "及时性\t报送\t10\t9\r\n"
                    "\t公开\t10\t10\r\n"
                    "\r\n"
                    "一级\t二级\t分值\t得分\r\n"
                    "完整性\t材料\t10\t\r\n"
                    "合计\t\t30\t\r\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(ntables(doc), 1);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 5);
    CHECK_INT(t->ncols, 4);
    CELL(t, 1, 3, "9", 2, 11);
    CELL(t, 2, 0, "", 3, 1);
    CELL(t, 2, 1, "公开", 3, 2);
    CELL(t, 3, 0, "完整性", 6, 1);
    CELL(t, 3, 3, "", 6, 11);
    CELL(t, 4, 2, "30", 7, 5);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* PDF text: characters spaced out, a score glued to the text before it,
 * rows short of their merged leading cells lined up, a row broken by a
 * page joined to the one before, split numbers and LaTeX operators. */
static void layout_pdf(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s =
        "一级指标\t二级指标\t三级指标\t分值\t指标说明\t评分标准\t分数\n"
        "部门决策\t预算编制\t预算编制合理性\t5\t预算是否合理，是否符合职责。\t符合得5分，不符合酌情扣分。\t5\n"
        "部门决策\t预算编制\t预算编制规范性\t5\t预算编制是否符合各项原则和要求。\t符合得5分，发现一项不符合扣1分。\t4\n"
        "\n"
        "目 标 设 置\t绩效目标完整性\t3\t是否按要求编报绩效目标，内容完整。\t编报完整的得3分。\t3\n"
        "\t绩效指标 明确性\t7\t绩效指标是否清晰、细化、可量化，用以反映\t指标清晰的得7分，否则扣分。 6\n"
        "\n"
        "\t\t\t和考核部门整体绩效目标的明细化情况。\t\n"
        "合计\t\t\t20\t\t\t5,940,282.8 3\n"
        "\n"
        "说明\n"
        "目标值\t$\\geq 95\\%$\t<p>一</p> <p>二</p>\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(ntables(doc), 2);
    CHECK_INT(ndiag(&d, "I109"), 1);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->ncols, 7);
    CHECK_INT(t->nrows, 6);
    CELL(t, 3, 0, "", 5, 1);
    CELL(t, 3, 1, "目标设置", 5, 1);
    CELL(t, 3, 2, "绩效目标完整性", 5, 9);
    CELL(t, 3, 3, "3", 5, 17);
    CELL(t, 3, 6, "3", 0, 0);
    CELL(t, 4, 1, "", 0, 0);
    CELL(t, 4, 2, "绩效指标明确性", 6, 2);
    CELL(t, 4, 3, "7", 6, 11);
    CELL(t, 4, 4, "绩效指标是否清晰、细化、可量化，用以反映和考核部门整体绩效目标的明细化情况。",
         6, 13);
    CELL(t, 4, 5, "指标清晰的得7分，否则扣分。", 0, 0);
    CELL(t, 4, 6, "6", 6, 49);
    CELL(t, 5, 6, "5,940,282.83", 9, 11);
    t = table(doc, 2);
    CELL(t, 0, 0, "目标值", 12, 1);
    CELL(t, 0, 1, "≥95%", 12, 5);
    CELL(t, 0, 2, "一\n二", 12, 17);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Pipe-delimited rows: "||" widens the cell before it, a blank between
 * pipes is an empty cell, a markdown rule is skipped, rows drift. */
static void layout_pipes(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "表\n"
                    "| 名称 | 某单位 |||\n"
                    "|---|:---:|---|---|\n"
                    "|  | 年初 | 全年 | 执行 |\n"
                    "| 资金 || 2.5 | 3 |\n"
                    "| 多 | 一 | 列 | 了 | 吗 |\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 4);
    CHECK_INT(t->ncols, 5);
    CELL(t, 0, 1, "某单位", 2, 8);
    CHECK_INT(jx_doc_cell_at(t, 0, 1)->colspan, 3);
    CELL(t, 0, 3, "某单位", 2, 8);
    CELL(t, 1, 0, "", 4, 2);
    CELL(t, 1, 1, "年初", 4, 6);
    CELL(t, 2, 0, "资金", 5, 3);
    CHECK_INT(jx_doc_cell_at(t, 2, 0)->colspan, 2);
    CELL(t, 2, 2, "2.5", 5, 9);
    CELL(t, 3, 4, "吗", 6, 19);
    CHECK(!t->truncated);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* One cell per line ending in " |" (a cell of two lines), a blank line
 * after each row. */
static void layout_barcell(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "说明\n"
                    "\n"
                    "项目 |\n"
                    "金额 |\n"
                    "\n"
                    " |\n"
                    "两行\n"
                    "文字 |\n"
                    "\n"
                    "填表人\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(nparas(doc), 2);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 2);
    CELL(t, 0, 0, "项目", 3, 1);
    CELL(t, 0, 1, "金额", 4, 1);
    CELL(t, 1, 0, "", 6, 2);
    CELL(t, 1, 1, "两行\n文字", 7, 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A whole table on one line: rows split by " | ", cells by two spaces,
 * empty cells as longer runs of spaces. */
static void layout_oneline(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "项目  年初  全年 |   资金  1.5 | 合计    3\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 3);
    CHECK_INT(t->ncols, 3);
    CELL(t, 0, 2, "全年", 1, 9);
    CELL(t, 1, 0, "", 1, 14);
    CELL(t, 1, 1, "资金", 1, 16);
    CELL(t, 1, 2, "1.5", 1, 20);
    CELL(t, 2, 0, "合计", 1, 26);
    CELL(t, 2, 1, "", 1, 28);
    CELL(t, 2, 2, "3", 1, 32);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* One cell per line with blank lines between cells; each row starts
 * with a line "-"; an empty cell is two more blank lines. */
static void layout_cellblank(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "表\n"
                    "\n"
                    "-\n"
                    "项目\n"
                    "\n"
                    "年初\n"
                    "\n"
                    "全年\n"
                    "\n"
                    "-\n"
                    "资金\n"
                    "\n"
                    "\n"
                    "\n"
                    "2\n"
                    "\n"
                    "-\n"
                    "\n"
                    "\n"
                    "5\n"
                    "\n"
                    "6\n"
                    "\n"
                    "\n"
                    "填表人\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(nparas(doc), 2);
    CHECK_STR(para(doc, 2), "填表人");
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 3);
    CHECK_INT(t->ncols, 3);
    CELL(t, 0, 2, "全年", 8, 1);
    CELL(t, 1, 1, "", 15, 1);
    CELL(t, 1, 2, "2", 15, 1);
    CELL(t, 2, 0, "", 20, 1);
    CELL(t, 2, 1, "5", 20, 1);
    CELL(t, 2, 2, "6", 22, 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Paragraphs: a line each; a line a PDF wrapped (after one blank line)
 * joined to the next, but not before a numbered item. */
static void paragraphs(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "一、基本情况\n"
                    "  按资金用途，基本支出预算调整为 391.34 万元；项目支出预算调整为 203.72\n"
                    "\n"
                    "万元。\n"
                    "\n"
                    "我中心按照规定编制了部门预算，做到科学合理、统筹兼顾\n"
                    "\n"
                    "二、存在问题\n"
                    "数据为 $\\leq 2\\%$ 。\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(nparas(doc), 5);
    CHECK_STR(para(doc, 1), "一、基本情况");
    CHECK_STR(para(doc, 2), "按资金用途，基本支出预算调整为 391.34 万元；"
                            "项目支出预算调整为 203.72万元。");
    CHECK_INT(para_prov(doc, 2)->line, 2);
    CHECK_INT(para_prov(doc, 2)->col, 3);
    CHECK_STR(para(doc, 3), "我中心按照规定编制了部门预算，做到科学合理、统筹兼顾");
    CHECK_STR(para(doc, 4), "二、存在问题");
    CHECK_STR(para(doc, 5), "数据为 ≤2% 。");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- decoding --------------------------------------------------------------- */

/* GB18030 (GBK) text is converted, with a note; columns count the
 * decoded characters. */
static void gb18030(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    /* "预算\t2402.15\n\t执行\t1.5\n" in GB18030 */
    const char s[] = "\xD4\xA4\xCB\xE3\t2402.15\n\t\xD6\xB4\xD0\xD0\t1.5\n";
    struct jx_doc *doc = imp_n(a, s, sizeof s - 1, &d);
    CHECK_INT(ndiag(&d, "I103"), 1);
    CHECK_INT(diag_of(&d, "I103")->severity, JX_SEV_NOTE);
    CHECK_INT(d.n, 1);
    const struct jx_doc_table *t = table(doc, 1);
    CELL(t, 0, 0, "预算", 1, 1);
    CELL(t, 0, 1, "2402.15", 1, 4);
    CELL(t, 1, 1, "执行", 2, 2);
    CELL(t, 1, 2, "1.5", 2, 5);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A UTF-8 BOM is dropped; CR alone ends lines too. */
static void bom_and_cr(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "\xEF\xBB\xBF预算单位\r第二行\r\n\r第四行";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(nparas(doc), 3);
    CHECK_STR(para(doc, 1), "预算单位");
    CHECK_INT(para_prov(doc, 1)->col, 1);
    CHECK_STR(para(doc, 2), "第二行");
    CHECK_INT(para_prov(doc, 2)->line, 2);
    CHECK_STR(para(doc, 3), "第四行");
    CHECK_INT(para_prov(doc, 3)->line, 4);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Bytes that are neither UTF-8 nor GB18030: no document, an error. */
static void undecodable(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    char s[64];
    for (int i = 0; i < 64; i++) {
        s[i] = (char)(0xFF - ((i + 1) % 3)); /* no UTF-16 byte order mark */
    }
    struct jx_limits l;
    limits(&l);
    CHECK(jx_import_text(a, "t.txt", s, sizeof s, &l, &d) == NULL);
    CHECK_INT(ndiag(&d, "I102"), 1);
    CHECK_INT(diag_of(&d, "I102")->severity, JX_SEV_ERROR);
    /* UTF-8 cut in the middle of its last character: the rest is read */
    const char cut[] = "预算\t2402.15\n执行\xE6\x95";
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    struct jx_doc *doc = imp_n(a, cut, sizeof cut - 1, &d);
    CHECK_INT(ndiag(&d, "I104"), 1);
    CHECK_INT(diag_of(&d, "I104")->loc.line, 2);
    CHECK_STR(para(doc, 1), "执行");
    /* NUL bytes become spaces */
    const char nul[] = "预\0算";
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    doc = imp_n(a, nul, sizeof nul - 1, &d);
    CHECK_STR(para(doc, 1), "预 算");
    CHECK_INT(ndiag(&d, "I104"), 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- truncation and limits ----------------------------------------------------- */

/* A table cut off in the middle of a row: what is there is kept, the
 * table is marked truncated, with a warning naming the row. */
static void truncated(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "\t项目\n\t年初\n\t全年\n\n\t资金\n\t1.5";
    struct jx_doc *doc = imp(a, s, &d);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK(t->truncated);
    CELL(t, 1, 1, "1.5", 6, 2);
    CHECK_INT(ndiag(&d, "I105"), 1);
    const struct jx_diag *e = diag_of(&d, "I105");
    CHECK_INT(e->severity, JX_SEV_WARNING);
    CHECK_INT(e->loc.line, 6);
    CHECK_INT(e->loc.col, 5);
    CHECK_INT(e->loc.table, 1);
    CHECK_INT(e->loc.row, 2);
    CHECK_STR(e->msg, "表格在第 2 行中断（输入在此结束），其余内容缺失");
    /* the same in tab-separated rows and in pipes */
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    doc = imp(a, "a\tb\tc\n1\t2", &d);
    CHECK(table(doc, 1)->truncated);
    CHECK_INT(ndiag(&d, "I105"), 1);
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    doc = imp(a, "| a | b |\n| 1 | 2", &d);
    CHECK(table(doc, 1)->truncated);
    CHECK_INT(ndiag(&d, "I105"), 1);
    /* a complete last row at the end is not truncated */
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    doc = imp(a, "a\tb\tc\n1\t2\t3", &d);
    CHECK(!table(doc, 1)->truncated);
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Input, cell and block limits: clear errors; what was read is kept. */
static void limits_hit(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits l;
    /* no limits given: the defaults */
    struct jx_doc *dflt = jx_import_text(a, NULL, "一\t二\n", 8, NULL, &d);
    CHECK(dflt && dflt->nblocks == 1);
    limits(&l);
    l.max_input = 10;
    CHECK(jx_import_text(a, "t.txt", "0123456789A", 11, &l, &d) == NULL);
    CHECK_INT(ndiag(&d, "I101"), 1);
    CHECK_STR(diag_of(&d, "I101")->msg, "输入过大：11 字节，上限 10 字节");

    limits(&l);
    l.max_cells = 5;
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    struct jx_doc *doc =
        jx_import_text(a, "t.txt", "a\tb\tc\n1\t2\t3\n4\t5\t6\n", 18, &l, &d);
    if (!doc) {
        doc = &empty_doc;
    }
    CHECK_INT(ndiag(&d, "I106"), 1);
    CHECK_INT(ndiag(&d, "I105"), 0);
    CHECK(table(doc, 1)->truncated);
    CHECK_INT(table(doc, 1)->ncells, 5); /* a, b, c and the 1, 2 read */
    CELL(table(doc, 1), 1, 1, "2", 2, 3);

    limits(&l);
    l.max_blocks = 2;
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    doc = jx_import_text(a, "t.txt", "一\n二\n三\n四\n", 16, &l, &d);
    if (!doc) {
        doc = &empty_doc;
    }
    CHECK_INT(ndiag(&d, "I107"), 1);
    CHECK_INT(doc->nblocks, 2);
    CHECK_INT(jx_diags_errors(&d), 1);

    /* a grid too large for a table is refused, not built */
    struct jx_buf b;
    jx_buf_init(&b, SIZE_MAX);
    for (int i = 0; i < 3000; i++) {
        jx_buf_addc(&b, '\t');
    }
    jx_buf_adds(&b, "x\n");
    for (int i = 0; i < 1400; i++) {
        jx_buf_adds(&b, "a\tb\n");
    }
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    doc = imp_n(a, b.p, b.len, &d);
    CHECK_INT(ndiag(&d, "I108"), 1);
    CHECK(table(doc, 1)->grid == NULL);
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- repairs ------------------------------------------------------------------- */

/* Apply a repair function to s and return its text (in a). */
static const char *run(struct jx_arena *a,
                       int (*fn)(struct jx_buf *, const char *, size_t),
                       const char *s, int *rc)
{
    struct jx_buf b;
    jx_buf_init(&b, SIZE_MAX);
    *rc = fn(&b, s, strlen(s));
    const char *out = jx_strdup(a, b.p);
    jx_buf_release(&b);
    return out;
}

/* Spaced-out CJK collapses when the pattern is clear, and only then. */
static void fix_collapse(void)
{
    struct jx_arena *a = jx_arena_new();
    static const struct {
        const char *in, *out;
        int changed;
    } cases[] = {
        {"人 员 管 理", "人员管理", 1},
        {"财 政 供 养 人 员 控 制 率", "财政供养人员控制率", 1},
        {"部 门(单 位)本 年 度", "部门(单位)本年度", 1},
        {"年 度 预 算 申 请 (万 元 )", "年度预算申请(万元)", 1},
        {"组 织 “就 业 ”活 动", "组织“就业”活动", 1},
        {"1. 比 率 < 5% 的, 得 1 分", "1. 比率 < 5% 的, 得 1 分", 1},
        {"息的收集 核查、比 对整理工 作，统筹", "息的收集核查、比对整理工作，统筹", 1},
        {"满意度指 标", "满意度指标", 1},
        {"预算单位 名称", "预算单位名称", 1},
        {"年度 总体 目标 完成 情况", "年度总体目标完成情况", 1},
        {"分 值\n得 分", "分值\n得分", 1},
        {"张三 李四", "张三 李四", 0},
        {"2024 年度", "2024 年度", 0},
        {"年度总体 目 标", "年度总体 目 标", 0},
        {"预算执行率 20", "预算执行率 20", 0},
        {"社会效益指标  经济效益", "社会效益指标  经济效益", 0},
        {"", "", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc;
        CHECK_STR(run(a, jx_text_collapse_cjk, cases[i].in, &rc), cases[i].out);
        CHECK_INT(rc, cases[i].changed);
    }
    jx_arena_free(a);
}

/* Numbers split by stray spaces or a doubled point are joined only when
 * unambiguous. */
static void fix_numbers(void)
{
    struct jx_arena *a = jx_arena_new();
    static const struct {
        const char *in, *out;
        int changed;
    } cases[] = {
        {"5,950,600. 00", "5,950,600.00", 1},
        {"5,940,282. .83", "5,940,282.83", 1},
        {"5,940,282.8 3", "5,940,282.83", 1},
        {" 12 .5 ", "12.5", 1},
        {"2 3", "", 0},
        {"1 000", "", 0},
        {"450,000.00 450,000.00", "", 0},
        {"5,950,600.00", "", 0},
        {"1,23 4", "1,234", 1},
        {"12 34", "", 0},
        {"约 5", "", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int rc;
        CHECK_STR(run(a, jx_text_repair_number, cases[i].in, &rc), cases[i].out);
        CHECK_INT(rc, cases[i].changed);
    }
    jx_arena_free(a);
}

/* A number split across paragraph lines is joined only in the certain
 * shapes ("95." + "10%", "95.10" + "%"). */
static void number_split(void)
{
    static const struct {
        const char *a, *b;
        bool join;
    } cases[] = {
        {"52 49 94.", "23% 经费控制情况", true},
        {"94.", "23", true},
        {"52 49 94.23", "% 经费", true},
        {"52 49 94.23", "%", true},
        {"比率为94.", "23%", false},
        {"为止.", "23%", false},
        {"52 49 94.", "2、出国经费", false},
        {"52 49 94.", "经费", false},
        {"1.2.", "3%", false},
        {"52 49 94", "%经费", false},
        {"52 49 94.2.3", "%", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_INT(jx_text_number_split(cases[i].a, strlen(cases[i].a),
                                       cases[i].b, strlen(cases[i].b)),
                  cases[i].join);
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_doc *doc = imp(a, "编制数 在职人数 控制率\n\n52 49 94.\n\n"
                                "23% 经费控制情况\n\n比率为94.\n\n23%\n",
                             &d);
    CHECK_INT(nparas(doc), 4);
    CHECK_STR(para(doc, 2), "52 49 94.23% 经费控制情况");
    CHECK_STR(para(doc, 3), "比率为94.");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Inline LaTeX and converter marks. */
static void fix_latex_markup(void)
{
    struct jx_arena *a = jx_arena_new();
    int rc;
    CHECK_STR(run(a, jx_text_unlatex, "$\\geq 95\\%$", &rc), "≥95%");
    CHECK_INT(rc, 1);
    CHECK_STR(run(a, jx_text_unlatex, "率$\\leq 2\\%$，$x \\times y$", &rc),
              "率≤2%，x×y");
    CHECK_STR(run(a, jx_text_unlatex, "$\\frac{1}{2}$ 与 $5", &rc),
              "$\\frac{1}{2}$ 与 $5");
    CHECK_INT(rc, 0);
    CHECK_STR(run(a, jx_text_unlatex, "花了 $5 和 $6", &rc), "花了 $5 和 $6");
    CHECK_INT(rc, 0);
    CHECK_STR(run(a, jx_text_strip_markup,
                  "[bookmark: _GoBack]八、<p>一</p> <p>二</p>[image: x.png]", &rc),
              "八、一\n 二\n");
    CHECK_INT(rc, 1);
    CHECK_STR(run(a, jx_text_strip_markup, "a[b]<q>", &rc), "a[b]<q>");
    CHECK_INT(rc, 0);
    struct jx_buf b;
    jx_buf_init(&b, SIZE_MAX);
    const char *m = " <p>一 </p> <p> 二</p> ";
    CHECK_INT(jx_text_fix(&b, m, strlen(m), JX_FIX_MARKUP), JX_FIX_MARKUP);
    CHECK_STR(b.p, "一\n二");
    jx_buf_reset(&b);
    m = "人 员 ";
    CHECK_INT(jx_text_fix(&b, m, strlen(m), JX_FIX_SPACED), JX_FIX_SPACED);
    CHECK_STR(b.p, "人员");
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* Kinds of cell text used to line rows up. */
static void cell_kinds(void)
{
    static const struct {
        const char *s;
        enum jx_cellkind k;
    } cases[] = {
        {"", JX_CK_EMPTY},
        {"15人", JX_CK_VALUE},
        {"≥95%", JX_CK_VALUE},
        {"5,950,600.00", JX_CK_VALUE},
        {"2023年12月20日完成", JX_CK_VALUE},
        {"不适用", JX_CK_VALUE},
        {"明显", JX_CK_VALUE},
        {"数量指标", JX_CK_SHORT},
        {"对保障各项工作正常开展的影响或改善程度", JX_CK_LONG},
        {"购置430套“织网工程”社区综合信息采集通信服务", JX_CK_LONG},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        CHECK_INT(jx_text_cellkind(cases[i].s, strlen(cases[i].s)), cases[i].k);
    }
}

/* ---- the generator's layouts -------------------------------------------------- */

/* A package laid out by the generator and written in each text layout
 * imports back with the same cell texts (newlines of multi-line cells
 * become spaces in one-line layouts). */
static void generator_round_trip(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/data/seed003_meixi_2024.json",
             jx_test_srcdir);
    char *json = NULL;
    size_t len = 0;
    if (jx_read_file(path, 1u << 24, &json, &len) < 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot read %s", path);
        return;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = jx_pkgjson_load(a, path, json, len, &d);
    free(json);
    CHECK(p != NULL);
    if (!p) {
        jx_diags_release(&d);
        jx_arena_free(a);
        return;
    }
    struct jx_doc *doc = jx_layout_package(a, p, "x");
    static const enum jx_text_layout layouts[] = {
        JX_LAYOUT_TABCELL, JX_LAYOUT_TSV, JX_LAYOUT_CELLBLANK,
        JX_LAYOUT_BARCELL, JX_LAYOUT_PIPES, JX_LAYOUT_ONELINE,
        JX_LAYOUT_PDF,
    };
    for (size_t li = 0; li < sizeof layouts / sizeof layouts[0]; li++) {
        enum jx_text_layout l = layouts[li];
        struct jx_buf out;
        jx_buf_init(&out, SIZE_MAX);
        CHECK_INT(jx_layout_write_text(doc, l, &out), 0);
        struct jx_diags d2;
        jx_diags_init(&d2, a);
        struct jx_doc *back = imp_n(a, out.p, out.len, &d2);
        jx_buf_release(&out);
        CHECK_INT(d2.n, 0);
        jx_diags_release(&d2);
        CHECK_INT(ntables(back), ntables(doc));
        bool grid = l == JX_LAYOUT_TSV || l == JX_LAYOUT_PIPES ||
                    l == JX_LAYOUT_PDF || l == JX_LAYOUT_CELLBLANK;
        int bad = 0;
        for (int ti = 1; ti <= ntables(doc); ti++) {
            const struct jx_doc_table *t = table(doc, ti);
            const struct jx_doc_table *u = table(back, ti);
            for (int r = 0; u && r < t->nrows; r++) {
                int k = 0;
                for (int c = 0; c < t->ncols; c++) {
                    const struct jx_doc_cell *x = jx_doc_cell_at(t, r, c);
                    if (!x || x->row != r || x->col != c) {
                        continue;
                    }
                    char want[512];
                    snprintf(want, sizeof want, "%s", x->text);
                    for (char *q = want; *q; q++) {
                        *q = *q == '\n' && l != JX_LAYOUT_TABCELL ? ' ' : *q;
                    }
                    const char *got = jx_doc_text_at(u, r, grid ? c : k);
                    /* PDF text loses the space a line break became before
                     * a bracket ("批复规模 (m²)") */
                    if (strcmp(want, got) != 0 &&
                        !(l == JX_LAYOUT_PDF && strstr(want, " ("))) {
                        if (bad++ < 3) {
                            jx_test_fail(__FILE__, __LINE__,
                                         "%s T%d (%d,%d): want \"%s\" got \"%s\"",
                                         jx_text_layout_name(l), ti, r, c, want,
                                         got);
                        }
                    }
                    k++;
                }
            }
        }
        CHECK_INT(bad, 0);
        /* the funds row in the unit sheet */
        const struct jx_doc_table *u2 = table(back, 2);
        int col = grid ? 3 : 2;
        CHECK_STR(jx_doc_text_at(u2, 2, col), "2402.15");
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The texts of row r of t, cells from column 0 to the last, "|"-joined
 * (arena). */
static const char *row_text(struct jx_arena *a, const struct jx_doc_table *t,
                            int r)
{
    char *out = jx_strdup(a, "");
    for (int c = 0; c < t->ncols; c++) {
        out = jx_sprintf(a, "%s%s%s", out, c ? "|" : "",
                         jx_doc_text_at(t, r, c));
    }
    return out;
}

#define ROW(a, t, r, want) CHECK_STR(row_text(a, t, r), want)

/* Layout 1: one cell per line with an empty line between cells, an
 * empty cell as a line of one space, header words split over two lines
 * ("年初" "预算数"); the rows are found from where labels follow
 * figures, the header over the figures by its words. */
static void layout_stream(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "绩效自评表\n\n单位名称\n\n某某局\n\n资金(万元)\n\n"
                    "年初\n\n预算数\n\n全年预算数\n\n全年\n\n执行数\n\n"
                    "分值\n\n执行率\n\n得分\n\n"
                    "资金总额\n\n50\n\n40\n\n38\n\n10\n\n95%\n\n9.5\n\n"
                    "其中:本级\n\n30\n\n30\n\n28\n\n \n\n \n\n \n\n"
                    "一级指标\n\n二级指标\n\n三级指标\n\n指标值\n\n完成值\n\n"
                    "分值\n\n得分\n\n"
                    "产出指标\n\n数量\n\n指标\n\n培训人数\n\n≥100人\n\n120人\n\n"
                    "20\n\n20\n\n"
                    "质量指标\n\n合格率\n\n≥90%\n\n95%\n\n20\n\n18\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(ntables(doc), 1);
    CHECK_STR(para(doc, 1), "绩效自评表");
    CHECK_STR(para(doc, 2), "单位名称");
    CHECK_STR(para(doc, 3), "某某局");
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 6);
    CHECK_INT(t->ncols, 7);
    ROW(a, t, 0, "资金(万元)|年初预算数|全年预算数|全年执行数|分值|执行率|得分");
    ROW(a, t, 1, "资金总额|50|40|38|10|95%|9.5");
    ROW(a, t, 2, "其中:本级|30|30|28|||");
    ROW(a, t, 3, "一级指标|二级指标|三级指标|指标值|完成值|分值|得分");
    ROW(a, t, 4, "产出指标|数量指标|培训人数|≥100人|120人|20|20");
    ROW(a, t, 5, "|质量指标|合格率|≥90%|95%|20|18");
    CELL(t, 1, 0, "资金总额", 25, 1);
    CELL(t, 0, 1, "年初预算数", 9, 1);
    CELL(t, 2, 4, "", 0, 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Layout 1, indicators whose values are words ("每米200", "良好"): a row
 * missing its merged cells on the left ends at the header's end when
 * that fits the kinds better (值 columns take words and figures alike);
 * a row with more words before its figures than the first row has
 * labels stays under the header; a "……" row after an empty remark is a
 * row of its own; a level's points note that lost its "(" is joined to
 * the level ("效益指标" "20分)"). */
static void layout_stream_words(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "一级指标\n\n二级指标\n\n三级指标\n\n年度\n\n指标值\n\n"
                    "实际\n\n完成值\n\n分值\n\n得分\n\n偏差原因\n\n"
                    "分析及\n\n改进措施\n\n"
                    "产出指标\n\n(60)\n\n数量\n\n指标\n\n修缮面积\n\n"
                    "3万平方米\n\n3万平方米\n\n20\n\n20\n\n \n\n"
                    "成本\n\n指标\n\n修缮补助\n\n每米200\n\n每米200\n\n"
                    "20\n\n20\n\n \n\n"
                    "材料补助\n\n每米50\n\n每米50\n\n20\n\n19\n\n \n\n"
                    "……\n\n \n\n \n\n \n\n"
                    "效益指标\n\n20分)\n\n社会效\n\n益指标\n\n群众满意\n\n"
                    "良好\n\n良好\n\n20\n\n20\n\n \n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(ntables(doc), 1);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 5);
    ROW(a, t, 0, "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|"
                 "偏差原因分析及改进措施");
    ROW(a, t, 1, "产出指标(60)|数量指标|修缮面积|3万平方米|3万平方米|20|20|");
    ROW(a, t, 2, "|成本指标|修缮补助|每米200|每米200|20|20|");
    ROW(a, t, 3, "||材料补助|每米50|每米50|20|19|");
    ROW(a, t, 4, "效益指标20分)|社会效益指标|群众满意|良好|良好|20|20|");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Layout 2: one cell per line ending in " |", empty cells as lone "|"
 * lines, no blank line between rows; a label under a merged row heading
 * keeps its figures under their headers, and a remark after the
 * figures stays in its row. */
static void layout_barstream(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "资金情况 |\n年度预算 |\n年初预算数 |\n调整后预算数 |\n"
                    "预算执行数 |\n执行率 |\n权重 |\n得分 |\n原因 |\n"
                    "总额 |\n80.00 |\n90.00 |\n81.00 |\n90.00% |\n10 |\n|\n"
                    "执行率低于百分之九十时须说明原因 |\n"
                    "其中:财政资金 |\n80.00 |\n90.00 |\n81.00 |\n90.00% |\n"
                    "/ |\n/ |\n"
                    "其他资金 |\n|\n|\n|\n|\n/ |\n/ |\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(ntables(doc), 1);
    CHECK_STR(para(doc, 1), "资金情况");
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 4);
    CHECK_INT(t->ncols, 8);
    ROW(a, t, 0, "年度预算|年初预算数|调整后预算数|预算执行数|执行率|权重|得分|原因");
    ROW(a, t, 1, "总额|80.00|90.00|81.00|90.00%|10||执行率低于百分之九十时须说明原因");
    ROW(a, t, 2, "其中:财政资金|80.00|90.00|81.00|90.00%|/|/|");
    ROW(a, t, 3, "其他资金|||||/|/|");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Layout 3: pipe rows without a leading "|", "||" merging, a portal's
 * page head before the form, rows of drifting width. */
static void layout_piperows(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "索引号 | 0001/2024-01 | 发布机构 | 某局 |\n"
                    "\n"
                    "自评表(2024年度)\n"
                    "项目名称 | 办公设备购置 ||||\n"
                    "预算执行 | 年初预算 | 调整后预算数 | 执行数 | 得分 |\n"
                    "总额 | 12.5 | 12.5 | 12 | 9.6 |\n"
                    "合计 | 100 | |||\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(ntables(doc), 2);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 1);
    ROW(a, t, 0, "索引号|0001/2024-01|发布机构|某局");
    CHECK_STR(para(doc, 1), "自评表(2024年度)");
    t = table(doc, 2);
    CHECK_INT(t->nrows, 4);
    CHECK_INT(t->ncols, 5);
    ROW(a, t, 0, "项目名称|办公设备购置|办公设备购置|办公设备购置|办公设备购置");
    CHECK_INT(jx_doc_cell_at(t, 0, 1)->colspan, 4);
    ROW(a, t, 2, "总额|12.5|12.5|12|9.6");
    CELL(t, 2, 1, "12.5", 6, 6);
    ROW(a, t, 3, "合计|100|||");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Layout 3: a pipe row written where merged cells were lacks their
 * cells on the left; it goes under the row above when its cells have
 * that row's kinds one for one, else it stays as written. */
static void layout_pipes_merged(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "一级指标 | 二级指标 | 三级指标 | 目标值 | 完成值 | 得分 |\n"
                    "产出指标 | 数量指标 | 设备台数 | 5台 | 5台 | 10 | ||\n"
                    "质量指标 | 验收合格率 | 100% | 100% | 10 | |||\n"
                    "时效指标 | 按期交付 | 按期 | 按期 | 10 | |||\n"
                    "合计 | 30 | |||||\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 5);
    CELL(t, 1, 3, "5台", 2, 22);
    CELL(t, 2, 0, "", 0, 0);
    CELL(t, 2, 1, "质量指标", 3, 1);
    CELL(t, 2, 3, "100%", 3, 16);
    CELL(t, 2, 5, "10", 3, 30);
    /* text targets where the row above has figures: kept as written */
    CELL(t, 3, 0, "时效指标", 4, 1);
    CELL(t, 3, 4, "10", 4, 25);
    CELL(t, 4, 0, "合计", 5, 1);
    CELL(t, 4, 1, "30", 5, 6);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Layout 4: a whole table on one line split by single spaces, after the
 * metadata WPS leaves; a header over exactly the row's figures (a
 * remark column dropped as empty) lines up, rows that cannot be placed
 * soundly stay text. */
static void layout_spaced(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s =
        "王某 abc123 1 2020-01-02T03:04:05Z 2021-02-03T04:05:06Z 8.00 "
        "11.1.0 False False 附件 项目支出绩效自评表 (2024年度) 项目名称 "
        "培训项目 项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 "
        "执行率 得分 年度资金总额: 20 20 19 10 95% 9.5 其中:财政拨款 20 "
        "20 19 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 "
        "分值 得分 偏差原因分析及改进措施 产出指标 数量指标 培训人次 "
        "≥200人次 210人次 20 20 质量指标 合格率 ≥90% 96% 20 20 时效指标 "
        "按时完成 按期 按期 10 10\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(ntables(doc), 2);
    CHECK(strncmp(para(doc, 1), "王某 abc123", 13) == 0);
    CHECK_STR(para(doc, 2), "附件");
    CHECK_STR(para(doc, 3), "项目支出绩效自评表(2024年度)");
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 2);
    ROW(a, t, 0, "项目资金(万元)|年初预算数|全年预算数|全年执行数|分值|执行率|得分");
    ROW(a, t, 1, "年度资金总额:|20|20|19|10|95%|9.5");
    t = table(doc, 2);
    CHECK_INT(t->nrows, 3);
    CHECK_INT(t->ncols, 8);
    ROW(a, t, 0, "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|偏差原因分析及改进措施");
    ROW(a, t, 1, "产出指标|数量指标|培训人次|≥200人次|210人次|20|20|");
    ROW(a, t, 2, "|质量指标|合格率|≥90%|96%|20|20|");
    /* fewer figures than under the header: not placed, kept as text */
    CHECK_STR(para(doc, 6), "其中:财政拨款 20 20 19");
    CHECK_STR(para(doc, 8), "时效指标 按时完成 按期 按期 10 10");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Layout 5: a row per line, cells split by spaces, the header's words
 * wrapped onto a second line ("年度 实际" then "指标值 完成值"); rows
 * with as many figures as the header names are lined up under it, the
 * first other line ends the table. */
static void layout_spaced_rows(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "指标完成情况\n"
                    "一级指标 二级指标 三级指标 年度 实际 分值 得分 偏差原因\n"
                    "指标值 完成值\n"
                    "产出指标 数量指标 培训人数 100人 120人 20 20\n"
                    "质量指标 合格率 ≥90% 95% 20 18\n"
                    "时效指标 按时完成 按期 按期 10 10\n";
    struct jx_doc *doc = imp(a, s, &d);
    CHECK_INT(d.n, 0);
    CHECK_INT(ntables(doc), 1);
    CHECK_STR(para(doc, 1), "指标完成情况");
    const struct jx_doc_table *t = table(doc, 1);
    CHECK_INT(t->nrows, 3);
    CHECK_INT(t->ncols, 8);
    ROW(a, t, 0, "一级指标|二级指标|三级指标|年度指标值|实际完成值|分值|得分|偏差原因");
    ROW(a, t, 1, "产出指标|数量指标|培训人数|100人|120人|20|20|");
    ROW(a, t, 2, "|质量指标|合格率|≥90%|95%|20|18|");
    CELL(t, 0, 3, "年度指标值", 2, 16);
    CELL(t, 2, 6, "18", 5, 22);
    /* a text target: its figures are not the header's, kept as text */
    CHECK_STR(para(doc, 2), "时效指标 按时完成 按期 按期 10 10");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* UTF-16 text: little-endian with a byte order mark, big-endian with
 * one, and little-endian without one (found by its NUL bytes); a lone
 * surrogate after a byte order mark is refused. */
static void utf16(void)
{
    static const char u8[] = "名称\t金额\n预算\t12.5\n执行\t12\n";
    size_t n = sizeof u8 - 1;
    unsigned short units[64];
    size_t nu = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp = (unsigned char)u8[i];
        int k = cp < 0x80 ? 1 : jx_utf8_decode(u8 + i, n - i, &cp);
        units[nu++] = (unsigned short)cp;
        i += (size_t)k;
    }
    for (int form = 0; form < 3; form++) {
        struct jx_arena *a = jx_arena_new();
        struct jx_diags d;
        jx_diags_init(&d, a);
        char buf[160];
        size_t o = 0;
        bool be = form == 1;
        if (form < 2) {
            buf[o++] = (char)(be ? 0xFE : 0xFF);
            buf[o++] = (char)(be ? 0xFF : 0xFE);
        }
        for (size_t i = 0; i < nu; i++) {
            char hi = (char)(units[i] >> 8), lo = (char)(units[i] & 0xFF);
            buf[o++] = be ? hi : lo;
            buf[o++] = be ? lo : hi;
        }
        struct jx_doc *doc = imp_n(a, buf, o, &d);
        CHECK_INT(ndiag(&d, "I103"), 1);
        CHECK_STR(diag_of(&d, "I103")->msg,
                  be ? "文本编码为 UTF-16BE，已转换为 UTF-8"
                     : "文本编码为 UTF-16LE，已转换为 UTF-8");
        const struct jx_doc_table *t = table(doc, 1);
        CHECK_INT(t->nrows, 3);
        CELL(t, 0, 0, "名称", 1, 1);
        CELL(t, 1, 1, "12.5", 2, 4);
        CELL(t, 2, 1, "12", 3, 4);
        CHECK(jx_detect(buf, o) == JX_IN_TEXT);
        jx_diags_release(&d);
        jx_arena_free(a);
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    static const char bad[] = "\xFF\xFE" "a\0" "\x00\xD8" "b\0";
    struct jx_limits l;
    limits(&l);
    CHECK(jx_import_text(a, "t.txt", bad, sizeof bad - 1, &l, &d) == NULL);
    CHECK_INT(ndiag(&d, "I102"), 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Layout 11: "═" made "="; "≧" kept (the model reads it as ≥); units in
 * cells and six-decimal amounts kept as written. */
static void layout_signs(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *s = "| 指标 | 目标 | 金额 |\n| 合格率 | ═100% | 52.800000 |\n"
                    "| 面积 | ≧1.2万亩 | 4753.66万元 |\n";
    struct jx_doc *doc = imp(a, s, &d);
    const struct jx_doc_table *t = table(doc, 1);
    CELL(t, 1, 1, "=100%", 2, 9);
    CELL(t, 1, 2, "52.800000", 2, 17);
    CELL(t, 2, 1, "≧1.2万亩", 3, 8);
    CELL(t, 2, 2, "4753.66万元", 3, 17);
    jx_diags_release(&d);
    jx_arena_free(a);
}


const struct jx_test t_import_text[] = {
    {"import_text.seed_003", seed_003},
    {"import_text.seed_002", seed_002},
    {"import_text.seed_000_004", seed_000_004},
    {"import_text.seed_001", seed_001},
    {"import_text.layout_tabcell", layout_tabcell},
    {"import_text.layout_tsv", layout_tsv},
    {"import_text.layout_pdf", layout_pdf},
    {"import_text.layout_pipes", layout_pipes},
    {"import_text.layout_barcell", layout_barcell},
    {"import_text.layout_oneline", layout_oneline},
    {"import_text.layout_cellblank", layout_cellblank},
    {"import_text.layout_stream", layout_stream},
    {"import_text.layout_stream_words", layout_stream_words},
    {"import_text.layout_barstream", layout_barstream},
    {"import_text.layout_piperows", layout_piperows},
    {"import_text.layout_pipes_merged", layout_pipes_merged},
    {"import_text.layout_spaced", layout_spaced},
    {"import_text.layout_spaced_rows", layout_spaced_rows},
    {"import_text.layout_signs", layout_signs},
    {"import_text.utf16", utf16},
    {"import_text.paragraphs", paragraphs},
    {"import_text.gb18030", gb18030},
    {"import_text.bom_and_cr", bom_and_cr},
    {"import_text.undecodable", undecodable},
    {"import_text.truncated", truncated},
    {"import_text.limits", limits_hit},
    {"import_text.fix_collapse", fix_collapse},
    {"import_text.fix_numbers", fix_numbers},
    {"import_text.number_split", number_split},
    {"import_text.fix_latex_markup", fix_latex_markup},
    {"import_text.cell_kinds", cell_kinds},
    {"import_text.generator_round_trip", generator_round_trip},
    {NULL, NULL},
};
