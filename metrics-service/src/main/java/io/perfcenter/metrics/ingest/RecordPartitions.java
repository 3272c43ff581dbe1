package io.perfcenter.metrics.ingest;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The month partitions of the raw record tables (V8): made on demand before a chunk of an upload is written, listed
 * and dropped by the retention. A partition is {@code <table>_YYYY_MM} and holds the records whose
 * {@code activity_date} falls in that calendar month.
 */
@ApplicationScoped
public class RecordPartitions {

    private static final Logger LOG = Logger.getLogger(RecordPartitions.class);
    /** Days a partition may be made for: beyond them a day is surely a mistake (and PostgreSQL has no year 0). */
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final AgroalDataSource dataSource;

    RecordPartitions(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static String name(RecordKind kind, YearMonth month) {
        return String.format("%s_%04d_%02d", kind.table(), month.getYear(), month.getMonthValue());
    }

    /**
     * Makes sure every month of {@code months} has its partition of the kind's table before rows of it are written
     * on {@code upload} (the upload's connection, inside its transaction). Which exist is asked on that connection
     * (no lock taken); the missing ones are made on a connection of their own in a short transaction each
     * ({@code ensure_record_partition}: an advisory lock per partition, then a table attached with SHARE UPDATE
     * EXCLUSIVE on the parent), so concurrent uploads of the same new month make it once, and neither readers nor
     * other uploads wait for this upload to end. Idempotent.
     */
    public void ensure(Connection upload, RecordKind kind, Set<YearMonth> months) throws SQLException {
        if (!kind.partitioned() || months.isEmpty()) {
            return;
        }
        List<String> names = months.stream().map(m -> name(kind, m)).toList();
        List<YearMonth> missing = new ArrayList<>();
        try (PreparedStatement st = upload.prepareStatement(
                "SELECT n FROM unnest(?::text[]) n WHERE NOT EXISTS (SELECT 1 FROM pg_class c "
                        + "WHERE c.relname = n AND c.relnamespace = current_schema()::regnamespace)")) {
            st.setArray(1, upload.createArrayOf("text", names.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    missing.add(month(kind, rs.getString(1)));
                }
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement st = c.prepareStatement("SELECT ensure_record_partition(?::regclass, ?)")) {
                for (YearMonth month : missing) {
                    st.setString(1, kind.table());
                    st.setObject(2, month.atDay(1));
                    st.execute();
                    LOG.infof("made the partition %s", name(kind, month));
                }
            }
        }
    }

    /** The months that have a partition of the kind's table, oldest first. */
    public List<YearMonth> months(Connection c, RecordKind kind) throws SQLException {
        TreeMap<YearMonth, String> found = new TreeMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT p.relname FROM pg_inherits i "
                + "JOIN pg_class p ON p.oid = i.inhrelid WHERE i.inhparent = ?::regclass")) {
            st.setString(1, kind.table());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    YearMonth month = month(kind, rs.getString(1));
                    if (month != null) {
                        found.put(month, rs.getString(1));
                    }
                }
            }
        }
        return new ArrayList<>(found.keySet());
    }

    /**
     * Drops a month of the kind's records: the keys of the month's records and the rows derived from them (QA items)
     * first, then its partition, in one transaction on {@code c}. Waits at most {@code lockTimeoutMs} for the table (DROP needs it alone; an upload in
     * progress holds it), and then gives up with an exception, to be tried again later.
     */
    public void drop(Connection c, RecordKind kind, YearMonth month, long lockTimeoutMs) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = " + lockTimeoutMs);
            String days = " WHERE activity_date >= DATE '" + month.atDay(1) + "' AND activity_date < DATE '"
                    + month.plusMonths(1).atDay(1) + "'";
            st.executeUpdate("DELETE FROM " + kind.keyTable() + days);
            if (kind.derived().isPresent()) {
                st.executeUpdate("DELETE FROM " + kind.derived().get().table() + days);
            }
            st.execute("DROP TABLE " + name(kind, month));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static final Pattern SUFFIX = Pattern.compile("_(\\d{4})_(\\d{2})$");

    private static YearMonth month(RecordKind kind, String partition) {
        if (!partition.startsWith(kind.table() + "_")) {
            return null;
        }
        Matcher m = SUFFIX.matcher(partition);
        return m.find() ? YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }
}
