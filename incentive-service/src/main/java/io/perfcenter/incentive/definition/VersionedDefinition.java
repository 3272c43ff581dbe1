package io.perfcenter.incentive.definition;

import io.perfcenter.incentive.store.Json;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;

/**
 * One immutable version of a definition HR writes as JSON (an honor award, a career ladder): code, version, name
 * and the definition itself, stored in a jsonb column and read back once per entity.
 */
@MappedSuperclass
public abstract class VersionedDefinition<T> extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    public int version;
    public String name;
    @Column(name = "definition", columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String definitionJson;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Transient
    private T definition;

    protected abstract Class<T> definitionType();

    public T definition() {
        if (definition == null) {
            definition = Json.read(definitionJson, definitionType());
        }
        return definition;
    }

    public void setDefinition(T definition) {
        this.definition = definition;
        this.definitionJson = Json.write(definition);
    }
}
