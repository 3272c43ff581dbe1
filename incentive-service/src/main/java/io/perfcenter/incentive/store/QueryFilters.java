package io.perfcenter.incentive.store;

import jakarta.persistence.Query;

import java.util.HashMap;
import java.util.Map;

/** The optional filters of a list query: each value given adds its condition and binds its named parameter. */
public final class QueryFilters {

    private final StringBuilder conditions = new StringBuilder();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code AND condition} with {@code :parameter} bound to the value, unless the value is null. */
    public QueryFilters and(String condition, String parameter, Object value) {
        if (value != null) {
            conditions.append(" AND ").append(condition);
            params.put(parameter, value);
        }
        return this;
    }

    /** Adds {@code AND condition} with several named parameters bound. */
    public QueryFilters and(String condition, Map<String, Object> parameters) {
        conditions.append(" AND ").append(condition);
        params.putAll(parameters);
        return this;
    }

    /** The conditions, each starting with " AND ", to follow a WHERE clause. */
    public String conditions() {
        return conditions.toString();
    }

    public <Q extends Query> Q bind(Q query) {
        params.forEach(query::setParameter);
        return query;
    }
}
