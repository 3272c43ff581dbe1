package io.perfcenter.scoring.run;

import io.perfcenter.scoring.run.RunPayloads.AgentChange;
import io.perfcenter.scoring.run.RunPayloads.ItemChange;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardItem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.perfcenter.scoring.rule.Figures.plain;

/** What differs, agent by agent, between two sets of scorecards (two revisions, or stored and recomputed). */
public final class RunChanges {

    private RunChanges() {
    }

    public static List<AgentChange> between(List<Scorecard> before, List<Scorecard> after) {
        Map<String, Scorecard> old = new LinkedHashMap<>();
        before.forEach(s -> old.put(key(s), s));
        List<AgentChange> changes = new ArrayList<>();
        for (Scorecard now : after) {
            Scorecard was = old.remove(key(now));
            if (was == null) {
                changes.add(new AgentChange(now.employeeId, "ADDED", null, plain(now.total), null, now.grade, null,
                        now.rank, null));
                continue;
            }
            List<ItemChange> items = new ArrayList<>();
            for (ScorecardItem item : now.items) {
                ScorecardItem prior = was.item(item.itemCode);
                BigDecimal valueBefore = prior == null ? null : prior.value;
                BigDecimal pointsBefore = prior == null ? null : prior.points;
                if (!same(valueBefore, item.value) || !same(pointsBefore, item.points)) {
                    items.add(new ItemChange(item.itemCode, plain(valueBefore), plain(item.value),
                            plain(pointsBefore), plain(item.points)));
                }
            }
            boolean changed = !items.isEmpty() || !same(was.total, now.total) || !Objects.equals(was.grade, now.grade);
            if (changed || !Objects.equals(was.rank, now.rank)) {
                // RANK: the agent's own result is the same, others' moved them
                changes.add(new AgentChange(now.employeeId, changed ? "CHANGED" : "RANK", plain(was.total),
                        plain(now.total), was.grade, now.grade, was.rank, now.rank, items.isEmpty() ? null : items));
            }
        }
        old.values().forEach(was -> changes.add(new AgentChange(was.employeeId, "REMOVED", plain(was.total), null,
                was.grade, null, was.rank, null, null)));
        return changes;
    }

    private static String key(Scorecard s) {
        return s.employeeId + "|" + Objects.toString(s.subjectUnitCode, "");
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
