package io.perfcenter.incentive.run;

import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of payout runs. */
public final class RunPayloads {

    private RunPayloads() {
    }

    @Schema(name = "PayoutRunInput", description = "Which plan to apply to which unit's published scorecards of a month")
    public record RunInput(
            @Schema(required = true, description = "Its latest version is used", examples = "PERF-2026")
            String planCode,
            @Schema(required = true, pattern = "[0-9]{4}-(0[1-9]|1[0-2])", examples = "2026-10") String period,
            @Schema(required = true, examples = "G-EAST-1") String unitCode) {
    }

    @Schema(name = "PayoutRunSummary")
    public record RunSummary(
            @Schema(examples = "7") Long id,
            @Schema(examples = "PERF-2026") String planCode,
            @Schema(examples = "1") int planVersion,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "G-EAST-1") String unitCode,
            @Schema(description = "COMPUTED, then APPROVED (locked); SUPERSEDED when recomputed before approval")
            RunStatus status,
            @Schema(examples = "CNY") String currency,
            @Schema(description = "Sum of the statements' totals (flagged statements add nothing)",
                    examples = "4640.00") BigDecimal totalAmount,
            @Schema(examples = "3") int statementCount,
            @Schema(description = "Statements with a flag (e.g. missingSalary) and no total", examples = "1")
            int flaggedCount,
            OffsetDateTime createdAt,
            @Schema(examples = "H1") String createdBy,
            OffsetDateTime approvedAt,
            @Schema(examples = "H1") String approvedBy) {

        static RunSummary of(PayoutRun r) {
            return new RunSummary(r.id, r.planCode, r.planVersion, r.period, r.unitCode, r.status, r.currency,
                    r.totalAmount, r.statementCount, r.flaggedCount, r.createdAt, r.createdBy, r.approvedAt,
                    r.approvedBy);
        }
    }

    @Schema(name = "PayoutRun", description = "A run with its statements")
    public record RunView(
            @Schema(examples = "7") Long id,
            @Schema(examples = "PERF-2026") String planCode,
            @Schema(examples = "1") int planVersion,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "G-EAST-1") String unitCode,
            RunStatus status,
            @Schema(examples = "CNY") String currency,
            @Schema(examples = "4640.00") BigDecimal totalAmount,
            @Schema(examples = "3") int statementCount,
            @Schema(examples = "1") int flaggedCount,
            OffsetDateTime createdAt,
            @Schema(examples = "H1") String createdBy,
            OffsetDateTime approvedAt,
            @Schema(examples = "H1") String approvedBy,
            List<StatementView> statements) {

        static RunView of(PayoutRun r, List<StatementView> statements) {
            return new RunView(r.id, r.planCode, r.planVersion, r.period, r.unitCode, r.status, r.currency,
                    r.totalAmount, r.statementCount, r.flaggedCount, r.createdAt, r.createdBy, r.approvedAt,
                    r.approvedBy, statements);
        }
    }
}
