/*
 * import_zip.c - reading ZIP containers with libzip under hard limits.
 *
 * The archive is opened from memory.  Before libzip sees it, the end of
 * central directory records in its tail are checked so that a claimed
 * entry count over the limit is refused before libzip allocates room for
 * the entries.  Entries are inflated in 64 KiB chunks; the size of the
 * entry, the compression ratio and the running total are checked after
 * every chunk, so sizes declared in the headers are only ever trusted to
 * refuse an entry, never to accept one; an entry is never inflated past
 * its declared size (or the limits, whichever is smaller): one byte
 * beyond it and it is refused (I208).
 */
#include "import/import_zip.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

/* Bytes inflated per zip_fread call. */
#define CHUNK (64u * 1024u)

/* The compression ratio is only checked once an entry has inflated
 * past this many bytes: small, very regular parts (an XML file of
 * blanks) may legitimately compress far better than the limit. */
#define RATIO_GRACE (1024u * 1024u)

/* An open archive. */
struct jx_zip {
    zip_t *za;               /* libzip handle (owned) */
    struct jx_limits lim;    /* limits (copied) */
    const char *file;        /* input name (in the diagnostics' arena) */
    struct jx_diags *diags;  /* where problems go (not owned) */
    size_t len;              /* size of the archive in bytes */
    size_t total;            /* bytes inflated so far, all entries */
    size_t n;                /* entries */
};

/* Report a ZIP problem about the archive with an optional libzip
 * reason as detail. */
static void zip_diag(struct jx_diags *diags, const char *file,
                     const char *code, const char *reason, const char *fmt,
                     ...) JX_PRINTF(5, 6);

/* Report a ZIP problem; the message is formatted into the diagnostics'
 * arena. */
static void zip_diag(struct jx_diags *diags, const char *file,
                     const char *code, const char *reason, const char *fmt,
                     ...)
{
    if (!diags) {
        return;
    }
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = file;
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(diags->arena, fmt, ap);
    va_end(ap);
    struct jx_diag *e =
        jx_diag_add(diags, code, JX_SEV_ERROR, &loc, "%s", msg);
    if (reason) {
        jx_diag_detail(diags, e, "libzip: %s", reason);
    }
}

/* Little-endian 16-bit value at p. */
static unsigned long get16(const unsigned char *p)
{
    return (unsigned long)p[0] | (unsigned long)p[1] << 8;
}

/* Little-endian 32-bit value at p. */
static unsigned long get32(const unsigned char *p)
{
    return get16(p) | get16(p + 2) << 16;
}

/* Little-endian 64-bit value at p. */
static uint64_t get64(const unsigned char *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

/*
 * The largest entry count claimed by any end of central directory record
 * (and its ZIP64 record) in the last 64 KiB + 22 bytes of data, where
 * libzip looks for it.  0 when there is none.
 */
static uint64_t claimed_entries(const unsigned char *d, size_t len)
{
    uint64_t most = 0;
    if (len < 22) {
        return 0;
    }
    size_t lo = len > 22 + 65535 ? len - 22 - 65535 : 0;
    for (size_t p = len - 22 + 1; p-- > lo;) {
        if (memcmp(d + p, "PK\x05\x06", 4) != 0) {
            continue;
        }
        uint64_t here = get16(d + p + 8);
        uint64_t all = get16(d + p + 10);
        most = here > most ? here : most;
        most = all > most ? all : most;
        /* a ZIP64 locator right before it points at the ZIP64 record */
        if (p >= 20 && memcmp(d + p - 20, "PK\x06\x07", 4) == 0) {
            uint64_t off = get64(d + p - 20 + 8);
            if (off <= len && len - off >= 56 &&
                memcmp(d + off, "PK\x06\x06", 4) == 0) {
                uint64_t h64 = get64(d + off + 24);
                uint64_t a64 = get64(d + off + 32);
                most = h64 > most ? h64 : most;
                most = a64 > most ? a64 : most;
            }
        }
    }
    return most;
}

/* Open data[0..len) as a ZIP within the limits. */
struct jx_zip *jx_zip_open(const char *data, size_t len,
                           const struct jx_limits *lim, const char *file,
                           struct jx_diags *diags)
{
    struct jx_limits deflim;
    if (!lim) {
        jx_limits_default(&deflim);
        lim = &deflim;
    }
    const char *name = diags ? jx_strdup(diags->arena, file) : NULL;
    if (!data || len < 22) {
        zip_diag(diags, name, "I201", NULL,
                 "不是有效的 ZIP 文件：只有 %zu 字节", len);
        return NULL;
    }
    uint64_t claimed = claimed_entries((const unsigned char *)data, len);
    if (claimed > lim->max_zip_entries) {
        zip_diag(diags, name, "I202", NULL,
                 "ZIP 条目过多：声明 %llu 个，上限 %zu 个",
                 (unsigned long long)claimed, lim->max_zip_entries);
        return NULL;
    }
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
    if (!src) {
        zip_diag(diags, name, "I201", zip_error_strerror(&err),
                 "无法打开 ZIP 文件");
        zip_error_fini(&err);
        return NULL;
    }
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &err);
    if (!za) {
        zip_source_free(src);
        zip_diag(diags, name, "I201", zip_error_strerror(&err),
                 "不是有效的 ZIP 文件，或文件已损坏、被截断（%zu 字节）",
                 len);
        zip_error_fini(&err);
        return NULL;
    }
    zip_error_fini(&err);
    zip_int64_t n = zip_get_num_entries(za, 0);
    if (n < 0 || (uint64_t)n > lim->max_zip_entries) {
        zip_diag(diags, name, "I202", NULL,
                 "ZIP 条目过多：%lld 个，上限 %zu 个", (long long)n,
                 lim->max_zip_entries);
        zip_discard(za);
        return NULL;
    }
    struct jx_zip *z = jx_xmalloc(sizeof *z);
    memset(z, 0, sizeof *z);
    z->za = za;
    z->lim = *lim;
    z->file = name;
    z->diags = diags;
    z->len = len;
    z->n = (size_t)n;
    return z;
}

/* Close the archive (read-only: nothing is written). */
void jx_zip_close(struct jx_zip *z)
{
    if (!z) {
        return;
    }
    zip_discard(z->za);
    free(z);
}

/* Index of the entry called name (exact, then ignoring case), or -1. */
static zip_int64_t locate(struct jx_zip *z, const char *name)
{
    zip_int64_t i = zip_name_locate(z->za, name, 0);
    if (i < 0) {
        i = zip_name_locate(z->za, name, ZIP_FL_NOCASE);
    }
    return i;
}

/* True when the archive has an entry called name. */
bool jx_zip_has(struct jx_zip *z, const char *name)
{
    return z && locate(z, name) >= 0;
}

/* Number of entries. */
size_t jx_zip_count(struct jx_zip *z)
{
    return z ? z->n : 0;
}

/* Name of entry i (owned by libzip, valid until jx_zip_close), or "". */
const char *jx_zip_name(struct jx_zip *z, size_t i)
{
    if (!z || i >= z->n) {
        return "";
    }
    const char *s = zip_get_name(z->za, (zip_uint64_t)i, 0);
    return s ? s : "";
}

/*
 * Check `got` inflated bytes of entry `name` (comp compressed bytes)
 * against the limits; 0 when within them, else -1 with a diagnostic.
 * `declared` says the sizes come from the headers (before inflating).
 */
static int check_sizes(struct jx_zip *z, const char *name, uint64_t got,
                       uint64_t comp, bool declared)
{
    const char *how = declared ? "声明" : "已解压";
    if (got > z->lim.max_entry) {
        zip_diag(z->diags, z->file, "I205", NULL,
                 "ZIP 条目 \"%s\" 过大：%s %llu 字节，上限 %zu 字节", name,
                 how, (unsigned long long)got, z->lim.max_entry);
        return -1;
    }
    if (got > z->lim.max_inflated - z->total) {
        zip_diag(z->diags, z->file, "I207", NULL,
                 "ZIP 解压总量超过上限 %zu 字节（条目 \"%s\" %s %llu 字节，"
                 "此前已解压 %zu 字节）",
                 z->lim.max_inflated, name, how, (unsigned long long)got,
                 z->total);
        return -1;
    }
    if (got > RATIO_GRACE && got / comp >= z->lim.max_ratio &&
        got > comp * (uint64_t)z->lim.max_ratio) {
        zip_diag(z->diags, z->file, "I206", NULL,
                 "ZIP 条目 \"%s\" 压缩比过高：%s %llu 字节，压缩后 %llu "
                 "字节，超过 %u 倍（疑似压缩炸弹）",
                 name, how, (unsigned long long)got,
                 (unsigned long long)comp, z->lim.max_ratio);
        return -1;
    }
    return 0;
}

/* An entry open for inflating, its sizes checked against the limits. */
struct entry {
    zip_file_t *f;     /* libzip's handle (closed by the reader) */
    uint64_t size;     /* declared inflated size (when declared) */
    uint64_t comp;     /* compressed size, at least 1, at most the archive */
    uint64_t bound;    /* the most the limits let it inflate to */
    bool declared;     /* a declared size within bound: read to it */
    uint64_t most;     /* most bytes to ask for: one past the declared
                          size (to catch a lie), else unbounded */
};

/* Locate, stat and open the entry called name, refusing it (with a
 * diagnostic) when missing, encrypted or declared over a limit.  0, or
 * -1 with a diagnostic. */
static int open_entry(struct jx_zip *z, const char *name, struct entry *e)
{
    memset(e, 0, sizeof *e);
    zip_int64_t idx = locate(z, name);
    if (idx < 0) {
        zip_diag(z->diags, z->file, "I203", NULL, "ZIP 中缺少 \"%s\"",
                 name);
        return -1;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) < 0) {
        zip_diag(z->diags, z->file, "I204",
                 zip_error_strerror(zip_get_error(z->za)),
                 "无法读取 ZIP 条目 \"%s\"", name);
        return -1;
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
        st.encryption_method != ZIP_EM_NONE) {
        zip_diag(z->diags, z->file, "I204", NULL,
                 "ZIP 条目 \"%s\" 已加密，无法读取", name);
        return -1;
    }
    /* the compressed data cannot be longer than the archive */
    uint64_t comp = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : z->len;
    comp = comp > z->len ? z->len : comp;
    comp = comp ? comp : 1;
    if ((st.valid & ZIP_STAT_SIZE) &&
        check_sizes(z, name, st.size, comp, true) < 0) {
        return -1;
    }
    zip_file_t *f = zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!f) {
        zip_diag(z->diags, z->file, "I204",
                 zip_error_strerror(zip_get_error(z->za)),
                 "无法读取 ZIP 条目 \"%s\"", name);
        return -1;
    }
    /* The most this entry may inflate to: the limits, and the declared
     * size when there is one; an entry that inflates past its declared
     * size is refused at its first byte beyond it, so a lying header
     * costs no more than an honest one. */
    uint64_t bound = z->lim.max_entry;
    if (z->lim.max_inflated - z->total < bound) {
        bound = z->lim.max_inflated - z->total;
    }
    if (z->lim.max_ratio && comp <= UINT64_MAX / z->lim.max_ratio) {
        uint64_t r = comp * z->lim.max_ratio;
        r = r < RATIO_GRACE ? RATIO_GRACE : r;
        bound = r < bound ? r : bound;
    }
    e->f = f;
    e->size = st.size;
    e->comp = comp;
    e->bound = bound;
    e->declared = (st.valid & ZIP_STAT_SIZE) && st.size <= bound;
    /* read at most one byte past the declared size, to catch a lie */
    e->most = e->declared ? st.size + 1 : UINT64_MAX;
    return 0;
}

/* Inflate the next at most `room` bytes of e into p (bounded by e->most
 * given `got` bytes so far).  The bytes read (0 at the end), or -1 with
 * a diagnostic (I204) when the data is corrupt. */
static zip_int64_t read_some(struct jx_zip *z, const char *name,
                             struct entry *e, char *p, uint64_t room,
                             size_t got)
{
    uint64_t ask = room;
    if (e->most - got < ask) {
        ask = e->most - got;
    }
    zip_int64_t r = ask ? zip_fread(e->f, p, ask) : 0;
    if (r < 0) {
        zip_diag(z->diags, z->file, "I204",
                 zip_error_strerror(zip_file_get_error(e->f)),
                 "ZIP 条目 \"%s\" 已损坏，无法解压", name);
    }
    return r;
}

/* Check got bytes inflated of e so far: one past its declared size is
 * I208, else the limits (check_sizes).  0, or -1 with a diagnostic. */
static int check_got(struct jx_zip *z, const char *name,
                     const struct entry *e, size_t got)
{
    if (e->declared && got > e->size) {
        zip_diag(z->diags, z->file, "I208", NULL,
                 "ZIP 条目 \"%s\" 解压后超过文件头声明的 %llu 字节，"
                 "文件头不实（文件已损坏或被篡改），已停止解压",
                 name, (unsigned long long)e->size);
        return -1;
    }
    return check_sizes(z, name, got, e->comp, false);
}

/* Close e after its last byte: 0, or -1 with a diagnostic (I204) when
 * libzip finds it corrupt (its checksum). */
static int close_entry(struct jx_zip *z, const char *name, struct entry *e)
{
    int rc = zip_fclose(e->f);
    e->f = NULL;
    if (rc != 0) {
        zip_error_t err;
        zip_error_init_with_code(&err, rc);
        zip_diag(z->diags, z->file, "I204", zip_error_strerror(&err),
                 "ZIP 条目 \"%s\" 已损坏，无法解压", name);
        zip_error_fini(&err);
        return -1;
    }
    return 0;
}

/* Read the whole entry called name under the limits; malloc'd, owned by
 * the caller. */
char *jx_zip_read(struct jx_zip *z, const char *name, size_t *len)
{
    *len = 0;
    struct entry e;
    if (open_entry(z, name, &e) < 0) {
        return NULL;
    }
    /* Honest entries are read into room for exactly their declared size
     * (no copying).  Without a declared size, room grows once to the
     * most the limits allow: that memory is only touched as it is
     * filled. */
    size_t cap = e.declared ? (size_t)e.size + 2
                            : (size_t)e.bound + CHUNK + 1;
    char *buf = jx_xmalloc(cap);
    size_t got = 0;
    for (;;) {
        if (cap - got < CHUNK + 1 && !e.declared) {
            size_t room = (size_t)e.bound + CHUNK + 1;
            cap = cap < room ? room : got + CHUNK + 1;
            buf = jx_xrealloc(buf, cap);
        }
        zip_int64_t r = read_some(z, name, &e, buf + got, CHUNK, got);
        if (r < 0) {
            zip_fclose(e.f);
            free(buf);
            return NULL;
        }
        if (r == 0) {
            break;
        }
        got += (size_t)r;
        if (check_got(z, name, &e, got) < 0) {
            zip_fclose(e.f);
            free(buf);
            return NULL;
        }
    }
    if (close_entry(z, name, &e) < 0) {
        free(buf);
        return NULL;
    }
    z->total += got;
    buf[got] = '\0';
    *len = got;
    return buf;
}

/* Inflate the entry called name in chunks to sink (import_zip.h). */
int jx_zip_stream(struct jx_zip *z, const char *name, jx_zip_sink sink,
                  void *ud)
{
    struct entry e;
    if (open_entry(z, name, &e) < 0) {
        return -1;
    }
    char *buf = jx_xmalloc(CHUNK);
    size_t got = 0;
    int rc = 0;
    for (;;) {
        zip_int64_t r = read_some(z, name, &e, buf, CHUNK, got);
        if (r < 0) {
            rc = -1;
            break;
        }
        if (r == 0) {
            break;
        }
        got += (size_t)r;
        if (check_got(z, name, &e, got) < 0) {
            rc = -1;
            break;
        }
        sink(ud, buf, (size_t)r, false);
    }
    free(buf);
    if (rc < 0) {
        zip_fclose(e.f);
        return -1;
    }
    if (close_entry(z, name, &e) < 0) {
        return -1;
    }
    z->total += got;
    sink(ud, "", 0, true);
    return 0;
}

/* DOCX, XLSX or another ZIP, from the entry names (import_zip.h). */
enum jx_input_kind jx_zip_kind(struct jx_zip *z)
{
    bool types = false, word = false, excel = false;
    size_t n = jx_zip_count(z);
    for (size_t i = 0; i < n; i++) {
        const char *name = jx_zip_name(z, i);
        types = types || strcmp(name, "[Content_Types].xml") == 0;
        word = word || strcmp(name, "word/document.xml") == 0;
        excel = excel || strcmp(name, "xl/workbook.xml") == 0;
    }
    if (types && word) {
        return JX_IN_DOCX;
    }
    return types && excel ? JX_IN_XLSX : JX_IN_ZIP;
}
