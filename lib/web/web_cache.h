/*
 * web_cache.h - the year overview's cache (issue 14, the portal under
 * load): per process, each year's computed status (jx_ws_status), its
 * ranking and other sort orders and the filters' choices, valid while
 * the store's generation (jx_store_generation) stays the same.  Shared
 * by the worker threads: a mutex guards the table, the status is
 * computed outside it, once per year and generation (the others wait).
 */
#ifndef JIXIAO_WEB_CACHE_H
#define JIXIAO_WEB_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jixiao/wsflow.h"

struct jx_web_app;
struct jx_store;

/* The most years kept at once (the least recently used goes). */
#define JX_WEB_CACHE_YEARS 4
/* Sort orders a year keeps (0: the ranking, jx_ws_status_ranked). */
#define JX_WEB_CACHE_ORDERS 8
/* Rendered pages of rows a year keeps (the first asked for). */
#define JX_WEB_CACHE_PAGES 32

/* The score bands of the 考核评分表's histogram. */
#define JX_WEB_BANDS 5

struct jx_fw_result;

/* The band (0 .. JX_WEB_BANDS-1) of a unit's 考核 result r (NULL
 * allowed: no 考核分), the header cells of r's items (HTML, in a) and
 * the cells of its first nitems items (HTML, in a) (web_bureau.c). */
int jx_web_assess_band(const struct jx_fw_result *r);
char *jx_web_assess_heads(struct jx_arena *a, const struct jx_fw_result *r);
char *jx_web_assess_cells(struct jx_arena *a, const struct jx_fw_result *r,
                          size_t nitems);

/* One year's computed overview, read-only to its users (owned by the
 * cache; hold it between jx_web_year_get and jx_web_year_put). */
struct jx_web_year {
    int year;
    int64_t gen;                 /* the store's generation it was read at */
    struct jx_ws_status st;      /* all in the entry's arena; of every
                                    unit's assessment only scored,
                                    njudge and total's value are kept
                                    (no items: its total and grade are
                                    kept as text, its cells below) */
    const struct jx_ws_unit_status **order[JX_WEB_CACHE_ORDERS];
    const char **supervisors;    /* distinct non-empty values, code order */
    size_t nsupervisors;
    const char **regions;
    size_t nregions;
    /* the 考核评分表 (web_bureau.c), derived while each unit's
       assessment is at hand: the items' header cells, each unit's item
       cells (by index in st.units; HTML), the count of units in each
       score band */
    const char *assess_heads;
    const char **assess_cells;
    size_t assess_bands[JX_WEB_BANDS];
};

/* The cache's state (web_cache.c). */
struct jx_web_cache;

/* A new empty cache / free one (with every entry; none may be held). */
struct jx_web_cache *jx_web_cache_new(void);

/* Units rescored per transaction by the warm start (jx_web_warm). */
#define JX_WEB_WARM_BATCH 200

/* Whether jx_web_warm is rescoring year now (from its first row
 * rewritten on): *done units of *total. */
bool jx_web_warming(struct jx_web_app *app, int year, size_t *done,
                    size_t *total);
void jx_web_cache_free(struct jx_web_cache *k);

/* The overview of year, computed with s (gen: the store's generation
 * when the caller read it already, with the session; negative: read it
 * here) (fwdir, caldir as jx_ws_status)
 * unless the cache holds it at the store's current generation: 0 with
 * *out held (give it back with jx_web_year_put), 1 when the year is not
 * set up, -1 when the store failed.  Without a generation (an older
 * schema) it computes into a fresh entry that nobody else sees. */
int jx_web_year_get(struct jx_web_app *app, struct jx_store *s, int year,
                    int64_t gen, const struct jx_web_year **out);

/* Give back an entry jx_web_year_get handed out. */
void jx_web_year_put(struct jx_web_app *app, const struct jx_web_year *y);

/* The units of y in order key (1 .. JX_WEB_CACHE_ORDERS-1), sorted by
 * cmp (a qsort comparator of unit pointers) the first time it is asked
 * for, then kept with the entry. */
const struct jx_ws_unit_status *const *jx_web_year_order(
    struct jx_web_app *app, const struct jx_web_year *y, int key,
    int (*cmp)(const void *, const void *));

/* The rows of page (1-based) of y in order key (0 ..
 * JX_WEB_CACHE_ORDERS-1) with no filter, as the overview wrote them
 * before (HTML), or NULL. */
const char *jx_web_year_rows(struct jx_web_app *app,
                             const struct jx_web_year *y, int key, long page);

/* Keep html (malloc'd) as those rows: true when the entry took it (it
 * frees it), false when the caller keeps it (rows already kept, or the
 * entry keeps JX_WEB_CACHE_PAGES pages already). */
bool jx_web_year_rows_keep(struct jx_web_app *app, const struct jx_web_year *y,
                           int key, long page, char *html);

/* ---- documents kept by a key that names their content ------------- */

/* The most documents kept, and the largest kept. */
#define JX_WEB_BLOBS 64
#define JX_WEB_BLOB_MAX (16u << 20)

struct jx_web_response;

/* When a document is kept under key: a copy of it in a (*len its
 * length; NUL-terminated), else NULL. */
char *jx_web_blob_get(struct jx_web_app *app, const char *key,
                      struct jx_arena *a, size_t *len);

/* When a document is kept under key (a text naming all it depends on,
 * e.g. the published version's SHA-256): send a copy of it as resp's
 * body (200, of type) and true; else false. */
bool jx_web_blob_send(struct jx_web_app *app, const char *key,
                      struct jx_web_response *resp, const char *type);

/* Keep a copy of data[0..len) under key (the least recently used goes;
 * nothing kept above JX_WEB_BLOB_MAX). */
void jx_web_blob_keep(struct jx_web_app *app, const char *key,
                      const char *data, size_t len);

/* How many times the status was computed since the cache was made
 * (tests). */
uint64_t jx_web_cache_fills(const struct jx_web_app *app);

#endif
