package io.perfcenter.metrics;

import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;

/** The OpenAPI document keeps the operationIds partner clients are generated from, old and new. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
class OpenApiTests {

    @Test
    void operationIdsAreStable() {
        var body = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
        for (String id : new String[]{"ingestMetricValues", "getAggregates", "listMyUnits", "createOrgUnit",
                "getOrgUnit", "listOrgUnitMembers", "listOrgUnitAssignments", "registerAgent", "getAgent", "moveAgent",
                "listMetricDefinitions",
                "getMetricDefinition", "createMetricDefinition", "uploadCallRecords", "uploadTicketRecords",
                "uploadSurveyRecords", "uploadQaEvaluations", "uploadAdherenceRecords", "uploadIncidentRecords",
                "uploadSaleRecords", "uploadMetricValues", "listReplacedRevisions", "getTrends", "syncOrgUnits",
                "syncAgents", "recordAgentDeparture", "listDerivationFields", "putDataCorrection",
                "withdrawDataCorrection", "getDataCorrection", "retireMetricDefinition", "searchOrgUnits",
                "searchAgents", "defineQaForm", "listQaForms", "getQaForm", "getQaFormVersion", "retireQaForm",
                "listQaEvaluations", "createQaSamplingPlan", "listQaSamplingPlans", "getQaSamplingPlan",
                "topUpQaSamplingPlan",
                "relayEvents", "listEvents", "createWebhookSubscription", "listWebhookSubscriptions",
                "getWebhookSubscription", "disableWebhookSubscription", "listWebhookDeliveries", "getWebhookDelivery",
                "replayWebhookDelivery", "listNotifications", "markNotificationRead", "rotateWebhookSecret",
                "scanAnomalies", "listAnomalyFlags",
                "createQaCalibration", "listQaCalibrations", "getQaCalibration", "submitQaCalibrationAnswers",
                "recordQaCalibrationReference", "closeQaCalibration", "createMentorship", "listMentorships",
                "endMentorship", "listMentees"}) {
            body.body(containsString("\"operationId\" : \"" + id + "\""));
        }
    }
}
