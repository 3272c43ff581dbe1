package io.perfcenter.metrics.ingest;

import io.perfcenter.metrics.ingest.IngestReport.RowError;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Stores pushed metric values idempotently: one multi-row upsert keyed by (source system, external id). */
@ApplicationScoped
public class ValueIngestion {

    private static final String UPSERT = """
            INSERT INTO metric_value (source_system, external_id, employee_id, metric_code, value_date, value,
                                              revision)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::numeric[], ?::int[])
            ON CONFLICT (source_system, external_id) DO UPDATE
               SET employee_id = excluded.employee_id, metric_code = excluded.metric_code,
                   value_date = excluded.value_date, value = excluded.value, revision = excluded.revision,
                   received_at = now()
             WHERE metric_value.revision < excluded.revision
            RETURNING 1""";

    private final AgroalDataSource dataSource;

    ValueIngestion(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public IngestReport ingest(List<ValueRecord> records) {
        try (Connection c = dataSource.getConnection()) {
            List<RowError> errors = new ArrayList<>();
            List<ValueRecord> valid = validate(c, records, errors);
            int stored = upsert(c, valid);
            return new IngestReport(stored, valid.size() - stored, records.size() - valid.size(), errors);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store metric values", e);
        }
    }

    private List<ValueRecord> validate(Connection c, List<ValueRecord> records, List<RowError> errors)
            throws SQLException {
        Set<String> agents = existing(c, "SELECT employee_id FROM agent WHERE employee_id = ANY(?)",
                records.stream().map(ValueRecord::employeeId).filter(java.util.Objects::nonNull).distinct().toList());
        Set<String> metrics = existing(c, "SELECT code FROM metric_definition WHERE code = ANY(?)",
                records.stream().map(ValueRecord::metricCode).filter(java.util.Objects::nonNull).distinct().toList());
        Set<String> keysInUpload = new HashSet<>();
        List<ValueRecord> valid = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ValueRecord r = records.get(i);
            int row = i + 1;
            String error = null;
            String field = null;
            if (r == null) {
                field = "row";
                error = "is empty";
            } else if (blank(r.sourceSystem())) {
                field = "sourceSystem";
                error = "is required";
            } else if (blank(r.externalId())) {
                field = "externalId";
                error = "is required";
            } else if (blank(r.employeeId()) || !agents.contains(r.employeeId())) {
                field = "employeeId";
                error = blank(r.employeeId()) ? "is required" : "no agent " + r.employeeId() + " is registered";
            } else if (blank(r.metricCode()) || !metrics.contains(r.metricCode())) {
                field = "metricCode";
                error = blank(r.metricCode()) ? "is required" : "no metric " + r.metricCode() + " in the catalog";
            } else if (r.date() == null) {
                field = "date";
                error = "is required";
            } else if (r.value() == null) {
                field = "value";
                error = "is required";
            } else if (r.revision() != null && r.revision() < 1) {
                field = "revision";
                error = "must be 1 or more";
            } else if (!keysInUpload.add(r.sourceSystem() + '\u0000' + r.externalId())) {
                field = "externalId";
                error = "appears twice in this upload";
            }
            if (error != null) {
                errors.add(new RowError(row, field, error));
            } else {
                valid.add(r);
            }
        }
        return valid;
    }

    private int upsert(Connection c, List<ValueRecord> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement st = c.prepareStatement(UPSERT)) {
            st.setArray(1, c.createArrayOf("text", rows.stream().map(ValueRecord::sourceSystem).toArray()));
            st.setArray(2, c.createArrayOf("text", rows.stream().map(ValueRecord::externalId).toArray()));
            st.setArray(3, c.createArrayOf("text", rows.stream().map(ValueRecord::employeeId).toArray()));
            st.setArray(4, c.createArrayOf("text", rows.stream().map(ValueRecord::metricCode).toArray()));
            st.setArray(5, c.createArrayOf("date", rows.stream().map(r -> Date.valueOf(r.date())).toArray()));
            st.setArray(6, c.createArrayOf("numeric", rows.stream().map(ValueRecord::value).toArray()));
            st.setArray(7, c.createArrayOf("int4",
                    rows.stream().map(r -> r.revision() == null ? 1 : r.revision()).toArray()));
            int stored = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stored++;
                }
            }
            return stored;
        }
    }

    private static Set<String> existing(Connection c, String sql, List<String> keys) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
