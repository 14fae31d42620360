/*
 * cmd_init.c - `jixiao init DIR`: make a new workspace (the SQLite
 * database at the current schema and the file store), or with --db a
 * PostgreSQL database migrated and DIR holding the file store.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/store.h"

/* Parse the arguments, make the workspace, say where it is. */
int jx_cmd_init(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("init");
    struct jx_ws_args w = {0};
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_ws_arg(self, argc, argv, &i, &w);
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        }
        if (dir) {
            return jx_cli_usage_error(self, "只能给出一个目录");
        }
        dir = argv[i];
    }
    const char *wdir, *db;
    jx_cli_ws_resolve(&w, &wdir, &db);
    if (!dir) {
        dir = wdir;
    }
    if (!dir) {
        return jx_cli_usage_error(self, "缺少工作区目录 DIR");
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    int rc = jx_workspace_init(dir, db, &d);
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    if (rc < 0) {
        jx_cli_format_diags(&b, &d, 0);
        fputs(b.p, stderr);
        bool exists = d.n > 0 && strcmp(d.a[0].code, "D008") == 0;
        rc = exists ? JX_EXIT_USAGE : JX_EXIT_IO;
    } else {
        if (db) {
            jx_buf_addf(&b, "已建立工作区：%s（数据库 %s，数据结构版本 %d；原始文件 "
                            "%s/%s）\n",
                        dir, db, JX_STORE_SCHEMA_VERSION, dir,
                        JX_WORKSPACE_FILES);
        } else {
            jx_buf_addf(&b, "已建立工作区：%s（数据库 %s/%s，数据结构版本 %d；原始"
                            "文件 %s/%s）\n",
                        dir, dir, JX_WORKSPACE_DB, JX_STORE_SCHEMA_VERSION, dir,
                        JX_WORKSPACE_FILES);
        }
        rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
    }
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
    return rc;
}
