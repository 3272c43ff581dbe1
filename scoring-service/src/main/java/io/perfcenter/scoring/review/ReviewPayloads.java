package io.perfcenter.scoring.review;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/** Request and response bodies of self-assessments, manual ratings and supervisor reviews. */
public final class ReviewPayloads {

    private ReviewPayloads() {
    }

    @Schema(name = "SelfAssessmentInput", description = "The agent's own view of the period, and their self-ratings "
            + "of the manual-rating items that count a self rating")
    public record SelfAssessmentInput(
            @Schema(required = true, examples = "Handled the November peak; CSAT dipped in week 2 after the outage.")
            String summary,
            @Schema(description = "Item code → dimension → score on the item's scale",
                    examples = "{\"attitude\": {\"de\": 4, \"neng\": 4, \"ji\": 5, \"qin\": 5}}")
            Map<String, Map<String, BigDecimal>> ratings) {
    }

    @Schema(name = "RatingInput", description = "A supervisor's or peer's rating of an agent's manual-rating item")
    public record RatingInput(
            @Schema(required = true, examples = "attitude") String itemCode,
            @Schema(required = true, enumeration = {"supervisor", "peer"}, examples = "supervisor") String role,
            @Schema(required = true, description = "Dimension → score on the item's scale",
                    examples = "{\"de\": 4, \"neng\": 5, \"ji\": 4, \"qin\": 4}") Map<String, BigDecimal> scores,
            @Schema(examples = "Reliable on late shifts") String comment) {
    }

    @Schema(name = "ReviewInput", description = "The supervisor's review of a scorecard")
    public record ReviewInput(
            @Schema(required = true, examples = "Strong volume; work on first-contact resolution.") String comments,
            @Schema(description = "Notes of the one-on-one feedback talk (绩效面谈) and the agreed improvement plan",
                    examples = "Agreed: shadow E2005 on billing calls twice a week in December.") String feedbackNotes) {
    }

    @Schema(name = "ReviewEntry", description = "Where a scorecard stands in the review, without its results")
    public record ReviewEntry(long scorecardId, long runId, String employeeId, String unitCode, String period,
                              String templateCode, String status, OffsetDateTime selfAssessedAt,
                              String reviewedBy, OffsetDateTime reviewedAt) {
    }

    @Schema(name = "Rating")
    public record RatingView(long id, long scorecardId, String itemCode, String role,
                             @Schema(nullable = true, description = "Who rated; left out of peer ratings when the rated "
                                     + "agent reads them (peer raters are anonymous to the ratee)", examples = "E2002")
                             String raterId,
                             Map<String, BigDecimal> scores, String comment, OffsetDateTime ratedAt) {

        public static RatingView of(Rating r) {
            return new RatingView(r.id, r.scorecardId, r.itemCode, r.raterRole, r.raterId, r.scores, r.comment,
                    r.ratedAt);
        }

        /** The rating without its rater, as the rated agent reads a peer's. */
        public static RatingView anonymous(Rating r) {
            return new RatingView(r.id, r.scorecardId, r.itemCode, r.raterRole, null, r.scores, r.comment, r.ratedAt);
        }
    }
}
