package io.perfcenter.scoring.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkiverse.resteasy.problem.ExceptionMapperBase;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.ClosedChannelException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Problems for request bodies the service cannot read: JSON that does not parse, is nested too deep, or whose values
 * do not fit the fields (a word for a number, an unknown enum value, a scalar for an object …). The problem names the
 * offending field as a JSON path ({@code items[2].points}) and what was expected in API terms, never a Java type.
 * A client that goes away mid-request is logged as such, not as a server error.
 */
public class BodyProblems {

    private static final Logger LOG = Logger.getLogger(BodyProblems.class);
    /** Ahead of quarkus-resteasy-problem's own mappers (999), which would put Jackson's message in the detail. */
    private static final int BEFORE_PROBLEM_EXTENSION = 900;

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_EXTENSION, value = {JsonProcessingException.class,
            StreamReadException.class, JsonParseException.class, JsonEOFException.class,
            StreamConstraintsException.class, DatabindException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, InvalidNullException.class,
            InvalidTypeIdException.class, UnrecognizedPropertyException.class, ValueInstantiationException.class,
            InvalidDefinitionException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return answer(problem(e), e, uri);
    }

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_EXTENSION,
            value = {IOException.class, UncheckedIOException.class, ClosedChannelException.class,
                    HttpClosedException.class})
    public Response readFailed(Exception e, UriInfo uri) {
        if (clientWentAway(e)) {
            // nobody is left to read an answer; this is the client's doing, not a fault of the service
            LOG.infof("client closed the connection during %s", uri.getPath());
            return Response.status(CLIENT_CLOSED_REQUEST).build();
        }
        HttpProblem problem = HttpProblem.builder()
                .withTitle("Internal Server Error")
                .withStatus(Response.Status.INTERNAL_SERVER_ERROR)
                .build();
        return answer(problem, e, uri);
    }

    /** The status nginx made usual for "the client closed the request"; only logs and metrics ever see it. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    static HttpProblem problem(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException || e.getCause() instanceof StreamConstraintsException) {
            // databind wraps the parser's limit into a mapping error with a path; the limit is what matters
            JsonProcessingException limit = e.getCause() instanceof StreamConstraintsException c ? c : e;
            return malformed("the body exceeds the service's limits for JSON (" + limit(limit) + ")");
        }
        if (e instanceof JsonMappingException && e.getCause() instanceof JsonParseException parse) {
            // databind wraps a syntax error (e.g. a body cut short inside a row) into a mapping error with a path:
            // the body is not JSON, whatever row the parser had reached
            return problem(parse);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m);
            return HttpProblem.builder()
                    .withType(ProblemTypes.type("invalid-field"))
                    .withTitle("Invalid field")
                    .withStatus(Response.Status.BAD_REQUEST)
                    .withDetail(field + ": " + reason(m))
                    .with("field", field)
                    .with("reason", reason(m))
                    .build();
        }
        if (e instanceof JsonMappingException m) {
            return malformed("the body " + reason(m));
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return malformed("the body is not valid JSON" + where);
    }

    private static HttpProblem malformed(String detail) {
        return HttpProblem.builder()
                .withType(ProblemTypes.type("malformed-body"))
                .withTitle("Malformed body")
                .withStatus(Response.Status.BAD_REQUEST)
                .withDetail(detail + "; nothing was changed")
                .with("field", "body")
                .build();
    }

    /** {@code items[2].points}: properties joined by dots, array positions in brackets. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What was wrong with the value, in the API's terms. */
    public static String reason(JsonMappingException e) {
        if (e instanceof InvalidFormatException f) {
            return "must be " + expected(f.getTargetType()) + ", not " + shown(f.getValue());
        }
        if (e instanceof InvalidNullException) {
            return "must not be null";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException bad
                && bad.getMessage() != null && !bad.getMessage().contains("$")) {
            return "is not valid: " + bad.getMessage();
        }
        if (e instanceof ValueInstantiationException) {
            return "is not valid";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "must be " + expected(m.getTargetType());
        }
        return "cannot be read";
    }

    /** The kind of JSON value a Java type takes, without naming the Java type. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a value of another kind";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> jsonName(type, (Enum<?>) c))
                    .collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == java.time.YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date-time (ISO 8601)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return "a value of another kind";
    }

    /** An enum constant as the API spells it: its {@code @JsonProperty} name, else its own. */
    private static String jsonName(Class<?> type, Enum<?> constant) {
        try {
            JsonProperty property = type.getField(constant.name()).getAnnotation(JsonProperty.class);
            return property != null && !property.value().isEmpty() ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        text = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return value instanceof String ? '"' + text + '"' : text;
    }

    private static String limit(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.contains("nesting depth")) {
            return "nested deeper than " + JsonLimits.MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("String value length")) {
            return "a string longer than " + JsonLimits.MAX_STRING_LENGTH + " characters";
        }
        if (message.contains("Number value length")) {
            return "a number longer than " + JsonLimits.MAX_NUMBER_LENGTH + " digits";
        }
        return "too large";
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof HttpClosedException) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Connection was closed") || message.contains("Connection reset")
                    || message.contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    private static Response answer(HttpProblem problem, Throwable cause, UriInfo uri) {
        return ExceptionMapperBase.postProcessorsRegistry
                .applyPostProcessing(problem, ProblemContext.of(cause, uri))
                .toResponse();
    }
}
