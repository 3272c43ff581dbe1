package io.perfcenter.incentive.engagement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A leaderboard frozen by hr or admin when its period closed: later reads show these standings. */
@Entity
@Table(name = "leaderboard_snapshot")
public class LeaderboardSnapshot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    public String measure;
    public String direction;
    /** The {@link Standings} as they stood, JSON. */
    @Column(name = "board", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String boardJson;
    @Column(name = "frozen_at")
    public OffsetDateTime frozenAt;
    @Column(name = "frozen_by")
    public String frozenBy;

    public static Optional<LeaderboardSnapshot> of(String unitCode, String period, String measure, String direction) {
        return find("unitCode = ?1 and period = ?2 and measure = ?3 and direction = ?4", unitCode, period, measure,
                direction).firstResultOptional();
    }

    /** A unit's snapshots, newest frozen first; {@code period} and {@code measure} narrow them when given. */
    public static List<LeaderboardSnapshot> ofUnit(String unitCode, String period, String measure) {
        StringBuilder query = new StringBuilder("unitCode = ?1");
        List<Object> params = new ArrayList<>(List.of(unitCode));
        if (period != null) {
            params.add(period);
            query.append(" and period = ?").append(params.size());
        }
        if (measure != null) {
            params.add(measure);
            query.append(" and measure = ?").append(params.size());
        }
        return list(query + " ORDER BY frozenAt DESC, id DESC", params.toArray());
    }
}
