package io.perfcenter.metrics.org;

import io.perfcenter.metrics.org.OrgPayloads.Stint;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which one unit an agent who changed units during a period belongs to for that period. */
@Schema(name = "MoverPolicy", description = "MOST_DAYS: the unit with the most days of the period (a tie goes to "
        + "the later unit); PERIOD_END: the unit on the period's last day (a leaver: their last unit)")
public enum MoverPolicy {

    /** The unit where the agent spent most days of the period; a tie goes to the unit they were in later. */
    MOST_DAYS {
        @Override
        String homeUnit(List<Stint> stints) {
            Map<String, long[]> byUnit = new LinkedHashMap<>();
            for (Stint s : stints) {
                // days, and the last day in the unit (epoch day) to break ties
                long[] acc = byUnit.computeIfAbsent(s.unitCode(), k -> new long[2]);
                acc[0] += s.days();
                acc[1] = Math.max(acc[1], s.lastDay().toEpochDay());
            }
            return byUnit.entrySet().stream()
                    .max(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0])
                            .thenComparingLong(e -> e.getValue()[1]))
                    .orElseThrow().getKey();
        }
    },

    /** The unit the agent belongs to on the period's last day; for someone who left before, their last unit. */
    PERIOD_END {
        @Override
        String homeUnit(List<Stint> stints) {
            // a stint reaching the last day ends latest; otherwise the agent left (or has a gap): the last unit
            return stints.stream().max(Comparator.comparing(Stint::lastDay).thenComparing(Stint::firstDay))
                    .orElseThrow().unitCode();
        }
    };

    /** The home unit among the agent's stints in the period (at least one). */
    abstract String homeUnit(List<Stint> stints);
}
