package io.perfcenter.metrics.web;

import io.perfcenter.metrics.ingest.IngestReport;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/** The RFC 7807 problems this service answers with; each kind has a stable type URI ({@link ProblemTypes}). */
public final class Problems {

    private Problems() {
    }

    public static HttpProblem notFound(String what, String key) {
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

    public static HttpProblem conflict(String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("conflict"))
                .withTitle("Conflict")
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

    /** An all-or-nothing upload with bad rows: nothing was stored; the body lists the rows as a report would. */
    public static HttpProblem uploadRejected(IngestReport report) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("upload-rejected"))
                .withTitle("Upload rejected")
                .withStatus(422)
                .withDetail(report.rejected() + " row(s) are invalid; nothing was stored (atomic upload)")
                .with("rejected", report.rejected())
                .with("errors", report.errors())
                .with("errorsTruncated", report.errorsTruncated())
                .build();
    }

    /** A body that cannot be read as its content type at all. */
    public static HttpProblem malformedBody(String reason) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("malformed-body"))
                .withTitle("Malformed body")
                .withStatus(Response.Status.BAD_REQUEST)
                .withDetail(reason + "; nothing was stored")
                .with("field", "body")
                .build();
    }

    public static HttpProblem forbidden(String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("forbidden"))
                .withTitle("Forbidden")
                .withStatus(Response.Status.FORBIDDEN)
                .withDetail(detail)
                .build();
    }
}
