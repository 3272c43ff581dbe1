package io.perfcenter.scoring.run;

import io.perfcenter.scoring.MetricsServiceMock;
import io.perfcenter.scoring.scorecard.Scorecard;
import io.perfcenter.scoring.template.ScorecardTemplate;
import io.perfcenter.scoring.template.TemplateOptions;
import io.perfcenter.support.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs are ranked in Java ({@link Ranking#assign}: a new run before it is stored, a stored run again after one of its
 * scorecards changed), as they were ranked in SQL before: the same rank, percentile (PostgreSQL's double-precision
 * percent_rank, to numeric, rounded) and forced grade as PostgreSQL's window functions give, compared here for runs of
 * 1 to 10,000 scorecards, with and without ties.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(MetricsServiceMock.class)
class RankingTests {

    private static final List<TemplateOptions.Quota> QUOTAS = List.of(
            new TemplateOptions.Quota("A", new BigDecimal("10")), new TemplateOptions.Quota("B", new BigDecimal("22.5")),
            new TemplateOptions.Quota("C", new BigDecimal("37.25")), new TemplateOptions.Quota("D", new BigDecimal("30.25")));

    @Inject
    EntityManager em;

    @Test
    void javaRanksAsTheSqlDoes() {
        Random random = new Random(11);
        for (int n : new int[]{1, 2, 3, 4, 7, 10, 33, 99, 100, 101, 997, 1000, 3001, 9999, 10000}) {
            for (int spread : new int[]{5, 500, 1_000_000}) {
                List<BigDecimal> totals = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    totals.add(BigDecimal.valueOf(random.nextInt(spread), 2));
                }
                compare(totals);
            }
        }
    }

    private void compare(List<BigDecimal> totals) {
        int n = totals.size();
        List<Scorecard> plain = cards(totals);
        List<Scorecard> forced = cards(totals);
        Ranking.assign(plain, template(null));
        Ranking.assign(forced, template(new TemplateOptions.Distribution(QUOTAS)));
        // the window functions runs were ranked with in SQL until session 15, over the same totals in the same order
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.rank, r.percentile,
                       CASE WHEN r.rank - 1 < round(r.n * CAST(10 AS numeric) / 100) THEN 'A'
                            WHEN r.rank - 1 < round(r.n * CAST(32.5 AS numeric) / 100) THEN 'B'
                            WHEN r.rank - 1 < round(r.n * CAST(69.75 AS numeric) / 100) THEN 'C' ELSE 'D' END
                FROM (SELECT i, rank() OVER w AS rank, count(*) OVER () AS n,
                             CAST(round(100 * (1 - percent_rank() OVER w)::numeric, 2) AS numeric(5, 2)) AS percentile
                      FROM unnest(CAST(?1 AS numeric[])) WITH ORDINALITY AS t(total, i)
                      WINDOW w AS (ORDER BY total DESC)) r
                ORDER BY r.i""").setParameter(1, totals.stream().map(BigDecimal::toPlainString)
                .collect(java.util.stream.Collectors.joining(",", "{", "}"))).getResultList();
        assertEquals(n, rows.size());
        for (int i = 0; i < n; i++) {
            Object[] row = rows.get(i);
            String where = "scorecard " + i + " of " + n + " (" + totals.get(i) + ")";
            assertEquals(((Number) row[0]).intValue(), plain.get(i).rank, where);
            assertEquals(((BigDecimal) row[1]).toPlainString(), plain.get(i).percentile.toPlainString(), where);
            assertEquals("band", plain.get(i).grade, where);
            assertEquals(row[2].toString(), forced.get(i).grade, where);
        }
    }

    private static List<Scorecard> cards(List<BigDecimal> totals) {
        List<Scorecard> cards = new ArrayList<>();
        for (BigDecimal total : totals) {
            Scorecard card = new Scorecard();
            card.total = total;
            card.bandGrade = "band";
            card.grade = "band";
            cards.add(card);
        }
        return cards;
    }

    private static ScorecardTemplate template(TemplateOptions.Distribution distribution) {
        ScorecardTemplate template = new ScorecardTemplate();
        template.options = new TemplateOptions(null, null, null, null, null, distribution, null, null, null);
        return template;
    }
}
