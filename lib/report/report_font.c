/*
 * report_font.c - a CJK OpenType/CFF font prepared once per process and
 * a per-document CID-keyed CFF subsetter (report_font.h; issue 15,
 * deliver 4, phase 1 of the report layer's own PDF writer).
 *
 * Open: the file is mapped read-only; the TTC header picks the face's
 * table directory; head (unitsPerEm, bbox), hhea + hmtx (advances),
 * OS/2 (typo ascender and descender), cmap (format 12, else format 4)
 * into a 64 K table for the BMP and a sorted group list above it, and
 * the CFF table: the header, Name INDEX, Top DICT (CharStrings,
 * FDSelect, FDArray, ROS), global subrs, FDSelect formats 0 and 3, and
 * for each font dict its Private DICT (defaultWidthX, nominalWidthX,
 * the raw operators to copy) and local subrs.  Every offset and length
 * is checked against the table it lies in before it is read.
 *
 * Glyphs: a glyph's Type 2 charstring is interpreted once (lazily, on
 * its first use) and rewritten flat: every callsubr/callgsubr inlined
 * (bias 107, 1131 or 32768 by the subr count), nesting limited to 10
 * and the argument stack to 48 as the Type 2 specification says, hints
 * (hstem/vstem[hm], the implicit vstem before the first hintmask, the
 * mask bytes, whose length follows the stem count) dropped, the path
 * operators kept with their operands, and the width operand (relative
 * to the font dict's nominalWidthX, which the subset keeps) moved onto
 * the first path operator when it came with a dropped hint.  The result
 * is cached in one growing pool, indexed by glyph, for the process.
 *
 * Subset: per document only headers are written and cached glyphs
 * copied: header, Name, Top DICT (ROS Adobe-Identity-0, CIDCount, the
 * FontMatrix and FontBBox copied; offsets written as 5-byte integers so
 * the layout is known before it is written), String INDEX, an empty
 * global subr INDEX, charset format 2 (CID = glyph index), FDSelect
 * format 3, CharStrings, the FDArray of the dicts used and their
 * Private DICTs without Subrs.
 *
 * Not handled (an error, never a wrong glyph): the deprecated
 * arithmetic and storage operators of Type 2, endchar as seac, CFF2,
 * TrueType outlines.
 */
#include "report/report_font.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FD 256        /* font dicts we accept in an FDArray */
#define CS_STACK 48       /* Type 2 argument stack limit */
#define CS_DEPTH 10       /* Type 2 subr nesting limit */
#define NO_GLYPH UINT32_MAX

/* A CFF INDEX located in the CFF table: count entries whose offsets
 * (offsize bytes each) start at off_at, data after them. */
struct cff_index {
    uint32_t count;
    uint32_t offsize;
    size_t off_at;  /* position of the offset array in the CFF table */
    size_t data_at; /* position of the byte before the first entry */
    size_t end;     /* position after the INDEX */
};

/* One font dict: its Private DICT's bytes (in the CFF table), the
 * widths and the local subrs. */
struct pfont_fd {
    size_t priv_at, priv_len;
    struct cff_index subrs; /* count 0 when none */
    int32_t nominal_w;      /* 16.16 */
    size_t fm_at, fm_len;   /* FontMatrix operator bytes, len 0 if none */
};

/* One format 12 group. */
struct cmap_group {
    uint32_t start, end, gid;
};

struct jx_pfont {
    const uint8_t *data; /* the whole file */
    size_t len;
    void *map;           /* mmap'd region, NULL for _open_mem */
    size_t map_len;
    /* tables */
    const uint8_t *cff;
    size_t cff_len;
    const uint8_t *hmtx;
    size_t hmtx_len;
    unsigned nhmetrics;
    struct jx_pfont_metrics m;
    uint16_t *bmp;          /* 65536 entries */
    struct cmap_group *groups;
    size_t ngroups;
    /* CFF */
    char name[128];
    struct cff_index cs, gsubrs;
    size_t top_at, top_len; /* Top DICT bytes */
    size_t fdsel_at;
    int fdsel_format;
    unsigned nfd;
    struct pfont_fd *fds;
    /* glyph cache */
    pthread_mutex_t lock;
    uint32_t *g_off, *g_len; /* per gid; g_off NO_GLYPH until made */
    struct jx_buf pool;
};

/* ---- reading bytes ------------------------------------------------ */

/* Big-endian 16-bit value at p. */
static uint32_t rd16(const uint8_t *p)
{
    return (uint32_t)p[0] << 8 | p[1];
}

/* Big-endian 32-bit value at p. */
static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
           (uint32_t)p[2] << 8 | p[3];
}

/* Big-endian value of size 1..4 at p. */
static uint32_t rdn(const uint8_t *p, uint32_t n)
{
    uint32_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        v = v << 8 | p[i];
    }
    return v;
}

/* True when [at, at+n) lies within a buffer of len bytes. */
static bool in(size_t at, size_t n, size_t len)
{
    return at <= len && n <= len - at;
}

/* Cut b back to its first len bytes (len <= b->len). */
static void buf_cut(struct jx_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->p[len] = '\0';
    }
}

/* ---- CFF INDEX and DICT ------------------------------------------- */

/* Parse the INDEX at position at of the CFF table into ix; -1 when it
 * does not fit or its offsets are not increasing within it. */
static int index_parse(const uint8_t *c, size_t len, size_t at,
                       struct cff_index *ix)
{
    memset(ix, 0, sizeof *ix);
    if (!in(at, 2, len)) {
        return -1;
    }
    ix->count = rd16(c + at);
    if (ix->count == 0) {
        ix->end = at + 2;
        return 0;
    }
    if (!in(at, 3, len)) {
        return -1;
    }
    ix->offsize = c[at + 2];
    if (ix->offsize < 1 || ix->offsize > 4) {
        return -1;
    }
    ix->off_at = at + 3;
    size_t arr = (size_t)(ix->count + 1) * ix->offsize;
    if (!in(ix->off_at, arr, len)) {
        return -1;
    }
    ix->data_at = ix->off_at + arr - 1;
    uint32_t last = rdn(c + ix->off_at + (size_t)ix->count * ix->offsize,
                        ix->offsize);
    uint32_t first = rdn(c + ix->off_at, ix->offsize);
    if (first != 1 || last < 1 || !in(ix->data_at, last, len)) {
        return -1;
    }
    ix->end = ix->data_at + last;
    return 0;
}

/* Entry i of INDEX ix: its position and length in the CFF table; -1
 * when out of range or its offsets are inconsistent. */
static int index_get(const uint8_t *c, const struct cff_index *ix,
                     uint32_t i, size_t *at, size_t *n)
{
    if (i >= ix->count) {
        return -1;
    }
    const uint8_t *o = c + ix->off_at + (size_t)i * ix->offsize;
    uint32_t a = rdn(o, ix->offsize), b = rdn(o + ix->offsize, ix->offsize);
    if (a < 1 || b < a || ix->data_at + b > ix->end) {
        return -1;
    }
    *at = ix->data_at + a;
    *n = b - a;
    return 0;
}

/* One DICT token: an operator with its integer operands (reals are
 * kept as 0: no operator we read takes one), and where its bytes are. */
struct dict_tok {
    int op;          /* 0..21, or 1200 + second byte for escapes */
    long v[48];
    int nv;
    size_t start, end; /* the token's bytes, operands included */
};

/* Read the next token of the DICT at p[*pos..end) into t; 1 on a token,
 * 0 at the end, -1 on damaged bytes. */
static int dict_next(const uint8_t *p, size_t *pos, size_t end,
                     struct dict_tok *t)
{
    size_t i = *pos;
    t->nv = 0;
    t->start = i;
    if (i >= end) {
        return 0;
    }
    while (i < end) {
        uint8_t b = p[i];
        long v;
        if (b <= 21) {
            if (b == 12) {
                if (i + 1 >= end) {
                    return -1;
                }
                t->op = 1200 + p[i + 1];
                i += 2;
            } else {
                t->op = b;
                i++;
            }
            t->end = i;
            *pos = i;
            return 1;
        } else if (b >= 32 && b <= 246) {
            v = (long)b - 139;
            i++;
        } else if (b >= 247 && b <= 250) {
            if (i + 1 >= end) {
                return -1;
            }
            v = ((long)b - 247) * 256 + p[i + 1] + 108;
            i += 2;
        } else if (b >= 251 && b <= 254) {
            if (i + 1 >= end) {
                return -1;
            }
            v = -((long)b - 251) * 256 - p[i + 1] - 108;
            i += 2;
        } else if (b == 28) {
            if (i + 2 >= end) {
                return -1;
            }
            v = (int16_t)rd16(p + i + 1);
            i += 3;
        } else if (b == 29) {
            if (i + 4 >= end) {
                return -1;
            }
            v = (int32_t)rd32(p + i + 1);
            i += 5;
        } else if (b == 30) {
            i++;
            for (;;) {
                if (i >= end) {
                    return -1;
                }
                uint8_t x = p[i++];
                if ((x & 0x0f) == 0x0f || (x >> 4) == 0x0f) {
                    break;
                }
            }
            v = 0;
        } else {
            return -1;
        }
        if (t->nv >= 48) {
            return -1;
        }
        t->v[t->nv++] = v;
    }
    return -1;
}

/* ---- Type 2 charstrings ------------------------------------------- */

/* Interpreter state for flattening one glyph. */
struct cs_run {
    const struct jx_pfont *f;
    const struct pfont_fd *fd;
    int32_t st[CS_STACK]; /* 16.16 fixed operands */
    int sp;
    unsigned nstems;
    bool cleared;    /* a stack-clearing operator was seen */
    bool have_width; /* a width taken from a dropped hint operator */
    int32_t width;
    bool emitted;    /* an operator was written */
    bool ended;
    struct jx_buf *out;
    const char *err;
};

/* Append the Type 2 encoding of 16.16 value v to out. */
static int cs_num(struct jx_buf *out, int32_t v)
{
    uint8_t b[5];
    size_t n;
    if ((v & 0xffff) == 0) {
        long i = (long)(v / 65536);
        if (i >= -107 && i <= 107) {
            b[0] = (uint8_t)(i + 139);
            n = 1;
        } else if (i >= 108 && i <= 1131) {
            long k = i - 108;
            b[0] = (uint8_t)(k / 256 + 247);
            b[1] = (uint8_t)(k % 256);
            n = 2;
        } else if (i >= -1131 && i <= -108) {
            long k = -i - 108;
            b[0] = (uint8_t)(k / 256 + 251);
            b[1] = (uint8_t)(k % 256);
            n = 2;
        } else {
            uint16_t u = (uint16_t)(int16_t)i;
            b[0] = 28;
            b[1] = (uint8_t)(u >> 8);
            b[2] = (uint8_t)u;
            n = 3;
        }
    } else {
        uint32_t u = (uint32_t)v;
        b[0] = 255;
        b[1] = (uint8_t)(u >> 24);
        b[2] = (uint8_t)(u >> 16);
        b[3] = (uint8_t)(u >> 8);
        b[4] = (uint8_t)u;
        n = 5;
    }
    return jx_buf_add(out, b, n);
}

/* Write the operands on the stack and operator op (escaped when esc)
 * to the output, the width first when it was taken from a dropped hint
 * and this is the first operator written; clear the stack. */
static int cs_emit(struct cs_run *r, int op, bool esc)
{
    if (!r->emitted && r->have_width) {
        if (cs_num(r->out, r->width) < 0) {
            return -1;
        }
    }
    r->emitted = true;
    for (int i = 0; i < r->sp; i++) {
        if (cs_num(r->out, r->st[i]) < 0) {
            return -1;
        }
    }
    r->sp = 0;
    if (esc && jx_buf_addc(r->out, 12) < 0) {
        return -1;
    }
    return jx_buf_addc(r->out, (char)op);
}

/* The subr bias for an INDEX of count subrs. */
static int32_t subr_bias(uint32_t count)
{
    return count < 1240 ? 107 : count < 33900 ? 1131 : 32768;
}

/* Take the width from the stack when this is the first stack-clearing
 * operator and the stack holds one operand more than the operator
 * takes (extra true); the width is then dropped from the stack. */
static void cs_width(struct cs_run *r, bool extra)
{
    if (!r->cleared && extra && r->sp > 0) {
        r->have_width = true;
        r->width = r->st[0];
        memmove(r->st, r->st + 1, (size_t)(r->sp - 1) * sizeof r->st[0]);
        r->sp--;
    }
    r->cleared = true;
}

/* Interpret the charstring p[0..n) at nesting depth; 0 when it ended
 * with return (or ran out inside a subr), 1 when endchar was reached,
 * -1 with r->err set on an error. */
static int cs_exec(struct cs_run *r, const uint8_t *p, size_t n, int depth)
{
    const uint8_t *c = r->f->cff;
    size_t i = 0;
    if (depth > CS_DEPTH) {
        r->err = "subroutine nesting over 10";
        return -1;
    }
    while (i < n) {
        uint8_t b = p[i];
        if (b >= 32 || b == 28) {
            int32_t v;
            if (b <= 246 && b != 28) {
                v = ((int32_t)b - 139) * 65536;
                i++;
            } else if (b >= 247 && b <= 250) {
                if (i + 1 >= n) {
                    goto trunc;
                }
                v = (((int32_t)b - 247) * 256 + p[i + 1] + 108) * 65536;
                i += 2;
            } else if (b >= 251 && b <= 254) {
                if (i + 1 >= n) {
                    goto trunc;
                }
                v = (-((int32_t)b - 251) * 256 - p[i + 1] - 108) * 65536;
                i += 2;
            } else if (b == 28) {
                if (i + 2 >= n) {
                    goto trunc;
                }
                v = (int32_t)(int16_t)rd16(p + i + 1) * 65536;
                i += 3;
            } else { /* 255 */
                if (i + 4 >= n) {
                    goto trunc;
                }
                v = (int32_t)rd32(p + i + 1);
                i += 5;
            }
            if (r->sp >= CS_STACK) {
                r->err = "argument stack over 48";
                return -1;
            }
            r->st[r->sp++] = v;
            continue;
        }
        i++;
        switch (b) {
        case 1:  /* hstem */
        case 3:  /* vstem */
        case 18: /* hstemhm */
        case 23: /* vstemhm */
            cs_width(r, r->sp % 2 == 1);
            r->nstems += (unsigned)r->sp / 2;
            r->sp = 0;
            break;
        case 19: /* hintmask */
        case 20: /* cntrmask */
            cs_width(r, r->sp % 2 == 1);
            r->nstems += (unsigned)r->sp / 2; /* the implicit vstem */
            r->sp = 0;
            {
                size_t mb = (r->nstems + 7) / 8;
                if (mb > n - i) {
                    goto trunc;
                }
                i += mb;
            }
            break;
        case 21: /* rmoveto */
            cs_width(r, r->sp > 2);
            if (cs_emit(r, b, false) < 0) {
                goto nomem;
            }
            break;
        case 22: /* hmoveto */
        case 4:  /* vmoveto */
            cs_width(r, r->sp > 1);
            if (cs_emit(r, b, false) < 0) {
                goto nomem;
            }
            break;
        case 5: case 6: case 7: case 8: case 24: case 25: case 26: case 27:
        case 30: case 31:
            if (!r->cleared) {
                r->err = "path operator before moveto";
                return -1;
            }
            if (cs_emit(r, b, false) < 0) {
                goto nomem;
            }
            break;
        case 14: /* endchar */
            cs_width(r, r->sp == 1 || r->sp == 5);
            if (r->sp != 0) {
                r->err = "endchar with operands (seac) not supported";
                return -1;
            }
            if (cs_emit(r, b, false) < 0) {
                goto nomem;
            }
            r->ended = true;
            return 1;
        case 10: /* callsubr */
        case 29: /* callgsubr */
        {
            const struct cff_index *ix =
                b == 10 ? &r->fd->subrs : &r->f->gsubrs;
            if (r->sp < 1) {
                r->err = "callsubr without an operand";
                return -1;
            }
            int32_t v = r->st[--r->sp];
            if ((v & 0xffff) != 0) {
                r->err = "fractional subr number";
                return -1;
            }
            long k = (long)(v / 65536) + subr_bias(ix->count);
            size_t at, len;
            if (k < 0 || index_get(c, ix, (uint32_t)k, &at, &len) < 0) {
                r->err = "subr number out of range";
                return -1;
            }
            int rc = cs_exec(r, c + at, len, depth + 1);
            if (rc != 0) {
                return rc;
            }
            break;
        }
        case 11: /* return */
            if (depth == 0) {
                r->err = "return outside a subr";
                return -1;
            }
            return 0;
        case 12:
            if (i >= n) {
                goto trunc;
            }
            b = p[i++];
            if (b >= 34 && b <= 37) { /* hflex flex hflex1 flex1 */
                if (!r->cleared) {
                    r->err = "path operator before moveto";
                    return -1;
                }
                if (cs_emit(r, b, true) < 0) {
                    goto nomem;
                }
            } else if (b == 0) { /* dotsection: a hint, dropped */
                r->sp = 0;
            } else {
                r->err = "unsupported charstring operator";
                return -1;
            }
            break;
        default:
            r->err = "unknown charstring operator";
            return -1;
        }
    }
    if (depth == 0) {
        r->err = "charstring without endchar";
        return -1;
    }
    return 0;
trunc:
    r->err = "charstring truncated";
    return -1;
nomem:
    r->err = "out of memory";
    return -1;
}

/* Documented in report_font.h. */
int jx_pfont_flatten(const struct jx_pfont *f, unsigned fd,
                     const uint8_t *cs, size_t n, struct jx_buf *out,
                     const char **err)
{
    struct cs_run r;
    memset(&r, 0, sizeof r);
    if (fd >= f->nfd) {
        *err = "font dict out of range";
        return -1;
    }
    r.f = f;
    r.fd = &f->fds[fd];
    r.out = out;
    size_t len0 = out->len;
    if (cs_exec(&r, cs, n, 0) != 1) {
        *err = r.err ? r.err : "charstring without endchar";
        buf_cut(out, len0);
        return -1;
    }
    return 0;
}

/* The font dict of glyph gid by FDSelect; -1 when damaged. */
static int fd_of(const struct jx_pfont *f, uint32_t gid)
{
    const uint8_t *c = f->cff;
    size_t at = f->fdsel_at;
    unsigned fd;
    if (f->fdsel_format == 0) {
        if (!in(at + 1, (size_t)gid + 1, f->cff_len)) {
            return -1;
        }
        fd = c[at + 1 + gid];
    } else {
        uint32_t nr = rd16(c + at + 1);
        /* ranges of 3 bytes from at+3; binary search on first */
        uint32_t lo = 0, hi = nr;
        while (lo + 1 < hi) {
            uint32_t mid = (lo + hi) / 2;
            if (rd16(c + at + 3 + (size_t)mid * 3) <= gid) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        const uint8_t *rg = c + at + 3 + (size_t)lo * 3;
        uint32_t next = rd16(rg + 3); /* next first, or the sentinel */
        if (rd16(rg) > gid || gid >= next) {
            return -1;
        }
        fd = rg[2];
    }
    return fd < f->nfd ? (int)fd : -1;
}

/* Flatten glyph gid into the cache unless it is there; the caller holds
 * the lock.  -1 with *err. */
static int glyph_make(struct jx_pfont *f, uint32_t gid, const char **err)
{
    if (gid >= f->cs.count) {
        *err = "glyph out of range";
        return -1;
    }
    if (!f->g_off) {
        f->g_off = malloc((size_t)f->cs.count * sizeof *f->g_off);
        f->g_len = malloc((size_t)f->cs.count * sizeof *f->g_len);
        if (!f->g_off || !f->g_len) {
            free(f->g_off);
            free(f->g_len);
            f->g_off = f->g_len = NULL;
            *err = "out of memory";
            return -1;
        }
        memset(f->g_off, 0xff, (size_t)f->cs.count * sizeof *f->g_off);
    }
    if (f->g_off[gid] != NO_GLYPH) {
        return 0;
    }
    size_t at, n;
    int fd = fd_of(f, gid);
    if (fd < 0) {
        *err = "FDSelect damaged";
        return -1;
    }
    if (index_get(f->cff, &f->cs, gid, &at, &n) < 0) {
        *err = "CharStrings INDEX damaged";
        return -1;
    }
    size_t start = f->pool.len;
    if (jx_pfont_flatten(f, (unsigned)fd, f->cff + at, n, &f->pool, err) <
        0) {
        return -1;
    }
    if (f->pool.len > UINT32_MAX - 1) {
        *err = "glyph cache full";
        return -1;
    }
    f->g_off[gid] = (uint32_t)start;
    f->g_len[gid] = (uint32_t)(f->pool.len - start);
    return 0;
}

/* Documented in report_font.h. */
int jx_pfont_glyph(struct jx_pfont *f, uint32_t gid, const uint8_t **cs,
                   size_t *len, const char **err)
{
    pthread_mutex_lock(&f->lock);
    int rc = glyph_make(f, gid, err);
    if (rc == 0) {
        *cs = (const uint8_t *)f->pool.p + f->g_off[gid];
        *len = f->g_len[gid];
    }
    pthread_mutex_unlock(&f->lock);
    return rc;
}

/* Documented in report_font.h. */
int jx_pfont_gsubr(const struct jx_pfont *f, unsigned i, const uint8_t **p,
                   size_t *len)
{
    size_t at;
    if (index_get(f->cff, &f->gsubrs, i, &at, len) < 0) {
        return -1;
    }
    *p = f->cff + at;
    return 0;
}

/* ---- opening ------------------------------------------------------ */

/* Parse the CFF table: header, Name, Top DICT, strings (skipped),
 * global subrs, CharStrings, FDSelect, FDArray and Private DICTs.
 * -1 with *err. */
static int cff_parse(struct jx_pfont *f, const char **err)
{
    const uint8_t *c = f->cff;
    size_t len = f->cff_len;
    struct cff_index names, tops, strings;
    if (len < 4 || c[0] != 1 || c[2] < 4 || c[2] > len) {
        *err = "CFF header damaged";
        return -1;
    }
    if (index_parse(c, len, c[2], &names) < 0 ||
        index_parse(c, len, names.end, &tops) < 0 ||
        index_parse(c, len, tops.end, &strings) < 0 ||
        index_parse(c, len, strings.end, &f->gsubrs) < 0) {
        *err = "CFF INDEX damaged";
        return -1;
    }
    size_t at, n;
    if (index_get(c, &names, 0, &at, &n) < 0 ||
        index_get(c, &tops, 0, &f->top_at, &f->top_len) < 0) {
        *err = "CFF has no font";
        return -1;
    }
    if (n >= sizeof f->name) {
        n = sizeof f->name - 1;
    }
    memcpy(f->name, c + at, n);
    f->name[n] = '\0';
    long cs_at = -1, fdarr_at = -1, fdsel_at = -1;
    bool ros = false;
    struct dict_tok t;
    size_t pos = f->top_at;
    int rc;
    while ((rc = dict_next(c, &pos, f->top_at + f->top_len, &t)) == 1) {
        if (t.op == 17 && t.nv == 1) {
            cs_at = t.v[0];
        } else if (t.op == 1236 && t.nv == 1) {
            fdarr_at = t.v[0];
        } else if (t.op == 1237 && t.nv == 1) {
            fdsel_at = t.v[0];
        } else if (t.op == 1230) {
            ros = true;
        } else if (t.op == 1206 && t.nv >= 1 && t.v[0] != 2) {
            *err = "CharstringType not 2";
            return -1;
        }
    }
    if (rc < 0) {
        *err = "Top DICT damaged";
        return -1;
    }
    if (!ros || cs_at < 0 || fdarr_at < 0 || fdsel_at < 0) {
        *err = "not a CID-keyed CFF font";
        return -1;
    }
    struct cff_index fda;
    if (index_parse(c, len, (size_t)cs_at, &f->cs) < 0 || f->cs.count == 0 ||
        index_parse(c, len, (size_t)fdarr_at, &fda) < 0 || fda.count == 0 ||
        fda.count > MAX_FD) {
        *err = "CharStrings or FDArray damaged";
        return -1;
    }
    f->nfd = fda.count;
    f->fds = calloc(f->nfd, sizeof *f->fds);
    if (!f->fds) {
        *err = "out of memory";
        return -1;
    }
    for (unsigned k = 0; k < f->nfd; k++) {
        struct pfont_fd *fd = &f->fds[k];
        size_t da, dn;
        long psize = -1, poff = -1;
        if (index_get(c, &fda, k, &da, &dn) < 0) {
            *err = "FDArray damaged";
            return -1;
        }
        pos = da;
        while ((rc = dict_next(c, &pos, da + dn, &t)) == 1) {
            if (t.op == 18 && t.nv == 2) {
                psize = t.v[0];
                poff = t.v[1];
            } else if (t.op == 1207) {
                fd->fm_at = t.start;
                fd->fm_len = t.end - t.start;
            }
        }
        if (rc < 0 || psize < 0 || poff < 0 ||
            !in((size_t)poff, (size_t)psize, len)) {
            *err = "Font DICT damaged";
            return -1;
        }
        fd->priv_at = (size_t)poff;
        fd->priv_len = (size_t)psize;
        pos = fd->priv_at;
        long subrs = -1;
        while ((rc = dict_next(c, &pos, fd->priv_at + fd->priv_len, &t)) ==
               1) {
            if (t.op == 19 && t.nv == 1) {
                subrs = t.v[0];
            } else if (t.op == 21 && t.nv == 1) {
                fd->nominal_w = (int32_t)(t.v[0] * 65536);
            }
        }
        if (rc < 0 || (subrs >= 0 &&
                       index_parse(c, len, fd->priv_at + (size_t)subrs,
                                   &fd->subrs) < 0)) {
            *err = "Private DICT damaged";
            return -1;
        }
    }
    /* FDSelect: check its shape once so that fd_of may read freely */
    f->fdsel_at = (size_t)fdsel_at;
    if (!in(f->fdsel_at, 1, len)) {
        *err = "FDSelect damaged";
        return -1;
    }
    f->fdsel_format = c[f->fdsel_at];
    if (f->fdsel_format == 0) {
        if (!in(f->fdsel_at + 1, f->cs.count, len)) {
            *err = "FDSelect damaged";
            return -1;
        }
    } else if (f->fdsel_format == 3) {
        if (!in(f->fdsel_at + 1, 2, len)) {
            *err = "FDSelect damaged";
            return -1;
        }
        uint32_t nr = rd16(c + f->fdsel_at + 1);
        if (nr == 0 || !in(f->fdsel_at + 3, (size_t)nr * 3 + 2, len) ||
            rd16(c + f->fdsel_at + 3) != 0 ||
            rd16(c + f->fdsel_at + 3 + (size_t)nr * 3) != f->cs.count) {
            *err = "FDSelect damaged";
            return -1;
        }
        uint32_t prev = 0;
        for (uint32_t k = 1; k <= nr; k++) {
            uint32_t first = rd16(c + f->fdsel_at + 3 + (size_t)k * 3);
            if (first <= prev && k > 1) {
                *err = "FDSelect damaged";
                return -1;
            }
            prev = first;
        }
    } else {
        *err = "FDSelect format not supported";
        return -1;
    }
    f->m.nglyphs = f->cs.count;
    return 0;
}

/* Build the cmap lookups from subtable (format 4 or 12) at st of the
 * cmap table t[0..tn). -1 when damaged. */
static int cmap_load(struct jx_pfont *f, const uint8_t *t, size_t tn,
                     size_t st)
{
    f->bmp = calloc(65536, sizeof *f->bmp);
    if (!f->bmp || !in(st, 2, tn)) {
        return -1;
    }
    uint32_t fmt = rd16(t + st);
    if (fmt == 12) {
        if (!in(st, 16, tn)) {
            return -1;
        }
        uint32_t ng = rd32(t + st + 12);
        if (ng > (tn - st - 16) / 12) {
            return -1;
        }
        f->groups = malloc((ng ? ng : 1) * sizeof *f->groups);
        if (!f->groups) {
            return -1;
        }
        for (uint32_t k = 0; k < ng; k++) {
            const uint8_t *g = t + st + 16 + (size_t)k * 12;
            struct cmap_group gr = {rd32(g), rd32(g + 4), rd32(g + 8)};
            if (gr.end < gr.start || gr.end > 0x10ffff ||
                (k > 0 && gr.start <= f->groups[k - 1].end)) {
                return -1;
            }
            f->groups[k] = gr;
            for (uint32_t cp = gr.start; cp <= gr.end && cp < 65536; cp++) {
                uint32_t gid = gr.gid + (cp - gr.start);
                f->bmp[cp] = gid < f->cs.count ? (uint16_t)gid : 0;
            }
        }
        f->ngroups = ng;
        return 0;
    }
    if (fmt != 4 || !in(st, 14, tn)) {
        return -1;
    }
    size_t sl = rd16(t + st + 2);
    uint32_t segx2 = rd16(t + st + 6);
    if (sl < 16 + (size_t)segx2 * 4 || !in(st, sl, tn) || segx2 % 2) {
        return -1;
    }
    const uint8_t *ends = t + st + 14, *starts = ends + segx2 + 2,
                  *deltas = starts + segx2, *ranges = deltas + segx2;
    for (uint32_t s = 0; s < segx2 / 2; s++) {
        uint32_t e = rd16(ends + s * 2), b = rd16(starts + s * 2);
        uint32_t d = rd16(deltas + s * 2), ro = rd16(ranges + s * 2);
        for (uint32_t cp = b; cp <= e && e != 0xffff; cp++) {
            uint32_t gid;
            if (ro == 0) {
                gid = (cp + d) & 0xffff;
            } else {
                size_t ga = (size_t)(ranges + s * 2 - t) + ro +
                            (size_t)(cp - b) * 2;
                if (!in(ga, 2, st + sl)) {
                    return -1;
                }
                gid = rd16(t + ga);
                if (gid) {
                    gid = (gid + d) & 0xffff;
                }
            }
            f->bmp[cp] = gid < f->cs.count ? (uint16_t)gid : 0;
        }
    }
    return 0;
}

/* Replace f->name by the face's PostScript name (name table, name ID
 * 6, Windows UTF-16BE or Macintosh Roman, printable ASCII only) when it
 * has one: a TTC's faces share one CFF table and its one name. */
static void ps_name(struct jx_pfont *f, const uint8_t *t, size_t tn)
{
    if (!t || tn < 6) {
        return;
    }
    uint32_t count = rd16(t + 2), strs = rd16(t + 4);
    if (!in(6, (size_t)count * 12, tn)) {
        return;
    }
    for (uint32_t k = 0; k < count; k++) {
        const uint8_t *r = t + 6 + (size_t)k * 12;
        uint32_t pid = rd16(r), eid = rd16(r + 2), nid = rd16(r + 6);
        size_t len = rd16(r + 8), at = (size_t)strs + rd16(r + 10);
        bool wide = pid == 3 && eid == 1;
        if (nid != 6 || !(wide || pid == 1) || !in(at, len, tn)) {
            continue;
        }
        char buf[sizeof f->name];
        size_t n = 0, step = wide ? 2 : 1;
        bool ok = len > 0;
        for (size_t i = 0; ok && i + step <= len; i += step) {
            uint32_t ch = wide ? rd16(t + at + i) : t[at + i];
            if (ch <= 0x20 || ch >= 0x7f || n + 1 >= sizeof buf ||
                strchr("[](){}<>/%", (int)ch)) {
                ok = false;
            } else {
                buf[n++] = (char)ch;
            }
        }
        if (ok) {
            memcpy(f->name, buf, n);
            f->name[n] = '\0';
            return;
        }
    }
}

/* Parse the face: table directory, head, hhea, hmtx, OS/2, CFF, cmap.
 * -1 with *err. */
static int face_parse(struct jx_pfont *f, unsigned face, const char **err)
{
    const uint8_t *d = f->data;
    size_t len = f->len, dir = 0;
    if (len < 12) {
        *err = "not a font file";
        return -1;
    }
    if (memcmp(d, "ttcf", 4) == 0) {
        uint32_t nf = rd32(d + 8);
        if (face >= nf || !in(12, ((size_t)face + 1) * 4, len)) {
            *err = "face not in the collection";
            return -1;
        }
        dir = rd32(d + 12 + (size_t)face * 4);
    } else if (face != 0) {
        *err = "face not in the collection";
        return -1;
    }
    if (!in(dir, 12, len) || rd32(d + dir) != 0x4f54544fu) { /* OTTO */
        *err = "not an OpenType font with CFF outlines";
        return -1;
    }
    uint32_t nt = rd16(d + dir + 4);
    if (!in(dir + 12, (size_t)nt * 16, len)) {
        *err = "table directory damaged";
        return -1;
    }
    const uint8_t *head = NULL, *hhea = NULL, *os2 = NULL, *cmap = NULL,
                  *name = NULL;
    size_t head_n = 0, hhea_n = 0, os2_n = 0, cmap_n = 0, name_n = 0;
    for (uint32_t k = 0; k < nt; k++) {
        const uint8_t *r = d + dir + 12 + (size_t)k * 16;
        uint32_t off = rd32(r + 8), n = rd32(r + 12);
        if (!in(off, n, len)) {
            *err = "table outside the file";
            return -1;
        }
        if (memcmp(r, "head", 4) == 0) {
            head = d + off, head_n = n;
        } else if (memcmp(r, "hhea", 4) == 0) {
            hhea = d + off, hhea_n = n;
        } else if (memcmp(r, "hmtx", 4) == 0) {
            f->hmtx = d + off, f->hmtx_len = n;
        } else if (memcmp(r, "OS/2", 4) == 0) {
            os2 = d + off, os2_n = n;
        } else if (memcmp(r, "cmap", 4) == 0) {
            cmap = d + off, cmap_n = n;
        } else if (memcmp(r, "CFF ", 4) == 0) {
            f->cff = d + off, f->cff_len = n;
        } else if (memcmp(r, "name", 4) == 0) {
            name = d + off, name_n = n;
        }
    }
    if (!head || head_n < 54 || !hhea || hhea_n < 36 || !f->hmtx || !cmap ||
        !f->cff) {
        *err = "a required table is missing or short";
        return -1;
    }
    f->m.units_per_em = rd16(head + 18);
    for (int k = 0; k < 4; k++) {
        f->m.bbox[k] = (int16_t)rd16(head + 36 + k * 2);
    }
    f->nhmetrics = rd16(hhea + 34);
    if (f->m.units_per_em == 0 || f->nhmetrics == 0 ||
        (size_t)f->nhmetrics * 4 > f->hmtx_len) {
        *err = "head or hhea damaged";
        return -1;
    }
    f->m.ascender = (int16_t)rd16(hhea + 4);
    f->m.descender = (int16_t)rd16(hhea + 6);
    f->m.line_ascender = f->m.ascender;
    f->m.line_descender = f->m.descender;
    f->m.line_gap = (int16_t)rd16(hhea + 8);
    if (os2 && os2_n >= 72) {
        f->m.ascender = (int16_t)rd16(os2 + 68);
        f->m.descender = (int16_t)rd16(os2 + 70);
    }
    if (cff_parse(f, err) < 0) {
        return -1;
    }
    ps_name(f, name, name_n);
    /* cmap: Windows UCS-4 (3,10) or Unicode full (0,4/6) format 12
     * first, else a BMP subtable (3,1) or (0,x) format 4 */
    if (cmap_n < 4) {
        *err = "cmap damaged";
        return -1;
    }
    uint32_t ns = rd16(cmap + 2);
    if (!in(4, (size_t)ns * 8, cmap_n)) {
        *err = "cmap damaged";
        return -1;
    }
    size_t best = 0;
    int best_rank = 0;
    for (uint32_t k = 0; k < ns; k++) {
        const uint8_t *r = cmap + 4 + k * 8;
        uint32_t pid = rd16(r), eid = rd16(r + 2), off = rd32(r + 4);
        if (!in(off, 2, cmap_n)) {
            *err = "cmap damaged";
            return -1;
        }
        uint32_t fmt = rd16(cmap + off);
        int rank = 0;
        if (fmt == 12 && (pid == 0 || (pid == 3 && eid == 10))) {
            rank = 2;
        } else if (fmt == 4 && (pid == 0 || (pid == 3 && eid == 1))) {
            rank = 1;
        }
        if (rank > best_rank) {
            best_rank = rank;
            best = off;
        }
    }
    if (best_rank == 0 || cmap_load(f, cmap, cmap_n, best) < 0) {
        *err = "cmap damaged or without Unicode";
        return -1;
    }
    return 0;
}

/* Documented in report_font.h. */
struct jx_pfont *jx_pfont_open_mem(const void *data, size_t len,
                                   unsigned face_index, const char **err)
{
    struct jx_pfont *f = calloc(1, sizeof *f);
    if (!f) {
        *err = "out of memory";
        return NULL;
    }
    f->data = data;
    f->len = len;
    pthread_mutex_init(&f->lock, NULL);
    jx_buf_init(&f->pool, (size_t)UINT32_MAX - 1);
    if (face_parse(f, face_index, err) < 0) {
        jx_pfont_free(f);
        return NULL;
    }
    return f;
}

/* Documented in report_font.h. */
struct jx_pfont *jx_pfont_open(const char *path, unsigned face_index,
                               const char **err)
{
    int fdes = open(path, O_RDONLY | O_CLOEXEC);
    if (fdes < 0) {
        *err = "cannot open the font file";
        return NULL;
    }
    struct stat sb;
    if (fstat(fdes, &sb) < 0 || sb.st_size <= 0) {
        close(fdes);
        *err = "cannot read the font file";
        return NULL;
    }
    size_t n = (size_t)sb.st_size;
    void *m = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fdes, 0);
    close(fdes);
    if (m == MAP_FAILED) {
        *err = "cannot map the font file";
        return NULL;
    }
    struct jx_pfont *f = jx_pfont_open_mem(m, n, face_index, err);
    if (!f) {
        munmap(m, n);
        return NULL;
    }
    f->map = m;
    f->map_len = n;
    return f;
}

/* Documented in report_font.h. */
void jx_pfont_free(struct jx_pfont *f)
{
    if (!f) {
        return;
    }
    free(f->bmp);
    free(f->groups);
    free(f->fds);
    free(f->g_off);
    free(f->g_len);
    jx_buf_release(&f->pool);
    pthread_mutex_destroy(&f->lock);
    if (f->map) {
        munmap(f->map, f->map_len);
    }
    free(f);
}

/* ---- lookups ------------------------------------------------------ */

/* Documented in report_font.h. */
uint32_t jx_pfont_gid(const struct jx_pfont *f, uint32_t cp)
{
    if (cp < 65536) {
        return f->bmp[cp];
    }
    size_t lo = 0, hi = f->ngroups;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (f->groups[mid].end < cp) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo < f->ngroups && f->groups[lo].start <= cp) {
        uint32_t gid = f->groups[lo].gid + (cp - f->groups[lo].start);
        return gid < f->cs.count ? gid : 0;
    }
    return 0;
}

/* Documented in report_font.h. */
unsigned jx_pfont_advance(const struct jx_pfont *f, uint32_t gid)
{
    if (gid >= f->cs.count) {
        return 0;
    }
    uint32_t k = gid < f->nhmetrics ? gid : f->nhmetrics - 1;
    return rd16(f->hmtx + (size_t)k * 4);
}

/* Documented in report_font.h. */
struct jx_pfont_metrics jx_pfont_metrics(const struct jx_pfont *f)
{
    return f->m;
}

/* Documented in report_font.h. */
const char *jx_pfont_name(const struct jx_pfont *f)
{
    return f->name;
}

/* ---- the subset --------------------------------------------------- */

/* Append big-endian value v of n bytes. */
static int put_n(struct jx_buf *b, uint32_t v, unsigned n)
{
    uint8_t x[4];
    for (unsigned i = 0; i < n; i++) {
        x[i] = (uint8_t)(v >> (8 * (n - 1 - i)));
    }
    return jx_buf_add(b, x, n);
}

/* Append a DICT integer operand in its shortest form, or always as a
 * 5-byte integer when fixed (so a DICT's size is known in advance). */
static int dict_int(struct jx_buf *b, long v, bool fixed)
{
    uint8_t x[5];
    size_t n;
    if (!fixed && v >= -107 && v <= 107) {
        x[0] = (uint8_t)(v + 139);
        n = 1;
    } else if (!fixed && v >= 108 && v <= 1131) {
        x[0] = (uint8_t)((v - 108) / 256 + 247);
        x[1] = (uint8_t)((v - 108) % 256);
        n = 2;
    } else {
        uint32_t u = (uint32_t)v;
        x[0] = 29;
        x[1] = (uint8_t)(u >> 24);
        x[2] = (uint8_t)(u >> 16);
        x[3] = (uint8_t)(u >> 8);
        x[4] = (uint8_t)u;
        n = 5;
    }
    return jx_buf_add(b, x, n);
}

/* Append an operator (op >= 1200 is escaped). */
static int dict_op(struct jx_buf *b, int op)
{
    if (op >= 1200) {
        return put_n(b, (uint32_t)(12 << 8 | (op - 1200)), 2);
    }
    return jx_buf_addc(b, (char)op);
}

/* Smallest offset size for offsets up to v. */
static unsigned off_size(size_t v)
{
    return v < 0x100 ? 1 : v < 0x10000 ? 2 : v < 0x1000000 ? 3 : 4;
}

/* Append the header of an INDEX of count entries whose lengths are
 * given by len_of(ctx, i); its data follows (written by the caller). */
static int index_head(struct jx_buf *b, uint32_t count, size_t total,
                      size_t (*len_of)(const void *, uint32_t),
                      const void *ctx)
{
    if (put_n(b, count, 2) < 0) {
        return -1;
    }
    if (count == 0) {
        return 0;
    }
    unsigned os = off_size(total + 1);
    if (put_n(b, os, 1) < 0) {
        return -1;
    }
    size_t o = 1;
    for (uint32_t i = 0; i <= count; i++) {
        if (put_n(b, (uint32_t)o, os) < 0) {
            return -1;
        }
        if (i < count) {
            o += len_of(ctx, i);
        }
    }
    return 0;
}

/* Size of an INDEX header for count entries and total data bytes. */
static size_t index_head_size(uint32_t count, size_t total)
{
    return count == 0 ? 2 : 3 + (size_t)(count + 1) * off_size(total + 1);
}

/* Context of the CharStrings INDEX writer. */
struct cs_ctx {
    const struct jx_pfont *f;
    const uint32_t *gids;
};

/* Length of charstring i of the subset (0 is .notdef). */
static size_t cs_len_of(const void *ctx, uint32_t i)
{
    const struct cs_ctx *x = ctx;
    uint32_t g = i == 0 ? 0 : x->gids[i - 1];
    return x->f->g_len[g];
}

/* Length of the one entry of a single-entry INDEX (ctx: size_t). */
static size_t one_len(const void *ctx, uint32_t i)
{
    (void)i;
    return *(const size_t *)ctx;
}

/* Lengths of the FDArray's Font DICTs (ctx: size_t array). */
static size_t arr_len(const void *ctx, uint32_t i)
{
    return ((const size_t *)ctx)[i];
}

/* Length of a Private DICT without its Subrs operator. */
static size_t priv_size(const struct jx_pfont *f, const struct pfont_fd *fd)
{
    size_t pos = fd->priv_at, n = 0;
    struct dict_tok t;
    while (dict_next(f->cff, &pos, fd->priv_at + fd->priv_len, &t) == 1) {
        if (t.op != 19) {
            n += t.end - t.start;
        }
    }
    return n;
}

/* Write the subset (the lock held, every glyph cached). */
static int subset_write(struct jx_pfont *f, const uint32_t *gids, size_t n,
                        struct jx_buf *out)
{
    const uint8_t *c = f->cff;
    int fdmap[MAX_FD];
    unsigned used[MAX_FD], nused = 0;
    for (unsigned k = 0; k < f->nfd; k++) {
        fdmap[k] = -1;
    }
    uint8_t *newfd = malloc(n + 1);
    if (!newfd) {
        return -1;
    }
    size_t cs_total = 0, nranges = 0;
    for (size_t i = 0; i <= n; i++) {
        uint32_t g = i == 0 ? 0 : gids[i - 1];
        int fd = fd_of(f, g); /* valid: the glyph was flattened */
        if (fdmap[fd] < 0) {
            fdmap[fd] = (int)nused;
            used[nused++] = (unsigned)fd;
        }
        newfd[i] = (uint8_t)fdmap[fd];
        if (i == 0 || newfd[i] != newfd[i - 1]) {
            nranges++;
        }
        cs_total += f->g_len[g];
    }
    /* Top DICT: its size first (offsets are fixed 5-byte integers) */
    struct dict_tok t;
    size_t pos = f->top_at, copy_n = 0;
    while (dict_next(c, &pos, f->top_at + f->top_len, &t) == 1) {
        if (t.op == 1207 || t.op == 5) { /* FontMatrix, FontBBox */
            copy_n += t.end - t.start;
        }
    }
    static const char s_adobe[] = "Adobe", s_ident[] = "Identity";
    /* ROS: 391 392 0 (2 + 2 + 1 bytes + 2), CIDCount 5 + 2,
     * charset 5 + 1, FDSelect 5 + 2, CharStrings 5 + 1, FDArray 5 + 2 */
    size_t top_n = 7 + 7 + 6 + 7 + 6 + 7 + copy_n;
    size_t name_n = strlen(f->name);
    size_t str_lens[2] = {sizeof s_adobe - 1, sizeof s_ident - 1};
    size_t at = 4 + index_head_size(1, name_n) + name_n +
                index_head_size(1, top_n) + top_n +
                index_head_size(2, str_lens[0] + str_lens[1]) +
                str_lens[0] + str_lens[1] + 2;
    size_t charset_at = at;
    at += n > 0 ? 5 : 1;
    size_t fdsel_at = at;
    at += 5 + nranges * 3;
    size_t cs_at = at;
    at += index_head_size((uint32_t)n + 1, cs_total) + cs_total;
    size_t fdarr_at = at;
    size_t fd_lens[MAX_FD], fd_total = 0, pv_lens[MAX_FD];
    for (unsigned k = 0; k < nused; k++) {
        const struct pfont_fd *fd = &f->fds[used[k]];
        fd_lens[k] = 11 + fd->fm_len;
        fd_total += fd_lens[k];
        pv_lens[k] = priv_size(f, fd);
    }
    at += index_head_size(nused, fd_total) + fd_total;
    size_t priv_at = at;
    size_t len0 = out->len;
    int rc = -1;

    /* header, Name INDEX */
    if (put_n(out, 0x01000404u, 4) < 0 ||
        index_head(out, 1, name_n, one_len, &name_n) < 0 ||
        jx_buf_add(out, f->name, name_n) < 0 ||
        index_head(out, 1, top_n, one_len, &top_n) < 0) {
        goto done;
    }
    /* Top DICT */
    size_t top0 = out->len;
    if (dict_int(out, 391, false) < 0 || dict_int(out, 392, false) < 0 ||
        dict_int(out, 0, false) < 0 || dict_op(out, 1230) < 0 ||
        dict_int(out, (long)n + 1, true) < 0 || dict_op(out, 1234) < 0 ||
        dict_int(out, (long)charset_at, true) < 0 || dict_op(out, 15) < 0 ||
        dict_int(out, (long)fdsel_at, true) < 0 || dict_op(out, 1237) < 0 ||
        dict_int(out, (long)cs_at, true) < 0 || dict_op(out, 17) < 0 ||
        dict_int(out, (long)fdarr_at, true) < 0 || dict_op(out, 1236) < 0) {
        goto done;
    }
    pos = f->top_at;
    while (dict_next(c, &pos, f->top_at + f->top_len, &t) == 1) {
        if ((t.op == 1207 || t.op == 5) &&
            jx_buf_add(out, c + t.start, t.end - t.start) < 0) {
            goto done;
        }
    }
    if (out->len - top0 != top_n) {
        goto done;
    }
    /* String INDEX, global subrs (none) */
    if (index_head(out, 2, str_lens[0] + str_lens[1], arr_len, str_lens) <
            0 ||
        jx_buf_adds(out, s_adobe) < 0 || jx_buf_adds(out, s_ident) < 0 ||
        put_n(out, 0, 2) < 0) {
        goto done;
    }
    /* charset: format 2, CIDs 1..n for glyphs 1..n */
    if (put_n(out, n > 0 ? 2 : 0, 1) < 0 ||
        (n > 0 && (put_n(out, 1, 2) < 0 || put_n(out, (uint32_t)n - 1, 2) <
                                                0))) {
        goto done;
    }
    /* FDSelect format 3 */
    if (out->len - len0 != fdsel_at || put_n(out, 3, 1) < 0 ||
        put_n(out, (uint32_t)nranges, 2) < 0) {
        goto done;
    }
    for (size_t i = 0; i <= n; i++) {
        if ((i == 0 || newfd[i] != newfd[i - 1]) &&
            (put_n(out, (uint32_t)i, 2) < 0 || put_n(out, newfd[i], 1) < 0)) {
            goto done;
        }
    }
    if (put_n(out, (uint32_t)n + 1, 2) < 0) {
        goto done;
    }
    /* CharStrings */
    struct cs_ctx cx = {f, gids};
    if (out->len - len0 != cs_at ||
        index_head(out, (uint32_t)n + 1, cs_total, cs_len_of, &cx) < 0) {
        goto done;
    }
    for (size_t i = 0; i <= n; i++) {
        uint32_t g = i == 0 ? 0 : gids[i - 1];
        if (jx_buf_add(out, f->pool.p + f->g_off[g], f->g_len[g]) < 0) {
            goto done;
        }
    }
    /* FDArray: Private DICT size and offset, FontMatrix copied */
    if (out->len - len0 != fdarr_at ||
        index_head(out, nused, fd_total, arr_len, fd_lens) < 0) {
        goto done;
    }
    size_t po = priv_at;
    for (unsigned k = 0; k < nused; k++) {
        const struct pfont_fd *fd = &f->fds[used[k]];
        if (dict_int(out, (long)pv_lens[k], true) < 0 ||
            dict_int(out, (long)po, true) < 0 || dict_op(out, 18) < 0 ||
            jx_buf_add(out, c + fd->fm_at, fd->fm_len) < 0) {
            goto done;
        }
        po += pv_lens[k];
    }
    /* Private DICTs without Subrs */
    if (out->len - len0 != priv_at) {
        goto done;
    }
    for (unsigned k = 0; k < nused; k++) {
        const struct pfont_fd *fd = &f->fds[used[k]];
        pos = fd->priv_at;
        while (dict_next(c, &pos, fd->priv_at + fd->priv_len, &t) == 1) {
            if (t.op != 19 &&
                jx_buf_add(out, c + t.start, t.end - t.start) < 0) {
                goto done;
            }
        }
    }
    rc = 0;
done:
    free(newfd);
    if (rc < 0) {
        buf_cut(out, len0);
    }
    return rc;
}

/* Documented in report_font.h. */
int jx_pfont_subset(struct jx_pfont *f, const uint32_t *gids, size_t n,
                    struct jx_buf *out, const char **err)
{
    if (n > 65534) {
        *err = "too many glyphs for one subset";
        return -1;
    }
    pthread_mutex_lock(&f->lock);
    int rc = glyph_make(f, 0, err);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = glyph_make(f, gids[i], err);
    }
    if (rc == 0 && subset_write(f, gids, n, out) < 0) {
        *err = "out of memory or subset inconsistent";
        rc = -1;
    }
    pthread_mutex_unlock(&f->lock);
    return rc;
}
