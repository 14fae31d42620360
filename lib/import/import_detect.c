/* not without the ZIP signature */
/*
 * import_detect.c - the kind of an input from its content, and
 * jx_import_doc: detect and convert to the neutral document (or say
 * "this is Package JSON"; lib/pipeline loads and recognises).
 */
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <string.h>

#include "import/import_zip.h"

/* English name of a kind (static). */
const char *jx_input_kind_name(enum jx_input_kind k)
{
    switch (k) {
    case JX_IN_JSON:
        return "json";
    case JX_IN_DOCX:
        return "docx";
    case JX_IN_XLSX:
        return "xlsx";
    case JX_IN_ZIP:
        return "zip";
    case JX_IN_TEXT:
        return "text";
    case JX_IN_UNKNOWN:
        break;
    }
    return "unknown";
}

/* True when data[0..len) is UTF-8 without NUL bytes. */
static bool is_utf8_text(const char *data, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char b = (unsigned char)data[i];
        if (b == 0) {
            return false;
        }
        if (b < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        int n = jx_utf8_decode(data + i, len - i, &cp);
        if (n <= 0) {
            return false;
        }
        i += (size_t)n;
    }
    return true;
}

/* True for the control bytes plain text may hold: tab, line feed,
 * vertical tab, form feed (page breaks in PDF text), carriage return
 * and escape. */
static bool text_control(unsigned char b)
{
    return b == '\t' || b == '\n' || b == '\v' || b == '\f' || b == '\r' ||
           b == 0x1b;
}

/*
 * True when data[0..len) is well-formed GB18030 (ASCII; two bytes
 * 81-FE then 40-7E or 80-FE; four bytes 81-FE 30-39 81-FE 30-39) with
 * no control bytes other than those of text_control().
 */
static bool is_gb18030_text(const char *data, size_t len)
{
    const unsigned char *d = (const unsigned char *)data;
    size_t i = 0;
    while (i < len) {
        unsigned char b = d[i];
        if (b < 0x20 && !text_control(b)) {
            return false;
        }
        if (b < 0x80) {
            i++;
            continue;
        }
        if (b == 0x80 || b == 0xff || i + 1 >= len) {
            return false;
        }
        unsigned char t = d[i + 1];
        if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
            i += 2;
            continue;
        }
        if (t >= 0x30 && t <= 0x39 && i + 3 < len && d[i + 2] >= 0x81 &&
            d[i + 2] <= 0xfe && d[i + 3] >= 0x30 && d[i + 3] <= 0x39) {
            i += 4;
            continue;
        }
        return false;
    }
    return true;
}

/* Kind of a ZIP from its entry names: DOCX, XLSX or another ZIP (a
 * broken ZIP is another ZIP). */
static enum jx_input_kind zip_kind(const char *data, size_t len)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    enum jx_input_kind k = JX_IN_ZIP;
    struct jx_zip *z = jx_zip_open(data, len, &lim, "", &d);
    if (z) {
        k = jx_zip_kind(z);
        jx_zip_close(z);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
    return k;
}

/* Whether data starts like a ZIP (a local header or an empty archive). */
static bool zip_magic(const char *data, size_t len)
{
    return len >= 4 && (memcmp(data, "PK\x03\x04", 4) == 0 ||
                        memcmp(data, "PK\x05\x06", 4) == 0);
}

/* Detect the kind of data[0..len) from its content. */
enum jx_input_kind jx_detect(const char *data, size_t len)
{
    if (!data || len == 0) {
        return JX_IN_UNKNOWN;
    }
    if (zip_magic(data, len)) {
        return zip_kind(data, len);
    }
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        i = 3;
    }
    while (i < len && (data[i] == ' ' || data[i] == '\t' ||
                       data[i] == '\r' || data[i] == '\n')) {
        i++;
    }
    if (i < len && data[i] == '{') {
        return JX_IN_JSON;
    }
    if (is_utf8_text(data, len) || is_gb18030_text(data, len) ||
        jx_text_is_utf16(data, len)) {
        return JX_IN_TEXT;
    }
    return JX_IN_UNKNOWN;
}

/* Add an import error about the whole input (message in the arena). */
static void input_diag(struct jx_diags *diags, const char *file,
                       const char *code, const char *fmt, ...)
    JX_PRINTF(4, 5);

/* Add an import error about the whole input. */
static void input_diag(struct jx_diags *diags, const char *file,
                       const char *code, const char *fmt, ...)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = jx_strdup(diags->arena, file);
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(diags->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(diags, code, JX_SEV_ERROR, &loc, "%s", msg);
}

/* Convert the ZIP data[0..len), opened once: a DOCX or an XLSX to the
 * document, anything else NULL with a finding; *kind (if not NULL)
 * gets the kind. */
static struct jx_doc *import_zip(struct jx_arena *arena, const char *file,
                                 const char *data, size_t len,
                                 const struct jx_limits *lim,
                                 struct jx_diags *diags,
                                 enum jx_input_kind *kind)
{
    if (kind) {
        *kind = JX_IN_ZIP;
    }
    struct jx_zip *z = jx_zip_open(data, len, lim, file, diags);
    if (!z) {
        return NULL;
    }
    enum jx_input_kind k = jx_zip_kind(z);
    if (kind) {
        *kind = k;
    }
    struct jx_doc *doc = NULL;
    if (k == JX_IN_DOCX) {
        doc = jx_import_docx_zip(arena, file, z, lim, diags);
    } else if (k == JX_IN_XLSX) {
        doc = jx_import_xlsx_zip(arena, file, z, lim, diags);
    } else {
        input_diag(diags, file, "I233",
                   "ZIP 文件既不是 DOCX 也不是 XLSX（缺少 "
                   "[Content_Types].xml 与 word/document.xml 或 "
                   "xl/workbook.xml），共 %zu 个条目",
                   jx_zip_count(z));
    }
    jx_zip_close(z);
    return doc;
}

/* Detect and convert a document; see import.h. */
struct jx_doc *jx_import_doc(struct jx_arena *arena, const char *file,
                             const char *data, size_t len,
                             const struct jx_limits *lim,
                             struct jx_diags *diags,
                             enum jx_input_kind *kind)
{
    struct jx_limits deflim;
    if (!lim) {
        jx_limits_default(&deflim);
        lim = &deflim;
    }
    if (kind) {
        *kind = JX_IN_UNKNOWN;
    }
    if (len > lim->max_input) {
        input_diag(diags, file, "I231", "输入过大：%zu 字节，上限 %zu 字节",
                   len, lim->max_input);
        return NULL;
    }
    if (zip_magic(data, len)) {
        return import_zip(arena, file, data, len, lim, diags, kind);
    }
    enum jx_input_kind k = jx_detect(data, len);
    if (kind) {
        *kind = k;
    }
    switch (k) {
    case JX_IN_JSON:
        return NULL;
    case JX_IN_TEXT:
        return jx_import_text(arena, file, data, len, lim, diags);
    case JX_IN_DOCX:
    case JX_IN_XLSX:
    case JX_IN_ZIP:
        break; /* not without the ZIP signature */
    case JX_IN_UNKNOWN:
        break;
    }
    input_diag(diags, file, "I232",
               "无法识别的文件格式（%zu 字节）：不是 JSON、DOCX、XLSX，"
               "也不是 UTF-8 或 GB18030 文本",
               len);
    return NULL;
}
