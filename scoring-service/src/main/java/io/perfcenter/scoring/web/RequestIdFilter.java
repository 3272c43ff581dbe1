package io.perfcenter.scoring.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id: the caller's (the gateway's) {@code X-Request-Id} when it is a safe token, a new UUID
 * otherwise. The id goes into the log context (MDC), problem bodies and the response, and onto the incoming request's
 * headers, so that calls to other services (which propagate X-Request-Id) carry the same id. Work handed to other
 * threads takes it along with {@link #carried(Runnable)}.
 */
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Letters, digits, dot, underscore and hyphen: an id can neither split a header nor forge a log line. */
    static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = safe(request.getHeaderString(HEADER));
        request.getHeaders().putSingle(HEADER, id);
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
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

    /** The task, run with the current request's id in its thread's log context (for executors of a request). */
    public static Runnable carried(Runnable task) {
        Object id = MDC.get(MDC_KEY);
        return () -> {
            Object before = MDC.get(MDC_KEY);
            if (id != null) {
                MDC.put(MDC_KEY, id);
            }
            try {
                task.run();
            } finally {
                if (before != null) {
                    MDC.put(MDC_KEY, before);
                } else {
                    MDC.remove(MDC_KEY);
                }
            }
        };
    }
}
