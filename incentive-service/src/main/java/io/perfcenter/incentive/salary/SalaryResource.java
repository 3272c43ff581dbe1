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
@Tag(name = "incentives: salaries", description = "HR data on file: monthly salary (the base of performance pay), position, hire date")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class SalaryResource {

    private final SalaryRegister register;
    private final Caller caller;

    SalaryResource(SalaryRegister register, Caller caller) {
        this.register = register;
        this.caller = caller;
    }

    @PUT
    @RolesAllowed({Roles.HR, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(operationId = "upsertSalaries", summary = "Set the monthly salaries of many employees (JSON array)",
            description = "Each row replaces the salary on file for its employee, or is rejected with its row number, "
                    + "field and reason. Position and hire date (optional) are kept as on file when a row leaves "
                    + "them out. Bad rows never block good ones. Re-sending is safe.")
    @APIResponse(responseCode = "200", description = "The upload's report")
    @APIResponse(responseCode = "400", description = "The body is not a JSON array of rows, or too long")
    public UploadReport upsert(List<SalaryRow> rows) {
        return register.upload(rows, caller.name());
    }

    @GET
    @Path("/{employeeId}")
    @RolesAllowed({Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getSalary", summary = "The monthly salary on file for an employee")
    @APIResponse(responseCode = "200", description = "The salary")
    @APIResponse(responseCode = "404", description = "No salary on file for this employee")
    public SalaryView get(@Parameter(example = "E2001") @PathParam("employeeId") String employeeId) {
        return SalaryView.of(register.get(employeeId));
    }
}
