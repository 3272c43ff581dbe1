package io.perfcenter.scoring.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.scorecard.ScorecardItem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's scorecards, their items and their inputs with PostgreSQL's COPY, in the caller's transaction:
 * ten thousand scorecards of fifteen items are three COPY statements instead of 170,000 inserts, each made 256 cards
 * at a time and streamed in chunks of 64 K characters.
 */
@ApplicationScoped
public class ScorecardWriter {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;

    ScorecardWriter(EntityManager em) {
        this.em = em;
    }

    /**
     * Gives each card an id and stores it, with its rank, percentile and grade as they are (set by
     * {@link Ranking#assign}); {@code inputs} are by card, in the same order.
     */
    public void insert(List<Scorecard> cards, List<ScorecardInputs> inputs) {
        if (cards.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT nextval('scorecard_seq') FROM generate_series(1, :n)")
                .setParameter("n", cards.size()).getResultList();
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).id = ids.get(i).longValue();
        }
        // each COPY makes its rows a batch of cards at a time, on every core, and sends them in order: the run's
        // COPY text is never held whole (it was, for all three COPYs at once: at ten thousand cards with their items'
        // explanations in two languages, mostly UTF-16 for the Chinese, as much as the scorecards themselves)
        em.unwrap(Session.class).doWork(connection -> {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copyIn(copy, "COPY scorecard (id, run_id, employee_id, unit_code, period, template_code, "
                    + "template_version, total, grade, band_grade, rank, percentile, total_explanation, status, "
                    + "subject_unit_code, total_explanation_zh) FROM STDIN", cards.size(), c -> {
                Scorecard s = cards.get(c);
                StringBuilder card = new StringBuilder(256);
                row(card, s.id, s.runId, s.employeeId, s.unitCode, s.period, s.templateCode, s.templateVersion,
                        s.total, s.grade, s.bandGrade, s.rank, s.percentile, s.totalExplanation, s.status.name(),
                        s.subjectUnitCode, s.totalExplanationZh);
                return card;
            });
            copyIn(copy, "COPY scorecard_item (scorecard_id, position, item_code, metric_code, value, points, "
                    + "weight, weighted_points, explanation, insufficient_data, samples, handling, explanation_zh) "
                    + "FROM STDIN", cards.size(), c -> {
                Scorecard s = cards.get(c);
                StringBuilder itemRows = new StringBuilder(s.items.size() * 400);
                for (int p = 0; p < s.items.size(); p++) {
                    ScorecardItem i = s.items.get(p);
                    row(itemRows, s.id, p, i.itemCode, i.metricCode, i.value, i.points, i.weight, i.weightedPoints,
                            i.explanation, i.insufficientData ? "t" : "f", i.samples, i.handling, i.explanationZh);
                }
                return itemRows;
            });
            copyIn(copy, "COPY scorecard_input (scorecard_id, inputs) FROM STDIN", cards.size(), c -> {
                StringBuilder input = new StringBuilder(1024);
                row(input, cards.get(c).id, json(inputs.get(c)));
                return input;
            });
        });
    }

    /** Cards whose COPY text is made at once (on every core) before it is sent. */
    private static final int BATCH = 256;

    /** Characters of COPY text sent at a time (at least). */
    private static final int CHUNK = 1 << 16;

    private static void copyIn(CopyManager copy, String sql, int cards,
                               java.util.function.IntFunction<StringBuilder> rowsOf) throws SQLException {
        CopyIn in = copy.copyIn(sql);
        try {
            StringBuilder[] batch = new StringBuilder[BATCH];
            StringBuilder chunk = new StringBuilder(CHUNK + 8192);
            for (int from = 0; from < cards; from += BATCH) {
                int first = from;
                int n = Math.min(BATCH, cards - from);
                java.util.stream.IntStream.range(0, n).parallel().forEach(k -> batch[k] = rowsOf.apply(first + k));
                for (int k = 0; k < n; k++) {
                    chunk.append(batch[k]);
                    batch[k] = null;
                    if (chunk.length() >= CHUNK) {
                        send(in, chunk);
                    }
                }
            }
            send(in, chunk);
            in.endCopy();
        } catch (SQLException | RuntimeException e) {
            // leaves the connection usable; the transaction then rolls back
            if (in.isActive()) {
                in.cancelCopy();
            }
            throw e;
        }
    }

    private static void send(CopyIn in, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line of COPY's text format: tab-separated, \N for null, backslash escapes. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof BigDecimal d) {
                out.append(d.toPlainString());
            } else {
                String text = v.toString();
                for (int k = 0; k < text.length(); k++) {
                    char ch = text.charAt(k);
                    switch (ch) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(ch);
                    }
                }
            }
        }
        out.append('\n');
    }

}
