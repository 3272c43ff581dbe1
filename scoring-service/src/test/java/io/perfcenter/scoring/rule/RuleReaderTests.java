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

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
