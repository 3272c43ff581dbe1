package io.perfcenter.metrics.org;

import io.perfcenter.metrics.org.MentoringPayloads.Criterion;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Whether a mentee passes, from their figure over the window; both bounds inclusive; no figure fails. */
class MentoringVerdictTests {

    private static final LocalDate FROM = LocalDate.of(2026, 10, 1);
    private static final LocalDate TO = LocalDate.of(2026, 10, 31);

    @Test
    void atLeastAndAtMost() {
        Criterion qa = new Criterion("qa_score", new BigDecimal("85"), null);
        assertEquals(new MentoringVerdict(true, "qa_score 85 over 2026-10-01 to 2026-10-31 (2 samples): at least 85 "
                + "holds"), MentoringVerdict.of(qa, new BigDecimal("85.0000"), 2, FROM, TO));
        assertEquals(new MentoringVerdict(false, "qa_score 84.99 over 2026-10-01 to 2026-10-31 (3 samples): below 85"),
                MentoringVerdict.of(qa, new BigDecimal("84.99"), 3, FROM, TO));
        Criterion aht = new Criterion("aht", new BigDecimal("200"), new BigDecimal("420"));
        assertEquals(new MentoringVerdict(false, "aht 421 over 2026-10-01 to 2026-10-31 (40 samples): above 420"),
                MentoringVerdict.of(aht, new BigDecimal("421"), 40, FROM, TO));
        assertEquals(true, MentoringVerdict.of(aht, new BigDecimal("420"), 40, FROM, TO).passed());
        assertEquals("aht 300 over 2026-10-01 to 2026-10-31 (40 samples): at least 200 and at most 420 holds",
                MentoringVerdict.of(aht, new BigDecimal("300"), 40, FROM, TO).reason());
    }

    @Test
    void noFigureFails() {
        assertEquals(new MentoringVerdict(false, "no qa_score figure over 2026-10-01 to 2026-10-31: the criterion "
                        + "cannot hold"),
                MentoringVerdict.of(new Criterion("qa_score", BigDecimal.ONE, null), null, 0, FROM, TO));
    }
}
