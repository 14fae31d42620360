/*
 * base.c - arenas, growable buffers, UTF-8 helpers and whole-file I/O.
 */
#define _XOPEN_SOURCE 700 /* realpath */

#include "jixiao/base.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utf8proc.h>

/* The hook of jx_set_fatal_hook (process-wide; NULL: none). */
static void (*fatal_hook)(void);

/* Install a new fatal hook and return the old one. */
void (*jx_set_fatal_hook(void (*hook)(void)))(void)
{
    void (*old)(void) = fatal_hook;
    fatal_hook = hook;
    return old;
}

/* Run the fatal hook if any, then abort. */
JX_NORETURN static void fatal(void)
{
    if (fatal_hook) {
        fatal_hook();
    }
    abort();
}

/* Print a message and stop: memory is exhausted. */
void jx_oom(void)
{
    fputs("jixiao: 内存不足 (out of memory)\n", stderr);
    fatal();
}

/* Print the broken invariant with its place and stop. */
void jx_bug_at(const char *file, int line, const char *what)
{
    fprintf(stderr, "jixiao: 内部错误 (BUG) %s:%d: %s\n", file, line, what);
    fatal();
}

/* malloc that aborts instead of returning NULL; n == 0 allocates 1. */
void *jx_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        jx_oom();
    }
    return p;
}

/* realloc that aborts instead of returning NULL. */
void *jx_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        jx_oom();
    }
    return q;
}

/* ---- arena --------------------------------------------------------- */

/*
 * The arena is a list of blocks.  Each allocation is carved from the
 * newest block; large requests get a block of their own.  Under
 * JX_ARENA_DEBUG (set for sanitizer builds) every allocation is its own
 * block, so ASan sees overflows between objects.
 */
struct jx_block {
    struct jx_block *next; /* older block */
    size_t size;           /* usable bytes in data */
    size_t used;           /* bytes handed out */
    _Alignas(16) unsigned char data[]; /* the memory */
};

struct jx_arena {
    struct jx_block *head; /* newest block */
};

enum { ARENA_BLOCK = 64 * 1024, ARENA_ALIGN = 16 };

/* Create an empty arena. */
struct jx_arena *jx_arena_new(void)
{
    struct jx_arena *a = jx_xmalloc(sizeof *a);
    a->head = NULL;
    return a;
}

#ifndef JX_ARENA_DEBUG
/* Blocks of the standard size kept by this thread after an arena is
 * freed, for the next arena to take: a run over many packages would
 * otherwise give each 64 KB block back to malloc and make it trim and
 * consolidate the heap every time.  At most ARENA_CACHE blocks (a fixed
 * 512 KB per thread) are kept; they belong to the thread's cache until
 * arena_grow takes one, or the thread ends (arena_cache_drop). */
enum { ARENA_CACHE = 8 };
static _Thread_local struct jx_block *arena_cache;
static _Thread_local size_t arena_ncache;

/* The key whose destructor gives a thread's cached blocks back when the
 * thread ends (set once, by pthread_once). */
static pthread_key_t arena_key;
static pthread_once_t arena_key_once = PTHREAD_ONCE_INIT;

/* Free the calling thread's cached blocks (the key's destructor: it
 * runs in the ending thread, whose thread-local cache is still there). */
static void arena_cache_drop(void *unused)
{
    (void)unused;
    while (arena_cache) {
        struct jx_block *next = arena_cache->next;
        free(arena_cache);
        arena_cache = next;
    }
    arena_ncache = 0;
}

/* Create the key (pthread_once). */
static void arena_key_init(void)
{
    if (pthread_key_create(&arena_key, arena_cache_drop) != 0) {
        jx_oom();
    }
}

/* Keep block b in the thread's cache if it has room; true when kept.
 * The first block kept by a thread registers the destructor for it. */
static bool arena_cache_put(struct jx_block *b)
{
    if (b->size != ARENA_BLOCK || arena_ncache >= ARENA_CACHE) {
        return false;
    }
    if (!arena_cache) {
        pthread_once(&arena_key_once, arena_key_init);
        pthread_setspecific(arena_key, &arena_key);
    }
    b->next = arena_cache;
    arena_cache = b;
    arena_ncache++;
    return true;
}
#endif

/* Free every block (standard-size ones into the thread's cache while
 * it has room), then the arena itself. */
void jx_arena_free(struct jx_arena *a)
{
    if (!a) {
        return;
    }
    struct jx_block *b = a->head;
    while (b) {
        struct jx_block *next = b->next;
#ifndef JX_ARENA_DEBUG
        if (arena_cache_put(b)) {
            b = next;
            continue;
        }
#endif
        free(b);
        b = next;
    }
    free(a);
}

/* Add a block of at least n usable bytes at the head of the list. */
static struct jx_block *arena_grow(struct jx_arena *a, size_t n)
{
#ifdef JX_ARENA_DEBUG
    size_t size = n;
#else
    size_t size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
#endif
    if (size > SIZE_MAX - sizeof(struct jx_block)) {
        jx_oom();
    }
    struct jx_block *b;
#ifndef JX_ARENA_DEBUG
    if (size == ARENA_BLOCK && arena_cache) {
        b = arena_cache;
        arena_cache = b->next;
        arena_ncache--;
    } else {
        b = jx_xmalloc(sizeof *b + size);
    }
#else
    b = jx_xmalloc(sizeof *b + size);
#endif
    b->size = size;
    b->used = 0;
#ifdef JX_ARENA_DEBUG
    b->next = a->head;
    a->head = b;
#else
    if (n > ARENA_BLOCK / 4 && a->head) {
        /* keep the current block at the head for small requests */
        b->next = a->head->next;
        a->head->next = b;
    } else {
        b->next = a->head;
        a->head = b;
    }
#endif
    return b;
}

/* Allocate n bytes, aligned to 16, not zeroed; *rounded gets the
 * bytes taken (n rounded up to the alignment, at least 16). */
static void *alloc_raw(struct jx_arena *a, size_t n, size_t *rounded)
{
    if (n > SIZE_MAX - ARENA_ALIGN) {
        jx_oom();
    }
    size_t need = (n + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
    if (need == 0) {
        need = ARENA_ALIGN;
    }
    struct jx_block *b = a->head;
    size_t at = 0;
#ifdef JX_ARENA_DEBUG
    b = arena_grow(a, need);
#else
    /* strings (alloc_chars) leave the head's end unaligned */
    at = b ? (b->used + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1) : 0;
    if (!b || at > b->size || b->size - at < need) {
        b = arena_grow(a, need);
        at = 0;
    }
#endif
    void *p = b->data + at;
    b->used = at + need;
    *rounded = need;
    return p;
}

/* Allocate n zeroed bytes, aligned to 16. */
void *jx_alloc(struct jx_arena *a, size_t n)
{
    size_t need;
    void *p = alloc_raw(a, n, &need);
    memset(p, 0, need);
    return p;
}

/* Allocate n bytes for characters: not aligned, not zeroed (a string
 * of 7 bytes takes 7, not 16: the texts of a workbook's million cells
 * are most of its memory). */
static char *alloc_chars(struct jx_arena *a, size_t n)
{
    struct jx_block *b = a->head;
#ifdef JX_ARENA_DEBUG
    b = arena_grow(a, n);
#else
    if (!b || b->size - b->used < n) {
        b = arena_grow(a, n);
    }
#endif
    char *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

/* Allocate a zeroed array, checking n * sz for overflow. */
void *jx_alloc_array(struct jx_arena *a, size_t n, size_t sz)
{
    size_t total;
    if (__builtin_mul_overflow(n, sz, &total)) {
        jx_oom();
    }
    return jx_alloc(a, total);
}

/* Allocate an array not zeroed (base.h), checking n * sz for overflow. */
void *jx_alloc_array_unset(struct jx_arena *a, size_t n, size_t sz)
{
    size_t total, need;
    if (__builtin_mul_overflow(n, sz, &total)) {
        jx_oom();
    }
    return alloc_raw(a, total, &need);
}

/* Grow an arena array to hold n + 1 elements. */
void *jx_arena_grow(struct jx_arena *a, void *p, size_t n, size_t *cap,
                    size_t size)
{
    if (n < *cap) {
        return p;
    }
    size_t ncap = *cap ? *cap * 2 : 8;
    void *q = jx_alloc_array(a, ncap, size);
    if (n) {
        memcpy(q, p, n * size);
    }
    *cap = ncap;
    return q;
}

/* Grow an arena array of n elements to ncap, giving the outgrown array
 * back when it fills a block of its own. */
static void *regrow_to(struct jx_arena *a, void *p, size_t n, size_t *cap,
                       size_t size, size_t ncap, bool zero);

/* Grow an arena array to hold n + 1 elements, giving the outgrown
 * array back when it fills a block of its own (a large array: base.h). */
void *jx_arena_regrow(struct jx_arena *a, void *p, size_t n, size_t *cap,
                      size_t size)
{
    if (n < *cap) {
        return p;
    }
    return regrow_to(a, p, n, cap, size, *cap ? *cap * 2 : 8, true);
}

/* As jx_arena_regrow, the room not zeroed (base.h). */
void *jx_arena_regrow_unset(struct jx_arena *a, void *p, size_t n,
                            size_t *cap, size_t size)
{
    if (n < *cap) {
        return p;
    }
    return regrow_to(a, p, n, cap, size, *cap ? *cap * 2 : 8, false);
}

/* Grow an arena array to room for want elements (base.h). */
void *jx_arena_reserve(struct jx_arena *a, void *p, size_t n, size_t *cap,
                       size_t size, size_t want)
{
    if (want <= *cap || want <= n) {
        return p;
    }
    return regrow_to(a, p, n, cap, size, want, true);
}

/* Grow an arena array of n elements to ncap (see the declaration);
 * zero: the room past the n elements zeroed. */
static void *regrow_to(struct jx_arena *a, void *p, size_t n, size_t *cap,
                       size_t size, size_t ncap, bool zero)
{
    size_t total;
    if (__builtin_mul_overflow(ncap, size, &total) ||
        total > SIZE_MAX - sizeof(struct jx_block) - ARENA_ALIGN) {
        jx_oom();
    }
    /* the block that holds p alone: an array past a quarter of a block
       had a block of its own (jx_alloc), or grew into one here */
    size_t old = (*cap * size + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
    struct jx_block **link = &a->head;
    if (p && old > ARENA_BLOCK / 4) {
        while (*link && (*link)->data != (unsigned char *)p) {
            link = &(*link)->next;
        }
    }
    struct jx_block *b = p && old > ARENA_BLOCK / 4 ? *link : NULL;
    if (b && b->used == old) {
        size_t need = (total + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
        struct jx_block *nb = jx_xrealloc(b, sizeof *nb + need);
        nb->size = need;
        nb->used = need;
        if (zero) {
            memset(nb->data + n * size, 0, need - n * size);
        }
        *link = nb;
        *cap = ncap;
        return nb->data;
    }
    /* the n elements kept are copied, only the rest zeroed */
    size_t got;
    unsigned char *q = alloc_raw(a, total, &got);
    if (n) {
        memcpy(q, p, n * size);
    }
    if (zero) {
        memset(q + n * size, 0, got - n * size);
    }
    *cap = ncap;
    return q;
}

/* The block that p fills alone (cap elements of size bytes, past a
 * quarter of a block), with the link that points at it; NULL when p
 * shares its block. */
static struct jx_block *own_block(struct jx_arena *a, void *p, size_t cap,
                                  size_t size, struct jx_block ***linkp)
{
    size_t bytes;
    if (!p || __builtin_mul_overflow(cap, size, &bytes) ||
        bytes > SIZE_MAX - ARENA_ALIGN) {
        return NULL;
    }
    size_t old = (bytes + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
    if (old <= ARENA_BLOCK / 4) {
        return NULL;
    }
    struct jx_block **link = &a->head;
    while (*link && (*link)->data != (unsigned char *)p) {
        link = &(*link)->next;
    }
    if (!*link || (*link)->used != old) {
        return NULL;
    }
    *linkp = link;
    return *link;
}

/* Trim p to n elements when it fills a block of its own (base.h). */
void *jx_arena_fit(struct jx_arena *a, void *p, size_t n, size_t *cap,
                   size_t size)
{
    struct jx_block **link;
    if (n >= *cap || n == 0 || !own_block(a, p, *cap, size, &link)) {
        return p;
    }
    size_t need = (n * size + (ARENA_ALIGN - 1)) & ~(size_t)(ARENA_ALIGN - 1);
    if (need <= ARENA_BLOCK / 4) {
        return p; /* small: stays (regrow looks only at large arrays) */
    }
    struct jx_block *nb = jx_xrealloc(*link, sizeof *nb + need);
    nb->size = need;
    nb->used = need;
    *link = nb;
    *cap = n;
    return nb->data;
}

/* Free the block p fills alone, if it does (base.h). */
void jx_arena_give_back(struct jx_arena *a, void *p, size_t cap, size_t size)
{
    struct jx_block **link;
    struct jx_block *b = own_block(a, p, cap, size, &link);
    if (b) {
        *link = b->next;
        free(b);
    }
}

/* Copy a string into the arena. */
char *jx_strdup(struct jx_arena *a, const char *s)
{
    return s ? jx_strndup(a, s, strlen(s)) : NULL;
}

/* Copy n bytes into the arena, NUL-terminated. */
char *jx_strndup(struct jx_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX) {
        jx_oom();
    }
    char *p = alloc_chars(a, n + 1);
    if (n) {
        memcpy(p, s, n);
    }
    p[n] = '\0';
    return p;
}

/* Append the decimal digits of v (negative when neg) to out[*o..cap);
 * false when they do not fit. */
static bool put_dec(char *out, size_t cap, size_t *o, unsigned long long v,
                    bool neg)
{
    char d[24];
    size_t k = 0;
    do {
        d[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (neg) {
        d[k++] = '-';
    }
    if (cap - *o <= k) {
        return false;
    }
    while (k) {
        out[(*o)++] = d[--k];
    }
    return true;
}

/* The common formats without vsnprintf's cost: fmt made only of text,
 * "%s", "%.*s", "%d", "%zu" and "%%", printed into out[0..cap) as
 * vsnprintf would.  Returns the length, or -1 when fmt has anything
 * else, a string argument is NULL or the result does not fit (the
 * caller then uses vsnprintf; ap is the caller's copy, consumed). */
static int fast_format(char *out, size_t cap, const char *fmt, va_list ap)
{
    size_t o = 0;
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            /* a run of literal bytes at once */
            const char *e = strchr(f + 1, '%');
            if (!e) {
                e = f + 1 + strlen(f + 1);
            }
            size_t n = (size_t)(e - f);
            if (n >= cap - o) {
                return -1;
            }
            memcpy(out + o, f, n);
            o += n;
            f = e - 1;
            continue;
        }
        f++;
        if (*f == '%') {
            if (o + 1 >= cap) {
                return -1;
            }
            out[o++] = '%';
        } else if (*f == 's' || (f[0] == '.' && f[1] == '*' && f[2] == 's')) {
            size_t lim = SIZE_MAX;
            if (*f == '.') {
                int prec = va_arg(ap, int);
                if (prec >= 0) {
                    lim = (size_t)prec;
                }
                f += 2;
            }
            const char *s = va_arg(ap, const char *);
            if (!s) {
                return -1;
            }
            size_t n = strnlen(s, lim < cap ? lim : cap);
            if (n >= cap - o) {
                return -1;
            }
            memcpy(out + o, s, n);
            o += n;
        } else if (*f == 'd') {
            int v = va_arg(ap, int);
            unsigned long long m = v < 0 ? 0ull - (unsigned long long)v
                                         : (unsigned long long)v;
            if (!put_dec(out, cap, &o, m, v < 0)) {
                return -1;
            }
        } else if (f[0] == 'z' && f[1] == 'u') {
            f++;
            if (!put_dec(out, cap, &o, va_arg(ap, size_t), false)) {
                return -1;
            }
        } else {
            return -1;
        }
    }
    out[o] = '\0';
    return (int)o;
}

/* vprintf into the arena: measure, allocate, print. */
char *jx_vsprintf(struct jx_arena *a, const char *fmt, va_list ap)
{
    va_list ap2;
    char probe[256]; /* most results fit: formatted once, then copied */
    if (!fmt) {
        JX_BUG("NULL format");
    }
    va_copy(ap2, ap);
    int n = fast_format(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        va_copy(ap2, ap);
        n = vsnprintf(probe, sizeof probe, fmt, ap2);
        va_end(ap2);
    }
    if (n < 0) {
        JX_BUG("vsnprintf failed");
    }
    char *p = alloc_chars(a, (size_t)n + 1);
    if ((size_t)n < sizeof probe) {
        memcpy(p, probe, (size_t)n + 1);
    } else {
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    }
    return p;
}

/* printf into the arena. */
char *jx_sprintf(struct jx_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = jx_vsprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

/* ---- growable buffer ----------------------------------------------- */

static char buf_empty[1];

/* Initialise an empty buffer with a cap of max bytes. */
void jx_buf_init(struct jx_buf *b, size_t max)
{
    b->p = buf_empty;
    b->len = 0;
    b->cap = 0;
    b->max = max;
    b->toobig = false;
}

/* Free the contents and leave b empty (max is kept). */
void jx_buf_release(struct jx_buf *b)
{
    if (b->cap) {
        free(b->p);
    }
    jx_buf_init(b, b->max);
}

/* Empty b, keeping its memory. */
void jx_buf_reset(struct jx_buf *b)
{
    b->len = 0;
    b->p[0] = '\0';
    b->toobig = false;
}

/* Make room for n more bytes plus the NUL; -1 if max would be passed. */
static int buf_grow(struct jx_buf *b, size_t n)
{
    if (n > b->max - b->len || b->len + n == SIZE_MAX) {
        b->toobig = true;
        return -1;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap) {
        return 0;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) {
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    }
    if (b->cap) {
        b->p = jx_xrealloc(b->p, cap);
    } else {
        b->p = jx_xmalloc(cap);
        b->p[0] = '\0';
    }
    b->cap = cap;
    return 0;
}

/* Append n bytes. */
int jx_buf_add(struct jx_buf *b, const void *p, size_t n)
{
    if (buf_grow(b, n) < 0) {
        return -1;
    }
    if (n) {
        memcpy(b->p + b->len, p, n);
    }
    b->len += n;
    b->p[b->len] = '\0';
    return 0;
}

/* Append a string. */
int jx_buf_adds(struct jx_buf *b, const char *s)
{
    return jx_buf_add(b, s, strlen(s));
}

/* Append one byte: in place when there is room (what jx_buf_add would
 * do, without its call to memcpy for one byte). */
int jx_buf_addc(struct jx_buf *b, char c)
{
    if (b->len < b->max && b->len + 2 <= b->cap) {
        b->p[b->len++] = c;
        b->p[b->len] = '\0';
        return 0;
    }
    return jx_buf_add(b, &c, 1);
}

/* True when s is a plain decimal number: an optional sign, digits, an
 * optional point and digits. */
static bool csv_plain_number(const char *s)
{
    const char *p = s;
    if (*p == '-' || *p == '+') {
        p++;
    }
    size_t digits = 0;
    while (*p >= '0' && *p <= '9') {
        p++;
        digits++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++;
            digits++;
        }
    }
    return digits > 0 && *p == '\0';
}

/* See base.h. */
int jx_buf_csv_field(struct jx_buf *b, const char *s)
{
    int rc = 0;
    bool formula = strchr("=+-@\t\r", s[0]) && s[0] && !csv_plain_number(s);
    if (!formula && !strpbrk(s, ",\"\r\n")) {
        return jx_buf_adds(b, s);
    }
    rc |= jx_buf_addc(b, '"');
    if (formula) {
        rc |= jx_buf_addc(b, '\'');
    }
    for (const char *p = s; *p; p++) {
        if (*p == '"') {
            rc |= jx_buf_addc(b, '"');
        }
        rc |= jx_buf_addc(b, *p);
    }
    rc |= jx_buf_addc(b, '"');
    return rc ? -1 : 0;
}

/* Append formatted text from a va_list. */
int jx_buf_vaddf(struct jx_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    char probe[256]; /* most results fit: formatted once, then copied */
    if (!fmt) {
        JX_BUG("NULL format");
    }
    va_copy(ap2, ap);
    int n = fast_format(probe, sizeof probe, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        va_copy(ap2, ap);
        n = vsnprintf(probe, sizeof probe, fmt, ap2);
        va_end(ap2);
    }
    if (n < 0) {
        JX_BUG("vsnprintf failed");
    }
    if (buf_grow(b, (size_t)n) < 0) {
        return -1;
    }
    if ((size_t)n < sizeof probe) {
        memcpy(b->p + b->len, probe, (size_t)n + 1);
    } else {
        vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
    return 0;
}

/* Append formatted text. */
int jx_buf_addf(struct jx_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int r = jx_buf_vaddf(b, fmt, ap);
    va_end(ap);
    return r;
}

/* Give the contents away (always a malloc'd string) and empty b. */
char *jx_buf_detach(struct jx_buf *b, size_t *len)
{
    char *p;
    if (b->cap) {
        p = b->p;
    } else {
        p = jx_xmalloc(1);
        p[0] = '\0';
    }
    if (len) {
        *len = b->len;
    }
    jx_buf_init(b, b->max);
    return p;
}

/* ---- UTF-8 --------------------------------------------------------- */

/* Decode one code point with utf8proc; -1 when invalid. */
int jx_utf8_decode(const char *s, size_t n, int32_t *cp)
{
    if (n == 0) {
        return -1;
    }
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *cp = u[0]; /* ASCII, the usual case */
        return 1;
    }
    if (n >= 3 && ((u[0] >= 0xE1 && u[0] <= 0xEC) || u[0] == 0xEE ||
                   u[0] == 0xEF) &&
        (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        /* three bytes that can be neither overlong (E0) nor a surrogate
         * (ED): most CJK text */
        *cp = (int32_t)((u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 |
                        (u[2] & 0x3Fu));
        return 3;
    }
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                          (utf8proc_ssize_t)(n > 4 ? 4 : n),
                                          &c);
    if (k <= 0) {
        return -1;
    }
    *cp = c;
    return (int)k;
}

/* Count code points; an invalid byte counts as one. */
size_t jx_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    size_t i = 0;
    const unsigned char *u = (const unsigned char *)s;
    while (i < n) {
        /* the two usual cases inline, as jx_utf8_decode reads them */
        if (u[i] < 0x80) {
            i++;
            count++;
            continue;
        }
        if (n - i >= 3 &&
            ((u[i] >= 0xE1 && u[i] <= 0xEC) || u[i] == 0xEE ||
             u[i] == 0xEF) &&
            (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            i += 3;
            count++;
            continue;
        }
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        i += k > 0 ? (size_t)k : 1;
        count++;
    }
    return count;
}

/* Blank for a text bag (base.h). */
bool jx_text_bag_blank(int32_t cp)
{
    return cp == ' ' || cp == '\n' || cp == '\r' || cp == '\t' ||
           cp == 0xA0 || cp == 0x3000 || cp < 0x20;
}

/* Add the non-blank characters of s[0..n) to bag: each code point
 * mixed (a 32-bit integer finaliser) and summed, so order does not
 * matter. */
void jx_text_bag_add(struct jx_text_bag *bag, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k <= 0) {
            k = 1;
            cp = 0xFFFD;
        }
        i += (size_t)k;
        if (jx_text_bag_blank(cp)) {
            continue;
        }
        uint32_t x = (uint32_t)cp * 0x9E3779B1u;
        x ^= x >> 15;
        x *= 0x85EBCA77u;
        x ^= x >> 13;
        x *= 0xC2B2AE3Du;
        x ^= x >> 16;
        bag->n++;
        bag->hash += x;
    }
}

/* Display width: utf8proc's charwidth, with ambiguous CJK punctuation
 * counted wide as Chinese terminals do. */
size_t jx_utf8_width(const char *s)
{
    size_t n = strlen(s);
    size_t w = 0;
    size_t i = 0;
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            w++;
            i++;
            continue;
        }
        int cw = utf8proc_charwidth(cp);
        if (cp >= 0x2000 && cp <= 0x303F && cw == 1) {
            cw = (cp == 0x2014 || cp == 0x2026 || cp == 0x201C ||
                  cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
                  cp >= 0x3000) ? 2 : 1;
        }
        w += cw > 0 ? (size_t)cw : 0;
        i += (size_t)k;
    }
    return w;
}

/* Append s padded with spaces to display width w. */
int jx_buf_addpad(struct jx_buf *b, const char *s, size_t w, bool right)
{
    size_t sw = jx_utf8_width(s);
    size_t pad = sw < w ? w - sw : 0;
    if (!right && jx_buf_adds(b, s) < 0) {
        return -1;
    }
    for (size_t i = 0; i < pad; i++) {
        if (jx_buf_addc(b, ' ') < 0) {
            return -1;
        }
    }
    if (right && jx_buf_adds(b, s) < 0) {
        return -1;
    }
    return 0;
}

/* ---- files --------------------------------------------------------- */

/* Read a whole file (or stdin for "-") with a size cap. */
int jx_read_file(const char *path, size_t max, char **out, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        return -1;
    }
    struct jx_buf b;
    jx_buf_init(&b, max);
    char chunk[65536];
    size_t k;
    int rc = 0;
    errno = 0;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (jx_buf_add(&b, chunk, k) < 0) {
            errno = EFBIG;
            rc = -1;
            break;
        }
    }
    if (rc == 0 && ferror(f)) {
        if (errno == 0) {
            errno = EIO;
        }
        rc = -1; /* errno says why (EISDIR for a directory) */
    }
    if (f != stdin) {
        int saved = errno;
        fclose(f);
        errno = saved;
    }
    if (rc < 0) {
        int saved = errno;
        jx_buf_release(&b);
        errno = saved;
        return -1;
    }
    *out = jx_buf_detach(&b, len);
    return 0;
}

/* Chinese wordings of the common system errors (jx_errno_zh). */
static const struct {
    int err;
    const char *zh;
} errno_zh[] = {
    {ENOENT, "文件或目录不存在"},
    {EACCES, "没有访问权限"},
    {EISDIR, "这是一个目录，不是文件"},
    {ENOTDIR, "路径中有一部分不是目录"},
    {ENOSPC, "磁盘空间不足"},
    {EROFS, "文件系统是只读的"},
    {EEXIST, "文件已存在"},
    {ELOOP, "符号链接层数过多（可能是循环链接）"},
    {ENAMETOOLONG, "文件名过长"},
    {EMFILE, "打开的文件过多"},
    {EIO, "输入输出错误（磁盘或设备故障）"},
    {EPERM, "不允许的操作"},
    {ENOMEM, "内存不足"},
    {EFBIG, "文件过大"},
    {EDQUOT, "磁盘配额已用完"},
    {ENFILE, "系统打开的文件过多"},
    {ENOTEMPTY, "目录不是空的"},
    {EXDEV, "不能跨文件系统移动"},
    {EBUSY, "设备或资源忙"},
    {ETXTBSY, "文件正在被使用"},
};

/* Names of other system errors (jx_errno_zh's fallback). */
static const struct {
    int err;
    const char *name;
} errno_names[] = {
    {EINTR, "EINTR"},   {ENXIO, "ENXIO"},         {E2BIG, "E2BIG"},
    {EBADF, "EBADF"},   {EAGAIN, "EAGAIN"},       {EFAULT, "EFAULT"},
    {ENODEV, "ENODEV"}, {EINVAL, "EINVAL"},       {ENOTTY, "ENOTTY"},
    {ESPIPE, "ESPIPE"}, {EMLINK, "EMLINK"},       {EPIPE, "EPIPE"},
    {EDOM, "EDOM"},     {ERANGE, "ERANGE"},       {EDEADLK, "EDEADLK"},
    {ENOLCK, "ENOLCK"}, {ENOSYS, "ENOSYS"},       {EOVERFLOW, "EOVERFLOW"},
    {ESTALE, "ESTALE"}, {ETIMEDOUT, "ETIMEDOUT"}, {ENOTSUP, "ENOTSUP"},
    {ESRCH, "ESRCH"},   {ECHILD, "ECHILD"},       {ECONNREFUSED, "ECONNREFUSED"},
    {EILSEQ, "EILSEQ"}, {ECANCELED, "ECANCELED"}, {ENOTCONN, "ENOTCONN"},
};

/* The Chinese wording of err (see base.h). */
const char *jx_errno_zh(int err)
{
    for (size_t i = 0; i < sizeof errno_zh / sizeof errno_zh[0]; i++) {
        if (errno_zh[i].err == err) {
            return errno_zh[i].zh;
        }
    }
    static _Thread_local char buf[64];
    for (size_t i = 0; i < sizeof errno_names / sizeof errno_names[0]; i++) {
        if (errno_names[i].err == err) {
            snprintf(buf, sizeof buf, "系统错误 %s", errno_names[i].name);
            return buf;
        }
    }
    snprintf(buf, sizeof buf, "系统错误（错误号 %d）", err);
    return buf;
}

/* A malloc'd copy of path. */
static char *copy_path(const char *path)
{
    size_t n = strlen(path) + 1;
    return memcpy(jx_xmalloc(n), path, n);
}

/* Where writing path puts the file (see base.h). */
int jx_out_path(const char *path, char **real)
{
    *real = NULL;
    struct stat st;
    if (lstat(path, &st) < 0) {
        if (errno != ENOENT) {
            return -1;
        }
        *real = copy_path(path);
        return 0;
    }
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return -1;
    }
    if (!S_ISLNK(st.st_mode)) {
        *real = copy_path(path);
        return 0;
    }
    char *r = realpath(path, NULL);
    if (!r) {
        return -1; /* ELOOP, or ENOENT for a dangling link */
    }
    if (stat(r, &st) == 0 && S_ISDIR(st.st_mode)) {
        free(r);
        errno = EISDIR;
        return -1;
    }
    *real = r;
    return 0;
}

/* Write to a temporary file beside path, fsync, then rename over path. */
int jx_write_file_atomic(const char *path, const void *data, size_t len)
{
    char *real;
    if (jx_out_path(path, &real) < 0) {
        return -1;
    }
    path = real;
    struct jx_buf tmp;
    jx_buf_init(&tmp, 8192);
    if (jx_buf_addf(&tmp, "%s.tmp.%ld", path, (long)getpid()) < 0) {
        jx_buf_release(&tmp);
        free(real);
        errno = ENAMETOOLONG;
        return -1;
    }
    int fd = open(tmp.p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        int saved = errno;
        jx_buf_release(&tmp);
        free(real);
        errno = saved;
        return -1;
    }
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            goto fail;
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) < 0 && errno != EINVAL) {
        goto fail;
    }
    if (close(fd) < 0) {
        fd = -1;
        goto fail;
    }
    fd = -1;
    if (rename(tmp.p, path) < 0) {
        goto fail;
    }
    jx_buf_release(&tmp);
    free(real);
    return 0;
fail:;
    int saved = errno;
    if (fd >= 0) {
        close(fd);
    }
    unlink(tmp.p);
    jx_buf_release(&tmp);
    free(real);
    errno = saved;
    return -1;
}

/* Optimal string alignment distance of a and b (99 when long). */
size_t jx_edit_distance(const char *a, size_t n, const char *b, size_t m)
{
    if (n > 64 || m > 64) {
        return 99;
    }
    size_t r0[65], r1[65], r2[65];
    size_t *pp = r0, *p = r1, *cur = r2;
    for (size_t j = 0; j <= m; j++) {
        p[j] = j;
    }
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = p[j] + 1;
            if (cur[j - 1] + 1 < best) {
                best = cur[j - 1] + 1;
            }
            if (p[j - 1] + cost < best) {
                best = p[j - 1] + cost;
            }
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && pp[j - 2] + 1 < best) {
                best = pp[j - 2] + 1;
            }
            cur[j] = best;
        }
        size_t *t = pp;
        pp = p;
        p = cur;
        cur = t;
    }
    return p[m];
}

/* Days in month m of year y (proleptic Gregorian). */
int jx_days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) {
        return 29;
    }
    return days[m - 1];
}

/* Parse exactly "YYYY-MM-DD" (a real date, year 1..9999). */
bool jx_ymd_parse(const char *s, size_t n, int *y, int *m, int *d)
{
    if (n != 10 || s[4] != '-' || s[7] != '-') {
        return false;
    }
    int v[3] = {0, 0, 0};
    static const size_t start[3] = {0, 5, 8}, len[3] = {4, 2, 2};
    for (int k = 0; k < 3; k++) {
        for (size_t i = start[k]; i < start[k] + len[k]; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
            v[k] = v[k] * 10 + (s[i] - '0');
        }
    }
    if (v[0] < 1 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
        v[2] > jx_days_in_month(v[0], v[1])) {
        return false;
    }
    *y = v[0];
    *m = v[1];
    *d = v[2];
    return true;
}

/* Append s[0..n) as XML-safe UTF-8 (base.h). */
size_t jx_utf8_xml(struct jx_buf *out, const char *s, size_t n,
                   bool keep_tab_nl, size_t max_chars, bool *cut)
{
    size_t repaired = 0, chars = 0, i = 0;
    if (cut) {
        *cut = false;
    }
    while (i < n) {
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (chars == max_chars) {
            if (cut) {
                *cut = true;
            }
            break;
        }
        if (k < 0 || cp == 0xFFFE || cp == 0xFFFF) {
            jx_buf_add(out, "\xEF\xBF\xBD", 3);
            repaired++;
            chars++;
            i += k > 0 ? (size_t)k : 1;
        } else if ((cp < 0x20 && !(keep_tab_nl && (cp == '\t' || cp == '\n'))) ||
                   cp == 0x7F) {
            repaired++;
            i += (size_t)k;
        } else {
            jx_buf_add(out, s + i, (size_t)k);
            chars++;
            i += (size_t)k;
        }
    }
    return repaired;
}
