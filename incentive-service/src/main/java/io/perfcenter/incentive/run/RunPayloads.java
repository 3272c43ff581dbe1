package io.perfcenter.incentive.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.perfcenter.incentive.web.InLanguage;
import io.perfcenter.incentive.web.Language;

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
                    t.teamFund(), t.split(), t.explained().en(), t.explained().zh()));
        }

        TeamView in(Language language) {
            return new TeamView(teamFund, teamFundContributors, teamReward == null ? null : teamReward.in(language));
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
                                 @Schema(description = "In the language of Accept-Language (zh-CN or en)",
                                         examples = "G1 csat 4.62 ≥ target 4.5: pool 10,000.00 + team fund 500.00 = "
                                         + "10,500.00, split by score") String explanation,
                                 @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL)
                                 String explanationZh) {

        /** Stored with both texts (JSON); answered with the one of {@code language}, explanationZh left out. */
        TeamRewardView in(Language language) {
            return new TeamRewardView(measure, unitValue, target, direction, met, pool, teamFund, split,
                    language.pick(explanation, explanationZh), null);
        }
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
            @Schema(examples = "H1") String approvedBy) implements InLanguage<RunSummary> {

        @Override
        public RunSummary in(Language language) {
            return new RunSummary(id, planCode, planVersion, period, unitCode, status, revision, previousRunId,
                    currency, totalAmount, statementCount, flaggedCount, budget == null ? null : budget.in(language),
                    createdAt, createdBy, approvedAt, approvedBy);
        }

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
            List<StatementView> statements) implements InLanguage<RunView> {

        /** The run with every explanation in {@code language}: budget, team reward, skipped, statement lines. */
        @Override
        public RunView in(Language language) {
            return new RunView(id, planCode, planVersion, period, unitCode, status, revision, previousRunId, currency,
                    totalAmount, statementCount, flaggedCount, budget == null ? null : budget.in(language),
                    team == null ? null : team.in(language),
                    skipped == null ? null : skipped.stream().map(s -> s.in(language)).toList(), createdAt,
                    createdBy, approvedAt, approvedBy, statements.stream().map(s -> s.in(language)).toList());
        }

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
                    + "per employee, period and plan", description = "In the language of Accept-Language (zh-CN "
                    + "or en)") String reason,
            @Schema(description = "The live run that pays the employee", examples = "12") Long paidInRunId,
            @Schema(examples = "G1") String paidInUnitCode,
            @Schema(hidden = true) @JsonInclude(JsonInclude.Include.NON_NULL) String reasonZh) {

        SkippedEmployee in(Language language) {
            return new SkippedEmployee(employeeId, language.pick(reason, reasonZh), paidInRunId, paidInUnitCode, null);
        }
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
            List<AgentChange> changes) implements InLanguage<RunChanges> {

        @Override
        public RunChanges in(Language language) {
            return new RunChanges(runId, revision, previousRunId, previousRevision, totalBefore, totalAfter,
                    changedCount, unchangedCount, changes.stream().map(c -> c.in(language)).toList());
        }
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

        AgentChange in(Language language) {
            return new AgentChange(employeeId, change, totalBefore, totalAfter, difference,
                    lines.stream().map(l -> l.in(language)).toList());
        }
    }

    @Schema(name = "PayoutLineChange", description = "A line that differs, with the source facts that differ")
    public record LineChange(
            @Schema(examples = "performance-pay") String kind,
            @Schema(examples = "2420.00") BigDecimal amountBefore,
            @Schema(examples = "2200.00") BigDecimal amountAfter,
            @Schema(description = "In the language of Accept-Language (zh-CN or en)") String explanationBefore,
            @Schema(description = "In the language of Accept-Language (zh-CN or en)") String explanationAfter,
            @Schema(description = "Each source fact that changed: [before, after]",
                    examples = "{\"grade\": [\"excellent\", \"good\"], \"total\": [95, 89]}")
            Map<String, List<Object>> sourceChanges,
            @JsonIgnore @Schema(hidden = true) String explanationBeforeZh,
            @JsonIgnore @Schema(hidden = true) String explanationAfterZh) {

        /** Lines are compared in English (a line stored before V8 has no Chinese text); shown in {@code language}. */
        LineChange in(Language language) {
            return new LineChange(kind, amountBefore, amountAfter,
                    explanationBefore == null ? null : language.pick(explanationBefore, explanationBeforeZh),
                    explanationAfter == null ? null : language.pick(explanationAfter, explanationAfterZh),
                    sourceChanges, explanationBeforeZh, explanationAfterZh);
        }
    }
}
