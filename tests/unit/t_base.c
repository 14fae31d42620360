/*
 * t_base.c - tests of arenas, buffers, UTF-8 helpers and diagnostics.
 */
#include "harness.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base_pairs.h"
#include "jixiao/base.h"
#include "jixiao/diag.h"

/* Arena strings survive many allocations, large and small. */
static void arena_alloc(void)
{
    struct jx_arena *a = jx_arena_new();
    char *first = jx_strdup(a, "预算");
    for (int i = 0; i < 10000; i++) {
        char *p = jx_alloc(a, (size_t)(i % 97) + 1);
        CHECK(p[0] == 0);
        p[0] = 'x';
    }
    char *big = jx_alloc(a, 1u << 20);
    big[(1u << 20) - 1] = 1;
    CHECK_STR(first, "预算");
    CHECK_STR(jx_sprintf(a, "%d-%s", 42, "分"), "42-分");
    CHECK_STR(jx_strndup(a, "abcdef", 3), "abc");
    CHECK(jx_strdup(a, NULL) == NULL);
    jx_arena_free(a);
}

/* Strings take their length and NUL (not a multiple of 16); what
 * jx_alloc hands out after them is still aligned to 16 and zeroed;
 * jx_arena_reserve grows an array to exactly the room asked for. */
static void arena_chars_reserve(void)
{
    struct jx_arena *a = jx_arena_new();
    char *s1 = jx_strdup(a, "ab");
    char *s2 = jx_strndup(a, "cdef", 2);
    char *s3 = jx_sprintf(a, "%d", 7);
#ifndef JX_ARENA_DEBUG
    CHECK(s2 == s1 + 3);
    CHECK(s3 == s2 + 3);
#endif
    CHECK_STR(s1, "ab");
    CHECK_STR(s2, "cd");
    CHECK_STR(s3, "7");
    for (int i = 0; i < 5000; i++) {
        unsigned char *p = jx_alloc(a, (size_t)(i % 40) + 1);
        CHECK_INT((uintptr_t)p % 16, 0);
        CHECK_INT(p[0], 0);
        p[0] = 0xff;
        jx_strndup(a, "甲乙丙丁", (size_t)(i % 12));
    }
    int *v = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 100; i++) {
        v = jx_arena_regrow(a, v, n, &cap, sizeof *v);
        v[n++] = i;
    }
    CHECK_INT(cap, 128);
    v = jx_arena_reserve(a, v, n, &cap, sizeof *v, 50000);
    CHECK_INT(cap, 50000);
    CHECK_INT(v[99], 99);
    CHECK(jx_arena_reserve(a, v, n, &cap, sizeof *v, 40000) == v);
    CHECK_INT(cap, 50000);
    for (int i = 100; i < 50001; i++) {
        v = jx_arena_regrow(a, v, n, &cap, sizeof *v);
        v[n++] = i;
    }
    CHECK_INT(cap, 100000);
    CHECK_INT(v[50000], 50000);
    CHECK_INT(v[0], 0);
    CHECK_STR(s1, "ab");
    jx_arena_free(a);
}

/* Fill an arena's blocks with 0xFF, then free it (its blocks may go to
 * the thread's cache). */
static void *dirty_arenas(void *unused)
{
    (void)unused;
    for (int k = 0; k < 12; k++) {
        struct jx_arena *a = jx_arena_new();
        for (int i = 0; i < 40; i++) {
            memset(jx_alloc(a, 4000), 0xFF, 4000);
        }
        jx_arena_free(a);
    }
    return NULL;
}

/* Blocks kept for the next arena (a thread's cache of standard-size
 * blocks) hand out zeroed memory like fresh ones, in the thread that
 * kept them and after another thread that kept some has ended. */
static void arena_reuse(void)
{
    pthread_t t;
    CHECK(pthread_create(&t, NULL, dirty_arenas, NULL) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    dirty_arenas(NULL);
    struct jx_arena *a = jx_arena_new();
    size_t nonzero = 0;
    for (int i = 0; i < 200; i++) {
        unsigned char *p = jx_alloc(a, 4000);
        for (size_t j = 0; j < 4000; j++) {
            nonzero += p[j] != 0;
        }
    }
    CHECK_INT(nonzero, 0);
    jx_arena_free(a);
}

/* Bytes of large (mmapped) blocks malloc holds, or 0 where unknown (a
 * sanitizer's malloc, another libc). */
static size_t mapped_bytes(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
    return mallinfo2().hblkhd;
#else
    return 0;
#endif
}

/* An array grown by jx_arena_regrow keeps its elements, gives its
 * outgrown copies back (one array's worth held, not two), is trimmed by
 * jx_arena_fit and freed by jx_arena_give_back; what else the arena
 * holds is untouched. */
static void arena_regrow(void)
{
    struct jx_arena *a = jx_arena_new();
    size_t base = mapped_bytes();
    int *v = NULL;
    size_t n = 0, cap = 0;
    char *between = NULL;
    for (int i = 0; i < 1000000; i++) {
        v = jx_arena_regrow(a, v, n, &cap, sizeof *v);
        v[n++] = i * 3;
        if (i == 70000) {
            between = jx_strdup(a, "绩效");
        }
    }
    CHECK_INT(cap, 1048576);
    CHECK_INT(v[0], 0);
    CHECK_INT(v[999999], 2999997);
    size_t held = mapped_bytes() - base;
    if (mapped_bytes() > 0) {
        /* 4 MiB of elements: the outgrown 2 + 1 + ... MiB are gone */
        CHECK(held >= 4u << 20 && held < (5u << 20));
    }
    v = jx_arena_fit(a, v, n, &cap, sizeof *v);
    CHECK_INT(cap, 1000000);
    CHECK_INT(v[123456], 370368);
    CHECK_INT(v[999999], 2999997);
    /* a small array stays in its shared block */
    int *w = NULL;
    size_t wn = 0, wcap = 0;
    for (int i = 0; i < 10; i++) {
        w = jx_arena_regrow(a, w, wn, &wcap, sizeof *w);
        w[wn++] = i;
    }
    CHECK_INT(wcap, 16);
    CHECK(jx_arena_fit(a, w, wn, &wcap, sizeof *w) == w);
    CHECK_INT(wcap, 16);
    jx_arena_give_back(a, v, cap, sizeof *v);
    if (mapped_bytes() > 0 || base > 0) {
        CHECK(mapped_bytes() - base < (1u << 20));
    }
    CHECK_STR(between, "绩效");
    CHECK_INT(w[9], 9);
    jx_arena_free(a);
}

/* An array grown by jx_arena_regrow_unset keeps its elements as
 * jx_arena_regrow does (its room is not zeroed: the caller fills each
 * element), gives its outgrown copies back, and a small one stays in
 * the arena's shared block. */
static void arena_regrow_unset(void)
{
    struct jx_arena *a = jx_arena_new();
    size_t base = mapped_bytes();
    long *v = NULL;
    size_t n = 0, cap = 0;
    for (long i = 0; i < 300000; i++) {
        v = jx_arena_regrow_unset(a, v, n, &cap, sizeof *v);
        v[n++] = i * 7 + 1;
    }
    CHECK_INT(cap, 524288);
    CHECK_INT(v[0], 1);
    CHECK_INT(v[131072], 917505);
    CHECK_INT(v[299999], 2099994);
    if (mapped_bytes() > 0) {
        /* 4 MiB of room: the outgrown 2 + 1 + ... MiB are gone */
        size_t held = mapped_bytes() - base;
        CHECK(held >= 4u << 20 && held < (5u << 20));
    }
    v = jx_arena_fit(a, v, n, &cap, sizeof *v);
    CHECK_INT(cap, 300000);
    CHECK_INT(v[299999], 2099994);
    short *w = NULL;
    size_t wn = 0, wcap = 0;
    for (short i = 0; i < 9; i++) {
        w = jx_arena_regrow_unset(a, w, wn, &wcap, sizeof *w);
        w[wn++] = (short)(i - 4);
    }
    CHECK_INT(wcap, 16);
    CHECK_INT(w[0], -4);
    CHECK_INT(w[8], 4);
    jx_arena_free(a);
}

/* A buffer refuses to pass its cap and says so. */
static void buf_cap(void)
{
    struct jx_buf b;
    jx_buf_init(&b, 8);
    CHECK_STR(b.p, "");
    CHECK_INT(jx_buf_adds(&b, "1234"), 0);
    CHECK_INT(jx_buf_addf(&b, "%d", 5678), 0);
    CHECK_STR(b.p, "12345678");
    CHECK_INT(jx_buf_addc(&b, '9'), -1);
    CHECK(b.toobig);
    CHECK_INT(b.len, 8);
    size_t len;
    char *p = jx_buf_detach(&b, &len);
    CHECK_STR(p, "12345678");
    CHECK_INT(len, 8);
    free(p);
    CHECK_INT(b.len, 0);
    jx_buf_release(&b);
}

/* CSV fields: RFC 4180 quoting, and a formula-like text defused. */
static void buf_csv(void)
{
    struct jx_buf b;
    jx_buf_init(&b, 1000);
    static const char *const in[] = {
        "示例单位", "a,b", "say \"hi\"", "=SUM(A1)", "+1+2", "@cmd", "-3.50",
        "-", "12", "\tx", "",
    };
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        CHECK_INT(jx_buf_csv_field(&b, in[i]), 0);
        jx_buf_addc(&b, '|');
    }
    CHECK_STR(b.p, "示例单位|\"a,b\"|\"say \"\"hi\"\"\"|\"'=SUM(A1)\"|\"'+1+2\"|"
                   "\"'@cmd\"|-3.50|\"'-\"|12|\"'\tx\"||");
    jx_buf_release(&b);
}

/* Display widths of mixed Chinese and ASCII text, and padding. */
static void utf8_width(void)
{
    CHECK_INT(jx_utf8_width("abc"), 3);
    CHECK_INT(jx_utf8_width("执行率"), 6);
    CHECK_INT(jx_utf8_width("48.65%（优）"), 12);
    CHECK_INT(jx_utf8_count("执行率a", strlen("执行率a")), 4);
    struct jx_buf b;
    jx_buf_init(&b, 100);
    jx_buf_addpad(&b, "得分", 6, false);
    jx_buf_addpad(&b, "4.87", 6, true);
    CHECK_STR(b.p, "得分    4.87");
    jx_buf_release(&b);
    int32_t cp;
    CHECK_INT(jx_utf8_decode("\xe5\xbe\x97", 3, &cp), 3);
    CHECK_INT(cp, 0x5F97);
    CHECK_INT(jx_utf8_decode("\xe5\xbe", 2, &cp), -1);
}

/* jx_utf8_decode on every one-byte and three-byte sequence: ASCII is
 * itself, a lead byte E0..EF with two continuation bytes decodes unless
 * overlong (E0 below A0) or a surrogate (ED from A0), as utf8proc
 * says; the fast paths give the same answers as the general one. */
static void utf8_decode_all(void)
{
    int32_t cp;
    for (int b = 0; b < 0x80; b++) {
        char s[1] = {(char)b};
        CHECK_INT(jx_utf8_decode(s, 1, &cp), 1);
        CHECK_INT(cp, b);
    }
    size_t bad = 0;
    for (int b0 = 0xE0; b0 <= 0xEF; b0++) {
        for (int b1 = 0; b1 < 256; b1++) {
            for (int b2 = 0; b2 < 256; b2++) {
                char s[3] = {(char)b0, (char)b1, (char)b2};
                bool cont = (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80;
                bool ok = cont && !(b0 == 0xE0 && b1 < 0xA0) &&
                          !(b0 == 0xED && b1 >= 0xA0);
                int k = jx_utf8_decode(s, 3, &cp);
                if (!ok) {
                    bad += k != -1;
                    continue;
                }
                bad += k != 3 ||
                       cp != ((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 |
                              (b2 & 0x3F));
            }
        }
    }
    CHECK_INT(bad, 0);
    CHECK_INT(jx_utf8_decode("\xEF\xBC", 2, &cp), -1);
    CHECK_INT(jx_utf8_decode("\xED\xA0\x80", 3, &cp), -1);
    CHECK_INT(jx_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
}

/* jx_sprintf and jx_buf_addf print what snprintf prints, on the formats
 * they handle themselves (%s %.*s %d %zu %%) and on the others. */
static void sprintf_like_snprintf(void)
{
    struct jx_arena *a = jx_arena_new();
    char want[600], longs[400];
    memset(longs, 'x', sizeof longs - 1);
    longs[sizeof longs - 1] = '\0';
    CHECK_STR(jx_sprintf(a, "%s/indicators/%zu", "/unit_sheet", (size_t)12),
              "/unit_sheet/indicators/12");
    CHECK_STR(jx_sprintf(a, "%d|%d|%d", 0, -7, INT_MIN),
              "0|-7|-2147483648");
    CHECK_STR(jx_sprintf(a, "%zu%%", SIZE_MAX), "18446744073709551615%");
    CHECK_STR(jx_sprintf(a, "“%.*s”…", 6, "执行率偏低"), "“执行”…");
    CHECK_STR(jx_sprintf(a, "[%.*s]", -1, "全部"), "[全部]");
    const char *volatile nul = NULL; /* (null), as snprintf prints it */
    snprintf(want, sizeof want, "<%s>", nul);
    CHECK_STR(jx_sprintf(a, "<%s>", nul), want);
    snprintf(want, sizeof want, "a%sb%zu", longs, (size_t)3);
    CHECK_STR(jx_sprintf(a, "a%sb%zu", longs, (size_t)3), want);
    CHECK_INT(strlen(want), 402);
    CHECK_STR(jx_sprintf(a, "%x|%c|%3s|%ld", 255u, 'q', "a", -5L),
              "ff|q|  a|-5");
    struct jx_buf b;
    jx_buf_init(&b, SIZE_MAX);
    jx_buf_addf(&b, "第%d段%s", 3, "重复");
    jx_buf_addf(&b, "/%zu", (size_t)0);
    CHECK_STR(b.p, "第3段重复/0");
    jx_buf_release(&b);
    jx_arena_free(a);
}

/* jx_utf8_count (ASCII and the usual three-byte characters counted
 * inline) gives what stepping with jx_utf8_decode gives, an invalid
 * byte counting as one: on every sequence of three bytes from a set
 * that holds the edge cases (E0 overlong, ED surrogates, a lead byte
 * cut off at the end, stray continuation bytes, a four-byte lead). */
static void utf8_count_steps(void)
{
    static const unsigned char bytes[] = {'a', 0x7F, 0x80, 0xA0, 0xBF, 0xC2,
                                          0xE0, 0xE1, 0xE5, 0xEC, 0xED, 0xEE,
                                          0xEF, 0xF0, 0x9F, 0xFF};
    enum { NB = sizeof bytes };
    char s[4];
    for (size_t i = 0; i < NB * NB * NB; i++) {
        s[0] = (char)bytes[i % NB];
        s[1] = (char)bytes[i / NB % NB];
        s[2] = (char)bytes[i / NB / NB];
        s[3] = '\0';
        for (size_t n = 0; n <= 3; n++) {
            size_t want = 0;
            for (size_t k = 0; k < n; want++) {
                int32_t cp;
                int step = jx_utf8_decode(s + k, n - k, &cp);
                k += step > 0 ? (size_t)step : 1;
            }
            if (jx_utf8_count(s, n) != want) {
                CHECK_INT(jx_utf8_count(s, n), want);
                return;
            }
        }
    }
    CHECK_INT(jx_utf8_count("执行率a", strlen("执行率a")), 4);
    CHECK_INT(jx_utf8_count("\xE5\xBE", 2), 2);        /* cut off */
    CHECK_INT(jx_utf8_count("\xED\xA0\x80", 3), 3);    /* surrogate */
    CHECK_INT(jx_utf8_count("\xF0\x9F\x98\x80" "a", 5), 2); /* four bytes */
}

/* jx_sprintf's runs of literal bytes: copied whole up to the next %, the
 * last run to the end, and a result longer than the 256-byte probe
 * still formatted by vsnprintf, as snprintf formats it. */
static void sprintf_literal_runs(void)
{
#define Y10 "yyyyyyyyyy"
#define Y50 Y10 Y10 Y10 Y10 Y10
#define Y250 Y50 Y50 Y50 Y50 Y50
    struct jx_arena *a = jx_arena_new();
    char want[400];
    CHECK_STR(jx_sprintf(a, "指标“%s”自评得分 %s 与复核得分", "甲", "5"),
              "指标“甲”自评得分 5 与复核得分");
    CHECK_STR(jx_sprintf(a, "无格式的文字"), "无格式的文字");
    CHECK_STR(jx_sprintf(a, "%s尾", ""), "尾");
    CHECK_STR(jx_sprintf(a, "%%前%%后%%"), "%前%后%");
    /* around the probe's 256 bytes: 254, 255, 256 and 257 in all */
    snprintf(want, sizeof want, Y250 "yyy%s", "z");
    CHECK_STR(jx_sprintf(a, Y250 "yyy%s", "z"), want);
    snprintf(want, sizeof want, Y250 "yyyy%s", "z");
    CHECK_STR(jx_sprintf(a, Y250 "yyyy%s", "z"), want);
    snprintf(want, sizeof want, Y250 "yyyyy%s", "z");
    CHECK_STR(jx_sprintf(a, Y250 "yyyyy%s", "z"), want);
    snprintf(want, sizeof want, "%s" Y250 "yyyyyy", "z");
    CHECK_STR(jx_sprintf(a, "%s" Y250 "yyyyyy", "z"), want);
    CHECK_INT(strlen(want), 257);
    jx_arena_free(a);
#undef Y250
#undef Y50
#undef Y10
}

/* Diagnostics are counted past the cap and formatted with locations. */
static void diag_collect(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    d.limit = 2;
    struct jx_loc loc = {.file = "p.json", .line = 3, .col = 7,
                         .path = "/year"};
    struct jx_diag *e = jx_diag_add(&d, "J102", JX_SEV_ERROR, &loc,
                                    "应为整数，实际为字符串 \"%s\"", "二〇二四");
    jx_diag_detail(&d, e, "年度须写成 2024");
    jx_diag_add(&d, "S101", JX_SEV_WARNING, NULL, "得分 %s 高于分值 %s",
                "5", "4");
    CHECK(jx_diag_add(&d, "S101", JX_SEV_ERROR, NULL, "x") == NULL);
    CHECK_INT(d.n, 2);
    CHECK_INT(d.dropped, 1);
    CHECK_INT(jx_diags_errors(&d), 2);
    struct jx_buf b;
    jx_buf_init(&b, 1000);
    jx_diag_format(&b, &d.a[0]);
    CHECK_STR(b.p, "p.json:3:7 /year: 错误[J102]: 应为整数，实际为字符串 "
                   "\"二〇二四\"\n    年度须写成 2024\n");
    jx_buf_reset(&b);
    jx_diag_format(&b, &d.a[1]);
    CHECK_STR(b.p, "警告[S101]: 得分 5 高于分值 4\n");
    jx_buf_reset(&b);
    struct jx_loc x = {.sheet = "整体自评表", .cell = "B12"};
    jx_loc_format(&b, &x);
    CHECK_STR(b.p, "整体自评表!B12");
    jx_buf_reset(&b);
    struct jx_loc t = {.table = 2, .row = 3, .column = 4};
    jx_loc_format(&b, &t);
    CHECK_STR(b.p, "表2/行3/列4");
    jx_buf_release(&b);
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Sorting keeps insertion order for equal places. */
static void diag_sort(void)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_loc l3 = {.file = "f", .line = 3, .col = 1};
    struct jx_loc l1 = {.file = "f", .line = 1, .col = 9};
    jx_diag_add(&d, "A", JX_SEV_NOTE, &l3, "first");
    jx_diag_add(&d, "B", JX_SEV_NOTE, &l1, "second");
    jx_diag_add(&d, "C", JX_SEV_NOTE, &l3, "third");
    jx_diags_sort(&d);
    CHECK_STR(d.a[0].code, "B");
    CHECK_STR(d.a[1].code, "A");
    CHECK_STR(d.a[2].code, "C");
    jx_diags_release(&d);
    jx_arena_free(a);
}

/* Atomic writes replace the file and leave no temporary behind. */
static void file_atomic(void)
{
    const char *path = "t_base_atomic.tmp";
    CHECK_INT(jx_write_file_atomic(path, "一二三", strlen("一二三")), 0);
    char *data;
    size_t len;
    CHECK_INT(jx_read_file(path, 100, &data, &len), 0);
    CHECK_STR(data, "一二三");
    free(data);
    CHECK_INT(jx_read_file(path, 4, &data, &len), -1);
    remove(path);
    CHECK_INT(jx_write_file_atomic("no/such/dir/x", "a", 1), -1);
}

/* System errors in Chinese: the common ones worded, others named. */
static void errno_words(void)
{
    CHECK_STR(jx_errno_zh(ENOENT), "文件或目录不存在");
    CHECK_STR(jx_errno_zh(EACCES), "没有访问权限");
    CHECK_STR(jx_errno_zh(EISDIR), "这是一个目录，不是文件");
    CHECK_STR(jx_errno_zh(ENOTDIR), "路径中有一部分不是目录");
    CHECK_STR(jx_errno_zh(ENOSPC), "磁盘空间不足");
    CHECK_STR(jx_errno_zh(EROFS), "文件系统是只读的");
    CHECK_STR(jx_errno_zh(EEXIST), "文件已存在");
    CHECK_STR(jx_errno_zh(ELOOP), "符号链接层数过多（可能是循环链接）");
    CHECK_STR(jx_errno_zh(ENAMETOOLONG), "文件名过长");
    CHECK_STR(jx_errno_zh(EMFILE), "打开的文件过多");
    CHECK_STR(jx_errno_zh(EIO), "输入输出错误（磁盘或设备故障）");
    CHECK_STR(jx_errno_zh(EPIPE), "系统错误 EPIPE");
    CHECK_STR(jx_errno_zh(99999), "系统错误（错误号 99999）");
}

/* Output paths: a new name or a file as given, a link to a file
 * resolved (and written through, the link kept), a looping or dangling
 * link and a directory refused. */
static void out_path(void)
{
    char *real = NULL;
    remove("t_base_out.link");
    remove("t_base_out.loop1");
    remove("t_base_out.loop2");
    remove("t_base_out.dang");
    remove("t_base_out.target");
    CHECK_INT(jx_out_path("t_base_out.target", &real), 0);
    CHECK_STR(real, "t_base_out.target");
    free(real);
    CHECK_INT(jx_write_file_atomic("t_base_out.target", "旧", 3), 0);
    CHECK_INT(symlink("t_base_out.target", "t_base_out.link"), 0);
    CHECK_INT(jx_write_file_atomic("t_base_out.link", "新的", 6), 0);
    struct stat st;
    CHECK_INT(lstat("t_base_out.link", &st), 0);
    CHECK(S_ISLNK(st.st_mode));
    char *data;
    size_t len;
    CHECK_INT(jx_read_file("t_base_out.target", 100, &data, &len), 0);
    CHECK_STR(data, "新的");
    free(data);
    CHECK_INT(symlink("t_base_out.loop2", "t_base_out.loop1"), 0);
    CHECK_INT(symlink("t_base_out.loop1", "t_base_out.loop2"), 0);
    errno = 0;
    CHECK_INT(jx_out_path("t_base_out.loop1", &real), -1);
    CHECK_INT(errno, ELOOP);
    CHECK_INT(jx_write_file_atomic("t_base_out.loop1", "a", 1), -1);
    CHECK_INT(errno, ELOOP);
    CHECK_INT(symlink("t_base_out.none", "t_base_out.dang"), 0);
    CHECK_INT(jx_out_path("t_base_out.dang", &real), -1);
    CHECK_INT(errno, ENOENT);
    CHECK_INT(jx_write_file_atomic("t_base_out.dang", "a", 1), -1);
    CHECK_INT(lstat("t_base_out.none", &st), -1);
    CHECK_INT(jx_out_path(".", &real), -1);
    CHECK_INT(errno, EISDIR);
    remove("t_base_out.link");
    remove("t_base_out.loop1");
    remove("t_base_out.loop2");
    remove("t_base_out.dang");
    remove("t_base_out.target");
}

/* Edit distance with transpositions; long strings are far. */
static void edit_distance(void)
{
    CHECK_INT(jx_edit_distance("unit", 4, "unit", 4), 0);
    CHECK_INT(jx_edit_distance("unti", 4, "unit", 4), 1);
    CHECK_INT(jx_edit_distance("uni", 3, "unit", 4), 1);
    CHECK_INT(jx_edit_distance("budget_ful", 10, "budget_full", 11), 1);
    CHECK_INT(jx_edit_distance("abc", 3, "xyz", 3), 3);
    char long_[70];
    memset(long_, 'a', sizeof long_);
    CHECK_INT(jx_edit_distance(long_, sizeof long_, "a", 1), 99);
}

/* YYYY-MM-DD: real dates only. */
static void ymd(void)
{
    int y = 0, m = 0, d = 0;
    CHECK(jx_ymd_parse("2024-02-29", 10, &y, &m, &d));
    CHECK_INT(y * 10000 + m * 100 + d, 20240229);
    CHECK(!jx_ymd_parse("2025-02-29", 10, &y, &m, &d));
    CHECK(!jx_ymd_parse("2025-2-28", 9, &y, &m, &d));
    CHECK(!jx_ymd_parse("2025-13-01", 10, &y, &m, &d));
    CHECK(!jx_ymd_parse("0000-01-01", 10, &y, &m, &d));
    CHECK_INT(jx_days_in_month(1900, 2), 28);
    CHECK_INT(jx_days_in_month(2000, 2), 29);
}

/* XML-safe UTF-8: bad bytes and U+FFFF replaced, controls dropped, a
 * character limit. */
static void utf8_xml(void)
{
    struct jx_buf b;
    jx_buf_init(&b, 1024);
    bool cut = true;
    CHECK_INT(jx_utf8_xml(&b, "a\xff\x01" "b\tc\xef\xbf\xbf", 9, false, 100,
                          &cut), 4);
    CHECK_STR(b.p, "a\xef\xbf\xbd" "bc\xef\xbf\xbd");
    CHECK(!cut);
    jx_buf_reset(&b);
    CHECK_INT(jx_utf8_xml(&b, "a\tb\nc", 5, true, 4, &cut), 0);
    CHECK_STR(b.p, "a\tb\n");
    CHECK(cut);
    jx_buf_release(&b);
}

/* A text bag: blanks (space, ideographic space, line ends) not
 * counted, the same bag whatever the order, an exact hash. */
static void text_bag(void)
{
    struct jx_text_bag b = {0, 0}, c = {0, 0};
    static const char s[] = "复核 a\xE3\x80\x80" /* U+3000 */ "1\n";
    jx_text_bag_add(&b, s, strlen(s));
    CHECK_INT(b.n, 4);
    CHECK_INT(b.hash, 0xebc44813u);
    jx_text_bag_add(&c, "1a", 2);
    jx_text_bag_add(&c, "核\t复", strlen("核\t复"));
    CHECK_INT(c.n, b.n);
    CHECK_INT(c.hash, b.hash);
    CHECK(jx_text_bag_blank(0x3000));
    CHECK(!jx_text_bag_blank(0x4E00));
}

/* The byte-pair filter never rules out a word the text holds, rules out
 * absent ones whose pairs the text lacks, and answers the same for a
 * word at the start, the end and across characters. */
static void pairs_filter(void)
{
    static const char text[] = "由于资金拨付较晚，执行率为 87.5%";
    struct jx_pairs ps;
    jx_pairs_of(&ps, text);
    static const char *const held[] = {"由于", "资金拨付", "较晚", "，执行",
                                       "87.5%", " 8", "%", "", text};
    for (size_t i = 0; i < sizeof held / sizeof held[0]; i++) {
        CHECK(jx_pairs_may_hold(&ps, held[i]));
    }
    static const char *const absent[] = {"采购", "资产", "审计", "95%",
                                         "xy"};
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++) {
        CHECK(!jx_pairs_may_hold(&ps, absent[i]));
        CHECK(strstr(text, absent[i]) == NULL);
    }
    /* every substring of the text may be held */
    size_t n = strlen(text);
    for (size_t b = 0; b < n; b++) {
        for (size_t e = b + 1; e <= n; e++) {
            char w[64];
            memcpy(w, text + b, e - b);
            w[e - b] = '\0';
            CHECK(jx_pairs_may_hold(&ps, w));
        }
    }
    /* an empty text or NULL holds no pair: only words of one byte or
       none may be in it */
    jx_pairs_of(&ps, NULL);
    CHECK(!jx_pairs_may_hold(&ps, "预算"));
    CHECK(jx_pairs_may_hold(&ps, "a"));
    jx_pairs_of(&ps, "a");
    CHECK(!jx_pairs_may_hold(&ps, "ab"));
}

const struct jx_test t_base[] = {
    {"base.pairs_filter", pairs_filter},
    {"base.text_bag", text_bag},
    {"base.ymd", ymd},
    {"base.utf8_xml", utf8_xml},
    {"base.edit_distance", edit_distance},
    {"base.arena_alloc", arena_alloc},
    {"base.arena_reuse", arena_reuse},
    {"base.arena_regrow", arena_regrow},
    {"base.arena_regrow_unset", arena_regrow_unset},
    {"base.arena_chars_reserve", arena_chars_reserve},
    {"base.buf_cap", buf_cap},
    {"base.buf_csv", buf_csv},
    {"base.utf8_width", utf8_width},
    {"base.utf8_decode_all", utf8_decode_all},
    {"base.sprintf_like_snprintf", sprintf_like_snprintf},
    {"base.sprintf_literal_runs", sprintf_literal_runs},
    {"base.utf8_count_steps", utf8_count_steps},
    {"base.diag_collect", diag_collect},
    {"base.diag_sort", diag_sort},
    {"base.file_atomic", file_atomic},
    {"base.errno_words", errno_words},
    {"base.out_path", out_path},
    {NULL, NULL},
};
