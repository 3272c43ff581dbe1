package io.perfcenter.incentive.statement;

import io.perfcenter.incentive.store.Json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A statement as composed in memory before it is stored: the agent, the unit and the computed lines. */
public final class ComposedStatement {

    private final String employeeId;
    private final String unitCode;
    private final List<ComputedLine> lines;

    public ComposedStatement(String employeeId, String unitCode, List<ComputedLine> lines) {
        this.employeeId = employeeId;
        this.unitCode = unitCode;
        this.lines = new ArrayList<>(lines);
    }

    public String employeeId() {
        return employeeId;
    }

    public String unitCode() {
        return unitCode;
    }

    public List<ComputedLine> lines() {
        return lines;
    }

    /** The JSON of each line's source, as stored; made once, after the lines are final. */
    public List<String> sourcesJson() {
        if (sourcesJson == null) {
            sourcesJson = lines.stream().map(l -> Json.write(l.source())).toList();
        }
        return sourcesJson;
    }

    private List<String> sourcesJson;

    /** Why something was not computed, in line order, each flag once. */
    public List<String> flags() {
        Set<String> flags = new LinkedHashSet<>();
        lines.forEach(l -> flags.addAll(l.flags()));
        return new ArrayList<>(flags);
    }

    /** Sum of the paid lines; null when a line could not be computed (never a silent zero). */
    public BigDecimal total() {
        BigDecimal total = BigDecimal.ZERO.setScale(Money.SCALE);
        for (ComputedLine line : lines) {
            if (!line.computed()) {
                return null;
            }
            if (line.monetary() && line.amount() != null) {
                total = total.add(line.amount());
            }
        }
        return total;
    }
}
