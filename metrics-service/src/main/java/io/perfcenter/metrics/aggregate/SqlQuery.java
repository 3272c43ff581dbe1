package io.perfcenter.metrics.aggregate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An aggregate query's SQL and its parameters, built together: each fragment is appended with the values of its own
 * {@code ?} placeholders, so the binds are in the order of the text whatever branches built it (a scope's agent
 * filter, a unit's membership join, a CTE that repeats the filter). A fragment whose placeholders and values do not
 * match fails at once. Only values are bound; the text is made of column names from the code, checked metric codes
 * and dates we render.
 */
final class SqlQuery {

    /** A text[] parameter. */
    record TextArray(Object[] values) {
    }

    /** A date[] parameter. */
    record DateArray(LocalDate[] values) {
    }

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> binds = new ArrayList<>();

    /** Appends a fragment and the values of its placeholders, in order (String, LocalDate, TextArray, DateArray). */
    SqlQuery append(String fragment, Object... values) {
        long placeholders = fragment.chars().filter(ch -> ch == '?').count();
        if (placeholders != values.length) {
            throw new IllegalArgumentException(placeholders + " placeholders but " + values.length + " values in: "
                    + fragment);
        }
        sql.append(fragment);
        Collections.addAll(binds, values);
        return this;
    }

    /** Appends another query, its text and its binds. */
    SqlQuery append(SqlQuery other) {
        sql.append(other.sql);
        binds.addAll(other.binds);
        return this;
    }

    static TextArray texts(List<String> values) {
        return new TextArray(values.toArray());
    }

    String sql() {
        return sql.toString();
    }

    List<Object> binds() {
        return List.copyOf(binds);
    }

    /** The prepared statement with every value bound; the caller closes it. */
    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement st = c.prepareStatement(sql.toString());
        try {
            for (int i = 0; i < binds.size(); i++) {
                Object value = binds.get(i);
                if (value instanceof TextArray a) {
                    st.setArray(i + 1, c.createArrayOf("text", a.values()));
                } else if (value instanceof DateArray a) {
                    st.setArray(i + 1, c.createArrayOf("date", a.values()));
                } else if (value instanceof String s) {
                    st.setString(i + 1, s);
                } else {
                    st.setObject(i + 1, value);
                }
            }
            return st;
        } catch (SQLException | RuntimeException e) {
            st.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return sql + " " + binds;
    }
}
