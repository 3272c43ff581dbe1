package io.perfcenter.incentive.section;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.plan.PlanPayloads.PlanInput;
import io.perfcenter.incentive.statement.ComputedLine;
import io.perfcenter.incentive.statement.Explanation;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.web.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static io.perfcenter.incentive.section.SectionChecks.CODE;
import static io.perfcenter.incentive.section.SectionChecks.MAX_COEFFICIENT;
import static io.perfcenter.incentive.section.SectionChecks.label;

/**
 * Non-monetary perks for top performers (DOMAIN §5: two self-chosen shifts a month, three remote days): one line per
 * perk granted, saying which condition granted it. Perks carry no amount and never change a total; the payroll
 * export lists them as entitlements ({@code FLEX-SHIFTS ×2}). Configuration: {@code perks} ({@link Perk}).
 */
public final class PerkSection extends PlanSection {

    public static final String KIND = "perk";

    public PerkSection() {
        super("perks", 60, LineKind.entitlement(KIND));
    }

    @Override
    public boolean given(PlanInput in) {
        return in.perks() != null && !in.perks().isEmpty();
    }

    @Override
    public void check(PlanInput in, CheckedSections out) {
        List<Perk> perks = in.perks();
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
                            w.scoreAtLeast(), w.match() == null ? Match.ANY : w.match())));
        }
        out.perks = checked;
    }

    /** FLEX-SHIFTS ×2. */
    @Override
    public String entitlement(String kind, Map<String, Object> source) {
        Object perk = source.get("perk");
        if (perk == null) {
            return null;
        }
        Object quantity = source.get("quantity");
        return perk + (quantity == null ? "" : " ×" + quantity);
    }

    @Override
    public List<ComputedLine> lines(Facts facts) {
        List<Perk> perks = facts.sections().perks();
        if (perks == null) {
            return List.of();
        }
        List<ComputedLine> lines = new ArrayList<>();
        for (Perk perk : perks) {
            List<Explanation> met = new ArrayList<>();
            if (granted(perk.when(), facts.scorecard(), met)) {
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("perk", perk.code());
                source.put("quantity", perk.quantity());
                source.put("unit", perk.unit());
                source.put("rank", facts.scorecard().rank());
                source.put("grade", facts.scorecard().grade());
                source.put("total", facts.scorecard().total());
                source.put("planVersion", facts.plan().version);
                // the perk's name and unit are as HR wrote them, in one language
                String quantity = Numbers.figure(perk.quantity()) + " " + perk.name();
                String what = quantity + (perk.unit() == null ? "" : " (" + perk.unit() + ")");
                String whatZh = quantity + (perk.unit() == null ? "" : "（" + perk.unit() + "）");
                lines.add(ComputedLine.entitlement(KIND, facts.plan().currency, new Explanation(
                        String.join(" and ", met.stream().map(Explanation::en).toList()) + ": " + what,
                        String.join("，", met.stream().map(Explanation::zh).toList()) + "：" + whatZh), source));
            }
        }
        return lines;
    }

    /** Whether the scorecard meets the condition; {@code met} receives the conditions it meets, explained. */
    static boolean granted(PerkCondition when, Scorecard card, List<Explanation> met) {
        List<Boolean> results = new ArrayList<>();
        if (when.rankAtMost() != null) {
            boolean ok = card.rank() != null && card.rank() <= when.rankAtMost();
            results.add(ok);
            if (ok) {
                met.add(new Explanation("rank " + card.rank() + " ≤ " + when.rankAtMost(),
                        "排名 " + card.rank() + " ≤ " + when.rankAtMost()));
            }
        }
        if (when.grades() != null) {
            boolean ok = card.grade() != null && when.grades().stream()
                    .anyMatch(g -> g.trim().toLowerCase(Locale.ROOT).equals(card.grade().trim().toLowerCase(Locale.ROOT)));
            results.add(ok);
            if (ok) {
                met.add(new Explanation("grade " + card.grade(), "等级 " + card.grade()));
            }
        }
        if (when.scoreAtLeast() != null) {
            boolean ok = card.total() != null && card.total().compareTo(when.scoreAtLeast()) >= 0;
            results.add(ok);
            if (ok) {
                String figures = Numbers.figure(card.total()) + " ≥ " + Numbers.figure(when.scoreAtLeast());
                met.add(new Explanation("score " + figures, "得分 " + figures));
            }
        }
        return when.match() == Match.ALL ? !results.contains(false) : results.contains(true);
    }

    @Schema(name = "PlanPerk", description = "A non-monetary entitlement granted by rule, listed on the statement")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Perk(
            @Schema(required = true, examples = "FLEX-SHIFTS") String code,
            @Schema(required = true, examples = "self-chosen shifts") String name,
            @Schema(required = true, examples = "2") BigDecimal quantity,
            @Schema(description = "What the quantity counts", examples = "shifts a month") String unit,
            @Schema(required = true) PerkCondition when) {
    }

    @Schema(name = "PlanPerkCondition", description = "Who gets the perk; at least one condition")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PerkCondition(
            @Schema(description = "Scorecard rank at most this (1 = best)", examples = "3") Integer rankAtMost,
            @Schema(description = "Scorecard grade is one of these (case ignored)", examples = "[\"excellent\"]")
            List<String> grades,
            @Schema(examples = "95") BigDecimal scoreAtLeast,
            @Schema(description = "ANY (default): one condition suffices; ALL: every condition") Match match) {
    }

    @Schema(name = "PerkConditionMatch", description = "Whether ANY or ALL conditions of a perk must hold")
    public enum Match { ANY, ALL }
}
