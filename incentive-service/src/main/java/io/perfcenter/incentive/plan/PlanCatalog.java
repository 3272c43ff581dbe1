package io.perfcenter.incentive.plan;

import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.salary.SalaryRegister;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The incentive plans: checked field by field, stored as immutable versions. */
@ApplicationScoped
public class PlanCatalog {

    private static final BigDecimal MAX_COEFFICIENT = new BigDecimal("1000");

    private final EntityManager em;

    PlanCatalog(EntityManager em) {
        this.em = em;
    }

    /** Stores the plan as version 1 of a new code, or as the next version of an existing one. */
    @Transactional
    public IncentivePlan create(PlanInput input, String createdBy) {
        Map<String, BigDecimal> coefficients = check(input);
        // serialises versions of one code; released at commit
        em.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtext('incentive_plan:' || ?1))")
                .setParameter(1, input.code()).getSingleResult();
        int version = IncentivePlan.latest(input.code()).map(p -> p.version + 1).orElse(1);
        IncentivePlan plan = new IncentivePlan();
        plan.code = input.code();
        plan.version = version;
        plan.name = input.name().trim();
        plan.currency = input.currency();
        plan.performancePayShare = input.performancePayShare();
        plan.gradeCoefficients.putAll(coefficients);
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

    /** The first invalid field fails the whole plan; returns the coefficients keyed by lower-case grade. */
    private static Map<String, BigDecimal> check(PlanInput in) {
        if (in == null) {
            throw Problems.invalid("body", "is required");
        }
        if (in.code() == null || !in.code().matches(PlanPayloads.CODE)) {
            throw Problems.invalid("code", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (in.name() == null || in.name().isBlank()) {
            throw Problems.invalid("name", "is required");
        }
        if (in.name().length() > 200) {
            throw Problems.invalid("name", "must be at most 200 characters");
        }
        if (!SalaryRegister.isIsoCurrency(in.currency())) {
            throw Problems.invalid("currency", "must be an ISO 4217 code of 3 capital letters, such as CNY");
        }
        BigDecimal share = in.performancePayShare();
        if (share == null) {
            throw Problems.invalid("performancePayShare", "is required");
        }
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw Problems.invalid("performancePayShare", "must be more than 0 and at most 1 (0.30 is 30%)");
        }
        if (share.stripTrailingZeros().scale() > 6) {
            throw Problems.invalid("performancePayShare", "must have at most 6 decimals");
        }
        if (in.gradeCoefficients() == null || in.gradeCoefficients().isEmpty()) {
            throw Problems.invalid("gradeCoefficients", "name at least one grade and its coefficient");
        }
        Map<String, BigDecimal> coefficients = new HashMap<>();
        for (Map.Entry<String, BigDecimal> e : in.gradeCoefficients().entrySet()) {
            String field = "gradeCoefficients." + e.getKey();
            if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 64) {
                throw Problems.invalid(field, "a grade must be 1 to 64 characters");
            }
            BigDecimal c = e.getValue();
            if (c == null) {
                throw Problems.invalid(field, "is required");
            }
            if (c.signum() < 0) {
                throw Problems.invalid(field, "must not be negative");
            }
            if (c.compareTo(MAX_COEFFICIENT) >= 0 || c.stripTrailingZeros().scale() > 4) {
                throw Problems.invalid(field, "must be below 1000 with at most 4 decimals");
            }
            if (coefficients.put(IncentivePlan.normalizeGrade(e.getKey()), c) != null) {
                throw Problems.invalid(field, "names the same grade as another key (grades ignore case)");
            }
        }
        return coefficients;
    }
}
