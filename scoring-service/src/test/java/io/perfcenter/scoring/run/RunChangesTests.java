package io.perfcenter.scoring.run;

import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The per-agent diff between two revisions: what changed, who only moved in rank, who came and went. */
class RunChangesTests {

    @Test
    void changedRankOnlyAddedAndRemoved() {
        List<Scorecard> before = List.of(card("A", "80", "good", 1, "4.8"), card("B", "70", "pass", 2, "3.9"),
                card("C", "60", "fail", 3, "3.5"));
        List<Scorecard> after = List.of(card("B", "90", "excellent", 1, "4.8"), card("A", "80", "good", 2, "4.8"),
                card("D", "50", "fail", 3, "3.0"));
        var changes = RunChanges.between(before, after);
        assertEquals(List.of("B", "A", "D", "C"), changes.stream().map(RunPayloads.AgentChange::employeeId).toList());
        assertEquals(List.of("CHANGED", "RANK", "ADDED", "REMOVED"),
                changes.stream().map(RunPayloads.AgentChange::change).toList());
        var b = changes.get(0);
        assertEquals(new BigDecimal("70"), b.totalBefore());
        assertEquals("excellent", b.gradeAfter());
        assertEquals("csat", b.items().get(0).itemCode());
        assertEquals(new BigDecimal("3.9"), b.items().get(0).valueBefore());
        assertNull(changes.get(1).items());
        assertEquals(1, changes.get(1).rankBefore());
        assertEquals(2, changes.get(1).rankAfter());
    }

    @Test
    void identicalScorecardsHaveNoChanges() {
        List<Scorecard> cards = List.of(card("A", "80", "good", 1, "4.8"));
        assertEquals(List.of(), RunChanges.between(cards, List.of(card("A", "80.00", "good", 1, "4.80"))));
    }

    private static Scorecard card(String employee, String total, String grade, int rank, String csat) {
        Scorecard s = new Scorecard();
        s.employeeId = employee;
        s.total = new BigDecimal(total);
        s.grade = grade;
        s.rank = rank;
        s.items.add(new ScorecardItem("csat", "csat", new BigDecimal(csat), new BigDecimal(csat).multiply(
                BigDecimal.TEN), new BigDecimal("100"), new BigDecimal(csat).multiply(BigDecimal.TEN), "x", false));
        return s;
    }
}
