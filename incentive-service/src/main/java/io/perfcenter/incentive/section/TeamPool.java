package io.perfcenter.incentive.section;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.perfcenter.incentive.plan.PlanSections.Direction;
import io.perfcenter.incentive.section.TeamRewardSection.Split;
import io.perfcenter.incentive.section.TeamRewardSection.TeamReward;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.statement.Numbers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Team rewards (seeds 000, 002): when the unit meets its target, the pool (plus the team fund, if the plan says so)
 * is split among the unit's agents equally, by scorecard total or by hours. Shares are exact fractions of the pool
 * cut down to the cent, and the cents left over go one each to the largest remainders (then by employee id), so
 * the shares always add up to the pool exactly.
 */
public final class TeamPool {

    public static final String MISSING_FIGURE = TargetBonusSection.MISSING_FIGURE;
    private static final int DIVISION_SCALE = 12;

    private TeamPool() {
    }

    /** An agent of the unit with the figures a split may weigh by. */
    public record Member(String employeeId, BigDecimal score, BigDecimal hours) {
    }

    /** One agent's share: an amount, or null with the flag saying why not. */
    public record Share(BigDecimal amount, BigDecimal weight, BigDecimal totalWeight, Explanation explained,
                        String flag) {

        /** The explanation in English. */
        public String explanation() {
            return explained.en();
        }
    }

    /** What the unit's team reward came to; the run shows it without the shares. */
    public record Outcome(String measure, BigDecimal unitValue, BigDecimal target, Direction direction, boolean met,
                          BigDecimal pool, BigDecimal teamFund, Split split, Explanation explained,
                          @JsonIgnore Map<String, Share> shares) {

        /** The explanation in English. */
        public String explanation() {
            return explained.en();
        }
    }

    public static Outcome decide(TeamReward reward, String unitCode, BigDecimal unitValue, BigDecimal teamFund,
                                 List<Member> members) {
        Map<String, Share> shares = new HashMap<>();
        BigDecimal fund = Boolean.TRUE.equals(reward.includeTeamFund()) && teamFund != null
                ? teamFund : BigDecimal.ZERO;
        BigDecimal pool = Money.round(reward.pool().add(fund));
        String figure = unitCode + " " + reward.measure() + " " + Numbers.figure(unitValue);
        if (unitValue == null) {
            Explanation why = new Explanation("No " + reward.measure() + " figure for unit " + unitCode
                    + ": team reward not assessed", "单元 " + unitCode + " 没有 " + reward.measure() + " 数据：未评定团队奖励");
            members.forEach(m -> shares.put(m.employeeId(), new Share(null, null, null, why, MISSING_FIGURE)));
            return new Outcome(reward.measure(), null, reward.target(), reward.direction(), false, pool, fund,
                    reward.split(), why, shares);
        }
        boolean higher = reward.direction() != Direction.LOWER;
        int c = unitValue.compareTo(reward.target());
        boolean met = higher ? c >= 0 : c <= 0;
        if (!met) {
            String target = Numbers.figure(reward.target());
            String shortBy = Numbers.figure(unitValue.subtract(reward.target()).abs());
            Explanation why = new Explanation(figure + (higher ? " below" : " above") + " target " + target
                    + " (short by " + shortBy + "): no team reward",
                    figure + (higher ? " 低于" : " 高于") + "目标 " + target + "（差 " + shortBy + "）：无团队奖励");
            members.forEach(m -> shares.put(m.employeeId(), new Share(Money.round(BigDecimal.ZERO), null, null,
                    why, null)));
            return new Outcome(reward.measure(), unitValue, reward.target(), reward.direction(), false, pool, fund,
                    reward.split(), why, shares);
        }
        String poolText = fund.signum() > 0
                ? "pool " + Numbers.money(reward.pool()) + " + team fund " + Numbers.money(fund) + " = "
                + Numbers.money(pool) : "pool " + Numbers.money(pool);
        String poolZh = fund.signum() > 0
                ? "奖池 " + Numbers.money(reward.pool()) + " + 团队基金 " + Numbers.money(fund) + " = "
                + Numbers.money(pool) : "奖池 " + Numbers.money(pool);
        String sign = higher ? " ≥" : " ≤";
        Explanation head = new Explanation(figure + sign + " target " + Numbers.figure(reward.target()) + ": "
                + poolText, figure + sign + " 目标 " + Numbers.figure(reward.target()) + "：" + poolZh);

        List<Member> weighed = new ArrayList<>();
        Map<String, BigDecimal> weights = new HashMap<>();
        for (Member m : members) {
            BigDecimal w = switch (reward.split()) {
                case EQUAL -> BigDecimal.ONE;
                case BY_SCORE -> m.score();
                case BY_HOURS -> m.hours();
            };
            if (w == null || w.signum() < 0) {
                String what = reward.split() == Split.BY_SCORE ? "score" : reward.hoursMeasure();
                String whatZh = reward.split() == Split.BY_SCORE ? "得分" : " " + reward.hoursMeasure() + " ";
                shares.put(m.employeeId(), new Share(null, null, null, new Explanation("No " + what + " figure for "
                        + m.employeeId() + ": team share not computed", m.employeeId() + " 没有" + whatZh
                        + "数据：未计算团队分成"), MISSING_FIGURE));
            } else {
                weighed.add(m);
                weights.put(m.employeeId(), w);
            }
        }
        BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.signum() == 0) {
            for (Member m : weighed) {
                shares.put(m.employeeId(), new Share(Money.round(BigDecimal.ZERO), BigDecimal.ZERO, total,
                        head.plus("; nothing to split by (all weights are 0)", "；无可分配依据（所有权重均为 0）"), null));
            }
            return new Outcome(reward.measure(), unitValue, reward.target(), reward.direction(), true, pool, fund,
                    reward.split(), head.plus("; nothing to split by", "；无可分配依据"), shares);
        }
        // exact shares, cut to the cent; the leftover cents go to the largest remainders
        Map<String, BigDecimal> exact = new HashMap<>();
        Map<String, BigDecimal> cut = new HashMap<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (Member m : weighed) {
            BigDecimal e = pool.multiply(weights.get(m.employeeId())).divide(total, DIVISION_SCALE, RoundingMode.DOWN);
            exact.put(m.employeeId(), e);
            BigDecimal f = Money.floor(e);
            cut.put(m.employeeId(), f);
            allocated = allocated.add(f);
        }
        int leftoverCents = pool.subtract(allocated).movePointRight(Money.SCALE).intValueExact();
        List<Member> byRemainder = new ArrayList<>(weighed);
        byRemainder.sort(Comparator.<Member, BigDecimal>comparing(
                        m -> exact.get(m.employeeId()).subtract(cut.get(m.employeeId())), Comparator.reverseOrder())
                .thenComparing(Member::employeeId));
        for (int i = 0; i < leftoverCents && i < byRemainder.size(); i++) {
            String id = byRemainder.get(i).employeeId();
            cut.put(id, cut.get(id).add(new BigDecimal("0.01")));
        }
        for (Member m : weighed) {
            BigDecimal w = weights.get(m.employeeId());
            BigDecimal amount = cut.get(m.employeeId());
            String how = switch (reward.split()) {
                case EQUAL -> " split equally among " + weighed.size();
                case BY_SCORE -> " × score " + Numbers.figure(w) + " / " + Numbers.figure(total) + " (all scores)";
                case BY_HOURS -> " × " + Numbers.figure(w) + " h / " + Numbers.figure(total) + " h ("
                        + reward.hoursMeasure() + ")";
            };
            String howZh = switch (reward.split()) {
                case EQUAL -> "，由 " + weighed.size() + " 人平分";
                case BY_SCORE -> " × 得分 " + Numbers.figure(w) + " / " + Numbers.figure(total) + "（全部得分）";
                case BY_HOURS -> " × " + Numbers.figure(w) + " 小时 / " + Numbers.figure(total) + " 小时（"
                        + reward.hoursMeasure() + "）";
            };
            String result = " = " + Numbers.money(amount);
            shares.put(m.employeeId(), new Share(amount, w, total, head.plus(how + result, howZh + result), null));
        }
        String splitZh = switch (reward.split()) {
            case EQUAL -> "，平均分配";
            case BY_SCORE -> "，按得分分配";
            case BY_HOURS -> "，按工时分配";
        };
        return new Outcome(reward.measure(), unitValue, reward.target(), reward.direction(), true, pool, fund,
                reward.split(), head.plus(", split " + reward.split().name().toLowerCase().replace('_', ' '), splitZh),
                shares);
    }
}
