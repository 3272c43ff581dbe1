package io.perfcenter.incentive.web;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** The RFC 7807 problems this service answers with; each kind has a stable type URI ({@link ProblemTypes}). */
public final class Problems {

    private Problems() {
    }

    public static HttpProblem notFound(String what, Object key) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("not-found"))
                .withTitle("Not found")
                .withStatus(Response.Status.NOT_FOUND)
                .withDetail(what + " " + key + " does not exist")
                .build();
    }

    public static HttpProblem invalid(String field, String reason) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("invalid-field"))
                .withTitle("Invalid field")
                .withStatus(Response.Status.BAD_REQUEST)
                .withDetail(field + ": " + reason)
                .with("field", field)
                .with("reason", reason)
                .build();
    }

    /** An If-Match that names a version other than the current one: someone changed the entry meanwhile. */
    public static HttpProblem preconditionFailed(String detail, String currentTag) {
        HttpProblem.Builder problem = HttpProblem.builder()
                .withType(ProblemTypes.type("precondition-failed"))
                .withTitle("Precondition failed")
                .withStatus(Response.Status.PRECONDITION_FAILED)
                .withDetail(detail);
        if (currentTag != null) {
            problem.withHeader("ETag", currentTag).with("currentETag", currentTag);
        }
        return problem.build();
    }

    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("conflict"))
                .withTitle("Conflict")
                .withStatus(Response.Status.CONFLICT)
                .withDetail(detail)
                .build();
    }

    /** An approved run is final: it cannot be approved again or recomputed. */
    public static HttpProblem runLocked(String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("run-locked"))
                .withTitle("Run is locked")
                .withStatus(Response.Status.CONFLICT)
                .withDetail(detail)
                .build();
    }

    /** Payroll exports are made of approved runs only. */
    public static HttpProblem runNotApproved(String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("run-not-approved"))
                .withTitle("Run is not approved")
                .withStatus(Response.Status.CONFLICT)
                .withDetail(detail)
                .build();
    }

    /** Payouts are computed from published scorecards only. */
    public static HttpProblem scoresNotPublished(String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("scores-not-published"))
                .withTitle("Scores not published")
                .withStatus(Response.Status.CONFLICT)
                .withDetail(detail)
                .build();
    }

    public static HttpProblem outOfScope(String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("out-of-scope"))
                .withTitle("Forbidden")
                .withStatus(Response.Status.FORBIDDEN)
                .withDetail(detail)
                .build();
    }

    /** A service this one needs did not answer, answered with a server error, or is cut off by its breaker. */
    public static HttpProblem dependencyUnavailable(String service, String reason) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("dependency-unavailable"))
                .withTitle("Dependency unavailable")
                .withStatus(Response.Status.SERVICE_UNAVAILABLE)
                .withDetail(service + " is unavailable (" + reason + "); nothing was changed, try again later")
                .with("service", service)
                .build();
    }

    /** A service this one depends on refused the request (4xx): retrying will not help. */
    public static HttpProblem dependencyRejected(String service, int status) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("dependency-rejected"))
                .withTitle("Dependency rejected the request")
                .withStatus(Response.Status.BAD_GATEWAY)
                .withDetail(service + " answered HTTP " + status + "; nothing was changed")
                .with("service", service)
                .with("dependencyStatus", status)
                .build();
    }
}
