/*
 * ws_setup.c - what the workspace's setup commands (unit, year, user,
 * backup, restore) share: opening the store with diagnostics that live
 * as long as it, printing them, and the common argument loop.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/store.h"
#include "jixiao/wsflow.h"

/* Open the store named by w (migrated) with its diagnostics going to d,
 * which must outlive it; NULL after the diagnostics are printed. */
struct jx_store *jx_cli_ws_store(const struct jx_ws_args *w,
                                 struct jx_diags *d)
{
    const char *dir, *db;
    jx_cli_ws_resolve(w, &dir, &db);
    struct jx_store_opts o = {.migrate = true};
    struct jx_buf files;
    jx_buf_init(&files, 1u << 16);
    if (db && dir) {
        jx_buf_addf(&files, "%s/%s", dir, JX_WORKSPACE_FILES);
        o.files_dir = jx_strdup(d->arena, files.p);
    }
    jx_buf_release(&files);
    if (!db && !dir) {
        jx_diag_add(d, "D001", JX_SEV_ERROR, NULL,
                    "没有给出工作区：请用 -W DIR、--db URL 或环境变量 "
                    "JIXIAO_WORKSPACE 指定");
        jx_cli_print_diags(d, 0);
        return NULL;
    }
    struct jx_store *s = jx_ws_open(db ? db : dir, &o, d);
    if (!s) {
        jx_cli_print_diags(d, 0);
    }
    return s;
}
