package io.perfcenter.incentive.honor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.List;

/** A winner of an honor run, with the place and the reason. */
@Entity
@Table(name = "honor_winner")
public class HonorWinner extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "honor_run_id")
    public Long honorRunId;
    @Column(name = "employee_id")
    public String employeeId;
    public int place;
    public BigDecimal value;
    public String reason;
    /** The reason in Chinese; null for a winner stored before V8 (read in Chinese, the English reason is shown). */
    @Column(name = "reason_zh")
    public String reasonZh;

    public static List<HonorWinner> ofRun(long honorRunId) {
        return list("honorRunId = ?1 order by place, employeeId", honorRunId);
    }
}
