package io.perfcenter.metrics.ingest;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The COPY text of a chunk, its keys cut from it, and a chunk refilled after it was stored (plain, no database). */
class CopyLineTests {

    private static String text(CopyLine line) {
        return new String(line.bytes(), 0, line.size(), StandardCharsets.UTF_8);
    }

    @Test
    void encodesEveryValueAsCopyText() {
        CopyLine line = new CopyLine();
        line.add(new Object[]{"acd", "c\t1\\x", 1, "E1", LocalDate.of(2026, 10, 1), 0, -86_400, Integer.MIN_VALUE,
                Integer.MAX_VALUE, true, null, new BigDecimal("12.50"), "客服"});
        assertEquals("acd\tc\\t1\\\\x\t1\tE1\t2026-10-01\t0\t-86400\t-2147483648\t2147483647\tt\t\\N\t12.50\t客服\n",
                text(line));
        assertEquals("c\t1\\x", line.field(0, 1));
        assertEquals(1, line.rows());
    }

    @Test
    void keysAreCutFromTheChosenRowsWithTheirEscapes() {
        CopyLine rows = new CopyLine();
        rows.add(new Object[]{"acd", "a\t1", 1, "E1", LocalDate.of(2026, 10, 1), 30});
        rows.add(new Object[]{"acd", "b", 2, "E2", LocalDate.of(2026, 10, 2), 40});
        rows.add(new Object[]{"crm", "c", 3, "E3", LocalDate.of(2026, 11, 3), 50});
        BitSet which = new BitSet();
        which.set(0);
        which.set(2);
        CopyLine keys = new CopyLine().appendFields(rows, which, 0, 1, 2, 3, 4);
        assertEquals("acd\ta\\t1\t1\tE1\t2026-10-01\ncrm\tc\t3\tE3\t2026-11-03\n", text(keys));
        assertEquals(2, keys.rows());
        // refilled for the next chunk: nothing of the first one is left
        which.set(1);
        keys.clear().appendFields(rows, which, 1, 4);
        assertEquals("a\\t1\t2026-10-01\nb\t2026-10-02\nc\t2026-11-03\n", text(keys));
        assertEquals(3, keys.rows());
    }

    @Test
    void aRefilledChunkHoldsOnlyItsNewRowsAndGrowsPastItsBuffer() {
        CopyLine line = new CopyLine();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            line.add(new Object[]{"s", "x" + i, i});
        }
        line.clear();
        for (int i = 0; i < 3; i++) {
            line.add(new Object[]{"t", "y" + i, -i});
            expected.append("t\ty").append(i).append('\t').append(-i).append('\n');
        }
        assertEquals(expected.toString(), text(line));
        assertEquals(3, line.rows());
        assertEquals(line.size(), line.start(3));
    }
}
