package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.run.RunStatus;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.perfcenter.incentive.store.Json;
import io.perfcenter.incentive.web.InLanguage;
import io.perfcenter.incentive.web.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Response bodies of payout statements. */
public final class StatementPayloads {

    private StatementPayloads() {
    }

    @Schema(name = "PayoutStatement", description = "What one employee gets from a payout run")
    public record StatementView(
            @Schema(examples = "41") Long id,
            @Schema(examples = "7") Long runId,
            @Schema(description = "Statements of a run that is not APPROVED yet are provisional") RunStatus runStatus,
            @Schema(examples = "PERF-2026") String planCode,
            @Schema(examples = "1") int planVersion,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "E2001") String employeeId,
            @Schema(description = "Unit of the employee's scorecard", examples = "G-EAST-1") String unitCode,
            @Schema(examples = "CNY") String currency,
            @Schema(description = "Sum of the paid lines' amounts; null when a line could not be computed (see "
                    + "flags)", examples = "2640.00") BigDecimal total,
            @Schema(description = "Why something was not computed: missingSalary, currencyMismatch, gradeNotInPlan, "
                    + "scoreNotInBands, missingFigure", examples = "[]") List<String> flags,
            List<LineView> lines) implements InLanguage<StatementView> {

        /** The same statement with its lines' explanations in {@code language}. */
        @Override
        public StatementView in(Language language) {
            return new StatementView(id, runId, runStatus, planCode, planVersion, period, employeeId, unitCode,
                    currency, total, flags, lines.stream().map(l -> l.in(language)).toList());
        }

        public static StatementView of(PayoutStatement s) {
            return new StatementView(s.id, s.run.id, s.run.status, s.run.planCode, s.run.planVersion, s.period,
                    s.employeeId, s.unitCode, s.currency, s.totalAmount, List.copyOf(s.flags),
                    s.lines.stream().map(LineView::of).toList());
        }

        /**
         * A statement just composed and stored under {@code id}. Its sources are the maps the rules made: they hold
         * the same strings, whole numbers and decimals (never in exponent form) that are read back from the database
         * later, so the answer reads the same now and then.
         */
        public static StatementView of(long id, long runId, RunStatus status, String planCode, int planVersion,
                                       String period, String currency, ComposedStatement s) {
            List<LineView> lines = new ArrayList<>(s.lines().size());
            for (ComputedLine l : s.lines()) {
                lines.add(new LineView(l.kind(), l.amount(), l.currency(), l.explained().en(), l.source(),
                        l.monetary(), l.explained().zh()));
            }
            return new StatementView(id, runId, status, planCode, planVersion, period, s.employeeId(),
                    s.unitCode(), currency, s.total(), s.flags(), lines);
        }
    }

    @Schema(name = "PayoutLine", description = "One typed line of a statement")
    public record LineView(
            @Schema(description = "What the line pays: performance-pay, target-bonus, challenge-bonus, commission, "
                    + "team-share, honor, points (engagement points converted by the plan's pointsConversion), perk", examples = "performance-pay") String kind,
            @Schema(description = "Rounded HALF_UP to 2 decimals; null when not computed (see the statement's "
                    + "flags) or not monetary", examples = "2640.00")
            BigDecimal amount,
            @Schema(examples = "CNY") String currency,
            @Schema(description = "How the line was computed, in the language of Accept-Language: Simplified Chinese "
                    + "for any zh, English otherwise, the same figures in both (a line computed before Chinese texts "
                    + "were stored, Flyway V8, reads in English)",
                    examples = "8,000.00 × 30% × 1.1 (excellent) = 2,640.00") String explanation,
            @Schema(description = "The facts the line was computed from, with the plan version",
                    examples = "{\"scorecardId\": 501, \"grade\": \"excellent\", \"total\": 92.5, "
                            + "\"planVersion\": 1}")
            Map<String, Object> source,
            @Schema(description = "False for entitlements (perks, honors without prize): no amount, not in the "
                    + "total", examples = "true") boolean monetary,
            @JsonIgnore @Schema(hidden = true) String explanationZh) {

        static LineView of(PayoutLine l) {
            return new LineView(l.kind, l.amount, l.currency, l.explanation, Json.readMap(l.source), l.monetary,
                    l.explanationZh);
        }

        /** The explanation in {@code language} (English when no Chinese one was stored). */
        public String explanationIn(Language language) {
            return language.pick(explanation, explanationZh);
        }

        /** The same line, its explanation in {@code language}. */
        public LineView in(Language language) {
            return new LineView(kind, amount, currency, explanationIn(language), source, monetary, explanationZh);
        }
    }

    @Schema(name = "UnitPayoutTotals", description = "What a unit's live run pays, without individual amounts. "
            + "For a supervisor (who does not read the unit's statements), the amounts of a run with fewer statements "
            + "in its totals than perfcenter.privacy.min-group-size (default 3) are left out (total and byKind null) "
            + "and withheld says why: the total of a group that small is (nearly) one person's pay.")
    public record UnitTotals(
            @Schema(examples = "7") Long runId,
            @Schema(examples = "PERF-2026") String planCode,
            @Schema(examples = "1") int planVersion,
            @Schema(examples = "2026-10") String period,
            @Schema(examples = "G1") String unitCode,
            RunStatus runStatus,
            @Schema(examples = "1") int revision,
            @Schema(examples = "CNY") String currency,
            @Schema(examples = "18") int statementCount,
            @Schema(description = "Statements with a flag and no total; not in the totals", examples = "1")
            int flaggedCount,
            @Schema(nullable = true, description = "null when withheld", examples = "48210.50") BigDecimal total,
            @Schema(nullable = true, description = "Sum per paid line kind over the statements with a total; null "
                    + "when withheld", examples = "{\"performance-pay\": 40210.50, \"commission\": 8000.00}")
            Map<String, BigDecimal> byKind,
            @Schema(nullable = true, description = "Why total and byKind are left out, else null",
                    examples = "2 statements make the totals, fewer than 3 (perfcenter.privacy.min-group-size): the "
                            + "total of so small a group would show a person's pay")
            String withheld) {

        public UnitTotals(Long runId, String planCode, int planVersion, String period, String unitCode,
                          RunStatus runStatus, int revision, String currency, int statementCount, int flaggedCount,
                          BigDecimal total, Map<String, BigDecimal> byKind) {
            this(runId, planCode, planVersion, period, unitCode, runStatus, revision, currency, statementCount,
                    flaggedCount, total, byKind, null);
        }

        /** Statements whose amounts make the totals. */
        public int inTotals() {
            return statementCount - flaggedCount;
        }

        /** The same totals without their amounts, and why. */
        public UnitTotals withheld(String reason) {
            return new UnitTotals(runId, planCode, planVersion, period, unitCode, runStatus, revision, currency,
                    statementCount, flaggedCount, null, null, reason);
        }
    }
}
