package io.perfcenter.scoring.run;

import io.perfcenter.scoring.review.Rating;
import io.perfcenter.scoring.rule.RuleContext;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Manual ratings are inputs of a run: a new revision scores with the ratings given on the previous one, and keeps them
 * (copied in SQL, one statement, so that a rater sees their rating on the revision now current). Reproducing a run
 * reads them the same way.
 */
final class CarriedRatings {

    private CarriedRatings() {
    }

    /** Ratings of a run's scorecards by "employee id|subject unit code" (empty for agents), then item. */
    static Map<String, Map<String, List<RuleContext.Rating>>> ofRun(long runId) {
        Map<String, Map<String, List<RuleContext.Rating>>> byCard = new HashMap<>();
        List<Object[]> rows = Rating.getEntityManager().createQuery("select s.employeeId, s.subjectUnitCode, r "
                + "from Rating r, Scorecard s where r.scorecardId = s.id and s.runId = :run order by r.id",
                Object[].class).setParameter("run", runId).getResultList();
        for (Object[] row : rows) {
            Rating r = (Rating) row[2];
            byCard.computeIfAbsent(key((String) row[0], (String) row[1]), k -> new HashMap<>())
                    .computeIfAbsent(r.itemCode, k -> new ArrayList<>())
                    .add(new RuleContext.Rating(r.raterRole, r.raterId, r.scores));
        }
        return byCard;
    }

    /** The key of a subject in the maps of carried ratings and adjustments. */
    static String key(String employeeId, String subjectUnitCode) {
        return employeeId + "|" + Objects.toString(subjectUnitCode, "");
    }

    /** Copies the ratings of run {@code was} to the same subjects' scorecards of run {@code now}. */
    static void copy(EntityManager em, long was, long now) {
        em.createNativeQuery("""
                INSERT INTO scorecard_rating (scorecard_id, item_code, rater_role, rater_id, scores, comment, rated_at)
                SELECT n.id, r.item_code, r.rater_role, r.rater_id, r.scores, r.comment, r.rated_at
                FROM scorecard_rating r
                JOIN scorecard o ON o.id = r.scorecard_id
                JOIN scorecard n ON n.run_id = :now AND n.employee_id = o.employee_id
                                AND n.subject_unit_code IS NOT DISTINCT FROM o.subject_unit_code
                WHERE o.run_id = :was""").setParameter("now", now).setParameter("was", was).executeUpdate();
    }
}
