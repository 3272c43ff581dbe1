package io.perfcenter.scoring.targets;

import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.Member;
import io.perfcenter.scoring.client.MetricsPayloads.OrgUnit;
import io.perfcenter.scoring.rule.RuleContext;
import io.perfcenter.scoring.run.EvaluationPeriod;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.targets.TargetPayloads.TargetInput;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sets targets and finds the one that applies to an agent (docs/domain.md §1: targets cascade center → team → group →
 * agent): the agent's own, else their group's, team's, center's — at each level one set for the period before one
 * set for every period. hr and admin set any target, managers and supervisors those of the units they lead.
 */
@ApplicationScoped
public class TargetService {

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private static final Pattern METRIC_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final Caller caller;
    private final DataScope scope;
    private final MetricsClient metrics;

    TargetService(Caller caller, DataScope scope, MetricsClient metrics) {
        this.caller = caller;
        this.scope = scope;
        this.metrics = metrics;
    }

    @Transactional
    public Target set(TargetInput input) {
        if (input.metricCode() == null || !METRIC_CODE.matcher(input.metricCode()).matches()) {
            throw Problems.invalid("metricCode", "is required, a metric code (lower case, digits, '_')");
        }
        if ((input.unitCode() == null || input.unitCode().isBlank())
                == (input.employeeId() == null || input.employeeId().isBlank())) {
            throw Problems.invalid("unitCode", "name exactly one of unitCode and employeeId");
        }
        if (input.value() == null || input.value().signum() <= 0) {
            throw Problems.invalid("value", "is required and must be above 0");
        }
        String period = input.period() == null ? Target.EVERY_PERIOD
                : EvaluationPeriod.parse("period", input.period()).code();
        if (input.unitCode() != null && !scope.visibility().seesUnit(input.unitCode())) {
            throw Problems.outOfScope("Unit " + input.unitCode() + " is not one you lead");
        }
        if (input.employeeId() != null && !caller.seesEverything()) {
            throw Problems.outOfScope("Only hr and admin set targets of single agents");
        }
        Target.ScopeKind kind = input.unitCode() != null ? Target.ScopeKind.UNIT : Target.ScopeKind.AGENT;
        String code = input.unitCode() != null ? input.unitCode() : input.employeeId();
        Target target = Target.<Target>find("metricCode = ?1 and scopeKind = ?2 and scopeCode = ?3 and period = ?4",
                input.metricCode(), kind, code, period).firstResultOptional().orElseGet(Target::new);
        target.metricCode = input.metricCode();
        target.scopeKind = kind;
        target.scopeCode = code;
        target.period = period;
        target.value = input.value();
        target.setBy = caller.name();
        target.setAt = OffsetDateTime.now(clock);
        target.persist();
        return target;
    }

    /**
     * Targets in a stable order. Everyone sees the units' targets; an individual target only hr, admin and
     * integration clients see for every agent. Others see their own, and a supervisor or manager those of the agents
     * in their scope: who belonged to a unit they lead on some day of the period asked for (today without one).
     * Another agent's individual target is that agent's business.
     */
    public List<Target> list(String metricCode, String period) {
        String wanted = period == null ? null : EvaluationPeriod.parse("period", period).code();
        List<Target> all = Target.list("order by metricCode, scopeKind, scopeCode, period");
        List<Target> found = all.stream()
                .filter(t -> metricCode == null || t.metricCode.equals(metricCode))
                .filter(t -> wanted == null || t.period.equals(wanted) || t.period.equals(Target.EVERY_PERIOD))
                .toList();
        if (caller.seesEverything() || found.stream().allMatch(t -> t.scopeKind == Target.ScopeKind.UNIT)) {
            return found;
        }
        Set<String> visible = new HashSet<>();
        caller.employeeId().ifPresent(visible::add);
        if (caller.leadsUnits() && caller.employeeId().isPresent()) {
            LocalDate today = LocalDate.now(clock);
            EvaluationPeriod days = wanted == null ? null : EvaluationPeriod.parse("period", wanted);
            List<String> led = scope.visibility().units();
            for (String unit : led) {
                metrics.members(unit, days == null ? today : days.from(), days == null ? today : days.to())
                        .forEach(m -> visible.add(m.employeeId()));
            }
        }
        return found.stream().filter(t -> t.scopeKind == Target.ScopeKind.UNIT || visible.contains(t.scopeCode))
                .toList();
    }

    /** Finds targets for the subjects of a run; asks metrics-service for memberships and parents only if needed. */
    public Resolver resolver(List<String> metricCodes, EvaluationPeriod period, String runUnit) {
        if (metricCodes.isEmpty()) {
            return Resolver.NONE;
        }
        List<Target> targets = Target.list("metricCode in ?1 and (period = ?2 or period = ?3)", metricCodes,
                period.code(), Target.EVERY_PERIOD);
        if (targets.isEmpty()) {
            return Resolver.NONE;
        }
        Map<String, String> leafOf = new HashMap<>();
        boolean unitTargets = targets.stream().anyMatch(t -> t.scopeKind == Target.ScopeKind.UNIT);
        if (unitTargets) {
            // an agent who moved during the period counts with the unit they ended it in
            metrics.members(runUnit, period.from(), period.to()).stream()
                    .sorted(Comparator.comparing(Member::from))
                    .forEach(m -> leafOf.put(m.employeeId(), m.unitCode()));
        }
        return new Resolver(metricCodes, targets, leafOf, new HashMap<>(), metrics, unitTargets);
    }

    /** The targets of one run, with the org chain fetched once per unit. */
    public static final class Resolver {

        static final Resolver NONE = new Resolver(List.of(), List.of(), Map.of(), Map.of(), null, false);

        private final List<String> metricCodes;
        private final Map<String, RuleContext.Target> byKey = new HashMap<>();
        private final Map<String, String> leafOf;
        private final Map<String, OrgUnit> units;
        private final MetricsClient metrics;
        private final boolean unitTargets;

        Resolver(List<String> metricCodes, List<Target> targets, Map<String, String> leafOf, Map<String, OrgUnit> units,
                 MetricsClient metrics, boolean unitTargets) {
            this.metricCodes = metricCodes;
            this.leafOf = leafOf;
            this.units = units;
            this.metrics = metrics;
            this.unitTargets = unitTargets;
            // period-specific ones win over every-period ones: put those last
            targets.stream().sorted(Comparator.comparing(t -> !t.period.equals(Target.EVERY_PERIOD) ? 1 : 0))
                    .forEach(t -> byKey.put(key(t.metricCode, t.scopeKind, t.scopeCode),
                            new RuleContext.Target(t.value, label(t))));
        }

        /** Targets by metric code for an agent (employeeId) or a unit's scorecard (subjectUnit). */
        public Map<String, RuleContext.Target> forSubject(String employeeId, String subjectUnit) {
            if (byKey.isEmpty()) {
                return Map.of();
            }
            List<String> chain = new ArrayList<>();
            String start = subjectUnit != null ? subjectUnit : leafOf.get(employeeId);
            if (unitTargets && start != null) {
                for (String code = start; code != null && chain.size() < 20; code = parentOf(code)) {
                    chain.add(code);
                }
            }
            Map<String, RuleContext.Target> found = new HashMap<>();
            for (String metric : metricCodes) {
                RuleContext.Target t = subjectUnit == null ? byKey.get(key(metric, Target.ScopeKind.AGENT, employeeId))
                        : null;
                for (int i = 0; t == null && i < chain.size(); i++) {
                    t = byKey.get(key(metric, Target.ScopeKind.UNIT, chain.get(i)));
                    if (t != null) {
                        OrgUnit unit = units.get(chain.get(i));
                        String kind = unit == null || unit.kind() == null ? "unit" : unit.kind().toLowerCase(Locale.ROOT);
                        t = new RuleContext.Target(t.value(), t.source().replaceFirst("^unit", kind));
                    }
                }
                if (t != null) {
                    found.put(metric, t);
                }
            }
            return found;
        }

        private String parentOf(String code) {
            OrgUnit unit = units.computeIfAbsent(code, metrics::unit);
            return unit == null ? null : unit.parentCode();
        }

        private static String key(String metric, Target.ScopeKind kind, String code) {
            return metric + "|" + kind + "|" + code;
        }

        private static String label(Target t) {
            String where = (t.scopeKind == Target.ScopeKind.AGENT ? "agent " : "unit ") + t.scopeCode;
            return t.period.equals(Target.EVERY_PERIOD) ? where : where + ", " + t.period;
        }
    }
}
