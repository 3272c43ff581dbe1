package io.perfcenter.incentive.section;

import io.perfcenter.incentive.section.CommissionSection.Bracket;
import io.perfcenter.incentive.section.CommissionSection.Commission;
import io.perfcenter.incentive.section.CommissionSection.CommissionMode;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Money;
import io.perfcenter.incentive.statement.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tiered sales commission (seed 003: ≤100k 1%, 100k–200k 1.5%, >200k 2%). WHOLE pays all sales at the rate of the
 * tier they reach; PROGRESSIVE pays each bracket's part at its own rate. Each tier reached above the first pays its
 * {@code teamFund} into the unit's team fund. The amount is computed exactly and rounded HALF_UP once, at the end.
 */
public record TieredCommission(BigDecimal amount, int tier, List<Integer> tiersReached, BigDecimal teamFund,
                               Explanation explained) {

    /** The calculation in English. */
    public String explanation() {
        return explained.en();
    }

    public static TieredCommission of(Commission plan, BigDecimal sales) {
        List<Bracket> brackets = plan.brackets();
        BigDecimal counted = sales.signum() < 0 ? BigDecimal.ZERO : sales;
        int tier = tierOf(brackets, counted);
        BigDecimal exact;
        String calculation;
        String calculationZh;
        if (plan.mode() == CommissionMode.WHOLE) {
            BigDecimal rate = brackets.get(tier - 1).rate();
            exact = counted.multiply(rate);
            calculation = Numbers.money(counted) + " in tier " + tier + " (" + describe(brackets, tier) + ") × "
                    + Numbers.percent(rate);
            calculationZh = Numbers.money(counted) + " 属于第 " + tier + " 档（" + describeZh(brackets, tier) + "）× "
                    + Numbers.percent(rate);
        } else {
            exact = BigDecimal.ZERO;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < brackets.size(); i++) {
                BigDecimal lower = i == 0 ? BigDecimal.ZERO : brackets.get(i - 1).upTo();
                if (counted.compareTo(lower) <= 0) {
                    break;
                }
                BigDecimal upper = brackets.get(i).upTo();
                BigDecimal part = (upper == null || counted.compareTo(upper) < 0 ? counted : upper).subtract(lower);
                exact = exact.add(part.multiply(brackets.get(i).rate()));
                parts.add(Numbers.money(part) + " × " + Numbers.percent(brackets.get(i).rate()));
            }
            calculation = parts.isEmpty() ? Numbers.money(counted) + " sales" : String.join(" + ", parts);
            calculationZh = parts.isEmpty() ? "销售额 " + Numbers.money(counted) : String.join(" + ", parts);
        }
        BigDecimal amount = Money.round(exact);
        List<Integer> reached = new ArrayList<>();
        BigDecimal fund = BigDecimal.ZERO.setScale(Money.SCALE);
        List<String> funds = new ArrayList<>();
        for (int i = 1; i < tier; i++) {
            reached.add(i + 1);
            BigDecimal contribution = brackets.get(i).teamFund();
            if (contribution != null && contribution.signum() > 0) {
                fund = fund.add(Money.round(contribution));
                funds.add(Numbers.money(contribution));
            }
        }
        String explanation = calculation + " = " + Numbers.money(amount);
        String explanationZh = calculationZh + " = " + Numbers.money(amount);
        if (!funds.isEmpty()) {
            String paid = String.join(" + ", funds) + (funds.size() > 1 ? " = " + Numbers.money(fund) : "");
            explanation += "; tier" + (reached.size() > 1 ? "s " : " ") + join(reached) + " reached: " + paid
                    + " to the team fund";
            explanationZh += "；达到第 " + reached.stream().map(String::valueOf).collect(Collectors.joining("、"))
                    + " 档：" + paid + " 计入团队基金";
        }
        return new TieredCommission(amount, tier, reached, fund, new Explanation(explanation, explanationZh));
    }

    /** 1-based tier the sales fall in; an upper bound belongs to its own bracket (100,000 is tier 1). */
    static int tierOf(List<Bracket> brackets, BigDecimal sales) {
        for (int i = 0; i < brackets.size(); i++) {
            BigDecimal upTo = brackets.get(i).upTo();
            if (upTo == null || sales.compareTo(upTo) <= 0) {
                return i + 1;
            }
        }
        return brackets.size();
    }

    private static String describe(List<Bracket> brackets, int tier) {
        BigDecimal upTo = brackets.get(tier - 1).upTo();
        if (tier == 1) {
            return upTo == null ? "all sales" : "up to " + Numbers.money(upTo);
        }
        BigDecimal lower = brackets.get(tier - 2).upTo();
        return upTo == null ? "above " + Numbers.money(lower) : Numbers.money(lower) + "–" + Numbers.money(upTo);
    }

    /** The same in Chinese: 100,000.00 及以下, 100,000.00–200,000.00, 200,000.00 以上, 全部销售额. */
    private static String describeZh(List<Bracket> brackets, int tier) {
        BigDecimal upTo = brackets.get(tier - 1).upTo();
        if (tier == 1) {
            return upTo == null ? "全部销售额" : Numbers.money(upTo) + " 及以下";
        }
        BigDecimal lower = brackets.get(tier - 2).upTo();
        return upTo == null ? Numbers.money(lower) + " 以上" : Numbers.money(lower) + "–" + Numbers.money(upTo);
    }

    private static String join(List<Integer> tiers) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < tiers.size(); i++) {
            s.append(i == 0 ? "" : i == tiers.size() - 1 ? " and " : ", ").append(tiers.get(i));
        }
        return s.toString();
    }
}
