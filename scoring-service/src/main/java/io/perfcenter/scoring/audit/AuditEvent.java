package io.perfcenter.scoring.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** One line of the audit trail: who did what to which run, scorecard or appeal, and when. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "run_id")
    public Long runId;
    @Column(name = "scorecard_id")
    public Long scorecardId;
    @Column(name = "appeal_id")
    public Long appealId;
    public String action;
    public String actor;
    public OffsetDateTime at;
    public String detail;

    public static AuditEvent record(Long runId, Long scorecardId, Long appealId, String action, String actor,
                                    String detail) {
        AuditEvent e = new AuditEvent();
        e.runId = runId;
        e.scorecardId = scorecardId;
        e.appealId = appealId;
        e.action = action;
        e.actor = actor;
        e.at = OffsetDateTime.now();
        e.detail = detail;
        e.persist();
        return e;
    }

    /** A scorecard's own events and its run's (computed, review opened, published, locked), oldest first. */
    public static List<AuditEvent> ofScorecard(long scorecardId, long runId) {
        return list("scorecardId = ?1 or (runId = ?2 and scorecardId is null) order by id", scorecardId, runId);
    }

    public static List<AuditEvent> ofRun(long runId) {
        return list("runId = ?1 order by id", runId);
    }
}
