/*
 * base_json.h - text-level JSON support for the loaders of Package JSON
 * and framework files (private to lib/): parsing with jansson plus
 * syntax-error repair, the position of every key and value, and the
 * located diagnostics of one load (struct jx_jload, at the end).
 *
 * Plain JSON (the usual case) is read in ONE pass that builds jansson's
 * value tree and records every value's and key's offset at once (no
 * second walk, no copy of the text); it accepts exactly what jansson
 * accepts, giving the same tree (except that a JSON real's double is
 * not computed: it is 0, and the loaders read its token, never a
 * double), and hands anything else to the repairing way below, so
 * texts with errors get the same repairs and messages as before.
 *
 * jansson stops at the first syntax error and keeps no positions for
 * the values it builds.  For a text the one pass does not take,
 * jx_jdoc_parse() therefore
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
#include "jixiao/dec.h"
#include "jixiao/diag.h"

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
    JX_JFIX_NUL,         /* an escape \u0000 in a string was dropped */
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
    size_t max_bytes;   /* jx_jload_parse only: longest text; 0: any */
    bool repairing_only; /* tests: skip the one-pass parser and take
                            the repairing way (jansson, repairs, then a
                            walk for the positions) even for plain JSON,
                            to compare the two */
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

/* The first member or element of container node, and the one after
 * node in its container, in the order of the text (a duplicated key's
 * every occurrence); -1 when there is none.  The links are built on the
 * first call, in one pass over the nodes, and belong to d. */
int32_t jx_jdoc_first(const struct jx_jdoc *d, int32_t node);
int32_t jx_jdoc_next(const struct jx_jdoc *d, int32_t node);

/* ---- reading values from the nodes (without jansson's tree) ----------
 *
 * A node's value as jansson holds it, read from its token in the final
 * text (which is what jansson parsed, in the one pass and after repairs
 * alike): the loaders walk the nodes and read each leaf here instead of
 * walking jansson's members beside them. */

/* The JSON type of a node's value. */
enum jx_jtype {
    JX_JT_NONE = 0, /* no such node */
    JX_JT_OBJECT,
    JX_JT_ARRAY,
    JX_JT_STRING,
    JX_JT_INTEGER, /* a number without '.', 'e' or 'E' (jansson's rule) */
    JX_JT_REAL,
    JX_JT_TRUE,
    JX_JT_FALSE,
    JX_JT_NULL
};

/* A node's value as a loader reads it, in one call: its type and, for
 * a string, its decoded text s[0..n) (as jx_jdoc_string gives it); for
 * other scalars the token as written; NULL for containers. */
struct jx_jval {
    enum jx_jtype type;
    const char *s;
    size_t n;
};

/* Fill *v for node (JX_JT_NONE and NULL for -1 or an unknown node);
 * returns v->type. */
enum jx_jtype jx_jdoc_val(const struct jx_jdoc *d, int32_t node,
                          struct jx_jval *v);

/* The type of node's value (JX_JT_NONE for -1 or an unknown node). */
enum jx_jtype jx_jdoc_type(const struct jx_jdoc *d, int32_t node);

/* The decoded text of a string node and its length in *len (as
 * json_string_value/json_string_length give it); NULL when the node is
 * not a string.  Borrowed from the document; NOT terminated by a NUL
 * (the token's bytes when it holds no escape). */
const char *jx_jdoc_string(const struct jx_jdoc *d, int32_t node,
                           size_t *len);

/* The value of an integer node (as json_integer_value gives it); 0 when
 * the node is not an integer. */
int64_t jx_jdoc_integer(const struct jx_jdoc *d, int32_t node);

/* The number of members or elements of a container node in the text
 * (a duplicated key's every occurrence); 0 for others. */
size_t jx_jdoc_count(const struct jx_jdoc *d, int32_t node);

/* Whether member node k is the one a lookup of its key in its object
 * gives (the last of a duplicated key's occurrences). */
bool jx_jdoc_is_last(const struct jx_jdoc *d, int32_t k);

/* jansson's value of node (borrowed from the tree), found by its key or
 * index from the root: for messages and the rare paths; NULL for an
 * unknown node.  An earlier occurrence of a duplicated key gives the
 * value jansson kept (the last). */
json_t *jx_jdoc_value(const struct jx_jdoc *d, int32_t node);

/* Text for a message: s[0..n) cut to at most max code points (then
 * "…"), with invalid UTF-8 shown as \xHH and control characters as
 * \uHHHH.  Allocated in arena. */
char *jx_jexcerpt(struct jx_arena *arena, const char *s, size_t n,
                  size_t max);

/* Chinese name of a JSON value's type ("对象", "数组", "字符串", "整数",
 * "小数", "布尔值", "null"), for the loaders' type errors (static). */
const char *jx_json_type_zh(const json_t *v);

/* ---- one load of a file with located diagnostics ----------------------
 *
 * What the Package JSON loader (model_json.c) and the framework loader
 * (fw_load.c) share: the parse with its syntax errors, nesting limit,
 * duplicate keys and top-level check; the JSON pointer of the value
 * being read; diagnostics at a node (or its key) with that pointer;
 * type errors quoting the value as written; unknown keys with a "did
 * you mean" hint.  Each loader names its own codes (J… or F…). */

/* The codes a loader reports the shared problems under (static
 * strings). */
struct jx_jcodes {
    const char *syntax;      /* a syntax error that was repaired */
    const char *too_deep;    /* nesting passed the limit */
    const char *stopped;     /* a syntax error that stopped parsing */
    const char *unknown_key; /* a key not among the known names */
    const char *dup_key;     /* a key repeated in one object */
    const char *type;        /* a value of the wrong type */
    const char *too_big;     /* the text is longer than max_bytes */
    const char *what;        /* what the text is, for too_big ("输入") */
};

/* State of one load.  The loader may read every field; dg collects the
 * load's diagnostics (sorted when handed over by jx_jload_finish). */
/* One segment of a load's path: a key s[0..n), or (s NULL) the array
 * index n.  Formatted (RFC 6901) only when a problem is reported. */
struct jx_jseg {
    const char *s;
    size_t n;
};

struct jx_jload {
    struct jx_arena *a;
    const char *file;
    const struct jx_jcodes *codes;
    struct jx_jdoc *doc; /* after jx_jload_parse; the caller frees it */
    struct jx_diags dg;
    struct jx_jseg *segs; /* the path of the value being read, as
                             segments (malloc'd; their text borrowed
                             from the caller until popped) */
    size_t nsegs, capsegs;
    const char *whole;  /* a whole path set before the segments, or NULL */
    struct jx_buf path; /* scratch: the path formatted for a report */
    size_t excerpt;     /* code points quoted from a value or key */
};

/* Start a load of file (borrowed) with codes; diagnostics beyond limit
 * (0: the default) are counted, not kept. */
void jx_jload_init(struct jx_jload *l, struct jx_arena *a, const char *file,
                   const struct jx_jcodes *codes, size_t limit);

/* Parse text[0..len) into l->doc and report a text longer than
 * lim->max_bytes (then l->doc stays NULL), its syntax errors, a nesting
 * deeper than lim->max_depth, duplicate keys and a top level that is
 * not an object.  The root object, or NULL when there is none to
 * read. */
json_t *jx_jload_parse(struct jx_jload *l, const char *text, size_t len,
                       const struct jx_jlimits *lim);

/* Hand the load's diagnostics, sorted, to out and release l's own
 * memory (not l->doc). */
void jx_jload_finish(struct jx_jload *l, struct jx_diags *out);

/* Append "/seg" (seg[0..n), RFC 6901 escaped) or "/i" to the path;
 * each returns the mark jx_jload_pop cuts back to.  seg is borrowed:
 * it must stay valid until popped.  jx_jload_mark is the mark of the
 * path as it is. */
size_t jx_jload_push_slow(struct jx_jload *l, const char *seg, size_t n);

/* (inline: a load pushes and pops a segment for nearly every value) */
static inline size_t jx_jload_push(struct jx_jload *l, const char *seg,
                                   size_t n)
{
    if (l->nsegs < l->capsegs) {
        l->segs[l->nsegs].s = seg ? seg : "";
        l->segs[l->nsegs].n = n;
        return l->nsegs++;
    }
    return jx_jload_push_slow(l, seg ? seg : "", n);
}

/* Append "/i" (see above). */
static inline size_t jx_jload_index(struct jx_jload *l, size_t i)
{
    if (l->nsegs < l->capsegs) {
        l->segs[l->nsegs].s = NULL;
        l->segs[l->nsegs].n = i;
        return l->nsegs++;
    }
    return jx_jload_push_slow(l, NULL, i);
}

/* Cut the path back to mark (see above). */
static inline void jx_jload_pop(struct jx_jload *l, size_t mark)
{
    if (mark < l->nsegs) {
        l->nsegs = mark;
    }
}

/* The mark of the path as it is (see above). */
static inline size_t jx_jload_mark(const struct jx_jload *l)
{
    return l->nsegs;
}

/* Add a diagnostic at line:col with the current path. */
void jx_jload_rep_at(struct jx_jload *l, const char *code, enum jx_severity sev,
                     int line, int col, const char *fmt, ...) JX_PRINTF(6, 7);

/* Add an error at node (its key when at_key) with the current path. */
void jx_jload_rep(struct jx_jload *l, const char *code, int32_t node,
                  bool at_key, const char *fmt, ...) JX_PRINTF(5, 6);

/* A value as written for a message (" \"abc\"", " 4.87", " true"; ""
 * for containers and null).  Arena. */
const char *jx_jload_shown(struct jx_jload *l, const json_t *v, int32_t node);

/* Report that v at node is not of the expected type (Chinese, e.g.
 * "字符串"). */
void jx_jload_type_error(struct jx_jload *l, const char *expected,
                         const json_t *v, int32_t node);

/* A "（是不是 \"x\"？）" hint for s[0..n) among names[0..count) (NULL
 * entries are skipped; count SIZE_MAX: names ends at its first NULL),
 * or "".  Arena. */
const char *jx_jload_hint(struct jx_jload *l, const char *s, size_t n,
                          const char *const *names, size_t count);

/* The token of the scalar at node as written, cut for a message ("" for
 * none).  Arena. */
const char *jx_jload_token(struct jx_jload *l, int32_t node);

/* The integer at node read from its token as written (so that it obeys
 * the limits of the same number written as a string). */
enum jx_numerr jx_jload_int(struct jx_jload *l, int32_t node,
                            struct jx_rat *out);

/* Report that the JSON decimal at node must be quoted (binary floating
 * point is not exact) under code. */
void jx_jload_unquoted(struct jx_jload *l, const char *code, int32_t node);

/* Report under code that v at node, a what ("数值", "金额"), could not
 * be read: e. */
void jx_jload_bad_number(struct jx_jload *l, const char *code, const char *what,
                         const json_t *v, int32_t node, enum jx_numerr e);

/* The index of the string v at node among names[0..count) (as for
 * jx_jload_hint); -1 after a type error or, under code, a list of the
 * valid values with a hint. */
int jx_jload_enum(struct jx_jload *l, const char *code, const json_t *v,
                  int32_t node, const char *const *names, size_t count);

/* The number of elements of the array v at node to read: at most max;
 * more are reported under code and not read. */
size_t jx_jload_array_len(struct jx_jload *l, const char *code,
                          const json_t *v, int32_t node, size_t max);

/* Whether key[0..klen) is in the NULL-terminated list (NULL: no). */
bool jx_jload_listed(const char *const *list, const char *key, size_t klen);

/* Report every key of the object obj at node that is not among
 * names[0..count) (as for jx_jload_hint); a key in foreign
 * (NULL-terminated, or NULL) gets note instead of a hint. */
void jx_jload_check_keys(struct jx_jload *l, json_t *obj, int32_t node,
                         const char *const *names, size_t count,
                         const char *const *foreign, const char *note);

#endif
