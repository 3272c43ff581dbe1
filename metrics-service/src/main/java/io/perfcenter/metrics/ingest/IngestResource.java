package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
                    + "number, field and reason. Bad rows never block good ones unless atomic=true. Re-sending is "
                    + "safe. For NDJSON or CSV, or more than 100,000 rows, use POST /api/v1/metrics/records/values.")
    @APIResponse(responseCode = "200", description = "The upload's report")
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of records")
    @APIResponse(responseCode = "422", description = "atomic=true and some rows are invalid; nothing was stored")
    public IngestReport ingest(@NotNull @Size(max = 100_000) List<ValueRecord> records,
                               @Parameter(description = "All or nothing: any bad row rejects the upload with 422")
                               @QueryParam("atomic") boolean atomic,
                               @Parameter(description = "Check and count only; store nothing")
                               @QueryParam("dryRun") boolean dryRun) {
        return ingestion.ingest(records, new IngestOptions(atomic, dryRun, null));
    }
}
