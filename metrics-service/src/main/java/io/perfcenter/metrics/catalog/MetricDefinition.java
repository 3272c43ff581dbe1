package io.perfcenter.metrics.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A metric of the catalog: what it measures, which way is better, and how a period's value is aggregated. */
@Entity
@Table(name = "metric_definition")
public class MetricDefinition extends PanacheEntityBase {

    public enum Direction { HIGHER_BETTER, LOWER_BETTER, TARGET_BAND }

    /** How the daily values of a period become the period's value. */
    public enum Aggregation { SUM, MEAN, LATEST, MAX, MIN }

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
}
