package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.ingest.RecordPayloads.ReplacedRevision;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The audit trail: every version of a record that a newer revision replaced, for HR and admins. */
@Path("/api/v1/metrics/records")
@Tag(name = "metrics: ingestion", description = "Idempotent bulk upload of activity and metric values")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Only hr and admin read the audit trail")
public class RevisionResource {

    private final RevisionTrail revisions;

    RevisionResource(RevisionTrail revisions) {
        this.revisions = revisions;
    }

    @GET
    @Path("/revisions")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listReplacedRevisions",
            summary = "Audit trail: versions of records that newer revisions replaced, newest first",
            description = "Name a sourceSystem (with or without externalId) or an employeeId.")
    @APIResponse(responseCode = "200", description = "Replaced versions")
    @APIResponse(responseCode = "400", description = "Neither sourceSystem nor employeeId given")
    public List<ReplacedRevision> revisions(
            @Parameter(example = "acd") @QueryParam("sourceSystem") String sourceSystem,
            @Parameter(example = "call-778812") @QueryParam("externalId") String externalId,
            @Parameter(example = "E2001") @QueryParam("employeeId") String employeeId,
            @Parameter(description = "At most this many (default 100, max 1000)") @QueryParam("limit") Integer limit) {
        if (sourceSystem == null && employeeId == null) {
            throw Problems.invalid("sourceSystem", "name a sourceSystem or an employeeId");
        }
        if (externalId != null && sourceSystem == null) {
            throw Problems.invalid("sourceSystem", "is required with externalId");
        }
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 1000) {
            throw Problems.invalid("limit", "must be between 1 and 1000");
        }
        return revisions.list(sourceSystem, externalId, employeeId, max);
    }

}
