package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The manager's team: the groups of the units they lead compared (scorecards, average total, grades), the grade
 * distribution against the template's forced distribution when it has one, and the targets of the month.
 */
@Path("/console/team")
@Produces(MediaType.TEXT_HTML)
public class TeamView extends ConsoleKit {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance team(Viewer viewer, String csrf, Team team);
    }

    @TemplateData
    public record Team(String period, String previousPeriod, String nextPeriod, List<Group> groups,
                       String averagesChart, String gradesChart, List<String> quotas, List<Target> targets,
                       List<String> notes) {
    }

    @TemplateData
    public record Group(String unitCode, int scorecards, String averageTotal, String best, String grades) {
    }

    @TemplateData
    public record Target(String metric, String scope, String period, String value, String setBy) {
    }

    TeamView(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> team(@QueryParam("period") String period, @Context RoutingContext ctx) {
        YearMonth month = month(period);
        if (month == null) {
            return invalidPeriod(ctx);
        }
        Uni<Part> cards = get("scoring-service", "/api/v1/scoring/scorecards?period=" + month + "&limit=1000", ctx);
        Uni<Part> targetsCall = get("scoring-service", "/api/v1/scoring/targets?period=" + month + "&limit=200", ctx);
        Uni<Part> templates = get("scoring-service", "/api/v1/scoring/templates?limit=200", ctx);
        return Uni.combine().all().unis(cards, targetsCall, templates).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatScorecards(), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatTargets());
            ConsolePages.note(notes, parts.getItem3(), msg().whatTemplates());
            Map<String, List<JsonNode>> byUnit = new TreeMap<>();
            Set<String> templateCodes = new LinkedHashSet<>();
            for (JsonNode c : parts.getItem1().body()) {
                if (!"SUPERSEDED".equalsIgnoreCase(c.path("status").asText())) {
                    byUnit.computeIfAbsent(c.path("unitCode").asText(), k -> new ArrayList<>()).add(c);
                    templateCodes.add(c.path("templateCode").asText());
                }
            }
            // the grades in the order of the templates' bands (best first), then any other
            Set<String> grades = new LinkedHashSet<>();
            List<String> quotas = new ArrayList<>();
            Map<String, BigDecimal> forced = new LinkedHashMap<>();
            List<JsonNode> used = new ArrayList<>();
            if (parts.getItem3().body() != null) {
                for (JsonNode t : parts.getItem3().body()) {
                    if (!templateCodes.contains(t.path("code").asText())) {
                        continue;
                    }
                    used.add(t);
                    t.path("gradeBands").forEach(b -> grades.add(b.path("grade").asText()));
                    for (JsonNode q : t.path("distribution").path("quotas")) {
                        grades.add(q.path("grade").asText());
                        forced.put(q.path("grade").asText(), q.path("share").decimalValue());
                        quotas.add(t.path("code").asText() + ": " + q.path("grade").asText() + " "
                                + q.path("share").decimalValue().stripTrailingZeros().toPlainString() + "%");
                    }
                }
            }
            byUnit.values().forEach(list -> list.forEach(c -> grades.add(c.path("grade").asText())));
            // grades named in the page's language when the templates (their latest versions) name them
            TemplateLabels labels = TemplateLabels.of(used);
            grades.remove("");
            List<String> gradeList = List.copyOf(grades);
            List<Group> groups = new ArrayList<>();
            List<String> averages = new ArrayList<>();
            Map<String, Integer> all = new LinkedHashMap<>();
            int count = 0;
            for (var e : byUnit.entrySet()) {
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal best = null;
                Map<String, Integer> perGrade = new LinkedHashMap<>();
                for (JsonNode c : e.getValue()) {
                    BigDecimal total = c.hasNonNull("total") ? c.path("total").decimalValue() : BigDecimal.ZERO;
                    sum = sum.add(total);
                    best = best == null || total.compareTo(best) > 0 ? total : best;
                    perGrade.merge(c.path("grade").asText(), 1, Integer::sum);
                    all.merge(c.path("grade").asText(), 1, Integer::sum);
                    count++;
                }
                // shown to 2 decimals, half up, like the API's totals
                String average = sum.divide(BigDecimal.valueOf(e.getValue().size()), 2, RoundingMode.HALF_UP)
                        .toPlainString();
                averages.add(average);
                List<String> text = new ArrayList<>();
                perGrade.forEach((g, n) -> text.add(labels.grade(g) + " " + n));
                groups.add(new Group(e.getKey(), e.getValue().size(), average,
                        best == null ? null : best.stripTrailingZeros().toPlainString(), String.join(", ", text)));
            }
            String averagesChart = Charts.bar(groups.stream().map(Group::unitCode).toList())
                    .series(msg().seriesAverageTotal(), averages).toString();
            int n = count;
            Charts gradesChart = Charts.bar(gradeList.stream().map(labels::grade).toList()).series(msg().seriesGradeShare(), gradeList.stream()
                    .map(g -> n == 0 ? null : BigDecimal.valueOf(all.getOrDefault(g, 0) * 100L)
                            .divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP).toPlainString()).toList());
            if (!forced.isEmpty()) {
                gradesChart.series(msg().seriesForced(), gradeList.stream()
                        .map(g -> forced.containsKey(g) ? forced.get(g).toPlainString() : null).toList());
            }
            List<Target> targets = new ArrayList<>();
            if (parts.getItem2().body() != null) {
                parts.getItem2().body().forEach(t -> targets.add(new Target(MonthView.text(t, "metricCode"),
                        MonthView.lower(MonthView.text(t, "scopeKind")) + " " + t.path("scopeCode").asText(""),
                        MonthView.text(t, "period"), MonthView.text(t, "value"), MonthView.text(t, "setBy"))));
            }
            return page(Templates.team(viewer(), csrf(ctx), new Team(month.toString(),
                    month.minusMonths(1).toString(), month.plusMonths(1).toString(), groups, averagesChart,
                    gradesChart.toString(), quotas, targets, notes)));
        });
    }
}
