package io.perfcenter.scoring.coaching;

import io.perfcenter.scoring.coaching.CoachingPayloads.AgendaItem;
import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The agenda a coaching session proposes: the scorecard's weakest items. Weakest is the lowest share of what the item
 * can earn, points ÷ the rule's maximum points (so a 0–30 lookup table and a 0–100 linear rule compare fairly); a tie
 * goes to the heavier item (it moves the total more), then to the item code. Items that say nothing about how the
 * agent worked are left out, each with the reason: no points (excluded for insufficient data), insufficient data
 * scored by policy (zero or neutral points are not a result), and a rule without a maximum (an open tiered rate or
 * expression: no share to compare). The agenda holds the requested number of items (default 3) or fewer when fewer
 * are left; {@code basis} says how many and why, in English and in Simplified Chinese (stored in both, answered in the
 * request's language as the items' explanations are).
 */
public record CoachingAgenda(List<AgendaItem> items, Explanation basis) {

    private static final int RATIO_SCALE = 4;

    static CoachingAgenda of(Scorecard card, ScorecardTemplate template, int size) {
        record Candidate(ScorecardItem item, TemplateItem defined, BigDecimal max, BigDecimal attainment) {
        }
        List<Candidate> candidates = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        List<String> leftOutZh = new ArrayList<>();
        for (ScorecardItem item : card.items) {
            TemplateItem defined = template.item(item.itemCode).orElse(null);
            BigDecimal max = defined == null ? null : defined.pointRange().max();
            if (item.points == null) {
                leftOut.add(item.itemCode + " (no points: left out for insufficient data)");
                leftOutZh.add(item.itemCode + "（无得分：因数据不足未计入）");
            } else if (item.insufficientData) {
                leftOut.add(item.itemCode + " (insufficient data: " + item.handling.toLowerCase() + " points by "
                        + "policy)");
                leftOutZh.add(item.itemCode + "（数据不足：按策略给" + handlingZh(item.handling) + "）");
            } else if (max == null || max.signum() <= 0) {
                leftOut.add(item.itemCode + " (its rule has no maximum points)");
                leftOutZh.add(item.itemCode + "（其规则没有满分）");
            } else {
                candidates.add(new Candidate(item, defined, max,
                        item.points.divide(max, RATIO_SCALE, RoundingMode.HALF_UP)));
            }
        }
        candidates.sort(Comparator.comparing(Candidate::attainment)
                .thenComparing(c -> c.item().weight, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(c -> c.item().itemCode));
        List<AgendaItem> agenda = new ArrayList<>();
        for (Candidate c : candidates.subList(0, Math.min(size, candidates.size()))) {
            agenda.add(new AgendaItem(agenda.size() + 1, c.item().itemCode, c.defined().name(), c.item().metricCode,
                    c.item().points, c.max(), c.attainment(), c.item().weight, c.item().explanation,
                    c.item().explanationZh));
        }
        String basis = "The " + agenda.size() + " weakest of " + candidates.size() + " scored items"
                + (agenda.size() < size ? " (" + size + " asked)" : "")
                + " by points ÷ maximum points (lowest first; ties: the heavier item first, then by code)"
                + (leftOut.isEmpty() ? "" : "; left out: " + String.join(", ", leftOut));
        String basisZh = "已计分的 " + candidates.size() + " 个项目中最弱的 " + agenda.size() + " 个"
                + (agenda.size() < size ? "（要求 " + size + " 个）" : "")
                + "，按得分 ÷ 满分从低到高排列（相同时权重较大的项目在前，再按代码排序）"
                + (leftOutZh.isEmpty() ? "" : "；未列入：" + String.join("、", leftOutZh));
        return new CoachingAgenda(agenda, Explanation.of(basis, basisZh));
    }

    /** "零分", "中性分", as the insufficient-data policy scored the item. */
    private static String handlingZh(String handling) {
        return switch (handling) {
            case "ZERO" -> "零分";
            case "NEUTRAL" -> "中性分";
            default -> handling.toLowerCase() + " 分";
        };
    }
}
