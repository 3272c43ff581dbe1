package io.perfcenter.metrics.security;

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

    /** hr, admin and integration clients see the whole organisation. */
    public boolean seesEverything() {
        return has(Roles.HR) || has(Roles.ADMIN) || has(Roles.INTEGRATION);
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
}
