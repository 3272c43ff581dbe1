package io.perfcenter.scoring.appeal;

import io.perfcenter.scoring.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.jboss.resteasy.reactive.RestResponse;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.scoring.appeal.AppealPayloads.AppealInput;
import io.perfcenter.scoring.appeal.AppealPayloads.AppealView;
import io.perfcenter.scoring.appeal.AppealPayloads.DecisionInput;
import io.perfcenter.scoring.appeal.AppealPayloads.EscalationInput;
import io.perfcenter.scoring.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/v1/scoring/appeals")
@Tag(name = "scoring: appeals", description = "Appeals (申诉) against items of published scorecards, re-examined by "
        + "an appeals reviewer who does not lead the agent's unit, with escalation to hr")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class AppealResource {

    private final AppealService appeals;

    AppealResource(AppealService appeals) {
        this.appeals = appeals;
    }

    @POST
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    @Operation(operationId = "fileAppeal", summary = "Appeal an item of one's own published scorecard",
            description = "Against the score itself (SCORE) or a data point behind it (DATA_POINT: a complaint or "
                    + "repeat contact wrongly attributed, a mis-sampled recording). One open appeal per item. A DATA_POINT "
                    + "appeal may name the QA evaluation it disputes (record {kind: qa-evaluations, id} or its "
                    + "sourceSystem and externalId): it is checked with metrics-service as the caller, and the "
                    + "evaluation then shows the appeal and, later, its outcome.")
    @APIResponse(responseCode = "201", description = "Filed, OPEN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it, e.g. record.id)")
    @APIResponse(responseCode = "409", description = "Not published, locked, the item has an open appeal, or "
            + "metrics-service refused the dispute of the named evaluation (another appeal disputes it)")
    @APIResponse(responseCode = "503", description = "metrics-service unavailable while checking or reporting the "
            + "named evaluation (nothing filed)")
    public Response file(@NotNull AppealInput input) {
        Appeal appeal = appeals.file(input);
        return Response.created(URI.create("/api/v1/scoring/appeals/" + appeal.id))
                .entity(AppealView.of(appeal, false)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.APPEALS, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listAppeals", summary = "Appeals the caller sees, and whether they may decide each",
            description = "Agents see their own, supervisors and managers those of the units they lead (they never "
                    + "decide them), appeals reviewers, hr and admin all.")
    @APIResponse(responseCode = "200", description = "Appeals, oldest first (by id)", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or offset (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public RestResponse<List<AppealView>> list(
            @Parameter(description = "OPEN, ACCEPTED or REJECTED") @QueryParam("status") String status,
            @Parameter(example = "501") @QueryParam("scorecardId") Long scorecardId,
            @BeanParam Page page) {
        return page.of(appeals.list(status == null ? null : AppealService.status(status), scorecardId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.APPEALS, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getAppeal", summary = "An appeal and its outcome")
    @APIResponse(responseCode = "200", description = "The appeal")
    @APIResponse(responseCode = "404", description = "No such appeal, or not one the caller sees")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public AppealView get(@PathParam("id") long id) {
        return appeals.get(id);
    }

    @POST
    @Path("/{id}/escalation")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.APPEALS})
    @Operation(operationId = "escalateAppeal", summary = "Escalate an appeal to hr",
            description = "The reviewer who may decide an open appeal hands it to hr; the agent escalates their "
                    + "appeal a reviewer rejected, which opens it again. From then on only hr or admin decide it.")
    @APIResponse(responseCode = "200", description = "Escalated")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such appeal, or not one the caller sees")
    @APIResponse(responseCode = "409", description = "Escalated already, decided (reviewer), not rejected (agent), "
            + "or the run is no longer PUBLISHED")
    @APIResponse(responseCode = "503", description = "metrics-service unavailable (nothing changed)")
    public AppealView escalate(@PathParam("id") long id, @NotNull EscalationInput input) {
        return appeals.view(appeals.escalate(id, input));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.APPEALS, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "decideAppeal", summary = "Accept or reject an appeal",
            description = "By hr, admin, or an appeals reviewer who does not lead the agent's unit (not once the "
                    + "appeal is escalated to hr). Accepting takes an adjustment of the item's points, within what "
                    + "the item can be worth, or a data correction (the day's figure, stored in metrics-service "
                    + "under the appeal's key by scoring-service's own identity); either recomputes the scorecard's "
                    + "total and grade and the run's ranks.")
    @APIResponse(responseCode = "200", description = "Decided; with the points, total, grade and rank before and after")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it), or metrics-service refused "
            + "the correction")
    @APIResponse(responseCode = "404", description = "No such appeal, or not one the caller sees")
    @APIResponse(responseCode = "422", description = "The adjustment is outside what the item can be worth, or "
            + "would lift the total above the template's maximum (problem names the field)")
    @APIResponse(responseCode = "409", description = "Decided already, or the run is no longer PUBLISHED (locked)")
    @APIResponse(responseCode = "503", description = "metrics-service unavailable (nothing changed)")
    public AppealView decide(@PathParam("id") long id, @NotNull DecisionInput input) {
        return AppealView.of(appeals.decide(id, input), false);
    }
}
