package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.CountedRecord;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.org.OrgScope;
import io.perfcenter.metrics.org.OrgService;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** The records behind an agent's figure of a metric, so that the agent can point at a wrong one. */
@Path("/api/v1/metrics/records")
@Tag(name = "metrics: aggregates", description = "Values of metrics per agent or unit over a period, and trends")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class CountedRecordResource {

    private final CountedRecords records;
    private final OrgScope scope;
    private final OrgService org;

    CountedRecordResource(CountedRecords records, OrgScope scope, OrgService org) {
        this.records = records;
        this.scope = scope;
        this.org = org;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listCountedRecords",
            summary = "The records behind an agent's figure of a metric in a month or on a day",
            description = "The stored (latest) revision of every raw record the metric's derivation counts for the "
                    + "agent — of each record kind its numerator, subtracted part and denominator read, with their "
                    + "where conditions applied (and, for SUM/MAX/MIN, the summed fields set), so exactly the "
                    + "records the figure counts — and the metric's pushed values that count (a derived metric's "
                    + "only on days without records of its numerator's kind). Days are the center's days. A metric "
                    + "without a derivation lists its pushed values. Ordered by day, kind, sourceSystem, externalId. "
                    + "Same data scope as aggregates: agents read their own; supervisors and managers an agent's "
                    + "records only of the days the agent belonged to a unit they lead (after a move on day D the "
                    + "new unit's leader reads them from D on, the old unit's leader up to D - 1); an agent outside "
                    + "the caller's scope answers 404 exactly as an unknown one. Data corrections decided on appeals "
                    + "replace a day's figure, not its records: they are not listed here.")
    @APIResponse(responseCode = "200", description = "The page of records", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "employeeId, metric or period missing or invalid, an unknown "
            + "metric, or limit or offset out of range (problem names it)")
    @APIResponse(responseCode = "404", description = "No such agent, or one outside the caller's scope (the same "
            + "answer)")
    public RestResponse<List<CountedRecord>> list(
            @Parameter(required = true, description = "The agent", example = "E3001")
            @QueryParam("employeeId") String employeeId,
            @Parameter(required = true, description = "Metric code of the catalog", example = "error_count")
            @QueryParam("metric") String metric,
            @Parameter(required = true, description = "A month (2026-10) or a day (2026-10-14)", example = "2026-10",
                    schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{4}-\\d{2}(-\\d{2})?$"))
            @QueryParam("period") String period,
            @BeanParam Page page) {
        if (employeeId == null || employeeId.isBlank()) {
            throw Problems.invalid("employeeId", "is required");
        }
        if (metric == null || metric.isBlank()) {
            throw Problems.invalid("metric", "is required");
        }
        PeriodRange range = range(period);
        int limit = page.limit();
        int offset = page.offset();
        MetricDefinition definition = MetricDefinition.findById(metric);
        if (definition == null) {
            throw Problems.invalid("metric", "no metric " + metric + " in the catalog");
        }
        List<String> within = scope.agentFiguresWithin(employeeId, range.from(), range.to());
        org.agent(employeeId);
        CountedRecords.Listing listing = records.list(definition, employeeId, within, range.from(), range.to(),
                limit, offset);
        return page.of(listing.rows(), listing.total());
    }

    private static PeriodRange range(String period) {
        if (period == null || period.isBlank()) {
            throw Problems.invalid("period", "is required: a month (2026-10) or a day (2026-10-14)");
        }
        String p = period.strip();
        try {
            if (p.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(p);
                return new PeriodRange(month.atDay(1), month.atEndOfMonth());
            }
            if (p.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(p);
                return new PeriodRange(day, day);
            }
        } catch (DateTimeException e) {
            // named below
        }
        throw Problems.invalid("period", "must be a month (2026-10) or a day (2026-10-14)");
    }
}
