package io.perfcenter.scoring.template;

import io.perfcenter.scoring.rule.Figures;
import io.perfcenter.scoring.rule.PointRange;
import io.perfcenter.scoring.rule.RuleReader;
import io.perfcenter.scoring.rule.ScoringRule.InvalidParameter;
import io.perfcenter.scoring.template.TemplateOptions.Category;
import io.perfcenter.scoring.template.TemplateOptions.Quota;
import io.perfcenter.scoring.template.TemplateOptions.Scoring;
import io.perfcenter.scoring.template.TemplatePayloads.ItemInput;
import io.perfcenter.scoring.template.TemplatePayloads.TemplateInput;
import io.perfcenter.scoring.web.Problems;


import static io.perfcenter.scoring.rule.Figures.plainText;


import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a template as posted and turns it into its stored items, bands and options; the first problem found is
 * thrown as a 400 naming the field by its path in the request ({@code items[0].rule.full}).
 */
final class TemplateValidation {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern METRIC_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_ADDITIVE = BigDecimal.valueOf(1_000_000);

    private TemplateValidation() {
    }

    record Checked(List<TemplateItem> items, List<GradeBand> gradeBands, TemplateOptions options) {
    }

    static Checked check(TemplateInput input) {
        required("code", input.code());
        if (!CODE.matcher(input.code()).matches()) {
            throw Problems.invalid("code", "must be letters, digits, '_', '.' or '-' (at most 64)");
        }
        required("name", input.name());
        Labels.check("nameZh", input.nameZh());
        Labels.check("nameEn", input.nameEn());
        required("position", input.position());
        Scoring scoring = input.scoring() == null ? Scoring.WEIGHTED : input.scoring();
        BigDecimal weightTotal = input.weightTotal();
        if (weightTotal != null && (weightTotal.signum() <= 0 || weightTotal.compareTo(MAX_ADDITIVE) > 0)) {
            throw Problems.invalid("weightTotal", "must be above 0 and at most 1,000,000");
        }
        if (scoring == Scoring.WEIGHTED && weightTotal == null) {
            weightTotal = HUNDRED;
        }
        InsufficientData policy = policy("insufficientData", input.insufficientData());
        List<TemplateItem> items = items(input.items(), scoring, weightTotal);
        categories(input.categories(), items, weightTotal);
        List<GradeBand> bands = bands(input.gradeBands());
        distribution(input.distribution(), bands);
        List<String> positions = positions(input.positions());
        if ((input.moverPolicy() != null || positions != null) && input.subject() == TemplateOptions.Subject.UNITS) {
            throw Problems.invalid(input.moverPolicy() != null ? "moverPolicy" : "positions",
                    "applies to templates scoring agents; a units template scores each unit's leader");
        }
        TemplateOptions options = new TemplateOptions(input.scoring(), input.weightTotal(),
                input.categories() == null || input.categories().isEmpty() ? null : input.categories(),
                policy, input.subject(), input.distribution(), input.review(), input.moverPolicy(), positions);
        return new Checked(items, bands, options.equals(TemplateOptions.DEFAULTS) ? null : options);
    }

    // further positions, stripped, each once; none given is none
    private static List<String> positions(List<String> positions) {
        if (positions == null || positions.isEmpty()) {
            return null;
        }
        List<String> stripped = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            required("positions[" + i + "]", positions.get(i));
            String position = positions.get(i).strip();
            if (position.length() > 64) {
                throw Problems.invalid("positions[" + i + "]", "must be at most 64 characters");
            }
            if (!stripped.contains(position)) {
                stripped.add(position);
            }
        }
        return stripped;
    }

    private static List<TemplateItem> items(List<ItemInput> inputs, Scoring scoring, BigDecimal weightTotal) {
        if (inputs == null || inputs.isEmpty()) {
            throw Problems.invalid("items", "name at least one item");
        }
        List<TemplateItem> items = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < inputs.size(); i++) {
            String at = "items[" + i + "]";
            ItemInput item = inputs.get(i);
            if (item == null) {
                throw Problems.invalid(at, "is empty");
            }
            required(at + ".code", item.code());
            if (!CODE.matcher(item.code()).matches()) {
                throw Problems.invalid(at + ".code", "must be letters, digits, '_', '.' or '-' (at most 64)");
            }
            Integer earlier = codes.putIfAbsent(item.code(), i);
            if (earlier != null) {
                throw Problems.invalid(at + ".code", "repeats items[" + earlier + "].code " + item.code());
            }
            required(at + ".name", item.name());
            required(at + ".category", item.category());
            RuleReader.Reading rule = RuleReader.read(item.rule());
            if (rule.invalid() != null) {
                InvalidParameter p = rule.invalid();
                throw Problems.invalid(at + ".rule" + (p.field().isEmpty() ? "" : "." + p.field()), p.reason());
            }
            if (rule.rule().scoresMetric() || item.metricCode() != null) {
                required(at + ".metricCode", item.metricCode());
                if (!METRIC_CODE.matcher(item.metricCode()).matches()) {
                    throw Problems.invalid(at + ".metricCode", "is not a metric code (lower case, digits, '_')");
                }
            }
            BigDecimal weight = item.weight();
            if (scoring == Scoring.WEIGHTED) {
                if (weight == null) {
                    throw Problems.invalid(at + ".weight", "is required");
                }
                if (weight.signum() <= 0 || weight.compareTo(weightTotal) > 0 || weight.stripTrailingZeros().scale() > 2) {
                    throw Problems.invalid(at + ".weight", "must be above 0 and at most " + plainText(weightTotal)
                            + ", with at most 2 decimals");
                }
            } else {
                weight = additiveMaximum(at, weight, rule.rule().pointRange(), weightTotal);
            }
            if (weight != null) {
                sum = sum.add(weight);
            }
            if (item.minSamples() != null && item.minSamples() < 1) {
                throw Problems.invalid(at + ".minSamples", "must be at least 1");
            }
            if (item.minSamples() != null && !rule.rule().scoresMetric()) {
                throw Problems.invalid(at + ".minSamples", "applies to metric values, not to manual ratings");
            }
            InsufficientData itemPolicy = policy(at + ".insufficientData", item.insufficientData());
            Labels.check(at + ".nameZh", item.nameZh());
            Labels.check(at + ".nameEn", item.nameEn());
            items.add(new TemplateItem(item.code(), item.name(), item.category(), item.metricCode(),
                    Figures.plain(weight), rule.rule(), item.minSamples(),
                    itemPolicy, Labels.stripped(item.nameZh()), Labels.stripped(item.nameEn())));
        }
        if (weightTotal != null && sum.compareTo(weightTotal) != 0) {
            throw Problems.invalid("items", (scoring == Scoring.ADDITIVE ? "the items' maximum points must sum to "
                    + "the template's maximum (weightTotal) " : "the weights must sum to ") + plainText(weightTotal)
                    + ", they sum to " + plainText(sum));
        }
        return items;
    }

    /**
     * An additive item is worth its rule's maximum: a weight, when given, must say the same (a weight below it used
     * to cap the points silently); left out, it is the rule's maximum. Only a rule whose points have no maximum (a
     * tiered rate without maxPoints, an expression without max) takes its maximum from the weight, which caps it.
     */
    private static BigDecimal additiveMaximum(String at, BigDecimal weight, PointRange range, BigDecimal weightTotal) {
        if (weight != null && (weight.signum() <= 0 || weight.compareTo(MAX_ADDITIVE) > 0
                || weight.stripTrailingZeros().scale() > 2)) {
            throw Problems.invalid(at + ".weight", "must be above 0 and at most 1,000,000, with at most 2 "
                    + "decimals (the item's maximum points)");
        }
        if (range.max() == null) {
            if (weight == null && weightTotal != null) {
                throw Problems.invalid(at + ".weight", "is required: the template's maximum is "
                        + plainText(weightTotal) + " and the rule's points have no maximum");
            }
            return weight;
        }
        if (weight != null && weight.compareTo(range.max()) != 0) {
            throw Problems.invalid(at + ".weight", "is the item's maximum and must match its rule's: the rule gives "
                    + range.describe() + " points; set weight to " + plainText(range.max()) + " or leave it out, or "
                    + "state the rule's points");
        }
        return Figures.plain(range.max());
    }

    private static InsufficientData policy(String field, InsufficientData policy) {
        if (policy == null) {
            return null;
        }
        if (policy.policy() == null) {
            throw Problems.invalid(field + ".policy", "is required: zero, neutral or exclude");
        }
        if (policy.policy() == InsufficientData.Policy.NEUTRAL) {
            if (policy.neutralPoints() == null || policy.neutralPoints().signum() < 0) {
                throw Problems.invalid(field + ".neutralPoints", "is required with the neutral policy and must not "
                        + "be negative");
            }
        } else if (policy.neutralPoints() != null) {
            throw Problems.invalid(field + ".neutralPoints", "applies to the neutral policy only");
        }
        return policy;
    }

    private static void categories(List<Category> categories, List<TemplateItem> items, BigDecimal weightTotal) {
        // an empty list is no categories: generated clients send [] for a list the caller never set
        if (categories == null || categories.isEmpty()) {
            return;
        }
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            if (c == null || c.code() == null || c.code().isBlank()) {
                throw Problems.invalid("categories[" + i + "].code", "is required");
            }
            if (weights.containsKey(c.code())) {
                throw Problems.invalid("categories[" + i + "].code", "repeats category " + c.code());
            }
            if (c.weight() == null || c.weight().signum() <= 0) {
                throw Problems.invalid("categories[" + i + "].weight", "must be above 0");
            }
            weights.put(c.code(), c.weight());
            sum = sum.add(c.weight());
        }
        if (weightTotal != null && sum.compareTo(weightTotal) != 0) {
            throw Problems.invalid("categories", "the category weights must sum to " + plainText(weightTotal)
                    + ", they sum to " + plainText(sum));
        }
        Map<String, BigDecimal> itemSums = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            TemplateItem item = items.get(i);
            if (!weights.containsKey(item.category())) {
                throw Problems.invalid("items[" + i + "].category", "is not one of the template's categories ("
                        + String.join(", ", weights.keySet()) + ")");
            }
            if (item.weight() == null) {
                throw Problems.invalid("items[" + i + "].weight", "is required when categories have weights");
            }
            itemSums.merge(item.category(), item.weight(), BigDecimal::add);
        }
        for (int i = 0; i < categories.size(); i++) {
            Category c = categories.get(i);
            BigDecimal items_ = itemSums.getOrDefault(c.code(), BigDecimal.ZERO);
            if (items_.compareTo(c.weight()) != 0) {
                throw Problems.invalid("categories[" + i + "].weight", "the items of " + c.code() + " weigh "
                        + plainText(items_) + ", the category " + plainText(c.weight()));
            }
        }
    }

    private static void distribution(TemplateOptions.Distribution distribution, List<GradeBand> bands) {
        if (distribution == null) {
            return;
        }
        List<Quota> quotas = distribution.quotas();
        if (quotas == null || quotas.isEmpty()) {
            throw Problems.invalid("distribution.quotas", "name the share of each grade, best first");
        }
        List<String> grades = bands.stream().map(GradeBand::grade).toList();
        Map<String, Integer> seen = new HashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < quotas.size(); i++) {
            String at = "distribution.quotas[" + i + "]";
            Quota q = quotas.get(i);
            if (q == null || q.grade() == null || !grades.contains(q.grade())) {
                throw Problems.invalid(at + ".grade", "must be one of the grade bands' grades ("
                        + String.join(", ", grades) + ")");
            }
            if (seen.putIfAbsent(q.grade(), i) != null) {
                throw Problems.invalid(at + ".grade", "repeats grade " + q.grade());
            }
            if (q.share() == null || q.share().signum() < 0 || q.share().compareTo(HUNDRED) > 0) {
                throw Problems.invalid(at + ".share", "must be between 0 and 100");
            }
            sum = sum.add(q.share());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw Problems.invalid("distribution.quotas", "the shares must sum to 100, they sum to " + plainText(sum));
        }
    }

    private static List<GradeBand> bands(List<GradeBand> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw Problems.invalid("gradeBands", "name at least one band, one of them at 0");
        }
        Map<String, Integer> grades = new HashMap<>();
        Map<BigDecimal, Integer> scores = new HashMap<>();
        boolean atZero = false;
        for (int i = 0; i < inputs.size(); i++) {
            String at = "gradeBands[" + i + "]";
            GradeBand band = inputs.get(i);
            if (band == null) {
                throw Problems.invalid(at, "is empty");
            }
            required(at + ".grade", band.grade());
            Integer earlier = grades.putIfAbsent(band.grade(), i);
            if (earlier != null) {
                throw Problems.invalid(at + ".grade", "repeats gradeBands[" + earlier + "].grade " + band.grade());
            }
            if (band.minScore() == null) {
                throw Problems.invalid(at + ".minScore", "is required");
            }
            if (band.minScore().signum() < 0) {
                throw Problems.invalid(at + ".minScore", "must not be negative");
            }
            earlier = scores.putIfAbsent(Figures.plain(band.minScore()), i);
            if (earlier != null) {
                throw Problems.invalid(at + ".minScore", "repeats gradeBands[" + earlier + "].minScore");
            }
            Labels.check(at + ".nameZh", band.nameZh());
            Labels.check(at + ".nameEn", band.nameEn());
            atZero |= band.minScore().signum() == 0;
        }
        if (!atZero) {
            throw Problems.invalid("gradeBands", "one band must start at 0, so that every total has a grade");
        }
        return inputs.stream().sorted(GradeBand.HIGHEST_FIRST).map(b -> new GradeBand(b.grade(), b.minScore(),
                Labels.stripped(b.nameZh()), Labels.stripped(b.nameEn()))).toList();
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
    }
}
