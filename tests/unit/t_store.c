/*
 * t_store.c - the store (lib/store), one suite run on every engine: a
 * fresh SQLite workspace always, and the PostgreSQL database named by
 * $JX_TEST_PG_URL when it is set (tests/store/pg-cluster starts one;
 * the PostgreSQL part is skipped, and says so, otherwise).  Its public
 * schema is dropped and made again before each case, so the URL must
 * name a throwaway database called jixiao_test.  Also: the `?` to $n
 * scanner on hostile SQL, SHA-256 vectors, the file store.
 */
#include "harness.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jixiao/store.h"

#include <libpq-fe.h>

/* One engine under test: its URL and a scratch directory. */
struct eng {
    const char *name; /* "sqlite", "pg" */
    char url[512];
    char dir[256];    /* scratch directory (the workspace for SQLite) */
};

/* Print the diagnostics of d as failures. */
static void fail_diags(const struct jx_diags *d, int line)
{
    for (size_t i = 0; i < d->n; i++) {
        jx_test_fail(__FILE__, line, "[%s] %s", d->a[i].code, d->a[i].msg);
    }
}

/* Remove a scratch directory. */
static void rmtree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) {
        jx_test_fail(__FILE__, __LINE__, "cannot remove %s", dir);
    }
}

/* Make a scratch directory into e->dir; false on failure. */
static bool scratch(struct eng *e)
{
    const char *t = getenv("TMPDIR");
    snprintf(e->dir, sizeof e->dir, "%s/jx-store.XXXXXX", t && *t ? t : "/tmp");
    if (!mkdtemp(e->dir)) {
        jx_test_fail(__FILE__, __LINE__, "mkdtemp failed");
        return false;
    }
    return true;
}

/* Empty the PostgreSQL test database (only one called jixiao_test),
 * straight through libpq: the store would refuse a schema left newer
 * than the binary by newer_refused. */
static bool pg_wipe(const char *url)
{
    if (!strstr(url, "/jixiao_test")) {
        jx_test_fail(__FILE__, __LINE__,
                     "JX_TEST_PG_URL must name a database jixiao_test: %s", url);
        return false;
    }
    PGconn *c = PQconnectdb(url);
    bool ok = c && PQstatus(c) == CONNECTION_OK;
    if (ok) {
        PGresult *r = PQexec(c, "SET client_min_messages = warning;"
                                "DROP SCHEMA public CASCADE;"
                                "CREATE SCHEMA public");
        ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
    }
    if (!ok) {
        jx_test_fail(__FILE__, __LINE__, "cannot empty %s: %s", url,
                     c ? PQerrorMessage(c) : "no memory");
    }
    PQfinish(c);
    return ok;
}

/* Run fn on a fresh SQLite workspace. */
static void on_sqlite(void (*fn)(struct eng *e))
{
    struct eng e;
    memset(&e, 0, sizeof e);
    e.name = "sqlite";
    if (scratch(&e)) {
        snprintf(e.url, sizeof e.url, "%s", e.dir);
        fn(&e);
        rmtree(e.dir);
    }
}

/* Run fn on the emptied PostgreSQL database of $JX_TEST_PG_URL, or say
 * it was skipped. */
static void on_pg(void (*fn)(struct eng *e))
{
    const char *pg = getenv("JX_TEST_PG_URL");
    if (!pg || !*pg) {
        jx_test_skip("PostgreSQL: JX_TEST_PG_URL not set (tests/store/pg-cluster)");
        return;
    }
    struct eng e;
    memset(&e, 0, sizeof e);
    e.name = "pg";
    snprintf(e.url, sizeof e.url, "%s", pg);
    if (scratch(&e)) {
        if (pg_wipe(pg)) {
            fn(&e);
        }
        rmtree(e.dir);
    }
}

/* The SQLite and the PostgreSQL case of an engine test. */
#define ENGINE_CASES(fn)                                                  \
    static void test_sqlite_##fn(void) { on_sqlite(fn); }                \
    static void test_pg_##fn(void) { on_pg(fn); }

/* Open e's store (created and migrated) with diagnostics into d. */
static struct jx_store *open_e(struct eng *e, struct jx_diags *d, bool migrate)
{
    struct jx_store_opts o = {.create = true, .migrate = migrate,
                              .files_dir = e->dir, .busy_ms = 20000};
    struct jx_store *s = jx_store_open(e->url, &o, d);
    if (!s) {
        fail_diags(d, __LINE__);
    }
    return s;
}

/* Run sql with up to two text parameters and return the first column of
 * the first row as an integer (-1 when no row, -2 on error). */
static int64_t q_int(struct jx_store *s, const char *sql, const char *p1,
                     const char *p2)
{
    struct jx_stmt *st = jx_stmt_prepare(s, sql);
    if (!st) {
        return -2;
    }
    if (p1) {
        jx_stmt_bind_text(st, 1, p1);
    }
    if (p2) {
        jx_stmt_bind_text(st, 2, p2);
    }
    enum jx_step r = jx_stmt_step(st);
    int64_t v = r == JX_STEP_ROW ? jx_stmt_int(st, 0)
                : r == JX_STEP_DONE ? -1 : -2;
    jx_stmt_finalize(st);
    return v;
}

/* Insert a unit (code, name); 0 or -1. */
static int add_unit(struct jx_store *s, const char *code, const char *name)
{
    struct jx_stmt *st = jx_stmt_prepare(
        s, "INSERT INTO units (code, name, supervisor, region) "
           "VALUES (?, ?, ?, ?)");
    if (!st) {
        return -1;
    }
    jx_stmt_bind_text(st, 1, code);
    jx_stmt_bind_text(st, 2, name);
    jx_stmt_bind_text(st, 3, "示例主管局");
    jx_stmt_bind_null(st, 4);
    int rc = jx_stmt_step(st) == JX_STEP_DONE ? 0 : -1;
    jx_stmt_finalize(st);
    return rc;
}

/* ---- the scanner ---------------------------------------------------- */

/* Rewrite sql and compare with want and the count. */
static void rewrite_is(const char *sql, const char *want, int n, int line)
{
    struct jx_buf b;
    jx_buf_init(&b, 1u << 20);
    int got = jx_sql_number_params(sql, &b);
    if (got != n || (n >= 0 && strcmp(b.p, want) != 0)) {
        jx_test_fail(__FILE__, line, "%s: expected %d \"%s\", got %d \"%s\"",
                     sql, n, want, got, b.p);
    }
    jx_buf_release(&b);
}

/* `?` becomes $n only outside quotes and comments; unclosed ones fail. */
static void test_sql_params(void)
{
    rewrite_is("SELECT ?", "SELECT $1", 1, __LINE__);
    rewrite_is("VALUES (?, ?,?)", "VALUES ($1, $2,$3)", 3, __LINE__);
    rewrite_is("SELECT '?', ?", "SELECT '?', $1", 1, __LINE__);
    rewrite_is("SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1", 1, __LINE__);
    rewrite_is("SELECT '', ?", "SELECT '', $1", 1, __LINE__);
    rewrite_is("SELECT \"a?b\" FROM t WHERE x = ?",
               "SELECT \"a?b\" FROM t WHERE x = $1", 1, __LINE__);
    rewrite_is("SELECT \"a\"\"?\" , ?", "SELECT \"a\"\"?\" , $1", 1, __LINE__);
    rewrite_is("SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2", 2,
               __LINE__);
    rewrite_is("SELECT /* ? /* ? */ ? */ ?", "SELECT /* ? /* ? */ ? */ $1", 1,
               __LINE__);
    rewrite_is("SELECT E'\\'?', ?", "SELECT E'\\'?', $1", 1, __LINE__);
    /* a backslash is plain in a standard string: the quote ends it */
    rewrite_is("SELECT '\\', ?", "SELECT '\\', $1", 1, __LINE__);
    /* "e" ending an identifier does not make an escape string */
    rewrite_is("SELECT name'x', ?", "SELECT name'x', $1", 1, __LINE__);
    rewrite_is("SELECT $$?$$, ?", "SELECT $$?$$, $1", 1, __LINE__);
    rewrite_is("SELECT $f$ '? $$ ?' $f$, ?", "SELECT $f$ '? $$ ?' $f$, $1",
               1, __LINE__);
    rewrite_is("SELECT a$b, ?", "SELECT a$b, $1", 1, __LINE__);
    rewrite_is("SELECT '单位？?', ?", "SELECT '单位？?', $1", 1, __LINE__);
    rewrite_is("", "", 0, __LINE__);
    rewrite_is("SELECT 'open ?", "", -1, __LINE__);
    rewrite_is("SELECT \"open ?", "", -1, __LINE__);
    rewrite_is("SELECT /* open ?", "", -1, __LINE__);
    rewrite_is("SELECT /* /* */ ?", "", -1, __LINE__);
    rewrite_is("SELECT $t$ open ?", "", -1, __LINE__);
    rewrite_is("SELECT E'\\'", "", -1, __LINE__);
}

/* ---- SHA-256 and the file store ------------------------------------- */

/* The FIPS 180-4 examples and a million a's. */
static void test_sha256(void)
{
    char h[65];
    jx_sha256_hex("", 0, h);
    CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    jx_sha256_hex("abc", 3, h);
    CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    jx_sha256_hex(m, strlen(m), h);
    CHECK_STR(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char *a = malloc(1000000);
    memset(a, 'a', 1000000);
    jx_sha256_hex(a, 1000000, h);
    free(a);
    CHECK_STR(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    /* 55 and 64 bytes: the padding's two cases */
    char b[64];
    memset(b, 'x', sizeof b);
    jx_sha256_hex(b, 55, h);
    CHECK_STR(h, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072");
    jx_sha256_hex(b, 64, h);
    CHECK_STR(h, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c");
}

/* Put a file with NUL and high bytes, read it back byte for byte; an
 * altered copy is refused. */
static void test_files(void)
{
    struct eng e;
    if (!scratch(&e)) {
        return;
    }
    struct jx_arena *ar = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, ar);
    char data[3000];
    for (size_t i = 0; i < sizeof data; i++) {
        data[i] = (char)(i * 7 % 256);
    }
    char hex[65], want[65];
    jx_sha256_hex(data, sizeof data, want);
    CHECK_INT(jx_files_put(e.dir, data, sizeof data, hex, &d), 0);
    CHECK_STR(hex, want);
    CHECK_INT(jx_files_put(e.dir, data, sizeof data, hex, &d), 0);
    char path[600];
    snprintf(path, sizeof path, "%s/%.2s/%s", e.dir, hex, hex + 2);
    struct stat st;
    CHECK_INT(stat(path, &st), 0);
    CHECK_INT(st.st_size, (long long)sizeof data);
    char *got = NULL;
    size_t n = 0;
    CHECK_INT(jx_files_get(e.dir, hex, &got, &n, &d), 0);
    CHECK_INT(n, sizeof data);
    CHECK(got && memcmp(got, data, sizeof data) == 0);
    free(got);
    CHECK_INT(d.n, 0);
    fail_diags(&d, __LINE__);
    /* no temporary file left beside it */
    char cmd[700];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s/%.2s' | wc -l) -eq 1", e.dir,
             hex);
    CHECK_INT(system(cmd), 0);
    /* an empty file */
    CHECK_INT(jx_files_put(e.dir, "", 0, hex, &d), 0);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK_INT(jx_files_get(e.dir, hex, &got, &n, &d), 0);
    CHECK_INT(n, 0);
    free(got);
    /* altered on disk: refused, D011 */
    FILE *f = fopen(path, "r+b");
    CHECK(f != NULL);
    if (f) {
        fputc('!', f);
        fclose(f);
    }
    CHECK_INT(jx_files_get(e.dir, want, &got, &n, &d), -1);
    CHECK(got == NULL);
    CHECK(d.n == 1 && strcmp(d.a[0].code, "D011") == 0);
    /* not a hash; absent */
    CHECK_INT(jx_files_get(e.dir, "../etc/passwd", &got, &n, &d), -1);
    CHECK(d.n == 2 && strcmp(d.a[1].code, "D011") == 0);
    CHECK_INT(jx_files_get(e.dir,
                           "0000000000000000000000000000000000000000000000000000000000000000",
                           &got, &n, &d), -1);
    CHECK(d.n == 3 && strcmp(d.a[2].code, "D010") == 0);
    jx_diags_release(&d);
    jx_arena_free(ar);
    rmtree(e.dir);
}

/* ---- the engines ---------------------------------------------------- */

/* Open migrates to the current version; the tables are there; opening
 * again changes nothing. */
static void open_migrate(struct eng *e)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_store *s = open_e(e, &d, false);
    if (s) {
        CHECK_INT(jx_store_schema_version(s), 0);
        CHECK_INT(jx_store_migrate(s), 0);
        CHECK_INT(jx_store_schema_version(s), JX_STORE_SCHEMA_VERSION);
        CHECK_INT(jx_store_migrate(s), 0);
        static const char *const tables[] = {
            "bureau", "years", "units", "users", "versions", "files",
            "version_files", "states", "audit", "scores", "rankings"};
        for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
            char sql[128];
            snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", tables[i]);
            CHECK_INT(q_int(s, sql, NULL, NULL), 0);
        }
        CHECK_INT(jx_store_engine(s),
                  strcmp(e->name, "pg") == 0 ? JX_ENGINE_PG : JX_ENGINE_SQLITE);
        jx_store_close(s);
    }
    s = open_e(e, &d, true);
    if (s) {
        CHECK_INT(jx_store_schema_version(s), JX_STORE_SCHEMA_VERSION);
        CHECK_INT(q_int(s, "SELECT count(*) FROM schema_version", NULL, NULL),
                  1);
        jx_store_close(s);
    }
    CHECK_INT(d.n, 0);
    jx_diags_release(&d);
    jx_arena_free(a);
}

ENGINE_CASES(open_migrate)

/* A store whose schema is newer than the binary is refused, naming it. */
static void newer_refused(struct eng *e)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_store *s = open_e(e, &d, true);
    if (!s) {
        goto out;
    }
    CHECK_INT(jx_store_exec(s, "UPDATE schema_version SET version = 99"), 0);
    jx_store_close(s);
    struct jx_store_opts o = {.migrate = true};
    s = jx_store_open(e->url, &o, &d);
    CHECK(s == NULL);
    jx_store_close(s);
    CHECK_INT(d.n, 1);
    if (d.n == 1) {
        CHECK_STR(d.a[0].code, "D003");
        CHECK(strstr(d.a[0].msg, "版本为 99") != NULL);
        char want[64];
        snprintf(want, sizeof want, "支持的版本 %d", JX_STORE_SCHEMA_VERSION);
        CHECK(strstr(d.a[0].msg, want) != NULL);
        if (strcmp(e->name, "sqlite") == 0) {
            CHECK(strstr(d.a[0].msg, e->dir) != NULL);
        }
    }
out:
    jx_diags_release(&d);
    jx_arena_free(a);
}

ENGINE_CASES(newer_refused)

/* Insert, read back (RETURNING, NULL, 64-bit, '?' in a literal), update,
 * delete; constraints refuse bad rows; audit refuses UPDATE/DELETE. */
static void crud(struct eng *e)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_store *s = open_e(e, &d, true);
    if (!s) {
        goto out;
    }
    CHECK_INT(add_unit(s, "901001", "示例县教育局"), 0);
    struct jx_stmt *st = jx_stmt_prepare(
        s, "INSERT INTO users (name, role, unit) VALUES (?, ?, ?) RETURNING id");
    CHECK(st != NULL);
    if (st) {
        jx_stmt_bind_text(st, 1, "张填报");
        jx_stmt_bind_text(st, 2, "filler");
        jx_stmt_bind_text(st, 3, "901001");
        CHECK_INT(jx_stmt_step(st), JX_STEP_ROW);
        int64_t id1 = jx_stmt_int(st, 0);
        CHECK(id1 > 0);
        CHECK_INT(jx_stmt_step(st), JX_STEP_DONE);
        jx_stmt_reset(st);
        jx_stmt_bind_text(st, 1, "李审核");
        jx_stmt_bind_text(st, 2, "reviewer");
        jx_stmt_bind_null(st, 3);
        CHECK_INT(jx_stmt_step(st), JX_STEP_ROW);
        CHECK(jx_stmt_int(st, 0) > id1);
        jx_stmt_finalize(st);
    }
    /* read back, with NULL and a literal '?' beside a parameter */
    st = jx_stmt_prepare(s, "SELECT name, unit, '?', ? FROM users "
                            "WHERE role = ? ORDER BY id");
    CHECK(st != NULL);
    if (st) {
        jx_stmt_bind_text(st, 1, "x?");
        jx_stmt_bind_text(st, 2, "reviewer");
        CHECK_INT(jx_stmt_step(st), JX_STEP_ROW);
        CHECK_INT(jx_stmt_columns(st), 4);
        CHECK_STR(jx_stmt_text(st, 0), "李审核");
        CHECK(jx_stmt_isnull(st, 1));
        CHECK(jx_stmt_text(st, 1) == NULL);
        CHECK_STR(jx_stmt_text(st, 2), "?");
        CHECK_STR(jx_stmt_text(st, 3), "x?");
        CHECK(!jx_stmt_isnull(st, 0));
        CHECK(jx_stmt_isnull(st, 9));
        CHECK_INT(jx_stmt_step(st), JX_STEP_DONE);
        jx_stmt_finalize(st);
    }
    /* 64-bit integers survive */
    st = jx_stmt_prepare(s, "INSERT INTO files (sha256, name, size) "
                            "VALUES (?, ?, ?)");
    if (st) {
        jx_stmt_bind_text(st, 1, "ab00000000000000000000000000000000000000000000000000000000000000");
        jx_stmt_bind_text(st, 2, "自评报告.docx");
        jx_stmt_bind_int(st, 3, INT64_C(9000000000123));
        CHECK_INT(jx_stmt_step(st), JX_STEP_DONE);
        jx_stmt_finalize(st);
    }
    CHECK_INT(q_int(s, "SELECT size FROM files WHERE name = ?", "自评报告.docx",
                    NULL),
              INT64_C(9000000000123));
    /* update and delete */
    CHECK_INT(q_int(s, "UPDATE units SET name = ? WHERE code = ? RETURNING 1",
                    "示例县教育局（新）", "901001"),
              1);
    CHECK_INT(q_int(s, "SELECT count(*) FROM units WHERE name = ?",
                    "示例县教育局（新）", NULL),
              1);
    CHECK_INT(add_unit(s, "901002", "示例县卫健局"), 0);
    CHECK_INT(q_int(s, "DELETE FROM units WHERE code = ? RETURNING 1", "901002",
                    NULL),
              1);
    CHECK_INT(q_int(s, "SELECT count(*) FROM units", NULL, NULL), 1);
    CHECK_INT(d.n, 0);
    fail_diags(&d, __LINE__);
    /* refused: a duplicate code, an unknown role, a unit user without a
     * unit, a unit that does not exist (foreign key) */
    size_t before = d.n;
    CHECK_INT(add_unit(s, "901001", "重复"), -1);
    CHECK_INT(q_int(s, "INSERT INTO users (name, role) VALUES (?, ?) RETURNING id",
                    "王", "boss"),
              -2);
    CHECK_INT(q_int(s, "INSERT INTO users (name, role) VALUES (?, ?) RETURNING id",
                    "赵", "filler"),
              -2);
    CHECK_INT(q_int(s, "INSERT INTO users (name, role, unit) VALUES (?, 'leader', ?)"
                       " RETURNING id",
                    "钱", "999999"),
              -2);
    CHECK_INT(d.n - before, 4);
    for (size_t i = before; i < d.n; i++) {
        CHECK_STR(d.a[i].code, "D002");
    }
    /* the audit table is append-only */
    CHECK_INT(jx_store_exec(s, "INSERT INTO years (year, framework) "
                               "VALUES (2025, 'example-2025')"),
              0);
    CHECK_INT(q_int(s, "INSERT INTO audit (unit, year, to_state, action, at) "
                       "VALUES (?, 2025, 'submitted', 'submit', ?) RETURNING id",
                    "901001", "2026-03-02T01:02:03Z"),
              1);
    before = d.n;
    CHECK(jx_store_exec(s, "UPDATE audit SET comment = 'x'") < 0);
    CHECK(jx_store_exec(s, "DELETE FROM audit") < 0);
    CHECK_INT(d.n - before, 2);
    CHECK_INT(q_int(s, "SELECT count(*) FROM audit WHERE comment IS NULL", NULL,
                    NULL),
              1);
    /* an index out of range and bad SQL are diagnostics, not crashes */
    st = jx_stmt_prepare(s, "SELECT ?");
    if (st) {
        CHECK_INT(jx_stmt_bind_int(st, 2, 1), -1);
        jx_stmt_finalize(st);
    }
    CHECK(jx_stmt_prepare(s, "SELEKT 1") == NULL);
    jx_store_close(s);
out:
    jx_diags_release(&d);
    jx_arena_free(a);
}

ENGINE_CASES(crud)

/* A rolled-back transaction leaves nothing; a committed one stays. */
static void rollback(struct eng *e)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_store *s = open_e(e, &d, true);
    if (!s) {
        goto out;
    }
    CHECK_INT(jx_store_begin(s), 0);
    CHECK_INT(add_unit(s, "902001", "甲"), 0);
    CHECK_INT(add_unit(s, "902002", "乙"), 0);
    CHECK_INT(q_int(s, "SELECT count(*) FROM units", NULL, NULL), 2);
    CHECK_INT(jx_store_rollback(s), 0);
    CHECK_INT(q_int(s, "SELECT count(*) FROM units", NULL, NULL), 0);
    CHECK_INT(jx_store_begin(s), 0);
    CHECK_INT(add_unit(s, "902003", "丙"), 0);
    CHECK_INT(jx_store_commit(s), 0);
    jx_store_close(s);
    s = open_e(e, &d, false);
    if (s) {
        CHECK_INT(q_int(s, "SELECT count(*) FROM units", NULL, NULL), 1);
        CHECK_INT(q_int(s, "SELECT count(*) FROM units WHERE code = ?",
                        "902003", NULL),
                  1);
        jx_store_close(s);
    }
    CHECK_INT(d.n, 0);
    fail_diags(&d, __LINE__);
out:
    jx_diags_release(&d);
    jx_arena_free(a);
}

ENGINE_CASES(rollback)

/* Child process body: open the store and insert n units code
 * PREFIX-i, each in its own transaction; exit status 0 when all went. */
static void writer(struct eng *e, const char *prefix, int n)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_store_opts o = {.busy_ms = 30000};
    struct jx_store *s = jx_store_open(e->url, &o, &d);
    int bad = s ? 0 : 1;
    for (int i = 0; s && i < n; i++) {
        char code[32];
        snprintf(code, sizeof code, "%s-%03d", prefix, i);
        if (jx_store_begin(s) < 0 || add_unit(s, code, "并发") < 0 ||
            jx_store_commit(s) < 0) {
            bad++;
            jx_store_rollback(s);
        }
    }
    for (size_t i = 0; i < d.n; i++) {
        fprintf(stderr, "  writer %s: [%s] %s\n", prefix, d.a[i].code,
                d.a[i].msg);
    }
    jx_store_close(s);
    _exit(bad ? 1 : 0);
}

/* Two processes inserting at once both succeed, every row there. */
static void concurrent(struct eng *e)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_store *s = open_e(e, &d, true);
    if (!s) {
        goto out;
    }
    jx_store_close(s);
    fflush(NULL);
    pid_t p1 = fork();
    if (p1 == 0) {
        writer(e, "A", 40);
    }
    pid_t p2 = fork();
    if (p2 == 0) {
        writer(e, "B", 40);
    }
    int st1 = -1, st2 = -1;
    waitpid(p1, &st1, 0);
    waitpid(p2, &st2, 0);
    CHECK(WIFEXITED(st1) && WEXITSTATUS(st1) == 0);
    CHECK(WIFEXITED(st2) && WEXITSTATUS(st2) == 0);
    s = open_e(e, &d, false);
    if (s) {
        CHECK_INT(q_int(s, "SELECT count(*) FROM units", NULL, NULL), 80);
        CHECK_INT(q_int(s, "SELECT count(*) FROM units WHERE code LIKE ?",
                        "A-%", NULL),
                  40);
        jx_store_close(s);
    }
out:
    jx_diags_release(&d);
    jx_arena_free(a);
}

ENGINE_CASES(concurrent)

/* A writer killed with SIGKILL inside a transaction: its committed rows
 * stay, its open transaction is gone, the store takes new writes. */
static void killed(struct eng *e)
{
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    struct jx_store *s = open_e(e, &d, true);
    if (!s) {
        goto out;
    }
    jx_store_close(s);
    int fds[2];
    CHECK_INT(pipe(fds), 0);
    fflush(NULL);
    pid_t p = fork();
    if (p == 0) {
        close(fds[0]);
        struct jx_diags cd;
        jx_diags_init(&cd, a);
        struct jx_store *c = jx_store_open(e->url, NULL, &cd);
        if (!c || add_unit(c, "903000", "已提交") < 0 ||
            jx_store_begin(c) < 0 || add_unit(c, "903001", "未提交") < 0 ||
            add_unit(c, "903002", "未提交") < 0) {
            _exit(1);
        }
        if (write(fds[1], "k", 1) != 1) {
            _exit(1);
        }
        for (;;) {
            pause();
        }
    }
    close(fds[1]);
    char c = 0;
    CHECK_INT(read(fds[0], &c, 1), 1);
    close(fds[0]);
    kill(p, SIGKILL);
    int st = 0;
    waitpid(p, &st, 0);
    CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
    s = open_e(e, &d, true);
    if (s) {
        CHECK_INT(q_int(s, "SELECT count(*) FROM units", NULL, NULL), 1);
        CHECK_INT(q_int(s, "SELECT count(*) FROM units WHERE code = ?",
                        "903000", NULL),
                  1);
        if (strcmp(e->name, "sqlite") == 0) {
            struct jx_stmt *q = jx_stmt_prepare(s, "PRAGMA integrity_check");
            if (q) {
                CHECK_INT(jx_stmt_step(q), JX_STEP_ROW);
                CHECK_STR(jx_stmt_text(q, 0), "ok");
                jx_stmt_finalize(q);
            }
        }
        /* no lock left behind: a new transaction goes through */
        CHECK_INT(jx_store_begin(s), 0);
        CHECK_INT(add_unit(s, "903001", "再次"), 0);
        CHECK_INT(jx_store_commit(s), 0);
        CHECK_INT(q_int(s, "SELECT count(*) FROM units", NULL, NULL), 2);
        jx_store_close(s);
    }
    CHECK_INT(d.n, 0);
    fail_diags(&d, __LINE__);
out:
    jx_diags_release(&d);
    jx_arena_free(a);
}

ENGINE_CASES(killed)

/* Opening what is not there fails with D001 naming it; init makes a
 * workspace once and refuses a second time. */
static void test_workspace(void)
{
    struct eng e;
    if (!scratch(&e)) {
        return;
    }
    struct jx_arena *a = jx_arena_new();
    struct jx_diags d;
    jx_diags_init(&d, a);
    char ws[400];
    snprintf(ws, sizeof ws, "%s/ws", e.dir);
    CHECK(jx_store_open(ws, NULL, &d) == NULL);
    CHECK(d.n == 1 && strcmp(d.a[0].code, "D001") == 0 &&
          strstr(d.a[0].msg, ws) != NULL);
    char url[420];
    snprintf(url, sizeof url, "sqlite:%s/none.db", e.dir);
    CHECK(jx_store_open(url, NULL, &d) == NULL);
    CHECK(d.n == 2 && strcmp(d.a[1].code, "D001") == 0 &&
          strstr(d.a[1].msg, url) != NULL);
    CHECK(jx_store_open(
              "postgresql://someone:hunter2@/nodb?host=/nonexistent/socket",
              NULL, &d) == NULL);
    CHECK(d.n == 3 && strcmp(d.a[2].code, "D001") == 0 &&
          strstr(d.a[2].msg, "hunter2") == NULL &&
          strstr(d.a[2].msg, "postgresql://someone:***@/nodb") != NULL);
    /* a directory that is not a workspace */
    CHECK(jx_store_open(e.dir, NULL, &d) == NULL);
    CHECK(d.n == 4 && strcmp(d.a[3].code, "D001") == 0 &&
          strstr(d.a[3].msg, "不是工作区") != NULL);
    d.n = 0;
    CHECK_INT(jx_workspace_init(ws, NULL, &d), 0);
    fail_diags(&d, __LINE__);
    struct jx_store *s = jx_store_open(ws, NULL, &d);
    CHECK(s != NULL);
    if (s) {
        CHECK_INT(jx_store_schema_version(s), JX_STORE_SCHEMA_VERSION);
        char want[420];
        snprintf(want, sizeof want, "%s/files", ws);
        CHECK_STR(jx_store_files_dir(s), want);
        CHECK_INT(q_int(s, "PRAGMA foreign_keys", NULL, NULL), 1);
        struct jx_stmt *q = jx_stmt_prepare(s, "PRAGMA journal_mode");
        if (q) {
            CHECK_INT(jx_stmt_step(q), JX_STEP_ROW);
            CHECK_STR(jx_stmt_text(q, 0), "wal");
            jx_stmt_finalize(q);
        }
        jx_store_close(s);
    }
    CHECK_INT(jx_workspace_init(ws, NULL, &d), -1);
    CHECK(d.n == 1 && strcmp(d.a[0].code, "D008") == 0);
    char utc[21];
    jx_store_utc_now(utc);
    CHECK_INT(strlen(utc), 20);
    CHECK(utc[4] == '-' && utc[10] == 'T' && utc[19] == 'Z');
    jx_diags_release(&d);
    jx_arena_free(a);
    rmtree(e.dir);
}

const struct jx_test t_store[] = {
    {"store.sql_params", test_sql_params},
    {"store.sha256", test_sha256},
    {"store.files", test_files},
    {"store.workspace", test_workspace},
    {"store.sqlite.open_migrate", test_sqlite_open_migrate},
    {"store.sqlite.newer_refused", test_sqlite_newer_refused},
    {"store.sqlite.crud", test_sqlite_crud},
    {"store.sqlite.rollback", test_sqlite_rollback},
    {"store.sqlite.concurrent", test_sqlite_concurrent},
    {"store.sqlite.killed", test_sqlite_killed},
    {"store.pg.open_migrate", test_pg_open_migrate},
    {"store.pg.newer_refused", test_pg_newer_refused},
    {"store.pg.crud", test_pg_crud},
    {"store.pg.rollback", test_pg_rollback},
    {"store.pg.concurrent", test_pg_concurrent},
    {"store.pg.killed", test_pg_killed},
    {NULL, NULL},
};
