package io.perfcenter.e2e;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Who may write what: every write operation of the merged OpenAPI document (POST, PUT, PATCH, DELETE) tried by every
 * role, and for operations on a person or a unit, on a subject in each relation to the caller. The expected outcome
 * of every cell is in {@link #MATRIX}; a write that is allowed is sent valid (so its answer reflects authorization,
 * not validation); a denied write must answer 400/403/404 with a problem and leave every table of every schema as
 * it was.
 *
 * <p>The org: center XC; team XT1 (manager XM1) with groups XG1 (supervisor XS1: agents XA1, XA2) and XG2 (XS2:
 * XA3); team XT2 (XM2) with group XG3 (XS3: XA4). Callers: agent XA1, supervisor XS1, manager XM1, qa XQ1, hr XH1,
 * admin XAD1, appeals XR1 (an appeals reviewer who leads no unit), and the machine clients, one purpose each and no
 * employee id: records-writer (record upload), org-sync, payroll-export, service (a service reading as itself) and
 * corrections-writer (scoring-service's data corrections and its reports of appeals disputing QA evaluations).
 */
class WriteAuthorizationMatrixIT {

    /**
     * One row per operation and relation, one column per role. Relations: {@code -} (not about a person or unit);
     * {@code own} (the agent themselves; for a supervisor an agent of their group, for a manager of their team);
     * {@code same-unit} (XA2, the agent's colleague in XG1; a target on XA2 alone, which only hr and admin set);
     * {@code sibling-unit} (XA3 in XG2, same team XT1);
     * {@code other-team} (XA4 in XG3, team XT2); {@code no-employee-id} (the caller's token carries the role but no
     * employee id; subject XA4); for QA evaluations {@code own-evaluation} (a new evaluation by the qa caller) and
     * {@code others-evaluation} (a revision of an evaluation XQ2 made).
     * Outcomes: {@code 2xx}; {@code 403} (the role may not do it at all, or the caller sees the object but may not
     * do this to it); {@code 404} (an object outside the caller's scope answers exactly as an unknown id, so that ids
     * cannot be probed); {@code 400} (likewise for an object named in the body, e.g. an appeal's scorecardId, which
     * answers as an unknown one); {@code rejected} (2xx, every row refused, nothing changed);
     * {@code gap:<now>} a cell where the code does not yet do what the issue intends: the test expects what the
     * code does now and counts it as a known gap, with the reason in {@link #GAPS}.
     */
    static final String MATRIX = """
            operation               | relation          | agent | supervisor | manager | qa       | hr  | admin | records-writer | org-sync | payroll-export | service | corrections-writer | appeals
            createOrgUnit           | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            syncOrgUnits            | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            registerAgent           | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            syncAgents              | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            importAgents            | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            importOrgUnits          | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            moveAgent               | own               | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            moveAgent               | same-unit         | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            moveAgent               | sibling-unit      | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            moveAgent               | other-team        | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            recordAgentDeparture    | own               | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            recordAgentDeparture    | same-unit         | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            recordAgentDeparture    | sibling-unit      | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            recordAgentDeparture    | other-team        | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 2xx      | 403            | 403     | 403                | 403
            createMetricDefinition  | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            retireMetricDefinition  | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            ingestMetricValues      | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadCallRecords       | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadTicketRecords     | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadSurveyRecords     | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadAdherenceRecords  | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadIncidentRecords   | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadSaleRecords       | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadMetricValues      | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadQaEvaluations     | own-evaluation    | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            uploadQaEvaluations     | others-evaluation | 403   | 403        | 403     | rejected | 2xx | 2xx   | 2xx            | 403      | 403            | 403     | 403                | 403
            defineQaForm            | -                 | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            retireQaForm            | -                 | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createQaSamplingPlan    | -                 | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            topUpQaSamplingPlan     | -                 | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            acknowledgeQaEvaluation | own               | 2xx   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            acknowledgeQaEvaluation | same-unit         | 404   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            acknowledgeQaEvaluation | sibling-unit      | 404   | 404        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            acknowledgeQaEvaluation | other-team        | 404   | 404        | 404     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            recordQaEvaluationDispute | -                 | 403   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 2xx                | 403
            createQaCalibration     | -                 | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            submitQaCalibrationAnswers | evaluator         | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            submitQaCalibrationAnswers | not-evaluator     | 403   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            recordQaCalibrationReference | own-session       | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            recordQaCalibrationReference | others-session    | 403   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            closeQaCalibration      | own-session       | 403   | 403        | 403     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            closeQaCalibration      | others-session    | 403   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            createMentorship        | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            endMentorship           | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            putDataCorrection       | -                 | 403   | 403        | 403     | 403      | 403 | 2xx   | 403            | 403      | 403            | 403     | 2xx                | 403
            withdrawDataCorrection  | -                 | 403   | 403        | 403     | 403      | 403 | 2xx   | 403            | 403      | 403            | 403     | 2xx                | 403
            defineScorecardTemplate | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            retireScoringTemplate   | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            computeScoringRun       | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            previewScoringRun       | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            openScoringRunReview    | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            publishScoringRun       | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            lockScoringRun          | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            setScoringTarget        | own               | 403   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            setScoringTarget        | same-unit         | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            setScoringTarget        | sibling-unit      | 403   | 403        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            setScoringTarget        | other-team        | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            writeSelfAssessment     | own               | 2xx   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            writeSelfAssessment     | same-unit         | 403   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            writeSelfAssessment     | sibling-unit      | 404   | 404        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            writeSelfAssessment     | other-team        | 404   | 404        | 404     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            rateScorecardItem       | own               | 403   | 2xx        | 2xx     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            rateScorecardItem       | same-unit         | 2xx   | 2xx        | 2xx     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            rateScorecardItem       | sibling-unit      | 404   | 404        | 2xx     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            rateScorecardItem       | other-team        | 404   | 404        | 404     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            reviewScorecard         | own               | 403   | 2xx        | 2xx     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            reviewScorecard         | same-unit         | 403   | 2xx        | 2xx     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            reviewScorecard         | sibling-unit      | 403   | 404        | 2xx     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            reviewScorecard         | other-team        | 403   | 404        | 404     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            fileAppeal              | own               | 2xx   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            fileAppeal              | same-unit         | 400   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            fileAppeal              | sibling-unit      | 400   | 400        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            fileAppeal              | other-team        | 400   | 400        | 400     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            decideAppeal            | own               | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 2xx
            decideAppeal            | same-unit         | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 2xx
            decideAppeal            | sibling-unit      | 403   | 404        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 2xx
            decideAppeal            | other-team        | 403   | 404        | 404     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 2xx
            decideAppeal            | no-employee-id    | 403   | 404        | 404     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 404
            escalateAppeal          | own               | 2xx   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 2xx
            escalateAppeal          | same-unit         | 404   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 2xx
            escalateAppeal          | sibling-unit      | 404   | 404        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 2xx
            escalateAppeal          | other-team        | 404   | 404        | 404     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 2xx
            createImprovementPlan   | own               | 403   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createImprovementPlan   | same-unit         | 403   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createImprovementPlan   | sibling-unit      | 403   | 403        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createImprovementPlan   | other-team        | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createImprovementPlan   | no-employee-id    | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            addImprovementPlanCheckIn | own             | 2xx   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            addImprovementPlanCheckIn | same-unit       | 404   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            addImprovementPlanCheckIn | sibling-unit    | 404   | 404        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            addImprovementPlanCheckIn | other-team      | 404   | 404        | 404     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            addImprovementPlanCheckIn | no-employee-id  | 404   | 404        | 404     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            evaluateImprovementPlan | own               | 2xx   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            evaluateImprovementPlan | same-unit         | 404   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            evaluateImprovementPlan | sibling-unit      | 404   | 404        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            evaluateImprovementPlan | other-team        | 404   | 404        | 404     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            recordImprovementPlanConsequence | own      | 403   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            recordImprovementPlanConsequence | same-unit | 403  | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            recordImprovementPlanConsequence | sibling-unit | 403 | 404      | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            recordImprovementPlanConsequence | other-team | 403 | 404        | 404     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            openCoachingSession     | own               | 403   | 2xx        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            openCoachingSession     | sibling-unit      | 403   | 400        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            openCoachingSession     | other-team        | 403   | 400        | 400     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            recordCoachingNotes     | own               | 403   | 2xx        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            recordCoachingNotes     | sibling-unit      | 403   | 404        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            recordCoachingNotes     | other-team        | 403   | 404        | 404     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            acknowledgeCoachingSession | own               | 2xx   | 2xx        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            acknowledgeCoachingSession | same-unit         | 404   | 2xx        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            acknowledgeCoachingSession | sibling-unit      | 404   | 404        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            acknowledgeCoachingSession | other-team        | 404   | 404        | 404     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            upsertSalaries          | own               | 403   | 403        | 403     | 403      | 2xx | 403   | 403            | 403      | 403            | 403     | 403                | 403
            upsertSalaries          | same-unit         | 403   | 403        | 403     | 403      | 2xx | 403   | 403            | 403      | 403            | 403     | 403                | 403
            upsertSalaries          | sibling-unit      | 403   | 403        | 403     | 403      | 2xx | 403   | 403            | 403      | 403            | 403     | 403                | 403
            upsertSalaries          | other-team        | 403   | 403        | 403     | 403      | 2xx | 403   | 403            | 403      | 403            | 403     | 403                | 403
            upsertBudgets           | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createPlan              | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            retireIncentivePlan     | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createAward             | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            retireHonorAward        | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createLadder            | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            runHonors               | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            computeRun              | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            approveRun              | -                 | 403   | 403        | 403     | 403      | 2xx | 403   | 403            | 403      | 403            | 403     | 403                | 403
            checkPromotions         | own               | 403   | 403        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            checkPromotions         | sibling-unit      | 403   | 403        | 2xx     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            checkPromotions         | other-team        | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            setLeaderboardPolicy    | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            freezeLeaderboard       | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createBadge             | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            retireBadge             | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            createContest           | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            closeContest            | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            relayEvents             | -                 | 403   | 403        | 403     | 403      | 403 | 403   | 403            | 403      | 403            | 403     | 403                | 403
            createWebhookSubscription | -               | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            disableWebhookSubscription | -              | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            replayWebhookDelivery   | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            rotateWebhookSecret     | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            scanAnomalies           | -                 | 403   | 403        | 403     | 403      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 403
            markNotificationRead    | own-notification  | 2xx   | 2xx        | 2xx     | 2xx      | 2xx | 2xx   | 403            | 403      | 403            | 403     | 403                | 2xx
            markNotificationRead    | others-notification | 404 | 404        | 404     | 404      | 404 | 404   | 403            | 403      | 403            | 403     | 403                | 404
            """;

    /**
     * Machine roles added after the table's columns, one purpose each, so that rows need no new column: each answers
     * 2xx on its own operations and 403 on every other row. events-relay: scoring- and incentive-service relaying
     * their outboxes to metrics-service's event log (README, Events).
     */
    static final Map<String, Set<String>> NARROW_ROLES = Map.of("events-relay", Set.of("relayEvents"));

    /**
     * Known gaps: cells marked {@code gap:} in the matrix, why the code does not meet the intent yet. None now:
     * admin may not approve payout runs nor set salaries by decision (pay is hr's alone; README, Security).
     */
    static final Map<String, String> GAPS = Map.of();

    private static final List<String> ROLES = List.of("agent", "supervisor", "manager", "qa", "hr", "admin",
            "records-writer", "org-sync", "payroll-export", "service", "corrections-writer", "appeals");
    /** Machine clients, one purpose each: their tokens carry no employee id. */
    private static final Set<String> MACHINE = Set.of("records-writer", "org-sync", "payroll-export", "service",
            "corrections-writer", "events-relay");
    private static final Map<String, String> CALLER = Map.of("agent", "XA1", "supervisor", "XS1", "manager", "XM1",
            "qa", "XQ1", "hr", "XH1", "admin", "XAD1", "appeals", "XR1");
    private static final Map<String, String> SUBJECT = Map.of("own", "XA1", "same-unit", "XA2",
            "sibling-unit", "XA3", "other-team", "XA4", "no-employee-id", "XA4");
    private static final Map<String, String> GROUP_OF = Map.of("XA1", "XG1", "XA2", "XG1", "XA3", "XG2",
            "XA4", "XG3");
    private static final Map<String, String> LEADER_OF = Map.of("XG1", "XS1", "XG2", "XS2", "XG3", "XS3");
    private static final String PUBLISHED_PERIOD = "2026-08";

    private static RunningSuite running;
    private static final AtomicInteger serial = new AtomicInteger();
    private static YearMonth nextPeriod = YearMonth.of(2021, 1);

    /** A write to send: method, path, body and its content type (JSON unless said). */
    record Call(String method, String path, Object body, String contentType) {
        Call(String method, String path, Object body) {
            this(method, path, body, null);
        }
    }

    /** Where the matrix's webhook subscriptions deliver: answers every POST with 204. */
    private static WebhookSink receiver;

    @BeforeAll
    static void setUpOrg() {
        running = RunningSuite.get();
        receiver = new WebhookSink();
        unit("XC", "CENTER", null, null);
        unit("XT1", "TEAM", "XC", "XM1");
        unit("XT2", "TEAM", "XC", "XM2");
        unit("XG1", "GROUP", "XT1", "XS1");
        unit("XG2", "GROUP", "XT1", "XS2");
        unit("XG3", "GROUP", "XT2", "XS3");
        GROUP_OF.forEach((agent, group) -> agent(agent, group));
        as("hr", "XH1").body(template("XSEAT")).post("/api/v1/scoring/templates").then().statusCode(201);
        for (String group : List.of("XG1", "XG2", "XG3")) {
            runOf(group, PUBLISHED_PERIOD, "PUBLISHED");
        }
        as("hr", "XH1").body(plan("XPERF")).post("/api/v1/incentives/plans").then().statusCode(201);
        as("hr", "XH1").body(List.of(salary("XA1"), salary("XA2"), salary("XA3"), salary("XA4")))
                .put("/api/v1/incentives/salaries").then().statusCode(200);
        as("hr", "XH1").body(award("XSTAR")).post("/api/v1/incentives/honors/awards").then().statusCode(201);
        as("hr", "XH1").body(ladder("XCAREER")).post("/api/v1/incentives/promotion/ladders").then().statusCode(201);
        // calibration sessions score XA1's call x-calibration-call with form XCALF
        as("hr", "XH1").body(qaForm("XCALF")).post("/api/v1/metrics/qa/forms").then().statusCode(201);
        as("records-writer", null).body(List.of(Map.of("sourceSystem", "crm", "externalId", "x-calibration-call",
                        "employeeId", "XA1", "startedAt", "2026-09-02T09:00:00Z", "talkSeconds", 300)))
                .post("/api/v1/metrics/records/calls").then().statusCode(200);
        // an evaluation by another QA specialist, XQ2, that XQ1 must not overwrite
        as("records-writer", null).body(List.of(qaEvaluation("qa-XQ2-1", 1, "XQ2", 70)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200);
    }

    @Test
    void everyWriteAnswersEveryRoleAsTheMatrixSays() {
        Set<String> documented = documentedWrites();
        List<String[]> rows = rows();
        Set<String> covered = new TreeSet<>();
        rows.forEach(row -> covered.add(row[0]));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "write operations of /openapi.json without a row in the matrix");

        List<String> mismatches = new ArrayList<>();
        int cells = 0;
        int allowed = 0;
        int denied = 0;
        int gaps = 0;
        int leaks = 0;
        for (String[] row : rows) {
            String operation = row[0];
            String relation = row[1];
            List<String> roles = new ArrayList<>(ROLES);
            roles.addAll(new TreeSet<>(NARROW_ROLES.keySet()));
            for (int i = 0; i < roles.size(); i++) {
                String role = roles.get(i);
                String expected = i < ROLES.size() ? row[2 + i]
                        : NARROW_ROLES.get(role).contains(operation) ? "2xx" : "403";
                if (expected.startsWith("gap:")) {
                    gaps++;
                    if (!GAPS.containsKey(operation)) {
                        mismatches.add(operation + ": a known gap without its reason in GAPS");
                    }
                    expected = expected.substring(4);
                }
                String cell = operation + " | " + relation + " | " + role;
                cells++;
                Call call = prepare(operation, relation, role);
                Map<String, String> before = expected.equals("2xx") ? null : DatabaseFingerprint.of(running);
                String employeeId = relation.equals("no-employee-id") ? null : CALLER.get(role);
                Response response = send(as(role, employeeId), call);
                int status = response.statusCode();
                boolean ok = switch (expected) {
                    case "2xx", "rejected" -> status >= 200 && status < 300;
                    default -> status == Integer.parseInt(expected);
                };
                boolean knownGap = i < ROLES.size() && row[2 + i].startsWith("gap:");
                if (!expected.equals("2xx") && !expected.equals("rejected") && status >= 200 && status < 300
                        && !knownGap) {
                    leaks++;
                }
                if (!ok) {
                    mismatches.add(cell + ": expected " + expected + ", got " + status + " "
                            + abbreviate(response.asString()));
                    continue;
                }
                if (before != null) {
                    denied++;
                    if (!expected.equals("rejected")) {
                        assertProblem(cell, response, mismatches);
                    }
                    Map<String, String> after = DatabaseFingerprint.of(running);
                    if (!before.equals(after)) {
                        mismatches.add(cell + ": denied (" + status + ") but changed " + changedTables(before, after));
                        leaks++;
                    }
                } else {
                    allowed++;
                }
            }
        }
        System.out.printf("Write authorization matrix: %d operations, %d cells tried (%d allowed, %d denied), "
                + "%d known gaps, %d leaks%n", covered.size(), cells, allowed, denied, gaps, leaks);
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " cells differ from the matrix:\n" + String.join("\n", mismatches));
        }
        assertEquals(0, leaks, "denied writes that succeeded or changed data");
    }

    /** The write operations of the merged document, by operationId. */
    private static Set<String> documentedWrites() {
        JsonPath doc = RestAssured.given().get("/openapi.json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        Set<String> writes = new TreeSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (List.of("post", "put", "patch", "delete").contains(method) && operation.get("operationId") != null) {
                writes.add((String) operation.get("operationId"));
            }
        }));
        return writes;
    }

    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\|");
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            assertEquals(2 + ROLES.size(), cells.length, "matrix row " + line);
            rows.add(cells);
        }
        return rows;
    }

    /** Builds the write of one cell, creating what it needs first (as hr) so an allowed write is valid. */
    private static Call prepare(String operation, String relation, String role) {
        int n = serial.incrementAndGet();
        String subject = SUBJECT.get(relation);
        return switch (operation) {
            case "createOrgUnit" -> new Call("POST", "/api/v1/metrics/org/units",
                    Map.of("code", "XU" + n, "name", "Unit " + n, "kind", "GROUP", "parentCode", "XT1"));
            case "syncOrgUnits" -> new Call("POST", "/api/v1/metrics/org/units/bulk",
                    List.of(Map.of("code", "XU" + n, "name", "Unit " + n, "kind", "GROUP", "parentCode", "XT2")));
            case "registerAgent" -> new Call("POST", "/api/v1/metrics/org/agents", agentBody("XN" + n, "XG2"));
            case "syncAgents" -> new Call("POST", "/api/v1/metrics/org/agents/bulk", List.of(agentBody("XN" + n, "XG3")));
            case "importAgents" -> new Call("POST", "/api/v1/metrics/org/imports/agents",
                    "employeeId,name,position,unitCode\nXI" + n + ",Imported " + n + ",seat,XG3\n", "text/csv");
            case "importOrgUnits" -> new Call("POST", "/api/v1/metrics/org/imports/units",
                    "code,name,kind,parentCode\nXIU" + n + ",Imported unit " + n + ",GROUP,XT2\n", "text/csv");
            case "moveAgent" -> new Call("POST", "/api/v1/metrics/org/agents/" + freshAgent(subject, n) + "/moves",
                    Map.of("unitCode", GROUP_OF.get(subject).equals("XG1") ? "XG2" : "XG1", "from", "2026-11-01"));
            case "recordAgentDeparture" -> new Call("POST", "/api/v1/metrics/org/agents/" + freshAgent(subject, n)
                    + "/departure", Map.of("leftOn", "2026-12-01"));
            case "createMetricDefinition" -> new Call("POST", "/api/v1/metrics/catalog", metric("x_metric_" + n));
            // retiring: a fresh entry each time, so that the ones other writes use stay in use
            case "retireMetricDefinition" -> retire("/api/v1/metrics/catalog", metric("x_retiring_" + n));
            case "ingestMetricValues" -> new Call("POST", "/api/v1/metrics/values", List.of(Map.of("sourceSystem",
                    "acd", "externalId", "x-calls-" + n, "employeeId", "XA1", "metricCode", "calls_handled",
                    "date", "2026-09-01", "value", 40)));
            case "uploadCallRecords" -> record("calls", n, Map.of("startedAt", "2026-09-01T09:00:00Z",
                    "talkSeconds", 300));
            case "uploadTicketRecords" -> record("tickets", n, Map.of("openedAt", "2026-09-01T09:00:00Z"));
            case "uploadSurveyRecords" -> record("surveys", n, Map.of("answeredAt", "2026-09-01T09:00:00Z",
                    "csat", 5, "solicited", true));
            case "uploadAdherenceRecords" -> record("adherence", n, Map.of("date", "2026-09-01",
                    "scheduledMinutes", 480, "adherentMinutes", 450));
            case "uploadIncidentRecords" -> record("incidents", n, Map.of("occurredAt", "2026-09-01T09:00:00Z",
                    "kind", "COMMENDATION"));
            case "uploadSaleRecords" -> record("sales", n, Map.of("soldAt", "2026-09-01T09:00:00Z",
                    "amount", 120));
            case "uploadMetricValues" -> record("values", n, Map.of("metricCode", "calls_handled",
                    "date", "2026-09-02", "value", 12));
            case "uploadQaEvaluations" -> relation.equals("own-evaluation")
                    ? new Call("POST", "/api/v1/metrics/records/qa-evaluations",
                            List.of(qaEvaluation("qa-XQ1-" + n, 1, "XQ1", 90)))
                    : new Call("POST", "/api/v1/metrics/records/qa-evaluations",
                            List.of(qaEvaluation("qa-XQ2-1", n + 1, role.equals("qa") ? "XQ1" : "XQ2", 99)));
            case "defineQaForm" -> new Call("POST", "/api/v1/metrics/qa/forms", qaForm("XQF" + n));
            case "retireQaForm" -> retire("/api/v1/metrics/qa/forms", qaForm("XRQF" + n));
            case "createQaSamplingPlan" -> new Call("POST", "/api/v1/metrics/qa/sampling-plans", Map.of(
                    "unitCode", "XG1", "period", "2026-09", "agentShare", 1, "evaluationsPerAgent", 1,
                    "evaluators", List.of("XQ1"), "seed", n));
            // a plan of the current month (a past month's is closed to top-ups after 31 days), drawn by hr
            case "topUpQaSamplingPlan" -> new Call("POST", "/api/v1/metrics/qa/sampling-plans/"
                    + samplingPlanOfThisMonth(n) + "/top-up", null);
            case "createQaCalibration" -> new Call("POST", "/api/v1/metrics/qa/calibrations",
                    calibration(List.of("XQ1", "XQ2")));
            // answers: a session naming the caller among its evaluators, or one naming others
            case "submitQaCalibrationAnswers" -> new Call("PUT", "/api/v1/metrics/qa/calibrations/"
                    + calibrationSession("hr", relation.equals("evaluator") ? List.of("XQ1", "XH1", "XAD1")
                    : List.of("XQ2", "XQ3")) + "/answers", CALIBRATION_ANSWERS);
            // reference and close: the session's owner only (own-session: the caller opened it; else XQ2)
            case "recordQaCalibrationReference" -> new Call("PUT", "/api/v1/metrics/qa/calibrations/"
                    + calibrationSession(relation.equals("own-session") ? role : "qa2", List.of("XQ2", "XQ3"))
                    + "/reference", CALIBRATION_ANSWERS);
            case "closeQaCalibration" -> new Call("POST", "/api/v1/metrics/qa/calibrations/"
                    + calibrationSession(relation.equals("own-session") ? role : "qa2", List.of("XQ2", "XQ3"))
                    + "/close", null);
            case "createMentorship" -> new Call("POST", "/api/v1/metrics/org/mentorships",
                    mentorship(freshAgent("XA1", n)));
            case "endMentorship" -> new Call("POST", "/api/v1/metrics/org/mentorships/" + as("hr", "XH1")
                    .body(mentorship(freshAgent("XA1", n))).post("/api/v1/metrics/org/mentorships").then()
                    .statusCode(201).extract().jsonPath().getLong("id") + "/end", Map.of());
            case "defineScorecardTemplate" -> new Call("POST", "/api/v1/scoring/templates", template("XT" + n));
            case "retireScoringTemplate" -> retire("/api/v1/scoring/templates", template("XRT" + n));
            case "computeScoringRun" -> new Call("POST", "/api/v1/scoring/runs",
                    Map.of("templateCode", "XSEAT", "unitCode", "XG1", "period", freshPeriod()));
            case "previewScoringRun" -> new Call("POST", "/api/v1/scoring/runs/what-if",
                    Map.of("templateCode", "XSEAT", "unitCode", "XG1", "period", PUBLISHED_PERIOD));
            case "openScoringRunReview" -> new Call("POST", "/api/v1/scoring/runs/"
                    + runOf("XG1", freshPeriod(), "COMPUTED").getLong("id") + "/review", null);
            case "publishScoringRun" -> new Call("POST", "/api/v1/scoring/runs/"
                    + runOf("XG1", freshPeriod(), "COMPUTED").getLong("id") + "/publish", null);
            case "lockScoringRun" -> new Call("POST", "/api/v1/scoring/runs/"
                    + runOf("XG1", freshPeriod(), "PUBLISHED").getLong("id") + "/lock", null);
            case "setScoringTarget" -> new Call("PUT", "/api/v1/scoring/targets", switch (relation) {
                case "own" -> Map.of("metricCode", "csat", "unitCode", "XG1", "value", 0.9);
                case "same-unit" -> Map.of("metricCode", "csat", "employeeId", "XA2", "value", 0.9);
                case "sibling-unit" -> Map.of("metricCode", "csat", "unitCode", "XG2", "value", 0.9);
                default -> Map.of("metricCode", "csat", "unitCode", "XG3", "value", 0.9);
            });
            case "writeSelfAssessment" -> new Call("PUT", "/api/v1/scoring/reviews/"
                    + scorecard(subject, "IN_REVIEW") + "/self-assessment", Map.of("summary", "My month " + n));
            case "rateScorecardItem" -> new Call("PUT", "/api/v1/scoring/reviews/" + scorecard(subject, "IN_REVIEW")
                    + "/ratings", Map.of("itemCode", "conduct", "role", role.equals("agent") ? "peer" : "supervisor",
                    "scores", Map.of("de", 4)));
            case "reviewScorecard" -> new Call("POST", "/api/v1/scoring/reviews/" + scorecard(subject, "IN_REVIEW"),
                    Map.of("comments", "Steady month " + n));
            case "fileAppeal" -> new Call("POST", "/api/v1/scoring/appeals", Map.of("scorecardId",
                    scorecard(subject, "PUBLISHED"), "itemCode", "conduct", "kind", "SCORE",
                    "reason", "My conduct was rated by nobody " + n));
            case "decideAppeal" -> new Call("POST", "/api/v1/scoring/appeals/" + appeal(subject) + "/decision",
                    Map.of("outcome", "REJECTED", "reason", "Checked " + n));
            case "escalateAppeal" -> new Call("POST", "/api/v1/scoring/appeals/" + (role.equals("agent")
                    ? rejectedAppeal(subject) : appeal(subject)) + "/escalation", Map.of("reason", "Unclear " + n));
            case "acknowledgeQaEvaluation" -> new Call("POST", "/api/v1/metrics/qa/evaluations/"
                    + evaluationOf(subject, n) + "/acknowledgement", Map.of("comment", "Understood " + n));
            case "recordQaEvaluationDispute" -> new Call("PUT", "/api/v1/metrics/qa/evaluations/"
                    + evaluationOf("XA1", n) + "/dispute", Map.of("appealId", 900_000 + n, "employeeId", "XA1",
                    "status", "OPEN", "reason", "Disputed in test " + n));
            case "openCoachingSession" -> new Call("POST", "/api/v1/scoring/coaching-sessions",
                    Map.of("scorecardId", scorecard(subject, "PUBLISHED"), "agendaSize", 1));
            case "recordCoachingNotes" -> new Call("PUT", "/api/v1/scoring/coaching-sessions/"
                    + coachingSession(subject, false) + "/notes", coachingNotes(n));
            case "acknowledgeCoachingSession" -> new Call("POST", "/api/v1/scoring/coaching-sessions/"
                    + coachingSession(subject, true) + "/acknowledgement", Map.of("comment", "Agreed " + n));
            case "putDataCorrection" -> new Call("PUT", "/api/v1/metrics/corrections/x-correction-" + n,
                    correction(n));
            case "withdrawDataCorrection" -> new Call("DELETE", "/api/v1/metrics/corrections/"
                    + storedCorrection(n), null);
            case "createImprovementPlan" -> new Call("POST", "/api/v1/scoring/improvement-plans",
                    improvementPlan(subject));
            case "addImprovementPlanCheckIn" -> new Call("POST", "/api/v1/scoring/improvement-plans/"
                    + improvementPlanOf(subject, false) + "/check-ins", Map.of("note", "Check-in " + n));
            case "evaluateImprovementPlan" -> new Call("POST", "/api/v1/scoring/improvement-plans/"
                    + improvementPlanOf(subject, false) + "/evaluation", null);
            case "recordImprovementPlanConsequence" -> new Call("POST", "/api/v1/scoring/improvement-plans/"
                    + improvementPlanOf(subject, true) + "/consequence",
                    Map.of("kind", "RETRAINING", "reason", "AHT stayed high " + n));
            case "upsertSalaries" -> new Call("PUT", "/api/v1/incentives/salaries", List.of(Map.of("employeeId",
                    subject, "monthlySalary", 7000 + n, "currency", "CNY", "effectiveFrom", "2026-01-01")));
            case "upsertBudgets" -> new Call("PUT", "/api/v1/incentives/budgets", List.of(Map.of("unitCode", "XG1",
                    "period", PUBLISHED_PERIOD, "amount", String.valueOf(50000 + n), "currency", "CNY")));
            case "createPlan" -> new Call("POST", "/api/v1/incentives/plans", plan("XPLAN" + n));
            case "createAward" -> new Call("POST", "/api/v1/incentives/honors/awards", award("XAWARD" + n));
            case "retireIncentivePlan" -> retire("/api/v1/incentives/plans", plan("XRPLAN" + n));
            case "retireHonorAward" -> retire("/api/v1/incentives/honors/awards", award("XRAWARD" + n));
            case "createLadder" -> new Call("POST", "/api/v1/incentives/promotion/ladders", ladder("XLADDER" + n));
            case "runHonors" -> new Call("POST", "/api/v1/incentives/honors/runs",
                    Map.of("period", PUBLISHED_PERIOD, "unitCode", "XG1"));
            case "computeRun" -> new Call("POST", "/api/v1/incentives/runs",
                    Map.of("planCode", "XPERF", "period", PUBLISHED_PERIOD, "unitCode", "XG1"));
            case "approveRun" -> new Call("POST", "/api/v1/incentives/runs/" + payoutRun() + "/approve", null);
            case "checkPromotions" -> new Call("POST", "/api/v1/incentives/promotion/checks", Map.of("ladderCode",
                    "XCAREER", "unitCode", GROUP_OF.get(subject), "asOf", PUBLISHED_PERIOD));
            // engagement: hr and admin only (points may become pay through a plan; pay is not a unit leader's call)
            case "setLeaderboardPolicy" -> new Call("PUT", "/api/v1/incentives/engagement/leaderboard-policies/XC",
                    Map.of("topN", 1 + n % 50, "names", n % 2 == 0 ? "SHOWN" : "ANONYMISED"));
            case "freezeLeaderboard" -> new Call("POST", "/api/v1/incentives/engagement/leaderboards/snapshots",
                    Map.of("unitCode", "XG1", "period", freshPeriod(), "measure", "calls_handled"));
            case "createBadge" -> new Call("POST", "/api/v1/incentives/engagement/badges", badge("xbadge-" + n));
            case "retireBadge" -> retire("/api/v1/incentives/engagement/badges", badge("xrbadge-" + n));
            case "createContest" -> new Call("POST", "/api/v1/incentives/engagement/contests", contest("XCONTEST" + n));
            case "closeContest" -> {
                Map<String, Object> contest = contest("XCLOSE" + n);
                as("hr", "XH1").body(contest).post("/api/v1/incentives/engagement/contests").then().statusCode(201);
                yield new Call("POST", "/api/v1/incentives/engagement/contests/" + contest.get("code") + "/close",
                        null);
            }
            case "relayEvents" -> new Call("POST", "/api/v1/metrics/events/relay", List.of(event(n, "XA1")));
            case "createWebhookSubscription" -> new Call("POST", "/api/v1/metrics/webhooks/subscriptions",
                    subscription(n));
            case "disableWebhookSubscription" -> new Call("POST", "/api/v1/metrics/webhooks/subscriptions/"
                    + webhookSubscription(n) + "/disable", null);
            case "replayWebhookDelivery" -> new Call("POST", "/api/v1/metrics/webhooks/deliveries/"
                    + webhookDelivery(n) + "/replay", null);
            case "rotateWebhookSecret" -> new Call("POST", "/api/v1/metrics/webhooks/subscriptions/"
                    + webhookSubscription(n) + "/rotate-secret", Map.of("graceMinutes", 60));
            // one group and one metric keep the scan small; it stores nothing new after the first (flags are once)
            case "scanAnomalies" -> new Call("POST", "/api/v1/metrics/anomalies/scan?period=" + PUBLISHED_PERIOD
                    + "&unit=XG1&metric=aht", null);
            case "markNotificationRead" -> new Call("POST", "/api/v1/metrics/notifications/"
                    + notification(n, relation.equals("own-notification") && CALLER.containsKey(role)
                    ? CALLER.get(role) : "XA2") + "/read", null);
            default -> throw new IllegalStateException("no request for " + operation + " in the matrix test");
        };
    }

    private static RequestSpecification as(String role, String employeeId) {
        if (MACHINE.contains(role)) {
            return running.as(null, role);
        }
        if (employeeId == null) {
            // a person's role without an employee id: must fail closed where the employee id scopes the write
            String token = running.identity.token("nobody", null, List.of(role), java.time.Duration.ofMinutes(30));
            return RestAssured.given().auth().oauth2(token).contentType(io.restassured.http.ContentType.JSON);
        }
        return running.as(employeeId, role);
    }

    private static Response send(RequestSpecification request, Call call) {
        if (call.body() != null) {
            request.body(call.body());
        }
        if (call.contentType() != null) {
            request.contentType(call.contentType());
        }
        return request.request(call.method(), call.path());
    }

    private static void assertProblem(String cell, Response response, List<String> mismatches) {
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            mismatches.add(cell + ": denial without a problem body (" + type + ")");
        }
    }

    private static String changedTables(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, print) -> {
            if (!print.equals(before.get(table))) {
                changed.add(table);
            }
        });
        return changed.toString();
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    // ---- fixtures, all created as hr (or the agent filing an appeal) ----

    private static synchronized String freshPeriod() {
        String period = nextPeriod.toString();
        nextPeriod = nextPeriod.plusMonths(1);
        return period;
    }

    /** A scoring run of the group for the period, brought to the status. */
    private static JsonPath runOf(String group, String period, String status) {
        JsonPath run = as("hr", "XH1").body(Map.of("templateCode", "XSEAT", "unitCode", group, "period", period))
                .post("/api/v1/scoring/runs").then().statusCode(201).extract().jsonPath();
        long id = run.getLong("id");
        if (status.equals("IN_REVIEW")) {
            as("hr", "XH1").post("/api/v1/scoring/runs/" + id + "/review").then().statusCode(200);
        } else if (status.equals("PUBLISHED")) {
            as("hr", "XH1").post("/api/v1/scoring/runs/" + id + "/publish").then().statusCode(200);
        }
        return run;
    }

    /** The id of the agent's scorecard in a fresh run of their group, in the status. */
    private static long scorecard(String agent, String status) {
        JsonPath run = runOf(GROUP_OF.get(agent), freshPeriod(), status);
        return run.getLong("scorecards.find { it.employeeId == '" + agent + "' }.id");
    }

    /** An open appeal the agent filed against their published scorecard. */
    private static long appeal(String agent) {
        return as("agent", agent).body(Map.of("scorecardId", scorecard(agent, "PUBLISHED"), "itemCode", "conduct",
                        "kind", "SCORE", "reason", "Nobody rated my conduct"))
                .post("/api/v1/scoring/appeals").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** An appeal of the agent an appeals reviewer rejected (the agent may then escalate it to hr). */
    private static long rejectedAppeal(String agent) {
        long id = appeal(agent);
        as("appeals", "XR1").body(Map.of("outcome", "REJECTED", "reason", "Rated as agreed"))
                .post("/api/v1/scoring/appeals/" + id + "/decision").then().statusCode(200);
        return id;
    }

    /** An improvement plan for the agent in their group: AHT at most 420 s in the ISO week 2026-09-07 … 09-13. */
    private static Map<String, Object> improvementPlan(String agent) {
        return Map.of("employeeId", agent, "unitCode", GROUP_OF.get(agent), "startDate", "2026-09-07",
                "dueDate", "2026-09-13", "goals", List.of(Map.of("metricCode", "aht", "comparison", "AT_MOST",
                        "value", 420, "window", "WEEK", "consecutive", 1)));
    }

    /** A plan hr made for the agent; missed: evaluated (no AHT that week) with its consequence still owed. */
    private static long improvementPlanOf(String agent, boolean missed) {
        long id = as("hr", "XH1").body(improvementPlan(agent)).post("/api/v1/scoring/improvement-plans").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        if (missed) {
            as("hr", "XH1").post("/api/v1/scoring/improvement-plans/" + id + "/evaluation").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("MISSED"));
        }
        return id;
    }

    /** A new QA evaluation of the agent (dated while they belong to their group); its number in metrics-service. */
    private static long evaluationOf(String agent, int n) {
        String externalId = "x-answer-" + n;
        as("records-writer", null).body(List.of(Map.of("sourceSystem", "qa-tool", "externalId", externalId,
                        "employeeId", agent, "evaluatorId", "XQ1", "evaluatedOn", "2026-09-03", "score", 80)))
                .post("/api/v1/metrics/records/qa-evaluations").then().statusCode(200);
        return as("hr", "XH1").queryParam("employeeId", agent).queryParam("period", "2026-09").queryParam("limit", 1000)
                .get("/api/v1/metrics/qa/evaluations").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.externalId == '" + externalId + "' }.id");
    }

    /** A coaching session on the agent's freshly published scorecard, opened by their group's supervisor. */
    private static long coachingSession(String agent, boolean withNotes) {
        String coach = LEADER_OF.get(GROUP_OF.get(agent));
        long id = as("supervisor", coach).body(Map.of("scorecardId", scorecard(agent, "PUBLISHED")))
                .post("/api/v1/scoring/coaching-sessions").then().statusCode(201).extract().jsonPath().getLong("id");
        if (withNotes) {
            as("supervisor", coach).body(coachingNotes(0)).put("/api/v1/scoring/coaching-sessions/" + id + "/notes")
                    .then().statusCode(200);
        }
        return id;
    }

    private static Map<String, Object> coachingNotes(int n) {
        return Map.of("notes", "Talked through the month " + n, "actions", List.of(Map.of("text",
                "Ask for feedback weekly", "owner", "XA1", "dueDate", "2099-12-31")));
    }

    private static Map<String, Object> correction(int n) {
        // one correction in force per agent, metric and day: a day of its own for each
        return Map.of("employeeId", "XA1", "metricCode", "calls_handled",
                "date", java.time.LocalDate.of(2024, 1, 1).plusDays(n).toString(), "value", n,
                "reason", "appeal decided in test " + n);
    }

    /** The key of a data correction in force, sent as a service would. */
    private static String storedCorrection(int n) {
        String key = "x-correction-" + n;
        as("corrections-writer", null).body(correction(n)).put("/api/v1/metrics/corrections/" + key).then().statusCode(200);
        return key;
    }

    /** A computed payout run on a freshly published month of XG1. */
    private static long payoutRun() {
        String period = freshPeriod();
        runOf("XG1", period, "PUBLISHED");
        return as("hr", "XH1").body(Map.of("planCode", "XPERF", "period", period, "unitCode", "XG1"))
                .post("/api/v1/incentives/runs").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A new agent in the subject's group (so moving or retiring them leaves the org of the matrix intact). */
    private static String freshAgent(String subject, int n) {
        String id = "XF" + n;
        as("hr", "XH1").body(agentBody(id, GROUP_OF.get(subject))).post("/api/v1/metrics/org/agents")
                .then().statusCode(201);
        return id;
    }

    /** An event as scoring-service relays it: an approved statement of the person (which notifies them). */
    private static Map<String, Object> event(int n, String employeeId) {
        return Map.of("specversion", "1.0", "id", "x-event-" + n + "-" + java.util.UUID.randomUUID(),
                "source", "/perfcenter/incentive", "type", "io.perfcenter.incentive.statement.approved",
                "subject", employeeId, "time", "2026-11-05T08:00:00Z", "datacontenttype", "application/json",
                "data", Map.of("employeeId", employeeId, "planCode", "XPERF", "period", "2026-08", "total", n,
                        "currency", "CNY"));
    }

    /** A subscription to the matrix's own event type, to a receiver that answers 204. */
    private static Map<String, Object> subscription(int n) {
        return Map.of("name", "Matrix receiver " + n, "url", receiver.url(),
                "eventTypes", List.of("io.perfcenter.incentive.statement.approved"));
    }

    private static long webhookSubscription(int n) {
        return as("hr", "XH1").body(subscription(n)).post("/api/v1/metrics/webhooks/subscriptions").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A delivery of a new subscription: an event relayed after it was made. */
    private static long webhookDelivery(int n) {
        long subscription = webhookSubscription(n);
        as("events-relay", null).body(List.of(event(n, "XA1"))).post("/api/v1/metrics/events/relay").then()
                .statusCode(200);
        return as("hr", "XH1").queryParam("subscriptionId", subscription).get("/api/v1/metrics/webhooks/deliveries")
                .then().statusCode(200).extract().jsonPath().getLong("[0].id");
    }

    /** A notification of the person, made by an event about them; its id read from their own feed. */
    private static long notification(int n, String employeeId) {
        as("events-relay", null).body(List.of(event(n, employeeId))).post("/api/v1/metrics/events/relay").then()
                .statusCode(200);
        String role = employeeId.startsWith("XA") ? "agent" : CALLER.entrySet().stream()
                .filter(e -> e.getValue().equals(employeeId)).findFirst().orElseThrow().getKey();
        return as(role, employeeId).get("/api/v1/metrics/notifications").then().statusCode(200).extract().jsonPath()
                .getLong("[0].id");
    }

    private static void unit(String code, String kind, String parent, String leader) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Unit " + code, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        if (leader != null) {
            body.put("leaderEmployeeId", leader);
        }
        as("hr", "XH1").body(body).post("/api/v1/metrics/org/units").then().statusCode(201);
    }

    private static void agent(String id, String group) {
        as("hr", "XH1").body(agentBody(id, group)).post("/api/v1/metrics/org/agents").then().statusCode(201);
    }

    private static Map<String, Object> agentBody(String id, String group) {
        return Map.of("employeeId", id, "name", "Agent " + id, "position", "seat", "hireDate", "2020-01-01",
                "unitCode", group, "memberFrom", "2020-01-01");
    }

    private static Call record(String kind, int n, Map<String, Object> fields) {
        Map<String, Object> row = new LinkedHashMap<>(Map.of("sourceSystem", "crm", "externalId", "x-" + kind + "-" + n,
                "employeeId", "XA1"));
        row.putAll(fields);
        return new Call("POST", "/api/v1/metrics/records/" + kind, List.of(row));
    }

    private static Map<String, Object> qaEvaluation(String externalId, int revision, String evaluator, int score) {
        return Map.of("sourceSystem", "qa-tool", "externalId", externalId, "revision", revision, "employeeId", "XA1",
                "evaluatorId", evaluator, "evaluatedOn", "2026-09-03", "score", score);
    }

    private static Map<String, Object> metric(String code) {
        return Map.of("code", code, "nameZh", "指标", "nameEn", "Metric " + code, "unit", "points",
                "direction", "HIGHER_BETTER", "aggregation", "SUM", "category", "internal-operations", "source", "wfm");
    }

    /** hr defines the entry; the call retires it. */
    private static Call retire(String collection, Map<String, Object> entry) {
        as("hr", "XH1").body(entry).post(collection).then().statusCode(201);
        return new Call("POST", collection + "/" + entry.get("code") + "/retire", null);
    }

    private static final Map<String, Object> CALIBRATION_ANSWERS = Map.of("items",
            Map.of("greeting", 2, "risk_disclosure", "yes"));

    /** A calibration session on XA1's call x-calibration-call with form XCALF v1 (both made in setUpOrg). */
    private static Map<String, Object> calibration(List<String> evaluators) {
        return Map.of("employeeId", "XA1", "contactExternalId", "x-calibration-call", "formCode", "XCALF",
                "formVersion", 1, "evaluators", evaluators);
    }

    /** The id of a session opened by the role's caller (qa, hr, admin; qa2: XQ2; any other role: hr). */
    private static long calibrationSession(String owner, List<String> evaluators) {
        RequestSpecification request = switch (owner) {
            case "qa", "hr", "admin" -> as(owner, CALLER.get(owner));
            case "qa2" -> as("qa", "XQ2");
            default -> as("hr", "XH1");
        };
        return request.body(calibration(evaluators)).post("/api/v1/metrics/qa/calibrations").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static long samplingPlanOfThisMonth(int n) {
        return as("hr", "XH1").body(Map.of("unitCode", "XG1", "period", java.time.YearMonth.now(
                        java.time.ZoneId.of("Asia/Shanghai")).toString(), "agentShare", 1, "evaluationsPerAgent", 1,
                        "evaluators", List.of("XQ1"), "seed", n)).post("/api/v1/metrics/qa/sampling-plans").then()
                .statusCode(201).extract().jsonPath().getLong("id");
    }

    /** XA2 mentors the (fresh) mentee in January 2026, judged on qa_score at least 80. */
    private static Map<String, Object> mentorship(String mentee) {
        return Map.of("mentorId", "XA2", "menteeId", mentee, "from", "2026-01-01", "to", "2026-01-31",
                "criterion", Map.of("metricCode", "qa_score", "atLeast", 80));
    }

    private static Map<String, Object> qaForm(String code) {
        return Map.of("code", code, "name", "Call quality " + code, "sections", List.of(Map.of("code", "opening",
                "name", "Opening", "items", List.of(Map.of("code", "greeting", "name", "Greeting", "weight", 10,
                        "answer", "SCALE", "scaleMax", 2), Map.of("code", "risk_disclosure", "name", "Risk disclosed",
                        "weight", 20, "answer", "YES_NO", "critical", "ZERO")))));
    }

    private static Map<String, Object> template(String code) {
        return Map.of("code", code, "name", "Seat " + code, "position", "seat",
                "items", List.of(Map.of("code", "conduct", "name", "Conduct", "category", "behaviour", "weight", 100,
                        "rule", Map.of("type", "manual-rating", "dimensions", List.of(Map.of("code", "de", "weight", 100)),
                                "raters", List.of(Map.of("role", "supervisor", "weight", 60),
                                        Map.of("role", "peer", "weight", 20), Map.of("role", "self", "weight", 20))))),
                "gradeBands", List.of(Map.of("grade", "good", "minScore", 60), Map.of("grade", "fail", "minScore", 0)));
    }

    private static Map<String, Object> plan(String code) {
        return Map.of("code", code, "name", "Performance pay " + code, "currency", "CNY",
                "performancePayShare", 0.30, "gradeCoefficients", Map.of("good", 1.0, "fail", 0));
    }

    private static Map<String, Object> salary(String agent) {
        return Map.of("employeeId", agent, "monthlySalary", 7000, "currency", "CNY", "effectiveFrom", "2020-01-01");
    }

    private static Map<String, Object> award(String code) {
        return Map.of("code", code, "name", "Service star " + code, "cadence", "MONTHLY",
                "rankBy", Map.of("measure", "csat"), "winners", 1);
    }

    private static Map<String, Object> badge(String code) {
        return Map.of("code", code, "nameZh", "徽章 " + code, "nameEn", "Badge " + code);
    }

    /** A contest of XG1 on a month long past (it may be closed at once). */
    private static Map<String, Object> contest(String code) {
        return Map.of("code", code, "name", "Contest " + code, "metric", "calls_handled", "unitCodes", List.of("XG1"),
                "from", "2026-08-01", "to", "2026-08-31",
                "rules", List.of(Map.of("type", "TOP", "places", 1, "points", 5)));
    }

    private static Map<String, Object> ladder(String code) {
        return Map.of("code", code, "name", "Career " + code, "positions", List.of("seat", "group-lead"),
                "steps", List.of(Map.of("from", "seat", "to", "group-lead",
                        "rules", List.of(Map.of("type", "tenure", "months", 6)))));
    }
}
