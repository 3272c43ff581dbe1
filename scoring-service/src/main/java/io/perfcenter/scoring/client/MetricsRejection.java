package io.perfcenter.scoring.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.scoring.web.ProblemTypes;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;


/**
 * metrics-service refused a request with a 4xx answer: the request was wrong (unknown unit, metric, a scope it does
 * not allow), so retrying cannot help and the dependency is not unhealthy. Relayed to our caller as a problem with
 * the same status unless the caller of the client maps it to a field of its own request.
 */
public final class MetricsRejection extends HttpProblem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String remoteField;
    private final String remoteDetail;

    private MetricsRejection(int status, String remoteField, String remoteDetail) {
        super(HttpProblem.builder()
                .withType(ProblemTypes.type("dependency-rejected"))
                .withTitle("Rejected by " + MetricsClient.SERVICE)
                .withStatus(status)
                .withDetail(MetricsClient.SERVICE + " rejected the request: " + remoteDetail)
                .with("service", MetricsClient.SERVICE));
        this.status = status;
        this.remoteField = remoteField;
        this.remoteDetail = remoteDetail;
    }

    static MetricsRejection of(Response response) {
        String field = null;
        String detail = "HTTP " + response.getStatus();
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body != null && !body.isBlank()) {
                JsonNode problem = JSON.readTree(body);
                field = problem.hasNonNull("field") ? problem.get("field").asText() : null;
                detail = problem.hasNonNull("detail") ? problem.get("detail").asText() : detail;
            }
        } catch (Exception unreadable) {
            // not a problem body: the status says enough
        }
        return new MetricsRejection(response.getStatus(), field, detail);
    }

    public int status() {
        return status;
    }

    /** The field metrics-service named (its query parameter, e.g. "unit" or "metric"), or null. */
    public String remoteField() {
        return remoteField;
    }

    public String remoteDetail() {
        return remoteDetail;
    }
}
