package io.perfcenter.incentive.engagement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;

/** How a center's leaderboards are shown to agents (top N, names or anonymised, minimum samples per metric). */
@Entity
@Table(name = "leaderboard_policy")
public class LeaderboardPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "center_code")
    public String centerCode;
    @Column(name = "top_n")
    public int topN;
    public String names;
    @Column(name = "min_samples", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String minSamplesJson;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
