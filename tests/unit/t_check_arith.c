/* t_check_arith.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_check_arith[] = {{NULL, NULL}};
