package io.perfcenter.metrics.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Boolean query parameters ({@code ?atomic=}, {@code ?dryRun=} …) read only {@code true} or {@code false}, in any
 * case; anything else is a 400 problem naming the parameter, never a silent {@code false}. One place for every
 * resource of the service.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != Boolean.class && rawType != boolean.class) {
            return null;
        }
        String name = "query parameter";
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                name = q.value();
            }
        }
        return (ParamConverter<T>) new Flag(name);
    }

    private record Flag(String name) implements ParamConverter<Boolean> {

        @Override
        public Boolean fromString(String value) {
            if ("true".equalsIgnoreCase(value)) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(value)) {
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
