package io.perfcenter.metrics.web;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Boolean query parameters ({@code ?dryRun=}, {@code ?includeRetired=} …) read only {@code true} or {@code false}, in any
 * case; anything else (also an empty value) is a 400 problem naming the parameter, never a silent {@code false}. A
 * flag left out reads as its {@code @DefaultValue}. One place for every resource of the service.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    /** What the framework hands over for a primitive parameter that is neither given nor has a {@code @DefaultValue}. */
    private static final String PRIMITIVE_FILLER = "0";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        String name = "query parameter";
        boolean defaulted = false;
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            }
            defaulted |= a instanceof DefaultValue;
        }
        // give flags a @DefaultValue("false"): then a "0" from the caller is refused like any other non-boolean
        return (ParamConverter<T>) new Flag(name, rawType == boolean.class && !defaulted ? PRIMITIVE_FILLER : null);
    }

    /** @param filler the framework's stand-in for "not given", read as false; null when there is none */
    private record Flag(String name, String filler) implements ParamConverter<Boolean> {

        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            if ("true".equalsIgnoreCase(value)) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(value) || value.equals(filler)) {
                return Boolean.FALSE;
            }
            throw Problems.invalid(name, "must be true or false");
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    }
}
