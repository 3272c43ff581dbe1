package io.perfcenter.incentive.promotion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.web.InLanguage;
import io.perfcenter.incentive.web.Language;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of career ladders and promotion eligibility. */
public final class LadderPayloads {

    private LadderPayloads() {
    }

    @Schema(name = "LadderInput", description = "A career ladder (seed 003: seat → group lead → QA specialist → "
            + "operations manager) with the rules of each step; posting an existing code adds a new version")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LadderInput(
            @Schema(required = true, examples = "CAREER") String code,
            @Schema(required = true, examples = "Front-line career path") String name,
            @Schema(required = true, description = "Lowest first; the agent's position in metrics-service's "
                    + "org directory places them",
                    examples = "[\"seat\", \"group-lead\", \"qa-specialist\", \"operations-manager\"]")
            List<String> positions,
            @Schema(required = true, description = "One step per position but the last, to the next position")
            List<Step> steps,
            @Schema(description = "The ladder's label in Chinese, for pages in zh-CN (else name is shown)",
                    examples = "一线职业发展通道", maxLength = 200) String nameZh,
            @Schema(description = "The ladder's label in English", examples = "Front-line career path",
                    maxLength = 200) String nameEn) {

        public LadderInput(String code, String name, List<String> positions, List<Step> steps) {
            this(code, name, positions, steps, null, null);
        }
    }

    @Schema(name = "LadderStep")
    public record Step(@Schema(required = true, examples = "seat") String from,
                       @Schema(required = true, examples = "group-lead") String to,
                       @Schema(required = true, description = "Every rule must pass") List<RuleInput> rules) {
    }

    @Schema(name = "LadderRule", description = "consecutiveGrades: the last `periods` months each graded one of "
            + "`grades`; tenure: at least `months` since the hire date; metric: the metric over the last `periods` "
            + "months atLeast and/or atMost a value (mentoring pass rate, suggestions adopted, rule violations …)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleInput(
            @Schema(required = true, enumeration = {"consecutiveGrades", "tenure", "metric"},
                    examples = "consecutiveGrades") String type,
            @Schema(description = "Shown in answers", examples = "no disciplinary deductions") String label,
            @Schema(description = "Months looked back on, ending with the month asked about", examples = "3")
            Integer periods,
            @Schema(examples = "[\"good\", \"excellent\"]") List<String> grades,
            @Schema(examples = "12") Integer months,
            @Schema(examples = "mentoring_pass_rate") String measure,
            @Schema(examples = "0.9") BigDecimal atLeast,
            @Schema(examples = "0") BigDecimal atMost,
            @Schema(description = "For metric: whether a metric without data passes (false by default)")
            Boolean passWhenMissing) {
    }

    @Schema(name = "Ladder")
    public record LadderView(@Schema(examples = "CAREER") String code, @Schema(examples = "1") int version,
                             String name,
                             @Schema(description = "Label in Chinese, when HR gave one", examples = "一线职业发展通道")
                             String nameZh,
                             @Schema(description = "Label in English, when HR gave one") String nameEn,
                             List<String> positions, List<Step> steps, OffsetDateTime createdAt,
                             @Schema(examples = "H1") String createdBy) {
        static LadderView of(CareerLadder l) {
            LadderInput d = l.definition();
            return new LadderView(l.code, l.version, l.name, d.nameZh(), d.nameEn(), d.positions(), d.steps(), l.createdAt, l.createdBy);
        }
    }

    @Schema(name = "PromotionCheckInput", description = "Check every agent of a unit with a published scorecard in "
            + "the month")
    public record CheckInput(@Schema(required = true, examples = "CAREER") String ladderCode,
                             @Schema(required = true, examples = "G1") String unitCode,
                             @Schema(required = true, description = "The last month looked at, YYYY-MM",
                                     examples = "2026-10") String asOf) {
    }

    @Schema(name = "PromotionCheckReport")
    public record CheckReport(@Schema(examples = "CAREER") String ladderCode, @Schema(examples = "1") int ladderVersion,
                              @Schema(examples = "G1") String unitCode, @Schema(examples = "2026-10") String asOf,
                              @Schema(examples = "18") int agents, @Schema(examples = "2") int eligibleCount,
                              List<Eligibility> results) implements InLanguage<CheckReport> {

        @Override
        public CheckReport in(Language language) {
            return new CheckReport(ladderCode, ladderVersion, unitCode, asOf, agents, eligibleCount,
                    results.stream().map(r -> r.in(language)).toList());
        }
    }

    @Schema(name = "PromotionEligibility", description = "Eligible or not yet, with each rule's result")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Eligibility(
            @Schema(examples = "A1") String employeeId,
            @Schema(examples = "CAREER") String ladderCode,
            @Schema(examples = "1") int ladderVersion,
            @Schema(examples = "2026-10") String asOf,
            @Schema(description = "Position on file (the ladder's first when none)", examples = "seat")
            String currentPosition,
            @Schema(description = "Absent at the top of the ladder", examples = "group-lead") String nextPosition,
            boolean eligible,
            @Schema(description = "In the language of Accept-Language (zh-CN or en)",
                    examples = "not yet: 2 of 5 rules unmet") String summary,
            @Schema(description = "In the language of Accept-Language (zh-CN or en)",
                    examples = "no position in the org directory: taken as seat") String note,
            List<RuleResult> rules,
            @JsonIgnore @Schema(hidden = true) String summaryZh,
            @JsonIgnore @Schema(hidden = true) String noteZh) implements InLanguage<Eligibility> {

        Eligibility(String employeeId, String ladderCode, int ladderVersion, String asOf, String currentPosition,
                    String nextPosition, boolean eligible, Explanation summary, Explanation note,
                    List<RuleResult> rules) {
            this(employeeId, ladderCode, ladderVersion, asOf, currentPosition, nextPosition, eligible, summary.en(),
                    note == null ? null : note.en(), rules, summary.zh(), note == null ? null : note.zh());
        }

        /** The answer with its summary, note and every rule's texts in {@code language}. */
        @Override
        public Eligibility in(Language language) {
            return new Eligibility(employeeId, ladderCode, ladderVersion, asOf, currentPosition, nextPosition,
                    eligible, language.pick(summary, summaryZh), note == null ? null : language.pick(note, noteZh),
                    rules.stream().map(r -> r.in(language)).toList(), summaryZh, noteZh);
        }
    }

    @Schema(name = "PromotionRuleResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RuleResult(
            @Schema(examples = "consecutiveGrades") String type,
            @Schema(description = "The rule's label as HR gave it, else described in the language of "
                    + "Accept-Language (zh-CN or en)", examples = "3 consecutive months graded good or excellent")
            String rule,
            boolean passed,
            @Schema(description = "The figure found", examples = "2") BigDecimal actual,
            @Schema(description = "The figure required", examples = "3") BigDecimal required,
            @Schema(description = "In the language of Accept-Language (zh-CN or en)",
                    examples = "2 consecutive months graded good or excellent up to 2026-10 (2026-08 was graded fail)")
            String explanation,
            @Schema(description = "What is missing, in the language of Accept-Language (zh-CN or en); absent when "
                    + "passed", examples = "1 more consecutive month graded good or excellent") String missing,
            @JsonIgnore @Schema(hidden = true) String ruleZh,
            @JsonIgnore @Schema(hidden = true) String explanationZh,
            @JsonIgnore @Schema(hidden = true) String missingZh) {

        /** A rule's result with its texts in English and Chinese; {@code missing} null when passed. */
        RuleResult(String type, Explanation rule, boolean passed, BigDecimal actual, BigDecimal required,
                   Explanation explanation, Explanation missing) {
            this(type, rule.en(), passed, actual, required, explanation.en(), missing == null ? null : missing.en(),
                    rule.zh(), explanation.zh(), missing == null ? null : missing.zh());
        }

        RuleResult in(Language language) {
            return new RuleResult(type, language.pick(rule, ruleZh), passed, actual, required,
                    language.pick(explanation, explanationZh), missing == null ? null : language.pick(missing, missingZh),
                    ruleZh, explanationZh, missingZh);
        }
    }
}
