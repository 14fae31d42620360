/*
 * cmd_user.c - `jixiao user add NAME --role ROLE [--unit CODE]`: a user
 * of the workspace (jx_ws_user_add); roles by their names or in Chinese.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "jixiao/store.h"
#include "jixiao/workflow.h"
#include "jixiao/workspace.h"

/* Parse the arguments, add the user, say who was added. */
int jx_cmd_user(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("user");
    struct jx_ws_args w = {0};
    const char *sub = NULL, *name = NULL, *role = NULL, *unit = NULL;
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_ws_arg(self, argc, argv, &i, &w);
        if (r == 0) {
            const char *v;
            r = jx_cli_optval(argc, argv, &i, "--role", &v);
            if (r > 0) {
                role = v;
            } else if (r == 0 &&
                       (r = jx_cli_optval(argc, argv, &i, "--unit", &v)) > 0) {
                unit = v;
            }
            if (r < 0) {
                return jx_cli_usage_error(self, "选项 %s 缺少取值", argv[i]);
            }
        }
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
        } else if (!name) {
            name = argv[i];
        } else {
            return jx_cli_usage_error(self, "多余的参数“%s”", argv[i]);
        }
    }
    if (!sub) {
        return jx_cli_usage_error(self, "缺少子命令（add）");
    }
    if (strcmp(sub, "add") != 0) {
        return jx_cli_usage_error(self, "未知子命令“%s”（可用：add）", sub);
    }
    if (!name || !name[0]) {
        return jx_cli_usage_error(self, "缺少用户名 NAME");
    }
    if (!role) {
        return jx_cli_usage_error(self, "缺少 --role ROLE");
    }
    enum jx_wf_role r;
    if (jx_wf_role_parse(role, strlen(role), &r) < 0 || r == JX_WF_ROLE_NONE) {
        return jx_cli_usage_error(
            self, "角色“%s”无效（可用：filler 单位填报人、leader 单位负责人、"
                  "reviewer 财政审核人、admin 管理员）",
            role);
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    int rc;
    int64_t id = 0;
    struct jx_store *s = jx_cli_ws_store(&w, &d);
    if (!s) {
        rc = JX_EXIT_IO;
    } else if (jx_ws_user_add(s, name, jx_wf_role_name(r), unit, &id, &d) < 0) {
        jx_cli_print_diags(&d, 0);
        bool refused = d.n > 0 && (strcmp(d.a[d.n - 1].code, "D207") == 0 ||
                                   strcmp(d.a[d.n - 1].code, "D208") == 0);
        rc = refused ? JX_EXIT_FINDINGS : JX_EXIT_IO;
    } else {
        struct jx_buf b;
        jx_buf_init(&b, 4096);
        if (unit) {
            jx_buf_addf(&b, "已添加用户“%s”：%s，单位 %s（用户编号 %lld）\n", name,
                        jx_wf_role_zh(r), unit, (long long)id);
        } else {
            jx_buf_addf(&b, "已添加用户“%s”：%s（用户编号 %lld）\n", name,
                        jx_wf_role_zh(r), (long long)id);
        }
        rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
        jx_buf_release(&b);
    }
    jx_store_close(s);
    jx_diags_release(&d);
    jx_arena_free(a);
    return rc;
}
