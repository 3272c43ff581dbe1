package io.perfcenter.gateway.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.perfcenter.gateway.web.RequestIds;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * hr's pages: the scoring runs of a month and their lifecycle (compute, open the review, publish, lock), a run's
 * changes against its previous revision and its audit trail, and the template what-if: a draft of a template's next
 * version (its weights, or the whole definition) scored on a past month without storing anything, its distribution
 * and totals before and after drawn as charts, then stored as the template's next version. Everyone else is refused
 * (and the API would refuse them too).
 */
@Path("/console/hr")
@Produces(MediaType.TEXT_HTML)
public class HrViews extends ConsoleKit {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> ACTIONS = Set.of("review", "publish", "lock");
    /** What POST /templates takes of what GET /templates/{code} answers (the rest is the stored version's). */
    private static final Set<String> TEMPLATE_FIELDS = Set.of("code", "name", "position", "items", "gradeBands",
            "scoring", "weightTotal", "categories", "insufficientData", "subject", "distribution", "review",
            "moverPolicy", "positions");
    private static final Set<String> ITEM_FIELDS = Set.of("code", "name", "category", "metricCode", "weight", "rule",
            "minSamples", "insufficientData");
    private static final ObjectMapper JSON = new ObjectMapper();

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance runs(Viewer viewer, String csrf, RunsPage runs);

        static native TemplateInstance run(Viewer viewer, String csrf, RunPage run);

        static native TemplateInstance whatIf(Viewer viewer, String csrf, WhatIfPage whatIf);
    }

    @TemplateData
    public record RunsPage(String period, String previousPeriod, String nextPeriod, List<Run> runs,
                           List<String> templates, List<String> units, List<String> notes, TemplateLabels names) {
    }

    @TemplateData
    public record Run(long id, String templateCode, String templateVersion, String unitCode, String period,
                      String status, String revision, String scorecards, String computedAt, String publishedAt) {

        public boolean canOpenReview() {
            return "computed".equals(status);
        }

        public boolean canPublish() {
            return "computed".equals(status) || "in review".equals(status);
        }

        public boolean canLock() {
            return "published".equals(status);
        }

        static Run of(JsonNode r) {
            return new Run(r.path("id").asLong(), MonthView.text(r, "templateCode"),
                    MonthView.text(r, "templateVersion"), MonthView.text(r, "unitCode"), MonthView.text(r, "period"),
                    MonthView.lower(MonthView.text(r, "status")), MonthView.text(r, "revision"),
                    MonthView.text(r, "scorecardCount"), minute(MonthView.text(r, "computedAt")),
                    minute(MonthView.text(r, "publishedAt")));
        }
    }

    @TemplateData
    public record RunPage(Run run, List<Change> changes, List<Event> history, List<CardRow> scorecards,
                          List<String> notes, TemplateLabels names) {
    }

    @TemplateData
    public record Change(String employeeId, String change, String totalBefore, String totalAfter,
                         String gradeBefore, String gradeAfter, String rankBefore, String rankAfter, String items) {
    }

    @TemplateData
    public record Event(String action, String actor, String at, String detail) {
    }

    @TemplateData
    public record CardRow(long id, String employeeId, String total, String grade, String rank, String status) {
    }

    @TemplateData
    public record WhatIfPage(List<String> templates, String templateCode, String unitCode, String period,
                             List<Weight> weights, String draft, Preview preview, List<String> notes,
                             TemplateLabels names) {
    }

    @TemplateData
    public record Weight(String itemCode, String name, String weight) {
    }

    @TemplateData
    public record Preview(String templateVersion, boolean draft, Long comparedRunId, String averageBefore,
                          String averageAfter, int gradesChanged, String distributionChart, String totalsChart,
                          List<Line> agents) {
    }

    @TemplateData
    public record Line(String employeeId, String totalBefore, String totalAfter, String change, String gradeBefore,
                       String gradeAfter, String rankBefore, String rankAfter) {
    }

    HrViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    // ---- runs ----

    @GET
    @Operation(hidden = true)
    @Path("runs")
    public Uni<Response> runs(@QueryParam("period") String period, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        YearMonth month = month(period);
        if (month == null) {
            return invalidPeriod(ctx);
        }
        Uni<Part> runs = get("scoring-service", "/api/v1/scoring/runs?period=" + month + "&limit=200", ctx);
        Uni<Part> templates = get("scoring-service", "/api/v1/scoring/templates?limit=200", ctx);
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx);
        return Uni.combine().all().unis(runs, templates, units).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatRuns(), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatTemplates());
            ConsolePages.note(notes, parts.getItem3(), msg().whatUnits());
            List<Run> list = new ArrayList<>();
            parts.getItem1().body().forEach(r -> list.add(Run.of(r)));
            return page(Templates.runs(viewer(), csrf(ctx), new RunsPage(month.toString(),
                    month.minusMonths(1).toString(), month.plusMonths(1).toString(), list,
                    codes(parts.getItem2().body(), "code"), codes(parts.getItem3().body(), "code"), notes,
                    TemplateLabels.names(parts.getItem2().body()))));
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> compute(@FormParam("templateCode") String templateCode, @FormParam("unitCode") String unit,
                                 @FormParam("period") String period, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                 @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("templateCode", templateCode)
                .put("unitCode", unit).put("period", period);
        return post("scoring-service", "/api/v1/scoring/runs?scorecards=false", body, ctx).flatMap(answer -> {
            if (answer.ok() && answer.body() != null && answer.body().hasNonNull("id")) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/console/hr/runs/"
                        + answer.body().path("id").asLong())).build());
            }
            return after(answer, "/console/hr/runs", msg().whatRun(), ctx);
        });
    }

    @GET
    @Operation(hidden = true)
    @Path("runs/{id}")
    public Uni<Response> run(@PathParam("id") long id, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        Uni<Part> run = get("scoring-service", "/api/v1/scoring/runs/" + id, ctx);
        Uni<Part> changes = get("scoring-service", "/api/v1/scoring/runs/" + id + "/changes?limit=1000", ctx);
        Uni<Part> history = get("scoring-service", "/api/v1/scoring/runs/" + id + "/history?limit=1000", ctx);
        return Uni.combine().all().unis(run, changes, history).asTuple().flatMap(parts -> {
            JsonNode r = parts.getItem1().body();
            if (r == null) {
                return refused(parts.getItem1(), msg().whatRunId(id), ctx);
            }
            return TemplateLabels.ofCards(calls, r, ConsolePages.authorization(ctx), RequestIds.of(ctx))
                    .flatMap(labels -> runPage(r, parts.getItem2(), parts.getItem3(), labels, ctx));
        });
    }

    /** One run's page, its items and grades labelled from its template version ({@link TemplateLabels}). */
    private Uni<Response> runPage(JsonNode r, Part changes, Part history, TemplateLabels labels,
                                  RoutingContext ctx) {
        List<String> notes = new ArrayList<>();
        ConsolePages.note(notes, history, msg().whatRunHistory());
        List<Change> list = new ArrayList<>();
        if (changes.body() != null) {
            for (JsonNode c : changes.body()) {
                List<String> items = new ArrayList<>();
                c.path("items").forEach(i -> items.add(labels.item(i.path("itemCode").asText()) + " "
                        + nvl(MonthView.text(i, "pointsBefore")) + " → " + nvl(MonthView.text(i, "pointsAfter"))));
                list.add(new Change(MonthView.text(c, "employeeId"), MonthView.lower(MonthView.text(c, "change")),
                        MonthView.text(c, "totalBefore"), MonthView.text(c, "totalAfter"),
                        labels.grade(MonthView.text(c, "gradeBefore")), labels.grade(MonthView.text(c, "gradeAfter")),
                        MonthView.text(c, "rankBefore"), MonthView.text(c, "rankAfter"), String.join("; ", items)));
            }
        }
        List<Event> events = new ArrayList<>();
        if (history.body() != null) {
            history.body().forEach(e -> events.add(new Event(MonthView.lower(MonthView.text(e, "action")),
                    MonthView.text(e, "actor"), minute(MonthView.text(e, "at")), MonthView.text(e, "detail"))));
        }
        List<CardRow> cards = new ArrayList<>();
        r.path("scorecards").forEach(c -> cards.add(new CardRow(c.path("id").asLong(),
                MonthView.text(c, "employeeId"), MonthView.text(c, "total"), labels.grade(MonthView.text(c, "grade")),
                MonthView.text(c, "rank"), MonthView.lower(MonthView.text(c, "status")))));
        ObjectNode summary = r.deepCopy();
        summary.put("scorecardCount", cards.size());
        return page(Templates.run(viewer(), csrf(ctx), new RunPage(Run.of(summary), list, events, cards,
                notes, labels)));
    }

    /** Open the review, publish or lock a run. */
    @POST
    @Operation(hidden = true)
    @Path("runs/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> act(@PathParam("id") long id, @PathParam("action") String action,
                             @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!ACTIONS.contains(action)) {
            return message(404, msg().notFound(), msg().runActionsOnly(), ctx);
        }
        String what = switch (action) {
            case "review" -> msg().whatOpeningReview();
            case "publish" -> msg().whatPublishing();
            default -> msg().whatLocking();
        };
        return post("scoring-service", "/api/v1/scoring/runs/" + id + "/" + action, null, ctx)
                .flatMap(answer -> after(answer, "/console/hr/runs/" + id, what, ctx));
    }

    // ---- template what-if ----

    @GET
    @Operation(hidden = true)
    @Path("what-if")
    public Uni<Response> whatIfForm(@QueryParam("template") String template, @QueryParam("unit") String unit,
                                    @QueryParam("period") String period, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        YearMonth month = month(period);
        if (month == null || (template != null && !template.isBlank() && !CODE.matcher(template).matches())) {
            return message(400, msg().invalidPage(), msg().whatIfQuery(), ctx);
        }
        Uni<Part> templates = get("scoring-service", "/api/v1/scoring/templates?limit=200", ctx);
        return templates.flatMap(list -> {
            if (list.body() == null) {
                return refused(list, msg().whatTemplates(), ctx);
            }
            List<String> codes = codes(list.body(), "code");
            String code = template == null || template.isBlank() ? (codes.isEmpty() ? null : codes.get(0)) : template;
            if (code == null) {
                return message(404, msg().noTemplateTitle(), msg().noTemplateYet(), ctx);
            }
            Uni<Part> one = get("scoring-service", "/api/v1/scoring/templates/" + encode(code), ctx);
            Uni<Part> runs = get("scoring-service", "/api/v1/scoring/runs?period=" + month + "&templateCode="
                    + encode(code) + "&limit=50", ctx);
            return Uni.combine().all().unis(one, runs).asTuple().flatMap(parts -> {
                if (parts.getItem1().body() == null) {
                    return refused(parts.getItem1(), msg().whatTemplate(code), ctx);
                }
                ObjectNode draft = draft(parts.getItem1().body());
                String u = unit != null && !unit.isBlank() ? unit
                        : parts.getItem2().body() != null && parts.getItem2().body().size() > 0
                        ? parts.getItem2().body().get(0).path("unitCode").asText() : "";
                return page(Templates.whatIf(viewer(), csrf(ctx), new WhatIfPage(codes, code, u, month.toString(),
                        weights(draft), pretty(draft), null, List.of(), TemplateLabels.names(list.body()))));
            });
        });
    }

    /** Score the month with the draft (its weights as the form set them), nothing stored; draw the comparison. */
    @POST
    @Operation(hidden = true)
    @Path("what-if")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> whatIf(MultivaluedMap<String, String> form, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, form.getFirst(ConsoleRoutes.CSRF_FIELD))) {
            return forged(ctx);
        }
        String unit = form.getFirst("unitCode");
        String period = form.getFirst("period");
        ObjectNode draft;
        try {
            draft = withWeights(form);
        } catch (IllegalArgumentException e) {
            return message(400, msg().notDone(msg().whatWhatIf()), e.getMessage(), ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("template", draft);
        body.put("unitCode", unit).put("period", period);
        Uni<Part> templates = get("scoring-service", "/api/v1/scoring/templates?limit=200", ctx);
        return Uni.combine().all().unis(post("scoring-service", "/api/v1/scoring/runs/what-if", body, ctx), templates)
                .asTuple().flatMap(parts -> {
                    var answer = parts.getItem1();
                    if (!answer.ok() || answer.body() == null) {
                        return after(answer, "/console/hr/what-if", msg().whatWhatIf(), ctx);
                    }
                    List<String> notes = new ArrayList<>();
                    if (!answer.body().hasNonNull("comparedRunId")) {
                        notes.add(msg().neverScored());
                    }
                    return page(Templates.whatIf(viewer(), csrf(ctx), new WhatIfPage(
                            codes(parts.getItem2().body(), "code"), draft.path("code").asText(), unit, period,
                            weights(draft), pretty(draft), preview(answer.body(), TemplateLabels.of(List.of(draft))),
                            notes, TemplateLabels.names(parts.getItem2().body()))));
                });
    }

    /** Store the draft as the template's next version (runs computed from now on use it). */
    @POST
    @Operation(hidden = true)
    @Path("templates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> storeTemplate(MultivaluedMap<String, String> form, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, form.getFirst(ConsoleRoutes.CSRF_FIELD))) {
            return forged(ctx);
        }
        ObjectNode draft;
        try {
            draft = withWeights(form);
        } catch (IllegalArgumentException e) {
            return message(400, msg().notDone(msg().whatTemplateVersion()), e.getMessage(), ctx);
        }
        String period = month(form.getFirst("period")) == null ? "" : "?period=" + month(form.getFirst("period"));
        return post("scoring-service", "/api/v1/scoring/templates", draft, ctx)
                .flatMap(answer -> after(answer, "/console/hr/runs" + period + "#compute", msg().whatTemplateVersion(), ctx));
    }

    // ---- helpers ----

    /** The template as its next version's input: only the fields POST /templates takes. */
    static ObjectNode draft(JsonNode template) {
        ObjectNode draft = JsonNodeFactory.instance.objectNode();
        template.fields().forEachRemaining(f -> {
            if (TEMPLATE_FIELDS.contains(f.getKey()) && !f.getValue().isNull()) {
                draft.set(f.getKey(), f.getValue());
            }
        });
        var items = draft.putArray("items");
        for (JsonNode i : template.path("items")) {
            ObjectNode item = items.addObject();
            i.fields().forEachRemaining(f -> {
                if (ITEM_FIELDS.contains(f.getKey()) && !f.getValue().isNull()) {
                    item.set(f.getKey(), f.getValue());
                }
            });
        }
        return draft;
    }

    /** The posted draft (JSON) with the weights of the form's weight.{item} fields. */
    static ObjectNode withWeights(MultivaluedMap<String, String> form) {
        String text = form.getFirst("draft");
        JsonNode parsed;
        try {
            parsed = text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(msg().draftNotJson(e.getOriginalMessage()));
        }
        if (!(parsed instanceof ObjectNode draft) || !draft.path("items").isArray()) {
            throw new IllegalArgumentException(msg().draftNotTemplate());
        }
        for (JsonNode item : draft.path("items")) {
            String weight = form.getFirst("weight." + item.path("code").asText());
            if (weight != null && !weight.isBlank()) {
                try {
                    ((ObjectNode) item).put("weight", new BigDecimal(weight.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(msg().weightNotNumber(item.path("code").asText()));
                }
            }
        }
        return draft;
    }

    static List<Weight> weights(JsonNode draft) {
        List<Weight> list = new ArrayList<>();
        draft.path("items").forEach(i -> list.add(new Weight(i.path("code").asText(), ConsoleKit.label(i, "name"),
                MonthView.text(i, "weight"))));
        return list;
    }

    static Preview preview(JsonNode p) {
        return preview(p, TemplateLabels.NONE);
    }

    /** The what-if's comparison, its grades labelled from the draft ({@link TemplateLabels}). */
    static Preview preview(JsonNode p, TemplateLabels labels) {
        Set<String> grades = new LinkedHashSet<>();
        JsonNode before = p.path("distributionBefore");
        JsonNode after = p.path("distributionAfter");
        after.fieldNames().forEachRemaining(grades::add);
        before.fieldNames().forEachRemaining(grades::add);
        List<String> gradeList = List.copyOf(grades);
        String distribution = Charts.bar(gradeList.stream().map(labels::grade).toList())
                .series(msg().seriesNow(), gradeList.stream().map(g -> before.has(g) ? before.path(g).asText() : "0").toList())
                .series(msg().seriesWithDraft(), gradeList.stream().map(g -> after.has(g) ? after.path(g).asText() : "0")
                        .toList()).toString();
        List<Line> lines = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<String> totalsBefore = new ArrayList<>();
        List<String> totalsAfter = new ArrayList<>();
        for (JsonNode a : p.path("agents")) {
            String id = a.path("employeeId").asText(a.path("subjectUnitCode").asText());
            lines.add(new Line(id, MonthView.text(a, "totalBefore"), MonthView.text(a, "totalAfter"),
                    MonthView.text(a, "totalChange"), labels.grade(MonthView.text(a, "gradeBefore")),
                    labels.grade(MonthView.text(a, "gradeAfter")),
                    MonthView.text(a, "rankBefore"), MonthView.text(a, "rankAfter")));
            agents.add(id);
            totalsBefore.add(MonthView.text(a, "totalBefore"));
            totalsAfter.add(MonthView.text(a, "totalAfter"));
        }
        String totals = Charts.bar(agents).series(msg().seriesNow(), totalsBefore).series(msg().seriesWithDraft(), totalsAfter)
                .toString();
        return new Preview(MonthView.text(p, "templateVersion"), p.path("draft").asBoolean(),
                p.hasNonNull("comparedRunId") ? p.path("comparedRunId").asLong() : null,
                MonthView.text(p, "averageTotalBefore"), MonthView.text(p, "averageTotalAfter"),
                p.path("gradesChanged").asInt(), distribution, totals, lines);
    }

    static List<String> codes(JsonNode list, String field) {
        List<String> codes = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(n -> codes.add(n.path(field).asText()));
        }
        return codes;
    }

    private static String nvl(String value) {
        return value == null ? "–" : value;
    }

    static String minute(String timestamp) {
        return timestamp == null || timestamp.length() < 16 ? timestamp : timestamp.substring(0, 16).replace('T', ' ');
    }

}
