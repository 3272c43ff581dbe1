package io.perfcenter.incentive.statement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.Map;

/** One typed line of a statement, with its explanation and the facts it was computed from. */
@Entity
@Table(name = "payout_line")
public class PayoutLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "statement_id")
    public PayoutStatement statement;
    public int position;
    public String kind;
    public BigDecimal amount;
    public String currency;
    public String explanation;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> source;
}
