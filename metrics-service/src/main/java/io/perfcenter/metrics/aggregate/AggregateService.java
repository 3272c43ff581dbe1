package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregateComputation.Request;
import io.perfcenter.metrics.aggregate.AggregatePayloads.AgentAggregates;
import io.perfcenter.metrics.aggregate.AggregatePayloads.Granularity;
import io.perfcenter.metrics.aggregate.AggregatePayloads.MetricAggregate;
import io.perfcenter.metrics.aggregate.AggregatePayloads.TrendPoint;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.org.OrgService;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Period values of metrics, as the resources ask for them: a unit's agents and total, one agent, a trend, the
 * windows of an anomaly baseline. A facade: it checks the metrics and the scope exist, and shapes the cells that
 * {@link AggregateComputation} computes. Where each rule lives:
 * <ul>
 * <li>which columns a metric needs and where its parts and samples are: {@link AggregatePlan};</li>
 * <li>the SQL, each query with its binds ({@link SqlQuery}): {@link MemberWindows} (a record counts for a unit only
 * while its agent belonged to it), {@link RecordSums} (a record kind's sums), {@link PushedFigures} (pushed values,
 * ignored on agent-days with raw records of the metric's kind), {@link DayCorrection} (data corrections), the last
 * three sent as one statement by {@link CombinedFigures};</li>
 * <li>ratios of sums, pushed weights, samples, unit totals, LATEST, corrections replacing a day:
 * {@link AggregateCombiner};</li>
 * <li>periods and trend buckets: {@link PeriodRange}; how numbers are written: {@link PlainNumbers}.</li>
 * </ul>
 */
@ApplicationScoped
public class AggregateService {

    private final AggregateComputation computation;
    private final OrgService org;
    /**
     * The definitions read so far, by code. What the aggregates use of a definition (its aggregation and derivation)
     * is fixed when it is created: retiring changes only when and by whom, a code is never used again, and only a
     * migration (before the service starts) rewrites one. So a definition once read answers every later read of this
     * replica, and one agent's month costs one statement (the figures) instead of two: the catalog's query through
     * Hibernate was a fifth of metrics-service's CPU samples while it answered one agent's reads. Codes not known
     * yet are always asked (a metric created a moment ago on another replica is found; an unknown code is a 400).
     */
    private final Map<String, MetricDefinition> known = new ConcurrentHashMap<>();

    AggregateService(AggregateComputation computation, OrgService org) {
        this.computation = computation;
        this.org = org;
    }

    /** Every agent who belonged to the unit during [from, to], with the values the period has for them. */
    public Result forUnit(String unitCode, List<String> metrics, LocalDate from, LocalDate to) {
        List<MetricDefinition> defs = definitions(metrics);
        org.unit(unitCode);
        Map<String, String> units = new HashMap<>();
        Map<Cell, Map<String, MetricAggregate>> cells = computation.compute(new Request(
                new AggregateScope.Unit(unitCode), defs, from, to, Bucketing.whole(from), true, null, units, true));
        Map<String, Map<String, MetricAggregate>> byAgent = new TreeMap<>();
        cells.forEach((cell, values) -> {
            if (!cell.isTotal()) {
                byAgent.computeIfAbsent(cell.employeeId(), k -> new LinkedHashMap<>()).putAll(values);
            }
        });
        List<AgentAggregates> agents = byAgent.entrySet().stream()
                .map(e -> new AgentAggregates(e.getKey(), e.getValue(), null, units.get(e.getKey()))).toList();
        return new Result(agents, cells.getOrDefault(Cell.total(from.toString()), new LinkedHashMap<>()));
    }

    public record Result(List<AgentAggregates> agents, Map<String, MetricAggregate> total) {
    }

    /**
     * A unit's agents over a range, by employee id, and the units (the unit or units below it) they belonged to in
     * it: what {@link #forUnitAgents} reads a part of the unit's agents through.
     */
    public record UnitMembers(String unitCode, List<String> agents, List<String> units) {
    }

    /** Every agent who belonged to the unit (or a unit below it) during [from, to], as {@link #forUnit} lists them. */
    public UnitMembers members(String unitCode, LocalDate from, LocalDate to) {
        org.unit(unitCode);
        MemberWindows windows = computation.unitMembers(unitCode, from, to);
        // ordered as forUnit orders its agents (a TreeMap of ids), not by the database's collation
        List<String> agents = new ArrayList<>(windows.agents());
        agents.sort(null);
        return new UnitMembers(unitCode, agents, List.copyOf(new LinkedHashSet<>(List.of(windows.units()))));
    }

    /**
     * Some of a unit's agents (of {@code unit}'s) with the values and the last unit {@link #forUnit} gives them: each
     * agent's records of the days they belonged to one of the unit's units (the whole range for one who moved within
     * it), read without the other agents' (the anomaly scan reads a large unit in such pieces). No unit total.
     */
    public List<AgentAggregates> forUnitAgents(UnitMembers unit, List<String> agents, List<String> metrics,
                                               LocalDate from, LocalDate to) {
        List<MetricDefinition> defs = definitions(metrics);
        if (agents.isEmpty() || unit.units().isEmpty()) {
            return List.of();
        }
        Map<String, String> units = new HashMap<>();
        // the memberships of these agents in the unit's units are those of the unit read (MemberWindows.ofAgentsIn)
        Map<Cell, Map<String, MetricAggregate>> cells = computation.compute(new Request(
                new AggregateScope.AgentsIn(agents, unit.units()), defs, from, to, Bucketing.whole(from), false, null,
                units, true));
        Map<String, Map<String, MetricAggregate>> byAgent = new TreeMap<>();
        cells.forEach((cell, values) -> {
            if (!cell.isTotal()) {
                byAgent.computeIfAbsent(cell.employeeId(), k -> new LinkedHashMap<>()).putAll(values);
            }
        });
        return byAgent.entrySet().stream()
                .map(e -> new AgentAggregates(e.getKey(), e.getValue(), null, units.get(e.getKey()))).toList();
    }

    /**
     * The agent's period values; with {@code within} (the units a leader sees the agent through, see
     * {@link AggregateScope.AgentsIn}) only the records of the days they belonged to one of those units.
     */
    public AgentAggregates forAgent(String employeeId, List<String> within, List<String> metrics, LocalDate from,
                                    LocalDate to) {
        List<MetricDefinition> defs = definitions(metrics);
        Request request;
        if (within == null) {
            // whether the agent exists is asked in the figures' statement (404 when not): no look-up of its own
            request = Request.agentChecked(new AggregateScope.Agent(employeeId), defs, from, to, Set.of(employeeId));
        } else {
            org.agent(employeeId);
            request = new Request(new AggregateScope.AgentsIn(List.of(employeeId), within), defs, from, to,
                    Bucketing.whole(from), false, Set.of(employeeId));
        }
        Map<Cell, Map<String, MetricAggregate>> cells = computation.compute(request);
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

    /** The scope's values per day, week, month, quarter or year of the range; a bucket without data has no values. */
    public List<TrendPoint> trend(AggregateScope scope, List<String> metrics, LocalDate from, LocalDate to,
                                  Granularity granularity) {
        List<MetricDefinition> defs = definitions(metrics);
        boolean unit = scope instanceof AggregateScope.Unit;
        Map<Cell, Map<String, MetricAggregate>> cells = computation.compute(new Request(scope, defs, from, to,
                Bucketing.by(granularity), unit, Set.of()));
        PeriodRange range = new PeriodRange(from, to);
        TreeMap<LocalDate, Map<String, MetricAggregate>> series = new TreeMap<>();
        range.bucketStarts(granularity).forEach(start -> series.put(start, new LinkedHashMap<>()));
        cells.forEach((cell, values) -> {
            if (unit == cell.isTotal()) {
                series.computeIfAbsent(LocalDate.parse(cell.bucket()), k -> new LinkedHashMap<>()).putAll(values);
            }
        });
        List<TrendPoint> points = new ArrayList<>();
        series.forEach((start, values) -> {
            PeriodRange bucket = range.bucket(start, granularity);
            points.add(new TrendPoint(bucket.from(), bucket.to(), values));
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
        return computation.compute(new Request(scope, definitions(metrics), windows.get(0)[0],
                windows.get(windows.size() - 1)[1], Bucketing.windows(windows), false, Set.of()));
    }

    /**
     * The definitions named, from {@link #known} or, for codes not seen yet, read in one query (read one by one, the
     * six metrics of one agent's month took six round trips).
     */
    List<MetricDefinition> definitions(List<String> metrics) {
        if (metrics == null || metrics.isEmpty()) {
            throw Problems.invalid("metric", "name at least one metric");
        }
        List<String> codes = List.copyOf(new LinkedHashSet<>(metrics));
        List<String> unseen = codes.stream().filter(code -> !known.containsKey(code)).toList();
        if (!unseen.isEmpty()) {
            for (MetricDefinition d : MetricDefinition.<MetricDefinition>list("code in ?1", unseen)) {
                // read-only from here on, outside the request that read it
                MetricDefinition.getEntityManager().detach(d);
                known.putIfAbsent(d.code, d);
            }
        }
        List<MetricDefinition> defs = new ArrayList<>();
        for (String code : codes) {
            MetricDefinition d = known.get(code);
            if (d == null) {
                throw Problems.invalid("metric", "no metric " + code + " in the catalog");
            }
            defs.add(d);
        }
        return defs;
    }
}
