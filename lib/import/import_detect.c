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
    case JX_IN_PDF:
        return "pdf";
    case JX_IN_HTML:
        return "html";
    case JX_IN_XLS:
        return "xls";
    case JX_IN_DOC:
        return "doc";
    case JX_IN_OLE:
        return "ole";
    case JX_IN_UNKNOWN:
        break;
    }
    return "unknown";
}

/* See import.h. */
const char *jx_input_kind_zh(enum jx_input_kind k)
{
    switch (k) {
    case JX_IN_JSON: return "JSON 文件";
    case JX_IN_DOCX: return "DOCX 文档";
    case JX_IN_XLSX: return "XLSX 工作簿";
    case JX_IN_ZIP: return "ZIP 压缩包（不是 DOCX 或 XLSX）";
    case JX_IN_TEXT: return "文本文件";
    case JX_IN_PDF: return "PDF 文件";
    case JX_IN_HTML: return "HTML 网页";
    case JX_IN_XLS: return "XLS 工作簿";
    case JX_IN_DOC: return "DOC 文档（旧版 Word）";
    case JX_IN_OLE: return "OLE 复合文件";
    case JX_IN_UNKNOWN: break;
    }
    return "无法识别的二进制文件";
}

/* See import.h. */
enum jx_input_kind jx_input_detect(const char *data, size_t len)
{
    return jx_detect(data, len);
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

/* Whether data[0..len) holds the n bytes of pat. */
static bool has_bytes(const char *data, size_t len, const char *pat, size_t n)
{
    for (size_t i = 0; n > 0 && i + n <= len; i++) {
        if (data[i] == pat[0] && memcmp(data + i, pat, n) == 0) {
            return true;
        }
    }
    return false;
}

/* Kind of an OLE2 compound file from its directory entries' names
 * (UTF-16LE in the directory sectors): WordDocument (.doc and WPS
 * .wps) or Workbook/Book (.xls and WPS .et). */
static enum jx_input_kind ole_kind(const char *data, size_t len)
{
    static const char word[] = "W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0";
    static const char wb[] = "W\0o\0r\0k\0b\0o\0o\0k\0";
    static const char book[] = "\0\0B\0o\0o\0k\0\0\0";
    if (has_bytes(data, len, word, sizeof word - 1)) {
        return JX_IN_DOC;
    }
    if (has_bytes(data, len, wb, sizeof wb - 1) ||
        has_bytes(data, len, book, sizeof book - 1)) {
        return JX_IN_XLS;
    }
    return JX_IN_OLE;
}

/* Case-insensitive: whether s[0..n) starts with the lower-case p. */
static bool starts_ci(const char *s, size_t n, const char *p)
{
    size_t m = strlen(p);
    if (n < m) {
        return false;
    }
    for (size_t i = 0; i < m; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') {
            c = (char)(c - 'A' + 'a');
        }
        if (c != p[i]) {
            return false;
        }
    }
    return true;
}

/* Whether the text from data[i] on is HTML: it starts with a doctype
 * or one of the tags a saved page starts with, or with a comment or an
 * XML declaration followed by <html in the first 4 KiB (a browser's
 * "saved from" note, XHTML). */
static bool html_start(const char *data, size_t len, size_t i)
{
    static const char *const tags[] = {"<!doctype html", "<html", "<head",
                                       "<meta", "<body", "<table", "<title",
                                       "<!--", "<?xml", NULL};
    for (int k = 0; tags[k]; k++) {
        if (starts_ci(data + i, len - i, tags[k])) {
            size_t h = len < 4096 ? len : 4096;
            return k < 7 || has_bytes(data, h, "<html", 5) ||
                   has_bytes(data, h, "<HTML", 5);
        }
    }
    return false;
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
    if (has_bytes(data, len < 1024 ? len : 1024, "%PDF-", 5)) {
        return JX_IN_PDF;
    }
    if (len >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        return ole_kind(data, len);
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
    if (i < len && data[i] == '<' && html_start(data, len, i)) {
        return JX_IN_HTML;
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
    case JX_IN_PDF:
        return jx_import_pdf(arena, file, data, len, lim, diags);
    case JX_IN_HTML:
        return jx_import_html(arena, file, data, len, lim, diags);
    case JX_IN_XLS: {
        /* FreeXL first; what it cannot read (a WPS .et, BIFF5) through
         * LibreOffice when it is there */
        struct jx_diags tmp;
        jx_diags_init(&tmp, arena);
        struct jx_doc *d = jx_import_xls(arena, file, data, len, lim, &tmp);
        if (d) {
            jx_diags_release(&tmp);
            return d;
        }
        jx_diags_release(&tmp);
        return jx_import_convert(arena, file, data, len, k, lim, diags);
    }
    case JX_IN_DOC:
        return jx_import_convert(arena, file, data, len, k, lim, diags);
    case JX_IN_OLE:
        input_diag(diags, file, "I563",
                   "OLE2 复合文档既不是 Word（.doc/.wps）也不是 Excel"
                   "（.xls/.et）文件，无法读取");
        return NULL;
    case JX_IN_DOCX:
    case JX_IN_XLSX:
    case JX_IN_ZIP:
        break; /* not without the ZIP signature */
    case JX_IN_UNKNOWN:
        break;
    }
    input_diag(diags, file, "I232",
               "无法识别的文件格式（%zu 字节）：不是 JSON、DOCX、XLSX、"
               "PDF、HTML、XLS、DOC，也不是 UTF-8 或 GB18030 文本",
               len);
    return NULL;
}
