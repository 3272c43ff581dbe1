package io.perfcenter.metrics.aggregate;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.catalog.Derivation.Function;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One agent's month as one statement (issue 11) keeps what made each query cheap: PostgreSQL prunes the other
 * months' partitions, finds the agent's rows by the index on the agent, and skips the pushed values' branch (whose
 * raw-day look-ups read the records again) when no metric of the statement has a pushed value in the range.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class CombinedFiguresPlanTests {

    static final LocalDate FROM = LocalDate.of(2019, 11, 1);
    static final LocalDate TO = LocalDate.of(2019, 11, 30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneAgentsMonthPrunesTheOtherMonthsUsesTheAgentIndexAndSkipsAbsentPushedValues() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                // two months of calls of 2,000 agents, in a year no other test uses; rolled back
                st.execute("SELECT ensure_record_partition('call_record', DATE '2019-10-01'), "
                        + "ensure_record_partition('call_record', DATE '2019-11-01')");
                st.execute("""
                        INSERT INTO call_record (source_system, external_id, employee_id, activity_date, started_at,
                                                 talk_seconds, direction, channel)
                        SELECT 'combined-test', 'c' || i, 'CX' || (i % 2000),
                               DATE '2019-10-01' + (i / 40000) * 31 + (i % 30), TIMESTAMPTZ '2019-11-01 09:00+08', 120, 'INBOUND', 'PHONE'
                        FROM generate_series(0, 79999) i""");
                st.execute("ANALYZE call_record");
                SqlQuery q = statement();
                String plan = explain(c, q);
                assertTrue(plan.contains("call_record_2019_11_employee_id_idx"), plan);
                assertFalse(plan.contains("call_record_2019_10"), plan);
                // the gate on pushed values: evaluated once, the branch below it not run when it is false
                assertTrue(plan.contains("One-Time Filter"), plan);

                // and the statement reads what the records say: 20 calls of 120 s in November for CX42 (20 more in
                // October, pruned)
                CombinedFigures.Figures figures = CombinedFigures.read(c, q, Map.of(RecordKind.CALLS, 2));
                RecordSums sums = figures.records().get(RecordKind.CALLS).get(new Cell("CX42", FROM.toString()));
                assertEquals(20, sums.records());
                assertEquals(0, sums.column(1).compareTo(java.math.BigDecimal.valueOf(20 * 120)));
                assertEquals(0, sums.column(1).scale(), "an integer sum stays an integer");
                assertTrue(figures.pushed().isEmpty());
                assertTrue(figures.fixes().isEmpty());
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void oneAgentsReadIsPlannedOnceWithTheAgentAskedInTheSameStatement() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT ensure_record_partition('call_record', DATE '2019-11-01')");
                st.execute("""
                        INSERT INTO agent (employee_id, name, position) VALUES ('CX42', 'Generic Plan', 'Agent')""");
                st.execute("""
                        INSERT INTO call_record (source_system, external_id, employee_id, activity_date, started_at,
                                                 talk_seconds, direction, channel)
                        SELECT 'combined-generic', 'g' || i, 'CX' || (i % 100), DATE '2019-11-01' + (i % 30),
                               TIMESTAMPTZ '2019-11-01 09:00+08', 100 + i % 7, 'INBOUND', 'PHONE'
                        FROM generate_series(0, 1999) i""");
                c.commit();
                for (int round = 0; round < 3; round++) {
                    SqlQuery q = statement("CX42", true);
                    CombinedFigures.Figures generic = CombinedFigures.readGeneric(c, q, Map.of(RecordKind.CALLS, 2),
                            true);
                    c.commit();
                    CombinedFigures.Figures plain = CombinedFigures.read(c, statement("CX42", false),
                            Map.of(RecordKind.CALLS, 2));
                    c.commit();
                    assertTrue(generic.agentFound());
                    RecordSums g = generic.records().get(RecordKind.CALLS).get(new Cell("CX42", FROM.toString()));
                    RecordSums p = plain.records().get(RecordKind.CALLS).get(new Cell("CX42", FROM.toString()));
                    assertEquals(20, g.records());
                    assertEquals(p.records(), g.records());
                    assertEquals(p.column(1), g.column(1));
                    // an agent who is not in the directory: no row of the agent branch
                    assertFalse(CombinedFigures.readGeneric(c, statement("CX43", true), Map.of(RecordKind.CALLS, 2),
                            true).agentFound());
                    c.commit();
                }
                // the setting ended with each read's transaction; the statement was prepared on the server once and
                // its generic plan used for every agent
                try (ResultSet rs = st.executeQuery("SELECT current_setting('plan_cache_mode'), max(generic_plans), "
                        + "sum(custom_plans) FROM pg_prepared_statements WHERE statement LIKE '%combined_plan_test_metric%' "
                        + "AND statement LIKE '%''agent''%'")) {
                    rs.next();
                    assertEquals("auto", rs.getString(1));
                    assertEquals(6, rs.getLong(2));
                    assertEquals(0, rs.getLong(3));
                }
                c.commit();
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM call_record WHERE source_system = 'combined-generic'");
                    st.execute("DELETE FROM agent WHERE employee_id = 'CX42'");
                }
                c.commit();
            }
        }
    }

    private static SqlQuery statement() {
        return statement("CX42", false);
    }

    private static SqlQuery statement(String agent, boolean checkAgent) {
        AggregateScope scope = new AggregateScope.Agent(agent);
        SqlQuery calls = RecordSums.query(RecordKind.CALLS, List.of(new AggregatePlan.Column("count(*)",
                        Function.COUNT), new AggregatePlan.Column("sum(r.talk_seconds)", Function.SUM)), scope, null,
                FROM, TO, Bucketing.whole(FROM));
        // a metric code no test pushes a value of
        List<String> codes = List.of("combined_plan_test_metric");
        SqlQuery pushed = PushedFigures.query(codes, Map.of(RecordKind.CALLS, codes), scope, null, FROM, TO,
                Bucketing.whole(FROM));
        SqlQuery fixes = DayCorrection.query(codes, scope, null, FROM, TO, Bucketing.whole(FROM));
        return CombinedFigures.query(Map.of(RecordKind.CALLS, calls), Map.of(RecordKind.CALLS, 2), codes, pushed,
                fixes, FROM, TO, checkAgent ? agent : null);
    }

    private static String explain(Connection c, SqlQuery q) throws SQLException {
        StringBuilder plan = new StringBuilder();
        SqlQuery explain = new SqlQuery().append("EXPLAIN ").append(q);
        try (PreparedStatement st = explain.prepare(c); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
