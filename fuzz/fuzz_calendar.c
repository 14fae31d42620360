/*
 * fuzz_calendar.c - fuzz target of the calendar data-file reader
 * (lib/assess/assess_calendar.c): reads arbitrary bytes as a year file and aborts
 * when a result breaks an invariant:
 * - the reader fails iff it reported an error, and every report is an
 *   error at the file's name with a line (0 for the whole file, else
 *   1..2001) and, on a line, a column >= 1;
 * - a file that loads has a year in range, at least one notice with a
 *   title, and holiday spans and 调休 days inside its year (or the
 *   December before), every 调休 day a Saturday or Sunday;
 * - every day of that year up to December 24 is answered, and its kind
 *   agrees with its weekday and with the entry that arranges it;
 * - counting working days over the year equals the sum of the days,
 *   and the n-th working day after January 1 (n up to the working days
 *   after it, which leave January 1 out) is a working day whose
 *   count from January 2 is n.
 * The input's first line may be "#hint YYYY" to give the year the file
 * name promises.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with a message naming the broken invariant. */
static void violated(const char *what)
{
    fprintf(stderr, "fuzz_calendar: %s\n", what);
    abort();
}

/* The year hint of a first line "#hint YYYY", or 0. */
static int hint_of(const char *s, size_t n)
{
    if (n < 10 || memcmp(s, "#hint ", 6) != 0) {
        return 0;
    }
    int y = 0;
    for (size_t i = 6; i < 10; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
        y = y * 10 + (s[i] - '0');
    }
    return y;
}

/* Whether a date belongs to file year y (its year or the December
 * before). */
static int in_year(struct jx_cal_date d, int y)
{
    return d.y == y || (d.y == y - 1 && d.m == 12);
}

/* Check the file that loaded, and query every day of its year. */
static void check_loaded(const struct jx_calendar *cal)
{
    if (jx_calendar_nfiles(cal) != 1) {
        violated("a loaded file is not the only file");
    }
    const struct jx_cal_file *f = jx_calendar_file(cal, 0);
    if (f->year < JX_CAL_YEAR_MIN || f->year > JX_CAL_YEAR_MAX ||
        f->nnotices < 1 || f->nnotices > JX_CAL_MAX_NOTICES ||
        f->nentries < 1 || f->nentries > JX_CAL_MAX_ENTRIES) {
        violated("file counts out of range");
    }
    for (size_t i = 0; i < f->nnotices; i++) {
        const struct jx_cal_notice *nt = &f->notices[i];
        if (!nt->code || !nt->title || !jx_calendar_date_valid(nt->dated) ||
            !jx_calendar_date_valid(nt->published) ||
            jx_calendar_date_cmp(nt->dated, nt->published) > 0 ||
            nt->nurls > JX_CAL_MAX_URLS) {
            violated("incomplete notice");
        }
    }
    for (size_t i = 0; i < f->nentries; i++) {
        const struct jx_cal_entry *e = &f->entries[i];
        if (!in_year(e->from, f->year) || !in_year(e->to, f->year) ||
            jx_calendar_date_cmp(e->from, e->to) > 0 || !e->name ||
            !e->notice) {
            violated("entry outside its year or reversed");
        }
        int wd = jx_calendar_date_weekday(e->from);
        if (e->workday && wd != 0 && wd != 6) {
            violated("调休 day on a weekday");
        }
    }
    struct jx_cal_date jan1 = {f->year, 1, 1}, dec24 = {f->year, 12, 24};
    int sum = 0;
    for (struct jx_cal_date d = jan1; jx_calendar_date_cmp(d, dec24) <= 0;
         d = jx_calendar_date_add(d, 1)) {
        struct jx_cal_dayinfo info;
        if (jx_calendar_day(cal, d, &info, NULL) != JX_CAL_OK) {
            violated("a day of the loaded year is refused");
        }
        int weekend = info.weekday == 0 || info.weekday == 6;
        switch (info.kind) {
        case JX_CAL_WORKDAY:
        case JX_CAL_WEEKEND:
            if (info.entry || weekend != (info.kind == JX_CAL_WEEKEND)) {
                violated("plain day disagrees with its weekday");
            }
            break;
        case JX_CAL_HOLIDAY:
        case JX_CAL_SHIFTED:
            if (!info.entry || info.file != f ||
                info.entry->workday != (info.kind == JX_CAL_SHIFTED) ||
                jx_calendar_date_cmp(d, info.entry->from) < 0 ||
                jx_calendar_date_cmp(d, info.entry->to) > 0 ||
                (info.kind == JX_CAL_SHIFTED && !weekend)) {
                violated("arranged day disagrees with its entry");
            }
            break;
        default:
            violated("kind out of range");
        }
        if (info.workday !=
            (info.kind == JX_CAL_WORKDAY || info.kind == JX_CAL_SHIFTED)) {
            violated("workday flag disagrees with the kind");
        }
        sum += info.workday;
    }
    int n = -1;
    if (jx_calendar_workdays(cal, jan1, dec24, &n, NULL) != JX_CAL_OK ||
        n != sum) {
        violated("workdays over the year is not the sum of the days");
    }
    struct jx_cal_date dec25 = {f->year, 12, 25};
    if (jx_calendar_workdays(cal, jan1, dec25, &n, NULL) != JX_CAL_NO_DATA) {
        violated("late December answered without the next year");
    }
    /* the working days after January 1 up to December 24: sum less
       January 1 itself when it is one (a file that does not make it a
       holiday) */
    bool jan1_works = false;
    if (jx_calendar_is_workday(cal, jan1, &jan1_works, NULL) != JX_CAL_OK) {
        violated("January 1 refused");
    }
    int after = sum - (jan1_works ? 1 : 0);
    for (int k = 1; k <= after; k += 37) {
        struct jx_cal_date out;
        bool is = false;
        int count = -1;
        if (jx_calendar_add_workdays(cal, jan1, k, &out, NULL) != JX_CAL_OK ||
            jx_calendar_is_workday(cal, out, &is, NULL) != JX_CAL_OK || !is ||
            jx_calendar_late_workdays(cal, jan1, out, &count, NULL) !=
                JX_CAL_OK ||
            count != k) {
            violated("n-th working day disagrees with the count");
        }
    }
}

/* The fuzz entry point. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_calendar *cal = jx_calendar_new(a);
    int rc = jx_calendar_add_text(cal, "fuzz.txt", hint_of(s, size), s, size,
                                  &d);
    if ((rc < 0) != (jx_diags_errors(&d) > 0)) {
        violated("result disagrees with the errors reported");
    }
    for (size_t i = 0; i < d.n; i++) {
        const struct jx_diag *e = &d.a[i];
        if (e->severity != JX_SEV_ERROR || !e->code || e->code[0] != 'D' ||
            !e->msg || !e->loc.file || strcmp(e->loc.file, "fuzz.txt") != 0 ||
            e->loc.line < 0 || e->loc.line > JX_CAL_MAX_LINES + 1 ||
            (e->loc.line > 0 && e->loc.col < 1)) {
            violated("malformed diagnostic");
        }
    }
    if (rc == 0) {
        check_loaded(cal);
    } else if (jx_calendar_nfiles(cal) != 0) {
        violated("a failed file was added");
    }
    jx_diags_release(&d);
    jx_arena_free(a);
    return 0;
}
