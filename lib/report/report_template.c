/*
 * report_template.c - the fill-in workbook (`jixiao template --format
 * xlsx`) written with libxlsxwriter.  The cell layout is documented in
 * include/jixiao/template.h (sheet, cell -> field) and is a contract
 * with jx_import_xlsx() and the recognisers: sheet names and header
 * texts are exactly those of the printed forms (seed 003).
 *
 * libxlsxwriter's API takes column widths and numbers as double; this
 * file writes no money or rate of a package, only the layout, the
 * constant 10 (执行率 分值) and validation bounds, and the values a
 * filled template is given as decimal text.  The numbers of the closed
 * workbook are then made the exact decimals again (report_xlsx.h), so
 * "9.8" is <v>9.8</v> in the sheet, not libxlsxwriter's "%.16G" text
 * 9.800000000000001.
 */
#include "jixiao/template.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "jixiao/base.h"
#include "report/report_xlsx.h"

/* The formats of the workbook (owned by the workbook). */
struct fmts {
    lxw_format *title;    /* the form title */
    lxw_format *head;     /* printed header cells */
    lxw_format *label;    /* printed row labels */
    lxw_format *text;     /* text to fill in */
    lxw_format *longtext; /* long text to fill in (wrapped, top) */
    lxw_format *amount;   /* 万元 amounts to fill in (0.00) */
    lxw_format *whole;    /* headcounts (0) */
    lxw_format *decimal;  /* points, scores, areas to fill in (0.00) */
    lxw_format *date;     /* a date to fill in (yyyy-mm-dd) */
    lxw_format *rate;     /* computed rates (0.00%) */
    lxw_format *calc;     /* computed scores (0.00) */
    lxw_format *note;     /* the printed 说明 and the instructions */
};

/* The workbook being written and the first error met. */
struct tpl {
    lxw_workbook *wb;
    struct fmts f;
    lxw_error err;
    int year;
    int sheet;                  /* index (enum jx_tpl_sheet) being built */
    struct jx_tpl_value *vals;  /* values to fill, sorted (malloc) */
    bool *used;                 /* which were written */
    size_t nvals;
    const char *bad;            /* reason a value could not be written */
};

/* Remember the first libxlsxwriter error. */
static void chk(struct tpl *t, lxw_error e)
{
    if (e != LXW_NO_ERROR && t->err == LXW_NO_ERROR) {
        t->err = e;
    }
}

/* qsort/bsearch order of values: sheet, row, column. */
static int val_cmp(const void *pa, const void *pb)
{
    const struct jx_tpl_value *a = pa, *b = pb;
    if (a->sheet != b->sheet) {
        return a->sheet < b->sheet ? -1 : 1;
    }
    if (a->row != b->row) {
        return a->row < b->row ? -1 : 1;
    }
    return a->col < b->col ? -1 : a->col > b->col ? 1 : 0;
}

/* The value to fill at (row, col) of the sheet being built, or -1. */
static long find_value(const struct tpl *t, int row, int col)
{
    struct jx_tpl_value key;
    memset(&key, 0, sizeof key);
    key.sheet = t->sheet;
    key.row = row;
    key.col = col;
    if (!t->nvals) {
        return -1;
    }
    const struct jx_tpl_value *v =
        bsearch(&key, t->vals, t->nvals, sizeof *t->vals, val_cmp);
    return v ? (long)(v - t->vals) : -1;
}

/* Decimal text ("1902.68", "-3", "48.65%") to the nearest double:
 * up to 15 significant digits are converted exactly rounded (an exact
 * integer divided by an exact power of ten).  0, or -1 when it is not
 * a number. */
static int text_to_double(const char *s, double *out)
{
    static const double p10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,
                                 1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
                                 1e18, 1e19, 1e20, 1e21, 1e22};
    bool neg = false, point = false;
    uint64_t m = 0;
    int digits = 0, seen = 0, scale = 0;
    size_t i = 0;
    if (s[i] == '-' || s[i] == '+') {
        neg = s[i] == '-';
        i++;
    }
    for (; s[i]; i++) {
        if (s[i] == '.' && !point) {
            point = true;
        } else if (s[i] >= '0' && s[i] <= '9') {
            seen++;
            if (m || s[i] != '0') {
                digits++;
            }
            if (digits > 18) {
                return -1;
            }
            m = m * 10 + (uint64_t)(s[i] - '0');
            if (point) {
                scale++;
            }
        } else {
            break;
        }
    }
    if (s[i] == '%') {
        scale += 2;
        i++;
    }
    if (!seen || s[i] != '\0') {
        return -1;
    }
    if (scale > 22) {
        return -1;
    }
    double v = (double)m / p10[scale];
    *out = neg ? -v : v;
    return 0;
}

/* "YYYY-MM-DD" to a datetime; 0, or -1. */
static int text_to_date(const char *s, lxw_datetime *dt)
{
    int f[3] = {0, 0, 0};
    size_t i = 0;
    for (int k = 0; k < 3; k++) {
        int n = 0;
        while (s[i] >= '0' && s[i] <= '9' && n < 4) {
            f[k] = f[k] * 10 + (s[i] - '0');
            i++;
            n++;
        }
        if (n == 0 || (k < 2 && s[i++] != '-')) {
            return -1;
        }
    }
    if (s[i] || f[0] < 1900 || f[1] < 1 || f[1] > 12 || f[2] < 1 ||
        f[2] > 31) {
        return -1;
    }
    memset(dt, 0, sizeof *dt);
    dt->year = f[0];
    dt->month = (uint8_t)f[1];
    dt->day = (uint8_t)f[2];
    return 0;
}

/* Write value i at (row, col) with format f (formula: the formula
 * whose cached result is the value). */
static void write_value(struct tpl *t, lxw_worksheet *ws, long i, int row,
                        int col, lxw_format *f, const char *fx)
{
    const struct jx_tpl_value *v = &t->vals[i];
    lxw_row_t r = (lxw_row_t)row;
    lxw_col_t c = (lxw_col_t)col;
    t->used[i] = true;
    const char *text = v->text ? v->text : "";
    if (v->kind == JX_TPL_NUMBER) {
        double d;
        if (text_to_double(text, &d) < 0) {
            t->bad = "数字无法识别";
            return;
        }
        chk(t, fx ? worksheet_write_formula_num(ws, r, c, fx, f, d)
                  : worksheet_write_number(ws, r, c, d, f));
    } else if (v->kind == JX_TPL_DATE) {
        lxw_datetime dt;
        if (text_to_date(text, &dt) < 0) {
            t->bad = "日期无法识别";
            return;
        }
        chk(t, worksheet_write_datetime(ws, r, c, &dt, t->f.date));
    } else if (fx) {
        chk(t, worksheet_write_formula_str(ws, r, c, fx, f, text));
    } else if (*text) {
        chk(t, worksheet_write_string(ws, r, c, text, f));
    } else {
        chk(t, worksheet_write_blank(ws, r, c, f));
    }
}

/* Write the values of the sheet being built that no layout cell took
 * (cells outside the printed layout). */
static void write_rest(struct tpl *t, lxw_worksheet *ws)
{
    for (size_t i = 0; i < t->nvals; i++) {
        if (t->vals[i].sheet == t->sheet && !t->used[i]) {
            if (t->vals[i].row < 0 || t->vals[i].col < 0 ||
                t->vals[i].row >= 1048576 || t->vals[i].col >= 16384) {
                t->bad = "单元格位置无效";
                t->used[i] = true;
                continue;
            }
            write_value(t, ws, (long)i, t->vals[i].row, t->vals[i].col,
                        t->f.text, NULL);
        }
    }
}

/* A new format in the workbook with a thin border, vertically centred
 * and wrapped (owned by the workbook). */
static lxw_format *cell_format(lxw_workbook *wb)
{
    lxw_format *f = workbook_add_format(wb);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    format_set_font_size(f, 10);
    return f;
}

/* Mark a format as a cell to fill in (light yellow). */
static void input_fill(lxw_format *f)
{
    format_set_bg_color(f, 0xFFF9E0);
}

/* Create the formats of the workbook. */
static void make_formats(struct tpl *t)
{
    lxw_workbook *wb = t->wb;
    struct fmts *f = &t->f;
    f->title = workbook_add_format(wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 16);
    format_set_align(f->title, LXW_ALIGN_CENTER);
    format_set_align(f->title, LXW_ALIGN_VERTICAL_CENTER);

    f->head = cell_format(wb);
    format_set_bold(f->head);
    format_set_align(f->head, LXW_ALIGN_CENTER);
    format_set_bg_color(f->head, 0xD9E1F2);

    f->label = cell_format(wb);
    format_set_align(f->label, LXW_ALIGN_LEFT);

    f->text = cell_format(wb);
    input_fill(f->text);
    f->longtext = cell_format(wb);
    format_set_align(f->longtext, LXW_ALIGN_VERTICAL_TOP);
    input_fill(f->longtext);

    f->amount = cell_format(wb);
    format_set_num_format(f->amount, "0.00");
    input_fill(f->amount);
    f->whole = cell_format(wb);
    format_set_num_format(f->whole, "0");
    input_fill(f->whole);
    f->decimal = cell_format(wb);
    format_set_num_format(f->decimal, "0.00");
    input_fill(f->decimal);
    f->date = cell_format(wb);
    format_set_num_format(f->date, "yyyy-mm-dd");
    format_set_align(f->date, LXW_ALIGN_LEFT);
    input_fill(f->date);

    f->rate = cell_format(wb);
    format_set_num_format(f->rate, "0.00%");
    format_set_bg_color(f->rate, 0xEDEDED);
    f->calc = cell_format(wb);
    format_set_num_format(f->calc, "0.00");
    format_set_bg_color(f->calc, 0xEDEDED);

    f->note = workbook_add_format(wb);
    format_set_text_wrap(f->note);
    format_set_align(f->note, LXW_ALIGN_VERTICAL_TOP);
    format_set_font_size(f->note, 10);
}

/* Write text into one cell (or the value filled there). */
static void put(struct tpl *t, lxw_worksheet *ws, int row, int col,
                const char *s, lxw_format *f)
{
    long i = find_value(t, row, col);
    if (i >= 0) {
        write_value(t, ws, i, row, col, f, NULL);
        return;
    }
    chk(t, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s,
                                  f));
}

/* Write an empty cell with a format (a cell to fill in), or the value
 * filled there. */
static void blank(struct tpl *t, lxw_worksheet *ws, int row, int col,
                  lxw_format *f)
{
    long i = find_value(t, row, col);
    if (i >= 0) {
        write_value(t, ws, i, row, col, f, NULL);
        return;
    }
    chk(t, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f));
}

/* A number the layout prints (the 分值 10), or the value filled
 * there. */
static void number(struct tpl *t, lxw_worksheet *ws, int row, int col,
                   int n, lxw_format *f)
{
    long i = find_value(t, row, col);
    if (i >= 0) {
        write_value(t, ws, i, row, col, f, NULL);
        return;
    }
    chk(t, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, n,
                                  f));
}

/* Merge rows r1..r2, columns c1..c2 holding text s ("" for a merged
 * cell to fill in); a value filled at (r1, c1) goes into the range. */
static void merge(struct tpl *t, lxw_worksheet *ws, int r1, int c1, int r2,
                  int c2, const char *s, lxw_format *f)
{
    if (r1 == r2 && c1 == c2) {
        if (*s) {
            put(t, ws, r1, c1, s, f);
        } else {
            blank(t, ws, r1, c1, f);
        }
        return;
    }
    chk(t, worksheet_merge_range(ws, (lxw_row_t)r1, (lxw_col_t)c1,
                                 (lxw_row_t)r2, (lxw_col_t)c2, s, f));
    long i = find_value(t, r1, c1);
    if (i >= 0) {
        write_value(t, ws, i, r1, c1, f, NULL);
    }
}

/* A formula whose cached result is "" (what the guarded formulas give
 * on an empty form; spreadsheets recalculate on load), or the value
 * filled there as its cached result. */
static void formula(struct tpl *t, lxw_worksheet *ws, int row, int col,
                    const char *fx, lxw_format *f)
{
    long i = find_value(t, row, col);
    if (i >= 0) {
        write_value(t, ws, i, row, col, f, fx);
        return;
    }
    chk(t, worksheet_write_formula_str(ws, (lxw_row_t)row, (lxw_col_t)col,
                                       fx, f, ""));
}

/* The A1 name of a 0-based cell in buf (at least 16 bytes). */
static const char *a1(char *buf, size_t n, int row, int col)
{
    char letters[4];
    int k = 0;
    int c = col + 1;
    char tmp[4];
    while (c > 0 && k < 3) {
        tmp[k++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (int i = 0; i < k; i++) {
        letters[i] = tmp[k - 1 - i];
    }
    letters[k] = '\0';
    snprintf(buf, n, "%s%d", letters, row + 1);
    return buf;
}

/* Add a data validation to rows r1..r2, columns c1..c2 (the struct is
 * copied by libxlsxwriter). */
static void validate(struct tpl *t, lxw_worksheet *ws, int r1, int c1,
                     int r2, int c2, lxw_data_validation *v)
{
    chk(t, worksheet_data_validation_range(ws, (lxw_row_t)r1, (lxw_col_t)c1,
                                           (lxw_row_t)r2, (lxw_col_t)c2,
                                           v));
}

/* Amounts must be decimals >= 0 (negative allowed when `signed_ok`). */
static void validate_amount(struct tpl *t, lxw_worksheet *ws, int r1,
                            int c1, int r2, int c2, bool signed_ok)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    if (signed_ok) {
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = -1e12;
        v.maximum_number = 1e12;
    } else {
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = 0;
    }
    v.error_title = (char *)"金额格式不对";
    v.error_message = (char *)(signed_ok ? "请填写数字（单位：万元）。"
                                         : "请填写不小于 0 的数字（单位：万元）。");
    validate(t, ws, r1, c1, r2, c2, &v);
}

/* Headcounts must be whole numbers >= 0. */
static void validate_whole(struct tpl *t, lxw_worksheet *ws, int row,
                           int col)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_INTEGER;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = 0;
    v.maximum_number = 1000000;
    v.error_title = (char *)"人数格式不对";
    v.error_message = (char *)"请填写不小于 0 的整数。";
    validate(t, ws, row, col, row, col, &v);
}

/* Points, scores and areas must be decimals in [0, max]. */
static void validate_range(struct tpl *t, lxw_worksheet *ws, int r1,
                           int c1, int r2, int c2, int max)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_number = 0;
    v.maximum_number = max;
    v.error_title = (char *)"数值超出范围";
    v.error_message = (char *)"请填写不小于 0 的数字。";
    validate(t, ws, r1, c1, r2, c2, &v);
}

/* The 一级指标 column: a list; the 二级指标 column: a list that warns
 * but accepts other names. */
static void validate_levels(struct tpl *t, lxw_worksheet *ws, int r1,
                            int r2)
{
    static const char *const level1[] = {"产出指标", "效益指标",
                                         "满意度指标", NULL};
    static const char *const level2[] = {
        "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标",
        "社会效益指标", "生态效益指标", "可持续影响指标",
        "服务对象满意度指标", NULL};
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = (char **)level1;
    v.input_title = (char *)"一级指标";
    v.input_message = (char *)"从列表选择：产出指标、效益指标、满意度指标。";
    v.error_title = (char *)"一级指标不对";
    v.error_message = (char *)"一级指标只能是产出指标、效益指标或满意度指标。";
    validate(t, ws, r1, JX_TPL_IND_LEVEL1, r2, JX_TPL_IND_LEVEL1, &v);

    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_LIST;
    v.value_list = (char **)level2;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
    v.error_title = (char *)"二级指标";
    v.error_message = (char *)"不是常用的二级指标名称，确定要这样填吗？";
    validate(t, ws, r1, JX_TPL_IND_LEVEL2, r2, JX_TPL_IND_LEVEL2, &v);
}

/* A dated cell: a date between 2000-01-01 and 2100-12-31. */
static void validate_date(struct tpl *t, lxw_worksheet *ws, int row, int c1,
                          int c2)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_DATE;
    v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
    v.minimum_datetime.year = 2000;
    v.minimum_datetime.month = 1;
    v.minimum_datetime.day = 1;
    v.maximum_datetime.year = 2100;
    v.maximum_datetime.month = 12;
    v.maximum_datetime.day = 31;
    v.error_title = (char *)"日期格式不对";
    v.error_message = (char *)"请按 2025-07-11 的格式填写日期。";
    validate(t, ws, row, c1, row, c2, &v);
}

/* A comment on a cell (an instruction shown on hover). */
static void comment(struct tpl *t, lxw_worksheet *ws, int row, int col,
                    const char *s)
{
    lxw_comment_options o;
    memset(&o, 0, sizeof o);
    o.author = (char *)"jixiao";
    o.width = 260;
    o.height = 110;
    chk(t, worksheet_write_comment_opt(ws, (lxw_row_t)row, (lxw_col_t)col,
                                       s, &o));
}

/* Page setup shared by the form sheets. */
static void page(lxw_worksheet *ws, bool landscape)
{
    if (landscape) {
        worksheet_set_landscape(ws);
    }
    worksheet_set_paper(ws, 9); /* A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_center_horizontally(ws);
}

/* The rows of the 经费控制情况 block: label, or NULL for a 专项 line
 * whose name is filled in (rows 6..32, 0-based 5..31). */
static const char *const cost_labels[] = {
    "三公经费",
    "1、公务用车购置和维护经费",
    "其中：公车购置",
    "公车运行维护",
    "2、出国经费",
    "3、公务接待",
    "项目支出：",
    "1、业务工作经费",
    "2、运行维护经费",
    "3、区级专项资金(一个专项一行)",
    NULL, NULL, NULL, NULL, NULL,
    "4、上级转移支付(一个专项一行)",
    NULL, NULL, NULL, NULL, NULL,
    "公用经费",
    "其中：办公经费",
    "水费、电费、差旅费",
    "会议费、培训费",
    "政府采购金额",
    "部门基本支出预算调整",
};

/* Sheet 1: 基础数据表. */
static void sheet_base(struct tpl *t)
{
    lxw_worksheet *ws = workbook_add_worksheet(t->wb, JX_TPL_SHEET_BASE);
    if (!ws) {
        chk(t, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    t->sheet = JX_TPL_BASE;
    const struct fmts *f = &t->f;
    char buf[160], r1[16], r2[16], r3[16];
    int y = t->year;
    page(ws, false);
    chk(t, worksheet_set_column(ws, 0, 0, 34, NULL));
    chk(t, worksheet_set_column(ws, 1, 6, 11, NULL));
    chk(t, worksheet_set_row(ws, 0, 30, NULL));

    snprintf(buf, sizeof buf, "%d年度预算单位整体支出绩效评价基础数据表", y);
    merge(t, ws, 0, 0, 0, 6, buf, f->title);
    put(t, ws, JX_TPL_B_UNIT_ROW, 0, "预算单位名称", f->label);
    merge(t, ws, JX_TPL_B_UNIT_ROW, 1, JX_TPL_B_UNIT_ROW, 6, "", f->text);

    int sr = JX_TPL_B_STAFF_ROW;
    merge(t, ws, sr - 1, 0, sr, 0, "财政供养人员情况(人)", f->label);
    merge(t, ws, sr - 1, 1, sr - 1, 2, "编制数", f->head);
    snprintf(buf, sizeof buf, "%d年实际在职人数", y);
    merge(t, ws, sr - 1, 3, sr - 1, 4, buf, f->head);
    merge(t, ws, sr - 1, 5, sr - 1, 6, "控制率", f->head);
    merge(t, ws, sr, 1, sr, 2, "", f->whole);
    merge(t, ws, sr, 3, sr, 4, "", f->whole);
    merge(t, ws, sr, 5, sr, 6, "", f->rate);
    snprintf(buf, sizeof buf, "=IF(N(%s)=0,\"\",%s/%s)",
             a1(r1, sizeof r1, sr, 1), a1(r2, sizeof r2, sr, 3), r1);
    formula(t, ws, sr, 5, buf, f->rate);
    validate_whole(t, ws, sr, 1);
    validate_whole(t, ws, sr, 3);
    comment(t, ws, sr, 5, "控制率 = 实际在职人数 ÷ 编制数，由公式计算。");

    int hr = JX_TPL_B_THREE_PUBLIC - 1;
    put(t, ws, hr, 0, "经费控制情况(万元)", f->label);
    snprintf(buf, sizeof buf, "%d年决算数", y - 1);
    merge(t, ws, hr, 1, hr, 2, buf, f->head);
    snprintf(buf, sizeof buf, "%d年预算数", y);
    merge(t, ws, hr, 3, hr, 4, buf, f->head);
    snprintf(buf, sizeof buf, "%d年决算数", y);
    merge(t, ws, hr, 5, hr, 6, buf, f->head);
    size_t nrows = sizeof cost_labels / sizeof cost_labels[0];
    for (size_t i = 0; i < nrows; i++) {
        int row = JX_TPL_B_THREE_PUBLIC + (int)i;
        if (cost_labels[i]) {
            put(t, ws, row, 0, cost_labels[i], f->label);
        } else {
            blank(t, ws, row, 0, f->text);
        }
        for (int c = 1; c <= 5; c += 2) {
            merge(t, ws, row, c, row, c + 1, "", f->amount);
        }
    }
    validate_amount(t, ws, JX_TPL_B_THREE_PUBLIC, 1,
                    JX_TPL_B_BASIC_ADJUSTMENT - 1, 6, false);
    validate_amount(t, ws, JX_TPL_B_BASIC_ADJUSTMENT, 1,
                    JX_TPL_B_BASIC_ADJUSTMENT, 6, true);
    comment(t, ws, JX_TPL_B_LOCAL_SPECIAL + 1, 0,
            "每个专项一行：本列填专项名称，右边填金额。");
    comment(t, ws, JX_TPL_B_TRANSFER + 1, 0,
            "每个专项一行：本列填专项名称，右边填金额。");

    int br = JX_TPL_B_BUILDING_HEAD;
    static const char *const bhead[] = {
        "批复规模(m²)", "实际规模(m²)", "规模控制率", "预算投资(万元)",
        "实际投资(万元)", "投资概算控制率"};
    snprintf(buf, sizeof buf, "楼堂馆所控制情况(%d年完工项目)", y);
    put(t, ws, br, 0, buf, f->label);
    for (int c = 0; c < 6; c++) {
        put(t, ws, br, c + 1, bhead[c], f->head);
    }
    chk(t, worksheet_set_row(ws, (lxw_row_t)br, 30, NULL));
    for (int i = 0; i < JX_TPL_BUILDING_ROWS; i++) {
        int row = JX_TPL_B_BUILDING_FIRST + i;
        blank(t, ws, row, 0, f->text);
        blank(t, ws, row, 1, f->decimal);
        blank(t, ws, row, 2, f->decimal);
        snprintf(buf, sizeof buf, "=IF(N(%s)=0,\"\",%s/%s)",
                 a1(r1, sizeof r1, row, 1), a1(r2, sizeof r2, row, 2), r1);
        formula(t, ws, row, 3, buf, f->rate);
        blank(t, ws, row, 4, f->amount);
        blank(t, ws, row, 5, f->amount);
        snprintf(buf, sizeof buf, "=IF(N(%s)=0,\"\",%s/%s)",
                 a1(r1, sizeof r1, row, 4), a1(r3, sizeof r3, row, 5), r1);
        formula(t, ws, row, 6, buf, f->rate);
    }
    int bl = JX_TPL_B_BUILDING_FIRST + JX_TPL_BUILDING_ROWS - 1;
    validate_range(t, ws, JX_TPL_B_BUILDING_FIRST, 1, bl, 2, 100000000);
    validate_amount(t, ws, JX_TPL_B_BUILDING_FIRST, 4, bl, 5, false);
    comment(t, ws, JX_TPL_B_BUILDING_FIRST, 0,
            "本年完工的楼堂馆所项目每个一行；没有则留空（不要填 0）。");

    put(t, ws, JX_TPL_B_THRIFT_ROW, 0, "厉行节约保障措施", f->label);
    merge(t, ws, JX_TPL_B_THRIFT_ROW, 1, JX_TPL_B_THRIFT_ROW, 6, "",
          f->longtext);
    chk(t, worksheet_set_row(ws, JX_TPL_B_THRIFT_ROW, 60, NULL));
    comment(t, ws, JX_TPL_B_PROJECT, 0,
            "“项目支出”需要填报基本支出以外的所有项目支出情况。");
    comment(t, ws, JX_TPL_B_PUBLIC_FUNDS, 0,
            "“公用经费”填报基本支出中的一般商品和服务支出。");
    write_rest(t, ws);
}

/* The funds header row of the two self-evaluation sheets. */
static void funds_head(struct tpl *t, lxw_worksheet *ws, int row,
                       const char *score_head)
{
    static const char *const heads[] = {"年初预算数", "全年预算数",
                                        "全年执行数", "分值", "执行率"};
    blank(t, ws, row, JX_TPL_COL_LABEL, t->f.head);
    for (int c = 0; c < 5; c++) {
        put(t, ws, row, JX_TPL_COL_INITIAL + c, heads[c], t->f.head);
    }
    merge(t, ws, row, JX_TPL_COL_SCORE, row, JX_TPL_COL_DEVIATION,
          score_head, t->f.head);
}

/* The 年度资金总额 row with its 分值 10 and the 执行率 and 得分
 * formulas. */
static void funds_total(struct tpl *t, lxw_worksheet *ws, int row)
{
    const struct fmts *f = &t->f;
    char buf[200], full[16], exe[16], pts[16], rate[16];
    put(t, ws, row, JX_TPL_COL_LABEL, "年度资金总额", f->label);
    blank(t, ws, row, JX_TPL_COL_INITIAL, f->amount);
    blank(t, ws, row, JX_TPL_COL_FULL, f->amount);
    blank(t, ws, row, JX_TPL_COL_EXECUTED, f->amount);
    number(t, ws, row, JX_TPL_COL_POINTS, 10, f->decimal);
    a1(full, sizeof full, row, JX_TPL_COL_FULL);
    a1(exe, sizeof exe, row, JX_TPL_COL_EXECUTED);
    a1(pts, sizeof pts, row, JX_TPL_COL_POINTS);
    a1(rate, sizeof rate, row, JX_TPL_COL_RATE);
    snprintf(buf, sizeof buf, "=IF(N(%s)=0,\"\",%s/%s)", full, exe, full);
    formula(t, ws, row, JX_TPL_COL_RATE, buf, f->rate);
    merge(t, ws, row, JX_TPL_COL_SCORE, row, JX_TPL_COL_DEVIATION, "",
          f->calc);
    snprintf(buf, sizeof buf,
             "=IF(%s=\"\",\"\",MIN(ROUND(ROUND(%s,4)*%s,2),%s))", rate,
             rate, pts, pts);
    formula(t, ws, row, JX_TPL_COL_SCORE, buf, f->calc);
    validate_amount(t, ws, row, JX_TPL_COL_INITIAL, row,
                    JX_TPL_COL_EXECUTED, false);
    validate_range(t, ws, row, JX_TPL_COL_POINTS, row, JX_TPL_COL_POINTS,
                   100);
    comment(t, ws, row, JX_TPL_COL_RATE,
            "执行率 = 全年执行数 ÷ 全年预算数（不是年初预算数），由公式计算；"
            "全年预算数为空或 0 时不计算。");
    comment(t, ws, row, JX_TPL_COL_SCORE,
            "执行率得分 = 执行率（先四舍五入到 0.01%）× 分值，"
            "再四舍五入到 0.01，最高为分值；由公式计算。");
}

/* A split row of the funds block: label, three amounts, and the
 * 分值, 执行率 and 得分 columns left empty. */
static void split_row(struct tpl *t, lxw_worksheet *ws, int row,
                      const char *label)
{
    const struct fmts *f = &t->f;
    put(t, ws, row, JX_TPL_COL_LABEL, label, f->label);
    for (int c = JX_TPL_COL_INITIAL; c <= JX_TPL_COL_EXECUTED; c++) {
        blank(t, ws, row, c, f->amount);
    }
    blank(t, ws, row, JX_TPL_COL_POINTS, f->label);
    blank(t, ws, row, JX_TPL_COL_RATE, f->label);
    merge(t, ws, row, JX_TPL_COL_SCORE, row, JX_TPL_COL_DEVIATION, "",
          f->label);
}

/* 年度总体目标: header row and the row to fill in. */
static void goals(struct tpl *t, lxw_worksheet *ws, int row)
{
    const struct fmts *f = &t->f;
    merge(t, ws, row - 1, 0, row, 0, "年度总体目标", f->label);
    merge(t, ws, row - 1, JX_TPL_GOAL_EXPECTED_COL, row - 1,
          JX_TPL_GOAL_ACTUAL_COL - 1, "预期目标", f->head);
    merge(t, ws, row - 1, JX_TPL_GOAL_ACTUAL_COL, row - 1,
          JX_TPL_COL_DEVIATION, "实际完成情况", f->head);
    merge(t, ws, row, JX_TPL_GOAL_EXPECTED_COL, row,
          JX_TPL_GOAL_ACTUAL_COL - 1, "", f->longtext);
    merge(t, ws, row, JX_TPL_GOAL_ACTUAL_COL, row, JX_TPL_COL_DEVIATION, "",
          f->longtext);
    chk(t, worksheet_set_row(ws, (lxw_row_t)row, 90, NULL));
}

/* 绩效指标: header, JX_TPL_INDICATOR_ROWS rows to fill in and the 总分
 * row, with the 执行率 分值 and 得分 in `total_row`. */
static void indicators(struct tpl *t, lxw_worksheet *ws, int head,
                       int total_row, const char *score_head)
{
    const struct fmts *f = &t->f;
    static const char *const heads[] = {"一级指标", "二级指标", "三级指标",
                                        "年度指标值", "实际完成值", "分值"};
    int first = head + 1;
    int last = first + JX_TPL_INDICATOR_ROWS - 1;
    int sum = last + 1;
    char buf[200], g1[16], g2[16], h1[16], h2[16], pts[16], sc[16];
    merge(t, ws, head, 0, last, 0, "绩效指标", f->label);
    for (int c = 0; c < 6; c++) {
        put(t, ws, head, JX_TPL_IND_LEVEL1 + c, heads[c], f->head);
    }
    put(t, ws, head, JX_TPL_IND_SCORE, score_head, f->head);
    put(t, ws, head, JX_TPL_IND_DEVIATION, "偏差原因分析及改进措施",
        f->head);
    for (int r = first; r <= last; r++) {
        for (int c = JX_TPL_IND_LEVEL1; c <= JX_TPL_IND_ACTUAL; c++) {
            blank(t, ws, r, c, f->text);
        }
        blank(t, ws, r, JX_TPL_IND_POINTS, f->decimal);
        blank(t, ws, r, JX_TPL_IND_SCORE, f->decimal);
        blank(t, ws, r, JX_TPL_IND_DEVIATION, f->text);
    }
    validate_levels(t, ws, first, last);
    validate_range(t, ws, first, JX_TPL_IND_POINTS, last, JX_TPL_IND_SCORE,
                   100);
    comment(t, ws, head, JX_TPL_IND_LEVEL1,
            "每行填一个三级指标。分值合计：产出指标 50、效益指标 30、"
            "满意度指标 10，加执行率 10 共 100。");
    comment(t, ws, head, JX_TPL_IND_ACTUAL,
            "定性指标可填“达成年度指标”“部分达成年度指标并具有一定效果”"
            "或“未达成年度指标且效果较差”。");

    merge(t, ws, sum, 0, sum, JX_TPL_IND_ACTUAL, "总分", f->head);
    a1(g1, sizeof g1, first, JX_TPL_IND_POINTS);
    a1(g2, sizeof g2, last, JX_TPL_IND_POINTS);
    a1(h1, sizeof h1, first, JX_TPL_IND_SCORE);
    a1(h2, sizeof h2, last, JX_TPL_IND_SCORE);
    a1(pts, sizeof pts, total_row, JX_TPL_COL_POINTS);
    a1(sc, sizeof sc, total_row, JX_TPL_COL_SCORE);
    snprintf(buf, sizeof buf, "=IF(COUNT(%s:%s)=0,\"\",%s+SUM(%s:%s))", g1,
             g2, pts, g1, g2);
    formula(t, ws, sum, JX_TPL_IND_POINTS, buf, f->calc);
    snprintf(buf, sizeof buf, "=IF(COUNT(%s:%s)=0,\"\",SUM(%s,%s:%s))", h1,
             h2, sc, h1, h2);
    formula(t, ws, sum, JX_TPL_IND_SCORE, buf, f->calc);
    blank(t, ws, sum, JX_TPL_IND_DEVIATION, f->head);
    comment(t, ws, sum, JX_TPL_IND_SCORE,
            "总分 = 执行率得分 + 各指标得分，由公式计算。");
}

/* Column widths shared by the two self-evaluation sheets. */
static void sheet_columns(struct tpl *t, lxw_worksheet *ws)
{
    chk(t, worksheet_set_column(ws, 0, 0, 9, NULL));
    chk(t, worksheet_set_column(ws, 1, 1, 16, NULL));
    chk(t, worksheet_set_column(ws, 2, 2, 14, NULL));
    chk(t, worksheet_set_column(ws, 3, 3, 26, NULL));
    chk(t, worksheet_set_column(ws, 4, 5, 14, NULL));
    chk(t, worksheet_set_column(ws, 6, 7, 10, NULL));
    chk(t, worksheet_set_column(ws, 8, 8, 24, NULL));
    chk(t, worksheet_set_row(ws, 0, 30, NULL));
}

/* Sheet 2: 整体支出绩效自评表. */
static void sheet_unit(struct tpl *t)
{
    lxw_worksheet *ws = workbook_add_worksheet(t->wb, JX_TPL_SHEET_UNIT);
    if (!ws) {
        chk(t, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    t->sheet = JX_TPL_UNIT;
    const struct fmts *f = &t->f;
    char buf[160];
    page(ws, true);
    sheet_columns(t, ws);
    snprintf(buf, sizeof buf, "%d年度预算单位整体支出绩效自评表", t->year);
    merge(t, ws, 0, 0, 0, JX_TPL_COL_DEVIATION, buf, f->title);
    put(t, ws, JX_TPL_U_UNIT_ROW, 0, "预算单位名称", f->label);
    merge(t, ws, JX_TPL_U_UNIT_ROW, 1, JX_TPL_U_UNIT_ROW,
          JX_TPL_COL_DEVIATION, "", f->text);

    int tr = JX_TPL_U_TOTAL_ROW;
    merge(t, ws, tr - 1, 0, JX_TPL_U_PROJECT, 0, "年度预算申请(万元)",
          f->label);
    funds_head(t, ws, tr - 1, "得分");
    funds_total(t, ws, tr);
    merge(t, ws, JX_TPL_U_GENERAL_BUDGET - 1, JX_TPL_COL_LABEL,
          JX_TPL_U_GENERAL_BUDGET - 1, JX_TPL_COL_DEVIATION, "按收入性质分：",
          f->head);
    merge(t, ws, JX_TPL_U_BASIC - 1, JX_TPL_COL_LABEL, JX_TPL_U_BASIC - 1,
          JX_TPL_COL_DEVIATION, "按支出性质分：", f->head);
    static const struct {
        int row;
        const char *label;
    } splits[] = {
        {JX_TPL_U_GENERAL_BUDGET, "其中：一般公共预算"},
        {JX_TPL_U_GOV_FUND, "政府性基金拨款"},
        {JX_TPL_U_SPECIAL_ACCOUNT, "纳入专户管理的非税收入拨款"},
        {JX_TPL_U_OTHER, "其他资金"},
        {JX_TPL_U_BASIC, "其中：基本支出"},
        {JX_TPL_U_PROJECT, "项目支出"},
    };
    for (size_t i = 0; i < sizeof splits / sizeof splits[0]; i++) {
        split_row(t, ws, splits[i].row, splits[i].label);
    }
    validate_amount(t, ws, JX_TPL_U_GENERAL_BUDGET, JX_TPL_COL_INITIAL,
                    JX_TPL_U_OTHER, JX_TPL_COL_EXECUTED, false);
    validate_amount(t, ws, JX_TPL_U_BASIC, JX_TPL_COL_INITIAL,
                    JX_TPL_U_PROJECT, JX_TPL_COL_EXECUTED, false);
    comment(t, ws, JX_TPL_U_GENERAL_BUDGET, JX_TPL_COL_EXECUTED,
            "按收入性质、按支出性质分别填写；印发的表样只填全年执行数，"
            "各自合计应等于年度资金总额的全年执行数。");

    goals(t, ws, JX_TPL_U_GOAL_ROW);
    indicators(t, ws, JX_TPL_U_IND_HEAD, tr, "得分");
    write_rest(t, ws);
}

/* Sheet 3 (and the k-th further ones): 项目支出绩效自评表. */
static void sheet_project(struct tpl *t, int k)
{
    char name[64];
    if (k == 0) {
        snprintf(name, sizeof name, "%s", JX_TPL_SHEET_PROJECT);
    } else {
        snprintf(name, sizeof name, "%s (%d)", JX_TPL_SHEET_PROJECT, k + 1);
    }
    lxw_worksheet *ws = workbook_add_worksheet(t->wb, name);
    if (!ws) {
        chk(t, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    t->sheet = JX_TPL_PROJECT + k;
    const struct fmts *f = &t->f;
    char buf[160];
    page(ws, true);
    sheet_columns(t, ws);
    snprintf(buf, sizeof buf, "%d年度项目支出绩效自评表", t->year);
    merge(t, ws, 0, 0, 0, JX_TPL_COL_DEVIATION, buf, f->title);
    put(t, ws, JX_TPL_P_NAME_ROW, 0, "项目支出名称", f->label);
    merge(t, ws, JX_TPL_P_NAME_ROW, 1, JX_TPL_P_NAME_ROW,
          JX_TPL_COL_DEVIATION, "", f->text);
    comment(t, ws, JX_TPL_P_NAME_ROW, 1,
            "每个一级项目一张表（如业务工作经费、运行维护经费）；"
            "需要多张时复制本工作表。");
    int orow = JX_TPL_P_ORG_ROW;
    put(t, ws, orow, 0, "主管部门", f->label);
    merge(t, ws, orow, 1, orow, 3, "", f->text);
    put(t, ws, orow, 4, "实施单位", f->label);
    merge(t, ws, orow, 5, orow, JX_TPL_COL_DEVIATION, "", f->text);

    int tr = JX_TPL_P_TOTAL_ROW;
    int s0 = JX_TPL_P_SPLIT_FIRST;
    merge(t, ws, tr - 1, 0, s0 + 2, 0, "项目资金（万元）", f->label);
    funds_head(t, ws, tr - 1, "自评得分");
    funds_total(t, ws, tr);
    static const char *const split[] = {"其中：当年财政拨款", "上年结转资金",
                                        "其他资金"};
    for (int i = 0; i < 3; i++) {
        split_row(t, ws, s0 + i, split[i]);
    }
    validate_amount(t, ws, s0, JX_TPL_COL_INITIAL, s0 + 2,
                    JX_TPL_COL_EXECUTED, false);

    goals(t, ws, JX_TPL_P_GOAL_ROW);
    indicators(t, ws, JX_TPL_P_IND_HEAD, tr, "自评得分");
    write_rest(t, ws);
}

/* Sheet 1: 填表说明, with the footer of the printed forms (填表人 …
 * 填报日期) to fill in and the instructions. */
static void sheet_help(struct tpl *t)
{
    lxw_worksheet *ws = workbook_add_worksheet(t->wb, JX_TPL_SHEET_HELP);
    if (!ws) {
        chk(t, LXW_ERROR_MEMORY_MALLOC_FAILED);
        return;
    }
    t->sheet = JX_TPL_HELP;
    static const char *const labels[] = {"填表人：", "联系电话：",
                                         "单位负责人：", "填报日期："};
    static const char *const lines[] = {
        "1. 本工作簿有三张表：基础数据表、整体支出绩效自评表、项目支出绩效"
        "自评表，格式与印发的表样一致。请只在浅黄色单元格中填写，不要增删"
        "行列、不要改动表头文字和工作表名称。",
        "2. 金额单位为万元，保留两位小数；人数填整数；日期按 2025-07-11 "
        "的格式填写。",
        "3. 灰色单元格由公式计算，不要改写：控制率 = 实际在职人数 ÷ 编制数；"
        "执行率 = 全年执行数 ÷ 全年预算数；执行率得分 = 执行率（先四舍五入到 "
        "0.01%）× 分值，再四舍五入到 0.01，最高为分值；总分 = 执行率得分 + "
        "各指标得分之和。",
        "4. 没有发生的事项留空，不要填 0；空白表示未填写，检查时不会当作 0。",
        "5. 绩效指标每行填一个三级指标；一级指标从下拉列表选择（产出指标、"
        "效益指标、满意度指标）。分值合计：产出指标 50、效益指标 30、满意度"
        "指标 10，加执行率 10 共 100。得分低于分值时须填写偏差原因分析及"
        "改进措施。",
        "6. 每个一级项目填一张项目支出绩效自评表（如业务工作经费、运行维护"
        "经费）；需要多张时复制“项目支出绩效自评表”工作表（右键“移动或复制”，"
        "勾选“建立副本”）。",
        "7. 基础数据表：“项目支出”填报基本支出以外的所有项目支出情况，"
        "“公用经费”填报基本支出中的一般商品和服务支出；区级专项资金和上级"
        "转移支付每个专项一行，第一列填专项名称。",
        "8. 填好后可用 jixiao import 文件.xlsx 转换为 Package JSON，或用 "
        "jixiao check / jixiao score 直接检查。",
    };
    chk(t, worksheet_set_column(ws, 0, 0, 14, NULL));
    chk(t, worksheet_set_column(ws, 1, 1, 90, NULL));
    merge(t, ws, 0, 0, 0, 1, "填表说明", t->f.title);
    chk(t, worksheet_set_row(ws, 0, 30, NULL));
    for (int i = 0; i < 4; i++) {
        put(t, ws, JX_TPL_C_PREPARER + i, 0, labels[i], t->f.label);
        blank(t, ws, JX_TPL_C_PREPARER + i, JX_TPL_C_VALUE_COL,
              i == 3 ? t->f.date : t->f.text);
    }
    validate_date(t, ws, JX_TPL_C_DATE, JX_TPL_C_VALUE_COL,
                  JX_TPL_C_VALUE_COL);
    size_t n = sizeof lines / sizeof lines[0];
    for (size_t i = 0; i < n; i++) {
        int row = JX_TPL_C_HELP_FIRST + (int)i;
        merge(t, ws, row, 0, row, 1, lines[i], t->f.note);
        chk(t, worksheet_set_row(ws, (lxw_row_t)row, 42, NULL));
    }
    write_rest(t, ws);
}

/* Write the workbook (see template.h). */
int jx_template_xlsx_write(const char *path, int year, const char **why)
{
    struct jx_tpl_opts o;
    memset(&o, 0, sizeof o);
    o.year = year;
    return jx_template_xlsx_write_opts(path, &o, why);
}

/* Check the options; NULL, or the reason they are refused. */
static const char *check_opts(const char *path, const struct jx_tpl_opts *o,
                              int nprojects)
{
    if (!path || !o || o->year < JX_TPL_YEAR_MIN ||
        o->year > JX_TPL_YEAR_MAX || nprojects < 1 ||
        nprojects > JX_TPL_MAX_PROJECTS || (o->nvalues && !o->values)) {
        return "参数无效";
    }
    for (size_t i = 0; i < o->nvalues; i++) {
        if (o->values[i].sheet < JX_TPL_HELP ||
            o->values[i].sheet >= JX_TPL_PROJECT + nprojects) {
            return "单元格所在的表不存在";
        }
    }
    return NULL;
}

/* Write the workbook with options (see template.h). */
int jx_template_xlsx_write_opts(const char *path,
                                const struct jx_tpl_opts *opts,
                                const char **why)
{
    const char *dummy;
    if (!why) {
        why = &dummy;
    }
    *why = NULL;
    int nprojects = opts && opts->nprojects ? opts->nprojects : 1;
    *why = check_opts(path, opts, nprojects);
    if (*why) {
        errno = EINVAL;
        return -1;
    }
    /* a link at path is written through to its target (jx_out_path) */
    char *real;
    if (jx_out_path(path, &real) < 0) {
        *why = errno == EISDIR ? "目标是一个目录" : "目标是无效的符号链接";
        return -1;
    }
    size_t n = strlen(real) + 32;
    char *tmp = jx_xmalloc(n);
    snprintf(tmp, n, "%s.tmp.%ld", real, (long)getpid());
    /* Create the file ourselves first, so that an unwritable place is
     * reported with the system's reason and libxlsxwriter prints
     * nothing. */
    FILE *probe = fopen(tmp, "wb");
    if (!probe) {
        int e = errno;
        free(tmp);
        free(real);
        *why = "无法创建文件";
        errno = e;
        return -1;
    }
    fclose(probe);

    struct tpl t;
    memset(&t, 0, sizeof t);
    t.year = opts->year;
    t.nvals = opts->nvalues;
    t.vals = jx_xmalloc((t.nvals ? t.nvals : 1) * sizeof *t.vals);
    t.used = jx_xmalloc((t.nvals ? t.nvals : 1) * sizeof *t.used);
    if (t.nvals) {
        memcpy(t.vals, opts->values, t.nvals * sizeof *t.vals);
        memset(t.used, 0, t.nvals * sizeof *t.used);
        qsort(t.vals, t.nvals, sizeof *t.vals, val_cmp);
    }
    t.wb = workbook_new(tmp);
    if (!t.wb) {
        remove(tmp);
        free(tmp);
        free(real);
        free(t.vals);
        free(t.used);
        *why = "无法创建工作簿";
        errno = ENOMEM;
        return -1;
    }
    lxw_doc_properties props;
    memset(&props, 0, sizeof props);
    props.title = (char *)"预算绩效自评填报模板";
    props.comments = (char *)"jixiao template";
    chk(&t, workbook_set_properties(t.wb, &props));
    make_formats(&t);
    sheet_help(&t);
    sheet_base(&t);
    sheet_unit(&t);
    for (int k = 0; k < nprojects; k++) {
        sheet_project(&t, k);
    }
    lxw_error e = workbook_close(t.wb);
    free(t.vals);
    free(t.used);
    if (t.err == LXW_NO_ERROR) {
        t.err = e;
    }
    if (t.bad || t.err != LXW_NO_ERROR) {
        remove(tmp);
        free(tmp);
        free(real);
        *why = t.bad ? t.bad : "生成工作簿失败";
        errno = t.bad ? EINVAL : EIO;
        return -1;
    }
    if (jx_xlsx_exact_numbers(tmp, why) < 0) {
        remove(tmp);
        free(tmp);
        free(real);
        errno = EIO;
        return -1;
    }
    if (rename(tmp, real) != 0) {
        int err = errno;
        remove(tmp);
        free(tmp);
        free(real);
        *why = "无法写入目标文件";
        errno = err;
        return -1;
    }
    free(tmp);
    free(real);
    return 0;
}
