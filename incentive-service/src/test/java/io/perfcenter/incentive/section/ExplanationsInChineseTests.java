package io.perfcenter.incentive.section;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.IncentivePlan;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.plan.PlanSections.Direction;
import io.perfcenter.incentive.section.CommissionSection.Commission;
import io.perfcenter.incentive.section.CommissionSection.CommissionMode;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudget;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudgetPolicy;
import io.perfcenter.incentive.section.PointsConversionSection.PointsConversion;
import io.perfcenter.incentive.section.TargetBonusSection.Target;
import io.perfcenter.incentive.section.TargetBonusSection.TargetBonus;
import io.perfcenter.incentive.section.TeamRewardSection.Split;
import io.perfcenter.incentive.section.TeamRewardSection.TeamReward;
import io.perfcenter.incentive.statement.ComposedStatement;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.FiguresByMeasure;
import io.perfcenter.incentive.statement.UnitOutcome;
import io.perfcenter.incentive.web.Language;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every section kind explains its line in English and in Simplified Chinese at compute time, with the very same
 * figures in both texts (the one formatter). Each figure is worked out by hand in the comment above it.
 */
class ExplanationsInChineseTests {

    private static IncentivePlan plan(PlanSections sections) {
        IncentivePlan plan = new IncentivePlan();
        plan.code = "ZH";
        plan.version = 4;
        plan.currency = "CNY";
        plan.performancePayShare = new BigDecimal("0.30");
        plan.setSections(sections);
        return plan;
    }

    private static Scorecard card(String total, String grade, int rank) {
        return new Scorecard(7L, "E1", "G1", "2026-10", new BigDecimal(total), grade, rank, "PUBLISHED", List.of());
    }

    private static void both(String en, String zh, Explanation said) {
        assertEquals(en, said.en());
        assertEquals(zh, said.zh());
        assertEquals(en, said.in(Language.EN));
        assertEquals(zh, said.in(Language.ZH));
    }

    @Test
    void performancePayByGradeAndByBandAndWhenNotComputed() {
        // 8,000.00 × 0.30 × 1.1 = 2,640.00
        PerformancePay pay = PerformancePay.of(new BigDecimal("8000.00"), LocalDate.of(2026, 6, 1),
                new BigDecimal("0.30"), new BigDecimal("1.1"), PerformancePay.byGrade("excellent"));
        both("8,000.00 (salary effective 2026-06-01) × 30% × 1.1 (excellent) = 2,640.00",
                "月薪 8,000.00（2026-06-01 起生效） × 绩效比例 30% × 系数 1.1（等级 excellent）= 2,640.00", pay.explained());

        // score 96.5 in (95,100] → K 1.1: 8,000.00 × 0.30 × 1.1 = 2,640.00
        ComputedLine band = new PerformancePaySection().lines(new PlanSection.Facts(PerformancePayByBandTests.kTable(),
                PerformancePayByBandTests.card("96.5"), PerformancePayByBandTests.salary("8000.00"))).get(0);
        assertEquals(new BigDecimal("2640.00"), band.amount());
        both("8,000.00 × 30% × 1.1 (score 96.5 in (95,100] A) = 2,640.00",
                "月薪 8,000.00 × 绩效比例 30% × 系数 1.1（得分 96.5 属于 (95,100] A）= 2,640.00", band.explained());

        ComputedLine none = new PerformancePaySection().lines(new PlanSection.Facts(PerformancePayByBandTests.kTable(),
                PerformancePayByBandTests.card("85"), PerformancePayByBandTests.salary("8000.00"))).get(0);
        both("Score 85 is in no score band of plan K-TABLE version 3: performance pay not computed",
                "得分 85 不在方案 K-TABLE 第 3 版的任何分数段内：未计算绩效工资", none.explained());

        ComputedLine noSalary = new PerformancePaySection().lines(new PlanSection.Facts(
                plan(new PlanSections(null, null, null, null, null, null, null)), card("90", "excellent", 1), null))
                .get(0);
        both("No monthly salary on file for E1 in effect on the last day of 2026-10: performance pay not computed",
                "E1 在 2026-10 最后一天没有生效的月薪记录：未计算绩效工资", noSalary.explained());
    }

    @Test
    void targetBonusesReachedAndNot() {
        TargetBonus targets = new TargetBonus("fcr", Direction.HIGHER,
                new Target(new BigDecimal("0.80"), new BigDecimal("500")),
                new Target(new BigDecimal("0.90"), new BigDecimal("800")), Map.of("expert-seat", new BigDecimal("1.2")));
        Scorecard card = card("88", "good", 2);
        List<ComputedLine> lines = new TargetBonusSection().lines(new PlanSection.Facts(
                plan(new PlanSections(null, targets, null, null, null, null, null)), card, null, "expert-seat",
                new FiguresByMeasure(card, Map.of("fcr", new BigDecimal("0.86"))), UnitOutcome.none()));
        // basic: 0.86 ≥ 0.80 → 500.00 × 1.2 = 600.00; challenge: 0.86 < 0.90, short by 0.04
        assertEquals(new BigDecimal("600.00"), lines.get(0).amount());
        both("fcr 0.86 ≥ basic target 0.8: 500.00 × 1.2 (position expert-seat) = 600.00",
                "fcr 0.86 ≥ 基础目标 0.8：500.00 × 1.2（岗位 expert-seat）= 600.00", lines.get(0).explained());
        both("fcr 0.86 below challenge target 0.9 (short by 0.04): no challenge bonus",
                "fcr 0.86 低于挑战目标 0.9（差 0.04）：无挑战奖金", lines.get(1).explained());
    }

    @Test
    void commissionWholeProgressiveAndWithoutSales() {
        // WHOLE: 150,000 is tier 2 → 150,000 × 1.5% = 2,250.00, and tier 2 pays 200.00 into the team fund
        TieredCommission whole = TieredCommission.of(new Commission(null, CommissionMode.WHOLE,
                TieredCommissionTests.SEED_003), new BigDecimal("150000"));
        assertEquals(new BigDecimal("2250.00"), whole.amount());
        both("150,000.00 in tier 2 (100,000.00–200,000.00) × 1.5% = 2,250.00; tier 2 reached: 200.00 to the team fund",
                "150,000.00 属于第 2 档（100,000.00–200,000.00）× 1.5% = 2,250.00；达到第 2 档：200.00 计入团队基金",
                whole.explained());

        // PROGRESSIVE: 100,000 × 1% + 100,000 × 1.5% + 50,000 × 2% = 1,000 + 1,500 + 1,000 = 3,500.00;
        // tiers 2 and 3 pay 200.00 + 300.00 = 500.00 into the team fund
        Commission progressive = new Commission(null, CommissionMode.PROGRESSIVE, TieredCommissionTests.SEED_003);
        Scorecard card = card("88", "good", 2);
        UnitOutcome unit = new UnitOutcome("G1", "2026-10", BigDecimal.ZERO, 0, null, Map.of());
        IncentivePlan plan = plan(new PlanSections(null, null, progressive, null, null, null, null));
        ComputedLine line = new CommissionSection().lines(new PlanSection.Facts(plan, card, null, null,
                new FiguresByMeasure(card, Map.of("sales_amount", new BigDecimal("250000"))), unit)).get(0);
        assertEquals(new BigDecimal("3500.00"), line.amount());
        both("Sales by bracket: 100,000.00 × 1% + 100,000.00 × 1.5% + 50,000.00 × 2% = 3,500.00; tiers 2 and 3 "
                        + "reached: 200.00 + 300.00 = 500.00 to the team fund",
                "分档计算销售额：100,000.00 × 1% + 100,000.00 × 1.5% + 50,000.00 × 2% = 3,500.00；达到第 2、3 档："
                        + "200.00 + 300.00 = 500.00 计入团队基金", line.explained());

        ComputedLine noSales = new CommissionSection().lines(new PlanSection.Facts(plan, card, null, null,
                new FiguresByMeasure(card, Map.of()), unit)).get(0);
        assertEquals(new BigDecimal("0.00"), noSales.amount());
        both("No sales_amount recorded for 2026-10: no commission", "2026-10 没有 sales_amount 记录：无提成",
                noSales.explained());
    }

    @Test
    void teamPoolSharesMetAndMissed() {
        TeamReward byScore = new TeamReward("csat", Direction.HIGHER, new BigDecimal("4.5"), new BigDecimal("10000"),
                Split.BY_SCORE, null, true);
        // pool 10,000 + team fund 500 = 10,500; A1: 10,500 × 92.5 / 250.5 = 3,877.2455… → 3,877.25
        TeamPool.Outcome met = TeamPool.decide(byScore, "G1", new BigDecimal("4.5"), new BigDecimal("500.00"),
                TeamPoolTests.MEMBERS);
        both("G1 csat 4.5 ≥ target 4.5: pool 10,000.00 + team fund 500.00 = 10,500.00 × score 92.5 / 250.5 (all "
                        + "scores) = 3,877.25",
                "G1 csat 4.5 ≥ 目标 4.5：奖池 10,000.00 + 团队基金 500.00 = 10,500.00 × 得分 92.5 / 250.5（全部得分）"
                        + " = 3,877.25", met.shares().get("A1").explained());
        both("G1 csat 4.5 ≥ target 4.5: pool 10,000.00 + team fund 500.00 = 10,500.00, split by score",
                "G1 csat 4.5 ≥ 目标 4.5：奖池 10,000.00 + 团队基金 500.00 = 10,500.00，按得分分配", met.explained());

        // EQUAL: 10,000 / 3 = 3,333.33 each, the leftover cent to A1 (first by employee id)
        TeamReward equal = new TeamReward("csat", Direction.HIGHER, new BigDecimal("4.5"), new BigDecimal("10000"),
                Split.EQUAL, null, null);
        TeamPool.Outcome split = TeamPool.decide(equal, "G1", new BigDecimal("4.62"), null, TeamPoolTests.MEMBERS);
        both("G1 csat 4.62 ≥ target 4.5: pool 10,000.00 split equally among 3 = 3,333.34",
                "G1 csat 4.62 ≥ 目标 4.5：奖池 10,000.00，由 3 人平分 = 3,333.34", split.shares().get("A1").explained());

        // 4.31 against 4.5: short by 0.19
        TeamPool.Outcome missed = TeamPool.decide(equal, "G1", new BigDecimal("4.31"), null, TeamPoolTests.MEMBERS);
        both("G1 csat 4.31 below target 4.5 (short by 0.19): no team reward",
                "G1 csat 4.31 低于目标 4.5（差 0.19）：无团队奖励", missed.shares().get("A2").explained());
    }

    @Test
    void budgetScalingAddsToTheLineInBothLanguagesAndExplainsTheRun() {
        List<ComposedStatement> s = new ArrayList<>();
        s.add(new ComposedStatement("A1", "G1", List.of(
                ComputedLine.paid("performance-pay", new BigDecimal("2640.00"), "CNY",
                        new Explanation("pp 2,640.00", "绩效 2,640.00"), Map.of()),
                ComputedLine.paid("commission", new BigDecimal("3500.00"), "CNY", Explanation.same("c"), Map.of()))));
        s.add(new ComposedStatement("A2", "G1", List.of(
                ComputedLine.paid("performance-pay", new BigDecimal("1800.00"), "CNY", Explanation.same("p"), Map.of()),
                ComputedLine.paid("target-bonus", new BigDecimal("500.00"), "CNY", Explanation.same("t"), Map.of()))));
        // cost 8,440 against 7,000: commission 3,500 stays; 3,500 / 4,940 = 0.708502 (cut down);
        // 2,640 × 0.708502 = 1,870.44528 → 1,870.44; 1,800 → 1,275.30; 500 → 354.25; cost 3,500 + 3,499.99
        BudgetScaling.Outcome o = BudgetScaling.apply(s, new BigDecimal("7000.00"), "CNY", "CNY",
                new OverBudget(OverBudgetPolicy.SCALE, List.of("performance-pay", "target-bonus")));
        both("pp 2,640.00; scaled × 0.708502 to fit the budget = 1,870.44",
                "绩效 2,640.00；为符合预算按 × 0.708502 缩放 = 1,870.44", s.get(0).lines().get(0).explained());
        assertEquals("Cost 8,440.00 over budget 7,000.00 by 1,440.00: performance-pay, target-bonus scaled × 0.708502 "
                + "→ cost 6,999.99", o.explanation());
        assertEquals("成本 8,440.00 超出预算 7,000.00，超出 1,440.00：performance-pay, target-bonus 按 × 0.708502 缩放 → "
                + "成本 6,999.99", o.explanationZh());
        // answered in one language, the other text left out
        assertEquals(o.explanationZh(), o.in(Language.ZH).explanation());
        assertEquals(null, o.in(Language.ZH).explanationZh());
        assertEquals(o.explanation(), o.in(Language.EN).explanation());

        BudgetScaling.Outcome within = BudgetScaling.apply(s, new BigDecimal("9000"), "CNY", "CNY", null);
        // cost now 6,999.99 against 9,000: 2,000.01 left
        assertEquals("成本 6,999.99 未超出预算 9,000.00（剩余 2,000.01）", within.explanationZh());
    }

    @Test
    void perksPointsAndHonorPrizes() {
        List<ComputedLine> perks = new PerkSection().lines(new PlanSection.Facts(plan(new PlanSections(null, null,
                null, null, List.of(PerkSectionTests.FLEX), null, null)), card("97", "excellent", 1), null));
        both("rank 1 ≤ 3 and grade excellent: 2 self-chosen shifts (a month)",
                "排名 1 ≤ 3，等级 excellent：2 self-chosen shifts（a month）", perks.get(0).explained());

        // 130 points × 0.50 = 65.00, above the cap of 50.00
        Map<String, Integer> byContest = new LinkedHashMap<>();
        byContest.put("CSAT-OCT", 80);
        byContest.put("AHT-OCT", 50);
        Scorecard card = card("88", "good", 2);
        UnitOutcome earned = new UnitOutcome("G1", "2026-10", BigDecimal.ZERO, 0, null, Map.of(),
                Map.of("E1", new UnitOutcome.PointsEarned(130, byContest)));
        IncentivePlan points = plan(new PlanSections(null, null, null, null, null, null, null,
                new PointsConversion(new BigDecimal("0.50"), new BigDecimal("50.00"))));
        ComputedLine converted = new PointsConversionSection().lines(new PlanSection.Facts(points, card, null, null,
                new FiguresByMeasure(card, Map.of()), earned)).get(0);
        both("130 points earned in 2026-10 (CSAT-OCT 80, AHT-OCT 50) × 0.5 per point = 65.00, capped at 50.00: 50.00",
                "2026-10 获得 130 积分（CSAT-OCT 80，AHT-OCT 50）× 每积分 0.5 = 65.00，封顶 50.00：50.00",
                converted.explained());
        ComputedLine none = new PointsConversionSection().lines(new PlanSection.Facts(points, card, null, null,
                new FiguresByMeasure(card, Map.of()), new UnitOutcome("G1", "2026-10", BigDecimal.ZERO, 0, null,
                Map.of()))).get(0);
        both("no engagement points earned in 2026-10: 0.00", "2026-10 未获得参与积分：0.00", none.explained());

        // a prize of 500 for Service Star, whose Chinese label HR gave; a reason stored before V8 reads in English
        IncentivePlan honors = plan(new PlanSections(null, null, null, null, null,
                Map.of("SERVICE-STAR", new BigDecimal("500"), "ALL-ROUND", BigDecimal.ZERO), null));
        UnitOutcome won = new UnitOutcome("G1", "2026-10", BigDecimal.ZERO, 0, null, Map.of("E1", List.of(
                new UnitOutcome.HonorWin("SERVICE-STAR", "Service Star", "服务之星", "2026-10", 1,
                        new Explanation("csat 4.9, 1st of 3 eligible (higher is better)",
                                "csat 4.9，3 名合格者中第 1 名（越高越好）"), 11L),
                new UnitOutcome.HonorWin("ALL-ROUND", "All-round", null, "2026-10", 2,
                        new Explanation("score 91, 2nd of 5 eligible (higher is better)", null), 12L))));
        List<ComputedLine> lines = new HonorPrizeSection().lines(new PlanSection.Facts(honors, card, null, null,
                new FiguresByMeasure(card, Map.of()), won));
        both("Service Star 2026-10, place 1 (csat 4.9, 1st of 3 eligible (higher is better)): prize 500.00",
                "服务之星 2026-10 第 1 名（csat 4.9，3 名合格者中第 1 名（越高越好））：奖金 500.00",
                lines.get(0).explained());
        both("All-round 2026-10, place 2 (score 91, 2nd of 5 eligible (higher is better))",
                "All-round 2026-10 第 2 名（score 91, 2nd of 5 eligible (higher is better)）", lines.get(1).explained());
    }

    @Test
    void theLanguageIsChineseWhenTheMostPreferredRangeIsChinese() {
        assertEquals(Language.ZH, Language.of("zh-CN"));
        assertEquals(Language.ZH, Language.of("zh"));
        assertEquals(Language.ZH, Language.of("zh-TW,en;q=0.5"));
        assertEquals(Language.ZH, Language.of("en;q=0.5, zh-Hans;q=0.8"));
        // the most preferred range decides, as for problem titles
        assertEquals(Language.EN, Language.of("fr, zh-Hans;q=0.8, en;q=0.5"));
        assertEquals(Language.EN, Language.of("en-US,zh;q=0.9"));
        assertEquals(Language.EN, Language.of("zh;q=0, de"));
        assertEquals(Language.EN, Language.of(null));
        assertEquals(Language.EN, Language.of("fr"));
        assertEquals(Language.EN, Language.of("<<not a header>>"));
        assertEquals("zh-CN", Language.ZH.tag());
        // a text without Chinese (stored before V8) reads in English
        assertEquals("only English", new Explanation("only English", null).in(Language.ZH));
    }
}
