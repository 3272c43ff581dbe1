package io.perfcenter.metrics.aggregate;

import io.perfcenter.metrics.aggregate.AggregatePayloads.AgentAggregates;
import io.perfcenter.metrics.aggregate.AggregatePayloads.AggregateReport;
import io.perfcenter.metrics.aggregate.AggregatePayloads.Granularity;
import io.perfcenter.metrics.aggregate.AggregatePayloads.TrendReport;
import io.perfcenter.metrics.config.MetricsConfig;
import io.perfcenter.metrics.org.OrgScope;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

@Path("/api/v1/metrics")
@Tag(name = "metrics: aggregates", description = "Values of metrics per agent or unit over a period, and trends")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
@APIResponse(responseCode = "400", description = "Missing or invalid parameter (problem names it)")
@APIResponse(responseCode = "404", description = "No such unit or agent, or one outside the caller's scope (the "
        + "same answer)")
public class AggregateResource {

    private final AggregateService aggregates;
    private final AnomalyDetector anomalies;
    private final OrgScope scope;
    private final MetricsConfig config;

    AggregateResource(AggregateService aggregates, AnomalyDetector anomalies, OrgScope scope, MetricsConfig config) {
        this.aggregates = aggregates;
        this.anomalies = anomalies;
        this.scope = scope;
        this.config = config;
    }

    @GET
    @Path("/aggregates")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getAggregates",
            summary = "Period values of metrics for every agent of a unit, or for one agent",
            description = "Name exactly one of unit and employeeId, and either period or from and to. Agents may "
                    + "ask only for themselves, supervisors and managers for the units they lead and the agents who "
                    + "belonged to one of them on some day of the range; a leader reads an agent's figures only of "
                    + "the days the agent belonged to a unit they lead (after a move on day D the new unit's leader "
                    + "reads them from D on, the old unit's leader up to D - 1; anomaly baselines likewise). An "
                    + "agent or unit outside the caller's scope answers 404 exactly as an unknown one. A unit query also "
                    + "returns the unit's own values (unitTotal: ratios of the unit's sums). With anomalies=true, "
                    + "each agent's values that moved more than the threshold against the mean of their previous "
                    + "periods are listed with the reason.")
    @APIResponse(responseCode = "200", description = "One row per agent")
    public AggregateReport aggregates(
            @Parameter(description = "Unit code (its sub-units included)", example = "G-EAST-1") @QueryParam("unit") String unit,
            @Parameter(description = "One agent", example = "E2001") @QueryParam("employeeId") String employeeId,
            @Parameter(description = "Metric codes, repeatable", example = "calls_handled") @QueryParam("metric") List<String> metrics,
            @Parameter(description = "First day, inclusive", example = "2026-10-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, inclusive", example = "2026-10-31") @QueryParam("to") LocalDate to,
            @Parameter(description = "Instead of from/to: 2026-10-05, 2026-W41, 2026-10, 2026-Q4 or 2026", example = "2026-10")
            @QueryParam("period") String period,
            @Parameter(description = "Flag values far from each agent's own baseline") @QueryParam("anomalies") @DefaultValue("false") boolean flag,
            @Parameter(description = "Share of change that is flagged (default 0.2)", example = "0.2")
            @QueryParam("anomalyThreshold") Double threshold,
            @Parameter(description = "Previous periods forming the baseline (default 3)", example = "3")
            @QueryParam("baselinePeriods") Integer baselinePeriods) {
        PeriodRange range = PeriodRange.of(period, from, to);
        if ((unit == null) == (employeeId == null)) {
            throw Problems.invalid("unit", "name exactly one of unit and employeeId");
        }
        double share = threshold == null ? config.anomaly().threshold() : threshold;
        int periods = baselinePeriods == null ? config.anomaly().baselinePeriods() : baselinePeriods;
        if (share <= 0 || share > 10) {
            throw Problems.invalid("anomalyThreshold", "must be above 0 and at most 10");
        }
        if (periods < 1 || periods > 24) {
            throw Problems.invalid("baselinePeriods", "must be between 1 and 24");
        }
        if (unit != null) {
            scope.checkUnit(unit);
            AggregateService.Result result = aggregates.forUnit(unit, metrics, range.from(), range.to());
            List<AgentAggregates> agents = flag ? anomalies.flag(result.agents(), scope.figuresWithin(), metrics,
                    range, share, periods) : result.agents();
            return new AggregateReport(unit, range.from(), range.to(), metrics, agents, result.total());
        }
        List<String> within = scope.agentFiguresWithin(employeeId, range.from(), range.to());
        List<AgentAggregates> agents = List.of(aggregates.forAgent(employeeId, within, metrics, range.from(),
                range.to()));
        if (flag) {
            agents = anomalies.flag(agents, within, metrics, range, share, periods);
        }
        return new AggregateReport(null, range.from(), range.to(), metrics, agents);
    }

    @GET
    @Path("/trends")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getTrends",
            summary = "A unit's or an agent's values per day, week, month, quarter or year of a range",
            description = "Name exactly one of unit and employeeId. Unit values are the unit's own (ratios of its "
                    + "sums, by effective-dated membership). Same data scope as aggregates: a leader reads an "
                    + "agent's values only of the days the agent belonged to a unit they lead.")
    @APIResponse(responseCode = "200", description = "One point per bucket, oldest first")
    public TrendReport trends(
            @Parameter(example = "G-EAST-1") @QueryParam("unit") String unit,
            @Parameter(example = "E2001") @QueryParam("employeeId") String employeeId,
            @Parameter(description = "Metric codes, repeatable", example = "aht") @QueryParam("metric") List<String> metrics,
            @Parameter(example = "2026-07-01") @QueryParam("from") LocalDate from,
            @Parameter(example = "2026-10-31") @QueryParam("to") LocalDate to,
            @Parameter(example = "2026-Q4") @QueryParam("period") String period,
            @Parameter(description = "DAY, WEEK, MONTH, QUARTER or YEAR (default DAY)", example = "WEEK")
            @QueryParam("granularity") Granularity granularity) {
        PeriodRange range = PeriodRange.of(period, from, to);
        if ((unit == null) == (employeeId == null)) {
            throw Problems.invalid("unit", "name exactly one of unit and employeeId");
        }
        Granularity g = granularity == null ? Granularity.DAY : granularity;
        if (g == Granularity.DAY && range.from().plusDays(400).isBefore(range.to())) {
            throw Problems.invalid("granularity", "a daily series may span at most 400 days");
        }
        AggregateScope target;
        if (unit != null) {
            scope.checkUnit(unit);
            target = new AggregateScope.Unit(unit);
        } else {
            List<String> within = scope.agentFiguresWithin(employeeId, range.from(), range.to());
            target = within == null ? new AggregateScope.Agent(employeeId)
                    : new AggregateScope.AgentsIn(List.of(employeeId), within);
        }
        aggregates.exists(target);
        return new TrendReport(unit, employeeId, range.from(), range.to(), g, metrics,
                aggregates.trend(target, metrics, range.from(), range.to(), g));
    }
}
