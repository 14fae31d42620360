/*
 * cmd_backup.c - `jixiao backup FILE` and `jixiao restore FILE`: a SQLite
 * workspace as one ZIP archive (a consistent copy of the database and
 * the originals it names) and back into a new or empty directory
 * (jx_ws_backup, jx_ws_restore).  PostgreSQL is refused: pg_dump.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/store.h"
#include "jixiao/workspace.h"

/* Read FILE and the workspace options; JX_EXIT_OK, or a usage error. */
static int args(const struct jx_cmd *self, int argc, char **argv,
                struct jx_ws_args *w, const char **file)
{
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_ws_arg(self, argc, argv, &i, w);
        if (r < 0) {
            return JX_EXIT_USAGE;
        }
        if (r > 0) {
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return jx_cli_usage_error(self, "未知选项“%s”", argv[i]);
        }
        if (*file) {
            return jx_cli_usage_error(self, "只能给出一个备份文件");
        }
        *file = argv[i];
    }
    if (!*file) {
        return jx_cli_usage_error(self, "缺少备份文件 FILE");
    }
    return JX_EXIT_OK;
}

/* Whether url names a PostgreSQL database. */
static bool is_pg(const char *url)
{
    return url && (strncmp(url, "postgresql:", 11) == 0 ||
                   strncmp(url, "postgres:", 9) == 0);
}

/* Print the PostgreSQL refusal (D209); returns its exit code. */
static int pg_refused(struct jx_diags *d)
{
    jx_diag_add(d, "D209", JX_SEV_ERROR, NULL,
                "PostgreSQL 数据库不能用 jixiao backup/restore 备份或恢复：请用 "
                "pg_dump / pg_restore，并另行复制原始文件目录");
    jx_cli_print_diags(d, 0);
    return JX_EXIT_USAGE;
}

/* Back the workspace up into FILE. */
int jx_cmd_backup(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("backup");
    struct jx_ws_args w = {0};
    const char *file = NULL;
    int rc = args(self, argc, argv, &w, &file);
    if (rc != JX_EXIT_OK) {
        return rc;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    const char *dir, *db;
    jx_cli_ws_resolve(&w, &dir, &db);
    struct jx_store *s = NULL;
    if (is_pg(db)) {
        rc = pg_refused(&d);
    } else if (!(s = jx_cli_ws_store(&w, &d))) {
        rc = JX_EXIT_IO;
    } else {
        struct jx_ws_backup_info info;
        if (jx_ws_backup(s, file, &info, &d) < 0) {
            jx_cli_print_diags(&d, 0);
            rc = JX_EXIT_IO;
        } else {
            struct jx_buf b;
            jx_buf_init(&b, 4096);
            jx_buf_addf(&b, "已备份工作区 %s 到 %s（数据结构版本 %d，单位 %zu 个，"
                            "原始文件 %zu 个）\n",
                        db ? db : dir, file, info.schema, info.units, info.files);
            rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
            jx_buf_release(&b);
        }
    }
    jx_store_close(s);
    jx_diags_release(&d);
    jx_arena_free(a);
    return rc;
}

/* Restore FILE into the workspace directory given by -W. */
int jx_cmd_restore(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("restore");
    struct jx_ws_args w = {0};
    const char *file = NULL;
    int rc = args(self, argc, argv, &w, &file);
    if (rc != JX_EXIT_OK) {
        return rc;
    }
    const char *dir, *db;
    jx_cli_ws_resolve(&w, &dir, &db);
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    if (is_pg(db)) {
        rc = pg_refused(&d);
    } else if (db) {
        rc = jx_cli_usage_error(self, "恢复只写入 -W 给出的工作区目录，不接受 --db");
    } else if (!dir) {
        rc = jx_cli_usage_error(self, "缺少工作区目录：请用 -W DIR（新的或空的目录）");
    } else {
        struct jx_ws_backup_info info;
        if (jx_ws_restore(file, dir, &info, &d) < 0) {
            jx_cli_print_diags(&d, 0);
            bool io = d.n > 0 && strcmp(d.a[d.n - 1].code, "D010") == 0;
            rc = io ? JX_EXIT_IO : JX_EXIT_USAGE;
        } else {
            struct jx_buf b;
            jx_buf_init(&b, 4096);
            jx_buf_addf(&b, "已从 %s 恢复工作区 %s（数据结构版本 %d，单位 %zu 个，"
                            "原始文件 %zu 个）\n",
                        file, dir, info.schema, info.units, info.files);
            rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
            jx_buf_release(&b);
        }
    }
    jx_diags_release(&d);
    jx_arena_free(a);
    return rc;
}
