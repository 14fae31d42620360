/*
 * base.h - arenas, growable buffers and small UTF-8 helpers.
 *
 * Ownership rule for the whole library: every object handed out by lib/
 * lives in a struct jx_arena owned by the caller; nothing needs free()
 * unless its name ends in _detach.  Out of memory is fatal: it goes
 * through jx_oom(), which aborts.
 */
#ifndef JIXIAO_BASE_H
#define JIXIAO_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define JX_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define JX_NORETURN __attribute__((noreturn))
#else
#define JX_PRINTF(f, a)
#define JX_NORETURN
/* Days in month m (1..12) of year y (proleptic Gregorian). */
int jx_days_in_month(int y, int m);

/* Parse exactly "YYYY-MM-DD" from s[0..n): a real date with year
 * 1..9999 into *y, *m, *d; false (nothing written) otherwise. */
bool jx_ymd_parse(const char *s, size_t n, int *y, int *m, int *d);

/* Append s[0..n) to out as UTF-8 that XML 1.0 can carry: an invalid
 * byte or U+FFFE/U+FFFF becomes U+FFFD, other control characters are
 * dropped (tab and newline too unless keep_tab_nl); at most max_chars
 * characters are written (*cut set when more were there; cut may be
 * NULL).  Returns the number of characters replaced or dropped. */
size_t jx_utf8_xml(struct jx_buf *out, const char *s, size_t n,
                   bool keep_tab_nl, size_t max_chars, bool *cut);

/* Optimal string alignment distance of the bytes a[0..n) and b[0..m)
 * (for "did you mean" suggestions); 99 when either is longer than 64. */
size_t jx_edit_distance(const char *a, size_t n, const char *b, size_t m);

#endif

/* A wide signed integer for exact intermediates (GCC/Clang extension). */
__extension__ typedef __int128 jx_i128;

/* Set the function jx_oom() and jx_bug_at() call after printing their
 * message (a front end uses it to exit with its documented status);
 * when it returns, or none is set, they abort().  Returns the previous
 * hook. */
void (*jx_set_fatal_hook(void (*hook)(void)))(void);

/* Abort with a message: the process cannot allocate memory. */
JX_NORETURN void jx_oom(void);

/* Abort with file and line: an invariant of the program is broken. */
JX_NORETURN void jx_bug_at(const char *file, int line, const char *what);
#define JX_BUG(what) jx_bug_at(__FILE__, __LINE__, (what))

/* malloc/realloc that never return NULL (they call jx_oom). */
void *jx_xmalloc(size_t n);
void *jx_xrealloc(void *p, size_t n);

/* ---- arena --------------------------------------------------------- */

/* A bump allocator; everything allocated from it is freed at once. */
struct jx_arena;

/* Create an empty arena.  The caller owns it and frees it with
 * jx_arena_free(). */
struct jx_arena *jx_arena_new(void);

/* Free an arena and everything allocated from it.  NULL is allowed. */
void jx_arena_free(struct jx_arena *a);

/* Allocate n zeroed bytes from the arena, aligned for any type. */
void *jx_alloc(struct jx_arena *a, size_t n);

/* Allocate an array of n elements of size sz, zeroed; overflow aborts. */
void *jx_alloc_array(struct jx_arena *a, size_t n, size_t sz);

/* As jx_alloc_array, but not zeroed, for an array whose every element
 * the caller writes before it is read (a large one's pages are then
 * not touched before they are filled). */
void *jx_alloc_array_unset(struct jx_arena *a, size_t n, size_t sz);

/* Make room for one more element in an arena array p of `size`-byte
 * elements that holds n and has room for *cap: returns p, or a copy
 * twice as large (*cap updated; the old block stays in the arena). */
void *jx_arena_grow(struct jx_arena *a, void *p, size_t n, size_t *cap,
                    size_t size);

/* As jx_arena_grow, but the outgrown array is given back to the system
 * when it fills a block of its own (an array past 16 KiB): every pointer
 * into the old array is invalid after a call that grew it.  For the
 * arrays that grow to the input's size (a document's blocks and cells,
 * the recogniser's rows, the report's figures), whose callers hold no
 * pointer into them across an append. */
void *jx_arena_regrow(struct jx_arena *a, void *p, size_t n, size_t *cap,
                      size_t size);

/* As jx_arena_regrow, but the room past the n elements kept is not
 * zeroed (for a caller that fills each element as it appends it): the
 * untouched room of an array grown in place costs no memory. */
void *jx_arena_regrow_unset(struct jx_arena *a, void *p, size_t n,
                            size_t *cap, size_t size);

/* As jx_arena_regrow, but to room for `want` elements at once (when
 * *cap is less): a reader that knows how many it will append (a
 * table's rows) grows its array once, to no more than it needs. */
void *jx_arena_reserve(struct jx_arena *a, void *p, size_t n, size_t *cap,
                       size_t size, size_t want);

/* Trim the array p of n elements (cap allocated, grown by
 * jx_arena_regrow) to n when it fills a block of its own, and return
 * it (*cap updated); else p unchanged.  Every pointer into it is
 * invalid afterwards. */
void *jx_arena_fit(struct jx_arena *a, void *p, size_t n, size_t *cap,
                   size_t size);

/* Give back the array p of cap elements of `size` bytes, grown by
 * jx_arena_regrow, when it fills a block of its own (else nothing
 * happens: it stays until the arena goes).  Every pointer into it is
 * invalid afterwards. */
void jx_arena_give_back(struct jx_arena *a, void *p, size_t cap, size_t size);

/* Copy a NUL-terminated string (NULL gives NULL) into the arena. */
char *jx_strdup(struct jx_arena *a, const char *s);

/* Copy n bytes of s into the arena and terminate them with NUL. */
char *jx_strndup(struct jx_arena *a, const char *s, size_t n);

/* printf into a new arena string. */
char *jx_sprintf(struct jx_arena *a, const char *fmt, ...) JX_PRINTF(2, 3);

/* vprintf into a new arena string. */
char *jx_vsprintf(struct jx_arena *a, const char *fmt, va_list ap)
    JX_PRINTF(2, 0);

/* ---- growable buffer ----------------------------------------------- */

/*
 * A growable byte buffer with a hard cap.  Invariants: p is never NULL
 * after init (it points at a static empty string until the first add),
 * p[len] == '\0', and len <= max.  An add that would pass max appends
 * nothing, sets toobig and returns -1.  The buffer owns p.
 */
struct jx_buf {
    char *p;      /* contents, NUL-terminated */
    size_t len;   /* bytes used, excluding the NUL */
    size_t cap;   /* bytes allocated (0 while p is the static "") */
    size_t max;   /* largest len allowed */
    bool toobig;  /* an add was refused because of max */
};

/* Initialise an empty buffer that may grow to max bytes. */
void jx_buf_init(struct jx_buf *b, size_t max);

/* Free the contents; the buffer is left empty and reusable. */
void jx_buf_release(struct jx_buf *b);

/* Empty the buffer without freeing its memory. */
void jx_buf_reset(struct jx_buf *b);

/* Append n bytes; 0 on success, -1 if max would be passed. */
int jx_buf_add(struct jx_buf *b, const void *p, size_t n);

/* Append a NUL-terminated string; as jx_buf_add. */
int jx_buf_adds(struct jx_buf *b, const char *s);

/* Append one byte; as jx_buf_add. */
int jx_buf_addc(struct jx_buf *b, char c);

/* Append one CSV field (RFC 4180): quoted when it holds a comma, a
 * quote, CR or LF.  A text that a spreadsheet would take for a formula
 * (starting with =, +, -, @, TAB or CR, and not a plain decimal number
 * such as -3.50) is written with a leading apostrophe.  As jx_buf_add. */
int jx_buf_csv_field(struct jx_buf *b, const char *s);

/* Append formatted text; as jx_buf_add. */
int jx_buf_addf(struct jx_buf *b, const char *fmt, ...) JX_PRINTF(2, 3);

/* Append formatted text from a va_list; as jx_buf_add. */
int jx_buf_vaddf(struct jx_buf *b, const char *fmt, va_list ap)
    JX_PRINTF(2, 0);

/* Hand the contents to the caller (who frees them) and empty b. */
char *jx_buf_detach(struct jx_buf *b, size_t *len);

/* ---- UTF-8 --------------------------------------------------------- */

/* Decode one code point from s[0..n); store it in *cp and return its
 * length in bytes, or return -1 for an invalid sequence. */
int jx_utf8_decode(const char *s, size_t n, int32_t *cp);

/* Number of code points in s[0..n) (invalid bytes count one each). */
size_t jx_utf8_count(const char *s, size_t n);

/* A bag of characters: how many and an order-independent hash of
 * them.  jixiao's PDF writer records one per generated region of a page
 * and the PDF importer recomputes it from the characters it reads there
 * (lib/report/report_pdf.c, lib/import/import_pdf.c): the two agree
 * whatever order the characters come in. */
struct jx_text_bag {
    uint32_t n;    /* characters counted */
    uint32_t hash; /* sum of their mixed code points, modulo 2^32 */
};

/* jixiao's PDFs: the Creator they carry, and the start of the Keywords
 * that list the page regions jixiao generated (report_pdf.c writes
 * them, import_pdf.c reads them; docs/reports.md). */
#define JX_PDF_CREATOR "jixiao"
#define JX_PDF_GENERATED_TAG "jixiao-generated/1"

/* Whether the code point is blank for a bag (space, tab, line ends,
 * no-break and ideographic space, other C0 controls): not counted,
 * as a PDF draws no glyph for it. */
bool jx_text_bag_blank(int32_t cp);

/* Add the characters of s[0..n) that are not blank to bag (an invalid
 * byte counts as U+FFFD). */
void jx_text_bag_add(struct jx_text_bag *bag, const char *s, size_t n);

/* Terminal display width of a NUL-terminated string: CJK wide and
 * full-width characters count 2 columns, others 1. */
size_t jx_utf8_width(const char *s);

/* Append s to b padded with spaces to display width w (left-aligned if
 * right is false, right-aligned otherwise).  Wider text is not cut. */
int jx_buf_addpad(struct jx_buf *b, const char *s, size_t w, bool right);

/* The Chinese wording of the system error err (an errno value), for a
 * message that names the path the user gave: a static string for the
 * common values (ENOENT, EACCES, EISDIR, ENOTDIR, ENOSPC, EROFS, EEXIST,
 * ELOOP, ENAMETOOLONG, EMFILE, EIO and a few more); for any other,
 * "系统错误 NAME" (or "系统错误（错误号 N）") in a thread-local buffer that
 * the next call in the same thread overwrites.  Never NULL.  Every
 * message that used strerror() goes through this. */
const char *jx_errno_zh(int err);

/* Where writing path puts the file: path itself when it does not exist
 * or is not a symbolic link, else the file the link resolves to (through
 * every link).  *real gets a malloc'd copy (the caller frees it).  Returns
 * 0, or -1 with errno: ELOOP for a loop of links, ENOENT for a link to
 * nothing (a dangling link: refused, never created through), EISDIR when
 * the path or the link's target is a directory. */
int jx_out_path(const char *path, char **real);

/* Read a whole file into a new malloc'd NUL-terminated buffer
 * (*out, *len), refusing files larger than max bytes.  "-" reads
 * standard input.  Returns 0, or -1 with errno set (EFBIG when too
 * large).  The caller frees *out. */
int jx_read_file(const char *path, size_t max, char **out, size_t *len);

/* Write data to path atomically: write path.tmp.<pid>, fsync, rename.
 * A symbolic link at path is written through: the temporary file goes
 * beside the link's target (jx_out_path), which the rename replaces, so
 * the link stays.  Returns 0, or -1 with errno set (the temporary file
 * is removed; ELOOP or ENOENT for a looping or dangling link). */
int jx_write_file_atomic(const char *path, const void *data, size_t len);

/* Days in month m (1..12) of year y (proleptic Gregorian). */
int jx_days_in_month(int y, int m);

/* Parse exactly "YYYY-MM-DD" from s[0..n): a real date with year
 * 1..9999 into *y, *m, *d; false (nothing written) otherwise. */
bool jx_ymd_parse(const char *s, size_t n, int *y, int *m, int *d);

/* Append s[0..n) to out as UTF-8 that XML 1.0 can carry: an invalid
 * byte or U+FFFE/U+FFFF becomes U+FFFD, other control characters are
 * dropped (tab and newline too unless keep_tab_nl); at most max_chars
 * characters are written (*cut set when more were there; cut may be
 * NULL).  Returns the number of characters replaced or dropped. */
size_t jx_utf8_xml(struct jx_buf *out, const char *s, size_t n,
                   bool keep_tab_nl, size_t max_chars, bool *cut);

/* Optimal string alignment distance of the bytes a[0..n) and b[0..m)
 * (for "did you mean" suggestions); 99 when either is longer than 64. */
size_t jx_edit_distance(const char *a, size_t n, const char *b, size_t m);

#endif
