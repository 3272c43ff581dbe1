package io.perfcenter.metrics.qa;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.metrics.aggregate.PeriodRange;
import io.perfcenter.metrics.org.Agent;
import io.perfcenter.metrics.org.OrgScope;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.EvaluationView;
import io.perfcenter.metrics.qa.QaEvaluationPayloads.ItemResult;
import io.perfcenter.metrics.security.Caller;
import io.perfcenter.metrics.security.Roles;
import io.perfcenter.metrics.web.Page;
import io.perfcenter.metrics.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent's QA evaluations of a period with their per-item results and, for form-scored ones, how the score came
 * about: what an agent discusses with their supervisor (绩效面谈) and what a dispute would name.
 */
@Path("/api/v1/metrics/qa/evaluations")
@Tag(name = "metrics: quality")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this")
public class QaEvaluationResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final Caller caller;
    private final OrgScope scope;

    QaEvaluationResource(EntityManager em, Caller caller, OrgScope scope) {
        this.em = em;
        this.caller = caller;
        this.scope = scope;
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.QA, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listQaEvaluations", summary = "An agent's QA evaluations of a period, item by item",
            description = "Give employeeId and period (2026-10, 2026-Q4, …) or from and to. The agent reads their "
                    + "own; a supervisor or manager those dated on days the agent belonged to a unit they lead (as "
                    + "for figures); QA specialists, hr and admin every agent's. Ordered by evaluatedOn, "
                    + "sourceSystem, externalId.")
    @APIResponse(responseCode = "200", description = "The evaluations", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "Missing or invalid parameter (problem names it)")
    @APIResponse(responseCode = "404", description = "No such agent, or one outside the caller's scope (the same "
            + "answer)")
    @SuppressWarnings("unchecked")
    public RestResponse<List<EvaluationView>> list(
            @Parameter(description = "The evaluated agent", example = "E2001") @QueryParam("employeeId")
            String employeeId,
            @Parameter(description = "A day, week, month, quarter or year", example = "2026-10")
            @QueryParam("period") String period,
            @Parameter(description = "First day (with to)", example = "2026-10-01") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day (with from)", example = "2026-10-31") @QueryParam("to") LocalDate to,
            @BeanParam Page page) {
        if (employeeId == null || employeeId.isBlank()) {
            throw Problems.invalid("employeeId", "is required");
        }
        PeriodRange range = PeriodRange.of(period, from, to);
        List<String> within = caller.has(Roles.QA) ? null
                : scope.agentFiguresWithin(employeeId, range.from(), range.to());
        if (Agent.findById(employeeId) == null) {
            throw Problems.notFound("Agent", employeeId);
        }
        String sql = "SELECT source_system, external_id, revision, employee_id, evaluator_id, activity_date, score, "
                + "contact_external_id, form_code, form_version, critical_item, items::text, item_results::text "
                + "FROM qa_evaluation e WHERE employee_id = :agent AND activity_date BETWEEN :from AND :to "
                + (within == null ? "" : "AND EXISTS (SELECT 1 FROM membership m WHERE m.employee_id = e.employee_id "
                + "AND m.unit_code IN (:units) AND m.valid_from <= e.activity_date "
                + "AND (m.valid_to IS NULL OR m.valid_to > e.activity_date)) ")
                + "ORDER BY activity_date, source_system, external_id";
        Query query = em.createNativeQuery(sql).setParameter("agent", employeeId)
                .setParameter("from", range.from()).setParameter("to", range.to());
        if (within != null) {
            query.setParameter("units", within);
        }
        Map<String, QaForm> forms = new HashMap<>();
        List<EvaluationView> views = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            views.add(view(r, forms));
        }
        return page.of(views);
    }

    private static EvaluationView view(Object[] r, Map<String, QaForm> forms) {
        String formCode = (String) r[8];
        Integer formVersion = r[9] == null ? null : ((Number) r[9]).intValue();
        BigDecimal score = (BigDecimal) r[6];
        String critical = (String) r[10];
        List<ItemResult> results = null;
        String explanation = null;
        if (r[12] != null) {
            JsonNode stored = read((String) r[12]);
            results = JSON.convertValue(stored, new TypeReference<List<ItemResult>>() {
            });
            QaForm form = forms.computeIfAbsent(formCode + " " + formVersion,
                    k -> QaForm.version(formCode, formVersion).orElse(null));
            explanation = QaFormScoring.explain(form, stored, score, critical);
        }
        LocalDate day = r[5] instanceof Date d ? d.toLocalDate() : (LocalDate) r[5];
        return new EvaluationView((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                (String) r[4], day, score, (String) r[7], formCode, formVersion, critical,
                r[11] == null ? null : read((String) r[11]), results, explanation);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
