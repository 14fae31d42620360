/* t_import_text.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_import_text[] = {{NULL, NULL}};
