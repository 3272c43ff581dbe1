package io.perfcenter.scoring.run;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import io.perfcenter.scoring.template.TemplateOptions;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A scoring run: one template version applied to one unit and period, computed, reviewed, published and locked. Runs
 * of the same template, unit and period are its revisions (1, 2 …): a new one only when the inputs changed.
 */
@Entity
@Table(name = "scorecard_run")
@NamedQuery(name = ScorecardRun.LIST, query = """
        select r, (select count(s) from Scorecard s where s.runId = r.id) from ScorecardRun r
        where (:anyPeriod = true or r.period = :period) and (:anyUnit = true or r.unitCode = :unit)
            and (:anyTemplate = true or r.templateCode = :template) and (:everyUnit = true or r.unitCode in :units)
        order by r.period desc, r.unitCode, r.id desc""")
public class ScorecardRun extends PanacheEntityBase {

    /** Runs with their scorecard counts, every filter a parameter: {@link RunQueryService#list}. */
    public static final String LIST = "ScorecardRun.list";

    @Schema(name = "ScorecardStatus", description = "Review lifecycle of a scoring run and of its scorecards")
    public enum Status {
        /** draft: computed, visible to hr and the unit's supervisors and managers */
        COMPUTED,
        /** open for self-assessments, manual ratings and supervisor reviews; agents see their own */
        IN_REVIEW,
        /** final for pay: what incentive-service reads */
        PUBLISHED,
        /** published and closed: no appeals, no changes */
        LOCKED,
        /** a newer revision was published instead */
        SUPERSEDED;

        /** Published or locked: final for pay. */
        public boolean isFinal() {
            return this == PUBLISHED || this == LOCKED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "template_id")
    public Long templateId;
    @Column(name = "template_code")
    public String templateCode;
    @Column(name = "template_version")
    public int templateVersion;
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "computed_at")
    public OffsetDateTime computedAt;
    @Column(name = "computed_by")
    public String computedBy;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "published_by")
    public String publishedBy;
    public int revision = 1;
    @Column(name = "previous_run_id")
    public Long previousRunId;
    @Column(name = "inputs_hash")
    public String inputsHash;
    @Enumerated(EnumType.STRING)
    public TemplateOptions.Subject subject = TemplateOptions.Subject.AGENTS;
    @Column(name = "review_opened_at")
    public OffsetDateTime reviewOpenedAt;
    @Column(name = "review_opened_by")
    public String reviewOpenedBy;
    @Column(name = "locked_at")
    public OffsetDateTime lockedAt;
    @Column(name = "locked_by")
    public String lockedBy;
    /** Agents of the unit the run left out, with the reason (scored with another unit, another position). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    public java.util.List<RunPayloads.SkippedAgent> skipped;
}
