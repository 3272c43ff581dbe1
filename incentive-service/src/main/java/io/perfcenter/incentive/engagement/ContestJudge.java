package io.perfcenter.incentive.engagement;

import io.perfcenter.incentive.engagement.EngagementPayloads.AwardView;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestInput;
import io.perfcenter.incentive.engagement.EngagementPayloads.ContestRule;
import io.perfcenter.incentive.engagement.EngagementPayloads.Direction;
import io.perfcenter.incentive.engagement.EngagementPayloads.Mode;
import io.perfcenter.incentive.engagement.EngagementPayloads.RuleType;
import io.perfcenter.incentive.statement.Explanation;
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
 * winning units. Each award's reason is written in English and in Simplified Chinese, with the same figures. Pure.
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
                Explanation met = met(contest, rule, row, window, ranked);
                if (met == null) {
                    continue;
                }
                Explanation reason = met.plus(": " + rule.points() + (rule.points() == 1 ? " point" : " points")
                        + (rule.badge() == null ? "" : ", badge " + rule.badge()),
                        "：" + rule.points() + " 积分" + (rule.badge() == null ? "" : "，徽章 " + rule.badge()));
                if (contest.mode() == Mode.TEAM) {
                    Explanation team = new Explanation("team " + row.id() + ": ", "团队 " + row.id() + "：").plus(reason);
                    for (String member : members.getOrDefault(row.id(), List.of())) {
                        if (given.add(member + '|' + i)) {
                            awards.add(new AwardView(member, row.id(), i, rule.points(), rule.badge(), team.en(),
                                    team.zh()));
                        }
                    }
                } else if (given.add(row.id() + '|' + i)) {
                    awards.add(new AwardView(row.id(), null, i, rule.points(), rule.badge(), reason.en(),
                            reason.zh()));
                }
            }
        }
        return awards;
    }

    /** Why the row meets the rule, or null when it does not. */
    private static Explanation met(ContestInput contest, ContestRule rule, Standings.Row row, String window,
                                   int ranked) {
        String figure = contest.metric() + " " + Numbers.figure(row.value());
        if (rule.type() == RuleType.GOAL) {
            boolean higher = contest.direction() != Direction.LOWER;
            int c = row.value().compareTo(rule.threshold());
            if (higher ? c >= 0 : c <= 0) {
                String goal = Numbers.figure(rule.threshold());
                return new Explanation(figure + (higher ? " ≥ " : " ≤ ") + "goal " + goal + " over " + window,
                        window + " 期间 " + figure + (higher ? " ≥ " : " ≤ ") + "目标 " + goal);
            }
            return null;
        }
        if (row.rank() <= rule.places()) {
            return new Explanation("place " + row.rank() + " of " + ranked + " ranked (top " + rule.places() + ") on "
                    + figure + " over " + window, window + " 期间 " + figure + "，在 " + ranked + " 名参与排名者中列第 "
                    + row.rank() + " 名（前 " + rule.places() + " 名）");
        }
        return null;
    }
}
