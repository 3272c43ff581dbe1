package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.statement.Explanation;

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

    private final Explanation label;
    private final int periods;
    private final List<String> grades;

    ConsecutiveGradesRule(RuleInput r) {
        this.periods = r.periods();
        this.grades = r.grades().stream().map(g -> g.trim().toLowerCase(Locale.ROOT)).toList();
        this.label = r.label() != null ? Explanation.same(r.label())
                : new Explanation(periods + " consecutive months graded " + String.join(" or ", r.grades()),
                "连续 " + periods + " 个月等级为 " + String.join(" 或 ", r.grades()));
    }

    @Override
    public int scorecardMonths() {
        return periods;
    }

    @Override
    public RuleResult check(AgentRecord agent, YearMonth asOf) {
        int streak = 0;
        Explanation broken = null;
        for (YearMonth m = asOf; streak < periods; m = m.minusMonths(1)) {
            Scorecard card = agent.cards().get(m);
            if (card == null || card.grade() == null) {
                broken = new Explanation(m + " has no published scorecard", m + " 没有已发布的记分卡");
                break;
            }
            if (!grades.contains(card.grade().trim().toLowerCase(Locale.ROOT))) {
                broken = new Explanation(m + " was graded " + card.grade(), m + " 的等级为 " + card.grade());
                break;
            }
            streak++;
        }
        String wanted = String.join(" or ", grades);
        String wantedZh = String.join(" 或 ", grades);
        boolean passed = streak >= periods;
        String explanation = streak == 0 ? "no month graded " + wanted + " up to " + asOf + " (" + broken.en() + ")"
                : streak + " consecutive month" + (streak > 1 ? "s" : "") + " graded " + wanted + " up to " + asOf
                + (passed ? "" : " (" + broken.en() + ")");
        String explanationZh = streak == 0 ? "截至 " + asOf + " 没有等级为 " + wantedZh + " 的月份（" + broken.zh() + "）"
                : "截至 " + asOf + " 连续 " + streak + " 个月等级为 " + wantedZh
                + (passed ? "" : "（" + broken.zh() + "）");
        int more = periods - streak;
        return new RuleResult(TYPE, label, passed, BigDecimal.valueOf(streak), BigDecimal.valueOf(periods),
                new Explanation(explanation, explanationZh), passed ? null : new Explanation(more
                + " more consecutive month" + (more > 1 ? "s" : "") + " graded " + wanted,
                "还需连续 " + more + " 个月等级为 " + wantedZh));
    }
}
