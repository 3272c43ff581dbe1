package io.perfcenter.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The outbox rows of scoring-service and incentive-service, in a real PostgreSQL with the services' table (their
 * migrations V8 and V5): the events of one change, more than a page of them, are written in their order (their
 * {@code seq} ascending), each with its own new id, its type, subject, data and the time given; in the caller's
 * transaction (a rollback leaves none).
 */
class OutboxRowsTests {

    private static PostgresServer server;
    private static String database;

    @BeforeAll
    static void database() throws SQLException {
        server = PostgresServer.forTests();
        database = "pc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.recreateDatabase(database);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            // as the services' migrations create it
            st.execute("CREATE SEQUENCE outbox_event_seq INCREMENT BY 50");
            st.execute("CREATE TABLE outbox_event (seq bigint PRIMARY KEY, event_id text NOT NULL UNIQUE, "
                    + "type text NOT NULL, subject text NOT NULL, occurred_at timestamptz NOT NULL, "
                    + "data text NOT NULL, relayed_at timestamptz)");
        }
    }

    @AfterAll
    static void drop() {
        if (server != null) {
            server.dropDatabase(database);
            server.close();
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), server.user(), server.password());
    }

    private record Row(String eventId, String type, String subject, OffsetDateTime occurredAt, String data) {
    }

    private static List<Row> rows(Connection c, String subject) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("SELECT event_id, type, subject, occurred_at, data "
                + "FROM outbox_event WHERE subject = ? ORDER BY seq")) {
            q.setString(1, subject);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3),
                            r.getObject(4, OffsetDateTime.class), r.getString(5)));
                }
            }
        }
        return rows;
    }

    @Test
    void theEventsOfOneChangeAreWrittenInTheirOrderPageByPage() throws SQLException {
        // more than a page: two inserts in one transaction, one order, every event its own id and its own data
        int n = OutboxRows.PAGE + 3;
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            types[i] = i % 2 == 0 ? "io.perfcenter.test.even" : "io.perfcenter.test.odd";
            subjects[i] = "OPG";
            data[i] = "{\"n\":" + i + ",\"text\":\"绩效\"}";
        }
        OffsetDateTime at = OffsetDateTime.of(2026, 10, 31, 23, 59, 58, 123_456_000, ZoneOffset.UTC);
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            String[] ids = OutboxRows.insert(c, at, types, subjects, data);
            c.commit();

            List<Row> rows = rows(c, "OPG");
            assertEquals(n, rows.size());
            assertEquals(n, new HashSet<>(List.of(ids)).size());
            for (int i = 0; i < n; i++) {
                assertEquals(new Row(ids[i], types[i], "OPG", at, data[i]), rows.get(i));
            }

            // one that rolls back leaves none of them
            String[] more = OutboxRows.insert(c, at, types, subjects, data);
            c.rollback();
            assertEquals(n, rows(c, "OPG").size());
            assertEquals(n, new HashSet<>(List.of(more)).size());
        }
    }

    @Test
    void noEventNoStatementAndOneDataPerEvent() throws SQLException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            assertArrayEquals(new String[0], OutboxRows.insert(c, OffsetDateTime.now(ZoneOffset.UTC),
                    new String[0], new String[0], new String[0]));
            assertThrows(IllegalArgumentException.class, () -> OutboxRows.insert(c,
                    OffsetDateTime.now(ZoneOffset.UTC), new String[]{"io.perfcenter.test.a"}, new String[]{"OPX"},
                    new String[0]));
            c.commit();
            assertEquals(List.of(), rows(c, "OPX"));
        }
    }
}
