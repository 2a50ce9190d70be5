package dev.crashlab.results;

import java.util.List;
import java.util.Objects;

/**
 * The results of a parameter sweep: the swept parameters, the metric that ranks the variants, and
 * every variant's parameters and metrics, in grid order.
 *
 * @param name       the sweep's name
 * @param parameters the swept parameters, in axis order, at least one; a heatmap is drawn over the
 *                   first two (the first alone when there is one)
 * @param metric     the field of {@link RunMetrics} that ranks the variants (see {@link Metric}),
 *                   such as {@code sharpe}
 * @param variants   the variants, at least one
 */
public record SweepResults(String name, List<String> parameters, String metric, List<SweepVariant> variants) {

    public SweepResults {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        parameters = List.copyOf(parameters);
        variants = List.copyOf(variants);
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("sweep " + name + ": no swept parameter");
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("sweep " + name + ": no variants");
        }
    }

    /** Returns the parameter along the heatmap's columns: the first swept one. */
    public String xParameter() {
        return parameters.getFirst();
    }

    /** Returns the parameter along the heatmap's rows: the second swept one, or the first when there is one. */
    public String yParameter() {
        return parameters.get(parameters.size() > 1 ? 1 : 0);
    }
}
