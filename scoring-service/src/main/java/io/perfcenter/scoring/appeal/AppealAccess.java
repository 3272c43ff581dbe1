package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.client.MetricsClient;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.Roles;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Who sees and who decides an appeal (申诉复核 by a separate reviewer, docs/domain.md §6). hr and admin decide any appeal,
 * the escalated ones included. A reviewer — the {@code appeals} role, or a leader of a unit named in
 * {@code perfcenter.appeals.reviewing-units} — decides the appeals of agents outside the units they lead, unless the
 * appeal was escalated to hr. Nobody decides their own appeal, and an agent's own supervisor or manager never does.
 * Agents see their own appeals, supervisors and managers those of the units they lead (read only), reviewers every
 * appeal; anything else does not exist for the caller (404). Fails closed: a caller without an employee id in the
 * token is neither a reviewer nor a leader.
 */
@ApplicationScoped
public class AppealAccess {

    private final Caller caller;
    private final MetricsClient metrics;
    private final List<String> reviewingUnits;

    AppealAccess(Caller caller, MetricsClient metrics,
                 @ConfigProperty(name = "perfcenter.appeals.reviewing-units") Optional<List<String>> reviewingUnits) {
        this.caller = caller;
        this.metrics = metrics;
        this.reviewingUnits = reviewingUnits.orElse(List.of()).stream().map(String::strip)
                .filter(u -> !u.isEmpty()).toList();
    }

    /**
     * The caller's standing towards appeals, asked once per request.
     *
     * @param hr        hr or admin: sees and decides everything
     * @param me        the caller's employee id
     * @param led       units the caller leads, with the units below them (empty without an employee id)
     * @param reviewer  may decide appeals of other units' agents
     */
    public record Standing(boolean hr, Optional<String> me, List<String> led, boolean reviewer) {

        boolean own(Appeal appeal) {
            return me.filter(appeal.employeeId::equals).isPresent();
        }

        /** Sees it: their own, one of the units they lead, any for reviewers, hr and admin. */
        public boolean sees(Appeal appeal) {
            return hr || own(appeal) || led.contains(appeal.unitCode) || reviewer;
        }

        /** Why the caller may not decide it, or empty if they may (whatever its status). */
        public Optional<String> barrier(Appeal appeal) {
            if (own(appeal)) {
                return Optional.of("Nobody decides their own appeal");
            }
            if (hr) {
                return Optional.empty();
            }
            if (me.isEmpty()) {
                return Optional.of("Your token carries no employee id: only hr or admin decide without one");
            }
            if (led.contains(appeal.unitCode)) {
                return Optional.of("You lead " + appeal.unitCode + ", the unit of " + appeal.employeeId
                        + ": an appeal is decided by someone else (an appeals reviewer of another unit, or hr)");
            }
            if (!reviewer) {
                return Optional.of("Appeals are decided by an appeals reviewer, hr or admin");
            }
            if (appeal.escalatedAt != null) {
                return Optional.of("Appeal " + appeal.id + " was escalated to hr");
            }
            return Optional.empty();
        }

        public boolean mayDecide(Appeal appeal) {
            return appeal.status == Appeal.Status.OPEN && barrier(appeal).isEmpty();
        }
    }

    public Standing standing() {
        if (caller.has(Roles.HR) || caller.has(Roles.ADMIN)) {
            return new Standing(true, caller.employeeId(), List.of(), true);
        }
        Optional<String> me = caller.employeeId();
        boolean asks = caller.has(Roles.APPEALS) || caller.has(Roles.SUPERVISOR) || caller.has(Roles.MANAGER);
        // without an employee id nobody is anyone's leader: scope would be empty, so it is denied instead
        List<String> led = me.isPresent() && asks ? metrics.myUnits() : List.of();
        boolean reviewer = me.isPresent() && (caller.has(Roles.APPEALS)
                || led.stream().anyMatch(reviewingUnits::contains));
        return new Standing(false, me, led, reviewer);
    }

    /** The appeal if the caller sees it; 404 otherwise, so that ids cannot be probed. */
    public Appeal visible(Standing standing, long id) {
        Appeal appeal = Appeal.<Appeal>findByIdOptional(id).orElse(null);
        if (appeal == null || !standing.sees(appeal)) {
            throw Problems.notFound("Appeal", id);
        }
        return appeal;
    }

    /** 403 with the reason unless the caller may decide the appeal (status aside). */
    public void requireDecider(Standing standing, Appeal appeal) {
        standing.barrier(appeal).ifPresent(reason -> {
            throw Problems.outOfScope(reason);
        });
    }
}
