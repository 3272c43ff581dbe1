package io.perfcenter.metrics.aggregate;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.aggregate.AggregatePayloads.AgentAggregates;
import io.perfcenter.metrics.aggregate.AggregatePayloads.Granularity;
import io.perfcenter.metrics.aggregate.AggregatePayloads.MetricAggregate;
import io.perfcenter.metrics.aggregate.AggregatePayloads.TrendPoint;
import io.perfcenter.metrics.catalog.Derivation;
import io.perfcenter.metrics.catalog.Derivation.Measure;
import io.perfcenter.metrics.catalog.DerivationSql;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.catalog.MetricDefinition.Aggregation;
import io.perfcenter.metrics.ingest.RecordKind;
import io.perfcenter.metrics.org.OrgService;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Period values of metrics, computed in SQL from raw records and pushed values.
 *
 * <p>A derived metric is {@code (numerator − subtract) / denominator × scale} of sums over the scope's records in
 * the period, so a unit's value is a ratio of the unit's sums (a group's AHT is its handle seconds over its calls).
 * Records count for a unit only while their agent belonged to it (effective-dated membership).
 *
 * <p>Pushed (pre-aggregated) values combine with derived figures by one rule: on an agent-day for which raw records
 * of the metric's kind exist, the derived figure stands and a pushed value is ignored (both describe the same
 * activity); on other days pushed values count — SUM adds them, MEAN/RATIO/WEIGHTED_MEAN weigh each by its weight
 * (default 1) against the derived denominator, MAX/MIN take the extreme, LATEST the last pushed value.
 *
 * <p>A value's {@code samples} are the records that contributed to it (see {@link DerivationSql#sampleExpression})
 * plus the pushed values used.
 *
 * <p>A data correction (correction/, decided on an appeal) replaces an agent's figure of a summed metric on one
 * day, whatever the day's records and pushed values gave; units and trends follow.
 */
@ApplicationScoped
public class AggregateService {

    private static final Logger LOG = Logger.getLogger(AggregateService.class);

    private final AgroalDataSource dataSource;
    private final OrgService org;

    AggregateService(AgroalDataSource dataSource, OrgService org) {
        this.dataSource = dataSource;
        this.org = org;
    }

    /** Where a value stands: an agent (null employee for the scope's total) and a bucket. */
    record Cell(String employeeId, String bucket) {
    }

    /** Every agent who belonged to the unit during [from, to], with the values the period has for them. */
    public Result forUnit(String unitCode, List<String> metrics, LocalDate from, LocalDate to) {
        List<MetricDefinition> defs = definitions(metrics);
        org.unit(unitCode);
        Map<String, Map<String, MetricAggregate>> byAgent = new TreeMap<>();
        Map<String, String> units = new HashMap<>();
        Map<Cell, Map<String, MetricAggregate>> cells = compute(new AggregateScope.Unit(unitCode), defs, from, to,
                Bucketing.whole(from), true, null, units);
        String bucket = from.toString();
        cells.forEach((cell, values) -> {
            if (cell.employeeId() != null) {
                byAgent.computeIfAbsent(cell.employeeId(), k -> new LinkedHashMap<>()).putAll(values);
            }
        });
        List<AgentAggregates> agents = byAgent.entrySet().stream()
                .map(e -> new AgentAggregates(e.getKey(), e.getValue(), null, units.get(e.getKey()))).toList();
        return new Result(agents, cells.getOrDefault(new Cell(null, bucket), new LinkedHashMap<>()));
    }

    public record Result(List<AgentAggregates> agents, Map<String, MetricAggregate> total) {
    }

    /**
     * The agent's period values; with {@code within} (the units a leader sees the agent through, see
     * {@link AggregateScope.AgentsIn}) only the records of the days they belonged to one of those units.
     */
    public AgentAggregates forAgent(String employeeId, List<String> within, List<String> metrics, LocalDate from,
                                    LocalDate to) {
        List<MetricDefinition> defs = definitions(metrics);
        org.agent(employeeId);
        AggregateScope scope = within == null ? new AggregateScope.Agent(employeeId)
                : new AggregateScope.AgentsIn(List.of(employeeId), within);
        Map<Cell, Map<String, MetricAggregate>> cells = compute(scope, defs, from,
                to, Bucketing.whole(from), false, Set.of(employeeId));
        return new AgentAggregates(employeeId, cells.getOrDefault(new Cell(employeeId, from.toString()),
                new LinkedHashMap<>()));
    }

    /** Fails with 404 for an unknown unit or agent. */
    public void exists(AggregateScope scope) {
        if (scope instanceof AggregateScope.Unit u) {
            org.unit(u.code());
        } else if (scope instanceof AggregateScope.Agent a) {
            org.agent(a.employeeId());
        } else if (scope instanceof AggregateScope.AgentsIn a) {
            a.employeeIds().forEach(org::agent);
        }
    }

    /** The scope's values per day, week, month, quarter or year of the range. */
    public List<TrendPoint> trend(AggregateScope scope, List<String> metrics, LocalDate from, LocalDate to,
                                  Granularity granularity) {
        List<MetricDefinition> defs = definitions(metrics);
        boolean unit = scope instanceof AggregateScope.Unit;
        Map<Cell, Map<String, MetricAggregate>> cells = compute(scope, defs, from, to, Bucketing.by(granularity),
                unit, Set.of());
        TreeMap<LocalDate, Map<String, MetricAggregate>> series = new TreeMap<>();
        for (LocalDate start = truncate(from, granularity); !start.isAfter(to); start = next(start, granularity)) {
            series.put(start, new LinkedHashMap<>());
        }
        cells.forEach((cell, values) -> {
            if (unit == (cell.employeeId() == null)) {
                series.computeIfAbsent(LocalDate.parse(cell.bucket()), k -> new LinkedHashMap<>()).putAll(values);
            }
        });
        List<TrendPoint> points = new ArrayList<>();
        series.forEach((start, values) -> {
            LocalDate end = next(start, granularity).minusDays(1);
            points.add(new TrendPoint(start.isBefore(from) ? from : start, end.isAfter(to) ? to : end, values));
        });
        return points;
    }

    /**
     * Per agent, per window: the values of the agents in each of the windows (for baselines); with {@code within}
     * only those of the days they belonged to one of those units.
     */
    Map<Cell, Map<String, MetricAggregate>> perWindow(List<String> agents, List<String> within, List<String> metrics,
                                                      List<LocalDate[]> windows) {
        if (agents.isEmpty() || windows.isEmpty()) {
            return Map.of();
        }
        AggregateScope scope = within == null ? new AggregateScope.Agents(agents)
                : new AggregateScope.AgentsIn(agents, within);
        return compute(scope, definitions(metrics), windows.get(0)[0],
                windows.get(windows.size() - 1)[1], Bucketing.windows(windows), false, Set.of());
    }

    static LocalDate truncate(LocalDate day, Granularity g) {
        return switch (g) {
            case DAY -> day;
            case WEEK -> day.with(java.time.DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.with(TemporalAdjusters.firstDayOfYear());
        };
    }

    static LocalDate next(LocalDate start, Granularity g) {
        return switch (g) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    // ---- the engine -------------------------------------------------------------------------------------------

    /** Columns each record kind has to sum for the requested metrics, and where each metric finds its parts. */
    private static final class Plan {
        final Map<RecordKind, List<String>> expressions = new EnumMap<>(RecordKind.class);
        final Map<RecordKind, List<Derivation.Function>> functions = new EnumMap<>(RecordKind.class);
        final Map<String, int[]> parts = new HashMap<>();   // metric -> [numKind, numCol, subKind, subCol, denKind, denCol]
        final Map<String, List<int[]>> samples = new HashMap<>();   // metric -> [kind, col] of each sample count
        final Map<RecordKind, List<String>> derivedCodes = new EnumMap<>(RecordKind.class);

        Plan(List<MetricDefinition> defs) {
            for (MetricDefinition d : defs) {
                Derivation v = d.derivation;
                if (v == null) {
                    continue;
                }
                int[] p = {-1, -1, -1, -1, -1, -1};
                place(v.numerator(), p, 0);
                if (v.subtract() != null) {
                    place(v.subtract(), p, 2);
                }
                if (v.denominator() != null) {
                    place(v.denominator(), p, 4);
                }
                parts.put(d.code, p);
                samples.put(d.code, samplesOf(v));
                derivedCodes.computeIfAbsent(RecordKind.values()[p[0]], k -> new ArrayList<>()).add(d.code);
            }
        }

        private void place(Measure m, int[] p, int at) {
            RecordKind kind = DerivationSql.kind(m, "derivation");
            p[at] = kind.ordinal();
            p[at + 1] = column(kind, DerivationSql.expression(m), m.function());
        }

        /**
         * Where a metric's sample counts are: the records that contributed to its denominator (what the value is an
         * average or ratio over), or, without one, to its numerator or subtracted part — per record kind.
         */
        private List<int[]> samplesOf(Derivation v) {
            List<Measure> sampled = v.denominator() != null ? List.of(v.denominator())
                    : v.subtract() == null ? List.of(v.numerator()) : List.of(v.numerator(), v.subtract());
            Map<RecordKind, List<Measure>> byKind = new EnumMap<>(RecordKind.class);
            sampled.forEach(m -> byKind.computeIfAbsent(DerivationSql.kind(m, "derivation"), k -> new ArrayList<>())
                    .add(m));
            List<int[]> at = new ArrayList<>();
            byKind.forEach((kind, measures) -> at.add(new int[]{kind.ordinal(),
                    column(kind, DerivationSql.sampleExpression(measures), Derivation.Function.COUNT)}));
            return at;
        }

        private int column(RecordKind kind, String sql, Derivation.Function function) {
            List<String> list = expressions.computeIfAbsent(kind, k -> new ArrayList<>());
            int i = list.indexOf(sql);
            if (i < 0) {
                list.add(sql);
                functions.computeIfAbsent(kind, k -> new ArrayList<>()).add(function);
                i = list.size() - 1;
            }
            return i;
        }
    }

    /** Sums of one kind's records in a cell. */
    private record KindSums(long records, BigDecimal[] sums) {
    }

    /** What pushed values of one metric contribute to a cell. */
    private record Pushed(BigDecimal sum, BigDecimal weightedSum, BigDecimal weight, BigDecimal max, BigDecimal min,
                          BigDecimal latest, long count) {
    }

    /**
     * A unit's agents with the part [from, to) of the range they belonged to it (an agent may have several) and the
     * (sub-)unit of each part.
     */
    private record Members(String[] employees, LocalDate[] from, LocalDate[] to, String[] units) {
        Set<String> agents() {
            return new LinkedHashSet<>(List.of(employees));
        }

        /** The unit of each agent's last part (parts come ordered by agent and start). */
        Map<String, String> lastUnits() {
            Map<String, String> last = new HashMap<>();
            for (int i = 0; i < employees.length; i++) {
                last.put(employees[i], units[i]);
            }
            return last;
        }
    }

    /** The agents' memberships of the units overlapping [from, to], cut to the range (ends exclusive). */
    private Members membersIn(Connection c, AggregateScope.AgentsIn scope, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT m.employee_id, greatest(m.valid_from, ?), least(coalesce(m.valid_to, 'infinity'::date), ?),
                       m.unit_code
                FROM membership m
                WHERE m.employee_id = ANY(?) AND m.unit_code = ANY(?) AND m.valid_from <= ?
                  AND (m.valid_to IS NULL OR m.valid_to > ?)
                ORDER BY m.employee_id, m.valid_from""")) {
            st.setObject(1, from);
            st.setObject(2, to.plusDays(1));
            st.setArray(3, c.createArrayOf("text", scope.employeeIds().toArray()));
            st.setArray(4, c.createArrayOf("text", scope.unitCodes().toArray()));
            st.setObject(5, to);
            st.setObject(6, from);
            return readMembers(st);
        }
    }

    private Members members(Connection c, String unit, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                WITH RECURSIVE units AS (
                    SELECT code FROM org_unit WHERE code = ?
                    UNION SELECT u.code FROM org_unit u JOIN units ON u.parent_code = units.code)
                SELECT m.employee_id, greatest(m.valid_from, ?), least(coalesce(m.valid_to, 'infinity'::date), ?),
                       m.unit_code
                FROM membership m
                WHERE m.unit_code IN (SELECT code FROM units) AND m.valid_from <= ?
                  AND (m.valid_to IS NULL OR m.valid_to > ?)
                ORDER BY m.employee_id, m.valid_from""")) {
            st.setString(1, unit);
            st.setObject(2, from);
            st.setObject(3, to.plusDays(1));
            st.setObject(4, to);
            st.setObject(5, from);
            return readMembers(st);
        }
    }

    private static Members readMembers(PreparedStatement st) throws SQLException {
        List<String> employees = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        List<String> units = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                employees.add(rs.getString(1));
                starts.add(rs.getObject(2, LocalDate.class));
                ends.add(rs.getObject(3, LocalDate.class));
                units.add(rs.getString(4));
            }
        }
        return new Members(employees.toArray(String[]::new), starts.toArray(LocalDate[]::new),
                ends.toArray(LocalDate[]::new), units.toArray(String[]::new));
    }

    /**
     * The values of every cell: one per agent and bucket and, with {@code totals}, the scope's own cell per bucket
     * (employee null), summed from the agents' sums — every measure is a count, sum, max or
     * min, so the unit's value is exactly what one query over all its records would give. {@code knownAgents}:
     * agents listed even without data (null: the unit's members).
     */
    private Map<Cell, Map<String, MetricAggregate>> compute(AggregateScope scope, List<MetricDefinition> defs,
                                                            LocalDate from, LocalDate to, Bucketing bucketing,
                                                            boolean totals, Set<String> knownAgents) {
        return compute(scope, defs, from, to, bucketing, totals, knownAgents, null);
    }

    /** As above; fills {@code lastUnits} (when given) with the unit each member of a unit scope was in last. */
    private Map<Cell, Map<String, MetricAggregate>> compute(AggregateScope scope, List<MetricDefinition> defs,
                                                            LocalDate from, LocalDate to, Bucketing bucketing,
                                                            boolean totals, Set<String> knownAgents,
                                                            Map<String, String> lastUnits) {
        return compute(scope, defs, from, to, bucketing, totals, knownAgents, lastUnits, true);
    }

    /** With {@code corrected} false, data corrections are left out (the figures they replace). */
    private Map<Cell, Map<String, MetricAggregate>> compute(AggregateScope scope, List<MetricDefinition> defs,
                                                            LocalDate from, LocalDate to, Bucketing bucketing,
                                                            boolean totals, Set<String> knownAgents,
                                                            Map<String, String> lastUnits, boolean corrected) {
        long began = System.nanoTime();
        List<DayCorrection> fixes = List.of();
        Plan plan = new Plan(defs);
        Map<RecordKind, Map<Cell, KindSums>> derived = new EnumMap<>(RecordKind.class);
        Map<Cell, Map<String, Pushed>> pushed;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                // per-agent hash aggregates over a month of a large center do not fit the default 4 MB
                st.execute("SET LOCAL work_mem = '64MB'");
            }
            Members members = scope instanceof AggregateScope.Unit u ? members(c, u.code(), from, to)
                    : scope instanceof AggregateScope.AgentsIn a ? membersIn(c, a, from, to) : null;
            if (knownAgents == null) {
                knownAgents = members == null ? Set.of() : members.agents();
            }
            if (lastUnits != null && members != null) {
                lastUnits.putAll(members.lastUnits());
            }
            for (var e : plan.expressions.entrySet()) {
                derived.put(e.getKey(), kindSums(c, scope, members, e.getKey(), e.getValue(), from, to, bucketing));
            }
            pushed = pushed(c, scope, members, defs, plan, from, to, bucketing);
            if (corrected) {
                fixes = corrections(c, scope, members, defs, from, to, bucketing);
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute aggregates", e);
        }
        LOG.debugf("aggregate SQL for %d metrics took %d ms", defs.size(), (System.nanoTime() - began) / 1_000_000);
        if (totals) {
            derived.forEach((kind, cells) -> addTotals(cells, plan.functions.get(kind)));
            addPushedTotals(pushed);
        }
        Set<Cell> cells = new LinkedHashSet<>();
        derived.values().forEach(m -> cells.addAll(m.keySet()));
        cells.addAll(pushed.keySet());
        if (!knownAgents.isEmpty()) {
            // whole-range queries list every known agent (and the total), so counts can say 0
            for (String agent : knownAgents) {
                cells.add(new Cell(agent, from.toString()));
            }
            if (totals) {
                cells.add(new Cell(null, from.toString()));
            }
        }
        Map<Cell, Map<String, MetricAggregate>> result = new LinkedHashMap<>();
        for (Cell cell : cells) {
            Map<String, MetricAggregate> values = new LinkedHashMap<>();
            Map<String, Pushed> cellPushed = pushed.getOrDefault(cell, Map.of());
            for (MetricDefinition d : defs) {
                MetricAggregate value = combine(d, plan.parts.get(d.code), plan.samples.get(d.code), derived, cell,
                        cellPushed.get(d.code), cell.employeeId() == null);
                if (value != null) {
                    values.put(d.code, value);
                }
            }
            if (!values.isEmpty() || (cell.employeeId() != null && knownAgents.contains(cell.employeeId()))) {
                result.put(cell, values);
            }
        }
        if (!fixes.isEmpty()) {
            applyCorrections(fixes, defs, totals, result);
        }
        return result;
    }

    // ---- data corrections (correction/): a day's figure of a summed metric, as decided on an appeal --------------

    /** A correction in force within the scope: whose, which metric and day, the bucket the day is in, the figure. */
    private record DayCorrection(String employeeId, String metricCode, LocalDate date, String bucket,
                                 BigDecimal value) {
    }

    private List<DayCorrection> corrections(Connection c, AggregateScope scope, Members members,
                                            List<MetricDefinition> defs, LocalDate from, LocalDate to,
                                            Bucketing bucketing) throws SQLException {
        List<String> summed = defs.stream().filter(d -> d.aggregation == Aggregation.SUM).map(d -> d.code).toList();
        if (summed.isEmpty()) {
            return List.of();
        }
        // a unit counts a correction only on a day the agent belonged to it, like the records it replaces
        StringBuilder sql = new StringBuilder("SELECT d.employee_id, d.metric_code, d.value_date, ")
                .append(bucketing.sql("d.value_date")).append(", d.value FROM data_correction d ");
        if (members != null) {
            sql.append(MEMBER_JOIN.formatted("d", "value_date"));
        }
        sql.append("WHERE d.withdrawn_at IS NULL AND d.metric_code = ANY(?) AND d.value_date BETWEEN ? AND ? ");
        appendAgentFilter(sql, scope, "d.employee_id");
        List<DayCorrection> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            int next = bindMembers(c, st, members, 1);
            st.setArray(next++, c.createArrayOf("text", summed.toArray()));
            st.setObject(next++, from);
            st.setObject(next++, to);
            bindAgents(c, st, scope, next);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(4) != null) {
                        out.add(new DayCorrection(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                                rs.getString(4), rs.getBigDecimal(5)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Replaces each corrected day's figure: the period (bucket) value of the agent — and of the scope's total — moves
     * by the corrected figure minus what the day's records and pushed values gave. The sample count stays that of
     * the records.
     */
    private void applyCorrections(List<DayCorrection> fixes, List<MetricDefinition> defs, boolean totals,
                                  Map<Cell, Map<String, MetricAggregate>> result) {
        List<String> agents = fixes.stream().map(DayCorrection::employeeId).distinct().toList();
        Set<String> metrics = new LinkedHashSet<>(fixes.stream().map(DayCorrection::metricCode).toList());
        LocalDate first = fixes.stream().map(DayCorrection::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = fixes.stream().map(DayCorrection::date).max(LocalDate::compareTo).orElseThrow();
        Map<Cell, Map<String, MetricAggregate>> days = compute(new AggregateScope.Agents(agents),
                defs.stream().filter(d -> metrics.contains(d.code)).toList(), first, last,
                Bucketing.by(Granularity.DAY), false, Set.of(), null, false);
        for (DayCorrection fix : fixes) {
            MetricAggregate was = days.getOrDefault(new Cell(fix.employeeId(), fix.date().toString()), Map.of())
                    .get(fix.metricCode());
            BigDecimal delta = fix.value().subtract(was == null ? BigDecimal.ZERO : was.value());
            shift(result, new Cell(fix.employeeId(), fix.bucket()), fix.metricCode(), delta);
            if (totals) {
                shift(result, new Cell(null, fix.bucket()), fix.metricCode(), delta);
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

    private static void addTotals(Map<Cell, KindSums> cells, List<Derivation.Function> functions) {
        Map<Cell, KindSums> totals = new HashMap<>();
        cells.forEach((cell, k) -> {
            Cell total = new Cell(null, cell.bucket());
            KindSums t = totals.get(total);
            if (t == null) {
                totals.put(total, new KindSums(k.records(), k.sums().clone()));
                return;
            }
            BigDecimal[] sums = t.sums();
            for (int i = 0; i < sums.length; i++) {
                sums[i] = merge(functions.get(i), sums[i], k.sums()[i]);
            }
            totals.put(total, new KindSums(t.records() + k.records(), sums));
        });
        cells.putAll(totals);
    }

    private static BigDecimal merge(Derivation.Function f, BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return switch (f) {
            case COUNT, SUM -> a.add(b);
            case MAX -> a.max(b);
            case MIN -> a.min(b);
        };
    }

    private static void addPushedTotals(Map<Cell, Map<String, Pushed>> pushed) {
        Map<Cell, Map<String, Pushed>> totals = new HashMap<>();
        pushed.forEach((cell, byMetric) -> {
            Map<String, Pushed> t = totals.computeIfAbsent(new Cell(null, cell.bucket()), k -> new HashMap<>());
            byMetric.forEach((metric, p) -> t.merge(metric, new Pushed(p.sum(), p.weightedSum(), p.weight(), p.max(),
                    p.min(), null, p.count()), (a, b) -> new Pushed(a.sum().add(b.sum()),
                    a.weightedSum().add(b.weightedSum()), a.weight().add(b.weight()), a.max().max(b.max()),
                    a.min().min(b.min()), null, a.count() + b.count())));
        });
        pushed.putAll(totals);
    }

    private static MetricAggregate combine(MetricDefinition d, int[] parts, List<int[]> sampleParts,
                                           Map<RecordKind, Map<Cell, KindSums>> derived, Cell cell, Pushed p,
                                           boolean total) {
        Aggregation agg = d.aggregation;
        if (agg == Aggregation.LATEST) {
            // "latest" of a unit has no meaning: the unit total leaves such metrics out
            return p == null || total || p.latest() == null ? null : new MetricAggregate(plain(p.latest()), p.count());
        }
        long samples = p == null ? 0 : p.count();
        BigDecimal num = null;
        BigDecimal den = null;
        if (parts != null) {
            for (int[] at : sampleParts) {
                samples += part(derived, at, 0, cell).longValueExact();
            }
            num = part(derived, parts, 0, cell);
            if (parts[2] >= 0) {
                num = num.subtract(part(derived, parts, 2, cell));
            }
            num = num.multiply(d.derivation.scaleOrOne());
            if (parts[4] >= 0) {
                den = part(derived, parts, 4, cell);
            }
        }
        switch (agg) {
            case SUM -> {
                if (parts == null && p == null) {
                    return null;
                }
                BigDecimal v = (num == null ? BigDecimal.ZERO : num).add(p == null ? BigDecimal.ZERO : p.sum());
                return new MetricAggregate(plain(v), samples);
            }
            case MAX, MIN -> {
                KindSums k = parts == null ? null : sums(derived, parts[0], cell);
                BigDecimal v = k == null || k.sums()[parts[1]] == null ? null : num;
                BigDecimal q = p == null ? null : agg == Aggregation.MAX ? p.max() : p.min();
                if (v == null) {
                    v = q;
                } else if (q != null) {
                    v = agg == Aggregation.MAX ? v.max(q) : v.min(q);
                }
                return v == null ? null : new MetricAggregate(plain(v), samples);
            }
            default -> {
                BigDecimal top = (num == null ? BigDecimal.ZERO : num).add(p == null ? BigDecimal.ZERO : p.weightedSum());
                BigDecimal bottom = (den == null ? BigDecimal.ZERO : den).add(p == null ? BigDecimal.ZERO : p.weight());
                if (bottom.signum() == 0) {
                    return null;
                }
                return new MetricAggregate(plain(top.divide(bottom, 4, RoundingMode.HALF_UP)), samples);
            }
        }
    }

    private static KindSums sums(Map<RecordKind, Map<Cell, KindSums>> derived, int kind, Cell cell) {
        Map<Cell, KindSums> m = derived.get(RecordKind.values()[kind]);
        return m == null ? null : m.get(cell);
    }

    private static BigDecimal part(Map<RecordKind, Map<Cell, KindSums>> derived, int[] parts, int at, Cell cell) {
        KindSums k = sums(derived, parts[at], cell);
        BigDecimal v = k == null ? null : k.sums()[parts[at + 1]];
        return v == null ? BigDecimal.ZERO : v;
    }

    // the unit's membership windows as arrays: a parameter join keeps the scan parallel (a CTE would not)
    private static final String MEMBER_JOIN = "JOIN unnest(?::text[], ?::date[], ?::date[]) AS mb(employee_id, f, t) "
            + "ON mb.employee_id = %1$s.employee_id AND %1$s.%2$s >= mb.f AND %1$s.%2$s < mb.t ";

    private Map<Cell, KindSums> kindSums(Connection c, AggregateScope scope, Members members, RecordKind kind,
                                         List<String> exprs, LocalDate from, LocalDate to, Bucketing bucketing)
            throws SQLException {
        String bucket = bucketing.sql("r.activity_date");
        StringBuilder sql = new StringBuilder("SELECT r.employee_id, ").append(bucket).append(" AS bucket, count(*)");
        exprs.forEach(e -> sql.append(", ").append(e));
        sql.append(" FROM ").append(kind.table()).append(" r ");
        if (members != null) {
            sql.append(MEMBER_JOIN.formatted("r", "activity_date"));
        }
        sql.append("WHERE r.activity_date BETWEEN DATE '").append(from).append("' AND DATE '").append(to).append("' ");
        appendAgentFilter(sql, scope, "r.employee_id");
        sql.append("GROUP BY r.employee_id").append(bucketing.constant() ? "" : ", " + bucket);
        Map<Cell, KindSums> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            bindAgents(c, st, scope, bindMembers(c, st, members, 1));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    BigDecimal[] sums = new BigDecimal[exprs.size()];
                    for (int i = 0; i < sums.length; i++) {
                        sums[i] = rs.getBigDecimal(4 + i);
                    }
                    out.put(new Cell(rs.getString(1), rs.getString(2)), new KindSums(rs.getLong(3), sums));
                }
            }
        }
        return out;
    }

    private Map<Cell, Map<String, Pushed>> pushed(Connection c, AggregateScope scope, Members members,
                                                  List<MetricDefinition> defs, Plan plan, LocalDate from,
                                                  LocalDate to, Bucketing bucketing) throws SQLException {
        List<String> codes = defs.stream().map(d -> d.code).toList();
        if (!anyPushed(c, codes, from, to)) {
            return new HashMap<>();
        }
        String bucket = bucketing.sql("v.value_date");
        // agent-days with raw records of a derived metric's kind: there the derived figure stands
        List<String> ctes = new ArrayList<>();
        List<String> rawDays = new ArrayList<>();
        for (var e : plan.derivedCodes.entrySet()) {
            String name = "raw_" + e.getKey().name().toLowerCase();
            StringBuilder cte = new StringBuilder(name).append(" AS (SELECT DISTINCT r.employee_id, r.activity_date FROM ")
                    .append(e.getKey().table()).append(" r WHERE r.activity_date BETWEEN DATE '").append(from)
                    .append("' AND DATE '").append(to).append("' ");
            appendAgentFilter(cte, scope, "r.employee_id");
            ctes.add(cte.append(")").toString());
            rawDays.add(name);
        }
        StringBuilder sql = new StringBuilder();
        if (!ctes.isEmpty()) {
            sql.append("WITH ").append(String.join(", ", ctes));
        }
        sql.append(" SELECT v.employee_id, ").append(bucket).append(" AS bucket, v.metric_code, sum(v.value), ")
                .append("sum(v.value * coalesce(v.weight, 1)), sum(coalesce(v.weight, 1)), max(v.value), ")
                .append("min(v.value), (array_agg(v.value ORDER BY v.value_date DESC, v.received_at DESC))[1], ")
                .append("count(*) FROM metric_value v ");
        if (members != null) {
            sql.append(MEMBER_JOIN.formatted("v", "value_date"));
        }
        for (String name : rawDays) {
            sql.append("LEFT JOIN ").append(name).append(" ON ").append(name).append(".employee_id = v.employee_id AND ")
                    .append(name).append(".activity_date = v.value_date ");
        }
        sql.append("WHERE v.metric_code = ANY(?) AND v.value_date BETWEEN DATE '").append(from)
                .append("' AND DATE '").append(to).append("' ");
        appendAgentFilter(sql, scope, "v.employee_id");
        int i = 0;
        for (var e : plan.derivedCodes.entrySet()) {
            String name = rawDays.get(i++);
            sql.append("AND NOT (v.metric_code IN (")
                    .append(String.join(", ", e.getValue().stream().map(AggregateService::codeLiteral).toList()))
                    .append(") AND ").append(name).append(".employee_id IS NOT NULL) ");
        }
        sql.append("GROUP BY v.employee_id, ").append(bucketing.constant() ? "" : bucket + ", ").append("v.metric_code");
        Map<Cell, Map<String, Pushed>> out = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(sql.toString())) {
            int next = 1;
            // the raw-day CTEs repeat the agent filter
            for (int k = 0; k < rawDays.size(); k++) {
                next = bindAgents(c, st, scope, next);
            }
            next = bindMembers(c, st, members, next);
            st.setArray(next++, c.createArrayOf("text", codes.toArray()));
            bindAgents(c, st, scope, next);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(new Cell(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
                            .put(rs.getString(3), new Pushed(rs.getBigDecimal(4), rs.getBigDecimal(5),
                                    rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                                    rs.getBigDecimal(9), rs.getLong(10)));
                }
            }
        }
        return out;
    }

    private static boolean anyPushed(Connection c, List<String> codes, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM metric_value WHERE metric_code "
                + "= ANY(?) AND value_date BETWEEN ? AND ?)")) {
            st.setArray(1, c.createArrayOf("text", codes.toArray()));
            st.setObject(2, from);
            st.setObject(3, to);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static void appendAgentFilter(StringBuilder sql, AggregateScope scope, String column) {
        if (scope instanceof AggregateScope.Agent) {
            sql.append("AND ").append(column).append(" = ? ");
        } else if (scope instanceof AggregateScope.Agents || scope instanceof AggregateScope.AgentsIn) {
            sql.append("AND ").append(column).append(" = ANY(?) ");
        }
    }

    private static int bindMembers(Connection c, PreparedStatement st, Members members, int next) throws SQLException {
        if (members == null) {
            return next;
        }
        st.setArray(next++, c.createArrayOf("text", members.employees()));
        st.setArray(next++, c.createArrayOf("date", members.from()));
        st.setArray(next++, c.createArrayOf("date", members.to()));
        return next;
    }

    private static int bindAgents(Connection c, PreparedStatement st, AggregateScope scope, int next)
            throws SQLException {
        if (scope instanceof AggregateScope.Agent a) {
            st.setString(next++, a.employeeId());
        } else if (scope instanceof AggregateScope.Agents a) {
            st.setArray(next++, c.createArrayOf("text", a.employeeIds().toArray()));
        } else if (scope instanceof AggregateScope.AgentsIn a) {
            st.setArray(next++, c.createArrayOf("text", a.employeeIds().toArray()));
        }
        return next;
    }

    private static String codeLiteral(String code) {
        if (!code.matches("[a-z][a-z0-9_]{0,63}")) {
            throw new IllegalStateException("unexpected metric code " + code);
        }
        return "'" + code + "'";
    }

    // 310.0000 -> 310, not 3.1E+2
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    List<MetricDefinition> definitions(List<String> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            throw Problems.invalid("metric", "name at least one metric");
        }
        List<MetricDefinition> defs = new ArrayList<>();
        for (String code : new LinkedHashSet<>(metrics)) {
            MetricDefinition d = MetricDefinition.findById(code);
            if (d == null) {
                throw Problems.invalid("metric", "no metric " + code + " in the catalog");
            }
            defs.add(d);
        }
        return defs;
    }
}
