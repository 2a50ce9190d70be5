package dev.crashlab.report.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the JSON a page's script draws its charts from, and writes it so that it can sit inside
 * an HTML {@code <script>} element: Jackson serialises it (so every user string is a correctly
 * escaped JSON string, never spliced into code), then {@code <}, {@code >}, {@code &}, U+2028 and
 * U+2029 are replaced by JSON's six-character escapes of their code points (a backslash, {@code u}
 * and four hex digits, as {@link #escapeForScript} writes them). Those characters can only occur
 * inside JSON strings, where the escapes mean the same, so the JSON is unchanged while the HTML
 * parser can never see {@code </script>} or {@code <!--} in it.
 */
public final class PageJson {

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    private static final MathContext DISPLAY = new MathContext(6);

    private PageJson() {
    }

    /** Returns a new empty object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Returns a new empty array. */
    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** Adds {@code value} rounded to six significant digits (enough to draw), or null when not finite. */
    public static void add(ArrayNode array, double value) {
        if (!Double.isFinite(value)) {
            array.addNull();
        } else if (value == 0) {
            array.add(0);
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            array.add((long) value);
        } else {
            array.add(BigDecimal.valueOf(value).round(DISPLAY).stripTrailingZeros());
        }
    }

    /** Puts {@code value} rounded as {@link #add} does. */
    public static void put(ObjectNode object, String field, double value) {
        ArrayNode holder = array();
        add(holder, value);
        object.set(field, holder.get(0));
    }

    /** Returns {@code node} as JSON text safe to place between {@code <script>} and {@code </script>}. */
    public static String forScript(JsonNode node) {
        return escapeForScript(JSON.writeValueAsString(node));
    }

    /** Returns JSON text with the characters that matter to an HTML parser replaced by JSON escapes. */
    static String escapeForScript(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
