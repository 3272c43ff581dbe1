package io.perfcenter.scoring.scorecard;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.perfcenter.scoring.run.ScorecardRun;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** One agent's result of a scoring run: items, total, grade, rank and percentile within the run, and its review. */
@Entity
@Table(name = "scorecard")
public class Scorecard extends PanacheEntityBase {

    /** Follows the run's status (see {@link ScorecardRun.Status}). */
    @Schema(name = "ScorecardStatus", description = "Review lifecycle of a scoring run and of its scorecards")
    public enum Status {
        COMPUTED, IN_REVIEW, PUBLISHED, LOCKED, SUPERSEDED;

        public static Status of(ScorecardRun.Status run) {
            return valueOf(run.name());
        }
    }

    @Id
    @SequenceGenerator(name = "scorecard_seq", sequenceName = "scorecard_seq", allocationSize = 50)
    @GeneratedValue(generator = "scorecard_seq")
    public Long id;
    @Column(name = "run_id")
    public Long runId;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    @Column(name = "template_code")
    public String templateCode;
    @Column(name = "template_version")
    public int templateVersion;
    public BigDecimal total;
    /** Final grade: by the bands, or by rank when the template forces a distribution (then set by SQL). */
    public String grade;
    @Column(name = "band_grade")
    public String bandGrade;
    @Column(name = "total_explanation")
    public String totalExplanation;
    /** The total's explanation in Chinese; null on scorecards computed before it was kept (V10). */
    @Column(name = "total_explanation_zh")
    public String totalExplanationZh;
    /** Set by Ranking over the whole run (written with the run's rows, again when one changed), never from here. */
    @Column(insertable = false, updatable = false)
    public Integer rank;
    @Column(insertable = false, updatable = false)
    public BigDecimal percentile;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "subject_unit_code")
    public String subjectUnitCode;
    @Column(name = "self_assessment")
    public String selfAssessment;
    @Column(name = "self_assessed_at")
    public OffsetDateTime selfAssessedAt;
    @Column(name = "review_comments")
    public String reviewComments;
    @Column(name = "feedback_notes")
    public String feedbackNotes;
    @Column(name = "reviewed_by")
    public String reviewedBy;
    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;
    @ElementCollection
    @CollectionTable(name = "scorecard_item", joinColumns = @JoinColumn(name = "scorecard_id"))
    @OrderColumn(name = "position")
    public List<ScorecardItem> items = new ArrayList<>();

    public ScorecardItem item(String itemCode) {
        return items.stream().filter(i -> i.itemCode.equals(itemCode)).findFirst().orElse(null);
    }
}
