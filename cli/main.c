/*
 * main.c - the jixiao entry point: find the command in the table,
 * answer --help, run the handler and map its outcome to an exit code
 * (0 ok, 1 findings at error level, 2 usage or unreadable input, 3 I/O,
 * 70 internal error).
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

const char *__lsan_default_suppressions(void);

/* LeakSanitizer's built-in suppressions (read only under
 * -fsanitize=address): cairo 1.16 leaks 768 bytes per font it embeds in
 * a PDF and fontconfig keeps its configuration for the process; neither
 * is jixiao's memory. */
const char *__lsan_default_suppressions(void)
{
    return "leak:libcairo.so\nleak:libfontconfig.so\n";
}

/* True when the command's arguments ask for help (before any "--"). */
static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            return false;
        }
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            return true;
        }
    }
    return false;
}

/* Flush standard output; on failure report it and return JX_EXIT_IO. */
static int finish(int rc)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "jixiao: 写入标准输出失败：%s\n", jx_errno_zh(errno));
        return JX_EXIT_IO;
    }
    return rc;
}

/* Fatal hook: an internal error or exhausted memory ends the process
 * with the documented status 70 (the message is already printed). */
static void exit_internal(void)
{
    fflush(stdout);
    _exit(JX_EXIT_BUG);
}

/* Dispatch argv[1] through the command table. */
int main(int argc, char **argv)
{
#ifdef __GLIBC__
    /* an allocation past 4 MiB (an array that grows with the input) is
       mapped on its own and given back when freed: glibc's dynamic
       threshold would rise to the largest array freed so far, and the
       arrays grown after it would stay in the heap, never given back
       (8 MB of text: 125 -> 107 MB at the peak) */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
    jx_set_fatal_hook(exit_internal);
    if (argc < 2) {
        fputs("用法：jixiao 命令 [参数]...\n"
              "运行“jixiao --help”查看命令列表。\n",
              stderr);
        return JX_EXIT_USAGE;
    }
    /* workspace options before the command name hold for it */
    int first = 1;
    while (first < argc) {
        int i = first;
        int r = jx_cli_ws_arg(NULL, argc, argv, &i, &jx_cli_global_ws);
        if (r < 0) {
            fprintf(stderr, "jixiao: 选项“%s”缺少取值\n", argv[first]);
            return JX_EXIT_USAGE;
        }
        if (r == 0) {
            break;
        }
        first = i + 1;
    }
    if (first >= argc) {
        fputs("jixiao: 缺少命令\n运行“jixiao --help”查看命令列表。\n", stderr);
        return JX_EXIT_USAGE;
    }
    argc -= first - 1;
    argv += first - 1;
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        jx_cli_help_all();
        return finish(JX_EXIT_OK);
    }
    if (strcmp(name, "--version") == 0) {
        name = "version";
    }
    const struct jx_cmd *c = jx_cmd_find(name);
    if (!c) {
        fprintf(stderr, "jixiao: 未知命令“%s”\n运行“jixiao --help”查看命令"
                        "列表。\n",
                name);
        return JX_EXIT_USAGE;
    }
    if (wants_help(argc - 1, argv + 1)) {
        jx_cli_help_cmd(c);
        return finish(JX_EXIT_OK);
    }
    int rc = c->run(argc - 1, argv + 1);
    return finish(rc);
}
