package io.perfcenter.metrics.catalog;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a metric follows from raw records: {@code (numerator − subtract) / denominator × scale} over the period,
 * each part a {@link Measure} over one kind of record. Built only from the fixed vocabulary of record kinds, fields,
 * functions and comparisons, so HR can define metrics without any SQL reaching the database.
 */
@Schema(name = "MetricDerivation", description = "(numerator − subtract) / denominator × scale over the period's "
        + "records; subtract, denominator and scale are optional")
public record Derivation(
        @Schema(required = true) Measure numerator,
        @Schema(description = "Subtracted from the numerator, e.g. detractors from promoters for NPS") Measure subtract,
        @Schema(description = "Required for RATIO, MEAN and WEIGHTED_MEAN") Measure denominator,
        @Schema(description = "Multiplier of the result, e.g. 100 for a percentage", examples = "100") BigDecimal scale) {

    @Schema(name = "MeasureFunction", description = "How a measure combines the records: COUNT of records, or SUM/MAX/MIN of the fields")
    public enum Function { COUNT, SUM, MAX, MIN }

    @Schema(name = "ConditionOperator", description = "How a condition compares a record field with its value")
    public enum Op { EQ, NE, GT, GE, LT, LE, IS_TRUE, IS_FALSE, IS_SET, IS_NOT_SET }

    @Schema(name = "MetricMeasure", description = "COUNT of records, or SUM/MAX/MIN of the sum of fields, over the "
            + "records of one kind that meet every condition")
    public record Measure(
            @Schema(required = true, description = "Record kind: calls, tickets, surveys, qa-evaluations, "
                    + "qa-items (one per item of a form-scored QA evaluation), mentorships (ended ones, for the mentor), "
                    + "adherence, incidents, sales",
                    examples = "calls") String record,
            @Schema(required = true, examples = "SUM") Function function,
            @Schema(description = "Numeric fields added up per record (SUM, MAX, MIN)",
                    examples = "[\"talkSeconds\", \"holdSeconds\", \"wrapSeconds\"]") List<String> fields,
            @Schema(description = "Numeric field each record's value is multiplied by (weighted sums)")
            String weightField,
            @Schema(description = "Conditions a record must meet to count; all must hold") List<Condition> where) {

        public List<String> fieldList() {
            return fields == null ? List.of() : fields;
        }

        public List<Condition> conditions() {
            return where == null ? List.of() : where;
        }
    }

    @Schema(name = "MetricCondition")
    public record Condition(
            @Schema(required = true, examples = "kind") String field,
            @Schema(required = true, examples = "EQ") Op op,
            @Schema(description = "For EQ, NE, GT, GE, LT, LE", examples = "ERROR") String value) {
    }

    public BigDecimal scaleOrOne() {
        return scale == null ? BigDecimal.ONE : scale;
    }
}
