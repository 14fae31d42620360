/*
 * cmd_calendar.c - `jixiao calendar`: working days from the State
 * Council's holiday notices (lib/assess/assess_calendar.c, data/calendar/YYYY.txt):
 * `workdays FROM TO`, `is-workday DATE`, `after DATE N` and `years`.
 * Exit 0 with an answer, 2 for bad usage, a bad date, a year without
 * data or unreadable data files, 3 when the answer cannot be written.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/calendar.h"

/* The most positional arguments a subcommand takes (after its name). */
#define MAX_ARGS 2

/* Parse a date argument into *d; on failure print why (exit 2). */
static int date_arg(const struct jx_cmd *self, const char *s,
                    struct jx_cal_date *d)
{
    if (jx_calendar_date_parse(s, strlen(s), d) == 0) {
        return JX_EXIT_OK;
    }
    return jx_cli_usage_error(self, "日期“%s”无效（应为 YYYY-MM-DD 格式的有效"
                                    "日期，年份 %d–%d）",
                              s, JX_CAL_YEAR_MIN, JX_CAL_YEAR_MAX);
}

/* Parse a count of working days (1..JX_CAL_MAX_STEPS) into *n. */
static int count_arg(const struct jx_cmd *self, const char *s, int *n)
{
    size_t len = strlen(s);
    int v = 0;
    bool ok = len > 0 && len <= 4;
    for (size_t i = 0; ok && i < len; i++) {
        ok = s[i] >= '0' && s[i] <= '9';
        v = v * 10 + (s[i] - '0');
    }
    if (!ok || v < 1 || v > JX_CAL_MAX_STEPS) {
        return jx_cli_usage_error(self, "工作日数“%s”无效（应为 1–%d 的整数）",
                                  s, JX_CAL_MAX_STEPS);
    }
    *n = v;
    return JX_EXIT_OK;
}

/* Load the calendar from dir; on failure print the problems and a
 * summary on stderr and return JX_EXIT_USAGE. */
static int load(struct jx_arena *arena, const char *dir,
                struct jx_calendar **out)
{
    struct jx_diags diags;
    jx_diags_init(&diags, arena);
    struct jx_calendar *cal = jx_calendar_new(arena);
    int rc = JX_EXIT_OK;
    if (jx_calendar_load_dir(cal, dir, &diags) < 0) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 20);
        jx_diags_sort(&diags);
        jx_cli_format_diags(&b, &diags, 0);
        jx_buf_addf(&b, "jixiao calendar: 日历数据“%s”未能载入（错误 %zu 个）\n",
                    dir, jx_diags_errors(&diags));
        fputs(b.p, stderr);
        jx_buf_release(&b);
        rc = JX_EXIT_USAGE;
    }
    jx_diags_release(&diags);
    *out = cal;
    return rc;
}

/* The answer to `is-workday`: "DATE WEEKDAY 结论（原因）". */
static void describe_day(struct jx_buf *b, struct jx_cal_date d,
                         const struct jx_cal_dayinfo *info)
{
    jx_buf_addf(b, "%04d-%02d-%02d %s ", d.y, d.m, d.d,
                jx_calendar_weekday_zh(info->weekday));
    switch (info->kind) {
    case JX_CAL_WORKDAY:
        jx_buf_adds(b, "工作日\n");
        break;
    case JX_CAL_WEEKEND:
        jx_buf_adds(b, "休息日（周末）\n");
        break;
    case JX_CAL_HOLIDAY:
        jx_buf_addf(b, "休息日（%s，%s）\n", info->entry->name,
                    info->entry->notice->code);
        break;
    case JX_CAL_SHIFTED:
        jx_buf_addf(b, "调休上班日（%s调休，%s）\n", info->entry->name,
                    info->entry->notice->code);
        break;
    }
}

/* `years`: one line per notice of every year loaded. */
static void list_years(struct jx_buf *b, const struct jx_calendar *cal)
{
    for (size_t i = 0; i < jx_calendar_nfiles(cal); i++) {
        const struct jx_cal_file *f = jx_calendar_file(cal, i);
        for (size_t k = 0; k < f->nnotices; k++) {
            const struct jx_cal_notice *nt = &f->notices[k];
            if (k == 0) {
                jx_buf_addf(b, "%d  ", f->year);
            } else {
                jx_buf_adds(b, "      ");
            }
            jx_buf_addf(b, "%s  %04d-%02d-%02d 发布  %s\n", nt->code,
                        nt->published.y, nt->published.m, nt->published.d,
                        nt->title);
        }
    }
}

/* Run one subcommand on the loaded calendar, appending its answer to
 * out; on failure print why and return the exit code. */
static int run(const struct jx_cmd *self, const struct jx_calendar *cal,
               const char *sub, char **args, struct jx_buf *out)
{
    const char *why = NULL;
    enum jx_cal_status st = JX_CAL_OK;
    struct jx_cal_date a, b;
    int rc;
    if (strcmp(sub, "workdays") == 0) {
        int n = 0;
        if ((rc = date_arg(self, args[0], &a)) != JX_EXIT_OK ||
            (rc = date_arg(self, args[1], &b)) != JX_EXIT_OK) {
            return rc;
        }
        st = jx_calendar_workdays(cal, a, b, &n, &why);
        if (st == JX_CAL_OK) {
            jx_buf_addf(out, "%d\n", n);
        }
    } else if (strcmp(sub, "is-workday") == 0) {
        struct jx_cal_dayinfo info;
        if ((rc = date_arg(self, args[0], &a)) != JX_EXIT_OK) {
            return rc;
        }
        st = jx_calendar_day(cal, a, &info, &why);
        if (st == JX_CAL_OK) {
            describe_day(out, a, &info);
        }
    } else if (strcmp(sub, "after") == 0) {
        int n = 0;
        if ((rc = date_arg(self, args[0], &a)) != JX_EXIT_OK ||
            (rc = count_arg(self, args[1], &n)) != JX_EXIT_OK) {
            return rc;
        }
        st = jx_calendar_add_workdays(cal, a, n, &b, &why);
        if (st == JX_CAL_OK) {
            jx_buf_addf(out, "%04d-%02d-%02d\n", b.y, b.m, b.d);
        }
    } else {
        list_years(out, cal);
    }
    if (st != JX_CAL_OK) {
        fprintf(stderr, "jixiao calendar: %s\n", why ? why : "无法计算");
        return JX_EXIT_USAGE;
    }
    return JX_EXIT_OK;
}

/* `jixiao calendar SUBCOMMAND ARGS... [--calendar-dir DIR]`. */
int jx_cmd_calendar(int argc, char **argv)
{
    static const struct {
        const char *name;
        int nargs;
    } subs[] = {{"workdays", 2}, {"is-workday", 1}, {"after", 2},
                {"years", 0}};
    const struct jx_cmd *self = jx_cmd_find("calendar");
    const char *dir = NULL, *sub = NULL;
    char *args[MAX_ARGS] = {NULL, NULL};
    int nargs = 0, want = 0;
    for (int i = 1; i < argc; i++) {
        const char *val = NULL;
        int m;
        if ((m = jx_cli_optval(argc, argv, &i, "--calendar-dir", &val))) {
            if (m < 0 || !*val) {
                return jx_cli_usage_error(self, "--calendar-dir 缺少目录");
            }
            dir = val;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0' &&
                   !(argv[i][1] >= '0' && argv[i][1] <= '9')) {
            return jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        } else if (!sub) {
            size_t k = 0;
            while (k < sizeof subs / sizeof subs[0] &&
                   strcmp(argv[i], subs[k].name) != 0) {
                k++;
            }
            if (k == sizeof subs / sizeof subs[0]) {
                return jx_cli_usage_error(self, "未知的子命令“%s”（可用："
                                                "workdays、is-workday、"
                                                "after、years）",
                                          argv[i]);
            }
            sub = subs[k].name;
            want = subs[k].nargs;
        } else if (nargs >= want) {
            return jx_cli_usage_error(self, "多余的参数“%s”", argv[i]);
        } else {
            args[nargs++] = argv[i];
        }
    }
    if (!sub) {
        return jx_cli_usage_error(self, "缺少子命令（workdays、is-workday、"
                                        "after、years）");
    }
    if (nargs < want) {
        return jx_cli_usage_error(self, "“%s”缺少参数", sub);
    }
    struct jx_arena *arena = jx_arena_new();
    if (!dir) {
        dir = jx_calendar_default_dir(arena);
    }
    struct jx_calendar *cal;
    int rc = load(arena, dir, &cal);
    if (rc == JX_EXIT_OK) {
        struct jx_buf out;
        jx_buf_init(&out, 1u << 20);
        rc = run(self, cal, sub, args, &out);
        if (rc == JX_EXIT_OK && jx_cli_write(&out) < 0) {
            rc = JX_EXIT_IO;
        }
        jx_buf_release(&out);
    }
    jx_arena_free(arena);
    return rc;
}
