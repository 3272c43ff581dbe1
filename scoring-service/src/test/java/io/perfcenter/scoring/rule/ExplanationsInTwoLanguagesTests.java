package io.perfcenter.scoring.rule;

import io.perfcenter.scoring.rule.BandedDeductionRule.Band;
import io.perfcenter.scoring.rule.LookupTableRule.Row;
import io.perfcenter.scoring.rule.ManualRatingRule.Dimension;
import io.perfcenter.scoring.rule.ManualRatingRule.Rater;
import io.perfcenter.scoring.rule.TieredRateRule.Tier;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every rule kind explains its points in English and in Simplified Chinese, with the same figures (worked out by hand
 * in the comments); the units templates commonly name are given in Chinese (min → 分钟, calls → 通 …).
 */
class ExplanationsInTwoLanguagesTests {

    @Test
    void linear() {
        LinearRule aht = new LinearRule(new BigDecimal("5"), new BigDecimal("10"), BigDecimal.TEN, "min");
        // 10 × (10 − 6.5) / (10 − 5) = 10 × 3.5 / 5 = 7
        explains(aht.score(new BigDecimal("6.5")), "7.00",
                "6.5 min lies between 5 min (full marks) and 10 min (zero): 10 × (10 − 6.5) / (10 − 5) = 7 of 10 points",
                "6.5 分钟 介于 5 分钟（满分）与 10 分钟（零分）之间：10 × (10 − 6.5) / (10 − 5) = 7，满分 10 分");
        explains(aht.score(new BigDecimal("4")), "10.00", "4 min ≤ 5 min (full marks) → 10 of 10 points",
                "4 分钟 ≤ 5 分钟（满分）→ 10 分，满分 10 分");
        explains(aht.score(new BigDecimal("12")), "0.00", "12 min ≥ 10 min (zero) → 0 of 10 points",
                "12 分钟 ≥ 10 分钟（零分）→ 0 分，满分 10 分");
        // higher is better, no unit: 100 × (4.5 − 3) / (4.8 − 3) = 150 / 1.8 = 83.33
        LinearRule csat = new LinearRule(new BigDecimal("4.8"), new BigDecimal("3.0"), null);
        explains(csat.score(new BigDecimal("4.5")), "83.33",
                "4.5 lies between 4.8 (full marks) and 3 (zero): 100 × (4.5 − 3) / (4.8 − 3) = 83.33 of 100 points",
                "4.5 介于 4.8（满分）与 3（零分）之间：100 × (4.5 − 3) / (4.8 − 3) = 83.33，满分 100 分");
    }

    private static final List<Tier> TIERS = List.of(new Tier(new BigDecimal("2000"), new BigDecimal("0.4")),
            new Tier(new BigDecimal("2300"), new BigDecimal("0.5")),
            new Tier(new BigDecimal("2500"), new BigDecimal("0.55")), new Tier(null, new BigDecimal("0.6")));

    @Test
    void tieredRate() {
        // 2,412 × 0.55 = 1,326.6; × 100 / 1,500 = 88.44
        TieredRateRule whole = new TieredRateRule(TIERS, null, new BigDecimal("1500"), "calls");
        explains(whole.score(new BigDecimal("2412")), "88.44",
                "2,412 calls × 0.55 (tier 2300–2500) = 1,326.6; 1,326.6 / 1,500 (max) × 100 = 88.44 points",
                "2,412 通 × 0.55（2300–2500 档）= 1,326.6；1,326.6 / 1,500（上限）× 100 = 88.44 分");
        // 1,800 × 0.4 = 720, tier 1: "up to"
        explains(new TieredRateRule(TIERS, null, null, "calls").score(new BigDecimal("1800")), "720.00",
                "1,800 calls × 0.4 (tier up to 2000) = 720 points", "1,800 通 × 0.4（2000 及以下档）= 720 分");
        // progressive: 2,000 × 0.4 + 300 × 0.5 + 112 × 0.55 = 800 + 150 + 61.6 = 1,011.6
        TieredRateRule progressive = new TieredRateRule(TIERS, TieredRateRule.Mode.PROGRESSIVE, null, "calls");
        explains(progressive.score(new BigDecimal("2412")), "1011.60",
                "2,412 calls, each bracket at its rate: 2,000 × 0.4 + 300 × 0.5 + 112 × 0.55 = 1,011.6 points",
                "2,412 通，各分段按各自费率计：2,000 × 0.4 + 300 × 0.5 + 112 × 0.55 = 1,011.6 分");
        // 3,500 × 0.6 = 2,100; × 40 / 1,500 = 56, above the 40 the rule is worth
        TieredRateRule forty = new TieredRateRule(TIERS, null, new BigDecimal("1500"), new BigDecimal("40"), "calls");
        explains(forty.score(new BigDecimal("3500")), "40.00",
                "3,500 calls × 0.6 (tier above 2500) = 2,100; 2,100 / 1,500 (max) × 40 = 56, capped at 40 of 40 points",
                "3,500 通 × 0.6（2500 以上档）= 2,100；2,100 / 1,500（上限）× 40 = 56，封顶为 40 分，满分 40 分");
    }

    private static final List<Row> ERRORS = List.of(row("3", "30"), row("4", "28"), row("5", "27.5"),
            row("10", "23"), row(null, "0"));

    @Test
    void lookupTable() {
        LookupTableRule table = new LookupTableRule(ERRORS, null, "errors");
        explains(table.score(new BigDecimal("5")), "27.50", "5 errors (row 4 < value ≤ 5) → 27.5 points",
                "5 个错误（4 < 数值 ≤ 5 档）→ 27.5 分");
        explains(table.score(new BigDecimal("2")), "30.00", "2 errors (row ≤ 3) → 30 points", "2 个错误（≤ 3 档）→ 30 分");
        explains(table.score(new BigDecimal("12")), "0.00", "12 errors (row > 10) → 0 points",
                "12 个错误（> 10 档）→ 0 分");
        // worth 10, scaled from the best row's 30: 27.5 × 10 / 30 = 9.1666… → 9.17
        LookupTableRule ten = new LookupTableRule(ERRORS, null, BigDecimal.TEN, "errors");
        explains(ten.score(new BigDecimal("5")), "9.17",
                "5 errors (row 4 < value ≤ 5) → 27.5; 27.5 / 30 (max) × 10 = 9.17 of 10 points",
                "5 个错误（4 < 数值 ≤ 5 档）→ 27.5；27.5 / 30（上限）× 10 = 9.17 分，满分 10 分");
        LookupTableRule single = new LookupTableRule(List.of(row(null, "5")), null, null);
        explains(single.score(new BigDecimal("1")), "5.00", "1 (single row) → 5 points", "1（唯一一档）→ 5 分");
    }

    @Test
    void bandedDeduction() {
        BandedDeductionRule qa = new BandedDeductionRule(new BigDecimal("30"), List.of(
                new Band(new BigDecimal("99"), BigDecimal.ZERO), new Band(new BigDecimal("95"), new BigDecimal("3")),
                new Band(new BigDecimal("80"), new BigDecimal("10"))), null, null, "QA points");
        explains(qa.score(new BigDecimal("96")), "27.00", "96 QA points (band ≥ 95): 30 − 3 = 27 points",
                "96 质检分（≥ 95 档）：30 − 3 = 27 分");
        // below every band: the whole 30 is deducted
        explains(qa.score(new BigDecimal("70")), "0.00", "70 QA points (below 80): 30 − 30 = 0 points",
                "70 质检分（低于 80）：30 − 30 = 0 分");
    }

    @Test
    void perIncident() {
        PerIncidentRule violations = new PerIncidentRule(BigDecimal.TEN, new BigDecimal("0.5"), null, null,
                "violations");
        // 3 × 0.5 = 1.5; 10 − 1.5 = 8.5
        explains(violations.score(new BigDecimal("3")), "8.50",
                "3 violations × 0.5 = 1.5 deducted from 10 = 8.5 points", "3 次违规 × 0.5 = 1.5，从 10 中扣除 = 8.5 分");
        // 25 × 0.5 = 12.5 > 10: floored at 0
        explains(violations.score(new BigDecimal("25")), "0.00",
                "25 violations × 0.5 = 12.5 deducted from 10, floored at 0 points",
                "25 次违规 × 0.5 = 12.5，从 10 中扣除，保底 0 分");
        // worth 5 of the 10 raw points: 8.5 × 5 / 10 = 4.25
        PerIncidentRule five = new PerIncidentRule(BigDecimal.TEN, new BigDecimal("0.5"), null, null,
                new BigDecimal("5"), "violations");
        explains(five.score(new BigDecimal("3")), "4.25",
                "3 violations × 0.5 = 1.5 deducted from 10 = 8.5; 8.5 / 10 (max) × 5 = 4.25 of 5 points",
                "3 次违规 × 0.5 = 1.5，从 10 中扣除 = 8.5；8.5 / 10（上限）× 5 = 4.25 分，满分 5 分");
    }

    @Test
    void targetAchievement() {
        TargetAchievementRule csat = new TargetAchievementRule(new BigDecimal("0.9"), null, null, null, null);
        // 0.87 ÷ 0.9 = 96.666…% → 96.67
        explains(csat.score(context("0.87", null)), "96.67",
                "0.87 ÷ target 0.9 (template default) = 96.67% × 100 = 96.67 points",
                "0.87 ÷ 目标 0.9（模板默认目标）= 96.67% × 100 = 96.67 分");
        // 0.9 ÷ 0.95 = 94.736…% → 94.74, the group's target
        explains(csat.score(context("0.9", new RuleContext.Target(new BigDecimal("0.95"), "group G1"))), "94.74",
                "0.9 ÷ target 0.95 (group G1) = 94.74% × 100 = 94.74 points",
                "0.9 ÷ 目标 0.95（小组 G1）= 94.74% × 100 = 94.74 分");
        explains(csat.score(context("0.9", new RuleContext.Target(new BigDecimal("0.9"), "agent E2001, 2026-10"))),
                "100.00", "0.9 ÷ target 0.9 (agent E2001, 2026-10) = 100% × 100 = 100 points",
                "0.9 ÷ 目标 0.9（坐席 E2001，2026-10）= 100% × 100 = 100 分");
        // 1.2 ÷ 0.9 = 133.33%, capped at 120%: 1.2 × 100 = 120
        TargetAchievementRule generous = new TargetAchievementRule(new BigDecimal("0.9"), null, new BigDecimal("1.2"),
                null, null);
        explains(generous.score(context("1.2", null)), "120.00",
                "1.2 ÷ target 0.9 (template default) = 133.33%, capped at 120% × 100 = 120 points",
                "1.2 ÷ 目标 0.9（模板默认目标）= 133.33%，封顶 120% × 100 = 120 分");
        // lower is better: 0.04 ÷ 0.045 = 88.888…% × 20 = 17.78
        TargetAchievementRule complaints = new TargetAchievementRule(new BigDecimal("0.04"), new BigDecimal("20"),
                null, TargetAchievementRule.Direction.LOWER, null);
        explains(complaints.score(context("0.045", null)), "17.78",
                "target 0.04 (template default) ÷ 0.045 = 88.89% × 20 = 17.78 points",
                "目标 0.04（模板默认目标）÷ 0.045 = 88.89% × 20 = 17.78 分");
        TargetAchievementRule none = new TargetAchievementRule(null, null, null, null, null);
        insufficient(none.score(context("0.9", null)),
                "No target set for the agent, their group, team or center, and no default in the template",
                "坐席本人及其所在小组、团队、中心均未设定目标，模板中也没有默认目标");
    }

    private static final ManualRatingRule DE_NENG_JI_QIN = new ManualRatingRule(null, null, List.of(
            new Dimension("de", "德", new BigDecimal("25")), new Dimension("neng", "能", new BigDecimal("25")),
            new Dimension("ji", "绩", new BigDecimal("25")), new Dimension("qin", "勤", new BigDecimal("25"))),
            List.of(new Rater("supervisor", new BigDecimal("60")), new Rater("peer", new BigDecimal("20")),
                    new Rater("self", new BigDecimal("20"))), BigDecimal.TEN);

    @Test
    void manualRating() {
        // supervisor (4 + 5 + 4 + 4) / 4 = 4.25; peers (4 + 4) / 2 = 4; self (5 + 5 + 4 + 4) / 4 = 4.5
        // 4.25 × 0.6 + 4 × 0.2 + 4.5 × 0.2 = 2.55 + 0.8 + 0.9 = 4.25 of 5 → 4.25 / 5 × 10 = 8.5
        RuleScore all = DE_NENG_JI_QIN.score(ratings(rating("supervisor", 4, 5, 4, 4), rating("peer", 4, 4, 4, 4),
                rating("peer", 5, 4, 4, 3), rating("self", 5, 5, 4, 4)));
        explains(all, "8.50", "supervisor 4.25 (de 4, neng 5, ji 4, qin 4) × 60% + peer 4 (mean of 2) × 20% + self "
                        + "4.5 (de 5, neng 5, ji 4, qin 4) × 20% = 4.25 of 5 → 8.5 of 10 points",
                "主管 4.25（de 4，neng 5，ji 4，qin 4）× 60% + 同事 4（2 人平均）× 20% + 自评 4.5（de 5，neng 5，ji 4，"
                        + "qin 4）× 20% = 4.25（满分 5）→ 8.5 分，满分 10 分");
        // no peer: (4 × 60 + 5 × 20) / 80 = 340 / 80 = 4.25 → 8.5
        RuleScore noPeer = DE_NENG_JI_QIN.score(ratings(rating("supervisor", 4, 4, 4, 4),
                rating("self", 5, 5, 5, 5)));
        explains(noPeer, "8.50", "supervisor 4 (de 4, neng 4, ji 4, qin 4) × 60% + self 5 (de 5, neng 5, ji 5, qin 5) "
                        + "× 20% (no rating from peer: its weight is spread over the 80% that rated) = 4.25 of 5 → 8.5 "
                        + "of 10 points",
                "主管 4（de 4，neng 4，ji 4，qin 4）× 60% + 自评 5（de 5，neng 5，ji 5，qin 5）× 20%（同事未评分："
                        + "其权重分摊到已评分的 80%）= 4.25（满分 5）→ 8.5 分，满分 10 分");
        insufficient(DE_NENG_JI_QIN.score(ratings()), "No ratings yet (supervisor, peer, self)", "尚无评分（主管、同事、自评）");
        // one overall dimension, default 100 points: 3 of 5 → 60
        ManualRatingRule overall = new ManualRatingRule(null, null, null, List.of(
                new Rater("supervisor", new BigDecimal("100"))));
        explains(overall.score(ratings(new RuleContext.Rating("supervisor", "S1", Map.of("overall",
                        new BigDecimal("3"))))), "60.00", "supervisor 3 × 100% = 3 of 5 → 60 points",
                "主管 3 × 100% = 3（满分 5）→ 60 分");
    }

    @Test
    void expression() {
        ExpressionRule rule = new ExpressionRule("value >= 0.95 ? 100.0 : value / 0.95 * 100.0", null, null, null);
        // 0.76 / 0.95 × 100 = 80
        explains(rule.score(new BigDecimal("0.76")), "80.00",
                "expression `value >= 0.95 ? 100.0 : value / 0.95 * 100.0` with value = 0.76 = 80 points",
                "表达式 `value >= 0.95 ? 100.0 : value / 0.95 * 100.0`，其中 value = 0.76，结果 = 80 分");
        ExpressionRule bounded = new ExpressionRule("(csat - 3.0) * 40.0 + calls_handled / 100.0",
                List.of("csat", "calls_handled"), BigDecimal.ZERO, new BigDecimal("100"));
        // (5 − 3) × 40 + 3,000 / 100 = 80 + 30 = 110, limited to 100
        explains(bounded.score(new RuleContext(null, null, Map.of("csat", new BigDecimal("5"), "calls_handled",
                        new BigDecimal("3000")), null, List.of())), "100.00",
                "expression `(csat - 3.0) * 40.0 + calls_handled / 100.0` with csat = 5, calls_handled = 3,000 = 110, "
                        + "limited to the maximum 100 points",
                "表达式 `(csat - 3.0) * 40.0 + calls_handled / 100.0`，其中 csat = 5，calls_handled = 3,000，结果 = 110，"
                        + "限制为最高分 100 分");
        // (3 − 3) × 40 + 0 − … below 0: (2.5 − 3) × 40 + 1,000 / 100 = −20 + 10 = −10, raised to 0
        explains(bounded.score(new RuleContext(null, null, Map.of("csat", new BigDecimal("2.5"), "calls_handled",
                        new BigDecimal("1000")), null, List.of())), "0.00",
                "expression `(csat - 3.0) * 40.0 + calls_handled / 100.0` with csat = 2.5, calls_handled = 1,000 = -10, "
                        + "raised to the minimum 0 points",
                "表达式 `(csat - 3.0) * 40.0 + calls_handled / 100.0`，其中 csat = 2.5，calls_handled = 1,000，结果 = -10，"
                        + "提高到最低分 0 分");
        insufficient(bounded.score(new RuleContext(null, null, Map.of("csat", new BigDecimal("5")), null, List.of())),
                "No calls_handled data for the expression", "表达式所需的 calls_handled 无数据");
    }

    @Test
    void commonUnitsAreGivenInChineseOthersAsTheTemplateNamesThem() {
        assertEquals("6.5 分钟", Figures.withUnitZh(new BigDecimal("6.5"), "min"));
        assertEquals("42 秒", Figures.withUnitZh(new BigDecimal("42"), "s"));
        assertEquals("2,412 通", Figures.withUnitZh(new BigDecimal("2412"), "calls"));
        assertEquals("96 质检分", Figures.withUnitZh(new BigDecimal("96"), "QA points"));
        assertEquals("3 单", Figures.withUnitZh(new BigDecimal("3"), "tickets"));
        assertEquals("3 件", Figures.withUnitZh(new BigDecimal("3"), "件"));
        assertEquals("1,200 CNY", Figures.withUnitZh(new BigDecimal("1200"), "CNY"));
        assertEquals("7", Figures.withUnitZh(new BigDecimal("7"), null));
    }

    private static void explains(RuleScore score, String points, String en, String zh) {
        assertEquals(new BigDecimal(points), score.points());
        assertEquals(en, score.explanation().en());
        assertEquals(zh, score.explanation().zh());
        assertTrue(score.explanation().in(true).equals(zh) && score.explanation().in(false).equals(en));
    }

    private static void insufficient(RuleScore score, String en, String zh) {
        assertTrue(score.isInsufficient());
        assertEquals(en, score.explanation().en());
        assertEquals(zh, score.explanation().zh());
    }

    private static Row row(String upTo, String points) {
        return new Row(upTo == null ? null : new BigDecimal(upTo), new BigDecimal(points));
    }

    private static RuleContext context(String value, RuleContext.Target target) {
        return new RuleContext(new BigDecimal(value), null, Map.of(), target, List.of());
    }

    private static RuleContext ratings(RuleContext.Rating... ratings) {
        return new RuleContext(null, null, Map.of(), null, List.of(ratings));
    }

    private static int raterNumber;

    private static RuleContext.Rating rating(String role, int de, int neng, int ji, int qin) {
        return new RuleContext.Rating(role, "R" + (++raterNumber), Map.of("de", BigDecimal.valueOf(de), "neng",
                BigDecimal.valueOf(neng), "ji", BigDecimal.valueOf(ji), "qin", BigDecimal.valueOf(qin)));
    }
}
