package io.perfcenter.incentive.budget;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** What a unit may spend on variable pay in a period; a run shows its cost against it. */
@Entity
@Table(name = "unit_budget")
@IdClass(UnitBudget.Key.class)
public class UnitBudget extends PanacheEntityBase {

    @Id
    @Column(name = "unit_code")
    public String unitCode;
    @Id
    public String period;
    public BigDecimal amount;
    public String currency;
    @Column(name = "updated_at", insertable = false, updatable = false)
    public OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public static Optional<UnitBudget> of(String unitCode, String period) {
        return find("unitCode = ?1 and period = ?2", unitCode, period).firstResultOptional();
    }

    public static class Key implements Serializable {
        public String unitCode;
        public String period;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(unitCode, k.unitCode) && Objects.equals(period, k.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(unitCode, period);
        }
    }
}
