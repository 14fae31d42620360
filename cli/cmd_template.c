/*
 * cmd_template.c - placeholder, being written.
 */
#include "cli.h"

#include <stdio.h>

/* Not written yet. */
int jx_cmd_template(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("jixiao: 尚未实现\n", stderr);
    return JX_EXIT_BUG;
}
