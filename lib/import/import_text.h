/*
 * import_text.h - private interface of the text importer (import_text.c,
 * import_text_fix.c, import_text_grid.c): the repairs applied to text
 * recovered from Word and PDF flattenings, the kinds of cell text used
 * to line rows up, and the row alignment of PDF tables.
 *
 * The repair functions append to a struct jx_buf owned by the caller and
 * never change the input.  They are deterministic and idempotent: a
 * repaired text repairs to itself.
 */
#ifndef JIXIAO_IMPORT_TEXT_H
#define JIXIAO_IMPORT_TEXT_H

#include "jixiao/base.h"

/* What jx_text_fix repairs (flags) and what it did (its result). */
enum {
    JX_FIX_MARKUP = 1, /* converter marks: [bookmark: …], [image: …],
                          <p>…</p>, <br> (paragraph breaks become '\n') */
    JX_FIX_LATEX = 2,  /* $\geq 95\%$ → ≥95% */
    JX_FIX_SPACED = 4, /* spaced-out CJK collapsed (jx_text_collapse_cjk) */
    JX_FIX_NUMBER = 8, /* a split number joined (jx_text_repair_number) */
    JX_FIX_SIGNS = 16  /* look-alike signs made ordinary (═ → =) */
};

/* Append s[0..n) to out with the repairs `flags` asks for, trimmed of
 * surrounding blanks (each line of it, when markup made several).
 * Returns the repairs made (JX_FIX_* bits, 0 for none), or -1 when out
 * hit its cap. */
int jx_text_fix(struct jx_buf *out, const char *s, size_t n, unsigned flags);

/* True when paragraph text ending a[0..an) and the next paragraph line
 * b[0..bn) are one number split across the break: "95." + "10%…" or
 * "95.10" + "%…" (number tokens standing alone); join them without a
 * blank.  Other splits are never guessed. */
bool jx_text_number_split(const char *a, size_t an, const char *b, size_t bn);

/*
 * Append s[0..n) to out with spaced-out CJK collapsed, line by line,
 * when the spacing pattern is clear:
 *  - characters spaced one by one ("人 员 管 理", "部 门(单 位)本 年 度",
 *    "年 度 预 算 申 请 (万 元 )"): single spaces between CJK
 *    characters (and before an ASCII bracket) are dropped when spaced
 *    pairs outnumber adjacent ideograph pairs four to one;
 *  - a narrow column wrapped every few characters ("息的收集 核查、比
 *    对整理工 作", "满意度指 标", "年度 总体 目标"): words of CJK only,
 *    all but the last of equal length (±1), the last no longer.
 * Anything else is copied unchanged.  Returns 1 when something was
 * collapsed, 0 when not, -1 when out hit its cap.
 */
int jx_text_collapse_cjk(struct jx_buf *out, const char *s, size_t n);

/* If s[0..n) is one number split by stray spaces or a doubled point
 * ("5,950,600. 00", "5,940,282. .83", "5,940,282.8 3") and the repair
 * is unambiguous (thousands groups, or a space or "." run next to the
 * point), append the joined number to out and return 1; else append
 * nothing and return 0 (-1 when out hit its cap). */
int jx_text_repair_number(struct jx_buf *out, const char *s, size_t n);

/* Append s[0..n) to out with each inline formula $…$ made of known
 * operators (\geq \leq \neq \times \div \pm \approx \lt \gt \sim \cdot,
 * escaped \% \{ \} \$) turned into plain text ("$\geq 95\%$" → "≥95%").
 * A formula with an unknown command is copied unchanged.  Returns 1 when
 * a formula was converted, 0 when not, -1 when out hit its cap. */
int jx_text_unlatex(struct jx_buf *out, const char *s, size_t n);

/* Append s[0..n) to out with "═" made "=" ("≧" "≦" are kept: the model
 * reads them as ≥ ≤).  Returns 1 when a sign was replaced, 0 when not,
 * -1 when out hit its cap. */
int jx_text_unify_signs(struct jx_buf *out, const char *s, size_t n);

/* Append s[0..n) to out without converter marks: "[bookmark: x]" and
 * "[image: x]" are dropped, "<p>" dropped, "</p>" and "<br>" ("<br/>",
 * "<br />") become '\n'.  Returns 1 when a mark was dropped, 0 when not,
 * -1 when out hit its cap. */
int jx_text_strip_markup(struct jx_buf *out, const char *s, size_t n);

/* Kinds of cell text, for lining up rows of PDF tables. */
enum jx_cellkind {
    JX_CK_EMPTY = 0, /* "" */
    JX_CK_VALUE,     /* a number, amount, rate, target value ("15人",
                        "≥95%", "5,950,600.00", "2023年12月20日完成") or a
                        value word (不适用, /, 无, 明显, 及时 …) */
    JX_CK_SHORT,     /* other text of at most 12 code points */
    JX_CK_LONG       /* longer text */
};

/* The kind of s[0..n) (already trimmed). */
enum jx_cellkind jx_text_cellkind(const char *s, size_t n);

/* Most columns a table may have for rows to be lined up (wider tables
 * are left as they are). */
#define JX_ALIGN_MAXCOLS 64

/* Recent rows of a table, by column kind, for jx_text_align. */
struct jx_align_profile {
    int ncols;                                /* columns seen (<= MAXCOLS) */
    int nrows;                                /* rows in the window */
    int next;                                 /* ring position */
    unsigned char kinds[8][JX_ALIGN_MAXCOLS]; /* last 8 rows' kinds */
};

/* Add a placed row (kinds[0..n), n <= JX_ALIGN_MAXCOLS) to the window. */
void jx_align_note(struct jx_align_profile *p, const unsigned char *kinds,
                   int n);

/*
 * Line up a row of m cells (kinds[0..m), the last one non-empty) that
 * is shorter than the table's width w (m < w <= JX_ALIGN_MAXCOLS): PDF
 * converters drop the empty cells of vertically merged columns, so
 * such a row often belongs further right.  Finds the placement (cells
 * in order, strictly increasing columns) whose kinds best match the
 * recent rows of p and stores it in pos[0..m).  Returns 1 when that
 * placement is clearly better than leaving the row where it is (pos
 * then differs from 0..m-1), else 0 (pos is 0..m-1).  Needs at least 3
 * rows in p and 3 non-empty cells; otherwise returns 0.
 */
int jx_text_align(const struct jx_align_profile *p, int w,
                  const unsigned char *kinds, int m, int *pos);

#endif
