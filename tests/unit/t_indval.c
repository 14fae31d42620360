/* t_indval.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_indval[] = {{NULL, NULL}};
