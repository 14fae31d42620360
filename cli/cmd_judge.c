/*
 * cmd_judge.c - `jixiao judge CODE --year YEAR --set ITEM=VALUE [--set
 * ...] [--comment TEXT]`: the reviewer's judgements of the items of a
 * unit's 考核评分表 that await one, recorded in one transaction
 * (jx_ws_judge_set), then the unit's 考核分 as it now stands.  Takes the
 * workspace options and --as USER; an administrator's --at TIME records
 * a past judgement.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/wsflow.h"

/* Most --set options in one command. */
#define MAX_SETS 64

/* `jixiao judge CODE --year YEAR --set ITEM=VALUE ... [--comment TEXT]`. */
int jx_cmd_judge(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("judge");
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    const char *unit = NULL, *comment = NULL;
    struct jx_arena *a = jx_arena_new();
    struct jx_ws_judgement set[MAX_SETS];
    size_t n = 0;
    int rc = JX_EXIT_OK;
    for (int i = 1; i < argc && rc == JX_EXIT_OK; i++) {
        const char *v;
        int r = jx_cli_ws_arg(self, argc, argv, &i, &ws);
        if (r == 0) {
            r = jx_cli_who_arg(self, argc, argv, &i, &wa);
        }
        if (r < 0) {
            rc = JX_EXIT_USAGE;
        } else if (r > 0) {
            continue;
        } else if ((r = jx_cli_optval(argc, argv, &i, "--set", &v)) != 0) {
            const char *eq = r > 0 ? strchr(v, '=') : NULL;
            struct jx_rat val;
            bool pct = false;
            if (r < 0) {
                rc = jx_cli_usage_error(self, "选项 --set 缺少 ITEM=VALUE");
            } else if (!eq || eq == v || !eq[1]) {
                rc = jx_cli_usage_error(
                    self, "--set 须写成 指标编号=得分，如 q1=4.5：“%s”", v);
            } else if (jx_rat_parse(eq + 1, strlen(eq + 1), &val, &pct,
                                    NULL) != JX_NUM_OK ||
                       pct || jx_rat_sign(val) < 0) {
                rc = jx_cli_usage_error(self,
                                        "--set 的得分须是不小于 0 的数：“%s”", v);
            } else if (n == MAX_SETS) {
                rc = jx_cli_usage_error(self, "一次最多给出 %d 个 --set",
                                        MAX_SETS);
            } else {
                set[n].item = jx_strndup(a, v, (size_t)(eq - v));
                set[n++].value = val;
            }
        } else if ((r = jx_cli_optval(argc, argv, &i, "--comment", &v)) != 0) {
            if (r < 0) {
                rc = jx_cli_usage_error(self, "选项 --comment 缺少说明");
            } else {
                comment = v;
            }
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            rc = jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        } else if (unit) {
            rc = jx_cli_usage_error(self, "只能给出一个单位编码");
        } else {
            unit = argv[i];
        }
    }
    if (rc == JX_EXIT_OK && !unit) {
        rc = jx_cli_usage_error(self, "缺少单位编码 CODE");
    } else if (rc == JX_EXIT_OK && wa.year == 0) {
        rc = jx_cli_usage_error(self, "缺少 --year YEAR");
    } else if (rc == JX_EXIT_OK && n == 0) {
        rc = jx_cli_usage_error(self, "缺少 --set ITEM=VALUE");
    }
    struct jx_ws_who who;
    if (rc == JX_EXIT_OK && jx_cli_who(self, &wa, &who) < 0) {
        rc = JX_EXIT_USAGE;
    }
    struct jx_store *s = rc == JX_EXIT_OK ? jx_cli_ws_open(&ws, true) : NULL;
    if (rc == JX_EXIT_OK && !s) {
        rc = JX_EXIT_IO;
    }
    if (rc != JX_EXIT_OK) {
        jx_arena_free(a);
        return rc;
    }
    struct jx_diags *d = jx_cli_ws_diags();
    size_t from = d->n;
    struct jx_ws_judged out;
    int r = jx_ws_judge_set(s, unit, wa.year, set, n, comment, &who, a, &out,
                            d);
    if (r != 0) {
        jx_cli_print_diags(d, from);
        fprintf(stderr, "jixiao judge: 未记录判断，工作区未作改动\n");
        rc = r > 0 ? JX_EXIT_FINDINGS : JX_EXIT_IO;
    } else {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 20);
        jx_buf_addf(&b, "判断：单位 %s，%d 年度，记录 %zu 条%s\n", unit,
                    wa.year, n, who.backdated ? "，补录" : "");
        for (size_t i = 0; i < n; i++) {
            char buf[JX_NUM_BUFSZ];
            const char *t = jx_rat_format_exact(set[i].value, false, buf);
            jx_buf_addf(&b, "  %s = %s\n", set[i].item, t ? t : "?");
        }
        jx_buf_addf(&b, "考核分：%s", out.total ? out.total : "—");
        if (out.grade) {
            jx_buf_addf(&b, "（%s）", out.grade);
        }
        if (out.njudge) {
            jx_buf_addf(&b, "，尚有 %zu 项待判断", out.njudge);
        }
        jx_buf_addc(&b, '\n');
        if (jx_cli_write(&b) < 0) {
            rc = JX_EXIT_IO;
        }
        jx_buf_release(&b);
    }
    jx_store_close(s);
    jx_arena_free(a);
    return rc;
}
