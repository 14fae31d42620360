/*
 * base_json.h - text-level JSON support for the package loader (private
 * to lib/): parsing with jansson plus syntax-error repair, and the
 * position of every key and value.
 *
 * jansson stops at the first syntax error and keeps no positions for
 * the values it builds.  jx_jdoc_parse() therefore
 *   1. tries small repairs at each syntax error (insert ',' or ':',
 *      delete or null out a token, close a string, escape a control
 *      character, replace invalid UTF-8, append missing closers, cut
 *      trailing garbage), keeping a repair only when jansson then gets
 *      strictly further; every error is recorded with its offset in the
 *      ORIGINAL text (edits are mapped back);
 *   2. walks the tokens of the text jansson finally accepted (it is not
 *      a second parser: it builds no values) and records, for every
 *      value and every object key, its byte offset, so that a value can
 *      be found by its parent and key/index or by its JSON pointer
 *      (RFC 6901) and reported as 1-based line and column (columns in
 *      code points of the original text).
 * Duplicate object keys are found by the same walk (jansson keeps the
 * last value of a duplicated key; so do the lookups here).
 *
 * Ownership: a struct jx_jdoc is malloc'd by jx_jdoc_parse() and freed
 * (with jansson's tree) by jx_jdoc_free().  Messages are allocated in
 * the arena passed to jx_jdoc_parse().
 */
#ifndef JIXIAO_JSONPOS_H
#define JIXIAO_JSONPOS_H

#include <jansson.h>

#include "jixiao/base.h"

/* Kinds of syntax problem (how the text was repaired). */
enum jx_jfix {
    JX_JFIX_COMMA = 0,   /* a missing ',' was inserted */
    JX_JFIX_COLON,       /* a missing ':' was inserted */
    JX_JFIX_NULL,        /* an invalid bare token was replaced by null */
    JX_JFIX_DELETE,      /* a stray token was deleted */
    JX_JFIX_QUOTE,       /* an unterminated string was closed */
    JX_JFIX_CONTROL,     /* a raw control character in a string was escaped */
    JX_JFIX_UTF8,        /* invalid UTF-8 bytes were replaced by U+FFFD */
    JX_JFIX_CLOSE,       /* missing closers were appended at the end */
    JX_JFIX_TRAILING,    /* text after the top-level value was cut */
    JX_JFIX_RANGE,       /* a number out of range was replaced by null */
    JX_JFIX_NONE,        /* no repair helped: parsing stopped here */
    JX_JFIX_TOOMANY      /* too many errors: parsing stopped here */
};

/* One syntax problem. */
struct jx_jsyntax {
    enum jx_jfix fix;   /* what was wrong / done */
    size_t off;         /* byte offset in the original text */
    const char *msg;    /* Chinese message quoting the text (arena) */
    const char *detail; /* jansson's own message, sanitized (arena) */
};

/* A parsed document; see the file comment. */
struct jx_jdoc;

/* Limits for jx_jdoc_parse(). */
struct jx_jlimits {
    size_t max_repairs; /* syntax errors repaired before giving up */
    int max_depth;      /* deepest nesting of arrays/objects */
};

/*
 * Parse text[0..len) (a leading UTF-8 byte-order mark is skipped).
 * Always returns a document (the caller frees it with jx_jdoc_free);
 * its root is NULL when the text nests too deeply or could not be
 * repaired.  Strings for messages go to arena.
 */
struct jx_jdoc *jx_jdoc_parse(struct jx_arena *arena, const char *text,
                              size_t len, const struct jx_jlimits *lim);

/* Free the document, its positions and jansson's tree.  NULL is
 * allowed. */
void jx_jdoc_free(struct jx_jdoc *d);

/* jansson's tree (borrowed: owned by the document), or NULL. */
json_t *jx_jdoc_root(const struct jx_jdoc *d);

/* Syntax problems found, in the order they were met. */
size_t jx_jdoc_nsyntax(const struct jx_jdoc *d);
const struct jx_jsyntax *jx_jdoc_syntax(const struct jx_jdoc *d, size_t i);

/* When the root is NULL because nesting passed max_depth: true, and
 * *off (if not NULL) is the original offset of the first bracket that
 * is too deep. */
bool jx_jdoc_too_deep(const struct jx_jdoc *d, size_t *off);

/* Node ids: 0 is the root value; -1 means "no such node". */

/* The value of member `key` (keylen bytes, decoded) of object node
 * obj, or -1. */
int32_t jx_jdoc_member(const struct jx_jdoc *d, int32_t obj,
                       const char *key, size_t keylen);

/* Element i of array node arr, or -1. */
int32_t jx_jdoc_element(const struct jx_jdoc *d, int32_t arr, size_t i);

/* The node at a JSON pointer ("" is the root, "/a/0/b~1c"), or -1. */
int32_t jx_jdoc_lookup(const struct jx_jdoc *d, const char *pointer);

/* Line and column (1-based, code points) of a node's value, or of its
 * key when key is true and the node is an object member; 0, 0 for an
 * unknown node. */
void jx_jdoc_where(const struct jx_jdoc *d, int32_t node, bool key,
                   int *line, int *col);

/* Line and column of a byte offset of the original text. */
void jx_jdoc_offpos(const struct jx_jdoc *d, size_t off, int *line,
                    int *col);

/* The source text of a scalar value's token (a number as written, a
 * string with its quotes); *len is set.  NULL for containers or an
 * unknown node.  Borrowed from the document. */
const char *jx_jdoc_token(const struct jx_jdoc *d, int32_t node,
                          size_t *len);

/* The JSON pointer of a node, in arena. */
char *jx_jdoc_path(const struct jx_jdoc *d, int32_t node,
                   struct jx_arena *arena);

/* Object members whose key repeats an earlier key of the same object:
 * the count, and the node of the i-th (a later occurrence). */
size_t jx_jdoc_ndups(const struct jx_jdoc *d);
int32_t jx_jdoc_dup(const struct jx_jdoc *d, size_t i);

/* The decoded key of an object member node (borrowed), or NULL; *len
 * is set. */
const char *jx_jdoc_key(const struct jx_jdoc *d, int32_t node, size_t *len);

/* Text for a message: s[0..n) cut to at most max code points (then
 * "…"), with invalid UTF-8 shown as \xHH and control characters as
 * \uHHHH.  Allocated in arena. */
char *jx_jexcerpt(struct jx_arena *arena, const char *s, size_t n,
                  size_t max);

/* Chinese name of a JSON value's type ("对象", "数组", "字符串", "整数",
 * "小数", "布尔值", "null"), for the loaders' type errors (static). */
const char *jx_json_type_zh(const json_t *v);

#endif
