package io.perfcenter.scoring.scorecard;

import io.perfcenter.scoring.run.ScorecardInputs;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a scorecard was computed from, kept apart from it so that listings do not load it. */
@Entity
@Table(name = "scorecard_input")
public class ScorecardInput extends PanacheEntityBase {

    @Id
    @Column(name = "scorecard_id")
    public Long scorecardId;
    @JdbcTypeCode(SqlTypes.JSON)
    public ScorecardInputs inputs;
}
