package io.perfcenter.scoring.run;

import io.perfcenter.scoring.client.MetricsPayloads.Assignment;
import io.perfcenter.scoring.client.MetricsPayloads.Stint;
import io.perfcenter.scoring.template.MoverPolicy;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Whether a run of an agents template scores an agent of its unit, and if not, why: an agent is scored once per
 * period and template, by the run of their home unit under the template's mover policy, and only when their
 * position on file is one the template scores.
 */
final class AgentSelection {

    private AgentSelection() {
    }

    /** Null when the run scores the agent; otherwise the reason it leaves them out. */
    static String skipReason(Assignment agent, List<String> positions, MoverPolicy policy, EvaluationPeriod period) {
        if (!agent.assigned()) {
            return elsewhere(agent, policy, period);
        }
        if (agent.position() == null || agent.position().isBlank()) {
            return "no position on file in the org directory; the template scores " + String.join(", ", positions);
        }
        String position = agent.position().strip();
        boolean scored = positions.stream().anyMatch(p -> p.strip().toLowerCase(Locale.ROOT)
                .equals(position.toLowerCase(Locale.ROOT)));
        return scored ? null : "position " + position + "; the template scores " + String.join(", ", positions);
    }

    // e.g. "moved to G-2 on 2026-10-16; scored there (MOST_DAYS: 16 of 31 days)"
    private static String elsewhere(Assignment agent, MoverPolicy policy, EvaluationPeriod period) {
        String home = agent.homeUnitCode();
        List<Stint> stints = agent.memberships() == null ? List.of() : agent.memberships();
        Stint firstHome = stints.stream().filter(s -> s.unitCode().equals(home))
                .min(Comparator.comparing(Stint::firstDay)).orElse(null);
        Stint lastHere = stints.stream().filter(s -> !s.unitCode().equals(home))
                .max(Comparator.comparing(Stint::lastDay)).orElse(null);
        String where;
        if (firstHome == null) {
            where = "belongs to " + home;
        } else if (lastHere == null || firstHome.firstDay().isAfter(lastHere.lastDay())) {
            where = "moved to " + home + " on " + firstHome.firstDay();
        } else {
            where = "was in " + home + " until " + stints.stream().filter(s -> s.unitCode().equals(home))
                    .map(Stint::lastDay).max(Comparator.naturalOrder()).orElseThrow();
        }
        String why = switch (policy) {
            case MOST_DAYS -> "MOST_DAYS: " + agent.daysInHomeUnit() + " of " + agent.periodDays() + " days";
            case PERIOD_END -> firstHome != null && stints.stream().anyMatch(s -> s.lastDay().equals(period.to()))
                    ? "PERIOD_END: their unit on " + period.to()
                    : "PERIOD_END: their last unit of the period";
        };
        return where + "; scored there (" + why + ")";
    }
}
