package io.perfcenter.scoring.review;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/** One rater's scores of a manual-rating item of a scorecard. */
@Entity
@Table(name = "scorecard_rating")
public class Rating extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "scorecard_id")
    public Long scorecardId;
    @Column(name = "item_code")
    public String itemCode;
    @Column(name = "rater_role")
    public String raterRole;
    @Column(name = "rater_id")
    public String raterId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, BigDecimal> scores;
    public String comment;
    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;
}
