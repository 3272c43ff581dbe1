package io.perfcenter.metrics.web;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * JSON bodies that are read into objects are first read into a buffer of at most their endpoint's limit; one
 * byte more is a 413 problem, before Jackson builds anything. Streamed uploads (an {@link InputStream}
 * parameter) pass untouched: they count their own bytes.
 */
@Provider
public class BoundedJsonBodies implements ReaderInterceptor {

    // an application-scoped proxy: interceptors are made at build time, the limits are known at run time
    private final BodyLimits limits;

    BoundedJsonBodies(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (InputStream.class.isAssignableFrom(context.getType())) {
            return context.proceed();
        }
        long limit = limitFor(isBulk(context.getGenericType()) ? BodyLimits.VALUES : "/");
        byte[] body = context.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit) {
            throw Problems.bodyTooLarge(limit);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    private long limitFor(String path) {
        return limits.limitFor(path);
    }

    /** A bulk body (a JSON array of rows: values, org syncs), which has the bulk limit. */
    private static boolean isBulk(Type type) {
        return type instanceof ParameterizedType p && p.getRawType() == List.class;
    }
}
