package io.perfcenter.e2e;

import io.perfcenter.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DatabaseFingerprint} still sees every change a request could make: an insert, an update, a delete (alone
 * or with an insert) in a table of a service schema, what a request writes into the tables the services' jobs write
 * later, and a row of a partitioned table; and it sees nothing where nothing changed (no write, a rolled-back write,
 * a row lock, the jobs' own writes, a table outside the service schemas). No suite: scratch tables in a scratch
 * database of the test PostgreSQL (the local one, or embedded).
 */
class DatabaseFingerprintTest {

    private static PostgresServer db;
    private static String database;

    @BeforeAll
    static void scratchDatabase() {
        db = PostgresServer.forTests();
        database = "pc_fp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        db.recreateDatabase(database);
        sql("create schema metrics", "create schema scoring", "create schema incentive");
    }

    @AfterAll
    static void dropScratchDatabase() {
        db.dropDatabase(database);
        db.close();
    }

    @BeforeEach
    void freshTables() {
        sql("drop table if exists scoring.scratch, scoring.other, public.outside, scoring.outbox_event, "
                        + "metrics.notification, metrics.event_log, metrics.raw_record, scoring.scorecard cascade",
                "create table scoring.scratch (id bigint primary key, name text not null, score numeric(8,2))",
                "insert into scoring.scratch select g, 'row ' || g, g from generate_series(1, 5) g",
                "create table scoring.other (id bigint primary key)",
                "insert into scoring.other values (1)",
                "create table public.outside (id bigint primary key)");
    }

    @Test
    void anInsertAnUpdateAndADeleteEachChangeTheirTableOnly() {
        Map<String, String> start = DatabaseFingerprint.of(db, database);
        assertEquals(start, DatabaseFingerprint.of(db, database), "nothing written, nothing changed");

        sql("insert into scoring.scratch values (6, 'row 6', 6)");
        Map<String, String> inserted = assertOnlyChanged(start, "scoring.scratch", "an insert");

        sql("update scoring.scratch set score = 7 where id = 2");
        Map<String, String> updated = assertOnlyChanged(inserted, "scoring.scratch", "an update");

        sql("delete from scoring.scratch where id = 3");
        Map<String, String> deleted = assertOnlyChanged(updated, "scoring.scratch", "a delete");

        // the count stays: the new row's transaction is newer than every row seen before
        sql("delete from scoring.scratch where id = 4", "insert into scoring.scratch values (40, 'row 40', 4)");
        Map<String, String> replaced = assertOnlyChanged(deleted, "scoring.scratch", "a delete and an insert");

        // a delete of the newest row alone, and an update of an old row that writes the value it had
        sql("delete from scoring.scratch where id = 40");
        Map<String, String> newestDeleted = assertOnlyChanged(replaced, "scoring.scratch", "a delete of the newest");
        sql("update scoring.scratch set name = name where id = 1");
        assertOnlyChanged(newestDeleted, "scoring.scratch", "an update to the same value");
    }

    @Test
    void whatIsNotACommittedWriteToAServiceTableChangesNothing() {
        Map<String, String> start = DatabaseFingerprint.of(db, database);
        inTransaction(false, "insert into scoring.scratch values (9, 'row 9', 9)",
                "update scoring.scratch set score = 0", "delete from scoring.other");
        inTransaction(true, "select * from scoring.scratch for update", "select * from scoring.other for share");
        sql("insert into public.outside values (1)");
        sql("vacuum (freeze) scoring.scratch");
        assertEquals(start, DatabaseFingerprint.of(db, database),
                "a rolled-back write, row locks, a write outside the service schemas, vacuum");
    }

    @Test
    void theTablesTheJobsWriteLaterShowOnlyWhatARequestWrites() {
        sql("create table scoring.outbox_event (seq bigint primary key, event_id text not null unique, "
                        + "type text not null, subject text not null, occurred_at timestamptz not null, "
                        + "data text not null, relayed_at timestamptz)",
                "insert into scoring.outbox_event select g, 'e' || g, 't', 's', now(), '{\"n\":' || g || '}', null "
                        + "from generate_series(1, 3) g",
                "create table metrics.event_log (seq bigserial primary key, data text)",
                "create table metrics.notification (id bigserial primary key, recipient text not null, "
                        + "title text not null, read_at timestamptz)",
                "insert into metrics.notification (recipient, title) values ('XA1', 'one'), ('XA1', 'two')");
        Map<String, String> start = DatabaseFingerprint.of(db, database);
        assertFalse(start.containsKey("metrics.event_log"), "the event log is left out");

        // the jobs: the relay stamps, the event log and new (unread) notifications fill
        sql("update scoring.outbox_event set relayed_at = now() where seq <= 2",
                "insert into metrics.event_log (data) values ('relayed')",
                "insert into metrics.notification (recipient, title) values ('XA2', 'three')");
        assertEquals(start, DatabaseFingerprint.of(db, database), "the jobs' writes");

        sql("insert into scoring.outbox_event values (4, 'e4', 't', 's', now(), '{}', null)");
        Map<String, String> inserted = assertOnlyChanged(start, "scoring.outbox_event", "an event written");
        sql("update scoring.outbox_event set data = '{\"n\":0}' where seq = 1");
        Map<String, String> rewritten = assertOnlyChanged(inserted, "scoring.outbox_event", "an event rewritten");
        sql("update scoring.outbox_event set type = 's', subject = 't' where seq = 2");
        Map<String, String> swapped = assertOnlyChanged(rewritten, "scoring.outbox_event", "two fields swapped");
        sql("delete from scoring.outbox_event where seq = 3");
        Map<String, String> deleted = assertOnlyChanged(swapped, "scoring.outbox_event", "an event deleted");

        sql("update metrics.notification set read_at = now() where title = 'one'");
        Map<String, String> read = assertOnlyChanged(deleted, "metrics.notification", "a notification read");
        sql("update metrics.notification set read_at = read_at + interval '1 second' where title = 'one'");
        assertOnlyChanged(read, "metrics.notification", "a read notification changed");
    }

    @Test
    void aPartitionedTableIsOneTableWithItsPartitionsRows() {
        sql("create table metrics.raw_record (id bigint, month text not null) partition by list (month)",
                "create table metrics.raw_record_2026_09 partition of metrics.raw_record for values in ('2026-09')",
                "insert into metrics.raw_record values (1, '2026-09')");
        Map<String, String> start = DatabaseFingerprint.of(db, database);
        assertTrue(start.containsKey("metrics.raw_record"));
        assertFalse(start.containsKey("metrics.raw_record_2026_09"), "a partition is its parent's");

        sql("update metrics.raw_record_2026_09 set id = 2");
        assertOnlyChanged(start, "metrics.raw_record", "a partition's row updated");
    }

    /**
     * Time on ~30,000 rows in three tables (what the write matrix meets in a full run is of that order): the
     * fingerprint against the one it replaced (a new connection, the tables from information_schema, then per table
     * an md5 of every row's text, sorted), both printed; one row updated among them is still seen.
     */
    @Test
    void thirtyThousandRowsAreCheapToFingerprint() {
        sql("create table scoring.scorecard (id bigint primary key, employee_id text, period text, total numeric,"
                        + " items text)",
                "insert into scoring.scorecard select g, 'A' || (g % 500), '2026-08', g * 1.25, "
                        + "repeat('item ' || g || ';', 10) from generate_series(1, 12000) g",
                "create table metrics.event_log (seq bigserial primary key, data text)",
                "create table metrics.notification (id bigserial primary key, recipient text not null, "
                        + "title text not null, read_at timestamptz)",
                "insert into metrics.notification (recipient, title, read_at) select 'A' || g, 'published', "
                        + "case when g % 50 = 0 then now() end from generate_series(1, 10000) g",
                "insert into scoring.other select g from generate_series(2, 8000) g",
                "analyze");
        long fingerprint = Long.MAX_VALUE;
        long digest = Long.MAX_VALUE;
        Map<String, String> before = null;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            before = DatabaseFingerprint.of(db, database);
            long t1 = System.nanoTime();
            Map<String, String> digests = rowDigests();
            long t2 = System.nanoTime();
            assertEquals(before.keySet(), digests.keySet(), "the same tables both ways");
            fingerprint = Math.min(fingerprint, t1 - t0);
            digest = Math.min(digest, t2 - t1);
        }
        System.out.printf("DatabaseFingerprint on ~30,000 rows in %d tables: %.1f ms (the row digests it replaced: "
                + "%.1f ms), best of 5%n", before.size(), fingerprint / 1e6, digest / 1e6);
        sql("update scoring.scorecard set total = total + 1 where id = 6000");
        assertOnlyChanged(before, "scoring.scorecard", "one row updated among 30,000");
    }

    /** The fingerprint as it was before (for the time above): row digests, table by table. */
    private static Map<String, String> rowDigests() {
        Map<String, String> later = Map.of(
                "metrics.notification", "select id, read_at from metrics.notification where read_at is not null",
                "metrics.event_log", "");
        Map<String, String> digests = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password());
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select table_schema || '.' || table_name from "
                    + "information_schema.tables where table_type = 'BASE TABLE' and table_schema in ("
                    + "'metrics', 'scoring', 'incentive') and table_name <> 'flyway_schema_history' "
                    + "and not exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = table_schema and c.relname = table_name and c.relispartition) order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                String rows = later.getOrDefault(table, "select * from " + table);
                if (!rows.isEmpty()) {
                    try (ResultSet rs = st.executeQuery("select count(*) || ':' || coalesce(md5(string_agg("
                            + "md5(t::text), '' order by md5(t::text))), '') from (" + rows + ") t")) {
                        rs.next();
                        digests.put(table, rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }

    private static Map<String, String> assertOnlyChanged(Map<String, String> before, String table, String what) {
        Map<String, String> after = DatabaseFingerprint.of(db, database);
        assertEquals(before.keySet(), after.keySet(), what + ": the same tables");
        List<String> changed = new ArrayList<>();
        after.forEach((name, print) -> {
            if (!print.equals(before.get(name))) {
                changed.add(name);
            }
        });
        assertEquals(List.of(table), changed, what + " changes its table, and only it");
        return after;
    }

    private static void sql(String... statements) {
        inTransaction(true, statements);
    }

    private static void inTransaction(boolean commit, String... statements) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), db.user(), db.password());
             Statement st = c.createStatement()) {
            boolean plain = commit && statements.length == 1;
            c.setAutoCommit(plain);
            for (String statement : statements) {
                st.execute(statement);
            }
            if (!plain) {
                if (commit) {
                    c.commit();
                } else {
                    c.rollback();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(String.join("; ", statements), e);
        }
    }
}
