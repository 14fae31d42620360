/* xlsx_template.c - placeholder, being written. */
#include "jixiao/base.h"
extern int jx_placeholder_xlsx_template;
