package io.perfcenter.scoring.review;

import io.perfcenter.scoring.web.Page;
import jakarta.ws.rs.BeanParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;
import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.audit.AuditPayloads.EventView;
import io.perfcenter.scoring.review.ReviewPayloads.RatingInput;
import io.perfcenter.scoring.review.ReviewPayloads.RatingView;
import io.perfcenter.scoring.review.ReviewPayloads.ReviewEntry;
import io.perfcenter.scoring.review.ReviewPayloads.ReviewInput;
import io.perfcenter.scoring.review.ReviewPayloads.SelfAssessmentInput;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardPayloads.ScorecardView;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/scoring/reviews")
@Tag(name = "scoring: reviews", description = "Self-assessments, manual ratings (德能绩勤), supervisor reviews with "
        + "one-on-one feedback, and the audit trail of a scorecard")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Role does not allow this, or the caller sees the object but may "
        + "not do this to it (an object outside the caller's data scope answers 404, as an unknown one)")
public class ReviewResource {

    private final ReviewService reviews;
    private final ScorecardService scorecards;
    private final Caller caller;

    ReviewResource(ReviewService reviews, ScorecardService scorecards, Caller caller) {
        this.reviews = reviews;
        this.scorecards = scorecards;
        this.caller = caller;
    }

    /** The rated person reads their own scorecard: peer raters stay anonymous to them. */
    private boolean ratee(Scorecard card) {
        return caller.employeeId().filter(card.employeeId::equals).isPresent();
    }

    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listScorecardReviews", summary = "A run's scorecards and where each stands in the "
            + "review, without results",
            description = "Supervisors and managers see runs of the units they lead; agents the IN_REVIEW runs they "
                    + "are scored in, to rate their peers.")
    @APIResponse(responseCode = "200", description = "One entry per scorecard, by employee id", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "runId missing, or limit or offset invalid (problem names it)")
    @APIResponse(responseCode = "404", description = "No such run, or one outside the caller's scope (the same answer)")
    public RestResponse<List<ReviewEntry>> list(
            @Parameter(required = true, example = "12") @QueryParam("runId") Long runId, @BeanParam Page page) {
        if (runId == null) {
            throw io.perfcenter.scoring.web.Problems.invalid("runId", "is required");
        }
        return page.of(reviews.entries(runId));
    }

    @PUT
    @Path("/{scorecardId}/self-assessment")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    @Operation(operationId = "writeSelfAssessment", summary = "The agent's self-assessment of their own scorecard",
            description = "While the run is IN_REVIEW and before the supervisor's review; writing again replaces it. "
                    + "Self-ratings of manual-rating items recompute the scorecard.")
    @APIResponse(responseCode = "200", description = "The scorecard with its self-assessment")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such scorecard, or one the caller does not see (the same answer)")
    @APIResponse(responseCode = "409", description = "Not IN_REVIEW, or already reviewed")
    public ScorecardView selfAssess(@PathParam("scorecardId") long scorecardId,
                                    @NotNull SelfAssessmentInput input) {
        return ScorecardView.of(reviews.selfAssess(scorecardId, input));
    }

    @PUT
    @Path("/{scorecardId}/ratings")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER})
    @Operation(operationId = "rateScorecardItem", summary = "A supervisor's or peer's rating of a manual-rating item",
            description = "Supervisors and managers of the scorecard's unit rate as supervisor (COMPUTED or "
                    + "IN_REVIEW); agents scored in the same run rate as peer (IN_REVIEW). Rating again replaces "
                    + "one's rating. The scorecard is recomputed and the run re-ranked.")
    @APIResponse(responseCode = "200", description = "The rating as stored")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such scorecard, or one the caller does not see (the same answer)")
    @APIResponse(responseCode = "409", description = "The run is published already, or not open for peers yet")
    public RatingView rate(@PathParam("scorecardId") long scorecardId, @NotNull RatingInput input) {
        return RatingView.of(reviews.rate(scorecardId, input));
    }

    @POST
    @Path("/{scorecardId}")
    @RolesAllowed({Roles.SUPERVISOR, Roles.MANAGER})
    @Operation(operationId = "reviewScorecard", summary = "The supervisor's review, with one-on-one feedback notes",
            description = "By a supervisor or manager leading the scorecard's unit, never of their own scorecard, "
                    + "while the run is IN_REVIEW; reviewing again replaces it.")
    @APIResponse(responseCode = "200", description = "The scorecard with its review")
    @APIResponse(responseCode = "400", description = "Invalid field (problem names it)")
    @APIResponse(responseCode = "404", description = "No such scorecard, or one the caller does not see (the same answer)")
    @APIResponse(responseCode = "409", description = "Not IN_REVIEW")
    public ScorecardView review(@PathParam("scorecardId") long scorecardId, @NotNull ReviewInput input) {
        return ScorecardView.of(reviews.review(scorecardId, input));
    }

    @GET
    @Path("/{scorecardId}/ratings")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "listScorecardRatings", summary = "The manual ratings given on a scorecard",
            description = "Peer raters are anonymous to the rated agent: when the caller reads the ratings of their "
                    + "own scorecard, a peer rating comes without raterId (its scores and comment are shown). "
                    + "Supervisors, managers, hr and admin see every rater.")
    @APIResponse(responseCode = "200", description = "Ratings, oldest first (by id)", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    @APIResponse(responseCode = "404", description = "No such scorecard, or one the caller does not see (the same answer)")
    public RestResponse<List<RatingView>> ratings(@PathParam("scorecardId") long scorecardId,
                                                  @BeanParam Page page) {
        boolean anonymousPeers = ratee(scorecards.get(scorecardId));
        return page.of(reviews.ratings(scorecardId).stream()
                .map(r -> anonymousPeers && ReviewService.PEER.equals(r.raterRole) ? RatingView.anonymous(r)
                        : RatingView.of(r))
                .toList());
    }

    @GET
    @Path("/{scorecardId}/history")
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.HR, Roles.ADMIN})
    @Operation(operationId = "getScorecardHistory", summary = "A scorecard's audit trail: computed, self-assessed, "
            + "rated, reviewed, published, locked, appealed, adjusted — who and when")
    @APIResponse(responseCode = "200", description = "Events, oldest first (by id)", headers = {
            @Header(name = Page.LINK, description = Page.LINK_DOC, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = Page.TOTAL, description = Page.TOTAL_DOC, schema = @Schema(type = SchemaType.INTEGER))})
    @APIResponse(responseCode = "400", description = "limit or offset invalid (problem names it)")
    @APIResponse(responseCode = "404", description = "No such scorecard, or one the caller does not see (the same answer)")
    public RestResponse<List<EventView>> history(@PathParam("scorecardId") long scorecardId,
                                                 @BeanParam Page page) {
        Scorecard card = scorecards.get(scorecardId);
        boolean anonymousPeers = ratee(card);
        return page.of(AuditEvent.ofScorecard(card.id, card.runId).stream()
                .map(e -> anonymousPeers && ReviewService.isPeerRating(e) ? EventView.anonymous(e) : EventView.of(e))
                .toList());
    }
}
