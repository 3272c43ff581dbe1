package io.perfcenter.scoring.scorecard;

import io.perfcenter.scoring.run.EvaluationPeriod;
import io.perfcenter.scoring.security.DataScope;
import io.perfcenter.scoring.web.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

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
        // the page's ids first: a page of a query that fetches the items would be cut in memory
        TypedQuery<Long> ids = em.createQuery("select s.id from Scorecard s" + condition + order, Long.class)
                .setFirstResult(offset).setMaxResults(limit);
        params.forEach(ids::setParameter);
        List<Long> page = ids.getResultList();
        // read-only: the cards are only turned into views, so Hibernate keeps no snapshot of them and their items
        // to dirty-check (a whole center is read in pages of 1,000 cards and 6,000 items)
        List<Scorecard> cards = page.isEmpty() ? List.of() : Scorecard.<Scorecard>find(
                "select s from Scorecard s left join fetch s.items where s.id in ?1" + order, page)
                .withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).list();
        return new Found(cards, total(em, condition, params, offset, limit, page.size()));
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

    /** A run's scorecards with their items, best rank first, in one query. */
    public static List<Scorecard> ofRun(long runId) {
        return Scorecard.find("select s from Scorecard s left join fetch s.items where s.runId = ?1 "
                + "order by s.rank, s.employeeId, s.id", runId).list();
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
