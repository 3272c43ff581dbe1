package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/metrics/values")
@Tag(name = "metrics: ingestion", description = "Idempotent bulk upload of activity and metric values")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow writing")
public class IngestResource {

    private final ValueIngestion ingestion;

    IngestResource(ValueIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @RolesAllowed({Roles.INTEGRATION, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "ingestMetricValues", summary = "Push daily metric values (JSON array)",
            description = "Each row is stored, recognised as already stored (duplicate), or rejected with its row "
                    + "number, field and reason. Bad rows never block good ones. Re-sending is safe.")
    @APIResponse(responseCode = "200", description = "The upload's report")
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of records")
    public IngestReport ingest(@NotNull @Size(max = 100_000) List<ValueRecord> records) {
        return ingestion.ingest(records);
    }
}
