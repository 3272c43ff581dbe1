package io.perfcenter.incentive.web;

import io.perfcenter.incentive.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's (the gateway's) {@code X-Request-Id} when it is a safe token, a new UUID
 * otherwise. The id goes into the log context (MDC), problem bodies and the response, and onto the incoming request's
 * headers, so that calls to other services (which propagate X-Request-Id) carry the same id. Work handed to other
 * threads takes it along with {@link #carried(Runnable)}. Once the caller is authenticated, the token's subject goes into
 * the log context too ({@code user}), and, when the caller is a PerfCenter service acting for a person, that person
 * ({@code actingFor}, from {@code X-Acting-For}), so a read or write made by a service is traced to whoever caused it.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String USER_MDC_KEY = "user";
    public static final String ACTING_FOR_HEADER = "X-Acting-For";
    public static final String ACTING_FOR_MDC_KEY = "actingFor";
    private static final List<String> CARRIED_KEYS = List.of(MDC_KEY, USER_MDC_KEY, ACTING_FOR_MDC_KEY);
    /** Letters, digits, dot, underscore and hyphen: an id can neither split a header nor forge a log line. */
    static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SAFE_USER = Pattern.compile("[A-Za-z0-9._@+:-]{1,128}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = safe(request.getHeaderString(HEADER));
        request.getHeaders().putSingle(HEADER, id);
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
    }

    /** Runs after the endpoint's security check, so an authenticated caller is known by then. */
    @ServerRequestFilter
    public void user(RoutingContext routing) {
        MDC.remove(ACTING_FOR_MDC_KEY);
        if (routing.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            MDC.put(USER_MDC_KEY, subject(user.getSecurityIdentity()));
            String actingFor = actingFor(user.getSecurityIdentity(), routing.request().getHeader(ACTING_FOR_HEADER));
            if (actingFor != null) {
                MDC.put(ACTING_FOR_MDC_KEY, actingFor);
            }
        }
    }

    /**
     * The person a service says it acts for, when the caller is a service (role {@code service} or
     * {@code corrections-writer}) and the value is fit for a log line; null otherwise: a person's own request cannot
     * put someone else's name in the log.
     */
    static String actingFor(SecurityIdentity identity, String header) {
        boolean service = identity.hasRole(Roles.SERVICE) || identity.hasRole(Roles.CORRECTIONS_WRITER);
        return service && header != null && SAFE_USER.matcher(header).matches() ? header : null;
    }

    /** The token's subject ({@code sub}), else the principal's name; a name unfit for a log line is replaced. */
    static String subject(SecurityIdentity identity) {
        String subject = identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : identity.getPrincipal().getName();
        return subject != null && SAFE_USER.matcher(subject).matches() ? subject : "unprintable";
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The candidate when it is safe to log and echo, else a new id. */
    public static String safe(String candidate) {
        return candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    /** The task, run with the current request's id and user in its thread's log context (for executors of a request). */
    public static Runnable carried(Runnable task) {
        Object[] values = CARRIED_KEYS.stream().map(MDC::get).toArray();
        return () -> {
            Object[] before = CARRIED_KEYS.stream().map(MDC::get).toArray();
            put(values);
            try {
                task.run();
            } finally {
                put(before);
            }
        };
    }

    private static void put(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                MDC.put(CARRIED_KEYS.get(i), values[i]);
            } else {
                MDC.remove(CARRIED_KEYS.get(i));
            }
        }
    }
}
