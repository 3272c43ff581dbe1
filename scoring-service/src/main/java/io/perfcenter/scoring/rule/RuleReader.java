package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.perfcenter.scoring.rule.ScoringRule.InvalidParameter;


import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a rule from its JSON definition as a template author wrote it, and says which parameter is wrong when it
 * cannot: an unknown type, an unknown or mistyped parameter, or a value the rule's own check refuses.
 */
public final class RuleReader {

    /** The rule types there are, as registered on {@link ScoringRule}. */
    public static final List<String> TYPES = Arrays.stream(ScoringRule.class.getAnnotation(JsonSubTypes.class).value())
            .map(JsonSubTypes.Type::name).toList();

    // unknown parameters are refused: a misspelt "ful" must not silently leave a threshold out
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RuleReader() {
    }

    /** Either a rule that passed its check, or the first thing wrong with the definition. */
    public record Reading(ScoringRule rule, InvalidParameter invalid) {
    }

    public static Reading read(JsonNode definition) {
        if (definition == null || definition.isNull()) {
            return invalid("", "is required");
        }
        if (!definition.isObject()) {
            return invalid("", "must be an object with a type and its parameters");
        }
        JsonNode type = definition.get("type");
        if (type == null || !type.isTextual() || !TYPES.contains(type.asText())) {
            return invalid("type", (type == null || type.isNull() ? "is required" : "unknown rule type " + type)
                    + "; one of " + String.join(", ", TYPES));
        }
        ScoringRule rule;
        try {
            rule = STRICT.treeToValue(definition, ScoringRule.class);
        } catch (UnrecognizedPropertyException e) {
            return invalid(path(e), "is not a parameter of a " + type.asText() + " rule");
        } catch (JsonMappingException e) {
            return invalid(path(e), reason(e));
        } catch (Exception e) {
            return invalid("", "cannot be read");
        }
        List<InvalidParameter> problems = rule.check();
        return problems.isEmpty() ? new Reading(rule, null) : new Reading(null, problems.get(0));
    }

    private static Reading invalid(String field, String reason) {
        return new Reading(null, new InvalidParameter(field, reason));
    }

    /** What the parameter should be, in the API's words: never Jackson's message, which names Java classes. */
    static String reason(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause
                && cause.getMessage() != null && cause.getMessage().startsWith("must ")) {
            return cause.getMessage();
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType()
                : e instanceof ValueInstantiationException v ? v.getType().getRawClass() : null;
        if (target == null) {
            return "has the wrong format";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "must be a number";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        if (target == String.class) {
            return "must be text";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        return "must be an object";
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
