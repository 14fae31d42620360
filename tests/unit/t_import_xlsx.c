/* t_import_xlsx.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_import_xlsx[] = {{NULL, NULL}};
