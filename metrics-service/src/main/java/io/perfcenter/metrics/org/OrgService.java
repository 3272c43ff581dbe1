package io.perfcenter.metrics.org;

import io.perfcenter.metrics.org.OrgPayloads.AgentInput;
import io.perfcenter.metrics.org.OrgPayloads.AgentView;
import io.perfcenter.metrics.org.OrgPayloads.MemberView;
import io.perfcenter.metrics.org.OrgPayloads.UnitInput;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The org directory: units, agents and their effective-dated membership. */
@ApplicationScoped
public class OrgService {

    private final EntityManager em;
    private final Clock clock;

    OrgService(EntityManager em, Clock clock) {
        this.clock = clock;
        this.em = em;
    }

    @Transactional
    public OrgUnit createUnit(UnitInput input) {
        if (OrgUnit.findById(input.code()) != null) {
            throw Problems.conflict("Unit " + input.code() + " exists already");
        }
        if (input.kind() != OrgUnit.Kind.CENTER && input.parentCode() == null) {
            throw Problems.invalid("parentCode", "a " + input.kind() + " needs an enclosing unit");
        }
        if (input.parentCode() != null && OrgUnit.findById(input.parentCode()) == null) {
            throw Problems.invalid("parentCode", "unit " + input.parentCode() + " does not exist");
        }
        OrgUnit unit = new OrgUnit();
        unit.code = input.code();
        unit.name = input.name();
        unit.kind = input.kind();
        unit.parentCode = input.parentCode();
        unit.leaderEmployeeId = input.leaderEmployeeId();
        unit.persist();
        return unit;
    }

    public OrgUnit unit(String code) {
        OrgUnit unit = OrgUnit.findById(code);
        if (unit == null) {
            throw Problems.notFound("Unit", code);
        }
        return unit;
    }

    @Transactional
    public AgentView registerAgent(AgentInput input) {
        if (Agent.findById(input.employeeId()) != null) {
            throw Problems.conflict("Agent " + input.employeeId() + " exists already");
        }
        if (OrgUnit.findById(input.unitCode()) == null) {
            throw Problems.invalid("unitCode", "unit " + input.unitCode() + " does not exist");
        }
        Agent agent = new Agent();
        agent.employeeId = input.employeeId();
        agent.name = input.name();
        agent.position = input.position();
        agent.hireDate = input.hireDate();
        agent.persist();
        Membership m = new Membership();
        m.employeeId = agent.employeeId;
        m.unitCode = input.unitCode();
        m.validFrom = input.memberFrom() != null ? input.memberFrom()
                : input.hireDate() != null ? input.hireDate() : LocalDate.now(clock);
        m.persist();
        return view(agent);
    }

    /** Closes the current membership the day before {@code from} and opens one in the new unit. */
    @Transactional
    public AgentView move(String employeeId, String unitCode, LocalDate from) {
        Agent agent = agent(employeeId);
        if (OrgUnit.findById(unitCode) == null) {
            throw Problems.invalid("unitCode", "unit " + unitCode + " does not exist");
        }
        Membership.current(employeeId).ifPresent(current -> {
            if (!from.isAfter(current.validFrom)) {
                throw Problems.invalid("from", "must be after the start of the current membership ("
                        + current.validFrom + ")");
            }
            current.validTo = from;
        });
        Membership next = new Membership();
        next.employeeId = employeeId;
        next.unitCode = unitCode;
        next.validFrom = from;
        next.persist();
        return view(agent);
    }

    /** The agent leaves on {@code leftOn} (first day no longer employed); their membership ends that day. */
    @Transactional
    public AgentView leave(String employeeId, LocalDate leftOn) {
        Agent agent = agent(employeeId);
        if (agent.status.equals("LEFT")) {
            throw Problems.conflict("Agent " + employeeId + " left on " + agent.leftOn + " already");
        }
        Membership.current(employeeId).ifPresent(current -> {
            if (!leftOn.isAfter(current.validFrom)) {
                throw Problems.invalid("leftOn", "must be after the start of the current membership ("
                        + current.validFrom + ")");
            }
        });
        depart(agent, leftOn);
        return view(agent);
    }

    void depart(Agent agent, LocalDate leftOn) {
        agent.status = "LEFT";
        agent.leftOn = leftOn;
        Membership.current(agent.employeeId).ifPresent(current -> current.validTo = leftOn);
    }

    public Agent agent(String employeeId) {
        Agent agent = Agent.findById(employeeId);
        if (agent == null) {
            throw Problems.notFound("Agent", employeeId);
        }
        return agent;
    }

    public AgentView view(Agent agent) {
        String unit = Membership.current(agent.employeeId).map(m -> m.unitCode).orElse(null);
        return new AgentView(agent.employeeId, agent.name, agent.position, agent.hireDate, agent.status, unit,
                agent.leftOn);
    }

    /** One page of a unit's memberships and how many the whole list has. */
    public record MemberPage(List<MemberView> rows, long total) {
    }

    /**
     * Memberships of agents who belonged to the unit, or any unit below it, at some day of [from, to], by employee id
     * then start, {@code offset} of them skipped and at most {@code limit} answered: the database cuts the page, so a
     * page of a 10,000-agent center reads its own rows only (and counts the rest).
     */
    @SuppressWarnings("unchecked")
    public MemberPage members(String unitCode, LocalDate from, LocalDate to, int offset, int limit) {
        unit(unitCode);
        String memberships = """
                WITH RECURSIVE units AS (
                    SELECT code FROM org_unit WHERE code = :unit
                    UNION SELECT u.code FROM org_unit u JOIN units ON u.parent_code = units.code)
                %s
                FROM membership m JOIN units ON m.unit_code = units.code JOIN agent a USING (employee_id)
                WHERE m.valid_from <= :to AND (m.valid_to IS NULL OR m.valid_to > :from)
                %s""";
        long total = ((Number) em.createNativeQuery(memberships.formatted("SELECT count(*)", ""))
                .setParameter("unit", unitCode).setParameter("from", from).setParameter("to", to)
                .getSingleResult()).longValue();
        List<Object[]> rows = em.createNativeQuery(memberships.formatted(
                        "SELECT a.employee_id, a.name, a.position, a.hire_date, m.unit_code, m.valid_from, m.valid_to",
                        // (employee id, start) is unique: a stable order, so pages neither skip nor repeat rows
                        "ORDER BY a.employee_id, m.valid_from OFFSET :offset LIMIT :limit"))
                .setParameter("unit", unitCode).setParameter("from", from).setParameter("to", to)
                .setParameter("offset", offset).setParameter("limit", limit)
                .getResultList();
        return new MemberPage(rows.stream().map(r -> new MemberView((String) r[0], (String) r[1], (String) r[2],
                toLocalDate(r[3]), (String) r[4], toLocalDate(r[5]), toLocalDate(r[6]))).toList(), total);
    }

    private static LocalDate toLocalDate(Object value) {
        return value == null ? null : value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
