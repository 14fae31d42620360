/*
 * base_pairs.h - which byte pairs a text holds: a filter in front of
 * strstr when many words are looked for in one short text.
 *
 * A word can be a substring of the text only if each of its adjacent
 * byte pairs is one of the text's.  jx_pairs_of marks the text's pairs
 * (hashed into 1,024 bits); jx_pairs_may_hold answers false only when
 * a pair of the word is surely missing, so
 *   jx_pairs_may_hold(&ps, w) && strstr(text, w)
 * is strstr(text, w) exactly, and most absent words cost a few bit
 * tests instead of a search.  The set is a plain value (no memory to
 * free); it describes the text as it was when marked.
 */
#ifndef JX_BASE_PAIRS_H
#define JX_BASE_PAIRS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The byte pairs of a text, hashed into 1,024 bits. */
struct jx_pairs {
    uint64_t bit[16];
};

/* The bit of the pair a, b. */
static inline unsigned jx_pairs_slot(unsigned char a, unsigned char b)
{
    return (((unsigned)a << 8 | b) * 40503u >> 6) & 1023u;
}

/* Mark the byte pairs of the NUL-terminated s (NULL is empty). */
static inline void jx_pairs_of(struct jx_pairs *ps, const char *s)
{
    for (int i = 0; i < 16; i++) {
        ps->bit[i] = 0;
    }
    if (!s || !*s) {
        return;
    }
    for (const unsigned char *p = (const unsigned char *)s; p[1]; p++) {
        unsigned k = jx_pairs_slot(p[0], p[1]);
        ps->bit[k >> 6] |= (uint64_t)1 << (k & 63);
    }
}

/* False when the NUL-terminated word w (of two bytes or more) surely
 * is not in the text ps was marked from; true when it may be.  A word
 * of one byte or none always may be. */
static inline bool jx_pairs_may_hold(const struct jx_pairs *ps,
                                     const char *w)
{
    const unsigned char *p = (const unsigned char *)w;
    if (!p[0]) {
        return true;
    }
    for (; p[1]; p++) {
        unsigned k = jx_pairs_slot(p[0], p[1]);
        if (!(ps->bit[k >> 6] >> (k & 63) & 1)) {
            return false;
        }
    }
    return true;
}

#endif
