package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One variant of a sweep.
 *
 * @param id         its id, {@code <run>-<index>} ({@link SweepResults#variantId}): the name the
 *                   log, {@code variants.csv}, {@code sweep.json} and the sweep page give it
 * @param parameters its parameter values (numbers, text or booleans), by name, in grid order
 * @param metrics    its metrics
 * @param report     its own report, relative to the sweep's folder, or null when only its metrics were kept
 */
public record SweepVariant(String id, Map<String, JsonNode> parameters, RunMetrics metrics,
        @JsonSetter(nulls = Nulls.SET) String report) {

    public SweepVariant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metrics, "metrics");
        parameters = Fields.ordered(parameters);
    }
}
