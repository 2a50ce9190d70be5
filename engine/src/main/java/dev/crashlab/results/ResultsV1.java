package dev.crashlab.results;

import dev.crashlab.data.BarInterval;
import dev.crashlab.metrics.PerformanceMetrics;
import dev.crashlab.metrics.tail.PeriodSubset;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
 * {@code carry} 0 and each fill's {@code liquidationPrice} {@code null}. No version 1 writer wrote
 * tail figures or a crisis scorecard: {@code crises} is {@code []} (which windows a run scored
 * is not recorded), and {@code tail}, {@code benchmark.tail} and each regime's {@code tail} are
 * computed from the document's own equity, flows and regime labels, exactly as the engine
 * computes them ({@link TailFigures#ofEquity}, {@link PeriodSubset#ofLabel}). {@code path} (also
 * missing from version 2 documents written before it) is mode {@code unknown} with no detail and
 * counts 0.
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
        root.putArray("crises");
        addTails(root);
    }

    /**
     * Adds the tail figures of the run, its benchmark and its regimes, computed from the equity,
     * flows and labels the document holds; leaves them out where those are broken, so that reading
     * the document names the broken field.
     */
    private static void addTails(ObjectNode root) {
        JsonNode steps = root.path("equity");
        int n = steps.size();
        long[] times = new long[n];
        double[] equity = new double[n];
        double[] contributions = new double[n];
        for (int s = 0; s < n; s++) {
            JsonNode step = steps.get(s);
            try {
                times[s] = Instant.parse(step.path("time").asString("")).toEpochMilli();
            } catch (DateTimeParseException e) {
                return;
            }
            if (!step.path("equity").isNumber() || !step.path("contributions").isNumber()) {
                return;
            }
            equity[s] = step.path("equity").asDouble();
            contributions[s] = step.path("contributions").asDouble();
        }
        if (n == 0) {
            return;
        }
        root.set("tail", ResultsJson.toTree(TailFigures.ofEquity(equity, contributions, times)));
        if (root.get("benchmark") instanceof ObjectNode benchmark && benchmark.path("equity").size() == n) {
            double[] values = new double[n];
            for (int s = 0; s < n; s++) {
                values[s] = benchmark.path("equity").get(s).asDouble(Double.NaN);
            }
            benchmark.set("tail", ResultsJson.toTree(TailFigures.ofEquity(values, contributions, times)));
        }
        if (root.get("regimes") instanceof ObjectNode regimes && regimes.path("steps").size() == n) {
            int[] labelOfStep = new int[n];
            for (int s = 0; s < n; s++) {
                labelOfStep[s] = regimes.path("steps").get(s).asInt(-1);
            }
            List<String> labels = new ArrayList<>();
            regimes.path("labels").forEach(l -> labels.add(l.asString("")));
            double[] returns = PerformanceMetrics.periodReturns(equity, contributions);
            for (JsonNode metrics : regimes.path("metrics")) {
                int label = labels.indexOf(metrics.path("label").asString(""));
                if (metrics instanceof ObjectNode m && label >= 0) {
                    PeriodSubset periods = PeriodSubset.ofLabel(labelOfStep, label);
                    m.set("tail", ResultsJson.toTree(TailFigures.of(periods.tail(returns, times), times, periods::step)));
                }
            }
        }
    }

    /**
     * Gives {@code root} (version 1, or version 2 written before runs recorded how they resolved
     * their bars) the {@code path} of mode {@code unknown} with no counts, when it has none, and
     * its {@code path} a null {@code sensitivity} when it has none (a run without the option).
     */
    static void addPathResolution(ObjectNode root) {
        if (!root.has("path")) {
            ObjectNode path = root.putObject("path");
            path.put("mode", PathResolution.UNKNOWN);
            path.putObject("detail");
            path.put("detailBars", 0);
            path.put("ruleBars", 0);
            path.put("ambiguousBars", 0);
        }
        // Written only when configured (PathResolution#sensitivity): absent reads as none.
        if (root.get("path") instanceof ObjectNode path && !path.has("sensitivity")) {
            path.putNull("sensitivity");
        }
    }

    /**
     * Gives {@code root} (version 1, or version 2 written before results carried them) the
     * {@code stress}, {@code sweep} and {@code walkforward} sections as null, when it has none.
     */
    static void addStudies(ObjectNode root) {
        for (String section : new String[] {"stress", "sweep", "walkforward"}) {
            if (!root.has(section)) {
                root.putNull(section);
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
