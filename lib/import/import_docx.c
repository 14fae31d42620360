/*
 * import_docx.c - DOCX (word/document.xml) to the neutral document.
 *
 * One streaming pass over word/document.xml with a stack of the open
 * elements.  Body paragraphs become paragraphs (heading level from the
 * paragraph style, resolved through word/styles.xml, or a direct outline
 * level); top-level tables become tables on a grid of columns, with
 * w:gridSpan as the column span and w:vMerge restart/continue turned
 * into row spans.  Nested tables are flattened into the text of their
 * cell (cells separated by a tab, rows by a newline); tables inside a
 * text box inside a paragraph likewise into the paragraph.
 *
 * Text is taken from w:t in runs, with w:tab/w:ptab as "\t" and
 * w:br/w:cr as "\n".  Field instructions (w:instrText, and everything
 * between a field's begin and separate) are not text; field results
 * (after separate, and inside w:fldSimple) are.  Tracked insertions are
 * kept; deletions (w:del, w:delText, w:moveFrom, deleted table rows)
 * are dropped.  Content controls (w:sdt) keep their content, not their
 * properties.  Of mc:AlternateContent only the choice is read (the
 * fallback repeats it).
 */
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <stdlib.h>
#include <string.h>

#include "import/import_xml.h"
#include "import/import_zip.h"

/* The WordprocessingML namespaces: transitional and strict. */
#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_NS_STRICT "http://purl.oclc.org/ooxml/wordprocessingml/main"
/* Markup compatibility (mc:AlternateContent). */
#define MC_NS "http://schemas.openxmlformats.org/markup-compatibility/2006"

/* Most grid columns of a table (Word itself allows 63); spans and
 * positions beyond are clamped. */
#define MAX_COLS 4096

/* Largest text a vertically merged cell collects from its continuation
 * cells (bounds the copying on hostile input). */
#define MAX_MERGED_TEXT (64 * 1024)

/* Deepest nesting of complex fields tracked exactly. */
#define MAX_FIELDS 256

/* The elements the reader cares about. */
enum el {
    E_OTHER = 0,   /* anything else: transparent */
    E_SKIP,        /* dropped with all its content */
    E_P,           /* w:p */
    E_PPR,         /* w:pPr */
    E_PSTYLE,      /* w:pStyle */
    E_OUTLINE,     /* w:outlineLvl */
    E_R,           /* w:r */
    E_T,           /* w:t */
    E_TAB,         /* w:tab, w:ptab */
    E_BR,          /* w:br, w:cr */
    E_HYPHEN,      /* w:noBreakHyphen */
    E_FLDCHAR,     /* w:fldChar */
    E_TBL,         /* w:tbl outside any paragraph */
    E_TBL_INLINE,  /* w:tbl inside a paragraph (text box) */
    E_TR,          /* w:tr of an E_TBL */
    E_TR_INLINE,   /* w:tr of an E_TBL_INLINE */
    E_TRPR,        /* w:trPr */
    E_GRIDBEFORE,  /* w:gridBefore */
    E_TC,          /* w:tc of an E_TR */
    E_TC_INLINE,   /* w:tc of an E_TR_INLINE */
    E_TCPR,        /* w:tcPr */
    E_GRIDSPAN,    /* w:gridSpan */
    E_VMERGE,      /* w:vMerge */
    E_HMERGE,      /* w:hMerge */
    E_DEL          /* w:del (dropped; a deleted row when in w:trPr) */
};

/* Merge marks of a cell. */
enum merge { M_NONE = 0, M_RESTART, M_CONTINUE };

/* Per nested-table level: where the flattening stands. */
struct level {
    bool first_cell; /* no cell of the current row seen yet */
    bool first_para; /* no paragraph of the current cell seen yet */
};

/* A paragraph style: its id and heading level. */
struct style {
    const char *id;    /* w:styleId */
    const char *based; /* w:basedOn, or NULL */
    int own;           /* level from its name or outline level: 1..9,
                          0 body, -1 not stated (inherit) */
    int level;         /* resolved level, 0..9 */
};

/* The styles of word/styles.xml, sorted by id. */
struct styles {
    struct jx_arena *arena; /* strings (owned) */
    struct style *a;        /* entries (malloc'd, owned) */
    size_t n, cap;
};

/* State of the document pass. */
struct docx {
    struct jx_doc *doc;
    const struct jx_limits *lim;
    struct jx_diags *diags;
    const char *file;            /* input name (in the doc's arena) */
    const struct styles *styles; /* heading levels (not owned) */
    unsigned char *stack;        /* kinds of the open elements (owned) */
    int depth;                   /* open elements */
    int skip;                    /* 1 + index of a dropped element */
    bool stopped;                /* a limit was hit: ignore the rest */
    /* paragraphs */
    int p_depth;                 /* open w:p (text boxes nest them) */
    struct jx_buf para;          /* text of the outermost paragraph */
    int heading;                 /* its level from the style */
    int outline;                 /* direct outline level + 1; -1 body */
    int npara;                   /* body paragraphs seen */
    /* fields */
    unsigned char fld[MAX_FIELDS]; /* 1 = instruction part, 0 result */
    int nfld;                    /* open fields (may pass MAX_FIELDS) */
    int instr;                   /* open fields in their instruction */
    /* tables */
    int tbl_depth;               /* open E_TBL */
    struct level *lvl;           /* per tbl_depth (owned) */
    struct jx_doc_table *table;  /* open top-level table */
    int row;                     /* its current row, 0-based */
    bool row_cells;              /* the row has cells */
    bool row_deleted;            /* the row is a tracked deletion */
    int col;                     /* grid column of the next cell */
    long last_cell;              /* index of the row's last cell, or -1 */
    int span;                    /* w:gridSpan of the open cell */
    enum merge vmerge, hmerge;   /* its merge marks */
    struct jx_buf cell;          /* its text */
    int cell_paras;              /* its paragraphs so far */
    long *owner;                 /* per column: cell starting there in
                                    the latest row, or -1 (owned) */
    int owner_hi;                /* columns of owner in use */
    bool clamped;                /* this table's clamping was reported */
    size_t ncells;               /* cells in the document */
};

/* ---- small helpers ------------------------------------------------- */

/* True when ns is a WordprocessingML namespace. */
static bool is_w(const char *ns)
{
    return strcmp(ns, W_NS) == 0 || strcmp(ns, W_NS_STRICT) == 0;
}

/*
 * Read a decimal attribute value s as an int in [lo, hi]: larger values
 * are clamped to hi.  Returns false (and leaves *out) when s is missing
 * or not digits.
 */
static bool parse_int(const char *s, int lo, int hi, int *out)
{
    if (!s || !*s) {
        return false;
    }
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9') {
            return false;
        }
        v = v * 10 + (*p - '0');
        if (v > hi) {
            v = hi;
        }
    }
    *out = v < lo ? lo : (int)v;
    return true;
}

/* Length of a blank (ASCII space, tab, line end, U+00A0, U+3000)
 * starting at s[0..n), or 0. */
static size_t blank_at(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' ||
                   s[0] == '\r')) {
        return 1;
    }
    if (n >= 2 && memcmp(s, "\xC2\xA0", 2) == 0) {
        return 2;
    }
    if (n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
        return 3;
    }
    return 0;
}

/* Length of a blank ending at s[n), or 0. */
static size_t blank_before(const char *s, size_t n)
{
    if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
                   s[n - 1] == '\n' || s[n - 1] == '\r')) {
        return 1;
    }
    if (n >= 2 && memcmp(s + n - 2, "\xC2\xA0", 2) == 0) {
        return 2;
    }
    if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0) {
        return 3;
    }
    return 0;
}

/* Trim blanks around s[0..*n): returns the new start, *n the new
 * length (borrowed from s). */
static const char *trim(const char *s, size_t *n)
{
    size_t k;
    while ((k = blank_at(s, *n)) > 0) {
        s += k;
        *n -= k;
    }
    while ((k = blank_before(s, *n)) > 0) {
        *n -= k;
    }
    return s;
}

/* Last byte of a buffer, or 0 when empty. */
static char last_char(const struct jx_buf *b)
{
    return b->len ? b->p[b->len - 1] : '\0';
}

/*
 * Heading level a style name or id spells: "heading 1", "Heading1",
 * "标题 1", "标题1" (1..9); with digits_alone also a bare "1".."9" (the
 * ids Chinese Word gives its heading styles).  0 when none.
 */
static int heading_of(const char *s, bool digits_alone)
{
    size_t n = strlen(s);
    size_t i;
    if (n >= 7 && strncmp(s, "heading", 7) == 0) {
        i = 7;
    } else if (n >= 7 && strncmp(s, "Heading", 7) == 0) {
        i = 7;
    } else if (n >= 6 && memcmp(s, "\xE6\xA0\x87\xE9\xA2\x98", 6) == 0) {
        i = 6; /* 标题 */
    } else if (digits_alone) {
        i = 0;
    } else {
        return 0;
    }
    while (i < n && s[i] == ' ') {
        i++;
    }
    if (i + 1 == n && s[i] >= '1' && s[i] <= '9') {
        return s[i] - '0';
    }
    return 0;
}

/* Compare two styles by id (qsort). */
static int style_cmp(const void *a, const void *b)
{
    return strcmp(((const struct style *)a)->id,
                  ((const struct style *)b)->id);
}

/* Compare an id with a style (bsearch). */
static int style_key_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct style *)elem)->id);
}

/* The style called id, or NULL. */
static const struct style *style_find(const struct styles *st,
                                      const char *id)
{
    if (!st || !st->n || !id) {
        return NULL;
    }
    return bsearch(id, st->a, st->n, sizeof *st->a, style_key_cmp);
}

/* Heading level of paragraph style id: from styles.xml when it defines
 * the id, else from the id's spelling. */
static int style_level(const struct styles *st, const char *id)
{
    const struct style *s = style_find(st, id);
    if (s) {
        return s->level;
    }
    return heading_of(id, true);
}

/* ---- word/styles.xml ----------------------------------------------- */

/* State of the styles pass. */
struct style_pass {
    struct styles *st;
    int depth;        /* open elements */
    int style_depth;  /* depth of the open w:style, or 0 */
    int ppr_depth;    /* depth of its w:pPr, or 0 */
    struct style cur; /* the style being read */
    bool paragraph;   /* it is a paragraph style */
};

/* Styles pass: an element starts. */
static void st_start(void *ud, const char *ns, const char *local,
                     const char **attrs)
{
    struct style_pass *sp = ud;
    sp->depth++;
    if (!is_w(ns)) {
        return;
    }
    if (strcmp(local, "style") == 0 && sp->depth == 2) {
        const char *type = jx_xml_attr(attrs, "type");
        const char *id = jx_xml_attr(attrs, "styleId");
        sp->style_depth = sp->depth;
        sp->paragraph = id && (!type || strcmp(type, "paragraph") == 0);
        memset(&sp->cur, 0, sizeof sp->cur);
        sp->cur.id = id ? jx_strdup(sp->st->arena, id) : NULL;
        sp->cur.own = -1;
        return;
    }
    if (!sp->style_depth) {
        return;
    }
    if (sp->depth == sp->style_depth + 1) {
        const char *val = jx_xml_attr(attrs, "val");
        if (strcmp(local, "name") == 0 && val) {
            int h = heading_of(val, false);
            if (h) {
                sp->cur.own = h;
            }
        } else if (strcmp(local, "basedOn") == 0 && val) {
            sp->cur.based = jx_strdup(sp->st->arena, val);
        } else if (strcmp(local, "pPr") == 0) {
            sp->ppr_depth = sp->depth;
        }
    } else if (sp->ppr_depth && sp->depth == sp->ppr_depth + 1 &&
               strcmp(local, "outlineLvl") == 0 && sp->cur.own < 0) {
        int v;
        if (parse_int(jx_xml_attr(attrs, "val"), 0, 9, &v)) {
            sp->cur.own = v < 9 ? v + 1 : 0;
        }
    }
}

/* Styles pass: an element ends; a finished paragraph style is kept. */
static void st_end(void *ud, const char *ns, const char *local)
{
    (void)ns;
    (void)local;
    struct style_pass *sp = ud;
    if (sp->ppr_depth == sp->depth) {
        sp->ppr_depth = 0;
    }
    if (sp->style_depth == sp->depth) {
        sp->style_depth = 0;
        if (sp->paragraph) {
            struct styles *st = sp->st;
            if (st->n == st->cap) {
                st->cap = st->cap ? st->cap * 2 : 64;
                st->a = jx_xrealloc(st->a, st->cap * sizeof *st->a);
            }
            st->a[st->n++] = sp->cur;
        }
    }
    sp->depth--;
}

/* Resolve every style's level through its basedOn chain (at most 16
 * steps, so loops end). */
static void styles_resolve(struct styles *st)
{
    if (st->n == 0) {
        return;
    }
    qsort(st->a, st->n, sizeof *st->a, style_cmp);
    for (size_t i = 0; i < st->n; i++) {
        const struct style *s = &st->a[i];
        for (int hop = 0; s && s->own < 0 && hop < 16; hop++) {
            s = s->based ? style_find(st, s->based) : NULL;
        }
        st->a[i].level = s && s->own > 0 ? s->own : 0;
    }
}

/* ---- diagnostics --------------------------------------------------- */

/* Report an XML problem of part `part` with the code for its kind. */
static void xml_diag(struct jx_diags *diags, const char *file,
                     const char *part, const struct jx_xml_error *err,
                     int max_depth)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = jx_strdup(diags->arena, file);
    const char *code = err->kind == JX_XML_DTD     ? "I212"
                       : err->kind == JX_XML_DEPTH ? "I213"
                                                   : "I211";
    if (err->kind == JX_XML_DEPTH) {
        jx_diag_add(diags, code, JX_SEV_ERROR, &loc,
                    "%s 第 %ld 行第 %ld 列：%s（上限 %d 层）", part,
                    err->line, err->col, err->msg, max_depth);
    } else {
        jx_diag_add(diags, code, JX_SEV_ERROR, &loc,
                    "%s 第 %ld 行第 %ld 列：%s", part, err->line, err->col,
                    err->msg);
    }
}

/* Location of the current table position (or of the document). */
static struct jx_loc here(const struct docx *x)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = x->file;
    if (x->table) {
        loc.table = x->table->index;
        loc.row = x->row + 1;
        loc.column = x->col + 1;
    }
    return loc;
}

/* Finish the open top-level table: compute its grid, reporting a grid
 * over the limit. */
static void finish_table(struct docx *x)
{
    struct jx_doc_table *t = x->table;
    if (jx_doc_table_end(x->doc, t) < 0) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        loc.file = x->file;
        loc.table = t->index;
        jx_diag_add(x->diags, "I223", JX_SEV_ERROR, &loc,
                    "表格 %d 过大：行数×列数超过 %ld 个格子，表格未读取",
                    t->index, JX_DOC_MAX_GRID);
    }
    for (int k = 0; k < x->owner_hi; k++) {
        x->owner[k] = -1;
    }
    x->owner_hi = 0;
    x->table = NULL;
}

/* Stop reading at a limit: report it, close the open table as
 * truncated, and ignore the rest of the document. */
static void limit_stop(struct docx *x, const char *code, const char *what,
                       size_t limit)
{
    struct jx_loc loc = here(x);
    jx_diag_add(x->diags, code, JX_SEV_ERROR, &loc,
                "文档%s超过上限 %zu 个，其余内容未读取", what, limit);
    if (x->table) {
        x->table->truncated = true;
        finish_table(x);
    }
    x->stopped = true;
}

/* Report once per table that a position or span was clamped to
 * MAX_COLS columns. */
static void clamp_note(struct docx *x, long wanted)
{
    if (x->clamped) {
        return;
    }
    x->clamped = true;
    struct jx_loc loc = here(x);
    jx_diag_add(x->diags, "I224", JX_SEV_WARNING, &loc,
                "表格列数 %ld 超过上限 %d 列，超出部分已截去", wanted,
                MAX_COLS);
}

/* ---- paragraphs ---------------------------------------------------- */

/* A body paragraph is complete: add it to the document unless empty. */
static void emit_para(struct docx *x)
{
    size_t n = x->para.len;
    const char *s = trim(x->para.p, &n);
    if (n == 0) {
        return;
    }
    if (x->doc->nblocks >= x->lim->max_blocks) {
        limit_stop(x, "I221", "段落和表格", x->lim->max_blocks);
        return;
    }
    int level = x->outline > 0 ? x->outline
                : x->outline < 0 ? 0
                                 : x->heading;
    struct jx_prov prov;
    memset(&prov, 0, sizeof prov);
    prov.table = 0;
    prov.row = x->npara;
    jx_doc_add_para(x->doc, s, n, level, &prov);
}

/* A paragraph inside a table is complete: add its text to the cell. */
static void para_to_cell(struct docx *x)
{
    size_t n = x->para.len;
    const char *s = trim(x->para.p, &n);
    if (x->tbl_depth == 1) {
        if (x->cell_paras > 0) {
            jx_buf_addc(&x->cell, '\n');
        }
        x->cell_paras++;
    } else {
        struct level *l = &x->lvl[x->tbl_depth];
        if (!l->first_para) {
            jx_buf_addc(&x->cell, ' ');
        }
        l->first_para = false;
    }
    jx_buf_add(&x->cell, s, n);
}

/* ---- table cells --------------------------------------------------- */

/* Append text to a merged cell's text (up to MAX_MERGED_TEXT). */
static void merge_text(struct docx *x, struct jx_doc_cell *c, const char *s,
                       size_t n)
{
    size_t have = strlen(c->text);
    if (n == 0 || have + n + 1 > MAX_MERGED_TEXT) {
        return;
    }
    c->text = have ? jx_sprintf(x->doc->arena, "%s\n%.*s", c->text, (int)n, s)
                   : jx_strndup(x->doc->arena, s, n);
}

/* A top-level cell is complete: place it on the grid, or merge it into
 * the cell to its left (w:hMerge) or above (w:vMerge). */
static void end_cell(struct docx *x)
{
    struct jx_doc_table *t = x->table;
    size_t n = x->cell.len;
    const char *s = trim(x->cell.p, &n);
    int col = x->col;
    int span = x->span;
    if (col >= MAX_COLS) {
        clamp_note(x, (long)col + span);
        return;
    }
    if (span > MAX_COLS - col) {
        clamp_note(x, (long)col + span);
        span = MAX_COLS - col;
    }
    x->col = col + span;
    if (x->hmerge == M_CONTINUE && x->last_cell >= 0) {
        struct jx_doc_cell *c = &t->cells[x->last_cell];
        if (c->col + c->colspan == col) {
            c->colspan += span;
            merge_text(x, c, s, n);
            return;
        }
    }
    if (x->vmerge == M_CONTINUE && x->owner[col] >= 0) {
        struct jx_doc_cell *c = &t->cells[x->owner[col]];
        if (c->col == col && c->row + c->rowspan == x->row) {
            c->rowspan++;
            merge_text(x, c, s, n);
            x->row_cells = true;
            return;
        }
    }
    if (x->ncells >= x->lim->max_cells) {
        x->col = col;
        limit_stop(x, "I222", "表格单元格", x->lim->max_cells);
        return;
    }
    jx_doc_table_add_cell(x->doc, t, x->row, col, 1, span, s, n, 0, 0);
    x->ncells++;
    long idx = (long)t->ncells - 1;
    x->owner[col] = idx;
    for (int k = col + 1; k < col + span; k++) {
        x->owner[k] = -1;
    }
    if (col + span > x->owner_hi) {
        x->owner_hi = col + span;
    }
    x->last_cell = idx;
    x->row_cells = true;
}

/* ---- the document pass --------------------------------------------- */

/* Kind of a WordprocessingML element given its parent's kind. */
static enum el classify(const struct docx *x, const char *local,
                        enum el parent)
{
    static const char *const dropped[] = {
        "del", "moveFrom", "instrText", "delText", "delInstrText",
        "sdtPr", "sdtEndPr", "rt", "pPrChange", "rPrChange",
        "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
        "tblGridChange", "numberingChange", NULL,
    };
    if (strcmp(local, "p") == 0) {
        return E_P;
    }
    if (strcmp(local, "r") == 0) {
        return E_R;
    }
    if (strcmp(local, "t") == 0) {
        return parent == E_R ? E_T : E_OTHER;
    }
    if (strcmp(local, "tab") == 0 || strcmp(local, "ptab") == 0) {
        return parent == E_R ? E_TAB : E_OTHER;
    }
    if (strcmp(local, "br") == 0 || strcmp(local, "cr") == 0) {
        return parent == E_R ? E_BR : E_OTHER;
    }
    if (strcmp(local, "noBreakHyphen") == 0) {
        return parent == E_R ? E_HYPHEN : E_OTHER;
    }
    if (strcmp(local, "fldChar") == 0) {
        return parent == E_R ? E_FLDCHAR : E_OTHER;
    }
    if (strcmp(local, "pPr") == 0) {
        return parent == E_P ? E_PPR : E_OTHER;
    }
    if (strcmp(local, "pStyle") == 0) {
        return parent == E_PPR ? E_PSTYLE : E_OTHER;
    }
    if (strcmp(local, "outlineLvl") == 0) {
        return parent == E_PPR ? E_OUTLINE : E_OTHER;
    }
    if (strcmp(local, "tbl") == 0) {
        return x->p_depth > 0 ? E_TBL_INLINE : E_TBL;
    }
    if (strcmp(local, "tr") == 0) {
        return parent == E_TBL          ? E_TR
               : parent == E_TBL_INLINE ? E_TR_INLINE
                                        : E_OTHER;
    }
    if (strcmp(local, "tc") == 0) {
        return parent == E_TR          ? E_TC
               : parent == E_TR_INLINE ? E_TC_INLINE
                                       : E_OTHER;
    }
    if (strcmp(local, "trPr") == 0) {
        return parent == E_TR ? E_TRPR : E_OTHER;
    }
    if (strcmp(local, "gridBefore") == 0) {
        return parent == E_TRPR ? E_GRIDBEFORE : E_OTHER;
    }
    if (strcmp(local, "tcPr") == 0) {
        return parent == E_TC ? E_TCPR : E_OTHER;
    }
    if (strcmp(local, "gridSpan") == 0) {
        return parent == E_TCPR ? E_GRIDSPAN : E_OTHER;
    }
    if (strcmp(local, "vMerge") == 0) {
        return parent == E_TCPR ? E_VMERGE : E_OTHER;
    }
    if (strcmp(local, "hMerge") == 0) {
        return parent == E_TCPR ? E_HMERGE : E_OTHER;
    }
    if (strcmp(local, "del") == 0 && parent == E_TRPR) {
        return E_DEL;
    }
    for (size_t i = 0; dropped[i]; i++) {
        if (strcmp(local, dropped[i]) == 0) {
            return E_SKIP;
        }
    }
    return E_OTHER;
}

/* Merge mark from a w:vMerge/w:hMerge val ("restart", else continue). */
static enum merge merge_of(const char **attrs)
{
    const char *v = jx_xml_attr(attrs, "val");
    return v && strcmp(v, "restart") == 0 ? M_RESTART : M_CONTINUE;
}

/* A complex field character: begin, separate or end. */
static void field_char(struct docx *x, const char **attrs)
{
    const char *type = jx_xml_attr(attrs, "fldCharType");
    if (!type) {
        return;
    }
    if (strcmp(type, "begin") == 0) {
        if (x->nfld < MAX_FIELDS) {
            x->fld[x->nfld] = 1;
        }
        x->nfld++;
        x->instr++;
    } else if (strcmp(type, "separate") == 0) {
        if (x->nfld > 0 && x->nfld <= MAX_FIELDS && x->fld[x->nfld - 1]) {
            x->fld[x->nfld - 1] = 0;
            x->instr--;
        }
    } else if (strcmp(type, "end") == 0 && x->nfld > 0) {
        x->nfld--;
        if (x->nfld >= MAX_FIELDS || x->fld[x->nfld]) {
            x->instr--;
        }
    }
}

/* Start of a w:tbl outside a paragraph. */
static void table_start(struct docx *x)
{
    x->tbl_depth++;
    if (x->tbl_depth > 1) {
        return;
    }
    if (x->doc->nblocks >= x->lim->max_blocks) {
        limit_stop(x, "I221", "段落和表格", x->lim->max_blocks);
        return;
    }
    x->table = jx_doc_add_table(x->doc, NULL);
    x->table->where = JX_DOC_AT_GRID;
    x->row = 0;
    x->clamped = false;
}

/* Start of a w:tr of a table outside a paragraph. */
static void row_start(struct docx *x)
{
    if (x->tbl_depth == 1) {
        x->col = 0;
        x->row_cells = false;
        x->row_deleted = false;
        x->last_cell = -1;
        return;
    }
    struct level *l = &x->lvl[x->tbl_depth];
    if (x->cell.len) {
        jx_buf_addc(&x->cell, '\n');
    }
    l->first_cell = true;
}

/* Start of a w:tc of a table outside a paragraph. */
static void cell_start(struct docx *x)
{
    if (x->tbl_depth == 1) {
        if (x->row_deleted) {
            x->skip = x->depth;
            return;
        }
        jx_buf_reset(&x->cell);
        x->cell_paras = 0;
        x->span = 1;
        x->vmerge = M_NONE;
        x->hmerge = M_NONE;
        return;
    }
    struct level *l = &x->lvl[x->tbl_depth];
    if (!l->first_cell) {
        jx_buf_addc(&x->cell, '\t');
    }
    l->first_cell = false;
    l->first_para = true;
}

/* Document pass: an element starts. */
static void dx_start(void *ud, const char *ns, const char *local,
                     const char **attrs)
{
    struct docx *x = ud;
    if (x->stopped) {
        return;
    }
    enum el parent = x->depth > 0 ? (enum el)x->stack[x->depth - 1] : E_OTHER;
    enum el k = E_OTHER;
    if (!x->skip) {
        if (is_w(ns)) {
            k = classify(x, local, parent);
        } else if (strcmp(ns, MC_NS) == 0 && strcmp(local, "Fallback") == 0) {
            k = E_SKIP;
        }
    }
    x->stack[x->depth++] = (unsigned char)k;
    if (x->skip) {
        return;
    }
    switch (k) {
    case E_SKIP:
        x->skip = x->depth;
        break;
    case E_P:
        if (x->p_depth++ == 0) {
            jx_buf_reset(&x->para);
            x->heading = 0;
            x->outline = 0;
            if (x->tbl_depth == 0) {
                x->npara++;
            }
        } else if (x->para.len && last_char(&x->para) != '\n' &&
                   last_char(&x->para) != '\t') {
            jx_buf_addc(&x->para, '\n');
        }
        break;
    case E_PSTYLE:
        if (x->p_depth == 1) {
            const char *v = jx_xml_attr(attrs, "val");
            x->heading = v ? style_level(x->styles, v) : 0;
        }
        break;
    case E_OUTLINE: {
        int v;
        if (x->p_depth == 1 &&
            parse_int(jx_xml_attr(attrs, "val"), 0, 9, &v)) {
            x->outline = v < 9 ? v + 1 : -1;
        }
        break;
    }
    case E_TAB:
        if (x->p_depth > 0 && x->instr == 0) {
            jx_buf_addc(&x->para, '\t');
        }
        break;
    case E_BR:
        if (x->p_depth > 0 && x->instr == 0) {
            jx_buf_addc(&x->para, '\n');
        }
        break;
    case E_HYPHEN:
        if (x->p_depth > 0 && x->instr == 0) {
            jx_buf_addc(&x->para, '-');
        }
        break;
    case E_FLDCHAR:
        field_char(x, attrs);
        break;
    case E_TBL:
        table_start(x);
        break;
    case E_TR:
        row_start(x);
        break;
    case E_TC:
        cell_start(x);
        break;
    case E_TR_INLINE:
        if (x->para.len) {
            jx_buf_addc(&x->para, '\n');
        }
        break;
    case E_TC_INLINE:
        if (x->para.len && last_char(&x->para) != '\n') {
            jx_buf_addc(&x->para, '\t');
        }
        break;
    case E_GRIDBEFORE:
        if (x->tbl_depth == 1) {
            int v;
            if (parse_int(jx_xml_attr(attrs, "val"), 0, MAX_COLS, &v)) {
                x->col = v;
            }
        }
        break;
    case E_GRIDSPAN:
        if (x->tbl_depth == 1) {
            int v;
            if (parse_int(jx_xml_attr(attrs, "val"), 1, MAX_COLS + 1, &v)) {
                x->span = v;
            }
        }
        break;
    case E_VMERGE:
        if (x->tbl_depth == 1) {
            x->vmerge = merge_of(attrs);
        }
        break;
    case E_HMERGE:
        if (x->tbl_depth == 1) {
            x->hmerge = merge_of(attrs);
        }
        break;
    case E_DEL:
        if (x->tbl_depth == 1) {
            x->row_deleted = true;
        }
        x->skip = x->depth;
        break;
    default:
        break;
    }
}

/* Document pass: an element ends. */
static void dx_end(void *ud, const char *ns, const char *local)
{
    (void)ns;
    (void)local;
    struct docx *x = ud;
    if (x->stopped || x->depth == 0) {
        return;
    }
    enum el k = (enum el)x->stack[--x->depth];
    if (x->skip) {
        if (x->depth + 1 == x->skip) {
            x->skip = 0;
        }
        return;
    }
    switch (k) {
    case E_P:
        if (--x->p_depth == 0) {
            if (x->tbl_depth == 0) {
                emit_para(x);
            } else {
                para_to_cell(x);
            }
        }
        break;
    case E_TC:
        if (x->tbl_depth == 1 && x->table) {
            end_cell(x);
        }
        break;
    case E_TR:
        if (x->tbl_depth == 1 && (x->row_cells || !x->row_deleted)) {
            x->row++;
        }
        break;
    case E_TBL:
        if (x->tbl_depth == 1 && x->table) {
            finish_table(x);
        }
        x->tbl_depth--;
        break;
    default:
        break;
    }
}

/* Document pass: text. */
static void dx_text(void *ud, const char *s, size_t len)
{
    struct docx *x = ud;
    if (x->stopped || x->skip || x->depth == 0 || x->p_depth == 0 ||
        x->instr > 0 || x->stack[x->depth - 1] != E_T) {
        return;
    }
    jx_buf_add(&x->para, s, len);
}

/* ---- entry point --------------------------------------------------- */

/* Read word/styles.xml into st (missing is fine).  0, or -1 with a
 * diagnostic. */
static int read_styles(struct jx_zip *z, const struct jx_limits *lim,
                       const char *file, struct jx_diags *diags,
                       struct styles *st)
{
    const char *part = "word/styles.xml";
    if (!jx_zip_has(z, part)) {
        return 0;
    }
    size_t len;
    char *xml = jx_zip_read(z, part, &len);
    if (!xml) {
        return -1;
    }
    struct style_pass sp;
    memset(&sp, 0, sizeof sp);
    sp.st = st;
    struct jx_xml_handlers h = {&sp, st_start, st_end, NULL};
    struct jx_xml_error err;
    int rc = jx_xml_parse(xml, len, &h, lim->max_xml_depth, &err);
    free(xml);
    if (rc < 0) {
        xml_diag(diags, file, part, &err, lim->max_xml_depth);
        return -1;
    }
    styles_resolve(st);
    return 0;
}

/* Convert a DOCX to a document in arena; NULL with diagnostics when it
 * cannot be read. */
struct jx_doc *jx_import_docx(struct jx_arena *arena, const char *file,
                              const char *data, size_t len,
                              const struct jx_limits *lim,
                              struct jx_diags *diags)
{
    struct jx_limits deflim;
    if (!lim) {
        jx_limits_default(&deflim);
        lim = &deflim;
    }
    if (len > lim->max_input) {
        struct jx_loc loc;
        memset(&loc, 0, sizeof loc);
        loc.file = jx_strdup(diags->arena, file);
        jx_diag_add(diags, "I231", JX_SEV_ERROR, &loc,
                    "输入过大：%zu 字节，上限 %zu 字节", len, lim->max_input);
        return NULL;
    }
    struct jx_zip *z = jx_zip_open(data, len, lim, file, diags);
    if (!z) {
        return NULL;
    }
    struct jx_doc *doc = jx_import_docx_zip(arena, file, z, lim, diags);
    jx_zip_close(z);
    return doc;
}

/* Convert the DOCX open as z (import_zip.h); the caller closes z. */
struct jx_doc *jx_import_docx_zip(struct jx_arena *arena, const char *file,
                                  struct jx_zip *z,
                                  const struct jx_limits *lim,
                                  struct jx_diags *diags)
{
    struct styles st;
    memset(&st, 0, sizeof st);
    st.arena = jx_arena_new();
    size_t xlen = 0;
    char *xml = NULL;
    if (read_styles(z, lim, file, diags, &st) == 0) {
        xml = jx_zip_read(z, "word/document.xml", &xlen);
    }
    struct jx_doc *doc = NULL;
    if (xml) {
        int depth = lim->max_xml_depth > 0 ? lim->max_xml_depth : 0;
        struct docx x;
        memset(&x, 0, sizeof x);
        doc = jx_doc_new(arena, file, JX_SRC_DOCX);
        x.doc = doc;
        x.lim = lim;
        x.diags = diags;
        x.file = doc->file;
        x.styles = &st;
        x.stack = jx_xmalloc((size_t)depth + 1);
        x.lvl = jx_xmalloc(((size_t)depth + 2) * sizeof *x.lvl);
        memset(x.lvl, 0, ((size_t)depth + 2) * sizeof *x.lvl);
        x.owner = jx_xmalloc(MAX_COLS * sizeof *x.owner);
        for (int k = 0; k < MAX_COLS; k++) {
            x.owner[k] = -1;
        }
        x.last_cell = -1;
        jx_buf_init(&x.para, lim->max_entry);
        jx_buf_init(&x.cell, lim->max_entry);
        struct jx_xml_handlers h = {&x, dx_start, dx_end, dx_text};
        struct jx_xml_error err;
        if (jx_xml_parse(xml, xlen, &h, depth, &err) < 0) {
            xml_diag(diags, file, "word/document.xml", &err, depth);
            doc = NULL;
        } else if (x.table) {
            x.table->truncated = true;
            finish_table(&x);
        }
        jx_buf_release(&x.para);
        jx_buf_release(&x.cell);
        free(x.owner);
        free(x.lvl);
        free(x.stack);
        free(xml);
    }
    free(st.a);
    jx_arena_free(st.arena);
    return doc;
}
