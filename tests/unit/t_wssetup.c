/*
 * t_wssetup.c - the workspace's setup records (workspace.h): the CSV
 * reader (quotes, line breaks in quotes, CRLF, BOM, GB18030, refusals
 * with their place), the units table's header and row checks, and the
 * 及时性 basis names.  The store side runs in tests/workspace/setup-check.
 */
#include "harness.h"

#include "jixiao/framework.h"
#include "jixiao/workspace.h"
#include "jixiao/wsflow.h"
#include "workspace/ws_impl.h"

/* Read text as CSV into t with a fresh diags list; returns the rc. */
static int csv(struct jx_arena *a, const char *text, struct jx_ws_table *t,
               struct jx_diags *d)
{
    jx_diags_init(d, a);
    memset(t, 0, sizeof *t);
    return jx_ws_csv_read(a, "u.csv", text, strlen(text), t, d);
}

/* Quotes, doubled quotes, a line break inside quotes, CRLF, a BOM,
 * blank lines skipped, cells trimmed and located. */
static void t_csv(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    struct jx_ws_table t;
    CHECK_INT(csv(a, "\xEF\xBB\xBF编码,名称\r\n\r\n 701001 ,\"甲\"\"乙\"\"所\"\r\n"
                     "701002,\"两行\n名称\",多余\n,,\n",
                  &t, &d),
              0);
    CHECK_INT(t.n, 3);
    CHECK_INT(t.rows[0].n, 2);
    CHECK_STR(t.rows[0].cells[0].text, "编码");
    CHECK_STR(t.rows[1].cells[0].text, "701001");
    CHECK_STR(t.rows[1].cells[1].text, "甲\"乙\"所");
    CHECK_INT(t.rows[1].loc.line, 3);
    CHECK_INT(t.rows[1].cells[1].loc.col, 10);
    CHECK_STR(t.rows[2].cells[1].text, "两行\n名称");
    CHECK_STR(t.rows[2].cells[2].text, "多余");
    CHECK_INT(t.rows[2].loc.line, 4);
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);

    /* GB18030: 编码,名称 / 701003,丙 */
    CHECK_INT(csv(a, "\xB1\xE0\xC2\xEB,\xC3\xFB\xB3\xC6\n701003,\xB1\xFB\n", &t, &d),
              0);
    CHECK_INT(t.n, 2);
    CHECK_STR(t.rows[0].cells[1].text, "名称");
    CHECK_STR(t.rows[1].cells[1].text, "丙");
    jx_diags_release(&d);

    /* text after a closing quote, and a quote never closed */
    CHECK_INT(csv(a, "编码,名称\n1,\"甲\"乙\n", &t, &d), -1);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "D201");
    CHECK_INT(d.a[0].loc.line, 2);
    CHECK_INT(d.a[0].loc.col, 6);
    jx_diags_release(&d);
    CHECK_INT(csv(a, "编码,名称\n1,\"甲\n2,乙\n", &t, &d), -1);
    CHECK_STR(d.a[0].code, "D201");
    CHECK_INT(d.a[0].loc.line, 2);
    CHECK_INT(d.a[0].loc.col, 3);
    jx_diags_release(&d);
    /* a NUL byte is refused at its place, not read as the end of a cell */
    static const char zero[] = "编码,名称\n701004,丁 \0所\n";
    jx_diags_init(&d, a);
    memset(&t, 0, sizeof t);
    CHECK_INT(jx_ws_csv_read(a, "u.csv", zero, sizeof zero - 1, &t, &d), -1);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "D201");
    CHECK_INT(d.a[0].loc.line, 2);
    CHECK_INT(d.a[0].loc.col, 10);
    jx_diags_release(&d);
    /* neither UTF-8 nor GB18030 */
    CHECK_INT(csv(a, "a,b\n\xFF\xFF\n", &t, &d), -1);
    CHECK_STR(d.a[0].code, "D201");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The header picks the columns wherever they are; rows are checked
 * and every problem reported; optional columns absent give NULL. */
static void t_units(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    struct jx_ws_table t;
    struct jx_loc fl = {.file = "u.csv"};
    struct jx_ws_unit *u;
    size_t n;
    CHECK_INT(csv(a, "区域,备注,名称,编码\n丁县,x,丁县某所,701001\n,,丁县另一所,701002\n",
                  &t, &d),
              0);
    CHECK_INT(jx_ws_units_from_table(a, &t, &fl, &u, &n, &d), 0);
    CHECK_INT(n, 2);
    CHECK_STR(u[0].code, "701001");
    CHECK_STR(u[0].name, "丁县某所");
    CHECK_STR(u[0].region, "丁县");
    CHECK(u[0].supervisor == NULL);
    CHECK(u[1].region == NULL);
    CHECK_INT(u[1].loc.line, 3);
    jx_diags_release(&d);

    CHECK_INT(csv(a, "编码,名称,名称\n", &t, &d), 0);
    CHECK_INT(jx_ws_units_from_table(a, &t, &fl, &u, &n, &d), -1);
    CHECK_INT(d.n, 1);
    CHECK_STR(d.a[0].code, "D202");
    CHECK_STR(d.a[0].msg, "列名“名称”出现了两次");
    jx_diags_release(&d);

    CHECK_INT(csv(a, "编码,名称\n701001,甲\n701001,乙\n70\xE3\x80\x80" "1,丙\n", &t,
                  &d),
              0);
    CHECK_INT(jx_ws_units_from_table(a, &t, &fl, &u, &n, &d), -1);
    CHECK_INT(d.n, 2);
    CHECK_STR(d.a[0].code, "D204");
    CHECK_STR(d.a[0].msg, "单位编码 701001 重复（已在 u.csv:2:1 出现）");
    CHECK_STR(d.a[1].code, "D203");
    CHECK_STR(d.a[1].msg, "单位编码“70\xE3\x80\x80" "1”含有全角空格");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* The 及时性 basis by its name or in Chinese. */
static void t_timely(void)
{
    CHECK_STR(jx_ws_timely_parse("accepted"), "accepted");
    CHECK_STR(jx_ws_timely_parse("最后一次退回后的送审"), "last_submit_after_return");
    CHECK_STR(jx_ws_timely_parse("首次送审"), "first_submit");
    CHECK(jx_ws_timely_parse("after_return") == NULL);
}

/* A unit for the ranking: version, 自评分 text, 考核分 (NULL: none) and
 * the judgements pending on it. */
static void rank_unit(struct jx_arena *a, struct jx_ws_unit_status *u,
                      const char *code, int version, const char *self,
                      const char *assess, size_t pending)
{
    memset(u, 0, sizeof *u);
    u->code = code;
    u->version = version;
    u->self_value = self;
    if (assess) {
        struct jx_fw_result *r = jx_alloc(a, sizeof *r);
        r->scored = true;
        r->total.has_value = true;
        CHECK_INT(jx_rat_parse(assess, strlen(assess), &r->total.value, NULL,
                               NULL),
                  JX_NUM_OK);
        r->njudge = pending;
        u->assessment = r;
    }
}

/* The year's ranking: by 考核分 (a pending one by its provisional
 * total), then 自评分; equal keys share a rank (80.5 = 80.50), the next
 * skips; a unit with a version but no score after those with one; units
 * without a version unranked and last; ties listed by code. */
static void t_rank(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_ws_unit_status u[7];
    rank_unit(a, &u[0], "701000", 1, NULL, NULL, 0);
    rank_unit(a, &u[1], "701001", 1, "80.5", "85", 0);
    rank_unit(a, &u[2], "701002", 2, "90", "85.00", 0);
    rank_unit(a, &u[3], "701003", 1, "80.50", "85", 0);
    rank_unit(a, &u[4], "701004", 1, "99", NULL, 0);
    rank_unit(a, &u[5], "701005", 0, NULL, NULL, 0);
    rank_unit(a, &u[6], "701006", 1, "70", "86", 2);
    struct jx_ws_status st = {.units = u, .n = 7};
    jx_ws_status_rank(&st);
    static const int want[7] = {6, 3, 2, 3, 5, 0, 1};
    for (int i = 0; i < 7; i++) {
        CHECK_INT(u[i].rank, want[i]);
    }
    const struct jx_ws_unit_status **v = jx_ws_status_ranked(a, &st);
    static const char *const order[7] = {"701006", "701002", "701001",
                                         "701003", "701004", "701000",
                                         "701005"};
    for (int i = 0; i < 7; i++) {
        CHECK_STR(v[i]->code, order[i]);
    }
    struct jx_ws_status none = {0};
    jx_ws_status_rank(&none);
    CHECK(jx_ws_status_ranked(a, &none) != NULL);
    jx_arena_free(a);
}

/* The derived scores read back (ws_derive.c): exact rationals, the
 * stamp that must match, a row of another revision refused. */
static void t_derive(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *detail =
        "{\"stamp\":\"S1\",\"scored\":true,\"has_total\":true,"
        "\"total\":\"163/2\",\"njudge\":3,\"lo\":\"42/1\",\"hi\":\"92/1\","
        "\"items\":[[\"timely.submit\",\"7/1\"],[\"exec\",\"-1/3\"]]}";
    struct jx_ws_unit_status u;
    memset(&u, 0, sizeof u);
    CHECK(!jx_wsi_assess_decode(a, NULL, "42.00–92.00 待判断", NULL, detail,
                                "S2", &u));
    CHECK(u.assessment == NULL && u.assess_total == NULL);
    CHECK(jx_wsi_assess_decode(a, NULL, "42.00–92.00 待判断", NULL, detail,
                               "S1", &u));
    CHECK(u.assessment && u.assessment->scored &&
          u.assessment->total.has_value);
    CHECK(u.assessment->total.value.num == 163 &&
          u.assessment->total.value.den == 2);
    CHECK(u.assessment->njudge == 3 && u.assessment->total_hi.num == 92);
    CHECK(u.assessment->nitems == 2 &&
          strcmp(u.assessment->items[0].item->id, "timely.submit") == 0 &&
          u.assessment->items[1].used.num == -1 &&
          u.assessment->items[1].used.den == 3);
    CHECK_STR(u.assess_total, "42.00–92.00 待判断");
    CHECK(u.assess_grade == NULL);
    memset(&u, 0, sizeof u);
    CHECK(!jx_wsi_assess_decode(
        a, NULL, "1", "优",
        "{\"stamp\":\"S1\",\"total\":\"1/x\",\"lo\":\"1/1\","
        "\"hi\":\"1/1\",\"items\":[]}",
        "S1", &u));
    CHECK(!jx_wsi_self_decode(a, "99.5", "优",
                              "{\"rev\":\"jx-derive-0\",\"stated\":null,"
                              "\"findings\":[1,2,3,4]}",
                              &u));
    CHECK(u.self_value == NULL);
    CHECK(jx_wsi_self_decode(a, "99.5", "优",
                             "{\"rev\":\"jx-derive-1\",\"stated\":\"99\","
                             "\"findings\":[1,2,3,4]}",
                             &u));
    CHECK_STR(u.self_value, "99.5");
    CHECK_STR(u.self_stated, "99");
    CHECK(u.findings[JX_SEV_ERROR] == 1 && u.findings[JX_SEV_WARNING] == 2 &&
          u.findings[JX_SEV_ROUNDING] == 3 && u.findings[JX_SEV_NOTE] == 4);
    jx_arena_free(a);
}

const struct jx_test t_wssetup[] = {
    {"wssetup.csv", t_csv},
    {"wssetup.units", t_units},
    {"wssetup.timely", t_timely},
    {"wsflow.rank", t_rank},
    {"wsflow.derive", t_derive},
    {NULL, NULL},
};
