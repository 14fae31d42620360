/*
 * web_req.c - reading a request: query strings and form bodies
 * (application/x-www-form-urlencoded), cookies, and random tokens.
 * Everything returned lives in the caller's arena.
 */
#include "web/web_impl.h"

#include <sodium.h>
#include <string.h>

/* The value of a hex digit, or -1. */
static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* s[0..n) form-decoded into a new arena string. */
static char *form_decode(struct jx_arena *a, const char *s, size_t n)
{
    char *out = jx_alloc(a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '+') {
            out[k++] = ' ';
        } else if (s[i] == '%' && i + 2 < n &&
                   hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out[k++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out[k++] = s[i];
        }
    }
    out[k] = '\0';
    return out;
}

/* See web_impl.h. */
const char *jx_web_param(struct jx_arena *a, const char *s, size_t n,
                         const char *name)
{
    if (!s) {
        return NULL;
    }
    size_t nl = strlen(name);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '&') {
            j++;
        }
        size_t eq = i;
        while (eq < j && s[eq] != '=') {
            eq++;
        }
        char *key = form_decode(a, s + i, eq - i);
        if (strlen(key) == nl && memcmp(key, name, nl) == 0) {
            return eq < j ? form_decode(a, s + eq + 1, j - eq - 1) : "";
        }
        i = j + 1;
    }
    return NULL;
}

/* See web_impl.h. */
const char *jx_web_cookie(struct jx_arena *a, const char *header,
                          const char *name)
{
    if (!header) {
        return NULL;
    }
    size_t nl = strlen(name);
    const char *p = header;
    while (*p) {
        while (*p == ' ' || *p == ';') {
            p++;
        }
        const char *end = strchr(p, ';');
        if (!end) {
            end = p + strlen(p);
        }
        if ((size_t)(end - p) > nl && strncmp(p, name, nl) == 0 &&
            p[nl] == '=') {
            return jx_strndup(a, p + nl + 1, (size_t)(end - p - (long)nl - 1));
        }
        p = end;
    }
    return NULL;
}

/* See web_impl.h. */
char *jx_web_random_hex(struct jx_arena *a, size_t n)
{
    unsigned char raw[64];
    if (n > sizeof raw) {
        JX_BUG("random token too long");
    }
    randombytes_buf(raw, n);
    char *hex = jx_alloc(a, 2 * n + 1);
    sodium_bin2hex(hex, 2 * n + 1, raw, n);
    return hex;
}
