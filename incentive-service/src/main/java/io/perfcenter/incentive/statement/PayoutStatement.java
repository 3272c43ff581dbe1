package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.run.PayoutRun;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** What one employee gets from a payout run: typed lines, their total and flags for anything not computed. */
@Entity
@Table(name = "payout_statement")
public class PayoutStatement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id")
    public PayoutRun run;
    @Column(name = "employee_id")
    public String employeeId;
    /** The unit of the employee's scorecard; supervisors and managers see statements by it. */
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    /** The plan of the run; with employee and period it names the one current statement across units' runs. */
    @Column(name = "plan_code")
    public String planCode;
    /** True while the run is live (computed or approved); false once a recomputation superseded it. */
    public boolean current = true;
    public String currency;
    /** Sum of the lines' amounts; null when a line has no amount (see flags). */
    @Column(name = "total_amount")
    public BigDecimal totalAmount;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> flags = new ArrayList<>();
    @OneToMany(mappedBy = "statement", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    @BatchSize(size = 200)
    public List<PayoutLine> lines = new ArrayList<>();
}
