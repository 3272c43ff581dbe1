package io.perfcenter.scoring.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.perfcenter.scoring.rule.RuleEnums;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * The optional sections of a template, stored together; a template without them computes as templates always did
 * (weighted items summing to 100, insufficient data scored 0, agents scored, grades by bands, no review required,
 * movers scored where they spent most days, only agents of the template's position scored).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateOptions(Scoring scoring, BigDecimal weightTotal, List<Category> categories,
                              InsufficientData insufficientData, Subject subject, Distribution distribution,
                              Review review, MoverPolicy moverPolicy, List<String> positions) {

    public static final TemplateOptions DEFAULTS = new TemplateOptions(null, null, null, null, null, null, null);

    public TemplateOptions(Scoring scoring, BigDecimal weightTotal, List<Category> categories,
                           InsufficientData insufficientData, Subject subject, Distribution distribution,
                           Review review) {
        this(scoring, weightTotal, categories, insufficientData, subject, distribution, review, null, null);
    }
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Schema(name = "TemplateScoringMode", description = "WEIGHTED (default): items weigh into 100; ADDITIVE: item "
            + "points add up. The lower-case spelling (weighted, additive) is still accepted on input but deprecated; "
            + "answers always say WEIGHTED or ADDITIVE")
    public enum Scoring {
        /** points scaled from the rule's scale to the weight, weights summing to the weight total (100). */
        WEIGHTED,
        /** points added up as they are (seed 004: volume points + error points); an item is worth its rule's maximum. */
        ADDITIVE;

        // templates stored before the API spoke UPPER_CASE say "weighted"; both spellings are read, UPPER_CASE written
        @JsonCreator
        public static Scoring of(String value) {
            return RuleEnums.read(Scoring.class, value);
        }
    }

    @Schema(name = "TemplateSubject", description = "Whether a template scores AGENTS (default) or UNITS. The "
            + "lower-case spelling (agents, units) is still accepted on input but deprecated; answers are UPPER_CASE")
    public enum Subject {
        /** one scorecard per agent of the run's unit, from their own values */
        AGENTS,
        /** one scorecard per unit (its leader's), from the unit's own totals: group AHT, group CSAT … */
        UNITS;

        // templates stored before the API spoke UPPER_CASE say "agents"; both spellings are read, UPPER_CASE written
        @JsonCreator
        public static Subject of(String value) {
            return RuleEnums.read(Subject.class, value);
        }
    }

    @Schema(name = "TemplateCategory", description = "A category and the weight its items add up to")
    public record Category(@Schema(required = true, examples = "quality") String code,
                           @Schema(required = true, examples = "30") BigDecimal weight) {
    }

    @Schema(name = "ForcedDistribution", description = "Grades by rank instead of by bands: e.g. the best 10% "
            + "excellent, the next 30% good, 50% pass, the last 10% fail. Counts are rounded half up on the "
            + "cumulative shares; agents with equal totals always share a grade, the better one (a tie across a "
            + "boundary can make a grade fuller than its share, and the next grade's count smaller).")
    public record Distribution(@Schema(required = true, description = "Best grade first, shares summing to 100")
                               List<Quota> quotas) {
    }

    @Schema(name = "DistributionQuota")
    public record Quota(@Schema(required = true, examples = "excellent") String grade,
                        @Schema(required = true, description = "Percent of the scorecards", examples = "10")
                        BigDecimal share) {
    }

    @Schema(name = "TemplateReview", description = "Whether publishing waits for every scorecard's supervisor review")
    public record Review(@Schema(examples = "true") boolean required) {
    }

    public Scoring scoringOrDefault() {
        return scoring == null ? Scoring.WEIGHTED : scoring;
    }

    public BigDecimal weightTotalOrDefault() {
        return weightTotal != null ? weightTotal : scoringOrDefault() == Scoring.WEIGHTED ? HUNDRED : null;
    }

    public InsufficientData insufficientDataOrDefault() {
        return insufficientData == null ? InsufficientData.ZERO : insufficientData;
    }

    public Subject subjectOrDefault() {
        return subject == null ? Subject.AGENTS : subject;
    }

    public MoverPolicy moverPolicyOrDefault() {
        return moverPolicy == null ? MoverPolicy.MOST_DAYS : moverPolicy;
    }

    public boolean reviewRequired() {
        return review != null && review.required();
    }
}
