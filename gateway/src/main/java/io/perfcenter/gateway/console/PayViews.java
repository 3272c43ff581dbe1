package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Answer;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * hr's pay pages (incentive-service): incentive plans with their sections and versions, and a form of the next
 * version field by field pre-filled from the version shown ({@link PlanForm}, posted to {@link DefineViews}); salaries (effective-dated,
 * hr's alone: the API refuses admin, and so does the page); budgets with the month's cost against them as a chart;
 * pay runs (compute, the statements, approve — hr only — and the approved run's payroll file as CSV or XLSX, fetched
 * with the session's token and handed to the browser, which never holds the token).
 */
@Path("/console/pay")
@Produces(MediaType.TEXT_HTML)
public class PayViews extends ConsoleKit {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> PAY = Set.of("hr");
    /** The plan's sections, in the order a reader meets them (docs/domain.md §6). */
    private static final List<String> SECTIONS = List.of("scoreBands", "targets", "commission", "teamReward", "perks",
            "honorPrizes", "overBudget");
    private static final Map<String, String> FILE_TYPES = Map.of("csv", "text/csv",
            "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance plans(Viewer viewer, String csrf, PlansPage plans);

        static native TemplateInstance salaries(Viewer viewer, String csrf, SalariesPage salaries);

        static native TemplateInstance budgets(Viewer viewer, String csrf, BudgetsPage budgets);

        static native TemplateInstance payRuns(Viewer viewer, String csrf, PayRunsPage runs);

        static native TemplateInstance payRun(Viewer viewer, String csrf, PayRunPage run);
    }

    @TemplateData
    public record PlansPage(List<PlanRow> plans, Plan plan, List<Integer> versions, boolean retired, PlanForm form) {
    }

    @TemplateData
    public record PlanRow(String code, String version, String name, String currency, String share, String retiredAt) {
    }

    @TemplateData
    public record Plan(String code, int version, String name, String currency, String share,
                       List<Pair> coefficients, List<Section> sections, String createdAt, String createdBy,
                       String retiredAt, String retiredBy) {
    }

    @TemplateData
    public record Pair(String key, String value) {
    }

    /** A section of a plan: its field, the label in the page's language, and its settings as JSON. */
    @TemplateData
    public record Section(String field, String label, String json) {
    }

    @TemplateData
    public record SalariesPage(String unit, String q, List<String> units, List<SalaryRow> rows, String month,
                               List<String> notes) {
    }

    @TemplateData
    public record SalaryRow(String employeeId, String name, String salary, String currency, String since,
                            List<Step> history) {
    }

    @TemplateData
    public record Step(String effectiveFrom, String salary, String currency, String updatedAt, String updatedBy) {
    }

    @TemplateData
    public record BudgetsPage(String period, String previousPeriod, String nextPeriod, List<BudgetLine> lines,
                              String chart, List<String> units, List<String> notes) {
    }

    @TemplateData
    public record BudgetLine(String unitCode, String budget, String cost, String left, boolean over, String currency,
                             String runs, String updatedBy) {
    }

    @TemplateData
    public record PayRunsPage(String period, String previousPeriod, String nextPeriod, List<PayRun> runs,
                              List<String> plans, List<String> units, List<String> notes) {
    }

    @TemplateData
    public record PayRun(long id, String planCode, String planVersion, String unitCode, String period, String status,
                         String revision, String currency, String total, String statements, String flagged,
                         String budget, String createdAt, String createdBy, String approvedAt, String approvedBy) {

        public boolean computed() {
            return "computed".equals(status);
        }

        public boolean approved() {
            return "approved".equals(status);
        }

        static PayRun of(JsonNode r) {
            JsonNode b = r.path("budget");
            String budget = b.isMissingNode() || b.isNull() ? null : MonthView.text(b, "explanation");
            return new PayRun(r.path("id").asLong(), MonthView.text(r, "planCode"), MonthView.text(r, "planVersion"),
                    MonthView.text(r, "unitCode"), MonthView.text(r, "period"),
                    MonthView.lower(MonthView.text(r, "status")), MonthView.text(r, "revision"),
                    MonthView.text(r, "currency"), MonthView.text(r, "totalAmount"),
                    MonthView.text(r, "statementCount"), MonthView.text(r, "flaggedCount"), budget,
                    HrViews.minute(MonthView.text(r, "createdAt")), MonthView.text(r, "createdBy"),
                    HrViews.minute(MonthView.text(r, "approvedAt")), MonthView.text(r, "approvedBy"));
        }
    }

    @TemplateData
    public record PayRunPage(PayRun run, boolean mayApprove, List<Statement> statements, List<Pair> skipped,
                             String team) {
    }

    @TemplateData
    public record Statement(long id, String employeeId, String total, String currency, String flags,
                            List<Line> lines) {
    }

    @TemplateData
    public record Line(String kind, String amount, String explanation) {
    }

    PayViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    // ---- plans ----

    @GET
    @Operation(hidden = true)
    @Path("plans")
    public Uni<Response> plans(@QueryParam("code") String code, @QueryParam("version") Integer version,
                               @QueryParam("retired") boolean retired, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        if ((code != null && !code.isBlank() && !CODE.matcher(code).matches()) || (version != null && version < 1)) {
            return message(400, msg().invalidPage(), msg().planQuery(), ctx);
        }
        return get("incentive-service", "/api/v1/incentives/plans?limit=200" + (retired ? "&includeRetired=true"
                : ""), ctx).flatMap(list -> {
            if (list.body() == null) {
                return refused(list, msg().whatPlans(), ctx);
            }
            List<PlanRow> rows = new ArrayList<>();
            list.body().forEach(p -> rows.add(new PlanRow(MonthView.text(p, "code"), MonthView.text(p, "version"),
                    MonthView.text(p, "name"), MonthView.text(p, "currency"),
                    MonthView.text(p, "performancePayShare"), HrViews.minute(MonthView.text(p, "retiredAt")))));
            String chosen = code != null && !code.isBlank() ? code : rows.isEmpty() ? null : rows.get(0).code();
            if (chosen == null) {
                return page(Templates.plans(viewer(), csrf(ctx), new PlansPage(rows, null, List.of(), retired,
                        PlanForm.empty())));
            }
            return get("incentive-service", "/api/v1/incentives/plans/" + encode(chosen)
                    + (version == null ? "" : "?version=" + version), ctx).flatMap(one -> {
                if (one.body() == null) {
                    return refused(one, msg().whatPlan(chosen), ctx);
                }
                Plan plan = plan(one.body());
                // every version up to the latest (the list answers the latest of each plan)
                int latest = rows.stream().filter(r -> r.code().equals(chosen)).map(r -> parse(r.version()))
                        .findFirst().orElse(plan.version());
                List<Integer> versions = new ArrayList<>();
                for (int v = Math.max(latest, plan.version()); v >= 1; v--) {
                    versions.add(v);
                }
                return page(Templates.plans(viewer(), csrf(ctx), new PlansPage(rows, plan, versions, retired,
                        PlanForm.of(one.body()))));
            });
        });
    }

    static Plan plan(JsonNode p) {
        List<Pair> coefficients = new ArrayList<>();
        p.path("gradeCoefficients").fields().forEachRemaining(f -> coefficients.add(new Pair(f.getKey(),
                MonthView.text(p.path("gradeCoefficients"), f.getKey()))));
        List<Section> sections = new ArrayList<>();
        for (String field : SECTIONS) {
            JsonNode section = p.get(field);
            if (section != null && !section.isNull() && !(section.isContainerNode() && section.isEmpty())) {
                sections.add(new Section(field, sectionLabel(field), pretty(section)));
            }
        }
        return new Plan(MonthView.text(p, "code"), p.path("version").asInt(), MonthView.text(p, "name"),
                MonthView.text(p, "currency"), MonthView.text(p, "performancePayShare"), coefficients, sections,
                HrViews.minute(MonthView.text(p, "createdAt")), MonthView.text(p, "createdBy"),
                HrViews.minute(MonthView.text(p, "retiredAt")), MonthView.text(p, "retiredBy"));
    }

    private static String sectionLabel(String field) {
        ConsoleMessages m = msg();
        return switch (field) {
            case "scoreBands" -> m.sectionScoreBands();
            case "targets" -> m.sectionTargets();
            case "commission" -> m.sectionCommission();
            case "teamReward" -> m.sectionTeamReward();
            case "perks" -> m.sectionPerks();
            case "honorPrizes" -> m.sectionHonorPrizes();
            default -> m.sectionOverBudget();
        };
    }

    // ---- salaries: hr's alone ----

    @GET
    @Operation(hidden = true)
    @Path("salaries")
    public Uni<Response> salaries(@QueryParam("unit") String unit, @QueryParam("q") String q,
                                  @Context RoutingContext ctx) {
        if (!hasAny(PAY)) {
            return message(403, msg().notAllowed(), msg().payIsHrs(), ctx);
        }
        if ((unit != null && !unit.isBlank() && !CODE.matcher(unit).matches()) || (q != null && q.length() > 64)) {
            return message(400, msg().invalidPage(), msg().salaryQuery(), ctx);
        }
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?kind=GROUP&limit=500", ctx);
        return units.flatMap(unitList -> {
            List<String> codes = HrViews.codes(unitList.body(), "code");
            String chosen = unit != null && !unit.isBlank() ? unit : (q == null || q.isBlank()) && !codes.isEmpty()
                    ? codes.get(0) : null;
            StringBuilder query = new StringBuilder("/api/v1/metrics/org/agents?limit=100");
            if (chosen != null) {
                query.append("&unitCode=").append(encode(chosen));
            }
            if (q != null && !q.isBlank()) {
                query.append("&q=").append(encode(q.trim()));
            }
            return get("metrics-service", query.toString(), ctx).flatMap(agents -> {
                List<String> notes = new ArrayList<>();
                ConsolePages.note(notes, unitList, msg().whatUnits());
                ConsolePages.note(notes, agents, msg().whatAgents());
                List<JsonNode> people = new ArrayList<>();
                if (agents.body() != null) {
                    agents.body().forEach(people::add);
                }
                String month = YearMonth.now(clock).toString();
                if (people.isEmpty()) {
                    return page(Templates.salaries(viewer(), csrf(ctx), new SalariesPage(chosen, q, codes, List.of(),
                            month, notes)));
                }
                List<Uni<Part>> each = people.stream().map(a -> get("incentive-service",
                        "/api/v1/incentives/salaries/" + encode(a.path("employeeId").asText()), ctx)).toList();
                return Uni.join().all(each).andFailFast().flatMap(salaries -> {
                    List<SalaryRow> rows = new ArrayList<>();
                    for (int i = 0; i < people.size(); i++) {
                        JsonNode a = people.get(i);
                        Part s = salaries.get(i);
                        if (s.unavailable()) {
                            ConsolePages.note(notes, s, msg().whatSalaries());
                        }
                        rows.add(salary(a, s.body()));
                    }
                    return page(Templates.salaries(viewer(), csrf(ctx), new SalariesPage(chosen, q, codes, rows,
                            month, notes.stream().distinct().toList())));
                });
            });
        });
    }

    static SalaryRow salary(JsonNode agent, JsonNode salary) {
        List<Step> history = new ArrayList<>();
        if (salary != null) {
            salary.path("history").forEach(h -> history.add(new Step(MonthView.text(h, "effectiveFrom"),
                    MonthView.text(h, "monthlySalary"), MonthView.text(h, "currency"),
                    HrViews.minute(MonthView.text(h, "updatedAt")), MonthView.text(h, "updatedBy"))));
        }
        return new SalaryRow(agent.path("employeeId").asText(), MonthView.text(agent, "name"),
                MonthView.text(salary, "monthlySalary"), MonthView.text(salary, "currency"),
                MonthView.text(salary, "effectiveFrom"), history);
    }

    /** Sets one employee's salary from a day on (a step in their history; the same day again replaces it). */
    @POST
    @Operation(hidden = true)
    @Path("salaries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> setSalary(@FormParam("employeeId") String employeeId,
                                   @FormParam("monthlySalary") String monthlySalary,
                                   @FormParam("currency") String currency,
                                   @FormParam("effectiveFrom") String effectiveFrom, @FormParam("unit") String unit,
                                   @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        ObjectNode row = rows.addObject().put("employeeId", trim(employeeId)).put("currency", trim(currency))
                .put("effectiveFrom", trim(effectiveFrom));
        number(row, "monthlySalary", monthlySalary);
        String back = "/console/pay/salaries" + (unit != null && CODE.matcher(unit).matches() ? "?unit=" + unit : "")
                + "#salary-" + encode(trim(employeeId) == null ? "" : trim(employeeId));
        return put("incentive-service", "/api/v1/incentives/salaries", rows, ctx)
                .flatMap(answer -> uploaded(answer, back, msg().whatSalary(String.valueOf(employeeId)), ctx));
    }

    // ---- budgets, and the month's cost against them ----

    @GET
    @Operation(hidden = true)
    @Path("budgets")
    public Uni<Response> budgets(@QueryParam("period") String period, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        YearMonth month = month(period);
        if (month == null) {
            return invalidPeriod(ctx);
        }
        Uni<Part> budgets = get("incentive-service", "/api/v1/incentives/budgets?period=" + month + "&limit=500", ctx);
        Uni<Part> runs = get("incentive-service", "/api/v1/incentives/runs?period=" + month + "&limit=500", ctx);
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx);
        return Uni.combine().all().unis(budgets, runs, units).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatBudgets(), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatPayRuns());
            ConsolePages.note(notes, parts.getItem3(), msg().whatUnits());
            List<BudgetLine> lines = costAgainstBudget(parts.getItem1().body(), parts.getItem2().body());
            List<String> categories = lines.stream().map(BudgetLine::unitCode).toList();
            String chart = Charts.bar(categories)
                    .series(msg().budget(), lines.stream().map(BudgetLine::budget).toList())
                    .series(msg().cost(), lines.stream().map(BudgetLine::cost).toList()).toString();
            return page(Templates.budgets(viewer(), csrf(ctx), new BudgetsPage(month.toString(),
                    month.minusMonths(1).toString(), month.plusMonths(1).toString(), lines, chart,
                    HrViews.codes(parts.getItem3().body(), "code"), notes)));
        });
    }

    /**
     * Per unit: its budget of the month and the month's cost, the total of its pay runs that stand (computed or
     * approved; a superseded revision no longer counts), with what is left (negative: over budget).
     */
    static List<BudgetLine> costAgainstBudget(JsonNode budgets, JsonNode runs) {
        Map<String, JsonNode> budgetOf = new TreeMap<>();
        if (budgets != null) {
            budgets.forEach(b -> budgetOf.put(b.path("unitCode").asText(), b));
        }
        Map<String, BigDecimal> cost = new TreeMap<>();
        Map<String, List<String>> runsOf = new TreeMap<>();
        Map<String, String> currencyOf = new TreeMap<>();
        if (runs != null) {
            for (JsonNode r : runs) {
                if ("SUPERSEDED".equals(r.path("status").asText())) {
                    continue;
                }
                String unit = r.path("unitCode").asText();
                cost.merge(unit, r.path("totalAmount").decimalValue(), BigDecimal::add);
                runsOf.computeIfAbsent(unit, u -> new ArrayList<>()).add("#" + r.path("id").asLong() + " "
                        + MonthView.lower(r.path("status").asText()));
                currencyOf.putIfAbsent(unit, MonthView.text(r, "currency"));
            }
        }
        TreeMap<String, Boolean> units = new TreeMap<>();
        budgetOf.keySet().forEach(u -> units.put(u, true));
        cost.keySet().forEach(u -> units.put(u, true));
        List<BudgetLine> lines = new ArrayList<>();
        for (String unit : units.keySet()) {
            JsonNode b = budgetOf.get(unit);
            BigDecimal amount = b == null || !b.path("amount").isNumber() ? null : b.path("amount").decimalValue();
            BigDecimal spent = cost.get(unit);
            BigDecimal left = amount == null ? null : amount.subtract(spent == null ? BigDecimal.ZERO : spent);
            lines.add(new BudgetLine(unit, plain(amount), plain(spent), plain(left),
                    left != null && left.signum() < 0, b != null ? MonthView.text(b, "currency")
                    : currencyOf.get(unit), String.join(", ", runsOf.getOrDefault(unit, List.of())),
                    b == null ? null : MonthView.text(b, "updatedBy")));
        }
        return lines;
    }

    @POST
    @Operation(hidden = true)
    @Path("budgets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> setBudget(@FormParam("unitCode") String unitCode, @FormParam("period") String period,
                                   @FormParam("amount") String amount, @FormParam("currency") String currency,
                                   @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        ObjectNode row = rows.addObject().put("unitCode", trim(unitCode)).put("period", trim(period))
                .put("currency", trim(currency));
        number(row, "amount", amount);
        String back = "/console/pay/budgets" + (month(period) == null ? "" : "?period=" + month(period));
        return put("incentive-service", "/api/v1/incentives/budgets", rows, ctx)
                .flatMap(answer -> uploaded(answer, back, msg().whatBudget(String.valueOf(unitCode)), ctx));
    }

    // ---- pay runs ----

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
        Uni<Part> runs = get("incentive-service", "/api/v1/incentives/runs?period=" + month + "&limit=500", ctx);
        Uni<Part> plans = get("incentive-service", "/api/v1/incentives/plans?limit=200", ctx);
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx);
        return Uni.combine().all().unis(runs, plans, units).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatPayRuns(), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatPlans());
            ConsolePages.note(notes, parts.getItem3(), msg().whatUnits());
            List<PayRun> list = new ArrayList<>();
            parts.getItem1().body().forEach(r -> list.add(PayRun.of(r)));
            return page(Templates.payRuns(viewer(), csrf(ctx), new PayRunsPage(month.toString(),
                    month.minusMonths(1).toString(), month.plusMonths(1).toString(), list,
                    HrViews.codes(parts.getItem2().body(), "code"), HrViews.codes(parts.getItem3().body(), "code"),
                    notes)));
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("runs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> compute(@FormParam("planCode") String planCode, @FormParam("unitCode") String unitCode,
                                 @FormParam("period") String period, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                 @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("planCode", trim(planCode))
                .put("unitCode", trim(unitCode)).put("period", trim(period));
        return post("incentive-service", "/api/v1/incentives/runs", body, ctx).flatMap(answer -> {
            if (answer.ok() && answer.body() != null && answer.body().hasNonNull("id")) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/console/pay/runs/"
                        + answer.body().path("id").asLong())).build());
            }
            return after(answer, "/console/pay/runs", msg().whatPayRun(), ctx);
        });
    }

    @GET
    @Operation(hidden = true)
    @Path("runs/{id}")
    public Uni<Response> run(@PathParam("id") long id, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        return get("incentive-service", "/api/v1/incentives/runs/" + id, ctx).flatMap(part -> {
            JsonNode r = part.body();
            if (r == null) {
                return refused(part, msg().whatPayRunId(id), ctx);
            }
            List<Statement> statements = new ArrayList<>();
            r.path("statements").forEach(s -> {
                List<Line> lines = new ArrayList<>();
                s.path("lines").forEach(l -> lines.add(new Line(MonthView.text(l, "kind"),
                        MonthView.text(l, "amount"), MonthView.text(l, "explanation"))));
                List<String> flags = new ArrayList<>();
                s.path("flags").forEach(f -> flags.add(f.asText()));
                statements.add(new Statement(s.path("id").asLong(), MonthView.text(s, "employeeId"),
                        MonthView.text(s, "total"), MonthView.text(s, "currency"), String.join(", ", flags), lines));
            });
            List<Pair> skipped = new ArrayList<>();
            r.path("skipped").forEach(s -> skipped.add(new Pair(s.path("employeeId").asText(),
                    MonthView.text(s, "reason"))));
            JsonNode team = r.path("team").path("teamReward");
            return page(Templates.payRun(viewer(), csrf(ctx), new PayRunPage(PayRun.of(r), hasAny(PAY), statements,
                    skipped, team.isMissingNode() || team.isNull() ? null : MonthView.text(team, "explanation"))));
        });
    }

    /** hr approves a computed run (admin may not: pay is hr's alone, and the API refuses admin). */
    @POST
    @Operation(hidden = true)
    @Path("runs/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> approve(@PathParam("id") long id, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                 @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("incentive-service", "/api/v1/incentives/runs/" + id + "/approve", null, ctx)
                .flatMap(answer -> after(answer, "/console/pay/runs/" + id, msg().whatApproving(id), ctx));
    }

    /**
     * The approved run's payroll file: fetched from incentive-service with the session's token and handed to the
     * browser as an attachment (the browser follows a plain link and never holds the token). A refusal is a page.
     */
    @GET
    @Operation(hidden = true)
    @Path("runs/{id}/export")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.TEXT_HTML})
    public Uni<Response> export(@PathParam("id") long id, @QueryParam("format") String format,
                                @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        String kind = format == null || format.isBlank() ? "csv" : format.toLowerCase(java.util.Locale.ROOT);
        if (!FILE_TYPES.containsKey(kind)) {
            return message(400, msg().invalidPage(), msg().exportFormat(), ctx);
        }
        return calls.download("incentive-service", "/api/v1/incentives/runs/" + id + "/export?format=" + kind,
                ConsolePages.authorization(ctx), RequestIds.of(ctx)).flatMap(file -> {
            if (file.ok()) {
                String disposition = file.disposition() != null && file.disposition().startsWith("attachment")
                        ? file.disposition() : "attachment; filename=\"pay-run-" + id + "." + kind + "\"";
                return Uni.createFrom().item(Response.ok(file.body())
                        .type(file.contentType() == null ? FILE_TYPES.get(kind) : file.contentType())
                        .header("Content-Disposition", disposition).build());
            }
            if (file.status() == 0 || file.status() >= 500) {
                return message(503, msg().unavailable(), msg().serviceUnavailable("incentive-service",
                        msg().whatPayrollFile(id)), ctx);
            }
            return message(file.status(), file.status() == 404 ? msg().notFound() : msg().notDone(
                    msg().whatPayrollFile(id)), file.status() == 409 ? msg().exportNotApproved()
                    : msg().noSuchOrNotYours(msg().whatPayRunId(id)), ctx);
        });
    }

    // ---- helpers ----

    /** An upload's outcome (salaries, budgets answer 200 with a report): a refused row is the page's error. */
    private Uni<Response> uploaded(Answer answer, String back, String what, RoutingContext ctx) {
        if (answer.ok() && answer.body() != null && answer.body().path("rejected").asInt() > 0) {
            JsonNode error = answer.body().path("errors").path(0);
            return message(400, msg().notDone(what), error.path("field").asText() + ": "
                    + error.path("reason").asText(), ctx);
        }
        return after(answer, back, what, ctx);
    }

    /** A money field as a JSON number when it is one; otherwise as written, for the API to refuse naming it. */
    private static void number(ObjectNode row, String field, String value) {
        String v = trim(value);
        try {
            row.put(field, v == null ? null : new BigDecimal(v));
        } catch (NumberFormatException e) {
            row.put(field, v);
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0).toPlainString()
                : value.stripTrailingZeros().toPlainString();
    }

    private static int parse(String number) {
        try {
            return number == null ? 0 : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
