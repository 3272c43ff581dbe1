package io.perfcenter.scoring.run;

import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.perfcenter.scoring.scorecard.Scorecard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
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
 *
 * <p>A new run's scorecards are ranked before they are stored, by {@link #assign}, with the same figures as the SQL
 * (its double-precision percent_rank included): they are written once, ranked, instead of written and then each
 * rewritten by the {@code UPDATE}. {@code RankingTests} compares the two.
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

    /** Ranks the run's stored scorecards in SQL: after one of them changed. */
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

    /** float8 to numeric, as PostgreSQL converts it: 15 significant digits (DBL_DIG), nearest. */
    private static final MathContext DBL_DIG = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Sets rank, percentile and grade of a run's scorecards, not yet stored, exactly as {@link #rank} would over the
     * stored run: rank() and percent_rank() ordered by total descending, percentile
     * {@code round(100 * (1 - percent_rank)::numeric, 2)}, the grade by rank when the template forces a
     * distribution, else the bands' grade.
     */
    public static void assign(List<Scorecard> cards, ScorecardTemplate template) {
        int n = cards.size();
        if (n == 0) {
            return;
        }
        BigDecimal[] totals = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            totals[i] = cards.get(i).total;
        }
        Arrays.sort(totals, java.util.Comparator.reverseOrder());
        TemplateOptions.Distribution distribution = template.optionsOrDefaults().distribution();
        long[] below = null;
        if (distribution != null) {
            // grade k: rank - 1 < round(n × shares of grades 1..k / 100), the last grade otherwise
            List<TemplateOptions.Quota> quotas = distribution.quotas();
            below = new long[quotas.size() - 1];
            BigDecimal cumulative = BigDecimal.ZERO;
            for (int k = 0; k < below.length; k++) {
                cumulative = cumulative.add(quotas.get(k).share());
                below[k] = BigDecimal.valueOf(n).multiply(cumulative).movePointLeft(2)
                        .setScale(0, RoundingMode.HALF_UP).longValueExact();
            }
        }
        for (Scorecard card : cards) {
            // rank: 1 + the scorecards with a higher total (ties share the rank of the first of them)
            int rank = 1 + firstAtMost(totals, card.total);
            double percentRank = n <= 1 ? 0.0 : (double) (rank - 1) / (double) (n - 1);
            card.rank = rank;
            card.percentile = HUNDRED.multiply(new BigDecimal(1 - percentRank).round(DBL_DIG))
                    .setScale(2, RoundingMode.HALF_UP);
            card.grade = below == null ? card.bandGrade : byRank(distribution.quotas(), below, rank);
        }
    }

    private static String byRank(List<TemplateOptions.Quota> quotas, long[] below, int rank) {
        for (int k = 0; k < below.length; k++) {
            if (rank - 1 < below[k]) {
                return quotas.get(k).grade();
            }
        }
        return quotas.get(quotas.size() - 1).grade();
    }

    /** The index of the first total at most {@code total} in totals sorted highest first. */
    private static int firstAtMost(BigDecimal[] descending, BigDecimal total) {
        int low = 0;
        int high = descending.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (descending[mid].compareTo(total) > 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
