package io.perfcenter.scoring.run;

import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.util.List;

/**
 * Ranks a run's scorecards in SQL, after they are stored or one of them changed, in one statement: rank (1 = best,
 * ties share it), percentile (100 = best, 0 = last, ties share it) and the grade — the bands' grade, or, when the
 * template forces a distribution, the grade by rank.
 *
 * <p>Forced distribution: with n scorecards and quotas best first, grade k goes to the scorecards whose rank − 1 is
 * below round-half-up(n × the shares of grades 1..k / 100). Because tied scorecards share the rank of the first of
 * them, <b>ties always share a grade, the better one</b>: a tie across a boundary makes that grade fuller than its
 * share and the next one emptier — nobody is graded down for a total equal to a colleague's.
 */
@ApplicationScoped
public class Ranking {

    private static final String RANK = """
            UPDATE scorecard s SET rank = r.rank, percentile = r.percentile, grade = %1$s
            FROM (SELECT id, rank() OVER w AS rank, count(*) OVER () AS n,
                         round(100 * (1 - percent_rank() OVER w)::numeric, 2) AS percentile
                  FROM scorecard WHERE run_id = ?1 WINDOW w AS (ORDER BY total DESC)) r
            WHERE s.id = r.id AND (s.rank IS DISTINCT FROM r.rank OR s.percentile IS DISTINCT FROM r.percentile
                                   OR s.grade IS DISTINCT FROM %1$s)""";

    private final EntityManager em;

    Ranking(EntityManager em) {
        this.em = em;
    }

    public void rank(long runId, ScorecardTemplate template) {
        TemplateOptions.Distribution distribution = template.optionsOrDefaults().distribution();
        if (distribution == null) {
            em.createNativeQuery(RANK.formatted("s.band_grade")).setParameter(1, runId).executeUpdate();
            return;
        }
        List<TemplateOptions.Quota> quotas = distribution.quotas();
        StringBuilder grade = new StringBuilder("(CASE");
        for (int k = 0; k < quotas.size() - 1; k++) {
            grade.append(" WHEN r.rank - 1 < round(r.n * CAST(?").append(2 * k + 2).append(" AS numeric) / 100) THEN ?")
                    .append(2 * k + 3);
        }
        int last = 2 * quotas.size();
        grade.append(" ELSE ?").append(last).append(" END)");
        Query update = em.createNativeQuery(RANK.formatted(grade)).setParameter(1, runId);
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int k = 0; k < quotas.size() - 1; k++) {
            cumulative = cumulative.add(quotas.get(k).share());
            update.setParameter(2 * k + 2, cumulative);
            update.setParameter(2 * k + 3, quotas.get(k).grade());
        }
        update.setParameter(last, quotas.get(quotas.size() - 1).grade());
        update.executeUpdate();
    }
}
