package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.MetricAggregate;
import io.perfcenter.metrics.aggregate.AggregatePlan.Column;
import io.perfcenter.metrics.aggregate.AggregatePlan.ColumnRef;
import io.perfcenter.metrics.aggregate.AggregatePlan.MetricParts;
import io.perfcenter.metrics.catalog.MetricDefinition.Aggregation;
import io.perfcenter.metrics.ingest.RecordKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.perfcenter.metrics.aggregate.PlainNumbers.plain;

/**
 * How the figures read from the database become metric values (no database here: a pure function, unit-tested on
 * its own in {@code AggregateCombinerTests}). The rules, one method each:
 * <ul>
 * <li>{@link #value}: a metric's value in a cell. A derived metric is {@code (numerator − subtract) / denominator ×
 * scale} of sums, so a unit's value is a ratio of its sums (a group's AHT is its handle seconds over its calls, not a
 * mean of its agents' AHTs). Pushed values add to it: SUM adds them; MEAN, RATIO and WEIGHTED_MEAN weigh each by its
 * weight against the denominator; MAX and MIN take the extreme; LATEST takes the last pushed value and has no unit
 * total. A sum with nothing to count is 0, a ratio without a denominator absent. {@code samples} are the records that
 * contributed (those of the denominator, else of the numerator and subtracted part) plus the pushed values used.</li>
 * <li>{@link #withUnitTotals}: the scope's own cell per bucket (employee null) from its agents' sums — every column is
 * a count, sum, max or min, so it is exactly what one query over all the unit's records would give.</li>
 * <li>{@link #applyCorrections}: a data correction replaces the day's figure; the period's value moves by the
 * corrected figure minus the original, for the agent and the unit.</li>
 * </ul>
 */
final class AggregateCombiner {

    private AggregateCombiner() {
    }

    /** What one computation's queries read: per record kind and cell its sums; per cell and metric, pushed figures. */
    record SourceFigures(Map<RecordKind, Map<Cell, RecordSums>> records, Map<Cell, Map<String, PushedFigures>> pushed) {
    }

    /**
     * The values of every cell that has any, in the plan's metric order; every agent of {@code knownAgents} (and,
     * with totals, the scope's total) has a cell of {@code wholeBucket} even without data, so counts can say 0.
     */
    static Map<Cell, Map<String, MetricAggregate>> combine(AggregatePlan plan, SourceFigures figures, boolean totals,
                                                           Set<String> knownAgents, String wholeBucket) {
        // the scope's own cells are looked up in a map of their own: the agents' maps are not copied to add them
        SourceFigures unit = totals ? unitTotals(plan, figures) : new SourceFigures(Map.of(), Map.of());
        Set<Cell> cells = new LinkedHashSet<>();
        for (SourceFigures part : List.of(figures, unit)) {
            part.records().values().forEach(m -> cells.addAll(m.keySet()));
            cells.addAll(part.pushed().keySet());
        }
        if (!knownAgents.isEmpty()) {
            for (String agent : knownAgents) {
                cells.add(new Cell(agent, wholeBucket));
            }
            if (totals) {
                cells.add(Cell.total(wholeBucket));
            }
        }
        Map<Cell, Map<String, MetricAggregate>> result = new LinkedHashMap<>();
        // a cell's sums by record kind (ordinal), looked up once per kind rather than once per column of each metric
        RecordSums[] sums = new RecordSums[RecordKind.values().length];
        for (Cell cell : cells) {
            SourceFigures part = totals && cell.isTotal() ? unit : figures;
            Arrays.fill(sums, null);
            part.records().forEach((kind, byCell) -> sums[kind.ordinal()] = byCell.get(cell));
            Map<String, PushedFigures> pushed = part.pushed().getOrDefault(cell, Map.of());
            Map<String, MetricAggregate> values = new LinkedHashMap<>();
            for (MetricParts metric : plan.metrics()) {
                MetricAggregate value = value(metric, sums, cell, pushed.get(metric.code()));
                if (value != null) {
                    values.put(metric.code(), value);
                }
            }
            if (!values.isEmpty() || (!cell.isTotal() && knownAgents.contains(cell.employeeId()))) {
                result.put(cell, values);
            }
        }
        return result;
    }

    /**
     * A metric's value in a cell, or null when it has none there; {@code records}: the cell's sums by record kind (by
     * the kind's ordinal, null where it has none).
     */
    static MetricAggregate value(MetricParts metric, RecordSums[] records, Cell cell, PushedFigures pushed) {
        Aggregation aggregation = metric.aggregation();
        if (aggregation == Aggregation.LATEST) {
            // "latest" of a unit has no meaning: the unit total leaves such metrics out
            return pushed == null || cell.isTotal() || pushed.latest() == null ? null
                    : new MetricAggregate(plain(pushed.latest()), pushed.count());
        }
        long samples = pushed == null ? 0 : pushed.count();
        BigDecimal numerator = null;
        BigDecimal denominator = null;
        if (metric.derived()) {
            for (ColumnRef at : metric.samples()) {
                samples += column(records, at).longValueExact();
            }
            numerator = column(records, metric.numerator());
            if (metric.subtract() != null) {
                numerator = numerator.subtract(column(records, metric.subtract()));
            }
            numerator = numerator.multiply(metric.scale());
            if (metric.denominator() != null) {
                denominator = column(records, metric.denominator());
            }
        }
        switch (aggregation) {
            case SUM -> {
                if (!metric.derived() && pushed == null) {
                    return null;
                }
                BigDecimal v = orZero(numerator).add(pushed == null ? BigDecimal.ZERO : pushed.sum());
                return new MetricAggregate(plain(v), samples);
            }
            case MAX, MIN -> {
                boolean max = aggregation == Aggregation.MAX;
                BigDecimal v = metric.derived() && rawColumn(records, metric.numerator()) != null ? numerator
                        : null;
                BigDecimal q = pushed == null ? null : max ? pushed.max() : pushed.min();
                if (v == null) {
                    v = q;
                } else if (q != null) {
                    v = max ? v.max(q) : v.min(q);
                }
                return v == null ? null : new MetricAggregate(plain(v), samples);
            }
            default -> {
                BigDecimal top = orZero(numerator).add(pushed == null ? BigDecimal.ZERO : pushed.weightedSum());
                BigDecimal bottom = orZero(denominator).add(pushed == null ? BigDecimal.ZERO : pushed.weight());
                if (bottom.signum() == 0) {
                    return null;
                }
                return new MetricAggregate(plain(top.divide(bottom, 4, RoundingMode.HALF_UP)), samples);
            }
        }
    }

    /**
     * The figures with the scope's own cell per bucket added (employee null): the agents' record sums merged column
     * by column, their pushed figures added up. The given figures are not changed.
     */
    static SourceFigures withUnitTotals(AggregatePlan plan, SourceFigures figures) {
        SourceFigures unit = unitTotals(plan, figures);
        Map<RecordKind, Map<Cell, RecordSums>> records = new EnumMap<>(RecordKind.class);
        figures.records().forEach((kind, cells) -> {
            Map<Cell, RecordSums> withTotals = new HashMap<>(cells);
            withTotals.putAll(unit.records().get(kind));
            records.put(kind, withTotals);
        });
        Map<Cell, Map<String, PushedFigures>> pushed = new HashMap<>(figures.pushed());
        pushed.putAll(unit.pushed());
        return new SourceFigures(records, pushed);
    }

    /**
     * The scope's own cells alone, one per bucket (employee null): the agents' record sums merged column by column,
     * their pushed figures added up.
     */
    static SourceFigures unitTotals(AggregatePlan plan, SourceFigures figures) {
        Map<RecordKind, Map<Cell, RecordSums>> records = new EnumMap<>(RecordKind.class);
        figures.records().forEach((kind, cells) -> {
            List<Column> columns = plan.columns().get(kind);
            Map<Cell, RecordSums> totals = new HashMap<>();
            cells.forEach((cell, sums) -> totals.merge(Cell.total(cell.bucket()), sums, (a, b) -> {
                BigDecimal[] merged = new BigDecimal[a.columns().length];
                for (int i = 0; i < merged.length; i++) {
                    merged[i] = columns.get(i).merge(a.column(i), b.column(i));
                }
                return new RecordSums(a.records() + b.records(), merged);
            }));
            records.put(kind, totals);
        });
        Map<Cell, Map<String, PushedFigures>> totals = new HashMap<>();
        figures.pushed().forEach((cell, byMetric) -> {
            Map<String, PushedFigures> total = totals.computeIfAbsent(Cell.total(cell.bucket()), k -> new HashMap<>());
            byMetric.forEach((metric, p) -> total.merge(metric, p.withoutLatest(), PushedFigures::plus));
        });
        return new SourceFigures(records, totals);
    }

    /**
     * Replaces each corrected day's figure: the period (bucket) value of the agent — and, with totals, of the scope's
     * total — moves by the corrected figure minus what the day gave ({@code days}: the agents' values per day without
     * corrections). The sample count stays that of the records.
     */
    static void applyCorrections(List<DayCorrection> fixes, Map<Cell, Map<String, MetricAggregate>> days,
                                 boolean totals, Map<Cell, Map<String, MetricAggregate>> result) {
        for (DayCorrection fix : fixes) {
            MetricAggregate was = days.getOrDefault(new Cell(fix.employeeId(), fix.date().toString()), Map.of())
                    .get(fix.metricCode());
            BigDecimal delta = fix.value().subtract(was == null ? BigDecimal.ZERO : was.value());
            shift(result, new Cell(fix.employeeId(), fix.bucket()), fix.metricCode(), delta);
            if (totals) {
                shift(result, Cell.total(fix.bucket()), fix.metricCode(), delta);
            }
        }
    }

    private static void shift(Map<Cell, Map<String, MetricAggregate>> result, Cell cell, String metric,
                              BigDecimal delta) {
        Map<String, MetricAggregate> values = result.computeIfAbsent(cell, k -> new LinkedHashMap<>());
        MetricAggregate v = values.get(metric);
        values.put(metric, new MetricAggregate(plain((v == null ? BigDecimal.ZERO : v.value()).add(delta)),
                v == null ? 0 : v.samples()));
    }

    /** A column's value in the cell, null when the cell has no record of the kind or no record had a value. */
    private static BigDecimal rawColumn(RecordSums[] records, ColumnRef at) {
        RecordSums sums = records[at.kind().ordinal()];
        return sums == null ? null : sums.column(at.index());
    }

    private static BigDecimal column(RecordSums[] records, ColumnRef at) {
        return orZero(rawColumn(records, at));
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
