/*
 * base_diag.c - collecting and formatting diagnostics.
 */
#include "jixiao/diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DIAG_DEFAULT_LIMIT = 1000 };

/* Initialise an empty list; strings go to arena. */
void jx_diags_init(struct jx_diags *d, struct jx_arena *arena)
{
    memset(d, 0, sizeof *d);
    d->arena = arena;
}

/* Free the entry array. */
void jx_diags_release(struct jx_diags *d)
{
    free(d->a);
    d->a = NULL;
    d->n = d->cap = 0;
}

/* Copy a location's strings into the arena so the entry owns them. */
static struct jx_loc loc_copy(struct jx_arena *a, const struct jx_loc *loc)
{
    struct jx_loc l;
    memset(&l, 0, sizeof l);
    if (!loc) {
        return l;
    }
    l = *loc;
    l.file = jx_strdup(a, loc->file);
    l.sheet = jx_strdup(a, loc->sheet);
    l.cell = jx_strdup(a, loc->cell);
    l.path = jx_strdup(a, loc->path);
    return l;
}

/* Add a diagnostic; count it even when the list is full. */
struct jx_diag *jx_diag_add(struct jx_diags *d, const char *code,
                            enum jx_severity sev, const struct jx_loc *loc,
                            const char *fmt, ...)
{
    d->count[sev]++;
    size_t limit = d->limit ? d->limit : DIAG_DEFAULT_LIMIT;
    if (d->n >= limit) {
        d->dropped++;
        return NULL;
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->a = jx_xrealloc(d->a, d->cap * sizeof *d->a);
    }
    struct jx_diag *e = &d->a[d->n++];
    e->code = code;
    e->severity = sev;
    e->loc = loc_copy(d->arena, loc);
    va_list ap;
    va_start(ap, fmt);
    e->msg = jx_vsprintf(d->arena, fmt, ap);
    va_end(ap);
    e->detail = NULL;
    return e;
}

/* Attach a detail to an entry. */
void jx_diag_detail(struct jx_diags *d, struct jx_diag *e, const char *fmt,
                    ...)
{
    if (!e) {
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    e->detail = jx_vsprintf(d->arena, fmt, ap);
    va_end(ap);
}

/* Errors added so far. */
size_t jx_diags_errors(const struct jx_diags *d)
{
    return d->count[JX_SEV_ERROR];
}

/* English severity names. */
const char *jx_severity_name(enum jx_severity s)
{
    static const char *const names[] = {"note", "rounding", "warning",
                                         "error"};
    return (unsigned)s < 4 ? names[s] : "?";
}

/* Chinese severity names. */
const char *jx_severity_zh(enum jx_severity s)
{
    static const char *const names[] = {"提示", "舍入", "警告", "错误"};
    return (unsigned)s < 4 ? names[s] : "?";
}

/* Append "sep" then text, tracking whether anything was written. */
static int loc_part(struct jx_buf *b, bool *any, const char *text)
{
    if (*any && jx_buf_addc(b, ' ') < 0) {
        return -1;
    }
    *any = true;
    return jx_buf_adds(b, text);
}

/* Append the location as text. */
int jx_loc_format(struct jx_buf *b, const struct jx_loc *loc)
{
    bool any = false;
    char tmp[96];
    if (loc->file) {
        if (loc_part(b, &any, loc->file) < 0) {
            return -1;
        }
        if (loc->line > 0) {
            if (loc->col > 0) {
                snprintf(tmp, sizeof tmp, ":%d:%d", loc->line, loc->col);
            } else {
                snprintf(tmp, sizeof tmp, ":%d", loc->line);
            }
            if (jx_buf_adds(b, tmp) < 0) {
                return -1;
            }
        }
    }
    if (loc->sheet || loc->cell) {
        if (loc_part(b, &any, loc->sheet ? loc->sheet : "") < 0 ||
            (loc->cell && (jx_buf_addc(b, '!') < 0 ||
                           jx_buf_adds(b, loc->cell) < 0))) {
            return -1;
        }
    }
    if (loc->table > 0) {
        snprintf(tmp, sizeof tmp, "表%d", loc->table);
        if (loc_part(b, &any, tmp) < 0) {
            return -1;
        }
        if (loc->row > 0) {
            snprintf(tmp, sizeof tmp, "/行%d", loc->row);
            if (jx_buf_adds(b, tmp) < 0) {
                return -1;
            }
        }
        if (loc->column > 0) {
            snprintf(tmp, sizeof tmp, "/列%d", loc->column);
            if (jx_buf_adds(b, tmp) < 0) {
                return -1;
            }
        }
    }
    if (loc->path && loc_part(b, &any, loc->path) < 0) {
        return -1;
    }
    return 0;
}

/* Append "LOC: 错误[CODE]: msg" and an indented detail. */
int jx_diag_format(struct jx_buf *b, const struct jx_diag *e)
{
    size_t before = b->len;
    if (jx_loc_format(b, &e->loc) < 0) {
        return -1;
    }
    if (b->len > before && jx_buf_adds(b, ": ") < 0) {
        return -1;
    }
    if (jx_buf_addf(b, "%s[%s]: %s\n", jx_severity_zh(e->severity), e->code,
                    e->msg) < 0) {
        return -1;
    }
    if (e->detail && jx_buf_addf(b, "    %s\n", e->detail) < 0) {
        return -1;
    }
    return 0;
}

/* Compare two possibly-NULL strings, NULL first. */
static int strcmp_null(const char *a, const char *b)
{
    if (!a || !b) {
        return (a != NULL) - (b != NULL);
    }
    return strcmp(a, b);
}

/* Insertion sort (stable) by file, line, column. */
void jx_diags_sort(struct jx_diags *d)
{
    for (size_t i = 1; i < d->n; i++) {
        struct jx_diag x = d->a[i];
        size_t j = i;
        while (j > 0) {
            const struct jx_diag *y = &d->a[j - 1];
            int c = strcmp_null(y->loc.file, x.loc.file);
            if (c == 0) {
                c = (y->loc.line > x.loc.line) - (y->loc.line < x.loc.line);
            }
            if (c == 0) {
                c = (y->loc.col > x.loc.col) - (y->loc.col < x.loc.col);
            }
            if (c <= 0) {
                break;
            }
            d->a[j] = d->a[j - 1];
            j--;
        }
        d->a[j] = x;
    }
}
