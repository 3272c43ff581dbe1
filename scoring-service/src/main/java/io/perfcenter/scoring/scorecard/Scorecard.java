package io.perfcenter.scoring.scorecard;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** One agent's result of a scoring run: items, total, grade and rank within the run. */
@Entity
@Table(name = "scorecard")
public class Scorecard extends PanacheEntityBase {

    public enum Status { COMPUTED, PUBLISHED }

    @Id
    @SequenceGenerator(name = "scorecard_seq", sequenceName = "scorecard_seq", allocationSize = 50)
    @GeneratedValue(generator = "scorecard_seq")
    public Long id;
    @Column(name = "run_id")
    public Long runId;
    @Column(name = "employee_id")
    public String employeeId;
    @Column(name = "unit_code")
    public String unitCode;
    public String period;
    @Column(name = "template_code")
    public String templateCode;
    @Column(name = "template_version")
    public int templateVersion;
    public BigDecimal total;
    public String grade;
    /** Ranked by SQL over the whole run once its scorecards are stored (see RunService), never written from here. */
    @Column(insertable = false, updatable = false)
    public Integer rank;
    @Enumerated(EnumType.STRING)
    public Status status;
    @ElementCollection
    @CollectionTable(name = "scorecard_item", joinColumns = @JoinColumn(name = "scorecard_id"))
    @OrderColumn(name = "position")
    public List<ScorecardItem> items = new ArrayList<>();
}
