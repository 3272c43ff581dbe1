package io.perfcenter.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes the rows of a service's transactional outbox (scoring-service's and incentive-service's
 * {@code events/Outbox}, table {@code outbox_event} with its sequence {@code outbox_event_seq}) set-based, on the
 * connection of the caller's transaction: one {@code INSERT … SELECT FROM unnest(…)} per {@value #PAGE} events
 * instead of a statement each. Every row takes its {@code seq} from the sequence as it is inserted, in the order given,
 * so that {@code seq} keeps the order in which the service wrote its events; each gets a new random
 * {@code event_id}. Used at run time by the services (only this class and the JDBC driver: nothing else of this
 * module, which they take without the embedded PostgreSQL).
 */
public final class OutboxRows {

    /** Events a statement at most: 1,000 rows of about 1 KB, bound as four text arrays. */
    public static final int PAGE = 1000;

    private static final String INSERT = "INSERT INTO outbox_event (seq, event_id, type, subject, occurred_at, data) "
            + "SELECT nextval('outbox_event_seq'), e.event_id, e.type, e.subject, ?, e.data "
            + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS e(event_id, type, subject, "
            + "data, ord) ORDER BY e.ord";

    private OutboxRows() {
    }

    /**
     * Inserts one row per event, the i-th of each array together, in this order, all with {@code occurredAt}: full
     * CloudEvents {@code types}, {@code subjects}, {@code data} as JSON text. Nothing is committed here (the
     * caller's transaction owns the connection); no statement for no event.
     *
     * @return the events' new ids, in the same order
     */
    public static String[] insert(Connection connection, OffsetDateTime occurredAt, String[] types, String[] subjects,
                                  String[] data) throws SQLException {
        int n = types.length;
        if (subjects.length != n || data.length != n) {
            throw new IllegalArgumentException("one type, subject and data an event: " + n + ", " + subjects.length
                    + ", " + data.length);
        }
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = UUID.randomUUID().toString();
        }
        if (n == 0) {
            return ids;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int from = 0; from < n; from += PAGE) {
                int to = Math.min(n, from + PAGE);
                insert.setObject(1, occurredAt);
                insert.setArray(2, texts(connection, ids, from, to));
                insert.setArray(3, texts(connection, types, from, to));
                insert.setArray(4, texts(connection, subjects, from, to));
                insert.setArray(5, texts(connection, data, from, to));
                insert.executeUpdate();
            }
        }
        return ids;
    }

    private static Array texts(Connection connection, String[] values, int from, int to) throws SQLException {
        return connection.createArrayOf("text", Arrays.copyOfRange(values, from, to));
    }
}
