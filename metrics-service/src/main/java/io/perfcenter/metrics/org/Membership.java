package io.perfcenter.metrics.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Optional;

/** That an agent belonged to a unit from one day (inclusive) to another (exclusive; null while it lasts). */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "unit_code")
    public String unitCode;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_to")
    public LocalDate validTo;

    public static Optional<Membership> current(String employeeId) {
        return find("employeeId = ?1 and validTo is null", employeeId).firstResultOptional();
    }

    public static Optional<Membership> at(String employeeId, LocalDate date) {
        return find("employeeId = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", employeeId, date)
                .firstResultOptional();
    }
}
