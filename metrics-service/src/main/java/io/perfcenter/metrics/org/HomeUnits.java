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

    HomeUnits(EntityManager em) {
        this.em = em;
    }

    /** One page of a unit's assignments (by employee id) and how many agents the whole list has. */
    public record AssignmentPage(List<Assignment> rows, long total) {
    }

    /**
     * The agents who belonged to the unit or one below it during [from, to], by employee id, {@code offset} of them
     * skipped and at most {@code limit} answered, each with their home unit. A page is one statement: the unit's
     * sub-units, the page of agents' ids cut by the database (with how many there are), and every membership of the
     * period (in any unit) of those agents, each marked whether it is in the unit. A scoring run of a 10,000-agent
     * center reads 11 pages; each page used to take five statements (the unit, its sub-units, the count, the ids,
     * the memberships with a bind per id), and before that read and decided all 10,000 agents.
     */
    @SuppressWarnings("unchecked")
    public AssignmentPage page(String unitCode, LocalDate from, LocalDate to, MoverPolicy policy, int offset,
                               int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                WITH RECURSIVE units AS (
                    SELECT code FROM org_unit WHERE code = :unit
                    UNION SELECT u.code FROM org_unit u JOIN units ON u.parent_code = units.code),
                agents AS (
                    SELECT DISTINCT employee_id FROM membership
                    WHERE unit_code IN (SELECT code FROM units) AND valid_from <= :to
                      AND (valid_to IS NULL OR valid_to > :from)),
                page AS (
                    SELECT employee_id, count(*) OVER () AS total FROM agents
                    ORDER BY employee_id OFFSET :offset LIMIT :limit)
                SELECT a.employee_id, a.name, a.position, m.unit_code, m.valid_from, m.valid_to,
                       m.unit_code IN (SELECT code FROM units) AS inside, page.total
                FROM page JOIN agent a USING (employee_id)
                     JOIN membership m ON m.employee_id = page.employee_id
                WHERE m.valid_from <= :to AND (m.valid_to IS NULL OR m.valid_to > :from)
                ORDER BY a.employee_id, m.valid_from""")
                .setParameter("unit", unitCode).setParameter("from", from).setParameter("to", to)
                .setParameter("offset", offset).setParameter("limit", limit).getResultList();
        if (rows.isEmpty()) {
            // past the last agent, or none at all: the total alone (the unit was checked by the caller)
            long total = ((Number) em.createNativeQuery("""
                    WITH RECURSIVE units AS (
                        SELECT code FROM org_unit WHERE code = :unit
                        UNION SELECT u.code FROM org_unit u JOIN units ON u.parent_code = units.code)
                    SELECT count(DISTINCT employee_id) FROM membership
                    WHERE unit_code IN (SELECT code FROM units) AND valid_from <= :to
                      AND (valid_to IS NULL OR valid_to > :from)""")
                    .setParameter("unit", unitCode).setParameter("from", from).setParameter("to", to)
                    .getSingleResult()).longValue();
            return new AssignmentPage(List.of(), total);
        }
        long total = ((Number) rows.get(0)[7]).longValue();
        // the units of the rows that are in the unit: every stint's unit is one of the rows', so this is all
        // assignment() needs to know of the unit's sub-units
        Set<String> units = new HashSet<>();
        Map<String, List<Object[]>> byAgent = new LinkedHashMap<>();
        for (Object[] r : rows) {
            if (Boolean.TRUE.equals(r[6])) {
                units.add((String) r[3]);
            }
            byAgent.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
        }
        List<Assignment> assignments = new ArrayList<>(byAgent.size());
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
