package io.perfcenter.metrics.org;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** The JSON shapes of mentoring (新人帮扶). */
public final class MentoringPayloads {

    private MentoringPayloads() {
    }

    @Schema(name = "MentoringCriterion", description = "When the mentee passes: the catalog metric over the mentoring "
            + "window, at least and/or at most a value (e.g. qa_score at least 85)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Criterion(
            @Schema(required = true, examples = "qa_score", minLength = 1, maxLength = 64) String metricCode,
            @Schema(description = "The mentee's figure must be at least this", examples = "85") BigDecimal atLeast,
            @Schema(description = "The mentee's figure must be at most this", examples = "420") BigDecimal atMost) {
    }

    @Schema(name = "MentorshipInput", description = "A mentor (a promotion candidate) assigned to a mentee (a new hire) "
            + "for a window, with the criterion the mentee is judged by")
    public record MentorshipInput(
            @Schema(required = true, examples = "E1001", minLength = 1, maxLength = 64) String mentorId,
            @Schema(required = true, examples = "E3007", minLength = 1, maxLength = 64) String menteeId,
            @Schema(required = true, description = "First day of the mentoring window", examples = "2026-10-01")
            LocalDate from,
            @Schema(required = true, description = "Last day of the mentoring window (inclusive)",
                    examples = "2026-12-31") LocalDate to,
            @Schema(required = true) Criterion criterion,
            @Schema(examples = "New hire of the October class", maxLength = 2000) String note) {
    }

    @Schema(name = "MentorshipEnd", description = "Ending a mentorship: the mentee is judged over [from, endedOn]")
    public record EndInput(
            @Schema(description = "The last day judged: from `from` to `to`, not after today (default: `to`)",
                    examples = "2026-12-31") LocalDate endedOn,
            @Schema(description = "true: the mentorship stopped for a reason that is not the mentor's (the mentee "
                    + "left, moved): no verdict, and it does not count in the mentor's pass rate; note required",
                    examples = "false") Boolean withdrawn,
            @Schema(examples = "Window over, reviewed with the mentor", maxLength = 2000) String note) {
    }

    @Schema(name = "MentorshipStatus", description = "RUNNING: the window is not over; DUE: it is over but nobody "
            + "ended the mentorship yet (it counts nowhere until ended); PASSED, FAILED: ended and judged; WITHDRAWN: "
            + "ended without a verdict")
    public enum Status { RUNNING, DUE, PASSED, FAILED, WITHDRAWN }

    @Schema(name = "Mentorship", description = "A mentorship and its result")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MentorshipView(
            @Schema(examples = "4") long id,
            @Schema(examples = "E1001") String mentorId,
            @Schema(examples = "E3007") String menteeId,
            @Schema(examples = "2026-10-01") LocalDate from,
            @Schema(examples = "2026-12-31") LocalDate to,
            Criterion criterion,
            String note,
            Status status,
            @Schema(description = "The mentee's figure of the criterion's metric over [from, endedOn] (ended) or "
                    + "[from, min(to, today)] so far (running, due); absent without figures", examples = "87")
            BigDecimal value,
            @Schema(description = "Records and values the figure was computed from", examples = "2") Long samples,
            @Schema(description = "Whether the criterion holds: for an ended mentorship its verdict, else so far",
                    examples = "true") Boolean passed,
            @Schema(description = "Why", examples = "qa_score 87 over 2026-10-01 to 2026-10-31 (2 samples): at "
                    + "least 85 holds") String reason,
            @Schema(description = "The last day judged, once ended", examples = "2026-10-31") LocalDate endedOn,
            OffsetDateTime endedAt,
            String endedBy,
            String endNote,
            OffsetDateTime createdAt,
            String createdBy) {
    }

    @Schema(name = "Mentees", description = "A mentor's mentees with each one's result")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MenteesView(
            @Schema(examples = "E1001") String mentorId,
            @Schema(description = "Mentorships ended with a verdict (passed or failed)", examples = "2") int finished,
            @Schema(examples = "1") int passed,
            @Schema(description = "passed / finished (4 decimals, half-up); absent before any finished. Per period "
                    + "it is the metric mentoring_pass_rate", examples = "0.5") BigDecimal passRate,
            List<MentorshipView> mentees) {
    }
}
