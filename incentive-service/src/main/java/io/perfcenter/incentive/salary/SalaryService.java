package io.perfcenter.incentive.salary;

import io.agroal.api.AgroalDataSource;
import io.perfcenter.incentive.salary.SalaryPayloads.RowError;
import io.perfcenter.incentive.salary.SalaryPayloads.SalaryStep;
import io.perfcenter.incentive.salary.SalaryPayloads.SalaryView;
import io.perfcenter.incentive.salary.SalaryPayloads.SalaryRow;
import io.perfcenter.incentive.salary.SalaryPayloads.UploadReport;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps the effective-dated salaries on file: a bulk upload is checked row by row and the good rows upserted in one
 * statement (a row with the same employee and effectiveFrom as one on file replaces it; another date adds a step).
 */
@ApplicationScoped
public class SalaryService {

    static final int MAX_ROWS = 50_000;
    private static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** numeric(14, 2): twelve digits before the point. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private static final String UPSERT = """
            INSERT INTO salary_rate (employee_id, effective_from, monthly_salary, currency, updated_by)
            SELECT e, f, s, c, ? FROM unnest(?::text[], ?::date[], ?::numeric[], ?::text[]) AS t(e, f, s, c)
            ON CONFLICT (employee_id, effective_from) DO UPDATE
               SET monthly_salary = excluded.monthly_salary, currency = excluded.currency,
                   updated_by = excluded.updated_by, updated_at = now()""";
    private static final String IN_EFFECT = """
            SELECT DISTINCT ON (employee_id) employee_id, effective_from, monthly_salary, currency FROM salary_rate
             WHERE employee_id = ANY (?) AND effective_from <= ?
             ORDER BY employee_id, effective_from DESC""";
    private static final String HISTORY = """
            SELECT effective_from, monthly_salary, currency, updated_at, updated_by FROM salary_rate
             WHERE employee_id = ? ORDER BY effective_from DESC""";

    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final Clock clock;

    SalaryService(AgroalDataSource dataSource, EntityManager em, Clock clock) {
        this.clock = clock;
        this.dataSource = dataSource;
        this.em = em;
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
        List<LocalDate> effective = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            SalaryRow r = rows.get(i);
            // person data has one owner, the org directory: an upload still carrying it is refused as a whole
            if (r != null && !blank(r.position())) {
                throw Problems.invalid("[" + i + "].position", "position is person data kept by the org directory "
                        + "(metrics-service, PUT /api/v1/metrics/org/agents/bulk); salaries no longer accept it");
            }
            if (r != null && !blank(r.hiredOn())) {
                throw Problems.invalid("[" + i + "].hiredOn", "the hire date is person data kept by the org "
                        + "directory (metrics-service, hireDate); salaries no longer accept it");
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            SalaryRow r = rows.get(i);
            Checked row = check(i + 1, r, seen);
            if (row.error() != null) {
                errors.add(row.error());
            } else {
                ids.add(r.employeeId());
                amounts.add(row.amount());
                currencies.add(r.currency());
                effective.add(row.effectiveFrom());
            }
        }
        if (!ids.isEmpty()) {
            store(ids, effective, amounts, currencies, uploadedBy);
        }
        return new UploadReport(ids.size(), errors.size(), errors);
    }

    /** The employee's salaries, newest first; 404 when none is on file. */
    public SalaryView get(String employeeId) {
        List<SalaryStep> history = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(HISTORY)) {
            st.setString(1, employeeId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    history.add(new SalaryStep(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2),
                            rs.getString(3), rs.getObject(4, OffsetDateTime.class), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read salaries", e);
        }
        if (history.isEmpty()) {
            throw Problems.notFound("Salary of employee", employeeId);
        }
        LocalDate today = LocalDate.now(clock);
        SalaryStep current = history.stream().filter(h -> !h.effectiveFrom().isAfter(today)).findFirst()
                .orElse(null);
        return new SalaryView(employeeId, current == null ? null : current.monthlySalary(),
                current == null ? null : current.currency(), current == null ? null : current.effectiveFrom(),
                history);
    }

    /**
     * The salary of each employee in effect on {@code day} (the latest one effective on or before it), read in the
     * caller's transaction; employees without one are absent.
     */
    public Map<String, Salary> inEffect(Collection<String> employeeIds, LocalDate day) {
        if (employeeIds.isEmpty()) {
            return Map.of();
        }
        return em.unwrap(Session.class).doReturningWork(c -> {
            Map<String, Salary> found = new HashMap<>();
            try (PreparedStatement st = c.prepareStatement(IN_EFFECT)) {
                st.setArray(1, c.createArrayOf("text", employeeIds.toArray()));
                st.setObject(2, day);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new Salary(rs.getString(1), rs.getObject(2, LocalDate.class),
                                rs.getBigDecimal(3), rs.getString(4)));
                    }
                }
            }
            return found;
        });
    }

    /** A row's verdict: its error, or the amount and first day it was read as (each parsed once). */
    private record Checked(RowError error, BigDecimal amount, LocalDate effectiveFrom) {

        static Checked rejected(int row, String field, String reason) {
            return new Checked(new RowError(row, field, reason), null, null);
        }
    }

    private static Checked check(int row, SalaryRow r, Set<String> seen) {
        if (r == null) {
            return Checked.rejected(row, "row", "is empty");
        }
        if (blank(r.employeeId())) {
            return Checked.rejected(row, "employeeId", "is required");
        }
        if (!EMPLOYEE_ID.matcher(r.employeeId()).matches()) {
            return Checked.rejected(row, "employeeId", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (blank(r.monthlySalary())) {
            return Checked.rejected(row, "monthlySalary", "is required");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(r.monthlySalary().trim());
        } catch (NumberFormatException e) {
            return Checked.rejected(row, "monthlySalary", "is not a number");
        }
        if (amount.signum() < 0) {
            return Checked.rejected(row, "monthlySalary", "must not be negative");
        }
        if (Numbers.decimals(amount) > 2) {
            return Checked.rejected(row, "monthlySalary", "must have at most 2 decimals");
        }
        if (amount.compareTo(LIMIT) >= 0) {
            return Checked.rejected(row, "monthlySalary", "is too large");
        }
        if (blank(r.currency())) {
            return Checked.rejected(row, "currency", "is required");
        }
        if (!isIsoCurrency(r.currency())) {
            return Checked.rejected(row, "currency", "must be an ISO 4217 code in capitals, such as CNY");
        }
        if (blank(r.effectiveFrom())) {
            return Checked.rejected(row, "effectiveFrom", "is required: the first day the salary applies, YYYY-MM-DD");
        }
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(r.effectiveFrom().trim());
        } catch (DateTimeParseException e) {
            return Checked.rejected(row, "effectiveFrom", "must be a date written YYYY-MM-DD");
        }
        if (!seen.add(r.employeeId() + '|' + effectiveFrom)) {
            return Checked.rejected(row, "employeeId", "appears twice with the same effectiveFrom in this upload");
        }
        return new Checked(null, amount, effectiveFrom);
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

    private void store(List<String> ids, List<LocalDate> effective, List<BigDecimal> amounts, List<String> currencies,
                       String uploadedBy) {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(UPSERT)) {
            st.setString(1, uploadedBy);
            st.setArray(2, c.createArrayOf("text", ids.toArray()));
            st.setArray(3, c.createArrayOf("date", effective.stream().map(java.sql.Date::valueOf).toArray()));
            st.setArray(4, c.createArrayOf("numeric", amounts.toArray()));
            st.setArray(5, c.createArrayOf("text", currencies.toArray()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store salaries", e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
