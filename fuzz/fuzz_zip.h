/*
 * fuzz_zip.h - building a ZIP in memory for the fuzz targets that wrap
 * their input into a DOCX or XLSX (fuzz_docx.c, fuzz_xlsx.c).
 */
#ifndef JIXIAO_FUZZ_ZIP_H
#define JIXIAO_FUZZ_ZIP_H

#include <stddef.h>

/* One entry: its name and bytes (data may be NULL: the entry is left
 * out). */
struct fz_part {
    const char *name;
    const void *data;
    size_t len;
};

/* The entries parts[0..n) as a ZIP of stored (uncompressed) entries, in
 * a malloc'd buffer the caller frees (*len its size), or NULL when
 * libzip fails. */
char *fz_zip(const struct fz_part *parts, size_t n, size_t *len);

#endif
