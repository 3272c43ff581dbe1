package io.perfcenter.incentive.salary;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.incentive.salary.SalaryPayloads.RowError;
import io.perfcenter.incentive.salary.SalaryPayloads.SalaryRow;
import io.perfcenter.incentive.salary.SalaryPayloads.UploadReport;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Keeps the salaries on file: a bulk upload is checked row by row and the good rows upserted in one statement. */
@ApplicationScoped
public class SalaryRegister {

    static final int MAX_ROWS = 50_000;
    private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern POSITION = EMPLOYEE_ID;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** numeric(14, 2): twelve digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private static final String UPSERT = """
            INSERT INTO salary (employee_id, monthly_salary, currency, position, hired_on, updated_by)
            SELECT e, s, c, p, h, ? FROM unnest(?::text[], ?::numeric[], ?::text[], ?::text[], ?::date[])
                AS t(e, s, c, p, h)
            ON CONFLICT (employee_id) DO UPDATE
               SET monthly_salary = excluded.monthly_salary, currency = excluded.currency,
                   position = coalesce(excluded.position, salary.position),
                   hired_on = coalesce(excluded.hired_on, salary.hired_on),
                   updated_by = excluded.updated_by, updated_at = now()""";

    private final AgroalDataSource dataSource;

    SalaryRegister(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public UploadReport upload(List<SalaryRow> rows, String uploadedBy) {
        if (rows == null) {
            throw Problems.invalid("body", "must be a JSON array of salary rows");
        }
        if (rows.size() > MAX_ROWS) {
            throw Problems.invalid("body", "at most " + MAX_ROWS + " rows per upload");
        }
        List<RowError> errors = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        List<LocalDate> hired = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            SalaryRow r = rows.get(i);
            RowError error = check(i + 1, r, seen);
            if (error != null) {
                errors.add(error);
            } else {
                ids.add(r.employeeId());
                amounts.add(new BigDecimal(r.monthlySalary().trim()));
                currencies.add(r.currency());
                positions.add(blank(r.position()) ? null : r.position().trim());
                hired.add(blank(r.hiredOn()) ? null : LocalDate.parse(r.hiredOn().trim()));
            }
        }
        if (!ids.isEmpty()) {
            store(ids, amounts, currencies, positions, hired, uploadedBy);
        }
        return new UploadReport(ids.size(), errors.size(), errors);
    }

    public Salary get(String employeeId) {
        Salary salary = Salary.findById(employeeId);
        if (salary == null) {
            throw Problems.notFound("Salary of employee", employeeId);
        }
        return salary;
    }

    private static RowError check(int row, SalaryRow r, Set<String> seen) {
        if (r == null) {
            return new RowError(row, "row", "is empty");
        }
        if (blank(r.employeeId())) {
            return new RowError(row, "employeeId", "is required");
        }
        if (!EMPLOYEE_ID.matcher(r.employeeId()).matches()) {
            return new RowError(row, "employeeId", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (blank(r.monthlySalary())) {
            return new RowError(row, "monthlySalary", "is required");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(r.monthlySalary().trim());
        } catch (NumberFormatException e) {
            return new RowError(row, "monthlySalary", "is not a number");
        }
        if (amount.signum() < 0) {
            return new RowError(row, "monthlySalary", "must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return new RowError(row, "monthlySalary", "must have at most 2 decimals");
        }
        if (amount.compareTo(LIMIT) >= 0) {
            return new RowError(row, "monthlySalary", "is too large");
        }
        if (blank(r.currency())) {
            return new RowError(row, "currency", "is required");
        }
        if (!isIsoCurrency(r.currency())) {
            return new RowError(row, "currency", "must be an ISO 4217 code in capitals, such as CNY");
        }
        if (!blank(r.position()) && !POSITION.matcher(r.position().trim()).matches()) {
            return new RowError(row, "position", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (!blank(r.hiredOn())) {
            try {
                LocalDate.parse(r.hiredOn().trim());
            } catch (DateTimeParseException e) {
                return new RowError(row, "hiredOn", "must be a date written YYYY-MM-DD");
            }
        }
        if (!seen.add(r.employeeId())) {
            return new RowError(row, "employeeId", "appears twice in this upload");
        }
        return null;
    }

    /** Three capital letters naming a currency Java knows (ISO 4217). */
    public static boolean isIsoCurrency(String code) {
        if (code == null || !CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private void store(List<String> ids, List<BigDecimal> amounts, List<String> currencies, List<String> positions,
                       List<LocalDate> hired, String uploadedBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(UPSERT)) {
            st.setString(1, uploadedBy);
            st.setArray(2, c.createArrayOf("text", ids.toArray()));
            st.setArray(3, c.createArrayOf("numeric", amounts.toArray()));
            st.setArray(4, c.createArrayOf("text", currencies.toArray()));
            st.setArray(5, c.createArrayOf("text", positions.toArray()));
            st.setArray(6, c.createArrayOf("date", hired.stream().map(d -> d == null ? null : java.sql.Date.valueOf(d))
                    .toArray()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store salaries", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
