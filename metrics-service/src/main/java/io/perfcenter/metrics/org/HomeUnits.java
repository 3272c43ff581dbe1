package io.perfcenter.metrics.org;

import io.perfcenter.metrics.org.OrgPayloads.Assignment;
import io.perfcenter.metrics.org.OrgPayloads.Stint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides each agent's one home unit for a period (the unit whose run scores them) under a {@link MoverPolicy}, for
 * everyone who belonged to a unit (or one below it) at some day of the period. Days are calendar days of the
 * center's calendar: the membership dates themselves.
 */
@ApplicationScoped
public class HomeUnits {

    private final EntityManager em;
    private final OrgService org;

    HomeUnits(EntityManager em, OrgService org) {
        this.em = em;
        this.org = org;
    }

    /** One page of a unit's assignments (by employee id) and how many agents the whole list has. */
    public record AssignmentPage(List<Assignment> rows, long total) {
    }

    /**
     * The agents who belonged to the unit or one below it during [from, to], by employee id, {@code offset} of them
     * skipped and at most {@code limit} answered, each with their home unit. A page costs that page: the database
     * counts the agents and cuts the page of their ids; only the memberships of those agents are read and decided
     * (a scoring run of a 10,000-agent center reads 10 pages; each used to read and decide all 10,000 agents).
     */
    @SuppressWarnings("unchecked")
    public AssignmentPage page(String unitCode, LocalDate from, LocalDate to, MoverPolicy policy, int offset,
                               int limit) {
        org.unit(unitCode);
        Set<String> units = new HashSet<>(em.createNativeQuery("""
                WITH RECURSIVE units AS (
                    SELECT code FROM org_unit WHERE code = :unit
                    UNION SELECT u.code FROM org_unit u JOIN units ON u.parent_code = units.code)
                SELECT code FROM units""").setParameter("unit", unitCode).getResultList());
        String inUnit = """
                FROM membership WHERE unit_code IN (:units) AND valid_from <= :to
                  AND (valid_to IS NULL OR valid_to > :from)""";
        long total = ((Number) em.createNativeQuery("SELECT count(DISTINCT employee_id) " + inUnit)
                .setParameter("units", units).setParameter("from", from).setParameter("to", to)
                .getSingleResult()).longValue();
        List<String> ids = em.createNativeQuery("SELECT DISTINCT employee_id " + inUnit
                        + " ORDER BY employee_id OFFSET :offset LIMIT :limit")
                .setParameter("units", units).setParameter("from", from).setParameter("to", to)
                .setParameter("offset", offset).setParameter("limit", limit).getResultList();
        if (ids.isEmpty()) {
            return new AssignmentPage(List.of(), total);
        }
        // all memberships in the period (in any unit) of the page's agents
        List<Object[]> rows = em.createNativeQuery("""
                SELECT a.employee_id, a.name, a.position, m.unit_code, m.valid_from, m.valid_to
                FROM membership m JOIN agent a USING (employee_id)
                WHERE m.valid_from <= :to AND (m.valid_to IS NULL OR m.valid_to > :from)
                  AND m.employee_id IN (:ids)
                ORDER BY a.employee_id, m.valid_from""")
                .setParameter("ids", ids).setParameter("from", from).setParameter("to", to).getResultList();
        Map<String, List<Object[]>> byAgent = new LinkedHashMap<>();
        rows.forEach(r -> byAgent.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r));
        List<Assignment> assignments = new ArrayList<>();
        byAgent.forEach((employeeId, memberships) -> {
            Object[] first = memberships.get(0);
            List<Stint> stints = memberships.stream().map(r -> stint((String) r[3], toLocalDate(r[4]),
                    toLocalDate(r[5]), from, to)).toList();
            assignments.add(assignment(employeeId, (String) first[1], (String) first[2], stints, units, from, to,
                    policy));
        });
        return new AssignmentPage(assignments, total);
    }

    /** A membership cut to the period; {@code validTo} is exclusive, the stint's last day inclusive. */
    static Stint stint(String unitCode, LocalDate validFrom, LocalDate validTo, LocalDate from, LocalDate to) {
        LocalDate first = validFrom.isBefore(from) ? from : validFrom;
        LocalDate last = validTo == null || validTo.isAfter(to) ? to : validTo.minusDays(1);
        return new Stint(unitCode, first, last, ChronoUnit.DAYS.between(first, last) + 1);
    }

    static Assignment assignment(String employeeId, String name, String position, List<Stint> stints,
                                 Set<String> units, LocalDate from, LocalDate to, MoverPolicy policy) {
        String home = policy.homeUnit(stints);
        long daysInHome = stints.stream().filter(s -> s.unitCode().equals(home)).mapToLong(Stint::days).sum();
        long daysInUnit = stints.stream().filter(s -> units.contains(s.unitCode())).mapToLong(Stint::days).sum();
        long daysMember = stints.stream().mapToLong(Stint::days).sum();
        return new Assignment(employeeId, name, position, policy, home, units.contains(home), daysInHome,
                daysInUnit, daysMember, ChronoUnit.DAYS.between(from, to) + 1, stints);
    }

    private static LocalDate toLocalDate(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
