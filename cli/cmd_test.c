/*
 * cmd_test.c - hidden commands for the golden tests: the number
 * functions (test-dec), the indicator-value parser (test-indval) and a
 * Package JSON load/save round trip (test-roundtrip).
 */
#include "cli.h"

#include <jansson.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/indval.h"
#include "jixiao/pkgjson.h"

/* Append "ok NUM/DEN EXACT" or "error MSG at N" for a parse result. */
static void add_rat_result(struct jx_buf *b, enum jx_numerr e,
                           struct jx_rat r, bool pct, size_t pos)
{
    if (e != JX_NUM_OK) {
        jx_buf_addf(b, "error %s at %zu", jx_numerr_zh(e), pos);
        return;
    }
    char buf[JX_NUM_BUFSZ];
    const char *ex = jx_rat_format_exact(r, false, buf);
    jx_buf_addf(b, "ok %lld/%lld %s%s", (long long)r.num, (long long)r.den,
                ex ? ex : "(non-terminating)", pct ? " percent" : "");
}

/* Parse a scale argument 0..18; -1 if it is not one. */
static int scale_arg(const char *s)
{
    if (!s[0] || (s[1] && s[2]) || s[0] < '0' || s[0] > '9' ||
        (s[1] && (s[1] < '0' || s[1] > '9'))) {
        return -1;
    }
    int v = s[0] - '0';
    if (s[1]) {
        v = v * 10 + (s[1] - '0');
    }
    return v <= 18 ? v : -1;
}

/* `jixiao test-dec parse|money|format|div ...`. */
int jx_cmd_test_dec(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("test-dec");
    if (argc < 3) {
        return jx_cli_usage_error(self, "缺少参数");
    }
    const char *op = argv[1];
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    int rc = JX_EXIT_OK;
    if (strcmp(op, "parse") == 0) {
        for (int i = 2; i < argc; i++) {
            struct jx_rat r = {0, 1};
            bool pct = false;
            size_t pos = 0;
            enum jx_numerr e =
                jx_rat_parse(argv[i], strlen(argv[i]), &r, &pct, &pos);
            jx_buf_addf(&b, "%s\t", argv[i]);
            add_rat_result(&b, e, r, pct, pos);
            jx_buf_addc(&b, '\n');
        }
    } else if (strcmp(op, "money") == 0) {
        if (argc > 4) {
            jx_buf_release(&b);
            return jx_cli_usage_error(self, "参数过多");
        }
        enum jx_money_unit u = JX_WANYUAN;
        if (argc == 4) {
            if (strcmp(argv[3], "元") == 0) {
                u = JX_YUAN;
            } else if (strcmp(argv[3], "万元") != 0) {
                jx_buf_release(&b);
                return jx_cli_usage_error(self, "单位只能是 元 或 万元");
            }
        }
        struct jx_money m = {0};
        size_t pos = 0;
        enum jx_numerr e = jx_money_parse(argv[2], strlen(argv[2]), u, &m,
                                          &pos);
        if (e != JX_NUM_OK) {
            jx_buf_addf(&b, "error %s at %zu\n", jx_numerr_zh(e), pos);
        } else {
            char buf[JX_NUM_BUFSZ];
            jx_buf_addf(&b, "ok %lld分 %s%s\n", (long long)m.fen,
                        jx_money_format_exact(m, u, buf),
                        jx_money_unit_name(u));
        }
    } else if (strcmp(op, "format") == 0 || strcmp(op, "div") == 0) {
        bool div = strcmp(op, "div") == 0;
        int need = div ? 5 : 4;
        if (argc < need || argc > need + 1 ||
            (argc == need + 1 && strcmp(argv[need], "%") != 0)) {
            jx_buf_release(&b);
            return jx_cli_usage_error(self, "参数不对");
        }
        int scale = scale_arg(argv[need - 1]);
        if (scale < 0) {
            jx_buf_release(&b);
            return jx_cli_usage_error(self, "SCALE 必须是 0 到 18");
        }
        bool pct_out = argc == need + 1;
        struct jx_rat x = {0, 1}, y = {1, 1};
        bool pct = false;
        size_t pos = 0;
        enum jx_numerr e = jx_rat_parse(argv[2], strlen(argv[2]), &x, &pct,
                                        &pos);
        if (e == JX_NUM_OK && div) {
            e = jx_rat_parse(argv[3], strlen(argv[3]), &y, &pct, &pos);
            if (e == JX_NUM_OK) {
                e = jx_rat_div(x, y, &x);
            }
        }
        if (e != JX_NUM_OK) {
            jx_buf_addf(&b, "error %s at %zu\n", jx_numerr_zh(e), pos);
        } else {
            char buf[JX_NUM_BUFSZ];
            jx_buf_addf(&b, "%s\n", jx_rat_format(x, scale, pct_out,
                                                  JX_ROUND_HALF_UP, buf));
        }
    } else {
        jx_buf_release(&b);
        return jx_cli_usage_error(self, "未知操作“%s”", op);
    }
    if (jx_cli_write(&b) < 0) {
        rc = JX_EXIT_IO;
    }
    jx_buf_release(&b);
    return rc;
}

/* Append one parsed indicator value as "key=value" fields. */
static void add_indval(struct jx_buf *b, const struct jx_indval *v,
                       const char *name)
{
    char buf[JX_NUM_BUFSZ];
    jx_buf_addf(b, "kind=%s", jx_iv_kind_name(v->kind));
    switch (v->kind) {
    case JX_IV_NUMBER: {
        const char *n = jx_rat_format_exact(v->num, false, buf);
        jx_buf_addf(b, " op=%s num=%s", jx_iv_op_name(v->op),
                    n ? n : "(non-terminating)");
        if (v->op == JX_OP_RANGE) {
            n = jx_rat_format_exact(v->hi, false, buf);
            jx_buf_addf(b, " hi=%s", n ? n : "(non-terminating)");
        }
        jx_buf_addf(b, " unit=%s dim=%s", v->unit && *v->unit ? v->unit : "-",
                    jx_unit_dim_name(v->dim));
        break;
    }
    case JX_IV_DATE:
        jx_buf_addf(b, " date=%04d-%02d-%02d", v->y, v->m, v->d);
        break;
    case JX_IV_QUALITATIVE:
        jx_buf_addf(b, " word=%s", v->word ? v->word : "-");
        break;
    case JX_IV_UNPARSED:
        jx_buf_addf(b, " reason=%s", v->reason ? v->reason : "-");
        break;
    case JX_IV_EMPTY:
    case JX_IV_NA:
        break;
    }
    if (v->has_prefix) {
        jx_buf_adds(b, " prefix=yes");
    }
    jx_buf_addf(b, " direction=%s",
                jx_direction_name(jx_indval_direction(v, name)));
}

/* `jixiao test-indval [--name NAME] TEXT...`. */
int jx_cmd_test_indval(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("test-indval");
    const char *name = NULL;
    int i = 1;
    if (i < argc) {
        const char *val = NULL;
        int m = jx_cli_optval(argc, argv, &i, "--name", &val);
        if (m < 0) {
            return jx_cli_usage_error(self, "--name 缺少名称");
        }
        if (m > 0) {
            name = val;
            i++;
        }
    }
    if (i >= argc) {
        return jx_cli_usage_error(self, "缺少 TEXT");
    }
    struct jx_arena *arena = jx_arena_new();
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    for (; i < argc; i++) {
        struct jx_indval v;
        jx_indval_parse(arena, argv[i], strlen(argv[i]), &v);
        jx_buf_addf(&b, "%s\t", argv[i]);
        add_indval(&b, &v, name);
        jx_buf_addc(&b, '\n');
    }
    int rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
    jx_buf_release(&b);
    jx_arena_free(arena);
    return rc;
}

/* `jixiao test-bug`: break an invariant on purpose, so the golden tests
 * see that internal errors exit with status 70. */
int jx_cmd_test_bug(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    JX_BUG("test-bug was asked to fail");
}

/* Remove provenance from a saved package in place: drop every "source"
 * member and replace each {"value": X, "source": …} wrapper by X.
 * Returns v, or its replacement (a new reference the caller owns in
 * place of v). */
static json_t *strip_provenance(json_t *v)
{
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            json_t *e = json_array_get(v, i);
            json_t *n = strip_provenance(e);
            if (n != e) {
                json_array_set_new(v, i, n);
            }
        }
        return v;
    }
    if (!json_is_object(v)) {
        return v;
    }
    json_t *inner = json_object_get(v, "value");
    if (inner && json_object_size(v) == 2 && json_object_get(v, "source")) {
        json_incref(inner);
        return strip_provenance(inner);
    }
    json_object_del(v, "source");
    const char *key;
    json_t *e;
    void *tmp;
    json_object_foreach_safe(v, tmp, key, e)
    {
        json_t *n = strip_provenance(e);
        if (n != e) {
            json_object_set_new(v, key, n);
        }
    }
    return v;
}

/* `jixiao test-roundtrip [--strip-provenance] FILE`: load (any
 * importable file), then save canonically, optionally without
 * provenance (to compare an imported package with its original). */
int jx_cmd_test_roundtrip(int argc, char **argv)
{
    bool strip = argc == 3 && strcmp(argv[1], "--strip-provenance") == 0;
    if (strip) {
        argv[1] = argv[2];
        argc = 2;
    }
    const struct jx_cmd *self = jx_cmd_find("test-roundtrip");
    if (argc != 2) {
        return jx_cli_usage_error(self, argc < 2 ? "缺少文件" : "参数过多");
    }
    struct jx_run *run = jx_cli_run(NULL, NULL, NULL);
    struct jx_input_opts io = {.load_only = true};
    struct jx_result *in = jx_cli_input(run, argv[1], &io);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 30);
    int rc = JX_EXIT_OK;
    if (in->status == JX_INPUT_MALFORMED) {
        jx_cli_format_diags(&b, &in->diags, 0);
        fputs(b.p, stderr);
        rc = JX_EXIT_USAGE;
    } else if (in->status != JX_INPUT_OK) {
        rc = JX_EXIT_USAGE;
    } else if (jx_pkgjson_save(in->pkg, &b) < 0) {
        fprintf(stderr, "jixiao: 输出过大\n");
        rc = JX_EXIT_IO;
    } else if (strip) {
        json_t *doc = json_loadb(b.p, b.len, 0, NULL);
        char *text = doc ? json_dumps(strip_provenance(doc), JSON_INDENT(2))
                         : NULL;
        if (!text) {
            JX_BUG("cannot re-read a saved package");
        }
        fputs(text, stdout);
        fputc('\n', stdout);
        free(text);
        json_decref(doc);
    } else if (jx_cli_write(&b) < 0) {
        rc = JX_EXIT_IO;
    }
    jx_buf_release(&b);
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}
