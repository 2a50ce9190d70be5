package dev.crashlab.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A parameter sweep as its report shows it: every variant's parameters and metrics, and the two
 * parameters and the metric the heatmap is drawn over.
 *
 * @param name       the sweep's name, the page title
 * @param xParameter the parameter along the heatmap's columns
 * @param yParameter the parameter along the heatmap's rows
 * @param metric     the metric field (as in results.json's {@code metrics}, such as {@code sharpe})
 *                   that is mapped and that picks the best variant; it must have a better direction
 * @param variants   the variants, at least one
 */
public record Sweep(String name, String xParameter, String yParameter, String metric, List<Variant> variants) {

    /**
     * One variant of a sweep.
     *
     * @param parameters its parameter values (numbers, text or booleans)
     * @param metrics    its {@code metrics} object, as in results.json
     * @param href       the relative link to its own report, or {@code null}
     */
    public record Variant(Map<String, Object> parameters, JsonNode metrics, String href) {

        public Variant {
            Objects.requireNonNull(parameters, "parameters");
            Objects.requireNonNull(metrics, "metrics");
            parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        }
    }

    public Sweep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(xParameter, "xParameter");
        Objects.requireNonNull(yParameter, "yParameter");
        Objects.requireNonNull(metric, "metric");
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("sweep " + name + ": no variants");
        }
    }
}
