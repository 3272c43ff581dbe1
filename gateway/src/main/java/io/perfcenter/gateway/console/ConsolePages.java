package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.perfcenter.gateway.web.RequestIds;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console's pages, rendered on the server (Qute) from what the services answer the signed-in person: every call
 * carries their own bearer token (the session cookie, see {@link ConsoleRoutes}), so a page never shows more than
 * the API lets them see. Not part of any API document (every operation is hidden).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    static final Pattern PERIOD = Pattern.compile("\\d{4}-\\d{2}");
    static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Roles that lead units and see a group table. */
    private static final Set<String> LEADERS = Set.of("supervisor", "manager", "hr", "admin");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance signIn(Viewer viewer, String csrf, boolean local, List<SignIn.Person> people);

        static native TemplateInstance month(Viewer viewer, String csrf, MonthView month,
                                             EngageViews.MonthBlock engage);

        static native TemplateInstance group(Viewer viewer, String csrf, GroupView group, GroupFigures figures);

        static native TemplateInstance message(Viewer viewer, String csrf, String title, String detail);

        static native TemplateInstance signedIn(Viewer viewer, String csrf, String next);
    }

    /** The signed-in person, as the page header shows them. */
    @TemplateData
    public record Viewer(String name, String employeeId, String roles, boolean leads) {

        /** Whether the person has the role (the navigation shows the pages their roles can use). */
        public boolean has(String role) {
            return List.of(roles.split(",\\s*")).contains(role);
        }

        public boolean hr() {
            return has("hr") || has("admin");
        }

        /** Appeals are listed to agents (their own), leaders (their units') and reviewers. */
        public boolean seesAppeals() {
            return hr() || leads || has("agent") || has("appeals");
        }
    }

    private final ServiceCalls calls;
    private final SecurityIdentity identity;
    private final SignIn signIn;
    private final Clock clock;

    private final List<String> audiences;

    ConsolePages(ServiceCalls calls, SecurityIdentity identity, SignIn signIn, Clock clock,
                 @ConfigProperty(name = "quarkus.oidc.token.audience") Optional<List<String>> audiences) {
        this.calls = calls;
        this.identity = identity;
        this.signIn = signIn;
        this.clock = clock;
        this.audiences = audiences.orElse(List.of());
    }

    // ---- sign-in ----

    @GET
    @Operation(hidden = true)
    @Path("console/sign-in")
    public Uni<Response> signInPage(@Context RoutingContext ctx) {
        return html(200, Templates.signIn(null, csrf(ctx), signIn.local(), signIn.people()));
    }

    @POST
    @Operation(hidden = true)
    @Path("console/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signIn(@FormParam("person") String key, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                @Context RoutingContext ctx) {
        if (!signIn.local()) {
            return anonymousMessage(404, ConsoleKit.msg().notFound(), ConsoleKit.msg().localSignInOnly(), ctx);
        }
        if (!sameOrigin(ctx, csrf)) {
            return anonymousMessage(403, ConsoleKit.msg().refused(), ConsoleKit.msg().forged(), ctx);
        }
        var person = signIn.person(key == null ? "" : key);
        if (person.isEmpty()) {
            return anonymousMessage(400, ConsoleKit.msg().unknownPerson(), ConsoleKit.msg().choosePerson(), ctx);
        }
        if (person.get().expired()) {
            return anonymousMessage(409, ConsoleKit.msg().signInExpired(), ConsoleKit.msg().tokensExpired(), ctx);
        }
        ctx.response().addCookie(ConsoleRoutes.cookie(ctx, ConsoleRoutes.SESSION_COOKIE, person.get().token()));
        return Uni.createFrom().item(Response.seeOther(URI.create(ConsoleRoutes.next(ctx))).build());
    }

    /**
     * Signing in through the OIDC provider ({@link ConsoleTenant}): by the time this runs quarkus-oidc has sent the
     * browser to the provider and back (PKCE, state and nonce checked, code exchanged; an HTTP permission makes the
     * path authenticated) or refreshed the tokens it keeps. The provider's access token becomes the console's session
     * cookie, as a local sign-in's token does. The answer is a page that moves on to the console by itself: the
     * browser arrives here from the provider's site, and a SameSite=Strict cookie set now is only sent on the next
     * navigation started from this site.
     */
    @GET
    @Operation(hidden = true)
    @Path("console/sign-in/provider")
    public Uni<Response> signedInThroughProvider(@Context RoutingContext ctx) {
        if (signIn.local()) {
            return anonymousMessage(404, ConsoleKit.msg().notFound(), ConsoleKit.msg().noProvider(), ctx);
        }
        var credential = identity == null ? null : identity.getCredential(io.quarkus.oidc.AccessTokenCredential.class);
        if (credential == null || credential.getToken() == null) {
            return anonymousMessage(401, ConsoleKit.msg().notSignedIn(), ConsoleKit.msg().providerDidNotSignIn(), ctx);
        }
        if (!SignIn.forPerfCenter(credential.getToken(), audiences)) {
            return anonymousMessage(403, ConsoleKit.msg().notForPerfCenter(), ConsoleKit.msg().wrongAudience(String.valueOf(audiences)), ctx);
        }
        ctx.response().addCookie(ConsoleRoutes.cookie(ctx, ConsoleRoutes.SESSION_COOKIE, credential.getToken()));
        return html(200, Templates.signedIn(null, csrf(ctx), ConsoleRoutes.next(ctx)));
    }

    @POST
    @Operation(hidden = true)
    @Path("console/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> signOut(@FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!sameOrigin(ctx, csrf)) {
            return anonymousMessage(403, ConsoleKit.msg().refused(), ConsoleKit.msg().forged(), ctx);
        }
        ctx.response().addCookie(ConsoleRoutes.cookie(ctx, ConsoleRoutes.SESSION_COOKIE, "").setMaxAge(0));
        // with a provider, its session ends too: quarkus-oidc's logout path (ConsoleTenant) sends the browser to the
        // provider's end-session endpoint with the ID token it kept, and the provider back to the sign-in page
        boolean providerSession = !signIn.local() && ctx.request().cookies().stream()
                .anyMatch(c -> c.getName().startsWith("q_session_" + ConsoleTenant.TENANT));
        return Uni.createFrom().item(Response.seeOther(URI.create(providerSession ? ConsoleTenant.SIGN_OUT
                : ConsoleRoutes.SIGN_IN)).build());
    }

    // ---- the agent's month ----

    /** The signed-in person's own month. */
    @GET
    @Operation(hidden = true)
    public Uni<Response> myMonth(@QueryParam("period") String period, @Context RoutingContext ctx) {
        Viewer viewer = viewer();
        if (viewer.employeeId() == null) {
            return message(200, ConsoleKit.msg().noMonthToShow(), ConsoleKit.msg().noEmployeeId(), ctx);
        }
        return month(viewer.employeeId(), period, true, ctx);
    }

    /** An agent's month, as far as the API lets the signed-in person see it (a supervisor: their units' agents). */
    @GET
    @Operation(hidden = true)
    @Path("console/agents/{employeeId}")
    public Uni<Response> agentMonth(@PathParam("employeeId") String employeeId, @QueryParam("period") String period,
                                    @Context RoutingContext ctx) {
        if (!EMPLOYEE_ID.matcher(employeeId).matches()) {
            return message(400, ConsoleKit.msg().invalidEmployeeId(), ConsoleKit.msg().noSuchThing(employeeId), ctx);
        }
        return month(employeeId, period, employeeId.equals(viewer().employeeId()), ctx);
    }

    private Uni<Response> month(String employeeId, String period, boolean own, RoutingContext ctx) {
        YearMonth month = month(period);
        if (month == null) {
            return message(400, ConsoleKit.msg().invalidPeriod(), ConsoleKit.msg().periodFormat(), ctx);
        }
        String authorization = authorization(ctx);
        String requestId = RequestIds.of(ctx);
        String id = encode(employeeId);
        Uni<Part> person = calls.get("metrics-service", "/api/v1/metrics/org/agents/" + id, authorization, requestId);
        // every period at once (newest first): the month's card and the 12-month trend from one call
        Uni<Part> cards = calls.get("scoring-service", "/api/v1/scoring/scorecards?employeeId=" + id
                + "&limit=1000", authorization, requestId);
        Uni<Part> statements = calls.get("incentive-service", "/api/v1/incentives/statements?employeeId=" + id
                + "&period=" + month, authorization, requestId);
        return Uni.combine().all().unis(person, cards, statements).asTuple().flatMap(parts -> {
            Part who = parts.getItem1();
            JsonNode card = MonthView.cardOf(parts.getItem2().body(), month.toString());
            if (who.body() == null && card == null && !who.unavailable()) {
                // the API refused the person (not theirs to see) or does not know them: so does the page
                int status = who.note() != null && who.note().startsWith("403") ? 403 : 404;
                return message(status, status == 403 ? ConsoleKit.msg().notAllowed() : ConsoleKit.msg().notFound(),
                        ConsoleKit.msg().monthNotYours(employeeId), ctx);
            }
            Uni<Part> appeals = card == null ? Uni.createFrom().item(new Part("scoring-service", null, false, null))
                    : calls.get("scoring-service", "/api/v1/scoring/appeals?scorecardId=" + card.path("id").asLong()
                    + "&limit=1000", authorization, requestId);
            Uni<Part> run = card == null ? Uni.createFrom().item(new Part("scoring-service", null, false, null))
                    : calls.get("scoring-service", "/api/v1/scoring/runs/" + card.path("runId").asLong(),
                    authorization, requestId);
            Uni<AgentViews.Growth> growth = AgentViews.growth(calls, employeeId, month, authorization, requestId);
            Uni<EngageViews.MonthBlock> engage = EngageViews.monthBlock(calls, employeeId, month, own,
                    parts.getItem2().body(), authorization, requestId);
            Uni<TemplateLabels> labels = card == null ? Uni.createFrom().item(TemplateLabels.NONE)
                    : TemplateLabels.ofCards(calls, card, authorization, requestId);
            return Uni.combine().all().unis(appeals, run, growth, engage, labels).asTuple().flatMap(more -> {
                List<String> notes = new ArrayList<>();
                note(notes, who, ConsoleKit.msg().whatPerson());
                note(notes, parts.getItem2(), ConsoleKit.msg().whatScorecards());
                note(notes, parts.getItem3(), ConsoleKit.msg().whatPayStatements());
                note(notes, more.getItem1(), ConsoleKit.msg().whatAppeals());
                MonthView view = new MonthView(employeeId, MonthView.text(who.body(), "name"),
                        MonthView.text(who.body(), "unitCode"), month.toString(), month.minusMonths(1).toString(),
                        month.plusMonths(1).toString(), own, card == null ? null : MonthView.card(card,
                        more.getItem2().body(), more.getItem5()), card == null ? List.of()
                        : MonthView.items(card, more.getItem5()),
                        MonthView.trend(parts.getItem2().body(), month, MonthView.text(card, "templateCode")),
                        MonthView.statements(parts.getItem3().body()), MonthView.appeals(more.getItem1().body()),
                        notes, more.getItem3());
                return html(200, Templates.month(viewer(), csrf(ctx), view, more.getItem4()));
            });
        });
    }

    // ---- appeals ----

    @POST
    @Operation(hidden = true)
    @Path("console/appeals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> fileAppeal(@FormParam("scorecardId") Long scorecardId, @FormParam("itemCode") String itemCode,
                                    @FormParam("kind") String kind, @FormParam("reason") String reason,
                                    @FormParam("dataPoint") String dataPoint, @FormParam("period") String period,
                                    @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!sameOrigin(ctx, csrf)) {
            return forbiddenForm(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (scorecardId != null) {
            body.put("scorecardId", scorecardId);
        }
        body.put("itemCode", itemCode);
        body.put("kind", kind == null || kind.isBlank() ? "SCORE" : kind.toUpperCase(java.util.Locale.ROOT));
        body.put("reason", reason);
        if (dataPoint != null && !dataPoint.isBlank()) {
            body.put("dataPoint", dataPoint);
        }
        String back = "/" + (month(period) == null || period == null ? "" : "?period=" + month(period));
        return calls.post("scoring-service", "/api/v1/scoring/appeals", body, authorization(ctx), RequestIds.of(ctx))
                .flatMap(answer -> {
                    if (answer.ok()) {
                        return Uni.createFrom().item(Response.seeOther(URI.create(back + "#appeals")).build());
                    }
                    if (answer.unavailable()) {
                        return message(503, ConsoleKit.msg().unavailable(), ConsoleKit.msg().couldNotTake(ConsoleKit.msg().whatAppeal()), ctx);
                    }
                    String detail = ConsoleKit.detail(answer.body(), ConsoleKit.msg().refusedStatus(answer.status()));
                    return message(answer.status(), ConsoleKit.msg().notDone(ConsoleKit.msg().whatAppeal()), detail, ctx);
                });
    }

    // ---- the supervisor's group ----

    @GET
    @Operation(hidden = true)
    @Path("console/group")
    public Uni<Response> group(@QueryParam("period") String period, @Context RoutingContext ctx) {
        YearMonth month = month(period);
        if (month == null) {
            return message(400, ConsoleKit.msg().invalidPeriod(), ConsoleKit.msg().periodFormat(), ctx);
        }
        return calls.get("scoring-service", "/api/v1/scoring/scorecards?period=" + month + "&limit=1000",
                authorization(ctx), RequestIds.of(ctx)).flatMap(cards -> {
            List<String> notes = new ArrayList<>();
            note(notes, cards, ConsoleKit.msg().whatScorecards());
            GroupView view = GroupView.of(month.toString(), month.minusMonths(1).toString(),
                    month.plusMonths(1).toString(), cards.body(), notes);
            List<String> units = view.rows().stream().map(GroupView.Row::unitCode).filter(u -> u != null)
                    .distinct().sorted().toList();
            Uni<GroupFigures> figuresOf = GroupFigures.of(calls, units, GroupFigures.metricsOf(cards.body()), month,
                    java.time.LocalDate.now(clock), authorization(ctx), RequestIds.of(ctx));
            Uni<TemplateLabels> labels = TemplateLabels.ofCards(calls, view.current(), authorization(ctx),
                    RequestIds.of(ctx));
            return Uni.combine().all().unis(figuresOf, labels).asTuple().flatMap(both -> {
                GroupFigures figures = both.getItem1();
                notes.addAll(figures.notes());
                return html(200, Templates.group(viewer(), csrf(ctx), view.labelled(both.getItem2()), figures));
            });
        });
    }

    // ---- helpers ----

    private YearMonth month(String period) {
        if (period == null || period.isBlank()) {
            return YearMonth.now(clock).minusMonths(1);
        }
        return PERIOD.matcher(period).matches() ? YearMonth.parse(period) : null;
    }

    static void note(List<String> notes, Part part, String what) {
        if (part.unavailable()) {
            notes.add(ConsoleKit.msg().serviceUnavailable(part.service(), what));
        } else if (part.note() != null) {
            notes.add(part.note().startsWith("403") ? ConsoleKit.msg().notYoursToSee(what)
                    : ConsoleKit.msg().couldNotRead(what, part.note()));
        }
    }

    private Viewer viewer() {
        return viewer(identity);
    }

    /** The signed-in person as the pages show them; null when nobody is signed in. */
    static Viewer viewer(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String employeeId = null;
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim("employee_id");
            employeeId = claim instanceof JsonString s ? s.getString() : claim == null ? null : claim.toString();
            Object preferred = token.getClaim("preferred_username");
            if (preferred != null) {
                name = preferred instanceof JsonString s ? s.getString() : preferred.toString();
            }
        }
        boolean leads = identity.getRoles().stream().anyMatch(LEADERS::contains);
        return new Viewer(name, employeeId, String.join(", ", identity.getRoles()), leads);
    }

    /** The signed-in person's bearer token, as {@link ConsoleRoutes} put it from the session cookie. */
    static String authorization(RoutingContext ctx) {
        return ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    }

    static String csrf(RoutingContext ctx) {
        return ctx.get(ConsoleRoutes.CSRF_KEY);
    }

    /**
     * A form post is taken only from the console's own pages: the browser's Origin (or, without one, Referer) is this
     * host, and the posted CSRF token equals the browser's CSRF cookie.
     */
    static boolean sameOrigin(RoutingContext ctx, String csrf) {
        Cookie cookie = ctx.request().getCookie(ConsoleRoutes.CSRF_COOKIE);
        if (cookie == null || csrf == null || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                csrf.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        String origin = ctx.request().getHeader("Origin");
        if (origin == null) {
            origin = ctx.request().getHeader("Referer");
        }
        if (origin == null) {
            return true; // SameSite=Strict cookies and the token above already keep other sites out
        }
        String host = ctx.request().getHeader("X-Forwarded-Host");
        if (host == null) {
            host = ctx.request().authority() == null ? ctx.request().host() : ctx.request().authority().toString();
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && host.equalsIgnoreCase(authority);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }


    private Uni<Response> forbiddenForm(RoutingContext ctx) {
        return message(403, ConsoleKit.msg().refused(), ConsoleKit.msg().forged(), ctx);
    }

    /** A message on the sign-in and sign-out paths, where nobody has been authenticated. */
    private static Uni<Response> anonymousMessage(int status, String title, String detail, RoutingContext ctx) {
        return html(status, Templates.message(null, csrf(ctx), title, detail));
    }

    private Uni<Response> message(int status, String title, String detail, RoutingContext ctx) {
        return html(status, Templates.message(viewer(), csrf(ctx), title, detail));
    }

    static Uni<Response> html(int status, TemplateInstance page) {
        return page.createUni().map(html -> Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html).build());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
