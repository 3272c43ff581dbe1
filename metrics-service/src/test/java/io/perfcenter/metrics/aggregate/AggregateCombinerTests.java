package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregateCombiner.SourceFigures;
import io.perfcenter.metrics.aggregate.AggregatePayloads.MetricAggregate;
import io.perfcenter.metrics.catalog.Derivation;
import io.perfcenter.metrics.catalog.Derivation.Condition;
import io.perfcenter.metrics.catalog.Derivation.Function;
import io.perfcenter.metrics.catalog.Derivation.Measure;
import io.perfcenter.metrics.catalog.Derivation.Op;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.catalog.MetricDefinition.Aggregation;
import io.perfcenter.metrics.ingest.RecordKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The combiner's rules on figures as the queries would read them (no database): ratios of sums, pushed values and
 * their weights, sample counts, unit totals, LATEST, MAX, empty cells and data corrections.
 */
class AggregateCombinerTests {

    private static final String OCTOBER = "2026-10-01";

    static MetricDefinition metric(String code, Aggregation aggregation, Derivation derivation) {
        MetricDefinition d = new MetricDefinition();
        d.code = code;
        d.aggregation = aggregation;
        d.derivation = derivation;
        return d;
    }

    static Measure count(String record, Condition... where) {
        return new Measure(record, Function.COUNT, null, null, List.of(where));
    }

    static Measure sum(String record, String... fields) {
        return new Measure(record, Function.SUM, List.of(fields), null, null);
    }

    // aht = Σ(talk + hold + wrap) / calls
    static final MetricDefinition AHT = metric("aht", Aggregation.MEAN, new Derivation(
            sum("calls", "talkSeconds", "holdSeconds", "wrapSeconds"), null, count("calls"), null));
    static final MetricDefinition CALLS_HANDLED = metric("calls_handled", Aggregation.SUM,
            new Derivation(count("calls"), null, null, null));
    // csat = Σ csat / surveys with a csat answer
    static final MetricDefinition CSAT = metric("csat", Aggregation.MEAN, new Derivation(sum("surveys", "csat"),
            null, count("surveys", new Condition("csat", Op.IS_SET, null)), null));
    static final MetricDefinition ANSWER_RATE = metric("answer_rate", Aggregation.MEAN, null);
    static final MetricDefinition HEADCOUNT = metric("headcount", Aggregation.LATEST, null);

    /** The record sums of one cell, by the SQL of the planned columns of the kind. */
    static RecordSums sums(AggregatePlan plan, RecordKind kind, long records, Map<String, Long> bySql) {
        List<AggregatePlan.Column> columns = plan.columns().get(kind);
        BigDecimal[] values = new BigDecimal[columns.size()];
        for (int i = 0; i < values.length; i++) {
            Long v = bySql.get(columns.get(i).sql());
            values[i] = v == null ? null : BigDecimal.valueOf(v);
        }
        return new RecordSums(records, values);
    }

    /** Calls of an agent: how many and their handle seconds. */
    static RecordSums calls(AggregatePlan plan, long calls, long seconds) {
        return sums(plan, RecordKind.CALLS, calls, Map.of("count(*)", calls,
                "sum((r.talk_seconds + r.hold_seconds + r.wrap_seconds))", seconds));
    }

    static SourceFigures figures(Map<Cell, RecordSums> calls, Map<Cell, Map<String, PushedFigures>> pushed) {
        Map<RecordKind, Map<Cell, RecordSums>> records = new EnumMap<>(RecordKind.class);
        if (!calls.isEmpty()) {
            records.put(RecordKind.CALLS, calls);
        }
        return new SourceFigures(records, pushed);
    }

    static PushedFigures pushed(String value, String weight) {
        BigDecimal v = new BigDecimal(value);
        BigDecimal w = new BigDecimal(weight);
        return new PushedFigures(v, v.multiply(w), w, v, v, v, 1);
    }

    static Cell agent(String id) {
        return new Cell(id, OCTOBER);
    }

    @Test
    void aUnitsRatioIsTheRatioOfItsSumsNotTheMeanOfItsAgentsRatios() {
        AggregatePlan plan = new AggregatePlan(List.of(AHT, CALLS_HANDLED));
        Map<Cell, RecordSums> calls = new HashMap<>();
        calls.put(agent("E1"), calls(plan, 10, 3000));   // aht 300
        calls.put(agent("E2"), calls(plan, 30, 6000));   // aht 200
        var cells = AggregateCombiner.combine(plan, figures(calls, Map.of()), true, Set.of("E1", "E2"), OCTOBER);

        assertEquals(new MetricAggregate(new BigDecimal("300"), 10), cells.get(agent("E1")).get("aht"));
        assertEquals(new MetricAggregate(new BigDecimal("200"), 30), cells.get(agent("E2")).get("aht"));
        // 9000 s / 40 calls = 225, not (300 + 200) / 2
        assertEquals(new MetricAggregate(new BigDecimal("225"), 40), cells.get(Cell.total(OCTOBER)).get("aht"));
        assertEquals(new MetricAggregate(new BigDecimal("40"), 40),
                cells.get(Cell.total(OCTOBER)).get("calls_handled"));
    }

    @Test
    void ratiosKeepFourDecimalsWithoutTrailingZeros() {
        AggregatePlan plan = new AggregatePlan(List.of(AHT));
        var cells = AggregateCombiner.combine(plan, figures(Map.of(agent("E1"), calls(plan, 3, 1000)), Map.of()),
                false, Set.of("E1"), OCTOBER);
        assertEquals("333.3333", cells.get(agent("E1")).get("aht").value().toPlainString());
    }

    @Test
    void anAgentWithNothingCountsZeroWithNoSamplesAndHasNoRatio() {
        AggregatePlan plan = new AggregatePlan(List.of(AHT, CALLS_HANDLED));
        var cells = AggregateCombiner.combine(plan, figures(Map.of(), Map.of()), true, Set.of("E1"), OCTOBER);

        Map<String, MetricAggregate> values = cells.get(agent("E1"));
        assertEquals(new MetricAggregate(BigDecimal.ZERO, 0), values.get("calls_handled"));
        assertFalse(values.containsKey("aht"), "a ratio without a denominator is absent");
        assertEquals(new MetricAggregate(BigDecimal.ZERO, 0), cells.get(Cell.total(OCTOBER)).get("calls_handled"));
    }

    @Test
    void aMonthWithoutDataListsOnlyTheKnownAgents() {
        AggregatePlan plan = new AggregatePlan(List.of(AHT));
        assertEquals(Map.of(), AggregateCombiner.combine(plan, figures(Map.of(), Map.of()), false, Set.of(),
                OCTOBER));
        var cells = AggregateCombiner.combine(plan, figures(Map.of(), Map.of()), true, Set.of("E1"), OCTOBER);
        assertEquals(Map.of(agent("E1"), Map.of()), cells, "the agent listed without values, no empty total");
    }

    @Test
    void samplesCountTheRecordsOfTheDenominatorOnly() {
        AggregatePlan plan = new AggregatePlan(List.of(CSAT));
        // 5 surveys, 3 of them with a csat answer summing 12
        RecordSums surveys = sums(plan, RecordKind.SURVEYS, 5, Map.of("sum((r.csat))", 12L,
                "count(*) FILTER (WHERE r.csat IS NOT NULL)", 3L,
                "count(*) FILTER (WHERE (r.csat IS NOT NULL))", 3L));
        var cells = AggregateCombiner.combine(plan, new SourceFigures(
                new EnumMap<>(Map.of(RecordKind.SURVEYS, Map.of(agent("E1"), surveys))), Map.of()), false,
                Set.of("E1"), OCTOBER);
        assertEquals(new MetricAggregate(new BigDecimal("4"), 3), cells.get(agent("E1")).get("csat"));
    }

    @Test
    void pushedValuesWeighAgainstTheDerivedDenominatorAndCountAsSamples() {
        AggregatePlan plan = new AggregatePlan(List.of(AHT));
        // 10 derived calls of 300 s, and a pushed daily AHT of 240 over 30 calls
        var cells = AggregateCombiner.combine(plan, figures(Map.of(agent("E1"), calls(plan, 10, 3000)),
                Map.of(agent("E1"), Map.of("aht", pushed("240", "30")))), false, Set.of("E1"), OCTOBER);
        // (3000 + 240 × 30) / (10 + 30) = 255
        assertEquals(new MetricAggregate(new BigDecimal("255"), 11), cells.get(agent("E1")).get("aht"));
    }

    @Test
    void aPushedOnlyMeanWeighsByWeightAndAddsUpForTheUnit() {
        AggregatePlan plan = new AggregatePlan(List.of(ANSWER_RATE));
        Map<Cell, Map<String, PushedFigures>> pushed = Map.of(
                agent("E1"), Map.of("answer_rate", pushed("90", "1")),
                agent("E2"), Map.of("answer_rate", pushed("80", "3")));
        var cells = AggregateCombiner.combine(plan, figures(Map.of(), pushed), true, Set.of("E1", "E2"), OCTOBER);
        assertEquals(new MetricAggregate(new BigDecimal("82.5"), 2),
                cells.get(Cell.total(OCTOBER)).get("answer_rate"));
    }

    @Test
    void latestHasNoUnitTotal() {
        AggregatePlan plan = new AggregatePlan(List.of(HEADCOUNT));
        var cells = AggregateCombiner.combine(plan, figures(Map.of(),
                Map.of(agent("E1"), Map.of("headcount", pushed("7.00", "1")))), true, Set.of("E1"), OCTOBER);
        assertEquals(new MetricAggregate(new BigDecimal("7"), 1), cells.get(agent("E1")).get("headcount"));
        assertFalse(cells.getOrDefault(Cell.total(OCTOBER), Map.of()).containsKey("headcount"));
    }

    @Test
    void maxTakesTheExtremeOfDerivedAndPushed() {
        MetricDefinition longest = metric("longest_talk", Aggregation.MAX, new Derivation(
                new Measure("calls", Function.MAX, List.of("talkSeconds"), null, null), null, null, null));
        AggregatePlan plan = new AggregatePlan(List.of(longest));
        RecordSums calls = sums(plan, RecordKind.CALLS, 4, Map.of("max((r.talk_seconds))", 600L,
                "count(*) FILTER (WHERE (r.talk_seconds IS NOT NULL))", 4L));
        var cells = AggregateCombiner.combine(plan, figures(Map.of(agent("E1"), calls),
                Map.of(agent("E1"), Map.of("longest_talk", pushed("900", "1")))), false, Set.of("E1"), OCTOBER);
        assertEquals(new MetricAggregate(new BigDecimal("900"), 5), cells.get(agent("E1")).get("longest_talk"));
    }

    @Test
    void unitTotalsLeaveTheAgentsFiguresUnchanged() {
        AggregatePlan plan = new AggregatePlan(List.of(CALLS_HANDLED));
        Map<Cell, RecordSums> calls = Map.of(agent("E1"), calls(plan, 2, 0), agent("E2"), calls(plan, 3, 0));
        SourceFigures withTotals = AggregateCombiner.withUnitTotals(plan, figures(calls, Map.of()));
        assertEquals(5, withTotals.records().get(RecordKind.CALLS).get(Cell.total(OCTOBER)).records());
        assertEquals(2, calls.size());
    }

    @Test
    void aCorrectionReplacesTheDaysFigureForTheAgentAndTheUnit() {
        Map<Cell, Map<String, MetricAggregate>> result = new HashMap<>();
        result.put(agent("E1"), new HashMap<>(Map.of("calls_handled", new MetricAggregate(BigDecimal.TEN, 10))));
        result.put(Cell.total(OCTOBER), new HashMap<>(Map.of("calls_handled",
                new MetricAggregate(BigDecimal.valueOf(30), 30))));
        LocalDate day = LocalDate.of(2026, 10, 5);
        // the day gave 4; corrected to 6
        Map<Cell, Map<String, MetricAggregate>> days = Map.of(new Cell("E1", day.toString()),
                Map.of("calls_handled", new MetricAggregate(BigDecimal.valueOf(4), 4)));
        AggregateCombiner.applyCorrections(List.of(new DayCorrection("E1", "calls_handled", day, OCTOBER,
                new BigDecimal("6.000"))), days, true, result);
        assertEquals(new MetricAggregate(BigDecimal.valueOf(12), 10), result.get(agent("E1")).get("calls_handled"));
        assertEquals(new MetricAggregate(BigDecimal.valueOf(32), 30),
                result.get(Cell.total(OCTOBER)).get("calls_handled"));
    }

    @Test
    void aCorrectionOfADayWithoutDataSetsTheFigure() {
        Map<Cell, Map<String, MetricAggregate>> result = new HashMap<>();
        LocalDate day = LocalDate.of(2026, 10, 5);
        AggregateCombiner.applyCorrections(List.of(new DayCorrection("E1", "calls_handled", day, OCTOBER,
                BigDecimal.valueOf(3))), Map.of(), false, result);
        assertEquals(Map.of(agent("E1"), Map.of("calls_handled", new MetricAggregate(BigDecimal.valueOf(3), 0))),
                result);
        assertTrue(result.keySet().stream().noneMatch(Cell::isTotal));
    }

    @Test
    void metricsWithoutAnyFigureAreAbsent() {
        AggregatePlan plan = new AggregatePlan(List.of(ANSWER_RATE));
        var cells = AggregateCombiner.combine(plan, figures(Map.of(), Map.of()), false, Set.of("E1"), OCTOBER);
        assertNull(cells.get(agent("E1")).get("answer_rate"));
    }
}
