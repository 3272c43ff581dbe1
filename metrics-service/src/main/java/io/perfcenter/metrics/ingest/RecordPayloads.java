package io.perfcenter.metrics.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The shapes of the records each upload endpoint takes, for the OpenAPI document. The same field names are the
 * columns of a CSV upload (header row) and the keys of an NDJSON line. Every record also carries sourceSystem,
 * externalId, employeeId and optionally revision (see {@link ValueRecord}). Timestamps without an offset are in
 * the service's time zone. What the uploads read is {@link RecordKind}; RecordPayloadsTests checks that each
 * upload's documented record names exactly its kind's fields, with their types, required ones and choices.
 */
public final class RecordPayloads {

    private RecordPayloads() {
    }

    @Schema(name = "CallRecord", description = "A call or contact handled by an agent")
    public record CallRecord(
            @Schema(required = true, examples = "acd") String sourceSystem,
            @Schema(required = true, examples = "call-778812") String externalId,
            @Schema(examples = "1") Integer revision,
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, examples = "2026-10-08T09:31:05+08:00") OffsetDateTime startedAt,
            @Schema(required = true, examples = "312") Integer talkSeconds,
            @Schema(examples = "20") Integer holdSeconds,
            @Schema(examples = "45") Integer wrapSeconds,
            @Schema(enumeration = {"INBOUND", "OUTBOUND"}, examples = "INBOUND") String direction,
            @Schema(enumeration = {"PHONE", "CHAT", "EMAIL", "VIDEO", "SOCIAL", "OTHER"}, examples = "PHONE")
            String channel,
            @Schema(examples = "true") Boolean resolvedFirstContact,
            @Schema(examples = "false") Boolean transferred,
            @Schema(description = "The same customer's issue came back (repeat of an earlier contact)",
                    examples = "false") Boolean repeatContact) {
    }

    @Schema(name = "TicketRecord", description = "A ticket (工单) an agent owns")
    public record TicketRecord(
            @Schema(required = true, examples = "crm") String sourceSystem,
            @Schema(required = true, examples = "T-99812") String externalId,
            Integer revision,
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, examples = "2026-10-08T10:00:00+08:00") OffsetDateTime openedAt,
            @Schema(examples = "2026-10-09T16:30:00+08:00") OffsetDateTime closedAt,
            @Schema(examples = "8.5") BigDecimal firstResponseMinutes,
            @Schema(examples = "false") Boolean escalated,
            @Schema(examples = "logistics-query") String category) {
    }

    @Schema(name = "SurveyRecord", description = "A customer's survey answer about a contact with the agent")
    public record SurveyRecord(
            @Schema(required = true, examples = "survey") String sourceSystem,
            @Schema(required = true, examples = "S-1203") String externalId,
            Integer revision,
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, examples = "2026-10-08T11:00:00+08:00") OffsetDateTime answeredAt,
            @Schema(description = "1-5", examples = "5") Integer csat,
            @Schema(description = "0-10", examples = "9") Integer nps,
            @Schema(description = "false for ratings the customer gave unasked", examples = "true")
            Boolean solicited) {
    }

    @Schema(name = "QaEvaluationRecord", description = "A QA specialist's evaluation of a recorded contact (通话质检)")
    public record QaEvaluationRecord(
            @Schema(required = true, examples = "qa") String sourceSystem,
            @Schema(required = true, examples = "QA-2026-10-0042") String externalId,
            Integer revision,
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, examples = "Q1") String evaluatorId,
            @Schema(required = true, examples = "2026-10-09") LocalDate evaluatedOn,
            @Schema(description = "0-100; required unless the evaluation names a QA form, which then scores it (a "
                    + "score sent along must equal the form's)", examples = "96.5") BigDecimal score,
            @Schema(description = "The answers. Without a form: free JSON, kept as sent. With a form: every item of "
                    + "the form by code, e.g. {\"greeting\":2,\"risk_disclosure\":\"yes\",\"hold\":\"n/a\"} "
                    + "or [{\"code\":\"greeting\",\"value\":2}]; a SCALE item 0..scaleMax, a YES_NO item yes/no, "
                    + "n/a only where the item allows it")
            JsonNode items,
            @Schema(examples = "call-778812") String contactExternalId,
            @Schema(description = "The QA form that checks and scores the items (with formVersion)",
                    examples = "CALL_QA") String formCode,
            @Schema(description = "The form's version (with formCode)", examples = "1") Integer formVersion) {
    }

    @Schema(name = "AdherenceRecord", description = "An agent's day against their schedule (WFM)")
    public record AdherenceRecord(
            @Schema(required = true, examples = "wfm") String sourceSystem,
            @Schema(required = true, examples = "ADH-E2001-2026-10-08") String externalId,
            Integer revision,
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, examples = "2026-10-08") LocalDate date,
            @Schema(required = true, examples = "480") Integer scheduledMinutes,
            @Schema(required = true, examples = "452") Integer adherentMinutes,
            @Schema(examples = "470") Integer loggedInMinutes,
            @Schema(description = "Minutes spent handling contacts, for occupancy", examples = "390")
            Integer handlingMinutes,
            @Schema(examples = "false") Boolean absent) {
    }

    @Schema(name = "IncidentRecord", description = "An error, rule violation, complaint or commendation")
    public record IncidentRecord(
            @Schema(required = true, examples = "crm") String sourceSystem,
            @Schema(required = true, examples = "INC-311") String externalId,
            Integer revision,
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, examples = "2026-10-08T14:12:00+08:00") OffsetDateTime occurredAt,
            @Schema(required = true, enumeration = {"ERROR", "RULE_VIOLATION", "COMMENDATION", "COMPLAINT"},
                    examples = "ERROR") String kind,
            @Schema(examples = "-0.5") BigDecimal points,
            @Schema(examples = "wrong address in order") String note) {
    }

    @Schema(name = "SaleRecord", description = "A sale closed by the agent")
    public record SaleRecord(
            @Schema(required = true, examples = "crm") String sourceSystem,
            @Schema(required = true, examples = "ORD-55120") String externalId,
            Integer revision,
            @Schema(required = true, examples = "E2001") String employeeId,
            @Schema(required = true, examples = "2026-10-08T15:00:00+08:00") OffsetDateTime soldAt,
            @Schema(required = true, examples = "1299.00") BigDecimal amount,
            @Schema(examples = "CNY") String currency) {
    }

    @Schema(name = "ReplacedRevision", description = "A version of a record that a newer revision replaced")
    public record ReplacedRevision(
            @Schema(examples = "calls") String kind,
            @Schema(examples = "acd") String sourceSystem,
            @Schema(examples = "call-778812") String externalId,
            @Schema(examples = "1") int revision,
            @Schema(examples = "E2001") String employeeId,
            @Schema(description = "The stored row as it was (column names)") JsonNode content,
            @Schema(examples = "2") int replacedByRevision,
            OffsetDateTime replacedAt) {
    }
}
