package io.perfcenter.incentive.salary;

import io.perfcenter.incentive.salary.SalaryPayloads.SalaryRow;
import io.perfcenter.incentive.salary.SalaryPayloads.SalaryView;
import io.perfcenter.incentive.salary.SalaryPayloads.UploadReport;
import io.perfcenter.incentive.security.Caller;
import io.perfcenter.incentive.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/incentives/salaries")
@Tag(name = "incentives: salaries", description = "Effective-dated monthly salaries (the base of performance pay); "
        + "position and hire date are read from metrics-service's org directory")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class SalaryResource {

    private final SalaryService register;
    private final Caller caller;

    SalaryResource(SalaryService register, Caller caller) {
        this.register = register;
        this.caller = caller;
    }

    @PUT
    // salaries are HR's alone (issue 9): neither admin nor any integration client sets or reads pay
    @RolesAllowed(Roles.HR)
    @Operation(operationId = "upsertSalaries", summary = "Set the monthly salaries of many employees (JSON array)",
            description = "Each row is a salary from its effectiveFrom on: it adds a step to the employee's history "
                    + "(a raise from December leaves October's salary as it was) or replaces the salary of the same "
                    + "day; a bad row is rejected with its row number, field and reason and never blocks good ones. "
                    + "Re-sending is safe. position and hiredOn are no longer accepted (the org directory of "
                    + "metrics-service owns person data): an upload carrying them is refused as a whole.")
    @APIResponse(responseCode = "200", description = "The upload's report")
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of rows, is too long, or a row "
            + "carries position or hiredOn (invalid-field naming it, e.g. [0].hiredOn); nothing is stored")
    public UploadReport upsert(List<SalaryRow> rows) {
        return register.upload(rows, caller.name());
    }

    @GET
    @Path("/{employeeId}")
    @RolesAllowed(Roles.HR)
    @Operation(operationId = "getSalary", summary = "The salary in effect today and every salary on file for an "
            + "employee")
    @APIResponse(responseCode = "200", description = "The salaries")
    @APIResponse(responseCode = "404", description = "No salary on file for this employee")
    public SalaryView get(@Parameter(example = "E2001") @PathParam("employeeId") String employeeId) {
        return register.get(employeeId);
    }
}
