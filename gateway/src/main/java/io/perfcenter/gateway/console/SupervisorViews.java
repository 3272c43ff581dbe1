package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.overview.ServiceCalls;
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
    /** Who reads the runs of their units (and hr, admin every run). */
    private static final Set<String> LEADERS = Set.of("supervisor", "manager", "hr", "admin");
    /** Who gives the supervisor rating of a manual-rating item (the API checks they lead the run's unit). */
    private static final Set<String> RATERS = Set.of("supervisor", "manager");
    private static final String SCORE = "score.";
    private static final java.util.regex.Pattern ITEM_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance appeals(Viewer viewer, String csrf, String status, List<Appeal> appeals,
                                               List<String> notes);

        static native TemplateInstance reviews(Viewer viewer, String csrf, Reviews reviews);
    }

    /**
     * A run in review as its reviewers see it: each scorecard's result and where its review stands, and the
     * manual-rating items (德能绩勤) the viewer may rate on it. {@code peer}: the viewer is an agent of the run, who
     * sees their peers' scorecards to rate (no results, no review form).
     */
    @TemplateData
    public record Reviews(String period, List<HrViews.Run> runs, HrViews.Run run, List<ReviewRow> rows,
                          List<RatingItem> rating, boolean peer, List<String> notes, TemplateLabels names) {
    }

    @TemplateData
    public record ReviewRow(long scorecardId, String employeeId, String total, String grade, String status,
                            boolean selfAssessed, String selfAssessment, String reviewedBy, String comments,
                            String feedbackNotes, List<String> ratings) {
    }

    /** A manual-rating item of the run's template the viewer rates, as {@code role}, on its dimensions. */
    @TemplateData
    public record RatingItem(String itemCode, String itemName, String role, String scaleMin, String scaleMax,
                             List<Dimension> dimensions) {

        /** The item's name in the page's language, else its one name, else its code. */
        public String label() {
            return itemName == null ? itemCode : itemName;
        }
    }

    @TemplateData
    public record Dimension(String code, String name) {
    }

    @TemplateData
    public record Appeal(long id, long scorecardId, String employeeId, String unitCode, String itemCode, String kind,
                         String reason, String dataPoint, String status, String filedAt, String decidedBy,
                         String decisionReason, String pointsBefore, String pointsAfter, String totalBefore,
                         String totalAfter, String gradeBefore, String gradeAfter, boolean escalated,
                         boolean mayDecide, boolean mayEscalate) {

        /**
         * The appeal as {@code viewer} sees it. They may escalate it to hr (escalateAppeal) when it is not escalated
         * yet and they are its reviewer and it is open, or it is their own and a reviewer rejected it; hr and admin
         * decide instead. The API still decides (a closed run, another open appeal of the item).
         */
        static Appeal of(JsonNode a, Viewer viewer) {
            Appeal seen = of(a);
            boolean own = viewer != null && viewer.employeeId() != null
                    && viewer.employeeId().equals(seen.employeeId());
            boolean may = !seen.escalated() && viewer != null && !viewer.hr()
                    && (own ? "rejected".equals(seen.status()) : seen.mayDecide() && "open".equals(seen.status()));
            return new Appeal(seen.id, seen.scorecardId, seen.employeeId, seen.unitCode, seen.itemCode, seen.kind,
                    seen.reason, seen.dataPoint, seen.status, seen.filedAt, seen.decidedBy, seen.decisionReason,
                    seen.pointsBefore, seen.pointsAfter, seen.totalBefore, seen.totalAfter, seen.gradeBefore,
                    seen.gradeAfter, seen.escalated, seen.mayDecide, may);
        }

        static Appeal of(JsonNode a) {
            return new Appeal(a.path("id").asLong(), a.path("scorecardId").asLong(), MonthView.text(a, "employeeId"),
                    MonthView.text(a, "unitCode"), MonthView.text(a, "itemCode"),
                    MonthView.lower(MonthView.text(a, "kind")), MonthView.text(a, "reason"),
                    MonthView.text(a, "dataPoint"), MonthView.lower(MonthView.text(a, "status")),
                    day(MonthView.text(a, "filedAt")), MonthView.text(a, "decidedBy"),
                    MonthView.text(a, "decisionReason"), MonthView.text(a, "pointsBefore"),
                    MonthView.text(a, "pointsAfter"), MonthView.text(a, "totalBefore"),
                    MonthView.text(a, "totalAfter"), MonthView.text(a, "gradeBefore"),
                    MonthView.text(a, "gradeAfter"), a.hasNonNull("escalatedAt"), a.path("mayDecide").asBoolean(),
                    false);
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
            return message(400, msg().invalidStatus(), msg().statusValues(), ctx);
        }
        return get("scoring-service", "/api/v1/scoring/appeals?limit=1000" + (filter == null ? "" : "&status="
                + filter), ctx).flatMap(part -> {
            if (part.body() == null) {
                return refused(part, msg().whatAppeals(), ctx);
            }
            List<Appeal> list = new ArrayList<>();
            Viewer viewer = viewer();
            part.body().forEach(a -> list.add(Appeal.of(a, viewer)));
            // newest first: the ones waiting are the ones filed last
            java.util.Collections.reverse(list);
            return page(Templates.appeals(viewer(), csrf(ctx), filter == null ? "" : filter, list, List.of()));
        });
    }

    /**
     * The runs of a month the caller sees (a supervisor: of the units they lead), and one run's scorecards to review
     * and rate. An agent sees the runs they are scored in, and in one in review their peers' scorecards to rate when
     * the template counts peer ratings.
     */
    @GET
    @Operation(hidden = true)
    @Path("runs")
    public Uni<Response> reviews(@QueryParam("period") String period, @QueryParam("run") Long runId,
                                 @Context RoutingContext ctx) {
        java.time.YearMonth month = month(period);
        if (month == null) {
            return invalidPeriod(ctx);
        }
        Viewer viewer = viewer();
        if (!hasAny(LEADERS) && viewer != null && viewer.employeeId() != null) {
            return peerReviews(month, runId, viewer.employeeId(), ctx);
        }
        Uni<ServiceCalls.Part> runs = get("scoring-service", "/api/v1/scoring/runs?period=" + month
                + "&limit=200", ctx);
        Uni<ServiceCalls.Part> run = runId == null ? none() : get("scoring-service", "/api/v1/scoring/runs/" + runId,
                ctx);
        return Uni.combine().all().unis(runs, run, names(ctx)).asTuple().flatMap(parts -> {
            TemplateLabels names = parts.getItem3();
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatRunsInReview(), ctx);
            }
            if (runId != null && parts.getItem2().body() == null) {
                return refused(parts.getItem2(), msg().whatRunId(runId), ctx);
            }
            List<String> notes = new ArrayList<>();
            List<HrViews.Run> list = new ArrayList<>();
            parts.getItem1().body().forEach(r -> list.add(HrViews.Run.of(r)));
            if (runId == null) {
                return page(Templates.reviews(viewer(), csrf(ctx), new Reviews(month.toString(), list, null,
                        List.of(), List.of(), false, notes, names)));
            }
            JsonNode r = parts.getItem2().body();
            HrViews.Run shown = HrViews.Run.of(r);
            boolean rates = hasAny(RATERS) && "in review".equals(shown.status());
            Uni<TemplateLabels> labelled = labels(r, ctx);
            return Uni.combine().all().unis(ratingItems(r, rates ? "supervisor" : null, notes, ctx), labelled)
                    .asTuple().flatMap(read -> {
                List<RatingItem> items = read.getItem1();
                TemplateLabels labels = read.getItem2();
                List<JsonNode> cards = new ArrayList<>();
                r.path("scorecards").forEach(cards::add);
                return ratings(cards, items, labels, notes, ctx).flatMap(given -> {
                    List<ReviewRow> rows = new ArrayList<>();
                    for (int i = 0; i < cards.size(); i++) {
                        JsonNode c = cards.get(i);
                        JsonNode review = c.path("review");
                        rows.add(new ReviewRow(c.path("id").asLong(), MonthView.text(c, "employeeId"),
                                MonthView.text(c, "total"), labels.grade(MonthView.text(c, "grade")),
                                MonthView.lower(MonthView.text(c, "status")), review.hasNonNull("selfAssessedAt"),
                                MonthView.text(review, "selfAssessment"), MonthView.text(review, "reviewedBy"),
                                MonthView.text(review, "comments"), MonthView.text(review, "feedbackNotes"),
                                given.get(i)));
                    }
                    return page(Templates.reviews(viewer(), csrf(ctx), new Reviews(month.toString(), list, shown,
                            rows, items, false, notes, names)));
                });
            });
        });
    }

    /**
     * An agent's reviews page: the runs of the month they are scored in (from their own scorecards) and, in one in
     * review, their peers' scorecards with a rating form per manual-rating item that counts peer ratings.
     */
    private Uni<Response> peerReviews(java.time.YearMonth month, Long runId, String me, RoutingContext ctx) {
        return Uni.combine().all().unis(get("scoring-service", "/api/v1/scoring/scorecards?employeeId=" + encode(me)
                + "&period=" + month + "&limit=100", ctx), names(ctx)).asTuple().flatMap(read -> {
            ServiceCalls.Part cards = read.getItem1();
            TemplateLabels names = read.getItem2();
            if (cards.body() == null) {
                return refused(cards, msg().whatYourScorecards(), ctx);
            }
            List<HrViews.Run> list = new ArrayList<>();
            JsonNode own = null;
            for (JsonNode c : cards.body()) {
                ObjectNode run = JsonNodeFactory.instance.objectNode();
                run.put("id", c.path("runId").asLong());
                run.set("templateCode", c.path("templateCode"));
                run.set("templateVersion", c.path("templateVersion"));
                run.set("unitCode", c.path("unitCode"));
                run.set("period", c.path("period"));
                run.set("status", c.path("status"));
                list.add(HrViews.Run.of(run));
                if (runId != null && runId == c.path("runId").asLong()) {
                    own = run;
                }
            }
            List<String> notes = new ArrayList<>();
            if (runId == null || own == null) {
                if (runId != null) {
                    return message(404, msg().notFound(), msg().notScoredInRun(String.valueOf(runId), month.toString()),
                            ctx);
                }
                return page(Templates.reviews(viewer(), csrf(ctx), new Reviews(month.toString(), list, null,
                        List.of(), List.of(), true, notes, names)));
            }
            JsonNode run = own;
            HrViews.Run shown = HrViews.Run.of(run);
            if (!"in review".equals(shown.status())) {
                return page(Templates.reviews(viewer(), csrf(ctx), new Reviews(month.toString(), list, shown,
                        List.of(), List.of(), true, notes, names)));
            }
            Uni<ServiceCalls.Part> entries = get("scoring-service", "/api/v1/scoring/reviews?runId=" + runId
                    + "&limit=1000", ctx);
            return Uni.combine().all().unis(entries, ratingItems(run, "peer", notes, ctx), labels(run, ctx)).asTuple()
                    .flatMap(parts -> {
                        TemplateLabels labels = parts.getItem3();
                        ConsolePages.note(notes, parts.getItem1(), msg().whatPeersScorecards());
                        List<JsonNode> peers = new ArrayList<>();
                        if (parts.getItem1().body() != null) {
                            parts.getItem1().body().forEach(e -> {
                                if (!me.equals(e.path("employeeId").asText())) {
                                    peers.add(e);
                                }
                            });
                        }
                        // a peer does not read their peers' scorecards or ratings: what they rated just now is
                        // said from the answer they got (rated=<scorecard>.<item>)
                        String rated = ctx.request().getParam("rated");
                        List<ReviewRow> rows = new ArrayList<>();
                        for (JsonNode e : peers) {
                            long id = e.path("scorecardId").asLong();
                            List<String> stored = new ArrayList<>();
                            for (RatingItem item : parts.getItem2()) {
                                if ((id + "." + item.itemCode()).equals(rated)) {
                                    stored.add(msg().peerRatingStored(labels.item(item.itemCode()),
                                            e.path("employeeId").asText()));
                                }
                            }
                            rows.add(new ReviewRow(id, MonthView.text(e, "employeeId"), null, null,
                                    MonthView.lower(MonthView.text(e, "status")), false, null, null, null, null,
                                    stored));
                        }
                        return page(Templates.reviews(viewer(), csrf(ctx), new Reviews(month.toString(), list,
                                shown, rows, parts.getItem2(), true, notes, names)));
                    });
        });
    }

    /**
     * The manual-rating items of the run's template version that count {@code role}'s ratings (none when the role
     * is null): their scale and dimensions, read from the template version.
     */
    private Uni<List<RatingItem>> ratingItems(JsonNode run, String role, List<String> notes, RoutingContext ctx) {
        if (role == null) {
            return Uni.createFrom().item(List.of());
        }
        return get("scoring-service", "/api/v1/scoring/templates/" + encode(run.path("templateCode").asText())
                + "/versions/" + run.path("templateVersion").asInt(), ctx).map(template -> {
            ConsolePages.note(notes, template, msg().whatRatingItems());
            List<RatingItem> items = new ArrayList<>();
            if (template.body() == null) {
                return items;
            }
            for (JsonNode item : template.body().path("items")) {
                JsonNode rule = item.path("rule");
                if (!"manual-rating".equals(rule.path("type").asText())) {
                    continue;
                }
                boolean counts = false;
                for (JsonNode rater : rule.path("raters")) {
                    counts |= role.equals(rater.path("role").asText());
                }
                if (!counts) {
                    continue;
                }
                List<Dimension> dimensions = new ArrayList<>();
                for (JsonNode d : rule.path("dimensions")) {
                    dimensions.add(new Dimension(d.path("code").asText(), d.path("name").asText(d.path("code")
                            .asText())));
                }
                if (dimensions.isEmpty()) {
                    dimensions.add(new Dimension("overall", msg().dimensionOverall()));
                }
                items.add(new RatingItem(item.path("code").asText(), ConsoleKit.label(item, "name"), role,
                        rule.hasNonNull("scaleMin") ? MonthView.text(rule, "scaleMin") : "1",
                        rule.hasNonNull("scaleMax") ? MonthView.text(rule, "scaleMax") : "5", dimensions));
            }
            return items;
        });
    }

    /**
     * The ratings given so far on each scorecard, one line each ("supervisor rating of attitude by E2001: de 4 …",
     * the dimensions in the template's order), in the order of the scorecards; nothing is asked without rating items.
     */
    private Uni<List<List<String>>> ratings(List<JsonNode> cards, List<RatingItem> items, TemplateLabels labels,
                                            List<String> notes, RoutingContext ctx) {
        if (items.isEmpty() || cards.isEmpty()) {
            List<List<String>> none = new ArrayList<>();
            cards.forEach(c -> none.add(List.of()));
            return Uni.createFrom().item(none);
        }
        List<Uni<ServiceCalls.Part>> asks = new ArrayList<>();
        for (JsonNode c : cards) {
            long id = c.hasNonNull("scorecardId") ? c.path("scorecardId").asLong() : c.path("id").asLong();
            asks.add(get("scoring-service", "/api/v1/scoring/reviews/" + id + "/ratings?limit=1000", ctx));
        }
        return Uni.join().all(asks).andCollectFailures().map(answers -> {
            List<List<String>> out = new ArrayList<>();
            for (ServiceCalls.Part a : answers) {
                ConsolePages.note(notes, a, msg().whatRatingsGiven());
                List<String> lines = new ArrayList<>();
                if (a.body() != null) {
                    for (JsonNode g : a.body()) {
                        List<String> order = new ArrayList<>();
                        items.stream().filter(i -> i.itemCode().equals(g.path("itemCode").asText())).findFirst()
                                .ifPresent(i -> i.dimensions().forEach(d -> order.add(d.code())));
                        List<String> codes = new ArrayList<>();
                        g.path("scores").fieldNames().forEachRemaining(codes::add);
                        codes.sort(java.util.Comparator.comparingInt((String c) -> order.contains(c)
                                ? order.indexOf(c) : order.size()).thenComparing(c -> c));
                        List<String> scores = new ArrayList<>();
                        codes.forEach(c -> scores.add(c + " " + MonthView.text(g.path("scores"), c)));
                        String role = switch (g.path("role").asText()) {
                            case "supervisor" -> msg().raterSupervisor();
                            case "peer" -> msg().raterPeer();
                            default -> g.path("role").asText();
                        };
                        String item = labels.item(g.path("itemCode").asText());
                        String line = g.hasNonNull("raterId")
                                ? msg().ratingLineBy(role, item, g.path("raterId").asText(), String.join(" · ", scores))
                                : msg().ratingLine(role, item, String.join(" · ", scores));
                        lines.add(line + (g.hasNonNull("comment") ? " — " + g.path("comment").asText() : ""));
                    }
                }
                out.add(lines);
            }
            return out;
        });
    }

    /**
     * The labels of the run's template version ({@link TemplateLabels}): its items and grades in the page's language,
     * else by their codes.
     */
    private Uni<TemplateLabels> labels(JsonNode run, RoutingContext ctx) {
        return TemplateLabels.ofCards(calls, run, ConsolePages.authorization(ctx), RequestIds.of(ctx));
    }

    /** The names of the templates, for the runs the page lists (their codes when the list is not read). */
    private Uni<TemplateLabels> names(RoutingContext ctx) {
        return TemplateLabels.names(calls, ConsolePages.authorization(ctx), RequestIds.of(ctx));
    }

    private static Uni<ServiceCalls.Part> none() {
        return Uni.createFrom().item(new ServiceCalls.Part("scoring-service", null, false, null));
    }

    /**
     * A supervisor's or peer's rating of a manual-rating item (the scoring API's rateScorecardItem): one score per
     * dimension, posted as {@code score.<dimension>}; the API decides who may rate what.
     */
    @POST
    @Operation(hidden = true)
    @Path("scorecards/{scorecardId}/ratings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> rate(@PathParam("scorecardId") long scorecardId,
                              jakarta.ws.rs.core.MultivaluedMap<String, String> form, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, form.getFirst(ConsoleRoutes.CSRF_FIELD))) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("itemCode", form.getFirst("itemCode"));
        body.put("role", form.getFirst("role"));
        ObjectNode scores = body.putObject("scores");
        for (String key : form.keySet()) {
            if (key.startsWith(SCORE) && key.length() > SCORE.length()) {
                String value = form.getFirst(key);
                try {
                    scores.put(key.substring(SCORE.length()), new BigDecimal(value == null ? "" : value.trim()));
                } catch (NumberFormatException e) {
                    return message(400, msg().notDone(msg().whatRating()),
                            msg().scoreIsANumber(key.substring(SCORE.length())), ctx);
                }
            }
        }
        String comment = form.getFirst("comment");
        if (comment != null && !comment.isBlank()) {
            body.put("comment", comment);
        }
        String period = form.getFirst("period");
        String runId = form.getFirst("runId");
        String item = form.getFirst("itemCode");
        String back = "/console/review/runs?period=" + month(period) + (runId != null && runId.matches("\\d{1,18}")
                ? "&run=" + runId : "") + (item != null && ITEM_CODE.matcher(item).matches() ? "&rated="
                + scorecardId + "." + item : "") + "#scorecard-" + scorecardId;
        return put("scoring-service", "/api/v1/scoring/reviews/" + scorecardId + "/ratings", body, ctx)
                .flatMap(answer -> after(answer, back, msg().whatRating(), ctx));
    }

    /** Hands an appeal to hr (the scoring API's escalateAppeal): its reviewer, or the agent after a rejection. */
    @POST
    @Operation(hidden = true)
    @Path("appeals/{id}/escalation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> escalate(@PathParam("id") long id, @FormParam("reason") String reason,
                                  @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("reason", reason);
        return post("scoring-service", "/api/v1/scoring/appeals/" + id + "/escalation", body, ctx)
                .flatMap(answer -> after(answer, "/console/review/appeals#appeal-" + id, msg().whatEscalation(), ctx));
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
            return message(400, msg().notDone(msg().whatDecision()), msg().decisionNumbers(), ctx);
        }
        return post("scoring-service", "/api/v1/scoring/appeals/" + id + "/decision", body, ctx)
                .flatMap(answer -> after(answer, "/console/review/appeals#appeal-" + id, msg().whatDecision(), ctx));
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
                        msg().whatReview(), ctx));
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
                .flatMap(answer -> after(answer, back(null, period) + "#review", msg().whatSelfAssessment(), ctx));
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
