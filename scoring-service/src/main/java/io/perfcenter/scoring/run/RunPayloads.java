package io.perfcenter.scoring.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import io.perfcenter.scoring.template.TemplateOptions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Request and response bodies of scoring runs. */
public final class RunPayloads {

    private RunPayloads() {
    }

    @Schema(name = "ScoringRunInput", description = "Score every agent (or, for a units template, every unit) of a "
            + "unit for a period with a template's latest version")
    public record RunInput(
            @Schema(required = true, examples = "SEAT-MONTHLY") String templateCode,
            @Schema(required = true, description = "Unit of metrics-service's org directory (sub-units included)",
                    examples = "G-EAST-1") String unitCode,
            @Schema(required = true, description = "2026-10 (month), 2026-Q4 (quarter), 2026 (year) or "
                    + "2026-10-05..2026-11-04 (range of days)", examples = "2026-10") String period,
            @Schema(description = "An older version of the template, to recompute with it; default the latest",
                    examples = "1") Integer templateVersion,
            @Schema(description = "Units template only: the units to score; default the groups the unit's agents "
                    + "belong to") List<String> units) {

        public RunInput(String templateCode, String unitCode, String period) {
            this(templateCode, unitCode, period, null, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ScoringRun", description = "A run with its scorecards, best rank first")
    public record RunView(
            @Schema(examples = "12") long id,
            @Schema(examples = "SEAT-MONTHLY") String templateCode,
            @Schema(examples = "1") int templateVersion,
            @Schema(examples = "G-EAST-1") String unitCode,
            @Schema(examples = "2026-10") String period,
            @Schema(description = "First day of the period", examples = "2026-10-01") LocalDate from,
            @Schema(description = "Last day of the period", examples = "2026-10-31") LocalDate to,
            ScorecardRun.Status status,
            @Schema(description = "1 for the first run of the template, unit and period; one more each time the "
                    + "inputs changed", examples = "1") int revision,
            @Schema(description = "The revision this one follows") Long previousRunId,
            @Schema(description = "SHA-256 of the template version and every input used") String inputsHash,
            TemplateOptions.Subject subject,
            @Schema(description = "True when computing again found the same inputs and returned this run as it was")
            boolean unchanged,
            OffsetDateTime computedAt,
            @Schema(examples = "H1001") String computedBy,
            OffsetDateTime reviewOpenedAt,
            String reviewOpenedBy,
            OffsetDateTime publishedAt,
            String publishedBy,
            OffsetDateTime lockedAt,
            String lockedBy,
            @Schema(description = "What changed against the previous revision, per agent (new revisions only)")
            List<AgentChange> changes,
            List<ScorecardView> scorecards,
            @Schema(description = "Agents who belonged to the unit during the period but whom this run does not "
                    + "score, with the reason: scored with another unit under the template's mover policy, or a "
                    + "position the template does not score") List<SkippedAgent> skipped) {

        static RunView of(ScorecardRun r, List<ScorecardView> scorecards) {
            return of(r, scorecards, false, null);
        }

        /** The run without its scorecards and changes. */
        RunView summary() {
            return new RunView(id, templateCode, templateVersion, unitCode, period, from, to, status, revision,
                    previousRunId, inputsHash, subject, unchanged, computedAt, computedBy, reviewOpenedAt,
                    reviewOpenedBy, publishedAt, publishedBy, lockedAt, lockedBy, null, null, skipped);
        }

        static RunView of(ScorecardRun r, List<ScorecardView> scorecards, boolean unchanged,
                          List<AgentChange> changes) {
            return new RunView(r.id, r.templateCode, r.templateVersion, r.unitCode, r.period, r.periodFrom,
                    r.periodTo, r.status, r.revision, r.previousRunId, r.inputsHash, r.subject, unchanged,
                    r.computedAt, r.computedBy, r.reviewOpenedAt, r.reviewOpenedBy, r.publishedAt, r.publishedBy,
                    r.lockedAt, r.lockedBy, changes, scorecards, r.skipped == null ? List.of() : r.skipped);
        }
    }

    @Schema(name = "SkippedAgent", description = "An agent of the run's unit whom the run leaves out, and why")
    public record SkippedAgent(
            @Schema(examples = "E2001") String employeeId,
            @Schema(examples = "moved to G-EAST-2 on 2026-10-16; scored there (MOST_DAYS: 16 of 31 days)")
            String reason) {
    }

    @Schema(name = "ScoringRunSummary", description = "A run without its scorecards")
    public record RunSummary(long id, String templateCode, int templateVersion, String unitCode, String period,
                             ScorecardRun.Status status, int revision, OffsetDateTime computedAt,
                             OffsetDateTime publishedAt,
                             @Schema(description = "How many agents were scored") long scorecardCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AgentChange", description = "How an agent's result differs between two revisions")
    public record AgentChange(
            @Schema(examples = "E2001") String employeeId,
            @Schema(description = "ADDED, REMOVED, CHANGED (values, points, total or grade), or RANK (only the rank "
                    + "moved, because others' results changed)", examples = "CHANGED") String change,
            BigDecimal totalBefore, BigDecimal totalAfter,
            String gradeBefore, String gradeAfter,
            Integer rankBefore, Integer rankAfter,
            List<ItemChange> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ItemChange", description = "An item whose value or points differ")
    public record ItemChange(@Schema(examples = "csat") String itemCode,
                             BigDecimal valueBefore, BigDecimal valueAfter,
                             BigDecimal pointsBefore, BigDecimal pointsAfter) {
    }

    @Schema(name = "ScoringRunReproduction", description = "The run recomputed from its stored template version and "
            + "inputs, compared with what is stored")
    public record Reproduction(long runId, boolean identical, int scorecards,
                               @Schema(description = "Scorecards whose recomputation differs") List<AgentChange> differences) {
    }

    @Schema(name = "WhatIfInput", description = "Score a past period with a stored template version or a draft of "
            + "the next, without storing anything")
    public record PreviewInput(
            @Schema(description = "A stored template (its latest version unless templateVersion says)",
                    examples = "SEAT-MONTHLY") String templateCode,
            @Schema(examples = "2") Integer templateVersion,
            @Schema(description = "A draft of a template (e.g. the next version), as POST /templates takes it")
            io.perfcenter.scoring.template.TemplatePayloads.TemplateInput template,
            @Schema(required = true, examples = "G-EAST-1") String unitCode,
            @Schema(required = true, examples = "2026-10") String period,
            @Schema(description = "Units templates only: the units to score") List<String> units,
            @Schema(description = "Compare with this run instead of the published (else latest) run of the same "
                    + "template, unit and period") Long compareRunId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WhatIfLine", description = "One agent's result now and under the previewed template")
    public record PreviewLine(String employeeId, String subjectUnitCode, BigDecimal totalBefore, BigDecimal totalAfter,
                              String gradeBefore, String gradeAfter, Integer rankBefore, Integer rankAfter,
                              @Schema(description = "totalAfter − totalBefore") BigDecimal totalChange) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "WhatIf", description = "How totals, grades and the grade distribution would change")
    public record PreviewView(String templateCode,
                              @Schema(description = "The version previewed (a draft's would-be version)") int templateVersion,
                              @Schema(description = "True when the previewed template is a draft, not stored") boolean draft,
                              String unitCode, String period,
                              @Schema(description = "The stored run compared with; none when the period was never "
                                      + "scored with this template") Long comparedRunId,
                              Integer comparedTemplateVersion,
                              BigDecimal averageTotalBefore, BigDecimal averageTotalAfter,
                              @Schema(description = "Grade → how many scorecards, in the stored run")
                              java.util.Map<String, Integer> distributionBefore,
                              @Schema(description = "Grade → how many scorecards, under the previewed template")
                              java.util.Map<String, Integer> distributionAfter,
                              @Schema(description = "Agents whose grade would change") int gradesChanged,
                              List<PreviewLine> agents,
                              @Schema(description = "The previewed scorecards with their explanations")
                              List<ScorecardView> scorecards) {
    }
}
