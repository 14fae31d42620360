/*
 * import_xml.c - streaming XML with expat under hard limits.
 *
 * Names are namespace-qualified with a space as separator ("URI local").
 * A document type declaration or an entity declaration stops the parse
 * at once: OOXML parts never have them, and refusing them is the only
 * sure defence against entity expansion (billion laughs, external
 * entities).  Element nesting deeper than the limit stops the parse
 * before the handler sees the element.
 */
#include "import/import_xml.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* expat.h declares the billion-laughs protection only when XML_DTD is
 * defined, which expat_config.h says when the library was built so. */
#if defined(__has_include)
#if __has_include(<expat_config.h>)
#include <expat_config.h>
#endif
#endif
#include <expat.h>

/* Expat 2.4.0 added the amplification limit and its error code. */
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
#define HAVE_AMPLIFICATION 1
#else
#define HAVE_AMPLIFICATION 0
#endif

/* Largest piece handed to XML_Parse at once (its length is an int). */
#define PIECE (16 * 1024 * 1024)

/* State of one parse. */
struct ctx {
    XML_Parser p;                    /* the parser (owned by jx_xml_parse) */
    const struct jx_xml_handlers *h; /* the caller's handlers */
    int depth;                       /* open elements */
    int max_depth;                   /* most open elements allowed */
    const char *stop_msg;            /* why we stopped it, or NULL */
    enum jx_xml_errkind stop_kind;   /* and its kind */
    long stop_line, stop_col;        /* where */
    struct jx_buf name;              /* scratch copy of a name (owned) */
};

/* Stop the parse with a reason at the current position. */
static void stop(struct ctx *c, enum jx_xml_errkind kind, const char *msg)
{
    if (c->stop_msg) {
        return;
    }
    c->stop_msg = msg;
    c->stop_kind = kind;
    c->stop_line = (long)XML_GetCurrentLineNumber(c->p);
    c->stop_col = (long)XML_GetCurrentColumnNumber(c->p) + 1;
    XML_StopParser(c->p, XML_FALSE);
}

/* Split an expat name "URI local" into *ns and *local, using the
 * scratch buffer of c (valid until the next split). */
static void split(struct ctx *c, const char *name, const char **ns,
                  const char **local)
{
    const char *sp = strrchr(name, ' ');
    if (!sp) {
        *ns = "";
        *local = name;
        return;
    }
    jx_buf_reset(&c->name);
    if (jx_buf_add(&c->name, name, (size_t)(sp - name) + 1) < 0) {
        *ns = "";
    } else {
        c->name.p[sp - name] = '\0';
        *ns = c->name.p;
    }
    *local = sp + 1;
}

/* Expat: an element starts. */
static void on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    struct ctx *c = ud;
    if (c->stop_msg) {
        return;
    }
    if (c->depth >= c->max_depth) {
        stop(c, JX_XML_DEPTH, "XML 元素嵌套过深");
        return;
    }
    c->depth++;
    if (c->h->start) {
        const char *ns, *local;
        split(c, name, &ns, &local);
        c->h->start(c->h->ud, ns, local, atts);
    }
}

/* Expat: an element ends. */
static void on_end(void *ud, const XML_Char *name)
{
    struct ctx *c = ud;
    if (c->stop_msg) {
        return;
    }
    c->depth--;
    if (c->h->end) {
        const char *ns, *local;
        split(c, name, &ns, &local);
        c->h->end(c->h->ud, ns, local);
    }
}

/* Expat: a piece of text. */
static void on_text(void *ud, const XML_Char *s, int len)
{
    struct ctx *c = ud;
    if (c->stop_msg || len <= 0) {
        return;
    }
    if (c->h->text) {
        c->h->text(c->h->ud, s, (size_t)len);
    }
}

/* Expat: a document type declaration starts: refused. */
static void on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                       const XML_Char *pubid, int has_internal_subset)
{
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    stop(ud, JX_XML_DTD, "XML 含有文档类型声明（DOCTYPE），不予读取");
}

/* Expat: an entity declaration: refused. */
static void on_entity(void *ud, const XML_Char *name, int is_param,
                      const XML_Char *value, int value_len,
                      const XML_Char *base, const XML_Char *sysid,
                      const XML_Char *pubid, const XML_Char *notation)
{
    (void)name;
    (void)is_param;
    (void)value;
    (void)value_len;
    (void)base;
    (void)sysid;
    (void)pubid;
    (void)notation;
    stop(ud, JX_XML_DTD, "XML 含有实体声明，不予读取");
}

/* Chinese reason for an expat error code (static). */
static const char *reason_zh(enum XML_Error e)
{
    switch (e) {
    case XML_ERROR_NO_MEMORY:
        return "XML 解析内存不足";
    case XML_ERROR_SYNTAX:
        return "XML 语法错误";
    case XML_ERROR_NO_ELEMENTS:
        return "XML 没有根元素或内容不完整";
    case XML_ERROR_INVALID_TOKEN:
        return "XML 含有无效字符或记号";
    case XML_ERROR_UNCLOSED_TOKEN:
        return "XML 记号未结束（文件被截断？）";
    case XML_ERROR_PARTIAL_CHAR:
        return "XML 含有不完整的字符";
    case XML_ERROR_TAG_MISMATCH:
        return "XML 开始标签与结束标签不匹配";
    case XML_ERROR_DUPLICATE_ATTRIBUTE:
        return "XML 属性重复";
    case XML_ERROR_JUNK_AFTER_DOC_ELEMENT:
        return "XML 根元素之后还有内容";
    case XML_ERROR_UNDEFINED_ENTITY:
        return "XML 引用了未定义的实体";
    case XML_ERROR_UNKNOWN_ENCODING:
    case XML_ERROR_INCORRECT_ENCODING:
        return "XML 编码不受支持或与声明不符";
    case XML_ERROR_UNCLOSED_CDATA_SECTION:
        return "XML 的 CDATA 段未结束";
    case XML_ERROR_XML_DECL:
    case XML_ERROR_MISPLACED_XML_PI:
        return "XML 声明格式错误或位置不对";
    case XML_ERROR_UNBOUND_PREFIX:
        return "XML 使用了未声明的命名空间前缀";
#if HAVE_AMPLIFICATION
    case XML_ERROR_AMPLIFICATION_LIMIT_BREACH:
        return "XML 实体展开过多，不予读取";
#endif
    default:
        return "XML 格式错误";
    }
}

/* A parse fed in pieces (import_xml.h). */
struct jx_xml {
    struct ctx c;  /* the parse's state (its parser owned) */
    bool failed;   /* an error was reported: later pieces are ignored */
};

/* A new parse with the handlers under the limits (import_xml.h). */
struct jx_xml *jx_xml_new(const struct jx_xml_handlers *h, int max_depth)
{
    static const struct jx_xml_handlers none = {NULL, NULL, NULL, NULL};
    struct jx_xml *x = jx_xmalloc(sizeof *x);
    memset(x, 0, sizeof *x);
    struct ctx *c = &x->c;
    c->h = h ? h : &none;
    c->max_depth = max_depth;
    jx_buf_init(&c->name, 64u * 1024u);
    c->p = XML_ParserCreateNS(NULL, ' ');
    if (!c->p) {
        jx_oom();
    }
    XML_SetUserData(c->p, c);
    XML_SetElementHandler(c->p, on_start, on_end);
    XML_SetCharacterDataHandler(c->p, on_text);
    XML_SetStartDoctypeDeclHandler(c->p, on_doctype);
    XML_SetEntityDeclHandler(c->p, on_entity);
#ifdef XML_DTD
    XML_SetParamEntityParsing(c->p, XML_PARAM_ENTITY_PARSING_NEVER);
#if HAVE_AMPLIFICATION
    /* a second line of defence should a declaration ever get through */
    XML_SetBillionLaughsAttackProtectionMaximumAmplification(c->p, 10.0f);
    XML_SetBillionLaughsAttackProtectionActivationThreshold(c->p,
                                                            1024u * 1024u);
#endif
#endif
    return x;
}

/* Feed data[0..len) (final: the last piece) to the parse. */
int jx_xml_feed(struct jx_xml *x, const char *data, size_t len, bool final,
                struct jx_xml_error *err)
{
    err->msg = NULL;
    err->line = 0;
    err->col = 0;
    err->kind = JX_XML_OK;
    if (x->failed) {
        return -1;
    }
    struct ctx *c = &x->c;
    size_t off = 0;
    do {
        size_t n = len - off > PIECE ? PIECE : len - off;
        int last = final && off + n == len;
        if (XML_Parse(c->p, data + off, (int)n, last) != XML_STATUS_OK) {
            if (c->stop_msg) {
                err->msg = c->stop_msg;
                err->line = c->stop_line;
                err->col = c->stop_col;
                err->kind = c->stop_kind;
            } else {
                enum XML_Error e = XML_GetErrorCode(c->p);
                err->kind = JX_XML_SYNTAX;
#if HAVE_AMPLIFICATION
                if (e == XML_ERROR_AMPLIFICATION_LIMIT_BREACH) {
                    err->kind = JX_XML_DTD;
                }
#endif
                err->msg = reason_zh(e);
                err->line = (long)XML_GetCurrentLineNumber(c->p);
                err->col = (long)XML_GetCurrentColumnNumber(c->p) + 1;
            }
            x->failed = true;
            return -1;
        }
        off += n;
    } while (off < len);
    return 0;
}

/* Free the parse.  NULL is allowed. */
void jx_xml_free(struct jx_xml *x)
{
    if (!x) {
        return;
    }
    XML_ParserFree(x->c.p);
    jx_buf_release(&x->c.name);
    free(x);
}

/* Parse data[0..len) with the handlers under the limits. */
int jx_xml_parse(const char *data, size_t len,
                 const struct jx_xml_handlers *h, int max_depth,
                 struct jx_xml_error *err)
{
    struct jx_xml *x = jx_xml_new(h, max_depth);
    int rc = jx_xml_feed(x, data, len, true, err);
    jx_xml_free(x);
    return rc;
}

/* The value of attribute local (any namespace), or NULL. */
const char *jx_xml_attr(const char **attrs, const char *local)
{
    if (!attrs) {
        return NULL;
    }
    size_t n = strlen(local);
    for (size_t i = 0; attrs[i] && attrs[i + 1]; i += 2) {
        const char *a = attrs[i];
        const char *sp = strrchr(a, ' ');
        const char *l = sp ? sp + 1 : a;
        if (strncmp(l, local, n) == 0 && l[n] == '\0') {
            return attrs[i + 1];
        }
    }
    return NULL;
}
