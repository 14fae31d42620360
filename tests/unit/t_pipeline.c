/*
 * t_pipeline.c - the one pipeline (lib/pipeline): an input's findings
 * are those of its parts (score, check) run once; the framework that
 * rescores a printed scoring table is chosen from the frameworks' own
 * "rescore" data (not inherited through extends); the assessment asked
 * for shares that evaluation; statuses of inputs that cannot be read.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jixiao/facts.h"
#include "jixiao/pipeline.h"
#include "jixiao/pkgjson.h"

/* A path under the source tree (arena). */
static const char *src_path(struct jx_arena *a, const char *rel)
{
    return jx_sprintf(a, "%s/%s", jx_test_srcdir, rel);
}

/* A malloc'd copy of s[0..n) (jx_run_data takes its buffer over). */
static char *mdup(const char *s, size_t n)
{
    char *p = jx_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* How many findings of d have code. */
static size_t count_code(const struct jx_diags *d, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        n += strcmp(d->a[i].code, code) == 0;
    }
    return n;
}

/* The finding of d with code, or NULL. */
static const struct jx_diag *find_code(const struct jx_diags *d,
                                       const char *code)
{
    for (size_t i = 0; i < d->n; i++) {
        if (strcmp(d->a[i].code, code) == 0) {
            return &d->a[i];
        }
    }
    return NULL;
}

/* A framework scoring the two rows of tests/data/full_package.json's
 * 考核评分表 (及时性, 完整性); rescore as given ("" leaves it out). */
static const char *printed_fw(struct jx_arena *a, const char *id,
                              const char *rescore)
{
    return jx_sprintf(
        a,
        "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\": \"%s\",\n"
        " \"title\": \"单元测试考核表\", \"source\": \"单元测试\",\n"
        " \"stated\": \"assessment\",%s \"points\": \"20\",\n"
        " \"items\": [\n"
        "  {\"id\": \"a\", \"level1\": \"及时性\", \"level2\": \"线上报送\",\n"
        "   \"points\": \"10\", \"match\": \"线上报送\", \"rule\": {\"type\":\n"
        "   \"deduct\", \"input\": \"materials_missing\", \"per\": \"1\",\n"
        "   \"deduct\": \"5\", \"floor\": \"0\"}},\n"
        "  {\"id\": \"b\", \"level1\": \"完整性\", \"level2\": \"材料完整\",\n"
        "   \"points\": \"10\", \"match\": \"材料完整\", \"rule\": {\"type\":\n"
        "   \"deduct\", \"input\": \"materials_missing\", \"per\": \"1\",\n"
        "   \"deduct\": \"5\", \"floor\": \"0\"}}]}\n",
        id, rescore);
}

/* Write text to dir/name.json. */
static void put_file(struct jx_arena *a, const char *dir, const char *name,
                     const char *text)
{
    const char *p = jx_sprintf(a, "%s/%s.json", dir, name);
    CHECK_INT(jx_write_file_atomic(p, text, strlen(text)), 0);
}

/* Remove dir/name.json for each name, then dir. */
static void remove_dir(struct jx_arena *a, const char *dir,
                       const char *const *names)
{
    for (size_t i = 0; names[i]; i++) {
        unlink(jx_sprintf(a, "%s/%s.json", dir, names[i]));
    }
    rmdir(dir);
}

/* The pipeline's findings of an example are those of score and check
 * run by hand; the result holds the facts and the scoring. */
static void t_same_as_parts(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_run *r = jx_run_new(NULL);
    const char *file = src_path(a, "examples/street_office_2024.json");
    struct jx_result *in = jx_run_file(r, file, NULL);
    CHECK_INT(in->status, JX_INPUT_OK);
    CHECK_INT(in->kind, JX_IN_JSON);
    CHECK(in->pkg && in->ev && in->facts);
    CHECK_INT(in->diags.n, 2);
    CHECK_INT(count_code(&in->diags, "C604"), 1);
    CHECK_INT(count_code(&in->diags, "C405"), 1);
    CHECK_INT(in->diags.count[JX_SEV_NOTE], 2);
    CHECK(!in->assessed && in->nprinted == 0);
    /* by hand: load, score, check */
    char *text = NULL;
    size_t len = 0;
    CHECK_INT(jx_read_file(file, 1u << 26, &text, &len), 0);
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_package *p = jx_pkgjson_load(a, file, text, len, &d);
    CHECK(p != NULL);
    if (p) {
        struct jx_policy pol;
        struct jx_check_config cfg;
        jx_policy_default(&pol);
        jx_check_config_default(&cfg);
        const struct jx_eval *ev = jx_score(a, p, &pol, &d);
        jx_check(a, p, ev, &cfg, &d);
        CHECK_INT(d.n, in->diags.n);
        CHECK_INT(jx_package_facts(a, p)->n, in->facts->n);
    }
    free(text);
    jx_diags_release(&d);
    jx_result_free(in);
    jx_run_free(r);
    jx_arena_free(a);
}

/* Inputs that cannot be analysed: unreadable, empty, malformed Package
 * JSON, not a format we read; and load only. */
static void t_statuses(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_run *r = jx_run_new(NULL);
    struct jx_result *in = jx_run_file(r, "/nonexistent/jx.json", NULL);
    CHECK_INT(in->status, JX_INPUT_UNREADABLE);
    CHECK(in->err != 0);
    CHECK(in->pkg == NULL);
    jx_result_free(in);
    in = jx_run_data(r, "blank.txt", mdup(" \n\t", 3), 3, NULL);
    CHECK_INT(in->status, JX_INPUT_EMPTY);
    jx_result_free(in);
    in = jx_run_data(r, "bad.json", mdup("{\"format\": 1}", 13), 13,
                     NULL);
    CHECK_INT(in->status, JX_INPUT_MALFORMED);
    CHECK(in->ev == NULL);
    CHECK(jx_diags_errors(&in->diags) > 0);
    jx_result_free(in);
    in = jx_run_data(r, "png", mdup("\x89PNG\r\n\x1a\n", 8), 8, NULL);
    CHECK_INT(in->status, JX_INPUT_MALFORMED);
    CHECK_INT(in->kind, JX_IN_UNKNOWN);
    CHECK_INT(count_code(&in->diags, "I232"), 1);
    jx_result_free(in);
    struct jx_input_opts lo = {.load_only = true};
    in = jx_run_file(r, src_path(a, "examples/street_office_2024.json"), &lo);
    CHECK_INT(in->status, JX_INPUT_OK);
    CHECK(in->pkg != NULL && in->ev == NULL && in->diags.n == 0);
    jx_result_free(in);
    jx_run_free(r);
    jx_arena_free(a);
}

/* The printed 考核评分表 is rescored under the framework whose "rescore"
 * words it holds (none of the bundled ones for this table); a framework
 * without the field, or whose words the table lacks, or that only
 * inherits the field, is not chosen; the assessment asked for is that
 * same evaluation. */
static void t_printed_from_data(void)
{
    struct jx_arena *a = jx_arena_new();
    const char *file = src_path(a, "tests/data/full_package.json");
    /* the bundled frameworks: 客观性 is missing, no rescoring */
    struct jx_run *r = jx_run_new(NULL);
    struct jx_result *in = jx_run_file(r, file, NULL);
    CHECK_INT(in->status, JX_INPUT_OK);
    CHECK_INT(in->nprinted, 0);
    CHECK_INT(count_code(&in->diags, "F201"), 0);
    jx_result_free(in);
    jx_run_free(r);

    char tmpl[] = "/tmp/jx-pipeline-XXXXXX";
    const char *dir = mkdtemp(tmpl);
    CHECK(dir != NULL);
    if (!dir) {
        jx_arena_free(a);
        return;
    }
    static const char *const names[] = {"printed-test", "printed-child",
                                        "no-words", "other-words", NULL};
    put_file(a, dir, "printed-test",
             printed_fw(a, "printed-test",
                        " \"rescore\": [\"及时性\", \"完整性\"],"));
    put_file(a, dir, "printed-child",
             "{\"format\": \"jixiao-framework\", \"version\": 1, \"id\":"
             " \"printed-child\", \"extends\": \"printed-test\", \"title\":"
             " \"继承\", \"source\": \"单元测试\"}\n");
    put_file(a, dir, "no-words", printed_fw(a, "no-words", ""));
    put_file(a, dir, "other-words",
             printed_fw(a, "other-words",
                        " \"rescore\": [\"及时性\", \"客观性\"],"));
    struct jx_run_opts ro;
    jx_run_opts_default(&ro);
    ro.fwdir = dir;
    r = jx_run_new(&ro);
    in = jx_run_file(r, file, NULL);
    CHECK_INT(in->status, JX_INPUT_OK);
    CHECK_INT(in->nprinted, 1);
    CHECK(in->nprinted == 1 && strcmp(in->printed[0]->fw->id,
                                      "printed-test") == 0);
    /* 材料完整 stated 5, 10 by the rule; the total 95 against 20 is
     * kept with the evaluation, C112 already names that value */
    CHECK_INT(count_code(&in->diags, "F201"), 1);
    CHECK_INT(count_code(&in->diags, "C112"), 2);
    CHECK_INT(count_code(&in->diags, "F210"), 0);
    CHECK_INT(count_code(&in->printed_diags[0], "F210"), 1);
    const struct jx_diag *f = find_code(&in->diags, "F201");
    CHECK(f && f->detail &&
          strstr(f->detail, "按评价框架 printed-test 复算") != NULL);
    CHECK(f && f->loc.line == 125); /* the row's own provenance */
    CHECK(!in->assessed);
    jx_result_free(in);

    /* asked for: the same evaluation is the assessment */
    struct jx_input_opts io = {.framework = "printed-test"};
    in = jx_run_file(r, file, &io);
    CHECK(in->assessed && in->assessment != NULL);
    CHECK_INT(in->nprinted, 1);
    CHECK(in->nprinted == 1 && in->printed[0] == in->assessment);
    CHECK(in->assessment && in->assessment->diags == &in->fw_diags);
    CHECK_INT(count_code(&in->fw_diags, "F201"), 1);
    CHECK_INT(count_code(&in->diags, "F201"), 1);
    jx_result_free(in);

    /* another framework asked for: evaluated apart */
    io.framework = "printed-child";
    in = jx_run_file(r, file, &io);
    CHECK(in->assessed && in->assessment != NULL);
    CHECK(in->nprinted == 1 && in->printed[0] != in->assessment);
    CHECK(in->fw && strcmp(in->fw->id, "printed-child") == 0);
    CHECK_INT(in->fw ? in->fw->nrescore : 99, 0);
    jx_result_free(in);

    /* a framework that is not there */
    io.framework = "missing";
    in = jx_run_file(r, file, &io);
    CHECK(in->fw_failed && !in->assessed && in->fw == NULL);
    CHECK(jx_diags_errors(&in->fw_diags) > 0);
    jx_result_free(in);
    jx_run_free(r);
    remove_dir(a, dir, names);
    jx_arena_free(a);
}

/* "rescore" must be a list of non-empty strings (F103, located). */
static void t_rescore_field(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *text = printed_fw(a, "bad", " \"rescore\": [\"及时性\", 3, \"\"],");
    struct jx_framework *fw =
        jx_framework_load(a, "bad.json", text, strlen(text), &d);
    CHECK(fw == NULL);
    CHECK_INT(count_code(&d, "F103"), 2);
    const struct jx_diag *e = find_code(&d, "F103");
    CHECK(e && e->loc.path && strcmp(e->loc.path, "/rescore/1") == 0);
    CHECK(e && e->loc.line == 3);
    jx_diags_release(&d);
    jx_diags_init(&d, a);
    text = printed_fw(a, "good", " \"rescore\": [\"及时性\", \"完整性\"],");
    fw = jx_framework_load(a, "good.json", text, strlen(text), &d);
    CHECK(fw != NULL);
    CHECK_INT(fw ? fw->nrescore : 0, 2);
    CHECK_STR(fw && fw->nrescore == 2 ? fw->rescore[1] : NULL, "完整性");
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

const struct jx_test t_pipeline[] = {
    {"pipeline.same_as_parts", t_same_as_parts},
    {"pipeline.statuses", t_statuses},
    {"pipeline.printed_from_data", t_printed_from_data},
    {"pipeline.rescore_field", t_rescore_field},
    {NULL, NULL}};
