package io.perfcenter.incentive.plan;

import io.perfcenter.incentive.definition.Versions;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** The incentive plans: checked field by field ({@link PlanValidation}), stored as immutable versions. */
@ApplicationScoped
public class PlanCatalog {

    private final EntityManager em;

    PlanCatalog(EntityManager em) {
        this.em = em;
    }

    /** Stores the plan as version 1 of a new code, or as the next version of an existing one. */
    @Transactional
    public IncentivePlan create(PlanInput input, String createdBy) {
        PlanValidation.Checked checked = PlanValidation.check(input);
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

    /** The latest version of every plan, by code. */
    public List<IncentivePlan> latestVersions() {
        return IncentivePlan.list("""
                FROM IncentivePlan p
                WHERE p.version = (SELECT max(q.version) FROM IncentivePlan q WHERE q.code = p.code)
                ORDER BY p.code""");
    }

    public IncentivePlan get(String code, Integer version) {
        return (version == null ? IncentivePlan.latest(code) : IncentivePlan.version(code, version))
                .orElseThrow(() -> Problems.notFound("Plan", version == null ? code : code + " version " + version));
    }

}
