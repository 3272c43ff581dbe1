package io.perfcenter.scoring.scorecard;

import io.perfcenter.scoring.run.EvaluationPeriod;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Finds scorecards within the caller's data scope (see {@link DataScope}). */
@ApplicationScoped
public class ScorecardService {

    /** What agents see of their own: from the review stage on, never a draft or a superseded result. */
    public static final List<Scorecard.Status> OWN_VISIBLE = List.of(Scorecard.Status.IN_REVIEW,
            Scorecard.Status.PUBLISHED, Scorecard.Status.LOCKED);

    private final DataScope scope;

    ScorecardService(DataScope scope) {
        this.scope = scope;
    }

    /** One page of the scorecards found, with their items, and how many were found in all. */
    public record Found(List<Scorecard> cards, long total) {
    }

    /**
     * The scorecards matching the filters within the caller's scope, newest period first, then unit, rank, employee
     * id and id (a total order, so pages never overlap): {@code limit} of them from {@code offset}.
     */
    public Found find(String period, String unitCode, String status, String employeeId, int limit, int offset) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (period != null) {
            params.put("period", EvaluationPeriod.parse("period", period).code());
            where.add("s.period = :period");
        }
        if (unitCode != null) {
            params.put("unit", unitCode);
            where.add("s.unitCode = :unit");
        }
        if (status != null) {
            Scorecard.Status wanted = status(status);
            // PUBLISHED means final for pay: locked scorecards are published ones that can no longer change
            params.put("status", wanted == Scorecard.Status.PUBLISHED
                    ? List.of(Scorecard.Status.PUBLISHED, Scorecard.Status.LOCKED) : List.of(wanted));
            where.add("s.status in :status");
        }
        if (employeeId != null) {
            params.put("employee", employeeId);
            where.add("s.employeeId = :employee");
        }
        DataScope.Visibility visibility = scope.visibility();
        if (!visibility.everything()) {
            List<String> visible = new ArrayList<>();
            if (!visibility.units().isEmpty()) {
                params.put("ledUnits", visibility.units());
                visible.add("s.unitCode in :ledUnits");
            }
            if (visibility.ownEmployeeId().isPresent()) {
                params.put("me", visibility.ownEmployeeId().get());
                params.put("ownVisible", OWN_VISIBLE);
                visible.add("(s.employeeId = :me and s.status in :ownVisible)");
            }
            if (visible.isEmpty()) {
                return new Found(List.of(), 0);
            }
            where.add("(" + String.join(" or ", visible) + ")");
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        String order = " order by s.period desc, s.unitCode, s.rank, s.employeeId, s.id";
        EntityManager em = Scorecard.getEntityManager();
        // the page's scorecards as columns, then their items by id: two reads of what the views show, no entity.
        // Before, the page's ids were read first and then the scorecards as entities with their items (one fetch
        // join of 1,000 ids bound one by one, each card's columns repeated on its six item rows, every row hydrated):
        // a whole center is read in ten such pages by each pay run
        TypedQuery<Object[]> query = em.createQuery("select " + CARD_COLUMNS + " from Scorecard s" + condition + order,
                Object[].class).setFirstResult(offset).setMaxResults(limit);
        params.forEach(query::setParameter);
        List<Scorecard> cards = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            cards.add(card(row));
        }
        if (!cards.isEmpty()) {
            Long[] ids = cards.stream().map(card -> card.id).toArray(Long[]::new);
            withItems(em, cards, ITEMS_OF_CARDS, (c, st) -> st.setArray(1, c.createArrayOf("bigint", ids)));
        }
        return new Found(cards, total(em, condition, params, offset, limit, cards.size()));
    }

    /**
     * The columns of a scorecard without its items, in the order {@link #card} reads them: the one mapping of a
     * scorecard read as columns (the list and a run's answers). Every persistent field of {@link Scorecard} but its
     * items; ScorecardColumnsTests fails when a field is added to the entity and not here.
     */
    private static final String CARD_COLUMNS = "s.id, s.runId, s.employeeId, s.unitCode, s.period, s.templateCode, "
            + "s.templateVersion, s.total, s.grade, s.bandGrade, s.totalExplanation, s.totalExplanationZh, s.rank, "
            + "s.percentile, s.status, s.subjectUnitCode, s.selfAssessment, s.selfAssessedAt, s.reviewComments, "
            + "s.feedbackNotes, s.reviewedBy, s.reviewedAt";

    /** A scorecard to read, not managed, from a row of {@link #CARD_COLUMNS}; its items are added after. */
    private static Scorecard card(Object[] r) {
        Scorecard s = new Scorecard();
        s.id = (Long) r[0];
        s.runId = (Long) r[1];
        s.employeeId = (String) r[2];
        s.unitCode = (String) r[3];
        s.period = (String) r[4];
        s.templateCode = (String) r[5];
        s.templateVersion = (Integer) r[6];
        s.total = (BigDecimal) r[7];
        s.grade = (String) r[8];
        s.bandGrade = (String) r[9];
        s.totalExplanation = (String) r[10];
        s.totalExplanationZh = (String) r[11];
        s.rank = (Integer) r[12];
        s.percentile = (BigDecimal) r[13];
        s.status = (Scorecard.Status) r[14];
        s.subjectUnitCode = (String) r[15];
        s.selfAssessment = (String) r[16];
        s.selfAssessedAt = (OffsetDateTime) r[17];
        s.reviewComments = (String) r[18];
        s.feedbackNotes = (String) r[19];
        s.reviewedBy = (String) r[20];
        s.reviewedAt = (OffsetDateTime) r[21];
        return s;
    }

    /** The columns of an item, read by name by {@link ItemColumns}: every persistent field of {@link ScorecardItem}. */
    private static final String ITEM_COLUMNS = "i.scorecard_id, i.item_code, i.metric_code, i.value, i.points, "
            + "i.weight, i.weighted_points, i.explanation, i.explanation_zh, i.insufficient_data, i.samples, i.handling";
    /** The items of the scorecards of a page, by id (one array parameter), in template order (the order column). */
    private static final String ITEMS_OF_CARDS = "SELECT " + ITEM_COLUMNS
            + " FROM scorecard_item i WHERE i.scorecard_id = ANY (?) ORDER BY i.scorecard_id, i.position";
    /** The items of a run's scorecards, in template order. */
    private static final String ITEMS_OF_RUN = "SELECT " + ITEM_COLUMNS
            + " FROM scorecard s JOIN scorecard_item i ON i.scorecard_id = s.id WHERE s.run_id = ?"
            + " ORDER BY i.scorecard_id, i.position";

    /** Binds the parameters of an items query. */
    private interface ItemsParameters {
        void bind(Connection c, PreparedStatement st) throws SQLException;
    }

    /** Adds their items to scorecards read as columns: one query, {@code sql} one of the ITEMS_OF queries. */
    private static void withItems(EntityManager em, List<Scorecard> cards, String sql, ItemsParameters parameters) {
        Map<Long, Scorecard> byId = new HashMap<>(cards.size() * 2);
        cards.forEach(card -> byId.put(card.id, card));
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                parameters.bind(c, st);
                try (ResultSet rs = st.executeQuery()) {
                    ItemColumns columns = ItemColumns.of(rs);
                    while (rs.next()) {
                        byId.get(rs.getLong(columns.scorecardId)).items.add(columns.item(rs));
                    }
                }
            }
        });
    }

    /** Where the columns of {@link #ITEM_COLUMNS} are in a result set, found by name once per result set. */
    private record ItemColumns(int scorecardId, int itemCode, int metricCode, int value, int points, int weight,
                               int weightedPoints, int explanation, int explanationZh, int insufficientData,
                               int samples, int handling) {

        static ItemColumns of(ResultSet rs) throws SQLException {
            return new ItemColumns(rs.findColumn("scorecard_id"), rs.findColumn("item_code"),
                    rs.findColumn("metric_code"), rs.findColumn("value"), rs.findColumn("points"),
                    rs.findColumn("weight"), rs.findColumn("weighted_points"), rs.findColumn("explanation"),
                    rs.findColumn("explanation_zh"), rs.findColumn("insufficient_data"), rs.findColumn("samples"),
                    rs.findColumn("handling"));
        }

        ScorecardItem item(ResultSet rs) throws SQLException {
            ScorecardItem i = new ScorecardItem();
            i.itemCode = rs.getString(itemCode);
            i.metricCode = rs.getString(metricCode);
            i.value = rs.getBigDecimal(value);
            i.points = rs.getBigDecimal(points);
            i.weight = rs.getBigDecimal(weight);
            i.weightedPoints = rs.getBigDecimal(weightedPoints);
            i.explanation = rs.getString(explanation);
            i.explanationZh = rs.getString(explanationZh);
            i.insufficientData = rs.getBoolean(insufficientData);
            long count = rs.getLong(samples);
            i.samples = rs.wasNull() ? null : count;
            i.handling = rs.getString(handling);
            return i;
        }
    }

    /**
     * How many match in all. A page shorter than asked that is not empty (or the first page) is the last one, so
     * the total is its offset plus its size, which is what counting would answer: a whole unit read to its end
     * counts once per full page, not once more for its last page.
     */
    private static long total(EntityManager em, String condition, Map<String, Object> params, int offset, int limit,
                              int found) {
        if (found < limit && (found > 0 || offset == 0)) {
            return (long) offset + found;
        }
        TypedQuery<Long> count = em.createQuery("select count(s) from Scorecard s" + condition, Long.class);
        params.forEach(count::setParameter);
        return count.getSingleResult();
    }

    /**
     * A run's scorecards with their items, best rank first, to read (answers, comparisons, reproduction): two
     * queries of columns (the cards, then their items in order), made into scorecards that are not managed. A
     * center's run is ten thousand scorecards and 150,000 items: loaded as entities (one fetch join) each was
     * hydrated by reflection, kept in the persistence context with a snapshot and, in a write transaction (the
     * answer of a publish or lock), dirty-checked at the commit; what was read is the same.
     */
    public static List<Scorecard> ofRun(long runId) {
        EntityManager em = Scorecard.getEntityManager();
        List<Scorecard> cards = new ArrayList<>();
        for (Object[] row : em.createQuery("select " + CARD_COLUMNS
                        + " from Scorecard s where s.runId = ?1 order by s.rank, s.employeeId, s.id", Object[].class)
                .setParameter(1, runId).getResultList()) {
            cards.add(card(row));
        }
        if (!cards.isEmpty()) {
            withItems(em, cards, ITEMS_OF_RUN, (c, st) -> st.setLong(1, runId));
        }
        return cards;
    }

    public Scorecard get(long id) {
        // one query with the items: this is what an agent opens most
        Scorecard card = Scorecard.<Scorecard>find("select s from Scorecard s left join fetch s.items where s.id = ?1",
                id).firstResultOptional().orElseThrow(() -> Problems.notFound("Scorecard", id));
        if (!visible(card)) {
            // out of scope answers exactly as an unknown id, so that ids cannot be probed
            throw Problems.notFound("Scorecard", id);
        }
        return card;
    }

    /**
     * Whether the caller sees the scorecard: hr, admin and integration all; a leader those of the units they lead;
     * everyone their own from the review stage on (never a draft).
     */
    public boolean visible(Scorecard card) {
        DataScope.Visibility visibility = scope.visibility();
        return visibility.seesUnit(card.unitCode) || (visibility.ownEmployeeId().filter(card.employeeId::equals)
                .isPresent() && OWN_VISIBLE.contains(card.status));
    }

    private static Scorecard.Status status(String status) {
        try {
            return Scorecard.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("status", "must be one of " + Arrays.toString(Scorecard.Status.values()));
        }
    }
}
