package io.perfcenter.scoring.review;

import io.perfcenter.scoring.audit.AuditEvent;
import io.perfcenter.scoring.review.ReviewPayloads.RatingInput;
import io.perfcenter.scoring.review.ReviewPayloads.ReviewInput;
import io.perfcenter.scoring.review.ReviewPayloads.SelfAssessmentInput;
import io.perfcenter.scoring.rule.Explanation;
import io.perfcenter.scoring.rule.ManualRatingRule;
import io.perfcenter.scoring.run.ScorecardRecompute;
import io.perfcenter.scoring.run.ScorecardRun;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardService;
import io.perfcenter.scoring.security.Caller;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.security.Roles;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateItem;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The review stage of a run: the agent's self-assessment (with self-ratings), supervisors' and peers' manual
 * ratings, and the supervisor's review with comments and one-on-one feedback notes. Each step is audited, each
 * rating recomputes the scorecard and re-ranks the run. Who may do what: the agent writes only their own
 * self-assessment; a supervisor or manager rates and reviews scorecards of the units they lead, never their own; a
 * peer is another agent scored in the same run.
 */
@ApplicationScoped
public class ReviewService {

    /** The rater role of a peer rating. */
    public static final String PEER = "peer";
    private static final String RATED = "RATED";

    /** The center's clock (zone perfcenter.time-zone); tests may replace it. */
    @jakarta.inject.Inject
    java.time.Clock clock;

    private final Caller caller;
    private final DataScope scope;
    private final ScorecardRecompute recompute;
    private final ScorecardService scorecards;

    ReviewService(Caller caller, DataScope scope, ScorecardRecompute recompute, ScorecardService scorecards) {
        this.caller = caller;
        this.scope = scope;
        this.recompute = recompute;
        this.scorecards = scorecards;
    }

    /**
     * Whether the caller knows the scorecard exists: they see it (see {@link ScorecardService#visible}) or are a
     * peer, scored in the same run while it is IN_REVIEW. A write on a scorecard the caller does not know answers 404
     * exactly as an unknown id; a write the caller may not make on one they know answers 403.
     */
    private void requireKnown(Scorecard card) {
        if (!scorecards.visible(card) && !peerIn(ScorecardRun.findById(card.runId))) {
            throw Problems.notFound("Scorecard", card.id);
        }
    }

    /** The caller is an agent scored in the run, and the run is open for review (they may rate their peers). */
    private boolean peerIn(ScorecardRun run) {
        return run.status == ScorecardRun.Status.IN_REVIEW && caller.employeeId()
                .map(me -> Scorecard.count("runId = ?1 and employeeId = ?2", run.id, me) > 0).orElse(false);
    }

    @Transactional
    public Scorecard selfAssess(long id, SelfAssessmentInput input) {
        Scorecard card = card(id);
        requireKnown(card);
        if (caller.employeeId().filter(card.employeeId::equals).isEmpty()) {
            throw Problems.outOfScope("Only " + card.employeeId + " writes the self-assessment of scorecard " + id);
        }
        if (card.status != Scorecard.Status.IN_REVIEW) {
            throw Problems.conflict("Scorecard " + id + " is " + card.status + "; self-assessments are written while "
                    + "it is IN_REVIEW");
        }
        if (card.reviewedAt != null) {
            throw Problems.conflict("Scorecard " + id + " was reviewed already; the self-assessment is closed");
        }
        if (input.summary() == null || input.summary().isBlank()) {
            throw Problems.invalid("summary", "is required");
        }
        ScorecardTemplate template = template(card);
        Map<String, Map<String, BigDecimal>> ratings = input.ratings() == null ? Map.of() : input.ratings();
        ratings.forEach((itemCode, scores) -> {
            ManualRatingRule rule = manualRating(template, itemCode, "ratings." + itemCode);
            if (!rule.rates("self")) {
                throw Problems.invalid("ratings." + itemCode, "item " + itemCode + " counts no self rating");
            }
            checkScores(rule, scores, "ratings." + itemCode);
            upsert(card.id, itemCode, "self", card.employeeId, scores, null);
        });
        card.selfAssessment = input.summary().strip();
        card.selfAssessedAt = OffsetDateTime.now(clock);
        AuditEvent.record(card.runId, card.id, null, "SELF_ASSESSED", caller.name(), ratings.isEmpty() ? null
                : Explanation.of("self-rated " + String.join(", ", ratings.keySet()),
                "自评了 " + String.join("、", ratings.keySet())));
        if (!ratings.isEmpty()) {
            recompute.recompute(card, recompute.inputsOf(card.id));
        }
        Hibernate.initialize(card.items);
        return card;
    }

    @Transactional
    public Rating rate(long scorecardId, RatingInput input) {
        Scorecard card = card(scorecardId);
        requireKnown(card);
        long runId = card.runId;
        ScorecardRun run = ScorecardRun.findById(runId);
        if (run.status != ScorecardRun.Status.COMPUTED && run.status != ScorecardRun.Status.IN_REVIEW) {
            throw Problems.conflict("Run " + runId + " is " + run.status + "; ratings are given before publishing");
        }
        ScorecardTemplate template = ScorecardTemplate.findById(run.templateId);
        ManualRatingRule rule = manualRating(template, input.itemCode(), "itemCode");
        String role = input.role();
        if (!"supervisor".equals(role) && !"peer".equals(role)) {
            throw Problems.invalid("role", "must be supervisor or peer (the agent rates themself in the "
                    + "self-assessment)");
        }
        if (!rule.rates(role)) {
            throw Problems.invalid("role", "item " + input.itemCode() + " counts no " + role + " rating");
        }
        String me = caller.name();
        if (me.equals(card.employeeId)) {
            throw Problems.outOfScope("Nobody rates their own scorecard here; use the self-assessment");
        }
        if (role.equals("supervisor")) {
            if (!(caller.has(Roles.SUPERVISOR) || caller.has(Roles.MANAGER))
                    || !scope.visibility().seesUnit(run.unitCode)) {
                throw Problems.outOfScope("Only a supervisor or manager leading " + run.unitCode + " gives the "
                        + "supervisor rating");
            }
        } else {
            if (!caller.has(Roles.AGENT) || Scorecard.count("runId = ?1 and employeeId = ?2", runId, me) == 0) {
                throw Problems.outOfScope("Peer ratings come from agents scored in the same run");
            }
            if (run.status != ScorecardRun.Status.IN_REVIEW) {
                throw Problems.conflict("Run " + runId + " is not open for review yet; peers rate while it is "
                        + "IN_REVIEW");
            }
        }
        checkScores(rule, input.scores(), "scores");
        Rating rating = upsert(card.id, input.itemCode(), role, me, input.scores(), input.comment());
        // the English detail tells a peer's rating apart (isPeerRating)
        AuditEvent.record(run.id, card.id, null, RATED, me, Explanation.of(role + " rating of " + input.itemCode(),
                (PEER.equals(role) ? "同事" : "主管") + "对 " + input.itemCode() + " 的评分"));
        recompute.recompute(card, recompute.inputsOf(card.id));
        return rating;
    }

    @Transactional
    public Scorecard review(long id, ReviewInput input) {
        Scorecard card = card(id);
        requireKnown(card);
        if (caller.employeeId().filter(card.employeeId::equals).isPresent()) {
            throw Problems.outOfScope("Nobody reviews their own scorecard");
        }
        if (!scope.visibility().seesUnit(card.unitCode)) {
            throw Problems.outOfScope("Scorecard " + id + " is of unit " + card.unitCode + ", which you do not lead");
        }
        if (card.status != Scorecard.Status.IN_REVIEW) {
            throw Problems.conflict("Scorecard " + id + " is " + card.status + "; reviews are written while it is "
                    + "IN_REVIEW");
        }
        if (input.comments() == null || input.comments().isBlank()) {
            throw Problems.invalid("comments", "is required");
        }
        card.reviewComments = input.comments().strip();
        card.feedbackNotes = input.feedbackNotes() == null ? null : input.feedbackNotes().strip();
        card.reviewedBy = caller.name();
        card.reviewedAt = OffsetDateTime.now(clock);
        AuditEvent.record(card.runId, card.id, null, "REVIEWED", caller.name(), card.feedbackNotes == null ? null
                : Explanation.of("with one-on-one feedback notes", "附一对一反馈记录"));
        Hibernate.initialize(card.items);
        return card;
    }

    /** A peer's rating in the audit trail (its actor is the peer, anonymous to the rated agent). */
    public static boolean isPeerRating(AuditEvent event) {
        return RATED.equals(event.action) && event.detail != null && event.detail.startsWith(PEER + " ");
    }

    public List<Rating> ratings(long scorecardId) {
        return Rating.list("scorecardId = ?1 order by id", scorecardId);
    }

    /**
     * Scorecards of a run and where they stand in the review, without results: hr and admin see all, supervisors
     * and managers those of units they lead, agents those of an IN_REVIEW run they are scored in (their peers).
     */
    public List<ReviewPayloads.ReviewEntry> entries(long runId) {
        ScorecardRun run = ScorecardRun.<ScorecardRun>findByIdOptional(runId)
                .orElseThrow(() -> Problems.notFound("Run", runId));
        if (!scope.visibility().seesUnit(run.unitCode) && !peerIn(run)) {
            // out of scope answers exactly as an unknown id, so that ids cannot be probed
            throw Problems.notFound("Run", runId);
        }
        return Scorecard.<Scorecard>list("runId = ?1 order by employeeId", runId).stream()
                .map(s -> new ReviewPayloads.ReviewEntry(s.id, s.runId, s.employeeId, s.unitCode, s.period,
                        s.templateCode, s.status.name(), s.selfAssessedAt, s.reviewedBy, s.reviewedAt))
                .toList();
    }

    private static Scorecard card(long id) {
        return Scorecard.<Scorecard>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> Problems.notFound("Scorecard", id));
    }

    private static ScorecardTemplate template(Scorecard card) {
        ScorecardRun run = ScorecardRun.findById(card.runId);
        return ScorecardTemplate.findById(run.templateId);
    }

    private static ManualRatingRule manualRating(ScorecardTemplate template, String itemCode, String field) {
        if (itemCode == null || itemCode.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        TemplateItem item = template.item(itemCode)
                .orElseThrow(() -> Problems.invalid(field, "template " + template.code + " has no item " + itemCode));
        if (!(item.rule() instanceof ManualRatingRule rule)) {
            throw Problems.invalid(field, "item " + itemCode + " is not a manual rating");
        }
        return rule;
    }

    private static void checkScores(ManualRatingRule rule, Map<String, BigDecimal> scores, String field) {
        if (scores == null || scores.isEmpty()) {
            throw Problems.invalid(field, "rate every dimension");
        }
        String problem = rule.checkScores(scores);
        if (problem != null) {
            throw Problems.invalid(field, problem);
        }
    }

    private Rating upsert(long scorecardId, String itemCode, String role, String raterId,
                          Map<String, BigDecimal> scores, String comment) {
        Rating rating = Rating.<Rating>find("scorecardId = ?1 and itemCode = ?2 and raterRole = ?3 and raterId = ?4",
                scorecardId, itemCode, role, raterId).firstResultOptional().orElseGet(Rating::new);
        rating.scorecardId = scorecardId;
        rating.itemCode = itemCode;
        rating.raterRole = role;
        rating.raterId = raterId;
        rating.scores = Map.copyOf(scores);
        rating.comment = comment;
        rating.ratedAt = OffsetDateTime.now(clock);
        rating.persist();
        return rating;
    }
}
