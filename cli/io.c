/*
 * io.c - what the commands share: the run of the pipeline and its
 * inputs (what could not be read said on stderr), writing output,
 * formatting findings, and option values.
 */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jixiao/calendar.h"

/* Write b to stdout; -1 with a message when the write fails. */
int jx_cli_write(const struct jx_buf *b)
{
    if (b->len && fwrite(b->p, 1, b->len, stdout) != b->len) {
        fprintf(stderr, "jixiao: 写入标准输出失败：%s\n", jx_errno_zh(errno));
        return -1;
    }
    return 0;
}

/* Say on stderr, under who, that path (an output named what, 输出 or
 * 输出目录) is a link that loops or leads nowhere (err ELOOP or
 * ENOENT); other errors as 无法写入. */
static void bad_link(const char *who, const char *what, const char *path,
                     int err)
{
    if (err == ELOOP) {
        fprintf(stderr, "%s: %s“%s”是循环的符号链接，无法写入，未做任何处理\n",
                who, what, path);
        return;
    }
    char target[4096];
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (err == ENOENT && n > 0) {
        target[n] = '\0';
        fprintf(stderr,
                "%s: %s“%s”是指向不存在的“%s”的符号链接，未做任何处理"
                "（请删除该链接，或让它指向已有的%s）\n",
                who, what, path, target,
                strcmp(what, "输出目录") == 0 ? "目录" : "文件");
        return;
    }
    fprintf(stderr, "%s: 无法写入“%s”：%s\n", who, path, jx_errno_zh(err));
}

/* Whether a file can be created in directory dir (a probe file made and
 * removed); false with errno set. */
static bool dir_takes_files(const char *dir)
{
    struct jx_buf b;
    jx_buf_init(&b, 8192);
    if (jx_buf_addf(&b, "%s/.jixiao-probe.%ld", dir, (long)getpid()) < 0) {
        jx_buf_release(&b);
        errno = ENAMETOOLONG;
        return false;
    }
    int fd = open(b.p, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    int err = errno;
    if (fd >= 0) {
        close(fd);
        unlink(b.p);
    }
    jx_buf_release(&b);
    errno = err;
    return fd >= 0;
}

/* Whether the output file path can be written (cli.h). */
bool jx_cli_out_file_ok(const char *who, const char *path)
{
    if (strcmp(path, "-") == 0) {
        return true;
    }
    char *real;
    if (jx_out_path(path, &real) < 0) {
        if (errno == EISDIR) {
            fprintf(stderr, "%s: 输出“%s”是一个目录，不是文件，未做任何处理\n",
                    who, path);
        } else {
            bad_link(who, "输出", path, errno);
        }
        return false;
    }
    /* the directory the file goes to (the link's target's) */
    char *slash = strrchr(real, '/');
    const char *dir = ".";
    if (slash == real) {
        dir = "/";
    } else if (slash) {
        *slash = '\0';
        dir = real;
    }
    bool ok = dir_takes_files(dir);
    if (!ok) {
        fprintf(stderr, "%s: 无法写入“%s”：%s\n", who, path,
                jx_errno_zh(errno));
    }
    free(real);
    return ok;
}

/* Whether the output directory dir can take files (cli.h). */
bool jx_cli_out_dir_ok(const char *who, const char *dir)
{
    struct stat st;
    if (lstat(dir, &st) < 0 && errno == ENOENT) {
        if (mkdir(dir, 0777) < 0) {
            fprintf(stderr, "%s: 无法创建输出目录“%s”：%s\n", who, dir,
                    jx_errno_zh(errno));
            return false;
        }
    } else if (stat(dir, &st) < 0) {
        bad_link(who, "输出目录", dir, errno);
        return false;
    } else if (!S_ISDIR(st.st_mode)) {
        fprintf(stderr,
                "%s: 输出目录“%s”已存在，但不是目录，未做任何处理"
                "（请换一个目录名，或先移走该文件）\n",
                who, dir);
        return false;
    }
    if (!dir_takes_files(dir)) {
        fprintf(stderr, "%s: 无法在输出目录“%s”中写入文件：%s\n", who, dir,
                jx_errno_zh(errno));
        return false;
    }
    return true;
}

/* Say on stderr why path could not be read. */
static void unreadable(const char *path, int err)
{
    const char *shown = strcmp(path, "-") == 0 ? "（标准输入）" : path;
    if (err == EFBIG) {
        fprintf(stderr, "jixiao: 无法读取文件“%s”：文件过大（上限 %u 字节）\n",
                shown, JX_CLI_MAX_INPUT);
    } else {
        fprintf(stderr, "jixiao: 无法读取文件“%s”：%s\n", shown,
                jx_errno_zh(err));
    }
}

/* Read a whole input, or say on stderr why it cannot be read. */
int jx_cli_read(const char *path, char **text, size_t *len)
{
    if (jx_read_file(path, JX_CLI_MAX_INPUT, text, len) == 0) {
        return 0;
    }
    unreadable(path, errno);
    return -1;
}

/* The run of a command (cli.h). */
struct jx_run *jx_cli_run(const struct jx_fw_args *fa,
                          const struct jx_policy *pol,
                          const struct jx_check_config *cfg)
{
    struct jx_run_opts ro;
    jx_run_opts_default(&ro);
    ro.limits.max_input = JX_CLI_MAX_INPUT;
    if (fa) {
        ro.fwdir = fa->fwdir;
        ro.caldir = fa->caldir;
    }
    if (pol) {
        ro.policy = *pol;
    }
    if (cfg) {
        ro.check = *cfg;
    }
    return jx_run_new(&ro);
}

/* What fa asks of each input (cli.h). */
struct jx_input_opts jx_cli_input_opts(const struct jx_fw_args *fa)
{
    struct jx_input_opts o;
    memset(&o, 0, sizeof o);
    o.framework = fa->framework;
    o.submitted = fa->submitted;
    o.published = fa->published;
    o.sets = fa->nsets ? fa->sets : NULL;
    return o;
}

/* Read and analyse one input, saying on stderr when it cannot be read
 * or is empty, and the --set of the assessment not taken (F118) (cli.h). */
struct jx_result *jx_cli_input(struct jx_run *run, const char *path,
                              const struct jx_input_opts *o)
{
    struct jx_result *in = jx_run_file(run, path, o);
    if (in->assessed) {
        /* a --set not taken is said at once, whatever the command */
        struct jx_buf eb;
        jx_buf_init(&eb, 1u << 20);
        for (size_t i = 0; i < in->fw_diags.n; i++) {
            if (strcmp(in->fw_diags.a[i].code, "F118") == 0) {
                jx_diag_format(&eb, &in->fw_diags.a[i]);
            }
        }
        fputs(eb.p ? eb.p : "", stderr);
        jx_buf_release(&eb);
    }
    if (in->status == JX_INPUT_UNREADABLE) {
        unreadable(path, in->err);
    } else if (in->status == JX_INPUT_EMPTY) {
        fprintf(stderr, "jixiao: 文件“%s”是空的\n",
                strcmp(path, "-") == 0 ? "（标准输入）" : path);
    }
    return in;
}

/* Print the findings of a package that did not load, and say so. */
void jx_cli_malformed(const struct jx_result *in)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 30);
    jx_cli_format_diags(&b, &in->diags, 0);
    fputs(b.p, stderr);
    jx_buf_release(&b);
    fprintf(stderr, "jixiao: 文件“%s”未能载入（错误 %zu 个）\n", in->file,
            jx_diags_errors(&in->diags));
}

/* Print why the framework asked for could not be used. */
void jx_cli_fw_failed(const struct jx_result *in, const char *framework)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 30);
    jx_cli_format_diags(&b, &in->fw_diags, 0);
    fputs(b.p, stderr);
    jx_buf_release(&b);
    if (!in->fw) {
        fprintf(stderr, "jixiao: 评价框架“%s”未能载入（目录 %s）\n", framework,
                in->fw_dir);
    }
}

/* Append the diagnostics from index `from` on, compiler style. */
void jx_cli_format_diags(struct jx_buf *b, const struct jx_diags *d,
                         size_t from)
{
    for (size_t i = from; i < d->n; i++) {
        jx_diag_format(b, &d->a[i]);
    }
    if (d->dropped) {
        jx_buf_addf(b, "（另有 %zu 条发现因数量上限未列出）\n", d->dropped);
    }
}

/* Match "--name VALUE" or "--name=VALUE" at argv[*i]. */
int jx_cli_optval(int argc, char **argv, int *i, const char *name,
                  const char **val)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0) {
        return 0;
    }
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] != '\0') {
        return 0;
    }
    if (*i + 1 >= argc) {
        return -1;
    }
    *i += 1;
    *val = argv[*i];
    return 1;
}

/* Read the value of a --submitted / --published option; false for a
 * date that is not YYYY-MM-DD or does not exist. */
static bool date_arg(const char *s, struct jx_date *d)
{
    struct jx_cal_date c;
    if (jx_calendar_date_parse(s, strlen(s), &c) != 0) {
        return false;
    }
    *d = (struct jx_date){true, c.y, c.m, c.d, NULL};
    return true;
}

/* Read one framework option into fa (cli.h). */
int jx_cli_fw_arg(const struct jx_cmd *self, int argc, char **argv, int *i,
                  struct jx_fw_args *fa)
{
    static const char *const names[6] = {
        "--framework", "--frameworks-dir", "--calendar-dir",
        "--submitted", "--published",      "--set"};
    static const char *const missing[6] = {
        "--framework 缺少评价框架", "--frameworks-dir 缺少目录",
        "--calendar-dir 缺少目录", "--submitted 缺少日期",
        "--published 缺少日期", "--set 需要 NAME=VALUE"};
    const char *val = NULL;
    for (int k = 0; k < 6; k++) {
        int m = jx_cli_optval(argc, argv, i, names[k], &val);
        if (m == 0) {
            continue;
        }
        if (m < 0) {
            jx_cli_usage_error(self, "%s", missing[k]);
            return -1;
        }
        switch (k) {
        case 0:
            fa->framework = val;
            break;
        case 1:
            fa->fwdir = val;
            break;
        case 2:
            fa->caldir = val;
            break;
        case 3:
        case 4:
            if (!date_arg(val, k == 3 ? &fa->submitted : &fa->published)) {
                jx_cli_usage_error(self,
                                   "%s 应为 YYYY-MM-DD 格式的日期（收到“%s”）",
                                   names[k], val);
                return -1;
            }
            break;
        default:
            if (!strchr(val, '=')) {
                jx_cli_usage_error(self, "%s", missing[k]);
                return -1;
            }
            if (fa->nsets + 1 >= sizeof fa->sets / sizeof fa->sets[0]) {
                jx_cli_usage_error(self, "--set 过多");
                return -1;
            }
            fa->sets[fa->nsets++] = val;
            fa->sets[fa->nsets] = NULL;
            break;
        }
        return 1;
    }
    return 0;
}

/* Append the per-severity counts of d. */
void jx_cli_counts(struct jx_buf *b, const struct jx_diags *d)
{
    jx_buf_addf(b, "错误 %zu，警告 %zu，舍入 %zu，提示 %zu",
                d->count[JX_SEV_ERROR], d->count[JX_SEV_WARNING],
                d->count[JX_SEV_ROUNDING], d->count[JX_SEV_NOTE]);
}

/* Apply one --policy NAME=VALUE. */
int jx_cli_policy(const struct jx_cmd *c, struct jx_policy *p,
                  const char *assignment)
{
    if (jx_policy_set(p, assignment) == 0) {
        return JX_EXIT_OK;
    }
    return jx_cli_usage_error(
        c,
        "无效的计分政策“%s”（可用：exec-rounding=double|single，"
        "exec-cap=on|off，over-threshold=20%%，tolerance=0.01，"
        "score-scale=0..8，rate-scale=0..8）",
        assignment);
}
