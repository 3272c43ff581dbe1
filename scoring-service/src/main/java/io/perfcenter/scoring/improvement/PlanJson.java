package io.perfcenter.scoring.improvement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Evaluation;
import io.perfcenter.scoring.improvement.ImprovementPayloads.Goal;

import java.util.List;

/**
 * The stored form of a plan's goals and evaluation: a plain mapper of its own (dates as ISO text), so the stored
 * format never follows the REST layer's settings.
 */
final class PlanJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PlanJson() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write plan JSON", e);
        }
    }

    static List<Goal> goals(String json) {
        return read(json, new TypeReference<>() {
        });
    }

    static Evaluation evaluation(String json) {
        return json == null ? null : read(json, new TypeReference<>() {
        });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan JSON unreadable", e);
        }
    }
}
