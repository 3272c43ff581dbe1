package io.perfcenter.incentive.salary;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A monthly salary of an employee from a day on (effective-dated: a raise is a new salary from its first day, and
 * the one before keeps applying to the months before it). A run for a month uses the salary in effect on the
 * month's last day.
 */
public record Salary(String employeeId, LocalDate effectiveFrom, BigDecimal monthlySalary, String currency) {
}
