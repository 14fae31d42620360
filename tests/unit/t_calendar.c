/*
 * t_calendar.c - tests of the working-day calendar: the bundled data
 * for 2019-2026 (the Spring Festival and National Day spans with their
 * 调休 days, the late-working-day anchors of rules.md §7.4), refusal of
 * years without data, date arithmetic, and the reader's messages for
 * malformed data files (exact file:line:col).
 */
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

#include "jixiao/calendar.h"

/* A date from its parts. */
static struct jx_cal_date D(int y, int m, int d)
{
    struct jx_cal_date x = {y, m, d};
    return x;
}

/* The bundled calendar (data/calendar under JX_SRCDIR), loaded into a
 * (leaked per case, freed by the caller) arena; NULL after a failure. */
static struct jx_calendar *bundled(struct jx_arena *a)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    const char *dir = jx_sprintf(a, "%s/data/calendar", jx_test_srcdir);
    int rc = jx_calendar_load_dir(cal, dir, &d);
    for (size_t i = 0; i < d.n; i++) {
        struct jx_buf b;
        jx_buf_init(&b, 4096);
        jx_diag_format(&b, &d.a[i]);
        jx_test_fail(__FILE__, __LINE__, "%s", b.p);
        jx_buf_release(&b);
    }
    jx_diags_release(&d);
    CHECK_INT(rc, 0);
    return rc == 0 ? cal : NULL;
}

/* Late working days after deadline up to date (-1 when refused). */
static int late(const struct jx_calendar *cal, struct jx_cal_date deadline,
                struct jx_cal_date date)
{
    int n = -1;
    if (jx_calendar_late_workdays(cal, deadline, date, &n, NULL) != JX_CAL_OK) {
        return -1;
    }
    return n;
}

/* Working days in [from, to] (-1 when refused). */
static int workdays(const struct jx_calendar *cal, struct jx_cal_date from,
                    struct jx_cal_date to)
{
    int n = -1;
    if (jx_calendar_workdays(cal, from, to, &n, NULL) != JX_CAL_OK) {
        return -1;
    }
    return n;
}

/* The kind of day d (-1 when refused). */
static int kind(const struct jx_calendar *cal, struct jx_cal_date d)
{
    struct jx_cal_dayinfo info;
    if (jx_calendar_day(cal, d, &info, NULL) != JX_CAL_OK) {
        return -1;
    }
    return (int)info.kind;
}

/* The date as "YYYY-MM-DD" in a static buffer (one at a time). */
static const char *show(struct jx_cal_date d)
{
    static char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
    return buf;
}

/* All eight years load, in order, each citing its notice. */
static void bundled_years(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_calendar *cal = bundled(a);
    if (cal) {
        CHECK_INT(jx_calendar_nfiles(cal), 8);
        CHECK_STR(jx_calendar_years_text(cal), "2019–2026");
        static const char *const codes[8] = {
            "国办发明电〔2018〕15号", "国办发明电〔2019〕16号",
            "国办发明电〔2020〕27号", "国办发明电〔2021〕11号",
            "国办发明电〔2022〕16号", "国办发明电〔2023〕7号",
            "国办发明电〔2024〕12号", "国办发明电〔2025〕7号"};
        for (size_t i = 0; i < 8; i++) {
            const struct jx_cal_file *f = jx_calendar_file(cal, i);
            CHECK_INT(f->year, 2019 + (int)i);
            CHECK_STR(f->notices[0].code, codes[i]);
            CHECK(f->notices[0].nurls >= 1);
        }
        /* the amending notices of 2019 (劳动节) and 2020 (春节) */
        CHECK_INT(jx_calendar_year(cal, 2019)->nnotices, 2);
        CHECK_STR(jx_calendar_year(cal, 2019)->notices[1].code,
                  "国办发明电〔2019〕3号");
        CHECK_INT(jx_calendar_year(cal, 2020)->nnotices, 2);
        CHECK_STR(jx_calendar_year(cal, 2020)->notices[1].code,
                  "国办发明电〔2020〕1号");
        CHECK(jx_calendar_year(cal, 2018) == NULL);
        CHECK(jx_calendar_year(cal, 2027) == NULL);
    }
    jx_arena_free(a);
}

/* rules.md §7.4: late working days after the 2025 deadlines. */
static void deadline_anchors(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_calendar *cal = bundled(a);
    if (cal) {
        /* 线上报送 by 2025-07-15 (Tue) */
        CHECK_INT(late(cal, D(2025, 7, 15), D(2025, 7, 19)), 3); /* Sat */
        CHECK_INT(late(cal, D(2025, 7, 15), D(2025, 7, 21)), 4);
        CHECK_INT(late(cal, D(2025, 7, 15), D(2025, 7, 15)), 0);
        CHECK_INT(late(cal, D(2025, 7, 15), D(2025, 7, 1)), 0);
        CHECK_INT(late(cal, D(2025, 7, 15), D(2025, 7, 16)), 1);
        CHECK_INT(late(cal, D(2025, 7, 15), D(2025, 7, 29)), 10);
        /* 公开 by 2025-07-30 (Wed), published 2025-08-15 */
        CHECK_INT(late(cal, D(2025, 7, 30), D(2025, 8, 15)), 12);
        CHECK_INT(late(cal, D(2025, 7, 30), D(2025, 8, 13)), 10);
        /* on or before the deadline needs no data at all */
        CHECK_INT(late(cal, D(2030, 7, 15), D(2030, 7, 15)), 0);
        /* the 10th late working day of each deadline of §7.4 */
        static const struct {
            int y, m, d, y10, m10, d10;
        } tenth[] = {
            {2025, 7, 15, 2025, 7, 29}, {2025, 7, 30, 2025, 8, 13},
            {2026, 7, 15, 2026, 7, 29}, {2026, 7, 30, 2026, 8, 13},
            {2024, 7, 15, 2024, 7, 29}, {2024, 7, 30, 2024, 8, 13},
        };
        for (size_t i = 0; i < sizeof tenth / sizeof tenth[0]; i++) {
            struct jx_cal_date out = {0, 0, 0};
            CHECK_INT(jx_calendar_add_workdays(
                          cal, D(tenth[i].y, tenth[i].m, tenth[i].d), 10,
                          &out, NULL),
                      JX_CAL_OK);
            CHECK_STR(show(out),
                      show(D(tenth[i].y10, tenth[i].m10, tenth[i].d10)));
        }
        /* 2026 公开: the 2nd late working day is Monday 08-03 */
        struct jx_cal_date out = {0, 0, 0};
        CHECK_INT(jx_calendar_add_workdays(cal, D(2026, 7, 30), 2, &out, NULL),
                  JX_CAL_OK);
        CHECK_STR(show(out), "2026-08-03");
    }
    jx_arena_free(a);
}

/* Working days in [from, to] counted a day at a time with
 * jx_calendar_is_workday, and the first refusal's message in *why (-1
 * when a day is refused). */
static int workdays_by_day(const struct jx_calendar *cal,
                           struct jx_cal_date from, struct jx_cal_date to,
                           const char **why)
{
    int n = 0;
    for (struct jx_cal_date d = from; jx_calendar_date_cmp(d, to) <= 0;
         d = jx_calendar_date_add(d, 1)) {
        bool is = false;
        if (jx_calendar_is_workday(cal, d, &is, why) != JX_CAL_OK) {
            return -1;
        }
        n += is;
    }
    return n;
}

/* jx_calendar_workdays, which counts a year at a time, against the day
 * by day count: ranges within a year, across years, into the late
 * December that needs the next year's data and beyond the data; the
 * same count, or the same refusal with the same message. */
static void counts_by_year(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_calendar *cal = bundled(a);
    if (cal) {
        static const int from[][3] = {
            {2019, 1, 1},   {2019, 12, 20}, {2020, 2, 28}, {2021, 12, 25},
            {2023, 6, 1},   {2024, 12, 31}, {2025, 1, 1},  {2026, 12, 1},
            {2026, 12, 25}, {2018, 12, 30}};
        static const int span[] = {0, 1, 6, 7, 30, 200, 365, 366, 800};
        int ncounted = 0;
        for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
            for (size_t k = 0; k < sizeof span / sizeof span[0]; k++) {
                struct jx_cal_date f = D(from[i][0], from[i][1], from[i][2]);
                struct jx_cal_date t = jx_calendar_date_add(f, span[k]);
                const char *w1 = NULL, *w2 = NULL;
                int n = -1;
                enum jx_cal_status st =
                    jx_calendar_workdays(cal, f, t, &n, &w1);
                int want = workdays_by_day(cal, f, t, &w2);
                CHECK_INT(st == JX_CAL_OK ? n : -1, want);
                CHECK_STR(w1 ? w1 : "", w2 ? w2 : "");
                ncounted += want >= 0;
            }
        }
        CHECK_INT(ncounted, 65);
        /* by hand: 2025-12-29..2026-01-04 is Mon-Wed 3 (01-01..03 off)
           and Sun 01-04 worked: 4 */
        CHECK_INT(workdays(cal, D(2025, 12, 29), D(2026, 1, 4)), 4);
    }
    jx_arena_free(a);
}

/* The examples of the issue and a few windows counted by hand. */
static void counts(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_calendar *cal = bundled(a);
    if (cal) {
        CHECK_INT(workdays(cal, D(2025, 9, 29), D(2025, 10, 12)), 5);
        CHECK_INT(kind(cal, D(2025, 1, 26)), JX_CAL_SHIFTED); /* Sun */
        CHECK_INT(kind(cal, D(2025, 1, 28)), JX_CAL_HOLIDAY); /* Tue */
        CHECK_INT(kind(cal, D(2025, 10, 11)), JX_CAL_SHIFTED); /* Sat */
        CHECK_INT(kind(cal, D(2025, 7, 15)), JX_CAL_WORKDAY);
        CHECK_INT(kind(cal, D(2025, 7, 19)), JX_CAL_WEEKEND);
        /* 2025-01-20..02-09: Mon-Fri 5, Sun 26th, Mon 27th, 3 after the
         * holiday, Sat 8th */
        CHECK_INT(workdays(cal, D(2025, 1, 20), D(2025, 2, 9)), 11);
        /* 2020-01-18..02-09: the extension to 02-02 cancels the
         * Saturday 02-01 that was to be worked */
        CHECK_INT(workdays(cal, D(2020, 1, 18), D(2020, 2, 9)), 10);
        CHECK_INT(kind(cal, D(2020, 2, 1)), JX_CAL_HOLIDAY);
        CHECK_INT(kind(cal, D(2020, 1, 31)), JX_CAL_HOLIDAY);
        CHECK_INT(kind(cal, D(2020, 2, 3)), JX_CAL_WORKDAY);
        /* 2019 劳动节 as amended: 05-01..04 off, Sundays 04-28 and 05-05
         * worked (with Mon 04-29 and Tue 04-30: 4) */
        CHECK_INT(workdays(cal, D(2019, 4, 28), D(2019, 5, 5)), 4);
        CHECK_INT(kind(cal, D(2019, 5, 2)), JX_CAL_HOLIDAY);
        CHECK_INT(kind(cal, D(2019, 5, 5)), JX_CAL_SHIFTED);
        /* 2024: the eve (02-09) was only encouraged, not a holiday */
        CHECK_INT(kind(cal, D(2024, 2, 9)), JX_CAL_WORKDAY);
        /* whole years counted by hand: weekdays - weekday holidays +
         * 调休 days */
        CHECK_INT(workdays(cal, D(2020, 1, 1), D(2020, 12, 24)) +
                      workdays(cal, D(2020, 12, 25), D(2020, 12, 31)),
                  262 - 19 + 6);
        CHECK_INT(workdays(cal, D(2024, 1, 1), D(2024, 12, 31)),
                  262 - 19 + 8);
        CHECK_INT(workdays(cal, D(2025, 1, 1), D(2025, 12, 31)),
                  261 - 18 + 5);
    }
    jx_arena_free(a);
}

/* One festival span of a year with its 调休 days. */
struct span {
    int y;
    const char *name;         /* as the notice writes it */
    int m0, d0, m1, d1;       /* the days off, inclusive */
    int shifted[3][3];        /* month, day, weekday (0 Sun, 6 Sat) */
};

/* The Spring Festival and National Day of every year, as the notices
 * print them (2020: with the extension to 02-02). */
static const struct span spans[] = {
    {2019, "春节", 2, 4, 2, 10, {{2, 2, 6}, {2, 3, 0}, {0, 0, 0}}},
    {2019, "国庆节", 10, 1, 10, 7, {{9, 29, 0}, {10, 12, 6}, {0, 0, 0}}},
    {2020, "春节", 1, 24, 2, 2, {{1, 19, 0}, {0, 0, 0}, {0, 0, 0}}},
    {2020, "国庆节、中秋节", 10, 1, 10, 8,
     {{9, 27, 0}, {10, 10, 6}, {0, 0, 0}}},
    {2021, "春节", 2, 11, 2, 17, {{2, 7, 0}, {2, 20, 6}, {0, 0, 0}}},
    {2021, "国庆节", 10, 1, 10, 7, {{9, 26, 0}, {10, 9, 6}, {0, 0, 0}}},
    {2022, "春节", 1, 31, 2, 6, {{1, 29, 6}, {1, 30, 0}, {0, 0, 0}}},
    {2022, "国庆节", 10, 1, 10, 7, {{10, 8, 6}, {10, 9, 0}, {0, 0, 0}}},
    {2023, "春节", 1, 21, 1, 27, {{1, 28, 6}, {1, 29, 0}, {0, 0, 0}}},
    {2023, "中秋节、国庆节", 9, 29, 10, 6,
     {{10, 7, 6}, {10, 8, 0}, {0, 0, 0}}},
    {2024, "春节", 2, 10, 2, 17, {{2, 4, 0}, {2, 18, 0}, {0, 0, 0}}},
    {2024, "国庆节", 10, 1, 10, 7, {{9, 29, 0}, {10, 12, 6}, {0, 0, 0}}},
    {2025, "春节", 1, 28, 2, 4, {{1, 26, 0}, {2, 8, 6}, {0, 0, 0}}},
    {2025, "国庆节、中秋节", 10, 1, 10, 8,
     {{9, 28, 0}, {10, 11, 6}, {0, 0, 0}}},
    {2026, "春节", 2, 15, 2, 23, {{2, 14, 6}, {2, 28, 6}, {0, 0, 0}}},
    {2026, "国庆节", 10, 1, 10, 7, {{9, 20, 0}, {10, 10, 6}, {0, 0, 0}}},
};

/* Every day of every span is a holiday of that name, every 调休 day a
 * working Saturday or Sunday of it, and the days just outside a span
 * are not that holiday. */
static void festival_spans(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_calendar *cal = bundled(a);
    for (size_t i = 0; cal && i < sizeof spans / sizeof spans[0]; i++) {
        const struct span *s = &spans[i];
        struct jx_cal_date from = D(s->y, s->m0, s->d0);
        struct jx_cal_date to = D(s->y, s->m1, s->d1);
        for (struct jx_cal_date d = from; jx_calendar_date_cmp(d, to) <= 0;
             d = jx_calendar_date_add(d, 1)) {
            struct jx_cal_dayinfo info;
            if (jx_calendar_day(cal, d, &info, NULL) != JX_CAL_OK ||
                info.kind != JX_CAL_HOLIDAY || info.workday ||
                strcmp(info.entry->name, s->name) != 0) {
                jx_test_fail(__FILE__, __LINE__, "%s: not a %s holiday",
                             show(d), s->name);
            }
        }
        struct jx_cal_date outside[2] = {jx_calendar_date_add(from, -1),
                                         jx_calendar_date_add(to, 1)};
        for (int k = 0; k < 2; k++) {
            struct jx_cal_dayinfo info;
            if (jx_calendar_day(cal, outside[k], &info, NULL) != JX_CAL_OK ||
                info.kind == JX_CAL_HOLIDAY) {
                jx_test_fail(__FILE__, __LINE__, "%s: holiday outside %s",
                             show(outside[k]), s->name);
            }
        }
        CHECK_INT(workdays(cal, from, to), 0);
        for (int k = 0; k < 3 && s->shifted[k][0]; k++) {
            struct jx_cal_date d = D(s->y, s->shifted[k][0], s->shifted[k][1]);
            struct jx_cal_dayinfo info;
            if (jx_calendar_day(cal, d, &info, NULL) != JX_CAL_OK ||
                info.kind != JX_CAL_SHIFTED || !info.workday ||
                info.weekday != s->shifted[k][2] ||
                strcmp(info.entry->name, s->name) != 0) {
                jx_test_fail(__FILE__, __LINE__, "%s: not a %s 调休 day",
                             show(d), s->name);
            }
        }
    }
    jx_arena_free(a);
}

/* 元旦 spans that begin in December belong to the next year's notice,
 * but the date is answered only with its own year's data. */
static void new_year_across(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_calendar *cal = bundled(a);
    if (cal) {
        /* 2022-12-31 (Sat) and 2023-12-30/31 are off by the next
         * year's notice */
        struct jx_cal_dayinfo info;
        CHECK_INT(jx_calendar_day(cal, D(2022, 12, 31), &info, NULL),
                  JX_CAL_OK);
        CHECK_INT(info.kind, JX_CAL_HOLIDAY);
        CHECK_INT(info.file->year, 2023);
        CHECK_INT(kind(cal, D(2023, 12, 30)), JX_CAL_HOLIDAY);
        CHECK_INT(kind(cal, D(2024, 1, 1)), JX_CAL_HOLIDAY);
        CHECK_INT(kind(cal, D(2023, 1, 2)), JX_CAL_HOLIDAY);
        /* 2018-12-29 is a 调休 day of the 2019 notice, but 2018 has no
         * data: refused */
        CHECK_INT(kind(cal, D(2018, 12, 29)), -1);
        CHECK_INT(kind(cal, D(2019, 1, 1)), JX_CAL_HOLIDAY);
        CHECK_INT(kind(cal, D(2019, 1, 2)), JX_CAL_WORKDAY);
        /* 2026-01-04 (Sun) worked */
        CHECK_INT(kind(cal, D(2026, 1, 4)), JX_CAL_SHIFTED);
    }
    jx_arena_free(a);
}

/* Years without data are refused, never guessed, with a message naming
 * the year and the years available. */
static void refusals(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_calendar *cal = bundled(a);
    if (cal) {
        const char *why = NULL;
        bool is = false;
        CHECK_INT(jx_calendar_is_workday(cal, D(2018, 6, 1), &is, &why),
                  JX_CAL_NO_DATA);
        CHECK_STR(why, "没有 2018 年的节假日安排数据，无法判断 2018-06-01"
                       "（现有数据：2019–2026 年）");
        CHECK_INT(jx_calendar_is_workday(cal, D(2027, 1, 4), &is, &why),
                  JX_CAL_NO_DATA);
        CHECK_STR(why, "没有 2027 年的节假日安排数据，无法判断 2027-01-04"
                       "（现有数据：2019–2026 年）");
        /* late December of the last year depends on the next notice */
        CHECK_INT(kind(cal, D(2026, 12, 24)), JX_CAL_WORKDAY);
        CHECK_INT(jx_calendar_is_workday(cal, D(2026, 12, 25), &is, &why),
                  JX_CAL_NO_DATA);
        CHECK_STR(why, "2026-12-25 是否工作日还取决于 2027 年的节假日安排（元旦"
                       "放假和调休可能从上一年 12 月下旬开始），但没有 2027 年"
                       "的数据（现有数据：2019–2026 年）");
        /* ... while a December with the next year loaded is answered */
        CHECK_INT(kind(cal, D(2025, 12, 31)), JX_CAL_WORKDAY);
        /* ranges and walks that reach a year without data */
        int n = -1;
        CHECK_INT(jx_calendar_workdays(cal, D(2026, 12, 1), D(2027, 1, 10),
                                       &n, &why),
                  JX_CAL_NO_DATA);
        CHECK_INT(n, -1);
        CHECK_INT(jx_calendar_workdays(cal, D(2018, 12, 1), D(2019, 1, 10),
                                       &n, NULL),
                  JX_CAL_NO_DATA);
        struct jx_cal_date out = {0, 0, 0};
        CHECK_INT(jx_calendar_add_workdays(cal, D(2026, 12, 1), 30, &out,
                                           &why),
                  JX_CAL_NO_DATA);
        CHECK_INT(jx_calendar_late_workdays(cal, D(2026, 12, 15),
                                            D(2027, 1, 15), &n, NULL),
                  JX_CAL_NO_DATA);
        /* reversed ranges, counts out of range, impossible dates */
        CHECK_INT(jx_calendar_workdays(cal, D(2025, 10, 12), D(2025, 9, 29),
                                       &n, &why),
                  JX_CAL_RANGE);
        CHECK_STR(why, "起始日期 2025-10-12 晚于结束日期 2025-09-29");
        CHECK_INT(jx_calendar_add_workdays(cal, D(2025, 7, 15), 0, &out, &why),
                  JX_CAL_RANGE);
        CHECK_INT(jx_calendar_add_workdays(cal, D(2025, 7, 15),
                                           JX_CAL_MAX_STEPS + 1, &out, NULL),
                  JX_CAL_RANGE);
        CHECK_INT(jx_calendar_is_workday(cal, D(2025, 2, 29), &is, &why),
                  JX_CAL_BAD_DATE);
        CHECK_INT(jx_calendar_workdays(cal, D(2025, 1, 1), D(2025, 13, 1),
                                       &n, NULL),
                  JX_CAL_BAD_DATE);
    }
    /* an empty calendar names no years */
    struct jx_calendar *none = jx_calendar_new(a);
    const char *why = NULL;
    bool is;
    CHECK_INT(jx_calendar_is_workday(none, D(2025, 1, 2), &is, &why),
              JX_CAL_NO_DATA);
    CHECK_STR(why, "没有 2025 年的节假日安排数据，无法判断 2025-01-02"
                   "（现有数据：无 年）");
    jx_arena_free(a);
}

/* Date parsing, validity, weekdays and arithmetic. */
static void dates(void)
{
    struct jx_cal_date d = {0, 0, 0};
    CHECK_INT(jx_calendar_date_parse("2024-02-29", 10, &d), 0);
    CHECK_STR(show(d), "2024-02-29");
    CHECK_INT(jx_calendar_date_parse("2025-02-29", 10, &d), -1);
    CHECK_INT(jx_calendar_date_parse("1900-02-28", 10, &d), -1);
    CHECK_INT(jx_calendar_date_parse("2100-02-29", 10, &d), -1);
    CHECK_INT(jx_calendar_date_parse("2000-02-29", 10, &d), 0);
    CHECK_INT(jx_calendar_date_parse("2025-1-01", 9, &d), -1);
    CHECK_INT(jx_calendar_date_parse("2025/01/01", 10, &d), -1);
    CHECK_INT(jx_calendar_date_parse("2025-01-00", 10, &d), -1);
    CHECK_INT(jx_calendar_date_parse("2025-04-31", 10, &d), -1);
    CHECK_INT(jx_calendar_date_parse("２025-01-01", 12, &d), -1);
    CHECK_INT(jx_calendar_date_parse("2025-01-011", 10, &d), 0);
    CHECK_INT(jx_calendar_date_weekday(D(1970, 1, 1)), 4);
    CHECK_INT(jx_calendar_date_weekday(D(2000, 1, 1)), 6);
    CHECK_INT(jx_calendar_date_weekday(D(2025, 7, 15)), 2);
    CHECK_INT(jx_calendar_date_weekday(D(2025, 10, 11)), 6);
    CHECK_INT(jx_calendar_date_weekday(D(1901, 1, 1)), 2);
    CHECK_INT(jx_calendar_date_weekday(D(2999, 12, 31)), 2);
    CHECK_STR(show(jx_calendar_date_add(D(2024, 2, 28), 1)), "2024-02-29");
    CHECK_STR(show(jx_calendar_date_add(D(2024, 12, 31), 1)), "2025-01-01");
    CHECK_STR(show(jx_calendar_date_add(D(2025, 3, 1), -1)), "2025-02-28");
    CHECK_STR(show(jx_calendar_date_add(D(2025, 1, 1), 365)), "2026-01-01");
    CHECK(!jx_calendar_date_valid(jx_calendar_date_add(D(2999, 12, 31), 1)));
    CHECK(!jx_calendar_date_valid(jx_calendar_date_add(D(1901, 1, 1), -1)));
    CHECK(!jx_calendar_date_valid(jx_calendar_date_add(D(2025, 1, 1),
                                                       2147483647)));
    CHECK_STR(jx_calendar_weekday_zh(0), "星期日");
    CHECK_STR(jx_calendar_weekday_zh(6), "星期六");
    CHECK_STR(jx_calendar_weekday_zh(7), "");
    /* walking day by day across 1901..2999 agrees with parse and the
     * weekday cycle */
    struct jx_cal_date x = D(1901, 1, 1);
    int wd = jx_calendar_date_weekday(x), days = 0;
    while (jx_calendar_date_valid(x)) {
        if (jx_calendar_date_weekday(x) != wd) {
            jx_test_fail(__FILE__, __LINE__, "weekday of %s", show(x));
            break;
        }
        struct jx_cal_date p = {0, 0, 0};
        if (jx_calendar_date_parse(show(x), 10, &p) < 0 ||
            jx_calendar_date_cmp(p, x) != 0) {
            jx_test_fail(__FILE__, __LINE__, "round trip of %s", show(x));
            break;
        }
        x = jx_calendar_date_add(x, 1);
        wd = (wd + 1) % 7;
        days++;
    }
    /* 1901..2999: 1099 years, 274 divisible by 4 less the 7 centuries
     * not divisible by 400 (2100, 2200, 2300, 2500, 2600, 2700, 2900) */
    CHECK_INT(days, 1099 * 365 + 274 - 7);
}

/* Every diagnostic of reading text as a data file called "t.txt"
 * (promised year hint), formatted one per line, in an arena string. */
static const char *read_msgs(struct jx_arena *a, const char *text, int hint)
{
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    int rc = jx_calendar_add_text(cal, "t.txt", hint, text, strlen(text), &d);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    for (size_t i = 0; i < d.n; i++) {
        jx_diag_format(&b, &d.a[i]);
    }
    CHECK_INT(rc, d.n ? -1 : 0);
    CHECK_INT(jx_calendar_nfiles(cal), d.n ? 0 : 1);
    const char *s = jx_strdup(a, b.p);
    jx_buf_release(&b);
    jx_diags_release(&d);
    return s;
}

/* The head of a valid file: year and notice with its details. */
#define HEAD                                                               \
    "year 2025\n"                                                          \
    "notice 国办发明电〔2024〕12号\n"                                      \
    "title 国务院办公厅关于2025年部分节假日安排的通知\n"                   \
    "dated 2024-11-12\n"                                                   \
    "published 2024-11-12\n"                                               \
    "url https://www.gov.cn/x.htm\n"

/* A small valid file reads without a message; comments, blank lines,
 * CRLF, a BOM and tabs are fine. */
static void reader_valid(void)
{
    struct jx_arena *a = jx_arena_new();
    CHECK_STR(read_msgs(a,
                        "\xEF\xBB\xBF# 注释\r\n" HEAD "\n"
                        "holiday\t2025-01-28  2025-02-04 春节\r\n"
                        "  workday 2025-01-26 春节\n"
                        "holiday 2024-12-31 2025-01-01 元旦",
                        2025),
              "");
    jx_arena_free(a);
}

/* The reader's messages, each with its exact place. */
static void reader_errors(void)
{
    struct jx_arena *a = jx_arena_new();
    static const struct {
        const char *text;
        int hint;
        const char *want;
    } cases[] = {
        {HEAD "holliday 2025-01-01 2025-01-01 元旦\n", 0,
         "t.txt:7:1: 错误[D104]: 未知的记录“holliday”（可用：year、notice、"
         "title、dated、published、url、holiday、workday；注释行以 # 开头）\n"},
        {HEAD "holiday 2025-02-30 2025-03-01 春节\n", 0,
         "t.txt:7:9: 错误[D106]: 日期无效：“2025-02-30”（应为 YYYY-MM-DD "
         "格式的有效日期，年份 1901–2999）\n"},
        {HEAD "holiday 2025-01-01 2025-01-01 元旦 多余\n", 0,
         "t.txt:7:34: 错误[D105]: 多余的内容“多余”（“holiday”行应为："
         "holiday 起始日期 结束日期 节日名称）\n"},
        {HEAD "holiday 2025-01-01 2025-01-01\n", 0,
         "t.txt:7:30: 错误[D105]: “holiday”行不完整，应为：holiday "
         "起始日期 结束日期 节日名称\n"},
        {HEAD "holiday 2025-01-28 2025-02-04 春节\nworkday 2025-01-27 春节\n",
         0,
         "t.txt:8:9: 错误[D110]: 调休上班日 2025-01-27 是星期一，不是星期六"
         "或星期日\n"},
        {HEAD "holiday 2025-01-28 2025-02-04 春节\nworkday 2025-02-01 春节\n",
         0,
         "t.txt:8:9: 错误[D110]: 调休上班日 2025-02-01 在第 7 行的放假期间"
         "（春节，2025-01-28 至 2025-02-04）内\n"},
        {HEAD "holiday 2025-01-28 2025-02-04 春节\nworkday 2025-01-26 春节节\n",
         0,
         "t.txt:8:20: 错误[D110]: 调休上班日所属的节日“春节节”在本文件中"
         "没有 holiday 行\n"},
        {HEAD "holiday 2025-01-28 2025-02-04 春节\n"
              "workday 2025-01-26 春节\nworkday 2025-01-26 春节\n",
         0, "t.txt:9:9: 错误[D110]: 调休上班日 2025-01-26 重复（第 8 行已有）\n"},
        {HEAD "holiday 2025-01-28 2025-02-04 春节\n"
              "holiday 2025-02-04 2025-02-05 春节\n",
         0,
         "t.txt:8:9: 错误[D109]: 放假日期与第 7 行（春节，2025-01-28 至 "
         "2025-02-04）重叠\n"},
        {HEAD "holiday 2025-02-04 2025-01-28 春节\n", 0,
         "t.txt:7:20: 错误[D109]: 结束日期 2025-01-28 早于起始日期 "
         "2025-02-04\n"},
        {HEAD "holiday 2025-01-01 2025-03-01 春节\n", 0,
         "t.txt:7:20: 错误[D109]: 放假 60 天（2025-01-01 至 2025-03-01），"
         "超过上限 31 天\n"},
        {HEAD "holiday 2024-11-30 2024-12-01 元旦\n", 0,
         "t.txt:7:9: 错误[D108]: 日期 2024-11-30 不在 2025 年内（只能是 2025 "
         "年或 2024 年 12 月的日期）\n"},
        {HEAD "holiday 2026-01-01 2026-01-01 元旦\n", 0,
         "t.txt:7:9: 错误[D108]: 日期 2026-01-01 不在 2025 年内（只能是 2025 "
         "年或 2024 年 12 月的日期）\n"},
        {HEAD "holiday 2025-01-01 2025-01-01 元旦\n", 2026,
         "t.txt:1:6: 错误[D107]: 年份 2025 与文件名所示的 2026 年不符\n"},
        {"year 25\n", 0,
         "t.txt:1:6: 错误[D106]: 年份无效：“25”（应为 1901–2999 的四位数）\n"
         "t.txt: 错误[D107]: 缺少 notice 行（每个文件至少引用一份通知）\n"},
        {"notice X\nyear 2025\n", 0,
         "t.txt:2:1: 错误[D107]: year 行应是文件的第一条记录\n"
         "t.txt:1:1: 错误[D107]: 通知“X”缺少 title 行\n"},
        {"", 0,
         "t.txt: 错误[D107]: 缺少 year 行（文件的第一条记录应是 “year 年份”）\n"
         "t.txt: 错误[D107]: 缺少 notice 行（每个文件至少引用一份通知）\n"},
        {"year 2025\nholiday 2025-01-01 2025-01-01 元旦\n", 0,
         "t.txt:2:1: 错误[D107]: “holiday”行之前没有 notice 行（先写通知的"
         "文号）\n"
         "t.txt: 错误[D107]: 缺少 notice 行（每个文件至少引用一份通知）\n"},
        {HEAD, 0, "t.txt: 错误[D107]: 没有任何 holiday 行\n"},
        {HEAD "published 2024-11-13\nholiday 2025-01-01 2025-01-01 元旦\n", 0,
         "t.txt:7:1: 错误[D107]: 通知“国办发明电〔2024〕12号”的 published 行"
         "重复（第 5 行已有）\n"},
        {"year 2025\nnotice A\ntitle T\ndated 2024-11-13\n"
         "published 2024-11-12\nholiday 2025-01-01 2025-01-01 元旦\n",
         0,
         "t.txt:5:11: 错误[D107]: 通知“A”的发布日期 2024-11-12 早于成文日期 "
         "2024-11-13\n"},
        {HEAD "url ftp://x\nholiday 2025-01-01 2025-01-01 元旦\n", 0,
         "t.txt:7:5: 错误[D106]: 网址无效：“ftp://x”（应以 http:// 或 "
         "https:// 开头）\n"},
        {HEAD "holiday 2025-01-01 2025-01-01 元\xE6\n", 0,
         "t.txt:7:32: 错误[D102]: 不是有效的 UTF-8 文本（字节 0xE6）\n"},
        {HEAD "holiday 2025-01-01 2025-01-01 元旦\x01\n", 0,
         "t.txt:7:33: 错误[D102]: 含有控制字符或不可见字符 U+0001\n"},
        {"year 2025\nyear 2025\n", 0,
         "t.txt:2:1: 错误[D107]: 重复的 year 行（第 1 行已有）\n"
         "t.txt: 错误[D107]: 缺少 notice 行（每个文件至少引用一份通知）\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = read_msgs(a, cases[i].text, cases[i].hint);
        if (strcmp(got, cases[i].want) != 0) {
            jx_test_fail(__FILE__, __LINE__, "case %zu:\n  want %s  got  %s",
                         i, cases[i].want, got);
        }
    }
    jx_arena_free(a);
}

/* The hard limits: file size, line length, line count, entries. */
static void reader_limits(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    /* a file over 64 KiB is refused before reading */
    while (b.len <= JX_CAL_MAX_BYTES) {
        jx_buf_adds(&b, "# 0123456789012345678901234567890123456789\n");
    }
    char *want = jx_sprintf(a, "t.txt: 错误[D103]: 日历文件过大：%zu 字节，"
                               "上限 65536 字节\n",
                            b.len);
    CHECK_STR(read_msgs(a, b.p, 0), want);
    /* a line over 1024 bytes */
    jx_buf_reset(&b);
    jx_buf_adds(&b, HEAD "# ");
    for (int i = 0; i < 1100; i++) {
        jx_buf_addc(&b, 'x');
    }
    jx_buf_adds(&b, "\nholiday 2025-01-01 2025-01-01 元旦\n");
    CHECK_STR(read_msgs(a, b.p, 0),
              "t.txt:7:1: 错误[D103]: 行过长：1102 字节，上限 1024 字节\n");
    /* more than 2000 lines */
    jx_buf_reset(&b);
    jx_buf_adds(&b, HEAD "holiday 2025-01-01 2025-01-01 元旦\n");
    for (int i = 0; i < 2000; i++) {
        jx_buf_adds(&b, "\n");
    }
    CHECK_STR(read_msgs(a, b.p, 0),
              "t.txt:2001:1: 错误[D103]: 行数超过上限 2000 行，其余未读取\n");
    /* more than 64 holiday and workday lines (reported once) */
    jx_buf_reset(&b);
    jx_buf_adds(&b, HEAD);
    struct jx_cal_date d = D(2025, 1, 1);
    for (int i = 0; i < 66; i++, d = jx_calendar_date_add(d, 2)) {
        jx_buf_addf(&b, "holiday %s %s 节\n", show(d), show(d));
    }
    CHECK_STR(read_msgs(a, b.p, 0),
              "t.txt:71:1: 错误[D103]: holiday 和 workday 行超过上限 64 条\n");
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* Two files may not arrange the same day or describe the same year. */
static void reader_conflicts(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    const char *y2024 = "year 2024\nnotice N1\ntitle T\ndated 2023-10-25\n"
                        "published 2023-10-25\n"
                        "holiday 2024-01-01 2024-01-01 元旦\n";
    const char *y2025 = HEAD "holiday 2024-12-31 2025-01-01 元旦\n";
    const char *y2025b = "year 2025\nnotice N2\ntitle T\ndated 2024-11-12\n"
                         "published 2024-11-12\n"
                         "holiday 2025-05-01 2025-05-05 劳动节\n";
    const char *y2024b = "year 2024\nnotice N3\ntitle T\ndated 2023-10-25\n"
                         "published 2023-10-25\n"
                         "holiday 2024-12-30 2024-12-31 节\n";
    CHECK_INT(jx_calendar_add_text(cal, "2025.txt", 2025, y2025, strlen(y2025),
                                   &d),
              0);
    CHECK_INT(jx_calendar_add_text(cal, "2024.txt", 2024, y2024, strlen(y2024),
                                   &d),
              0);
    CHECK_INT(jx_calendar_add_text(cal, "x/2025.txt", 2025, y2025b,
                                   strlen(y2025b), &d),
              -1);
    CHECK_INT(jx_calendar_add_text(cal, "y.txt", 0, y2024b, strlen(y2024b),
                                   &d),
              -1);
    CHECK_INT(d.n, 2);
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    for (size_t i = 0; i < d.n; i++) {
        jx_diag_format(&b, &d.a[i]);
    }
    CHECK_STR(b.p, "x/2025.txt:1:6: 错误[D111]: 2025 年的安排已由“2025.txt”载入\n"
                   "y.txt:1:6: 错误[D111]: 2024 年的安排已由“2024.txt”载入\n");
    jx_buf_release(&b);
    /* the files loaded stay in year order; 2024-12-31 comes from 2025 */
    CHECK_INT(jx_calendar_nfiles(cal), 2);
    CHECK_INT(jx_calendar_file(cal, 0)->year, 2024);
    struct jx_cal_dayinfo info;
    CHECK_INT(jx_calendar_day(cal, D(2024, 12, 31), &info, NULL), JX_CAL_OK);
    CHECK_INT(info.kind, JX_CAL_HOLIDAY);
    CHECK_INT(info.file->year, 2025);
    jx_diags_release(&d);

    /* a day arranged by two files */
    struct jx_calendar *cal2 = jx_calendar_new(a);
    jx_diags_init(&d, a);
    const char *y2023 = "year 2023\nnotice N0\ntitle T\ndated 2022-12-08\n"
                        "published 2022-12-08\n"
                        "holiday 2023-12-29 2023-12-31 节\n";
    const char *y2024c = "year 2024\nnotice N1\ntitle T\ndated 2023-10-25\n"
                         "published 2023-10-25\n"
                         "holiday 2023-12-30 2024-01-01 元旦\n";
    CHECK_INT(jx_calendar_add_text(cal2, "2023.txt", 2023, y2023,
                                   strlen(y2023), &d),
              0);
    CHECK_INT(jx_calendar_add_text(cal2, "2024.txt", 2024, y2024c,
                                   strlen(y2024c), &d),
              -1);
    jx_buf_init(&b, 4096);
    for (size_t i = 0; i < d.n; i++) {
        jx_diag_format(&b, &d.a[i]);
    }
    CHECK_STR(b.p, "2024.txt:6:9: 错误[D111]: 2023-12-30 已由“2023.txt”第 6 "
                   "行规定，两个文件不能安排同一天\n");
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Write text to dir/name; 0 or -1. */
static int put(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return jx_write_file_atomic(path, text, strlen(text));
}

/* Loading a directory: missing, empty, a bad file among good ones
 * (every file read, every problem reported, names with the path). */
static void load_directory(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    CHECK_INT(jx_calendar_load_dir(cal, "/nonexistent/calendar", &d), -1);
    CHECK_INT(d.n, 1);
    if (d.n) {
        CHECK_STR(d.a[0].code, "D101");
        CHECK_STR(d.a[0].loc.file, "/nonexistent/calendar");
    }
    jx_diags_release(&d);

    static char dir[256];
    const char *base = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/jx-cal-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(dir)) {
        jx_test_skip("no temporary directory");
        jx_arena_free(a);
        return;
    }
    jx_diags_init(&d, a);
    cal = jx_calendar_new(a);
    CHECK_INT(jx_calendar_load_dir(cal, dir, &d), -1);
    CHECK_INT(d.n, 1);
    if (d.n) {
        CHECK_STR(d.a[0].msg, "日历目录中没有 YYYY.txt 格式的年度文件");
    }
    jx_diags_release(&d);

    CHECK_INT(put(dir, "README", "ignored\n"), 0);
    CHECK_INT(put(dir, "2025.txt", HEAD "holiday 2025-01-01 2025-01-01 元旦\n"),
              0);
    CHECK_INT(put(dir, "2026.txt", HEAD "holiday 2025-01-01 2025-01-01 元旦\n"),
              0);
    CHECK_INT(put(dir, "2024.txt", "year 2024\nnotice N\nbogus\n"), 0);
    jx_diags_init(&d, a);
    cal = jx_calendar_new(a);
    CHECK_INT(jx_calendar_load_dir(cal, dir, &d), -1);
    struct jx_buf b;
    jx_buf_init(&b, 8192);
    jx_diags_sort(&d);
    for (size_t i = 0; i < d.n; i++) {
        jx_diag_format(&b, &d.a[i]);
    }
    char *want = jx_sprintf(
        a,
        "%s/2024.txt:2:1: 错误[D107]: 通知“N”缺少 title 行\n"
        "%s/2024.txt:3:1: 错误[D104]: 未知的记录“bogus”（可用：year、notice、"
        "title、dated、published、url、holiday、workday；注释行以 # 开头）\n"
        "%s/2026.txt:1:6: 错误[D107]: 年份 2025 与文件名所示的 2026 年不符\n",
        dir, dir, dir);
    CHECK_STR(b.p, want);
    jx_buf_release(&b);
    jx_diags_release(&d);

    /* with the bad files gone, the directory loads */
    char path[512];
    snprintf(path, sizeof path, "%s/2024.txt", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/2026.txt", dir);
    unlink(path);
    jx_diags_init(&d, a);
    cal = jx_calendar_new(a);
    CHECK_INT(jx_calendar_load_dir(cal, dir, &d), 0);
    CHECK_INT(d.n, 0);
    CHECK_STR(jx_calendar_years_text(cal), "2025");
    jx_diags_release(&d);
    snprintf(path, sizeof path, "%s/2025.txt", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/README", dir);
    unlink(path);
    rmdir(dir);

    /* the default directory honours JIXIAO_DATADIR */
    const char *old = getenv("JIXIAO_DATADIR");
    char *saved = old ? jx_strdup(a, old) : NULL;
    setenv("JIXIAO_DATADIR", "/srv/jx", 1);
    CHECK_STR(jx_calendar_default_dir(a), "/srv/jx/calendar");
    if (saved) {
        setenv("JIXIAO_DATADIR", saved, 1);
    } else {
        unsetenv("JIXIAO_DATADIR");
    }
    jx_arena_free(a);
}

const struct jx_test t_calendar[] = {
    {"calendar.bundled_years", bundled_years},
    {"calendar.deadline_anchors", deadline_anchors},
    {"calendar.counts", counts},
    {"calendar.counts_by_year", counts_by_year},
    {"calendar.festival_spans", festival_spans},
    {"calendar.new_year_across", new_year_across},
    {"calendar.refusals", refusals},
    {"calendar.dates", dates},
    {"calendar.reader_valid", reader_valid},
    {"calendar.reader_errors", reader_errors},
    {"calendar.reader_limits", reader_limits},
    {"calendar.reader_conflicts", reader_conflicts},
    {"calendar.load_directory", load_directory},
    {NULL, NULL},
};
