package io.perfcenter.scoring.audit;

import io.perfcenter.scoring.rule.Explanation;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One line of the audit trail: who did what to which run, scorecard or appeal, and when. The detail the service writes
 * is kept in English and Simplified Chinese (a reason someone wrote is kept as written, the same in both); events
 * recorded before the Chinese was kept (V12) have none and answer their English.
 */
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
    @Column(name = "detail_zh")
    public String detailZh;

    /** An event whose detail is the same in both languages: figures, codes, or what someone wrote (may be null). */
    public static AuditEvent record(Long runId, Long scorecardId, Long appealId, String action, String actor,
                                    String detail) {
        return record(runId, scorecardId, appealId, action, actor, detail == null ? null : Explanation.same(detail));
    }

    /** An event with its detail in English and Chinese (null: none). */
    public static AuditEvent record(Long runId, Long scorecardId, Long appealId, String action, String actor,
                                    Explanation detail) {
        AuditEvent e = new AuditEvent();
        e.runId = runId;
        e.scorecardId = scorecardId;
        e.appealId = appealId;
        e.action = action;
        e.actor = actor;
        e.at = OffsetDateTime.now();
        e.detail = detail == null ? null : detail.en();
        e.detailZh = detail == null ? null : detail.zh();
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
