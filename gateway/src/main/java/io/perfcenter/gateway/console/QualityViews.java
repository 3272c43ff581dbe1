package io.perfcenter.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perfcenter.gateway.console.ConsolePages.Viewer;
import io.perfcenter.gateway.console.QualityView.AgentQuality;
import io.perfcenter.gateway.console.QualityView.Calibration;
import io.perfcenter.gateway.console.QualityView.CalibrationRow;
import io.perfcenter.gateway.console.QualityView.Mentoring;
import io.perfcenter.gateway.console.QualityView.Session;
import io.perfcenter.gateway.overview.ServiceCalls;
import io.perfcenter.gateway.overview.ServiceCalls.Part;
import io.quarkus.qute.CheckedTemplate;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The quality and coaching loop in the console: an agent's coaching sessions, improvement plans and QA evaluations
 * (from their month page), a coaching session's page (agenda from the weakest items, notes and agreed actions, both
 * parties' acknowledgement), QA calibration sessions (answer blind, then the spread) and a unit's mentorships. Every
 * call is made as the signed-in person, so the services decide who may see and do what; a refusal is shown as a page.
 */
@Path("/console/quality")
@Produces(MediaType.TEXT_HTML)
public class QualityViews extends ConsoleKit {

    /** Who calibrates: the roles the API lets list and answer calibration sessions. */
    static final Set<String> CALIBRATORS = Set.of("qa", "hr", "admin");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance quality(Viewer viewer, String csrf, AgentQuality quality);

        static native TemplateInstance coaching(Viewer viewer, String csrf, Session session);

        static native TemplateInstance calibrations(Viewer viewer, String csrf, List<CalibrationRow> sessions,
                                                    List<String> notes);

        static native TemplateInstance calibration(Viewer viewer, String csrf, Calibration session);

        static native TemplateInstance mentoring(Viewer viewer, String csrf, Mentoring mentoring);
    }

    QualityViews(ServiceCalls calls, SecurityIdentity identity, Clock clock) {
        super(calls, identity, clock);
    }

    private String me() {
        Viewer viewer = viewer();
        return viewer == null ? null : viewer.employeeId();
    }

    // ---- the agent's quality page ----

    @GET
    @Operation(hidden = true)
    @Path("agents/{employeeId}")
    public Uni<Response> agent(@PathParam("employeeId") String employeeId, @QueryParam("period") String period,
                               @Context RoutingContext ctx) {
        YearMonth month = month(period);
        if (month == null) {
            return invalidPeriod(ctx);
        }
        if (!ConsolePages.EMPLOYEE_ID.matcher(employeeId).matches()) {
            return message(400, msg().invalidEmployeeId(), msg().noSuchThing(employeeId), ctx);
        }
        String id = encode(employeeId);
        Uni<Part> person = get("metrics-service", "/api/v1/metrics/org/agents/" + id, ctx);
        Uni<Part> cards = get("scoring-service", "/api/v1/scoring/scorecards?employeeId=" + id + "&period=" + month
                + "&limit=100", ctx);
        Uni<Part> sessions = get("scoring-service", "/api/v1/scoring/coaching-sessions?employeeId=" + id
                + "&limit=1000", ctx);
        Uni<Part> plans = get("scoring-service", "/api/v1/scoring/improvement-plans?employeeId=" + id
                + "&limit=1000", ctx);
        Uni<Part> evaluations = get("metrics-service", "/api/v1/metrics/qa/evaluations?employeeId=" + id
                + "&period=" + month, ctx);
        return Uni.combine().all().unis(person, cards, sessions, plans, evaluations).asTuple().flatMap(parts -> {
            Part who = parts.getItem1();
            if (who.body() == null) {
                // the directory refuses the agent (not one the caller sees) or does not know them: so does the page
                if (who.unavailable()) {
                    return refused(who, msg().whatPerson(), ctx);
                }
                boolean forbidden = who.note() != null && who.note().startsWith("403");
                return message(forbidden ? 403 : 404, forbidden ? msg().notAllowed() : msg().notFound(),
                        msg().qualityNotYours(employeeId), ctx);
            }
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, parts.getItem2(), msg().whatScorecards());
            ConsolePages.note(notes, parts.getItem3(), msg().whatCoachingSessions());
            ConsolePages.note(notes, parts.getItem4(), msg().whatImprovementPlans());
            ConsolePages.note(notes, parts.getItem5(), msg().whatQaEvaluations());
            JsonNode card = MonthView.cardOf(parts.getItem2().body(), month.toString());
            Viewer viewer = viewer();
            boolean own = employeeId.equals(me());
            String status = card == null ? null : MonthView.text(card, "status");
            AgentQuality view = new AgentQuality(employeeId, MonthView.text(who.body(), "name"),
                    MonthView.text(who.body(), "unitCode"), month.toString(), month.minusMonths(1).toString(),
                    month.plusMonths(1).toString(), own, viewer != null && viewer.leads() && !own,
                    card == null ? null : card.path("id").asLong(), status, "PUBLISHED".equals(status),
                    QualityView.items(card), QualityView.sessions(parts.getItem3().body()),
                    QualityView.plans(parts.getItem4().body()), QualityView.evaluations(parts.getItem5().body()),
                    LocalDate.now(clock).toString(), notes);
            return page(Templates.quality(viewer, csrf(ctx), view));
        });
    }

    private static String agentPage(String employeeId, String period) {
        String month = period != null && ConsolePages.PERIOD.matcher(period.trim()).matches()
                ? "?period=" + period.trim() : "";
        return "/console/quality/agents/" + encode(employeeId == null ? "" : employeeId) + month;
    }

    // ---- coaching sessions ----

    /** Opens a coaching session on a scorecard and shows it (the API proposes the agenda). */
    @POST
    @Operation(hidden = true)
    @Path("coaching")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> openSession(@FormParam("scorecardId") String scorecardId,
                                     @FormParam("agendaSize") String agendaSize,
                                     @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        number(body, "scorecardId", scorecardId);
        if (QualityView.blank(agendaSize) != null) {
            number(body, "agendaSize", agendaSize);
        }
        return post("scoring-service", "/api/v1/scoring/coaching-sessions", body, ctx).flatMap(answer -> {
            String back = answer.ok() && answer.body() != null ? "/console/quality/coaching/"
                    + answer.body().path("id").asLong() : "/";
            return after(answer, back, msg().whatCoachingSession(), ctx);
        });
    }

    @GET
    @Operation(hidden = true)
    @Path("coaching/{id}")
    public Uni<Response> session(@PathParam("id") long id, @Context RoutingContext ctx) {
        return get("scoring-service", "/api/v1/scoring/coaching-sessions/" + id, ctx).flatMap(part -> {
            if (part.body() == null) {
                return refused(part, msg().whatCoachingSession(), ctx);
            }
            return page(Templates.coaching(viewer(), csrf(ctx), QualityView.session(part.body(), me(),
                    LocalDate.now(clock))));
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("coaching/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> notes(@PathParam("id") long id, @FormParam("notes") String notes,
                               @FormParam("actionText") List<String> texts,
                               @FormParam("actionOwner") List<String> owners,
                               @FormParam("actionDue") List<String> dues,
                               @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return put("scoring-service", "/api/v1/scoring/coaching-sessions/" + id + "/notes",
                QualityView.notesBody(notes, texts, owners, dues), ctx).flatMap(answer -> after(answer,
                "/console/quality/coaching/" + id, msg().whatCoachingNotes(), ctx));
    }

    @POST
    @Operation(hidden = true)
    @Path("coaching/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> acknowledgeSession(@PathParam("id") long id, @FormParam("comment") String comment,
                                            @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                            @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (QualityView.blank(comment) != null) {
            body.put("comment", QualityView.blank(comment));
        }
        return post("scoring-service", "/api/v1/scoring/coaching-sessions/" + id + "/acknowledgement", body, ctx)
                .flatMap(answer -> after(answer, "/console/quality/coaching/" + id, msg().whatAcknowledgement(),
                        ctx));
    }

    // ---- improvement plans ----

    @POST
    @Operation(hidden = true)
    @Path("plans")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createPlan(@FormParam("employeeId") String employeeId, @FormParam("unitCode") String unitCode,
                                    @FormParam("startDate") String startDate, @FormParam("dueDate") String dueDate,
                                    @FormParam("reason") String reason, @FormParam("scorecardId") String scorecardId,
                                    @FormParam("metricCode") String metricCode,
                                    @FormParam("comparison") String comparison, @FormParam("value") String value,
                                    @FormParam("window") String window, @FormParam("consecutive") String consecutive,
                                    @FormParam("period") String period,
                                    @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = QualityView.planBody(employeeId, unitCode, startDate, dueDate, reason, scorecardId,
                metricCode, comparison, value, window, consecutive);
        return post("scoring-service", "/api/v1/scoring/improvement-plans", body, ctx).flatMap(answer -> after(answer,
                agentPage(employeeId, period) + (answer.ok() && answer.body() != null ? "#plan-"
                        + answer.body().path("id").asLong() : ""), msg().whatImprovementPlan(), ctx));
    }

    @POST
    @Operation(hidden = true)
    @Path("plans/{id}/check-ins")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> checkIn(@PathParam("id") long id, @FormParam("note") String note,
                                 @FormParam("employeeId") String employeeId, @FormParam("period") String period,
                                 @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("note", QualityView.blank(note));
        return post("scoring-service", "/api/v1/scoring/improvement-plans/" + id + "/check-ins", body, ctx)
                .flatMap(answer -> after(answer, agentPage(employeeId, period) + "#plan-" + id, msg().whatCheckIn(),
                        ctx));
    }

    @POST
    @Operation(hidden = true)
    @Path("plans/{id}/evaluation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> evaluate(@PathParam("id") long id, @FormParam("employeeId") String employeeId,
                                  @FormParam("period") String period,
                                  @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("scoring-service", "/api/v1/scoring/improvement-plans/" + id + "/evaluation",
                JsonNodeFactory.instance.objectNode(), ctx).flatMap(answer -> after(answer,
                agentPage(employeeId, period) + "#plan-" + id, msg().whatEvaluation(), ctx));
    }

    @POST
    @Operation(hidden = true)
    @Path("plans/{id}/consequence")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> consequence(@PathParam("id") long id, @FormParam("kind") String kind,
                                     @FormParam("reason") String reason, @FormParam("extendedTo") String extendedTo,
                                     @FormParam("employeeId") String employeeId, @FormParam("period") String period,
                                     @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("scoring-service", "/api/v1/scoring/improvement-plans/" + id + "/consequence",
                QualityView.consequenceBody(kind, reason, extendedTo), ctx).flatMap(answer -> after(answer,
                agentPage(employeeId, period) + "#plan-" + id, msg().whatConsequence(), ctx));
    }

    // ---- QA evaluations: acknowledge or dispute ----

    @POST
    @Operation(hidden = true)
    @Path("qa/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> acknowledgeEvaluation(@PathParam("id") long id, @FormParam("comment") String comment,
                                               @FormParam("employeeId") String employeeId,
                                               @FormParam("period") String period,
                                               @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                               @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (QualityView.blank(comment) != null) {
            body.put("comment", QualityView.blank(comment));
        }
        return post("metrics-service", "/api/v1/metrics/qa/evaluations/" + id + "/acknowledgement", body, ctx)
                .flatMap(answer -> after(answer, agentPage(employeeId, period) + "#qa-" + id,
                        msg().whatAcknowledgement(), ctx));
    }

    /**
     * Disputes a QA evaluation: the appeal the API takes for it (kind DATA_POINT naming the evaluation as its record,
     * on the scorecard item that counts it), filed in scoring-service, which tells metrics-service.
     */
    @POST
    @Operation(hidden = true)
    @Path("qa/{id}/dispute")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> dispute(@PathParam("id") long id, @FormParam("scorecardId") String scorecardId,
                                 @FormParam("itemCode") String itemCode, @FormParam("reason") String reason,
                                 @FormParam("employeeId") String employeeId, @FormParam("period") String period,
                                 @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        number(body, "scorecardId", scorecardId);
        body.put("itemCode", QualityView.blank(itemCode));
        body.put("kind", "DATA_POINT");
        body.put("reason", QualityView.blank(reason));
        body.putObject("record").put("kind", "qa-evaluations").put("id", id);
        return post("scoring-service", "/api/v1/scoring/appeals", body, ctx).flatMap(answer -> after(answer,
                agentPage(employeeId, period) + "#qa-" + id, msg().whatAppeal(), ctx));
    }

    // ---- QA calibration ----

    @GET
    @Operation(hidden = true)
    @Path("calibrations")
    public Uni<Response> calibrations(@QueryParam("status") String status, @Context RoutingContext ctx) {
        if (!hasAny(CALIBRATORS)) {
            return message(403, msg().notAllowed(), msg().calibratorsOnly(), ctx);
        }
        String filter = "OPEN".equals(status) || "CLOSED".equals(status) ? "&status=" + status : "";
        return get("metrics-service", "/api/v1/metrics/qa/calibrations?limit=200" + filter, ctx).flatMap(part -> {
            if (part.body() == null) {
                return refused(part, msg().whatCalibrations(), ctx);
            }
            return page(Templates.calibrations(viewer(), csrf(ctx), QualityView.calibrations(part.body(), me()),
                    List.of()));
        });
    }

    /**
     * Opens a calibration session (the agent's call, the form version every evaluator uses, the evaluators) and shows
     * it; the API makes the caller its owner.
     */
    @POST
    @Operation(hidden = true)
    @Path("calibrations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> createCalibration(@FormParam("employeeId") String employeeId,
                                           @FormParam("contactExternalId") String contactExternalId,
                                           @FormParam("formCode") String formCode,
                                           @FormParam("formVersion") String formVersion,
                                           @FormParam("evaluators") String evaluators, @FormParam("note") String note,
                                           @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                           @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("metrics-service", "/api/v1/metrics/qa/calibrations", calibrationBody(employeeId,
                contactExternalId, formCode, formVersion, evaluators, note), ctx).flatMap(answer -> after(answer,
                answer.ok() && answer.body() != null ? "/console/quality/calibrations/"
                        + answer.body().path("id").asLong() : "/console/quality/calibrations",
                msg().whatCalibration(), ctx));
    }

    static ObjectNode calibrationBody(String employeeId, String contactExternalId, String formCode,
                                      String formVersion, String evaluators, String note) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("employeeId", QualityView.blank(employeeId));
        body.put("contactExternalId", QualityView.blank(contactExternalId));
        body.put("formCode", QualityView.blank(formCode));
        number(body, "formVersion", formVersion);
        QaViews.ids(body.putArray("evaluators"), evaluators);
        if (QualityView.blank(note) != null) {
            body.put("note", QualityView.blank(note));
        }
        return body;
    }

    @GET
    @Operation(hidden = true)
    @Path("calibrations/{id}")
    public Uni<Response> calibration(@PathParam("id") long id, @Context RoutingContext ctx) {
        if (!hasAny(CALIBRATORS)) {
            return message(403, msg().notAllowed(), msg().calibratorsOnly(), ctx);
        }
        return get("metrics-service", "/api/v1/metrics/qa/calibrations/" + id, ctx).flatMap(part -> {
            JsonNode s = part.body();
            if (s == null) {
                return refused(part, msg().whatCalibration(), ctx);
            }
            return get("metrics-service", "/api/v1/metrics/qa/forms/" + encode(s.path("formCode").asText())
                    + "/versions/" + s.path("formVersion").asInt(), ctx).flatMap(form -> {
                List<String> notes = new ArrayList<>();
                ConsolePages.note(notes, form, msg().whatQaForm());
                return page(Templates.calibration(viewer(), csrf(ctx), QualityView.calibration(s, form.body(), me(),
                        notes)));
            });
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("calibrations/{id}/answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> answer(@PathParam("id") long id, @FormParam("code") List<String> codes,
                                @FormParam("answer") List<String> answers,
                                @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return put("metrics-service", "/api/v1/metrics/qa/calibrations/" + id + "/answers",
                QualityView.answersBody(codes, answers), ctx).flatMap(answer -> after(answer,
                "/console/quality/calibrations/" + id + "#results", msg().whatCalibrationAnswers(), ctx));
    }

    @POST
    @Operation(hidden = true)
    @Path("calibrations/{id}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> close(@PathParam("id") long id, @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                               @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("metrics-service", "/api/v1/metrics/qa/calibrations/" + id + "/close", null, ctx)
                .flatMap(answer -> after(answer, "/console/quality/calibrations/" + id, msg().whatCalibration(),
                        ctx));
    }

    // ---- mentoring ----

    /**
     * A unit's mentorships: hr and admin read them all (and start and end them, as only they may); a leader reads
     * the mentees of each mentor in a unit they lead, with each one's result.
     */
    @GET
    @Operation(hidden = true)
    @Path("mentoring")
    public Uni<Response> mentoring(@QueryParam("unitCode") String unitCode, @Context RoutingContext ctx) {
        Viewer viewer = viewer();
        if (viewer == null || !viewer.leads()) {
            return message(403, msg().notAllowed(), msg().leadersOnly(), ctx);
        }
        boolean manages = hasAny(HR);
        String unit = unitCode != null && ConsolePages.EMPLOYEE_ID.matcher(unitCode.trim()).matches()
                ? unitCode.trim() : null;
        Uni<Part> units = manages ? get("metrics-service", "/api/v1/metrics/org/units?limit=500", ctx)
                : get("metrics-service", "/api/v1/metrics/org/my-units?limit=1000", ctx);
        return units.flatMap(unitList -> {
            List<String> notes = new ArrayList<>();
            ConsolePages.note(notes, unitList, msg().whatUnits());
            List<String> codes = new ArrayList<>();
            for (JsonNode u : QualityView.array(unitList.body())) {
                codes.add(u.isTextual() ? u.asText() : u.path("code").asText());
            }
            String chosen = unit != null ? unit : manages || codes.isEmpty() ? null : codes.get(0);
            Uni<Part> agents = chosen == null ? Uni.createFrom().item(new Part("metrics-service", null, false, null))
                    : get("metrics-service", "/api/v1/metrics/org/agents?unitCode=" + encode(chosen)
                    + "&limit=200", ctx);
            return agents.flatMap(people -> {
                ConsolePages.note(notes, people, msg().whatAgents());
                Set<String> members = new HashSet<>();
                for (JsonNode a : QualityView.array(people.body())) {
                    members.add(a.path("employeeId").asText());
                }
                if (manages) {
                    return get("metrics-service", "/api/v1/metrics/org/mentorships?limit=1000", ctx).flatMap(all -> {
                        ConsolePages.note(notes, all, msg().whatMentorships());
                        return page(Templates.mentoring(viewer, csrf(ctx), new Mentoring(codes, chosen, true,
                                QualityView.mentorships(QualityView.array(all.body()), chosen == null ? null
                                        : members), LocalDate.now(clock).toString(), notes)));
                    });
                }
                List<Uni<Part>> mentees = new ArrayList<>();
                members.stream().sorted().forEach(m -> mentees.add(get("metrics-service", "/api/v1/metrics/org/agents/"
                        + encode(m) + "/mentees", ctx)));
                Uni<List<Part>> all = mentees.isEmpty() ? Uni.createFrom().item(List.of())
                        : Uni.join().all(mentees).andCollectFailures();
                return all.flatMap(answers -> {
                    List<JsonNode> rows = new ArrayList<>();
                    for (Part p : answers) {
                        ConsolePages.note(notes, p, msg().whatMentorships());
                        if (p.body() != null) {
                            p.body().path("mentees").forEach(rows::add);
                        }
                    }
                    return page(Templates.mentoring(viewer, csrf(ctx), new Mentoring(codes, chosen, false,
                            QualityView.mentorships(rows, null), LocalDate.now(clock).toString(), notes)));
                });
            });
        });
    }

    @POST
    @Operation(hidden = true)
    @Path("mentoring")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> startMentorship(@FormParam("mentorId") String mentorId, @FormParam("menteeId") String menteeId,
                                         @FormParam("from") String from, @FormParam("to") String to,
                                         @FormParam("metricCode") String metricCode,
                                         @FormParam("atLeast") String atLeast, @FormParam("atMost") String atMost,
                                         @FormParam("note") String note, @FormParam("unitCode") String unitCode,
                                         @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf,
                                         @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("metrics-service", "/api/v1/metrics/org/mentorships", QualityView.mentorshipBody(mentorId,
                menteeId, from, to, metricCode, atLeast, atMost, note), ctx).flatMap(answer -> after(answer,
                mentoringPage(unitCode), msg().whatMentorship(), ctx));
    }

    @POST
    @Operation(hidden = true)
    @Path("mentoring/{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> endMentorship(@PathParam("id") long id, @FormParam("endedOn") String endedOn,
                                       @FormParam("withdrawn") String withdrawn, @FormParam("note") String note,
                                       @FormParam("unitCode") String unitCode,
                                       @FormParam(ConsoleRoutes.CSRF_FIELD) String csrf, @Context RoutingContext ctx) {
        if (!ConsolePages.sameOrigin(ctx, csrf)) {
            return forged(ctx);
        }
        return post("metrics-service", "/api/v1/metrics/org/mentorships/" + id + "/end", QualityView.endBody(endedOn,
                withdrawn != null && !withdrawn.isBlank(), note), ctx).flatMap(answer -> after(answer,
                mentoringPage(unitCode) + "#mentorship-" + id, msg().whatMentorship(), ctx));
    }

    private static String mentoringPage(String unitCode) {
        return unitCode == null || !ConsolePages.EMPLOYEE_ID.matcher(unitCode.trim()).matches()
                ? "/console/quality/mentoring" : "/console/quality/mentoring?unitCode=" + encode(unitCode.trim());
    }

    private static void number(ObjectNode body, String field, String value) {
        String v = QualityView.blank(value);
        if (v == null) {
            body.putNull(field);
        } else if (v.matches("\\d{1,18}")) {
            body.put(field, Long.parseLong(v));
        } else {
            body.put(field, v);
        }
    }
}
