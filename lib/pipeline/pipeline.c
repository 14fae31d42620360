/*
 * pipeline.c - the one pipeline (pipeline.h): a run loaded once, then
 * per input read → detect → load, or import and recognise (by the
 * catalogue of forms, loaded once per run) → score →
 * cross-check → rescore the printed scoring tables → assess, all of the
 * input in one arena.
 *
 * The framework that rescores a printed table is chosen from the
 * frameworks' data: a framework with a "rescore" list is the one for the
 * table its "stated" names when every word of the list is in the 一级指标
 * of some row (docs/frameworks.md, "Rescoring printed tables").
 */
#include "jixiao/pipeline.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "assess/assess.h"
#include "jixiao/calendar.h"
#include "jixiao/facts.h"
#include "jixiao/pkgjson.h"
#include "jixiao/report.h"
#include "import/import_formats.h"
#include "recognise/forms.h"
#include "recognise/recognise.h"

/* Most frameworks a run keeps open. */
enum { MAX_FRAMEWORKS = 64 };

/* A framework opened by a run, under the name it was asked by. */
struct fw_slot {
    const char *name;              /* id or path as asked */
    const struct jx_framework *fw;
};

/* A run (pipeline.h). */
struct jx_run {
    struct jx_run_opts o;
    struct jx_arena *a;            /* what the run loaded */
    const char *fwdir;             /* resolved frameworks directory */
    struct fw_slot fws[MAX_FRAMEWORKS];
    size_t nfws;
    bool listed;                   /* rescoring frameworks looked for */
    const struct jx_framework *rescore[MAX_FRAMEWORKS];
    size_t nrescore;
    struct jx_calendar *cal;       /* NULL until loaded */
    const struct jx_forms *forms;  /* the catalogue of forms, NULL until
                                      loaded */
    struct jx_diags forms_diags;   /* what loading it found */
    struct jx_pdf_fonts *pdf_fonts; /* NULL until the first PDF */
};

/* The default run options. */
void jx_run_opts_default(struct jx_run_opts *o)
{
    memset(o, 0, sizeof *o);
    jx_policy_default(&o->policy);
    jx_check_config_default(&o->check);
    jx_limits_default(&o->limits);
}

/* A new run over a copy of o. */
struct jx_run *jx_run_new(const struct jx_run_opts *o)
{
    struct jx_run *r = jx_xmalloc(sizeof *r);
    memset(r, 0, sizeof *r);
    if (o) {
        r->o = *o;
    } else {
        jx_run_opts_default(&r->o);
    }
    r->a = jx_arena_new();
    jx_diags_init(&r->forms_diags, r->a);
    r->fwdir = r->o.fwdir ? jx_strdup(r->a, r->o.fwdir)
                          : jx_framework_default_dir(r->a);
    return r;
}

/* Free a run. */
void jx_run_free(struct jx_run *r)
{
    if (!r) {
        return;
    }
    jx_diags_release(&r->forms_diags);
    jx_pdf_fonts_free(r->pdf_fonts);
    jx_arena_free(r->a);
    free(r);
}

/* The run's fonts for PDFs, made on first use (pipeline.h). */
struct jx_pdf_fonts *jx_run_pdf_fonts(struct jx_run *r)
{
    if (!r->pdf_fonts) {
        r->pdf_fonts = jx_pdf_fonts_new();
    }
    return r->pdf_fonts;
}

/* The framework asked as name, opened once per run; NULL after a
 * failure (why in d; it is tried again next time). */
static const struct jx_framework *open_framework(struct jx_run *r,
                                                 const char *name,
                                                 struct jx_diags *d)
{
    for (size_t i = 0; i < r->nfws; i++) {
        if (strcmp(r->fws[i].name, name) == 0) {
            return r->fws[i].fw;
        }
    }
    const struct jx_framework *fw = jx_framework_open(r->a, r->fwdir, name, d);
    if (fw && r->nfws < MAX_FRAMEWORKS) {
        r->fws[r->nfws++] = (struct fw_slot){jx_strdup(r->a, name), fw};
    }
    return fw;
}

/* The calendar, loaded once per run; NULL after a failure (why in d;
 * tried again next time). */
static const struct jx_calendar *open_calendar(struct jx_run *r,
                                               struct jx_diags *d)
{
    if (r->cal) {
        return r->cal;
    }
    struct jx_arena *ca = jx_arena_new();
    struct jx_calendar *cal = jx_calendar_new(r->a);
    const char *dir = r->o.caldir ? r->o.caldir : jx_calendar_default_dir(ca);
    if (jx_calendar_load_dir(cal, dir, d) == 0) {
        r->cal = cal;
    }
    jx_arena_free(ca);
    return r->cal;
}

/* The catalogue of forms, loaded once per run (forms.h); what loading
 * it found is added to d, for every input it reads. */
static const struct jx_forms *open_forms(struct jx_run *r, struct jx_diags *d)
{
    if (!r->forms) {
        struct jx_forms *cat = jx_forms_new(r->a);
        const char *dir = r->o.formsdir ? r->o.formsdir
                                        : jx_forms_default_dir(r->a);
        jx_forms_load_dir(cat, r->a, dir, &r->forms_diags);
        r->forms = cat;
    }
    for (size_t i = 0; i < r->forms_diags.n; i++) {
        const struct jx_diag *e = &r->forms_diags.a[i];
        jx_diag_add(d, e->code, e->severity, &e->loc, "%s", e->msg);
    }
    return r->forms;
}

/* strcmp for qsort over strings. */
static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Open the frameworks of the directory that say which printed table
 * they rescore, once per run, in file name order.  Frameworks that do
 * not load are left out here (jixiao assess shows why). */
static void list_rescoring(struct jx_run *r)
{
    if (r->listed) {
        return;
    }
    r->listed = true;
    DIR *dir = opendir(r->fwdir);
    if (!dir) {
        return;
    }
    struct jx_arena *ta = jx_arena_new();
    const char *ids[MAX_FRAMEWORKS];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL && n < MAX_FRAMEWORKS) {
        size_t len = strlen(e->d_name);
        if (len > 5 && e->d_name[0] != '.' &&
            strcmp(e->d_name + len - 5, ".json") == 0) {
            ids[n++] = jx_strndup(ta, e->d_name, len - 5);
        }
    }
    closedir(dir);
    qsort(ids, n, sizeof ids[0], cmp_str);
    for (size_t i = 0; i < n; i++) {
        struct jx_diags d;
        jx_diags_init(&d, ta);
        const struct jx_framework *fw = open_framework(r, ids[i], &d);
        jx_diags_release(&d);
        if (fw && fw->nrescore && r->nrescore < MAX_FRAMEWORKS) {
            r->rescore[r->nrescore++] = fw;
        }
    }
    jx_arena_free(ta);
}

/* The printed table of pkg that a framework's "stated" names, when it
 * is a scoring table (考核评分表, 部门整体支出绩效评分表). */
static const struct jx_rubric *stated_table(const struct jx_package *pkg,
                                            enum jx_fw_stated s)
{
    switch (s) {
    case JX_FW_STATED_ASSESSMENT:
        return &pkg->assessment;
    case JX_FW_STATED_DEPT_SCORING:
        return &pkg->dept_scoring;
    case JX_FW_STATED_NONE:
    case JX_FW_STATED_UNIT_SHEET:
        break;
    }
    return NULL;
}

/* Whether fw's "rescore" words are all in the 一级指标 of pkg's table. */
static bool rescores(const struct jx_framework *fw,
                     const struct jx_package *pkg)
{
    const struct jx_rubric *t = stated_table(pkg, fw->stated);
    if (!fw->nrescore || !t || !t->present || !t->nrows) {
        return false;
    }
    for (size_t w = 0; w < fw->nrescore; w++) {
        bool seen = false;
        for (size_t i = 0; i < t->nrows && !seen; i++) {
            const char *l1 = t->rows[i].level1.s;
            seen = l1 && strstr(l1, fw->rescore[w]) != NULL;
        }
        if (!seen) {
            return false;
        }
    }
    return true;
}

/* Whether a framework's finding is about a stated score of the printed
 * table (what a check of that table reports). */
static bool stated_finding(const char *code)
{
    return strcmp(code, "F201") == 0 || strcmp(code, "F202") == 0 ||
           strcmp(code, "F203") == 0 || strcmp(code, "F210") == 0;
}

/* Evaluate fw over the input with the dates and params of o; the
 * findings go to d.  NULL (why in d) when the calendar cannot be read. */
static struct jx_fw_result *evaluate(struct jx_run *r, struct jx_result *in,
                                     const struct jx_framework *fw,
                                     const struct jx_input_opts *o,
                                     struct jx_diags *d)
{
    const struct jx_calendar *cal = open_calendar(r, d);
    if (!cal) {
        return NULL;
    }
    struct jx_assess_opts ao;
    memset(&ao, 0, sizeof ao);
    ao.submitted = o->submitted;
    ao.published = o->published;
    ao.cal = cal;
    ao.overrides = o->sets;
    ao.facts = in->facts;
    struct jx_fw_env env;
    jx_assess_env(in->arena, in->pkg, in->ev, &ao, &env);
    return jx_framework_eval(in->arena, fw, in->pkg, &env, d);
}

/* Rescore the input's printed scoring tables: the stated scores that
 * break their framework's rule join the findings, unless a C finding
 * already points at the same value or the framework (not asked for) is
 * of another year or region than the package (F215).  Each evaluation is kept
 * (in->printed); that of the framework asked for is the assessment too
 * (*asked_done), not evaluated twice. */
static void printed_tables(struct jx_run *r, struct jx_result *in,
                           const struct jx_input_opts *o,
                           const struct jx_framework *asked,
                           bool *asked_done)
{
    struct jx_diags *diags = &in->diags;
    if (!in->pkg->assessment.present && !in->pkg->dept_scoring.present) {
        return;
    }
    list_rescoring(r);
    for (size_t k = 0; k < r->nrescore; k++) {
        const struct jx_framework *fw = r->rescore[k];
        if (!rescores(fw, in->pkg)) {
            continue;
        }
        bool shared = fw == asked && !*asked_done;
        bool kept = in->nprinted < JX_RESULT_MAX_PRINTED;
        struct jx_diags own;
        jx_diags_init(&own, in->arena);
        struct jx_diags *fd = shared ? &in->fw_diags
                              : kept ? &in->printed_diags[in->nprinted]
                                     : &own;
        size_t from = diags->n, fd_from = fd->n;
        struct jx_fw_result *res = evaluate(r, in, fw, o, fd);
        /* a framework of another year or region (F215) rescores the
         * printed table only when it was asked for: its deadlines and
         * rules were not the unit's, so its differences are no errors */
        bool applies = shared || (res && !res->mismatch);
        for (size_t i = fd_from; res && applies && i < fd->n; i++) {
            const struct jx_diag *e = &fd->a[i];
            bool keep = stated_finding(e->code);
            for (size_t j = 0; keep && j < from; j++) {
                keep = !(diags->a[j].code[0] == 'C' && e->loc.path &&
                         diags->a[j].loc.path &&
                         strcmp(diags->a[j].loc.path, e->loc.path) == 0);
            }
            if (!keep) {
                continue;
            }
            struct jx_diag *n = jx_diag_add(diags, e->code, e->severity,
                                            &e->loc, "%s", e->msg);
            jx_diag_detail(diags, n,
                           "%s%s按评价框架 %s 复算；完整的表见 jixiao assess",
                           e->detail ? e->detail : "",
                           e->detail ? "；" : "", fw->id);
        }
        if (res && kept) {
            in->printed[in->nprinted++] = res;
            if (!shared) {
                jx_pkgpos_locate(in->pos, fd, 0);
                jx_diags_sort(fd);
            }
        } else if (kept && !shared) {
            jx_diags_release(fd);
            jx_diags_init(fd, in->arena);
        }
        if (shared) {
            in->assessment = res;
            in->assessed = res != NULL;
            *asked_done = true;
        }
        jx_diags_release(&own);
        jx_pkgpos_locate(in->pos, diags, from);
    }
    jx_diags_sort(diags);
}

/* Whether both dates of the assessment are known (given or stated). */
static bool dated(const struct jx_input_opts *o, const struct jx_package *p)
{
    return (o->submitted.present || p->submission.submitted.present) &&
           (o->published.present || p->submission.published.present);
}

/* Offset of the first byte after a UTF-8 BOM and white space. */
static size_t skip_space(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        i = 3;
    }
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
                     s[i] == '\r')) {
        i++;
    }
    return i;
}

/* Add U101 (nothing could be read) when loading added no error. */
static void nothing_read(struct jx_result *in, size_t before)
{
    if (jx_diags_errors(&in->diags) == before) {
        jx_diag_add(&in->diags, "U101", JX_SEV_ERROR,
                    &(struct jx_loc){.file = in->file},
                    "无法从文件中读出自评材料");
    }
}

/* Load the package of in->text: Package JSON with the positions of its
 * values, any other input through the importer and the recogniser
 * (whose findings carry their own provenance; an imported package is
 * analysed even when the import found errors: they are findings). */
static void load(struct jx_run *r, struct jx_result *in, size_t len)
{
    size_t before = jx_diags_errors(&in->diags);
    struct jx_doc *doc = jx_import_doc(in->arena, in->file, in->text, len,
                                       &r->o.limits, &in->diags, &in->kind);
    struct jx_package *p = NULL;
    if (in->kind == JX_IN_JSON) {
        p = jx_pkgjson_load_pos(in->arena, in->file, in->text, len,
                                &in->diags, &in->pos);
    } else {
        /* the positions are Package JSON's only, and the document holds
           copies of what it read: the bytes go before recognising */
        free(in->text);
        in->text = NULL;
        if (doc) {
            jx_doc_fit(doc);
            jx_doc_simplify(doc, &in->diags);
            p = jx_recognise_with(in->arena, doc,
                                  open_forms(r, &in->diags), &in->diags);
        }
    }
    if (!p) {
        nothing_read(in, before);
        in->status = JX_INPUT_MALFORMED;
        if (doc) {
            /* no self-evaluation material, but its prose may still add
               up wrong (a 决算 report's staff, a notice's sums) */
            jx_check_prose(in->arena, jx_report_facts(in->arena, doc),
                           &r->o.check, &in->diags);
        }
        return;
    }
    if (!p->source) {
        p->source = jx_strdup(in->arena, in->file);
    }
    /* the report's figures are part of the package from here on */
    jx_package_fill_figures(in->arena, p);
    in->pkg = p;
    in->status = in->kind == JX_IN_JSON && jx_diags_errors(&in->diags) > before
                     ? JX_INPUT_MALFORMED
                     : JX_INPUT_OK;
}

/* Analyse a loaded package: score, check, printed tables, assessment. */
static void analyse(struct jx_run *r, struct jx_result *in,
                    const struct jx_input_opts *o)
{
    struct jx_diags *diags = &in->diags;
    size_t from = diags->n;
    in->facts = jx_package_fill_figures(in->arena, in->pkg);
    in->ev = o->findings_only
                 ? jx_score_brief(in->arena, in->pkg, &r->o.policy, diags)
                 : jx_score(in->arena, in->pkg, &r->o.policy, diags);
    jx_check_facts_run(in->arena, in->pkg, in->ev, &r->o.check, in->facts,
                       diags);
    jx_pkgpos_locate(in->pos, diags, from);
    jx_diags_sort(diags);
    const struct jx_framework *asked = NULL;
    bool want = o->framework && (!o->only_dated || dated(o, in->pkg));
    if (want) {
        in->fw_dir = r->fwdir;
        asked = open_framework(r, o->framework, &in->fw_diags);
        in->fw = asked;
    }
    bool done = false;
    printed_tables(r, in, o, asked, &done);
    if (asked && !done) {
        in->assessment = evaluate(r, in, asked, o, &in->fw_diags);
        in->assessed = in->assessment != NULL;
    }
    in->fw_failed = want && !in->assessed;
    if (in->assessed) {
        jx_pkgpos_locate(in->pos, &in->fw_diags, 0);
        jx_diags_sort(&in->fw_diags);
    }
}

/* Analyse data[0..len) (taken over) named name. */
struct jx_result *jx_run_data(struct jx_run *r, const char *name, char *data,
                             size_t len, const struct jx_input_opts *o)
{
    static const struct jx_input_opts none;
    if (!o) {
        o = &none;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_result *in = jx_alloc(a, sizeof *in);
    memset(in, 0, sizeof *in);
    in->arena = a;
    in->file = jx_strdup(a, name);
    in->text = data;
    jx_diags_init(&in->diags, a);
    jx_diags_init(&in->fw_diags, a);
    for (size_t k = 0; k < JX_RESULT_MAX_PRINTED; k++) {
        jx_diags_init(&in->printed_diags[k], a);
    }
    if (skip_space(data, len) == len) {
        in->status = JX_INPUT_EMPTY;
        return in;
    }
    load(r, in, len);
    if (in->status == JX_INPUT_OK && !o->load_only) {
        analyse(r, in, o);
    }
    return in;
}

/* Read path and analyse it. */
struct jx_result *jx_run_file(struct jx_run *r, const char *path,
                             const struct jx_input_opts *o)
{
    char *text = NULL;
    size_t len = 0;
    if (jx_read_file(path, r->o.limits.max_input, &text, &len) != 0) {
        int err = errno;
        struct jx_arena *a = jx_arena_new();
        struct jx_result *in = jx_alloc(a, sizeof *in);
        memset(in, 0, sizeof *in);
        in->arena = a;
        in->file = jx_strdup(a, path);
        in->status = JX_INPUT_UNREADABLE;
        in->err = err;
        jx_diags_init(&in->diags, a);
        jx_diags_init(&in->fw_diags, a);
        return in;
    }
    return jx_run_data(r, path, text, len, o);
}

/* Free an input's result. */
void jx_result_free(struct jx_result *in)
{
    if (!in) {
        return;
    }
    jx_pkgpos_free(in->pos);
    free(in->text);
    jx_diags_release(&in->diags);
    jx_diags_release(&in->fw_diags);
    for (size_t k = 0; k < JX_RESULT_MAX_PRINTED; k++) {
        jx_diags_release(&in->printed_diags[k]);
    }
    jx_arena_free(in->arena);
}

/* Detect, convert and recognise any supported input; the package lives
 * in arena. */
struct jx_package *jx_import(struct jx_arena *arena, const char *file,
                             const char *data, size_t len,
                             const struct jx_limits *lim,
                             struct jx_diags *diags,
                             enum jx_input_kind *kind)
{
    enum jx_input_kind k;
    struct jx_doc *doc = jx_import_doc(arena, file, data, len, lim, diags, &k);
    if (kind) {
        *kind = k;
    }
    if (k == JX_IN_JSON) {
        return jx_pkgjson_load(arena, file, data, len, diags);
    }
    if (!doc) {
        return NULL;
    }
    jx_doc_simplify(doc, diags);
    struct jx_package *p = jx_recognise(arena, doc, diags);
    if (p) {
        jx_package_fill_figures(arena, p);
    }
    return p;
}
