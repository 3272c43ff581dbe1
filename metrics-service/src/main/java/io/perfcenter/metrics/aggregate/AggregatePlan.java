package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.catalog.Derivation;
import io.perfcenter.metrics.catalog.Derivation.Function;
import io.perfcenter.metrics.catalog.Derivation.Measure;
import io.perfcenter.metrics.catalog.DerivationSql;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.catalog.MetricDefinition.Aggregation;
import io.perfcenter.metrics.ingest.RecordKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an aggregate reads, planned from the metrics asked for: per record kind, the columns its one query sums
 * ({@link Column}: an SQL expression, shared by every metric that needs it); per metric, where its numerator,
 * subtracted part, denominator and sample counts are among those columns ({@link MetricParts}). A metric without a
 * derivation has no parts: its value comes from pushed values alone.
 */
final class AggregatePlan {

    /** One aggregate column of a record kind's query, and how two agents' values of it add up to a unit's. */
    record Column(String sql, Function function) {

        /** The unit's value from two of its agents' (null: the agent had no value). */
        BigDecimal merge(BigDecimal a, BigDecimal b) {
            if (a == null) {
                return b;
            }
            if (b == null) {
                return a;
            }
            return switch (function) {
                case COUNT, SUM -> a.add(b);
                case MAX -> a.max(b);
                case MIN -> a.min(b);
            };
        }
    }

    /** A column of a record kind's query: its position among the kind's columns. */
    record ColumnRef(RecordKind kind, int index) {
    }

    /**
     * How a metric's value is put together: {@code (numerator − subtract) / denominator × scale} from the planned
     * columns (subtract and denominator may be null; a metric without a derivation has a null numerator), its samples
     * the sum of the {@code samples} columns.
     */
    record MetricParts(String code, Aggregation aggregation, BigDecimal scale, ColumnRef numerator,
                       ColumnRef subtract, ColumnRef denominator, List<ColumnRef> samples) {

        boolean derived() {
            return numerator != null;
        }

        /** A metric that only arrives pushed. */
        static MetricParts pushedOnly(String code, Aggregation aggregation) {
            return new MetricParts(code, aggregation, BigDecimal.ONE, null, null, null, List.of());
        }
    }

    private final Map<RecordKind, List<Column>> columns = new EnumMap<>(RecordKind.class);
    private final List<MetricParts> metrics = new ArrayList<>();
    private final Map<RecordKind, List<String>> derivedByKind = new EnumMap<>(RecordKind.class);

    AggregatePlan(List<MetricDefinition> defs) {
        for (MetricDefinition d : defs) {
            Derivation v = d.derivation;
            if (v == null) {
                metrics.add(MetricParts.pushedOnly(d.code, d.aggregation));
                continue;
            }
            ColumnRef numerator = place(v.numerator());
            ColumnRef subtract = v.subtract() == null ? null : place(v.subtract());
            ColumnRef denominator = v.denominator() == null ? null : place(v.denominator());
            metrics.add(new MetricParts(d.code, d.aggregation, v.scaleOrOne(), numerator, subtract, denominator,
                    samplesOf(v)));
            derivedByKind.computeIfAbsent(numerator.kind(), k -> new ArrayList<>()).add(d.code);
        }
    }

    /** The metrics in the order asked for. */
    List<MetricParts> metrics() {
        return Collections.unmodifiableList(metrics);
    }

    /** The record kinds to read, in a fixed order, with the columns each kind's query sums. */
    Map<RecordKind, List<Column>> columns() {
        return Collections.unmodifiableMap(columns);
    }

    /**
     * The metrics derived from each record kind (that of their numerator): on an agent-day with records of that kind,
     * the derived figure stands and a pushed value of the metric is ignored.
     */
    Map<RecordKind, List<String>> derivedByKind() {
        return Collections.unmodifiableMap(derivedByKind);
    }

    private ColumnRef place(Measure m) {
        RecordKind kind = DerivationSql.kind(m, "derivation");
        return column(kind, DerivationSql.expression(m), m.function());
    }

    /**
     * Where a metric's sample counts are: the records that contributed to its denominator (what the value is an
     * average or ratio over), or, without one, to its numerator or subtracted part — per record kind.
     */
    private List<ColumnRef> samplesOf(Derivation v) {
        List<Measure> sampled = v.denominator() != null ? List.of(v.denominator())
                : v.subtract() == null ? List.of(v.numerator()) : List.of(v.numerator(), v.subtract());
        Map<RecordKind, List<Measure>> byKind = new EnumMap<>(RecordKind.class);
        sampled.forEach(m -> byKind.computeIfAbsent(DerivationSql.kind(m, "derivation"), k -> new ArrayList<>())
                .add(m));
        List<ColumnRef> at = new ArrayList<>();
        byKind.forEach((kind, measures) -> at.add(column(kind, DerivationSql.sampleExpression(measures),
                Function.COUNT)));
        return at;
    }

    /** The column computing {@code sql} over the kind's records, added when no metric needed it yet. */
    private ColumnRef column(RecordKind kind, String sql, Function function) {
        List<Column> list = columns.computeIfAbsent(kind, k -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).sql().equals(sql)) {
                return new ColumnRef(kind, i);
            }
        }
        list.add(new Column(sql, function));
        return new ColumnRef(kind, list.size() - 1);
    }
}
