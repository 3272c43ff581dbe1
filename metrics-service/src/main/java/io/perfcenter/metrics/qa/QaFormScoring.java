package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.metrics.qa.QaFormPayloads.AnswerType;
import io.perfcenter.metrics.qa.QaFormPayloads.CriticalEffect;
import io.perfcenter.metrics.qa.QaFormPayloads.Item;
import io.perfcenter.metrics.qa.QaFormPayloads.Section;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks an evaluation's items against its form version and scores it.
 *
 * <p>Items come as an object {@code {"greeting": 2, "risk_disclosure": "yes", "hold_etiquette": "n/a"}} or as an
 * array {@code [{"code": "greeting", "value": 2}]} ({@code score} is read for {@code value} too, the example of the
 * free items before forms). Every item of the form must be answered: a SCALE item with a whole number 0..scaleMax, a
 * YES_NO item with yes/no (or true/false), and {@code "n/a"} only where the item allows it.
 *
 * <p>Score: each answered item earns weight × value / scaleMax (SCALE) or its weight for yes, 0 for no; N/A items
 * count for nothing on either side. The score is earned / Σ weights of the answered items × 100, computed with 34
 * significant digits and rounded half-up to 2 decimals (the stored score's precision); item points are shown rounded
 * half-up to 4 decimals. An item fails when it is answered no or below its passMark. A failed critical item of effect
 * ZERO sets the score to 0.00 (the first such item in form order is named as criticalItem); otherwise failed CAP
 * items limit it to the lowest capAt among them (that item is named, also when the score was below the cap anyway).
 */
public final class QaFormScoring {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** An evaluation's answer that the form does not accept: the field (e.g. {@code items.greeting}) and why. */
    public static final class Refused extends Exception {
        public final String field;

        public Refused(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    /** The form's verdict: the score, the per-item results (JSON array) and the critical item that bit, or null. */
    public record Scored(BigDecimal score, String itemResults, String criticalItem) {
    }

    private QaFormScoring() {
    }

    public static Scored score(QaForm form, String itemsJson) throws Refused {
        String what = "form " + form.code + " v" + form.version;
        Map<String, JsonNode> answers = answers(itemsJson, what);
        Map<String, Item> byCode = new LinkedHashMap<>();
        form.sections.forEach(s -> s.items().forEach(i -> byCode.put(i.code(), i)));
        for (String code : answers.keySet()) {
            if (!byCode.containsKey(code)) {
                throw new Refused("items." + code, what + " has no item " + code);
            }
        }
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal weighed = BigDecimal.ZERO;
        String zeroedBy = null;
        String cappedBy = null;
        BigDecimal cap = null;
        ArrayNode results = NODES.arrayNode();
        for (Section section : form.sections) {
            for (Item item : section.items()) {
                String field = "items." + item.code();
                JsonNode answer = answers.get(item.code());
                if (answer == null || answer.isNull()) {
                    throw new Refused(field, "is required by " + what
                            + (item.notApplicableAllowed() ? " (send \"n/a\" if it does not apply)" : ""));
                }
                ObjectNode result = results.addObject();
                result.put("section", section.code());
                result.put("code", item.code());
                result.put("critical", item.critical() != null);
                if (notApplicable(answer)) {
                    if (!item.notApplicableAllowed()) {
                        throw new Refused(field, "n/a is not allowed for this item of " + what);
                    }
                    result.put("value", "n/a");
                    result.put("notApplicable", true);
                    result.putNull("passed");
                    result.putNull("points");
                    result.putNull("maxPoints");
                    continue;
                }
                BigDecimal points;
                boolean passed;
                if (item.answer() == AnswerType.SCALE) {
                    int v = scaleValue(answer, item, field);
                    points = item.weight().multiply(BigDecimal.valueOf(v))
                            .divide(BigDecimal.valueOf(item.scaleMax()), MathContext.DECIMAL128);
                    passed = v >= item.passValue();
                    result.put("value", String.valueOf(v));
                } else {
                    boolean yes = yesNo(answer, field);
                    points = yes ? item.weight() : BigDecimal.ZERO;
                    passed = yes;
                    result.put("value", yes ? "yes" : "no");
                }
                earned = earned.add(points);
                weighed = weighed.add(item.weight());
                result.put("notApplicable", false);
                result.put("passed", passed);
                result.put("points", points.setScale(4, RoundingMode.HALF_UP));
                result.put("maxPoints", item.weight());
                if (!passed && item.critical() == CriticalEffect.ZERO && zeroedBy == null) {
                    zeroedBy = item.code();
                }
                if (!passed && item.critical() == CriticalEffect.CAP && (cap == null || item.capAt().compareTo(cap) < 0)) {
                    cap = item.capAt();
                    cappedBy = item.code();
                }
            }
        }
        if (weighed.signum() == 0) {
            throw new Refused("items", "every weighed item of " + what + " is n/a; there is nothing to score");
        }
        BigDecimal score = earned.multiply(HUNDRED).divide(weighed, MathContext.DECIMAL128);
        String critical = null;
        if (zeroedBy != null) {
            score = BigDecimal.ZERO;
            critical = zeroedBy;
        } else if (cap != null) {
            score = score.min(cap);
            critical = cappedBy;
        }
        return new Scored(score.setScale(2, RoundingMode.HALF_UP), results.toString(), critical);
    }

    /** The answers by item code, from the object or array form. */
    private static Map<String, JsonNode> answers(String itemsJson, String what) throws Refused {
        if (itemsJson == null) {
            throw new Refused("items", "are required: answer every item of " + what);
        }
        JsonNode items;
        try {
            items = JSON.readTree(itemsJson);
        } catch (IOException e) {
            throw new Refused("items", "is not valid JSON");
        }
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        if (items.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                answers.put(e.getKey(), e.getValue());
            }
            return answers;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode entry = items.get(i);
            String at = "items[" + i + "]";
            if (!entry.isObject() || !entry.path("code").isTextual()) {
                throw new Refused(at + ".code", "each item must be an object with its code and value");
            }
            String code = entry.get("code").asText();
            JsonNode value = entry.has("value") ? entry.get("value") : entry.get("score");
            if (answers.put(code, value == null ? NODES.nullNode() : value) != null) {
                throw new Refused("items." + code, "is answered twice");
            }
        }
        return answers;
    }

    private static boolean notApplicable(JsonNode answer) {
        if (!answer.isTextual()) {
            return false;
        }
        String t = answer.asText().strip().toLowerCase(Locale.ROOT);
        return t.equals("n/a") || t.equals("na");
    }

    private static int scaleValue(JsonNode answer, Item item, String field) throws Refused {
        String range = "must be a whole number from 0 to " + item.scaleMax();
        long v;
        if (answer.isIntegralNumber() && answer.canConvertToLong()) {
            v = answer.asLong();
        } else if (answer.isNumber() && answer.decimalValue().stripTrailingZeros().scale() <= 0
                && answer.decimalValue().abs().compareTo(BigDecimal.valueOf(1000)) < 0) {
            v = answer.decimalValue().longValue();
        } else if (answer.isTextual() && answer.asText().strip().matches("\\d{1,3}")) {
            v = Long.parseLong(answer.asText().strip());
        } else {
            throw new Refused(field, range + ", not " + shorten(answer));
        }
        if (v < 0 || v > item.scaleMax()) {
            throw new Refused(field, range + ", not " + v);
        }
        return (int) v;
    }

    private static boolean yesNo(JsonNode answer, String field) throws Refused {
        if (answer.isBoolean()) {
            return answer.asBoolean();
        }
        if (answer.isTextual()) {
            switch (answer.asText().strip().toLowerCase(Locale.ROOT)) {
                case "yes", "y", "true", "pass" -> {
                    return true;
                }
                case "no", "n", "false", "fail" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw new Refused(field, "must be yes or no, not " + shorten(answer));
    }

    private static String shorten(JsonNode answer) {
        String t = answer.toString();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }

    /** A human explanation of a stored result, e.g. "greeting 2/2: 10 of 10; … → 75.00; zeroed by risk_disclosure". */
    public static String explain(QaForm form, JsonNode results, BigDecimal score, String criticalItem) {
        List<String> parts = new ArrayList<>();
        Map<String, Item> byCode = new LinkedHashMap<>();
        if (form != null) {
            form.sections.forEach(s -> s.items().forEach(i -> byCode.put(i.code(), i)));
        }
        for (JsonNode r : results) {
            String code = r.path("code").asText();
            Item item = byCode.get(code);
            String value = r.path("value").asText();
            if (r.path("notApplicable").asBoolean()) {
                parts.add(code + " n/a");
                continue;
            }
            String shown = item != null && item.answer() == AnswerType.SCALE ? value + "/" + item.scaleMax() : value;
            parts.add(code + " " + shown + ": " + r.path("points").decimalValue().stripTrailingZeros().toPlainString()
                    + " of " + r.path("maxPoints").decimalValue().stripTrailingZeros().toPlainString()
                    + (r.path("passed").asBoolean() ? "" : " (failed" + (r.path("critical").asBoolean()
                    ? ", critical" : "") + ")"));
        }
        StringBuilder out = new StringBuilder(String.join("; ", parts));
        if (criticalItem != null) {
            Item item = byCode.get(criticalItem);
            if (item != null && item.critical() == CriticalEffect.CAP) {
                out.append(" → capped at ").append(item.capAt().toPlainString()).append(" by critical item ")
                        .append(criticalItem).append(": ").append(score.toPlainString());
            } else {
                out.append(" → zeroed by critical item ").append(criticalItem).append(": ")
                        .append(score.toPlainString());
            }
        } else {
            out.append(" → earned points / weights of the items answered × 100 = ").append(score.toPlainString());
        }
        return out.toString();
    }
}
