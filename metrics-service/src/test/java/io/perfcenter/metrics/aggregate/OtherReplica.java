package io.perfcenter.metrics.aggregate;

import org.eclipse.microprofile.config.ConfigProvider;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Another replica of the service, as far as the database sees it: a session of its own (a plain JDBC connection
 * to the service's database, not one of the service's pool) that takes and looks at the advisory locks the replicas
 * share.
 */
final class OtherReplica implements AutoCloseable {

    private final Connection c;

    OtherReplica() throws SQLException {
        var config = ConfigProvider.getConfig();
        c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(null));
        c.setAutoCommit(true);
    }

    /** Tries the scan lock, as another replica's job does; true when it is this session's now. */
    boolean tryScanLock() throws SQLException {
        return bool("SELECT pg_try_advisory_lock(" + AnomalyFlags.SCAN_LOCK.key() + ")");
    }

    void releaseScanLock() throws SQLException {
        bool("SELECT pg_advisory_unlock(" + AnomalyFlags.SCAN_LOCK.key() + ")");
    }

    /** Foreground work of this replica begins: it holds the foreground lock shared (at session level). */
    void beginForeground() throws SQLException {
        execute("SELECT pg_advisory_lock_shared(" + AggregateLoad.FOREGROUND_KEY + ")");
    }

    void endForeground() throws SQLException {
        bool("SELECT pg_advisory_unlock_shared(" + AggregateLoad.FOREGROUND_KEY + ")");
    }

    /**
     * Whether no session holds the foreground lock: tried exclusively in a transaction of its own (autocommit), so
     * released at once.
     */
    boolean foregroundFree() throws SQLException {
        return bool("SELECT pg_try_advisory_xact_lock(" + AggregateLoad.FOREGROUND_KEY + ")");
    }

    /** Sessions other than this one that hold the foreground lock shared now (pg_locks). */
    int foregroundHolders() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND objsubid = 1 AND mode = 'ShareLock' AND granted AND pid <> pg_backend_pid()
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND ((classid::bigint << 32) | objid::bigint) = """ + AggregateLoad.FOREGROUND_KEY + "::bigint")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** A statement of this session, autocommit. */
    void execute(String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    Connection connection() {
        return c;
    }

    private boolean bool(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
