/*
 * fuzz_split.c - fuzz target for the splitter of cells run together
 * (lib/recognise/recog_split.c).
 *
 * The first byte chooses the expected columns (a funds row of three,
 * five or six columns, or an indicator's 分值 | 得分) and whether the
 * budget and execution are known instead of cut; the rest is the run.
 * Properties: the work stays within its bound; a unique cut gives each
 * present column a text that reads back, by the same grammar, to its
 * value, and the texts of the cut (spaces removed, confusables mapped)
 * are the run's symbols in order; any other outcome leaves every column
 * not present.  The float-artifact reader and the lost-digits test run
 * on the same bytes.  A violation calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model_text.h"
#include "recognise/recog_split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its line. */
#define REQUIRE(cond)                                                     \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "fuzz_split.c:%d: violated: %s\n", __LINE__,  \
                    #cond);                                               \
            abort();                                                      \
        }                                                                 \
    } while (0)

/* The column sets the first byte chooses from. */
static const enum jx_split_kind sets[4][6] = {
    {JX_SPLIT_BUDGET, JX_SPLIT_EXEC, JX_SPLIT_RATE},
    {JX_SPLIT_BUDGET, JX_SPLIT_EXEC, JX_SPLIT_POINTS, JX_SPLIT_RATE,
     JX_SPLIT_SCORE},
    {JX_SPLIT_INIT, JX_SPLIT_BUDGET, JX_SPLIT_EXEC, JX_SPLIT_POINTS,
     JX_SPLIT_RATE, JX_SPLIT_SCORE},
    {JX_SPLIT_IPOINTS, JX_SPLIT_ISCORE},
};
static const size_t set_n[4] = {3, 5, 6, 2};

/* Run the splitter on one input and check its properties. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096) {
        return 0;
    }
    struct jx_arena *a = jx_arena_new();
    unsigned sel = data[0] & 3u;
    bool known = (data[0] & 4u) != 0 && sel != 3;
    const char *run = (const char *)data + 1;
    size_t len = size - 1;
    struct jx_split_col c[6];
    memset(c, 0, sizeof c);
    size_t n = set_n[sel];
    for (size_t i = 0; i < n; i++) {
        c[i].kind = sets[sel][i];
        c[i].in_run = true;
        if (known && (c[i].kind == JX_SPLIT_BUDGET ||
                      c[i].kind == JX_SPLIT_EXEC)) {
            c[i].in_run = false;
            c[i].known = true;
            c[i].value = jx_rat_int(c[i].kind == JX_SPLIT_BUDGET ? 200 : 150);
        }
    }
    size_t cuts = 9;
    enum jx_split_res r = jx_split_run(a, run, len, c, n, &cuts);
    REQUIRE(r <= JX_SPLIT_NOTRUN);
    REQUIRE(cuts <= 2);
    for (size_t i = 0; i < n; i++) {
        if (!c[i].in_run) {
            continue;
        }
        if (r != JX_SPLIT_UNIQUE) {
            REQUIRE(!c[i].present);
            continue;
        }
        if (!c[i].present) {
            continue;
        }
        REQUIRE(c[i].text && c[i].text[0]);
        size_t tl = strlen(c[i].text);
        bool pct = c[i].text[tl - 1] == '%';
        REQUIRE(pct == (c[i].kind == JX_SPLIT_RATE));
        struct jx_rat v;
        REQUIRE(jx_rat_parse(c[i].text, pct ? tl - 1 : tl, &v, NULL,
                             NULL) == JX_NUM_OK);
        if (pct) {
            REQUIRE(jx_rat_div(v, jx_rat_int(100), &v) == JX_NUM_OK);
        }
        REQUIRE(jx_rat_cmp(v, c[i].value) == 0);
        if (c[i].kind == JX_SPLIT_SCORE || c[i].kind == JX_SPLIT_ISCORE) {
            REQUIRE(jx_rat_cmp(v, jx_rat_int(100)) <= 0);
        }
    }
    const char *t = NULL;
    struct jx_rat fv;
    int fr = jx_split_float(a, run, len, &t, &fv);
    REQUIRE(fr >= -1 && fr <= 1);
    if (fr == 1) {
        REQUIRE(t != NULL);
    }
    for (size_t i = 0; i < len; i++) {
        (void)jx_text_lost_digits(run, len, i);
    }
    jx_arena_free(a);
    return 0;
}
