package io.perfcenter.scoring.scorecard;

import io.perfcenter.scoring.run.EvaluationPeriod;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

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
        TypedQuery<Object[]> query = em.createQuery("select " + PAGE_COLUMNS + " from Scorecard s" + condition + order,
                Object[].class).setFirstResult(offset).setMaxResults(limit);
        params.forEach(query::setParameter);
        List<Scorecard> cards = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            cards.add(card(row));
        }
        withItems(em, cards);
        return new Found(cards, total(em, condition, params, offset, limit, cards.size()));
    }

    /** The columns a scorecard's view shows, in the order {@link #card} reads them. */
    private static final String PAGE_COLUMNS = "s.id, s.runId, s.employeeId, s.unitCode, s.period, s.templateCode, "
            + "s.templateVersion, s.total, s.grade, s.bandGrade, s.totalExplanation, s.totalExplanationZh, s.rank, "
            + "s.percentile, s.status, s.subjectUnitCode, s.selfAssessment, s.selfAssessedAt, s.reviewComments, "
            + "s.feedbackNotes, s.reviewedBy, s.reviewedAt";

    /** A scorecard to read, not managed, from a row of {@link #PAGE_COLUMNS}; its items are added after. */
    private static Scorecard card(Object[] r) {
        Scorecard s = new Scorecard();
        s.id = (Long) r[0];
        s.runId = (Long) r[1];
        s.employeeId = (String) r[2];
        s.unitCode = (String) r[3];
        s.period = (String) r[4];
        s.templateCode = (String) r[5];
        s.templateVersion = (Integer) r[6];
        s.total = (java.math.BigDecimal) r[7];
        s.grade = (String) r[8];
        s.bandGrade = (String) r[9];
        s.totalExplanation = (String) r[10];
        s.totalExplanationZh = (String) r[11];
        s.rank = (Integer) r[12];
        s.percentile = (java.math.BigDecimal) r[13];
        s.status = (Scorecard.Status) r[14];
        s.subjectUnitCode = (String) r[15];
        s.selfAssessment = (String) r[16];
        s.selfAssessedAt = (java.time.OffsetDateTime) r[17];
        s.reviewComments = (String) r[18];
        s.feedbackNotes = (String) r[19];
        s.reviewedBy = (String) r[20];
        s.reviewedAt = (java.time.OffsetDateTime) r[21];
        return s;
    }

    private static final String ITEMS_OF = """
            SELECT scorecard_id, item_code, metric_code, value, points, weight, weighted_points, explanation,
                   explanation_zh, insufficient_data, samples, handling
              FROM scorecard_item WHERE scorecard_id = ANY (?) ORDER BY scorecard_id, position""";

    /**
     * Adds their items, in template order (the entity's order column), to scorecards read as columns: one query
     * with the ids as one array parameter.
     */
    private static void withItems(EntityManager em, List<Scorecard> cards) {
        if (cards.isEmpty()) {
            return;
        }
        Map<Long, Scorecard> byId = new HashMap<>(cards.size() * 2);
        cards.forEach(card -> byId.put(card.id, card));
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement(ITEMS_OF)) {
                st.setArray(1, c.createArrayOf("bigint", byId.keySet().toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ScorecardItem i = new ScorecardItem();
                        i.itemCode = rs.getString(2);
                        i.metricCode = rs.getString(3);
                        i.value = rs.getBigDecimal(4);
                        i.points = rs.getBigDecimal(5);
                        i.weight = rs.getBigDecimal(6);
                        i.weightedPoints = rs.getBigDecimal(7);
                        i.explanation = rs.getString(8);
                        i.explanationZh = rs.getString(9);
                        i.insufficientData = rs.getBoolean(10);
                        long samples = rs.getLong(11);
                        i.samples = rs.wasNull() ? null : samples;
                        i.handling = rs.getString(12);
                        byId.get(rs.getLong(1)).items.add(i);
                    }
                }
            }
        });
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
        List<Object[]> rows = em.createQuery("select s.id, s.runId, s.employeeId, s.unitCode, s.period, "
                + "s.templateCode, s.templateVersion, s.total, s.grade, s.bandGrade, s.totalExplanation, "
                + "s.totalExplanationZh, s.rank, s.percentile, s.status, s.subjectUnitCode, s.selfAssessment, "
                + "s.selfAssessedAt, s.reviewComments, s.feedbackNotes, s.reviewedBy, s.reviewedAt "
                + "from Scorecard s where s.runId = ?1 order by s.rank, s.employeeId, s.id", Object[].class)
                .setParameter(1, runId).getResultList();
        List<Scorecard> cards = new ArrayList<>(rows.size());
        Map<Long, Scorecard> byId = new HashMap<>(rows.size() * 2);
        for (Object[] r : rows) {
            Scorecard s = new Scorecard();
            s.id = (Long) r[0];
            s.runId = (Long) r[1];
            s.employeeId = (String) r[2];
            s.unitCode = (String) r[3];
            s.period = (String) r[4];
            s.templateCode = (String) r[5];
            s.templateVersion = (Integer) r[6];
            s.total = (java.math.BigDecimal) r[7];
            s.grade = (String) r[8];
            s.bandGrade = (String) r[9];
            s.totalExplanation = (String) r[10];
            s.totalExplanationZh = (String) r[11];
            s.rank = (Integer) r[12];
            s.percentile = (java.math.BigDecimal) r[13];
            s.status = (Scorecard.Status) r[14];
            s.subjectUnitCode = (String) r[15];
            s.selfAssessment = (String) r[16];
            s.selfAssessedAt = (java.time.OffsetDateTime) r[17];
            s.reviewComments = (String) r[18];
            s.feedbackNotes = (String) r[19];
            s.reviewedBy = (String) r[20];
            s.reviewedAt = (java.time.OffsetDateTime) r[21];
            cards.add(s);
            byId.put(s.id, s);
        }
        if (cards.isEmpty()) {
            return cards;
        }
        em.createQuery("select s.id, i.itemCode, i.metricCode, i.value, i.points, i.weight, i.weightedPoints, "
                        + "i.explanation, i.explanationZh, i.insufficientData, i.samples, i.handling "
                        + "from Scorecard s join s.items i where s.runId = ?1 order by s.id, index(i)", Object[].class)
                .setParameter(1, runId).getResultStream().forEach(r -> {
                    ScorecardItem i = new ScorecardItem();
                    i.itemCode = (String) r[1];
                    i.metricCode = (String) r[2];
                    i.value = (java.math.BigDecimal) r[3];
                    i.points = (java.math.BigDecimal) r[4];
                    i.weight = (java.math.BigDecimal) r[5];
                    i.weightedPoints = (java.math.BigDecimal) r[6];
                    i.explanation = (String) r[7];
                    i.explanationZh = (String) r[8];
                    i.insufficientData = (Boolean) r[9];
                    i.samples = (Long) r[10];
                    i.handling = (String) r[11];
                    byId.get((Long) r[0]).items.add(i);
                });
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
