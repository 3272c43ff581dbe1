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

    @Override
    protected Class<AwardPayloads.AwardInput> definitionType() {
        return AwardPayloads.AwardInput.class;
    }

    public static Optional<HonorAward> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public static List<HonorAward> latestVersions() {
        return list("""
                FROM HonorAward a
                WHERE a.version = (SELECT max(b.version) FROM HonorAward b WHERE b.code = a.code)
                ORDER BY a.code""");
    }
}
