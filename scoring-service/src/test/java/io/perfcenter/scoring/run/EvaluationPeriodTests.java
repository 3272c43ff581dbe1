package io.perfcenter.scoring.run;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The service's one period type: a month, a quarter, a year or a range of days, and the 400 naming the field. */
class EvaluationPeriodTests {

    @Test
    void readsEveryForm() {
        assertEquals(new EvaluationPeriod("2026-10", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31)),
                EvaluationPeriod.parse("period", "2026-10"));
        assertEquals(new EvaluationPeriod("2024-02", LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)),
                EvaluationPeriod.parse("period", "2024-02"));
        assertEquals(new EvaluationPeriod("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
                EvaluationPeriod.parse("period", "2026-Q3"));
        assertEquals(new EvaluationPeriod("2026-Q1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)),
                EvaluationPeriod.parse("period", "2026-Q1"));
        assertEquals(new EvaluationPeriod("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                EvaluationPeriod.parse("period", "2026"));
        assertEquals(new EvaluationPeriod("2026-10-05..2026-11-04", LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 11, 4)), EvaluationPeriod.parse("period", "2026-10-05..2026-11-04"));
        assertEquals(LocalDate.of(2025, 1, 1), EvaluationPeriod.parse("period", "2024-01-01..2025-01-01").to());
    }

    @Test
    void refusesWithTheFieldAndTheForms() {
        String forms = "a month (2026-10), quarter (2026-Q3), year (2026) or range of days (2026-10-05..2026-11-04)";
        assertRefused("period: is required: " + forms, "period", null);
        assertRefused("period: is required: " + forms, "period", " ");
        assertRefused("period: must be " + forms, "period", "2026-13");
        assertRefused("period: must be " + forms, "period", "2026-Q5");
        assertRefused("period: must be " + forms, "period", "26-10");
        assertRefused("period: must be " + forms, "period", "2026-02-30..2026-03-01");
        assertRefused("target.period: must be " + forms, "target.period", "October");
        assertRefused("period: a range must end on or after its first day and span at most 366 days", "period",
                "2026-10-05..2026-10-04");
        assertRefused("period: a range must end on or after its first day and span at most 366 days", "period",
                "2024-01-01..2025-01-02");
    }

    private static void assertRefused(String detail, String field, String code) {
        HttpProblem refused = assertThrows(HttpProblem.class, () -> EvaluationPeriod.parse(field, code));
        assertEquals(400, refused.getStatusCode());
        assertEquals(detail, refused.getDetail());
        assertEquals(field, refused.getParameters().get("field"));
    }
}
