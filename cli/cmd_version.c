/*
 * cmd_version.c - `jixiao version`: the program version and the
 * versions of the libraries it runs with.
 */
#include "cli.h"

#include <stdio.h>

#include <jansson.h>
#include <utf8proc.h>

#include "jx_version.h"

/* Print "jixiao X" and one line per library. */
int jx_cmd_version(int argc, char **argv)
{
    (void)argv;
    if (argc != 1) {
        return jx_cli_usage_error(jx_cmd_find("version"), "参数过多");
    }
    struct jx_buf b;
    jx_buf_init(&b, 4096);
    jx_buf_addf(&b, "jixiao %s\n", JX_VERSION);
    jx_buf_addf(&b, "jansson %s\n", jansson_version_str());
    jx_buf_addf(&b, "utf8proc %s\n", utf8proc_version());
    int rc = jx_cli_write(&b) < 0 ? JX_EXIT_IO : JX_EXIT_OK;
    jx_buf_release(&b);
    return rc;
}
