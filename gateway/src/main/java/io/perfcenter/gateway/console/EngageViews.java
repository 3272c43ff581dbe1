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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Engagement (incentive-service's {@code engagement/}): a unit's leaderboard of a period on the scorecard total or a
 * metric, as the API shows it to the signed-in person (an agent the center policy's view: the top N, their own row,
 * others named or anonymised; leaders and hr every row), drawn as a bar chart; the contests of the viewer's units,
 * one contest's rule and live or final standings; hr creating and closing a contest; a person's points balance,
 * ledger and badges; and the small "points and badges" block of the month page, which also links an agent to the
 * peer ratings they may give in a run in review. The leaderboard page lists the unit's frozen boards (when, by whom,
 * open one); hr keeps the badge catalog (list, add) and each center's leaderboard policy (top N, names, minimum
 * samples per metric) on their own pages. Every call carries the person's own token: what the API refuses (another
 * unit's board or contest answers 404) the page shows as refused.
 */
@Path("/console/engage")
@Produces(MediaType.TEXT_HTML)
public class EngageViews extends ConsoleKit {

    static final String ENGAGEMENT = "/api/v1/incentives/engagement";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern MEASURE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** A board's period: a month, or a quarter for a metric. */
    private static final Pattern BOARD_PERIOD = Pattern.compile("\\d{4}-(\\d{2}|Q[1-4])");
    private static final Pattern ANONYMISED = Pattern.compile("Agent #(\\d+)");
    private static final Set<String> DIRECTIONS = Set.of("HIGHER", "LOWER");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance leaderboard(Viewer viewer, String csrf, BoardPage board);

        static native TemplateInstance contests(Viewer viewer, String csrf, ContestList list);

        static native TemplateInstance contest(Viewer viewer, String csrf, ContestPage page);

        static native TemplateInstance points(Viewer viewer, String csrf, PointsPage points);

        static native TemplateInstance badges(Viewer viewer, String csrf, BadgesPage page);

        static native TemplateInstance policy(Viewer viewer, String csrf, PolicyPage page);
    }

    /** A row of a leaderboard or standings: rank absent when listed apart; label in the page's language. */
    @TemplateData
    public record Row(String rank, String label, String employeeId, String value, String samples, boolean you,
                      boolean anonymised, String reason) {

        static Row of(JsonNode r) {
            String label = MonthView.text(r, "label");
            boolean you = r.path("you").asBoolean(false);
            boolean anonymised = false;
            if (label != null && !you && !r.hasNonNull("employeeId")) {
                Matcher m = ANONYMISED.matcher(label);
                if (m.matches()) {
                    label = msg().anonymousAgent(m.group(1));
                    anonymised = true;
                }
            }
            return new Row(MonthView.text(r, "rank"), label, MonthView.text(r, "employeeId"),
                    MonthView.text(r, "value"), MonthView.text(r, "samples"), you, anonymised,
                    MonthView.text(r, "reason"));
        }
    }

    /** The rows and unranked rows of a leaderboard or standings answer. */
    static List<Row> rows(JsonNode board, String field) {
        List<Row> rows = new ArrayList<>();
        if (board != null) {
            board.path(field).forEach(r -> rows.add(Row.of(r)));
        }
        return rows;
    }

    /** Where the viewer stands ("3rd of 3", or why they are listed apart); null when they are not on it. */
    static String ownPlace(List<Row> rows, List<Row> unranked, int rankedCount) {
        for (Row r : rows) {
            if (r.you()) {
                return msg().yourPlace(r.rank(), String.valueOf(rankedCount));
            }
        }
        for (Row r : unranked) {
            if (r.you()) {
                return msg().yourPlaceApart(r.reason() == null ? "" : r.reason());
            }
        }
        return null;
    }

    /** The board's rows as a bar chart: one bar per ranked row, labelled as the row is. */
    static String chart(List<Row> rows, String series) {
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Row r : rows) {
            labels.add((r.rank() == null ? "" : "#" + r.rank() + " ") + r.label());
            values.add(r.value());
        }
        return Charts.bar(labels).series(series, values).toString();
    }

    @TemplateData
    public record BoardPage(String unitCode, String period, String measure, String direction, List<String> units,
                            List<String> metrics, String view, String names, String topN, int rankedCount,
                            int unrankedCount, List<Row> rows, List<Row> unranked, String withheld, String ownPlace,
                            boolean frozen, String frozenAt, String frozenBy, String chart, boolean mayFreeze,
                            List<String> notes, List<SnapshotRow> snapshotList) {
    }

    /** A frozen board of the unit (listLeaderboardSnapshots), with the link that opens it; {@code current}: shown. */
    @TemplateData
    public record SnapshotRow(String period, String measure, String direction, String frozenAt, String frozenBy,
                              String rankedCount, String unrankedCount, String href, boolean current) {

        static SnapshotRow of(JsonNode s, String period, String measure, String direction) {
            String p = nz(MonthView.text(s, "period"));
            String m = nz(MonthView.text(s, "measure"));
            String d = nz(MonthView.text(s, "direction"));
            return new SnapshotRow(p, m, d, nz(HrViews.minute(MonthView.text(s, "frozenAt"))),
                    nz(MonthView.text(s, "frozenBy")), nz(MonthView.text(s, "rankedCount")),
                    nz(MonthView.text(s, "unrankedCount")), "/console/engage/board?unit="
                    + encode(nz(MonthView.text(s, "unitCode"))) + "&period=" + encode(p) + "&measure=" + encode(m)
                    + "&direction=" + encode(d), p.equals(period) && m.equals(measure) && d.equals(direction));
        }
    }

    static List<SnapshotRow> snapshotRows(JsonNode list, String period, String measure, String direction) {
        List<SnapshotRow> rows = new ArrayList<>();
        if (list != null) {
            list.forEach(s -> rows.add(SnapshotRow.of(s, period, measure, direction)));
        }
        return rows;
    }

    /** A badge of the catalog, as hr's badge page lists it. */
    @TemplateData
    public record BadgeRow(String code, String nameZh, String nameEn, String description, String createdAt,
                           String createdBy, boolean retired, String retiredAt, String retiredBy) {

        static BadgeRow of(JsonNode b) {
            return new BadgeRow(MonthView.text(b, "code"), MonthView.text(b, "nameZh"), MonthView.text(b, "nameEn"),
                    MonthView.text(b, "description"), nz(EngageViews.day(MonthView.text(b, "createdAt"))),
                    nz(MonthView.text(b, "createdBy")), b.hasNonNull("retiredAt"),
                    nz(EngageViews.day(MonthView.text(b, "retiredAt"))), nz(MonthView.text(b, "retiredBy")));
        }
    }

    @TemplateData
    public record BadgesPage(List<BadgeRow> badges, List<String> notes) {
    }

    /** A center's leaderboard policy as hr's policy page shows and edits it. */
    @TemplateData
    public record PolicyPage(String centerCode, List<String> centers, boolean defaultPolicy, String topN,
                             String names, List<MinSample> minSamples, String minSamplesText, String updatedAt,
                             String updatedBy, List<String> notes) {
    }

    @TemplateData
    public record MinSample(String metric, String samples) {
    }

    @TemplateData
    public record ContestRow(String code, String name, String metric, String direction, String mode, String units,
                             String from, String to, String minSamples, boolean open, List<String> rules,
                             String closedAt, String closedBy) {

        static ContestRow of(JsonNode c) {
            List<String> units = new ArrayList<>();
            c.path("unitCodes").forEach(u -> units.add(u.asText()));
            List<String> rules = new ArrayList<>();
            c.path("rules").forEach(r -> rules.add(rule(r)));
            return new ContestRow(MonthView.text(c, "code"), MonthView.text(c, "name"), MonthView.text(c, "metric"),
                    MonthView.lower(MonthView.text(c, "direction")), MonthView.lower(MonthView.text(c, "mode")),
                    String.join(", ", units), MonthView.text(c, "from"), MonthView.text(c, "to"),
                    MonthView.text(c, "minSamples"), !"CLOSED".equals(c.path("status").asText()), rules,
                    HrViews.minute(MonthView.text(c, "closedAt")), MonthView.text(c, "closedBy"));
        }
    }

    /** A contest rule in words: what reaching it earns. */
    static String rule(JsonNode r) {
        String earns = msg().earnsPoints(r.path("points").asText("0"))
                + (r.hasNonNull("badge") ? msg().andBadge(r.path("badge").asText()) : "");
        return "TOP".equals(r.path("type").asText())
                ? msg().ruleTop(r.path("places").asText("?"), earns)
                : msg().ruleGoal(r.path("threshold").asText("?"), earns);
    }

    @TemplateData
    public record ContestList(List<ContestRow> open, List<ContestRow> closed, boolean mayCreate, String units,
                              List<String> metrics, List<String> badges, List<String> notes) {
    }

    @TemplateData
    public record Award(String who, String points, String badge, String reason) {
    }

    @TemplateData
    public record ContestPage(ContestRow contest, String view, String names, int rankedCount, List<Row> rows,
                              List<Row> unranked, String withheld, String ownPlace, List<Award> awards,
                              String chart, boolean mayClose, List<String> notes) {
    }

    @TemplateData
    public record Entry(String day, String points, String reason, String contestCode, String period) {
    }

    @TemplateData
    public record EarnedBadge(String code, String name, String contestCode, String reason, String day) {

        static EarnedBadge of(JsonNode b) {
            return new EarnedBadge(MonthView.text(b, "badgeCode"), label(b, "badgeCode"),
                    MonthView.text(b, "contestCode"), MonthView.text(b, "reason"),
                    EngageViews.day(MonthView.text(b, "grantedAt")));
        }
    }

    @TemplateData
    public record PointsPage(String employeeId, boolean own, String balance, String entries, List<Entry> ledger,
                             List<EarnedBadge> badges, List<String> notes) {
    }

    /**
     * The month page's engagement block: the person's points balance and badges (null balance: not readable), and
     * for an agent on their own month the runs in review where they rate peers.
     */
    @TemplateData
    public record MonthBlock(String employeeId, String period, String balance, List<EarnedBadge> badges,
                             List<PeerRun> peerRuns) {

        static MonthBlock none(String employeeId, String period) {
            return new MonthBlock(employeeId, period, null, List.of(), List.of());
        }
    }

    /** A run in review whose template counts peer ratings: the agent rates their peers there. */
    @TemplateData
    public record PeerRun(long runId, String period, String templateCode, String unitCode) {
    }

    EngageViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    // ---- leaderboard ----

    @GET
    @Operation(hidden = true)
    @Path("board")
    public Uni<Response> board(@QueryParam("unit") String unit, @QueryParam("period") String period,
                               @QueryParam("measure") String measure, @QueryParam("direction") String direction,
                               @Context RoutingContext ctx) {
        String p = period == null || period.isBlank() ? YearMonth.now(clock).minusMonths(1).toString()
                : period.strip();
        String m = measure == null || measure.isBlank() ? "score" : measure.strip();
        String d = direction == null || direction.isBlank() ? "HIGHER" : direction.strip().toUpperCase(Locale.ROOT);
        if (!BOARD_PERIOD.matcher(p).matches()) {
            return invalidPeriod(ctx);
        }
        if (!MEASURE.matcher(m).matches() || !DIRECTIONS.contains(d)
                || (unit != null && !unit.isBlank() && !CODE.matcher(unit.strip()).matches())) {
            return message(400, msg().invalidPage(), msg().boardQuery(), ctx);
        }
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx);
        Uni<Part> catalog = get("metrics-service", "/api/v1/metrics/catalog?limit=500", ctx);
        return Uni.combine().all().unis(units, catalog).asTuple().flatMap(parts -> {
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem1(), msg().whatUnits());
            List<String> codes = unitCodes(parts.getItem1().body());
            String u = unit != null && !unit.isBlank() ? unit.strip() : defaultUnit(parts.getItem1().body());
            if (u == null) {
                return message(404, msg().notFound(), msg().noBoardUnit(), ctx);
            }
            List<String> metrics = new ArrayList<>();
            if (parts.getItem2().body() != null) {
                parts.getItem2().body().forEach(c -> metrics.add(c.path("code").asText()));
            }
            Uni<Part> asked = get("incentive-service", ENGAGEMENT + "/leaderboards?unitCode=" + encode(u) + "&period="
                    + p + "&measure=" + m + "&direction=" + d, ctx);
            Uni<Part> frozen = get("incentive-service", ENGAGEMENT + "/leaderboards/snapshots?unitCode=" + encode(u)
                    + "&limit=50", ctx);
            return Uni.combine().all().unis(asked, frozen).asTuple().flatMap(both -> {
                Part board = both.getItem1();
                Part snapshots = both.getItem2();
                if (board.body() == null) {
                    return denied(board, msg().whatBoard(u, p), ctx);
                }
                ConsolePages.note(notes, snapshots, msg().engageWhatSnapshots(u));
                JsonNode b = board.body();
                List<Row> rows = rows(b, "rows");
                List<Row> unranked = rows(b, "unranked");
                int ranked = b.path("rankedCount").asInt();
                return page(Templates.leaderboard(viewer(), csrf(ctx), new BoardPage(u, p, m, d, codes, metrics,
                        MonthView.text(b, "view"), names(b), nz(MonthView.text(b, "topN")), ranked, b.path("unrankedCount").asInt(), rows, unranked,
                        MonthView.text(b, "withheld"), ownPlace(rows, unranked, ranked), b.path("frozen").asBoolean(),
                        nz(HrViews.minute(MonthView.text(b, "frozenAt"))), nz(MonthView.text(b, "frozenBy")),
                        chart(rows, "score".equals(m) ? msg().total() : m), hasAny(HR), notes,
                        snapshotRows(snapshots.body(), p, m, d))));
            });
        });
    }

    /** hr freezes the board as it stands (freezeLeaderboard); back to the board, which then reads as frozen. */
    @POST
    @Operation(hidden = true)
    @Path("board/freeze")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> freeze(@FormParam("unitCode") String unit, @FormParam("period") String period,
                                @FormParam("measure") String measure, @FormParam("direction") String direction,
                                @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("unitCode", unit);
        body.put("period", period);
        body.put("measure", measure);
        body.put("direction", direction);
        String back = "/console/engage/board?unit=" + encode(nz(unit)) + "&period=" + encode(nz(period))
                + "&measure=" + encode(nz(measure)) + "&direction=" + encode(nz(direction));
        return post("incentive-service", ENGAGEMENT + "/leaderboards/snapshots", body, ctx)
                .flatMap(answer -> after(answer, back, msg().whatFreezing(nz(unit), nz(period)), ctx));
    }

    // ---- hr: the badge catalog and the leaderboard policy ----

    /** hr's badge catalog (listBadges, retired ones too) with the form that adds one (createBadge). */
    @GET
    @Operation(hidden = true)
    @Path("badges")
    public Uni<Response> badges(@Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        return get("incentive-service", ENGAGEMENT + "/badges?includeRetired=true&limit=500", ctx).flatMap(part -> {
            if (part.body() == null) {
                return refused(part, msg().engageWhatBadgeCatalog(), ctx);
            }
            List<BadgeRow> rows = new ArrayList<>();
            part.body().forEach(b -> rows.add(BadgeRow.of(b)));
            return page(Templates.badges(viewer(), csrf(ctx), new BadgesPage(rows, List.of())));
        });
    }

    /** hr adds a badge (createBadge); what the API refuses (a field, a code defined before) is shown as its problem. */
    @POST
    @Operation(hidden = true)
    @Path("badges")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createBadge(@FormParam("code") String code, @FormParam("nameZh") String nameZh,
                                     @FormParam("nameEn") String nameEn, @FormParam("description") String description,
                                     @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", strip(code));
        body.put("nameZh", strip(nameZh));
        body.put("nameEn", strip(nameEn));
        putIfGiven(body, "description", description);
        String what = msg().engageWhatCreatingBadge(nz(strip(code)));
        return post("incentive-service", ENGAGEMENT + "/badges", body, ctx)
                .flatMap(answer -> after(answer, "/console/engage/badges", what, ctx));
    }

    /**
     * hr's leaderboard policy of a center (getLeaderboardPolicy): the default when the center has none; the first
     * center the viewer sees when none is asked for.
     */
    @GET
    @Operation(hidden = true)
    @Path("policy")
    public Uni<Response> policy(@QueryParam("center") String center, @Context RoutingContext ctx) {
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        if (center != null && !center.isBlank() && !CODE.matcher(center.strip()).matches()) {
            return message(404, msg().notFound(), msg().noSuchThing(center.strip()), ctx);
        }
        return get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx).flatMap(units -> {
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, units, msg().whatUnits());
            List<String> centers = new ArrayList<>();
            if (units.body() != null) {
                units.body().forEach(u -> {
                    if ("CENTER".equals(u.path("kind").asText())) {
                        centers.add(u.path("code").asText());
                    }
                });
            }
            String c = center != null && !center.isBlank() ? center.strip() : centers.isEmpty() ? null : centers.get(0);
            if (c == null) {
                return message(404, msg().notFound(), msg().engageNoCenter(), ctx);
            }
            return get("incentive-service", ENGAGEMENT + "/leaderboard-policies/" + encode(c), ctx).flatMap(part -> {
                if (part.body() == null) {
                    return refused(part, msg().engageWhatPolicy(c), ctx);
                }
                JsonNode p = part.body();
                List<MinSample> mins = new ArrayList<>();
                List<String> pairs = new ArrayList<>();
                p.path("minSamples").fields().forEachRemaining(e -> {
                    mins.add(new MinSample(e.getKey(), e.getValue().asText()));
                    pairs.add(e.getKey() + "=" + e.getValue().asText());
                });
                return page(Templates.policy(viewer(), csrf(ctx), new PolicyPage(c, centers,
                        p.path("defaultPolicy").asBoolean(), nz(MonthView.text(p, "topN")),
                        nz(MonthView.text(p, "names")), mins, String.join(", ", pairs),
                        nz(HrViews.minute(MonthView.text(p, "updatedAt"))), nz(MonthView.text(p, "updatedBy")),
                        notes)));
            });
        });
    }

    /**
     * hr sets a center's policy (setLeaderboardPolicy) from the form: top N, names, and the minimum samples as
     * {@code metric=samples} pairs; pairs that do not read as such are refused naming minSamples before anything is
     * sent, what the API refuses is shown as its problem.
     */
    @POST
    @Operation(hidden = true)
    @Path("policy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> setPolicy(@FormParam("centerCode") String center, @FormParam("topN") String topN,
                                   @FormParam("names") String names, @FormParam("minSamples") String minSamples,
                                   @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        String c = nz(strip(center));
        if (!CODE.matcher(c).matches()) {
            return message(404, msg().notFound(), msg().noSuchThing(c), ctx);
        }
        String what = msg().engageWhatSavingPolicy(c);
        ObjectNode body = policyBody(topN, names, minSamples);
        if (body == null) {
            return message(400, msg().notDone(what), msg().engageMinSamplesFormat(), ctx);
        }
        return put("incentive-service", ENGAGEMENT + "/leaderboard-policies/" + encode(c), body, ctx)
                .flatMap(answer -> after(answer, "/console/engage/policy?center=" + encode(c), what, ctx));
    }

    private static final Pattern MIN_SAMPLE = Pattern.compile("\\s*([^=:\\s]+)\\s*[=:]\\s*(\\S+)\\s*");

    /**
     * The setLeaderboardPolicy body from the form; numbers as typed (the API names a field that is not one); null
     * when the minimum samples do not read as {@code metric=samples} pairs separated by commas, semicolons or lines.
     */
    static ObjectNode policyBody(String topN, String names, String minSamples) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        number(body, "topN", topN);
        putIfGiven(body, "names", names);
        ObjectNode mins = body.putObject("minSamples");
        for (String pair : nz(minSamples).split("[,;\\n]+")) {
            if (pair.isBlank()) {
                continue;
            }
            Matcher m = MIN_SAMPLE.matcher(pair);
            if (!m.matches()) {
                return null;
            }
            number(mins, m.group(1), m.group(2));
        }
        return body;
    }

    // ---- contests ----

    @GET
    @Operation(hidden = true)
    @Path("contests")
    public Uni<Response> contests(@Context RoutingContext ctx) {
        Uni<Part> list = get("incentive-service", ENGAGEMENT + "/contests?limit=500", ctx);
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx);
        Uni<Part> catalog = hasAny(HR) ? get("metrics-service", "/api/v1/metrics/catalog?limit=500", ctx) : none();
        Uni<Part> badges = hasAny(HR) ? get("incentive-service", ENGAGEMENT + "/badges?limit=500", ctx) : none();
        return Uni.combine().all().unis(list, units, catalog, badges).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatContests(), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatUnits());
            List<String> scope = unitCodes(parts.getItem2().body());
            List<ContestRow> open = new ArrayList<>();
            List<ContestRow> closed = new ArrayList<>();
            for (JsonNode c : parts.getItem1().body()) {
                if (!visible(c, scope, hasAny(HR))) {
                    continue;
                }
                ContestRow row = ContestRow.of(c);
                (row.open() ? open : closed).add(row);
            }
            List<String> metrics = new ArrayList<>();
            if (parts.getItem3().body() != null) {
                parts.getItem3().body().forEach(c -> metrics.add(c.path("code").asText()));
            }
            List<String> badgeCodes = new ArrayList<>();
            if (parts.getItem4().body() != null) {
                parts.getItem4().body().forEach(b -> {
                    if (!b.hasNonNull("retiredAt")) {
                        badgeCodes.add(b.path("code").asText());
                    }
                });
            }
            return page(Templates.contests(viewer(), csrf(ctx), new ContestList(open, closed, hasAny(HR),
                    String.join(", ", scope), metrics, badgeCodes, notes)));
        });
    }

    /** A contest is listed to hr and admin always, to others when it names one of the units they see. */
    static boolean visible(JsonNode contest, List<String> scope, boolean hr) {
        if (hr) {
            return true;
        }
        for (JsonNode u : contest.path("unitCodes")) {
            if (scope.contains(u.asText())) {
                return true;
            }
        }
        return false;
    }

    @GET
    @Operation(hidden = true)
    @Path("contests/{code}")
    public Uni<Response> contest(@PathParam("code") String code, @Context RoutingContext ctx) {
        if (!CODE.matcher(code).matches()) {
            return message(404, msg().notFound(), msg().noSuchThing(code), ctx);
        }
        String c = encode(code);
        Uni<Part> definition = get("incentive-service", ENGAGEMENT + "/contests/" + c, ctx);
        Uni<Part> standings = get("incentive-service", ENGAGEMENT + "/contests/" + c + "/standings", ctx);
        return Uni.combine().all().unis(definition, standings).asTuple().flatMap(parts -> {
            if (parts.getItem2().body() == null) {
                return denied(parts.getItem2(), msg().whatContest(code), ctx);
            }
            if (parts.getItem1().body() == null) {
                return refused(parts.getItem1(), msg().whatContest(code), ctx);
            }
            ContestRow contest = ContestRow.of(parts.getItem1().body());
            JsonNode s = parts.getItem2().body();
            List<Row> rows = rows(s, "rows");
            List<Row> unranked = rows(s, "unranked");
            int ranked = s.path("rankedCount").asInt();
            return page(Templates.contest(viewer(), csrf(ctx), new ContestPage(contest, MonthView.text(s, "view"), names(s), ranked, rows, unranked,
                    MonthView.text(s, "withheld"), ownPlace(rows, unranked, ranked), awards(s.path("awards")),
                    chart(rows, contest.metric()), hasAny(HR) && contest.open(), List.of())));
        });
    }

    static List<Award> awards(JsonNode awards) {
        List<Award> list = new ArrayList<>();
        for (JsonNode a : awards) {
            String who = MonthView.text(a, "employeeId");
            if (a.hasNonNull("unitCode")) {
                who = (who == null ? "" : who + " · ") + a.path("unitCode").asText();
            }
            list.add(new Award(who, MonthView.text(a, "points"), MonthView.text(a, "badge"),
                    MonthView.text(a, "reason")));
        }
        return list;
    }

    /**
     * hr creates a contest (createContest) from the form: one or two rules; what the API refuses (a field, a code
     * that exists) is shown as its problem, and nothing is stored.
     */
    @POST
    @Operation(hidden = true)
    @Path("contests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(MultivaluedMap<String, String> form, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, form.getFirst(ConsoleRoutes.CSRF_FIELD))) {
            return forged(ctx);
        }
        if (!hasAny(HR)) {
            return notHr(ctx);
        }
        ObjectNode body = contestBody(form);
        String code = nz(form.getFirst("code")).strip();
        return post("incentive-service", ENGAGEMENT + "/contests", body, ctx).flatMap(answer -> after(answer,
                "/console/engage/contests/" + encode(code), msg().whatCreatingContest(code), ctx));
    }

    /** The createContest body from the form's fields; numbers as typed (the API names a field that is not one). */
    static ObjectNode contestBody(MultivaluedMap<String, String> form) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("code", strip(form.getFirst("code")));
        body.put("name", strip(form.getFirst("name")));
        body.put("metric", strip(form.getFirst("metric")));
        putIfGiven(body, "direction", form.getFirst("direction"));
        putIfGiven(body, "mode", form.getFirst("mode"));
        ArrayNode units = body.putArray("unitCodes");
        Set<String> codes = new LinkedHashSet<>();
        for (String u : nz(form.getFirst("unitCodes")).split("[,\\s]+")) {
            if (!u.isBlank()) {
                codes.add(u.strip());
            }
        }
        codes.forEach(units::add);
        body.put("from", strip(form.getFirst("from")));
        body.put("to", strip(form.getFirst("to")));
        number(body, "minSamples", form.getFirst("minSamples"));
        ArrayNode rules = body.putArray("rules");
        for (int i = 1; i <= 2; i++) {
            String type = strip(form.getFirst("rule" + i + "Type"));
            if (type == null || (i > 1 && strip(form.getFirst("rule" + i + "Points")) == null)) {
                continue;
            }
            ObjectNode rule = rules.addObject();
            rule.put("type", type);
            if ("TOP".equals(type)) {
                number(rule, "places", form.getFirst("rule" + i + "Places"));
            } else {
                number(rule, "threshold", form.getFirst("rule" + i + "Threshold"));
            }
            number(rule, "points", form.getFirst("rule" + i + "Points"));
            putIfGiven(rule, "badge", form.getFirst("rule" + i + "Badge"));
        }
        return body;
    }

    @POST
    @Operation(hidden = true)
    @Path("contests/{code}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> close(@PathParam("code") String code, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                               @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        if (!CODE.matcher(code).matches()) {
            return message(404, msg().notFound(), msg().noSuchThing(code), ctx);
        }
        return post("incentive-service", ENGAGEMENT + "/contests/" + encode(code) + "/close", null, ctx)
                .flatMap(answer -> after(answer, "/console/engage/contests/" + encode(code),
                        msg().whatClosingContest(code), ctx));
    }

    // ---- points and badges ----

    @GET
    @Operation(hidden = true)
    @Path("points")
    public Uni<Response> points(@QueryParam("employeeId") String employeeId, @Context RoutingContext ctx) {
        Viewer viewer = viewer();
        String id = employeeId == null || employeeId.isBlank() ? viewer.employeeId() : employeeId.strip();
        if (id == null) {
            return message(200, msg().noPointsToShow(), msg().noEmployeeId(), ctx);
        }
        if (!ConsolePages.EMPLOYEE_ID.matcher(id).matches()) {
            return message(400, msg().invalidEmployeeId(), msg().noSuchThing(id), ctx);
        }
        String base = ENGAGEMENT + "/points/" + encode(id);
        Uni<Part> balance = get("incentive-service", base, ctx);
        Uni<Part> ledger = get("incentive-service", base + "/ledger?limit=200", ctx);
        Uni<Part> badges = get("incentive-service", base + "/badges?limit=200", ctx);
        return Uni.combine().all().unis(balance, ledger, badges).asTuple().flatMap(parts -> {
            if (parts.getItem1().body() == null) {
                return denied(parts.getItem1(), msg().whatPointsOf(id), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatLedger());
            ConsolePages.note(notes, parts.getItem3(), msg().whatBadges());
            List<Entry> entries = new ArrayList<>();
            if (parts.getItem2().body() != null) {
                for (JsonNode e : parts.getItem2().body()) {
                    entries.add(new Entry(day(MonthView.text(e, "createdAt")), signed(e.path("points").asInt()),
                            MonthView.text(e, "reason"), MonthView.text(e, "contestCode"),
                            MonthView.text(e, "period")));
                }
            }
            return page(Templates.points(viewer(), csrf(ctx), new PointsPage(id, id.equals(viewer.employeeId()),
                    MonthView.text(parts.getItem1().body(), "balance"),
                    MonthView.text(parts.getItem1().body(), "entries"), entries,
                    earned(parts.getItem3().body()), notes)));
        });
    }

    static List<EarnedBadge> earned(JsonNode badges) {
        List<EarnedBadge> list = new ArrayList<>();
        if (badges != null) {
            badges.forEach(b -> list.add(EarnedBadge.of(b)));
        }
        return list;
    }

    /**
     * The month page's block (see {@link MonthBlock}): the balance and badges of {@code employeeId} (left out when the
     * API refuses them) and, on the agent's own month, their runs of the month in review whose template counts peer
     * ratings ({@code cards}: their scorecards as the month page read them).
     */
    static Uni<MonthBlock> monthBlock(ServiceCalls calls, String employeeId, YearMonth month, boolean own,
                                      JsonNode cards, String authorization, String requestId) {
        String base = ENGAGEMENT + "/points/" + encode(employeeId);
        Uni<Part> balance = calls.get("incentive-service", base, authorization, requestId);
        Uni<Part> badges = calls.get("incentive-service", base + "/badges?limit=20", authorization, requestId);
        List<JsonNode> inReview = new ArrayList<>();
        if (own && cards != null && cards.isArray()) {
            for (JsonNode c : cards) {
                if (month.toString().equals(c.path("period").asText())
                        && "IN_REVIEW".equalsIgnoreCase(c.path("status").asText())) {
                    inReview.add(c);
                }
            }
        }
        List<Uni<Part>> templates = new ArrayList<>();
        for (JsonNode c : inReview) {
            templates.add(calls.get("scoring-service", "/api/v1/scoring/templates/"
                    + encode(c.path("templateCode").asText()) + "/versions/" + c.path("templateVersion").asInt(),
                    authorization, requestId));
        }
        Uni<List<Part>> asked = templates.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(templates).andCollectFailures();
        return Uni.combine().all().unis(balance, badges, asked).asTuple().map(parts -> {
            List<PeerRun> peerRuns = new ArrayList<>();
            for (int i = 0; i < inReview.size(); i++) {
                if (countsPeers(parts.getItem3().get(i).body())) {
                    JsonNode c = inReview.get(i);
                    peerRuns.add(new PeerRun(c.path("runId").asLong(), month.toString(),
                            nz(MonthView.text(c, "templateCode")), nz(MonthView.text(c, "unitCode"))));
                }
            }
            return new MonthBlock(employeeId, month.toString(), MonthView.text(parts.getItem1().body(), "balance"),
                    earned(parts.getItem2().body()), peerRuns);
        });
    }

    /** Whether a template version has a manual-rating item that counts peer ratings. */
    static boolean countsPeers(JsonNode template) {
        if (template == null) {
            return false;
        }
        for (JsonNode item : template.path("items")) {
            JsonNode rule = item.path("rule");
            if ("manual-rating".equals(rule.path("type").asText())) {
                for (JsonNode rater : rule.path("raters")) {
                    if ("peer".equals(rater.path("role").asText())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---- helpers ----

    /**
     * A board, contest or account the API would not show: engagement answers 404 for another unit's board or contest
     * (as for an unknown one), shown as refused; a service that is down as unavailable.
     */
    Uni<Response> denied(Part part, String what, RoutingContext ctx) {
        if (part.unavailable() || part.note() == null || !(part.note().startsWith("404")
                || part.note().startsWith("403"))) {
            return refused(part, what, ctx);
        }
        return message(part.note().startsWith("403") ? 403 : 404, msg().refused(), msg().notShownToYou(what), ctx);
    }

    /** The unit codes of metrics-service's unit search (the viewer's scope), in its order. */
    static List<String> unitCodes(JsonNode units) {
        List<String> codes = new ArrayList<>();
        if (units != null) {
            units.forEach(u -> codes.add(u.path("code").asText()));
        }
        return codes;
    }

    /** The board to show first: the first group the viewer sees (an agent: their own), else the first unit. */
    static String defaultUnit(JsonNode units) {
        if (units == null || units.isEmpty()) {
            return null;
        }
        for (JsonNode u : units) {
            if ("GROUP".equals(u.path("kind").asText())) {
                return u.path("code").asText();
            }
        }
        return units.get(0).path("code").asText();
    }

    /** How the view names others, in the page's language. */
    static String names(JsonNode view) {
        return "SHOWN".equals(view.path("names").asText()) ? msg().namesShown() : msg().namesAnonymised();
    }

    static String signed(int points) {
        return points > 0 ? "+" + points : String.valueOf(points);
    }

    static String day(String timestamp) {
        return timestamp == null || timestamp.length() < 10 ? timestamp : timestamp.substring(0, 10);
    }

    private static void putIfGiven(ObjectNode node, String field, String value) {
        String v = strip(value);
        if (v != null) {
            node.put(field, v);
        }
    }

    /** A number field: a number when it reads as one, else the text as typed (the API then names the field). */
    private static void number(ObjectNode node, String field, String value) {
        String v = strip(value);
        if (v == null) {
            return;
        }
        try {
            BigDecimal n = new BigDecimal(v);
            if (n.scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                node.put(field, n.intValueExact());
            } else {
                node.put(field, n);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            node.put(field, v);
        }
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String nz(String value) {
        return value == null ? "" : value;
    }

    private static Uni<Part> none() {
        return Uni.createFrom().item(new Part("incentive-service", null, false, null));
    }
}
