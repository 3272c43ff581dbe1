package io.perfcenter.metrics.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content negotiation as generated clients expect it: a client that lists {@code application/problem+json} in
 * {@code Accept} (to read errors) gets the JSON answers of successful calls too. Without this, such a request was
 * refused with 406, or a create answered 201 with the problem media type. Each {@code application/problem+json}
 * range is read as {@code application/json} (same quality); the client's other preferences (e.g. {@code text/csv})
 * keep their order. The header is rewritten on the HTTP request itself, before Quarkus REST reads it (a JAX-RS
 * request filter is too late for operations returning a {@code Response}, which negotiate from the original
 * header). Errors stay problem bodies whatever the {@code Accept}: the problem mappers set their media type
 * themselves. The same class is in every service.
 */
@ApplicationScoped
public class AcceptFilter {

    static final String PROBLEM_JSON = "application/problem+json";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
            String rewritten = withJson(accept);
            if (rewritten != null && !rewritten.equals(accept)) {
                ctx.request().headers().set(HttpHeaders.ACCEPT, rewritten);
            }
            ctx.next();
        });
    }

    @ServerResponseFilter
    public void successIsNoProblem(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (response.getStatus() < 400 && response.hasEntity() && type != null
                && PROBLEM_JSON.equalsIgnoreCase(type.getType() + "/" + type.getSubtype())) {
            response.setEntity(response.getEntity(), response.getEntityAnnotations(),
                    MediaType.APPLICATION_JSON_TYPE);
        }
    }

    /** The Accept value with each {@code application/problem+json} range read as {@code application/json}. */
    static String withJson(String accept) {
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains(PROBLEM_JSON)) {
            return accept;
        }
        boolean hasJson = false;
        for (String range : accept.split(",")) {
            hasJson |= range.split(";", 2)[0].trim().equalsIgnoreCase("application/json");
        }
        List<String> ranges = new ArrayList<>();
        for (String range : accept.split(",")) {
            String trimmed = range.trim();
            String[] parts = trimmed.split(";", 2);
            if (!parts[0].trim().equalsIgnoreCase(PROBLEM_JSON)) {
                ranges.add(trimmed);
            } else if (!hasJson) {
                ranges.add("application/json" + (parts.length > 1 ? ";" + parts[1] : ""));
                hasJson = true;
            }
        }
        return ranges.isEmpty() ? "application/json" : String.join(", ", ranges);
    }
}
