/*
 * calendar.h - the working-day calendar of the State Council's holiday
 * notices (国务院办公厅 部分节假日安排的通知): which days are 放假, which
 * weekend days are 调休上班, how many working days lie between two
 * dates, and the Nth working day after a date (deadlines, rules.md §7).
 *
 * The data are one text file per year, data/calendar/YYYY.txt, in the
 * line format of docs/calendar.md.  A working day is a Monday to Friday
 * outside every holiday span, or a weekend day a notice makes a working
 * day.  Nothing is guessed: a date is answered only when the file of
 * its year is loaded, and a date from December 25 on only when the next
 * year's file is loaded too (a 元旦 arrangement has reached back to
 * December 29).  Anything else is refused with a message that names the
 * year lacking data and the years available.
 *
 * Ownership: a struct jx_calendar and everything it hands out (files,
 * entries, notices, names, messages) live in the arena given to
 * jx_calendar_new(), owned by the caller.  No floating point.
 */
#ifndef JIXIAO_CALENDAR_H
#define JIXIAO_CALENDAR_H

#include "jixiao/base.h"
#include "jixiao/diag.h"

/* Hard limits on the data (checked while reading). */
#define JX_CAL_MAX_BYTES (64u * 1024u) /* bytes of one file */
#define JX_CAL_MAX_LINES 2000          /* lines of one file */
#define JX_CAL_MAX_LINE 1024           /* bytes of one line */
#define JX_CAL_MAX_NOTICES 8           /* notice lines of one file */
#define JX_CAL_MAX_URLS 4              /* url lines of one notice */
#define JX_CAL_MAX_ENTRIES 64          /* holiday + workday lines of a file */
#define JX_CAL_MAX_SPAN 31             /* days of one holiday line */
#define JX_CAL_MAX_FILES 200           /* year files in one directory */
#define JX_CAL_MAX_STEPS 3660          /* N of jx_calendar_add_workdays */

/* Years a data file may be for, and dates a query may name. */
#define JX_CAL_YEAR_MIN 1901
#define JX_CAL_YEAR_MAX 2999

/* From this day of December on, a date also needs next year's file. */
#define JX_CAL_DEC_CUTOFF 25

/* A day of the (proleptic Gregorian) calendar. */
struct jx_cal_date {
    int y, m, d;
};

/* Outcome of a query. */
enum jx_cal_status {
    JX_CAL_OK = 0,
    JX_CAL_BAD_DATE, /* not a real date within JX_CAL_YEAR_MIN..MAX */
    JX_CAL_NO_DATA,  /* the date's year (or, from December 25, the next
                        year) has no data file */
    JX_CAL_RANGE     /* FROM after TO, or N outside 1..JX_CAL_MAX_STEPS */
};

/* What a day is. */
enum jx_cal_kind {
    JX_CAL_WORKDAY = 0, /* Monday to Friday, nothing arranged */
    JX_CAL_WEEKEND,     /* Saturday or Sunday, nothing arranged */
    JX_CAL_HOLIDAY,     /* inside a holiday span (放假) */
    JX_CAL_SHIFTED      /* a weekend day made a working day (调休上班) */
};

/* One State Council notice cited by a data file. */
struct jx_cal_notice {
    const char *code;                  /* "国办发明电〔2024〕12号" */
    const char *title;                 /* the notice's title */
    struct jx_cal_date dated;          /* 成文日期 (under the signature) */
    struct jx_cal_date published;      /* published on gov.cn */
    const char *urls[JX_CAL_MAX_URLS]; /* where it is published */
    size_t nurls;
    int line;                          /* its notice line in the file */
};

/* One holiday span or 调休 working day of a data file. */
struct jx_cal_entry {
    bool workday;                       /* true: 调休上班; false: 放假 */
    struct jx_cal_date from, to;        /* inclusive; to == from for a
                                           workday */
    const char *name;                   /* the holiday as written, e.g.
                                           "国庆节、中秋节" */
    const struct jx_cal_notice *notice; /* the notice that set it */
    int line;                           /* its line in the file */
};

/* One data file: the arrangements of one year's notice(s). */
struct jx_cal_file {
    int year;                      /* the year the notice is for */
    const char *path;              /* the file as named when loaded */
    struct jx_cal_notice *notices; /* in file order: the year's notice,
                                      then any that amend it */
    size_t nnotices;
    struct jx_cal_entry *entries;  /* in file order */
    size_t nentries;
};

/* What a query says about one day. */
struct jx_cal_dayinfo {
    enum jx_cal_kind kind;
    bool workday;                     /* JX_CAL_WORKDAY or JX_CAL_SHIFTED */
    int weekday;                      /* 0 Sunday, 1 Monday ... 6 Saturday */
    const struct jx_cal_entry *entry; /* HOLIDAY/SHIFTED: the line that
                                         says so; else NULL */
    const struct jx_cal_file *file;   /* ... and its file; else NULL */
};

/* The calendar: the data files loaded so far. */
struct jx_calendar;

/* A new, empty calendar whose data live in arena (owned by the caller,
 * who frees everything with the arena). */
struct jx_calendar *jx_calendar_new(struct jx_arena *arena);

/* Parse the text of one data file called path (used in messages) and
 * add it to cal.  year is the year its file name promises (0: none).
 * Every problem goes to diags with path:line:col; when there is any,
 * nothing is added.  Returns 0 or -1.  text need not be NUL-terminated
 * and is not kept. */
int jx_calendar_add_text(struct jx_calendar *cal, const char *path,
                         int year, const char *text, size_t len,
                         struct jx_diags *diags);

/* Add every file named YYYY.txt in directory dir (other names are
 * ignored), in year order.  Returns 0; or -1 when the directory cannot
 * be read, holds no year file or too many, or a file has a problem (all
 * reported to diags); the calendar must then not be used. */
int jx_calendar_load_dir(struct jx_calendar *cal, const char *dir,
                         struct jx_diags *diags);

/* The directory of the bundled data: $JIXIAO_DATADIR/calendar when that
 * variable is set and not empty, else the source tree's data/calendar
 * as recorded at build time.  The string lives in arena. */
char *jx_calendar_default_dir(struct jx_arena *arena);

/* Number of files loaded. */
size_t jx_calendar_nfiles(const struct jx_calendar *cal);

/* The i-th file loaded, in year order (i < jx_calendar_nfiles). */
const struct jx_cal_file *jx_calendar_file(const struct jx_calendar *cal,
                                           size_t i);

/* The file for year, or NULL. */
const struct jx_cal_file *jx_calendar_year(const struct jx_calendar *cal,
                                           int year);

/* The years loaded as text, "2019–2026" or "2019、2021–2026" ("无"
 * when none); the string lives in the calendar's arena. */
const char *jx_calendar_years_text(const struct jx_calendar *cal);

/* Parse exactly "YYYY-MM-DD" (a real date, year JX_CAL_YEAR_MIN..MAX)
 * from s[0..n) into *out; 0, or -1 (*out untouched). */
int jx_calendar_date_parse(const char *s, size_t n, struct jx_cal_date *out);

/* Whether d is a real date with year JX_CAL_YEAR_MIN..MAX. */
bool jx_calendar_date_valid(struct jx_cal_date d);

/* Day of the week of a valid date: 0 Sunday ... 6 Saturday. */
int jx_calendar_date_weekday(struct jx_cal_date d);

/* Compare two valid dates: negative, 0 or positive. */
int jx_calendar_date_cmp(struct jx_cal_date a, struct jx_cal_date b);

/* The date n days after the valid date d (n may be negative); a result
 * outside JX_CAL_YEAR_MIN..MAX is {0, 0, 0}, which is not valid. */
struct jx_cal_date jx_calendar_date_add(struct jx_cal_date d, int n);

/* Chinese name of weekday 0..6: "星期日" ... "星期六" ("" otherwise). */
const char *jx_calendar_weekday_zh(int weekday);

/*
 * The queries.  Each returns JX_CAL_OK or why it cannot answer; then,
 * when why is not NULL, *why is a Chinese message for the user (in the
 * calendar's arena) naming the date and, for JX_CAL_NO_DATA, the year
 * lacking data and the years available.
 */

/* What day d is (*info set on JX_CAL_OK). */
enum jx_cal_status jx_calendar_day(const struct jx_calendar *cal,
                                   struct jx_cal_date d,
                                   struct jx_cal_dayinfo *info,
                                   const char **why);

/* Whether d is a working day (*is set on JX_CAL_OK). */
enum jx_cal_status jx_calendar_is_workday(const struct jx_calendar *cal,
                                          struct jx_cal_date d, bool *is,
                                          const char **why);

/* The number of working days from `from` to `to`, both included, into
 * *n.  FROM after TO is JX_CAL_RANGE, not 0 (a reversed range is a
 * mistake; jx_calendar_late_workdays answers "how late"). */
enum jx_cal_status jx_calendar_workdays(const struct jx_calendar *cal,
                                        struct jx_cal_date from,
                                        struct jx_cal_date to, int *n,
                                        const char **why);

/* Late working days (rules.md §7.4) into *n: the working days after
 * deadline up to and including date; 0 when date is on or before the
 * deadline (no data are needed then). */
enum jx_cal_status jx_calendar_late_workdays(const struct jx_calendar *cal,
                                             struct jx_cal_date deadline,
                                             struct jx_cal_date date, int *n,
                                             const char **why);

/* The n-th working day after d (d itself not counted), n in
 * 1..JX_CAL_MAX_STEPS, into *out. */
enum jx_cal_status jx_calendar_add_workdays(const struct jx_calendar *cal,
                                            struct jx_cal_date d, int n,
                                            struct jx_cal_date *out,
                                            const char **why);

#endif
