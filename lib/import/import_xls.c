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
 * neither merged cells, nor number formats, nor formulas' cached
 * values: those are read here from the BIFF8 records of the Workbook
 * stream (MERGEDCELLS; FORMAT and XF for percentages, shown with the
 * format's decimals as Excel shows them; FORMULA results), found
 * through the OLE2 FAT with every chain bounded by the sector count.
 */
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <freexl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Most columns read from a sheet (BIFF8 has 256), and most rows a
 * sheet's DIMENSIONS may claim (BIFF8 has 65,536; this is the XLSX
 * limit, for writers that exceed BIFF8's). */
#define MAX_COLS 16384
#define MAX_ROWS 1048576UL

/* The 15 significant digits of v: dig[0..*nd) (no trailing zeros,
 * "0" for zero) and the exponent of the first digit; false for
 * infinities and NaN. */
static bool double_digits(double v, char *dig, int *nd, long *ex, bool *neg)
{
    char s[64];
    int n = snprintf(s, sizeof s, "%.14e", v); /* d.dddddddddddddde±x */
    *nd = 0;
    *ex = 0;
    *neg = false;
    if (n <= 0 || (size_t)n >= sizeof s) {
        return false;
    }
    const char *p = s;
    if (*p == '-') {
        *neg = true;
        p++;
    }
    if (*p < '0' || *p > '9') {
        return false;
    }
    for (; *p && *p != 'e'; p++) {
        if (*p >= '0' && *p <= '9' && *nd < 30) {
            dig[(*nd)++] = *p;
        }
    }
    bool eneg = false;
    if (*p == 'e') {
        p++;
        if (*p == '-' || *p == '+') {
            eneg = *p == '-';
            p++;
        }
        for (; *p >= '0' && *p <= '9' && *ex < 1000; p++) {
            *ex = *ex * 10 + (*p - '0');
        }
    }
    if (eneg) {
        *ex = -*ex;
    }
    while (*nd > 1 && dig[*nd - 1] == '0') {
        (*nd)--;
    }
    if (*nd == 1 && dig[0] == '0') {
        *neg = false;
        *ex = 0;
    }
    return true;
}

/*
 * Append v as plain decimal text to b: its 15 significant digits,
 * times 100 with a '%' when pct, rounded half-up to at most maxdec
 * decimals (when maxdec >= 0) and shown with at least mindec.
 */
static void number_text(double v, bool pct, int maxdec, int mindec,
                        struct jx_buf *b)
{
    char dig[40];
    int nd;
    long ex;
    bool neg;
    if (!double_digits(v, dig, &nd, &ex, &neg)) {
        jx_buf_adds(b, "0");
        return;
    }
    bool zero = nd == 1 && dig[0] == '0';
    if (pct && !zero) {
        ex += 2;
    }
    /* digits after the point: nd - 1 - ex */
    if (maxdec >= 0 && !zero && nd - 1 - ex > maxdec) {
        long keep = ex + 1 + maxdec; /* digits kept */
        if (keep < 0) {
            nd = 1;
            dig[0] = '0';
            zero = true;
        } else {
            bool up = keep < nd && dig[keep] >= '5';
            nd = (int)keep;
            if (up) {
                int i = nd - 1;
                while (i >= 0 && dig[i] == '9') {
                    dig[i] = '0';
                    i--;
                }
                if (i >= 0) {
                    dig[i]++;
                } else {
                    memmove(dig + 1, dig, (size_t)nd);
                    dig[0] = '1';
                    nd++;
                    ex++;
                }
            }
            while (nd > 1 && dig[nd - 1] == '0') {
                nd--;
            }
            if (nd == 0) {
                nd = 1;
                dig[0] = '0';
                zero = true;
            }
        }
    }
    if (zero) {
        nd = 1;
        dig[0] = '0';
        ex = 0;
        neg = false;
    }
    if (neg) {
        jx_buf_addc(b, '-');
    }
    long intd = ex + 1; /* digits before the point */
    long decs = 0;
    if (intd <= 0) {
        jx_buf_adds(b, "0.");
        for (long i = 0; i < -intd; i++) {
            jx_buf_addc(b, '0');
        }
        jx_buf_add(b, dig, (size_t)nd);
        decs = -intd + nd;
    } else if (intd >= nd) {
        jx_buf_add(b, dig, (size_t)nd);
        for (long i = nd; i < intd; i++) {
            jx_buf_addc(b, '0');
        }
    } else {
        jx_buf_add(b, dig, (size_t)intd);
        jx_buf_addc(b, '.');
        jx_buf_add(b, dig + intd, (size_t)(nd - intd));
        decs = nd - intd;
    }
    if (decs < mindec) {
        if (decs == 0) {
            jx_buf_addc(b, '.');
        }
        for (long i = decs; i < mindec; i++) {
            jx_buf_addc(b, '0');
        }
    }
    if (pct) {
        jx_buf_addc(b, '%');
    }
}

/* ---- what FreeXL leaves out: read from the BIFF records ------------- */

/* A number format: percent or not, decimals shown (max, min). */
struct nfmt {
    bool pct;
    int maxdec, mindec;
};

/* A formula's cached number, or a cell's format, at sheet/row/col. */
struct xcell {
    unsigned sheet, row, col;
    unsigned xf;     /* index of its XF record */
    bool formula;    /* a FORMULA record with a number result */
    double value;    /* that result */
};

/* A merged area of a sheet. */
struct xmerge {
    unsigned sheet, r0, r1, c0, c1;
};

/* What the BIFF records add: formats, formula results, merges. */
struct biff {
    struct nfmt *xf;      /* number format of each XF record */
    size_t nxf, capxf;
    unsigned *fmtid;      /* FORMAT ids with a percent, and decimals */
    struct nfmt *fmtval;
    size_t nfmt, capfmt;
    struct xcell *cells;
    size_t ncells, capcells;
    struct xmerge *merges;
    size_t nmerges, capmerges;
};

/* Little-endian 16 and 32 bits at p. */
static unsigned le16(const unsigned char *p)
{
    return (unsigned)p[0] | (unsigned)p[1] << 8;
}

/* Little-endian 32 bits at p. */
static unsigned long le32(const unsigned char *p)
{
    return (unsigned long)p[0] | (unsigned long)p[1] << 8 |
           (unsigned long)p[2] << 16 | (unsigned long)p[3] << 24;
}

/* Grow a malloc'd array to hold n + 1 elements. */
static void *more(void *p, size_t n, size_t *cap, size_t size)
{
    if (n < *cap) {
        return p;
    }
    size_t c = *cap ? *cap * 2 : 64;
    void *q = realloc(p, c * size);
    if (!q) {
        jx_oom();
    }
    *cap = c;
    return q;
}

/*
 * The Workbook (or Book) stream of the OLE2 file d[0..len), read
 * through the FAT (a stream under the mini-stream cutoff is not read):
 * a malloc'd copy and its length, or NULL (also when a directory entry's
 * name length is odd or longer than its 64-byte field, which FreeXL
 * would read past).  Every chain is bounded by
 * the number of sectors, so a loop ends.
 */
static unsigned char *workbook_stream(const unsigned char *d, size_t len,
                                      size_t *out_len)
{
    if (len < 512 || memcmp(d, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0) {
        return NULL;
    }
    unsigned shift = le16(d + 0x1E);
    if (shift != 9 && shift != 12) {
        return NULL;
    }
    size_t ss = (size_t)1 << shift;
    size_t nsec = (len - 512 + ss - 1) / ss;
    size_t per = ss / 4;
    unsigned long nfat = le32(d + 0x2C);
    if (nfat == 0 || nfat > nsec) {
        return NULL;
    }
    /* the FAT sectors: 109 in the header, then the DIFAT chain */
    unsigned long *fatsec = malloc(nfat * sizeof *fatsec);
    if (!fatsec) {
        jx_oom();
    }
    size_t k = 0;
    for (size_t i = 0; i < 109 && k < nfat; i++) {
        fatsec[k++] = le32(d + 0x4C + 4 * i);
    }
    unsigned long dif = le32(d + 0x44);
    for (size_t steps = 0; k < nfat && dif < nsec && steps < nsec; steps++) {
        const unsigned char *p = d + 512 + dif * ss;
        if (512 + (dif + 1) * ss > len) {
            break;
        }
        for (size_t i = 0; i + 1 < per && k < nfat; i++) {
            fatsec[k++] = le32(p + 4 * i);
        }
        dif = le32(p + 4 * (per - 1));
    }
    size_t nfe = nfat * per;
    unsigned long *fat = calloc(nfe, sizeof *fat);
    if (!fat) {
        jx_oom();
    }
    for (size_t i = 0; i < k; i++) {
        if (fatsec[i] >= nsec || 512 + (fatsec[i] + 1) * ss > len) {
            continue;
        }
        const unsigned char *p = d + 512 + fatsec[i] * ss;
        for (size_t j = 0; j < per; j++) {
            fat[i * per + j] = le32(p + 4 * j);
        }
    }
    free(fatsec);
    /* the directory: find the stream */
    unsigned long start = 0xFFFFFFFFUL, size = 0;
    bool bad_name = false;
    unsigned long sec = le32(d + 0x30);
    for (size_t steps = 0; sec < nsec && sec < nfe && steps < nsec;
         steps++) {
        if (512 + (sec + 1) * ss > len) {
            break;
        }
        const unsigned char *p = d + 512 + sec * ss;
        for (size_t e = 0; e + 128 <= ss; e += 128) {
            const unsigned char *de = p + e;
            unsigned nl = le16(de + 0x40);
            if (nl > 64 || (nl & 1)) {
                /* a name longer than its 64-byte field, which FreeXL
                 * would convert from beyond the entry: refused */
                bad_name = true;
            }
            if (de[0x42] != 2 || nl < 2 || nl > 64) {
                continue;
            }
            char name[33];
            size_t m = 0;
            for (size_t c = 0; c + 2 < nl && m < 32; c += 2) {
                name[m++] = de[c + 1] == 0 ? (char)de[c] : '?';
            }
            name[m] = '\0';
            if (strcmp(name, "Workbook") == 0 || strcmp(name, "Book") == 0) {
                start = le32(de + 0x74);
                size = le32(de + 0x78);
            }
        }
        sec = fat[sec];
    }
    unsigned long cutoff = le32(d + 0x38);
    if (bad_name || start == 0xFFFFFFFFUL || size < cutoff || size > len) {
        free(fat);
        return NULL;
    }
    unsigned char *out = malloc(size);
    if (!out) {
        jx_oom();
    }
    size_t got = 0;
    sec = start;
    for (size_t steps = 0; got < size && sec < nsec && sec < nfe &&
                           steps < nsec;
         steps++) {
        if (512 + (sec + 1) * ss > len) {
            break;
        }
        size_t n = size - got < ss ? size - got : ss;
        memcpy(out + got, d + 512 + sec * ss, n);
        got += n;
        sec = fat[sec];
    }
    free(fat);
    *out_len = got;
    return out;
}

/*
 * Whether the BIFF8 workbook stream w[0..n) is whole enough to hand to
 * FreeXL, whose own checks are weaker (a string length running past its
 * record makes it read beyond a buffer): the stream starts with a
 * BIFF8 BOF; every record lies inside the stream and within BIFF8's
 * record size and at least as long as its fixed fields; every cell
 * lies inside its sheet's DIMENSIONS; every sheet name, label, format
 * code and font name fits its record; the shared strings claim no more
 * strings than their records could hold.
 *
 * And the sheets as FreeXL 1.0.6 sees them while it opens the file
 * (modelled on its first pass: after an EOF the next BOF makes the
 * sheet whose BOUNDSHEET offset is that BOF's the active one, a
 * DIMENSIONS gives the active sheet its cell array, a record of type 0
 * and length 0 ends the stream): each sheet gets exactly one
 * DIMENSIONS, and all their grids together stay under a bound.  FreeXL
 * gives a sheet a second array without freeing the first, and one
 * left without DIMENSIONS makes it allocate again for whichever sheet
 * was last active: both leak inside freexl_open, which jixiao cannot
 * free (found by fuzz-xls).  A grid it allocates 16 bytes a cell for,
 * however small the file, so the cells of all DIMENSIONS together are
 * held to the larger of 2^20 and the stream's size in bytes, and never
 * past JX_DOC_MAX_GRID.  Chart sheets, which have no DIMENSIONS, are
 * refused with the rest: FreeXL could not read them without leaking.
 */
static bool biff_sane(const unsigned char *w, size_t n)
{
    if (n < 12 || le16(w) != 0x0809 || le16(w + 2) < 8 ||
        le16(w + 4) != 0x0600) {
        return false;
    }
    /* the shortest length of each fixed-layout record FreeXL reads */
    static const unsigned short minlen[][2] = {
        {0x0809, 8},  {0x0200, 14}, {0x0203, 14}, {0x027E, 10},
        {0x00BD, 6},  {0x0201, 6},  {0x00BE, 6},  {0x0205, 8},
        {0x00FD, 10}, {0x0208, 16}, {0x0006, 20}, {0x00E0, 20},
        {0x0022, 2},  {0x0042, 2},  {0x002F, 2},  {0x00E5, 2},
        {0x0085, 8},  {0x0204, 9},  {0x041E, 5},  {0x0031, 16},
        {0x00FC, 8}};
    unsigned long rows = 0, cols = 0; /* the sheet's DIMENSIONS */
    /* FreeXL's sheets: BOUNDSHEET offsets, whether each has its cells */
    enum { MAX_SHEETS = 1024 };
    unsigned long sheet_at[MAX_SHEETS];
    bool sheet_dim[MAX_SHEETS];
    size_t nsheets = 0;
    long active = -1;     /* FreeXL's active sheet, -1 for none */
    int ok_bof = 1;       /* FreeXL's: 1 inside a substream, 0 after EOF */
    unsigned long long grid = 0, grid_max = n > (1u << 20) ? n : (1u << 20);
    if (grid_max > (unsigned long long)JX_DOC_MAX_GRID) {
        grid_max = (unsigned long long)JX_DOC_MAX_GRID;
    }
    size_t i = 0;
    while (i + 4 <= n) {
        unsigned type = le16(w + i), rl = le16(w + i + 2);
        const unsigned char *r = w + i + 4;
        if (type == 0 && rl == 0) {
            break; /* FreeXL's other end of the stream */
        }
        if (rl > 8224 || i + 4 + rl > n) {
            return false;
        }
        if (type == 0x003C) {
            /* CONTINUE: FreeXL changes no state */
        } else if (ok_bof == 0) {
            if (type != 0x0809) {
                return false; /* FreeXL wants a BOF after an EOF */
            }
            ok_bof = 1;
            active = -1;
            for (size_t k = 0; k < nsheets; k++) {
                if (sheet_at[k] == i) {
                    active = (long)k;
                    break;
                }
            }
        } else if (type == 0x000A) {
            ok_bof = 0;
        } else if (type == 0x0085 && rl >= 8) {
            if (nsheets == MAX_SHEETS) {
                return false;
            }
            sheet_at[nsheets] = le32(r);
            sheet_dim[nsheets++] = false;
        } else if (type == 0x0200 && rl >= 14 && active >= 0) {
            unsigned long long cells =
                (unsigned long long)le32(r + 4) * le16(r + 10);
            if (sheet_dim[active] || cells > grid_max - grid ||
                le32(r + 4) > MAX_ROWS || le16(r + 10) > MAX_COLS) {
                return false; /* rows past any Excel's: FreeXL's sheet
                                 walk would take them one by one */
            }
            grid += cells;
            sheet_dim[active] = true;
        }
        for (size_t k = 0; k < sizeof minlen / sizeof minlen[0]; k++) {
            if (minlen[k][0] == type && rl < minlen[k][1]) {
                return false;
            }
        }
        if (type == 0x0200) {
            rows = le32(r + 4);
            cols = le16(r + 10);
        } else if (type == 0x0203 || type == 0x027E || type == 0x0201 ||
                   type == 0x0205 || type == 0x00FD || type == 0x0006 ||
                   type == 0x0204) { /* one cell */
            if (le16(r) >= rows || le16(r + 2) >= cols) {
                return false;
            }
        } else if (type == 0x00BD || type == 0x00BE) { /* a run of cells */
            if (le16(r) >= rows || le16(r + 2) >= cols ||
                le16(r + rl - 2) >= cols || le16(r + rl - 2) < le16(r + 2)) {
                return false;
            }
        }
        size_t need = 0;
        if (type == 0x0085) { /* BOUNDSHEET */
            need = rl < 8 ? 9999 : 8 + (size_t)r[6] * ((r[7] & 1) ? 2 : 1);
        } else if (type == 0x0204) { /* LABEL */
            need = rl < 9 ? 9999
                          : 9 + (size_t)le16(r + 6) * ((r[8] & 1) ? 2 : 1);
        } else if (type == 0x041E) { /* FORMAT */
            need = rl < 5 ? 9999
                          : 5 + (size_t)le16(r + 2) * ((r[4] & 1) ? 2 : 1);
        } else if (type == 0x0031) { /* FONT */
            need = rl < 16 ? 9999
                           : 16 + (size_t)r[14] * ((r[15] & 1) ? 2 : 1);
        } else if (type == 0x00FC) { /* SST (+ CONTINUE) */
            if (rl < 8) {
                return false;
            }
            size_t total = rl - 8, k = i + 4 + rl;
            while (k + 4 <= n && le16(w + k) == 0x003C) {
                total += le16(w + k + 2);
                k += 4 + (size_t)le16(w + k + 2);
            }
            if ((size_t)le32(r + 4) > total / 3 + 1) {
                return false;
            }
        }
        if (need > rl) {
            return false;
        }
        i += 4 + rl;
        if (type == 0x000A && i == n) {
            break; /* the last EOF */
        }
    }
    if (!(i == n || i + 4 > n || (le16(w + i) == 0 && le16(w + i + 2) == 0))) {
        return false;
    }
    for (size_t k = 0; k < nsheets; k++) {
        if (!sheet_dim[k]) {
            return false;
        }
    }
    return true;
}

/* The number format of a format code: a percent with its decimals. */
static struct nfmt code_format(const char *s, size_t n)
{
    struct nfmt f = {false, -1, 0};
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') {
            quoted = !quoted;
        } else if (!quoted && s[i] == ';') {
            break;
        } else if (!quoted && s[i] == '%') {
            f.pct = true;
        }
    }
    if (!f.pct) {
        return f;
    }
    f.maxdec = 0;
    for (size_t i = 0; i < n && s[i] != ';'; i++) {
        if (s[i] == '.') {
            for (size_t j = i + 1; j < n && (s[j] == '0' || s[j] == '#');
                 j++) {
                f.maxdec++;
                if (s[j] == '0') {
                    f.mindec++;
                }
            }
            break;
        }
    }
    return f;
}

/* The number format of XF record ix. */
static struct nfmt xf_format(const struct biff *bf, unsigned ix)
{
    struct nfmt none = {false, -1, 0};
    return ix < bf->nxf ? bf->xf[ix] : none;
}

/* Walk the BIFF8 records of the workbook stream w[0..n). */
static void walk_biff(const unsigned char *w, size_t n, struct biff *bf)
{
    size_t i = 0;
    int sheet = -1;
    while (i + 4 <= n) {
        unsigned type = le16(w + i), rl = le16(w + i + 2);
        const unsigned char *r = w + i + 4;
        if (i + 4 + rl > n) {
            break;
        }
        if (type == 0x0809 && rl >= 4) { /* BOF */
            if (le16(r + 2) == 0x0010) {
                sheet++;
            }
        } else if (type == 0x041E && rl >= 5) { /* FORMAT */
            unsigned id = le16(r), cch = le16(r + 2);
            bool wide = r[4] & 1;
            char code[256];
            size_t m = 0;
            for (size_t c = 0; c < cch && m < sizeof code - 1; c++) {
                size_t at = 5 + (wide ? 2 * c : c);
                if (at + (wide ? 2 : 1) > rl) {
                    break;
                }
                unsigned ch = wide ? le16(r + at) : r[at];
                code[m++] = ch < 0x80 ? (char)ch : '?';
            }
            struct nfmt f = code_format(code, m);
            bf->fmtid = more(bf->fmtid, bf->nfmt, &bf->capfmt,
                             sizeof *bf->fmtid);
            size_t cap2 = bf->nfmt;
            bf->fmtval = realloc(bf->fmtval, (cap2 + 1) * sizeof *bf->fmtval);
            if (!bf->fmtval) {
                jx_oom();
            }
            bf->fmtid[bf->nfmt] = id;
            bf->fmtval[bf->nfmt] = f;
            bf->nfmt++;
        } else if (type == 0x00E0 && rl >= 4) { /* XF */
            unsigned id = le16(r + 2);
            struct nfmt f = {false, -1, 0};
            if (id == 9) {
                f.pct = true;
                f.maxdec = 0;
            } else if (id == 10) {
                f.pct = true;
                f.maxdec = f.mindec = 2;
            } else {
                for (size_t k = 0; k < bf->nfmt; k++) {
                    if (bf->fmtid[k] == id) {
                        f = bf->fmtval[k];
                    }
                }
            }
            bf->xf = more(bf->xf, bf->nxf, &bf->capxf, sizeof *bf->xf);
            bf->xf[bf->nxf++] = f;
        } else if (sheet >= 0 && (type == 0x0006 || type == 0x0203) &&
                   rl >= 14) { /* FORMULA, NUMBER */
            struct xcell c = {(unsigned)sheet, le16(r), le16(r + 2),
                              le16(r + 4), false, 0};
            if (!(type == 0x0006 && r[12] == 0xFF && r[13] == 0xFF)) {
                memcpy(&c.value, r + 6, 8);
                c.formula = type == 0x0006;
            }
            bf->cells = more(bf->cells, bf->ncells, &bf->capcells,
                             sizeof *bf->cells);
            bf->cells[bf->ncells++] = c;
        } else if (sheet >= 0 && type == 0x027E && rl >= 10) { /* RK */
            struct xcell c = {(unsigned)sheet, le16(r), le16(r + 2),
                              le16(r + 4), false, 0};
            bf->cells = more(bf->cells, bf->ncells, &bf->capcells,
                             sizeof *bf->cells);
            bf->cells[bf->ncells++] = c;
        } else if (sheet >= 0 && type == 0x0201 && rl >= 6) { /* BLANK */
            struct xcell c = {(unsigned)sheet, le16(r), le16(r + 2),
                              le16(r + 4), false, 0};
            bf->cells = more(bf->cells, bf->ncells, &bf->capcells,
                             sizeof *bf->cells);
            bf->cells[bf->ncells++] = c;
        } else if (sheet >= 0 && type == 0x00BE && rl >= 6) { /* MULBLANK */
            unsigned row = le16(r), c0 = le16(r + 2);
            for (size_t k = 0; 4 + 2 * k + 2 <= rl - 2; k++) {
                struct xcell c = {(unsigned)sheet, row, c0 + (unsigned)k,
                                  le16(r + 4 + 2 * k), false, 0};
                bf->cells = more(bf->cells, bf->ncells, &bf->capcells,
                                 sizeof *bf->cells);
                bf->cells[bf->ncells++] = c;
            }
        } else if (sheet >= 0 && type == 0x00BD && rl >= 6) { /* MULRK */
            unsigned row = le16(r), c0 = le16(r + 2);
            for (size_t k = 0; 4 + 6 * k + 6 <= rl - 2; k++) {
                struct xcell c = {(unsigned)sheet, row, c0 + (unsigned)k,
                                  le16(r + 4 + 6 * k), false, 0};
                bf->cells = more(bf->cells, bf->ncells, &bf->capcells,
                                 sizeof *bf->cells);
                bf->cells[bf->ncells++] = c;
            }
        } else if (sheet >= 0 && type == 0x00E5 && rl >= 2) { /* MERGEDCELLS */
            unsigned cnt = le16(r);
            for (size_t k = 0; k < cnt && 2 + 8 * k + 8 <= rl; k++) {
                const unsigned char *m = r + 2 + 8 * k;
                struct xmerge g = {(unsigned)sheet, le16(m), le16(m + 2),
                                   le16(m + 4), le16(m + 6)};
                if (g.r1 < g.r0 || g.c1 < g.c0) {
                    continue;
                }
                bf->merges = more(bf->merges, bf->nmerges, &bf->capmerges,
                                  sizeof *bf->merges);
                bf->merges[bf->nmerges++] = g;
            }
        }
        i += 4 + rl;
    }
}

/* The record of the cell at sheet/row/col, or NULL. */
static const struct xcell *find_cell(const struct biff *bf, unsigned sheet,
                                     unsigned row, unsigned col)
{
    /* records come sorted by sheet then row: a binary search on
     * (sheet, row) then a scan */
    size_t lo = 0, hi = bf->ncells;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct xcell *c = &bf->cells[mid];
        if (c->sheet < sheet || (c->sheet == sheet && c->row < row)) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    for (size_t i = lo; i < bf->ncells && bf->cells[i].sheet == sheet &&
                        bf->cells[i].row == row;
         i++) {
        if (bf->cells[i].col == col) {
            return &bf->cells[i];
        }
    }
    return NULL;
}

/* Order cell records by sheet, row, column. */
static int xcell_cmp(const void *a, const void *b)
{
    const struct xcell *x = a, *y = b;
    if (x->sheet != y->sheet) {
        return x->sheet < y->sheet ? -1 : 1;
    }
    if (x->row != y->row) {
        return x->row < y->row ? -1 : 1;
    }
    return x->col < y->col ? -1 : x->col > y->col;
}

/* Free what walk_biff collected. */
static void biff_free(struct biff *bf)
{
    free(bf->xf);
    free(bf->fmtid);
    free(bf->fmtval);
    free(bf->cells);
    free(bf->merges);
}

/* The text of one cell into b (empty for an empty cell): FreeXL's
 * value, or the formula's cached number it leaves out; numbers in the
 * cell's percent format when it has one. */
static void cell_text(const FreeXL_CellValue *v, const struct xcell *rec,
                      const struct biff *bf, struct jx_buf *b)
{
    struct nfmt f = rec ? xf_format(bf, rec->xf)
                        : (struct nfmt){false, -1, 0};
    switch (v->type) {
    case FREEXL_CELL_INT:
        number_text((double)v->value.int_value, f.pct, f.pct ? f.maxdec : -1,
                    f.mindec, b);
        break;
    case FREEXL_CELL_DOUBLE:
        number_text(v->value.double_value, f.pct, f.pct ? f.maxdec : -1,
                    f.mindec, b);
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
        if (rec && rec->formula) {
            number_text(rec->value, f.pct, f.pct ? f.maxdec : -1, f.mindec,
                        b);
        }
        break;
    }
}

/*
 * The merged ranges of one sheet met row by row, so that the merge over
 * a position is found among the few that cover its row instead of
 * among every merge of the workbook: sheet_merges_init takes the
 * sheet's merges in workbook order (the order decides which of two
 * overlapping merges a position takes, as before), sorted by first row;
 * sheet_merges_row is called for rows in increasing order; merge_at
 * then looks only at the merges that row lies in.  Arrays malloc'd,
 * freed by sheet_merges_free.
 */
struct sheet_merges {
    const struct xmerge **by_r0; /* the sheet's merges by first row */
    size_t n, next;              /* count, the first not yet active */
    size_t *active;              /* workbook indexes of the row's merges */
    size_t nactive;
    const struct xmerge *base;   /* bf->merges, for the indexes */
};

/* qsort order of merges by first row, then workbook order. */
static int merge_r0_cmp(const void *a, const void *b)
{
    const struct xmerge *x = *(const struct xmerge *const *)a;
    const struct xmerge *y = *(const struct xmerge *const *)b;
    if (x->r0 != y->r0) {
        return x->r0 < y->r0 ? -1 : 1;
    }
    return x < y ? -1 : x > y;
}

/* Collect sheet's merges of bf into sm (see struct sheet_merges). */
static void sheet_merges_init(struct sheet_merges *sm, const struct biff *bf,
                              unsigned sheet)
{
    memset(sm, 0, sizeof *sm);
    sm->base = bf->merges;
    for (size_t i = 0; i < bf->nmerges; i++) {
        sm->n += bf->merges[i].sheet == sheet;
    }
    if (!sm->n) {
        return;
    }
    sm->by_r0 = jx_xmalloc(sm->n * sizeof *sm->by_r0);
    sm->active = jx_xmalloc(sm->n * sizeof *sm->active);
    size_t k = 0;
    for (size_t i = 0; i < bf->nmerges; i++) {
        if (bf->merges[i].sheet == sheet) {
            sm->by_r0[k++] = &bf->merges[i];
        }
    }
    qsort(sm->by_r0, sm->n, sizeof *sm->by_r0, merge_r0_cmp);
}

/* Make row the current row: the merges it lies in become active, in
 * workbook order. */
static void sheet_merges_row(struct sheet_merges *sm, unsigned row)
{
    size_t w = 0;
    for (size_t i = 0; i < sm->nactive; i++) {
        if (sm->base[sm->active[i]].r1 >= row) {
            sm->active[w++] = sm->active[i];
        }
    }
    sm->nactive = w;
    bool added = false;
    while (sm->next < sm->n && sm->by_r0[sm->next]->r0 <= row) {
        const struct xmerge *m = sm->by_r0[sm->next++];
        if (m->r1 >= row) {
            sm->active[sm->nactive++] = (size_t)(m - sm->base);
            added = true;
        }
    }
    if (added) {
        /* few at a time: insertion sort into workbook order */
        for (size_t i = 1; i < sm->nactive; i++) {
            size_t v = sm->active[i], j = i;
            for (; j > 0 && sm->active[j - 1] > v; j--) {
                sm->active[j] = sm->active[j - 1];
            }
            sm->active[j] = v;
        }
    }
}

/* The merged range covering (row, col) of the current row, the first
 * in workbook order, or NULL. */
static const struct xmerge *merge_at(const struct sheet_merges *sm,
                                     unsigned row, unsigned col)
{
    for (size_t i = 0; i < sm->nactive; i++) {
        const struct xmerge *m = &sm->base[sm->active[i]];
        if (row >= m->r0 && row <= m->r1 && col >= m->c0 && col <= m->c1) {
            return m;
        }
    }
    return NULL;
}

/* Give back sm's arrays. */
static void sheet_merges_free(struct sheet_merges *sm)
{
    free(sm->by_r0);
    free(sm->active);
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
                       unsigned sheet, const struct biff *bf,
                       const struct jx_limits *lim, size_t *cells,
                       struct jx_diags *diags)
{
    unsigned rows = 0;
    unsigned short cols = 0;
    if (freexl_worksheet_dimensions(h, &rows, &cols) != FREEXL_OK) {
        return true;
    }
    struct jx_doc_table *t = jx_doc_add_table(doc, name);
    t->where = JX_DOC_AT_SHEET;
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    struct sheet_merges sm;
    sheet_merges_init(&sm, bf, sheet);
    bool ok = true;
    for (unsigned r = 0; r < rows && cols > 0 && ok; r++) {
        sheet_merges_row(&sm, r);
        for (unsigned c = 0; c < cols && c < MAX_COLS; c++) {
            FreeXL_CellValue v;
            if (freexl_get_cell_value(h, r, (unsigned short)c, &v) !=
                FREEXL_OK) {
                continue;
            }
            const struct xmerge *m = merge_at(&sm, r, c);
            if (m && (m->r0 != r || m->c0 != c)) {
                continue; /* covered by a merged cell */
            }
            jx_buf_reset(&b);
            const struct xcell *rec = find_cell(bf, sheet, r, c);
            cell_text(&v, rec, bf, &b);
            size_t n = b.len;
            const char *s = trim(b.p, &n);
            if (n == 0 && !rec && !m) {
                continue; /* no record: not a cell (a blank one is) */
            }
            if (++*cells > lim->max_cells) {
                jx_import_error(diags, doc->file, "I543",
                                "XLS 表格单元格过多：超过上限 %zu 个",
                                lim->max_cells);
                ok = false;
                break;
            }
            int rs = m ? (int)(m->r1 - m->r0 + 1) : 1;
            int cs = m ? (int)(m->c1 - m->c0 + 1) : 1;
            jx_doc_table_add_cell(doc, t, (int)r, (int)c, rs, cs, s, n, 0, 0);
        }
    }
    jx_buf_release(&b);
    sheet_merges_free(&sm);
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
    size_t wl = 0;
    unsigned char *wb =
        workbook_stream((const unsigned char *)data, len, &wl);
    if (!wb || !biff_sane(wb, wl)) {
        free(wb);
        jx_import_rmtree(dir);
        jx_import_error(diags, file, "I541",
                        "无法读取 XLS 文件：工作簿数据流不完整或已损坏，"
                        "或不是 BIFF8（Excel 97-2003）格式");
        return NULL;
    }
    if (jx_import_scratch_file(path, data, len) == 0) {
        rc = freexl_open(path, &h);
    }
    if (rc != FREEXL_OK) {
        if (h) {
            freexl_close(h);
        }
        free(wb);
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
        free(wb);
        jx_import_rmtree(dir);
        jx_import_error(diags, file, "I542",
                        "XLS 文件有密码保护（已加密），无法读取：请去掉密码"
                        "后再提交");
        return NULL;
    }
    struct biff bf;
    memset(&bf, 0, sizeof bf);
    walk_biff(wb, wl, &bf);
    free(wb);
    if (bf.ncells > 0) {
        qsort(bf.cells, bf.ncells, sizeof *bf.cells, xcell_cmp);
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
        if (!read_sheet(h, doc, name, i, &bf, lim, &cells, diags)) {
            doc = NULL;
            break;
        }
    }
    freexl_close(h);
    jx_import_rmtree(dir);
    biff_free(&bf);
    return doc;
}
