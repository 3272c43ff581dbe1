package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.perfcenter.gateway.console.FormFields.shown;

/**
 * The honors and ladders pages' definition forms: an award (createAward) and a career ladder (createLadder) built from
 * plain form fields, and the forms pre-filled from a definition the API answered (to post its next version). A few
 * empty rows follow the filled ones; console.js adds more.
 */
final class CareerForms {

    /** Empty rows offered after the filled ones. */
    static final int SPARE_ROWS = 2;

    private CareerForms() {
    }

    // ---- awards ----

    @TemplateData
    public record AwardForm(String code, String name, String nameZh, String nameEn, String cadence,
                            String rankMeasure, String rankDirection, String rankMinSamples,
                            List<ConditionRow> conditions, String excludedGrades, String winners,
                            List<TieRow> tieBreakers, boolean newVersion) {
    }

    @TemplateData
    public record ConditionRow(String measure, String atLeast, String atMost, String whenMissing) {
    }

    @TemplateData
    public record TieRow(String measure, String direction) {
    }

    static AwardForm emptyAward() {
        return new AwardForm("", "", "", "", "MONTHLY", "", "HIGHER", "", spareConditions(new ArrayList<>()), "",
                "1", spareTies(new ArrayList<>()), false);
    }

    /** The form pre-filled with an award's latest version, to post its next one. */
    static AwardForm award(JsonNode a) {
        List<ConditionRow> conditions = new ArrayList<>();
        a.path("eligibility").forEach(c -> conditions.add(new ConditionRow(shown(c, "measure"), shown(c, "atLeast"),
                shown(c, "atMost"), shown(c, "whenMissing"))));
        List<TieRow> ties = new ArrayList<>();
        a.path("tieBreakers").forEach(t -> ties.add(new TieRow(shown(t, "measure"), shown(t, "direction"))));
        JsonNode rank = a.path("rankBy");
        return new AwardForm(shown(a, "code"), shown(a, "name"), shown(a, "nameZh"), shown(a, "nameEn"),
                shown(a, "cadence"), shown(rank, "measure"), shown(rank, "direction"), shown(rank, "minSamples"),
                spareConditions(conditions), FormFields.joined(a.path("excludedGrades")), shown(a, "winners"),
                spareTies(ties), true);
    }

    private static List<ConditionRow> spareConditions(List<ConditionRow> rows) {
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new ConditionRow("", "", "", ""));
        }
        return rows;
    }

    private static List<TieRow> spareTies(List<TieRow> rows) {
        for (int i = 0; i < SPARE_ROWS; i++) {
            rows.add(new TieRow("", ""));
        }
        return rows;
    }

    /** The createAward body from the form; what the form leaves blank is left out for the API to judge. */
    static ObjectNode awardBody(MultivaluedMap<String, String> values) {
        FormFields form = new FormFields(values);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        FormFields.text(body, "code", form.one("code"));
        String name = form.one("name");
        // one name suffices: the API's name is the English one, else the Chinese one
        FormFields.text(body, "name", name != null ? name : form.one("nameEn") != null ? form.one("nameEn")
                : form.one("nameZh"));
        FormFields.text(body, "nameZh", form.one("nameZh"));
        FormFields.text(body, "nameEn", form.one("nameEn"));
        FormFields.text(body, "cadence", form.one("cadence"));
        if (form.anyOf("rankMeasure", "rankMinSamples")) {
            ObjectNode rank = body.putObject("rankBy");
            FormFields.text(rank, "measure", form.one("rankMeasure"));
            FormFields.text(rank, "direction", form.one("rankDirection"));
            FormFields.integer(rank, "minSamples", form.one("rankMinSamples"));
        }
        String[] condition = {"conditionMeasure", "conditionAtLeast", "conditionAtMost"};
        ArrayNode eligibility = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < form.rows(condition); i++) {
            if (form.blankRow(i, condition)) {
                continue;
            }
            ObjectNode c = eligibility.addObject();
            FormFields.text(c, "measure", form.at("conditionMeasure", i));
            FormFields.number(c, "atLeast", form.at("conditionAtLeast", i));
            FormFields.number(c, "atMost", form.at("conditionAtMost", i));
            FormFields.text(c, "whenMissing", form.at("conditionWhenMissing", i));
        }
        if (!eligibility.isEmpty()) {
            body.set("eligibility", eligibility);
        }
        FormFields.words(body, "excludedGrades", form.one("excludedGrades"));
        FormFields.integer(body, "winners", form.one("winners"));
        ArrayNode ties = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < form.rows("tieMeasure"); i++) {
            if (form.blankRow(i, "tieMeasure")) {
                continue;
            }
            ObjectNode t = ties.addObject();
            FormFields.text(t, "measure", form.at("tieMeasure", i));
            FormFields.text(t, "direction", form.at("tieDirection", i));
        }
        if (!ties.isEmpty()) {
            body.set("tieBreakers", ties);
        }
        return body;
    }

    // ---- ladders ----

    @TemplateData
    public record LadderForm(String code, String name, String nameZh, String nameEn, List<String> positions,
                             List<RuleRow> rules, boolean newVersion) {
    }

    /** A rule of the step that starts at {@code from} (the step goes to the next position). */
    @TemplateData
    public record RuleRow(String from, String type, String label, String periods, String grades, String months,
                          String measure, String atLeast, String atMost, String passWhenMissing) {
    }

    private static final int EMPTY_POSITIONS = 4;
    private static final int EMPTY_RULES = 4;

    static LadderForm emptyLadder() {
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < EMPTY_POSITIONS; i++) {
            positions.add("");
        }
        return new LadderForm("", "", "", "", positions, spareRules(new ArrayList<>(), EMPTY_RULES), false);
    }

    /** The form pre-filled with a ladder's latest version, to post its next one. */
    static LadderForm ladder(JsonNode l) {
        List<String> positions = new ArrayList<>();
        l.path("positions").forEach(p -> positions.add(p.asText()));
        for (int i = 0; i < SPARE_ROWS; i++) {
            positions.add("");
        }
        List<RuleRow> rules = new ArrayList<>();
        l.path("steps").forEach(s -> s.path("rules").forEach(r -> rules.add(new RuleRow(shown(s, "from"),
                shown(r, "type"), shown(r, "label"), shown(r, "periods"), FormFields.joined(r.path("grades")),
                shown(r, "months"), shown(r, "measure"), shown(r, "atLeast"), shown(r, "atMost"),
                shown(r, "passWhenMissing")))));
        return new LadderForm(shown(l, "code"), shown(l, "name"), shown(l, "nameZh"), shown(l, "nameEn"), positions,
                spareRules(rules, SPARE_ROWS), true);
    }

    private static List<RuleRow> spareRules(List<RuleRow> rows, int spare) {
        for (int i = 0; i < spare; i++) {
            rows.add(new RuleRow("", "", "", "", "", "", "", "", "", ""));
        }
        return rows;
    }

    private static final String[] RULE = {"ruleType", "ruleLabel", "rulePeriods", "ruleGrades", "ruleMonths",
            "ruleMeasure", "ruleAtLeast", "ruleAtMost"};

    /**
     * The createLadder body from the form: the positions lowest first, one step from each position to the next, and
     * each rule row in the step its "from" names. A rule whose "from" is no position but the last is refused by
     * {@link #unplacedRule}, before anything is sent.
     */
    static ObjectNode ladderBody(MultivaluedMap<String, String> values) {
        FormFields form = new FormFields(values);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        FormFields.text(body, "code", form.one("code"));
        String name = form.one("name");
        FormFields.text(body, "name", name != null ? name : form.one("nameEn") != null ? form.one("nameEn")
                : form.one("nameZh"));
        FormFields.text(body, "nameZh", form.one("nameZh"));
        FormFields.text(body, "nameEn", form.one("nameEn"));
        List<String> positions = positions(form);
        ArrayNode list = body.putArray("positions");
        positions.forEach(list::add);
        Map<String, ArrayNode> rulesOf = new LinkedHashMap<>();
        ArrayNode steps = body.putArray("steps");
        for (int i = 0; i + 1 < positions.size(); i++) {
            ObjectNode step = steps.addObject().put("from", positions.get(i)).put("to", positions.get(i + 1));
            rulesOf.putIfAbsent(positions.get(i), step.putArray("rules"));
        }
        for (int i = 0; i < form.rows(RULE); i++) {
            if (form.blankRow(i, RULE)) {
                continue;
            }
            ArrayNode rules = rulesOf.get(form.at("ruleFrom", i));
            if (rules == null) {
                continue;
            }
            ObjectNode r = rules.addObject();
            FormFields.text(r, "type", form.at("ruleType", i));
            FormFields.text(r, "label", form.at("ruleLabel", i));
            FormFields.integer(r, "periods", form.at("rulePeriods", i));
            FormFields.words(r, "grades", form.at("ruleGrades", i));
            FormFields.integer(r, "months", form.at("ruleMonths", i));
            FormFields.text(r, "measure", form.at("ruleMeasure", i));
            FormFields.number(r, "atLeast", form.at("ruleAtLeast", i));
            FormFields.number(r, "atMost", form.at("ruleAtMost", i));
            FormFields.bool(r, "passWhenMissing", form.at("rulePassWhenMissing", i));
        }
        return body;
    }

    /** The "from" of the first filled rule row that names no position but the last (null: every rule is placed). */
    static String unplacedRule(MultivaluedMap<String, String> values) {
        FormFields form = new FormFields(values);
        List<String> positions = positions(form);
        List<String> starts = positions.isEmpty() ? List.of() : positions.subList(0, positions.size() - 1);
        for (int i = 0; i < form.rows(RULE); i++) {
            if (!form.blankRow(i, RULE) && !starts.contains(form.at("ruleFrom", i))) {
                return String.valueOf(form.at("ruleFrom", i));
            }
        }
        return null;
    }

    private static List<String> positions(FormFields form) {
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < form.rows("position"); i++) {
            if (form.at("position", i) != null) {
                positions.add(form.at("position", i));
            }
        }
        return positions;
    }
}
