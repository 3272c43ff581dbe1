package io.perfcenter.incentive.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

/** One plan version applied to the published scorecards of one unit and period; its statements hang off it. */
@Entity
@Table(name = "payout_run")
public class PayoutRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "plan_id")
    public Long planId;
    @Column(name = "plan_code")
    public String planCode;
    @Column(name = "plan_version")
    public int planVersion;
    public String period;
    @Column(name = "unit_code")
    public String unitCode;
    @Enumerated(EnumType.STRING)
    public RunStatus status;
    public String currency;
    /** Sum of the statements' totals; statements without an amount (flagged) add nothing. */
    @Column(name = "total_amount")
    public BigDecimal totalAmount;
    @Column(name = "statement_count")
    public int statementCount;
    @Column(name = "flagged_count")
    public int flaggedCount;
    /** 1 for the first computation of a plan, period and unit; one more for each recomputation that changed. */
    public int revision = 1;
    /** The run this one superseded, whose statements {@code GET /runs/{id}/changes} compares with. */
    @Column(name = "previous_run_id")
    public Long previousRunId;
    /** SHA-256 of what the run computed; an identical recomputation returns this run instead of a new revision. */
    public String fingerprint;
    /** The cost against the unit's budget ({@link io.perfcenter.incentive.section.BudgetScaling.Outcome}). */
    @Column(name = "budget", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String budgetJson;
    /** Team fund and team reward of the unit ({@link RunPayloads.TeamView}). */
    @Column(name = "team", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String teamJson;
    /**
     * Employees left out because another unit's live run pays them for the plan and period
     * ({@link RunPayloads.SkippedEmployee}).
     */
    @Column(name = "skipped", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String skippedJson = "[]";
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;

    /** The computed or approved run of a plan, period and unit, if any (there is at most one). */
    public static Optional<PayoutRun> live(String planCode, String period, String unitCode) {
        return find("planCode = ?1 and period = ?2 and unitCode = ?3 and status <> ?4",
                planCode, period, unitCode, RunStatus.SUPERSEDED).firstResultOptional();
    }
}
