/*
 * check_text.c - placeholder, being written.
 */
#include "jixiao/check.h"

/* Not written yet: no findings. */
void jx_check_text(struct jx_check_ctx *c)
{
    (void)c;
}
