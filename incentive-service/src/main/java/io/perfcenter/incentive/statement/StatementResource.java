package io.perfcenter.incentive.statement;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import io.perfcenter.incentive.web.Language;
import io.perfcenter.incentive.web.Explained;
import io.perfcenter.incentive.web.Page;
import io.perfcenter.incentive.web.Problems;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import io.perfcenter.incentive.statement.StatementPayloads.UnitTotals;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/incentives/statements")
@Tag(name = "incentives: statements", description = "Payout statements: typed, explained lines per employee")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
@APIResponse(responseCode = "503", description = "metrics-service, which says which units a leader leads, is unavailable")
public class StatementResource {

    private final StatementService book;
    private final StatementScope scope;

    StatementResource(StatementService book, StatementScope scope) {
        this.book = book;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "listStatements", summary = "Statements the caller may see, filtered",
            description = "Agents and supervisors see their own statements, managers those of the units they lead, "
                    + "hr and admin all (supervisors see their group's totals: listUnitTotals). Statements of "
                    + "superseded runs appear only when their runId is given.")
    @APIResponse(responseCode = "200", description = "Newest period first, then newest run, then employee id",
            headers = {
            @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter, limit or offset (problem names it)")
    public RestResponse<List<StatementView>> list(
            @Parameter(description = "Month, YYYY-MM", example = "2026-10") @QueryParam("period") String period,
            @Parameter(example = "E2001") @QueryParam("employeeId") String employeeId,
            @Parameter(example = "7") @QueryParam("runId") Long runId,
            @BeanParam Page page) {
        Period.parseOptionalMonth("period", period);
        scope.checkEmployeeFilter(employeeId);
        return page.of(book.list(period, employeeId, runId, scope.visible()));
    }

    @GET
    @Path("/totals")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listUnitTotals", summary = "What the live runs pay per unit, without individual amounts",
            description = "Supervisors and managers see the totals of the units they lead, hr and admin all: per "
                    + "live run the number of statements, the flagged ones, the total and the sum per line kind. "
                    + "Small groups: for supervisors (who do not read the unit's statements), a run with fewer "
                    + "statements in its totals than perfcenter.privacy.min-group-size (default 3) answers without "
                    + "total and byKind, with withheld saying why (a one-agent group's total is that agent's pay). "
                    + "Managers read the statements of the units they lead, so they see these amounts too.")
    @APIResponse(responseCode = "200", description = "Newest period first, then unit code, then newest run", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter, limit or offset (problem names it)")
    public RestResponse<List<UnitTotals>> totals(
            @Parameter(description = "Month, YYYY-MM", example = "2026-10") @QueryParam("period") String period,
            @Parameter(example = "G1") @QueryParam("unitCode") String unitCode,
            @BeanParam Page page) {
        Period.parseOptionalMonth("period", period);
        return page.of(scope.guard(book.totals(period, unitCode, scope.unitsForTotals())));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Explained
    @Parameter(name = Language.ACCEPT_LANGUAGE, in = ParameterIn.HEADER, description = Language.ACCEPT_DOC,
            example = "zh-CN", schema = @Schema(type = SchemaType.STRING))
    @Operation(operationId = "getStatement", summary = "One statement, with its lines and their explanations")
    @APIResponse(responseCode = "200",
            headers = @Header(name = Language.CONTENT_LANGUAGE, description = Language.CONTENT_DOC,
                    schema = @Schema(type = SchemaType.STRING)),
            description = "The statement")
    @APIResponse(responseCode = "404", description = "No such statement, or one outside the caller's scope (the same "
            + "answer)")
    public StatementView get(@Parameter(example = "41") @PathParam("id") long id) {
        StatementView statement = book.get(id);
        if (!scope.sees(statement.employeeId(), statement.unitCode())) {
            // out of scope answers exactly as an unknown id, so that ids cannot be probed
            throw Problems.notFound("Statement", Long.toString(id));
        }
        return statement;
    }
}
