package io.perfcenter.scoring.rule;

import io.perfcenter.scoring.rule.ManualRatingRule.Dimension;
import io.perfcenter.scoring.rule.ManualRatingRule.Rater;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/domain.md §3 (seed 004 §4.1): four-dimension rating 德能绩勤 on a 1–5 scale, by the manager (supervisor), peers
 * and the person themself, weighted between raters.
 */
class ManualRatingRuleTests {

    static final ManualRatingRule DE_NENG_JI_QIN = new ManualRatingRule(null, null, List.of(
            dimension("de", "德 attitude"), dimension("neng", "能 ability"), dimension("ji", "绩 results"),
            dimension("qin", "勤 diligence")), List.of(rater("supervisor", "60"), rater("peer", "20"),
            rater("self", "20")));

    @Test
    void domainExampleFourDimensionsThreeRaters() {
        RuleScore score = DE_NENG_JI_QIN.score(ratings(
                rating("supervisor", "S1", 4, 5, 4, 4),
                rating("peer", "E2", 4, 4, 4, 4), rating("peer", "E3", 5, 4, 4, 3),
                rating("self", "E1", 5, 5, 4, 4)));
        // supervisor 4.25 × 60% + peers (4 + 4) / 2 = 4 × 20% + self 4.5 × 20% = 4.25 of 5 → 85 points
        assertEquals(new BigDecimal("85.00"), score.points());
        assertEquals("supervisor 4.25 (de 4, neng 5, ji 4, qin 4) × 60% + peer 4 (mean of 2) × 20% + self 4.5 "
                + "(de 5, neng 5, ji 4, qin 4) × 20% = 4.25 of 5 → 85 points", score.explanation().en());
    }

    @Test
    void aMissingRatersWeightIsSpreadOverTheOthers() {
        RuleScore score = DE_NENG_JI_QIN.score(ratings(rating("supervisor", "S1", 4, 4, 4, 4),
                rating("self", "E1", 5, 5, 5, 5)));
        // (4 × 60 + 5 × 20) / 80 = 4.25
        assertEquals(new BigDecimal("85.00"), score.points());
        assertTrue(score.explanation().en().contains("no rating from peer: its weight is spread over the 80% that rated"),
                score.explanation().en());
    }

    @Test
    void withoutRatingsTheItemHasInsufficientData() {
        RuleScore score = DE_NENG_JI_QIN.score(ratings());
        assertTrue(score.isInsufficient());
        assertEquals("No ratings yet (supervisor, peer, self)", score.explanation().en());
    }

    @Test
    void scoresAreCheckedAgainstTheDimensionsAndScale() {
        assertNull(DE_NENG_JI_QIN.checkScores(scores(4, 4, 4, 4)));
        assertEquals("de must be between 1 and 5", DE_NENG_JI_QIN.checkScores(scores(6, 4, 4, 4)));
        assertEquals("rate every dimension: qin is missing", DE_NENG_JI_QIN.checkScores(Map.of(
                "de", BigDecimal.ONE, "neng", BigDecimal.ONE, "ji", BigDecimal.ONE)));
        assertEquals("raters", new ManualRatingRule(null, null, null, List.of(rater("supervisor", "60"),
                rater("self", "30"))).check().get(0).field());
        assertEquals("raters[1].role", new ManualRatingRule(null, null, null, List.of(rater("supervisor", "60"),
                rater("boss", "40"))).check().get(0).field());
    }

    static RuleContext ratings(RuleContext.Rating... ratings) {
        return new RuleContext(null, null, Map.of(), null, List.of(ratings));
    }

    static RuleContext.Rating rating(String role, String rater, int de, int neng, int ji, int qin) {
        return new RuleContext.Rating(role, rater, scores(de, neng, ji, qin));
    }

    static Map<String, BigDecimal> scores(int de, int neng, int ji, int qin) {
        return Map.of("de", BigDecimal.valueOf(de), "neng", BigDecimal.valueOf(neng), "ji", BigDecimal.valueOf(ji),
                "qin", BigDecimal.valueOf(qin));
    }

    static Dimension dimension(String code, String name) {
        return new Dimension(code, name, new BigDecimal("25"));
    }

    static Rater rater(String role, String weight) {
        return new Rater(role, new BigDecimal(weight));
    }
}
