package io.perfcenter.incentive.statement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.math.BigDecimal;

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
    /** In English. */
    public String explanation;
    /** In Chinese; null for a line stored before V8 (read in Chinese, the English explanation is shown). */
    @Column(name = "explanation_zh")
    public String explanationZh;
    /** The facts the line was computed from, as stored JSON (read with {@link io.perfcenter.incentive.store.Json}). */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String source;
    /** False for entitlements (perks, honors without prize): no amount, and nothing added to the total. */
    public boolean monetary = true;
}
