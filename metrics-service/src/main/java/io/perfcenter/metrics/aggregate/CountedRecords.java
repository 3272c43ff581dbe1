package io.perfcenter.metrics.aggregate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.perfcenter.metrics.aggregate.AggregatePayloads.CountedRecord;
import io.perfcenter.metrics.aggregate.AggregatePayloads.Part;
import io.perfcenter.metrics.catalog.Derivation;
import io.perfcenter.metrics.catalog.Derivation.Measure;
import io.perfcenter.metrics.catalog.DerivationSql;
import io.perfcenter.metrics.catalog.MetricDefinition;
import io.perfcenter.metrics.ingest.FieldType;
import io.perfcenter.metrics.ingest.RecordField;
import io.perfcenter.metrics.ingest.RecordKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records behind an agent's figure of a metric: the stored revision of every raw record its derivation counts —
 * each record kind its numerator, subtracted part and denominator read, with their {@code where} conditions (and, for
 * sums, the summed fields set) — and the pushed values of the metric that count (a derived metric's only on the
 * agent-days without records of its numerator's kind, as {@link PushedFigures} has it). Scoped like the aggregates:
 * with {@code within} (the units a leader sees the agent through) only the days the agent belonged to one of them
 * ({@link MemberWindows}). One query, all kinds together, ordered by day, kind, source system and external id.
 */
@ApplicationScoped
public class CountedRecords {

    /** Columns that are the record's identity or its day: answered as their own properties, not among its fields. */
    private static final java.util.Set<String> OWN_PROPERTIES = java.util.Set.of("source_system", "external_id",
            "revision", "employee_id", "activity_date", "value_date", "received_at");

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final ZoneId zone;

    CountedRecords(AgroalDataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.zone = clock.getZone();
    }

    /** A page of the records ({@code limit} from {@code offset}) and how many there are in all. */
    public record Listing(List<CountedRecord> rows, long total) {
    }

    public Listing list(MetricDefinition metric, String employeeId, List<String> within, LocalDate from, LocalDate to,
                        int limit, int offset) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                MemberWindows windows = within == null ? null : MemberWindows.of(c,
                        new AggregateScope.AgentsIn(List.of(employeeId), within), from, to);
                SqlQuery all = union(metric, employeeId, windows, from, to);
                long total;
                try (PreparedStatement st = new SqlQuery().append("SELECT count(*) FROM (").append(all)
                        .append(") t").prepare(c); ResultSet rs = st.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
                List<CountedRecord> rows = new ArrayList<>();
                SqlQuery page = new SqlQuery().append("SELECT * FROM (").append(all)
                        .append(") t ORDER BY day, kind_order, source_system, external_id, part_key LIMIT "
                                + limit + " OFFSET " + offset);
                try (PreparedStatement st = page.prepare(c); ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                }
                return new Listing(rows, total);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the records behind " + metric.code + " failed", e);
        }
    }

    /**
     * Every counted record of the metric as rows (kind, kind_order, source_system, external_id, part_key, revision,
     * day, content, parts), one SELECT per record kind and one for the pushed values, joined by UNION ALL.
     */
    static SqlQuery union(MetricDefinition metric, String employeeId, MemberWindows windows, LocalDate from,
                          LocalDate to) {
        Map<RecordKind, Map<Part, Measure>> byKind = new EnumMap<>(RecordKind.class);
        Derivation d = metric.derivation;
        if (d != null) {
            add(byKind, Part.NUMERATOR, d.numerator());
            add(byKind, Part.SUBTRACT, d.subtract());
            add(byKind, Part.DENOMINATOR, d.denominator());
        }
        String range = " BETWEEN DATE '" + from + "' AND DATE '" + to + "' ";
        SqlQuery sql = new SqlQuery();
        byKind.forEach((kind, parts) -> {
            List<String> tests = new ArrayList<>();
            StringBuilder select = new StringBuilder("SELECT '" + kind.path() + "' AS kind, " + kind.ordinal()
                    + " AS kind_order, r.source_system, r.external_id, "
                    + (kind == RecordKind.QA_ITEMS ? "r.item_code" : "''") + " AS part_key, r.revision, "
                    + "r.activity_date AS day, to_jsonb(r)::text AS content");
            for (Part part : List.of(Part.NUMERATOR, Part.SUBTRACT, Part.DENOMINATOR)) {
                Measure m = parts.get(part);
                String test = m == null ? "FALSE" : "(" + DerivationSql.contribution(m) + ")";
                select.append(", ").append(test).append(" AS in_").append(part.name().toLowerCase());
                if (m != null) {
                    tests.add(test);
                }
            }
            select.append(", FALSE AS in_value FROM ").append(kind.table()).append(" r ");
            if (!sql.sql().isEmpty()) {
                sql.append(" UNION ALL ");
            }
            sql.append(select.toString())
                    .append(MemberWindows.join(windows, "r", "activity_date"))
                    .append("WHERE r.employee_id = ? AND r.activity_date" + range + "AND (" + String.join(" OR ",
                            tests) + ")", employeeId);
        });
        if (!sql.sql().isEmpty()) {
            sql.append(" UNION ALL ");
        }
        sql.append("SELECT 'values' AS kind, " + RecordKind.VALUES.ordinal() + " AS kind_order, v.source_system, "
                + "v.external_id, '' AS part_key, v.revision, v.value_date AS day, to_jsonb(v)::text AS content, "
                + "FALSE, FALSE, FALSE, TRUE FROM metric_value v ")
                .append(MemberWindows.join(windows, "v", "value_date"))
                .append("WHERE v.employee_id = ? AND v.metric_code = ? AND v.value_date" + range, employeeId,
                        metric.code);
        if (d != null) {
            // a derived metric's pushed value stands only on an agent-day without records of its numerator's kind
            RecordKind numerator = DerivationSql.kind(d.numerator(), "derivation.numerator");
            sql.append("AND NOT EXISTS (SELECT 1 FROM " + numerator.table() + " x WHERE x.employee_id = v.employee_id "
                    + "AND x.activity_date = v.value_date)");
        }
        return sql;
    }

    private static void add(Map<RecordKind, Map<Part, Measure>> byKind, Part part, Measure m) {
        if (m != null) {
            byKind.computeIfAbsent(DerivationSql.kind(m, "derivation"), k -> new EnumMap<>(Part.class)).put(part, m);
        }
    }

    private CountedRecord row(ResultSet rs) throws SQLException {
        RecordKind kind = RecordKind.byPath(rs.getString("kind")).orElseThrow();
        List<Part> parts = new ArrayList<>();
        for (Part part : Part.values()) {
            if (rs.getBoolean("in_" + part.name().toLowerCase())) {
                parts.add(part);
            }
        }
        return new CountedRecord(kind.path(), rs.getString("source_system"), rs.getString("external_id"),
                rs.getInt("revision"), rs.getObject("day", LocalDate.class), fields(kind, rs.getString("content")),
                parts);
    }

    /** The stored row's fields under their API names, timestamps in the center's zone. */
    private ObjectNode fields(RecordKind kind, String content) {
        JsonNode row;
        try {
            row = json.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable record row", e);
        }
        Map<String, RecordField> byColumn = new LinkedHashMap<>();
        kind.allFields().forEach(f -> byColumn.putIfAbsent(f.column(), f));
        ObjectNode out = json.createObjectNode();
        byColumn.forEach((column, f) -> {
            if (OWN_PROPERTIES.contains(column) || !row.has(column)) {
                return;
            }
            JsonNode value = row.get(column);
            if (f.type() == FieldType.TIMESTAMP && value.isTextual()) {
                out.put(f.name(), OffsetDateTime.parse(value.asText()).atZoneSameInstant(zone).toOffsetDateTime()
                        .toString());
            } else {
                out.set(f.name(), value);
            }
        });
        return out;
    }
}
