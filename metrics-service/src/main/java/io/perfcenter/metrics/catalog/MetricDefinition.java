package io.perfcenter.metrics.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A metric of the catalog: what it measures, which way is better, and how a period's value is aggregated. */
@Entity
@Table(name = "metric_definition")
public class MetricDefinition extends PanacheEntityBase {

    @Schema(name = "MetricDirection", description = "Which values of the metric are better")
    public enum Direction { HIGHER_BETTER, LOWER_BETTER, TARGET_BAND }

    /**
     * How a period's value is formed. SUM adds; MEAN, RATIO and WEIGHTED_MEAN divide a sum by a sum (the derivation's
     * numerator and denominator; pushed values weigh by their weight, default 1); LATEST takes the last pushed
     * value; MAX and MIN the extreme.
     */
    @Schema(name = "MetricAggregation", description = "How daily values of the metric combine over a period")
    public enum Aggregation { SUM, MEAN, RATIO, WEIGHTED_MEAN, LATEST, MAX, MIN }

    @Id
    public String code;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Direction direction;
    @Enumerated(EnumType.STRING)
    public Aggregation aggregation;
    public String category;
    public String source;
    public String description;
    /** How the metric follows from raw records; null for metrics that only arrive pre-aggregated. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Derivation derivation;
    /** When the metric was retired; null while it is in use. Its values and records are kept. */
    @Column(name = "retired_at")
    public java.time.OffsetDateTime retiredAt;
    @Column(name = "retired_by")
    public String retiredBy;
    /** 1 when created, one more on each change (retirement); the ETag. */
    public int version = 1;

    /** The entity tag of the definition's current state. */
    public String entityTag() {
        return io.perfcenter.metrics.web.EntityTags.of(version, retiredAt != null);
    }
}
