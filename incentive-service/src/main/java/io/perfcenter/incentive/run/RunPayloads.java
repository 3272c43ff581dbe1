package io.perfcenter.incentive.run;

import io.perfcenter.incentive.section.TeamRewardSection;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.section.BudgetScaling;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;
import io.perfcenter.incentive.section.TeamPool;
import io.perfcenter.incentive.statement.UnitOutcome;
import io.perfcenter.incentive.store.Json;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Request and response bodies of payout runs. */
public final class RunPayloads {

    private RunPayloads() {
    }

    @Schema(name = "PayoutRunInput", description = "Which plan to apply to which unit's published scorecards of a month")
    public record RunInput(
            @Schema(required = true, description = "Its latest version is used", examples = "PERF-2026")
            String planCode,
            @Schema(required = true, pattern = "[0-9]{4}-(0[1-9]|1[0-2])", examples = "2026-10") String period,
            @Schema(required = true, examples = "G-EAST-1") String unitCode) {
    }

    @Schema(name = "PayoutRunTeam", description = "The unit's team fund (from commission tiers crossed) and team reward")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeamView(
            @Schema(description = "Sum of the team-fund contributions of the agents' commission tiers",
                    examples = "500.00") BigDecimal teamFund,
            @Schema(description = "Agents whose sales crossed a tier with a contribution", examples = "2")
            int teamFundContributors,
            TeamRewardView teamReward) {

        static TeamView of(UnitOutcome unit) {
            TeamPool.Outcome t = unit.team();
            return new TeamView(unit.teamFund(), unit.teamFundContributors(), t == null ? null
                    : new TeamRewardView(t.measure(), t.unitValue(), t.target(), t.direction(), t.met(), t.pool(),
                    t.teamFund(), t.split(), t.explanation()));
        }
    }

    @Schema(name = "PayoutRunTeamReward", description = "Whether the unit met its target, and the pool split")
    public record TeamRewardView(@Schema(examples = "csat") String measure,
                                 @Schema(examples = "4.62") BigDecimal unitValue,
                                 @Schema(examples = "4.5") BigDecimal target,
                                 PlanSections.Direction direction,
                                 boolean met,
                                 @Schema(description = "Pool plus the team fund when the plan includes it",
                                         examples = "10500.00") BigDecimal pool,
                                 @Schema(examples = "500.00") BigDecimal teamFund,
                                 TeamRewardSection.Split split,
                                 @Schema(examples = "G1 csat 4.62 ≥ target 4.5: pool 10,000.00 + team fund 500.00 = "
                                         + "10,500.00, split by score") String explanation) {
    }

    @Schema(name = "PayoutRunSummary")
    public record RunSummary(
            @Schema(examples = "7") Long id,
            @Schema(examples = "PERF-2026") String planCode,
            @Schema(examples = "1") int planVersion,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "G-EAST-1") String unitCode,
            @Schema(description = "COMPUTED, then APPROVED (locked); SUPERSEDED when recomputed before approval")
            RunStatus status,
            @Schema(description = "1, then one more for each recomputation whose statements changed", examples = "1")
            int revision,
            @Schema(description = "The run this revision superseded", examples = "6") Long previousRunId,
            @Schema(examples = "CNY") String currency,
            @Schema(description = "Sum of the statements' totals (flagged statements add nothing)",
                    examples = "4640.00") BigDecimal totalAmount,
            @Schema(examples = "3") int statementCount,
            @Schema(description = "Statements with a flag (e.g. missingSalary) and no total", examples = "1")
            int flaggedCount,
            @Schema(description = "Cost against the unit's budget of the period; absent when none is on file")
            BudgetScaling.Outcome budget,
            OffsetDateTime createdAt,
            @Schema(examples = "H1") String createdBy,
            OffsetDateTime approvedAt,
            @Schema(examples = "H1") String approvedBy) {

        static RunSummary of(PayoutRun r) {
            return new RunSummary(r.id, r.planCode, r.planVersion, r.period, r.unitCode, r.status, r.revision,
                    r.previousRunId, r.currency, r.totalAmount, r.statementCount, r.flaggedCount, budgetOf(r),
                    r.createdAt, r.createdBy, r.approvedAt, r.approvedBy);
        }
    }

    @Schema(name = "PayoutRun", description = "A run with its statements")
    public record RunView(
            @Schema(examples = "7") Long id,
            @Schema(examples = "PERF-2026") String planCode,
            @Schema(examples = "1") int planVersion,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "G-EAST-1") String unitCode,
            RunStatus status,
            @Schema(examples = "1") int revision,
            @Schema(examples = "6") Long previousRunId,
            @Schema(examples = "CNY") String currency,
            @Schema(examples = "4640.00") BigDecimal totalAmount,
            @Schema(examples = "3") int statementCount,
            @Schema(examples = "1") int flaggedCount,
            @Schema(description = "Cost against the unit's budget of the period; absent when none is on file")
            BudgetScaling.Outcome budget,
            TeamView team,
            @Schema(description = "Employees with a scorecard of this unit left out because another unit's live run "
                    + "of the same plan and period pays them already (one statement per employee, period and plan)")
            List<SkippedEmployee> skipped,
            OffsetDateTime createdAt,
            @Schema(examples = "H1") String createdBy,
            OffsetDateTime approvedAt,
            @Schema(examples = "H1") String approvedBy,
            List<StatementView> statements) {

        static RunView of(PayoutRun r, List<StatementView> statements) {
            return new RunView(r.id, r.planCode, r.planVersion, r.period, r.unitCode, r.status, r.revision,
                    r.previousRunId, r.currency, r.totalAmount, r.statementCount, r.flaggedCount, budgetOf(r),
                    Json.read(r.teamJson, TeamView.class), skippedOf(r), r.createdAt, r.createdBy, r.approvedAt,
                    r.approvedBy, statements);
        }
    }

    @Schema(name = "PayoutSkippedEmployee", description = "An employee a run did not pay, and why")
    public record SkippedEmployee(
            @Schema(examples = "A7") String employeeId,
            @Schema(examples = "already paid for PERF-2026 2026-10 by run 12 of unit G1 (COMPUTED): one statement "
                    + "per employee, period and plan") String reason,
            @Schema(description = "The live run that pays the employee", examples = "12") Long paidInRunId,
            @Schema(examples = "G1") String paidInUnitCode) {
    }

    static List<SkippedEmployee> skippedOf(PayoutRun r) {
        if (r.skippedJson == null) {
            return List.of();
        }
        SkippedEmployee[] skipped = Json.read(r.skippedJson, SkippedEmployee[].class);
        return skipped == null ? List.of() : List.of(skipped);
    }

    private static BudgetScaling.Outcome budgetOf(PayoutRun r) {
        return Json.read(r.budgetJson, BudgetScaling.Outcome.class);
    }

    @Schema(name = "PayoutRunChanges", description = "What changed per agent against the revision this run superseded")
    public record RunChanges(
            @Schema(examples = "8") Long runId,
            @Schema(examples = "2") int revision,
            @Schema(description = "Absent for a first revision", examples = "7") Long previousRunId,
            @Schema(examples = "1") Integer previousRevision,
            @Schema(examples = "5120.00") BigDecimal totalBefore,
            @Schema(examples = "5390.00") BigDecimal totalAfter,
            @Schema(examples = "1") int changedCount,
            @Schema(examples = "1") int unchangedCount,
            List<AgentChange> changes) {
    }

    @Schema(name = "PayoutAgentChange")
    public record AgentChange(
            @Schema(examples = "A2") String employeeId,
            @Schema(description = "ADDED (new statement), REMOVED (no statement any more) or CHANGED",
                    examples = "CHANGED") String change,
            @Schema(examples = "2420.00") BigDecimal totalBefore,
            @Schema(examples = "2200.00") BigDecimal totalAfter,
            @Schema(description = "totalAfter − totalBefore, when both exist", examples = "-220.00")
            BigDecimal difference,
            List<LineChange> lines) {
    }

    @Schema(name = "PayoutLineChange", description = "A line that differs, with the source facts that differ")
    public record LineChange(
            @Schema(examples = "performance-pay") String kind,
            @Schema(examples = "2420.00") BigDecimal amountBefore,
            @Schema(examples = "2200.00") BigDecimal amountAfter,
            String explanationBefore,
            String explanationAfter,
            @Schema(description = "Each source fact that changed: [before, after]",
                    examples = "{\"grade\": [\"excellent\", \"good\"], \"total\": [95, 89]}")
            Map<String, List<Object>> sourceChanges) {
    }
}
