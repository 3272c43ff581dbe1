package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What QA specialists prepare in the console: QA forms (the latest version of each, every version, a new form or the
 * next version of one from a version's page, as rows of items) and sampling plans (a period's plans, drawing one,
 * topping it up with late calls, its assignments and progress). The API lets QA, hr and admin do all of it, and
 * nobody else: the pages refuse the others before any call, and every call is made as the signed-in person.
 */
@Path("/console/qa")
@Produces(MediaType.TEXT_HTML)
public class QaViews extends ConsoleKit {

    /** A form's code as the API takes it (1-64 letters, digits, '_', '.' or '-'). */
    static final Pattern FORM_CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A period the sampling list filters by: a month, quarter, week, year or day. */
    static final Pattern ANY_PERIOD = Pattern.compile("[0-9A-Za-z-]{4,10}");
    /** Blank rows a form's editor offers below the rows it has. */
    static final int BLANK_ROWS = 4;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance qaForms(Viewer viewer, String csrf, FormsPage forms);

        static native TemplateInstance qaForm(Viewer viewer, String csrf, FormVersion form);

        static native TemplateInstance samplingPlans(Viewer viewer, String csrf, SamplingPage sampling);

        static native TemplateInstance samplingPlan(Viewer viewer, String csrf, SamplingPlan plan);
    }

    @TemplateData
    public record FormsPage(boolean retired, List<FormRow> forms, Editor editor, List<String> notes) {
    }

    /** The latest version of a form, with links to each of its versions. */
    @TemplateData
    public record FormRow(String code, String name, int version, List<Integer> versions, int items,
                          String createdAt, String createdBy, String retiredAt) {
    }

    /** The rows of a form being defined: empty for a new form, a version's items for its next version. */
    @TemplateData
    public record Editor(String code, String name, String description, boolean next, List<EditRow> rows) {
    }

    @TemplateData
    public record EditRow(int index, String sectionCode, String sectionName, String code, String name, String weight,
                          String answer, String scaleMax, String passMark, boolean notApplicable, String critical,
                          String capAt) {
    }

    @TemplateData
    public record FormVersion(String code, int version, int latest, List<Integer> versions, String name,
                              String description, String createdAt, String createdBy, String retiredAt,
                              List<SectionView> sections, Editor editor) {
    }

    @TemplateData
    public record SectionView(String code, String name, List<ItemView> items) {
    }

    @TemplateData
    public record ItemView(String code, String name, String weight, String answer, String scale,
                           boolean notApplicable, String critical) {
    }

    @TemplateData
    public record SamplingPage(String period, String unitCode, String defaultPeriod, List<PlanRow> plans,
                               List<String> formCodes, List<String> notes) {
    }

    @TemplateData
    public record PlanRow(long id, String unitCode, String from, String to, String form, int agentsSampled,
                          int agentsEligible, int planned, int done, String createdAt, String createdBy) {
    }

    @TemplateData
    public record SamplingPlan(long id, String unitCode, String from, String to, String agentShare,
                               int evaluationsPerAgent, String evaluators, String seed, String form,
                               int agentsEligible, int agentsSampled, int planned, int done,
                               List<ProgressRow> progress, List<AssignmentRow> assignments, List<RoundRow> rounds,
                               String createdAt, String createdBy) {
    }

    @TemplateData
    public record ProgressRow(String evaluatorId, int planned, int done) {
    }

    @TemplateData
    public record AssignmentRow(String employeeId, String sourceSystem, String externalId, String date,
                                String evaluatorId, boolean evaluated, String notCounted, int round,
                                String checklist) {
    }

    @TemplateData
    public record RoundRow(int round, String drawnAt, String drawnBy, int agentsShort, int added) {
    }

    QaViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    private Uni<Response> notQa(RoutingContext ctx) {
        return message(403, msg().notAllowed(), msg().qaFormPagesOnly(), ctx);
    }

    // ---- QA forms ----

    @GET
    @Operation(hidden = true)
    @Path("forms")
    public Uni<Response> forms(@QueryParam("retired") boolean retired, @Context RoutingContext ctx) {
        if (!hasAny(QualityViews.CALIBRATORS)) {
            return notQa(ctx);
        }
        return get("metrics-service", "/api/v1/metrics/qa/forms?limit=500" + (retired ? "&includeRetired=true" : ""),
                ctx).flatMap(list -> {
            if (list.body() == null) {
                return refused(list, msg().qaFormWhatForms(), ctx);
            }
            return page(Templates.qaForms(viewer(), csrf(ctx), new FormsPage(retired, formRows(list.body()),
                    editor(null, false), List.of())));
        });
    }

    @GET
    @Operation(hidden = true)
    @Path("forms/{code}")
    public Uni<Response> latest(@PathParam("code") String code, @Context RoutingContext ctx) {
        return version(code, null, ctx);
    }

    @GET
    @Operation(hidden = true)
    @Path("forms/{code}/versions/{version}")
    public Uni<Response> version(@PathParam("code") String code, @PathParam("version") Integer version,
                                 @Context RoutingContext ctx) {
        if (!hasAny(QualityViews.CALIBRATORS)) {
            return notQa(ctx);
        }
        if (!FORM_CODE.matcher(code).matches() || version != null && version < 1) {
            return message(404, msg().notFound(), msg().noSuchThing(code), ctx);
        }
        String path = "/api/v1/metrics/qa/forms/" + encode(code);
        Uni<Part> latest = get("metrics-service", path, ctx);
        Uni<Part> chosen = version == null ? latest : get("metrics-service", path + "/versions/" + version, ctx);
        return Uni.combine().all().unis(latest, chosen).asTuple().flatMap(parts -> {
            Part last = parts.getItem1();
            Part one = parts.getItem2();
            if (one.body() == null || last.body() == null) {
                return refused(one.body() == null ? one : last, msg().qaFormWhatForm(code), ctx);
            }
            return page(Templates.qaForm(viewer(), csrf(ctx), formVersion(one.body(),
                    last.body().path("version").asInt())));
        });
    }

    /** Defines a form, or the next version of one (the same code): the rows become its sections and items. */
    @POST
    @Operation(hidden = true)
    @Path("forms")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> define(@FormParam("code") String code, @FormParam("name") String name,
                                @FormParam("description") String description,
                                @FormParam("sectionCode") List<String> sectionCodes,
                                @FormParam("sectionName") List<String> sectionNames,
                                @FormParam("itemCode") List<String> itemCodes,
                                @FormParam("itemName") List<String> itemNames,
                                @FormParam("weight") List<String> weights, @FormParam("answer") List<String> answers,
                                @FormParam("scaleMax") List<String> scaleMaxes,
                                @FormParam("passMark") List<String> passMarks,
                                @FormParam("notApplicable") List<String> notApplicable,
                                @FormParam("critical") List<String> criticals, @FormParam("capAt") List<String> capAts,
                                @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = formBody(code, name, description, new Rows(sectionCodes, sectionNames, itemCodes,
                itemNames, weights, answers, scaleMaxes, passMarks, notApplicable, criticals, capAts));
        return post("metrics-service", "/api/v1/metrics/qa/forms", body, ctx).flatMap(answer -> after(answer,
                answer.ok() && answer.body() != null ? "/console/qa/forms/" + encode(answer.body().path("code")
                        .asText()) + "/versions/" + answer.body().path("version").asInt() : "/console/qa/forms",
                msg().qaFormWhatForm(QualityView.blank(code) == null ? "" : code.strip()), ctx));
    }

    /** The form's rows as posted, one list per column (blank cells included, so that the columns line up). */
    record Rows(List<String> sectionCodes, List<String> sectionNames, List<String> itemCodes, List<String> itemNames,
                List<String> weights, List<String> answers, List<String> scaleMaxes, List<String> passMarks,
                List<String> notApplicable, List<String> criticals, List<String> capAts) {

        int size() {
            return itemCodes == null ? 0 : itemCodes.size();
        }
    }

    /**
     * The API's form input from the posted rows: a row without an item code and name is left out; a row without a
     * section code is in the section above it (the first such: section "main"); a section's name is the first one
     * given for its code (else the code). A cell the API would refuse is passed on as given, so that its problem
     * names it (e.g. sections[0].items[1].weight).
     */
    static ObjectNode formBody(String code, String name, String description, Rows rows) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", QualityView.blank(code));
        body.put("name", QualityView.blank(name));
        if (QualityView.blank(description) != null) {
            body.put("description", QualityView.blank(description));
        }
        Map<String, ObjectNode> sections = new LinkedHashMap<>();
        String section = "main";
        for (int i = 0; i < rows.size(); i++) {
            String itemCode = QualityView.blank(at(rows.itemCodes(), i));
            String itemName = QualityView.blank(at(rows.itemNames(), i));
            String sectionCode = QualityView.blank(at(rows.sectionCodes(), i));
            if (sectionCode != null) {
                section = sectionCode;
            }
            if (itemCode == null && itemName == null) {
                continue;
            }
            String sectionName = QualityView.blank(at(rows.sectionNames(), i));
            ObjectNode s = sections.computeIfAbsent(section, c -> {
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("code", c);
                n.putNull("name");
                n.putArray("items");
                return n;
            });
            if (s.get("name").isNull() && sectionName != null) {
                s.put("name", sectionName);
            }
            ObjectNode item = ((ArrayNode) s.get("items")).addObject();
            item.put("code", itemCode);
            item.put("name", itemName);
            decimal(item, "weight", at(rows.weights(), i));
            String answer = QualityView.blank(at(rows.answers(), i));
            item.put("answer", answer);
            if (!"YES_NO".equals(answer)) {
                integer(item, "scaleMax", at(rows.scaleMaxes(), i), false);
                integer(item, "passMark", at(rows.passMarks(), i), true);
            }
            if ("true".equals(QualityView.blank(at(rows.notApplicable(), i)))) {
                item.put("allowNotApplicable", true);
            }
            String critical = QualityView.blank(at(rows.criticals(), i));
            if (critical != null) {
                item.put("critical", critical);
                if ("CAP".equals(critical)) {
                    decimal(item, "capAt", at(rows.capAts(), i));
                }
            }
        }
        ArrayNode list = body.putArray("sections");
        sections.values().forEach(s -> {
            if (s.get("name").isNull()) {
                s.put("name", s.get("code").asText());
            }
            list.add(s);
        });
        return body;
    }

    private static void decimal(ObjectNode node, String field, String value) {
        String v = QualityView.blank(value);
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

    private static void integer(ObjectNode node, String field, String value, boolean optional) {
        String v = QualityView.blank(value);
        if (v == null) {
            if (!optional) {
                node.putNull(field);
            }
        } else if (v.matches("-?\\d{1,9}")) {
            node.put(field, Integer.parseInt(v));
        } else {
            node.put(field, v);
        }
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    static List<FormRow> formRows(JsonNode forms) {
        List<FormRow> rows = new ArrayList<>();
        for (JsonNode f : QualityView.array(forms)) {
            int version = f.path("version").asInt();
            int items = 0;
            for (JsonNode s : f.path("sections")) {
                items += s.path("items").size();
            }
            rows.add(new FormRow(MonthView.text(f, "code"), MonthView.text(f, "name"), version, versions(version),
                    items, HrViews.minute(MonthView.text(f, "createdAt")), MonthView.text(f, "createdBy"),
                    HrViews.minute(MonthView.text(f, "retiredAt"))));
        }
        return rows;
    }

    private static List<Integer> versions(int latest) {
        List<Integer> versions = new ArrayList<>();
        for (int v = 1; v <= latest; v++) {
            versions.add(v);
        }
        return versions;
    }

    /** A version as its page shows it, with its items as the rows of the next version's editor. */
    static FormVersion formVersion(JsonNode f, int latest) {
        List<SectionView> sections = new ArrayList<>();
        for (JsonNode s : f.path("sections")) {
            List<ItemView> items = new ArrayList<>();
            for (JsonNode i : s.path("items")) {
                String answer = MonthView.text(i, "answer");
                String scale = "SCALE".equals(answer) ? "0–" + MonthView.text(i, "scaleMax")
                        + (i.hasNonNull("passMark") ? " (≥ " + MonthView.text(i, "passMark") + ")" : "") : null;
                String critical = MonthView.text(i, "critical");
                if ("CAP".equals(critical)) {
                    critical = "CAP " + MonthView.text(i, "capAt");
                }
                items.add(new ItemView(MonthView.text(i, "code"), MonthView.text(i, "name"),
                        MonthView.text(i, "weight"), answer, scale, i.path("allowNotApplicable").asBoolean(false),
                        critical));
            }
            sections.add(new SectionView(MonthView.text(s, "code"), MonthView.text(s, "name"), items));
        }
        return new FormVersion(MonthView.text(f, "code"), f.path("version").asInt(), latest, versions(latest),
                MonthView.text(f, "name"), MonthView.text(f, "description"),
                HrViews.minute(MonthView.text(f, "createdAt")), MonthView.text(f, "createdBy"),
                HrViews.minute(MonthView.text(f, "retiredAt")), sections, editor(f, true));
    }

    /** The editor's rows: the form's items (none for a new form), then {@link #BLANK_ROWS} blank ones. */
    static Editor editor(JsonNode f, boolean next) {
        List<EditRow> rows = new ArrayList<>();
        if (f != null) {
            for (JsonNode s : f.path("sections")) {
                boolean first = true;
                for (JsonNode i : s.path("items")) {
                    rows.add(new EditRow(rows.size() + 1, first ? MonthView.text(s, "code") : "",
                            first ? MonthView.text(s, "name") : "", MonthView.text(i, "code"),
                            MonthView.text(i, "name"), MonthView.text(i, "weight"), MonthView.text(i, "answer"),
                            MonthView.text(i, "scaleMax"), MonthView.text(i, "passMark"),
                            i.path("allowNotApplicable").asBoolean(false), MonthView.text(i, "critical"),
                            MonthView.text(i, "capAt")));
                    first = false;
                }
            }
        }
        for (int k = 0; k < BLANK_ROWS; k++) {
            rows.add(new EditRow(rows.size() + 1, "", "", "", "", "", "SCALE", "", "", false, "", ""));
        }
        return new Editor(f == null ? "" : MonthView.text(f, "code"), f == null ? "" : MonthView.text(f, "name"),
                f == null ? "" : MonthView.text(f, "description"), next, rows);
    }

    // ---- sampling plans ----

    @GET
    @Operation(hidden = true)
    @Path("sampling")
    public Uni<Response> plans(@QueryParam("period") String period, @QueryParam("unitCode") String unitCode,
                               @Context RoutingContext ctx) {
        if (!hasAny(QualityViews.CALIBRATORS)) {
            return notQa(ctx);
        }
        String p = QualityView.blank(period);
        String u = QualityView.blank(unitCode);
        if (p != null && !ANY_PERIOD.matcher(p).matches()) {
            return invalidPeriod(ctx);
        }
        if (u != null && !ConsolePages.EMPLOYEE_ID.matcher(u).matches()) {
            return message(404, msg().notFound(), msg().noSuchThing(u), ctx);
        }
        String query = "/api/v1/metrics/qa/sampling-plans?limit=200" + (p == null ? "" : "&period=" + encode(p))
                + (u == null ? "" : "&unit=" + encode(u));
        Uni<Part> plans = get("metrics-service", query, ctx);
        Uni<Part> forms = get("metrics-service", "/api/v1/metrics/qa/forms?limit=500", ctx);
        return Uni.combine().all().unis(plans, forms).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().samplingWhatPlans(), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().qaFormWhatForms());
            List<String> codes = new ArrayList<>();
            for (JsonNode f : QualityView.array(parts.getItem2().body())) {
                codes.add(f.path("code").asText());
            }
            return page(Templates.samplingPlans(viewer(), csrf(ctx), new SamplingPage(p, u,
                    YearMonth.now(clock).minusMonths(1).toString(), planRows(parts.getItem1().body()), codes,
                    notes)));
        });
    }

    @GET
    @Operation(hidden = true)
    @Path("sampling/{id}")
    public Uni<Response> plan(@PathParam("id") long id, @Context RoutingContext ctx) {
        if (!hasAny(QualityViews.CALIBRATORS)) {
            return notQa(ctx);
        }
        return get("metrics-service", "/api/v1/metrics/qa/sampling-plans/" + id, ctx).flatMap(part ->
                part.body() == null ? refused(part, msg().samplingWhatPlan(), ctx)
                        : page(Templates.samplingPlan(viewer(), csrf(ctx), plan(part.body()))));
    }

    @POST
    @Operation(hidden = true)
    @Path("sampling")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createPlan(@FormParam("unitCode") String unitCode, @FormParam("period") String period,
                                    @FormParam("agentShare") String agentShare,
                                    @FormParam("evaluationsPerAgent") String evaluationsPerAgent,
                                    @FormParam("evaluators") String evaluators, @FormParam("seed") String seed,
                                    @FormParam("formCode") String formCode,
                                    @FormParam("formVersion") String formVersion,
                                    @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("metrics-service", "/api/v1/metrics/qa/sampling-plans", planBody(unitCode, period, agentShare,
                evaluationsPerAgent, evaluators, seed, formCode, formVersion), ctx).flatMap(answer -> after(answer,
                answer.ok() && answer.body() != null ? "/console/qa/sampling/" + answer.body().path("id").asLong()
                        : "/console/qa/sampling", msg().samplingWhatPlan(), ctx));
    }

    @POST
    @Operation(hidden = true)
    @Path("sampling/{id}/top-up")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> topUp(@PathParam("id") long id, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                               @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("metrics-service", "/api/v1/metrics/qa/sampling-plans/" + id + "/top-up", null, ctx)
                .flatMap(answer -> after(answer, "/console/qa/sampling/" + id + "#rounds", msg().samplingWhatTopUp(),
                        ctx));
    }

    /** The API's plan input; evaluators as the form lists them (commas or spaces between ids). */
    static ObjectNode planBody(String unitCode, String period, String agentShare, String evaluationsPerAgent,
                               String evaluators, String seed, String formCode, String formVersion) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("unitCode", QualityView.blank(unitCode));
        body.put("period", QualityView.blank(period));
        decimal(body, "agentShare", agentShare);
        integer(body, "evaluationsPerAgent", evaluationsPerAgent, false);
        ids(body.putArray("evaluators"), evaluators);
        String s = QualityView.blank(seed);
        if (s != null) {
            if (s.matches("-?\\d{1,18}")) {
                body.put("seed", Long.parseLong(s));
            } else {
                body.put("seed", s);
            }
        }
        if (QualityView.blank(formCode) != null) {
            body.put("formCode", QualityView.blank(formCode));
            integer(body, "formVersion", formVersion, true);
        }
        return body;
    }

    /** Employee ids listed with commas, semicolons or spaces between them. */
    static void ids(ArrayNode into, String list) {
        String v = QualityView.blank(list);
        if (v == null) {
            return;
        }
        for (String id : v.split("[\\s,;，]+")) {
            if (!id.isEmpty()) {
                into.add(id);
            }
        }
    }

    static List<PlanRow> planRows(JsonNode plans) {
        List<PlanRow> rows = new ArrayList<>();
        for (JsonNode p : QualityView.array(plans)) {
            rows.add(new PlanRow(p.path("id").asLong(), MonthView.text(p, "unitCode"), MonthView.text(p, "from"),
                    MonthView.text(p, "to"), formLabel(p), p.path("agentsSampled").asInt(),
                    p.path("agentsEligible").asInt(), p.path("planned").asInt(), p.path("done").asInt(),
                    HrViews.minute(MonthView.text(p, "createdAt")), MonthView.text(p, "createdBy")));
        }
        return rows;
    }

    private static String formLabel(JsonNode p) {
        String code = MonthView.text(p, "formCode");
        return code == null ? null : code + (p.hasNonNull("formVersion") ? " v" + p.path("formVersion").asInt() : "");
    }

    static SamplingPlan plan(JsonNode p) {
        List<ProgressRow> progress = new ArrayList<>();
        for (JsonNode r : p.path("progress")) {
            progress.add(new ProgressRow(MonthView.text(r, "evaluatorId"), r.path("planned").asInt(),
                    r.path("done").asInt()));
        }
        List<AssignmentRow> assignments = new ArrayList<>();
        for (JsonNode a : p.path("assignments")) {
            List<String> checklist = new ArrayList<>();
            a.path("checklist").forEach(c -> checklist.add(c.path("code").asText()));
            assignments.add(new AssignmentRow(MonthView.text(a, "employeeId"), MonthView.text(a, "sourceSystem"),
                    MonthView.text(a, "externalId"), MonthView.text(a, "date"), MonthView.text(a, "evaluatorId"),
                    a.path("evaluated").asBoolean(false), MonthView.text(a, "notCounted"), a.path("round").asInt(),
                    checklist.isEmpty() ? null : String.join(", ", checklist)));
        }
        List<RoundRow> rounds = new ArrayList<>();
        for (JsonNode r : p.path("rounds")) {
            rounds.add(new RoundRow(r.path("round").asInt(), HrViews.minute(MonthView.text(r, "drawnAt")),
                    MonthView.text(r, "drawnBy"), r.path("agentsShort").asInt(), r.path("added").asInt()));
        }
        List<String> evaluators = new ArrayList<>();
        p.path("evaluators").forEach(e -> evaluators.add(e.asText()));
        return new SamplingPlan(p.path("id").asLong(), MonthView.text(p, "unitCode"), MonthView.text(p, "from"),
                MonthView.text(p, "to"), MonthView.text(p, "agentShare"), p.path("evaluationsPerAgent").asInt(),
                String.join(", ", evaluators), MonthView.text(p, "seed"), formLabel(p),
                p.path("agentsEligible").asInt(), p.path("agentsSampled").asInt(), p.path("planned").asInt(),
                p.path("done").asInt(), progress, assignments, rounds, HrViews.minute(MonthView.text(p, "createdAt")),
                MonthView.text(p, "createdBy"));
    }
}
