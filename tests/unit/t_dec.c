/* t_dec.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_dec[] = {{NULL, NULL}};
