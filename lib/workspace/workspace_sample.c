/*
 * workspace_sample.c - 抽查 and 复核 (workflow.h, docs/workflow.md): the
 * documented PRNG (SplitMix64), a reproducible sample of units from a
 * recorded seed, and the 复核 score kept beside the unit's own.  The
 * sample's array lives in the caller's arena and points into the
 * caller's list of codes.  Integer arithmetic only.
 */
#include "jixiao/workflow.h"

#include <stdlib.h>
#include <string.h>

/* SplitMix64: one step of the generator. */
uint64_t jx_wf_splitmix64(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* A uniform integer below bound, by rejection (no modulo bias). */
uint64_t jx_wf_uniform(uint64_t *state, uint64_t bound)
{
    if (bound <= 1) {
        return 0;
    }
    uint64_t threshold = (0 - bound) % bound; /* 2^64 mod bound */
    for (;;) {
        uint64_t r = jx_wf_splitmix64(state);
        if (r >= threshold) {
            return r % bound;
        }
    }
}

/* qsort comparison of two code pointers, bytewise. */
static int cmp_code(const void *x, const void *y)
{
    const char *a = *(const char *const *)x, *b = *(const char *const *)y;
    return strcmp(a ? a : "", b ? b : "");
}

/* Draw a reproducible sample (workflow.h). */
void jx_wf_sample_draw(struct jx_arena *a, const char *const *codes,
                       size_t n, size_t k, uint64_t seed,
                       struct jx_wf_sample *out)
{
    memset(out, 0, sizeof *out);
    out->seed = seed;
    out->n = n;
    out->k = k > n ? n : k;
    const char **pool = jx_alloc_array(a, n + 1, sizeof *pool);
    for (size_t i = 0; i < n; i++) {
        pool[i] = codes[i];
    }
    if (n > 1) {
        qsort(pool, n, sizeof *pool, cmp_code);
    }
    uint64_t st = seed;
    for (size_t i = 0; i < out->k; i++) {
        size_t j = i + (size_t)jx_wf_uniform(&st, (uint64_t)(n - i));
        const char *t = pool[i];
        pool[i] = pool[j];
        pool[j] = t;
    }
    out->codes = pool;
}

/* ceil(n × share), share clamped to [0, 1]. */
size_t jx_wf_sample_size(size_t n, struct jx_rat share)
{
    if (share.den <= 0 || share.num <= 0) {
        return 0;
    }
    if (share.num >= share.den) {
        return n;
    }
    __extension__ typedef unsigned __int128 u128;
    u128 p = (u128)n * (uint64_t)share.num;
    return (size_t)((p + (uint64_t)share.den - 1) / (uint64_t)share.den);
}

/* Record the 复核 score beside the unit's own (workflow.h). */
int jx_wf_scores_review(struct jx_arena *a, const struct jx_wf_scores *in,
                        bool sampled, const struct jx_wf_actor *actor,
                        struct jx_rat score, struct jx_rat full, int64_t at,
                        const char *note, struct jx_wf_scores *out,
                        const char **code, const char **why)
{
    *out = *in;
    enum jx_wf_role role = actor ? actor->role : JX_WF_ROLE_NONE;
    if (role != JX_WF_REVIEWER && role != JX_WF_ADMIN) {
        *code = "W001";
        *why = jx_sprintf(a, "%s无权复核（可复核的是：财政审核人、管理员）",
                          role > JX_WF_ROLE_NONE && role < JX_WF_NROLES
                              ? jx_wf_role_zh(role)
                              : "未知角色");
        return -1;
    }
    if (!sampled) {
        *code = "W011";
        *why = "该单位未被抽查，不能记录复核分";
        return -1;
    }
    if (in->has_review) {
        char b[JX_NUM_BUFSZ];
        *code = "W012";
        *why = jx_sprintf(a, "复核分已记录（%s 分），不能覆盖",
                          jx_rat_format_exact(in->review, false, b));
        return -1;
    }
    if (jx_rat_sign(score) < 0 || jx_rat_cmp(score, full) > 0) {
        char b1[JX_NUM_BUFSZ], b2[JX_NUM_BUFSZ];
        *code = "W013";
        *why = jx_sprintf(a, "复核分 %s 不在 0 到满分 %s 之间",
                          jx_rat_format_exact(score, false, b1),
                          jx_rat_format_exact(full, false, b2));
        return -1;
    }
    out->has_review = true;
    out->review = score;
    out->review_by = actor->id ? jx_strdup(a, actor->id) : NULL;
    out->review_at = at;
    out->review_note = note ? jx_strdup(a, note) : NULL;
    *code = NULL;
    *why = NULL;
    return 0;
}
