package io.perfcenter.scoring.run;

import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.AgentAggregates;
import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.Assignment;
import io.perfcenter.scoring.client.MetricsPayloads.Member;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.client.MetricsPayloads.OrgUnit;
import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.rule.TargetAchievementRule;
import io.perfcenter.scoring.targets.TargetService;
import io.perfcenter.scoring.run.RunPayloads.SkippedAgent;
import io.perfcenter.scoring.template.MoverPolicy;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.template.TemplateOptions;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.context.ManagedExecutor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Collects what a run scores, before any transaction is open: for an agents template, the agents metrics-service's
 * org directory assigns to the unit for the period under the template's mover policy and whose position the template
 * scores (read at the same time as the aggregates), with their values of the unit in one aggregates call (an agent who
 * also spent days of the period in a unit outside it: their own values of the whole period, one call each); for a
 * units template, each unit's own totals (one call per unit) and its leader. The
 * targets that apply are resolved here too, so that they are stored with the inputs.
 */
@ApplicationScoped
public class InputGathering {

    private final MetricsClient metrics;
    private final TargetService targets;
    // carries the request's context (the caller's token, propagated to metrics-service) to the thread reading
    private final ManagedExecutor executor;

    InputGathering(MetricsClient metrics, TargetService targets, ManagedExecutor executor) {
        this.metrics = metrics;
        this.targets = targets;
        this.executor = executor;
    }

    /** The read's result, or what it failed with (a problem of metrics-service, as if read on this thread). */
    private static <T> T awaited(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** What a run scores, and the agents of the unit it leaves out with the reason. */
    public record Gathered(List<SubjectInputs> subjects, List<SkippedAgent> skipped) {
    }

    public Gathered gather(ScorecardTemplate template, String unitCode, EvaluationPeriod period, List<String> units) {
        List<String> metricCodes = template.metricCodes();
        List<String> targetMetrics = template.items.stream()
                .filter(i -> i.rule() instanceof TargetAchievementRule).map(TemplateItem::metricCode)
                .distinct().toList();
        if (template.optionsOrDefaults().subjectOrDefault() == TemplateOptions.Subject.UNITS) {
            return new Gathered(units(metricCodes, targetMetrics, unitCode, period, units), List.of());
        }
        if (units != null && !units.isEmpty()) {
            throw Problems.invalid("units", "applies to templates scoring agents, not units");
        }
        MoverPolicy policy = template.optionsOrDefaults().moverPolicyOrDefault();
        // the unit's assignments are read while metrics-service computes the unit's aggregates (one query over the
        // period's records): the two reads of a whole unit wait side by side rather than one after the other
        CompletableFuture<List<Assignment>> assignmentsRead = executor.supplyAsync(() -> metrics.assignments(unitCode,
                period.from(), period.to(), policy.name()));
        // a template of manual ratings only reads no metric: its agents come from the org directory alone
        Map<String, AgentAggregates> values = new HashMap<>();
        if (!metricCodes.isEmpty()) {
            AggregateReport report;
            try {
                report = metrics.aggregates(unitCode, metricCodes, period.from(), period.to());
            } catch (RuntimeException e) {
                // nothing of the request outlives it: the assignments' read ends (whatever its outcome) first
                assignmentsRead.exceptionally(failure -> null).join();
                throw e;
            }
            if (report.agents() != null) {
                report.agents().forEach(a -> values.put(a.employeeId(), a));
            }
        }
        List<Assignment> assignments = awaited(assignmentsRead);
        List<String> positions = template.scoredPositions();
        TargetService.Resolver resolver = targets.resolver(targetMetrics, period, unitCode);
        List<SubjectInputs> subjects = new ArrayList<>();
        List<SkippedAgent> skipped = new ArrayList<>();
        for (Assignment agent : assignments) {
            String reason = AgentSelection.skipReason(agent, positions, policy, period);
            if (reason != null) {
                skipped.add(new SkippedAgent(agent.employeeId(), reason));
                continue;
            }
            Map<String, MetricAggregate> figures;
            if (metricCodes.isEmpty()) {
                figures = Map.of();
            } else if (agent.daysInUnit() < agent.daysInAnyUnit()) {
                // scored once, here: the figures of the whole period, in every unit they belonged to
                AggregateReport own = metrics.aggregatesOfAgent(agent.employeeId(), metricCodes, period.from(),
                        period.to());
                figures = own.agents() == null || own.agents().isEmpty() ? Map.of() : own.agents().get(0).values();
            } else {
                AgentAggregates inUnit = values.get(agent.employeeId());
                figures = inUnit == null ? Map.of() : inUnit.values();
            }
            subjects.add(new SubjectInputs(agent.employeeId(), null, new ScorecardInputs(normalised(figures),
                    resolver.forSubject(agent.employeeId(), null), null)));
        }
        return new Gathered(subjects, skipped);
    }

    private List<SubjectInputs> units(List<String> metricCodes, List<String> targetMetrics, String unitCode,
                                      EvaluationPeriod period, List<String> named) {
        List<String> scored;
        if (named != null && !named.isEmpty()) {
            scored = named.stream().distinct().toList();
        } else {
            scored = new ArrayList<>(new TreeSet<>(metrics.members(unitCode, period.from(), period.to()).stream()
                    .map(Member::unitCode).toList()));
        }
        TargetService.Resolver resolver = targets.resolver(targetMetrics, period, unitCode);
        List<SubjectInputs> subjects = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            String code = scored.get(i);
            OrgUnit unit = metrics.unit(code);
            if (unit.leaderEmployeeId() == null || unit.leaderEmployeeId().isBlank()) {
                throw Problems.invalid("units[" + i + "]", "unit " + code + " has no leader whose scorecard it "
                        + "would be; set one in metrics-service's org directory");
            }
            Map<String, MetricAggregate> totals = metricCodes.isEmpty() ? Map.of()
                    : metrics.aggregates(code, metricCodes, period.from(), period.to()).unitTotal();
            subjects.add(new SubjectInputs(unit.leaderEmployeeId(), code, new ScorecardInputs(normalised(totals),
                    resolver.forSubject(null, code), null)));
        }
        return subjects;
    }

    /**
     * An agent's figures over the whole period, whatever unit they were in, as a run reads an agent it scores (an
     * agent who moved is scored once, on all their work), normalised as a run stores them: the figures a scorecard is
     * recomputed from after an appeal's data correction. Read as the service, since the reviewer deciding need not see
     * the agent's data.
     */
    public Map<String, MetricAggregate> figuresOfAgentAsService(String employeeId, ScorecardTemplate template,
                                                                LocalDate from, LocalDate to) {
        AggregateReport report = metrics.aggregatesOfAgentAsService(employeeId, template.metricCodes(), from, to);
        return normalised(report.agents() == null ? Map.of() : report.agents().stream()
                .filter(a -> employeeId.equals(a.employeeId())).findFirst().map(AgentAggregates::values)
                .orElse(Map.of()));
    }

    // 4.50 and 4.5 are the same input: stored and hashed without trailing zeros
    static Map<String, MetricAggregate> normalised(Map<String, MetricAggregate> values) {
        Map<String, MetricAggregate> sorted = new TreeMap<>();
        if (values != null) {
            values.forEach((code, v) -> {
                if (v != null && v.value() != null) {
                    sorted.put(code, new MetricAggregate(Figures.plain(v.value()), v.samples()));
                }
            });
        }
        return sorted;
    }
}
