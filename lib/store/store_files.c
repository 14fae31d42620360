/*
 * store_files.c - the original files, content-addressed: SHA-256 (FIPS
 * 180-4), and putting and getting a file under dir/ab/cdef... (the
 * fan-out of git's objects).  A file is written to a temporary name,
 * synced and renamed, so it is never seen half-written; once there it
 * is never rewritten.
 */
#include "store/store_impl.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The SHA-256 state. */
struct sha256 {
    uint32_t h[8];
    uint64_t bits;
    unsigned char buf[64];
    size_t n;
};

static const uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* Rotate x right by n bits. */
static uint32_t ror(uint32_t x, unsigned n)
{
    return (x >> n) | (x << (32 - n));
}

/* Process one 64-byte block. */
static void sha_block(struct sha256 *c, const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++) {
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
    }
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ror(w[i - 15], 7) ^ ror(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ror(w[i - 2], 17) ^ ror(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = c->h[0], b = c->h[1], cc = c->h[2], d = c->h[3];
    uint32_t e = c->h[4], f = c->h[5], g = c->h[6], h = c->h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = h + (ror(e, 6) ^ ror(e, 11) ^ ror(e, 25)) +
                      ((e & f) ^ (~e & g)) + K[i] + w[i];
        uint32_t t2 = (ror(a, 2) ^ ror(a, 13) ^ ror(a, 22)) +
                      ((a & b) ^ (a & cc) ^ (b & cc));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = cc;
        cc = b;
        b = a;
        a = t1 + t2;
    }
    c->h[0] += a;
    c->h[1] += b;
    c->h[2] += cc;
    c->h[3] += d;
    c->h[4] += e;
    c->h[5] += f;
    c->h[6] += g;
    c->h[7] += h;
}

/* The SHA-256 of data as hex. */
void jx_sha256_hex(const void *data, size_t len, char hex[65])
{
    struct sha256 c = {
        {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f,
         0x9b05688c, 0x1f83d9ab, 0x5be0cd19},
        0, {0}, 0};
    const unsigned char *p = data;
    c.bits = (uint64_t)len * 8u;
    while (len >= 64) {
        sha_block(&c, p);
        p += 64;
        len -= 64;
    }
    unsigned char last[128] = {0};
    memcpy(last, p, len);
    last[len] = 0x80;
    size_t total = len + 1 + 8 <= 64 ? 64 : 128;
    for (int i = 0; i < 8; i++) {
        last[total - 1 - (size_t)i] = (unsigned char)(c.bits >> (8 * i));
    }
    sha_block(&c, last);
    if (total == 128) {
        sha_block(&c, last + 64);
    }
    static const char digits[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        unsigned char byte = (unsigned char)(c.h[i / 4] >> (24 - 8 * (i % 4)));
        hex[2 * i] = digits[byte >> 4];
        hex[2 * i + 1] = digits[byte & 15];
    }
    hex[64] = '\0';
}

/* Whether hex is 64 lower-case hex digits. */
static bool hex_ok(const char *hex)
{
    size_t i = 0;
    for (; hex[i]; i++) {
        char c = hex[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return i == 64;
}

/* dir/ab and dir/ab/cdef... for hex into b1 and b2. */
static void file_paths(const char *dir, const char *hex, struct jx_buf *sub,
                       struct jx_buf *path)
{
    jx_buf_addf(sub, "%s/%.2s", dir, hex);
    jx_buf_addf(path, "%s/%s", sub->p, hex + 2);
}

/* Sync a directory so that a rename in it is durable (best effort). */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Store data under its SHA-256. */
int jx_files_put(const char *dir, const void *data, size_t len,
                 char hex[65], struct jx_diags *d)
{
    jx_sha256_hex(data, len, hex);
    if (!dir) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL,
                    "没有存放原始文件的目录（使用 PostgreSQL 时请同时用 -W DIR 指定）");
        return -1;
    }
    struct jx_buf sub, path;
    jx_buf_init(&sub, 1u << 16);
    jx_buf_init(&path, 1u << 16);
    file_paths(dir, hex, &sub, &path);
    int rc = -1;
    struct stat st;
    if (stat(path.p, &st) == 0) {
        rc = 0; /* already there: never rewritten */
        goto out;
    }
    if (mkdir(sub.p, 0777) < 0 && errno != EEXIST) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "无法创建目录“%s”：%s", sub.p,
                    jx_errno_zh(errno));
        goto out;
    }
    if (jx_write_file_atomic(path.p, data, len) < 0) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "无法写入文件“%s”：%s",
                    path.p, jx_errno_zh(errno));
        goto out;
    }
    sync_dir(sub.p);
    rc = 0;
out:
    jx_buf_release(&sub);
    jx_buf_release(&path);
    return rc;
}

/* Read back a stored file and check its SHA-256. */
int jx_files_get(const char *dir, const char *hex, char **data, size_t *len,
                 struct jx_diags *d)
{
    *data = NULL;
    *len = 0;
    if (!hex_ok(hex)) {
        jx_diag_add(d, "D011", JX_SEV_ERROR, NULL,
                    "“%s”不是 SHA-256（应为 64 位小写十六进制数字）", hex);
        return -1;
    }
    if (!dir) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL,
                    "没有存放原始文件的目录（使用 PostgreSQL 时请同时用 -W DIR 指定）");
        return -1;
    }
    struct jx_buf sub, path;
    jx_buf_init(&sub, 1u << 16);
    jx_buf_init(&path, 1u << 16);
    file_paths(dir, hex, &sub, &path);
    int rc = -1;
    if (jx_read_file(path.p, SIZE_MAX / 2, data, len) < 0) {
        jx_diag_add(d, "D010", JX_SEV_ERROR, NULL, "无法读取文件“%s”：%s",
                    path.p, jx_errno_zh(errno));
        goto out;
    }
    char got[65];
    jx_sha256_hex(*data, *len, got);
    if (strcmp(got, hex) != 0) {
        jx_diag_add(d, "D011", JX_SEV_ERROR, NULL,
                    "文件“%s”已被改动：SHA-256 为 %s，应为 %s", path.p, got, hex);
        free(*data);
        *data = NULL;
        *len = 0;
        goto out;
    }
    rc = 0;
out:
    jx_buf_release(&sub);
    jx_buf_release(&path);
    return rc;
}
