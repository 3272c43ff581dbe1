package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.PlanSections.Match;
import io.perfcenter.incentive.plan.PlanSections.Perk;
import io.perfcenter.incentive.plan.PlanSections.PerkCondition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Non-monetary perks for top performers (DOMAIN §5: two self-chosen shifts a month, three remote days): one line per
 * perk granted, saying which condition granted it. Perks carry no amount and never change a total.
 */
@ApplicationScoped
public class PerkLine implements LineRule {

    public static final String KIND = "perk";

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        List<Perk> perks = facts.sections().perks();
        if (perks == null) {
            return List.of();
        }
        List<ComputedLine> lines = new ArrayList<>();
        for (Perk perk : perks) {
            List<String> met = new ArrayList<>();
            if (granted(perk.when(), facts.scorecard(), met)) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("perk", perk.code());
                source.put("quantity", perk.quantity());
                source.put("unit", perk.unit());
                source.put("rank", facts.scorecard().rank());
                source.put("grade", facts.scorecard().grade());
                source.put("total", facts.scorecard().total());
                source.put("planVersion", facts.plan().version);
                String what = Money.figure(perk.quantity()) + " " + perk.name()
                        + (perk.unit() == null ? "" : " (" + perk.unit() + ")");
                lines.add(ComputedLine.entitlement(KIND, facts.plan().currency,
                        String.join(" and ", met) + ": " + what, source));
            }
        }
        return lines;
    }

    /** Whether the scorecard meets the condition; {@code met} receives the conditions it meets, explained. */
    static boolean granted(PerkCondition when, Scorecard card, List<String> met) {
        List<Boolean> results = new ArrayList<>();
        if (when.rankAtMost() != null) {
            boolean ok = card.rank() != null && card.rank() <= when.rankAtMost();
            results.add(ok);
            if (ok) {
                met.add("rank " + card.rank() + " ≤ " + when.rankAtMost());
            }
        }
        if (when.grades() != null) {
            boolean ok = card.grade() != null && when.grades().stream()
                    .anyMatch(g -> g.trim().toLowerCase(Locale.ROOT).equals(card.grade().trim().toLowerCase(Locale.ROOT)));
            results.add(ok);
            if (ok) {
                met.add("grade " + card.grade());
            }
        }
        if (when.scoreAtLeast() != null) {
            boolean ok = card.total() != null && card.total().compareTo(when.scoreAtLeast()) >= 0;
            results.add(ok);
            if (ok) {
                met.add("score " + Money.figure(card.total()) + " ≥ " + Money.figure(when.scoreAtLeast()));
            }
        }
        return when.match() == Match.ALL ? !results.contains(false) : results.contains(true);
    }
}
