package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.ContestInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestView;
import io.perfcenter.incentive.engagement.EngagementPayloads.Direction;
import io.perfcenter.incentive.engagement.EngagementPayloads.Mode;
import io.perfcenter.incentive.engagement.EngagementPayloads.Status;
import io.perfcenter.incentive.store.Json;
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

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** A contest: its checked definition (JSON), its status and, once closed, its final standings. */
@Entity
@Table(name = "contest")
public class Contest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public String name;
    public String metric;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "definition", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String definitionJson;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    /** The final {@link Standings}, JSON, once closed. */
    @Column(name = "standings", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String standingsJson;

    public ContestInput definition() {
        return Json.read(definitionJson, ContestInput.class);
    }

    public static Optional<Contest> byCode(String code) {
        return find("code", code).firstResultOptional();
    }

    ContestView view() {
        ContestInput d = definition();
        return new ContestView(code, name, metric, direction, mode, d.unitCodes(), startsOn, endsOn, d.minSamples(),
                d.rules(), d.honor(), status, createdAt, createdBy, closedAt, closedBy);
    }
}
