package io.perfcenter.metrics.correction;

import io.perfcenter.metrics.correction.CorrectionPayloads.CorrectionInput;
import io.perfcenter.metrics.correction.CorrectionPayloads.CorrectionView;
import io.perfcenter.metrics.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/metrics/corrections/{key}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "metrics: data corrections", description = "An agent's figure of a summed metric on a day, as decided on "
        + "an appeal; it overrides the day's records in every aggregate")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Only scoring-service (role corrections-writer) and admin correct data")
public class CorrectionResource {

    private final CorrectionService corrections;

    CorrectionResource(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CORRECTIONS_WRITER, Roles.ADMIN})
    @Operation(operationId = "putDataCorrection", summary = "Store a data correction under its key",
            description = "Idempotent: the same correction again changes nothing; another one under the key replaces "
                    + "it. A service acting for a person names them in X-Acting-For, which is recorded.")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it), e.g. a metric not summed")
    @APIResponse(responseCode = "409", description = "Another correction is in force for the agent, metric and day")
    public CorrectionView put(@Parameter(example = "scoring-appeal-42") @PathParam("key") String key,
                              @NotNull CorrectionInput input,
                              @Parameter(description = "Who the calling service acts for") @HeaderParam("X-Acting-For")
                              String actingFor,
                              @HeaderParam("X-Request-Id") String requestId) {
        return CorrectionView.of(corrections.store(key, input, actingFor, requestId));
    }

    @DELETE
    @RolesAllowed({Roles.CORRECTIONS_WRITER, Roles.ADMIN})
    @Operation(operationId = "withdrawDataCorrection", summary = "Withdraw a data correction",
            description = "Idempotent: withdrawing an absent or withdrawn correction does nothing. The correction is "
                    + "kept, marked withdrawn, and no longer counts.")
    @APIResponse(responseCode = "204", description = "Withdrawn (or there was none)")
    @APIResponse(responseCode = "400", description = "Invalid key")
    public void withdraw(@PathParam("key") String key,
                         @HeaderParam("X-Acting-For") String actingFor) {
        corrections.withdraw(key, actingFor);
    }

    @GET
    @RolesAllowed({Roles.CORRECTIONS_WRITER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getDataCorrection", summary = "A data correction, who made it and for whom")
    @APIResponse(responseCode = "200", description = "The correction")
    @APIResponse(responseCode = "404", description = "No such correction")
    public CorrectionView get(@PathParam("key") String key) {
        return CorrectionView.of(corrections.get(key));
    }
}
