package dev.crashlab.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A parameter sweep: one run of the config, run once per combination of the listed parameter
 * values (a full grid), ranked by one metric.
 *
 * @param run      the name of the run whose strategy parameters vary
 * @param metric   the metric that ranks variants, a field of {@code results.json}'s metrics (the
 *                 report knows which direction is better for each)
 * @param axes     the parameters and their values, in config order
 * @param pboBlocks S, the blocks of the probability of backtest overfitting's CSCV ({@code pbo.blocks}):
 *                 even, from 2 to 24, 16 by default as in Bailey, Borwein, López de Prado and Zhu (2015)
 * @param path     the sweep's place in the config
 */
public record SweepConfig(String run, String metric, List<Axis> axes, int pboBlocks, String path) {

    /** The CSCV blocks unless the config says otherwise. */
    public static final int DEFAULT_PBO_BLOCKS = 16;

    /**
     * One swept parameter.
     *
     * @param parameter the strategy parameter's name; {@code wrappers[0].leverage} for a wrapper's
     * @param values    its values
     */
    public record Axis(String parameter, List<JsonNode> values) {
        public Axis {
            values = List.copyOf(values);
        }
    }

    public SweepConfig {
        axes = List.copyOf(axes);
    }

    /** Returns the number of variants: the product of the axes' sizes. */
    public int size() {
        long n = 1;
        for (Axis axis : axes) {
            n = Math.min(Integer.MAX_VALUE, n * axis.values().size());
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** Returns every combination of values, the last axis varying fastest. */
    public List<Map<String, JsonNode>> variants() {
        List<Map<String, JsonNode>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Axis axis : axes) {
            List<Map<String, JsonNode>> next = new ArrayList<>();
            for (Map<String, JsonNode> partial : out) {
                for (JsonNode value : axis.values()) {
                    Map<String, JsonNode> combination = new LinkedHashMap<>(partial);
                    combination.put(axis.parameter(), value);
                    next.add(combination);
                }
            }
            out = next;
        }
        return out;
    }
}
