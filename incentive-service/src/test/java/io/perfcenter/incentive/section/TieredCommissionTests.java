package io.perfcenter.incentive.section;

import io.perfcenter.incentive.section.CommissionSection.Bracket;
import io.perfcenter.incentive.section.CommissionSection.Commission;
import io.perfcenter.incentive.section.CommissionSection.CommissionMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** DOMAIN §5 (seed 003): monthly sales ≤100k → 1%; 100k–200k → 1.5%; >200k → 2%; each tier crossed feeds the team fund. */
class TieredCommissionTests {

    static final List<Bracket> SEED_003 = List.of(
            new Bracket(new BigDecimal("100000"), new BigDecimal("0.01"), null),
            new Bracket(new BigDecimal("200000"), new BigDecimal("0.015"), new BigDecimal("200")),
            new Bracket(null, new BigDecimal("0.02"), new BigDecimal("300")));

    private static TieredCommission whole(String sales) {
        return TieredCommission.of(new Commission(null, CommissionMode.WHOLE, SEED_003), new BigDecimal(sales));
    }

    private static TieredCommission progressive(String sales) {
        return TieredCommission.of(new Commission(null, CommissionMode.PROGRESSIVE, SEED_003), new BigDecimal(sales));
    }

    @Test
    void wholeAmountPaysAllSalesAtTheRateOfTheTierReached() {
        TieredCommission c = whole("250000");
        assertEquals(new BigDecimal("5000.00"), c.amount());
        assertEquals(3, c.tier());
        assertEquals(new BigDecimal("500.00"), c.teamFund());
        assertEquals("250,000.00 in tier 3 (above 200,000.00) × 2% = 5,000.00; tiers 2 and 3 reached: "
                + "200.00 + 300.00 = 500.00 to the team fund", c.explanation());

        TieredCommission middle = whole("150000");
        assertEquals(new BigDecimal("2250.00"), middle.amount());
        assertEquals(new BigDecimal("200.00"), middle.teamFund());
        assertEquals("150,000.00 in tier 2 (100,000.00–200,000.00) × 1.5% = 2,250.00; tier 2 reached: 200.00 to the "
                + "team fund", middle.explanation());
    }

    @Test
    void progressivePaysEachBracketsPartAtItsOwnRate() {
        TieredCommission c = progressive("250000");
        // 100,000 × 1% + 100,000 × 1.5% + 50,000 × 2% = 1,000 + 1,500 + 1,000
        assertEquals(new BigDecimal("3500.00"), c.amount());
        assertEquals(new BigDecimal("500.00"), c.teamFund());
        assertEquals("100,000.00 × 1% + 100,000.00 × 1.5% + 50,000.00 × 2% = 3,500.00; tiers 2 and 3 reached: "
                + "200.00 + 300.00 = 500.00 to the team fund", c.explanation());
        assertEquals(new BigDecimal("1750.00"), progressive("150000").amount());
    }

    @Test
    void anUpperBoundBelongsToItsOwnBracketAndCrossesNothing() {
        TieredCommission c = whole("100000");
        assertEquals(1, c.tier());
        assertEquals(new BigDecimal("1000.00"), c.amount());
        assertEquals(new BigDecimal("0.00"), c.teamFund());
        assertEquals("100,000.00 in tier 1 (up to 100,000.00) × 1% = 1,000.00", c.explanation());
        // one cent more crosses into tier 2: the whole amount then pays 1.5%
        TieredCommission crossed = whole("100000.01");
        assertEquals(2, crossed.tier());
        assertEquals(new BigDecimal("1500.00"), crossed.amount());
        assertEquals(new BigDecimal("200.00"), crossed.teamFund());
        assertEquals(new BigDecimal("1000.00"), progressive("100000.01").amount());
    }

    @Test
    void roundsHalfUpOnceAtTheEnd() {
        // 12,345.67 × 1% = 123.4567 → 123.46
        assertEquals(new BigDecimal("123.46"), whole("12345.67").amount());
        // 100,000 × 1% + 33.33 × 1.5% = 1,000 + 0.49995 → 1,000.50
        assertEquals(new BigDecimal("1000.50"), progressive("100033.33").amount());
        assertEquals(new BigDecimal("0.00"), whole("0").amount());
        assertEquals(new BigDecimal("0.00"), progressive("-5").amount());
    }
}
