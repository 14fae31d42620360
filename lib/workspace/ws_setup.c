/*
 * ws_setup.c - the workspace's setup records (include/jixiao/workspace.h):
 * units from a CSV or a sheet's table, the year's settings, users, and
 * the backup and restore of a SQLite workspace as one ZIP archive.
 *
 * Every change is one transaction: a refused input writes nothing.  The
 * table and unit strings live in the caller's arena; the store and the
 * diagnostics are the caller's.
 */
#include "jixiao/workspace.h"
#include "jixiao/wsflow.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "jixiao/framework.h"
#include "jixiao/store.h"

/* ---- tables --------------------------------------------------------- */

/* Append an empty row at loc to t (arena-grown). */
struct jx_ws_row *jx_ws_table_row(struct jx_arena *a, struct jx_ws_table *t,
                                  const struct jx_loc *loc)
{
    if (t->n == t->cap) {
        t->rows = jx_arena_grow(a, t->rows, t->n, &t->cap, sizeof *t->rows);
    }
    struct jx_ws_row *r = &t->rows[t->n++];
    memset(r, 0, sizeof *r);
    if (loc) {
        r->loc = *loc;
    }
    return r;
}

/* Length of the blank (ASCII blank or U+3000) at s[0..n), or 0. */
static size_t blank_at(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' ||
                   s[0] == '\n')) {
        return 1;
    }
    if (n >= 3 && (unsigned char)s[0] == 0xE3 &&
        (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x80) {
        return 3;
    }
    return 0;
}

/* Length of a blank ending at s[n), or 0. */
static size_t blank_before(const char *s, size_t n)
{
    if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
                   s[n - 1] == '\n')) {
        return 1;
    }
    if (n >= 3 && (unsigned char)s[n - 3] == 0xE3 &&
        (unsigned char)s[n - 2] == 0x80 && (unsigned char)s[n - 1] == 0x80) {
        return 3;
    }
    return 0;
}

/* Append a trimmed copy of text[0..len) at loc to row r. */
void jx_ws_row_cell(struct jx_arena *a, struct jx_ws_row *r, const char *text,
                    size_t len, const struct jx_loc *loc)
{
    size_t k;
    while ((k = blank_at(text, len)) > 0) {
        text += k;
        len -= k;
    }
    while ((k = blank_before(text, len)) > 0) {
        len -= k;
    }
    /* rows are short: grow by copying */
    struct jx_ws_cell *c = jx_alloc_array(a, r->n + 1, sizeof *c);
    if (r->n) {
        memcpy(c, r->cells, r->n * sizeof *c);
    }
    c[r->n].text = jx_strndup(a, text, len);
    if (loc) {
        c[r->n].loc = *loc;
    }
    r->cells = c;
    r->n++;
}

/* Whether s[0..n) is well-formed UTF-8 (no overlongs, no surrogates). */
static bool utf8_ok(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            k = 1;
            min = 0x80;
            c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            k = 2;
            min = 0x800;
            c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            k = 3;
            min = 0x10000;
            c &= 0x07;
        } else {
            return false;
        }
        if (i + k >= n) {
            return false;
        }
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) {
                return false;
            }
            c = (c << 6) | (s[i + j] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
            return false;
        }
        i += k + 1;
    }
    return true;
}

/* Convert GB18030 data[0..len) to UTF-8 in the arena (*out, *outlen);
 * 0, or -1 when it is not GB18030 (*bad: the offset of the bad byte). */
static int from_gb18030(struct jx_arena *a, const char *data, size_t len,
                        char **out, size_t *outlen, size_t *bad)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1) {
        *bad = 0;
        return -1;
    }
    size_t cap = len * 2 + 16;
    char *buf = jx_alloc(a, cap + 1);
    char *in = (char *)data;
    size_t inleft = len;
    char *o = buf;
    size_t oleft = cap;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    iconv_close(cd);
    if (r == (size_t)-1 || inleft > 0) {
        *bad = (size_t)(in - data);
        return -1;
    }
    *o = '\0';
    *out = buf;
    *outlen = (size_t)(o - buf);
    return 0;
}

/* Code points in s[0..n) (UTF-8), for columns. */
static int cps(const char *s, size_t n)
{
    int c = 0;
    for (size_t i = 0; i < n; i++) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            c++;
        }
    }
    return c;
}

/* Read CSV text into t (see workspace.h). */
int jx_ws_csv_read(struct jx_arena *a, const char *file, const char *data,
                   size_t len, struct jx_ws_table *t, struct jx_diags *d)
{
    struct jx_loc fl = {.file = file};
    const char *s = data;
    size_t n = len;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
    }
    if (!utf8_ok((const unsigned char *)s, n)) {
        char *u;
        size_t un, bad;
        if (from_gb18030(a, s, n, &u, &un, &bad) < 0) {
            jx_diag_add(d, "D201", JX_SEV_ERROR, &fl,
                        "文件既不是 UTF-8 也不是 GB18030 文本（第 %zu 字节起无效）",
                        bad + 1);
            return -1;
        }
        s = u;
        n = un;
    }
    const char *nul = memchr(s, '\0', n);
    if (nul) {
        /* a NUL would cut its cell's text short: refuse it at its place */
        size_t at = (size_t)(nul - s), ls = 0;
        int nl = 1;
        for (size_t k = 0; k < at; k++) {
            if (s[k] == '\n') {
                nl++;
                ls = k + 1;
            }
        }
        struct jx_loc zl = {.file = file, .line = nl,
                            .col = cps(s + ls, at - ls) + 1};
        jx_diag_add(d, "D201", JX_SEV_ERROR, &zl,
                    "文件中有空字符（NUL，字节值 0），不是文本表格");
        return -1;
    }
    struct jx_ws_table out = {0};
    size_t i = 0;
    int line = 1;
    size_t line_start = 0;
    while (i < n) {
        /* one record */
        struct jx_loc rl = {.file = file, .line = line};
        struct jx_ws_row row = {0};
        row.loc = rl;
        bool blank = true;
        for (;;) {
            struct jx_loc cl = {.file = file, .line = line,
                                .col = cps(s + line_start, i - line_start) + 1};
            struct jx_buf f;
            jx_buf_init(&f, n + 1);
            if (i < n && s[i] == '"') {
                int qline = line;
                i++;
                bool closed = false;
                while (i < n) {
                    if (s[i] == '"') {
                        if (i + 1 < n && s[i + 1] == '"') {
                            jx_buf_add(&f, "\"", 1);
                            i += 2;
                            continue;
                        }
                        i++;
                        closed = true;
                        break;
                    }
                    if (s[i] == '\n') {
                        line++;
                        line_start = i + 1;
                    }
                    jx_buf_add(&f, s + i, 1);
                    i++;
                }
                if (!closed) {
                    struct jx_loc ql = cl;
                    ql.line = qline;
                    jx_diag_add(d, "D201", JX_SEV_ERROR, &ql,
                                "引号没有闭合：从这里开始的字段直到文件末尾都没有结束引号");
                    jx_buf_release(&f);
                    return -1;
                }
                /* blanks may follow a closing quote */
                while (i < n && (s[i] == ' ' || s[i] == '\t')) {
                    i++;
                }
                if (i < n && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
                    struct jx_loc bl = {.file = file, .line = line,
                                        .col = cps(s + line_start,
                                                   i - line_start) + 1};
                    jx_diag_add(d, "D201", JX_SEV_ERROR, &bl,
                                "结束引号后还有文字（字段中的引号应写成两个引号“\"\"”）");
                    jx_buf_release(&f);
                    return -1;
                }
                blank = false;
            } else {
                size_t st = i;
                while (i < n && s[i] != ',' && s[i] != '\n' &&
                       !(s[i] == '\r' && (i + 1 >= n || s[i + 1] == '\n'))) {
                    i++;
                }
                jx_buf_add(&f, s + st, i - st);
                if (i > st) {
                    blank = false;
                }
            }
            jx_ws_row_cell(a, &row, f.p, f.len, &cl);
            jx_buf_release(&f);
            if (i < n && s[i] == ',') {
                i++;
                blank = false;
                continue;
            }
            /* end of record */
            if (i < n && s[i] == '\r') {
                i++;
            }
            if (i < n && s[i] == '\n') {
                i++;
            }
            line++;
            line_start = i;
            break;
        }
        bool empty = true;
        for (size_t k = 0; k < row.n; k++) {
            if (row.cells[k].text[0]) {
                empty = false;
            }
        }
        if (!(blank || empty)) {
            struct jx_ws_row *r = jx_ws_table_row(a, &out, &rl);
            *r = row;
        }
    }
    *t = out;
    return 0;
}

/* ---- units ---------------------------------------------------------- */

/* The columns of a units table. */
enum { COL_CODE, COL_NAME, COL_SUPERVISOR, COL_REGION, NCOLS };
static const char *const col_names[NCOLS] = {"编码", "名称", "主管部门",
                                             "区域"};

/* Most bytes of a 编码. */
#define CODE_MAX 64

/* Why code is not a usable 编码, or NULL. */
static const char *bad_code(const char *code)
{
    if (strlen(code) > CODE_MAX) {
        return "长于 64 字节";
    }
    for (size_t i = 0; code[i]; i++) {
        unsigned char c = (unsigned char)code[i];
        if (c < 0x20 || c == 0x7F || c == ' ') {
            return "含有空白或控制字符";
        }
        if (c == 0xE3 && (unsigned char)code[i + 1] == 0x80 &&
            (unsigned char)code[i + 2] == 0x80) {
            return "含有全角空格";
        }
    }
    return NULL;
}

/* The text of column col of row r ("" when the row is short). */
static const char *cell_text(const struct jx_ws_row *r, int col)
{
    return col >= 0 && (size_t)col < r->n ? r->cells[col].text : "";
}

/* Where column col of row r is (the row's place when the row is
 * short). */
static const struct jx_loc *cell_loc(const struct jx_ws_row *r, int col)
{
    return col >= 0 && (size_t)col < r->n ? &r->cells[col].loc : &r->loc;
}

/* Read the units of table t (see workspace.h). */
int jx_ws_units_from_table(struct jx_arena *a, const struct jx_ws_table *t,
                           const struct jx_loc *file,
                           struct jx_ws_unit **units, size_t *n,
                           struct jx_diags *d)
{
    *units = NULL;
    *n = 0;
    if (t->n == 0) {
        jx_diag_add(d, "D202", JX_SEV_ERROR, file,
                    "文件中没有表格内容：第一行应是列名（编码、名称、主管部门、区域）");
        return -1;
    }
    const struct jx_ws_row *h = &t->rows[0];
    int col[NCOLS];
    int errors = 0;
    for (int k = 0; k < NCOLS; k++) {
        col[k] = -1;
        for (size_t c = 0; c < h->n; c++) {
            if (strcmp(h->cells[c].text, col_names[k]) != 0) {
                continue;
            }
            if (col[k] >= 0) {
                jx_diag_add(d, "D202", JX_SEV_ERROR, &h->cells[c].loc,
                            "列名“%s”出现了两次", col_names[k]);
                errors++;
            } else {
                col[k] = (int)c;
            }
        }
    }
    for (int k = COL_CODE; k <= COL_NAME; k++) {
        if (col[k] < 0) {
            jx_diag_add(d, "D202", JX_SEV_ERROR, &h->loc,
                        "第一行缺少列名“%s”（应有：编码、名称，可选：主管部门、区域）",
                        col_names[k]);
            errors++;
        }
    }
    if (errors) {
        return -1;
    }
    struct jx_ws_unit *u = jx_alloc_array(a, t->n, sizeof *u);
    size_t m = 0;
    for (size_t i = 1; i < t->n; i++) {
        const struct jx_ws_row *r = &t->rows[i];
        const char *code = cell_text(r, col[COL_CODE]);
        const char *name = cell_text(r, col[COL_NAME]);
        const char *why;
        if (!code[0]) {
            jx_diag_add(d, "D203", JX_SEV_ERROR, cell_loc(r, col[COL_CODE]),
                        "缺少单位编码");
            errors++;
            continue;
        }
        if ((why = bad_code(code)) != NULL) {
            jx_diag_add(d, "D203", JX_SEV_ERROR, cell_loc(r, col[COL_CODE]),
                        "单位编码“%s”%s", code, why);
            errors++;
            continue;
        }
        if (!name[0]) {
            jx_diag_add(d, "D203", JX_SEV_ERROR, cell_loc(r, col[COL_NAME]),
                        "单位 %s 缺少名称", code);
            errors++;
            continue;
        }
        size_t k;
        for (k = 0; k < m; k++) {
            if (strcmp(u[k].code, code) == 0) {
                break;
            }
        }
        if (k < m) {
            struct jx_buf b;
            jx_buf_init(&b, 4096);
            jx_loc_format(&b, &u[k].loc);
            jx_diag_add(d, "D204", JX_SEV_ERROR, cell_loc(r, col[COL_CODE]),
                        "单位编码 %s 重复（已在 %s 出现）", code, b.p);
            jx_buf_release(&b);
            errors++;
            continue;
        }
        const char *sup = cell_text(r, col[COL_SUPERVISOR]);
        const char *reg = cell_text(r, col[COL_REGION]);
        u[m].code = code;
        u[m].name = name;
        u[m].supervisor = sup[0] ? sup : NULL;
        u[m].region = reg[0] ? reg : NULL;
        u[m].loc = *cell_loc(r, col[COL_CODE]);
        m++;
    }
    if (errors) {
        return -1;
    }
    *units = u;
    *n = m;
    return 0;
}

/* Whether two nullable strings are equal. */
static bool same(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

/* Bind a nullable text. */
static int bind_opt(struct jx_stmt *st, int i, const char *v)
{
    return v ? jx_stmt_bind_text(st, i, v) : jx_stmt_bind_null(st, i);
}

/* Insert or update the units in one transaction (see workspace.h). */
int jx_ws_units_save(struct jx_store *s, const struct jx_ws_unit *units,
                     size_t n, struct jx_ws_import_counts *counts,
                     struct jx_diags *d)
{
    (void)d; /* the store reports into its own diagnostics */
    struct jx_ws_import_counts c = {0};
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    struct jx_stmt *get = jx_stmt_prepare(
        s, "SELECT name, supervisor, region FROM units WHERE code = ?");
    struct jx_stmt *ins = jx_stmt_prepare(
        s, "INSERT INTO units (code, name, supervisor, region)"
           " VALUES (?, ?, ?, ?)");
    struct jx_stmt *upd = jx_stmt_prepare(
        s, "UPDATE units SET name = ?, supervisor = ?, region = ?"
           " WHERE code = ?");
    int rc = get && ins && upd ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        const struct jx_ws_unit *u = &units[i];
        jx_stmt_reset(get);
        jx_stmt_bind_text(get, 1, u->code);
        enum jx_step r = jx_stmt_step(get);
        if (r == JX_STEP_ERROR) {
            rc = -1;
        } else if (r == JX_STEP_DONE) {
            jx_stmt_reset(ins);
            jx_stmt_bind_text(ins, 1, u->code);
            jx_stmt_bind_text(ins, 2, u->name);
            bind_opt(ins, 3, u->supervisor);
            bind_opt(ins, 4, u->region);
            rc = jx_stmt_step(ins) == JX_STEP_DONE ? 0 : -1;
            c.added++;
        } else if (same(jx_stmt_text(get, 0), u->name) &&
                   same(jx_stmt_text(get, 1), u->supervisor) &&
                   same(jx_stmt_text(get, 2), u->region)) {
            c.unchanged++;
        } else {
            jx_stmt_reset(upd);
            jx_stmt_bind_text(upd, 1, u->name);
            bind_opt(upd, 2, u->supervisor);
            bind_opt(upd, 3, u->region);
            jx_stmt_bind_text(upd, 4, u->code);
            rc = jx_stmt_step(upd) == JX_STEP_DONE ? 0 : -1;
            c.updated++;
        }
    }
    jx_stmt_finalize(get);
    jx_stmt_finalize(ins);
    jx_stmt_finalize(upd);
    if (rc == 0 && jx_store_commit(s) == 0) {
        *counts = c;
        return 0;
    }
    jx_store_rollback(s);
    return -1;
}

/* ---- the year ------------------------------------------------------- */

/* The store's name of a 及时性 basis (see workspace.h). */
const char *jx_ws_timely_parse(const char *s)
{
    static const char *const names[][2] = {
        {JX_WS_TIMELY_FIRST, "首次送审"},
        {JX_WS_TIMELY_AFTER_RETURN, "最后一次退回后的送审"},
        {JX_WS_TIMELY_ACCEPTED, "审核通过"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(s, names[i][0]) == 0 || strcmp(s, names[i][1]) == 0) {
            return names[i][0];
        }
    }
    return NULL;
}

/* Whether dt is a real date. */
static bool date_ok(struct jx_cal_date dt)
{
    return dt.y >= 1900 && dt.y <= 9999 && dt.m >= 1 && dt.m <= 12 &&
           dt.d >= 1 && dt.d <= jx_days_in_month(dt.y, dt.m);
}

/* Record a year's settings (see workspace.h). */
int jx_ws_year_set(struct jx_store *s, const struct jx_ws_year *y,
                   const char *fwdir, bool *created, struct jx_diags *d)
{
    if (y->year < 1900 || y->year > 2999) {
        jx_diag_add(d, "D206", JX_SEV_ERROR, NULL,
                    "年度 %d 不在 1900 到 2999 之间", y->year);
        return -1;
    }
    if (!date_ok(y->submit_by) || !date_ok(y->publish_by)) {
        jx_diag_add(d, "D206", JX_SEV_ERROR, NULL, "报送或公开截止日期不是有效日期");
        return -1;
    }
    const char *timely = y->timely ? y->timely : JX_WS_TIMELY_FIRST;
    if (!jx_ws_timely_parse(timely)) {
        jx_diag_add(d, "D206", JX_SEV_ERROR, NULL, "未知的及时性口径“%s”", timely);
        return -1;
    }
    const char *fw = y->framework ? y->framework : "";
    size_t fl = strlen(fw);
    if (!fw[0] || strchr(fw, '/') ||
        (fl >= 5 && strcmp(fw + fl - 5, ".json") == 0)) {
        jx_diag_add(d, "D205", JX_SEV_ERROR, NULL,
                    "“%s”不是评价框架编号：请给出评价框架目录（data/frameworks）中"
                    "的框架编号（文件名去掉 .json）",
                    fw);
        return -1;
    }
    struct jx_arena *fa = jx_arena_new();
    struct jx_diags fd;
    jx_diags_init(&fd, fa);
    struct jx_framework *f = jx_framework_open(fa, fwdir, fw, &fd);
    bool ok = f && jx_diags_errors(&fd) == 0;
    jx_diags_release(&fd);
    jx_arena_free(fa);
    if (!ok) {
        jx_diag_add(d, "D205", JX_SEV_ERROR, NULL,
                    "评价框架“%s”不存在或无法载入（评价框架目录中没有 %s.json，或其"
                    "内容有误：可用 jixiao assess --framework %s 查看原因）",
                    fw, fw, fw);
        return -1;
    }
    char sb[16], pb[16];
    snprintf(sb, sizeof sb, "%04d-%02d-%02d", y->submit_by.y, y->submit_by.m,
             y->submit_by.d);
    snprintf(pb, sizeof pb, "%04d-%02d-%02d", y->publish_by.y,
             y->publish_by.m, y->publish_by.d);
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    struct jx_stmt *get = jx_stmt_prepare(s, "SELECT 1 FROM years WHERE year = ?");
    int rc = -1;
    bool exists = false;
    if (get) {
        jx_stmt_bind_int(get, 1, y->year);
        enum jx_step r = jx_stmt_step(get);
        exists = r == JX_STEP_ROW;
        rc = r == JX_STEP_ERROR ? -1 : 0;
        jx_stmt_finalize(get);
    }
    if (rc == 0) {
        struct jx_stmt *w = jx_stmt_prepare(
            s, exists ? (y->leader_step
                             ? "UPDATE years SET framework = ?, submit_by = ?,"
                               " publish_by = ?, timeliness = ?, leader_step = ?"
                               " WHERE year = ?"
                             : "UPDATE years SET framework = ?, submit_by = ?,"
                               " publish_by = ?, timeliness = ? WHERE year = ?")
                      : "INSERT INTO years (framework, submit_by, publish_by,"
                        " timeliness, leader_step, year)"
                        " VALUES (?, ?, ?, ?, ?, ?)");
        rc = -1;
        if (w) {
            jx_stmt_bind_text(w, 1, fw);
            jx_stmt_bind_text(w, 2, sb);
            jx_stmt_bind_text(w, 3, pb);
            jx_stmt_bind_text(w, 4, timely);
            int k = 5;
            if (!exists || y->leader_step) {
                jx_stmt_bind_int(w, k++, y->leader_step > 0 ? 1 : 0);
            }
            jx_stmt_bind_int(w, k, y->year);
            rc = jx_stmt_step(w) == JX_STEP_DONE ? 0 : -1;
            jx_stmt_finalize(w);
        }
    }
    if (rc == 0 && jx_store_commit(s) == 0) {
        *created = !exists;
        /* the year's derived scores follow its dates and framework */
        size_t nw;
        return jx_ws_rescore(s, y->year, fwdir, NULL, &nw, d) < 0 ? -1 : 0;
    }
    jx_store_rollback(s);
    return -1;
}

/* ---- users ---------------------------------------------------------- */

/* Add a user (see workspace.h). */
int jx_ws_user_add(struct jx_store *s, const char *name, const char *role,
                   const char *unit, int64_t *id, struct jx_diags *d)
{
    bool unit_role = strcmp(role, "filler") == 0 || strcmp(role, "leader") == 0;
    bool bureau_role = strcmp(role, "reviewer") == 0 || strcmp(role, "admin") == 0;
    const char *zh = strcmp(role, "filler") == 0     ? "单位填报人"
                     : strcmp(role, "leader") == 0   ? "单位负责人"
                     : strcmp(role, "reviewer") == 0 ? "财政审核人"
                                                     : "管理员";
    if (!unit_role && !bureau_role) {
        jx_diag_add(d, "D208", JX_SEV_ERROR, NULL, "未知的角色“%s”", role);
        return -1;
    }
    if (!name || !name[0]) {
        jx_diag_add(d, "D207", JX_SEV_ERROR, NULL, "用户名不能为空");
        return -1;
    }
    if (unit_role && !unit) {
        jx_diag_add(d, "D208", JX_SEV_ERROR, NULL,
                    "%s必须属于一个单位：请用 --unit 给出单位编码", zh);
        return -1;
    }
    if (bureau_role && unit) {
        jx_diag_add(d, "D208", JX_SEV_ERROR, NULL,
                    "%s属于财政部门，不能绑定单位（去掉 --unit %s）", zh, unit);
        return -1;
    }
    if (jx_store_begin(s) < 0) {
        return -1;
    }
    int rc = 0;
    struct jx_stmt *st = jx_stmt_prepare(s, "SELECT 1 FROM users WHERE name = ?");
    if (!st) {
        rc = -1;
    } else {
        jx_stmt_bind_text(st, 1, name);
        enum jx_step r = jx_stmt_step(st);
        if (r == JX_STEP_ROW) {
            jx_diag_add(d, "D207", JX_SEV_ERROR, NULL,
                        "用户“%s”已存在，未作改动", name);
        }
        rc = r == JX_STEP_DONE ? 0 : -1;
        jx_stmt_finalize(st);
    }
    if (rc == 0 && unit) {
        st = jx_stmt_prepare(s, "SELECT 1 FROM units WHERE code = ?");
        rc = -1;
        if (st) {
            jx_stmt_bind_text(st, 1, unit);
            enum jx_step r = jx_stmt_step(st);
            if (r == JX_STEP_DONE) {
                jx_diag_add(d, "D208", JX_SEV_ERROR, NULL,
                            "单位 %s 不存在：请先用 jixiao unit import 导入单位",
                            unit);
            }
            rc = r == JX_STEP_ROW ? 0 : -1;
            jx_stmt_finalize(st);
        }
    }
    if (rc == 0) {
        st = jx_stmt_prepare(s, "INSERT INTO users (name, role, unit)"
                                " VALUES (?, ?, ?) RETURNING id");
        rc = -1;
        if (st) {
            jx_stmt_bind_text(st, 1, name);
            jx_stmt_bind_text(st, 2, role);
            bind_opt(st, 3, unit);
            if (jx_stmt_step(st) == JX_STEP_ROW) {
                *id = jx_stmt_int(st, 0);
                rc = jx_stmt_step(st) == JX_STEP_DONE ? 0 : -1;
            }
            jx_stmt_finalize(st);
        }
    }
    if (rc == 0 && jx_store_commit(s) == 0) {
        return 0;
    }
    jx_store_rollback(s);
    return -1;
}

/* ---- backup and restore --------------------------------------------- */

/* fsync the file or directory at path (best effort). */
static void sync_path(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* The directory holding path (arena string; "." when none). */
static char *parent_of(struct jx_arena *a, const char *path)
{
    const char *sl = strrchr(path, '/');
    if (!sl) {
        return jx_strdup(a, ".");
    }
    if (sl == path) {
        return jx_strdup(a, "/");
    }
    return jx_strndup(a, path, (size_t)(sl - path));
}

/* Whether name is 64 lower-case hex digits split "ab/cdef..." after
 * "files/" (the file store's layout); sets hex. */
static bool file_entry(const char *name, char hex[65])
{
    if (strncmp(name, "files/", 6) != 0 || strlen(name) != 6 + 2 + 1 + 62 ||
        name[8] != '/') {
        return false;
    }
    const char *p = name + 6;
    size_t k = 0;
    for (size_t i = 0; i < 65; i++) {
        if (i == 2) {
            continue;
        }
        char c = p[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
        hex[k++] = c;
    }
    hex[64] = '\0';
    return true;
}

/* Write a consistent copy of a SQLite workspace (see workspace.h). */
int jx_ws_backup(struct jx_store *s, const char *path,
                 struct jx_ws_backup_info *info, struct jx_diags *d)
{
    if (jx_store_engine(s) != JX_ENGINE_SQLITE) {
        jx_diag_add(d, "D209", JX_SEV_ERROR, NULL,
                    "PostgreSQL 数据库不能用 jixiao backup 备份：请用 pg_dump 备份数据库，"
                    "并另行复制原始文件目录");
        return -1;
    }
    const char *fdir = jx_store_files_dir(s);
    struct jx_arena *a = jx_arena_new();
    char *tmpdb = jx_sprintf(a, "%s.db.tmp.%ld", path, (long)getpid());
    char *tmpzip = jx_sprintf(a, "%s.tmp.%ld", path, (long)getpid());
    unlink(tmpdb);
    unlink(tmpzip);
    struct jx_buf sql;
    jx_buf_init(&sql, 1u << 16);
    jx_buf_adds(&sql, "VACUUM INTO '");
    for (const char *p = tmpdb; *p; p++) {
        jx_buf_add(&sql, p, 1);
        if (*p == '\'') {
            jx_buf_add(&sql, "'", 1);
        }
    }
    jx_buf_adds(&sql, "'");
    int rc = jx_store_exec(s, sql.p);
    jx_buf_release(&sql);
    struct jx_ws_backup_info in = {0};
    const char **hexes = NULL;
    size_t nhex = 0, caphex = 0;
    if (rc == 0) {
        /* what the copy holds */
        struct jx_store_opts o = {0};
        struct jx_store *c =
            jx_store_open(jx_sprintf(a, "sqlite:%s", tmpdb), &o, d);
        rc = -1;
        if (c) {
            in.schema = jx_store_schema_version(c);
            struct jx_stmt *st = jx_stmt_prepare(c, "SELECT count(*) FROM units");
            if (st && jx_stmt_step(st) == JX_STEP_ROW) {
                in.units = (size_t)jx_stmt_int(st, 0);
                rc = 0;
            }
            jx_stmt_finalize(st);
            st = rc == 0 ? jx_stmt_prepare(
                               c, "SELECT sha256 FROM files ORDER BY sha256")
                         : NULL;
            enum jx_step r = JX_STEP_ERROR;
            while (st && (r = jx_stmt_step(st)) == JX_STEP_ROW) {
                if (nhex == caphex) {
                    hexes = jx_arena_grow(a, hexes, nhex, &caphex,
                                          sizeof *hexes);
                }
                hexes[nhex++] = jx_strdup(a, jx_stmt_text(st, 0));
            }
            rc = st && r == JX_STEP_DONE ? 0 : -1;
            jx_stmt_finalize(st);
            jx_store_close(c);
        }
    }
    if (rc == 0 && nhex > 0 && !fdir) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "工作区没有原始文件目录");
        rc = -1;
    }
    /* every original, checked against its SHA-256 */
    for (size_t i = 0; rc == 0 && i < nhex; i++) {
        char *data;
        size_t len;
        if (jx_files_get(fdir, hexes[i], &data, &len, d) < 0) {
            rc = -1;
        } else {
            free(data);
        }
    }
    zip_t *z = NULL;
    if (rc == 0) {
        int ze;
        z = zip_open(tmpzip, ZIP_CREATE | ZIP_TRUNCATE, &ze);
        if (!z) {
            jx_diag_add(d, "D210", JX_SEV_ERROR, NULL, "无法写入备份文件“%s”",
                        tmpzip);
            rc = -1;
        }
    }
    if (rc == 0) {
        char now[21];
        jx_store_utc_now(now);
        in.files = nhex;
        char *man = jx_sprintf(a,
                               "{\n  \"format\": \"jixiao-backup\",\n"
                               "  \"version\": 1,\n  \"schema\": %d,\n"
                               "  \"created\": \"%s\",\n  \"units\": %zu,\n"
                               "  \"files\": %zu\n}\n",
                               in.schema, now, in.units, in.files);
        zip_source_t *src = zip_source_buffer(z, man, strlen(man), 0);
        if (!src || zip_file_add(z, JX_WS_BACKUP_MANIFEST, src, 0) < 0) {
            zip_source_free(src);
            rc = -1;
        }
        src = rc == 0 ? zip_source_file(z, tmpdb, 0, -1) : NULL;
        if (rc == 0 && (!src || zip_file_add(z, JX_WORKSPACE_DB, src, 0) < 0)) {
            zip_source_free(src);
            rc = -1;
        }
        for (size_t i = 0; rc == 0 && i < nhex; i++) {
            char *fp = jx_sprintf(a, "%s/%.2s/%s", fdir, hexes[i], hexes[i] + 2);
            char *en = jx_sprintf(a, "files/%.2s/%s", hexes[i], hexes[i] + 2);
            src = zip_source_file(z, fp, 0, -1);
            if (!src || zip_file_add(z, en, src, 0) < 0) {
                zip_source_free(src);
                rc = -1;
            }
        }
        if (rc == 0) {
            if (zip_close(z) < 0) {
                rc = -1;
            } else {
                z = NULL;
            }
        }
        if (rc < 0) {
            jx_diag_add(d, "D210", JX_SEV_ERROR, NULL, "无法写入备份文件“%s”：%s",
                        path, z ? zip_strerror(z) : "zip");
        }
    }
    if (z) {
        zip_discard(z);
    }
    if (rc == 0) {
        sync_path(tmpzip);
        if (rename(tmpzip, path) < 0) {
            jx_diag_add(d, "D210", JX_SEV_ERROR, NULL, "无法写入备份文件“%s”：%s",
                        path, jx_errno_zh(errno));
            rc = -1;
        } else {
            sync_path(parent_of(a, path));
            *info = in;
        }
    }
    unlink(tmpzip);
    unlink(tmpdb);
    jx_arena_free(a);
    return rc;
}

/* Remove the tree at path (our own temporary directory). */
static void remove_tree(const char *path)
{
    DIR *dh = opendir(path);
    if (dh) {
        struct dirent *e;
        while ((e = readdir(dh)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
                continue;
            }
            size_t n = strlen(path) + strlen(e->d_name) + 2;
            char *p = jx_xmalloc(n);
            snprintf(p, n, "%s/%s", path, e->d_name);
            struct stat st;
            if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
                remove_tree(p);
            } else {
                unlink(p);
            }
            free(p);
        }
        closedir(dh);
    }
    rmdir(path);
}

/* Whether dir is absent (*exists false) or an empty directory; else
 * false. */
static bool empty_or_absent(const char *dir, bool *exists)
{
    struct stat st;
    *exists = false;
    if (stat(dir, &st) < 0) {
        return errno == ENOENT;
    }
    *exists = true;
    if (!S_ISDIR(st.st_mode)) {
        return false;
    }
    DIR *dh = opendir(dir);
    if (!dh) {
        return false;
    }
    bool empty = true;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            empty = false;
            break;
        }
    }
    closedir(dh);
    return empty;
}

/* Read entry i of z whole into a malloc'd buffer (*data, *len); 0 or -1. */
static int zip_read_all(zip_t *z, zip_uint64_t i, char **data, size_t *len)
{
    zip_stat_t zs;
    if (zip_stat_index(z, i, 0, &zs) < 0 || !(zs.valid & ZIP_STAT_SIZE)) {
        return -1;
    }
    zip_file_t *f = zip_fopen_index(z, i, 0);
    if (!f) {
        return -1;
    }
    char *buf = jx_xmalloc(zs.size + 1);
    zip_int64_t got = 0;
    while ((zip_uint64_t)got < zs.size) {
        zip_int64_t r = zip_fread(f, buf + got, zs.size - (zip_uint64_t)got);
        if (r <= 0) {
            break;
        }
        got += r;
    }
    zip_fclose(f);
    if ((zip_uint64_t)got != zs.size) {
        free(buf);
        return -1;
    }
    buf[got] = '\0';
    *data = buf;
    *len = (size_t)got;
    return 0;
}

/* Write data[0..len) to path (a new file), synced; 0 or -1. */
static int write_new(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) {
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR) {
                continue;
            }
            close(fd);
            return -1;
        }
        off += (size_t)w;
    }
    if (fsync(fd) < 0) {
        close(fd);
        return -1;
    }
    return close(fd);
}

/* Restore an archive into an empty directory (see workspace.h). */
int jx_ws_restore(const char *path, const char *dir,
                  struct jx_ws_backup_info *info, struct jx_diags *d)
{
    bool exists;
    if (!empty_or_absent(dir, &exists)) {
        jx_diag_add(d, "D211", JX_SEV_ERROR, NULL,
                    "“%s”已存在且不是空目录：恢复只写入新的或空的目录，未作改动", dir);
        return -1;
    }
    int ze;
    zip_t *z = zip_open(path, ZIP_RDONLY, &ze);
    if (!z) {
        struct stat st;
        if (stat(path, &st) < 0) {
            jx_diag_add(d, "D210", JX_SEV_ERROR, NULL, "无法读取备份文件“%s”：%s",
                        path, jx_errno_zh(errno));
        } else {
            jx_diag_add(d, "D212", JX_SEV_ERROR, NULL,
                        "“%s”不是 jixiao 备份文件（不是 ZIP 文件）", path);
        }
        return -1;
    }
    struct jx_arena *a = jx_arena_new();
    int rc = 0;
    zip_int64_t me = zip_name_locate(z, JX_WS_BACKUP_MANIFEST, 0);
    zip_int64_t de = zip_name_locate(z, JX_WORKSPACE_DB, 0);
    char *man = NULL;
    size_t manlen;
    if (me < 0 || de < 0 || zip_read_all(z, (zip_uint64_t)me, &man, &manlen) < 0 ||
        !strstr(man, "\"format\": \"jixiao-backup\"")) {
        jx_diag_add(d, "D212", JX_SEV_ERROR, NULL,
                    "“%s”不是 jixiao 备份文件（缺少 %s 或 %s）", path,
                    JX_WS_BACKUP_MANIFEST, JX_WORKSPACE_DB);
        rc = -1;
    }
    free(man);
    /* every entry must be one we write */
    zip_int64_t ne = zip_get_num_entries(z, 0);
    for (zip_int64_t i = 0; rc == 0 && i < ne; i++) {
        const char *en = zip_get_name(z, (zip_uint64_t)i, 0);
        char hex[65];
        if (!en || !(strcmp(en, JX_WS_BACKUP_MANIFEST) == 0 ||
                     strcmp(en, JX_WORKSPACE_DB) == 0 || file_entry(en, hex))) {
            jx_diag_add(d, "D212", JX_SEV_ERROR, NULL,
                        "备份文件“%s”含有不认识的条目“%s”，未恢复", path,
                        en ? en : "?");
            rc = -1;
        }
    }
    char *tmp = NULL;
    if (rc == 0) {
        char *p = jx_strdup(a, dir);
        size_t pl = strlen(p);
        while (pl > 1 && p[pl - 1] == '/') {
            p[--pl] = '\0';
        }
        const char *base = strrchr(p, '/') ? strrchr(p, '/') + 1 : p;
        tmp = jx_sprintf(a, "%s/.%s.restore-XXXXXX", parent_of(a, p), base);
        if (!mkdtemp(tmp)) {
            jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "无法创建目录“%s”：%s", tmp,
                        jx_errno_zh(errno));
            tmp = NULL;
            rc = -1;
        } else {
            dir = p;
        }
    }
    if (rc == 0 && mkdir(jx_sprintf(a, "%s/%s", tmp, JX_WORKSPACE_FILES), 0755) < 0) {
        rc = -1;
    }
    struct jx_ws_backup_info in = {0};
    for (zip_int64_t i = 0; rc == 0 && i < ne; i++) {
        const char *en = zip_get_name(z, (zip_uint64_t)i, 0);
        char hex[65];
        bool isfile = file_entry(en, hex);
        if (!isfile && strcmp(en, JX_WORKSPACE_DB) != 0) {
            continue;
        }
        char *data;
        size_t len;
        if (zip_read_all(z, (zip_uint64_t)i, &data, &len) < 0) {
            jx_diag_add(d, "D212", JX_SEV_ERROR, NULL,
                        "备份文件“%s”的条目“%s”无法读出（文件损坏）", path, en);
            rc = -1;
            break;
        }
        if (isfile) {
            char got[65];
            jx_sha256_hex(data, len, got);
            if (strcmp(got, hex) != 0) {
                jx_diag_add(d, "D212", JX_SEV_ERROR, NULL,
                            "备份文件“%s”中的原始文件“%s”已被改动：SHA-256 为 %s",
                            path, en, got);
                rc = -1;
            } else {
                char *sub = jx_sprintf(a, "%s/%s/%.2s", tmp, JX_WORKSPACE_FILES,
                                       hex);
                if ((mkdir(sub, 0755) < 0 && errno != EEXIST) ||
                    write_new(jx_sprintf(a, "%s/%s", sub, hex + 2), data, len) <
                        0) {
                    jx_diag_add(d, "D010", JX_SEV_ERROR, NULL,
                                "无法写入文件“%s/%s”：%s", sub, hex + 2,
                                jx_errno_zh(errno));
                    rc = -1;
                }
                in.files++;
            }
        } else if (write_new(jx_sprintf(a, "%s/%s", tmp, JX_WORKSPACE_DB), data,
                             len) < 0) {
            jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "无法写入文件“%s/%s”：%s",
                        tmp, JX_WORKSPACE_DB, jx_errno_zh(errno));
            rc = -1;
        }
        free(data);
    }
    zip_discard(z);
    if (rc == 0) {
        /* the database opens (a newer schema is refused: D003) and every
         * original it names is there */
        struct jx_store_opts o = {0};
        struct jx_store *c = jx_store_open(tmp, &o, d);
        rc = -1;
        if (c) {
            in.schema = jx_store_schema_version(c);
            struct jx_stmt *st = jx_stmt_prepare(c, "SELECT count(*) FROM units");
            if (st && jx_stmt_step(st) == JX_STEP_ROW) {
                in.units = (size_t)jx_stmt_int(st, 0);
                rc = 0;
            }
            jx_stmt_finalize(st);
            st = rc == 0 ? jx_stmt_prepare(c, "SELECT sha256 FROM files") : NULL;
            enum jx_step r = JX_STEP_ERROR;
            while (st && (r = jx_stmt_step(st)) == JX_STEP_ROW) {
                const char *h = jx_stmt_text(st, 0);
                struct stat sb;
                if (!h || strlen(h) != 64 ||
                    stat(jx_sprintf(a, "%s/%s/%.2s/%s", tmp, JX_WORKSPACE_FILES,
                                    h, h + 2),
                         &sb) < 0) {
                    jx_diag_add(d, "D212", JX_SEV_ERROR, NULL,
                                "备份文件“%s”缺少数据库记录的原始文件 %s，未恢复",
                                path, h ? h : "?");
                    rc = -1;
                    break;
                }
            }
            if (rc == 0 && r != JX_STEP_DONE) {
                rc = -1;
            }
            jx_stmt_finalize(st);
            jx_store_close(c);
        }
    }
    if (rc == 0) {
        sync_path(jx_sprintf(a, "%s/%s", tmp, JX_WORKSPACE_FILES));
        (void)chmod(tmp, 0755);
        sync_path(tmp);
        if ((exists && rmdir(dir) < 0) || rename(tmp, dir) < 0) {
            jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "无法建立目录“%s”：%s", dir,
                        jx_errno_zh(errno));
            rc = -1;
        } else {
            sync_path(parent_of(a, dir));
            *info = in;
        }
    }
    if (rc < 0 && tmp) {
        remove_tree(tmp);
    }
    jx_arena_free(a);
    return rc;
}
