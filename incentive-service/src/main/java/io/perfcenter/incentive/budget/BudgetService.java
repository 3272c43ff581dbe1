package io.perfcenter.incentive.budget;

import io.perfcenter.incentive.budget.BudgetPayloads.BudgetRow;
import io.perfcenter.incentive.budget.BudgetPayloads.BudgetView;
import io.perfcenter.incentive.budget.BudgetPayloads.RowError;
import io.perfcenter.incentive.budget.BudgetPayloads.UploadReport;
import io.perfcenter.incentive.salary.SalaryService;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Keeps the unit budgets: rows checked one by one, good rows upserted, bad rows reported. */
@ApplicationScoped
public class BudgetService {

    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final BigDecimal LIMIT = new BigDecimal("100000000000000");

    private final EntityManager em;

    BudgetService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public UploadReport upload(List<BudgetRow> rows, String uploadedBy) {
        if (rows == null) {
            throw Problems.invalid("body", "must be a JSON array of budget rows");
        }
        if (rows.size() > 10_000) {
            throw Problems.invalid("body", "at most 10000 rows per upload");
        }
        List<RowError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int accepted = 0;
        for (int i = 0; i < rows.size(); i++) {
            BudgetRow r = rows.get(i);
            RowError error = check(i + 1, r, seen);
            if (error != null) {
                errors.add(error);
                continue;
            }
            em.createNativeQuery("""
                            INSERT INTO unit_budget (unit_code, period, amount, currency, updated_by)
                            VALUES (?1, ?2, ?3, ?4, ?5)
                            ON CONFLICT (unit_code, period) DO UPDATE SET amount = excluded.amount,
                                currency = excluded.currency, updated_by = excluded.updated_by, updated_at = now()""")
                    .setParameter(1, r.unitCode()).setParameter(2, r.period())
                    .setParameter(3, new BigDecimal(r.amount().trim())).setParameter(4, r.currency())
                    .setParameter(5, uploadedBy).executeUpdate();
            accepted++;
        }
        return new UploadReport(accepted, errors.size(), errors);
    }

    public List<BudgetView> list(String period, String unitCode) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> params = new ArrayList<>();
        if (period != null) {
            params.add(period);
            where.append(" and period = ?").append(params.size());
        }
        if (unitCode != null) {
            params.add(unitCode);
            where.append(" and unitCode = ?").append(params.size());
        }
        List<UnitBudget> found = UnitBudget.list(where + " order by period desc, unitCode", params.toArray());
        return found.stream().map(BudgetView::of).toList();
    }

    private static RowError check(int row, BudgetRow r, Set<String> seen) {
        if (r == null) {
            return new RowError(row, "row", "is empty");
        }
        if (r.unitCode() == null || !UNIT.matcher(r.unitCode()).matches()) {
            return new RowError(row, "unitCode", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (!Period.isMonth(r.period())) {
            return new RowError(row, "period", "must be a month written YYYY-MM");
        }
        if (r.amount() == null || r.amount().isBlank()) {
            return new RowError(row, "amount", "is required");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(r.amount().trim());
        } catch (NumberFormatException e) {
            return new RowError(row, "amount", "is not a number");
        }
        if (amount.signum() < 0) {
            return new RowError(row, "amount", "must not be negative");
        }
        if (Numbers.decimals(amount) > 2 || amount.compareTo(LIMIT) >= 0) {
            return new RowError(row, "amount", "must be an amount with at most 2 decimals");
        }
        if (!SalaryService.isIsoCurrency(r.currency())) {
            return new RowError(row, "currency", "must be an ISO 4217 code in capitals, such as CNY");
        }
        if (!seen.add(r.unitCode() + "|" + r.period())) {
            return new RowError(row, "unitCode", "this unit and period appear twice in this upload");
        }
        return null;
    }
}
