/*
 * workspace.c - the options every workspace command shares: -W DIR (the
 * workspace directory), --db URL (the database, when it is not the
 * workspace's own SQLite file) and the environment variable
 * JIXIAO_WORKSPACE; given before the command name they hold for it
 * (main.c), after it they override.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/store.h"
#include "jixiao/wsflow.h"

/* The options given before the command name (main.c fills it). */
struct jx_ws_args jx_cli_global_ws;

/* Read -W DIR / -WDIR / --workspace DIR / --db URL at argv[*i]. */
int jx_cli_ws_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                  struct jx_ws_args *w)
{
    const char *a = argv[*i];
    const char *v = NULL;
    int r;
    if (strcmp(a, "-W") == 0) {
        if (*i + 1 >= argc) {
            r = -1;
        } else {
            v = argv[++*i];
            r = 1;
        }
        if (r < 0) {
            if (self) {
                jx_cli_usage_error(self, "选项 -W 缺少目录");
            }
            return -1;
        }
        w->dir = v;
        return 1;
    }
    if (strncmp(a, "-W", 2) == 0 && a[2] != '\0') {
        w->dir = a + 2;
        return 1;
    }
    r = jx_cli_optval(argc, argv, i, "--workspace", &v);
    if (r == 0) {
        r = jx_cli_optval(argc, argv, i, "--db", &v);
        if (r > 0) {
            w->db = v;
            return 1;
        }
    } else if (r > 0) {
        w->dir = v;
        return 1;
    }
    if (r < 0) {
        if (self) {
            jx_cli_usage_error(self, "选项 %s 缺少取值", a);
        }
        return -1;
    }
    return 0;
}

/* The workspace directory and database URL in effect for w: w's own,
 * else the global options, else JIXIAO_WORKSPACE (dir). */
void jx_cli_ws_resolve(const struct jx_ws_args *w, const char **dir,
                       const char **db)
{
    *dir = w && w->dir ? w->dir : jx_cli_global_ws.dir;
    *db = w && w->db ? w->db : jx_cli_global_ws.db;
    if (!*dir) {
        const char *e = getenv("JIXIAO_WORKSPACE");
        *dir = e && *e ? e : NULL;
    }
}

/* The diagnostics of the open stores: the store keeps reporting into
 * the list given at open, so it lives as long as the process. */
static struct jx_diags ws_diags;
static bool ws_diags_ready;

/* See cli.h. */
struct jx_diags *jx_cli_ws_diags(void)
{
    if (!ws_diags_ready) {
        jx_diags_init(&ws_diags, jx_arena_new());
        ws_diags_ready = true;
    }
    return &ws_diags;
}

/* Open the store named by w (see jx_cli_ws_resolve), migrated when
 * asked; on failure print the diagnostics on stderr and return NULL.
 * The store reports later failures into jx_cli_ws_diags(). */
struct jx_store *jx_cli_ws_open(const struct jx_ws_args *w, bool migrate)
{
    const char *dir, *db;
    jx_cli_ws_resolve(w, &dir, &db);
    struct jx_diags *d = jx_cli_ws_diags();
    size_t from = d->n;
    struct jx_store_opts o = {.migrate = migrate};
    struct jx_buf files;
    jx_buf_init(&files, 1u << 16);
    if (db && dir) {
        jx_buf_addf(&files, "%s/%s", dir, JX_WORKSPACE_FILES);
        o.files_dir = files.p;
    }
    struct jx_store *s = jx_ws_open(db ? db : dir, &o, d);
    if (!s) {
        struct jx_buf b;
        jx_buf_init(&b, 1u << 20);
        jx_cli_format_diags(&b, d, from);
        fputs(b.p, stderr);
        jx_buf_release(&b);
    }
    jx_buf_release(&files);
    return s;
}
