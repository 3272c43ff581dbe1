package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.client.OrgPerson;
import io.perfcenter.incentive.client.ReadAs;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * Data scope of engagement: hr and admin see every board, contest and account in full; a supervisor or manager the
 * boards of the units they lead in full (metrics-service's my-units, asked with their own token); an agent the
 * policy's view of a board they are on, and their own points and badges. Anything else answers 404, as an unknown one.
 */
@ApplicationScoped
public class EngagementScope {

    /** Who reads standings: in full, as one agent (the policy's view), or not at all. */
    public record Viewer(boolean full, String self) {

        static final Viewer NONE = new Viewer(false, null);

        boolean agent() {
            return !full && self != null;
        }
    }

    private final Caller caller;
    private final MetricsClient metrics;

    EngagementScope(Caller caller, MetricsClient metrics) {
        this.caller = caller;
        this.metrics = metrics;
    }

    /** The viewer of standings over these units: full for hr, admin and whoever leads every one of them. */
    public Viewer viewerOf(List<String> unitCodes) {
        if (caller.has(Roles.HR) || caller.has(Roles.ADMIN)) {
            return new Viewer(true, caller.employeeId().orElse(null));
        }
        if (caller.leadsUnits() && caller.employeeId().isPresent() && metrics.myUnits().containsAll(unitCodes)) {
            return new Viewer(true, caller.employeeId().get());
        }
        if (caller.has(Roles.AGENT) && caller.employeeId().isPresent()) {
            return new Viewer(false, caller.employeeId().get());
        }
        return Viewer.NONE;
    }

    /**
     * Whether the caller may read a person's points and badges: their own, hr and admin anyone's, a supervisor or
     * manager those of an agent who belongs today to a unit they lead (the org directory read with their own token).
     * Otherwise a 404, as for an unknown person.
     */
    public void checkPerson(String employeeId) {
        LeaderboardService.checkCode("employeeId", employeeId);
        if (caller.has(Roles.HR) || caller.has(Roles.ADMIN)
                || caller.employeeId().filter(employeeId::equals).isPresent()) {
            return;
        }
        if (caller.leadsUnits() && caller.employeeId().isPresent()) {
            Optional<OrgPerson> person = metrics.person(ReadAs.CALLER, employeeId);
            if (person.isPresent() && person.get().unitCode() != null
                    && metrics.myUnits().contains(person.get().unitCode())) {
                return;
            }
        }
        throw Problems.notFound("Employee", employeeId);
    }
}
