/*
 * import_convert.c - the old binary office formats (.doc, .wps, .et,
 * and .xls FreeXL cannot read) through LibreOffice: the input is
 * written into a private temporary directory, `soffice --headless
 * --convert-to docx|xlsx` runs there with a profile of its own (no
 * dependence on $HOME, no clash with a running LibreOffice), output
 * thrown away, killed with its process group after the timeout; the
 * result is imported as DOCX or XLSX.  Also the small helpers the
 * importers share: the whole-input error, temporary directories.
 */
#include "jixiao/import.h"
#include "import/import_formats.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* Add an import error about the whole input. */
void jx_import_error(struct jx_diags *diags, const char *file,
                     const char *code, const char *fmt, ...)
{
    struct jx_loc loc;
    memset(&loc, 0, sizeof loc);
    loc.file = jx_strdup(diags->arena, file);
    va_list ap;
    va_start(ap, fmt);
    char *msg = jx_vsprintf(diags->arena, fmt, ap);
    va_end(ap);
    jx_diag_add(diags, code, JX_SEV_ERROR, &loc, "%s", msg);
}

/* A new private temporary directory; see import_formats.h. */
char *jx_import_tmpdir(void)
{
    const char *t = getenv("TMPDIR");
    if (!t || !*t) {
        t = "/tmp";
    }
    size_t n = strlen(t) + 32;
    char *p = malloc(n);
    if (!p) {
        jx_oom();
    }
    int w = snprintf(p, n, "%s/jx-imp.XXXXXX", t);
    if (w < 0 || (size_t)w >= n || !mkdtemp(p)) {
        free(p);
        return NULL;
    }
    return p;
}

/* A scratch copy of an input for a library that reads paths; see
 * import_formats.h. */
int jx_import_scratch_file(const char *path, const void *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        return -1;
    }
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            int saved = w < 0 ? errno : EIO;
            close(fd);
            unlink(path);
            errno = saved;
            return -1;
        }
        p += w;
        len -= (size_t)w;
    }
    if (close(fd) < 0) {
        int saved = errno;
        unlink(path);
        errno = saved;
        return -1;
    }
    return 0;
}

/* Remove path and, when it is a directory (not a link), everything in
 * it; depth bounds the recursion. */
static void rm_rec(const char *path, int depth)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        return;
    }
    if (S_ISDIR(st.st_mode) && depth < 64) {
        DIR *d = opendir(path);
        if (d) {
            struct dirent *e;
            while ((e = readdir(d)) != NULL) {
                if (strcmp(e->d_name, ".") == 0 ||
                    strcmp(e->d_name, "..") == 0) {
                    continue;
                }
                size_t n = strlen(path) + strlen(e->d_name) + 2;
                char *c = malloc(n);
                if (!c) {
                    jx_oom();
                }
                snprintf(c, n, "%s/%s", path, e->d_name);
                rm_rec(c, depth + 1);
                free(c);
            }
            closedir(d);
        }
        rmdir(path);
        return;
    }
    unlink(path);
}

/* Remove a temporary tree; see import_formats.h. */
void jx_import_rmtree(char *path)
{
    if (path) {
        rm_rec(path, 0);
        free(path);
    }
}

/* The soffice program to run: $JIXIAO_SOFFICE, or "soffice" found on
 * $PATH (malloc'd), or NULL when there is none. */
static char *find_soffice(void)
{
    const char *env = getenv("JIXIAO_SOFFICE");
    if (env && *env) {
        if (access(env, X_OK) == 0) {
            return strdup(env);
        }
        return NULL;
    }
    const char *path = getenv("PATH");
    if (!path || !*path) {
        path = "/usr/local/bin:/usr/bin:/bin";
    }
    const char *p = path;
    while (*p) {
        const char *e = strchr(p, ':');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n > 0 && n < 4000) {
            char cand[4096 + 16];
            snprintf(cand, sizeof cand, "%.*s/soffice", (int)n, p);
            if (access(cand, X_OK) == 0) {
                return strdup(cand);
            }
        }
        p += n;
        if (*p == ':') {
            p++;
        }
    }
    return NULL;
}

/* Run argv with output to /dev/null in a process group of its own;
 * wait at most timeout seconds (then kill the group).  0 when it
 * exited with status 0, 1 on timeout, -1 otherwise. */
static int run_bounded(char *const argv[], int timeout)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t at;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&at, 0);
    pid_t pid;
    int rc = posix_spawn(&pid, argv[0], &fa, &at, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (rc != 0) {
        return -1;
    }
    long waited_ms = 0;
    for (;;) {
        int st;
        pid_t w = waitpid(pid, &st, WNOHANG);
        if (w == pid) {
            return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
        }
        if (w < 0 && errno != EINTR) {
            return -1;
        }
        if (waited_ms >= (long)timeout * 1000) {
            kill(-pid, SIGKILL);
            waitpid(pid, &st, 0);
            return 1;
        }
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
        waited_ms += 50;
    }
}

/* Convert through LibreOffice; see import_formats.h. */
struct jx_doc *jx_import_convert(struct jx_arena *arena, const char *file,
                                 const char *data, size_t len,
                                 enum jx_input_kind kind,
                                 const struct jx_limits *lim,
                                 struct jx_diags *diags)
{
    bool sheet = kind == JX_IN_XLS;
    const char *what = sheet ? "Excel 97-2003（.xls）或 WPS 表格（.et）"
                             : "Word 97-2003（.doc）或 WPS 文字（.wps）";
    char *so = find_soffice();
    if (!so) {
        jx_import_error(diags, file, "I561",
                        "%s 文件需要 LibreOffice 转换：请安装 LibreOffice"
                        "（Debian/Ubuntu：apt-get install %s），或先另存为 %s",
                        what,
                        sheet ? "libreoffice-calc-nogui"
                              : "libreoffice-writer-nogui",
                        sheet ? "XLSX" : "DOCX");
        return NULL;
    }
    char *dir = jx_import_tmpdir();
    if (!dir) {
        free(so);
        jx_import_error(diags, file, "I562",
                        "无法用 LibreOffice 转换 %s 文件：不能建立临时目录",
                        what);
        return NULL;
    }
    struct jx_doc *doc = NULL;
    char *in = jx_sprintf(arena, "%s/in.%s", dir, sheet ? "xls" : "doc");
    char *outdir = jx_sprintf(arena, "%s/out", dir);
    char *out = jx_sprintf(arena, "%s/in.%s", outdir, sheet ? "xlsx" : "docx");
    char *prof = jx_sprintf(arena, "-env:UserInstallation=file://%s/profile",
                            dir);
    int rc = -1;
    if (mkdir(outdir, 0700) == 0 &&
        jx_import_scratch_file(in, data, len) == 0) {
        char *argv[] = {so,
                        prof,
                        (char *)"--headless",
                        (char *)"--norestore",
                        (char *)"--nolockcheck",
                        (char *)"--convert-to",
                        (char *)(sheet ? "xlsx" : "docx"),
                        (char *)"--outdir",
                        outdir,
                        in,
                        NULL};
        rc = run_bounded(argv, lim->convert_timeout);
    }
    char *conv = NULL;
    size_t clen = 0;
    if (rc == 1) {
        jx_import_error(diags, file, "I562",
                        "LibreOffice 转换 %s 文件超时（%d 秒），已中止", what,
                        lim->convert_timeout);
    } else if (rc != 0 ||
               jx_read_file(out, lim->max_input, &conv, &clen) != 0) {
        jx_import_error(diags, file, "I562",
                        "LibreOffice 未能把 %s 文件转换为 %s（文件可能已损坏"
                        "或加密）",
                        what, sheet ? "XLSX" : "DOCX");
    } else {
        doc = sheet ? jx_import_xlsx(arena, file, conv, clen, lim, diags)
                    : jx_import_docx(arena, file, conv, clen, lim, diags);
        free(conv);
    }
    jx_import_rmtree(dir);
    free(so);
    return doc;
}
