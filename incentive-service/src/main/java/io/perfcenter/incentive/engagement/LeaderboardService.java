package io.perfcenter.incentive.engagement;

import com.fasterxml.jackson.core.type.TypeReference;
import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.client.OrgPerson;
import io.perfcenter.incentive.client.ReadAs;
import io.perfcenter.incentive.client.Scorecard;
import io.perfcenter.incentive.client.ScoringClient;
import io.perfcenter.incentive.engagement.EngagementPayloads.Direction;
import io.perfcenter.incentive.engagement.EngagementPayloads.FreezeInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.LeaderboardView;
import io.perfcenter.incentive.engagement.EngagementPayloads.Names;
import io.perfcenter.incentive.engagement.EngagementPayloads.PolicyInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.PolicyView;
import io.perfcenter.incentive.engagement.EngagementPayloads.SnapshotView;
import io.perfcenter.incentive.engagement.EngagementPayloads.ViewKind;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.section.SectionChecks;
import io.perfcenter.incentive.store.Json;
import io.perfcenter.incentive.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Leaderboards of a unit and a period on the published scorecard total ({@code score}) or a metric (metrics-service's
 * aggregates with their sample counts), read as incentive-service after the caller's scope is settled; each center's
 * policy says how agents see them; hr or admin freeze a board when its period closes, and later reads show the
 * frozen standings.
 */
@ApplicationScoped
public class LeaderboardService {

    public static final String SCORE = "score";
    static final int DEFAULT_TOP_N = 10;

    /** A center's policy, or the default (top 10, names anonymised, no minimum of samples). */
    public record Policy(String centerCode, int topN, Names names, Map<String, Integer> minSamples,
                         boolean defaultPolicy, OffsetDateTime updatedAt, String updatedBy) {

        static Policy defaultFor(String centerCode) {
            return new Policy(centerCode, DEFAULT_TOP_N, Names.ANONYMISED, Map.of(), true, null, null);
        }

        long minSamplesOf(String measure) {
            Integer min = minSamples.get(measure);
            return min == null ? 0 : min;
        }

        PolicyView view() {
            return new PolicyView(centerCode, topN, names, minSamples, defaultPolicy, updatedAt, updatedBy);
        }
    }

    /** A frozen board, and whether this call froze it (201) or found it frozen before (200). */
    public record Frozen(LeaderboardView board, boolean created) {
    }

    private static final TypeReference<Map<String, Integer>> MIN_SAMPLES = new TypeReference<>() {
    };

    @Inject
    Clock clock;

    private final ScoringClient scoring;
    private final MetricsClient metrics;
    private final EngagementScope scope;
    private final int minGroupSize;

    LeaderboardService(ScoringClient scoring, MetricsClient metrics, EngagementScope scope,
                       @ConfigProperty(name = "perfcenter.privacy.min-group-size", defaultValue = "3")
                       int minGroupSize) {
        this.scoring = scoring;
        this.metrics = metrics;
        this.scope = scope;
        this.minGroupSize = minGroupSize;
    }

    // ---- policy ----

    @Transactional
    public Policy policy(String centerCode) {
        checkCode("centerCode", centerCode);
        LeaderboardPolicy p = LeaderboardPolicy.findById(centerCode);
        return p == null ? Policy.defaultFor(centerCode) : of(p);
    }

    @Transactional
    public Policy setPolicy(String centerCode, PolicyInput in, String by) {
        checkCode("centerCode", centerCode);
        if (in == null) {
            throw Problems.invalid("body", "is required");
        }
        if (in.topN() == null) {
            throw Problems.invalid("topN", "is required");
        }
        if (in.topN() < 1 || in.topN() > 1000) {
            throw Problems.invalid("topN", "must be 1 to 1000");
        }
        if (in.names() == null) {
            throw Problems.invalid("names", "is required: SHOWN or ANONYMISED");
        }
        Map<String, Integer> minSamples = new TreeMap<>();
        if (in.minSamples() != null) {
            for (Map.Entry<String, Integer> e : in.minSamples().entrySet()) {
                String field = "minSamples." + e.getKey();
                if (e.getKey() == null || !SectionChecks.MEASURE.matcher(e.getKey()).matches()
                        || e.getKey().equals(SCORE)) {
                    throw Problems.invalid(field, "must be a metric code (lower case letters, digits, '_')");
                }
                if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 1_000_000) {
                    throw Problems.invalid(field, "must be 0 to 1000000 samples");
                }
                minSamples.put(e.getKey(), e.getValue());
            }
        }
        LeaderboardPolicy p = LeaderboardPolicy.findById(centerCode);
        if (p == null) {
            p = new LeaderboardPolicy();
            p.centerCode = centerCode;
        }
        p.topN = in.topN();
        p.names = in.names().name();
        p.minSamplesJson = Json.write(minSamples);
        p.updatedAt = OffsetDateTime.now(clock);
        p.updatedBy = by;
        p.persist();
        return of(p);
    }

    private static Policy of(LeaderboardPolicy p) {
        return new Policy(p.centerCode, p.topN, Names.valueOf(p.names), Json.read(p.minSamplesJson, MIN_SAMPLES),
                false, p.updatedAt, p.updatedBy);
    }

    /** The policy of the center the unit belongs to (the org directory's tree), else the default. */
    Policy policyOfUnit(String unitCode) {
        String center = metrics.centerOf(ReadAs.SERVICE, unitCode).orElse(null);
        if (center == null) {
            return Policy.defaultFor(null);
        }
        return QuarkusTransaction.requiringNew().call(() -> policy(center));
    }

    // ---- boards ----

    /** The board as the caller may see it: frozen when hr froze it, else computed now. */
    public LeaderboardView read(String unitCode, String periodCode, String measure, String directionText) {
        Query q = query(unitCode, periodCode, measure, directionText);
        EngagementScope.Viewer viewer = scope.viewerOf(List.of(unitCode));
        if (!viewer.full() && !viewer.agent()) {
            throw notFound(q);
        }
        LeaderboardSnapshot snapshot = QuarkusTransaction.requiringNew().call(() -> LeaderboardSnapshot
                .of(q.unitCode, q.period.code(), q.measure, q.direction.name()).orElse(null));
        Policy policy = viewer.agent() || snapshot == null ? policyOfUnit(unitCode) : null;
        Standings standings = snapshot != null ? Json.read(snapshot.boardJson, Standings.class)
                : compute(q, policy);
        if (viewer.agent() && standings.of(viewer.self()) == null) {
            throw notFound(q);
        }
        return view(q, standings, viewer, policy, snapshot);
    }

    /**
     * A unit's frozen boards, newest frozen first, optionally of one period and one measure, as the caller may see
     * them: hr, admin and the unit's leaders every one; an agent those they are on (ranked or listed apart), as
     * getLeaderboard would show them; anyone else 404, as for an unknown unit.
     */
    public List<SnapshotView> snapshots(String unitCode, String periodCode, String measure) {
        checkCode("unitCode", unitCode);
        String period = periodCode == null || periodCode.isBlank() ? null : Period.parse("period", periodCode).code();
        String m = measure == null || measure.isBlank() ? null : measure;
        if (m != null && (!SectionChecks.MEASURE.matcher(m).matches() || m.equals("rank"))) {
            throw Problems.invalid("measure", "must be score or a metric code (lower case letters, digits, '_')");
        }
        EngagementScope.Viewer viewer = scope.viewerOf(List.of(unitCode));
        if (!viewer.full() && !viewer.agent()) {
            throw Problems.notFound("Unit", unitCode);
        }
        List<LeaderboardSnapshot> stored = QuarkusTransaction.requiringNew().call(() -> LeaderboardSnapshot
                .ofUnit(unitCode, period, m));
        List<SnapshotView> views = new ArrayList<>();
        for (LeaderboardSnapshot s : stored) {
            Standings standings = Json.read(s.boardJson, Standings.class);
            if (viewer.agent() && standings.of(viewer.self()) == null) {
                continue;
            }
            views.add(new SnapshotView(s.id, s.unitCode, s.period, s.measure, Direction.valueOf(s.direction),
                    standings.ranked().size(), standings.unranked().size(), s.frozenAt, s.frozenBy));
        }
        return views;
    }

    /** Freezes the board as it stands now (hr, admin); a board frozen before is answered as it was. */
    public Frozen freeze(FreezeInput in, String by) {
        if (in == null) {
            throw Problems.invalid("body", "is required");
        }
        Query q = query(in.unitCode(), in.period(), in.measure(),
                in.direction() == null ? null : in.direction().name());
        EngagementScope.Viewer viewer = new EngagementScope.Viewer(true, null);
        LeaderboardSnapshot existing = QuarkusTransaction.requiringNew().call(() -> LeaderboardSnapshot
                .of(q.unitCode, q.period.code(), q.measure, q.direction.name()).orElse(null));
        if (existing != null) {
            return new Frozen(view(q, Json.read(existing.boardJson, Standings.class), viewer, null, existing), false);
        }
        Standings standings = compute(q, policyOfUnit(q.unitCode));
        LeaderboardSnapshot stored = QuarkusTransaction.requiringNew().call(() -> {
            LeaderboardSnapshot s = new LeaderboardSnapshot();
            s.unitCode = q.unitCode;
            s.period = q.period.code();
            s.measure = q.measure;
            s.direction = q.direction.name();
            s.boardJson = Json.write(standings);
            s.frozenAt = OffsetDateTime.now(clock);
            s.frozenBy = by;
            s.persist();
            return s;
        });
        return new Frozen(view(q, standings, viewer, null, stored), true);
    }

    private record Query(String unitCode, Period period, String measure, Direction direction) {
    }

    private static Query query(String unitCode, String periodCode, String measure, String directionText) {
        checkCode("unitCode", unitCode);
        Period period = Period.parse("period", periodCode);
        if (measure == null || measure.isBlank()) {
            throw Problems.invalid("measure", "is required: score or a metric code such as csat");
        }
        if (!SectionChecks.MEASURE.matcher(measure).matches() || measure.equals("rank")) {
            throw Problems.invalid("measure", "must be score or a metric code (lower case letters, digits, '_')");
        }
        if (measure.equals(SCORE) && period.isQuarter()) {
            throw Problems.invalid("period", "a score leaderboard is of a month (scorecards are monthly): YYYY-MM");
        }
        return new Query(unitCode, period, measure, direction("direction", directionText));
    }

    static Direction direction(String field, String text) {
        if (text == null || text.isBlank()) {
            return Direction.HIGHER;
        }
        try {
            return Direction.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.invalid(field, "must be one of HIGHER, LOWER");
        }
    }

    static void checkCode(String field, String code) {
        if (code == null || code.isBlank()) {
            throw Problems.invalid(field, "is required");
        }
        if (!SectionChecks.CODE.matcher(code).matches()) {
            throw Problems.invalid(field, "must be 1 to 64 letters, digits, '_', '.' or '-'");
        }
    }

    private static RuntimeException notFound(Query q) {
        return Problems.notFound("Leaderboard", q.unitCode + " " + q.period.code() + " " + q.measure);
    }

    /** The unit's standings now: published scorecard totals, or the metric's aggregates with their samples. */
    private Standings compute(Query q, Policy policy) {
        Map<String, String> names = new TreeMap<>();
        for (OrgPerson p : metrics.people(ReadAs.SERVICE, q.unitCode, q.period.from(), q.period.to()).values()) {
            if (p.name() != null) {
                names.put(p.employeeId(), p.name());
            }
        }
        List<Standings.Figure> figures = new ArrayList<>();
        if (q.measure.equals(SCORE)) {
            for (Scorecard card : scoring.publishedScorecards(ReadAs.SERVICE, q.period.code(), q.unitCode)) {
                if (card != null && card.employeeId() != null && card.isFinal()) {
                    figures.add(new Standings.Figure(card.employeeId(), names.get(card.employeeId()), card.total(),
                            null));
                }
            }
            return Standings.rank(figures, q.direction, 0, q.measure);
        }
        MetricAggregates aggregates = metrics.ofUnit(ReadAs.SERVICE, q.unitCode, List.of(q.measure), q.period.from(),
                q.period.to());
        for (MetricAggregates.AgentValues agent : aggregates == null || aggregates.agents() == null
                ? List.<MetricAggregates.AgentValues>of() : aggregates.agents()) {
            MetricAggregates.MetricValue v = agent == null || agent.values() == null ? null
                    : agent.values().get(q.measure);
            if (v != null && v.value() != null) {
                figures.add(new Standings.Figure(agent.employeeId(), names.get(agent.employeeId()), v.value(),
                        v.samples()));
            }
        }
        return Standings.rank(figures, q.direction, policy.minSamplesOf(q.measure), q.measure);
    }

    private LeaderboardView view(Query q, Standings standings, EngagementScope.Viewer viewer, Policy policy,
                                 LeaderboardSnapshot snapshot) {
        BoardVisibility.Seen seen = viewer.full() ? BoardVisibility.full(standings)
                : BoardVisibility.agent(standings, viewer.self(), policy.topN(), policy.names(), minGroupSize,
                "agents");
        return new LeaderboardView(q.unitCode, q.period.code(), q.measure, q.direction, EngagementPayloads.RANKING,
                viewer.full() ? ViewKind.FULL : ViewKind.TOP_N, viewer.full() ? Names.SHOWN : policy.names(),
                viewer.full() ? null : policy.topN(), standings.ranked().size(), standings.unranked().size(),
                seen.rows(), seen.unranked(), seen.withheld(), snapshot != null,
                snapshot == null ? null : snapshot.frozenAt, snapshot == null ? null : snapshot.frozenBy,
                seen.withheldZh());
    }
}
