package io.perfcenter.incentive.plan;

import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanSections.Bracket;
import io.perfcenter.incentive.plan.PlanSections.Commission;
import io.perfcenter.incentive.plan.PlanSections.OverBudget;
import io.perfcenter.incentive.plan.PlanSections.Perk;
import io.perfcenter.incentive.plan.PlanSections.PerkCondition;
import io.perfcenter.incentive.plan.PlanSections.ScoreBand;
import io.perfcenter.incentive.plan.PlanSections.Split;
import io.perfcenter.incentive.plan.PlanSections.Target;
import io.perfcenter.incentive.plan.PlanSections.TargetBonus;
import io.perfcenter.incentive.plan.PlanSections.TeamReward;
import io.perfcenter.incentive.salary.SalaryRegister;
import io.perfcenter.incentive.web.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a plan field by field; the first invalid field fails the whole plan with a 400 problem naming it by its
 * path ({@code commission.brackets[1].upTo}, {@code perks[0].when}). Returns the plan's parts ready to store.
 */
public final class PlanValidation {

    /** A metric code as metrics-service names them, or score / rank. */
    public static final Pattern MEASURE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final Pattern CODE = Pattern.compile(PlanPayloads.CODE);
    private static final BigDecimal MAX_COEFFICIENT = new BigDecimal("1000");
    /** numeric(16, 2): fourteen digits before the point. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000000");
    /** Known line kinds that a budget can scale. */
    public static final Set<String> PAID_KINDS = Set.of("performance-pay", "target-bonus", "challenge-bonus",
            "commission", "team-share", "honor");

    /** What a valid plan input becomes: coefficients keyed by lower-case grade, and the optional sections. */
    public record Checked(Map<String, BigDecimal> coefficients, PlanSections sections) {
    }

    private PlanValidation() {
    }

    public static Checked check(PlanInput in) {
        if (in == null) {
            throw Problems.invalid("body", "is required");
        }
        if (in.code() == null || !CODE.matcher(in.code()).matches()) {
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
        boolean otherSections = in.targets() != null || in.commission() != null || in.teamReward() != null
                || (in.perks() != null && !in.perks().isEmpty()) || (in.honorPrizes() != null
                && !in.honorPrizes().isEmpty());
        Map<String, BigDecimal> coefficients = new HashMap<>();
        List<ScoreBand> bands = null;
        // an empty list or map is one the caller left out: generated clients send [] and {} for unset fields
        Map<String, BigDecimal> givenCoefficients = absentIfEmpty(in.gradeCoefficients());
        List<ScoreBand> givenBands = absentIfEmpty(in.scoreBands());
        BigDecimal share = in.performancePayShare();
        if (share == null) {
            if (givenCoefficients != null || givenBands != null || !otherSections) {
                throw Problems.invalid("performancePayShare", "is required");
            }
        } else {
            checkShare(share);
            if (givenCoefficients != null && givenBands != null) {
                throw Problems.invalid("scoreBands", "give gradeCoefficients or scoreBands, not both");
            }
            if (givenBands != null) {
                bands = checkBands(givenBands);
            } else {
                coefficients = checkCoefficients(givenCoefficients);
            }
        }
        PlanSections sections = new PlanSections(bands, checkTargets(in.targets()),
                checkCommission(in.commission()), checkTeamReward(in.teamReward(), in.commission() != null),
                checkPerks(in.perks()), checkPrizes(in.honorPrizes()), checkOverBudget(in.overBudget()));
        return new Checked(coefficients, sections);
    }

    private static void checkShare(BigDecimal share) {
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw Problems.invalid("performancePayShare", "must be more than 0 and at most 1 (0.30 is 30%)");
        }
        if (share.stripTrailingZeros().scale() > 6) {
            throw Problems.invalid("performancePayShare", "must have at most 6 decimals");
        }
    }

    private static Map<String, BigDecimal> checkCoefficients(Map<String, BigDecimal> given) {
        if (given == null || given.isEmpty()) {
            throw Problems.invalid("gradeCoefficients", "name at least one grade and its coefficient");
        }
        Map<String, BigDecimal> coefficients = new HashMap<>();
        for (Map.Entry<String, BigDecimal> e : given.entrySet()) {
            String field = "gradeCoefficients." + e.getKey();
            if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 64) {
                throw Problems.invalid(field, "a grade must be 1 to 64 characters");
            }
            coefficient(field, e.getValue());
            if (coefficients.put(IncentivePlan.normalizeGrade(e.getKey()), e.getValue()) != null) {
                throw Problems.invalid(field, "names the same grade as another key (grades ignore case)");
            }
        }
        return coefficients;
    }

    private static void coefficient(String field, BigDecimal c) {
        if (c == null) {
            throw Problems.invalid(field, "is required");
        }
        if (c.signum() < 0) {
            throw Problems.invalid(field, "must not be negative");
        }
        if (c.compareTo(MAX_COEFFICIENT) >= 0 || c.stripTrailingZeros().scale() > 4) {
            throw Problems.invalid(field, "must be below 1000 with at most 4 decimals");
        }
    }

    private static List<ScoreBand> checkBands(List<ScoreBand> given) {
        List<ScoreRange> ranges = new ArrayList<>();
        List<ScoreBand> bands = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "scoreBands[" + i + "]";
            ScoreBand band = given.get(i);
            if (band == null) {
                throw Problems.invalid(field, "is empty");
            }
            ScoreRange range = ScoreRange.parse(band.range());
            if (range == null) {
                throw Problems.invalid(field + ".range", "must be an interval such as (95,100], [90,95) or (,70)");
            }
            if (range.isEmpty()) {
                throw Problems.invalid(field + ".range", "contains no score");
            }
            for (int j = 0; j < ranges.size(); j++) {
                if (ranges.get(j).overlaps(range)) {
                    throw Problems.invalid(field + ".range", "overlaps scoreBands[" + j + "] " + ranges.get(j));
                }
            }
            coefficient(field + ".coefficient", band.coefficient());
            label(field + ".label", band.label());
            ranges.add(range);
            bands.add(new ScoreBand(range.toString(), band.coefficient(), band.label()));
        }
        return bands;
    }

    private static TargetBonus checkTargets(TargetBonus t) {
        if (t == null) {
            return null;
        }
        measure("targets.measure", t.measure());
        target("targets.basic", t.basic(), true);
        target("targets.challenge", t.challenge(), false);
        PlanSections.Direction direction = t.direction() == null ? PlanSections.Direction.HIGHER : t.direction();
        if (t.challenge() != null) {
            int c = t.challenge().threshold().compareTo(t.basic().threshold());
            if (direction == PlanSections.Direction.HIGHER ? c <= 0 : c >= 0) {
                throw Problems.invalid("targets.challenge.threshold", "must be harder to reach than the basic "
                        + "threshold (" + (direction == PlanSections.Direction.HIGHER ? "above" : "below") + " "
                        + t.basic().threshold().toPlainString() + ")");
            }
        }
        Map<String, BigDecimal> weights = null;
        if (absentIfEmpty(t.positionWeights()) != null) {
            weights = new LinkedHashMap<>();
            for (Map.Entry<String, BigDecimal> e : t.positionWeights().entrySet()) {
                String field = "targets.positionWeights." + e.getKey();
                if (e.getKey() == null || e.getKey().isBlank() || e.getKey().length() > 64) {
                    throw Problems.invalid(field, "a position must be 1 to 64 characters");
                }
                coefficient(field, e.getValue());
                weights.put(e.getKey(), e.getValue());
            }
        }
        return new TargetBonus(t.measure(), direction, t.basic(), t.challenge(), weights);
    }

    private static void target(String field, Target target, boolean required) {
        if (target == null) {
            if (required) {
                throw Problems.invalid(field, "is required");
            }
            return;
        }
        if (target.threshold() == null) {
            throw Problems.invalid(field + ".threshold", "is required");
        }
        amount(field + ".amount", target.amount());
    }

    private static Commission checkCommission(Commission c) {
        if (c == null) {
            return null;
        }
        if (c.measure() != null) {
            measure("commission.measure", c.measure());
        }
        if (c.mode() == null) {
            throw Problems.invalid("commission.mode", "is required: WHOLE or PROGRESSIVE");
        }
        if (c.brackets() == null || c.brackets().isEmpty()) {
            throw Problems.invalid("commission.brackets", "name at least one bracket");
        }
        BigDecimal previous = null;
        for (int i = 0; i < c.brackets().size(); i++) {
            String field = "commission.brackets[" + i + "]";
            Bracket b = c.brackets().get(i);
            if (b == null) {
                throw Problems.invalid(field, "is empty");
            }
            boolean last = i == c.brackets().size() - 1;
            if (last && b.upTo() != null) {
                throw Problems.invalid(field + ".upTo", "the last bracket has no upper bound; leave upTo out");
            }
            if (!last) {
                if (b.upTo() == null) {
                    throw Problems.invalid(field + ".upTo", "is required on every bracket but the last");
                }
                if (b.upTo().signum() <= 0 || (previous != null && b.upTo().compareTo(previous) <= 0)) {
                    throw Problems.invalid(field + ".upTo", "must be above 0 and above the previous bracket's upTo");
                }
                previous = b.upTo();
            }
            if (b.rate() == null) {
                throw Problems.invalid(field + ".rate", "is required");
            }
            if (b.rate().signum() < 0 || b.rate().compareTo(BigDecimal.ONE) > 0
                    || b.rate().stripTrailingZeros().scale() > 6) {
                throw Problems.invalid(field + ".rate", "must be between 0 and 1 (0.015 is 1.5%), at most 6 decimals");
            }
            if (b.teamFund() != null) {
                if (i == 0) {
                    throw Problems.invalid(field + ".teamFund", "the first bracket is never crossed into; "
                            + "give teamFund on the brackets above it");
                }
                amount(field + ".teamFund", b.teamFund());
            }
        }
        return c;
    }

    private static TeamReward checkTeamReward(TeamReward t, boolean hasCommission) {
        if (t == null) {
            return null;
        }
        measure("teamReward.measure", t.measure());
        if (t.target() == null) {
            throw Problems.invalid("teamReward.target", "is required");
        }
        amount("teamReward.pool", t.pool());
        if (t.split() == null) {
            throw Problems.invalid("teamReward.split", "is required: EQUAL, BY_SCORE or BY_HOURS");
        }
        if (t.split() == Split.BY_HOURS) {
            if (t.hoursMeasure() == null) {
                throw Problems.invalid("teamReward.hoursMeasure", "is required to split BY_HOURS");
            }
            measure("teamReward.hoursMeasure", t.hoursMeasure());
        } else if (t.hoursMeasure() != null) {
            throw Problems.invalid("teamReward.hoursMeasure", "is used only to split BY_HOURS");
        }
        if (Boolean.TRUE.equals(t.includeTeamFund()) && !hasCommission) {
            throw Problems.invalid("teamReward.includeTeamFund", "needs a commission section with team funds");
        }
        return new TeamReward(t.measure(), t.direction() == null ? PlanSections.Direction.HIGHER : t.direction(),
                t.target(), t.pool(), t.split(), t.hoursMeasure(), t.includeTeamFund());
    }

    private static List<Perk> checkPerks(List<Perk> perks) {
        if (perks == null || perks.isEmpty()) {
            return null;
        }
        Set<String> codes = new HashSet<>();
        List<Perk> checked = new ArrayList<>();
        for (int i = 0; i < perks.size(); i++) {
            String field = "perks[" + i + "]";
            Perk p = perks.get(i);
            if (p == null) {
                throw Problems.invalid(field, "is empty");
            }
            if (p.code() == null || !CODE.matcher(p.code()).matches()) {
                throw Problems.invalid(field + ".code", "must be 1 to 64 letters, digits, '_', '.' or '-'");
            }
            if (!codes.add(p.code())) {
                throw Problems.invalid(field + ".code", "is used by another perk of this plan");
            }
            if (p.name() == null || p.name().isBlank() || p.name().length() > 200) {
                throw Problems.invalid(field + ".name", "is required, at most 200 characters");
            }
            if (p.quantity() == null || p.quantity().signum() <= 0 || p.quantity().compareTo(MAX_COEFFICIENT) >= 0) {
                throw Problems.invalid(field + ".quantity", "must be above 0 and below 1000");
            }
            label(field + ".unit", p.unit());
            PerkCondition w = p.when();
            if (w == null || (w.rankAtMost() == null && (w.grades() == null || w.grades().isEmpty())
                    && w.scoreAtLeast() == null)) {
                throw Problems.invalid(field + ".when", "name at least one of rankAtMost, grades, scoreAtLeast");
            }
            if (w.rankAtMost() != null && w.rankAtMost() < 1) {
                throw Problems.invalid(field + ".when.rankAtMost", "must be 1 or more");
            }
            if (w.grades() != null) {
                for (int g = 0; g < w.grades().size(); g++) {
                    String grade = w.grades().get(g);
                    if (grade == null || grade.isBlank() || grade.length() > 64) {
                        throw Problems.invalid(field + ".when.grades[" + g + "]", "a grade must be 1 to 64 characters");
                    }
                }
            }
            checked.add(new Perk(p.code(), p.name().trim(), p.quantity(), p.unit(),
                    new PerkCondition(w.rankAtMost(), w.grades() == null || w.grades().isEmpty() ? null : w.grades(),
                            w.scoreAtLeast(), w.match() == null ? PlanSections.Match.ANY : w.match())));
        }
        return checked;
    }

    private static Map<String, BigDecimal> checkPrizes(Map<String, BigDecimal> prizes) {
        if (prizes == null || prizes.isEmpty()) {
            return null;
        }
        Map<String, BigDecimal> checked = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : prizes.entrySet()) {
            String field = "honorPrizes." + e.getKey();
            if (e.getKey() == null || !CODE.matcher(e.getKey()).matches()) {
                throw Problems.invalid(field, "an award code is 1 to 64 letters, digits, '_', '.' or '-'");
            }
            amount(field, e.getValue());
            checked.put(e.getKey(), e.getValue());
        }
        return checked;
    }

    private static OverBudget checkOverBudget(OverBudget o) {
        if (o == null) {
            return null;
        }
        if (o.policy() == null) {
            throw Problems.invalid("overBudget.policy", "is required: SCALE or FLAG");
        }
        if (absentIfEmpty(o.scaledKinds()) == null) {
            return new OverBudget(o.policy(), null);
        }
        if (o.policy() != PlanSections.OverBudgetPolicy.SCALE) {
            throw Problems.invalid("overBudget.scaledKinds", "is used only with policy SCALE");
        }
        for (int i = 0; i < o.scaledKinds().size(); i++) {
            if (!PAID_KINDS.contains(o.scaledKinds().get(i))) {
                throw Problems.invalid("overBudget.scaledKinds[" + i + "]", "must be one of " + PAID_KINDS);
            }
        }
        return o;
    }

    private static <T> List<T> absentIfEmpty(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    private static <K, V> Map<K, V> absentIfEmpty(Map<K, V> map) {
        return map == null || map.isEmpty() ? null : map;
    }

    private static void measure(String field, String measure) {
        if (measure == null || measure.isBlank()) {
            throw Problems.invalid(field, "is required: score, rank or a metric code such as fcr");
        }
        if (!MEASURE.matcher(measure).matches()) {
            throw Problems.invalid(field, "must be score, rank or a metric code (lower case letters, digits, '_')");
        }
    }

    private static void amount(String field, BigDecimal amount) {
        if (amount == null) {
            throw Problems.invalid(field, "is required");
        }
        if (amount.signum() < 0) {
            throw Problems.invalid(field, "must not be negative");
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) >= 0) {
            throw Problems.invalid(field, "must be an amount with at most 2 decimals");
        }
    }

    private static void label(String field, String label) {
        if (label != null && (label.isBlank() || label.length() > 64)) {
            throw Problems.invalid(field, "must be 1 to 64 characters");
        }
    }
}
