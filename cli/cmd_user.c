/*
 * cmd_user.c - `jixiao user add NAME --role ROLE [--unit CODE]
 * [--password-stdin]`: a user of the workspace (jx_ws_user_add); roles
 * by their names or in Chinese.  `jixiao user password NAME
 * --password-stdin` sets the password of the portal's sign-in
 * (jx_web_password_set).  A password is read from the first line of
 * standard input, never from the command line.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jixiao/store.h"
#include "jixiao/workflow.h"
#include "jixiao/web.h"
#include "jixiao/workspace.h"

/* Read the password from the first line of standard input into a
 * malloc'd string (the caller frees it); NULL after a message. */
static char *read_password(void)
{
    char *text = NULL;
    size_t len = 0;
    if (jx_read_file("-", 4096, &text, &len) < 0) {
        fputs("jixiao user: 无法从标准输入读取密码（最长 4096 字节）\n", stderr);
        return NULL;
    }
    size_t n = strcspn(text, "\r\n");
    text[n] = '\0';
    return text;
}

/* Set the password of name to pw: the exit code (the caller prints
 * the diagnostics). */
static int set_password(struct jx_store *s, const char *name, const char *pw,
                        struct jx_diags *d)
{
    size_t from = d->n;
    if (jx_web_password_set(s, name, pw, d) < 0) {
        bool refused = d->n > from && (strcmp(d->a[d->n - 1].code, "D220") == 0 ||
                                       strcmp(d->a[d->n - 1].code, "D221") == 0);
        return refused ? JX_EXIT_FINDINGS : JX_EXIT_IO;
    }
    return JX_EXIT_OK;
}

/* Parse the arguments, add the user, say who was added. */
int jx_cmd_user(int argc, char **argv)
{
    const struct jx_cmd *self = jx_cmd_find("user");
    struct jx_ws_args w = {0};
    const char *sub = NULL, *name = NULL, *role = NULL, *unit = NULL;
    bool pw_stdin = false;
    for (int i = 1; i < argc; i++) {
        int r = jx_cli_ws_arg(self, argc, argv, &i, &w);
        if (r == 0 && strcmp(argv[i], "--password-stdin") == 0) {
            pw_stdin = true;
            continue;
        }
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
        return jx_cli_usage_error(self, "缺少子命令（add、password）");
    }
    bool is_pw = strcmp(sub, "password") == 0;
    if (strcmp(sub, "add") != 0 && !is_pw) {
        return jx_cli_usage_error(self, "未知子命令“%s”（可用：add、password）",
                                  sub);
    }
    if (!name || !name[0]) {
        return jx_cli_usage_error(self, "缺少用户名 NAME");
    }
    if (is_pw) {
        if (!pw_stdin || role || unit) {
            return jx_cli_usage_error(
                self, "user password 只接受 NAME 和 --password-stdin");
        }
        char *pw = read_password();
        if (!pw) {
            return JX_EXIT_IO;
        }
        struct jx_arena *a = jx_arena_new();
        struct jx_diags d;
        jx_diags_init(&d, a);
        struct jx_store *s = jx_cli_ws_store(&w, &d);
        int rc = !s ? JX_EXIT_IO : set_password(s, name, pw, &d);
        jx_cli_print_diags(&d, 0);
        if (rc == JX_EXIT_OK) {
            printf("已设置用户“%s”的密码，其已有的登录会话全部结束\n", name);
        }
        free(pw);
        jx_store_close(s);
        jx_diags_release(&d);
        jx_arena_free(a);
        return rc;
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
    char *pw = NULL;
    if (pw_stdin && !(pw = read_password())) {
        return JX_EXIT_IO;
    }
    if (pw && (strlen(pw) < JX_WEB_MIN_PASSWORD || strlen(pw) > 1024)) {
        fprintf(stderr, "jixiao user: 密码长度须在 %d 到 1024 字节之间\n",
                JX_WEB_MIN_PASSWORD);
        free(pw);
        return JX_EXIT_FINDINGS;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    int rc;
    int64_t id = 0;
    struct jx_store *s = jx_cli_ws_store(&w, &d);
    if (!s) {
        rc = JX_EXIT_IO;
    } else if (jx_ws_user_add(s, name, jx_wf_role_name(r), unit, &id, &d) < 0 ||
               (pw && set_password(s, name, pw, &d) != JX_EXIT_OK)) {
        jx_cli_print_diags(&d, 0);
        const char *code = d.n > 0 ? d.a[d.n - 1].code : "";
        bool refused = strcmp(code, "D207") == 0 ||
                       strcmp(code, "D208") == 0 ||
                       strcmp(code, "D220") == 0 || strcmp(code, "D221") == 0;
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
    free(pw);
    jx_store_close(s);
    jx_diags_release(&d);
    jx_arena_free(a);
    return rc;
}
