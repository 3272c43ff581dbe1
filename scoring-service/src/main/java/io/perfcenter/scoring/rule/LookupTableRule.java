package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.perfcenter.scoring.rule.Figures.plainText;
import static io.perfcenter.scoring.rule.Figures.format;
import static io.perfcenter.scoring.rule.Figures.withUnit;
import static io.perfcenter.scoring.rule.Figures.withUnitZh;

/**
 * Lookup table (docs/domain.md §3): value ranges → points, e.g. error count ≤3 → 30, 4 → 28, 5 → 27.5 … 10 → 23,
 * more → 0. A row holds values above the previous row's {@code upTo} up to and including its own; the last row has
 * none and holds everything above. The points count as they are (from the worst row's to the best row's), or, with
 * {@code points} (what the rule is worth) and/or {@code maxPoints} (the table points that earn them, default the best
 * row's), scaled: min(points, table points / maxPoints × points).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LookupTableRule", description = "Points looked up by the range the value falls in")
public record LookupTableRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(required = true, description = "Ascending rows; only the last one has no upTo") List<Row> table,
        @Schema(description = "Table points that earn the rule's points; default the best row's when points is given",
                examples = "30") BigDecimal maxPoints,
        @Schema(description = "Points the rule is worth (its maximum); default: the table's points as they are, or "
                + "100 with maxPoints", examples = "10") BigDecimal points,
        @Schema(description = "Unit of the value, for explanations", examples = "errors") String unit)
        implements ScoringRule {

    public static final String TYPE = "lookup-table";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LookupRow")
    public record Row(
            @Schema(description = "Highest value of the row, inclusive; none on the last row", examples = "3")
            BigDecimal upTo,
            @Schema(required = true, description = "Points for a value in the row", examples = "30") BigDecimal points) {
    }

    public LookupTableRule {
        type = TYPE;
        table = table == null ? null : List.copyOf(table.stream().map(r -> r == null ? new Row(null, null) : r)
                .toList());
    }

    public LookupTableRule(List<Row> table, BigDecimal maxPoints, String unit) {
        this(TYPE, table, maxPoints, null, unit);
    }

    public LookupTableRule(List<Row> table, BigDecimal maxPoints, BigDecimal points, String unit) {
        this(TYPE, table, maxPoints, points, unit);
    }

    @Override
    public List<InvalidParameter> check() {
        List<InvalidParameter> invalid = new ArrayList<>();
        if (table == null || table.isEmpty()) {
            invalid.add(new InvalidParameter("table", "name at least one row"));
            return invalid;
        }
        BigDecimal previous = null;
        for (int i = 0; i < table.size(); i++) {
            Row row = table.get(i);
            String at = "table[" + i + "]";
            boolean last = i == table.size() - 1;
            if (row.points() == null) {
                invalid.add(new InvalidParameter(at + ".points", "is required"));
            }
            if (row.upTo() == null && !last) {
                invalid.add(new InvalidParameter(at + ".upTo", "is required on every row but the last"));
            } else if (row.upTo() != null && last) {
                invalid.add(new InvalidParameter(at + ".upTo", "must be left out on the last row, which is open"));
            } else if (row.upTo() != null && previous != null && row.upTo().compareTo(previous) <= 0) {
                invalid.add(new InvalidParameter(at + ".upTo", "must be above the previous row's ("
                        + plainText(previous) + ")"));
            }
            if (row.upTo() != null) {
                previous = row.upTo();
            }
        }
        PointScale.checkMaxPoints(maxPoints, invalid);
        PointScale.checkPoints(points, invalid);
        if (invalid.isEmpty() && points != null && maxPoints == null && best().signum() <= 0) {
            invalid.add(new InvalidParameter("points", "needs maxPoints: no row gives points above 0"));
        }
        return invalid;
    }

    @Override
    public PointRange pointRange() {
        BigDecimal worst = table.stream().map(Row::points).reduce(BigDecimal::min).orElseThrow();
        return PointScale.range(worst, best(), scaleFrom(), points);
    }

    private BigDecimal best() {
        return table.stream().map(Row::points).filter(p -> p != null).reduce(BigDecimal::max)
                .orElse(BigDecimal.ZERO);
    }

    // the table points that earn the rule's points: stated, or the best row's when only points is given
    private BigDecimal scaleFrom() {
        return maxPoints != null || points == null ? maxPoints : best();
    }

    @Override
    public RuleScore score(BigDecimal value) {
        int index = rowOf(value);
        BigDecimal raw = table.get(index).points();
        return PointScale.finish(raw, scaleFrom(), points, Explanation.of(
                withUnit(value, unit) + " (" + label(index) + ") → " + format(raw),
                withUnitZh(value, unit) + "（" + labelZh(index) + "）→ " + format(raw)));
    }

    private int rowOf(BigDecimal value) {
        for (int i = 0; i < table.size(); i++) {
            BigDecimal upTo = table.get(i).upTo();
            if (upTo == null || value.compareTo(upTo) <= 0) {
                return i;
            }
        }
        return table.size() - 1;
    }

    private String label(int index) {
        BigDecimal upTo = table.get(index).upTo();
        if (index == 0) {
            return upTo == null ? "single row" : "row ≤ " + plainText(upTo);
        }
        BigDecimal from = table.get(index - 1).upTo();
        return upTo == null ? "row > " + plainText(from) : "row " + plainText(from) + " < value ≤ " + plainText(upTo);
    }

    private String labelZh(int index) {
        BigDecimal upTo = table.get(index).upTo();
        if (index == 0) {
            return upTo == null ? "唯一一档" : "≤ " + plainText(upTo) + " 档";
        }
        BigDecimal from = table.get(index - 1).upTo();
        return upTo == null ? "> " + plainText(from) + " 档" : plainText(from) + " < 数值 ≤ " + plainText(upTo) + " 档";
    }
}
