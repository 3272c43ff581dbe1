package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.client.MetricsPayloads.AgentAggregates;
import io.perfcenter.scoring.client.MetricsPayloads.AggregateReport;
import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.ScorecardPayloads;
import io.perfcenter.scoring.template.ScorecardTemplate;

import java.util.Map;
import java.util.TreeMap;

/**
 * The figures an agent's scorecard is recomputed from after a data correction: the agent's values over the whole
 * period, whatever unit they were in — the way a run reads each agent it scores (an agent who moved is scored once,
 * on all their work). Read as the service, since the reviewer deciding need not see the agent's data.
 */
final class AgentFigures {

    private AgentFigures() {
    }

    static Map<String, MetricAggregate> of(MetricsClient metrics, String employeeId, ScorecardTemplate template,
                                           ScorecardRun run) {
        AggregateReport report = metrics.aggregatesOfAgentAsService(employeeId, template.metricCodes(),
                run.periodFrom, run.periodTo);
        Map<String, MetricAggregate> values = report.agents() == null ? Map.of() : report.agents().stream()
                .filter(a -> employeeId.equals(a.employeeId())).findFirst().map(AgentAggregates::values)
                .orElse(Map.of());
        // stored and hashed as a run stores them: without trailing zeros
        Map<String, MetricAggregate> figures = new TreeMap<>();
        values.forEach((code, v) -> {
            if (v != null && v.value() != null) {
                figures.put(code, new MetricAggregate(ScorecardPayloads.plain(v.value()), v.samples()));
            }
        });
        return figures;
    }
}
