package io.perfcenter.metrics.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content negotiation as generated clients expect it: a client that lists {@code application/problem+json} in
 * {@code Accept} (to read errors) gets the JSON answers of successful calls too. Without this, such a request was
 * refused with 406, or a create answered 201 with the problem media type. Each {@code application/problem+json}
 * range is read as {@code application/json} (same quality); the client's other preferences (e.g. {@code text/csv})
 * keep their order. An operation returning a {@code Response} negotiates from the Accept header as it arrived, so a
 * successful answer still typed as a problem is re-typed as {@code application/json}. Errors stay problem bodies whatever the {@code Accept}: the problem mappers set their media
 * type themselves. The same class is in every service.
 */
public class AcceptFilter {

    static final String PROBLEM_JSON = "application/problem+json";

    @ServerRequestFilter(preMatching = true)
    public void acceptJsonWithProblems(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        String rewritten = withJson(accept);
        if (rewritten != null && !rewritten.equals(accept)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, rewritten);
        }
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
