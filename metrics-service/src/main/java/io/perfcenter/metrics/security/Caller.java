package io.perfcenter.metrics.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/**
 * Who is calling: roles and the employee id carried in the token, for data-scope decisions and audit columns. The
 * same in every service: which endpoints a role may call at all is said by {@code @RolesAllowed}; this says how much
 * of the organisation's data a caller who got that far sees.
 */
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

    /**
     * hr, admin and machine clients (no employee id: services reading as themselves, org sync, record upload, payroll
     * export) see the whole organisation, within the endpoints their roles reach: {@code @RolesAllowed} gives each
     * machine role only the operations of its one purpose.
     */
    public boolean seesEverything() {
        return has(Roles.HR) || has(Roles.ADMIN) || has(Roles.SERVICE) || has(Roles.ORG_SYNC)
                || has(Roles.RECORDS_WRITER) || has(Roles.PAYROLL_EXPORT);
    }

    /** Supervisors and managers see the units they lead (as metrics-service's org directory says). */
    public boolean leadsUnits() {
        return has(Roles.SUPERVISOR) || has(Roles.MANAGER);
    }

    /**
     * Managers see the individual results (e.g. pay statements) of the units they lead; supervisors only their
     * group's totals (issue 5: "agents see only their own statements; supervisors their group's totals").
     */
    public boolean seesUnitStatements() {
        return has(Roles.MANAGER);
    }

    /** Who the token was issued to (its subject or user name), e.g. for limits per caller. */
    public String subject() {
        return identity.getPrincipal().getName();
    }

    public Optional<String> employeeId() {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return Optional.ofNullable(jwt.getClaim(EMPLOYEE_ID_CLAIM)).map(Object::toString);
        }
        return Optional.empty();
    }

    /** No token: e.g. a scheduled job of the service, where the request context is active but nobody called. */
    public boolean anonymous() {
        return identity.isAnonymous();
    }

    /** For "created by" columns: the employee id, else the token's principal name (machine clients). */
    public String name() {
        return employeeId().orElseGet(() -> identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName());
    }
}
