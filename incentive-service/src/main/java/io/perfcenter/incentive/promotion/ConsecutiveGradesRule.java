package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleResult;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

/** N consecutive months, ending with the month asked about, each graded one of the given grades. */
final class ConsecutiveGradesRule implements PromotionRule {

    static final String TYPE = "consecutiveGrades";

    private final String label;
    private final int periods;
    private final List<String> grades;

    ConsecutiveGradesRule(RuleInput r) {
        this.periods = r.periods();
        this.grades = r.grades().stream().map(g -> g.trim().toLowerCase(Locale.ROOT)).toList();
        this.label = r.label() != null ? r.label()
                : periods + " consecutive months graded " + String.join(" or ", r.grades());
    }

    @Override
    public int scorecardMonths() {
        return periods;
    }

    @Override
    public RuleResult check(AgentRecord agent, YearMonth asOf) {
        int streak = 0;
        String broken = null;
        for (YearMonth m = asOf; streak < periods; m = m.minusMonths(1)) {
            Scorecard card = agent.cards().get(m);
            if (card == null || card.grade() == null) {
                broken = m + " has no published scorecard";
                break;
            }
            if (!grades.contains(card.grade().trim().toLowerCase(Locale.ROOT))) {
                broken = m + " was graded " + card.grade();
                break;
            }
            streak++;
        }
        String wanted = String.join(" or ", grades);
        boolean passed = streak >= periods;
        String explanation = streak == 0 ? "no month graded " + wanted + " up to " + asOf + " (" + broken + ")"
                : streak + " consecutive month" + (streak > 1 ? "s" : "") + " graded " + wanted + " up to " + asOf
                + (passed ? "" : " (" + broken + ")");
        int more = periods - streak;
        return new RuleResult(TYPE, label, passed, BigDecimal.valueOf(streak), BigDecimal.valueOf(periods),
                explanation, passed ? null : more + " more consecutive month" + (more > 1 ? "s" : "") + " graded "
                + wanted);
    }
}
