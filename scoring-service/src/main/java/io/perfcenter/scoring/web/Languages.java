package io.perfcenter.scoring.web;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.Map;
import java.util.Set;

/**
 * The language of the explanations a response carries (a scorecard's items and total, a coaching agenda's items): the
 * scorecard keeps each in English and Simplified Chinese, and the operations in {@link #EXPLAINED} answer Chinese when
 * the most preferred language of {@code Accept-Language} is any {@code zh} (zh-CN, zh, zh-Hans-CN, zh-TW …), English
 * otherwise (none, en, anything else), as problem titles do ({@link ProblemTypes}). They say which in
 * {@code Content-Language} (zh-CN or en) with {@code Vary: Accept-Language}; field names do not change. A scorecard
 * computed before the Chinese was kept (migration V10) has only English: it answers that, whatever is asked, and
 * {@code Content-Language} says en (or "zh-CN, en" when an answer mixes such scorecards with newer ones).
 * The OpenAPI document says so on each of these operations ({@link ExplanationLanguageDocs}).
 *
 * <p>The other texts the service writes itself (a coaching agenda's basis, an improvement plan's evaluation, an audit
 * event's detail, the record an appeal disputes as the service names it) are kept the same way since V12 and answered
 * the same way by the operations in {@link #WORDED}, with {@code Content-Language}; their documents take the same
 * {@code Accept-Language} parameter as the explained ones (since session 14: clients generated before gain an
 * argument) and name the texts in the operation's description. What people wrote (reasons, notes, comments) is
 * answered as written.
 */
public class Languages {

    public static final String ZH = "zh-CN";
    public static final String EN = "en";

    /** The operations whose answers carry explanations, by operationId. */
    public static final Set<String> EXPLAINED = Set.of("listScorecards", "getScorecard", "writeSelfAssessment",
            "reviewScorecard", "computeScoringRun", "previewScoringRun", "getScoringRun", "openScoringRunReview",
            "publishScoringRun", "lockScoringRun", "openCoachingSession", "listCoachingSessions",
            "getCoachingSession", "recordCoachingNotes", "acknowledgeCoachingSession");

    private static final String PLAN_TEXTS = "the evaluation's explanation and each goal's";
    private static final String APPEAL_TEXTS = "dataPoint, when the service names the disputed record";

    /**
     * The operations whose answers carry other texts the service writes, by operationId, with the texts their
     * description names (those of {@link #EXPLAINED} carry some too: the coaching agenda's basis).
     */
    public static final Map<String, String> WORDED = Map.ofEntries(
            Map.entry("getScorecardHistory", "each event's detail"),
            Map.entry("getScoringRunHistory", "each event's detail"),
            Map.entry("createImprovementPlan", PLAN_TEXTS), Map.entry("listImprovementPlans", PLAN_TEXTS),
            Map.entry("getImprovementPlan", PLAN_TEXTS), Map.entry("addImprovementPlanCheckIn", PLAN_TEXTS),
            Map.entry("evaluateImprovementPlan", PLAN_TEXTS), Map.entry("recordImprovementPlanConsequence", PLAN_TEXTS),
            Map.entry("fileAppeal", APPEAL_TEXTS), Map.entry("listAppeals", APPEAL_TEXTS),
            Map.entry("getAppeal", APPEAL_TEXTS), Map.entry("escalateAppeal", APPEAL_TEXTS),
            Map.entry("decideAppeal", APPEAL_TEXTS));

    static final String WORDED_DOC = "Texts the service writes itself (%s) follow Accept-Language, as "
            + "Content-Language says; what people wrote is answered as written.";

    /**
     * The description of the {@code Accept-Language} parameter, the same in every service's document (incentive's
     * {@code web/Language}), so the merged document declares one parameter one way.
     */
    static final String ACCEPT_DOC = "The language of the texts the service writes in the answer (explanations, "
            + "reasons, details): a most preferred zh (zh-CN, zh, zh-Hans-CN …) answers Simplified Chinese, anything "
            + "else (or none) English, as Content-Language says. Texts stored before their Chinese was kept are "
            + "answered in English; what people wrote is answered as written.";
    static final String CONTENT_DOC = "The language of the explanations and other texts the service wrote in the "
            + "body: zh-CN or en; en also when Chinese was asked for texts stored before the Chinese was kept, and "
            + "\"zh-CN, en\" when only some of them were";

    /** Which languages the explanations of the current answer were given in, kept on the request. */
    private static final String SHOWN_ZH = "perfcenter.explanations.zh";
    private static final String SHOWN_EN = "perfcenter.explanations.en";

    /**
     * The explanation to show for a stored pair: the Chinese when the request asks for it and it is there, else the
     * English; remembered for {@code Content-Language}. Null stays null (an item without an explanation).
     */
    public static String explain(String en, String zh) {
        if (en == null && zh == null) {
            return null;
        }
        RoutingContext routing = current();
        boolean chinese = routing != null
                && ProblemTypes.prefersChinese(routing.request().getHeader("Accept-Language"));
        boolean inChinese = chinese && zh != null;
        if (routing != null) {
            routing.put(inChinese ? SHOWN_ZH : SHOWN_EN, Boolean.TRUE);
        }
        return inChinese ? zh : en;
    }

    private static RoutingContext current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        CurrentVertxRequest request = Arc.container().instance(CurrentVertxRequest.class).get();
        return request == null ? null : request.getCurrent();
    }

    /** Content-Language and Vary on the answers of the operations that carry explanations (problems say their own). */
    @ServerResponseFilter
    public void contentLanguage(ContainerRequestContext request, ContainerResponseContext response,
                                ResourceInfo resource, RoutingContext routing) {
        if (resource == null || resource.getResourceMethod() == null || response.getStatus() >= 300) {
            return;
        }
        var operation = resource.getResourceMethod()
                .getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
        if (operation != null && (EXPLAINED.contains(operation.operationId())
                || WORDED.containsKey(operation.operationId()))) {
            boolean chinese = ProblemTypes.prefersChinese(request.getHeaderString("Accept-Language"));
            boolean zhShown = routing != null && routing.get(SHOWN_ZH) != null;
            boolean enShown = routing != null && routing.get(SHOWN_EN) != null;
            // Chinese asked: zh-CN, or "zh-CN, en" when some texts had no Chinese (stored before V10 or V12), or
            // en when none had; an answer without explanations says what it would have given
            String language = !chinese || (enShown && !zhShown) ? EN : enShown ? ZH + ", " + EN : ZH;
            response.getHeaders().putSingle("Content-Language", language);
            response.getHeaders().add("Vary", "Accept-Language");
        }
    }
}
