package io.perfcenter.metrics.org;

import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Data scope: an agent sees only their own figures, a supervisor or manager those of the units they lead (and
 * the units below them), hr, admin and machine clients (services, org sync) everything.
 */
@ApplicationScoped
public class OrgScope {

    private final EntityManager em;
    private final Caller caller;
    private final Clock clock;

    OrgScope(EntityManager em, Caller caller, Clock clock) {
        this.clock = clock;
        this.em = em;
        this.caller = caller;
    }

    public void checkUnit(String unitCode) {
        if (!caller.seesEverything() && !ledUnits().contains(unitCode)) {
            // out of scope answers exactly as an unknown unit, so that codes cannot be probed
            throw Problems.notFound("Unit", unitCode);
        }
    }

    /** An agent may be seen by themself and by the leaders of any unit they belonged to on {@code date}. */
    public void checkAgent(String employeeId, LocalDate date) {
        agentFiguresWithin(employeeId, date, date);
    }

    /**
     * Through which units the caller sees an agent's figures of [from, to]: null for all of them (hr, admin,
     * integration, the agent themself); else the units the caller leads, and only if the agent belonged to one of
     * them on some day of the range — otherwise 404 exactly as for an unknown agent, so that ids cannot be probed.
     * The figures then count only on the days of such a membership: after a move on day D, the new unit's leader
     * reads the agent's figures from D on, the old unit's leader those up to D − 1.
     */
    public List<String> agentFiguresWithin(String employeeId, LocalDate from, LocalDate to) {
        if (caller.seesEverything() || caller.employeeId().filter(employeeId::equals).isPresent()) {
            return null;
        }
        List<String> led = ledUnits();
        boolean inScope = !led.isEmpty() && Membership.count("employeeId = ?1 and unitCode in ?2 and validFrom <= ?3 "
                + "and (validTo is null or validTo > ?4)", employeeId, led, to, from) > 0;
        if (!inScope) {
            throw Problems.notFound("Agent", employeeId);
        }
        return led;
    }

    /** Through which units the caller sees figures of the agents of a unit they read (baselines): null for all. */
    public List<String> figuresWithin() {
        return caller.seesEverything() ? null : ledUnits();
    }

    /** Directory entries (name, position, unit) are also open to QA specialists, who evaluate any agent's calls. */
    public void checkDirectoryEntry(String employeeId) {
        if (!caller.has(Roles.QA)) {
            checkAgent(employeeId, LocalDate.now(clock));
        }
    }

    /** Units the caller leads, with every unit below them. */
    @SuppressWarnings("unchecked")
    public List<String> ledUnits() {
        String me = caller.employeeId().orElse(null);
        if (me == null) {
            return List.of();
        }
        return em.createNativeQuery("""
                WITH RECURSIVE led AS (
                    SELECT code FROM org_unit WHERE leader_employee_id = :me
                    UNION
                    SELECT u.code FROM org_unit u JOIN led ON u.parent_code = led.code)
                SELECT code FROM led""").setParameter("me", me).getResultList();
    }
}
