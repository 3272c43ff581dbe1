package io.perfcenter.metrics;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.ingest.PartitionsAhead;
import io.perfcenter.metrics.ingest.RawRetention;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.perfcenter.metrics.OrgAndAggregatesTests.as;
import static io.perfcenter.metrics.OrgAndAggregatesTests.hr;
import static io.perfcenter.metrics.RecordIngestionTests.call;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Raw records partitioned by month (V8): a record of a month without a partition makes it, the key of a record stays
 * unique across months (re-sending is a no-op, a revision that moves a record to another month replaces it), a
 * month's aggregate reads that month's partition only, and the retention drops whole months before its bound. Months
 * of years no other test uses.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class RecordPartitionsTests {

    private static boolean seeded;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RawRetention retention;

    @Inject
    PartitionsAhead ahead;

    @Inject
    java.time.Clock clock;

    @BeforeEach
    void organisation() {
        if (seeded) {
            return;
        }
        seeded = true;
        hr().body(List.of(Map.of("code", "PG", "name", "Partition group", "kind", "CENTER")))
                .post("/api/v1/metrics/org/units/bulk").then().statusCode(200).body("created", equalTo(1));
        hr().body(List.of(Map.of("employeeId", "P1", "name", "Agent P1", "position", "seat", "unitCode", "PG",
                                "memberFrom", "1990-01-01"),
                        Map.of("employeeId", "P2", "name", "Agent P2", "position", "seat", "unitCode", "PG",
                                "memberFrom", "1990-01-01")))
                .post("/api/v1/metrics/org/agents/bulk").then().statusCode(200).body("created", equalTo(2));
    }

    @Test
    void aRecordOfANewMonthMakesItsPartition() throws SQLException {
        assertFalse(partitions("call_record").contains("call_record_2031_03"));
        upload("[" + call("part-new-1", "P1", "2031-03-31T23:30:00+08:00", 100) + ","
                + call("part-new-2", "P1", "2031-03-31T16:30:00Z", 100) + "]")
                .body("accepted", equalTo(2));
        assertTrue(partitions("call_record").contains("call_record_2031_03"));
        // the day of the center's zone decides the month: 16:30Z on 31 March is 1 April in Shanghai
        assertTrue(partitions("call_record").contains("call_record_2031_04"));
        assertEquals("call_record_2031_03", single("SELECT tableoid::regclass::text FROM call_record "
                + "WHERE external_id = 'part-new-1'"));
        assertEquals("call_record_2031_04", single("SELECT tableoid::regclass::text FROM call_record "
                + "WHERE external_id = 'part-new-2'"));
        // the partition has the parent's indexes (by agent, by day) and its revision trigger
        assertEquals("2", single("SELECT count(*) FROM pg_indexes WHERE tablename = 'call_record_2031_03'"));
        assertEquals("1", single("SELECT count(*) FROM pg_trigger WHERE tgrelid = 'call_record_2031_03'::regclass"));
    }

    @Test
    void aLaterChunkOfAnUploadMakesItsNewMonthToo() throws SQLException {
        // the tests store chunks of 1,000 rows: the first chunk writes July, the second brings August, after the
        // upload's transaction has written to the table already
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append(call("part-chunk-" + i, "P2", "2031-07-15T09:00:00+08:00", 60));
        }
        body.append(",").append(call("part-chunk-august", "P2", "2031-08-01T09:00:00+08:00", 60)).append("]");
        upload(body.toString()).body("accepted", equalTo(1001));
        assertEquals("1", single("SELECT count(*) FROM call_record_2031_08"));
        assertEquals("1000", single("SELECT count(*) FROM call_record_2031_07"));
    }

    @Test
    void concurrentUploadsOfANewMonthMakeItOnceAndStoreEverything() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int u = 0; u < 4; u++) {
                int upload = u;
                answers.add(pool.submit((Callable<Integer>) () -> {
                    StringBuilder body = new StringBuilder("[");
                    for (int i = 0; i < 50; i++) {
                        body.append(i == 0 ? "" : ",").append(call("part-race-" + upload + "-" + i, "P2",
                                "2031-06-" + String.format("%02d", 1 + i % 28) + "T09:00:00+08:00", 60));
                    }
                    return upload(body.append("]").toString()).extract().path("accepted");
                }));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(50, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("200", single("SELECT count(*) FROM call_record_2031_06"));
        assertEquals("200", single("SELECT count(*) FROM call_record_key WHERE external_id LIKE 'part-race-%'"));
    }

    @Test
    void revisionsRacingOneRecordIntoDifferentMonthsLeaveTheHighestOnce() throws Exception {
        upload("[" + call("part-racing", "P2", "2033-01-10T10:00:00+08:00", 100) + "]").body("accepted", equalTo(1));
        // revisions 2..5 sent at once (one caller's 4 uploads at a time), each moving the record to another month
        // (5 back to January): whatever order the database takes them in, every upload is answered and the highest
        // revision is the one stored, once
        String[] days = {"2033-02-10", "2033-03-10", "2033-04-10", "2033-01-20"};
        ExecutorService pool = Executors.newFixedThreadPool(days.length);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int r = 0; r < days.length; r++) {
                int revision = r + 2;
                String day = days[r];
                answers.add(pool.submit((Callable<Integer>) () -> as(null, "records-writer")
                        .body("[" + revised(call("part-racing", "P2", day + "T10:00:00+08:00", 100 + revision),
                                revision) + "]")
                        .post("/api/v1/metrics/records/calls").then().extract().statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(200, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("call_record_2033_01 5 105", single("SELECT string_agg(tableoid::regclass::text || ' ' || "
                + "revision || ' ' || talk_seconds, ',') FROM call_record WHERE external_id = 'part-racing'"));
        assertEquals("5 2033-01-20", single("SELECT revision || ' ' || activity_date FROM call_record_key "
                + "WHERE external_id = 'part-racing'"));
    }

    @Test
    void theKeyIsUniqueAcrossMonthsAndARevisionMovesTheRecord() throws SQLException {
        upload("[" + call("part-move", "P1", "2031-09-30T10:00:00+08:00", 100) + "]").body("accepted", equalTo(1));
        // re-sending: a duplicate
        upload("[" + call("part-move", "P1", "2031-09-30T10:00:00+08:00", 100) + "]")
                .body("accepted", equalTo(0)).body("duplicate", equalTo(1));
        // the same revision on another day of another month is the same record: still a duplicate, nothing stored
        upload("[" + call("part-move", "P1", "2031-10-02T10:00:00+08:00", 100) + "]")
                .body("accepted", equalTo(0)).body("duplicate", equalTo(1));
        assertEquals("1", single("SELECT count(*) FROM call_record WHERE external_id = 'part-move'"));
        // revision 2 moves it to October: replaced (the old version kept in the trail), stored once, in October
        upload("[" + revised(call("part-move", "P1", "2031-10-02T10:00:00+08:00", 200), 2) + "]")
                .body("accepted", equalTo(1)).body("duplicate", equalTo(0));
        assertEquals("call_record_2031_10", single("SELECT string_agg(tableoid::regclass::text, ',') FROM call_record "
                + "WHERE external_id = 'part-move'"));
        assertEquals("2 2031-10-02", single("SELECT revision || ' ' || activity_date FROM call_record_key "
                + "WHERE external_id = 'part-move'"));
        assertEquals("1 2031-09-30", single("SELECT revision || ' ' || (content->>'activity_date') "
                + "FROM record_revision WHERE external_id = 'part-move'"));
        // revision 2 again with September's day (its first partition), or revision 1: duplicates
        upload("[" + revised(call("part-move", "P1", "2031-09-30T10:00:00+08:00", 200), 2) + ","
                + call("part-move-other", "P1", "2031-09-30T10:00:00+08:00", 100) + "]")
                .body("accepted", equalTo(1)).body("duplicate", equalTo(1));
        upload("[" + call("part-move", "P1", "2031-09-30T10:00:00+08:00", 100) + "]")
                .body("accepted", equalTo(0)).body("duplicate", equalTo(1));
        assertEquals("1", single("SELECT count(*) FROM call_record WHERE external_id = 'part-move'"));
        // the aggregates count it once, in October
        hr().queryParam("employeeId", "P1").queryParam("metric", "calls_handled").queryParam("period", "2031-10")
                .get("/api/v1/metrics/aggregates").then().statusCode(200)
                .body("agents[0].values.calls_handled.value", equalTo(1));
    }

    @Test
    void aMonthsAggregateReadsThatMonthsPartitionOnly() throws SQLException {
        upload("[" + call("part-prune-1", "P1", "2032-01-15T10:00:00+08:00", 100) + ","
                + call("part-prune-2", "P1", "2032-02-15T10:00:00+08:00", 100) + "]").body("accepted", equalTo(2));
        // the shape of AggregateService's per-kind query: the period's dates are literals, so the plan is pruned
        String plan = plan("""
                EXPLAIN SELECT r.employee_id, count(*) FROM call_record r
                WHERE r.activity_date BETWEEN DATE '2032-02-01' AND DATE '2032-02-29' GROUP BY r.employee_id""");
        assertTrue(plan.contains("call_record_2032_02"), plan);
        assertFalse(plan.contains("call_record_2032_01"), plan);
        assertFalse(plan.contains("call_record_2031"), plan);
    }

    @Test
    void theRetentionDropsTheMonthsBeforeItsBoundOnly() throws SQLException {
        // surveys and calls of three months of 1990 (older than anything else the tests store)
        for (String month : List.of("01", "02", "03")) {
            upload("[" + call("part-old-" + month, "P1", "1990-" + month + "-10T10:00:00+08:00", 100) + "]")
                    .body("accepted", equalTo(1));
            as(null, "records-writer").body("[{\"sourceSystem\":\"crm\",\"externalId\":\"part-old-" + month
                            + "\",\"employeeId\":\"P1\",\"answeredAt\":\"1990-" + month
                            + "-10T10:00:00+08:00\",\"csat\":5,\"solicited\":true}]")
                    .post("/api/v1/metrics/records/surveys").then().statusCode(200).body("accepted", equalTo(1));
        }
        // form-scored QA evaluations of January and March: their items are qa-items rows, kept by a trigger
        as("PQ", "qa").body(QaFormTests.form("PARTFORM", "Retention form")).post("/api/v1/metrics/qa/forms").then()
                .statusCode(201);
        for (String month : List.of("01", "03")) {
            Map<String, Object> items = new HashMap<>(Map.of("greeting", 2, "needs_confirmation", 4,
                    "info_accuracy", "yes", "emotion_control", 3, "risk_disclosure", "yes", "no_forbidden_phrase", "yes"));
            as(null, "records-writer").body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", "part-qa-" + month,
                            "employeeId", "P1", "evaluatorId", "PQ", "evaluatedOn", "1990-" + month + "-12",
                            "formCode", "PARTFORM", "formVersion", 1, "items", items)))
                    .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200).body("accepted", equalTo(1));
        }
        assertEquals("12", single("SELECT count(*) FROM qa_item_result WHERE external_id LIKE 'part-qa-%'"));
        List<String> dropped = retention.dropBefore(YearMonth.of(1990, 3));
        assertEquals(List.of("call_record_1990_01", "call_record_1990_02", "qa_evaluation_1990_01",
                "survey_record_1990_01", "survey_record_1990_02"), dropped.stream().sorted().toList());
        // dropping a partition fires no row trigger: the January evaluation's six items went with it, March's stay
        assertEquals("part-qa-03", single("SELECT string_agg(DISTINCT external_id, ',') FROM qa_item_result "
                + "WHERE external_id LIKE 'part-qa-%'"));
        assertEquals("6", single("SELECT count(*) FROM qa_item_result WHERE external_id LIKE 'part-qa-%'"));
        List<String> calls = partitions("call_record");
        assertFalse(calls.contains("call_record_1990_01") || calls.contains("call_record_1990_02"), calls.toString());
        assertTrue(calls.contains("call_record_1990_03"), calls.toString());
        assertEquals("part-old-03", single("SELECT string_agg(external_id, ',') FROM call_record_key "
                + "WHERE external_id LIKE 'part-old-%'"));
        // nothing else went: a second pass finds nothing to drop
        assertEquals(List.of(), retention.dropBefore(YearMonth.of(1990, 3)));
        // the bound of a policy: the current month and N before it
        assertEquals(YearMonth.of(2026, 9), RawRetention.firstKept(YearMonth.of(2026, 12), 3).orElseThrow());
        assertTrue(RawRetention.firstKept(YearMonth.of(2026, 12), 0).isEmpty());
    }

    @Test
    void theMonthBeforeTheCurrentAndTheNextAreMadeAheadForEveryKind() throws Exception {
        List<String> parents = partitionedTables();
        assertTrue(parents.containsAll(List.of("call_record", "survey_record", "qa_evaluation", "incident_record",
                "sale_record")), parents.toString());
        // at start, in the background: the months around the service's "now"
        YearMonth now = YearMonth.now(clock.getZone());
        for (long waited = 0; !partitions("sale_record").contains(name("sale_record", now.plusMonths(1)))
                && waited < 20_000; waited += 100) {
            Thread.sleep(100);
        }
        for (String parent : parents) {
            for (YearMonth month : List.of(now.minusMonths(1), now, now.plusMonths(1))) {
                assertTrue(partitions(parent).contains(name(parent, month)), parent + " " + month);
            }
        }
        // asked for January 2035: December, January and February, nothing before or after, for every kind; again: no-op
        ahead.makeAround(YearMonth.of(2035, 1));
        ahead.makeAround(YearMonth.of(2035, 1));
        for (String parent : parents) {
            List<String> made = partitions(parent).stream().filter(n -> n.matches(".*_203(4_1[12]|5_0[1-3])"))
                    .toList();
            assertEquals(List.of(parent + "_2034_12", parent + "_2035_01", parent + "_2035_02"), made);
        }
        // a month the retention no longer keeps is not made
        assertEquals(List.of(YearMonth.of(2035, 1), YearMonth.of(2035, 2)), List.copyOf(
                PartitionsAhead.monthsAround(YearMonth.of(2035, 1), java.util.Optional.of(YearMonth.of(2035, 1)))));
        assertEquals(3, PartitionsAhead.monthsAround(YearMonth.of(2035, 1), java.util.Optional.empty()).size());
    }

    private static String name(String parent, YearMonth month) {
        return String.format("%s_%04d_%02d", parent, month.getYear(), month.getMonthValue());
    }

    private List<String> partitionedTables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'p' "
                     + "AND relnamespace = current_schema()::regnamespace ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String revised(String callJson, int revision) {
        return callJson.replace("{\"sourceSystem\"", "{\"revision\":" + revision + ",\"sourceSystem\"");
    }

    private static io.restassured.response.ValidatableResponse upload(String body) {
        return as(null, "records-writer").body(body).post("/api/v1/metrics/records/calls").then().statusCode(200);
    }

    private List<String> partitions(String parent) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT p.relname FROM pg_inherits i JOIN pg_class p "
                     + "ON p.oid = i.inhrelid WHERE i.inhparent = ?::regclass ORDER BY 1")) {
            st.setString(1, parent);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private String single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String plan(String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
