/*
 * web_files.c - a version's original files in the portal (issue 13,
 * deliver 6): GET /unit/CODE/YYYY/v/N/files/SEQ answers the bytes
 * exactly as stored (jx_ws_version_file_read: SHA-256 checked; a copy
 * altered or missing in the file store is an error page, never served)
 * as an attachment named as sent (RFC 5987 filename*); and the links to
 * them in the versions list of a unit's page.  The routing table admits
 * the unit's own users and the bureau (web.c); another unit's, an
 * absent version or file all answer 404.
 */
#include "web/web_pages.h"

#include <stdlib.h>
#include <string.h>

#include "jixiao/wsflow.h"

/* A route segment of 1 to 9 digits without a leading zero as an int,
 * else 0. */
static int parse_pos(const char *t)
{
    size_t n = t ? strlen(t) : 0;
    if (n == 0 || n > 9 || t[0] == '0') {
        return 0;
    }
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i] < '0' || t[i] > '9') {
            return 0;
        }
        v = v * 10 + (t[i] - '0');
    }
    return v;
}

/* The plain (ASCII) fallback of a name for Content-Disposition's
 * filename="…" (a): the safe name with every byte outside printable
 * ASCII, and '"', '\\', ';', '%', replaced by '_'. */
static const char *ascii_name(struct jx_arena *a, const char *safe)
{
    char *out = jx_strdup(a, safe);
    for (char *p = out; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch < 0x20 || ch > 0x7E || ch == '"' || ch == '\\' || ch == ';' ||
            ch == '%') {
            *p = '_';
        }
    }
    return out;
}

/* See web_pages.h. */
int jx_web_page_version_file(struct jx_web_ctx *c)
{
    int number = parse_pos(c->version_text);
    int seq = parse_pos(c->seq_text);
    if (!number || !seq) {
        jx_web_not_found(c);
        return 0;
    }
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    struct jx_ws_vfiles v;
    int r = jx_ws_version_files(c->a, c->s, c->unit, c->year, number, &v, &d);
    const struct jx_ws_vfile *f = NULL;
    for (size_t i = 0; r == 0 && i < v.nfiles; i++) {
        if (v.files[i].seq == seq) {
            f = &v.files[i];
        }
    }
    if (r < 0) {
        jx_diags_release(&d);
        return -1;
    }
    if (!f) {
        jx_diags_release(&d);
        jx_web_not_found(c);
        return 0;
    }
    char *data = NULL;
    size_t len = 0;
    if (jx_ws_version_file_read(c->s, &v, f, &data, &len, &d) < 0) {
        const char *msg = d.n ? jx_strdup(c->a, d.a[d.n - 1].msg)
                              : "原始文件无法取回。";
        jx_diags_release(&d);
        jx_web_error(c, 500, "原始文件无法取回", msg);
        return 0;
    }
    jx_diags_release(&d);
    const char *safe = jx_ws_file_name_safe(c->a, f->name, f->seq);
    jx_web_send_download(c, "application/octet-stream", data, len,
                         ascii_name(c->a, safe), safe);
    free(data);
    return 0;
}

/* See web_pages.h. */
int jx_web_version_file_links(struct jx_web_ctx *c, struct jx_html *h,
                              int number)
{
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    struct jx_ws_vfiles v;
    int r = jx_ws_version_files(c->a, c->s, c->unit, c->year, number, &v, &d);
    jx_diags_release(&d);
    if (r < 0) {
        return -1;
    }
    if (r > 0 || v.nfiles == 0) {
        jx_html(h, "—");
        return 0;
    }
    for (size_t i = 0; i < v.nfiles; i++) {
        const struct jx_ws_vfile *f = &v.files[i];
        jx_html(h, "%R<a href=\"%B/unit/%t/%d/v/%d/files/%d\">%h</a>（%D 字节）",
                i ? "<br>" : "", c->unit, c->year, number, f->seq, f->name,
                (long long)f->size);
    }
    return 0;
}
