package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.perfcenter.scoring.rule.Figures.bound;
import static io.perfcenter.scoring.rule.Figures.format;
import static io.perfcenter.scoring.rule.Figures.withUnit;

/**
 * Lookup table (DOMAIN.md §3.2): value ranges → points, e.g. error count ≤3 → 30, 4 → 28, 5 → 27.5 … 10 → 23,
 * more → 0. A row holds values above the previous row's {@code upTo} up to and including its own; the last row has
 * none and holds everything above. The points count as they are, or scaled to 0–100 with {@code maxPoints}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LookupTableRule", description = "Points looked up by the range the value falls in")
public record LookupTableRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(required = true, description = "Ascending rows; only the last one has no upTo") List<Row> table,
        @Schema(description = "Points that make 100; without it the points count as they are", examples = "30")
        BigDecimal maxPoints,
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
        this(TYPE, table, maxPoints, unit);
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
                invalid.add(new InvalidParameter(at + ".upTo", "must be above the previous row's (" + bound(previous)
                        + ")"));
            }
            if (row.upTo() != null) {
                previous = row.upTo();
            }
        }
        PointScale.checkMaxPoints(maxPoints, invalid);
        return invalid;
    }

    @Override
    public RuleScore score(BigDecimal value) {
        int index = rowOf(value);
        BigDecimal points = table.get(index).points();
        return PointScale.finish(points, maxPoints, withUnit(value, unit) + " (" + label(index) + ") → "
                + format(points));
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
            return upTo == null ? "single row" : "row ≤ " + bound(upTo);
        }
        BigDecimal from = table.get(index - 1).upTo();
        return upTo == null ? "row > " + bound(from) : "row " + bound(from) + " < value ≤ " + bound(upTo);
    }
}
