/* import_xlsx.c - placeholder, being written. */
#include "jixiao/base.h"
extern int jx_placeholder_import_xlsx;
