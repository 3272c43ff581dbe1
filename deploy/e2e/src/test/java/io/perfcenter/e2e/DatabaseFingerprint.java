package io.perfcenter.e2e;

import io.perfcenter.support.PostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every service schema holds, table by table (row count and a digest of the rows), read through the admin
 * connection of the running suite: two equal fingerprints mean a request changed nothing anywhere. A partitioned
 * table counts as one table (its partitions' rows), whatever partitions it has.
 */
final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /**
     * Tables written after the request that caused them, by the services' own jobs (README, Events): the outbox
     * relays stamp {@code relayed_at}, metrics' event log, webhook deliveries and notifications fill from events of
     * changes committed before, seconds later. What a request writes itself is read from them: the outbox rows of
     * its transaction (all but the relay's stamp) and notifications marked read; the rest is left out.
     */
    static final Map<String, String> WRITTEN_LATER = Map.of(
            "scoring.outbox_event", "select seq, event_id, type, subject, data from scoring.outbox_event",
            "incentive.outbox_event", "select seq, event_id, type, subject, data from incentive.outbox_event",
            "metrics.notification", "select id, read_at from metrics.notification where read_at is not null",
            "metrics.event_log", "",
            "metrics.webhook_delivery", "",
            "metrics.webhook_attempt", "");

    /** Table → "rows:digest" for every table of the services' schemas but Flyway's history. */
    static Map<String, String> of(RunningSuite running) {
        try (Connection connection = DriverManager.getConnection(running.db.jdbcUrl(running.database),
                running.db.user(), running.db.password()); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select table_schema || '.' || table_name from "
                    + "information_schema.tables where table_type = 'BASE TABLE' and table_schema in ("
                    + String.join(",", PostgresServer.SERVICE_SCHEMAS.stream().map(s -> "'" + s + "'").toList())
                    + ") and table_name <> 'flyway_schema_history' "
                    // a partition's rows are its parent's (metrics' raw records by month): the parent is read, and a
                    // partition made empty by a request that stored nothing (a dry run, a refused upload) is no change
                    + "and not exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = table_schema and c.relname = table_name and c.relispartition) "
                    + "order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            Map<String, String> fingerprint = new TreeMap<>();
            for (String table : tables) {
                String rows = WRITTEN_LATER.getOrDefault(table, "select * from " + table);
                if (rows.isEmpty()) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg("
                        + "md5(t::text), '' order by md5(t::text))), '') from (" + rows + ") t")) {
                    rs.next();
                    fingerprint.put(table, rs.getString(1));
                }
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the suite's database", e);
        }
    }

    /** Row counts only, table → rows. */
    static Map<String, Long> rowCounts(RunningSuite running) {
        Map<String, Long> counts = new TreeMap<>();
        of(running).forEach((table, print) -> counts.put(table, Long.parseLong(print.substring(0, print.indexOf(':')))));
        return counts;
    }
}
