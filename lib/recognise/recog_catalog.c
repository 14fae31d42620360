/*
 * recog_catalog.c - the catalogue of self-evaluation forms (forms.h,
 * docs/forms.md): loading the form files of data/forms with located
 * T-code diagnostics through base_json.c's jx_jload, and the matching
 * of header cells and row labels against a form's words.
 */
#include "recognise/forms.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "base/base_json.h"
#include "jx_datadir.h"

/* Syntax repairs tried, code points quoted, most words of one list. */
enum { MAX_REPAIRS = 20, EXCERPT = 40, MAX_WORDS = 64, MAX_FILES = 256 };

static const char FORMAT_NAME[] = "jixiao-form";

/* The codes of the problems base_json.c reports for a form file. */
static const struct jx_jcodes codes = {"T001", "T003", "T004", "T101",
                                       "T102", "T103", "T002", "表式文件"};

/* JSON names of the kinds (enum jx_form_kind). */
static const char *const kind_names[JX_FORM_KINDS] = {
    "project", "unit", "base", "assessment"};

/* Chinese names of the kinds. */
static const char *const kind_zh[JX_FORM_KINDS] = {
    "项目支出绩效自评表", "整体支出绩效自评表", "基础数据表", "考核评分表"};

/* JSON names of the columns (enum jx_form_col). */
static const char *const col_names[JX_FC_COUNT] = {
    "budget_initial", "budget_full", "executed", "rate", "points", "score",
    "level1", "level2", "level3", "nature", "target", "measure", "actual",
    "deviation", "goal_expected", "goal_actual", "standard", "reason",
    "description",
    "staff_authorized", "staff_actual", "staff_rate", "cost_budget",
    "cost_final", "building_approved", "building_area", "building_area_rate",
    "building_budget_invest", "building_actual_invest",
    "building_invest_rate"};

/* JSON names of the anchor rows (enum jx_form_row). */
static const char *const row_names[JX_FR_COUNT] = {
    "total", "general_budget", "gov_fund", "special_account", "other",
    "current_approp", "carryover", "basic", "project", "fund_group", "sum",
    "grade", "scorer", "level1", "level2", "project_name", "supervisor",
    "implementer", "unit_name", "vehicle_purchase", "vehicle_operation",
    "vehicle", "three_public", "overseas", "reception", "business",
    "operation", "special", "transfer", "project_costs", "office",
    "utilities_travel", "meetings_training", "public_funds", "procurement",
    "basic_adjustment", "special_list", "special_note", "thrift",
    "staff_group", "buildings", "block", "criterion", "head_label"};

/* The Chinese name of a kind (see forms.h). */
const char *jx_forms_kind_name(enum jx_form_kind k)
{
    return (unsigned)k < JX_FORM_KINDS ? kind_zh[k] : "表";
}

/* An empty catalogue (see forms.h). */
struct jx_forms *jx_forms_new(struct jx_arena *a)
{
    struct jx_forms *c = jx_alloc(a, sizeof *c);
    memset(c, 0, sizeof *c);
    c->arena = a;
    atomic_init(&c->oneline, NULL);
    return c;
}

/* The lock under which the catalogues' indexes are built (one for all
 * catalogues: each index is built once per catalogue). */
static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;

/* The index in *slot, built on first use (see forms.h).  slot is a
 * field of cat: the catalogue is const to its readers, the index is
 * the one thing set after loading, once, under index_lock. */
void *jx_forms_index(const struct jx_forms *cat, void *_Atomic *slot,
                     void *(*build)(const struct jx_forms *cat,
                                    struct jx_arena *arena))
{
    void *ix = atomic_load_explicit(slot, memory_order_acquire);
    if (ix) {
        return ix;
    }
    pthread_mutex_lock(&index_lock);
    ix = atomic_load_explicit(slot, memory_order_relaxed);
    if (!ix) {
        ix = build(cat, cat->arena);
        atomic_store_explicit(slot, ix, memory_order_release);
    }
    pthread_mutex_unlock(&index_lock);
    return ix;
}

/* State of one load. */
struct ctx {
    struct jx_jload j;
    struct jx_arena *a;
};

/* The member key of obj (NULL when absent or null), its node in *kn. */
static json_t *member(struct ctx *c, json_t *obj, int32_t node,
                      const char *key, int32_t *kn)
{
    json_t *v = json_object_get(obj, key);
    *kn = v ? jx_jdoc_member(c->j.doc, node, key, strlen(key)) : -1;
    return v && !json_is_null(v) ? v : NULL;
}

/* Read a required or optional string member; NULL when absent (T104
 * when required) or not a non-empty string. */
static const char *get_text(struct ctx *c, json_t *obj, int32_t node,
                            const char *key, bool req)
{
    int32_t kn;
    json_t *v = member(c, obj, node, key, &kn);
    size_t mk = jx_jload_push(&c->j, key, strlen(key));
    const char *out = NULL;
    if (!v) {
        if (req) {
            jx_jload_rep(&c->j, "T104", node, false, "缺少必填项 \"%s\"", key);
        }
    } else if (!json_is_string(v)) {
        jx_jload_type_error(&c->j, "字符串", v, kn);
    } else if (json_string_length(v) == 0) {
        jx_jload_rep(&c->j, "T104", kn, false, "\"%s\" 不能为空", key);
    } else {
        out = jx_strndup(c->a, json_string_value(v), json_string_length(v));
    }
    jx_jload_pop(&c->j, mk);
    return out;
}

/* Read a list of words (non-empty strings without NUL; without white
 * space unless loose) at v (node vn) into *out; the path is the
 * list's. */
static void get_words(struct ctx *c, json_t *v, int32_t vn,
                      struct jx_form_words *out, bool loose)
{
    memset(out, 0, sizeof *out);
    if (!json_is_array(v)) {
        jx_jload_type_error(&c->j, "字符串数组", v, vn);
        return;
    }
    size_t n = jx_jload_array_len(&c->j, "T104", v, vn, MAX_WORDS);
    if (n == 0) {
        jx_jload_rep(&c->j, "T104", vn, false, "词表不能为空");
        return;
    }
    const char **w = jx_alloc_array(c->a, n, sizeof *w);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        json_t *e = json_array_get(v, i);
        int32_t en = jx_jdoc_element(c->j.doc, vn, i);
        size_t mk = jx_jload_index(&c->j, i);
        if (!json_is_string(e)) {
            jx_jload_type_error(&c->j, "字符串", e, en);
        } else {
            const char *s = json_string_value(e);
            size_t len = json_string_length(e);
            bool ok = len > 0 && strlen(s) == len;
            for (size_t j = 0; ok && !loose && j < len; j++) {
                ok = s[j] != ' ' && s[j] != '\t' && s[j] != '\n' &&
                     s[j] != '\r';
            }
            if (!ok) {
                jx_jload_rep(&c->j, "T104", en, false,
                             "词语%s无效：不能为空，也不能含空白",
                             jx_jload_shown(&c->j, e, en));
            } else {
                w[k++] = jx_strndup(c->a, s, len);
            }
        }
        jx_jload_pop(&c->j, mk);
    }
    out->w = w;
    out->n = k;
}

/* Read an object of word lists whose keys are names[0..count) into
 * out[] (absent keys stay empty). */
static void get_lists(struct ctx *c, json_t *root, const char *key,
                      const char *const *names, size_t count,
                      struct jx_form_words *out, bool req)
{
    int32_t on;
    json_t *o = member(c, root, 0, key, &on);
    size_t mk = jx_jload_push(&c->j, key, strlen(key));
    if (!o) {
        if (req) {
            jx_jload_rep(&c->j, "T104", 0, false, "缺少必填项 \"%s\"", key);
        }
    } else if (!json_is_object(o)) {
        jx_jload_type_error(&c->j, "对象", o, on);
    } else {
        jx_jload_check_keys(&c->j, o, on, names, count, NULL, NULL);
        for (size_t i = 0; i < count; i++) {
            int32_t vn;
            json_t *v = member(c, o, on, names[i], &vn);
            if (!v) {
                continue;
            }
            size_t m2 = jx_jload_push(&c->j, names[i], strlen(names[i]));
            get_words(c, v, vn, &out[i], false);
            jx_jload_pop(&c->j, m2);
        }
    }
    jx_jload_pop(&c->j, mk);
}

/* Read "execution": {"points": 10 or 20, "in_total": bool}. */
static void get_execution(struct ctx *c, json_t *root, struct jx_form *f)
{
    static const char *const keys[] = {"points", "in_total", NULL};
    int32_t en;
    json_t *e = member(c, root, 0, "execution", &en);
    if (!e) {
        return;
    }
    size_t mk = jx_jload_push(&c->j, "execution", 9);
    if (!json_is_object(e)) {
        jx_jload_type_error(&c->j, "对象", e, en);
        jx_jload_pop(&c->j, mk);
        return;
    }
    jx_jload_check_keys(&c->j, e, en, keys, SIZE_MAX, NULL, NULL);
    int32_t pn, tn;
    json_t *p = member(c, e, en, "points", &pn);
    json_t *t = member(c, e, en, "in_total", &tn);
    size_t m2 = jx_jload_push(&c->j, "points", 6);
    if (!p) {
        jx_jload_rep(&c->j, "T104", en, false, "缺少必填项 \"points\"");
    } else if (!json_is_integer(p)) {
        jx_jload_type_error(&c->j, "整数", p, pn);
    } else if (json_integer_value(p) < 1 || json_integer_value(p) > 100) {
        jx_jload_rep(&c->j, "T104", pn, false,
                     "执行率分值 %s 无效：应为 1 到 100 的整数",
                     jx_jload_token(&c->j, pn));
    } else {
        f->exec_points = (int)json_integer_value(p);
    }
    jx_jload_pop(&c->j, m2);
    m2 = jx_jload_push(&c->j, "in_total", 8);
    f->exec_in_total = true;
    if (t && !json_is_boolean(t)) {
        jx_jload_type_error(&c->j, "布尔值（true 或 false）", t, tn);
    } else if (t) {
        f->exec_in_total = json_is_true(t);
    }
    jx_jload_pop(&c->j, m2);
    jx_jload_pop(&c->j, mk);
}

/* Read "head_amounts": the budget column ("budget_initial",
 * "budget_full" or "executed") that the amounts printed beside fund
 * labels in the form's head (基本支出总额 | 864.2万) fill. */
static void get_head_amounts(struct ctx *c, json_t *root, struct jx_form *f)
{
    int32_t hn;
    json_t *h = member(c, root, 0, "head_amounts", &hn);
    if (!h) {
        return;
    }
    size_t mk = jx_jload_push(&c->j, "head_amounts", 12);
    int v = jx_jload_enum(&c->j, "T104", h, hn, col_names,
                          JX_FC_EXECUTED + 1);
    if (v >= 0) {
        f->head_amounts = v + 1;
    }
    jx_jload_pop(&c->j, mk);
}

/* The id of a file name (base name without ".json"), or NULL. */
static const char *file_id(struct jx_arena *a, const char *file)
{
    size_t n = strlen(file);
    if (n < 5 || strcmp(file + n - 5, ".json") != 0) {
        return NULL;
    }
    const char *b = strrchr(file, '/');
    b = b ? b + 1 : file;
    return jx_strndup(a, b, (size_t)(file + n - 5 - b));
}

/* Read the top-level object into f; false when it is not a form. */
static bool load_top(struct ctx *c, json_t *root, struct jx_form *f)
{
    static const char *const keys[] = {"format", "version", "id", "kind",
                                       "title", "region", "sources",
                                       "execution", "columns", "rows",
                                       "comment", "head_amounts", NULL};
    int32_t fn, vn;
    json_t *fm = member(c, root, 0, "format", &fn);
    if (!fm || !json_is_string(fm) ||
        strcmp(json_string_value(fm), FORMAT_NAME) != 0) {
        jx_jload_push(&c->j, "format", 6);
        jx_jload_rep(&c->j, "T010", fm ? fn : 0, false,
                     "不是 jixiao 表式文件：\"format\" 应为 \"%s\"",
                     FORMAT_NAME);
        return false;
    }
    json_t *ver = member(c, root, 0, "version", &vn);
    if (!ver || !json_is_integer(ver) || json_integer_value(ver) != 1) {
        jx_jload_push(&c->j, "version", 7);
        jx_jload_rep(&c->j, "T011", ver ? vn : 0, false,
                     "不支持的版本 %s（只支持 1）",
                     ver ? jx_jload_token(&c->j, vn) : "（缺少）");
        return false;
    }
    jx_jload_check_keys(&c->j, root, 0, keys, SIZE_MAX, NULL, NULL);
    f->file = jx_strdup(c->a, c->j.file);
    f->id = get_text(c, root, 0, "id", true);
    const char *want = file_id(c->a, c->j.file);
    if (f->id && want && strcmp(want, f->id) != 0) {
        int32_t idn;
        member(c, root, 0, "id", &idn);
        size_t mk = jx_jload_push(&c->j, "id", 2);
        jx_jload_rep(&c->j, "T104", idn, false,
                     "表式 id \"%s\" 与文件名不一致（应为 \"%s\"）",
                     jx_jexcerpt(c->a, f->id, strlen(f->id), EXCERPT),
                     jx_jexcerpt(c->a, want, strlen(want), EXCERPT));
        jx_jload_pop(&c->j, mk);
    }
    f->title = get_text(c, root, 0, "title", true);
    f->region = get_text(c, root, 0, "region", false);
    get_text(c, root, 0, "comment", false);
    int32_t kn;
    json_t *k = member(c, root, 0, "kind", &kn);
    size_t mk = jx_jload_push(&c->j, "kind", 4);
    if (!k) {
        jx_jload_rep(&c->j, "T104", 0, false, "缺少必填项 \"kind\"");
    } else {
        int v = jx_jload_enum(&c->j, "T104", k, kn, kind_names, JX_FORM_KINDS);
        if (v >= 0) {
            f->kind = (enum jx_form_kind)v;
        }
    }
    jx_jload_pop(&c->j, mk);
    int32_t sn;
    json_t *s = member(c, root, 0, "sources", &sn);
    mk = jx_jload_push(&c->j, "sources", 7);
    if (!s) {
        jx_jload_rep(&c->j, "T104", 0, false,
                     "缺少必填项 \"sources\"（表式的出处：文号或网址）");
    } else {
        get_words(c, s, sn, &f->sources, true);
    }
    jx_jload_pop(&c->j, mk);
    get_execution(c, root, f);
    get_head_amounts(c, root, f);
    get_lists(c, root, "columns", col_names, JX_FC_COUNT, f->col, true);
    get_lists(c, root, "rows", row_names, JX_FR_COUNT, f->row, false);
    return true;
}

/*
 * The column words of a form grouped by their first character, so that
 * jx_form_col_of tries only the words that can start a key: a word that
 * is a prefix of the key begins with the key's first character.  A
 * character's bytes are hashed into one of COLIDX_BUCKETS lists; each
 * list keeps the words in the order the linear search meets them
 * (column, then word), so ties fall as they did.  Empty words, which
 * never win, are left out.
 */
enum { COLIDX_BUCKETS = 64 };

struct colidx_entry {
    const char *w;
    size_t len;
    int col;
};

struct jx_form_colidx {
    uint32_t start[COLIDX_BUCKETS + 1]; /* bucket b is e[start[b]..start[b+1]) */
    struct colidx_entry *e;
};

/* The bucket of the first character of s (its bytes as the lead byte
 * says, stopped at a NUL; an invalid lead counts as one byte). */
static unsigned colidx_bucket(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = u[0] < 0xC0 ? 1 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n && u[i]; i++) {
        h = (h ^ u[i]) * 16777619u;
    }
    return (unsigned)(h ^ (h >> 16)) % COLIDX_BUCKETS;
}

/* Build form f's column index in a (see struct jx_form). */
static const struct jx_form_colidx *colidx_build(struct jx_arena *a,
                                                 const struct jx_form *f)
{
    struct jx_form_colidx *x = jx_alloc(a, sizeof *x);
    size_t total = 0;
    uint32_t count[COLIDX_BUCKETS] = {0};
    for (int c = 0; c < JX_FC_COUNT; c++) {
        for (size_t i = 0; i < f->col[c].n; i++) {
            if (f->col[c].w[i][0]) {
                count[colidx_bucket(f->col[c].w[i])]++;
                total++;
            }
        }
    }
    x->e = jx_alloc_array(a, total ? total : 1, sizeof *x->e);
    for (unsigned b = 0; b < COLIDX_BUCKETS; b++) {
        x->start[b + 1] = x->start[b] + count[b];
    }
    uint32_t fill[COLIDX_BUCKETS];
    memcpy(fill, x->start, sizeof fill);
    for (int c = 0; c < JX_FC_COUNT; c++) {
        for (size_t i = 0; i < f->col[c].n; i++) {
            const char *w = f->col[c].w[i];
            if (w[0]) {
                struct colidx_entry *e = &x->e[fill[colidx_bucket(w)]++];
                e->w = w;
                e->len = strlen(w);
                e->col = c;
            }
        }
    }
    return x;
}

/* Add a form read from text (see forms.h). */
int jx_forms_load(struct jx_forms *cat, struct jx_arena *a, const char *file,
                  const char *text, size_t len, struct jx_diags *d)
{
    struct ctx c;
    memset(&c, 0, sizeof c);
    jx_jload_init(&c.j, a, jx_strdup(a, file), &codes, d->limit);
    c.a = a;
    struct jx_jlimits lim = {MAX_REPAIRS, JX_FORMS_MAX_DEPTH,
                             JX_FORMS_MAX_BYTES, false};
    json_t *root = jx_jload_parse(&c.j, text, len, &lim);
    struct jx_form f;
    memset(&f, 0, sizeof f);
    bool ok = root && load_top(&c, root, &f);
    for (size_t i = 0; ok && i < cat->n; i++) {
        if (f.id && strcmp(cat->f[i].id, f.id) == 0) {
            int32_t idn;
            member(&c, root, 0, "id", &idn);
            size_t mk = jx_jload_push(&c.j, "id", 2);
            jx_jload_rep(&c.j, "T105", idn, false,
                         "表式 id \"%s\" 重复（已由 %s 定义）",
                         jx_jexcerpt(a, f.id, strlen(f.id), EXCERPT),
                         cat->f[i].file);
            jx_jload_pop(&c.j, mk);
        }
    }
    ok = ok && c.j.dg.count[JX_SEV_ERROR] == 0;
    jx_jload_finish(&c.j, d);
    jx_jdoc_free(c.j.doc);
    if (!ok) {
        return -1;
    }
    f.colidx = colidx_build(a, &f);
    cat->f = jx_arena_grow(a, cat->f, cat->n, &cat->cap, sizeof *cat->f);
    cat->f[cat->n++] = f;
    /* a form added: the indexes are built again on next use (loading
       is never concurrent with recognising) */
    atomic_store_explicit(&cat->oneline, NULL, memory_order_relaxed);
    return 0;
}

/* strcmp for qsort over strings. */
static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Add every form file of a directory (see forms.h). */
int jx_forms_load_dir(struct jx_forms *cat, struct jx_arena *a,
                      const char *dir, struct jx_diags *d)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = jx_strdup(a, dir);
    DIR *dp = opendir(dir);
    if (!dp) {
        jx_diag_add(d, "T005", JX_SEV_ERROR, &loc, "无法读取表式目录 %s：%s",
                    dir, jx_errno_zh(errno));
        return -1;
    }
    const char *names[MAX_FILES];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL && n < MAX_FILES) {
        size_t len = strlen(e->d_name);
        if (len > 5 && e->d_name[0] != '.' &&
            strcmp(e->d_name + len - 5, ".json") == 0) {
            names[n++] = jx_strdup(a, e->d_name);
        }
    }
    closedir(dp);
    qsort(names, n, sizeof names[0], cmp_str);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        const char *path = jx_sprintf(a, "%s/%s", dir, names[i]);
        char *text;
        size_t len;
        if (jx_read_file(path, JX_FORMS_MAX_BYTES, &text, &len) < 0) {
            int err = errno;
            loc.file = path;
            if (err == EFBIG) {
                jx_diag_add(d, "T002", JX_SEV_ERROR, &loc,
                            "表式文件 %s 过大：上限 %u 字节", path,
                            JX_FORMS_MAX_BYTES);
            } else {
                jx_diag_add(d, "T005", JX_SEV_ERROR, &loc,
                            "无法读取表式文件 %s：%s", path, jx_errno_zh(err));
            }
            rc = -1;
            continue;
        }
        if (jx_forms_load(cat, a, path, text, len, d) < 0) {
            rc = -1;
        }
        free(text);
    }
    if (cat->n == 0) {
        loc.file = jx_strdup(a, dir);
        jx_diag_add(d, "T005", JX_SEV_ERROR, &loc,
                    "表式目录 %s 中没有可用的表式文件", dir);
        rc = -1;
    }
    return rc;
}

/* The bundled catalogue's directory (see forms.h). */
char *jx_forms_default_dir(struct jx_arena *a)
{
    const char *env = getenv("JIXIAO_DATADIR");
    if (env && *env) {
        return jx_sprintf(a, "%s/forms", env);
    }
    return jx_sprintf(a, "%s/forms", JX_DATADIR);
}

/* The bundled catalogue (see forms.h). */
const struct jx_forms *jx_forms_default(struct jx_arena *a,
                                        struct jx_diags *d)
{
    struct jx_forms *cat = jx_forms_new(a);
    jx_forms_load_dir(cat, a, jx_forms_default_dir(a), d);
    return cat;
}

/* ---- matching ---------------------------------------------------------- */

/* True when s equals one of the words.  (Here and below a word whose
 * first byte differs from s's is passed over before the string call:
 * the same answer, without a call per word of the catalogue.) */
bool jx_form_words_is(const struct jx_form_words *w, const char *s)
{
    for (size_t i = 0; s && i < w->n; i++) {
        if (s[0] == w->w[i][0] && strcmp(s, w->w[i]) == 0) {
            return true;
        }
    }
    return false;
}

/* True when s starts with one of the words. */
bool jx_form_words_starts(const struct jx_form_words *w, const char *s)
{
    for (size_t i = 0; s && i < w->n; i++) {
        if ((w->w[i][0] == '\0' || s[0] == w->w[i][0]) &&
            strncmp(s, w->w[i], strlen(w->w[i])) == 0) {
            return true;
        }
    }
    return false;
}

/* True when s contains one of the words. */
bool jx_form_words_has(const struct jx_form_words *w, const char *s)
{
    for (size_t i = 0; s && i < w->n; i++) {
        if (strstr(s, w->w[i]) != NULL) {
            return true;
        }
    }
    return false;
}

/* The column a header cell names (see forms.h). */
int jx_form_col_of(const struct jx_form *f, const char *key)
{
    int best = -1;
    size_t blen = 0;
    if (key && key[0] && f->colidx) {
        const struct jx_form_colidx *x = f->colidx;
        unsigned b = colidx_bucket(key);
        for (uint32_t k = x->start[b]; k < x->start[b + 1]; k++) {
            const struct colidx_entry *e = &x->e[k];
            if (e->len > blen && key[0] == e->w[0] &&
                strncmp(key, e->w, e->len) == 0) {
                best = e->col;
                blen = e->len;
            }
        }
        return best;
    }
    for (int c = 0; key && c < JX_FC_COUNT; c++) {
        const struct jx_form_words *w = &f->col[c];
        for (size_t i = 0; i < w->n; i++) {
            if (key[0] != w->w[i][0]) {
                continue; /* cannot match (an empty word never wins) */
            }
            size_t n = strlen(w->w[i]);
            if (n > blen && strncmp(key, w->w[i], n) == 0) {
                best = c;
                blen = n;
            }
        }
    }
    return best;
}
