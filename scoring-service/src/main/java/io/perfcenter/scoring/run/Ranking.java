package io.perfcenter.scoring.run;

import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ranks a run's scorecards: rank (1 = best, ties share it), percentile (100 = best, 0 = last, ties share it) and the
 * grade — the bands' grade, or, when the template forces a distribution, the grade by rank. One implementation,
 * {@link #assign}: a new run's scorecards are ranked by it before they are written (each row written once, ranked),
 * and a stored run whose scorecard changed is re-ranked by it too ({@link #rank}: its totals read, the changed ranks
 * written back in one statement). Its figures are those of PostgreSQL's window functions ({@code rank()} and the
 * double-precision {@code percent_rank()} ordered by total descending, {@code round(100 * (1 - percent_rank)::numeric,
 * 2)}), which is how runs were ranked before: {@code RankingTests} compares it with that SQL on runs of 1 to 10,000.
 *
 * <p>Forced distribution: with n scorecards and quotas best first, grade k goes to the scorecards whose rank − 1 is
 * below round-half-up(n × the shares of grades 1..k / 100). Because tied scorecards share the rank of the first of
 * them, <b>ties always share a grade, the better one</b>: a tie across a boundary makes that grade fuller than its
 * share and the next one emptier — nobody is graded down for a total equal to a colleague's.
 */
@ApplicationScoped
public class Ranking {

    private static final String RERANKED = """
            UPDATE scorecard s SET rank = r.rank, percentile = r.percentile, grade = r.grade
            FROM unnest(CAST(? AS bigint[]), CAST(? AS integer[]), CAST(? AS numeric[]), CAST(? AS text[]))
                 AS r(id, rank, percentile, grade)
            WHERE s.id = r.id AND (s.rank IS DISTINCT FROM r.rank OR s.percentile IS DISTINCT FROM r.percentile
                                   OR s.grade IS DISTINCT FROM r.grade)""";

    private final EntityManager em;

    Ranking(EntityManager em) {
        this.em = em;
    }

    /** Ranks the run's stored scorecards again, after one of them changed: only the changed rows are written. */
    public void rank(long runId, ScorecardTemplate template) {
        List<Object[]> rows = em.createQuery("select s.id, s.total, s.bandGrade from Scorecard s where s.runId = ?1",
                Object[].class).setParameter(1, runId).getResultList();
        List<Scorecard> cards = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Scorecard card = new Scorecard();
            card.id = (Long) r[0];
            card.total = (BigDecimal) r[1];
            card.bandGrade = (String) r[2];
            cards.add(card);
        }
        assign(cards, template);
        int n = cards.size();
        Long[] ids = new Long[n];
        Integer[] ranks = new Integer[n];
        BigDecimal[] percentiles = new BigDecimal[n];
        String[] grades = new String[n];
        for (int i = 0; i < n; i++) {
            Scorecard card = cards.get(i);
            ids[i] = card.id;
            ranks[i] = card.rank;
            percentiles[i] = card.percentile;
            grades[i] = card.grade;
        }
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement st = c.prepareStatement(RERANKED)) {
                st.setArray(1, c.createArrayOf("bigint", ids));
                st.setArray(2, c.createArrayOf("integer", ranks));
                st.setArray(3, c.createArrayOf("numeric", percentiles));
                st.setArray(4, c.createArrayOf("text", grades));
                st.executeUpdate();
            }
        });
    }

    /** float8 to numeric, as PostgreSQL converts it: 15 significant digits (DBL_DIG), nearest. */
    private static final MathContext DBL_DIG = new MathContext(15, RoundingMode.HALF_EVEN);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Sets rank, percentile and grade of a run's scorecards (all of them; their totals and band grades set): rank() and
     * percent_rank() ordered by total descending, as PostgreSQL computes them, percentile
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
