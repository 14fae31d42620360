/*
 * web_multipart.c - reading a multipart/form-data body (RFC 7578) into
 * its parts: a plain function over the body bytes and the Content-Type
 * header, with hard limits on the number of parts and files, the size
 * of each file and of all of them, and the length of a part's headers.
 * The parts point into the body (borrowed); their names live in the
 * caller's arena.  Anything malformed is refused with a Chinese reason,
 * never guessed at.
 */
#include "web/web_impl.h"

#include <string.h>
#include <strings.h>

/* See web.h. */
void jx_web_multipart_limits_default(struct jx_web_multipart_limits *l)
{
    l->max_parts = JX_WEB_MAX_PARTS;
    l->max_files = JX_WEB_MAX_FILES;
    l->max_file = JX_WEB_MAX_FILE;
    l->max_total = JX_WEB_MAX_UPLOAD;
    l->max_header = JX_WEB_MAX_PART_HEADER;
}

/* The first occurrence of needle[0..nl) in hay[0..hl), or NULL (a
 * memchr on the first byte, then a compare: linear for delimiters,
 * whose first byte is CR). */
static const char *find(const char *hay, size_t hl, const char *needle,
                        size_t nl)
{
    const char *p = hay, *end = hay + hl;
    while ((size_t)(end - p) >= nl) {
        p = memchr(p, needle[0], (size_t)(end - p) - nl + 1);
        if (!p) {
            return NULL;
        }
        if (memcmp(p, needle, nl) == 0) {
            return p;
        }
        p++;
    }
    return NULL;
}

/* Whether c may appear in a boundary (RFC 2046 bchars, space excepted
 * at the end; quotes handled by the caller). */
static bool bchar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || strchr("'()+_,-./:=? ", c) != NULL;
}

/* The boundary of a Content-Type header "multipart/form-data;
 * boundary=..." (quoted or not) in a, or NULL when the type is another
 * or the boundary is missing or not 1..70 bchars. */
static const char *boundary_of(struct jx_arena *a, const char *ct)
{
    if (!ct) {
        return NULL;
    }
    while (*ct == ' ' || *ct == '\t') {
        ct++;
    }
    if (strncasecmp(ct, "multipart/form-data", 19) != 0 ||
        (ct[19] != ';' && ct[19] != ' ' && ct[19] != '\t')) {
        return NULL;
    }
    const char *p = ct + 19;
    while (*p) {
        while (*p == ';' || *p == ' ' || *p == '\t') {
            p++;
        }
        if (strncasecmp(p, "boundary=", 9) == 0) {
            p += 9;
            const char *e;
            if (*p == '"') {
                p++;
                e = strchr(p, '"');
                if (!e) {
                    return NULL;
                }
            } else {
                e = p;
                while (*e && *e != ';' && *e != ' ' && *e != '\t') {
                    e++;
                }
            }
            size_t n = (size_t)(e - p);
            if (n < 1 || n > 70 || p[n - 1] == ' ') {
                return NULL;
            }
            for (size_t i = 0; i < n; i++) {
                if (!bchar(p[i])) {
                    return NULL;
                }
            }
            return jx_strndup(a, p, n);
        }
        while (*p && *p != ';') {
            p++;
        }
    }
    return NULL;
}

/* The value of parameter name in a Content-Disposition value
 * h[0..n) ("form-data; name="x"; filename="y""), unquoted (a backslash
 * keeps the next byte) into a; NULL when absent, *bad when malformed. */
static const char *disp_param(struct jx_arena *a, const char *h, size_t n,
                              const char *name, bool *bad)
{
    size_t nl = strlen(name);
    size_t i = 0;
    while (i < n && h[i] != ';') {
        i++;
    }
    while (i < n) {
        i++; /* past ';' */
        while (i < n && (h[i] == ' ' || h[i] == '\t')) {
            i++;
        }
        size_t k = i;
        while (k < n && h[k] != '=' && h[k] != ';') {
            k++;
        }
        bool match = k - i == nl && strncasecmp(h + i, name, nl) == 0;
        if (k >= n || h[k] != '=') {
            i = k;
            continue;
        }
        k++;
        char *v = jx_alloc(a, n - k + 1);
        size_t vl = 0;
        if (k < n && h[k] == '"') {
            k++;
            while (k < n && h[k] != '"') {
                if (h[k] == '\\' && k + 1 < n) {
                    k++;
                }
                v[vl++] = h[k++];
            }
            if (k >= n) {
                *bad = true;
                return NULL;
            }
            k++;
        } else {
            while (k < n && h[k] != ';' && h[k] != ' ' && h[k] != '\t') {
                v[vl++] = h[k++];
            }
        }
        v[vl] = '\0';
        if (match) {
            return v;
        }
        i = k;
        while (i < n && h[i] != ';') {
            i++;
        }
    }
    return NULL;
}

/* Read the headers of one part h[0..n) (lines ending CRLF) into *pt:
 * 0, or -1 with *why. */
static int part_headers(struct jx_arena *a, const char *h, size_t n,
                        struct jx_web_part *pt, const char **why)
{
    bool disposition = false;
    size_t i = 0;
    while (i < n) {
        const char *eol = find(h + i, n - i, "\r\n", 2);
        size_t e = eol ? (size_t)(eol - h) : n;
        const char *line = h + i;
        size_t ll = e - i;
        const char *colon = memchr(line, ':', ll);
        if (!colon || colon == line) {
            *why = "上传内容格式错误：分段头缺少冒号";
            return -1;
        }
        size_t kl = (size_t)(colon - line);
        const char *v = colon + 1;
        size_t vl = ll - kl - 1;
        while (vl && (*v == ' ' || *v == '\t')) {
            v++;
            vl--;
        }
        for (size_t k = 0; k < ll; k++) {
            if (line[k] == '\0') {
                *why = "上传内容格式错误：分段头含有空字符";
                return -1;
            }
        }
        if (kl == 19 && strncasecmp(line, "Content-Disposition", 19) == 0) {
            if (disposition) {
                *why = "上传内容格式错误：重复的 Content-Disposition";
                return -1;
            }
            disposition = true;
            if (vl < 9 || strncasecmp(v, "form-data", 9) != 0 ||
                (vl > 9 && v[9] != ';' && v[9] != ' ')) {
                *why = "上传内容格式错误：分段不是 form-data";
                return -1;
            }
            bool bad = false;
            pt->name = disp_param(a, v, vl, "name", &bad);
            pt->filename = disp_param(a, v, vl, "filename", &bad);
            if (bad || !pt->name) {
                *why = "上传内容格式错误：分段缺少字段名";
                return -1;
            }
        } else if (kl == 12 && strncasecmp(line, "Content-Type", 12) == 0) {
            pt->content_type = jx_strndup(a, v, vl);
        }
        i = e + 2;
    }
    if (!disposition) {
        *why = "上传内容格式错误：分段缺少 Content-Disposition";
        return -1;
    }
    return 0;
}

/* The base name of a file name as a browser sends it (old browsers send
 * the whole path, with either slash), in place. */
static const char *base_name(const char *name)
{
    const char *b = name;
    for (const char *p = name; *p; p++) {
        if (*p == '/' || *p == '\\') {
            b = p + 1;
        }
    }
    return b;
}

/* See web.h. */
int jx_web_multipart(struct jx_arena *a, const char *content_type,
                     const char *body, size_t len,
                     const struct jx_web_multipart_limits *lim,
                     struct jx_web_part **parts, size_t *nparts,
                     const char **why)
{
    struct jx_web_multipart_limits def;
    if (!lim) {
        jx_web_multipart_limits_default(&def);
        lim = &def;
    }
    *parts = NULL;
    *nparts = 0;
    const char *b = boundary_of(a, content_type);
    if (!b) {
        *why = "上传内容格式错误：不是带分隔符的 multipart/form-data";
        return 400;
    }
    if (!body) {
        len = 0;
    }
    if (len > lim->max_total + (size_t)lim->max_parts * (lim->max_header + 80)) {
        *why = "上传内容过大";
        return 413;
    }
    /* the delimiter: CRLF "--" boundary; the first may open the body */
    const char *delim = jx_sprintf(a, "\r\n--%s", b);
    size_t dl = strlen(delim);
    const char *p;
    if (len >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0) {
        p = body + dl - 2;
    } else {
        const char *f = find(body, len, delim, dl);
        if (!f) {
            *why = "上传内容格式错误：找不到分隔符";
            return 400;
        }
        p = f + dl;
    }
    const char *end = body + len;
    size_t cap = 4, n = 0, files = 0, total = 0;
    struct jx_web_part *out = jx_alloc_array(a, cap, sizeof *out);
    for (;;) {
        /* after a delimiter: "--" ends, else optional white space, CRLF */
        if (end - p >= 2 && p[0] == '-' && p[1] == '-') {
            break;
        }
        while (p < end && (*p == ' ' || *p == '\t')) {
            p++;
        }
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n') {
            *why = "上传内容格式错误：分隔符后缺少换行或结束标记";
            return 400;
        }
        p += 2;
        if (n >= lim->max_parts) {
            *why = jx_sprintf(a, "上传内容的分段过多（最多 %zu 段）",
                              lim->max_parts);
            return 413;
        }
        /* the headers end at an empty line */
        const char *he;
        if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
            he = p; /* no headers at all */
        } else {
            size_t look = (size_t)(end - p);
            if (look > lim->max_header + 4) {
                look = lim->max_header + 4;
            }
            he = find(p, look, "\r\n\r\n", 4);
            if (!he) {
                *why = look > lim->max_header
                           ? "上传内容格式错误：分段头过长"
                           : "上传内容格式错误：分段头未结束";
                return 400;
            }
            he += 2;
        }
        if ((size_t)(he - p) > lim->max_header) {
            *why = "上传内容格式错误：分段头过长";
            return 400;
        }
        struct jx_web_part pt;
        memset(&pt, 0, sizeof pt);
        if (part_headers(a, p, (size_t)(he - p), &pt, why) < 0) {
            return 400;
        }
        const char *data = he + 2;
        const char *de = find(data, (size_t)(end - data), delim, dl);
        if (!de) {
            *why = "上传内容格式错误：最后一段没有结束分隔符";
            return 400;
        }
        pt.data = data;
        pt.len = (size_t)(de - data);
        if (pt.filename) {
            pt.filename = base_name(pt.filename);
            if (++files > lim->max_files) {
                *why = jx_sprintf(a, "一次最多上传 %zu 个文件", lim->max_files);
                return 413;
            }
            if (pt.len > lim->max_file) {
                *why = jx_sprintf(a, "文件“%s”过大（每个文件最多 %zu MiB）",
                                  pt.filename, lim->max_file >> 20);
                return 413;
            }
        }
        total += pt.len;
        if (total > lim->max_total) {
            *why = jx_sprintf(a, "上传内容过大（合计最多 %zu MiB）",
                              lim->max_total >> 20);
            return 413;
        }
        out = jx_arena_grow(a, out, n, &cap, sizeof *out);
        out[n++] = pt;
        p = de + dl;
    }
    *parts = out;
    *nparts = n;
    return 0;
}
