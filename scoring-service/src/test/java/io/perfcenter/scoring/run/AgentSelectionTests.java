package io.perfcenter.scoring.run;

import io.perfcenter.scoring.client.MetricsPayloads.Assignment;
import io.perfcenter.scoring.client.MetricsPayloads.Stint;
import io.perfcenter.scoring.template.MoverPolicy;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The reasons a run gives for the agents of its unit it does not score (October 2026: 31 days). */
class AgentSelectionTests {

    private static final EvaluationPeriod OCTOBER = EvaluationPeriod.parse("period", "2026-10");

    @Test
    void anAgentWhoseMostDaysWereElsewhereEarlierWasThere() {
        // G-1 1–20 October (20 days), then G-2 21–31 (11 days): G-2's run skips them
        Assignment a = agent("seat", "G-1", false, 20, stint("G-1", 1, 20), stint("G-2", 21, 31));
        assertEquals("was in G-1 until 2026-10-20; scored there (MOST_DAYS: 20 of 31 days)",
                AgentSelection.skipReason(a, List.of("seat"), MoverPolicy.MOST_DAYS, OCTOBER));
    }

    @Test
    void periodEndNamesTheLastDayOrTheLastUnitOfALeaver() {
        Assignment moved = agent("seat", "G-2", false, 16, stint("G-1", 1, 15), stint("G-2", 16, 31));
        assertEquals("moved to G-2 on 2026-10-16; scored there (PERIOD_END: their unit on 2026-10-31)",
                AgentSelection.skipReason(moved, List.of("seat"), MoverPolicy.PERIOD_END, OCTOBER));
        // left on 26 October after 5 days in G-3
        Assignment left = agent("seat", "G-3", false, 5, stint("G-1", 1, 20), stint("G-3", 21, 25));
        assertEquals("moved to G-3 on 2026-10-21; scored there (PERIOD_END: their last unit of the period)",
                AgentSelection.skipReason(left, List.of("seat"), MoverPolicy.PERIOD_END, OCTOBER));
    }

    @Test
    void positionsCompareWithoutCaseOrSpacesAndNoPositionIsNotScored() {
        Assignment expert = agent(" Expert-Seat ", "G-1", true, 31, stint("G-1", 1, 31));
        assertNull(AgentSelection.skipReason(expert, List.of("seat", "expert-seat"), MoverPolicy.MOST_DAYS,
                OCTOBER));
        assertEquals("position Expert-Seat; the template scores seat",
                AgentSelection.skipReason(expert, List.of("seat"), MoverPolicy.MOST_DAYS, OCTOBER));
        Assignment none = agent(" ", "G-1", true, 31, stint("G-1", 1, 31));
        assertEquals("no position on file in the org directory; the template scores seat",
                AgentSelection.skipReason(none, List.of("seat"), MoverPolicy.MOST_DAYS, OCTOBER));
    }

    private static Assignment agent(String position, String home, boolean assigned, long daysInHome,
                                    Stint... stints) {
        long any = List.of(stints).stream().mapToLong(Stint::days).sum();
        return new Assignment("E1", position, "MOST_DAYS", home, assigned, daysInHome, 0, any, 31, List.of(stints));
    }

    private static Stint stint(String unit, int firstDay, int lastDay) {
        return new Stint(unit, LocalDate.of(2026, 10, firstDay), LocalDate.of(2026, 10, lastDay),
                lastDay - firstDay + 1);
    }
}
