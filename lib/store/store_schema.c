/*
 * store_schema.c - the numbered migrations compiled into the binary.
 * Each runs in one transaction with the new schema_version.  Never edit
 * a migration that has shipped: add the next one.
 *
 * DDL tokens (jx_store_ddl): @ID@ an integer key the store assigns
 * (read it back with RETURNING id), @INT@ a 64-bit integer, @STRICT@
 * after a table's closing parenthesis (SQLite STRICT tables).  Times
 * are UTC text "YYYY-MM-DDTHH:MM:SSZ", dates "YYYY-MM-DD".
 *
 * Content tables (bureau, years, units, users, versions, files,
 * version_files, states, audit, samples, rechecks, drafts, draft_files,
 * judgements, draft_log) hold what happened and migrate with
 * care; derived tables (scores, rankings) can be dropped and recomputed
 * from the content.
 */
#include "store/store_impl.h"

/* Migration 1: the workspace of issue 13. */
static const char m1_sql[] =
    /* the bureau (one row) and its region */
    "CREATE TABLE bureau ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " name TEXT NOT NULL,"
    " region TEXT NOT NULL)@STRICT@;"
    /* per year: the framework, the deadlines, which timestamp counts */
    "CREATE TABLE years ("
    " year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2999),"
    " framework TEXT NOT NULL,"
    " submit_by TEXT,"
    " publish_by TEXT,"
    " timeliness TEXT NOT NULL DEFAULT 'first_submit' CHECK (timeliness IN"
    " ('first_submit', 'last_submit_after_return', 'accepted')))@STRICT@;"
    "CREATE TABLE units ("
    " code TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " supervisor TEXT,"
    " region TEXT)@STRICT@;"
    /* unit users (filler, leader) belong to one unit, bureau users to none */
    "CREATE TABLE users ("
    " id @ID@,"
    " name TEXT NOT NULL UNIQUE,"
    " role TEXT NOT NULL CHECK (role IN"
    " ('filler', 'leader', 'reviewer', 'admin')),"
    " unit TEXT REFERENCES units (code),"
    " CHECK ((role IN ('filler', 'leader')) = (unit IS NOT NULL)))@STRICT@;"
    /* every 送审 freezes one version: the package and its evaluation */
    "CREATE TABLE versions ("
    " id @ID@,"
    " unit TEXT NOT NULL REFERENCES units (code),"
    " year INTEGER NOT NULL REFERENCES years (year),"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " number INTEGER NOT NULL CHECK (number >= 1),"
    " sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
    " created_at TEXT NOT NULL,"
    " package TEXT NOT NULL,"
    " evaluation TEXT,"
    " UNIQUE (unit, year, object, number))@STRICT@;"
    /* the original files, content-addressed in the file store */
    "CREATE TABLE files ("
    " sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),"
    " name TEXT NOT NULL,"
    " size @INT@ NOT NULL CHECK (size >= 0))@STRICT@;"
    "CREATE TABLE version_files ("
    " version @INT@ NOT NULL REFERENCES versions (id),"
    " seq INTEGER NOT NULL CHECK (seq >= 1),"
    " sha256 TEXT NOT NULL REFERENCES files (sha256),"
    " name TEXT NOT NULL,"
    " PRIMARY KEY (version, seq))@STRICT@;"
    /* the workflow's state per unit, year and object */
    "CREATE TABLE states ("
    " unit TEXT NOT NULL REFERENCES units (code),"
    " year INTEGER NOT NULL REFERENCES years (year),"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " state TEXT NOT NULL CHECK (state IN ('filling', 'unit_review',"
    " 'submitted', 'reviewing', 'returned', 'accepted', 'published')),"
    " version @INT@ REFERENCES versions (id),"
    " PRIMARY KEY (unit, year, object))@STRICT@;"
    /* append-only: every transition (triggers refuse UPDATE, DELETE) */
    "CREATE TABLE audit ("
    " id @ID@,"
    " unit TEXT NOT NULL REFERENCES units (code),"
    " year INTEGER NOT NULL,"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " version @INT@ REFERENCES versions (id),"
    " from_state TEXT,"
    " to_state TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " actor_id @INT@ REFERENCES users (id),"
    " actor_role TEXT,"
    " actor_unit TEXT,"
    " at TEXT NOT NULL,"
    " client TEXT,"
    " comment TEXT,"
    " backdated INTEGER NOT NULL DEFAULT 0 CHECK (backdated IN (0, 1)))"
    "@STRICT@;"
    "CREATE INDEX audit_by_unit ON audit (unit, year, object, id);"
    /* derived: recomputed from versions and years */
    "CREATE TABLE scores ("
    " version @INT@ NOT NULL REFERENCES versions (id),"
    " kind TEXT NOT NULL CHECK (kind IN ('self', 'review', 'assessment')),"
    " total TEXT,"
    " grade TEXT,"
    " detail TEXT,"
    " PRIMARY KEY (version, kind))@STRICT@;"
    "CREATE TABLE rankings ("
    " year INTEGER NOT NULL,"
    " unit TEXT NOT NULL,"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " place INTEGER NOT NULL,"
    " score TEXT,"
    " PRIMARY KEY (year, unit, object))@STRICT@;";

/* SQLite: the audit table refuses updates and deletes. */
static const char m1_sqlite[] =
    "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
    " BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;"
    "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
    " BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;";

/* PostgreSQL: the same, as a trigger function. */
static const char m1_pg[] =
    "CREATE FUNCTION jx_audit_append_only() RETURNS trigger"
    " LANGUAGE plpgsql AS $f$ BEGIN"
    " RAISE EXCEPTION 'audit is append-only'; END $f$;"
    "CREATE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit"
    " FOR EACH ROW EXECUTE FUNCTION jx_audit_append_only();";

/* Migration 2: the year's 单位负责人 step (jx_wf_year.leader_step) and
 * the time an audit row was recorded, beside the time of the act
 * (they differ when an administrator backdates it with --at). */
static const char m2_sql[] =
    "ALTER TABLE years ADD COLUMN leader_step INTEGER NOT NULL DEFAULT 0"
    " CHECK (leader_step IN (0, 1));"
    "ALTER TABLE audit ADD COLUMN recorded TEXT;";

/* Migration 3: 抽查 and 复核 (jx_ws_sample, jx_ws_recheck).  One row per
 * sample drawn: the seed (the uint64 as decimal text, so that both
 * engines keep all 64 bits), the rule as given ("count=2", "share=10%"),
 * how many units it was drawn from and how many were drawn; the drawn
 * units are the 抽查 audit rows of the same act.  One 复核 per unit, year
 * and object, never overwritten: the score and the framework's full
 * score as exact decimal text. */
static const char m3_sql[] =
    "CREATE TABLE samples ("
    " id @ID@,"
    " year INTEGER NOT NULL REFERENCES years (year),"
    " seed TEXT NOT NULL,"
    " rule TEXT NOT NULL,"
    " n INTEGER NOT NULL CHECK (n >= 0),"
    " k INTEGER NOT NULL CHECK (k >= 0 AND k <= n),"
    " actor_id @INT@ REFERENCES users (id),"
    " at TEXT NOT NULL)@STRICT@;"
    "CREATE TABLE rechecks ("
    " unit TEXT NOT NULL REFERENCES units (code),"
    " year INTEGER NOT NULL REFERENCES years (year),"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " version @INT@ REFERENCES versions (id),"
    " score TEXT NOT NULL,"
    " full_score TEXT NOT NULL,"
    " note TEXT,"
    " actor_id @INT@ REFERENCES users (id),"
    " at TEXT NOT NULL,"
    " PRIMARY KEY (unit, year, object))@STRICT@;";

/* Migration 4 (the portal, issue 14): sign-in and sessions.
 * users.password is a libsodium crypto_pwhash_str string (Argon2id) or
 * NULL (no sign-in);
 * a session row keeps only the BLAKE2b-256 of its 256-bit token, its
 * CSRF token, and times as UTC seconds; every sign-in attempt is kept
 * for throttling (signin_attempts, by the name typed). */
static const char m4_sql[] =
    "ALTER TABLE users ADD COLUMN password TEXT;"
    "CREATE TABLE sessions ("
    " id @ID@,"
    " token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),"
    " user_id @INT@ NOT NULL REFERENCES users (id),"
    " created @INT@ NOT NULL,"
    " last_seen @INT@ NOT NULL,"
    " csrf TEXT NOT NULL,"
    " client TEXT,"
    " ended @INT@)@STRICT@;"
    "CREATE TABLE signin_attempts ("
    " id @ID@,"
    " name TEXT NOT NULL,"
    " at @INT@ NOT NULL,"
    " ok INTEGER NOT NULL CHECK (ok IN (0, 1)),"
    " client TEXT)@STRICT@;"
    "CREATE INDEX signin_attempts_by_name ON signin_attempts (name, at);";

/* Migration 5 (the portal's second round, issue 14): a unit's draft,
 * what its filler uploaded and the pipeline read, not yet submitted.
 * One per unit, year and object, replaced by the next upload and
 * removed when it is submitted; its originals are rows of files (the
 * content-addressed store, so the sweep keeps them) listed in
 * draft_files. */
static const char m5_sql[] =
    "CREATE TABLE drafts ("
    " unit TEXT NOT NULL REFERENCES units (code),"
    " year INTEGER NOT NULL REFERENCES years (year),"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " package TEXT NOT NULL,"
    " evaluation TEXT NOT NULL,"
    " updated_at TEXT NOT NULL,"
    " actor_id @INT@ REFERENCES users (id),"
    " PRIMARY KEY (unit, year, object))@STRICT@;"
    "CREATE TABLE draft_files ("
    " unit TEXT NOT NULL,"
    " year INTEGER NOT NULL,"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " seq INTEGER NOT NULL CHECK (seq >= 1),"
    " sha256 TEXT NOT NULL REFERENCES files (sha256),"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " PRIMARY KEY (unit, year, object, seq),"
    " FOREIGN KEY (unit, year, object)"
    " REFERENCES drafts (unit, year, object))@STRICT@;";

/* Migration 6: the reviewer's judgements of the 考核评分表's items that
 * await one (jx_ws_judge).  Append-only history: one row per judgement
 * (the item's id in the year's framework, the score as exact decimal
 * text, who, when, why); the latest row (highest id) per unit, year,
 * object and item stands and enters the 考核 as an override.  Not audit
 * rows: the audit table stays about state transitions. */
static const char m6_sql[] =
    "CREATE TABLE judgements ("
    " id @ID@,"
    " unit TEXT NOT NULL REFERENCES units (code),"
    " year INTEGER NOT NULL REFERENCES years (year),"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " item TEXT NOT NULL,"
    " value TEXT NOT NULL,"
    " actor_id @INT@ REFERENCES users (id),"
    " at TEXT NOT NULL,"
    " recorded TEXT NOT NULL,"
    " backdated INTEGER NOT NULL DEFAULT 0 CHECK (backdated IN (0, 1)),"
    " comment TEXT)@STRICT@;"
    "CREATE INDEX judgements_by_unit ON judgements (year, object, unit, item,"
    " id);";

/* SQLite: the judgements refuse updates and deletes. */
static const char m6_sqlite[] =
    "CREATE TRIGGER judgements_no_update BEFORE UPDATE ON judgements"
    " BEGIN SELECT RAISE(ABORT, 'judgements are append-only'); END;"
    "CREATE TRIGGER judgements_no_delete BEFORE DELETE ON judgements"
    " BEGIN SELECT RAISE(ABORT, 'judgements are append-only'); END;";

/* PostgreSQL: the same, with migration 1's trigger function. */
static const char m6_pg[] =
    "CREATE TRIGGER judgements_no_change BEFORE UPDATE OR DELETE ON judgements"
    " FOR EACH ROW EXECUTE FUNCTION jx_audit_append_only();";

/* Migration 7 (the portal under load, issue 14): the store's
 * generation, one number that every write to a table the bureau's year
 * overview reads (years, units, versions, states, audit, scores,
 * rechecks, samples, judgements) raises, by triggers, in the writer's own
 * transaction.  The portal keeps each year's computed status while the
 * generation stays the same (lib/web/web_cache.c, docs/portal.md).
 * Derived: it can be dropped and recreated while no portal runs. */
static const char m7_sql[] =
    "CREATE TABLE generation ("
    " id INTEGER PRIMARY KEY CHECK (id = 1),"
    " n @INT@ NOT NULL)@STRICT@;"
    "INSERT INTO generation (id, n) VALUES (1, 0);";

/* SQLite: a trigger per table and change (SQLite has only row
 * triggers). */
static const char m7_sqlite[] =
    "CREATE TRIGGER gen_years_i AFTER INSERT ON years"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_years_u AFTER UPDATE ON years"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_years_d AFTER DELETE ON years"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_units_i AFTER INSERT ON units"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_units_u AFTER UPDATE ON units"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_units_d AFTER DELETE ON units"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_versions_i AFTER INSERT ON versions"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_versions_u AFTER UPDATE ON versions"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_versions_d AFTER DELETE ON versions"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_states_i AFTER INSERT ON states"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_states_u AFTER UPDATE ON states"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_states_d AFTER DELETE ON states"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_audit_i AFTER INSERT ON audit"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_audit_u AFTER UPDATE ON audit"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_audit_d AFTER DELETE ON audit"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_scores_i AFTER INSERT ON scores"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_scores_u AFTER UPDATE ON scores"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_scores_d AFTER DELETE ON scores"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_rechecks_i AFTER INSERT ON rechecks"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_rechecks_u AFTER UPDATE ON rechecks"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_rechecks_d AFTER DELETE ON rechecks"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_samples_i AFTER INSERT ON samples"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_samples_u AFTER UPDATE ON samples"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_samples_d AFTER DELETE ON samples"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_judgements_i AFTER INSERT ON judgements"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_judgements_u AFTER UPDATE ON judgements"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;"
    "CREATE TRIGGER gen_judgements_d AFTER DELETE ON judgements"
    " BEGIN UPDATE generation SET n = n + 1 WHERE id = 1; END;";

/* PostgreSQL: deferred (constraint) triggers, run at commit, so that a
 * transaction locks the generation's row last, when it waits for no
 * other lock (no deadlock through it; writers queue on it only while
 * they commit). */
static const char m7_pg[] =
    "CREATE FUNCTION jx_generation_bump() RETURNS trigger"
    " LANGUAGE plpgsql AS $$ BEGIN"
    " UPDATE generation SET n = n + 1 WHERE id = 1; RETURN NULL; END $$;"
    "CREATE CONSTRAINT TRIGGER gen_years AFTER INSERT OR UPDATE OR DELETE"
    " ON years DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();"
    "CREATE CONSTRAINT TRIGGER gen_units AFTER INSERT OR UPDATE OR DELETE"
    " ON units DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();"
    "CREATE CONSTRAINT TRIGGER gen_versions AFTER INSERT OR UPDATE OR DELETE"
    " ON versions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();"
    "CREATE CONSTRAINT TRIGGER gen_states AFTER INSERT OR UPDATE OR DELETE"
    " ON states DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();"
    "CREATE CONSTRAINT TRIGGER gen_audit AFTER INSERT OR UPDATE OR DELETE"
    " ON audit DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();"
    "CREATE CONSTRAINT TRIGGER gen_scores AFTER INSERT OR UPDATE OR DELETE"
    " ON scores DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();"
    "CREATE CONSTRAINT TRIGGER gen_rechecks AFTER INSERT OR UPDATE OR DELETE"
    " ON rechecks DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();"
    "CREATE CONSTRAINT TRIGGER gen_samples AFTER INSERT OR UPDATE OR DELETE"
    " ON samples DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();"
    "CREATE CONSTRAINT TRIGGER gen_judgements AFTER INSERT OR UPDATE OR DELETE"
    " ON judgements DEFERRABLE INITIALLY DEFERRED FOR EACH ROW"
    " EXECUTE FUNCTION jx_generation_bump();";

/* Migration 8: the draft's own trail (issue 14, deliver 5: every change
 * in the audit trail).  One row per upload, correction in the page and
 * redraft from a version, written in the transaction of the change
 * (lib/workspace/ws_draft.c): who (actor_id), when (at), from where
 * (client), what kind, and detail: JSON text -- {"files": [{"name",
 * "size"}]} for an upload, {"version": N, "files": [...]} for a
 * redraft, {"changes": [{"pointer", "old", "new"}], "omitted": N} for a
 * correction.  Append-only like the audit table. */
static const char m8_sql[] =
    "CREATE TABLE draft_log ("
    " id @ID@,"
    " unit TEXT NOT NULL REFERENCES units (code),"
    " year INTEGER NOT NULL REFERENCES years (year),"
    " object TEXT NOT NULL DEFAULT 'whole',"
    " at TEXT NOT NULL,"
    " actor_id @INT@ REFERENCES users (id),"
    " client TEXT,"
    " kind TEXT NOT NULL CHECK (kind IN ('upload', 'correct', 'redraft')),"
    " detail TEXT NOT NULL)@STRICT@;"
    "CREATE INDEX draft_log_by_unit ON draft_log (unit, year, object, id);";

/* SQLite: the draft log refuses updates and deletes. */
static const char m8_sqlite[] =
    "CREATE TRIGGER draft_log_no_update BEFORE UPDATE ON draft_log"
    " BEGIN SELECT RAISE(ABORT, 'draft_log is append-only'); END;"
    "CREATE TRIGGER draft_log_no_delete BEFORE DELETE ON draft_log"
    " BEGIN SELECT RAISE(ABORT, 'draft_log is append-only'); END;";

/* PostgreSQL: the same, with migration 1's trigger function. */
static const char m8_pg[] =
    "CREATE TRIGGER draft_log_no_change BEFORE UPDATE OR DELETE ON draft_log"
    " FOR EACH ROW EXECUTE FUNCTION jx_audit_append_only();";

const struct jx_migration jx_migrations[] = {
    {1, m1_sql, m1_sqlite, m1_pg},
    {2, m2_sql, NULL, NULL},
    {3, m3_sql, NULL, NULL},
    {4, m4_sql, NULL, NULL},
    {5, m5_sql, NULL, NULL},
    {6, m6_sql, m6_sqlite, m6_pg},
    {7, m7_sql, m7_sqlite, m7_pg},
    {8, m8_sql, m8_sqlite, m8_pg},
};
const size_t jx_nmigrations = sizeof jx_migrations / sizeof jx_migrations[0];
