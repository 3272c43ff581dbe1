package io.perfcenter.metrics.org;

import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.perfcenter.metrics.org.OrgPayloads.AgentInput;
import io.perfcenter.metrics.org.OrgPayloads.Assignment;
import io.perfcenter.metrics.org.OrgPayloads.AgentSync;
import io.perfcenter.metrics.org.OrgPayloads.DepartureInput;
import io.perfcenter.metrics.org.OrgPayloads.SyncReport;
import io.perfcenter.metrics.org.OrgPayloads.AgentView;
import io.perfcenter.metrics.org.OrgPayloads.MemberView;
import io.perfcenter.metrics.org.OrgPayloads.MoveInput;
import io.perfcenter.metrics.org.OrgPayloads.UnitInput;
import io.perfcenter.metrics.org.OrgPayloads.UnitView;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

@Path("/api/v1/metrics/org")
@Tag(name = "metrics: org directory", description = "Centers, teams, groups, agents and who belongs where when")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class OrgResource {

    private final OrgService org;
    private final OrgSync sync;
    private final OrgScope scope;
    private final HomeUnits homeUnits;
    private final OrgSearch search;
    private final Clock clock;

    OrgResource(OrgService org, OrgSync sync, OrgScope scope, HomeUnits homeUnits, OrgSearch search, Clock clock) {
        this.search = search;
        this.clock = clock;
        this.org = org;
        this.sync = sync;
        this.scope = scope;
        this.homeUnits = homeUnits;
    }

    @POST
    @Path("/units")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.ORG_SYNC})
    @Operation(operationId = "createOrgUnit", summary = "Create a center, team or group")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response createUnit(@Valid @NotNull UnitInput input) {
        OrgUnit unit = org.createUnit(input);
        return Response.created(URI.create("/api/v1/metrics/org/units/" + unit.code)).entity(UnitView.of(unit)).build();
    }

    @POST
    @Path("/units/bulk")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.ORG_SYNC})
    @Operation(operationId = "syncOrgUnits", summary = "Create or update many units at once (HR/CRM sync)",
            description = "Rows may come in any order; a unit whose parent is later in the upload waits for it. "
                    + "Each row is created, updated or unchanged, or rejected with its field and reason.")
    @APIResponse(responseCode = "200", description = "What happened to each row")
    @APIResponse(responseCode = "400", description = "The body is not a JSON array")
    public SyncReport syncUnits(@NotNull @Size(max = 50_000) List<UnitInput> rows) {
        return sync.units(rows);
    }

    @GET
    @Path("/units")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.ORG_SYNC,
            Roles.SERVICE})
    @Operation(operationId = "searchOrgUnits", summary = "Find units by code or name, kind and parent; paged, by code",
            description = "Every filter is optional and they all apply. Data scope: hr, admin, org-sync and service clients "
                    + "and QA specialists find every unit; supervisors and managers the units they lead and every "
                    + "unit below them; agents the unit they belong to today. Ordered by code.")
    @APIResponse(responseCode = "200", description = "One page of the units found, by code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "kind, limit or offset invalid (problem names it)")
    public RestResponse<List<UnitView>> searchUnits(
            @Parameter(description = "Part of the code or name, any case", example = "east") @QueryParam("q") String q,
            @Parameter(description = "CENTER, TEAM or GROUP", example = "GROUP") @QueryParam("kind") String kind,
            @Parameter(description = "Only the units directly below this one", example = "T-EAST")
            @QueryParam("parentCode") String parentCode,
            @BeanParam Page page) {
        OrgUnit.Kind unitKind = null;
        if (kind != null && !kind.isBlank()) {
            unitKind = Arrays.stream(OrgUnit.Kind.values()).filter(k -> k.name().equals(kind.strip())).findFirst()
                    .orElseThrow(() -> Problems.invalid("kind", "must be one of "
                            + Arrays.toString(OrgUnit.Kind.values())));
        }
        OrgSearch.Found<UnitView> found = search.units(q, unitKind, parentCode, page.limit(), page.offset());
        return page.of(found.rows(), found.total());
    }

    @GET
    @Path("/agents")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.ORG_SYNC,
            Roles.SERVICE})
    @Operation(operationId = "searchAgents", summary = "Find agents by employee id or name, unit and day; paged, "
            + "by employee id",
            description = "Every filter is optional and they all apply; agents who left are found too unless "
                    + "activeOn is given. Data scope: hr, admin, org-sync and service clients and QA specialists find every "
                    + "agent; supervisors and managers the agents who belong, on activeOn (default today), to a unit "
                    + "they lead or one below it; agents themselves. Ordered by employee id.")
    @APIResponse(responseCode = "200", description = "One page of the agents found, by employee id", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "activeOn, limit or offset invalid (problem names it)")
    public RestResponse<List<AgentView>> searchAgents(
            @Parameter(description = "Part of the employee id or name, any case", example = "li")
            @QueryParam("q") String q,
            @Parameter(description = "Only agents who belong on activeOn (default today) to this unit or one below it",
                    example = "G-EAST-1") @QueryParam("unitCode") String unitCode,
            @Parameter(description = "Only agents who belong to some unit on this day", example = "2026-10-15")
            @QueryParam("activeOn") LocalDate activeOn,
            @BeanParam Page page) {
        OrgSearch.Found<AgentView> found = search.agents(q, unitCode, activeOn, page.limit(), page.offset());
        return page.of(found.rows(), found.total());
    }

    @GET
    @Path("/units/{code}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.ORG_SYNC,
            Roles.SERVICE})
    @Operation(operationId = "getOrgUnit", summary = "A unit, with its parent and leader")
    @APIResponse(responseCode = "200", description = "The unit")
    @APIResponse(responseCode = "404", description = "No such unit, or one outside the caller's scope (the same answer)")
    public UnitView unit(@PathParam("code") String code) {
        return UnitView.of(org.unit(code));
    }

    @GET
    @Path("/units/{code}/members")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN, Roles.ORG_SYNC, Roles.SERVICE})
    @Operation(operationId = "listOrgUnitMembers",
            summary = "Agents who belonged to the unit (or a unit below it) on a day or at any day of a range")
    @APIResponse(responseCode = "200", description = "Memberships overlapping the range, by employee id and then "
            + "start", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    @APIResponse(responseCode = "404", description = "No such unit, or one outside the caller's scope (the same answer)")
    public RestResponse<List<MemberView>> members(@PathParam("code") String code,
            @Parameter(description = "First day, inclusive (default today)", example = "2026-10-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, inclusive (default from)", example = "2026-10-31")
            @QueryParam("to") LocalDate to,
            @BeanParam Page page) {
        scope.checkUnit(code);
        LocalDate start = from != null ? from : LocalDate.now(clock);
        org.unit(code);   // an unknown unit is a 404 before the paging parameters are read, as before
        OrgService.MemberPage members = org.members(code, start, to != null ? to : start, page.offset(),
                page.limit());
        return page.of(members.rows(), members.total());
    }

    @GET
    @Path("/units/{code}/assignments")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN, Roles.ORG_SYNC, Roles.SERVICE})
    @Operation(operationId = "listOrgUnitAssignments",
            summary = "Who a unit's run of a period scores: each agent's one home unit for the period",
            description = "Every agent who belonged to the unit (or a unit below it) at some day of [from, to], "
                    + "with the home unit the mover policy gives them for the whole period: MOST_DAYS (default) the "
                    + "unit with the most days of the period (a tie goes to the later unit), PERIOD_END the unit on "
                    + "the last day (a leaver: their last unit). assigned is true when that home unit is this unit "
                    + "or one below it. Days are calendar days of the center's calendar, both ends inclusive.")
    @APIResponse(responseCode = "200", description = "One row per agent, by employee id", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "from, to, policy, limit or offset missing or invalid (problem "
            + "names it)")
    @APIResponse(responseCode = "404", description = "No such unit, or one outside the caller's scope (the same answer)")
    public RestResponse<List<Assignment>> assignments(
            @PathParam("code") String code,
            @Parameter(description = "First day, inclusive", required = true, example = "2026-10-01")
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, inclusive", required = true, example = "2026-10-31")
            @QueryParam("to") LocalDate to,
            @Parameter(description = "MOST_DAYS (default) or PERIOD_END", example = "MOST_DAYS")
            @QueryParam("policy") String policy,
            @BeanParam Page page) {
        if (from == null) {
            throw Problems.invalid("from", "is required");
        }
        if (to == null) {
            throw Problems.invalid("to", "is required");
        }
        if (to.isBefore(from)) {
            throw Problems.invalid("to", "is before from");
        }
        MoverPolicy moverPolicy = MoverPolicy.MOST_DAYS;
        if (policy != null && !policy.isBlank()) {
            moverPolicy = Arrays.stream(MoverPolicy.values()).filter(p -> p.name().equals(policy.strip()))
                    .findFirst().orElseThrow(() -> Problems.invalid("policy", "must be one of "
                            + Arrays.toString(MoverPolicy.values())));
        }
        scope.checkUnit(code);
        org.unit(code);   // an unknown unit is a 404 before the paging parameters are read, as before
        HomeUnits.AssignmentPage assignments = homeUnits.page(code, from, to, moverPolicy, page.offset(),
                page.limit());
        return page.of(assignments.rows(), assignments.total());
    }

    @GET
    @Path("/my-units")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.APPEALS, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listMyUnits", summary = "Codes of the units the caller leads, with all units below them",
            description = "Other services scope supervisors' and managers' data by this list.")
    @APIResponse(responseCode = "200", description = "Unit codes, in code order; empty for someone who leads no unit",
            headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    public RestResponse<List<String>> myUnits(@BeanParam Page page) {
        return page.of(scope.ledUnits().stream().sorted().toList());
    }

    @POST
    @Path("/agents")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.ORG_SYNC})
    @Operation(operationId = "registerAgent", summary = "Register an agent in a unit")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AgentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "409", description = "The employee id is taken")
    public Response registerAgent(@Valid @NotNull AgentInput input) {
        AgentView agent = org.registerAgent(input);
        return Response.created(URI.create("/api/v1/metrics/org/agents/" + agent.employeeId())).entity(agent).build();
    }

    @POST
    @Path("/agents/bulk")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.ORG_SYNC})
    @Operation(operationId = "syncAgents", summary = "Create or update many agents at once (HR/CRM sync)",
            description = "A different unitCode than today's moves the agent from memberFrom; status LEFT ends the "
                    + "membership on leftOn. Each row is created, updated or unchanged, or rejected with its field "
                    + "and reason.")
    @APIResponse(responseCode = "200", description = "What happened to each row")
    @APIResponse(responseCode = "400", description = "The body is not a JSON array")
    public SyncReport syncAgents(@NotNull @Size(max = 100_000) List<AgentSync> rows) {
        return sync.agents(rows);
    }

    @POST
    @Path("/agents/{employeeId}/departure")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.ORG_SYNC})
    @Operation(operationId = "recordAgentDeparture", summary = "Record that an agent leaves",
            description = "Status becomes LEFT and the membership ends on leftOn; figures before stay where they were.")
    @APIResponse(responseCode = "200", description = "The agent, status LEFT")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such agent, or one outside the caller's scope (the same answer)")
    @APIResponse(responseCode = "409", description = "The agent has left already")
    public AgentView leave(@PathParam("employeeId") String employeeId, @Valid @NotNull DepartureInput input) {
        return org.leave(employeeId, input.leftOn());
    }

    @GET
    @Path("/agents/{employeeId}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN, Roles.ORG_SYNC,
            Roles.SERVICE})
    @Operation(operationId = "getAgent", summary = "An agent and the unit they belong to today")
    @APIResponse(responseCode = "200", description = "The agent")
    @APIResponse(responseCode = "404", description = "No such agent, or one outside the caller's scope (the same answer)")
    public AgentView agent(@PathParam("employeeId") String employeeId) {
        Agent agent = org.agent(employeeId);
        scope.checkDirectoryEntry(employeeId);
        return org.view(agent);
    }

    @POST
    @Path("/agents/{employeeId}/moves")
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.ORG_SYNC})
    @Operation(operationId = "moveAgent", summary = "Move an agent to another unit from a day on",
            description = "Figures before that day keep counting for the old unit, figures from it on for the new.")
    @APIResponse(responseCode = "200", description = "Moved")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such agent, or one outside the caller's scope (the same answer)")
    public AgentView move(@PathParam("employeeId") String employeeId, @Valid @NotNull MoveInput input) {
        return org.move(employeeId, input.unitCode(), input.from());
    }
}
