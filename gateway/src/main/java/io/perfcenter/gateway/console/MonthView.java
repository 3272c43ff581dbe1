package io.perfcenter.gateway.console;

import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One agent's month as the console shows it, read from what the services answered the signed-in person (so it holds
 * only what the API let them see): the month's scorecard with every item explained, the 12-month trend of the total,
 * the pay statements and the appeals. Enum values are compared without regard to case.
 */
@TemplateData
public record MonthView(String employeeId, String name, String unitCode, String period, String previousPeriod,
                        String nextPeriod, boolean own, Card card, List<Item> items, String trend,
                        List<Statement> statements, List<AppealRow> appeals, List<String> notes,
                        AgentViews.Growth growth) {

    /** The month's scorecard: total, grade, rank of N (N when the run is visible to the reader) and percentile. */
    @TemplateData
    public record Card(long id, long runId, String templateCode, String total, String grade, String bandGrade,
                       int rank, Long rankOf, String percentile, String status, String totalExplanation,
                       String selfAssessment, String comments, String feedbackNotes, String reviewedBy,
                       String gradeLabel, String templateLabel) {

        /** In review: the agent writes a self-assessment, the supervisor reviews (then it is published). */
        public boolean inReview() {
            return "IN_REVIEW".equalsIgnoreCase(status);
        }

        public String rankText() {
            return rank <= 0 ? "–" : rankOf == null ? Integer.toString(rank) : rank + " of " + rankOf;
        }

        public boolean appealable() {
            return "PUBLISHED".equalsIgnoreCase(status);
        }

        /** Whether the template has a name besides its code (then the page shows both). */
        public boolean templateNamed() {
            return templateLabel != null && !templateLabel.equals(templateCode);
        }
    }

    @TemplateData
    public record Item(String code, String metric, String value, String samples, String points, String maxPoints,
                       String weight, String weightedPoints, String explanation, String handling,
                       boolean insufficientData, String name) {
    }

    @TemplateData
    public record Statement(String planCode, String total, String currency, boolean approved, String runStatus,
                            List<String> flags, List<Line> lines) {

        public String state() {
            return approved ? "approved" : "provisional";
        }
    }

    @TemplateData
    public record Line(String kind, String amount, String currency, String explanation) {
    }

    @TemplateData
    public record AppealRow(long id, String itemCode, String kind, String reason, String status, String decision) {
    }

    /** The scorecard of {@code period} among an agent's scorecards (any period, newest first): a current one. */
    static JsonNode cardOf(JsonNode cards, String period) {
        if (cards == null || !cards.isArray()) {
            return null;
        }
        for (JsonNode card : cards) {
            if (period.equals(card.path("period").asText()) && !"SUPERSEDED".equalsIgnoreCase(card.path("status").asText())) {
                return card;
            }
        }
        return null;
    }

    static Card card(JsonNode card, JsonNode run) {
        return card(card, run, TemplateLabels.NONE);
    }

    /**
     * The card, its grade and template labelled in the page's language when the template names them
     * ({@link TemplateLabels}).
     */
    static Card card(JsonNode card, JsonNode run, TemplateLabels labels) {
        Long of = run != null && run.hasNonNull("scorecardCount") ? run.path("scorecardCount").asLong() : null;
        return new Card(card.path("id").asLong(), card.path("runId").asLong(), text(card, "templateCode"),
                text(card, "total"), text(card, "grade"), text(card, "bandGrade"), card.path("rank").asInt(), of,
                text(card, "percentile"), text(card, "status"), text(card, "totalExplanation"),
                text(card.path("review"), "selfAssessment"), text(card.path("review"), "comments"),
                text(card.path("review"), "feedbackNotes"), text(card.path("review"), "reviewedBy"),
                labels.grade(text(card, "grade")), labels.template(text(card, "templateCode")));
    }

    static List<Item> items(JsonNode card) {
        return items(card, TemplateLabels.NONE);
    }

    /** The items, each named in the page's language when the template names it, else by its code. */
    static List<Item> items(JsonNode card, TemplateLabels labels) {
        List<Item> items = new ArrayList<>();
        for (JsonNode i : card.path("items")) {
            items.add(new Item(text(i, "itemCode"), text(i, "metricCode"), text(i, "value"), text(i, "samples"),
                    text(i, "points"), text(i, "maxPoints"), text(i, "weight"), text(i, "weightedPoints"),
                    text(i, "explanation"), CodeLabels.label(lower(text(i, "handling"))),
                    i.path("insufficientData").asBoolean(), labels.item(text(i, "itemCode"))));
        }
        return items;
    }

    /**
     * The total of each of the 12 months up to {@code month} for the template of the month's card (or of the newest
     * card), as the chart's JSON: {@code {"periods": [...], "totals": [... or null]}}.
     */
    static String trend(JsonNode cards, YearMonth month, String templateCode) {
        Map<String, String> totals = new LinkedHashMap<>();
        if (cards != null && cards.isArray()) {
            String template = templateCode;
            for (JsonNode card : cards) {
                if (template == null) {
                    template = text(card, "templateCode");
                }
                if (template != null && template.equals(text(card, "templateCode"))
                        && !"SUPERSEDED".equalsIgnoreCase(card.path("status").asText())
                        && card.hasNonNull("total")) {
                    totals.putIfAbsent(card.path("period").asText(), text(card, "total"));
                }
            }
        }
        StringBuilder periods = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 11; i >= 0; i--) {
            String period = month.minusMonths(i).toString();
            String sep = i == 11 ? "" : ",";
            periods.append(sep).append('"').append(period).append('"');
            String total = totals.get(period);
            values.append(sep).append(total == null ? "null" : total);
        }
        return "{\"periods\":[" + periods + "],\"totals\":[" + values + "]}";
    }

    static List<Statement> statements(JsonNode statements) {
        List<Statement> list = new ArrayList<>();
        if (statements == null) {
            return list;
        }
        for (JsonNode s : statements) {
            List<Line> lines = new ArrayList<>();
            for (JsonNode l : s.path("lines")) {
                lines.add(new Line(text(l, "kind"), money(l, "amount"), text(l, "currency"), text(l, "explanation")));
            }
            List<String> flags = new ArrayList<>();
            s.path("flags").forEach(f -> flags.add(f.asText()));
            String runStatus = text(s, "runStatus");
            list.add(new Statement(text(s, "planCode"), money(s, "total"), text(s, "currency"),
                    "APPROVED".equalsIgnoreCase(runStatus), lower(runStatus), flags, lines));
        }
        return list;
    }

    static List<AppealRow> appeals(JsonNode appeals) {
        List<AppealRow> list = new ArrayList<>();
        if (appeals == null) {
            return list;
        }
        for (JsonNode a : appeals) {
            list.add(new AppealRow(a.path("id").asLong(), text(a, "itemCode"), lower(text(a, "kind")),
                    text(a, "reason"), lower(text(a, "status")), text(a, "decisionReason")));
        }
        return list;
    }

    /** A field as text; numbers as the API wrote them, without trailing zeros or exponent (100.00 → 100). */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            java.math.BigDecimal number = value.decimalValue().stripTrailingZeros();
            return (number.scale() < 0 ? number.setScale(0) : number).toPlainString();
        }
        return value.asText();
    }

    /** An amount of money as pay statements state it: 2 decimals (the API already rounds them HALF_UP to 2). */
    static String money(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isNumber()) {
            return value == null || value.isNull() ? null : value.asText();
        }
        return value.decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String lower(String value) {
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
