package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.definition.VersionedDefinition;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Optional;

/** One version of a career ladder: positions in order and the rules of each step. Versions are never changed. */
@Entity
@Table(name = "career_ladder")
public class CareerLadder extends VersionedDefinition<LadderPayloads.LadderInput> {

    @Override
    protected Class<LadderPayloads.LadderInput> definitionType() {
        return LadderPayloads.LadderInput.class;
    }

    public static Optional<CareerLadder> latest(String code) {
        return find("code = ?1 order by version desc", code).firstResultOptional();
    }

    public static List<CareerLadder> latestVersions() {
        return list("""
                FROM CareerLadder l
                WHERE l.version = (SELECT max(m.version) FROM CareerLadder m WHERE m.code = l.code)
                ORDER BY l.code""");
    }
}
