/*
 * cmd_sample.c - 抽查 and 复核 on the workspace: `jixiao sample --year
 * YEAR (--count N | --share P%) [--seed N] [--json]` draws a sample of
 * the units whose 整体 is 已审核 or 已公开 (jx_ws_sample; the seed is
 * given or drawn from getrandom(), and always printed and recorded), and
 * `jixiao recheck CODE --year YEAR --score X [--note TEXT]` records the
 * 复核 score of a sampled unit beside its own (jx_ws_recheck).  Both take
 * the workspace options and --as USER; an administrator's --at TIME
 * records a past act.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include <jansson.h>

#include "jixiao/wsflow.h"

/* Read a decimal uint64 (digits only, no overflow) into *out: 0, or -1. */
static int parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s) {
        return -1;
    }
    for (; *s; s++) {
        if (*s < '0' || *s > '9') {
            return -1;
        }
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_MAX - d) / 10) {
            return -1;
        }
        v = v * 10 + d;
    }
    *out = v;
    return 0;
}

/* A seed from the kernel's random source: 0, or -1. */
static int random_seed(uint64_t *seed)
{
    unsigned char b[8];
    size_t got = 0;
    while (got < sizeof b) {
        ssize_t r = getrandom(b + got, sizeof b - got, 0);
        if (r < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        got += (size_t)r;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < sizeof b; i++) {
        v = v << 8 | b[i];
    }
    *seed = v;
    return 0;
}

/* Print the sample drawn (text or JSON); returns the exit code. */
static int print_sample(int year, const struct jx_ws_sample_rule *rule,
                        const struct jx_ws_sampled *out, bool json)
{
    char seed[24], at[JX_WF_TIME_BUFSZ];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)out->seed);
    jx_wf_time_format(out->at, at);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 28);
    if (json) {
        json_t *root = json_object();
        json_object_set_new(root, "format", json_string("jixiao-sample"));
        json_object_set_new(root, "version", json_integer(1));
        json_object_set_new(root, "year", json_integer(year));
        json_object_set_new(root, "seed", json_string(seed));
        json_object_set_new(root, "rule", json_string(rule->text));
        json_object_set_new(root, "eligible", json_integer((json_int_t)out->n));
        json_object_set_new(root, "drawn", json_integer((json_int_t)out->k));
        json_object_set_new(root, "at", json_string(at));
        json_t *units = json_array();
        for (size_t i = 0; i < out->k; i++) {
            json_array_append_new(units, json_string(out->codes[i]));
        }
        json_object_set_new(root, "units", units);
        jx_cli_json_out(&b, root);
    } else {
        jx_buf_addf(&b, "抽查：%d 年度，从 %zu 个单位中抽出 %zu 个（%s），种子 %s，%s\n",
                    year, out->n, out->k, rule->text, seed, at);
        for (size_t i = 0; i < out->k; i++) {
            jx_buf_addf(&b, "%s\n", out->codes[i]);
        }
    }
    int rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
    jx_buf_release(&b);
    return rc;
}

/* `jixiao sample --year YEAR (--count N | --share P%) [--seed N]
 * [--json]`. */
int jx_cmd_sample(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("sample");
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    struct jx_ws_sample_rule rule = {0};
    const char *count = NULL, *share = NULL, *seedtext = NULL;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_act_arg(self, argc, argv, &i, &ws, &wa);
        if (r == 0) {
            r = jx_cli_ws_opt(self, argc, argv, &i, "--count", "单位数",
                              &count);
        }
        if (r == 0) {
            r = jx_cli_ws_opt(self, argc, argv, &i, "--share", "百分比",
                              &share);
        }
        if (r == 0) {
            r = jx_cli_ws_opt(self, argc, argv, &i, "--seed", "种子",
                              &seedtext);
        }
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        if (strcmp(argv[i], "--json") == 0) {
            json = true;
        } else if (jx_cli_ws_operand(self, argv[i], NULL) != 0) {
            return JX_EXIT_USAGE;
        }
    }
    if (jx_cli_ws_need(self, false, NULL, wa.year) != 0) {
        return JX_EXIT_USAGE;
    }
    if ((count != NULL) == (share != NULL)) {
        return jx_cli_usage_error(self, "须给出 --count N、--share P%% 中的一个");
    }
    struct jx_arena *a = jx_arena_new();
    if (count) {
        uint64_t n;
        if (parse_u64(count, &n) < 0 || n == 0 || n > SIZE_MAX) {
            jx_arena_free(a);
            return jx_cli_usage_error(self, "--count 须是正整数：“%s”", count);
        }
        rule.count = (size_t)n;
        rule.text = jx_sprintf(a, "count=%zu", rule.count);
    } else {
        bool pct = false;
        size_t len = strlen(share);
        if (jx_rat_parse(share, len, &rule.share, &pct, NULL) != JX_NUM_OK ||
            !pct || jx_rat_sign(rule.share) <= 0 ||
            jx_rat_cmp(rule.share, jx_rat_int(1)) > 0) {
            jx_arena_free(a);
            return jx_cli_usage_error(
                self, "--share 须是 0%% 以上、100%% 以下的百分比，如 10%%：“%s”",
                share);
        }
        char buf[JX_NUM_BUFSZ];
        const char *p = jx_rat_format_exact(rule.share, true, buf);
        rule.by_share = true;
        rule.text = jx_sprintf(a, "share=%s", p ? p : share);
    }
    uint64_t seed = 0;
    if (seedtext && parse_u64(seedtext, &seed) < 0) {
        jx_arena_free(a);
        return jx_cli_usage_error(
            self, "--seed 须是 0 到 18446744073709551615 之间的整数：“%s”",
            seedtext);
    }
    struct jx_ws_who who;
    if (jx_cli_who(self, &wa, &who) < 0) {
        jx_arena_free(a);
        return JX_EXIT_USAGE;
    }
    if (!seedtext && random_seed(&seed) < 0) {
        fprintf(stderr, "jixiao sample: 无法取得随机种子：%s\n", jx_errno_zh(errno));
        jx_arena_free(a);
        return JX_EXIT_IO;
    }
    struct jx_store *s = jx_cli_ws_open(&ws, true);
    if (!s) {
        jx_arena_free(a);
        return JX_EXIT_IO;
    }
    struct jx_diags *d = jx_cli_ws_diags();
    size_t from = d->n;
    struct jx_ws_sampled out;
    int r = jx_ws_sample(a, s, wa.year, &rule, seed, &who, &out, d);
    int rc;
    if (r != 0) {
        jx_cli_print_diags(d, from);
        fprintf(stderr, "jixiao sample: 未抽查，工作区未作改动（种子 %llu）\n",
                (unsigned long long)seed);
        rc = r > 0 ? JX_EXIT_FINDINGS : JX_EXIT_IO;
    } else {
        rc = print_sample(wa.year, &rule, &out, json);
    }
    jx_store_close(s);
    jx_arena_free(a);
    return rc;
}

/* `jixiao recheck CODE --year YEAR --score X [--note TEXT]`. */
int jx_cmd_recheck(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("recheck");
    struct jx_ws_args ws = {0};
    struct jx_who_args wa = {0};
    const char *unit = NULL, *scoretext = NULL, *note = NULL;
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_act_arg(self, argc, argv, &i, &ws, &wa);
        if (r == 0) {
            r = jx_cli_ws_opt(self, argc, argv, &i, "--score", "复核分",
                              &scoretext);
        }
        if (r == 0) {
            r = jx_cli_ws_opt(self, argc, argv, &i, "--note", "说明", &note);
        }
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        if (jx_cli_ws_operand(self, argv[i], &unit) != 0) {
            return JX_EXIT_USAGE;
        }
    }
    if (jx_cli_ws_need(self, true, unit, wa.year) != 0) {
        return JX_EXIT_USAGE;
    }
    if (!scoretext) {
        return jx_cli_usage_error(self, "缺少 --score X");
    }
    struct jx_rat score;
    bool pct = false;
    if (jx_rat_parse(scoretext, strlen(scoretext), &score, &pct, NULL) !=
            JX_NUM_OK ||
        pct) {
        return jx_cli_usage_error(self, "--score 须是分数，如 85.5：“%s”",
                                  scoretext);
    }
    struct jx_ws_who who;
    if (jx_cli_who(self, &wa, &who) < 0) {
        return JX_EXIT_USAGE;
    }
    struct jx_store *s = jx_cli_ws_open(&ws, true);
    if (!s) {
        return JX_EXIT_IO;
    }
    struct jx_diags *d = jx_cli_ws_diags();
    size_t from = d->n;
    int r = jx_ws_recheck(s, unit, wa.year, score, note, &who, d);
    int rc = JX_EXIT_OK;
    if (r != 0) {
        jx_cli_print_diags(d, from);
        fprintf(stderr, "jixiao recheck: 未记录复核分，工作区未作改动\n");
        rc = r > 0 ? JX_EXIT_FINDINGS : JX_EXIT_IO;
    } else {
        char buf[JX_NUM_BUFSZ];
        const char *t = jx_rat_format_exact(score, false, buf);
        struct jx_buf b;
        jx_buf_init(&b, 1u << 20);
        jx_buf_addf(&b, "复核：单位 %s，%d 年度，复核分 %s%s（自评分、考核分不变）\n",
                    unit, wa.year, t ? t : scoretext,
                    who.backdated ? "，补录" : "");
        if (jx_cli_write(&b) < 0) {
            rc = JX_EXIT_IO;
        }
        jx_buf_release(&b);
    }
    jx_store_close(s);
    return rc;
}
