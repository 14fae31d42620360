/*
 * gen_ooxml.c - a neutral document written as DOCX (libzip + the
 * libxml2 text writer) or as an XLSX workbook (libxlsxwriter).
 */
#include "gen_ooxml.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>
#include <xlsxwriter.h>
#include <zip.h>

/* The WordprocessingML namespace. */
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

/* ---- DOCX -------------------------------------------------------------- */

/* The fixed parts of a DOCX package. */
static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/"
    "vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "</Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://"
    "schemas.openxmlformats.org/officeDocument/2006/relationships/"
    "officeDocument\" Target=\"word/document.xml\"/></Relationships>";

static const char document_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\"><Relationship Id=\"rId1\" Type=\"http://"
    "schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/></Relationships>";

/* A text writer into a new buffer; both owned by the caller. */
struct xw {
    xmlBufferPtr buf;
    xmlTextWriterPtr w;
    int rc; /* < 0 once a write failed */
};

/* Start writing an XML part. */
static int xw_open(struct xw *x)
{
    x->buf = xmlBufferCreate();
    x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
    x->rc = 0;
    if (!x->w) {
        if (x->buf) {
            xmlBufferFree(x->buf);
        }
        return -1;
    }
    if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes") < 0) {
        x->rc = -1;
    }
    return 0;
}

/* Record the result of a writer call. */
static void xw_check(struct xw *x, int r)
{
    if (r < 0) {
        x->rc = -1;
    }
}

/* Start an element with a literal (prefixed) name. */
static void xw_start(struct xw *x, const char *name)
{
    xw_check(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

/* End the innermost element. */
static void xw_end(struct xw *x)
{
    xw_check(x, xmlTextWriterEndElement(x->w));
}

/* Write an attribute of the element just started. */
static void xw_attr(struct xw *x, const char *name, const char *value)
{
    xw_check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
                                            BAD_CAST value));
}

/* Write an empty element with one attribute (or none when name2 NULL). */
static void xw_empty(struct xw *x, const char *name, const char *attr,
                     const char *value)
{
    xw_start(x, name);
    if (attr) {
        xw_attr(x, attr, value);
    }
    xw_end(x);
}

/* Write one line of text as runs: tabs become <w:tab/>. */
static void runs(struct xw *x, const char *s, size_t n)
{
    xw_start(x, "w:r");
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\t') {
            j++;
        }
        if (j > i) {
            xw_start(x, "w:t");
            xw_attr(x, "xml:space", "preserve");
            xw_check(x, xmlTextWriterWriteFormatString(x->w, "%.*s",
                                                       (int)(j - i), s + i));
            xw_end(x);
        }
        if (j < n) {
            xw_empty(x, "w:tab", NULL, NULL);
            j++;
        }
        i = j;
    }
    xw_end(x);
}

/* Write text as paragraphs, one per line, with an optional heading
 * style; always at least one paragraph. */
static void paragraphs(struct xw *x, const char *text, int heading)
{
    do {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        xw_start(x, "w:p");
        if (heading > 0 && heading <= 9) {
            char style[16];
            snprintf(style, sizeof style, "Heading%d", heading);
            xw_start(x, "w:pPr");
            xw_empty(x, "w:pStyle", "w:val", style);
            xw_end(x);
        }
        if (n) {
            runs(x, text, n);
        }
        xw_end(x);
        text += n + (nl ? 1 : 0);
        if (!nl) {
            break;
        }
    } while (1);
}

/* Write a table: every grid row as w:tr, merged cells with gridSpan and
 * vMerge (restart on the first row, continue below). */
static void table(struct xw *x, const struct jx_doc_table *t)
{
    char num[32];
    xw_start(x, "w:tbl");
    xw_start(x, "w:tblPr");
    xw_empty(x, "w:tblW", "w:type", "auto");
    xw_start(x, "w:tblBorders");
    static const char *const sides[] = {"w:top", "w:left", "w:bottom",
                                        "w:right", "w:insideH",
                                        "w:insideV"};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        xw_start(x, sides[i]);
        xw_attr(x, "w:val", "single");
        xw_attr(x, "w:sz", "4");
        xw_end(x);
    }
    xw_end(x);
    xw_end(x);
    xw_start(x, "w:tblGrid");
    for (int c = 0; c < t->ncols; c++) {
        xw_empty(x, "w:gridCol", "w:w", "1200");
    }
    xw_end(x);
    for (int r = 0; r < t->nrows; r++) {
        xw_start(x, "w:tr");
        int c = 0;
        while (c < t->ncols) {
            const struct jx_doc_cell *cell = jx_doc_cell_at(t, r, c);
            int span = 1;
            xw_start(x, "w:tc");
            if (cell && cell->col == c) {
                span = cell->colspan;
                if (c + span > t->ncols) {
                    span = t->ncols - c;
                }
                xw_start(x, "w:tcPr");
                if (span > 1) {
                    snprintf(num, sizeof num, "%d", span);
                    xw_empty(x, "w:gridSpan", "w:val", num);
                }
                if (cell->rowspan > 1 && cell->row == r) {
                    xw_empty(x, "w:vMerge", "w:val", "restart");
                } else if (cell->row < r) {
                    xw_empty(x, "w:vMerge", NULL, NULL);
                }
                xw_end(x);
                paragraphs(x, cell->row == r ? cell->text : "", 0);
            } else {
                paragraphs(x, "", 0);
            }
            xw_end(x);
            c += span;
        }
        xw_end(x);
    }
    xw_end(x);
}

/* word/document.xml of doc. */
static int document_xml(const struct jx_doc *doc, struct xw *x)
{
    if (xw_open(x) < 0) {
        return -1;
    }
    xw_start(x, "w:document");
    xw_attr(x, "xmlns:w", NS_W);
    xw_start(x, "w:body");
    for (size_t i = 0; i < doc->nblocks; i++) {
        const struct jx_doc_block *b = &doc->blocks[i];
        if (b->kind == JX_DOC_PARA) {
            paragraphs(x, b->para.text, b->para.heading);
        } else {
            table(x, b->table);
            paragraphs(x, "", 0); /* Word needs a paragraph after a table */
        }
    }
    xw_end(x);
    xw_end(x);
    xw_check(x, xmlTextWriterEndDocument(x->w));
    return x->rc;
}

/* word/styles.xml: Normal (宋体) and Heading1..3 ("heading N"). */
static int styles_xml(struct xw *x)
{
    if (xw_open(x) < 0) {
        return -1;
    }
    xw_start(x, "w:styles");
    xw_attr(x, "xmlns:w", NS_W);
    xw_start(x, "w:style");
    xw_attr(x, "w:type", "paragraph");
    xw_attr(x, "w:default", "1");
    xw_attr(x, "w:styleId", "Normal");
    xw_empty(x, "w:name", "w:val", "Normal");
    xw_start(x, "w:rPr");
    xw_start(x, "w:rFonts");
    xw_attr(x, "w:eastAsia", "宋体");
    xw_end(x);
    xw_end(x);
    xw_end(x);
    for (int h = 1; h <= 3; h++) {
        char id[16], name[16];
        snprintf(id, sizeof id, "Heading%d", h);
        snprintf(name, sizeof name, "heading %d", h);
        xw_start(x, "w:style");
        xw_attr(x, "w:type", "paragraph");
        xw_attr(x, "w:styleId", id);
        xw_empty(x, "w:name", "w:val", name);
        xw_empty(x, "w:basedOn", "w:val", "Normal");
        xw_end(x);
    }
    xw_end(x);
    xw_check(x, xmlTextWriterEndDocument(x->w));
    return x->rc;
}

/* Free a writer and its buffer. */
static void xw_free(struct xw *x)
{
    if (x->w) {
        xmlFreeTextWriter(x->w);
    }
    if (x->buf) {
        xmlBufferFree(x->buf);
    }
    x->w = NULL;
    x->buf = NULL;
}

/* Add an in-memory part (borrowed until zip_close). */
static int add_part(zip_t *z, const char *name, const void *data, size_t len)
{
    zip_source_t *src = zip_source_buffer(z, data, len, 0);
    if (!src) {
        return -1;
    }
    if (zip_file_add(z, name, src, ZIP_FL_ENC_UTF_8) < 0) {
        zip_source_free(src);
        return -1;
    }
    return 0;
}

/* Write a DOCX to a temporary file, then rename it over path. */
int jx_docx_write(const struct jx_doc *doc, const char *path)
{
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path,
                         (long)getpid()) >= sizeof tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    struct xw docx = {0}, sty = {0};
    int rc = -1;
    int zerr = 0;
    zip_t *z = NULL;
    if (document_xml(doc, &docx) < 0 || styles_xml(&sty) < 0) {
        errno = ENOMEM;
        goto out;
    }
    xmlTextWriterFlush(docx.w);
    xmlTextWriterFlush(sty.w);
    z = zip_open(tmp, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    if (!z) {
        errno = EIO;
        goto out;
    }
    if (add_part(z, "[Content_Types].xml", content_types,
                 sizeof content_types - 1) < 0 ||
        add_part(z, "_rels/.rels", package_rels, sizeof package_rels - 1) <
            0 ||
        add_part(z, "word/_rels/document.xml.rels", document_rels,
                 sizeof document_rels - 1) < 0 ||
        add_part(z, "word/document.xml", xmlBufferContent(docx.buf),
                 (size_t)xmlBufferLength(docx.buf)) < 0 ||
        add_part(z, "word/styles.xml", xmlBufferContent(sty.buf),
                 (size_t)xmlBufferLength(sty.buf)) < 0) {
        zip_discard(z);
        z = NULL;
        errno = EIO;
        goto out;
    }
    if (zip_close(z) < 0) {
        zip_discard(z);
        z = NULL;
        errno = EIO;
        goto out;
    }
    z = NULL;
    if (rename(tmp, path) < 0) {
        goto out;
    }
    rc = 0;
out:;
    int saved = errno;
    xw_free(&docx);
    xw_free(&sty);
    if (rc < 0) {
        unlink(tmp);
    }
    errno = saved;
    return rc;
}

/* ---- XLSX -------------------------------------------------------------- */

/* A sheet name for the table whose title paragraphs are paras[0..n):
 * the form's name when a paragraph names one, else "表N".  Names are
 * unique within the workbook (a suffix is added). */
static const char *sheet_name(struct jx_arena *a, const struct jx_doc *doc,
                              size_t first, size_t end, int index,
                              lxw_workbook *wb)
{
    static const char *const forms[] = {
        "基础数据表", "整体支出绩效自评表", "项目支出绩效自评表",
    };
    const char *name = NULL;
    for (size_t i = first; i < end && !name; i++) {
        const char *t = doc->blocks[i].para.text;
        for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
            if (strstr(t, forms[k])) {
                name = forms[k];
            }
        }
    }
    if (!name) {
        name = jx_sprintf(a, "表%d", index);
    }
    const char *try = name;
    for (int n = 2; workbook_get_worksheet_by_name(wb, try); n++) {
        try = jx_sprintf(a, "%s%d", name, n);
    }
    return try;
}

/* Index of the first of the (at most two) paragraphs that title the
 * table at block i: the paragraphs right before it, after `floor`. */
static size_t title_start(const struct jx_doc *doc, size_t i, size_t floor)
{
    size_t k = i;
    while (k > floor && i - k < 2 && doc->blocks[k - 1].kind == JX_DOC_PARA) {
        k--;
    }
    return k;
}

/* Write a run of paragraphs one per row from *row on. */
static void para_rows(lxw_worksheet *ws, const struct jx_doc *doc,
                      size_t from, size_t to, lxw_row_t *row)
{
    for (size_t k = from; k < to; k++) {
        if (doc->blocks[k].kind == JX_DOC_PARA &&
            doc->blocks[k].para.text[0]) {
            worksheet_write_string(ws, (*row)++, 0, doc->blocks[k].para.text,
                                   NULL);
        }
    }
}

/* Write doc's tables as a workbook at a temporary path, then rename:
 * each sheet holds a table's title paragraphs, the table, and the
 * paragraphs after it up to the next table's title (its footer). */
int jx_xlsx_write_doc(const struct jx_doc *doc, const char *path)
{
    char tmp[4096];
    if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp.%ld.xlsx", path,
                         (long)getpid()) >= sizeof tmp) {
        errno = ENAMETOOLONG;
        return -1;
    }
    struct jx_arena *a = jx_arena_new();
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) {
        jx_arena_free(a);
        errno = EIO;
        return -1;
    }
    lxw_format *wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    size_t floor = 0;
    for (size_t i = 0; i < doc->nblocks; i++) {
        if (doc->blocks[i].kind != JX_DOC_TABLE) {
            continue;
        }
        const struct jx_doc_table *t = doc->blocks[i].table;
        size_t head = title_start(doc, i, floor);
        size_t next = i + 1;
        while (next < doc->nblocks && doc->blocks[next].kind == JX_DOC_PARA) {
            next++;
        }
        size_t tail_end =
            next < doc->nblocks ? title_start(doc, next, i + 1) : next;
        lxw_worksheet *ws = workbook_add_worksheet(
            wb, sheet_name(a, doc, head, i, t->index, wb));
        lxw_row_t row = 0;
        para_rows(ws, doc, head, i, &row);
        lxw_row_t top = row;
        for (size_t k = 0; k < t->ncells; k++) {
            const struct jx_doc_cell *c = &t->cells[k];
            lxw_row_t r = top + (lxw_row_t)c->row;
            lxw_col_t col = (lxw_col_t)c->col;
            if (c->rowspan > 1 || c->colspan > 1) {
                worksheet_merge_range(
                    ws, r, col, r + (lxw_row_t)c->rowspan - 1,
                    (lxw_col_t)(col + (lxw_col_t)c->colspan - 1), c->text,
                    wrap);
            } else if (c->text[0]) {
                worksheet_write_string(ws, r, col, c->text, wrap);
            }
        }
        row = top + (lxw_row_t)t->nrows;
        para_rows(ws, doc, i + 1, tail_end, &row);
        floor = tail_end;
    }
    lxw_error err = workbook_close(wb);
    jx_arena_free(a);
    if (err != LXW_NO_ERROR) {
        unlink(tmp);
        errno = EIO;
        return -1;
    }
    if (rename(tmp, path) < 0) {
        int saved = errno;
        unlink(tmp);
        errno = saved;
        return -1;
    }
    return 0;
}
