package io.perfcenter.metrics.org;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** A person whose performance is measured, identified by the employee id HR gives them. */
@Entity
@Table(name = "agent")
public class Agent extends PanacheEntityBase {

    @Id
    @Column(name = "employee_id")
    public String employeeId;
    public String name;
    public String position;
    @Column(name = "hire_date")
    public LocalDate hireDate;
    public String status = "ACTIVE";
    /** First day the person no longer works here; null while they do. */
    @Column(name = "left_on")
    public LocalDate leftOn;
}
