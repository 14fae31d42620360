/* t_check_ind.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_check_ind[] = {{NULL, NULL}};
