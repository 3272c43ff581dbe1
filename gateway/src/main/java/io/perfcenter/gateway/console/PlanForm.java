package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.ArrayList;
import java.util.List;

import static io.perfcenter.gateway.console.FormFields.shown;

/**
 * The plans page's form of a plan's next version, field by field (createPlan without typing JSON): performance pay
 * (share, coefficient per grade or score bands), target bonus, commission brackets, team reward, perks, honor prizes,
 * over-budget policy and points conversion, pre-filled from the version shown. A section is sent when any of its
 * fields is filled, so that emptying a section's fields leaves it out of the next version; rows left blank are
 * skipped. Numbers go as typed, and the API's problem names the field it refuses.
 */
@TemplateData
public record PlanForm(String code, String name, String currency, String share, List<Pair> grades, List<Band> bands,
                       Targets targets, List<Pair> weights, String commissionMeasure, String commissionMode,
                       List<Bracket> brackets, Team team, List<Perk> perks, List<Pair> prizes,
                       String overBudgetPolicy, String overBudgetKinds, String pointsRate, String pointsCap) {

    @TemplateData
    public record Pair(String key, String value) {
    }

    @TemplateData
    public record Band(String range, String coefficient, String label) {
    }

    @TemplateData
    public record Targets(String measure, String direction, String basicThreshold, String basicAmount,
                          String challengeThreshold, String challengeAmount) {
    }

    @TemplateData
    public record Bracket(String upTo, String rate, String teamFund) {
    }

    @TemplateData
    public record Team(String measure, String direction, String target, String pool, String split,
                       String hoursMeasure, String includeTeamFund) {
    }

    @TemplateData
    public record Perk(String code, String name, String quantity, String unit, String rankAtMost, String grades,
                       String scoreAtLeast, String match) {
    }

    private static final int SPARE = CareerForms.SPARE_ROWS;

    /** A blank form, for a first plan. */
    static PlanForm empty() {
        return of(JsonNodeFactory.instance.objectNode());
    }

    /** The form pre-filled from a plan version as getPlan answers it. */
    static PlanForm of(JsonNode p) {
        List<Pair> grades = new ArrayList<>();
        p.path("gradeCoefficients").fields().forEachRemaining(f -> grades.add(new Pair(f.getKey(),
                shown(p.path("gradeCoefficients"), f.getKey()))));
        List<Band> bands = new ArrayList<>();
        p.path("scoreBands").forEach(b -> bands.add(new Band(shown(b, "range"), shown(b, "coefficient"),
                shown(b, "label"))));
        JsonNode t = p.path("targets");
        Targets targets = new Targets(shown(t, "measure"), shown(t, "direction"), shown(t.path("basic"), "threshold"),
                shown(t.path("basic"), "amount"), shown(t.path("challenge"), "threshold"),
                shown(t.path("challenge"), "amount"));
        List<Pair> weights = new ArrayList<>();
        t.path("positionWeights").fields().forEachRemaining(f -> weights.add(new Pair(f.getKey(),
                shown(t.path("positionWeights"), f.getKey()))));
        JsonNode c = p.path("commission");
        List<Bracket> brackets = new ArrayList<>();
        c.path("brackets").forEach(b -> brackets.add(new Bracket(shown(b, "upTo"), shown(b, "rate"),
                shown(b, "teamFund"))));
        JsonNode r = p.path("teamReward");
        Team team = new Team(shown(r, "measure"), shown(r, "direction"), shown(r, "target"), shown(r, "pool"),
                shown(r, "split"), shown(r, "hoursMeasure"), shown(r, "includeTeamFund"));
        List<Perk> perks = new ArrayList<>();
        p.path("perks").forEach(k -> perks.add(new Perk(shown(k, "code"), shown(k, "name"), shown(k, "quantity"),
                shown(k, "unit"), shown(k.path("when"), "rankAtMost"), FormFields.joined(k.path("when").path("grades")),
                shown(k.path("when"), "scoreAtLeast"), shown(k.path("when"), "match"))));
        List<Pair> prizes = new ArrayList<>();
        p.path("honorPrizes").fields().forEachRemaining(f -> prizes.add(new Pair(f.getKey(),
                shown(p.path("honorPrizes"), f.getKey()))));
        JsonNode o = p.path("overBudget");
        JsonNode points = p.path("pointsConversion");
        for (int i = 0; i < SPARE; i++) {
            grades.add(new Pair("", ""));
            bands.add(new Band("", "", ""));
            weights.add(new Pair("", ""));
            brackets.add(new Bracket("", "", ""));
            perks.add(new Perk("", "", "", "", "", "", "", ""));
            prizes.add(new Pair("", ""));
        }
        return new PlanForm(shown(p, "code"), shown(p, "name"), shown(p, "currency"),
                shown(p, "performancePayShare"), grades, bands, targets, weights, shown(c, "measure"),
                shown(c, "mode"), brackets, team, perks, prizes, shown(o, "policy"),
                FormFields.joined(o.path("scaledKinds")), shown(points, "ratePerPoint"), shown(points, "cap"));
    }

    /** The createPlan body from the form's fields. */
    static ObjectNode body(MultivaluedMap<String, String> values) {
        FormFields form = new FormFields(values);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        FormFields.text(body, "code", form.one("code"));
        FormFields.text(body, "name", form.one("name"));
        FormFields.text(body, "currency", form.one("currency"));
        FormFields.number(body, "performancePayShare", form.one("performancePayShare"));
        ObjectNode grades = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < form.rows("gradeName", "gradeCoefficient"); i++) {
            if (!form.blankRow(i, "gradeName", "gradeCoefficient")) {
                entry(grades, form.at("gradeName", i), form.at("gradeCoefficient", i));
            }
        }
        if (!grades.isEmpty()) {
            body.set("gradeCoefficients", grades);
        }
        ArrayNode bands = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < form.rows("bandRange", "bandCoefficient", "bandLabel"); i++) {
            if (!form.blankRow(i, "bandRange", "bandCoefficient", "bandLabel")) {
                ObjectNode b = bands.addObject();
                FormFields.text(b, "range", form.at("bandRange", i));
                FormFields.number(b, "coefficient", form.at("bandCoefficient", i));
                FormFields.text(b, "label", form.at("bandLabel", i));
            }
        }
        if (!bands.isEmpty()) {
            body.set("scoreBands", bands);
        }
        ObjectNode weights = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < form.rows("weightPosition", "weightValue"); i++) {
            if (!form.blankRow(i, "weightPosition", "weightValue")) {
                entry(weights, form.at("weightPosition", i), form.at("weightValue", i));
            }
        }
        if (form.anyOf("targetMeasure", "targetBasicThreshold", "targetBasicAmount", "targetChallengeThreshold",
                "targetChallengeAmount") || !weights.isEmpty()) {
            ObjectNode t = body.putObject("targets");
            FormFields.text(t, "measure", form.one("targetMeasure"));
            FormFields.text(t, "direction", form.one("targetDirection"));
            target(form, t, "basic", "targetBasicThreshold", "targetBasicAmount");
            target(form, t, "challenge", "targetChallengeThreshold", "targetChallengeAmount");
            if (!weights.isEmpty()) {
                t.set("positionWeights", weights);
            }
        }
        ArrayNode brackets = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < form.rows("bracketUpTo", "bracketRate", "bracketTeamFund"); i++) {
            if (!form.blankRow(i, "bracketUpTo", "bracketRate", "bracketTeamFund")) {
                ObjectNode b = brackets.addObject();
                FormFields.number(b, "upTo", form.at("bracketUpTo", i));
                FormFields.number(b, "rate", form.at("bracketRate", i));
                FormFields.number(b, "teamFund", form.at("bracketTeamFund", i));
            }
        }
        if (form.anyOf("commissionMeasure") || !brackets.isEmpty()) {
            ObjectNode c = body.putObject("commission");
            FormFields.text(c, "measure", form.one("commissionMeasure"));
            FormFields.text(c, "mode", form.one("commissionMode"));
            c.set("brackets", brackets);
        }
        if (form.anyOf("teamMeasure", "teamTarget", "teamPool", "teamHoursMeasure")) {
            ObjectNode r = body.putObject("teamReward");
            FormFields.text(r, "measure", form.one("teamMeasure"));
            FormFields.text(r, "direction", form.one("teamDirection"));
            FormFields.number(r, "target", form.one("teamTarget"));
            FormFields.number(r, "pool", form.one("teamPool"));
            FormFields.text(r, "split", form.one("teamSplit"));
            FormFields.text(r, "hoursMeasure", form.one("teamHoursMeasure"));
            FormFields.bool(r, "includeTeamFund", form.one("teamIncludeFund"));
        }
        String[] perk = {"perkCode", "perkName", "perkQuantity", "perkUnit", "perkRankAtMost", "perkGrades",
                "perkScoreAtLeast"};
        ArrayNode perks = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < form.rows(perk); i++) {
            if (!form.blankRow(i, perk)) {
                ObjectNode k = perks.addObject();
                FormFields.text(k, "code", form.at("perkCode", i));
                FormFields.text(k, "name", form.at("perkName", i));
                FormFields.number(k, "quantity", form.at("perkQuantity", i));
                FormFields.text(k, "unit", form.at("perkUnit", i));
                ObjectNode when = k.putObject("when");
                FormFields.integer(when, "rankAtMost", form.at("perkRankAtMost", i));
                FormFields.words(when, "grades", form.at("perkGrades", i));
                FormFields.number(when, "scoreAtLeast", form.at("perkScoreAtLeast", i));
                FormFields.text(when, "match", form.at("perkMatch", i));
            }
        }
        if (!perks.isEmpty()) {
            body.set("perks", perks);
        }
        ObjectNode prizes = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < form.rows("prizeAward", "prizeAmount"); i++) {
            if (!form.blankRow(i, "prizeAward", "prizeAmount")) {
                entry(prizes, form.at("prizeAward", i), form.at("prizeAmount", i));
            }
        }
        if (!prizes.isEmpty()) {
            body.set("honorPrizes", prizes);
        }
        if (form.anyOf("overBudgetPolicy", "overBudgetKinds")) {
            ObjectNode o = body.putObject("overBudget");
            FormFields.text(o, "policy", form.one("overBudgetPolicy"));
            FormFields.words(o, "scaledKinds", form.one("overBudgetKinds"));
        }
        if (form.anyOf("pointsRate", "pointsCap")) {
            ObjectNode p = body.putObject("pointsConversion");
            FormFields.number(p, "ratePerPoint", form.one("pointsRate"));
            FormFields.number(p, "cap", form.one("pointsCap"));
        }
        return body;
    }

    /** A row of a map (grade → coefficient …): a blank key or value goes as blank, for the API to name it. */
    private static void entry(ObjectNode map, String key, String value) {
        String k = key == null ? "" : key;
        if (value == null) {
            map.putNull(k);
        } else {
            FormFields.number(map, k, value);
        }
    }

    private static void target(FormFields form, ObjectNode targets, String field, String threshold, String amount) {
        if (form.anyOf(threshold, amount)) {
            ObjectNode t = targets.putObject(field);
            FormFields.number(t, "threshold", form.one(threshold));
            FormFields.number(t, "amount", form.one(amount));
        }
    }
}
