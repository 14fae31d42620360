/*
 * web_draft.c - a unit's uploads (issue 14, second round): POST
 * /unit/CODE/YYYY/upload reads the files sent (multipart/form-data,
 * kinds detected from their content) through the pipeline exactly as
 * `jixiao submit` does (the first file is read and evaluated, last
 * year's version compared, C122), and keeps them as the unit's draft
 * (jx_ws_draft_save); the unit's page shows the draft's findings, each
 * with its place in the unit's own document as the CLI prints it, and
 * how every score was derived (the report's derivation lines, from the
 * stored Evaluation JSON); 送审 submits the draft (jx_ws_draft_submit).
 * Everything reaches the page through jx_html's escaping.
 */
#include "web/web_pages.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jixiao/import.h"
#include "jixiao/pipeline.h"
#include "jixiao/pkgjson.h"
#include "jixiao/wsflow.h"

/* Whether a file of kind k may be uploaded (what the pipeline reads
 * without outside programs). */
static bool kind_accepted(enum jx_input_kind k)
{
    switch (k) {
    case JX_IN_JSON:
    case JX_IN_DOCX:
    case JX_IN_XLSX:
    case JX_IN_TEXT:
    case JX_IN_PDF:
    case JX_IN_HTML:
    case JX_IN_XLS:
        return true;
    default:
        return false;
    }
}

/* The unit's page after an act. */
static void back_to_unit(struct jx_web_ctx *c)
{
    jx_web_redirect(c, jx_sprintf(c->a, "/unit/%s/%d",
                                  jx_web_urlenc(c->a, c->unit), c->year));
}

/* A page listing findings d (from from on) under a message, with
 * status (the upload could not be read). */
static void findings_page(struct jx_web_ctx *c, int status, const char *title,
                          const char *message, const struct jx_diags *d)
{
    struct jx_html h;
    jx_web_page_begin(c, &h, title);
    jx_html(&h, "<p class=\"err\">%h</p>\n", message);
    if (d && d->n) {
        jx_html(&h, "<table><thead><tr><th>位置</th><th>级别</th><th>代码</th>"
                    "<th>说明</th></tr></thead><tbody>\n");
        for (size_t i = 0; i < d->n; i++) {
            struct jx_buf b;
            jx_buf_init(&b, 1u << 16);
            jx_loc_format(&b, &d->a[i].loc);
            jx_html(&h, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h</td>"
                        "</tr>\n",
                    b.len ? b.p : "—", jx_severity_zh(d->a[i].severity),
                    d->a[i].code, d->a[i].msg);
            jx_buf_release(&b);
        }
        jx_html(&h, "</tbody></table>\n");
    }
    jx_html(&h, "<p><a href=\"%B/unit/%t/%d\">返回本单位页面</a></p>\n", c->unit,
            c->year);
    jx_web_page_end(c, &h, status);
}

/* See web_pages.h. */
int jx_web_page_upload(struct jx_web_ctx *c)
{
    const char *name = NULL;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    /* the files sent: parts with a file name (an empty file input sends
     * one with an empty name and no data) */
    struct jx_ws_file *files =
        jx_alloc_array(c->a, c->nparts ? c->nparts : 1, sizeof *files);
    const char **kinds =
        jx_alloc_array(c->a, c->nparts ? c->nparts : 1, sizeof *kinds);
    size_t n = 0;
    for (size_t i = 0; i < c->nparts; i++) {
        const struct jx_web_part *p = &c->parts[i];
        if (!p->filename || (!*p->filename && p->len == 0)) {
            continue;
        }
        enum jx_input_kind k = jx_input_detect(p->data, p->len);
        if (!kind_accepted(k)) {
            jx_web_error(c, 415, "不支持的文件类型",
                         jx_sprintf(c->a,
                                    "文件“%s”是%s，不能读取。可以上传 DOCX、"
                                    "XLSX、XLS、PDF、HTML、文本和 JSON 文件。",
                                    *p->filename ? p->filename : "（无名）",
                                    jx_input_kind_zh(k)));
            return 0;
        }
        files[n] = (struct jx_ws_file){
            *p->filename ? p->filename : "upload", p->data, p->len};
        kinds[n++] = jx_input_kind_name(k);
    }
    if (n == 0) {
        jx_web_error(c, 400, "没有文件", "请选择要上传的文件。");
        return 0;
    }
    /* the pipeline, as `jixiao submit`: the first file read and scored */
    struct jx_run_opts ro;
    jx_run_opts_default(&ro);
    ro.fwdir = c->app->cfg.fwdir;
    ro.caldir = c->app->cfg.caldir;
    ro.limits.max_input = JX_WEB_MAX_FILE;
    struct jx_run *run = jx_run_new(&ro);
    char *copy = malloc(files[0].len + 1);
    if (!copy) {
        jx_run_free(run);
        return -1;
    }
    memcpy(copy, files[0].data, files[0].len);
    copy[files[0].len] = '\0';
    struct jx_result *in = jx_run_data(run, files[0].name, copy, files[0].len,
                                       NULL);
    int rc = 0;
    if (in->status != JX_INPUT_OK) {
        findings_page(c, 422, "无法读取",
                      jx_sprintf(c->a, "“%s”无法读取为自评材料，未保存。",
                                 files[0].name),
                      &in->diags);
        goto out;
    }
    struct jx_buf pkg, ev;
    int dj = jx_web_draft_json(c, in, &pkg, &ev);
    if (dj != 0) {
        rc = dj < 0 ? -1 : 0;
        goto out;
    }
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    int sr = jx_ws_draft_save(c->s, c->unit, c->year, files, kinds, n, pkg.p,
                              ev.p, &who, &d);
    const char *why = d.n ? d.a[d.n - 1].msg : "此时不能上传材料。";
    jx_diags_release(&d);
    jx_buf_release(&pkg);
    jx_buf_release(&ev);
    if (sr < 0) {
        rc = -1;
    } else if (sr > 0) {
        jx_web_error(c, 403, "操作被拒绝", why);
    } else {
        back_to_unit(c);
    }
out:
    jx_result_free(in);
    jx_run_free(run);
    return rc;
}

/* See web_pages.h. */
int jx_web_draft_json(struct jx_web_ctx *c, struct jx_result *in,
                      struct jx_buf *pkg, struct jx_buf *ev)
{
    struct jx_check_config cfg;
    jx_check_config_default(&cfg);
    int prior_version;
    if (jx_ws_prior_check(in->arena, c->s, c->unit, c->year, in->pkg, &cfg,
                          &prior_version, &in->diags) < 0) {
        return -1;
    }
    jx_buf_init(pkg, 1u << 30);
    jx_buf_init(ev, 1u << 30);
    if (jx_pkgjson_save(in->pkg, pkg) < 0 ||
        jx_eval_json(in->ev, &in->diags, ev) < 0) {
        jx_buf_release(pkg);
        jx_buf_release(ev);
        jx_web_error(c, 413, "材料过大", "材料过大，未保存。");
        return 1;
    }
    return 0;
}

/* See web_pages.h. */
int jx_web_draft_submit(struct jx_web_ctx *c)
{
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    struct jx_ws_done done;
    int rc = jx_ws_draft_submit(c->s, c->unit, c->year, &who, &done, &d);
    const char *why = d.n ? d.a[d.n - 1].msg : "此操作在当前状态下不允许。";
    jx_diags_release(&d);
    if (rc < 0) {
        return -1;
    }
    if (rc > 0) {
        jx_web_error(c, 403, "操作被拒绝", why);
        return 0;
    }
    back_to_unit(c);
    return 0;
}

/* The kind of a stored original from its content (jx_ws_kind_fn). */
static const char *kind_of_content(const void *data, size_t len)
{
    return jx_input_kind_name(jx_input_detect(data, len));
}

/* See web_pages.h. */
int jx_web_page_redraft(struct jx_web_ctx *c)
{
    const char *name = NULL;
    int r = jx_web_unit_year(c, &name, NULL);
    if (r <= 0) {
        return r;
    }
    struct jx_ws_who who = {.user = c->sess.user, .now = c->now,
                            .client = c->req->client};
    struct jx_diags d;
    jx_diags_init(&d, c->a);
    int number = 0;
    int rc = jx_ws_draft_from_version(c->s, c->unit, c->year, kind_of_content,
                                      &who, &number, &d);
    const char *why = d.n ? d.a[d.n - 1].msg : "此操作在当前状态下不允许。";
    jx_diags_release(&d);
    if (rc < 0) {
        return -1;
    }
    if (rc > 0) {
        jx_web_error(c, 403, "操作被拒绝", why);
        return 0;
    }
    back_to_unit(c);
    return 0;
}

/* Whether unit has a version for year: 1, 0, or -1. */
static int has_version(struct jx_store *s, const char *unit, int year)
{
    struct jx_stmt *st = jx_stmt_prepare(
        s, "SELECT 1 FROM versions WHERE unit = ? AND year = ? LIMIT 1");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, unit);
    jx_stmt_bind_int(st, 2, year);
    enum jx_step r = jx_stmt_step(st);
    jx_stmt_finalize(st);
    return r == JX_STEP_ROW ? 1 : r == JX_STEP_DONE ? 0 : -1;
}

/* The string member key of o, or NULL. */
static const char *jstr(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The integer member key of o, or 0. */
static int jint(const json_t *o, const char *key)
{
    return (int)json_integer_value(json_object_get(o, key));
}

/* One finding of Evaluation JSON as a table row: its place as the CLI
 * prints it (jx_loc_format), severity, code and message. */
static void finding_row(struct jx_html *h, const json_t *f)
{
    const json_t *l = json_object_get(f, "location");
    struct jx_loc loc = {
        .file = jstr(l, "file"), .line = jint(l, "line"),
        .col = jint(l, "col"), .sheet = jstr(l, "sheet"),
        .cell = jstr(l, "cell"), .table = jint(l, "table"),
        .row = jint(l, "row"), .column = jint(l, "column"),
        .path = jstr(l, "path")};
    struct jx_buf b;
    jx_buf_init(&b, 1u << 16);
    jx_loc_format(&b, &loc);
    const char *sev = jstr(f, "severity");
    const char *zh = sev ? sev : "";
    for (int k = 0; k < 4 && sev; k++) {
        if (strcmp(sev, jx_severity_name((enum jx_severity)k)) == 0) {
            zh = jx_severity_zh((enum jx_severity)k);
        }
    }
    jx_html(h, "<tr><td>%h</td><td>%h</td><td>%h</td><td>%h", b.len ? b.p : "—",
            zh, jstr(f, "code"), jstr(f, "message"));
    if (jstr(f, "detail")) {
        jx_html(h, "<br>%h", jstr(f, "detail"));
    }
    jx_html(h, "</td></tr>\n");
    jx_buf_release(&b);
}

/* One computed number's derivation, in the report's lines (规则, 算式,
 * 输入, 说明: lib/report/report.c, 附录 计算过程). */
static void derivation(struct jx_html *h, const json_t *it)
{
    if (!json_is_object(it)) {
        return;
    }
    const char *v = jstr(it, "value");
    jx_html(h, "<details><summary>%h：%h</summary><ul>",
            jstr(it, "label") ? jstr(it, "label") : "", v ? v : "无法计算");
    jx_html(h, "<li>规则：%h</li>", jstr(it, "rule") ? jstr(it, "rule") : "—");
    jx_html(h, "<li>算式：%h</li>",
            jstr(it, "formula") ? jstr(it, "formula") : "—");
    const json_t *ins = json_object_get(it, "inputs");
    for (size_t i = 0; i < json_array_size(ins); i++) {
        const json_t *p = json_array_get(ins, i);
        jx_html(h, "<li>输入：%h = %h</li>", jstr(p, "name"), jstr(p, "value"));
    }
    if (jstr(it, "note")) {
        jx_html(h, "<li>说明：%h</li>", jstr(it, "note"));
    }
    jx_html(h, "</ul></details>\n");
}

/* See web_pages.h. */
void jx_web_evaluation_html(struct jx_html *h, const char *text,
                            const char *whose)
{
    if (!text) {
        jx_html(h, "<p>%h没有保存评分结果。</p>\n", whose);
        return;
    }
    json_error_t err;
    json_t *root = json_loads(text, 0, &err);
    if (!root) {
        jx_html(h, "<p class=\"err\">%h的评分结果无法读取。</p>\n", whose);
        return;
    }
    const json_t *sum = json_object_get(root, "summary");
    jx_html(h, "<h3>发现</h3>\n<p>错误 %D，警告 %D，舍入 %D，提示 %D</p>\n",
            (long long)json_integer_value(json_object_get(sum, "errors")),
            (long long)json_integer_value(json_object_get(sum, "warnings")),
            (long long)json_integer_value(json_object_get(sum, "rounding")),
            (long long)json_integer_value(json_object_get(sum, "notes")));
    const json_t *fs = json_object_get(root, "findings");
    if (json_array_size(fs)) {
        jx_html(h, "<table class=\"findings\"><thead><tr><th>位置</th>"
                   "<th>级别</th><th>代码</th><th>说明</th></tr></thead>"
                   "<tbody>\n");
        for (size_t i = 0; i < json_array_size(fs); i++) {
            finding_row(h, json_array_get(fs, i));
        }
        jx_html(h, "</tbody></table>\n");
    }
    const json_t *sheets = json_object_get(root, "sheets");
    if (json_array_size(sheets)) {
        jx_html(h, "<h3>计算过程</h3>\n");
    }
    for (size_t k = 0; k < json_array_size(sheets); k++) {
        const json_t *se = json_array_get(sheets, k);
        jx_html(h, "<h4>%h</h4>\n",
                jstr(se, "label") ? jstr(se, "label") : "自评表");
        derivation(h, json_object_get(se, "execution_rate"));
        derivation(h, json_object_get(se, "execution_score"));
        const json_t *inds = json_object_get(se, "indicators");
        for (size_t i = 0; i < json_array_size(inds); i++) {
            derivation(h, json_array_get(inds, i));
        }
        derivation(h, json_object_get(se, "total"));
    }
    json_decref(root);
}

/* See web_pages.h. */
int jx_web_draft_section(struct jx_web_ctx *c, struct jx_html *h,
                         enum jx_wf_state state, bool may_submit)
{
    if (!c->sess.unit) {
        return 0; /* the draft is the unit's own work in progress */
    }
    bool editable = state == JX_WF_FILLING || state == JX_WF_RETURNED;
    struct jx_ws_draft dr;
    int g = jx_ws_draft_get(c->a, c->s, c->unit, c->year, &dr);
    if (g < 0) {
        return -1;
    }
    jx_html(h, "<h2>草稿</h2>\n");
    if (g == 0) {
        jx_html(h, "<p>尚无草稿。</p>\n");
        int hv = editable && c->sess.role == JX_WF_FILLER
                     ? has_version(c->s, c->unit, c->year)
                     : 0;
        if (hv < 0) {
            return -1;
        }
        if (hv > 0) {
            /* a returned (or withdrawn) unit corrects its last version */
            jx_html(h, "<form class=\"act\" method=\"post\" "
                       "action=\"%B/unit/%t/%d/redraft\">"
                       "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
                       "<button type=\"submit\">以上一版本为底稿修改</button>"
                       "</form>\n",
                    c->unit, c->year, c->sess.csrf);
        }
        if (editable && c->sess.role == JX_WF_FILLER) {
            /* no document to upload: the forms filled in the page */
            jx_html(h, "<form class=\"act\" method=\"post\" "
                       "action=\"%B/unit/%t/%d/blank\">"
                       "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
                       "<button type=\"submit\">新建空白草稿</button>"
                       "</form> <a href=\"%B/unit/%t/%d/edit\">在网页中填写</a>\n",
                    c->unit, c->year, c->sess.csrf, c->unit, c->year);
        }
    } else {
        jx_html(h, "<p>%h 上传于 %h（UTC）。</p>\n", dr.by ? dr.by : "—",
                dr.updated_at);
        jx_html(h, "<table><thead><tr><th>文件</th><th>类型</th>"
                   "<th>字节</th><th>SHA-256</th></tr></thead><tbody>\n");
        for (size_t i = 0; i < dr.nfiles; i++) {
            jx_html(h, "<tr><td>%h</td><td>%h</td><td class=\"num\">%D</td>"
                       "<td>%h</td></tr>\n",
                    dr.files[i].name, dr.files[i].kind,
                    (long long)dr.files[i].size, dr.files[i].sha256);
        }
        jx_html(h, "</tbody></table>\n");
        if (editable && c->sess.role == JX_WF_FILLER) {
            jx_html(h, "<p><a href=\"%B/unit/%t/%d/edit\">在页面中更正数字"
                       "</a>（或在网页中填写空白栏目）</p>\n",
                    c->unit, c->year);
        }
        jx_web_evaluation_html(h, dr.evaluation_json, "草稿");
        if (may_submit && editable) {
            jx_html(h, "<form class=\"act\" method=\"post\" "
                       "action=\"%B/unit/%t/%d/act\">"
                       "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
                       "<input type=\"hidden\" name=\"action\" value=\"submit\">"
                       "<button type=\"submit\">%h</button></form>\n",
                    c->unit, c->year, c->sess.csrf,
                    state == JX_WF_RETURNED ? "再送审" : "送审");
        }
    }
    if (editable && c->sess.role == JX_WF_FILLER) {
        jx_html(h, "<form method=\"post\" action=\"%B/unit/%t/%d/upload\" "
                   "enctype=\"multipart/form-data\">"
                   "<input type=\"hidden\" name=\"csrf\" value=\"%h\">"
                   "<label>自评材料（DOCX、XLSX、PDF、文本或 JSON；第一个文件"
                   "为自评报告，最多 %d 个，合计不超过 %d MiB）"
                   "<input type=\"file\" name=\"file\" multiple required>"
                   "</label><button type=\"submit\">%h</button></form>\n",
                c->unit, c->year, c->sess.csrf, JX_WEB_MAX_FILES,
                (int)(JX_WEB_MAX_UPLOAD >> 20),
                g ? "重新上传并检查" : "上传并检查");
    }
    return 0;
}
