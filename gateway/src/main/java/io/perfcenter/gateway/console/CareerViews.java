package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.console.CareerForms.AwardForm;
import io.perfcenter.gateway.console.CareerForms.LadderForm;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * hr's honors and promotion pages (incentive-service): the award definitions, running the honors of a period for a
 * unit and the honors awarded; the career ladders with their steps and rules, and a check of a unit's agents against
 * a ladder: who is eligible for the next position and, for the others, what is missing. hr defines awards (a new
 * version, or retires one) and ladders from plain forms (createAward, retireHonorAward, createLadder; see
 * {@link CareerForms}); the API's problem is shown naming the field when it refuses.
 */
@Path("/console/careers")
@Produces(MediaType.TEXT_HTML)
public class CareerViews extends ConsoleKit {

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance honors(Viewer viewer, String csrf, HonorsPage honors, AwardForm form);

        static native TemplateInstance ladders(Viewer viewer, String csrf, LaddersPage ladders, LadderForm form);
    }

    @TemplateData
    public record HonorsPage(String period, String previousPeriod, String nextPeriod, List<Award> awards,
                             List<Honor> honors, List<String> units, List<String> notes) {
    }

    @TemplateData
    public record Award(String code, String version, String name, String cadence, String rankBy, String eligibility,
                        String excludedGrades, String winners) {
    }

    @TemplateData
    public record Honor(String awardCode, String awardName, String period, String unitCode, String employeeId,
                        String place, String value, String reason, String awardedAt) {
    }

    @TemplateData
    public record LaddersPage(List<Ladder> ladders, List<String> units, String ladderCode, String unitCode,
                              String asOf, Check check, List<String> notes) {
    }

    @TemplateData
    public record Ladder(String code, String version, String name, String positions, List<Step> steps) {
    }

    @TemplateData
    public record Step(String from, String to, List<String> rules) {
    }

    @TemplateData
    public record Check(String ladderCode, String ladderVersion, String unitCode, String asOf, String agents,
                        String eligibleCount, List<Eligibility> results) {
    }

    @TemplateData
    public record Eligibility(String employeeId, String currentPosition, String nextPosition, boolean eligible,
                              String summary, String note, List<Rule> rules) {
    }

    @TemplateData
    public record Rule(String rule, boolean passed, String actual, String required, String explanation,
                       String missing) {
    }

    CareerViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    // ---- honors ----

    @GET
    @Operation(hidden = true)
    @Path("honors")
    public Uni<Response> honors(@QueryParam("period") String period, @QueryParam("award") String awardCode,
                                @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        YearMonth month = month(period);
        if (month == null) {
            return invalidPeriod(ctx);
        }
        if (awardCode != null && !awardCode.isBlank() && !PayViews.CODE.matcher(awardCode).matches()) {
            return message(400, msg().invalidPage(), msg().noSuchThing(awardCode), ctx);
        }
        Uni<Part> awards = get("incentive-service", "/api/v1/incentives/honors/awards?limit=200", ctx);
        Uni<Part> history = get("incentive-service", "/api/v1/incentives/honors/history?period=" + month
                + "&limit=500", ctx);
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx);
        return Uni.combine().all().unis(awards, history, units).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatAwards(), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatHonors());
            ConsolePages.note(notes, parts.getItem3(), msg().whatUnits());
            List<Award> list = new ArrayList<>();
            AwardForm form = CareerForms.emptyAward();
            for (JsonNode a : parts.getItem1().body()) {
                list.add(award(a));
                if (a.path("code").asText().equals(awardCode)) {
                    form = CareerForms.award(a);
                }
            }
            List<Honor> honors = new ArrayList<>();
            if (parts.getItem2().body() != null) {
                parts.getItem2().body().forEach(h -> honors.add(new Honor(MonthView.text(h, "awardCode"),
                        MonthView.text(h, "awardName"), MonthView.text(h, "period"), MonthView.text(h, "unitCode"),
                        MonthView.text(h, "employeeId"), MonthView.text(h, "place"), MonthView.text(h, "value"),
                        MonthView.text(h, "reason"), HrViews.minute(MonthView.text(h, "awardedAt")))));
            }
            return page(Templates.honors(viewer(), csrf(ctx), new HonorsPage(month.toString(),
                    month.minusMonths(1).toString(), month.plusMonths(1).toString(), list, honors,
                    HrViews.codes(parts.getItem3().body(), "code"), notes), form));
        });
    }

    /** hr defines an award, or its next version (an existing code), from the form (createAward). */
    @POST
    @Operation(hidden = true)
    @Path("awards")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createAward(MultivaluedMap<String, String> form, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, form.getFirst(ConsoleRoutes.CSRF_FIELD))) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        ObjectNode body = CareerForms.awardBody(form);
        String code = body.path("code").asText("");
        return post("incentive-service", "/api/v1/incentives/honors/awards", body, ctx).flatMap(answer -> after(answer,
                "/console/careers/honors#awards", msg().careerWhatDefiningAward(code), ctx));
    }

    /** hr retires an award (retireHonorAward): it keeps its history and is judged in no new honor run. */
    @POST
    @Operation(hidden = true)
    @Path("awards/{code}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> retireAward(@PathParam("code") String code, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                     @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        if (!PayViews.CODE.matcher(code).matches()) {
            return message(404, msg().notFound(), msg().noSuchThing(code), ctx);
        }
        return post("incentive-service", "/api/v1/incentives/honors/awards/" + encode(code) + "/retire", null, ctx)
                .flatMap(answer -> after(answer, "/console/careers/honors#awards", msg().careerWhatRetiringAward(code),
                        ctx));
    }

    static Award award(JsonNode a) {
        List<String> conditions = new ArrayList<>();
        a.path("eligibility").forEach(c -> conditions.add(c.path("measure").asText()
                + (c.hasNonNull("atLeast") ? " ≥ " + MonthView.text(c, "atLeast") : "")
                + (c.hasNonNull("atMost") ? " ≤ " + MonthView.text(c, "atMost") : "")));
        List<String> excluded = new ArrayList<>();
        a.path("excludedGrades").forEach(g -> excluded.add(g.asText()));
        JsonNode rank = a.path("rankBy");
        String rankBy = rank.path("measure").asText() + ("LOWER".equals(rank.path("direction").asText()) ? " ↓"
                : " ↑");
        return new Award(MonthView.text(a, "code"), MonthView.text(a, "version"), label(a, "name"),
                MonthView.lower(MonthView.text(a, "cadence")), rankBy, String.join("; ", conditions),
                String.join(", ", excluded), MonthView.text(a, "winners"));
    }

    /** Runs the honors of a period for a unit (every award of its cadence, or the ones ticked). */
    @POST
    @Operation(hidden = true)
    @Path("honors")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> runHonors(@FormParam("period") String period, @FormParam("unitCode") String unitCode,
                                   @FormParam("awardCode") List<String> awardCodes,
                                   @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("period", blank(period))
                .put("unitCode", blank(unitCode));
        if (awardCodes != null && !awardCodes.isEmpty()) {
            var codes = body.putArray("awardCodes");
            awardCodes.forEach(codes::add);
        }
        String month = period != null && ConsolePages.PERIOD.matcher(period.trim()).matches() ? period.trim() : null;
        return post("incentive-service", "/api/v1/incentives/honors/runs", body, ctx).flatMap(answer -> after(answer,
                "/console/careers/honors" + (month == null ? "" : "?period=" + month) + "#honors", msg().whatHonorRun(),
                ctx));
    }

    // ---- promotion ladders ----

    @GET
    @Operation(hidden = true)
    @Path("ladders")
    public Uni<Response> ladders(@QueryParam("ladder") String ladderCode, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        if (ladderCode != null && !ladderCode.isBlank() && !PayViews.CODE.matcher(ladderCode).matches()) {
            return message(400, msg().invalidPage(), msg().noSuchThing(ladderCode), ctx);
        }
        return laddersPage(null, blank(ladderCode), null, null, ctx);
    }

    /**
     * hr defines a ladder, or its next version (an existing code), from the form (createLadder): its positions, and
     * the rules of each step in rows naming the position the step starts from.
     */
    @POST
    @Operation(hidden = true)
    @Path("ladders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createLadder(MultivaluedMap<String, String> form, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, form.getFirst(ConsoleRoutes.CSRF_FIELD))) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        ObjectNode body = CareerForms.ladderBody(form);
        String code = body.path("code").asText("");
        String unplaced = CareerForms.unplacedRule(form);
        if (unplaced != null) {
            return message(400, msg().notDone(msg().careerWhatDefiningLadder(code)),
                    msg().careerRuleFromUnknown(unplaced), ctx);
        }
        return post("incentive-service", "/api/v1/incentives/promotion/ladders", body, ctx).flatMap(answer -> after(
                answer, "/console/careers/ladders#ladders", msg().careerWhatDefiningLadder(code), ctx));
    }

    /** Checks a unit's agents against a ladder (nothing stored) and shows the page with the result. */
    @POST
    @Operation(hidden = true)
    @Path("ladders/check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> check(@FormParam("ladderCode") String ladderCode, @FormParam("unitCode") String unitCode,
                               @FormParam("asOf") String asOf, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                               @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("ladderCode", blank(ladderCode))
                .put("unitCode", blank(unitCode)).put("asOf", blank(asOf));
        return post("incentive-service", "/api/v1/incentives/promotion/checks", body, ctx).flatMap(answer -> {
            if (!answer.ok()) {
                return after(answer, "/console/careers/ladders", msg().whatLadderCheck(), ctx);
            }
            return laddersPage(check(answer.body()), blank(ladderCode), blank(unitCode), blank(asOf), ctx);
        });
    }

    private Uni<Response> laddersPage(Check check, String ladderCode, String unitCode, String asOf,
                                      RoutingContext ctx) {
        Uni<Part> ladders = get("incentive-service", "/api/v1/incentives/promotion/ladders?limit=200", ctx);
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx);
        return Uni.combine().all().unis(ladders, units).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatLadders(), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatUnits());
            List<Ladder> list = new ArrayList<>();
            LadderForm form = CareerForms.emptyLadder();
            for (JsonNode l : parts.getItem1().body()) {
                list.add(ladder(l));
                // the form offers the next version of the ladder asked for (?ladder=), not of the one just checked
                if (check == null && l.path("code").asText().equals(ladderCode)) {
                    form = CareerForms.ladder(l);
                }
            }
            String month = asOf != null ? asOf : YearMonth.now(clock).minusMonths(1).toString();
            return page(Templates.ladders(viewer(), csrf(ctx), new LaddersPage(list,
                    HrViews.codes(parts.getItem2().body(), "code"), ladderCode, unitCode, month, check, notes), form));
        });
    }

    static Ladder ladder(JsonNode l) {
        List<Step> steps = new ArrayList<>();
        l.path("steps").forEach(s -> {
            List<String> rules = new ArrayList<>();
            s.path("rules").forEach(r -> rules.add(r.hasNonNull("label") ? r.path("label").asText()
                    : MonthView.lower(r.path("type").asText())));
            steps.add(new Step(MonthView.text(s, "from"), MonthView.text(s, "to"), rules));
        });
        List<String> positions = new ArrayList<>();
        l.path("positions").forEach(p -> positions.add(p.asText()));
        return new Ladder(MonthView.text(l, "code"), MonthView.text(l, "version"), label(l, "name"),
                String.join(" → ", positions), steps);
    }

    static Check check(JsonNode c) {
        List<Eligibility> results = new ArrayList<>();
        c.path("results").forEach(e -> {
            List<Rule> rules = new ArrayList<>();
            e.path("rules").forEach(r -> rules.add(new Rule(MonthView.text(r, "rule"), r.path("passed").asBoolean(),
                    MonthView.text(r, "actual"), MonthView.text(r, "required"), MonthView.text(r, "explanation"),
                    MonthView.text(r, "missing"))));
            results.add(new Eligibility(MonthView.text(e, "employeeId"), MonthView.text(e, "currentPosition"),
                    MonthView.text(e, "nextPosition"), e.path("eligible").asBoolean(), MonthView.text(e, "summary"),
                    MonthView.text(e, "note"), rules));
        });
        return new Check(MonthView.text(c, "ladderCode"), MonthView.text(c, "ladderVersion"),
                MonthView.text(c, "unitCode"), MonthView.text(c, "asOf"), MonthView.text(c, "agents"),
                MonthView.text(c, "eligibleCount"), results);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
