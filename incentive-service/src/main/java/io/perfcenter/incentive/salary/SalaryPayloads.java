package io.perfcenter.incentive.salary;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of the salary register. */
public final class SalaryPayloads {

    private SalaryPayloads() {
    }

    /**
     * One row of a salary upload. Fields are checked row by row (not by bean validation) so that one bad row does
     * not reject the upload; {@code monthlySalary} is read as text so that even a non-number is reported per row
     * and a decimal is never passed through floating point. {@code position} and {@code hiredOn} are no longer part
     * of the API (the org directory owns them) and are read only to refuse an upload that still sends them.
     */
    @Schema(name = "SalaryRow", description = "The monthly salary of one employee from a day on")
    public record SalaryRow(
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, type = SchemaType.NUMBER, minimum = "0",
                    description = "Gross monthly salary, at most 2 decimals", examples = "8000.00")
            String monthlySalary,
            @Schema(required = true, description = "ISO 4217 code", examples = "CNY") String currency,
            @Schema(required = true, type = SchemaType.STRING, format = "date",
                    description = "First day the salary applies, YYYY-MM-DD; it applies until the next salary's "
                            + "effectiveFrom. The same employee and day again replaces that salary.",
                    examples = "2026-06-01") String effectiveFrom,
            @Schema(hidden = true) String position,
            @Schema(hidden = true) String hiredOn) {

        public SalaryRow(String employeeId, String monthlySalary, String currency, String effectiveFrom) {
            this(employeeId, monthlySalary, currency, effectiveFrom, null, null);
        }
    }

    @Schema(name = "SalaryUploadReport", description = "What became of an upload: counts and the rejected rows")
    public record UploadReport(
            @Schema(description = "Rows stored (new or replacing the salary on file)") int accepted,
            @Schema(description = "Rows refused; see errors") int rejected,
            List<RowError> errors) {
    }

    @Schema(name = "SalaryRowError")
    public record RowError(@Schema(description = "1-based position in the upload") int row,
                           @Schema(examples = "monthlySalary") String field,
                           @Schema(examples = "must not be negative") String reason) {
    }

    @Schema(name = "Salary", description = "An employee's salary in effect today and every salary on file")
    public record SalaryView(@Schema(examples = "E2001") String employeeId,
                             @Schema(description = "In effect today; absent when every salary on file starts later",
                                     examples = "8000.00") BigDecimal monthlySalary,
                             @Schema(examples = "CNY") String currency,
                             @Schema(examples = "2026-06-01") LocalDate effectiveFrom,
                             @Schema(description = "Every salary on file, newest first") List<SalaryStep> history) {
    }

    @Schema(name = "SalaryStep", description = "A salary from a day on, until the next one's effectiveFrom")
    public record SalaryStep(@Schema(examples = "2026-06-01") LocalDate effectiveFrom,
                             @Schema(examples = "8000.00") BigDecimal monthlySalary,
                             @Schema(examples = "CNY") String currency,
                             OffsetDateTime updatedAt,
                             @Schema(examples = "H1") String updatedBy) {
    }
}
