package dev.crashlab.results;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One swept parameter of a grid and its values, in the order the config lists them.
 *
 * @param parameter the strategy parameter's name; {@code wrappers[0].leverage} for a wrapper's
 * @param values    its values (numbers, text or booleans), at least one
 */
public record SweepAxis(String parameter, List<JsonNode> values) {

    public SweepAxis {
        Objects.requireNonNull(parameter, "parameter");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new ResultsException("values", "no value for " + parameter);
        }
    }

    /** Returns the number of values. */
    public int size() {
        return values.size();
    }
}
