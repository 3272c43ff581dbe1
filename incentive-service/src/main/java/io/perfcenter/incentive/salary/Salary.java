package io.perfcenter.incentive.salary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The HR data on file for an employee: the monthly salary in a currency (runs split it into base and performance
 * pay), and optionally the position and hire date that target bonuses and promotion checks read.
 */
@Entity
@Table(name = "salary")
public class Salary extends PanacheEntityBase {

    @Id
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "monthly_salary")
    public BigDecimal monthlySalary;
    public String currency;
    /** Position on the career ladder (seat, group-lead …); weighs target bonuses and places promotion checks. */
    public String position;
    /** First day of employment; promotion rules count tenure from it. */
    @Column(name = "hired_on")
    public LocalDate hiredOn;
    @Column(name = "updated_at", insertable = false, updatable = false)
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    /** The salaries on file of the given employees, by employee id; those without one are absent. */
    public static Map<String, Salary> byEmployee(Collection<String> employeeIds) {
        if (employeeIds.isEmpty()) {
            return Map.of();
        }
        List<Salary> found = list("employeeId in ?1", employeeIds);
        return found.stream().collect(Collectors.toMap(s -> s.employeeId, Function.identity()));
    }
}
