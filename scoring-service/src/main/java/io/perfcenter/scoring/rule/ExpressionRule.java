package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static io.perfcenter.scoring.rule.Figures.format;

/**
 * Expression (anything the other rule types cannot say), in CEL, the Common Expression Language: type-checked when
 * the template is defined, evaluated in a sandbox that can read only the variables given — {@code value} (the item's
 * metric), {@code samples} (its sample count) and each metric named in {@code metrics} by its code — and has no
 * loops beyond bounded comprehensions, no I/O and no access to the JVM. CEL does not mix int and double in
 * arithmetic: write {@code value * 2.0}, not {@code value * 2}. The result (int or double) is the points, limited
 * to {@code min}/{@code max} when given.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ExpressionRule", description = "Points computed by a CEL expression over the item's value and other "
        + "metrics")
public record ExpressionRule(
        @Schema(required = true, enumeration = TYPE, examples = TYPE) String type,
        @Schema(required = true, description = "CEL expression giving the points",
                examples = "value >= 0.95 ? 100.0 : value / 0.95 * 100.0") String expression,
        @Schema(description = "Other metric codes the expression reads as variables", examples = "[\"calls_handled\"]")
        List<String> metrics,
        @Schema(description = "Lowest points", examples = "0") BigDecimal min,
        @Schema(description = "Highest points: the points the rule is worth (in a weighted template, what earns the item's "
                + "weight; without it the points count as on a 0–100 scale)", examples = "100") BigDecimal max)
        implements ScoringRule {

    public static final String TYPE = "expression";
    static final int MAX_LENGTH = 2000;
    private static final Pattern VARIABLE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Set<String> RESERVED = Set.of("value", "samples", "in", "as", "break", "const", "continue",
            "else", "for", "function", "if", "import", "let", "loop", "package", "namespace", "return", "var", "void",
            "while", "true", "false", "null");
    private static final CelOptions OPTIONS = CelOptions.current()
            .enableHeterogeneousNumericComparisons(true)
            .comprehensionMaxIterations(1000)
            .maxExpressionCodePointSize(MAX_LENGTH)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();
    // compiled programs by expression and variables; templates are few, so the cache stays small
    private static final Map<String, CelRuntime.Program> PROGRAMS = new ConcurrentHashMap<>();

    public ExpressionRule {
        type = TYPE;
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    public ExpressionRule(String expression, List<String> metrics, BigDecimal min, BigDecimal max) {
        this(TYPE, expression, metrics, min, max);
    }

    @Override
    public List<String> otherMetrics() {
        return metrics;
    }

    @Override
    public List<InvalidParameter> check() {
        List<InvalidParameter> invalid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < metrics.size(); i++) {
            String code = metrics.get(i);
            if (code == null || !VARIABLE.matcher(code).matches() || RESERVED.contains(code) || !seen.add(code)) {
                invalid.add(new InvalidParameter("metrics[" + i + "]", "must be a metric code (lower case, digits, "
                        + "'_'), once, and not a CEL reserved word"));
            }
        }
        if (expression == null || expression.isBlank()) {
            invalid.add(new InvalidParameter("expression", "is required"));
        } else if (expression.length() > MAX_LENGTH) {
            invalid.add(new InvalidParameter("expression", "must be at most " + MAX_LENGTH + " characters"));
        } else if (invalid.isEmpty()) {
            try {
                CelAbstractSyntaxTree ast = compiler().compile(expression).getAst();
                CelType result = ast.getResultType();
                if (!result.equals(SimpleType.DOUBLE) && !result.equals(SimpleType.INT)) {
                    invalid.add(new InvalidParameter("expression", "must give a number (int or double), it gives "
                            + result.name()));
                }
            } catch (CelValidationException e) {
                invalid.add(new InvalidParameter("expression", "is not valid CEL: " + e.getMessage()));
            }
        }
        if (min != null && max != null && min.compareTo(max) >= 0) {
            invalid.add(new InvalidParameter("max", "must be above min"));
        }
        return invalid;
    }

    /** As bounded by min and max; an expression without them may give any number. */
    @Override
    public PointRange pointRange() {
        return new PointRange(min, max);
    }

    @Override
    public RuleScore score(RuleContext context) {
        Map<String, Object> variables = new HashMap<>();
        StringBuilder with = new StringBuilder();
        StringBuilder withZh = new StringBuilder();
        if (context.value() != null) {
            variables.put("value", context.value().doubleValue());
            with.append("value = ").append(format(context.value()));
            withZh.append("value = ").append(format(context.value()));
        }
        variables.put("samples", context.samples() == null ? 0L : context.samples());
        for (String code : metrics) {
            BigDecimal v = context.metrics().get(code);
            if (v == null) {
                return RuleScore.insufficient("No " + code + " data for the expression", "表达式所需的 " + code
                        + " 无数据");
            }
            variables.put(code, v.doubleValue());
            with.append(with.isEmpty() ? "" : ", ").append(code).append(" = ").append(format(v));
            withZh.append(withZh.isEmpty() ? "" : "，").append(code).append(" = ").append(format(v));
        }
        Object result;
        try {
            result = program().eval(variables);
        } catch (CelEvaluationException e) {
            return RuleScore.insufficient("The expression could not be evaluated (" + e.getMessage() + ")",
                    "表达式无法求值（" + e.getMessage() + "）");
        }
        double number = ((Number) result).doubleValue();
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return RuleScore.insufficient("The expression gave no finite number with " + with,
                    "表达式在 " + withZh + " 时未得出有限数值");
        }
        BigDecimal points = Figures.points(BigDecimal.valueOf(number));
        Explanation explanation = Explanation.of("expression `" + expression + "` with " + with + " = "
                + format(points), "表达式 `" + expression + "`" + (withZh.isEmpty() ? "" : "，其中 " + withZh) + "，结果 = " + format(points));
        if (min != null && points.compareTo(min) < 0) {
            points = Figures.points(min);
            explanation = explanation.plus(", raised to the minimum " + format(min), "，提高到最低分 " + format(min));
        } else if (max != null && points.compareTo(max) > 0) {
            points = Figures.points(max);
            explanation = explanation.plus(", limited to the maximum " + format(max), "，限制为最高分 " + format(max));
        }
        return new RuleScore(points, explanation.plus(" points", " 分"));
    }

    private CelCompiler compiler() {
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .addVar("value", SimpleType.DOUBLE)
                .addVar("samples", SimpleType.INT);
        metrics.forEach(code -> builder.addVar(code, SimpleType.DOUBLE));
        return builder.build();
    }

    private CelRuntime.Program program() {
        String key = String.join(",", metrics) + "\n" + expression;
        CelRuntime.Program program = PROGRAMS.get(key);
        if (program == null) {
            try {
                program = RUNTIME.createProgram(compiler().compile(expression).getAst());
            } catch (CelValidationException | CelEvaluationException e) {
                throw new IllegalStateException("a checked expression no longer compiles: " + expression, e);
            }
            if (PROGRAMS.size() > 10_000) {
                PROGRAMS.clear();
            }
            PROGRAMS.put(key, program);
        }
        return program;
    }
}
