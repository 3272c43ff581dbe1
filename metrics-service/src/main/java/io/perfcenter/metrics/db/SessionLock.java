package io.perfcenter.metrics.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session-level advisory lock by which one replica at a time does a job (the raw records' retention, the anomaly
 * scan job): tried without waiting on a connection the job keeps for its whole run and unlocked on it afterwards (a
 * connection lost meanwhile releases it with its session). {@code name} is a constant of the code, the same in every
 * replica.
 */
public record SessionLock(String name) {

    /** The lock's key as SQL ({@code hashtext} of the name), for statements that name it themselves (tests). */
    public String key() {
        return "hashtext('" + name + "')";
    }

    /** Takes the lock if no other session holds it; false at once otherwise. */
    public boolean tryLock(Connection c) throws SQLException {
        return call(c, "pg_try_advisory_lock");
    }

    public void unlock(Connection c) throws SQLException {
        call(c, "pg_advisory_unlock");
    }

    private boolean call(Connection c, String function) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + function + "(" + key() + ")");
             ResultSet rs = st.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
