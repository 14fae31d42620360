/*
 * web_cache.c - the year overview's cache (see web_cache.h).  A table of
 * at most JX_WEB_CACHE_YEARS entries under one mutex; each entry owns an
 * arena with the year's status, is reference counted while requests
 * render from it, and is freed when it is both out of the table (stale
 * or evicted) and no longer held.  A miss puts a "filling" entry in the
 * table before computing outside the lock, so that other threads asking
 * for the same year and generation wait for it instead of computing it
 * again.  The sort orders beyond the ranking are made on first use
 * (outside the lock, then kept unless another thread was first).
 */
#include "web/web_cache.h"

#include <pthread.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/store.h"
#include "web/web_impl.h"

/* An entry: the public part first. */
struct entry {
    struct jx_web_year y;
    struct jx_arena *a;          /* owns y.st and y.order[0], the lists */
    int refs;                    /* requests holding it */
    bool in_table;
    bool filling;                /* being computed: wait on ready */
    int rc;                      /* the fill's outcome: 0, 1, -1 */
    uint64_t used;               /* last use, for eviction */
    struct {
        int key;
        long page;
        char *html;              /* malloc'd */
    } pages[JX_WEB_CACHE_PAGES];
    size_t npages;
};

/* See web_cache.h. */
struct jx_web_cache {
    pthread_mutex_t mu;
    pthread_cond_t ready;
    struct entry *e[JX_WEB_CACHE_YEARS];
    uint64_t clock;
    uint64_t fills;
    /* the warm start (jx_web_warm): the year being rescored (0: none),
     * its units done of total, and whether to stop */
    int warm_year;
    size_t warm_done, warm_total;
    bool warm_stop;
    struct {
        char *key;               /* malloc'd, NULL: free slot */
        char *data;              /* malloc'd */
        size_t len;
        uint64_t used;
    } blobs[JX_WEB_BLOBS];
};

/* See web_cache.h. */
struct jx_web_cache *jx_web_cache_new(void)
{
    struct jx_web_cache *k = jx_xmalloc(sizeof *k);
    memset(k, 0, sizeof *k);
    pthread_mutex_init(&k->mu, NULL);
    pthread_cond_init(&k->ready, NULL);
    return k;
}

/* Free an entry and what it owns (the extra orders are malloc'd). */
static void entry_free(struct entry *e)
{
    if (!e) {
        return;
    }
    for (int i = 1; i < JX_WEB_CACHE_ORDERS; i++) {
        free((void *)e->y.order[i]);
    }
    for (size_t i = 0; i < e->npages; i++) {
        free(e->pages[i].html);
    }
    jx_arena_free(e->a);
    free(e);
}

/* See web_cache.h. */
void jx_web_cache_free(struct jx_web_cache *k)
{
    if (!k) {
        return;
    }
    for (int i = 0; i < JX_WEB_CACHE_YEARS; i++) {
        entry_free(k->e[i]);
    }
    for (int i = 0; i < JX_WEB_BLOBS; i++) {
        free(k->blobs[i].key);
        free(k->blobs[i].data);
    }
    pthread_cond_destroy(&k->ready);
    pthread_mutex_destroy(&k->mu);
    free(k);
}

/* Take entry slot i out of the table (under the lock); freed now when
 * nobody holds it, else by the last jx_web_year_put. */
static void unlink_slot(struct jx_web_cache *k, int i)
{
    struct entry *e = k->e[i];
    k->e[i] = NULL;
    e->in_table = false;
    if (e->refs == 0) {
        entry_free(e);
    }
}

/* The distinct non-empty values of a field of st's units (supervisor
 * when sup, else region), in code order of first use, at most 200: in
 * a, count in *n. */
static const char **distinct(struct jx_arena *a, const struct jx_ws_status *st,
                             bool sup, size_t *n)
{
    const char **v = jx_alloc_array(a, st->n ? st->n : 1, sizeof *v);
    size_t k = 0;
    for (size_t i = 0; i < st->n && k < 200; i++) {
        const char *s = sup ? st->units[i].supervisor : st->units[i].region;
        bool seen = !s || !*s;
        for (size_t j = 0; j < k && !seen; j++) {
            seen = strcmp(v[j], s) == 0;
        }
        if (!seen) {
            v[k++] = s;
        }
    }
    *n = k;
    return v;
}

/* Copy unit u into *o in a: its strings, of its assessment only a stub
 * (scored, njudge, the total's value: what the export reads; the
 * pages read its total and grade, kept as text). */
static void unit_copy(struct jx_arena *a, const struct jx_ws_unit_status *u,
                      struct jx_ws_unit_status *o)
{
    *o = *u;
    o->code = jx_strdup(a, u->code);
    o->name = jx_strdup(a, u->name);
    o->supervisor = jx_strdup(a, u->supervisor);
    o->region = jx_strdup(a, u->region);
    o->timeliness.submit.why = jx_strdup(a, u->timeliness.submit.why);
    o->timeliness.publish.why = jx_strdup(a, u->timeliness.publish.why);
    o->self_stated = jx_strdup(a, u->self_stated);
    o->self_value = jx_strdup(a, u->self_value);
    o->self_grade = jx_strdup(a, u->self_grade);
    o->assessment = NULL;
    if (u->assessment) {
        /* what the export reads of it: whether the 考核分 is final */
        struct jx_fw_result *r = jx_alloc(a, sizeof *r);
        memset(r, 0, sizeof *r);
        r->scored = u->assessment->scored;
        r->njudge = u->assessment->njudge;
        r->total.has_value = u->assessment->total.has_value;
        r->total.value = u->assessment->total.value;
        o->assessment = r;
    }
    o->assess_total = jx_strdup(a, u->assess_total);
    o->assess_grade = jx_strdup(a, u->assess_grade);
    o->review = jx_strdup(a, u->review);
    o->review_full = jx_strdup(a, u->review_full);
    o->review_note = jx_strdup(a, u->review_note);
}

/* Compute e's year with s (in a scratch arena: jx_ws_status leaves
 * much there — each unit's 考核 result, the rows read) and keep only
 * what the pages show in e's arena: 0, 1 (not set up), -1. */
static int fill(struct entry *e, struct jx_web_app *app, struct jx_store *s)
{
    struct jx_arena *tmp = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, tmp);
    struct jx_ws_status st;
    int rc = jx_ws_status(tmp, s, e->y.year, app->cfg.fwdir,
                          app->cfg.caldir, &st, &d);
    jx_diags_release(&d); /* W022 is the page's 404 */
    if (rc != 0) {
        jx_arena_free(tmp);
        return rc;
    }
    const struct jx_ws_unit_status **ranked = jx_ws_status_ranked(tmp, &st);
    /* the 考核评分表's cells, while the assessments are here */
    const struct jx_fw_result *first = NULL;
    for (size_t i = 0; i < st.n && !first; i++) {
        first = ranked[i]->assessment;
    }
    size_t nitems = first ? first->nitems : 0;
    e->y.assess_heads = jx_web_assess_heads(e->a, first);
    e->y.assess_cells = jx_alloc_array(e->a, st.n ? st.n : 1,
                                       sizeof *e->y.assess_cells);
    for (size_t i = 0; i < st.n; i++) {
        const struct jx_fw_result *r = st.units[i].assessment;
        e->y.assess_bands[jx_web_assess_band(r)]++;
        e->y.assess_cells[i] = jx_web_assess_cells(e->a, r, nitems);
    }
    struct jx_ws_status *k = &e->y.st;
    k->year = st.year;
    k->framework = jx_strdup(e->a, st.framework);
    k->n = st.n;
    k->units = jx_alloc_array(e->a, st.n ? st.n : 1, sizeof *k->units);
    for (size_t i = 0; i < st.n; i++) {
        unit_copy(e->a, &st.units[i], &k->units[i]);
    }
    const struct jx_ws_unit_status **order =
        jx_alloc_array(e->a, st.n ? st.n : 1, sizeof *order);
    for (size_t i = 0; i < st.n; i++) {
        order[i] = &k->units[ranked[i] - st.units];
    }
    e->y.order[0] = order;
    jx_arena_free(tmp);
#ifdef __GLIBC__
    malloc_trim(0); /* the scratch arena's pages back to the system */
#endif
    e->y.supervisors = distinct(e->a, k, true, &e->y.nsupervisors);
    e->y.regions = distinct(e->a, k, false, &e->y.nregions);
    return 0;
}

/* A new entry for year at gen, held once. */
static struct entry *entry_new(int year, int64_t gen)
{
    struct entry *e = jx_xmalloc(sizeof *e);
    memset(e, 0, sizeof *e);
    e->a = jx_arena_new();
    e->y.year = year;
    e->y.gen = gen;
    e->refs = 1;
    return e;
}

/* See web_cache.h. */
int jx_web_year_get(struct jx_web_app *app, struct jx_store *s, int year,
                    int64_t gen, const struct jx_web_year **out)
{
    struct jx_web_cache *k = app->cache;
    if (gen < 0 && jx_store_generation(s, &gen) < 0) {
        /* no generation to trust: a private entry */
        struct entry *e = entry_new(year, -1);
        int rc = fill(e, app, s);
        if (rc != 0) {
            entry_free(e);
            return rc;
        }
        *out = &e->y;
        return 0;
    }
    pthread_mutex_lock(&k->mu);
    for (;;) {
        int hit = -1;
        for (int i = 0; i < JX_WEB_CACHE_YEARS; i++) {
            struct entry *e = k->e[i];
            if (!e || e->y.year != year) {
                continue;
            }
            if (e->y.gen >= gen) {
                hit = i; /* this generation, or a later one */
            } else if (e->y.gen < gen && !e->filling) {
                unlink_slot(k, i); /* stale */
            }
        }
        if (hit < 0) {
            break;
        }
        struct entry *e = k->e[hit];
        if (e->filling) {
            pthread_cond_wait(&k->ready, &k->mu);
            continue; /* look again: it may have failed */
        }
        e->used = ++k->clock;
        if (e->rc != 0) {
            pthread_mutex_unlock(&k->mu);
            return e->rc; /* cannot be 1: those leave the table */
        }
        e->refs++;
        pthread_mutex_unlock(&k->mu);
        *out = &e->y;
        return 0;
    }
    /* a miss: a slot (an empty one, else the least recently used that
     * nobody is filling) for the entry being filled */
    struct entry *e = entry_new(year, gen);
    e->filling = true;
    e->in_table = true;
    e->used = ++k->clock;
    int slot = -1;
    for (int i = 0; i < JX_WEB_CACHE_YEARS; i++) {
        if (!k->e[i]) {
            slot = i;
            break;
        }
        if (!k->e[i]->filling &&
            (slot < 0 || k->e[i]->used < k->e[slot]->used)) {
            slot = i;
        }
    }
    if (slot >= 0 && k->e[slot]) {
        unlink_slot(k, slot);
    }
    if (slot >= 0) {
        k->e[slot] = e;
    } else {
        e->in_table = false; /* every slot filling: go alone */
    }
    k->fills++;
    pthread_mutex_unlock(&k->mu);

    int rc = fill(e, app, s);

    pthread_mutex_lock(&k->mu);
    e->filling = false;
    e->rc = rc;
    if (rc != 0 && e->in_table) { /* failures and absent years leave */
        for (int i = 0; i < JX_WEB_CACHE_YEARS; i++) {
            if (k->e[i] == e) {
                k->e[i] = NULL;
            }
        }
        e->in_table = false;
    }
    pthread_cond_broadcast(&k->ready);
    if (rc != 0) {
        e->refs--;
        if (e->refs == 0 && !e->in_table) {
            entry_free(e);
        }
        pthread_mutex_unlock(&k->mu);
        return rc;
    }
    pthread_mutex_unlock(&k->mu);
    *out = &e->y;
    return rc;
}

/* See web_cache.h. */
void jx_web_year_put(struct jx_web_app *app, const struct jx_web_year *y)
{
    if (!y) {
        return;
    }
    struct entry *e = (struct entry *)(void *)((char *)(uintptr_t)y -
                                               offsetof(struct entry, y));
    if (y->gen < 0) {
        entry_free(e); /* private */
        return;
    }
    struct jx_web_cache *k = app->cache;
    pthread_mutex_lock(&k->mu);
    e->refs--;
    if (e->refs == 0 && !e->in_table) {
        entry_free(e);
    }
    pthread_mutex_unlock(&k->mu);
}

/* See web_cache.h. */
const struct jx_ws_unit_status *const *jx_web_year_order(
    struct jx_web_app *app, const struct jx_web_year *y, int key,
    int (*cmp)(const void *, const void *))
{
    if (key <= 0 || key >= JX_WEB_CACHE_ORDERS) {
        return y->order[0];
    }
    struct entry *e = (struct entry *)(void *)((char *)(uintptr_t)y -
                                               offsetof(struct entry, y));
    struct jx_web_cache *k = app->cache;
    bool priv = y->gen < 0;
    if (!priv) {
        pthread_mutex_lock(&k->mu);
    }
    const struct jx_ws_unit_status **v = e->y.order[key];
    if (!priv) {
        pthread_mutex_unlock(&k->mu);
    }
    if (v) {
        return v;
    }
    size_t n = y->st.n;
    v = jx_xmalloc((n ? n : 1) * sizeof *v);
    memcpy(v, y->order[0], n * sizeof *v);
    qsort(v, n, sizeof *v, cmp);
    if (priv) {
        e->y.order[key] = v;
        return v;
    }
    pthread_mutex_lock(&k->mu);
    if (e->y.order[key]) {
        free(v); /* another thread was first */
        v = e->y.order[key];
    } else {
        e->y.order[key] = v;
    }
    pthread_mutex_unlock(&k->mu);
    return v;
}

/* The entry of a handed-out year. */
static struct entry *entry_of(const struct jx_web_year *y)
{
    return (struct entry *)(void *)((char *)(uintptr_t)y -
                                    offsetof(struct entry, y));
}

/* See web_cache.h. */
const char *jx_web_year_rows(struct jx_web_app *app,
                             const struct jx_web_year *y, int key, long page)
{
    struct entry *e = entry_of(y);
    bool priv = y->gen < 0;
    if (!priv) {
        pthread_mutex_lock(&app->cache->mu);
    }
    const char *r = NULL;
    for (size_t i = 0; i < e->npages && !r; i++) {
        if (e->pages[i].key == key && e->pages[i].page == page) {
            r = e->pages[i].html;
        }
    }
    if (!priv) {
        pthread_mutex_unlock(&app->cache->mu);
    }
    return r;
}

/* See web_cache.h. */
bool jx_web_year_rows_keep(struct jx_web_app *app, const struct jx_web_year *y,
                           int key, long page, char *html)
{
    struct entry *e = entry_of(y);
    bool priv = y->gen < 0;
    if (!priv) {
        pthread_mutex_lock(&app->cache->mu);
    }
    bool taken = e->npages < JX_WEB_CACHE_PAGES;
    for (size_t i = 0; i < e->npages && taken; i++) {
        taken = !(e->pages[i].key == key && e->pages[i].page == page);
    }
    if (taken) {
        e->pages[e->npages].key = key;
        e->pages[e->npages].page = page;
        e->pages[e->npages].html = html;
        e->npages++;
    }
    if (!priv) {
        pthread_mutex_unlock(&app->cache->mu);
    }
    return taken;
}

/* See web_cache.h. */
uint64_t jx_web_cache_fills(const struct jx_web_app *app)
{
    struct jx_web_cache *k = app->cache;
    pthread_mutex_lock(&k->mu);
    uint64_t n = k->fills;
    pthread_mutex_unlock(&k->mu);
    return n;
}

/* See web_cache.h. */
char *jx_web_blob_get(struct jx_web_app *app, const char *key,
                      struct jx_arena *a, size_t *len)
{
    struct jx_web_cache *k = app->cache;
    char *out = NULL;
    pthread_mutex_lock(&k->mu);
    for (int i = 0; i < JX_WEB_BLOBS && !out; i++) {
        if (k->blobs[i].key && strcmp(k->blobs[i].key, key) == 0) {
            k->blobs[i].used = ++k->clock;
            *len = k->blobs[i].len;
            out = jx_alloc(a, *len + 1);
            memcpy(out, k->blobs[i].data, *len);
            out[*len] = '\0';
        }
    }
    pthread_mutex_unlock(&k->mu);
    return out;
}

/* See web_cache.h. */
bool jx_web_blob_send(struct jx_web_app *app, const char *key,
                      struct jx_web_response *resp, const char *type)
{
    struct jx_web_cache *k = app->cache;
    bool found = false;
    pthread_mutex_lock(&k->mu);
    for (int i = 0; i < JX_WEB_BLOBS && !found; i++) {
        if (k->blobs[i].key && strcmp(k->blobs[i].key, key) == 0) {
            k->blobs[i].used = ++k->clock;
            jx_web_send_bytes(resp, 200, type, k->blobs[i].data,
                              k->blobs[i].len);
            found = true;
        }
    }
    pthread_mutex_unlock(&k->mu);
    return found;
}

/* See web_cache.h. */
void jx_web_blob_keep(struct jx_web_app *app, const char *key,
                      const char *data, size_t len)
{
    if (len > JX_WEB_BLOB_MAX) {
        return;
    }
    char *d = jx_xmalloc(len ? len : 1);
    memcpy(d, data, len);
    size_t kl = strlen(key);
    char *kc = jx_xmalloc(kl + 1);
    memcpy(kc, key, kl + 1);
    struct jx_web_cache *k = app->cache;
    pthread_mutex_lock(&k->mu);
    int slot = 0;
    for (int i = 0; i < JX_WEB_BLOBS; i++) {
        if (k->blobs[i].key && strcmp(k->blobs[i].key, key) == 0) {
            slot = -1; /* another thread kept it first */
            break;
        }
        if (!k->blobs[i].key) {
            if (k->blobs[slot].key) {
                slot = i;
            }
        } else if (k->blobs[slot].key &&
                   k->blobs[i].used < k->blobs[slot].used) {
            slot = i;
        }
    }
    if (slot >= 0) {
        free(k->blobs[slot].key);
        free(k->blobs[slot].data);
        k->blobs[slot].key = kc;
        k->blobs[slot].data = d;
        k->blobs[slot].len = len;
        k->blobs[slot].used = ++k->clock;
        kc = NULL;
        d = NULL;
    }
    pthread_mutex_unlock(&k->mu);
    free(kc);
    free(d);
}

/* See web_cache.h. */
bool jx_web_warming(struct jx_web_app *app, int year, size_t *done,
                    size_t *total)
{
    struct jx_web_cache *k = app->cache;
    pthread_mutex_lock(&k->mu);
    bool on = k->warm_year != 0 && k->warm_year == year;
    *done = k->warm_done;
    *total = k->warm_total;
    pthread_mutex_unlock(&k->mu);
    return on;
}

/* What a warm's progress calls back with. */
struct warm {
    struct jx_web_app *app;
    int year;
    const size_t *written;       /* rows rewritten so far */
    void (*hook)(void *);
    void *hook_ctx;
};

/* Record a warm's progress (jx_ws_rescore_batched's callback): the
 * overview's notice from the first row rewritten on (a year whose rows
 * are current is only read through, the overview served meanwhile as
 * usual); false when jx_web_warm_stop asked it to stop. */
static bool warm_progress(void *ctx, size_t done, size_t total)
{
    struct warm *w = ctx;
    struct jx_web_cache *k = w->app->cache;
    pthread_mutex_lock(&k->mu);
    k->warm_year = *w->written > 0 ? w->year : 0;
    k->warm_done = done;
    k->warm_total = total;
    bool go = !k->warm_stop;
    pthread_mutex_unlock(&k->mu);
    if (w->hook) {
        w->hook(w->hook_ctx);
    }
    return go;
}

/* See web.h. */
int jx_web_warm(struct jx_web_app *app, struct jx_store *s,
                void (*hook)(void *), void *hook_ctx)
{
    struct jx_web_cache *k = app->cache;
    struct jx_stmt *st =
        jx_stmt_prepare(s, "SELECT year FROM years ORDER BY year DESC");
    if (!st) {
        return -1;
    }
    int years[64];               /* the 64 newest: more is not a portal's */
    size_t n = 0;
    enum jx_step r;
    while ((r = jx_stmt_step(st)) == JX_STEP_ROW) {
        if (n < sizeof years / sizeof years[0]) {
            years[n++] = (int)jx_stmt_int(st, 0);
        }
    }
    jx_stmt_finalize(st);
    int rc = r == JX_STEP_DONE ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        pthread_mutex_lock(&k->mu);
        bool stop = k->warm_stop;
        pthread_mutex_unlock(&k->mu);
        if (stop) {
            break;
        }
        size_t nw = 0;
        struct warm w = {app, years[i], &nw, hook, hook_ctx};
        struct jx_arena *a = jx_arena_new();
        struct jx_diags d;
        jx_diags_init(&d, a);
        rc = jx_ws_rescore_batched(s, years[i], app->cfg.fwdir,
                                   app->cfg.caldir, JX_WEB_WARM_BATCH,
                                   warm_progress, &w, &nw, &d);
        jx_diags_release(&d);
        jx_arena_free(a);
    }
    pthread_mutex_lock(&k->mu);
    k->warm_year = 0;
    k->warm_done = k->warm_total = 0;
    pthread_mutex_unlock(&k->mu);
    return rc;
}

/* See web.h. */
void jx_web_warm_stop(struct jx_web_app *app)
{
    struct jx_web_cache *k = app->cache;
    pthread_mutex_lock(&k->mu);
    k->warm_stop = true;
    pthread_mutex_unlock(&k->mu);
}
