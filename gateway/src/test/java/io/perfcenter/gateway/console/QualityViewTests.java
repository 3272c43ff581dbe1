package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quality pages' view logic: what they show of the API's answers and the bodies their forms become. */
class QualityViewTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private static final String SESSION = "{'id':7,'scorecardId':501,'runId':3,'employeeId':'E7','unitCode':'G-9',"
            + "'period':'2026-10','coach':'S1','status':'OPEN','openedAt':'2026-11-03T10:15:30+08:00',"
            + "'agenda':[{'position':1,'itemCode':'qa','name':'Call quality','points':40,'maxPoints':100,"
            + "'attainment':0.4,'weight':30,'explanation':'qa_score 40 → 40 points'}],"
            + "'agendaBasis':'The 1 weakest of 2','notes':'Went through two calls',"
            + "'actions':[{'text':'Read the script','owner':'E7','dueDate':'2026-11-30'}],"
            + "'agentAcknowledgedAt':'2026-11-04T09:00:00+08:00'}";

    @Test
    void theCoachEditsWithTwoBlankActionRowsAndAcknowledgesTheAgentHasAlready() throws Exception {
        QualityView.Session coach = QualityView.session(json(SESSION), "S1", LocalDate.of(2026, 11, 4));
        assertTrue(coach.isCoach() && coach.canEdit() && coach.canAcknowledge());
        assertEquals(3, coach.actions().size(), "the agreed action and two blank rows");
        assertEquals(List.of(1, 2, 3), coach.actions().stream().map(QualityView.ActionRow::index).toList());
        assertEquals("Read the script", coach.actions().get(0).text());
        assertEquals("qa", coach.agenda().get(0).itemCode());
        assertEquals("0.4", coach.agenda().get(0).attainment());
        assertEquals("2026-11-03 10:15", coach.openedAt());
        assertEquals("2026-11-18", coach.nextDue());

        QualityView.Session agent = QualityView.session(json(SESSION), "E7", LocalDate.of(2026, 11, 4));
        assertTrue(agent.isAgent());
        assertFalse(agent.canEdit());
        assertFalse(agent.canAcknowledge(), "the agent acknowledged already");
        assertEquals(1, agent.actions().size(), "no blank rows for the agent");

        QualityView.Session other = QualityView.session(json(SESSION), "S2", LocalDate.of(2026, 11, 4));
        assertFalse(other.canEdit() || other.canAcknowledge(), "another leader reads only");
    }

    @Test
    void nobodyAcknowledgesBeforeNotesOrAfterTheSessionClosed() throws Exception {
        ObjectNode fresh = (ObjectNode) json(SESSION);
        fresh.remove("notes");
        fresh.remove("agentAcknowledgedAt");
        assertFalse(QualityView.session(fresh, "E7", LocalDate.of(2026, 11, 4)).canAcknowledge());
        ObjectNode closed = (ObjectNode) json(SESSION);
        closed.put("status", "CLOSED");
        QualityView.Session s = QualityView.session(closed, "S1", LocalDate.of(2026, 11, 4));
        assertFalse(s.canAcknowledge() || s.canEdit() || s.open());
    }

    @Test
    void blankActionRowsAreDroppedAndAHalfFilledOneIsSentForTheApiToName() {
        ObjectNode body = QualityView.notesBody(" Went through two calls ",
                Arrays.asList("Read the script", "", "Ask QA for a re-check"), Arrays.asList("E7", " ", ""),
                Arrays.asList("2026-11-30", "", ""));
        assertEquals("Went through two calls", body.path("notes").asText());
        assertEquals(2, body.path("actions").size());
        assertEquals("E7", body.path("actions").get(0).path("owner").asText());
        assertEquals("Ask QA for a re-check", body.path("actions").get(1).path("text").asText());
        assertTrue(body.path("actions").get(1).path("owner").isNull(), "left for the API to name actions[1].owner");
    }

    @Test
    void theOneGoalPlanFormBecomesThePlanBody() {
        ObjectNode body = QualityView.planBody("E7", "G-9", "2026-11-02", "2026-11-29", "AHT 480 s", "501", "aht",
                "at_most", "420", "week", "2");
        assertEquals("{\"employeeId\":\"E7\",\"unitCode\":\"G-9\",\"startDate\":\"2026-11-02\",\"dueDate\":"
                + "\"2026-11-29\",\"reason\":\"AHT 480 s\",\"scorecardId\":501,\"goals\":[{\"metricCode\":\"aht\","
                + "\"comparison\":\"AT_MOST\",\"value\":420,\"window\":\"WEEK\",\"consecutive\":2}]}",
                body.toString());
        // not a number: sent as the text, for the API to answer 400 naming goals[0].value
        assertEquals("\"lots\"", QualityView.planBody("E7", "G-9", "2026-11-02", "2026-11-29", "", "", "aht",
                "AT_MOST", "lots", "WEEK", "").path("goals").get(0).path("value").toString());
    }

    @Test
    void aPlansWindowsAreShownUnderTheirGoal() throws Exception {
        QualityView.Plan plan = QualityView.plan(json("{'id':3,'employeeId':'E7','status':'MISSED',"
                + "'startDate':'2026-11-02','dueDate':'2026-11-15','consequenceDue':true,"
                + "'goals':[{'metricCode':'aht','comparison':'AT_MOST','value':420,'window':'WEEK','consecutive':2}],"
                + "'evaluation':{'status':'MISSED','goals':[{'met':false,'windows':[{'start':'2026-11-02',"
                + "'end':'2026-11-08','value':430.50,'samples':120,'holds':false},{'start':'2026-11-09',"
                + "'end':'2026-11-15','value':410,'samples':98,'holds':true}],'explanation':'held once'}],"
                + "'explanation':'MISSED: aht did not hold'},'checkIns':[{'id':1,'authorRole':'COACH',"
                + "'author':'S1','note':'Shorter holds','createdAt':'2026-11-05T10:00:00Z'}],'consequences':[]}"));
        assertTrue(plan.missed() && plan.consequenceDue());
        assertEquals("MISSED: aht did not hold", plan.evaluation());
        QualityView.GoalRow goal = plan.goals().get(0);
        assertEquals(2, goal.consecutive());
        assertEquals(Boolean.FALSE, goal.met());
        assertEquals("430.5", goal.windows().get(0).value());
        assertTrue(goal.windows().get(1).holds());
        assertEquals("2026-11-05 10:00", plan.checkIns().get(0).at());
    }

    @Test
    void aCalibrationIsAnsweredFromTheFormAndShowsTheSpreadInTheEvaluatorsOrder() throws Exception {
        JsonNode form = json("{'code':'F','version':1,'sections':[{'code':'o','name':'Opening','items':["
                + "{'code':'greeting','name':'Greeting','answer':'SCALE','scaleMax':2},"
                + "{'code':'risk','name':'Risk disclosed','answer':'YES_NO','allowNotApplicable':true}]}]}");
        JsonNode session = json("{'id':12,'employeeId':'E7','formCode':'F','formVersion':1,'status':'OPEN',"
                + "'ownerId':'Q9','evaluators':['Q1','Q2','Q3'],'pending':['Q3'],'meanScore':85.00,"
                + "'scoreVariance':25.00,'scores':[{'evaluatorId':'Q1','score':90.00,'deviationFromMean':5.00},"
                + "{'evaluatorId':'Q2','score':80.00,'deviationFromMean':-5.00}],"
                + "'items':[{'section':'o','code':'greeting','answers':{'Q2':'1','Q1':'2'},'answered':2,"
                + "'meanPoints':7.5,'variancePoints':6.25}]}");
        QualityView.Calibration q1 = QualityView.calibration(session, form, "Q1", List.of());
        assertTrue(q1.canAnswer() && q1.answered());
        assertEquals(List.of("2", "1", "–"), q1.items().get(0).answers(), "answers in Q1, Q2, Q3's order");
        assertEquals("+5", q1.scores().get(0).deviationFromMean());
        assertEquals("-5", q1.scores().get(1).deviationFromMean());
        assertEquals("6.25", q1.items().get(0).variancePoints());
        assertEquals("25", q1.scoreVariance());
        QualityView.Question greeting = q1.questions().get(0);
        assertEquals(List.of("2", "1", "0"), greeting.options().stream().map(QualityView.Option::value).toList());
        assertTrue(greeting.options().get(0).selected(), "Q1's own answer is kept");
        assertEquals(List.of("yes", "no", "n/a"), q1.questions().get(1).options().stream()
                .map(QualityView.Option::value).toList());

        QualityView.Calibration q3 = QualityView.calibration(session, form, "Q3", List.of());
        assertTrue(q3.canAnswer());
        assertFalse(q3.answered());
        assertFalse(q3.owner());
        QualityView.Calibration hr = QualityView.calibration(session, form, "H1", List.of());
        assertFalse(hr.canAnswer(), "not an evaluator");
        assertTrue(hr.questions().isEmpty());
        assertTrue(QualityView.calibration(session, form, "Q9", List.of()).owner());
    }

    @Test
    void answersAreSentAsNumbersForAScaleAndAsWordsOtherwise() {
        assertEquals("{\"items\":{\"greeting\":2,\"risk\":\"n/a\"}}", QualityView.answersBody(
                List.of("greeting", "risk", "empathy"), Arrays.asList("2", "n/a", "")).toString());
    }

    @Test
    void mentorshipsOfAUnitAreThoseWhoseMentorOrMenteeIsInIt() throws Exception {
        JsonNode all = json("[{'id':4,'mentorId':'E1','menteeId':'E9','from':'2026-10-01','to':'2026-10-31',"
                + "'criterion':{'metricCode':'qa_score','atLeast':85},'status':'PASSED','value':87,'samples':2,"
                + "'passed':true,'reason':'qa_score 87: at least 85 holds','endedOn':'2026-10-31'},"
                + "{'id':5,'mentorId':'X1','menteeId':'X2','from':'2026-10-01','to':'2026-12-31',"
                + "'criterion':{'metricCode':'aht','atMost':420},'status':'RUNNING'},"
                + "{'id':6,'mentorId':'X3','menteeId':'E8','from':'2026-11-01','to':'2026-12-31',"
                + "'criterion':{'metricCode':'aht','atLeast':1,'atMost':420},'status':'RUNNING'}]");
        List<QualityView.MentorshipRow> rows = QualityView.mentorships(all, Set.of("E1", "E8"));
        assertEquals(List.of(6L, 4L), rows.stream().map(QualityView.MentorshipRow::id).toList(), "newest first");
        assertEquals("aht ≥ 1 ≤ 420", rows.get(0).criterion());
        assertFalse(rows.get(0).ended());
        assertTrue(rows.get(1).ended());
        assertEquals("true", rows.get(1).passed());
        assertEquals(3, QualityView.mentorships(all, null).size());
        assertEquals("{\"withdrawn\":true,\"note\":\"Left\"}", QualityView.endBody(" ", true, "Left").toString());
        assertEquals("{\"mentorId\":\"E1\",\"menteeId\":\"E9\",\"from\":\"2026-10-01\",\"to\":\"2026-10-31\","
                + "\"criterion\":{\"metricCode\":\"qa_score\",\"atLeast\":85}}", QualityView.mentorshipBody("E1", "E9",
                "2026-10-01", "2026-10-31", "qa_score", "85", "", null).toString());
    }

    @Test
    void qaEvaluationsShowTheAgentsAnswer() throws Exception {
        List<QualityView.QaRow> rows = QualityView.evaluations(json("[{'id':17,'externalId':'QA-1',"
                + "'evaluatedOn':'2026-10-09','evaluatorId':'Q1','score':0.00,'criticalItem':'risk',"
                + "'agentStatus':'DISPUTED','appealId':42,'appealOutcome':'OPEN'},{'id':18,'externalId':'QA-2',"
                + "'agentStatus':'ACKNOWLEDGED','acknowledgedAt':'2026-10-12T08:00:00Z'}]"));
        assertTrue(rows.get(0).disputed());
        assertEquals("42", rows.get(0).appealId());
        assertEquals("0", rows.get(0).score());
        assertTrue(rows.get(1).acknowledged());
        assertNull(rows.get(1).appealId());
    }
}
