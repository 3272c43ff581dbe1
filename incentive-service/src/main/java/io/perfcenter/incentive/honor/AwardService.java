package io.perfcenter.incentive.honor;

import io.perfcenter.incentive.definition.Versions;
import io.perfcenter.incentive.honor.AwardPayloads.AwardInput;
import io.perfcenter.incentive.honor.AwardPayloads.Condition;
import io.perfcenter.incentive.honor.AwardPayloads.Ranking;
import io.perfcenter.incentive.honor.AwardPayloads.WhenMissing;
import io.perfcenter.incentive.plan.PlanSections.Direction;
import io.perfcenter.incentive.plan.PlanValidation;
import io.perfcenter.incentive.statement.FiguresByMeasure;
import io.perfcenter.incentive.web.EntityTags;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The honor awards: checked field by field, stored as immutable versions. */
@ApplicationScoped
public class AwardService {

    private final EntityManager em;

    AwardService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public HonorAward create(AwardInput input, String createdBy) {
        return create(input, createdBy, null);
    }

    /** With {@code ifMatch}, only while the latest version still has that entity tag (else 412); never a retired code. */
    @Transactional
    public HonorAward create(AwardInput input, String createdBy, String ifMatch) {
        AwardInput checked = check(input);
        Versions.lock(em, "honor_award", checked.code());
        HonorAward latest = HonorAward.latest(checked.code()).orElse(null);
        EntityTags.requireMatch(ifMatch, latest == null ? null : latest.entityTag(), "Award " + checked.code());
        if (latest != null && latest.retiredAt != null) {
            throw Versions.retired("Award", latest.code, latest.retiredAt, latest.retiredBy);
        }
        HonorAward award = new HonorAward();
        award.cadence = checked.cadence().name();
        return Versions.store(em, award, "honor_award", checked.code(), checked.name(), checked, createdBy,
                () -> HonorAward.latest(checked.code()).map(a -> a.version));
    }

    public List<HonorAward> latestVersions(boolean includeRetired) {
        return HonorAward.latestVersions(includeRetired);
    }

    /**
     * Retires an award: its versions and the honors won with it still read; it leaves the default list and is judged
     * in no new honor run. Retiring a retired award answers it as it is.
     */
    @Transactional
    public HonorAward retire(String code, String ifMatch, String retiredBy) {
        Versions.lock(em, "honor_award", code);
        HonorAward latest = HonorAward.latest(code).orElse(null);
        EntityTags.requireMatch(ifMatch, latest == null ? null : latest.entityTag(), "Award " + code);
        if (latest == null) {
            throw Problems.notFound("Award", code);
        }
        if (latest.retiredAt == null) {
            Versions.retire(em, "HonorAward", code, OffsetDateTime.now(), retiredBy);
            em.refresh(latest);
        }
        return latest;
    }

    public HonorAward get(String code) {
        return HonorAward.latest(code).orElseThrow(() -> Problems.notFound("Award", code));
    }

    static AwardInput check(AwardInput in) {
        Versions.checkCodeAndName(in, in == null ? null : in.code(), in == null ? null : in.name());
        if (in.cadence() == null) {
            throw Problems.invalid("cadence", "is required: MONTHLY or QUARTERLY");
        }
        Ranking rankBy = ranking("rankBy", in.rankBy());
        List<Condition> conditions = new ArrayList<>();
        if (in.eligibility() != null) {
            for (int i = 0; i < in.eligibility().size(); i++) {
                String field = "eligibility[" + i + "]";
                Condition c = in.eligibility().get(i);
                if (c == null) {
                    throw Problems.invalid(field, "is empty");
                }
                measure(field + ".measure", c.measure());
                if (c.atLeast() == null && c.atMost() == null) {
                    throw Problems.invalid(field, "name atLeast, atMost or both");
                }
                if (c.atLeast() != null && c.atMost() != null && c.atLeast().compareTo(c.atMost()) > 0) {
                    throw Problems.invalid(field + ".atMost", "must not be below atLeast");
                }
                conditions.add(new Condition(c.measure(), c.atLeast(), c.atMost(),
                        c.whenMissing() == null ? WhenMissing.INELIGIBLE : c.whenMissing()));
            }
        }
        if (in.excludedGrades() != null) {
            for (int i = 0; i < in.excludedGrades().size(); i++) {
                String g = in.excludedGrades().get(i);
                if (g == null || g.isBlank() || g.length() > 64) {
                    throw Problems.invalid("excludedGrades[" + i + "]", "a grade must be 1 to 64 characters");
                }
            }
        }
        if (in.winners() == null || in.winners() < 1 || in.winners() > 1000) {
            throw Problems.invalid("winners", "must be between 1 and 1000");
        }
        List<Ranking> tieBreakers = new ArrayList<>();
        if (in.tieBreakers() != null) {
            for (int i = 0; i < in.tieBreakers().size(); i++) {
                tieBreakers.add(ranking("tieBreakers[" + i + "]", in.tieBreakers().get(i)));
            }
        }
        return new AwardInput(in.code(), in.name().trim(), in.cadence(), rankBy, conditions.isEmpty() ? null
                : conditions, in.excludedGrades() == null || in.excludedGrades().isEmpty() ? null
                : in.excludedGrades(), in.winners(), tieBreakers.isEmpty() ? null : tieBreakers,
                Versions.checkedLabel("nameZh", in.nameZh()), Versions.checkedLabel("nameEn", in.nameEn()));
    }

    private static Ranking ranking(String field, Ranking r) {
        if (r == null) {
            throw Problems.invalid(field, "is required");
        }
        measure(field + ".measure", r.measure());
        if (r.minSamples() != null && !field.equals("rankBy")) {
            throw Problems.invalid(field + ".minSamples", "applies to rankBy only");
        }
        if (r.minSamples() != null && r.minSamples() < 1) {
            throw Problems.invalid(field + ".minSamples", "must be at least 1");
        }
        if (r.minSamples() != null && !FiguresByMeasure.isMetric(r.measure())) {
            throw Problems.invalid(field + ".minSamples", "applies to a metric, not to " + r.measure());
        }
        return new Ranking(r.measure(), r.direction() == null ? Direction.HIGHER : r.direction(), r.minSamples());
    }

    private static void measure(String field, String measure) {
        if (measure == null || !PlanValidation.MEASURE.matcher(measure).matches()) {
            throw Problems.invalid(field, "must be score, rank or a metric code (lower case letters, digits, '_')");
        }
    }
}
