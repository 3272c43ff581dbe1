package io.perfcenter.gateway.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The problems the gateway itself answers with; each kind has a stable type URI, the same vocabulary as the
 * services' ({@code ProblemTypes} there): a 400 naming a field is {@code invalid-field}, a 401 {@code unauthorized}.
 */
public final class Problems {

    private static final String BASE = "https://perfcenter.io/problems/";

    private Problems() {
    }

    /** No bearer token: the caller should authenticate. */
    public static Problem missingToken() {
        return new Problem(URI.create(BASE + "unauthorized"), "Unauthorized", 401,
                "A bearer token is required", Map.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    /** A bearer token that does not verify: bad signature, wrong issuer, expired, or not a token at all. */
    public static Problem invalidToken() {
        return new Problem(URI.create(BASE + "unauthorized"), "Unauthorized", 401,
                "The bearer token is invalid or has expired", Map.of(),
                Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
    }

    /** A request the gateway cannot answer as sent; {@code field} names the query parameter or token claim at fault. */
    public static Problem badRequest(String field, String detail) {
        return new Problem(URI.create(BASE + "invalid-field"), "Invalid field", 400, detail, Map.of("field", field),
                Map.of());
    }

    public static Problem noRoute(String path) {
        return new Problem(URI.create(BASE + "not-found"), "Not found", 404,
                "No service answers " + path, Map.of(), Map.of());
    }

    public static Problem serviceUnavailable(String service) {
        return new Problem(URI.create(BASE + "service-unavailable"), "Service unavailable", 503,
                service + " is not reachable; try again later", Map.of("service", service), Map.of());
    }

    public static Problem gatewayTimeout(String service, Duration timeout) {
        return new Problem(URI.create(BASE + "gateway-timeout"), "Gateway timeout", 504,
                service + " did not answer within " + format(timeout), Map.of("service", service), Map.of());
    }

    public static Problem badGateway(String service) {
        return new Problem(URI.create(BASE + "bad-gateway"), "Bad gateway", 502,
                service + " broke off the exchange", Map.of("service", service), Map.of());
    }

    private static String format(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
