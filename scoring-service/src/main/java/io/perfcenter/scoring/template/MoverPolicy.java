package io.perfcenter.scoring.template;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Which one unit's run scores an agent who changed units during the period; metrics-service's org directory applies
 * it (GET /org/units/{code}/assignments), scoring only names it.
 */
@Schema(name = "MoverPolicy", description = "MOST_DAYS: the unit with the most days of the period (a tie goes to "
        + "the later unit); PERIOD_END: the unit on the period's last day (a leaver: their last unit)")
public enum MoverPolicy {
    MOST_DAYS,
    PERIOD_END
}
