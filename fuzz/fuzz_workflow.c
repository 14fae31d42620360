/*
 * fuzz_workflow.c - fuzz target for the workflow's parsers of outside
 * input (a recorded time given as --at TIME, names of states, actions,
 * roles and bases) and for the decision itself.
 *
 * Whatever time parses must format to a text that parses back to the
 * same time.  The first three bytes also choose a state, an action and
 * a role for jx_wf_apply, the rest of the input being the comment: a
 * refusal must leave the state unchanged and carry a W code and a
 * reason; an acceptance must make a row.  A violation calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/workflow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its line. */
#define REQUIRE(cond)                                                     \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "fuzz_workflow.c:%d: violated: %s\n",         \
                    __LINE__, #cond);                                     \
            abort();                                                      \
        }                                                                 \
    } while (0)

/* One input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    int64_t t = 0, t2 = 0;
    if (jx_wf_time_parse(s, size, &t) == 0) {
        char b[JX_WF_TIME_BUFSZ];
        jx_wf_time_format(t, b);
        REQUIRE(jx_wf_time_parse(b, strlen(b), &t2) == 0);
        REQUIRE(t2 == t);
    }
    enum jx_wf_state st;
    enum jx_wf_action ac;
    enum jx_wf_role ro;
    enum jx_wf_basis ba;
    (void)jx_wf_state_parse(s, size, &st);
    (void)jx_wf_action_parse(s, size, &ac);
    (void)jx_wf_role_parse(s, size, &ro);
    (void)jx_wf_basis_parse(s, size, &ba);
    if (size < 3) {
        return 0;
    }
    struct jx_arena *a = jx_arena_new();
    char *comment = jx_strndup(a, s + 3, size - 3);
    enum jx_wf_state from = (enum jx_wf_state)(data[0] % (JX_WF_NSTATES + 1));
    enum jx_wf_action act = (enum jx_wf_action)(data[1] % (JX_WF_NACTIONS + 1));
    struct jx_wf_actor u = {"u", (enum jx_wf_role)(data[2] % JX_WF_NROLES),
                            (data[2] & 0x80) ? "101001" : NULL};
    struct jx_wf_opts o;
    memset(&o, 0, sizeof o);
    o.now = 1000;
    o.comment = comment;
    o.leader_step = data[0] & 0x80;
    o.taken = data[1] & 0x80;
    o.entered_by = (enum jx_wf_role)((data[2] >> 4) % JX_WF_NROLES);
    o.backdated = data[2] & 0x08;
    o.at = 900;
    struct jx_wf_outcome out;
    int rc = jx_wf_apply(a, from, act, &u, "101001", &o, &out);
    struct jx_wf_subject subj = {"101001", 2024, NULL, NULL, NULL};
    struct jx_wf_audit row;
    if (rc == 0) {
        REQUIRE(out.ok && (unsigned)out.to < JX_WF_NSTATES);
        REQUIRE(jx_wf_audit_make(a, &subj, act, &u, &o, &out, &row) == 0);
        REQUIRE(row.from == from && row.to == out.to);
    } else {
        REQUIRE(!out.ok && out.to == from && out.code && out.code[0] == 'W');
        REQUIRE(out.why && *out.why);
        REQUIRE(jx_wf_audit_make(a, &subj, act, &u, &o, &out, &row) == -1);
    }
    jx_arena_free(a);
    return 0;
}
