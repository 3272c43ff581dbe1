package io.perfcenter.scoring.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class RuleReaderTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEachRuleType() throws Exception {
        var linear = RuleReader.read(json("{\"type\":\"linear\",\"full\":5,\"zero\":10,\"unit\":\"min\"}"));
        assertNull(linear.invalid());
        assertEquals(new LinearRule(new BigDecimal("5"), new BigDecimal("10"), "min"), linear.rule());
        var tiered = RuleReader.read(json("""
                {"type":"tiered-rate","mode":"progressive","maxPoints":1500,
                 "tiers":[{"upTo":2000,"rate":0.4},{"rate":0.5}]}"""));
        assertNull(tiered.invalid());
        TieredRateRule rule = assertInstanceOf(TieredRateRule.class, tiered.rule());
        assertEquals(TieredRateRule.Mode.PROGRESSIVE, rule.mode());
        assertEquals(2, rule.tiers().size());
    }

    @Test
    void namesWhatIsWrong() throws Exception {
        assertInvalid("type", "{\"full\":5,\"zero\":10}");
        assertInvalid("type", "{\"type\":\"lookup\"}");
        assertInvalid("full", "{\"type\":\"linear\",\"zero\":10}");
        assertInvalid("full", "{\"type\":\"linear\",\"full\":\"soon\",\"zero\":10}");
        assertInvalid("ful", "{\"type\":\"linear\",\"ful\":5,\"zero\":10}");
        assertInvalid("mode", "{\"type\":\"tiered-rate\",\"mode\":\"sideways\",\"tiers\":[{\"rate\":1}]}");
        assertInvalid("tiers[1].rate", "{\"type\":\"tiered-rate\",\"tiers\":[{\"upTo\":2,\"rate\":1},{\"upTo\":3}]}");
        assertInvalid("", "[1, 2]");
    }

    @Test
    void enumParametersAreUpperCaseAndTheOldLowerCaseIsStillRead() throws Exception {
        for (String spelling : new String[]{"PROGRESSIVE", "progressive"}) {
            var tiered = RuleReader.read(json("{\"type\":\"tiered-rate\",\"mode\":\"" + spelling
                    + "\",\"tiers\":[{\"rate\":1}]}"));
            assertNull(tiered.invalid(), spelling);
            assertEquals(TieredRateRule.Mode.PROGRESSIVE, ((TieredRateRule) tiered.rule()).mode());
        }
        var target = RuleReader.read(json("{\"type\":\"target-achievement\",\"direction\":\"lower\"}"));
        assertEquals(TargetAchievementRule.Direction.LOWER, ((TargetAchievementRule) target.rule()).direction());
        // written UPPER_CASE, as the API speaks
        String written = JSON.writeValueAsString(new TieredRateRule(java.util.List.of(
                new TieredRateRule.Tier(null, new BigDecimal("0.7"))),
                TieredRateRule.Mode.WHOLE, null, null));
        assertEquals("{\"type\":\"tiered-rate\",\"tiers\":[{\"rate\":0.7}],\"mode\":\"WHOLE\"}", written);
        assertEquals("{\"type\":\"target-achievement\",\"direction\":\"LOWER\"}",
                JSON.writeValueAsString(target.rule()));
    }

    @Test
    void wrongParametersAreExplainedInTheApisWordsNeverJavaClassNames() throws Exception {
        assertReason("mode", "must be one of WHOLE, PROGRESSIVE",
                "{\"type\":\"tiered-rate\",\"mode\":\"sideways\",\"tiers\":[{\"rate\":1}]}");
        assertReason("direction", "must be one of HIGHER, LOWER",
                "{\"type\":\"target-achievement\",\"direction\":\"up\"}");
        assertReason("mode", "must be one of WHOLE, PROGRESSIVE",
                "{\"type\":\"tiered-rate\",\"mode\":[1],\"tiers\":[{\"rate\":1}]}");
        assertReason("full", "must be a number", "{\"type\":\"linear\",\"full\":\"soon\",\"zero\":10}");
        assertReason("tiers", "must be a list", "{\"type\":\"tiered-rate\",\"tiers\":\"many\"}");
        assertReason("unit", "must be text", "{\"type\":\"linear\",\"full\":5,\"zero\":10,\"unit\":{}}");
    }

    @Test
    void writesTheTypeWithTheParameters() throws Exception {
        String written = JSON.writeValueAsString(new LinearRule(new BigDecimal("4.8"), new BigDecimal("3.0"), null));
        assertEquals("{\"type\":\"linear\",\"full\":4.8,\"zero\":3.0}", written);
        assertEquals(new LinearRule(new BigDecimal("4.8"), new BigDecimal("3.0"), null),
                JSON.readValue(written, ScoringRule.class));
    }

    private static void assertInvalid(String field, String definition) throws Exception {
        var reading = RuleReader.read(json(definition));
        assertNull(reading.rule(), definition);
        assertEquals(field, reading.invalid().field(), reading.invalid().toString());
    }

    private static void assertReason(String field, String reason, String definition) throws Exception {
        var reading = RuleReader.read(json(definition));
        assertNull(reading.rule(), definition);
        assertEquals(field, reading.invalid().field(), reading.invalid().toString());
        assertEquals(reason, reading.invalid().reason());
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
