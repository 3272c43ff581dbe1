package io.perfcenter.metrics.qa;

import io.perfcenter.metrics.qa.CalibrationPayloads.AnswersInput;
import io.perfcenter.metrics.qa.CalibrationPayloads.SessionInput;
import io.perfcenter.metrics.qa.CalibrationPayloads.SessionView;
import io.perfcenter.metrics.qa.CalibrationPayloads.Status;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * QA calibration sessions (校准会): QA specialists score the same interaction with the same form and see how far
 * apart they are. QA, hr and admin only: calibration is about the evaluators, and agents and their leaders never see
 * it (403).
 */
@Path("/api/v1/metrics/qa/calibrations")
@Tag(name = "metrics: quality")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class CalibrationResource {

    private static final String SESSION = "The session with its answers, spread and reference";

    private final CalibrationService calibrations;

    CalibrationResource(CalibrationService calibrations) {
        this.calibrations = calibrations;
    }

    @POST
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createQaCalibration", summary = "Open a calibration session on one interaction",
            description = "The agent's ingested call (contactExternalId), the QA form version every evaluator uses "
                    + "and the evaluators taking part (2-20). The caller owns the session: only they record the "
                    + "reference and close it.")
    @APIResponse(responseCode = "201", description = SESSION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing is stored")
    public Response create(@NotNull SessionInput input) {
        SessionView view = calibrations.view(calibrations.create(input));
        return Response.created(URI.create("/api/v1/metrics/qa/calibrations/" + view.id())).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listQaCalibrations", summary = "Calibration sessions, newest first")
    @APIResponse(responseCode = "200", description = "The sessions", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem names it)")
    public RestResponse<List<SessionView>> list(
            @Parameter(description = "Only sessions on this agent's interactions", example = "E2001")
            @QueryParam("employeeId") String employeeId,
            @Parameter(description = "OPEN or CLOSED", example = "OPEN",
                    schema = @Schema(enumeration = {"OPEN", "CLOSED"})) @QueryParam("status") String status,
            @BeanParam Page page) {
        Status wanted = null;
        if (status != null) {
            try {
                wanted = Status.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.invalid("status", "must be OPEN or CLOSED");
            }
        }
        List<Long> ids = calibrations.ids(employeeId, wanted);
        int from = Math.min(page.offset(), ids.size());
        List<Long> shown = ids.subList(from, (int) Math.min((long) from + page.limit(), ids.size()));
        return page.of(shown.stream().map(calibrations::view).toList(), ids.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getQaCalibration", summary = "A calibration session: answers, spread per item and per "
            + "evaluator, reference")
    @APIResponse(responseCode = "200", description = SESSION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    public SessionView get(@Parameter(description = "The session's id", example = "12") @PathParam("id") long id) {
        return calibrations.view(id);
    }

    @PUT
    @Path("/{id}/answers")
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "submitQaCalibrationAnswers", summary = "Submit (or replace) your own answers",
            description = "Only an evaluator named in the session, for themself (the token's employee id). The items "
                    + "are checked and scored by the session's form version exactly as an uploaded evaluation's: "
                    + "every item answered, values in range, n/a only where allowed; a problem names items.<code>.")
    @APIResponse(responseCode = "200", description = SESSION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "An item the form does not accept (problem names it); nothing "
            + "is stored")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The session is closed")
    public SessionView answer(@Parameter(description = "The session's id", example = "12") @PathParam("id") long id,
                              @NotNull AnswersInput input) {
        calibrations.answer(id, input.items());
        return calibrations.view(id);
    }

    @PUT
    @Path("/{id}/reference")
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "recordQaCalibrationReference", summary = "Record the calibrated reference answers",
            description = "The session's owner only. Scored by the session's form version; every evaluator's "
                    + "deviation from it and the items they answered otherwise are then reported. Replaces an "
                    + "earlier reference while the session is open.")
    @APIResponse(responseCode = "200", description = SESSION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "An item the form does not accept (problem names it); nothing "
            + "is stored")
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The session is closed")
    public SessionView reference(@Parameter(description = "The session's id", example = "12") @PathParam("id") long id,
                                 @NotNull AnswersInput input) {
        calibrations.reference(id, input.items());
        return calibrations.view(id);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "closeQaCalibration", summary = "Close the session: answers and reference are frozen",
            description = "The session's owner only.")
    @APIResponse(responseCode = "200", description = SESSION,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "404", description = "No such session")
    @APIResponse(responseCode = "409", description = "The session is closed already")
    public SessionView close(@Parameter(description = "The session's id", example = "12") @PathParam("id") long id) {
        calibrations.close(id);
        return calibrations.view(id);
    }
}
