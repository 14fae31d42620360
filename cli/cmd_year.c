/*
 * cmd_year.c - `jixiao year set YEAR --framework ID --submit-by DATE
 * --publish-by DATE [--timely BASIS] [--leader-step on|off]`: the settings of one year of the
 * workspace (jx_ws_year_set), the framework checked against
 * data/frameworks.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/framework.h"
#include "jixiao/store.h"
#include "jixiao/workspace.h"

/* Parse a YYYY-MM-DD option value into *out; JX_EXIT_OK or a usage
 * error naming the option. */
static int date_opt(const struct jx_cmd *self, const char *opt,
                    const char *v, struct jx_cal_date *out)
{
    if (!jx_ymd_parse(v, strlen(v), &out->y, &out->m, &out->d)) {
        return jx_cli_usage_error(self, "%s 的日期“%s”无效（应为 YYYY-MM-DD 的有效日期）",
                                  opt, v);
    }
    return JX_EXIT_OK;
}

/* Chinese of a stored 及时性 basis. */
static const char *timely_zh(const char *t)
{
    return strcmp(t, JX_WS_TIMELY_FIRST) == 0          ? "首次送审"
           : strcmp(t, JX_WS_TIMELY_AFTER_RETURN) == 0 ? "最后一次退回后的送审"
                                                       : "审核通过";
}

/* Parse the arguments, check them, record the year. */
int jx_cmd_year(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("year");
    struct jx_ws_args w = {0};
    const char *sub = NULL, *year = NULL, *fw = NULL, *sb = NULL, *pb = NULL,
               *timely = NULL, *fwdir = NULL, *leader = NULL;
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_ws_arg(self, argc, argv, &i, &w);
        if (r == 0) {
            const char *v;
            const char *names[] = {"--framework", "--submit-by", "--publish-by",
                                   "--timely", "--frameworks-dir",
                                   "--leader-step"};
            const char **dst[] = {&fw, &sb, &pb, &timely, &fwdir, &leader};
            for (size_t k = 0; k < 6 && r == 0; k++) {
                r = jx_cli_optval(argc, argv, &i, names[k], &v);
                if (r > 0) {
                    *dst[k] = v;
                } else if (r < 0) {
                    return jx_cli_usage_error(self, "选项 %s 缺少取值", names[k]);
                }
            }
        }
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        }
        if (!sub) {
            sub = argv[i];
        } else if (!year) {
            year = argv[i];
        } else {
            return jx_cli_usage_error(self, "多余的参数“%s”", argv[i]);
        }
    }
    if (!sub) {
        return jx_cli_usage_error(self, "缺少子命令（set）");
    }
    if (strcmp(sub, "set") != 0) {
        return jx_cli_usage_error(self, "未知子命令“%s”（可用：set）", sub);
    }
    struct jx_ws_year y = {0};
    char *end;
    if (!year) {
        return jx_cli_usage_error(self, "缺少年度 YEAR");
    }
    long yv = strtol(year, &end, 10);
    if (*end || end == year || yv < 1900 || yv > 2999) {
        return jx_cli_usage_error(self, "年度“%s”无效（应为 1900 到 2999 的四位数字）",
                                  year);
    }
    y.year = (int)yv;
    if (!fw || !sb || !pb) {
        return jx_cli_usage_error(self, "缺少 %s",
                                  !fw ? "--framework ID"
                                  : !sb ? "--submit-by DATE"
                                        : "--publish-by DATE");
    }
    if (date_opt(self, "--submit-by", sb, &y.submit_by) != JX_EXIT_OK ||
        date_opt(self, "--publish-by", pb, &y.publish_by) != JX_EXIT_OK) {
        return JX_EXIT_USAGE;
    }
    if (timely && !(y.timely = jx_ws_timely_parse(timely))) {
        return jx_cli_usage_error(
            self, "--timely 的取值“%s”无效（可用：first_submit、"
                  "last_submit_after_return、accepted）",
            timely);
    }
    if (leader) {
        if (strcmp(leader, "on") == 0) {
            y.leader_step = 1;
        } else if (strcmp(leader, "off") == 0) {
            y.leader_step = -1;
        } else {
            return jx_cli_usage_error(self, "--leader-step 的取值“%s”无效（可用：on、off）",
                                      leader);
        }
    }
    y.framework = fw;
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    if (!fwdir) {
        fwdir = jx_framework_default_dir(a);
    }
    int rc;
    struct jx_store *s = jx_cli_ws_store(&w, &d);
    bool created;
    if (!s) {
        rc = JX_EXIT_IO;
    } else if (jx_ws_year_set(s, &y, fwdir, &created, &d) < 0) {
        jx_cli_print_diags(&d, 0);
        bool usage = d.n > 0 && (strcmp(d.a[d.n - 1].code, "D205") == 0 ||
                                 strcmp(d.a[d.n - 1].code, "D206") == 0);
        rc = usage ? JX_EXIT_USAGE : JX_EXIT_IO;
    } else {
        struct jx_buf b;
        jx_buf_init(&b, 4096);
        const char *t = y.timely ? y.timely : JX_WS_TIMELY_FIRST;
        jx_buf_addf(&b, "%s %d 年度：评价框架 %s，报送截止 %s，公开截止 %s，"
                        "及时性按%s计\n",
                    created ? "已设置" : "已更新", y.year, fw, sb, pb,
                    timely_zh(t));
        if (y.leader_step) {
            /* replace the line's end with the 单位负责人 step */
            b.p[--b.len] = '\0';
            jx_buf_addf(&b, "，%s\n", y.leader_step > 0 ? "送审须单位负责人同意"
                                                        : "送审无须单位负责人同意");
        }
        rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
        jx_buf_release(&b);
    }
    jx_store_close(s);
    jx_diags_release(&d);
    jx_arena_free(a);
    return rc;
}
