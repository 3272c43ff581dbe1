package io.perfcenter.incentive.honor;

import io.perfcenter.incentive.definition.VersionedDefinition;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** One version of an honor award's definition; versions are never changed and runs name the one they used. */
@Entity
@Table(name = "honor_award")
public class HonorAward extends VersionedDefinition<AwardPayloads.AwardInput> {

    public String cadence;
    /** When the code was retired (all its versions at once); null while it is in use. */
    @jakarta.persistence.Column(name = "retired_at")
    public java.time.OffsetDateTime retiredAt;
    @jakarta.persistence.Column(name = "retired_by")
    public String retiredBy;

    /** The entity tag of this version: its number, and whether the code is retired. */
    public String entityTag() {
        return io.perfcenter.incentive.web.EntityTags.of(version, retiredAt != null);
    }

    @Override
    protected Class<AwardPayloads.AwardInput> definitionType() {
        return AwardPayloads.AwardInput.class;
    }

    public static Optional<HonorAward> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public static List<HonorAward> latestVersions(boolean includeRetired) {
        return list("""
                FROM HonorAward a
                WHERE a.version = (SELECT max(b.version) FROM HonorAward b WHERE b.code = a.code)
                """ + (includeRetired ? "" : "AND a.retiredAt IS NULL ") + "ORDER BY a.code");
    }
}
