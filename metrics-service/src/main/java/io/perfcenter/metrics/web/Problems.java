package io.perfcenter.metrics.web;

import io.perfcenter.metrics.ingest.IngestReport;
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

    /** A body larger than its endpoint allows ({@code limit} bytes); nothing was stored. */
    public static HttpProblem bodyTooLarge(long limit) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("body-too-large"))
                .withTitle("Body too large")
                .withStatus(413)
                .withDetail("the body is larger than the " + limit + " bytes this endpoint accepts; nothing was "
                        + "stored")
                .with("field", "body")
                .with("limit", limit)
                .build();
    }

    /** A JSON request with more rows than its endpoint takes in one piece. */
    public static HttpProblem tooManyRows(int limit, String instead) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("body-too-large"))
                .withTitle("Body too large")
                .withStatus(413)
                .withDetail("more than " + limit + " rows; nothing was stored. Send them to " + instead)
                .with("field", "body")
                .with("limit", limit)
                .build();
    }

    /** An upload that stopped sending; it was cut and nothing of it stored. */
    public static HttpProblem uploadIdle(java.time.Duration idle) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("upload-idle"))
                .withTitle("Upload idle")
                .withStatus(408)
                .withDetail("no bytes of the body arrived for " + idle.toSeconds() + " s; the upload was cut and "
                        + "nothing was stored")
                .with("field", "body")
                .build();
    }

    /** The caller already runs as many uploads as one caller may. */
    public static HttpProblem tooManyUploads(int limit, java.time.Duration retryAfter) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("too-many-uploads"))
                .withTitle("Too many uploads")
                .withStatus(429)
                .withHeader("Retry-After", retryAfter.toSeconds())
                .withDetail("this caller already runs " + limit + " uploads; send this one when one of them ended")
                .with("limit", limit)
                .build();
    }

    /** Every store slot stayed taken while the received upload waited; nothing was stored. */
    public static HttpProblem uploadsBusy(java.time.Duration retryAfter) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("uploads-busy"))
                .withTitle("Uploads busy")
                .withStatus(503)
                .withHeader("Retry-After", retryAfter.toSeconds())
                .withDetail("too many uploads are being stored; nothing was stored, send it again later")
                .build();
    }
}
