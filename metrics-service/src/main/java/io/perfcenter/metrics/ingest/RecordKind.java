package io.perfcenter.metrics.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static io.perfcenter.metrics.ingest.RecordField.bool;
import static io.perfcenter.metrics.ingest.RecordField.choice;
import static io.perfcenter.metrics.ingest.RecordField.code;
import static io.perfcenter.metrics.ingest.RecordField.date;
import static io.perfcenter.metrics.ingest.RecordField.decimal;
import static io.perfcenter.metrics.ingest.RecordField.integer;
import static io.perfcenter.metrics.ingest.RecordField.json;
import static io.perfcenter.metrics.ingest.RecordField.text;
import static io.perfcenter.metrics.ingest.RecordField.timestamp;

/**
 * The kinds of record systems push, each with its table, its fields (the same names in JSON and CSV) and the columns
 * computed from them. This is also the fixed vocabulary derivations in the catalog may use: a derivation names a
 * kind and its fields, never SQL.
 */
public enum RecordKind {

    CALLS("calls", "call_record", List.of(
            timestamp("startedAt", "started_at", true),
            integer("talkSeconds", "talk_seconds", true, null, 0, 86_400),
            integer("holdSeconds", "hold_seconds", false, 0, 0, 86_400),
            integer("wrapSeconds", "wrap_seconds", false, 0, 0, 86_400),
            choice("direction", "direction", false, "INBOUND", "INBOUND", "OUTBOUND"),
            choice("channel", "channel", false, "PHONE", "PHONE", "CHAT", "EMAIL", "VIDEO", "SOCIAL", "OTHER"),
            bool("resolvedFirstContact", "resolved_first_contact", false),
            bool("transferred", "transferred", false),
            bool("repeatContact", "repeat_contact", false)),
            List.of(activityDate()),
            (f, v) -> new Object[]{day(v[f.index("startedAt")])}),

    TICKETS("tickets", "ticket_record", List.of(
            timestamp("openedAt", "opened_at", true),
            timestamp("closedAt", "closed_at", false),
            decimal("firstResponseMinutes", "first_response_minutes", false, BigDecimal.ZERO, BigDecimal.valueOf(1_000_000)),
            bool("escalated", "escalated", false),
            text("category", "category", false)),
            List.of(activityDate(),
                    decimal("handlingHours", "handling_hours", false, null, null),
                    bool("closedWithin3Days", "closed_within_3_days", false)),
            (f, v) -> {
                Moment opened = (Moment) v[f.index("openedAt")];
                Moment closed = (Moment) v[f.index("closedAt")];
                if (closed == null) {
                    return new Object[]{opened.day(), null, false};
                }
                long open = closed.epochSecond() - opened.epochSecond();
                if (open < 0) {
                    throw new RowInvalid("closedAt", "must not be before openedAt");
                }
                BigDecimal hours = BigDecimal.valueOf(open).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);
                return new Object[]{opened.day(), hours, open <= Duration.ofDays(3).getSeconds()};
            }),

    SURVEYS("surveys", "survey_record", List.of(
            timestamp("answeredAt", "answered_at", true),
            integer("csat", "csat", false, null, 1, 5),
            integer("nps", "nps", false, null, 0, 10),
            bool("solicited", "solicited", true)),
            List.of(activityDate()),
            (f, v) -> {
                if (v[f.index("csat")] == null && v[f.index("nps")] == null) {
                    throw new RowInvalid("csat", "give csat (1-5), nps (0-10) or both");
                }
                return new Object[]{day(v[f.index("answeredAt")])};
            }),

    /**
     * An evaluation either gives its score (and free items, kept as sent: the behaviour before QA forms) or names a
     * QA form version by formCode and formVersion; then its items are checked and scored by the form
     * ({@code io.perfcenter.metrics.qa.QaFormScoring}, called by the upload), which fills score, itemResults and
     * criticalItem.
     */
    QA_EVALUATIONS("qa-evaluations", "qa_evaluation", List.of(
            text("evaluatorId", "evaluator_id", true),
            date("evaluatedOn", "activity_date"),
            decimal("score", "score", false, BigDecimal.ZERO, BigDecimal.valueOf(100)),
            json("items", "items"),
            text("contactExternalId", "contact_external_id", false),
            code("formCode", "form_code", false),
            integer("formVersion", "form_version", false, null, 1, Integer.MAX_VALUE)),
            List.of(json("itemResults", "item_results"), code("criticalItem", "critical_item", false)),
            (f, v) -> {
                boolean form = v[f.index("formCode")] != null;
                if (!form && v[f.index("formVersion")] != null) {
                    throw new RowInvalid("formCode", "is required with formVersion");
                }
                if (form && v[f.index("formVersion")] == null) {
                    throw new RowInvalid("formVersion", "is required with formCode");
                }
                if (!form && v[f.index("score")] == null) {
                    throw new RowInvalid("score", "is required unless the evaluation names a QA form (formCode, "
                            + "formVersion) that scores it");
                }
                // filled by the form's scoring
                return new Object[]{null, null};
            }),

    /**
     * The items of form-scored QA evaluations, one row each, kept by the database from the evaluations (never
     * uploaded): the vocabulary of per-item metrics, e.g. greeting compliance = items with itemCode greeting passed
     * over those not N/A.
     */
    QA_ITEMS("qa-items", "qa_item_result", List.of(
            date("evaluatedOn", "activity_date"),
            code("formCode", "form_code", true),
            integer("formVersion", "form_version", true, null, 1, Integer.MAX_VALUE),
            code("sectionCode", "section_code", true),
            code("itemCode", "item_code", true),
            bool("notApplicable", "not_applicable", false),
            bool("passed", "passed", false),
            bool("critical", "critical", false),
            decimal("points", "points", false, null, null),
            decimal("maxPoints", "max_points", false, null, null)),
            List.of(), null, false),

    /**
     * Finished mentorships (table {@code mentorship}, written by {@code io.perfcenter.metrics.org.MentoringService},
     * never uploaded), counted for the mentor on the day the mentorship ended: the vocabulary of
     * mentoring_pass_rate = passed / not withdrawn. A running mentorship has no day and counts nowhere.
     */
    MENTORSHIPS("mentorships", "mentorship", List.of(
            date("endedOn", "activity_date"),
            code("menteeId", "mentee_id", true),
            code("metricCode", "metric_code", true),
            bool("passed", "passed", false),
            bool("withdrawn", "withdrawn", false),
            decimal("value", "value", false, null, null)),
            List.of(), null, false),

    ADHERENCE("adherence", "schedule_record", List.of(
            date("date", "activity_date"),
            integer("scheduledMinutes", "scheduled_minutes", true, null, 0, 1440),
            integer("adherentMinutes", "adherent_minutes", true, null, 0, 1440),
            integer("loggedInMinutes", "logged_in_minutes", false, null, 0, 1440),
            integer("handlingMinutes", "handling_minutes", false, null, 0, 1440),
            bool("absent", "absent", false)),
            List.of(),
            (f, v) -> {
                if ((Integer) v[f.index("adherentMinutes")] > (Integer) v[f.index("scheduledMinutes")]) {
                    throw new RowInvalid("adherentMinutes", "must not exceed scheduledMinutes");
                }
                return new Object[0];
            }),

    INCIDENTS("incidents", "incident_record", List.of(
            timestamp("occurredAt", "occurred_at", true),
            choice("kind", "kind", true, null, "ERROR", "RULE_VIOLATION", "COMMENDATION", "COMPLAINT"),
            decimal("points", "points", false, BigDecimal.valueOf(-1000), BigDecimal.valueOf(1000)),
            new RecordField("note", "note", FieldType.TEXT, false, null, null, null, List.of(), 2000)),
            List.of(activityDate()),
            (f, v) -> new Object[]{day(v[f.index("occurredAt")])}),

    SALES("sales", "sale_record", List.of(
            timestamp("soldAt", "sold_at", true),
            decimal("amount", "amount", true, BigDecimal.valueOf(-1_000_000_000), BigDecimal.valueOf(1_000_000_000)),
            new RecordField("currency", "currency", FieldType.TEXT, false, "CNY", null, null, List.of(), 3)),
            List.of(activityDate()),
            (f, v) -> new Object[]{day(v[f.index("soldAt")])}),

    /** Pre-aggregated values of a catalog metric for an agent and day, as external systems compute them. */
    VALUES("values", "metric_value", List.of(
            text("metricCode", "metric_code", true),
            date("date", "value_date"),
            decimal("value", "value", true, BigDecimal.valueOf(-1e13), BigDecimal.valueOf(1e13)),
            decimal("weight", "weight", false, new BigDecimal("0.0001"), BigDecimal.valueOf(1e13))),
            List.of(), null);

    /** Computes the derived columns of a row, or says which field makes the row invalid. */
    @FunctionalInterface
    interface Completion {
        Object[] complete(RecordKind kind, Object[] values) throws RowInvalid;
    }

    /** A row that fails a check across fields. */
    public static final class RowInvalid extends Exception {
        final String field;

        RowInvalid(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    /** The fields every record starts with; in a holder because enum constants are built before static fields. */
    private static final class Identity {
        static final List<RecordField> FIELDS = List.of(
                new RecordField("sourceSystem", "source_system", FieldType.TEXT, true, null, null, null, List.of(), 64),
                new RecordField("externalId", "external_id", FieldType.TEXT, true, null, null, null, List.of(), 200),
                integer("revision", "revision", false, 1, 1, Integer.MAX_VALUE),
                new RecordField("employeeId", "employee_id", FieldType.TEXT, true, null, null, null, List.of(), 64));
    }

    static final int SOURCE_SYSTEM = 0;
    static final int EXTERNAL_ID = 1;
    static final int REVISION = 2;
    static final int EMPLOYEE_ID = 3;

    private final String path;
    private final String table;
    private final List<RecordField> inputFields;
    private final List<RecordField> derivedFields;
    private final Completion completion;
    private final boolean uploaded;

    RecordKind(String path, String table, List<RecordField> fields, List<RecordField> derived, Completion completion) {
        this(path, table, fields, derived, completion, true);
    }

    RecordKind(String path, String table, List<RecordField> fields, List<RecordField> derived, Completion completion,
               boolean uploaded) {
        this.uploaded = uploaded;
        this.path = path;
        this.table = table;
        List<RecordField> all = new ArrayList<>(Identity.FIELDS);
        all.addAll(fields);
        this.inputFields = List.copyOf(all);
        this.derivedFields = derived;
        this.completion = completion;
    }

    private static RecordField activityDate() {
        return new RecordField("activityDate", "activity_date", FieldType.DATE, true, null, null, null, List.of(), 0);
    }

    private static LocalDate day(Object timestamp) {
        return ((Moment) timestamp).day();
    }

    /** The name of the kind in URLs, derivations and the audit trail. */
    public String path() {
        return path;
    }

    /** False for kinds the service keeps itself (qa-items, mentorships): there is no upload of them. */
    public boolean uploaded() {
        return uploaded;
    }

    public String table() {
        return table;
    }

    /**
     * Whether the kind's table is partitioned by month of {@code activity_date} (V8): every raw record kind, not the
     * pushed values. Its records' keys across all months are in {@link #keyTable()}.
     */
    public boolean partitioned() {
        return this != VALUES && uploaded;
    }

    /**
     * The kind whose rows the database keeps from this kind's records (a trigger: each item of a form-scored QA
     * evaluation is a {@code qa-items} row), so they go when a month of this kind is dropped: dropping a partition
     * fires no row trigger.
     */
    public Optional<RecordKind> derived() {
        return this == QA_EVALUATIONS ? Optional.of(QA_ITEMS) : Optional.empty();
    }

    /**
     * The table that holds one row per stored key (source system, external id) with its revision: the record table
     * itself for pushed values, {@code <table>_key} for a partitioned kind (a unique index of a partitioned table
     * must contain the day, so cannot keep a key unique across months), with the stored record's agent and day.
     */
    public String keyTable() {
        return partitioned() ? table + "_key" : table;
    }

    /** The input field the day a record counts for comes from (its own date, or the date of its timestamp). */
    public String dayField() {
        return switch (this) {
            case CALLS -> "startedAt";
            case TICKETS -> "openedAt";
            case SURVEYS -> "answeredAt";
            case QA_EVALUATIONS, QA_ITEMS -> "evaluatedOn";
            case ADHERENCE, VALUES -> "date";
            case INCIDENTS -> "occurredAt";
            case MENTORSHIPS -> "endedOn";
            case SALES -> "soldAt";
        };
    }

    /** Fields an upload may carry, in column order; the identity fields come first. */
    public List<RecordField> inputFields() {
        return inputFields;
    }

    /** Index of an input field by name, or -1. */
    public int index(String name) {
        // a dozen names: a scan beats hashing, and the parser hands over canonical (interned) names
        for (int i = 0; i < inputFields.size(); i++) {
            if (inputFields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Every column a staged row fills, in order: the input fields', then the derived ones. */
    public List<String> columns() {
        List<String> columns = new ArrayList<>();
        inputFields.forEach(f -> columns.add(f.column()));
        derivedFields.forEach(f -> columns.add(f.column()));
        return columns;
    }

    /** A field a derivation may read: an input field or a derived one. */
    public Optional<RecordField> field(String name) {
        int i = index(name);
        if (i >= 0) {
            return Optional.of(inputFields.get(i));
        }
        return derivedFields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every field of the kind (input and derived), for the catalog's documentation of derivations. */
    public List<RecordField> allFields() {
        List<RecordField> all = new ArrayList<>(inputFields);
        all.addAll(derivedFields);
        return all;
    }

    /** The full row to stage: the checked input values followed by the derived columns. */
    Object[] complete(Object[] values) throws RowInvalid {
        if (completion == null) {
            return values;
        }
        Object[] extra = completion.complete(this, values);
        if (extra.length == 0) {
            return values;
        }
        Object[] row = Arrays.copyOf(values, values.length + extra.length);
        System.arraycopy(extra, 0, row, values.length, extra.length);
        return row;
    }

    public static Optional<RecordKind> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
