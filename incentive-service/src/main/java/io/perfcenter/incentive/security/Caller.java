package io.perfcenter.incentive.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling: roles and the employee id carried in the token, for data-scope decisions. */
@RequestScoped
public class Caller {

    static final String EMPLOYEE_ID_CLAIM = "employee_id";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** hr and admin see every salary, run and statement. */
    public boolean seesEverything() {
        return has(Roles.HR) || has(Roles.ADMIN);
    }

    /** Supervisors and managers lead units: they see their units' totals, runs and promotion answers. */
    public boolean leadsUnits() {
        return has(Roles.SUPERVISOR) || has(Roles.MANAGER);
    }

    /**
     * Managers see the individual statements of the units they lead; supervisors only their group's totals
     * (issue 5: "agents see only their own statements; supervisors their group's totals").
     */
    public boolean seesUnitStatements() {
        return has(Roles.MANAGER);
    }

    public Optional<String> employeeId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return Optional.ofNullable(jwt.getClaim(EMPLOYEE_ID_CLAIM)).map(Object::toString);
        }
        return Optional.empty();
    }

    /** For audit columns: the employee id, else the token's user name. */
    public String name() {
        return employeeId().orElseGet(() -> identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
