package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.ingest.RecordKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each aggregate query carries its binds in the order of its placeholders, whatever the scope. */
class SqlQueryTests {

    static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    static final LocalDate TO = LocalDate.of(2026, 10, 31);
    static final MemberWindows WINDOWS = new MemberWindows(new String[]{"E1", "E1"},
            new LocalDate[]{FROM, LocalDate.of(2026, 10, 16)}, new LocalDate[]{LocalDate.of(2026, 10, 16),
            TO.plusDays(1)}, new String[]{"G-1", "G-2"});

    @Test
    void aFragmentTakesExactlyTheValuesOfItsPlaceholders() {
        assertThrows(IllegalArgumentException.class, () -> new SqlQuery().append("a = ? AND b = ?", "x"));
        assertThrows(IllegalArgumentException.class, () -> new SqlQuery().append("a = 1", "x"));
        SqlQuery q = new SqlQuery().append("a = ? ", "x").append(new SqlQuery().append("AND b = ?", FROM));
        assertEquals("a = ? AND b = ?", q.sql());
        assertEquals(List.of("x", FROM), q.binds());
    }

    @Test
    void theQueryOfARecordKindForOneAgentIsAsBefore() {
        SqlQuery q = RecordSums.query(RecordKind.CALLS, List.of(new AggregatePlan.Column("count(*)",
                        io.perfcenter.metrics.catalog.Derivation.Function.COUNT)), new AggregateScope.Agent("E1"), null,
                FROM, TO, Bucketing.whole(FROM));
        assertEquals("SELECT r.employee_id, '2026-10-01'::text AS bucket, count(*), count(*) FROM call_record r "
                + "WHERE r.activity_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' AND r.employee_id = ? "
                + "GROUP BY r.employee_id", q.sql());
        assertEquals(List.of("E1"), q.binds());
    }

    @Test
    void aUnitsQueryBindsItsMemberWindowsAndNoAgentFilter() {
        SqlQuery q = RecordSums.query(RecordKind.CALLS, List.of(), new AggregateScope.Unit("G"), WINDOWS, FROM, TO,
                Bucketing.by(AggregatePayloads.Granularity.WEEK));
        assertEquals(3, q.binds().size());
        assertArrayEquals(new Object[]{"E1", "E1"}, ((SqlQuery.TextArray) q.binds().get(0)).values());
        assertEquals(WINDOWS.to()[1], ((SqlQuery.DateArray) q.binds().get(2)).values()[1]);
        assertEquals(true, q.sql().endsWith("GROUP BY r.employee_id, date_trunc('week', r.activity_date)::date::text"));
    }

    @Test
    void aUnitsAgentsInForTheWholeRangeAreReadByTheirIdsAndTheOthersThroughTheirWindows() {
        MemberWindows windows = new MemberWindows(new String[]{"E0", "E1", "E1", "E2"},
                new LocalDate[]{FROM, FROM, LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 5)},
                new LocalDate[]{TO.plusDays(1), LocalDate.of(2026, 10, 16), TO.plusDays(1), TO.plusDays(1)},
                new String[]{"G-1", "G-1", "G-2", "G-1"});
        SqlQuery q = RecordSums.query(RecordKind.CALLS, List.of(), new AggregateScope.Unit("G"), windows, FROM, TO,
                Bucketing.whole(FROM));
        assertEquals("SELECT r.employee_id, '2026-10-01'::text AS bucket, count(*) FROM call_record r "
                + "JOIN agent mb ON mb.employee_id = r.employee_id AND mb.employee_id = ANY(?) "
                + "WHERE r.activity_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY r.employee_id "
                + "UNION ALL SELECT r.employee_id, '2026-10-01'::text AS bucket, count(*) FROM call_record r "
                + "JOIN unnest(?::text[], ?::date[], ?::date[]) AS mb(employee_id, f, t) "
                + "ON mb.employee_id = r.employee_id AND r.activity_date >= mb.f AND r.activity_date < mb.t "
                + "WHERE r.activity_date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31' GROUP BY r.employee_id",
                q.sql());
        assertArrayEquals(new Object[]{"E0"}, ((SqlQuery.TextArray) q.binds().get(0)).values());
        assertArrayEquals(new Object[]{"E1", "E1", "E2"}, ((SqlQuery.TextArray) q.binds().get(1)).values());
        assertArrayEquals(new LocalDate[]{FROM, LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 5)},
                ((SqlQuery.DateArray) q.binds().get(2)).values());

        MemberWindows everyoneWhole = new MemberWindows(new String[]{"E0", "E3"}, new LocalDate[]{FROM, FROM},
                new LocalDate[]{TO.plusDays(1), TO.plusDays(1)}, new String[]{"G-1", "G-2"});
        SqlQuery whole = PushedFigures.query(List.of("aht"), Map.of(), new AggregateScope.Unit("G"), everyoneWhole,
                FROM, TO, Bucketing.whole(FROM));
        assertEquals(false, whole.sql().contains("UNION ALL"));
        assertArrayEquals(new Object[]{"E0", "E3"}, ((SqlQuery.TextArray) whole.binds().get(0)).values());

        MemberWindows none = new MemberWindows(new String[0], new LocalDate[0], new LocalDate[0], new String[0]);
        SqlQuery empty = DayCorrection.query(List.of("calls_handled"), new AggregateScope.Unit("G"), none, FROM, TO,
                Bucketing.whole(FROM));
        assertEquals(true, empty.sql().contains("JOIN unnest("));
        assertEquals(true, RecordSums.query(RecordKind.CALLS, List.of(), new AggregateScope.Unit("G"), none, FROM,
                TO, Bucketing.whole(FROM)).sql().contains("JOIN unnest("));
    }

    @Test
    void pushedValuesBindTheRawDayFiltersThenTheWindowsThenTheCodesThenTheFilter() {
        Map<RecordKind, List<String>> derived = new LinkedHashMap<>();
        derived.put(RecordKind.CALLS, List.of("aht"));
        derived.put(RecordKind.SURVEYS, List.of("csat"));
        AggregateScope scope = new AggregateScope.AgentsIn(List.of("E1"), List.of("G-1"));
        SqlQuery q = PushedFigures.query(List.of("aht", "csat"), derived, scope, WINDOWS, FROM, TO,
                Bucketing.whole(FROM));
        List<String> kinds = new ArrayList<>();
        q.binds().forEach(b -> kinds.add(b.getClass().getSimpleName()));
        assertEquals(List.of("TextArray", "TextArray", "TextArray", "DateArray", "DateArray", "TextArray",
                "TextArray"), kinds);
        assertArrayEquals(new Object[]{"aht", "csat"}, ((SqlQuery.TextArray) q.binds().get(5)).values());
        assertEquals(q.binds().size(), q.sql().chars().filter(c -> c == '?').count());
        assertEquals(true, q.sql().startsWith("WITH raw_calls AS (SELECT DISTINCT"));
    }

    @Test
    void correctionsBindWindowsCodesRangeAndAgents() {
        SqlQuery q = DayCorrection.query(List.of("calls_handled"), new AggregateScope.Agents(List.of("E1", "E2")),
                null, FROM, TO, Bucketing.whole(FROM));
        assertEquals(4, q.binds().size());
        assertEquals(FROM, q.binds().get(1));
        assertEquals(TO, q.binds().get(2));
        assertArrayEquals(new Object[]{"E1", "E2"}, ((SqlQuery.TextArray) q.binds().get(3)).values());
    }

    @Test
    void memberWindowsOfAUnit() {
        SqlQuery q = MemberWindows.ofUnit("G", FROM, TO);
        assertEquals(List.of("G", FROM, TO.plusDays(1), TO, FROM), q.binds());
    }
    @Test
    void theCombinedStatementRunsEveryQueryUnchangedAsOneBranchEachWithTheirBindsInOrder() {
        AggregateScope scope = new AggregateScope.Agent("E1");
        List<AggregatePlan.Column> callColumns = List.of(
                new AggregatePlan.Column("count(*)", io.perfcenter.metrics.catalog.Derivation.Function.COUNT),
                new AggregatePlan.Column("sum(r.talk_seconds)", io.perfcenter.metrics.catalog.Derivation.Function.SUM));
        SqlQuery calls = RecordSums.query(RecordKind.CALLS, callColumns, scope, null, FROM, TO, Bucketing.whole(FROM));
        SqlQuery sales = RecordSums.query(RecordKind.SALES, callColumns.subList(0, 1), scope, null, FROM, TO,
                Bucketing.whole(FROM));
        Map<RecordKind, SqlQuery> kinds = new LinkedHashMap<>();
        kinds.put(RecordKind.CALLS, calls);
        kinds.put(RecordKind.SALES, sales);
        Map<RecordKind, Integer> columns = Map.of(RecordKind.CALLS, 2, RecordKind.SALES, 1);
        SqlQuery pushed = PushedFigures.query(List.of("aht"), Map.of(RecordKind.CALLS, List.of("aht")), scope, null,
                FROM, TO, Bucketing.whole(FROM));
        SqlQuery fixes = DayCorrection.query(List.of("calls_handled"), scope, null, FROM, TO, Bucketing.whole(FROM));
        SqlQuery q = CombinedFigures.query(kinds, columns, List.of("aht", "calls_handled"), pushed, fixes, FROM, TO);

        String[] branches = q.sql().split(" UNION ALL ");
        assertEquals(4, branches.length, q.sql());
        assertEquals(true, branches[0].contains("(" + calls.sql() + ") AS q(e, b, n, v1, v2)"), branches[0]);
        assertEquals(true, branches[1].contains("(" + sales.sql() + ") AS q(e, b, n, v1)"), branches[1]);
        assertEquals(true, branches[2].contains("(" + pushed.sql() + ") AS q(e, b, m, v1, v2, v3, v4, v5, v6, n)"),
                branches[2]);
        // the pushed values are read only when one of the metrics has one in the range, as before
        assertEquals(true, branches[2].endsWith("WHERE EXISTS (SELECT 1 FROM metric_value WHERE metric_code "
                + "= ANY(?) AND value_date BETWEEN ? AND ?)"), branches[2]);
        assertEquals(true, branches[3].contains("(" + fixes.sql() + ") AS q(e, m, d, b, v1)"), branches[3]);
        // every branch answers as many columns: part, agent, bucket, metric, day, count and the widest (6) numbers
        for (String branch : branches) {
            String select = branch.substring(0, branch.indexOf(" FROM ("));
            assertEquals(12, select.split(", ").length, select);
        }
        List<Object> binds = new ArrayList<>(calls.binds());
        binds.addAll(sales.binds());
        binds.addAll(pushed.binds());
        binds.add(q.binds().get(binds.size()));
        binds.addAll(List.of(FROM, TO));
        binds.addAll(fixes.binds());
        assertEquals(binds, q.binds());
        assertArrayEquals(new Object[]{"aht", "calls_handled"},
                ((SqlQuery.TextArray) q.binds().get(calls.binds().size() + sales.binds().size()
                        + pushed.binds().size())).values());
        assertEquals(q.binds().size(), q.sql().chars().filter(c -> c == '?').count());
    }
}
