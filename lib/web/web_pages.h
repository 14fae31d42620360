/*
 * web_pages.h - what the pages (web_pages.c) get from the dispatcher
 * (web.c): the request's context, already checked against the routing
 * table (signed in when the route asks, CSRF on POST, role, own unit),
 * and the page shell.
 */
#ifndef JIXIAO_WEB_PAGES_H
#define JIXIAO_WEB_PAGES_H

#include "web/web_impl.h"

struct jx_result; /* pipeline.h */

/* One request being answered. */
struct jx_web_ctx {
    struct jx_web_app *app;
    struct jx_store *s;
    const struct jx_web_request *req;
    struct jx_web_response *resp;
    struct jx_arena *a;          /* the response's arena */
    struct jx_web_session sess;
    int64_t now;
    const char *unit;            /* the route's {unit}, or NULL */
    const char *year_text;       /* the route's {year} as sent */
    int year;                    /* ... checked: 1900..2999 */
    const char *version_text;    /* the route's {version} as sent */
    const char *seq_text;        /* the route's {seq} as sent */
    bool multipart;              /* a multipart/form-data POST: */
    struct jx_web_part *parts;   /* its parts (fields and files) */
    size_t nparts;
    const char *csp;             /* a Content-Security-Policy of the
                                    page's own (the public report), or
                                    NULL for the portal's */
};

/* The path the portal is served under ("" at the root; the app's
 * cfg.base): links start with it (%B), so do redirects and cookie
 * paths. */
const char *jx_web_base(const struct jx_web_ctx *c);

/* Set cookie name to value (NULL: clear it) for the portal's path, HttpOnly,
 * SameSite=Lax, and Secure when the request came over TLS. */
void jx_web_cookie_set(struct jx_web_ctx *c, const char *name,
                       const char *value);

/* The store's generation (jx_store_generation) into *gen: as read with
 * the session when there is one (one round trip for both), else read
 * now.  0, or -1 when the store has none. */
int jx_web_generation(struct jx_web_ctx *c, int64_t *gen);

/* The draft's Package JSON and Evaluation JSON of a pipeline result in
 * (read from an upload or a correction) into pkg and ev (initialised
 * here; the caller releases them on 0), after last year's comparison
 * (C122) added to in's findings.  0; 1 when too large (a 413 page sent,
 * nothing to release); -1 when the store failed. */
int jx_web_draft_json(struct jx_web_ctx *c, struct jx_result *in,
                      struct jx_buf *pkg, struct jx_buf *ev);

/* The findings (summary counts, one row each, located as the CLI prints
 * them) and the derivations (计算过程) of an Evaluation JSON text into h,
 * the one rendering of the draft's and of a version's; an unreadable
 * text: a sentence naming whose (草稿, 第 N 版).  web_draft.c. */
void jx_web_evaluation_html(struct jx_html *h, const char *text,
                            const char *whose);

/* A form field of the POST body / a query parameter, decoded, or NULL. */
const char *jx_web_form(struct jx_web_ctx *c, const char *name);
const char *jx_web_query(struct jx_web_ctx *c, const char *name);

/* Start a page titled title (the header: the user and the sign-out
 * form, or the sign-in link). */
void jx_web_page_begin(struct jx_web_ctx *c, struct jx_html *h,
                       const char *title);

/* End the page and make it the response with status (h released). */
void jx_web_page_end(struct jx_web_ctx *c, struct jx_html *h, int status);

/* An error page (Chinese) with status, replacing the response. */
void jx_web_error(struct jx_web_ctx *c, int status, const char *title,
                  const char *text);

/* The 404 page: absent, unknown and foreign objects all answer it. */
void jx_web_not_found(struct jx_web_ctx *c);

/* 303 to location. */
void jx_web_redirect(struct jx_web_ctx *c, const char *location);

/* The pages (web_pages.c): 0, or -1 when the store failed. */
int jx_web_page_home(struct jx_web_ctx *c);
int jx_web_page_signin(struct jx_web_ctx *c);
int jx_web_page_signin_post(struct jx_web_ctx *c);
int jx_web_page_signout(struct jx_web_ctx *c);
int jx_web_page_year(struct jx_web_ctx *c);
int jx_web_page_unit(struct jx_web_ctx *c);
int jx_web_page_act(struct jx_web_ctx *c);
int jx_web_page_public(struct jx_web_ctx *c);

/* c's unit and year: 1 when both exist (*name the unit's name,
 * *leader_step read when not NULL), 0 after answering 404 (the same
 * page as for any absent object), -1 when the store failed. */
int jx_web_unit_year(struct jx_web_ctx *c, const char **name,
                     bool *leader_step);

/* Shared readers (web_pages.c): unit code's name into *name (1, 0 when
 * unknown, -1); whether year is set up (1, 0, -1; *leader_step read
 * when not NULL). */
int jx_web_unit_name(struct jx_arena *a, struct jx_store *s, const char *code,
                     const char **name);
int jx_web_year_exists(struct jx_store *s, int year, bool *leader_step);

/* Uploads and drafts (web_draft.c): POST /unit/CODE/YYYY/upload; the
 * draft's part of a unit's page (files, findings with their places,
 * the scores' derivations; the upload form and the 送审 button when the
 * signed-in user may use them); 送审 of the draft. */
int jx_web_page_upload(struct jx_web_ctx *c);
int jx_web_draft_section(struct jx_web_ctx *c, struct jx_html *h,
                         enum jx_wf_state state, bool may_submit);
int jx_web_draft_submit(struct jx_web_ctx *c);

/* POST /unit/CODE/YYYY/redraft (web_draft.c): the unit's latest version
 * becomes its draft (jx_ws_draft_from_version), to correct and 再送审. */
int jx_web_page_redraft(struct jx_web_ctx *c);

/* Correcting figures in the page (web_edit.c): GET and POST
 * /unit/CODE/YYYY/edit. */
int jx_web_page_edit(struct jx_web_ctx *c);
int jx_web_page_edit_post(struct jx_web_ctx *c);

/* POST /unit/CODE/YYYY/blank (web_edit.c): a blank draft (the unit's
 * name and the year, no file) to fill in the page; 303 to the form. */
int jx_web_page_blank(struct jx_web_ctx *c);

/* GET /static/edit.js (web_edit.c): the edit form's live preview of the
 * derived rates, served by the binary. */
int jx_web_page_edit_js(struct jx_web_ctx *c);

/* The public's pages (web_public.c): a published report as HTML, the
 * year's open data as JSON and CSV. */
int jx_web_page_report(struct jx_web_ctx *c);
int jx_web_page_open_json(struct jx_web_ctx *c);
int jx_web_page_open_csv(struct jx_web_ctx *c);

/* The bureau's pages and the unit's downloads (web_bureau.c). */

/* The year overview's filters, from the query (state, supervisor,
 * region, late=1, findings=1). */
struct jx_web_filter {
    int state;                   /* enum jx_wf_state, or -1: any */
    const char *supervisor;      /* 主管部门, or NULL: any */
    const char *region;          /* 区域, or NULL: any */
    bool late;                   /* 报送 late by a working day or more */
    bool findings;               /* some error or warning */
};
struct jx_ws_status;
struct jx_ws_unit_status;
struct jx_ws_history;
void jx_web_filter_read(struct jx_web_ctx *c, struct jx_web_filter *f);
/* Keep the rows[0..n) that pass f, in order, at the front: the count. */
size_t jx_web_filter_apply(const struct jx_web_filter *f,
                           const struct jx_ws_unit_status **rows, size_t n);
/* f as "&state=...&..." (URL-encoded) for the overview's links (a). */
const char *jx_web_filter_query(struct jx_web_ctx *c,
                                const struct jx_web_filter *f);
/* The overview's tools: links to the other pages, the filter form (GET,
 * its choices from the cached year y, web_cache.h), the 抽查 form, and
 * the count of units shown. */
struct jx_web_year;
void jx_web_year_tools(struct jx_web_ctx *c, struct jx_html *h,
                       const struct jx_web_year *y,
                       const struct jx_web_filter *f, const char *sort,
                       size_t shown);
/* A unit's page: 自评分, 考核分 and 复核分 side by side, the 复核 form
 * (the bureau, a sampled unit without one), the download links.  0/-1. */
int jx_web_scores_section(struct jx_web_ctx *c, struct jx_html *h,
                          const struct jx_ws_history *hist);
/* The reviewer's judgements on a unit's page (web_judge.c): for the
 * bureau, the items awaiting a judgement with 建议 and range in a form;
 * nothing for others or when none.  0/-1. */
int jx_web_judge_section(struct jx_web_ctx *c, struct jx_html *h);
/* POST /unit/CODE/YYYY/judge: record the form's judgements
 * (jx_ws_judge_set) and go back to the unit's page. */
int jx_web_page_judge(struct jx_web_ctx *c);
/* POST /year/YYYY/sample, POST /unit/CODE/YYYY/recheck, GET
 * /year/YYYY/assessment, /ranking, /export.csv, /export.xlsx,
 * /unit/CODE/YYYY/workbook.xlsx, /report.docx, /report.pdf. */
int jx_web_page_sample(struct jx_web_ctx *c);
int jx_web_page_recheck(struct jx_web_ctx *c);
int jx_web_page_assessment(struct jx_web_ctx *c);
int jx_web_page_ranking(struct jx_web_ctx *c);
int jx_web_page_export_csv(struct jx_web_ctx *c);
int jx_web_page_export_xlsx(struct jx_web_ctx *c);
int jx_web_page_workbook(struct jx_web_ctx *c);
int jx_web_page_report_docx(struct jx_web_ctx *c);
int jx_web_page_report_pdf(struct jx_web_ctx *c);
/* Send data as an attachment of type named ascii (a plain fallback)
 * and utf8 (RFC 5987 filename*). */
void jx_web_send_download(struct jx_web_ctx *c, const char *type,
                          const char *data, size_t len, const char *ascii,
                          const char *utf8);

/* A version's originals (web_files.c): GET
 * /unit/CODE/YYYY/v/N/files/SEQ, the bytes exactly as stored; the
 * links to them for the versions list of a unit's page (one cell's
 * content: version number's files, "—" when none).  0, or -1. */
int jx_web_page_version_file(struct jx_web_ctx *c);
int jx_web_version_file_links(struct jx_web_ctx *c, struct jx_html *h,
                              int number);

#endif
