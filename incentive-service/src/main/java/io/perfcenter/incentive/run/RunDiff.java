package io.perfcenter.incentive.run;

import io.perfcenter.incentive.run.RunPayloads.AgentChange;
import io.perfcenter.incentive.run.RunPayloads.LineChange;
import io.perfcenter.incentive.run.RunPayloads.RunChanges;
import io.perfcenter.incentive.statement.StatementPayloads.LineView;
import io.perfcenter.incentive.statement.StatementPayloads.StatementView;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the statements of two revisions agent by agent: lines are matched by kind and their order within the
 * kind; a line differs when its amount, explanation or source facts differ, and the facts that differ are listed.
 * Explanations are compared in English, so that a revision stored before the Chinese texts (V8) compares with one
 * stored after as before; the changes are then shown in the caller's language.
 */
final class RunDiff {

    private RunDiff() {
    }

    static RunChanges between(PayoutRun run, PayoutRun previous, List<StatementView> before,
                              List<StatementView> after) {
        if (previous == null) {
            return new RunChanges(run.id, run.revision, null, null, null, run.totalAmount, 0, 0, List.of());
        }
        Map<String, StatementView> old = new HashMap<>();
        before.forEach(s -> old.put(s.employeeId(), s));
        Map<String, StatementView> now = new HashMap<>();
        after.forEach(s -> now.put(s.employeeId(), s));
        Set<String> employees = new TreeSet<>(old.keySet());
        employees.addAll(now.keySet());
        List<AgentChange> changes = new ArrayList<>();
        int unchanged = 0;
        for (String employee : employees) {
            StatementView b = old.get(employee);
            StatementView a = now.get(employee);
            if (b == null || a == null) {
                changes.add(new AgentChange(employee, b == null ? "ADDED" : "REMOVED",
                        b == null ? null : b.total(), a == null ? null : a.total(), null,
                        lines(b == null ? List.of() : b.lines(), a == null ? List.of() : a.lines())));
                continue;
            }
            List<LineChange> lines = lines(b.lines(), a.lines());
            if (lines.isEmpty() && Objects.equals(b.flags(), a.flags())) {
                unchanged++;
            } else {
                BigDecimal difference = a.total() != null && b.total() != null ? a.total().subtract(b.total()) : null;
                changes.add(new AgentChange(employee, "CHANGED", b.total(), a.total(), difference, lines));
            }
        }
        return new RunChanges(run.id, run.revision, previous.id, previous.revision, previous.totalAmount,
                run.totalAmount, changes.size(), unchanged, changes);
    }

    private static List<LineChange> lines(List<LineView> before, List<LineView> after) {
        Map<String, LineView> b = keyed(before);
        Map<String, LineView> a = keyed(after);
        Set<String> keys = new LinkedHashSet<>(b.keySet());
        keys.addAll(a.keySet());
        List<LineChange> changes = new ArrayList<>();
        for (String key : keys) {
            LineView x = b.get(key);
            LineView y = a.get(key);
            if (x != null && y != null && same(x.amount(), y.amount()) && x.explanation().equals(y.explanation())
                    && Objects.equals(x.source(), y.source())) {
                continue;
            }
            String kind = (x != null ? x : y).kind();
            changes.add(new LineChange(kind, x == null ? null : x.amount(), y == null ? null : y.amount(),
                    x == null ? null : x.explanation(), y == null ? null : y.explanation(),
                    sourceChanges(x == null ? Map.of() : x.source(), y == null ? Map.of() : y.source()),
                    x == null ? null : x.explanationZh(), y == null ? null : y.explanationZh()));
        }
        return changes;
    }

    /** Lines keyed "kind#n", n counting the lines of that kind in order. */
    private static Map<String, LineView> keyed(List<LineView> lines) {
        Map<String, LineView> keyed = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (LineView l : lines) {
            int n = seen.merge(l.kind(), 1, Integer::sum);
            keyed.put(l.kind() + "#" + n, l);
        }
        return keyed;
    }

    private static Map<String, List<Object>> sourceChanges(Map<String, Object> before, Map<String, Object> after) {
        Map<String, List<Object>> changed = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object x = before.get(key);
            Object y = after.get(key);
            if (!Objects.equals(x, y)) {
                changed.put(key, Arrays.asList(x, y));
            }
        }
        return changed;
    }

    private static boolean same(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }
}
