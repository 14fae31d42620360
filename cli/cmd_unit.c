/*
 * cmd_unit.c - `jixiao unit import FILE`: the workspace's units (编码,
 * 名称, 主管部门, 区域) from a CSV (UTF-8 or GB18030) or the first sheet
 * of an XLSX/XLS workbook, inserted or updated by 编码 in one
 * transaction.  The workbook is read here with the import layer (the
 * workspace layer may not use it); the CSV, the header, the checks and
 * the writing are lib/workspace's (jixiao/workspace.h).
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/import.h"
#include "jixiao/store.h"
#include "jixiao/workspace.h"

/* The A1 name of 0-based (row, col) in the arena. */
static const char *a1(struct jx_arena *a, int row, int col)
{
    char letters[8];
    int n = 0;
    for (int c = col + 1; c > 0 && n < 7; c = (c - 1) / 26) {
        letters[n++] = (char)('A' + (c - 1) % 26);
    }
    char out[16];
    int k = 0;
    while (n > 0) {
        out[k++] = letters[--n];
    }
    out[k] = '\0';
    return jx_sprintf(a, "%s%d", out, row + 1);
}

/* The first sheet of a workbook as a table (rows with no text
 * skipped); 0, or -1 after a diagnostic in d. */
static int sheet_table(struct jx_arena *a, const char *file, const char *data,
                       size_t len, struct jx_ws_table *t, struct jx_diags *d)
{
    struct jx_limits lim;
    jx_limits_default(&lim);
    enum jx_input_kind kind;
    struct jx_doc *doc = jx_import_doc(a, file, data, len, &lim, d, &kind);
    if (!doc || (kind != JX_IN_XLSX && kind != JX_IN_XLS) ||
        jx_diags_errors(d) > 0) {
        struct jx_loc fl = {.file = file};
        jx_diag_add(d, "D201", JX_SEV_ERROR, &fl,
                    "无法读取为 CSV 或 XLSX 表格");
        return -1;
    }
    const struct jx_doc_table *tb = NULL;
    for (size_t i = 0; i < doc->nblocks && !tb; i++) {
        if (doc->blocks[i].kind == JX_DOC_TABLE) {
            tb = doc->blocks[i].table;
        }
    }
    if (!tb) {
        struct jx_loc fl = {.file = file};
        jx_diag_add(d, "D202", JX_SEV_ERROR, &fl,
                    "工作簿的第一个工作表是空的：第一行应是列名（编码、名称、主管部门、"
                    "区域）");
        return -1;
    }
    const char *sheet = tb->name ? jx_strdup(a, tb->name) : "Sheet1";
    for (int r = 0; r < tb->nrows; r++) {
        bool any = false;
        for (int c = 0; c < tb->ncols && !any; c++) {
            any = jx_doc_text_at(tb, r, c)[0] != '\0';
        }
        if (!any) {
            continue;
        }
        struct jx_loc rl = {.file = file, .sheet = sheet, .cell = a1(a, r, 0)};
        struct jx_ws_row *row = jx_ws_table_row(a, t, &rl);
        for (int c = 0; c < tb->ncols; c++) {
            const char *s = jx_doc_text_at(tb, r, c);
            const struct jx_doc_cell *dc = jx_doc_cell_at(tb, r, c);
            struct jx_loc cl = {.file = file, .sheet = sheet,
                                .cell = dc && (tb->where & JX_DOC_AT_SHEET)
                                            ? jx_doc_a1_name(a, dc->row,
                                                             dc->col)
                                            : a1(a, r, c)};
            jx_ws_row_cell(a, row, s, strlen(s), &cl);
        }
    }
    return 0;
}

/* Parse `unit import FILE`, read it, check every row, write them all or
 * none. */
int jx_cmd_unit(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("unit");
    struct jx_ws_args w = {0};
    const char *sub = NULL, *file = NULL;
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
        if (!sub) {
            sub = argv[i];
        } else if (!file) {
            file = argv[i];
        } else {
            return jx_cli_usage_error(self, "多余的参数“%s”", argv[i]);
        }
    }
    if (!sub) {
        return jx_cli_usage_error(self, "缺少子命令（import）");
    }
    if (strcmp(sub, "import") != 0) {
        return jx_cli_usage_error(self, "未知子命令“%s”（可用：import）", sub);
    }
    if (!file) {
        return jx_cli_usage_error(self, "缺少单位表文件 FILE");
    }
    char *data;
    size_t len;
    if (jx_cli_read(file, &data, &len) < 0) {
        return JX_EXIT_USAGE;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_ws_table t = {0};
    bool book = (len >= 4 && memcmp(data, "PK\x03\x04", 4) == 0) ||
                (len >= 4 && memcmp(data, "\xD0\xCF\x11\xE0", 4) == 0);
    int rc = book ? sheet_table(a, file, data, len, &t, &d)
                  : jx_ws_csv_read(a, file, data, len, &t, &d);
    struct jx_ws_unit *units = NULL;
    size_t n = 0;
    struct jx_loc fl = {.file = file};
    if (rc == 0) {
        rc = jx_ws_units_from_table(a, &t, &fl, &units, &n, &d);
    }
    if (rc < 0) {
        jx_cli_print_diags(&d, 0);
        fprintf(stderr, "jixiao unit import: “%s”有 %zu 处问题，未作任何改动\n",
                file, jx_diags_errors(&d));
        rc = JX_EXIT_FINDINGS;
    } else {
        struct jx_store *s = jx_cli_ws_store(&w, &d);
        struct jx_ws_import_counts c;
        if (!s) {
            rc = JX_EXIT_IO;
        } else if (jx_ws_units_save(s, units, n, &c, &d) < 0) {
            jx_cli_print_diags(&d, 0);
            fputs("jixiao unit import: 未作任何改动\n", stderr);
            rc = JX_EXIT_IO;
        } else {
            struct jx_buf b;
            jx_buf_init(&b, 4096);
            jx_buf_addf(&b, "已导入单位 %zu 个：新增 %zu，更新 %zu，未变 %zu（%s）\n",
                        n, c.added, c.updated, c.unchanged, file);
            rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
            jx_buf_release(&b);
        }
        jx_store_close(s);
    }
    free(data);
    jx_diags_release(&d);
    jx_arena_free(a);
    return rc;
}
