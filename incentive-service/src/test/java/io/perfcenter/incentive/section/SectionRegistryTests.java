package io.perfcenter.incentive.section;

import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.section.CommissionSection.Bracket;
import io.perfcenter.incentive.section.CommissionSection.Commission;
import io.perfcenter.incentive.section.CommissionSection.CommissionMode;
import io.perfcenter.incentive.section.PerkSection.Match;
import io.perfcenter.incentive.section.PointsConversionSection.PointsConversion;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudget;
import io.perfcenter.incentive.section.OverBudgetSection.OverBudgetPolicy;
import io.perfcenter.incentive.section.PerkSection.Perk;
import io.perfcenter.incentive.section.PerkSection.PerkCondition;
import io.perfcenter.incentive.section.TeamRewardSection.Split;
import io.perfcenter.incentive.section.TargetBonusSection.Target;
import io.perfcenter.incentive.section.TargetBonusSection.TargetBonus;
import io.perfcenter.incentive.section.TeamRewardSection.TeamReward;
import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every section listed in the registry is whole: its field is a field of a plan, it checks that field (a broken value
 * is refused naming it), and its line kinds are its own. A section added to the registry without a case here fails
 * {@link #everySectionRefusesABrokenValueOfItsOwnField()}.
 */
public class SectionRegistryTests {

    /** A plan with every section, valid. */
    public static PlanInput fullPlan() {
        return new PlanInput("FULL", "Every section", "CNY", new BigDecimal("0.30"),
                Map.of("excellent", new BigDecimal("1.1"), "good", new BigDecimal("1.0")), null,
                new TargetBonus("fcr", null, new Target(new BigDecimal("0.80"), new BigDecimal("500")),
                        new Target(new BigDecimal("0.90"), new BigDecimal("300")), null),
                new Commission(null, CommissionMode.WHOLE, List.of(
                        new Bracket(new BigDecimal("100000"), new BigDecimal("0.01"), null),
                        new Bracket(null, new BigDecimal("0.015"), new BigDecimal("200")))),
                new TeamReward("score", null, new BigDecimal("80"), new BigDecimal("1000"), Split.EQUAL, null, true),
                List.of(new Perk("FLEX-SHIFTS", "self-chosen shifts", new BigDecimal("2"), "a month",
                        new PerkCondition(1, null, null, Match.ANY))),
                new LinkedHashMap<>(Map.of("SERVICE-STAR", new BigDecimal("500"), "ALL-ROUND", BigDecimal.ZERO)),
                new OverBudget(OverBudgetPolicy.FLAG, null),
                new PointsConversion(new BigDecimal("0.50"), new BigDecimal("50.00")));
    }

    /** For each section's field, the full plan with that section broken, and the field the problem must name. */
    private static final Map<String, Map.Entry<UnaryOperator<PlanInput>, String>> BROKEN = Map.of(
            "performancePayShare", Map.entry(p -> with(p, 3, new BigDecimal("2")), "performancePayShare"),
            "targets", Map.entry(p -> with(p, 6, new TargetBonus("FCR", null, p.targets().basic(), null, null)),
                    "targets.measure"),
            "commission", Map.entry(p -> with(p, 7, new Commission(null, null, p.commission().brackets())),
                    "commission.mode"),
            "teamReward", Map.entry(p -> with(p, 8, new TeamReward("score", null, null, BigDecimal.TEN,
                    Split.EQUAL, null, null)), "teamReward.target"),
            "perks", Map.entry(p -> with(p, 9, List.of(new Perk("P", "perk", BigDecimal.ONE, null, null))),
                    "perks[0].when"),
            "honorPrizes", Map.entry(p -> with(p, 10, Map.of("SERVICE-STAR", new BigDecimal("-1"))),
                    "honorPrizes.SERVICE-STAR"),
            "overBudget", Map.entry(p -> with(p, 11, new OverBudget(null, null)), "overBudget.policy"),
            "pointsConversion", Map.entry(p -> with(p, 12, new PointsConversion(BigDecimal.ZERO, null)),
                    "pointsConversion.ratePerPoint"));

    @Test
    void everySectionIsAFieldOfAPlanAndHasItsOwnField() {
        Set<String> planFields = Arrays.stream(PlanInput.class.getRecordComponents())
                .map(c -> c.getName()).collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        for (PlanSection section : SectionRegistry.ALL) {
            assertTrue(planFields.contains(section.field()), section.field() + " is not a field of a plan");
            assertTrue(seen.add(section.field()), section.field() + " is listed twice");
        }
    }

    @Test
    void aPlanWithEverySectionIsCheckedIntoEverySection() {
        PlanSections s = SectionRegistry.check(fullPlan()).sections();
        assertNotNull(s.targets());
        assertNotNull(s.commission());
        assertNotNull(s.teamReward());
        assertNotNull(s.perks());
        assertNotNull(s.honorPrizes());
        assertNotNull(s.overBudget());
        assertNotNull(s.pointsConversion());
        for (PlanSection section : SectionRegistry.ALL) {
            assertTrue(section.given(fullPlan()), section.field() + " does not see its section in the plan");
        }
    }

    @Test
    void everySectionRefusesABrokenValueOfItsOwnField() {
        assertEquals(SectionRegistry.ALL.stream().map(PlanSection::field).collect(Collectors.toSet()),
                BROKEN.keySet(), "every section in the registry has a broken case here, and only those");
        for (PlanSection section : SectionRegistry.ALL) {
            var broken = BROKEN.get(section.field());
            PlanInput input = broken.getKey().apply(fullPlan());
            HttpProblem p = assertThrows(HttpProblem.class, () -> section.check(input, new CheckedSections()),
                    section.field() + " accepted a broken value");
            assertEquals(broken.getValue(), p.getParameters().get("field"));
            HttpProblem viaRegistry = assertThrows(HttpProblem.class, () -> SectionRegistry.check(input));
            assertEquals(broken.getValue(), viaRegistry.getParameters().get("field"));
        }
    }

    @Test
    void aPlanThatPaysNothingIsToldPerformancePayIsRequired() {
        PlanInput onlyPolicy = new PlanInput("NONE", "Nothing paid", "CNY", null, null, null, null, null, null,
                List.of(), Map.of(), new OverBudget(null, null));
        HttpProblem p = assertThrows(HttpProblem.class, () -> SectionRegistry.check(onlyPolicy));
        assertEquals("performancePayShare", p.getParameters().get("field"));
        PlanInput coefficientsWithoutShare = with(onlyPolicy, 4, Map.of("good", BigDecimal.ONE));
        p = assertThrows(HttpProblem.class, () -> SectionRegistry.check(coefficientsWithoutShare));
        assertEquals("performancePayShare", p.getParameters().get("field"));
        PlanInput commissionOnly = with(with(fullPlan(), 3, null), 4, null);
        assertEquals(Map.of(), SectionRegistry.check(commissionOnly).coefficients());
    }

    @Test
    void lineKindsBelongToOneSectionEachAndThePaidOnesAreTheScalableKinds() {
        Set<String> kinds = new HashSet<>();
        for (LineKind kind : SectionRegistry.LINE_KINDS) {
            assertTrue(kinds.add(kind.name()), kind.name() + " is written by two sections");
        }
        assertEquals(List.of("performance-pay", "target-bonus", "challenge-bonus", "commission", "team-share",
                "honor", "points", "perk"), SectionRegistry.LINE_KINDS.stream().map(LineKind::name).toList());
        assertEquals(List.of("performance-pay", "target-bonus", "challenge-bonus", "commission", "team-share",
                "honor", "points"), SectionRegistry.PAID_KINDS);
    }

    @Test
    void theMeasuresArePlanOrderEachOnce() {
        PlanSections s = SectionRegistry.check(fullPlan()).sections();
        assertEquals(List.of("fcr", "sales_amount", "score"), List.copyOf(SectionRegistry.measures(s)));
    }

    /** The plan input with one component replaced (by its position among the record's components). */
    private static PlanInput with(PlanInput p, int index, Object value) {
        Object[] args = Arrays.stream(PlanInput.class.getRecordComponents()).map(c -> {
            try {
                return c.getAccessor().invoke(p);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }).toArray();
        args[index] = value;
        try {
            return (PlanInput) PlanInput.class.getDeclaredConstructor(Arrays.stream(PlanInput.class
                    .getRecordComponents()).map(c -> c.getType()).toArray(Class[]::new)).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
