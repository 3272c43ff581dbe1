package io.perfcenter.scoring.audit;

import io.perfcenter.scoring.web.Languages;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** The audit trail as the API shows it. */
public final class AuditPayloads {

    private AuditPayloads() {
    }

    @Schema(name = "AuditEvent", description = "Who did what, when")
    public record EventView(@Schema(examples = "RUN_PUBLISHED") String action,
                            @Schema(nullable = true, description = "Who did it; left out of a peer's rating when the "
                                    + "rated agent reads their scorecard's trail (peer raters are anonymous to the "
                                    + "ratee)", examples = "H1001") String actor,
                            OffsetDateTime at,
                            Long runId, Long scorecardId, Long appealId,
                            @Schema(description = "What the service wrote about it, in the language of "
                                    + "Accept-Language (any zh: Simplified Chinese, else English; Content-Language "
                                    + "says which); a reason someone wrote is shown as written; English for events "
                                    + "recorded before the Chinese was kept",
                                    examples = "revision 2 of SEAT-MONTHLY for G-EAST-1, 2026-10") String detail) {

        public static EventView of(AuditEvent e) {
            return new EventView(e.action, e.actor, e.at, e.runId, e.scorecardId, e.appealId,
                    Languages.explain(e.detail, e.detailZh));
        }

        /** The event without its actor (a peer's rating, as the rated agent reads it). */
        public static EventView anonymous(AuditEvent e) {
            return new EventView(e.action, null, e.at, e.runId, e.scorecardId, e.appealId,
                    Languages.explain(e.detail, e.detailZh));
        }
    }
}
