package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An item of an agent's month in detail: the figures behind it day by day (its values per day, each computed from that
 * day's records and pushed values) and under each day the records the metric counted (metrics-service's
 * listCountedRecords), so that an agent can point at a wrong record or day and appeal it; and the item's metric over
 * 12 months.
 * Also the honors and promotion eligibility the month page shows.
 */
@Path("/console/items")
@Produces(MediaType.TEXT_HTML)
public class AgentViews extends ConsoleKit {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance item(Viewer viewer, String csrf, ItemDetail item);
    }

    @TemplateData
    public record ItemDetail(String employeeId, String period, String itemCode, String itemName, String metric,
                             String value, String samples, String points, String explanation, boolean own,
                             Long scorecardId, boolean appealable, List<Day> days, String trend,
                             List<String> notes) {
    }

    @TemplateData
    public record Day(String date, String value, String samples, List<Rec> records) {
    }

    /**
     * A record behind the item (metrics-service's listCountedRecords): its kind, source system and id, stored
     * revision, its fields in one line, where the metric counts it, and how an appeal names it.
     */
    @TemplateData
    public record Rec(String kind, String sourceSystem, String externalId, int revision, String summary,
                      String countedIn, String dataPoint) {

        static Rec of(JsonNode r) {
            List<String> fields = new ArrayList<>();
            r.path("fields").fields().forEachRemaining(f -> {
                if (!f.getValue().isNull() && !f.getValue().isContainerNode()) {
                    // the field's name and a choice's code (e.g. direction INBOUND) in words, other values as stored
                    String value = f.getValue().asText();
                    fields.add(CodeLabels.field(f.getKey()) + " "
                            + (value.matches("[A-Z][A-Z_]{0,63}") ? CodeLabels.label(value) : value));
                }
            });
            List<String> parts = new ArrayList<>();
            ConsoleMessages msg = ConsoleKit.msg();
            r.path("countedIn").forEach(p -> parts.add(switch (p.asText()) {
                case "NUMERATOR" -> msg.partNumerator();
                case "DENOMINATOR" -> msg.partDenominator();
                case "SUBTRACT" -> msg.partSubtracted();
                case "VALUE" -> msg.partPushedValue();
                default -> msg.partOther(p.asText().toLowerCase(java.util.Locale.ROOT));
            }));
            String kind = r.path("kind").asText();
            String source = r.path("sourceSystem").asText();
            String id = r.path("externalId").asText();
            int revision = r.path("revision").asInt();
            return new Rec(kind, source, id, revision, String.join(" · ", fields), String.join(ConsoleKit.chinese() ? "、" : " and ", parts),
                    kind + " " + source + "/" + id + " (revision " + revision + ") of " + r.path("day").asText()
                            + ": ");
        }
    }

    /** At most this many records of an item's month are shown (the API's largest page). */
    static final int RECORDS_SHOWN = 1000;

    /** The honors an agent won and where they stand on each career ladder, as the month page shows them. */
    @TemplateData
    public record Growth(List<Honor> honors, List<Ladder> ladders, List<String> notes) {
    }

    @TemplateData
    public record Honor(String period, String award, int place, String reason) {
    }

    @TemplateData
    public record Ladder(String ladderCode, String currentPosition, String nextPosition, boolean eligible,
                         String summary, List<String> missing) {
    }

    AgentViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    @GET
    @Operation(hidden = true)
    @Path("{employeeId}/{itemCode}")
    public Uni<Response> item(@PathParam("employeeId") String employeeId, @PathParam("itemCode") String itemCode,
                              @QueryParam("period") String period, @Context RoutingContext ctx) {
        YearMonth month = month(period);
        if (month == null || !ConsolePages.EMPLOYEE_ID.matcher(employeeId).matches()
                || !CODE.matcher(itemCode).matches()) {
            return message(400, msg().invalidPage(), msg().itemQuery(), ctx);
        }
        String id = encode(employeeId);
        return get("scoring-service", "/api/v1/scoring/scorecards?employeeId=" + id + "&period=" + month
                + "&limit=100", ctx).flatMap(cards -> {
            JsonNode card = MonthView.cardOf(cards.body(), month.toString());
            if (card == null) {
                return cards.body() == null ? refused(cards, msg().whatMonthOf(employeeId), ctx)
                        : message(404, msg().notFound(), msg().noScorecardOf(employeeId, month.toString()), ctx);
            }
            JsonNode item = null;
            for (JsonNode i : card.path("items")) {
                if (itemCode.equals(i.path("itemCode").asText())) {
                    item = i;
                }
            }
            if (item == null) {
                return message(404, msg().notFound(), msg().noSuchItem(itemCode), ctx);
            }
            JsonNode found = item;
            String metric = MonthView.text(item, "metricCode");
            return TemplateLabels.ofCards(calls, card, ConsolePages.authorization(ctx), RequestIds.of(ctx))
                    .flatMap(labels -> itemPage(employeeId, month, card, found, metric, labels, ctx));
        });
    }

    private Uni<Response> itemPage(String employeeId, YearMonth month, JsonNode card, JsonNode found, String metric,
                                   TemplateLabels labels, RoutingContext ctx) {
            String id = encode(employeeId);
            if (metric == null) {
                return page(Templates.item(viewer(), csrf(ctx), detail(employeeId, month, card, found, List.of(),
                        "null", List.of("This item has no metric of its own (a rating or a unit's result): no "
                                + "figures by day."), labels)));
            }
            String m = encode(metric);
            Uni<Part> days = get("metrics-service", "/api/v1/metrics/trends?employeeId=" + id + "&metric=" + m
                    + "&from=" + month.atDay(1) + "&to=" + month.atEndOfMonth() + "&granularity=DAY", ctx);
            Uni<Part> months = get("metrics-service", "/api/v1/metrics/trends?employeeId=" + id + "&metric=" + m
                    + "&from=" + month.minusMonths(11).atDay(1) + "&to=" + month.atEndOfMonth()
                    + "&granularity=MONTH", ctx);
            Uni<Part> records = get("metrics-service", "/api/v1/metrics/records?employeeId=" + id + "&metric=" + m
                    + "&period=" + month + "&limit=" + RECORDS_SHOWN, ctx);
            return Uni.combine().all().unis(days, months, records).asTuple().flatMap(parts -> {
                List<String> notes = new ArrayList<>();
                ConsolePages.note(notes, parts.getItem1(), msg().whatFiguresByDay());
                ConsolePages.note(notes, parts.getItem2(), msg().whatTrend());
                ConsolePages.note(notes, parts.getItem3(), msg().whatRecords());
                return page(Templates.item(viewer(), csrf(ctx), detail(employeeId, month, card, found,
                        days(parts.getItem1().body(), parts.getItem3().body(), metric, notes),
                        trend(parts.getItem2().body(), metric, month), notes, labels)));
            });
    }

    /**
     * The month's days with a figure or a record, oldest first: each day's figure from the daily trend and, under it,
     * the records behind it.
     */
    static List<Day> days(JsonNode trend, JsonNode records, String metric, List<String> notes) {
        java.util.TreeMap<String, List<Rec>> byDay = new java.util.TreeMap<>();
        int count = 0;
        for (JsonNode r : iterable(records)) {
            byDay.computeIfAbsent(r.path("day").asText(), d -> new ArrayList<>()).add(Rec.of(r));
            count++;
        }
        if (count >= RECORDS_SHOWN) {
            notes.add(msg().firstRecordsShown(RECORDS_SHOWN));
        }
        java.util.TreeMap<String, Day> list = new java.util.TreeMap<>();
        for (JsonNode point : trend == null ? List.<JsonNode>of() : iterable(trend.path("series"))) {
            JsonNode v = point.path("values").path(metric);
            String date = point.path("start").asText();
            if ((!v.isMissingNode() && !v.isNull()) || byDay.containsKey(date)) {
                list.put(date, new Day(date, MonthView.text(v, "value"), MonthView.text(v, "samples"),
                        byDay.getOrDefault(date, List.of())));
            }
        }
        byDay.forEach((date, recs) -> list.putIfAbsent(date, new Day(date, null, null, recs)));
        return new ArrayList<>(list.values());
    }

    private ItemDetail detail(String employeeId, YearMonth month, JsonNode card, JsonNode item, List<Day> days,
                              String trend, List<String> notes, TemplateLabels labels) {
        String code = item.path("itemCode").asText();
        // the item's label in the page's language when the template names it
        String name = labels.item(code).equals(code) ? MonthView.text(item, "itemName") : labels.item(code);
        Viewer viewer = viewer();
        boolean own = viewer != null && employeeId.equals(viewer.employeeId());
        return new ItemDetail(employeeId, month.toString(), item.path("itemCode").asText(),
                name, MonthView.text(item, "metricCode"), MonthView.text(item, "value"),
                MonthView.text(item, "samples"), MonthView.text(item, "points"), MonthView.text(item, "explanation"),
                own, card.path("id").asLong(), own && "PUBLISHED".equalsIgnoreCase(card.path("status").asText()),
                days, trend, notes);
    }

    /** The metric per month over the 12 months up to {@code month}, as the chart's JSON (periods, values). */
    static String trend(JsonNode report, String metric, YearMonth month) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        if (report != null) {
            for (JsonNode point : report.path("series")) {
                JsonNode v = point.path("values").path(metric);
                String start = point.path("start").asText();
                if (v.hasNonNull("value") && start.length() >= 7) {
                    values.put(start.substring(0, 7), MonthView.text(v, "value"));
                }
            }
        }
        List<String> periods = new ArrayList<>();
        List<String> series = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            String p = month.minusMonths(i).toString();
            periods.add(p);
            series.add(values.get(p));
        }
        return Charts.line(periods).series(metric, series).toString();
    }

    /**
     * The honors the agent won (all periods, newest first) and their eligibility on every ladder as of the month.
     * Either part the API refuses is left out with a note.
     */
    static Uni<Growth> growth(ServiceCalls calls, String employeeId, YearMonth month, String authorization,
                              String requestId) {
        String id = encode(employeeId);
        Uni<Part> honors = calls.get("incentive-service", "/api/v1/incentives/honors/history?employeeId=" + id
                + "&limit=100", authorization, requestId);
        Uni<Part> ladders = calls.get("incentive-service", "/api/v1/incentives/promotion/ladders?limit=20",
                authorization, requestId);
        return Uni.combine().all().unis(honors, ladders).asTuple().flatMap(parts -> {
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem1(), ConsoleKit.msg().whatHonors());
            ConsolePages.note(notes, parts.getItem2(), ConsoleKit.msg().whatLadders());
            List<Honor> list = new ArrayList<>();
            for (JsonNode h : parts.getItem1().body() == null ? List.<JsonNode>of()
                    : iterable(parts.getItem1().body())) {
                list.add(new Honor(MonthView.text(h, "period"), h.path("awardName").asText(h.path("awardCode")
                        .asText()), h.path("place").asInt(), MonthView.text(h, "reason")));
            }
            List<Uni<Part>> checks = new ArrayList<>();
            for (JsonNode ladder : parts.getItem2().body() == null ? List.<JsonNode>of()
                    : iterable(parts.getItem2().body())) {
                checks.add(calls.get("incentive-service", "/api/v1/incentives/promotion/eligibility/" + id
                        + "?ladderCode=" + encode(ladder.path("code").asText()) + "&asOf=" + month, authorization,
                        requestId));
            }
            if (checks.isEmpty()) {
                return Uni.createFrom().item(new Growth(list, List.of(), notes));
            }
            return Uni.join().all(checks).andCollectFailures().map(answers -> {
                List<Ladder> eligibility = new ArrayList<>();
                for (Part a : answers) {
                    ConsolePages.note(notes, a, ConsoleKit.msg().whatLadderCheck());
                    JsonNode e = a.body();
                    if (e == null) {
                        continue;
                    }
                    List<String> missing = new ArrayList<>();
                    e.path("rules").forEach(r -> {
                        if (!r.path("passed").asBoolean() && r.hasNonNull("missing")) {
                            missing.add(r.path("missing").asText());
                        }
                    });
                    eligibility.add(new Ladder(MonthView.text(e, "ladderCode"), MonthView.text(e, "currentPosition"),
                            MonthView.text(e, "nextPosition"), e.path("eligible").asBoolean(),
                            MonthView.text(e, "summary"), missing));
                }
                return new Growth(list, eligibility, notes);
            });
        });
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : node;
    }
}
