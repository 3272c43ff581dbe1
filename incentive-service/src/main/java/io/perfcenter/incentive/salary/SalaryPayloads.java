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
     * and a decimal is never passed through floating point.
     */
    @Schema(name = "SalaryRow", description = "The monthly salary of one employee; replaces the one on file")
    public record SalaryRow(
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, type = SchemaType.NUMBER, minimum = "0",
                    description = "Gross monthly salary, at most 2 decimals", examples = "8000.00")
            String monthlySalary,
            @Schema(required = true, description = "ISO 4217 code", examples = "CNY") String currency,
            @Schema(description = "Position on the career ladder; kept as on file when left out", examples = "seat")
            String position,
            @Schema(description = "First day of employment, YYYY-MM-DD; kept as on file when left out",
                    examples = "2025-03-01") String hiredOn) {

        public SalaryRow(String employeeId, String monthlySalary, String currency) {
            this(employeeId, monthlySalary, currency, null, null);
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

    @Schema(name = "Salary")
    public record SalaryView(@Schema(examples = "E2001") String employeeId,
                             @Schema(examples = "8000.00") BigDecimal monthlySalary,
                             @Schema(examples = "CNY") String currency,
                             @Schema(examples = "seat") String position,
                             @Schema(examples = "2025-03-01") LocalDate hiredOn,
                             OffsetDateTime updatedAt) {
        static SalaryView of(Salary s) {
            return new SalaryView(s.employeeId, s.monthlySalary, s.currency, s.position, s.hiredOn, s.updatedAt);
        }
    }
}
