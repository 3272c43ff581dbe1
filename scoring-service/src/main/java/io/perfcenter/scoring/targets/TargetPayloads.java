package io.perfcenter.scoring.targets;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Request and response bodies of targets. */
public final class TargetPayloads {

    private TargetPayloads() {
    }

    @Schema(name = "TargetInput", description = "A target for a metric on a unit (center, team, group) or an agent; "
            + "setting it again replaces the value")
    public record TargetInput(
            @Schema(required = true, examples = "csat") String metricCode,
            @Schema(description = "Unit the target is set on; name exactly one of unitCode and employeeId",
                    examples = "G-EAST-1") String unitCode,
            @Schema(description = "Agent the target is set on", examples = "E2001") String employeeId,
            @Schema(description = "Period code it applies to (2026-10, 2026-Q4, 2026); none: every period",
                    examples = "2026-10") String period,
            @Schema(required = true, description = "Above 0", examples = "0.9") BigDecimal value) {
    }

    @Schema(name = "Target")
    public record TargetView(long id, String metricCode, Target.ScopeKind scopeKind,
                             @Schema(examples = "G-EAST-1") String scopeCode,
                             @Schema(description = "* = every period", examples = "2026-10") String period,
                             BigDecimal value, String setBy, OffsetDateTime setAt) {

        static TargetView of(Target t) {
            return new TargetView(t.id, t.metricCode, t.scopeKind, t.scopeCode, t.period, t.value, t.setBy, t.setAt);
        }
    }
}
