package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.client.MetricAggregates;
import io.perfcenter.incentive.client.MetricsClient;
import io.perfcenter.incentive.client.OrgPerson;
import io.perfcenter.incentive.client.ReadAs;
import io.perfcenter.incentive.engagement.EngagementPayloads.AwardView;
import io.perfcenter.incentive.engagement.EngagementPayloads.ClosingView;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestHonor;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.HonorWinnerView;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestRule;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestView;
import io.perfcenter.incentive.engagement.EngagementPayloads.Direction;
import io.perfcenter.incentive.engagement.EngagementPayloads.Mode;
import io.perfcenter.incentive.engagement.EngagementPayloads.Names;
import io.perfcenter.incentive.engagement.EngagementPayloads.RuleType;
import io.perfcenter.incentive.engagement.EngagementPayloads.StandingsView;
import io.perfcenter.incentive.engagement.EngagementPayloads.Status;
import io.perfcenter.incentive.engagement.EngagementPayloads.ViewKind;
import io.perfcenter.incentive.events.Outbox;
import io.perfcenter.incentive.honor.HonorAward;
import io.perfcenter.incentive.honor.HonorRun;
import io.perfcenter.incentive.honor.HonorRunService.HonorAwarded;
import io.perfcenter.incentive.honor.HonorWinner;
import io.perfcenter.incentive.period.Period;
import io.perfcenter.incentive.section.SectionChecks;
import io.perfcenter.incentive.statement.Numbers;
import io.perfcenter.incentive.store.Json;
import io.perfcenter.incentive.web.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Contests: hr or admin define a time-boxed challenge on a metric for chosen units; the standings are computed live
 * from metrics-service's aggregates over the window so far; closing (after the last day) writes each award once to the
 * points ledger and the badges earned, in one transaction with the contest's final standings. Closing again writes
 * nothing and answers what the first close wrote. A contest may name an honor award: its winners (the first places
 * of the final standings) receive it in the same transaction, as a LIVE honor run of the award per unit (so the honors
 * history lists it and a plan's honor prizes pay it). The close emits {@code contest.closed} once, and one
 * {@code points.awarded}, {@code badge.awarded} and {@code honor.awarded} per entry written (events/Outbox), so
 * metrics-service tells each agent what they won.
 */
@ApplicationScoped
public class ContestService {

    /**
     * What a closed contest keeps: its final standings and the awards written, with each award's Chinese reason
     * apart ({@code awardReasonsZh}, in the awards' order; null in contests closed before Flyway V9, read in English).
     */
    public record Closed(Standings standings, List<AwardView> awards, List<String> awardReasonsZh) {

        static Closed of(Standings standings, List<AwardView> awards) {
            return new Closed(standings, awards, awards.stream().map(AwardView::reasonZh).toList());
        }

        /** The awards with their Chinese reasons where they were kept. */
        List<AwardView> bilingualAwards() {
            if (awardReasonsZh == null || awardReasonsZh.size() != awards.size()) {
                return awards;
            }
            List<AwardView> both = new ArrayList<>(awards.size());
            for (int i = 0; i < awards.size(); i++) {
                both.add(awards.get(i).withReasonZh(awardReasonsZh.get(i)));
            }
            return both;
        }
    }

    @Inject
    Clock clock;

    private final MetricsClient metrics;
    private final EngagementScope scope;
    private final LeaderboardService boards;
    private final EntityManager em;
    private final int minGroupSize;
    private final Outbox outbox;

    /** The data of {@code contest.closed}, once per contest. */
    public record ContestClosed(String contestCode, String name, String metric, Mode mode, LocalDate from,
                                LocalDate to, int rankedCount, int unrankedCount, int awards, long pointsAwarded,
                                int badgesAwarded, String honorAward, int honorWinners, String closedBy) {
    }

    /** The data of {@code points.awarded}: one per ledger entry a close wrote. */
    public record PointsAwarded(String contestCode, String contestName, String employeeId, int points, int ruleIndex,
                                String unitCode, String period, String reason) {
    }

    /** The data of {@code badge.awarded}: one per badge a close granted. */
    public record BadgeAwarded(String contestCode, String contestName, String employeeId, String badgeCode,
                               String badgeName, String badgeNameZh, String reason) {
    }

    ContestService(MetricsClient metrics, EngagementScope scope, LeaderboardService boards, EntityManager em,
                   @ConfigProperty(name = "perfcenter.privacy.min-group-size", defaultValue = "3") int minGroupSize,
                   Outbox outbox) {
        this.outbox = outbox;
        this.metrics = metrics;
        this.scope = scope;
        this.boards = boards;
        this.em = em;
        this.minGroupSize = minGroupSize;
    }

    @Transactional
    public ContestView create(ContestInput in, String by) {
        ContestInput checked = check(in);
        if (Contest.byCode(checked.code()).isPresent()) {
            throw Problems.conflict("Contest " + checked.code() + " exists; a contest is defined once");
        }
        for (int i = 0; i < checked.rules().size(); i++) {
            String code = checked.rules().get(i).badge();
            if (code != null) {
                Badge badge = Badge.findById(code);
                if (badge == null) {
                    throw Problems.invalid("rules[" + i + "].badge", "no badge " + code + " in the catalog");
                }
                if (badge.retiredAt != null) {
                    throw Problems.conflict("Badge " + code + " was retired on " + badge.retiredAt
                            + " by " + badge.retiredBy + ": no new contest awards it");
                }
            }
        }
        if (checked.honor() != null) {
            HonorAward award = HonorAward.latest(checked.honor().award()).orElseThrow(() ->
                    Problems.invalid("honor.award", "no honor award " + checked.honor().award()));
            if (award.retiredAt != null) {
                throw Problems.conflict("Honor award " + award.code + " was retired on " + award.retiredAt + " by "
                        + award.retiredBy + ": no new contest awards it");
            }
        }
        Contest c = new Contest();
        c.code = checked.code();
        c.name = checked.name();
        c.metric = checked.metric();
        c.direction = checked.direction();
        c.mode = checked.mode();
        c.startsOn = checked.from();
        c.endsOn = checked.to();
        c.definitionJson = Json.write(checked);
        c.status = Status.OPEN;
        c.createdAt = OffsetDateTime.now(clock);
        c.createdBy = by;
        c.persist();
        return c.view();
    }

    private static ContestInput check(ContestInput in) {
        if (in == null) {
            throw Problems.invalid("body", "is required");
        }
        LeaderboardService.checkCode("code", in.code());
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            throw Problems.invalid("name", "is required, 1 to 200 characters");
        }
        if (in.metric() == null || !SectionChecks.MEASURE.matcher(in.metric()).matches()
                || in.metric().equals(LeaderboardService.SCORE) || in.metric().equals("rank")) {
            throw Problems.invalid("metric", "is required: a metric code (lower case letters, digits, '_')");
        }
        if (in.unitCodes() == null || in.unitCodes().isEmpty()) {
            throw Problems.invalid("unitCodes", "is required: at least one unit");
        }
        if (in.unitCodes().size() > 100) {
            throw Problems.invalid("unitCodes", "at most 100 units");
        }
        Set<String> units = new HashSet<>();
        for (int i = 0; i < in.unitCodes().size(); i++) {
            LeaderboardService.checkCode("unitCodes[" + i + "]", in.unitCodes().get(i));
            if (!units.add(in.unitCodes().get(i))) {
                throw Problems.invalid("unitCodes[" + i + "]", "is named twice");
            }
        }
        if (in.from() == null) {
            throw Problems.invalid("from", "is required");
        }
        if (in.to() == null) {
            throw Problems.invalid("to", "is required");
        }
        if (in.to().isBefore(in.from())) {
            throw Problems.invalid("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(in.from(), in.to()) > 366) {
            throw Problems.invalid("to", "a contest lasts at most 366 days after from");
        }
        if (in.minSamples() != null && (in.minSamples() < 0 || in.minSamples() > 1_000_000)) {
            throw Problems.invalid("minSamples", "must be 0 to 1000000");
        }
        if (in.rules() == null || in.rules().isEmpty()) {
            throw Problems.invalid("rules", "is required: at least one rule (GOAL or TOP)");
        }
        if (in.rules().size() > 20) {
            throw Problems.invalid("rules", "at most 20 rules");
        }
        List<ContestRule> rules = new ArrayList<>();
        for (int i = 0; i < in.rules().size(); i++) {
            rules.add(checkRule("rules[" + i + "]", in.rules().get(i)));
        }
        ContestHonor honor = null;
        if (in.honor() != null) {
            if (in.honor().award() == null || !SectionChecks.CODE.matcher(in.honor().award()).matches()) {
                throw Problems.invalid("honor.award", "is required: an honor award's code");
            }
            if (in.honor().places() != null && (in.honor().places() < 1 || in.honor().places() > 1000)) {
                throw Problems.invalid("honor.places", "must be 1 to 1000");
            }
            honor = new ContestHonor(in.honor().award(), in.honor().places() == null ? 1 : in.honor().places());
        }
        return new ContestInput(in.code(), in.name().strip(), in.metric(),
                in.direction() == null ? Direction.HIGHER : in.direction(),
                in.mode() == null ? Mode.INDIVIDUAL : in.mode(), List.copyOf(in.unitCodes()), in.from(), in.to(),
                in.minSamples() == null ? 0 : in.minSamples(), rules, honor);
    }

    private static ContestRule checkRule(String field, ContestRule r) {
        if (r == null) {
            throw Problems.invalid(field, "is required");
        }
        if (r.type() == null) {
            throw Problems.invalid(field + ".type", "is required: GOAL or TOP");
        }
        if (r.points() == null) {
            throw Problems.invalid(field + ".points", "is required (0 for a badge only)");
        }
        if (r.points() < 0 || r.points() > 1_000_000) {
            throw Problems.invalid(field + ".points", "must be 0 to 1000000");
        }
        if (r.badge() != null && !SectionChecks.CODE.matcher(r.badge()).matches()) {
            throw Problems.invalid(field + ".badge", "must be a badge code");
        }
        if (r.points() == 0 && r.badge() == null) {
            throw Problems.invalid(field + ".points", "a rule awards points above 0, a badge, or both");
        }
        if (r.type() == RuleType.GOAL) {
            if (r.threshold() == null) {
                throw Problems.invalid(field + ".threshold", "is required for a GOAL rule");
            }
            if (r.threshold().abs().compareTo(new BigDecimal("1000000000000")) >= 0
                    || Numbers.decimals(r.threshold()) > 6) {
                throw Problems.invalid(field + ".threshold", "must be below 10^12 with at most 6 decimals");
            }
            if (r.places() != null) {
                throw Problems.invalid(field + ".places", "is for TOP rules only");
            }
            return new ContestRule(r.type(), r.threshold(), null, r.points(), r.badge());
        }
        if (r.places() == null) {
            throw Problems.invalid(field + ".places", "is required for a TOP rule");
        }
        if (r.places() < 1 || r.places() > 1000) {
            throw Problems.invalid(field + ".places", "must be 1 to 1000");
        }
        if (r.threshold() != null) {
            throw Problems.invalid(field + ".threshold", "is for GOAL rules only");
        }
        return new ContestRule(r.type(), null, r.places(), r.points(), r.badge());
    }

    @Transactional
    public List<ContestView> list() {
        return Contest.<Contest>list("ORDER BY code").stream().map(Contest::view).toList();
    }

    @Transactional
    public ContestView get(String code) {
        return find(code).view();
    }

    private static Contest find(String code) {
        return Contest.byCode(code).orElseThrow(() -> Problems.notFound("Contest", code));
    }

    /**
     * The standings as the caller may see them: live over the window so far while OPEN (nothing before its first
     * day), final once CLOSED. hr, admin and whoever leads every unit of the contest see them in full with what each
     * row earns; a participating agent the policy's view (of the first unit's center); a TEAM contest's rows are units,
     * shown in full to every participant. Anyone else: 404.
     */
    public StandingsView standings(String code) {
        Contest contest = QuarkusTransaction.requiringNew().call(() -> find(code));
        ContestInput d = contest.definition();
        EngagementScope.Viewer viewer = scope.viewerOf(d.unitCodes());
        if (!viewer.full() && !viewer.agent()) {
            throw Problems.notFound("Contest", code);
        }
        LocalDate to = contest.status == Status.CLOSED ? d.to() : min(d.to(), LocalDate.now(clock));
        Standings standings;
        List<AwardView> awards;
        if (contest.status == Status.CLOSED) {
            Closed closed = Json.read(contest.standingsJson, Closed.class);
            standings = closed.standings();
            awards = closed.bilingualAwards();
        } else if (to.isBefore(d.from())) {
            standings = new Standings(List.of(), List.of());
            awards = List.of();
        } else {
            standings = compute(d, to);
            awards = ContestJudge.awards(d, standings, d.mode() == Mode.TEAM ? members(d, to) : Map.of());
        }
        if (viewer.agent()) {
            boolean participant = d.mode() == Mode.TEAM
                    ? memberOfAny(d, to, viewer.self()) : standings.of(viewer.self()) != null;
            if (!participant) {
                throw Problems.notFound("Contest", code);
            }
        }
        return view(contest, d, to, standings, awards, viewer);
    }

    private StandingsView view(Contest contest, ContestInput d, LocalDate to, Standings standings,
                               List<AwardView> awards, EngagementScope.Viewer viewer) {
        boolean full = viewer.full() || d.mode() == Mode.TEAM;
        LeaderboardService.Policy policy = full ? null : boards.policyOfUnit(d.unitCodes().get(0));
        BoardVisibility.Seen seen = full ? BoardVisibility.full(standings)
                : BoardVisibility.agent(standings, viewer.self(), policy.topN(), policy.names(), minGroupSize,
                "agents");
        List<AwardView> shown = viewer.full() ? awards
                : awards.stream().filter(a -> a.employeeId().equals(viewer.self())).toList();
        return new StandingsView(contest.code, contest.status, d.mode(), d.metric(), d.direction(), d.from(),
                to.isBefore(d.from()) ? null : to, EngagementPayloads.RANKING, full ? ViewKind.FULL : ViewKind.TOP_N,
                full ? Names.SHOWN : policy.names(), standings.ranked().size(), standings.unranked().size(),
                seen.rows(), seen.unranked(), seen.withheld(), shown, seen.withheldZh());
    }

    /** Closes a contest after its last day and writes its awards once; closing again answers the first close. */
    public ClosingView close(String code, String by) {
        Contest contest = QuarkusTransaction.requiringNew().call(() -> find(code));
        ContestInput d = contest.definition();
        EngagementScope.Viewer everything = new EngagementScope.Viewer(true, null);
        if (contest.status == Status.CLOSED) {
            return closedBefore(contest, d, everything);
        }
        LocalDate today = LocalDate.now(clock);
        if (!today.isAfter(d.to())) {
            throw Problems.conflict("Contest " + code + " runs until " + d.to() + " (the center's day is " + today
                    + "): it can be closed from " + d.to().plusDays(1) + " on");
        }
        Map<String, String> unitOf = new HashMap<>();
        Standings standings = compute(d, d.to(), unitOf);
        Map<String, List<String>> members = d.mode() == Mode.TEAM ? members(d, d.to()) : Map.of();
        List<AwardView> awards = ContestJudge.awards(d, standings, members);
        return QuarkusTransaction.requiringNew().call(() -> {
            Contest locked = em.find(Contest.class, contest.id, LockModeType.PESSIMISTIC_WRITE);
            if (locked.status == Status.CLOSED) {
                return closedBefore(locked, d, everything);
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            String period = YearMonth.from(d.to()).toString();
            Set<String> granted = new HashSet<>();
            // the awards' events in their order, written together (one insert per thousand) after the loop
            List<Outbox.Emission> events = new ArrayList<>();
            for (AwardView a : awards) {
                if (a.points() > 0) {
                    PointsEntry e = new PointsEntry();
                    e.employeeId = a.employeeId();
                    e.points = a.points();
                    e.reason = locked.name + ": " + a.reason();
                    e.reasonZh = locked.name + "：" + a.reasonZh();
                    e.contestId = locked.id;
                    e.contestCode = locked.code;
                    e.ruleIndex = a.ruleIndex();
                    e.unitCode = a.unitCode();
                    e.period = period;
                    e.createdAt = now;
                    e.createdBy = by;
                    e.persist();
                    events.add(new Outbox.Emission("points.awarded", a.employeeId(), new PointsAwarded(locked.code,
                            locked.name, a.employeeId(), a.points(), a.ruleIndex(), a.unitCode(), period, e.reason)));
                }
                if (a.badge() != null && granted.add(a.employeeId() + '|' + a.badge())) {
                    BadgeGrant g = new BadgeGrant();
                    g.employeeId = a.employeeId();
                    g.badgeCode = a.badge();
                    g.contestId = locked.id;
                    g.contestCode = locked.code;
                    g.reason = locked.name + ": " + a.reason();
                    g.reasonZh = locked.name + "：" + a.reasonZh();
                    g.grantedAt = now;
                    g.persist();
                    Badge badge = Badge.findById(a.badge());
                    events.add(new Outbox.Emission("badge.awarded", a.employeeId(), new BadgeAwarded(locked.code,
                            locked.name, a.employeeId(), a.badge(), badge.nameEn, badge.nameZh, g.reason)));
                }
            }
            outbox.emitAll(events);
            List<HonorWinnerView> honors = d.honor() == null ? List.of()
                    : writeHonors(locked, d, standings, members, unitOf, now, by);
            locked.status = Status.CLOSED;
            locked.closedAt = now;
            locked.closedBy = by;
            locked.standingsJson = Json.write(Closed.of(standings, awards));
            outbox.emit("contest.closed", locked.code, new ContestClosed(locked.code, locked.name, d.metric(),
                    d.mode(), d.from(), d.to(), standings.ranked().size(), standings.unranked().size(), awards.size(),
                    awards.stream().mapToLong(AwardView::points).sum(), granted.size(),
                    d.honor() == null ? null : d.honor().award(), honors.size(), by));
            return new ClosingView(locked.view(), true, awards, view(locked, d, d.to(), standings, awards, everything),
                    honors);
        });
    }

    /**
     * The honor the contest names, written once (the close holds the contest's lock and the unique index on contest
     * and unit stands behind it): the participants ranked in the first {@code places} places, for each unit an honor
     * run of the award's latest version with its winners. The period is the month of the contest's last day (a
     * QUARTERLY award: its quarter). An agent's unit is the unit whose figures ranked them; in a TEAM contest each
     * member of a winning unit wins it in that unit.
     */
    private List<HonorWinnerView> writeHonors(Contest contest, ContestInput d, Standings standings,
                                              Map<String, List<String>> members, Map<String, String> unitOf,
                                              OffsetDateTime now, String by) {
        HonorAward award = HonorAward.latest(d.honor().award()).orElseThrow(() -> Problems.conflict(
                "Contest " + contest.code + " names honor award " + d.honor().award() + ", which does not exist"));
        YearMonth month = YearMonth.from(d.to());
        String period = "QUARTERLY".equals(award.cadence) ? Period.quarterOf(month) : month.toString();
        int ranked = standings.ranked().size();
        int listed = ranked + standings.unranked().size();
        Map<String, List<HonorWinner>> byUnit = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Standings.Row row : standings.ranked()) {
            if (row.rank() > d.honor().places()) {
                continue;
            }
            String reason = "contest " + contest.code + " (" + contest.name + "): place " + row.rank() + " of "
                    + ranked + " ranked on " + d.metric() + " " + Numbers.figure(row.value()) + " over " + d.from()
                    + ".." + d.to();
            String reasonZh = "竞赛 " + contest.code + "（" + contest.name + "）：" + d.from() + ".." + d.to()
                    + " 期间 " + d.metric() + " " + Numbers.figure(row.value()) + "，在 " + ranked + " 名参与排名者中列第 "
                    + row.rank() + " 名";
            List<String[]> winners = new ArrayList<>();
            if (d.mode() == Mode.TEAM) {
                for (String member : members.getOrDefault(row.id(), List.of())) {
                    winners.add(new String[]{member, row.id()});
                }
            } else {
                winners.add(new String[]{row.id(), unitOf.getOrDefault(row.id(), d.unitCodes().get(0))});
            }
            for (String[] w : winners) {
                if (!seen.add(w[0])) {
                    continue;
                }
                HonorWinner winner = new HonorWinner();
                winner.employeeId = w[0];
                winner.place = row.rank();
                winner.value = row.value();
                winner.reason = (d.mode() == Mode.TEAM ? "team " + row.id() + ", " : "") + reason;
                winner.reasonZh = (d.mode() == Mode.TEAM ? "团队 " + row.id() + "，" : "") + reasonZh;
                byUnit.computeIfAbsent(w[1], u -> new ArrayList<>()).add(winner);
            }
        }
        List<HonorWinnerView> written = new ArrayList<>();
        for (Map.Entry<String, List<HonorWinner>> unit : byUnit.entrySet()) {
            HonorRun run = new HonorRun();
            run.awardId = award.id;
            run.awardCode = award.code;
            run.awardVersion = award.version;
            run.awardName = award.name;
            run.period = period;
            run.unitCode = unit.getKey();
            run.status = HonorRun.LIVE;
            run.candidateCount = listed;
            run.eligibleCount = ranked;
            run.createdAt = now;
            run.createdBy = by;
            run.contestId = contest.id;
            run.contestCode = contest.code;
            run.persist();
            for (HonorWinner w : unit.getValue()) {
                w.honorRunId = run.id;
                w.persist();
                outbox.emit("honor.awarded", w.employeeId, new HonorAwarded(run.id, award.code, award.version,
                        award.name, period, run.unitCode, w.employeeId, w.place, w.value));
                written.add(new HonorWinnerView(w.employeeId, run.unitCode, award.code, period, w.place, w.value,
                        run.id));
            }
        }
        return written;
    }

    private ClosingView closedBefore(Contest contest, ContestInput d, EngagementScope.Viewer everything) {
        Closed closed = Json.read(contest.standingsJson, Closed.class);
        List<HonorWinnerView> honors = new ArrayList<>();
        for (HonorRun run : HonorRun.<HonorRun>list("contestId = ?1 ORDER BY id", contest.id)) {
            for (HonorWinner w : HonorWinner.ofRun(run.id)) {
                honors.add(new HonorWinnerView(w.employeeId, run.unitCode, run.awardCode, run.period, w.place,
                        w.value, run.id));
            }
        }
        List<AwardView> awards = closed.bilingualAwards();
        return new ClosingView(contest.view(), false, awards,
                view(contest, d, d.to(), closed.standings(), awards, everything), honors);
    }

    /** The contest's standings over [from, to]: agents of every unit (INDIVIDUAL) or the units themselves (TEAM). */
    private Standings compute(ContestInput d, LocalDate to) {
        return compute(d, to, new HashMap<>());
    }

    /** The same, noting in {@code unitOf} the unit whose figures ranked each agent (INDIVIDUAL). */
    private Standings compute(ContestInput d, LocalDate to, Map<String, String> unitOf) {
        List<Standings.Figure> figures = new ArrayList<>();
        Map<String, Standings.Figure> agents = new LinkedHashMap<>();
        for (String unit : d.unitCodes()) {
            MetricAggregates aggregates = metrics.ofUnit(ReadAs.SERVICE, unit, List.of(d.metric()), d.from(), to);
            if (aggregates == null) {
                continue;
            }
            if (d.mode() == Mode.TEAM) {
                MetricAggregates.MetricValue v = aggregates.unitTotal() == null ? null
                        : aggregates.unitTotal().get(d.metric());
                figures.add(new Standings.Figure(unit, unit, v == null ? null : v.value(),
                        v == null ? null : v.samples()));
                continue;
            }
            Map<String, String> names = new LinkedHashMap<>();
            for (OrgPerson p : metrics.people(ReadAs.SERVICE, unit, d.from(), to).values()) {
                names.put(p.employeeId(), p.name());
            }
            for (MetricAggregates.AgentValues a : aggregates.agents() == null
                    ? List.<MetricAggregates.AgentValues>of() : aggregates.agents()) {
                MetricAggregates.MetricValue v = a == null || a.values() == null ? null : a.values().get(d.metric());
                if (v == null || v.value() == null) {
                    continue;
                }
                Standings.Figure f = new Standings.Figure(a.employeeId(), names.get(a.employeeId()), v.value(),
                        v.samples());
                // an agent listed by two units of the contest (a move in the window) counts once: the row on more
                // samples, the first unit's on a tie
                Standings.Figure before = agents.get(a.employeeId());
                if (before == null || samples(f) > samples(before)) {
                    agents.put(a.employeeId(), f);
                    unitOf.put(a.employeeId(), unit);
                }
            }
        }
        figures.addAll(agents.values());
        return Standings.rank(figures, d.direction(), d.minSamples() == null ? 0 : d.minSamples(), d.metric());
    }

    private static long samples(Standings.Figure f) {
        return f.samples() == null ? 0 : f.samples();
    }

    /** TEAM contests: who belonged to each unit at some day of [from, to] (the org directory). */
    private Map<String, List<String>> members(ContestInput d, LocalDate to) {
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (String unit : d.unitCodes()) {
            members.put(unit, metrics.people(ReadAs.SERVICE, unit, d.from(), to).keySet().stream().sorted().toList());
        }
        return members;
    }

    private boolean memberOfAny(ContestInput d, LocalDate to, String employeeId) {
        return !to.isBefore(d.from()) && members(d, to).values().stream().anyMatch(m -> m.contains(employeeId));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
