package io.perfcenter.metrics.org;

import io.perfcenter.metrics.org.MentoringPayloads.EndInput;
import io.perfcenter.metrics.org.MentoringPayloads.MenteesView;
import io.perfcenter.metrics.org.MentoringPayloads.MentorshipInput;
import io.perfcenter.metrics.org.MentoringPayloads.MentorshipView;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Mentoring (新人帮扶): HR assigns mentors to new hires and ends the mentorships; the mentee's result is computed from
 * their figures. A mentor reads their mentees, as do the leaders of the mentor's unit, hr and admin.
 */
@Path("/api/v1/metrics/org")
@Tag(name = "metrics: org")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class MentoringResource {

    private final MentoringService mentoring;
    private final OrgService org;
    private final OrgScope scope;
    private final Clock clock;

    MentoringResource(MentoringService mentoring, OrgService org, OrgScope scope, Clock clock) {
        this.mentoring = mentoring;
        this.org = org;
        this.scope = scope;
        this.clock = clock;
    }

    @POST
    @Path("/mentorships")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "createMentorship", summary = "Assign a mentor to a mentee for a window",
            description = "The mentor (a promotion candidate) and the mentee (a new hire) are agents of the "
                    + "directory; the criterion is a catalog metric at least and/or at most a value over the window "
                    + "(e.g. qa_score at least 85). One running mentorship per mentee at a time (overlapping: 409).")
    @APIResponse(responseCode = "201", description = "The mentorship, running",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MentorshipView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it); nothing is stored")
    @APIResponse(responseCode = "409", description = "The mentee has a running mentorship overlapping the window")
    public Response create(@NotNull MentorshipInput input) {
        MentorshipView view = mentoring.view(mentoring.create(input));
        return Response.created(URI.create("/api/v1/metrics/org/mentorships/" + view.id())).entity(view).build();
    }

    @POST
    @Path("/mentorships/{id}/end")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "endMentorship", summary = "End a mentorship: the mentee is judged on their figures",
            description = "The criterion's metric is computed for the mentee over [from, endedOn] by the aggregates "
                    + "(the same figure GET /aggregates gives) and the verdict stored with its reason; from then on "
                    + "it counts in the mentor's mentoring_pass_rate on endedOn (passed / finished). Withdrawn: no "
                    + "verdict, not counted.")
    @APIResponse(responseCode = "200", description = "The mentorship with its verdict",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MentorshipView.class)))
    @APIResponse(responseCode = "400", description = "endedOn outside the window or after today, a withdrawal "
            + "without a note, no body (send {} to end on the last day of the window); the problem names the field, "
            + "nothing changes")
    @APIResponse(responseCode = "404", description = "No such mentorship")
    @APIResponse(responseCode = "409", description = "It has ended already")
    public MentorshipView end(@Parameter(description = "The mentorship's id", example = "4") @PathParam("id") long id,
                              @NotNull EndInput input) {
        mentoring.end(id, input);
        return mentoring.view(id);
    }

    @GET
    @Path("/mentorships")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listMentorships", summary = "Mentorships, newest first, with their results")
    @APIResponse(responseCode = "200", description = "The mentorships", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter (problem names it)")
    public RestResponse<List<MentorshipView>> list(
            @Parameter(description = "Only this mentor's", example = "E1001") @QueryParam("mentorId") String mentorId,
            @Parameter(description = "Only this mentee's", example = "E3007") @QueryParam("menteeId") String menteeId,
            @BeanParam Page page) {
        return page.of(mentoring.list(mentorId, menteeId));
    }

    @GET
    @Path("/agents/{employeeId}/mentees")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listMentees", summary = "A mentor's mentees, each with their result and its reason",
            description = "Ended mentorships with their stored verdict; running ones (and due ones, whose window is "
                    + "over but which nobody ended yet) with the criterion so far. The mentor reads their own; a "
                    + "supervisor or manager those of a mentor in a unit they lead; hr and admin all.")
    @APIResponse(responseCode = "200", description = "The mentees",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MenteesView.class)))
    @APIResponse(responseCode = "404", description = "No such agent, or one outside the caller's scope (the same "
            + "answer)")
    public MenteesView mentees(@Parameter(description = "The mentor", example = "E1001")
                               @PathParam("employeeId") String employeeId) {
        org.agent(employeeId);
        scope.checkAgent(employeeId, LocalDate.now(clock));
        return mentoring.mentees(employeeId);
    }
}
