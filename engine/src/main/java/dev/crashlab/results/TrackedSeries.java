package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A figure or a state the strategy recorded at each step ({@code ctx.track}), for the report's
 * "Signals" section.
 *
 * @param name   the name the strategy gave it
 * @param kind   {@value #VALUE} for a figure, {@value #STATE} for a state (1 where it held, 0 where not)
 * @param values one value per step, NaN (null in the file) where nothing was recorded
 */
public record TrackedSeries(String name, String kind, List<Double> values) {

    /** The kind of a tracked figure. */
    public static final String VALUE = "value";

    /** The kind of a tracked state. */
    public static final String STATE = "state";

    public TrackedSeries {
        if (!VALUE.equals(kind) && !STATE.equals(kind)) {
            throw new ResultsException("kind", "expected \"" + VALUE + "\" or \"" + STATE + "\", got \"" + kind + "\"");
        }
        values = List.copyOf(values);
    }

    /** Returns whether this is a state rather than a figure. */
    @JsonIgnore
    public boolean isState() {
        return STATE.equals(kind);
    }
}
