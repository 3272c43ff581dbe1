package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.TemplateData;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the quality and coaching pages show, made from the API's answers (scoring-service's coaching sessions and
 * improvement plans, metrics-service's QA evaluations, calibration sessions and mentorships), and the request bodies
 * their forms become. Pure functions of JSON and form fields, so that they are tested without a running suite.
 */
final class QualityView {

    /** How many action rows the coaching notes form offers beyond the ones agreed so far. */
    static final int BLANK_ACTIONS = 2;

    private QualityView() {
    }

    // ---- the agent's quality page ----

    @TemplateData
    public record AgentQuality(String employeeId, String name, String unitCode, String period, String previousPeriod,
                               String nextPeriod, boolean own, boolean coaches, Long scorecardId,
                               String scorecardStatus, boolean published, List<CardItem> items,
                               List<SessionRow> sessions, List<Plan> plans, List<QaRow> evaluations, String today,
                               List<String> notes) {
    }

    @TemplateData
    public record CardItem(String code, String name) {
    }

    @TemplateData
    public record SessionRow(long id, String period, String coach, String status, String openedAt,
                             boolean agentAcknowledged, boolean coachAcknowledged) {
    }

    @TemplateData
    public record Plan(long id, String status, String startDate, String dueDate, String reason, String scorecardId,
                       boolean consequenceDue, boolean missed, String evaluation, String evaluatedAt,
                       List<GoalRow> goals, List<CheckInRow> checkIns, List<ConsequenceRow> consequences) {
    }

    @TemplateData
    public record GoalRow(String metricCode, String comparison, String value, String window, int consecutive,
                          Boolean met, String explanation, List<WindowRow> windows) {
    }

    @TemplateData
    public record WindowRow(String start, String end, String value, String samples, boolean holds) {
    }

    @TemplateData
    public record CheckInRow(String authorRole, String author, String note, String at) {
    }

    @TemplateData
    public record ConsequenceRow(String kind, String reason, String previousDueDate, String extendedTo,
                                 String decidedBy, String decidedAt) {
    }

    @TemplateData
    public record QaRow(long id, String externalId, String evaluatedOn, String evaluatorId, String score,
                        String formCode, String criticalItem, String explanation, String agentStatus,
                        boolean acknowledged, boolean disputed, String appealId, String appealOutcome,
                        String appealReason) {
    }

    static List<CardItem> items(JsonNode card) {
        List<CardItem> list = new ArrayList<>();
        if (card != null) {
            card.path("items").forEach(i -> list.add(new CardItem(i.path("itemCode").asText(),
                    MonthView.text(i, "itemName"))));
        }
        return list;
    }

    static List<SessionRow> sessions(JsonNode sessions) {
        List<SessionRow> list = new ArrayList<>();
        for (JsonNode s : array(sessions)) {
            list.add(new SessionRow(s.path("id").asLong(), MonthView.text(s, "period"), MonthView.text(s, "coach"),
                    MonthView.text(s, "status"), HrViews.minute(MonthView.text(s, "openedAt")),
                    s.hasNonNull("agentAcknowledgedAt"), s.hasNonNull("coachAcknowledgedAt")));
        }
        // newest first: the API lists oldest first
        java.util.Collections.reverse(list);
        return list;
    }

    static List<Plan> plans(JsonNode plans) {
        List<Plan> list = new ArrayList<>();
        for (JsonNode p : array(plans)) {
            list.add(plan(p));
        }
        java.util.Collections.reverse(list);
        return list;
    }

    static Plan plan(JsonNode p) {
        Map<String, JsonNode> results = new LinkedHashMap<>();
        JsonNode evaluation = p.path("evaluation");
        int n = 0;
        for (JsonNode r : array(evaluation.path("goals"))) {
            results.put(String.valueOf(n++), r);
        }
        List<GoalRow> goals = new ArrayList<>();
        n = 0;
        for (JsonNode g : array(p.path("goals"))) {
            JsonNode r = results.get(String.valueOf(n++));
            List<WindowRow> windows = new ArrayList<>();
            if (r != null) {
                for (JsonNode w : array(r.path("windows"))) {
                    windows.add(new WindowRow(MonthView.text(w, "start"), MonthView.text(w, "end"),
                            MonthView.text(w, "value"), MonthView.text(w, "samples"), w.path("holds").asBoolean()));
                }
            }
            goals.add(new GoalRow(MonthView.text(g, "metricCode"), MonthView.text(g, "comparison"),
                    MonthView.text(g, "value"), MonthView.text(g, "window"),
                    g.hasNonNull("consecutive") ? g.path("consecutive").asInt() : 1,
                    r == null ? null : r.path("met").asBoolean(), r == null ? null : MonthView.text(r, "explanation"),
                    windows));
        }
        List<CheckInRow> checkIns = new ArrayList<>();
        for (JsonNode c : array(p.path("checkIns"))) {
            checkIns.add(new CheckInRow(MonthView.text(c, "authorRole"), MonthView.text(c, "author"),
                    MonthView.text(c, "note"), HrViews.minute(MonthView.text(c, "createdAt"))));
        }
        List<ConsequenceRow> consequences = new ArrayList<>();
        for (JsonNode c : array(p.path("consequences"))) {
            consequences.add(new ConsequenceRow(MonthView.text(c, "kind"), MonthView.text(c, "reason"),
                    MonthView.text(c, "previousDueDate"), MonthView.text(c, "extendedTo"),
                    MonthView.text(c, "decidedBy"), HrViews.minute(MonthView.text(c, "decidedAt"))));
        }
        String status = MonthView.text(p, "status");
        return new Plan(p.path("id").asLong(), status, MonthView.text(p, "startDate"), MonthView.text(p, "dueDate"),
                MonthView.text(p, "reason"), MonthView.text(p, "scorecardId"), p.path("consequenceDue").asBoolean(),
                "MISSED".equals(status), MonthView.text(evaluation, "explanation"),
                HrViews.minute(MonthView.text(p, "evaluatedAt")), goals, checkIns, consequences);
    }

    static List<QaRow> evaluations(JsonNode evaluations) {
        List<QaRow> list = new ArrayList<>();
        for (JsonNode e : array(evaluations)) {
            String status = MonthView.text(e, "agentStatus");
            list.add(new QaRow(e.path("id").asLong(), MonthView.text(e, "externalId"),
                    MonthView.text(e, "evaluatedOn"), MonthView.text(e, "evaluatorId"), MonthView.text(e, "score"),
                    MonthView.text(e, "formCode"), MonthView.text(e, "criticalItem"),
                    MonthView.text(e, "explanation"), status, e.hasNonNull("acknowledgedAt"),
                    "DISPUTED".equals(status), MonthView.text(e, "appealId"), MonthView.text(e, "appealOutcome"),
                    MonthView.text(e, "appealReason")));
        }
        return list;
    }

    // ---- a coaching session ----

    @TemplateData
    public record Session(long id, long scorecardId, String employeeId, String unitCode, String period,
                          String templateCode, String coach, String status, boolean open, String openedAt,
                          List<AgendaRow> agenda, String agendaBasis, String notes, List<ActionRow> actions,
                          String notesAt, String agentAcknowledgedAt, String agentComment,
                          String coachAcknowledgedAt, String coachComment, String closedAt, boolean isAgent,
                          boolean isCoach, boolean canEdit, boolean canAcknowledge, String nextDue) {
    }

    @TemplateData
    public record AgendaRow(int position, String itemCode, String name, String metricCode, String points,
                            String maxPoints, String attainment, String weight, String explanation) {
    }

    @TemplateData
    /** {@code index}: 1, 2, … as the form numbers the rows. */
    @SuppressWarnings("unused")
    public record ActionRow(int index, String text, String owner, String dueDate) {
    }

    /**
     * A session as its page shows it to {@code viewerId}: the agent acknowledges their own, the coach (who opened it)
     * edits the notes and actions while it is open and acknowledges them; both only once notes are written.
     */
    static Session session(JsonNode s, String viewerId, LocalDate today) {
        List<AgendaRow> agenda = new ArrayList<>();
        for (JsonNode a : array(s.path("agenda"))) {
            agenda.add(new AgendaRow(a.path("position").asInt(), MonthView.text(a, "itemCode"),
                    MonthView.text(a, "name"), MonthView.text(a, "metricCode"), MonthView.text(a, "points"),
                    MonthView.text(a, "maxPoints"), MonthView.text(a, "attainment"), MonthView.text(a, "weight"),
                    MonthView.text(a, "explanation")));
        }
        boolean open = "OPEN".equals(s.path("status").asText());
        boolean isAgent = viewerId != null && viewerId.equals(s.path("employeeId").asText());
        boolean isCoach = viewerId != null && viewerId.equals(s.path("coach").asText());
        List<ActionRow> actions = new ArrayList<>();
        for (JsonNode a : array(s.path("actions"))) {
            actions.add(new ActionRow(actions.size() + 1, MonthView.text(a, "text"), MonthView.text(a, "owner"),
                    MonthView.text(a, "dueDate")));
        }
        if (isCoach && open) {
            for (int i = 0; i < BLANK_ACTIONS; i++) {
                actions.add(new ActionRow(actions.size() + 1, null, null, null));
            }
        }
        boolean notes = s.hasNonNull("notes");
        boolean canAcknowledge = open && notes && (isAgent && !s.hasNonNull("agentAcknowledgedAt")
                || isCoach && !s.hasNonNull("coachAcknowledgedAt"));
        return new Session(s.path("id").asLong(), s.path("scorecardId").asLong(), MonthView.text(s, "employeeId"),
                MonthView.text(s, "unitCode"), MonthView.text(s, "period"), MonthView.text(s, "templateCode"),
                MonthView.text(s, "coach"), MonthView.text(s, "status"), open,
                HrViews.minute(MonthView.text(s, "openedAt")), agenda, MonthView.text(s, "agendaBasis"),
                MonthView.text(s, "notes"), actions, HrViews.minute(MonthView.text(s, "notesAt")),
                HrViews.minute(MonthView.text(s, "agentAcknowledgedAt")), MonthView.text(s, "agentComment"),
                HrViews.minute(MonthView.text(s, "coachAcknowledgedAt")), MonthView.text(s, "coachComment"),
                HrViews.minute(MonthView.text(s, "closedAt")), isAgent, isCoach, isCoach && open, canAcknowledge,
                today.plusDays(14).toString());
    }

    /**
     * The notes form as the API's body: the notes and one action per row with any field filled (rows left wholly
     * blank are dropped; a half-filled row is sent as it is, so that the API names the missing field).
     */
    static ObjectNode notesBody(String notes, List<String> texts, List<String> owners, List<String> dues) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("notes", blank(notes));
        ArrayNode actions = body.putArray("actions");
        int rows = Math.max(size(texts), Math.max(size(owners), size(dues)));
        for (int i = 0; i < rows; i++) {
            String text = blank(at(texts, i));
            String owner = blank(at(owners, i));
            String due = blank(at(dues, i));
            if (text == null && owner == null && due == null) {
                continue;
            }
            ObjectNode action = actions.addObject();
            action.put("text", text);
            action.put("owner", owner);
            action.put("dueDate", due);
        }
        return body;
    }

    // ---- improvement plans ----

    /**
     * The one-goal plan form as the API's body. Numbers that are not numbers are sent as text, so that the API
     * answers 400 naming the field (goals[0].value) rather than the console guessing.
     */
    static ObjectNode planBody(String employeeId, String unitCode, String startDate, String dueDate, String reason,
                               String scorecardId, String metricCode, String comparison, String value,
                               String window, String consecutive) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("employeeId", blank(employeeId));
        body.put("unitCode", blank(unitCode));
        body.put("startDate", blank(startDate));
        body.put("dueDate", blank(dueDate));
        if (blank(reason) != null) {
            body.put("reason", blank(reason));
        }
        if (blank(scorecardId) != null) {
            number(body, "scorecardId", scorecardId);
        }
        ObjectNode goal = body.putArray("goals").addObject();
        goal.put("metricCode", blank(metricCode));
        goal.put("comparison", upper(comparison));
        number(goal, "value", value);
        goal.put("window", upper(window));
        if (blank(consecutive) != null) {
            number(goal, "consecutive", consecutive);
        }
        return body;
    }

    static ObjectNode consequenceBody(String kind, String reason, String extendedTo) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("kind", upper(kind));
        body.put("reason", blank(reason));
        if (blank(extendedTo) != null) {
            body.put("extendedTo", blank(extendedTo));
        }
        return body;
    }

    // ---- QA calibration ----

    @TemplateData
    public record CalibrationRow(long id, String employeeId, String contactExternalId, String form, String status,
                                 String evaluators, String pending, String ownerId, String createdAt,
                                 boolean awaitsMe) {
    }

    @TemplateData
    public record Calibration(long id, String employeeId, String contactExternalId, String formCode,
                              String formVersion, String note, String ownerId, String status, boolean open,
                              List<String> evaluators, String pending, String withheld, String meanScore,
                              String scoreVariance, String referenceScore, boolean canAnswer, boolean answered,
                              boolean owner, List<Question> questions, List<SpreadRow> items,
                              List<EvaluatorRow> scores, List<String> notes) {
    }

    @TemplateData
    public record Question(String section, String code, String name, List<Option> options) {
    }

    @TemplateData
    public record Option(String value, boolean selected) {
    }

    @TemplateData
    public record SpreadRow(String section, String code, int answered, String meanPoints, String variancePoints,
                            List<String> answers, String reference) {
    }

    @TemplateData
    public record EvaluatorRow(String evaluatorId, String score, String deviationFromMean,
                               String deviationFromReference, String itemsOffReference, String criticalItem,
                               String submittedAt) {
    }

    static List<CalibrationRow> calibrations(JsonNode sessions, String viewerId) {
        List<CalibrationRow> list = new ArrayList<>();
        for (JsonNode s : array(sessions)) {
            List<String> evaluators = strings(s.path("evaluators"));
            List<String> pending = strings(s.path("pending"));
            list.add(new CalibrationRow(s.path("id").asLong(), MonthView.text(s, "employeeId"),
                    MonthView.text(s, "contactExternalId"), MonthView.text(s, "formCode") + " v"
                    + MonthView.text(s, "formVersion"), MonthView.text(s, "status"), String.join(", ", evaluators),
                    String.join(", ", pending), MonthView.text(s, "ownerId"),
                    HrViews.minute(MonthView.text(s, "createdAt")),
                    "OPEN".equals(s.path("status").asText()) && viewerId != null && pending.contains(viewerId)));
        }
        return list;
    }

    /**
     * A calibration session as {@code viewerId} sees it: while they are an evaluator of the open session they may
     * answer (the form's items, their own answers kept), and the spread is shown once the API gives it (after they
     * answered: blind until then).
     */
    static Calibration calibration(JsonNode s, JsonNode form, String viewerId, List<String> notes) {
        List<String> evaluators = strings(s.path("evaluators"));
        List<String> pending = strings(s.path("pending"));
        boolean open = "OPEN".equals(s.path("status").asText());
        boolean evaluator = viewerId != null && evaluators.contains(viewerId);
        Map<String, String> mine = new LinkedHashMap<>();
        List<SpreadRow> items = new ArrayList<>();
        for (JsonNode i : array(s.path("items"))) {
            List<String> answers = new ArrayList<>();
            for (String e : evaluators) {
                JsonNode a = i.path("answers").get(e);
                answers.add(a == null || a.isNull() ? "–" : a.asText());
                if (e.equals(viewerId) && a != null && !a.isNull()) {
                    mine.put(i.path("code").asText(), a.asText());
                }
            }
            items.add(new SpreadRow(MonthView.text(i, "section"), MonthView.text(i, "code"),
                    i.path("answered").asInt(), MonthView.text(i, "meanPoints"), MonthView.text(i, "variancePoints"),
                    answers, MonthView.text(i, "referenceValue")));
        }
        List<EvaluatorRow> scores = new ArrayList<>();
        for (JsonNode e : array(s.path("scores"))) {
            scores.add(new EvaluatorRow(MonthView.text(e, "evaluatorId"), MonthView.text(e, "score"),
                    signed(e, "deviationFromMean"), signed(e, "deviationFromReference"),
                    MonthView.text(e, "itemsOffReference"), MonthView.text(e, "criticalItem"),
                    HrViews.minute(MonthView.text(e, "submittedAt"))));
        }
        boolean canAnswer = open && evaluator;
        List<Question> questions = canAnswer ? questions(form, mine) : List.of();
        return new Calibration(s.path("id").asLong(), MonthView.text(s, "employeeId"),
                MonthView.text(s, "contactExternalId"), MonthView.text(s, "formCode"),
                MonthView.text(s, "formVersion"), MonthView.text(s, "note"), MonthView.text(s, "ownerId"),
                MonthView.text(s, "status"), open, evaluators, String.join(", ", pending),
                MonthView.text(s, "withheld"), MonthView.text(s, "meanScore"), MonthView.text(s, "scoreVariance"),
                MonthView.text(s.path("reference"), "score"), canAnswer, evaluator && !pending.contains(viewerId),
                open && viewerId != null && viewerId.equals(s.path("ownerId").asText()), questions, items, scores,
                notes);
    }

    /** The form's items as questions: a scale 0..scaleMax or yes/no, and n/a where the item allows it. */
    static List<Question> questions(JsonNode form, Map<String, String> mine) {
        List<Question> list = new ArrayList<>();
        if (form == null) {
            return list;
        }
        for (JsonNode section : array(form.path("sections"))) {
            for (JsonNode item : array(section.path("items"))) {
                String code = item.path("code").asText();
                List<String> values = new ArrayList<>();
                if ("YES_NO".equals(item.path("answer").asText())) {
                    values.add("yes");
                    values.add("no");
                } else {
                    int max = item.path("scaleMax").asInt(1);
                    for (int v = max; v >= 0; v--) {
                        values.add(String.valueOf(v));
                    }
                }
                if (item.path("allowNotApplicable").asBoolean()) {
                    values.add("n/a");
                }
                String chosen = mine.get(code);
                List<Option> options = values.stream().map(v -> new Option(v, v.equals(chosen))).toList();
                list.add(new Question(MonthView.text(section, "name"), code, MonthView.text(item, "name"), options));
            }
        }
        return list;
    }

    /** The answers form (one code and one answer per item, in the same order) as the API's body. */
    static ObjectNode answersBody(List<String> codes, List<String> answers) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode items = body.putObject("items");
        for (int i = 0; i < size(codes); i++) {
            String code = blank(codes.get(i));
            String answer = blank(at(answers, i));
            if (code == null || answer == null) {
                continue;
            }
            if (answer.matches("\\d{1,3}")) {
                items.put(code, Integer.parseInt(answer));
            } else {
                items.put(code, answer);
            }
        }
        return body;
    }

    // ---- mentoring ----

    @TemplateData
    public record Mentoring(List<String> units, String unitCode, boolean manages, List<MentorshipRow> mentorships,
                            String today, List<String> notes) {
    }

    @TemplateData
    public record MentorshipRow(long id, String mentorId, String menteeId, String from, String to, String criterion,
                                String status, String value, String samples, String passed, String reason,
                                String endedOn, String endNote, boolean ended) {
    }

    static MentorshipRow mentorship(JsonNode m) {
        JsonNode c = m.path("criterion");
        List<String> bounds = new ArrayList<>();
        if (c.hasNonNull("atLeast")) {
            bounds.add("≥ " + MonthView.text(c, "atLeast"));
        }
        if (c.hasNonNull("atMost")) {
            bounds.add("≤ " + MonthView.text(c, "atMost"));
        }
        String status = MonthView.text(m, "status");
        return new MentorshipRow(m.path("id").asLong(), MonthView.text(m, "mentorId"), MonthView.text(m, "menteeId"),
                MonthView.text(m, "from"), MonthView.text(m, "to"), MonthView.text(c, "metricCode") + " "
                + String.join(" ", bounds), status, MonthView.text(m, "value"), MonthView.text(m, "samples"),
                MonthView.text(m, "passed"), MonthView.text(m, "reason"), MonthView.text(m, "endedOn"),
                MonthView.text(m, "endNote"), m.hasNonNull("endedOn") || "PASSED".equals(status)
                || "FAILED".equals(status) || "WITHDRAWN".equals(status));
    }

    /** The mentorships where the mentor or the mentee is one of {@code people} (all of them when null), newest first. */
    static List<MentorshipRow> mentorships(Iterable<JsonNode> mentorships, java.util.Set<String> people) {
        Map<Long, MentorshipRow> rows = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        for (JsonNode m : mentorships) {
            if (people == null || people.contains(m.path("mentorId").asText())
                    || people.contains(m.path("menteeId").asText())) {
                rows.putIfAbsent(m.path("id").asLong(), mentorship(m));
            }
        }
        return new ArrayList<>(rows.values());
    }

    static ObjectNode mentorshipBody(String mentorId, String menteeId, String from, String to, String metricCode,
                                     String atLeast, String atMost, String note) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("mentorId", blank(mentorId));
        body.put("menteeId", blank(menteeId));
        body.put("from", blank(from));
        body.put("to", blank(to));
        ObjectNode criterion = body.putObject("criterion");
        criterion.put("metricCode", blank(metricCode));
        if (blank(atLeast) != null) {
            number(criterion, "atLeast", atLeast);
        }
        if (blank(atMost) != null) {
            number(criterion, "atMost", atMost);
        }
        if (blank(note) != null) {
            body.put("note", blank(note));
        }
        return body;
    }

    static ObjectNode endBody(String endedOn, boolean withdrawn, String note) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (blank(endedOn) != null) {
            body.put("endedOn", blank(endedOn));
        }
        if (withdrawn) {
            body.put("withdrawn", true);
        }
        if (blank(note) != null) {
            body.put("note", blank(note));
        }
        return body;
    }

    // ---- helpers ----

    /** A date the form gave, or null when it is none. */
    static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A deviation with its sign (+2.5, −1), as the results table shows it. */
    private static String signed(JsonNode node, String field) {
        String text = MonthView.text(node, field);
        if (text == null) {
            return null;
        }
        return text.startsWith("-") || text.equals("0") ? text : "+" + text;
    }

    private static void number(ObjectNode node, String field, String value) {
        String v = blank(value);
        if (v == null) {
            node.putNull(field);
            return;
        }
        try {
            node.put(field, new BigDecimal(v));
        } catch (NumberFormatException e) {
            node.put(field, v);
        }
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String upper(String value) {
        String v = blank(value);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(v -> list.add(v.asText()));
        return list;
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    static Iterable<JsonNode> array(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : node;
    }
}
