package io.perfcenter.incentive.plan;

import io.perfcenter.incentive.definition.Versions;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.web.EntityTags;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;

/** The incentive plans: checked field by field ({@link PlanValidation}), stored as immutable versions. */
@ApplicationScoped
public class PlanService {

    private final EntityManager em;

    PlanService(EntityManager em) {
        this.em = em;
    }

    /** Stores the plan as version 1 of a new code, or as the next version of an existing one. */
    @Transactional
    public IncentivePlan create(PlanInput input, String createdBy) {
        return create(input, createdBy, null);
    }

    /**
     * As {@link #create(PlanInput, String)}; with {@code ifMatch}, only while the latest version still has that
     * entity tag (else 412). A retired code is not defined again (409).
     */
    @Transactional
    public IncentivePlan create(PlanInput input, String createdBy, String ifMatch) {
        PlanValidation.Checked checked = PlanValidation.check(input);
        Versions.lock(em, "incentive_plan", input.code());
        IncentivePlan latest = IncentivePlan.latest(input.code()).orElse(null);
        EntityTags.requireMatch(ifMatch, latest == null ? null : latest.entityTag(), "Plan " + input.code());
        if (latest != null && latest.retiredAt != null) {
            throw Versions.retired("Plan", latest.code, latest.retiredAt, latest.retiredBy);
        }
        int version = Versions.next(em, "incentive_plan", input.code(),
                () -> IncentivePlan.latest(input.code()).map(p -> p.version));
        IncentivePlan plan = new IncentivePlan();
        plan.code = input.code();
        plan.version = version;
        plan.name = input.name().trim();
        plan.currency = input.currency();
        plan.performancePayShare = input.performancePayShare();
        plan.gradeCoefficients.putAll(checked.coefficients());
        plan.setSections(checked.sections());
        plan.createdBy = createdBy;
        plan.persist();
        em.flush();
        em.refresh(plan);
        return plan;
    }

    /**
     * Retires a plan: every version is kept and still reads, as do the runs and statements that used it; the plan
     * leaves the default list and pays no new run. Retiring a retired plan answers it as it is.
     */
    @Transactional
    public IncentivePlan retire(String code, String ifMatch, String retiredBy) {
        Versions.lock(em, "incentive_plan", code);
        IncentivePlan latest = IncentivePlan.latest(code).orElse(null);
        EntityTags.requireMatch(ifMatch, latest == null ? null : latest.entityTag(), "Plan " + code);
        if (latest == null) {
            throw Problems.notFound("Plan", code);
        }
        if (latest.retiredAt == null) {
            Versions.retire(em, "IncentivePlan", code, OffsetDateTime.now(), retiredBy);
            em.refresh(latest);
        }
        return latest;
    }

    /** The latest version of every plan, by code; retired ones only when asked for. */
    public List<IncentivePlan> latestVersions(boolean includeRetired) {
        return IncentivePlan.list("""
                FROM IncentivePlan p
                WHERE p.version = (SELECT max(q.version) FROM IncentivePlan q WHERE q.code = p.code)
                """ + (includeRetired ? "" : "AND p.retiredAt IS NULL ") + "ORDER BY p.code");
    }

    public IncentivePlan get(String code, Integer version) {
        return (version == null ? IncentivePlan.latest(code) : IncentivePlan.version(code, version))
                .orElseThrow(() -> Problems.notFound("Plan", version == null ? code : code + " version " + version));
    }

}
