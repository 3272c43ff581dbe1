package io.perfcenter.incentive.budget;

import io.perfcenter.incentive.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;
import io.perfcenter.incentive.budget.BudgetPayloads.BudgetRow;
import io.perfcenter.incentive.budget.BudgetPayloads.BudgetView;
import io.perfcenter.incentive.budget.BudgetPayloads.UploadReport;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import io.perfcenter.incentive.period.Period;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/incentives/budgets")
@Tag(name = "incentives: budgets", description = "Variable-pay budget per unit and month, which runs are held against")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class BudgetResource {

    private final BudgetService budgets;
    private final Caller caller;

    BudgetResource(BudgetService budgets, Caller caller) {
        this.budgets = budgets;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "upsertBudgets", summary = "Set the budgets of units for months (JSON array)",
            description = "Each row replaces the budget on file for its unit and month, or is rejected with its row "
                    + "number, field and reason. A run computed afterwards is held against it.")
    @APIResponse(responseCode = "200", description = "The upload's report")
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of rows, or too long")
    public UploadReport upsert(List<BudgetRow> rows) {
        return budgets.upload(rows, caller.name());
    }

    @GET
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listBudgets", summary = "Budgets on file, newest month first")
    @APIResponse(responseCode = "200", description = "The budgets, newest month first, then by unit code", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Invalid parameter, limit or offset (problem names it)")
    public RestResponse<List<BudgetView>> list(
            @Parameter(example = "2026-10") @QueryParam("period") String period,
            @Parameter(example = "G1") @QueryParam("unitCode") String unitCode,
            @BeanParam Page page) {
        Period.parseOptionalMonth("period", period);
        return page.of(budgets.list(period, unitCode));
    }
}
