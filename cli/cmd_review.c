/*
 * cmd_review.c - the bureau's acts and 公开: `jixiao review CODE --year
 * YEAR (--take | --return TEXT | --accept)` (受理, 退回, 通过) and
 * `jixiao publish CODE --year YEAR`, each one transaction
 * (jx_ws_act); `--as USER` (or $JIXIAO_USER) says who, an
 * administrator's `--at TIME` records a past act.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/wsflow.h"

/* Act on the store and say what happened; returns the exit code. */
static int act(const struct jx_cmd *self, const struct jx_ws_args *ws,
               const struct jx_who_args *wa, const char *unit,
               enum jx_wf_action action, const char *comment)
{
    struct jx_ws_who who;
    if (jx_cli_who(self, wa, &who) < 0) {
        return JX_EXIT_USAGE;
    }
    struct jx_store *s = jx_cli_ws_open(ws, true);
    if (!s) {
        return JX_EXIT_IO;
    }
    struct jx_diags *d = jx_cli_ws_diags();
    size_t from = d->n;
    struct jx_ws_done done;
    int r = jx_ws_act(s, unit, wa->year, action, comment, &who, &done, d);
    int rc = JX_EXIT_OK;
    if (r != 0) {
        jx_cli_print_diags(d, from);
        fprintf(stderr, "jixiao %s: 未%s，工作区未作改动\n", self->name,
                jx_wf_action_zh(action));
        rc = r > 0 ? JX_EXIT_FINDINGS : JX_EXIT_IO;
    } else {
        char at[JX_WF_TIME_BUFSZ];
        jx_wf_time_format(done.at, at);
        struct jx_buf out;
        jx_buf_init(&out, 1u << 20);
        jx_buf_addf(&out, "%s：单位 %s，%d 年度", jx_wf_action_zh(action), unit,
                    wa->year);
        if (done.version) {
            jx_buf_addf(&out, "，版本 %d", done.version);
        }
        jx_buf_addf(&out, "，%s → %s，%s%s\n", jx_wf_state_zh(done.from),
                    jx_wf_state_zh(done.to), at,
                    who.backdated ? "（补录）" : "");
        if (jx_cli_write(&out) < 0) {
            rc = JX_EXIT_IO;
        }
        jx_buf_release(&out);
    }
    jx_store_close(s);
    return rc;
}

/* Read CODE, the workspace and who options, and the options review
 * takes (when review): --take, --accept, --return TEXT. */
static int run(const struct jx_cmd *self, int argc, char **argv, bool review)
{
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    const char *unit = NULL, *comment = NULL;
    int nacts = 0;
    enum jx_wf_action action = JX_WF_PUBLISH;
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_act_arg(self, argc, argv, &i, &ws, &wa);
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        if (review && strcmp(argv[i], "--take") == 0) {
            action = JX_WF_TAKE;
            nacts++;
        } else if (review && strcmp(argv[i], "--accept") == 0) {
            action = JX_WF_APPROVE;
            nacts++;
        } else if (review && (r = jx_cli_ws_opt(self, argc, argv, &i,
                                                "--return", "退回意见",
                                                &comment)) != 0) {
            if (r < 0) {
                return JX_EXIT_USAGE;
            }
            action = JX_WF_RETURN;
            nacts++;
        } else if (jx_cli_ws_operand(self, argv[i], &unit) != 0) {
            return JX_EXIT_USAGE;
        }
    }
    if (jx_cli_ws_need(self, true, unit, wa.year) != 0) {
        return JX_EXIT_USAGE;
    }
    if (review && nacts != 1) {
        return jx_cli_usage_error(
            self, "须给出 --take、--return TEXT、--accept 中的一个");
    }
    return act(self, &ws, &wa, unit, action, comment);
}

/* `jixiao review CODE --year YEAR (--take | --return TEXT | --accept)`. */
int jx_cmd_review(int argc, char **argv)
{
    return run(jx_cmd_find("review"), argc, argv, true);
}

/* `jixiao publish CODE --year YEAR`. */
int jx_cmd_publish(int argc, char **argv)
{
    return run(jx_cmd_find("publish"), argc, argv, false);
}
