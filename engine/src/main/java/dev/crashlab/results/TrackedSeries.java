package dev.crashlab.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * A figure or a state the strategy recorded at each step ({@code ctx.track}), for the report's
 * "Signals" section. Besides the values, it derives what that section shows of them, so that
 * pages compute nothing: a figure's last, smallest and largest recorded value, a state's share of
 * steps held and its {@link Lapse lapses}. A step where nothing was recorded (NaN) is unknown and
 * counts for none of these.
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

    private static final long DAY = 86_400_000L;

    public TrackedSeries {
        if (!VALUE.equals(kind) && !STATE.equals(kind)) {
            throw new ResultsException("kind", "expected \"" + VALUE + "\" or \"" + STATE + "\", got \"" + kind + "\"");
        }
        values = List.copyOf(values);
    }

    /**
     * A lapse is a stretch of consecutive steps where a state did not hold (0), begun by a step
     * where it held or was unknown (or by the first step) and ended likewise (or by the last).
     *
     * @param first the index of its first step
     * @param last  the index of its last step, included
     */
    public record Lapse(int first, int last) {

        /** Returns the number of steps it lasted. */
        public int steps() {
            return last - first + 1;
        }

        /**
         * Returns the calendar days it spans, given the time of each step (UTC epoch
         * milliseconds): from the UTC date of its first step to that of its last, both included.
         */
        public long calendarDays(long[] times) {
            return Math.floorDiv(times[last], DAY) - Math.floorDiv(times[first], DAY) + 1;
        }
    }

    /** Returns whether this is a state rather than a figure. */
    @JsonIgnore
    public boolean isState() {
        return STATE.equals(kind);
    }

    /** Returns the number of steps where something was recorded (the value is not NaN). */
    public int recordedSteps() {
        return (int) values.stream().filter(v -> !v.isNaN()).count();
    }

    /** Returns the last value recorded, NaN when nothing was. */
    public double lastRecorded() {
        for (int s = values.size() - 1; s >= 0; s--) {
            if (!values.get(s).isNaN()) {
                return values.get(s);
            }
        }
        return Double.NaN;
    }

    /** Returns the smallest value recorded, NaN when nothing was. */
    public double min() {
        return values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** Returns the largest value recorded, NaN when nothing was. */
    public double max() {
        return values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /**
     * Returns the share of the recorded steps where a state held, a fraction: NaN for a figure and
     * for a state never recorded.
     */
    public double heldShare() {
        int recorded = recordedSteps();
        if (!isState() || recorded == 0) {
            return Double.NaN;
        }
        return values.stream().filter(v -> v == 1).count() / (double) recorded;
    }

    /** Returns the lapses of a state, in step order; none for a figure. */
    public List<Lapse> lapses() {
        if (!isState()) {
            return List.of();
        }
        List<Lapse> out = new ArrayList<>();
        int first = -1;
        for (int s = 0; s <= values.size(); s++) {
            boolean lapsed = s < values.size() && values.get(s) == 0;
            if (lapsed && first < 0) {
                first = s;
            } else if (!lapsed && first >= 0) {
                out.add(new Lapse(first, s - 1));
                first = -1;
            }
        }
        return List.copyOf(out);
    }
}
