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
            throw Problems.outOfScope("Unit " + unitCode + " is outside your scope");
        }
    }

    /** An agent may be seen by themself and by the leaders of any unit they belonged to on {@code date}. */
    public void checkAgent(String employeeId, LocalDate date) {
        if (caller.seesEverything() || caller.employeeId().filter(employeeId::equals).isPresent()) {
            return;
        }
        List<String> led = ledUnits();
        boolean inScope = !led.isEmpty() && Membership.at(employeeId, date)
                .map(m -> led.contains(m.unitCode)).orElse(false);
        if (!inScope) {
            throw Problems.outOfScope("Agent " + employeeId + " is outside your scope");
        }
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
