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
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The center board (数据大屏): a full-screen page for a wall display that reloads itself every minute. Each group's
 * figures of the current month so far, the leaderboard of the scored month's totals and that month's honors, all as
 * the signed-in account may see them (sign the wall display in as someone who sees the whole center, e.g. hr).
 */
@Path("/console/board")
@Produces(MediaType.TEXT_HTML)
public class BoardView extends ConsoleKit {

    /** Seconds between reloads. */
    static final int REFRESH = 60;
    private static final int LEADERS = 10;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance board(Viewer viewer, String csrf, Board board);
    }

    @TemplateData
    public record Board(String period, String mtdFrom, String mtdTo, String updatedAt, int refresh,
                        List<GroupFigures.UnitFigures> groups, List<Leader> leaders, List<Winner> honors,
                        String chart, List<String> notes) {
    }

    @TemplateData
    public record Winner(String employeeId, String award, int place, String reason) {
    }

    @TemplateData
    public record Leader(int place, String employeeId, String unitCode, String total, String grade) {
    }

    BoardView(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> board(@QueryParam("period") String period, @Context RoutingContext ctx) {
        YearMonth month = month(period);
        if (month == null) {
            return invalidPeriod(ctx);
        }
        LocalDate today = LocalDate.now(clock);
        Uni<Part> units = get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx);
        Uni<Part> cards = get("scoring-service", "/api/v1/scoring/scorecards?period=" + month + "&limit=1000", ctx);
        Uni<Part> honors = get("incentive-service", "/api/v1/incentives/honors/history?period=" + month
                + "&limit=100", ctx);
        return Uni.combine().all().unis(units, cards, honors).asTuple().flatMap(parts -> {
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem1(), msg().whatGroups());
            ConsolePages.note(notes, parts.getItem2(), msg().whatScorecards());
            ConsolePages.note(notes, parts.getItem3(), msg().whatHonors());
            List<String> groups = new ArrayList<>();
            if (parts.getItem1().body() != null) {
                parts.getItem1().body().forEach(u -> {
                    if ("GROUP".equalsIgnoreCase(u.path("kind").asText())) {
                        groups.add(u.path("code").asText());
                    }
                });
            }
            List<Leader> leaders = leaders(parts.getItem2().body());
            List<Winner> won = new ArrayList<>();
            if (parts.getItem3().body() != null) {
                parts.getItem3().body().forEach(h -> won.add(new Winner(h.path("employeeId").asText(),
                        h.path("awardName").asText(h.path("awardCode").asText()), h.path("place").asInt(),
                        MonthView.text(h, "reason"))));
            }
            String chart = Charts.bar(leaders.stream().map(Leader::employeeId).toList())
                    .series(msg().seriesTotalOf(month.toString()), leaders.stream().map(Leader::total).toList()).toString();
            return GroupFigures.of(calls, groups, GroupFigures.metricsOf(parts.getItem2().body()), month, today,
                    ConsolePages.authorization(ctx),
                    io.perfcenter.gateway.web.RequestIds.of(ctx)).flatMap(figures -> {
                // the month-to-date part only: a group the account may not see is simply not on the board
                List<GroupFigures.UnitFigures> shown = figures.monthToDate();
                if (shown.isEmpty() && !groups.isEmpty()) {
                    notes.add(msg().noGroupVisible());
                }
                return page(Templates.board(viewer(), csrf(ctx), new Board(month.toString(),
                        figures.mtdFrom(), figures.mtdTo(), LocalDateTime.now(clock).withNano(0).toString()
                        .replace('T', ' '), REFRESH, shown, leaders, won, chart, notes)));
            });
        });
    }

    /** The month's current scorecards by total, best first (ties share the order the API gave). */
    static List<Leader> leaders(JsonNode cards) {
        List<JsonNode> list = new ArrayList<>();
        if (cards != null && cards.isArray()) {
            cards.forEach(c -> {
                if (c.hasNonNull("total") && !"SUPERSEDED".equalsIgnoreCase(c.path("status").asText())) {
                    list.add(c);
                }
            });
        }
        list.sort(Comparator.comparing((JsonNode c) -> c.path("total").decimalValue(),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder())));
        List<Leader> leaders = new ArrayList<>();
        for (int i = 0; i < Math.min(LEADERS, list.size()); i++) {
            JsonNode c = list.get(i);
            leaders.add(new Leader(i + 1, c.path("employeeId").asText(), MonthView.text(c, "unitCode"),
                    MonthView.text(c, "total"), MonthView.text(c, "grade")));
        }
        return leaders;
    }
}
