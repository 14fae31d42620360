/*
 * import_xlsx.c - XLSX to the neutral document: one table per sheet in
 * workbook order, named by the sheet, cells at (Excel row - 1, column -
 * 1) with their text and provenance sheet!A1.
 *
 * Reading (libzip and expat through zipread.h and xmlread.h, which
 * enforce the size, ratio and depth limits):
 *   _rels/.rels -> the workbook part (xl/workbook.xml by default);
 *   the workbook: sheet names, their relationship ids, date1904;
 *   its relationships: the sheets' parts, sharedStrings, styles;
 *   styles: which cell formats are percentages and dates;
 *   sharedStrings: strings, rich text runs joined, phonetic runs left
 *   out;
 *   each sheet: <c> cells in <sheetData>, <mergeCell> spans, its part
 *   inflated in chunks straight into expat (never held whole).
 *
 * What a cell's text is:
 *   - strings (shared, inline, a formula's string result): the text,
 *     _xHHHH_ escapes decoded, CR dropped, trimmed;
 *   - numbers: the <v> text is a binary double written in decimal
 *     ("124599.99999999999", "4.0000000000000007E-4").  It is read as
 *     decimal TEXT (no floating point) and rounded half-up to 15
 *     significant digits, which is what Excel shows; a finding I306
 *     (rounding) says so when non-zero digits were dropped.  Written
 *     without exponent ("124600", "0.0004") unless that would pass 30
 *     digits;
 *   - percent-formatted numbers (formats 9, 10, or a format with % ):
 *     the percentage as displayed, with the format's decimals, rounded
 *     half-up from the 15-digit value: 0.4864683819073893 in a "0.00%"
 *     cell reads "48.65%", 1 reads "100.00%" (what the printed form
 *     shows and what a unit states);
 *   - date-formatted numbers (formats 14-17, 22, 27-31, 36, 50-54, 57,
 *     58, or a format with y or d): "YYYY-MM-DD" (1900 or 1904 date
 *     system; the time of day is dropped);
 *   - booleans "TRUE"/"FALSE"; errors as written ("#DIV/0!");
 *   - formulas: the cached value (<v>), typed as above.
 * The top-left cell of a merged range carries the spans; other cells
 * inside a merged range are dropped (a spreadsheet does not show
 * them).  A table is dense, like one from text or DOCX: every position
 * of the used range (up to the last non-empty cell) that no cell or
 * merged range covers is an empty cell, so rows keep their trailing
 * empty cells; a used range of more than 250,000 positions stays
 * sparse (only non-empty cells and merged ranges).
 *
 * Limits: rows 1..1048576, columns A..XFD (a reference outside is
 * refused with I303), lim->max_cells cells in the document, 2,000,000
 * shared strings, 1,000 sheets, 100,000 merged ranges a sheet, strings
 * of 32,767 characters (Excel's limit).
 */
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <stdlib.h>
#include <string.h>

#include "import/import_xml.h"
#include "import/import_zip.h"

enum {
    MAX_ROWS = 1048576,
    MAX_COLS = 16384,
    MAX_SHEETS = 1000,
    MAX_SHARED = 2000000,
    MAX_MERGES = 100000,
    MAX_STRING_CHARS = 32767,
    MAX_STRING_BYTES = 32767 * 4,
    MAX_NAME_BYTES = 1024,
    SIG_DIGITS = 15,      /* what Excel shows */
    KEEP_DIGITS = 40,     /* digits of a number text kept while parsing */
    PLAIN_MAX = 30,       /* most zeros written out before an exponent */
    HIDE_BUDGET = 50000000, /* cell visits spent on hiding merged cells */
    DENSE_MAX = 250000    /* most positions of a table made dense */
};

/* How a cell format shows a number. */
enum fmt_kind {
    FMT_NUMBER = 0,
    FMT_PERCENT,
    FMT_DATE
};

/* A cell format (an <xf> of cellXfs). */
struct xf {
    enum fmt_kind kind;
    int dec;     /* percent: most decimals shown */
    int mindec;  /* percent: decimals always shown */
};

/* A custom number format (<numFmt>). */
struct numfmt {
    long id;
    struct xf fmt;
};

/* A sheet of the workbook. */
struct sheetref {
    const char *name; /* in the document's arena */
    const char *rid;  /* relationship id (scratch) */
};

/* A relationship. */
struct rel {
    const char *id, *type, *target; /* scratch */
};

/* A cell read from a sheet, before it goes into the document. */
struct rawcell {
    int row, col;
    int rowspan, colspan;
    const char *text; /* in the document's arena: the cell's own */
    unsigned seq;     /* order in the file (ties) */
    bool hidden;      /* inside a merged range, not its top-left */
};

/* A shared string. */
struct sstr {
    const char *s; /* scratch */
    size_t n;
};

/* A merged range. */
struct merge {
    int r1, c1, r2, c2;
};

/* The whole import. */
struct xctx {
    struct jx_arena *a;       /* the document's arena */
    struct jx_arena *s;       /* scratch, freed at the end */
    const char *file;
    const struct jx_limits *lim;
    struct jx_diags *diags;
    struct jx_zip *zip;
    struct jx_doc *doc;

    struct sstr *sst;         /* shared strings (malloc; text scratch) */
    size_t nsst, capsst;
    bool sst_full;            /* MAX_SHARED reached */

    struct xf *xfs;           /* cellXfs (malloc) */
    size_t nxf, capxf;
    struct numfmt *numfmts;   /* custom formats (malloc) */
    size_t nnumfmt, capnumfmt;
    bool date1904;

    size_t cells;             /* cells added to the document */
    bool cells_full;          /* lim->max_cells reached */
    bool long_string_noted;
};

/* Grow a malloc'd array of `size`-byte elements to hold n + 1. */
static void *grow(void *p, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) {
        return p;
    }
    size_t ncap = *cap ? *cap * 2 : 16;
    p = jx_xrealloc(p, ncap * size);
    *cap = ncap;
    return p;
}

/* A location in the file, optionally a sheet and a cell. */
static struct jx_loc loc_of(const struct xctx *x, const char *sheet,
                            const char *cell)
{
    struct jx_loc l;
    memset(&l, 0, sizeof l);
    l.file = x->file;
    l.sheet = sheet;
    l.cell = cell;
    return l;
}

/* The A1 name of a 0-based cell, in the document's arena. */
static const char *a1_name(struct jx_arena *a, int row, int col)
{
    char letters[4];
    char tmp[4];
    int k = 0;
    int c = col + 1;
    while (c > 0 && k < 3) {
        tmp[k++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    for (int i = 0; i < k; i++) {
        letters[i] = tmp[k - 1 - i];
    }
    letters[k] = '\0';
    return jx_sprintf(a, "%s%d", letters, row + 1);
}

/* Parse an A1 reference s[0..n) ("B12", no '$') into 0-based row and
 * column.  0, or -1 when it is not one or lies outside A1:XFD1048576. */
static int parse_ref(const char *s, size_t n, int *row, int *col)
{
    size_t i = 0;
    long c = 0, r = 0;
    while (i < n && ((s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] >= 'a' && s[i] <= 'z'))) {
        int v = (s[i] >= 'a' ? s[i] - 'a' : s[i] - 'A') + 1;
        c = c * 26 + v;
        if (c > MAX_COLS) {
            return -1;
        }
        i++;
    }
    if (i == 0 || i == n) {
        return -1;
    }
    size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') {
        r = r * 10 + (s[i] - '0');
        if (r > MAX_ROWS) {
            return -1;
        }
        i++;
        digits++;
    }
    if (i != n || digits == 0 || r < 1) {
        return -1;
    }
    *row = (int)(r - 1);
    *col = (int)(c - 1);
    return 0;
}

/* Parse a non-negative decimal integer s (NUL-terminated, surrounding
 * blanks allowed) up to max.  0, or -1. */
static int parse_uint(const char *s, long max, long *out)
{
    long v = 0;
    size_t i = 0, digits = 0;
    while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
        i++;
    }
    while (s[i] >= '0' && s[i] <= '9') {
        v = v * 10 + (s[i] - '0');
        if (v > max) {
            return -1;
        }
        i++;
        digits++;
    }
    while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
        i++;
    }
    if (!digits || s[i] != '\0') {
        return -1;
    }
    *out = v;
    return 0;
}

/* ---- decimal text of numbers ---------------------------------------- */

/* A decimal number: ±d[0..n) × 10^e, d without leading zeros (n == 0
 * is zero). */
struct dnum {
    bool neg;
    char d[KEEP_DIGITS + 2];
    int n;
    long e;
};

/* Drop trailing zero digits (raising the exponent). */
static void dnum_trim(struct dnum *x)
{
    while (x->n > 0 && x->d[x->n - 1] == '0') {
        x->n--;
        x->e++;
    }
    if (x->n == 0) {
        x->e = 0;
        x->neg = false;
    }
}

/*
 * Parse the text of a numeric <v>: [sign] digits [. digits] [E [sign]
 * digits], surrounding blanks allowed.  Keeps KEEP_DIGITS significant
 * digits; *more is set when non-zero digits beyond them were present.
 * 0, or -1 when it is not a number.
 */
static int dnum_parse(const char *s, size_t n, struct dnum *x, bool *more)
{
    size_t i = 0;
    memset(x, 0, sizeof *x);
    *more = false;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                     s[i] == '\r')) {
        i++;
    }
    while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
                     s[n - 1] == '\n' || s[n - 1] == '\r')) {
        n--;
    }
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        x->neg = s[i] == '-';
        i++;
    }
    size_t digits = 0;
    bool point = false;
    long shift = 0; /* exponent adjustment of the digits kept */
    for (; i < n; i++) {
        char ch = s[i];
        if (ch == '.' && !point) {
            point = true;
            continue;
        }
        if (ch < '0' || ch > '9') {
            break;
        }
        digits++;
        if (x->n == 0 && ch == '0') {
            if (point) {
                shift--; /* a leading zero after the point */
            }
            continue;
        }
        if (x->n < KEEP_DIGITS) {
            x->d[x->n++] = ch;
            if (point) {
                shift--;
            }
        } else {
            if (ch != '0') {
                *more = true;
            }
            if (!point) {
                shift++;
            }
        }
        if (shift < -1000000 || shift > 1000000) {
            return -1;
        }
    }
    if (!digits) {
        return -1;
    }
    long ex = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        bool eneg = false;
        if (i < n && (s[i] == '-' || s[i] == '+')) {
            eneg = s[i] == '-';
            i++;
        }
        size_t ed = 0;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            ex = ex * 10 + (s[i] - '0');
            if (ex > 1000000) {
                return -1;
            }
            ed++;
        }
        if (!ed) {
            return -1;
        }
        if (eneg) {
            ex = -ex;
        }
    }
    if (i != n) {
        return -1;
    }
    x->e = shift + ex;
    dnum_trim(x);
    return 0;
}

/* Round x half-up (away from zero) so that no digit is below 10^min_e.
 * *lost is set when a non-zero digit was dropped. */
static void dnum_round_at(struct dnum *x, long min_e, bool *lost)
{
    if (x->n == 0 || x->e >= min_e) {
        return;
    }
    long drop = min_e - x->e;
    if (drop > x->n) {
        *lost = true; /* every digit is below: the value rounds to 0 */
        x->n = 0;
        dnum_trim(x);
        return;
    }
    int keep = x->n - (int)drop;
    for (int i = keep; i < x->n; i++) {
        if (x->d[i] != '0') {
            *lost = true;
        }
    }
    bool up = x->d[keep] >= '5';
    x->n = keep;
    x->e = min_e;
    if (up) {
        int i = x->n - 1;
        while (i >= 0 && x->d[i] == '9') {
            x->d[i] = '0';
            i--;
        }
        if (i >= 0) {
            x->d[i]++;
        } else {
            memmove(x->d + 1, x->d, (size_t)x->n);
            x->d[0] = '1';
            x->n++;
        }
    }
    dnum_trim(x);
}

/* Round x to SIG_DIGITS significant digits. */
static void dnum_round_sig(struct dnum *x, bool *lost)
{
    if (x->n > SIG_DIGITS) {
        dnum_round_at(x, x->e + (x->n - SIG_DIGITS), lost);
    }
}

/* Append x to b as plain decimal text with at least mindec decimals,
 * or with an exponent ("1.5E+300") when plain text would need more than
 * PLAIN_MAX zeros. */
static void dnum_format(const struct dnum *x, int mindec, struct jx_buf *b)
{
    if (x->n == 0) {
        jx_buf_addc(b, '0');
        if (mindec > 0) {
            jx_buf_addc(b, '.');
            for (int i = 0; i < mindec; i++) {
                jx_buf_addc(b, '0');
            }
        }
        return;
    }
    if (x->neg) {
        jx_buf_addc(b, '-');
    }
    long intdigits = x->n + x->e; /* digits before the point */
    if (x->e > PLAIN_MAX || intdigits < -PLAIN_MAX) {
        jx_buf_addc(b, x->d[0]);
        if (x->n > 1) {
            jx_buf_addc(b, '.');
            jx_buf_add(b, x->d + 1, (size_t)(x->n - 1));
        }
        jx_buf_addf(b, "E%c%ld", intdigits - 1 < 0 ? '-' : '+',
                    intdigits - 1 < 0 ? -(intdigits - 1) : intdigits - 1);
        return;
    }
    long decimals = 0;
    if (intdigits <= 0) {
        jx_buf_adds(b, "0.");
        for (long i = 0; i < -intdigits; i++) {
            jx_buf_addc(b, '0');
        }
        jx_buf_add(b, x->d, (size_t)x->n);
        decimals = -intdigits + x->n;
    } else if (x->e >= 0) {
        jx_buf_add(b, x->d, (size_t)x->n);
        for (long i = 0; i < x->e; i++) {
            jx_buf_addc(b, '0');
        }
    } else {
        jx_buf_add(b, x->d, (size_t)intdigits);
        jx_buf_addc(b, '.');
        jx_buf_add(b, x->d + intdigits, (size_t)(x->n - intdigits));
        decimals = x->n - intdigits;
    }
    if (decimals < mindec) {
        if (decimals == 0) {
            jx_buf_addc(b, '.');
        }
        for (long i = decimals; i < mindec; i++) {
            jx_buf_addc(b, '0');
        }
    }
}

/* Days from 1970-01-01 to the civil date (proleptic Gregorian). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The civil date of a day count from 1970-01-01. */
static void civil_from_days(long z, long *y, long *m, long *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (*m <= 2);
}

/* Append the date of serial number x (time of day dropped) as
 * YYYY-MM-DD; -1 (nothing appended) outside 1..9999-12-31. */
static int serial_date(const struct dnum *x, bool date1904, struct jx_buf *b)
{
    if (x->neg || x->n == 0) {
        return -1;
    }
    long intdigits = x->n + x->e;
    if (intdigits <= 0 || intdigits > 7) {
        return -1;
    }
    long serial = 0;
    for (long i = 0; i < intdigits; i++) {
        serial = serial * 10 + (i < x->n ? x->d[i] - '0' : 0);
    }
    if (serial < 1 || serial > 2958465) {
        return -1;
    }
    long y, m, d;
    if (date1904) {
        civil_from_days(days_from_civil(1904, 1, 1) + serial, &y, &m, &d);
    } else if (serial == 60) {
        y = 1900; /* Excel's 1900-02-29, kept as Excel shows it */
        m = 2;
        d = 29;
    } else {
        long base = days_from_civil(1899, 12, serial < 60 ? 31 : 30);
        civil_from_days(base + serial, &y, &m, &d);
    }
    if (y > 9999) {
        return -1;
    }
    jx_buf_addf(b, "%04ld-%02ld-%02ld", y, m, d);
    return 0;
}

/* ---- cell formats --------------------------------------------------- */

/* The kind of a built-in number format id. */
static struct xf builtin_fmt(long id)
{
    struct xf f = {FMT_NUMBER, 0, 0};
    if (id == 9) {
        f.kind = FMT_PERCENT;
    } else if (id == 10) {
        f.kind = FMT_PERCENT;
        f.dec = f.mindec = 2;
    } else if ((id >= 14 && id <= 17) || id == 22 ||
               (id >= 27 && id <= 31) || id == 36 ||
               (id >= 50 && id <= 54) || id == 57 || id == 58) {
        f.kind = FMT_DATE;
    }
    return f;
}

/* Classify a custom format code by its first section: a percent (with
 * its decimals) when it has '%', a date when it has y or d; quoted text,
 * escaped and bracketed parts do not count. */
static struct xf classify_code(const char *s)
{
    struct xf f = {FMT_NUMBER, 0, 0};
    bool percent = false, date = false, point = false;
    int zeros = 0, all = 0;
    for (size_t i = 0; s[i] && s[i] != ';'; i++) {
        char ch = s[i];
        if (ch == '"') {
            i++;
            while (s[i] && s[i] != '"') {
                i++;
            }
            if (!s[i]) {
                break;
            }
            continue;
        }
        if (ch == '\\' || ch == '_' || ch == '*') {
            if (!s[i + 1]) {
                break;
            }
            i++;
            continue;
        }
        if (ch == '[') {
            while (s[i] && s[i] != ']') {
                i++;
            }
            if (!s[i]) {
                break;
            }
            continue;
        }
        if (ch == '%') {
            percent = true;
        } else if (ch == 'y' || ch == 'Y' || ch == 'd' || ch == 'D') {
            date = true;
        } else if (ch == '.') {
            point = true;
        } else if (point && (ch == '0' || ch == '#' || ch == '?')) {
            all++;
            if (ch == '0') {
                zeros++;
            }
        } else if (point && ch != ',') {
            point = false;
        }
    }
    if (percent) {
        f.kind = FMT_PERCENT;
        f.dec = all > 30 ? 30 : all;
        f.mindec = zeros > 30 ? 30 : zeros;
    } else if (date) {
        f.kind = FMT_DATE;
    }
    return f;
}

/* The format of a custom or built-in number format id. */
static struct xf format_of(const struct xctx *x, long id)
{
    for (size_t i = 0; i < x->nnumfmt; i++) {
        if (x->numfmts[i].id == id) {
            return x->numfmts[i].fmt;
        }
    }
    return builtin_fmt(id);
}

/* ---- reading parts -------------------------------------------------- */

/* Read a part of the ZIP (malloc'd, NUL-terminated) or NULL (zipread
 * has said why when it was there but could not be read). */
static char *read_part(struct xctx *x, const char *name, size_t *len)
{
    if (!jx_zip_has(x->zip, name)) {
        return NULL;
    }
    return jx_zip_read(x->zip, name, len);
}

/* Report malformed XML in a part with the codes of the XML reader
 * (I211 syntax, I212 DTD refused, I213 too deep; docs/ERRORS.md). */
static void xml_error(struct xctx *x, const char *sheet, const char *part,
                      const struct jx_xml_error *err)
{
    struct jx_loc l = loc_of(x, sheet, NULL);
    const char *code = err->kind == JX_XML_DTD     ? "I212"
                       : err->kind == JX_XML_DEPTH ? "I213"
                                                   : "I211";
    jx_diag_add(x->diags, code, JX_SEV_ERROR, &l, "%s 第 %ld 行第 %ld 列：%s",
                part, err->line, err->col,
                err->msg ? err->msg : "XML 格式错误");
}

/* Decode the _xHHHH_ escapes of OOXML strings and turn CR LF and lone
 * CR into LF, in place; returns the new length. */
static size_t unescape(char *s, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] == '_' && i + 6 < n && s[i + 1] == 'x' &&
            s[i + 6] == '_') {
            unsigned v = 0;
            bool ok = true;
            for (size_t k = 2; k < 6; k++) {
                char ch = s[i + k];
                unsigned dgt;
                if (ch >= '0' && ch <= '9') {
                    dgt = (unsigned)(ch - '0');
                } else if (ch >= 'a' && ch <= 'f') {
                    dgt = (unsigned)(ch - 'a' + 10);
                } else if (ch >= 'A' && ch <= 'F') {
                    dgt = (unsigned)(ch - 'A' + 10);
                } else {
                    ok = false;
                    break;
                }
                v = v * 16 + dgt;
            }
            if (ok && (v < 0xD800 || v > 0xDFFF)) {
                /* encode v as UTF-8 (at most 3 bytes, never longer
                 * than the 7-byte escape) */
                if (v == 0) {
                    /* a NUL would end the string: dropped */
                } else if (v == '\r') {
                    if (!(i + 7 < n && s[i + 7] == '\n')) {
                        s[o++] = '\n';
                    }
                } else if (v < 0x80) {
                    s[o++] = (char)v;
                } else if (v < 0x800) {
                    s[o++] = (char)(0xC0 | (v >> 6));
                    s[o++] = (char)(0x80 | (v & 0x3F));
                } else {
                    s[o++] = (char)(0xE0 | (v >> 12));
                    s[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
                    s[o++] = (char)(0x80 | (v & 0x3F));
                }
                i += 7;
                continue;
            }
        }
        if (s[i] == '\r') {
            if (!(i + 1 < n && s[i + 1] == '\n')) {
                s[o++] = '\n';
            }
            i++;
            continue;
        }
        s[o++] = s[i++];
    }
    return o;
}

/* Trim blanks (ASCII white space, U+00A0, U+3000) at both ends of
 * s[0..*n); returns the new start. */
static const char *trim(const char *s, size_t *n)
{
    size_t a = 0, b = *n;
    for (;;) {
        if (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' ||
                      s[a] == '\r')) {
            a++;
        } else if (b - a >= 2 && (unsigned char)s[a] == 0xC2 &&
                   (unsigned char)s[a + 1] == 0xA0) {
            a += 2;
        } else if (b - a >= 3 && (unsigned char)s[a] == 0xE3 &&
                   (unsigned char)s[a + 1] == 0x80 &&
                   (unsigned char)s[a + 2] == 0x80) {
            a += 3;
        } else {
            break;
        }
    }
    for (;;) {
        if (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
                      s[b - 1] == '\n' || s[b - 1] == '\r')) {
            b--;
        } else if (b - a >= 2 && (unsigned char)s[b - 2] == 0xC2 &&
                   (unsigned char)s[b - 1] == 0xA0) {
            b -= 2;
        } else if (b - a >= 3 && (unsigned char)s[b - 3] == 0xE3 &&
                   (unsigned char)s[b - 2] == 0x80 &&
                   (unsigned char)s[b - 1] == 0x80) {
            b -= 3;
        } else {
            break;
        }
    }
    *n = b - a;
    return s + a;
}

/* Cut b to at most MAX_STRING_CHARS code points (on a character
 * boundary); true when it was cut. */
static bool cut_long(struct jx_buf *b)
{
    if (b->len <= MAX_STRING_CHARS && !b->toobig) {
        return false;
    }
    size_t chars = 0, i = 0;
    while (i < b->len) {
        if (chars == MAX_STRING_CHARS) {
            b->len = i;
            b->p[i] = '\0';
            return true;
        }
        unsigned char c = (unsigned char)b->p[i];
        size_t step = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        i += step;
        chars++;
    }
    if (i > b->len) {
        /* a truncated multi-byte sequence at the end */
        while (b->len > 0 &&
               ((unsigned char)b->p[b->len - 1] & 0xC0) == 0x80) {
            b->len--;
        }
        if (b->len > 0 && (unsigned char)b->p[b->len - 1] >= 0xC0) {
            b->len--;
        }
        b->p[b->len] = '\0';
    }
    return b->toobig;
}

/* Report a string cut to Excel's length limit (once per import). */
static void note_long(struct xctx *x, const char *sheet, const char *cell)
{
    if (x->long_string_noted) {
        return;
    }
    x->long_string_noted = true;
    struct jx_loc l = loc_of(x, sheet, cell);
    jx_diag_add(x->diags, "I311", JX_SEV_WARNING, &l,
                "字符串超过 %d 个字符，已截断", MAX_STRING_CHARS);
}

/* ---- relationships ------------------------------------------------- */

/* Parser state of a .rels part. */
struct rels_state {
    struct xctx *x;
    struct rel *rels;
    size_t n, cap;
};

/* A <Relationship>. */
static void rels_start(void *ud, const char *ns, const char *local,
                       const char **attrs)
{
    struct rels_state *st = ud;
    (void)ns;
    if (strcmp(local, "Relationship") != 0 || st->n >= 100000) {
        return;
    }
    const char *id = jx_xml_attr(attrs, "Id");
    const char *type = jx_xml_attr(attrs, "Type");
    const char *target = jx_xml_attr(attrs, "Target");
    const char *mode = jx_xml_attr(attrs, "TargetMode");
    if (!id || !type || !target || (mode && strcmp(mode, "External") == 0)) {
        return;
    }
    st->rels = grow(st->rels, st->n, &st->cap, sizeof *st->rels);
    struct rel *r = &st->rels[st->n++];
    r->id = jx_strdup(st->x->s, id);
    r->type = jx_strdup(st->x->s, type);
    r->target = jx_strdup(st->x->s, target);
}

/* Read the relationships of a part; *n gets their count.  The array is
 * malloc'd (NULL when there are none). */
static struct rel *read_rels(struct xctx *x, const char *name, size_t *n)
{
    struct rels_state st;
    memset(&st, 0, sizeof st);
    st.x = x;
    *n = 0;
    size_t len = 0;
    char *data = read_part(x, name, &len);
    if (!data) {
        return NULL;
    }
    struct jx_xml_handlers h = {&st, rels_start, NULL, NULL};
    struct jx_xml_error err;
    if (jx_xml_parse(data, len, &h, x->lim->max_xml_depth, &err) < 0) {
        xml_error(x, NULL, name, &err);
    }
    free(data);
    *n = st.n;
    return st.rels;
}

/* True when a relationship type ends with "/" + kind. */
static bool type_is(const char *type, const char *kind)
{
    size_t n = strlen(type), k = strlen(kind);
    return n > k && type[n - k - 1] == '/' && strcmp(type + n - k, kind) == 0;
}

/* Resolve target relative to the folder of part base ("xl/workbook.xml"
 * + "worksheets/sheet1.xml" -> "xl/worksheets/sheet1.xml"; "/x/y" is
 * from the root), removing "." and ".." segments.  In scratch. */
static const char *resolve(struct xctx *x, const char *base,
                           const char *target)
{
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    if (target[0] == '/') {
        target++;
    } else {
        const char *slash = strrchr(base, '/');
        if (slash) {
            jx_buf_add(&b, base, (size_t)(slash - base + 1));
        }
    }
    jx_buf_adds(&b, target);
    /* normalise the segments */
    char *out = jx_alloc(x->s, b.len + 1);
    size_t o = 0;
    const char *p = b.p;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 0 || (n == 1 && p[0] == '.')) {
            /* skip */
        } else if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (o > 0 && out[o - 1] != '/') {
                o--;
            }
            if (o > 0) {
                o--;
                while (o > 0 && out[o - 1] != '/') {
                    o--;
                }
            }
        } else {
            memcpy(out + o, p, n);
            o += n;
            if (e) {
                out[o++] = '/';
            }
        }
        p = e ? e + 1 : p + n;
    }
    out[o] = '\0';
    jx_buf_release(&b);
    return out;
}

/* ---- workbook ------------------------------------------------------ */

/* Parser state of the workbook part. */
struct wb_state {
    struct xctx *x;
    struct sheetref *sheets;
    size_t n, cap;
    bool too_many;
};

/* <sheet> and <workbookPr>. */
static void wb_start(void *ud, const char *ns, const char *local,
                     const char **attrs)
{
    struct wb_state *st = ud;
    (void)ns;
    if (strcmp(local, "workbookPr") == 0) {
        const char *d = jx_xml_attr(attrs, "date1904");
        st->x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
        return;
    }
    if (strcmp(local, "sheet") != 0) {
        return;
    }
    if (st->n >= MAX_SHEETS) {
        st->too_many = true;
        return;
    }
    const char *name = jx_xml_attr(attrs, "name");
    const char *rid = jx_xml_attr(attrs, "id");
    st->sheets = grow(st->sheets, st->n, &st->cap, sizeof *st->sheets);
    struct sheetref *s = &st->sheets[st->n++];
    if (!name || !*name) {
        s->name = jx_sprintf(st->x->a, "Sheet%zu", st->n);
    } else {
        size_t len = strlen(name);
        if (len > MAX_NAME_BYTES) {
            len = MAX_NAME_BYTES;
            while (len > 0 && ((unsigned char)name[len] & 0xC0) == 0x80) {
                len--;
            }
        }
        s->name = jx_strndup(st->x->a, name, len);
    }
    s->rid = rid ? jx_strdup(st->x->s, rid) : NULL;
}

/* ---- styles -------------------------------------------------------- */

/* Parser state of the styles part. */
struct styles_state {
    struct xctx *x;
    int in_xfs;  /* inside <cellXfs> */
    long *xf_ids;
    size_t n, cap;
};

/* <numFmt>, <cellXfs>, <xf>. */
static void styles_start(void *ud, const char *ns, const char *local,
                         const char **attrs)
{
    struct styles_state *st = ud;
    struct xctx *x = st->x;
    (void)ns;
    if (strcmp(local, "cellXfs") == 0) {
        st->in_xfs++;
    } else if (strcmp(local, "xf") == 0 && st->in_xfs) {
        if (st->n >= 100000) {
            return;
        }
        long id = 0;
        const char *v = jx_xml_attr(attrs, "numFmtId");
        if (!v || parse_uint(v, 1000000, &id) < 0) {
            id = 0;
        }
        st->xf_ids = grow(st->xf_ids, st->n, &st->cap, sizeof *st->xf_ids);
        st->xf_ids[st->n++] = id;
    } else if (strcmp(local, "numFmt") == 0 && x->nnumfmt < 10000) {
        long id = 0;
        const char *v = jx_xml_attr(attrs, "numFmtId");
        const char *code = jx_xml_attr(attrs, "formatCode");
        if (!v || !code || parse_uint(v, 1000000, &id) < 0) {
            return;
        }
        x->numfmts = grow(x->numfmts, x->nnumfmt, &x->capnumfmt,
                          sizeof *x->numfmts);
        x->numfmts[x->nnumfmt].id = id;
        x->numfmts[x->nnumfmt].fmt = classify_code(code);
        x->nnumfmt++;
    }
}

/* </cellXfs>. */
static void styles_end(void *ud, const char *ns, const char *local)
{
    struct styles_state *st = ud;
    (void)ns;
    if (strcmp(local, "cellXfs") == 0 && st->in_xfs) {
        st->in_xfs--;
    }
}

/* Read the styles part (if any) into x->xfs. */
static void read_styles(struct xctx *x, const char *name)
{
    size_t len = 0;
    char *data = read_part(x, name, &len);
    if (!data) {
        return;
    }
    struct styles_state st;
    memset(&st, 0, sizeof st);
    st.x = x;
    struct jx_xml_handlers h = {&st, styles_start, styles_end, NULL};
    struct jx_xml_error err;
    if (jx_xml_parse(data, len, &h, x->lim->max_xml_depth, &err) < 0) {
        xml_error(x, NULL, name, &err);
    }
    free(data);
    x->xfs = jx_xmalloc((st.n ? st.n : 1) * sizeof *x->xfs);
    for (size_t i = 0; i < st.n; i++) {
        x->xfs[i] = format_of(x, st.xf_ids[i]);
    }
    x->nxf = st.n;
    free(st.xf_ids);
}

/* ---- shared strings ------------------------------------------------ */

/* Parser state of the shared strings part. */
struct sst_state {
    struct xctx *x;
    bool in_si, in_t;
    int in_rph;
    struct jx_buf b;
};

/* <si>, <t>, <rPh>. */
static void sst_start(void *ud, const char *ns, const char *local,
                      const char **attrs)
{
    struct sst_state *st = ud;
    (void)ns;
    (void)attrs;
    if (strcmp(local, "si") == 0) {
        st->in_si = true;
        jx_buf_reset(&st->b);
        st->b.toobig = false;
    } else if (strcmp(local, "rPh") == 0) {
        st->in_rph++;
    } else if (strcmp(local, "t") == 0 && st->in_si && !st->in_rph) {
        st->in_t = true;
    }
}

/* </si> stores the string. */
static void sst_end(void *ud, const char *ns, const char *local)
{
    struct sst_state *st = ud;
    struct xctx *x = st->x;
    (void)ns;
    if (strcmp(local, "t") == 0) {
        st->in_t = false;
    } else if (strcmp(local, "rPh") == 0) {
        if (st->in_rph) {
            st->in_rph--;
        }
    } else if (strcmp(local, "si") == 0 && st->in_si) {
        st->in_si = false;
        if (x->nsst >= MAX_SHARED) {
            if (!x->sst_full) {
                x->sst_full = true;
                struct jx_loc l = loc_of(x, NULL, NULL);
                jx_diag_add(x->diags, "I307", JX_SEV_ERROR, &l,
                            "共享字符串超过 %d 个，其余的未读取",
                            MAX_SHARED);
            }
            return;
        }
        if (cut_long(&st->b)) {
            note_long(x, NULL, NULL);
        }
        size_t n = unescape(st->b.p, st->b.len);
        x->sst = grow(x->sst, x->nsst, &x->capsst, sizeof *x->sst);
        x->sst[x->nsst].s = jx_strndup(x->s, st->b.p, n);
        x->sst[x->nsst].n = n;
        x->nsst++;
    }
}

/* Text of a <t>. */
static void sst_text(void *ud, const char *s, size_t len)
{
    struct sst_state *st = ud;
    if (st->in_t) {
        jx_buf_add(&st->b, s, len);
    }
}

/* Read the shared strings part (if any). */
static void read_sst(struct xctx *x, const char *name)
{
    size_t len = 0;
    char *data = read_part(x, name, &len);
    if (!data) {
        return;
    }
    struct sst_state st;
    memset(&st, 0, sizeof st);
    st.x = x;
    jx_buf_init(&st.b, MAX_STRING_BYTES);
    struct jx_xml_handlers h = {&st, sst_start, sst_end, sst_text};
    struct jx_xml_error err;
    if (jx_xml_parse(data, len, &h, x->lim->max_xml_depth, &err) < 0) {
        xml_error(x, NULL, name, &err);
    }
    jx_buf_release(&st.b);
    free(data);
}

/* ---- a sheet ------------------------------------------------------- */

/* Parser state of a sheet part. */
struct sheet_state {
    struct xctx *x;
    const char *sheet;      /* its name */
    int in_data;            /* inside <sheetData> */
    int in_merges;          /* inside <mergeCells> */
    int row;                /* current row (0-based), -1 before the first */
    int col;                /* last column seen in the row */
    bool row_bad;           /* the row's reference was refused */
    /* the current cell */
    bool in_c, c_bad, in_v, in_is, in_t;
    int in_rph;
    int c_row, c_col;
    long c_style;
    char c_type[12];
    struct jx_buf v;        /* text of <v> */
    struct jx_buf is;       /* text of an inline string */
    /* results */
    struct rawcell *cells;
    size_t n, cap;
    struct merge *merges;
    size_t nmerges, capmerges;
    bool merges_full;
    bool stopped;           /* the document's cell limit was reached */
    long nrows, ncols;      /* used range of the visible cells */
    struct jx_buf out;      /* scratch for a cell's text */
    /* the parse, fed as the part inflates */
    struct jx_xml *xml;
    bool xml_failed;        /* its XML is malformed: xml_err says how */
    struct jx_xml_error xml_err;
};

/* A copy of s (in scratch) of at most max bytes, cut on a character
 * boundary, for quoting in a message. */
static const char *clip(struct xctx *x, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        return s;
    }
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) {
        n--;
    }
    return jx_sprintf(x->s, "%.*s…", (int)n, s);
}

/* Add a finding about a cell of the sheet being read (row < 0: about
 * the sheet); msg is a printf format. */
static void cell_finding(struct sheet_state *st, const char *code,
                         enum jx_severity sev, int row, int col,
                         const char *fmt, ...) JX_PRINTF(6, 7);

/* Add a finding about a cell: format the message into scratch, locate
 * it at the sheet and (row >= 0) the cell. */
static void cell_finding(struct sheet_state *st, const char *code,
                         enum jx_severity sev, int row, int col,
                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *msg = jx_vsprintf(st->x->s, fmt, ap);
    va_end(ap);
    const char *cell = row >= 0 ? a1_name(st->x->a, row, col) : NULL;
    struct jx_loc l = loc_of(st->x, st->sheet, cell);
    jx_diag_add(st->x->diags, code, sev, &l, "%s", msg);
}

/* The format of style index s. */
static struct xf style_of(const struct xctx *x, long s)
{
    struct xf none = {FMT_NUMBER, 0, 0};
    if (s < 0 || (size_t)s >= x->nxf) {
        return none;
    }
    return x->xfs[s];
}

/* The text of a number cell into st->out: 15 significant digits, as a
 * percentage or a date by its format. */
static void number_text(struct sheet_state *st, const char *v, size_t n)
{
    struct xctx *x = st->x;
    struct dnum d;
    bool more = false, lost = false;
    jx_buf_reset(&st->out);
    if (dnum_parse(v, n, &d, &more) < 0) {
        size_t tn = n;
        const char *t = trim(v, &tn);
        jx_buf_add(&st->out, t, tn);
        cell_finding(st, "I305", JX_SEV_WARNING, st->c_row, st->c_col,
                     "数值“%s”无法识别，按文字读取", st->out.p);
        return;
    }
    dnum_round_sig(&d, &lost);
    if (lost || more) {
        struct jx_buf shown;
        jx_buf_init(&shown, 256);
        dnum_format(&d, 0, &shown);
        size_t tn = n;
        const char *t = trim(v, &tn);
        const char *orig = clip(x, jx_strndup(x->s, t, tn), 64);
        cell_finding(st, "I306", JX_SEV_ROUNDING, st->c_row, st->c_col,
                     "数值 %s 超过 15 位有效数字，按 Excel 显示取为 %s", orig,
                     shown.p);
        jx_buf_release(&shown);
    }
    struct xf f = style_of(x, st->c_style);
    if (f.kind == FMT_DATE && serial_date(&d, x->date1904, &st->out) == 0) {
        return;
    }
    if (f.kind == FMT_PERCENT) {
        bool dropped = false;
        d.e += 2;
        dnum_round_at(&d, -(long)f.dec, &dropped);
        dnum_format(&d, f.mindec, &st->out);
        jx_buf_addc(&st->out, '%');
        return;
    }
    dnum_format(&d, 0, &st->out);
}

/* Record a finished cell (text in st->out, not yet trimmed). */
static void push_cell(struct sheet_state *st)
{
    struct xctx *x = st->x;
    if (cut_long(&st->out)) {
        note_long(x, st->sheet, a1_name(x->a, st->c_row, st->c_col));
    }
    size_t n = st->out.len;
    const char *t = trim(st->out.p, &n);
    if (n == 0) {
        return;
    }
    if (x->cells >= x->lim->max_cells) {
        if (!x->cells_full) {
            x->cells_full = true;
            cell_finding(st, "I307", JX_SEV_ERROR, st->c_row, st->c_col,
                         "单元格超过上限 %zu 个，其余的未读取",
                         x->lim->max_cells);
        }
        st->stopped = true;
        return;
    }
    x->cells++;
    st->cells = grow(st->cells, st->n, &st->cap, sizeof *st->cells);
    struct rawcell *c = &st->cells[st->n];
    c->row = st->c_row;
    c->col = st->c_col;
    c->rowspan = c->colspan = 1;
    /* the document's text from here: copied once */
    c->text = jx_strndup(x->a, t, n);
    c->seq = (unsigned)st->n;
    c->hidden = false;
    st->n++;
}

/* The end of a <c>: its text by type. */
static void finish_cell(struct sheet_state *st)
{
    struct xctx *x = st->x;
    const char *t = st->c_type;
    jx_buf_reset(&st->out);
    st->out.toobig = false;
    if (strcmp(t, "s") == 0) {
        long idx = 0;
        if (st->v.len == 0) {
            return;
        }
        if (parse_uint(st->v.p, 100000000, &idx) < 0 ||
            (size_t)idx >= x->nsst) {
            cell_finding(st, "I304", JX_SEV_WARNING, st->c_row, st->c_col,
                         "共享字符串编号“%s”不存在（共 %zu 个）",
                         clip(x, st->v.p, 32), x->nsst);
            return;
        }
        jx_buf_add(&st->out, x->sst[idx].s, x->sst[idx].n);
    } else if (strcmp(t, "inlineStr") == 0) {
        if (st->is.toobig) {
            note_long(x, st->sheet, a1_name(x->a, st->c_row, st->c_col));
        }
        size_t n = unescape(st->is.p, st->is.len);
        jx_buf_add(&st->out, st->is.p, n);
    } else if (strcmp(t, "str") == 0) {
        if (st->v.toobig) {
            note_long(x, st->sheet, a1_name(x->a, st->c_row, st->c_col));
        }
        size_t n = unescape(st->v.p, st->v.len);
        jx_buf_add(&st->out, st->v.p, n);
    } else if (strcmp(t, "b") == 0) {
        size_t n = st->v.len;
        const char *v = trim(st->v.p, &n);
        if (n == 1 && (v[0] == '0' || v[0] == '1')) {
            jx_buf_adds(&st->out, v[0] == '1' ? "TRUE" : "FALSE");
        } else {
            jx_buf_add(&st->out, v, n);
        }
    } else if (strcmp(t, "e") == 0) {
        jx_buf_add(&st->out, st->v.p, st->v.len);
    } else if (strcmp(t, "d") == 0) {
        size_t n = st->v.len;
        const char *v = trim(st->v.p, &n);
        jx_buf_add(&st->out, v, n >= 10 && v[4] == '-' && v[7] == '-' ? 10 : n);
    } else {
        if (st->v.len == 0) {
            return;
        }
        number_text(st, st->v.p, st->v.len);
    }
    push_cell(st);
}

/* <row>, <c>, <v>, <is>, <t>, <mergeCell>, ... */
static void sheet_start(void *ud, const char *ns, const char *local,
                        const char **attrs)
{
    struct sheet_state *st = ud;
    (void)ns;
    if (st->stopped) {
        return;
    }
    if (strcmp(local, "sheetData") == 0) {
        st->in_data++;
        return;
    }
    if (strcmp(local, "mergeCells") == 0) {
        st->in_merges++;
        return;
    }
    if (st->in_merges && strcmp(local, "mergeCell") == 0) {
        const char *ref = jx_xml_attr(attrs, "ref");
        const char *colon = ref ? strchr(ref, ':') : NULL;
        struct merge m;
        if (!ref || !colon ||
            parse_ref(ref, (size_t)(colon - ref), &m.r1, &m.c1) < 0 ||
            parse_ref(colon + 1, strlen(colon + 1), &m.r2, &m.c2) < 0 ||
            m.r1 > m.r2 || m.c1 > m.c2) {
            cell_finding(st, "I308", JX_SEV_WARNING, -1, 0,
                         "合并区域“%s”无效，已忽略",
                         clip(st->x, ref ? ref : "", 40));
            return;
        }
        if (st->nmerges >= MAX_MERGES) {
            if (!st->merges_full) {
                st->merges_full = true;
                cell_finding(st, "I307", JX_SEV_ERROR, -1, 0,
                             "合并区域超过 %d 个，其余的已忽略",
                             (int)MAX_MERGES);
            }
            return;
        }
        st->merges = grow(st->merges, st->nmerges, &st->capmerges,
                          sizeof *st->merges);
        st->merges[st->nmerges++] = m;
        return;
    }
    if (!st->in_data) {
        return;
    }
    if (strcmp(local, "row") == 0) {
        const char *r = jx_xml_attr(attrs, "r");
        long v = 0;
        st->row_bad = false;
        st->col = -1;
        if (!r) {
            st->row = st->row + 1;
        } else if (parse_uint(r, MAX_ROWS, &v) < 0 || v < 1) {
            st->row_bad = true;
            cell_finding(st, "I303", JX_SEV_WARNING, -1, 0,
                         "行号“%s”无效（应为 1–1048576），该行已忽略",
                         clip(st->x, r, 20));
        } else {
            st->row = (int)(v - 1);
        }
        if (st->row >= MAX_ROWS) {
            st->row_bad = true;
        }
        return;
    }
    if (strcmp(local, "c") == 0) {
        const char *r = jx_xml_attr(attrs, "r");
        const char *s = jx_xml_attr(attrs, "s");
        const char *t = jx_xml_attr(attrs, "t");
        st->in_c = true;
        st->c_bad = false;
        jx_buf_reset(&st->v);
        st->v.toobig = false;
        jx_buf_reset(&st->is);
        st->is.toobig = false;
        if (r) {
            if (parse_ref(r, strlen(r), &st->c_row, &st->c_col) < 0) {
                st->c_bad = true;
                cell_finding(st, "I303", JX_SEV_WARNING, -1, 0,
                             "单元格引用“%.20s”无效或超出 A1:XFD1048576，"
                             "已忽略",
                             clip(st->x, r, 20));
            } else {
                st->row = st->c_row;
                st->col = st->c_col;
            }
        } else if (st->row_bad || st->row < 0 || st->col + 1 >= MAX_COLS) {
            st->c_bad = true;
        } else {
            st->c_row = st->row;
            st->c_col = ++st->col;
        }
        long sv = 0;
        st->c_style = s && parse_uint(s, 1000000, &sv) == 0 ? sv : 0;
        size_t tl = t ? strlen(t) : 0;
        if (tl >= sizeof st->c_type) {
            tl = sizeof st->c_type - 1;
        }
        memcpy(st->c_type, t ? t : "", tl);
        st->c_type[tl] = '\0';
        return;
    }
    if (!st->in_c) {
        return;
    }
    if (strcmp(local, "v") == 0) {
        st->in_v = true;
    } else if (strcmp(local, "is") == 0) {
        st->in_is = true;
    } else if (strcmp(local, "rPh") == 0) {
        st->in_rph++;
    } else if (strcmp(local, "t") == 0 && st->in_is && !st->in_rph) {
        st->in_t = true;
    }
}

/* Closing tags of a sheet. */
static void sheet_end(void *ud, const char *ns, const char *local)
{
    struct sheet_state *st = ud;
    (void)ns;
    if (strcmp(local, "sheetData") == 0) {
        if (st->in_data) {
            st->in_data--;
        }
    } else if (strcmp(local, "mergeCells") == 0) {
        if (st->in_merges) {
            st->in_merges--;
        }
    } else if (strcmp(local, "c") == 0 && st->in_c) {
        st->in_c = st->in_v = st->in_is = st->in_t = false;
        st->in_rph = 0;
        if (!st->c_bad && !st->stopped) {
            finish_cell(st);
        }
    } else if (strcmp(local, "v") == 0) {
        st->in_v = false;
    } else if (strcmp(local, "is") == 0) {
        st->in_is = false;
    } else if (strcmp(local, "t") == 0) {
        st->in_t = false;
    } else if (strcmp(local, "rPh") == 0) {
        if (st->in_rph) {
            st->in_rph--;
        }
    }
}

/* Text of <v> and of an inline string's <t>. */
static void sheet_text(void *ud, const char *s, size_t len)
{
    struct sheet_state *st = ud;
    if (!st->in_c || st->c_bad) {
        return;
    }
    if (st->in_v) {
        jx_buf_add(&st->v, s, len);
    } else if (st->in_t) {
        jx_buf_add(&st->is, s, len);
    }
}

/* qsort: cells by row, column, then file order. */
static int cell_cmp(const void *pa, const void *pb)
{
    const struct rawcell *a = pa, *b = pb;
    if (a->row != b->row) {
        return a->row < b->row ? -1 : 1;
    }
    if (a->col != b->col) {
        return a->col < b->col ? -1 : 1;
    }
    return a->seq < b->seq ? -1 : a->seq > b->seq ? 1 : 0;
}

/* Sort n cells by cell_cmp, unless they already are in that order (as a
 * sheet written row by row is): qsort's merge sort would take a copy of
 * the whole array (the size of the sheet's cells again) to find
 * nothing to do.  cell_cmp is a total order (file order breaks ties),
 * so the result is the same either way. */
static void sort_cells(struct rawcell *c, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        if (cell_cmp(&c[i - 1], &c[i]) > 0) {
            qsort(c, n, sizeof *c, cell_cmp);
            return;
        }
    }
}

/* qsort: merged ranges by their top-left, then by their far corner
 * (of several ranges from one cell only the smallest is used). */
static int merge_cmp(const void *pa, const void *pb)
{
    const struct merge *a = pa, *b = pb;
    if (a->r1 != b->r1) {
        return a->r1 < b->r1 ? -1 : 1;
    }
    if (a->c1 != b->c1) {
        return a->c1 < b->c1 ? -1 : 1;
    }
    if (a->r2 != b->r2) {
        return a->r2 < b->r2 ? -1 : 1;
    }
    return a->c2 < b->c2 ? -1 : a->c2 > b->c2 ? 1 : 0;
}

/* The index of the first cell at or after (row, col) in the sorted
 * cells. */
static size_t lower_bound(const struct rawcell *c, size_t n, int row, int col)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c[mid].row < row || (c[mid].row == row && c[mid].col < col)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

/* Apply the merged ranges: spans on the top-left (added empty when it
 * has no text), the other cells of a range hidden.  Duplicate cells
 * (same position twice) keep the first. */
static void apply_merges(struct sheet_state *st)
{
    struct xctx *x = st->x;
    if (st->n > 1) {
        sort_cells(st->cells, st->n);
    }
    for (size_t i = 1; i < st->n; i++) {
        struct rawcell *p = &st->cells[i - 1], *c = &st->cells[i];
        if (c->row == p->row && c->col == p->col && !c->hidden) {
            c->hidden = true;
            cell_finding(st, "I312", JX_SEV_WARNING, c->row, c->col,
                         "单元格重复出现，只读取第一次的内容");
        }
    }
    size_t n0 = st->n;
    long budget = HIDE_BUDGET;
    if (st->nmerges > 1) {
        qsort(st->merges, st->nmerges, sizeof *st->merges, merge_cmp);
    }
    for (size_t m = 0; m < st->nmerges; m++) {
        const struct merge *g = &st->merges[m];
        if (m > 0 && g->r1 == st->merges[m - 1].r1 &&
            g->c1 == st->merges[m - 1].c1) {
            continue; /* a larger range from the same cell */
        }
        size_t i = lower_bound(st->cells, n0, g->r1, g->c1);
        int rs = g->r2 - g->r1 + 1, cs = g->c2 - g->c1 + 1;
        if (i < n0 && st->cells[i].row == g->r1 && st->cells[i].col == g->c1) {
            if (st->cells[i].rowspan == 1 && st->cells[i].colspan == 1) {
                st->cells[i].rowspan = rs;
                st->cells[i].colspan = cs;
            }
        } else if (x->cells < x->lim->max_cells) {
            x->cells++;
            st->cells = grow(st->cells, st->n, &st->cap, sizeof *st->cells);
            struct rawcell *c = &st->cells[st->n++];
            memset(c, 0, sizeof *c);
            c->row = g->r1;
            c->col = g->c1;
            c->rowspan = rs;
            c->colspan = cs;
            c->text = "";
            c->seq = (unsigned)st->n;
        }
        /* hide the other cells of the range */
        for (size_t k = lower_bound(st->cells, n0, g->r1, 0);
             k < n0 && st->cells[k].row <= g->r2 && budget > 0; k++) {
            struct rawcell *c = &st->cells[k];
            budget--;
            if (c->col >= g->c1 && c->col <= g->c2 &&
                !(c->row == g->r1 && c->col == g->c1)) {
                c->hidden = true;
            }
        }
    }
    if (st->n > n0) {
        sort_cells(st->cells, st->n);
    }
}

/* Add a cell to the document's table t with its provenance. */
static void add_cell(struct xctx *x, struct jx_doc_table *t,
                     const char *sheet, const struct rawcell *c)
{
    (void)sheet;
    jx_doc_table_add_cell_ref(x->doc, t, c->row, c->col, c->rowspan,
                              c->colspan, c->text, 0, 0);
}

/*
 * The used range of the sheet's visible cells (st->nrows, st->ncols)
 * and, when it is small enough to be made dense (DENSE_MAX positions,
 * within the document's cell limit and a bounded marking effort), a
 * malloc'd map of the positions covered by a cell or merged range;
 * NULL when the table stays sparse.  Text and DOCX tables have every
 * cell, so a dense XLSX table reads alike (a row keeps its trailing
 * empty cells).
 */
static unsigned char *coverage(struct xctx *x, struct sheet_state *st)
{
    long rows = 0, cols = 0;
    size_t visible = 0;
    for (size_t i = 0; i < st->n; i++) {
        const struct rawcell *c = &st->cells[i];
        if (c->hidden) {
            continue;
        }
        visible++;
        long r = (long)c->row + c->rowspan, k = (long)c->col + c->colspan;
        rows = r > rows ? r : rows;
        cols = k > cols ? k : cols;
    }
    st->nrows = rows;
    st->ncols = cols;
    if (rows == 0 || rows > DENSE_MAX || cols > DENSE_MAX ||
        rows * cols > DENSE_MAX ||
        x->cells + (size_t)(rows * cols) - visible > x->lim->max_cells) {
        return NULL;
    }
    unsigned char *cov = jx_xmalloc((size_t)(rows * cols));
    memset(cov, 0, (size_t)(rows * cols));
    long budget = 4 * DENSE_MAX;
    for (size_t i = 0; i < st->n; i++) {
        const struct rawcell *c = &st->cells[i];
        if (c->hidden) {
            continue;
        }
        for (long r = c->row; r < (long)c->row + c->rowspan; r++) {
            for (long k = c->col; k < (long)c->col + c->colspan; k++) {
                if (--budget < 0) {
                    free(cov);
                    return NULL;
                }
                cov[r * cols + k] = 1;
            }
        }
    }
    x->cells += (size_t)(rows * cols) - visible;
    return cov;
}

/* A sheet's XML as it inflates: each chunk to the parse, until the
 * parse fails (the rest is still inflated: the ZIP's checks of the
 * whole entry come first, as when it was read whole). */
static void sheet_sink(void *ud, const char *p, size_t n, bool last)
{
    struct sheet_state *st = ud;
    if (!st->xml_failed &&
        jx_xml_feed(st->xml, p, n, last, &st->xml_err) < 0) {
        st->xml_failed = true;
    }
}

/* Append the findings of d to x's, in order, as if they had been added
 * there (the limit of x's list applies; those d dropped count as
 * dropped). */
static void merge_diags(struct xctx *x, const struct jx_diags *d)
{
    size_t kept[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < d->n; i++) {
        const struct jx_diag *e = &d->a[i];
        kept[e->severity]++;
        struct jx_diag *c = jx_diag_add(x->diags, e->code, e->severity,
                                        &e->loc, "%s", e->msg);
        if (e->detail) {
            jx_diag_detail(x->diags, c, "%s", e->detail);
        }
    }
    for (int s = 0; s < 4; s++) {
        x->diags->count[s] += d->count[s] - kept[s];
        x->diags->dropped += d->count[s] - kept[s];
    }
}

/*
 * Stream the sheet's part into st (cells, merged ranges; st->xml_failed
 * and st->xml_err when its XML is malformed).  The sheet's findings are
 * held back until the whole entry has inflated within the ZIP's limits:
 * false when it did not (the ZIP's diagnostic given), and then nothing
 * of the sheet is kept, the findings and the cells it counted dropped,
 * exactly as when the entry was read whole before parsing.
 */
static bool stream_sheet(struct xctx *x, struct sheet_state *st,
                         const char *part)
{
    struct jx_diags *real = x->diags;
    struct jx_diags held;
    jx_diags_init(&held, real->arena);
    held.limit = real->limit;
    size_t cells = x->cells;
    bool full = x->cells_full, noted = x->long_string_noted;
    struct jx_xml_handlers h = {st, sheet_start, sheet_end, sheet_text};
    st->xml = jx_xml_new(&h, x->lim->max_xml_depth);
    x->diags = &held;
    int rc = jx_zip_stream(x->zip, part, sheet_sink, st);
    x->diags = real;
    jx_xml_free(st->xml);
    st->xml = NULL;
    if (rc < 0) {
        x->cells = cells;
        x->cells_full = full;
        x->long_string_noted = noted;
        st->n = 0;
        st->nmerges = 0;
    } else {
        merge_diags(x, &held);
    }
    jx_diags_release(&held);
    return rc == 0;
}

/*
 * Put the sheet's cells into t (ncells reserved, none added yet) as
 * read_sheet's forward walk would (the shown cells and, dense, the
 * positions cov leaves uncovered, by row and column), but from the last
 * cell to the first, giving the sheet's cell array back as it empties:
 * the sheet's cells and the document's are not both held whole (the
 * two were 93 MB of a 10 MB workbook's 157).  Every shown cell must lie
 * on the grid (row and column >= 0).
 */
static void fill_back(struct xctx *x, struct jx_doc_table *t,
                      struct sheet_state *st, const unsigned char *cov,
                      size_t ncells)
{
    size_t cap = st->n, k = ncells;
    long nrows = cov ? st->nrows : 1, ncols = cov ? st->ncols : 1;
    struct jx_doc_cell *out = jx_doc_table_fill(x->doc, t, ncells);
    for (long p = nrows * ncols - 1; p >= 0 && k > 0; p--) {
        long r = p / ncols, c = p % ncols;
        for (;;) {
            while (st->n > 0 && st->cells[st->n - 1].hidden) {
                st->n--;
            }
            const struct rawcell *rc = st->n > 0 ? &st->cells[st->n - 1] : NULL;
            if (rc && k > 0 && (!cov || (rc->row == r && rc->col == c))) {
                out[--k] = (struct jx_doc_cell){
                    rc->text ? rc->text : "", rc->row, rc->col,
                    rc->rowspan < 1 ? 1 : rc->rowspan,
                    rc->colspan < 1 ? 1 : rc->colspan};
                st->n--;
            } else if (cov && k > 0 && !cov[r * ncols + c]) {
                out[--k] = (struct jx_doc_cell){"", (int)r, (int)c, 1, 1};
            }
            if (st->n < cap - cap / 8) {
                /* give back the part of the array used */
                if (!st->n) {
                    free(st->cells);
                    st->cells = NULL;
                    cap = 0;
                } else {
                    struct rawcell *m =
                        realloc(st->cells, st->n * sizeof *st->cells);
                    if (m) {
                        st->cells = m;
                        cap = st->n;
                    }
                }
            }
            if (cov || !rc || k == 0) {
                break;
            }
        }
    }
    if (k > 0) {
        /* (not reached: every shown cell lies on the grid) */
        memmove(out, out + k, (ncells - k) * sizeof *out);
        t->ncells = ncells - k;
    }
}

/* Read one sheet into a new table of the document. */
static void read_sheet(struct xctx *x, const struct sheetref *sr,
                       const char *part)
{
    struct jx_doc_table *t = jx_doc_add_table(x->doc, sr->name);
    t->where = JX_DOC_AT_SHEET;
    if (!part) {
        t->truncated = true;
        return;
    }
    struct sheet_state st;
    memset(&st, 0, sizeof st);
    st.x = x;
    st.sheet = sr->name;
    st.row = -1;
    st.col = -1;
    st.stopped = x->cells_full;
    jx_buf_init(&st.v, MAX_STRING_BYTES);
    jx_buf_init(&st.is, MAX_STRING_BYTES);
    jx_buf_init(&st.out, MAX_STRING_BYTES + 64);
    if (!jx_zip_has(x->zip, part) || !stream_sheet(x, &st, part)) {
        struct jx_loc l = loc_of(x, sr->name, NULL);
        jx_diag_add(x->diags, "I302", JX_SEV_WARNING, &l,
                    "工作表“%s”的内容（%s）不存在或无法读取", sr->name, part);
        t->truncated = true;
        jx_buf_release(&st.v);
        jx_buf_release(&st.is);
        jx_buf_release(&st.out);
        free(st.cells);
        free(st.merges);
        return;
    }
    if (st.xml_failed) {
        xml_error(x, sr->name, part, &st.xml_err);
        t->truncated = true;
    }
    if (st.stopped) {
        t->truncated = true;
    }
    apply_merges(&st);
    unsigned char *cov = coverage(x, &st);
    long nrows = st.nrows, ncols = st.ncols;
    size_t i = 0;
    /* the cells to come: the shown cells and (dense) the positions
     * no cell or merged range covers */
    size_t ncells = 0;
    if (cov) {
        for (long k = 0; k < nrows * ncols; k++) {
            ncells += !cov[k];
        }
    }
    for (size_t k = 0; k < st.n; k++) {
        ncells += !st.cells[k].hidden;
    }
    bool placed = true;
    for (size_t k = 0; k < st.n && placed; k++) {
        placed = st.cells[k].hidden ||
                 (st.cells[k].row >= 0 && st.cells[k].col >= 0);
    }
    if (!placed || !ncells) {
        jx_doc_table_reserve(x->doc, t, ncells);
    }
    if (placed && ncells) {
        /* every shown cell on the grid: the cells from the last, the
           sheet's cells given back as they are used */
        fill_back(x, t, &st, cov, ncells);
        free(cov);
    } else if (cov) {
        /* dense: every position of the used range is a cell */
        for (long r = 0; r < nrows; r++) {
            for (long c = 0; c < ncols; c++) {
                while (i < st.n && st.cells[i].hidden) {
                    i++;
                }
                if (i < st.n && st.cells[i].row == r && st.cells[i].col == c) {
                    add_cell(x, t, sr->name, &st.cells[i++]);
                } else if (!cov[r * ncols + c]) {
                    struct rawcell e;
                    memset(&e, 0, sizeof e);
                    e.row = (int)r;
                    e.col = (int)c;
                    e.rowspan = e.colspan = 1;
                    e.text = "";
                    add_cell(x, t, sr->name, &e);
                }
            }
        }
        free(cov);
    } else {
        for (; i < st.n; i++) {
            if (!st.cells[i].hidden) {
                add_cell(x, t, sr->name, &st.cells[i]);
            }
        }
    }
    if (jx_doc_table_end(x->doc, t) < 0) {
        struct jx_loc l = loc_of(x, sr->name, NULL);
        jx_diag_add(x->diags, "I309", JX_SEV_ERROR, &l,
                    "工作表“%s”的范围过大（行数 × 列数超过 %ld），无法建立表格",
                    sr->name, (long)JX_DOC_MAX_GRID);
    }
    jx_buf_release(&st.v);
    jx_buf_release(&st.is);
    jx_buf_release(&st.out);
    free(st.cells);
    free(st.merges);
}

/* The workbook part named by _rels/.rels (officeDocument), or
 * xl/workbook.xml. */
static const char *workbook_part(struct xctx *x)
{
    size_t n = 0;
    struct rel *rels = read_rels(x, "_rels/.rels", &n);
    const char *part = NULL;
    for (size_t i = 0; i < n && !part; i++) {
        if (type_is(rels[i].type, "officeDocument")) {
            part = resolve(x, "", rels[i].target);
        }
    }
    free(rels);
    if (!part || !jx_zip_has(x->zip, part)) {
        part = "xl/workbook.xml";
    }
    return part;
}

/* The relationships part of a part ("xl/workbook.xml" ->
 * "xl/_rels/workbook.xml.rels"), in scratch. */
static const char *rels_name(struct xctx *x, const char *part)
{
    const char *slash = strrchr(part, '/');
    if (!slash) {
        return jx_sprintf(x->s, "_rels/%s.rels", part);
    }
    return jx_sprintf(x->s, "%.*s_rels/%s.rels", (int)(slash - part + 1),
                      part, slash + 1);
}

/* Read the workbook; NULL when it is not one. */
static struct jx_doc *read_workbook(struct xctx *x)
{
    const char *wbpart = workbook_part(x);
    size_t len = 0;
    char *data = read_part(x, wbpart, &len);
    struct jx_loc l = loc_of(x, NULL, NULL);
    if (!data) {
        jx_diag_add(x->diags, "I301", JX_SEV_ERROR, &l,
                    "不是可读的 XLSX 工作簿：缺少 %s", wbpart);
        return NULL;
    }
    struct wb_state ws;
    memset(&ws, 0, sizeof ws);
    ws.x = x;
    struct jx_xml_handlers h = {&ws, wb_start, NULL, NULL};
    struct jx_xml_error err;
    int rc = jx_xml_parse(data, len, &h, x->lim->max_xml_depth, &err);
    free(data);
    if (rc < 0) {
        xml_error(x, NULL, wbpart, &err);
        jx_diag_add(x->diags, "I301", JX_SEV_ERROR, &l,
                    "不是可读的 XLSX 工作簿：%s 格式错误", wbpart);
        free(ws.sheets);
        return NULL;
    }
    if (ws.n == 0) {
        jx_diag_add(x->diags, "I301", JX_SEV_ERROR, &l,
                    "不是可读的 XLSX 工作簿：没有工作表");
        free(ws.sheets);
        return NULL;
    }
    if (ws.too_many) {
        jx_diag_add(x->diags, "I307", JX_SEV_ERROR, &l,
                    "工作表超过 %d 张，其余的未读取", MAX_SHEETS);
    }

    size_t nrels = 0;
    struct rel *rels = read_rels(x, rels_name(x, wbpart), &nrels);
    const char *sst = NULL, *styles = NULL;
    for (size_t i = 0; i < nrels; i++) {
        if (!sst && type_is(rels[i].type, "sharedStrings")) {
            sst = resolve(x, wbpart, rels[i].target);
        } else if (!styles && type_is(rels[i].type, "styles")) {
            styles = resolve(x, wbpart, rels[i].target);
        }
    }
    read_styles(x, styles ? styles : "xl/styles.xml");
    read_sst(x, sst ? sst : "xl/sharedStrings.xml");

    x->doc = jx_doc_new(x->a, x->file, JX_SRC_XLSX);
    for (size_t i = 0; i < ws.n; i++) {
        const struct sheetref *sr = &ws.sheets[i];
        const struct rel *r = NULL;
        for (size_t k = 0; sr->rid && k < nrels && !r; k++) {
            if (strcmp(rels[k].id, sr->rid) == 0) {
                r = &rels[k];
            }
        }
        if (r && !type_is(r->type, "worksheet")) {
            struct jx_loc sl = loc_of(x, sr->name, NULL);
            jx_diag_add(x->diags, "I310", JX_SEV_NOTE, &sl,
                        "工作表“%s”不是普通工作表（图表或宏表），已跳过",
                        sr->name);
            continue;
        }
        const char *part;
        if (r) {
            part = resolve(x, wbpart, r->target);
        } else {
            /* no relationship: the conventional name */
            part = jx_sprintf(x->s, "xl/worksheets/sheet%zu.xml", i + 1);
            if (!jx_zip_has(x->zip, part)) {
                struct jx_loc sl = loc_of(x, sr->name, NULL);
                jx_diag_add(x->diags, "I302", JX_SEV_WARNING, &sl,
                            "工作表“%s”找不到对应的内容（关系“%s”缺失）",
                            sr->name, sr->rid ? sr->rid : "");
                part = NULL;
            }
        }
        read_sheet(x, sr, part);
    }
    free(rels);
    free(ws.sheets);
    return x->doc;
}

/* XLSX to document (see import.h). */
struct jx_doc *jx_import_xlsx(struct jx_arena *arena, const char *file,
                              const char *data, size_t len,
                              const struct jx_limits *lim,
                              struct jx_diags *diags)
{
    struct jx_limits deflim;
    if (!lim) {
        jx_limits_default(&deflim);
        lim = &deflim;
    }
    struct xctx x;
    memset(&x, 0, sizeof x);
    x.a = arena;
    x.s = jx_arena_new();
    x.file = jx_strdup(arena, file);
    x.lim = lim;
    x.diags = diags;
    if (len > lim->max_input) {
        struct jx_loc l = loc_of(&x, NULL, NULL);
        jx_diag_add(diags, "I307", JX_SEV_ERROR, &l,
                    "文件过大（%zu 字节，上限 %zu 字节）", len,
                    lim->max_input);
        jx_arena_free(x.s);
        return NULL;
    }
    jx_arena_free(x.s);
    struct jx_zip *z = jx_zip_open(data, len, lim, file, diags);
    struct jx_doc *doc = NULL;
    if (z) {
        doc = jx_import_xlsx_zip(arena, file, z, lim, diags);
        jx_zip_close(z);
    }
    return doc;
}

/* Convert the workbook open as z (import_zip.h); the caller closes z. */
struct jx_doc *jx_import_xlsx_zip(struct jx_arena *arena, const char *file,
                                  struct jx_zip *z,
                                  const struct jx_limits *lim,
                                  struct jx_diags *diags)
{
    struct xctx x;
    memset(&x, 0, sizeof x);
    x.a = arena;
    x.s = jx_arena_new();
    x.file = jx_strdup(arena, file);
    x.lim = lim;
    x.diags = diags;
    x.zip = z;
    struct jx_doc *doc = read_workbook(&x);
    free(x.sst);
    free(x.xfs);
    free(x.numfmts);
    jx_arena_free(x.s);
    return doc;
}
