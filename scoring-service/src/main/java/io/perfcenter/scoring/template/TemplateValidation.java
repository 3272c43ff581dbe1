package io.perfcenter.scoring.template;

import io.perfcenter.scoring.rule.RuleReader;
import io.perfcenter.scoring.rule.ScoringRule.InvalidParameter;
import io.perfcenter.scoring.template.TemplatePayloads.ItemInput;
import io.perfcenter.scoring.template.TemplatePayloads.TemplateInput;
import io.perfcenter.scoring.web.Problems;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a template as posted and turns it into its stored items and bands; the first problem found is thrown as a
 * 400 naming the field by its path in the request ({@code items[0].rule.full}).
 */
final class TemplateValidation {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern METRIC_CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TemplateValidation() {
    }

    record Checked(List<TemplateItem> items, List<GradeBand> gradeBands) {
    }

    static Checked check(TemplateInput input) {
        required("code", input.code());
        if (!CODE.matcher(input.code()).matches()) {
            throw Problems.invalid("code", "must be letters, digits, '_', '.' or '-' (at most 64)");
        }
        required("name", input.name());
        required("position", input.position());
        return new Checked(items(input.items()), bands(input.gradeBands()));
    }

    private static List<TemplateItem> items(List<ItemInput> inputs) {
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
            required(at + ".metricCode", item.metricCode());
            if (!METRIC_CODE.matcher(item.metricCode()).matches()) {
                throw Problems.invalid(at + ".metricCode", "is not a metric code (lower case, digits, '_')");
            }
            BigDecimal weight = item.weight();
            if (weight == null) {
                throw Problems.invalid(at + ".weight", "is required");
            }
            if (weight.signum() <= 0 || weight.compareTo(HUNDRED) > 0 || weight.stripTrailingZeros().scale() > 2) {
                throw Problems.invalid(at + ".weight", "must be above 0 and at most 100, with at most 2 decimals");
            }
            sum = sum.add(weight);
            RuleReader.Reading rule = RuleReader.read(item.rule());
            if (rule.invalid() != null) {
                InvalidParameter p = rule.invalid();
                throw Problems.invalid(at + ".rule" + (p.field().isEmpty() ? "" : "." + p.field()), p.reason());
            }
            items.add(new TemplateItem(item.code(), item.name(), item.category(), item.metricCode(),
                    weight.stripTrailingZeros(), rule.rule()));
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw Problems.invalid("items", "the weights must sum to 100, they sum to " + sum.stripTrailingZeros()
                    .toPlainString());
        }
        return items;
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
            earlier = scores.putIfAbsent(band.minScore().stripTrailingZeros(), i);
            if (earlier != null) {
                throw Problems.invalid(at + ".minScore", "repeats gradeBands[" + earlier + "].minScore");
            }
            atZero |= band.minScore().signum() == 0;
        }
        if (!atZero) {
            throw Problems.invalid("gradeBands", "one band must start at 0, so that every total has a grade");
        }
        return inputs.stream().sorted(GradeBand.HIGHEST_FIRST).toList();
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
    }
}
