/*
 * workspace_time.c - recorded times (UTC seconds, Beijing dates) and
 * 及时性 from an object's audit rows (workflow.h, docs/workflow.md): which
 * row counts under the year's basis, how many working days it is late
 * with the calendar of lib/assess, and the framework's scoring fed with
 * those dates (jx_wf_assess) so that no typed date is ever used.
 * Strings and copies live in the caller's arena.  Integer arithmetic
 * only.
 */
#include "jixiao/workflow.h"

#include <stdio.h>
#include <string.h>

#include "assess/assess.h"

/* Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The date of a day count from 1970-01-01 (civil_from_days). */
static struct jx_cal_date civil_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int64_t y = yoe + era * 400 + (m <= 2);
    return (struct jx_cal_date){(int)y, m, d};
}

/* Floor division by a positive divisor. */
static int64_t floordiv(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

/* UTC time of a date and time of day. */
int64_t jx_wf_time_utc(struct jx_cal_date d, int h, int mi, int s)
{
    return days_from_civil(d.y, d.m, d.d) * 86400 + h * 3600 + mi * 60 + s;
}

/* The Beijing date of t. */
struct jx_cal_date jx_wf_time_local_date(int64_t t)
{
    return civil_from_days(floordiv(t + JX_WF_TZ_OFFSET, 86400));
}

/* t as "YYYY-MM-DDTHH:MM:SSZ". */
char *jx_wf_time_format(int64_t t, char *buf)
{
    int64_t day = floordiv(t, 86400);
    int64_t sec = t - day * 86400;
    struct jx_cal_date d = civil_from_days(day);
    snprintf(buf, JX_WF_TIME_BUFSZ, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.y, d.m,
             d.d, (int)(sec / 3600), (int)(sec / 60 % 60), (int)(sec % 60));
    return buf;
}

/* Read exactly two digits at s into *v. */
static bool two(const char *s, int *v)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') {
        return false;
    }
    *v = (s[0] - '0') * 10 + (s[1] - '0');
    return true;
}

/* Parse a recorded time (workflow.h). */
int jx_wf_time_parse(const char *s, size_t n, int64_t *out)
{
    struct jx_cal_date d;
    int h = 0, mi = 0, sec = 0;
    if (!s || n < 16 || jx_calendar_date_parse(s, 10, &d) != 0 ||
        (s[10] != 'T' && s[10] != ' ') || !two(s + 11, &h) || s[13] != ':' ||
        !two(s + 14, &mi)) {
        return -1;
    }
    size_t i = 16;
    if (i < n && s[i] == ':') {
        if (n < 19 || !two(s + 17, &sec)) {
            return -1;
        }
        i = 19;
    }
    if (h > 23 || mi > 59 || sec > 59) {
        return -1;
    }
    int64_t off;
    if (s[10] == ' ' && i == n) {
        off = JX_WF_TZ_OFFSET; /* Beijing time */
    } else if (s[10] == 'T' && i + 1 == n && s[i] == 'Z') {
        off = 0;
    } else if (s[10] == 'T' && i + 6 == n && (s[i] == '+' || s[i] == '-') &&
               s[i + 3] == ':') {
        int oh, om;
        if (!two(s + i + 1, &oh) || !two(s + i + 4, &om) || oh > 14 ||
            om > 59) {
            return -1;
        }
        off = (oh * 3600 + om * 60) * (s[i] == '-' ? -1 : 1);
    } else {
        return -1;
    }
    *out = jx_wf_time_utc(d, h, mi, sec) - off;
    return 0;
}

static const char *const basis_en[] = {"first_submit", "after_return",
                                       "approved"};
static const char *const basis_zh[] = {"首次送审", "最后一次退回后的送审",
                                       "审核通过"};

/* English name of a basis. */
const char *jx_wf_basis_name(enum jx_wf_basis b)
{
    return (unsigned)b < 3 ? basis_en[b] : "";
}

/* Chinese name of a basis. */
const char *jx_wf_basis_zh(enum jx_wf_basis b)
{
    return (unsigned)b < 3 ? basis_zh[b] : "";
}

/* Parse a basis, English or Chinese. */
int jx_wf_basis_parse(const char *s, size_t n, enum jx_wf_basis *out)
{
    for (int i = 0; s && i < 3; i++) {
        if ((strlen(basis_en[i]) == n && memcmp(basis_en[i], s, n) == 0) ||
            (strlen(basis_zh[i]) == n && memcmp(basis_zh[i], s, n) == 0)) {
            *out = (enum jx_wf_basis)i;
            return 0;
        }
    }
    return -1;
}

/* Whether row i hands the object to the bureau (enters 已送审) and is not
 * withdrawn by the next row's 取消送审. */
static bool standing_submission(const struct jx_wf_audit *rows, size_t n,
                                size_t i)
{
    return rows[i].to == JX_WF_SUBMITTED && rows[i].from != JX_WF_SUBMITTED &&
           !(i + 1 < n && rows[i + 1].action == JX_WF_CANCEL_SUBMIT);
}

/* The index of the last row at or after `from` with action `act`, or -1. */
static long last_action(const struct jx_wf_audit *rows, size_t n,
                        size_t from, enum jx_wf_action act)
{
    long k = -1;
    for (size_t i = from; i < n; i++) {
        if (rows[i].action == act) {
            k = (long)i;
        }
    }
    return k;
}

/* The last row with action act not undone by a later row with undo;
 * -1 when none stands. */
static long standing(const struct jx_wf_audit *rows, size_t n,
                     enum jx_wf_action act, enum jx_wf_action undo)
{
    long k = last_action(rows, n, 0, act);
    if (k >= 0 && last_action(rows, n, (size_t)k + 1, undo) >= 0) {
        return -1;
    }
    return k;
}

/* Fill m from row k (or its absence with why) and count its lateness
 * against deadline. */
static void moment(struct jx_arena *a, const struct jx_wf_audit *rows,
                   long k, const char *absent, struct jx_cal_date deadline,
                   const char *dlname, const struct jx_calendar *cal,
                   struct jx_wf_moment *m)
{
    memset(m, 0, sizeof *m);
    if (k < 0) {
        m->why = absent;
        return;
    }
    m->present = true;
    m->row = (size_t)k;
    m->at = rows[k].at;
    m->date = jx_wf_time_local_date(m->at);
    m->backdated = rows[k].backdated;
    if (!jx_calendar_date_valid(deadline)) {
        m->why = jx_sprintf(a, "本年度未设%s", dlname);
        return;
    }
    if (!cal) {
        m->why = "没有工作日日历数据";
        return;
    }
    const char *why = NULL;
    if (jx_calendar_late_workdays(cal, deadline, m->date, &m->late, &why) !=
        JX_CAL_OK) {
        m->late = 0;
        m->why = why ? why : "无法计算工作日";
        return;
    }
    m->has_late = true;
}

/* 及时性 from an object's rows (workflow.h). */
int jx_wf_timeliness(struct jx_arena *a, const struct jx_wf_year *year,
                     const struct jx_wf_audit *rows, size_t n,
                     const struct jx_calendar *cal,
                     struct jx_wf_timeliness *out)
{
    long k = -1;
    const char *absent = "尚无有效的送审记录";
    switch (year->basis) {
    case JX_WF_BASIS_APPROVED:
        k = standing(rows, n, JX_WF_APPROVE, JX_WF_CANCEL_APPROVAL);
        absent = "尚未审核通过";
        break;
    case JX_WF_BASIS_AFTER_RETURN:
    case JX_WF_BASIS_FIRST_SUBMIT:
    default: {
        long r = year->basis == JX_WF_BASIS_AFTER_RETURN
                     ? last_action(rows, n, 0, JX_WF_RETURN)
                     : -1;
        for (size_t i = (size_t)(r + 1); i < n && k < 0; i++) {
            if (standing_submission(rows, n, i)) {
                k = (long)i;
            }
        }
        if (r >= 0) {
            absent = "最后一次退回后尚未再送审";
        }
        break;
    }
    }
    moment(a, rows, k, absent, year->submit_by, "报送截止日期", cal,
           &out->submit);
    moment(a, rows, standing(rows, n, JX_WF_PUBLISH, JX_WF_UNPUBLISH),
           "尚未公开", year->publish_by, "公开截止日期", cal, &out->publish);
    return 0;
}

/* Whether fw has a param called name. */
static bool has_param(const struct jx_framework *fw, const char *name)
{
    for (size_t i = 0; i < fw->nparams; i++) {
        if (strcmp(fw->params[i].name, name) == 0) {
            return true;
        }
    }
    return false;
}

/* A moment as the package's kind of date (absent when no row counts). */
static struct jx_date as_date(const struct jx_wf_moment *m)
{
    struct jx_date d;
    memset(&d, 0, sizeof d);
    if (m->present) {
        d.present = true;
        d.y = m->date.y;
        d.m = m->date.m;
        d.d = m->date.d;
    }
    return d;
}

/* The framework's scoring with the recorded dates (workflow.h). */
struct jx_fw_result *jx_wf_assess(struct jx_arena *a,
                                  const struct jx_framework *fw,
                                  const struct jx_package *pkg,
                                  const struct jx_wf_year *year,
                                  const struct jx_wf_audit *rows, size_t n,
                                  const struct jx_calendar *cal,
                                  const char *const *overrides,
                                  struct jx_diags *d)
{
    struct jx_wf_timeliness t;
    jx_wf_timeliness(a, year, rows, n, cal, &t);
    /* the package without its typed dates: only the records count */
    struct jx_package *p = jx_alloc(a, sizeof *p);
    if (pkg) {
        memcpy(p, pkg, sizeof *p);
    } else {
        memcpy(p, jx_package_new(a), sizeof *p);
    }
    memset(&p->submission.submitted, 0, sizeof p->submission.submitted);
    memset(&p->submission.published, 0, sizeof p->submission.published);
    size_t nov = 0;
    while (overrides && overrides[nov]) {
        nov++;
    }
    const char **ov = jx_alloc_array(a, nov + 3, sizeof *ov);
    for (size_t i = 0; i < nov; i++) {
        ov[i] = overrides[i];
    }
    if (jx_calendar_date_valid(year->submit_by) &&
        has_param(fw, "submit_deadline")) {
        ov[nov++] = jx_sprintf(a, "submit_deadline=%04d-%02d-%02d",
                               year->submit_by.y, year->submit_by.m,
                               year->submit_by.d);
    }
    if (jx_calendar_date_valid(year->publish_by) &&
        has_param(fw, "publish_deadline")) {
        ov[nov++] = jx_sprintf(a, "publish_deadline=%04d-%02d-%02d",
                               year->publish_by.y, year->publish_by.m,
                               year->publish_by.d);
    }
    ov[nov] = NULL;
    struct jx_assess_opts o;
    memset(&o, 0, sizeof o);
    o.submitted = as_date(&t.submit);
    o.published = as_date(&t.publish);
    o.cal = cal;
    o.overrides = ov;
    struct jx_fw_env env;
    jx_assess_env(a, p, NULL, &o, &env);
    return jx_framework_eval(a, fw, p, &env, d);
}
