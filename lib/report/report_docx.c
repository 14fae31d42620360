/*
 * report_docx.c - a report document (report.h) written as DOCX: the
 * WordprocessingML parts with user text are written by libxml2's
 * xmlTextWriter (escaping is the library's job), the fixed parts
 * (styles, settings, relationships) are constants, and libzip packs
 * them in memory.  The fixed parts are deflated once per process into
 * a template archive and copied from it compressed; the others are
 * deflated as libxml2 writes them (struct sink: no part is held whole
 * uncompressed), with a zlib state each thread keeps from one document
 * to the next, and handed to libzip as compressed data — the bytes are
 * those libzip's own deflate gives.
 *
 * Layout, as Chinese official reports are set (GB/T 9704): A4 with
 * margins 37/35/28/26 mm (text width 156 mm), body text 仿宋_GB2312 三号
 * on a 28 pt line, indented two characters; the title in 方正小标宋简体
 * 二号; headings 黑体 / 楷体_GB2312 / 仿宋_GB2312 bold; notes 四号;
 * tables 五号 with borders, merged cells (gridSpan, vMerge), header rows
 * repeated on every page (a form's inner header row: a second table
 * right under the first, its first row the repeated header), rows up to
 * half a page never split, the last row and the line below kept with
 * the rows before (keepNext); column widths from their content
 * (jx_rtable_widths) so that no number wraps; numbers right-aligned;
 * flagged cells shaded and marked "▲" with a legend under the table.
 * Latin text in Times New Roman.  A running header and a footer
 * "第 X 页 共 Y 页" (PAGE and NUMPAGES fields).
 *
 * Charts become a small table of their numbers with the chart's title
 * as caption; cell derivations (notes) are not written (the builder
 * puts derivations in an appendix when asked).  Text that is not valid
 * UTF-8, or holds characters XML cannot carry, is repaired with one
 * warning (R106), so the package always opens without a repair prompt.
 */
#include "jixiao/report.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlwriter.h>
#include <zip.h>
#include <zlib.h>

/* The WordprocessingML and relationship namespaces. */
#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R \
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* Page geometry in twips: A4, margins top 37 mm, bottom 35 mm, left
 * 28 mm, right 26 mm (GB/T 9704). */
#define PAGE_W 11906
#define PAGE_H 16838
#define MARGIN_TOP 2098
#define MARGIN_BOTTOM 1984
#define MARGIN_LEFT 1587
#define MARGIN_RIGHT 1474
#define TEXT_W (PAGE_W - MARGIN_LEFT - MARGIN_RIGHT) /* 8845 = 156 mm */

/* Cell margins left and right (57 twips each, w:tblCellMar) and a
 * little room for the renderer's own rounding. */
#define CELL_PAD (2 * 57 + 40)

/* Word opens no table wider than 63 columns. */
#define MAX_COLS 63

/* Most grid positions (rows × columns) of one table. */
#define MAX_GRID 4000000L

/* The mark of a flagged cell and the legend under its table. */
#define FLAG_MARK "▲"
#define FLAG_LEGEND "注：标“▲”的单元格，填报数与复核计算结果不一致。"

/* Shading of header cells and of flagged cells. */
#define FILL_HEADER "F2F2F2"
#define FILL_FLAG "FFE699"

/* ---- fixed parts -------------------------------------------------------- */

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
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/header1.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/"
    "vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>";

static const char package_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
    "package/2006/relationships/metadata/core-properties\" "
    "Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/extended-properties\" "
    "Target=\"docProps/app.xml\"/>"
    "</Relationships>";

static const char document_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/"
    "officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
    "</Relationships>";

static const char app_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/"
    "2006/extended-properties\"><Application>jixiao</Application>"
    "</Properties>";

static const char settings_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:settings xmlns:w=\"" NS_W "\">"
    "<w:zoom w:percent=\"100\"/>"
    "<w:defaultTabStop w:val=\"420\"/>"
    "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
    "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
    "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>"
    "</w:compat>"
    "<w:themeFontLang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
    "</w:settings>";

/* A paragraph style: id, name, what it is based on, and its pPr / rPr
 * contents. */
#define PSTYLE(id, name, based, extra, ppr, rpr)                           \
    "<w:style w:type=\"paragraph\" w:styleId=\"" id "\"><w:name w:val=\"" \
    name "\"/><w:basedOn w:val=\"" based "\"/>" extra "<w:pPr>" ppr        \
    "</w:pPr><w:rPr>" rpr "</w:rPr></w:style>"

/* Latin fonts: Times New Roman. */
#define LATIN \
    "w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" " \
    "w:cs=\"Times New Roman\""

/* Font size in half points (both scripts). */
#define SZ(n) "<w:sz w:val=\"" #n "\"/><w:szCs w:val=\"" #n "\"/>"

/* Body indent: two characters of 三号 (2 × 16 pt = 640 twips). */
#define INDENT2 "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"

/* word/styles.xml in pieces (each under the 4095 bytes a C string
 * literal may portably have), joined by styles_xml(). */
static const char *const styles_parts[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts " LATIN " w:eastAsia=\"仿宋_GB2312\" w:hint=\"eastAsia\"/>"
    "<w:kern w:val=\"2\"/>" SZ(32)
    "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>"
    "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault>"
    "</w:docDefaults>"
    /* Normal: 仿宋_GB2312 三号 on a 28 pt line, justified */
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
    "<w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/>"
    "<w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:jc w:val=\"both\"/>"
    "</w:pPr><w:rPr><w:rFonts " LATIN " w:eastAsia=\"仿宋_GB2312\"/>"
    SZ(32) "</w:rPr></w:style>"
    "<w:style w:type=\"character\" w:default=\"1\" "
    "w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph "
    "Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/>"
    "</w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
    "<w:name w:val=\"Normal Table\"/><w:semiHidden/><w:unhideWhenUsed/>"
    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>"
    "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/>"
    "</w:tblCellMar></w:tblPr></w:style>",
    PSTYLE("Title", "Title", "Normal",
           "<w:next w:val=\"Subtitle\"/><w:qFormat/>",
           "<w:spacing w:before=\"240\" w:after=\"240\" w:line=\"700\" "
           "w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
           "<w:rFonts " LATIN " w:eastAsia=\"方正小标宋简体\"/>" SZ(44))
    PSTYLE("Subtitle", "Subtitle", "Normal",
           "<w:next w:val=\"JxBody\"/><w:qFormat/>",
           "<w:spacing w:after=\"480\"/><w:jc w:val=\"center\"/>",
           "<w:rFonts w:eastAsia=\"楷体_GB2312\"/>")
    PSTYLE("Heading1", "heading 1", "Normal",
           "<w:next w:val=\"JxBody\"/><w:qFormat/>",
           "<w:keepNext/>" INDENT2 "<w:outlineLvl w:val=\"0\"/>",
           "<w:rFonts w:eastAsia=\"黑体\"/>")
    PSTYLE("Heading2", "heading 2", "Normal",
           "<w:next w:val=\"JxBody\"/><w:qFormat/>",
           "<w:keepNext/>" INDENT2 "<w:outlineLvl w:val=\"1\"/>",
           "<w:rFonts w:eastAsia=\"楷体_GB2312\"/>")
    PSTYLE("Heading3", "heading 3", "Normal",
           "<w:next w:val=\"JxBody\"/><w:qFormat/>",
           "<w:keepNext/>" INDENT2 "<w:outlineLvl w:val=\"2\"/>",
           "<w:rFonts w:eastAsia=\"仿宋_GB2312\"/><w:b/><w:bCs/>")
    ,
    PSTYLE("JxBody", "报告正文", "Normal", "<w:qFormat/>", INDENT2, "")
    PSTYLE("JxCenter", "居中", "Normal", "", "<w:jc w:val=\"center\"/>", "")
    PSTYLE("JxRight", "右对齐", "Normal", "",
           "<w:ind w:rightChars=\"400\" w:right=\"1280\"/>"
           "<w:jc w:val=\"right\"/>", "")
    PSTYLE("JxNote", "注释", "Normal", "",
           "<w:spacing w:line=\"440\" w:lineRule=\"exact\"/>", SZ(28))
    PSTYLE("JxList", "列表", "Normal", "", "", "")
    PSTYLE("JxDetail", "计算过程", "Normal", "",
           "<w:spacing w:line=\"440\" w:lineRule=\"exact\"/>"
           "<w:ind w:leftChars=\"200\" w:left=\"560\"/>", SZ(28))
    ,
    PSTYLE("JxCaption", "表题", "Normal", "",
           "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\" "
           "w:line=\"360\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
           "<w:rFonts w:eastAsia=\"黑体\"/>" SZ(28))
    PSTYLE("JxMeta", "表上说明", "Normal", "",
           "<w:keepNext/><w:tabs><w:tab w:val=\"right\" w:pos=\"8845\"/>"
           "</w:tabs><w:spacing w:before=\"60\" w:after=\"60\" "
           "w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
           SZ(24))
    PSTYLE("JxTable", "表格文字", "Normal", "",
           "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
           "<w:jc w:val=\"left\"/>", SZ(21))
    PSTYLE("Header", "header", "Normal", "",
           "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
           "<w:jc w:val=\"center\"/>", SZ(18))
    PSTYLE("Footer", "footer", "Normal", "",
           "<w:spacing w:line=\"240\" w:lineRule=\"auto\"/>"
           "<w:jc w:val=\"center\"/>", SZ(21))
    "</w:styles>",
};

/* Join styles_parts into b (which the caller releases). */
static void styles_xml(struct jx_buf *b)
{
    jx_buf_init(b, 1u << 16);
    for (size_t i = 0; i < sizeof styles_parts / sizeof styles_parts[0];
         i++) {
        jx_buf_adds(b, styles_parts[i]);
    }
}

/* ---- the XML writer ------------------------------------------------------ */

/* A part deflated as it is written: libxml2's output buffer hands the
 * XML to sink_write in chunks of a few KB, which are deflated at once
 * into out, so no part is ever held whole uncompressed.  size and crc
 * are those of the XML.  The sink owns out; zs is the thread's deflate
 * state (thread_deflater), borrowed while the part is written. */
struct sink {
    z_stream *zs;
    struct jx_buf out; /* the raw deflate stream so far */
    uLong crc;
    zip_uint64_t size;
    int toobig; /* the XML passed JX_REPORT_MAX_BYTES: refused */
    int failed; /* zlib or memory failure */
};

/* The XML writer of one part (into its sink), and text repair state. */
struct dw {
    xmlTextWriterPtr w;
    int rc;           /* < 0 once a write failed */
    struct jx_buf tmp; /* repaired text */
    size_t *repaired; /* characters replaced or dropped, document-wide */
};

/* Start a sink on zs (reset for a new stream); out starts empty. */
static void sink_open(struct sink *s, z_stream *zs)
{
    memset(s, 0, sizeof *s);
    s->zs = zs;
    jx_buf_init(&s->out, JX_REPORT_MAX_BYTES);
    s->crc = crc32(0, Z_NULL, 0);
    if (deflateReset(zs) != Z_OK) {
        s->failed = 1;
    }
}

/* Deflate p[0..n) into s->out with flush (Z_NO_FLUSH, or Z_FINISH to
 * end the stream); 0, or -1 on a zlib or memory failure. */
static int sink_deflate(struct sink *s, const void *p, size_t n, int flush)
{
    unsigned char chunk[16384];
    z_stream *zs = s->zs;
    zs->next_in = (Bytef *)(uintptr_t)p;
    zs->avail_in = (uInt)n;
    do {
        zs->next_out = chunk;
        zs->avail_out = sizeof chunk;
        if (deflate(zs, flush) == Z_STREAM_ERROR ||
            jx_buf_add(&s->out, chunk, sizeof chunk - zs->avail_out) < 0) {
            s->failed = 1;
            return -1;
        }
    } while (zs->avail_out == 0);
    return 0;
}

/* libxml2's write callback: deflate len bytes of XML; len, or -1 when
 * the part would pass JX_REPORT_MAX_BYTES or deflating failed. */
static int sink_write(void *ctx, const char *buf, int len)
{
    struct sink *s = ctx;
    if (s->failed || s->toobig || len < 0) {
        return -1;
    }
    if ((size_t)len > JX_REPORT_MAX_BYTES - s->size) {
        s->toobig = 1;
        return -1;
    }
    if (sink_deflate(s, buf, (size_t)len, Z_NO_FLUSH) < 0) {
        return -1;
    }
    s->crc = crc32(s->crc, (const Bytef *)buf, (uInt)len);
    s->size += (zip_uint64_t)len;
    return len;
}

/* End the deflate stream of s; 0, or -1 (s->failed, s->toobig). */
static int sink_finish(struct sink *s)
{
    if (s->failed || s->toobig) {
        return -1;
    }
    return sink_deflate(s, NULL, 0, Z_FINISH);
}

/* Start writing an XML part into the sink s; -1 when libxml2 cannot
 * allocate. */
static int dw_open(struct dw *x, size_t *repaired, struct sink *s)
{
    memset(x, 0, sizeof *x);
    jx_buf_init(&x->tmp, JX_REPORT_MAX_BYTES);
    x->repaired = repaired;
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(sink_write, NULL, s, NULL);
    x->w = ob ? xmlNewTextWriter(ob) : NULL;
    if (!x->w) {
        if (ob) {
            xmlOutputBufferClose(ob);
        }
        return -1;
    }
    if (xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", "yes") < 0) {
        x->rc = -1;
    }
    return 0;
}

/* Free the writer (flushing what it holds into its sink) and the repair
 * buffer. */
static void dw_free(struct dw *x)
{
    if (x->w) {
        xmlFreeTextWriter(x->w);
    }
    jx_buf_release(&x->tmp);
    x->w = NULL;
}

/* Record the result of a writer call. */
static void chk(struct dw *x, int r)
{
    if (r < 0) {
        x->rc = -1;
    }
}

/* End the document and flush; x->rc. */
static int dw_finish(struct dw *x)
{
    chk(x, xmlTextWriterEndDocument(x->w));
    chk(x, xmlTextWriterFlush(x->w));
    return x->rc;
}

/* Start an element with a literal (prefixed) name. */
static void st(struct dw *x, const char *name)
{
    chk(x, xmlTextWriterStartElement(x->w, BAD_CAST name));
}

/* End the innermost element. */
static void en(struct dw *x)
{
    chk(x, xmlTextWriterEndElement(x->w));
}

/* Write an attribute of the element just started (a constant or text
 * already repaired). */
static void at(struct dw *x, const char *name, const char *value)
{
    chk(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value));
}

/* Write an integer attribute. */
static void ati(struct dw *x, const char *name, long v)
{
    char b[32];
    snprintf(b, sizeof b, "%ld", v);
    at(x, name, b);
}

/* Append s to b[*n..cap) when it is all printable ASCII that XML
 * writes as it stands (no & < > "); false (b unchanged past *n) when
 * it is not or does not fit. */
static bool plain(char *b, size_t *n, size_t cap, const char *s)
{
    size_t k = *n;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c > 0x7e || c == '&' || c == '<' || c == '>' ||
            c == '"' || k + 1 >= cap) {
            return false;
        }
        b[k++] = (char)c;
    }
    *n = k;
    return true;
}

/* Write an empty element with one attribute (none when attr is NULL).
 * When name, attribute and value are plain ASCII (plain()) the element
 * is written at once as the bytes the writer's start / attribute / end
 * calls give ("<name attr=\"value\"/>"; the writer closes the parent's
 * start tag first either way); else through those calls. */
static void emp(struct dw *x, const char *name, const char *attr,
                const char *value)
{
    char b[256];
    size_t n = 1, cap = sizeof b - 8;
    b[0] = '<';
    bool ok = plain(b, &n, cap, name);
    if (ok && attr) {
        b[n++] = ' ';
        ok = value && plain(b, &n, cap, attr);
        if (ok) {
            b[n++] = '=';
            b[n++] = '"';
            ok = plain(b, &n, cap, value);
            b[n++] = '"';
        }
    }
    if (ok) {
        b[n++] = '/';
        b[n++] = '>';
        chk(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST b, (int)n));
        return;
    }
    st(x, name);
    if (attr) {
        at(x, attr, value);
    }
    en(x);
}


/* Write the markup s (a constant, or numbers and constants) as it
 * stands: the bytes the writer's element and attribute calls give for
 * the same markup, the parent's start tag closed first either way. */
static void raw(struct dw *x, const char *s)
{
    chk(x, xmlTextWriterWriteRaw(x->w, BAD_CAST s));
}

/* s[0..n) as valid UTF-8 holding only characters XML 1.0 allows
 * (tab and newline are the caller's business and are dropped here):
 * an invalid byte or U+FFFE/U+FFFF becomes U+FFFD, other control
 * characters are dropped; each counts as repaired.  The result lives
 * in x->tmp until the next call. */
static const char *repair(struct dw *x, const char *s, size_t n)
{
    jx_buf_reset(&x->tmp);
    *x->repaired += jx_utf8_xml(&x->tmp, s, n, false, SIZE_MAX, NULL);
    return x->tmp.p;
}

/* Write s[0..n) as element content (repaired, escaped). */
static void text(struct dw *x, const char *s, size_t n)
{
    chk(x, xmlTextWriterWriteString(x->w, BAD_CAST repair(x, s, n)));
}

/* ---- paragraphs ---------------------------------------------------------- */

/* How a paragraph looks. */
struct pfmt {
    const char *style; /* paragraph style id, or NULL (Normal) */
    const char *jc;    /* justification, or NULL (the style's) */
    bool keep_next;    /* keep with the next paragraph */
    bool bold;         /* runs in bold */
    const char *color; /* run colour RRGGBB, or NULL */
    const char *mark;  /* a red symbol before the text, or NULL */
};

/* Start a paragraph with its properties. */
static void p_begin(struct dw *x, const struct pfmt *f)
{
    st(x, "w:p");
    if (f->style || f->keep_next || f->jc) {
        st(x, "w:pPr");
        if (f->style) {
            emp(x, "w:pStyle", "w:val", f->style);
        }
        if (f->keep_next) {
            emp(x, "w:keepNext", NULL, NULL);
        }
        if (f->jc) {
            emp(x, "w:jc", "w:val", f->jc);
        }
        en(x);
    }
}

/* Write the run properties of f (bold, colour), if any; `color`
 * overrides f's colour when not NULL. */
static void rpr(struct dw *x, const struct pfmt *f, const char *color)
{
    const char *c = color ? color : f->color;
    if (!f->bold && !c) {
        return;
    }
    st(x, "w:rPr");
    if (f->bold) {
        emp(x, "w:b", NULL, NULL);
        emp(x, "w:bCs", NULL, NULL);
    }
    if (c) {
        emp(x, "w:color", "w:val", c);
    }
    en(x);
}

/* Write one run holding s[0..n) (no newline): tabs become <w:tab/>. */
static void run(struct dw *x, const struct pfmt *f, const char *s, size_t n)
{
    st(x, "w:r");
    rpr(x, f, NULL);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\t') {
            j++;
        }
        if (j > i) {
            /* <w:t xml:space="preserve">text</w:t>: the writer escapes
             * element content the same in any element */
            raw(x, "<w:t xml:space=\"preserve\">");
            text(x, s + i, j - i);
            raw(x, "</w:t>");
        }
        if (j < n) {
            emp(x, "w:tab", NULL, NULL);
            j++;
        }
        i = j;
    }
    en(x);
}

/* Write the mark of f (a red symbol and a space) as a run. */
static void mark(struct dw *x, const struct pfmt *f)
{
    st(x, "w:r");
    rpr(x, f, "C00000");
    st(x, "w:t");
    at(x, "xml:space", "preserve");
    text(x, f->mark, strlen(f->mark));
    chk(x, xmlTextWriterWriteString(x->w, BAD_CAST " "));
    en(x);
    en(x);
}

/* Write text as paragraphs of format f, one per line; always at least
 * one paragraph (the mark goes before the first line). */
static void paras(struct dw *x, const struct pfmt *f, const char *s)
{
    bool first = true;
    if (!s) {
        s = "";
    }
    for (;;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n && s[n - 1] == '\r') {
            n--;
        }
        p_begin(x, f);
        if (first && f->mark) {
            mark(x, f);
        }
        if (n) {
            run(x, f, s, n);
        }
        en(x);
        first = false;
        if (!nl) {
            break;
        }
        s = nl + 1;
    }
}

/* Write one paragraph in a style. */
static void styled(struct dw *x, const char *style, const char *s)
{
    struct pfmt f = {0};
    f.style = style;
    paras(x, &f, s);
}

/* ---- tables -------------------------------------------------------------- */

/* A table laid out on its grid. */
struct grid {
    int nrows, ncols;
    const struct jx_rcell **at; /* nrows × ncols: the covering cell */
    long tw[MAX_COLS];          /* column widths in twips */
};

/* What a dropped cell is reported with (R103). */
struct drop_ctx {
    struct jx_diags *diags;
    struct jx_loc loc;
    int tno;
    long ncols;
};

/* Report a cell left out of the grid: overlapping (R103); one that
 * starts past the last column was announced by R104. */
static void drop_cell(void *ctx, const struct jx_rcell *c)
{
    struct drop_ctx *x = ctx;
    if (c->col >= x->ncols) {
        return;
    }
    x->loc.row = c->row + 1;
    x->loc.column = c->col + 1;
    jx_diag_add(x->diags, "R103", JX_SEV_WARNING, &x->loc,
                "表格 %d 第 %d 行第 %d 列的单元格与其他单元格重叠，已略去",
                x->tno, c->row + 1, c->col + 1);
}

/* The width in twips that s[0..n) takes in 五号 (10.5 pt) table text,
 * estimated on the safe side (Word and LibreOffice lay the text out,
 * and where Times New Roman is missing its substitute may be as wide as
 * DejaVu Serif): digits 0.64 em, '.' and ',' 0.32, '%' 0.95, a space
 * 0.32, other ASCII 0.72, everything else (CJK, signs such as ≥ and ▲)
 * a whole em; bold ten per cent wider. */
static long text_twips(void *ctx, const char *s, size_t n, bool bold)
{
    (void)ctx;
    long w = 0; /* in 1/100 em */
    size_t i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) {
            w += ch >= '0' && ch <= '9' ? 64
                 : ch == '.' || ch == ',' || ch == ' ' ? 32
                 : ch == '%' ? 95 : 72;
            i++;
            continue;
        }
        int32_t cp;
        int k = jx_utf8_decode(s + i, n - i, &cp);
        i += k > 0 ? (size_t)k : 1;
        w += 100;
    }
    w = w * 210 / 100;
    return bold ? w + w / 10 : w;
}

/* Lay t out (tno: its number among the document's tables, for
 * findings): grid size (clamped to MAX_COLS columns, R104), the cell
 * covering each position (a cell overlapping an earlier one is dropped,
 * R103), column widths.  0, or -1 when the grid is too large (R105). */
static int layout(const struct jx_rtable *t, int tno, struct grid *g,
                  struct jx_diags *diags)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.table = tno;
    long nrows, ncols;
    jx_rtable_size(t, &nrows, &ncols);
    if (ncols > MAX_COLS) {
        jx_diag_add(diags, "R104", JX_SEV_WARNING, &loc,
                    "表格 %d 有 %ld 列，超过 Word 的上限 %d 列，超出部分已略去",
                    tno, ncols, MAX_COLS);
        ncols = MAX_COLS;
    }
    if (nrows > MAX_GRID / ncols) {
        jx_diag_add(diags, "R105", JX_SEV_ERROR, &loc,
                    "表格 %d 过大：%ld 行 × %ld 列，超过 %ld 个格子的上限",
                    tno, nrows, ncols, MAX_GRID);
        return -1;
    }
    g->nrows = (int)nrows;
    g->ncols = (int)ncols;
    size_t npos = (size_t)(nrows * ncols);
    g->at = jx_xmalloc((npos ? npos : 1) * sizeof *g->at);
    memset(g->at, 0, (npos ? npos : 1) * sizeof *g->at);
    struct drop_ctx dc = {diags, loc, tno, ncols};
    jx_rtable_place(t, nrows, ncols, g->at, drop_cell, &dc);
    /* widths: relative widths over the text width, else equal, each
     * column wide enough for its numbers and short words */
    jx_rtable_widths(t, g->ncols, TEXT_W, CELL_PAD, text_twips, NULL, g->tw);
    return 0;
}

/* The cell covering (r, c) of g, or NULL. */
static const struct jx_rcell *cover(const struct grid *g, int r, int c)
{
    return g->at[(size_t)r * (size_t)g->ncols + (size_t)c];
}

/* The justification of a cell: header cells as set (centred by
 * default), numbers right-aligned unless set otherwise. */
static const char *cell_jc(const struct jx_rcell *c)
{
    enum jx_ralign a = c->align;
    if (!c->header && a == JX_RA_LEFT && c->fmt != JX_RF_TEXT) {
        a = JX_RA_RIGHT;
    }
    return a == JX_RA_CENTER ? "center" : a == JX_RA_RIGHT ? "right" : "left";
}

/* Write one w:tc at column col spanning `span` grid columns: the cell c
 * starting here, a continuation of c merged from above (cont), or an
 * empty position (c NULL). */
static void tc(struct dw *x, const struct grid *g, const struct jx_rcell *c,
               int col, int span, bool cont, bool keep)
{
    long w = 0;
    for (int k = col; k < col + span; k++) {
        w += g->tw[k];
    }
    st(x, "w:tc");
    st(x, "w:tcPr");
    char b[96];
    snprintf(b, sizeof b, "<w:tcW w:w=\"%ld\" w:type=\"dxa\"/>", w);
    raw(x, b);
    if (span > 1) {
        snprintf(b, sizeof b, "<w:gridSpan w:val=\"%d\"/>", span);
        raw(x, b);
    }
    if (cont) {
        emp(x, "w:vMerge", NULL, NULL);
    } else if (c && c->rowspan > 1) {
        emp(x, "w:vMerge", "w:val", "restart");
    }
    if (c && (c->flagged || c->header)) {
        raw(x, c->flagged ? "<w:shd w:val=\"clear\" w:color=\"auto\" "
                            "w:fill=\"" FILL_FLAG "\"/>"
                          : "<w:shd w:val=\"clear\" w:color=\"auto\" "
                            "w:fill=\"" FILL_HEADER "\"/>");
    }
    emp(x, "w:vAlign", "w:val", "center");
    en(x);
    struct pfmt f = {0};
    f.style = "JxTable";
    f.keep_next = keep;
    if (c && !cont) {
        f.jc = cell_jc(c);
        f.bold = c->header;
        f.mark = c->flagged ? FLAG_MARK : NULL;
        const char *s = c->text ? c->text : "";
        size_t k = c->header ? jx_rtable_word_break(s) : 0;
        if (k && text_twips(NULL, s, strlen(s), true) + CELL_PAD > w) {
            /* a short header word too wide: two balanced lines
             * ("一级" / "指标"), not three characters and one */
            char *two = jx_xmalloc(strlen(s) + 2);
            memcpy(two, s, k);
            two[k] = '\n';
            memcpy(two + k + 1, s + k, strlen(s) - k + 1);
            paras(x, &f, two);
            free(two);
        } else {
            paras(x, &f, s);
        }
    } else {
        paras(x, &f, "");
    }
    en(x);
}

/* Estimated height in twips of the text of cell c set in a column w
 * twips wide: 五号 characters (a CJK one 210 twips wide, a Latin one
 * half that), lines 320 twips apart. */
static long cell_height(const struct jx_rcell *c, long w)
{
    long per_line = (w - 114) / 105; /* width units (CJK = 2) per line */
    long lines = 0;
    const char *s = c->text ? c->text : "";
    per_line = per_line < 2 ? 2 : per_line;
    while (*s) {
        size_t n = strcspn(s, "\n");
        char *line = jx_xmalloc(n + 1);
        memcpy(line, s, n);
        line[n] = '\0';
        long units = (long)jx_utf8_width(line);
        free(line);
        lines += units ? (units + per_line - 1) / per_line : 1;
        s += n + (s[n] ? 1 : 0);
    }
    return (lines ? lines : 1) * 320;
}

/* True when row r of g is short enough (at most half a page) to be
 * kept whole: a taller row must be allowed to split, or it would be
 * cut at the page's bottom. */
static bool row_keeps(const struct grid *g, int r)
{
    for (int k = 0; k < g->ncols; k++) {
        const struct jx_rcell *c = cover(g, r, k);
        if (!c || c->row != r || c->col != k) {
            continue;
        }
        long w = 0;
        for (int j = k; j < k + c->colspan && j < g->ncols; j++) {
            w += g->tw[j];
        }
        if (cell_height(c, w) > (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) / 2) {
            return false;
        }
    }
    return true;
}

/* Write rows [a, b) of t on grid g, rows a .. a+hdr-1 the header that
 * repeats on every page (w:tblHeader); rows up to half a page high do
 * not split across pages (w:cantSplit).  The header rows, the row before
 * the table's last row (总分, 合计) and, when a line follows the table
 * (填表人 …), the last row keep with what follows (w:keepNext on their
 * paragraphs), so that no page starts with the last row or that line
 * alone.  A cell merged from above a starts again at a. */
static void rows(struct dw *x, const struct jx_rtable *t,
                 const struct grid *g, int a, int b, int hdr)
{
    bool after = (t->below && *t->below) || b < g->nrows;
    for (int r = a; r < b; r++) {
        bool head = r < a + hdr;
        bool keep = head || (b == g->nrows && r == b - 2) ||
                    (after && r == b - 1);
        st(x, "w:tr");
        st(x, "w:trPr");
        if (head || row_keeps(g, r)) {
            emp(x, "w:cantSplit", NULL, NULL);
        }
        if (head) {
            emp(x, "w:tblHeader", NULL, NULL);
        }
        en(x);
        int c = 0;
        while (c < g->ncols) {
            const struct jx_rcell *cell = cover(g, r, c);
            if (!cell) {
                tc(x, g, NULL, c, 1, false, keep);
                c++;
                continue;
            }
            int span = cell->colspan > 1 ? cell->colspan : 1;
            if (c + span > g->ncols) {
                span = g->ncols - c;
            }
            if (cell->col != c) { /* cannot happen: spans are skipped */
                span = 1;
            }
            tc(x, g, cell, c, span, cell->row != r && r > a, keep);
            c += span;
        }
        en(x);
    }
}

/* Write the lines above a table: the title (caption) and the line
 * "above_left … above_right" (the right part at a right tab). */
static void table_above(struct dw *x, const struct jx_rtable *t)
{
    if (t->title && *t->title) {
        struct pfmt f = {0};
        f.style = "JxCaption";
        paras(x, &f, t->title);
    }
    const char *l = t->above_left && *t->above_left ? t->above_left : NULL;
    const char *r = t->above_right && *t->above_right ? t->above_right : NULL;
    if (!l && !r) {
        return;
    }
    struct pfmt f = {0};
    f.style = "JxMeta";
    p_begin(x, &f);
    if (l) {
        run(x, &f, l, strcspn(l, "\n"));
    }
    if (r) {
        st(x, "w:r");
        emp(x, "w:tab", NULL, NULL);
        en(x);
        run(x, &f, r, strcspn(r, "\n"));
    }
    en(x);
}

/* Write the paragraph between the two parts of a table: empty, one
 * point high, kept with the part after it. */
static void gap_para(struct dw *x)
{
    st(x, "w:p");
    st(x, "w:pPr");
    emp(x, "w:pStyle", "w:val", "JxTable");
    emp(x, "w:keepNext", NULL, NULL);
    st(x, "w:spacing");
    at(x, "w:before", "0");
    at(x, "w:after", "0");
    at(x, "w:line", "20");
    at(x, "w:lineRule", "exact");
    en(x);
    st(x, "w:rPr");
    emp(x, "w:sz", "w:val", "2");
    emp(x, "w:szCs", "w:val", "2");
    en(x);
    en(x);
    en(x);
}

/* Write a table block: its lines above, the table, the legend of
 * flagged cells and the line below (or an empty paragraph: Word needs
 * one between a table and what follows).  0, or -1 (R105). */
static int table(struct dw *x, const struct jx_rtable *t, int tno,
                 struct jx_diags *diags)
{
    struct grid g;
    memset(&g, 0, sizeof g);
    if (layout(t, tno, &g, diags) < 0) {
        return -1;
    }
    table_above(x, t);
    bool flagged = false;
    int split = t->subhead_row > t->header_rows && t->subhead_row < g.nrows
                    ? t->subhead_row
                    : 0;
    for (int part = 0; g.nrows > 0 && part < (split ? 2 : 1); part++) {
        if (part == 1) {
            /* the second part: a table of its own, its first row the
             * header it repeats, after a paragraph a point high */
            gap_para(x);
        }
        st(x, "w:tbl");
        st(x, "w:tblPr");
        st(x, "w:tblW");
        ati(x, "w:w", TEXT_W);
        at(x, "w:type", "dxa");
        en(x);
        emp(x, "w:jc", "w:val", "center");
        st(x, "w:tblBorders");
        static const char *const sides[] = {"w:top",     "w:left",
                                            "w:bottom",  "w:right",
                                            "w:insideH", "w:insideV"};
        for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
            st(x, sides[i]);
            at(x, "w:val", "single");
            at(x, "w:sz", "4");
            at(x, "w:space", "0");
            at(x, "w:color", "000000");
            en(x);
        }
        en(x);
        emp(x, "w:tblLayout", "w:type", "fixed");
        st(x, "w:tblCellMar");
        st(x, "w:left");
        at(x, "w:w", "57");
        at(x, "w:type", "dxa");
        en(x);
        st(x, "w:right");
        at(x, "w:w", "57");
        at(x, "w:type", "dxa");
        en(x);
        en(x);
        en(x);
        st(x, "w:tblGrid");
        for (int k = 0; k < g.ncols; k++) {
            st(x, "w:gridCol");
            ati(x, "w:w", g.tw[k]);
            en(x);
        }
        en(x);
        if (part == 0) {
            rows(x, t, &g, 0, split ? split : g.nrows, t->header_rows);
        } else {
            rows(x, t, &g, split, g.nrows, 1);
        }
        en(x);
    }
    for (size_t i = 0; i < t->ncells; i++) {
        flagged = flagged || t->cells[i].flagged;
    }
    free(g.at);
    if (flagged) {
        struct pfmt f = {0};
        f.style = "JxNote";
        f.keep_next = t->below && *t->below;
        paras(x, &f, FLAG_LEGEND);
    }
    if (t->below && *t->below) {
        styled(x, "JxMeta", t->below);
    } else if (!flagged) {
        styled(x, "JxNote", "");
    }
    return 0;
}

/* ---- charts, details, body ----------------------------------------------- */

/* Decimals to print a chart column with: 2 for amounts (the unit is
 * 元 or 万元) and for any column with a fraction, else 0. */
static int chart_scale(const struct jx_rat *v, size_t n, const char *unit)
{
    if (unit && strstr(unit, "元")) {
        return 2;
    }
    for (size_t i = 0; i < n; i++) {
        if (!jx_rat_is_int(v[i])) {
            return 2;
        }
    }
    return 0;
}

/* Add a number cell to the chart table. */
static void chart_num(struct jx_report_doc *s, struct jx_rtable *t, int row,
                      int col, struct jx_rat v, int scale)
{
    char b[JX_NUM_BUFSZ];
    struct jx_rcell *c = jx_rtable_cell(
        s, t, row, col, 1, 1, jx_rat_format(v, scale, false,
                                            JX_ROUND_HALF_UP, b));
    c->fmt = JX_RF_SCORE;
    c->align = JX_RA_RIGHT;
    c->has_value = true;
    c->value = v;
}

/* The table of a chart's numbers (label, each series, the maxima),
 * built in the scratch document s; its title is the chart's with the
 * unit. */
static struct jx_rtable *chart_table(struct jx_report_doc *s,
                                     const struct jx_rchart *ch)
{
    int nser = ch->kind == JX_CHART_PAIRS ? 2 : 1;
    bool max = ch->kind == JX_CHART_BARS && ch->max;
    struct jx_rtable *t = jx_report_table(s, 1 + nser + (max ? 1 : 0), 1);
    static const int w3[3] = {3, 2, 2};
    t->widths = w3;
    if (ch->unit && *ch->unit) {
        t->title = jx_sprintf(s->arena, "%s（单位：%s）",
                              ch->title ? ch->title : "", ch->unit);
    } else {
        t->title = ch->title;
    }
    jx_rtable_cell(s, t, 0, 0, 1, 1, "项目");
    for (int k = 0; k < nser; k++) {
        const char *name = ch->series[k] && *ch->series[k] ? ch->series[k]
                                                           : "数值";
        jx_rtable_cell(s, t, 0, 1 + k, 1, 1, name);
    }
    if (max) {
        jx_rtable_cell(s, t, 0, 1 + nser, 1, 1, "分值");
    }
    int sc[3] = {0, 0, 0};
    for (int k = 0; k < nser; k++) {
        sc[k] = ch->values[k] ? chart_scale(ch->values[k], ch->n, ch->unit)
                             : 0;
    }
    sc[2] = max ? chart_scale(ch->max, ch->n, ch->unit) : 0;
    for (size_t i = 0; i < ch->n; i++) {
        int row = (int)i + 1;
        jx_rtable_cell(s, t, row, 0, 1, 1,
                       ch->labels && ch->labels[i] ? ch->labels[i] : "");
        for (int k = 0; k < nser; k++) {
            if (ch->values[k]) {
                chart_num(s, t, row, 1 + k, ch->values[k][i], sc[k]);
            }
        }
        if (max) {
            chart_num(s, t, row, 1 + nser, ch->max[i], sc[2]);
        }
    }
    return t;
}

/* Colour of a finding paragraph: by its gravest severity, or NULL. */
static const char *finding_color(const struct jx_rblock *b)
{
    static const char *const colors[4] = {"595959", "7F6000", "C55A11",
                                          "C00000"};
    for (int s = 3; s >= 0; s--) {
        if (b->finding_sev[s]) {
            return colors[s];
        }
    }
    return NULL;
}

/* Paragraph style of a PARA block. */
static const char *para_style(enum jx_rstyle s)
{
    switch (s) {
    case JX_RS_CENTER:
        return "JxCenter";
    case JX_RS_RIGHT:
        return "JxRight";
    case JX_RS_NOTE:
        return "JxNote";
    case JX_RS_LIST:
        return "JxList";
    case JX_RS_BODY:
    default:
        return "JxBody";
    }
}

/* Write the section properties: header, footer, A4, margins. */
static void sect(struct dw *x)
{
    st(x, "w:sectPr");
    st(x, "w:headerReference");
    at(x, "w:type", "default");
    at(x, "r:id", "rId3");
    en(x);
    st(x, "w:footerReference");
    at(x, "w:type", "default");
    at(x, "r:id", "rId4");
    en(x);
    st(x, "w:pgSz");
    ati(x, "w:w", PAGE_W);
    ati(x, "w:h", PAGE_H);
    en(x);
    st(x, "w:pgMar");
    ati(x, "w:top", MARGIN_TOP);
    ati(x, "w:right", MARGIN_RIGHT);
    ati(x, "w:bottom", MARGIN_BOTTOM);
    ati(x, "w:left", MARGIN_LEFT);
    ati(x, "w:header", 851);
    ati(x, "w:footer", 992);
    ati(x, "w:gutter", 0);
    en(x);
    emp(x, "w:cols", "w:space", "425");
    en(x);
}

/* word/document.xml: title, subtitle, the blocks, the section.  0, or
 * -1 (a table too large, or a writer failure: x->rc). */
static int document_xml(struct dw *x, const struct jx_report_doc *d,
                        struct jx_diags *diags)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_report_doc *scratch = jx_report_new(a, "");
    int rc = 0, tno = 0;
    st(x, "w:document");
    at(x, "xmlns:w", NS_W);
    at(x, "xmlns:r", NS_R);
    st(x, "w:body");
    if (d->title && *d->title) {
        styled(x, "Title", d->title);
    }
    if (d->subtitle && *d->subtitle) {
        styled(x, "Subtitle", d->subtitle);
    }
    for (size_t i = 0; i < d->nblocks && rc == 0; i++) {
        const struct jx_rblock *b = &d->blocks[i];
        struct pfmt f = {0};
        char style[24];
        if (b->generated) {
            /* jixiao's own additions (the recomputed summary, charts)
             * stay out of the document the unit hands in: importing it
             * gives back the package (report.h) */
            continue;
        }
        switch (b->kind) {
        case JX_RB_HEADING:
            snprintf(style, sizeof style, "Heading%d",
                     b->level < 1 ? 1 : b->level > 3 ? 3 : b->level);
            styled(x, style, b->text);
            break;
        case JX_RB_PARA:
            f.style = para_style(b->style);
            f.color = finding_color(b);
            paras(x, &f, b->text);
            break;
        case JX_RB_TABLE:
            rc = b->table ? table(x, b->table, ++tno, diags) : 0;
            break;
        case JX_RB_CHART:
            /* a chart's table is well formed: no finding, no number */
            rc = b->chart ? table(x, chart_table(scratch, b->chart), 0,
                                  diags)
                          : 0;
            break;
        case JX_RB_DETAILS:
            if (!b->details) {
                break;
            }
            f.style = "JxBody";
            f.bold = true;
            f.keep_next = b->details->nlines > 0;
            paras(x, &f, b->details->summary);
            for (size_t k = 0; k < b->details->nlines; k++) {
                styled(x, "JxDetail", b->details->lines[k]);
            }
            break;
        case JX_RB_PAGEBREAK:
            st(x, "w:p");
            st(x, "w:r");
            emp(x, "w:br", "w:type", "page");
            en(x);
            en(x);
            break;
        }
    }
    sect(x);
    en(x);
    en(x);
    jx_arena_free(a);
    if (dw_finish(x) < 0) {
        return -1;
    }
    return rc;
}

/* word/header1.xml: the running header, with a rule under it. */
static int header_xml(struct dw *x, const struct jx_report_doc *d)
{
    const char *h = d->header && *d->header ? d->header : NULL;
    st(x, "w:hdr");
    at(x, "xmlns:w", NS_W);
    st(x, "w:p");
    st(x, "w:pPr");
    emp(x, "w:pStyle", "w:val", "Header");
    if (h) {
        st(x, "w:pBdr");
        st(x, "w:bottom");
        at(x, "w:val", "single");
        at(x, "w:sz", "4");
        at(x, "w:space", "1");
        at(x, "w:color", "auto");
        en(x);
        en(x);
    }
    en(x);
    if (h) {
        struct pfmt f = {0};
        run(x, &f, h, strcspn(h, "\n"));
    }
    en(x);
    en(x);
    return dw_finish(x);
}

/* Write a field (PAGE, NUMPAGES) with a cached result. */
static void field(struct dw *x, const char *instr, const char *cached)
{
    st(x, "w:r");
    emp(x, "w:fldChar", "w:fldCharType", "begin");
    en(x);
    st(x, "w:r");
    st(x, "w:instrText");
    at(x, "xml:space", "preserve");
    chk(x, xmlTextWriterWriteString(x->w, BAD_CAST instr));
    en(x);
    en(x);
    st(x, "w:r");
    emp(x, "w:fldChar", "w:fldCharType", "separate");
    en(x);
    st(x, "w:r");
    st(x, "w:t");
    chk(x, xmlTextWriterWriteString(x->w, BAD_CAST cached));
    en(x);
    en(x);
    st(x, "w:r");
    emp(x, "w:fldChar", "w:fldCharType", "end");
    en(x);
}

/* word/footer1.xml: the footer text, then "第 X 页 共 Y 页". */
static int footer_xml(struct dw *x, const struct jx_report_doc *d)
{
    struct pfmt f = {0};
    f.style = "Footer";
    st(x, "w:ftr");
    at(x, "xmlns:w", NS_W);
    p_begin(x, &f);
    f.style = NULL;
    if (d->footer && *d->footer) {
        run(x, &f, d->footer, strcspn(d->footer, "\n"));
        run(x, &f, "　　", strlen("　　"));
    }
    run(x, &f, "第 ", strlen("第 "));
    field(x, " PAGE ", "1");
    run(x, &f, " 页 共 ", strlen(" 页 共 "));
    field(x, " NUMPAGES ", "1");
    run(x, &f, " 页", strlen(" 页"));
    en(x);
    en(x);
    return dw_finish(x);
}

/* docProps/core.xml: title, subject (the unit), creator, language. */
static int core_xml(struct dw *x, const struct jx_report_doc *d)
{
    st(x, "cp:coreProperties");
    at(x, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/"
                      "metadata/core-properties");
    at(x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    at(x, "xmlns:dcterms", "http://purl.org/dc/terms/");
    at(x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    st(x, "dc:title");
    text(x, d->title ? d->title : "", d->title ? strlen(d->title) : 0);
    en(x);
    if (d->unit_name && *d->unit_name) {
        st(x, "dc:subject");
        text(x, d->unit_name, strlen(d->unit_name));
        en(x);
    }
    st(x, "dc:creator");
    chk(x, xmlTextWriterWriteString(x->w, BAD_CAST "jixiao"));
    en(x);
    st(x, "dc:language");
    chk(x, xmlTextWriterWriteString(x->w, BAD_CAST "zh-CN"));
    en(x);
    en(x);
    return dw_finish(x);
}

/* ---- the package ----------------------------------------------------------- */

/* One part of the package: its name and bytes, or (fixed >= 0) the
 * index of the same part, already compressed, in the template archive
 * (data and len are then the uncompressed bytes, used only when the
 * template could not be built), or (deflated not NULL) the part as its
 * sink deflated it while it was written. */
struct part {
    const char *name;
    const void *data;
    size_t len;
    int fixed;
    const struct sink *deflated;
};

/* The deflate state of each thread, kept from one part and one DOCX to
 * the next (a pthread key; the thread's exit frees it): zlib's tables
 * at level 9 are some 270 KB, and setting them up and tearing them down
 * per document was a large part of writing a small one.  Level 9 and
 * memory level 9 are the settings of libzip's own deflate, so the
 * bytes are those libzip would write. */
static pthread_once_t zs_once = PTHREAD_ONCE_INIT;
static pthread_key_t zs_key;
static int zs_key_ok;

/* Free a thread's deflate state (the key's destructor). */
static void zs_destroy(void *p)
{
    deflateEnd(p);
    free(p);
}

/* Make the key (pthread_once). */
static void zs_key_init(void)
{
    zs_key_ok = pthread_key_create(&zs_key, zs_destroy) == 0;
}

/* The calling thread's deflate state, made on first use; NULL when it
 * cannot be allocated.  Owned by the thread: sink_open resets it. */
static z_stream *thread_deflater(void)
{
    pthread_once(&zs_once, zs_key_init);
    if (!zs_key_ok) {
        return NULL;
    }
    z_stream *zs = pthread_getspecific(zs_key);
    if (zs) {
        return zs;
    }
    zs = calloc(1, sizeof *zs);
    if (!zs) {
        return NULL;
    }
    if (deflateInit2(zs, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS,
                     MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(zs);
        return NULL;
    }
    if (pthread_setspecific(zs_key, zs) != 0) {
        zs_destroy(zs);
        return NULL;
    }
    return zs;
}

/* Report a failure to assemble the package (R101); nothing without
 * diags (the template, built once). */
static void fail(struct jx_diags *diags, const char *why)
{
    if (!diags) {
        return;
    }
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    jx_diag_add(diags, "R101", JX_SEV_ERROR, &loc, "无法生成 DOCX：%s", why);
}

/* Report output over the limit (R102); nothing without diags. */
static void too_big(struct jx_diags *diags, size_t max)
{
    if (!diags) {
        return;
    }
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    jx_diag_add(diags, "R102", JX_SEV_ERROR, &loc,
                "DOCX 过大：超过 %zu 字节的上限", max);
}

/* A deflated part handed to libzip as data already compressed
 * (zip_source_function): a sink, either its own (own: a fixed part
 * deflated by deflate_part) or one of jx_report_docx's, which outlives
 * the archive.  Owned by the source once made (freed on
 * ZIP_SOURCE_FREE). */
struct predeflated {
    struct sink own;
    const struct sink *z; /* &own, or a part's sink */
    size_t pos;
    zip_error_t err;
};

/* The source callback of a predeflated part: it reads as deflated data
 * (comp_method deflate, with size and CRC known, so libzip copies it
 * without compressing it again) and reports the "maximum compression"
 * bit libzip's own deflate at level 9 gives. */
static zip_int64_t predeflated_cb(void *ud, void *data, zip_uint64_t len,
                                  zip_source_cmd_t cmd)
{
    struct predeflated *p = ud;
    switch (cmd) {
    case ZIP_SOURCE_OPEN:
        p->pos = 0;
        return 0;
    case ZIP_SOURCE_READ: {
        size_t n = p->z->out.len - p->pos;
        if (n > len) {
            n = (size_t)len;
        }
        memcpy(data, p->z->out.p + p->pos, n);
        p->pos += n;
        return (zip_int64_t)n;
    }
    case ZIP_SOURCE_CLOSE:
        return 0;
    case ZIP_SOURCE_STAT: {
        zip_stat_t *st = data;
        zip_stat_init(st);
        st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
                    ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
        st->size = p->z->size;
        st->comp_size = p->z->out.len;
        st->comp_method = ZIP_CM_DEFLATE;
        st->crc = (zip_uint32_t)p->z->crc;
        st->encryption_method = ZIP_EM_NONE;
        return (zip_int64_t)sizeof *st;
    }
    case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
        zip_file_attributes_t *at = data;
        at->valid |= ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS |
                     ZIP_FILE_ATTRIBUTES_VERSION_NEEDED;
        at->general_purpose_bit_flags = 1u << 1;
        at->general_purpose_bit_mask = 0x0006u;
        at->version_needed = 20;
        return 0;
    }
    case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&p->err, data, len);
    case ZIP_SOURCE_FREE:
        jx_buf_release(&p->own.out);
        zip_error_fini(&p->err);
        free(p);
        return 0;
    case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(
            ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
            ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
            ZIP_SOURCE_GET_FILE_ATTRIBUTES, -1);
    default:
        zip_error_set(&p->err, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
}

/* A source in z of a deflated part: the sink borrow (which must
 * outlive z), or the sink take, taken over (its buffer freed with the
 * source, or here on failure); one of the two is NULL.  NULL on
 * failure. */
static zip_source_t *predeflated_source(zip_t *z, const struct sink *borrow,
                                        struct sink *take)
{
    struct predeflated *p = calloc(1, sizeof *p);
    if (!p) {
        if (take) {
            jx_buf_release(&take->out);
        }
        return NULL;
    }
    if (take) {
        p->own = *take;
        p->z = &p->own;
    } else {
        jx_buf_init(&p->own.out, 0);
        p->z = borrow;
    }
    zip_error_init(&p->err);
    zip_source_t *src = zip_source_function(z, predeflated_cb, p);
    if (!src) {
        predeflated_cb(p, NULL, 0, ZIP_SOURCE_FREE);
    }
    return src;
}

/* Deflate data[0..len) with zs (raw deflate, the thread's settings) and
 * make a source of it in z.  NULL on failure (nothing is left
 * allocated). */
static zip_source_t *deflate_part(zip_t *z, z_stream *zs, const void *data,
                                  size_t len)
{
    struct sink s;
    sink_open(&s, zs);
    if (s.failed || sink_deflate(&s, data, len, Z_FINISH) < 0) {
        jx_buf_release(&s.out);
        return NULL;
    }
    s.size = len;
    s.crc = crc32(s.crc, data, (uInt)len);
    return predeflated_source(z, NULL, &s);
}

/* Zip the parts (deflated, fixed dates) and append the archive to out.
 * A part with fixed >= 0 is copied compressed as it stands from the
 * archive tmpl when tmpl is not NULL (no second deflate: the same
 * bytes, see fixed_template()).  0, or -1 with R101/R102 (when diags is
 * not NULL). */
static int zip_parts(const struct part *parts, size_t n, zip_t *tmpl,
                     struct jx_buf *out, struct jx_diags *diags)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    if (!z) {
        fail(diags, zip_error_strerror(&ze));
        zip_error_fini(&ze);
        if (src) {
            zip_source_free(src);
        }
        return -1;
    }
    zip_error_fini(&ze);
    zip_source_keep(src);
    z_stream *zs = thread_deflater();
    for (size_t i = 0; i < n; i++) {
        zip_source_t *s =
            parts[i].deflated
                ? predeflated_source(z, parts[i].deflated, NULL)
            : tmpl && parts[i].fixed >= 0
                ? zip_source_zip(z, tmpl, (zip_uint64_t)parts[i].fixed,
                                 ZIP_FL_COMPRESSED, 0, -1)
            : zs && parts[i].len > 0 && parts[i].len < (1u << 30)
                ? deflate_part(z, zs, parts[i].data, parts[i].len)
                : zip_source_buffer(z, parts[i].data, parts[i].len, 0);
        zip_int64_t idx =
            s ? zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) : -1;
        if (idx < 0) {
            fail(diags, zip_strerror(z));
            if (s) {
                zip_source_free(s);
            }
            zip_discard(z);
            zip_source_free(src);
            return -1;
        }
        /* a fixed date (2000-01-01): the same document, the same bytes */
        zip_file_set_mtime(z, (zip_uint64_t)idx, (time_t)946684800, 0);
    }
    if (zip_close(z) < 0) {
        fail(diags, zip_strerror(z));
        zip_discard(z);
        zip_source_free(src);
        return -1;
    }
    int rc = -1;
    if (zip_source_open(src) < 0) {
        fail(diags, zip_error_strerror(zip_source_error(src)));
        zip_source_free(src);
        return -1;
    }
    zip_source_seek(src, 0, SEEK_END);
    zip_int64_t size = zip_source_tell(src);
    zip_source_seek(src, 0, SEEK_SET);
    if (size < 0) {
        fail(diags, zip_error_strerror(zip_source_error(src)));
    } else if ((zip_uint64_t)size > JX_REPORT_MAX_BYTES ||
               out->len + (size_t)size > out->max) {
        too_big(diags, out->max < JX_REPORT_MAX_BYTES ? out->max
                                                      : JX_REPORT_MAX_BYTES);
    } else {
        char chunk[65536];
        zip_int64_t got;
        rc = 0;
        while ((got = zip_source_read(src, chunk, sizeof chunk)) > 0) {
            if (jx_buf_add(out, chunk, (size_t)got) < 0) {
                too_big(diags, out->max);
                rc = -1;
                break;
            }
        }
        if (got < 0 && rc == 0) {
            fail(diags, zip_error_strerror(zip_source_error(src)));
            rc = -1;
        }
    }
    zip_source_close(src);
    zip_source_free(src);
    return rc;
}

/* The parts that are the same in every DOCX, in their order in the
 * template archive (part.fixed is the index here).  styles.xml is
 * joined from styles_parts when the template is built. */
enum { FX_TYPES, FX_RELS, FX_APP, FX_DOCRELS, FX_STYLES, FX_SETTINGS, NFIXED };

/* The template archive's bytes, built once per process (pthread_once)
 * and never freed; tmpl_ok is 0 when it could not be built (then every
 * DOCX compresses all its parts, as before). */
static pthread_once_t tmpl_once = PTHREAD_ONCE_INIT;
static struct jx_buf tmpl_zip;
static struct jx_buf tmpl_styles;
static int tmpl_ok;

/* The fixed parts with their uncompressed bytes (styles from
 * tmpl_styles, which tmpl_init fills before anything reads it). */
static void fixed_parts(struct part fx[NFIXED])
{
    const struct part all[NFIXED] = {
        [FX_TYPES] = {"[Content_Types].xml", content_types,
                      sizeof content_types - 1, FX_TYPES, NULL},
        [FX_RELS] = {"_rels/.rels", package_rels, sizeof package_rels - 1,
                     FX_RELS, NULL},
        [FX_APP] = {"docProps/app.xml", app_xml, sizeof app_xml - 1, FX_APP,
                    NULL},
        [FX_DOCRELS] = {"word/_rels/document.xml.rels", document_rels,
                        sizeof document_rels - 1, FX_DOCRELS, NULL},
        [FX_STYLES] = {"word/styles.xml", tmpl_styles.p, tmpl_styles.len,
                       FX_STYLES, NULL},
        [FX_SETTINGS] = {"word/settings.xml", settings_xml,
                         sizeof settings_xml - 1, FX_SETTINGS, NULL},
    };
    memcpy(fx, all, sizeof all);
}

/* Build the template archive: the fixed parts zipped once, exactly as
 * zip_parts zips any part (pthread_once). */
static void tmpl_init(void)
{
    styles_xml(&tmpl_styles);
    jx_buf_init(&tmpl_zip, JX_REPORT_MAX_BYTES);
    struct part fx[NFIXED];
    fixed_parts(fx);
    tmpl_ok = !tmpl_styles.toobig &&
              zip_parts(fx, NFIXED, NULL, &tmpl_zip, NULL) == 0;
}

/* Open the template archive for one DOCX (its own zip_t over the shared,
 * read-only bytes, so that threads never share a read position); NULL
 * when there is none.  The caller closes it with zip_discard after
 * zip_parts. */
static zip_t *fixed_template(void)
{
    pthread_once(&tmpl_once, tmpl_init);
    if (!tmpl_ok) {
        return NULL;
    }
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src =
        zip_source_buffer_create(tmpl_zip.p, tmpl_zip.len, 0, &ze);
    zip_t *t = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
    if (!t && src) {
        zip_source_free(src);
    }
    zip_error_fini(&ze);
    return t;
}

/* Write part i of the four below into x; as document_xml. */
static int write_part(int i, struct dw *x, const struct jx_report_doc *d,
                      struct jx_diags *diags)
{
    switch (i) {
    case 0:
        return document_xml(x, d, diags);
    case 1:
        return header_xml(x, d);
    case 2:
        return footer_xml(x, d);
    default:
        return core_xml(x, d);
    }
}

/* The DOCX of d appended to out (see report.h).  The parts with the
 * report's text are written one after the other, each deflated as it
 * is written (struct sink), then zipped with the fixed parts. */
int jx_report_docx(const struct jx_report_doc *d, struct jx_buf *out,
                   struct jx_diags *diags)
{
    if (!d || !out || !diags) {
        JX_BUG("jx_report_docx: NULL argument");
    }
    enum { DOC, HDR, FTR, CORE, NPARTS }; /* the order of write_part */
    struct sink z[NPARTS];
    size_t repaired = 0;
    int rc = 0, toobig = 0;
    z_stream *zs = thread_deflater();
    for (int i = 0; i < NPARTS; i++) {
        jx_buf_init(&z[i].out, JX_REPORT_MAX_BYTES);
    }
    if (!zs) {
        fail(diags, "内存不足");
        rc = -1;
    }
    for (int i = 0; i < NPARTS && rc == 0; i++) {
        struct dw x;
        sink_open(&z[i], zs);
        if (dw_open(&x, &repaired, &z[i]) < 0) {
            fail(diags, "内存不足");
            rc = -1;
            break;
        }
        int r = write_part(i, &x, d, diags);
        int werr = x.rc < 0;
        dw_free(&x);
        if (r == 0 && sink_finish(&z[i]) < 0) {
            r = -1;
            werr = 1;
        }
        if (r < 0) {
            rc = -1;
            toobig = z[i].toobig;
            if (werr && !toobig) {
                fail(diags, "XML 写入失败");
            }
        }
    }
    if ((rc == 0 || toobig) && repaired) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        jx_diag_add(diags, "R106", JX_SEV_WARNING, &loc,
                    "文字中有 %zu 个无效字符（不是有效的 UTF-8，或是 XML "
                    "不允许的控制字符），已替换为 U+FFFD 或删去",
                    repaired);
    }
    if (toobig) {
        too_big(diags, JX_REPORT_MAX_BYTES);
    }
    if (rc == 0) {
        zip_t *tmpl = fixed_template();
        struct part fx[NFIXED];
        fixed_parts(fx);
        const struct part parts[] = {
            fx[FX_TYPES],
            fx[FX_RELS],
            {"docProps/core.xml", NULL, 0, -1, &z[CORE]},
            fx[FX_APP],
            fx[FX_DOCRELS],
            {"word/document.xml", NULL, 0, -1, &z[DOC]},
            fx[FX_STYLES],
            fx[FX_SETTINGS],
            {"word/header1.xml", NULL, 0, -1, &z[HDR]},
            {"word/footer1.xml", NULL, 0, -1, &z[FTR]},
        };
        rc = zip_parts(parts, sizeof parts / sizeof parts[0], tmpl, out,
                       diags);
        if (tmpl) {
            zip_discard(tmpl);
        }
    }
    for (int i = 0; i < NPARTS; i++) {
        jx_buf_release(&z[i].out);
    }
    return rc;
}
