package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Answer;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.perfcenter.gateway.web.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Set;

/**
 * What the console's page classes beyond {@link ConsolePages} share: the signed-in person, their token on every call,
 * messages, and the answer to a form (back to the page on success, the API's own problem otherwise). Each page class
 * has its own path prefix, so that no two resource classes share one.
 */
abstract class ConsoleKit {

    static final Set<String> HR = Set.of("hr", "admin");

    final ServiceCalls calls;
    final SecurityIdentity identity;
    final Clock clock;

    ConsoleKit(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        this.calls = calls;
        this.identity = identity;
        this.clock = clock;
    }

    Viewer viewer() {
        return ConsolePages.viewer(identity);
    }

    boolean hasAny(Set<String> roles) {
        return identity != null && identity.getRoles().stream().anyMatch(roles::contains);
    }

    /** {@code period} as a month; blank: last month (the month the center works on); null when invalid. */
    YearMonth month(String period) {
        if (period == null || period.isBlank()) {
            return YearMonth.now(clock).minusMonths(1);
        }
        return ConsolePages.PERIOD.matcher(period).matches() ? YearMonth.parse(period) : null;
    }

    Uni<Part> get(String service, String pathAndQuery, RoutingContext ctx) {
        return calls.get(service, pathAndQuery, ConsolePages.authorization(ctx), RequestIds.of(ctx));
    }

    Uni<Answer> post(String service, String pathAndQuery, JsonNode body, RoutingContext ctx) {
        return calls.post(service, pathAndQuery, body, ConsolePages.authorization(ctx), RequestIds.of(ctx));
    }

    Uni<Answer> put(String service, String pathAndQuery, JsonNode body, RoutingContext ctx) {
        return calls.put(service, pathAndQuery, body, ConsolePages.authorization(ctx), RequestIds.of(ctx));
    }

    Uni<Response> page(TemplateInstance page) {
        return ConsolePages.html(200, page);
    }

    Uni<Response> message(int status, String title, String detail, RoutingContext ctx) {
        return ConsolePages.html(status, ConsolePages.Templates.message(viewer(), ConsolePages.csrf(ctx), title,
                detail));
    }

    Uni<Response> forged(RoutingContext ctx) {
        return message(403, msg().refused(), msg().forged(), ctx);
    }

    /** A page asked for with a period that is not a month. */
    Uni<Response> invalidPeriod(RoutingContext ctx) {
        return message(400, msg().invalidPeriod(), msg().periodFormat(), ctx);
    }

    /** hr's pages refuse everyone but hr and admin before any call (the API would refuse them too). */
    Uni<Response> notHr(RoutingContext ctx) {
        return message(403, msg().notAllowed(), msg().hrPagesOnly(), ctx);
    }

    /** A page the API refused or could not give: the same refusal as a page. */
    Uni<Response> refused(Part part, String what, RoutingContext ctx) {
        if (part.unavailable()) {
            return message(503, msg().unavailable(), msg().serviceUnavailable(part.service(), what), ctx);
        }
        boolean forbidden = part.note() != null && part.note().startsWith("403");
        boolean notFound = part.note() != null && part.note().startsWith("404");
        return message(forbidden ? 403 : notFound ? 404 : 400, forbidden ? msg().notAllowed() : notFound
                ? msg().notFound() : msg().refused(), forbidden ? msg().mayNotSee(what) : notFound
                ? msg().noSuchOrNotYours(what) : msg().apiRefused(what), ctx);
    }

    /** A form's outcome: back to {@code back} when the API took it, else the API's problem as a page. */
    Uni<Response> after(Answer answer, String back, String what, RoutingContext ctx) {
        if (answer.ok()) {
            return Uni.createFrom().item(Response.seeOther(URI.create(back)).build());
        }
        // a 502 with a problem is a refusal passed on (a service behind the one called rejected the request, e.g.
        // an award naming a metric the catalog does not have): its detail says what, unlike a service not answering
        boolean passedOn = answer.status() == 502 && answer.body() != null && answer.body().has("detail");
        if (answer.unavailable() && !passedOn) {
            return message(503, msg().unavailable(), msg().couldNotTake(what), ctx);
        }
        return message(answer.status(), msg().notDone(what), detail(answer.body(),
                msg().refusedStatus(answer.status())), ctx);
    }

    /** The console's messages in the request's language ({@link ConsoleLanguage}). */
    static ConsoleMessages msg() {
        return MessageBundles.get(ConsoleMessages.class,
                Localized.Literal.of(ConsoleLanguage.current().orElse(ConsoleLanguage.LANGUAGES.get(0))));
    }

    /** Whether the request's language is Chinese (for data the API gives in both, e.g. a metric's two names). */
    static boolean chinese() {
        return ConsoleLanguage.current().orElse("en").startsWith("zh");
    }

    /**
     * The label of a definition in the page's language (nameZh or nameEn, as HR gave them), else its {@code field}
     * (e.g. its one name), else the label in the other language.
     */
    static String label(JsonNode node, String field) {
        String zh = MonthView.text(node, "nameZh");
        String en = MonthView.text(node, "nameEn");
        String mine = chinese() ? zh : en;
        if (mine != null) {
            return mine;
        }
        String otherwise = field == null ? null : MonthView.text(node, field);
        return otherwise != null ? otherwise : chinese() ? en : zh;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static String pretty(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    /** A problem's detail (with the field it names), or its title. */
    static String detail(JsonNode problem, String otherwise) {
        if (problem == null) {
            return otherwise;
        }
        String detail = problem.path("detail").asText(problem.path("title").asText(otherwise));
        String field = problem.path("field").asText(null);
        return field == null || detail.contains(field) ? detail : field + ": " + detail;
    }

    static String csrf(RoutingContext ctx) {
        return ConsolePages.csrf(ctx);
    }

    static String encode(String value) {
        return ConsolePages.encode(value);
    }
}
