package io.perfcenter.scoring.run;

import io.perfcenter.scoring.client.MetricsPayloads.MetricAggregate;
import io.perfcenter.scoring.rule.LinearRule;
import io.perfcenter.scoring.rule.TieredRateRule;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import io.perfcenter.scoring.template.GradeBand;
import io.perfcenter.scoring.template.InsufficientData;
import io.perfcenter.scoring.template.TemplateOptions;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScorecardCalculatorTests {

    static ScorecardTemplate seatTemplate() {
        ScorecardTemplate t = new ScorecardTemplate();
        t.code = "SEAT";
        t.version = 1;
        t.items = List.of(
                new TemplateItem("calls", "Calls", "internal-operations", "calls_handled", new BigDecimal("40"),
                        new TieredRateRule(List.of(
                                new TieredRateRule.Tier(new BigDecimal("2000"), new BigDecimal("0.4")),
                                new TieredRateRule.Tier(new BigDecimal("2300"), new BigDecimal("0.5")),
                                new TieredRateRule.Tier(new BigDecimal("2500"), new BigDecimal("0.55")),
                                new TieredRateRule.Tier(null, new BigDecimal("0.7"))),
                                null, new BigDecimal("1500"), "calls")),
                new TemplateItem("reply", "Reply time", "customer", "reply_minutes", new BigDecimal("30"),
                        new LinearRule(new BigDecimal("5"), new BigDecimal("10"), "min")),
                new TemplateItem("csat", "CSAT", "customer", "csat", new BigDecimal("30"),
                        new LinearRule(new BigDecimal("4.8"), new BigDecimal("3.0"), null)));
        t.gradeBands = List.of(new GradeBand("excellent", new BigDecimal("90")),
                new GradeBand("good", new BigDecimal("80")), new GradeBand("pass", new BigDecimal("70")),
                new GradeBand("fail", BigDecimal.ZERO));
        return t;
    }

    @Test
    void weightsThePointsAndGrades() {
        var result = ScorecardCalculator.score(seatTemplate(), Map.of(
                "calls_handled", value("2412"), "reply_minutes", value("4.2"), "csat", value("4.9")), "2026-10");
        // 88.44 × 40% + 100 × 30% + 100 × 30% = 35.376 + 30 + 30
        assertEquals(new BigDecimal("95.38"), result.total());
        assertEquals("excellent", result.grade());
        ScorecardItem calls = result.items().get(0);
        assertEquals(new BigDecimal("88.44"), calls.points);
        assertEquals(0, new BigDecimal("35.376").compareTo(calls.weightedPoints));
        assertEquals("2,412 calls × 0.55 (tier 2300–2500) = 1,326.6; 1,326.6 / 1,500 (max) × 100 = 88.44 points; "
                + "weight 40% → 35.376", calls.explanation);
        assertFalse(calls.insufficientData);
    }

    @Test
    void aMissingMetricIsMarkedAndEarnsNothing() {
        var result = ScorecardCalculator.score(seatTemplate(), Map.of(
                "calls_handled", value("3100"), "reply_minutes", value("6")), "2026-10");
        ScorecardItem csat = result.items().get(2);
        assertTrue(csat.insufficientData);
        assertNull(csat.value);
        assertEquals(0, BigDecimal.ZERO.compareTo(csat.points));
        assertEquals("No csat data for 2026-10: insufficient data, 0 points (not scored)", csat.explanation);
        // 100 × 40% + 80 × 30% + 0
        assertEquals(new BigDecimal("64.00"), result.total());
        assertEquals("fail", result.grade());
    }

    @Test
    void gradeIsTheHighestBandReached() {
        var bands = seatTemplate().gradeBands;
        assertEquals("excellent", GradeBand.gradeOf(bands, new BigDecimal("90.00")));
        assertEquals("good", GradeBand.gradeOf(bands, new BigDecimal("89.99")));
        assertEquals("pass", GradeBand.gradeOf(bands, new BigDecimal("70")));
        assertEquals("fail", GradeBand.gradeOf(bands, new BigDecimal("69.99")));
        assertEquals("fail", GradeBand.gradeOf(bands, BigDecimal.ZERO));
    }

    @Test
    void tooFewSamplesAreInsufficientDataNeverASilentZero() {
        ScorecardTemplate t = withCsat(20, null);
        var result = ScorecardCalculator.score(t, Map.of("calls_handled", value("2412"), "reply_minutes",
                value("4.2"), "csat", new MetricAggregate(new BigDecimal("4.9"), 12)), "2026-10");
        ScorecardItem csat = result.items().get(2);
        assertTrue(csat.insufficientData);
        assertEquals("ZERO", csat.handling);
        assertEquals("4.9 rests on 12 samples, fewer than the 20 required: insufficient data, 0 points",
                csat.explanation);
        assertEquals(12L, csat.samples);
        assertEquals(new BigDecimal("65.38"), result.total());
    }

    @Test
    void theNeutralPolicyGivesItsPoints() {
        ScorecardTemplate t = withCsat(20, new InsufficientData(InsufficientData.Policy.NEUTRAL, new BigDecimal("60")));
        var result = ScorecardCalculator.score(t, Map.of("calls_handled", value("2412"), "reply_minutes",
                value("4.2"), "csat", new MetricAggregate(new BigDecimal("4.9"), 12)), "2026-10");
        ScorecardItem csat = result.items().get(2);
        assertEquals("NEUTRAL", csat.handling);
        assertEquals(0, new BigDecimal("18").compareTo(csat.weightedPoints));
        assertEquals("4.9 rests on 12 samples, fewer than the 20 required: insufficient data, neutral 60 points "
                + "(policy); weight 30% → 18", csat.explanation);
        // 35.376 + 30 + 18
        assertEquals(new BigDecimal("83.38"), result.total());
    }

    @Test
    void theExcludePolicyReNormalisesTheOtherWeights() {
        ScorecardTemplate t = withCsat(20, new InsufficientData(InsufficientData.Policy.EXCLUDE, null));
        var result = ScorecardCalculator.score(t, Map.of("calls_handled", value("2412"), "reply_minutes",
                value("4.2")), "2026-10");
        ScorecardItem csat = result.items().get(2);
        assertEquals("EXCLUDED", csat.handling);
        assertNull(csat.points);
        // (35.376 + 30) × 100 / 70 = 93.394…
        assertEquals(new BigDecimal("93.39"), result.total());
        assertEquals("excellent", result.grade());
        assertEquals("Total: 35.376 + 30 = 65.376 over items weighing 70 of 100 (csat left out: insufficient data), "
                + "re-normalised × 100 / 70 → 93.39", result.totalExplanation().en());
    }

    @Test
    void anAdditiveTemplateAddsVolumePointsAndErrorPoints() {
        // seed 004, front-line seat: talk volume points (§3.1) + error points (§3.2)
        ScorecardTemplate t = new ScorecardTemplate();
        t.code = "SEAT-004";
        t.version = 1;
        t.items = List.of(
                new TemplateItem("volume", "Talk volume", "results", "calls_handled", null,
                        new TieredRateRule(io.perfcenter.scoring.rule.TieredRateRuleTests.CALL_TIERS, null, null,
                                "calls")),
                new TemplateItem("errors", "Error count", "quality", "error_count", new BigDecimal("30"),
                        io.perfcenter.scoring.rule.LookupTableRuleTests.ERRORS));
        t.gradeBands = List.of(new GradeBand("excellent", new BigDecimal("1300")), new GradeBand("pass", BigDecimal.ZERO));
        t.options = new TemplateOptions(TemplateOptions.Scoring.ADDITIVE, null, null, null, null, null, null);
        var result = ScorecardCalculator.score(t, Map.of("calls_handled", value("2412"), "error_count", value("5")),
                "2026-10");
        // 2,412 × 0.55 = 1,326.6 + 27.5
        assertEquals(new BigDecimal("1354.10"), result.total());
        assertEquals("excellent", result.grade());
        assertEquals("2,412 calls × 0.55 (tier 2300–2500) = 1,326.6 points; counts 1,326.6",
                result.items().get(0).explanation);
        assertEquals("5 errors (row 4 < value ≤ 5) → 27.5 points; counts 27.5", result.items().get(1).explanation);
    }

    @Test
    void aWeightedTemplateScalesEachItemFromItsRulesOwnPointsToItsWeight() {
        ScorecardTemplate t = new ScorecardTemplate();
        t.code = "SCALES";
        t.version = 1;
        t.items = List.of(
                // worth 10 points, weighing 40
                new TemplateItem("aht", "AHT", "customer", "aht_minutes", new BigDecimal("40"),
                        new LinearRule(new BigDecimal("5"), new BigDecimal("10"), BigDecimal.TEN, "min")),
                // seed 004's error table, 0–30 points, weighing 30
                new TemplateItem("errors", "Errors", "quality", "error_count", new BigDecimal("30"),
                        io.perfcenter.scoring.rule.LookupTableRuleTests.ERRORS),
                new TemplateItem("csat", "CSAT", "customer", "csat", new BigDecimal("30"),
                        new LinearRule(new BigDecimal("4.8"), new BigDecimal("3.0"), null)));
        t.gradeBands = List.of(new GradeBand("good", new BigDecimal("80")), new GradeBand("pass", BigDecimal.ZERO));
        var result = ScorecardCalculator.score(t, Map.of("aht_minutes", value("6.5"), "error_count", value("5"),
                "csat", value("4.5")), "2026-10");
        // aht: 10 × (10 − 6.5) / (10 − 5) = 7 of 10 → 7 / 10 × 40 = 28
        // errors: 27.5 of 30 → 27.5 / 30 × 30 = 27.5 (it was 27.5 × 30 / 100 = 8.25, as if the table were 0–100)
        // csat: 83.33 of 100 → × 30% = 24.999; total 80.499 → 80.50
        assertEquals("6.5 min lies between 5 min (full marks) and 10 min (zero): 10 × (10 − 6.5) / (10 − 5) = 7 of "
                + "10 points; 7 / 10 × weight 40 → 28", result.items().get(0).explanation);
        assertEquals(0, new BigDecimal("28").compareTo(result.items().get(0).weightedPoints));
        assertEquals("5 errors (row 4 < value ≤ 5) → 27.5 points; 27.5 / 30 × weight 30 → 27.5",
                result.items().get(1).explanation);
        assertEquals(0, new BigDecimal("27.5").compareTo(result.items().get(1).weightedPoints));
        assertEquals(0, new BigDecimal("24.999").compareTo(result.items().get(2).weightedPoints));
        assertEquals(new BigDecimal("80.50"), result.total());
        assertEquals("good", result.grade());
    }

    @Test
    void targetAchievementOverTheTargetPaysBeyondItsWeight() {
        ScorecardTemplate t = new ScorecardTemplate();
        t.code = "TARGET";
        t.version = 1;
        t.items = List.of(new TemplateItem("fcr", "FCR", "customer", "fcr", new BigDecimal("100"),
                new io.perfcenter.scoring.rule.TargetAchievementRule(new BigDecimal("0.8"), null,
                        new BigDecimal("1.2"), null, null)));
        t.gradeBands = List.of(new GradeBand("pass", BigDecimal.ZERO));
        // 0.9 ÷ 0.8 = 112.5% → 112.5 points of 0–120, the weight earned at 100 → 112.5 × 100% = 112.5
        var result = ScorecardCalculator.score(t, Map.of("fcr", value("0.9")), "2026-10");
        assertEquals(new BigDecimal("112.50"), result.total());
    }

    @Test
    void everyExplanationIsWrittenInChineseTooWithTheSameFigures() {
        var scored = ScorecardCalculator.score(seatTemplate(), Map.of(
                "calls_handled", value("2412"), "reply_minutes", value("4.2"), "csat", value("4.9")), "2026-10");
        // 88.44 × 40% = 35.376; 100 × 30% = 30 twice
        assertEquals("2,412 通 × 0.55（2300–2500 档）= 1,326.6；1,326.6 / 1,500（上限）× 100 = 88.44 分；权重 40% → 35.376",
                scored.items().get(0).explanationZh);
        assertEquals("4.2 分钟 ≤ 5 分钟（满分）→ 100 分，满分 100 分；权重 30% → 30", scored.items().get(1).explanationZh);
        assertEquals("Total: 35.376 + 30 + 30 = 95.376 → 95.38", scored.totalExplanation().en());
        assertEquals("总分：35.376 + 30 + 30 = 95.376 → 95.38", scored.totalExplanation().zh());

        var missing = ScorecardCalculator.score(seatTemplate(), Map.of(
                "calls_handled", value("3100"), "reply_minutes", value("6")), "2026-10");
        assertEquals("2026-10 没有 csat 数据：数据不足，0 分（未计分）", missing.items().get(2).explanationZh);

        var few = ScorecardCalculator.score(withCsat(20, null), Map.of("calls_handled", value("2412"),
                "reply_minutes", value("4.2"), "csat", new MetricAggregate(new BigDecimal("4.9"), 12)), "2026-10");
        assertEquals("4.9 仅基于 12 个样本，少于要求的 20 个：数据不足，0 分", few.items().get(2).explanationZh);

        var neutral = ScorecardCalculator.score(withCsat(20, new InsufficientData(InsufficientData.Policy.NEUTRAL,
                new BigDecimal("60"))), Map.of("calls_handled", value("2412"), "reply_minutes", value("4.2"), "csat",
                new MetricAggregate(new BigDecimal("4.9"), 12)), "2026-10");
        // 60 × 30% = 18
        assertEquals("4.9 仅基于 12 个样本，少于要求的 20 个：数据不足，按策略给中性分 60 分；权重 30% → 18",
                neutral.items().get(2).explanationZh);

        var excluded = ScorecardCalculator.score(withCsat(20, new InsufficientData(InsufficientData.Policy.EXCLUDE,
                null)), Map.of("calls_handled", value("2412"), "reply_minutes", value("4.2")), "2026-10");
        assertEquals("2026-10 没有 csat 数据：数据不足，按策略不计入总分；其余项目的权重重新归一",
                excluded.items().get(2).explanationZh);
        // (35.376 + 30) × 100 / 70 = 93.394… → 93.39
        assertEquals("总分：35.376 + 30 = 65.376，计入项目的权重为 70 / 100（csat 因数据不足未计入），重新归一 × 100 / 70 "
                + "→ 93.39", excluded.totalExplanation().zh());
    }

    @Test
    void anAppealsAdjustmentAndEveryItemLeftOutInBothLanguages() {
        ScorecardInputs inputs = ScorecardInputs.of(Map.of("calls_handled", value("2412"), "reply_minutes",
                value("4.2"), "csat", value("4.9"))).withAdjustment("csat", new ScorecardInputs.Adjustment(
                new BigDecimal("90"), 7, "survey sent to the wrong agent", "hr.li"));
        var adjusted = ScorecardCalculator.score(seatTemplate(), inputs, Map.of(), "2026-10");
        ScorecardItem csat = adjusted.items().get(2);
        // 90 × 30% = 27; the reason stays as the reviewer wrote it
        assertEquals("4.9 ≥ 4.8 (full marks) → 100 of 100 points; adjusted on appeal 7 by hr.li to 90 points (survey "
                + "sent to the wrong agent); weight 30% → 27", csat.explanation);
        assertEquals("4.9 ≥ 4.8（满分）→ 100 分，满分 100 分；经申诉 7 由 hr.li 调整为 90 分（survey sent to the wrong "
                + "agent）；权重 30% → 27", csat.explanationZh);

        ScorecardTemplate alone = new ScorecardTemplate();
        alone.code = "ALONE";
        alone.version = 1;
        alone.items = List.of(new TemplateItem("csat", "CSAT", "customer", "csat", new BigDecimal("100"),
                new LinearRule(new BigDecimal("4.8"), new BigDecimal("3.0"), null), null,
                new InsufficientData(InsufficientData.Policy.EXCLUDE, null)));
        alone.gradeBands = List.of(new GradeBand("pass", BigDecimal.ZERO));
        var nothing = ScorecardCalculator.score(alone, Map.of(), "2026-10");
        assertEquals("Total: Every item was left out for insufficient data: 0 → 0", nothing.totalExplanation().en());
        assertEquals("总分：所有项目均因数据不足未计入：0 → 0", nothing.totalExplanation().zh());
    }

    @Test
    void additiveAndScaledItemsInChinese() {
        ScorecardTemplate t = new ScorecardTemplate();
        t.code = "SCALES-ZH";
        t.version = 1;
        t.items = List.of(
                new TemplateItem("aht", "AHT", "customer", "aht_minutes", new BigDecimal("40"),
                        new LinearRule(new BigDecimal("5"), new BigDecimal("10"), BigDecimal.TEN, "min")),
                new TemplateItem("errors", "Errors", "quality", "error_count", new BigDecimal("60"),
                        io.perfcenter.scoring.rule.LookupTableRuleTests.ERRORS));
        t.gradeBands = List.of(new GradeBand("pass", BigDecimal.ZERO));
        var weighted = ScorecardCalculator.score(t, Map.of("aht_minutes", value("6.5"), "error_count", value("5")),
                "2026-10");
        // 7 of 10 → 7 / 10 × 40 = 28; 27.5 of 30 → 27.5 / 30 × 60 = 55
        assertEquals("6.5 分钟 介于 5 分钟（满分）与 10 分钟（零分）之间：10 × (10 − 6.5) / (10 − 5) = 7，满分 10 分；"
                + "7 / 10 × 权重 40 → 28", weighted.items().get(0).explanationZh);
        assertEquals("5 个错误（4 < 数值 ≤ 5 档）→ 27.5 分；27.5 / 30 × 权重 60 → 55",
                weighted.items().get(1).explanationZh);
        t.options = new TemplateOptions(TemplateOptions.Scoring.ADDITIVE, null, null, null, null, null, null);
        t.items = List.of(new TemplateItem("volume", "Talk volume", "results", "calls_handled", null,
                        new TieredRateRule(io.perfcenter.scoring.rule.TieredRateRuleTests.CALL_TIERS, null, null,
                                "calls")),
                new TemplateItem("errors", "Errors", "quality", "error_count", new BigDecimal("30"),
                        io.perfcenter.scoring.rule.LookupTableRuleTests.ERRORS));
        var additive = ScorecardCalculator.score(t, Map.of("calls_handled", value("2412"), "error_count", value("5")),
                "2026-10");
        assertEquals("2,412 通 × 0.55（2300–2500 档）= 1,326.6 分；计 1,326.6 分", additive.items().get(0).explanationZh);
        assertEquals("5 个错误（4 < 数值 ≤ 5 档）→ 27.5 分；计 27.5 分", additive.items().get(1).explanationZh);
        assertEquals("总分：1,326.6 + 27.5 = 1,354.1 → 1,354.1", additive.totalExplanation().zh());
    }

    private static ScorecardTemplate withCsat(int minSamples, InsufficientData policy) {
        ScorecardTemplate t = seatTemplate();
        TemplateItem csat = t.items.get(2);
        t.items = List.of(t.items.get(0), t.items.get(1), new TemplateItem(csat.code(), csat.name(), csat.category(),
                csat.metricCode(), csat.weight(), csat.rule(), minSamples, policy));
        return t;
    }

    private static MetricAggregate value(String v) {
        return new MetricAggregate(new BigDecimal(v), 20);
    }
}
