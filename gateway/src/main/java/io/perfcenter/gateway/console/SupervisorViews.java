package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.overview.ServiceCalls;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The reviewer's pages: the appeals the signed-in person sees, with a decision form on those the API says they may
 * decide ({@code mayDecide}: an appeals reviewer, hr or admin, never the agent's own supervisor or manager), and the
 * supervisor's review with one-on-one feedback notes of a scorecard in review (the form is on the agent's month).
 */
@Path("/console/review")
@Produces(MediaType.TEXT_HTML)
public class SupervisorViews extends ConsoleKit {

    private static final Set<String> STATUSES = Set.of("OPEN", "ACCEPTED", "REJECTED");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance appeals(Viewer viewer, String csrf, String status, List<Appeal> appeals,
                                               List<String> notes);

        static native TemplateInstance reviews(Viewer viewer, String csrf, Reviews reviews);
    }

    /** A run in review as its reviewers see it: each scorecard's result and where its review stands. */
    @TemplateData
    public record Reviews(String period, List<HrViews.Run> runs, HrViews.Run run, List<ReviewRow> rows,
                          List<String> notes) {
    }

    @TemplateData
    public record ReviewRow(long scorecardId, String employeeId, String total, String grade, String status,
                            boolean selfAssessed, String selfAssessment, String reviewedBy, String comments,
                            String feedbackNotes) {
    }

    @TemplateData
    public record Appeal(long id, long scorecardId, String employeeId, String unitCode, String itemCode, String kind,
                         String reason, String dataPoint, String status, String filedAt, String decidedBy,
                         String decisionReason, String pointsBefore, String pointsAfter, String totalBefore,
                         String totalAfter, String gradeBefore, String gradeAfter, boolean escalated,
                         boolean mayDecide) {

        static Appeal of(JsonNode a) {
            return new Appeal(a.path("id").asLong(), a.path("scorecardId").asLong(), MonthView.text(a, "employeeId"),
                    MonthView.text(a, "unitCode"), MonthView.text(a, "itemCode"),
                    MonthView.lower(MonthView.text(a, "kind")), MonthView.text(a, "reason"),
                    MonthView.text(a, "dataPoint"), MonthView.lower(MonthView.text(a, "status")),
                    day(MonthView.text(a, "filedAt")), MonthView.text(a, "decidedBy"),
                    MonthView.text(a, "decisionReason"), MonthView.text(a, "pointsBefore"),
                    MonthView.text(a, "pointsAfter"), MonthView.text(a, "totalBefore"),
                    MonthView.text(a, "totalAfter"), MonthView.text(a, "gradeBefore"),
                    MonthView.text(a, "gradeAfter"), a.hasNonNull("escalatedAt"), a.path("mayDecide").asBoolean());
        }
    }

    SupervisorViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    /** The appeals the caller sees (agents: their own; leaders: their units'; reviewers, hr: all). */
    @GET
    @Operation(hidden = true)
    @Path("appeals")
    public Uni<Response> appeals(@QueryParam("status") String status, @Context RoutingContext ctx) {
        String filter = status == null || status.isBlank() ? null : status.toUpperCase(Locale.ROOT);
        if (filter != null && !STATUSES.contains(filter)) {
            return message(400, "Invalid status", "status must be OPEN, ACCEPTED or REJECTED", ctx);
        }
        return get("scoring-service", "/api/v1/scoring/appeals?limit=1000" + (filter == null ? "" : "&status="
                + filter), ctx).flatMap(part -> {
            if (part.body() == null) {
                return refused(part, "the appeals", ctx);
            }
            List<Appeal> list = new ArrayList<>();
            part.body().forEach(a -> list.add(Appeal.of(a)));
            // newest first: the ones waiting are the ones filed last
            java.util.Collections.reverse(list);
            return page(Templates.appeals(viewer(), csrf(ctx), filter == null ? "" : filter, list, List.of()));
        });
    }

    /** The runs of a month the caller sees (a supervisor: of the units they lead), and one run's scorecards to review. */
    @GET
    @Operation(hidden = true)
    @Path("runs")
    public Uni<Response> reviews(@QueryParam("period") String period, @QueryParam("run") Long runId,
                                 @Context RoutingContext ctx) {
        java.time.YearMonth month = month(period);
        if (month == null) {
            return message(400, "Invalid period", "period must be a month as YYYY-MM", ctx);
        }
        Uni<ServiceCalls.Part> runs = get("scoring-service", "/api/v1/scoring/runs?period=" + month
                + "&limit=200", ctx);
        Uni<ServiceCalls.Part> run = runId == null ? Uni.createFrom().item(new ServiceCalls.Part("scoring-service",
                null, false, null)) : get("scoring-service", "/api/v1/scoring/runs/" + runId, ctx);
        Uni<ServiceCalls.Part> entries = runId == null ? Uni.createFrom().item(new ServiceCalls.Part(
                "scoring-service", null, false, null)) : get("scoring-service", "/api/v1/scoring/reviews?runId="
                + runId + "&limit=1000", ctx);
        return Uni.combine().all().unis(runs, run, entries).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), "the runs in review", ctx);
            }
            if (runId != null && parts.getItem2().body() == null) {
                return refused(parts.getItem2(), "run " + runId, ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem3(), "the reviews");
            List<HrViews.Run> list = new ArrayList<>();
            parts.getItem1().body().forEach(r -> list.add(HrViews.Run.of(r)));
            List<ReviewRow> rows = new ArrayList<>();
            HrViews.Run shown = null;
            if (runId != null) {
                JsonNode r = parts.getItem2().body();
                shown = HrViews.Run.of(r);
                for (JsonNode c : r.path("scorecards")) {
                    JsonNode review = c.path("review");
                    rows.add(new ReviewRow(c.path("id").asLong(), MonthView.text(c, "employeeId"),
                            MonthView.text(c, "total"), MonthView.text(c, "grade"),
                            MonthView.lower(MonthView.text(c, "status")), review.hasNonNull("selfAssessedAt"),
                            MonthView.text(review, "selfAssessment"), MonthView.text(review, "reviewedBy"),
                            MonthView.text(review, "comments"), MonthView.text(review, "feedbackNotes")));
                }
            }
            return page(Templates.reviews(viewer(), csrf(ctx), new Reviews(month.toString(), list, shown, rows,
                    notes)));
        });
    }

    /** Accept (with new points, or a day's corrected figure) or reject an appeal; the API decides who may. */
    @POST
    @Operation(hidden = true)
    @Path("appeals/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") long id, @FormParam("outcome") String outcome,
                                @FormParam("reason") String reason, @FormParam("points") String points,
                                @FormParam("correctionDate") String date, @FormParam("correctionValue") String value,
                                @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("outcome", outcome == null ? "" : outcome.toUpperCase(Locale.ROOT));
        body.put("reason", reason);
        try {
            if (points != null && !points.isBlank()) {
                body.putObject("adjustment").put("points", new BigDecimal(points.trim()));
            }
            if (date != null && !date.isBlank()) {
                ObjectNode correction = body.putObject("correction").put("date", date.trim());
                if (value != null && !value.isBlank()) {
                    correction.put("value", new BigDecimal(value.trim()));
                }
            }
        } catch (NumberFormatException e) {
            return message(400, "Not done: the decision", "points and the corrected figure are numbers.", ctx);
        }
        return post("scoring-service", "/api/v1/scoring/appeals/" + id + "/decision", body, ctx)
                .flatMap(answer -> after(answer, "/console/review/appeals#appeal-" + id, "the decision", ctx));
    }

    /** The supervisor's review of a scorecard in review: comments and the notes of the one-on-one talk. */
    @POST
    @Operation(hidden = true)
    @Path("scorecards/{scorecardId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> review(@PathParam("scorecardId") long scorecardId, @FormParam("comments") String comments,
                                @FormParam("feedbackNotes") String feedbackNotes,
                                @FormParam("employeeId") String employeeId, @FormParam("period") String period,
                                @FormParam("runId") Long runId,
                                @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("comments", comments);
        if (feedbackNotes != null && !feedbackNotes.isBlank()) {
            body.put("feedbackNotes", feedbackNotes);
        }
        return post("scoring-service", "/api/v1/scoring/reviews/" + scorecardId, body, ctx)
                .flatMap(answer -> after(answer, runId != null ? "/console/review/runs?period=" + month(period)
                        + "&run=" + runId + "#scorecard-" + scorecardId : back(employeeId, period) + "#review",
                        "the review", ctx));
    }

    /** The agent's self-assessment of their own scorecard in review. */
    @POST
    @Operation(hidden = true)
    @Path("scorecards/{scorecardId}/self-assessment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> selfAssess(@PathParam("scorecardId") long scorecardId, @FormParam("summary") String summary,
                                    @FormParam("period") String period,
                                    @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("summary", summary);
        return put("scoring-service", "/api/v1/scoring/reviews/" + scorecardId + "/self-assessment", body, ctx)
                .flatMap(answer -> after(answer, back(null, period) + "#review", "the self-assessment", ctx));
    }

    private String back(String employeeId, String period) {
        String month = month(period) == null || period == null || period.isBlank() ? "" : "?period=" + month(period);
        if (employeeId == null || employeeId.isBlank() || !ConsolePages.EMPLOYEE_ID.matcher(employeeId).matches()) {
            return "/" + month;
        }
        return "/console/agents/" + encode(employeeId) + month;
    }

    private static String day(String timestamp) {
        return timestamp == null || timestamp.length() < 10 ? timestamp : timestamp.substring(0, 10);
    }
}
