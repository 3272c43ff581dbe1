package io.perfcenter.metrics.org;

import io.perfcenter.metrics.org.OrgPayloads.AgentView;
import io.perfcenter.metrics.org.OrgPayloads.UnitView;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Searching the org directory, one page at a time, within the caller's data scope ({@link OrgScope}): hr, admin,
 * org-sync and service clients and QA specialists (who evaluate any agent) see every unit and agent; supervisors and managers
 * the units they lead with every unit below them, and the agents who belong to those; anyone else only themself and
 * the unit they belong to today. Units come ordered by code, agents by employee id.
 */
@ApplicationScoped
public class OrgSearch {

    /** A page of rows and how many rows match over all pages. */
    public record Found<T>(List<T> rows, long total) {
    }

    private final EntityManager em;
    private final Caller caller;
    private final OrgScope scope;
    private final Clock clock;

    OrgSearch(EntityManager em, Caller caller, OrgScope scope, Clock clock) {
        this.em = em;
        this.caller = caller;
        this.scope = scope;
        this.clock = clock;
    }

    /** Units whose code or name contains {@code q} (any case), of a kind, directly below a parent. */
    @SuppressWarnings("unchecked")
    public Found<UnitView> units(String q, OrgUnit.Kind kind, String parentCode, int limit, int offset) {
        Filter where = new Filter();
        if (q != null && !q.isBlank()) {
            where.and("(u.code ILIKE :q ESCAPE '\\' OR u.name ILIKE :q ESCAPE '\\')", "q", contains(q));
        }
        if (kind != null) {
            where.and("u.kind = :kind", "kind", kind.name());
        }
        if (parentCode != null && !parentCode.isBlank()) {
            where.and("u.parent_code = :parent", "parent", parentCode.strip());
        }
        if (!seesWholeDirectory()) {
            Set<String> visible = new LinkedHashSet<>(scope.ledUnits());
            caller.employeeId().flatMap(Membership::current).ifPresent(m -> visible.add(m.unitCode));
            if (visible.isEmpty()) {
                return new Found<>(List.of(), 0);
            }
            where.and("u.code IN (:visible)", "visible", List.copyOf(visible));
        }
        String from = " FROM org_unit u WHERE TRUE" + where.conditions;
        List<Object[]> rows = where.bind(em.createNativeQuery(
                        "SELECT u.code, u.name, u.kind, u.parent_code, u.leader_employee_id" + from
                                + " ORDER BY u.code LIMIT :limit OFFSET :offset"))
                .setParameter("limit", limit).setParameter("offset", offset).getResultList();
        return new Found<>(rows.stream().map(r -> new UnitView((String) r[0], (String) r[1],
                OrgUnit.Kind.valueOf((String) r[2]), (String) r[3], (String) r[4])).toList(), count(where, from));
    }

    /**
     * Agents whose employee id or name contains {@code q} (any case), who belong on {@code activeOn} to some unit
     * (to {@code unitCode} or a unit below it, when given; without activeOn, today).
     */
    @SuppressWarnings("unchecked")
    public Found<AgentView> agents(String q, String unitCode, LocalDate activeOn, int limit, int offset) {
        LocalDate day = activeOn != null ? activeOn : LocalDate.now(clock);
        Filter where = new Filter();
        where.params.put("day", day);
        String memberOn = "EXISTS (SELECT 1 FROM membership m WHERE m.employee_id = a.employee_id "
                + "AND m.valid_from <= :day AND (m.valid_to IS NULL OR m.valid_to > :day)";
        if (q != null && !q.isBlank()) {
            where.and("(a.employee_id ILIKE :q ESCAPE '\\' OR a.name ILIKE :q ESCAPE '\\')", "q", contains(q));
        }
        if (activeOn != null) {
            where.and(memberOn + ")", Map.of());
        }
        if (unitCode != null && !unitCode.isBlank()) {
            where.and(memberOn + " AND m.unit_code IN (" + SUBTREE + "))", Map.of("unit", unitCode.strip()));
        }
        if (!seesWholeDirectory()) {
            List<String> led = scope.ledUnits();
            String me = caller.employeeId().orElse(null);
            if (led.isEmpty() && me == null) {
                return new Found<>(List.of(), 0);
            }
            Map<String, Object> params = new HashMap<>();
            params.put("me", me == null ? "" : me);
            params.put("led", led.isEmpty() ? List.of("") : led);
            where.and("(a.employee_id = :me OR " + memberOn + " AND m.unit_code IN (:led)))", params);
        }
        String from = " FROM agent a LEFT JOIN membership cur ON cur.employee_id = a.employee_id "
                + "AND cur.valid_to IS NULL WHERE TRUE" + where.conditions;
        List<Object[]> rows = where.bind(em.createNativeQuery("SELECT a.employee_id, a.name, a.position, "
                        + "a.hire_date, a.status, cur.unit_code, a.left_on" + from
                        + " ORDER BY a.employee_id LIMIT :limit OFFSET :offset"))
                .setParameter("limit", limit).setParameter("offset", offset).getResultList();
        return new Found<>(rows.stream().map(r -> new AgentView((String) r[0], (String) r[1], (String) r[2],
                date(r[3]), (String) r[4], (String) r[5], date(r[6]))).toList(), count(where, from));
    }

    private static final String SUBTREE = """
            WITH RECURSIVE below AS (
                SELECT code FROM org_unit WHERE code = :unit
                UNION SELECT u.code FROM org_unit u JOIN below ON u.parent_code = below.code)
            SELECT code FROM below""";

    /** QA specialists read any directory entry, as {@link OrgScope#checkDirectoryEntry} lets them. */
    private boolean seesWholeDirectory() {
        return caller.seesEverything() || caller.has(Roles.QA);
    }

    private long count(Filter where, String from) {
        return ((Number) where.bind(em.createNativeQuery("SELECT count(*)" + from)).getSingleResult()).longValue();
    }

    /** {@code %text%} with the LIKE wildcards in the text matched literally. */
    private static String contains(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /** The conditions of a search and their named parameters. */
    private static final class Filter {
        private String conditions = "";
        private final Map<String, Object> params = new HashMap<>();

        void and(String condition, String name, Object value) {
            and(condition, Map.of(name, value));
        }

        void and(String condition, Map<String, Object> parameters) {
            conditions += " AND " + condition;
            params.putAll(parameters);
        }

        Query bind(Query query) {
            params.forEach((name, value) -> {
                if (conditions.contains(":" + name)) {
                    query.setParameter(name, value);
                }
            });
            return query;
        }
    }
}
