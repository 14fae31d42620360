/*
 * fuzz_xlsx.c - fuzz target for the ZIP reader and the XLSX importer.
 *
 * Inputs up to 1 MiB.  An input that starts with "PK" is taken as an
 * XLSX file as it is.  Any other input is taken as a worksheet
 * (xl/worksheets/sheet1.xml) and wrapped into an XLSX built in memory
 * (stored, so the fuzzer's bytes reach the XML reader unchanged) with
 * a fixed workbook; a line "--sst--" starts xl/sharedStrings.xml and a
 * line "--styles--" starts xl/styles.xml (in that order).  The
 * document must be consistent: every cell inside its table's grid,
 * provenance naming the sheet and the cell's own A1 reference, every
 * diagnostic an I-code with a message, NULL only with an error, and the
 * dump must succeed.  A violation calls abort().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "jixiao/import.h"
#include "import/import_formats.h"

#include "fuzz_zip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the failed condition and its line. */
#define REQUIRE(cond)                                                     \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf(stderr, "fuzz_xlsx.c:%d: violated: %s\n", __LINE__,   \
                    #cond);                                               \
            abort();                                                      \
        }                                                                 \
    } while (0)

enum { MAX_INPUT = 1024 * 1024 };

static const char types[] =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats."
    "org/package/2006/content-types\"/>";
static const char workbook[] =
    "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas."
    "openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://"
    "schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"整体支出绩效自评表\" sheetId=\"1\" r:id=\"rId1\"/>"
    "</sheets></workbook>";
static const char rels[] =
    "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
    "openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/worksheet\" "
    "Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/sharedStrings\" "
    "Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

/* Wrap a sheet (and shared strings and styles, when not NULL) into an
 * XLSX; malloc'd bytes owned by the caller, or NULL. */
static char *wrap(const char *sheet, size_t shlen, const char *sst,
                  size_t sstlen, const char *styles, size_t stlen,
                  size_t *len)
{
    const struct fz_part parts[] = {
        {"[Content_Types].xml", types, strlen(types)},
        {"xl/workbook.xml", workbook, strlen(workbook)},
        {"xl/_rels/workbook.xml.rels", rels, strlen(rels)},
        {"xl/worksheets/sheet1.xml", sheet, shlen},
        {"xl/sharedStrings.xml", sst, sstlen},
        {"xl/styles.xml", styles, stlen},
    };
    return fz_zip(parts, sizeof parts / sizeof parts[0], len);
}

/* The A1 name of a 0-based cell into buf. */
static void a1(char *buf, size_t n, int row, int col)
{
    char tmp[4];
    int k = 0;
    int c = col + 1;
    while (c > 0 && k < 3) {
        tmp[k++] = (char)('A' + (c - 1) % 26);
        c = (c - 1) / 26;
    }
    size_t o = 0;
    while (k > 0 && o + 1 < n) {
        buf[o++] = tmp[--k];
    }
    snprintf(buf + o, n - o, "%d", row + 1);
}

/* Check the invariants of one table. */
static void check_table(struct jx_arena *a, const struct jx_doc *doc,
                        const struct jx_doc_table *t)
{
    REQUIRE(t->name != NULL);
    for (size_t i = 0; i < t->ncells; i++) {
        const struct jx_doc_cell *c = &t->cells[i];
        char ref[32];
        REQUIRE(c->text != NULL);
        REQUIRE(c->row >= 0 && c->row < 1048576);
        REQUIRE(c->col >= 0 && c->col < 16384);
        REQUIRE(c->rowspan >= 1 && c->colspan >= 1);
        REQUIRE(t->where == JX_DOC_AT_SHEET);
        a1(ref, sizeof ref, c->row, c->col);
        struct jx_prov pv = jx_doc_cell_prov(a, doc, t, c);
        REQUIRE(pv.sheet && strcmp(pv.sheet, t->name) == 0);
        REQUIRE(pv.cell && strcmp(pv.cell, ref) == 0);
        if (i > 0) {
            const struct jx_doc_cell *p = &t->cells[i - 1];
            REQUIRE(p->row < c->row || (p->row == c->row && p->col < c->col));
        }
        if (t->grid) {
            REQUIRE(c->row + c->rowspan <= t->nrows);
            REQUIRE(c->col + c->colspan <= t->ncols);
            REQUIRE(jx_doc_cell_at(t, c->row, c->col) != NULL);
        }
    }
    if (!t->grid) {
        REQUIRE(t->nrows == 0 && t->ncols == 0);
    }
}

/* Import one XLSX and check the document and the diagnostics. */
static void run(const char *data, size_t len)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_limits lim;
    jx_limits_default(&lim);
    lim.max_cells = 20000;
    lim.max_blocks = 20000;
    (void)jx_detect(data, len);
    struct jx_doc *doc = jx_import_xlsx(a, "fuzz.xlsx", data, len, &lim, &d);
    for (size_t i = 0; i < d.n; i++) {
        REQUIRE(d.a[i].code[0] == 'I' && d.a[i].msg && d.a[i].msg[0]);
    }
    if (doc) {
        REQUIRE(doc->source == JX_SRC_XLSX);
        int ntables = 0;
        for (size_t i = 0; i < doc->nblocks; i++) {
            const struct jx_doc_block *b = &doc->blocks[i];
            REQUIRE(b->kind == JX_DOC_TABLE);
            REQUIRE(b->table->index == ++ntables);
            check_table(a, doc, b->table);
        }
        struct jx_buf out;
        jx_buf_init(&out, 1u << 28);
        REQUIRE(jx_doc_dump(doc, &out) == 0);
        jx_buf_release(&out);
    } else {
        REQUIRE(jx_diags_errors(&d) > 0);
    }
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Find the line mark in s[from..n); its offset, or n. */
static size_t find_mark(const char *s, size_t from, size_t n,
                        const char *mark)
{
    size_t m = strlen(mark);
    for (size_t i = from; i + m <= n; i++) {
        if (memcmp(s + i, mark, m) == 0) {
            return i;
        }
    }
    return n;
}

/* Import the input as an XLSX, or as a sheet wrapped into one. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > MAX_INPUT) {
        return 0;
    }
    const char *s = (const char *)data;
    if (size >= 2 && s[0] == 'P' && s[1] == 'K') {
        run(s, size);
        return 0;
    }
    static const char msst[] = "\n--sst--\n";
    static const char mstyles[] = "\n--styles--\n";
    /* The styles mark is looked for only after the whole sst mark: the
     * two share their first and last bytes, so a search from the sst
     * mark itself could find a styles mark overlapping it and the
     * shared strings' length would wrap around. */
    size_t isst = find_mark(s, 0, size, msst);
    size_t sst_end = isst < size ? isst + strlen(msst) : 0;
    size_t istyles = find_mark(s, sst_end, size, mstyles);
    size_t shlen = isst < istyles ? isst : istyles;
    const char *sst = NULL, *styles = NULL;
    size_t sstlen = 0, stlen = 0;
    if (isst < size) {
        sst = s + sst_end;
        sstlen = (istyles < size ? istyles : size) - sst_end;
    }
    if (istyles < size) {
        styles = s + istyles + strlen(mstyles);
        stlen = size - istyles - strlen(mstyles);
    }
    size_t len = 0;
    char *z = wrap(s, shlen, sst, sstlen, styles, stlen, &len);
    if (z) {
        run(z, len);
        free(z);
    }
    return 0;
}
