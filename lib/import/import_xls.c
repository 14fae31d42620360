/*
 * import_xls.c - BIFF .xls workbooks (Excel 97-2003; WPS 表格 saves
 * the same) to the neutral document through FreeXL.
 *
 * FreeXL reads only from a path, so the bytes go into a private
 * temporary directory first (removed before returning).  Each worksheet
 * becomes a table named by the sheet; every non-empty cell a cell.
 * Numbers arrive as binary doubles: the text kept is the double's 15
 * significant digits, trailing zeros dropped (what Excel shows), so
 * 0.1 + 0.2 stored as 0.30000000000000004 reads "0.3".  FreeXL gives
 * neither merged cells nor number formats: a merged cell is its
 * top-left cell, a percentage is its fraction.
 */
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most columns read from a sheet (BIFF8 has 256). */
#define MAX_COLS 16384

/* Append the plain decimal text of v with 15 significant digits,
 * trailing zeros dropped, to b ("1E-5" style never appears). */
static void double_text(double v, struct jx_buf *b)
{
    char s[64];
    int n = snprintf(s, sizeof s, "%.14e", v); /* d.dddddddddddddde±x */
    if (n <= 0 || (size_t)n >= sizeof s) {
        jx_buf_adds(b, "0");
        return;
    }
    const char *p = s;
    bool neg = false;
    if (*p == '-') {
        neg = true;
        p++;
    }
    if (*p < '0' || *p > '9') { /* inf or nan */
        jx_buf_adds(b, s);
        return;
    }
    char dig[32];
    int nd = 0;
    for (; *p && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9' && nd < 30) {
            dig[nd++] = *p;
        }
    }
    long ex = 0;
    bool eneg = false;
    if (*p == 'e') {
        p++;
        if (*p == '-' || *p == '+') {
            eneg = *p == '-';
            p++;
        }
        for (; *p >= '0' && *p <= '9'; p++) {
            ex = ex * 10 + (*p - '0');
            if (ex > 400) {
                break;
            }
        }
    }
    if (eneg) {
        ex = -ex;
    }
    while (nd > 1 && dig[nd - 1] == '0') {
        nd--;
    }
    if (nd == 1 && dig[0] == '0') {
        jx_buf_adds(b, "0");
        return;
    }
    if (neg) {
        jx_buf_addc(b, '-');
    }
    long intd = ex + 1; /* digits before the point */
    if (intd <= 0) {
        jx_buf_adds(b, "0.");
        for (long i = 0; i < -intd; i++) {
            jx_buf_addc(b, '0');
        }
        jx_buf_add(b, dig, (size_t)nd);
    } else if (intd >= nd) {
        jx_buf_add(b, dig, (size_t)nd);
        for (long i = nd; i < intd; i++) {
            jx_buf_addc(b, '0');
        }
    } else {
        jx_buf_add(b, dig, (size_t)intd);
        jx_buf_addc(b, '.');
        jx_buf_add(b, dig + intd, (size_t)(nd - intd));
    }
}

/* The A1 name of a 0-based cell, in the arena. */
static const char *a1(struct jx_arena *a, unsigned row, unsigned col)
{
    char letters[8];
    int n = 0;
    unsigned c = col + 1;
    while (c > 0 && n < 7) {
        letters[n++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    char out[32];
    int k = 0;
    while (n > 0) {
        out[k++] = letters[--n];
    }
    out[k] = '\0';
    return jx_sprintf(a, "%s%u", out, row + 1);
}

/* The text of one cell into b (empty for an empty cell). */
static void cell_text(const FreeXL_CellValue *v, struct jx_buf *b)
{
    switch (v->type) {
    case FREEXL_CELL_INT:
        jx_buf_addf(b, "%d", v->value.int_value);
        break;
    case FREEXL_CELL_DOUBLE:
        double_text(v->value.double_value, b);
        break;
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
        if (v->value.text_value) {
            jx_buf_adds(b, v->value.text_value);
        }
        break;
    default:
        break;
    }
}

/* Trim ASCII blanks and full-width spaces around s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
    size_t i = 0, e = *n;
    for (;;) {
        if (i < e && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
                      s[i] == '\n')) {
            i++;
        } else if (e - i >= 3 && memcmp(s + i, "\xE3\x80\x80", 3) == 0) {
            i += 3;
        } else {
            break;
        }
    }
    for (;;) {
        if (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
                      s[e - 1] == '\r' || s[e - 1] == '\n')) {
            e--;
        } else if (e - i >= 3 && memcmp(s + e - 3, "\xE3\x80\x80", 3) == 0) {
            e -= 3;
        } else {
            break;
        }
    }
    *n = e - i;
    return s + i;
}

/* Read the active sheet `name` into a new table of doc; false when a
 * limit stops it (reported). */
static bool read_sheet(const void *h, struct jx_doc *doc, const char *name,
                       const struct jx_limits *lim, size_t *cells,
                       struct jx_diags *diags)
{
    unsigned rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK) {
        return true;
    }
    struct jx_doc_table *t = jx_doc_add_table(doc, name);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    bool ok = true;
    for (unsigned r = 0; r < rows && ok; r++) {
        for (unsigned c = 0; c < cols && c < MAX_COLS; c++) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(h, r, (unsigned short)c, &v) !=
                FREEXL_OK) {
                continue;
            }
            jx_buf_reset(&b);
            cell_text(&v, &b);
            size_t n = b.len;
            const char *s = trim(b.p, &n);
            if (n == 0) {
                continue;
            }
            if (++*cells > lim->max_cells) {
                jx_import_error(diags, doc->file, "I543",
                                "XLS 表格单元格过多：超过上限 %zu 个",
                                lim->max_cells);
                ok = false;
                break;
            }
            struct jx_prov pv;
            memset(&pv, 0, sizeof pv);
            pv.file = doc->file;
            pv.sheet = name;
            pv.cell = a1(doc->arena, r, c);
            jx_doc_table_add_cell(doc, t, (int)r, (int)c, 1, 1, s, n, &pv);
        }
    }
    jx_buf_release(&b);
    if (jx_doc_table_end(doc, t) != 0) {
        jx_import_error(diags, doc->file, "I543",
                        "XLS 工作表“%s”过大：超过 %ld 个网格位置", name,
                        (long)JX_DOC_MAX_GRID);
        return false;
    }
    return ok;
}

/* .xls to document; see import_formats.h. */
struct jx_doc *jx_import_xls(struct jx_arena *arena, const char *file,
                             const char *data, size_t len,
                             const struct jx_limits *lim,
                             struct jx_diags *diags)
{
    char *dir = jx_import_tmpdir();
    if (!dir) {
        jx_import_error(diags, file, "I541",
                        "无法读取 XLS 文件：不能建立临时文件");
        return NULL;
    }
    char *path = jx_sprintf(arena, "%s/in.xls", dir);
    const void *h = NULL;
    int rc = FREEXL_FILE_NOT_FOUND;
    if (jx_write_file_atomic(path, data, len) == 0) {
        rc = freexl_open(path, &h);
    }
    if (rc != FREEXL_OK) {
        if (h) {
            freexl_close(h);
        }
        jx_import_rmtree(dir);
        jx_import_error(diags, file, "I541",
                        "无法读取 XLS 文件（FreeXL 错误 %d）：文件损坏，"
                        "或不是 BIFF 格式的 Excel 工作簿",
                        rc);
        return NULL;
    }
    unsigned int info = 0;
    if (freexl_get_info(h, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK &&
        info == FREEXL_BIFF_OBFUSCATED) {
        freexl_close(h);
        jx_import_rmtree(dir);
        jx_import_error(diags, file, "I542",
                        "XLS 文件有密码保护（已加密），无法读取：请去掉密码"
                        "后再提交");
        return NULL;
    }
    struct jx_doc *doc = jx_doc_new(arena, file, JX_SRC_XLS);
    unsigned int nsheets = 0;
    freexl_get_info(h, FREEXL_BIFF_SHEET_COUNT, &nsheets);
    size_t cells = 0;
    for (unsigned i = 0; i < nsheets && i < 65535; i++) {
        const char *nm = NULL;
        if (freexl_get_worksheet_name(h, (unsigned short)i, &nm) !=
                FREEXL_OK ||
            freexl_select_active_worksheet(h, (unsigned short)i) !=
                FREEXL_OK) {
            continue;
        }
        const char *name =
            jx_strdup(arena, nm ? nm : jx_sprintf(arena, "Sheet%u", i + 1));
        if (!read_sheet(h, doc, name, lim, &cells, diags)) {
            doc = NULL;
            break;
        }
    }
    freexl_close(h);
    jx_import_rmtree(dir);
    return doc;
}
