package io.perfcenter.scoring.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content negotiation as generated clients expect it: a client that lists {@code application/problem+json} in
 * {@code Accept} (to read errors) also gets the JSON answers of successful calls. Without this, such a request was
 * refused with 406 or answered with the entity's {@code toString()}. {@code application/json} is inserted just
 * before the problem type with its quality, and the problem type is slightly demoted (q × 0.9) so that JSON wins
 * for successful answers; the client's other preferences (e.g. {@code text/csv}) keep their order. Errors are
 * problem bodies whatever the {@code Accept} (the problem mappers set their media type).
 * The same class is in every service.
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

    /** The Accept value with {@code application/json} before each {@code application/problem+json} it lacks. */
    static String withJson(String accept) {
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains(PROBLEM_JSON)) {
            return accept;
        }
        List<String> ranges = new ArrayList<>();
        boolean hasJson = false;
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            hasJson |= type.equals("application/json");
        }
        if (hasJson) {
            return accept;
        }
        for (String range : accept.split(",")) {
            String trimmed = range.trim();
            String[] parts = trimmed.split(";", 2);
            if (!parts[0].trim().equalsIgnoreCase(PROBLEM_JSON)) {
                ranges.add(trimmed);
                continue;
            }
            double quality = 1.0;
            StringBuilder otherParameters = new StringBuilder();
            if (parts.length > 1) {
                for (String parameter : parts[1].split(";")) {
                    String[] kv = parameter.trim().split("=", 2);
                    if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
                        try {
                            quality = Double.parseDouble(kv[1].trim());
                        } catch (NumberFormatException e) {
                            quality = 1.0;
                        }
                    } else if (!parameter.isBlank()) {
                        otherParameters.append(';').append(parameter.trim());
                    }
                }
            }
            ranges.add("application/json;q=" + format(quality));
            ranges.add(PROBLEM_JSON + otherParameters + ";q=" + format(quality * 0.9));
        }
        return String.join(", ", ranges);
    }

    private static String format(double quality) {
        return String.format(Locale.ROOT, "%.3f", Math.max(0.001, Math.min(1.0, quality)));
    }
}
