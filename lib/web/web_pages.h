/*
 * web_pages.h - what the pages (web_pages.c) get from the dispatcher
 * (web.c): the request's context, already checked against the routing
 * table (signed in when the route asks, CSRF on POST, role, own unit),
 * and the page shell.
 */
#ifndef JIXIAO_WEB_PAGES_H
#define JIXIAO_WEB_PAGES_H

#include "web/web_impl.h"

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
};

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

#endif
