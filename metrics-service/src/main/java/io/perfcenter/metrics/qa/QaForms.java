package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.metrics.qa.QaFormPayloads.Section;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The QA forms an upload of evaluations is checked against, read once at its start on the upload's own connection
 * (forms are few; the connection is busy with COPY later on). Answers per evaluation which version scores it, or why
 * none does.
 */
public final class QaForms {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, Map<Integer, QaForm>> byCode;

    private QaForms(Map<String, Map<Integer, QaForm>> byCode) {
        this.byCode = byCode;
    }

    public static QaForms load(Connection c) throws SQLException {
        Map<String, Map<Integer, QaForm>> forms = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT code, version, name, sections::text, retired_at, "
                + "retired_by FROM qa_form"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                QaForm f = new QaForm();
                f.code = rs.getString(1);
                f.version = rs.getInt(2);
                f.name = rs.getString(3);
                try {
                    f.sections = JSON.readValue(rs.getString(4), new TypeReference<List<Section>>() {
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException("QA form " + f.code + " v" + f.version + " cannot be read", e);
                }
                f.retiredAt = rs.getObject(5, OffsetDateTime.class);
                f.retiredBy = rs.getString(6);
                forms.computeIfAbsent(f.code, k -> new HashMap<>()).put(f.version, f);
            }
        }
        return new QaForms(forms);
    }

    /** The form version that scores an evaluation naming it, or a refusal naming formCode or formVersion. */
    public QaForm scoring(String code, int version) throws QaFormScoring.Refused {
        Map<Integer, QaForm> versions = byCode.get(code);
        if (versions == null) {
            throw new QaFormScoring.Refused("formCode", "no QA form " + code + " is defined");
        }
        QaForm form = versions.get(version);
        if (form == null) {
            throw new QaFormScoring.Refused("formVersion", "QA form " + code + " has no version " + version
                    + " (versions 1 to " + versions.size() + ")");
        }
        if (form.retiredAt != null) {
            throw new QaFormScoring.Refused("formCode", "QA form " + code + " was retired on "
                    + form.retiredAt.toLocalDate() + "; it scores no new evaluation");
        }
        return form;
    }
}
