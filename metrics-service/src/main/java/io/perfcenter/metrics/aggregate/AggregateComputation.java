package io.perfcenter.metrics.aggregate;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.aggregate.AggregateCombiner.SourceFigures;
import io.perfcenter.metrics.aggregate.AggregatePayloads.Granularity;
import io.perfcenter.metrics.aggregate.AggregatePayloads.MetricAggregate;
import io.perfcenter.metrics.aggregate.AggregatePlan.Column;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.catalog.MetricDefinition.Aggregation;
import io.perfcenter.metrics.ingest.RecordKind;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

/**
 * Runs one aggregate: plans it ({@link AggregatePlan}), reads the scope's member windows, then each record kind's
 * {@link RecordSums}, the {@link PushedFigures} and the {@link DayCorrection}s as one statement
 * ({@link CombinedFigures}), in one read-only transaction (one agent's figures: the statement alone), and hands what
 * it read to {@link AggregateCombiner}. The only class of the package that touches the database.
 */
@ApplicationScoped
class AggregateComputation {

    private static final Logger LOG = Logger.getLogger(AggregateComputation.class);

    private final AgroalDataSource dataSource;
    private final AggregateLoad load;

    AggregateComputation(AgroalDataSource dataSource, AggregateLoad load) {
        this.dataSource = dataSource;
        this.load = load;
    }

    /**
     * What to compute: the metrics over [from, to] of the scope, split into buckets; with {@code totals} the scope's
     * own cell per bucket too. {@code knownAgents}: agents listed even without data (null: the unit's members);
     * {@code lastUnits}, when given, is filled with the unit each member of a unit scope was in last; with
     * {@code corrected} false, data corrections are left out (the figures they replace).
     */
    record Request(AggregateScope scope, List<MetricDefinition> metrics, LocalDate from, LocalDate to,
                   Bucketing bucketing, boolean totals, Set<String> knownAgents, Map<String, String> lastUnits,
                   boolean corrected, boolean checkAgent) {

        Request(AggregateScope scope, List<MetricDefinition> metrics, LocalDate from, LocalDate to,
                Bucketing bucketing, boolean totals, Set<String> knownAgents, Map<String, String> lastUnits,
                boolean corrected) {
            this(scope, metrics, from, to, bucketing, totals, knownAgents, lastUnits, corrected, false);
        }

        Request(AggregateScope scope, List<MetricDefinition> metrics, LocalDate from, LocalDate to,
                Bucketing bucketing, boolean totals, Set<String> knownAgents) {
            this(scope, metrics, from, to, bucketing, totals, knownAgents, null, true);
        }

        /**
         * One agent's figures ({@link AggregateScope.Agent}) that also fail with 404 when the agent is not in the
         * directory, asked in the same statement.
         */
        static Request agentChecked(AggregateScope.Agent scope, List<MetricDefinition> metrics, LocalDate from,
                                    LocalDate to, Set<String> knownAgents) {
            return new Request(scope, metrics, from, to, Bucketing.whole(from), false, knownAgents, null, true, true);
        }
    }

    /** The values of every cell: one per agent and bucket and, with totals, the scope's own per bucket. */
    Map<Cell, Map<String, MetricAggregate>> compute(Request request) {
        // a unit read someone waits for holds the scheduled scan back (AggregateLoad; not when the scan reads): this
        // JVM's by the counter, every replica's by the lock its transaction holds (computeNow)
        if (request.scope() instanceof AggregateScope.Unit) {
            return load.inForeground(() -> computeNow(request, true));
        }
        return computeNow(request, false);
    }

    /**
     * The agents who belonged to the unit or a unit below it at some day of [from, to], with those memberships cut
     * to the range (ends exclusive), as a unit read joins them ({@link MemberWindows#ofUnit}).
     */
    MemberWindows unitMembers(String unitCode, LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection()) {
            return MemberWindows.of(c, new AggregateScope.Unit(unitCode), from, to);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the unit's members", e);
        }
    }

    private Map<Cell, Map<String, MetricAggregate>> computeNow(Request request, boolean foreground) {
        long began = System.nanoTime();
        AggregatePlan plan = new AggregatePlan(request.metrics());
        Map<RecordKind, Map<Cell, RecordSums>> records = new EnumMap<>(RecordKind.class);
        Map<Cell, Map<String, PushedFigures>> pushed = new HashMap<>();
        List<DayCorrection> fixes = List.of();
        Set<String> knownAgents = request.knownAgents();
        LocalDate from = request.from();
        LocalDate to = request.to();
        AggregateScope scope = request.scope();
        List<String> codes = request.metrics().stream().map(d -> d.code).toList();
        List<String> summed = request.metrics().stream().filter(d -> d.aggregation == Aggregation.SUM)
                .map(d -> d.code).toList();
        try (Connection c = dataSource.getConnection()) {
            // one agent's figures are one statement (with whether the agent exists), one snapshot, sent in one round
            // trip with the setting that plans it once per connection (CombinedFigures.GENERIC_PLAN), whose
            // transaction (begun with it) the commit ends
            boolean alone = scope instanceof AggregateScope.Agent;
            c.setAutoCommit(false);
            if (!alone) {
                try (var st = c.createStatement()) {
                    // per-agent hash aggregates over a month of a large center do not fit the default 4 MB
                    st.execute("SET LOCAL work_mem = '64MB'");
                    // planned for the values bound (a whole-range agents' id list is hashed only as a constant,
                    // MemberWindows.joins), also once the driver has prepared the same text on this connection
                    st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                    // a statement run once: compiling it (JIT, past jit_above_cost: 0.17 s of the 1× run's 2.4 s
                    // statement, EXPLAIN ANALYZE) costs more than it saves
                    st.execute("SET LOCAL jit = off");
                    if (load.background()) {
                        // the scheduled scan: one core, PostgreSQL's parallel workers stay for the foreground
                        st.execute("SET LOCAL max_parallel_workers_per_gather = 0");
                    }
                }
                if (foreground) {
                    // a unit read: the foreground lock, shared, until the commit (a failed read's transaction ends
                    // when the pool takes the connection back), so that the scan of every replica waits meanwhile
                    load.holdForeground(c);
                }
            }
            MemberWindows members = MemberWindows.of(c, scope, from, to);
            if (knownAgents == null) {
                knownAgents = members == null ? Set.of() : members.agents();
            }
            if (request.lastUnits() != null && members != null) {
                request.lastUnits().putAll(members.lastUnits());
            }
            Map<RecordKind, SqlQuery> kinds = new EnumMap<>(RecordKind.class);
            Map<RecordKind, Integer> columns = new EnumMap<>(RecordKind.class);
            for (Entry<RecordKind, List<Column>> kind : plan.columns().entrySet()) {
                kinds.put(kind.getKey(), RecordSums.query(kind.getKey(), kind.getValue(), scope, members, from, to,
                        request.bucketing()));
                columns.put(kind.getKey(), kind.getValue().size());
            }
            SqlQuery pushedQuery = PushedFigures.query(codes, plan.derivedByKind(), scope, members, from, to,
                    request.bucketing());
            SqlQuery fixQuery = request.corrected() && !summed.isEmpty()
                    ? DayCorrection.query(summed, scope, members, from, to, request.bucketing()) : null;
            CombinedFigures.Figures figures;
            if (alone) {
                String agent = ((AggregateScope.Agent) scope).employeeId();
                figures = CombinedFigures.readGeneric(c, CombinedFigures.query(kinds, columns, codes, pushedQuery,
                        fixQuery, from, to, request.checkAgent() ? agent : null), columns, request.checkAgent());
            } else {
                figures = CombinedFigures.read(c, CombinedFigures.query(kinds, columns, codes, pushedQuery,
                        fixQuery, from, to), columns);
            }
            c.commit();
            if (!figures.agentFound()) {
                throw Problems.notFound("Agent", ((AggregateScope.Agent) scope).employeeId());
            }
            records.putAll(figures.records());
            pushed = figures.pushed();
            fixes = figures.fixes();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute aggregates", e);
        }
        LOG.debugf("aggregate SQL for %d metrics took %d ms", request.metrics().size(),
                (System.nanoTime() - began) / 1_000_000);
        Map<Cell, Map<String, MetricAggregate>> result = AggregateCombiner.combine(plan,
                new SourceFigures(records, pushed), request.totals(), knownAgents, from.toString());
        if (!fixes.isEmpty()) {
            AggregateCombiner.applyCorrections(fixes, uncorrectedDays(fixes, request.metrics()), request.totals(),
                    result);
        }
        return result;
    }

    /** The corrected agents' values per day of the corrected metrics, without corrections: what they replace. */
    private Map<Cell, Map<String, MetricAggregate>> uncorrectedDays(List<DayCorrection> fixes,
                                                                    List<MetricDefinition> defs) {
        List<String> agents = fixes.stream().map(DayCorrection::employeeId).distinct().toList();
        Set<String> metrics = new LinkedHashSet<>(fixes.stream().map(DayCorrection::metricCode).toList());
        LocalDate first = fixes.stream().map(DayCorrection::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = fixes.stream().map(DayCorrection::date).max(LocalDate::compareTo).orElseThrow();
        return compute(new Request(new AggregateScope.Agents(agents),
                defs.stream().filter(d -> metrics.contains(d.code)).toList(), first, last,
                Bucketing.by(Granularity.DAY), false, Set.of(), null, false));
    }
}
