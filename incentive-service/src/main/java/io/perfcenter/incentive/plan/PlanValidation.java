package io.perfcenter.incentive.plan;

import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.salary.SalaryService;
import io.perfcenter.incentive.section.CheckedSections;
import io.perfcenter.incentive.section.SectionChecks;
import io.perfcenter.incentive.section.SectionRegistry;
import io.perfcenter.incentive.web.Problems;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a plan field by field; the first invalid field fails the whole plan with a 400 problem naming it by its
 * path ({@code commission.brackets[1].upTo}, {@code perks[0].when}). The plan's own fields are checked here, then
 * each section checks its own ({@link SectionRegistry}). Returns the plan's parts ready to store.
 */
public final class PlanValidation {

    /** A metric code as metrics-service names them, or score / rank. */
    public static final Pattern MEASURE = SectionChecks.MEASURE;

    /** What a valid plan input becomes: coefficients keyed by lower-case grade, and the optional sections. */
    public record Checked(Map<String, BigDecimal> coefficients, PlanSections sections) {
    }

    private PlanValidation() {
    }

    public static Checked check(PlanInput in) {
        if (in == null) {
            throw Problems.invalid("body", "is required");
        }
        if (in.code() == null || !SectionChecks.CODE.matcher(in.code()).matches()) {
            throw Problems.invalid("code", "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (in.name() == null || in.name().isBlank()) {
            throw Problems.invalid("name", "is required");
        }
        if (in.name().length() > 200) {
            throw Problems.invalid("name", "must be at most 200 characters");
        }
        if (!SalaryService.isIsoCurrency(in.currency())) {
            throw Problems.invalid("currency", "must be an ISO 4217 code of 3 capital letters, such as CNY");
        }
        CheckedSections checked = SectionRegistry.check(in);
        return new Checked(checked.coefficients(), checked.sections());
    }
}
