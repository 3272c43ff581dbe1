package io.perfcenter.scoring.coaching;

import io.perfcenter.scoring.coaching.CoachingPayloads.AcknowledgementInput;
import io.perfcenter.scoring.coaching.CoachingPayloads.NotesInput;
import io.perfcenter.scoring.coaching.CoachingPayloads.OpenInput;
import io.perfcenter.scoring.coaching.CoachingPayloads.SessionView;
import io.perfcenter.scoring.security.Roles;
import io.perfcenter.scoring.web.Page;
import io.perfcenter.scoring.web.Problems;
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

@Path("/api/v1/scoring/coaching-sessions")
@Tag(name = "scoring: coaching", description = "Coaching sessions (辅导, 绩效面谈) on published scorecards: an agenda "
        + "from the weakest items, notes, agreed actions, both parties' acknowledgement")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class CoachingResource {

    private final CoachingService coaching;

    CoachingResource(CoachingService coaching) {
        this.coaching = coaching;
    }

    @POST
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "openCoachingSession", summary = "Open a coaching session on a published scorecard",
            description = "By a supervisor or manager of the scorecard's unit, hr or admin; never on one's own "
                    + "scorecard. The agenda proposes the scorecard's weakest items (points ÷ the rule's maximum "
                    + "points, lowest first; ties: the heavier item first), agendaSize of them (default 3), each with "
                    + "the item's explanation; agendaBasis says how many and why, and which items were left out "
                    + "(both in the language of Accept-Language). One session in progress per scorecard.")
    @APIResponse(responseCode = "201", description = "Opened, OPEN", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); a scorecard the caller does "
            + "not see answers as an unknown one")
    @APIResponse(responseCode = "409", description = "The scorecard is not published, or has a session in progress")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public Response open(@NotNull OpenInput input) {
        CoachingSession session = coaching.open(input);
        return Response.created(URI.create("/api/v1/scoring/coaching-sessions/" + session.id))
                .entity(SessionView.of(session)).build();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listCoachingSessions", summary = "Coaching sessions the caller sees",
            description = "Agents their own, supervisors and managers those of the units they lead and those they "
                    + "coach, hr and admin all.")
    @APIResponse(responseCode = "200", description = "Sessions, oldest first (by id)", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or offset (problem names it)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public RestResponse<List<SessionView>> list(
            @Parameter(example = "E3001") @QueryParam("employeeId") String employeeId,
            @Parameter(example = "501") @QueryParam("scorecardId") Long scorecardId,
            @Parameter(description = "OPEN or CLOSED", schema = @Schema(enumeration = {"OPEN", "CLOSED"}))
            @QueryParam("status") String status,
            @BeanParam Page page) {
        return page.of(coaching.list(employeeId, scorecardId, status(status)).stream().map(SessionView::of)
                .toList());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getCoachingSession", summary = "A coaching session: agenda, notes, actions, "
            + "acknowledgements")
    @APIResponse(responseCode = "200", description = "The session")
    @APIResponse(responseCode = "404", description = "No such session, or not one the caller sees")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public SessionView get(@PathParam("id") long id) {
        return SessionView.of(coaching.get(id));
    }

    @PUT
    @Path("/{id}/notes")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "recordCoachingNotes", summary = "The coach's notes and agreed actions",
            description = "By the coach (who opened the session), while it is OPEN. Replaces earlier notes and "
                    + "clears acknowledgements given so far: both parties acknowledge what is written.")
    @APIResponse(responseCode = "200", description = "Stored")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it, e.g. actions[0].dueDate)")
    @APIResponse(responseCode = "404", description = "No such session, or not one the caller sees")
    @APIResponse(responseCode = "409", description = "The session is closed (read-only)")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public SessionView notes(@PathParam("id") long id, @NotNull NotesInput input) {
        return SessionView.of(coaching.recordNotes(id, input));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "acknowledgeCoachingSession", summary = "Acknowledge a coaching session's notes",
            description = "The agent acknowledges their own session, the coach theirs (an optional comment); once "
                    + "both did, the session is CLOSED and read-only. Acknowledging again changes nothing.")
    @APIResponse(responseCode = "200", description = "Acknowledged (CLOSED once both parties did)")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such session, or not one the caller sees")
    @APIResponse(responseCode = "409", description = "No notes yet, or the session is closed")
    @APIResponse(responseCode = "503", description = "metrics-service could not say which units the caller leads")
    public SessionView acknowledge(@PathParam("id") long id, AcknowledgementInput input) {
        return SessionView.of(coaching.acknowledge(id, input));
    }

    private static CoachingSession.Status status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return CoachingSession.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "must be one of OPEN, CLOSED");
        }
    }
}
