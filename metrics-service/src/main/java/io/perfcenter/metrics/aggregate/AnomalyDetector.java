package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.AgentAggregates;
import io.perfcenter.metrics.aggregate.AggregatePayloads.Anomaly;
import io.perfcenter.metrics.aggregate.AggregatePayloads.MetricAggregate;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flags values that move more than a share against the agent's own recent baseline — the mean of their values in
 * the periods just before (docs/domain.md: a ~20% drop in handle time can mean perfunctory service). Both directions
 * are flagged: a jump is as worth a look as a fall.
 */
@ApplicationScoped
public class AnomalyDetector {

    private final AggregateService aggregates;

    AnomalyDetector(AggregateService aggregates) {
        this.aggregates = aggregates;
    }

    /** @param within the units through which the caller sees the agents' figures (null: all of them) */
    public List<AgentAggregates> flag(List<AgentAggregates> agents, List<String> within, List<String> metrics,
                                      PeriodRange range, double threshold, int periods) {
        List<LocalDate[]> windows = range.previous(periods);
        List<String> ids = agents.stream().map(AgentAggregates::employeeId).toList();
        Map<Cell, Map<String, MetricAggregate>> past = aggregates.perWindow(ids, within, metrics, windows);
        List<AgentAggregates> flagged = new ArrayList<>();
        for (AgentAggregates agent : agents) {
            List<Anomaly> anomalies = new ArrayList<>();
            agent.values().forEach((metric, current) -> {
                BigDecimal sum = BigDecimal.ZERO;
                int n = 0;
                for (int w = 0; w < windows.size(); w++) {
                    MetricAggregate v = past.getOrDefault(new Cell(agent.employeeId(), Integer.toString(w)), Map.of())
                            .get(metric);
                    if (v != null && v.samples() > 0) {
                        sum = sum.add(v.value());
                        n++;
                    }
                }
                if (n == 0 || current.samples() == 0) {
                    return;
                }
                BigDecimal baseline = sum.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP);
                if (baseline.signum() == 0) {
                    return;
                }
                BigDecimal change = current.value().subtract(baseline).divide(baseline.abs(), 4, RoundingMode.HALF_UP);
                if (change.abs().doubleValue() > threshold) {
                    String pct = change.abs().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                            .toPlainString();
                    String reason = metric + (change.signum() < 0 ? " fell " + pct + "% below" : " rose " + pct
                            + "% above") + " the agent's mean of the " + n + " previous period" + (n > 1 ? "s" : "")
                            + " (" + PlainNumbers.text(baseline) + ")";
                    anomalies.add(new Anomaly(metric, current.value(), PlainNumbers.plain(baseline), change, n,
                            reason));
                }
            });
            flagged.add(new AgentAggregates(agent.employeeId(), agent.values(), anomalies, agent.unitCode()));
        }
        return flagged;
    }
}
