package dev.crashlab.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class PageJsonTest {

    private static final String NASTY = "</script><script>alert(1)</script><!-- & \u2028\u2029 \"'";

    @Test
    void scriptSafeJsonHasNoTagEndCommentOrLineSeparatorButParsesToTheSameText() {
        ObjectNode node = PageJson.object();
        node.put("name", NASTY);

        String json = PageJson.forScript(node);

        assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        JsonNode back = JsonMapper.builder().build().readTree(json);
        assertThat(back.get("name").asString()).isEqualTo(NASTY);
    }

    @Test
    void numbersAreRoundedToSixSignificantDigitsForDrawingAndNonFiniteOnesAreNull() {
        ArrayNode a = PageJson.array();
        PageJson.add(a, 123456.789);
        PageJson.add(a, 0.000123456789);
        PageJson.add(a, 1704067200000.0);
        PageJson.add(a, 0.0);
        PageJson.add(a, Double.NaN);

        assertThat(PageJson.forScript(a)).isEqualTo("[123457,0.000123457,1704067200000,0,null]");
    }
}
