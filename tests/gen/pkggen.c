/*
 * pkggen.c - random packages, consistent by construction (see pkggen.h).
 *
 * Amounts are int64 hundredths of 万元 and are formatted as strings; no
 * floating point.  Every stated rate and score is computed here with
 * integer half-up rounding, independently of lib/analyse/score.c.
 */
#include "pkggen.h"

#include <stdio.h>
#include <string.h>

/* Next 64 random bits (splitmix64). */
uint64_t jx_rng_next(struct jx_rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* A uniform integer in [lo, hi]. */
int64_t jx_rng_range(struct jx_rng *r, int64_t lo, int64_t hi)
{
    uint64_t span = (uint64_t)(hi - lo) + 1u;
    return lo + (int64_t)(jx_rng_next(r) % span);
}

/* One element of a string array. */
static const char *pick(struct jx_rng *r, const char *const *a, size_t n)
{
    return a[jx_rng_next(r) % n];
}

#define PICK(r, a) pick((r), (a), sizeof(a) / sizeof((a)[0]))

/* num / den rounded half-up to an integer (num >= 0, den > 0). */
static int64_t div_half_up(int64_t num, int64_t den)
{
    return (2 * num + den) / (2 * den);
}

/* "1234.56" for 123456 hundredths. */
char *jx_gen_money(char *buf, int64_t h)
{
    const char *sign = h < 0 ? "-" : "";
    int64_t a = h < 0 ? -h : h;
    snprintf(buf, 32, "%s%lld.%02lld", sign, (long long)(a / 100),
             (long long)(a % 100));
    return buf;
}

/* "97.50%" for num/den, half-up at 0.01%. */
char *jx_gen_rate(char *buf, int64_t num, int64_t den)
{
    int64_t bp = div_half_up(num * 10000, den);
    snprintf(buf, 32, "%lld.%02lld%%", (long long)(bp / 100),
             (long long)(bp % 100));
    return buf;
}

/* obj[key] = the string s (obj owns it). */
static void sset(json_t *obj, const char *key, const char *s)
{
    json_object_set_new(obj, key, json_string(s));
}

/* obj[key] = the amount h as a string. */
static void mset(json_t *obj, const char *key, int64_t h)
{
    char b[32];
    sset(obj, key, jx_gen_money(b, h));
}

/* A score in hundredths of a point as "9.79", "10" or "9.8". */
static char *score_str(char *buf, int64_t h)
{
    if (h % 100 == 0) {
        snprintf(buf, 32, "%lld", (long long)(h / 100));
    } else if (h % 10 == 0) {
        snprintf(buf, 32, "%lld.%lld", (long long)(h / 100),
                 (long long)(h % 100 / 10));
    } else {
        snprintf(buf, 32, "%lld.%02lld", (long long)(h / 100),
                 (long long)(h % 100));
    }
    return buf;
}

/* A base-sheet cost row {prev_final, budget, final}. */
struct cost {
    int64_t prev, budget, final;
};

/* A leaf cost row around budget b: spent 90–100%, last year ±20%. */
static struct cost leaf(struct jx_rng *r, int64_t b)
{
    struct cost c;
    c.budget = b;
    c.final = b * jx_rng_range(r, 90, 100) / 100;
    c.prev = c.final * jx_rng_range(r, 85, 115) / 100;
    return c;
}

/* The sum of two cost rows. */
static struct cost cadd(struct cost a, struct cost b)
{
    struct cost c = {a.prev + b.prev, a.budget + b.budget, a.final + b.final};
    return c;
}

/* The JSON object of a cost row. */
static json_t *cost_json(struct cost c)
{
    json_t *o = json_object();
    mset(o, "prev_final", c.prev);
    mset(o, "budget", c.budget);
    mset(o, "final", c.final);
    return o;
}

/* ---- indicators ------------------------------------------------------ */

/* Kinds of generated indicator. */
enum ikind { IK_COUNT, IK_PCT, IK_EQ100, IK_QUAL, IK_COST, IK_FEWER,
             IK_SATIS };

/* One generated indicator row. */
struct gind {
    enum ikind kind;
    const char *l1, *l2, *name;
    char target[64], actual[64];
    int points;
    int64_t score; /* hundredths of a point */
    const char *deviation;
};

static const char *const count_names[] = {
    "组织业务培训场次", "开展政策宣传活动次数", "完成专项检查次数",
    "服务群众人次", "新建便民设施数量", "完成入户走访户数",
    "办理民生实事件数", "维修养护设施处数"};
static const char *const count_units[] = {"场", "次", "次", "人次", "个",
                                          "户", "件", "处"};
static const char *const pct_names[] = {
    "工程验收合格率", "事项按期办结率", "资料归档完整率",
    "检查整改完成率", "设备完好率"};
static const char *const qual_names[] = {"工作任务完成", "资金拨付",
                                         "项目推进"};
static const char *const fewer_names[] = {
    "群众有效投诉件数", "安全生产事故起数", "辖区刑事案件发案数",
    "信访积案件数", "环境污染事件起数", "工程质量事故起数"};
static const char *const fewer_units[] = {"件", "起", "起",
                                          "件", "起", "起"};
static const char *const benefit_pct[] = {"服务覆盖率", "政策知晓率",
                                          "问题整改率"};
static const char *const benefit_l2[] = {"社会效益指标", "经济效益指标",
                                         "生态效益指标",
                                         "可持续影响指标"};

/* Names already used on the sheet being generated. */
struct used {
    const char *a[32];
    size_t n;
};

/* True when name is in u. */
static bool is_used(const struct used *u, const char *name)
{
    for (size_t i = 0; i < u->n; i++) {
        if (strcmp(u->a[i], name) == 0) {
            return true;
        }
    }
    return false;
}

/* Index of a name of pool not used yet (recorded as used), or -1. */
static int pick_new(struct jx_rng *r, const char *const *pool, size_t n,
                    struct used *u)
{
    size_t start = (size_t)(jx_rng_next(r) % n);
    for (size_t k = 0; k < n; k++) {
        size_t i = (start + k) % n;
        if (!is_used(u, pool[i]) && u->n < 32) {
            u->a[u->n++] = pool[i];
            return (int)i;
        }
    }
    return -1;
}

#define PICK_NEW(r, a, u) pick_new((r), (a), sizeof(a) / sizeof((a)[0]), (u))

/* Points of a block of `total` points in rows of 5 or 10. */
static size_t split_points(struct jx_rng *r, int total, int *pts, size_t max)
{
    size_t n = 0;
    while (total > 0 && n < max) {
        int p = (total >= 10 && jx_rng_next(r) % 2) ? 10 : 5;
        if (n + 1 == max) {
            p = total;
        }
        pts[n++] = p;
        total -= p;
    }
    return n;
}

/*
 * The indicators of a sheet: 产出 50, 效益 30, 满意度 10, all met except
 * perhaps the 满意度 row (scored actual / target × points with a note).
 * cost_target/cost_actual: the 成本指标 on the sheet's money (≤ budget,
 * actual = executed), or cost_target < 0 for none.  At most two
 * qualitative rows.  Returns the count; *score_sum gets Σ scores.
 */
static size_t gen_indicators(struct jx_rng *r, struct gind *g, size_t max,
                             int64_t cost_target, int64_t cost_actual,
                             int64_t *score_sum)
{
    size_t n = 0;
    int pts[16];
    int nqual = 0;
    bool used_cost = false;
    struct used u = {{0}, 0};
    static const char *const eq_names[] = {"安全隐患整改完成率"};
    static const char *const ontime_names[] = {"按时完成率"};
    size_t np = split_points(r, 50, pts, 8);
    for (size_t i = 0; i < np && n < max; i++) {
        struct gind *x = &g[n++];
        memset(x, 0, sizeof *x);
        x->l1 = "产出指标";
        x->points = pts[i];
        x->score = pts[i] * 100;
        int k = (int)jx_rng_range(r, 0, 9);
        int w = 0;
        if (k == 7 && PICK_NEW(r, eq_names, &u) < 0) {
            k = 0;
        }
        if (k >= 8 && (nqual >= 2 || (w = PICK_NEW(r, qual_names, &u)) < 0)) {
            k = PICK_NEW(r, ontime_names, &u) < 0 ? 5 : 10;
        }
        if ((k >= 5 && k <= 6) && (w = PICK_NEW(r, pct_names, &u)) < 0) {
            k = 0;
        }
        if (!used_cost && cost_target >= 0 && (i == np - 1 || k == 0)) {
            char b1[32], b2[32];
            used_cost = true;
            x->kind = IK_COST;
            x->l2 = "成本指标";
            x->name = "全年经费支出";
            snprintf(x->target, sizeof x->target, "≤%s万元",
                     jx_gen_money(b1, cost_target));
            snprintf(x->actual, sizeof x->actual, "%s万元",
                     jx_gen_money(b2, cost_actual));
        } else if (k <= 4) {
            w = PICK_NEW(r, count_names, &u);
            int64_t t = jx_rng_range(r, 10, 500);
            int64_t a = t + t * jx_rng_range(r, 0, 15) / 100;
            x->kind = IK_COUNT;
            x->l2 = "数量指标";
            x->name = count_names[w];
            snprintf(x->target, sizeof x->target, "≥%lld%s", (long long)t,
                     count_units[w]);
            snprintf(x->actual, sizeof x->actual, "%lld%s", (long long)a,
                     count_units[w]);
        } else if (k <= 6) {
            int64_t t = jx_rng_range(r, 90, 98);
            int64_t a = jx_rng_range(r, t * 10, 1000);
            x->kind = IK_PCT;
            x->l2 = "质量指标";
            x->name = pct_names[w];
            snprintf(x->target, sizeof x->target, "≥%lld%%", (long long)t);
            snprintf(x->actual, sizeof x->actual, "%lld.%lld%%",
                     (long long)(a / 10), (long long)(a % 10));
        } else if (k == 7) {
            x->kind = IK_EQ100;
            x->l2 = "质量指标";
            x->name = eq_names[0];
            snprintf(x->target, sizeof x->target, "=100%%");
            snprintf(x->actual, sizeof x->actual, "100%%");
        } else if (k <= 9) {
            nqual++;
            x->kind = IK_QUAL;
            x->l2 = "时效指标";
            x->name = qual_names[w];
            snprintf(x->target, sizeof x->target, "及时");
            snprintf(x->actual, sizeof x->actual, "及时");
        } else {
            x->kind = IK_PCT;
            x->l2 = "时效指标";
            x->name = ontime_names[0];
            snprintf(x->target, sizeof x->target, "≥95%%");
            snprintf(x->actual, sizeof x->actual, "98%%");
        }
    }
    np = split_points(r, 30, pts, 4);
    for (size_t i = 0; i < np && n < max; i++) {
        struct gind *x = &g[n++];
        memset(x, 0, sizeof *x);
        x->l1 = "效益指标";
        x->points = pts[i];
        x->score = pts[i] * 100;
        x->l2 = PICK(r, benefit_l2);
        int k = (int)jx_rng_range(r, 0, 2);
        int w = 0;
        static const char *const sustain[] = {"长效管理机制"};
        if (k == 2 && (nqual >= 2 || PICK_NEW(r, sustain, &u) < 0)) {
            k = 1;
        }
        if (k == 1 && (w = PICK_NEW(r, benefit_pct, &u)) < 0) {
            k = 0;
        }
        if (k == 0) {
            w = PICK_NEW(r, fewer_names, &u);
            int64_t t = jx_rng_range(r, 5, 40);
            x->kind = IK_FEWER;
            x->l2 = "社会效益指标";
            x->name = fewer_names[w];
            snprintf(x->target, sizeof x->target, "≤%lld%s", (long long)t,
                     fewer_units[w]);
            snprintf(x->actual, sizeof x->actual, "%lld%s",
                     (long long)jx_rng_range(r, t * 8 / 10, t),
                     fewer_units[w]);
        } else if (k == 1) {
            int64_t t = jx_rng_range(r, 80, 95);
            x->kind = IK_PCT;
            x->name = benefit_pct[w];
            snprintf(x->target, sizeof x->target, "≥%lld%%", (long long)t);
            snprintf(x->actual, sizeof x->actual, "%lld%%",
                     (long long)jx_rng_range(r, t, t + t / 10 < 100 ? t + t / 10 : 100));
        } else {
            nqual++;
            x->kind = IK_QUAL;
            x->l2 = "可持续影响指标";
            x->name = sustain[0];
            snprintf(x->target, sizeof x->target, "健全");
            snprintf(x->actual, sizeof x->actual, "健全");
        }
    }
    if (n < max) {
        struct gind *x = &g[n++];
        memset(x, 0, sizeof *x);
        int64_t t = jx_rng_range(r, 85, 95);
        x->kind = IK_SATIS;
        x->l1 = "满意度指标";
        x->l2 = "服务对象满意度指标";
        x->name = "服务对象满意度";
        x->points = 10;
        snprintf(x->target, sizeof x->target, "≥%lld%%", (long long)t);
        if (jx_rng_next(r) % 3 == 0) {
            int64_t a = t - jx_rng_range(r, 1, 4);
            snprintf(x->actual, sizeof x->actual, "%lld%%", (long long)a);
            x->score = div_half_up(a * 10 * 100, t);
            x->deviation = "个别服务事项回应不够及时，满意度未达目标；"
                           "下一年度建立月度回访制度。";
        } else {
            snprintf(x->actual, sizeof x->actual, "%lld%%",
                     (long long)jx_rng_range(r, t, 99));
            x->score = 1000;
        }
    }
    int64_t s = 0;
    for (size_t i = 0; i < n; i++) {
        s += g[i].score;
    }
    *score_sum = s;
    return n;
}

/* The JSON array of indicator rows. */
static json_t *indicators_json(const struct gind *g, size_t n)
{
    json_t *a = json_array();
    for (size_t i = 0; i < n; i++) {
        char b[32];
        json_t *o = json_object();
        sset(o, "level1", g[i].l1);
        sset(o, "level2", g[i].l2);
        sset(o, "name", g[i].name);
        sset(o, "target", g[i].target);
        sset(o, "actual", g[i].actual);
        snprintf(b, sizeof b, "%d", g[i].points);
        sset(o, "points", b);
        sset(o, "score", score_str(b, g[i].score));
        if (g[i].deviation) {
            sset(o, "deviation", g[i].deviation);
        }
        json_array_append_new(a, o);
    }
    return a;
}

/* The 执行率得分 in hundredths for executed/budget, points 10: the rate
 * rounded to 0.01% first, then × 10 rounded to 0.01 (double rounding,
 * the default policy); capped at 10. */
static int64_t exec_score(int64_t executed, int64_t budget)
{
    int64_t bp = div_half_up(executed * 10000, budget);
    int64_t s = div_half_up(bp, 10);
    return s > 1000 ? 1000 : s;
}

/* A funds row {budget_initial?, budget_full, executed, points, rate,
 * score}; returns the score in hundredths. */
static int64_t total_funds(json_t *funds, int64_t initial, int64_t budget,
                           int64_t executed)
{
    char b[32];
    json_t *t = json_object();
    int64_t s = exec_score(executed, budget);
    mset(t, "budget_initial", initial);
    mset(t, "budget_full", budget);
    mset(t, "executed", executed);
    sset(t, "points", "10");
    sset(t, "rate", jx_gen_rate(b, executed, budget));
    sset(t, "score", score_str(b, s));
    json_object_set_new(funds, "total", t);
    return s;
}

/* ---- the package ----------------------------------------------------- */

static const char *const regions[] = {"示例市清河区", "示例市青山县",
                                      "示例市东湖区", "示例市云岭县",
                                      "示例市南溪区"};
static const char *const orgs[] = {
    "城市管理局", "教育局",   "卫生健康局", "柳岸街道办事处",
    "农业农村局", "文化旅游局", "自然资源局", "民政局",
    "司法局",     "水利局"};
static const char *const duties[] = {
    "负责本行业的规划、管理和监督工作",
    "负责辖区基层治理、公共服务和平安建设",
    "负责政策的组织实施和公共服务的提供"};
static const char *const special_names[] = {
    "道路桥梁维护专项资金", "社区治理专项资金", "人居环境整治专项资金",
    "信息化建设专项资金", "安全生产专项资金", "公共文化服务专项资金"};

/* A new package drawn from seed (see pkggen.h). */
json_t *jx_gen_package(uint64_t seed, struct jx_gen_info *info)
{
    struct jx_rng rr = {seed * 0x2545f4914f6cdd1du + 1u}, *r = &rr;
    struct jx_gen_info inf;
    memset(&inf, 0, sizeof inf);
    char b1[32], b2[32], b3[32], b4[32], b5[32];
    char name[256];
    const char *region = PICK(r, regions);
    const char *org = PICK(r, orgs);
    snprintf(name, sizeof name, "%s%s", region, org);
    snprintf(inf.unit_name, sizeof inf.unit_name, "%.100s", name);
    inf.short_name = org;
    inf.year = (int)jx_rng_range(r, 2019, 2025);
    inf.cost_index = inf.count_index = inf.pct_index = inf.qual_index = -1;

    json_t *p = json_object();
    sset(p, "format", "jixiao-package");
    json_object_set_new(p, "version", json_integer(1));
    json_t *unit = json_object();
    sset(unit, "name", name);
    snprintf(b1, sizeof b1, "%06lld", (long long)jx_rng_range(r, 100000,
                                                              999999));
    sset(unit, "code", b1);
    sset(unit, "region", region);
    snprintf(b2, sizeof b2, "%s人民政府", region);
    sset(unit, "supervisor", b2);
    json_object_set_new(p, "unit", unit);
    json_object_set_new(p, "year", json_integer(inf.year));
    json_t *contacts = json_object();
    sset(contacts, "preparer", "李明");
    snprintf(b1, sizeof b1, "0999-%07lld",
             (long long)jx_rng_range(r, 2000000, 8999999));
    sset(contacts, "phone", b1);
    sset(contacts, "head", "张华");
    snprintf(b1, sizeof b1, "%d-07-%02d", inf.year + 1,
             (int)jx_rng_range(r, 1, 9));
    sset(contacts, "date", b1);
    json_object_set_new(p, "contacts", contacts);

    /* 基础数据表 */
    json_t *base = json_object();
    sset(base, "unit", "万元");
    inf.authorized = jx_rng_range(r, 20, 200);
    inf.actual = inf.authorized - jx_rng_range(r, 0, 5);
    json_t *staff = json_object();
    json_object_set_new(staff, "authorized", json_integer(inf.authorized));
    json_object_set_new(staff, "actual", json_integer(inf.actual));
    sset(staff, "control_rate", jx_gen_rate(b1, inf.actual, inf.authorized));
    json_object_set_new(base, "staffing", staff);

    json_t *costs = json_object();
    struct cost purchase = {0, 0, 0};
    if (jx_rng_next(r) % 4 == 0) {
        purchase = leaf(r, jx_rng_range(r, 1500, 3000));
    }
    struct cost operation = leaf(r, jx_rng_range(r, 300, 2500));
    struct cost vehicle = cadd(purchase, operation);
    struct cost overseas = {0, 0, 0};
    inf.overseas_zero = true;
    if (jx_rng_next(r) % 5 == 0) {
        overseas = leaf(r, jx_rng_range(r, 200, 1200));
        inf.overseas_zero = false;
    }
    struct cost reception = leaf(r, jx_rng_range(r, 100, 800));
    struct cost three = cadd(cadd(vehicle, overseas), reception);
    inf.three_budget = three.budget;
    inf.three_final = three.final;
    json_object_set_new(costs, "three_public", cost_json(three));
    json_object_set_new(costs, "vehicle", cost_json(vehicle));
    json_object_set_new(costs, "vehicle_purchase", cost_json(purchase));
    json_object_set_new(costs, "vehicle_operation", cost_json(operation));
    json_object_set_new(costs, "overseas", cost_json(overseas));
    json_object_set_new(costs, "reception", cost_json(reception));

    /* 项目支出 lines */
    struct cost lines[4];
    const char *line_names[4];
    const char *line_cats[4];
    inf.nlines = (size_t)jx_rng_range(r, 1, 4);
    struct cost project = {0, 0, 0};
    const char *special_used = NULL;
    for (size_t i = 0; i < inf.nlines; i++) {
        lines[i] = leaf(r, jx_rng_range(r, 3000, 90000));
        if (i == 0) {
            line_names[i] = "业务工作经费";
            line_cats[i] = "business";
        } else if (i == 1) {
            line_names[i] = "运行维护经费";
            line_cats[i] = "operation";
        } else {
            const char *s = PICK(r, special_names);
            while (s == special_used) {
                s = PICK(r, special_names);
            }
            special_used = s;
            line_names[i] = s;
            line_cats[i] = "local_special";
        }
        project = cadd(project, lines[i]);
    }
    json_object_set_new(costs, "project", cost_json(project));
    json_t *pl = json_array();
    for (size_t i = 0; i < inf.nlines; i++) {
        json_t *o = cost_json(lines[i]);
        sset(o, "category", line_cats[i]);
        sset(o, "name", line_names[i]);
        json_array_append_new(pl, o);
    }
    json_object_set_new(costs, "project_lines", pl);

    struct cost office = leaf(r, jx_rng_range(r, 1000, 6000));
    struct cost utilities = leaf(r, jx_rng_range(r, 1000, 6000));
    struct cost meetings = leaf(r, jx_rng_range(r, 300, 2000));
    struct cost rest = leaf(r, jx_rng_range(r, 2000, 20000));
    struct cost pubf = cadd(cadd(office, utilities), cadd(meetings, rest));
    json_object_set_new(costs, "public_funds", cost_json(pubf));
    json_object_set_new(costs, "office", cost_json(office));
    json_object_set_new(costs, "utilities_travel", cost_json(utilities));
    json_object_set_new(costs, "meetings_training", cost_json(meetings));
    json_object_set_new(costs, "procurement",
                        cost_json(leaf(r, jx_rng_range(r, 2000, 20000))));
    struct cost zero = {0, 0, 0};
    json_object_set_new(costs, "basic_adjustment", cost_json(zero));
    json_object_set_new(base, "costs", costs);

    inf.has_building = jx_rng_next(r) % 4 == 0;
    if (inf.has_building) {
        int64_t area = jx_rng_range(r, 800, 5000);
        int64_t aarea = area - jx_rng_range(r, 0, area / 20);
        int64_t inv = jx_rng_range(r, 50000, 300000);
        int64_t ainv = inv - jx_rng_range(r, 0, inv / 20);
        json_t *bl = json_array(), *o = json_object();
        sset(o, "name", "综合业务用房");
        snprintf(b1, sizeof b1, "%lld", (long long)area);
        sset(o, "approved_area", b1);
        snprintf(b1, sizeof b1, "%lld", (long long)aarea);
        sset(o, "actual_area", b1);
        sset(o, "area_rate", jx_gen_rate(b1, aarea, area));
        mset(o, "budget_invest", inv);
        mset(o, "actual_invest", ainv);
        sset(o, "invest_rate", jx_gen_rate(b1, ainv, inv));
        json_array_append_new(bl, o);
        json_object_set_new(base, "buildings", bl);
    }
    sset(base, "thrift_measures",
         "严格执行公务接待和差旅标准，公车统一调度；会议、培训从简举办。");
    json_object_set_new(p, "base_sheet", base);

    /* 整体支出绩效自评表 */
    inf.public_funds = pubf.final;
    inf.personnel = jx_rng_range(r, 20000, 300000);
    inf.basic = inf.personnel + inf.public_funds;
    inf.project = project.final;
    inf.executed = inf.basic + inf.project;
    inf.budget_full = inf.executed + inf.executed * jx_rng_range(r, 0, 8) / 100;
    int64_t initial = inf.budget_full - inf.budget_full *
                                            jx_rng_range(r, 0, 10) / 100;
    inf.gov_fund = jx_rng_next(r) % 2 ? 0 : inf.executed *
                                                jx_rng_range(r, 3, 15) / 100;
    inf.other = jx_rng_next(r) % 3 ? 0 : inf.executed *
                                             jx_rng_range(r, 1, 5) / 100;
    inf.general_executed = inf.executed - inf.gov_fund - inf.other;
    inf.general_budget = inf.general_executed +
                         (inf.budget_full - inf.executed);
    json_t *us = json_object();
    sset(us, "unit", "万元");
    json_t *funds = json_object();
    int64_t exec_pts = total_funds(funds, initial, inf.budget_full,
                                   inf.executed);
    json_t *gb = json_object();
    mset(gb, "budget_full", inf.general_budget);
    mset(gb, "executed", inf.general_executed);
    json_object_set_new(funds, "general_budget", gb);
    if (inf.gov_fund) {
        json_t *o = json_object();
        mset(o, "budget_full", inf.gov_fund);
        mset(o, "executed", inf.gov_fund);
        json_object_set_new(funds, "gov_fund", o);
    }
    if (inf.other) {
        json_t *o = json_object();
        mset(o, "budget_full", inf.other);
        mset(o, "executed", inf.other);
        json_object_set_new(funds, "other", o);
    }
    json_t *fb = json_object();
    mset(fb, "executed", inf.basic);
    json_object_set_new(funds, "basic", fb);
    json_t *fp = json_object();
    mset(fp, "executed", inf.project);
    json_object_set_new(funds, "project", fp);
    json_object_set_new(us, "funds", funds);
    json_t *goals = json_array(), *g1 = json_object();
    sset(g1, "expected", "保障机关正常运转，全面履行部门职责，完成年度重点工作任务。");
    sset(g1, "actual", "机关全年正常运转，年度重点工作任务按计划完成。");
    json_array_append_new(goals, g1);
    json_object_set_new(us, "goals", goals);
    struct gind gi[24];
    int64_t ssum = 0;
    size_t ni = gen_indicators(r, gi, 24, inf.budget_full, inf.executed,
                               &ssum);
    inf.nindicators = ni;
    for (size_t i = 0; i < ni; i++) {
        if (gi[i].kind == IK_COST && inf.cost_index < 0) {
            inf.cost_index = (int)i;
        } else if (gi[i].kind == IK_COUNT && inf.count_index < 0) {
            inf.count_index = (int)i;
        } else if (gi[i].kind == IK_PCT && inf.pct_index < 0) {
            inf.pct_index = (int)i;
        } else if (gi[i].kind == IK_QUAL && inf.qual_index < 0) {
            inf.qual_index = (int)i;
        }
    }
    json_object_set_new(us, "indicators", indicators_json(gi, ni));
    int64_t unit_total = exec_pts + ssum;
    sset(us, "stated_total", score_str(b1, unit_total));
    json_object_set_new(p, "unit_sheet", us);

    /* 项目支出绩效自评表, for the first lines */
    inf.nproject_sheets = (size_t)jx_rng_range(r, 0, (int64_t)inf.nlines);
    int64_t project_totals[4] = {0};
    if (inf.nproject_sheets) {
        json_t *ps = json_array();
        for (size_t i = 0; i < inf.nproject_sheets; i++) {
            json_t *s = json_object();
            sset(s, "unit", "万元");
            sset(s, "name", line_names[i]);
            sset(s, "supervisor", name);
            sset(s, "implementer", name);
            json_t *f = json_object();
            int64_t bud = lines[i].budget, ex = lines[i].final;
            int64_t carry = jx_rng_next(r) % 2 ? 0 : bud / 10;
            int64_t ep = total_funds(f, bud - carry, bud, ex);
            json_t *ca = json_object(), *co = json_object();
            mset(ca, "budget_initial", bud - carry);
            mset(ca, "budget_full", bud - carry);
            mset(ca, "executed", ex - carry);
            mset(co, "budget_initial", 0);
            mset(co, "budget_full", carry);
            mset(co, "executed", carry);
            json_object_set_new(f, "current_appropriation", ca);
            json_object_set_new(f, "carryover", co);
            json_object_set_new(s, "funds", f);
            json_t *pg = json_array(), *o = json_object();
            snprintf(name, sizeof name, "按计划完成%s支持的各项工作。",
                     line_names[i]);
            sset(o, "expected", name);
            sset(o, "actual", "各项工作按计划完成。");
            json_array_append_new(pg, o);
            json_object_set_new(s, "goals", pg);
            struct gind pi[24];
            int64_t psum = 0;
            size_t pn = gen_indicators(r, pi, 24, bud, ex, &psum);
            json_object_set_new(s, "indicators", indicators_json(pi, pn));
            project_totals[i] = ep + psum;
            sset(s, "stated_total", score_str(b1, project_totals[i]));
            json_array_append_new(ps, s);
        }
        json_object_set_new(p, "project_sheets", ps);
    }

    /* 自评报告 */
    json_t *rep = json_object();
    snprintf(name, sizeof name, "%.100s%d年度部门整体支出绩效自评报告",
             inf.unit_name, inf.year);
    sset(rep, "title", name);
    static const char *const markers[] = {"一、", "二、", "三、", "四、",
                                          "五、", "六、", "七、", "八、",
                                          "九、", "十、"};
    static const char *const titles[] = {
        "单位基本情况",           "一般公共预算支出情况",
        "政府性基金预算支出情况", "国有资本经营预算支出情况",
        "社会保险基金预算支出情况", "单位整体支出绩效情况",
        "存在的问题及原因分析",   "下一步改进措施",
        "绩效自评结果拟应用和公开情况", "其他需要说明的情况"};
    char text[10][1024];
    char share_b[3][32];
    snprintf(text[0], sizeof text[0],
             "%s%s，内设 %lld 个科室。核定编制 %lld 名，年末实际在职 %lld 名。",
             org, PICK(r, duties), (long long)jx_rng_range(r, 3, 12),
             (long long)inf.authorized, (long long)inf.actual);
    snprintf(text[1], sizeof text[1],
             "%d 年一般公共预算全年预算数 %s 万元，执行 %s 万元。"
             "全年支出 %s 万元，其中基本支出 %s 万元，项目支出 %s 万元。"
             "基本支出中人员经费 %s 万元，公用经费 %s 万元。"
             "项目支出 %s 万元，占总支出的 %s。",
             inf.year, jx_gen_money(b1, inf.general_budget),
             jx_gen_money(b2, inf.general_executed),
             jx_gen_money(share_b[1], inf.executed),
             jx_gen_money(b3, inf.basic), jx_gen_money(b4, inf.project),
             jx_gen_money(b5, inf.personnel),
             jx_gen_money(name, inf.public_funds),
             jx_gen_money(share_b[0], inf.project),
             jx_gen_rate(share_b[2], inf.project, inf.executed));
    if (inf.gov_fund) {
        snprintf(text[2], sizeof text[2],
                 "政府性基金拨款全年预算数 %s 万元，执行 %s 万元，用于基础设施配套。",
                 jx_gen_money(b1, inf.gov_fund),
                 jx_gen_money(b2, inf.gov_fund));
    } else {
        snprintf(text[2], sizeof text[2], "本单位无政府性基金预算支出。");
    }
    snprintf(text[3], sizeof text[3], "本单位无国有资本经营预算支出。");
    snprintf(text[4], sizeof text[4], "本单位无社会保险基金预算支出。");
    int off = snprintf(
        text[5], sizeof text[5],
        "全年预算数 %s 万元，执行 %s 万元，执行率 %s。"
        "三公经费预算 %s 万元，实际支出 %s 万元，预算执行率 %s。",
        jx_gen_money(b1, inf.budget_full), jx_gen_money(b2, inf.executed),
        jx_gen_rate(b3, inf.executed, inf.budget_full),
        jx_gen_money(b4, inf.three_budget), jx_gen_money(b5, inf.three_final),
        jx_gen_rate(name, inf.three_final, inf.three_budget));
    inf.has_list = inf.nlines >= 3;
    if (inf.has_list) {
        off += snprintf(text[5] + off, sizeof text[5] - (size_t)off,
                        "项目支出实际支出 %s 万元，其中：",
                        jx_gen_money(b1, inf.project));
        for (size_t i = 0; i < inf.nlines; i++) {
            off += snprintf(text[5] + off, sizeof text[5] - (size_t)off,
                            "%s%s %s 万元", i ? "、" : "", line_names[i],
                            jx_gen_money(b1, lines[i].final));
        }
        off += snprintf(text[5] + off, sizeof text[5] - (size_t)off, "。");
    }
    snprintf(text[5] + off, sizeof text[5] - (size_t)off,
             "整体支出自评总分 %s 分，等级为优。",
             score_str(b1, unit_total));
    snprintf(text[6], sizeof text[6],
             "部分项目因工程结算未完成，年末资金未支付，形成结余；"
             "个别服务事项回应不够及时。");
    snprintf(text[7], sizeof text[7],
             "加快工程结算进度，按季度通报项目支出执行情况；建立月度回访制度。");
    snprintf(text[8], sizeof text[8],
             "自评结果作为下一年度预算安排的参考，并在政府门户网站公开。");
    snprintf(text[9], sizeof text[9], "无。");
    json_t *secs = json_array();
    for (int i = 0; i < 10; i++) {
        json_t *s = json_object();
        json_object_set_new(s, "no", json_integer(i + 1));
        sset(s, "marker", markers[i]);
        sset(s, "title", titles[i]);
        sset(s, "text", text[i]);
        json_array_append_new(secs, s);
    }
    json_object_set_new(rep, "sections", secs);
    json_t *att = json_array();
    json_array_append_new(att, json_string("预算单位整体支出绩效评价基础数据表"));
    json_array_append_new(att, json_string("整体支出绩效自评表"));
    if (inf.nproject_sheets) {
        json_array_append_new(att, json_string("项目支出绩效自评表"));
    }
    json_object_set_new(rep, "attachments", att);
    json_object_set_new(p, "report", rep);

    /* 考核评分表 (the bureau's scoring of the self-evaluation work) */
    inf.has_assessment = jx_rng_next(r) % 3 == 0;
    if (inf.has_assessment) {
        static const struct {
            const char *l1, *l2;
            int points;
        } rows[] = {{"及时性", "线上报送", 10}, {"及时性", "公开", 10},
                    {"完整性", "报送材料", 15}, {"完整性", "报告内容", 15},
                    {"客观性", "指标设置", 20}, {"客观性", "问题分析", 15},
                    {"客观性", "改进措施", 15}};
        json_t *as = json_object(), *ar = json_array();
        sset(as, "title", "预算单位整体支出绩效自评工作考核评分表");
        int total = 0;
        for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
            json_t *o = json_object();
            int sc = rows[i].points - (int)jx_rng_range(r, 0, 3);
            total += sc;
            sset(o, "level1", rows[i].l1);
            sset(o, "level2", rows[i].l2);
            snprintf(b1, sizeof b1, "%d", rows[i].points);
            sset(o, "points", b1);
            snprintf(b1, sizeof b1, "%d", sc);
            sset(o, "score", b1);
            if (sc < rows[i].points) {
                sset(o, "reason", "材料不够完整");
            }
            json_array_append_new(ar, o);
        }
        json_object_set_new(as, "rows", ar);
        snprintf(b1, sizeof b1, "%d", total);
        sset(as, "stated_total", b1);
        sset(as, "stated_grade", total >= 90 ? "优" : total >= 80 ? "良"
                                                : total >= 60 ? "中" : "差");
        inf.assessment_total = total;
        json_object_set_new(p, "assessment", as);
    }

    json_t *sub = json_object(), *mat = json_array();
    json_array_append_new(mat, json_string("report"));
    json_array_append_new(mat, json_string("base_sheet"));
    json_array_append_new(mat, json_string("unit_sheet"));
    if (inf.nproject_sheets) {
        json_array_append_new(mat, json_string("project_sheets"));
    }
    json_object_set_new(sub, "materials", mat);
    snprintf(b1, sizeof b1, "%d-07-%02d", inf.year + 1,
             (int)jx_rng_range(r, 10, 15));
    sset(sub, "submitted", b1);
    snprintf(b1, sizeof b1, "%d-07-%02d", inf.year + 1,
             (int)jx_rng_range(r, 20, 30));
    sset(sub, "published", b1);
    json_object_set_new(p, "submission", sub);

    (void)project_totals;
    if (info) {
        *info = inf;
    }
    return p;
}
