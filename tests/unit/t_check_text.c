/* t_check_text.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_check_text[] = {{NULL, NULL}};
