/*
 * cmd_template.c - `jixiao template --format xlsx -o FILE [--year Y]`:
 * write the fill-in workbook (lib/report/report_template.c).
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jixiao/template.h"

/* Parse a year of 4 ASCII digits within the template's range into *y;
 * 0, or -1 when s is not one. */
static int parse_year(const char *s, int *y)
{
    int v = 0;
    size_t n = strlen(s);
    if (n != 4) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') {
            return -1;
        }
        v = v * 10 + (s[i] - '0');
    }
    if (v < JX_TPL_YEAR_MIN || v > JX_TPL_YEAR_MAX) {
        return -1;
    }
    *y = v;
    return 0;
}

/* The year evaluated by default: the calendar year before this one
 * (self-evaluations of year Y are written in Y+1). */
static int default_year(void)
{
    time_t now = time(NULL);
    struct tm tm;
    if (now == (time_t)-1 || !localtime_r(&now, &tm)) {
        return 2024;
    }
    int y = tm.tm_year + 1900 - 1;
    if (y < JX_TPL_YEAR_MIN) {
        y = JX_TPL_YEAR_MIN;
    } else if (y > JX_TPL_YEAR_MAX) {
        y = JX_TPL_YEAR_MAX;
    }
    return y;
}

/* `jixiao template`. */
int jx_cmd_template(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("template");
    const char *format = NULL, *out = NULL, *year_s = NULL;
    for (int i = 1; i < argc; i++) {
        const char *val = NULL;
        int m;
        if ((m = jx_cli_optval(argc, argv, &i, "--format", &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--format 缺少格式名");
            }
            format = val;
        } else if ((m = jx_cli_optval(argc, argv, &i, "-o", &val)) ||
                   (m = jx_cli_optval(argc, argv, &i, "--output", &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "-o 缺少文件名");
            }
            out = val;
        } else if ((m = jx_cli_optval(argc, argv, &i, "--year", &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--year 缺少年度");
            }
            year_s = val;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        } else {
            return jx_cli_usage_error(self, "多余的参数“%s”", argv[i]);
        }
    }
    if (!format) {
        return jx_cli_usage_error(self, "缺少 --format（目前只支持 xlsx）");
    }
    if (strcmp(format, "xlsx") != 0) {
        return jx_cli_usage_error(self, "不支持的格式“%s”（目前只支持 xlsx）",
                                  format);
    }
    if (!out || !*out) {
        return jx_cli_usage_error(self, "缺少 -o FILE");
    }
    if (strcmp(out, "-") == 0) {
        return jx_cli_usage_error(self, "XLSX 不能写到标准输出，请用 -o 给出"
                                        "文件名");
    }
    int year = default_year();
    if (year_s && parse_year(year_s, &year) < 0) {
        return jx_cli_usage_error(self, "年度“%s”无效（应为 %d–%d 的四位数）",
                                  year_s, JX_TPL_YEAR_MIN, JX_TPL_YEAR_MAX);
    }
    if (!jx_cli_out_file_ok("jixiao template", out)) {
        return JX_EXIT_IO;
    }
    const char *why = NULL;
    if (jx_template_xlsx_write(out, year, &why) < 0) {
        fprintf(stderr, "jixiao template: 无法写入“%s”：%s（%s）\n", out,
                why ? why : "写入失败", jx_errno_zh(errno));
        return JX_EXIT_IO;
    }
    return JX_EXIT_OK;
}
