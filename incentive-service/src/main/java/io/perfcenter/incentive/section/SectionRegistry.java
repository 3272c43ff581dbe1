package io.perfcenter.incentive.section;

import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.plan.PlanSections;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.UnitOutcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sections a plan can have, and the one list of statement line kinds they write. Plan validation, statement
 * composition, budget scaling and the payroll export all read them from here; adding a section is a class
 * extending {@link PlanSection} listed in {@link #ALL}, with its configuration record in {@link PlanSections}.
 */
public final class SectionRegistry {

    /**
     * Every section, in the order of a plan's fields: the order they are checked in (the first invalid field is the
     * one reported) and decide the unit's outcome in (the commission's team fund before the team reward's pool).
     */
    public static final List<PlanSection> ALL = List.of(new PerformancePaySection(), new TargetBonusSection(),
            new CommissionSection(), new TeamRewardSection(), new PerkSection(), new HonorPrizeSection(),
            new PointsConversionSection(), new OverBudgetSection());

    /** The sections in the order their lines appear on a statement. */
    public static final List<PlanSection> IN_STATEMENT_ORDER = ALL.stream()
            .sorted(Comparator.comparingInt(PlanSection::order)).toList();

    /** Every kind of statement line, in statement order. */
    public static final List<LineKind> LINE_KINDS = IN_STATEMENT_ORDER.stream()
            .flatMap(s -> s.lineKinds().stream()).toList();

    /**
     * The kinds that can carry money, in statement order: the payroll export's amount columns, and the kinds a
     * budget with policy SCALE may scale (all of them unless the plan names some).
     */
    public static final List<String> PAID_KINDS = LINE_KINDS.stream().filter(LineKind::paid)
            .map(LineKind::name).toList();

    private SectionRegistry() {
    }

    /**
     * Checks every section the plan input gives, in plan order; the first invalid field throws a 400 problem. A plan
     * pays or grants something: one without any such section is told that performance pay is required.
     */
    public static CheckedSections check(PlanInput in) {
        if (ALL.stream().noneMatch(s -> !s.lineKinds().isEmpty() && s.given(in))) {
            throw PerformancePaySection.required();
        }
        CheckedSections out = new CheckedSections();
        for (PlanSection section : ALL) {
            if (section.given(in)) {
                section.check(in, out);
            }
        }
        return out;
    }

    /** The measures a plan reads, each once, in plan order. */
    public static Set<String> measures(PlanSections sections) {
        Set<String> measures = new LinkedHashSet<>();
        for (PlanSection section : ALL) {
            measures.addAll(section.measures(sections));
        }
        return measures;
    }

    /** What the sections decide for the whole unit, each from what the ones before it decided. */
    public static UnitOutcome decide(PlanSection.UnitFacts facts, UnitOutcome unit) {
        UnitOutcome decided = unit;
        for (PlanSection section : ALL) {
            decided = section.decide(facts, decided);
        }
        return decided;
    }

    /** One agent's statement lines, section by section in statement order. */
    public static List<ComputedLine> lines(PlanSection.Facts facts) {
        List<ComputedLine> lines = new ArrayList<>();
        for (PlanSection section : IN_STATEMENT_ORDER) {
            lines.addAll(section.lines(facts));
        }
        return lines;
    }

    /** How a line that carries no money reads in the payroll export: as its section says, else its kind. */
    public static String entitlement(String kind, Map<String, Object> source) {
        for (PlanSection section : ALL) {
            if (section.lineKinds().stream().anyMatch(k -> k.name().equals(kind))) {
                String text = section.entitlement(kind, source);
                if (text != null) {
                    return text;
                }
            }
        }
        return kind;
    }
}
