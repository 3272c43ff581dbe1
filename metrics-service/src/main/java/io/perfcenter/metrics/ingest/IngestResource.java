package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.config.LimitsConfig;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
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
    private final UploadGate gate;
    private final Caller caller;
    private final LimitsConfig limits;

    IngestResource(ValueIngestion ingestion, UploadGate gate, Caller caller, LimitsConfig limits) {
        this.ingestion = ingestion;
        this.gate = gate;
        this.caller = caller;
        this.limits = limits;
    }

    @POST
    @RolesAllowed({Roles.RECORDS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "ingestMetricValues", summary = "Push daily metric values (JSON array)",
            description = "Each row is stored, recognised as already stored (duplicate), or rejected with its row "
                    + "number, field and reason. Bad rows never block good ones unless atomic=true. Re-sending is "
                    + "safe. At most 100,000 rows and 16 MB (configurable); for NDJSON or CSV, or more rows, use "
                    + "POST /api/v1/metrics/records/values.")
    @APIResponse(responseCode = "200", description = "The upload's report")
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of records")
    @APIResponse(responseCode = "413", description = "More rows or bytes than this endpoint takes; nothing was stored")
    @APIResponse(responseCode = "422", description = "atomic=true and some rows are invalid; nothing was stored")
    @APIResponse(responseCode = "429", description = "The caller already runs as many uploads as allowed; see "
            + "Retry-After")
    public IngestReport ingest(@NotNull List<ValueRecord> records,
                               @Parameter(description = "All or nothing: any bad row rejects the upload with 422")
                               @QueryParam("atomic") @DefaultValue("false") boolean atomic,
                               @Parameter(description = "Check and count only; store nothing")
                               @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        if (records.size() > limits.valuesRows()) {
            throw Problems.tooManyRows(limits.valuesRows(), "POST /api/v1/metrics/records/values");
        }
        return gate.read(caller.subject(), () -> ingestion.ingest(records, new IngestOptions(atomic, dryRun, null)));
    }
}
