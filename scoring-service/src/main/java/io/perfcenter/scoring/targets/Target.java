package io.perfcenter.scoring.targets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A target for a metric, set on a unit or an agent, for one period or every period ("*"). */
@Entity
@Table(name = "target")
@Schema(name = "PerformanceTarget", description = "A target value of a metric for a unit or an agent in a period")
public class Target extends PanacheEntityBase {

    public static final String EVERY_PERIOD = "*";

    @Schema(name = "TargetScopeKind", description = "Whether a target is set for a unit or an agent")
    public enum ScopeKind { UNIT, AGENT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "metric_code")
    public String metricCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "scope_kind")
    public ScopeKind scopeKind;
    @Column(name = "scope_code")
    public String scopeCode;
    public String period;
    public BigDecimal value;
    @Column(name = "set_by")
    public String setBy;
    @Column(name = "set_at")
    public OffsetDateTime setAt;
}
