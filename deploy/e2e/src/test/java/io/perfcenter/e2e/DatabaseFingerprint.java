package io.perfcenter.e2e;

import io.perfcenter.support.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every service schema holds, table by table, read through the admin connection of the running suite: two
 * equal fingerprints mean a request changed nothing anywhere. A partitioned table counts as one table (its
 * partitions' rows), whatever partitions it has.
 *
 * <p>How a table is fingerprinted, and why that is enough. A table's print is its row count and the id of the
 * newest transaction that wrote one of its live rows (its newest row version's {@code xmin}). PostgreSQL never
 * changes a row in place: an insert writes a row version stamped with the writing transaction's id ({@code xmin}),
 * an update writes a new version stamped the same way, a delete removes one. Transaction ids are handed out in
 * increasing order when a transaction first writes, so a request sent after a fingerprint was taken writes with an
 * id newer than every row version that fingerprint saw. Hence, between two fingerprints: a committed insert or
 * update in a table makes its newest {@code xmin} newer; a committed delete lowers its count; a delete together with
 * an insert (count unchanged) again brings a newer {@code xmin}. What a request wrote and rolled back is invisible,
 * as it should be. This is stricter than comparing the rows' contents: an update that writes the values a row
 * already had counts as a change too (a refused request should write nothing at all). Locking a row ({@code select
 * ... for update}) stamps {@code xmax}, not {@code xmin}, and vacuum's freezing keeps the raw {@code xmin}
 * (PostgreSQL 9.4 and later), so neither is a change.
 *
 * <p>Cost: one sequential scan per table reading tuple headers only, all tables in one statement on a connection
 * kept from call to call, the tables listed from the catalog. The previous print, an md5 of every row's text sorted
 * and concatenated, serialised and sorted every row of every table, table by table on a new connection, twice per
 * denied cell of {@code WriteAuthorizationMatrixIT} (1,522 of them); over the database of a full run (tens of
 * thousands of scorecards, events and notifications) that made the matrix alone take 14 minutes. The newest
 * {@code xmin} is read as {@code min(age(xmin))} turned back into an id against the same reference
 * ({@link #NEWEST_XID}): {@code age} is plain arithmetic, where {@code max(xmin::text::bigint)} prints and parses
 * every id and costs about ten times as much; the modular arithmetic also stays right across the 32-bit id's
 * wraparound. The one assumption is that live row versions are less than 2<sup>31</sup> transactions old (true of
 * the fresh test database). {@code DatabaseFingerprintTest} shows each kind of change seen, and times both prints
 * on ~30,000 rows (here 8–80 ms against 0.8–1.1 s for the row digests, on a machine at load 40–60).
 *
 * <p>The tables in {@link #WRITTEN_LATER} are written by the services' own jobs seconds after the request that
 * caused the write, so their newest {@code xmin} moves on its own; they keep a content digest of what only a request
 * writes (a sum of per-row hashes: order-free, no sort, no concatenation).
 */
final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /**
     * The raw 32-bit id of the newest transaction that wrote a live row of the scanned table, as text (or {@code -}
     * for no rows). {@code age(x)} is the 32-bit distance from a reference fixed for the transaction to {@code x};
     * the reference minus the youngest age, computed modulo 2<sup>32</sup> via {@code age('3')} (3 is the first
     * normal id), is the newest {@code xmin} itself, whatever the reference.
     */
    static final String NEWEST_XID = "coalesce((((age('3'::xid)::bigint + 3 - min(age(xmin))) % 4294967296 "
            + "+ 4294967296) % 4294967296)::text, '-')";

    /**
     * Tables written after the request that caused them, by the services' own jobs (README, Events): the outbox
     * relays stamp {@code relayed_at}, metrics' event log, webhook deliveries and notifications fill from events of
     * changes committed before, seconds later. What a request writes itself is read from them: the outbox rows of
     * its transaction (all but the relay's stamp, as a sum of row hashes, since the stamp renews every relayed row's
     * {@code xmin}) and notifications marked read (the jobs only insert unread ones, so count and newest {@code xmin}
     * of the read ones); the rest is left out. Each entry is a query answering one text column, "rows:print".
     */
    static final Map<String, String> WRITTEN_LATER = Map.of(
            "scoring.outbox_event", outboxDigest("scoring.outbox_event"),
            "incentive.outbox_event", outboxDigest("incentive.outbox_event"),
            "metrics.notification", "select count(*) || ':' || " + NEWEST_XID
                    + " from metrics.notification where read_at is not null",
            "metrics.event_log", "",
            "metrics.webhook_delivery", "",
            "metrics.webhook_attempt", "");

    /**
     * An outbox's rows but the relay's stamp: a 64-bit hash per row of its columns (all NOT NULL, joined by the
     * unit separator, seeded with the row's seq), summed as numeric (no overflow, order-free).
     */
    private static String outboxDigest(String table) {
        return "select count(*) || ':' || coalesce(sum(hashtextextended(concat_ws(E'\\x1f', event_id, type, subject, "
                + "data), seq))::text, '-') from " + table;
    }

    /** Table → "rows:print" for every table of the services' schemas but Flyway's history. */
    static Map<String, String> of(RunningSuite running) {
        return of(running.db, running.database);
    }

    /**
     * Table → "rows:print" for every table of the services' schemas in {@code database} on {@code db}. The
     * connection is kept for the next call (a new one per call cost more than the reading, twice per denied cell);
     * one that broke meanwhile is replaced once.
     */
    static synchronized Map<String, String> of(PostgresServer db, String database) {
        String url = db.jdbcUrl(database);
        try {
            return read(connection(db, url));
        } catch (SQLException first) {
            forget(url);
            try {
                return read(connection(db, url));
            } catch (SQLException e) {
                e.addSuppressed(first);
                throw new IllegalStateException("could not read the suite's database", e);
            }
        }
    }

    private static final Map<String, Connection> CONNECTIONS = new HashMap<>();

    private static Connection connection(PostgresServer db, String url) throws SQLException {
        Connection connection = CONNECTIONS.get(url);
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, db.user(), db.password());
            CONNECTIONS.put(url, connection);
        }
        return connection;
    }

    private static void forget(String url) {
        Connection connection = CONNECTIONS.remove(url);
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
        }
    }

    private static Map<String, String> read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            // the catalog itself (information_schema.tables checks privileges row by row: 50 times slower)
            try (ResultSet rs = statement.executeQuery("select n.nspname || '.' || c.relname from pg_class c "
                    + "join pg_namespace n on n.oid = c.relnamespace where n.nspname in ("
                    + String.join(",", PostgresServer.SERVICE_SCHEMAS.stream().map(s -> "'" + s + "'").toList())
                    + ") and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history' "
                    // a partition's rows are its parent's (metrics' raw records by month): the parent is read, and a
                    // partition made empty by a request that stored nothing (a dry run, a refused upload) is no change
                    + "and not c.relispartition order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // one statement for all tables: one round trip, and every table read in the same snapshot
            List<String> prints = new ArrayList<>();
            for (String table : tables) {
                String print = WRITTEN_LATER.getOrDefault(table,
                        "select count(*) || ':' || " + NEWEST_XID + " from " + table);
                if (!print.isEmpty()) {
                    prints.add("select '" + table + "', (" + print + ")");
                }
            }
            Map<String, String> fingerprint = new TreeMap<>();
            if (prints.isEmpty()) {
                return fingerprint;
            }
            try (ResultSet rs = statement.executeQuery(String.join(" union all ", prints))) {
                while (rs.next()) {
                    fingerprint.put(rs.getString(1), rs.getString(2));
                }
            }
            return fingerprint;
        }
    }

    /** Row counts only, table → rows. */
    static Map<String, Long> rowCounts(RunningSuite running) {
        Map<String, Long> counts = new TreeMap<>();
        of(running).forEach((table, print) -> counts.put(table, Long.parseLong(print.substring(0, print.indexOf(':')))));
        return counts;
    }
}
