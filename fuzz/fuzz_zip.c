/*
 * fuzz_zip.c - see fuzz_zip.h.
 */
#include "fuzz_zip.h"

#include <stdio.h>
#include <stdlib.h>

#include <zip.h>

/* Build the ZIP of stored entries in a libzip memory source. */
char *fz_zip(const struct fz_part *parts, size_t n, size_t *len)
{
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
    zip_error_fini(&err);
    if (!src) {
        return NULL;
    }
    zip_source_keep(src);
    zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, NULL);
    if (!za) {
        zip_source_free(src);
        return NULL;
    }
    for (size_t k = 0; k < n; k++) {
        if (!parts[k].data) {
            continue;
        }
        zip_source_t *s = zip_source_buffer(za, parts[k].data, parts[k].len, 0);
        zip_int64_t i = s ? zip_file_add(za, parts[k].name, s, 0) : -1;
        if (i >= 0) {
            zip_set_file_compression(za, (zip_uint64_t)i, ZIP_CM_STORE, 0);
        } else if (s) {
            zip_source_free(s);
        }
    }
    char *out = NULL;
    if (zip_close(za) != 0) {
        zip_discard(za); /* a failed close leaves za open */
    } else if (zip_source_open(src) == 0) {
        zip_source_seek(src, 0, SEEK_END);
        zip_int64_t size = zip_source_tell(src);
        zip_source_seek(src, 0, SEEK_SET);
        if (size > 0) {
            out = malloc((size_t)size);
            if (out && zip_source_read(src, out, (zip_uint64_t)size) != size) {
                free(out);
                out = NULL;
            }
            *len = out ? (size_t)size : 0;
        }
        zip_source_close(src);
    }
    zip_source_free(src);
    return out;
}
