package io.perfcenter.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.client.ApiClient;
import io.perfcenter.client.ApiException;
import io.perfcenter.client.api.IncentivesPlansApi;
import io.perfcenter.client.api.IncentivesRunsApi;
import io.perfcenter.client.api.IncentivesSalariesApi;
import io.perfcenter.client.api.IncentivesStatementsApi;
import io.perfcenter.client.api.MetricsIngestionApi;
import io.perfcenter.client.api.MetricsOrgDirectoryApi;
import io.perfcenter.client.api.ScoringRunsApi;
import io.perfcenter.client.api.ScoringScorecardsApi;
import io.perfcenter.client.api.ScoringTemplatesApi;
import io.perfcenter.client.model.Agent;
import io.perfcenter.client.model.AgentInput;
import io.perfcenter.client.model.IngestReport;
import io.perfcenter.client.model.MetricValueRecord;
import io.perfcenter.client.model.OrgUnit;
import io.perfcenter.client.model.OrgUnitInput;
import io.perfcenter.client.model.OrgUnitKind;
import io.perfcenter.client.model.PayoutRun;
import io.perfcenter.client.model.PayoutRunInput;
import io.perfcenter.client.model.PayoutStatement;
import io.perfcenter.client.model.Plan;
import io.perfcenter.client.model.PlanInput;
import io.perfcenter.client.model.Problem;
import io.perfcenter.client.model.SalaryRow;
import io.perfcenter.client.model.SalaryUploadReport;
import io.perfcenter.client.model.Scorecard;
import io.perfcenter.client.model.ScorecardTemplate;
import io.perfcenter.client.model.ScorecardTemplateInput;
import io.perfcenter.client.model.ScoringRun;
import io.perfcenter.client.model.ScoringRunInput;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a partner writes with the Java client generated from the gateway's /openapi.json (openapi-generator 7.10.0,
 * library native): compiled by PartnerClientIT together with the generated sources and run against the suite.
 * One group's August: org units and agents, values, a scoring run computed and published, the agent's scorecard,
 * pay computed and approved, the agent's statement, and two errors read as typed problems.
 */
public final class PartnerFlow {

    private PartnerFlow() {
    }

    /** @param tokens bearer tokens by role: hr, records-writer, agent (employee PA1); returns what it checked */
    public static List<String> run(String gatewayUrl, Map<String, String> tokens) throws Exception {
        List<String> checked = new ArrayList<>();
        ApiClient hr = client(gatewayUrl, tokens.get("hr"));
        ApiClient integration = client(gatewayUrl, tokens.get("records-writer"));
        ApiClient agent = client(gatewayUrl, tokens.get("agent"));
        ObjectMapper json = hr.getObjectMapper();

        // org units and agents (metrics-service)
        MetricsOrgDirectoryApi org = new MetricsOrgDirectoryApi(hr);
        OrgUnit center = org.createOrgUnit(new OrgUnitInput().code("P-C1").name("Partner center")
                .kind(OrgUnitKind.CENTER));
        check(center.getKind() == OrgUnitKind.CENTER, "created center " + center.getCode());
        org.createOrgUnit(new OrgUnitInput().code("P-G1").name("Partner group").kind(OrgUnitKind.GROUP)
                .parentCode("P-C1").leaderEmployeeId("PS1"));
        for (String id : List.of("PA1", "PA2")) {
            Agent registered = org.registerAgent(new AgentInput().employeeId(id).name("Agent " + id)
                    .position("seat").unitCode("P-G1").memberFrom(LocalDate.of(2026, 1, 1)));
            check(id.equals(registered.getEmployeeId()), "registered " + id);
        }
        checked.add("org units and agents created");

        // August's calls: PA1 30 × 78 + 72 = 2,412 calls, PA2 30 × 58 + 60 = 1,800
        List<MetricValueRecord> values = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            values.add(calls("PA1", day, day < 31 ? 78 : 72));
            values.add(calls("PA2", day, day < 31 ? 58 : 60));
        }
        IngestReport report = new MetricsIngestionApi(integration).ingestMetricValues(values, null, null);
        check(report.getAccepted() == 62, "62 values accepted, got " + report.getAccepted());
        checked.add("values pushed");

        // a template (its rule is a polymorphic schema: read from JSON, as a partner keeping templates in files)
        ScorecardTemplateInput template = json.readValue("""
                {"code":"PSEAT","name":"Partner seat","position":"seat",
                 "items":[{"code":"volume","name":"Talk volume","category":"results","metricCode":"calls_handled",
                           "weight":100,"rule":{"type":"tiered-rate","maxPoints":1500,"tiers":[
                             {"upTo":2000,"rate":0.4},{"upTo":2300,"rate":0.5},{"upTo":2500,"rate":0.55},
                             {"upTo":2800,"rate":0.6},{"upTo":3000,"rate":0.65},{"rate":0.7}]}}],
                 "gradeBands":[{"grade":"excellent","minScore":90},{"grade":"good","minScore":80},
                               {"grade":"pass","minScore":70},{"grade":"fail","minScore":0}]}""",
                ScorecardTemplateInput.class);
        // no If-Match: a new code (with the ETag of a version read, a concurrent redefinition would be a 412)
        ScorecardTemplate stored = new ScoringTemplatesApi(hr).defineScorecardTemplate(template, null);
        check("PSEAT".equals(stored.getCode()), "template stored");

        // compute and publish the run
        ScoringRunsApi runs = new ScoringRunsApi(hr);
        ScoringRun run = runs.computeScoringRun(new ScoringRunInput().templateCode("PSEAT").unitCode("P-G1")
                .period("2026-08"), null, null);
        check(run.getScorecards() != null && run.getScorecards().size() == 2, "two scorecards computed");
        // the optional scorecards flag and Accept-Language left out: the run is answered with its scorecards
        runs.publishScoringRun(run.getId(), null, null);
        checked.add("run " + run.getId() + " computed and published");

        // the agent reads their scorecard: 2,412 calls → 1,326.6 of 1,500 points → 88.44, grade good
        List<Scorecard> mine = new ScoringScorecardsApi(agent).listScorecards(null, 100, 0, "2026-08", null, null, null);
        check(mine.size() == 1 && "PA1".equals(mine.get(0).getEmployeeId()), "the agent sees one scorecard");
        check(new BigDecimal("88.44").compareTo(mine.get(0).getTotal()) == 0, "total 88.44, got "
                + mine.get(0).getTotal());
        check("good".equals(mine.get(0).getGrade()), "grade good");
        checked.add("scorecard read: " + mine.get(0).getTotal() + " " + mine.get(0).getGrade());

        // pay: 8,000.00 × 30% × 1.0 (good) = 2,400.00 for PA1; 6,000.00 × 30% × 0 (fail) = 0 for PA2
        SalaryUploadReport salaries = new IncentivesSalariesApi(hr).upsertSalaries(List.of(salary(json, "PA1", 8000),
                salary(json, "PA2", 6000)));
        check(salaries.getAccepted() == 2, "two salaries accepted, got " + salaries.getAccepted() + " "
                + salaries.getErrors());
        Plan plan = new IncentivesPlansApi(hr).createPlan(json.readValue("""
                {"code":"PPERF","name":"Partner performance pay","currency":"CNY","performancePayShare":0.30,
                 "gradeCoefficients":{"excellent":1.1,"good":1.0,"pass":0.8,"fail":0}}""", PlanInput.class), null);
        check("PPERF".equals(plan.getCode()), "plan stored");
        IncentivesRunsApi payRuns = new IncentivesRunsApi(hr);
        PayoutRun pay = payRuns.computeRun(new PayoutRunInput().planCode("PPERF").period("2026-08").unitCode("P-G1"), null);
        check(new BigDecimal("2400").compareTo(pay.getTotalAmount()) == 0, "pay total 2,400, got "
                + pay.getTotalAmount());
        payRuns.approveRun(pay.getId(), null);
        checked.add("pay computed and approved: " + pay.getTotalAmount());

        List<PayoutStatement> statements = new IncentivesStatementsApi(agent).listStatements(null, null, null, "2026-08", null, null);
        check(statements.size() == 1 && "PA1".equals(statements.get(0).getEmployeeId()), "one statement");
        checked.add("statement read: " + statements.get(0).getTotal());

        // errors are typed problems
        try {
            org.getOrgUnit("P-NONE");
            throw new AssertionError("a missing unit must be a 404");
        } catch (ApiException e) {
            Problem problem = json.readValue(e.getResponseBody(), Problem.class);
            check(e.getCode() == 404 && problem.getStatus() == 404
                    && URI.create("https://perfcenter.io/problems/not-found").equals(problem.getType()),
                    "404 problem, got " + e.getCode() + " " + e.getResponseBody());
            checked.add("404 read as Problem " + problem.getType());
        }
        try {
            new ScoringScorecardsApi(client(gatewayUrl, null)).listScorecards(null, 100, 0, "2026-08", null, null, null);
            throw new AssertionError("a call without token must be a 401");
        } catch (ApiException e) {
            Problem problem = json.readValue(e.getResponseBody(), Problem.class);
            check(e.getCode() == 401 && problem.getStatus() == 401, "401 problem, got " + e.getCode());
            checked.add("401 read as Problem " + problem.getType());
        }
        return checked;
    }

    private static ApiClient client(String gatewayUrl, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gatewayUrl);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static MetricValueRecord calls(String agent, int day, int calls) {
        return new MetricValueRecord().sourceSystem("acd").externalId("p-calls-" + agent + "-" + day)
                .employeeId(agent).metricCode("calls_handled").date(LocalDate.of(2026, 8, day))
                .value(BigDecimal.valueOf(calls));
    }

    private static SalaryRow salary(ObjectMapper json, String agent, int base) throws Exception {
        return json.readValue("{\"employeeId\":\"" + agent + "\",\"monthlySalary\":" + base
                + ",\"currency\":\"CNY\",\"effectiveFrom\":\"2026-01-01\"}", SalaryRow.class);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
