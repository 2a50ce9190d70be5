package dev.crashlab.results;

import dev.crashlab.data.BarInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a {@code crashlab-results/1} document into a {@value RunResults#SCHEMA} one. The two
 * layouts are the same but for the schema id; early writers of version 1 left out fields that
 * later ones wrote, and those get the defaults README documents:
 * {@code config} {@code {}}, {@code warnings} {@code []}, {@code tracked} {@code []}, {@code period.interval} the shortest
 * distance between two steps ({@code 1d} for a single step), {@code account.margin.mode}
 * {@code cross}, {@code account.margin.maintenanceTiers} one tier from 0 at
 * {@code account.margin.maintenance}, {@code costs.pathRule} {@code unknown}, each trade's
 * {@code carry} 0 and each fill's {@code liquidationPrice} {@code null}.
 */
final class ResultsV1 {

    /** The path rule of a version 1 document that does not say: it predates path rules. */
    static final String UNKNOWN_PATH_RULE = "unknown";

    private ResultsV1() {
    }

    /** Turns {@code root}, a version 1 document, into a version 2 one in place. */
    static void upgrade(ObjectNode root) {
        root.put("schema", RunResults.SCHEMA);
        if (!root.has("config")) {
            root.putObject("config");
        }
        if (!root.has("warnings")) {
            root.putArray("warnings");
        }
        if (!root.has("tracked")) {
            root.putArray("tracked");
        }
        if (!root.has("candles")) {
            // Version 1 predates candle windows: the report draws none.
            root.putNull("candles");
        }
        for (JsonNode series : root.path("series")) {
            // Version 1 predates declared units.
            if (series instanceof ObjectNode o && !o.has("unit")) {
                o.put("unit", "");
            }
        }
        if (root.get("period") instanceof ObjectNode period && !period.has("interval")) {
            period.put("interval", interval(root.get("equity")));
        }
        if (root.get("account") instanceof ObjectNode account && account.get("margin") instanceof ObjectNode margin) {
            if (!margin.has("mode")) {
                margin.put("mode", "cross");
            }
            if (!margin.has("maintenanceTiers")) {
                ObjectNode tier = margin.putArray("maintenanceTiers").addObject();
                tier.put("floor", 0.0);
                tier.set("rate", margin.get("maintenance"));
            }
        }
        if (root.get("costs") instanceof ObjectNode costs && !costs.has("pathRule")) {
            costs.put("pathRule", UNKNOWN_PATH_RULE);
        }
        for (JsonNode trade : root.path("trades")) {
            if (trade instanceof ObjectNode t && !t.has("carry")) {
                t.put("carry", 0.0);
            }
        }
        for (JsonNode fill : root.path("fills")) {
            if (fill instanceof ObjectNode f && !f.has("liquidationPrice")) {
                f.putNull("liquidationPrice");
            }
        }
    }

    /** Returns the shortest distance between two consecutive step times as a bar interval, 1d when there is none. */
    private static String interval(JsonNode equity) {
        long shortest = Long.MAX_VALUE;
        Instant previous = null;
        if (equity instanceof ArrayNode steps) {
            for (JsonNode step : steps) {
                Instant time;
                try {
                    time = Instant.parse(step.path("time").asString(""));
                } catch (DateTimeParseException e) {
                    continue; // reading the document names the field
                }
                if (previous != null && time.isAfter(previous)) {
                    shortest = Math.min(shortest, Duration.between(previous, time).toMillis());
                }
                previous = time;
            }
        }
        return shortest == Long.MAX_VALUE ? BarInterval.DAY.toString() : BarInterval.of(Duration.ofMillis(shortest)).toString();
    }
}
