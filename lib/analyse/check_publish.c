/*
 * check_publish.c - family C7: publication (docs/checks.md, C7).
 *
 * Personal mobile numbers in the material meant for the public portal,
 * section headings numbered in several styles, and text printed twice
 * (a passage repeated back to back inside a paragraph, or a whole
 * paragraph repeated).
 */
#include "analyse/check_family.h"
#include "jixiao/check.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Shortest passage (code points) reported as repeated. */
#define REPEAT_MIN_CHARS 20
/* Longest paragraph (bytes) searched for a repeated passage (bounds the
 * scratch hashes: 16 bytes for each). */
#define REPEAT_MAX_BYTES 6000
/* Most paragraphs compared for whole-paragraph repeats. */
#define PARA_MAX 4000
/* Largest source file read back for the heading numbers. */
/* Longest excerpt quoted, in code points. */
#define EXCERPT_CHARS 16

/* True when t holds some text. */
static bool has(const struct jx_text *t)
{
    return t->s && t->s[0];
}

/* True for an ASCII digit. */
static bool digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* The first mobile number 1[3-9]ddddddddd (not inside a longer digit
 * run) in s: its start, or NULL. */
static const char *find_mobile(const char *s)
{
    size_t n = strlen(s);
    if (n < 11) {
        return NULL;
    }
    /* the places of a '1' (memchr's), as long as 11 bytes remain */
    for (const char *q = memchr(s, '1', n - 10); q;
         q = (size_t)(q + 1 - s) + 11 <= n
                 ? memchr(q + 1, '1', n - 10 - (size_t)(q + 1 - s))
                 : NULL) {
        size_t i = (size_t)(q - s);
        if (s[i + 1] < '3' || s[i + 1] > '9' || (i > 0 && digit(s[i - 1]))) {
            continue;
        }
        size_t k = 2;
        while (k < 11 && digit(s[i + k])) {
            k++;
        }
        if (k == 11 && (i + 11 == n || !digit(s[i + 11]))) {
            return s + i;
        }
    }
    return NULL;
}

/* True when p[0..n) holds fewer than REPEAT_MIN_CHARS code points (as
 * jx_utf8_count counts them).  Every code point it counts, an invalid
 * byte included, takes one to four bytes, so n bytes hold at least n/4:
 * a passage of 4 * REPEAT_MIN_CHARS bytes or more is not short without
 * counting (the paragraphs of a report are mostly longer). */
static bool short_passage(const char *p, size_t n)
{
    return n < 4 * REPEAT_MIN_CHARS &&
           jx_utf8_count(p, n) < REPEAT_MIN_CHARS;
}

/* C701 for one text field. */
static void mobile_in(struct jx_check_ctx *c, const struct jx_text *t,
                      const char *path, const char *what)
{
    if (!has(t)) {
        return;
    }
    const char *m = find_mobile(t->s);
    if (!m) {
        return;
    }
    const struct jx_text *who = &c->pkg->contacts.preparer;
    jx_check_report(c, "C701", JX_SEV_WARNING, t->prov, path,
                    "%s中有个人手机号码“%.11s”%s%s%s，公开到门户网站会泄露"
                    "个人信息，应改为办公电话",
                    what, m, has(who) ? "（填表人“" : "",
                    has(who) ? who->s : "", has(who) ? "”）" : "");
}

/* C701: mobile numbers in the contacts and the report. */
static void mobiles(struct jx_check_ctx *c)
{
    const struct jx_package *p = c->pkg;
    mobile_in(c, &p->contacts.phone, "/contacts/phone", "联系电话");
    mobile_in(c, &p->contacts.preparer, "/contacts/preparer", "填表人");
    mobile_in(c, &p->contacts.head, "/contacts/head", "单位负责人");
    for (size_t i = 0; i < p->report.nsections; i++) {
        const struct jx_text *t = &p->report.sections[i].text;
        if (!has(t) || !find_mobile(t->s)) {
            continue; /* the path and words only for a finding */
        }
        mobile_in(c, &p->report.sections[i].text,
                  jx_sprintf(c->arena, "/report/sections/%zu/text", i),
                  jx_sprintf(c->arena, "自评报告第%d部分",
                             p->report.sections[i].no));
    }
}

/* Chinese numerals 一 … 十 (3 bytes each in UTF-8). */
static const char *const numerals[] = {"一", "二", "三", "四", "五",
                                       "六", "七", "八", "九", "十"};

/* Length of the Chinese numeral at s (up to n bytes), or 0. */
static size_t numeral_at(const char *s, size_t n)
{
    for (size_t k = 0; k < 10; k++) {
        if (n >= 3 && memcmp(s, numerals[k], 3) == 0) {
            return 3;
        }
    }
    return 0;
}

/* The numbering style of a heading prefix: "一、", "1、", "1.",
 * "（一）", "（1）", "无编号", or the prefix itself (arena-owned). */
static const char *style_of(struct jx_arena *a, const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) {
        n--;
    }
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    while (n && *s == '[') { /* converter marks: [bookmark: _GoBack] */
        const char *e = memchr(s, ']', n);
        if (!e) {
            break;
        }
        n -= (size_t)(e + 1 - s);
        s = e + 1;
        while (n && *s == ' ') {
            s++;
            n--;
        }
    }
    if (n == 0) {
        return "无编号";
    }
    size_t k = 0;
    bool open = false;
    if (n >= 3 && memcmp(s, "（", 3) == 0) {
        open = true;
        k = 3;
    } else if (s[0] == '(') {
        open = true;
        k = 1;
    }
    size_t cn = 0, dn = 0;
    while (k < n) {
        size_t l = numeral_at(s + k, n - k);
        if (l) {
            cn++;
            k += l;
        } else if (digit(s[k])) {
            dn++;
            k++;
        } else {
            break;
        }
    }
    const char *rest = s + k;
    size_t rn = n - k;
    if ((cn == 0) == (dn == 0)) {
        return jx_strndup(a, s, n);
    }
    if (open && ((rn == 3 && memcmp(rest, "）", 3) == 0) ||
                 (rn == 1 && rest[0] == ')'))) {
        return cn ? "（一）" : "（1）";
    }
    if (!open && rn == 3 && memcmp(rest, "、", 3) == 0) {
        return cn ? "一、" : "1、";
    }
    if (!open && ((rn == 1 && rest[0] == '.') ||
                  (rn == 3 && memcmp(rest, "．", 3) == 0))) {
        return cn ? "一." : "1.";
    }
    if (!open && rn == 0) {
        /* a bare numeral (its 、 lost, as PDF text often loses it): one
           style whatever the number */
        return cn ? "一" : "1";
    }
    return jx_strndup(a, s, n);
}

/* Index of style st in styles[0..*n), adding it when new. */
static size_t style_index(const char **styles, size_t *n, const char *st)
{
    for (size_t k = 0; k < *n; k++) {
        if (strcmp(styles[k], st) == 0) {
            return k;
        }
    }
    styles[*n] = st;
    return (*n)++;
}

/* C702: the headings of the sections numbered in more than one style
 * (the numbering as printed is kept with each section by the
 * recognisers; packages without it are not checked). */
static void numbering(struct jx_check_ctx *c)
{
    const struct jx_report *r = &c->pkg->report;
    if (r->nsections < 2 || r->nsections > 10) {
        return;
    }
    const char *styles[10];
    size_t nstyles = 0;
    size_t which[10];
    for (size_t i = 0; i < r->nsections; i++) {
        const char *m = r->sections[i].marker.s;
        if (!m) {
            return;
        }
        which[i] = style_index(styles, &nstyles,
                               style_of(c->arena, m, strlen(m)));
    }
    if (nstyles < 2) {
        return;
    }
    size_t count[10] = {0};
    for (size_t i = 0; i < r->nsections; i++) {
        count[which[i]]++;
    }
    size_t major = 0;
    for (size_t k = 1; k < nstyles; k++) {
        if (count[k] > count[major]) {
            major = k;
        }
    }
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    size_t at = 0;
    bool found = false;
    for (size_t k = 0; k < nstyles; k++) {
        jx_buf_addf(&b, "%s“%s”式用于第", k ? "；" : "", styles[k]);
        bool first = true;
        for (size_t i = 0; i < r->nsections; i++) {
            if (which[i] != k) {
                continue;
            }
            int no = r->sections[i].no;
            jx_buf_addf(&b, "%s%s", first ? "" : "、",
                        no >= 1 && no <= 10 ? numerals[no - 1] : "?");
            first = false;
            if (k != major && !found) {
                at = i;
                found = true;
            }
        }
        jx_buf_adds(&b, "部分");
    }
    jx_check_report(c, "C702", JX_SEV_WARNING, r->sections[at].title.prov,
                    jx_sprintf(c->arena, "/report/sections/%zu/title", at),
                    "自评报告各部分标题的编号不统一：%s", b.p);
    jx_buf_release(&b);
}

/* The first EXCERPT_CHARS code points of s[0..n), with "…" when cut
 * (arena-owned). */
static const char *excerpt(struct jx_arena *a, const char *s, size_t n)
{
    size_t i = 0, k = 0;
    while (i < n && k < EXCERPT_CHARS) {
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) {
            i++;
        }
        k++;
    }
    return jx_sprintf(a, "%.*s%s", (int)i, s, i < n ? "…" : "");
}

/* Prefix hashes of a paragraph for comparing two of its passages in
 * constant time: two polynomial hashes modulo primes below 2^31, packed
 * in one 64-bit word.  The arrays (as many entries as the longest
 * paragraph hashed so far, plus one) come from the arena a at the first
 * paragraph that needs them (most packages have none). */
struct phash {
    struct jx_arena *a;
    uint64_t *h;  /* h[i]: hashes of p[0..i), or NULL before the need */
    uint64_t *pw; /* pw[i]: the bases to the power i, i < npw */
    size_t npw;   /* entries of pw filled so far (on demand) */
    size_t cap;   /* entries h and pw have room for (0 before the need) */
    const char *p; /* the paragraph hashed on demand (phash_need) */
    size_t n;
    bool built;    /* h holds the hashes of p[0..n) */
};

#define PH_M1 2147483647u
#define PH_M2 2147483629u
#define PH_B1 911382323u
#define PH_B2 972663749u

/* Set up ph over arena a; nothing is allocated yet. */
static void phash_init(struct phash *ph, struct jx_arena *a)
{
    memset(ph, 0, sizeof *ph);
    ph->a = a;
}

/* Fill the prefix hashes of p[0..n), n <= REPEAT_MAX_BYTES, and the
 * powers up to n. */
static void phash_build(struct phash *ph, const char *p, size_t n)
{
    for (; ph->npw <= n; ph->npw++) {
        uint64_t prev = ph->pw[ph->npw - 1];
        ph->pw[ph->npw] = (prev >> 32) * PH_B1 % PH_M1 << 32 |
                          (prev & 0xFFFFFFFFu) * PH_B2 % PH_M2;
    }
    uint64_t a = 0, b = 0;
    ph->h[0] = 0;
    for (size_t i = 0; i < n; i++) {
        uint64_t ch = (unsigned char)p[i] + 1u;
        a = (a * PH_B1 + ch) % PH_M1;
        b = (b * PH_B2 + ch) % PH_M2;
        ph->h[i + 1] = a << 32 | b;
    }
}

/* Make sure the prefix hashes of the paragraph set by back_to_back are
 * filled: most paragraphs never need them (no LCE_DIRECT bytes
 * repeated at the distances probed), so they are built at the first
 * need. */
static void phash_need(struct phash *ph)
{
    if (ph->cap < ph->n + 1) {
        /* sized to the paragraph (doubling, at most REPEAT_MAX_BYTES + 1
           entries): a short paragraph needs neither 96 KB nor its
           zeroing; the powers filled so far are kept */
        size_t cap = ph->cap ? ph->cap : 256;
        while (cap < ph->n + 1) {
            cap *= 2;
        }
        if (cap > REPEAT_MAX_BYTES + 1) {
            cap = REPEAT_MAX_BYTES + 1;
        }
        uint64_t *pw = jx_alloc_array(ph->a, cap, sizeof *pw);
        if (ph->npw) {
            memcpy(pw, ph->pw, ph->npw * sizeof *pw);
        } else {
            pw[0] = (uint64_t)1 << 32 | 1u;
            ph->npw = 1;
        }
        ph->pw = pw;
        ph->h = jx_alloc_array(ph->a, cap, sizeof *ph->h);
        ph->cap = cap;
    }
    if (!ph->built) {
        phash_build(ph, ph->p, ph->n);
        ph->built = true;
    }
}

/* The packed hash of p[i..i+len). */
static uint64_t phash_of(const struct phash *ph, size_t i, size_t len)
{
    uint64_t hi = ph->h[i + len], lo = ph->h[i], pw = ph->pw[len];
    uint64_t a = ((hi >> 32) + PH_M1 -
                  (lo >> 32) * (pw >> 32) % PH_M1) % PH_M1;
    uint64_t b = ((hi & 0xFFFFFFFFu) + PH_M2 -
                  (lo & 0xFFFFFFFFu) * (pw & 0xFFFFFFFFu) % PH_M2) % PH_M2;
    return a << 32 | b;
}

/* Bytes two passages are compared directly before the prefix hashes
 * take over: a match of up to 32 bytes (about ten characters) is
 * measured without them, so a paragraph whose passages at the probed
 * distances agree for fewer bytes never builds its hashes (the build
 * is a multiply and a modulo per byte, twice). */
#define LCE_DIRECT 32

/* The longest L <= max with p[i..i+L) == p[j..j+L) (by hash: never
 * less than the true length, more only on a collision). */
static size_t lce_fwd(struct phash *ph, const char *p, size_t i,
                      size_t j, size_t max)
{
    size_t lo = 0;
    while (lo < max && lo < LCE_DIRECT && p[i + lo] == p[j + lo]) {
        lo++;
    }
    if (lo < LCE_DIRECT || lo == max) {
        return lo;
    }
    phash_need(ph);
    size_t hi = max; /* invariant: lo matches; answer in [lo, hi] */
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (phash_of(ph, i, mid) == phash_of(ph, j, mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

/* The longest B <= max with p[i-B..i) == p[j-B..j) (by hash, as
 * lce_fwd). */
static size_t lce_back(struct phash *ph, const char *p, size_t i,
                       size_t j, size_t max)
{
    size_t lo = 0;
    while (lo < max && lo < LCE_DIRECT && p[i - lo - 1] == p[j - lo - 1]) {
        lo++;
    }
    if (lo < LCE_DIRECT || lo == max) {
        return lo;
    }
    phash_need(ph);
    size_t hi = max;
    while (lo < hi) {
        size_t mid = lo + (hi - lo + 1) / 2;
        if (phash_of(ph, i - mid, mid) == phash_of(ph, j - mid, mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo;
}

/* The plain search (quadratic in n): the fallback when a hash
 * collision is caught, and the definition back_to_back must match. */
static bool back_to_back_plain(const char *p, size_t n, size_t *start,
                               size_t *len)
{
    for (size_t k = REPEAT_MIN_CHARS; k <= n / 2; k++) {
        size_t run = 0;
        for (size_t j = 0; j + k < n; j++) {
            if (p[j] != p[j + k]) {
                run = 0;
                continue;
            }
            run++;
            if (run < k) {
                continue;
            }
            size_t s = j + 1 - k;
            if (((unsigned char)p[s] & 0xC0) == 0x80 ||
                short_passage(p + s, k)) {
                continue;
            }
            *start = s;
            *len = k;
            return true;
        }
    }
    return false;
}

/* Find a passage of at least REPEAT_MIN_CHARS code points repeated back
 * to back in p[0..n) (only its first REPEAT_MAX_BYTES bytes are
 * searched): its start and length in bytes; false if none.  The answer
 * is the shortest such passage, and of those the first: for each
 * length k, the positions j with p[j] == p[j+k] form runs, a run of k
 * or more holds a passage repeated at distance k, and every such run
 * holds a multiple of k, so only those anchors are probed, the run
 * around each measured by hashing (n/k probes for each k: n log n in
 * all).  A candidate is compared byte by byte before it is returned;
 * ph (phash_init'd) is scratch; NULL ph means the plain search. */
static bool back_to_back(const char *p, size_t n, struct phash *ph,
                         size_t *start, size_t *len)
{
    if (n > REPEAT_MAX_BYTES) {
        n = REPEAT_MAX_BYTES;
    }
    if (n < 2 * REPEAT_MIN_CHARS) {
        return false;
    }
    if (!ph) {
        return back_to_back_plain(p, n, start, len);
    }
    ph->p = p;
    ph->n = n;
    ph->built = false;
    for (size_t k = REPEAT_MIN_CHARS; k <= n / 2; k++) {
        size_t m = n - k; /* positions j with j + k < n */
        size_t done = 0;  /* positions below are searched */
        for (size_t q = 0; q < m; q += k) {
            if (q < done || p[q] != p[q + k]) {
                continue;
            }
            size_t lim = q - done < k ? q - done : k;
            size_t a = q - lce_back(ph, p, q, q + k, lim);
            size_t b = q + lce_fwd(ph, p, q, q + k, m - q);
            done = b;
            for (size_t s = a; s + k <= b; s++) {
                if (((unsigned char)p[s] & 0xC0) == 0x80) {
                    continue;
                }
                if (memcmp(p + s, p + s + k, k) != 0) {
                    /* a hash collision: search the plain way */
                    return back_to_back_plain(p, n, start, len);
                }
                if (short_passage(p + s, k)) {
                    continue;
                }
                *start = s;
                *len = k;
                return true;
            }
        }
    }
    return false;
}

/* A paragraph of the report. */
struct para {
    const char *s;
    size_t n;
    size_t section; /* index into report.sections */
    int line;       /* line offset within the section text (0-based) */
};

/* A provenance for a paragraph: the section text's moved down by the
 * paragraph's line (arena-owned), or NULL. */
static const struct jx_prov *para_prov(struct jx_check_ctx *c,
                                       const struct jx_section *s, int line)
{
    if (!s->text.prov) {
        return NULL;
    }
    struct jx_prov *pv = jx_alloc(c->arena, sizeof *pv);
    *pv = *s->text.prov;
    if (pv->line > 0) {
        pv->line += line;
        if (line > 0) {
            pv->col = 1;
        }
    }
    return pv;
}

/* Trim blanks (ASCII and U+3000) around p[0..*n). */
static const char *trim(const char *p, size_t *n)
{
    for (;;) {
        if (*n && (p[*n - 1] == ' ' || p[*n - 1] == '\t' ||
                   p[*n - 1] == '\r')) {
            (*n)--;
        } else if (*n >= 3 && memcmp(p + *n - 3, "\xE3\x80\x80", 3) == 0) {
            *n -= 3;
        } else {
            break;
        }
    }
    for (;;) {
        if (*n && (*p == ' ' || *p == '\t')) {
            p++;
            (*n)--;
        } else if (*n >= 3 && memcmp(p, "\xE3\x80\x80", 3) == 0) {
            p += 3;
            *n -= 3;
        } else {
            break;
        }
    }
    return p;
}

/* A hash of p[0..n) for the table of paragraphs: eight bytes at a
 * time (a multiply per word, not per byte); equal texts hash equal, and
 * the table compares the texts themselves, so any spread will do. */
static uint64_t para_hash(const char *p, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, p + i, n - i);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
    return h ^ h >> 33;
}

/* C703 (a passage repeated back to back in a paragraph: one finding
 * per section) and C704 (a whole paragraph printed twice). */
static void repeats(struct jx_check_ctx *c)
{
    const struct jx_report *r = &c->pkg->report;
    struct para *ps = NULL; /* grown as paragraphs come (arena) */
    size_t np = 0, capps = 0;
    struct phash ph;
    phash_init(&ph, c->arena);
    for (size_t i = 0; i < r->nsections; i++) {
        const struct jx_section *sec = &r->sections[i];
        if (!has(&sec->text)) {
            continue;
        }
        struct jx_buf b;
        jx_buf_init(&b, 1u << 16);
        size_t nrep = 0;
        const struct jx_prov *first = NULL;
        const char *t = sec->text.s;
        int line = 0;
        while (*t) {
            const char *nl = strchr(t, '\n');
            size_t n = nl ? (size_t)(nl - t) : strlen(t);
            size_t tn = n;
            const char *tp = trim(t, &tn);
            size_t st, ln;
            if (back_to_back(tp, tn, &ph, &st, &ln)) {
                const struct jx_prov *pv = para_prov(c, sec, line);
                if (!nrep) {
                    first = pv;
                }
                if (nrep < 8) {
                    jx_buf_addf(&b, "%s%s“%s”（%zu字）",
                                nrep ? "、" : "",
                                pv && pv->line
                                    ? jx_sprintf(c->arena, "第 %d 行",
                                                 pv->line)
                                    : jx_sprintf(c->arena, "第%d段",
                                                 line + 1),
                                excerpt(c->arena, tp + st, ln),
                                jx_utf8_count(tp + st, ln));
                }
                nrep++;
            }
            if (np < PARA_MAX && !short_passage(tp, tn)) {
                ps = jx_arena_grow(c->arena, ps, np, &capps, sizeof *ps);
                ps[np++] = (struct para){tp, tn, i, line};
            }
            line++;
            t = nl ? nl + 1 : t + n;
        }
        if (nrep) {
            jx_check_report(
                c, "C703", JX_SEV_WARNING, first,
                jx_sprintf(c->arena, "/report/sections/%zu/text", i),
                "自评报告第%s部分有 %zu 段文字在同一段内连续重复出现两次："
                "%s%s",
                sec->no >= 1 && sec->no <= 10 ? numerals[sec->no - 1] : "?",
                nrep, b.p, nrep > 8 ? "等" : "");
        }
        jx_buf_release(&b);
    }
    /* C704: each paragraph's first earlier copy, by a hash table of the
     * paragraphs (linear in their bytes) */
    size_t *match = jx_alloc_array(c->arena, np ? np : 1, sizeof *match);
    size_t nslot = 1;
    while (nslot < 2 * np + 2) {
        nslot *= 2;
    }
    size_t *slot = jx_alloc_array(c->arena, nslot, sizeof *slot);
    for (size_t i = 0; i < nslot; i++) {
        slot[i] = SIZE_MAX;
    }
    for (size_t j = 0; j < np; j++) {
        uint64_t h = para_hash(ps[j].s, ps[j].n);
        size_t at = (size_t)(h ^ h >> 29) & (nslot - 1);
        match[j] = SIZE_MAX;
        while (slot[at] != SIZE_MAX) {
            size_t i = slot[at];
            if (ps[i].n == ps[j].n && memcmp(ps[i].s, ps[j].s, ps[j].n) == 0) {
                match[j] = i;
                break;
            }
            at = (at + 1) & (nslot - 1);
        }
        if (match[j] == SIZE_MAX) {
            slot[at] = j;
        }
    }
    /* group the repeats by (later section, earlier section): the
     * paragraphs come section by section, so a later section's repeats
     * are one block, counted by earlier section in cnt */
    size_t *cnt = jx_alloc_array(c->arena, r->nsections ? r->nsections : 1,
                                 sizeof *cnt);
    for (size_t lo = 0; lo < np;) {
        size_t hi = lo;
        while (hi < np && ps[hi].section == ps[lo].section) {
            hi++;
        }
        for (size_t k = lo; k < hi; k++) {
            if (match[k] != SIZE_MAX) {
                cnt[ps[match[k]].section] = 0;
            }
        }
        for (size_t k = lo; k < hi; k++) {
            if (match[k] != SIZE_MAX) {
                cnt[ps[match[k]].section]++;
            }
        }
        for (size_t j = lo; j < hi; j++) {
            if (match[j] == SIZE_MAX || !cnt[ps[match[j]].section]) {
                continue;
            }
            size_t si_ = ps[match[j]].section, sj_ = ps[j].section;
            size_t count = cnt[si_];
            cnt[si_] = 0; /* the rest are reported with j */
            const struct jx_section *si = &r->sections[si_];
            const struct jx_section *sj = &r->sections[sj_];
            const struct jx_prov *pi = para_prov(c, si, ps[match[j]].line);
            bool same = si_ == sj_;
            jx_check_report(
                c, "C704", same ? JX_SEV_WARNING : JX_SEV_NOTE,
                para_prov(c, sj, ps[j].line),
                jx_sprintf(c->arena, "/report/sections/%zu/text", sj_),
                "自评报告第%s部分有 %zu 段与第%s部分的段落完全相同（第一段“%s”，"
                "前文见%s）%s",
                sj->no >= 1 && sj->no <= 10 ? numerals[sj->no - 1] : "?", count,
                si->no >= 1 && si->no <= 10 ? numerals[si->no - 1] : "?",
                excerpt(c->arena, ps[j].s, ps[j].n),
                pi && pi->line ? jx_sprintf(c->arena, "第 %d 行", pi->line)
                               : jx_sprintf(c->arena, "第%d段",
                                            ps[match[j]].line + 1),
                same ? "，重复印了两次" : "，是照搬前文还是有意重述，请核实");
        }
        lo = hi;
    }
}

/* Family C7. */
/* A bracketed list marker at the start of a line ("（1）", "(二)"): its
 * ordinal (1 …) and whether it is written in Chinese numerals; the
 * marker's bytes in *len.  0 when the line does not start with one. */
static int paren_marker(const char *s, bool *chinese, size_t *len)
{
    const char *p = s;
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    size_t open = strncmp(p, "（", 3) == 0 ? 3 : *p == '(' ? 1 : 0;
    if (!open) {
        return 0;
    }
    const char *q = p + open;
    int v = 0;
    size_t l = numeral_at(q, strlen(q));
    if (l) {
        for (int k = 0; k < 10; k++) {
            if (memcmp(q, numerals[k], 3) == 0) {
                v = k + 1;
            }
        }
        q += l;
        *chinese = true;
    } else {
        while (digit(*q) && v < 100) {
            v = v * 10 + (*q - '0');
            q++;
        }
        *chinese = false;
    }
    size_t close = strncmp(q, "）", 3) == 0 ? 3 : *q == ')' ? 1 : 0;
    if (!v || !close) {
        return 0;
    }
    *len = (size_t)(q + close - p);
    return v;
}

/* C705: the numbered items of a section counted on in another style —
 * "（1）" followed by "（二）" (seed 003's 六) when no "（一）" came
 * before: the first was meant to be "（一）", or the second "（2）".  A
 * list nested in another ("（三）（1）（2）(3)（四）") is not this.  One
 * finding per section. */
static void sub_numbering(struct jx_check_ctx *c)
{
    const struct jx_report *r = &c->pkg->report;
    for (size_t i = 0; i < r->nsections; i++) {
        const char *t = r->sections[i].text.s;
        int prev = 0;
        bool prev_cn = false;
        const char *prev_at = NULL;
        size_t prev_len = 0;
        int last[2] = {0, 0}; /* last ordinal per style: digits, 一 */
        int line = 0;
        for (const char *l = t; l && *l; line++) {
            bool cn = false;
            size_t len = 0;
            int v = paren_marker(l, &cn, &len);
            if (v) {
                const char *at = l;
                while (*at == ' ' || *at == '\t') {
                    at++;
                }
                /* counted on from the other style, and not the next of
                 * its own ("（三）（1）（2）(3)（四）" nests and is fine) */
                if (prev && cn != prev_cn && v == prev + 1 &&
                    last[cn] != v - 1) {
                    int no = r->sections[i].no;
                    jx_check_report(
                        c, "C705", JX_SEV_WARNING,
                        para_prov(c, &r->sections[i], line),
                        jx_sprintf(c->arena, "/report/sections/%zu/text", i),
                        "自评报告第%s部分的小标题编号不统一：“%.*s”之后是“%.*s”",
                        no >= 1 && no <= 10 ? numerals[no - 1] : "?",
                        (int)prev_len, prev_at, (int)len, at);
                    break;
                }
                prev = v;
                prev_cn = cn;
                prev_at = at;
                prev_len = len;
                last[cn] = v;
            }
            const char *nl = strchr(l, '\n');
            l = nl ? nl + 1 : NULL;
        }
    }
}

/* Family C7. */
void jx_check_publish(struct jx_check_ctx *c)
{
    mobiles(c);
    numbering(c);
    sub_numbering(c);
    repeats(c);
}
