package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.run.RunStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Response bodies of payout statements. */
public final class StatementPayloads {

    private StatementPayloads() {
    }

    @Schema(name = "PayoutStatement", description = "What one employee gets from a payout run")
    public record StatementView(
            @Schema(examples = "41") Long id,
            @Schema(examples = "7") Long runId,
            @Schema(description = "Statements of a run that is not APPROVED yet are provisional") RunStatus runStatus,
            @Schema(examples = "PERF-2026") String planCode,
            @Schema(examples = "1") int planVersion,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "E2001") String employeeId,
            @Schema(description = "Unit of the employee's scorecard", examples = "G-EAST-1") String unitCode,
            @Schema(examples = "CNY") String currency,
            @Schema(description = "Sum of the lines' amounts; null when a line could not be computed (see flags)",
                    examples = "2640.00") BigDecimal total,
            @Schema(description = "Why something was not computed: missingSalary, currencyMismatch, gradeNotInPlan",
                    examples = "[]") List<String> flags,
            List<LineView> lines) {

        public static StatementView of(PayoutStatement s) {
            return new StatementView(s.id, s.run.id, s.run.status, s.run.planCode, s.run.planVersion, s.period,
                    s.employeeId, s.unitCode, s.currency, s.totalAmount, List.copyOf(s.flags),
                    s.lines.stream().map(LineView::of).toList());
        }
    }

    @Schema(name = "PayoutLine", description = "One typed line of a statement")
    public record LineView(
            @Schema(description = "What the line pays: performance-pay (more kinds to come)",
                    examples = "performance-pay") String kind,
            @Schema(description = "Rounded HALF_UP to 2 decimals; null when not computed", examples = "2640.00")
            BigDecimal amount,
            @Schema(examples = "CNY") String currency,
            @Schema(examples = "8,000.00 × 30% × 1.1 (excellent) = 2,640.00") String explanation,
            @Schema(description = "The facts the line was computed from",
                    examples = "{\"scorecardId\": 501, \"grade\": \"excellent\", \"total\": 92.5, "
                            + "\"planVersion\": 1}")
            Map<String, Object> source) {

        static LineView of(PayoutLine l) {
            return new LineView(l.kind, l.amount, l.currency, l.explanation, l.source);
        }
    }
}
