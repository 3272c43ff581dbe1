package io.perfcenter.metrics;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.ingest.RecordKind;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One agent's figures read that agent's records of a period, not the period of every agent (issue 11): every raw
 * record table has a btree index on the agent (the period narrows through the BRIN index on the day), the pushed
 * values one on the agent and the day, and PostgreSQL takes it for a single-agent read of a month among many agents.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class AgentReadIndexTests {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyRecordTableIsIndexedByAgentAndDay() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (RecordKind kind : RecordKind.values()) {
                // raw records: by agent (the period comes from the BRIN index on activity_date); values: agent, day
                String columns = kind == RecordKind.VALUES ? "(employee_id, value_date)" : "(employee_id)";
                if (!indexed(c, kind.table(), columns)) {
                    missing.add(kind.table());
                }
            }
        }
        assertEquals(List.of(), missing, "tables without an index on the agent and the day");
    }

    @Test
    void aSingleAgentsMonthReadsOnlyTheirRecords() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // the months' partitions (V8), made in this transaction and rolled back with it
                st.execute("SELECT ensure_record_partition('call_record', DATE '2019-10-01'), "
                        + "ensure_record_partition('call_record', DATE '2019-11-01')");
                // two months of calls of 2,000 agents (20 a month each), in a year no other test uses; rolled back
                st.execute("""
                        INSERT INTO call_record (source_system, external_id, employee_id, activity_date, started_at,
                                                 talk_seconds, direction, channel)
                        SELECT 'index-test', 'c' || i, 'IX' || (i % 2000),
                               DATE '2019-10-01' + (i / 40000) * 31 + (i % 30), TIMESTAMPTZ '2019-11-01 09:00+08', 120, 'INBOUND', 'PHONE'
                        FROM generate_series(0, 79999) i""");
                st.execute("ANALYZE call_record");
                // the shape of AggregateService's per-kind query for one agent and a whole month
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = st.executeQuery("""
                        EXPLAIN SELECT r.employee_id, '2019-11-01' AS bucket, count(*),
                                       sum(r.talk_seconds + r.hold_seconds + r.wrap_seconds)
                        FROM call_record r
                        WHERE r.activity_date BETWEEN DATE '2019-11-01' AND DATE '2019-11-30'
                          AND r.employee_id = 'IX42'
                        GROUP BY r.employee_id""")) {
                    while (rs.next()) {
                        plan.append(rs.getString(1)).append('\n');
                    }
                }
                // November's partition only (pruned by the dates), through its copy of the index by agent
                assertTrue(plan.toString().contains("call_record_2019_11_employee_id_idx"), plan.toString());
                assertTrue(!plan.toString().contains("call_record_2019_10"), plan.toString());
            } finally {
                c.rollback();
            }
        }
    }

    private static boolean indexed(Connection c, String table, String columns) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT indexdef FROM pg_indexes WHERE tablename = ? "
                + "AND schemaname = current_schema()")) {
            st.setString(1, table);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String def = rs.getString(1);
                    if (def.contains("USING btree " + columns)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
