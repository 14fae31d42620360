/* t_pkgjson.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_pkgjson[] = {{NULL, NULL}};
