/*
 * cmd_evaluate.c - `jixiao evaluate FILE... [-o DIR] [--formats LIST]
 * [--framework ID] [--submitted DATE] [--published DATE]`: the whole job
 * for each input — import, score, check, assess (when dates are known),
 * and the documents (自评报告, 审核意见, 考核评分表) in every format — then a
 * summary table on the terminal (with a progress bar when stderr is a
 * terminal) and DIR/index.html ranking the units with links to their
 * documents.
 *
 * Output folders: each input gets DIR/<folder>/, named by the unit and
 * year ("示例市清河区城市管理局-2024"); when an earlier input of the run
 * took that name, the input file's own name is added
 * ("…-2024-自评报告"), then a number ("…-2024-自评报告-2"), and a line
 * says so.  An input without a unit name is named by its file.  Two
 * inputs of one run never share a folder; a later run into the same DIR
 * replaces the folders of the names it gives.
 *
 * Memory: each input is analysed and written in an arena of its own,
 * freed when its documents are on disk; the run keeps only a small row
 * per input (jx_index_unit) for the index and the summary, so it stays
 * flat over any number of units.
 *
 * Interruption: every file is written to NAME.tmp.<pid> and renamed on
 * success.  index.html is rewritten (atomically) at the start (no unit
 * yet), after units 1, 2, 4, 8, …, after pauses of 3 s (longer for a
 * long index), and at the end; it lists only units whose documents are all written, so
 * after a kill it is consistent.  The next run in DIR first removes the
 * NAME.tmp.<pid> files of the names evaluate writes (in DIR and its
 * folders) of processes that are gone.
 */
#include "cli.h"

#include "jixiao/framework.h"
#include "jixiao/report.h"
#include "jixiao/report_index.h"

#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Options. */
struct eopts {
    const char *dir;
    bool formats[4];               /* docx, xlsx, html, pdf */
    struct jx_fw_args fa;          /* --framework, --submitted, … */
    struct jx_run *run;            /* the pipeline's run */
};

static const char *const fmt_names[4] = {"docx", "xlsx", "html", "pdf"};

/* mkdir that accepts an existing directory; false after printing why. */
static bool ensure_dir(const char *path)
{
    struct stat st;
    if (mkdir(path, 0777) == 0 ||
        (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
        return true;
    }
    if (errno == EEXIST) {
        errno = ENOTDIR; /* a file of that name */
    }
    fprintf(stderr, "jixiao evaluate: 无法创建目录“%s”：%s\n", path,
            jx_errno_zh(errno));
    return false;
}

/* The base name of path without directories and extension (arena). */
static const char *stem(struct jx_arena *a, const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    const char *dot = strrchr(b, '.');
    size_t n = dot && dot != b ? (size_t)(dot - b) : strlen(b);
    return jx_strndup(a, b, n);
}

/* Whether the process pid is still running (or exists under another
 * user). */
static bool pid_alive(long pid)
{
    if (pid <= 0 || pid > INT32_MAX) {
        return false;
    }
    if (pid == (long)getpid()) {
        return false; /* a file of a dead run whose pid came back to us */
    }
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

/* The pid of a temporary file "NAME.tmp.<pid>" (*len the length of
 * NAME), or -1 for other names.  "NAME.tmp.<pid>.<letters and digits>"
 * counts too: libzip writes an XLSX's rewrite to its own temporary
 * file beside ours (a kill during zip_close leaves it). */
static long tmp_pid(const char *name, size_t *len)
{
    const char *t = NULL;
    for (const char *p = strstr(name, ".tmp."); p; p = strstr(p + 1, ".tmp.")) {
        t = p;
    }
    if (!t || t == name || !t[5]) {
        return -1;
    }
    long pid = 0;
    const char *p = t + 5;
    for (; *p && *p != '.'; p++) {
        if (*p < '0' || *p > '9' || pid > 99999999) {
            return -1;
        }
        pid = pid * 10 + (*p - '0');
    }
    if (p == t + 5) {
        return -1;
    }
    if (*p == '.') { /* libzip's suffix */
        size_t k = 0;
        for (p++; p[k]; k++) {
            if (!((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
                  (p[k] >= '0' && p[k] <= '9')) || k >= 16) {
                return -1;
            }
        }
        if (!k) {
            return -1;
        }
    }
    *len = (size_t)(t - name);
    return pid;
}

/* Whether name[0..n) is a file evaluate writes: index.html in the
 * output folder (top), a document in a unit's folder. */
static bool ours(const char *name, size_t n, bool top)
{
    if (top) {
        return n == strlen("index.html") && memcmp(name, "index.html", n) == 0;
    }
    for (int d = 0; d < JX_IDX_NDOCS; d++) {
        for (int f = 0; f < JX_IDX_NFMTS; f++) {
            const char *s = jx_index_file((enum jx_index_doc)d,
                                          (enum jx_index_fmt)f);
            if (strlen(s) == n && memcmp(name, s, n) == 0) {
                return true;
            }
        }
    }
    return false;
}

/* Remove the temporary files evaluate writes (NAME.tmp.<pid>) of
 * processes that are gone, in dir and, when depth > 0, in its folders;
 * other files are left alone.  The number removed. */
static size_t clean_stale(const char *dir, int depth, bool top)
{
    DIR *d = opendir(dir);
    if (!d) {
        return 0;
    }
    size_t removed = 0;
    struct jx_buf path;
    jx_buf_init(&path, 1u << 16);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        jx_buf_reset(&path);
        jx_buf_addf(&path, "%s/%s", dir, e->d_name);
        struct stat st;
        if (path.toobig || lstat(path.p, &st) != 0) {
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (depth > 0) {
                removed += clean_stale(path.p, depth - 1, false);
            }
            continue;
        }
        size_t len = 0;
        long pid = tmp_pid(e->d_name, &len);
        if (S_ISREG(st.st_mode) && pid > 0 && ours(e->d_name, len, top) &&
            !pid_alive(pid) && unlink(path.p) == 0) {
            removed++;
        }
    }
    closedir(d);
    jx_buf_release(&path);
    return removed;
}

/* ---- output folder names ------------------------------------------- */

/* Append s to b as part of a folder name: at most max bytes of whole
 * UTF-8 characters; path separators, characters Windows refuses, white
 * space, control characters and invalid bytes as '_'; no leading dot. */
static void name_part(struct jx_buf *b, const char *s, size_t max)
{
    size_t n = strlen(s), start = b->len;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int32_t cp;
        int k = c >= 0x80 ? jx_utf8_decode(s + i, n - i, &cp) : 1;
        size_t adv = k > 0 ? (size_t)k : 1;
        if (b->len - start + adv > max) {
            break;
        }
        bool bad = k <= 0 || c < 0x20 || c == 0x7f || c == ' ' ||
                   strchr("/\\:*?\"<>|", c) != NULL ||
                   (c == '.' && b->len == start) || (k > 1 && cp == 0x3000);
        if (bad) {
            jx_buf_addc(b, '_');
        } else {
            jx_buf_add(b, s + i, adv);
        }
        i += adv;
    }
}

/* The folder names given so far in the run, compared with ASCII letters
 * folded (a folder of a case-insensitive file system is one). */
struct names {
    const char **key;   /* open addressing; NULL: free */
    size_t *who;        /* the input that has it */
    size_t cap, n;
};

/* Hash of a name with ASCII letters folded. */
static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 1099511628211u;
    }
    return h;
}

/* The slot of name in ns: where it is, or the free slot it would take. */
static size_t name_slot(const struct names *ns, const char *name)
{
    size_t i = (size_t)(name_hash(name) & (ns->cap - 1));
    while (ns->key[i] && strcasecmp(ns->key[i], name) != 0) {
        i = (i + 1) & (ns->cap - 1);
    }
    return i;
}

/* Whether name is taken; *who the input that took it. */
static bool name_taken(const struct names *ns, const char *name, size_t *who)
{
    size_t i = name_slot(ns, name);
    if (ns->key[i] && who) {
        *who = ns->who[i];
    }
    return ns->key[i] != NULL;
}

/* Record name (copied into a) as taken by input who; the copy. */
static const char *name_take(struct jx_arena *a, struct names *ns,
                             const char *name, size_t who)
{
    if ((ns->n + 1) * 2 > ns->cap) {
        struct names bigger = {NULL, NULL, ns->cap ? ns->cap * 2 : 64, 0};
        bigger.key = jx_xmalloc(bigger.cap * sizeof *bigger.key);
        bigger.who = jx_xmalloc(bigger.cap * sizeof *bigger.who);
        memset(bigger.key, 0, bigger.cap * sizeof *bigger.key);
        for (size_t i = 0; i < ns->cap; i++) {
            if (ns->key[i]) {
                size_t j = name_slot(&bigger, ns->key[i]);
                bigger.key[j] = ns->key[i];
                bigger.who[j] = ns->who[i];
                bigger.n++;
            }
        }
        free(ns->key);
        free(ns->who);
        *ns = bigger;
    }
    size_t i = name_slot(ns, name);
    ns->key[i] = jx_strdup(a, name);
    ns->who[i] = who;
    ns->n++;
    return ns->key[i];
}

/* The output folder of input i (file, whose unit and year are unit and
 * year), kept in keep: "单位-年度", else "单位-年度-文件名", else
 * "单位-年度-文件名-N"; "文件名", "文件名-N" without a unit name.  When
 * it had to tell two inputs apart, *clash is the input that has the
 * plain name. */
static const char *folder_name(struct jx_arena *keep, struct names *ns,
                               size_t i, const char *file, const char *unit,
                               int year, bool *told, size_t *clash)
{
    struct jx_buf base, name;
    jx_buf_init(&base, 1u << 12);
    jx_buf_init(&name, 1u << 12);
    struct jx_arena *a = jx_arena_new();
    const char *fstem = stem(a, file);
    if (unit && unit[0]) {
        name_part(&base, unit, 120);
        if (year) {
            jx_buf_addf(&base, "-%d", year);
        }
    } else {
        name_part(&base, fstem[0] ? fstem : "input", 120);
    }
    *told = name_taken(ns, base.p, clash);
    jx_buf_adds(&name, base.p);
    if (*told && unit && unit[0]) {
        jx_buf_addc(&name, '-');
        name_part(&name, fstem[0] ? fstem : "input", 80);
    }
    if (*told && name_taken(ns, name.p, NULL)) {
        size_t len = name.len;
        for (size_t k = 2;; k++) {
            name.len = len;
            name.p[len] = '\0';
            jx_buf_addf(&name, "-%zu", k);
            if (!name_taken(ns, name.p, NULL)) {
                break;
            }
        }
    }
    const char *r = name_take(keep, ns, name.p, i);
    jx_arena_free(a);
    jx_buf_release(&base);
    jx_buf_release(&name);
    return r;
}

/* ---- one input ----------------------------------------------------- */

/* What the analysis of one input gives: the pipeline's result (its
 * own arena, freed by analysis_release()). */
struct analysis {
    struct jx_result *in;
    const struct jx_package *pkg;  /* NULL: the input could not be read */
    const struct jx_eval *ev;      /* its scoring */
    const struct jx_diags *diags;  /* every finding, located */
    struct jx_fw_result *fr;       /* the 考核评分表, or NULL */
};

/* Run the pipeline on file (load, score, check, rescore printed tables
 * and, when the dates are known, assess): the one place the analysis
 * of an input happens.  false when the input could not be read
 * (an->pkg NULL).  Release an with analysis_release() in every case. */
static bool analyse(const struct eopts *o, const char *file,
                    struct analysis *an)
{
    memset(an, 0, sizeof *an);
    struct jx_input_opts io = jx_cli_input_opts(&o->fa);
    io.only_dated = true; /* assess when the dates are known */
    an->in = jx_cli_input(o->run, file, &io);
    if (an->in->status != JX_INPUT_OK) {
        return false;
    }
    if (an->in->fw_failed) {
        jx_cli_fw_failed(an->in, o->fa.framework);
    }
    an->pkg = an->in->pkg;
    an->ev = an->in->ev;
    an->diags = &an->in->diags;
    an->fr = an->in->assessment;
    return true;
}

/* Free the result of an analysis. */
static void analysis_release(struct analysis *an)
{
    jx_result_free(an->in);
    an->in = NULL;
}

/* The index row of an analysed input: scores and counts (the strings
 * are copied into keep: the analysis is about to go). */
static void summarise(struct jx_arena *keep, const struct analysis *an,
                      struct jx_index_unit *row)
{
    const struct jx_package *p = an->pkg;
    row->unit = jx_strdup(keep, p->unit.name.s ? p->unit.name.s : "");
    row->year = p->year.present && p->year.v > 0 && p->year.v < 10000
                    ? (int)p->year.v
                    : 0;
    row->errors = an->diags->count[JX_SEV_ERROR];
    row->warnings = an->diags->count[JX_SEV_WARNING];
    const struct jx_eval *ev = an->ev;
    if (ev && ev->nsheets && p->has_unit_sheet) {
        const struct jx_sheet_eval *se = &ev->sheets[0];
        row->has_total = se->total.has_value;
        row->total = se->total.value;
        row->has_stated = se->total.has_stated;
        row->stated = se->total.stated;
        row->grade = se->total.has_value ? jx_grade_zh(se->grade) : NULL;
    }
    /* the 考核评分表: a total, or while items await a judgement the
     * range it may take (the page shows 待判断 then, not a grade) */
    const struct jx_fw_result *fr = an->fr;
    if (fr && fr->total.has_value) {
        row->has_assess = true;
        row->assess = fr->total.value;
        row->assess_lo = fr->total_lo;
        row->assess_hi = fr->total_hi;
        row->judge = fr->njudge;
        row->assess_grade = fr->grade ? jx_strdup(keep, fr->grade) : NULL;
    }
}

/* Write document d in format to dir/name.format, a PDF with the run's
 * fonts (loaded by the first PDF, kept for all); true on success. */
static bool write_one(struct jx_arena *a, const struct eopts *o,
                      const struct jx_report_doc *d, const char *dir,
                      const char *name, const char *format)
{
    struct jx_pdf_fonts *fonts =
        strcmp(format, "pdf") == 0 ? jx_run_pdf_fonts(o->run) : NULL;
    return jx_cli_write_doc(d, format,
                            jx_sprintf(a, "%s/%s.%s", dir, name, format),
                            fonts) == 0;
}

/* Write the documents of an analysed input into dir (made here),
 * recording in row->docs what was written; true when all were. */
static bool write_unit(struct jx_arena *a, const struct eopts *o,
                       struct analysis *an, const char *dir,
                       struct jx_index_unit *row)
{
    if (!ensure_dir(dir)) {
        return false;
    }
    /* the report to hand in: the findings and the 考核评分表 are
     * documents of their own */
    struct jx_report_opts ro = {false, false, NULL};
    struct jx_report_doc *docs[JX_IDX_NDOCS] = {
        jx_report_build(a, an->pkg, an->ev, an->diags, &ro),
        jx_report_findings(a, an->pkg, an->diags),
        an->fr ? jx_report_assessment(a, an->fr) : NULL};
    static const char *const names[JX_IDX_NDOCS] = {"report", "findings",
                                                     "assessment"};
    bool all = true;
    for (int k = 0; k < JX_IDX_NDOCS; k++) {
        for (int f = 0; f < 4 && docs[k]; f++) {
            if (!o->formats[f] || (k == JX_IDX_FINDINGS && f == JX_IDX_XLSX)) {
                continue; /* the findings have no tables: no workbook */
            }
            if (write_one(a, o, docs[k], dir, names[k], fmt_names[f])) {
                row->docs[k] |= (unsigned char)(1u << f);
            } else {
                all = false;
            }
        }
    }
    return all;
}

/* ---- the run ------------------------------------------------------- */

/* A score as text, "—" when absent (arena). */
static const char *score_text(struct jx_arena *a, bool has, struct jx_rat v)
{
    char b[JX_NUM_BUFSZ];
    return has ? jx_strdup(a, jx_rat_format(v, 2, false, JX_ROUND_HALF_UP, b))
               : "—";
}

/* The 考核得分 of row r as the terminal shows it (arena). */
static const char *assess_text(struct jx_arena *a,
                               const struct jx_index_unit *r)
{
    if (r->has_assess && r->judge) {
        return jx_sprintf(a, "%s–%s（%zu 项待判断）",
                          score_text(a, true, r->assess_lo),
                          score_text(a, true, r->assess_hi), r->judge);
    }
    return score_text(a, r->has_assess, r->assess);
}

/* The cells of a summary line: of the head when r is NULL, else of
 * unit r at rank (arena). */
static void summary_cells(struct jx_arena *a, const struct jx_index_unit *r,
                          size_t rank, const char *c[8])
{
    static const char *const head[8] = {"名次", "单位", "年度", "复核总分",
                                        "等级", "自评总分", "错误/警告",
                                        "考核得分"};
    if (!r) {
        memcpy(c, head, sizeof head);
        return;
    }
    c[0] = jx_sprintf(a, "%zu", rank);
    c[1] = r->unit && r->unit[0] ? r->unit : r->file;
    c[2] = r->year ? jx_sprintf(a, "%d", r->year) : "—";
    c[3] = score_text(a, r->has_total, r->total);
    c[4] = r->grade ? r->grade : "—";
    c[5] = score_text(a, r->has_stated, r->stated);
    c[6] = r->unit ? jx_sprintf(a, "%zu/%zu", r->errors, r->warnings)
                   : "无法读取";
    c[7] = assess_text(a, r);
}

/* Print the summary table to stdout in ranking order, in two passes
 * (the column widths, then the lines, written as they are made) so
 * that it needs no memory per unit.  false when stdout failed. */
static bool summary(const struct jx_index_unit *rows, const size_t *order,
                    size_t n)
{
    size_t w[8] = {0};
    struct jx_arena *a = NULL;
    for (size_t i = 0; i <= n; i++) {
        if (i % 1024 == 0) {
            jx_arena_free(a); /* NULL the first time */
            a = jx_arena_new();
        }
        const char *c[8];
        summary_cells(a, i ? &rows[order[i - 1]] : NULL, i, c);
        for (int k = 0; k < 8; k++) {
            size_t x = jx_utf8_width(c[k]);
            w[k] = x > w[k] ? x : w[k];
        }
    }
    struct jx_buf b;
    jx_buf_init(&b, 1u << 24);
    bool ok = true;
    for (size_t i = 0; i <= n && ok; i++) {
        if (i % 1024 == 0) {
            jx_arena_free(a);
            a = jx_arena_new();
        }
        const char *c[8];
        summary_cells(a, i ? &rows[order[i - 1]] : NULL, i, c);
        for (int k = 0; k < 8; k++) {
            bool right = k == 0 || k == 3 || k == 5 || k == 7;
            jx_buf_addpad(&b, c[k], k == 7 ? 0 : w[k], right);
            jx_buf_adds(&b, k == 7 ? "\n" : "  ");
        }
        if (b.len >= 1u << 16 || i == n) {
            ok = jx_cli_write(&b) == 0;
            jx_buf_reset(&b);
        }
    }
    jx_arena_free(a);
    jx_buf_release(&b);
    return ok;
}

/* A sink for the index page: append to the stream ctx. */
static int to_file(void *ctx, const char *p, size_t n)
{
    return fwrite(p, 1, n, ctx) == n ? 0 : -1;
}

/* Write DIR/index.html atomically (streamed to DIR/index.html.tmp.<pid>,
 * synced, renamed) from rows[0..done) of total inputs; complete says
 * the run is over.  false after printing why. */
static bool write_index(const char *dir, const struct jx_index_unit *rows,
                        size_t done, size_t total, bool complete)
{
    struct jx_index ix = {rows, done, total, complete};
    struct jx_arena *a = jx_arena_new();
    const char *path = jx_sprintf(a, "%s/index.html", dir);
    const char *tmp = jx_sprintf(a, "%s.tmp.%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    bool ok = f && jx_report_index_write(&ix, to_file, f) == 0 &&
              fflush(f) == 0 && (fsync(fileno(f)) == 0 || errno == EINVAL);
    ok = f && fclose(f) == 0 && ok;
    ok = ok && rename(tmp, path) == 0;
    if (!ok) {
        fprintf(stderr, "jixiao evaluate: 无法写入“%s”：%s\n", path,
                jx_errno_zh(errno));
        remove(tmp);
    }
    jx_arena_free(a);
    return ok;
}

/* Milliseconds on the monotonic clock (when to rewrite the index). */
static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Draw the progress bar for done of n on stderr (a terminal). */
static void progress(size_t done, size_t n, const char *what)
{
    enum { W = 30 };
    size_t fill = n ? done * W / n : W;
    fputc('\r', stderr);
    fputc('[', stderr);
    for (size_t i = 0; i < W; i++) {
        fputs(i < fill ? "#" : " ", stderr);
    }
    fprintf(stderr, "] %zu/%zu %s\033[K", done, n, what);
    fflush(stderr);
}

/* The state of a run. */
struct run {
    const struct eopts *o;
    const char **files;
    size_t n;
    struct jx_arena *keep;        /* the rows and their strings */
    struct jx_index_unit *rows;   /* one per input, in input order */
    struct names names;           /* folder names given */
    bool tty;
    bool any_error, any_io, any_unread;
};

/* Print a line to stdout, clearing the progress bar first. */
static void say(const struct run *r, const char *line)
{
    if (r->tty) {
        fputs("\r\033[K", stderr);
    }
    fputs(line, stdout);
    fflush(stdout);
}

/* Evaluate input i of the run in an arena of its own, freed before
 * returning: only the row stays. */
static void evaluate_one(struct run *r, size_t i)
{
    struct jx_index_unit *row = &r->rows[i];
    const char *file = r->files[i];
    memset(row, 0, sizeof *row);
    row->file = file;
    struct jx_arena *a = jx_arena_new();
    struct analysis an;
    if (!analyse(r->o, file, &an)) {
        r->any_unread = true;
        analysis_release(&an);
        jx_arena_free(a);
        return;
    }
    summarise(r->keep, &an, row);
    bool told = false;
    size_t clash = 0;
    row->dir = folder_name(r->keep, &r->names, i, file, row->unit, row->year,
                           &told, &clash);
    if (told && clash < r->n) {
        say(r, jx_sprintf(a,
                          "注意：“%s”与“%s”%s，写到不同的目录：%s/%s/\n",
                          file, r->files[clash],
                          row->unit[0] ? "是同一单位、同一年度" : "文件名相同",
                          r->o->dir, row->dir));
    } else if (told) {
        say(r, jx_sprintf(a, "注意：“%s”的目录名与汇总页同名，改为：%s/%s/\n",
                          file, r->o->dir, row->dir));
    }
    const char *dir = jx_sprintf(a, "%s/%s", r->o->dir, row->dir);
    if (!write_unit(a, r->o, &an, dir, row)) {
        r->any_io = true;
    }
    r->any_error = r->any_error || row->errors > 0;
    analysis_release(&an);
    jx_arena_free(a);
}

/* Parse the options; JX_EXIT_OK or a usage error.  files gets the
 * inputs (argv pointers), *nfiles their count. */
static int parse(const struct jx_cmd *self, int argc, char **argv,
                 struct eopts *o, const char **files, size_t *nfiles)
{
    bool opts = true, any_format = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i], *val = NULL;
        int m;
        if (opts && strcmp(arg, "--") == 0) {
            opts = false;
        } else if (opts && ((m = jx_cli_optval(argc, argv, &i, "-o", &val)) ||
                            (m = jx_cli_optval(argc, argv, &i, "--output",
                                               &val)))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "-o 缺少输出目录");
            }
            o->dir = val;
        } else if (opts && (m = jx_cli_optval(argc, argv, &i, "--formats",
                                              &val))) {
            if (m < 0) {
                return jx_cli_usage_error(self, "--formats 缺少格式列表");
            }
            for (const char *p = val; *p;) {
                const char *e = strchr(p, ',');
                size_t n = e ? (size_t)(e - p) : strlen(p);
                int f = -1;
                for (int k = 0; k < 4; k++) {
                    if (strlen(fmt_names[k]) == n &&
                        strncmp(p, fmt_names[k], n) == 0) {
                        f = k;
                    }
                }
                if (f < 0) {
                    return jx_cli_usage_error(
                        self, "--formats 应为 docx、xlsx、html、pdf 的组合");
                }
                o->formats[f] = any_format = true;
                p += n + (e ? 1 : 0);
            }
        } else if (opts && (m = jx_cli_fw_arg(self, argc, argv, &i, &o->fa))) {
            if (m < 0) {
                return JX_EXIT_USAGE;
            }
        } else if (opts && arg[0] == '-' && arg[1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", arg);
        } else {
            files[(*nfiles)++] = arg;
        }
    }
    if (!*nfiles) {
        return jx_cli_usage_error(self, "缺少文件");
    }
    if (!any_format) {
        for (int k = 0; k < 4; k++) {
            o->formats[k] = true;
        }
    }
    if (!o->dir) {
        o->dir = "jixiao-out";
    }
    if (!o->fa.framework) {
        o->fa.framework = "yueyang-louqu-2025";
    }
    return JX_EXIT_OK;
}

/* `jixiao evaluate`. */
int jx_cmd_evaluate(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("evaluate");
    struct eopts o;
    memset(&o, 0, sizeof o);
    const char **files = calloc((size_t)argc, sizeof *files);
    if (!files) {
        return JX_EXIT_BUG;
    }
    size_t n = 0;
    int rc = parse(self, argc, argv, &o, files, &n);
    if (rc != JX_EXIT_OK) {
        free(files);
        return rc;
    }
    if (!jx_cli_out_dir_ok("jixiao evaluate", o.dir)) {
        free(files);
        return JX_EXIT_IO;
    }
    o.run = jx_cli_run(&o.fa, NULL, NULL);
    struct run r;
    memset(&r, 0, sizeof r);
    r.o = &o;
    r.files = files;
    r.n = n;
    r.keep = jx_arena_new();
    r.rows = jx_alloc_array(r.keep, n, sizeof *r.rows);
    r.tty = isatty(2);
    /* what a killed run left, then an index of no unit yet: from here
     * on index.html lists only units whose documents are written */
    size_t stale = clean_stale(o.dir, 1, true);
    if (stale) {
        char line[256];
        snprintf(line, sizeof line,
                 "已删除上次中断的运行留下的 %zu 个临时文件\n", stale);
        say(&r, line);
    }
    name_take(r.keep, &r.names, "index.html", SIZE_MAX);
    bool index = write_index(o.dir, r.rows, 0, n, false);
    /* the index again after units 1, 2, 4, … (all these rewrites
     * cost about twice the last one), and after a pause of 3 s or 20
     * times the last rewrite, whichever is longer (at most 5% of the
     * time); at the end in any case */
    size_t next = 1;
    long long last = now_ms(), pause = 3000;
    for (size_t i = 0; i < n; i++) {
        if (r.tty) {
            progress(i, n, files[i]);
        }
        evaluate_one(&r, i);
        if (index && i + 1 < n &&
            (i + 1 >= next || now_ms() - last >= pause)) {
            long long t0 = now_ms();
            index = write_index(o.dir, r.rows, i + 1, n, false);
            next = 2 * (i + 1);
            last = now_ms();
            pause = 20 * (last - t0) > 3000 ? 20 * (last - t0) : 3000;
        }
    }
    if (r.tty) {
        progress(n, n, "完成");
        fputc('\n', stderr);
    }
    index = index && write_index(o.dir, r.rows, n, n, true);
    size_t *order = jx_xmalloc((n ? n : 1) * sizeof *order);
    jx_index_rank(r.rows, n, order);
    bool out = summary(r.rows, order, n);
    free(order);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    jx_buf_addf(&b, "\n共 %zu 个文件，输出在 %s/（汇总：%s/index.html）\n", n,
                o.dir, o.dir);
    bool io = r.any_io || !index || !out || jx_cli_write(&b) < 0;
    jx_buf_release(&b);
    free(r.names.key);
    free(r.names.who);
    jx_arena_free(r.keep);
    jx_run_free(o.run);
    free(files);
    if (io) {
        return JX_EXIT_IO;
    }
    if (r.any_unread) {
        return JX_EXIT_USAGE;
    }
    return r.any_error ? JX_EXIT_FINDINGS : JX_EXIT_OK;
}
