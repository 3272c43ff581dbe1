package io.perfcenter.incentive.section;

/**
 * A kind of statement line, as its {@link PlanSection} writes it ({@code performance-pay}, {@code perk} …). A
 * {@code paid} kind can carry money: it has a column in the payroll export and a budget with policy SCALE may scale
 * it. A kind that is not paid is an entitlement only (a perk): listed on the statement, never in a total.
 */
public record LineKind(String name, boolean paid) {

    public static LineKind paid(String name) {
        return new LineKind(name, true);
    }

    public static LineKind entitlement(String name) {
        return new LineKind(name, false);
    }
}
