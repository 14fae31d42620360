/*
 * web_html.c - the one way text reaches a response body: the HTML
 * writer (jx_html: %h escapes, %t URL-encodes, %R only for HTML the
 * writer built), and the functions that hand a finished document or a
 * compiled-in file (the style sheet) to a response.  tools/checksrc
 * fails when another file of lib/web appends to a buffer or sets a
 * response body itself.
 */
#include "web/web_impl.h"

#include <stdarg.h>
#include <string.h>
#include <strings.h>

/* See web.h. */
void jx_html_init(struct jx_html *h)
{
    jx_buf_init(&h->buf, 16u << 20);
    h->base = "";
}

/* See web.h. */
void jx_html_release(struct jx_html *h)
{
    jx_buf_release(&h->buf);
}

/* See web_impl.h. */
char *jx_html_copy(const struct jx_html *h)
{
    char *t = jx_xmalloc(h->buf.len + 1);
    memcpy(t, h->buf.p ? h->buf.p : "", h->buf.len);
    t[h->buf.len] = '\0';
    return t;
}

/* Append s HTML-escaped (invalid UTF-8 as U+FFFD, NUL dropped). */
static void put_escaped(struct jx_buf *b, const char *s)
{
    if (!s) {
        return;
    }
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '&': jx_buf_adds(b, "&amp;"); break;
            case '<': jx_buf_adds(b, "&lt;"); break;
            case '>': jx_buf_adds(b, "&gt;"); break;
            case '"': jx_buf_adds(b, "&quot;"); break;
            case '\'': jx_buf_adds(b, "&#39;"); break;
            default:
                if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                    jx_buf_addc(b, (char)c);
                }
            }
            i++;
            continue;
        }
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            jx_buf_adds(b, "\xEF\xBF\xBD");
            i++;
        } else {
            jx_buf_add(b, s + i, (size_t)k);
            i += (size_t)k;
        }
    }
}

/* Append s percent-encoded as one URL component. */
static void put_urlenc(struct jx_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;
         p++) {
        unsigned char c = *p;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
            c == '~') {
            jx_buf_addc(b, (char)c);
        } else {
            char e[3] = {'%', hex[c >> 4], hex[c & 15]};
            jx_buf_add(b, e, 3);
        }
    }
}

/* See web.h. */
void jx_html(struct jx_html *h, const char *fmt, ...)
{
    struct jx_buf *b = &h->buf;
    va_list ap;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        const char *q = strchr(p, '%');
        if (!q) {
            jx_buf_adds(b, p);
            break;
        }
        jx_buf_add(b, p, (size_t)(q - p));
        p = q + 1;
        switch (*p) {
        case 'h': put_escaped(b, va_arg(ap, const char *)); break;
        case 't': put_urlenc(b, va_arg(ap, const char *)); break;
        case 'd': jx_buf_addf(b, "%d", va_arg(ap, int)); break;
        case 'D': jx_buf_addf(b, "%lld", va_arg(ap, long long)); break;
        case '%': jx_buf_addc(b, '%'); break;
        case 'B': put_escaped(b, h->base ? h->base : ""); break;
        case 'R': {
            const char *r = va_arg(ap, const char *);
            jx_buf_adds(b, r ? r : "");
            break;
        }
        default:
            va_end(ap);
            JX_BUG("jx_html: unknown conversion");
        }
    }
    va_end(ap);
}

/* See web_impl.h. */
char *jx_web_urlenc(struct jx_arena *a, const char *s)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    put_urlenc(&b, s);
    char *r = jx_strndup(a, b.p, b.len);
    jx_buf_release(&b);
    return r;
}

/* See web_impl.h. */
void jx_web_send_html(struct jx_web_response *resp, int status,
                      const struct jx_html *h)
{
    resp->status = status;
    jx_web_set_header(resp, "Content-Type", "text/html; charset=utf-8");
    resp->body = jx_strndup(resp->arena, h->buf.p, h->buf.len);
    resp->body_len = h->buf.len;
}

/* See web_impl.h. */
void jx_web_send_static(struct jx_web_response *resp, const char *type,
                        const struct jx_web_static *f)
{
    resp->status = 200;
    jx_web_set_header(resp, "Content-Type", type);
    resp->body = f->data;
    resp->body_len = f->len;
}

/* See web_impl.h. */
void jx_web_send_empty(struct jx_web_response *resp, int status)
{
    resp->status = status;
    resp->body = "";
    resp->body_len = 0;
}

/* See web.h. */
void jx_web_response_init(struct jx_web_response *resp, struct jx_arena *a)
{
    memset(resp, 0, sizeof *resp);
    resp->arena = a;
    resp->status = 200;
    resp->body = "";
}

/* See web.h. */
const char *jx_web_response_header(const struct jx_web_response *resp,
                                   const char *name)
{
    for (size_t i = 0; i < resp->nheaders; i++) {
        if (strcasecmp(resp->headers[i].name, name) == 0) {
            return resp->headers[i].value;
        }
    }
    return NULL;
}

/* Append header name: value (copied); a full table is a bug. */
static void add_header(struct jx_web_response *resp, const char *name,
                       const char *value)
{
    if (resp->nheaders >= JX_WEB_MAX_HEADERS) {
        JX_BUG("too many response headers");
    }
    resp->headers[resp->nheaders].name = jx_strdup(resp->arena, name);
    resp->headers[resp->nheaders].value = jx_strdup(resp->arena, value);
    resp->nheaders++;
}

/* See web_impl.h. */
void jx_web_set_header(struct jx_web_response *resp, const char *name,
                       const char *value)
{
    for (size_t i = 0; i < resp->nheaders; i++) {
        if (strcasecmp(resp->headers[i].name, name) == 0) {
            resp->headers[i].value = jx_strdup(resp->arena, value);
            return;
        }
    }
    add_header(resp, name, value);
}

/* See web_impl.h. */
void jx_web_add_cookie(struct jx_web_response *resp, const char *value)
{
    add_header(resp, "Set-Cookie", value);
}

/* See web_impl.h. */
void jx_web_send_bytes(struct jx_web_response *resp, int status,
                       const char *type, const char *data, size_t len)
{
    resp->status = status;
    jx_web_set_header(resp, "Content-Type", type);
    resp->body = jx_strndup(resp->arena, data ? data : "", data ? len : 0);
    resp->body_len = data ? len : 0;
}

/* See web_impl.h. */
void jx_web_csv_row(struct jx_html *h, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *c = cells[i] ? cells[i] : "";
        if (i) {
            jx_buf_addc(&h->buf, ',');
        }
        jx_buf_csv_field(&h->buf, c);
    }
    jx_buf_adds(&h->buf, "\r\n");
}

/* See web_impl.h. */
void jx_web_send_text(struct jx_web_response *resp, int status,
                      const char *type, const struct jx_html *h)
{
    jx_web_send_bytes(resp, status, type, h->buf.p, h->buf.len);
}
