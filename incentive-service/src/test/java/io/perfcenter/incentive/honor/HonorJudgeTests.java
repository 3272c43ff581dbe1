package io.perfcenter.incentive.honor;

import io.perfcenter.incentive.honor.AwardPayloads.AwardInput;
import io.perfcenter.incentive.honor.AwardPayloads.Cadence;
import io.perfcenter.incentive.honor.AwardPayloads.Condition;
import io.perfcenter.incentive.honor.AwardPayloads.Ranking;
import io.perfcenter.incentive.honor.AwardPayloads.WhenMissing;
import io.perfcenter.incentive.plan.PlanSections.Direction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seed 003's monthly awards: Service Star by CSAT among agents with enough volume, no upheld complaint, no fail. */
class HonorJudgeTests {

    static final AwardInput SERVICE_STAR = new AwardInput("SERVICE-STAR", "Service Star", Cadence.MONTHLY,
            new Ranking("csat", Direction.HIGHER),
            List.of(new Condition("calls_handled", new BigDecimal("1500"), null, WhenMissing.INELIGIBLE),
                    new Condition("upheld_complaints", null, BigDecimal.ZERO, WhenMissing.ELIGIBLE)),
            List.of("fail"), 1,
            List.of(new Ranking("fcr", Direction.HIGHER), new Ranking("aht", Direction.LOWER)));

    static HonorJudge.Candidate agent(String id, String grade, Object... figures) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (int i = 0; i < figures.length; i += 2) {
            values.put((String) figures[i], new BigDecimal(figures[i + 1].toString()));
        }
        return new HonorJudge.Candidate(id, values::get, List.of(grade));
    }

    @Test
    void eligibilityRulesOutLowVolumeUpheldComplaintsFailedGradesAndMissingFigures() {
        HonorJudge.Judgement j = HonorJudge.judge(SERVICE_STAR, List.of(
                agent("A1", "excellent", "csat", "4.9", "calls_handled", 2000, "fcr", "0.90", "aht", 300),
                agent("A2", "good", "csat", "4.90", "calls_handled", 1800, "fcr", "0.85", "aht", 280),
                agent("A3", "excellent", "csat", "4.95", "calls_handled", 1200),
                agent("A4", "excellent", "csat", "4.97", "calls_handled", 2500, "upheld_complaints", 1),
                agent("A5", "fail", "csat", "4.99", "calls_handled", 2500),
                agent("A6", "good", "calls_handled", 2500)));
        assertEquals(6, j.candidates());
        assertEquals(2, j.eligible());
        assertEquals(1, j.winners().size());
        HonorJudge.Winner star = j.winners().get(0);
        assertEquals("A1", star.employeeId());
        assertEquals(1, star.place());
        assertEquals(new BigDecimal("4.9"), star.value());
        // A2 has the same CSAT: the first tie-breaker (FCR) settles it
        assertEquals("csat 4.9, 1st of 2 eligible (higher is better); tied on csat, ahead of A2 on tie-breaker fcr "
                + "0.9 vs 0.85", star.reason());
    }

    @Test
    void aTieOnEveryCriterionSharesThePlaceAndBothWin() {
        HonorJudge.Judgement j = HonorJudge.judge(SERVICE_STAR, List.of(
                agent("B2", "good", "csat", "4.8", "calls_handled", 1600, "fcr", "0.8", "aht", 300),
                agent("B1", "good", "csat", "4.8", "calls_handled", 1700, "fcr", "0.8", "aht", 300),
                agent("B3", "good", "csat", "4.7", "calls_handled", 1700, "fcr", "0.9", "aht", 200)));
        assertEquals(List.of("B1", "B2"), j.winners().stream().map(HonorJudge.Winner::employeeId).toList());
        assertEquals(List.of(1, 1), j.winners().stream().map(HonorJudge.Winner::place).toList());
        assertEquals("csat 4.8, 1st of 3 eligible (higher is better); shares place 1 with B2 (equal on every "
                + "criterion)", j.winners().get(0).reason());
    }

    @Test
    void lowerIsBetterAndPlacesFollowCompetitionRanking() {
        AwardInput pioneer = new AwardInput("EFFICIENCY-PIONEER", "Efficiency Pioneer", Cadence.MONTHLY,
                new Ranking("aht", Direction.LOWER), null, null, 2, null);
        HonorJudge.Judgement j = HonorJudge.judge(pioneer, List.of(
                agent("C1", "good", "aht", 250), agent("C2", "good", "aht", 250), agent("C3", "good", "aht", 240),
                agent("C4", "good", "aht", 260)));
        // C3 first; C1 and C2 share second; C4 would be fourth
        assertEquals(List.of("C3", "C1", "C2"), j.winners().stream().map(HonorJudge.Winner::employeeId).toList());
        assertEquals(List.of(1, 2, 2), j.winners().stream().map(HonorJudge.Winner::place).toList());
        assertEquals("aht 240, 1st of 4 eligible (lower is better)", j.winners().get(0).reason());
        assertEquals("aht 250, 2nd of 4 eligible (lower is better); shares place 2 with C2 (equal on every "
                + "criterion)", j.winners().get(1).reason());

        // two sharing the first place fill one winner's slot each: nobody else wins a 1-winner award
        AwardInput single = new AwardInput("X", "X", Cadence.MONTHLY, new Ranking("aht", Direction.LOWER), null,
                null, 1, null);
        assertEquals(2, HonorJudge.judge(single, List.of(agent("D1", "good", "aht", 200),
                agent("D2", "good", "aht", 200), agent("D3", "good", "aht", 210))).winners().size());
    }

    @Test
    void reasonsAreWrittenInChineseTooWithTheSameFigures() {
        HonorJudge.Judgement j = HonorJudge.judge(SERVICE_STAR, List.of(
                agent("A1", "excellent", "csat", "4.9", "calls_handled", 2000, "fcr", "0.90", "aht", 300),
                agent("A2", "good", "csat", "4.90", "calls_handled", 1800, "fcr", "0.85", "aht", 280),
                agent("A3", "excellent", "csat", "4.95", "calls_handled", 1200),
                agent("A4", "excellent", "csat", "4.97", "calls_handled", 2500, "upheld_complaints", 1),
                agent("A5", "fail", "csat", "4.99", "calls_handled", 2500),
                agent("A6", "good", "calls_handled", 2500)));
        assertEquals("csat 4.9，2 名合格者中第 1 名（越高越好）；csat 持平，凭次级排序 fcr 0.9 vs 0.85 领先 A2",
                j.winners().get(0).why().zh());
        assertEquals(List.of("calls_handled 1200 below the required 1500", "upheld_complaints 1 above the allowed 0",
                        "graded fail, an excluded grade", "no csat figure to rank by"),
                j.leftOut().stream().map(HonorJudge.LeftOut::reason).toList());
        assertEquals(List.of("calls_handled 1200 低于要求的 1500", "upheld_complaints 1 高于允许的 0",
                        "等级为 fail，属于排除的等级", "没有 csat 数据，无法排名"),
                j.leftOut().stream().map(l -> l.why().zh()).toList());

        HonorJudge.Judgement tie = HonorJudge.judge(SERVICE_STAR, List.of(
                agent("B2", "good", "csat", "4.8", "calls_handled", 1600, "fcr", "0.8", "aht", 300),
                agent("B1", "good", "csat", "4.8", "calls_handled", 1700, "fcr", "0.8", "aht", 300)));
        assertEquals("csat 4.8，2 名合格者中第 1 名（越高越好）；与 B2 并列第 1 名（各项标准均相同）",
                tie.winners().get(0).why().zh());

        // a figure scoring left out as insufficient data: the reason says so in both languages
        HonorJudge.Candidate thin = new HonorJudge.Candidate("E9", m -> null, List.of("good"), Map.of(),
                Map.of("csat", new io.perfcenter.incentive.statement.Explanation(
                        "csat left out of the scorecard as insufficient data (2 samples)",
                        "csat 因数据不足未计入记分卡（2 个样本）")));
        AwardInput byCsat = new AwardInput("C", "C", Cadence.MONTHLY, new Ranking("csat", Direction.HIGHER), null,
                null, 1, null);
        HonorJudge.LeftOut out = HonorJudge.judge(byCsat, List.of(thin)).leftOut().get(0);
        assertEquals("csat left out of the scorecard as insufficient data (2 samples) to rank by", out.reason());
        assertEquals("csat 因数据不足未计入记分卡（2 个样本），无法排名", out.why().zh());
    }

    @Test
    void ordinals() {
        assertEquals(List.of("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "102nd"),
                List.of(1, 2, 3, 4, 11, 12, 13, 21, 102).stream().map(HonorJudge::ordinal).toList());
    }
}
