package io.perfcenter.incentive.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.util.List;

/**
 * Limit/offset paging of a list endpoint, taken as {@code @BeanParam Page page}: the query parameters {@code limit}
 * (1 to {@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}) and {@code offset} (0 or more, default 0). The body stays
 * a JSON array of the page's rows; {@value #TOTAL} says how many rows the whole list has, and {@value #LINK} with
 * {@code rel="next"} names the next page while there is one. The link is relative (path and query of the request, with
 * {@code offset} moved on), so it stays right for a caller who came through the gateway, which forwards paths as they
 * are.
 */
public class Page {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final String LINK = "Link";
    public static final String TOTAL = "X-Total-Count";
    public static final String LINK_DOC = "Relative link to the next page, e.g. "
            + "`</api/v1/scoring/scorecards?period=2026-10&offset=100&limit=100>; rel=\"next\"`; absent on the last "
            + "page";
    public static final String TOTAL_DOC = "How many rows the whole list has, over all pages";

    @QueryParam("limit")
    @Parameter(description = "At most this many rows in the answer: 1 to 1000, default 100",
            example = "100", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000",
            defaultValue = "100"))
    String limit;

    @QueryParam("offset")
    @Parameter(description = "How many rows of the list, in its documented order, to skip: 0 or more, default 0",
            example = "0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
    String offset;

    @Context
    UriInfo uri;

    public Page() {
    }

    /** Rows to skip; 400 naming {@code offset} unless a whole number of 0 or more. */
    public int offset() {
        int value = number("offset", offset, 0);
        if (value < 0) {
            throw Problems.invalid("offset", "must be 0 or more");
        }
        return value;
    }

    /** Rows to answer at most; 400 naming {@code limit} unless a whole number between 1 and {@value #MAX_LIMIT}. */
    public int limit() {
        int value = number("limit", limit, DEFAULT_LIMIT);
        if (value < 1 || value > MAX_LIMIT) {
            throw Problems.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return value;
    }

    /** The page of a whole list (already in its stable order), with its headers. */
    public <T> RestResponse<List<T>> of(List<T> all) {
        int limit = limit();
        int offset = offset();
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + limit, all.size());
        return answer(List.copyOf(all.subList(from, to)), all.size(), limit, offset);
    }

    /** A page the database already cut ({@code rows} at {@link #offset()}, at most {@link #limit()} of them). */
    public <T> RestResponse<List<T>> of(List<T> rows, long total) {
        return answer(rows, total, limit(), offset());
    }

    private <T> RestResponse<List<T>> answer(List<T> rows, long total, int limit, int offset) {
        RestResponse.ResponseBuilder<List<T>> answer = RestResponse.ResponseBuilder.ok(rows).header(TOTAL, total);
        if ((long) offset + rows.size() < total) {
            URI next = uri.getRequestUriBuilder()
                    .replaceQueryParam("offset", offset + rows.size())
                    .replaceQueryParam("limit", limit)
                    .build();
            answer.header(LINK, "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    private static int number(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw Problems.invalid(name, "must be a whole number");
        }
    }
}
