package io.perfcenter.incentive.engagement;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.perfcenter.incentive.plan.PlanPayloads;
import io.perfcenter.incentive.web.InLanguage;
import io.perfcenter.incentive.web.Language;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The JSON shapes of engagement: leaderboards and their policy, badges, contests, points. */
public final class EngagementPayloads {

    private EngagementPayloads() {
    }

    static final String RANKING = "competition ranking (1, 2, 2, 4): equal figures share a place and the next place "
            + "skips as many as shared it";
    static final String RANKING_ZH = "竞争排名（1, 2, 2, 4）：数值相同者名次相同，其后的名次跳过相同的人数";
    /**
     * How an operation answering engagement texts names them in its description (the language rule is the
     * {@code Accept-Language} parameter's, {@link io.perfcenter.incentive.web.Language#ACCEPT_DOC}).
     */
    static final String IN_LANGUAGE = " Reasons and notes follow Accept-Language, as Content-Language says (those "
            + "stored before Chinese ones were kept, Flyway V9, read in English).";

    @Schema(name = "EngagementDirection", description = "HIGHER: the highest figure is first (csat, calls_handled); "
            + "LOWER: the lowest (aht)")
    public enum Direction { HIGHER, LOWER }

    @Schema(name = "LeaderboardNames", description = "How agents see the other agents on a leaderboard: SHOWN (name "
            + "and employee id) or ANONYMISED (\"Agent #3\", by position on the board)")
    public enum Names { SHOWN, ANONYMISED }

    @Schema(name = "LeaderboardView", description = "FULL: every row with names (hr, admin, the unit's leaders); "
            + "TOP_N: the policy's view for an agent (the top N and their own row)")
    public enum ViewKind { FULL, TOP_N }

    @Schema(name = "ContestMode", description = "INDIVIDUAL: agents compete; TEAM: the units compete on the unit's own "
            + "figure, and each agent who belonged to a winning unit during the window gets its points and badges")
    public enum Mode { INDIVIDUAL, TEAM }

    @Schema(name = "ContestRuleType", description = "GOAL: the figure over the window reaches threshold (≥ for "
            + "HIGHER, ≤ for LOWER); TOP: a place among the first `places` (ties at the last place all qualify)")
    public enum RuleType { GOAL, TOP }

    @Schema(name = "ContestStatus", description = "OPEN until hr or admin closes it after its last day; CLOSED: the "
            + "awards are written and the standings final")
    public enum Status { OPEN, CLOSED }

    // ---- leaderboard policy ----

    @Schema(name = "LeaderboardPolicyInput", description = "How a center's leaderboards are shown to agents")
    public record PolicyInput(
            @Schema(required = true, minimum = "1", maximum = "1000", description = "Agents see the first N places "
                    + "(every agent sharing place N too) and their own row", examples = "10") Integer topN,
            @Schema(required = true, examples = "ANONYMISED") Names names,
            @Schema(description = "Minimum samples per metric: an agent whose figure rests on fewer is listed apart, "
                    + "unranked (insufficient data); metrics not named need none",
                    examples = "{\"csat\": 30, \"aht\": 50}") Map<String, Integer> minSamples) {
    }

    @Schema(name = "LeaderboardPolicy")
    public record PolicyView(@Schema(examples = "C1") String centerCode, @Schema(examples = "10") int topN,
                             Names names, Map<String, Integer> minSamples,
                             @Schema(description = "true: the center has no policy of its own; this is the default")
                             boolean defaultPolicy, OffsetDateTime updatedAt,
                             @Schema(examples = "H1") String updatedBy) {
    }

    // ---- leaderboards ----

    @Schema(name = "LeaderboardFreezeInput", description = "The leaderboard to freeze as it stands now")
    public record FreezeInput(
            @Schema(required = true, examples = "G1") String unitCode,
            @Schema(required = true, description = "YYYY-MM, or YYYY-Qn for a metric", examples = "2026-10")
            String period,
            @Schema(required = true, description = "score (the published scorecard total) or a metric code",
                    examples = "csat") String measure,
            @Schema(description = "Default HIGHER", examples = "HIGHER") Direction direction) {
    }

    @Schema(name = "LeaderboardRow", description = "A place on a leaderboard, or an agent listed apart (rank absent)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BoardRow(
            @Schema(description = "Competition rank; absent for an agent listed apart", examples = "2") Integer rank,
            @Schema(description = "The name, or \"Agent #3\" (position on the board) when anonymised",
                    examples = "Li Na") String label,
            @Schema(description = "Absent when anonymised", examples = "E1") String employeeId,
            @Schema(examples = "Li Na") String name,
            @Schema(examples = "4.62") BigDecimal value,
            @Schema(description = "Records the figure rests on (metrics); absent for a scorecard total",
                    examples = "48") Long samples,
            @Schema(description = "true on the caller's own row") Boolean you,
            @Schema(description = "Why an agent is listed apart, in the language of Accept-Language (zh-CN or en)",
                    examples = "csat from 12 samples, fewer than the 30 required: insufficient data, not ranked")
            String reason,
            @JsonIgnore @Schema(hidden = true) String reasonZh) {

        BoardRow in(Language language) {
            return new BoardRow(rank, label, employeeId, name, value, samples, you, language.pick(reason, reasonZh),
                    reasonZh);
        }

        static List<BoardRow> in(List<BoardRow> rows, Language language) {
            return rows == null ? null : rows.stream().map(r -> r.in(language)).toList();
        }
    }

    @Schema(name = "Leaderboard")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeaderboardView(
            @Schema(examples = "G1") String unitCode, @Schema(examples = "2026-10") String period,
            @Schema(examples = "csat") String measure, Direction direction,
            @Schema(examples = RANKING) String ranking,
            ViewKind view, Names names, @Schema(examples = "10") Integer topN,
            @Schema(description = "Agents ranked on the whole board", examples = "12") int rankedCount,
            @Schema(description = "Agents listed apart on the whole board", examples = "1") int unrankedCount,
            List<BoardRow> rows,
            @Schema(description = "Listed apart, unranked (for an agent: only themselves)") List<BoardRow> unranked,
            @Schema(description = "Why rows are left out of this view, in the language of Accept-Language",
                    examples = "2 agents are ranked, fewer than 3 (perfcenter.privacy.min-group-size): only your own "
                            + "row is shown") String withheld,
            @Schema(description = "true: the board as hr froze it (frozenAt), not recomputed") boolean frozen,
            OffsetDateTime frozenAt, @Schema(examples = "H1") String frozenBy,
            @JsonIgnore @Schema(hidden = true) String withheldZh) implements InLanguage<LeaderboardView> {

        @Override
        public LeaderboardView in(Language language) {
            return new LeaderboardView(unitCode, period, measure, direction, language.pick(RANKING, RANKING_ZH), view,
                    names, topN, rankedCount, unrankedCount, BoardRow.in(rows, language),
                    BoardRow.in(unranked, language), language.pick(withheld, withheldZh), frozen, frozenAt, frozenBy,
                    withheldZh);
        }
    }

    @Schema(name = "LeaderboardSnapshot", description = "A leaderboard hr froze: read it with getLeaderboard and the "
            + "same unitCode, period, measure and direction")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SnapshotView(@Schema(examples = "7") long id, @Schema(examples = "G1") String unitCode,
                               @Schema(examples = "2026-10") String period, @Schema(examples = "csat") String measure,
                               Direction direction,
                               @Schema(description = "Agents ranked on the frozen board", examples = "12")
                               int rankedCount,
                               @Schema(description = "Agents listed apart on it", examples = "1") int unrankedCount,
                               OffsetDateTime frozenAt, @Schema(examples = "H1") String frozenBy) {
    }

    // ---- badges ----

    @Schema(name = "BadgeInput", description = "A badge of the catalog; a code is defined once and retired, never "
            + "deleted")
    public record BadgeInput(
            @Schema(required = true, pattern = PlanPayloads.CODE, examples = "csat-star") String code,
            @Schema(required = true, maxLength = 200, examples = "满意度之星") String nameZh,
            @Schema(required = true, maxLength = 200, examples = "CSAT star") String nameEn,
            @Schema(maxLength = 2000, examples = "CSAT of 90 or more over a contest") String description) {
    }

    @Schema(name = "Badge")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BadgeView(@Schema(examples = "csat-star") String code, @Schema(examples = "满意度之星") String nameZh,
                            @Schema(examples = "CSAT star") String nameEn, String description,
                            OffsetDateTime createdAt, @Schema(examples = "H1") String createdBy,
                            OffsetDateTime retiredAt, String retiredBy) {
    }

    @Schema(name = "EarnedBadge", description = "A badge an agent earned, and where")
    public record EarnedBadgeView(@Schema(examples = "csat-star") String badgeCode,
                                  @Schema(examples = "满意度之星") String nameZh,
                                  @Schema(examples = "CSAT star") String nameEn,
                                  @Schema(examples = "CSAT-NOV") String contestCode,
                                  @Schema(description = "In the language of Accept-Language (zh-CN or en; English "
                                          + "for badges granted before Chinese reasons were stored)",
                                          examples = "csat 92 ≥ goal 90 over 2026-11-01..2026-11-30") String reason,
                                  OffsetDateTime grantedAt,
                                  @JsonIgnore @Schema(hidden = true) String reasonZh)
            implements InLanguage<EarnedBadgeView> {

        @Override
        public EarnedBadgeView in(Language language) {
            return new EarnedBadgeView(badgeCode, nameZh, nameEn, contestCode, language.pick(reason, reasonZh),
                    grantedAt, reasonZh);
        }
    }

    // ---- contests ----

    @Schema(name = "ContestRule", description = "What a participant earns: points and/or a badge")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContestRule(
            @Schema(required = true, examples = "GOAL") RuleType type,
            @Schema(description = "GOAL: the figure to reach", examples = "90") BigDecimal threshold,
            @Schema(description = "TOP: how many places win", minimum = "1", examples = "3") Integer places,
            @Schema(required = true, minimum = "0", maximum = "1000000", examples = "50") Integer points,
            @Schema(description = "A badge code of the catalog (not retired)", examples = "csat-star") String badge) {
    }

    @Schema(name = "ContestInput", description = "A time-boxed challenge on a metric for chosen units")
    public record ContestInput(
            @Schema(required = true, pattern = PlanPayloads.CODE, examples = "CSAT-NOV") String code,
            @Schema(required = true, maxLength = 200, examples = "CSAT challenge, November") String name,
            @Schema(required = true, description = "The metric (metrics-service aggregates over the window)",
                    examples = "csat") String metric,
            @Schema(description = "Default HIGHER") Direction direction,
            @Schema(description = "Default INDIVIDUAL") Mode mode,
            @Schema(required = true, minItems = 1, maxItems = 100, examples = "[\"G1\"]") List<String> unitCodes,
            @Schema(required = true, examples = "2026-11-01") LocalDate from,
            @Schema(required = true, description = "Last day, inclusive; at most 366 days after from",
                    examples = "2026-11-30") LocalDate to,
            @Schema(minimum = "0", description = "A figure from fewer samples is listed apart and wins nothing",
                    examples = "10") Integer minSamples,
            @Schema(required = true, minItems = 1, maxItems = 20) List<ContestRule> rules,
            @Schema(description = "An honor award (not retired) that the winners receive when the contest closes: "
                    + "written once into the honors history, as a run of the award for the period of the contest's "
                    + "last day") ContestHonor honor) {

        public ContestInput(String code, String name, String metric, Direction direction, Mode mode,
                            List<String> unitCodes, LocalDate from, LocalDate to, Integer minSamples,
                            List<ContestRule> rules) {
            this(code, name, metric, direction, mode, unitCodes, from, to, minSamples, rules, null);
        }
    }

    @Schema(name = "ContestHonor", description = "The honor a contest's winners receive at close: the participants "
            + "ranked in the first places of the final standings (ties share a place and all win; in a TEAM contest "
            + "every member of a winning unit)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContestHonor(
            @Schema(required = true, description = "An honor award's code (its latest version is written)",
                    examples = "SERVICE-STAR") String award,
            @Schema(description = "How many places win it (default 1)", minimum = "1", maximum = "1000",
                    examples = "1") Integer places) {
    }

    @Schema(name = "Contest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContestView(@Schema(examples = "CSAT-NOV") String code,
                              @Schema(examples = "CSAT challenge, November") String name,
                              @Schema(examples = "csat") String metric, Direction direction, Mode mode,
                              List<String> unitCodes, LocalDate from, LocalDate to, Integer minSamples,
                              List<ContestRule> rules, ContestHonor honor, Status status, OffsetDateTime createdAt,
                              @Schema(examples = "H1") String createdBy, OffsetDateTime closedAt, String closedBy) {
    }

    @Schema(name = "ContestAward", description = "Points and a badge a participant earned by one rule")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AwardView(@Schema(examples = "E1") String employeeId,
                            @Schema(description = "TEAM contests: the unit whose result earned it", examples = "G1")
                            String unitCode,
                            @Schema(examples = "0") int ruleIndex, @Schema(examples = "50") int points,
                            @Schema(examples = "csat-star") String badge,
                            @Schema(description = "In the language of Accept-Language (zh-CN or en)",
                                    examples = "csat 92 ≥ goal 90 over 2026-11-01..2026-11-30: 50 points, badge "
                                    + "csat-star") String reason,
                            @JsonIgnore @Schema(hidden = true) String reasonZh) {

        AwardView in(Language language) {
            return new AwardView(employeeId, unitCode, ruleIndex, points, badge, language.pick(reason, reasonZh),
                    reasonZh);
        }

        /** The same award with its Chinese reason (kept apart in a closed contest's JSON). */
        AwardView withReasonZh(String zh) {
            return new AwardView(employeeId, unitCode, ruleIndex, points, badge, reason, zh);
        }

        static List<AwardView> in(List<AwardView> awards, Language language) {
            return awards == null ? null : awards.stream().map(a -> a.in(language)).toList();
        }
    }

    @Schema(name = "ContestStandings", description = "A contest's standings: live (OPEN, the window so far) or final")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StandingsView(@Schema(examples = "CSAT-NOV") String contestCode, Status status, Mode mode,
                                @Schema(examples = "csat") String metric, Direction direction,
                                @Schema(description = "The days the figures cover") LocalDate from, LocalDate to,
                                @Schema(examples = RANKING) String ranking, ViewKind view, Names names,
                                int rankedCount, int unrankedCount, List<BoardRow> rows, List<BoardRow> unranked,
                                String withheld,
                                @Schema(description = "What each row earns (OPEN: would earn if the window ended "
                                        + "now); in the FULL view only") List<AwardView> awards,
                                @JsonIgnore @Schema(hidden = true) String withheldZh)
            implements InLanguage<StandingsView> {

        @Override
        public StandingsView in(Language language) {
            return new StandingsView(contestCode, status, mode, metric, direction, from, to,
                    language.pick(ranking, RANKING_ZH), view, names, rankedCount, unrankedCount,
                    BoardRow.in(rows, language), BoardRow.in(unranked, language), language.pick(withheld, withheldZh),
                    AwardView.in(awards, language), withheldZh);
        }
    }

    @Schema(name = "ContestClosing", description = "A closed contest and the awards it wrote (all of them, also when "
            + "closed before: closing again writes nothing)")
    public record ClosingView(ContestView contest, @Schema(description = "false: it was closed before, nothing "
            + "was written now") boolean closedNow, List<AwardView> awards, StandingsView standings,
                              @Schema(description = "The honor winners the close wrote (the contest names an honor)")
                              List<HonorWinnerView> honors) implements InLanguage<ClosingView> {

        @Override
        public ClosingView in(Language language) {
            return new ClosingView(contest, closedNow, AwardView.in(awards, language),
                    standings == null ? null : standings.in(language), honors);
        }
    }

    @Schema(name = "ContestHonorWinner", description = "A winner of the honor a contest names")
    public record HonorWinnerView(@Schema(examples = "E1") String employeeId,
                                  @Schema(description = "The unit whose honor run lists the winner", examples = "G1")
                                  String unitCode,
                                  @Schema(examples = "SERVICE-STAR") String awardCode,
                                  @Schema(examples = "2026-11") String period,
                                  @Schema(examples = "1") int place,
                                  @Schema(examples = "92") BigDecimal value,
                                  @Schema(examples = "12") Long honorRunId) {
    }

    // ---- points ----

    @Schema(name = "PointsBalance", description = "Points are not money: a plan converts them to pay only with an "
            + "explicit pointsConversion section")
    public record BalanceView(@Schema(examples = "E1") String employeeId, @Schema(examples = "130") long balance,
                              @Schema(examples = "3") long entries, @Schema(examples = "1") long badges) {
    }

    @Schema(name = "PointsEntry", description = "One entry of the append-only points ledger")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LedgerEntryView(@Schema(examples = "17") long id, @Schema(examples = "E1") String employeeId,
                                  @Schema(examples = "50") int points,
                                  @Schema(description = "In the language of Accept-Language (zh-CN or en; English "
                                          + "for entries written before Chinese reasons were stored)",
                                          examples = "CSAT challenge, November: csat 92 ≥ goal 90 …") String reason,
                                  @Schema(examples = "CSAT-NOV") String contestCode,
                                  @Schema(examples = "G1") String unitCode,
                                  @Schema(description = "The month the points count in (the contest's last day)",
                                          examples = "2026-11") String period,
                                  OffsetDateTime createdAt, @Schema(examples = "H1") String createdBy,
                                  @JsonIgnore @Schema(hidden = true) String reasonZh)
            implements InLanguage<LedgerEntryView> {

        @Override
        public LedgerEntryView in(Language language) {
            return new LedgerEntryView(id, employeeId, points, language.pick(reason, reasonZh), contestCode, unitCode,
                    period, createdAt, createdBy, reasonZh);
        }
    }
}
