package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.AwardView;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestRule;
import io.perfcenter.incentive.engagement.EngagementPayloads.Direction;
import io.perfcenter.incentive.engagement.EngagementPayloads.Mode;
import io.perfcenter.incentive.engagement.EngagementPayloads.RuleType;
import io.perfcenter.incentive.statement.Numbers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a contest's rules award on its standings: for each rule in order, each ranked participant who meets it (GOAL:
 * the figure reaches the threshold, ≥ for HIGHER and ≤ for LOWER; TOP: rank ≤ places, so every participant sharing
 * the last place wins too) earns the rule's points and badge. Participants listed apart (too few samples, no figure)
 * earn nothing. In a TEAM contest each member of a winning unit earns it, once per rule even if they belonged to two
 * winning units. Pure.
 */
public final class ContestJudge {

    private ContestJudge() {
    }

    public static List<AwardView> awards(ContestInput contest, Standings standings, Map<String, List<String>> members) {
        List<AwardView> awards = new ArrayList<>();
        Set<String> given = new HashSet<>();
        String window = contest.from() + ".." + contest.to();
        int ranked = standings.ranked().size();
        for (int i = 0; i < contest.rules().size(); i++) {
            ContestRule rule = contest.rules().get(i);
            for (Standings.Row row : standings.ranked()) {
                String met = met(contest, rule, row, window, ranked);
                if (met == null) {
                    continue;
                }
                String reason = met + ": " + rule.points() + (rule.points() == 1 ? " point" : " points")
                        + (rule.badge() == null ? "" : ", badge " + rule.badge());
                if (contest.mode() == Mode.TEAM) {
                    for (String member : members.getOrDefault(row.id(), List.of())) {
                        if (given.add(member + '|' + i)) {
                            awards.add(new AwardView(member, row.id(), i, rule.points(), rule.badge(),
                                    "team " + row.id() + ": " + reason));
                        }
                    }
                } else if (given.add(row.id() + '|' + i)) {
                    awards.add(new AwardView(row.id(), null, i, rule.points(), rule.badge(), reason));
                }
            }
        }
        return awards;
    }

    /** Why the row meets the rule, or null when it does not. */
    private static String met(ContestInput contest, ContestRule rule, Standings.Row row, String window, int ranked) {
        if (rule.type() == RuleType.GOAL) {
            boolean higher = contest.direction() != Direction.LOWER;
            int c = row.value().compareTo(rule.threshold());
            if (higher ? c >= 0 : c <= 0) {
                return contest.metric() + " " + Numbers.figure(row.value()) + (higher ? " ≥ " : " ≤ ") + "goal "
                        + Numbers.figure(rule.threshold()) + " over " + window;
            }
            return null;
        }
        if (row.rank() <= rule.places()) {
            return "place " + row.rank() + " of " + ranked + " ranked (top " + rule.places() + ") on "
                    + contest.metric() + " " + Numbers.figure(row.value()) + " over " + window;
        }
        return null;
    }
}
