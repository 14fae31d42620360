/*
 * t_framework.c - tests of rule frameworks as data (lib/assess/fw_load.c,
 * fw_expr.c, fw_eval.c): the expression language and its errors, the
 * interval notation, every scoring primitive with exact values, 不适用
 * and missing inputs, caps and penalties on the total, stated scores
 * beside the computed ones, run-time params, "extends" with override
 * and cycles, the loader's messages with exact file:line:col, and the
 * two renderings.  Inputs come from a fake environment: a small table
 * of named values and two functions.
 */
#include "harness.h"

#include <jansson.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jixiao/framework.h"

/* ---- the fake environment ------------------------------------------------ */

/* One named input: its value as text ("97.59%", "2025-07-19", "NA:why",
 * "MISSING:why"), its Chinese label and how the report shows it. */
struct fake_input {
    const char *name;
    const char *value;
    const char *label;
    const char *shown;
};

/* The table and the suggestion the fake environment gives. */
struct fake {
    const struct fake_input *in;
    size_t n;
    const char *band;    /* suggestion for manual items, or NULL */
    bool zero;
    long calls;          /* function calls seen */
};

/* Days since 1970-01-01 (proleptic Gregorian). */
static long days_of(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* Monday to Friday days after deadline up to date (no holidays: the
 * July-August windows of rules.md §7.4 have none). */
static long late_weekdays(const struct jx_fw_value *date,
                          const struct jx_fw_value *deadline)
{
    long a = days_of(deadline->y, deadline->m, deadline->d);
    long b = days_of(date->y, date->m, date->d);
    long n = 0;
    for (long x = a + 1; x <= b; x++) {
        long wd = ((x % 7) + 7 + 4) % 7; /* 1970-01-01 was a Thursday */
        n += wd != 0 && wd != 6;
    }
    return n;
}

/* Resolve a name from the table, or the functions late_workdays(date,
 * deadline) and over_count(rate). */
static bool fake_resolve(void *ctx, struct jx_arena *a, const char *name,
                         const struct jx_fw_value *args, size_t nargs,
                         struct jx_fw_value *out, const char **label)
{
    struct fake *f = ctx;
    memset(out, 0, sizeof *out);
    if (args) {
        f->calls++;
        if (strcmp(name, "late_workdays") == 0 && nargs == 2) {
            if (args[0].kind == JX_FWV_MISSING) {
                *out = args[0];
                *label = "推迟工作日数";
                return true;
            }
            long n = late_weekdays(&args[0], &args[1]);
            out->kind = JX_FWV_NUM;
            out->num = jx_rat_int(n);
            out->shown = jx_sprintf(a, "%ld 个工作日", n);
            *label = "推迟工作日数";
            return true;
        }
        if (strcmp(name, "over_count") == 0 && nargs == 1) {
            out->kind = JX_FWV_NUM;
            out->num = jx_rat_int(2);
            *label = "偏离 30% 以上的指标数";
            return true;
        }
        return false;
    }
    for (size_t i = 0; i < f->n; i++) {
        if (strcmp(f->in[i].name, name) != 0) {
            continue;
        }
        const char *v = f->in[i].value;
        *label = f->in[i].label;
        if (strncmp(v, "NA:", 3) == 0) {
            out->kind = JX_FWV_NA;
            out->why = v + 3;
        } else if (strncmp(v, "MISSING:", 8) == 0) {
            out->kind = JX_FWV_MISSING;
            out->why = v + 8;
        } else {
            const char *err;
            if (!jx_fw_value_parse(a, v, strlen(v), out, &err)) {
                return false;
            }
        }
        out->shown = f->in[i].shown;
        return true;
    }
    return false;
}

/* Suggest the table's band for every manual item. */
static bool fake_suggest(void *ctx, struct jx_arena *a, const char *suggester,
                         const struct jx_fw_item *item,
                         struct jx_fw_suggestion *out)
{
    (void)a;
    (void)item;
    struct fake *f = ctx;
    if (!f->band && !f->zero) {
        return false;
    }
    out->band = f->band;
    out->zero = f->zero;
    out->reasons = strcmp(suggester, "problems") == 0
                       ? "问题归纳较全面，但未涉及资产、政府采购方面"
                       : "其他";
    return true;
}

/* An environment over a fake table. */
static struct jx_fw_env env_of(struct fake *f)
{
    struct jx_fw_env e;
    memset(&e, 0, sizeof e);
    e.ctx = f;
    e.resolve = fake_resolve;
    e.suggest = fake_suggest;
    return e;
}

/* ---- helpers ---------------------------------------------------------------- */

/* Every diagnostic of d formatted, one per line (arena). */
static const char *all_diags(struct jx_arena *a, const struct jx_diags *d)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    for (size_t i = 0; i < d->n; i++) {
        jx_diag_format(&b, &d->a[i]);
    }
    const char *s = jx_strdup(a, b.p);
    jx_buf_release(&b);
    return s;
}

/* Number of diagnostics of d with this code. */
static size_t count_code(const struct jx_diags *d, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        n += strcmp(d->a[i].code, code) == 0;
    }
    return n;
}

/* The first diagnostic with this code, or NULL. */
static const struct jx_diag *find_code(const struct jx_diags *d,
                                       const char *code)
{
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            return &d->a[i];
        }
    }
    return NULL;
}

/* A framework file "t.json" around the items (a JSON array's contents)
 * and extra top-level members (text starting with "," or empty). */
static const char *fw_text(struct jx_arena *a, const char *items,
                           const char *extra)
{
    return jx_sprintf(a,
                      "{\"format\": \"jixiao-framework\", \"version\": 1, "
                      "\"id\": \"t\", \"title\": \"测试\", \"source\": \"测试\"%s,\n"
                      "\"items\": [%s]}",
                      extra, items);
}

/* Load text as "t.json"; failing the case (with the messages) when the
 * load has an error. */
static struct jx_framework *load_ok(int at, struct jx_arena *a,
                                    const char *text)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_framework *fw = jx_framework_load(a, "t.json", text,
                                                strlen(text), &d);
    if (!fw) {
        jx_test_fail(__FILE__, at, "load failed:\n%s", all_diags(a, &d));
    }
    jx_diags_release(&d);
    return fw;
}
#define LOAD_OK(a, text) load_ok(__LINE__, (a), (text))

/* A case whose framework did not load or evaluate cannot go on: the
 * failure is recorded, the run stops (the helpers below never return
 * NULL, so their callers need no checks). */
static _Noreturn void give_up(int at)
{
    jx_test_fail(__FILE__, at, "cannot continue this case");
    fflush(stdout);
    abort();
}

/* Evaluate one item (JSON text) over the fake table; the result's first
 * item, findings in *d (initialised here, released by the caller). */
static const struct jx_fw_item_result *
eval1(int at, struct jx_arena *a, const char *item, struct fake *f,
      const struct jx_package *pkg, struct jx_diags *d,
      const struct jx_fw_result **res)
{
    jx_diags_init(d, a);
    struct jx_framework *fw = load_ok(at, a, fw_text(a, item, ""));
    if (!fw) {
        give_up(at);
    }
    struct jx_fw_env e = env_of(f);
    const struct jx_fw_result *r = jx_framework_eval(a, fw, pkg, &e, d);
    if (!r || !r->nitems) {
        give_up(at);
    }
    if (res) {
        *res = r;
    }
    return &r->items[0];
}

/* A score as "7.00" (arena). */
static const char *val(struct jx_arena *a, const struct jx_item *it)
{
    char buf[JX_NUM_BUFSZ];
    if (!it->has_value) {
        return "(none)";
    }
    return jx_strdup(a, jx_rat_format(it->value, it->scale, it->percent,
                                      JX_ROUND_HALF_UP, buf));
}

/* A rational exactly ("0.7"). */
static const char *ex(struct jx_arena *a, struct jx_rat v)
{
    char buf[JX_NUM_BUFSZ];
    return jx_strdup(a, jx_rat_format_exact(v, false, buf) ? buf : "?");
}

/* ---- expressions ----------------------------------------------------------- */

/* Evaluate text with no params over the fake table; "ERR:msg" on an
 * evaluation error, else the value shown. */
static const char *calc(struct jx_arena *a, struct fake *f, const char *text)
{
    const char *err;
    size_t pos;
    const struct jx_fw_expr *e = jx_fw_expr_parse(a, text, strlen(text),
                                                  &err, &pos, NULL);
    if (!e) {
        return jx_sprintf(a, "PARSE:%zu:%s", pos, err);
    }
    struct jx_fw_env env = env_of(f);
    struct jx_fw_value v;
    if (jx_fw_expr_eval(a, e, NULL, 0, &env, &v, NULL, &err) < 0) {
        return jx_sprintf(a, "ERR:%s", err);
    }
    if (v.kind == JX_FWV_NA) {
        return jx_sprintf(a, "NA:%s", v.why);
    }
    if (v.kind == JX_FWV_MISSING) {
        return jx_sprintf(a, "MISSING:%s", v.why);
    }
    return jx_fw_value_show(a, &v);
}

static const struct fake_input calc_in[] = {
    {"actual", "95", "实际采购金额", "95.00万元"},
    {"plan", "100", "采购计划金额", "100.00万元"},
    {"zero", "0", "预算数", NULL},
    {"gone", "MISSING:数据包中没有政府采购金额", "政府采购金额", NULL},
    {"d1", "2025-07-15", "截止日期", NULL},
    {"d2", "2025-07-21", "报送日期", NULL},
};

/* Arithmetic, precedence, percentages, built-ins and comparisons. */
static void expr_values(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake f = {calc_in, 6, NULL, false, 0};
    CHECK_STR(calc(a, &f, "1 + 2 * 3"), "7");
    CHECK_STR(calc(a, &f, "(1 + 2) * 3"), "9");
    CHECK_STR(calc(a, &f, "10 - 2 - 3"), "5");
    CHECK_STR(calc(a, &f, "12 / 3 / 2"), "2");
    CHECK_STR(calc(a, &f, "-3 + 5"), "2");
    CHECK_STR(calc(a, &f, "- -3"), "3");
    CHECK_STR(calc(a, &f, "90%"), "90.00%");
    CHECK_STR(calc(a, &f, "1 / 3"), "≈0.3333");
    CHECK_STR(calc(a, &f, "min(3, 1, 2)"), "1");
    CHECK_STR(calc(a, &f, "max(1%, 2.5%)"), "2.50%");
    CHECK_STR(calc(a, &f, "abs(-2.5)"), "2.5");
    CHECK_STR(calc(a, &f, "1 < 2"), "1");
    CHECK_STR(calc(a, &f, "2 <= 1"), "0");
    CHECK_STR(calc(a, &f, "1 == 1.0"), "1");
    CHECK_STR(calc(a, &f, "1 != 1"), "0");
    CHECK_STR(calc(a, &f, "3 × 2 − 1"), "5");
    CHECK_STR(calc(a, &f, "6 ÷ 4"), "1.5");
    CHECK_STR(calc(a, &f, "2 ≥ 1"), "1");
    CHECK_STR(calc(a, &f, "actual / plan"), "0.95");
    CHECK_STR(calc(a, &f, "(actual - plan) / plan"), "-0.05");
    CHECK_STR(calc(a, &f, "d2 - d1"), "6");
    CHECK_STR(calc(a, &f, "d1 < d2"), "1");
    CHECK_STR(calc(a, &f, "min(d2, d1)"), "2025-07-15");
    CHECK_STR(calc(a, &f, "late_workdays(d2, d1)"), "4 个工作日");
    CHECK_STR(calc(a, &f, "late_workdays(d1, d1) + 1"), "1");
    jx_arena_free(a);
}

/* 不适用 from a division by zero, missing inputs, and evaluation
 * errors. */
static void expr_absent(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake f = {calc_in, 6, NULL, false, 0};
    CHECK_STR(calc(a, &f, "actual / zero"), "NA:除数“预算数”为 0，不适用");
    CHECK_STR(calc(a, &f, "actual / (plan - 100)"),
              "NA:除数“plan - 100”为 0，不适用");
    CHECK_STR(calc(a, &f, "0 / 0 + 1"), "NA:除数“0”为 0，不适用");
    CHECK_STR(calc(a, &f, "min(1, actual / zero)"),
              "NA:除数“预算数”为 0，不适用");
    CHECK_STR(calc(a, &f, "actual / zero + gone"),
              "MISSING:数据包中没有政府采购金额");
    CHECK_STR(calc(a, &f, "(gone > 1) * 2"), "MISSING:数据包中没有政府采购金额");
    CHECK_STR(calc(a, &f, "zz + 1"), "ERR:未知的名称“zz”");
    CHECK_STR(calc(a, &f, "nofunc(1)"), "ERR:未知的函数“nofunc”");
    CHECK_STR(calc(a, &f, "d1 + 1"),
              "ERR:日期只能相减（得到相差的天数）或比较，不能参与此运算");
    CHECK_STR(calc(a, &f, "d1 < 3"), "ERR:日期不能与数字比较");
    CHECK_STR(calc(a, &f, "abs(d1)"), "ERR:abs 的参数应为数字");
    CHECK_STR(calc(a, &f, "99999999999999999 * 99999999999999999"),
              "ERR:数值超出范围，无法精确计算");
    jx_arena_free(a);
}

/* Parse errors: message and byte offset. */
static void expr_errors(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake f = {calc_in, 6, NULL, false, 0};
    CHECK_STR(calc(a, &f, ""), "PARSE:0:表达式为空");
    CHECK_STR(calc(a, &f, "  "), "PARSE:2:表达式为空");
    CHECK_STR(calc(a, &f, "1 +"), "PARSE:3:表达式不完整：末尾缺少运算数");
    CHECK_STR(calc(a, &f, "1 + * 2"), "PARSE:4:缺少运算数：在“*”之前");
    CHECK_STR(calc(a, &f, "(1 + 2"), "PARSE:6:缺少右括号“)”");
    CHECK_STR(calc(a, &f, "1 + 2)"), "PARSE:5:多余的右括号“)”");
    CHECK_STR(calc(a, &f, "1 2"), "PARSE:2:多余的“2”（缺少运算符？）");
    CHECK_STR(calc(a, &f, "1 < 2 < 3"), "PARSE:6:比较运算不能连用，请加括号");
    CHECK_STR(calc(a, &f, "a = 1"), "PARSE:2:相等请写作“==”");
    CHECK_STR(calc(a, &f, "1 $ 2"), "PARSE:2:无法识别的字符“$”");
    CHECK_STR(calc(a, &f, "1 + 。"), "PARSE:4:无法识别的字符“。”");
    CHECK_STR(calc(a, &f, "min()"), "PARSE:0:min 至少需要 1 个参数");
    CHECK_STR(calc(a, &f, "abs(1, 2)"), "PARSE:0:abs 需要恰好 1 个参数");
    CHECK_STR(calc(a, &f, "max + 1"), "PARSE:0:max 是内置函数，应写作 max(…)");
    CHECK_STR(calc(a, &f, "f(1, 2"), "PARSE:6:缺少右括号“)”");
    CHECK_STR(calc(a, &f, "f(1 2)"), "PARSE:4:应为“,”或“)”，实际为“2”");
    CHECK_STR(calc(a, &f, "1.2.3"), "PARSE:3:无法识别的字符“.”");
    /* limits */
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (int i = 0; i < 33; i++) {
        jx_buf_addc(&b, '(');
    }
    jx_buf_addc(&b, '1');
    for (int i = 0; i < 33; i++) {
        jx_buf_addc(&b, ')');
    }
    const char *err;
    size_t pos;
    bool toobig = false;
    CHECK(!jx_fw_expr_parse(a, b.p, b.len, &err, &pos, &toobig));
    CHECK(toobig);
    CHECK_STR(err, "表达式嵌套过深：超过 32 层");
    CHECK_INT(pos, 32);
    jx_buf_reset(&b);
    jx_buf_addc(&b, '1');
    for (int i = 0; i < 600; i++) {
        jx_buf_adds(&b, "+1");
    }
    CHECK(!jx_fw_expr_parse(a, b.p, b.len, &err, &pos, &toobig));
    CHECK(toobig);
    CHECK_STR(err, "表达式过长：1201 字节，上限 1024 字节");
    jx_buf_reset(&b);
    jx_buf_addc(&b, '1');
    for (int i = 0; i < 300; i++) {
        jx_buf_adds(&b, "+1");
    }
    CHECK(!jx_fw_expr_parse(a, b.p, b.len, &err, &pos, &toobig));
    CHECK(toobig);
    CHECK_STR(err, "表达式过于复杂：超过 512 个运算数和运算符");
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* The derivation: inputs with labels and the expression filled in. */
static void expr_trace(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake f = {calc_in, 6, NULL, false, 0};
    const char *err;
    size_t pos;
    const char *text = "(actual - plan) / plan * 100";
    const struct jx_fw_expr *e =
        jx_fw_expr_parse(a, text, strlen(text), &err, &pos, NULL);
    CHECK(e != NULL);
    CHECK_STR(jx_fw_expr_text(e), text);
    struct jx_fw_env env = env_of(&f);
    struct jx_fw_value v;
    struct jx_fw_trace tr;
    memset(&tr, 0, sizeof tr);
    CHECK_INT(jx_fw_expr_eval(a, e, NULL, 0, &env, &v, &tr, &err), 0);
    CHECK_STR(jx_fw_value_show(a, &v), "-5");
    CHECK_STR(tr.filled, "(95.00万元 − 100.00万元) / 100.00万元 × 100");
    CHECK(tr.label == NULL);
    CHECK_INT(tr.ninputs, 2);
    CHECK_STR(tr.inputs[0].name, "实际采购金额");
    CHECK_STR(tr.inputs[0].value, "95.00万元");
    CHECK_STR(tr.inputs[1].name, "采购计划金额");
    /* calls are listed for load-time checks */
    text = "late_workdays(d2, d1) + max(1, over_count(30%))";
    e = jx_fw_expr_parse(a, text, strlen(text), &err, &pos, NULL);
    const char *names[4];
    size_t offs[4];
    CHECK_INT(jx_fw_expr_calls(e, names, offs, 4), 2);
    CHECK_STR(names[0], "late_workdays");
    CHECK_INT(offs[0], 0);
    CHECK_STR(names[1], "over_count");
    CHECK_INT(offs[1], 31);
    jx_arena_free(a);
}

/* ---- ranges ----------------------------------------------------------------- */

/* A rational from decimal text. */
static struct jx_rat R(const char *s)
{
    struct jx_rat r = jx_rat_int(0);
    bool pct;
    jx_rat_parse(s, strlen(s), &r, &pct, NULL);
    return r;
}

/* Parse a range or fail the case. */
static struct jx_fw_range range_of(struct jx_arena *a, const char *s)
{
    struct jx_fw_range r;
    const char *err;
    size_t pos;
    if (!jx_fw_range_parse(a, s, strlen(s), &r, &err, &pos)) {
        jx_test_fail(__FILE__, __LINE__, "range %s: %s", s, err);
    }
    return r;
}

/* The range's error message with its offset ("3:msg"). */
static const char *range_err(struct jx_arena *a, const char *s)
{
    struct jx_fw_range r;
    const char *err;
    size_t pos;
    if (jx_fw_range_parse(a, s, strlen(s), &r, &err, &pos)) {
        return "ok";
    }
    return jx_sprintf(a, "%zu:%s", pos, err);
}

/* Interval notation: which side each boundary belongs to. */
static void ranges(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_fw_range top = range_of(a, "[90%, +inf)");
    struct jx_fw_range mid = range_of(a, "[75%, 90%)");
    CHECK(jx_fw_range_has(&top, R("90%")));
    CHECK(!jx_fw_range_has(&mid, R("90%")));
    CHECK(jx_fw_range_has(&mid, R("89.99%")));
    CHECK(!jx_fw_range_has(&top, R("89.99%")));
    CHECK(jx_fw_range_has(&top, R("1000%")));
    CHECK(top.percent && top.hi_inf && !top.lo_inf && top.lo_closed);
    CHECK(!jx_fw_range_overlap(&top, &mid));
    struct jx_fw_range low = range_of(a, "(-inf, 5%)");
    CHECK(jx_fw_range_has(&low, R("-1000")));
    CHECK(!jx_fw_range_has(&low, R("5%")));
    struct jx_fw_range b1 = range_of(a, "[15, 19]"), b2 = range_of(a, "[14, 18]");
    CHECK(jx_fw_range_overlap(&b1, &b2));
    struct jx_fw_range p = range_of(a, "[1，2]"), q = range_of(a, "[2, 3]");
    CHECK(jx_fw_range_overlap(&p, &q));
    struct jx_fw_range p2 = range_of(a, "[1, 2)");
    CHECK(!jx_fw_range_overlap(&p2, &q));
    struct jx_fw_range all = range_of(a, "(-inf, +inf)");
    CHECK(jx_fw_range_overlap(&all, &low));
    struct jx_fw_range pt = range_of(a, "[20, 20]");
    CHECK(jx_fw_range_has(&pt, R("20")));
    CHECK(!jx_fw_range_has(&pt, R("19.5")));
    CHECK_STR(range_err(a, "[90%, 80%]"),
              "0:区间为空（下端大于上端，或两端相等而不是闭区间）");
    CHECK_STR(range_err(a, "[20, 20)"),
              "0:区间为空（下端大于上端，或两端相等而不是闭区间）");
    CHECK_STR(range_err(a, "90%, 1]"), "0:区间应以“[”或“(”开头，如 \"[90%, +inf)\"");
    CHECK_STR(range_err(a, "[1; 2]"), "6:区间缺少逗号“,”");
    CHECK_STR(range_err(a, "[1, 2"), "5:区间应以“]”或“)”结束");
    CHECK_STR(range_err(a, "[-inf, 2)"),
              "0:无穷端点必须是开区间，如 \"(-inf, 60%)\"、\"[90%, +inf)\"");
    CHECK_STR(range_err(a, "[1, +inf]"),
              "8:无穷端点必须是开区间，如 \"(-inf, 60%)\"、\"[90%, +inf)\"");
    CHECK_STR(range_err(a, "[+inf, 2)"), "1:区间下端不能是 +inf");
    CHECK_STR(range_err(a, "[x, 2)"), "1:区间端点“x”无法读取：数字格式错误");
    CHECK_STR(range_err(a, "[, 2)"), "1:区间缺少端点");
    CHECK_STR(range_err(a, "[1, 2) x"), "7:区间之后有多余的文字");
    jx_arena_free(a);
}

/* ---- primitives ----------------------------------------------------------- */

static const char BANDS_ITEM[] =
    "{\"id\": \"asset.use\", \"level1\": \"部门管理\", \"level2\": \"资产管理\", "
    "\"name\": \"固定资产利用率\", \"points\": \"1\", "
    "\"rule\": {\"type\": \"bands\", \"input\": \"rate\", \"bands\": ["
    "{\"range\": \"[90%, +inf)\", \"score\": \"1\"},"
    "{\"range\": \"[75%, 90%)\", \"score\": \"0.7\"},"
    "{\"range\": \"[60%, 75%)\", \"score\": \"0.4\"},"
    "{\"range\": \"[0, 60%)\", \"score\": \"0\"}]}}";

/* The bands score for a rate (shown "…"), and its 扣分理由. */
static const char *bands_at(struct jx_arena *a, const char *rate,
                            const char **reason)
{
    struct fake_input in[] = {{"rate", rate, "固定资产利用率", NULL}};
    struct fake f = {in, 1, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_item_result *r =
        eval1(__LINE__, a, BANDS_ITEM, &f, NULL, &d, NULL);
    jx_diags_release(&d);
    if (!r) {
        return "(fail)";
    }
    if (reason) {
        *reason = r->reason;
    }
    return val(a, &r->num);
}

/* Bands: each boundary's side explicit. */
static void prim_bands(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *reason;
    CHECK_STR(bands_at(a, "90%", &reason), "1.00");
    CHECK_STR(reason, "");
    CHECK_STR(bands_at(a, "89.99%", &reason), "0.70");
    CHECK_STR(reason, "固定资产利用率为 89.99%，属 [75%, 90%) 档，得 0.7 分，扣 0.3 分");
    CHECK_STR(bands_at(a, "75%", NULL), "0.70");
    CHECK_STR(bands_at(a, "60%", NULL), "0.40");
    CHECK_STR(bands_at(a, "59.99%", NULL), "0.00");
    CHECK_STR(bands_at(a, "150%", NULL), "1.00");
    /* no band: a finding, judgement */
    struct fake_input in[] = {{"rate", "-5%", "固定资产利用率", NULL}};
    struct fake f = {in, 1, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_item_result *r =
        eval1(__LINE__, a, BANDS_ITEM, &f, NULL, &d, NULL);
    CHECK(r && !r->num.has_value && r->status == JX_FWS_JUDGE);
    const struct jx_diag *e = find_code(&d, "F207");
    CHECK(e && e->severity == JX_SEV_WARNING);
    if (e) {
        CHECK_STR(e->msg, "“固定资产利用率”的固定资产利用率 -5.00% 不在任何评分档次内"
                          "（[90%, +inf)、[75%, 90%)、[60%, 75%)、[0, 60%)），无法评分");
    }
    jx_diags_release(&d);
    /* the formula of the derivation */
    struct fake_input in2[] = {{"rate", "80%", "固定资产利用率", NULL}};
    struct fake f2 = {in2, 1, NULL, false, 0};
    r = eval1(__LINE__, a, BANDS_ITEM, &f2, NULL, &d, NULL);
    CHECK_STR(r->num.formula, "80.00% ∈ [75%, 90%) → 0.70");
    CHECK_STR(r->num.rule, "fw-bands");
    CHECK_INT(r->num.ninputs, 2);
    CHECK_STR(r->num.inputs[0].name, "分值");
    CHECK_STR(r->num.inputs[1].name, "固定资产利用率");
    CHECK_STR(r->num.inputs[1].value, "80.00%");
    jx_diags_release(&d);
    jx_arena_free(a);
}

static const char DEDUCT_ITEM[] =
    "{\"id\": \"timely.submit\", \"level1\": \"及时性\", "
    "\"level2\": \"按时完成绩效评价线上报送工作\", \"points\": \"10\", "
    "\"rule\": {\"type\": \"deduct\", \"input\": "
    "\"late_workdays(submitted, deadline)\", \"per\": \"1\", \"deduct\": \"1\", "
    "\"floor\": \"0\", \"reason\": \"推迟 {units} 个工作日报送，扣 {lost} 分\"}}";

/* Deduct per working day late, with a floor (rules.md §7.4 anchors). */
static void prim_deduct(void)
{
    struct jx_arena *a = jx_arena_new();
    static const struct {
        const char *submitted, *deadline, *score, *reason;
    } cases[] = {
        {"2025-07-15", "2025-07-15", "10.00", ""},
        {"2025-07-19", "2025-07-15", "7.00", "推迟 3 个工作日报送，扣 3 分"},
        {"2025-07-21", "2025-07-15", "6.00", "推迟 4 个工作日报送，扣 4 分"},
        {"2025-07-29", "2025-07-15", "0.00", "推迟 10 个工作日报送，扣 10 分"},
        {"2025-08-15", "2025-07-30", "0.00", "推迟 12 个工作日报送，扣 10 分"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct fake_input in[] = {
            {"submitted", cases[i].submitted, "报送日期", NULL},
            {"deadline", cases[i].deadline, "报送截止日期", NULL}};
        struct fake f = {in, 2, NULL, false, 0};
        struct jx_diags d;
        const struct jx_fw_item_result *r =
            eval1(__LINE__, a, DEDUCT_ITEM, &f, NULL, &d, NULL);
        CHECK_STR(val(a, &r->num), cases[i].score);
        CHECK_STR(r->reason, cases[i].reason);
        CHECK_INT(d.n, 0);
        jx_diags_release(&d);
    }
    struct fake_input in[] = {{"submitted", "2025-07-19", "报送日期", NULL},
                              {"deadline", "2025-07-15", "报送截止日期", NULL}};
    struct fake f = {in, 2, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_item_result *r =
        eval1(__LINE__, a, DEDUCT_ITEM, &f, NULL, &d, NULL);
    CHECK_STR(r->num.formula, "max(0, 10 − 1 × 3) = 7.00");
    CHECK_INT(r->num.ninputs, 4);
    CHECK_STR(r->num.inputs[1].name, "报送日期");
    CHECK_STR(r->num.inputs[2].name, "报送截止日期");
    CHECK_STR(r->num.inputs[3].name, "推迟工作日数");
    CHECK_STR(r->num.inputs[3].value, "3 个工作日");
    jx_diags_release(&d);

    /* per percentage point beyond a limit: ceil (rules.md §4.2) */
    static const char PP[] =
        "{\"id\": \"adjust\", \"level1\": \"部门管理\", \"name\": \"资金调整\", "
        "\"points\": \"1\", \"rule\": {\"type\": \"deduct\", "
        "\"input\": \"max(0, adjusted / total - 10%)\", \"per\": \"1%\", "
        "\"deduct\": \"0.1\", \"label\": \"超出 10% 的幅度\"}}";
    struct fake_input in2[] = {{"adjusted", "12.3", "调整金额", NULL},
                               {"total", "100", "预算总规模", NULL}};
    struct fake f2 = {in2, 2, NULL, false, 0};
    r = eval1(__LINE__, a, PP, &f2, NULL, &d, NULL);
    CHECK_STR(val(a, &r->num), "0.70");
    CHECK_STR(r->num.formula,
              "max(0, 调整金额 / 预算总规模 − 10%) = max(0, 12.3 / 100 − 10%) = 2.30%；"
              "max(0, 1 − 0.1 × 3) = 0.70，扣分单位数 = ceil(2.30% / 1%) = 3");
    CHECK_STR(r->reason, "超出 10% 的幅度 2.30%，扣 0.3 分");
    jx_diags_release(&d);
    struct fake_input in3[] = {{"adjusted", "9", "调整金额", NULL},
                               {"total", "100", "预算总规模", NULL}};
    struct fake f3 = {in3, 2, NULL, false, 0};
    r = eval1(__LINE__, a, PP, &f3, NULL, &d, NULL);
    CHECK_STR(val(a, &r->num), "1.00");
    jx_diags_release(&d);
    jx_arena_free(a);
}

static const char PROP_ITEM[] =
    "{\"id\": \"procure\", \"level1\": \"部门管理\", \"name\": \"政府采购执行率\", "
    "\"points\": \"1\", \"rule\": {\"type\": \"proportional\", "
    "\"input\": \"actual / plan\", \"cap\": \"100%%\", \"over\": \"%s\", "
    "\"label\": \"政府采购执行率\"}}";

/* Proportional: points × min(input, cap); over = zero / cap / allow. */
static void prim_proportional(void)
{
    struct jx_arena *a = jx_arena_new();
    static const struct {
        const char *over, *actual, *score, *reason;
    } cases[] = {
        {"zero", "95", "0.95", "政府采购执行率为 95.00%，按比例得 0.95 分，扣 0.05 分"},
        {"zero", "100", "1.00", ""},
        {"zero", "105", "0.00", "政府采购执行率 105.00% 超过 100%，本项得 0 分"},
        {"cap", "105", "1.00", ""},
        {"allow", "105", "1.05", ""},
        {"cap", "97.591", "0.98", "政府采购执行率为 97.59%，按比例得 0.98 分，扣 0.02 分"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct fake_input in[] = {{"actual", cases[i].actual, "实际采购金额", NULL},
                                  {"plan", "100", "采购计划金额", NULL}};
        struct fake f = {in, 2, NULL, false, 0};
        struct jx_diags d;
        const struct jx_fw_item_result *r =
            eval1(__LINE__, a, jx_sprintf(a, PROP_ITEM, cases[i].over), &f,
                  NULL, &d, NULL);
        CHECK_STR(val(a, &r->num), cases[i].score);
        CHECK_STR(r->reason, cases[i].reason);
        jx_diags_release(&d);
    }
    struct fake_input in[] = {{"actual", "105", "实际采购金额", NULL},
                              {"plan", "100", "采购计划金额", NULL}};
    struct fake f = {in, 2, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_item_result *r = eval1(
        __LINE__, a, jx_sprintf(a, PROP_ITEM, "zero"), &f, NULL, &d, NULL);
    CHECK_STR(r->num.formula,
              "实际采购金额 / 采购计划金额 = 105 / 100 = 105.00%；105.00% > 100%，按规则得 0 分");
    jx_diags_release(&d);
    jx_arena_free(a);
}

static const char CHECK_ITEM[] =
    "{\"id\": \"indicators\", \"level1\": \"部门决策\", \"name\": \"绩效指标明确性\", "
    "\"points\": \"3\", \"rule\": {\"type\": \"checklist\", \"items\": ["
    "{\"name\": \"细化为具体任务\", \"points\": \"1\", \"when\": \"tasks > 0\"},"
    "{\"name\": \"含效益指标\", \"points\": \"1\", \"when\": \"benefit > 0\"},"
    "{\"name\": \"指标清晰可衡量\", \"points\": \"1\"}]}}";

/* Checklist: automatic sub-points, and a range for judgement ones. */
static void prim_checklist(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake_input in[] = {{"tasks", "4", "任务数", NULL},
                              {"benefit", "0", "效益指标数", NULL}};
    struct fake f = {in, 2, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_item_result *r =
        eval1(__LINE__, a, CHECK_ITEM, &f, NULL, &d, NULL);
    CHECK_INT(r->status, JX_FWS_RANGE);
    CHECK_STR(ex(a, r->lo), "1");
    CHECK_STR(ex(a, r->hi), "2");
    CHECK(!r->num.has_value);
    CHECK_STR(r->reason, "未满足：含效益指标（1 分），扣 1 分；需人工判断：指标清晰可衡量（1 分）");
    CHECK_STR(r->num.formula,
              "自动判定 1 + 0 = 1；需人工判断 1 分（指标清晰可衡量（1 分））；得分范围 [1, 2]");
    CHECK_STR(r->used_from, "下限");
    jx_diags_release(&d);

    /* a stated score inside the range is accepted; outside it is not */
    struct jx_package *pkg = jx_package_new(a);
    pkg->source = "p.json";
    pkg->dept_scoring.present = true;
    pkg->dept_scoring.nrows = 1;
    struct jx_rubric_row *row = jx_alloc(a, sizeof *row);
    row->name.s = "绩效指标明确性";
    row->score.present = true;
    row->score.v = jx_rat_int(2);
    pkg->dept_scoring.rows = row;
    const char *text = fw_text(a, CHECK_ITEM, ", \"stated\": \"dept_scoring\"");
    struct jx_framework *fw = LOAD_OK(a, text);
    struct jx_fw_env e = env_of(&f);
    jx_diags_init(&d, a);
    const struct jx_fw_result *res = jx_framework_eval(a, fw, pkg, &e, &d);
    CHECK_INT(res->items[0].num.agrees, JX_AGREE_YES);
    CHECK_STR(res->items[0].used_from, "自评");
    CHECK_STR(ex(a, res->items[0].used), "2");
    CHECK_STR(res->items[0].num.path, "/dept_scoring/rows/0");
    CHECK_INT(count_code(&d, "F202"), 0);
    jx_diags_release(&d);
    row->score.v = jx_rat_int(3);
    jx_diags_init(&d, a);
    res = jx_framework_eval(a, fw, pkg, &e, &d);
    const struct jx_diag *x = find_code(&d, "F202");
    CHECK(x && x->severity == JX_SEV_ERROR);
    if (x) {
        CHECK_STR(x->msg, "“绩效指标明确性”自评得分 3 超出规则允许的范围 [1, 2]");
        CHECK_STR(x->loc.path, "/dept_scoring/rows/0/score");
        CHECK_STR(x->loc.file, "p.json");
    }
    CHECK_STR(res->items[0].used_from, "修正");
    CHECK_STR(ex(a, res->items[0].used), "2");
    jx_diags_release(&d);

    /* all automatic: a score */
    static const char AUTO[] =
        "{\"id\": \"c\", \"level1\": \"L\", \"name\": \"N\", \"points\": \"2\", "
        "\"rule\": {\"type\": \"checklist\", \"items\": ["
        "{\"name\": \"甲\", \"points\": \"1\", \"when\": \"tasks\"},"
        "{\"name\": \"乙\", \"points\": \"1\", \"when\": \"benefit\"}]}}";
    r = eval1(__LINE__, a, AUTO, &f, NULL, &d, NULL);
    CHECK_INT(r->status, JX_FWS_SCORED);
    CHECK_STR(val(a, &r->num), "1.00");
    CHECK_STR(r->reason, "未满足：乙（1 分），扣 1 分");
    jx_diags_release(&d);
    jx_arena_free(a);
}

static const char QUARTER_ITEM[] =
    "{\"id\": \"exec\", \"level1\": \"部门绩效\", \"level2\": \"效率性\", "
    "\"name\": \"预算执行率\", \"points\": \"6\", \"rule\": {\"type\": \"quarterly\", "
    "\"inputs\": [\"q1\", \"q2\", \"q3\", \"q4\"]}}";

/* Quarterly progress against 25/50/75/100% (rules.md §8 #16). */
static void prim_quarterly(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake_input in[] = {{"q1", "20%", "一季度", NULL},
                              {"q2", "45%", "二季度", NULL},
                              {"q3", "75%", "三季度", NULL},
                              {"q4", "95%", "四季度", NULL}};
    struct fake f = {in, 4, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_item_result *r =
        eval1(__LINE__, a, QUARTER_ITEM, &f, NULL, &d, NULL);
    /* 0.8 + 0.9 + 1 + 0.95 = 3.65; (0.2+0.45+0.75+0.95)/4 = 0.5875 × 2
     * = 1.175; 4.825 -> 4.83 half-up */
    CHECK_STR(val(a, &r->num), "4.83");
    CHECK_STR(r->num.formula,
              "min(1, 20.00% / 25%) × 1 + min(1, 45.00% / 50%) × 1 + "
              "min(1, 75.00% / 75%) × 1 + min(1, 95.00% / 100%) × 1 + "
              "min(1, (20.00% + 45.00% + 75.00% + 95.00%) / 4) × 2 = 4.83"
              "（全年平均支出进度 58.75%）");
    CHECK_STR(r->reason, "第一季度末累计支出进度 20.00% 低于序时进度 25%；"
                         "第二季度末累计支出进度 45.00% 低于序时进度 50%；"
                         "第四季度末累计支出进度 95.00% 低于序时进度 100%，扣 1.17 分");
    jx_diags_release(&d);
    /* ahead of schedule: each quarter capped at 1 */
    struct fake_input in2[] = {{"q1", "30%", "一季度", NULL},
                               {"q2", "60%", "二季度", NULL},
                               {"q3", "80%", "三季度", NULL},
                               {"q4", "100%", "四季度", NULL}};
    struct fake f2 = {in2, 4, NULL, false, 0};
    r = eval1(__LINE__, a, QUARTER_ITEM, &f2, NULL, &d, NULL);
    CHECK_STR(val(a, &r->num), "5.35");
    jx_diags_release(&d);
    /* a quarter missing: judgement, flagged */
    struct fake_input in3[] = {{"q1", "MISSING:报告未给出季度支出进度", "一季度", NULL},
                               {"q2", "60%", "二季度", NULL},
                               {"q3", "80%", "三季度", NULL},
                               {"q4", "100%", "四季度", NULL}};
    struct fake f3 = {in3, 4, NULL, false, 0};
    r = eval1(__LINE__, a, QUARTER_ITEM, &f3, NULL, &d, NULL);
    CHECK_INT(r->status, JX_FWS_JUDGE);
    const struct jx_diag *x = find_code(&d, "F205");
    CHECK(x && x->severity == JX_SEV_WARNING);
    if (x) {
        CHECK_STR(x->msg, "指标“预算执行率”缺少第一季度末累计支出进度（报告未给出季度支出进度），未能复核");
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

static const char MANUAL_ITEM[] =
    "{\"id\": \"problems\", \"level1\": \"客观性\", "
    "\"level2\": \"反映问题、分析原因全面\", \"points\": \"20\", "
    "\"rule\": {\"type\": \"manual\", \"bands\": ["
    "{\"name\": \"全面\", \"range\": \"[20, 20]\"},"
    "{\"name\": \"较全面\", \"range\": \"[15, 19]\"},"
    "{\"name\": \"不全面\", \"range\": \"[14, 18]\"},"
    "{\"name\": \"过于简单\", \"range\": \"[9, 13]\"}], "
    "\"zero\": \"只提出经费不足问题的不得分\", \"suggest\": \"problems\"}}";

/* A package with a 考核评分表 of one row (level2, stated score). */
static struct jx_package *assess_pkg(struct jx_arena *a, const char *level2,
                                     const char *score)
{
    struct jx_package *pkg = jx_package_new(a);
    pkg->source = "p.json";
    pkg->assessment.present = true;
    pkg->assessment.nrows = 1;
    struct jx_rubric_row *row = jx_alloc(a, sizeof *row);
    row->level1.s = "客观性 (50分)";
    row->level2.s = level2;
    if (score) {
        row->score.present = true;
        row->score.v = R(score);
    }
    pkg->assessment.rows = row;
    return pkg;
}

/* Evaluate MANUAL_ITEM with a stated score; findings in d. */
static const struct jx_fw_item_result *manual_at(struct jx_arena *a,
                                                 const char *score,
                                                 struct fake *f,
                                                 struct jx_diags *d)
{
    jx_diags_init(d, a);
    struct jx_framework *fw = LOAD_OK(
        a, fw_text(a, MANUAL_ITEM, ", \"stated\": \"assessment\""));
    struct jx_fw_env e = env_of(f);
    const struct jx_fw_result *r = jx_framework_eval(
        a, fw, assess_pkg(a, "反映问题、分析原因全面", score), &e, d);
    return &r->items[0];
}

/* Manual judgement inside (overlapping) bands, and the suggestion. */
static void prim_manual(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake f = {NULL, 0, NULL, false, 0};
    struct jx_diags d;
    /* the load notes the rule's own overlap and gaps */
    jx_diags_init(&d, a);
    const char *text = fw_text(a, MANUAL_ITEM, "");
    CHECK(jx_framework_load(a, "t.json", text, strlen(text), &d) != NULL);
    CHECK_STR(all_diags(a, &d),
              "t.json:2:1 /items: 警告[F113]: 各指标分值之和 20 不等于框架总分 100\n"
              "t.json:2:124 /items/0/rule/bands: 提示[F112]: 人工评分档次之间有空档："
              "(0, 9)、(13, 14)、(19, 20) 内的数值不属于任何档次\n"
              "t.json:2:198 /items/0/rule/bands/2: 提示[F111]: 人工评分档次 较全面[15, 19]"
              "与 不全面[14, 18]重叠：同一数值落入两个档次\n");
    jx_diags_release(&d);

    const struct jx_fw_item_result *r = manual_at(a, "16", &f, &d);
    CHECK_INT(r->status, JX_FWS_JUDGE);
    const struct jx_diag *x = find_code(&d, "F204");
    CHECK(x && x->severity == JX_SEV_NOTE);
    if (x) {
        CHECK_STR(x->msg, "“反映问题、分析原因全面”自评得分 16 同时属于“较全面”[15, 19]"
                          "与“不全面”[14, 18] 2 个档次：评分规则本身的档次重叠，无法据此判定档次");
        CHECK_STR(x->loc.path, "/assessment/rows/0/score");
    }
    CHECK_INT(count_code(&d, "F203"), 0);
    CHECK_STR(r->used_from, "自评");
    jx_diags_release(&d);

    r = manual_at(a, "12", &f, &d);
    CHECK_INT(count_code(&d, "F203") + count_code(&d, "F204"), 0);
    CHECK_STR(r->num.note, "自评得分属“过于简单”档 [9, 13]");
    CHECK_STR(val(a, &r->num), "12.00");
    jx_diags_release(&d);

    r = manual_at(a, "5", &f, &d);
    x = find_code(&d, "F203");
    CHECK(x && x->severity == JX_SEV_ERROR);
    if (x) {
        CHECK_STR(x->msg, "“反映问题、分析原因全面”自评得分 5 不在任何评分档次内"
                          "（全面 [20, 20]、较全面 [15, 19]、不全面 [14, 18]、"
                          "过于简单 [9, 13]；0 分：只提出经费不足问题的不得分）");
    }
    CHECK_INT(r->num.agrees, JX_AGREE_NO);
    jx_diags_release(&d);

    r = manual_at(a, "0", &f, &d);
    CHECK_INT(count_code(&d, "F203"), 0);
    jx_diags_release(&d);
    r = manual_at(a, "21", &f, &d);
    CHECK_INT(count_code(&d, "F203"), 1);
    jx_diags_release(&d);

    /* the suggester proposes a band with its reasons */
    struct fake fs = {NULL, 0, "较全面", false, 0};
    r = manual_at(a, NULL, &fs, &d);
    CHECK(r->has_suggestion);
    CHECK(r->suggested && strcmp(r->suggested->name, "较全面") == 0);
    CHECK_STR(r->reason, "问题归纳较全面，但未涉及资产、政府采购方面");
    CHECK_STR(r->used_from, "建议");
    CHECK_STR(ex(a, r->used), "15");
    CHECK_INT(count_code(&d, "F209"), 1);
    jx_diags_release(&d);
    struct fake fz = {NULL, 0, NULL, true, 0};
    r = manual_at(a, NULL, &fz, &d);
    CHECK(r->has_suggestion && r->suggestion.zero);
    CHECK_STR(ex(a, r->used), "0");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A formula-only item: a value, no points. */
static void prim_formula(void)
{
    struct jx_arena *a = jx_arena_new();
    static const char ITEM[] =
        "{\"id\": \"staff\", \"level1\": \"投入\", \"name\": \"在职人员控制率\", "
        "\"rule\": {\"type\": \"formula\", \"input\": \"staff / quota\", "
        "\"percent\": true}}";
    struct fake_input in[] = {{"staff", "50", "在职人员数", NULL},
                              {"quota", "46", "编制数", NULL}};
    struct fake f = {in, 2, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_result *res;
    const struct jx_fw_item_result *r =
        eval1(__LINE__, a, ITEM, &f, NULL, &d, &res);
    CHECK_INT(r->status, JX_FWS_VALUE);
    CHECK_STR(val(a, &r->num), "108.70%");
    CHECK(!r->num.has_points && !r->counted);
    CHECK_STR(r->num.formula, "在职人员数 / 编制数 = 50 / 46 = 108.70%");
    /* formula only: no total, no grade */
    CHECK(!res->scored);
    CHECK(!res->total_before.has_value && !res->total.has_value);
    CHECK(res->grade == NULL);
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- 不适用 and missing inputs -------------------------------------------- */

/* The score of a proportional item a/b with the given na / missing. */
static const struct jx_fw_item_result *na_case(struct jx_arena *a,
                                               const char *policy,
                                               const char *num,
                                               struct jx_diags *d,
                                               const struct jx_fw_result **res)
{
    const char *item = jx_sprintf(
        a,
        "{\"id\": \"three\", \"level1\": \"经济性\", \"name\": \"三公经费控制率\", "
        "\"points\": \"3\", \"rule\": {\"type\": \"proportional\", "
        "\"input\": \"spent / budget\", %s}},"
        "{\"id\": \"rest\", \"level1\": \"其他\", \"name\": \"其他\", "
        "\"points\": \"97\", \"rule\": {\"type\": \"proportional\", "
        "\"input\": \"1\"}}",
        policy);
    static struct fake_input in[2];
    in[0] = (struct fake_input){"spent", num, "三公经费实际支出数", NULL};
    in[1] = (struct fake_input){"budget", "0", "三公经费预算安排数", NULL};
    static struct fake f;
    f = (struct fake){in, 2, NULL, false, 0};
    return eval1(__LINE__, a, item, &f, NULL, d, res);
}

/* 0/0 is 不适用: full, zero, exclude or judge by the rule's policy. */
static void na_policy(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    const struct jx_fw_result *res;
    const struct jx_fw_item_result *r =
        na_case(a, "\"na\": \"full\"", "0", &d, &res);
    CHECK_STR(val(a, &r->num), "3.00");
    CHECK_STR(r->reason, "");
    const struct jx_diag *x = find_code(&d, "F208");
    CHECK(x && x->severity == JX_SEV_NOTE);
    if (x) {
        CHECK_STR(x->msg, "指标“三公经费控制率”的三公经费控制率不适用"
                          "（除数“三公经费预算安排数”为 0，不适用），按规则满分");
    }
    CHECK_STR(val(a, &res->total), "100.00");
    jx_diags_release(&d);

    r = na_case(a, "\"na\": \"zero\", \"label\": \"三公经费控制率\"", "0", &d, &res);
    CHECK_STR(val(a, &r->num), "0.00");
    CHECK_STR(r->reason, "三公经费控制率不适用（除数“三公经费预算安排数”为 0，不适用），"
                         "按规则不得分，扣 3 分");
    CHECK_STR(val(a, &res->total), "97.00");
    jx_diags_release(&d);

    r = na_case(a, "\"na\": \"exclude\"", "0", &d, &res);
    CHECK_INT(r->status, JX_FWS_EXCLUDED);
    CHECK(!r->counted);
    /* 97 / 97 × 100 */
    CHECK_STR(val(a, &res->total), "100.00");
    CHECK_STR(res->total_before.formula, "(97) × 100 / (100 − 不适用 3) = 100.00");
    jx_diags_release(&d);

    r = na_case(a, "\"na\": \"judge\"", "0", &d, &res);
    CHECK_INT(r->status, JX_FWS_JUDGE);
    CHECK_INT(res->njudge, 1);
    CHECK_STR(ex(a, res->total_lo), "97");
    CHECK_STR(ex(a, res->total_hi), "100");
    jx_diags_release(&d);

    /* missing: judge (default) or zero */
    r = na_case(a, "\"na\": \"full\"", "MISSING:基础数据表未填三公经费", &d, &res);
    CHECK_INT(r->status, JX_FWS_JUDGE);
    x = find_code(&d, "F205");
    CHECK(x && x->severity == JX_SEV_WARNING);
    if (x) {
        CHECK_STR(x->msg, "指标“三公经费控制率”缺少三公经费控制率（基础数据表未填三公经费），未能复核");
    }
    jx_diags_release(&d);
    r = na_case(a, "\"missing\": \"zero\", \"label\": \"三公经费数据\"",
                "MISSING:基础数据表未填三公经费", &d, &res);
    CHECK_INT(r->status, JX_FWS_SCORED);
    CHECK_STR(val(a, &r->num), "0.00");
    CHECK_STR(r->reason, "缺少三公经费数据，不得分");
    x = find_code(&d, "F205");
    CHECK(x && x->severity == JX_SEV_NOTE);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- totals ---------------------------------------------------------------- */

/* A framework of two items summing to (85 + 0) with the provincial caps
 * and penalty, evaluated for an execution rate. */
static const struct jx_fw_result *capped(struct jx_arena *a, const char *rate,
                                         const char *score,
                                         struct jx_diags *d)
{
    static const char ITEMS[] =
        "{\"id\": \"a\", \"level1\": \"产出\", \"name\": \"甲\", \"points\": \"90\", "
        "\"rule\": {\"type\": \"proportional\", \"input\": \"score / 90\"}},"
        "{\"id\": \"b\", \"level1\": \"效益\", \"name\": \"乙\", \"points\": \"10\", "
        "\"rule\": {\"type\": \"proportional\", \"input\": \"0\"}}";
    static const char TOTALS[] =
        ", \"grades\": [{\"name\": \"优\", \"range\": \"[90, 100]\"},"
        "{\"name\": \"良\", \"range\": \"[80, 90)\"},"
        "{\"name\": \"中\", \"range\": \"[60, 80)\"},"
        "{\"name\": \"差\", \"range\": \"[0, 60)\"}],"
        "\"totals\": [{\"type\": \"cap\", \"input\": \"rate\", \"label\": \"预算执行率\","
        " \"bands\": [{\"range\": \"[70%, 80%)\", \"cap\": \"89\"},"
        "{\"range\": \"[60%, 70%)\", \"cap\": \"79\"},"
        "{\"range\": \"[50%, 60%)\", \"cap\": \"69\"},"
        "{\"range\": \"[0, 50%)\", \"cap\": \"59\"}]},"
        "{\"type\": \"penalty\", \"input\": \"over_count(30%)\", \"deduct\": \"2\","
        " \"reason\": \"完成值高于指标值 30% 以上\"}]";
    jx_diags_init(d, a);
    struct jx_framework *fw = LOAD_OK(a, fw_text(a, ITEMS, TOTALS));
    static struct fake_input in[2];
    in[0] = (struct fake_input){"rate", rate, "预算执行率", NULL};
    in[1] = (struct fake_input){"score", score, "得分", NULL};
    static struct fake f;
    f = (struct fake){in, 2, NULL, false, 0};
    struct jx_fw_env e = env_of(&f);
    return jx_framework_eval(a, fw, NULL, &e, d);
}

/* Caps by the execution rate and the −2 penalty per indicator. */
static void totals(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    const struct jx_fw_result *r = capped(a, "65%", "85", &d);
    CHECK_STR(val(a, &r->total_before), "85.00");
    CHECK_INT(r->ntotals, 2);
    CHECK(r->totals[0].applied);
    CHECK_STR(val(a, &r->totals[0].num), "79.00");
    CHECK_STR(r->totals[0].reason, "预算执行率 65.00% 属 [60%, 70%)，总分封顶 79 分");
    CHECK_STR(r->totals[0].num.formula,
              "预算执行率 65.00% ∈ [60%, 70%)，上限 79；min(85.00, 79) = 79.00");
    CHECK(r->totals[1].applied);
    CHECK_STR(r->totals[1].reason,
              "完成值高于指标值 30% 以上：偏离 30% 以上的指标数 2，扣 4 分");
    CHECK_STR(val(a, &r->total), "75.00");
    CHECK_STR(r->grade, "中");
    CHECK_STR(r->total.formula, "85.00 → 79.00 → 75.00");
    CHECK_INT(count_code(&d, "F211"), 2);
    jx_diags_release(&d);

    r = capped(a, "45%", "85", &d);
    CHECK_STR(val(a, &r->totals[0].num), "59.00");
    CHECK_STR(val(a, &r->total), "55.00");
    CHECK_STR(r->grade, "差");
    jx_diags_release(&d);

    r = capped(a, "95%", "85", &d);
    CHECK(!r->totals[0].applied);
    CHECK_STR(r->totals[0].num.formula, "预算执行率 95.00% 不在任何封顶档次内，不封顶");
    CHECK_STR(val(a, &r->total), "81.00");
    CHECK_STR(r->grade, "良");
    jx_diags_release(&d);

    /* below the cap: unchanged */
    r = capped(a, "75%", "60", &d);
    CHECK(!r->totals[0].applied);
    CHECK_STR(val(a, &r->total), "56.00");
    jx_diags_release(&d);

    /* the rate missing: the cap is not applied, flagged */
    r = capped(a, "MISSING:未填执行率", "85", &d);
    CHECK(!r->totals[0].applied);
    const struct jx_diag *x = find_code(&d, "F205");
    CHECK(x != NULL);
    if (x) {
        CHECK_STR(x->msg, "总分规则的预算执行率缺失（未填执行率），本规则未执行");
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Stated scores beside: F201 per item, F210 for the total, F212 grade,
 * F213 an unmatched row. */
static void stated(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *items = jx_sprintf(
        a, "%s, {\"id\": \"publish\", \"level1\": \"及时性\", "
           "\"level2\": \"按时完成绩效评价公开工作\", \"points\": \"90\", "
           "\"match\": \"公开\", \"rule\": {\"type\": \"deduct\", \"input\": "
           "\"late_workdays(published, deadline2)\"}}",
        DEDUCT_ITEM);
    const char *text = fw_text(
        a, items,
        ", \"stated\": \"assessment\", \"grades\": [{\"name\": \"优\", "
        "\"range\": \"[90, 100]\"}, {\"name\": \"良\", \"range\": \"[80, 90)\"},"
        "{\"name\": \"中\", \"range\": \"[60, 80)\"}, {\"name\": \"差\", "
        "\"range\": \"[0, 60)\"}]");
    struct jx_framework *fw = LOAD_OK(a, text);
    struct jx_package *pkg = jx_package_new(a);
    pkg->source = "p.json";
    pkg->assessment.present = true;
    struct jx_rubric_row *rows = jx_alloc_array(a, 3, sizeof *rows);
    rows[0].level1.s = "及时性 (20分)";
    rows[0].level2.s = "按时完成绩效评价公开工作";
    rows[0].score.present = true;
    rows[0].score.v = jx_rat_int(90);
    rows[1].level1.s = "及时性 (20分)";
    rows[1].level2.s = "按时完成绩效评价线上报送工作";
    rows[1].score.present = true;
    rows[1].score.v = jx_rat_int(10);
    static struct jx_prov prov = {.file = "自评报告.txt", .line = 120, .col = 3};
    rows[1].score.prov = &prov;
    rows[1].prov = &prov;
    rows[2].level2.s = "其他";
    rows[2].score.present = true;
    rows[2].score.v = jx_rat_int(1);
    pkg->assessment.rows = rows;
    pkg->assessment.nrows = 3;
    pkg->assessment.stated_total.present = true;
    pkg->assessment.stated_total.v = jx_rat_int(100);
    pkg->assessment.stated_grade.s = "优";
    struct fake_input in[] = {{"submitted", "2025-07-19", "报送日期", NULL},
                              {"deadline", "2025-07-15", "报送截止日期", NULL},
                              {"published", "2025-07-30", "公开日期", NULL},
                              {"deadline2", "2025-07-30", "公开截止日期", NULL}};
    struct fake f = {in, 4, NULL, false, 0};
    struct jx_fw_env e = env_of(&f);
    struct jx_diags d;
    jx_diags_init(&d, a);
    const struct jx_fw_result *r = jx_framework_eval(a, fw, pkg, &e, &d);
    CHECK_STR(all_diags(a, &d),
              "自评报告.txt:120:3 /assessment/rows/1/score: 错误[F201]: "
              "“按时完成绩效评价线上报送工作”自评得分 10 与按规则复核的 7.00 不一致\n"
              "    max(0, 10 − 1 × 3) = 7.00\n"
              "p.json /assessment/rows/2: 提示[F213]: 评分表第 3 行“其他”没有对应框架 t 中的任何指标\n"
              "p.json /assessment/stated_total: 错误[F210]: 自评总分 100 与按规则复核的总分 97.00 不一致\n"
              "    97.00\n");
    CHECK_INT(r->items[0].num.agrees, JX_AGREE_NO);
    CHECK_STR(r->items[0].num.path, "/assessment/rows/1");
    CHECK_INT(r->items[1].num.agrees, JX_AGREE_YES);
    CHECK_STR(r->items[1].num.path, "/assessment/rows/0");
    CHECK_STR(r->grade, "优");
    CHECK_STR(r->stated_grade, "优");
    CHECK_INT(r->nsubtotals, 1);
    CHECK_STR(r->subtotals[0].label, "及时性");
    CHECK_STR(val(a, &r->subtotals[0]), "97.00");
    CHECK_STR(ex(a, r->subtotals[0].stated), "100");
    jx_diags_release(&d);

    /* a grade that differs, and a difference within rounding */
    pkg->assessment.stated_total.v = R("97.01");
    pkg->assessment.stated_grade.s = "良";
    jx_diags_init(&d, a);
    jx_framework_eval(a, fw, pkg, &e, &d);
    const struct jx_diag *x = find_code(&d, "F210");
    CHECK(x && x->severity == JX_SEV_ROUNDING);
    x = find_code(&d, "F212");
    CHECK(x != NULL);
    if (x) {
        CHECK_STR(x->msg, "自评等级“良”与按复核总分 97.00 评定的等级“优”不同");
    }
    jx_diags_release(&d);

    /* no 考核评分表 at all */
    jx_diags_init(&d, a);
    jx_framework_eval(a, fw, jx_package_new(a), &e, &d);
    CHECK_INT(count_code(&d, "F214"), 1);
    CHECK_INT(count_code(&d, "F209"), 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- params ---------------------------------------------------------------- */

/* Params are used before the caller's inputs; run-time overrides. */
static void params(void)
{
    struct jx_arena *a = jx_arena_new();
    static const char ITEM[] =
        "{\"id\": \"timely.submit\", \"level1\": \"及时性\", \"level2\": \"报送\", "
        "\"points\": \"10\", \"rule\": {\"type\": \"deduct\", \"input\": "
        "\"late_workdays(submitted, submit_deadline)\"}}";
    const char *text = fw_text(
        a, ITEM,
        ", \"params\": {\"submit_deadline\": {\"value\": \"2025-07-15\", "
        "\"label\": \"报送截止日期\"}, \"limit\": \"10%\", \"n\": 3}");
    struct jx_framework *fw = LOAD_OK(a, text);
    CHECK_INT(fw->nparams, 3);
    CHECK_STR(fw->params[0].label, "报送截止日期");
    CHECK_INT(fw->params[0].value.kind, JX_FWV_DATE);
    CHECK(fw->params[1].value.percent);
    CHECK_INT(fw->params[2].value.kind, JX_FWV_NUM);
    struct fake_input in[] = {{"submitted", "2025-07-21", "报送日期", NULL},
                              {"submit_deadline", "2025-01-01", "不应使用", NULL}};
    struct fake f = {in, 2, NULL, false, 0};
    struct jx_fw_env e = env_of(&f);
    struct jx_diags d;
    jx_diags_init(&d, a);
    const struct jx_fw_result *r = jx_framework_eval(a, fw, NULL, &e, &d);
    CHECK_STR(val(a, &r->items[0].num), "6.00");
    CHECK_STR(r->items[0].num.inputs[1].name, "报送日期");
    CHECK_STR(r->items[0].num.inputs[2].name, "报送截止日期");
    CHECK_STR(r->items[0].num.inputs[2].value, "2025-07-15");
    jx_diags_release(&d);

    static const char *const ov[] = {"submit_deadline=2025-07-18", NULL};
    e.overrides = ov;
    jx_diags_init(&d, a);
    r = jx_framework_eval(a, fw, NULL, &e, &d);
    CHECK_STR(val(a, &r->items[0].num), "9.00");
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);

    static const char *const bad[] = {"deadline=2025-07-18", "limit=abc",
                                      "submit_deadline", NULL};
    e.overrides = bad;
    jx_diags_init(&d, a);
    r = jx_framework_eval(a, fw, NULL, &e, &d);
    CHECK_STR(all_diags(a, &d),
              "错误[F118]: 运行时参数“deadline=2025-07-18”不是框架 t 的参数"
              "、输入或指标编号（参数：submit_deadline、limit、n）\n"
              "错误[F118]: 运行时参数 limit 的值无法读取：“abc”既不是日期"
              "（YYYY-MM-DD）也不是数字：数字格式错误\n"
              "错误[F118]: 运行时参数“submit_deadline”应写作 名称=值"
              "（框架 t 的参数：submit_deadline、limit、n）\n");
    CHECK_STR(val(a, &r->items[0].num), "6.00");
    jx_diags_release(&d);

    /* unknown functions against the caller's list, at their column */
    static const char *const fns[] = {"workdays_late", NULL};
    e.overrides = NULL;
    e.functions = fns;
    jx_diags_init(&d, a);
    CHECK_INT(jx_framework_check(fw, &e, &d), 1);
    CHECK_STR(all_diags(a, &d),
              "t.json:2:121: 错误[F116]: 未知的函数“late_workdays”（可用的函数：workdays_late）\n");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- loading: messages with file:line:col ------------------------------------ */

/* Load text as name and return every diagnostic formatted. */
static const char *load_msgs(struct jx_arena *a, const char *name,
                             const char *text, bool *ok)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_framework *fw = jx_framework_load(a, name, text, strlen(text),
                                                &d);
    if (ok) {
        *ok = fw != NULL;
    }
    const char *s = all_diags(a, &d);
    jx_diags_release(&d);
    return s;
}

/* Every kind of load error, each at its exact place. */
static void load_errors(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *text =
        "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"bad\",\n"
        " \"title\": \"T\", \"source\": \"S\", \"stated\": \"assesment\",\n"
        " \"items\": [\n"
        "  {\"id\": \"a\", \"level1\": \"L\", \"points\": \"10\", \"lable\": 1,\n"
        "   \"rule\": {\"type\": \"band\", \"input\": \"x\"}},\n"
        "  {\"id\": \"b\", \"level1\": \"L\", \"points\": true,\n"
        "   \"rule\": {\"type\": \"bands\", \"input\": \"rate +\", \"cap\": \"1\",\n"
        "    \"bands\": [{\"range\": \"[90%, 80%)\", \"score\": \"1\"}]}},\n"
        "  {\"id\": \"a\", \"level1\": \"L\", \"points\": 2.5,\n"
        "   \"rule\": {\"type\": \"deduct\", \"input\": \"x\", \"per\": \"0\"}},\n"
        "  {\"id\": \"C\", \"level1\": \"L\", \"points\": \"5\",\n"
        "   \"rule\": {\"type\": \"proportional\", \"input\": \"a \\u00d7 $\"}}\n"
        " ]}\n";
    bool ok;
    CHECK_STR(load_msgs(a, "bad.json", text, &ok),
              "bad.json:2:41 /stated: 错误[F107]: 无效的取值 \"assesment\"，可选："
              "\"none\"、\"assessment\"、\"dept_scoring\"、\"unit_sheet\"（是不是 \"assessment\"？）\n"
              "bad.json:4:46 /items/0/lable: 错误[F101]: 未知的键 \"lable\"\n"
              "bad.json:5:21 /items/0/rule/type: 错误[F107]: 无效的取值 \"band\"，可选："
              "\"proportional\"、\"bands\"、\"deduct\"、\"checklist\"、\"quarterly\"、"
              "\"manual\"、\"formula\"、\"parts\"（是不是 \"bands\"？）\n"
              "bad.json:6:40 /items/1/points: 错误[F103]: 类型错误：应为数字字符串"
              "（如 \"10\"、\"90%\"），实际为布尔值 true\n"
              "bad.json:7:46 /items/1/rule/input: 错误[F115]: 表达式错误：表达式不完整：末尾缺少运算数\n"
              "bad.json:7:49 /items/1/rule/cap: 错误[F101]: 未知的键 \"cap\"（此键不适用于 bands 规则）\n"
              "bad.json:8:26 /items/1/rule/bands/0/range: 错误[F110]: 区间错误："
              "区间为空（下端大于上端，或两端相等而不是闭区间）\n"
              "bad.json:9:10 /items/2/id: 错误[F109]: 重复的指标 id \"a\"（第 1 个指标已使用）\n"
              "bad.json:9:40 /items/2/points: 错误[F106]: 小数必须加引号：2.5 应写成 \"2.5\""
              "（JSON 小数按二进制浮点数读取，不精确）\n"
              "bad.json:10:52 /items/2/rule/per: 错误[F119]: \"per\" 必须大于 0\n"
              "bad.json:11:10 /items/3/id: 错误[F108]: 指标 id \"C\" 无效：只能使用小写字母、"
              "数字、“-”“.”“_”\n"
              "bad.json:12:56 /items/3/rule/input: 错误[F115]: 表达式错误：无法识别的字符“$”\n");
    CHECK(!ok);

    /* not a framework; wrong version; id and file name */
    CHECK_STR(load_msgs(a, "x.json", "{\"format\": \"jixiao-package\"}", &ok),
              "x.json:1:12 /format: 错误[F010]: 不是 jixiao 评分框架：\"format\" 应为 \"jixiao-framework\"\n");
    CHECK_STR(load_msgs(a, "x.json",
                        "{\"format\": \"jixiao-framework\", \"version\": 2}", &ok),
              "x.json:1:43 /version: 错误[F011]: 不支持的版本 2（只支持 1）\n");
    CHECK_STR(load_msgs(a, "dir/other.json", fw_text(a, "", ""), &ok),
              "dir/other.json:1:52 /id: 错误[F108]: 框架 id \"t\" 与文件名不一致（应为 \"other\"）\n");
    /* syntax: repaired, every problem reported */
    CHECK_STR(load_msgs(a, "t.json",
                        "{\"format\": \"jixiao-framework\" \"version\": 1}", &ok),
              "t.json:1:1: 错误[F104]: 缺少必填项 \"id\"\n"
              "t.json:1:1: 错误[F104]: 缺少必填项 \"title\"\n"
              "t.json:1:1: 错误[F104]: 缺少必填项 \"source\"\n"
              "t.json:1:1: 错误[F104]: 缺少必填项 \"items\"\n"
              "t.json:1:30: 错误[F001]: 缺少逗号 ','（在 \"version\" 之前）\n"
              "    解析器原文：'}' expected near '\"version\"'\n");
    /* limits */
    struct jx_buf b;
    jx_buf_init(&b, 1u << 22);
    for (int i = 0; i < 20; i++) {
        jx_buf_addc(&b, '[');
    }
    CHECK_STR(load_msgs(a, "t.json", b.p, &ok),
              "t.json:1:17: 错误[F003]: 嵌套过深：超过 16 层\n");
    jx_buf_reset(&b);
    for (int i = 0; i < 501; i++) {
        jx_buf_addf(&b, "%s{\"id\": \"i%d\", \"level1\": \"L\", \"points\": \"0\", "
                        "\"rule\": {\"type\": \"deduct\", \"input\": \"0\"}}",
                    i ? "," : "", i);
    }
    const char *big = load_msgs(a, "t.json", fw_text(a, b.p, ""), &ok);
    CHECK(strstr(big, "t.json:2:10 /items: 错误[F117]: 数组过长：501 项，最多 500 项"
                      "（其余不予读取）\n") != NULL);
    /* a file one byte over the limit is not parsed */
    jx_buf_reset(&b);
    for (size_t i = 0; i <= JX_FW_MAX_BYTES; i++) {
        jx_buf_addc(&b, ' ');
    }
    CHECK_STR(load_msgs(a, "t.json", b.p, &ok),
              "t.json: 错误[F002]: 框架文件过大：1048577 字节，上限 1048576 字节\n");
    CHECK(!ok);
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* Warnings at load: points not summing to 100, overlapping and
 * uncovered bands, inconsistent sub-points. */
static void load_warnings(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *items =
        "{\"id\": \"a\", \"level1\": \"L\", \"points\": \"10\",\n"
        " \"rule\": {\"type\": \"bands\", \"input\": \"x\", \"bands\": [\n"
        "  {\"range\": \"[90%, +inf)\", \"score\": \"10\"},\n"
        "  {\"range\": \"[60%, 80%)\", \"score\": \"11\"},\n"
        "  {\"range\": \"[70%, 75%)\", \"score\": \"5\"}]}},\n"
        "{\"id\": \"b\", \"level1\": \"L\", \"points\": \"3\",\n"
        " \"rule\": {\"type\": \"checklist\", \"items\": [\n"
        "  {\"name\": \"甲\", \"points\": \"1\"}]}}";
    bool ok;
    CHECK_STR(load_msgs(a, "t.json", fw_text(a, items, ""), &ok),
              "t.json:2:1 /items: 警告[F113]: 各指标分值之和 13 不等于框架总分 100\n"
              "t.json:3:51 /items/0/rule/bands: 警告[F112]: 评分档次之间有空档：[80%, 90%) "
              "内的数值不属于任何档次\n"
              "t.json:5:3 /items/0/rule: 警告[F120]: 档次 [60%, 80%) 的得分 11 不在 [0, 10] 内\n"
              "t.json:6:3 /items/0/rule/bands/2: 警告[F111]: 评分档次 [60%, 80%)与 [70%, 75%)重叠："
              "同一数值落入两个档次\n"
              "t.json:8:10 /items/1/rule: 警告[F120]: 各小项分值之和 1 不等于指标分值 3\n");
    CHECK(ok);
    jx_arena_free(a);
}

/* ---- extends ------------------------------------------------------------------ */

/* Write text to dir/name. */
static void put_file(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    CHECK_INT(jx_write_file_atomic(path, text, strlen(text)), 0);
}

/* Remove dir/name. */
static void rm_file(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

/* A base, a child that overrides one item, adds one and adds totals;
 * a cycle refused; a missing base. */
static void extends(void)
{
    struct jx_arena *a = jx_arena_new();
    char dir[] = "/tmp/jx-fw-XXXXXX";
    if (!mkdtemp(dir)) {
        jx_test_fail(__FILE__, __LINE__, "mkdtemp failed");
        jx_arena_free(a);
        return;
    }
    put_file(dir, "base.json",
             "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"base\",\n"
             " \"title\": \"基础\", \"source\": \"S\", \"params\": {\"limit\": \"10%\"},\n"
             " \"grades\": [{\"name\": \"合格\", \"range\": \"[60, 100]\"},"
             " {\"name\": \"不合格\", \"range\": \"[0, 60)\"}],\n"
             " \"items\": [\n"
             "  {\"id\": \"a\", \"level1\": \"L\", \"points\": \"50\",\n"
             "   \"rule\": {\"type\": \"proportional\", \"input\": \"1\"}},\n"
             "  {\"id\": \"b\", \"level1\": \"L\", \"points\": \"50\",\n"
             "   \"rule\": {\"type\": \"proportional\", \"input\": \"limit\"}}]}\n");
    put_file(dir, "child.json",
             "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"child\",\n"
             " \"title\": \"派生\", \"source\": \"S2\", \"extends\": \"base\",\n"
             " \"params\": {\"limit\": \"20%\"},\n"
             " \"items\": [\n"
             "  {\"id\": \"b\", \"level1\": \"L\", \"points\": \"40\",\n"
             "   \"rule\": {\"type\": \"proportional\", \"input\": \"limit * 5\"}},\n"
             "  {\"id\": \"c\", \"level1\": \"M\", \"points\": \"10\",\n"
             "   \"rule\": {\"type\": \"proportional\", \"input\": \"0\"}}],\n"
             " \"totals\": [{\"type\": \"penalty\", \"input\": \"1\", \"deduct\": \"2\"}]}\n");
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_framework *fw = jx_framework_open(a, dir, "child", &d);
    CHECK_STR(all_diags(a, &d), "");
    CHECK(fw != NULL);
    if (fw) {
        CHECK_STR(fw->id, "child");
        CHECK_STR(fw->title, "派生");
        CHECK_INT(fw->nitems, 3);
        CHECK_STR(fw->items[0].id, "a");
        CHECK_STR(fw->items[1].id, "b");
        CHECK_STR(ex(a, fw->items[1].points), "40");
        CHECK_STR(fw->items[2].id, "c");
        CHECK_INT(fw->ngrades, 2);
        CHECK_INT(fw->ntotals, 1);
        CHECK_INT(fw->nparams, 1);
        CHECK(jx_framework_item(fw, "c") == &fw->items[2]);
        CHECK(jx_framework_item(fw, "zz") == NULL);
        struct jx_diags d2;
        jx_diags_init(&d2, a);
        const struct jx_fw_result *r = jx_framework_eval(a, fw, NULL, NULL, &d2);
        /* 50 + 40 × min(100%, 20% × 5) + 0 − 2 */
        CHECK_STR(val(a, &r->total_before), "90.00");
        CHECK_STR(val(a, &r->total), "88.00");
        CHECK_STR(r->grade, "合格");
        jx_diags_release(&d2);
    }
    jx_diags_release(&d);

    /* by path too */
    jx_diags_init(&d, a);
    fw = jx_framework_open(a, "/nonexistent", jx_sprintf(a, "%s/child.json", dir),
                           &d);
    CHECK(fw != NULL && fw->nitems == 3);
    jx_diags_release(&d);

    /* a cycle */
    put_file(dir, "x.json",
             "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"x\",\n"
             " \"title\": \"X\", \"source\": \"S\", \"extends\": \"y\"}\n");
    put_file(dir, "y.json",
             "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"y\",\n"
             " \"title\": \"Y\", \"source\": \"S\", \"extends\": \"x\"}\n");
    jx_diags_init(&d, a);
    CHECK(jx_framework_open(a, dir, "x", &d) == NULL);
    const struct jx_diag *x = find_code(&d, "F114");
    CHECK(x != NULL && d.n == 1);
    if (x) {
        CHECK_STR(x->msg, "\"extends\" 形成循环：x → y → x");
        CHECK_INT(x->loc.line, 2);
        CHECK_INT(x->loc.col, 42);
        CHECK(strstr(x->loc.file, "y.json") != NULL);
    }
    jx_diags_release(&d);

    /* a missing base, and an unknown id */
    put_file(dir, "z.json",
             "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"z\",\n"
             " \"title\": \"Z\", \"source\": \"S\", \"extends\": \"nothere\"}\n");
    jx_diags_init(&d, a);
    CHECK(jx_framework_open(a, dir, "z", &d) == NULL);
    x = find_code(&d, "F005");
    CHECK(x != NULL);
    if (x) {
        CHECK_STR(x->msg, jx_sprintf(a, "找不到框架文件 %s/nothere.json（%s 中的框架："
                                        "base、child、x、y、z）",
                                     dir, dir));
        CHECK_INT(x->loc.line, 2);
    }
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    CHECK(jx_framework_open(a, dir, "Bad_Id", &d) == NULL);
    CHECK_INT(count_code(&d, "F108"), 1);
    jx_diags_release(&d);

    /* extend in memory: an item replaced in place */
    struct jx_framework *base = LOAD_OK(a, fw_text(a, BANDS_ITEM, ""));
    const char *ctext =
        "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"t\", "
        "\"title\": \"C\", \"source\": \"S\", \"extends\": \"t0\", "
        "\"points\": \"1\"}";
    struct jx_framework *child = LOAD_OK(a, ctext);
    jx_diags_init(&d, a);
    struct jx_framework *m = jx_framework_extend(a, base, child, &d);
    CHECK(m && m->nitems == 1 && m->has_points);
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);

    static const char *const names[] = {"base.json", "child.json", "x.json",
                                        "y.json", "z.json"};
    for (size_t i = 0; i < 5; i++) {
        rm_file(dir, names[i]);
    }
    rmdir(dir);
    jx_arena_free(a);
}

/* ---- parts ------------------------------------------------------------------ */

/* Bands of a 控制率 part worth 3: below 90% 3, up to 100% 2, above 0
 * (written for a jx_sprintf format: %% is one %). */
#define CONTROL_BANDS                                                       \
    "\"bands\": [{\"range\": \"[0, 90%%)\", \"score\": \"3\"},"              \
    "{\"range\": \"[90%%, 100%%]\", \"score\": \"2\"},"                      \
    "{\"range\": \"(100%%, +inf)\", \"score\": \"0\"}]"

/* 深圳's 经济性 item: two parts of 3 points, each with its own na
 * policy (na2 for the second). */
static const char *economy_item(struct jx_arena *a, const char *na1,
                                const char *na2)
{
    return jx_sprintf(
        a,
        "{\"id\": \"economy\", \"level1\": \"部门绩效\", \"level2\": \"经济性\",\n"
        " \"name\": \"“三公”经费控制率、日常公用经费控制率\", \"points\": \"6\",\n"
        " \"match\": \"三公\", \"rule\": {\"type\": \"parts\", \"parts\": [\n"
        "  {\"name\": \"“三公”经费控制率\", \"points\": \"3\", \"rule\": "
        "{\"type\": \"bands\", \"input\": \"three\", \"na\": \"%s\", " CONTROL_BANDS "}},\n"
        "  {\"name\": \"日常公用经费控制率\", \"points\": \"3\", \"rule\": "
        "{\"type\": \"bands\", \"input\": \"public\", \"na\": \"%s\", " CONTROL_BANDS "}}]}}",
        na1, na2);
}

/* A package with a 部门整体支出绩效评分表 of one row (name, score). */
static struct jx_package *dept_pkg(struct jx_arena *a, const char *name,
                                   const char *score)
{
    struct jx_package *pkg = jx_package_new(a);
    pkg->source = "p.json";
    pkg->dept_scoring.present = true;
    pkg->dept_scoring.nrows = 1;
    struct jx_rubric_row *row = jx_alloc(a, sizeof *row);
    row->level1.s = "部门绩效";
    row->level2.s = "经济性";
    row->name.s = name;
    if (score) {
        row->score.present = true;
        row->score.v = R(score);
    }
    pkg->dept_scoring.rows = row;
    return pkg;
}

/* Evaluate items (JSON text) with stated "dept_scoring" over pkg. */
static const struct jx_fw_result *eval_dept(int at, struct jx_arena *a,
                                            const char *items, struct fake *f,
                                            const struct jx_package *pkg,
                                            struct jx_diags *d)
{
    jx_diags_init(d, a);
    struct jx_framework *fw = load_ok(
        at, a, fw_text(a, items, ", \"stated\": \"dept_scoring\""));
    if (!fw) {
        give_up(at);
    }
    struct jx_fw_env e = env_of(f);
    const struct jx_fw_result *r = jx_framework_eval(a, fw, pkg, &e, d);
    if (!r || !r->nitems) {
        give_up(at);
    }
    return r;
}

/* Parts: each part scored by its own rule and policies; the item's score
 * the sum; a 不适用 part at full points beside a computed one (seed 002:
 * 三公 0 / 0, 日常公用经费 20.25 / 20.75), the stated 6 against 5. */
static void parts_economy(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake_input in[] = {
        {"three", "NA:除数“三公经费预算安排数”为 0，不适用", "“三公”经费控制率", NULL},
        {"public", "0.9759", "公用经费控制率", "97.59%"}};
    struct fake f = {in, 2, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_result *res = eval_dept(
        __LINE__, a, economy_item(a, "full", "full"), &f,
        dept_pkg(a, "“三公”经费控制率、日常公用经费控制率", "6"), &d);
    const struct jx_fw_item_result *r = &res->items[0];
    CHECK_INT(r->status, JX_FWS_SCORED);
    CHECK_STR(r->num.rule, "fw-parts");
    CHECK_STR(val(a, &r->num), "5.00");
    CHECK_STR(r->num.formula,
              "“三公”经费控制率 不适用 → 3（不适用按满分） + "
              "日常公用经费控制率 97.59% ∈ [90%, 100%] → 2 = 5");
    CHECK_INT(r->num.ninputs, 3);
    CHECK_STR(r->num.inputs[0].name, "分值");
    CHECK_STR(r->num.inputs[0].value, "6");
    CHECK_STR(r->num.inputs[1].name, "“三公”经费控制率（3 分）");
    CHECK_STR(r->num.inputs[1].value, "不适用 → 3（不适用按满分）");
    CHECK_STR(r->num.inputs[2].name, "日常公用经费控制率（3 分）");
    CHECK_STR(r->num.inputs[2].value, "97.59% ∈ [90%, 100%] → 2");
    CHECK_STR(r->reason, "日常公用经费控制率：公用经费控制率为 97.59%，属 "
                         "[90%, 100%] 档，得 2 分，扣 1 分");
    CHECK_STR(ex(a, r->used), "5");
    CHECK_STR(r->used_from, "复核");
    /* each part keeps its own result */
    CHECK_INT(r->nparts, 2);
    CHECK_INT(r->parts[0].status, JX_FWS_SCORED);
    CHECK_STR(val(a, &r->parts[0].num), "3.00");
    CHECK_STR(r->parts[0].num.formula, "“三公”经费控制率不适用，得满分 3");
    CHECK_STR(r->parts[0].num.id, "economy.parts[0]");
    CHECK_STR(r->parts[1].num.formula, "97.59% ∈ [90%, 100%] → 2.00");
    CHECK(!r->parts[1].num.has_stated);
    /* the stated 6 breaks the rule: F201 with the recomputation */
    CHECK_INT(r->num.agrees, JX_AGREE_NO);
    CHECK_STR(ex(a, r->num.stated), "6");
    CHECK_STR(all_diags(a, &d),
              "t.json:5:76: 提示[F208]: 指标““三公”经费控制率”的“三公”经费控制率不适用"
              "（除数“三公经费预算安排数”为 0，不适用），按规则满分\n"
              "p.json /dept_scoring/rows/0/score: 错误[F201]: "
              "““三公”经费控制率、日常公用经费控制率”自评得分 6 与按规则复核的 5.00 不一致\n"
              "    “三公”经费控制率 不适用 → 3（不适用按满分） + "
              "日常公用经费控制率 97.59% ∈ [90%, 100%] → 2 = 5\n");
    CHECK_STR(val(a, &res->total), "5.00");
    jx_diags_release(&d);

    /* a stated 5 agrees */
    res = eval_dept(__LINE__, a, economy_item(a, "full", "full"), &f,
                    dept_pkg(a, "“三公”经费控制率、日常公用经费控制率", "5"), &d);
    CHECK_INT(res->items[0].num.agrees, JX_AGREE_YES);
    CHECK_INT(count_code(&d, "F201"), 0);
    jx_diags_release(&d);

    /* both 不适用, each by its own policy: full 3 + zero 0 */
    struct fake_input in2[] = {
        {"three", "NA:三公经费预算为 0", "“三公”经费控制率", NULL},
        {"public", "NA:公用经费预算为 0", "公用经费控制率", NULL}};
    struct fake f2 = {in2, 2, NULL, false, 0};
    res = eval_dept(__LINE__, a, economy_item(a, "full", "zero"), &f2, NULL,
                    &d);
    r = &res->items[0];
    CHECK_STR(val(a, &r->num), "3.00");
    CHECK_STR(r->num.formula,
              "“三公”经费控制率 不适用 → 3（不适用按满分） + "
              "日常公用经费控制率 不适用 → 0（不适用按零分） = 3");
    CHECK_STR(r->reason, "日常公用经费控制率：公用经费控制率不适用（公用经费预算为 0），"
                         "按规则不得分，扣 3 分");
    CHECK_INT(count_code(&d, "F208"), 2);
    jx_diags_release(&d);

    /* a part excluded: the rest scaled up to the item's points */
    res = eval_dept(__LINE__, a, economy_item(a, "exclude", "full"), &f, NULL,
                    &d);
    r = &res->items[0];
    CHECK_INT(r->status, JX_FWS_SCORED);
    CHECK_STR(val(a, &r->num), "4.00");
    CHECK_STR(r->num.formula,
              "(“三公”经费控制率 不适用 → 不计分（其余部分按本项分值折算） + "
              "日常公用经费控制率 97.59% ∈ [90%, 100%] → 2) × 6 / (6 − 不适用 3) = 4");
    CHECK_STR(r->num.note, "有不适用而不计分的部分，其余部分按本项分值折算");
    jx_diags_release(&d);

    /* every part excluded: the item is excluded */
    res = eval_dept(__LINE__, a, economy_item(a, "exclude", "exclude"), &f2,
                    NULL, &d);
    CHECK_INT(res->items[0].status, JX_FWS_EXCLUDED);
    CHECK(!res->items[0].counted);
    jx_diags_release(&d);

    /* a missing part (judge): a range over the parts */
    struct fake_input in3[] = {
        {"three", "MISSING:报告中没有三公经费", "“三公”经费控制率", NULL},
        {"public", "0.8", "公用经费控制率", NULL}};
    struct fake f3 = {in3, 2, NULL, false, 0};
    res = eval_dept(__LINE__, a, economy_item(a, "full", "full"), &f3, NULL,
                    &d);
    r = &res->items[0];
    CHECK_INT(r->status, JX_FWS_RANGE);
    CHECK_STR(ex(a, r->lo), "3");
    CHECK_STR(ex(a, r->hi), "6");
    CHECK_STR(r->num.formula,
              "“三公”经费控制率 缺少“三公”经费控制率，无法计算 → [0, 3] + "
              "日常公用经费控制率 80.00% ∈ [0, 90%) → 3，得分范围 [3, 6]");
    CHECK_STR(r->reason, "需人工判断：“三公”经费控制率（3 分）");
    CHECK_STR(ex(a, r->used), "3");
    CHECK_STR(r->used_from, "下限");
    CHECK_INT(res->njudge, 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* 政府采购执行情况: a proportional part and a judgement part. */
static const char PROCUREMENT_ITEM[] =
    "{\"id\": \"procurement\", \"level1\": \"部门管理\", \"level2\": \"资金管理\", "
    "\"name\": \"政府采购执行情况\", \"points\": \"2\", "
    "\"rule\": {\"type\": \"parts\", \"parts\": ["
    "{\"name\": \"政府采购执行率\", \"points\": \"1\", \"rule\": {\"type\": "
    "\"proportional\", \"input\": \"rate\", \"cap\": \"100%\", \"over\": \"zero\"}},"
    "{\"name\": \"政府采购政策功能落实\", \"points\": \"1\", \"rule\": {\"type\": "
    "\"manual\", \"bands\": [{\"name\": \"落实\", \"range\": \"[1, 1]\"}, "
    "{\"name\": \"未完全落实\", \"range\": \"[0, 1)\"}], \"suggest\": \"policy\"}}]}}";

/* A parts item with a judgement part: a range, the stated score inside
 * it accepted, outside it F202; the suggestion of the judgement part. */
static void parts_judgement(void)
{
    struct jx_arena *a = jx_arena_new();
    struct fake_input in[] = {{"rate", "95%", "政府采购执行率", NULL}};
    struct fake f = {in, 1, NULL, false, 0};
    struct jx_diags d;
    const struct jx_fw_result *res =
        eval_dept(__LINE__, a, PROCUREMENT_ITEM, &f, NULL, &d);
    const struct jx_fw_item_result *r = &res->items[0];
    CHECK_INT(r->status, JX_FWS_RANGE);
    CHECK(!r->num.has_value);
    CHECK_STR(ex(a, r->lo), "0.95");
    CHECK_STR(ex(a, r->hi), "1.95");
    CHECK_STR(r->num.formula,
              "政府采购执行率 1 × min(95.00%, 100%) → 0.95 + 政府采购政策功能落实 "
              "人工评分，档次：落实 [1, 1]、未完全落实 [0, 1) → [0, 1]，得分范围 [0.95, 1.95]");
    CHECK_STR(r->reason, "政府采购执行率：政府采购执行率为 95.00%，按比例得 0.95 分，"
                         "扣 0.05 分；需人工判断：政府采购政策功能落实（1 分）");
    CHECK_STR(ex(a, r->used), "0.95");
    CHECK_STR(r->used_from, "下限");
    jx_diags_release(&d);

    /* the suggested band of the judgement part */
    struct fake fs = {in, 1, "落实", false, 0};
    res = eval_dept(__LINE__, a, PROCUREMENT_ITEM, &fs, NULL, &d);
    r = &res->items[0];
    CHECK(r->parts[1].suggested != NULL);
    CHECK_STR(ex(a, r->used), "1.95");
    CHECK_STR(r->used_from, "建议");
    jx_diags_release(&d);

    /* stated inside the range, then outside */
    res = eval_dept(__LINE__, a, PROCUREMENT_ITEM, &f,
                    dept_pkg(a, "政府采购执行情况", "1.5"), &d);
    r = &res->items[0];
    CHECK_INT(r->num.agrees, JX_AGREE_YES);
    CHECK_STR(ex(a, r->used), "1.5");
    CHECK_STR(r->used_from, "自评");
    CHECK_INT(count_code(&d, "F202"), 0);
    jx_diags_release(&d);
    res = eval_dept(__LINE__, a, PROCUREMENT_ITEM, &f,
                    dept_pkg(a, "政府采购执行情况", "2"), &d);
    const struct jx_diag *x = find_code(&d, "F202");
    CHECK(x && x->severity == JX_SEV_ERROR);
    if (x) {
        CHECK_STR(x->msg, "“政府采购执行情况”自评得分 2 超出规则允许的范围 [0.95, 1.95]");
    }
    CHECK_STR(res->items[0].used_from, "修正");
    CHECK_STR(ex(a, res->items[0].used), "1.95");
    jx_diags_release(&d);

    /* above the cap: the part scores 0 */
    struct fake_input in2[] = {{"rate", "105%", "政府采购执行率", NULL}};
    struct fake f2 = {in2, 1, NULL, false, 0};
    res = eval_dept(__LINE__, a, PROCUREMENT_ITEM, &f2, NULL, &d);
    r = &res->items[0];
    CHECK_STR(ex(a, r->lo), "0");
    CHECK_STR(ex(a, r->hi), "1");
    CHECK_STR(r->reason, "政府采购执行率：政府采购执行率 105.00% 超过 100%，本项得 0 分；"
                         "需人工判断：政府采购政策功能落实（1 分）");
    jx_diags_release(&d);

    /* the JSON names each part */
    res = eval_dept(__LINE__, a, PROCUREMENT_ITEM, &f, NULL, &d);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    CHECK_INT(jx_fw_result_json(&b, res), 0);
    json_error_t err;
    json_t *root = json_loads(b.p, 0, &err);
    CHECK(root != NULL);
    if (root) {
        json_t *i0 = json_array_get(json_object_get(root, "items"), 0);
        CHECK_STR(json_string_value(json_object_get(i0, "status")), "range");
        json_t *ps = json_object_get(i0, "parts");
        CHECK_INT(json_array_size(ps), 2);
        json_t *p0 = json_array_get(ps, 0);
        CHECK_STR(json_string_value(json_object_get(p0, "id")),
                  "procurement.parts[0]");
        CHECK_STR(json_string_value(json_object_get(p0, "value")), "0.95");
        CHECK_STR(json_string_value(json_object_get(p0, "rule")),
                  "fw-proportional");
        CHECK(json_is_null(json_object_get(p0, "parts")));
        json_decref(root);
    }
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Parts at load: no nesting, no formula part, points that do not sum,
 * keys of other rules, an empty list; the calls of the parts checked. */
static void parts_load(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *items =
        "{\"id\": \"a\", \"level1\": \"L\", \"points\": \"100\",\n"
        " \"rule\": {\"type\": \"parts\", \"na\": \"full\", \"parts\": [\n"
        "  {\"name\": \"甲\", \"points\": \"50\", \"rule\": {\"type\": \"parts\", \"parts\": []}},\n"
        "  {\"name\": \"乙\", \"points\": \"40\", \"rule\": {\"type\": \"formula\", \"input\": \"x\"}},\n"
        "  {\"name\": \"丙\", \"rule\": {\"type\": \"deduct\", \"input\": \"x\"}, \"pts\": \"1\"}]}},\n"
        "{\"id\": \"b\", \"level1\": \"L\", \"points\": \"0\",\n"
        " \"rule\": {\"type\": \"parts\", \"parts\": []}}";
    bool ok;
    CHECK_STR(load_msgs(a, "t.json", fw_text(a, items, ""), &ok),
              "t.json:3:28 /items/0/rule/na: 错误[F101]: 未知的键 \"na\"（此键不适用于 parts 规则）\n"
              "t.json:4:50 /items/0/rule/parts/0/rule/type: 错误[F119]: "
              "parts 规则不能嵌套：部分的规则不能再是 parts\n"
              "t.json:5:50 /items/0/rule/parts/1/rule/type: 错误[F119]: "
              "formula 规则只计算数值、不计分，不能作为 parts 的部分\n"
              "t.json:6:3 /items/0/rule/parts/2: 错误[F104]: 缺少必填项 \"points\"\n"
              "t.json:6:59 /items/0/rule/parts/2/pts: 错误[F101]: 未知的键 \"pts\"\n"
              "t.json:8:37 /items/1/rule/parts: 错误[F119]: \"parts\" 至少需要 1 项\n");
    CHECK(!ok);
    const char *warn =
        "{\"id\": \"a\", \"level1\": \"L\", \"points\": \"100\",\n"
        " \"rule\": {\"type\": \"parts\", \"parts\": [\n"
        "  {\"name\": \"甲\", \"points\": \"50\", \"rule\": {\"type\": \"deduct\", "
        "\"input\": \"late(x)\", \"floor\": \"60\"}},\n"
        "  {\"name\": \"乙\", \"points\": \"40\", \"rule\": {\"type\": \"manual\", "
        "\"bands\": [{\"name\": \"全\", \"range\": \"[0, 40]\"}]}}]}}";
    CHECK_STR(load_msgs(a, "t.json", fw_text(a, warn, ""), &ok),
              "t.json:3:10 /items/0/rule: 警告[F120]: 各部分分值之和 90 不等于指标分值 100\n"
              "t.json:4:41 /items/0/rule/parts/0/rule: 警告[F120]: 扣分下限 60 不在 [0, 50] 内\n");
    CHECK(ok);
    /* calls inside parts are checked against the caller's functions */
    struct jx_framework *fw = LOAD_OK(a, fw_text(a, warn, ""));
    static const char *const fns[] = {"late_workdays", NULL};
    struct jx_fw_env e;
    memset(&e, 0, sizeof e);
    e.functions = fns;
    struct jx_diags d;
    jx_diags_init(&d, a);
    CHECK_INT(jx_framework_check(fw, &e, &d), 1);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* A failed item, then a failed part, each followed by one that loads
 * into the slot it left (tests/data/bad_framework_reused_slot.json,
 * also in fuzz/corpus/framework).  The failed ones left their counts
 * of parts and checks behind, and the next ones wrote past their
 * arrays (heap overflow under ASan with arena debugging; corrupted
 * sums in release builds): now exactly the two errors, no F120. */
static void parts_reused_slot(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/data/bad_framework_reused_slot.json",
             jx_test_srcdir);
    char *text;
    size_t len;
    if (jx_read_file(path, 1u << 20, &text, &len) < 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot read %s", path);
        return;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_framework *fw = jx_framework_load(a, "reused-slot.json", text, len,
                                                &d);
    CHECK(fw == NULL);
    CHECK_STR(all_diags(a, &d),
              "reused-slot.json:5:12 /items/0/id: 错误[F108]: 指标 id \"Bad Id\" "
              "无效：只能使用小写字母、数字、“-”“.”“_”\n"
              "reused-slot.json:9:7 /items/1/rule/parts/0: 错误[F104]: "
              "缺少必填项 \"name\"\n");
    jx_diags_release(&d);
    jx_arena_free(a);
    free(text);
}

/* ---- match "" and formula-only frameworks ------------------------------------- */

/* "match": "" takes no stated row (nor notes one missing); a framework
 * of formulas only has no total in either rendering. */
static void no_stated_no_total(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *items =
        "{\"id\": \"out\", \"level1\": \"产出指标\", \"level2\": \"产出指标\", "
        "\"points\": \"100\", \"match\": \"\", \"rule\": {\"type\": "
        "\"proportional\", \"input\": \"rate\"}}";
    struct fake_input in[] = {{"rate", "80%", "产出指标得分率", NULL}};
    struct fake f = {in, 1, NULL, false, 0};
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_framework *fw =
        LOAD_OK(a, fw_text(a, items, ", \"stated\": \"assessment\""));
    CHECK_STR(fw->items[0].match, "");
    struct jx_fw_env e = env_of(&f);
    const struct jx_fw_result *r =
        jx_framework_eval(a, fw, assess_pkg(a, "产出指标", "90"), &e, &d);
    CHECK(!r->items[0].num.has_stated && r->items[0].stated_row == NULL);
    CHECK_STR(all_diags(a, &d),
              "p.json /assessment/rows/0: 提示[F213]: 评分表第 1 行“产出指标”"
              "没有对应框架 t 中的任何指标\n");
    jx_diags_release(&d);
    /* without "match" the same row is taken */
    const char *items2 =
        "{\"id\": \"out\", \"level1\": \"产出指标\", \"level2\": \"产出指标\", "
        "\"points\": \"100\", \"rule\": {\"type\": \"proportional\", \"input\": \"rate\"}}";
    jx_diags_init(&d, a);
    fw = LOAD_OK(a, fw_text(a, items2, ", \"stated\": \"assessment\""));
    r = jx_framework_eval(a, fw, assess_pkg(a, "产出指标", "90"), &e, &d);
    CHECK(r->items[0].num.has_stated);
    CHECK_INT(count_code(&d, "F201"), 1);
    jx_diags_release(&d);

    /* formulas only: the values, no 合计 / 总分 */
    const char *formulas =
        "{\"id\": \"staff\", \"level1\": \"投入\", \"level2\": \"预算配置\", "
        "\"name\": \"在职人员控制率\", \"rule\": {\"type\": \"formula\", "
        "\"input\": \"staff / quota\", \"percent\": true}},"
        "{\"id\": \"gone\", \"level1\": \"过程\", \"name\": \"政府采购执行率\", "
        "\"rule\": {\"type\": \"formula\", \"input\": \"x\"}}";
    struct fake_input in2[] = {{"staff", "50", "在职人员数", NULL},
                               {"quota", "46", "编制数", NULL},
                               {"x", "MISSING:没有政府采购数据", "政府采购执行率", NULL}};
    struct fake f2 = {in2, 3, NULL, false, 0};
    jx_diags_init(&d, a);
    fw = LOAD_OK(a, fw_text(a, formulas, ""));
    e = env_of(&f2);
    r = jx_framework_eval(a, fw, NULL, &e, &d);
    CHECK(!r->scored);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    CHECK_INT(jx_fw_result_text(&b, r), 0);
    CHECK_STR(b.p,
              "测试（t）\n"
              "依据：测试\n"
              "\n"
              "一级指标  二级指标                  分值     得分  自评  核对  扣分理由\n"
              "投入      预算配置：在职人员控制率    —  108.70%\n"
              "过程      政府采购执行率              —       —\n");
    jx_buf_reset(&b);
    CHECK_INT(jx_fw_result_json(&b, r), 0);
    json_error_t err;
    json_t *root = json_loads(b.p, 0, &err);
    CHECK(root != NULL);
    if (root) {
        CHECK(json_is_null(json_object_get(root, "total")));
        CHECK(json_is_null(json_object_get(root, "total_before")));
        CHECK(json_is_null(json_object_get(root, "total_range")));
        CHECK(json_is_null(json_object_get(root, "grade")));
        CHECK_INT(json_array_size(json_object_get(root, "subtotals")), 0);
        json_t *i0 = json_array_get(json_object_get(root, "items"), 0);
        CHECK_STR(json_string_value(json_object_get(i0, "value")), "108.70%");
        json_decref(root);
    }
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* ---- renderings --------------------------------------------------------------- */

/* The text table and the JSON document of a result. */
static void renderings(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    const struct jx_fw_result *r = capped(a, "65%", "85", &d);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    CHECK_INT(jx_fw_result_text(&b, r), 0);
    CHECK_STR(b.p,
              "测试（t）\n"
              "依据：测试\n"
              "\n"
              "一级指标  二级指标  分值   得分  自评  核对  扣分理由\n"
              "产出      甲          90  85.00              甲为 ≈0.9444，按比例得 85 分，扣 5 分\n"
              "效益      乙          10   0.00              乙为 0，按比例得 0 分，扣 10 分\n"
              "\n"
              "小计：产出 85.00 / 90；效益 0.00 / 10\n"
              "合计：85.00（满分 100）\n"
              "总分封顶：预算执行率 65.00% ∈ [60%, 70%)，上限 79；min(85.00, 79) = 79.00\n"
              "总分扣分：max(0, 79.00 − 2 × 2) = 75.00\n"
              "总分：75.00  等级：中\n");
    jx_buf_reset(&b);
    CHECK_INT(jx_fw_result_json(&b, r), 0);
    json_error_t err;
    json_t *root = json_loads(b.p, 0, &err);
    CHECK(root != NULL);
    if (root) {
        CHECK_STR(json_string_value(json_object_get(root, "format")),
                  "jixiao-framework-evaluation");
        json_t *items = json_object_get(root, "items");
        CHECK_INT(json_array_size(items), 2);
        json_t *i0 = json_array_get(items, 0);
        CHECK_STR(json_string_value(json_object_get(i0, "value")), "85.00");
        CHECK_STR(json_string_value(json_object_get(i0, "status")), "scored");
        CHECK_STR(json_string_value(json_object_get(i0, "rule")),
                  "fw-proportional");
        json_t *t = json_object_get(root, "total");
        CHECK_STR(json_string_value(json_object_get(t, "value")), "75.00");
        CHECK_STR(json_string_value(json_object_get(root, "grade")), "中");
        CHECK_INT(json_array_size(json_object_get(root, "total_rules")), 2);
        CHECK_INT(json_array_size(json_object_get(root, "findings")), d.n);
        json_decref(root);
    }
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

const struct jx_test t_framework[] = {
    {"framework.expr_values", expr_values},
    {"framework.expr_absent", expr_absent},
    {"framework.expr_errors", expr_errors},
    {"framework.expr_trace", expr_trace},
    {"framework.ranges", ranges},
    {"framework.prim_bands", prim_bands},
    {"framework.prim_deduct", prim_deduct},
    {"framework.prim_proportional", prim_proportional},
    {"framework.prim_checklist", prim_checklist},
    {"framework.prim_quarterly", prim_quarterly},
    {"framework.prim_manual", prim_manual},
    {"framework.prim_formula", prim_formula},
    {"framework.na_policy", na_policy},
    {"framework.totals", totals},
    {"framework.stated", stated},
    {"framework.params", params},
    {"framework.load_errors", load_errors},
    {"framework.load_warnings", load_warnings},
    {"framework.extends", extends},
    {"framework.renderings", renderings},
    {"framework.parts_economy", parts_economy},
    {"framework.parts_judgement", parts_judgement},
    {"framework.parts_load", parts_load},
    {"framework.parts_reused_slot", parts_reused_slot},
    {"framework.no_stated_no_total", no_stated_no_total},
    {NULL, NULL},
};
