package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.promotion.LadderPayloads.Eligibility;
import io.perfcenter.incentive.promotion.LadderPayloads.LadderInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleResult;
import io.perfcenter.incentive.promotion.LadderPayloads.Step;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seed 003's promotion path: results and mentoring (新人帮扶达标率), adopted improvements, no disciplinary deductions. */
class PromotionRuleTests {

    static final YearMonth OCT = YearMonth.of(2026, 10);

    static final List<RuleInput> SEAT_TO_LEAD = List.of(
            new RuleInput("consecutiveGrades", null, 3, List.of("good", "excellent"), null, null, null, null, null),
            new RuleInput("tenure", null, null, null, 12, null, null, null, null),
            new RuleInput("metric", null, 3, null, null, "mentoring_pass_rate", new BigDecimal("0.9"), null, null),
            new RuleInput("metric", null, 6, null, null, "suggestions_adopted", new BigDecimal("2"), null, null),
            new RuleInput("metric", "no disciplinary deductions", 6, null, null, "rule_violations", null,
                    BigDecimal.ZERO, true));

    static CareerLadder ladder() {
        CareerLadder ladder = new CareerLadder();
        ladder.code = "CAREER";
        ladder.version = 2;
        ladder.setDefinition(new LadderInput("CAREER", "Career", List.of("seat", "group-lead", "qa-specialist",
                "operations-manager"), List.of(new Step("seat", "group-lead", SEAT_TO_LEAD),
                new Step("group-lead", "qa-specialist", List.of(new RuleInput("tenure", null, null, null, 24, null,
                        null, null, null))))));
        return ladder;
    }

    static AgentRecord agent(LocalDate hired, Map<Integer, Map<String, BigDecimal>> metrics, String... grades) {
        Map<YearMonth, Scorecard> cards = new HashMap<>();
        for (int i = 0; i < grades.length; i++) {
            YearMonth month = OCT.minusMonths(grades.length - 1 - i);
            if (grades[i] != null) {
                cards.put(month, new Scorecard(1L, "E1", "G1", month.toString(), BigDecimal.TEN, grades[i], 1,
                        "PUBLISHED", List.of()));
            }
        }
        return new AgentRecord("E1", hired, cards, metrics);
    }

    @Test
    void anAgentMeetingEveryRuleIsEligible() {
        Eligibility e = LadderEvaluation.evaluate(ladder(), OCT, "seat", agent(LocalDate.of(2025, 1, 10),
                Map.of(3, Map.of("mentoring_pass_rate", new BigDecimal("0.95")),
                        6, Map.of("suggestions_adopted", new BigDecimal("3"))), "good", "excellent", "good"));
        assertTrue(e.eligible());
        assertEquals("group-lead", e.nextPosition());
        assertEquals("eligible for group-lead: all 5 rules met", e.summary());
        assertEquals("3 consecutive months graded good or excellent up to 2026-10", e.rules().get(0).explanation());
        assertEquals(new BigDecimal("21"), e.rules().get(1).actual());
        assertEquals("no rule_violations recorded in 2026-05 to 2026-10", e.rules().get(4).explanation());
        assertTrue(e.rules().stream().allMatch(r -> r.missing() == null));
    }

    @Test
    void notYetSaysWhatEachUnmetRuleMisses() {
        Eligibility e = LadderEvaluation.evaluate(ladder(), OCT, "seat", agent(LocalDate.of(2026, 3, 1),
                Map.of(3, Map.of("mentoring_pass_rate", new BigDecimal("0.80")),
                        6, Map.of("rule_violations", new BigDecimal("1"))), "fail", "good", "excellent"));
        assertFalse(e.eligible());
        assertEquals("not yet: 5 of 5 rules unmet", e.summary());
        List<RuleResult> r = e.rules();
        assertEquals("2 consecutive months graded good or excellent up to 2026-10 (2026-08 was graded fail)",
                r.get(0).explanation());
        assertEquals("1 more consecutive month graded good or excellent", r.get(0).missing());
        assertEquals("8 whole months from the hire date 2026-03-01 to the end of 2026-10", r.get(1).explanation());
        assertEquals("4 more months of tenure", r.get(1).missing());
        assertEquals("0.1 more mentoring_pass_rate (at least 0.9)", r.get(2).missing());
        assertEquals("a suggestions_adopted figure for 2026-05 to 2026-10", r.get(3).missing());
        assertEquals("no disciplinary deductions", r.get(4).rule());
        assertEquals("rule_violations down by 1 (at most 0)", r.get(4).missing());
    }

    @Test
    void eligibilityIsExplainedInChineseTooWithTheSameFigures() {
        Eligibility e = LadderEvaluation.evaluate(ladder(), OCT, "seat", agent(LocalDate.of(2026, 3, 1),
                Map.of(3, Map.of("mentoring_pass_rate", new BigDecimal("0.80")),
                        6, Map.of("rule_violations", new BigDecimal("1"))), "fail", "good", "excellent"));
        Eligibility zh = e.in(io.perfcenter.incentive.web.Language.ZH);
        assertEquals("暂不符合：5 条规则中有 5 条未满足", zh.summary());
        List<RuleResult> r = zh.rules();
        assertEquals("连续 3 个月等级为 good 或 excellent", r.get(0).rule());
        assertEquals("截至 2026-10 连续 2 个月等级为 good 或 excellent（2026-08 的等级为 fail）", r.get(0).explanation());
        assertEquals("还需连续 1 个月等级为 good 或 excellent", r.get(0).missing());
        assertEquals("任职至少 12 个月", r.get(1).rule());
        assertEquals("自入职日期 2026-03-01 至 2026-10 月底共 8 个整月", r.get(1).explanation());
        assertEquals("还需任职 4 个月", r.get(1).missing());
        assertEquals("近 3 个月 mentoring_pass_rate 至少 0.9", r.get(2).rule());
        assertEquals("2026-08 至 2026-10 的 mentoring_pass_rate 为 0.8", r.get(2).explanation());
        assertEquals("mentoring_pass_rate 还差 0.1（至少 0.9）", r.get(2).missing());
        assertEquals("2026-05 至 2026-10 没有 suggestions_adopted 记录", r.get(3).explanation());
        assertEquals("2026-05 至 2026-10 的 suggestions_adopted 数据", r.get(3).missing());
        // HR's own label is shown as given, in either language
        assertEquals("no disciplinary deductions", r.get(4).rule());
        assertEquals("rule_violations 需降低 1（至多 0）", r.get(4).missing());
        // the English answer is the one computed, unchanged
        assertEquals(e.summary(), e.in(io.perfcenter.incentive.web.Language.EN).summary());
        assertEquals("4 more months of tenure", e.in(io.perfcenter.incentive.web.Language.EN).rules().get(1).missing());

        Eligibility noPosition = LadderEvaluation.evaluate(ladder(), OCT, null, agent(LocalDate.of(2020, 1, 1),
                Map.of())).in(io.perfcenter.incentive.web.Language.ZH);
        assertEquals("组织目录中没有岗位：按 seat 处理", noPosition.note());
        Eligibility top = LadderEvaluation.evaluate(ladder(), OCT, "operations-manager", agent(null, Map.of()))
                .in(io.perfcenter.incentive.web.Language.ZH);
        assertEquals("没有更高一级", top.summary());
        assertEquals("operations-manager 在晋升通道 CAREER 上没有更高一级", top.note());
    }

    @Test
    void aMonthWithoutScorecardBreaksTheStreakAndNoHireDateIsMissing() {
        RuleResult streak = new ConsecutiveGradesRule(SEAT_TO_LEAD.get(0)).check(
                agent(null, Map.of(), "good", null, "excellent"), OCT);
        assertEquals(new BigDecimal("1"), streak.actual());
        assertEquals("1 consecutive month graded good or excellent up to 2026-10 (2026-09 has no published "
                + "scorecard)", streak.explanation());
        RuleResult tenure = new TenureRule(SEAT_TO_LEAD.get(1)).check(agent(null, Map.of()), OCT);
        assertFalse(tenure.passed());
        assertNull(tenure.actual());
        assertEquals("a hire date in the org directory (metrics-service, hireDate)", tenure.missing());
    }

    @Test
    void positionsPlaceTheAgentOnTheLadder() {
        AgentRecord veteran = agent(LocalDate.of(2020, 1, 1), Map.of());
        Eligibility lead = LadderEvaluation.evaluate(ladder(), OCT, "group-lead", veteran);
        assertTrue(lead.eligible());
        assertEquals("qa-specialist", lead.nextPosition());
        Eligibility none = LadderEvaluation.evaluate(ladder(), OCT, null, veteran);
        assertEquals("seat", none.currentPosition());
        assertEquals("no position in the org directory: taken as seat", none.note());
        Eligibility top = LadderEvaluation.evaluate(ladder(), OCT, "qa-specialist", veteran);
        assertFalse(top.eligible());
        assertEquals("qa-specialist has no step above it on ladder CAREER", top.note());
        assertEquals(3, LadderEvaluation.scorecardMonths(ladder().definition()));
        assertEquals(Map.of(3, List.of("mentoring_pass_rate"), 6, List.of("suggestions_adopted", "rule_violations")),
                LadderEvaluation.metricWindows(ladder().definition()));
    }
}
