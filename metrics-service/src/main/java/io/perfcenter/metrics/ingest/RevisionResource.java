package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.ingest.RecordPayloads.ReplacedRevision;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

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
    @APIResponse(responseCode = "200", description = "Replaced versions, newest first (id breaks ties)", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Neither sourceSystem nor employeeId given, or limit or "
            + "offset out of range (problem names it)")
    public RestResponse<List<ReplacedRevision>> revisions(
            @Parameter(example = "acd") @QueryParam("sourceSystem") String sourceSystem,
            @Parameter(example = "call-778812") @QueryParam("externalId") String externalId,
            @Parameter(example = "E2001") @QueryParam("employeeId") String employeeId,
            @BeanParam Page page) {
        if (sourceSystem == null && employeeId == null) {
            throw Problems.invalid("sourceSystem", "name a sourceSystem or an employeeId");
        }
        if (externalId != null && sourceSystem == null) {
            throw Problems.invalid("sourceSystem", "is required with externalId");
        }
        return page.of(revisions.list(sourceSystem, externalId, employeeId, page.limit(), page.offset()),
                revisions.count(sourceSystem, externalId, employeeId));
    }

}
