package io.perfcenter.incentive.honor;

import io.perfcenter.incentive.honor.AwardPayloads.AwardInput;
import io.perfcenter.incentive.honor.AwardPayloads.Condition;
import io.perfcenter.incentive.honor.AwardPayloads.Ranking;
import io.perfcenter.incentive.honor.AwardPayloads.WhenMissing;
import io.perfcenter.incentive.plan.PlanSections.Direction;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides an award's winners among a unit's agents: who is eligible (no excluded grade, every condition met, a
 * ranking figure), their order by the ranking figure and then the tie-breakers, and places by standard competition
 * ranking (1, 1, 3): agents equal on every criterion share a place, and every agent placed within the number of
 * winners wins. Each winner's reason says the figure, the place and how ties were settled.
 */
public final class HonorJudge {

    private static final int MAX_NAMED = 3;

    private HonorJudge() {
    }

    /**
     * An agent who may win: figures by measure (null when absent), the grades of the period's scorecards, how many
     * samples each metric figure rests on (when known), and the figures that must not be used with the reason
     * (scoring marked them insufficient data, metrics flagged them as anomalies); those count as absent.
     */
    public record Candidate(String employeeId, Function<String, BigDecimal> figures, List<String> grades,
                            Map<String, Long> samples, Map<String, Explanation> unusable) {

        public Candidate(String employeeId, Function<String, BigDecimal> figures, List<String> grades) {
            this(employeeId, figures, grades, Map.of(), Map.of());
        }

        /** The figure the award may use: null when absent or unusable. */
        BigDecimal figure(String measure) {
            return unusable != null && unusable.containsKey(measure) ? null : figures.apply(measure);
        }

        /** Why a figure is absent: the reason it is unusable, or that there is none. */
        Explanation whyMissing(String measure) {
            Explanation why = unusable == null ? null : unusable.get(measure);
            return why != null ? why : new Explanation("no " + measure + " figure", "没有 " + measure + " 数据");
        }
    }

    /** An agent not considered, and why (the first reason found). */
    public record LeftOut(String employeeId, Explanation why) {

        /** The reason in English. */
        public String reason() {
            return why.en();
        }
    }

    /** A winner, with the reason in English and Chinese. */
    public record Winner(String employeeId, int place, BigDecimal value, Explanation why) {

        /** The reason in English. */
        public String reason() {
            return why.en();
        }
    }

    public record Judgement(int candidates, int eligible, List<Winner> winners, List<LeftOut> leftOut) {
    }

    private record Ranked(Candidate candidate, List<BigDecimal> keys) {
    }

    public static Judgement judge(AwardInput award, List<Candidate> candidates) {
        List<Ranking> criteria = new ArrayList<>();
        criteria.add(award.rankBy());
        if (award.tieBreakers() != null) {
            criteria.addAll(award.tieBreakers());
        }
        List<Ranked> eligible = new ArrayList<>();
        List<LeftOut> leftOut = new ArrayList<>();
        for (Candidate c : candidates) {
            Explanation why = whyIneligible(award, c);
            if (why == null) {
                List<BigDecimal> keys = criteria.stream().map(r -> c.figure(r.measure())).toList();
                eligible.add(new Ranked(c, keys));
            } else {
                leftOut.add(new LeftOut(c.employeeId(), why));
            }
        }
        leftOut.sort(Comparator.comparing(LeftOut::employeeId));
        Comparator<Ranked> order = null;
        for (int i = 0; i < criteria.size(); i++) {
            int k = i;
            Comparator<BigDecimal> values = criteria.get(i).direction() == Direction.LOWER
                    ? Comparator.naturalOrder() : Comparator.reverseOrder();
            Comparator<Ranked> byKey = Comparator.comparing(r -> r.keys().get(k),
                    Comparator.nullsLast(values));
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        eligible.sort(order.thenComparing(r -> r.candidate().employeeId()));

        int[] places = new int[eligible.size()];
        for (int i = 0; i < eligible.size(); i++) {
            places[i] = i > 0 && sameKeys(eligible.get(i - 1).keys(), eligible.get(i).keys()) ? places[i - 1] : i + 1;
        }
        List<Winner> winners = new ArrayList<>();
        for (int i = 0; i < eligible.size() && places[i] <= award.winners(); i++) {
            Ranked r = eligible.get(i);
            winners.add(new Winner(r.candidate().employeeId(), places[i], Numbers.plainValue(r.keys().get(0)),
                    reason(criteria, eligible, places, i)));
        }
        return new Judgement(candidates.size(), eligible.size(), winners, leftOut);
    }

    static boolean isEligible(AwardInput award, Candidate c) {
        return whyIneligible(award, c) == null;
    }

    /** Null when the candidate may be ranked; else the first reason they are left out. */
    static Explanation whyIneligible(AwardInput award, Candidate c) {
        if (award.excludedGrades() != null && c.grades() != null) {
            for (String grade : c.grades()) {
                if (grade != null && award.excludedGrades().stream()
                        .anyMatch(x -> x.trim().toLowerCase(Locale.ROOT).equals(grade.trim().toLowerCase(Locale.ROOT)))) {
                    return new Explanation("graded " + grade + ", an excluded grade",
                            "等级为 " + grade + "，属于排除的等级");
                }
            }
        }
        if (award.eligibility() != null) {
            for (Condition condition : award.eligibility()) {
                BigDecimal v = c.figure(condition.measure());
                if (v == null) {
                    if (condition.whenMissing() != WhenMissing.ELIGIBLE) {
                        return c.whyMissing(condition.measure()).plus(", which eligibility needs",
                                "，而资格条件需要该数据");
                    }
                } else if (condition.atLeast() != null && v.compareTo(condition.atLeast()) < 0) {
                    String figure = condition.measure() + " " + Numbers.figure(v);
                    return new Explanation(figure + " below the required " + Numbers.figure(condition.atLeast()),
                            figure + " 低于要求的 " + Numbers.figure(condition.atLeast()));
                } else if (condition.atMost() != null && v.compareTo(condition.atMost()) > 0) {
                    String figure = condition.measure() + " " + Numbers.figure(v);
                    return new Explanation(figure + " above the allowed " + Numbers.figure(condition.atMost()),
                            figure + " 高于允许的 " + Numbers.figure(condition.atMost()));
                }
            }
        }
        Ranking rankBy = award.rankBy();
        if (c.figure(rankBy.measure()) == null) {
            return c.whyMissing(rankBy.measure()).plus(" to rank by", "，无法排名");
        }
        if (rankBy.minSamples() != null) {
            Long samples = c.samples() == null ? null : c.samples().get(rankBy.measure());
            if (samples == null) {
                return new Explanation(rankBy.measure() + " rests on an unknown number of samples (at least "
                        + rankBy.minSamples() + " required)", rankBy.measure() + " 的样本数未知（至少需要 "
                        + rankBy.minSamples() + " 个）");
            }
            if (samples < rankBy.minSamples()) {
                String figure = rankBy.measure() + " " + Numbers.figure(c.figure(rankBy.measure()));
                return new Explanation(figure + " from " + samples + " sample" + (samples == 1 ? "" : "s")
                        + ", fewer than the " + rankBy.minSamples() + " required", figure + " 仅基于 " + samples
                        + " 个样本，少于要求的 " + rankBy.minSamples() + " 个");
            }
        }
        return null;
    }

    private static Explanation reason(List<Ranking> criteria, List<Ranked> eligible, int[] places, int i) {
        Ranked me = eligible.get(i);
        Ranking rankBy = criteria.get(0);
        String figure = rankBy.measure() + " " + Numbers.figure(me.keys().get(0));
        boolean lower = rankBy.direction() == Direction.LOWER;
        StringBuilder reason = new StringBuilder(figure).append(", ").append(ordinal(places[i])).append(" of ")
                .append(eligible.size()).append(" eligible (").append(lower ? "lower" : "higher")
                .append(" is better)");
        StringBuilder zh = new StringBuilder(figure).append("，").append(eligible.size()).append(" 名合格者中第 ")
                .append(places[i]).append(" 名（").append(lower ? "越低越好" : "越高越好").append("）");
        List<String> sharing = new ArrayList<>();
        List<String> beaten = new ArrayList<>();
        List<String> beatenZh = new ArrayList<>();
        for (int j = 0; j < eligible.size(); j++) {
            Ranked other = eligible.get(j);
            if (j == i || !same(other.keys().get(0), me.keys().get(0))) {
                continue;
            }
            if (places[j] == places[i]) {
                sharing.add(other.candidate().employeeId());
            } else if (places[j] > places[i] && beaten.size() < MAX_NAMED) {
                for (int k = 1; k < criteria.size(); k++) {
                    if (!same(me.keys().get(k), other.keys().get(k))) {
                        String versus = criteria.get(k).measure() + " " + Numbers.figure(me.keys().get(k)) + " vs "
                                + Numbers.figure(other.keys().get(k));
                        beaten.add(other.candidate().employeeId() + " on tie-breaker " + versus);
                        beatenZh.add("凭次级排序 " + versus + " 领先 " + other.candidate().employeeId());
                        break;
                    }
                }
            }
        }
        if (!beaten.isEmpty()) {
            reason.append("; tied on ").append(rankBy.measure()).append(", ahead of ")
                    .append(String.join(", ", beaten));
            zh.append("；").append(rankBy.measure()).append(" 持平，").append(String.join("，", beatenZh));
        }
        if (!sharing.isEmpty()) {
            reason.append("; shares place ").append(places[i]).append(" with ").append(String.join(", ", sharing))
                    .append(" (equal on every criterion)");
            zh.append("；与 ").append(String.join("、", sharing)).append(" 并列第 ").append(places[i])
                    .append(" 名（各项标准均相同）");
        }
        return new Explanation(reason.toString(), zh.toString());
    }

    private static boolean sameKeys(List<BigDecimal> a, List<BigDecimal> b) {
        for (int k = 0; k < a.size(); k++) {
            if (!same(a.get(k), b.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
