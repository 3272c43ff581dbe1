package io.perfcenter.metrics.correction;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An agent's figure of a summed metric on one day, as it should have been (decided on an appeal): it overrides what
 * the day's records and pushed values give. Kept when withdrawn, for the audit trail.
 */
@Entity
@Table(name = "data_correction")
public class DataCorrection extends PanacheEntityBase {

    @Id
    @Column(name = "correction_key")
    public String key;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "metric_code")
    public String metricCode;
    @Column(name = "value_date")
    public LocalDate date;
    public BigDecimal value;
    public String reason;
    @Column(name = "acting_for")
    public String actingFor;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "withdrawn_by")
    public String withdrawnBy;
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;
}
