package io.perfcenter.metrics.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.metrics.ingest.RecordPayloads.ReplacedRevision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads the audit trail the record tables' triggers write whenever a newer revision replaces a stored one. */
@ApplicationScoped
public class RevisionTrail {

    private final EntityManager em;
    private final ObjectMapper json;

    RevisionTrail(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    private static final String MATCHING = """
            FROM record_revision
            WHERE (CAST(:source AS text) IS NULL OR source_system = :source)
              AND (CAST(:external AS text) IS NULL OR external_id = :external)
              AND (CAST(:employee AS text) IS NULL OR employee_id = :employee)""";

    /** The replaced versions matching, newest first (id breaks ties), {@code limit} of them from {@code offset}. */
    @SuppressWarnings("unchecked")
    public List<ReplacedRevision> list(String sourceSystem, String externalId, String employeeId, int limit,
                                       int offset) {
        List<Object[]> rows = bind(em.createNativeQuery("""
                SELECT record_kind, source_system, external_id, revision, employee_id, content::text,
                       replaced_by_revision, replaced_at
                """ + MATCHING + """

                ORDER BY replaced_at DESC, id DESC
                LIMIT :limit OFFSET :offset"""), sourceSystem, externalId, employeeId)
                .setParameter("limit", limit).setParameter("offset", offset)
                .getResultList();
        return rows.stream().map(r -> new ReplacedRevision((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), (String) r[4], tree((String) r[5]), ((Number) r[6]).intValue(),
                timestamp(r[7]))).toList();
    }

    /** How many replaced versions match, for paging. */
    public long count(String sourceSystem, String externalId, String employeeId) {
        return ((Number) bind(em.createNativeQuery("SELECT count(*) " + MATCHING), sourceSystem, externalId,
                employeeId).getSingleResult()).longValue();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, String sourceSystem,
                                                  String externalId, String employeeId) {
        return query.setParameter("source", sourceSystem).setParameter("external", externalId)
                .setParameter("employee", employeeId);
    }

    private com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable audit content", e);
        }
    }

    private static OffsetDateTime timestamp(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
