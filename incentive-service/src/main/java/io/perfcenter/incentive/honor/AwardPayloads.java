package io.perfcenter.incentive.honor;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.perfcenter.incentive.web.InLanguage;
import io.perfcenter.incentive.web.Language;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.plan.PlanSections.Direction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of honor awards, honor runs and the honors history. */
public final class AwardPayloads {

    private AwardPayloads() {
    }

    @Schema(name = "AwardCadence", description = "How often an honor is awarded")
    public enum Cadence { MONTHLY, QUARTERLY }

    @Schema(name = "AwardWhenDataMissing", description = "Whether an agent without data for a condition is eligible")
    public enum WhenMissing { INELIGIBLE, ELIGIBLE }

    @Schema(name = "AwardInput", description = "An honor award (Service Star, Efficiency Pioneer …); posting an "
            + "existing code adds a new version")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AwardInput(
            @Schema(required = true, examples = "SERVICE-STAR") String code,
            @Schema(required = true, examples = "Service Star") String name,
            @Schema(required = true, description = "MONTHLY awards are judged on a month's scorecards; QUARTERLY "
                    + "ones (the All-round award) on the quarter's three monthly scorecards") Cadence cadence,
            @Schema(required = true) Ranking rankBy,
            @Schema(description = "Every condition must hold for an agent to be considered")
            List<Condition> eligibility,
            @Schema(description = "Grades that rule an agent out (for a quarter: in any of its months)",
                    examples = "[\"fail\"]") List<String> excludedGrades,
            @Schema(required = true, minimum = "1", description = "Winners per unit and period; agents tied on "
                    + "every criterion share a place and all win", examples = "1") Integer winners,
            @Schema(description = "Applied in order when the ranking figure is equal") List<Ranking> tieBreakers,
            @Schema(description = "The award's label in Chinese, for pages in zh-CN (else name is shown)",
                    examples = "服务之星", maxLength = 200) String nameZh,
            @Schema(description = "The award's label in English", examples = "Service Star", maxLength = 200)
            String nameEn) {

        public AwardInput(String code, String name, Cadence cadence, Ranking rankBy, List<Condition> eligibility,
                          List<String> excludedGrades, Integer winners, List<Ranking> tieBreakers) {
            this(code, name, cadence, rankBy, eligibility, excludedGrades, winners, tieBreakers, null, null);
        }
    }

    @Schema(name = "AwardRanking")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ranking(
            @Schema(required = true, description = "score, rank or a metric code", examples = "csat") String measure,
            @Schema(description = "HIGHER (default) or LOWER is better") Direction direction,
            @Schema(description = "rankBy only: the fewest samples (surveys, calls …) the metric figure may rest on; "
                    + "an agent below it, or whose sample count is unknown, is left out", minimum = "1",
                    examples = "30") Integer minSamples) {

        public Ranking(String measure, Direction direction) {
            this(measure, direction, null);
        }
    }

    @Schema(name = "AwardCondition", description = "An eligibility condition on a figure, e.g. minimum volume, no "
            + "upheld complaint (upheld_complaints atMost 0)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(
            @Schema(required = true, examples = "calls_handled") String measure,
            @Schema(examples = "1500") BigDecimal atLeast,
            @Schema(examples = "0") BigDecimal atMost,
            @Schema(description = "An agent without the figure: INELIGIBLE (default) or ELIGIBLE (e.g. no complaint "
                    + "recorded at all)") WhenMissing whenMissing) {
    }

    @Schema(name = "Award")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AwardView(@Schema(examples = "SERVICE-STAR") String code,
                            @Schema(examples = "1") int version,
                            @Schema(examples = "Service Star") String name,
                            @Schema(description = "Label in Chinese, when HR gave one", examples = "服务之星")
                            String nameZh,
                            @Schema(description = "Label in English, when HR gave one", examples = "Service Star")
                            String nameEn,
                            Cadence cadence, Ranking rankBy, List<Condition> eligibility,
                            List<String> excludedGrades, int winners, List<Ranking> tieBreakers,
                            OffsetDateTime createdAt, @Schema(examples = "H1") String createdBy,
                            @Schema(description = "When the award was retired; absent while it is in use. A retired "
                                    + "award and the honors won with it still read, but it is left out of the list "
                                    + "and judged in no new honor run") OffsetDateTime retiredAt,
                            @Schema(examples = "H1") String retiredBy) {

        static AwardView of(HonorAward a) {
            AwardInput d = a.definition();
            return new AwardView(a.code, a.version, a.name, d.nameZh(), d.nameEn(), d.cadence(), d.rankBy(), d.eligibility(),
                    d.excludedGrades(), d.winners(), d.tieBreakers(), a.createdAt, a.createdBy, a.retiredAt,
                    a.retiredBy);
        }
    }

    @Schema(name = "HonorRunInput", description = "Judge awards for a unit and a month or quarter")
    public record HonorRunInput(
            @Schema(required = true, description = "YYYY-MM for monthly awards, YYYY-Qn for quarterly ones",
                    examples = "2026-10") String period,
            @Schema(required = true, examples = "G1") String unitCode,
            @Schema(description = "Awards to judge; every award of the period's cadence when absent",
                    examples = "[\"SERVICE-STAR\", \"EFFICIENCY-PIONEER\"]") List<String> awardCodes) {
    }

    @Schema(name = "HonorRunReport", description = "The winners of each award judged")
    public record HonorRunReport(@Schema(examples = "2026-10") String period,
                                 @Schema(examples = "G1") String unitCode,
                                 List<AwardResult> results) implements InLanguage<HonorRunReport> {

        @Override
        public HonorRunReport in(Language language) {
            return new HonorRunReport(period, unitCode, results.stream().map(r -> r.in(language)).toList());
        }
    }

    @Schema(name = "HonorAwardResult")
    public record AwardResult(
            @Schema(examples = "12") Long honorRunId,
            @Schema(examples = "SERVICE-STAR") String awardCode,
            @Schema(examples = "1") int awardVersion,
            @Schema(examples = "Service Star") String awardName,
            @Schema(description = "Agents with a published scorecard in the period", examples = "18") int candidates,
            @Schema(description = "Candidates meeting every eligibility condition", examples = "15") int eligible,
            @Schema(description = "False when an identical judgement was live already and is answered as it was")
            boolean changed,
            List<WinnerView> winners,
            @Schema(description = "Candidates not ranked, each with the reason: an excluded grade, an unmet "
                    + "condition, or a ranking figure scoring marked as insufficient data, resting on too few "
                    + "samples, or flagged by metrics-service as an anomaly")
            List<LeftOutView> leftOut) {

        AwardResult in(Language language) {
            return new AwardResult(honorRunId, awardCode, awardVersion, awardName, candidates, eligible, changed,
                    winners.stream().map(w -> w.in(language)).toList(),
                    leftOut.stream().map(l -> l.in(language)).toList());
        }
    }

    @Schema(name = "HonorLeftOut", description = "A candidate an honor run did not rank, and why")
    public record LeftOutView(@Schema(examples = "A7") String employeeId,
                              @Schema(description = "In the language of Accept-Language (zh-CN or en)",
                                      examples = "csat 5 from 2 samples, fewer than the 30 required") String reason,
                              @JsonIgnore @Schema(hidden = true) String reasonZh) {

        LeftOutView in(Language language) {
            return new LeftOutView(employeeId, language.pick(reason, reasonZh), reasonZh);
        }
    }

    @Schema(name = "HonorWinner")
    public record WinnerView(@Schema(examples = "A1") String employeeId,
                             @Schema(examples = "1") int place,
                             @Schema(examples = "4.92") BigDecimal value,
                             @Schema(description = "In the language of Accept-Language (zh-CN or en)",
                                     examples = "csat 4.92, 1st of 15 eligible (higher is better); tied on csat, "
                                             + "ahead of A7 on tie-breaker calls_handled 2412 vs 2300") String reason,
                             @JsonIgnore @Schema(hidden = true) String reasonZh) {

        WinnerView in(Language language) {
            return new WinnerView(employeeId, place, value, language.pick(reason, reasonZh), reasonZh);
        }
    }

    @Schema(name = "Honor", description = "An award won, as the honors history lists it")
    public record HonorView(@Schema(examples = "SERVICE-STAR") String awardCode,
                            @Schema(examples = "Service Star") String awardName,
                            @Schema(examples = "1") int awardVersion,
                            @Schema(examples = "2026-10") String period,
                            @Schema(examples = "G1") String unitCode,
                            @Schema(examples = "A1") String employeeId,
                            @Schema(examples = "1") int place,
                            @Schema(examples = "4.92") BigDecimal value,
                            @Schema(description = "Why the agent won, in the language of Accept-Language (zh-CN or "
                                    + "en; English for honors judged before Chinese reasons were stored)",
                                    examples = "csat 4.92, 1st of 15 eligible (higher is better)") String reason,
                            @Schema(examples = "12") Long honorRunId,
                            OffsetDateTime awardedAt,
                            @Schema(description = "The contest whose winners received it (null: judged by an honor "
                                    + "run)", examples = "CSAT-NOV") String contestCode,
                            @JsonIgnore @Schema(hidden = true) String reasonZh) implements InLanguage<HonorView> {

        @Override
        public HonorView in(Language language) {
            return new HonorView(awardCode, awardName, awardVersion, period, unitCode, employeeId, place, value,
                    language.pick(reason, reasonZh), honorRunId, awardedAt, contestCode, reasonZh);
        }
    }
}
