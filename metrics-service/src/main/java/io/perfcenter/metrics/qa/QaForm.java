package io.perfcenter.metrics.qa;

import io.perfcenter.metrics.qa.QaFormPayloads.Section;
import io.perfcenter.metrics.web.EntityTags;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** One version of a QA form; versions are never changed, a retirement marks every version of the code. */
@Entity
@Table(name = "qa_form")
@IdClass(QaForm.Key.class)
public class QaForm extends PanacheEntityBase {

    /** The primary key: code and version. */
    public record Key(String code, int version) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public String code;
    @Id
    public int version;
    public String name;
    public String description;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Section> sections;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "retired_at")
    public OffsetDateTime retiredAt;
    @Column(name = "retired_by")
    public String retiredBy;

    /** {@code "3"}: version 3 is the latest; {@code "3-retired"}: and the form is retired. */
    public String entityTag() {
        return EntityTags.of(version, retiredAt != null);
    }

    public static Optional<QaForm> latest(String code) {
        return QaForm.<QaForm>find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public static Optional<QaForm> version(String code, int version) {
        return QaForm.<QaForm>find("code = ?1 and version = ?2", code, version).firstResultOptional();
    }

    /** The latest version of each code, by code; retired forms only when asked. */
    public static List<QaForm> latestVersions(boolean includeRetired) {
        return QaForm.<QaForm>find("from QaForm q where q.version = (select max(f.version) from QaForm f "
                + "where f.code = q.code)" + (includeRetired ? "" : " and q.retiredAt is null") + " order by q.code")
                .list();
    }
}
