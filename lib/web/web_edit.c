/*
 * web_edit.c - correcting figures in the page (issue 14, round 3):
 * GET /unit/CODE/YYYY/edit shows the figures of the unit's draft
 * package as a form, generated from the Package JSON by walking it (one
 * input per figure, named by its JSON pointer, holding the value as
 * stated); POST applies the changed values (validated as exact
 * decimals; a bad one gives the form again with the error beside the
 * field and nothing saved), marks each as typed in the portal in its
 * provenance (how "portal", raw the text the document printed), reads
 * the package again through the pipeline as an upload is read, and
 * replaces the draft's JSON (jx_ws_draft_update; the original files
 * stay).  Everything reaches the page through jx_html's escaping.
 *
 * Ownership: the JSON trees are jansson's, freed here; strings handed
 * to the page live in the response's arena.
 */
#include "web/web_pages.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jixiao/pipeline.h"
#include "jixiao/pkgjson.h"
#include "jixiao/wsflow.h"

/* The sections of the package whose figures the form shows, with
 * their titles. */
static const struct {
    const char *key, *zh;
} sections[] = {
    {"base_sheet", "基础数据表"},
    {"unit_sheet", "整体支出绩效自评表"},
    {"project_sheets", "项目支出绩效自评表"},
};

/* Chinese names of the keys the form shows (rows and columns); a key
 * not named here is shown as it is. */
static const struct {
    const char *key, *zh;
} key_zh[] = {
    {"funds", "资金"}, {"total", "合计"}, {"general_budget", "一般公共预算"},
    {"gov_fund", "政府性基金拨款"},
    {"special_account", "纳入专户管理的非税收入拨款"}, {"other", "其他资金"},
    {"current_appropriation", "当年财政拨款"}, {"carryover", "上年结转资金"},
    {"basic", "基本支出"}, {"project", "项目支出"},
    {"budget_initial", "年初预算数"}, {"budget_full", "全年预算数"},
    {"executed", "全年执行数"}, {"points", "分值"}, {"score", "得分"},
    {"rate", "执行率"}, {"prev_final", "上年决算数"}, {"budget", "预算数"},
    {"final", "决算数"}, {"costs", "支出"}, {"three_public", "三公经费"},
    {"vehicle", "公务用车购置和维护经费"}, {"vehicle_purchase", "公车购置"},
    {"vehicle_operation", "公车运行维护"}, {"overseas", "出国经费"},
    {"reception", "公务接待"}, {"project_lines", "项目支出明细"},
    {"public_funds", "公用经费"}, {"office", "办公经费"},
    {"utilities_travel", "水电差旅费"}, {"meetings_training", "会议费、培训费"},
    {"procurement", "政府采购"}, {"basic_adjustment", "基本支出预算调整"},
    {"staffing", "人员"}, {"authorized", "编制数"}, {"actual", "实有数"},
    {"control_rate", "控制率"}, {"buildings", "楼堂馆所"},
    {"approved_area", "批复规模"}, {"actual_area", "实际规模"},
    {"area_rate", "规模控制率"}, {"budget_invest", "预算投资"},
    {"actual_invest", "实际投资"}, {"invest_rate", "投资概算控制率"},
    {"indicators", "指标"}, {"stated_total", "总分"},
};

/* Keys whose string values are texts even when they look like numbers
 * (an indicator's 年度指标值 and 实际完成值, a goal's): not figures. */
static const char *const text_keys[] = {"target", "actual", "expected"};

/* The kinds of figure: a percentage, a decimal (money, points,
 * scores), a whole count (a JSON integer). */
enum fkind { F_RATE, F_NUMBER, F_COUNT };

/* One figure of the form. */
struct field {
    const char *ptr;     /* its JSON pointer (the input's name) */
    const char *row;     /* the row's label */
    const char *col;     /* the column's label */
    const char *value;   /* the value as stated (text) */
    enum fkind kind;
    json_t *holder;      /* the object holding key (or the wrapper) */
    const char *key;     /* its key in holder */
    bool wrapped;        /* holder[key] is {"value", "source"} */
    const char *sent;    /* POST: the value sent (NULL: not sent) */
    const char *error;   /* POST: why the value sent is refused */
    const char *findings; /* codes of the draft's findings at it */
};

/* The figures of a package. */
struct fields {
    struct field *a;
    size_t n, cap;
    int section;         /* index into sections[] being walked */
};

/* The Chinese name of key, or key. */
static const char *zh_of(const char *key)
{
    for (size_t i = 0; i < sizeof key_zh / sizeof key_zh[0]; i++) {
        if (strcmp(key_zh[i].key, key) == 0) {
            return key_zh[i].zh;
        }
    }
    return key;
}

/* Whether o is a provenance wrapper ({"value": …, "source": …}). */
static bool is_wrapper(const json_t *o)
{
    if (!json_is_object(o) || !json_object_get(o, "value")) {
        return false;
    }
    const char *k;
    const json_t *v;
    json_object_foreach((json_t *)o, k, v) {
        if (strcmp(k, "value") != 0 && strcmp(k, "source") != 0) {
            return false;
        }
    }
    return true;
}

/* The text of a name member of o (plain or wrapped), or NULL. */
static const char *name_of(const json_t *o)
{
    const json_t *n = json_object_get(o, "name");
    if (is_wrapper(n)) {
        n = json_object_get(n, "value");
    }
    return json_string_value(n);
}

/* key escaped as a JSON pointer token (RFC 6901: ~ as ~0, / as ~1). */
static const char *ptr_token(struct jx_arena *a, const char *key)
{
    if (!strpbrk(key, "~/")) {
        return key;
    }
    size_t n = strlen(key);
    char *r = jx_alloc(a, 2 * n + 1);
    size_t k = 0;
    for (const char *p = key; *p; p++) {
        if (*p == '~' || *p == '/') {
            r[k++] = '~';
            r[k++] = *p == '~' ? '0' : '1';
        } else {
            r[k++] = *p;
        }
    }
    r[k] = '\0';
    return r;
}

/* Consider holder[key] = v (at pointer ptr, in row row) as a figure:
 * a string that reads as a decimal (a percentage or not) or a JSON
 * integer, plain or wrapped; added to fs. */
static void consider(struct jx_arena *a, struct fields *fs, json_t *holder,
                     const char *key, json_t *v, const char *ptr,
                     const char *row)
{
    bool wrapped = is_wrapper(v);
    json_t *val = wrapped ? json_object_get(v, "value") : v;
    struct field f = {.ptr = ptr, .row = row, .col = zh_of(key),
                      .holder = holder, .key = key, .wrapped = wrapped};
    if (json_is_integer(val)) {
        f.kind = F_COUNT;
        f.value = jx_sprintf(a, "%lld", (long long)json_integer_value(val));
    } else if (json_is_string(val)) {
        for (size_t i = 0; i < sizeof text_keys / sizeof text_keys[0]; i++) {
            if (strcmp(key, text_keys[i]) == 0) {
                return;
            }
        }
        const char *s = json_string_value(val);
        struct jx_rat r;
        bool pct = false;
        if (jx_rat_parse(s, strlen(s), &r, &pct, NULL) != JX_NUM_OK) {
            return;
        }
        f.kind = pct ? F_RATE : F_NUMBER;
        f.value = jx_strdup(a, s);
    } else {
        return;
    }
    fs->a = jx_arena_grow(a, fs->a, fs->n, &fs->cap, sizeof *fs->a);
    fs->a[fs->n++] = f;
}

/* Walk v (at pointer ptr, in the row labelled row) for figures. */
static void walk(struct jx_arena *a, struct fields *fs, json_t *v,
                 const char *ptr, const char *row)
{
    if (json_is_array(v)) {
        for (size_t i = 0; i < json_array_size(v); i++) {
            json_t *e = json_array_get(v, i);
            const char *nm = json_is_object(e) ? name_of(e) : NULL;
            walk(a, fs, e, jx_sprintf(a, "%s/%zu", ptr, i),
                 nm ? jx_sprintf(a, "%s 第%zu行 %s", row, i + 1, nm)
                    : jx_sprintf(a, "%s 第%zu行", row, i + 1));
        }
        return;
    }
    if (!json_is_object(v) || is_wrapper(v)) {
        return;
    }
    const char *key;
    json_t *m;
    json_object_foreach(v, key, m) {
        if (strcmp(key, "source") == 0) {
            continue; /* a row's provenance */
        }
        const char *p = jx_sprintf(a, "%s/%s", ptr, ptr_token(a, key));
        if (is_wrapper(m) || !json_is_object(m)) {
            if (json_is_array(m)) {
                walk(a, fs, m, p, jx_sprintf(a, "%s %s", row, zh_of(key)));
            } else {
                consider(a, fs, v, key, m, p, row);
            }
        } else {
            walk(a, fs, m, p, jx_sprintf(a, "%s %s", row, zh_of(key)));
        }
    }
}

/* The figures of package root into fs. */
static void collect(struct jx_arena *a, json_t *root, struct fields *fs)
{
    memset(fs, 0, sizeof *fs);
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        json_t *s = json_object_get(root, sections[i].key);
        if (s) {
            walk(a, fs, s, jx_sprintf(a, "/%s", sections[i].key),
                 sections[i].zh);
        }
    }
}

/* Note beside each field the codes of the findings of an Evaluation
 * JSON text that point at it. */
static void mark_findings(struct jx_arena *a, struct fields *fs,
                          const char *evaluation)
{
    json_t *root = evaluation ? json_loads(evaluation, 0, NULL) : NULL;
    const json_t *list = json_object_get(root, "findings");
    for (size_t i = 0; i < json_array_size(list); i++) {
        const json_t *f = json_array_get(list, i);
        const char *path =
            json_string_value(json_object_get(json_object_get(f, "location"),
                                              "path"));
        const char *code = json_string_value(json_object_get(f, "code"));
        if (!path || !code) {
            continue;
        }
        size_t pl = strlen(path);
        if (pl > 6 && strcmp(path + pl - 6, "/value") == 0) {
            pl -= 6;
        }
        for (size_t k = 0; k < fs->n; k++) {
            struct field *fd = &fs->a[k];
            if (strlen(fd->ptr) == pl && strncmp(fd->ptr, path, pl) == 0) {
                fd->findings = fd->findings
                                   ? jx_sprintf(a, "%s %s", fd->findings, code)
                                   : jx_strdup(a, code);
            }
        }
    }
    json_decref(root);
}

/* The unit's name and the year checked, the state and the draft read:
 * 1 when the page may go on (*root the draft's Package JSON, the
 * caller's to free), 0 when an answer was given, -1 (store). */
static int prepare(struct jx_web_ctx *c, struct jx_ws_draft *dr, json_t **root)
{
    const char *name = NULL;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    struct jx_ws_history hist;
    int hr = jx_ws_history(c->a, c->s, c->unit, c->year, &hist, &d);
    jx_diags_release(&d);
    if (hr < 0) {
        return -1;
    }
    if (hr > 0) {
        jx_web_not_found(c);
        return 0;
    }
    enum jx_wf_state state =
        hist.nevents ? hist.events[hist.nevents - 1].to : JX_WF_FILLING;
    if (state != JX_WF_FILLING && state != JX_WF_RETURNED) {
        jx_web_error(c, 403, "操作被拒绝",
                     jx_sprintf(c->a,
                                "单位 %s 年度 %d 的整体处于“%s”，只有填报中或"
                                "被退回时可以修改材料",
                                c->unit, c->year, jx_wf_state_zh(state)));
        return 0;
    }
    int g = jx_ws_draft_get(c->a, c->s, c->unit, c->year, dr);
    if (g < 0) {
        return -1;
    }
    *root = g ? json_loads(dr->package_json, 0, NULL) : NULL;
    if (!*root) {
        jx_web_error(c, 404, "没有草稿",
                     g ? "草稿的材料无法读取，请重新上传。"
                       : "尚无草稿：请先上传材料，再在页面中更正数字。");
        return 0;
    }
    return 1;
}

/* The form of figures fs (values sent and errors shown when post);
 * message: a line above it, or NULL. */
static void form_page(struct jx_web_ctx *c, const struct fields *fs,
                      int status, const char *message)
{
    struct jx_html h;
    jx_web_page_begin(c, &h, jx_sprintf(c->a, "更正数字：%s %d 年度", c->unit,
                                        c->year));
    if (message) {
        jx_html(&h, "<p class=\"err\">%h</p>\n", message);
    }
    jx_html(&h, "<p>按原文核对并更正下列数字；保存后重新检查，并记为“在门户中"
                "更正”。金额按表中的单位填写，百分数带 %%。</p>\n"
                "<form method=\"post\" action=\"%B/unit/%t/%d/edit\" "
                "class=\"edit\"><input type=\"hidden\" name=\"csrf\" "
                "value=\"%h\">\n",
            c->unit, c->year, c->sess.csrf);
    int open = -1;
    for (size_t i = 0; i < fs->n; i++) {
        const struct field *f = &fs->a[i];
        int sec = 0;
        for (size_t k = 0; k < sizeof sections / sizeof sections[0]; k++) {
            size_t kl = strlen(sections[k].key);
            if (strncmp(f->ptr + 1, sections[k].key, kl) == 0 &&
                (f->ptr[kl + 1] == '/' || !f->ptr[kl + 1])) {
                sec = (int)k;
            }
        }
        if (sec != open) {
            if (open >= 0) {
                jx_html(&h, "</tbody></table>\n");
            }
            jx_html(&h, "<h2>%h</h2>\n<table><thead><tr><th>项目</th>"
                        "<th>栏目</th><th>数值</th><th>发现</th></tr>"
                        "</thead><tbody>\n",
                    sections[sec].zh);
            open = sec;
        }
        jx_html(&h, "<tr><td>%h</td><td>%h</td><td><input type=\"text\" "
                    "name=\"%h\" value=\"%h\" size=\"14\" "
                    "inputmode=\"decimal\"",
                f->row, f->col, f->ptr, f->sent ? f->sent : f->value);
        if (f->error) {
            jx_html(&h, " aria-invalid=\"true\"");
        }
        jx_html(&h, ">");
        if (f->error) {
            jx_html(&h, " <span class=\"err fielderr\">%h</span>", f->error);
        }
        jx_html(&h, "</td><td>%h</td></tr>\n", f->findings ? f->findings : "");
    }
    if (open >= 0) {
        jx_html(&h, "</tbody></table>\n");
    } else {
        jx_html(&h, "<p>草稿中没有可在页面中更正的数字。</p>\n");
    }
    jx_html(&h, "<p><button type=\"submit\">保存并重新检查</button> "
                "<a href=\"%B/unit/%t/%d\">返回本单位页面</a></p></form>\n",
            c->unit, c->year);
    jx_web_page_end(c, &h, status);
}

/* See web_pages.h. */
int jx_web_page_edit(struct jx_web_ctx *c)
{
    struct jx_ws_draft dr;
    json_t *root = NULL;
    int p = prepare(c, &dr, &root);
    if (p <= 0) {
        return p;
    }
    struct fields fs;
    collect(c->a, root, &fs);
    mark_findings(c->a, &fs, dr.evaluation_json);
    form_page(c, &fs, 200, NULL);
    json_decref(root);
    return 0;
}

/* Check the text t sent for field f: NULL when it is a figure of f's
 * kind (*out the text to store: trimmed, a percentage given its %
 * sign), else why not, in Chinese. */
static const char *validate(struct jx_arena *a, const struct field *f,
                            const char *t, const char **out)
{
    size_t b = 0, e = strlen(t);
    while (b < e && (t[b] == ' ' || t[b] == '\t')) {
        b++;
    }
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t')) {
        e--;
    }
    if (b == e) {
        return "请填写数字";
    }
    const char *s = jx_strndup(a, t + b, e - b);
    if (f->kind == F_COUNT) {
        for (const char *q = s; *q; q++) {
            if (*q < '0' || *q > '9' || q - s >= 15) {
                return jx_sprintf(a, "“%s”不是整数，请填写不带小数的数字", s);
            }
        }
        *out = s;
        return NULL;
    }
    struct jx_rat r;
    bool pct = false;
    enum jx_numerr ne = jx_rat_parse(s, strlen(s), &r, &pct, NULL);
    if (ne != JX_NUM_OK) {
        return jx_sprintf(a, "“%s”不是数字（%s）", s, jx_numerr_zh(ne));
    }
    if (f->kind == F_NUMBER && pct) {
        return jx_sprintf(a, "“%s”是百分数，此栏应填写数字", s);
    }
    *out = f->kind == F_RATE && !pct ? jx_sprintf(a, "%s%%", s) : s;
    return NULL;
}

/* Set f's value in its package to text (a JSON integer for a count)
 * and mark it typed in the portal: how "portal", raw the text the
 * document printed (kept from an earlier provenance when it has one). */
static void apply(struct jx_arena *a, const struct field *f,
                  const char *text)
{
    json_t *nv = f->kind == F_COUNT ? json_integer(strtoll(text, NULL, 10))
                                    : json_string(text);
    json_t *w = json_object_get(f->holder, f->key);
    json_t *src = NULL;
    json_t *old = NULL;
    if (f->wrapped) {
        src = json_object_get(w, "source");
        old = json_object_get(w, "value");
    } else {
        old = w;
    }
    json_t *ns = json_is_object(src) ? json_deep_copy(src) : json_object();
    const char *how = json_string_value(json_object_get(ns, "how"));
    bool has_raw = json_is_string(json_object_get(ns, "raw"));
    if (!has_raw || !how) {
        /* read as printed (or no provenance): the printed text is old */
        if (json_is_string(old)) {
            json_object_set_new(ns, "raw", json_string(json_string_value(old)));
        } else if (json_is_integer(old)) {
            json_object_set_new(ns, "raw",
                                json_string(jx_sprintf(
                                    a, "%lld",
                                    (long long)json_integer_value(old))));
        }
    }
    json_object_set_new(ns, "how", json_string("portal"));
    json_t *nw = json_object();
    json_object_set_new(nw, "value", nv);
    json_object_set_new(nw, "source", ns);
    json_object_set_new(f->holder, f->key, nw);
}

/* The name of the draft's first file (what findings without a place of
 * their own name), or "草稿". */
static const char *first_file(const struct jx_ws_draft *dr)
{
    return dr->nfiles ? dr->files[0].name : "草稿";
}

/* Read Package JSON text through the pipeline as an upload is read
 * (scored, checked, last year's version compared) and replace the
 * draft's JSON with it; a load error at a changed field goes beside
 * it (*refused set, nothing saved).  0, or -1 (store). */
static int evaluate_and_save(struct jx_web_ctx *c, struct fields *fs,
                             const struct jx_ws_draft *dr, const char *text,
                             bool *refused)
{
    static const char internal[] = "portal-edit.json";
    struct jx_run_opts ro;
    jx_run_opts_default(&ro);
    ro.fwdir = c->app->cfg.fwdir;
    ro.caldir = c->app->cfg.caldir;
    struct jx_run *run = jx_run_new(&ro);
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (!copy) {
        jx_run_free(run);
        return -1;
    }
    memcpy(copy, text, len + 1);
    struct jx_result *in = jx_run_data(run, internal, copy, len, NULL);
    int rc = 0;
    *refused = false;
    if (in->status != JX_INPUT_OK) {
        const char *general = NULL;
        for (size_t i = 0; i < in->diags.n; i++) {
            const struct jx_diag *dg = &in->diags.a[i];
            if (dg->severity != JX_SEV_ERROR) {
                continue;
            }
            bool placed = false;
            const char *path = dg->loc.path;
            size_t pl = path ? strlen(path) : 0;
            if (pl > 6 && strcmp(path + pl - 6, "/value") == 0) {
                pl -= 6;
            }
            for (size_t k = 0; k < fs->n && path; k++) {
                struct field *f = &fs->a[k];
                if (f->sent && strlen(f->ptr) == pl &&
                    strncmp(f->ptr, path, pl) == 0) {
                    f->error = jx_sprintf(c->a, "%s（%s）", dg->msg, dg->code);
                    placed = true;
                }
            }
            if (!placed && !general) {
                general = jx_sprintf(c->a, "%s（%s）", dg->msg, dg->code);
            }
        }
        form_page(c, fs, 422,
                  general ? jx_sprintf(c->a, "未保存：%s", general)
                          : "未保存：请更正标出的数字。");
        *refused = true;
        goto out;
    }
    /* findings with no place of their own were given one in the
     * internal text: they name the document, as after the upload */
    for (size_t i = 0; i < in->diags.n; i++) {
        struct jx_loc *l = &in->diags.a[i].loc;
        if (l->file && strcmp(l->file, internal) == 0) {
            l->file = first_file(dr);
            l->line = 0;
            l->col = 0;
        }
    }
    struct jx_buf pkg, ev;
    int dj = jx_web_draft_json(c, in, &pkg, &ev);
    if (dj != 0) {
        rc = dj < 0 ? -1 : 0;
        *refused = dj > 0;
        goto out;
    }
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    int sr = jx_ws_draft_update(c->s, c->unit, c->year, pkg.p, ev.p, &who, &d);
    const char *why = d.n ? d.a[d.n - 1].msg : "此时不能修改材料。";
    jx_diags_release(&d);
    jx_buf_release(&pkg);
    jx_buf_release(&ev);
    if (sr < 0) {
        rc = -1;
    } else if (sr > 0) {
        jx_web_error(c, 403, "操作被拒绝", why);
        *refused = true;
    }
out:
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}

/* See web_pages.h. */
int jx_web_page_edit_post(struct jx_web_ctx *c)
{
    struct jx_ws_draft dr;
    json_t *root = NULL;
    int p = prepare(c, &dr, &root);
    if (p <= 0) {
        return p;
    }
    struct fields fs;
    collect(c->a, root, &fs);
    mark_findings(c->a, &fs, dr.evaluation_json);
    size_t changed = 0, bad = 0;
    const char **store = jx_alloc_array(c->a, fs.n ? fs.n : 1, sizeof *store);
    for (size_t i = 0; i < fs.n; i++) {
        struct field *f = &fs.a[i];
        f->sent = jx_web_form(c, f->ptr);
        if (!f->sent || strcmp(f->sent, f->value) == 0) {
            continue;
        }
        f->error = validate(c->a, f, f->sent, &store[i]);
        if (f->error) {
            bad++;
        } else if (strcmp(store[i], f->value) != 0) {
            changed++;
        } else {
            store[i] = NULL;
        }
    }
    int rc = 0;
    if (bad) {
        form_page(c, &fs, 422, "未保存：请更正标出的数字。");
        goto out;
    }
    if (!changed) {
        jx_web_redirect(c, jx_sprintf(c->a, "/unit/%s/%d",
                                      jx_web_urlenc(c->a, c->unit), c->year));
        goto out;
    }
    for (size_t i = 0; i < fs.n; i++) {
        if (fs.a[i].sent && !fs.a[i].error && store[i]) {
            apply(c->a, &fs.a[i], store[i]);
        }
    }
    char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    if (!text) {
        rc = -1;
        goto out;
    }
    bool refused = false;
    rc = evaluate_and_save(c, &fs, &dr, text, &refused);
    free(text);
    if (rc == 0 && !refused) {
        jx_web_redirect(c, jx_sprintf(c->a, "/unit/%s/%d",
                                      jx_web_urlenc(c->a, c->unit), c->year));
    }
out:
    json_decref(root);
    return rc;
}
