package io.perfcenter.incentive.promotion;

import io.perfcenter.incentive.definition.Versions;
import io.perfcenter.incentive.plan.PlanValidation;
import io.perfcenter.incentive.promotion.LadderPayloads.LadderInput;
import io.perfcenter.incentive.promotion.LadderPayloads.RuleInput;
import io.perfcenter.incentive.promotion.LadderPayloads.Step;
import io.perfcenter.incentive.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The career ladders: checked field by field, stored as immutable versions. */
@ApplicationScoped
public class LadderService {

    private final EntityManager em;

    LadderService(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public CareerLadder create(LadderInput input, String createdBy) {
        LadderInput checked = check(input);
        return Versions.store(em, new CareerLadder(), "career_ladder", checked.code(), checked.name(), checked,
                createdBy, () -> CareerLadder.latest(checked.code()).map(l -> l.version));
    }

    public List<CareerLadder> latestVersions() {
        return CareerLadder.latestVersions();
    }

    public CareerLadder get(String code) {
        return CareerLadder.latest(code).orElseThrow(() -> Problems.notFound("Ladder", code));
    }

    static LadderInput check(LadderInput in) {
        Versions.checkCodeAndName(in, in == null ? null : in.code(), in == null ? null : in.name());
        List<String> positions = in.positions();
        if (positions == null || positions.size() < 2) {
            throw Problems.invalid("positions", "name at least two positions, lowest first");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < positions.size(); i++) {
            String p = positions.get(i);
            if (p == null || !Versions.CODE.matcher(p).matches()) {
                throw Problems.invalid("positions[" + i + "]", "must be 1 to 64 letters, digits, '_', '.' or '-'");
            }
            if (!seen.add(p)) {
                throw Problems.invalid("positions[" + i + "]", "appears twice");
            }
        }
        if (in.steps() == null || in.steps().isEmpty()) {
            throw Problems.invalid("steps", "name at least one step");
        }
        Set<String> from = new HashSet<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < in.steps().size(); i++) {
            String field = "steps[" + i + "]";
            Step s = in.steps().get(i);
            if (s == null) {
                throw Problems.invalid(field, "is empty");
            }
            int at = s.from() == null ? -1 : positions.indexOf(s.from());
            if (at < 0 || at == positions.size() - 1) {
                throw Problems.invalid(field + ".from", "must be a position of the ladder below the top");
            }
            if (!from.add(s.from())) {
                throw Problems.invalid(field + ".from", "has another step already");
            }
            if (!positions.get(at + 1).equals(s.to())) {
                throw Problems.invalid(field + ".to", "must be the next position, " + positions.get(at + 1));
            }
            if (s.rules() == null || s.rules().isEmpty()) {
                throw Problems.invalid(field + ".rules", "name at least one rule");
            }
            for (int j = 0; j < s.rules().size(); j++) {
                rule(field + ".rules[" + j + "]", s.rules().get(j));
            }
            steps.add(s);
        }
        return new LadderInput(in.code(), in.name().trim(), positions, steps,
                Versions.checkedLabel("nameZh", in.nameZh()), Versions.checkedLabel("nameEn", in.nameEn()));
    }

    private static void rule(String field, RuleInput r) {
        if (r == null) {
            throw Problems.invalid(field, "is empty");
        }
        if (r.label() != null && (r.label().isBlank() || r.label().length() > 200)) {
            throw Problems.invalid(field + ".label", "must be 1 to 200 characters");
        }
        String type = r.type() == null ? "" : r.type();
        switch (type) {
            case ConsecutiveGradesRule.TYPE -> {
                periods(field, r.periods());
                if (r.grades() == null || r.grades().isEmpty()
                        || r.grades().stream().anyMatch(g -> g == null || g.isBlank())) {
                    throw Problems.invalid(field + ".grades", "name the grades that count, e.g. [\"good\", \"excellent\"]");
                }
            }
            case TenureRule.TYPE -> {
                if (r.months() == null || r.months() < 0 || r.months() > 600) {
                    throw Problems.invalid(field + ".months", "must be between 0 and 600");
                }
            }
            case MetricRule.TYPE -> {
                if (r.measure() == null || !PlanValidation.MEASURE.matcher(r.measure()).matches()) {
                    throw Problems.invalid(field + ".measure", "must be a metric code (lower case letters, digits, '_')");
                }
                periods(field, r.periods());
                if (r.atLeast() == null && r.atMost() == null) {
                    throw Problems.invalid(field, "name atLeast, atMost or both");
                }
                if (r.atLeast() != null && r.atMost() != null && r.atLeast().compareTo(r.atMost()) > 0) {
                    throw Problems.invalid(field + ".atMost", "must not be below atLeast");
                }
            }
            default -> throw Problems.invalid(field + ".type", "must be consecutiveGrades, tenure or metric");
        }
    }

    private static void periods(String field, Integer periods) {
        if (periods == null || periods < 1 || periods > 24) {
            throw Problems.invalid(field + ".periods", "must be between 1 and 24 months");
        }
    }
}
