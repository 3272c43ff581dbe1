package io.perfcenter.gateway.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a safe token, a new UUID otherwise. The id goes
 * into the log context, onto the response (also the gateway's own problems) and on to the service. Once the caller's
 * token is verified, its subject goes into the log context too ({@code user}).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String USER_MDC_KEY = "user";

    // letters, digits, dot, underscore and hyphen (as the services take them): an id can neither split a header,
    // forge a log line nor carry markup
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SANE_USER = Pattern.compile("[A-Za-z0-9._@+:-]{1,128}");

    void register(@Observes Router router) {
        // before the upload limit and everything else that may answer, so every response carries the id
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::assign);
    }

    void assign(RoutingContext ctx) {
        String id = sanitize(ctx.request().getHeader(HEADER));
        ctx.put(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    /** The id this request was given. */
    public static String of(RoutingContext ctx) {
        String id = ctx.get(MDC_KEY);
        return id != null ? id : sanitize(null);
    }

    /** The verified caller's token subject ({@code sub}, else the principal's name) in the log context. */
    public static void user(SecurityIdentity caller) {
        String subject = caller.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject() : caller.getPrincipal().getName();
        MDC.put(USER_MDC_KEY, subject != null && SANE_USER.matcher(subject).matches() ? subject : "unprintable");
    }

    static String sanitize(String candidate) {
        if (candidate != null && SANE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}
