/* t_import_docx.c - placeholder, being written. */
#include "harness.h"
const struct jx_test t_import_docx[] = {{NULL, NULL}};
