package io.perfcenter.incentive.honor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Optional;

/** One award judged for one unit and period; recomputing supersedes it (status SUPERSEDED), unless unchanged. */
@Entity
@Table(name = "honor_run")
public class HonorRun extends PanacheEntityBase {

    public static final String LIVE = "LIVE";
    public static final String SUPERSEDED = "SUPERSEDED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "award_id")
    public Long awardId;
    @Column(name = "award_code")
    public String awardCode;
    @Column(name = "award_version")
    public int awardVersion;
    @Column(name = "award_name")
    public String awardName;
    public String period;
    @Column(name = "unit_code")
    public String unitCode;
    public String status;
    @Column(name = "candidate_count")
    public int candidateCount;
    @Column(name = "eligible_count")
    public int eligibleCount;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    /** The contest whose close wrote this run (its winners won the contest); null for a judged run. */
    @Column(name = "contest_id")
    public Long contestId;
    @Column(name = "contest_code")
    public String contestCode;

    public static Optional<HonorRun> live(String awardCode, String period, String unitCode) {
        return find("awardCode = ?1 and period = ?2 and unitCode = ?3 and status = ?4 and contestId is null",
                awardCode, period, unitCode, LIVE).firstResultOptional();
    }
}
