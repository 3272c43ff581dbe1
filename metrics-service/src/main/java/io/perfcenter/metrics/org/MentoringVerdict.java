package io.perfcenter.metrics.org;

import io.perfcenter.metrics.aggregate.PlainNumbers;
import io.perfcenter.metrics.org.MentoringPayloads.Criterion;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Whether a mentee passes: the criterion's metric, as the aggregates compute it for the mentee over the window, at
 * least {@code atLeast} and at most {@code atMost} (both bounds inclusive). No figure in the window fails: the
 * criterion cannot be shown to hold. Pure: the figure comes from the caller.
 */
public record MentoringVerdict(boolean passed, String reason) {

    static MentoringVerdict of(Criterion c, BigDecimal value, long samples, LocalDate from, LocalDate to) {
        String window = " over " + from + " to " + to;
        if (value == null) {
            return new MentoringVerdict(false, "no " + c.metricCode() + " figure" + window
                    + ": the criterion cannot hold");
        }
        String figure = c.metricCode() + " " + PlainNumbers.text(value) + window + " (" + samples + " samples): ";
        if (c.atLeast() != null && value.compareTo(c.atLeast()) < 0) {
            return new MentoringVerdict(false, figure + "below " + PlainNumbers.text(c.atLeast()));
        }
        if (c.atMost() != null && value.compareTo(c.atMost()) > 0) {
            return new MentoringVerdict(false, figure + "above " + PlainNumbers.text(c.atMost()));
        }
        String bounds = (c.atLeast() != null ? "at least " + PlainNumbers.text(c.atLeast()) : "")
                + (c.atLeast() != null && c.atMost() != null ? " and " : "")
                + (c.atMost() != null ? "at most " + PlainNumbers.text(c.atMost()) : "");
        return new MentoringVerdict(true, figure + bounds + " holds");
    }
}
