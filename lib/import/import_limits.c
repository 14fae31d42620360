/*
 * import_limits.c - the default limits on hostile input (import.h), the
 * lowest file of the import layer: the ZIP reader and every importer
 * use them.
 */
#include "jixiao/import.h"

#include <string.h>

/* Fill the default limits. */
void jx_limits_default(struct jx_limits *l)
{
    memset(l, 0, sizeof *l);
    l->max_input = 64u * 1024u * 1024u;
    l->max_zip_entries = 10000;
    l->max_inflated = 256u * 1024u * 1024u;
    l->max_entry = 128u * 1024u * 1024u;
    l->max_ratio = 200;
    l->max_xml_depth = 256;
    l->max_cells = 2000000;
    l->max_blocks = 1000000;
    l->max_pages = 2000;
    l->max_pdf_objects = 500000;
    l->max_page_words = 200000;
    l->max_html_nodes = 500000;
    l->max_html_depth = 256;
    l->convert_timeout = 120;
}
