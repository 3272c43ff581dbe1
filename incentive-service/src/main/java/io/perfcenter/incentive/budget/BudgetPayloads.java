package io.perfcenter.incentive.budget;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of unit budgets. */
public final class BudgetPayloads {

    private BudgetPayloads() {
    }

    @Schema(name = "BudgetRow", description = "The variable-pay budget of a unit for a month; replaces the one on file")
    public record BudgetRow(
            @Schema(required = true, examples = "G1") String unitCode,
            @Schema(required = true, examples = "2026-10") String period,
            @Schema(required = true, type = SchemaType.NUMBER, minimum = "0", description = "At most 2 decimals",
                    examples = "50000.00") String amount,
            @Schema(required = true, examples = "CNY") String currency) {
    }

    @Schema(name = "BudgetUploadReport", description = "What became of an upload: counts and the rejected rows")
    public record UploadReport(int accepted, int rejected, List<RowError> errors) {
    }

    @Schema(name = "BudgetRowError")
    public record RowError(@Schema(description = "1-based position in the upload") int row,
                           @Schema(examples = "amount") String field,
                           @Schema(examples = "must not be negative") String reason) {
    }

    @Schema(name = "Budget")
    public record BudgetView(@Schema(examples = "G1") String unitCode,
                             @Schema(examples = "2026-10") String period,
                             @Schema(examples = "50000.00") BigDecimal amount,
                             @Schema(examples = "CNY") String currency,
                             OffsetDateTime updatedAt,
                             @Schema(examples = "H1") String updatedBy) {
        static BudgetView of(UnitBudget b) {
            return new BudgetView(b.unitCode, b.period, b.amount, b.currency, b.updatedAt, b.updatedBy);
        }
    }
}
