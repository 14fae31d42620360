/*
 * assess_calendar.c - the working-day calendar: the reader of the yearly data
 * files (docs/calendar.md) and the working-day queries.  Dates are
 * counted as days since 1970-01-01 (integers only); each calendar year
 * a file touches gets a table of 366 marks saying which file line, if
 * any, arranges that day.
 */
#include "jixiao/calendar.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "jx_datadir.h"

/* ---- dates ----------------------------------------------------------- */


/* Whether d is a real date in the supported years. */
bool jx_calendar_date_valid(struct jx_cal_date d)
{
    return d.y >= JX_CAL_YEAR_MIN && d.y <= JX_CAL_YEAR_MAX && d.m >= 1 &&
           d.m <= 12 && d.d >= 1 && d.d <= jx_days_in_month(d.y, d.m);
}

/* Days from 1970-01-01 to a valid date (H. Hinnant's days_from_civil;
 * the years handled are positive). */
static int32_t day_number(struct jx_cal_date d)
{
    int y = d.y - (d.m <= 2);
    int era = y / 400;
    int yoe = y - era * 400;
    int doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468);
}

/* The date of a day number (the inverse of day_number, for day numbers
 * of positive years). */
static struct jx_cal_date from_day_number(int32_t z)
{
    int32_t s = z + 719468;
    int32_t era = s / 146097;
    int32_t doe = s - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    struct jx_cal_date d;
    d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.y = (int)(yoe + era * 400) + (d.m <= 2);
    return d;
}

/* Day of the week of a day number: 0 Sunday ... 6 Saturday
 * (1970-01-01 was a Thursday). */
static int weekday_of(int32_t z)
{
    return (int)(((z % 7) + 7 + 4) % 7);
}

/* Day of the week of a valid date. */
int jx_calendar_date_weekday(struct jx_cal_date d)
{
    return weekday_of(day_number(d));
}

/* Compare two valid dates. */
int jx_calendar_date_cmp(struct jx_cal_date a, struct jx_cal_date b)
{
    int32_t x = day_number(a), y = day_number(b);
    return (x > y) - (x < y);
}

/* n days after d, or {0, 0, 0} outside the supported years. */
struct jx_cal_date jx_calendar_date_add(struct jx_cal_date d, int n)
{
    static const struct jx_cal_date none = {0, 0, 0};
    static const struct jx_cal_date lo = {JX_CAL_YEAR_MIN, 1, 1};
    static const struct jx_cal_date hi = {JX_CAL_YEAR_MAX, 12, 31};
    if (!jx_calendar_date_valid(d)) {
        return none;
    }
    int64_t z = (int64_t)day_number(d) + n;
    if (z < day_number(lo) || z > day_number(hi)) {
        return none;
    }
    return from_day_number((int32_t)z);
}

/* Parse exactly YYYY-MM-DD. */
int jx_calendar_date_parse(const char *s, size_t n, struct jx_cal_date *out)
{
    struct jx_cal_date d;
    if (!jx_ymd_parse(s, n, &d.y, &d.m, &d.d) || !jx_calendar_date_valid(d)) {
        return -1;
    }
    *out = d;
    return 0;
}

/* Chinese weekday name. */
const char *jx_calendar_weekday_zh(int weekday)
{
    static const char *const names[7] = {"星期日", "星期一", "星期二",
                                         "星期三", "星期四", "星期五",
                                         "星期六"};
    return weekday >= 0 && weekday < 7 ? names[weekday] : "";
}

/* "YYYY-MM-DD" of a date into a small buffer the caller provides. */
static const char *fmt_date(char buf[16], struct jx_cal_date d)
{
    unsigned y = (unsigned)d.y % 10000u, m = (unsigned)d.m % 100u,
             dd = (unsigned)d.d % 100u;
    buf[0] = (char)('0' + y / 1000u);
    buf[1] = (char)('0' + y / 100u % 10u);
    buf[2] = (char)('0' + y / 10u % 10u);
    buf[3] = (char)('0' + y % 10u);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10u);
    buf[6] = (char)('0' + m % 10u);
    buf[7] = '-';
    buf[8] = (char)('0' + dd / 10u);
    buf[9] = (char)('0' + dd % 10u);
    buf[10] = '\0';
    return buf;
}

/* ---- the calendar ---------------------------------------------------- */

/* One day's arrangement: the file line that sets it, or none. */
struct mark {
    const struct jx_cal_entry *entry;
    const struct jx_cal_file *file;
};

/* A calendar year touched by some file. */
struct year_table {
    int year;
    const struct jx_cal_file *file; /* the file for this year, or NULL */
    struct mark day[366];           /* by day of the year, from 0 */
};

/* The calendar: its files and the day tables built from them. */
struct jx_calendar {
    struct jx_arena *arena;      /* everything below lives here */
    struct jx_cal_file **files;  /* sorted by year */
    size_t nfiles, capfiles;
    struct year_table **years;   /* sorted by year */
    size_t nyears, capyears;
};

/* A new empty calendar in arena. */
struct jx_calendar *jx_calendar_new(struct jx_arena *arena)
{
    struct jx_calendar *cal = jx_alloc(arena, sizeof *cal);
    cal->arena = arena;
    return cal;
}

/* Number of files. */
size_t jx_calendar_nfiles(const struct jx_calendar *cal)
{
    return cal->nfiles;
}

/* The i-th file in year order. */
const struct jx_cal_file *jx_calendar_file(const struct jx_calendar *cal,
                                           size_t i)
{
    return i < cal->nfiles ? cal->files[i] : NULL;
}

/* The file of a year, or NULL. */
const struct jx_cal_file *jx_calendar_year(const struct jx_calendar *cal,
                                           int year)
{
    for (size_t i = 0; i < cal->nfiles; i++) {
        if (cal->files[i]->year == year) {
            return cal->files[i];
        }
    }
    return NULL;
}

/* The table of a calendar year, or NULL when no file touches it. */
static struct year_table *find_table(const struct jx_calendar *cal, int year)
{
    for (size_t i = 0; i < cal->nyears; i++) {
        if (cal->years[i]->year == year) {
            return cal->years[i];
        }
    }
    return NULL;
}

/* The table of a calendar year, created (in year order) if needed. */
static struct year_table *get_table(struct jx_calendar *cal, int year)
{
    struct year_table *t = find_table(cal, year);
    if (t) {
        return t;
    }
    t = jx_alloc(cal->arena, sizeof *t);
    t->year = year;
    cal->years = jx_arena_grow(cal->arena, cal->years, cal->nyears,
                               &cal->capyears, sizeof *cal->years);
    size_t i = cal->nyears;
    while (i > 0 && cal->years[i - 1]->year > year) {
        cal->years[i] = cal->years[i - 1];
        i--;
    }
    cal->years[i] = t;
    cal->nyears++;
    return t;
}

/* Index of a date in its year's table. */
static size_t day_of_year(struct jx_cal_date d)
{
    struct jx_cal_date jan1 = {d.y, 1, 1};
    return (size_t)(day_number(d) - day_number(jan1));
}

/* The years loaded as runs: "2019–2026", "2019、2021–2026", "无". */
const char *jx_calendar_years_text(const struct jx_calendar *cal)
{
    if (cal->nfiles == 0) {
        return "无";
    }
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    size_t i = 0;
    while (i < cal->nfiles) {
        size_t j = i;
        while (j + 1 < cal->nfiles &&
               cal->files[j + 1]->year == cal->files[j]->year + 1) {
            j++;
        }
        if (i > 0) {
            jx_buf_adds(&b, "、");
        }
        if (j > i) {
            jx_buf_addf(&b, "%d–%d", cal->files[i]->year, cal->files[j]->year);
        } else {
            jx_buf_addf(&b, "%d", cal->files[i]->year);
        }
        i = j + 1;
    }
    char *s = jx_strdup(cal->arena, b.p);
    jx_buf_release(&b);
    return s;
}

/* ---- the reader ------------------------------------------------------ */

/* One field of a line: bytes [off, off + n) of the line. */
struct field {
    const char *p;
    size_t n;
    size_t off;
};

/* The most fields a line is split into (more are reported as extra). */
#define MAX_FIELDS 6

/* A holiday or workday line being read, with the columns of its parts
 * (for problems found after the whole file is read). */
struct pending {
    struct jx_cal_entry e;
    int col_date; /* the (first) date */
    int col_name; /* the name */
};

/* What a notice has had so far (duplicates are errors). */
struct notice_seen {
    int title, dated, published; /* lines, 0 if none yet */
    int col_published;
};

/* The state of reading one file. */
struct reader {
    struct jx_calendar *cal;
    struct jx_diags *diags;
    const char *path;       /* for messages (in the diags' arena) */
    int hint;               /* year promised by the file name, or 0 */
    int year;               /* the year line's value, or 0 */
    int year_line, year_col;
    bool seen_directive;    /* a non-comment line has been read */
    int line;               /* current line number */
    const char *lp;         /* current line */
    size_t ln;              /* its length in bytes */
    int errors;
    struct jx_cal_file *f;  /* being built (in the calendar's arena) */
    struct notice_seen seen[JX_CAL_MAX_NOTICES];
    struct pending ent[JX_CAL_MAX_ENTRIES];
    size_t nent;
    bool too_many_entries;  /* reported once */
};

/* Column (1-based, in code points) of byte offset off of the current
 * line (which is valid UTF-8 when this is called). */
static int col_of(const struct reader *r, size_t off)
{
    int col = 1;
    for (size_t i = 0; i < off && i < r->ln; i++) {
        if (((unsigned char)r->lp[i] & 0xC0) != 0x80) {
            col++;
        }
    }
    return col;
}

/* Report a problem at line:col of the file (line 0: the whole file). */
static void problem(struct reader *r, const char *code, int line, int col,
                    const char *fmt, ...) JX_PRINTF(5, 6);

/* Report a problem at line:col of the file (line 0: the whole file). */
static void problem(struct reader *r, const char *code, int line, int col,
                    const char *fmt, ...)
{
    struct jx_loc loc = {0};
    loc.file = r->path;
    loc.line = line;
    loc.col = line > 0 ? col : 0;
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(r->diags->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(r->diags, code, JX_SEV_ERROR, &loc, "%s", msg);
    r->errors++;
}

/* A field's text as a NUL-terminated string in the diags' arena (for
 * quoting it in a message). */
static const char *quote(const struct reader *r, const struct field *fl)
{
    return jx_strndup(r->diags->arena, fl->p, fl->n);
}

/* Whether field fl is the keyword k. */
static bool is_word(const struct field *fl, const char *k)
{
    return fl->n == strlen(k) && memcmp(fl->p, k, fl->n) == 0;
}

/* Check that the current line is UTF-8 text without control characters
 * other than tab; report the first offending character and return -1
 * otherwise. */
static int check_text(struct reader *r)
{
    size_t i = 0;
    while (i < r->ln) {
        int32_t cp;
        int k = jx_utf8_decode(r->lp + i, r->ln - i, &cp);
        if (k < 0) {
            problem(r, "D102", r->line, col_of(r, i),
                    "不是有效的 UTF-8 文本（字节 0x%02X）",
                    (unsigned)(unsigned char)r->lp[i]);
            return -1;
        }
        if ((cp < 0x20 && cp != '\t') || cp == 0x7F || cp == 0xFEFF) {
            problem(r, "D102", r->line, col_of(r, i),
                    "含有控制字符或不可见字符 U+%04X", (unsigned)cp);
            return -1;
        }
        i += (size_t)k;
    }
    return 0;
}

/* Split the current line at runs of spaces and tabs into at most
 * MAX_FIELDS fields; returns the number of fields, counting any beyond
 * MAX_FIELDS (which are not stored). */
static size_t split(const struct reader *r, struct field *fl)
{
    size_t n = 0, i = 0;
    while (i < r->ln) {
        while (i < r->ln && (r->lp[i] == ' ' || r->lp[i] == '\t')) {
            i++;
        }
        if (i >= r->ln) {
            break;
        }
        size_t start = i;
        while (i < r->ln && r->lp[i] != ' ' && r->lp[i] != '\t') {
            i++;
        }
        if (n < MAX_FIELDS) {
            fl[n].p = r->lp + start;
            fl[n].n = i - start;
            fl[n].off = start;
        }
        n++;
    }
    return n;
}

/* Check the number of fields of a directive: report a missing part
 * (naming what the line should hold) or the first extra field. */
static int want_fields(struct reader *r, const struct field *fl, size_t n,
                       size_t want, const char *shape)
{
    if (n < want) {
        problem(r, "D105", r->line, col_of(r, r->ln),
                "“%s”行不完整，应为：%s", quote(r, &fl[0]), shape);
        return -1;
    }
    if (n > want) {
        problem(r, "D105", r->line, col_of(r, fl[want].off),
                "多余的内容“%s”（“%s”行应为：%s）", quote(r, &fl[want]),
                quote(r, &fl[0]), shape);
        return -1;
    }
    return 0;
}

/* Read a date field; report it when it is not a real YYYY-MM-DD. */
static int read_date(struct reader *r, const struct field *fl,
                     struct jx_cal_date *out)
{
    if (jx_calendar_date_parse(fl->p, fl->n, out) < 0) {
        problem(r, "D106", r->line, col_of(r, fl->off),
                "日期无效：“%s”（应为 YYYY-MM-DD 格式的有效日期，年份 %d–%d）",
                quote(r, fl), JX_CAL_YEAR_MIN, JX_CAL_YEAR_MAX);
        return -1;
    }
    return 0;
}

/* Check that an arranged date lies in the file's year or in December
 * of the year before (a 元旦 span or its 调休 day). */
static int in_file_year(struct reader *r, const struct field *fl,
                        struct jx_cal_date d)
{
    if (r->year == 0 || d.y == r->year || (d.y == r->year - 1 && d.m == 12)) {
        return 0;
    }
    char b[16];
    problem(r, "D108", r->line, col_of(r, fl->off),
            "日期 %s 不在 %d 年内（只能是 %d 年或 %d 年 12 月的日期）",
            fmt_date(b, d), r->year, r->year, r->year - 1);
    return -1;
}

/* The notice that detail lines and entries of the current line belong
 * to, or NULL after reporting that there is none. */
static struct jx_cal_notice *current_notice(struct reader *r,
                                            const struct field *kw)
{
    if (r->f->nnotices == 0) {
        problem(r, "D107", r->line, col_of(r, kw->off),
                "“%s”行之前没有 notice 行（先写通知的文号）", quote(r, kw));
        return NULL;
    }
    return &r->f->notices[r->f->nnotices - 1];
}

/* `year YYYY`. */
static void do_year(struct reader *r, const struct field *fl, size_t n)
{
    if (r->year_line) {
        problem(r, "D107", r->line, col_of(r, fl[0].off),
                "重复的 year 行（第 %d 行已有）", r->year_line);
        return;
    }
    if (r->seen_directive) {
        problem(r, "D107", r->line, col_of(r, fl[0].off),
                "year 行应是文件的第一条记录");
    }
    r->year_line = r->line;
    if (want_fields(r, fl, n, 2, "year 年份") < 0) {
        return;
    }
    int v = 0;
    bool ok = fl[1].n == 4;
    for (size_t i = 0; ok && i < 4; i++) {
        ok = fl[1].p[i] >= '0' && fl[1].p[i] <= '9';
        v = v * 10 + (fl[1].p[i] - '0');
    }
    if (!ok || v < JX_CAL_YEAR_MIN || v > JX_CAL_YEAR_MAX) {
        problem(r, "D106", r->line, col_of(r, fl[1].off),
                "年份无效：“%s”（应为 %d–%d 的四位数）", quote(r, &fl[1]),
                JX_CAL_YEAR_MIN, JX_CAL_YEAR_MAX);
        return;
    }
    r->year_col = col_of(r, fl[1].off);
    if (r->hint && v != r->hint) {
        problem(r, "D107", r->line, r->year_col,
                "年份 %d 与文件名所示的 %d 年不符", v, r->hint);
        return;
    }
    r->year = v;
}

/* `notice 文号`. */
static void do_notice(struct reader *r, const struct field *fl, size_t n)
{
    if (want_fields(r, fl, n, 2, "notice 通知文号") < 0) {
        return;
    }
    if (r->f->nnotices >= JX_CAL_MAX_NOTICES) {
        problem(r, "D103", r->line, col_of(r, fl[0].off),
                "通知超过上限 %d 条", JX_CAL_MAX_NOTICES);
        return;
    }
    struct jx_cal_notice *nt = &r->f->notices[r->f->nnotices];
    memset(&r->seen[r->f->nnotices], 0, sizeof r->seen[0]);
    r->f->nnotices++;
    nt->code = jx_strndup(r->cal->arena, fl[1].p, fl[1].n);
    nt->line = r->line;
}

/* `title 标题` (the rest of the line). */
static void do_title(struct reader *r, const struct field *fl, size_t n)
{
    struct jx_cal_notice *nt = current_notice(r, &fl[0]);
    if (!nt) {
        return;
    }
    struct notice_seen *s = &r->seen[r->f->nnotices - 1];
    if (n < 2) {
        problem(r, "D105", r->line, col_of(r, r->ln),
                "“title”行不完整，应为：title 通知标题");
        return;
    }
    if (s->title) {
        problem(r, "D107", r->line, col_of(r, fl[0].off),
                "通知“%s”的 title 行重复（第 %d 行已有）", nt->code,
                s->title);
        return;
    }
    s->title = r->line;
    size_t end = r->ln;
    while (end > fl[1].off && (r->lp[end - 1] == ' ' || r->lp[end - 1] == '\t')) {
        end--;
    }
    nt->title = jx_strndup(r->cal->arena, r->lp + fl[1].off, end - fl[1].off);
}

/* `dated DATE` and `published DATE`. */
static void do_notice_date(struct reader *r, const struct field *fl,
                           size_t n, bool published)
{
    struct jx_cal_notice *nt = current_notice(r, &fl[0]);
    if (!nt) {
        return;
    }
    struct notice_seen *s = &r->seen[r->f->nnotices - 1];
    int *line = published ? &s->published : &s->dated;
    if (*line) {
        problem(r, "D107", r->line, col_of(r, fl[0].off),
                "通知“%s”的 %s 行重复（第 %d 行已有）", nt->code,
                published ? "published" : "dated", *line);
        return;
    }
    *line = r->line;
    if (want_fields(r, fl, n, 2, published ? "published 发布日期"
                                           : "dated 成文日期") < 0) {
        return;
    }
    struct jx_cal_date d;
    if (read_date(r, &fl[1], &d) < 0) {
        return;
    }
    if (published) {
        nt->published = d;
        s->col_published = col_of(r, fl[1].off);
    } else {
        nt->dated = d;
    }
}

/* `url URL`. */
static void do_url(struct reader *r, const struct field *fl, size_t n)
{
    struct jx_cal_notice *nt = current_notice(r, &fl[0]);
    if (!nt || want_fields(r, fl, n, 2, "url 网址") < 0) {
        return;
    }
    if ((fl[1].n < 8 || memcmp(fl[1].p, "https://", 8) != 0) &&
        (fl[1].n < 7 || memcmp(fl[1].p, "http://", 7) != 0)) {
        problem(r, "D106", r->line, col_of(r, fl[1].off),
                "网址无效：“%s”（应以 http:// 或 https:// 开头）",
                quote(r, &fl[1]));
        return;
    }
    if (nt->nurls >= JX_CAL_MAX_URLS) {
        problem(r, "D103", r->line, col_of(r, fl[0].off),
                "通知“%s”的网址超过上限 %d 个", nt->code, JX_CAL_MAX_URLS);
        return;
    }
    nt->urls[nt->nurls++] = jx_strndup(r->cal->arena, fl[1].p, fl[1].n);
}

/* Room for one more entry, or NULL after reporting the limit once. */
static struct pending *new_entry(struct reader *r, const struct field *kw)
{
    if (r->nent >= JX_CAL_MAX_ENTRIES) {
        if (!r->too_many_entries) {
            problem(r, "D103", r->line, col_of(r, kw->off),
                    "holiday 和 workday 行超过上限 %d 条",
                    JX_CAL_MAX_ENTRIES);
            r->too_many_entries = true;
        }
        return NULL;
    }
    return &r->ent[r->nent];
}

/* `holiday FROM TO NAME`. */
static void do_holiday(struct reader *r, const struct field *fl, size_t n)
{
    const struct jx_cal_notice *nt = current_notice(r, &fl[0]);
    if (want_fields(r, fl, n, 4, "holiday 起始日期 结束日期 节日名称") < 0) {
        return;
    }
    struct jx_cal_date from, to;
    if (read_date(r, &fl[1], &from) < 0 || read_date(r, &fl[2], &to) < 0 ||
        in_file_year(r, &fl[1], from) < 0 || in_file_year(r, &fl[2], to) < 0) {
        return;
    }
    char b1[16], b2[16];
    int32_t len = day_number(to) - day_number(from) + 1;
    if (len < 1) {
        problem(r, "D109", r->line, col_of(r, fl[2].off),
                "结束日期 %s 早于起始日期 %s", fmt_date(b2, to),
                fmt_date(b1, from));
        return;
    }
    if (len > JX_CAL_MAX_SPAN) {
        problem(r, "D109", r->line, col_of(r, fl[2].off),
                "放假 %d 天（%s 至 %s），超过上限 %d 天", (int)len,
                fmt_date(b1, from), fmt_date(b2, to), JX_CAL_MAX_SPAN);
        return;
    }
    struct pending *p = new_entry(r, &fl[0]);
    if (!p || !nt) {
        return;
    }
    p->e.workday = false;
    p->e.from = from;
    p->e.to = to;
    p->e.name = jx_strndup(r->cal->arena, fl[3].p, fl[3].n);
    p->e.notice = nt;
    p->e.line = r->line;
    p->col_date = col_of(r, fl[1].off);
    p->col_name = col_of(r, fl[3].off);
    r->nent++;
}

/* `workday DATE NAME`. */
static void do_workday(struct reader *r, const struct field *fl, size_t n)
{
    const struct jx_cal_notice *nt = current_notice(r, &fl[0]);
    if (want_fields(r, fl, n, 3, "workday 日期 节日名称") < 0) {
        return;
    }
    struct jx_cal_date d;
    if (read_date(r, &fl[1], &d) < 0 || in_file_year(r, &fl[1], d) < 0) {
        return;
    }
    int wd = jx_calendar_date_weekday(d);
    if (wd != 0 && wd != 6) {
        char b[16];
        problem(r, "D110", r->line, col_of(r, fl[1].off),
                "调休上班日 %s 是%s，不是星期六或星期日", fmt_date(b, d),
                jx_calendar_weekday_zh(wd));
        return;
    }
    struct pending *p = new_entry(r, &fl[0]);
    if (!p || !nt) {
        return;
    }
    p->e.workday = true;
    p->e.from = d;
    p->e.to = d;
    p->e.name = jx_strndup(r->cal->arena, fl[2].p, fl[2].n);
    p->e.notice = nt;
    p->e.line = r->line;
    p->col_date = col_of(r, fl[1].off);
    p->col_name = col_of(r, fl[2].off);
    r->nent++;
}

/* Read the current line (already checked as text). */
static void do_line(struct reader *r)
{
    struct field fl[MAX_FIELDS];
    size_t n = split(r, fl);
    if (n == 0 || fl[0].p[0] == '#') {
        return;
    }
    static const char *const words[] = {"year",  "notice",    "title",
                                        "dated", "published", "url",
                                        "holiday", "workday"};
    size_t w = 0;
    while (w < sizeof words / sizeof words[0] && !is_word(&fl[0], words[w])) {
        w++;
    }
    switch (w) {
    case 0:
        do_year(r, fl, n);
        break;
    case 1:
        do_notice(r, fl, n);
        break;
    case 2:
        do_title(r, fl, n);
        break;
    case 3:
        do_notice_date(r, fl, n, false);
        break;
    case 4:
        do_notice_date(r, fl, n, true);
        break;
    case 5:
        do_url(r, fl, n);
        break;
    case 6:
        do_holiday(r, fl, n);
        break;
    case 7:
        do_workday(r, fl, n);
        break;
    default:
        problem(r, "D104", r->line, col_of(r, fl[0].off),
                "未知的记录“%s”（可用：year、notice、title、dated、"
                "published、url、holiday、workday；注释行以 # 开头）",
                quote(r, &fl[0]));
        break;
    }
    r->seen_directive = true;
}

/* Checks that need the whole file: required lines, overlapping spans,
 * 调休 days inside a span, repeated or naming no holiday. */
static void check_whole(struct reader *r)
{
    if (!r->year_line) {
        problem(r, "D107", 0, 0, "缺少 year 行（文件的第一条记录应是 "
                                 "“year 年份”）");
    }
    if (r->f->nnotices == 0) {
        problem(r, "D107", 0, 0, "缺少 notice 行（每个文件至少引用一份通知）");
    }
    for (size_t i = 0; i < r->f->nnotices; i++) {
        const struct jx_cal_notice *nt = &r->f->notices[i];
        const struct notice_seen *s = &r->seen[i];
        if (!s->title || !s->dated || !s->published) {
            problem(r, "D107", nt->line, 1, "通知“%s”缺少 %s 行", nt->code,
                    !s->title ? "title" : !s->dated ? "dated" : "published");
        } else if (jx_calendar_date_valid(nt->dated) &&
                   jx_calendar_date_valid(nt->published) &&
                   jx_calendar_date_cmp(nt->dated, nt->published) > 0) {
            char b1[16], b2[16];
            problem(r, "D107", s->published, s->col_published,
                    "通知“%s”的发布日期 %s 早于成文日期 %s", nt->code,
                    fmt_date(b2, nt->published), fmt_date(b1, nt->dated));
        }
    }
    bool any_holiday = false;
    for (size_t i = 0; i < r->nent; i++) {
        const struct pending *p = &r->ent[i];
        char b1[16], b2[16], b3[16];
        if (!p->e.workday) {
            any_holiday = true;
        }
        for (size_t j = 0; j < i; j++) {
            const struct pending *q = &r->ent[j];
            bool overlap = jx_calendar_date_cmp(p->e.from, q->e.to) <= 0 &&
                           jx_calendar_date_cmp(q->e.from, p->e.to) <= 0;
            if (!overlap) {
                continue;
            }
            if (!p->e.workday && !q->e.workday) {
                problem(r, "D109", p->e.line, p->col_date,
                        "放假日期与第 %d 行（%s，%s 至 %s）重叠", q->e.line,
                        q->e.name, fmt_date(b1, q->e.from),
                        fmt_date(b2, q->e.to));
            } else if (p->e.workday && q->e.workday) {
                problem(r, "D110", p->e.line, p->col_date,
                        "调休上班日 %s 重复（第 %d 行已有）",
                        fmt_date(b1, p->e.from), q->e.line);
            } else {
                const struct pending *w = p->e.workday ? p : q;
                const struct pending *h = p->e.workday ? q : p;
                problem(r, "D110", p->e.line, p->col_date,
                        "调休上班日 %s 在第 %d 行的放假期间（%s，%s 至 %s）内",
                        fmt_date(b3, w->e.from), h->e.line, h->e.name,
                        fmt_date(b1, h->e.from), fmt_date(b2, h->e.to));
            }
            break;
        }
        if (p->e.workday) {
            bool named = false;
            for (size_t j = 0; j < r->nent && !named; j++) {
                named = !r->ent[j].e.workday &&
                        strcmp(r->ent[j].e.name, p->e.name) == 0;
            }
            if (!named) {
                problem(r, "D110", p->e.line, p->col_name,
                        "调休上班日所属的节日“%s”在本文件中没有 holiday 行",
                        p->e.name);
            }
        }
    }
    if (!any_holiday && r->errors == 0) {
        problem(r, "D107", 0, 0, "没有任何 holiday 行");
    }
}

/* Check the finished file against the files already loaded: one file
 * per year, and no day arranged by two files. */
static void check_against(struct reader *r)
{
    const struct jx_cal_file *other = jx_calendar_year(r->cal, r->year);
    if (other) {
        problem(r, "D111", r->year_line, r->year_col,
                "%d 年的安排已由“%s”载入", r->year, other->path);
        return;
    }
    for (size_t i = 0; i < r->nent; i++) {
        const struct pending *p = &r->ent[i];
        int32_t z0 = day_number(p->e.from), z1 = day_number(p->e.to);
        for (int32_t z = z0; z <= z1; z++) {
            struct jx_cal_date d = from_day_number(z);
            const struct year_table *t = find_table(r->cal, d.y);
            const struct mark *m = t ? &t->day[day_of_year(d)] : NULL;
            if (m && m->entry) {
                char b[16];
                problem(r, "D111", p->e.line, p->col_date,
                        "%s 已由“%s”第 %d 行规定，两个文件不能安排同一天",
                        fmt_date(b, d), m->file->path, m->entry->line);
                break;
            }
        }
    }
}

/* Put the finished, checked file into the calendar. */
static void commit(struct reader *r)
{
    struct jx_calendar *cal = r->cal;
    struct jx_cal_file *f = r->f;
    f->entries = jx_alloc_array(cal->arena, r->nent ? r->nent : 1,
                                sizeof *f->entries);
    for (size_t i = 0; i < r->nent; i++) {
        f->entries[i] = r->ent[i].e;
    }
    f->nentries = r->nent;
    get_table(cal, f->year)->file = f;
    for (size_t i = 0; i < f->nentries; i++) {
        const struct jx_cal_entry *e = &f->entries[i];
        for (int32_t z = day_number(e->from); z <= day_number(e->to); z++) {
            struct jx_cal_date d = from_day_number(z);
            struct mark *m = &get_table(cal, d.y)->day[day_of_year(d)];
            m->entry = e;
            m->file = f;
        }
    }
    cal->files = jx_arena_grow(cal->arena, cal->files, cal->nfiles,
                               &cal->capfiles, sizeof *cal->files);
    size_t i = cal->nfiles;
    while (i > 0 && cal->files[i - 1]->year > f->year) {
        cal->files[i] = cal->files[i - 1];
        i--;
    }
    cal->files[i] = f;
    cal->nfiles++;
}

/* Read one data file's text into the calendar. */
int jx_calendar_add_text(struct jx_calendar *cal, const char *path,
                         int year, const char *text, size_t len,
                         struct jx_diags *diags)
{
    struct reader *r = jx_xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    r->cal = cal;
    r->diags = diags;
    r->path = jx_strdup(diags->arena, path ? path : "-");
    r->hint = year;
    r->f = jx_alloc(cal->arena, sizeof *r->f);
    r->f->path = jx_strdup(cal->arena, path ? path : "-");
    r->f->notices = jx_alloc_array(cal->arena, JX_CAL_MAX_NOTICES,
                                   sizeof *r->f->notices);
    if (len > JX_CAL_MAX_BYTES) {
        problem(r, "D103", 0, 0, "日历文件过大：%zu 字节，上限 %u 字节", len,
                JX_CAL_MAX_BYTES);
        free(r);
        return -1;
    }
    size_t pos = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        pos = 3; /* a UTF-8 byte order mark is allowed and skipped */
    }
    while (pos < len) {
        if (r->line >= JX_CAL_MAX_LINES) {
            problem(r, "D103", r->line + 1, 1, "行数超过上限 %d 行，其余未读取",
                    JX_CAL_MAX_LINES);
            break;
        }
        r->line++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        r->lp = text + pos;
        r->ln = end - pos;
        pos = nl ? end + 1 : len;
        if (r->ln > 0 && r->lp[r->ln - 1] == '\r') {
            r->ln--;
        }
        if (r->ln > JX_CAL_MAX_LINE) {
            problem(r, "D103", r->line, 1, "行过长：%zu 字节，上限 %d 字节",
                    r->ln, JX_CAL_MAX_LINE);
            continue;
        }
        if (check_text(r) == 0) {
            do_line(r);
        }
    }
    check_whole(r);
    if (r->errors == 0) {
        r->f->year = r->year;
        check_against(r);
    }
    int rc = r->errors ? -1 : 0;
    if (rc == 0) {
        commit(r);
    }
    free(r);
    return rc;
}

/* qsort comparator for file names. */
static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether name is YYYY.txt; its year in *year. */
static bool year_file_name(const char *name, int *year)
{
    if (strlen(name) != 8 || strcmp(name + 4, ".txt") != 0) {
        return false;
    }
    int v = 0;
    for (int i = 0; i < 4; i++) {
        if (name[i] < '0' || name[i] > '9') {
            return false;
        }
        v = v * 10 + (name[i] - '0');
    }
    *year = v;
    return true;
}

/* Report a problem with the directory or one of its files as a whole. */
static void dir_problem(struct jx_diags *diags, const char *code,
                        const char *path, const char *fmt, ...)
    JX_PRINTF(4, 5);

/* Report a problem with the directory or one of its files as a whole. */
static void dir_problem(struct jx_diags *diags, const char *code,
                        const char *path, const char *fmt, ...)
{
    struct jx_loc loc = {0};
    loc.file = jx_strdup(diags->arena, path);
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(diags->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(diags, code, JX_SEV_ERROR, &loc, "%s", msg);
}

/* Load the year files of a directory. */
int jx_calendar_load_dir(struct jx_calendar *cal, const char *dir,
                         struct jx_diags *diags)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        dir_problem(diags, "D101", dir, "无法读取日历目录：%s",
                    jx_errno_zh(errno));
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    bool too_many = false;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        int y;
        if (!year_file_name(e->d_name, &y)) {
            continue;
        }
        if (n >= JX_CAL_MAX_FILES) {
            dir_problem(diags, "D103", dir, "日历文件超过上限 %d 个",
                        JX_CAL_MAX_FILES);
            rc = -1;
            too_many = true;
            break;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            names = jx_xrealloc(names, cap * sizeof *names);
        }
        names[n++] = jx_sprintf(cal->arena, "%s/%s", dir, e->d_name);
    }
    closedir(dp);
    if (rc == 0 && n == 0) {
        dir_problem(diags, "D101", dir,
                    "日历目录中没有 YYYY.txt 格式的年度文件");
        rc = -1;
    }
    if (n > 1) {
        qsort(names, n, sizeof *names, cmp_names);
    }
    /* Read every file even after a bad one, so that every problem is
     * reported at once. */
    for (size_t i = 0; !too_many && i < n; i++) {
        int y = 0;
        year_file_name(strrchr(names[i], '/') + 1, &y);
        if (y < JX_CAL_YEAR_MIN || y > JX_CAL_YEAR_MAX) {
            dir_problem(diags, "D107", names[i],
                        "文件名中的年份 %d 超出范围（应为 %d–%d）", y,
                        JX_CAL_YEAR_MIN, JX_CAL_YEAR_MAX);
            rc = -1;
            continue;
        }
        char *text;
        size_t len;
        if (jx_read_file(names[i], JX_CAL_MAX_BYTES, &text, &len) < 0) {
            if (errno == EFBIG) {
                dir_problem(diags, "D103", names[i],
                            "日历文件过大：超过 %u 字节", JX_CAL_MAX_BYTES);
            } else {
                dir_problem(diags, "D101", names[i], "无法读取日历文件：%s",
                            jx_errno_zh(errno));
            }
            rc = -1;
            continue;
        }
        if (jx_calendar_add_text(cal, names[i], y, text, len, diags) < 0) {
            rc = -1;
        }
        free(text);
    }
    free(names);
    return rc;
}

/* The bundled data directory. */
char *jx_calendar_default_dir(struct jx_arena *arena)
{
    const char *env = getenv("JIXIAO_DATADIR");
    if (env && *env) {
        return jx_sprintf(arena, "%s/calendar", env);
    }
    return jx_sprintf(arena, "%s/calendar", JX_DATADIR);
}

/* ---- the queries ----------------------------------------------------- */

/* Set *why (when wanted) to a message in the calendar's arena. */
static void say(const struct jx_calendar *cal, const char **why,
                const char *fmt, ...) JX_PRINTF(3, 4);

/* Set *why (when wanted) to a message in the calendar's arena. */
static void say(const struct jx_calendar *cal, const char **why,
                const char *fmt, ...)
{
    if (!why) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    *why = jx_vsprintf(cal->arena, fmt, ap);
    va_end(ap);
}

/* Refuse an invalid date. */
static enum jx_cal_status bad_date(const struct jx_calendar *cal,
                                   struct jx_cal_date d, const char **why)
{
    say(cal, why, "日期无效：%04d-%02d-%02d（应为 %d–%d 年的有效日期）", d.y,
        d.m, d.d, JX_CAL_YEAR_MIN, JX_CAL_YEAR_MAX);
    return JX_CAL_BAD_DATE;
}

/* Whether the data answer for the valid date d: the file of its year
 * is loaded, and from December 25 the next year's too. */
static enum jx_cal_status covered(const struct jx_calendar *cal,
                                  struct jx_cal_date d, const char **why)
{
    char b[16];
    if (!jx_calendar_year(cal, d.y)) {
        say(cal, why, "没有 %d 年的节假日安排数据，无法判断 %s（现有数据：%s 年）",
            d.y, fmt_date(b, d), jx_calendar_years_text(cal));
        return JX_CAL_NO_DATA;
    }
    if (d.m == 12 && d.d >= JX_CAL_DEC_CUTOFF &&
        !jx_calendar_year(cal, d.y + 1)) {
        say(cal, why,
            "%s 是否工作日还取决于 %d 年的节假日安排（元旦放假和调休可能从"
            "上一年 12 月下旬开始），但没有 %d 年的数据（现有数据：%s 年）",
            fmt_date(b, d), d.y + 1, d.y + 1, jx_calendar_years_text(cal));
        return JX_CAL_NO_DATA;
    }
    return JX_CAL_OK;
}

/* What a covered day is. */
static void describe(const struct jx_calendar *cal, struct jx_cal_date d,
                     struct jx_cal_dayinfo *info)
{
    const struct year_table *t = find_table(cal, d.y);
    const struct mark *m = t ? &t->day[day_of_year(d)] : NULL;
    memset(info, 0, sizeof *info);
    info->weekday = jx_calendar_date_weekday(d);
    if (m && m->entry) {
        info->kind = m->entry->workday ? JX_CAL_SHIFTED : JX_CAL_HOLIDAY;
        info->entry = m->entry;
        info->file = m->file;
    } else {
        info->kind = info->weekday == 0 || info->weekday == 6 ? JX_CAL_WEEKEND
                                                              : JX_CAL_WORKDAY;
    }
    info->workday = info->kind == JX_CAL_WORKDAY || info->kind == JX_CAL_SHIFTED;
}

/* What day d is. */
enum jx_cal_status jx_calendar_day(const struct jx_calendar *cal,
                                   struct jx_cal_date d,
                                   struct jx_cal_dayinfo *info,
                                   const char **why)
{
    if (!jx_calendar_date_valid(d)) {
        return bad_date(cal, d, why);
    }
    enum jx_cal_status st = covered(cal, d, why);
    if (st != JX_CAL_OK) {
        return st;
    }
    describe(cal, d, info);
    return JX_CAL_OK;
}

/* Whether d is a working day. */
enum jx_cal_status jx_calendar_is_workday(const struct jx_calendar *cal,
                                          struct jx_cal_date d, bool *is,
                                          const char **why)
{
    struct jx_cal_dayinfo info;
    enum jx_cal_status st = jx_calendar_day(cal, d, &info, why);
    if (st == JX_CAL_OK) {
        *is = info.workday;
    }
    return st;
}

/* Working days in [from, to]. */
enum jx_cal_status jx_calendar_workdays(const struct jx_calendar *cal,
                                        struct jx_cal_date from,
                                        struct jx_cal_date to, int *n,
                                        const char **why)
{
    if (!jx_calendar_date_valid(from)) {
        return bad_date(cal, from, why);
    }
    if (!jx_calendar_date_valid(to)) {
        return bad_date(cal, to, why);
    }
    if (jx_calendar_date_cmp(from, to) > 0) {
        char b1[16], b2[16];
        say(cal, why, "起始日期 %s 晚于结束日期 %s", fmt_date(b1, from),
            fmt_date(b2, to));
        return JX_CAL_RANGE;
    }
    /* a year at a time: whether its days are covered is the same for
       all of them up to December JX_CAL_DEC_CUTOFF and for all of them
       from then on (the first day of each part asked, as a day by day
       walk would meet it), and each day is then its table's mark or its
       weekday (as describe), the weekday counted on */
    int count = 0;
    int32_t last = day_number(to);
    int wd = weekday_of(day_number(from));
    for (int32_t z = day_number(from); z <= last;) {
        struct jx_cal_date d = from_day_number(z);
        struct jx_cal_date dec31 = {d.y, 12, 31};
        struct jx_cal_date cut = {d.y, 12, JX_CAL_DEC_CUTOFF};
        int32_t end = day_number(dec31), zcut = day_number(cut);
        if (end > last) {
            end = last;
        }
        enum jx_cal_status st = covered(cal, d, why);
        if (st == JX_CAL_OK && zcut > z && zcut <= end) {
            st = covered(cal, cut, why);
        }
        if (st != JX_CAL_OK) {
            return st;
        }
        const struct year_table *t = find_table(cal, d.y);
        size_t doy = day_of_year(d);
        for (; z <= end; z++, doy++) {
            const struct mark *m = t ? &t->day[doy] : NULL;
            count += m && m->entry ? (m->entry->workday ? 1 : 0)
                                   : (wd != 0 && wd != 6);
            wd = wd == 6 ? 0 : wd + 1;
        }
    }
    *n = count;
    return JX_CAL_OK;
}

/* Working days after deadline up to date. */
enum jx_cal_status jx_calendar_late_workdays(const struct jx_calendar *cal,
                                             struct jx_cal_date deadline,
                                             struct jx_cal_date date, int *n,
                                             const char **why)
{
    if (!jx_calendar_date_valid(deadline)) {
        return bad_date(cal, deadline, why);
    }
    if (!jx_calendar_date_valid(date)) {
        return bad_date(cal, date, why);
    }
    if (jx_calendar_date_cmp(date, deadline) <= 0) {
        *n = 0;
        return JX_CAL_OK;
    }
    return jx_calendar_workdays(cal, jx_calendar_date_add(deadline, 1), date,
                                n, why);
}

/* The n-th working day after d. */
enum jx_cal_status jx_calendar_add_workdays(const struct jx_calendar *cal,
                                            struct jx_cal_date d, int n,
                                            struct jx_cal_date *out,
                                            const char **why)
{
    if (!jx_calendar_date_valid(d)) {
        return bad_date(cal, d, why);
    }
    if (n < 1 || n > JX_CAL_MAX_STEPS) {
        say(cal, why, "工作日数 %d 超出范围（应为 1–%d）", n,
            JX_CAL_MAX_STEPS);
        return JX_CAL_RANGE;
    }
    int32_t z = day_number(d);
    int left = n;
    for (;;) {
        z++;
        struct jx_cal_date x = from_day_number(z);
        if (!jx_calendar_date_valid(x)) {
            return bad_date(cal, x, why);
        }
        enum jx_cal_status st = covered(cal, x, why);
        if (st != JX_CAL_OK) {
            return st;
        }
        struct jx_cal_dayinfo info;
        describe(cal, x, &info);
        if (info.workday && --left == 0) {
            *out = x;
            return JX_CAL_OK;
        }
    }
}
