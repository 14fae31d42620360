/*
 * import_zip.h - reading ZIP containers (DOCX, XLSX) with libzip under hard
 * limits (private to lib/).  An entry is read whole into memory, or
 * streamed in chunks (a worksheet), with its inflated size, the
 * compression ratio and the running total checked while inflating, so a
 * zip bomb stops early with bounded memory.
 *
 * Ownership: a struct jx_zip is freed by jx_zip_close(); buffers from
 * jx_zip_read() are malloc'd and freed by the caller.
 */
#ifndef JIXIAO_ZIPREAD_H
#define JIXIAO_ZIPREAD_H

#include "jixiao/diag.h"
#include "jixiao/import.h"

struct jx_zip;

/* Open data[0..len) (borrowed: it must outlive the handle) as a ZIP.
 * Checks the entry count.  NULL with a diagnostic (file named) when it
 * is not a ZIP or breaks a limit. */
struct jx_zip *jx_zip_open(const char *data, size_t len,
                           const struct jx_limits *lim, const char *file,
                           struct jx_diags *diags);

/* Close the handle.  NULL is allowed. */
void jx_zip_close(struct jx_zip *z);

/* True when the archive has an entry called name. */
bool jx_zip_has(struct jx_zip *z, const char *name);

/* Read the whole entry called name into a new malloc'd buffer
 * (NUL-terminated; *len without the NUL).  NULL with a diagnostic when
 * missing, corrupt, or over a limit (entry size, ratio, total). */
char *jx_zip_read(struct jx_zip *z, const char *name, size_t *len);

/* Receives an entry's bytes as they inflate: p[0..n) (borrowed, valid
 * during the call), then once with n == 0 and last true. */
typedef void (*jx_zip_sink)(void *ud, const char *p, size_t n, bool last);

/* Inflate the entry called name in chunks of at most 64 KiB to sink,
 * under the same limits and with the same diagnostics as jx_zip_read
 * (a chunk reaches the sink only once the bytes so far pass the
 * declared size, ratio and total checks).  0 once the whole entry has
 * gone to the sink (its last call made), or -1 with a diagnostic: then
 * the sink has seen only a beginning, and no last call. */
int jx_zip_stream(struct jx_zip *z, const char *name, jx_zip_sink sink,
                  void *ud);

/* Names of the entries (for detection): count and i-th name (borrowed). */
size_t jx_zip_count(struct jx_zip *z);
const char *jx_zip_name(struct jx_zip *z, size_t i);

/* DOCX, XLSX or another ZIP, from the entry names of z. */
enum jx_input_kind jx_zip_kind(struct jx_zip *z);

/* The DOCX / XLSX importers over an archive already open (so that an
 * input's ZIP is opened once: jx_import_doc); the caller closes z. */
struct jx_doc *jx_import_docx_zip(struct jx_arena *arena, const char *file,
                                  struct jx_zip *z,
                                  const struct jx_limits *lim,
                                  struct jx_diags *diags);
struct jx_doc *jx_import_xlsx_zip(struct jx_arena *arena, const char *file,
                                  struct jx_zip *z,
                                  const struct jx_limits *lim,
                                  struct jx_diags *diags);

#endif
