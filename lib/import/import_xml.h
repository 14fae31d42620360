/*
 * import_xml.h - streaming XML with expat under hard limits (private to
 * lib/): namespace-aware names, a maximum element depth, and no DTDs,
 * so entity expansion attacks (billion laughs) are refused outright.
 */
#ifndef JIXIAO_XMLREAD_H
#define JIXIAO_XMLREAD_H

#include "jixiao/base.h"

/* Callbacks; any may be NULL.  ns is the namespace URI ("" when none),
 * local the local name; attrs alternate ns-qualified names
 * ("URI local" joined by a space, or just "local") and values, ending
 * with NULL.  Text arrives in pieces (not NUL-terminated). */
struct jx_xml_handlers {
    void *ud;
    void (*start)(void *ud, const char *ns, const char *local,
                  const char **attrs);
    void (*end)(void *ud, const char *ns, const char *local);
    void (*text)(void *ud, const char *s, size_t len);
};

/* Kinds of parse failure (for choosing a diagnostic code). */
enum jx_xml_errkind {
    JX_XML_OK = 0,     /* no error */
    JX_XML_SYNTAX,     /* malformed XML (or an unsupported encoding) */
    JX_XML_DTD,        /* a DOCTYPE or entity declaration: refused */
    JX_XML_DEPTH       /* nesting deeper than max_depth */
};

/* Result of a parse. */
struct jx_xml_error {
    const char *msg; /* Chinese reason (static or arena), NULL when ok */
    long line;       /* 1-based line of the problem */
    long col;        /* 1-based column */
    enum jx_xml_errkind kind; /* what went wrong */
};

/* Parse data[0..len).  Returns 0, or -1 with err filled: malformed XML,
 * a DOCTYPE/entity declaration, or nesting deeper than max_depth. */
int jx_xml_parse(const char *data, size_t len,
                 const struct jx_xml_handlers *h, int max_depth,
                 struct jx_xml_error *err);

/* A parse fed in pieces (a ZIP entry as it inflates): the same
 * handlers, limits and errors as jx_xml_parse, whatever the cuts
 * between the pieces (a character or a tag may straddle two). */
struct jx_xml;

/* A new parse (owned by the caller: jx_xml_free). */
struct jx_xml *jx_xml_new(const struct jx_xml_handlers *h, int max_depth);

/* Feed the next piece data[0..len); final says it is the last (len may
 * be 0).  0, or -1 with err filled (then every later piece is refused
 * at once, err empty). */
int jx_xml_feed(struct jx_xml *x, const char *data, size_t len, bool final,
                struct jx_xml_error *err);

/* Free a parse.  NULL is allowed. */
void jx_xml_free(struct jx_xml *x);

/* The value of attribute `local` (in any namespace) in attrs, or NULL. */
const char *jx_xml_attr(const char **attrs, const char *local);

#endif
